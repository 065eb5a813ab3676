//! The methods of `array.array`.

use crate::object::{Obj, PyRef};
use crate::ops;
use crate::runtime::{PyErr, PyResult};
use crate::types::bytes::{from_vec, BytesObj};
use crate::types::list::{new_list, ListObj};
use crate::types::str::{from_string, StrObj};
use crate::types::tuple::new_tuple;
use crate::types::typeobj::{Args, GetSetDef, MethodDef};
use crate::types::{int, none};
use crate::util::args;

use super::array_type::{check_multiple, extend, new_array, pack_all, this, ArrayObj};
use super::typecode::{wchar, Code};

/// The items of a 'u' array as a str.
pub fn to_unicode(a: &ArrayObj) -> PyResult {
    let data = a.bytes();
    let mut s = String::with_capacity(data.len() / 4);
    for c in data.chunks_exact(4) {
        s.push(wchar(u32::from_ne_bytes([c[0], c[1], c[2], c[3]]))?);
    }
    Ok(from_string(s))
}

/// `i` normalised for `insert` (clamped to `0..=len`).
fn insert_index(i: i64, len: usize) -> usize {
    let n = len as i64;
    let i = if i < 0 { (i + n).max(0) } else { i.min(n) };
    i as usize
}

fn insert_packed(a: &ArrayObj, i: i64, item: &[u8]) {
    let at = insert_index(i, a.len()) * a.itemsize();
    a.with_data_mut(|d| {
        let at = at.min(d.len());
        d.splice(at..at, item.iter().copied());
    });
}

fn m_append(a: Args) -> PyResult {
    let [s, v] = args::exact::<2>(a, "array.append")?;
    let arr = this(s);
    let b = arr.pack(v)?;
    arr.append_bytes(&b)?;
    Ok(none())
}

fn m_insert(a: Args) -> PyResult {
    let [s, i, v] = args::parse(a, "insert", &["self", "i", "v", "/"], 3)?;
    let (s, i, v) = (s.expect("self"), i.expect("i"), v.expect("v"));
    let i = int::expect_i64(i, "ssize_t")?;
    let arr = this(s);
    let b = arr.pack(v)?;
    arr.check_resize()?;
    insert_packed(arr, i, &b);
    Ok(none())
}

fn m_extend(a: Args) -> PyResult {
    let [s, x] = args::exact::<2>(a, "array.extend")?;
    extend(s, x)?;
    Ok(none())
}

fn m_pop(a: Args) -> PyResult {
    let [s, i] = args::parse(a, "pop", &["self", "i", "/"], 1)?;
    let s = s.expect("self");
    let i = match i {
        Some(i) => int::expect_i64(i, "ssize_t")?,
        None => -1,
    };
    let arr = this(s);
    let n = arr.len() as i64;
    if n == 0 {
        return Err(PyErr::index_error("pop from empty array"));
    }
    let i = if i < 0 { i + n } else { i };
    if i < 0 || i >= n {
        return Err(PyErr::index_error("pop index out of range"));
    }
    let item = arr.item(i as usize)?.ok_or_else(|| PyErr::index_error("pop index out of range"))?;
    arr.check_resize()?;
    let sz = arr.itemsize();
    arr.with_data_mut(|d| {
        let at = i as usize * sz;
        if at + sz <= d.len() {
            d.drain(at..at + sz);
        }
    });
    Ok(item)
}

/// The index of the first item equal to `v` in `start..stop` (re-reading the
/// length each step, as comparisons may change the array).
fn find(arr: &ArrayObj, v: &Obj, start: usize, stop: usize) -> PyResult<Option<usize>> {
    let mut i = start;
    while i < stop {
        let Some(x) = arr.item(i)? else { break };
        if ops::eq_bool(&x, v)? {
            return Ok(Some(i));
        }
        i += 1;
    }
    Ok(None)
}

fn m_remove(a: Args) -> PyResult {
    let [s, v] = args::exact::<2>(a, "array.remove")?;
    let arr = this(s);
    let Some(i) = find(arr, v, 0, usize::MAX)? else {
        return Err(PyErr::value_error("array.remove(x): x not in array"));
    };
    arr.check_resize()?;
    let sz = arr.itemsize();
    arr.with_data_mut(|d| {
        if (i + 1) * sz <= d.len() {
            d.drain(i * sz..(i + 1) * sz);
        }
    });
    Ok(none())
}

fn m_index(a: Args) -> PyResult {
    let len = this(a.all[0]).len();
    let (v, start, stop) = crate::types::seq::index_args(a, "index", len)?;
    match find(this(a.all[0]), v, start, stop)? {
        Some(i) => Ok(int::from_usize(i)),
        None => Err(PyErr::value_error("array.index(x): x not in array")),
    }
}

fn m_count(a: Args) -> PyResult {
    let [s, v] = args::exact::<2>(a, "array.count")?;
    let arr = this(s);
    let mut n = 0;
    let mut i = 0;
    while let Some(x) = arr.item(i)? {
        if ops::eq_bool(&x, v)? {
            n += 1;
        }
        i += 1;
    }
    Ok(int::from_usize(n))
}

fn m_reverse(a: Args) -> PyResult {
    let [s] = args::exact::<1>(a, "array.reverse")?;
    let arr = this(s);
    let sz = arr.itemsize();
    arr.with_data_mut(|d| {
        let n = d.len() / sz;
        for i in 0..n / 2 {
            let j = n - 1 - i;
            for k in 0..sz {
                d.swap(i * sz + k, j * sz + k);
            }
        }
    });
    Ok(none())
}

fn m_byteswap(a: Args) -> PyResult {
    let [s] = args::exact::<1>(a, "array.byteswap")?;
    let arr = this(s);
    let sz = arr.itemsize();
    arr.with_data_mut(|d| d.chunks_exact_mut(sz).for_each(<[u8]>::reverse));
    Ok(none())
}

fn m_buffer_info(a: Args) -> PyResult {
    let [s] = args::exact::<1>(a, "array.buffer_info")?;
    let arr = this(s);
    let addr = arr.with_data(|d| d.as_ptr() as usize);
    Ok(new_tuple(vec![int::from_u64(addr as u64), int::from_usize(arr.len())]))
}

fn m_tobytes(a: Args) -> PyResult {
    let [s] = args::exact::<1>(a, "array.tobytes")?;
    Ok(from_vec(this(s).bytes()))
}

fn m_frombytes(a: Args) -> PyResult {
    let [s, b] = args::exact::<2>(a, "array.frombytes")?;
    let data = crate::types::bytes_args::buffer_arg(b)?.into_owned();
    let arr = this(s);
    check_multiple(data.len(), arr.code())?;
    arr.append_bytes(&data)?;
    Ok(none())
}

fn m_tolist(a: Args) -> PyResult {
    let [s] = args::exact::<1>(a, "array.tolist")?;
    Ok(new_list(this(s).items()?))
}

fn m_fromlist(a: Args) -> PyResult {
    let [s, l] = args::exact::<2>(a, "array.fromlist")?;
    let Some(list) = l.downcast::<ListObj>() else {
        return Err(PyErr::type_error("arg must be list"));
    };
    let arr = this(s);
    // All items are checked before any is appended.
    let data = pack_all(arr.code(), &list.to_vec())?;
    arr.append_bytes(&data)?;
    Ok(none())
}

fn m_tounicode(a: Args) -> PyResult {
    let [s] = args::exact::<1>(a, "array.tounicode")?;
    let arr = this(s);
    if arr.code() != Code::Wchar {
        return Err(PyErr::value_error("tounicode() may only be called on unicode type arrays"));
    }
    to_unicode(arr)
}

fn m_fromunicode(a: Args) -> PyResult {
    let [s, u] = args::exact::<2>(a, "array.fromunicode")?;
    let Some(text) = u.downcast::<StrObj>() else {
        return Err(PyErr::type_error(format!("fromunicode() argument must be str, not {}", u.class().name())));
    };
    let arr = this(s);
    if arr.code() != Code::Wchar {
        return Err(PyErr::value_error("fromunicode() may only be called on unicode type arrays"));
    }
    let data: Vec<u8> = text.as_str().chars().flat_map(|c| (c as u32).to_ne_bytes()).collect();
    arr.append_bytes(&data)?;
    Ok(none())
}

fn m_fromfile(a: Args) -> PyResult {
    let [s, f, n] = args::parse(a, "fromfile", &["self", "f", "n", "/"], 3)?;
    let (s, f, n) = (s.expect("self"), f.expect("f"), n.expect("n"));
    let n = int::expect_i64(n, "ssize_t")?;
    if n < 0 {
        return Err(PyErr::value_error("negative count"));
    }
    let arr = this(s);
    let nbytes = (n as u64).checked_mul(arr.itemsize() as u64).filter(|&b| b <= isize::MAX as u64);
    let Some(nbytes) = nbytes else { return Err(PyErr::memory_error()) };
    let b = ops::call_method(f, "read", &[&int::from_u64(nbytes)])?;
    let Some(data) = b.downcast::<BytesObj>() else {
        return Err(PyErr::type_error("read() didn't return bytes"));
    };
    let data = data.as_bytes();
    check_multiple(data.len(), arr.code())?;
    arr.append_bytes(data)?;
    if data.len() as u64 != nbytes {
        return Err(PyErr::new(&crate::types::exceptions::EOF_ERROR, "read() didn't return enough bytes"));
    }
    Ok(none())
}

fn m_tofile(a: Args) -> PyResult {
    let [s, f] = args::exact::<2>(a, "array.tofile")?;
    const BLOCK: usize = 64 * 1024;
    let data = this(s).bytes();
    for chunk in data.chunks(BLOCK) {
        ops::call_method(f, "write", &[&from_vec(chunk.to_vec())])?;
    }
    Ok(none())
}

/// A new exact array with the same items (`__copy__`; CPython's copy of a
/// subclass instance is an `array.array` too).
fn copy_of(s: &Obj) -> PyRef {
    let arr = this(s);
    new_array(arr.code(), arr.bytes())
}

fn m_copy(a: Args) -> PyResult {
    let [s] = args::exact::<1>(a, "array.__copy__")?;
    Ok(copy_of(s))
}

fn m_deepcopy(a: Args) -> PyResult {
    let [s, _memo] = args::exact::<2>(a, "array.__deepcopy__")?;
    Ok(copy_of(s))
}

fn m_sizeof(a: Args) -> PyResult {
    let [s] = args::exact::<1>(a, "array.__sizeof__")?;
    // CPython's arrayobject is 64 bytes plus the allocated items.
    let cap = this(s).with_data_mut(|d| d.capacity());
    Ok(int::from_usize(64 + cap))
}

fn m_class_getitem(a: Args) -> PyResult {
    crate::types::genericalias::class_getitem(a)
}

fn g_typecode(o: &Obj) -> PyResult {
    Ok(crate::types::str::char_str(this(o).code().char()))
}

fn g_itemsize(o: &Obj) -> PyResult {
    Ok(int::from_usize(this(o).itemsize()))
}

pub static METHODS: &[MethodDef] = &[
    MethodDef::method("append", m_append),
    MethodDef::method("buffer_info", m_buffer_info),
    MethodDef::method("byteswap", m_byteswap),
    MethodDef::method("__copy__", m_copy),
    MethodDef::method("count", m_count),
    MethodDef::method("__deepcopy__", m_deepcopy),
    MethodDef::method("extend", m_extend),
    MethodDef::method("frombytes", m_frombytes),
    MethodDef::method("fromfile", m_fromfile),
    MethodDef::method("fromlist", m_fromlist),
    MethodDef::method("fromunicode", m_fromunicode),
    MethodDef::method("index", m_index),
    MethodDef::method("insert", m_insert),
    MethodDef::method("pop", m_pop),
    MethodDef::method("__reduce_ex__", super::pickle::m_reduce_ex),
    MethodDef::method("remove", m_remove),
    MethodDef::method("reverse", m_reverse),
    MethodDef::method("tofile", m_tofile),
    MethodDef::method("tolist", m_tolist),
    MethodDef::method("tobytes", m_tobytes),
    MethodDef::method("tounicode", m_tounicode),
    MethodDef::method("__sizeof__", m_sizeof),
    MethodDef::class("__class_getitem__", m_class_getitem),
];

pub static GETSETS: &[GetSetDef] =
    &[GetSetDef::getter("typecode", g_typecode), GetSetDef::getter("itemsize", g_itemsize)];

//! A minimal `memoryview` over bytes and bytearray: one-dimensional, format
//! 'B'. Indexing, slicing (views share the underlying object), comparison,
//! hashing, `tobytes`/`tolist`/`hex`, release and the context manager, and
//! item/slice assignment through views of a bytearray.
//!
//! Not implemented: other formats and shapes (`cast`), and the export lock that
//! makes CPython refuse to resize a bytearray while a view of it exists (a view
//! of a shrunk bytearray reads only the bytes that remain).

use std::cell::Cell;

use crate::object::{Obj, PyCell, PyPayload, PyRef};
use crate::runtime::{PyErr, PyResult};
use crate::types::bytearray::{byte_value, ByteArrayObj};
use crate::types::bytes::{from_vec, BytesObj};
use crate::types::bytes_args::{buffer, keywords, noargs};
use crate::types::bytes_methods::with_data;
use crate::types::str::from_string;
use crate::types::tuple::new_tuple;
use crate::types::typeobj::{Args, GetSetDef, MethodDef, TypeObj};
use crate::types::{int, new_bool, none, not_implemented};
use ember_compiler::bytecode::CompareOp;

#[repr(C)]
pub struct MemoryViewObj {
    pub ob: Obj,
    /// The bytes or bytearray viewed; None once released.
    obj: PyCell<Option<PyRef>>,
    start: usize,
    step: isize,
    len: usize,
    readonly: bool,
    hash: Cell<Option<i64>>,
}

// SAFETY: `#[repr(C)]` starting with `Obj`.
unsafe impl PyPayload for MemoryViewObj {
    fn class() -> &'static TypeObj {
        &MEMORYVIEW_TYPE
    }
}

fn this(o: &Obj) -> &MemoryViewObj {
    o.downcast::<MemoryViewObj>().expect("memoryview")
}

#[cold]
fn released() -> PyErr {
    PyErr::value_error("operation forbidden on released memoryview object")
}

fn new_view(obj: PyRef, start: usize, step: isize, len: usize, readonly: bool) -> PyRef {
    crate::object::alloc::alloc_object(
        &MEMORYVIEW_TYPE,
        MemoryViewObj {
            ob: Obj::new(&MEMORYVIEW_TYPE.0),
            obj: PyCell::new(Some(obj)),
            start,
            step,
            len,
            readonly,
            hash: Cell::new(None),
        },
        0,
    )
}

impl MemoryViewObj {
    fn target(&self) -> PyResult<PyRef> {
        self.obj.get_clone().ok_or_else(released)
    }

    /// The offsets of the viewed bytes in the target.
    fn offsets(&self) -> impl Iterator<Item = usize> + '_ {
        (0..self.len).map(|k| (self.start as isize + k as isize * self.step) as usize)
    }

    fn bytes(&self) -> PyResult<Vec<u8>> {
        let t = self.target()?;
        Ok(with_data(&t, |d| self.offsets().filter_map(|i| d.get(i).copied()).collect()))
    }
}

/// The bytes a memoryview shows (None for other objects and released views).
pub fn view_bytes(o: &Obj) -> Option<Vec<u8>> {
    o.downcast::<MemoryViewObj>().and_then(|m| m.bytes().ok())
}

fn mv_new(_t: &TypeObj, a: Args) -> PyResult {
    let [object] = crate::util::args::parse(a, "memoryview", &["object"], 1)?;
    let o = object.expect("required");
    if let Some(m) = o.downcast::<MemoryViewObj>() {
        return Ok(new_view(m.target()?, m.start, m.step, m.len, m.readonly));
    }
    let readonly = if o.isa::<BytesObj>() {
        true
    } else if o.isa::<ByteArrayObj>() {
        false
    } else {
        return Err(PyErr::type_error(format!(
            "memoryview: a bytes-like object is required, not '{}'",
            o.class().name()
        )));
    };
    let len = with_data(o, <[u8]>::len);
    Ok(new_view(o.to_owned(), 0, 1, len, readonly))
}

fn mv_len(o: &Obj) -> PyResult<usize> {
    let m = this(o);
    m.target()?;
    Ok(m.len)
}

fn item_index(m: &MemoryViewObj, key: &Obj) -> PyResult<usize> {
    let Some(i) = crate::ops::index_opt(key)? else {
        return Err(PyErr::type_error("memoryview: invalid slice key"));
    };
    let i = int::as_i64(&i).ok_or_else(|| PyErr::index_error("cannot fit 'int' into an index-sized integer"))?;
    let k = crate::types::seq::norm_index(i, m.len)
        .ok_or_else(|| PyErr::index_error("index out of bounds on dimension 1"))?;
    Ok((m.start as isize + k as isize * m.step) as usize)
}

fn mv_getitem(o: &Obj, key: &Obj) -> PyResult {
    let m = this(o);
    let t = m.target()?;
    if let Some(sl) = key.downcast::<crate::types::slice::SliceObj>() {
        let (start, _, step, len) = sl.indices(m.len)?;
        let base = m.start as isize + start as isize * m.step;
        return Ok(new_view(t, base.max(0) as usize, m.step * step as isize, len, m.readonly));
    }
    let i = item_index(m, key)?;
    let b =
        with_data(&t, |d| d.get(i).copied()).ok_or_else(|| PyErr::index_error("index out of bounds on dimension 1"))?;
    Ok(int::new_int(b as i64))
}

fn mv_setitem(o: &Obj, key: &Obj, value: Option<&Obj>) -> PyResult<()> {
    let m = this(o);
    let t = m.target()?;
    if m.readonly {
        return Err(PyErr::type_error("cannot modify read-only memory"));
    }
    let Some(value) = value else {
        return Err(PyErr::type_error("cannot delete memory"));
    };
    let ba = t.downcast::<ByteArrayObj>().expect("writable views are of bytearrays");
    if let Some(sl) = key.downcast::<crate::types::slice::SliceObj>() {
        let (start, _, step, len) = sl.indices(m.len)?;
        let src = buffer(value).ok_or_else(|| {
            PyErr::type_error(format!("a bytes-like object is required, not '{}'", value.class().name()))
        })?;
        if src.len() != len {
            return Err(PyErr::value_error("memoryview assignment: lvalue and rvalue have different structures"));
        }
        let base = m.start as isize + start as isize * m.step;
        return ba.data.with_mut(|d| {
            for (k, &b) in src.iter().enumerate() {
                if let Some(slot) = d.get_mut((base + k as isize * step as isize * m.step) as usize) {
                    *slot = b;
                }
            }
            Ok(())
        });
    }
    let i = item_index(m, key)?;
    let v = byte_value(value).map_err(|_| PyErr::value_error("memoryview: invalid value for format 'B'"))?;
    ba.data.with_mut(|d| {
        if let Some(slot) = d.get_mut(i) {
            *slot = v;
        }
    });
    Ok(())
}

fn mv_richcompare(a: &Obj, b: &Obj, op: CompareOp) -> PyResult {
    if !matches!(op, CompareOp::Eq | CompareOp::Ne) {
        return Ok(not_implemented());
    }
    let eq = if a.is(b) {
        true
    } else {
        let (x, y) = (this_opt_bytes(a), this_opt_bytes(b));
        match (x, y) {
            (Some(x), Some(y)) => x == y,
            _ => false,
        }
    };
    Ok(new_bool(eq == (op == CompareOp::Eq)))
}

/// The bytes of a comparison operand (None when released or not bytes-like).
fn this_opt_bytes(o: &Obj) -> Option<Vec<u8>> {
    match o.downcast::<MemoryViewObj>() {
        Some(m) => m.bytes().ok(),
        None => buffer(o).map(|b| b.into_owned()),
    }
}

fn mv_hash(o: &Obj) -> PyResult<i64> {
    let m = this(o);
    if let Some(h) = m.hash.get() {
        return Ok(h);
    }
    if !m.readonly {
        return Err(PyErr::value_error("cannot hash writable memoryview object"));
    }
    let h = crate::util::siphash::hash_bytes(&m.bytes()?);
    m.hash.set(Some(h));
    Ok(h)
}

fn mv_repr(o: &Obj) -> PyResult {
    let state = if this(o).obj.with(|x| x.is_none()) { "released " } else { "" };
    Ok(from_string(format!("<{state}memory at {:#x}>", o.as_ptr() as usize)))
}

fn mv_iter(o: &Obj) -> PyResult {
    this(o).target()?;
    Ok(crate::types::iterators::new_seq_iter(o))
}

fn mv_traverse(o: &Obj, visit: &mut dyn FnMut(&Obj)) {
    this(o).obj.with(|x| {
        if let Some(x) = x {
            visit(x)
        }
    });
}

fn m_tobytes(a: Args) -> PyResult {
    let (s, [_order]) = keywords(a, "tobytes", ["order"], 0)?;
    Ok(from_vec(this(s).bytes()?))
}

fn m_tolist(a: Args) -> PyResult {
    let s = noargs(a, "tolist")?;
    let items = this(s).bytes()?.into_iter().map(|b| int::new_int(b as i64)).collect();
    Ok(crate::types::list::new_list(items))
}

fn m_hex(a: Args) -> PyResult {
    let s = a.all[0];
    let data = this(s).bytes()?;
    let b = from_vec(data);
    let mut all: Vec<&Obj> = a.all.to_vec();
    all[0] = &b;
    crate::types::bytes_transform::m_hex(Args { all: &all, nargs: a.nargs, kwnames: a.kwnames })
}

fn m_release(a: Args) -> PyResult {
    let s = noargs(a, "release")?;
    let old = this(s).obj.replace(None);
    drop(old);
    Ok(none())
}

fn m_toreadonly(a: Args) -> PyResult {
    let s = noargs(a, "toreadonly")?;
    let m = this(s);
    Ok(new_view(m.target()?, m.start, m.step, m.len, true))
}

fn m_enter(a: Args) -> PyResult {
    let s = noargs(a, "__enter__")?;
    this(s).target()?;
    Ok(s.to_owned())
}

fn m_exit(a: Args) -> PyResult {
    let old = this(a.all[0]).obj.replace(None);
    drop(old);
    Ok(none())
}

fn g_obj(o: &Obj) -> PyResult {
    this(o).target()
}
fn g_nbytes(o: &Obj) -> PyResult {
    this(o).target()?;
    Ok(int::from_usize(this(o).len))
}
fn g_readonly(o: &Obj) -> PyResult {
    this(o).target()?;
    Ok(new_bool(this(o).readonly))
}
fn g_itemsize(o: &Obj) -> PyResult {
    this(o).target()?;
    Ok(int::new_int(1))
}
fn g_format(o: &Obj) -> PyResult {
    this(o).target()?;
    Ok(crate::types::str::new_str("B"))
}
fn g_ndim(o: &Obj) -> PyResult {
    this(o).target()?;
    Ok(int::new_int(1))
}
fn g_shape(o: &Obj) -> PyResult {
    this(o).target()?;
    Ok(new_tuple(vec![int::from_usize(this(o).len)]))
}
fn g_strides(o: &Obj) -> PyResult {
    this(o).target()?;
    Ok(new_tuple(vec![int::new_int(this(o).step as i64)]))
}
fn g_contiguous(o: &Obj) -> PyResult {
    let m = this(o);
    m.target()?;
    Ok(new_bool(m.step == 1 || m.len <= 1))
}
fn g_released(o: &Obj) -> PyResult {
    Ok(new_bool(this(o).obj.with(|x| x.is_none())))
}

static METHODS: &[MethodDef] = &[
    MethodDef::method("tobytes", m_tobytes),
    MethodDef::method("tolist", m_tolist),
    MethodDef::method("hex", m_hex),
    MethodDef::method("release", m_release),
    MethodDef::method("toreadonly", m_toreadonly),
    MethodDef::method("__enter__", m_enter),
    MethodDef::method("__exit__", m_exit),
];

static GETSETS: &[GetSetDef] = &[
    GetSetDef::getter("obj", g_obj),
    GetSetDef::getter("nbytes", g_nbytes),
    GetSetDef::getter("readonly", g_readonly),
    GetSetDef::getter("itemsize", g_itemsize),
    GetSetDef::getter("format", g_format),
    GetSetDef::getter("ndim", g_ndim),
    GetSetDef::getter("shape", g_shape),
    GetSetDef::getter("strides", g_strides),
    GetSetDef::getter("c_contiguous", g_contiguous),
    GetSetDef::getter("f_contiguous", g_contiguous),
    GetSetDef::getter("contiguous", g_contiguous),
    GetSetDef::getter("released", g_released),
];

crate::static_type! {
    pub static MEMORYVIEW_TYPE: MemoryViewObj = "memoryview" {
        flags: HAVE_GC | SEQUENCE,
        methods: METHODS,
        getsets: GETSETS,
        slots: {
            new: mv_new, len: mv_len, getitem: mv_getitem, setitem: mv_setitem, richcompare: mv_richcompare,
            hash: mv_hash, repr: mv_repr, iter: mv_iter, traverse: mv_traverse,
        },
    }
}

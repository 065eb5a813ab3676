//! A minimal `memoryview` over bytes and bytearray: one-dimensional, format
//! 'B'. Indexing, slicing (views share the underlying object), comparison,
//! hashing, `tobytes`/`tolist`/`hex`, release and the context manager, and
//! item/slice assignment through views of a bytearray.
//!
//! `cast(fmt)` gives one-dimensional views of C-contiguous memory in the
//! native integer formats (`re._compiler` reads its charset words through
//! `cast('I')`); such views support `len`, item reads and assignment,
//! contiguous slices, `tolist`, `tobytes`, comparison and the format getters,
//! not slices with a step or slice assignment.
//!
//! Views of an `array.array` have the array's typecode as their format
//! (floats read as floats; the 'w' items of 'u' arrays cannot be read, as in
//! CPython), support
//! item assignment, and `cast('B')` gives their bytes.
//!
//! Not implemented: shapes, other formats, and the export lock that makes
//! CPython refuse to resize a bytearray or array while a view of it exists (a
//! view of a shrunk object reads only the bytes that remain).

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
    /// The bytes, bytearray or array viewed; None once released.
    obj: PyCell<Option<PyRef>>,
    start: usize,
    step: isize,
    len: usize,
    readonly: bool,
    hash: Cell<Option<i64>>,
    /// The item format: b'B' unless made by `cast`; views of other formats
    /// have `step == 1` and `len` a multiple of the item size.
    format: u8,
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
    new_view_fmt(obj, start, step, len, readonly, b'B')
}

fn new_view_fmt(obj: PyRef, start: usize, step: isize, len: usize, readonly: bool, format: u8) -> PyRef {
    crate::modules::array::set_exported(&obj, true);
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
            format,
        },
        0,
    )
}

/// Takes the target out of a view (release), ending its export.
fn release_target(m: &MemoryViewObj) {
    if let Some(t) = m.obj.replace(None) {
        crate::modules::array::set_exported(&t, false);
    }
}

impl Drop for MemoryViewObj {
    fn drop(&mut self) {
        self.obj.with(|t| {
            if let Some(t) = t {
                crate::modules::array::set_exported(t, false);
            }
        });
    }
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

    fn itemsize(&self) -> usize {
        format_size(self.format).unwrap_or(1)
    }

    /// The number of items.
    fn items(&self) -> usize {
        self.len / self.itemsize()
    }

    /// The items' values (comparison); 'c' items are their byte.
    fn values(&self) -> PyResult<Vec<Value>> {
        let size = self.itemsize();
        Ok(self.bytes()?.chunks_exact(size).map(|c| item_value(self.format, c)).collect())
    }

    /// The item at byte offset `at` as a Python object.
    fn item_at(&self, data: &[u8], at: usize) -> Option<PyRef> {
        let c = data.get(at..at + self.itemsize())?;
        Some(match (self.format, item_value(self.format, c)) {
            (b'c', _) => from_vec(c.to_vec()),
            (_, Value::Float(x)) => crate::types::float::new_float(x),
            (_, Value::Int(v)) => int::from_bigint(v.into()),
        })
    }

    /// NotImplementedError for formats whose items cannot be read ('w', the
    /// UCS-4 characters of a 'u' array).
    fn check_readable_format(&self) -> PyResult<()> {
        if self.format == b'w' {
            return Err(PyErr::not_implemented("memoryview: format w not supported"));
        }
        Ok(())
    }
}

/// The value of one item: integers exactly, floats as doubles.
#[derive(Clone, Copy)]
enum Value {
    Int(i128),
    Float(f64),
}

impl PartialEq for Value {
    fn eq(&self, other: &Value) -> bool {
        match (*self, *other) {
            (Value::Int(a), Value::Int(b)) => a == b,
            (Value::Float(a), Value::Float(b)) => a == b,
            (Value::Int(a), Value::Float(b)) | (Value::Float(b), Value::Int(a)) => a as f64 == b && b.fract() == 0.0,
        }
    }
}

/// The buffer format of an array's items: its typecode, except 'w' (UCS-4)
/// for 'u'.
fn buffer_format(typecode: char) -> u8 {
    if typecode == 'u' {
        b'w'
    } else {
        typecode as u8
    }
}

/// The size of a native single-character format (those `cast` supports, and
/// the formats of array views).
fn format_size(f: u8) -> Option<usize> {
    Some(match f {
        b'B' | b'b' | b'c' => 1,
        b'H' | b'h' => 2,
        b'I' | b'i' | b'f' | b'w' => 4,
        b'L' | b'l' | b'Q' | b'q' | b'N' | b'n' | b'd' => 8,
        _ => return None,
    })
}

/// The value of one native-endian item of format `f`.
fn item_value(f: u8, c: &[u8]) -> Value {
    match (f, c.len()) {
        (b'f', 4) => return Value::Float(f32::from_ne_bytes([c[0], c[1], c[2], c[3]]) as f64),
        (b'd', 8) => {
            let mut w = [0u8; 8];
            w.copy_from_slice(c);
            return Value::Float(f64::from_ne_bytes(w));
        }
        _ => {}
    }
    let mut w = [0u8; 8];
    w[..c.len()].copy_from_slice(c);
    let u = u64::from_ne_bytes(w);
    let bits = c.len() as u32 * 8;
    // Native endianness: the item's bytes are the low bytes on little-endian
    // machines; on big-endian ones they are the high bytes.
    let u = if cfg!(target_endian = "big") { u >> (64 - bits) } else { u };
    Value::Int(match f {
        b'b' | b'h' | b'i' | b'l' | b'q' | b'n' => {
            let shift = 64 - bits;
            (((u << shift) as i64) >> shift) as i128
        }
        _ => u as i128,
    })
}

/// The bytes a memoryview shows (None for other objects and released views).
pub fn view_bytes(o: &Obj) -> Option<Vec<u8>> {
    o.downcast::<MemoryViewObj>().and_then(|m| m.bytes().ok())
}

fn mv_new(_t: &TypeObj, a: Args) -> PyResult {
    let [object] = crate::util::args::parse(a, "memoryview", &["object"], 1)?;
    let o = object.expect("required");
    if let Some(m) = o.downcast::<MemoryViewObj>() {
        return Ok(new_view_fmt(m.target()?, m.start, m.step, m.len, m.readonly, m.format));
    }
    if let Some(code) = crate::modules::array::array_typecode(o) {
        let len = with_data(o, <[u8]>::len);
        return Ok(new_view_fmt(o.to_owned(), 0, 1, len, false, buffer_format(code)));
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
    Ok(m.items())
}

#[cold]
fn unsupported(m: &MemoryViewObj, what: &str) -> PyErr {
    PyErr::not_implemented(format!("memoryview: {what} of format '{}' views is not supported", m.format as char))
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
    if m.format != b'B' {
        if let Some(sl) = key.downcast::<crate::types::slice::SliceObj>() {
            // Contiguous slices of other formats keep the view's layout
            // (byte offsets, step 1).
            let (start, _, step, len) = sl.indices(m.items())?;
            if step != 1 && len > 1 {
                return Err(unsupported(m, "slicing with a step"));
            }
            let size = m.itemsize();
            let start = m.start + start.max(0) as usize * size;
            return Ok(new_view_fmt(t, start, 1, len * size, m.readonly, m.format));
        }
        m.check_readable_format()?;
        let i = crate::ops::index_opt(key)?.ok_or_else(|| PyErr::type_error("memoryview: invalid slice key"))?;
        let i = int::as_i64(&i).ok_or_else(|| PyErr::index_error("cannot fit 'int' into an index-sized integer"))?;
        let k = crate::types::seq::norm_index(i, m.items())
            .ok_or_else(|| PyErr::index_error("index out of bounds on dimension 1"))?;
        let at = m.start + k * m.itemsize();
        return with_data(&t, |d| m.item_at(d, at))
            .ok_or_else(|| PyErr::index_error("index out of bounds on dimension 1"));
    }
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

/// Runs `f` on the writable memory of a view's target (a bytearray or an
/// array); None for read-only targets.
fn with_target_mut<R>(t: &Obj, f: impl FnOnce(&mut Vec<u8>) -> R) -> Option<R> {
    match t.downcast::<ByteArrayObj>() {
        Some(ba) => Some(ba.data.with_mut(f)),
        None => crate::modules::array::with_array_data_mut(t, f),
    }
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
    if m.format != b'B' {
        if key.isa::<crate::types::slice::SliceObj>() {
            return Err(unsupported(m, "slice assignment"));
        }
        let f = m.format as char;
        let i = crate::ops::index_opt(key)?.ok_or_else(|| PyErr::type_error("memoryview: invalid slice key"))?;
        let i = int::as_i64(&i).ok_or_else(|| PyErr::index_error("cannot fit 'int' into an index-sized integer"))?;
        let k = crate::types::seq::norm_index(i, m.items())
            .ok_or_else(|| PyErr::index_error("index out of bounds on dimension 1"))?;
        let packed = match crate::modules::array::pack_item(f, value) {
            Some(Ok(b)) => b,
            Some(Err(e)) if e.matches(&crate::types::exceptions::TYPE_ERROR) => {
                return Err(PyErr::type_error(format!("memoryview: invalid type for format '{f}'")))
            }
            Some(Err(_)) => return Err(PyErr::value_error(format!("memoryview: invalid value for format '{f}'"))),
            None => return Err(unsupported(m, "assignment")),
        };
        let at = m.start + k * m.itemsize();
        with_target_mut(&t, |d| {
            if let Some(slot) = d.get_mut(at..at + packed.len()) {
                slot.copy_from_slice(&packed);
            }
        });
        return Ok(());
    }
    if let Some(sl) = key.downcast::<crate::types::slice::SliceObj>() {
        let (start, _, step, len) = sl.indices(m.len)?;
        let src = buffer(value).ok_or_else(|| {
            PyErr::type_error(format!("a bytes-like object is required, not '{}'", value.class().name()))
        })?;
        if src.len() != len {
            return Err(PyErr::value_error("memoryview assignment: lvalue and rvalue have different structures"));
        }
        let base = m.start as isize + start as isize * m.step;
        with_target_mut(&t, |d| {
            for (k, &b) in src.iter().enumerate() {
                if let Some(slot) = d.get_mut((base + k as isize * step as isize * m.step) as usize) {
                    *slot = b;
                }
            }
        });
        return Ok(());
    }
    let i = item_index(m, key)?;
    let v = byte_value(value).map_err(|_| PyErr::value_error("memoryview: invalid value for format 'B'"))?;
    with_target_mut(&t, |d| {
        if let Some(slot) = d.get_mut(i) {
            *slot = v;
        }
    });
    Ok(())
}

/// The size in bytes of a writable view (None for other objects and
/// read-only or released views).
pub fn writable_nbytes(o: &Obj) -> Option<usize> {
    let m = o.downcast::<MemoryViewObj>()?;
    (!m.readonly && m.obj.with(Option::is_some)).then_some(m.len)
}

/// Copies `data` into the first bytes of a writable view; returns the number
/// of bytes copied (None for other objects and read-only views).
pub fn write_prefix(o: &Obj, data: &[u8]) -> Option<usize> {
    let n = writable_nbytes(o)?.min(data.len());
    let m = o.downcast::<MemoryViewObj>()?;
    let t = m.target().ok()?;
    let offsets: Vec<usize> = m.offsets().take(n).collect();
    with_target_mut(&t, |d| {
        for (&at, &b) in offsets.iter().zip(data) {
            if let Some(slot) = d.get_mut(at) {
                *slot = b;
            }
        }
    })?;
    Some(n)
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

/// The item values of a comparison operand (None when released or not
/// bytes-like).
fn this_opt_bytes(o: &Obj) -> Option<Vec<Value>> {
    if let Some(code) = crate::modules::array::array_typecode(o) {
        let len = with_data(o, <[u8]>::len);
        let view = new_view_fmt(o.to_owned(), 0, 1, len, false, buffer_format(code));
        return this(&view).values().ok();
    }
    match o.downcast::<MemoryViewObj>() {
        Some(m) => m.values().ok(),
        None => buffer(o).map(|b| b.iter().map(|&x| Value::Int(x as i128)).collect()),
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
    if !matches!(m.format, b'B' | b'b' | b'c') {
        return Err(PyErr::value_error("memoryview: hashing is restricted to formats 'B', 'b' or 'c'"));
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
    let m = this(s);
    m.check_readable_format()?;
    let items = if m.format == b'B' {
        m.bytes()?.into_iter().map(|b| int::new_int(b as i64)).collect()
    } else {
        let data = m.bytes()?;
        (0..m.items()).filter_map(|k| m.item_at(&data, k * m.itemsize())).collect()
    };
    Ok(crate::types::list::new_list(items))
}

/// `cast(format)`: a one-dimensional view of the same C-contiguous memory
/// with another native format (casts between two non-byte formats go
/// through 'B', as CPython requires).
fn m_cast(a: Args) -> PyResult {
    let (s, [format, shape]) = keywords(a, "cast", ["format", "shape"], 0)?;
    let m = this(s);
    let t = m.target()?;
    let Some(format) = format else {
        return Err(PyErr::type_error("cast() missing required argument 'format' (pos 1)"));
    };
    if shape.is_some() {
        return Err(PyErr::not_implemented("memoryview.cast: the shape argument is not supported"));
    }
    let f = format.downcast::<crate::types::str::StrObj>().map(|s| s.as_str()).ok_or_else(|| {
        PyErr::type_error(format!("cast() argument 'format' must be str, not {}", format.class().name()))
    })?;
    let f = f.strip_prefix('@').unwrap_or(f);
    let code =
        match f.as_bytes() {
            [c] if *c != b'w' && format_size(*c).is_some() => *c,
            _ => return Err(PyErr::value_error(
                "memoryview: destination format must be a native single character format prefixed with an optional '@'",
            )),
        };
    if m.step != 1 && m.len > 1 {
        return Err(PyErr::type_error("memoryview: casts are restricted to C-contiguous views"));
    }
    let byte_format = |c: u8| matches!(c, b'B' | b'b' | b'c');
    if !byte_format(code) && !byte_format(m.format) {
        return Err(PyErr::type_error("memoryview: cannot cast between two non-byte formats"));
    }
    let size = format_size(code).unwrap_or(1);
    if !m.len.is_multiple_of(size) {
        return Err(PyErr::type_error("memoryview: length is not a multiple of itemsize"));
    }
    Ok(new_view_fmt(t, m.start, 1, m.len, m.readonly, code))
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
    release_target(this(s));
    Ok(none())
}

fn m_toreadonly(a: Args) -> PyResult {
    let s = noargs(a, "toreadonly")?;
    let m = this(s);
    Ok(new_view_fmt(m.target()?, m.start, m.step, m.len, true, m.format))
}

fn m_enter(a: Args) -> PyResult {
    let s = noargs(a, "__enter__")?;
    this(s).target()?;
    Ok(s.to_owned())
}

fn m_exit(a: Args) -> PyResult {
    release_target(this(a.all[0]));
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
    Ok(int::from_usize(this(o).itemsize()))
}
fn g_format(o: &Obj) -> PyResult {
    this(o).target()?;
    Ok(crate::types::str::char_str(this(o).format as char))
}
fn g_ndim(o: &Obj) -> PyResult {
    this(o).target()?;
    Ok(int::new_int(1))
}
fn g_shape(o: &Obj) -> PyResult {
    this(o).target()?;
    Ok(new_tuple(vec![int::from_usize(this(o).items())]))
}
fn g_strides(o: &Obj) -> PyResult {
    this(o).target()?;
    Ok(new_tuple(vec![int::new_int(this(o).step as i64 * this(o).itemsize() as i64)]))
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
    MethodDef::method("cast", m_cast),
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
        flags: HAVE_GC | SEQUENCE | WEAKREFABLE,
        methods: METHODS,
        getsets: GETSETS,
        slots: {
            new: mv_new, len: mv_len, getitem: mv_getitem, setitem: mv_setitem, richcompare: mv_richcompare,
            hash: mv_hash, repr: mv_repr, iter: mv_iter, traverse: mv_traverse,
        },
    }
}

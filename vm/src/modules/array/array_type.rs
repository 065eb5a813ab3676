//! The `array.array` object: its payload (the typecode and the items as
//! native-endian bytes), construction, and the sequence, comparison and
//! number slots. Methods are in `methods.rs`, indexing in `subscript.rs`.
//!
//! Items are packed (which may run `__index__`/`__float__`) before the
//! buffer is borrowed, so no Python code runs inside a `PyCell` borrow.

use std::cell::Cell;

use crate::object::{Obj, PyCell, PyPayload, PyRef};
use crate::ops;
use crate::runtime::{PyErr, PyResult};
use crate::types::bytearray::ByteArrayObj;
use crate::types::bytes::BytesObj;
use crate::types::list::ListObj;
use crate::types::str::{from_string, StrObj};
use crate::types::tuple::TupleObj;
use crate::types::typeobj::{Args, TypeObj};
use crate::types::{int, new_bool, not_implemented};
use ember_compiler::bytecode::CompareOp;

use super::typecode::Code;

#[repr(C)]
pub struct ArrayObj {
    pub ob: Obj,
    code: Code,
    /// The items, `code.size()` bytes each, in native byte order.
    data: PyCell<Vec<u8>>,
    /// The number of live memoryviews of this array: while there are any,
    /// its size may not change.
    exports: Cell<usize>,
}

// SAFETY: `#[repr(C)]` starting with `Obj`; subclasses share the layout.
unsafe impl PyPayload for ArrayObj {
    fn class() -> &'static TypeObj {
        &super::ARRAY_TYPE
    }
}

/// The array payload of `o` (which slots and methods know to be an array).
pub fn this(o: &Obj) -> &ArrayObj {
    o.downcast::<ArrayObj>().expect("array")
}

impl ArrayObj {
    pub fn code(&self) -> Code {
        self.code
    }

    pub fn itemsize(&self) -> usize {
        self.code.size()
    }

    /// The number of items.
    pub fn len(&self) -> usize {
        self.data.with(|d| d.len()) / self.itemsize()
    }

    pub fn is_empty(&self) -> bool {
        self.data.with(|d| d.is_empty())
    }

    pub fn nbytes(&self) -> usize {
        self.data.with(|d| d.len())
    }

    /// The item at `i` (None past the end).
    pub fn item(&self, i: usize) -> PyResult<Option<PyRef>> {
        let sz = self.itemsize();
        let raw = self.data.with(|d| d.get(i * sz..(i + 1) * sz).map(<[u8]>::to_vec));
        raw.map(|b| self.code.get(&b)).transpose()
    }

    /// Every item as an object.
    pub fn items(&self) -> PyResult<Vec<PyRef>> {
        let data = self.bytes();
        data.chunks_exact(self.itemsize()).map(|c| self.code.get(c)).collect()
    }

    /// A copy of the item bytes.
    pub fn bytes(&self) -> Vec<u8> {
        self.data.get_clone()
    }

    pub fn with_data<R>(&self, f: impl FnOnce(&[u8]) -> R) -> R {
        self.data.with(|d| f(d))
    }

    pub fn with_data_mut<R>(&self, f: impl FnOnce(&mut Vec<u8>) -> R) -> R {
        self.data.with_mut(f)
    }

    /// BufferError unless the size of the array may change.
    pub fn check_resize(&self) -> PyResult<()> {
        if self.exports.get() > 0 {
            return Err(PyErr::new(
                &crate::types::exceptions::BUFFER_ERROR,
                "cannot resize an array that is exporting buffers",
            ));
        }
        Ok(())
    }

    /// A memoryview of the array was made (`true`) or released.
    pub fn set_exported(&self, exported: bool) {
        let n = self.exports.get();
        self.exports.set(if exported { n + 1 } else { n.saturating_sub(1) });
    }

    /// Appends already packed items.
    pub fn append_bytes(&self, more: &[u8]) -> PyResult<()> {
        if !more.is_empty() {
            self.check_resize()?;
        }
        self.data
            .with_mut(|d| d.try_reserve(more.len()).map(|()| d.extend_from_slice(more)))
            .map_err(|_| PyErr::memory_error())
    }

    /// Packs one value as an item of this array.
    pub fn pack(&self, v: &Obj) -> PyResult<Vec<u8>> {
        let mut out = Vec::with_capacity(self.itemsize());
        self.code.pack(v, &mut out)?;
        Ok(out)
    }
}

/// A new array of type `t` (array.array or a subclass) holding `data`.
pub fn new_array_of(t: &TypeObj, code: Code, data: Vec<u8>) -> PyRef {
    crate::object::alloc::alloc_object(
        t,
        ArrayObj { ob: Obj::new(t), code, data: PyCell::new(data), exports: Cell::new(0) },
        0,
    )
}

/// A new exact `array.array`.
pub fn new_array(code: Code, data: Vec<u8>) -> PyRef {
    new_array_of(&super::ARRAY_TYPE, code, data)
}

#[cold]
pub fn bad_typecode() -> PyErr {
    PyErr::value_error("bad typecode (must be b, B, u, h, H, i, I, l, L, q, Q, f or d)")
}

/// The typecode argument of `array()` (a str of one character).
fn typecode_arg(o: &Obj, what: &str) -> PyResult<char> {
    match o.downcast::<StrObj>() {
        Some(s) if s.char_len() == 1 => Ok(s.char_at(0)),
        _ => Err(PyErr::type_error(format!("{what} must be a unicode character, not {}", o.class().name()))),
    }
}

/// Packs every item of `items` for `code`.
pub fn pack_all(code: Code, items: &[PyRef]) -> PyResult<Vec<u8>> {
    let mut out = Vec::new();
    out.try_reserve(items.len().saturating_mul(code.size())).map_err(|_| PyErr::memory_error())?;
    for v in items {
        code.pack(v, &mut out)?;
    }
    Ok(out)
}

/// `array.__new__(typecode[, initializer])`.
pub fn array_new(t: &TypeObj, a: Args) -> PyResult {
    if t.is(&super::ARRAY_TYPE) && a.kwnames.is_some_and(|k| !k.is_empty()) {
        return Err(PyErr::type_error("array.array() takes no keyword arguments"));
    }
    if a.nargs == 0 {
        return Err(PyErr::type_error("array() takes at least 1 argument (0 given)"));
    }
    if a.nargs > 2 {
        return Err(PyErr::type_error(format!("array() takes at most 2 arguments ({} given)", a.nargs)));
    }
    let c = typecode_arg(a.all[0], "array() argument 1")?;
    let initial = a.all.get(1).copied().filter(|_| a.nargs == 2);
    new_from_initial(t, c, initial)
}

/// The body of `array(typecode, initial)`, shared with `_array_reconstructor`.
pub fn new_from_initial(t: &TypeObj, c: char, initial: Option<&Obj>) -> PyResult {
    if let Some(init) = initial {
        if c != 'u' {
            if init.isa::<StrObj>() {
                return Err(PyErr::type_error(format!("cannot use a str to initialize an array with typecode '{c}'")));
            }
            if init.downcast::<ArrayObj>().is_some_and(|x| x.code == Code::Wchar) {
                return Err(PyErr::type_error(format!(
                    "cannot use a unicode array to initialize an array with typecode '{c}'"
                )));
            }
        }
    }
    let direct = initial.is_none_or(|i| {
        i.isa::<ListObj>()
            || i.isa::<ByteArrayObj>()
            || i.isa::<BytesObj>()
            || i.isa::<TupleObj>()
            || (c == 'u' && i.isa::<StrObj>())
            || i.downcast::<ArrayObj>().is_some_and(|x| x.code.char() == c)
    });
    let iterator = if direct { None } else { Some(ops::iter(initial.expect("initializer"))?) };
    let code = Code::from_char(c).ok_or_else(bad_typecode)?;
    let data = match initial.filter(|_| direct) {
        None => Vec::new(),
        Some(i) => {
            if let Some(l) = i.downcast::<ListObj>() {
                pack_all(code, &l.to_vec())?
            } else if let Some(tu) = i.downcast::<TupleObj>() {
                pack_all(code, tu.as_slice())?
            } else if let Some(s) = i.downcast::<StrObj>() {
                s.as_str().chars().flat_map(|ch| (ch as u32).to_ne_bytes()).collect()
            } else if let Some(x) = i.downcast::<ArrayObj>() {
                x.bytes()
            } else {
                let b = crate::types::bytes_args::buffer(i).expect("bytes or bytearray").into_owned();
                check_multiple(b.len(), code)?;
                b
            }
        }
    };
    let arr = new_array_of(t, code, data);
    if let Some(it) = iterator {
        extend_from_iter(this(&arr), &it)?;
    }
    Ok(arr)
}

/// `frombytes`'s check of a byte string's length.
pub fn check_multiple(n: usize, code: Code) -> PyResult<()> {
    if !n.is_multiple_of(code.size()) {
        return Err(PyErr::value_error("bytes length not a multiple of item size"));
    }
    Ok(())
}

/// Appends the items of an iterator one by one (those before a failing
/// item stay appended, as in CPython).
pub fn extend_from_iter(a: &ArrayObj, it: &Obj) -> PyResult<()> {
    while let Some(v) = ops::next(it)? {
        let b = a.pack(&v)?;
        a.append_bytes(&b)?;
    }
    Ok(())
}

/// `a.extend(x)`: an array of the same typecode, or any iterable.
pub fn extend(o: &Obj, x: &Obj) -> PyResult<()> {
    let a = this(o);
    if let Some(other) = x.downcast::<ArrayObj>() {
        if other.code != a.code {
            return Err(PyErr::type_error("can only extend with array of same kind"));
        }
        let more = other.bytes();
        return a.append_bytes(&more);
    }
    let it = ops::iter(x)?;
    extend_from_iter(a, &it)
}

// --- slots --------------------------------------------------------------

pub fn array_len(o: &Obj) -> PyResult<usize> {
    Ok(this(o).len())
}

pub fn array_repr(o: &Obj) -> PyResult {
    let a = this(o);
    let name = super::super::native_type::short_name(o.class());
    let c = a.code.char();
    if a.is_empty() {
        return Ok(from_string(format!("{name}('{c}')")));
    }
    let body = if a.code == Code::Wchar {
        let text = super::methods::to_unicode(a)?;
        ops::repr_string(&text)?
    } else {
        let list = crate::types::list::new_list(a.items()?);
        ops::repr_string(&list)?
    };
    Ok(from_string(format!("{name}('{c}', {body})")))
}

pub fn array_richcompare(v: &Obj, w: &Obj, op: CompareOp) -> PyResult {
    let (Some(x), Some(y)) = (v.downcast::<ArrayObj>(), w.downcast::<ArrayObj>()) else {
        return Ok(not_implemented());
    };
    if x.len() != y.len() && matches!(op, CompareOp::Eq | CompareOp::Ne) {
        return Ok(new_bool(op == CompareOp::Ne));
    }
    let mut i = 0;
    loop {
        let (Some(a), Some(b)) = (x.item(i)?, y.item(i)?) else { break };
        if !ops::eq_bool(&a, &b)? {
            return match op {
                CompareOp::Eq => Ok(new_bool(false)),
                CompareOp::Ne => Ok(new_bool(true)),
                _ => ops::richcompare(&a, &b, op),
            };
        }
        i += 1;
    }
    Ok(new_bool(int::compare_result(x.len().cmp(&y.len()), op)))
}

pub fn array_contains(o: &Obj, v: &Obj) -> PyResult<bool> {
    let a = this(o);
    let mut i = 0;
    while let Some(x) = a.item(i)? {
        if ops::eq_bool(&x, v)? {
            return Ok(true);
        }
        i += 1;
    }
    Ok(false)
}

pub fn array_iter(o: &Obj) -> PyResult {
    Ok(super::iter::new_array_iter(o))
}

/// Python classes may define `__radd__`/`__rmul__` for arrays.
fn may_reflect(o: &Obj) -> bool {
    !o.class().is_static()
}

pub fn array_add(v: &Obj, w: &Obj) -> PyResult {
    let Some(a) = v.downcast::<ArrayObj>() else { return Ok(not_implemented()) };
    let Some(b) = w.downcast::<ArrayObj>() else {
        if may_reflect(w) {
            return Ok(not_implemented());
        }
        return Err(PyErr::type_error(format!("can only append array (not \"{}\") to array", w.class().name())));
    };
    if a.code != b.code {
        return Err(PyErr::type_error("bad argument type for built-in operation"));
    }
    let mut data = crate::types::bytes_args::try_alloc(a.nbytes().saturating_add(b.nbytes()))?;
    a.with_data(|d| data.extend_from_slice(d));
    b.with_data(|d| data.extend_from_slice(d));
    Ok(new_array(a.code, data))
}

pub fn array_iadd(v: &Obj, w: &Obj) -> PyResult {
    if !w.isa::<ArrayObj>() {
        if may_reflect(w) {
            return Ok(not_implemented());
        }
        return Err(PyErr::type_error(format!("can only extend array with array (not \"{}\")", w.class().name())));
    }
    extend(v, w)?;
    Ok(v.to_owned())
}

/// The repeat count of `a * n`, None when another operand may handle it.
fn repeat_count(n: &Obj, other: &Obj) -> PyResult<Option<i64>> {
    match int::index_of(n) {
        Ok(Some(k)) => Ok(Some(k)),
        Ok(None) if may_reflect(n) || may_reflect(other) => Ok(None),
        Ok(None) => {
            Err(PyErr::type_error(format!("can't multiply sequence by non-int of type '{}'", n.class().name())))
        }
        Err(e) if e.matches(&crate::types::exceptions::INDEX_ERROR) => {
            Err(PyErr::overflow_error(format!("cannot fit '{}' into an index-sized integer", n.class().name())))
        }
        Err(e) => Err(e),
    }
}

/// `data` repeated `count` times (MemoryError past the address space).
fn repeated(data: &[u8], count: i64) -> PyResult<Vec<u8>> {
    if count <= 0 || data.is_empty() {
        return Ok(Vec::new());
    }
    let total = (data.len() as u128).saturating_mul(count as u128);
    if total > isize::MAX as u128 {
        return Err(PyErr::memory_error());
    }
    let mut out = crate::types::bytes_args::try_alloc(total as usize)?;
    for _ in 0..count {
        out.extend_from_slice(data);
    }
    Ok(out)
}

pub fn array_mul(v: &Obj, w: &Obj) -> PyResult {
    let (a, n) = match (v.downcast::<ArrayObj>(), w.downcast::<ArrayObj>()) {
        (Some(a), _) => (a, w),
        (None, Some(a)) => (a, v),
        _ => return Ok(not_implemented()),
    };
    let other = if v.isa::<ArrayObj>() { v } else { w };
    let Some(count) = repeat_count(n, other)? else { return Ok(not_implemented()) };
    let data = repeated(&a.bytes(), count)?;
    Ok(new_array(a.code, data))
}

pub fn array_imul(v: &Obj, w: &Obj) -> PyResult {
    let Some(count) = repeat_count(w, v)? else { return Ok(not_implemented()) };
    let a = this(v);
    let data = repeated(&a.bytes(), count)?;
    if data.len() != a.nbytes() {
        a.check_resize()?;
    }
    let old = a.data.replace(data);
    drop(old);
    Ok(v.to_owned())
}

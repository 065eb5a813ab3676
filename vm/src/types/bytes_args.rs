//! Argument handling shared by the methods of `bytes` and `bytearray`: the
//! several argument-parsing conventions CPython uses for them (each with its
//! own error messages), buffer and byte arguments, and slice-style bounds.

use std::borrow::Cow;

use crate::object::Obj;
use crate::runtime::{PyErr, PyResult};
use crate::types::bytearray::ByteArrayObj;
use crate::types::bytes::BytesObj;
use crate::types::int;
use crate::types::str::StrObj;
use crate::types::typeobj::{Args, TypeObj};

/// The type name CPython's messages use for a method of `self` (bytes or
/// bytearray; `self` may also be the type for class methods).
pub fn owner_name(s: &Obj) -> &'static str {
    let is_ba = match s.downcast::<TypeObj>() {
        Some(t) => t.is_subtype(&crate::types::bytearray::BYTEARRAY_TYPE),
        None => s.isa::<ByteArrayObj>(),
    };
    if is_ba {
        "bytearray"
    } else {
        "bytes"
    }
}

fn has_kwargs(a: &Args) -> bool {
    a.kwnames.is_some_and(|k| !k.is_empty())
}

#[cold]
fn no_keywords(a: &Args, m: &str) -> PyErr {
    PyErr::type_error(format!("{}.{m}() takes no keyword arguments", owner_name(a.all[0])))
}

/// `METH_NOARGS`: returns `self`.
pub fn noargs<'a>(a: Args<'a>, m: &str) -> PyResult<&'a Obj> {
    if has_kwargs(&a) {
        return Err(no_keywords(&a, m));
    }
    if a.nargs != 1 {
        return Err(PyErr::type_error(format!(
            "{}.{m}() takes no arguments ({} given)",
            owner_name(a.all[0]),
            a.nargs - 1
        )));
    }
    Ok(a.all[0])
}

/// `METH_O`: `self` and the one argument.
pub fn one<'a>(a: Args<'a>, m: &str) -> PyResult<(&'a Obj, &'a Obj)> {
    if has_kwargs(&a) {
        return Err(no_keywords(&a, m));
    }
    if a.nargs != 2 {
        return Err(PyErr::type_error(format!(
            "{}.{m}() takes exactly one argument ({} given)",
            owner_name(a.all[0]),
            a.nargs.saturating_sub(1)
        )));
    }
    Ok((a.all[0], a.all[1]))
}

fn plural(n: usize) -> &'static str {
    if n == 1 {
        "argument"
    } else {
        "arguments"
    }
}

/// Argument Clinic's positional-only parameters (`center(width, fillchar=b' ', /)`):
/// `self` and `N` optional slots, the first `min` required.
pub fn positional<'a, const N: usize>(a: Args<'a>, m: &str, min: usize) -> PyResult<(&'a Obj, [Option<&'a Obj>; N])> {
    if has_kwargs(&a) {
        return Err(no_keywords(&a, m));
    }
    let n = a.nargs - 1;
    if n < min || n > N {
        return Err(PyErr::type_error(if min == N {
            format!("{m} expected {N} {}, got {n}", plural(N))
        } else if n < min {
            format!("{m} expected at least {min} {}, got {n}", plural(min))
        } else {
            format!("{m} expected at most {N} {}, got {n}", plural(N))
        }));
    }
    let mut out = [None; N];
    for (slot, v) in out.iter_mut().zip(&a.all[1..a.nargs]) {
        *slot = Some(*v);
    }
    Ok((a.all[0], out))
}

/// `PyArg_ParseTuple` with `"O|OO:find"`: messages without the type name.
pub fn old_style<'a, const N: usize>(a: Args<'a>, m: &str, min: usize) -> PyResult<(&'a Obj, [Option<&'a Obj>; N])> {
    if has_kwargs(&a) {
        return Err(PyErr::type_error(format!("{m}() takes no keyword arguments")));
    }
    let n = a.nargs - 1;
    if n < min {
        return Err(PyErr::type_error(format!("{m}() takes at least {min} {} ({n} given)", plural(min))));
    }
    if n > N {
        return Err(PyErr::type_error(format!("{m}() takes at most {N} {} ({n} given)", plural(N))));
    }
    let mut out = [None; N];
    for (slot, v) in out.iter_mut().zip(&a.all[1..a.nargs]) {
        *slot = Some(*v);
    }
    Ok((a.all[0], out))
}

/// Argument Clinic's optional positional-or-keyword parameters of a method
/// (`split(sep=None, maxsplit=-1)`); `posonly` leading names are positional-only.
pub fn keywords<'a, const N: usize>(
    a: Args<'a>,
    m: &str,
    names: [&str; N],
    posonly: usize,
) -> PyResult<(&'a Obj, [Option<&'a Obj>; N])> {
    let rest = Args { all: &a.all[1..], nargs: a.nargs - 1, kwnames: a.kwnames };
    Ok((a.all[0], clinic(rest, m, names, posonly, posonly)?))
}

/// Argument Clinic's parsing of positional-or-keyword parameters (no `self`):
/// the first `posonly` are positional-only, the first `required` must be given.
/// Checks and messages follow `_PyArg_UnpackKeywords`.
pub fn clinic<'a, const N: usize>(
    a: Args<'a>,
    m: &str,
    names: [&str; N],
    posonly: usize,
    required: usize,
) -> PyResult<[Option<&'a Obj>; N]> {
    let n = a.nargs;
    let nkw = a.kwnames.map_or(0, |k| k.len());
    if n + nkw > N {
        return Err(PyErr::type_error(format!("{m}() takes at most {N} {} ({} given)", plural(N), n + nkw)));
    }
    let mut out = [None; N];
    for (slot, v) in out.iter_mut().zip(&a.all[..n]) {
        *slot = Some(*v);
    }
    let mut used = 0;
    if let Some(kw) = a.kwnames {
        for (i, k) in kw.as_slice().iter().enumerate() {
            let kname = StrObj::text(k);
            if let Some(j) = names.iter().position(|x| *x == kname).filter(|&j| j >= posonly) {
                if out[j].is_some() {
                    return Err(PyErr::type_error(format!(
                        "argument for {m}() given by name ('{kname}') and position ({})",
                        j + 1
                    )));
                }
                out[j] = Some(a.all[n + i]);
                used += 1;
            }
        }
    }
    if n < posonly.min(required) {
        return Err(PyErr::type_error(format!(
            "{m}() takes at least {posonly} positional {} ({n} given)",
            plural(posonly)
        )));
    }
    if let Some(j) = (0..required).find(|&j| out[j].is_none()) {
        return Err(PyErr::type_error(format!("{m}() missing required argument '{}' (pos {})", names[j], j + 1)));
    }
    if used < nkw {
        let kw = a.kwnames.expect("keywords");
        for k in kw.as_slice() {
            let kname = StrObj::text(k);
            if !names.iter().enumerate().any(|(j, x)| j >= posonly && *x == kname) {
                return Err(PyErr::type_error(format!("'{kname}' is an invalid keyword argument for {m}()")));
            }
        }
    }
    Ok(out)
}

/// The contents of a bytes-like object (bytes, bytearray, array, memoryview),
/// borrowed when immutable.
pub fn buffer(o: &Obj) -> Option<Cow<'_, [u8]>> {
    if let Some(b) = o.downcast::<BytesObj>() {
        return Some(Cow::Borrowed(b.as_bytes()));
    }
    if let Some(b) = o.downcast::<ByteArrayObj>() {
        return Some(Cow::Owned(b.data.get_clone()));
    }
    if let Some(d) = crate::modules::array::with_array_data(o, <[u8]>::to_vec) {
        return Some(Cow::Owned(d));
    }
    crate::types::memoryview::view_bytes(o).map(Cow::Owned)
}

/// A required bytes-like argument: `a bytes-like object is required, not 'str'`.
pub fn buffer_arg(o: &Obj) -> PyResult<Cow<'_, [u8]>> {
    buffer(o).ok_or_else(|| PyErr::type_error(format!("a bytes-like object is required, not '{}'", o.class().name())))
}

/// `'str' object cannot be interpreted as an integer` for non-index objects.
#[cold]
pub fn not_integer(o: &Obj) -> PyErr {
    PyErr::type_error(format!("'{}' object cannot be interpreted as an integer", o.class().name()))
}

/// An index-sized integer argument (`Py_ssize_t`): TypeError for non-integers,
/// OverflowError for values beyond 64 bits.
pub fn ssize_arg(o: &Obj) -> PyResult<i64> {
    int::expect_i64(o, "ssize_t")
}

/// A C `int` argument (e.g. `expandtabs(tabsize)`).
pub fn c_int_arg(o: &Obj) -> PyResult<i64> {
    let v = int::expect_i64(o, "int")?;
    if v > i32::MAX as i64 || v < i32::MIN as i64 {
        return Err(PyErr::overflow_error("Python int too large to convert to C int"));
    }
    Ok(v)
}

/// A byte value given as an integer: `byte must be in range(0, 256)`.
pub fn byte_int(o: &Obj) -> PyResult<Option<u8>> {
    let Some(v) = crate::ops::index_opt(o)? else {
        return Ok(None);
    };
    match int::as_i64(&v) {
        Some(n) if (0..256).contains(&n) => Ok(Some(n as u8)),
        _ => Err(PyErr::value_error("byte must be in range(0, 256)")),
    }
}

/// The `sub` argument of find/count/index: bytes-like or an integer byte.
pub fn sub_arg(o: &Obj) -> PyResult<Cow<'_, [u8]>> {
    if let Some(b) = buffer(o) {
        return Ok(b);
    }
    match byte_int(o)? {
        Some(b) => Ok(Cow::Owned(vec![b])),
        None => Err(PyErr::type_error(format!(
            "argument should be integer or bytes-like object, not '{}'",
            o.class().name()
        ))),
    }
}

/// An optional slice bound (`None` allowed), saturated to i64.
pub fn slice_bound(o: Option<&Obj>) -> PyResult<Option<i64>> {
    match o {
        None => Ok(None),
        Some(o) if o.is_none() => Ok(None),
        Some(o) => int::index_saturating(o)?
            .map(Some)
            .ok_or_else(|| PyErr::type_error("slice indices must be integers or None or have an __index__ method")),
    }
}

/// CPython's `ADJUST_INDICES`: `end` is clamped to `len`, negative bounds count
/// from the end; `start` may exceed `len` (callers treat that as empty).
pub fn adjust(start: Option<i64>, end: Option<i64>, len: usize) -> (usize, usize) {
    let n = len as i64;
    let mut s = start.unwrap_or(0);
    let mut e = end.unwrap_or(n);
    if e > n {
        e = n;
    } else if e < 0 {
        e = (e + n).max(0);
    }
    if s < 0 {
        s = (s + n).max(0);
    }
    (s as usize, e as usize)
}

/// A single fill byte (`center(width, fillchar)`): bytes or bytearray of length 1.
pub fn fill_byte(o: Option<&Obj>, m: &str) -> PyResult<u8> {
    let Some(o) = o else { return Ok(b' ') };
    let data = if o.isa::<BytesObj>() || o.isa::<ByteArrayObj>() { buffer(o) } else { None };
    match data.as_deref() {
        Some([b]) => Ok(*b),
        _ => Err(PyErr::type_error(format!(
            "{m}() argument 2 must be a byte string of length 1, not {}",
            o.class().name()
        ))),
    }
}

/// CPython's limit on the size of a bytes object (`_PyBytes_FromSize`): the
/// object header must fit in `Py_ssize_t` too.
pub fn bytes_size_check(n: usize) -> PyResult<()> {
    const HEADER: usize = 33;
    if n > isize::MAX as usize - HEADER {
        return Err(PyErr::overflow_error("byte string is too large"));
    }
    Ok(())
}

/// Allocates an empty buffer with room for `n` bytes, or MemoryError.
pub fn try_alloc(n: usize) -> PyResult<Vec<u8>> {
    if n > isize::MAX as usize {
        return Err(PyErr::memory_error());
    }
    let mut v = Vec::new();
    v.try_reserve_exact(n).map_err(|_| PyErr::memory_error())?;
    Ok(v)
}

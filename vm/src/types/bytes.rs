//! `bytes`: an immutable byte string. Core protocol (construction, repr,
//! hashing, comparison, indexing, concatenation and repetition); methods in
//! `bytes_methods.rs` and the files it names, `%`-formatting in `bytes_format.rs`.

use std::cell::Cell;

use crate::object::{AsObj, Obj, PyPayload, PyRef};
use crate::ops;
use crate::runtime::{PyErr, PyResult};
use crate::types::bytes_args::{buffer, try_alloc};
use crate::types::exceptions;
use crate::types::str::{from_string, StrObj};
use crate::types::typeobj::{flags, Args, TypeObj};
use crate::types::{int, new_bool, not_implemented};
use ember_compiler::bytecode::CompareOp;

#[repr(C)]
pub struct BytesObj {
    pub ob: Obj,
    data: Box<[u8]>,
    hash: Cell<i64>,
}

// SAFETY: `#[repr(C)]` starting with `Obj`; subclasses share it.
unsafe impl PyPayload for BytesObj {
    fn class() -> &'static TypeObj {
        &BYTES_TYPE
    }
    const SUBCLASS_FLAG: u64 = flags::BYTES_SUBCLASS;
}

impl BytesObj {
    pub fn as_bytes(&self) -> &[u8] {
        &self.data
    }
}

pub fn new_bytes(data: &[u8]) -> PyRef {
    new_bytes_of(&BYTES_TYPE, data.to_vec())
}

pub fn from_vec(data: Vec<u8>) -> PyRef {
    new_bytes_of(&BYTES_TYPE, data)
}

pub fn new_bytes_of(t: &TypeObj, data: Vec<u8>) -> PyRef {
    crate::object::alloc::alloc_object(
        t,
        BytesObj { ob: Obj::new(t), data: data.into_boxed_slice(), hash: Cell::new(-1) },
        0,
    )
}

/// The bytes of a bytes-like object (bytes, bytearray, memoryview).
pub fn bytes_of(o: &Obj) -> Option<Vec<u8>> {
    buffer(o).map(|b| b.into_owned())
}

/// The `repr` of a byte string (`b'...'`). Uses double quotes when the data
/// has single quotes but no double ones; `bytearray` repr also escapes every
/// single quote, as CPython does.
pub fn repr_bytes(data: &[u8], prefix: &str, bytearray: bool) -> String {
    let quote = if data.contains(&b'\'') && !data.contains(&b'"') { b'"' } else { b'\'' };
    let mut out = String::with_capacity(data.len() + 3);
    out.push_str(prefix);
    out.push(quote as char);
    for &b in data {
        match b {
            b'\\' => out.push_str("\\\\"),
            b'\n' => out.push_str("\\n"),
            b'\r' => out.push_str("\\r"),
            b'\t' => out.push_str("\\t"),
            b'\'' if bytearray || quote == b'\'' => out.push_str("\\'"),
            b'"' if quote == b'"' => out.push_str("\\\""),
            0x20..=0x7e => out.push(b as char),
            b => {
                const HEX: &[u8; 16] = b"0123456789abcdef";
                out.push_str("\\x");
                out.push(HEX[(b >> 4) as usize] as char);
                out.push(HEX[(b & 15) as usize] as char);
            }
        }
    }
    out.push(quote as char);
    out
}

fn this(o: &Obj) -> &BytesObj {
    o.downcast::<BytesObj>().expect("bytes")
}

fn bytes_repr(o: &Obj) -> PyResult {
    Ok(from_string(repr_bytes(&this(o).data, "b", false)))
}

fn bytes_str(o: &Obj) -> PyResult {
    crate::modules::warnings::warn_bytes("str() on a bytes instance")?;
    bytes_repr(o)
}

fn bytes_hash(o: &Obj) -> PyResult<i64> {
    let b = this(o);
    if b.hash.get() == -1 {
        b.hash.set(crate::util::siphash::hash_bytes(&b.data));
    }
    Ok(b.hash.get())
}

fn bytes_richcompare(a: &Obj, b: &Obj, op: CompareOp) -> PyResult {
    let (Some(x), Some(y)) = (a.downcast::<BytesObj>(), b.downcast::<BytesObj>()) else {
        if matches!(op, CompareOp::Eq | CompareOp::Ne) && (a.isa::<StrObj>() || b.isa::<StrObj>()) {
            crate::modules::warnings::warn_bytes("Comparison between bytes and string")?;
        }
        return Ok(not_implemented());
    };
    if a.is(b) && matches!(op, CompareOp::Eq | CompareOp::Ne) {
        return Ok(new_bool(op == CompareOp::Eq));
    }
    Ok(new_bool(int::compare_result(x.data.cmp(&y.data), op)))
}

fn bytes_len(o: &Obj) -> PyResult<usize> {
    Ok(this(o).data.len())
}

fn bytes_getitem(o: &Obj, key: &Obj) -> PyResult {
    let d = &this(o).data;
    if let Some(sl) = key.downcast::<crate::types::slice::SliceObj>() {
        let (start, _, step, len) = sl.indices(d.len())?;
        if step == 1 && len == d.len() && o.class().is(&BYTES_TYPE) {
            return Ok(o.to_owned());
        }
        let out: Vec<u8> = if step == 1 {
            d[start as usize..start as usize + len].to_vec()
        } else {
            (0..len).map(|k| d[(start + k as i64 * step) as usize]).collect()
        };
        return Ok(from_vec(out));
    }
    let i = crate::types::seq::seq_index(key, "byte")?;
    match crate::types::seq::norm_index(i, d.len()) {
        Some(i) => Ok(int::new_int(d[i] as i64)),
        None => Err(PyErr::index_error("index out of range")),
    }
}

fn bytes_contains(o: &Obj, item: &Obj) -> PyResult<bool> {
    crate::types::bytes_search::contains(o, item)
}

fn bytes_add(a: &Obj, b: &Obj) -> PyResult {
    if !a.isa::<BytesObj>() {
        return Ok(not_implemented());
    }
    let Some(y) = buffer(b) else {
        return Ok(not_implemented());
    };
    let x = &this(a).data;
    if y.is_empty() && a.class().is(&BYTES_TYPE) {
        return Ok(a.to_owned());
    }
    let mut v = try_alloc(x.len() + y.len())?;
    v.extend_from_slice(x);
    v.extend_from_slice(&y);
    Ok(from_vec(v))
}

/// The count of a sequence repetition: None when `n` is not an integer,
/// OverflowError when it does not fit an index.
pub fn repeat_count(n: &Obj) -> PyResult<Option<i64>> {
    int::index_of(n).map_err(|e| {
        if e.matches(&exceptions::INDEX_ERROR) {
            PyErr::overflow_error(format!("cannot fit '{}' into an index-sized integer", n.class().name()))
        } else {
            e
        }
    })
}

fn bytes_mul(a: &Obj, b: &Obj) -> PyResult {
    let (s, n) = match (a.downcast::<BytesObj>(), b.downcast::<BytesObj>()) {
        (Some(x), _) => (x, b),
        (None, Some(x)) => (x, a),
        _ => return Ok(not_implemented()),
    };
    let Some(count) = repeat_count(n)? else {
        return Ok(not_implemented());
    };
    let d = &s.data;
    if count <= 0 || d.is_empty() {
        return Ok(from_vec(Vec::new()));
    }
    if count == 1 && s.class().is(&BYTES_TYPE) {
        return Ok(s.to_ref());
    }
    let total = (d.len() as u128) * (count as u128);
    if total > isize::MAX as u128 {
        return Err(PyErr::overflow_error("repeated bytes are too long"));
    }
    let mut v = try_alloc(total as usize)?;
    for _ in 0..count {
        v.extend_from_slice(d);
    }
    Ok(from_vec(v))
}

fn bytes_iter(o: &Obj) -> PyResult {
    Ok(crate::types::bytes_iter::new_bytes_iter(o))
}

/// The size of `bytes(n)` / `bytearray(n)`: None when `x.__index__` raised
/// TypeError (CPython then treats `x` as an iterable).
pub fn size_arg(x: &Obj) -> PyResult<Option<usize>> {
    match int::index_of(x) {
        Ok(Some(n)) if n < 0 => Err(PyErr::value_error("negative count")),
        Ok(Some(n)) => Ok(Some(n as usize)),
        Ok(None) => Ok(None),
        Err(e) if e.matches(&exceptions::INDEX_ERROR) => {
            Err(PyErr::overflow_error(format!("cannot fit '{}' into an index-sized integer", x.class().name())))
        }
        Err(e) if e.matches(&exceptions::TYPE_ERROR) => Ok(None),
        Err(e) => Err(e),
    }
}

/// Bytes from an iterable of integers (`bytes([1, 2])`); `range_msg` is the
/// ValueError message for values outside 0..256.
pub fn bytes_from_iterable(x: &Obj, what: &str, range_msg: &str) -> PyResult<Vec<u8>> {
    let it = ops::iter(x).map_err(|e| {
        if e.matches(&exceptions::TYPE_ERROR) {
            PyErr::type_error(format!("cannot convert '{}' object to {what}", x.class().name()))
        } else {
            e
        }
    })?;
    let mut out = Vec::new();
    while let Some(v) = ops::next(&it)? {
        let Some(n) = ops::index_opt(&v)? else {
            return Err(crate::types::bytes_args::not_integer(&v));
        };
        match int::as_i64(&n) {
            Some(n) if (0..256).contains(&n) => out.push(n as u8),
            _ => return Err(PyErr::value_error(range_msg)),
        }
    }
    Ok(out)
}

/// The encoding/errors rules shared by `bytes()` and `bytearray()`: the encoded
/// string when `x` is a str with an encoding, None when `x` is to be converted
/// otherwise, TypeError for inconsistent arguments.
pub fn source_with_encoding(
    x: Option<&Obj>,
    encoding: Option<&Obj>,
    errors: Option<&Obj>,
) -> PyResult<Option<Vec<u8>>> {
    let misuse = || {
        PyErr::type_error(if encoding.is_some() {
            "encoding without a string argument"
        } else {
            "errors without a string argument"
        })
    };
    match x {
        None if encoding.is_some() || errors.is_some() => Err(misuse()),
        None => Ok(None),
        Some(x) => match x.downcast::<StrObj>() {
            Some(s) => match encoding {
                Some(enc) => crate::types::str_methods::encode_str(s.as_str(), enc, errors).map(Some),
                None => Err(PyErr::type_error("string argument without an encoding")),
            },
            None if encoding.is_some() || errors.is_some() => Err(misuse()),
            None => Ok(None),
        },
    }
}

/// The bytes for `bytes(x)` / `bytearray(x)` from an int, buffer, iterable,
/// or (for bytes) an object with `__bytes__`.
pub fn bytes_from_source(x: &Obj, encoding: Option<&Obj>, errors: Option<&Obj>, what: &str) -> PyResult<Vec<u8>> {
    if let Some(d) = source_with_encoding(Some(x), encoding, errors)? {
        return Ok(d);
    }
    if what == "bytearray" {
        return crate::types::bytearray::bytearray_source(x);
    }
    match bytes_source(x)? {
        Source::Object(o) => Ok(this(&o).data.to_vec()),
        Source::Data(d) => Ok(d),
    }
}

enum Source {
    /// A bytes object to return as is (from `__bytes__` or `bytes(b)`).
    Object(PyRef),
    Data(Vec<u8>),
}

/// `bytes(x)` for a non-str `x` without encoding.
fn bytes_source(x: &Obj) -> PyResult<Source> {
    if let Some(r) = ops::call_special(x, "__bytes__", &[])? {
        if !r.isa::<BytesObj>() {
            return Err(PyErr::type_error(format!("__bytes__ returned non-bytes (type {})", r.class().name())));
        }
        return Ok(Source::Object(r));
    }
    if x.isa::<StrObj>() {
        return Err(PyErr::type_error("string argument without an encoding"));
    }
    if x.class().number.index.get().is_some() || x.isa::<int::IntObj>() {
        if let Some(n) = size_arg(x)? {
            crate::types::bytes_args::bytes_size_check(n)?;
            let mut v = try_alloc(n)?;
            v.resize(n, 0);
            return Ok(Source::Data(v));
        }
    }
    if x.class().is(&BYTES_TYPE) {
        return Ok(Source::Object(x.to_owned()));
    }
    if let Some(b) = buffer(x) {
        return Ok(Source::Data(b.into_owned()));
    }
    bytes_from_iterable(x, "bytes", "bytes must be in range(0, 256)").map(Source::Data)
}

fn bytes_new(t: &TypeObj, a: Args) -> PyResult {
    // The shared parser expects `self` first.
    let all: Vec<&Obj> = std::iter::once(BYTES_TYPE.as_obj_ref()).chain(a.all.iter().copied()).collect();
    let args = Args { all: &all, nargs: a.nargs + 1, kwnames: a.kwnames };
    let (_, [x, encoding, errors]) =
        crate::types::bytes_args::keywords(args, "bytes", ["source", "encoding", "errors"], 0)?;
    let src = match source_with_encoding(x, encoding, errors)? {
        Some(d) => Source::Data(d),
        None => match x {
            None => Source::Data(Vec::new()),
            Some(x) => bytes_source(x)?,
        },
    };
    match src {
        Source::Object(o) if t.is(&BYTES_TYPE) => Ok(o),
        Source::Object(o) => Ok(new_bytes_of(t, this(&o).data.to_vec())),
        Source::Data(d) => Ok(new_bytes_of(t, d)),
    }
}

/// `str(b, encoding, errors)` / `b.decode(...)`.
pub fn decode_obj(o: &Obj, encoding: Option<&Obj>, errors: Option<&Obj>) -> PyResult {
    if o.isa::<StrObj>() {
        return Err(PyErr::type_error("decoding str is not supported"));
    }
    let Some(data) = buffer(o) else {
        return Err(PyErr::type_error(format!(
            "decoding to str: need a bytes-like object, {} found",
            o.class().name()
        )));
    };
    crate::types::str_methods::decode_bytes(&data, encoding, errors, o)
}

crate::static_type! {
    pub static BYTES_TYPE: BytesObj = "bytes" {
        flags: BASETYPE | BYTES_SUBCLASS | SEQUENCE,
        methods: crate::types::bytes_methods::BYTES_METHODS,
        slots: {
            new: bytes_new, repr: bytes_repr, str: bytes_str, hash: bytes_hash,
            richcompare: bytes_richcompare, len: bytes_len, getitem: bytes_getitem,
            contains: bytes_contains, iter: bytes_iter,
        },
        number: { add: bytes_add, mul: bytes_mul, rem: crate::types::bytes_format::bytes_mod },
    }
}

#[cfg(test)]
mod tests {
    use super::repr_bytes;

    #[test]
    fn repr_quotes() {
        assert_eq!(repr_bytes(b"it's", "b", false), "b\"it's\"");
        assert_eq!(repr_bytes(b"it's", "b", true), "b\"it\\'s\"");
        assert_eq!(repr_bytes(b"'\"", "b", false), "b'\\'\"'");
        assert_eq!(repr_bytes(b"\x00\x7f\xff\t", "b", false), "b'\\x00\\x7f\\xff\\t'");
    }
}

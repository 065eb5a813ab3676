//! `bytes`: an immutable byte string. Core protocol; methods in `bytes_methods.rs`.

use std::cell::Cell;

use crate::object::{AsObj, Obj, PyPayload, PyRef};
use crate::ops;
use crate::runtime::{PyErr, PyResult};
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

/// The bytes of a bytes-like object (bytes, bytearray, memoryview of them).
pub fn bytes_of(o: &Obj) -> Option<Vec<u8>> {
    if let Some(b) = o.downcast::<BytesObj>() {
        return Some(b.data.to_vec());
    }
    crate::types::bytearray::bytearray_data(o)
}

/// The `repr` of a byte string (`b'...'`).
pub fn repr_bytes(data: &[u8], prefix: &str) -> String {
    let quote = if data.contains(&b'\'') && !data.contains(&b'"') { '"' } else { '\'' };
    let mut out = String::with_capacity(data.len() + 3);
    out.push_str(prefix);
    out.push(quote);
    for &b in data {
        match b {
            b'\\' => out.push_str("\\\\"),
            b'\n' => out.push_str("\\n"),
            b'\r' => out.push_str("\\r"),
            b'\t' => out.push_str("\\t"),
            b if b as char == quote => {
                out.push('\\');
                out.push(b as char);
            }
            0x20..=0x7e => out.push(b as char),
            b => out.push_str(&format!("\\x{b:02x}")),
        }
    }
    out.push(quote);
    out
}

fn this(o: &Obj) -> &BytesObj {
    o.downcast::<BytesObj>().expect("bytes")
}

fn bytes_repr(o: &Obj) -> PyResult {
    Ok(from_string(repr_bytes(&this(o).data, "b")))
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
        if matches!(op, CompareOp::Eq | CompareOp::Ne) && b.isa::<StrObj>() {
            crate::modules::warnings::warn_bytes("Comparison between bytes and string")?;
        }
        return Ok(not_implemented());
    };
    Ok(new_bool(int::compare_result(x.data.cmp(&y.data), op)))
}

fn bytes_len(o: &Obj) -> PyResult<usize> {
    Ok(this(o).data.len())
}

fn bytes_getitem(o: &Obj, key: &Obj) -> PyResult {
    let d = &this(o).data;
    if let Some(sl) = key.downcast::<crate::types::slice::SliceObj>() {
        let (start, _, step, len) = sl.indices(d.len())?;
        let out: Vec<u8> = (0..len).map(|k| d[(start + k as i64 * step) as usize]).collect();
        return Ok(from_vec(out));
    }
    let i = crate::types::seq::seq_index(key, "byte")?;
    match crate::types::seq::norm_index(i, d.len()) {
        Some(i) => Ok(int::new_int(d[i] as i64)),
        None => Err(PyErr::index_error("index out of range")),
    }
}

/// `x in b` for bytes-like haystacks.
pub fn contains_in(hay: &[u8], item: &Obj) -> PyResult<bool> {
    if let Some(needle) = bytes_of(item) {
        if needle.is_empty() {
            return Ok(true);
        }
        return Ok(hay.windows(needle.len()).any(|w| w == needle.as_slice()));
    }
    match int::index_of(item)? {
        Some(v) if (0..256).contains(&v) => Ok(hay.contains(&(v as u8))),
        Some(_) => Err(PyErr::value_error("byte must be in range(0, 256)")),
        None => Err(PyErr::type_error(format!(
            "a bytes-like object is required, not '{}'",
            item.class().name()
        ))),
    }
}

fn bytes_contains(o: &Obj, item: &Obj) -> PyResult<bool> {
    contains_in(&this(o).data, item)
}

fn bytes_add(a: &Obj, b: &Obj) -> PyResult {
    let (Some(x), Some(y)) = (bytes_of(a), bytes_of(b)) else {
        return Ok(not_implemented());
    };
    if !a.isa::<BytesObj>() {
        return Ok(not_implemented());
    }
    let mut v = x;
    v.extend_from_slice(&y);
    Ok(from_vec(v))
}

fn bytes_mul(a: &Obj, b: &Obj) -> PyResult {
    let (d, n) = match (a.downcast::<BytesObj>(), b.downcast::<BytesObj>()) {
        (Some(x), _) => (&x.data, b),
        (None, Some(x)) => (&x.data, a),
        _ => return Ok(not_implemented()),
    };
    let Some(count) = int::index_of(n)? else { return Ok(not_implemented()) };
    if count <= 0 {
        return Ok(from_vec(Vec::new()));
    }
    if (d.len() as u128) * (count as u128) > isize::MAX as u128 / 2 {
        return Err(PyErr::memory_error());
    }
    Ok(from_vec(d.repeat(count as usize)))
}

fn bytes_iter(o: &Obj) -> PyResult {
    Ok(crate::types::iterators::new_seq_iter(o))
}

/// The bytes for `bytes(x)` / `bytearray(x)` from an int, iterable or buffer.
pub fn bytes_from_source(x: &Obj, encoding: Option<&Obj>, errors: Option<&Obj>, what: &str) -> PyResult<Vec<u8>> {
    if let Some(s) = x.downcast::<StrObj>() {
        let Some(enc) = encoding else {
            return Err(PyErr::type_error("string argument without an encoding"));
        };
        return crate::types::str_methods::encode_str(s.as_str(), enc, errors);
    }
    if encoding.is_some() {
        return Err(PyErr::type_error("encoding without a string argument"));
    }
    if let Some(b) = bytes_of(x) {
        return Ok(b);
    }
    if let Some(n) = int::index_of(x).ok().flatten() {
        if n < 0 {
            return Err(PyErr::value_error("negative count"));
        }
        return Ok(vec![0u8; n as usize]);
    }
    if let Some(r) = ops::call_special(x, "__bytes__", &[])? {
        return bytes_of(&r).ok_or_else(|| PyErr::type_error(format!("__bytes__ returned non-bytes (type {})", r.class().name())));
    }
    let it = ops::iter(x).map_err(|_| {
        PyErr::type_error(format!("cannot convert '{}' object to {what}", x.class().name()))
    })?;
    let mut out = Vec::new();
    while let Some(v) = ops::next(&it)? {
        let n = int::index_of(&v)?.ok_or_else(|| {
            PyErr::type_error(format!("'{}' object cannot be interpreted as an integer", v.class().name()))
        })?;
        if !(0..256).contains(&n) {
            return Err(PyErr::value_error("bytes must be in range(0, 256)"));
        }
        out.push(n as u8);
    }
    Ok(out)
}

fn bytes_new(t: &TypeObj, a: Args) -> PyResult {
    let [x, encoding, errors] = crate::util::args::parse(a, "bytes", &["source", "encoding", "errors"], 0)?;
    let data = match x {
        None => Vec::new(),
        Some(x) => {
            if encoding.is_none() && t.is(&BYTES_TYPE) && x.class().is(&BYTES_TYPE) {
                return Ok(x.to_owned());
            }
            bytes_from_source(x, encoding, errors, "bytes")?
        }
    };
    Ok(new_bytes_of(t, data))
}

/// `str(b, encoding, errors)` / `b.decode(...)`.
pub fn decode_obj(o: &Obj, encoding: Option<&Obj>, errors: Option<&Obj>) -> PyResult {
    let Some(data) = bytes_of(o) else {
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
        number: { add: bytes_add, mul: bytes_mul, rem: crate::types::bytes_methods::bytes_mod },
    }
}


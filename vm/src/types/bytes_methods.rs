//! Methods of `bytes` and `bytearray`, shared by both types: each method reads
//! `self`'s bytes in place and returns results of `self`'s kind (bytearray for
//! bytearray, bytes otherwise). The methods live by topic in `bytes_search.rs`,
//! `bytes_split.rs` and `bytes_transform.rs`; this file holds the helpers and
//! the method tables.

use crate::object::{Obj, PyRef};
use crate::runtime::{PyErr, PyResult};
use crate::types::bytearray::{new_bytearray, ByteArrayObj};
use crate::types::bytes::{from_vec, BytesObj, BYTES_TYPE};
use crate::types::bytes_args::{keywords, noargs};
use crate::types::str::StrObj;
use crate::types::typeobj::{Args, MethodDef};
use crate::types::{bytes_search as search, bytes_split as split, bytes_transform as tr};

/// Runs `f` over the bytes of `o` (bytes, bytearray or array) without copying.
/// `f` must not run Python code (a bytearray or array is borrowed meanwhile).
pub fn with_data<R>(o: &Obj, f: impl FnOnce(&[u8]) -> R) -> R {
    if let Some(b) = o.downcast::<BytesObj>() {
        return f(b.as_bytes());
    }
    if let Some(b) = o.downcast::<ByteArrayObj>() {
        return b.data.with(|d| f(d));
    }
    match o.downcast::<crate::modules::array::ArrayObj>() {
        Some(a) => a.with_data(f),
        None => f(&[]),
    }
}

/// A copy of the bytes of `o` (bytes or bytearray).
pub fn data_vec(o: &Obj) -> Vec<u8> {
    with_data(o, |d| d.to_vec())
}

/// A new object of `o`'s kind: bytearray for bytearrays, bytes otherwise.
pub fn new_like(o: &Obj, v: Vec<u8>) -> PyRef {
    if o.isa::<ByteArrayObj>() {
        new_bytearray(v)
    } else {
        from_vec(v)
    }
}

/// `o` itself when it is exactly bytes (immutable, so sharing is safe),
/// otherwise a copy of its kind.
pub fn unchanged(o: &Obj) -> PyRef {
    if o.class().is(&BYTES_TYPE) {
        o.to_owned()
    } else {
        new_like(o, data_vec(o))
    }
}

/// A result that may equal `o`'s contents: shares `o` when it is exactly bytes
/// and nothing changed.
pub fn result_or_self(o: &Obj, v: Option<Vec<u8>>) -> PyRef {
    match v {
        Some(v) => new_like(o, v),
        None => unchanged(o),
    }
}

fn m_decode(a: Args) -> PyResult {
    let (s, [encoding, errors]) = keywords(a, "decode", ["encoding", "errors"], 0)?;
    let text = |o: Option<&Obj>, what: &str| -> PyResult<Option<String>> {
        match o {
            None => Ok(None),
            Some(o) => match o.downcast::<StrObj>() {
                Some(t) => Ok(Some(t.as_str().to_string())),
                None => Err(PyErr::type_error(format!(
                    "decode() argument '{what}' must be str, not {}",
                    if o.is_none() { "None".to_string() } else { o.class().name() }
                ))),
            },
        }
    };
    let encoding = text(encoding, "encoding")?;
    let errors = text(errors, "errors")?;
    if let Some(b) = s.downcast::<BytesObj>() {
        return crate::codecs::decode(b.as_bytes(), encoding.as_deref(), errors.as_deref(), s);
    }
    // A bytearray is copied: it must not stay borrowed while exceptions are built.
    let data = data_vec(s);
    crate::codecs::decode(&data, encoding.as_deref(), errors.as_deref(), s)
}

fn m_getnewargs(a: Args) -> PyResult {
    let s = noargs(a, "__getnewargs__")?;
    Ok(crate::types::tuple::new_tuple(vec![from_vec(data_vec(s))]))
}

fn m_bytes(a: Args) -> PyResult {
    let s = noargs(a, "__bytes__")?;
    Ok(unchanged(s))
}

/// Methods both types have.
macro_rules! common_methods {
    ($maketrans:expr $(, $extra:expr)*) => {
        &[
            MethodDef::method("capitalize", tr::m_capitalize),
            MethodDef::method("center", tr::m_center),
            MethodDef::method("count", search::m_count),
            MethodDef::method("decode", m_decode),
            MethodDef::method("endswith", search::m_endswith),
            MethodDef::method("expandtabs", tr::m_expandtabs),
            MethodDef::method("find", search::m_find),
            MethodDef::class("fromhex", tr::m_fromhex),
            MethodDef::method("hex", tr::m_hex),
            MethodDef::method("index", search::m_index),
            MethodDef::method("isalnum", tr::m_isalnum),
            MethodDef::method("isalpha", tr::m_isalpha),
            MethodDef::method("isascii", tr::m_isascii),
            MethodDef::method("isdigit", tr::m_isdigit),
            MethodDef::method("islower", tr::m_islower),
            MethodDef::method("isspace", tr::m_isspace),
            MethodDef::method("istitle", tr::m_istitle),
            MethodDef::method("isupper", tr::m_isupper),
            MethodDef::method("join", split::m_join),
            MethodDef::method("ljust", tr::m_ljust),
            MethodDef::method("lower", tr::m_lower),
            MethodDef::method("lstrip", split::m_lstrip),
            MethodDef::static_("maketrans", $maketrans),
            MethodDef::method("partition", search::m_partition),
            MethodDef::method("removeprefix", search::m_removeprefix),
            MethodDef::method("removesuffix", search::m_removesuffix),
            MethodDef::method("replace", search::m_replace),
            MethodDef::method("rfind", search::m_rfind),
            MethodDef::method("rindex", search::m_rindex),
            MethodDef::method("rjust", tr::m_rjust),
            MethodDef::method("rpartition", search::m_rpartition),
            MethodDef::method("rsplit", split::m_rsplit),
            MethodDef::method("rstrip", split::m_rstrip),
            MethodDef::method("split", split::m_split),
            MethodDef::method("splitlines", split::m_splitlines),
            MethodDef::method("startswith", search::m_startswith),
            MethodDef::method("strip", split::m_strip),
            MethodDef::method("swapcase", tr::m_swapcase),
            MethodDef::method("title", tr::m_title),
            MethodDef::method("translate", tr::m_translate),
            MethodDef::method("upper", tr::m_upper),
            MethodDef::method("zfill", tr::m_zfill),
            $($extra,)*
        ]
    };
}

pub static BYTES_METHODS: &[MethodDef] = common_methods!(
    tr::m_maketrans_bytes,
    MethodDef::method("__getnewargs__", m_getnewargs),
    MethodDef::method("__bytes__", m_bytes)
);

pub static BYTEARRAY_METHODS: &[MethodDef] = common_methods!(
    tr::m_maketrans_bytearray,
    MethodDef::method("append", crate::types::bytearray_methods::m_append),
    MethodDef::method("extend", crate::types::bytearray_methods::m_extend),
    MethodDef::method("insert", crate::types::bytearray_methods::m_insert),
    MethodDef::method("pop", crate::types::bytearray_methods::m_pop),
    MethodDef::method("remove", crate::types::bytearray_methods::m_remove),
    MethodDef::method("clear", crate::types::bytearray_methods::m_clear),
    MethodDef::method("copy", crate::types::bytearray_methods::m_copy),
    MethodDef::method("reverse", crate::types::bytearray_methods::m_reverse),
    MethodDef::method("__alloc__", crate::types::bytearray_methods::m_alloc),
    MethodDef::method("__reduce__", crate::types::bytearray_methods::m_reduce),
    MethodDef::method("__reduce_ex__", crate::types::bytearray_methods::m_reduce_ex)
);

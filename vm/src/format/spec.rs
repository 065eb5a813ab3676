//! The format-spec mini-language (`format(value, spec)`).

use crate::runtime::{PyErr, PyResult};
use crate::object::PyRef;

/// `format(str, spec)`.
pub fn format_str_value(s: &str, spec: &str) -> PyResult<PyRef> {
    if spec.is_empty() {
        return Ok(crate::types::str::new_str(s));
    }
    Err(PyErr::not_implemented(format!("format spec {spec:?} for str is not implemented yet")))
}

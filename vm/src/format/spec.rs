//! The format-spec mini-language (`format(value, spec)`): parsing the spec and
//! formatting str, int, float and complex values. The `__format__` methods of
//! those types call these functions.

use crate::object::PyRef;
use crate::runtime::{PyErr, PyResult};
use crate::types::int::IntObj;

/// `format(str, spec)`.
pub fn format_str_value(s: &str, spec: &str) -> PyResult<PyRef> {
    if spec.is_empty() {
        return Ok(crate::types::str::new_str(s));
    }
    Err(PyErr::not_implemented(format!("format spec {spec:?} for str is not implemented yet")))
}

/// `format(int, spec)` (also used for bool with a non-empty spec).
pub fn format_int(i: &IntObj, spec: &str) -> PyResult<PyRef> {
    if spec.is_empty() {
        return Ok(crate::types::str::from_string(crate::types::int::int_to_decimal(i)?));
    }
    Err(PyErr::not_implemented(format!("format spec {spec:?} for int is not implemented yet")))
}

/// `format(float, spec)`.
pub fn format_float(v: f64, spec: &str) -> PyResult<PyRef> {
    if spec.is_empty() {
        return Ok(crate::types::str::from_string(crate::types::float::float_repr_str(v)));
    }
    Err(PyErr::not_implemented(format!("format spec {spec:?} for float is not implemented yet")))
}

/// `format(complex, spec)`.
pub fn format_complex(re: f64, im: f64, spec: &str) -> PyResult<PyRef> {
    if spec.is_empty() {
        return Ok(crate::types::str::from_string(crate::types::complex::complex_repr_str(re, im)));
    }
    Err(PyErr::not_implemented(format!("format spec {spec:?} for complex is not implemented yet")))
}

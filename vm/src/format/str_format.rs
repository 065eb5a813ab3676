//! `str.format` and `format_map`.

use crate::object::PyRef;
use crate::runtime::{PyErr, PyResult};
use crate::types::typeobj::Args;

/// `str.format(*args, **kwargs)`.
pub fn str_format_method(_a: Args) -> PyResult<PyRef> {
    Err(PyErr::not_implemented("str.format is not implemented yet"))
}

//! `%`-formatting of str.

use crate::object::{Obj, PyRef};
use crate::runtime::{PyErr, PyResult};

/// `fmt % args`.
pub fn format_str(fmt: &str, args: &Obj) -> PyResult<PyRef> {
    let _ = args;
    Err(PyErr::not_implemented(format!("%-formatting of {fmt:?} is not implemented yet")))
}

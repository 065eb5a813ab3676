//! `open()` until the `_io` module exists: reading and writing whole text
//! files through a small file object.

use crate::object::PyRef;
use crate::runtime::{PyErr, PyResult};
use crate::types::typeobj::Args;

/// `open(file, mode='r', ...)`.
pub fn open(_a: Args) -> PyResult<PyRef> {
    Err(PyErr::not_implemented("open() is not available yet in Ember"))
}

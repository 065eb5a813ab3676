//! String formatting: the format-spec mini-language (`format()`), `str.format`
//! and `%`-formatting.

pub mod float_fmt;
pub mod percent;
pub mod spec;
pub mod str_format;
pub mod string_module;

use crate::runtime::{PyErr, PyResult};

/// An empty String with room for `base + count * unit` bytes, or MemoryError
/// when that much cannot be allocated (huge widths and precisions must raise,
/// not abort the process).
pub(crate) fn text_buffer(base: usize, count: usize, unit: usize) -> PyResult<String> {
    let total = count
        .checked_mul(unit)
        .and_then(|x| x.checked_add(base))
        .filter(|&x| x <= isize::MAX as usize)
        .ok_or_else(PyErr::memory_error)?;
    let mut s = String::new();
    s.try_reserve_exact(total).map_err(|_| PyErr::memory_error())?;
    Ok(s)
}

/// Checks that `base + count * unit` bytes could be allocated (MemoryError
/// otherwise) before code that cannot report allocation failure produces
/// that much text. Small sizes are not probed.
pub(crate) fn check_size(base: usize, count: usize, unit: usize) -> PyResult<()> {
    if count <= 1 << 16 {
        return Ok(());
    }
    text_buffer(base, count, unit).map(drop)
}

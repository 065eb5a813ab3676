//! Fallible allocation for sizes that come from Python values (`[0] * n`,
//! `list(range(n))`, `"a" * n`): MemoryError instead of an abort when the
//! allocator refuses, as CPython raises it when malloc returns NULL.

use crate::runtime::{PyErr, PyResult};

/// An empty vector with room for `n` items, or MemoryError.
pub fn vec_with_capacity<T>(n: usize) -> PyResult<Vec<T>> {
    let mut v = Vec::new();
    v.try_reserve_exact(n).map_err(|_| PyErr::memory_error())?;
    Ok(v)
}

/// An empty string with room for `n` bytes, or MemoryError.
pub fn string_with_capacity(n: usize) -> PyResult<String> {
    let mut s = String::new();
    s.try_reserve_exact(n).map_err(|_| PyErr::memory_error())?;
    Ok(s)
}

/// Appends `x`, growing the vector fallibly (amortised doubling): MemoryError
/// when the allocator refuses, as for a CPython list that cannot grow.
#[inline]
pub fn push<T>(v: &mut Vec<T>, x: T) -> PyResult<()> {
    if v.len() == v.capacity() {
        v.try_reserve(1).map_err(|_| PyErr::memory_error())?;
    }
    v.push(x);
    Ok(())
}

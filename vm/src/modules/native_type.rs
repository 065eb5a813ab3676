//! Helpers shared by the types that native library modules define
//! (`_functools`, `_operator`, `_collections`).

use crate::runtime::PyErr;
use crate::types::typeobj::TypeObj;

/// CPython's `tp_name`, shown in error messages: static types of library
/// modules are declared as "module.Name" (`collections.deque`), classes
/// defined in Python have their bare name.
pub fn tp_name(t: &TypeObj) -> String {
    t.name()
}

/// CPython's `_PyType_Name`: the name without the module (`deque`), used by
/// reprs such as `deque([1])`.
pub fn short_name(t: &TypeObj) -> String {
    t.with_name(|n| n.rsplit_once('.').map_or(n, |(_, tail)| tail).to_string())
}

/// "X expected N arguments, got M" (CPython's `_PyArg_CheckPositional`).
pub fn check_positional(name: &str, got: usize, min: usize, max: usize) -> Result<(), PyErr> {
    if got < min {
        let (how, n) = if min == max { ("", min) } else { ("at least ", min) };
        return Err(PyErr::type_error(format!(
            "{name} expected {how}{n} argument{}, got {got}",
            if n == 1 { "" } else { "s" }
        )));
    }
    if got > max {
        let (how, n) = if min == max { ("", max) } else { ("at most ", max) };
        return Err(PyErr::type_error(format!(
            "{name} expected {how}{n} argument{}, got {got}",
            if n == 1 { "" } else { "s" }
        )));
    }
    Ok(())
}

/// "X() takes no keyword arguments" unless the call has none.
pub fn no_keywords(a: &crate::types::typeobj::Args, name: &str) -> Result<(), PyErr> {
    if a.kwnames.is_some_and(|k| !k.is_empty()) {
        return Err(PyErr::type_error(format!("{name}() takes no keyword arguments")));
    }
    Ok(())
}

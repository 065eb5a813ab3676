//! Helpers shared by the types that native library modules define
//! (`_functools`, `_operator`, `_collections`).

use crate::object::Obj;
use crate::runtime::PyErr;
use crate::types::typeobj::TypeObj;

/// CPython's `tp_name`: static types of library modules are named with their
/// module (`collections.deque`), classes defined in Python by their bare name.
pub fn tp_name(t: &TypeObj) -> String {
    if t.is_static() && t.module != "builtins" {
        format!("{}.{}", t.module, t.name())
    } else {
        t.name()
    }
}

/// The `hash` slot of unhashable library types ("unhashable type: 'collections.deque'").
pub fn hash_unhashable(o: &Obj) -> crate::runtime::PyResult<i64> {
    Err(PyErr::type_error(format!("unhashable type: '{}'", tp_name(o.class()))))
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

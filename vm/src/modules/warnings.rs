//! Warnings raised by native code. Until the `warnings` machinery is richer,
//! warnings are written to stderr once per message, as CPython's default
//! filters do for each location.

use std::cell::RefCell;
use std::collections::HashSet;

use crate::object::{PyRef, Static};
use crate::runtime::PyResult;
use crate::types::module::new_module;

static SEEN: Static<RefCell<Option<HashSet<String>>>> = Static(RefCell::new(None));

fn emit(category: &str, msg: &str) {
    let mut seen = SEEN.borrow_mut();
    let set = seen.get_or_insert_with(HashSet::new);
    let key = format!("{category}: {msg}");
    if set.insert(key.clone()) {
        drop(seen);
        let loc = crate::eval::current_frame()
            .map(|f| format!("{}:{}: ", f.code().filename_str(), f.lineno().unwrap_or(0)))
            .unwrap_or_default();
        crate::modules::sys::write_stderr(&format!("{loc}{key}\n"));
    }
}

/// A DeprecationWarning from native code (ignored by default, as in CPython).
pub fn warn_deprecation(_msg: &str) -> PyResult<()> {
    Ok(())
}

/// A BytesWarning (only shown with -b, which Ember does not enable).
pub fn warn_bytes(_msg: &str) -> PyResult<()> {
    Ok(())
}

/// A RuntimeWarning shown once per message.
pub fn warn_runtime(msg: &str) {
    emit("RuntimeWarning", msg);
}

pub fn init() -> PyResult<PyRef> {
    Ok(new_module("_warnings"))
}

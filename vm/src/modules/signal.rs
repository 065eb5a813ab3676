//! SIGINT handling: Ctrl-C sets a flag that the eval loop turns into
//! KeyboardInterrupt at the next loop back edge or call.

use std::sync::atomic::{AtomicBool, Ordering};

use crate::object::PyRef;
use crate::runtime::{PyErr, PyResult};
use crate::types::exceptions;
use crate::types::module::new_module;

static PENDING: AtomicBool = AtomicBool::new(false);

/// Records a SIGINT (async-signal-safe: only an atomic store).
pub fn note_sigint() {
    PENDING.store(true, Ordering::Relaxed);
}

/// Raises KeyboardInterrupt if a SIGINT arrived.
#[inline(always)]
pub fn check_pending() -> PyResult<()> {
    if PENDING.load(Ordering::Relaxed) {
        PENDING.store(false, Ordering::Relaxed);
        return Err(PyErr::with_arg(&exceptions::KEYBOARD_INTERRUPT, None));
    }
    Ok(())
}

pub fn init() -> PyResult<PyRef> {
    Ok(new_module("_signal"))
}

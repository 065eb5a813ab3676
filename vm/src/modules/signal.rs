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

/// The address of the pending-SIGINT flag (one byte, non-zero when set),
/// which compiled code tests at loop back edges before calling
/// [`check_pending`].
pub fn pending_flag_addr() -> usize {
    &PENDING as *const _ as usize
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

/// Sleeps for `d`, ending early with KeyboardInterrupt when Ctrl-C arrives
/// (checked every few milliseconds, since the sleep itself resumes after
/// the signal handler runs).
pub fn sleep(d: std::time::Duration) -> PyResult<()> {
    const SLICE: std::time::Duration = std::time::Duration::from_millis(5);
    let deadline = std::time::Instant::now() + d;
    loop {
        check_pending()?;
        let now = std::time::Instant::now();
        if now >= deadline {
            return Ok(());
        }
        std::thread::sleep((deadline - now).min(SLICE));
    }
}

pub fn init() -> PyResult<PyRef> {
    Ok(new_module("_signal"))
}

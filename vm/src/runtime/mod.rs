//! Interpreter-wide state: the thread state (raised exception at the ABI edge,
//! the exception being handled, the current frame, recursion depth), fatal
//! errors, and interpreter start-up.

mod error;

pub use error::{result_from_raw, result_to_raw, PyErr, PyResult};

use std::cell::Cell;

use crate::object::{PyCell, PyRef, Static};

/// Per-thread interpreter state. Ember runs one interpreter thread, so there is
/// one instance, reached through [`ts`].
pub struct ThreadState {
    /// The exception of a null return at the ABI edge.
    raised: PyCell<Option<PyRef>>,
    /// The stack of handled-exception entries: the frame stack's entry at the
    /// bottom, one per running generator above it. `sys.exc_info()` is the
    /// topmost non-None entry.
    pub(crate) handled: PyCell<Vec<Option<PyRef>>>,
    /// The innermost executing frame (null when no Python code runs).
    pub(crate) frame: Cell<*mut crate::eval::frame::Frame>,
    /// Python-level call depth, checked against `recursion_limit`.
    pub(crate) depth: Cell<u32>,
    pub(crate) recursion_limit: Cell<u32>,
}

static TS: Static<ThreadState> = Static(ThreadState {
    raised: PyCell::new(None),
    handled: PyCell::new(Vec::new()),
    frame: Cell::new(std::ptr::null_mut()),
    depth: Cell::new(0),
    recursion_limit: Cell::new(1000),
});

/// The interpreter's thread state.
#[inline(always)]
pub fn ts() -> &'static ThreadState {
    &TS
}

impl ThreadState {
    pub(crate) fn set_raised(&self, exc: PyRef) {
        let old = self.raised.replace(Some(exc));
        drop(old);
    }

    pub(crate) fn take_raised(&self) -> Option<PyRef> {
        self.raised.take()
    }

    /// The exception currently being handled (the topmost non-None entry).
    pub fn handled_exception(&self) -> Option<PyRef> {
        self.handled.with(|s| s.iter().rev().find_map(|e| e.clone()))
    }

    /// Replaces the top handled-exception entry, returning the previous one.
    pub fn swap_handled(&self, exc: Option<PyRef>) -> Option<PyRef> {
        self.handled.with_mut(|s| {
            if s.is_empty() {
                s.push(None);
            }
            let top = s.last_mut().expect("non-empty");
            std::mem::replace(top, exc)
        })
    }

    /// Pushes a handled-exception entry (a generator resuming).
    pub fn push_handled(&self, exc: Option<PyRef>) {
        self.handled.with_mut(|s| s.push(exc));
    }

    /// Pops the entry pushed by [`ThreadState::push_handled`].
    pub fn pop_handled(&self) -> Option<PyRef> {
        self.handled.with_mut(|s| s.pop().flatten())
    }

    /// Saves the raised-exception slot around a finaliser call.
    pub(crate) fn take_raised_for_finalizer(&self) -> Option<PyRef> {
        self.raised.take()
    }

    pub(crate) fn restore_after_finalizer(&self, saved: Option<PyRef>) {
        let old = self.raised.replace(saved);
        drop(old);
    }

    pub fn recursion_limit(&self) -> u32 {
        self.recursion_limit.get()
    }

    pub fn set_recursion_limit(&self, limit: u32) {
        self.recursion_limit.set(limit)
    }
}

/// Aborts the process after an internal invariant was broken. Reserved for bugs
/// in Ember itself, never for errors a Python program can cause.
#[cold]
#[inline(never)]
pub fn fatal(msg: &str) -> ! {
    eprintln!("Fatal Python error: {msg}");
    eprintln!("Python runtime state: initialized (Ember)");
    std::process::abort()
}

//! The interpreter's side of the JIT contract.
//!
//! The VM knows nothing about how code is compiled. It offers:
//! - a per-code-object slot ([`CodeJit`]) holding a compiled entry point, or
//!   the JIT's decision that the code stays interpreted;
//! - a hook ([`JitHook`]) the `ember` binary installs when a JIT option is
//!   given: on a fresh frame of undecided code the eval loop asks the hook,
//!   which may compile the code and return its entry;
//! - the entry protocol ([`JitEntry`]): compiled code runs on the frame the
//!   interpreter pushed and bound, and either returns the function's result or
//!   hands the frame back to the interpreter (a deopt), possibly with an
//!   exception raised at the frame's current instruction.
//!
//! With no hook installed the cost is one load and test per new frame.

use std::cell::Cell;

use crate::eval::frame::{Frame, FramePtr};
use crate::object::{Obj, PyRef, Static};
use crate::runtime::PyErr;
use crate::types::code::CodeObj;

/// A compiled function's entry point.
///
/// `frame` is a frame the interpreter pushed for the call, with its arguments
/// bound and `lasti == -1`; it stays on the frame stack for the whole call and
/// compiled code keeps its `code`, `func` and arguments in place. The return
/// value is one of:
/// - an owned reference to the function's result;
/// - [`DEOPT_RESUME`]: the frame's locals, value stack and `lasti` now hold the
///   interpreter state at a bytecode instruction; the interpreter continues at
///   `lasti + 1`;
/// - null: the same, but an exception is set in the thread state and `lasti`
///   is the instruction that raised it; the interpreter unwinds from there;
/// - for a generator frame that compiled code suspended (the frame marked
///   with `set_jit_yielded`), the yielded value: the frame holds the state
///   after the yield, with `lasti` at the `YIELD_VALUE`, as the interpreter
///   leaves it. A generator frame is entered again to resume it (`lasti` at a
///   yield, the sent value on top of its stack); compiled code dispatches on
///   `lasti`.
pub type JitEntry = unsafe extern "C" fn(frame: *mut Frame) -> *mut Obj;

/// The return value of a [`JitEntry`] that hands the frame back to the interpreter.
pub const DEOPT_RESUME: usize = 1;

/// Calls counted while the JIT has not decided; this value means decided.
const DECIDED: u32 = u32::MAX;

/// The JIT's per-code-object state.
#[derive(Default)]
pub struct CodeJit {
    entry: Cell<Option<JitEntry>>,
    /// Calls seen while undecided, or [`DECIDED`].
    calls: Cell<u32>,
}

impl CodeJit {
    /// The compiled entry, if any.
    pub fn entry(&self) -> Option<JitEntry> {
        self.entry.get()
    }

    /// Installs compiled code (or removes it, with None); either way the JIT's
    /// decision for this code is final until [`CodeJit::reset`].
    pub fn set_entry(&self, e: Option<JitEntry>) {
        self.entry.set(e);
        self.calls.set(DECIDED);
    }

    /// Forgets the decision and any compiled entry (e.g. after `cinderjit.enable()`).
    pub fn reset(&self) {
        self.entry.set(None);
        self.calls.set(0);
    }

    /// Whether the JIT has decided about this code.
    pub fn decided(&self) -> bool {
        self.calls.get() == DECIDED
    }

    /// Calls seen so far while undecided.
    pub fn calls(&self) -> u32 {
        if self.decided() {
            0
        } else {
            self.calls.get()
        }
    }
}

/// What the JIT does when undecided code is about to run.
pub trait JitHook {
    /// Called for a fresh frame whose code has no compiled entry and no final
    /// decision; `calls` counts this call. Returns the entry to run the frame
    /// with now, if the code was compiled.
    fn on_call(&self, frame: FramePtr, code: &CodeObj, calls: u32) -> Option<JitEntry>;
}

static HOOK: Static<Cell<Option<&'static dyn JitHook>>> = Static(Cell::new(None));

/// Installs the JIT (once, at start-up).
pub fn install(hook: &'static dyn JitHook) {
    HOOK.0.set(Some(hook));
}

/// Whether a JIT is installed.
pub fn installed() -> bool {
    HOOK.0.get().is_some()
}

/// How a run of compiled code ended.
pub enum JitExit {
    Return(PyRef),
    /// A generator frame suspended at a yield with this value.
    Yield(PyRef),
    /// Continue interpreting the frame at `lasti + 1`.
    Resume,
    /// Unwind this exception from the frame's `lasti`.
    Raise(PyErr),
}

/// Runs `f` (a fresh frame of `code`, or a suspended generator frame being
/// resumed) in compiled code if there is any or the hook compiles it now.
/// None: interpret the frame from where it is.
#[inline(always)]
pub fn try_enter(f: FramePtr, code: &CodeObj) -> Option<JitExit> {
    let entry = match code.jit.entry.get() {
        Some(e) => e,
        None => {
            let hook = HOOK.0.get()?;
            return enter_undecided(hook, f, code);
        }
    };
    // A deopt back to the first instruction must not enter again; resuming a
    // generator always may.
    if f.jit_entered() && f.lasti() < 0 {
        return None;
    }
    Some(enter_code(entry, f, code))
}

#[inline(never)]
fn enter_undecided(hook: &dyn JitHook, f: FramePtr, code: &CodeObj) -> Option<JitExit> {
    if code.jit.decided() || f.jit_entered() || f.lasti() >= 0 {
        return None;
    }
    let calls = code.jit.calls.get().saturating_add(1).min(DECIDED - 1);
    code.jit.calls.set(calls);
    let entry = hook.on_call(f, code, calls)?;
    Some(enter_code(entry, f, code))
}

fn enter_code(entry: JitEntry, f: FramePtr, code: &CodeObj) -> JitExit {
    // Free variables are in the frame as `COPY_FREE_VARS` would put them, so
    // code that reads the frame (zero-argument `super()`) finds them.
    if code.nfree > 0 && f.lasti() < 0 && !crate::eval::interp::copy_free_vars(f, code.nfree as usize) {
        f.set_jit_entered();
        return JitExit::Raise(PyErr::system_error("code with free variables run without a closure"));
    }
    run_entry(entry, f)
}

/// Runs compiled code on frame `f` of the code `entry` was compiled for
/// (its free variables, if any, already copied in).
#[inline(always)]
pub(crate) fn run_entry(entry: JitEntry, f: FramePtr) -> JitExit {
    f.set_jit_entered();
    // SAFETY: `entry` was produced by the installed JIT for this frame's code
    // and follows the `JitEntry` contract; `f` is a live, freshly bound frame
    // on the frame stack that stays there for the whole call.
    let r = unsafe { entry(f.as_raw()) };
    if r as usize == DEOPT_RESUME {
        return JitExit::Resume;
    }
    // SAFETY: per the contract, any other non-null return is an owned reference.
    match unsafe { PyRef::from_raw_opt(r) } {
        Some(v) if f.take_jit_yielded() => JitExit::Yield(v),
        Some(v) => JitExit::Return(v),
        None => JitExit::Raise(PyErr::fetch()),
    }
}

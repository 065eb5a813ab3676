//! SIGINT handling: Ctrl-C sets a flag that the eval loop turns into
//! KeyboardInterrupt at the next loop back edge or call.

use std::sync::atomic::{AtomicBool, Ordering};

use crate::object::{Obj, PyRef};
use crate::runtime::{PyErr, PyResult};
use crate::types::exceptions;
use crate::types::int;
use crate::types::module::{new_module, ModuleObj};
use crate::types::typeobj::{Args, MethodDef};

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

/// `default_int_handler(signalnum, frame)`: raises KeyboardInterrupt.
fn default_int_handler(_a: Args) -> PyResult {
    Err(PyErr::with_arg(&exceptions::KEYBOARD_INTERRUPT, None))
}

/// The handler of a signal as Python sees it: SIGINT raises
/// KeyboardInterrupt (`default_int_handler`), the others keep the default.
fn current_handler(module: &Obj, signum: i64) -> PyResult {
    if signum == libc::SIGINT as i64 {
        return crate::ops::getattr_str(module, "default_int_handler");
    }
    Ok(int::new_int(libc::SIG_DFL as i64))
}

fn signal_number(a: &Args, fname: &str) -> PyResult<i64> {
    let Some(n) = a.all.get(1) else {
        return Err(PyErr::type_error(format!("{fname} expected 1 argument, got 0")));
    };
    let n = int::expect_i64(n, "int")?;
    if !(1..65).contains(&n) {
        return Err(PyErr::value_error("signal number out of range"));
    }
    Ok(n)
}

fn getsignal(a: Args) -> PyResult {
    let n = signal_number(&a, "getsignal")?;
    current_handler(a.all[0], n)
}

/// `signal(signalnum, handler)`: Ember delivers only SIGINT (as
/// KeyboardInterrupt) and cannot install Python handlers yet; setting the
/// handler a signal already has is accepted.
fn signal(a: Args) -> PyResult {
    let n = signal_number(&a, "signal")?;
    let Some(handler) = a.all.get(2) else {
        return Err(PyErr::type_error("signal expected 2 arguments, got 1"));
    };
    let current = current_handler(a.all[0], n)?;
    if current.is(handler) || crate::ops::eq_bool(&current, handler)? {
        return Ok(current);
    }
    Err(PyErr::new(&exceptions::NOT_IMPLEMENTED_ERROR, "Ember cannot install signal handlers yet"))
}

static FUNCS: &[MethodDef] = &[
    MethodDef::method("default_int_handler", default_int_handler),
    MethodDef::method("getsignal", getsignal),
    MethodDef::method("signal", signal),
];

pub fn init() -> PyResult<PyRef> {
    let m = new_module("_signal");
    let mo = m.downcast::<ModuleObj>().ok_or_else(|| PyErr::system_error("_signal: module"))?;
    mo.add_functions(&m, FUNCS);
    let consts: &[(&str, i32)] = &[
        ("SIG_DFL", 0),
        ("SIG_IGN", 1),
        ("NSIG", 65),
        ("SIGHUP", libc::SIGHUP),
        ("SIGINT", libc::SIGINT),
        ("SIGQUIT", libc::SIGQUIT),
        ("SIGILL", libc::SIGILL),
        ("SIGTRAP", libc::SIGTRAP),
        ("SIGABRT", libc::SIGABRT),
        ("SIGBUS", libc::SIGBUS),
        ("SIGFPE", libc::SIGFPE),
        ("SIGKILL", libc::SIGKILL),
        ("SIGUSR1", libc::SIGUSR1),
        ("SIGSEGV", libc::SIGSEGV),
        ("SIGUSR2", libc::SIGUSR2),
        ("SIGPIPE", libc::SIGPIPE),
        ("SIGALRM", libc::SIGALRM),
        ("SIGTERM", libc::SIGTERM),
        ("SIGCHLD", libc::SIGCHLD),
        ("SIGCONT", libc::SIGCONT),
        ("SIGSTOP", libc::SIGSTOP),
        ("SIGTSTP", libc::SIGTSTP),
        ("SIGTTIN", libc::SIGTTIN),
        ("SIGTTOU", libc::SIGTTOU),
        ("SIGURG", libc::SIGURG),
        ("SIGXCPU", libc::SIGXCPU),
        ("SIGXFSZ", libc::SIGXFSZ),
        ("SIGVTALRM", libc::SIGVTALRM),
        ("SIGPROF", libc::SIGPROF),
        ("SIGWINCH", libc::SIGWINCH),
        ("SIGIO", libc::SIGIO),
        ("SIGSYS", libc::SIGSYS),
    ];
    for (name, v) in consts {
        mo.set_attr(name, int::new_int(*v as i64));
    }
    Ok(m)
}

//! Signals: the `_signal` module under the host's `signal`, and the pending
//! flags the interpreter polls.
//!
//! A C-level handler ([`on_signal`], or the binary's SIGINT handler through
//! [`note_sigint`]) only marks the signal as tripped, sets the shared pending
//! flag and writes the signal number to the wakeup descriptor, if any. The
//! eval loop (at back edges and calls), compiled code (at back edges) and
//! blocking calls interrupted with EINTR call [`check_pending`], which runs
//! the Python handlers of the tripped signals in signal-number order; SIGINT
//! without a Python handler becomes KeyboardInterrupt. The handler table is
//! per thread: Ember runs Python on one thread. The binary blocks
//! asynchronous signals in its main thread, so the kernel delivers them to
//! the interpreter thread, interrupting its system calls.

use std::cell::RefCell;
use std::sync::atomic::{AtomicBool, AtomicI32, Ordering};

use crate::modules::posix::path::errno_error;
use crate::modules::posix::sys::{self, Disposition, SigAction, NSIG};
use crate::object::{Obj, PyRef};
use crate::ops;
use crate::runtime::{PyErr, PyResult};
use crate::types::module::{new_module, ModuleObj};
use crate::types::typeobj::{Args, MethodDef};
use crate::types::{exceptions, float, int, none};
use crate::util::args;

/// Any signal tripped since the last [`check_pending`] (read by compiled code).
static PENDING: AtomicBool = AtomicBool::new(false);
/// Per signal number: tripped since its handler last ran.
static TRIPPED: [AtomicBool; NSIG as usize] = [const { AtomicBool::new(false) }; NSIG as usize];
/// The descriptor `set_wakeup_fd` chose (-1: none).
static WAKEUP_FD: AtomicI32 = AtomicI32::new(-1);

thread_local! {
    /// Python-level handlers set with `signal()` (None: never set, the OS
    /// disposition tells).
    static HANDLERS: RefCell<Vec<Option<PyRef>>> = RefCell::new(vec![None; NSIG as usize]);
    /// The module's `default_int_handler` function, once `_signal` exists.
    static DEFAULT_INT_HANDLER: RefCell<Option<PyRef>> = const { RefCell::new(None) };
}

/// The C-level handler of every signal with a Python handler
/// (async-signal-safe: atomic stores and one `write`).
extern "C" fn on_signal(sig: libc::c_int) {
    if let Some(flag) = usize::try_from(sig).ok().and_then(|i| TRIPPED.get(i)) {
        flag.store(true, Ordering::SeqCst);
    }
    PENDING.store(true, Ordering::SeqCst);
    let fd = WAKEUP_FD.load(Ordering::Relaxed);
    if fd >= 0 {
        sys::write_byte_in_handler(fd, sig as u8);
    }
}

/// Records a SIGINT (async-signal-safe: only atomic stores).
pub fn note_sigint() {
    on_signal(libc::SIGINT);
}

/// The address of the pending-signal flag (one byte, non-zero when set),
/// which compiled code tests at loop back edges before calling
/// [`check_pending`].
pub fn pending_flag_addr() -> usize {
    &PENDING as *const _ as usize
}

/// Runs the handlers of tripped signals (SIGINT without one raises
/// KeyboardInterrupt); an exception from a handler propagates.
#[inline(always)]
pub fn check_pending() -> PyResult<()> {
    if PENDING.load(Ordering::Relaxed) {
        return run_pending();
    }
    Ok(())
}

#[cold]
#[inline(never)]
fn run_pending() -> PyResult<()> {
    PENDING.store(false, Ordering::SeqCst);
    for sig in 1..NSIG {
        if !TRIPPED[sig as usize].swap(false, Ordering::SeqCst) {
            continue;
        }
        if let Err(e) = run_handler(sig) {
            // Signals not handled yet wait for the next check.
            PENDING.store(true, Ordering::SeqCst);
            return Err(e);
        }
    }
    Ok(())
}

fn run_handler(sig: i32) -> PyResult<()> {
    let handler = HANDLERS.try_with(|h| h.borrow().get(sig as usize).cloned().flatten()).ok().flatten();
    match handler {
        None if sig == libc::SIGINT => Err(PyErr::with_arg(&exceptions::KEYBOARD_INTERRUPT, None)),
        None => Ok(()),
        Some(h) if h.isa::<int::IntObj>() => Ok(()),
        Some(h) => {
            let frame = crate::eval::current_frame().map(crate::types::frame_obj::frame_object).unwrap_or_else(none);
            ops::call(&h, &[&int::new_int(i64::from(sig)), &frame], None).map(drop)
        }
    }
}

/// Sleeps for `d`, ending early when a signal handler raises (checked every
/// few milliseconds, since the sleep itself resumes after the C handler).
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

// ---- the module -----------------------------------------------------------

fn int_arg(o: Option<&Obj>) -> PyResult<i64> {
    let o = o.unwrap_or(crate::types::none_ref());
    if o.isa::<float::FloatObj>() {
        return Err(PyErr::type_error("'float' object cannot be interpreted as an integer"));
    }
    int::expect_i64(o, "int")
}

/// A signal number argument, checked against `1..NSIG`.
fn signum_arg(o: Option<&Obj>) -> PyResult<i32> {
    let v = int_arg(o)?;
    if v < 1 || v >= i64::from(NSIG) {
        return Err(PyErr::value_error("signal number out of range"));
    }
    Ok(v as i32)
}

fn os_err(code: i32) -> PyErr {
    errno_error(code)
}

/// What `getsignal` reports for a signal Python never set: SIG_DFL (0),
/// SIG_IGN (1), `default_int_handler` for SIGINT under Ember's handler, else
/// None (a handler installed outside Python).
fn os_handler(sig: i32) -> PyRef {
    match sys::signal_disposition(sig) {
        Ok(Disposition::Default) => int::new_int(0),
        Ok(Disposition::Ignore) => int::new_int(1),
        Ok(Disposition::Handler) if sig == libc::SIGINT => {
            DEFAULT_INT_HANDLER.with(|d| d.borrow().clone()).unwrap_or_else(none)
        }
        _ => none(),
    }
}

fn current_handler(sig: i32) -> PyRef {
    HANDLERS.with(|h| h.borrow().get(sig as usize).cloned().flatten()).unwrap_or_else(|| os_handler(sig))
}

fn f_signal(a: Args) -> PyResult {
    let [sig, handler] = args::parse(a, "signal", &["signalnum", "handler", "/"], 2)?;
    let sig = signum_arg(sig)?;
    let handler = handler.unwrap_or(crate::types::none_ref());
    let action = match handler.downcast::<int::IntObj>().and_then(|i| i.as_i64()) {
        Some(0) => SigAction::Default,
        Some(1) => SigAction::Ignore,
        _ if handler.class().call.get().is_some() => SigAction::Handler(on_signal),
        _ => {
            return Err(PyErr::type_error(
                "signal handler must be signal.SIG_IGN, signal.SIG_DFL, or a callable object",
            ))
        }
    };
    let old = current_handler(sig);
    sys::set_signal(sig, action).map_err(os_err)?;
    HANDLERS.with(|h| {
        if let Some(slot) = h.borrow_mut().get_mut(sig as usize) {
            *slot = Some(handler.to_owned());
        }
    });
    Ok(old)
}

fn f_getsignal(a: Args) -> PyResult {
    let [sig] = args::parse(a, "getsignal", &["signalnum", "/"], 1)?;
    Ok(current_handler(signum_arg(sig)?))
}

fn f_default_int_handler(_a: Args) -> PyResult {
    Err(PyErr::with_arg(&exceptions::KEYBOARD_INTERRUPT, None))
}

fn f_raise_signal(a: Args) -> PyResult {
    let [sig] = args::parse(a, "raise_signal", &["signalnum", "/"], 1)?;
    sys::raise_signal(signum_arg(sig)?).map_err(os_err)?;
    check_pending()?;
    Ok(none())
}

fn f_pthread_kill(a: Args) -> PyResult {
    let [tid, sig] = args::parse(a, "pthread_kill", &["thread_id", "signalnum", "/"], 2)?;
    let tid = tid.unwrap_or(crate::types::none_ref());
    let tid = ops::index_opt(tid)?.ok_or_else(|| {
        PyErr::type_error(format!("'{}' object cannot be interpreted as an integer", tid.class().name()))
    })?;
    let sig = int_arg(sig)?;
    let sig = i32::try_from(sig).map_err(|_| PyErr::overflow_error("signal number is too large"))?;
    // Ember runs Python on one thread: any other id names no Python thread.
    let this = int::new_int(crate::modules::posix::pthread_self() as i64);
    if !ops::eq_bool(&tid, &this)? {
        return Err(os_err(libc::ESRCH));
    }
    sys::kill_this_thread(sig).map_err(os_err)?;
    check_pending()?;
    Ok(none())
}

fn f_alarm(a: Args) -> PyResult {
    let [secs] = args::parse(a, "alarm", &["seconds", "/"], 1)?;
    let secs = int_arg(secs)?;
    let secs = u32::try_from(secs.max(0)).unwrap_or(u32::MAX);
    Ok(int::new_int(i64::from(sys::alarm(secs))))
}

fn f_pause(a: Args) -> PyResult {
    args::exact_fn::<0>(a, "pause")?;
    sys::pause();
    check_pending()?;
    Ok(none())
}

fn f_set_wakeup_fd(a: Args) -> PyResult {
    let [fd, _warn] = args::parse(a, "set_wakeup_fd", &["fd", "/", "*", "warn_on_full_buffer"], 1)?;
    let fd = int_arg(fd)?;
    let fd = i32::try_from(fd).map_err(|_| PyErr::overflow_error("Python int too large to convert to C int"))?;
    if fd != -1 {
        sys::fstat(fd).map_err(os_err)?;
        if sys::get_blocking(fd).map_err(os_err)? {
            return Err(PyErr::value_error(format!("the fd {fd} must be in non-blocking mode")));
        }
    }
    Ok(int::new_int(i64::from(WAKEUP_FD.swap(fd, Ordering::SeqCst))))
}

fn f_siginterrupt(a: Args) -> PyResult {
    let [sig, flag] = args::parse(a, "siginterrupt", &["signalnum", "flag", "/"], 2)?;
    let sig = signum_arg(sig)?;
    let flag = int_arg(flag)? != 0;
    sys::siginterrupt(sig, flag).map_err(os_err)?;
    Ok(none())
}

fn int_set(sigs: Vec<i32>) -> PyResult {
    crate::types::set::set_from_vec(sigs.into_iter().map(|s| int::new_int(i64::from(s))).collect())
}

fn f_valid_signals(a: Args) -> PyResult {
    args::exact_fn::<0>(a, "valid_signals")?;
    int_set(sys::valid_signals())
}

fn f_sigpending(a: Args) -> PyResult {
    args::exact_fn::<0>(a, "sigpending")?;
    int_set(sys::sigpending().map_err(os_err)?)
}

fn f_strsignal(a: Args) -> PyResult {
    let [sig] = args::parse(a, "strsignal", &["signalnum", "/"], 1)?;
    Ok(match sys::strsignal(signum_arg(sig)?) {
        Some(s) => crate::types::str::from_string(s),
        None => none(),
    })
}

fn f_pthread_sigmask(a: Args) -> PyResult {
    let [how, mask] = args::parse(a, "pthread_sigmask", &["how", "mask", "/"], 2)?;
    let how = int_arg(how)?;
    let how = i32::try_from(how).map_err(|_| PyErr::overflow_error("Python int too large to convert to C int"))?;
    let mut sigs = Vec::new();
    for s in ops::collect_vec(mask.unwrap_or(crate::types::none_ref()))? {
        sigs.push(signum_arg(Some(&s))?);
    }
    let old = sys::pthread_sigmask(how, &sigs).map_err(os_err)?;
    // A signal just unblocked was delivered; its handler runs now.
    check_pending()?;
    int_set(old)
}

thread_local! {
    static ITIMER_ERROR: RefCell<Option<PyRef>> = const { RefCell::new(None) };
}

fn itimer_error(code: i32) -> PyErr {
    let Some(cls) = ITIMER_ERROR.with(|c| c.borrow().clone()) else { return os_err(code) };
    let args = [int::new_int(i64::from(code)), crate::types::str::from_string(sys::strerror(code))];
    match ops::call(&cls, &[&args[0], &args[1]], None) {
        Ok(exc) => PyErr::from_exc(exc),
        Err(e) => e,
    }
}

fn seconds_arg(o: Option<&Obj>) -> PyResult<f64> {
    match o {
        None => Ok(0.0),
        Some(o) => {
            let v = ops::to_f64(o)?;
            if v.is_nan() {
                return Err(PyErr::value_error("Invalid value NaN (not a number)"));
            }
            Ok(v)
        }
    }
}

fn timer_pair((value, interval): (f64, f64)) -> PyRef {
    crate::types::tuple::new_tuple(vec![float::new_float(value), float::new_float(interval)])
}

fn f_setitimer(a: Args) -> PyResult {
    let [which, secs, interval] = args::parse(a, "setitimer", &["which", "seconds", "interval", "/"], 2)?;
    let which = i32::try_from(int_arg(which)?).map_err(|_| itimer_error(libc::EINVAL))?;
    let old = sys::setitimer(which, seconds_arg(secs)?, seconds_arg(interval)?).map_err(itimer_error)?;
    Ok(timer_pair(old))
}

fn f_getitimer(a: Args) -> PyResult {
    let [which] = args::parse(a, "getitimer", &["which", "/"], 1)?;
    let which = i32::try_from(int_arg(which)?).map_err(|_| itimer_error(libc::EINVAL))?;
    Ok(timer_pair(sys::getitimer(which).map_err(itimer_error)?))
}

static FUNCS: &[MethodDef] = &[
    MethodDef::method("signal", f_signal),
    MethodDef::method("getsignal", f_getsignal),
    MethodDef::method("default_int_handler", f_default_int_handler),
    MethodDef::method("raise_signal", f_raise_signal),
    MethodDef::method("pthread_kill", f_pthread_kill),
    MethodDef::method("pthread_sigmask", f_pthread_sigmask),
    MethodDef::method("sigpending", f_sigpending),
    MethodDef::method("alarm", f_alarm),
    MethodDef::method("pause", f_pause),
    MethodDef::method("set_wakeup_fd", f_set_wakeup_fd),
    MethodDef::method("siginterrupt", f_siginterrupt),
    MethodDef::method("valid_signals", f_valid_signals),
    MethodDef::method("strsignal", f_strsignal),
    MethodDef::method("setitimer", f_setitimer),
    MethodDef::method("getitimer", f_getitimer),
];

static CONSTANTS: &[(&str, i32)] = &[
    ("SIGHUP", libc::SIGHUP),
    ("SIGINT", libc::SIGINT),
    ("SIGQUIT", libc::SIGQUIT),
    ("SIGILL", libc::SIGILL),
    ("SIGTRAP", libc::SIGTRAP),
    ("SIGABRT", libc::SIGABRT),
    ("SIGIOT", libc::SIGIOT),
    ("SIGBUS", libc::SIGBUS),
    ("SIGFPE", libc::SIGFPE),
    ("SIGKILL", libc::SIGKILL),
    ("SIGUSR1", libc::SIGUSR1),
    ("SIGSEGV", libc::SIGSEGV),
    ("SIGUSR2", libc::SIGUSR2),
    ("SIGPIPE", libc::SIGPIPE),
    ("SIGALRM", libc::SIGALRM),
    ("SIGTERM", libc::SIGTERM),
    ("SIGSTKFLT", libc::SIGSTKFLT),
    ("SIGCHLD", libc::SIGCHLD),
    ("SIGCLD", libc::SIGCHLD),
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
    ("SIGPOLL", libc::SIGPOLL),
    ("SIGPWR", libc::SIGPWR),
    ("SIGSYS", libc::SIGSYS),
    // glibc reserves the first two real-time signals for its threads.
    ("SIGRTMIN", 34),
    ("SIGRTMAX", 64),
    ("NSIG", NSIG),
    ("SIG_DFL", 0),
    ("SIG_IGN", 1),
    ("SIG_BLOCK", libc::SIG_BLOCK),
    ("SIG_UNBLOCK", libc::SIG_UNBLOCK),
    ("SIG_SETMASK", libc::SIG_SETMASK),
    ("ITIMER_REAL", libc::ITIMER_REAL),
    ("ITIMER_VIRTUAL", libc::ITIMER_VIRTUAL),
    ("ITIMER_PROF", libc::ITIMER_PROF),
];

fn new_itimer_error() -> PyResult {
    let ns = crate::types::dict::new_dict();
    if let Some(d) = ns.downcast::<crate::types::dict::DictObj>() {
        d.set_by_str("__module__", crate::types::str::new_str("signal"));
    }
    let bases = crate::types::tuple::new_tuple(vec![exceptions::OS_ERROR.as_obj_ref().to_owned()]);
    crate::types::type_new::type_new_impl(
        &crate::types::typeobj::TYPE_TYPE,
        &crate::types::str::intern("itimer_error"),
        &bases,
        &ns,
        &[],
    )
}

pub fn init() -> PyResult<PyRef> {
    let m = new_module("_signal");
    let mo = m.downcast::<ModuleObj>().ok_or_else(|| PyErr::system_error("module"))?;
    mo.add_functions(&m, FUNCS);
    for &(name, v) in CONSTANTS {
        mo.set_attr(name, int::new_int(i64::from(v)));
    }
    let itimer = new_itimer_error()?;
    ITIMER_ERROR.with(|c| *c.borrow_mut() = Some(itimer.clone()));
    mo.set_attr("ItimerError", itimer);
    let dih = ops::getattr_str(&m, "default_int_handler")?;
    DEFAULT_INT_HANDLER.with(|d| *d.borrow_mut() = Some(dih));
    Ok(m)
}

//! SIGINT for the `ember` process: Ctrl-C sets a flag that the eval loop turns
//! into KeyboardInterrupt; blocking reads are not restarted after it, so that
//! `input()` is interrupted at once, and the signal (like every asynchronous
//! signal) is steered to the interpreter thread (the main thread only waits
//! for it). The only unsafe
//! code of the binary lives here.

/// The handler: records the signal (an atomic store, async-signal-safe).
extern "C" fn on_sigint(_sig: libc::c_int) {
    ember_vm::modules::signal::note_sigint();
}

fn sigint_set() -> libc::sigset_t {
    // SAFETY: `sigemptyset` initialises the set it is given; `sigaddset` adds a
    // valid signal number to an initialised set.
    unsafe {
        let mut set = std::mem::zeroed::<libc::sigset_t>();
        libc::sigemptyset(&mut set);
        libc::sigaddset(&mut set, libc::SIGINT);
        set
    }
}

/// Installs the SIGINT handler without SA_RESTART (a read waiting for input
/// fails with EINTR; Ember's writers retry on it).
pub fn install_handler() {
    // SAFETY: the sigaction struct is fully initialised (zeroed, then the
    // handler and an empty mask set), and the handler is async-signal-safe.
    unsafe {
        let mut sa = std::mem::zeroed::<libc::sigaction>();
        sa.sa_sigaction = on_sigint as extern "C" fn(libc::c_int) as libc::sighandler_t;
        sa.sa_flags = 0;
        libc::sigemptyset(&mut sa.sa_mask);
        libc::sigaction(libc::SIGINT, &sa, std::ptr::null_mut());
    }
}

/// Blocks the asynchronous signals (SIGINT and any other a Python handler may
/// catch) in the calling thread, so that the kernel delivers them to the
/// interpreter thread, interrupting whatever system call that thread waits
/// in. Faults stay unblocked: they are delivered to the thread that caused them.
pub fn block_in_this_thread() {
    // SAFETY: `sigfillset` initialises the set; `sigdelset` removes valid
    // signal numbers from it.
    let set = unsafe {
        let mut set = std::mem::zeroed::<libc::sigset_t>();
        libc::sigfillset(&mut set);
        for sig in [libc::SIGSEGV, libc::SIGBUS, libc::SIGFPE, libc::SIGILL, libc::SIGTRAP, libc::SIGSYS] {
            libc::sigdelset(&mut set, sig);
        }
        set
    };
    // SAFETY: `set` is an initialised signal set; a null old-mask pointer is allowed.
    unsafe {
        libc::pthread_sigmask(libc::SIG_BLOCK, &set, std::ptr::null_mut());
    }
}

/// Dies by SIGINT (CPython's exit after an unhandled KeyboardInterrupt, so
/// that the parent sees death by the signal); returns 130 if the signal did
/// not end the process.
pub fn die_by_sigint() -> u8 {
    let set = sigint_set();
    // SAFETY: restoring the default disposition, unblocking and raising a
    // signal have no memory-safety preconditions.
    unsafe {
        libc::signal(libc::SIGINT, libc::SIG_DFL);
        libc::pthread_sigmask(libc::SIG_UNBLOCK, &set, std::ptr::null_mut());
        libc::raise(libc::SIGINT);
    }
    130
}

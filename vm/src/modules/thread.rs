//! `_thread` for an interpreter that runs one thread: locks, reentrant
//! locks, thread-local objects (an ordinary attribute holder), identities,
//! and `start_new_thread`, which refuses.
//!
//! With one thread nothing can release a lock the thread itself holds
//! (except a signal handler), so an acquire with a finite timeout waits it
//! out (in signal-checking slices) and returns False if the lock is still
//! held, and an acquire that would wait forever raises RuntimeError instead
//! of hanging. A reentrant lock is always owned by the one thread once held.

use std::cell::Cell;

use crate::object::{Obj, PyPayload, PyRef};
use crate::ops;
use crate::runtime::{PyErr, PyResult};
use crate::types::bool::new_bool;
use crate::types::exceptions;
use crate::types::module::{new_module, ModuleObj};
use crate::types::str::from_string;
use crate::types::tuple::{new_tuple, TupleObj};
use crate::types::typeobj::{Args, MethodDef, TypeObj};
use crate::types::{float, int, none};
use crate::util::args;

/// `_thread.TIMEOUT_MAX` (CPython's value on Linux).
const TIMEOUT_MAX: f64 = 9223372036.0;

/// The identity of the interpreter thread (`get_ident`).
fn ident() -> u64 {
    super::posix::pthread_self()
}

/// How long an acquire may wait: `None` forever, else seconds.
enum Wait {
    No,
    For(f64),
    Forever,
}

/// Parses `acquire(blocking=True, timeout=-1)` after `self`, with CPython's checks.
fn parse_acquire(a: Args, name: &str) -> PyResult<Wait> {
    let [_s, blocking, timeout] = args::parse(a, name, &["self", "blocking", "timeout"], 1)?;
    let blocking = match blocking {
        Some(b) => ops::is_true(b)?,
        None => true,
    };
    let timeout = match timeout {
        Some(t) => ops::to_f64(t)?,
        None => -1.0,
    };
    if !blocking && timeout != -1.0 {
        return Err(PyErr::value_error("can't specify a timeout for a non-blocking call"));
    }
    if timeout < 0.0 && timeout != -1.0 {
        return Err(PyErr::value_error("timeout value must be positive"));
    }
    if timeout > TIMEOUT_MAX || timeout.is_nan() {
        return Err(PyErr::overflow_error("timeout value is too large"));
    }
    Ok(if !blocking {
        Wait::No
    } else if timeout == -1.0 {
        Wait::Forever
    } else {
        Wait::For(timeout)
    })
}

fn would_block_forever() -> PyErr {
    PyErr::runtime_error(
        "cannot acquire a lock held by the only thread: Ember runs one thread, so this would block forever",
    )
}

// --- lock ------------------------------------------------------------------

#[repr(C)]
pub struct LockObj {
    pub ob: Obj,
    locked: Cell<bool>,
}

// SAFETY: `#[repr(C)]` starting with `Obj`.
unsafe impl PyPayload for LockObj {
    fn class() -> &'static TypeObj {
        &LOCK_TYPE
    }
}

fn lock(o: &Obj) -> PyResult<&LockObj> {
    o.downcast::<LockObj>().ok_or_else(|| PyErr::type_error("descriptor requires a '_thread.lock' object"))
}

/// A new unlocked lock.
pub fn new_lock() -> PyRef {
    crate::object::alloc::alloc_object(&LOCK_TYPE, LockObj { ob: Obj::new(&LOCK_TYPE.0), locked: Cell::new(false) }, 0)
}

fn lock_acquire_with(l: &LockObj, wait: Wait) -> PyResult<bool> {
    if !l.locked.get() {
        l.locked.set(true);
        return Ok(true);
    }
    match wait {
        Wait::No => Ok(false),
        Wait::Forever => Err(would_block_forever()),
        Wait::For(secs) => {
            // Only a signal handler could release it meanwhile.
            crate::modules::signal::sleep(std::time::Duration::from_secs_f64(secs))?;
            if l.locked.get() {
                Ok(false)
            } else {
                l.locked.set(true);
                Ok(true)
            }
        }
    }
}

fn lock_acquire(a: Args) -> PyResult {
    let l = lock(a.all[0])?;
    let wait = parse_acquire(a, "acquire")?;
    Ok(new_bool(lock_acquire_with(l, wait)?))
}

fn lock_enter(a: Args) -> PyResult {
    let l = lock(a.all[0])?;
    Ok(new_bool(lock_acquire_with(l, Wait::Forever)?))
}

fn lock_release(a: Args) -> PyResult {
    let l = lock(a.all[0])?;
    if !l.locked.get() {
        return Err(PyErr::runtime_error("release unlocked lock"));
    }
    l.locked.set(false);
    Ok(none())
}

fn lock_locked(a: Args) -> PyResult {
    Ok(new_bool(lock(a.all[0])?.locked.get()))
}

fn lock_at_fork_reinit(a: Args) -> PyResult {
    lock(a.all[0])?.locked.set(false);
    Ok(none())
}

fn lock_repr(o: &Obj) -> PyResult {
    let l = lock(o)?;
    Ok(from_string(format!(
        "<{} {} object at {:#x}>",
        if l.locked.get() { "locked" } else { "unlocked" },
        o.class().name(),
        o.as_ptr() as usize
    )))
}

static LOCK_METHODS: &[MethodDef] = &[
    MethodDef::method("acquire", lock_acquire),
    MethodDef::method("acquire_lock", lock_acquire),
    MethodDef::method("__enter__", lock_enter),
    MethodDef::method("release", lock_release),
    MethodDef::method("release_lock", lock_release),
    MethodDef::method("__exit__", lock_release),
    MethodDef::method("locked", lock_locked),
    MethodDef::method("locked_lock", lock_locked),
    MethodDef::method("_at_fork_reinit", lock_at_fork_reinit),
];

crate::static_type! {
    pub static LOCK_TYPE: LockObj = "_thread.lock" {
        module: "_thread",
        flags: WEAKREFABLE,
        methods: LOCK_METHODS,
        slots: { repr: lock_repr },
    }
}

// --- RLock -----------------------------------------------------------------

#[repr(C)]
pub struct RLockObj {
    pub ob: Obj,
    count: Cell<u64>,
    owner: Cell<u64>,
}

// SAFETY: `#[repr(C)]` starting with `Obj`; subclasses share the layout.
unsafe impl PyPayload for RLockObj {
    fn class() -> &'static TypeObj {
        &RLOCK_TYPE
    }
}

fn rlock(o: &Obj) -> PyResult<&RLockObj> {
    o.downcast::<RLockObj>().ok_or_else(|| PyErr::type_error("descriptor requires a '_thread.RLock' object"))
}

fn rlock_new(t: &TypeObj, _a: Args) -> PyResult {
    Ok(crate::object::alloc::alloc_object(t, RLockObj { ob: Obj::new(t), count: Cell::new(0), owner: Cell::new(0) }, 0))
}

fn rlock_take(r: &RLockObj) -> PyResult {
    let n = r.count.get().checked_add(1).ok_or_else(|| PyErr::overflow_error("Internal lock count overflowed"))?;
    r.count.set(n);
    r.owner.set(ident());
    Ok(new_bool(true))
}

fn rlock_acquire(a: Args) -> PyResult {
    let r = rlock(a.all[0])?;
    // Whatever the arguments, the one thread owns or gets the lock.
    parse_acquire(a, "acquire")?;
    rlock_take(r)
}

fn rlock_enter(a: Args) -> PyResult {
    rlock_take(rlock(a.all[0])?)
}

fn rlock_release(a: Args) -> PyResult {
    let r = rlock(a.all[0])?;
    if r.count.get() == 0 {
        return Err(PyErr::runtime_error("cannot release un-acquired lock"));
    }
    r.count.set(r.count.get() - 1);
    if r.count.get() == 0 {
        r.owner.set(0);
    }
    Ok(none())
}

fn rlock_is_owned(a: Args) -> PyResult {
    Ok(new_bool(rlock(a.all[0])?.count.get() > 0))
}

fn rlock_release_save(a: Args) -> PyResult {
    let r = rlock(a.all[0])?;
    if r.count.get() == 0 {
        return Err(PyErr::runtime_error("cannot release un-acquired lock"));
    }
    let saved = new_tuple(vec![int::from_u64(r.count.get()), int::from_u64(r.owner.get())]);
    r.count.set(0);
    r.owner.set(0);
    Ok(saved)
}

fn rlock_acquire_restore(a: Args) -> PyResult {
    let [s, state] = args::exact::<2>(a, "_acquire_restore")?;
    let r = rlock(s)?;
    let bad = || PyErr::type_error("_acquire_restore() argument must be a (count, owner) tuple");
    let t = state.downcast::<TupleObj>().ok_or_else(bad)?;
    let [count, owner] = t.as_slice() else { return Err(bad()) };
    let count = u64::try_from(int::as_i64(count).ok_or_else(bad)?).map_err(|_| bad())?;
    let owner = int::as_i64(owner).ok_or_else(bad)? as u64;
    r.count.set(count);
    r.owner.set(owner);
    Ok(none())
}

fn rlock_recursion_count(a: Args) -> PyResult {
    Ok(int::from_u64(rlock(a.all[0])?.count.get()))
}

fn rlock_at_fork_reinit(a: Args) -> PyResult {
    let r = rlock(a.all[0])?;
    r.count.set(0);
    r.owner.set(0);
    Ok(none())
}

fn rlock_repr(o: &Obj) -> PyResult {
    let r = rlock(o)?;
    Ok(from_string(format!(
        "<{} {} object owner={} count={} at {:#x}>",
        if r.count.get() > 0 { "locked" } else { "unlocked" },
        o.class().name(),
        r.owner.get(),
        r.count.get(),
        o.as_ptr() as usize
    )))
}

static RLOCK_METHODS: &[MethodDef] = &[
    MethodDef::method("acquire", rlock_acquire),
    MethodDef::method("__enter__", rlock_enter),
    MethodDef::method("release", rlock_release),
    MethodDef::method("__exit__", rlock_release),
    MethodDef::method("_is_owned", rlock_is_owned),
    MethodDef::method("_release_save", rlock_release_save),
    MethodDef::method("_acquire_restore", rlock_acquire_restore),
    MethodDef::method("_recursion_count", rlock_recursion_count),
    MethodDef::method("_at_fork_reinit", rlock_at_fork_reinit),
];

crate::static_type! {
    pub static RLOCK_TYPE: RLockObj = "_thread.RLock" {
        module: "_thread",
        flags: BASETYPE | WEAKREFABLE,
        methods: RLOCK_METHODS,
        slots: { new: rlock_new, repr: rlock_repr },
    }
}

// --- _local ----------------------------------------------------------------

/// `_thread._local`: with one thread, its attributes are simply its own.
#[repr(C)]
pub struct LocalObj {
    pub ob: Obj,
    dict: Cell<Option<PyRef>>,
}

// SAFETY: `#[repr(C)]` starting with `Obj`; subclasses share the layout.
unsafe impl PyPayload for LocalObj {
    fn class() -> &'static TypeObj {
        &LOCAL_TYPE
    }
}

fn local_new(t: &TypeObj, a: Args) -> PyResult {
    let has_args = a.nargs > 0 || a.kwnames.is_some_and(|k| !k.is_empty());
    let default_init =
        t.init.get().map(|f| f as usize) == crate::types::object::OBJECT_TYPE.init.get().map(|f| f as usize);
    if has_args && default_init {
        return Err(PyErr::type_error("Initialization arguments are not supported"));
    }
    Ok(crate::object::alloc::alloc_object(t, LocalObj { ob: Obj::new(t), dict: Cell::new(None) }, 0))
}

fn local_traverse(o: &Obj, visit: &mut dyn FnMut(&Obj)) {
    if let Some(d) = crate::types::instance::get_dict(o) {
        visit(&d);
    }
}

fn local_clear(o: &Obj) {
    if let Some(l) = o.downcast::<LocalObj>() {
        let d = l.dict.take();
        drop(d);
    }
}

crate::static_type! {
    pub static LOCAL_TYPE: LocalObj = "_thread._local" {
        module: "_thread",
        flags: BASETYPE | HAVE_GC | WEAKREFABLE,
        dict_offset: std::mem::offset_of!(LocalObj, dict) as isize,
        doc: "Thread-local data",
        slots: { new: local_new, traverse: local_traverse, clear: local_clear },
    }
}

// --- module functions --------------------------------------------------------

fn allocate_lock(a: Args) -> PyResult {
    args::exact_fn::<0>(a, "allocate_lock")?;
    Ok(new_lock())
}

fn get_ident(a: Args) -> PyResult {
    args::exact_fn::<0>(a, "get_ident")?;
    Ok(int::from_u64(ident()))
}

fn get_native_id(a: Args) -> PyResult {
    args::exact_fn::<0>(a, "get_native_id")?;
    Ok(int::new_int(super::posix::gettid()))
}

fn count(a: Args) -> PyResult {
    args::exact_fn::<0>(a, "_count")?;
    Ok(int::new_int(0))
}

fn set_sentinel(a: Args) -> PyResult {
    args::exact_fn::<0>(a, "_set_sentinel")?;
    Ok(new_lock())
}

fn daemon_threads_allowed(a: Args) -> PyResult {
    args::exact_fn::<0>(a, "daemon_threads_allowed")?;
    Ok(new_bool(true))
}

fn stack_size(a: Args) -> PyResult {
    let [size] = args::parse(a, "stack_size", &["size", "/"], 0)?;
    if let Some(s) = size {
        let n = ops::index(s)?;
        let n = int::as_i64(&n).unwrap_or(i64::MAX);
        if n != 0 && n < 32768 {
            return Err(PyErr::value_error(format!("size not valid: {n} bytes")));
        }
    }
    Ok(int::new_int(0))
}

fn start_new_thread(a: Args) -> PyResult {
    if a.kwnames.is_some_and(|k| !k.is_empty()) {
        return Err(PyErr::type_error("start_new_thread() takes no keyword arguments"));
    }
    super::native_type::check_positional("start_new_thread", a.nargs, 2, 3)?;
    if a.all[0].class().call.get().is_none() {
        return Err(PyErr::type_error("first arg must be callable"));
    }
    if !a.all[1].isa::<TupleObj>() {
        return Err(PyErr::type_error("2nd arg must be a tuple"));
    }
    if a.nargs == 3 && !a.all[2].isa::<crate::types::dict::DictObj>() {
        return Err(PyErr::type_error("optional 3rd arg must be a dictionary"));
    }
    Err(PyErr::runtime_error("can't start new thread: Ember runs one thread"))
}

fn exit(_a: Args) -> PyResult {
    Err(PyErr::new(&exceptions::SYSTEM_EXIT, ""))
}

const HOOK_FIELDS: [&str; 4] = ["exc_type", "exc_value", "exc_traceback", "thread"];

/// `_thread._ExceptHookArgs`, created once.
fn hook_args_type() -> PyResult<PyRef> {
    thread_local! {
        static TYPE: std::cell::OnceCell<PyRef> = const { std::cell::OnceCell::new() };
    }
    if let Some(t) = TYPE.with(|c| c.get().cloned()) {
        return Ok(t);
    }
    let t = crate::types::structseq::new_type("_thread", "_ExceptHookArgs", &HOOK_FIELDS)?;
    TYPE.with(|c| {
        let _ = c.set(t.clone());
    });
    Ok(t)
}

/// `_thread._excepthook(args)`: reports an exception that ended a thread
/// ("Exception in thread NAME:" and the traceback on stderr).
fn excepthook(a: Args) -> PyResult {
    let [args] = args::exact_fn::<1>(a, "_excepthook")?;
    let field = |name: &str| ops::getattr_str(args, name);
    let exc_type = field("exc_type")?;
    if exc_type.is(exceptions::SYSTEM_EXIT.as_obj_ref()) {
        return Ok(none());
    }
    let value = field("exc_value")?;
    let thread = field("thread")?;
    let name =
        if thread.is_none() { ident().to_string() } else { ops::str_string(&*ops::getattr_str(&thread, "name")?)? };
    let mut text = format!("Exception in thread {name}:\n");
    if let Some(e) = value.downcast::<exceptions::ExceptionObj>() {
        let tb = field("exc_traceback")?;
        if e.traceback().is_none() && !tb.is_none() {
            e.set_traceback(Some(tb));
        }
        text.push_str(&crate::errors::format_exception(&value));
    } else {
        text.push_str(&format!("{}\n", ops::str_string(&exc_type)?));
    }
    crate::modules::sys::write_stderr(&text);
    Ok(none())
}

static FUNCTIONS: &[MethodDef] = &[
    MethodDef::method("allocate_lock", allocate_lock),
    MethodDef::method("allocate", allocate_lock),
    MethodDef::method("get_ident", get_ident),
    MethodDef::method("get_native_id", get_native_id),
    MethodDef::method("_count", count),
    MethodDef::method("_set_sentinel", set_sentinel),
    MethodDef::method("daemon_threads_allowed", daemon_threads_allowed),
    MethodDef::method("stack_size", stack_size),
    MethodDef::method("start_new_thread", start_new_thread),
    MethodDef::method("start_new", start_new_thread),
    MethodDef::method("exit", exit),
    MethodDef::method("exit_thread", exit),
    MethodDef::method("_excepthook", excepthook),
];

pub fn types() -> Vec<&'static TypeObj> {
    vec![&LOCK_TYPE.0, &RLOCK_TYPE.0, &LOCAL_TYPE.0]
}

pub fn init() -> PyResult<PyRef> {
    let m = new_module("_thread");
    let mo = m.downcast::<ModuleObj>().expect("module");
    mo.add_functions(&m, FUNCTIONS);
    mo.set_attr("LockType", LOCK_TYPE.as_obj_ref().to_owned());
    mo.set_attr("RLock", RLOCK_TYPE.as_obj_ref().to_owned());
    mo.set_attr("_local", LOCAL_TYPE.as_obj_ref().to_owned());
    mo.set_attr("error", exceptions::RUNTIME_ERROR.as_obj_ref().to_owned());
    mo.set_attr("TIMEOUT_MAX", float::new_float(TIMEOUT_MAX));
    mo.set_attr("_ExceptHookArgs", hook_args_type()?);
    Ok(m)
}

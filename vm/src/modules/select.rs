//! The `select` module: `select()` and `poll` objects, both over the
//! `poll` system call (`select()` keeps CPython's `FD_SETSIZE` limit and
//! messages). An interrupted wait runs the pending signal handlers, then
//! waits again for what is left of its timeout.

use std::cell::RefCell;
use std::time::{Duration, Instant};

use crate::modules::posix::path::errno_error;
use crate::modules::posix::sys;
use crate::object::{Obj, PyRef};
use crate::ops;
use crate::runtime::{PyErr, PyResult};
use crate::types::module::{new_module, ModuleObj};
use crate::types::typeobj::{Args, MethodDef, TypeObj};
use crate::types::{exceptions, float, int, list, none, tuple};
use crate::util::args;

/// The descriptor limit of `select()` (glibc's `FD_SETSIZE`).
const FD_SETSIZE: i32 = 1024;

/// A descriptor from an int or an object's `fileno()`, with CPython's messages.
fn fd_of(o: &Obj) -> PyResult<i32> {
    let v = if o.isa::<int::IntObj>() {
        o.to_owned()
    } else {
        match ops::lookup_attr(o, "fileno")? {
            Some(f) => {
                let r = ops::call(&f, &[], None)?;
                if !r.isa::<int::IntObj>() {
                    return Err(PyErr::type_error("fileno() returned a non-integer"));
                }
                r
            }
            None => return Err(PyErr::type_error("argument must be an int, or have a fileno() method.")),
        }
    };
    let n = match int::index_of(&v) {
        Ok(Some(n)) => n,
        _ => return Err(PyErr::overflow_error("Python int too large to convert to C int")),
    };
    let n = i32::try_from(n).map_err(|_| {
        PyErr::overflow_error(if n < 0 {
            "signed integer is less than minimum"
        } else {
            "signed integer is greater than maximum"
        })
    })?;
    if n < 0 {
        return Err(PyErr::value_error(format!("file descriptor cannot be a negative integer ({n})")));
    }
    Ok(n)
}

/// Milliseconds for one `poll` call, rounded up (a deadline in the past
/// gives 0; no deadline gives -1, "forever").
fn timeout_ms(deadline: Option<Instant>) -> i32 {
    match deadline {
        None => -1,
        Some(d) => {
            let left = d.saturating_duration_since(Instant::now());
            let ms = left.as_nanos().div_ceil(1_000_000);
            i32::try_from(ms).unwrap_or(i32::MAX)
        }
    }
}

/// Polls `fds`, retrying after signal handlers when interrupted.
fn poll_retrying(fds: &mut [libc::pollfd], deadline: Option<Instant>) -> PyResult<usize> {
    loop {
        for f in fds.iter_mut() {
            f.revents = 0;
        }
        match sys::poll(fds, timeout_ms(deadline)) {
            Ok(n) => return Ok(n),
            Err(libc::EINTR) => crate::modules::signal::check_pending()?,
            Err(e) => return Err(errno_error(e)),
        }
    }
}

/// A deadline `secs` seconds from now (None when too far to represent).
fn deadline_after(secs: f64) -> Option<Instant> {
    Duration::try_from_secs_f64(secs).ok().and_then(|d| Instant::now().checked_add(d))
}

// ---- select() -------------------------------------------------------------

/// The (object, descriptor) pairs of one of `select()`'s three sequences.
fn select_list(o: &Obj) -> PyResult<Vec<(PyRef, i32)>> {
    if !o.isa::<list::ListObj>() && !o.isa::<tuple::TupleObj>() && ops::lookup_special(o, "__iter__")?.is_none() {
        return Err(PyErr::type_error("arguments 1-3 must be sequences"));
    }
    let mut out = Vec::new();
    for item in ops::collect_vec(o)? {
        let fd = fd_of(&item)?;
        if fd >= FD_SETSIZE {
            return Err(PyErr::value_error("filedescriptor out of range in select()"));
        }
        out.push((item, fd));
    }
    Ok(out)
}

fn f_select(a: Args) -> PyResult {
    let [r, w, x, timeout] = args::parse(a, "select", &["rlist", "wlist", "xlist", "timeout", "/"], 3)?;
    let none_ref = crate::types::none_ref();
    let lists =
        [select_list(r.unwrap_or(none_ref))?, select_list(w.unwrap_or(none_ref))?, select_list(x.unwrap_or(none_ref))?];
    let deadline = match timeout.filter(|t| !t.is_none()) {
        None => None,
        Some(t) => {
            if !t.isa::<int::IntObj>() && !t.isa::<float::FloatObj>() && ops::lookup_special(t, "__float__")?.is_none()
            {
                return Err(PyErr::type_error("timeout must be a float or None"));
            }
            let secs = ops::to_f64(t)?;
            if secs.is_nan() {
                return Err(PyErr::value_error("Invalid value NaN (not a number)"));
            }
            if secs < 0.0 {
                return Err(PyErr::value_error("timeout must be non-negative"));
            }
            deadline_after(secs)
        }
    };
    let wanted = [libc::POLLIN, libc::POLLOUT, libc::POLLPRI];
    let mut fds: Vec<libc::pollfd> = Vec::new();
    for (list, events) in lists.iter().zip(wanted) {
        for &(_, fd) in list {
            match fds.iter_mut().find(|p| p.fd == fd) {
                Some(p) => p.events |= events,
                None => fds.push(libc::pollfd { fd, events, revents: 0 }),
            }
        }
    }
    poll_retrying(&mut fds, deadline)?;
    if fds.iter().any(|p| p.revents & libc::POLLNVAL != 0) {
        return Err(errno_error(libc::EBADF));
    }
    // What makes a descriptor count as ready in each list (select()'s rules).
    let ready = [libc::POLLIN | libc::POLLHUP | libc::POLLERR, libc::POLLOUT | libc::POLLERR, libc::POLLPRI];
    let mut results = Vec::with_capacity(3);
    for (list, mask) in lists.iter().zip(ready) {
        let hits = list
            .iter()
            .filter(|(_, fd)| fds.iter().any(|p| p.fd == *fd && p.revents & mask != 0))
            .map(|(o, _)| o.clone())
            .collect();
        results.push(list::new_list(hits));
    }
    Ok(tuple::new_tuple(results))
}

// ---- poll objects ---------------------------------------------------------

#[repr(C)]
pub struct PollObj {
    pub ob: crate::object::Obj,
    /// Registered descriptors and their event masks, in registration order.
    fds: RefCell<Vec<(i32, i16)>>,
}

fn this(o: &Obj) -> PyResult<&PollObj> {
    o.downcast::<PollObj>().ok_or_else(|| PyErr::type_error("descriptor requires a 'select.poll' object"))
}

/// An event mask argument (C `unsigned short`).
fn mask_arg(o: &Obj) -> PyResult<i16> {
    let v = int::expect_i64(o, "unsigned short")?;
    if v < 0 {
        return Err(PyErr::value_error("value must be positive"));
    }
    u16::try_from(v).map(|m| m as i16).map_err(|_| PyErr::overflow_error("Python int too large for C unsigned short"))
}

fn poll_register(a: Args) -> PyResult {
    let [s, fd, mask] = args::parse(a, "register", &["self", "fd", "eventmask", "/"], 2)?;
    let p = this(s.unwrap_or(crate::types::none_ref()))?;
    let fd = fd_of(fd.unwrap_or(crate::types::none_ref()))?;
    let mask = match mask {
        Some(m) => mask_arg(m)?,
        None => libc::POLLIN | libc::POLLPRI | libc::POLLOUT,
    };
    let mut fds = p.fds.borrow_mut();
    match fds.iter_mut().find(|e| e.0 == fd) {
        Some(e) => e.1 = mask,
        None => fds.push((fd, mask)),
    }
    Ok(none())
}

fn poll_modify(a: Args) -> PyResult {
    let [s, fd, mask] = args::parse(a, "modify", &["self", "fd", "eventmask", "/"], 3)?;
    let p = this(s.unwrap_or(crate::types::none_ref()))?;
    let fd = fd_of(fd.unwrap_or(crate::types::none_ref()))?;
    let mask = mask_arg(mask.unwrap_or(crate::types::none_ref()))?;
    let mut fds = p.fds.borrow_mut();
    match fds.iter_mut().find(|e| e.0 == fd) {
        Some(e) => e.1 = mask,
        None => return Err(errno_error(libc::ENOENT)),
    }
    Ok(none())
}

fn poll_unregister(a: Args) -> PyResult {
    let [s, fd] = args::parse(a, "unregister", &["self", "fd", "/"], 2)?;
    let p = this(s.unwrap_or(crate::types::none_ref()))?;
    let fd = fd_of(fd.unwrap_or(crate::types::none_ref()))?;
    let mut fds = p.fds.borrow_mut();
    match fds.iter().position(|e| e.0 == fd) {
        Some(i) => {
            fds.remove(i);
            Ok(none())
        }
        None => Err(PyErr::with_arg(&exceptions::KEY_ERROR, Some(int::new_int(i64::from(fd))))),
    }
}

fn poll_poll(a: Args) -> PyResult {
    let [s, timeout] = args::parse(a, "poll", &["self", "timeout", "/"], 1)?;
    let p = this(s.unwrap_or(crate::types::none_ref()))?;
    let deadline = match timeout.filter(|t| !t.is_none()) {
        None => None,
        Some(t) => {
            if !t.isa::<int::IntObj>() && !t.isa::<float::FloatObj>() && ops::index_opt(t)?.is_none() {
                return Err(PyErr::type_error("timeout must be an integer or None"));
            }
            let ms = ops::to_f64(t)?;
            if ms.is_nan() {
                return Err(PyErr::value_error("Invalid value NaN (not a number)"));
            }
            if ms < 0.0 {
                None
            } else {
                Some(deadline_after(ms / 1000.0).unwrap_or_else(|| Instant::now() + Duration::from_secs(86400 * 365)))
            }
        }
    };
    let mut fds: Vec<libc::pollfd> =
        p.fds.borrow().iter().map(|&(fd, events)| libc::pollfd { fd, events, revents: 0 }).collect();
    poll_retrying(&mut fds, deadline)?;
    let out = fds
        .iter()
        .filter(|f| f.revents != 0)
        .map(|f| tuple::new_tuple(vec![int::new_int(i64::from(f.fd)), int::new_int(i64::from(f.revents as u16))]))
        .collect();
    Ok(list::new_list(out))
}

static POLL_METHODS: &[MethodDef] = &[
    MethodDef::method("register", poll_register),
    MethodDef::method("modify", poll_modify),
    MethodDef::method("unregister", poll_unregister),
    MethodDef::method("poll", poll_poll),
];

crate::static_type! {
    pub static POLL_TYPE: PollObj = "select.poll" {
        module: "select",
        flags: IMMUTABLE,
        methods: POLL_METHODS,
    }
}

fn f_poll(a: Args) -> PyResult {
    args::exact_fn::<0>(a, "poll")?;
    Ok(crate::object::alloc::alloc_object(
        &POLL_TYPE,
        PollObj { ob: Obj::new(&POLL_TYPE.0), fds: RefCell::new(Vec::new()) },
        0,
    ))
}

/// The native types of this module (readied at start-up).
pub fn types() -> Vec<&'static TypeObj> {
    vec![&POLL_TYPE.0]
}

static FUNCS: &[MethodDef] = &[MethodDef::method("select", f_select), MethodDef::method("poll", f_poll)];

static CONSTANTS: &[(&str, i64)] = &[
    ("POLLIN", libc::POLLIN as i64),
    ("POLLPRI", libc::POLLPRI as i64),
    ("POLLOUT", libc::POLLOUT as i64),
    ("POLLERR", libc::POLLERR as i64),
    ("POLLHUP", libc::POLLHUP as i64),
    ("POLLNVAL", libc::POLLNVAL as i64),
    ("POLLRDNORM", libc::POLLRDNORM as i64),
    ("POLLRDBAND", libc::POLLRDBAND as i64),
    ("POLLWRNORM", libc::POLLWRNORM as i64),
    ("POLLWRBAND", libc::POLLWRBAND as i64),
    ("POLLMSG", 0x400),
    ("POLLRDHUP", libc::POLLRDHUP as i64),
    ("PIPE_BUF", libc::PIPE_BUF as i64),
];

pub fn init() -> PyResult<PyRef> {
    let m = new_module("select");
    let mo = m.downcast::<ModuleObj>().ok_or_else(|| PyErr::system_error("module"))?;
    mo.add_functions(&m, FUNCS);
    for &(name, v) in CONSTANTS {
        mo.set_attr(name, int::new_int(v));
    }
    mo.set_attr("error", exceptions::OS_ERROR.as_obj_ref().to_owned());
    Ok(m)
}

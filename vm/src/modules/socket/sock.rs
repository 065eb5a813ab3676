//! The `_socket.socket` type: creation, the blocking/timeout state, and the
//! methods that are not data transfer (those are in `transfer.rs`).
//!
//! A socket's timeout is negative for blocking without limit, zero for
//! non-blocking and positive for a limit in seconds; in the last two cases
//! the descriptor is in non-blocking mode and operations wait with `poll`
//! (see [`sock_call`]).

use std::cell::Cell;
use std::time::{Duration, Instant};

use super::addr::{make_addr, parse_addr};
use super::sys;
use crate::modules::posix::path::errno_error;
use crate::modules::posix::sys as psys;
use crate::object::{Obj, PyRef};
use crate::ops;
use crate::runtime::{PyErr, PyResult};
use crate::types::exceptions;
use crate::types::float::{new_float, FloatObj};
use crate::types::int::{self, IntObj};
use crate::types::none;
use crate::types::str::from_string;
use crate::types::tuple::new_tuple;
use crate::types::typeobj::{Args, GetSetDef, MethodDef, TypeObj};
use crate::util::args;

#[repr(C)]
pub struct SocketObj {
    pub ob: Obj,
    pub fd: Cell<i32>,
    pub family: Cell<i32>,
    pub ty: Cell<i32>,
    pub proto: Cell<i32>,
    /// Seconds; negative: blocking without a limit.
    pub timeout: Cell<f64>,
}

/// The timeout new sockets get (`setdefaulttimeout`); negative: None.
static DEFAULT_TIMEOUT: crate::object::Static<Cell<f64>> = crate::object::Static(Cell::new(-1.0));

pub fn default_timeout() -> f64 {
    DEFAULT_TIMEOUT.get()
}

pub fn set_default_timeout(t: f64) {
    DEFAULT_TIMEOUT.set(t);
}

pub(super) fn this(o: &Obj) -> PyResult<&SocketObj> {
    o.downcast::<SocketObj>().ok_or_else(|| {
        PyErr::type_error(format!(
            "descriptor for '_socket.socket' objects doesn't apply to a '{}' object",
            o.class().name()
        ))
    })
}

/// `self` of a method, with CPython's message naming the method.
pub(super) fn self_of<'a>(a: &Args<'a>, method: &str) -> PyResult<&'a SocketObj> {
    let s = a.all.first().copied().ok_or_else(|| PyErr::type_error(format!("{method}() needs an argument")))?;
    s.downcast::<SocketObj>().ok_or_else(|| {
        PyErr::type_error(format!(
            "descriptor '{method}' for '_socket.socket' objects doesn't apply to a '{}' object",
            s.class().name()
        ))
    })
}

// ---- timeouts and waiting ---------------------------------------------------------

/// A timeout argument: None gives -1; otherwise non-negative seconds.
pub fn parse_timeout(o: &Obj) -> PyResult<f64> {
    if o.is_none() {
        return Ok(-1.0);
    }
    let secs = if let Some(f) = o.downcast::<FloatObj>() {
        let v = f.value();
        if v.is_nan() {
            return Err(PyErr::value_error("Invalid value NaN (not a number)"));
        }
        v
    } else {
        match int::index_of(o) {
            Ok(Some(v)) => v as f64,
            Ok(None) => {
                return Err(PyErr::type_error(format!(
                    "'{}' object cannot be interpreted as an integer",
                    o.class().name()
                )))
            }
            Err(_) => return Err(PyErr::overflow_error("timestamp too large to convert to C _PyTime_t")),
        }
    };
    if secs < 0.0 {
        return Err(PyErr::value_error("Timeout value out of range"));
    }
    Ok(secs)
}

fn timeout_obj(t: f64) -> PyRef {
    if t < 0.0 {
        none()
    } else {
        new_float(t)
    }
}

/// A deadline `secs` from now (far in the future when too large).
pub fn deadline_after(secs: f64) -> Instant {
    let far = Duration::from_secs(86400 * 365 * 100);
    let d = Duration::try_from_secs_f64(secs).unwrap_or(far).min(far);
    Instant::now() + d
}

fn ms_until(deadline: Option<Instant>) -> i32 {
    match deadline {
        None => -1,
        Some(d) => {
            let left = d.saturating_duration_since(Instant::now());
            i32::try_from(left.as_nanos().div_ceil(1_000_000)).unwrap_or(i32::MAX)
        }
    }
}

#[cold]
pub fn timeout_error() -> PyErr {
    PyErr::new(&exceptions::TIMEOUT_ERROR, "timed out")
}

/// Waits until `fd` is readable (or writable) or the deadline passes
/// (`Ok(false)`); interrupted waits run the signal handlers and go on.
pub(super) fn wait_fd(fd: i32, writing: bool, deadline: Option<Instant>) -> PyResult<bool> {
    if fd < 0 {
        return Ok(true);
    }
    let events = if writing { libc::POLLOUT } else { libc::POLLIN };
    loop {
        let mut p = [libc::pollfd { fd, events, revents: 0 }];
        match psys::poll(&mut p, ms_until(deadline)) {
            Ok(0) => return Ok(false),
            Ok(_) => return Ok(true),
            Err(libc::EINTR) => crate::modules::signal::check_pending()?,
            Err(e) => return Err(errno_error(e)),
        }
    }
}

/// Runs `op` on the socket's descriptor until it succeeds: a socket with a
/// timeout first waits (until `deadline`, else its own timeout from now)
/// for the descriptor to be ready, and waits again after `EWOULDBLOCK`;
/// `EINTR` runs the signal handlers and retries. On a timeout the result is
/// `Err(Err(TimeoutError))`; other failures are `Err(Ok(errno))` so callers
/// that return codes (`connect_ex`) can.
pub(super) fn sock_call_raw<T>(
    s: &SocketObj,
    writing: bool,
    deadline: Option<Instant>,
    mut op: impl FnMut(i32) -> sys::SysResult<T>,
) -> Result<T, PyResult<i32>> {
    let timeout = s.timeout.get();
    let deadline = if timeout > 0.0 { Some(deadline.unwrap_or_else(|| deadline_after(timeout))) } else { None };
    loop {
        if deadline.is_some() {
            match wait_fd(s.fd.get(), writing, deadline) {
                Ok(true) => {}
                Ok(false) => return Err(Err(timeout_error())),
                Err(e) => return Err(Err(e)),
            }
        }
        match op(s.fd.get()) {
            Ok(v) => return Ok(v),
            Err(libc::EINTR) => {
                if let Err(e) = crate::modules::signal::check_pending() {
                    return Err(Err(e));
                }
            }
            Err(e) if deadline.is_some() && (e == libc::EAGAIN || e == libc::EWOULDBLOCK) => {}
            Err(e) => return Err(Ok(e)),
        }
    }
}

/// [`sock_call_raw`] with every failure raised.
pub(super) fn sock_call<T>(
    s: &SocketObj,
    writing: bool,
    deadline: Option<Instant>,
    op: impl FnMut(i32) -> sys::SysResult<T>,
) -> PyResult<T> {
    sock_call_raw(s, writing, deadline, op).map_err(|e| match e {
        Ok(code) => errno_error(code),
        Err(e) => e,
    })
}

/// Puts the descriptor in blocking or non-blocking mode for `timeout`.
fn apply_timeout(fd: i32, timeout: f64) -> PyResult<()> {
    if fd < 0 {
        return Ok(());
    }
    psys::set_blocking(fd, timeout < 0.0).map_err(errno_error)
}

// ---- creation -----------------------------------------------------------------

fn sock_new(ty: &TypeObj, _a: Args) -> PyResult {
    Ok(crate::object::alloc::alloc_object(
        ty,
        SocketObj {
            ob: Obj::new(ty),
            fd: Cell::new(-1),
            family: Cell::new(libc::AF_INET),
            ty: Cell::new(libc::SOCK_STREAM),
            proto: Cell::new(0),
            timeout: Cell::new(-1.0),
        },
        0,
    ))
}

/// An int argument of `socket()` (C int); -1 when absent.
fn int_or_default(o: Option<&Obj>) -> PyResult<i32> {
    match o {
        None => Ok(-1),
        Some(o) => {
            let v = crate::types::bytes_args::c_int_arg(o)?;
            Ok(v as i32)
        }
    }
}

fn sock_init(o: &Obj, a: Args) -> PyResult<()> {
    let [family, ty, proto, fileno] = args::parse(a, "socket", &["family", "type", "proto", "fileno"], 0)?;
    let s = this(o)?;
    let mut family = int_or_default(family)?;
    let mut sock_type = int_or_default(ty)?;
    let mut proto = int_or_default(proto)?;
    let fd = match fileno.filter(|f| !f.is_none()) {
        Some(f) => {
            if f.isa::<FloatObj>() {
                return Err(PyErr::type_error("'float' object cannot be interpreted as an integer"));
            }
            let v = int::expect_i64(f, "int")?;
            if v < 0 {
                return Err(PyErr::value_error("negative file descriptor"));
            }
            let fd = i32::try_from(v).map_err(|_| PyErr::overflow_error("Python int too large to convert to C int"))?;
            // What the caller left out comes from the descriptor itself.
            if family == -1 {
                family = sys::getsockname(fd).map_err(errno_error)?.family();
            }
            if sock_type == -1 {
                sock_type = sys::getsockopt_int(fd, libc::SOL_SOCKET, libc::SO_TYPE).map_err(errno_error)?;
            }
            if proto == -1 {
                proto = sys::getsockopt_int(fd, libc::SOL_SOCKET, libc::SO_PROTOCOL).map_err(errno_error)?;
            }
            fd
        }
        None => {
            if family == -1 {
                family = libc::AF_INET;
            }
            if sock_type == -1 {
                sock_type = libc::SOCK_STREAM;
            }
            if proto == -1 {
                proto = 0;
            }
            sys::socket(family, sock_type, proto).map_err(errno_error)?
        }
    };
    s.fd.set(fd);
    s.family.set(family);
    s.ty.set(sock_type & !(libc::SOCK_NONBLOCK | libc::SOCK_CLOEXEC));
    s.proto.set(proto);
    let timeout = if sock_type & libc::SOCK_NONBLOCK != 0 { 0.0 } else { default_timeout() };
    s.timeout.set(timeout);
    if timeout >= 0.0 {
        apply_timeout(fd, timeout)?;
    }
    Ok(())
}

/// A new `_socket.socket` object owning `fd` (for `socketpair`, `dup`).
pub fn new_socket(fd: i32, family: i32, sock_type: i32, proto: i32) -> PyResult {
    let o = sock_new(&SOCKET_TYPE, Args { all: &[], nargs: 0, kwnames: None })?;
    let s = this(&o)?;
    s.fd.set(fd);
    s.family.set(family);
    s.ty.set(sock_type);
    s.proto.set(proto);
    let timeout = default_timeout();
    s.timeout.set(timeout);
    if timeout >= 0.0 {
        apply_timeout(fd, timeout)?;
    }
    Ok(o)
}

/// Closes an unreachable socket that is still open, with CPython's
/// ResourceWarning (shown only when the warning filters allow it).
fn sock_finalize(o: &Obj) {
    let Some(s) = o.downcast::<SocketObj>() else { return };
    if s.fd.get() < 0 || crate::gc::is_finalized(o) {
        return;
    }
    crate::gc::mark_finalized(o);
    let saved = crate::runtime::ts().take_raised_for_finalizer();
    let _ = resource_warning(o);
    let fd = s.fd.replace(-1);
    if fd >= 0 {
        let _ = psys::close(fd);
    }
    crate::runtime::ts().restore_after_finalizer(saved);
}

/// `warnings.warn(f"unclosed {o!r}", ResourceWarning, source=o)` when the
/// `warnings` module is loaded.
fn resource_warning(o: &Obj) -> PyResult<()> {
    let modules = crate::modules::sys::modules_dict();
    let Some(w) = modules.downcast::<crate::types::dict::DictObj>().and_then(|d| d.get_by_str("warnings")) else {
        return Ok(());
    };
    let warn = ops::getattr_str(&w, "warn")?;
    let msg = from_string(format!("unclosed {}", crate::types::str::StrObj::text(&*ops::repr(o)?)));
    let kw = new_tuple(vec![crate::types::str::new_str("source")]);
    ops::call(
        &warn,
        &[&msg, exceptions::RESOURCE_WARNING.as_obj_ref(), o],
        kw.downcast::<crate::types::tuple::TupleObj>(),
    )?;
    Ok(())
}

// ---- methods ------------------------------------------------------------------------

fn m_fileno(a: Args) -> PyResult {
    let [s] = args::exact::<1>(a, "fileno")?;
    Ok(int::new_int(i64::from(this(s)?.fd.get())))
}

fn m_close(a: Args) -> PyResult {
    let [s] = args::exact::<1>(a, "close")?;
    let s = this(s)?;
    let fd = s.fd.replace(-1);
    if fd >= 0 {
        // A connection reset by the peer is not worth an exception here.
        match psys::close(fd) {
            Ok(()) | Err(libc::ECONNRESET) => {}
            Err(e) => return Err(errno_error(e)),
        }
    }
    Ok(none())
}

fn m_detach(a: Args) -> PyResult {
    let [s] = args::exact::<1>(a, "detach")?;
    Ok(int::new_int(i64::from(this(s)?.fd.replace(-1))))
}

fn m_dup(a: Args) -> PyResult {
    let [s] = args::exact::<1>(a, "dup")?;
    let s = this(s)?;
    let fd = psys::dup(s.fd.get()).map_err(errno_error)?;
    let r = new_socket(fd, s.family.get(), s.ty.get(), s.proto.get());
    if r.is_err() {
        let _ = psys::close(fd);
    }
    r
}

fn m_bind(a: Args) -> PyResult {
    let [s, addr] = args::exact::<2>(a, "bind")?;
    let s = this(s)?;
    let sa = parse_addr(s, addr, "bind")?;
    sys::bind(s.fd.get(), &sa).map_err(errno_error)?;
    Ok(none())
}

fn m_listen(a: Args) -> PyResult {
    let [s, backlog] = args::parse(a, "listen", &["self", "backlog", "/"], 1)?;
    let s = this(s.unwrap_or(crate::types::none_ref()))?;
    let backlog = match backlog {
        Some(b) => crate::types::bytes_args::c_int_arg(b)?.max(0) as i32,
        None => libc::SOMAXCONN.min(128),
    };
    sys::listen(s.fd.get(), backlog).map_err(errno_error)?;
    Ok(none())
}

fn m_accept(a: Args) -> PyResult {
    let [s] = args::exact::<1>(a, "_accept")?;
    let s = this(s)?;
    let (fd, addr) = sock_call(s, false, None, sys::accept)?;
    let addr = match make_addr(&addr) {
        Ok(a) => a,
        Err(e) => {
            let _ = psys::close(fd);
            return Err(e);
        }
    };
    Ok(new_tuple(vec![int::new_int(i64::from(fd)), addr]))
}

/// Connects, waiting for an asynchronous connection to finish when the
/// socket blocks or has a timeout. `Err(Ok(errno))` for `connect_ex`.
fn do_connect(s: &SocketObj, addr: &sys::SockAddr) -> Result<(), PyResult<i32>> {
    let err = match sys::connect(s.fd.get(), addr) {
        Ok(()) => return Ok(()),
        Err(e) => e,
    };
    let timeout = s.timeout.get();
    let wait = if err == libc::EINTR {
        if let Err(e) = crate::modules::signal::check_pending() {
            return Err(Err(e));
        }
        timeout != 0.0
    } else {
        timeout > 0.0 && err == libc::EINPROGRESS
    };
    if !wait {
        return Err(Ok(err));
    }
    let deadline = if timeout > 0.0 { Some(deadline_after(timeout)) } else { None };
    match wait_fd(s.fd.get(), true, deadline) {
        Ok(true) => {}
        Ok(false) => return Err(Err(timeout_error())),
        Err(e) => return Err(Err(e)),
    }
    match sys::getsockopt_int(s.fd.get(), libc::SOL_SOCKET, libc::SO_ERROR) {
        Ok(0) | Ok(libc::EISCONN) => Ok(()),
        Ok(e) | Err(e) => Err(Ok(e)),
    }
}

fn m_connect(a: Args) -> PyResult {
    let [s, addr] = args::exact::<2>(a, "connect")?;
    let s = this(s)?;
    let sa = parse_addr(s, addr, "connect")?;
    match do_connect(s, &sa) {
        Ok(()) => Ok(none()),
        Err(Ok(code)) => Err(errno_error(code)),
        Err(Err(e)) => Err(e),
    }
}

fn m_connect_ex(a: Args) -> PyResult {
    let [s, addr] = args::exact::<2>(a, "connect_ex")?;
    let s = this(s)?;
    let sa = parse_addr(s, addr, "connect_ex")?;
    let code = match do_connect(s, &sa) {
        Ok(()) => 0,
        Err(Ok(code)) => code,
        Err(Err(e)) if e.matches(&exceptions::TIMEOUT_ERROR) => libc::EWOULDBLOCK,
        Err(Err(e)) => return Err(e),
    };
    Ok(int::new_int(i64::from(code)))
}

fn m_shutdown(a: Args) -> PyResult {
    let [s, how] = args::exact::<2>(a, "shutdown")?;
    let s = this(s)?;
    let how = crate::types::bytes_args::c_int_arg(how)? as i32;
    sys::shutdown(s.fd.get(), how).map_err(errno_error)?;
    Ok(none())
}

fn m_getsockname(a: Args) -> PyResult {
    let [s] = args::exact::<1>(a, "getsockname")?;
    let s = this(s)?;
    make_addr(&sys::getsockname(s.fd.get()).map_err(errno_error)?)
}

fn m_getpeername(a: Args) -> PyResult {
    let [s] = args::exact::<1>(a, "getpeername")?;
    let s = this(s)?;
    make_addr(&sys::getpeername(s.fd.get()).map_err(errno_error)?)
}

fn m_setsockopt(a: Args) -> PyResult {
    let s = self_of(&a, "setsockopt")?;
    if a.kwnames.is_some_and(|k| !k.is_empty()) {
        return Err(PyErr::type_error("setsockopt() takes no keyword arguments"));
    }
    let given = a.nargs.saturating_sub(1);
    if given != 3 && given != 4 {
        return Err(PyErr::type_error(format!("setsockopt() takes exactly 3 arguments ({given} given)")));
    }
    let level = crate::types::bytes_args::c_int_arg(a.all[1])? as i32;
    let opt = crate::types::bytes_args::c_int_arg(a.all[2])? as i32;
    let value = a.all[3];
    let data: Vec<u8> = if given == 4 {
        if !value.is_none() {
            return Err(PyErr::type_error("setsockopt() argument 3 must be NoneType, not int"));
        }
        let len = crate::types::bytes_args::c_int_arg(a.all[4])?;
        vec![0u8; len.max(0) as usize]
    } else if value.isa::<IntObj>() || (!value.is_none() && crate::types::bytes_args::buffer(value).is_none()) {
        let v = crate::types::bytes_args::c_int_arg(value).map_err(|e| {
            if e.matches(&exceptions::TYPE_ERROR) {
                PyErr::type_error(format!("a bytes-like object is required, not '{}'", value.class().name()))
            } else {
                e
            }
        })?;
        (v as i32).to_ne_bytes().to_vec()
    } else {
        crate::types::bytes_args::buffer_arg(value)?.into_owned()
    };
    sys::setsockopt(s.fd.get(), level, opt, &data).map_err(errno_error)?;
    Ok(none())
}

fn m_getsockopt(a: Args) -> PyResult {
    let [s, level, opt, buflen] = args::parse(a, "getsockopt", &["self", "level", "option", "buflen", "/"], 3)?;
    let s = this(s.unwrap_or(crate::types::none_ref()))?;
    let level = crate::types::bytes_args::c_int_arg(level.unwrap_or(crate::types::none_ref()))? as i32;
    let opt = crate::types::bytes_args::c_int_arg(opt.unwrap_or(crate::types::none_ref()))? as i32;
    match buflen.filter(|b| int::as_i64(b) != Some(0)) {
        None => {
            let v = sys::getsockopt_int(s.fd.get(), level, opt).map_err(errno_error)?;
            Ok(int::new_int(i64::from(v)))
        }
        Some(b) => {
            let n = crate::types::bytes_args::c_int_arg(b)?;
            if !(0..=1024).contains(&n) {
                return Err(PyErr::new(&exceptions::OS_ERROR, "getsockopt buflen out of range"));
            }
            let v = sys::getsockopt(s.fd.get(), level, opt, n as usize).map_err(errno_error)?;
            Ok(crate::types::bytes::new_bytes(&v))
        }
    }
}

fn m_setblocking(a: Args) -> PyResult {
    let [s, flag] = args::exact::<2>(a, "setblocking")?;
    let s = this(s)?;
    let blocking = if flag.isa::<FloatObj>() {
        return Err(PyErr::type_error("'float' object cannot be interpreted as an integer"));
    } else {
        ops::is_true(flag)?
    };
    let t = if blocking { -1.0 } else { 0.0 };
    s.timeout.set(t);
    apply_timeout(s.fd.get(), t)?;
    Ok(none())
}

fn m_getblocking(a: Args) -> PyResult {
    let [s] = args::exact::<1>(a, "getblocking")?;
    Ok(crate::types::bool::new_bool(this(s)?.timeout.get() != 0.0))
}

fn m_settimeout(a: Args) -> PyResult {
    let [s, t] = args::exact::<2>(a, "settimeout")?;
    let s = this(s)?;
    let t = parse_timeout(t)?;
    s.timeout.set(t);
    apply_timeout(s.fd.get(), t)?;
    Ok(none())
}

fn m_gettimeout(a: Args) -> PyResult {
    let [s] = args::exact::<1>(a, "gettimeout")?;
    Ok(timeout_obj(this(s)?.timeout.get()))
}

fn m_repr(o: &Obj) -> PyResult {
    let s = this(o)?;
    Ok(from_string(format!(
        "<socket object, fd={}, family={}, type={}, proto={}>",
        s.fd.get(),
        s.family.get(),
        s.ty.get(),
        s.proto.get()
    )))
}

fn g_family(o: &Obj) -> PyResult {
    Ok(int::new_int(i64::from(this(o)?.family.get())))
}

fn g_type(o: &Obj) -> PyResult {
    Ok(int::new_int(i64::from(this(o)?.ty.get())))
}

fn g_proto(o: &Obj) -> PyResult {
    Ok(int::new_int(i64::from(this(o)?.proto.get())))
}

fn g_timeout(o: &Obj) -> PyResult {
    Ok(timeout_obj(this(o)?.timeout.get()))
}

static METHODS: &[MethodDef] = &[
    MethodDef::method("_accept", m_accept),
    MethodDef::method("bind", m_bind),
    MethodDef::method("close", m_close),
    MethodDef::method("connect", m_connect),
    MethodDef::method("connect_ex", m_connect_ex),
    MethodDef::method("detach", m_detach),
    MethodDef::method("dup", m_dup),
    MethodDef::method("fileno", m_fileno),
    MethodDef::method("getblocking", m_getblocking),
    MethodDef::method("getpeername", m_getpeername),
    MethodDef::method("getsockname", m_getsockname),
    MethodDef::method("getsockopt", m_getsockopt),
    MethodDef::method("gettimeout", m_gettimeout),
    MethodDef::method("listen", m_listen),
    MethodDef::method("recv", super::transfer::m_recv),
    MethodDef::method("recv_into", super::transfer::m_recv_into),
    MethodDef::method("recvfrom", super::transfer::m_recvfrom),
    MethodDef::method("recvfrom_into", super::transfer::m_recvfrom_into),
    MethodDef::method("send", super::transfer::m_send),
    MethodDef::method("sendall", super::transfer::m_sendall),
    MethodDef::method("sendto", super::transfer::m_sendto),
    MethodDef::method("setblocking", m_setblocking),
    MethodDef::method("setsockopt", m_setsockopt),
    MethodDef::method("settimeout", m_settimeout),
    MethodDef::method("shutdown", m_shutdown),
];

static GETSETS: &[GetSetDef] = &[
    GetSetDef::getter("family", g_family),
    GetSetDef::getter("type", g_type),
    GetSetDef::getter("proto", g_proto),
    GetSetDef::getter("timeout", g_timeout),
];

crate::static_type! {
    pub static SOCKET_TYPE: SocketObj = "_socket.socket" {
        module: "_socket",
        flags: BASETYPE,
        doc: "socket(family=AF_INET, type=SOCK_STREAM, proto=0) -> socket object\nsocket(family=-1, type=-1, proto=-1, fileno=None) -> socket object\n\nOpen a socket of the given type.",
        methods: METHODS,
        getsets: GETSETS,
        slots: { new: sock_new, init: sock_init, repr: m_repr, finalize: sock_finalize },
    }
}

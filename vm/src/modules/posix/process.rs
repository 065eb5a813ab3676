//! Processes and the system of `posix`: ids, `fork`/`exec`/`waitpid` and
//! the wait-status macros, `kill`, `_exit`, `system`, `umask`, `urandom`,
//! `cpu_count`, `uname`, `times`, `strerror`.

use std::cell::Cell;
use std::ffi::CString;
use std::os::unix::ffi::OsStrExt;
use std::os::unix::process::ExitStatusExt;

use crate::object::Obj;
use crate::ops;
use crate::runtime::{PyErr, PyResult};
use crate::types::bytes;
use crate::types::dict::DictObj;
use crate::types::float::new_float;
use crate::types::int;
use crate::types::list::ListObj;
use crate::types::str::from_string;
use crate::types::tuple::{new_tuple, TupleObj};
use crate::types::typeobj::Args;
use crate::types::{new_bool, none};
use crate::util::args;

use super::path::{self, errno_error, path_error, Accept};
use super::{results, sys};

/// The pid the interpreter started with; a different `getpid()` means
/// this is a child made by `os.fork`.
static START_PID: crate::object::Static<Cell<i64>> = crate::object::Static(Cell::new(0));

/// Records the interpreter's pid (at `posix` import).
pub fn note_start_pid() {
    if START_PID.get() == 0 {
        START_PID.set(sys::getpid());
    }
}

/// Whether this process is a child made by `os.fork` (its interpreter
/// thread is then the only thread, so the binary exits from it).
pub fn in_forked_child() -> bool {
    START_PID.get() != 0 && START_PID.get() != sys::getpid()
}

fn no_args(a: Args, name: &str) -> PyResult<()> {
    args::parse::<0>(a, name, &[], 0).map(|_| ())
}

macro_rules! id_getters {
    ($($fname:ident => $value:expr;)*) => {
        $(
            pub fn $fname(a: Args) -> PyResult {
                no_args(a, stringify!($fname))?;
                Ok(int::new_int($value))
            }
        )*
    };
}

id_getters! {
    getpid => sys::getpid();
    getppid => sys::getppid();
    getpgrp => sys::getpgrp();
    getuid => sys::ids().0 as i64;
    geteuid => sys::ids().1 as i64;
    getgid => sys::ids().2 as i64;
    getegid => sys::ids().3 as i64;
}

fn int_arg(o: Option<&Obj>) -> PyResult<i32> {
    path::c_int(o.unwrap_or(crate::types::none_ref()))
}

pub fn getsid(a: Args) -> PyResult {
    let [pid] = args::parse(a, "getsid", &["pid", "/"], 1)?;
    sys::getsid(int_arg(pid)?).map(int::new_int).map_err(errno_error)
}

pub fn setsid(a: Args) -> PyResult {
    no_args(a, "setsid")?;
    sys::setsid().map_err(errno_error)?;
    Ok(none())
}

pub fn umask(a: Args) -> PyResult {
    let [mask] = args::parse(a, "umask", &["mask", "/"], 1)?;
    Ok(int::new_int(sys::umask(int_arg(mask)? as u32) as i64))
}

pub fn fork(a: Args) -> PyResult {
    no_args(a, "fork")?;
    note_start_pid();
    // As in CPython, buffered output is not flushed: both processes keep
    // their copy.
    let pid = sys::fork().map_err(errno_error)?;
    Ok(int::new_int(pid as i64))
}

pub fn waitpid(a: Args) -> PyResult {
    let [pid, options] = args::parse(a, "waitpid", &["pid", "options", "/"], 2)?;
    let (pid, options) = (int_arg(pid)?, int_arg(options)?);
    wait_result(pid, options)
}

pub fn wait(a: Args) -> PyResult {
    no_args(a, "wait")?;
    wait_result(-1, 0)
}

fn wait_result(pid: i32, options: i32) -> PyResult {
    let mut pending: Option<PyErr> = None;
    let r = sys::waitpid(pid, options, || match crate::modules::signal::check_pending() {
        Ok(()) => true,
        Err(e) => {
            pending = Some(e);
            false
        }
    });
    if let Some(e) = pending {
        return Err(e);
    }
    let (p, status) = r.map_err(errno_error)?;
    Ok(new_tuple(vec![int::new_int(p as i64), int::new_int(status as i64)]))
}

fn status_arg(a: Args, name: &str) -> PyResult<i32> {
    let [st] = args::parse(a, name, &["status"], 1)?;
    int_arg(st)
}

macro_rules! wait_macros {
    ($($fname:ident => $test:expr, $wrap:expr;)*) => {
        $(
            #[allow(non_snake_case)] // CPython's names
            pub fn $fname(a: Args) -> PyResult {
                let s = status_arg(a, stringify!($fname))?;
                Ok($wrap($test(s)))
            }
        )*
    };
}

fn as_int(v: i32) -> crate::object::PyRef {
    int::new_int(v as i64)
}

wait_macros! {
    WIFEXITED => libc::WIFEXITED, new_bool;
    WEXITSTATUS => libc::WEXITSTATUS, as_int;
    WIFSIGNALED => libc::WIFSIGNALED, new_bool;
    WTERMSIG => libc::WTERMSIG, as_int;
    WIFSTOPPED => libc::WIFSTOPPED, new_bool;
    WSTOPSIG => libc::WSTOPSIG, as_int;
    WIFCONTINUED => libc::WIFCONTINUED, new_bool;
    WCOREDUMP => libc::WCOREDUMP, new_bool;
}

pub fn waitstatus_to_exitcode(a: Args) -> PyResult {
    let [st] = args::parse(a, "waitstatus_to_exitcode", &["status"], 1)?;
    let s = int_arg(st)?;
    if libc::WIFEXITED(s) {
        return Ok(as_int(libc::WEXITSTATUS(s)));
    }
    if libc::WIFSIGNALED(s) {
        return Ok(as_int(-libc::WTERMSIG(s)));
    }
    if libc::WIFSTOPPED(s) {
        return Err(PyErr::value_error(format!("process stopped by delivery of signal {}", libc::WSTOPSIG(s))));
    }
    Err(PyErr::value_error(format!("invalid wait status: {s}")))
}

pub fn kill(a: Args) -> PyResult {
    let [pid, sig] = args::parse(a, "kill", &["pid", "signal", "/"], 2)?;
    sys::kill(int_arg(pid)?, int_arg(sig)?).map_err(errno_error)?;
    crate::modules::signal::check_pending()?;
    Ok(none())
}

pub fn exit_now(a: Args) -> PyResult {
    let [code] = args::parse(a, "_exit", &["status"], 1)?;
    sys::exit_now(int_arg(code)?)
}

pub fn abort(a: Args) -> PyResult {
    no_args(a, "abort")?;
    sys::abort()
}

/// The items of an argv list or tuple as C strings.
fn argv_arg(o: &Obj, fname: &str) -> PyResult<Vec<CString>> {
    let items = if let Some(l) = o.downcast::<ListObj>() {
        l.to_vec()
    } else if let Some(t) = o.downcast::<TupleObj>() {
        t.as_slice().to_vec()
    } else {
        return Err(PyErr::type_error(format!("{fname}() arg 2 must be a tuple or list")));
    };
    if items.is_empty() {
        return Err(PyErr::value_error(format!("{fname}() arg 2 must not be empty")));
    }
    let mut out = Vec::with_capacity(items.len());
    for (i, it) in items.iter().enumerate() {
        let p = path::path_arg(it, fname, "args", Accept::PATH)?;
        if i == 0 && p.c.as_bytes().is_empty() {
            return Err(PyErr::value_error(format!("{fname}() arg 2 first element cannot be empty")));
        }
        out.push(p.c);
    }
    Ok(out)
}

/// `KEY=VALUE` strings of an environment mapping.
fn env_arg(o: &Obj) -> PyResult<Vec<CString>> {
    let keys = ops::call_method(o, "keys", &[])?;
    let keys = ops::collect_vec(&keys)?;
    let mut out = Vec::with_capacity(keys.len());
    for k in keys {
        let v = ops::getitem(o, &k)?;
        let kb = path::path_arg(&k, "execve", "environment key", Accept::PATH)?;
        let vb = path::path_arg(&v, "execve", "environment value", Accept::PATH)?;
        let key = kb.c.as_bytes();
        if key.is_empty() || key.contains(&b'=') {
            return Err(PyErr::value_error("illegal environment variable name"));
        }
        let mut entry = key.to_vec();
        entry.push(b'=');
        entry.extend_from_slice(vb.c.as_bytes());
        out.push(CString::new(entry).map_err(|_| PyErr::value_error("embedded null byte"))?);
    }
    Ok(out)
}

pub fn execv(a: Args) -> PyResult {
    let [p, argv] = args::parse(a, "execv", &["path", "argv", "/"], 2)?;
    let p = path::path_arg(p.unwrap_or(crate::types::none_ref()), "execv", "path", Accept::PATH)?;
    let argv = argv_arg(argv.unwrap_or(crate::types::none_ref()), "execv")?;
    Err(path_error(sys::exec(&p.c, &argv, None), &p))
}

pub fn execve(a: Args) -> PyResult {
    let [p, argv, env] = args::parse(a, "execve", &["path", "argv", "env"], 3)?;
    let p = path::path_arg(p.unwrap_or(crate::types::none_ref()), "execve", "path", Accept::PATH)?;
    let argv = argv_arg(argv.unwrap_or(crate::types::none_ref()), "execve")?;
    let env = env.unwrap_or(crate::types::none_ref());
    if !env.isa::<DictObj>() && ops::lookup_attr(env, "keys")?.is_none() {
        return Err(PyErr::type_error("env must be a mapping object"));
    }
    let env = env_arg(env)?;
    Err(path_error(sys::exec(&p.c, &argv, Some(&env)), &p))
}

/// `system(command)`: runs the command with `/bin/sh -c` and returns the
/// wait status.
pub fn system(a: Args) -> PyResult {
    let [cmd] = args::parse(a, "system", &["command"], 1)?;
    let cmd = path::path_arg(cmd.unwrap_or(crate::types::none_ref()), "system", "command", Accept::PATH)?;
    let arg = std::ffi::OsStr::from_bytes(cmd.c.as_bytes());
    match std::process::Command::new("/bin/sh").arg("-c").arg(arg).status() {
        Ok(st) => Ok(int::new_int(st.into_raw() as i64)),
        Err(_) => Ok(int::new_int(-1)),
    }
}

pub fn urandom(a: Args) -> PyResult {
    let [n] = args::parse(a, "urandom", &["size", "/"], 1)?;
    let n = int::expect_i64(n.unwrap_or(crate::types::none_ref()), "ssize_t")?;
    if n < 0 {
        return Err(PyErr::value_error("negative argument not allowed"));
    }
    let mut buf: Vec<u8> = crate::util::mem::vec_with_capacity(n as usize)?;
    buf.resize(n as usize, 0);
    sys::urandom(&mut buf).map_err(errno_error)?;
    Ok(bytes::from_vec(buf))
}

pub fn cpu_count(a: Args) -> PyResult {
    no_args(a, "cpu_count")?;
    Ok(sys::cpu_count().map_or_else(none, int::new_int))
}

pub fn sched_getaffinity(a: Args) -> PyResult {
    let [pid] = args::parse(a, "sched_getaffinity", &["pid", "/"], 1)?;
    let cpus = sys::affinity(int_arg(pid)?).map_err(errno_error)?;
    let set = crate::types::set::set_from_vec(cpus.into_iter().map(int::from_usize).collect())?;
    Ok(set)
}

pub fn uname(a: Args) -> PyResult {
    no_args(a, "uname")?;
    results::uname_result(sys::uname().map_err(errno_error)?)
}

pub fn times(a: Args) -> PyResult {
    no_args(a, "times")?;
    results::times_result(sys::times().map_err(errno_error)?)
}

pub fn getloadavg(a: Args) -> PyResult {
    no_args(a, "getloadavg")?;
    let l = sys::getloadavg()
        .map_err(|_| PyErr::new(&crate::types::exceptions::OS_ERROR, "Load averages are unobtainable"))?;
    Ok(new_tuple(l.iter().map(|&v| new_float(v)).collect()))
}

pub fn getlogin(a: Args) -> PyResult {
    no_args(a, "getlogin")?;
    sys::getlogin().map(from_string).map_err(errno_error)
}

pub fn strerror(a: Args) -> PyResult {
    let [code] = args::parse(a, "strerror", &["code", "/"], 1)?;
    let code = int_arg(code)?;
    let text = sys::strerror(code);
    // Rust names unknown codes "Unknown error N" as the C library does.
    Ok(from_string(text))
}

pub fn device_encoding(a: Args) -> PyResult {
    let [fd] = args::parse(a, "device_encoding", &["fd"], 1)?;
    if sys::isatty(int_arg(fd)?) {
        return Ok(from_string("UTF-8".into()));
    }
    Ok(none())
}

pub fn getpgid(a: Args) -> PyResult {
    let [pid] = args::parse(a, "getpgid", &["pid", "/"], 1)?;
    sys::getpgid(int_arg(pid)?).map(int::new_int).map_err(errno_error)
}

pub fn setpgid(a: Args) -> PyResult {
    let [pid, pgrp] = args::parse(a, "setpgid", &["pid", "pgrp", "/"], 2)?;
    sys::setpgid(int_arg(pid)?, int_arg(pgrp)?).map_err(errno_error)?;
    Ok(none())
}

pub fn killpg(a: Args) -> PyResult {
    let [pgrp, sig] = args::parse(a, "killpg", &["pgid", "signal", "/"], 2)?;
    sys::killpg(int_arg(pgrp)?, int_arg(sig)?).map_err(errno_error)?;
    crate::modules::signal::check_pending()?;
    Ok(none())
}

pub fn getgroups(a: Args) -> PyResult {
    no_args(a, "getgroups")?;
    let groups = sys::getgroups().map_err(errno_error)?;
    Ok(crate::types::list::new_list(groups.into_iter().map(|g| int::new_int(g as i64)).collect()))
}

pub fn nice(a: Args) -> PyResult {
    let [inc] = args::parse(a, "nice", &["increment", "/"], 1)?;
    sys::nice(int_arg(inc)?).map(|v| int::new_int(v as i64)).map_err(errno_error)
}

/// The `sysconf` names `posix.sysconf_names` offers.
pub static SYSCONF_NAMES: &[(&str, i32)] = &[
    ("SC_ARG_MAX", libc::_SC_ARG_MAX),
    ("SC_CHILD_MAX", libc::_SC_CHILD_MAX),
    ("SC_CLK_TCK", libc::_SC_CLK_TCK),
    ("SC_NGROUPS_MAX", libc::_SC_NGROUPS_MAX),
    ("SC_OPEN_MAX", libc::_SC_OPEN_MAX),
    ("SC_PAGESIZE", libc::_SC_PAGESIZE),
    ("SC_PAGE_SIZE", libc::_SC_PAGE_SIZE),
    ("SC_NPROCESSORS_CONF", libc::_SC_NPROCESSORS_CONF),
    ("SC_NPROCESSORS_ONLN", libc::_SC_NPROCESSORS_ONLN),
    ("SC_PHYS_PAGES", libc::_SC_PHYS_PAGES),
    ("SC_AVPHYS_PAGES", libc::_SC_AVPHYS_PAGES),
    ("SC_LINE_MAX", libc::_SC_LINE_MAX),
    ("SC_HOST_NAME_MAX", libc::_SC_HOST_NAME_MAX),
    ("SC_LOGIN_NAME_MAX", libc::_SC_LOGIN_NAME_MAX),
    ("SC_IOV_MAX", libc::_SC_IOV_MAX),
    ("SC_TTY_NAME_MAX", libc::_SC_TTY_NAME_MAX),
    ("SC_GETPW_R_SIZE_MAX", libc::_SC_GETPW_R_SIZE_MAX),
    ("SC_GETGR_R_SIZE_MAX", libc::_SC_GETGR_R_SIZE_MAX),
    ("SC_SEM_NSEMS_MAX", libc::_SC_SEM_NSEMS_MAX),
    ("SC_STREAM_MAX", libc::_SC_STREAM_MAX),
];

pub fn sysconf(a: Args) -> PyResult {
    let [name] = args::parse(a, "sysconf", &["name", "/"], 1)?;
    let name = name.unwrap_or(crate::types::none_ref());
    let code = if let Some(s) = name.downcast::<crate::types::str::StrObj>() {
        match SYSCONF_NAMES.iter().find(|(n, _)| *n == s.as_str()) {
            Some(&(_, c)) => c,
            None => return Err(PyErr::value_error("unrecognized configuration name")),
        }
    } else if name.isa::<crate::types::int::IntObj>() {
        int_arg(Some(name))?
    } else {
        return Err(PyErr::type_error("configuration names must be strings or integers"));
    };
    sys::sysconf(code).map(int::new_int).map_err(errno_error)
}

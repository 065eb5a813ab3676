//! The `posix` module (the native core under CPython's pure-Python `os`),
//! plus the small `errno` and `_stat` modules.
//!
//! - `sys.rs`: every C library call, wrapped in safe functions (the only
//!   unsafe code here);
//! - `path.rs`: path / descriptor arguments and OSError construction;
//! - `files.rs`: descriptors, metadata, names; `dir.rs`: `listdir`,
//!   `scandir`, `DirEntry`;
//! - `process.rs`: ids, fork/exec/wait, system information;
//! - `environ.rs`: the environment; `results.rs`: the struct sequences;
//! - `errno.rs`, `stat_mod.rs`: the `errno` and `_stat` modules.
//!
//! Paths are str (UTF-8 on the file system), bytes or `os.PathLike`;
//! names read from the file system come back in the kind of the argument.
//! Known gap: names that are not valid UTF-8 come back as str with
//! replacement characters (Ember's str cannot hold the lone surrogates of
//! CPython's `surrogateescape`).

mod dir;
mod environ;
pub mod errno;
mod files;
pub(crate) mod path;
mod process;
mod results;
pub mod stat_mod;
pub(crate) mod sys;

use std::cell::RefCell;

use crate::object::PyRef;
use crate::ops;
use crate::runtime::{PyErr, PyResult};
use crate::types::int;
use crate::types::list::new_list;
use crate::types::module::{new_module, ModuleObj};
use crate::types::none;
use crate::types::str::new_str;
use crate::types::typeobj::{Args, MethodDef, TypeObj};
use crate::util::args;

pub use process::in_forked_child;
pub(crate) use sys::{gettid, pthread_self};

/// The native types of this module (readied at start-up).
pub fn types() -> Vec<&'static TypeObj> {
    vec![&dir::DIR_ENTRY_TYPE.0, &dir::SCANDIR_TYPE.0]
}

// ---- register_at_fork ---------------------------------------------------

/// Callables registered with `register_at_fork` (never dropped).
struct ForkHooks {
    before: Vec<PyRef>,
    after_in_child: Vec<PyRef>,
    after_in_parent: Vec<PyRef>,
}

static FORK_HOOKS: crate::object::Static<RefCell<ForkHooks>> = crate::object::Static(RefCell::new(ForkHooks {
    before: Vec::new(),
    after_in_child: Vec::new(),
    after_in_parent: Vec::new(),
}));

fn register_at_fork(a: Args) -> PyResult {
    let [before, child, parent] =
        args::parse(a, "register_at_fork", &["*", "before", "after_in_child", "after_in_parent"], 0)?;
    let given: Vec<_> = [before, child, parent].into_iter().map(|o| o.filter(|o| !o.is_none())).collect();
    if given.iter().all(Option::is_none) {
        return Err(PyErr::type_error("At least one argument is required."));
    }
    for (o, what) in given.iter().zip(["before", "after_in_child", "after_in_parent"]) {
        if let Some(o) = o {
            if o.class().call.get().is_none() {
                return Err(PyErr::type_error(format!("'{what}' must be callable, not {}", o.class().name())));
            }
        }
    }
    let mut h = FORK_HOOKS.borrow_mut();
    if let Some(o) = given[0] {
        h.before.push(o.to_owned());
    }
    if let Some(o) = given[1] {
        h.after_in_child.push(o.to_owned());
    }
    if let Some(o) = given[2] {
        h.after_in_parent.push(o.to_owned());
    }
    Ok(none())
}

/// Runs fork hooks; errors go to `sys.unraisablehook` as in CPython.
fn run_hooks(pick: fn(&ForkHooks) -> &Vec<PyRef>, reverse: bool) {
    let mut hooks = pick(&FORK_HOOKS.borrow()).clone();
    if reverse {
        hooks.reverse();
    }
    for f in hooks {
        if let Err(e) = ops::call(&f, &[], None) {
            crate::unraisable::write_unraisable(&e, crate::unraisable::IGNORED_IN, Some(&f));
        }
    }
}

fn fork(a: Args) -> PyResult {
    run_hooks(|h| &h.before, true);
    let r = process::fork(a)?;
    if int::as_i64(&r) == Some(0) {
        run_hooks(|h| &h.after_in_child, false);
    } else {
        run_hooks(|h| &h.after_in_parent, false);
    }
    Ok(r)
}

// ---- the module ---------------------------------------------------------

static FUNCS: &[MethodDef] = &[
    // descriptors
    MethodDef::method("open", files::open),
    MethodDef::method("close", files::close),
    MethodDef::method("closerange", files::closerange),
    MethodDef::method("read", files::read),
    MethodDef::method("write", files::write),
    MethodDef::method("lseek", files::lseek),
    MethodDef::method("fsync", files::fsync),
    MethodDef::method("ftruncate", files::ftruncate),
    MethodDef::method("truncate", files::truncate),
    MethodDef::method("isatty", files::isatty),
    MethodDef::method("dup", files::dup),
    MethodDef::method("dup2", files::dup2),
    MethodDef::method("pipe", files::pipe),
    MethodDef::method("pipe2", files::pipe2),
    MethodDef::method("get_inheritable", files::get_inheritable),
    MethodDef::method("set_inheritable", files::set_inheritable),
    MethodDef::method("get_blocking", files::get_blocking),
    MethodDef::method("set_blocking", files::set_blocking),
    MethodDef::method("get_terminal_size", files::get_terminal_size),
    MethodDef::method("device_encoding", process::device_encoding),
    MethodDef::method("pread", files::pread),
    MethodDef::method("pwrite", files::pwrite),
    MethodDef::method("sendfile", files::sendfile),
    MethodDef::method("fdatasync", files::fdatasync),
    MethodDef::method("sync", files::sync),
    MethodDef::method("mkfifo", files::mkfifo),
    MethodDef::method("ttyname", files::ttyname),
    MethodDef::method("major", files::major),
    MethodDef::method("minor", files::minor),
    MethodDef::method("makedev", files::makedev),
    // metadata
    MethodDef::method("stat", files::stat),
    MethodDef::method("lstat", files::lstat),
    MethodDef::method("fstat", files::fstat),
    MethodDef::method("statvfs", files::statvfs),
    MethodDef::method("fstatvfs", files::fstatvfs),
    MethodDef::method("access", files::access),
    MethodDef::method("chmod", files::chmod),
    MethodDef::method("fchmod", files::fchmod),
    MethodDef::method("chown", files::chown),
    MethodDef::method("lchown", files::lchown),
    MethodDef::method("fchown", files::fchown),
    MethodDef::method("utime", files::utime),
    // names
    MethodDef::method("mkdir", files::mkdir),
    MethodDef::method("rmdir", files::rmdir),
    MethodDef::method("unlink", files::unlink),
    MethodDef::method("remove", files::remove),
    MethodDef::method("rename", files::rename),
    MethodDef::method("replace", files::replace),
    MethodDef::method("link", files::link),
    MethodDef::method("symlink", files::symlink),
    MethodDef::method("readlink", files::readlink),
    MethodDef::method("getcwd", files::getcwd),
    MethodDef::method("getcwdb", files::getcwdb),
    MethodDef::method("chdir", files::chdir),
    MethodDef::method("fchdir", files::fchdir),
    MethodDef::method("fspath", files::fspath),
    MethodDef::method("listdir", dir::listdir),
    MethodDef::method("scandir", dir::scandir),
    // environment
    MethodDef::method("putenv", environ::putenv),
    MethodDef::method("unsetenv", environ::unsetenv),
    // processes
    MethodDef::method("getpid", process::getpid),
    MethodDef::method("getppid", process::getppid),
    MethodDef::method("getpgrp", process::getpgrp),
    MethodDef::method("getuid", process::getuid),
    MethodDef::method("geteuid", process::geteuid),
    MethodDef::method("getgid", process::getgid),
    MethodDef::method("getegid", process::getegid),
    MethodDef::method("getsid", process::getsid),
    MethodDef::method("getpgid", process::getpgid),
    MethodDef::method("setpgid", process::setpgid),
    MethodDef::method("killpg", process::killpg),
    MethodDef::method("getgroups", process::getgroups),
    MethodDef::method("nice", process::nice),
    MethodDef::method("sysconf", process::sysconf),
    MethodDef::method("setsid", process::setsid),
    MethodDef::method("getlogin", process::getlogin),
    MethodDef::method("umask", process::umask),
    MethodDef::method("fork", fork),
    MethodDef::method("register_at_fork", register_at_fork),
    MethodDef::method("wait", process::wait),
    MethodDef::method("waitpid", process::waitpid),
    MethodDef::method("WIFEXITED", process::WIFEXITED),
    MethodDef::method("WEXITSTATUS", process::WEXITSTATUS),
    MethodDef::method("WIFSIGNALED", process::WIFSIGNALED),
    MethodDef::method("WTERMSIG", process::WTERMSIG),
    MethodDef::method("WIFSTOPPED", process::WIFSTOPPED),
    MethodDef::method("WSTOPSIG", process::WSTOPSIG),
    MethodDef::method("WIFCONTINUED", process::WIFCONTINUED),
    MethodDef::method("WCOREDUMP", process::WCOREDUMP),
    MethodDef::method("waitstatus_to_exitcode", process::waitstatus_to_exitcode),
    MethodDef::method("kill", process::kill),
    MethodDef::method("_exit", process::exit_now),
    MethodDef::method("abort", process::abort),
    MethodDef::method("execv", process::execv),
    MethodDef::method("execve", process::execve),
    MethodDef::method("system", process::system),
    MethodDef::method("urandom", process::urandom),
    MethodDef::method("cpu_count", process::cpu_count),
    MethodDef::method("sched_getaffinity", process::sched_getaffinity),
    MethodDef::method("uname", process::uname),
    MethodDef::method("times", process::times),
    MethodDef::method("getloadavg", process::getloadavg),
    MethodDef::method("strerror", process::strerror),
];

/// Integer constants of the module.
static CONSTANTS: &[(&str, i64)] = &[
    ("F_OK", libc::F_OK as i64),
    ("R_OK", libc::R_OK as i64),
    ("W_OK", libc::W_OK as i64),
    ("X_OK", libc::X_OK as i64),
    ("O_RDONLY", libc::O_RDONLY as i64),
    ("O_WRONLY", libc::O_WRONLY as i64),
    ("O_RDWR", libc::O_RDWR as i64),
    ("O_ACCMODE", libc::O_ACCMODE as i64),
    ("O_APPEND", libc::O_APPEND as i64),
    ("O_CREAT", libc::O_CREAT as i64),
    ("O_EXCL", libc::O_EXCL as i64),
    ("O_TRUNC", libc::O_TRUNC as i64),
    ("O_NONBLOCK", libc::O_NONBLOCK as i64),
    ("O_NDELAY", libc::O_NDELAY as i64),
    ("O_SYNC", libc::O_SYNC as i64),
    ("O_DSYNC", libc::O_DSYNC as i64),
    ("O_RSYNC", libc::O_RSYNC as i64),
    ("O_FSYNC", libc::O_FSYNC as i64),
    ("O_NOCTTY", libc::O_NOCTTY as i64),
    ("O_CLOEXEC", libc::O_CLOEXEC as i64),
    ("O_DIRECTORY", libc::O_DIRECTORY as i64),
    ("O_NOFOLLOW", libc::O_NOFOLLOW as i64),
    ("O_NOATIME", libc::O_NOATIME as i64),
    ("O_PATH", libc::O_PATH as i64),
    ("O_TMPFILE", libc::O_TMPFILE as i64),
    ("O_DIRECT", libc::O_DIRECT as i64),
    ("O_LARGEFILE", libc::O_LARGEFILE as i64),
    ("O_ASYNC", libc::O_ASYNC as i64),
    ("SEEK_DATA", libc::SEEK_DATA as i64),
    ("SEEK_HOLE", libc::SEEK_HOLE as i64),
    ("WNOHANG", libc::WNOHANG as i64),
    ("WUNTRACED", libc::WUNTRACED as i64),
    ("WCONTINUED", libc::WCONTINUED as i64),
    ("WEXITED", libc::WEXITED as i64),
    ("WSTOPPED", libc::WSTOPPED as i64),
    ("WNOWAIT", libc::WNOWAIT as i64),
    ("EX_OK", 0),
    ("EX_USAGE", 64),
    ("EX_DATAERR", 65),
    ("EX_NOINPUT", 66),
    ("EX_NOUSER", 67),
    ("EX_NOHOST", 68),
    ("EX_UNAVAILABLE", 69),
    ("EX_SOFTWARE", 70),
    ("EX_OSERR", 71),
    ("EX_OSFILE", 72),
    ("EX_CANTCREAT", 73),
    ("EX_IOERR", 74),
    ("EX_TEMPFAIL", 75),
    ("EX_PROTOCOL", 76),
    ("EX_NOPERM", 77),
    ("EX_CONFIG", 78),
    ("ST_RDONLY", libc::ST_RDONLY as i64),
    ("ST_NOSUID", libc::ST_NOSUID as i64),
    ("NGROUPS_MAX", 65536),
    ("TMP_MAX", 238328),
    ("PRIO_PROCESS", libc::PRIO_PROCESS as i64),
    ("PRIO_PGRP", libc::PRIO_PGRP as i64),
    ("PRIO_USER", libc::PRIO_USER as i64),
    ("GRND_NONBLOCK", libc::GRND_NONBLOCK as i64),
    ("GRND_RANDOM", libc::GRND_RANDOM as i64),
];

/// The `HAVE_*` names `os` reads to build `supports_dir_fd`,
/// `supports_fd` and `supports_follow_symlinks`: only what the functions
/// above implement.
static HAVE_FUNCTIONS: &[&str] = &[
    "HAVE_FACCESSAT",
    "HAVE_FCHDIR",
    "HAVE_FCHMOD",
    "HAVE_FCHMODAT",
    "HAVE_FCHOWN",
    "HAVE_FCHOWNAT",
    "HAVE_FDOPENDIR",
    "HAVE_FSTATAT",
    "HAVE_FSTATVFS",
    "HAVE_FTRUNCATE",
    "HAVE_FUTIMENS",
    "HAVE_LINKAT",
    "HAVE_LCHOWN",
    "HAVE_LSTAT",
    "HAVE_MKDIRAT",
    "HAVE_MKFIFOAT",
    "HAVE_OPENAT",
    "HAVE_READLINKAT",
    "HAVE_RENAMEAT",
    "HAVE_SYMLINKAT",
    "HAVE_UNLINKAT",
    "HAVE_UTIMENSAT",
];

fn set(mo: &ModuleObj, name: &str, v: PyRef) {
    mo.set_attr(name, v);
}

pub fn init() -> PyResult<PyRef> {
    process::note_start_pid();
    let m = new_module("posix");
    let mo = m.downcast::<ModuleObj>().ok_or_else(|| PyErr::system_error("module"))?;
    mo.add_functions(&m, FUNCS);
    for &(name, v) in CONSTANTS {
        set(mo, name, int::new_int(v));
    }
    let names = crate::types::dict::new_dict();
    if let Some(d) = names.downcast::<crate::types::dict::DictObj>() {
        for &(name, code) in process::SYSCONF_NAMES {
            d.set_by_str(name, int::new_int(code as i64));
        }
    }
    set(mo, "sysconf_names", names);
    set(mo, "_have_functions", new_list(HAVE_FUNCTIONS.iter().map(|n| new_str(n)).collect()));
    set(mo, "environ", environ::environ_dict()?);
    set(mo, "error", crate::types::exceptions::OS_ERROR.as_obj_ref().to_owned());
    set(mo, "stat_result", results::stat_result_type()?);
    set(mo, "statvfs_result", results::statvfs_result_type()?);
    set(mo, "terminal_size", results::terminal_size_type()?);
    set(mo, "uname_result", results::uname_result_type()?);
    set(mo, "times_result", results::times_result_type()?);
    set(mo, "DirEntry", dir::DIR_ENTRY_TYPE.as_obj_ref().to_owned());
    Ok(m)
}

//! File and directory operations of `posix`: descriptors (`open`, `read`,
//! `write`, `lseek`, ...), metadata (`stat`, `chmod`, `utime`, ...) and the
//! name space (`mkdir`, `rename`, `unlink`, `symlink`, `getcwd`, ...).
//! Directory listing is in `dir.rs`.

use crate::object::Obj;
use crate::ops;
use crate::runtime::{PyErr, PyResult};
use crate::types::bytes;
use crate::types::float::FloatObj;
use crate::types::int::{self, IntObj};
use crate::types::tuple::TupleObj;
use crate::types::typeobj::Args;
use crate::types::{new_bool, none};
use crate::util::args;

use super::path::{self, errno_error, os_error, path_error, Accept, PathOrFd};
use super::results;
use super::sys;

/// Retries a call interrupted by a signal, after running pending handlers
/// (which may raise, e.g. KeyboardInterrupt).
pub fn retry<T>(mut f: impl FnMut() -> sys::SysResult<T>) -> PyResult<Result<T, i32>> {
    loop {
        match f() {
            Err(libc::EINTR) => crate::modules::signal::check_pending()?,
            r => return Ok(r),
        }
    }
}

fn fd_arg(o: Option<&Obj>) -> PyResult<i32> {
    path::c_int(o.unwrap_or(crate::types::none_ref()))
}

/// An integer argument as i64 (TypeError for floats, as CPython's `int`
/// converters do).
fn i64_arg(o: &Obj, what: &str) -> PyResult<i64> {
    if o.isa::<FloatObj>() {
        return Err(PyErr::type_error("'float' object cannot be interpreted as an integer"));
    }
    int::expect_i64(o, what)
}

fn mode_arg(o: Option<&Obj>, default: u32) -> PyResult<u32> {
    match o {
        None => Ok(default),
        Some(o) => Ok(path::c_int(o)? as u32),
    }
}

// ---- descriptors --------------------------------------------------------

pub fn open(a: Args) -> PyResult {
    let [p, flags, mode, dir_fd] = args::parse(a, "open", &["path", "flags", "mode", "*", "dir_fd"], 2)?;
    let p = path::path_arg(p.unwrap_or(crate::types::none_ref()), "open", "path", Accept::PATH)?;
    let flags = fd_arg(flags)? | libc::O_CLOEXEC;
    let mode = mode_arg(mode, 0o777)?;
    let dir_fd = path::dir_fd_arg(dir_fd)?;
    match retry(|| sys::open(dir_fd, &p.c, flags, mode))? {
        Ok(fd) => Ok(int::new_int(fd as i64)),
        Err(e) => Err(path_error(e, &p)),
    }
}

pub fn close(a: Args) -> PyResult {
    let [fd] = args::parse(a, "close", &["fd"], 1)?;
    sys::close(fd_arg(fd)?).map_err(errno_error)?;
    Ok(none())
}

pub fn closerange(a: Args) -> PyResult {
    let [lo, hi] = args::parse(a, "closerange", &["fd_low", "fd_high", "/"], 2)?;
    let (lo, hi) = (fd_arg(lo)?.max(0), fd_arg(hi)?);
    for fd in lo..hi {
        let _ = sys::close(fd);
    }
    Ok(none())
}

pub fn read(a: Args) -> PyResult {
    let [fd, n] = args::parse(a, "read", &["fd", "length", "/"], 2)?;
    let fd = fd_arg(fd)?;
    let n = i64_arg(n.unwrap_or(crate::types::none_ref()), "ssize_t")?;
    if n < 0 {
        return Err(errno_error(libc::EINVAL));
    }
    let mut buf: Vec<u8> = crate::util::mem::vec_with_capacity(n as usize)?;
    buf.resize(n as usize, 0);
    match retry(|| sys::read(fd, &mut buf))? {
        Ok(got) => {
            buf.truncate(got);
            Ok(bytes::from_vec(buf))
        }
        Err(e) => Err(errno_error(e)),
    }
}

pub fn write(a: Args) -> PyResult {
    let [fd, data] = args::parse(a, "write", &["fd", "data", "/"], 2)?;
    let fd = fd_arg(fd)?;
    let data = data.unwrap_or(crate::types::none_ref());
    let Some(buf) = bytes::bytes_of(data) else {
        return Err(PyErr::type_error(format!("a bytes-like object is required, not '{}'", data.class().name())));
    };
    match retry(|| sys::write(fd, &buf))? {
        Ok(n) => Ok(int::from_usize(n)),
        Err(e) => Err(errno_error(e)),
    }
}

pub fn lseek(a: Args) -> PyResult {
    let [fd, pos, how] = args::parse(a, "lseek", &["fd", "position", "whence", "/"], 3)?;
    let fd = fd_arg(fd)?;
    let pos = i64_arg(pos.unwrap_or(crate::types::none_ref()), "off_t")?;
    let how = fd_arg(how)?;
    sys::lseek(fd, pos, how).map(int::new_int).map_err(errno_error)
}

/// A descriptor, or an object with a `fileno()` method (for `fsync`).
fn fileno_of(o: &Obj) -> PyResult<i32> {
    if o.isa::<IntObj>() {
        return path::c_int(o);
    }
    match ops::lookup_attr(o, "fileno")? {
        Some(f) => {
            let r = ops::call(&f, &[], None)?;
            if !r.isa::<IntObj>() {
                return Err(PyErr::type_error("fileno() returned a non-integer"));
            }
            let fd = path::c_int(&r)?;
            if fd < 0 {
                return Err(PyErr::value_error(format!("file descriptor cannot be a negative integer ({fd})")));
            }
            Ok(fd)
        }
        None => Err(PyErr::type_error("argument must be an int, or have a fileno() method.")),
    }
}

pub fn fsync(a: Args) -> PyResult {
    let [fd] = args::parse(a, "fsync", &["fd"], 1)?;
    let fd = fileno_of(fd.unwrap_or(crate::types::none_ref()))?;
    retry(|| sys::fsync(fd))?.map_err(errno_error)?;
    Ok(none())
}

pub fn ftruncate(a: Args) -> PyResult {
    let [fd, len] = args::parse(a, "ftruncate", &["fd", "length", "/"], 2)?;
    let fd = fd_arg(fd)?;
    let len = i64_arg(len.unwrap_or(crate::types::none_ref()), "off_t")?;
    retry(|| sys::ftruncate(fd, len))?.map_err(errno_error)?;
    Ok(none())
}

pub fn truncate(a: Args) -> PyResult {
    let [p, len] = args::parse(a, "truncate", &["path", "length"], 2)?;
    let len = i64_arg(len.unwrap_or(crate::types::none_ref()), "off_t")?;
    match path::path_or_fd(p.unwrap_or(crate::types::none_ref()), "truncate", "path", Accept::PATH_OR_FD)? {
        PathOrFd::Fd(fd) => retry(|| sys::ftruncate(fd, len))?.map_err(errno_error)?,
        PathOrFd::Path(p) => sys::truncate(&p.c, len).map_err(|e| path_error(e, &p))?,
    }
    Ok(none())
}

pub fn isatty(a: Args) -> PyResult {
    let [fd] = args::parse(a, "isatty", &["fd", "/"], 1)?;
    Ok(new_bool(sys::isatty(fd_arg(fd)?)))
}

pub fn dup(a: Args) -> PyResult {
    let [fd] = args::parse(a, "dup", &["fd", "/"], 1)?;
    sys::dup(fd_arg(fd)?).map(|fd| int::new_int(fd as i64)).map_err(errno_error)
}

pub fn dup2(a: Args) -> PyResult {
    let [fd, fd2, inh] = args::parse(a, "dup2", &["fd", "fd2", "inheritable"], 2)?;
    let inheritable = path::flag(inh, true)?;
    sys::dup2(fd_arg(fd)?, fd_arg(fd2)?, inheritable).map(|fd| int::new_int(fd as i64)).map_err(errno_error)
}

pub fn pipe(a: Args) -> PyResult {
    args::parse::<0>(a, "pipe", &[], 0)?;
    let (r, w) = sys::pipe(libc::O_CLOEXEC).map_err(errno_error)?;
    Ok(crate::types::tuple::new_tuple(vec![int::new_int(r as i64), int::new_int(w as i64)]))
}

pub fn pipe2(a: Args) -> PyResult {
    let [flags] = args::parse(a, "pipe2", &["flags", "/"], 1)?;
    let (r, w) = sys::pipe(fd_arg(flags)?).map_err(errno_error)?;
    Ok(crate::types::tuple::new_tuple(vec![int::new_int(r as i64), int::new_int(w as i64)]))
}

pub fn get_inheritable(a: Args) -> PyResult {
    let [fd] = args::parse(a, "get_inheritable", &["fd", "/"], 1)?;
    sys::get_inheritable(fd_arg(fd)?).map(new_bool).map_err(errno_error)
}

pub fn set_inheritable(a: Args) -> PyResult {
    let [fd, v] = args::parse(a, "set_inheritable", &["fd", "inheritable", "/"], 2)?;
    let v = path::c_int(v.unwrap_or(crate::types::none_ref()))? != 0;
    sys::set_inheritable(fd_arg(fd)?, v).map_err(errno_error)?;
    Ok(none())
}

pub fn get_blocking(a: Args) -> PyResult {
    let [fd] = args::parse(a, "get_blocking", &["fd", "/"], 1)?;
    sys::get_blocking(fd_arg(fd)?).map(new_bool).map_err(errno_error)
}

pub fn set_blocking(a: Args) -> PyResult {
    let [fd, v] = args::parse(a, "set_blocking", &["fd", "blocking", "/"], 2)?;
    let v = path::c_int(v.unwrap_or(crate::types::none_ref()))? != 0;
    sys::set_blocking(fd_arg(fd)?, v).map_err(errno_error)?;
    Ok(none())
}

pub fn get_terminal_size(a: Args) -> PyResult {
    let [fd] = args::parse(a, "get_terminal_size", &["fd", "/"], 0)?;
    let fd = match fd {
        Some(f) => fd_arg(Some(f))?,
        None => 1,
    };
    let (cols, lines) = sys::terminal_size(fd).map_err(errno_error)?;
    results::terminal_size(cols, lines)
}

// ---- metadata -----------------------------------------------------------

fn do_stat(o: &Obj, fname: &str, dir_fd: Option<&Obj>, follow: bool) -> PyResult {
    let dir_fd = path::dir_fd_arg(dir_fd)?;
    match path::path_or_fd(o, fname, "path", Accept::PATH_OR_FD)? {
        PathOrFd::Fd(fd) => {
            if dir_fd.is_some() {
                return Err(PyErr::value_error(format!("{fname}: can't specify dir_fd without matching path")));
            }
            if !follow {
                return Err(PyErr::value_error(format!("{fname}: cannot use fd and follow_symlinks together")));
            }
            results::stat_result(&sys::fstat(fd).map_err(errno_error)?)
        }
        PathOrFd::Path(p) => results::stat_result(&sys::stat(dir_fd, &p.c, follow).map_err(|e| path_error(e, &p))?),
    }
}

pub fn stat(a: Args) -> PyResult {
    let [p, dir_fd, follow] = args::parse(a, "stat", &["path", "*", "dir_fd", "follow_symlinks"], 1)?;
    do_stat(p.unwrap_or(crate::types::none_ref()), "stat", dir_fd, path::flag(follow, true)?)
}

pub fn lstat(a: Args) -> PyResult {
    let [p, dir_fd] = args::parse(a, "lstat", &["path", "*", "dir_fd"], 1)?;
    let dir_fd = path::dir_fd_arg(dir_fd)?;
    let p = path::path_arg(p.unwrap_or(crate::types::none_ref()), "lstat", "path", Accept::PATH)?;
    results::stat_result(&sys::stat(dir_fd, &p.c, false).map_err(|e| path_error(e, &p))?)
}

pub fn fstat(a: Args) -> PyResult {
    let [fd] = args::parse(a, "fstat", &["fd"], 1)?;
    results::stat_result(&sys::fstat(fd_arg(fd)?).map_err(errno_error)?)
}

pub fn statvfs(a: Args) -> PyResult {
    let [p] = args::parse(a, "statvfs", &["path"], 1)?;
    match path::path_or_fd(p.unwrap_or(crate::types::none_ref()), "statvfs", "path", Accept::PATH_OR_FD)? {
        PathOrFd::Fd(fd) => results::statvfs_result(&sys::fstatvfs(fd).map_err(errno_error)?),
        PathOrFd::Path(p) => results::statvfs_result(&sys::statvfs(&p.c).map_err(|e| path_error(e, &p))?),
    }
}

pub fn fstatvfs(a: Args) -> PyResult {
    let [fd] = args::parse(a, "fstatvfs", &["fd", "/"], 1)?;
    results::statvfs_result(&sys::fstatvfs(fd_arg(fd)?).map_err(errno_error)?)
}

pub fn access(a: Args) -> PyResult {
    let [p, mode, dir_fd, eff, follow] =
        args::parse(a, "access", &["path", "mode", "*", "dir_fd", "effective_ids", "follow_symlinks"], 2)?;
    let p = path::path_arg(p.unwrap_or(crate::types::none_ref()), "access", "path", Accept::PATH)?;
    let mode = fd_arg(mode)?;
    let dir_fd = path::dir_fd_arg(dir_fd)?;
    let ok = sys::access(dir_fd, &p.c, mode, path::flag(eff, false)?, path::flag(follow, true)?).is_ok();
    Ok(new_bool(ok))
}

pub fn chmod(a: Args) -> PyResult {
    let [p, mode, dir_fd, follow] = args::parse(a, "chmod", &["path", "mode", "*", "dir_fd", "follow_symlinks"], 2)?;
    let mode = mode_arg(mode, 0)?;
    let dir_fd = path::dir_fd_arg(dir_fd)?;
    let follow = path::flag(follow, true)?;
    match path::path_or_fd(p.unwrap_or(crate::types::none_ref()), "chmod", "path", Accept::PATH_OR_FD)? {
        PathOrFd::Fd(fd) => sys::fchmod(fd, mode).map_err(errno_error)?,
        PathOrFd::Path(p) => match sys::chmod(dir_fd, &p.c, mode, follow) {
            Ok(()) => {}
            Err(libc::EOPNOTSUPP) if !follow => {
                return Err(PyErr::not_implemented("chmod: follow_symlinks unavailable on this platform"))
            }
            Err(e) => return Err(path_error(e, &p)),
        },
    }
    Ok(none())
}

pub fn fchmod(a: Args) -> PyResult {
    let [fd, mode] = args::parse(a, "fchmod", &["fd", "mode"], 2)?;
    sys::fchmod(fd_arg(fd)?, mode_arg(mode, 0)?).map_err(errno_error)?;
    Ok(none())
}

/// A uid or gid argument (-1 means "leave unchanged").
fn id_arg(o: Option<&Obj>) -> PyResult<u32> {
    let v = i64_arg(o.unwrap_or(crate::types::none_ref()), "uid_t")?;
    if v == -1 {
        return Ok(u32::MAX);
    }
    u32::try_from(v).map_err(|_| {
        PyErr::overflow_error(format!("uid is {}", if v < 0 { "less than minimum" } else { "greater than maximum" }))
    })
}

pub fn chown(a: Args) -> PyResult {
    let [p, uid, gid, dir_fd, follow] =
        args::parse(a, "chown", &["path", "uid", "gid", "*", "dir_fd", "follow_symlinks"], 3)?;
    let (uid, gid) = (id_arg(uid)?, id_arg(gid)?);
    let dir_fd = path::dir_fd_arg(dir_fd)?;
    let follow = path::flag(follow, true)?;
    match path::path_or_fd(p.unwrap_or(crate::types::none_ref()), "chown", "path", Accept::PATH_OR_FD)? {
        PathOrFd::Fd(fd) => sys::fchown(fd, uid, gid).map_err(errno_error)?,
        PathOrFd::Path(p) => sys::chown(dir_fd, &p.c, uid, gid, follow).map_err(|e| path_error(e, &p))?,
    }
    Ok(none())
}

pub fn lchown(a: Args) -> PyResult {
    let [p, uid, gid] = args::parse(a, "lchown", &["path", "uid", "gid"], 3)?;
    let (uid, gid) = (id_arg(uid)?, id_arg(gid)?);
    let p = path::path_arg(p.unwrap_or(crate::types::none_ref()), "lchown", "path", Accept::PATH)?;
    sys::chown(None, &p.c, uid, gid, false).map_err(|e| path_error(e, &p))?;
    Ok(none())
}

pub fn fchown(a: Args) -> PyResult {
    let [fd, uid, gid] = args::parse(a, "fchown", &["fd", "uid", "gid"], 3)?;
    sys::fchown(fd_arg(fd)?, id_arg(uid)?, id_arg(gid)?).map_err(errno_error)?;
    Ok(none())
}

/// Seconds (int or float) as (seconds, nanoseconds), rounding half to
/// even like CPython's `_PyTime_ROUND_FLOOR`-free conversion for utime.
fn time_pair(o: &Obj) -> PyResult<(i64, i64)> {
    if let Some(f) = o.downcast::<FloatObj>() {
        let v = f.value();
        if !v.is_finite() {
            return Err(PyErr::value_error("Invalid value NaN (not a number)"));
        }
        let secs = v.floor();
        let mut ns = ((v - secs) * 1e9).round() as i64;
        let mut secs = secs as i64;
        if ns >= 1_000_000_000 {
            secs += 1;
            ns -= 1_000_000_000;
        }
        return Ok((secs, ns));
    }
    Ok((i64_arg(o, "time_t")?, 0))
}

fn ns_pair(o: &Obj) -> PyResult<(i64, i64)> {
    let v = ops::index(o)?;
    let billion = int::new_int(1_000_000_000);
    let q = ops::binary_op(&v, &billion, ember_compiler::bytecode::BinaryOp::FloorDivide)?;
    let r = ops::binary_op(&v, &billion, ember_compiler::bytecode::BinaryOp::Remainder)?;
    Ok((int::expect_i64(&q, "time_t")?, int::expect_i64(&r, "long")?))
}

fn two_tuple<'a>(o: &'a Obj, msg: &str) -> PyResult<[&'a Obj; 2]> {
    match o.downcast::<TupleObj>() {
        Some(t) if t.len() == 2 => Ok([&t.as_slice()[0], &t.as_slice()[1]]),
        _ => Err(PyErr::type_error(msg)),
    }
}

pub fn utime(a: Args) -> PyResult {
    let [p, times, ns, dir_fd, follow] =
        args::parse(a, "utime", &["path", "times", "*", "ns", "dir_fd", "follow_symlinks"], 1)?;
    let times = times.filter(|t| !t.is_none());
    let t = match (times, ns) {
        (Some(_), Some(_)) => {
            return Err(PyErr::value_error("utime: you may specify either 'times' or 'ns' but not both"))
        }
        (Some(t), None) => {
            let [at, mt] = two_tuple(t, "utime: 'times' must be either a tuple of two ints or None")?;
            Some([time_pair(at)?, time_pair(mt)?])
        }
        (None, Some(n)) => {
            let [at, mt] = two_tuple(n, "utime: 'ns' must be a tuple of two ints")?;
            Some([ns_pair(at)?, ns_pair(mt)?])
        }
        (None, None) => None,
    };
    let dir_fd = path::dir_fd_arg(dir_fd)?;
    let follow = path::flag(follow, true)?;
    match path::path_or_fd(p.unwrap_or(crate::types::none_ref()), "utime", "path", Accept::PATH_OR_FD)? {
        PathOrFd::Fd(_) if dir_fd.is_some() => {
            return Err(PyErr::value_error("utime: can't specify dir_fd without matching path"))
        }
        PathOrFd::Fd(fd) => sys::futimens(fd, t).map_err(errno_error)?,
        PathOrFd::Path(p) => sys::utime(dir_fd, &p.c, t, follow).map_err(|e| path_error(e, &p))?,
    }
    Ok(none())
}

// ---- names --------------------------------------------------------------

pub fn mkdir(a: Args) -> PyResult {
    let [p, mode, dir_fd] = args::parse(a, "mkdir", &["path", "mode", "*", "dir_fd"], 1)?;
    let p = path::path_arg(p.unwrap_or(crate::types::none_ref()), "mkdir", "path", Accept::PATH)?;
    let mode = mode_arg(mode, 0o777)?;
    sys::mkdir(path::dir_fd_arg(dir_fd)?, &p.c, mode).map_err(|e| path_error(e, &p))?;
    Ok(none())
}

fn remove_impl(a: Args, fname: &str, dir: bool) -> PyResult {
    let [p, dir_fd] = args::parse(a, fname, &["path", "*", "dir_fd"], 1)?;
    let p = path::path_arg(p.unwrap_or(crate::types::none_ref()), fname, "path", Accept::PATH)?;
    sys::unlink(path::dir_fd_arg(dir_fd)?, &p.c, dir).map_err(|e| path_error(e, &p))?;
    Ok(none())
}

pub fn rmdir(a: Args) -> PyResult {
    remove_impl(a, "rmdir", true)
}

pub fn unlink(a: Args) -> PyResult {
    remove_impl(a, "unlink", false)
}

pub fn remove(a: Args) -> PyResult {
    remove_impl(a, "remove", false)
}

fn rename_impl(a: Args, fname: &str) -> PyResult {
    let [src, dst, sfd, dfd] = args::parse(a, fname, &["src", "dst", "*", "src_dir_fd", "dst_dir_fd"], 2)?;
    let src = path::path_arg(src.unwrap_or(crate::types::none_ref()), fname, "src", Accept::PATH)?;
    let dst = path::path_arg(dst.unwrap_or(crate::types::none_ref()), fname, "dst", Accept::PATH)?;
    sys::rename(path::dir_fd_arg(sfd)?, &src.c, path::dir_fd_arg(dfd)?, &dst.c)
        .map_err(|e| os_error(e, Some(&src.obj), Some(&dst.obj)))?;
    Ok(none())
}

pub fn rename(a: Args) -> PyResult {
    rename_impl(a, "rename")
}

pub fn replace(a: Args) -> PyResult {
    rename_impl(a, "replace")
}

pub fn link(a: Args) -> PyResult {
    let [src, dst, sfd, dfd, follow] =
        args::parse(a, "link", &["src", "dst", "*", "src_dir_fd", "dst_dir_fd", "follow_symlinks"], 2)?;
    let src = path::path_arg(src.unwrap_or(crate::types::none_ref()), "link", "src", Accept::PATH)?;
    let dst = path::path_arg(dst.unwrap_or(crate::types::none_ref()), "link", "dst", Accept::PATH)?;
    sys::link(path::dir_fd_arg(sfd)?, &src.c, path::dir_fd_arg(dfd)?, &dst.c, path::flag(follow, true)?)
        .map_err(|e| os_error(e, Some(&src.obj), Some(&dst.obj)))?;
    Ok(none())
}

pub fn symlink(a: Args) -> PyResult {
    let [src, dst, _is_dir, dir_fd] =
        args::parse(a, "symlink", &["src", "dst", "target_is_directory", "*", "dir_fd"], 2)?;
    let src = path::path_arg(src.unwrap_or(crate::types::none_ref()), "symlink", "src", Accept::PATH)?;
    let dst = path::path_arg(dst.unwrap_or(crate::types::none_ref()), "symlink", "dst", Accept::PATH)?;
    sys::symlink(&src.c, path::dir_fd_arg(dir_fd)?, &dst.c).map_err(|e| os_error(e, Some(&src.obj), Some(&dst.obj)))?;
    Ok(none())
}

pub fn readlink(a: Args) -> PyResult {
    let [p, dir_fd] = args::parse(a, "readlink", &["path", "*", "dir_fd"], 1)?;
    let p = path::path_arg(p.unwrap_or(crate::types::none_ref()), "readlink", "path", Accept::PATH)?;
    let target = sys::readlink(path::dir_fd_arg(dir_fd)?, &p.c).map_err(|e| path_error(e, &p))?;
    Ok(p.make_name(&target))
}

fn cwd(as_bytes: bool) -> PyResult {
    let raw = sys::getcwd().map_err(errno_error)?;
    Ok(path::name_obj(&raw, as_bytes))
}

pub fn getcwd(a: Args) -> PyResult {
    args::parse::<0>(a, "getcwd", &[], 0)?;
    cwd(false)
}

pub fn getcwdb(a: Args) -> PyResult {
    args::parse::<0>(a, "getcwdb", &[], 0)?;
    cwd(true)
}

pub fn chdir(a: Args) -> PyResult {
    let [p] = args::parse(a, "chdir", &["path"], 1)?;
    match path::path_or_fd(p.unwrap_or(crate::types::none_ref()), "chdir", "path", Accept::PATH_OR_FD)? {
        PathOrFd::Fd(fd) => sys::fchdir(fd).map_err(errno_error)?,
        PathOrFd::Path(p) => sys::chdir(&p.c).map_err(|e| path_error(e, &p))?,
    }
    Ok(none())
}

pub fn fchdir(a: Args) -> PyResult {
    let [fd] = args::parse(a, "fchdir", &["fd"], 1)?;
    sys::fchdir(fileno_of(fd.unwrap_or(crate::types::none_ref()))?).map_err(errno_error)?;
    Ok(none())
}

pub fn fspath(a: Args) -> PyResult {
    let [p] = args::parse(a, "fspath", &["path"], 1)?;
    path::fspath(p.unwrap_or(crate::types::none_ref()))
}

// ---- positioned I/O, copying, special files ------------------------------

fn offset_arg(o: Option<&Obj>) -> PyResult<i64> {
    i64_arg(o.unwrap_or(crate::types::none_ref()), "off_t")
}

pub fn pread(a: Args) -> PyResult {
    let [fd, n, offset] = args::parse(a, "pread", &["fd", "length", "offset", "/"], 3)?;
    let fd = fd_arg(fd)?;
    let n = i64_arg(n.unwrap_or(crate::types::none_ref()), "ssize_t")?;
    if n < 0 {
        return Err(errno_error(libc::EINVAL));
    }
    let offset = offset_arg(offset)?;
    let mut buf: Vec<u8> = crate::util::mem::vec_with_capacity(n as usize)?;
    buf.resize(n as usize, 0);
    match retry(|| sys::pread(fd, &mut buf, offset))? {
        Ok(got) => {
            buf.truncate(got);
            Ok(bytes::from_vec(buf))
        }
        Err(e) => Err(errno_error(e)),
    }
}

pub fn pwrite(a: Args) -> PyResult {
    let [fd, data, offset] = args::parse(a, "pwrite", &["fd", "data", "offset", "/"], 3)?;
    let fd = fd_arg(fd)?;
    let data = data.unwrap_or(crate::types::none_ref());
    let Some(buf) = bytes::bytes_of(data) else {
        return Err(PyErr::type_error(format!("a bytes-like object is required, not '{}'", data.class().name())));
    };
    let offset = offset_arg(offset)?;
    match retry(|| sys::pwrite(fd, &buf, offset))? {
        Ok(n) => Ok(int::from_usize(n)),
        Err(e) => Err(errno_error(e)),
    }
}

pub fn sendfile(a: Args) -> PyResult {
    let [out_fd, in_fd, offset, count] = args::parse(a, "sendfile", &["out_fd", "in_fd", "offset", "count"], 4)?;
    let (out_fd, in_fd) = (fd_arg(out_fd)?, fd_arg(in_fd)?);
    let offset = match offset.filter(|o| !o.is_none()) {
        Some(o) => Some(i64_arg(o, "off_t")?),
        None => None,
    };
    let count = i64_arg(count.unwrap_or(crate::types::none_ref()), "ssize_t")?;
    if count < 0 {
        return Err(errno_error(libc::EINVAL));
    }
    match retry(|| sys::sendfile(out_fd, in_fd, offset, count as usize))? {
        Ok(n) => Ok(int::from_usize(n)),
        Err(e) => Err(errno_error(e)),
    }
}

pub fn fdatasync(a: Args) -> PyResult {
    let [fd] = args::parse(a, "fdatasync", &["fd"], 1)?;
    let fd = fileno_of(fd.unwrap_or(crate::types::none_ref()))?;
    retry(|| sys::fdatasync(fd))?.map_err(errno_error)?;
    Ok(none())
}

pub fn sync(a: Args) -> PyResult {
    args::parse::<0>(a, "sync", &[], 0)?;
    sys::sync();
    Ok(none())
}

pub fn mkfifo(a: Args) -> PyResult {
    let [p, mode, dir_fd] = args::parse(a, "mkfifo", &["path", "mode", "*", "dir_fd"], 1)?;
    let p = path::path_arg(p.unwrap_or(crate::types::none_ref()), "mkfifo", "path", Accept::PATH)?;
    let mode = mode_arg(mode, 0o666)?;
    // CPython's mkfifo error names no file.
    sys::mkfifo(path::dir_fd_arg(dir_fd)?, &p.c, mode).map_err(errno_error)?;
    Ok(none())
}

pub fn ttyname(a: Args) -> PyResult {
    let [fd] = args::parse(a, "ttyname", &["fd", "/"], 1)?;
    let name = sys::ttyname(fd_arg(fd)?).map_err(errno_error)?;
    Ok(path::name_obj(&name, false))
}

fn u32_arg(o: Option<&Obj>, what: &str) -> PyResult<u32> {
    let v = i64_arg(o.unwrap_or(crate::types::none_ref()), what)?;
    u32::try_from(v).map_err(|_| PyErr::overflow_error(format!("Python int too large to convert to C {what}")))
}

pub fn major(a: Args) -> PyResult {
    let [dev] = args::parse(a, "major", &["device", "/"], 1)?;
    let dev = i64_arg(dev.unwrap_or(crate::types::none_ref()), "dev_t")? as u64;
    Ok(int::new_int(sys::major(dev) as i64))
}

pub fn minor(a: Args) -> PyResult {
    let [dev] = args::parse(a, "minor", &["device", "/"], 1)?;
    let dev = i64_arg(dev.unwrap_or(crate::types::none_ref()), "dev_t")? as u64;
    Ok(int::new_int(sys::minor(dev) as i64))
}

pub fn makedev(a: Args) -> PyResult {
    let [ma, mi] = args::parse(a, "makedev", &["major", "minor", "/"], 2)?;
    Ok(int::from_u64(sys::makedev(u32_arg(ma, "unsigned int")?, u32_arg(mi, "unsigned int")?)))
}

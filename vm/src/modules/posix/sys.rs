//! Safe wrappers over the C library calls behind `posix`, `_signal`,
//! `select` and `_posixsubprocess`.
//!
//! # Safety
//!
//! This is the only file of the `posix` module with `unsafe` code. Every
//! wrapper is sound for any argument values because:
//!
//! - paths are passed as `&CStr`, so the C library always sees a
//!   NUL-terminated string that outlives the call;
//! - buffers are Rust slices or vectors, and the length handed to the C
//!   library is never more than their length (results are truncated to what
//!   the call reports it wrote);
//! - out-parameters are zero-initialised plain-data structs (`stat`,
//!   `utsname`, `tms`, `winsize`, `statvfs`) owned by the wrapper, read only
//!   after the call succeeded;
//! - file descriptors are plain integers: a wrong one makes the kernel fail
//!   with `EBADF`. Python code may close or reuse a descriptor that other
//!   code of the process still uses (as in CPython); that misdirects I/O
//!   but does not touch Rust memory. No wrapper hands out a Rust object that
//!   owns a descriptor, except [`Dir`], which owns its stream and closes it
//!   exactly once;
//! - `fork`: the child holds only the calling thread, the interpreter's.
//!   All interpreter state belongs to that thread; the binary's main thread
//!   only waits to join it and holds no lock the child could need. The
//!   child goes on running Python, as after CPython's `os.fork`;
//! - `exec*` replace the process image; the argument arrays are built from
//!   `CString`s that outlive the call and end with a null pointer;
//! - `fork_exec`: every string and pointer array the child uses is built
//!   before the fork; the child makes only async-signal-safe calls
//!   (`close`, `dup`, `dup2`, `fcntl`, `chdir`, `sigaction`, `exec*`,
//!   `write`, `_exit`, ...) on that memory and never returns;
//! - signal handlers given to `set_signal` only store atomics and call
//!   `write_byte_in_handler` (one `write`, errno preserved);
//! - `environ` changes go through `std::env`, which serialises them with its
//!   own lock;
//! - the payload structs of `dir.rs` (`DirEntryObj`, `ScandirObj`) and
//!   `select.rs` (`PollObj`) are
//!   `#[repr(C)]` with the `Obj` header first, and their types have no
//!   `BASETYPE` flag, so no object of a subtype has another layout (the
//!   `PyPayload` contract). Their impls are at the end of this file.
//!
//! Errors come back as the `errno` value (`Err(i32)`).

use std::ffi::{CStr, CString, OsStr};
use std::os::unix::ffi::OsStrExt;

/// A failed call: its `errno`.
pub type SysResult<T> = Result<T, i32>;

fn errno() -> i32 {
    std::io::Error::last_os_error().raw_os_error().unwrap_or(libc::EIO)
}

/// `-1` means failure (errno), anything else success.
fn check(rc: libc::c_int) -> SysResult<libc::c_int> {
    if rc == -1 {
        Err(errno())
    } else {
        Ok(rc)
    }
}

/// The directory descriptor for the `*at` calls: `AT_FDCWD` when absent.
fn at(dir_fd: Option<i32>) -> libc::c_int {
    dir_fd.unwrap_or(libc::AT_FDCWD)
}

/// The text of an error number, as `strerror` gives it.
pub fn strerror(code: i32) -> String {
    let s = std::io::Error::from_raw_os_error(code).to_string();
    match s.rfind(" (os error") {
        Some(i) => s[..i].to_string(),
        None => s,
    }
}

// ---- files --------------------------------------------------------------

pub fn open(dir_fd: Option<i32>, path: &CStr, flags: i32, mode: u32) -> SysResult<i32> {
    loop {
        // SAFETY: `path` is NUL-terminated; see the module's Safety section.
        let rc = unsafe { libc::openat(at(dir_fd), path.as_ptr(), flags, mode as libc::c_uint) };
        match check(rc) {
            Err(libc::EINTR) => continue,
            r => return r,
        }
    }
}

pub fn close(fd: i32) -> SysResult<()> {
    // SAFETY: closing an integer descriptor; a bad one gives EBADF.
    check(unsafe { libc::close(fd) }).map(|_| ())
}

/// Reads at most `buf.len()` bytes; returns how many were read.
pub fn read(fd: i32, buf: &mut [u8]) -> SysResult<usize> {
    // SAFETY: `buf` is writable for `buf.len()` bytes.
    let n = unsafe { libc::read(fd, buf.as_mut_ptr() as *mut libc::c_void, buf.len()) };
    if n < 0 {
        Err(errno())
    } else {
        Ok(n as usize)
    }
}

pub fn write(fd: i32, data: &[u8]) -> SysResult<usize> {
    // SAFETY: `data` is readable for `data.len()` bytes.
    let n = unsafe { libc::write(fd, data.as_ptr() as *const libc::c_void, data.len()) };
    if n < 0 {
        Err(errno())
    } else {
        Ok(n as usize)
    }
}

pub fn lseek(fd: i32, pos: i64, how: i32) -> SysResult<i64> {
    // SAFETY: plain integer arguments.
    let r = unsafe { libc::lseek(fd, pos as libc::off_t, how) };
    if r < 0 {
        Err(errno())
    } else {
        Ok(r as i64)
    }
}

pub fn fsync(fd: i32) -> SysResult<()> {
    // SAFETY: plain integer argument.
    check(unsafe { libc::fsync(fd) }).map(|_| ())
}

pub fn ftruncate(fd: i32, len: i64) -> SysResult<()> {
    // SAFETY: plain integer arguments.
    check(unsafe { libc::ftruncate(fd, len as libc::off_t) }).map(|_| ())
}

pub fn truncate(path: &CStr, len: i64) -> SysResult<()> {
    // SAFETY: `path` is NUL-terminated.
    check(unsafe { libc::truncate(path.as_ptr(), len as libc::off_t) }).map(|_| ())
}

fn zeroed_stat() -> libc::stat {
    // SAFETY: `stat` is plain data; all zeros is a valid value.
    unsafe { std::mem::zeroed() }
}

/// `fstatat` (or `stat`/`lstat` relative to `dir_fd`).
pub fn stat(dir_fd: Option<i32>, path: &CStr, follow_symlinks: bool) -> SysResult<libc::stat> {
    let mut st = zeroed_stat();
    let flags = if follow_symlinks { 0 } else { libc::AT_SYMLINK_NOFOLLOW };
    // SAFETY: `path` is NUL-terminated and `st` is a writable stat.
    check(unsafe { libc::fstatat(at(dir_fd), path.as_ptr(), &mut st, flags) })?;
    Ok(st)
}

pub fn fstat(fd: i32) -> SysResult<libc::stat> {
    let mut st = zeroed_stat();
    // SAFETY: `st` is a writable stat.
    check(unsafe { libc::fstat(fd, &mut st) })?;
    Ok(st)
}

pub fn statvfs(path: &CStr) -> SysResult<libc::statvfs> {
    // SAFETY: `statvfs` is plain data; all zeros is valid.
    let mut st: libc::statvfs = unsafe { std::mem::zeroed() };
    // SAFETY: `path` is NUL-terminated and `st` is writable.
    check(unsafe { libc::statvfs(path.as_ptr(), &mut st) })?;
    Ok(st)
}

pub fn fstatvfs(fd: i32) -> SysResult<libc::statvfs> {
    // SAFETY: `statvfs` is plain data; all zeros is valid.
    let mut st: libc::statvfs = unsafe { std::mem::zeroed() };
    // SAFETY: `st` is writable.
    check(unsafe { libc::fstatvfs(fd, &mut st) })?;
    Ok(st)
}

pub fn mkdir(dir_fd: Option<i32>, path: &CStr, mode: u32) -> SysResult<()> {
    // SAFETY: `path` is NUL-terminated.
    check(unsafe { libc::mkdirat(at(dir_fd), path.as_ptr(), mode as libc::mode_t) }).map(|_| ())
}

/// `unlinkat`: removes a file, or an empty directory when `dir` is set.
pub fn unlink(dir_fd: Option<i32>, path: &CStr, dir: bool) -> SysResult<()> {
    let flags = if dir { libc::AT_REMOVEDIR } else { 0 };
    // SAFETY: `path` is NUL-terminated.
    check(unsafe { libc::unlinkat(at(dir_fd), path.as_ptr(), flags) }).map(|_| ())
}

pub fn rename(src_dir_fd: Option<i32>, src: &CStr, dst_dir_fd: Option<i32>, dst: &CStr) -> SysResult<()> {
    // SAFETY: both paths are NUL-terminated.
    check(unsafe { libc::renameat(at(src_dir_fd), src.as_ptr(), at(dst_dir_fd), dst.as_ptr()) }).map(|_| ())
}

pub fn link(src_dir_fd: Option<i32>, src: &CStr, dst_dir_fd: Option<i32>, dst: &CStr, follow: bool) -> SysResult<()> {
    let flags = if follow { libc::AT_SYMLINK_FOLLOW } else { 0 };
    // SAFETY: both paths are NUL-terminated.
    check(unsafe { libc::linkat(at(src_dir_fd), src.as_ptr(), at(dst_dir_fd), dst.as_ptr(), flags) }).map(|_| ())
}

pub fn symlink(target: &CStr, dir_fd: Option<i32>, link: &CStr) -> SysResult<()> {
    // SAFETY: both paths are NUL-terminated.
    check(unsafe { libc::symlinkat(target.as_ptr(), at(dir_fd), link.as_ptr()) }).map(|_| ())
}

pub fn readlink(dir_fd: Option<i32>, path: &CStr) -> SysResult<Vec<u8>> {
    let mut cap = 256usize;
    loop {
        let mut buf = vec![0u8; cap];
        // SAFETY: `buf` is writable for `cap` bytes; `path` is NUL-terminated.
        let n = unsafe { libc::readlinkat(at(dir_fd), path.as_ptr(), buf.as_mut_ptr() as *mut libc::c_char, cap) };
        if n < 0 {
            return Err(errno());
        }
        let n = n as usize;
        if n < cap {
            buf.truncate(n);
            return Ok(buf);
        }
        // The target may have been cut short: try a bigger buffer.
        cap = cap.checked_mul(2).ok_or(libc::ENAMETOOLONG)?;
    }
}

pub fn access(dir_fd: Option<i32>, path: &CStr, mode: i32, effective_ids: bool, follow: bool) -> SysResult<()> {
    let mut flags = 0;
    if effective_ids {
        flags |= libc::AT_EACCESS;
    }
    if !follow {
        flags |= libc::AT_SYMLINK_NOFOLLOW;
    }
    // SAFETY: `path` is NUL-terminated.
    check(unsafe { libc::faccessat(at(dir_fd), path.as_ptr(), mode, flags) }).map(|_| ())
}

pub fn chmod(dir_fd: Option<i32>, path: &CStr, mode: u32, follow: bool) -> SysResult<()> {
    let flags = if follow { 0 } else { libc::AT_SYMLINK_NOFOLLOW };
    // SAFETY: `path` is NUL-terminated.
    check(unsafe { libc::fchmodat(at(dir_fd), path.as_ptr(), mode as libc::mode_t, flags) }).map(|_| ())
}

pub fn fchmod(fd: i32, mode: u32) -> SysResult<()> {
    // SAFETY: plain integer arguments.
    check(unsafe { libc::fchmod(fd, mode as libc::mode_t) }).map(|_| ())
}

pub fn chown(dir_fd: Option<i32>, path: &CStr, uid: u32, gid: u32, follow: bool) -> SysResult<()> {
    let flags = if follow { 0 } else { libc::AT_SYMLINK_NOFOLLOW };
    // SAFETY: `path` is NUL-terminated.
    check(unsafe { libc::fchownat(at(dir_fd), path.as_ptr(), uid, gid, flags) }).map(|_| ())
}

pub fn fchown(fd: i32, uid: u32, gid: u32) -> SysResult<()> {
    // SAFETY: plain integer arguments.
    check(unsafe { libc::fchown(fd, uid, gid) }).map(|_| ())
}

/// Access and modification times as (seconds, nanoseconds); `None` means now.
pub type Times = Option<[(i64, i64); 2]>;

fn timespecs(times: Times) -> [libc::timespec; 2] {
    match times {
        Some(t) => t.map(|(s, ns)| libc::timespec { tv_sec: s as libc::time_t, tv_nsec: ns as libc::c_long }),
        None => [libc::timespec { tv_sec: 0, tv_nsec: libc::UTIME_NOW }; 2],
    }
}

pub fn utime(dir_fd: Option<i32>, path: &CStr, times: Times, follow: bool) -> SysResult<()> {
    let ts = timespecs(times);
    let flags = if follow { 0 } else { libc::AT_SYMLINK_NOFOLLOW };
    // SAFETY: `path` is NUL-terminated and `ts` holds two timespecs.
    check(unsafe { libc::utimensat(at(dir_fd), path.as_ptr(), ts.as_ptr(), flags) }).map(|_| ())
}

pub fn futimens(fd: i32, times: Times) -> SysResult<()> {
    let ts = timespecs(times);
    // SAFETY: `ts` holds two timespecs.
    check(unsafe { libc::futimens(fd, ts.as_ptr()) }).map(|_| ())
}

pub fn getcwd() -> SysResult<Vec<u8>> {
    let mut cap = 1024usize;
    loop {
        let mut buf = vec![0u8; cap];
        // SAFETY: `buf` is writable for `cap` bytes.
        let p = unsafe { libc::getcwd(buf.as_mut_ptr() as *mut libc::c_char, cap) };
        if !p.is_null() {
            let n = buf.iter().position(|&b| b == 0).unwrap_or(cap);
            buf.truncate(n);
            return Ok(buf);
        }
        let e = errno();
        if e != libc::ERANGE {
            return Err(e);
        }
        cap = cap.checked_mul(2).ok_or(libc::ENAMETOOLONG)?;
    }
}

pub fn chdir(path: &CStr) -> SysResult<()> {
    // SAFETY: `path` is NUL-terminated.
    check(unsafe { libc::chdir(path.as_ptr()) }).map(|_| ())
}

pub fn fchdir(fd: i32) -> SysResult<()> {
    // SAFETY: plain integer argument.
    check(unsafe { libc::fchdir(fd) }).map(|_| ())
}

/// `pread`: reads at `offset` without moving the file position.
pub fn pread(fd: i32, buf: &mut [u8], offset: i64) -> SysResult<usize> {
    // SAFETY: `buf` is writable for `buf.len()` bytes.
    let n = unsafe { libc::pread(fd, buf.as_mut_ptr() as *mut libc::c_void, buf.len(), offset as libc::off_t) };
    if n < 0 {
        Err(errno())
    } else {
        Ok(n as usize)
    }
}

/// `pwrite`: writes at `offset` without moving the file position.
pub fn pwrite(fd: i32, data: &[u8], offset: i64) -> SysResult<usize> {
    // SAFETY: `data` is readable for `data.len()` bytes.
    let n = unsafe { libc::pwrite(fd, data.as_ptr() as *const libc::c_void, data.len(), offset as libc::off_t) };
    if n < 0 {
        Err(errno())
    } else {
        Ok(n as usize)
    }
}

/// `sendfile(out, in, offset, count)`; with an offset, the input's file
/// position is left alone. Returns the bytes sent.
pub fn sendfile(out_fd: i32, in_fd: i32, offset: Option<i64>, count: usize) -> SysResult<usize> {
    let mut off = offset.unwrap_or(0) as libc::off_t;
    let off_ptr = if offset.is_some() { &mut off as *mut libc::off_t } else { std::ptr::null_mut() };
    // SAFETY: `off_ptr` is null or points to `off`, which outlives the call.
    let n = unsafe { libc::sendfile(out_fd, in_fd, off_ptr, count) };
    if n < 0 {
        Err(errno())
    } else {
        Ok(n as usize)
    }
}

pub fn fdatasync(fd: i32) -> SysResult<()> {
    // SAFETY: plain integer argument.
    check(unsafe { libc::fdatasync(fd) }).map(|_| ())
}

pub fn sync() {
    // SAFETY: no arguments, cannot fail.
    unsafe { libc::sync() }
}

pub fn mkfifo(dir_fd: Option<i32>, path: &CStr, mode: u32) -> SysResult<()> {
    // SAFETY: `path` is NUL-terminated.
    check(unsafe { libc::mkfifoat(at(dir_fd), path.as_ptr(), mode as libc::mode_t) }).map(|_| ())
}

/// The name of the terminal open on `fd`.
pub fn ttyname(fd: i32) -> SysResult<Vec<u8>> {
    let mut buf = vec![0u8; 256];
    // SAFETY: `buf` is writable for its length.
    let rc = unsafe { libc::ttyname_r(fd, buf.as_mut_ptr() as *mut libc::c_char, buf.len()) };
    if rc != 0 {
        return Err(rc);
    }
    let n = buf.iter().position(|&b| b == 0).unwrap_or(buf.len());
    buf.truncate(n);
    Ok(buf)
}

pub fn major(dev: u64) -> u32 {
    libc::major(dev as libc::dev_t)
}

pub fn minor(dev: u64) -> u32 {
    libc::minor(dev as libc::dev_t)
}

pub fn makedev(major: u32, minor: u32) -> u64 {
    libc::makedev(major, minor) as u64
}

// ---- directories --------------------------------------------------------

/// One directory entry: its name, `d_type` and inode number.
pub struct RawEntry {
    pub name: Vec<u8>,
    pub d_type: u8,
    pub ino: u64,
}

/// An open directory stream; closed when dropped.
pub struct Dir {
    dir: std::ptr::NonNull<libc::DIR>,
}

impl Dir {
    pub fn open(path: &CStr) -> SysResult<Dir> {
        // SAFETY: `path` is NUL-terminated.
        let p = unsafe { libc::opendir(path.as_ptr()) };
        std::ptr::NonNull::new(p).map(|dir| Dir { dir }).ok_or_else(errno)
    }

    /// A stream over the directory open as `fd`, which stays open and
    /// belongs to the caller (the stream reads a duplicate), from the start.
    pub fn from_fd(fd: i32) -> SysResult<Dir> {
        let copy = dup(fd)?;
        // SAFETY: `copy` is a descriptor we own; fdopendir takes it over on
        // success, and we close it ourselves on failure.
        let p = unsafe { libc::fdopendir(copy) };
        match std::ptr::NonNull::new(p) {
            Some(dir) => {
                // SAFETY: `dir` is the open stream just created.
                unsafe { libc::rewinddir(dir.as_ptr()) };
                Ok(Dir { dir })
            }
            None => {
                let e = errno();
                let _ = close(copy);
                Err(e)
            }
        }
    }

    /// The next entry, `None` at the end.
    pub fn read(&mut self) -> SysResult<Option<RawEntry>> {
        // SAFETY: errno is thread-local; clearing it distinguishes the end
        // of the stream (null, errno 0) from an error.
        unsafe { *libc::__errno_location() = 0 };
        // SAFETY: `self.dir` is an open stream owned by `self`.
        let p = unsafe { libc::readdir(self.dir.as_ptr()) };
        if p.is_null() {
            let e = errno();
            return if e == 0 { Ok(None) } else { Err(e) };
        }
        // SAFETY: a non-null result points to a dirent valid until the next
        // readdir on this stream; its name is NUL-terminated. Everything is
        // copied out before returning.
        let (name, d_type, ino) = unsafe {
            let d = &*p;
            (CStr::from_ptr(d.d_name.as_ptr()).to_bytes().to_vec(), d.d_type, d.d_ino)
        };
        Ok(Some(RawEntry { name, d_type, ino }))
    }
}

impl Drop for Dir {
    fn drop(&mut self) {
        // SAFETY: the stream is open and closed only here.
        unsafe { libc::closedir(self.dir.as_ptr()) };
    }
}

// ---- descriptors --------------------------------------------------------

/// A close-on-exec duplicate of `fd`.
pub fn dup(fd: i32) -> SysResult<i32> {
    // SAFETY: plain integer arguments.
    check(unsafe { libc::fcntl(fd, libc::F_DUPFD_CLOEXEC, 0) })
}

pub fn dup2(fd: i32, fd2: i32, inheritable: bool) -> SysResult<i32> {
    let flags = if inheritable { 0 } else { libc::O_CLOEXEC };
    if fd == fd2 {
        // dup3 refuses equal descriptors; dup2 checks `fd` and returns it.
        // SAFETY: plain integer arguments.
        return check(unsafe { libc::dup2(fd, fd2) });
    }
    // SAFETY: plain integer arguments.
    check(unsafe { libc::dup3(fd, fd2, flags) })
}

pub fn pipe(flags: i32) -> SysResult<(i32, i32)> {
    let mut fds = [0 as libc::c_int; 2];
    // SAFETY: `fds` has room for the two descriptors.
    check(unsafe { libc::pipe2(fds.as_mut_ptr(), flags) })?;
    Ok((fds[0], fds[1]))
}

fn fcntl_get(fd: i32, cmd: i32) -> SysResult<i32> {
    // SAFETY: plain integer arguments.
    check(unsafe { libc::fcntl(fd, cmd) })
}

fn fcntl_set(fd: i32, cmd: i32, value: i32) -> SysResult<()> {
    // SAFETY: plain integer arguments.
    check(unsafe { libc::fcntl(fd, cmd, value) }).map(|_| ())
}

pub fn get_inheritable(fd: i32) -> SysResult<bool> {
    Ok(fcntl_get(fd, libc::F_GETFD)? & libc::FD_CLOEXEC == 0)
}

pub fn set_inheritable(fd: i32, inheritable: bool) -> SysResult<()> {
    let old = fcntl_get(fd, libc::F_GETFD)?;
    let new = if inheritable { old & !libc::FD_CLOEXEC } else { old | libc::FD_CLOEXEC };
    if new != old {
        fcntl_set(fd, libc::F_SETFD, new)?;
    }
    Ok(())
}

pub fn get_blocking(fd: i32) -> SysResult<bool> {
    Ok(fcntl_get(fd, libc::F_GETFL)? & libc::O_NONBLOCK == 0)
}

pub fn set_blocking(fd: i32, blocking: bool) -> SysResult<()> {
    let old = fcntl_get(fd, libc::F_GETFL)?;
    let new = if blocking { old & !libc::O_NONBLOCK } else { old | libc::O_NONBLOCK };
    if new != old {
        fcntl_set(fd, libc::F_SETFL, new)?;
    }
    Ok(())
}

pub fn isatty(fd: i32) -> bool {
    // SAFETY: plain integer argument.
    unsafe { libc::isatty(fd) == 1 }
}

/// The window size of the terminal on `fd`: (columns, lines).
pub fn terminal_size(fd: i32) -> SysResult<(u16, u16)> {
    // SAFETY: `winsize` is plain data; all zeros is valid.
    let mut ws: libc::winsize = unsafe { std::mem::zeroed() };
    // SAFETY: TIOCGWINSZ writes one `winsize` through the pointer.
    check(unsafe { libc::ioctl(fd, libc::TIOCGWINSZ, &mut ws as *mut libc::winsize) })?;
    Ok((ws.ws_col, ws.ws_row))
}

// ---- processes ----------------------------------------------------------

pub fn getpid() -> i64 {
    // SAFETY: no arguments, cannot fail.
    unsafe { libc::getpid() as i64 }
}

/// The calling thread's kernel id (`_thread.get_native_id`).
pub fn gettid() -> i64 {
    // SAFETY: no arguments, cannot fail.
    unsafe { libc::gettid() as i64 }
}

/// The calling thread's pthread handle as a number (`_thread.get_ident`).
pub fn pthread_self() -> u64 {
    // SAFETY: no arguments, cannot fail.
    unsafe { libc::pthread_self() as u64 }
}

pub fn getppid() -> i64 {
    // SAFETY: no arguments, cannot fail.
    unsafe { libc::getppid() as i64 }
}

pub fn getpgrp() -> i64 {
    // SAFETY: no arguments, cannot fail.
    unsafe { libc::getpgrp() as i64 }
}

/// (uid, euid, gid, egid).
pub fn ids() -> (u32, u32, u32, u32) {
    // SAFETY: no arguments, these cannot fail.
    unsafe { (libc::getuid(), libc::geteuid(), libc::getgid(), libc::getegid()) }
}

pub fn getsid(pid: i32) -> SysResult<i64> {
    // SAFETY: plain integer argument.
    check(unsafe { libc::getsid(pid) }).map(|v| v as i64)
}

pub fn setsid() -> SysResult<()> {
    // SAFETY: no arguments.
    check(unsafe { libc::setsid() }).map(|_| ())
}

pub fn getpgid(pid: i32) -> SysResult<i64> {
    // SAFETY: plain integer argument.
    check(unsafe { libc::getpgid(pid) }).map(|v| v as i64)
}

pub fn setpgid(pid: i32, pgrp: i32) -> SysResult<()> {
    // SAFETY: plain integer arguments.
    check(unsafe { libc::setpgid(pid, pgrp) }).map(|_| ())
}

pub fn killpg(pgrp: i32, sig: i32) -> SysResult<()> {
    // SAFETY: plain integer arguments.
    check(unsafe { libc::killpg(pgrp, sig) }).map(|_| ())
}

pub fn getgroups() -> SysResult<Vec<u32>> {
    // SAFETY: a zero size with a null pointer only asks for the count.
    let n = check(unsafe { libc::getgroups(0, std::ptr::null_mut()) })?;
    let mut groups = vec![0 as libc::gid_t; n.max(0) as usize];
    // SAFETY: `groups` has room for `n` entries.
    let got = check(unsafe { libc::getgroups(n, groups.as_mut_ptr()) })?;
    groups.truncate(got.max(0) as usize);
    Ok(groups)
}

/// `nice(increment)`: the new niceness (-1 is a valid result, so errno
/// is cleared first to tell it from a failure).
pub fn nice(increment: i32) -> SysResult<i32> {
    // SAFETY: errno is thread-local.
    unsafe { *libc::__errno_location() = 0 };
    // SAFETY: plain integer argument.
    let r = unsafe { libc::nice(increment) };
    if r == -1 {
        let e = errno();
        if e != 0 {
            return Err(e);
        }
    }
    Ok(r)
}

/// `sysconf(name)`; `Ok(-1)` means "no limit" (errno unchanged).
pub fn sysconf(name: i32) -> SysResult<i64> {
    // SAFETY: errno is thread-local.
    unsafe { *libc::__errno_location() = 0 };
    // SAFETY: plain integer argument.
    let r = unsafe { libc::sysconf(name) };
    if r == -1 {
        let e = errno();
        if e != 0 {
            return Err(e);
        }
    }
    Ok(r as i64)
}

pub fn umask(mask: u32) -> u32 {
    // SAFETY: plain integer argument, cannot fail.
    unsafe { libc::umask(mask as libc::mode_t) as u32 }
}

/// `fork()`: 0 in the child, the child's pid in the parent.
pub fn fork() -> SysResult<i32> {
    // SAFETY: see the module's Safety section on fork.
    check(unsafe { libc::fork() })
}

/// `waitpid`: (pid, status), retrying on EINTR only when `retry` says so.
pub fn waitpid(pid: i32, options: i32, mut retry: impl FnMut() -> bool) -> SysResult<(i32, i32)> {
    loop {
        let mut status = 0;
        // SAFETY: `status` is a writable int.
        let r = unsafe { libc::waitpid(pid, &mut status, options) };
        if r == -1 {
            let e = errno();
            if e == libc::EINTR && retry() {
                continue;
            }
            return Err(e);
        }
        return Ok((r, status));
    }
}

pub fn kill(pid: i32, sig: i32) -> SysResult<()> {
    // SAFETY: plain integer arguments.
    check(unsafe { libc::kill(pid, sig) }).map(|_| ())
}

pub fn exit_now(code: i32) -> ! {
    // SAFETY: ends the process at once, as `os._exit` documents.
    unsafe { libc::_exit(code) }
}

pub fn abort() -> ! {
    std::process::abort()
}

/// `execve(path, argv, envp)` (`envp = None`: keep the environment). Only
/// returns on failure.
pub fn exec(path: &CStr, argv: &[CString], envp: Option<&[CString]>) -> i32 {
    let mut args: Vec<*const libc::c_char> = argv.iter().map(|a| a.as_ptr()).collect();
    args.push(std::ptr::null());
    match envp {
        Some(env) => {
            let mut envs: Vec<*const libc::c_char> = env.iter().map(|a| a.as_ptr()).collect();
            envs.push(std::ptr::null());
            // SAFETY: both arrays are null-terminated arrays of pointers to
            // NUL-terminated strings that outlive the call.
            unsafe { libc::execve(path.as_ptr(), args.as_ptr(), envs.as_ptr()) };
        }
        None => {
            // SAFETY: as above, for argv.
            unsafe { libc::execv(path.as_ptr(), args.as_ptr()) };
        }
    }
    errno()
}

/// Fills `buf` from the kernel's random source.
pub fn urandom(buf: &mut [u8]) -> SysResult<()> {
    let mut filled = 0;
    while filled < buf.len() {
        let rest = &mut buf[filled..];
        // SAFETY: `rest` is writable for `rest.len()` bytes.
        let n = unsafe { libc::getrandom(rest.as_mut_ptr() as *mut libc::c_void, rest.len(), 0) };
        if n < 0 {
            let e = errno();
            if e == libc::EINTR {
                continue;
            }
            return Err(e);
        }
        filled += n as usize;
    }
    Ok(())
}

pub fn cpu_count() -> Option<i64> {
    // SAFETY: plain integer argument.
    let n = unsafe { libc::sysconf(libc::_SC_NPROCESSORS_ONLN) };
    (n > 0).then_some(n as i64)
}

/// The CPUs process `pid` (0: this one) may run on.
pub fn affinity(pid: i32) -> SysResult<Vec<usize>> {
    // SAFETY: `cpu_set_t` is plain data; all zeros is the empty set.
    let mut set: libc::cpu_set_t = unsafe { std::mem::zeroed() };
    // SAFETY: `set` is writable for its size.
    check(unsafe { libc::sched_getaffinity(pid, std::mem::size_of::<libc::cpu_set_t>(), &mut set) })?;
    let max = 8 * std::mem::size_of::<libc::cpu_set_t>();
    // SAFETY: CPU_ISSET only reads the set, for indices below its size.
    Ok((0..max).filter(|&i| unsafe { libc::CPU_ISSET(i, &set) }).collect())
}

fn field_text(f: &[libc::c_char]) -> String {
    let bytes: Vec<u8> = f.iter().take_while(|&&c| c != 0).map(|&c| c as u8).collect();
    String::from_utf8_lossy(&bytes).into_owned()
}

/// (sysname, nodename, release, version, machine).
pub fn uname() -> SysResult<[String; 5]> {
    // SAFETY: `utsname` is plain data; all zeros is valid.
    let mut u: libc::utsname = unsafe { std::mem::zeroed() };
    // SAFETY: `u` is writable.
    check(unsafe { libc::uname(&mut u) })?;
    Ok([
        field_text(&u.sysname),
        field_text(&u.nodename),
        field_text(&u.release),
        field_text(&u.version),
        field_text(&u.machine),
    ])
}

/// (user, system, children's user, children's system, elapsed) in seconds.
pub fn times() -> SysResult<[f64; 5]> {
    // SAFETY: `tms` is plain data; all zeros is valid.
    let mut t: libc::tms = unsafe { std::mem::zeroed() };
    // SAFETY: `t` is writable.
    let c = unsafe { libc::times(&mut t) };
    if c == (-1i64) as libc::clock_t {
        return Err(errno());
    }
    // SAFETY: plain integer argument.
    let hz = unsafe { libc::sysconf(libc::_SC_CLK_TCK) }.max(1) as f64;
    Ok([
        t.tms_utime as f64 / hz,
        t.tms_stime as f64 / hz,
        t.tms_cutime as f64 / hz,
        t.tms_cstime as f64 / hz,
        c as f64 / hz,
    ])
}

pub fn getloadavg() -> SysResult<[f64; 3]> {
    let mut l = [0f64; 3];
    // SAFETY: `l` has room for three doubles.
    let n = unsafe { libc::getloadavg(l.as_mut_ptr(), 3) };
    if n != 3 {
        return Err(libc::EIO);
    }
    Ok(l)
}

pub fn getlogin() -> SysResult<String> {
    // SAFETY: no arguments; the result is copied at once.
    let p = unsafe { libc::getlogin() };
    if p.is_null() {
        return Err(errno());
    }
    // SAFETY: a non-null result is a NUL-terminated static buffer.
    Ok(unsafe { CStr::from_ptr(p) }.to_string_lossy().into_owned())
}

// ---- environment --------------------------------------------------------

/// Every variable of the process environment as raw bytes.
pub fn environ() -> Vec<(Vec<u8>, Vec<u8>)> {
    std::env::vars_os().map(|(k, v)| (k.as_bytes().to_vec(), v.as_bytes().to_vec())).collect()
}

/// Sets a variable (the caller has checked the name for `=` and NUL).
pub fn putenv(key: &[u8], value: &[u8]) {
    std::env::set_var(OsStr::from_bytes(key), OsStr::from_bytes(value));
}

pub fn unsetenv(key: &[u8]) {
    std::env::remove_var(OsStr::from_bytes(key));
}

// ---- signals ------------------------------------------------------------

/// Signal numbers are `1..NSIG`.
pub const NSIG: i32 = 65;

/// What a signal does, as `sigaction` reports it.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Disposition {
    Default,
    Ignore,
    /// Some function of the process (Ember's own or a library's).
    Handler,
}

/// What to install for a signal.
#[derive(Clone, Copy)]
pub enum SigAction {
    Default,
    Ignore,
    Handler(extern "C" fn(libc::c_int)),
}

fn empty_sigaction() -> libc::sigaction {
    // SAFETY: `sigaction` is plain data; all zeros is a valid value (no
    // handler, empty mask, no flags).
    unsafe { std::mem::zeroed() }
}

fn disposition_of(sa: &libc::sigaction) -> Disposition {
    match sa.sa_sigaction {
        libc::SIG_DFL => Disposition::Default,
        libc::SIG_IGN => Disposition::Ignore,
        _ => Disposition::Handler,
    }
}

/// The current disposition of `sig`.
pub fn signal_disposition(sig: i32) -> SysResult<Disposition> {
    let mut old = empty_sigaction();
    // SAFETY: a null new action only queries; `old` is writable.
    check(unsafe { libc::sigaction(sig, std::ptr::null(), &mut old) })?;
    Ok(disposition_of(&old))
}

/// Installs `action` for `sig` without `SA_RESTART` (a blocking call fails
/// with EINTR, and its caller runs the Python handlers before retrying).
/// Returns the previous disposition.
pub fn set_signal(sig: i32, action: SigAction) -> SysResult<Disposition> {
    let mut sa = empty_sigaction();
    sa.sa_sigaction = match action {
        SigAction::Default => libc::SIG_DFL,
        SigAction::Ignore => libc::SIG_IGN,
        SigAction::Handler(f) => f as libc::sighandler_t,
    };
    let mut old = empty_sigaction();
    // SAFETY: `sa` is fully initialised (handler, empty mask, no flags); a
    // handler given here only does async-signal-safe work (the callers'
    // handlers store atomics and write one byte).
    check(unsafe {
        libc::sigemptyset(&mut sa.sa_mask);
        libc::sigaction(sig, &sa, &mut old)
    })?;
    Ok(disposition_of(&old))
}

/// `siginterrupt`: whether a signal interrupts system calls (clears or sets
/// `SA_RESTART` on the installed action).
pub fn siginterrupt(sig: i32, interrupt: bool) -> SysResult<()> {
    let mut sa = empty_sigaction();
    // SAFETY: a null new action only queries; `sa` is writable.
    check(unsafe { libc::sigaction(sig, std::ptr::null(), &mut sa) })?;
    if interrupt {
        sa.sa_flags &= !libc::SA_RESTART;
    } else {
        sa.sa_flags |= libc::SA_RESTART;
    }
    // SAFETY: `sa` is the action just read, with one flag changed.
    check(unsafe { libc::sigaction(sig, &sa, std::ptr::null_mut()) }).map(|_| ())
}

/// Sends `sig` to the calling thread (delivered before this returns if it
/// is not blocked).
pub fn raise_signal(sig: i32) -> SysResult<()> {
    // SAFETY: plain integer argument.
    check(unsafe { libc::raise(sig) }).map(|_| ())
}

/// `pthread_kill(pthread_self(), sig)`: only the calling thread, the one
/// thread id that is surely valid.
pub fn kill_this_thread(sig: i32) -> SysResult<()> {
    // SAFETY: `pthread_self()` names the live calling thread.
    let rc = unsafe { libc::pthread_kill(libc::pthread_self(), sig) };
    if rc == 0 {
        Ok(())
    } else {
        Err(rc)
    }
}

pub fn alarm(seconds: u32) -> u32 {
    // SAFETY: plain integer argument.
    unsafe { libc::alarm(seconds) }
}

/// Waits for a signal (always ends with EINTR).
pub fn pause() {
    // SAFETY: no arguments.
    unsafe { libc::pause() };
}

fn sigset_of(sigs: &[i32]) -> SysResult<libc::sigset_t> {
    // SAFETY: `sigset_t` is plain data; `sigemptyset` initialises it and
    // `sigaddset` refuses invalid numbers with EINVAL.
    unsafe {
        let mut set: libc::sigset_t = std::mem::zeroed();
        libc::sigemptyset(&mut set);
        for &s in sigs {
            check(libc::sigaddset(&mut set, s))?;
        }
        Ok(set)
    }
}

fn members_of(set: &libc::sigset_t) -> Vec<i32> {
    // SAFETY: `set` is an initialised signal set; `sigismember` only reads it.
    (1..NSIG).filter(|&s| unsafe { libc::sigismember(set, s) } == 1).collect()
}

/// `pthread_sigmask(how, sigs)`: the previous mask's signals.
pub fn pthread_sigmask(how: i32, sigs: &[i32]) -> SysResult<Vec<i32>> {
    let set = sigset_of(sigs)?;
    let mut old = sigset_of(&[])?;
    // SAFETY: both sets are initialised; `old` is writable.
    let rc = unsafe { libc::pthread_sigmask(how, &set, &mut old) };
    if rc != 0 {
        return Err(rc);
    }
    Ok(members_of(&old))
}

/// The signals pending for the calling thread or the process.
pub fn sigpending() -> SysResult<Vec<i32>> {
    let mut set = sigset_of(&[])?;
    // SAFETY: `set` is writable.
    check(unsafe { libc::sigpending(&mut set) })?;
    Ok(members_of(&set))
}

/// Every signal number the C library accepts in a signal set.
pub fn valid_signals() -> Vec<i32> {
    // SAFETY: `sigset_t` is plain data that `sigfillset` initialises.
    let set = unsafe {
        let mut set: libc::sigset_t = std::mem::zeroed();
        libc::sigfillset(&mut set);
        set
    };
    members_of(&set)
}

/// The C library's description of a signal (None for unknown numbers).
pub fn strsignal(sig: i32) -> Option<String> {
    // SAFETY: `strsignal` returns null or a NUL-terminated string, copied
    // at once (Ember runs Python on one thread, so no other call overwrites
    // the buffer meanwhile).
    let text = unsafe {
        let p = libc::strsignal(sig);
        if p.is_null() {
            return None;
        }
        CStr::from_ptr(p).to_string_lossy().into_owned()
    };
    if text.contains("Unknown signal") {
        None
    } else {
        Some(text)
    }
}

fn timeval_of(seconds: f64) -> libc::timeval {
    let whole = seconds.trunc();
    let mut sec = whole as libc::time_t;
    let mut usec = ((seconds - whole) * 1e6).round() as libc::suseconds_t;
    if usec >= 1_000_000 {
        sec += 1;
        usec -= 1_000_000;
    }
    // A positive value too small for the timer's resolution still arms it.
    if sec == 0 && usec == 0 && seconds > 0.0 {
        usec = 1;
    }
    libc::timeval { tv_sec: sec, tv_usec: usec }
}

fn seconds_of(tv: &libc::timeval) -> f64 {
    tv.tv_sec as f64 + tv.tv_usec as f64 * 1e-6
}

/// `setitimer(which, value, interval)`: the previous (value, interval).
pub fn setitimer(which: i32, value: f64, interval: f64) -> SysResult<(f64, f64)> {
    let new = libc::itimerval { it_value: timeval_of(value), it_interval: timeval_of(interval) };
    let mut old = libc::itimerval {
        it_value: libc::timeval { tv_sec: 0, tv_usec: 0 },
        it_interval: libc::timeval { tv_sec: 0, tv_usec: 0 },
    };
    // SAFETY: both structs are initialised; `old` is writable.
    check(unsafe { libc::setitimer(which as _, &new, &mut old) })?;
    Ok((seconds_of(&old.it_value), seconds_of(&old.it_interval)))
}

pub fn getitimer(which: i32) -> SysResult<(f64, f64)> {
    let mut cur = libc::itimerval {
        it_value: libc::timeval { tv_sec: 0, tv_usec: 0 },
        it_interval: libc::timeval { tv_sec: 0, tv_usec: 0 },
    };
    // SAFETY: `cur` is writable.
    check(unsafe { libc::getitimer(which as _, &mut cur) })?;
    Ok((seconds_of(&cur.it_value), seconds_of(&cur.it_interval)))
}

/// Writes one byte to `fd` from a signal handler, leaving `errno` as the
/// interrupted code had it (`write` is async-signal-safe; failures are
/// ignored, as for CPython's wakeup descriptor).
pub fn write_byte_in_handler(fd: i32, byte: u8) {
    // SAFETY: `__errno_location` points at the calling thread's errno; the
    // buffer is one readable byte.
    unsafe {
        let errno_ptr = libc::__errno_location();
        let saved = *errno_ptr;
        libc::write(fd, &byte as *const u8 as *const libc::c_void, 1);
        *errno_ptr = saved;
    }
}

// ---- select ---------------------------------------------------------------

/// `poll(fds, timeout_ms)` (negative: wait forever): how many entries got
/// events (their `revents` are filled in).
pub fn poll(fds: &mut [libc::pollfd], timeout_ms: i32) -> SysResult<usize> {
    // SAFETY: `fds` is a writable slice of `fds.len()` pollfd structs.
    let rc = unsafe { libc::poll(fds.as_mut_ptr(), fds.len() as libc::nfds_t, timeout_ms) };
    check(rc).map(|n| n as usize)
}

// ---- fork_exec (_posixsubprocess) ------------------------------------------

/// What the child of [`fork_exec`] does, all prepared before forking.
/// Descriptors are -1 when absent; `pgid` and `umask` are -1 when unset.
pub struct ChildSpec {
    pub argv: Vec<CString>,
    /// Paths tried in order until one `exec` succeeds.
    pub executables: Vec<CString>,
    /// None: keep the parent's environment.
    pub envp: Option<Vec<CString>>,
    pub cwd: Option<CString>,
    pub close_fds: bool,
    /// Sorted; stay open (and become inheritable) in the child.
    pub fds_to_keep: Vec<i32>,
    pub p2cread: i32,
    pub p2cwrite: i32,
    pub c2pread: i32,
    pub c2pwrite: i32,
    pub errread: i32,
    pub errwrite: i32,
    pub errpipe_write: i32,
    pub restore_signals: bool,
    pub setsid: bool,
    pub pgid: i32,
    pub gid: Option<u32>,
    pub groups: Option<Vec<u32>>,
    pub uid: Option<u32>,
    pub umask: i32,
}

/// A null-terminated array of pointers into `strings`.
fn pointer_array(strings: &[CString]) -> Vec<*const libc::c_char> {
    let mut v: Vec<*const libc::c_char> = strings.iter().map(|s| s.as_ptr()).collect();
    v.push(std::ptr::null());
    v
}

/// Forks a child that sets itself up as `spec` says and execs the first
/// executable that works; returns the child's pid. A child that fails
/// writes `OSError:<errno in hex>:` to `errpipe_write` (followed by
/// `noexec` when it failed before trying to exec) and exits with 255.
pub fn fork_exec(spec: &ChildSpec) -> SysResult<i32> {
    let argv = pointer_array(&spec.argv);
    let envp = spec.envp.as_deref().map(pointer_array);
    let exec_paths: Vec<*const libc::c_char> = spec.executables.iter().map(|s| s.as_ptr()).collect();
    let cwd = spec.cwd.as_ref().map(|c| c.as_ptr());
    let groups: Option<Vec<libc::gid_t>> = spec.groups.clone();
    let max_fd = sysconf(libc::_SC_OPEN_MAX).ok().filter(|&n| n > 0).map_or(1 << 16, |n| n.min(1 << 20)) as i32;
    let child = ChildPtrs {
        argv: &argv,
        envp: envp.as_deref(),
        exec_paths: &exec_paths,
        cwd,
        groups: groups.as_deref(),
        max_fd,
    };
    // SAFETY: see the module's Safety section on fork. The child runs only
    // `child_main`, which makes async-signal-safe calls on memory prepared
    // above and never returns.
    let pid = unsafe { libc::fork() };
    if pid == 0 {
        child_main(spec, &child);
    }
    check(pid)
}

/// The raw pointers the child uses, built before forking.
struct ChildPtrs<'a> {
    argv: &'a [*const libc::c_char],
    envp: Option<&'a [*const libc::c_char]>,
    exec_paths: &'a [*const libc::c_char],
    cwd: Option<*const libc::c_char>,
    groups: Option<&'a [libc::gid_t]>,
    max_fd: i32,
}

/// A failure in the child: errno, and whether it happened before exec.
struct ChildError {
    errno: i32,
    before_exec: bool,
}

fn child_check(rc: libc::c_int) -> Result<libc::c_int, ChildError> {
    if rc == -1 {
        Err(ChildError { errno: errno(), before_exec: true })
    } else {
        Ok(rc)
    }
}

/// The child side of [`fork_exec`]: only async-signal-safe calls (no
/// allocation, no locks) until `exec` or `_exit`.
fn child_main(spec: &ChildSpec, p: &ChildPtrs) -> ! {
    let err = match child_setup(spec, p) {
        Err(e) => e,
        Ok(()) => child_exec(p),
    };
    // "OSError:" + hex errno + ":" (+ "noexec"), formatted without allocating.
    let mut buf = [0u8; 40];
    let mut n = 0;
    for &b in b"OSError:" {
        buf[n] = b;
        n += 1;
    }
    let mut digits = [0u8; 8];
    let mut d = 0;
    let mut v = err.errno as u32;
    loop {
        digits[d] = b"0123456789abcdef"[(v % 16) as usize];
        d += 1;
        v /= 16;
        if v == 0 {
            break;
        }
    }
    while d > 0 {
        d -= 1;
        buf[n] = digits[d];
        n += 1;
    }
    buf[n] = b':';
    n += 1;
    if err.before_exec {
        for &b in b"noexec" {
            buf[n] = b;
            n += 1;
        }
    }
    // SAFETY: `buf` holds `n` initialised bytes; `_exit` ends the child
    // without running any of the parent's exit code.
    unsafe {
        libc::write(spec.errpipe_write, buf.as_ptr() as *const libc::c_void, n);
        libc::_exit(255)
    }
}

fn set_inheritable_in_child(fd: i32) -> Result<(), ChildError> {
    // SAFETY: fcntl on a plain descriptor number.
    let flags = child_check(unsafe { libc::fcntl(fd, libc::F_GETFD) })?;
    if flags & libc::FD_CLOEXEC != 0 {
        // SAFETY: as above.
        child_check(unsafe { libc::fcntl(fd, libc::F_SETFD, flags & !libc::FD_CLOEXEC) })?;
    }
    Ok(())
}

/// Moves `fd` onto the standard descriptor `target` (inheritable).
fn child_dup_to(fd: i32, target: i32) -> Result<(), ChildError> {
    if fd == target {
        set_inheritable_in_child(fd)
    } else if fd != -1 {
        // SAFETY: dup2 on plain descriptor numbers.
        child_check(unsafe { libc::dup2(fd, target) }).map(|_| ())
    } else {
        Ok(())
    }
}

/// Closes descriptors `first..=last`.
fn child_close_range(first: i32, last: i32, max_fd: i32) {
    if first > last {
        return;
    }
    // SAFETY: `close_range` with valid bounds and no flags only closes descriptors.
    let rc = unsafe { libc::syscall(libc::SYS_close_range, first as libc::c_uint, last as libc::c_uint, 0) };
    if rc == 0 {
        return;
    }
    for fd in first..=last.min(max_fd) {
        // SAFETY: closing a descriptor number; failures are ignored.
        unsafe { libc::close(fd) };
    }
}

fn child_setup(spec: &ChildSpec, p: &ChildPtrs) -> Result<(), ChildError> {
    for &fd in &spec.fds_to_keep {
        if fd != spec.errpipe_write {
            set_inheritable_in_child(fd)?;
        }
    }
    for fd in [spec.p2cwrite, spec.c2pread, spec.errread] {
        if fd != -1 {
            // SAFETY: closing the parent's ends of the pipes.
            child_check(unsafe { libc::close(fd) })?;
        }
    }
    // Keep the child's ends clear of the standard descriptors they replace.
    let mut c2pwrite = spec.c2pwrite;
    if c2pwrite == 0 {
        // SAFETY: dup on a plain descriptor number.
        c2pwrite = child_check(unsafe { libc::dup(c2pwrite) })?;
    }
    let mut errwrite = spec.errwrite;
    while errwrite == 0 || errwrite == 1 {
        // SAFETY: as above.
        errwrite = child_check(unsafe { libc::dup(errwrite) })?;
    }
    child_dup_to(spec.p2cread, 0)?;
    child_dup_to(c2pwrite, 1)?;
    child_dup_to(errwrite, 2)?;
    if let Some(cwd) = p.cwd {
        // SAFETY: `cwd` points into a CString the parent keeps alive.
        child_check(unsafe { libc::chdir(cwd) })?;
    }
    if spec.umask >= 0 {
        // SAFETY: plain integer argument.
        unsafe { libc::umask(spec.umask as libc::mode_t) };
    }
    if spec.restore_signals {
        for sig in [libc::SIGPIPE, libc::SIGXFSZ] {
            let mut sa = empty_sigaction();
            sa.sa_sigaction = libc::SIG_DFL;
            // SAFETY: `sa` is initialised (default action, empty mask).
            unsafe { libc::sigaction(sig, &sa, std::ptr::null_mut()) };
        }
    }
    if spec.setsid {
        // SAFETY: no arguments.
        child_check(unsafe { libc::setsid() })?;
    }
    if spec.pgid >= 0 {
        // SAFETY: plain integer arguments.
        child_check(unsafe { libc::setpgid(0, spec.pgid) })?;
    }
    if let Some(groups) = p.groups {
        // SAFETY: `groups` is a readable slice of `groups.len()` ids.
        child_check(unsafe { libc::setgroups(groups.len(), groups.as_ptr()) })?;
    }
    if let Some(gid) = spec.gid {
        // SAFETY: plain integer arguments.
        child_check(unsafe { libc::setregid(gid, gid) })?;
    }
    if let Some(uid) = spec.uid {
        // SAFETY: plain integer arguments.
        child_check(unsafe { libc::setreuid(uid, uid) })?;
    }
    if spec.close_fds {
        let mut first = 3;
        for &keep in &spec.fds_to_keep {
            if keep >= first {
                child_close_range(first, keep - 1, p.max_fd);
                first = keep + 1;
            }
        }
        child_close_range(first, i32::MAX, p.max_fd);
    }
    Ok(())
}

/// Tries each executable; returns the error to report (the first one that
/// is not "no such file or directory", else the last).
fn child_exec(p: &ChildPtrs) -> ChildError {
    let mut saved = 0;
    let mut last = libc::ENOENT;
    for &path in p.exec_paths {
        // SAFETY: `path` and both arrays are null-terminated and point into
        // CStrings the parent keeps alive.
        unsafe {
            match p.envp {
                Some(envp) => libc::execve(path, p.argv.as_ptr(), envp.as_ptr()),
                None => libc::execv(path, p.argv.as_ptr()),
            };
        }
        last = errno();
        if last != libc::ENOENT && last != libc::ENOTDIR && saved == 0 {
            saved = last;
        }
    }
    ChildError { errno: if saved != 0 { saved } else { last }, before_exec: false }
}

// ---- payload layouts ----------------------------------------------------

// SAFETY: `#[repr(C)]` with `ob: Obj` first; the type cannot be subclassed.
unsafe impl crate::object::PyPayload for super::dir::DirEntryObj {
    fn class() -> &'static crate::types::typeobj::TypeObj {
        &super::dir::DIR_ENTRY_TYPE
    }
}

// SAFETY: `#[repr(C)]` with `ob: Obj` first; the type cannot be subclassed.
unsafe impl crate::object::PyPayload for super::dir::ScandirObj {
    fn class() -> &'static crate::types::typeobj::TypeObj {
        &super::dir::SCANDIR_TYPE
    }
}

// SAFETY: `#[repr(C)]` with `ob: Obj` first; the type cannot be subclassed.
unsafe impl crate::object::PyPayload for crate::modules::select::PollObj {
    fn class() -> &'static crate::types::typeobj::TypeObj {
        &crate::modules::select::POLL_TYPE
    }
}

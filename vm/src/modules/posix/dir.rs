//! Directory listing: `listdir`, and `scandir` with its iterator and
//! `DirEntry` objects (which cache their `stat` results, and answer
//! `is_dir`/`is_file`/`is_symlink` from the directory entry's type when
//! it is known, without a system call).

use crate::object::{Obj, PyCell, PyRef};
use crate::runtime::{PyErr, PyResult};
use crate::types::list::new_list;
use crate::types::str::from_string;
use crate::types::typeobj::{Args, GetSetDef, MethodDef};
use crate::types::{new_bool, none};
use crate::util::args;

use super::path::{self, errno_error, os_error, path_error, Accept, PathOrFd};
use super::results;
use super::sys::{self, Dir, RawEntry};

fn open_dir(target: &PathOrFd) -> PyResult<Dir> {
    match target {
        PathOrFd::Fd(fd) => Dir::from_fd(*fd).map_err(errno_error),
        PathOrFd::Path(p) => Dir::open(&p.c).map_err(|e| path_error(e, p)),
    }
}

fn is_dot(name: &[u8]) -> bool {
    name == b"." || name == b".."
}

const LIST_ACCEPT: Accept = Accept { fd: true, none: true };

/// The `path` argument of listdir/scandir: None means ".".
fn dir_target(o: Option<&Obj>, fname: &str) -> PyResult<PathOrFd> {
    match o.filter(|o| !o.is_none()) {
        None => path::path_or_fd(&from_string(".".into()), fname, "path", LIST_ACCEPT),
        Some(o) => path::path_or_fd(o, fname, "path", LIST_ACCEPT),
    }
}

fn wants_bytes(t: &PathOrFd) -> bool {
    matches!(t, PathOrFd::Path(p) if p.is_bytes)
}

pub fn listdir(a: Args) -> PyResult {
    let [p] = args::parse(a, "listdir", &["path"], 0)?;
    let target = dir_target(p, "listdir")?;
    let mut dir = open_dir(&target)?;
    let as_bytes = wants_bytes(&target);
    let mut names = Vec::new();
    loop {
        match dir.read() {
            Ok(Some(e)) if is_dot(&e.name) => {}
            Ok(Some(e)) => names.push(path::name_obj(&e.name, as_bytes)),
            Ok(None) => break,
            Err(code) => {
                return Err(match &target {
                    PathOrFd::Path(p) => path_error(code, p),
                    PathOrFd::Fd(_) => errno_error(code),
                })
            }
        }
    }
    Ok(new_list(names))
}

// ---- DirEntry -----------------------------------------------------------

/// (Its `PyPayload` impl is in `sys.rs`.)
#[repr(C)]
pub struct DirEntryObj {
    pub ob: Obj,
    name: PyRef,
    path: PyRef,
    /// The name as C bytes, relative to `dir_fd` when that is set.
    c_name: std::ffi::CString,
    c_path: std::ffi::CString,
    d_type: u8,
    ino: u64,
    dir_fd: Option<i32>,
    stat: PyCell<Option<PyRef>>,
    lstat: PyCell<Option<PyRef>>,
}

fn entry(o: &Obj) -> PyResult<&DirEntryObj> {
    o.downcast::<DirEntryObj>().ok_or_else(|| PyErr::type_error("descriptor requires a 'posix.DirEntry' object"))
}

fn cached_stat(e: &DirEntryObj, follow: bool) -> PyResult<PyRef> {
    let cell = if follow { &e.stat } else { &e.lstat };
    if let Some(s) = cell.with(|c| c.clone()) {
        return Ok(s);
    }
    let (c, dir_fd) = match e.dir_fd {
        Some(fd) => (&e.c_name, Some(fd)),
        None => (&e.c_path, None),
    };
    let st = sys::stat(dir_fd, c, follow).map_err(|code| os_error(code, Some(&e.path), None))?;
    let r = results::stat_result(&st)?;
    let old = cell.with_mut(|c| c.replace(r.clone()));
    drop(old);
    Ok(r)
}

/// `stat(follow_symlinks)`: for a non-link entry both answers are the
/// entry's own lstat.
fn entry_stat(e: &DirEntryObj, follow: bool) -> PyResult<PyRef> {
    if follow && (e.d_type == libc::DT_LNK || e.d_type == libc::DT_UNKNOWN) {
        return cached_stat(e, true);
    }
    cached_stat(e, false)
}

/// The file type bits of the entry, following links when asked; None if
/// the target does not exist.
fn entry_type(e: &DirEntryObj, follow: bool) -> PyResult<Option<u32>> {
    let known = e.d_type != libc::DT_UNKNOWN && !(follow && e.d_type == libc::DT_LNK);
    if known {
        let mode = match e.d_type {
            libc::DT_DIR => libc::S_IFDIR,
            libc::DT_REG => libc::S_IFREG,
            libc::DT_LNK => libc::S_IFLNK,
            libc::DT_FIFO => libc::S_IFIFO,
            libc::DT_SOCK => libc::S_IFSOCK,
            libc::DT_CHR => libc::S_IFCHR,
            libc::DT_BLK => libc::S_IFBLK,
            _ => 0,
        };
        return Ok(Some(mode));
    }
    match entry_stat(e, follow) {
        Ok(st) => {
            let m = crate::ops::getitem(&st, &crate::types::int::new_int(0))?;
            Ok(Some(crate::types::int::expect_i64(&m, "int")? as u32 & libc::S_IFMT))
        }
        Err(err) if err.matches(&crate::types::exceptions::FILE_NOT_FOUND_ERROR) => Ok(None),
        Err(err) => Err(err),
    }
}

fn follow_kw<'a>(a: Args<'a>, fname: &str) -> PyResult<(&'a DirEntryObj, bool)> {
    let [s, follow] = args::parse(a, fname, &["self", "*", "follow_symlinks"], 1)?;
    let e = entry(s.unwrap_or(crate::types::none_ref()))?;
    Ok((e, path::flag(follow, true)?))
}

fn m_is_dir(a: Args) -> PyResult {
    let (e, follow) = follow_kw(a, "is_dir")?;
    Ok(new_bool(entry_type(e, follow)? == Some(libc::S_IFDIR)))
}

fn m_is_file(a: Args) -> PyResult {
    let (e, follow) = follow_kw(a, "is_file")?;
    Ok(new_bool(entry_type(e, follow)? == Some(libc::S_IFREG)))
}

fn m_is_symlink(a: Args) -> PyResult {
    let [s] = args::exact::<1>(a, "is_symlink")?;
    Ok(new_bool(entry_type(entry(s)?, false)? == Some(libc::S_IFLNK)))
}

fn m_stat(a: Args) -> PyResult {
    let (e, follow) = follow_kw(a, "stat")?;
    entry_stat(e, follow)
}

fn m_inode(a: Args) -> PyResult {
    let [s] = args::exact::<1>(a, "inode")?;
    Ok(crate::types::int::from_u64(entry(s)?.ino))
}

fn m_fspath(a: Args) -> PyResult {
    let [s] = args::exact::<1>(a, "__fspath__")?;
    Ok(entry(s)?.path.clone())
}

fn m_class_getitem(a: Args) -> PyResult {
    let [cls, item] = args::exact::<2>(a, "__class_getitem__")?;
    crate::ops::call(crate::types::genericalias::GENERIC_ALIAS_TYPE.as_obj_ref(), &[cls, item], None)
}

fn g_name(o: &Obj) -> PyResult {
    Ok(entry(o)?.name.clone())
}

fn g_path(o: &Obj) -> PyResult {
    Ok(entry(o)?.path.clone())
}

fn entry_repr(o: &Obj) -> PyResult {
    Ok(from_string(format!("<DirEntry {}>", crate::ops::repr_string(&entry(o)?.name)?)))
}

static ENTRY_METHODS: &[MethodDef] = &[
    MethodDef::method("is_dir", m_is_dir),
    MethodDef::method("is_file", m_is_file),
    MethodDef::method("is_symlink", m_is_symlink),
    MethodDef::method("stat", m_stat),
    MethodDef::method("inode", m_inode),
    MethodDef::method("__fspath__", m_fspath),
    MethodDef::class("__class_getitem__", m_class_getitem),
];

static ENTRY_GETSETS: &[GetSetDef] = &[GetSetDef::getter("name", g_name), GetSetDef::getter("path", g_path)];

crate::static_type! {
    pub static DIR_ENTRY_TYPE: DirEntryObj = "posix.DirEntry" {
        module: "posix",
        flags: READY,
        methods: ENTRY_METHODS,
        getsets: ENTRY_GETSETS,
        slots: { repr: entry_repr },
    }
}

/// Joins a directory path and an entry name as `os.path.join` would.
fn join(dir: &[u8], name: &[u8]) -> Vec<u8> {
    let mut p = dir.to_vec();
    if !p.is_empty() && !p.ends_with(b"/") {
        p.push(b'/');
    }
    p.extend_from_slice(name);
    p
}

fn new_entry(target: &PathOrFd, raw: RawEntry) -> PyResult {
    let (path_bytes, as_bytes, dir_fd) = match target {
        PathOrFd::Path(p) => (join(p.c.as_bytes(), &raw.name), p.is_bytes, None),
        PathOrFd::Fd(fd) => (raw.name.clone(), false, Some(*fd)),
    };
    let name = path::name_obj(&raw.name, as_bytes);
    let path = path::name_obj(&path_bytes, as_bytes);
    let nul = |_| PyErr::value_error("embedded null byte");
    let e = DirEntryObj {
        ob: Obj::new(&DIR_ENTRY_TYPE.0),
        name,
        path,
        c_name: std::ffi::CString::new(raw.name).map_err(nul)?,
        c_path: std::ffi::CString::new(path_bytes).map_err(nul)?,
        d_type: raw.d_type,
        ino: raw.ino,
        dir_fd,
        stat: PyCell::new(None),
        lstat: PyCell::new(None),
    };
    Ok(crate::object::alloc::alloc_object(&DIR_ENTRY_TYPE, e, 0))
}

// ---- ScandirIterator ----------------------------------------------------

/// (Its `PyPayload` impl is in `sys.rs`.)
#[repr(C)]
pub struct ScandirObj {
    pub ob: Obj,
    target: PathOrFd,
    dir: PyCell<Option<Dir>>,
}

fn scandir_of(o: &Obj) -> PyResult<&ScandirObj> {
    o.downcast::<ScandirObj>().ok_or_else(|| PyErr::type_error("expected a posix.ScandirIterator"))
}

pub fn scandir(a: Args) -> PyResult {
    let [p] = args::parse(a, "scandir", &["path"], 0)?;
    let target = dir_target(p, "scandir")?;
    let dir = open_dir(&target)?;
    let it = ScandirObj { ob: Obj::new(&SCANDIR_TYPE.0), target, dir: PyCell::new(Some(dir)) };
    Ok(crate::object::alloc::alloc_object(&SCANDIR_TYPE, it, 0))
}

fn close_dir(s: &ScandirObj) {
    let old = s.dir.with_mut(|d| d.take());
    drop(old);
}

fn scandir_next(o: &Obj) -> PyResult<Option<PyRef>> {
    let s = scandir_of(o)?;
    loop {
        let r = s.dir.with_mut(|d| d.as_mut().map(|d| d.read()));
        match r {
            None => return Ok(None),
            Some(Ok(Some(raw))) if is_dot(&raw.name) => {}
            Some(Ok(Some(raw))) => return new_entry(&s.target, raw).map(Some),
            Some(Ok(None)) => {
                close_dir(s);
                return Ok(None);
            }
            Some(Err(code)) => {
                close_dir(s);
                return Err(match &s.target {
                    PathOrFd::Path(p) => path_error(code, p),
                    PathOrFd::Fd(_) => errno_error(code),
                });
            }
        }
    }
}

fn self_iter(o: &Obj) -> PyResult {
    Ok(o.to_owned())
}

fn m_close(a: Args) -> PyResult {
    let [s] = args::exact::<1>(a, "close")?;
    close_dir(scandir_of(s)?);
    Ok(none())
}

fn m_enter(a: Args) -> PyResult {
    let [s] = args::exact::<1>(a, "__enter__")?;
    Ok(s.to_owned())
}

fn m_exit(a: Args) -> PyResult {
    if a.nargs == 0 {
        return Err(PyErr::type_error("__exit__ needs self"));
    }
    close_dir(scandir_of(a.all[0])?);
    Ok(none())
}

static SCANDIR_METHODS: &[MethodDef] = &[
    MethodDef::method("close", m_close),
    MethodDef::method("__enter__", m_enter),
    MethodDef::method("__exit__", m_exit),
];

crate::static_type! {
    pub static SCANDIR_TYPE: ScandirObj = "posix.ScandirIterator" {
        module: "posix",
        flags: READY,
        methods: SCANDIR_METHODS,
        slots: { iter: self_iter, iternext: scandir_next },
    }
}

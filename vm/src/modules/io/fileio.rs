//! `FileIO`: raw binary I/O on an operating-system file, kept as a
//! `std::fs::File`. Each read or write is one system call (retried after
//! EINTR once pending signals are handled), as CPython's are.

use std::cell::Cell;
use std::fs::{File, OpenOptions};
use std::io::{Read, Seek, SeekFrom, Write};
use std::os::fd::{AsRawFd, IntoRawFd};
use std::os::unix::fs::{MetadataExt, OpenOptionsExt};
use std::rc::Rc;

use super::iobase::{alloc_io, generic, kind_of, set_kind, wrong_kind, Kind, RAWIOBASE_TYPE};
use super::{copy_into, os_error, size_arg, unsupported, writable_len, DEFAULT_BUFFER_SIZE};
use crate::object::{Obj, PyCell, PyRef};
use crate::ops;
use crate::runtime::{PyErr, PyResult};
use crate::types::bytes::{new_bytes, BytesObj};
use crate::types::bytes_args::buffer_arg;
use crate::types::str::{from_string, StrObj};
use crate::types::typeobj::{Args, GetSetDef, MethodDef, TypeObj};
use crate::types::{int, new_bool, none};
use crate::util::args;

/// The open mode of a FileIO.
#[derive(Clone, Copy, Default, Debug)]
pub struct RawMode {
    pub readable: bool,
    pub writable: bool,
    pub appending: bool,
    pub created: bool,
    pub truncate: bool,
}

impl RawMode {
    /// Parses FileIO's mode ("r", "wb", "a+", "x", ...).
    pub fn parse(mode: &str) -> PyResult<RawMode> {
        let mut m = RawMode::default();
        let (mut rwa, mut plus) = (0, false);
        for c in mode.chars() {
            match c {
                'r' | 'w' | 'a' | 'x' => {
                    if rwa > 0 {
                        return Err(bad_mode());
                    }
                    rwa += 1;
                    match c {
                        'r' => m.readable = true,
                        'w' => {
                            m.writable = true;
                            m.truncate = true;
                        }
                        'a' => {
                            m.writable = true;
                            m.appending = true;
                        }
                        _ => {
                            m.writable = true;
                            m.created = true;
                        }
                    }
                }
                '+' => {
                    if plus {
                        return Err(bad_mode());
                    }
                    plus = true;
                    m.readable = true;
                    m.writable = true;
                }
                'b' => {}
                _ => return Err(PyErr::value_error(format!("invalid mode: {mode}"))),
            }
        }
        if rwa != 1 {
            return Err(bad_mode());
        }
        Ok(m)
    }

    /// The `open(2)` flags of this mode (what an `opener` receives).
    pub fn flags(&self) -> i32 {
        let mut f = if self.readable && self.writable {
            libc::O_RDWR
        } else if self.writable {
            libc::O_WRONLY
        } else {
            libc::O_RDONLY
        };
        if self.created {
            f |= libc::O_EXCL | libc::O_CREAT;
        }
        if self.truncate {
            f |= libc::O_TRUNC | libc::O_CREAT;
        }
        if self.appending {
            f |= libc::O_APPEND | libc::O_CREAT;
        }
        f | libc::O_CLOEXEC
    }
}

#[cold]
fn bad_mode() -> PyErr {
    PyErr::value_error("Must have exactly one of create/read/write/append mode and at most one plus")
}

pub struct FileState {
    file: PyCell<Option<File>>,
    mode: RawMode,
    closefd: bool,
    /// -1 unknown, 0 no, 1 yes.
    seekable: Cell<i8>,
    name: PyCell<Option<PyRef>>,
    blksize: usize,
}

impl Drop for FileState {
    fn drop(&mut self) {
        self.release();
    }
}

#[cold]
fn closed() -> PyErr {
    PyErr::value_error("I/O operation on closed file")
}

/// Runs a system call, retrying after EINTR once signal handlers ran.
fn retry<T>(mut f: impl FnMut() -> std::io::Result<T>) -> PyResult<std::io::Result<T>> {
    loop {
        match f() {
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => crate::modules::signal::check_pending()?,
            r => return Ok(r),
        }
    }
}

impl FileState {
    /// Gives up the descriptor: closed (returned for closing) unless
    /// `closefd` is false, when it is left open.
    fn release(&self) -> Option<File> {
        let f = self.file.take()?;
        if self.closefd {
            Some(f)
        } else {
            let _ = f.into_raw_fd();
            None
        }
    }

    pub fn is_closed(&self) -> bool {
        self.file.with(|f| f.is_none())
    }

    fn with_file<T>(&self, f: impl FnOnce(&File) -> T) -> PyResult<T> {
        self.file.with(|file| file.as_ref().map(f)).ok_or_else(closed)
    }

    fn check_readable(&self) -> PyResult<()> {
        if self.is_closed() {
            return Err(closed());
        }
        if !self.mode.readable {
            return Err(unsupported("File not open for reading"));
        }
        Ok(())
    }

    fn check_writable(&self) -> PyResult<()> {
        if self.is_closed() {
            return Err(closed());
        }
        if !self.mode.writable {
            return Err(unsupported("File not open for writing"));
        }
        Ok(())
    }

    /// One read of up to `n` bytes; None if the descriptor is non-blocking
    /// and has no data.
    pub fn read(&self, n: usize) -> PyResult<Option<Vec<u8>>> {
        self.check_readable()?;
        let mut buf = vec![0u8; n];
        let r = retry(|| self.with_file(|mut f| f.read(&mut buf)).unwrap_or(Ok(0)))?;
        match r {
            Ok(k) => {
                buf.truncate(k);
                Ok(Some(buf))
            }
            Err(e) if e.kind() == std::io::ErrorKind::WouldBlock => Ok(None),
            Err(e) => Err(os_error(&e, None)),
        }
    }

    /// Everything up to end of file.
    pub fn readall(&self) -> PyResult<Option<Vec<u8>>> {
        self.check_readable()?;
        let hint = self.with_file(|f| {
            let size = f.metadata().map(|m| m.len()).unwrap_or(0);
            let pos = (&*f).stream_position().unwrap_or(size);
            size.saturating_sub(pos) as usize
        })?;
        let mut out = Vec::with_capacity(hint.saturating_add(1).min(1 << 30));
        let mut chunk = vec![0u8; (hint + 1).clamp(DEFAULT_BUFFER_SIZE, 1 << 20)];
        loop {
            let r = retry(|| self.with_file(|mut f| f.read(&mut chunk)).unwrap_or(Ok(0)))?;
            match r {
                Ok(0) => return Ok(Some(out)),
                Ok(k) => out.extend_from_slice(&chunk[..k]),
                Err(e) if e.kind() == std::io::ErrorKind::WouldBlock => {
                    return Ok(if out.is_empty() { None } else { Some(out) })
                }
                Err(e) => return Err(os_error(&e, None)),
            }
        }
    }

    /// One write; None if the descriptor is non-blocking and full.
    pub fn write(&self, data: &[u8]) -> PyResult<Option<usize>> {
        self.check_writable()?;
        let r = retry(|| self.with_file(|mut f| f.write(data)).unwrap_or(Ok(0)))?;
        match r {
            Ok(k) => Ok(Some(k)),
            Err(e) if e.kind() == std::io::ErrorKind::WouldBlock => Ok(None),
            Err(e) => Err(os_error(&e, None)),
        }
    }

    pub fn seek(&self, pos: i64, whence: i64) -> PyResult<u64> {
        let to = match whence {
            0 if pos < 0 => return Err(os_error(&std::io::Error::from_raw_os_error(libc::EINVAL), None)),
            0 => SeekFrom::Start(pos as u64),
            1 => SeekFrom::Current(pos),
            2 => SeekFrom::End(pos),
            _ => return Err(os_error(&std::io::Error::from_raw_os_error(libc::EINVAL), None)),
        };
        self.with_file(|mut f| f.seek(to))?.map_err(|e| os_error(&e, None))
    }

    pub fn tell(&self) -> PyResult<u64> {
        self.seek(0, 1)
    }

    pub fn seekable(&self) -> PyResult<bool> {
        if self.is_closed() {
            return Err(closed());
        }
        if self.seekable.get() < 0 {
            let ok = self.with_file(|mut f| f.stream_position().is_ok())?;
            self.seekable.set(i8::from(ok));
        }
        Ok(self.seekable.get() == 1)
    }

    pub fn truncate(&self, size: Option<u64>) -> PyResult<u64> {
        self.check_writable()?;
        let size = match size {
            Some(s) => s,
            None => self.tell()?,
        };
        self.with_file(|f| f.set_len(size))?.map_err(|e| os_error(&e, None))?;
        Ok(size)
    }

    pub fn fileno(&self) -> PyResult<i32> {
        self.with_file(|f| f.as_raw_fd())
    }

    pub fn isatty(&self) -> PyResult<bool> {
        use std::io::IsTerminal;
        self.with_file(|f| f.is_terminal())
    }

    pub fn close(&self) -> PyResult<()> {
        drop(self.release());
        Ok(())
    }

    pub fn mode_string(&self) -> &'static str {
        let m = self.mode;
        match (m.created, m.appending, m.readable, m.writable) {
            (true, _, true, _) => "xb+",
            (true, _, false, _) => "xb",
            (_, true, true, _) => "ab+",
            (_, true, false, _) => "ab",
            (_, _, true, true) => "rb+",
            (_, _, true, false) => "rb",
            _ => "wb",
        }
    }

    pub fn blksize(&self) -> usize {
        self.blksize
    }
}

/// The state of an exact or subclassed FileIO.
pub fn file_state(o: &Obj) -> Option<Rc<FileState>> {
    match kind_of(o) {
        Kind::File(s) => Some(s),
        _ => None,
    }
}

fn st(o: &Obj) -> PyResult<Rc<FileState>> {
    file_state(o).ok_or_else(|| wrong_kind(o, "FileIO"))
}

/// `os.fspath`-like conversion of a file name: str and bytes as they are,
/// else `__fspath__`.
pub fn fspath(o: &Obj) -> PyResult<PyRef> {
    if o.isa::<StrObj>() || o.isa::<BytesObj>() {
        return Ok(o.to_owned());
    }
    if let Some(f) = ops::lookup_special(o, "__fspath__")? {
        let r = ops::call0(&f)?;
        if r.isa::<StrObj>() || r.isa::<BytesObj>() {
            return Ok(r);
        }
        return Err(PyErr::type_error(format!(
            "expected {}.__fspath__() to return str or bytes, not {}",
            o.class().name(),
            r.class().name()
        )));
    }
    Err(PyErr::type_error(format!("expected str, bytes or os.PathLike object, not {}", o.class().name())))
}

fn path_of(name: &Obj) -> PyResult<std::path::PathBuf> {
    use std::os::unix::ffi::OsStrExt;
    let bytes: Vec<u8> = match name.downcast::<StrObj>() {
        Some(s) => s.as_str().as_bytes().to_vec(),
        None => name.downcast::<BytesObj>().map(|b| b.as_bytes().to_vec()).unwrap_or_default(),
    };
    if bytes.contains(&0) {
        return Err(PyErr::value_error("embedded null byte"));
    }
    Ok(std::path::PathBuf::from(std::ffi::OsStr::from_bytes(&bytes)))
}

/// Opens a FileIO of type `t`. `file` is a descriptor number or a path
/// (str, bytes or path-like).
pub fn open_raw(t: &TypeObj, file: &Obj, mode: &str, closefd: bool, opener: Option<&Obj>) -> PyResult<PyRef> {
    let state = open_state(file, mode, closefd, opener)?;
    Ok(alloc_io(t, Kind::File(Rc::new(state))))
}

fn open_state(file: &Obj, mode: &str, closefd: bool, opener: Option<&Obj>) -> PyResult<FileState> {
    let m = RawMode::parse(mode)?;
    let is_fd = file.isa::<int::IntObj>();
    if file.isa::<crate::types::float::FloatObj>() {
        return Err(PyErr::type_error("integer argument expected, got float"));
    }
    let (f, name) = if is_fd {
        let fd = int::expect_i64(file, "int")?;
        if fd < 0 {
            return Err(PyErr::value_error("negative file descriptor"));
        }
        let f = super::sys::adopt_fd(fd as i32).map_err(|e| os_error(&e, None))?;
        (f, file.to_owned())
    } else {
        if !closefd {
            return Err(PyErr::value_error("Cannot use closefd=False with file name"));
        }
        let name = fspath(file)?;
        let path = path_of(&name)?;
        let f = match opener.filter(|o| !o.is_none()) {
            Some(op) => {
                let fd = ops::call2(op, &name, &int::new_int(m.flags() as i64))?;
                let fd = int::expect_i64(&fd, "int")?;
                if fd < 0 {
                    return Err(PyErr::value_error(format!("opener returned {fd}")));
                }
                super::sys::adopt_fd(fd as i32).map_err(|e| os_error(&e, Some(&name)))?
            }
            None => {
                let mut o = OpenOptions::new();
                o.read(m.readable).write(m.writable && !m.appending).append(m.appending);
                if m.created {
                    o.create_new(true);
                } else if m.truncate {
                    o.create(true).truncate(true);
                } else if m.appending {
                    o.create(true);
                }
                o.custom_flags(libc::O_CLOEXEC);
                let r = retry(|| o.open(&path))?;
                r.map_err(|e| os_error(&e, Some(&name)))?
            }
        };
        (f, name)
    };
    let meta = f.metadata().map_err(|e| os_error(&e, Some(&name)))?;
    if meta.is_dir() {
        return Err(os_error(&std::io::Error::from_raw_os_error(libc::EISDIR), Some(&name)));
    }
    let blksize = match meta.blksize() {
        b if b > 1 => b as usize,
        _ => DEFAULT_BUFFER_SIZE,
    };
    let state = FileState {
        file: PyCell::new(Some(f)),
        mode: m,
        closefd,
        seekable: Cell::new(-1),
        name: PyCell::new(Some(name)),
        blksize,
    };
    if m.appending {
        // Appending starts at the end, where tell() reports it.
        let _ = state.seek(0, 2);
    }
    Ok(state)
}

fn fileio_new(t: &TypeObj, _a: Args) -> PyResult {
    Ok(alloc_io(t, Kind::Base))
}

fn fileio_init(o: &Obj, a: Args) -> PyResult<()> {
    let [file, mode, closefd, opener] = args::parse(a, "FileIO", &["file", "mode", "closefd", "opener"], 1)?;
    let mode = match mode {
        Some(m) => match m.downcast::<StrObj>() {
            Some(s) => s.as_str().to_string(),
            None => {
                return Err(PyErr::type_error(format!(
                    "FileIO() argument 'mode' must be str, not {}",
                    m.class().name()
                )))
            }
        },
        None => "r".to_string(),
    };
    let closefd = match closefd {
        Some(c) => ops::is_true(c)?,
        None => true,
    };
    if let Some(old) = file_state(o) {
        old.close()?;
    }
    let state = open_state(file.unwrap_or(crate::types::none_ref()), &mode, closefd, opener)?;
    set_kind(o, Kind::File(Rc::new(state)));
    Ok(())
}

fn m_read(a: Args) -> PyResult {
    let [s, size] = args::parse(a, "read", &["self", "size", "/"], 1)?;
    let st = st(s.unwrap_or(crate::types::none_ref()))?;
    let r = match size_arg(size)? {
        None => st.readall()?,
        Some(n) => st.read(n)?,
    };
    Ok(r.map_or_else(none, |d| new_bytes(&d)))
}

fn m_readall(a: Args) -> PyResult {
    let [s] = args::exact::<1>(a, "readall")?;
    Ok(st(s)?.readall()?.map_or_else(none, |d| new_bytes(&d)))
}

fn m_readinto(a: Args) -> PyResult {
    let [s, b] = args::exact::<2>(a, "readinto")?;
    let st = st(s)?;
    st.check_readable()?;
    let n = writable_len(b, "readinto")?;
    match st.read(n)? {
        None => Ok(none()),
        Some(d) => Ok(int::from_usize(copy_into(b, &d)?)),
    }
}

fn m_write(a: Args) -> PyResult {
    let [s, b] = args::exact::<2>(a, "write")?;
    let st = st(s)?;
    st.check_writable()?;
    let data = buffer_arg(b)?;
    Ok(st.write(&data)?.map_or_else(none, int::from_usize))
}

fn m_seek(a: Args) -> PyResult {
    let [s, pos, whence] = args::parse(a, "seek", &["self", "pos", "whence", "/"], 2)?;
    let st = st(s.unwrap_or(crate::types::none_ref()))?;
    let pos = pos.unwrap_or(crate::types::none_ref());
    if pos.isa::<crate::types::float::FloatObj>() {
        return Err(PyErr::type_error("an integer is required"));
    }
    let pos = int::expect_i64(pos, "off_t")?;
    let whence = match whence {
        Some(w) => int::expect_i64(w, "int")?,
        None => 0,
    };
    if st.is_closed() {
        return Err(closed());
    }
    Ok(int::new_int(st.seek(pos, whence)? as i64))
}

fn m_tell(a: Args) -> PyResult {
    let [s] = args::exact::<1>(a, "tell")?;
    Ok(int::new_int(st(s)?.tell()? as i64))
}

fn m_truncate(a: Args) -> PyResult {
    let [s, size] = args::parse(a, "truncate", &["self", "size", "/"], 1)?;
    let st = st(s.unwrap_or(crate::types::none_ref()))?;
    let size = match size {
        Some(v) if !v.is_none() => {
            let n = int::expect_i64(v, "off_t")?;
            if n < 0 {
                return Err(os_error(&std::io::Error::from_raw_os_error(libc::EINVAL), None));
            }
            Some(n as u64)
        }
        _ => None,
    };
    Ok(int::new_int(st.truncate(size)? as i64))
}

fn m_close(a: Args) -> PyResult {
    let [s] = args::exact::<1>(a, "close")?;
    st(s)?.close()?;
    Ok(none())
}

fn m_seekable(a: Args) -> PyResult {
    let [s] = args::exact::<1>(a, "seekable")?;
    Ok(new_bool(st(s)?.seekable()?))
}

fn m_readable(a: Args) -> PyResult {
    let [s] = args::exact::<1>(a, "readable")?;
    let st = st(s)?;
    if st.is_closed() {
        return Err(closed());
    }
    Ok(new_bool(st.mode.readable))
}

fn m_writable(a: Args) -> PyResult {
    let [s] = args::exact::<1>(a, "writable")?;
    let st = st(s)?;
    if st.is_closed() {
        return Err(closed());
    }
    Ok(new_bool(st.mode.writable))
}

fn m_fileno(a: Args) -> PyResult {
    let [s] = args::exact::<1>(a, "fileno")?;
    Ok(int::new_int(st(s)?.fileno()? as i64))
}

fn m_isatty(a: Args) -> PyResult {
    let [s] = args::exact::<1>(a, "isatty")?;
    Ok(new_bool(st(s)?.isatty()?))
}

fn g_closed(o: &Obj) -> PyResult {
    Ok(new_bool(st(o)?.is_closed()))
}
fn g_closefd(o: &Obj) -> PyResult {
    Ok(new_bool(st(o)?.closefd))
}
fn g_mode(o: &Obj) -> PyResult {
    Ok(crate::types::str::intern(st(o)?.mode_string()))
}
fn g_name(o: &Obj) -> PyResult {
    st(o)?.name.get_clone().ok_or_else(|| PyErr::no_attribute(o, "name"))
}
fn s_name(o: &Obj, v: Option<&Obj>) -> PyResult<()> {
    let old = st(o)?.name.replace(v.map(|v| v.to_owned()));
    drop(old);
    Ok(())
}
fn g_blksize(o: &Obj) -> PyResult {
    Ok(int::from_usize(st(o)?.blksize))
}

fn fileio_repr(o: &Obj) -> PyResult {
    let t = o.class().name();
    let s = st(o)?;
    if s.is_closed() {
        return Ok(from_string(format!("<{t} [closed]>")));
    }
    let name = match s.name.get_clone() {
        Some(n) => crate::ops::repr_string(&n)?,
        None => {
            return Ok(from_string(format!(
                "<{t} fd={} mode='{}' closefd={}>",
                s.fileno()?,
                s.mode_string(),
                if s.closefd { "True" } else { "False" }
            )))
        }
    };
    Ok(from_string(format!(
        "<{t} name={name} mode='{}' closefd={}>",
        s.mode_string(),
        if s.closefd { "True" } else { "False" }
    )))
}

static METHODS: &[MethodDef] = &[
    MethodDef::method("read", m_read),
    MethodDef::method("readall", m_readall),
    MethodDef::method("readinto", m_readinto),
    MethodDef::method("write", m_write),
    MethodDef::method("seek", m_seek),
    MethodDef::method("tell", m_tell),
    MethodDef::method("truncate", m_truncate),
    MethodDef::method("close", m_close),
    MethodDef::method("seekable", m_seekable),
    MethodDef::method("readable", m_readable),
    MethodDef::method("writable", m_writable),
    MethodDef::method("fileno", m_fileno),
    MethodDef::method("isatty", m_isatty),
];

static GETSETS: &[GetSetDef] = &[
    GetSetDef::getter("closed", g_closed),
    GetSetDef::getter("closefd", g_closefd),
    GetSetDef::getter("mode", g_mode),
    GetSetDef::getset("name", g_name, s_name),
    GetSetDef::getter("_blksize", g_blksize),
];

crate::static_type! {
    pub static FILEIO_TYPE: super::iobase::IoObj = "_io.FileIO" {
        module: "_io",
        flags: BASETYPE | HAVE_GC | WEAKREFABLE,
        base: RAWIOBASE_TYPE,
        doc: "Open a file.",
        methods: METHODS,
        getsets: GETSETS,
        slots: {
            new: fileio_new, init: fileio_init, repr: fileio_repr,
            traverse: generic::traverse, clear: generic::clear, finalize: generic::finalize,
        },
    }
}

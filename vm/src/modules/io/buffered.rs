//! `BufferedReader`, `BufferedWriter` and `BufferedRandom`: a byte buffer
//! over a raw stream. The raw stream is called through its Python methods
//! (`readinto`, `write`, `seek`, ...), or directly when it is an exact
//! FileIO.
//!
//! **Invariant:** the raw stream's position is the end of the read buffer
//! (unread bytes were read ahead), or the start of the write buffer (those
//! bytes are not written yet); a BufferedRandom has at most one of the two
//! non-empty, moving the raw position back over read-ahead before writing.

use std::cell::Cell;
use std::rc::Rc;

use super::fileio::{file_state, FileState, FILEIO_TYPE};
use super::iobase::{alloc_io, generic, kind_of, set_kind, Kind, BUFFEREDIOBASE_TYPE};
use super::{copy_into, size_arg, unsupported, writable_len, DEFAULT_BUFFER_SIZE};
use crate::object::{Obj, PyCell, PyRef};
use crate::ops;
use crate::runtime::{PyErr, PyResult};
use crate::types::bytes::{new_bytes, BytesObj};
use crate::types::bytes_args::buffer_arg;
use crate::types::exceptions;
use crate::types::str::from_string;
use crate::types::typeobj::{Args, GetSetDef, MethodDef, TypeObj};
use crate::types::{int, new_bool, none};
use crate::util::args;

pub struct BufState {
    raw: PyCell<Option<PyRef>>,
    readable: bool,
    writable: bool,
    size: usize,
    rbuf: PyCell<Vec<u8>>,
    rpos: Cell<usize>,
    wbuf: PyCell<Vec<u8>>,
}

#[cold]
fn detached() -> PyErr {
    PyErr::value_error("raw stream has been detached")
}

fn os_err(msg: String) -> PyErr {
    PyErr::new(&exceptions::OS_ERROR, msg)
}

/// The raw stream's state when it is an exact FileIO (direct calls).
fn fast(raw: &Obj) -> Option<Rc<FileState>> {
    if raw.class().is(&FILEIO_TYPE) {
        file_state(raw)
    } else {
        None
    }
}

/// One raw read of up to `n` bytes (None: no data without blocking).
pub fn raw_read(raw: &Obj, n: usize) -> PyResult<Option<Vec<u8>>> {
    if let Some(f) = fast(raw) {
        return f.read(n);
    }
    let ba = crate::types::bytearray::new_bytearray(vec![0; n]);
    let r = ops::call_method(raw, "readinto", &[&ba])?;
    if r.is_none() {
        return Ok(None);
    }
    let k = int::expect_i64(&r, "ssize_t")?;
    if k < 0 || k as usize > n {
        return Err(os_err(format!("raw readinto() returned invalid length {k} (should have been between 0 and {n})")));
    }
    let mut data = crate::types::bytearray::bytearray_data(&ba).unwrap_or_default();
    data.truncate(k as usize);
    Ok(Some(data))
}

fn raw_readall(raw: &Obj) -> PyResult<Option<Vec<u8>>> {
    if let Some(f) = fast(raw) {
        return f.readall();
    }
    if let Some(m) = ops::lookup_attr(raw, "readall")? {
        let r = ops::call0(&m)?;
        if r.is_none() {
            return Ok(None);
        }
        let Some(b) = r.downcast::<BytesObj>() else {
            return Err(PyErr::type_error("readall() should return bytes"));
        };
        return Ok(Some(b.as_bytes().to_vec()));
    }
    let mut out = Vec::new();
    loop {
        match raw_read(raw, DEFAULT_BUFFER_SIZE)? {
            None if out.is_empty() => return Ok(None),
            None => return Ok(Some(out)),
            Some(c) if c.is_empty() => return Ok(Some(out)),
            Some(c) => out.extend_from_slice(&c),
        }
    }
}

fn raw_write(raw: &Obj, data: &[u8]) -> PyResult<Option<usize>> {
    if let Some(f) = fast(raw) {
        return f.write(data);
    }
    let r = ops::call_method(raw, "write", &[&new_bytes(data)])?;
    if r.is_none() {
        return Ok(None);
    }
    let k = int::expect_i64(&r, "ssize_t")?;
    if k < 0 || k as usize > data.len() {
        return Err(os_err(format!(
            "raw write() returned invalid length {k} (should have been between 0 and {})",
            data.len()
        )));
    }
    Ok(Some(k as usize))
}

fn raw_seek(raw: &Obj, pos: i64, whence: i64) -> PyResult<i64> {
    if let Some(f) = fast(raw) {
        return Ok(f.seek(pos, whence)? as i64);
    }
    let r = ops::call_method(raw, "seek", &[&int::new_int(pos), &int::new_int(whence)])?;
    let p = int::expect_i64(&r, "off_t")?;
    if p < 0 {
        return Err(os_err(format!("Raw stream returned invalid position {p}")));
    }
    Ok(p)
}

fn raw_tell(raw: &Obj) -> PyResult<i64> {
    if let Some(f) = fast(raw) {
        return Ok(f.tell()? as i64);
    }
    let p = int::expect_i64(&*ops::call_method(raw, "tell", &[])?, "off_t")?;
    if p < 0 {
        return Err(os_err(format!("Raw stream returned invalid position {p}")));
    }
    Ok(p)
}

pub fn raw_closed(raw: &Obj) -> PyResult<bool> {
    if let Some(f) = fast(raw) {
        return Ok(f.is_closed());
    }
    ops::is_true(&*ops::getattr_str(raw, "closed")?)
}

impl BufState {
    pub fn traverse(&self, visit: &mut dyn FnMut(&Obj)) {
        self.raw.with(|r| {
            if let Some(r) = r {
                visit(r)
            }
        });
    }

    /// Writes out the write buffer (at exit; errors ignored).
    pub fn flush_for_exit(&self) {
        if let Ok(raw) = self.raw() {
            if let Ok(false) = raw_closed(&raw) {
                let _ = self.flush_writes(&raw);
            }
        }
    }

    pub fn raw(&self) -> PyResult<PyRef> {
        self.raw.get_clone().ok_or_else(detached)
    }

    fn check_closed(&self, msg: &str) -> PyResult<PyRef> {
        let raw = self.raw()?;
        if raw_closed(&raw)? {
            return Err(PyErr::value_error(msg));
        }
        Ok(raw)
    }

    fn unread(&self) -> usize {
        self.rbuf.with(|b| b.len()) - self.rpos.get()
    }

    /// Takes up to `n` buffered bytes (all with None).
    fn take(&self, n: Option<usize>) -> Vec<u8> {
        let pos = self.rpos.get();
        let out = self.rbuf.with(|b| {
            let end = n.map_or(b.len(), |n| pos.saturating_add(n).min(b.len()));
            b[pos..end].to_vec()
        });
        self.rpos.set(pos + out.len());
        out
    }

    fn set_read_buffer(&self, data: Vec<u8>) {
        self.rbuf.replace(data);
        self.rpos.set(0);
    }

    /// Writes out the write buffer.
    fn flush_writes(&self, raw: &Obj) -> PyResult<()> {
        let data = self.wbuf.take();
        let mut done = 0;
        while done < data.len() {
            let mut r = raw_write(raw, &data[done..]);
            if let Ok(Some(k)) = r {
                if done + k < data.len() {
                    // A partial write may mean a signal arrived: its handler
                    // runs before the next write blocks, possibly for ever.
                    if let Err(e) = crate::modules::signal::check_pending() {
                        done += k;
                        r = Err(e);
                    }
                }
            }
            match r {
                Ok(Some(k)) => done += k,
                Ok(None) | Err(_) => {
                    self.wbuf.with_mut(|w| {
                        let mut rest = data[done..].to_vec();
                        rest.append(w);
                        *w = rest;
                    });
                    return match r {
                        Err(e) => Err(e),
                        _ => Err(PyErr::from_exc(exceptions::new_exception(
                            &exceptions::BLOCKING_IO_ERROR,
                            vec![
                                int::new_int(libc::EAGAIN as i64),
                                from_string("write could not complete without blocking".into()),
                                int::from_usize(0),
                            ],
                        ))),
                    };
                }
            }
        }
        Ok(())
    }

    /// Moves the raw position back over read-ahead (before writing or seeking).
    fn drop_read_ahead(&self, raw: &Obj) -> PyResult<()> {
        let n = self.unread();
        if n > 0 {
            raw_seek(raw, -(n as i64), 1)?;
        }
        self.set_read_buffer(Vec::new());
        Ok(())
    }

    pub fn read(&self, n: Option<usize>) -> PyResult<Option<Vec<u8>>> {
        let raw = self.check_closed("read of closed file")?;
        if self.writable {
            self.flush_writes(&raw)?;
        }
        let Some(n) = n else {
            let mut out = self.take(None);
            match raw_readall(&raw)? {
                None if out.is_empty() => return Ok(None),
                None => {}
                Some(rest) => out.extend_from_slice(&rest),
            }
            return Ok(Some(out));
        };
        let mut out = self.take(Some(n));
        while out.len() < n {
            let need = n - out.len();
            match raw_read(&raw, need.max(self.size))? {
                None if out.is_empty() => return Ok(None),
                None => break,
                Some(c) if c.is_empty() => break,
                Some(mut c) => {
                    if c.len() > need {
                        let rest = c.split_off(need);
                        self.set_read_buffer(rest);
                    }
                    out.extend_from_slice(&c);
                }
            }
        }
        Ok(Some(out))
    }

    pub fn read1(&self, n: Option<usize>) -> PyResult<Vec<u8>> {
        let raw = self.check_closed("read of closed file")?;
        let n = n.unwrap_or(self.size);
        if n == 0 {
            return Ok(Vec::new());
        }
        if self.unread() > 0 {
            return Ok(self.take(Some(n)));
        }
        if self.writable {
            self.flush_writes(&raw)?;
        }
        let mut c = raw_read(&raw, n.max(self.size))?.unwrap_or_default();
        if c.len() > n {
            let rest = c.split_off(n);
            self.set_read_buffer(rest);
        }
        Ok(c)
    }

    fn peek(&self) -> PyResult<Vec<u8>> {
        let raw = self.check_closed("peek of closed file")?;
        if self.writable {
            self.flush_writes(&raw)?;
        }
        if self.unread() == 0 {
            let c = raw_read(&raw, self.size)?.unwrap_or_default();
            self.set_read_buffer(c);
        }
        let pos = self.rpos.get();
        Ok(self.rbuf.with(|b| b[pos..].to_vec()))
    }

    pub fn readline(&self, limit: Option<usize>) -> PyResult<Vec<u8>> {
        let raw = self.check_closed("readline of closed file")?;
        if self.writable {
            self.flush_writes(&raw)?;
        }
        let mut out = Vec::new();
        loop {
            let room = limit.map_or(usize::MAX, |l| l - out.len());
            let pos = self.rpos.get();
            let (took, found) = self.rbuf.with(|b| {
                let rest = &b[pos..];
                let rest = &rest[..rest.len().min(room)];
                match memchr::memchr(b'\n', rest) {
                    Some(i) => {
                        out.extend_from_slice(&rest[..=i]);
                        (i + 1, true)
                    }
                    None => {
                        out.extend_from_slice(rest);
                        (rest.len(), false)
                    }
                }
            });
            self.rpos.set(pos + took);
            if found || limit.is_some_and(|l| out.len() >= l) {
                return Ok(out);
            }
            match raw_read(&raw, self.size)? {
                Some(c) if !c.is_empty() => self.set_read_buffer(c),
                _ => return Ok(out),
            }
        }
    }

    pub fn write(&self, data: &[u8]) -> PyResult<usize> {
        let raw = self.raw()?;
        if raw_closed(&raw)? {
            return Err(PyErr::value_error("write to closed file"));
        }
        if self.readable {
            self.drop_read_ahead(&raw)?;
        }
        let full = self.wbuf.with_mut(|w| {
            w.extend_from_slice(data);
            w.len() >= self.size
        });
        if full {
            self.flush_writes(&raw)?;
        }
        Ok(data.len())
    }

    pub fn flush(&self) -> PyResult<()> {
        let raw = self.check_closed("flush of closed file")?;
        if self.writable {
            self.flush_writes(&raw)?;
            if self.readable {
                self.drop_read_ahead(&raw)?;
            }
        }
        Ok(())
    }

    fn seek(&self, pos: i64, whence: i64) -> PyResult<i64> {
        if !(0..=2).contains(&whence) {
            return Err(PyErr::value_error(format!("whence value {whence} unsupported")));
        }
        let raw = self.check_closed("seek of closed file")?;
        if self.writable {
            self.flush_writes(&raw)?;
        }
        let pos = if whence == 1 { pos - self.unread() as i64 } else { pos };
        let r = raw_seek(&raw, pos, whence)?;
        self.set_read_buffer(Vec::new());
        Ok(r)
    }

    pub fn tell(&self) -> PyResult<i64> {
        let raw = self.raw()?;
        let p = raw_tell(&raw)? - self.unread() as i64 + self.wbuf.with(|w| w.len()) as i64;
        Ok(p.max(0))
    }

    fn close(&self, this: &Obj) -> PyResult<()> {
        let raw = self.raw()?;
        if raw_closed(&raw)? {
            return Ok(());
        }
        let flushed = ops::call_method(this, "flush", &[]);
        let closed = ops::call_method(&raw, "close", &[]);
        self.set_read_buffer(Vec::new());
        match (flushed, closed) {
            (Ok(_), Ok(_)) => Ok(()),
            (Err(e), Ok(_)) => Err(e),
            (Ok(_), Err(e)) => Err(e),
            (Err(first), Err(second)) => {
                if let Some(x) = second.exc().downcast::<exceptions::ExceptionObj>() {
                    x.set_context(Some(first.into_exc()));
                }
                Err(second)
            }
        }
    }
}

fn st(o: &Obj) -> PyResult<Rc<BufState>> {
    match kind_of(o) {
        Kind::Buffered(s) => Ok(s),
        _ => Err(PyErr::value_error("I/O operation on uninitialized object")),
    }
}

/// The buffered state of `o` if it is one of Ember's buffered objects.
pub fn buf_state(o: &Obj) -> Option<Rc<BufState>> {
    match kind_of(o) {
        Kind::Buffered(s) => Some(s),
        _ => None,
    }
}

fn checked(raw: &Obj, method: &str, msg: &str) -> PyResult<()> {
    let r = ops::call_method(raw, method, &[])?;
    if !ops::is_true(&r)? {
        return Err(unsupported(msg));
    }
    Ok(())
}

/// Makes the buffered state over `raw` (checking that it can do what the
/// class needs).
pub fn new_state(raw: &Obj, readable: bool, writable: bool, size: Option<&Obj>) -> PyResult<BufState> {
    if readable && writable {
        checked(raw, "seekable", "File or stream is not seekable.")?;
    }
    if readable {
        checked(raw, "readable", "File or stream is not readable.")?;
    }
    if writable {
        checked(raw, "writable", "File or stream is not writable.")?;
    }
    let size = match size {
        Some(s) => int::expect_i64(s, "ssize_t")?,
        None => DEFAULT_BUFFER_SIZE as i64,
    };
    if size <= 0 {
        return Err(PyErr::value_error("buffer size must be strictly positive"));
    }
    Ok(BufState {
        raw: PyCell::new(Some(raw.to_owned())),
        readable,
        writable,
        size: size as usize,
        rbuf: PyCell::new(Vec::new()),
        rpos: Cell::new(0),
        wbuf: PyCell::new(Vec::new()),
    })
}

/// A new buffered object of type `t` over `raw`.
pub fn new_buffered(t: &TypeObj, raw: &Obj, size: usize) -> PyResult<PyRef> {
    let (r, w) = rw_of(t);
    let state = new_state(raw, r, w, Some(&int::from_usize(size)))?;
    Ok(alloc_io(t, Kind::Buffered(shared(state))))
}

/// The state behind an `Rc`, registered for the exit flush if writable.
fn shared(state: BufState) -> Rc<BufState> {
    let rc = Rc::new(state);
    if rc.writable {
        super::register_buffered(&rc);
    }
    rc
}

fn rw_of(t: &TypeObj) -> (bool, bool) {
    if t.is_subtype(&BUFFERED_RANDOM_TYPE) {
        (true, true)
    } else if t.is_subtype(&BUFFERED_WRITER_TYPE) {
        (false, true)
    } else {
        (true, false)
    }
}

fn buffered_new(t: &TypeObj, _a: Args) -> PyResult {
    Ok(alloc_io(t, Kind::Base))
}

fn buffered_init(o: &Obj, a: Args) -> PyResult<()> {
    let name = o.class().with_name(|n| n.rsplit('.').next().unwrap_or(n).to_string());
    let [raw, size] = args::parse(a, &name, &["raw", "buffer_size"], 1)?;
    let (r, w) = rw_of(o.class());
    let state = new_state(raw.unwrap_or(crate::types::none_ref()), r, w, size)?;
    set_kind(o, Kind::Buffered(shared(state)));
    Ok(())
}

fn m_read(a: Args) -> PyResult {
    let [s, size] = args::parse(a, "read", &["self", "size", "/"], 1)?;
    let st = st(s.unwrap_or(crate::types::none_ref()))?;
    if let Some(n) = size.filter(|n| !n.is_none()) {
        if int::index_of(n).ok().flatten().is_some_and(|n| n < -1) {
            return Err(PyErr::value_error("read length must be non-negative or -1"));
        }
    }
    Ok(st.read(size_arg(size)?)?.map_or_else(none, |d| new_bytes(&d)))
}

fn m_read1(a: Args) -> PyResult {
    let [s, size] = args::parse(a, "read1", &["self", "size", "/"], 1)?;
    let st = st(s.unwrap_or(crate::types::none_ref()))?;
    Ok(new_bytes(&st.read1(size_arg(size)?)?))
}

fn m_peek(a: Args) -> PyResult {
    let [s, _size] = args::parse(a, "peek", &["self", "size", "/"], 1)?;
    Ok(new_bytes(&st(s.unwrap_or(crate::types::none_ref()))?.peek()?))
}

fn readinto_common(a: Args, name: &str, one: bool) -> PyResult {
    let [s, b] = args::exact::<2>(a, name)?;
    let st = st(s)?;
    let n = writable_len(b, name)?;
    let data = if one { st.read1(Some(n))? } else { st.read(Some(n))?.unwrap_or_default() };
    Ok(int::from_usize(copy_into(b, &data)?))
}

fn m_readinto(a: Args) -> PyResult {
    readinto_common(a, "readinto", false)
}

fn m_readinto1(a: Args) -> PyResult {
    readinto_common(a, "readinto1", true)
}

fn m_readline(a: Args) -> PyResult {
    let [s, size] = args::parse(a, "readline", &["self", "size", "/"], 1)?;
    let st = st(s.unwrap_or(crate::types::none_ref()))?;
    Ok(new_bytes(&st.readline(size_arg(size)?)?))
}

fn m_write(a: Args) -> PyResult {
    let [s, b] = args::exact::<2>(a, "write")?;
    let st = st(s)?;
    let data = buffer_arg(b)?;
    Ok(int::from_usize(st.write(&data)?))
}

fn m_flush(a: Args) -> PyResult {
    let [s] = args::exact::<1>(a, "flush")?;
    let st = st(s)?;
    if !st.writable {
        // A reader's flush is its raw stream's.
        return ops::call_method(&*st.raw()?, "flush", &[]);
    }
    st.flush()?;
    Ok(none())
}

fn m_seek(a: Args) -> PyResult {
    let [s, pos, whence] = args::parse(a, "seek", &["self", "target", "whence", "/"], 2)?;
    let st = st(s.unwrap_or(crate::types::none_ref()))?;
    let pos = pos.unwrap_or(crate::types::none_ref());
    if !pos.isa::<int::IntObj>() && crate::ops::index_opt(pos)?.is_none() {
        return Err(PyErr::type_error(format!("'{}' object cannot be interpreted as an integer", pos.class().name())));
    }
    let pos = int::expect_i64(pos, "off_t")?;
    let whence = match whence {
        Some(w) => int::expect_i64(w, "int")?,
        None => 0,
    };
    Ok(int::new_int(st.seek(pos, whence)?))
}

fn m_tell(a: Args) -> PyResult {
    let [s] = args::exact::<1>(a, "tell")?;
    Ok(int::new_int(st(s)?.tell()?))
}

fn m_truncate(a: Args) -> PyResult {
    let [s, pos] = args::parse(a, "truncate", &["self", "pos", "/"], 1)?;
    let st = st(s.unwrap_or(crate::types::none_ref()))?;
    let raw = st.check_closed("truncate of closed file")?;
    if !st.writable {
        return Err(unsupported("truncate"));
    }
    st.flush_writes(&raw)?;
    if st.readable {
        st.drop_read_ahead(&raw)?;
    }
    let pos = match pos {
        Some(p) if !p.is_none() => p.to_owned(),
        _ => int::new_int(st.tell()?),
    };
    ops::call_method(&raw, "truncate", &[&pos])
}

fn m_close(a: Args) -> PyResult {
    let [s] = args::exact::<1>(a, "close")?;
    st(s)?.close(s)?;
    Ok(none())
}

fn m_detach(a: Args) -> PyResult {
    let [s] = args::exact::<1>(a, "detach")?;
    let st = st(s)?;
    ops::call_method(s, "flush", &[])?;
    st.raw.take().ok_or_else(detached)
}

fn delegate(a: Args, name: &str) -> PyResult {
    let [s] = args::exact::<1>(a, name)?;
    ops::call_method(&*st(s)?.raw()?, name, &[])
}
fn m_fileno(a: Args) -> PyResult {
    delegate(a, "fileno")
}
fn m_isatty(a: Args) -> PyResult {
    delegate(a, "isatty")
}
fn m_readable(a: Args) -> PyResult {
    delegate(a, "readable")
}
fn m_writable(a: Args) -> PyResult {
    delegate(a, "writable")
}
fn m_seekable(a: Args) -> PyResult {
    delegate(a, "seekable")
}

fn g_raw(o: &Obj) -> PyResult {
    st(o)?.raw()
}
fn g_closed(o: &Obj) -> PyResult {
    let raw = st(o)?.raw()?;
    Ok(new_bool(raw_closed(&raw)?))
}
fn g_name(o: &Obj) -> PyResult {
    ops::getattr_str(&*st(o)?.raw()?, "name")
}
fn g_mode(o: &Obj) -> PyResult {
    ops::getattr_str(&*st(o)?.raw()?, "mode")
}

fn buffered_repr(o: &Obj) -> PyResult {
    let t = o.class().name();
    match ops::getattr_str(o, "name") {
        Ok(n) => Ok(from_string(format!("<{t} name={}>", ops::repr_string(&n)?))),
        Err(e) if e.matches(&exceptions::VALUE_ERROR) || e.matches(&exceptions::ATTRIBUTE_ERROR) => {
            Ok(from_string(format!("<{t}>")))
        }
        Err(e) => Err(e),
    }
}

fn buffered_iternext(o: &Obj) -> PyResult<Option<PyRef>> {
    let line =
        if o.class().is_static() { new_bytes(&st(o)?.readline(None)?) } else { ops::call_method(o, "readline", &[])? };
    Ok(if ops::len(&line)? == 0 { None } else { Some(line) })
}

fn buffered_iter(o: &Obj) -> PyResult {
    st(o)?.check_closed("I/O operation on closed file.")?;
    Ok(o.to_owned())
}

static GETSETS: &[GetSetDef] = &[
    GetSetDef::getter("raw", g_raw),
    GetSetDef::getter("closed", g_closed),
    GetSetDef::getter("name", g_name),
    GetSetDef::getter("mode", g_mode),
];

macro_rules! common_methods {
    ($($extra:expr),* $(,)?) => {
        &[
            $($extra,)*
            MethodDef::method("flush", m_flush),
            MethodDef::method("seek", m_seek),
            MethodDef::method("tell", m_tell),
            MethodDef::method("truncate", m_truncate),
            MethodDef::method("close", m_close),
            MethodDef::method("detach", m_detach),
            MethodDef::method("fileno", m_fileno),
            MethodDef::method("isatty", m_isatty),
            MethodDef::method("readable", m_readable),
            MethodDef::method("writable", m_writable),
            MethodDef::method("seekable", m_seekable),
        ]
    };
}

static READER_METHODS: &[MethodDef] = common_methods![
    MethodDef::method("read", m_read),
    MethodDef::method("read1", m_read1),
    MethodDef::method("peek", m_peek),
    MethodDef::method("readinto", m_readinto),
    MethodDef::method("readinto1", m_readinto1),
    MethodDef::method("readline", m_readline),
];

static WRITER_METHODS: &[MethodDef] = common_methods![MethodDef::method("write", m_write)];

static RANDOM_METHODS: &[MethodDef] = common_methods![
    MethodDef::method("read", m_read),
    MethodDef::method("read1", m_read1),
    MethodDef::method("peek", m_peek),
    MethodDef::method("readinto", m_readinto),
    MethodDef::method("readinto1", m_readinto1),
    MethodDef::method("readline", m_readline),
    MethodDef::method("write", m_write),
];

crate::static_type! {
    pub static BUFFERED_READER_TYPE: super::iobase::IoObj = "_io.BufferedReader" {
        module: "_io",
        flags: BASETYPE | HAVE_GC | WEAKREFABLE,
        base: BUFFEREDIOBASE_TYPE,
        doc: "Create a new buffered reader using the given readable raw IO object.",
        methods: READER_METHODS,
        getsets: GETSETS,
        slots: {
            new: buffered_new, init: buffered_init, repr: buffered_repr, iter: buffered_iter,
            iternext: buffered_iternext, traverse: generic::traverse, clear: generic::clear,
            finalize: generic::finalize,
        },
    }
}

crate::static_type! {
    pub static BUFFERED_WRITER_TYPE: super::iobase::IoObj = "_io.BufferedWriter" {
        module: "_io",
        flags: BASETYPE | HAVE_GC | WEAKREFABLE,
        base: BUFFEREDIOBASE_TYPE,
        doc: "A buffer for a writeable sequential RawIO object.",
        methods: WRITER_METHODS,
        getsets: GETSETS,
        slots: {
            new: buffered_new, init: buffered_init, repr: buffered_repr,
            traverse: generic::traverse, clear: generic::clear, finalize: generic::finalize,
        },
    }
}

crate::static_type! {
    pub static BUFFERED_RANDOM_TYPE: super::iobase::IoObj = "_io.BufferedRandom" {
        module: "_io",
        flags: BASETYPE | HAVE_GC | WEAKREFABLE,
        base: BUFFEREDIOBASE_TYPE,
        doc: "A buffered interface to random access streams.",
        methods: RANDOM_METHODS,
        getsets: GETSETS,
        slots: {
            new: buffered_new, init: buffered_init, repr: buffered_repr, iter: buffered_iter,
            iternext: buffered_iternext, traverse: generic::traverse, clear: generic::clear,
            finalize: generic::finalize,
        },
    }
}

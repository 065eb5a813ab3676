//! `TextIOWrapper`: text over a buffered binary stream. Reading decodes the
//! buffer's chunks (`textcodec.rs`), keeping the bytes each decoded run came
//! from, so `tell()` is a byte offset found by decoding a prefix again (or
//! directly when the text is the bytes). Writing encodes into a pending
//! byte buffer passed to the binary stream in large pieces, at newlines
//! with `line_buffering`, or at once with `write_through`.

use std::cell::Cell;
use std::rc::Rc;

use super::buffered::buf_state;
use super::iobase::{alloc_io, generic, kind_of, set_kind, Kind, TEXTIOBASE_TYPE};
use super::textcodec::{find_line_end_str, newlines_obj, Newline, TextCodec};
use super::{closed_error, size_arg, unsupported};
use crate::codecs::{self, Codec};
use crate::object::{Obj, PyCell, PyRef};
use crate::ops;
use crate::runtime::{PyErr, PyResult};
use crate::types::bytes::new_bytes;
use crate::types::str::{from_string, new_str, StrObj};
use crate::types::typeobj::{Args, GetSetDef, MethodDef, TypeObj};
use crate::types::{int, new_bool, none};
use crate::util::args;

const CHUNK_SIZE: usize = 8192;

pub struct TextState {
    buffer: PyCell<Option<PyRef>>,
    codec: PyCell<TextCodec>,
    /// The codec as opened (with its byte order mark), for position 0.
    base_codec: Cell<Codec>,
    encoding: PyCell<String>,
    /// A byte order mark was read or written (or the stream did not start at 0).
    started: Cell<bool>,
    line_buffering: Cell<bool>,
    write_through: Cell<bool>,
    seekable: bool,
    readable: bool,
    writable: bool,
    /// tell() is refused while iterating with next(), as in CPython.
    telling: Cell<bool>,
    decoded: PyCell<String>,
    dpos: Cell<usize>,
    /// The input bytes `decoded` came from.
    chunk: PyCell<Vec<u8>>,
    identity: Cell<bool>,
    /// Input read from the buffer but not decoded yet.
    pending: PyCell<Vec<u8>>,
    seen: Cell<u8>,
    wpending: PyCell<Vec<u8>>,
    chunk_size: Cell<usize>,
    mode: PyCell<Option<PyRef>>,
}

impl TextState {
    pub fn traverse(&self, visit: &mut dyn FnMut(&Obj)) {
        self.buffer.with(|b| {
            if let Some(b) = b {
                visit(b)
            }
        });
        self.mode.with(|m| {
            if let Some(m) = m {
                visit(m)
            }
        });
    }

    /// Passes pending text to the buffer and flushes it (at exit).
    pub fn flush_for_exit(&self) {
        if let Ok(buffer) = self.open_buffer() {
            let _ = self.flush_pending(&buffer);
            let _ = ops::call_method(&buffer, "flush", &[]);
        }
    }

    fn buffer(&self) -> PyResult<PyRef> {
        self.buffer.get_clone().ok_or_else(|| PyErr::value_error("underlying buffer has been detached"))
    }

    /// The buffer, if the stream is open.
    fn open_buffer(&self) -> PyResult<PyRef> {
        let b = self.buffer()?;
        let closed = match buf_state(&b).filter(|_| b.class().is_static()) {
            Some(s) => super::buffered::raw_closed(&*s.raw()?)?,
            None => ops::is_true(&*ops::getattr_str(&b, "closed")?)?,
        };
        if closed {
            return Err(closed_error());
        }
        Ok(b)
    }

    fn reset_read(&self) {
        drop(self.decoded.take());
        drop(self.chunk.take());
        drop(self.pending.take());
        self.dpos.set(0);
        self.identity.set(true);
    }

    fn has_read_state(&self) -> bool {
        self.dpos.get() < self.decoded.with(|d| d.len()) || self.pending.with(|p| !p.is_empty())
    }

    /// Bytes of `chunk` behind the consumed part of `decoded`.
    fn consumed_bytes(&self) -> PyResult<usize> {
        let dpos = self.dpos.get();
        if self.identity.get() {
            return Ok(dpos);
        }
        let chars = self.decoded.with(|d| d[..dpos].chars().count());
        let codec = self.codec.get_clone();
        self.chunk.with(|c| codec.bytes_for_chars(c, chars))
    }

    /// Drops the consumed part of the decoded text (and its bytes).
    fn trim(&self) -> PyResult<()> {
        let dpos = self.dpos.get();
        if dpos == 0 {
            return Ok(());
        }
        if dpos >= self.decoded.with(|d| d.len()) {
            drop(self.decoded.take());
            drop(self.chunk.take());
            self.identity.set(true);
        } else {
            let k = self.consumed_bytes()?;
            self.decoded.with_mut(|d| d.drain(..dpos).for_each(drop));
            self.chunk.with_mut(|c| c.drain(..k.min(c.len())).for_each(drop));
        }
        self.dpos.set(0);
        Ok(())
    }

    /// Reads from the buffer (`size` bytes, all with None).
    fn read_buffer(&self, buffer: &Obj, size: Option<usize>) -> PyResult<Vec<u8>> {
        if buffer.class().is_static() {
            if let Some(b) = buf_state(buffer) {
                return match size {
                    Some(n) => b.read1(Some(n)),
                    None => Ok(b.read(None)?.unwrap_or_default()),
                };
            }
        }
        let r = match size {
            Some(n) => {
                let n = int::from_usize(n);
                match ops::lookup_attr(buffer, "read1")? {
                    Some(m) => ops::call1(&m, &n)?,
                    None => ops::call_method(buffer, "read", &[&n])?,
                }
            }
            None => ops::call_method(buffer, "read", &[])?,
        };
        if r.is_none() {
            return Ok(Vec::new());
        }
        match crate::types::bytes_args::buffer(&r) {
            Some(b) => Ok(b.into_owned()),
            None => Err(PyErr::type_error(format!(
                "underlying read1() should have returned a bytes-like object, not '{}'",
                r.class().name()
            ))),
        }
    }

    /// Decodes one more chunk; false at end of file (nothing was added).
    fn fill(&self, buffer: &Obj, all: bool) -> PyResult<bool> {
        self.trim()?;
        let size = if all { None } else { Some(self.chunk_size.get()) };
        let data = self.read_buffer(buffer, size)?;
        let last = data.is_empty() || all;
        let mut input = self.pending.take();
        input.extend_from_slice(&data);
        if !self.started.get() {
            let bom_len = self.codec.with(|c| c.bom().len());
            if input.len() < bom_len && !last {
                self.pending.replace(input);
                return Ok(true);
            }
            self.started.set(true);
        }
        let codec = self.codec.get_clone();
        let mut seen = self.seen.get();
        let d = codec.decode(&input, last, &mut seen)?;
        self.seen.set(seen);
        let after = codec.after_start(&input);
        if after != codec.codec {
            self.codec.with_mut(|c| c.codec = after);
        }
        let added = !d.text.is_empty();
        self.pending.replace(input[d.used..].to_vec());
        self.decoded.with_mut(|s| s.push_str(&d.text));
        self.chunk.with_mut(|c| c.extend_from_slice(&input[..d.used]));
        self.identity.set(self.identity.get() && d.identity);
        Ok(added || !data.is_empty())
    }

    fn take_text(&self, end: usize) -> String {
        let dpos = self.dpos.get();
        let s = self.decoded.with(|d| d[dpos..end].to_string());
        self.dpos.set(end);
        s
    }

    fn check_readable(&self) -> PyResult<()> {
        if !self.readable {
            return Err(unsupported("not readable"));
        }
        Ok(())
    }

    fn read(&self, n: Option<usize>) -> PyResult<String> {
        let buffer = self.open_buffer()?;
        self.check_readable()?;
        self.flush_pending(&buffer)?;
        let Some(mut n) = n else {
            let len = self.decoded.with(|d| d.len());
            let mut out = self.take_text(len);
            self.fill(&buffer, true)?;
            let len = self.decoded.with(|d| d.len());
            out.push_str(&self.take_text(len));
            return Ok(out);
        };
        let mut out = String::new();
        loop {
            let dpos = self.dpos.get();
            let end = self.decoded.with(|d| {
                let rest = &d[dpos..];
                let mut it = rest.char_indices();
                let mut taken = 0;
                let mut end = rest.len();
                for _ in 0..n {
                    match it.next() {
                        Some(_) => taken += 1,
                        None => break,
                    }
                }
                if let Some((i, _)) = it.next() {
                    end = i;
                }
                (dpos + end, taken)
            });
            n -= end.1;
            out.push_str(&self.take_text(end.0));
            if n == 0 || !self.fill(&buffer, false)? {
                return Ok(out);
            }
        }
    }

    fn readline(&self, limit: Option<usize>) -> PyResult<String> {
        let buffer = self.open_buffer()?;
        self.check_readable()?;
        self.flush_pending(&buffer)?;
        let nl = self.codec.with(|c| c.newline);
        loop {
            let dpos = self.dpos.get();
            let found = self.decoded.with(|d| {
                let rest = &d[dpos..];
                let line_end = find_line_end_str(rest, nl, true);
                let cut = limit.and_then(|l| rest.char_indices().nth(l).map(|(i, _)| i));
                match (line_end, cut, limit) {
                    (Some(e), Some(c), _) => Some(e.min(c)),
                    (Some(e), None, _) => Some(e),
                    (None, Some(c), _) => Some(c),
                    (None, None, Some(l)) if rest.chars().count() == l => Some(rest.len()),
                    _ => None,
                }
            });
            if let Some(end) = found {
                return Ok(self.take_text(dpos + end));
            }
            if !self.fill(&buffer, false)? {
                let len = self.decoded.with(|d| d.len());
                return Ok(self.take_text(len));
            }
        }
    }

    fn flush_pending(&self, buffer: &Obj) -> PyResult<()> {
        let data = self.wpending.take();
        if data.is_empty() {
            return Ok(());
        }
        if buffer.class().is_static() {
            if let Some(b) = buf_state(buffer) {
                b.write(&data)?;
                return Ok(());
            }
        }
        ops::call_method(buffer, "write", &[&new_bytes(&data)])?;
        Ok(())
    }

    fn write(&self, text: &str) -> PyResult<()> {
        let buffer = self.open_buffer()?;
        if !self.writable {
            return Err(unsupported("not writable"));
        }
        if !self.started.get() {
            let bom = self.codec.with(|c| c.bom());
            if !bom.is_empty() {
                let at_start = !self.seekable || {
                    self.flush_pending(&buffer)?;
                    int::expect_i64(&*ops::call_method(&buffer, "tell", &[])?, "off_t")? == 0
                };
                if at_start {
                    self.wpending.with_mut(|w| w.extend_from_slice(bom));
                }
                let after = self.codec.with(|c| c.after_start(bom));
                self.codec.with_mut(|c| c.codec = after);
            }
            self.started.set(true);
        }
        let bytes = self.codec.with(|c| c.clone()).encode(text)?;
        if self.has_read_state() {
            self.reset_read();
        }
        let big = self.wpending.with_mut(|w| {
            w.extend_from_slice(&bytes);
            w.len() > self.chunk_size.get()
        });
        let line_flush = self.line_buffering.get() && (text.contains('\n') || text.contains('\r'));
        if big || line_flush || self.write_through.get() {
            self.flush_pending(&buffer)?;
        }
        if line_flush {
            ops::call_method(&buffer, "flush", &[])?;
        }
        Ok(())
    }

    fn tell(&self) -> PyResult<i64> {
        let buffer = self.open_buffer()?;
        if !self.seekable {
            return Err(unsupported("underlying stream is not seekable"));
        }
        if !self.telling.get() {
            return Err(PyErr::new(&crate::types::exceptions::OS_ERROR, "telling position disabled by next() call"));
        }
        self.flush_pending(&buffer)?;
        ops::call_method(&buffer, "flush", &[])?;
        let pos = int::expect_i64(&*ops::call_method(&buffer, "tell", &[])?, "off_t")?;
        if !self.has_read_state() {
            return Ok(pos);
        }
        let k = self.consumed_bytes()?;
        let unconsumed = self.chunk.with(|c| c.len()) - k.min(self.chunk.with(|c| c.len()));
        Ok(pos - self.pending.with(|p| p.len()) as i64 - unconsumed as i64)
    }

    fn seek(&self, cookie: &Obj, whence: i64) -> PyResult<i64> {
        let buffer = self.open_buffer()?;
        if !self.seekable {
            return Err(unsupported("underlying stream is not seekable"));
        }
        let zero = |c: &Obj| -> PyResult<bool> { Ok(int::index_of(c)? == Some(0)) };
        let target = match whence {
            1 => {
                if !zero(cookie)? {
                    return Err(unsupported("can't do nonzero cur-relative seeks"));
                }
                self.tell()?
            }
            2 => {
                if !zero(cookie)? {
                    return Err(unsupported("can't do nonzero end-relative seeks"));
                }
                self.flush_pending(&buffer)?;
                ops::call_method(&buffer, "flush", &[])?;
                self.reset_read();
                let r = ops::call_method(&buffer, "seek", &[&int::new_int(0), &int::new_int(2)])?;
                self.started.set(true);
                return int::expect_i64(&r, "off_t");
            }
            0 => {
                let c = int::expect_i64(cookie, "off_t")?;
                if c < 0 {
                    return Err(PyErr::value_error(format!("negative seek position {c}")));
                }
                c
            }
            w => return Err(PyErr::value_error(format!("invalid whence ({w}, should be 0, 1 or 2)"))),
        };
        self.flush_pending(&buffer)?;
        ops::call_method(&buffer, "flush", &[])?;
        self.reset_read();
        ops::call_method(&buffer, "seek", &[&int::new_int(target)])?;
        if target == 0 {
            let base = self.base_codec.get();
            self.codec.with_mut(|c| c.codec = base);
            self.started.set(false);
        } else {
            self.started.set(true);
        }
        Ok(target)
    }
}

fn st(o: &Obj) -> PyResult<Rc<TextState>> {
    match kind_of(o) {
        Kind::Text(t) => Ok(t),
        _ => Err(PyErr::value_error("I/O operation on uninitialized object")),
    }
}

fn str_or_none(o: Option<&Obj>, what: &str) -> PyResult<Option<String>> {
    match o {
        None => Ok(None),
        Some(v) if v.is_none() => Ok(None),
        Some(v) => match v.downcast::<StrObj>() {
            Some(s) => Ok(Some(s.as_str().to_string())),
            None => Err(PyErr::type_error(format!(
                "TextIOWrapper() argument '{what}' must be str or None, not {}",
                v.class().name()
            ))),
        },
    }
}

/// Builds the text state over `buffer`.
pub fn new_state(
    buffer: &Obj,
    encoding: Option<&Obj>,
    errors: Option<&Obj>,
    newline: Option<&Obj>,
    line_buffering: bool,
    write_through: bool,
) -> PyResult<TextState> {
    let encoding = match str_or_none(encoding, "encoding")? {
        None => "UTF-8".to_string(),
        Some(e) if e == "locale" => "UTF-8".to_string(),
        Some(e) => e,
    };
    if encoding.contains('\0') {
        return Err(PyErr::value_error("embedded null character"));
    }
    let errors = str_or_none(errors, "errors")?.unwrap_or_else(|| "strict".to_string());
    let newline = match newline {
        Some(n) => Newline::parse(n)?,
        None => Newline::Universal,
    };
    let codec = codecs::lookup(&encoding)?;
    let ask = |name: &str| -> PyResult<bool> { ops::is_true(&*ops::call_method(buffer, name, &[])?) };
    let (seekable, readable, writable) = (ask("seekable")?, ask("readable")?, ask("writable")?);
    Ok(TextState {
        buffer: PyCell::new(Some(buffer.to_owned())),
        codec: PyCell::new(TextCodec { codec, errors, newline }),
        base_codec: Cell::new(codec),
        encoding: PyCell::new(encoding),
        started: Cell::new(false),
        line_buffering: Cell::new(line_buffering),
        write_through: Cell::new(write_through),
        seekable,
        readable,
        writable,
        telling: Cell::new(seekable),
        decoded: PyCell::new(String::new()),
        dpos: Cell::new(0),
        chunk: PyCell::new(Vec::new()),
        identity: Cell::new(true),
        pending: PyCell::new(Vec::new()),
        seen: Cell::new(0),
        wpending: PyCell::new(Vec::new()),
        chunk_size: Cell::new(CHUNK_SIZE),
        mode: PyCell::new(None),
    })
}

/// A TextIOWrapper over `buffer` with `mode` set (for `open()`).
pub fn new_text(state: TextState, mode: &str) -> PyRef {
    state.mode.replace(Some(new_str(mode)));
    alloc_io(&TEXTIOWRAPPER_TYPE, Kind::Text(shared(state)))
}

/// The state behind an `Rc`, registered for the exit flush if writable.
fn shared(state: TextState) -> Rc<TextState> {
    let rc = Rc::new(state);
    if rc.writable {
        super::register_text(&rc);
    }
    rc
}

fn text_new(t: &TypeObj, _a: Args) -> PyResult {
    Ok(alloc_io(t, Kind::Base))
}

fn text_init(o: &Obj, a: Args) -> PyResult<()> {
    let [buffer, encoding, errors, newline, lb, wt] = args::parse(
        a,
        "TextIOWrapper",
        &["buffer", "encoding", "errors", "newline", "line_buffering", "write_through"],
        1,
    )?;
    let truthy = |x: Option<&Obj>| -> PyResult<bool> { x.map_or(Ok(false), ops::is_true) };
    let state =
        new_state(buffer.unwrap_or(crate::types::none_ref()), encoding, errors, newline, truthy(lb)?, truthy(wt)?)?;
    set_kind(o, Kind::Text(shared(state)));
    Ok(())
}

fn m_read(a: Args) -> PyResult {
    let [s, size] = args::parse(a, "read", &["self", "size", "/"], 1)?;
    let st = st(s.unwrap_or(crate::types::none_ref()))?;
    Ok(from_string(st.read(size_arg(size)?)?))
}

fn m_readline(a: Args) -> PyResult {
    let [s, size] = args::parse(a, "readline", &["self", "size", "/"], 1)?;
    let st = st(s.unwrap_or(crate::types::none_ref()))?;
    let limit = match size {
        Some(v) if !v.is_none() => {
            let n = int::expect_i64(v, "ssize_t")?;
            if n < 0 {
                None
            } else {
                Some(n as usize)
            }
        }
        _ => None,
    };
    Ok(from_string(st.readline(limit)?))
}

fn m_write(a: Args) -> PyResult {
    let [s, text] = args::exact::<2>(a, "write")?;
    let Some(t) = text.downcast::<StrObj>() else {
        return Err(PyErr::type_error(format!("write() argument must be str, not {}", text.class().name())));
    };
    st(s)?.write(t.as_str())?;
    Ok(int::from_usize(t.char_len()))
}

fn m_flush(a: Args) -> PyResult {
    let [s] = args::exact::<1>(a, "flush")?;
    let st = st(s)?;
    let buffer = st.open_buffer()?;
    st.telling.set(st.seekable);
    st.flush_pending(&buffer)?;
    ops::call_method(&buffer, "flush", &[])
}

fn m_close(a: Args) -> PyResult {
    let [s] = args::exact::<1>(a, "close")?;
    let st = st(s)?;
    let buffer = st.buffer()?;
    if ops::is_true(&*ops::getattr_str(&buffer, "closed")?)? {
        return Ok(none());
    }
    let flushed = ops::call_method(s, "flush", &[]);
    let closed = ops::call_method(&buffer, "close", &[]);
    match (flushed, closed) {
        (Err(first), Err(second)) => {
            if let Some(x) = second.exc().downcast::<crate::types::exceptions::ExceptionObj>() {
                x.set_context(Some(first.into_exc()));
            }
            Err(second)
        }
        (Err(e), _) | (_, Err(e)) => Err(e),
        _ => Ok(none()),
    }
}

fn m_detach(a: Args) -> PyResult {
    let [s] = args::exact::<1>(a, "detach")?;
    let st = st(s)?;
    ops::call_method(s, "flush", &[])?;
    st.buffer.take().ok_or_else(|| PyErr::value_error("underlying buffer has been detached"))
}

fn m_tell(a: Args) -> PyResult {
    let [s] = args::exact::<1>(a, "tell")?;
    Ok(int::new_int(st(s)?.tell()?))
}

fn m_seek(a: Args) -> PyResult {
    let [s, cookie, whence] = args::parse(a, "seek", &["self", "cookie", "whence", "/"], 2)?;
    let st = st(s.unwrap_or(crate::types::none_ref()))?;
    let whence = match whence {
        Some(w) => int::expect_i64(w, "int")?,
        None => 0,
    };
    Ok(int::new_int(st.seek(cookie.unwrap_or(crate::types::none_ref()), whence)?))
}

fn m_truncate(a: Args) -> PyResult {
    let [s, pos] = args::parse(a, "truncate", &["self", "pos", "/"], 1)?;
    let this = s.unwrap_or(crate::types::none_ref());
    let st = st(this)?;
    ops::call_method(this, "flush", &[])?;
    let buffer = st.buffer()?;
    ops::call_method(&buffer, "truncate", &[pos.unwrap_or(crate::types::none_ref())])
}

fn delegate(a: Args, name: &str) -> PyResult {
    let [s] = args::exact::<1>(a, name)?;
    ops::call_method(&*st(s)?.buffer()?, name, &[])
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

fn m_reconfigure(a: Args) -> PyResult {
    let [s, encoding, errors, newline, lb, wt] = args::parse(
        a,
        "reconfigure",
        &["self", "*", "encoding", "errors", "newline", "line_buffering", "write_through"],
        1,
    )?;
    let this = s.unwrap_or(crate::types::none_ref());
    let st = st(this)?;
    ops::call_method(this, "flush", &[])?;
    if let Some(e) = str_or_none(encoding, "encoding")? {
        let c = codecs::lookup(&e)?;
        st.codec.with_mut(|x| x.codec = c);
        st.base_codec.set(c);
        st.encoding.replace(e);
        if errors.is_none() {
            st.codec.with_mut(|x| x.errors = "strict".to_string());
        }
    }
    if let Some(e) = str_or_none(errors, "errors")? {
        st.codec.with_mut(|x| x.errors = e);
    }
    if let Some(n) = newline {
        let n = Newline::parse(n)?;
        st.codec.with_mut(|x| x.newline = n);
    }
    if let Some(v) = lb.filter(|v| !v.is_none()) {
        st.line_buffering.set(ops::is_true(v)?);
    }
    if let Some(v) = wt.filter(|v| !v.is_none()) {
        st.write_through.set(ops::is_true(v)?);
    }
    Ok(none())
}

fn g_encoding(o: &Obj) -> PyResult {
    Ok(new_str(&st(o)?.encoding.get_clone()))
}
fn g_errors(o: &Obj) -> PyResult {
    Ok(new_str(&st(o)?.codec.with(|c| c.errors.clone())))
}
fn g_newlines(o: &Obj) -> PyResult {
    let st = st(o)?;
    if !st.codec.with(|c| c.newline.universal_read()) {
        return Ok(none());
    }
    Ok(newlines_obj(st.seen.get()))
}
fn g_buffer(o: &Obj) -> PyResult {
    st(o)?.buffer()
}
fn g_line_buffering(o: &Obj) -> PyResult {
    Ok(new_bool(st(o)?.line_buffering.get()))
}
fn g_write_through(o: &Obj) -> PyResult {
    Ok(new_bool(st(o)?.write_through.get()))
}
fn g_closed(o: &Obj) -> PyResult {
    ops::getattr_str(&*st(o)?.buffer()?, "closed")
}
fn g_name(o: &Obj) -> PyResult {
    ops::getattr_str(&*st(o)?.buffer()?, "name")
}
fn g_mode(o: &Obj) -> PyResult {
    st(o)?.mode.get_clone().ok_or_else(|| PyErr::no_attribute(o, "mode"))
}
fn s_mode(o: &Obj, v: Option<&Obj>) -> PyResult<()> {
    let old = st(o)?.mode.replace(v.map(|v| v.to_owned()));
    drop(old);
    Ok(())
}
fn g_chunk_size(o: &Obj) -> PyResult {
    Ok(int::from_usize(st(o)?.chunk_size.get()))
}
fn s_chunk_size(o: &Obj, v: Option<&Obj>) -> PyResult<()> {
    let Some(v) = v else {
        return Err(PyErr::new(&crate::types::exceptions::ATTRIBUTE_ERROR, "cannot delete attribute"));
    };
    let n = int::expect_i64(v, "ssize_t")?;
    if n <= 0 {
        return Err(PyErr::value_error("a strictly positive integer is required"));
    }
    st(o)?.chunk_size.set(n as usize);
    Ok(())
}

fn text_repr(o: &Obj) -> PyResult {
    let mut out = format!("<{}", o.class().name());
    let quiet = |e: &PyErr| {
        e.matches(&crate::types::exceptions::VALUE_ERROR) || e.matches(&crate::types::exceptions::ATTRIBUTE_ERROR)
    };
    match ops::getattr_str(o, "name") {
        Ok(n) => out.push_str(&format!(" name={}", ops::repr_string(&n)?)),
        Err(e) if quiet(&e) => {}
        Err(e) => return Err(e),
    }
    match ops::getattr_str(o, "mode") {
        Ok(m) => out.push_str(&format!(" mode={}", ops::repr_string(&m)?)),
        Err(e) if quiet(&e) => {}
        Err(e) => return Err(e),
    }
    let enc = st(o)?.encoding.get_clone();
    out.push_str(&format!(" encoding={}>", crate::types::str::repr_str(&enc)));
    Ok(from_string(out))
}

fn text_iternext(o: &Obj) -> PyResult<Option<PyRef>> {
    let s = st(o)?;
    s.telling.set(false);
    let line =
        if o.class().is_static() { from_string(s.readline(None)?) } else { ops::call_method(o, "readline", &[])? };
    if ops::len(&line)? == 0 {
        s.telling.set(s.seekable);
        return Ok(None);
    }
    Ok(Some(line))
}

fn text_iter(o: &Obj) -> PyResult {
    st(o)?.open_buffer()?;
    Ok(o.to_owned())
}

static METHODS: &[MethodDef] = &[
    MethodDef::method("read", m_read),
    MethodDef::method("readline", m_readline),
    MethodDef::method("write", m_write),
    MethodDef::method("flush", m_flush),
    MethodDef::method("close", m_close),
    MethodDef::method("detach", m_detach),
    MethodDef::method("tell", m_tell),
    MethodDef::method("seek", m_seek),
    MethodDef::method("truncate", m_truncate),
    MethodDef::method("fileno", m_fileno),
    MethodDef::method("isatty", m_isatty),
    MethodDef::method("readable", m_readable),
    MethodDef::method("writable", m_writable),
    MethodDef::method("seekable", m_seekable),
    MethodDef::method("reconfigure", m_reconfigure),
];

static GETSETS: &[GetSetDef] = &[
    GetSetDef::getter("encoding", g_encoding),
    GetSetDef::getter("errors", g_errors),
    GetSetDef::getter("newlines", g_newlines),
    GetSetDef::getter("buffer", g_buffer),
    GetSetDef::getter("line_buffering", g_line_buffering),
    GetSetDef::getter("write_through", g_write_through),
    GetSetDef::getter("closed", g_closed),
    GetSetDef::getter("name", g_name),
    GetSetDef::getset("mode", g_mode, s_mode),
    GetSetDef::getset("_CHUNK_SIZE", g_chunk_size, s_chunk_size),
];

crate::static_type! {
    pub static TEXTIOWRAPPER_TYPE: super::iobase::IoObj = "_io.TextIOWrapper" {
        module: "_io",
        flags: BASETYPE | HAVE_GC | WEAKREFABLE,
        base: TEXTIOBASE_TYPE,
        doc: "Character and line based layer over a BufferedIOBase object, buffer.",
        methods: METHODS,
        getsets: GETSETS,
        slots: {
            new: text_new, init: text_init, repr: text_repr, iter: text_iter, iternext: text_iternext,
            traverse: generic::traverse, clear: generic::clear, finalize: generic::finalize,
        },
    }
}

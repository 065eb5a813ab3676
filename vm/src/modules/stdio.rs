//! The standard streams (`sys.stdin`, `sys.stdout`, `sys.stderr`): text
//! streams over file descriptors 0, 1 and 2 with CPython's buffering
//! (stdout line-buffered on a terminal, block-buffered otherwise; stderr
//! line-buffered; `-u` unbuffered).

use std::cell::Cell;
use std::io::{Read, Write};

use crate::object::{Obj, PyCell, PyPayload, PyRef};
use crate::runtime::{PyErr, PyResult};
use crate::types::str::{from_string, StrObj};
use crate::types::typeobj::{Args, GetSetDef, MethodDef, TypeObj};
use crate::types::{int, new_bool, none};
use crate::util::args;

#[repr(C)]
pub struct StdStreamObj {
    pub ob: Obj,
    fd: i32,
    buf: PyCell<Vec<u8>>,
    line_buffered: Cell<bool>,
    unbuffered: Cell<bool>,
    closed: Cell<bool>,
    /// Bytes read ahead from stdin.
    pending: PyCell<Vec<u8>>,
    eof: Cell<bool>,
}

// SAFETY: `#[repr(C)]` starting with `Obj`.
unsafe impl PyPayload for StdStreamObj {
    fn class() -> &'static TypeObj {
        &STD_STREAM_TYPE
    }
}

fn isatty(fd: i32) -> bool {
    use std::io::IsTerminal;
    match fd {
        0 => std::io::stdin().is_terminal(),
        1 => std::io::stdout().is_terminal(),
        2 => std::io::stderr().is_terminal(),
        _ => false,
    }
}

/// Creates the stream for `fd` (0, 1 or 2).
pub fn new_stream(fd: i32, unbuffered: bool) -> PyRef {
    let tty = isatty(fd);
    crate::object::alloc::alloc_object(
        &STD_STREAM_TYPE,
        StdStreamObj {
            ob: Obj::new(&STD_STREAM_TYPE.0),
            fd,
            buf: PyCell::new(Vec::new()),
            line_buffered: Cell::new(tty || fd == 2),
            unbuffered: Cell::new(unbuffered),
            closed: Cell::new(false),
            pending: PyCell::new(Vec::new()),
            eof: Cell::new(false),
        },
        0,
    )
}

impl StdStreamObj {
    /// Writes text, flushing per the buffering mode.
    pub fn write_str(&self, s: &str) -> PyResult<()> {
        if self.closed.get() {
            return Err(PyErr::value_error("I/O operation on closed file."));
        }
        let flush = self.unbuffered.get() || (self.line_buffered.get() && s.contains('\n'));
        let big = self.buf.with_mut(|b| {
            b.extend_from_slice(s.as_bytes());
            b.len() >= 8192
        });
        if flush || big {
            self.flush_buf()?;
        }
        Ok(())
    }

    /// Writes buffered bytes to the descriptor.
    pub fn flush_buf(&self) -> PyResult<()> {
        let data = self.buf.take();
        if data.is_empty() {
            return Ok(());
        }
        let r = match self.fd {
            1 => {
                let mut out = std::io::stdout().lock();
                out.write_all(&data).and_then(|_| out.flush())
            }
            2 => {
                let mut out = std::io::stderr().lock();
                out.write_all(&data).and_then(|_| out.flush())
            }
            _ => Ok(()),
        };
        r.map_err(|e| crate::modules::sys::os_error(&e))
    }

    /// Reads more input; false at end of file. Ctrl-C while waiting raises
    /// KeyboardInterrupt (the read is not restarted after SIGINT).
    fn fill(&self) -> PyResult<bool> {
        if self.eof.get() {
            return Ok(false);
        }
        let mut chunk = [0u8; 4096];
        loop {
            // A Ctrl-C that came before the read started would not interrupt it.
            crate::modules::signal::check_pending()?;
            match std::io::stdin().lock().read(&mut chunk) {
                Err(e) if e.kind() == std::io::ErrorKind::Interrupted => crate::modules::signal::check_pending()?,
                Ok(0) | Err(_) => {
                    self.eof.set(true);
                    return Ok(false);
                }
                Ok(n) => {
                    self.pending.with_mut(|p| p.extend_from_slice(&chunk[..n]));
                    return Ok(true);
                }
            }
        }
    }

    /// Reads one line (including the newline), or "" at end of file.
    pub fn read_line(&self, limit: Option<usize>) -> PyResult<String> {
        // Interactive use flushes stdout before blocking on input.
        crate::modules::sys::flush_stdout();
        loop {
            let found = self.pending.with(|p| p.iter().position(|b| *b == b'\n'));
            let have = self.pending.with(|p| p.len());
            if let Some(i) = found {
                let take = limit.map_or(i + 1, |l| l.min(i + 1));
                return Ok(self.take_pending(take));
            }
            if limit.is_some_and(|l| have >= l) {
                return Ok(self.take_pending(limit.unwrap_or(have)));
            }
            if !self.fill()? {
                return Ok(self.take_pending(have));
            }
        }
    }

    fn take_pending(&self, n: usize) -> String {
        let bytes: Vec<u8> = self.pending.with_mut(|p| p.drain(..n.min(p.len())).collect());
        String::from_utf8_lossy(&bytes).into_owned()
    }

    fn read_all(&self) -> PyResult<String> {
        while self.fill()? {}
        let n = self.pending.with(|p| p.len());
        Ok(self.take_pending(n))
    }
}

fn this(o: &Obj) -> &StdStreamObj {
    o.downcast::<StdStreamObj>().expect("stream")
}

fn m_write(a: Args) -> PyResult {
    let [s, text] = args::exact::<2>(a, "write")?;
    let Some(t) = text.downcast::<StrObj>() else {
        return Err(PyErr::type_error(format!("write() argument must be str, not {}", text.class().name())));
    };
    this(s).write_str(t.as_str())?;
    Ok(int::from_usize(t.char_len()))
}
fn m_flush(a: Args) -> PyResult {
    let [s] = args::exact::<1>(a, "flush")?;
    this(s).flush_buf()?;
    Ok(none())
}
fn m_fileno(a: Args) -> PyResult {
    let [s] = args::exact::<1>(a, "fileno")?;
    Ok(int::new_int(this(s).fd as i64))
}
fn m_isatty(a: Args) -> PyResult {
    let [s] = args::exact::<1>(a, "isatty")?;
    Ok(new_bool(isatty(this(s).fd)))
}
fn m_readable(a: Args) -> PyResult {
    let [s] = args::exact::<1>(a, "readable")?;
    Ok(new_bool(this(s).fd == 0))
}
fn m_writable(a: Args) -> PyResult {
    let [s] = args::exact::<1>(a, "writable")?;
    Ok(new_bool(this(s).fd != 0))
}
fn m_readline(a: Args) -> PyResult {
    let [s, size] = args::parse(a, "readline", &["self", "size", "/"], 1)?;
    let st = this(s.expect("self"));
    if st.fd != 0 {
        return Err(PyErr::new(&crate::types::exceptions::OS_ERROR, "not readable"));
    }
    let limit = match size {
        Some(n) if !n.is_none() => {
            let v = int::expect_i64(n, "ssize_t")?;
            if v < 0 {
                None
            } else {
                Some(v as usize)
            }
        }
        _ => None,
    };
    Ok(from_string(st.read_line(limit)?))
}
fn m_read(a: Args) -> PyResult {
    let [s, _size] = args::parse(a, "read", &["self", "size", "/"], 1)?;
    let st = this(s.expect("self"));
    if st.fd != 0 {
        return Err(PyErr::new(&crate::types::exceptions::OS_ERROR, "not readable"));
    }
    Ok(from_string(st.read_all()?))
}
fn m_readlines(a: Args) -> PyResult {
    let [s] = args::exact::<1>(a, "readlines")?;
    let st = this(s);
    let mut out = Vec::new();
    loop {
        let l = st.read_line(None)?;
        if l.is_empty() {
            break;
        }
        out.push(from_string(l));
    }
    Ok(crate::types::list::new_list(out))
}
fn m_close(a: Args) -> PyResult {
    let [s] = args::exact::<1>(a, "close")?;
    let st = this(s);
    st.flush_buf()?;
    st.closed.set(true);
    Ok(none())
}
/// `with sys.stdin as f:` gives the stream and closes it at the end, as
/// CPython's text files do.
fn m_enter(a: Args) -> PyResult {
    let [s] = args::exact::<1>(a, "__enter__")?;
    if this(s).closed.get() {
        return Err(PyErr::value_error("I/O operation on closed file."));
    }
    Ok(s.to_owned())
}
fn m_exit(a: Args) -> PyResult {
    let s = a.all.first().filter(|_| a.nargs >= 1).ok_or_else(|| PyErr::type_error("__exit__ needs self"))?;
    let st = this(s);
    st.flush_buf()?;
    st.closed.set(true);
    Ok(none())
}
fn iter_next(o: &Obj) -> PyResult<Option<PyRef>> {
    let l = this(o).read_line(None)?;
    Ok(if l.is_empty() { None } else { Some(from_string(l)) })
}

fn g_encoding(_o: &Obj) -> PyResult {
    Ok(crate::types::str::intern("utf-8"))
}
fn g_errors(o: &Obj) -> PyResult {
    Ok(crate::types::str::intern(if this(o).fd == 2 { "backslashreplace" } else { "strict" }))
}
fn g_name(o: &Obj) -> PyResult {
    Ok(crate::types::str::intern(match this(o).fd {
        0 => "<stdin>",
        1 => "<stdout>",
        _ => "<stderr>",
    }))
}
fn g_mode(o: &Obj) -> PyResult {
    Ok(crate::types::str::intern(if this(o).fd == 0 { "r" } else { "w" }))
}
fn g_closed(o: &Obj) -> PyResult {
    Ok(new_bool(this(o).closed.get()))
}
fn g_line_buffering(o: &Obj) -> PyResult {
    Ok(new_bool(this(o).line_buffered.get()))
}

fn stream_repr(o: &Obj) -> PyResult {
    let name = match this(o).fd {
        0 => "<stdin>",
        1 => "<stdout>",
        _ => "<stderr>",
    };
    let mode = if this(o).fd == 0 { "r" } else { "w" };
    Ok(from_string(format!("<_io.TextIOWrapper name='{name}' mode='{mode}' encoding='utf-8'>")))
}

static METHODS: &[MethodDef] = &[
    MethodDef::method("write", m_write),
    MethodDef::method("flush", m_flush),
    MethodDef::method("fileno", m_fileno),
    MethodDef::method("isatty", m_isatty),
    MethodDef::method("readable", m_readable),
    MethodDef::method("writable", m_writable),
    MethodDef::method("readline", m_readline),
    MethodDef::method("read", m_read),
    MethodDef::method("readlines", m_readlines),
    MethodDef::method("close", m_close),
    MethodDef::method("__enter__", m_enter),
    MethodDef::method("__exit__", m_exit),
];
static GETSETS: &[GetSetDef] = &[
    GetSetDef::getter("encoding", g_encoding),
    GetSetDef::getter("errors", g_errors),
    GetSetDef::getter("name", g_name),
    GetSetDef::getter("mode", g_mode),
    GetSetDef::getter("closed", g_closed),
    GetSetDef::getter("line_buffering", g_line_buffering),
];

crate::static_type! {
    pub static STD_STREAM_TYPE: StdStreamObj = "TextIOWrapper" {
        module: "_io",
        flags: READY | WEAKREFABLE,
        methods: METHODS,
        getsets: GETSETS,
        slots: { repr: stream_repr, iter: crate::types::iterators::self_iter, iternext: iter_next },
    }
}

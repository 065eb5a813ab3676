//! `StringIO`: a text stream over an in-memory buffer of code points, with
//! the `newline` translation rules of TextIOWrapper (None translates `\r`
//! and `\r\n` to `\n` on write; `\r` and `\r\n` write `\n` as themselves;
//! `''` keeps everything and reads lines ending at any of them).

use std::cell::Cell;
use std::rc::Rc;

use super::iobase::{alloc_io, generic, kind_of, set_kind, wrong_kind, Kind, TEXTIOBASE_TYPE};
use super::textcodec::{find_line_end, Newline};
use super::{closed_error, size_arg};
use crate::object::{Obj, PyCell, PyRef};
use crate::ops;
use crate::runtime::{PyErr, PyResult};
use crate::types::str::{from_string, StrObj};
use crate::types::typeobj::{Args, GetSetDef, MethodDef, TypeObj};
use crate::types::{int, new_bool, none};
use crate::util::args;

pub struct StringState {
    buf: PyCell<Vec<char>>,
    pos: Cell<usize>,
    closed: Cell<bool>,
    newline: Newline,
    /// Kinds of line endings written (newline=None): 1 `\r`, 2 `\n`, 4 `\r\n`.
    seen: Cell<u8>,
}

impl StringState {
    fn new(newline: Newline) -> StringState {
        StringState {
            buf: PyCell::new(Vec::new()),
            pos: Cell::new(0),
            closed: Cell::new(false),
            newline,
            seen: Cell::new(0),
        }
    }

    fn check(&self) -> PyResult<()> {
        if self.closed.get() {
            return Err(PyErr::value_error("I/O operation on closed file"));
        }
        Ok(())
    }

    /// Writes `s` at the position (after newline translation); returns the
    /// number of code points of `s`.
    fn write(&self, s: &str) -> PyResult<usize> {
        let n = s.chars().count();
        let text: Vec<char> = match self.newline {
            Newline::Universal => {
                let mut seen = self.seen.get();
                let mut out = Vec::with_capacity(n);
                let mut it = s.chars().peekable();
                while let Some(c) = it.next() {
                    match c {
                        '\r' if it.peek() == Some(&'\n') => {
                            it.next();
                            seen |= 4;
                            out.push('\n');
                        }
                        '\r' => {
                            seen |= 1;
                            out.push('\n');
                        }
                        '\n' => {
                            seen |= 2;
                            out.push('\n');
                        }
                        c => out.push(c),
                    }
                }
                self.seen.set(seen);
                out
            }
            Newline::Cr => s.chars().map(|c| if c == '\n' { '\r' } else { c }).collect(),
            Newline::CrLf => s.replace('\n', "\r\n").chars().collect(),
            Newline::Untranslated => {
                let mut seen = self.seen.get();
                super::textcodec::note_newlines(s, &mut seen);
                self.seen.set(seen);
                s.chars().collect()
            }
            Newline::Lf => s.chars().collect(),
        };
        let pos = self.pos.get();
        let grown = self.buf.with_mut(|b| {
            let end = pos.checked_add(text.len())?;
            if b.len() < end {
                b.try_reserve(end - b.len()).ok()?;
                b.resize(end, '\0');
            }
            b[pos..end].copy_from_slice(&text);
            Some(())
        });
        if grown.is_none() {
            return Err(PyErr::memory_error());
        }
        self.pos.set(pos + text.len());
        Ok(n)
    }

    fn read(&self, n: Option<usize>) -> String {
        let pos = self.pos.get();
        let (out, len) = self.buf.with(|b| {
            let start = pos.min(b.len());
            let end = n.map_or(b.len(), |n| start.saturating_add(n).min(b.len()));
            (b[start..end].iter().collect::<String>(), end - start)
        });
        self.pos.set(pos + len);
        out
    }

    fn readline(&self, limit: Option<usize>) -> String {
        let pos = self.pos.get();
        let (out, len) = self.buf.with(|b| {
            let start = pos.min(b.len());
            let rest = &b[start..];
            let mut end = find_line_end(rest, self.newline).unwrap_or(rest.len());
            if let Some(l) = limit {
                end = end.min(l);
            }
            (rest[..end].iter().collect::<String>(), end)
        });
        self.pos.set(pos + len);
        out
    }
}

fn st(o: &Obj) -> PyResult<Rc<StringState>> {
    match kind_of(o) {
        Kind::Str(s) => Ok(s),
        _ => Err(wrong_kind(o, "StringIO")),
    }
}

fn open_st(o: &Obj) -> PyResult<Rc<StringState>> {
    let s = st(o)?;
    s.check()?;
    Ok(s)
}

fn stringio_new(t: &TypeObj, _a: Args) -> PyResult {
    Ok(alloc_io(t, Kind::Str(Rc::new(StringState::new(Newline::Lf)))))
}

fn stringio_init(o: &Obj, a: Args) -> PyResult<()> {
    let [initial, newline] = args::parse(a, "StringIO", &["initial_value", "newline"], 0)?;
    let newline = match newline {
        None => Newline::Lf,
        Some(n) => Newline::parse_quoted(n)?,
    };
    let s = StringState::new(newline);
    if let Some(i) = initial.filter(|i| !i.is_none()) {
        let Some(text) = i.downcast::<StrObj>() else {
            return Err(PyErr::type_error(format!("initial_value must be str or None, not {}", i.class().name())));
        };
        s.write(text.as_str())?;
        s.pos.set(0);
    }
    set_kind(o, Kind::Str(Rc::new(s)));
    Ok(())
}

fn m_getvalue(a: Args) -> PyResult {
    let [s] = args::exact::<1>(a, "getvalue")?;
    let s = open_st(s)?;
    Ok(from_string(s.buf.with(|b| b.iter().collect())))
}

fn m_read(a: Args) -> PyResult {
    let [s, size] = args::parse(a, "read", &["self", "size", "/"], 1)?;
    let s = open_st(s.unwrap_or(crate::types::none_ref()))?;
    Ok(from_string(s.read(size_arg(size)?)))
}

fn m_readline(a: Args) -> PyResult {
    let [s, size] = args::parse(a, "readline", &["self", "size", "/"], 1)?;
    let s = open_st(s.unwrap_or(crate::types::none_ref()))?;
    Ok(from_string(s.readline(size_arg(size)?)))
}

fn m_write(a: Args) -> PyResult {
    let [o, text] = args::exact::<2>(a, "write")?;
    let Some(t) = text.downcast::<StrObj>() else {
        return Err(PyErr::type_error(format!("string argument expected, got '{}'", text.class().name())));
    };
    let s = open_st(o)?;
    Ok(int::from_usize(s.write(t.as_str())?))
}

fn m_seek(a: Args) -> PyResult {
    let [o, pos, whence] = args::parse(a, "seek", &["self", "pos", "whence", "/"], 2)?;
    let s = open_st(o.unwrap_or(crate::types::none_ref()))?;
    let pos = int::expect_i64(pos.unwrap_or(crate::types::none_ref()), "ssize_t")?;
    let whence = match whence {
        Some(w) => int::expect_i64(w, "int")?,
        None => 0,
    };
    let new = match whence {
        0 if pos < 0 => return Err(PyErr::value_error(format!("Negative seek position {pos}"))),
        0 => pos as usize,
        1 | 2 if pos != 0 => {
            return Err(PyErr::new(&crate::types::exceptions::OS_ERROR, "Can't do nonzero cur-relative seeks"))
        }
        1 => s.pos.get(),
        2 => s.buf.with(|b| b.len()),
        w => return Err(PyErr::value_error(format!("Invalid whence ({w}, should be 0, 1 or 2)"))),
    };
    s.pos.set(new);
    Ok(int::from_usize(new))
}

fn m_tell(a: Args) -> PyResult {
    let [o] = args::exact::<1>(a, "tell")?;
    Ok(int::from_usize(open_st(o)?.pos.get()))
}

fn m_truncate(a: Args) -> PyResult {
    let [o, size] = args::parse(a, "truncate", &["self", "pos", "/"], 1)?;
    let s = open_st(o.unwrap_or(crate::types::none_ref()))?;
    let size = match size {
        Some(v) if !v.is_none() => {
            let n = int::expect_i64(v, "ssize_t")?;
            if n < 0 {
                return Err(PyErr::value_error(format!("Negative size value {n}")));
            }
            n as usize
        }
        _ => s.pos.get(),
    };
    s.buf.with_mut(|b| {
        if size < b.len() {
            b.truncate(size)
        }
    });
    Ok(int::from_usize(size))
}

fn m_true(a: Args) -> PyResult {
    let [o] = args::exact::<1>(a, "readable")?;
    open_st(o)?;
    Ok(new_bool(true))
}

fn m_close(a: Args) -> PyResult {
    let [o] = args::exact::<1>(a, "close")?;
    let s = st(o)?;
    s.closed.set(true);
    drop(s.buf.take());
    Ok(none())
}

fn g_closed(o: &Obj) -> PyResult {
    Ok(new_bool(st(o)?.closed.get()))
}

fn g_line_buffering(o: &Obj) -> PyResult {
    open_st(o)?;
    Ok(new_bool(false))
}

fn g_newlines(o: &Obj) -> PyResult {
    let s = open_st(o)?;
    if !s.newline.universal_read() {
        return Ok(none());
    }
    Ok(super::textcodec::newlines_obj(s.seen.get()))
}

fn stringio_iternext(o: &Obj) -> PyResult<Option<PyRef>> {
    let s = open_st(o)?;
    if !o.class().is(&STRINGIO_TYPE) {
        // A subclass may override readline.
        let line = ops::call_method(o, "readline", &[])?;
        if !line.isa::<StrObj>() {
            return Err(PyErr::new(
                &crate::types::exceptions::OS_ERROR,
                format!("readline() should have returned a str object, not '{}'", line.class().name()),
            ));
        }
        return Ok(if ops::len(&line)? == 0 { None } else { Some(line) });
    }
    let line = s.readline(None);
    Ok(if line.is_empty() { None } else { Some(from_string(line)) })
}

fn stringio_iter(o: &Obj) -> PyResult {
    if st(o)?.closed.get() {
        return Err(closed_error());
    }
    Ok(o.to_owned())
}

static METHODS: &[MethodDef] = &[
    MethodDef::method("getvalue", m_getvalue),
    MethodDef::method("read", m_read),
    MethodDef::method("readline", m_readline),
    MethodDef::method("write", m_write),
    MethodDef::method("seek", m_seek),
    MethodDef::method("tell", m_tell),
    MethodDef::method("truncate", m_truncate),
    MethodDef::method("readable", m_true),
    MethodDef::method("writable", m_true),
    MethodDef::method("seekable", m_true),
    MethodDef::method("close", m_close),
];

static GETSETS: &[GetSetDef] = &[
    GetSetDef::getter("closed", g_closed),
    GetSetDef::getter("line_buffering", g_line_buffering),
    GetSetDef::getter("newlines", g_newlines),
];

crate::static_type! {
    pub static STRINGIO_TYPE: super::iobase::IoObj = "_io.StringIO" {
        module: "_io",
        flags: BASETYPE | HAVE_GC | WEAKREFABLE,
        base: TEXTIOBASE_TYPE,
        doc: "Text I/O implementation using an in-memory buffer.",
        methods: METHODS,
        getsets: GETSETS,
        slots: {
            new: stringio_new, init: stringio_init, iter: stringio_iter, iternext: stringio_iternext,
            traverse: generic::traverse, clear: generic::clear, finalize: generic::finalize,
        },
    }
}

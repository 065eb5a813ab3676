//! `BytesIO`: a binary stream over an in-memory byte buffer. Seeking past
//! the end and writing pads with zero bytes, as in CPython.

use std::cell::Cell;
use std::rc::Rc;

use super::iobase::{alloc_io, generic, kind_of, set_kind, wrong_kind, Kind, BUFFEREDIOBASE_TYPE};
use super::{closed_error, copy_into, size_arg, writable_len};
use crate::object::{Obj, PyCell, PyRef};
use crate::ops;
use crate::runtime::{PyErr, PyResult};
use crate::types::bytes::new_bytes;
use crate::types::bytes_args::buffer_arg;
use crate::types::typeobj::{Args, GetSetDef, MethodDef, TypeObj};
use crate::types::{int, new_bool, none};
use crate::util::args;

#[derive(Default)]
pub struct BytesState {
    buf: PyCell<Vec<u8>>,
    pos: Cell<usize>,
    closed: Cell<bool>,
}

impl BytesState {
    fn check(&self) -> PyResult<()> {
        if self.closed.get() {
            return Err(closed_error());
        }
        Ok(())
    }

    fn read(&self, n: Option<usize>) -> Vec<u8> {
        let pos = self.pos.get();
        let out = self.buf.with(|b| {
            let start = pos.min(b.len());
            let end = n.map_or(b.len(), |n| start.saturating_add(n).min(b.len()));
            b[start..end].to_vec()
        });
        self.pos.set(pos.max(pos) + out.len());
        if out.is_empty() {
            return out;
        }
        out
    }

    fn readline(&self, limit: Option<usize>) -> Vec<u8> {
        let pos = self.pos.get();
        let out = self.buf.with(|b| {
            let start = pos.min(b.len());
            let rest = &b[start..];
            let mut end = memchr::memchr(b'\n', rest).map_or(rest.len(), |i| i + 1);
            if let Some(l) = limit {
                end = end.min(l);
            }
            rest[..end].to_vec()
        });
        self.pos.set(pos + out.len());
        out
    }

    fn write(&self, data: &[u8]) -> PyResult<usize> {
        let pos = self.pos.get();
        let grown = self.buf.with_mut(|b| {
            let end = pos.checked_add(data.len())?;
            if b.len() < end {
                b.try_reserve(end - b.len()).ok()?;
                b.resize(end, 0);
            }
            b[pos..end].copy_from_slice(data);
            Some(())
        });
        if grown.is_none() {
            return Err(PyErr::memory_error());
        }
        self.pos.set(pos + data.len());
        Ok(data.len())
    }
}

fn st(o: &Obj) -> PyResult<Rc<BytesState>> {
    match kind_of(o) {
        Kind::Bytes(s) => Ok(s),
        _ => Err(wrong_kind(o, "BytesIO")),
    }
}

fn open_st(o: &Obj) -> PyResult<Rc<BytesState>> {
    let s = st(o)?;
    s.check()?;
    Ok(s)
}

fn bytesio_new(t: &TypeObj, _a: Args) -> PyResult {
    Ok(alloc_io(t, Kind::Bytes(Rc::new(BytesState::default()))))
}

fn bytesio_init(o: &Obj, a: Args) -> PyResult<()> {
    let [initial] = args::parse(a, "BytesIO", &["initial_bytes"], 0)?;
    let data = match initial {
        Some(i) if !i.is_none() => buffer_arg(i)?.into_owned(),
        _ => Vec::new(),
    };
    let s = BytesState::default();
    s.buf.replace(data);
    set_kind(o, Kind::Bytes(Rc::new(s)));
    Ok(())
}

fn m_getvalue(a: Args) -> PyResult {
    let [s] = args::exact::<1>(a, "getvalue")?;
    let s = open_st(s)?;
    Ok(s.buf.with(|b| new_bytes(b)))
}

/// `getbuffer()`: a read-only view of a snapshot of the contents (writes
/// through the view, which CPython allows, raise TypeError here).
fn m_getbuffer(a: Args) -> PyResult {
    let [s] = args::exact::<1>(a, "getbuffer")?;
    let s = open_st(s)?;
    let snapshot = s.buf.with(|b| new_bytes(b));
    crate::ops::call(crate::types::memoryview::MEMORYVIEW_TYPE.as_obj_ref(), &[&snapshot], None)
}

fn m_read(a: Args) -> PyResult {
    let [s, size] = args::parse(a, "read", &["self", "size", "/"], 1)?;
    let s = open_st(s.unwrap_or(crate::types::none_ref()))?;
    let n = size_arg(size)?;
    Ok(new_bytes(&s.read(n)))
}

fn m_readline(a: Args) -> PyResult {
    let [s, size] = args::parse(a, "readline", &["self", "size", "/"], 1)?;
    let s = open_st(s.unwrap_or(crate::types::none_ref()))?;
    let n = size_arg(size)?;
    Ok(new_bytes(&s.readline(n)))
}

fn m_readlines(a: Args) -> PyResult {
    let [o, hint] = args::parse(a, "readlines", &["self", "size", "/"], 1)?;
    let s = open_st(o.unwrap_or(crate::types::none_ref()))?;
    let hint = match size_arg(hint)? {
        Some(0) | None => usize::MAX,
        Some(h) => h,
    };
    let mut lines = Vec::new();
    let mut total = 0;
    loop {
        let line = s.readline(None);
        if line.is_empty() {
            break;
        }
        total += line.len();
        lines.push(new_bytes(&line));
        if total >= hint {
            break;
        }
    }
    Ok(crate::types::list::new_list(lines))
}

fn m_readinto(a: Args) -> PyResult {
    let [o, b] = args::exact::<2>(a, "readinto")?;
    let s = open_st(o)?;
    let n = writable_len(b, "readinto")?;
    let pos = s.pos.get();
    let data = s.read(Some(n));
    let copied = copy_into(b, &data)?;
    s.pos.set(pos + copied);
    Ok(int::from_usize(copied))
}

fn m_write(a: Args) -> PyResult {
    let [o, b] = args::exact::<2>(a, "write")?;
    let s = open_st(o)?;
    let data = buffer_arg(b)?;
    Ok(int::from_usize(s.write(&data)?))
}

fn m_writelines(a: Args) -> PyResult {
    let [o, lines] = args::exact::<2>(a, "writelines")?;
    let s = open_st(o)?;
    let it = ops::iter(lines)?;
    while let Some(line) = ops::next(&it)? {
        s.check()?;
        s.write(&buffer_arg(&line)?)?;
    }
    Ok(none())
}

fn m_seek(a: Args) -> PyResult {
    let [o, pos, whence] = args::parse(a, "seek", &["self", "pos", "whence", "/"], 2)?;
    let s = open_st(o.unwrap_or(crate::types::none_ref()))?;
    let pos = int::expect_i64(pos.unwrap_or(crate::types::none_ref()), "ssize_t")?;
    let whence = match whence {
        Some(w) => int::expect_i64(w, "int")?,
        None => 0,
    };
    let base = match whence {
        0 => {
            if pos < 0 {
                return Err(PyErr::value_error(format!("negative seek value {pos}")));
            }
            0
        }
        1 => s.pos.get() as i64,
        2 => s.buf.with(|b| b.len()) as i64,
        w => return Err(PyErr::value_error(format!("invalid whence ({w}, should be 0, 1 or 2)"))),
    };
    let new = base.saturating_add(pos).max(0) as usize;
    s.pos.set(new);
    Ok(int::from_usize(new))
}

fn m_tell(a: Args) -> PyResult {
    let [o] = args::exact::<1>(a, "tell")?;
    Ok(int::from_usize(open_st(o)?.pos.get()))
}

fn m_truncate(a: Args) -> PyResult {
    let [o, size] = args::parse(a, "truncate", &["self", "size", "/"], 1)?;
    let s = open_st(o.unwrap_or(crate::types::none_ref()))?;
    let size = match size {
        Some(v) if !v.is_none() => {
            let n = int::expect_i64(v, "ssize_t")?;
            if n < 0 {
                return Err(PyErr::value_error(format!("negative size value {n}")));
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

fn m_isatty(a: Args) -> PyResult {
    let [o] = args::exact::<1>(a, "isatty")?;
    open_st(o)?;
    Ok(new_bool(false))
}

fn m_flush(a: Args) -> PyResult {
    let [o] = args::exact::<1>(a, "flush")?;
    open_st(o)?;
    Ok(none())
}

fn m_close(a: Args) -> PyResult {
    let [o] = args::exact::<1>(a, "close")?;
    let s = st(o)?;
    s.closed.set(true);
    let old = s.buf.take();
    drop(old);
    Ok(none())
}

fn g_closed(o: &Obj) -> PyResult {
    Ok(new_bool(st(o)?.closed.get()))
}

fn bytesio_iternext(o: &Obj) -> PyResult<Option<PyRef>> {
    let s = open_st(o)?;
    let line = s.readline(None);
    Ok(if line.is_empty() { None } else { Some(new_bytes(&line)) })
}

fn bytesio_iter(o: &Obj) -> PyResult {
    open_st(o)?;
    Ok(o.to_owned())
}

static METHODS: &[MethodDef] = &[
    MethodDef::method("getvalue", m_getvalue),
    MethodDef::method("getbuffer", m_getbuffer),
    MethodDef::method("read", m_read),
    MethodDef::method("read1", m_read),
    MethodDef::method("readline", m_readline),
    MethodDef::method("readlines", m_readlines),
    MethodDef::method("readinto", m_readinto),
    MethodDef::method("readinto1", m_readinto),
    MethodDef::method("write", m_write),
    MethodDef::method("writelines", m_writelines),
    MethodDef::method("seek", m_seek),
    MethodDef::method("tell", m_tell),
    MethodDef::method("truncate", m_truncate),
    MethodDef::method("readable", m_true),
    MethodDef::method("writable", m_true),
    MethodDef::method("seekable", m_true),
    MethodDef::method("isatty", m_isatty),
    MethodDef::method("flush", m_flush),
    MethodDef::method("close", m_close),
];

static GETSETS: &[GetSetDef] = &[GetSetDef::getter("closed", g_closed)];

crate::static_type! {
    pub static BYTESIO_TYPE: super::iobase::IoObj = "_io.BytesIO" {
        module: "_io",
        flags: BASETYPE | HAVE_GC | WEAKREFABLE,
        base: BUFFEREDIOBASE_TYPE,
        doc: "Buffered I/O implementation using an in-memory bytes buffer.",
        methods: METHODS,
        getsets: GETSETS,
        slots: {
            new: bytesio_new, init: bytesio_init, iter: bytesio_iter, iternext: bytesio_iternext,
            traverse: generic::traverse, clear: generic::clear, finalize: generic::finalize,
        },
    }
}

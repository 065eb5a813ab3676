//! The payload every `_io` object shares and the four abstract bases:
//! `_IOBase`, `_RawIOBase`, `_BufferedIOBase` and `_TextIOBase`, whose
//! methods work on any subclass by calling the subclass's own methods
//! (`readline` through `read`/`peek`, `close` through `flush`, iteration
//! through `readline`), as CPython's do.

use std::cell::Cell;
use std::rc::Rc;

use super::buffered::BufState;
use super::bufpair::PairState;
use super::bytesio::BytesState;
use super::fileio::FileState;
use super::stringio::StringState;
use super::textio::TextState;
use super::{closed_error, copy_into, size_arg, unsupported, writable_len, DEFAULT_BUFFER_SIZE};
use crate::object::{Obj, PyCell, PyRef};
use crate::ops;
use crate::runtime::{PyErr, PyResult};
use crate::types::bytes::{new_bytes, BytesObj};
use crate::types::typeobj::{Args, GetSetDef, MethodDef, TypeObj};
use crate::types::{int, new_bool, none};
use crate::util::args;

/// What an `_io` object is underneath.
#[derive(Clone)]
pub enum Kind {
    /// An instance of a Python subclass of the abstract bases.
    Base,
    Bytes(Rc<BytesState>),
    Str(Rc<StringState>),
    File(Rc<FileState>),
    Buffered(Rc<BufState>),
    Pair(Rc<PairState>),
    Text(Rc<TextState>),
}

#[repr(C)]
pub struct IoObj {
    pub ob: Obj,
    /// Set by `_IOBase.close()` (the closed state of Python subclasses).
    base_closed: Cell<bool>,
    kind: PyCell<Kind>,
}

/// A new `_io` object of type `t` with the given state.
pub fn alloc_io(t: &TypeObj, kind: Kind) -> PyRef {
    crate::object::alloc::alloc_object(
        t,
        IoObj { ob: Obj::new(t), base_closed: Cell::new(false), kind: PyCell::new(kind) },
        0,
    )
}

/// The state of `o` (a clone of the `Rc`, so no borrow is held while the
/// caller runs Python code).
pub fn kind_of(o: &Obj) -> Kind {
    match o.downcast::<IoObj>() {
        Some(io) => io.kind.get_clone(),
        None => Kind::Base,
    }
}

/// Replaces the state of `o` (`__init__`); the old state is dropped after
/// the cell is released.
pub fn set_kind(o: &Obj, kind: Kind) {
    if let Some(io) = o.downcast::<IoObj>() {
        let old = io.kind.replace(kind);
        drop(old);
    }
}

/// TypeError for a method of `what` called on an object of another kind
/// (possible only through unusual multiple inheritance).
#[cold]
pub fn wrong_kind(o: &Obj, what: &str) -> PyErr {
    PyErr::type_error(format!("'{}' object is not an initialized {what}", o.class().name()))
}

fn io_new(t: &TypeObj, _a: Args) -> PyResult {
    Ok(alloc_io(t, Kind::Base))
}

pub fn io_traverse(o: &Obj, visit: &mut dyn FnMut(&Obj)) {
    let Some(io) = o.downcast::<IoObj>() else { return };
    io.kind.with(|k| match k {
        Kind::Buffered(b) => b.traverse(visit),
        Kind::Pair(p) => p.traverse(visit),
        Kind::Text(t) => t.traverse(visit),
        Kind::Base | Kind::Bytes(_) | Kind::Str(_) | Kind::File(_) => {}
    });
}

pub fn io_clear(o: &Obj) {
    set_kind(o, Kind::Base);
}

/// Closes an unreachable stream that is still open (flushing what it
/// buffered), as CPython's finaliser does; errors are ignored.
pub fn io_finalize(o: &Obj) {
    if matches!(kind_of(o), Kind::Bytes(_) | Kind::Str(_)) || crate::gc::is_finalized(o) {
        return;
    }
    crate::gc::mark_finalized(o);
    let saved = crate::runtime::ts().take_raised_for_finalizer();
    let closed = ops::getattr_str(o, "closed").and_then(|c| ops::is_true(&c));
    if let Ok(false) = closed {
        let _ = ops::call_method(o, "close", &[]);
    }
    crate::runtime::ts().restore_after_finalizer(saved);
}

/// Whether `o.closed` is true (looked up, so subclasses may override it).
pub fn is_closed(o: &Obj) -> PyResult<bool> {
    ops::is_true(&*ops::getattr_str(o, "closed")?)
}

/// `ValueError` unless `o.closed` is false.
pub fn check_closed(o: &Obj) -> PyResult<()> {
    if is_closed(o)? {
        return Err(closed_error());
    }
    Ok(())
}

fn check_true(o: &Obj, method: &str, msg: &str) -> PyResult {
    let r = ops::call_method(o, method, &[])?;
    if !r.is(&crate::types::true_()) {
        return Err(unsupported(msg));
    }
    Ok(none())
}

fn m_seek(_a: Args) -> PyResult {
    Err(unsupported("seek"))
}
fn m_tell(a: Args) -> PyResult {
    let [s] = args::exact::<1>(a, "tell")?;
    ops::call_method(s, "seek", &[&int::new_int(0), &int::new_int(1)])
}
fn m_truncate(_a: Args) -> PyResult {
    Err(unsupported("truncate"))
}
fn m_flush(a: Args) -> PyResult {
    let [s] = args::exact::<1>(a, "flush")?;
    check_closed(s)?;
    Ok(none())
}
fn m_close(a: Args) -> PyResult {
    let [s] = args::exact::<1>(a, "close")?;
    let io = s.downcast::<IoObj>().ok_or_else(|| wrong_kind(s, "_IOBase"))?;
    if io.base_closed.get() {
        return Ok(none());
    }
    let r = ops::call_method(s, "flush", &[]);
    io.base_closed.set(true);
    r.map(|_| none())
}
fn m_false(a: Args) -> PyResult {
    let [_s] = args::exact::<1>(a, "readable")?;
    Ok(new_bool(false))
}
fn m_check_closed(a: Args) -> PyResult {
    check_closed(self_of(&a)?)?;
    Ok(none())
}
fn self_of<'a>(a: &Args<'a>) -> PyResult<&'a Obj> {
    a.all.first().copied().ok_or_else(|| PyErr::type_error("method needs an argument"))
}
fn m_check_readable(a: Args) -> PyResult {
    check_true(self_of(&a)?, "readable", "File or stream is not readable.")
}
fn m_check_writable(a: Args) -> PyResult {
    check_true(self_of(&a)?, "writable", "File or stream is not writable.")
}
fn m_check_seekable(a: Args) -> PyResult {
    check_true(self_of(&a)?, "seekable", "File or stream is not seekable.")
}
fn m_fileno(_a: Args) -> PyResult {
    Err(unsupported("fileno"))
}
fn m_isatty(a: Args) -> PyResult {
    let [s] = args::exact::<1>(a, "isatty")?;
    check_closed(s)?;
    Ok(new_bool(false))
}
fn m_enter(a: Args) -> PyResult {
    let [s] = args::exact::<1>(a, "__enter__")?;
    check_closed(s)?;
    Ok(s.to_owned())
}
fn m_exit(a: Args) -> PyResult {
    ops::call_method(self_of(&a)?, "close", &[])
}

/// `_IOBase.readline(size=-1)`: one byte at a time through `read`, or as far
/// as the next newline through `peek` when the object has one.
fn m_readline(a: Args) -> PyResult {
    let [s, size] = args::parse(a, "readline", &["self", "size", "/"], 1)?;
    let s = s.unwrap_or(crate::types::none_ref());
    let limit = size_arg(size)?;
    let peek = ops::lookup_attr(s, "peek")?;
    let mut out: Vec<u8> = Vec::new();
    while limit.is_none_or(|l| out.len() < l) {
        let mut want = 1usize;
        if let Some(peek) = &peek {
            let ahead = ops::call1(peek, &int::new_int(1))?;
            let Some(ahead) = crate::types::bytes_args::buffer(&ahead) else {
                return Err(PyErr::new(
                    &crate::types::exceptions::OS_ERROR,
                    format!("peek() should have returned a bytes object, not '{}'", ahead.class().name()),
                ));
            };
            if ahead.is_empty() {
                break;
            }
            want = ahead.iter().position(|b| *b == b'\n').map_or(ahead.len(), |i| i + 1);
            if let Some(l) = limit {
                want = want.min(l - out.len());
            }
        }
        let got = ops::call_method(s, "read", &[&int::from_usize(want)])?;
        let Some(got) = got.downcast::<BytesObj>() else {
            return Err(PyErr::new(
                &crate::types::exceptions::OS_ERROR,
                format!("read() should have returned a bytes object, not '{}'", got.class().name()),
            ));
        };
        if got.as_bytes().is_empty() {
            break;
        }
        out.extend_from_slice(got.as_bytes());
        if out.ends_with(b"\n") {
            break;
        }
    }
    Ok(new_bytes(&out))
}

/// `readlines(hint=-1)`: lines from iterating `self`, stopping once their
/// total length reaches a positive `hint`.
pub fn readlines_of(s: &Obj, hint: Option<&Obj>) -> PyResult {
    let hint = match hint {
        None => 0,
        Some(h) if h.is_none() => 0,
        Some(h) => int::expect_i64(h, "ssize_t")?,
    };
    let it = ops::iter(s)?;
    let mut lines = Vec::new();
    let mut total = 0usize;
    while let Some(line) = ops::next(&it)? {
        if hint > 0 {
            total += ops::len(&line)?;
        }
        lines.push(line);
        if hint > 0 && total >= hint as usize {
            break;
        }
    }
    Ok(crate::types::list::new_list(lines))
}

fn m_readlines(a: Args) -> PyResult {
    let [s, hint] = args::parse(a, "readlines", &["self", "hint", "/"], 1)?;
    readlines_of(s.unwrap_or(crate::types::none_ref()), hint)
}

fn m_writelines(a: Args) -> PyResult {
    let [s, lines] = args::exact::<2>(a, "writelines")?;
    check_closed(s)?;
    let it = ops::iter(lines)?;
    while let Some(line) = ops::next(&it)? {
        ops::call_method(s, "write", &[&line])?;
    }
    Ok(none())
}

fn g_closed(o: &Obj) -> PyResult {
    Ok(new_bool(o.downcast::<IoObj>().is_some_and(|io| io.base_closed.get())))
}

fn io_iter(o: &Obj) -> PyResult {
    check_closed(o)?;
    Ok(o.to_owned())
}

fn io_iternext(o: &Obj) -> PyResult<Option<PyRef>> {
    let line = ops::call_method(o, "readline", &[])?;
    Ok(if ops::len(&line)? == 0 { None } else { Some(line) })
}

static IOBASE_METHODS: &[MethodDef] = &[
    MethodDef::method("seek", m_seek),
    MethodDef::method("tell", m_tell),
    MethodDef::method("truncate", m_truncate),
    MethodDef::method("flush", m_flush),
    MethodDef::method("close", m_close),
    MethodDef::method("seekable", m_false),
    MethodDef::method("readable", m_false),
    MethodDef::method("writable", m_false),
    MethodDef::method("_checkClosed", m_check_closed),
    MethodDef::method("_checkSeekable", m_check_seekable),
    MethodDef::method("_checkReadable", m_check_readable),
    MethodDef::method("_checkWritable", m_check_writable),
    MethodDef::method("fileno", m_fileno),
    MethodDef::method("isatty", m_isatty),
    MethodDef::method("__enter__", m_enter),
    MethodDef::method("__exit__", m_exit),
    MethodDef::method("readline", m_readline),
    MethodDef::method("readlines", m_readlines),
    MethodDef::method("writelines", m_writelines),
];

static IOBASE_GETSETS: &[GetSetDef] = &[GetSetDef::getter("closed", g_closed)];

crate::static_type! {
    pub static IOBASE_TYPE: IoObj = "_io._IOBase" {
        module: "_io",
        flags: BASETYPE | HAVE_GC | WEAKREFABLE,
        doc: "The abstract base class for all I/O classes.",
        methods: IOBASE_METHODS,
        getsets: IOBASE_GETSETS,
        slots: {
            new: io_new, iter: io_iter, iternext: io_iternext, traverse: io_traverse, clear: io_clear,
            finalize: io_finalize,
        },
    }
}

// --- _RawIOBase ---------------------------------------------------------

/// `_RawIOBase.read(size=-1)`: `readall()`, or one `readinto` call.
fn raw_read(a: Args) -> PyResult {
    let [s, size] = args::parse(a, "read", &["self", "size", "/"], 1)?;
    let s = s.unwrap_or(crate::types::none_ref());
    let Some(n) = size_arg(size)? else { return ops::call_method(s, "readall", &[]) };
    let buf = crate::types::bytearray::new_bytearray(vec![0; n]);
    let got = ops::call_method(s, "readinto", &[&buf])?;
    if got.is_none() {
        return Ok(got);
    }
    let k = int::expect_i64(&got, "ssize_t")?;
    if k < 0 || k as usize > n {
        return Err(PyErr::value_error(format!("readinto returned {k} outside buffer size {n}")));
    }
    let data = crate::types::bytearray::bytearray_data(&buf).unwrap_or_default();
    Ok(new_bytes(&data[..k as usize]))
}

/// `_RawIOBase.readall()`: `read(DEFAULT_BUFFER_SIZE)` until end of file.
fn raw_readall(a: Args) -> PyResult {
    let [s] = args::exact::<1>(a, "readall")?;
    let mut out = Vec::new();
    loop {
        let chunk = ops::call_method(s, "read", &[&int::from_usize(DEFAULT_BUFFER_SIZE)])?;
        if chunk.is_none() {
            if out.is_empty() {
                return Ok(chunk);
            }
            break;
        }
        let Some(b) = chunk.downcast::<BytesObj>() else {
            return Err(PyErr::type_error("read() should return bytes"));
        };
        if b.as_bytes().is_empty() {
            break;
        }
        out.extend_from_slice(b.as_bytes());
    }
    Ok(new_bytes(&out))
}

fn raw_not_implemented(_a: Args) -> PyResult {
    Err(PyErr::not_implemented(""))
}

static RAW_METHODS: &[MethodDef] = &[
    MethodDef::method("read", raw_read),
    MethodDef::method("readall", raw_readall),
    MethodDef::method("readinto", raw_not_implemented),
    MethodDef::method("write", raw_not_implemented),
];

crate::static_type! {
    pub static RAWIOBASE_TYPE: IoObj = "_io._RawIOBase" {
        module: "_io",
        flags: BASETYPE | HAVE_GC | WEAKREFABLE,
        base: IOBASE_TYPE,
        doc: "Base class for raw binary I/O.",
        methods: RAW_METHODS,
        slots: { new: io_new, traverse: io_traverse, clear: io_clear, finalize: io_finalize },
    }
}

// --- _BufferedIOBase ----------------------------------------------------

fn unsupported_method(name: &'static str) -> PyErr {
    unsupported(name)
}
fn buf_read(_a: Args) -> PyResult {
    Err(unsupported_method("read"))
}
fn buf_read1(_a: Args) -> PyResult {
    Err(unsupported_method("read1"))
}
fn buf_write(_a: Args) -> PyResult {
    Err(unsupported_method("write"))
}
fn buf_detach(_a: Args) -> PyResult {
    Err(unsupported_method("detach"))
}

fn readinto_via(a: Args, name: &str, method: &str) -> PyResult {
    let [s, b] = args::exact::<2>(a, name)?;
    let n = writable_len(b, name)?;
    let data = ops::call_method(s, method, &[&int::from_usize(n)])?;
    let Some(d) = crate::types::bytes_args::buffer(&data) else {
        return Err(PyErr::type_error("read() should return bytes"));
    };
    if d.len() > n {
        return Err(PyErr::value_error(format!(
            "read() returned too much data: {n} bytes requested, {} returned",
            d.len()
        )));
    }
    Ok(int::from_usize(copy_into(b, &d)?))
}
fn buf_readinto(a: Args) -> PyResult {
    readinto_via(a, "readinto", "read")
}
fn buf_readinto1(a: Args) -> PyResult {
    readinto_via(a, "readinto1", "read1")
}

static BUFFERED_BASE_METHODS: &[MethodDef] = &[
    MethodDef::method("read", buf_read),
    MethodDef::method("read1", buf_read1),
    MethodDef::method("write", buf_write),
    MethodDef::method("detach", buf_detach),
    MethodDef::method("readinto", buf_readinto),
    MethodDef::method("readinto1", buf_readinto1),
];

crate::static_type! {
    pub static BUFFEREDIOBASE_TYPE: IoObj = "_io._BufferedIOBase" {
        module: "_io",
        flags: BASETYPE | HAVE_GC | WEAKREFABLE,
        base: IOBASE_TYPE,
        doc: "Base class for buffered IO objects.",
        methods: BUFFERED_BASE_METHODS,
        slots: { new: io_new, traverse: io_traverse, clear: io_clear, finalize: io_finalize },
    }
}

// --- _TextIOBase --------------------------------------------------------

fn text_readline(_a: Args) -> PyResult {
    Err(unsupported_method("readline"))
}
fn g_none(_o: &Obj) -> PyResult {
    Ok(none())
}

static TEXT_BASE_METHODS: &[MethodDef] = &[
    MethodDef::method("read", buf_read),
    MethodDef::method("readline", text_readline),
    MethodDef::method("write", buf_write),
    MethodDef::method("detach", buf_detach),
];

static TEXT_BASE_GETSETS: &[GetSetDef] = &[
    GetSetDef::getter("encoding", g_none),
    GetSetDef::getter("newlines", g_none),
    GetSetDef::getter("errors", g_none),
];

crate::static_type! {
    pub static TEXTIOBASE_TYPE: IoObj = "_io._TextIOBase" {
        module: "_io",
        flags: BASETYPE | HAVE_GC | WEAKREFABLE,
        base: IOBASE_TYPE,
        doc: "Base class for text I/O.",
        methods: TEXT_BASE_METHODS,
        getsets: TEXT_BASE_GETSETS,
        slots: { new: io_new, traverse: io_traverse, clear: io_clear, finalize: io_finalize },
    }
}

pub fn types() -> Vec<&'static TypeObj> {
    vec![&IOBASE_TYPE.0, &RAWIOBASE_TYPE.0, &BUFFEREDIOBASE_TYPE.0, &TEXTIOBASE_TYPE.0]
}

/// `_IOBase` slots reused by the concrete classes.
pub mod generic {
    pub use super::{io_clear as clear, io_finalize as finalize, io_traverse as traverse};
}

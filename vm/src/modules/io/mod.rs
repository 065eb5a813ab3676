//! `_io`: the native core under CPython's pure-Python `io` module and the
//! builtin `open()`.
//!
//! Every `_io` class shares one payload (`iobase::IoObj`): the object header,
//! the closed flag of `_IOBase` and a `Kind` naming the concrete state
//! (BytesIO buffer, file descriptor, buffered or text layer). Sharing one
//! layout lets Python classes combine the abstract bases freely, as `io.py`
//! does (`class RawIOBase(_io._RawIOBase, IOBase)`). The layers talk to each
//! other through Python method calls, with direct Rust calls when the object
//! below is one of Ember's own (a BufferedReader over a FileIO never goes
//! through attribute lookup).
//!
//! Files: `iobase.rs` (the four abstract bases and their generic methods),
//! `bytesio.rs`, `stringio.rs`, `fileio.rs`, `buffered.rs` (+ `bufpair.rs`),
//! `textio.rs` (+ `textcodec.rs`, the decoding and newline rules, and
//! `newline.rs`, `IncrementalNewlineDecoder`), `open.rs` (mode parsing and
//! `open()`), `sys.rs` (all the unsafe code: payload layout declarations and adopting
//! a descriptor number).

mod buffered;
mod bufpair;
mod bytesio;
mod fileio;
pub mod iobase;
mod newline;
mod open;
mod stringio;
mod sys;
mod textcodec;
mod textio;

use std::cell::RefCell;

use crate::object::{Obj, PyRef};
use crate::runtime::{PyErr, PyResult};
use crate::types::module::{new_module, ModuleObj};
use crate::types::str::{new_str, StrObj};
use crate::types::typeobj::{Args, MethodDef, TypeObj};
use crate::types::{exceptions, int, none};
use crate::util::args;

/// `io.DEFAULT_BUFFER_SIZE`.
pub const DEFAULT_BUFFER_SIZE: usize = 8192;

thread_local! {
    static UNSUPPORTED: RefCell<Option<PyRef>> = const { RefCell::new(None) };
    static WRITERS: RefCell<Vec<Writer>> = const { RefCell::new(Vec::new()) };
}

/// A writable stream that may still hold unwritten data at exit.
enum Writer {
    Text(std::rc::Weak<textio::TextState>),
    Buffered(std::rc::Weak<buffered::BufState>),
}

impl Writer {
    fn alive(&self) -> bool {
        match self {
            Writer::Text(w) => w.strong_count() > 0,
            Writer::Buffered(w) => w.strong_count() > 0,
        }
    }
}

fn register_writer(w: Writer) {
    WRITERS.with(|ws| {
        let mut ws = ws.borrow_mut();
        if ws.len() >= 64 && ws.len().is_power_of_two() {
            ws.retain(Writer::alive);
        }
        ws.push(w);
    });
}

/// Remembers a writable text stream for [`flush_at_exit`].
pub fn register_text(t: &std::rc::Rc<textio::TextState>) {
    register_writer(Writer::Text(std::rc::Rc::downgrade(t)));
}

/// Remembers a writable buffered stream for [`flush_at_exit`].
pub fn register_buffered(b: &std::rc::Rc<buffered::BufState>) {
    register_writer(Writer::Buffered(std::rc::Rc::downgrade(b)));
}

/// Writes out what open streams still buffer (text layers first), as
/// CPython does for files left open at exit. Errors are ignored.
pub fn flush_at_exit() {
    let all = WRITERS.with(|ws| std::mem::take(&mut *ws.borrow_mut()));
    for w in &all {
        if let Writer::Text(t) = w {
            if let Some(t) = t.upgrade() {
                t.flush_for_exit();
            }
        }
    }
    for w in &all {
        if let Writer::Buffered(b) = w {
            if let Some(b) = b.upgrade() {
                b.flush_for_exit();
            }
        }
    }
}

/// `io.UnsupportedOperation`, a Python class deriving from OSError and
/// ValueError (made on first use; `io.py` sets its `__module__`).
pub fn unsupported_type() -> PyResult<PyRef> {
    if let Some(t) = UNSUPPORTED.with(|u| u.borrow().clone()) {
        return Ok(t);
    }
    let bases = crate::types::tuple::new_tuple(vec![
        exceptions::OS_ERROR.as_obj_ref().to_owned(),
        exceptions::VALUE_ERROR.as_obj_ref().to_owned(),
    ]);
    let ns = crate::types::dict::new_dict();
    if let Some(d) = ns.downcast::<crate::types::dict::DictObj>() {
        d.set_str(&new_str("__module__"), new_str("io"));
    }
    let t = crate::ops::call(
        crate::types::typeobj::TYPE_TYPE.as_obj_ref(),
        &[&new_str("UnsupportedOperation"), &bases, &ns],
        None,
    )?;
    UNSUPPORTED.with(|u| *u.borrow_mut() = Some(t.clone()));
    Ok(t)
}

/// `io.UnsupportedOperation(msg)`.
#[cold]
pub fn unsupported(msg: &str) -> PyErr {
    match unsupported_type().and_then(|t| crate::ops::call1(&t, &new_str(msg))) {
        Ok(e) => PyErr::from_exc(e),
        Err(e) => e,
    }
}

/// `ValueError: I/O operation on closed file.`
#[cold]
pub fn closed_error() -> PyErr {
    PyErr::value_error("I/O operation on closed file.")
}

/// An OSError subclass for `e`, naming `filename` when given.
#[cold]
pub fn os_error(e: &std::io::Error, filename: Option<&Obj>) -> PyErr {
    let Some(name) = filename else { return crate::modules::sys::os_error(e) };
    let code = e.raw_os_error().unwrap_or(5);
    let msg = e.to_string();
    let msg = msg.split(" (os error").next().unwrap_or(&msg).to_string();
    let ty = exceptions::errno_subclass(code as i64).unwrap_or(&exceptions::OS_ERROR);
    PyErr::from_exc(exceptions::new_exception(ty, vec![int::new_int(code as i64), new_str(&msg), name.to_owned()]))
}

/// A size argument where None or a negative number means "all".
pub fn size_arg(o: Option<&Obj>) -> PyResult<Option<usize>> {
    match o {
        None => Ok(None),
        Some(o) if o.is_none() => Ok(None),
        Some(o) => {
            let Some(n) =
                int::index_of(o).map_err(|_| PyErr::overflow_error("Python int too large to convert to C ssize_t"))?
            else {
                return Err(PyErr::type_error(format!(
                    "argument should be integer or None, not '{}'",
                    o.class().name()
                )));
            };
            Ok(if n < 0 { None } else { Some(n as usize) })
        }
    }
}

/// Copies `data` into the writable bytes-like object `b` (a bytearray, an
/// array, or a writable memoryview); returns the number of bytes copied.
pub fn copy_into(b: &Obj, data: &[u8]) -> PyResult<usize> {
    let prefix = |d: &mut Vec<u8>| {
        let n = data.len().min(d.len());
        d[..n].copy_from_slice(&data[..n]);
        n
    };
    if let Some(ba) = b.downcast::<crate::types::bytearray::ByteArrayObj>() {
        return Ok(ba.data.with_mut(prefix));
    }
    if let Some(n) = crate::modules::array::with_array_data_mut(b, prefix) {
        return Ok(n);
    }
    if let Some(n) = crate::types::memoryview::write_prefix(b, data) {
        return Ok(n);
    }
    let n = data.len().min(crate::ops::len(b)?);
    if n > 0 {
        let slice = crate::types::slice::new_slice(int::new_int(0), int::from_usize(n), none());
        crate::ops::setitem(b, &slice, &crate::types::bytes::new_bytes(&data[..n]))?;
    }
    Ok(n)
}

/// The length in bytes of a writable buffer argument of `readinto`, with
/// CPython's TypeError for read-only objects.
pub fn writable_len(b: &Obj, method: &str) -> PyResult<usize> {
    if let Some(ba) = b.downcast::<crate::types::bytearray::ByteArrayObj>() {
        return Ok(ba.data.with(Vec::len));
    }
    if let Some(n) = crate::modules::array::with_array_data(b, <[u8]>::len) {
        return Ok(n);
    }
    if let Some(n) = crate::types::memoryview::writable_nbytes(b) {
        return Ok(n);
    }
    Err(PyErr::type_error(format!(
        "{method}() argument must be read-write bytes-like object, not {}",
        b.class().name()
    )))
}

/// `io.text_encoding(encoding, stacklevel=2, /)`.
fn text_encoding(a: Args) -> PyResult {
    let [enc, _level] = args::parse(a, "text_encoding", &["encoding", "stacklevel", "/"], 1)?;
    match enc {
        Some(e) if !e.is_none() => Ok(e.to_owned()),
        _ => Ok(new_str("locale")),
    }
}

/// `io.open_code(path)`: the file opened for reading in binary mode.
fn open_code(a: Args) -> PyResult {
    let [path] = args::parse(a, "open_code", &["path"], 1)?;
    let path = path.unwrap_or(crate::types::none_ref());
    if !path.isa::<StrObj>() {
        return Err(PyErr::type_error(format!("open_code() argument 'path' must be str, not {}", path.class().name())));
    }
    open::open_file(path, "rb", -1, None, None, None, true, None)
}

/// The builtin `open()`.
pub fn open(a: Args) -> PyResult {
    open::open(a)
}

static FUNCS: &[MethodDef] =
    &[MethodDef::method("text_encoding", text_encoding), MethodDef::method("open_code", open_code)];

/// Static types of `_io`.
pub fn types() -> Vec<&'static TypeObj> {
    let mut v = iobase::types();
    v.extend([
        &bytesio::BYTESIO_TYPE.0,
        &stringio::STRINGIO_TYPE.0,
        &fileio::FILEIO_TYPE.0,
        &buffered::BUFFERED_READER_TYPE.0,
        &buffered::BUFFERED_WRITER_TYPE.0,
        &buffered::BUFFERED_RANDOM_TYPE.0,
        &bufpair::BUFFERED_RWPAIR_TYPE.0,
        &textio::TEXTIOWRAPPER_TYPE.0,
        &newline::NEWLINE_DECODER_TYPE.0,
    ]);
    v
}

pub fn init() -> PyResult<PyRef> {
    let m = new_module("_io");
    let mo = m.downcast::<ModuleObj>().ok_or_else(|| PyErr::system_error("_io module"))?;
    mo.add_functions(&m, FUNCS);
    // The builtin `open` itself, so that `io.open is open`.
    let builtins = crate::builtins::builtins_module();
    mo.set_attr("open", crate::ops::getattr_str(&builtins, "open")?);
    mo.set_attr("DEFAULT_BUFFER_SIZE", int::from_usize(DEFAULT_BUFFER_SIZE));
    mo.set_attr("UnsupportedOperation", unsupported_type()?);
    mo.set_attr("BlockingIOError", exceptions::BLOCKING_IO_ERROR.as_obj_ref().to_owned());
    for t in types() {
        let name = t.with_name(|n| n.rsplit_once('.').map_or(n, |(_, tail)| tail).to_string());
        mo.set_attr(&name, t.as_obj_ref().to_owned());
    }
    Ok(m)
}

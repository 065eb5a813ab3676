//! `BufferedRWPair(reader, writer)`: a BufferedReader and a BufferedWriter
//! over two raw streams, used as one object.

use std::rc::Rc;

use super::buffered::{new_buffered, BUFFERED_READER_TYPE, BUFFERED_WRITER_TYPE};
use super::iobase::{alloc_io, generic, kind_of, set_kind, Kind, BUFFEREDIOBASE_TYPE};
use super::DEFAULT_BUFFER_SIZE;
use crate::object::{Obj, PyRef};
use crate::ops;
use crate::runtime::{PyErr, PyResult};
use crate::types::typeobj::{Args, GetSetDef, MethodDef, TypeObj};
use crate::types::{int, none};
use crate::util::args;

pub struct PairState {
    reader: PyRef,
    writer: PyRef,
}

impl PairState {
    pub fn traverse(&self, visit: &mut dyn FnMut(&Obj)) {
        visit(&self.reader);
        visit(&self.writer);
    }
}

fn st(o: &Obj) -> PyResult<Rc<PairState>> {
    match kind_of(o) {
        Kind::Pair(p) => Ok(p),
        _ => Err(PyErr::value_error("I/O operation on uninitialized object")),
    }
}

fn pair_new(t: &TypeObj, _a: Args) -> PyResult {
    Ok(alloc_io(t, Kind::Base))
}

fn pair_init(o: &Obj, a: Args) -> PyResult<()> {
    let [reader, writer, size] = args::parse(a, "BufferedRWPair", &["reader", "writer", "buffer_size", "/"], 2)?;
    let size = match size {
        Some(s) => int::expect_i64(s, "ssize_t")?,
        None => DEFAULT_BUFFER_SIZE as i64,
    };
    if size <= 0 {
        return Err(PyErr::value_error("buffer size must be strictly positive"));
    }
    let none_ref = crate::types::none_ref();
    let reader = new_buffered(&BUFFERED_READER_TYPE, reader.unwrap_or(none_ref), size as usize)?;
    let writer = new_buffered(&BUFFERED_WRITER_TYPE, writer.unwrap_or(none_ref), size as usize)?;
    set_kind(o, Kind::Pair(Rc::new(PairState { reader, writer })));
    Ok(())
}

fn forward(a: Args, name: &str, to_writer: bool) -> PyResult {
    let s = st(a.all.first().copied().ok_or_else(|| PyErr::type_error("missing self"))?)?;
    let target = if to_writer { &s.writer } else { &s.reader };
    let m = ops::getattr_str(target, name)?;
    ops::call(&m, &a.all[1..], a.kwnames)
}

fn m_read(a: Args) -> PyResult {
    forward(a, "read", false)
}
fn m_peek(a: Args) -> PyResult {
    forward(a, "peek", false)
}
fn m_read1(a: Args) -> PyResult {
    forward(a, "read1", false)
}
fn m_readinto(a: Args) -> PyResult {
    forward(a, "readinto", false)
}
fn m_readinto1(a: Args) -> PyResult {
    forward(a, "readinto1", false)
}
fn m_readable(a: Args) -> PyResult {
    forward(a, "readable", false)
}
fn m_write(a: Args) -> PyResult {
    forward(a, "write", true)
}
fn m_flush(a: Args) -> PyResult {
    forward(a, "flush", true)
}
fn m_writable(a: Args) -> PyResult {
    forward(a, "writable", true)
}

fn m_isatty(a: Args) -> PyResult {
    let [s] = args::exact::<1>(a, "isatty")?;
    let s = st(s)?;
    if ops::is_true(&*ops::call_method(&s.writer, "isatty", &[])?)? {
        return Ok(crate::types::new_bool(true));
    }
    ops::call_method(&s.reader, "isatty", &[])
}

fn m_close(a: Args) -> PyResult {
    let [s] = args::exact::<1>(a, "close")?;
    let s = st(s)?;
    let w = ops::call_method(&s.writer, "close", &[]);
    let r = ops::call_method(&s.reader, "close", &[]);
    w?;
    r?;
    Ok(none())
}

fn g_closed(o: &Obj) -> PyResult {
    ops::getattr_str(&st(o)?.writer, "closed")
}

static METHODS: &[MethodDef] = &[
    MethodDef::method("read", m_read),
    MethodDef::method("peek", m_peek),
    MethodDef::method("read1", m_read1),
    MethodDef::method("readinto", m_readinto),
    MethodDef::method("readinto1", m_readinto1),
    MethodDef::method("readable", m_readable),
    MethodDef::method("write", m_write),
    MethodDef::method("flush", m_flush),
    MethodDef::method("writable", m_writable),
    MethodDef::method("isatty", m_isatty),
    MethodDef::method("close", m_close),
];

static GETSETS: &[GetSetDef] = &[GetSetDef::getter("closed", g_closed)];

crate::static_type! {
    pub static BUFFERED_RWPAIR_TYPE: super::iobase::IoObj = "_io.BufferedRWPair" {
        module: "_io",
        flags: BASETYPE | HAVE_GC | WEAKREFABLE,
        base: BUFFEREDIOBASE_TYPE,
        doc: "A buffered reader and writer object together.",
        methods: METHODS,
        getsets: GETSETS,
        slots: {
            new: pair_new, init: pair_init, traverse: generic::traverse, clear: generic::clear,
            finalize: generic::finalize,
        },
    }
}

//! `_struct.Struct` (a compiled format with `pack`/`unpack` methods) and
//! `_struct.unpack_iterator` (what `iter_unpack` returns).

use std::cell::Cell;
use std::rc::Rc;

use super::{compile, pack_into, pack_values, read_buffer, struct_error, unpack_bytes, unpack_from, Compiled};
use crate::object::{Obj, PyCell, PyPayload, PyRef};
use crate::ops;
use crate::runtime::{PyErr, PyResult};
use crate::types::bytearray::ByteArrayObj;
use crate::types::iterators::self_iter;
use crate::types::memoryview::MemoryViewObj;
use crate::types::tuple::new_tuple;
use crate::types::typeobj::{Args, GetSetDef, MethodDef, TypeObj};
use crate::types::{bytes, int};
use crate::util::args;

#[repr(C)]
pub struct StructObj {
    pub ob: Obj,
    compiled: PyCell<Rc<Compiled>>,
}

// SAFETY: `#[repr(C)]` starting with `Obj`; subclasses share the layout.
unsafe impl PyPayload for StructObj {
    fn class() -> &'static TypeObj {
        &STRUCT_TYPE
    }
}

fn compiled(o: &Obj) -> PyResult<Rc<Compiled>> {
    let s = o.downcast::<StructObj>().ok_or_else(|| {
        PyErr::type_error(format!("descriptor requires a '_struct.Struct' object but received '{}'", o.class().name()))
    })?;
    Ok(s.compiled.get_clone())
}

/// A parameter `args::parse` guarantees (it is required).
fn req(o: Option<&Obj>) -> PyResult<&Obj> {
    o.ok_or_else(|| PyErr::system_error("missing required argument"))
}

fn struct_new(t: &TypeObj, _a: Args) -> PyResult {
    let empty = compile(&crate::types::bytes::new_bytes(b""))?;
    Ok(crate::object::alloc::alloc_object(t, StructObj { ob: Obj::new(t), compiled: PyCell::new(empty) }, 0))
}

fn struct_init(o: &Obj, a: Args) -> PyResult<()> {
    if a.nargs > 1 {
        return Err(PyErr::type_error(format!("Struct() takes at most 1 argument ({} given)", a.nargs)));
    }
    let [fmt] = args::parse(a, "Struct", &["format"], 1)?;
    let c = compile(req(fmt)?)?;
    let s = o.downcast::<StructObj>().ok_or_else(|| PyErr::type_error("Struct.__init__ needs a Struct"))?;
    let old = s.compiled.replace(c);
    drop(old);
    Ok(())
}

fn m_pack(a: Args) -> PyResult {
    super::super::native_type::no_keywords(&a, "pack")?;
    let c = compiled(req(a.all.first().copied())?)?;
    Ok(bytes::from_vec(pack_values(&c, a.all.get(1..a.nargs).unwrap_or_default(), "pack")?))
}

fn m_pack_into(a: Args) -> PyResult {
    super::super::native_type::no_keywords(&a, "pack_into")?;
    let c = compiled(req(a.all.first().copied())?)?;
    pack_into(&c, a.all.get(1..a.nargs).unwrap_or_default())
}

fn m_unpack(a: Args) -> PyResult {
    let [s, buffer] = args::parse(a, "unpack", &["self", "buffer", "/"], 2)?;
    let c = compiled(req(s)?)?;
    unpack_bytes(&c, &read_buffer(req(buffer)?)?)
}

fn m_unpack_from(a: Args) -> PyResult {
    let [s, buffer, offset] = args::parse(a, "unpack_from", &["self", "/", "buffer", "offset"], 2)?;
    let c = compiled(req(s)?)?;
    unpack_from(&c, req(buffer)?, offset)
}

fn m_iter_unpack(a: Args) -> PyResult {
    let [s, buffer] = args::parse(a, "iter_unpack", &["self", "buffer", "/"], 2)?;
    let c = compiled(req(s)?)?;
    iter_unpack(c, req(buffer)?)
}

fn m_sizeof(a: Args) -> PyResult {
    let [s] = args::exact::<1>(a, "__sizeof__")?;
    let c = compiled(s)?;
    // CPython's figure: its object (56 bytes) and one 32-byte code per item plus a terminator.
    Ok(int::from_usize(56 + 32 * (c.layout.items.len() + 1)))
}

fn g_format(o: &Obj) -> PyResult {
    Ok(compiled(o)?.format.clone())
}

fn g_size(o: &Obj) -> PyResult {
    Ok(int::from_usize(compiled(o)?.layout.size))
}

static METHODS: &[MethodDef] = &[
    MethodDef::method("pack", m_pack),
    MethodDef::method("pack_into", m_pack_into),
    MethodDef::method("unpack", m_unpack),
    MethodDef::method("unpack_from", m_unpack_from),
    MethodDef::method("iter_unpack", m_iter_unpack),
    MethodDef::method("__sizeof__", m_sizeof),
];

static GETSETS: &[GetSetDef] = &[GetSetDef::getter("format", g_format), GetSetDef::getter("size", g_size)];

crate::static_type! {
    pub static STRUCT_TYPE: StructObj = "_struct.Struct" {
        module: "_struct",
        flags: BASETYPE,
        doc: "Struct(fmt) --> compiled struct object",
        methods: METHODS,
        getsets: GETSETS,
        slots: { new: struct_new, init: struct_init },
    }
}

// --- writable buffers --------------------------------------------------------

fn not_writable(o: &Obj) -> PyErr {
    PyErr::type_error(format!("argument must be read-write bytes-like object, not {}", o.class().name()))
}

/// The length in bytes of a writable buffer (bytearray or a writable
/// memoryview); TypeError for anything else.
pub(super) fn writable_len(o: &Obj) -> PyResult<usize> {
    if let Some(b) = o.downcast::<ByteArrayObj>() {
        return Ok(b.data.with(|d| d.len()));
    }
    if o.isa::<MemoryViewObj>() {
        if ops::is_true(&*ops::getattr_str(o, "readonly")?)? {
            return Err(not_writable(o));
        }
        let n = ops::getattr_str(o, "nbytes")?;
        return int::as_i64(&n).and_then(|n| usize::try_from(n).ok()).ok_or_else(|| not_writable(o));
    }
    Err(not_writable(o))
}

/// Writes `data` at `offset` of a buffer `writable_len` accepted.
pub(super) fn write_buffer(o: &Obj, offset: usize, data: &[u8]) -> PyResult<()> {
    if let Some(b) = o.downcast::<ByteArrayObj>() {
        return b.data.with_mut(|d| match d.get_mut(offset..offset + data.len()) {
            Some(dst) => {
                dst.copy_from_slice(data);
                Ok(())
            }
            None => Err(struct_error("buffer changed size")),
        });
    }
    let key = crate::types::slice::new_slice(
        int::from_usize(offset),
        int::from_usize(offset + data.len()),
        crate::types::none(),
    );
    ops::setitem(o, &key, &bytes::new_bytes(data))
}

// --- iter_unpack -------------------------------------------------------------

#[repr(C)]
pub struct UnpackIterObj {
    pub ob: Obj,
    compiled: Rc<Compiled>,
    data: Vec<u8>,
    pos: Cell<usize>,
}

// SAFETY: `#[repr(C)]` starting with `Obj`.
unsafe impl PyPayload for UnpackIterObj {
    fn class() -> &'static TypeObj {
        &UNPACK_ITER_TYPE
    }
}

/// `iter_unpack(buffer)` of a compiled format.
pub(super) fn iter_unpack(c: Rc<Compiled>, buffer: &Obj) -> PyResult {
    let size = c.layout.size;
    if size == 0 {
        return Err(struct_error("cannot iteratively unpack with a struct of length 0"));
    }
    let data = read_buffer(buffer)?;
    if data.len() % size != 0 {
        return Err(struct_error(format!("iterative unpacking requires a buffer of a multiple of {size} bytes")));
    }
    let t = &UNPACK_ITER_TYPE.0;
    Ok(crate::object::alloc::alloc_object(
        t,
        UnpackIterObj { ob: Obj::new(t), compiled: c, data, pos: Cell::new(0) },
        0,
    ))
}

fn unpack_iter(o: &Obj) -> &UnpackIterObj {
    o.downcast::<UnpackIterObj>().expect("unpack_iterator")
}

fn iter_next(o: &Obj) -> PyResult<Option<PyRef>> {
    let it = unpack_iter(o);
    let size = it.compiled.layout.size;
    let at = it.pos.get();
    let Some(chunk) = it.data.get(at..at + size) else {
        return Ok(None);
    };
    it.pos.set(at + size);
    Ok(Some(new_tuple(super::codec::unpack(&it.compiled.layout, chunk))))
}

fn unpack_iter_new(t: &TypeObj, _a: Args) -> PyResult {
    // CPython's message, unbalanced quote included.
    Err(PyErr::type_error(format!("Cannot create '{} objects", super::super::native_type::short_name(t))))
}

fn iter_length_hint(a: Args) -> PyResult {
    let [s] = args::exact::<1>(a, "__length_hint__")?;
    let it = unpack_iter(s);
    let size = it.compiled.layout.size.max(1);
    Ok(int::from_usize((it.data.len() - it.pos.get().min(it.data.len())) / size))
}

static ITER_METHODS: &[MethodDef] = &[MethodDef::method("__length_hint__", iter_length_hint)];

crate::static_type! {
    pub static UNPACK_ITER_TYPE: UnpackIterObj = "_struct.unpack_iterator" {
        module: "_struct",
        flags: READY,
        methods: ITER_METHODS,
        slots: { new: unpack_iter_new, iter: self_iter, iternext: iter_next },
    }
}

//! The `_struct` module under the host's `struct.py`: conversion between
//! Python values and C structs packed in bytes. `layout.rs` parses format
//! strings, `codec.rs` converts values, `struct_type.rs` holds the `Struct`
//! class and the `iter_unpack` iterator; this file has the module-level
//! functions, which parse their format on each call and share the code of
//! `Struct`'s methods.

mod codec;
mod layout;
mod struct_type;

use std::rc::Rc;

use crate::object::{Obj, PyRef, Static};
use crate::runtime::{PyErr, PyResult};
use crate::types::bytes::BytesObj;
use crate::types::dict::DictObj;
use crate::types::module::{new_module, ModuleObj};
use crate::types::str::{intern, StrObj};
use crate::types::tuple::new_tuple;
use crate::types::typeobj::{Args, MethodDef, TypeObj};
use crate::types::{int, none};
use crate::util::args;

pub use struct_type::{STRUCT_TYPE, UNPACK_ITER_TYPE};

use layout::Layout;

/// `struct.error`, made when the module is first imported.
static ERROR: Static<std::cell::RefCell<Option<PyRef>>> = Static(std::cell::RefCell::new(None));

/// A `struct.error` with a message.
#[cold]
pub(crate) fn struct_error(msg: impl AsRef<str>) -> PyErr {
    let ty = ERROR.borrow().clone();
    match ty.as_ref().and_then(|t| t.downcast::<TypeObj>()) {
        Some(t) => PyErr::new(t, msg),
        None => PyErr::system_error(msg),
    }
}

fn error_type() -> PyResult<PyRef> {
    if let Some(t) = ERROR.borrow().clone() {
        return Ok(t);
    }
    let ns = crate::types::dict::new_dict();
    let d = ns.downcast::<DictObj>().ok_or_else(|| PyErr::system_error("dict"))?;
    d.set_by_str("__module__", crate::types::str::new_str("struct"));
    let bases = new_tuple(vec![crate::types::exceptions::EXCEPTION.as_obj_ref().to_owned()]);
    let t =
        crate::types::type_new::type_new_impl(&crate::types::typeobj::TYPE_TYPE, &intern("error"), &bases, &ns, &[])?;
    *ERROR.borrow_mut() = Some(t.clone());
    Ok(t)
}

/// A parsed format and its text (`Struct.format`).
pub(crate) struct Compiled {
    pub format: PyRef,
    pub layout: Layout,
}

/// The bytes of a format argument: str (ASCII) or bytes.
fn format_bytes(o: &Obj) -> PyResult<Vec<u8>> {
    if let Some(s) = o.downcast::<StrObj>() {
        if s.as_str().is_ascii() {
            return Ok(s.as_str().as_bytes().to_vec());
        }
        // Raises the codec's UnicodeEncodeError.
        let encoded = crate::ops::call_method(o, "encode", &[&crate::types::str::new_str("ascii")])?;
        return Ok(encoded.downcast::<BytesObj>().map(|b| b.as_bytes().to_vec()).unwrap_or_default());
    }
    if let Some(b) = o.downcast::<BytesObj>() {
        return Ok(b.as_bytes().to_vec());
    }
    Err(PyErr::type_error(format!("Struct() argument 1 must be a str or bytes object, not {}", o.class().name())))
}

/// Parses a format argument.
pub(crate) fn compile(o: &Obj) -> PyResult<Rc<Compiled>> {
    let fmt = format_bytes(o)?;
    let layout = layout::parse(&fmt).map_err(|e| struct_error(e.0))?;
    let text = String::from_utf8_lossy(&fmt).into_owned();
    Ok(Rc::new(Compiled { format: crate::types::str::from_string(text), layout }))
}

/// `pack(*values)` of a parsed format; `fname` names the caller in messages.
pub(crate) fn pack_values(c: &Compiled, values: &[&Obj], fname: &str) -> PyResult<Vec<u8>> {
    if values.len() != c.layout.nvalues {
        return Err(struct_error(format!(
            "{fname} expected {} items for packing (got {})",
            c.layout.nvalues,
            values.len()
        )));
    }
    let mut out = Vec::new();
    out.try_reserve_exact(c.layout.size).map_err(|_| PyErr::memory_error())?;
    out.resize(c.layout.size, 0);
    codec::pack(&c.layout, values, &mut out)?;
    Ok(out)
}

/// The bytes of a readable buffer argument.
pub(crate) fn read_buffer(o: &Obj) -> PyResult<Vec<u8>> {
    crate::types::bytes_args::buffer_arg(o).map(|b| b.into_owned())
}

pub(crate) fn unpack_bytes(c: &Compiled, data: &[u8]) -> PyResult {
    if data.len() != c.layout.size {
        return Err(struct_error(format!("unpack requires a buffer of {} bytes", c.layout.size)));
    }
    Ok(new_tuple(codec::unpack(&c.layout, data)))
}

pub(crate) fn unpack_from(c: &Compiled, buffer: &Obj, offset: Option<&Obj>) -> PyResult {
    let data = read_buffer(buffer)?;
    let mut offset = match offset {
        Some(o) => int::expect_i64(o, "ssize_t")?,
        None => 0,
    };
    let size = c.layout.size as i64;
    let len = data.len() as i64;
    if offset < 0 {
        if offset + size > 0 {
            return Err(struct_error(format!("not enough data to unpack {size} bytes at offset {offset}")));
        }
        if offset + len < 0 {
            return Err(struct_error(format!("offset {offset} out of range for {len}-byte buffer")));
        }
        offset += len;
    }
    if len - offset < size {
        return Err(struct_error(format!(
            "unpack_from requires a buffer of at least {} bytes for unpacking {size} bytes at offset {offset} \
             (actual buffer size is {len})",
            size + offset
        )));
    }
    let start = offset as usize;
    Ok(new_tuple(codec::unpack(&c.layout, &data[start..start + c.layout.size])))
}

/// `pack_into(buffer, offset, *values)`; `rest` starts at the buffer.
pub(crate) fn pack_into(c: &Compiled, rest: &[&Obj]) -> PyResult {
    let Some(&buffer) = rest.first() else {
        return Err(struct_error("pack_into expected buffer argument"));
    };
    let Some(&offset) = rest.get(1) else {
        return Err(struct_error("pack_into expected offset argument"));
    };
    let values = &rest[2..];
    if values.len() != c.layout.nvalues {
        return Err(struct_error(format!(
            "pack_into expected {} items for packing (got {})",
            c.layout.nvalues,
            values.len()
        )));
    }
    let len = struct_type::writable_len(buffer)?;
    let mut offset = match crate::ops::index_opt(offset)? {
        Some(i) => int::as_i64(&i).ok_or_else(|| {
            PyErr::index_error(format!("cannot fit '{}' into an index-sized integer", offset.class().name()))
        })?,
        None => {
            return Err(PyErr::type_error(format!(
                "'{}' object cannot be interpreted as an integer",
                offset.class().name()
            )))
        }
    };
    let size = c.layout.size as i64;
    let len = len as i64;
    if offset < 0 {
        if offset + size > 0 {
            return Err(struct_error(format!("no space to pack {size} bytes at offset {offset}")));
        }
        if offset + len < 0 {
            return Err(struct_error(format!("offset {offset} out of range for {len}-byte buffer")));
        }
        offset += len;
    }
    if len - offset < size {
        return Err(struct_error(format!(
            "pack_into requires a buffer of at least {} bytes for packing {size} bytes at offset {offset} \
             (actual buffer size is {len})",
            size + offset
        )));
    }
    let data = pack_values(c, values, "pack_into")?;
    struct_type::write_buffer(buffer, offset as usize, &data)?;
    Ok(none())
}

// --- module functions ------------------------------------------------------

fn format_arg<'a>(a: &Args<'a>) -> PyResult<&'a Obj> {
    a.all[..a.nargs].first().copied().ok_or_else(|| PyErr::type_error("missing format argument"))
}

fn f_calcsize(a: Args) -> PyResult {
    let [fmt] = args::parse(a, "calcsize", &["format", "/"], 1)?;
    let c = compile(fmt.unwrap_or_else(|| crate::types::none_ref()))?;
    Ok(int::from_usize(c.layout.size))
}

fn f_pack(a: Args) -> PyResult {
    super::native_type::no_keywords(&a, "pack")?;
    let c = compile(format_arg(&a)?)?;
    Ok(crate::types::bytes::from_vec(pack_values(&c, &a.all[1..a.nargs], "pack")?))
}

fn f_pack_into(a: Args) -> PyResult {
    super::native_type::no_keywords(&a, "pack_into")?;
    let c = compile(format_arg(&a)?)?;
    pack_into(&c, &a.all[1..a.nargs])
}

fn f_unpack(a: Args) -> PyResult {
    let [fmt, buffer] = args::parse(a, "unpack", &["format", "buffer", "/"], 2)?;
    let (Some(fmt), Some(buffer)) = (fmt, buffer) else {
        return Err(PyErr::type_error("unpack expected 2 arguments"));
    };
    let c = compile(fmt)?;
    unpack_bytes(&c, &read_buffer(buffer)?)
}

fn f_unpack_from(a: Args) -> PyResult {
    let [fmt, buffer, offset] = args::parse(a, "unpack_from", &["format", "/", "buffer", "offset"], 2)?;
    let (Some(fmt), Some(buffer)) = (fmt, buffer) else {
        return Err(PyErr::type_error("unpack_from() missing required argument 'buffer' (pos 2)"));
    };
    let c = compile(fmt)?;
    unpack_from(&c, buffer, offset)
}

fn f_iter_unpack(a: Args) -> PyResult {
    let [fmt, buffer] = args::parse(a, "iter_unpack", &["format", "buffer", "/"], 2)?;
    let (Some(fmt), Some(buffer)) = (fmt, buffer) else {
        return Err(PyErr::type_error("iter_unpack expected 2 arguments"));
    };
    struct_type::iter_unpack(compile(fmt)?, buffer)
}

fn f_clearcache(a: Args) -> PyResult {
    args::exact_fn::<0>(a, "_clearcache")?;
    Ok(none())
}

static FUNCS: &[MethodDef] = &[
    MethodDef::method("calcsize", f_calcsize),
    MethodDef::method("pack", f_pack),
    MethodDef::method("pack_into", f_pack_into),
    MethodDef::method("unpack", f_unpack),
    MethodDef::method("unpack_from", f_unpack_from),
    MethodDef::method("iter_unpack", f_iter_unpack),
    MethodDef::method("_clearcache", f_clearcache),
];

pub fn types() -> Vec<&'static TypeObj> {
    vec![&STRUCT_TYPE.0, &UNPACK_ITER_TYPE.0]
}

pub fn init() -> PyResult<PyRef> {
    let m = new_module("_struct");
    let mo = m.downcast::<ModuleObj>().ok_or_else(|| PyErr::system_error("module"))?;
    mo.add_functions(&m, FUNCS);
    mo.set_attr("Struct", STRUCT_TYPE.as_obj_ref().to_owned());
    mo.set_attr("error", error_type()?);
    mo.set_attr("__doc__", crate::types::str::new_str("Functions to convert between Python values and C structs."));
    Ok(m)
}

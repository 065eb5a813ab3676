//! The `array` module: `array.array`, a mutable sequence of C numbers (or
//! `wchar_t` characters) of one typecode, kept as packed native-endian
//! bytes.
//!
//! `typecode.rs` converts items, `array_type.rs` holds the object and its
//! slots, `subscript.rs` indexing and slices, `methods.rs` the methods,
//! `pickle.rs` `__reduce_ex__` and `_array_reconstructor`, `iter.rs` the
//! iterator. Arrays are bytes-like: `bytes_args::buffer` and memoryview
//! read (and memoryview and `readinto` write) their item bytes through
//! [`with_array_data`] and [`with_array_data_mut`].

mod array_type;
mod iter;
mod methods;
mod pickle;
mod subscript;
mod typecode;

use crate::object::{Obj, PyRef};
use crate::runtime::{PyErr, PyResult};
use crate::types::module::{new_module, ModuleObj};
use crate::types::typeobj::{MethodDef, TypeObj};

pub use array_type::ArrayObj;
pub use iter::ARRAY_ITER_TYPE;

use array_type::*;
use subscript::{array_getitem, array_setitem};

crate::static_type! {
    pub static ARRAY_TYPE: ArrayObj = "array.array" {
        module: "array",
        flags: BASETYPE | SEQUENCE | WEAKREFABLE,
        doc: "array(typecode [, initializer]) -> array\n\nA mutable sequence of numbers or characters of one C type, named by the typecode.",
        methods: methods::METHODS,
        getsets: methods::GETSETS,
        slots: {
            new: array_new, repr: array_repr, richcompare: array_richcompare,
            hash: crate::types::object::hash_not_implemented, len: array_len, getitem: array_getitem,
            setitem: array_setitem, contains: array_contains, iter: array_iter,
        },
        number: { add: array_add, iadd: array_iadd, mul: array_mul, imul: array_imul },
    }
}

/// Runs `f` on the item bytes of `o` if it is an array.
pub fn with_array_data<R>(o: &Obj, f: impl FnOnce(&[u8]) -> R) -> Option<R> {
    o.downcast::<ArrayObj>().map(|a| a.with_data(f))
}

/// Runs `f` on the item bytes of `o` if it is an array, for writing (`f`
/// must keep the length a multiple of the item size).
pub fn with_array_data_mut<R>(o: &Obj, f: impl FnOnce(&mut Vec<u8>) -> R) -> Option<R> {
    o.downcast::<ArrayObj>().map(|a| a.with_data_mut(f))
}

/// Records that a memoryview of `o` was made (`true`) or released, if `o`
/// is an array (its size is fixed while views exist).
pub fn set_exported(o: &Obj, exported: bool) {
    if let Some(a) = o.downcast::<ArrayObj>() {
        a.set_exported(exported);
    }
}

/// The typecode of an array (the buffer format of its items).
pub fn array_typecode(o: &Obj) -> Option<char> {
    o.downcast::<ArrayObj>().map(|a| a.code().char())
}

/// The types this module defines (readied at start-up).
pub fn types() -> Vec<&'static TypeObj> {
    vec![&ARRAY_TYPE.0, &ARRAY_ITER_TYPE.0]
}

static FUNCS: &[MethodDef] = &[MethodDef::method("_array_reconstructor", pickle::array_reconstructor)];

pub fn init() -> PyResult<PyRef> {
    let m = new_module("array");
    let mo = m.downcast::<ModuleObj>().ok_or_else(|| PyErr::system_error("module"))?;
    mo.add_functions(&m, FUNCS);
    mo.set_attr("array", ARRAY_TYPE.as_obj_ref().to_owned());
    mo.set_attr("ArrayType", ARRAY_TYPE.as_obj_ref().to_owned());
    mo.set_attr("typecodes", crate::types::str::new_str(typecode::TYPECODES));
    mo.set_attr(
        "__doc__",
        crate::types::str::new_str("Compact arrays of C numbers and characters (the array.array type)."),
    );
    // Arrays are mutable sequences to `isinstance` (as in CPython).
    let abc = crate::import::import_module("collections.abc")?;
    let seq = crate::ops::getattr_str(&abc, "MutableSequence")?;
    crate::ops::call_method(&seq, "register", &[ARRAY_TYPE.as_obj_ref()])?;
    Ok(m)
}

/// Packs `v` as one item of the array typecode `fmt` (also a memoryview
/// format); None when `fmt` is no array typecode or is 'u'.
pub fn pack_item(fmt: char, v: &Obj) -> Option<PyResult<Vec<u8>>> {
    let code = typecode::Code::from_char(fmt).filter(|c| *c != typecode::Code::Wchar)?;
    let mut out = Vec::with_capacity(code.size());
    Some(code.pack(v, &mut out).map(|()| out))
}

//! The `_json` module: the accelerators under the host's pure-Python `json`
//! package. `scanstring` and `make_scanner` (the `Scanner` type) decode,
//! `encode_basestring`, `encode_basestring_ascii` and `make_encoder` (the
//! `Encoder` type) encode, with CPython's results, positions and messages.
//!
//! Positions given to and returned by these functions count code points;
//! inside, a document is scanned over its UTF-8 bytes with the code point
//! index kept alongside (`text::Pos`), so non-ASCII documents are not
//! re-counted from the start. Decoding errors are the `JSONDecodeError` of
//! the `json.decoder` module in `sys.modules` (imported if need be), built
//! from the message, the document and the position, as CPython does.

mod decode;
mod encode;
mod text;

use crate::object::PyRef;
use crate::runtime::{ts, PyErr, PyResult};
use crate::types::exceptions;
use crate::types::module::{new_module, ModuleObj};
use crate::types::typeobj::{MethodDef, MethodKind, TypeObj};

/// The JSONDecodeError for `msg` at code point `pos` of `doc`.
fn decode_error(msg: &str, doc: &crate::object::Obj, pos: i64) -> PyErr {
    let build = || -> PyResult<PyErr> {
        let decoder = crate::import::import_module("json.decoder")?;
        let class = crate::ops::getattr_str(&decoder, "JSONDecodeError")?;
        let exc =
            crate::ops::call(&class, &[&crate::types::str::new_str(msg), doc, &crate::types::int::new_int(pos)], None)?;
        Ok(PyErr::from_exc(exc))
    };
    build().unwrap_or_else(|e| e)
}

/// Counts one level of native recursion against the recursion limit, as
/// CPython's `Py_EnterRecursiveCall` does for nested containers.
struct Nesting;

impl Nesting {
    fn enter(what: &str) -> PyResult<Nesting> {
        crate::eval::check_native_stack()?;
        let t = ts();
        let depth = t.depth.get() + 1;
        if depth > t.recursion_limit() {
            return Err(PyErr::new(&exceptions::RECURSION_ERROR, format!("maximum recursion depth exceeded{what}")));
        }
        t.depth.set(depth);
        Ok(Nesting)
    }
}

impl Drop for Nesting {
    fn drop(&mut self) {
        let t = ts();
        t.depth.set(t.depth.get().saturating_sub(1));
    }
}

static FUNCS: &[MethodDef] = &[
    MethodDef {
        name: "scanstring",
        func: decode::py_scanstring,
        kind: MethodKind::Method,
        doc: "scanstring(string, end, strict=True) -> (string, end)\n\nDecode the JSON string literal whose opening quote precedes index end;\nreturn its value and the index after its closing quote. With strict\nfalse, control characters may appear unescaped.",
    },
    MethodDef {
        name: "encode_basestring_ascii",
        func: encode::py_encode_basestring_ascii,
        kind: MethodKind::Method,
        doc: "encode_basestring_ascii(string) -> string\n\nThe JSON string literal for string, with every non-ASCII character escaped.",
    },
    MethodDef {
        name: "encode_basestring",
        func: encode::py_encode_basestring,
        kind: MethodKind::Method,
        doc: "encode_basestring(string) -> string\n\nThe JSON string literal for string.",
    },
];

/// The static types of `_json`.
pub fn types() -> Vec<&'static TypeObj> {
    vec![&decode::SCANNER_TYPE.0, &encode::ENCODER_TYPE.0]
}

pub fn init() -> PyResult<PyRef> {
    let m = new_module("_json");
    let mo = m.downcast::<ModuleObj>().expect("module");
    mo.set_attr("__doc__", crate::types::str::new_str("Native accelerators of the json package.\n"));
    mo.add_functions(&m, FUNCS);
    mo.set_attr("make_scanner", decode::SCANNER_TYPE.as_obj_ref().to_owned());
    mo.set_attr("make_encoder", encode::ENCODER_TYPE.as_obj_ref().to_owned());
    Ok(m)
}

//! The `marshal` module: CPython's binary serialisation of the value types
//! (None, bool, int, float, complex, str, bytes-like, tuple, list, dict,
//! set, frozenset, Ellipsis, StopIteration), versions 0 to 4, so data
//! written by either interpreter reads back in the other. `write.rs` and
//! `read.rs` hold the two directions. Code objects are not supported:
//! dumping one is "unmarshallable object", and data holding one is refused.

mod read;
mod write;

use crate::object::PyRef;
use crate::ops;
use crate::runtime::{PyErr, PyResult};
use crate::types::bytes::{from_vec, BytesObj};
use crate::types::int;
use crate::types::module::{new_module, ModuleObj};
use crate::types::none;
use crate::types::typeobj::{Args, MethodDef};
use crate::util::args;

/// The format version written by default (`marshal.version`).
pub const VERSION: i64 = 4;

/// Nesting depth past which both directions give up, as CPython's.
const MAX_DEPTH: usize = 2000;

// Type codes; `FLAG_REF` marks an object later data may refer back to.
const NULL: u8 = b'0';
const NONE: u8 = b'N';
const FALSE: u8 = b'F';
const TRUE: u8 = b'T';
const STOPITER: u8 = b'S';
const ELLIPSIS: u8 = b'.';
const INT: u8 = b'i';
const LONG: u8 = b'l';
const FLOAT: u8 = b'f';
const BINARY_FLOAT: u8 = b'g';
const COMPLEX: u8 = b'x';
const BINARY_COMPLEX: u8 = b'y';
const STRING: u8 = b's';
const INTERNED: u8 = b't';
const REF: u8 = b'r';
const TUPLE: u8 = b'(';
const LIST: u8 = b'[';
const DICT: u8 = b'{';
const CODE: u8 = b'c';
const UNICODE: u8 = b'u';
const SET: u8 = b'<';
const FROZENSET: u8 = b'>';
const ASCII: u8 = b'a';
const ASCII_INTERNED: u8 = b'A';
const SMALL_TUPLE: u8 = b')';
const SHORT_ASCII: u8 = b'z';
const SHORT_ASCII_INTERNED: u8 = b'Z';
const FLAG_REF: u8 = 0x80;

fn version_arg(v: Option<&crate::object::Obj>) -> PyResult<i64> {
    match v {
        Some(v) => crate::types::bytes_args::c_int_arg(v),
        None => Ok(VERSION),
    }
}

/// Argument clinic's message for keywords given to a positional-only function.
fn no_keywords(a: &Args, name: &str) -> PyResult<()> {
    if a.kwnames.is_some_and(|k| !k.is_empty()) {
        return Err(PyErr::type_error(format!("marshal.{name}() takes no keyword arguments")));
    }
    Ok(())
}

fn dumps(a: Args) -> PyResult {
    no_keywords(&a, "dumps")?;
    let [value, version] = args::parse::<2>(a, "dumps", &["value", "version", "/"], 1)?;
    let version = version_arg(version)?;
    Ok(from_vec(write::dumps(value.expect("value"), version)?))
}

fn dump(a: Args) -> PyResult {
    no_keywords(&a, "dump")?;
    let [value, file, version] = args::parse::<3>(a, "dump", &["value", "file", "version", "/"], 2)?;
    let version = version_arg(version)?;
    let data = from_vec(write::dumps(value.expect("value"), version)?);
    ops::call_method(file.expect("file"), "write", &[&data])?;
    Ok(none())
}

fn loads(a: Args) -> PyResult {
    no_keywords(&a, "loads")?;
    let [data] = args::parse::<1>(a, "loads", &["bytes", "/"], 1)?;
    let data = crate::types::bytes_args::buffer_arg(data.expect("bytes"))?;
    read::loads(read::Source::Bytes(&data, 0))
}

fn load(a: Args) -> PyResult {
    let [file] = args::exact_fn::<1>(a, "marshal.load")?;
    // CPython first asks for nothing, to check that reads give bytes.
    let probe = ops::call_method(file, "read", &[&int::new_int(0)])?;
    if !probe.isa::<BytesObj>() {
        return Err(PyErr::type_error(format!("file.read() returned not bytes but {}", probe.class().name())));
    }
    read::loads(read::Source::File(file))
}

static FUNCS: &[MethodDef] = &[
    MethodDef::method("dump", dump),
    MethodDef::method("load", load),
    MethodDef::method("dumps", dumps),
    MethodDef::method("loads", loads),
];

pub fn init() -> PyResult<PyRef> {
    let m = new_module("marshal");
    let mo = m.downcast::<ModuleObj>().ok_or_else(|| PyErr::system_error("module"))?;
    mo.add_functions(&m, FUNCS);
    mo.set_attr("version", int::new_int(VERSION));
    Ok(m)
}

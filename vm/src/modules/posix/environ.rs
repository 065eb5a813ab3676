//! The process environment: `posix.environ` (a dict of bytes to bytes, read
//! once at import; `os.environ` wraps it and keeps it in step), `putenv`
//! and `unsetenv`.

use crate::object::{Obj, PyRef};
use crate::runtime::{PyErr, PyResult};
use crate::types::bytes::new_bytes;
use crate::types::dict::{new_dict, DictObj};
use crate::types::none;
use crate::types::typeobj::Args;
use crate::util::args;

use super::path::{self, Accept};
use super::sys;

/// A new dict holding the current environment.
pub fn environ_dict() -> PyResult<PyRef> {
    let d = new_dict();
    let dict = d.downcast::<DictObj>().ok_or_else(|| PyErr::system_error("environ is not a dict"))?;
    for (k, v) in sys::environ() {
        dict.set_item(&new_bytes(&k), new_bytes(&v))?;
    }
    Ok(d)
}

/// A variable name as bytes, checked as CPython checks it.
fn name_arg(o: Option<&Obj>, fname: &str) -> PyResult<Vec<u8>> {
    let p = path::path_arg(o.unwrap_or(crate::types::none_ref()), fname, "name", Accept::PATH)?;
    let key = p.c.into_bytes();
    if key.is_empty() || key.contains(&b'=') {
        return Err(PyErr::value_error("illegal environment variable name"));
    }
    Ok(key)
}

pub fn putenv(a: Args) -> PyResult {
    let [name, value] = args::parse(a, "putenv", &["name", "value", "/"], 2)?;
    let key = name_arg(name, "putenv")?;
    let value = path::path_arg(value.unwrap_or(crate::types::none_ref()), "putenv", "value", Accept::PATH)?;
    sys::putenv(&key, value.c.as_bytes());
    Ok(none())
}

pub fn unsetenv(a: Args) -> PyResult {
    let [name] = args::parse(a, "unsetenv", &["name", "/"], 1)?;
    let key = name_arg(name, "unsetenv")?;
    sys::unsetenv(&key);
    Ok(none())
}

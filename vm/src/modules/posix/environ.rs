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

/// A name or value as bytes (str, bytes or os.PathLike).
fn bytes_arg(o: Option<&Obj>) -> PyResult<Vec<u8>> {
    let o = o.unwrap_or(crate::types::none_ref());
    let p = path::fspath(o)?;
    path::path_arg(&p, "", "", Accept::PATH).map(|p| p.c.into_bytes())
}

/// A variable name, checked as CPython checks it (an empty name fails in
/// the C library, with EINVAL).
fn name_arg(o: Option<&Obj>) -> PyResult<Vec<u8>> {
    let key = bytes_arg(o)?;
    if key.contains(&b'=') {
        return Err(PyErr::value_error("illegal environment variable name"));
    }
    if key.is_empty() {
        return Err(path::errno_error(libc::EINVAL));
    }
    Ok(key)
}

pub fn putenv(a: Args) -> PyResult {
    let [name, value] = args::parse(a, "putenv", &["name", "value", "/"], 2)?;
    let key = name_arg(name)?;
    let value = bytes_arg(value)?;
    sys::putenv(&key, &value);
    Ok(none())
}

pub fn unsetenv(a: Args) -> PyResult {
    let [name] = args::parse(a, "unsetenv", &["name", "/"], 1)?;
    let key = name_arg(name)?;
    sys::unsetenv(&key);
    Ok(none())
}

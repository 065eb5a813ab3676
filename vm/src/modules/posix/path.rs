//! Path and descriptor arguments of `posix` functions, and the OSError they
//! raise.
//!
//! A path argument is str, bytes or an `os.PathLike` whose `__fspath__`
//! returns one of those (functions that accept descriptors also take an
//! int). The original object is kept: it is the `filename` of the error.

use std::ffi::CString;

use crate::object::{Obj, PyRef};
use crate::ops;
use crate::runtime::{PyErr, PyResult};
use crate::types::bytearray::ByteArrayObj;
use crate::types::bytes::{self, BytesObj};
use crate::types::exceptions;
use crate::types::int::{self, IntObj};
use crate::types::str::{from_string, StrObj};

use super::sys;

/// A converted path argument.
pub struct Path {
    /// What the caller passed (the error's filename).
    pub obj: PyRef,
    pub c: CString,
    /// The caller gave bytes: names derived from it are returned as bytes.
    pub is_bytes: bool,
}

impl Path {
    /// A file name relative to this one, in the same kind (str or bytes).
    pub fn make_name(&self, raw: &[u8]) -> PyRef {
        name_obj(raw, self.is_bytes)
    }
}

/// A path argument that may also be an open descriptor.
pub enum PathOrFd {
    Path(Path),
    Fd(i32),
}

/// A str from raw file-system bytes (UTF-8; invalid sequences replaced),
/// or bytes.
pub fn name_obj(raw: &[u8], as_bytes: bool) -> PyRef {
    if as_bytes {
        bytes::new_bytes(raw)
    } else {
        from_string(String::from_utf8_lossy(raw).into_owned())
    }
}

/// What kinds a path argument accepts, for the TypeError text.
#[derive(Clone, Copy)]
pub struct Accept {
    pub fd: bool,
    pub none: bool,
}

impl Accept {
    pub const PATH: Accept = Accept { fd: false, none: false };
    pub const PATH_OR_FD: Accept = Accept { fd: true, none: false };
}

fn kinds_text(acc: Accept) -> &'static str {
    match (acc.fd, acc.none) {
        (false, false) => "string, bytes or os.PathLike",
        (true, false) => "string, bytes, os.PathLike or integer",
        (false, true) => "string, bytes, os.PathLike or None",
        (true, true) => "string, bytes, os.PathLike, integer or None",
    }
}

fn wrong_type(fname: &str, arg: &str, acc: Accept, o: &Obj) -> PyErr {
    PyErr::type_error(format!("{fname}: {arg} should be {}, not {}", kinds_text(acc), o.class().name()))
}

fn to_cstring(data: Vec<u8>) -> PyResult<CString> {
    CString::new(data).map_err(|_| PyErr::value_error("embedded null byte"))
}

/// `os.fspath(o)`: the str or bytes behind a path-like object.
pub fn fspath(o: &Obj) -> PyResult {
    if o.isa::<StrObj>() || o.isa::<BytesObj>() {
        return Ok(o.to_owned());
    }
    let Some(f) = ops::lookup_special(o, "__fspath__")? else {
        return Err(PyErr::type_error(format!("expected str, bytes or os.PathLike object, not {}", o.class().name())));
    };
    let r = ops::call(&f, &[], None)?;
    if r.isa::<StrObj>() || r.isa::<BytesObj>() {
        return Ok(r);
    }
    Err(PyErr::type_error(format!(
        "expected {}.__fspath__() to return str or bytes, not {}",
        o.class().name(),
        r.class().name()
    )))
}

/// Converts a path argument named `arg` of `fname`.
pub fn path_arg(o: &Obj, fname: &str, arg: &str, acc: Accept) -> PyResult<Path> {
    let path_of = |v: &Obj| -> PyResult<Option<(Vec<u8>, bool)>> {
        if let Some(s) = v.downcast::<StrObj>() {
            return Ok(Some((s.as_str().as_bytes().to_vec(), false)));
        }
        if let Some(b) = v.downcast::<BytesObj>() {
            return Ok(Some((b.as_bytes().to_vec(), true)));
        }
        Ok(None)
    };
    if let Some((data, is_bytes)) = path_of(o)? {
        return Ok(Path { obj: o.to_owned(), c: to_cstring(data)?, is_bytes });
    }
    if o.isa::<ByteArrayObj>() || o.isa::<crate::types::memoryview::MemoryViewObj>() {
        // CPython still accepts other bytes-like objects (with a warning).
        if let Some(data) = bytes::bytes_of(o) {
            return Ok(Path { obj: o.to_owned(), c: to_cstring(data)?, is_bytes: true });
        }
    }
    if let Some(f) = ops::lookup_special(o, "__fspath__")? {
        let r = ops::call(&f, &[], None)?;
        return match path_of(&r)? {
            Some((data, is_bytes)) => Ok(Path { obj: r.clone(), c: to_cstring(data)?, is_bytes }),
            None => Err(PyErr::type_error(format!(
                "expected {}.__fspath__() to return str or bytes, not {}",
                o.class().name(),
                r.class().name()
            ))),
        };
    }
    Err(wrong_type(fname, arg, acc, o))
}

/// A path, or (when `acc.fd`) a descriptor given as an int.
pub fn path_or_fd(o: &Obj, fname: &str, arg: &str, acc: Accept) -> PyResult<PathOrFd> {
    if acc.fd
        && (o.isa::<IntObj>()
            || (!o.isa::<StrObj>()
                && !o.isa::<BytesObj>()
                && ops::lookup_special(o, "__fspath__")?.is_none()
                && ops::lookup_special(o, "__index__")?.is_some()))
    {
        return Ok(PathOrFd::Fd(fd_value(o)?));
    }
    path_arg(o, fname, arg, acc).map(PathOrFd::Path)
}

/// A C int from an int argument.
pub fn c_int(o: &Obj) -> PyResult<i32> {
    if o.isa::<crate::types::float::FloatObj>() {
        return Err(PyErr::type_error("'float' object cannot be interpreted as an integer"));
    }
    let v = int::expect_i64(o, "int")?;
    i32::try_from(v).map_err(|_| PyErr::overflow_error("Python int too large to convert to C int"))
}

/// A descriptor given where a path could be (negative ones reach the
/// system call, which refuses them).
pub fn fd_value(o: &Obj) -> PyResult<i32> {
    let v = match int::index_of(o) {
        Ok(Some(v)) => v,
        Ok(None) => {
            return Err(PyErr::type_error(format!("'{}' object cannot be interpreted as an integer", o.class().name())))
        }
        // Beyond i64: the sign picks the message.
        Err(_) => {
            if ops::lt_bool(o, &int::new_int(0))? {
                i64::MIN
            } else {
                i64::MAX
            }
        }
    };
    if v > i32::MAX as i64 {
        return Err(PyErr::overflow_error("fd is greater than maximum"));
    }
    if v < i32::MIN as i64 {
        return Err(PyErr::overflow_error("fd is less than minimum"));
    }
    Ok(v as i32)
}

/// The `dir_fd` keyword: None or a descriptor.
pub fn dir_fd_arg(o: Option<&Obj>) -> PyResult<Option<i32>> {
    match o.filter(|o| !o.is_none()) {
        None => Ok(None),
        Some(o) => {
            if !o.isa::<IntObj>() && ops::lookup_special(o, "__index__")?.is_none() {
                return Err(PyErr::type_error(format!("argument should be integer or None, not {}", o.class().name())));
            }
            Ok(Some(c_int(o)?))
        }
    }
}

/// A true/false keyword argument (default when absent).
pub fn flag(o: Option<&Obj>, default: bool) -> PyResult<bool> {
    match o {
        None => Ok(default),
        Some(o) => ops::is_true(o),
    }
}

/// An OSError subclass instance for `errno`, with up to two file names.
pub fn os_error(code: i32, filename: Option<&Obj>, filename2: Option<&Obj>) -> PyErr {
    let ty = exceptions::errno_subclass(code as i64).unwrap_or(&exceptions::OS_ERROR);
    let mut args = vec![int::new_int(code as i64), from_string(sys::strerror(code))];
    if let Some(f) = filename {
        args.push(f.to_owned());
        if let Some(f2) = filename2 {
            // The fourth argument is `winerror`, unused on POSIX.
            args.push(crate::types::none());
            args.push(f2.to_owned());
        }
    }
    PyErr::from_exc(exceptions::new_exception(ty, args))
}

/// An OSError without a file name.
pub fn errno_error(code: i32) -> PyErr {
    os_error(code, None, None)
}

/// Raises with the path's object as the file name.
pub fn path_error(code: i32, p: &Path) -> PyErr {
    os_error(code, Some(&p.obj), None)
}

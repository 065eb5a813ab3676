//! The `_socket` module, the native core under the host's pure-Python
//! `socket` (and so `selectors`, `asyncio`, `socketserver`, ...): the
//! `_socket.socket` type (`sock.rs`, data transfer in `transfer.rs`),
//! address conversion (`addr.rs`), the module functions (`netdb.rs`), the
//! constants (`constants.rs`) and the C library calls (`sys.rs`, the only
//! unsafe code).
//!
//! `error` is OSError and `timeout` is TimeoutError, as in CPython 3.11;
//! `herror` and `gaierror` are OSError subclasses made on first import.
//! There is no `sendmsg`/`recvmsg` (`CMSG_LEN`/`CMSG_SPACE` are there) and
//! no `CAPI`.

mod addr;
mod constants;
mod netdb;
mod sock;
mod sys;
mod transfer;

use std::cell::RefCell;

pub use sock::{SocketObj, SOCKET_TYPE};

use crate::object::{PyRef, Static};
use crate::runtime::{PyErr, PyResult};
use crate::types::dict::DictObj;
use crate::types::exceptions;
use crate::types::module::{new_module, ModuleObj};
use crate::types::str::{intern, new_str};
use crate::types::tuple::new_tuple;
use crate::types::typeobj::TypeObj;

/// `herror` and `gaierror`, made when the module is first imported.
static ERRORS: Static<RefCell<Option<(PyRef, PyRef)>>> = Static(RefCell::new(None));

fn new_error_class(name: &str) -> PyResult<PyRef> {
    let ns = crate::types::dict::new_dict();
    let d = ns.downcast::<DictObj>().ok_or_else(|| PyErr::system_error("dict"))?;
    d.set_by_str("__module__", new_str("socket"));
    let bases = new_tuple(vec![exceptions::OS_ERROR.as_obj_ref().to_owned()]);
    crate::types::type_new::type_new_impl(&crate::types::typeobj::TYPE_TYPE, &intern(name), &bases, &ns, &[])
}

fn errors() -> PyResult<(PyRef, PyRef)> {
    if let Some(e) = ERRORS.borrow().clone() {
        return Ok(e);
    }
    let e = (new_error_class("herror")?, new_error_class("gaierror")?);
    *ERRORS.borrow_mut() = Some(e.clone());
    Ok(e)
}

/// The class to raise for `which` (OSError if it cannot be made).
fn error_class(which: fn((PyRef, PyRef)) -> PyRef) -> PyRef {
    match errors() {
        Ok(e) => which(e),
        Err(_) => exceptions::OS_ERROR.as_obj_ref().to_owned(),
    }
}

/// `socket.gaierror`.
pub(crate) fn gaierror_type() -> PyRef {
    error_class(|e| e.1)
}

/// `socket.herror`.
pub(crate) fn herror_type() -> PyRef {
    error_class(|e| e.0)
}

/// An exception of class `cls` (an OSError subclass) with `args`.
pub(crate) fn new_error(cls: &PyRef, args: Vec<PyRef>) -> PyErr {
    let ty = cls.downcast::<TypeObj>().unwrap_or(&exceptions::OS_ERROR);
    PyErr::from_exc(exceptions::new_exception(ty, args))
}

/// The native types of this module (readied at start-up).
pub fn types() -> Vec<&'static TypeObj> {
    vec![&SOCKET_TYPE.0]
}

pub fn init() -> PyResult<PyRef> {
    let m = new_module("_socket");
    let mo = m.downcast::<ModuleObj>().ok_or_else(|| PyErr::system_error("module"))?;
    mo.add_functions(&m, netdb::FUNCS);
    for &(name, v) in constants::CONSTANTS {
        mo.set_attr(name, crate::types::int::new_int(v));
    }
    let sock_type = SOCKET_TYPE.as_obj_ref().to_owned();
    mo.set_attr("socket", sock_type.clone());
    mo.set_attr("SocketType", sock_type);
    mo.set_attr("error", exceptions::OS_ERROR.as_obj_ref().to_owned());
    mo.set_attr("timeout", exceptions::TIMEOUT_ERROR.as_obj_ref().to_owned());
    let (herror, gaierror) = errors()?;
    mo.set_attr("herror", herror);
    mo.set_attr("gaierror", gaierror);
    mo.set_attr("has_ipv6", crate::types::bool::new_bool(true));
    Ok(m)
}

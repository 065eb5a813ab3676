//! Exception classes owned by a native module (`binascii.Error`,
//! `locale.Error`): ordinary heap classes made on the module's first
//! import, kept in a per-module cell so the module's functions can raise them.

use std::cell::RefCell;

use crate::object::{PyRef, Static};
use crate::runtime::{PyErr, PyResult};
use crate::types::dict::{new_dict, DictObj};
use crate::types::str::{intern, new_str};
use crate::types::tuple::new_tuple;
use crate::types::typeobj::{TypeObj, TYPE_TYPE};

/// Where a module keeps one of its exception classes.
pub struct ExcCell(Static<RefCell<Option<PyRef>>>);

impl ExcCell {
    pub const fn new() -> ExcCell {
        ExcCell(Static(RefCell::new(None)))
    }

    /// The class, made (with `__module__` = `module`) on first use.
    pub fn get(&self, module: &str, name: &str, base: &TypeObj) -> PyResult<PyRef> {
        if let Some(t) = self.0.borrow().clone() {
            return Ok(t);
        }
        let ns = new_dict();
        let d = ns.downcast::<DictObj>().ok_or_else(|| PyErr::system_error("dict"))?;
        d.set_by_str("__module__", new_str(module));
        let bases = new_tuple(vec![base.as_obj_ref().to_owned()]);
        let t = crate::types::type_new::type_new_impl(&TYPE_TYPE, &intern(name), &bases, &ns, &[])?;
        *self.0.borrow_mut() = Some(t.clone());
        Ok(t)
    }

    /// An instance of the class with a message; a SystemError if the module
    /// never made it.
    #[cold]
    pub fn err(&self, msg: impl AsRef<str>) -> PyErr {
        let t = self.0.borrow().clone();
        match t.as_ref().and_then(|t| t.downcast::<TypeObj>()) {
            Some(t) => PyErr::new(t, msg),
            None => PyErr::system_error(msg),
        }
    }
}

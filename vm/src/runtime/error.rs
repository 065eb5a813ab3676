//! Python exceptions on the Rust side: `PyResult<T>` carries an owned exception
//! instance in its error. At the vectorcall ABI edge an error becomes a null
//! return with the exception stored in the thread state ([`PyErr::restore`] /
//! [`PyErr::fetch`]).

use crate::object::{AsObj, Obj, PyRef};
use crate::types::exceptions::{self as exc, ExceptionObj};
use crate::types::typeobj::TypeObj;

/// A raised Python exception (an owned exception instance).
#[must_use]
pub struct PyErr(PyRef);

/// The result of anything that can raise.
pub type PyResult<T = PyRef> = Result<T, PyErr>;

impl PyErr {
    /// Wraps an exception instance.
    pub fn from_exc(exc: PyRef) -> PyErr {
        debug_assert!(exc.isa::<ExceptionObj>());
        PyErr(exc)
    }

    /// The exception instance.
    #[inline]
    pub fn exc(&self) -> &Obj {
        &self.0
    }

    pub fn into_exc(self) -> PyRef {
        self.0
    }

    /// The exception's type.
    pub fn class(&self) -> &TypeObj {
        self.0.class()
    }

    /// Whether the exception is an instance of `ty`.
    #[inline]
    pub fn matches(&self, ty: &TypeObj) -> bool {
        self.0.class().is_subtype(ty)
    }

    /// Stores the exception in the thread state for a null return at the ABI edge.
    pub fn restore(self) {
        super::ts().set_raised(self.0);
    }

    /// Takes the exception a null return left in the thread state. A null return
    /// with no exception set is reported as a SystemError.
    pub fn fetch() -> PyErr {
        match super::ts().take_raised() {
            Some(e) => PyErr(e),
            None => PyErr::new(&exc::SYSTEM_ERROR, "error return without exception set"),
        }
    }

    /// Creates an exception of type `ty` with a single message argument.
    #[cold]
    #[inline(never)]
    pub fn new(ty: &TypeObj, msg: impl AsRef<str>) -> PyErr {
        PyErr(exc::new_exception_msg(ty, msg.as_ref()))
    }

    /// Creates an exception of type `ty` with the given argument (or no
    /// arguments when `arg` is None).
    #[cold]
    #[inline(never)]
    pub fn with_arg(ty: &TypeObj, arg: Option<PyRef>) -> PyErr {
        PyErr(exc::new_exception(ty, arg.into_iter().collect()))
    }

    #[cold]
    pub fn type_error(msg: impl AsRef<str>) -> PyErr {
        PyErr::new(&exc::TYPE_ERROR, msg)
    }
    #[cold]
    pub fn value_error(msg: impl AsRef<str>) -> PyErr {
        PyErr::new(&exc::VALUE_ERROR, msg)
    }
    #[cold]
    pub fn index_error(msg: impl AsRef<str>) -> PyErr {
        PyErr::new(&exc::INDEX_ERROR, msg)
    }
    #[cold]
    pub fn overflow_error(msg: impl AsRef<str>) -> PyErr {
        PyErr::new(&exc::OVERFLOW_ERROR, msg)
    }
    #[cold]
    pub fn zero_division(msg: impl AsRef<str>) -> PyErr {
        PyErr::new(&exc::ZERO_DIVISION_ERROR, msg)
    }
    #[cold]
    pub fn runtime_error(msg: impl AsRef<str>) -> PyErr {
        PyErr::new(&exc::RUNTIME_ERROR, msg)
    }
    #[cold]
    pub fn system_error(msg: impl AsRef<str>) -> PyErr {
        PyErr::new(&exc::SYSTEM_ERROR, msg)
    }
    #[cold]
    pub fn not_implemented(msg: impl AsRef<str>) -> PyErr {
        PyErr::new(&exc::NOT_IMPLEMENTED_ERROR, msg)
    }
    #[cold]
    pub fn memory_error() -> PyErr {
        PyErr::with_arg(&exc::MEMORY_ERROR, None)
    }
    #[cold]
    pub fn name_error(name: &str) -> PyErr {
        let e = PyErr::new(&exc::NAME_ERROR, format!("name '{name}' is not defined"));
        exc::set_name_attr(e.exc(), name);
        e
    }
    /// `KeyError(key)`: the key itself is the argument.
    #[cold]
    pub fn key_error(key: &Obj) -> PyErr {
        PyErr::with_arg(&exc::KEY_ERROR, Some(key.to_owned()))
    }
    /// `StopIteration(value)`.
    #[cold]
    pub fn stop_iteration(value: Option<PyRef>) -> PyErr {
        let e = PyErr::with_arg(&exc::STOP_ITERATION, value.clone());
        exc::set_extra(e.exc(), exc::EXTRA_VALUE, value.or_else(|| Some(crate::types::none())));
        e
    }
    /// `AttributeError: 'T' object has no attribute 'name'`, with `name` and `obj`
    /// attributes set.
    #[cold]
    pub fn no_attribute(obj: &Obj, name: &str) -> PyErr {
        let msg = if let Some(t) = obj.downcast::<TypeObj>() {
            format!("type object '{}' has no attribute '{}'", t.name(), name)
        } else if let Some(m) = obj.downcast::<crate::types::module::ModuleObj>() {
            format!("module '{}' has no attribute '{}'", m.name(), name)
        } else {
            format!("'{}' object has no attribute '{}'", obj.class().name(), name)
        };
        let e = PyErr::new(&exc::ATTRIBUTE_ERROR, msg);
        exc::set_name_attr(e.exc(), name);
        exc::set_extra(e.exc(), exc::EXTRA_OBJ, Some(obj.to_owned()));
        e
    }
}

impl std::fmt::Debug for PyErr {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let msg = crate::ops::str_lossy(&self.0);
        write!(f, "{}: {}", self.0.class().name(), msg)
    }
}

impl AsRef<Obj> for PyErr {
    fn as_ref(&self) -> &Obj {
        self.0.as_obj()
    }
}

/// Converts a Rust-side result to the vectorcall ABI's return value.
#[inline]
pub fn result_to_raw(r: PyResult) -> *mut Obj {
    match r {
        Ok(v) => v.into_raw(),
        Err(e) => {
            e.restore();
            std::ptr::null_mut()
        }
    }
}

/// Converts a vectorcall ABI return value to a Rust-side result.
///
/// # Safety
/// `raw` must be a new reference or null (with the exception in the thread state).
#[inline]
pub unsafe fn result_from_raw(raw: *mut Obj) -> PyResult {
    // SAFETY: the ABI contract: non-null returns are new references.
    match unsafe { PyRef::from_raw_opt(raw) } {
        Some(v) => Ok(v),
        None => Err(PyErr::fetch()),
    }
}

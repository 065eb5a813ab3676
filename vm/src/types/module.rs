//! `module`: a namespace object with a `__dict__`.

use std::cell::Cell;

use crate::object::{AsObj, Obj, PyPayload, PyRef};
use crate::ops;
use crate::runtime::{PyErr, PyResult};
use crate::types::dict::{new_dict, DictObj};
use crate::types::str::{from_string, intern, StrObj};
use crate::types::typeobj::{Args, GetSetDef, MethodDef, TypeObj};
use crate::types::{exceptions, none};

#[repr(C)]
pub struct ModuleObj {
    pub ob: Obj,
    /// The module namespace (also at `dict_offset`, so subclasses and the
    /// generic attribute code find it).
    pub dict: Cell<Option<PyRef>>,
}

// SAFETY: `#[repr(C)]` starting with `Obj`.
unsafe impl PyPayload for ModuleObj {
    fn class() -> &'static TypeObj {
        &MODULE_TYPE
    }
}

/// Creates a module named `name` with an empty namespace holding `__name__`,
/// `__doc__`, `__package__`, `__loader__` and `__spec__`.
pub fn new_module(name: &str) -> PyRef {
    let m = new_module_of_type(&MODULE_TYPE);
    let d = m.downcast::<ModuleObj>().expect("module").dict();
    let dd = d.downcast::<DictObj>().expect("dict");
    dd.set_by_str("__name__", intern(name));
    for k in ["__doc__", "__package__", "__loader__", "__spec__"] {
        dd.set_by_str(k, none());
    }
    m
}

fn new_module_of_type(t: &TypeObj) -> PyRef {
    crate::object::alloc::alloc_object(t, ModuleObj { ob: Obj::new(t), dict: Cell::new(Some(new_dict())) }, 0)
}

impl ModuleObj {
    pub fn dict(&self) -> PyRef {
        let d = self.dict.take();
        let r = d.clone().unwrap_or_else(new_dict);
        self.dict.set(d);
        r
    }

    pub fn dict_obj(&self) -> PyRef {
        self.dict()
    }

    /// `__name__`, or "?" if unset.
    pub fn name(&self) -> String {
        let d = self.dict();
        d.downcast::<DictObj>()
            .and_then(|d| d.get_by_str("__name__"))
            .and_then(|n| n.downcast::<StrObj>().map(|s| s.as_str().to_string()))
            .unwrap_or_else(|| "?".into())
    }

    /// Sets an attribute in the namespace.
    pub fn set_attr(&self, name: &str, value: PyRef) {
        let d = self.dict();
        d.downcast::<DictObj>().expect("dict").set_by_str(name, value);
    }

    pub fn get_attr(&self, name: &str) -> Option<PyRef> {
        let d = self.dict();
        d.downcast::<DictObj>()?.get_by_str(name)
    }

    /// Adds the native functions in `defs` to the namespace.
    pub fn add_functions(&self, module: &Obj, defs: &'static [MethodDef]) {
        for def in defs {
            self.set_attr(def.name, crate::types::builtin_func::new_builtin(def, Some(module.to_owned())));
        }
    }
}

fn module_getattro(o: &Obj, name: &StrObj) -> PyResult {
    if let Some(v) = crate::types::object::generic_getattr_opt(o, name)? {
        return Ok(v);
    }
    let m = o.downcast::<ModuleObj>().expect("module");
    if let Some(getattr) = m.get_attr("__getattr__") {
        return ops::call1(&getattr, name.as_obj());
    }
    let mname = m.name();
    let e = PyErr::new(&exceptions::ATTRIBUTE_ERROR, format!("module '{mname}' has no attribute '{}'", name.as_str()));
    exceptions::set_name_attr(e.exc(), name.as_str());
    exceptions::set_extra(e.exc(), exceptions::EXTRA_OBJ, Some(o.to_owned()));
    Err(e)
}

fn module_repr(o: &Obj) -> PyResult {
    let m = o.downcast::<ModuleObj>().expect("module");
    let file = m.get_attr("__file__").and_then(|f| f.downcast::<StrObj>().map(|s| s.as_str().to_string()));
    Ok(from_string(match file {
        Some(f) => format!("<module '{}' from '{}'>", m.name(), f),
        None => format!("<module '{}' (built-in)>", m.name()),
    }))
}

fn module_new(t: &TypeObj, _a: Args) -> PyResult {
    Ok(new_module_of_type(t))
}

fn module_init(o: &Obj, a: Args) -> PyResult<()> {
    let [name, doc] = crate::util::args::parse(a, "module", &["name", "doc"], 1)?;
    let m = o.downcast::<ModuleObj>().expect("module");
    let name = name.expect("name");
    crate::types::str::expect_str(name, "module.__init__() argument 'name'")?;
    m.set_attr("__name__", name.to_owned());
    m.set_attr("__doc__", doc.map_or_else(none, |d| d.to_owned()));
    for k in ["__package__", "__loader__", "__spec__"] {
        if m.get_attr(k).is_none() {
            m.set_attr(k, none());
        }
    }
    Ok(())
}

fn module_traverse(o: &Obj, visit: &mut dyn FnMut(&Obj)) {
    let m = o.downcast::<ModuleObj>().expect("module");
    let d = m.dict.take();
    if let Some(d) = &d {
        visit(d);
    }
    m.dict.set(d);
}

fn g_dict(o: &Obj) -> PyResult {
    Ok(o.downcast::<ModuleObj>().expect("module").dict())
}

fn m_dir(a: Args) -> PyResult {
    let [s] = crate::util::args::exact::<1>(a, "__dir__")?;
    let m = s.downcast::<ModuleObj>().expect("module");
    if let Some(f) = m.get_attr("__dir__") {
        return ops::call0(&f);
    }
    let d = m.dict();
    let keys = d.downcast::<DictObj>().expect("dict").keys();
    Ok(crate::types::list::new_list(keys))
}

static GETSETS: &[GetSetDef] = &[GetSetDef::getter("__dict__", g_dict)];
static METHODS: &[MethodDef] = &[MethodDef::method("__dir__", m_dir)];

crate::static_type! {
    pub static MODULE_TYPE: ModuleObj = "module" {
        flags: BASETYPE | HAVE_GC | WEAKREFABLE,
        dict_offset: std::mem::offset_of!(ModuleObj, dict) as isize,
        methods: METHODS,
        getsets: GETSETS,
        slots: {
            getattro: module_getattro, setattro: crate::types::object::generic_setattr,
            repr: module_repr, new: module_new, init: module_init, traverse: module_traverse,
        },
    }
}

//! `collections.defaultdict`: a dict subclass whose `__missing__` calls
//! `default_factory` to create absent items.

use crate::object::{Obj, PyCell, PyPayload, PyRef};
use crate::ops;
use crate::runtime::{PyErr, PyResult};
use crate::types::dict::DictObj;
use crate::types::dict_type::DICT_TYPE;
use crate::types::str::from_string;
use crate::types::tuple::new_tuple;
use crate::types::typeobj::{Args, GetSetDef, MethodDef, TypeObj};
use crate::types::{none, not_implemented};
use crate::util::args;

/// Instances are allocated by dict's `new`, which zeroes the fields after the
/// dict payload: `factory` starts as None.
#[repr(C)]
pub struct DefaultDictObj {
    pub dict: DictObj,
    factory: PyCell<Option<PyRef>>,
}

// SAFETY: `#[repr(C)]` starting with `DictObj` (itself starting with `Obj`);
// subclasses share the layout.
unsafe impl PyPayload for DefaultDictObj {
    fn class() -> &'static TypeObj {
        &DEFAULTDICT_TYPE
    }
}

fn this(o: &Obj) -> &DefaultDictObj {
    o.downcast::<DefaultDictObj>().expect("defaultdict")
}

fn factory_of(o: &Obj) -> Option<PyRef> {
    this(o).factory.get_clone()
}

fn dd_init(o: &Obj, a: Args) -> PyResult<()> {
    let rest = if a.nargs >= 1 {
        let f = a.all[0];
        if !f.is_none() && f.class().call.get().is_none() {
            return Err(PyErr::type_error("first argument must be callable or None"));
        }
        let old = this(o).factory.replace(if f.is_none() { None } else { Some(f.to_owned()) });
        drop(old);
        Args { all: &a.all[1..], nargs: a.nargs - 1, kwnames: a.kwnames }
    } else {
        a
    };
    let init = DICT_TYPE.init.get().expect("dict init");
    init(o, rest)
}

fn m_missing(a: Args) -> PyResult {
    let [s, key] = args::exact::<2>(a, "__missing__")?;
    let Some(f) = factory_of(s) else {
        return Err(PyErr::key_error(key));
    };
    let value = ops::call0(&f)?;
    ops::setitem(s, key, &value)?;
    Ok(value)
}

/// `type(d)(d.default_factory, src)`.
fn same_kind(d: &Obj, src: &Obj) -> PyResult {
    let f = factory_of(d).unwrap_or_else(none);
    ops::call2(d.class().as_obj_ref(), &f, src)
}

fn m_copy(a: Args) -> PyResult {
    let [s] = args::exact::<1>(a, "copy")?;
    same_kind(s, s)
}

fn m_reduce(a: Args) -> PyResult {
    let [s] = args::exact::<1>(a, "__reduce__")?;
    let ctor_args = match factory_of(s) {
        Some(f) => new_tuple(vec![f]),
        None => crate::types::tuple::empty_tuple(),
    };
    let items = ops::call_method(s, "items", &[])?;
    Ok(new_tuple(vec![s.class().as_obj_ref().to_owned(), ctor_args, none(), none(), ops::iter(&items)?]))
}

fn m_class_getitem(a: Args) -> PyResult {
    crate::types::genericalias::class_getitem(a)
}

fn dd_repr(o: &Obj) -> PyResult {
    let base = DICT_TYPE.repr.get().expect("dict repr")(o)?;
    let factory = match factory_of(o) {
        None => "None".to_string(),
        Some(f) => match crate::types::seq::repr_guard(&f, || ops::repr_string(&f)) {
            None => "...".to_string(),
            Some(r) => r?,
        },
    };
    Ok(from_string(format!("{}({factory}, {})", super::native_type::short_name(o.class()), ops::str_lossy(&base))))
}

fn dd_or(a: &Obj, b: &Obj) -> PyResult {
    let (me, other) = if a.isa::<DefaultDictObj>() { (a, b) } else { (b, a) };
    if !other.isa::<DictObj>() {
        return Ok(not_implemented());
    }
    let new = same_kind(me, a)?;
    ops::call_method(&new, "update", &[b])?;
    Ok(new)
}

fn dd_traverse(o: &Obj, visit: &mut dyn FnMut(&Obj)) {
    this(o).dict.visit(visit);
    this(o).factory.with(|f| {
        if let Some(f) = f {
            visit(f)
        }
    });
}

fn dd_clear(o: &Obj) {
    let old = this(o).factory.take();
    drop(old);
    this(o).dict.clear();
}

fn g_factory(o: &Obj) -> PyResult {
    Ok(factory_of(o).unwrap_or_else(none))
}

fn s_factory(o: &Obj, v: Option<&Obj>) -> PyResult<()> {
    let new = v.filter(|v| !v.is_none()).map(|v| v.to_owned());
    let old = this(o).factory.replace(new);
    drop(old);
    Ok(())
}

static METHODS: &[MethodDef] = &[
    MethodDef::method("__missing__", m_missing),
    MethodDef::method("copy", m_copy),
    MethodDef::method("__copy__", m_copy),
    MethodDef::method("__reduce__", m_reduce),
    MethodDef::class("__class_getitem__", m_class_getitem),
];

static GETSETS: &[GetSetDef] = &[GetSetDef::getset("default_factory", g_factory, s_factory)];

crate::static_type! {
    pub static DEFAULTDICT_TYPE: DefaultDictObj = "collections.defaultdict" {
        module: "collections",
        flags: BASETYPE | HAVE_GC,
        base: DICT_TYPE,
        doc: "defaultdict(default_factory=None, /, [...]) --> dict with default factory",
        methods: METHODS,
        getsets: GETSETS,
        slots: { init: dd_init, repr: dd_repr, traverse: dd_traverse, clear: dd_clear },
        number: { or: dd_or },
    }
}

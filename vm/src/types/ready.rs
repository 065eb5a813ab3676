//! Start-up of the static types: bases, MRO, inherited slots and flags, and
//! the dict of methods, getsets and slot wrappers.

use crate::object::{Obj, PyRef, Static};
use crate::runtime::{PyErr, PyResult};
use crate::types::builtin_func::{new_builtin, new_getset_descr, new_method_descr, BuiltinFunctionObj};
use crate::types::dict::{new_dict, DictObj};
use crate::types::tuple::{new_tuple, TupleObj};
use crate::types::typeobj::{flags, Args, MethodDef, TypeObj, TYPE_TYPE};
use crate::types::{object::OBJECT_TYPE, slotdefs};

/// The `__new__` of a native type: `T.__new__(S, *args)` calls T's `new`
/// slot for the subtype S.
pub static TP_NEW_DEF: MethodDef = MethodDef::method("__new__", tp_new_wrapper);

fn tp_new_wrapper(a: Args) -> PyResult {
    // all[0] is the owner type (bound), all[1] the type to instantiate.
    let owner = a.all[0].downcast::<TypeObj>().expect("bound type");
    let Some(sub_obj) = a.all.get(1).filter(|_| a.nargs >= 2) else {
        return Err(PyErr::type_error(format!("{}.__new__(): not enough arguments", owner.name())));
    };
    let Some(sub) = sub_obj.downcast::<TypeObj>() else {
        return Err(PyErr::type_error(format!(
            "{}.__new__(X): X is not a type object ({})",
            owner.name(),
            sub_obj.class().name()
        )));
    };
    if !sub.is_subtype(owner) {
        return Err(PyErr::type_error(format!(
            "{}.__new__({}): {} is not a subtype of {}",
            owner.name(),
            sub.name(),
            sub.name(),
            owner.name()
        )));
    }
    let new =
        owner.new.get().ok_or_else(|| PyErr::type_error(format!("cannot create '{}' instances", owner.name())))?;
    // `object.__new__(dict)` and the like would build an object whose native
    // payload was never initialised: the allocator of `sub`'s nearest static
    // base must be the one called.
    let mut static_base = Some(sub);
    while let Some(b) = static_base.filter(|b| !b.is_static()) {
        static_base = b.base();
    }
    if let Some(sb) = static_base {
        if sb.new.get().map(|f| f as usize) != Some(new as usize) {
            return Err(PyErr::type_error(format!(
                "{}.__new__({}) is not safe, use {}.__new__()",
                owner.name(),
                sub.name(),
                sb.name()
            )));
        }
    }
    new(sub, Args { all: &a.all[2..], nargs: a.nargs - 2, kwnames: a.kwnames })
}

/// C3 linearisation of `t` over `bases` (each base's MRO must be known).
pub fn c3_mro(t: &TypeObj, bases: &[PyRef]) -> PyResult<Vec<PyRef>> {
    let mut seqs: Vec<Vec<PyRef>> = Vec::new();
    for b in bases {
        let bt = b.downcast::<TypeObj>().ok_or_else(|| PyErr::type_error("bases must be types"))?;
        let m = match bt.mro_tuple() {
            Some(m) => m.downcast::<TupleObj>().expect("mro tuple").as_slice().to_vec(),
            None => vec![b.clone()],
        };
        seqs.push(m);
    }
    seqs.push(bases.to_vec());
    let mut out = vec![t.as_obj_ref().to_owned()];
    loop {
        seqs.retain(|s| !s.is_empty());
        if seqs.is_empty() {
            return Ok(out);
        }
        let mut candidate = None;
        for s in &seqs {
            let head = &s[0];
            let in_tail = seqs.iter().any(|o| o[1..].iter().any(|x| x.is(head)));
            if !in_tail {
                candidate = Some(head.clone());
                break;
            }
        }
        let Some(c) = candidate else {
            let mut names: Vec<String> = Vec::new();
            for s in &seqs {
                let n = s[0].downcast::<TypeObj>().map(|t| t.name()).unwrap_or_default();
                if !names.contains(&n) {
                    names.push(n);
                }
            }
            return Err(PyErr::type_error(format!(
                "Cannot create a consistent method resolution\norder (MRO) for bases {}",
                names.join(", ")
            )));
        };
        for s in seqs.iter_mut() {
            if s[0].is(&c) {
                s.remove(0);
            }
        }
        out.push(c);
    }
}

macro_rules! inherit {
    ($t:expr, $b:expr, $($f:ident),*) => {
        $( if $t.$f.get().is_none() { $t.$f.set($b.$f.get()); } )*
    };
}

/// Copies the slots `t` leaves empty from `base` (CPython's inherit_slots).
pub fn inherit_slots(t: &TypeObj, b: &TypeObj) {
    inherit!(
        t,
        b,
        call,
        new,
        init,
        finalize,
        getattro,
        setattro,
        descr_get,
        descr_set,
        repr,
        str,
        iter,
        iternext,
        len,
        getitem,
        setitem,
        contains,
        drop_payload,
        traverse,
        clear
    );
    // hash and richcompare are inherited together.
    if t.hash.get().is_none() && t.richcompare.get().is_none() {
        t.hash.set(b.hash.get());
        t.richcompare.set(b.richcompare.get());
    }
    let (n, bn) = (&t.number, &b.number);
    inherit!(
        n, bn, add, sub, mul, matmul, truediv, floordiv, rem, divmod, pow, lshift, rshift, and, xor, or, iadd, isub,
        imul, imatmul, itruediv, ifloordiv, irem, ipow, ilshift, irshift, iand, ixor, ior, neg, pos, abs, invert, bool,
        int, float, index
    );
}

/// Makes a static type ready (idempotent; readies its bases first).
pub fn ready_static(t: &'static TypeObj) {
    if t.dict.with(|d| d.is_some()) {
        return;
    }
    if let Some(setup) = t.setup {
        setup(t);
    }
    // A static type declared as "module.Name" (CPython's tp_name, shown in
    // error messages) has the qualified name "Name".
    let short = t.name.with(|n| match n {
        std::borrow::Cow::Borrowed(s) => s.rsplit_once('.').map(|(_, tail)| tail),
        std::borrow::Cow::Owned(_) => None,
    });
    if let Some(short) = short {
        let old = t.qualname.replace(std::borrow::Cow::Borrowed(short));
        drop(old);
    }
    let is_object = t.is(&OBJECT_TYPE);
    if !is_object && t.base.get().is_null() {
        t.base.set(&OBJECT_TYPE.0);
    }
    let mut bases: Vec<PyRef> = Vec::new();
    if let Some(b) = t.base() {
        // A static base of a static type is itself static.
        ready_static(static_base(b));
        bases.push(b.as_obj_ref().to_owned());
    }
    if let Some(extra) = crate::types::exceptions::extra_bases(t) {
        ready_static(extra);
        bases.push(extra.as_obj_ref().to_owned());
    }
    let dict = new_dict();
    dict.make_immortal();
    let d = dict.downcast::<DictObj>().expect("dict");
    for def in t.methods {
        d.set_by_str(def.name, immortal(new_method_descr(def, t)));
    }
    for def in t.getsets {
        d.set_by_str(def.name, immortal(new_getset_descr(def, t)));
    }
    slotdefs::install_wrappers(t, d);
    if t.new.get().is_some() && d.get_by_str("__new__").is_none() {
        let f = new_builtin(&TP_NEW_DEF, None);
        let f = bind_builtin(f, t.as_obj_ref());
        d.set_by_str("__new__", immortal(f));
    }
    if d.get_by_str("__doc__").is_none() {
        d.set_by_str("__doc__", t.doc.map_or_else(crate::types::none, crate::types::str::new_str));
    }
    if let Some(b) = t.base() {
        inherit_slots(t, b);
        t.flags.set(t.flags.get() | (b.flags.get() & flags::INHERITED));
        if t.dict_offset.get() == 0 {
            t.dict_offset.set(b.dict_offset.get());
        }
        if t.itemsize.get() == 0 {
            t.itemsize.set(b.itemsize.get());
        }
        b.subclasses.with_mut(|s| s.push(t));
    }
    t.dict.set_opt(Some(dict));
    let mro = c3_mro(t, &bases).unwrap_or_else(|_| vec![t.as_obj_ref().to_owned()]);
    t.mro.set_opt(Some(immortal(new_tuple(mro))));
    t.bases.set_opt(Some(immortal(new_tuple(bases))));
    t.set_flag(flags::READY, true);
}

fn immortal(o: PyRef) -> PyRef {
    o.make_immortal();
    o
}

fn bind_builtin(f: PyRef, owner: &Obj) -> PyRef {
    let def = f.downcast::<BuiltinFunctionObj>().expect("builtin").def;
    crate::types::builtin_func::new_bound_builtin(def, owner)
}

/// A static type's base, which is static too. Static types are declared as
/// `static` items; the registry below maps the pointer back to the item.
fn static_base(b: &TypeObj) -> &'static TypeObj {
    for t in all_static_types() {
        if t.is(b) {
            return t;
        }
    }
    crate::runtime::fatal("static type with an unregistered base")
}

macro_rules! registry {
    ($($path:path),* $(,)?) => {
        /// Every static type, registered once here.
        pub fn all_static_types() -> Vec<&'static TypeObj> {
            let mut v: Vec<&'static TypeObj> = vec![$( &$path.0 ),*];
            for e in crate::types::exceptions::ALL {
                v.push(&e.0);
            }
            v.extend(crate::types::extra_static_types());
            v
        }
    };
}

registry!(
    OBJECT_TYPE,
    TYPE_TYPE,
    crate::types::exceptions::BASE_EXCEPTION,
    crate::types::none::NONE_TYPE,
    crate::types::none::NOT_IMPLEMENTED_TYPE,
    crate::types::none::ELLIPSIS_TYPE,
    crate::types::int::INT_TYPE,
    crate::types::bool::BOOL_TYPE,
    crate::types::float::FLOAT_TYPE,
    crate::types::str::STR_TYPE,
    crate::types::tuple::TUPLE_TYPE,
    crate::types::list::LIST_TYPE,
    crate::types::dict_type::DICT_TYPE,
    crate::types::dict_views::DICT_KEYS_TYPE,
    crate::types::dict_views::DICT_ITEMS_TYPE,
    crate::types::dict_views::DICT_VALUES_TYPE,
    crate::types::dict_views::DICT_KEYITER_TYPE,
    crate::types::dict_views::DICT_VALUEITER_TYPE,
    crate::types::dict_views::DICT_ITEMITER_TYPE,
    crate::types::dict_views::DICT_REVKEYITER_TYPE,
    crate::types::dict_views::DICT_REVVALUEITER_TYPE,
    crate::types::dict_views::DICT_REVITEMITER_TYPE,
    crate::types::builtin_func::BUILTIN_FUNCTION_TYPE,
    crate::types::builtin_func::METHOD_DESCRIPTOR_TYPE,
    crate::types::builtin_func::CLASSMETHOD_DESCRIPTOR_TYPE,
    crate::types::builtin_func::GETSET_DESCRIPTOR_TYPE,
    crate::types::builtin_func::MEMBER_DESCRIPTOR_TYPE,
    crate::types::builtin_func::WRAPPER_DESCRIPTOR_TYPE,
    crate::types::builtin_func::METHOD_WRAPPER_TYPE,
    crate::types::descriptors::PROPERTY_TYPE,
    crate::types::descriptors::STATICMETHOD_TYPE,
    crate::types::descriptors::CLASSMETHOD_TYPE,
    crate::types::function::FUNCTION_TYPE,
    crate::types::function::METHOD_TYPE,
    crate::types::code::CODE_TYPE,
    crate::types::cell::CELL_TYPE,
    crate::types::module::MODULE_TYPE,
);

/// Readies every static type. Called once at interpreter start-up.
pub fn init_static_types() {
    for t in all_static_types() {
        ready_static(t);
    }
    crate::types::function::add_members();
}

/// Keeps `Static` in this module's vocabulary for registry users.
pub type StaticType = Static<TypeObj>;

//! The `gc` module.

use crate::object::{Obj, PyRef};
use crate::runtime::{PyErr, PyResult};
use crate::types::module::{new_module, ModuleObj};
use crate::types::typeobj::{flags, Args, MethodDef};
use crate::types::{int, new_bool, none};
use crate::util::args;

fn collect(a: Args) -> PyResult {
    let [_gen] = args::parse(a, "collect", &["generation"], 0)?;
    Ok(int::from_usize(crate::gc::collect()))
}
fn enable(_a: Args) -> PyResult {
    crate::gc::set_enabled(true);
    Ok(none())
}
fn disable(_a: Args) -> PyResult {
    crate::gc::set_enabled(false);
    Ok(none())
}
fn isenabled(_a: Args) -> PyResult {
    Ok(new_bool(crate::gc::is_enabled()))
}
fn get_count(_a: Args) -> PyResult {
    let (allocs, _) = crate::gc::counts();
    Ok(crate::types::tuple::new_tuple(vec![int::from_usize(allocs), int::new_int(0), int::new_int(0)]))
}
fn get_threshold(_a: Args) -> PyResult {
    Ok(crate::types::tuple::new_tuple(vec![
        int::from_usize(crate::gc::THRESHOLD.get()),
        int::new_int(10),
        int::new_int(10),
    ]))
}
fn set_threshold(a: Args) -> PyResult {
    if a.nargs >= 1 {
        let t = int::expect_i64(a.all[0], "int")?;
        crate::gc::THRESHOLD.set(t.max(1) as usize);
    }
    Ok(none())
}
fn is_tracked(a: Args) -> PyResult {
    let [o] = args::exact_fn::<1>(a, "is_tracked")?;
    Ok(new_bool(tracked(o)))
}
fn tracked(o: &Obj) -> bool {
    !o.is_immortal() && o.class().has_flag(flags::HAVE_GC)
}
fn is_finalized(a: Args) -> PyResult {
    let [o] = args::exact_fn::<1>(a, "is_finalized")?;
    Ok(new_bool(crate::gc::is_finalized(o)))
}
fn get_referents(a: Args) -> PyResult {
    let mut out: Vec<PyRef> = Vec::new();
    for o in &a.all[..a.nargs] {
        if let Some(tr) = o.class().traverse.get() {
            tr(o, &mut |r| out.push(r.to_owned()));
        }
    }
    Ok(crate::types::list::new_list(out))
}
/// `gc.get_objects(generation=None)`: every tracked object (Ember has one
/// generation: None, a negative number and 0 give them all, 1 and 2 none).
fn get_objects(a: Args) -> PyResult {
    let [generation] = args::parse(a, "get_objects", &["generation"], 0)?;
    let wanted = match generation.filter(|g| !g.is_none()) {
        None => true,
        Some(g) => {
            let g = int::expect_i64(g, "generation")?;
            if g >= 3 {
                return Err(PyErr::value_error(
                    "generation parameter must be less than the number of available generations (3)",
                ));
            }
            g <= 0
        }
    };
    let objs = if wanted { crate::object::alloc::tracked_objects() } else { Vec::new() };
    Ok(crate::types::list::new_list(objs))
}

/// `gc.get_referrers(*objs)`: the tracked objects that refer to any of `objs`.
fn get_referrers(a: Args) -> PyResult {
    let targets: Vec<usize> = a.all[..a.nargs].iter().map(|o| o.as_ptr() as usize).collect();
    let mut out = Vec::new();
    for o in crate::object::alloc::tracked_objects() {
        let Some(tr) = o.class().traverse.get() else { continue };
        let mut refers = false;
        tr(&o, &mut |r| refers |= targets.contains(&(r.as_ptr() as usize)));
        if refers {
            out.push(o);
        }
    }
    Ok(crate::types::list::new_list(out))
}

/// `gc.freeze()`: the tracked objects are left out of every later
/// collection (a pre-fork server's parent calls it so that collections in
/// the workers do not write to the pages they share).
fn freeze(a: Args) -> PyResult {
    args::exact_fn::<0>(a, "gc.freeze")?;
    crate::object::alloc::freeze_tracked();
    Ok(none())
}
fn unfreeze(a: Args) -> PyResult {
    args::exact_fn::<0>(a, "gc.unfreeze")?;
    crate::object::alloc::unfreeze_tracked();
    Ok(none())
}
fn get_freeze_count(a: Args) -> PyResult {
    args::exact_fn::<0>(a, "gc.get_freeze_count")?;
    Ok(int::from_usize(crate::object::alloc::frozen_count()))
}

/// The flags `set_debug` stored; the collector does not act on them yet
/// (no statistics output, DEBUG_SAVEALL keeps nothing).
static DEBUG_FLAGS: crate::object::Static<std::cell::Cell<i64>> = crate::object::Static(std::cell::Cell::new(0));

fn get_debug(a: Args) -> PyResult {
    args::exact_fn::<0>(a, "get_debug")?;
    Ok(int::new_int(DEBUG_FLAGS.get()))
}

fn set_debug(a: Args) -> PyResult {
    let [flags] = args::exact_fn::<1>(a, "set_debug")?;
    DEBUG_FLAGS.set(crate::types::bytes_args::c_int_arg(flags)?);
    Ok(none())
}

static FUNCS: &[MethodDef] = &[
    MethodDef::method("get_debug", get_debug),
    MethodDef::method("set_debug", set_debug),
    MethodDef::method("collect", collect),
    MethodDef::method("enable", enable),
    MethodDef::method("disable", disable),
    MethodDef::method("isenabled", isenabled),
    MethodDef::method("get_count", get_count),
    MethodDef::method("get_threshold", get_threshold),
    MethodDef::method("set_threshold", set_threshold),
    MethodDef::method("is_tracked", is_tracked),
    MethodDef::method("is_finalized", is_finalized),
    MethodDef::method("get_referents", get_referents),
    MethodDef::method("get_referrers", get_referrers),
    MethodDef::method("get_objects", get_objects),
    MethodDef::method("freeze", freeze),
    MethodDef::method("unfreeze", unfreeze),
    MethodDef::method("get_freeze_count", get_freeze_count),
];

pub fn init() -> PyResult<PyRef> {
    let m = new_module("gc");
    let mo = m.downcast::<ModuleObj>().expect("module");
    mo.add_functions(&m, FUNCS);
    mo.set_attr("garbage", crate::types::list::new_list(vec![]));
    mo.set_attr("callbacks", crate::types::list::new_list(vec![]));
    for (k, v) in [
        ("DEBUG_STATS", 1),
        ("DEBUG_COLLECTABLE", 2),
        ("DEBUG_UNCOLLECTABLE", 4),
        ("DEBUG_SAVEALL", 32),
        ("DEBUG_LEAK", 38),
    ] {
        mo.set_attr(k, int::new_int(v));
    }
    Ok(m)
}

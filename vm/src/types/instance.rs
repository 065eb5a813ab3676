//! Instances of Python classes: the extras after the solid base payload
//! (`__slots__` values and the `__dict__` pointer), allocation, `__class__`
//! assignment, finalisation and traversal.

use crate::object::alloc::{self, object_size};
use crate::object::{Obj, PyRef};
use crate::ops;
use crate::runtime::{PyErr, PyResult};
use crate::types::dict::{new_dict, DictObj};
use crate::types::typeobj::{flags, TypeObj};

/// Offset of `obj`'s `__dict__` pointer, if its type has one.
#[inline]
pub fn dict_offset(obj: &Obj) -> Option<usize> {
    let off = obj.class().dict_offset.get();
    match off {
        0 => None,
        o if o > 0 => Some(o as usize),
        o => Some((object_size(obj) as isize + o) as usize),
    }
}

/// The instance dict, if the type has one and it was created.
#[inline]
pub fn get_dict(obj: &Obj) -> Option<PyRef> {
    let off = dict_offset(obj)?;
    alloc::read_field(obj, off)
}

/// The instance dict, borrowed (see [`alloc::field_ref`] for how long the
/// borrow may last), if it exists and is an exact `dict`.
#[inline(always)]
pub fn dict_ref(obj: &Obj) -> Option<&DictObj> {
    let off = dict_offset(obj)?;
    alloc::field_ref(obj, off)?.downcast_exact::<DictObj>()
}

/// The instance dict, creating it on first use.
pub fn get_or_create_dict(obj: &Obj) -> Option<PyRef> {
    let off = dict_offset(obj)?;
    if let Some(d) = alloc::read_field(obj, off) {
        return Some(d);
    }
    let d = new_dict();
    let old = alloc::swap_field(obj, off, Some(d.clone()));
    drop(old);
    Some(d)
}

/// Replaces the instance dict (`obj.__dict__ = d`).
pub fn set_dict(obj: &Obj, d: Option<PyRef>) -> PyResult<()> {
    let Some(off) = dict_offset(obj) else {
        return Err(PyErr::no_attribute(obj, "__dict__"));
    };
    let old = alloc::swap_field(obj, off, d);
    drop(old);
    Ok(())
}

/// Allocates a zeroed instance of `t` whose solid base is `object`.
pub fn alloc_instance(t: &TypeObj) -> PyRef {
    alloc::alloc_object(t, Obj::new(t), 0)
}

/// The offsets of every pointer field in `t`'s extras (slots, dict), walking
/// the heap types of its MRO.
fn extra_offsets(obj: &Obj, for_traverse: bool, mut f: impl FnMut(usize)) {
    let ty = obj.class();
    if !ty.is_static() {
        ty.slot_value_offsets.with(|offs| offs.iter().for_each(|&o| f(o)));
    }
    if ty.is_static() {
        return;
    }
    let Some(off) = dict_offset(obj) else { return };
    // A dict pointer inherited from a static base lives in that base's payload,
    // whose traverse slot visits it (visiting it twice would hide a reference
    // from the cycle collector). Clearing it twice is harmless.
    if for_traverse {
        let mut t = Some(ty);
        while let Some(cur) = t {
            if cur.is_static() {
                break;
            }
            t = cur.base();
        }
        if t.is_some_and(|b| b.dict_offset.get() != 0) {
            return;
        }
    }
    f(off);
}

/// Runs `__del__` for an instance of a Python class whose refcount dropped to
/// zero (the caller resurrects it to one around this call).
pub fn finalize_instance(obj: &Obj) {
    let ty = obj.class();
    if !ty.has_flag(flags::HAS_FINALIZER) || crate::gc::is_finalized(obj) {
        return;
    }
    crate::gc::mark_finalized(obj);
    let Some(del) = ty.lookup_str("__del__") else { return };
    // Errors in __del__ are reported and ignored, with the current exception saved.
    let saved = crate::runtime::ts().take_raised_for_finalizer();
    if let Err(e) = ops::call_method_obj(&del, obj, &[]) {
        crate::unraisable::write_unraisable(&e, "Exception ignored in", Some(&del));
    }
    crate::runtime::ts().restore_after_finalizer(saved);
}

/// Drops the slot values and dict of a dying instance.
pub fn clear_extras(obj: &Obj) {
    // Most instances have a dict and no slots: no list of old values needed.
    let ty = obj.class();
    if !ty.is_static() && ty.slot_value_offsets.with(|offs| offs.is_empty()) {
        if let Some(off) = dict_offset(obj) {
            drop(alloc::swap_field(obj, off, None));
        }
        return;
    }
    let mut olds = Vec::new();
    extra_offsets(obj, false, |off| olds.push(alloc::swap_field(obj, off, None)));
    drop(olds);
}

/// Visits the slot values and dict of an instance (GC traversal).
pub fn traverse_extras(obj: &Obj, visit: &mut dyn FnMut(&Obj)) {
    extra_offsets(obj, true, |off| alloc::visit_field(obj, off, visit));
}

/// `obj.__class__ = new`, allowed between compatible Python classes.
pub fn set_class(obj: &Obj, new: &TypeObj) -> PyResult<()> {
    let old = obj.class();
    if new.is_static() || old.is_static() {
        return Err(PyErr::type_error(
            "__class__ assignment only supported for mutable types or ModuleType subclasses",
        ));
    }
    if !crate::types::type_new::layouts_compatible(old, new) {
        return Err(PyErr::type_error(format!(
            "__class__ assignment: '{}' object layout differs from '{}'",
            new.name(),
            old.name()
        )));
    }
    alloc::swap_type(obj, new);
    Ok(())
}

/// `vars(obj)` / `obj.__dict__` for instances.
pub fn dict_of(obj: &Obj) -> PyResult<PyRef> {
    get_or_create_dict(obj).ok_or_else(|| PyErr::no_attribute(obj, "__dict__"))
}

/// Whether a value is a dict usable as `__dict__`.
pub fn check_dict(v: &Obj) -> PyResult<()> {
    if v.isa::<DictObj>() {
        Ok(())
    } else {
        Err(PyErr::type_error(format!("__dict__ must be set to a dictionary, not a '{}'", v.class().name())))
    }
}

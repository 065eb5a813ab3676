//! The runtime helpers compiled code calls (declared in `ember_lir::helpers`):
//! `extern "C"` adapters from raw pointers to the VM's safe operations in
//! `ember_vm::eval::compiled`.
//!
//! # Safety
//!
//! Every helper is called only by machine code the lowering produced, with
//! the helper table's contract: object pointers are live objects (non-null
//! unless the table says null is allowed) borrowed for the call, array
//! pointers address `count` initialised words, `frame` is the live frame the
//! compiled function runs on, and out-pointers address writable scratch
//! words. Each function documents only what it adds to that.

use ember_lir::Helper;
use ember_vm::eval::attr_cache::AttrSite;
use ember_vm::eval::compiled as c;
use ember_vm::eval::frame::{Frame, FramePtr};
use ember_vm::object::{Obj, PyRef};
use ember_vm::runtime::{result_to_raw, PyErr, PyResult};
use ember_vm::types::str::StrObj;

/// # Safety
/// `p` is a live object pointer.
unsafe fn obj<'a>(p: *mut Obj) -> &'a Obj {
    // SAFETY: per the module contract.
    unsafe { &*p }
}

/// # Safety
/// `p` is null or a live object pointer.
unsafe fn opt<'a>(p: *mut Obj) -> Option<&'a Obj> {
    // SAFETY: per the module contract.
    unsafe { p.as_ref() }
}

/// # Safety
/// `p` is the live frame compiled code runs on.
unsafe fn frame(p: *mut Frame) -> FramePtr {
    FramePtr::from_raw(p).expect("compiled code runs on a frame")
}

/// # Safety
/// `items` addresses `n` live object pointers.
unsafe fn objs<'a>(items: *const *mut Obj, n: i64) -> &'a [&'a Obj] {
    // SAFETY: per the module contract.
    unsafe { ember_vm::object::args_from_raw(items, n.max(0) as usize) }
}

fn status(r: PyResult<()>) -> i32 {
    match r {
        Ok(()) => 0,
        Err(e) => {
            e.restore();
            -1
        }
    }
}

fn truth(r: PyResult<bool>) -> i32 {
    match r {
        Ok(b) => i32::from(b),
        Err(e) => {
            e.restore();
            -1
        }
    }
}

fn missing(what: &str) -> *mut Obj {
    PyErr::system_error(format!("compiled code: {what}")).restore();
    std::ptr::null_mut()
}

unsafe extern "C" fn dealloc(p: *mut Obj) {
    // SAFETY: compiled code drops its last reference (refcount 1).
    unsafe { Obj::decref(p) }
}

unsafe extern "C" fn load_global(f: *mut Frame, idx: i64) -> *mut Obj {
    // SAFETY: module contract.
    result_to_raw(c::load_global(unsafe { frame(f) }, idx as usize))
}

unsafe extern "C" fn store_global(f: *mut Frame, idx: i64, v: *mut Obj) -> i32 {
    // SAFETY: module contract.
    status(unsafe { c::store_global(frame(f), idx as usize, obj(v)) })
}

/// # Safety
/// `cache` and `name` are a site's [`AttrSite`] and `str` name, as
/// `JitRuntime::attr_site` handed them out (alive as long as the code).
unsafe extern "C" fn load_attr(o: *mut Obj, cache: *const AttrSite, name: *const Obj) -> *mut Obj {
    // SAFETY: module contract and the above.
    let (o, cache, name) = unsafe { (obj(o), &*cache, site_name(name)) };
    result_to_raw(cache.load_attr(o, name))
}

/// # Safety
/// As [`load_attr`].
unsafe extern "C" fn store_attr(o: *mut Obj, cache: *const AttrSite, name: *const Obj, v: *mut Obj) -> i32 {
    // SAFETY: module contract and the above.
    let (o, cache, name, v) = unsafe { (obj(o), &*cache, site_name(name), obj(v)) };
    status(cache.store_attr(o, name, v.to_owned()))
}

/// # Safety
/// As [`load_attr`]; `out` addresses two writable words.
unsafe extern "C" fn load_method(o: *mut Obj, cache: *const AttrSite, name: *const Obj, out: *mut *mut Obj) -> i32 {
    // SAFETY: module contract and the above.
    let (o, cache, name) = unsafe { (obj(o), &*cache, site_name(name)) };
    match cache.load_method(o, name) {
        Ok((first, second)) => {
            // SAFETY: `out` has room for two pointers.
            unsafe {
                *out = first.map_or(std::ptr::null_mut(), PyRef::into_raw);
                *out.add(1) = second.into_raw();
            }
            0
        }
        Err(e) => {
            e.restore();
            -1
        }
    }
}

/// A site's name: checked to be a `str` when the site was made.
///
/// # Safety
/// `name` is a live object.
unsafe fn site_name<'a>(name: *const Obj) -> &'a StrObj {
    // SAFETY: per the contract.
    let o = unsafe { &*name };
    match o.downcast::<StrObj>() {
        Some(s) => s,
        None => ember_vm::runtime::fatal("attribute site name is not a str"),
    }
}

/// # Safety
/// `items` holds `[X (may be null), Y, args..., kwnames?]`.
unsafe extern "C" fn call(items: *const *mut Obj, n: i64, has_kw: i64) -> *mut Obj {
    if n < 2 + has_kw {
        return missing("call without a callable");
    }
    let end = (n - has_kw) as usize;
    // SAFETY: module contract; only X may be null, and the items after it are
    // contiguous, so `X(Y, args...)` and `Y(args...)` are both slices of them.
    let (callable, args, kw) = unsafe {
        let kw = if has_kw != 0 { Some(obj(*items.add(end))) } else { None };
        match opt(*items) {
            Some(x) => (x, objs(items.add(1), end as i64 - 1), kw),
            None => (obj(*items.add(1)), objs(items.add(2), end as i64 - 2), kw),
        }
    };
    result_to_raw(c::call(callable, args, kw))
}

/// # Safety
/// `f` is an exact function object.
unsafe extern "C" fn call_function(f: *mut Obj, args: *const *mut Obj, n: i64) -> *mut Obj {
    // SAFETY: module contract.
    let (f, args) = unsafe { (obj(f), objs(args, n)) };
    result_to_raw(c::call_function(f, args))
}

unsafe extern "C" fn vector_call(items: *const *mut Obj, n: i64) -> *mut Obj {
    if n < 1 {
        return missing("call without a callable");
    }
    // SAFETY: module contract.
    let all = unsafe { objs(items, n) };
    result_to_raw(c::call(all[0], &all[1..], None))
}

unsafe extern "C" fn binary_op(a: *mut Obj, b: *mut Obj, op: i64) -> *mut Obj {
    // SAFETY: module contract.
    result_to_raw(unsafe { c::binary_op(obj(a), obj(b), op as u32) })
}

unsafe extern "C" fn compare(a: *mut Obj, b: *mut Obj, op: i64) -> *mut Obj {
    // SAFETY: module contract.
    result_to_raw(unsafe { c::compare(obj(a), obj(b), op as u32) })
}

unsafe extern "C" fn unary_op(v: *mut Obj, kind: i64) -> *mut Obj {
    // SAFETY: module contract.
    result_to_raw(unsafe { c::unary(obj(v), kind as u32) })
}

unsafe extern "C" fn is_truthy(v: *mut Obj) -> i32 {
    // SAFETY: module contract.
    truth(unsafe { c::is_true(obj(v)) })
}

unsafe extern "C" fn contains(item: *mut Obj, container: *mut Obj) -> i32 {
    // SAFETY: module contract.
    truth(unsafe { c::contains(obj(item), obj(container)) })
}

unsafe extern "C" fn load_subscr(container: *mut Obj, key: *mut Obj) -> *mut Obj {
    // SAFETY: module contract.
    result_to_raw(unsafe { c::subscript(obj(container), obj(key)) })
}

unsafe extern "C" fn store_subscr(container: *mut Obj, key: *mut Obj, v: *mut Obj) -> i32 {
    // SAFETY: module contract.
    status(unsafe { c::store_subscript(obj(container), obj(key), obj(v)) })
}

unsafe extern "C" fn get_iter(v: *mut Obj) -> *mut Obj {
    // SAFETY: module contract.
    result_to_raw(unsafe { c::get_iter(obj(v)) })
}

/// # Safety
/// `out` addresses one writable word.
unsafe extern "C" fn for_iter(it: *mut Obj, out: *mut *mut Obj) -> i32 {
    // SAFETY: module contract.
    match unsafe { c::for_iter(obj(it)) } {
        Ok(next) => {
            let found = next.is_some();
            // SAFETY: `out` has room for one pointer.
            unsafe { *out = next.map_or(std::ptr::null_mut(), PyRef::into_raw) };
            i32::from(found)
        }
        Err(e) => {
            e.restore();
            -1
        }
    }
}

unsafe extern "C" fn get_awaitable(v: *mut Obj, arg: i64) -> *mut Obj {
    // SAFETY: module contract.
    result_to_raw(unsafe { c::get_awaitable(obj(v), arg as u32) })
}

unsafe extern "C" fn get_yield_from_iter(f: *mut Frame, v: *mut Obj) -> *mut Obj {
    // SAFETY: module contract.
    result_to_raw(unsafe { c::get_yield_from_iter(frame(f), obj(v)) })
}

/// # Safety
/// `out` addresses two writable words.
unsafe extern "C" fn send(receiver: *mut Obj, v: *mut Obj, out: *mut *mut Obj) -> i32 {
    // SAFETY: module contract.
    let r = unsafe { c::send(obj(receiver), obj(v)) };
    let (yielded, returned, status) = match r {
        Ok(c::SendResult::Yielded(y)) => (y.into_raw(), std::ptr::null_mut(), 0),
        Ok(c::SendResult::Returned(r)) => (std::ptr::null_mut(), r.into_raw(), 1),
        Err(e) => {
            e.restore();
            return -1;
        }
    };
    // SAFETY: `out` has room for two pointers.
    unsafe {
        *out = yielded;
        *out.add(1) = returned;
    }
    status
}

unsafe extern "C" fn unpack_sequence(v: *mut Obj, n: i64) -> *mut Obj {
    // SAFETY: module contract.
    result_to_raw(unsafe { c::unpack(obj(v), n as usize) })
}

unsafe extern "C" fn make_cell(v: *mut Obj) -> *mut Obj {
    // SAFETY: module contract (null: an empty cell).
    c::make_cell(unsafe { opt(v) }).into_raw()
}

unsafe extern "C" fn load_closure_cell(f: *mut Frame, i: i64) -> *mut Obj {
    // SAFETY: module contract.
    let f = unsafe { frame(f) };
    match c::closure_cell(&f, i as usize) {
        Ok(cell) => cell.as_ptr(),
        Err(e) => {
            e.restore();
            std::ptr::null_mut()
        }
    }
}

unsafe extern "C" fn load_cell_item(cell: *mut Obj) -> *mut Obj {
    // SAFETY: module contract.
    c::cell_get(unsafe { obj(cell) }).map_or(std::ptr::null_mut(), PyRef::into_raw)
}

unsafe extern "C" fn set_cell_item(cell: *mut Obj, v: *mut Obj) {
    // SAFETY: module contract.
    unsafe { c::cell_set(obj(cell), obj(v)) }
}

unsafe extern "C" fn make_function(f: *mut Frame, items: *const *mut Obj, n: i64, flags: i64) -> *mut Obj {
    // SAFETY: module contract.
    let (f, items) = unsafe { (frame(f), objs(items, n)) };
    result_to_raw(c::make_function(f, flags as u32, items))
}

/// # Safety
/// Takes the references of the `n` items.
unsafe fn take_items(items: *const *mut Obj, n: i64) -> Vec<PyRef> {
    // SAFETY: each item's reference is handed over by compiled code.
    unsafe { (0..n as usize).map(|k| PyRef::from_raw(*items.add(k))).collect() }
}

unsafe extern "C" fn make_list(items: *const *mut Obj, n: i64) -> *mut Obj {
    // SAFETY: the list takes the items' references.
    c::make_list(unsafe { take_items(items, n) }).into_raw()
}

unsafe extern "C" fn make_tuple(items: *const *mut Obj, n: i64) -> *mut Obj {
    // SAFETY: the tuple takes the items' references.
    c::make_tuple(unsafe { take_items(items, n) }).into_raw()
}

unsafe extern "C" fn make_dict(items: *const *mut Obj, n: i64) -> *mut Obj {
    // SAFETY: module contract.
    result_to_raw(c::make_dict(unsafe { objs(items, n) }))
}

unsafe extern "C" fn make_set(items: *const *mut Obj, n: i64) -> *mut Obj {
    // SAFETY: module contract.
    result_to_raw(c::make_set(unsafe { objs(items, n) }))
}

unsafe extern "C" fn make_slice(a: *mut Obj, b: *mut Obj, s: *mut Obj) -> *mut Obj {
    // SAFETY: module contract.
    unsafe { c::make_slice(obj(a), obj(b), obj(s)) }.into_raw()
}

unsafe extern "C" fn dict_set_item(d: *mut Obj, k: *mut Obj, v: *mut Obj) -> i32 {
    // SAFETY: module contract.
    status(unsafe { c::dict_set_item(obj(d), obj(k), obj(v)) })
}

unsafe extern "C" fn set_add(s: *mut Obj, v: *mut Obj) -> i32 {
    // SAFETY: module contract.
    status(unsafe { c::set_add(obj(s), obj(v)) })
}

unsafe extern "C" fn list_append(l: *mut Obj, v: *mut Obj) -> i32 {
    // SAFETY: module contract.
    status(unsafe { c::list_append(obj(l), obj(v)) })
}

unsafe extern "C" fn build_string(items: *const *mut Obj, n: i64) -> *mut Obj {
    // SAFETY: module contract.
    c::build_string(unsafe { objs(items, n) }).into_raw()
}

unsafe extern "C" fn format_value(v: *mut Obj, spec: *mut Obj, conv: i64) -> *mut Obj {
    // SAFETY: module contract (a null spec: none given).
    result_to_raw(unsafe { c::format_value(obj(v), conv as u32, opt(spec)) })
}

extern "C" fn check_signals() -> i32 {
    status(c::check_signals())
}

extern "C" fn box_long(v: i64) -> *mut Obj {
    c::box_long(v).into_raw()
}

extern "C" fn box_float(v: f64) -> *mut Obj {
    c::box_float(v).into_raw()
}

unsafe extern "C" fn unbox_float(v: *mut Obj) -> f64 {
    // SAFETY: module contract.
    c::unbox_float(unsafe { obj(v) }).unwrap_or(f64::NAN)
}

unsafe extern "C" fn sequence_len(v: *mut Obj) -> i64 {
    // SAFETY: module contract.
    c::sequence_len(unsafe { obj(v) }).map_or(0, |n| n as i64)
}

unsafe extern "C" fn tuple_item(t: *mut Obj, i: i64) -> *mut Obj {
    // SAFETY: module contract.
    match c::tuple_item(unsafe { obj(t) }, i as usize) {
        Some(item) => item.as_ptr(),
        None => missing("tuple index out of range"),
    }
}

unsafe extern "C" fn call_ex(callable: *mut Obj, args: *mut Obj, kwargs: *mut Obj) -> *mut Obj {
    // SAFETY: module contract (null kwargs: none given).
    result_to_raw(unsafe { c::call_ex(obj(callable), obj(args), opt(kwargs)) })
}

unsafe extern "C" fn container_update(target: *mut Obj, other: *mut Obj, func: *mut Obj, kind: i64) -> i32 {
    // SAFETY: module contract (null func: unknown).
    status(unsafe { c::container_update(obj(target), obj(other), opt(func), kind as u32) })
}

unsafe extern "C" fn list_to_tuple(l: *mut Obj) -> *mut Obj {
    // SAFETY: module contract.
    c::list_to_tuple(unsafe { obj(l) }).into_raw()
}

unsafe extern "C" fn make_const_key_dict(items: *const *mut Obj, n: i64) -> *mut Obj {
    // SAFETY: module contract.
    result_to_raw(c::make_const_key_dict(unsafe { objs(items, n) }))
}

unsafe extern "C" fn delete_subscr(container: *mut Obj, key: *mut Obj) -> i32 {
    // SAFETY: module contract.
    status(unsafe { c::delete_subscript(obj(container), obj(key)) })
}

unsafe extern "C" fn load_builtin(f: *mut Frame, kind: i64) -> *mut Obj {
    // SAFETY: module contract.
    result_to_raw(c::load_builtin(unsafe { frame(f) }, kind as u32))
}

unsafe extern "C" fn unpack_ex(seq: *mut Obj, arg: i64) -> *mut Obj {
    // SAFETY: module contract.
    result_to_raw(unsafe { c::unpack_ex(obj(seq), arg as u32) })
}

/// The address of a helper's implementation.
pub fn address(h: Helper) -> u64 {
    let p: *const () = match h {
        Helper::Dealloc => dealloc as *const (),
        Helper::LoadGlobal => load_global as *const (),
        Helper::StoreGlobal => store_global as *const (),
        Helper::LoadAttr => load_attr as *const (),
        Helper::StoreAttr => store_attr as *const (),
        Helper::LoadMethod => load_method as *const (),
        Helper::Call => call as *const (),
        Helper::VectorCall => vector_call as *const (),
        Helper::CallFunction => call_function as *const (),
        Helper::BinaryOp => binary_op as *const (),
        Helper::Compare => compare as *const (),
        Helper::UnaryOp => unary_op as *const (),
        Helper::IsTruthy => is_truthy as *const (),
        Helper::Contains => contains as *const (),
        Helper::LoadSubscr => load_subscr as *const (),
        Helper::StoreSubscr => store_subscr as *const (),
        Helper::GetIter => get_iter as *const (),
        Helper::ForIter => for_iter as *const (),
        Helper::GetAwaitable => get_awaitable as *const (),
        Helper::GetYieldFromIter => get_yield_from_iter as *const (),
        Helper::Send => send as *const (),
        Helper::UnpackSequence => unpack_sequence as *const (),
        Helper::MakeCell => make_cell as *const (),
        Helper::LoadClosureCell => load_closure_cell as *const (),
        Helper::LoadCellItem => load_cell_item as *const (),
        Helper::SetCellItem => set_cell_item as *const (),
        Helper::MakeFunction => make_function as *const (),
        Helper::MakeList => make_list as *const (),
        Helper::MakeTuple => make_tuple as *const (),
        Helper::MakeDict => make_dict as *const (),
        Helper::MakeSet => make_set as *const (),
        Helper::MakeSlice => make_slice as *const (),
        Helper::DictSetItem => dict_set_item as *const (),
        Helper::SetAdd => set_add as *const (),
        Helper::ListAppend => list_append as *const (),
        Helper::BuildString => build_string as *const (),
        Helper::FormatValue => format_value as *const (),
        Helper::CheckSignals => check_signals as *const (),
        Helper::BoxLong => box_long as *const (),
        Helper::BoxFloat => box_float as *const (),
        Helper::UnboxFloat => unbox_float as *const (),
        Helper::SequenceLen => sequence_len as *const (),
        Helper::TupleItem => tuple_item as *const (),
        Helper::CallEx => call_ex as *const (),
        Helper::ContainerUpdate => container_update as *const (),
        Helper::ListToTuple => list_to_tuple as *const (),
        Helper::MakeConstKeyDict => make_const_key_dict as *const (),
        Helper::DeleteSubscr => delete_subscr as *const (),
        Helper::LoadBuiltin => load_builtin as *const (),
        Helper::UnpackEx => unpack_ex as *const (),
        Helper::Deopt => crate::deopt::deopt as *const (),
    };
    p as u64
}

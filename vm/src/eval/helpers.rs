//! The semantics of the more involved opcodes, out of line from the dispatch
//! loop: name resolution, method loading, unpacking, f-string formatting,
//! function creation, `with`, `raise`, `yield from`, and traceback entries.

use ember_compiler::bytecode::BinaryOp;
use ember_compiler::code::code_flags;

use crate::eval::frame::FramePtr;
use crate::object::{AsObj, Obj, PyRef};
use crate::ops;
use crate::runtime::{PyErr, PyResult};
use crate::types::code::CodeObj;
use crate::types::dict::DictObj;
use crate::types::exceptions::{self, ExceptionObj};
use crate::types::list::ListObj;
use crate::types::str::StrObj;
use crate::types::tuple::{new_tuple, TupleObj};
use crate::types::typeobj::{flags, TypeObj};
use crate::types::{int, none};

fn name_error(name: &Obj) -> PyErr {
    PyErr::name_error(StrObj::text(name))
}

/// `LOAD_NAME`: locals mapping, then globals, then builtins.
pub fn load_name(f: &FramePtr, name: &Obj) -> PyResult {
    let key = name.downcast::<StrObj>().expect("name");
    if let Some(locals) = f.locals() {
        if let Some(d) = locals.downcast_exact::<DictObj>() {
            if let Some(v) = d.get_str(key) {
                return Ok(v);
            }
        } else {
            match ops::getitem(locals, name) {
                Ok(v) => return Ok(v),
                Err(e) if e.matches(&exceptions::KEY_ERROR) => {}
                Err(e) => return Err(e),
            }
        }
    }
    load_global_uncached(f, name)
}

/// `STORE_NAME` / `DELETE_NAME` (value None).
pub fn store_name(f: &FramePtr, name: &Obj, value: Option<PyRef>) -> PyResult<()> {
    let Some(locals) = f.locals() else {
        return Err(PyErr::system_error(format!("no locals found when storing {}", ops::repr_string(name)?)));
    };
    match value {
        Some(v) => {
            if let Some(d) = locals.downcast_exact::<DictObj>() {
                d.set_item(name, v)
            } else {
                ops::setitem(locals, name, &v)
            }
        }
        None => {
            let r = if let Some(d) = locals.downcast_exact::<DictObj>() {
                d.del_item(name)?.map(|_| ())
            } else {
                match ops::delitem(locals, name) {
                    Ok(()) => Some(()),
                    Err(e) if e.matches(&exceptions::KEY_ERROR) => None,
                    Err(e) => return Err(e),
                }
            };
            r.ok_or_else(|| name_error(name))
        }
    }
}

/// `LOAD_GLOBAL`: globals then builtins.
#[inline]
pub fn load_global(f: &FramePtr, code: &crate::types::code::CodeObj, index: usize) -> PyResult {
    let name = &*code.names[index];
    let key = name.downcast::<StrObj>().expect("name");
    let g = f.globals().downcast::<DictObj>().expect("globals dict");
    let b = f.builtins();
    if let Some(bd) = b.downcast_exact::<DictObj>() {
        let entry = &code.global_cache[index];
        if entry.globals_version.get() == g.version() && entry.builtins_version.get() == bd.version() {
            if let Some(v) = entry.value.with(|v| v.clone()) {
                return Ok(v);
            }
        }
        let v = match g.get_str(key) {
            Some(v) => v,
            None => match bd.get_str(key) {
                Some(v) => v,
                None => return Err(name_error(name)),
            },
        };
        let old = entry.value.replace(Some(v.clone()));
        entry.globals_version.set(g.version());
        entry.builtins_version.set(bd.version());
        // Dropped last: a finaliser it runs sees a consistent entry.
        drop(old);
        return Ok(v);
    }
    load_global_uncached(f, name)
}

/// Globals, then builtins (any mapping), without the cache.
fn load_global_uncached(f: &FramePtr, name: &Obj) -> PyResult {
    let key = name.downcast::<StrObj>().expect("name");
    let g = f.globals().downcast::<DictObj>().expect("globals dict");
    if let Some(v) = g.get_str(key) {
        return Ok(v);
    }
    let b = f.builtins();
    if let Some(bd) = b.downcast_exact::<DictObj>() {
        if let Some(v) = bd.get_str(key) {
            return Ok(v);
        }
    } else {
        match ops::getitem(b, name) {
            Ok(v) => return Ok(v),
            Err(e) if e.matches(&exceptions::KEY_ERROR) => {}
            Err(e) => return Err(e),
        }
    }
    Err(name_error(name))
}

/// `LOAD_CLASSDEREF`: the class body's namespace first, then the cell.
pub fn load_classderef(f: &FramePtr, code: &CodeObj, i: usize) -> PyResult {
    let name = &code.localsplus_names[i];
    if let Some(locals) = f.locals() {
        if let Some(d) = locals.downcast_exact::<DictObj>() {
            if let Some(v) = d.get_item(name)? {
                return Ok(v);
            }
        } else {
            match ops::getitem(locals, name) {
                Ok(v) => return Ok(v),
                Err(e) if e.matches(&exceptions::KEY_ERROR) => {}
                Err(e) => return Err(e),
            }
        }
    }
    let cell = f.local_clone(i).ok_or_else(|| PyErr::system_error("missing class cell"))?;
    match cell.downcast::<crate::types::cell::CellObj>().and_then(|c| c.get()) {
        Some(v) => Ok(v),
        None => {
            let n = StrObj::text(name);
            Err(PyErr::new(
                &exceptions::NAME_ERROR,
                format!("cannot access free variable '{n}' where it is not associated with a value in enclosing scope"),
            ))
        }
    }
}

/// `LOAD_METHOD` fast path: Some(unbound method) when `name` resolves to a
/// method descriptor on the type that no instance attribute shadows.
#[inline]
pub fn load_method(obj: &Obj, name: &StrObj) -> PyResult<Option<PyRef>> {
    let t = obj.class();
    let generic = t.getattro.get().map(|g| g as usize)
        == Some(crate::types::object::generic_getattr as fn(&Obj, &StrObj) -> PyResult as usize);
    if !generic {
        return Ok(None);
    }
    let Some(descr) = t.lookup(name) else { return Ok(None) };
    if !descr.class().has_flag(flags::METHOD_DESCRIPTOR) {
        return Ok(None);
    }
    if let Some(d) = crate::types::instance::get_dict(obj) {
        if let Some(dd) = d.downcast::<DictObj>() {
            if dd.get_str(name).is_some() {
                return Ok(None);
            }
        }
    }
    Ok(Some(descr))
}

/// In-place operators with a fast path for `list += iterable` and `str += str`.
pub fn inplace_fast(a: &Obj, b: &Obj, op: BinaryOp) -> PyResult {
    ops::inplace_op(a, b, op)
}

/// `container[key]` with fast paths for list, tuple and dict.
#[inline]
pub fn subscript(container: &Obj, key: &Obj) -> PyResult {
    if let Some(l) = container.downcast_exact::<ListObj>() {
        if let Some(i) = int::as_i64(key) {
            if let Some(v) =
                l.with_items(|items| crate::types::seq::norm_index(i, items.len()).map(|i| items[i].clone()))
            {
                return Ok(v);
            }
        }
    } else if let Some(t) = container.downcast_exact::<TupleObj>() {
        if let Some(i) = int::as_i64(key) {
            if let Some(i) = crate::types::seq::norm_index(i, t.len()) {
                return Ok(t.as_slice()[i].clone());
            }
        }
    } else if let Some(d) = container.downcast_exact::<DictObj>() {
        if let Some(v) = d.get_item(key)? {
            return Ok(v);
        }
        return Err(PyErr::key_error(key));
    }
    ops::getitem(container, key)
}

/// `container[key] = value` with fast paths for list and dict.
#[inline]
pub fn store_subscript(container: &Obj, key: &Obj, value: &Obj) -> PyResult<()> {
    if let Some(d) = container.downcast_exact::<DictObj>() {
        return d.set_item(key, value.to_owned());
    }
    if let Some(l) = container.downcast_exact::<ListObj>() {
        if let Some(i) = int::as_i64(key) {
            if let Some(i) = crate::types::seq::norm_index(i, l.len()) {
                l.set(i, value.to_owned());
                return Ok(());
            }
        }
    }
    ops::setitem(container, key, value)
}

/// `LIST_EXTEND` (star-unpacking into list/tuple/call arguments).
pub fn list_extend(list: &Obj, it: &Obj) -> PyResult<()> {
    let l = list.downcast::<ListObj>().expect("list");
    let items = match ops::collect_vec(it) {
        Ok(v) => v,
        Err(e)
            if e.matches(&exceptions::TYPE_ERROR)
                && it.class().iter.get().is_none()
                && it.class().getitem.get().is_none() =>
        {
            return Err(PyErr::type_error(format!("Value after * must be an iterable, not {}", it.class().name())))
        }
        Err(e) => return Err(e),
    };
    l.extend_vec(items);
    Ok(())
}

/// `DICT_UPDATE` (`{**m}`).
pub fn dict_update(dict: &Obj, m: &Obj) -> PyResult<()> {
    let d = dict.downcast::<DictObj>().expect("dict");
    if !m.isa::<DictObj>() && ops::lookup_attr(m, "keys")?.is_none() {
        return Err(PyErr::type_error(format!("'{}' object is not a mapping", m.class().name())));
    }
    crate::types::dict_type::update_from(d, m)
}

fn func_desc(func: Option<&Obj>) -> String {
    match func {
        Some(f) => crate::builtins::func_description(f),
        None => "function".into(),
    }
}

/// `DICT_MERGE` (`f(**m)`): like update but duplicate keys are an error.
pub fn dict_merge(dict: &Obj, m: &Obj, func: Option<&Obj>) -> PyResult<()> {
    let d = dict.downcast::<DictObj>().expect("dict");
    let pairs: Vec<(PyRef, PyRef)> = if let Some(md) = m.downcast::<DictObj>() {
        md.items()
    } else {
        let Some(keys) = ops::lookup_attr(m, "keys")? else {
            return Err(PyErr::type_error(format!(
                "{} argument after ** must be a mapping, not {}",
                func_desc(func),
                m.class().name()
            )));
        };
        let ks = ops::collect_vec(&*ops::call0(&keys)?)?;
        let mut v = Vec::new();
        for k in ks {
            let val = ops::getitem(m, &k)?;
            v.push((k, val));
        }
        v
    };
    for (k, v) in pairs {
        // Non-str keys are reported by the callee ("keywords must be strings").
        if d.get_item(&k)?.is_some() {
            return Err(PyErr::type_error(format!(
                "{} got multiple values for keyword argument '{}'",
                func_desc(func),
                StrObj::text(&k)
            )));
        }
        d.set_item(&k, v)?;
    }
    Ok(())
}

fn not_iterable_unpack(seq: &Obj) -> PyErr {
    PyErr::type_error(format!("cannot unpack non-iterable {} object", seq.class().name()))
}

fn iter_for_unpack(seq: &Obj) -> PyResult {
    match ops::iter(seq) {
        Ok(it) => Ok(it),
        Err(e)
            if e.matches(&exceptions::TYPE_ERROR)
                && seq.class().iter.get().is_none()
                && seq.class().getitem.get().is_none() =>
        {
            Err(not_iterable_unpack(seq))
        }
        Err(e) => Err(e),
    }
}

/// `UNPACK_SEQUENCE n`: exactly `n` items, in order.
pub fn unpack(seq: &Obj, n: usize) -> PyResult<Vec<PyRef>> {
    if let Some(t) = seq.downcast_exact::<TupleObj>() {
        if t.len() == n {
            return Ok(t.as_slice().to_vec());
        }
    } else if let Some(l) = seq.downcast_exact::<ListObj>() {
        let v = l.to_vec();
        if v.len() == n {
            return Ok(v);
        }
    }
    let it = iter_for_unpack(seq)?;
    let mut out = Vec::with_capacity(n);
    while out.len() < n {
        match ops::next(&it)? {
            Some(v) => out.push(v),
            None => {
                return Err(PyErr::value_error(format!(
                    "not enough values to unpack (expected {n}, got {})",
                    out.len()
                )))
            }
        }
    }
    if ops::next(&it)?.is_some() {
        return Err(PyErr::value_error(format!("too many values to unpack (expected {n})")));
    }
    Ok(out)
}

/// `UNPACK_EX before|after<<8`: the before items, a list, the after items.
pub fn unpack_ex(seq: &Obj, before: usize, after: usize) -> PyResult<Vec<PyRef>> {
    let it = iter_for_unpack(seq)?;
    let mut all = Vec::new();
    while let Some(v) = ops::next(&it)? {
        all.push(v);
    }
    if all.len() < before + after {
        return Err(PyErr::value_error(format!(
            "not enough values to unpack (expected at least {}, got {})",
            before + after,
            all.len()
        )));
    }
    let tail = all.split_off(all.len() - after);
    let middle = all.split_off(before);
    let mut out = all;
    out.push(crate::types::list::new_list(middle));
    out.extend(tail);
    Ok(out)
}

/// `FORMAT_VALUE`: conversion then `format(value, spec)`.
pub fn format_value(v: &Obj, conv: u32, spec: Option<&Obj>) -> PyResult {
    let converted = match conv {
        1 => ops::str(v)?,
        2 => ops::repr(v)?,
        3 => ops::ascii(v)?,
        _ => v.to_owned(),
    };
    match spec {
        None if converted.class().is(&crate::types::str::STR_TYPE) => Ok(converted),
        None => ops::format_str(&converted, ""),
        Some(s) => ops::format(&converted, s),
    }
}

/// `GET_YIELD_FROM_ITER`.
pub fn get_yield_from_iter(v: &Obj, code: &CodeObj) -> PyResult {
    if let Some(g) = v.downcast::<crate::types::generator::GenObj>() {
        if g.is_coroutine() && code.flags & (code_flags::COROUTINE | code_flags::ITERABLE_COROUTINE) == 0 {
            return Err(PyErr::type_error("cannot 'yield from' a coroutine object in a non-coroutine generator"));
        }
        return Ok(v.to_owned());
    }
    ops::iter(v)
}

/// `MAKE_FUNCTION`.
pub fn make_function(f: &FramePtr, flags_arg: u32) -> PyResult {
    let code = f.pop();
    let closure = if flags_arg & 8 != 0 { Some(f.pop()) } else { None };
    let annotations = if flags_arg & 4 != 0 { Some(f.pop()) } else { None };
    let kwdefaults = if flags_arg & 2 != 0 { Some(f.pop()) } else { None };
    let defaults = if flags_arg & 1 != 0 { Some(f.pop()) } else { None };
    let globals = f.globals().to_owned();
    Ok(crate::types::function::new_function_with(code, globals, defaults, kwdefaults, closure, annotations))
}

pub enum SendResult {
    Yielded(PyRef),
    Returned(PyRef),
}

/// `SEND`: one step of `yield from` / `await`.
pub fn send(receiver: &Obj, v: &Obj) -> PyResult<SendResult> {
    if let Some(g) = receiver.downcast::<crate::types::generator::GenObj>() {
        return match crate::types::generator::gen_send_ex(g, receiver, Some(v.to_owned()), None)? {
            crate::eval::interp::Exit::Yield(y) => Ok(SendResult::Yielded(y)),
            crate::eval::interp::Exit::Return(r) => Ok(SendResult::Returned(r)),
        };
    }
    let r = if let (true, Some(next)) = (v.is_none(), receiver.class().iternext.get()) {
        // The slot itself: a StopIteration it raises carries the return value.
        match next(receiver) {
            Ok(Some(y)) => return Ok(SendResult::Yielded(y)),
            Ok(None) => return Ok(SendResult::Returned(none())),
            Err(e) => Err(e),
        }
    } else {
        ops::call_method(receiver, "send", &[v])
    };
    match r {
        Ok(y) => Ok(SendResult::Yielded(y)),
        Err(e) if e.matches(&exceptions::STOP_ITERATION) => {
            let value = e
                .exc()
                .downcast::<ExceptionObj>()
                .and_then(|x| x.get_extra(exceptions::EXTRA_VALUE))
                .unwrap_or_else(none);
            Ok(SendResult::Returned(value))
        }
        Err(e) => Err(e),
    }
}

/// `GET_AITER`.
pub fn get_aiter(v: &Obj) -> PyResult {
    let Some(r) = ops::call_special(v, "__aiter__", &[])? else {
        return Err(PyErr::type_error(format!(
            "'async for' requires an object with __aiter__ method, got {}",
            v.class().name()
        )));
    };
    if ops::lookup_special(&r, "__anext__")?.is_none() {
        return Err(PyErr::type_error(format!(
            "'async for' received an object from __aiter__ that does not implement __anext__: {}",
            r.class().name()
        )));
    }
    Ok(r)
}

/// `GET_ANEXT`.
pub fn get_anext(aiter: &Obj) -> PyResult {
    let Some(r) = ops::call_special(aiter, "__anext__", &[])? else {
        return Err(PyErr::type_error(format!(
            "'async for' requires an iterator with __anext__ method, got {}",
            aiter.class().name()
        )));
    };
    crate::types::generator::get_awaitable(&r, 0).map_err(|e| {
        if e.matches(&exceptions::TYPE_ERROR) {
            PyErr::type_error(format!("'async for' received an invalid object from __anext__: {}", r.class().name()))
        } else {
            e
        }
    })
}

/// `BEFORE_ASYNC_WITH`.
pub fn before_async_with(mgr: &Obj) -> PyResult<(PyRef, PyRef)> {
    let err = || {
        PyErr::type_error(format!(
            "'{}' object does not support the asynchronous context manager protocol",
            mgr.class().name()
        ))
    };
    let enter = ops::lookup_special(mgr, "__aenter__")?.ok_or_else(err)?;
    let exit = ops::lookup_special(mgr, "__aexit__")?.ok_or_else(|| {
        PyErr::type_error(format!(
            "'{}' object does not support the asynchronous context manager protocol (missed __aexit__ method)",
            mgr.class().name()
        ))
    })?;
    let r = ops::call0(&enter)?;
    let awaitable = crate::types::generator::get_awaitable(&r, 1)?;
    Ok((exit, awaitable))
}

/// `BEFORE_WITH`.
pub fn before_with(mgr: &Obj) -> PyResult<(PyRef, PyRef)> {
    let enter = ops::lookup_special(mgr, "__enter__")?.ok_or_else(|| {
        PyErr::type_error(format!("'{}' object does not support the context manager protocol", mgr.class().name()))
    })?;
    let exit = ops::lookup_special(mgr, "__exit__")?.ok_or_else(|| {
        PyErr::type_error(format!(
            "'{}' object does not support the context manager protocol (missed __exit__ method)",
            mgr.class().name()
        ))
    })?;
    let r = ops::call0(&enter)?;
    Ok((exit, r))
}

/// `WITH_EXCEPT_START`: `exit(type, value, traceback)`.
pub fn with_except_start(exit: &Obj, exc: &Obj) -> PyResult {
    let tb = exc.downcast::<ExceptionObj>().and_then(|e| e.traceback()).unwrap_or_else(none);
    ops::call(exit, &[exc.class().as_obj_ref(), exc, &tb], None)
}

/// Builds the exception for `raise exc [from cause]`.
pub fn make_raise(exc: &Obj, cause: Option<&Obj>) -> PyResult<PyErr> {
    let instance = if let Some(t) = exc.downcast::<TypeObj>() {
        if !t.has_flag(flags::BASE_EXC_SUBCLASS) {
            return Err(PyErr::type_error("exceptions must derive from BaseException"));
        }
        let v = ops::call0(exc)?;
        if !v.isa::<ExceptionObj>() {
            return Err(PyErr::type_error(format!(
                "calling {} should have returned an instance of BaseException, not {}",
                ops::repr_string(exc)?,
                v.class().name()
            )));
        }
        v
    } else if exc.isa::<ExceptionObj>() {
        exc.to_owned()
    } else {
        return Err(PyErr::type_error("exceptions must derive from BaseException"));
    };
    if let Some(c) = cause {
        let e = instance.downcast::<ExceptionObj>().expect("exception");
        if c.is_none() {
            e.set_cause(None);
        } else if let Some(ct) = c.downcast::<TypeObj>() {
            if !ct.has_flag(flags::BASE_EXC_SUBCLASS) {
                return Err(PyErr::type_error("exception causes must derive from BaseException"));
            }
            let ci = ops::call0(c)?;
            e.set_cause(Some(ci));
        } else if c.isa::<ExceptionObj>() {
            e.set_cause(Some(c.to_owned()));
        } else {
            return Err(PyErr::type_error("exception causes must derive from BaseException"));
        }
    }
    set_context(&instance);
    Ok(PyErr::from_exc(instance))
}

/// Chains the handled exception as `__context__` of a newly raised one
/// (avoiding cycles), as CPython does at raise time.
pub fn set_context(exc: &Obj) {
    let Some(handled) = crate::runtime::ts().handled_exception() else { return };
    if handled.is(exc) {
        return;
    }
    // Break a cycle if `exc` already appears in the handled exception's chain.
    // The chain may itself already loop (`e.__context__ = e`): a second
    // cursor moving at half speed meets the first one then, and the walk ends.
    let mut o = handled.clone();
    let mut slow = handled.clone();
    let mut move_slow = false;
    while let Some(e) = o.downcast::<ExceptionObj>() {
        let Some(ctx) = e.context() else { break };
        if ctx.is(exc) {
            e.set_context(None);
            break;
        }
        o = ctx;
        if o.is(&slow) {
            break;
        }
        if move_slow {
            let next = slow.downcast::<ExceptionObj>().and_then(|s| s.context());
            match next {
                Some(n) => slow = n,
                None => break,
            }
        }
        move_slow = !move_slow;
    }
    if let Some(e) = exc.downcast::<ExceptionObj>() {
        e.set_context(Some(handled));
    }
}

/// `CHECK_EXC_MATCH`.
pub fn check_exc_match(exc: &Obj, ty: &Obj) -> PyResult<bool> {
    let valid = |t: &Obj| exceptions::is_exception_class(t);
    if let Some(tup) = ty.downcast::<TupleObj>() {
        if !tup.as_slice().iter().all(|t| valid(t)) {
            return Err(PyErr::type_error("catching classes that do not inherit from BaseException is not allowed"));
        }
    } else if !valid(ty) {
        return Err(PyErr::type_error("catching classes that do not inherit from BaseException is not allowed"));
    }
    ops::isinstance(exc, ty)
}

/// `LOAD_BUILD_CLASS`.
pub fn load_build_class(f: &FramePtr) -> PyResult {
    let b = f.builtins();
    let key = crate::types::str::intern("__build_class__");
    let v = if let Some(d) = b.downcast::<DictObj>() { d.get_item(&key)? } else { Some(ops::getitem(b, &key)?) };
    v.ok_or_else(|| PyErr::new(&exceptions::NAME_ERROR, "__build_class__ not found"))
}

/// `SETUP_ANNOTATIONS`.
pub fn setup_annotations(f: &FramePtr) -> PyResult<()> {
    let Some(locals) = f.locals() else {
        return Err(PyErr::system_error("no locals found when setting up annotations"));
    };
    let key = crate::types::str::intern("__annotations__");
    if let Some(d) = locals.downcast_exact::<DictObj>() {
        if d.get_item(&key)?.is_none() {
            d.set_item(&key, crate::types::dict::new_dict())?;
        }
        return Ok(());
    }
    match ops::getitem(locals, &key) {
        Ok(_) => Ok(()),
        Err(e) if e.matches(&exceptions::KEY_ERROR) => ops::setitem(locals, &key, &crate::types::dict::new_dict()),
        Err(e) => Err(e),
    }
}

/// `PRINT_EXPR`: `sys.displayhook(value)`.
pub fn print_expr(v: &Obj) -> PyResult<()> {
    let hook =
        crate::modules::sys::sys_attr("displayhook").ok_or_else(|| PyErr::runtime_error("lost sys.displayhook"))?;
    ops::call1(&hook, v)?;
    Ok(())
}

/// `CALL_FUNCTION_EX`.
pub fn call_function_ex(callable: &Obj, args: &Obj, kwargs: Option<&Obj>) -> PyResult {
    let args_t = if args.class().is(&crate::types::tuple::TUPLE_TYPE) {
        args.to_owned()
    } else {
        let items = ops::collect_vec(args).map_err(|e| {
            if e.matches(&exceptions::TYPE_ERROR)
                && args.class().iter.get().is_none()
                && args.class().getitem.get().is_none()
            {
                PyErr::type_error(format!(
                    "{} argument after * must be an iterable, not {}",
                    crate::builtins::func_description(callable),
                    args.class().name()
                ))
            } else {
                e
            }
        })?;
        new_tuple(items)
    };
    let t = args_t.downcast::<TupleObj>().expect("tuple");
    let refs: Vec<&Obj> = t.as_slice().iter().map(|r| &**r).collect();
    let kw = match kwargs {
        None => None,
        Some(k) if k.isa::<DictObj>() => Some(k.to_owned()),
        Some(k) => {
            let d = crate::types::dict::new_dict();
            dict_merge(&d, k, Some(callable))?;
            Some(d)
        }
    };
    ops::call_with_kwargs(callable, &refs, kw.as_ref().and_then(|k| k.downcast::<DictObj>()))
}

/// Records that `err` passed through `f` at its current instruction:
/// prepends a traceback entry, and chains `__context__` for fresh errors.
pub fn add_traceback(err: PyErr, f: FramePtr) -> PyErr {
    let exc = err.exc();
    let Some(e) = exc.downcast::<ExceptionObj>() else { return err };
    if e.traceback().is_none() && e.context().is_none() {
        set_context(exc);
    }
    let lasti = f.lasti().max(0);
    let line = f.lineno().unwrap_or(0);
    let frame_obj = crate::types::frame_obj::frame_object(f);
    let tb = crate::types::traceback::new_traceback(e.traceback(), frame_obj, lasti, line as i32);
    e.set_traceback(Some(tb));
    err
}

//! Operations for compiled code: each does exactly what the eval loop does for
//! the bytecode instruction it stands for (same fast paths, same errors), so a
//! function behaves the same compiled or interpreted. The JIT's runtime
//! helpers are thin `extern "C"` wrappers around these safe functions.

use ember_compiler::bytecode::{BinaryOp, CompareOp};

use crate::eval::frame::FramePtr;
use crate::eval::helpers as h;
use crate::eval::interp::{fast_compare, float_binop, small_int_binop, truthy};
use crate::object::{Obj, PyRef};
use crate::ops;
use crate::runtime::{PyErr, PyResult};
use crate::types::cell::CellObj;
use crate::types::dict::DictObj;
use crate::types::float::{new_float, FloatObj};
use crate::types::function::FunctionObj;
use crate::types::int::{self, IntObj};
use crate::types::list::ListObj;
use crate::types::str::StrObj;
use crate::types::tuple::TupleObj;
use crate::types::{new_bool, none};

/// `LOAD_GLOBAL` of name `idx` (through the code object's cache).
pub fn load_global(f: FramePtr, idx: usize) -> PyResult {
    h::load_global(&f, f.code(), idx)
}

/// `STORE_GLOBAL`.
pub fn store_global(f: FramePtr, idx: usize, v: &Obj) -> PyResult<()> {
    let n = f.code().names.get(idx).ok_or_else(|| PyErr::system_error("compiled code: bad name index"))?;
    let g = f.globals().downcast::<DictObj>().ok_or_else(|| PyErr::system_error("globals is not a dict"))?;
    g.set_item(n, v.to_owned())
}

/// `CALL`: `callable(args...)`, the last `len(kwnames)` arguments being
/// keywords.
#[inline]
pub fn call(callable: &Obj, args: &[&Obj], kwnames: Option<&Obj>) -> PyResult {
    // Compiled code calling a compiled function: the common case first.
    if kwnames.is_none() {
        if let Some(r) = crate::eval::interp::call_compiled(callable, args) {
            return r;
        }
    }
    let kw = match kwnames {
        None => None,
        Some(k) => Some(k.downcast::<TupleObj>().ok_or_else(|| PyErr::system_error("kwnames is not a tuple"))?),
    };
    call_one(callable, args, kw)
}

/// Calls the exact Python function `func` with positional `args`: straight
/// into its compiled code when it has the plain shape.
#[inline]
pub fn call_function(func: &Obj, args: &[&Obj]) -> PyResult {
    if let Some(r) = crate::eval::interp::call_compiled(func, args) {
        return r;
    }
    call_one(func, args, None)
}

/// Calls `callable`; Python functions directly (no trip through the type's
/// call slot), so compiled callers reach compiled callees quickly.
fn call_one(callable: &Obj, args: &[&Obj], kw: Option<&TupleObj>) -> PyResult {
    if callable.class().is(&crate::types::function::FUNCTION_TYPE) {
        if kw.is_none() {
            if let Some(fp) = crate::eval::frame::push_args_frame(callable, args)? {
                return match crate::eval::interp::run(fp, None)? {
                    crate::eval::interp::Exit::Return(v) => Ok(v),
                    crate::eval::interp::Exit::Yield(_) => Err(PyErr::system_error("plain function yielded")),
                };
            }
        }
        let nkw = kw.map_or(0, |k| k.len());
        if nkw > args.len() {
            return Err(PyErr::system_error("more keyword names than arguments"));
        }
        let a = crate::types::typeobj::Args { all: args, nargs: args.len() - nkw, kwnames: kw };
        return crate::eval::call_function(callable, a);
    }
    // `cls(...)` with a compiled `__init__`: the instance, then the call
    // straight into the machine code.
    if kw.is_none() {
        if let Some(r) = crate::eval::call::call_compiled_init(callable, args) {
            return r;
        }
    }
    // `cls(...)` with a Python `__init__`: the same shortcut the eval loop
    // takes, so the instance is built without looking `__init__` up by name.
    if let Some(r) = crate::eval::call::prepare_init_call(callable, args, kw) {
        let (obj, prepared) = r?;
        let ret = match prepared {
            crate::eval::call::Prepared::Done(v) => v,
            crate::eval::call::Prepared::Frame(fp) => match crate::eval::interp::run(fp, None)? {
                crate::eval::interp::Exit::Return(v) => v,
                crate::eval::interp::Exit::Yield(_) => return Err(PyErr::system_error("__init__ yielded")),
            },
        };
        if !ret.is_none() {
            return Err(crate::eval::call::init_returned(&ret));
        }
        return Ok(obj);
    }
    ops::call(callable, args, kw)
}

/// `CALL_FUNCTION_EX`.
pub fn call_ex(callable: &Obj, args: &Obj, kwargs: Option<&Obj>) -> PyResult {
    h::call_function_ex(callable, args, kwargs)
}

/// `LIST_EXTEND` (0), `SET_UPDATE` (1), `DICT_UPDATE` (2), `DICT_MERGE` (3,
/// naming `func` in its errors).
pub fn container_update(target: &Obj, other: &Obj, func: Option<&Obj>, kind: u32) -> PyResult<()> {
    match kind {
        0 => h::list_extend(target, other),
        1 => crate::types::set::set_update(target, other),
        2 => h::dict_update(target, other),
        3 => h::dict_merge(target, other, func),
        _ => Err(PyErr::system_error("bad container update")),
    }
}

/// `LIST_TO_TUPLE`.
pub fn list_to_tuple(l: &Obj) -> PyRef {
    match l.downcast::<ListObj>() {
        Some(l) => crate::types::tuple::new_tuple(l.to_vec()),
        None => crate::types::tuple::empty_tuple(),
    }
}

/// `BUILD_CONST_KEY_MAP`: `items` are the values then the keys tuple.
pub fn make_const_key_dict(items: &[&Obj]) -> PyResult {
    let Some((keys, values)) = items.split_last() else { return Err(PyErr::system_error("no keys")) };
    let ks = keys.downcast::<TupleObj>().ok_or_else(|| PyErr::system_error("const keys are not a tuple"))?;
    let d = crate::types::dict::new_dict();
    {
        let dd = d.downcast::<DictObj>().expect("new dict");
        for (k, v) in ks.as_slice().iter().zip(values) {
            dd.set_item(k, (*v).to_owned())?;
        }
    }
    Ok(d)
}

/// `DELETE_SUBSCR`.
pub fn delete_subscript(container: &Obj, key: &Obj) -> PyResult<()> {
    ops::delitem(container, key)
}

/// `LOAD_ASSERTION_ERROR` (0) or `LOAD_BUILD_CLASS` (1).
pub fn load_builtin(f: FramePtr, kind: u32) -> PyResult {
    if kind == 0 {
        Ok(crate::types::exceptions::ASSERTION_ERROR.as_obj_ref().to_owned())
    } else {
        h::load_build_class(&f)
    }
}

/// `UNPACK_EX arg`, as a tuple of the items in order.
pub fn unpack_ex(seq: &Obj, arg: u32) -> PyResult {
    let items = h::unpack_ex(seq, (arg & 0xff) as usize, (arg >> 8) as usize)?;
    Ok(crate::types::tuple::new_tuple(items))
}

/// `BINARY_OP`.
pub fn binary_op(a: &Obj, b: &Obj, op: u32) -> PyResult {
    let Some(bop) = BinaryOp::from_u32(op) else { return Err(PyErr::system_error("bad BINARY_OP argument")) };
    if let Some(r) = small_int_binop(a, b, bop) {
        return Ok(r);
    }
    if let Some(r) = float_binop(a, b, bop) {
        return Ok(r);
    }
    if bop.is_inplace() {
        h::inplace_fast(a, b, bop)
    } else {
        ops::binary_op(a, b, bop)
    }
}

/// `COMPARE_OP`.
pub fn compare(a: &Obj, b: &Obj, op: u32) -> PyResult {
    let Some(cop) = CompareOp::from_u32(op) else { return Err(PyErr::system_error("bad COMPARE_OP argument")) };
    match fast_compare(a, b, cop) {
        Some(x) => Ok(new_bool(x)),
        None => ops::richcompare(a, b, cop),
    }
}

/// `UNARY_NEGATIVE` (0), `UNARY_POSITIVE` (1), `UNARY_INVERT` (2).
pub fn unary(v: &Obj, kind: u32) -> PyResult {
    match kind {
        0 => ops::negative(v),
        1 => ops::positive(v),
        2 => ops::invert(v),
        _ => Err(PyErr::system_error("bad unary operator")),
    }
}

/// The truth test of the conditional jumps.
pub fn is_true(v: &Obj) -> PyResult<bool> {
    truthy(v)
}

/// `item in container`.
pub fn contains(item: &Obj, container: &Obj) -> PyResult<bool> {
    ops::contains(container, item)
}

/// `BINARY_SUBSCR`.
pub fn subscript(container: &Obj, key: &Obj) -> PyResult {
    h::subscript(container, key)
}

/// `STORE_SUBSCR`.
pub fn store_subscript(container: &Obj, key: &Obj, value: &Obj) -> PyResult<()> {
    h::store_subscript(container, key, value)
}

/// `GET_ITER`.
pub fn get_iter(v: &Obj) -> PyResult {
    ops::iter(v)
}

/// `FOR_ITER`: the next item, or None when exhausted.
pub fn for_iter(it: &Obj) -> PyResult<Option<PyRef>> {
    if let Some(r) = crate::types::iterators::list_or_tuple_iter_next(it) {
        return Ok(r);
    }
    if let Some(r) = it.downcast_exact::<crate::types::range::RangeIterObj>() {
        return Ok(r.next_i64().map(int::new_int));
    }
    if let Some(r) = crate::types::generator::next_if_generator(it) {
        return r;
    }
    ops::next(it)
}

/// `UNPACK_SEQUENCE n`, as a tuple of the items in order.
pub fn unpack(seq: &Obj, n: usize) -> PyResult {
    // A tuple of the right length is its own unpacking.
    if seq.downcast_exact::<TupleObj>().is_some_and(|t| t.len() == n) {
        return Ok(seq.to_owned());
    }
    Ok(crate::types::tuple::new_tuple(h::unpack(seq, n)?))
}

/// `MAKE_FUNCTION` from `[defaults?, kwdefaults?, annotations?, closure?, code]`.
pub fn make_function(f: FramePtr, flags: u32, operands: &[&Obj]) -> PyResult {
    let expected = 1 + (flags & 0xf).count_ones() as usize;
    if operands.len() != expected {
        return Err(PyErr::system_error("compiled MAKE_FUNCTION: operand count"));
    }
    let mut it = operands.iter().map(|o| (*o).to_owned());
    let mut take = |bit: u32| if flags & bit != 0 { it.next() } else { None };
    let defaults = take(1);
    let kwdefaults = take(2);
    let annotations = take(4);
    let closure = take(8);
    let code = it.next().ok_or_else(|| PyErr::system_error("compiled MAKE_FUNCTION: no code"))?;
    let globals = f.globals().to_owned();
    Ok(crate::types::function::new_function_with(code, globals, defaults, kwdefaults, closure, annotations))
}

/// `BUILD_LIST` (takes the items).
pub fn make_list(items: Vec<PyRef>) -> PyRef {
    crate::types::list::new_list(items)
}

/// `BUILD_TUPLE` (takes the items).
pub fn make_tuple(items: Vec<PyRef>) -> PyRef {
    if items.is_empty() {
        crate::types::tuple::empty_tuple()
    } else {
        crate::types::tuple::new_tuple(items)
    }
}

/// `BUILD_MAP` from alternating keys and values.
pub fn make_dict(items: &[&Obj]) -> PyResult {
    let d = crate::types::dict::new_dict();
    {
        let dd = d.downcast::<DictObj>().expect("new dict");
        for pair in items.chunks(2) {
            if let [k, v] = pair {
                dd.set_item(k, (*v).to_owned())?;
            }
        }
    }
    Ok(d)
}

/// `BUILD_SET`.
pub fn make_set(items: &[&Obj]) -> PyResult {
    crate::types::set::set_from_vec(items.iter().map(|o| (*o).to_owned()).collect())
}

/// `BUILD_SLICE`.
pub fn make_slice(start: &Obj, stop: &Obj, step: &Obj) -> PyRef {
    crate::types::slice::new_slice(start.to_owned(), stop.to_owned(), step.to_owned())
}

/// `MAP_ADD` into a comprehension's dict.
pub fn dict_set_item(d: &Obj, k: &Obj, v: &Obj) -> PyResult<()> {
    let d = d.downcast::<DictObj>().ok_or_else(|| PyErr::system_error("MAP_ADD target is not a dict"))?;
    d.set_item(k, v.to_owned())
}

/// `SET_ADD`.
pub fn set_add(s: &Obj, v: &Obj) -> PyResult<()> {
    crate::types::set::set_add(s, v)
}

/// `LIST_APPEND`.
pub fn list_append(l: &Obj, v: &Obj) -> PyResult<()> {
    let l = l.downcast::<ListObj>().ok_or_else(|| PyErr::system_error("LIST_APPEND target is not a list"))?;
    l.push(v.to_owned());
    Ok(())
}

/// `BUILD_STRING`.
pub fn build_string(parts: &[&Obj]) -> PyRef {
    let mut s = String::new();
    for p in parts {
        s.push_str(StrObj::text(p));
    }
    crate::types::str::from_string(s)
}

/// `FORMAT_VALUE`.
pub fn format_value(v: &Obj, conv: u32, spec: Option<&Obj>) -> PyResult {
    h::format_value(v, conv, spec)
}

/// Handles pending signals at a loop's back edge.
pub fn check_signals() -> PyResult<()> {
    crate::eval::check_signals()
}

/// `MAKE_CELL`.
pub fn make_cell(v: Option<&Obj>) -> PyRef {
    crate::types::cell::new_cell(v.map(|o| o.to_owned()))
}

/// Cell `i` of the running function's closure (borrowed from the function).
pub fn closure_cell(f: &FramePtr, i: usize) -> PyResult<&Obj> {
    let func = f.func().and_then(|func| func.downcast::<FunctionObj>());
    let closure = func.and_then(|func| func.closure.as_ref());
    let cells = closure.and_then(|c| c.downcast::<TupleObj>());
    match cells.and_then(|c| c.as_slice().get(i)) {
        Some(c) => Ok(c),
        None => Err(PyErr::system_error("code with free variables run without a closure")),
    }
}

/// The value in a cell (None if empty).
pub fn cell_get(cell: &Obj) -> Option<PyRef> {
    cell.downcast::<CellObj>().and_then(|c| c.get())
}

/// Stores into a cell.
pub fn cell_set(cell: &Obj, v: &Obj) {
    if let Some(c) = cell.downcast::<CellObj>() {
        c.set(Some(v.to_owned()));
    }
}

/// An int object for a machine integer.
pub fn box_long(v: i64) -> PyRef {
    int::new_int(v)
}

/// A float object.
pub fn box_float(v: f64) -> PyRef {
    new_float(v)
}

/// True or False.
pub fn box_bool(v: bool) -> PyRef {
    new_bool(v)
}

/// The machine value of an exact int that fits one (None otherwise).
pub fn unbox_long(v: &Obj) -> Option<i64> {
    v.downcast_exact::<IntObj>()?.as_i64()
}

/// The value of an exact float.
pub fn unbox_float(v: &Obj) -> Option<f64> {
    Some(v.downcast_exact::<FloatObj>()?.value())
}

/// The length of an exact list or tuple (None for other objects).
pub fn sequence_len(v: &Obj) -> Option<usize> {
    if let Some(l) = v.downcast_exact::<ListObj>() {
        return Some(l.len());
    }
    Some(v.downcast_exact::<TupleObj>()?.len())
}

/// Item `i` of a tuple, borrowed.
pub fn tuple_item(t: &Obj, i: usize) -> Option<&Obj> {
    t.downcast::<TupleObj>()?.as_slice().get(i).map(|r| &**r)
}

/// None.
pub fn none_object() -> PyRef {
    none()
}

/// The `lasti` that makes the interpreter resume at the instruction at word
/// `at`: the word before it, or before its `EXTENDED_ARG` prefixes.
pub fn resume_lasti(f: FramePtr, at: u32) -> i32 {
    let mut at = at as usize;
    let words = &f.code().code;
    while at > 0 && words.get(at - 1).is_some_and(|w| *w as u8 == ember_compiler::bytecode::Opcode::EXTENDED_ARG as u8)
    {
        at -= 1;
    }
    at as i32 - 1
}

/// `GET_AWAITABLE` with bytecode argument `arg`.
pub fn get_awaitable(v: &Obj, arg: u32) -> PyResult {
    crate::types::generator::get_awaitable(v, arg)
}

/// `GET_YIELD_FROM_ITER` in frame `f`'s code.
pub fn get_yield_from_iter(f: FramePtr, v: &Obj) -> PyResult {
    h::get_yield_from_iter(v, f.code())
}

pub use h::SendResult;

/// `SEND`: sends `v` into `receiver`.
pub fn send(receiver: &Obj, v: &Obj) -> PyResult<SendResult> {
    h::send(receiver, v)
}

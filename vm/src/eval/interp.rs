//! The eval loop. Python-to-Python calls push a frame and continue in the same
//! loop (no native recursion); returning pops it. An invocation ends when its
//! entry frame returns, yields, or lets an exception escape.

use ember_compiler::bytecode::{BinaryOp, CompareOp, Opcode};
use ember_compiler::code::local_kind;

use crate::eval::call::{init_returned, prepare_call, prepare_init_call, Prepared};
use crate::eval::frame::{push_call_frame, FrameOwner, FramePtr};
use crate::eval::helpers as h;
use crate::eval::jit_hook::{self, JitExit};
use crate::object::{AsObj, Obj, PyRef};
use crate::ops;
use crate::runtime::{ts, PyErr, PyResult};
use crate::types::cell::CellObj;
use crate::types::code::CodeObj;
use crate::types::dict::DictObj;
use crate::types::exceptions;
use crate::types::float::{new_float, FloatObj, FLOAT_TYPE};
use crate::types::function::{FunctionObj, MethodObj, FUNCTION_TYPE, METHOD_TYPE};
use crate::types::int::{self, IntObj, INT_TYPE};
use crate::types::list::{new_list, ListObj, LIST_TYPE};
use crate::types::str::StrObj;
use crate::types::tuple::{new_tuple, TupleObj, TUPLE_TYPE};
use crate::types::{new_bool, none};

/// How an eval loop invocation ended.
pub enum Exit {
    Return(PyRef),
    Yield(PyRef),
}

/// Links `entry` below the current frame and runs until it returns, yields or
/// raises. `throw` starts by raising that exception at the frame's current
/// instruction (generator `throw()`).
pub fn run(entry: FramePtr, throw: Option<PyErr>) -> PyResult<Exit> {
    crate::eval::check_native_stack()?;
    let t = ts();
    // Saved here: a thread frame is freed by the time run_loop returns.
    let caller = t.frame.get();
    entry.set_previous(FramePtr::from_raw(caller));
    entry.set_entry(true);
    t.frame.set(entry.as_raw());
    // A fresh frame of compiled code runs it directly; the eval loop only
    // takes over if it hands the frame back.
    // So does a compiled generator being resumed (not one thrown into).
    let mut throw = throw;
    let resumable = entry.lasti() < 0 || entry.owner() == FrameOwner::Generator;
    if throw.is_none() && resumable && entry.code().jit.entry().is_some() {
        match jit_hook::try_enter(entry, entry.code()) {
            None | Some(JitExit::Resume) => {}
            Some(JitExit::Return(v)) => {
                retire(entry);
                t.frame.set(caller);
                return Ok(Exit::Return(v));
            }
            Some(JitExit::Yield(v)) => {
                t.frame.set(caller);
                return Ok(Exit::Yield(v));
            }
            Some(JitExit::Raise(e)) => throw = Some(e),
        }
    }
    let r = run_loop(entry, throw);
    t.frame.set(caller);
    r
}

/// The compiled entry of `c` when a call with `nargs` positional arguments
/// binds exactly its parameters: no `*args`/`**kwargs`, keyword-only
/// parameters or closure, not a generator or coroutine.
#[inline]
pub fn plain_compiled_entry(c: &CodeObj, nargs: usize) -> Option<jit_hook::JitEntry> {
    use ember_compiler::code::code_flags as cf;
    const SPECIAL: u32 =
        cf::GENERATOR | cf::COROUTINE | cf::ASYNC_GENERATOR | cf::ITERABLE_COROUTINE | cf::VARARGS | cf::VARKEYWORDS;
    if c.flags & SPECIAL != 0 || c.arg_count as usize != nargs || c.kwonly_arg_count != 0 || c.nfree != 0 {
        return None;
    }
    c.jit.entry()
}

/// Compiled code calling a plain Python function that is compiled too, with
/// exactly its positional parameters and no closure: the frame is pushed and
/// the machine code entered without the general steps of [`run`] (whose
/// checks this shape makes moot). None: not that shape, nothing done.
#[inline]
pub fn call_compiled(func_obj: &Obj, args: &[&Obj]) -> Option<PyResult> {
    call_compiled_with(func_obj, None, args)
}

/// [`call_compiled`] with the arguments `first` (when given) and then `args`
/// (a method's receiver before the call's arguments, without an array).
pub fn call_compiled_with(func_obj: &Obj, first: Option<&Obj>, args: &[&Obj]) -> Option<PyResult> {
    let func = func_obj.downcast_exact::<FunctionObj>()?;
    let nargs = args.len() + usize::from(first.is_some());
    let (entry, nlocalsplus, stack_size) = func.code.with(|code| {
        let c = code.downcast::<CodeObj>()?;
        Some((plain_compiled_entry(c, nargs)?, c.nlocalsplus(), c.stack_size))
    })?;
    let code_ref = func.code.get_clone();
    let t = ts();
    if let Err(e) = crate::eval::frame::enter_native_call() {
        return Some(Err(e));
    }
    let caller = t.frame.get();
    let f = crate::eval::frame::push_entered_frame(
        func_obj,
        func,
        code_ref,
        (nlocalsplus, stack_size),
        first,
        args,
        caller,
    );
    t.frame.set(f.as_raw());
    // SAFETY: `entry` is the installed compiled code of the frame's code and
    // follows the `JitEntry` contract; `f` is a fresh, bound frame on the
    // frame stack that stays there for the whole call.
    let r = unsafe { entry(f.as_raw()) };
    if r as usize > jit_hook::DEOPT_RESUME {
        // A result (plain code never yields): the frame goes now, with the
        // caller current while its locals are dropped.
        t.frame.set(caller);
        f.release_returned();
        // SAFETY: per the contract, the result is an owned reference.
        return Some(Ok(unsafe { PyRef::from_raw(r) }));
    }
    let throw = if r.is_null() { Some(PyErr::fetch()) } else { None };
    let result = run_loop(f, throw);
    t.frame.set(caller);
    Some(match result {
        Ok(Exit::Return(v)) => Ok(v),
        Ok(Exit::Yield(_)) => Err(PyErr::system_error("plain function yielded")),
        Err(e) => Err(e),
    })
}

/// Ends an entry frame: thread frames are popped, generator frames kept.
fn retire(f: FramePtr) {
    if f.owner() == FrameOwner::Thread {
        // The caller is the current frame while the locals are dropped, so
        // finalizers that run then see it (as in CPython).
        let prev = f.previous();
        ts().frame.set(prev.map_or(std::ptr::null_mut(), |p| p.as_raw()));
        f.release();
    }
}

#[cold]
fn unbound_local(code: &CodeObj, i: usize) -> PyErr {
    let name = StrObj::text(&code.localsplus_names[i]);
    let e = PyErr::new(
        &exceptions::UNBOUND_LOCAL_ERROR,
        format!("cannot access local variable '{name}' where it is not associated with a value"),
    );
    exceptions::set_name_attr(e.exc(), name);
    e
}

#[cold]
fn unbound_deref(code: &CodeObj, i: usize) -> PyErr {
    let name = StrObj::text(&code.localsplus_names[i]);
    if code.localsplus_kinds[i] & local_kind::FREE != 0 {
        let e = PyErr::new(
            &exceptions::NAME_ERROR,
            format!("cannot access free variable '{name}' where it is not associated with a value in enclosing scope"),
        );
        exceptions::set_name_attr(e.exc(), name);
        e
    } else {
        unbound_local(code, i)
    }
}

/// `COPY_FREE_VARS n`: the function's closure cells into the last `n`
/// localsplus slots. False if the function has no closure.
pub(crate) fn copy_free_vars(f: FramePtr, n: usize) -> bool {
    let closure = f.func().and_then(|func| func.downcast::<FunctionObj>()).and_then(|func| func.closure.clone());
    let Some(cells) = closure.as_ref().and_then(|c| c.downcast::<TupleObj>()) else { return false };
    let base = f.nlocalsplus() - n;
    for (j, c) in cells.as_slice().iter().take(n).enumerate() {
        drop(f.replace_local(base + j, Some(c.clone())));
    }
    true
}

fn cell_at(f: &FramePtr, i: usize) -> PyResult<PyRef> {
    match f.local_clone(i) {
        Some(c) if c.isa::<CellObj>() => Ok(c),
        _ => Err(PyErr::system_error("cell variable slot does not hold a cell")),
    }
}

#[inline(always)]
pub(crate) fn small_int_binop(a: &Obj, b: &Obj, op: BinaryOp) -> Option<PyRef> {
    let (x, y) = (a.downcast_exact::<IntObj>()?.as_i64()?, b.downcast_exact::<IntObj>()?.as_i64()?);
    let r = match op.base() {
        BinaryOp::Add => x.checked_add(y)?,
        BinaryOp::Subtract => x.checked_sub(y)?,
        BinaryOp::Multiply => x.checked_mul(y)?,
        BinaryOp::And => x & y,
        BinaryOp::Or => x | y,
        BinaryOp::Xor => x ^ y,
        BinaryOp::FloorDivide if y > 0 => x.div_euclid(y),
        BinaryOp::Remainder if y > 0 => x.rem_euclid(y),
        BinaryOp::RShift if (0..64).contains(&y) => x >> y,
        BinaryOp::LShift if (0..63).contains(&y) && (x.unsigned_abs() >> (62 - y)) == 0 => x << y,
        _ => return None,
    };
    Some(int::new_int(r))
}

#[inline(always)]
pub(crate) fn float_binop(a: &Obj, b: &Obj, op: BinaryOp) -> Option<PyRef> {
    let x = match a.downcast_exact::<FloatObj>() {
        Some(f) => f.value(),
        None => a.downcast_exact::<IntObj>()?.as_i64()? as f64,
    };
    let y = match b.downcast_exact::<FloatObj>() {
        Some(f) => f.value(),
        None => b.downcast_exact::<IntObj>()?.as_i64()? as f64,
    };
    if !a.class().is(&FLOAT_TYPE) && !b.class().is(&FLOAT_TYPE) {
        return None;
    }
    let r = match op.base() {
        BinaryOp::Add => x + y,
        BinaryOp::Subtract => x - y,
        BinaryOp::Multiply => x * y,
        BinaryOp::TrueDivide if y != 0.0 => x / y,
        _ => return None,
    };
    Some(new_float(r))
}

#[inline(always)]
pub(crate) fn fast_compare(a: &Obj, b: &Obj, op: CompareOp) -> Option<bool> {
    if let (Some(x), Some(y)) = (a.downcast_exact::<IntObj>(), b.downcast_exact::<IntObj>()) {
        let (x, y) = (x.as_i64()?, y.as_i64()?);
        return Some(int::compare_result(x.cmp(&y), op));
    }
    if let (Some(x), Some(y)) = (a.downcast_exact::<FloatObj>(), b.downcast_exact::<FloatObj>()) {
        let (x, y) = (x.value(), y.value());
        return Some(match op {
            CompareOp::Lt => x < y,
            CompareOp::Le => x <= y,
            CompareOp::Eq => x == y,
            CompareOp::Ne => x != y,
            CompareOp::Gt => x > y,
            CompareOp::Ge => x >= y,
        });
    }
    if let (Some(x), Some(y)) = (a.downcast_exact::<StrObj>(), b.downcast_exact::<StrObj>()) {
        return Some(match op {
            CompareOp::Eq => x.eq_str(y),
            CompareOp::Ne => !x.eq_str(y),
            CompareOp::Lt => x.as_str() < y.as_str(),
            CompareOp::Le => x.as_str() <= y.as_str(),
            CompareOp::Gt => x.as_str() > y.as_str(),
            CompareOp::Ge => x.as_str() >= y.as_str(),
        });
    }
    None
}

/// Truth value with fast paths for bool/None/int.
#[inline(always)]
pub(crate) fn truthy(v: &Obj) -> PyResult<bool> {
    if v.is_true_singleton() {
        return Ok(true);
    }
    if v.is_false_singleton() || v.is_none() {
        return Ok(false);
    }
    if let Some(i) = v.downcast_exact::<IntObj>() {
        return Ok(!i.is_zero());
    }
    ops::is_true(v)
}

/// Returns `v` from frame `f`. The entry frame of the invocation is retired
/// and `Err(v)` returned (the invocation ends with `v`); otherwise the frame is
/// popped, `v` pushed on the caller's stack (or, for an inlined `__init__`
/// that returned something other than None, the TypeError set pending in the
/// caller) and the caller returned.
#[inline(always)]
fn return_from(f: FramePtr, v: PyRef, pending: &mut Option<(PyErr, bool)>) -> Result<FramePtr, PyRef> {
    if f.is_entry() {
        retire(f);
        return Err(v);
    }
    let prev = f.previous().expect("non-entry frame has a caller");
    let init_call = f.is_init_call();
    ts().frame.set(prev.as_raw());
    f.release();
    if !init_call {
        prev.push(v);
    } else if !v.is_none() {
        // Raised in the caller, as by `type.__call__`.
        *pending = Some((init_returned(&v), true));
    }
    Ok(prev)
}

fn run_loop(entry: FramePtr, throw: Option<PyErr>) -> PyResult<Exit> {
    let mut f = entry;
    let mut pending: Option<(PyErr, bool)> = throw.map(|e| (e, true));
    'frame: loop {
        let code_ref = f.code_ref().clone();
        let code = code_ref.downcast::<CodeObj>().expect("frame code");
        if f.lasti() < 0 && pending.is_none() {
            match jit_hook::try_enter(f, code) {
                None | Some(JitExit::Resume) => {}
                Some(JitExit::Return(v)) => {
                    match return_from(f, v, &mut pending) {
                        Ok(caller) => f = caller,
                        Err(v) => return Ok(Exit::Return(v)),
                    }
                    continue 'frame;
                }
                Some(JitExit::Yield(v)) => return Ok(Exit::Yield(v)),
                Some(JitExit::Raise(e)) => pending = Some((e, true)),
            }
        }
        let words: &[u32] = &code.code;
        let mut ip = (f.lasti() + 1) as usize;
        // Where to look up the exception handler when it differs from `lasti`
        // (RERAISE restores `lasti` for the traceback but unwinds from itself).
        let mut unwind_at: Option<u32> = None;

        let (err, add_tb): (PyErr, bool) = 'error: {
            if let Some(p) = pending.take() {
                break 'error p;
            }
            let mut kwnames: Option<PyRef> = None;
            let mut ext: u32 = 0;
            // A conditional jump back to a loop's start handles pending signals,
            // as JUMP_BACKWARD does (a loop may have no unconditional back edge).
            macro_rules! backward_check {
                ($target:expr) => {
                    if ($target as usize) < ip {
                        tri!(crate::eval::check_signals());
                    }
                };
            }
            macro_rules! tri {
                ($e:expr) => {
                    match $e {
                        Ok(v) => v,
                        Err(e) => break 'error (e, true),
                    }
                };
            }
            loop {
                let Some(&word) = words.get(ip) else {
                    break 'error (PyErr::system_error("fell off the end of the bytecode"), true);
                };
                f.set_lasti(ip as i32);
                ip += 1;
                let arg = (word >> 8) | ext;
                ext = 0;
                let Some(op) = Opcode::from_u8(word as u8) else {
                    break 'error (PyErr::system_error(format!("unknown opcode {}", word as u8)), true);
                };
                match op {
                    Opcode::NOP => {}
                    Opcode::EXTENDED_ARG => ext = arg << 24,
                    Opcode::POP_TOP => drop(f.pop_opt()),
                    Opcode::PUSH_NULL => f.push_opt(None),
                    Opcode::COPY => {
                        let v = f.peek(arg as usize).map(|o| o.to_owned());
                        f.push_opt(v);
                    }
                    Opcode::SWAP => f.swap(arg as usize),
                    Opcode::LOAD_CONST => f.push(code.consts[arg as usize].clone()),
                    Opcode::LOAD_FAST => match f.local_clone(arg as usize) {
                        Some(v) => f.push(v),
                        None => break 'error (unbound_local(code, arg as usize), true),
                    },
                    Opcode::STORE_FAST => {
                        let v = f.pop();
                        drop(f.replace_local(arg as usize, Some(v)));
                    }
                    Opcode::DELETE_FAST => {
                        if f.replace_local(arg as usize, None).is_none() {
                            break 'error (unbound_local(code, arg as usize), true);
                        }
                    }
                    Opcode::LOAD_NAME => {
                        let v = tri!(h::load_name(&f, &code.names[arg as usize]));
                        f.push(v);
                    }
                    Opcode::STORE_NAME => {
                        let v = f.pop();
                        tri!(h::store_name(&f, &code.names[arg as usize], Some(v)));
                    }
                    Opcode::DELETE_NAME => tri!(h::store_name(&f, &code.names[arg as usize], None)),
                    Opcode::LOAD_GLOBAL => {
                        let v = tri!(h::load_global(&f, code, (arg >> 1) as usize));
                        if arg & 1 != 0 {
                            f.push_opt(None);
                        }
                        f.push(v);
                    }
                    Opcode::STORE_GLOBAL => {
                        let v = f.pop();
                        let g = f.globals().downcast::<DictObj>().expect("globals dict");
                        tri!(g.set_item(&code.names[arg as usize], v));
                    }
                    Opcode::DELETE_GLOBAL => {
                        let name = &code.names[arg as usize];
                        let g = f.globals().downcast::<DictObj>().expect("globals dict");
                        if tri!(g.del_item(name)).is_none() {
                            break 'error (PyErr::name_error(StrObj::text(name)), true);
                        }
                    }
                    Opcode::MAKE_CELL => {
                        let v = f.replace_local(arg as usize, None);
                        drop(f.replace_local(arg as usize, Some(crate::types::cell::new_cell(v))));
                    }
                    Opcode::COPY_FREE_VARS => {
                        if !copy_free_vars(f, arg as usize) {
                            break 'error (PyErr::system_error("code with free variables run without a closure"), true);
                        }
                    }
                    Opcode::LOAD_CLOSURE => match f.local_clone(arg as usize) {
                        Some(c) => f.push(c),
                        None => break 'error (unbound_deref(code, arg as usize), true),
                    },
                    Opcode::LOAD_DEREF => {
                        let c = tri!(cell_at(&f, arg as usize));
                        match c.downcast::<CellObj>().and_then(|c| c.get()) {
                            Some(v) => f.push(v),
                            None => break 'error (unbound_deref(code, arg as usize), true),
                        }
                    }
                    Opcode::LOAD_CLASSDEREF => {
                        let v = tri!(h::load_classderef(&f, code, arg as usize));
                        f.push(v);
                    }
                    Opcode::STORE_DEREF => {
                        let v = f.pop();
                        let c = tri!(cell_at(&f, arg as usize));
                        c.downcast::<CellObj>().expect("cell").set(Some(v));
                    }
                    Opcode::DELETE_DEREF => {
                        let c = tri!(cell_at(&f, arg as usize));
                        let cell = c.downcast::<CellObj>().expect("cell");
                        if cell.is_empty() {
                            break 'error (unbound_deref(code, arg as usize), true);
                        }
                        cell.set(None);
                    }
                    Opcode::LOAD_ATTR => {
                        let name = code.names[arg as usize].downcast::<StrObj>().expect("name");
                        let v = tri!(code.attr_cache[arg as usize].load_attr(f.top(1), name));
                        drop(f.replace_top(1, Some(v)));
                    }
                    Opcode::STORE_ATTR => {
                        let obj = f.pop();
                        let v = f.pop();
                        let name = code.names[arg as usize].downcast::<StrObj>().expect("name");
                        tri!(code.attr_cache[arg as usize].store_attr(&obj, name, v));
                    }
                    Opcode::DELETE_ATTR => {
                        let obj = f.pop();
                        let name = code.names[arg as usize].downcast::<StrObj>().expect("name");
                        tri!(ops::setattr_s(&obj, name, None));
                    }
                    Opcode::LOAD_METHOD => {
                        let name = code.names[arg as usize].downcast::<StrObj>().expect("name");
                        let obj = f.pop();
                        match tri!(code.attr_cache[arg as usize].load_method(&obj, name)) {
                            (Some(meth), self_) => {
                                f.push(meth);
                                f.push(self_);
                            }
                            (None, v) => {
                                f.push_opt(None);
                                f.push(v);
                            }
                        }
                    }
                    Opcode::BINARY_OP => {
                        let Some(bop) = BinaryOp::from_u32(arg) else {
                            break 'error (PyErr::system_error("bad BINARY_OP argument"), true);
                        };
                        let (a, b) = (f.top(2), f.top(1));
                        let r = if let Some(r) = small_int_binop(a, b, bop) {
                            r
                        } else if let Some(r) = float_binop(a, b, bop) {
                            r
                        } else if bop.is_inplace() {
                            tri!(h::inplace_fast(a, b, bop))
                        } else {
                            tri!(ops::binary_op(a, b, bop))
                        };
                        f.drop_n(2);
                        f.push(r);
                    }
                    Opcode::UNARY_NEGATIVE => {
                        let r = tri!(ops::negative(f.top(1)));
                        drop(f.replace_top(1, Some(r)));
                    }
                    Opcode::UNARY_POSITIVE => {
                        let r = tri!(ops::positive(f.top(1)));
                        drop(f.replace_top(1, Some(r)));
                    }
                    Opcode::UNARY_INVERT => {
                        let r = tri!(ops::invert(f.top(1)));
                        drop(f.replace_top(1, Some(r)));
                    }
                    Opcode::UNARY_NOT => {
                        let r = !tri!(truthy(f.top(1)));
                        drop(f.replace_top(1, Some(new_bool(r))));
                    }
                    Opcode::COMPARE_OP => {
                        let Some(cop) = CompareOp::from_u32(arg) else {
                            break 'error (PyErr::system_error("bad COMPARE_OP argument"), true);
                        };
                        let (a, b) = (f.top(2), f.top(1));
                        let r = match fast_compare(a, b, cop) {
                            Some(x) => new_bool(x),
                            None => tri!(ops::richcompare(a, b, cop)),
                        };
                        f.drop_n(2);
                        f.push(r);
                    }
                    Opcode::IS_OP => {
                        let r = f.top(2).is(f.top(1)) != (arg == 1);
                        f.drop_n(2);
                        f.push(new_bool(r));
                    }
                    Opcode::CONTAINS_OP => {
                        let r = tri!(ops::contains(f.top(1), f.top(2))) != (arg == 1);
                        f.drop_n(2);
                        f.push(new_bool(r));
                    }
                    Opcode::BINARY_SUBSCR => {
                        let r = tri!(h::subscript(f.top(2), f.top(1)));
                        f.drop_n(2);
                        f.push(r);
                    }
                    Opcode::STORE_SUBSCR => {
                        let key = f.pop();
                        let container = f.pop();
                        let value = f.pop();
                        tri!(h::store_subscript(&container, &key, &value));
                    }
                    Opcode::DELETE_SUBSCR => {
                        let key = f.pop();
                        let container = f.pop();
                        tri!(ops::delitem(&container, &key));
                    }
                    Opcode::BUILD_SLICE => {
                        let step = if arg == 3 { f.pop() } else { none() };
                        let stop = f.pop();
                        let start = f.pop();
                        f.push(crate::types::slice::new_slice(start, stop, step));
                    }
                    Opcode::BUILD_TUPLE => {
                        let t = if arg == 0 {
                            crate::types::tuple::empty_tuple()
                        } else {
                            crate::object::varobj::TupleObj::alloc(&TUPLE_TYPE, f.take_top(arg as usize))
                        };
                        f.push(t);
                    }
                    Opcode::BUILD_LIST => {
                        let items = f.pop_n(arg as usize);
                        f.push(new_list(items));
                    }
                    Opcode::BUILD_SET => {
                        let items = f.pop_n(arg as usize);
                        let s = tri!(crate::types::set::set_from_vec(items));
                        f.push(s);
                    }
                    Opcode::BUILD_MAP => {
                        let items = f.pop_n(2 * arg as usize);
                        let d = crate::types::dict::new_dict();
                        {
                            let dd = d.downcast::<DictObj>().expect("dict");
                            for pair in items.chunks(2) {
                                tri!(dd.set_item(&pair[0], pair[1].clone()));
                            }
                        }
                        f.push(d);
                    }
                    Opcode::BUILD_CONST_KEY_MAP => {
                        let keys = f.pop();
                        let values = f.pop_n(arg as usize);
                        let d = crate::types::dict::new_dict();
                        {
                            let dd = d.downcast::<DictObj>().expect("dict");
                            let ks = keys.downcast::<TupleObj>().expect("const keys");
                            for (k, v) in ks.as_slice().iter().zip(values) {
                                tri!(dd.set_item(k, v));
                            }
                        }
                        f.push(d);
                    }
                    Opcode::BUILD_STRING => {
                        let parts = f.pop_n(arg as usize);
                        let mut s = String::new();
                        for p in &parts {
                            s.push_str(StrObj::text(p));
                        }
                        f.push(crate::types::str::from_string(s));
                    }
                    Opcode::LIST_APPEND => {
                        let v = f.pop();
                        let l = f.top(arg as usize);
                        l.downcast::<ListObj>().expect("list").push(v);
                    }
                    Opcode::SET_ADD => {
                        let v = f.pop();
                        tri!(crate::types::set::set_add(f.top(arg as usize), &v));
                    }
                    Opcode::MAP_ADD => {
                        let v = f.pop();
                        let k = f.pop();
                        let d = f.top(arg as usize).downcast::<DictObj>().expect("dict");
                        tri!(d.set_item(&k, v));
                    }
                    Opcode::LIST_EXTEND => {
                        let it = f.pop();
                        tri!(h::list_extend(f.top(arg as usize), &it));
                    }
                    Opcode::SET_UPDATE => {
                        let it = f.pop();
                        tri!(crate::types::set::set_update(f.top(arg as usize), &it));
                    }
                    Opcode::DICT_UPDATE => {
                        let m = f.pop();
                        tri!(h::dict_update(f.top(arg as usize), &m));
                    }
                    Opcode::DICT_MERGE => {
                        let m = f.pop();
                        let func = f.peek(arg as usize + 2).map(|o| o.to_owned());
                        tri!(h::dict_merge(f.top(arg as usize), &m, func.as_deref()));
                    }
                    Opcode::LIST_TO_TUPLE => {
                        let l = f.pop();
                        let items = l.downcast::<ListObj>().expect("list").to_vec();
                        f.push(new_tuple(items));
                    }
                    Opcode::UNPACK_SEQUENCE => {
                        let seq = f.pop();
                        let items = tri!(h::unpack(&seq, arg as usize));
                        for v in items.into_iter().rev() {
                            f.push(v);
                        }
                    }
                    Opcode::UNPACK_EX => {
                        let seq = f.pop();
                        let items = tri!(h::unpack_ex(&seq, (arg & 0xff) as usize, (arg >> 8) as usize));
                        for v in items.into_iter().rev() {
                            f.push(v);
                        }
                    }
                    Opcode::FORMAT_VALUE => {
                        let spec = if arg & 4 != 0 { Some(f.pop()) } else { None };
                        let v = f.pop();
                        let r = tri!(h::format_value(&v, arg & 3, spec.as_deref()));
                        f.push(r);
                    }
                    Opcode::JUMP => ip = arg as usize,
                    Opcode::JUMP_BACKWARD => {
                        tri!(crate::eval::check_signals());
                        ip = arg as usize;
                    }
                    Opcode::POP_JUMP_IF_FALSE => {
                        let v = f.pop();
                        if !tri!(truthy(&v)) {
                            backward_check!(arg);
                            ip = arg as usize;
                        }
                    }
                    Opcode::POP_JUMP_IF_TRUE => {
                        let v = f.pop();
                        if tri!(truthy(&v)) {
                            backward_check!(arg);
                            ip = arg as usize;
                        }
                    }
                    Opcode::POP_JUMP_IF_NONE => {
                        if f.pop().is_none() {
                            backward_check!(arg);
                            ip = arg as usize;
                        }
                    }
                    Opcode::POP_JUMP_IF_NOT_NONE => {
                        if !f.pop().is_none() {
                            backward_check!(arg);
                            ip = arg as usize;
                        }
                    }
                    Opcode::JUMP_IF_FALSE_OR_POP => {
                        if tri!(truthy(f.top(1))) {
                            drop(f.pop_opt());
                        } else {
                            ip = arg as usize;
                        }
                    }
                    Opcode::JUMP_IF_TRUE_OR_POP => {
                        if tri!(truthy(f.top(1))) {
                            ip = arg as usize;
                        } else {
                            drop(f.pop_opt());
                        }
                    }
                    Opcode::GET_ITER => {
                        let it = tri!(ops::iter(f.top(1)));
                        drop(f.replace_top(1, Some(it)));
                    }
                    Opcode::FOR_ITER => {
                        let next = {
                            let it = f.top(1);
                            if let Some(r) = it.downcast_exact::<crate::types::range::RangeIterObj>() {
                                r.next_i64().map(int::new_int)
                            } else {
                                tri!(ops::next(it))
                            }
                        };
                        match next {
                            Some(v) => f.push(v),
                            None => {
                                drop(f.pop_opt());
                                ip = arg as usize;
                            }
                        }
                    }
                    Opcode::GET_YIELD_FROM_ITER => {
                        let r = tri!(h::get_yield_from_iter(f.top(1), code));
                        drop(f.replace_top(1, Some(r)));
                    }
                    Opcode::MAKE_FUNCTION => {
                        let func = tri!(h::make_function(&f, arg));
                        f.push(func);
                    }
                    Opcode::RETURN_VALUE => {
                        let v = f.pop();
                        match return_from(f, v, &mut pending) {
                            Ok(caller) => f = caller,
                            Err(v) => return Ok(Exit::Return(v)),
                        }
                        continue 'frame;
                    }
                    Opcode::YIELD_VALUE => {
                        let v = f.pop();
                        return Ok(Exit::Yield(v));
                    }
                    Opcode::SEND => {
                        let v = f.pop();
                        match tri!(h::send(f.top(1), &v)) {
                            h::SendResult::Yielded(y) => f.push(y),
                            h::SendResult::Returned(r) => {
                                drop(f.pop_opt());
                                f.push(r);
                                ip = arg as usize;
                            }
                        }
                    }
                    Opcode::GET_AWAITABLE => {
                        let r = tri!(crate::types::generator::get_awaitable(f.top(1), arg));
                        drop(f.replace_top(1, Some(r)));
                    }
                    Opcode::GET_AITER => {
                        let r = tri!(h::get_aiter(f.top(1)));
                        drop(f.replace_top(1, Some(r)));
                    }
                    Opcode::GET_ANEXT => {
                        let r = tri!(h::get_anext(f.top(1)));
                        f.push(r);
                    }
                    Opcode::END_ASYNC_FOR => {
                        let exc = f.pop();
                        drop(f.pop_opt());
                        if !exc.class().is_subtype(&exceptions::STOP_ASYNC_ITERATION) {
                            break 'error (PyErr::from_exc(exc), false);
                        }
                    }
                    Opcode::BEFORE_ASYNC_WITH => {
                        let mgr = f.pop();
                        let (exit, awaitable) = tri!(h::before_async_with(&mgr));
                        f.push(exit);
                        f.push(awaitable);
                    }
                    Opcode::ASYNC_GEN_WRAP => {
                        let v = f.pop();
                        f.push(crate::types::generator::wrap_async_value(v));
                    }
                    Opcode::RAISE_VARARGS => {
                        let cause = if arg >= 2 { Some(f.pop()) } else { None };
                        let exc = if arg >= 1 { Some(f.pop()) } else { None };
                        match exc {
                            None => match ts().handled_exception() {
                                Some(e) => break 'error (PyErr::from_exc(e), false),
                                None => break 'error (PyErr::runtime_error("No active exception to reraise"), true),
                            },
                            Some(e) => {
                                let e = tri!(h::make_raise(&e, cause.as_deref()));
                                break 'error (e, true);
                            }
                        }
                    }
                    Opcode::RERAISE => {
                        let exc = f.pop();
                        unwind_at = Some((ip - 1) as u32);
                        if arg > 0 {
                            if let Some(l) = f.peek(arg as usize).and_then(int::as_i64) {
                                f.set_lasti(l as i32);
                            }
                        }
                        break 'error (PyErr::from_exc(exc), false);
                    }
                    Opcode::PUSH_EXC_INFO => {
                        let exc = f.pop();
                        let prev = ts().swap_handled(Some(exc.clone()));
                        f.push(prev.unwrap_or_else(none));
                        f.push(exc);
                    }
                    Opcode::POP_EXCEPT => {
                        let prev = f.pop();
                        let restored = if prev.is_none() { None } else { Some(prev) };
                        drop(ts().swap_handled(restored));
                    }
                    Opcode::CHECK_EXC_MATCH => {
                        let ty = f.pop();
                        let r = tri!(h::check_exc_match(f.top(1), &ty));
                        f.push(new_bool(r));
                    }
                    Opcode::CHECK_EG_MATCH => {
                        let ty = f.pop();
                        let exc = f.pop();
                        let (rest, matched) = tri!(crate::types::exception_group::eg_match(&exc, &ty));
                        f.push(rest);
                        f.push(matched);
                    }
                    Opcode::PREP_RERAISE_STAR => {
                        let list = f.pop();
                        let orig = f.pop();
                        let r = tri!(crate::types::exception_group::prep_reraise_star(&orig, &list));
                        f.push(r);
                    }
                    Opcode::WITH_EXCEPT_START => {
                        let r = tri!(h::with_except_start(f.top(4), f.top(1)));
                        f.push(r);
                    }
                    Opcode::BEFORE_WITH => {
                        let mgr = f.pop();
                        let (exit, entered) = tri!(h::before_with(&mgr));
                        f.push(exit);
                        f.push(entered);
                    }
                    Opcode::LOAD_ASSERTION_ERROR => f.push(exceptions::ASSERTION_ERROR.as_obj_ref().to_owned()),
                    Opcode::LOAD_BUILD_CLASS => {
                        let v = tri!(h::load_build_class(&f));
                        f.push(v);
                    }
                    Opcode::SETUP_ANNOTATIONS => tri!(h::setup_annotations(&f)),
                    Opcode::IMPORT_NAME => {
                        let fromlist = f.pop();
                        let level = f.pop();
                        let m = tri!(crate::import::import_name(&f, &code.names[arg as usize], &fromlist, &level));
                        f.push(m);
                    }
                    Opcode::IMPORT_FROM => {
                        let v = tri!(crate::import::import_from(f.top(1), &code.names[arg as usize]));
                        f.push(v);
                    }
                    Opcode::IMPORT_STAR => {
                        let m = f.pop();
                        tri!(crate::import::import_star(&f, &m));
                    }
                    Opcode::MATCH_CLASS => {
                        let names = f.pop();
                        let cls = f.pop();
                        let subject = f.pop();
                        let r = tri!(crate::eval::patterns::match_class(&subject, &cls, arg as usize, &names));
                        f.push(r.unwrap_or_else(none));
                    }
                    Opcode::MATCH_MAPPING => {
                        let r = crate::eval::patterns::is_mapping(f.top(1));
                        f.push(new_bool(r));
                    }
                    Opcode::MATCH_SEQUENCE => {
                        let r = crate::eval::patterns::is_sequence(f.top(1));
                        f.push(new_bool(r));
                    }
                    Opcode::MATCH_KEYS => {
                        let r = tri!(crate::eval::patterns::match_keys(f.top(2), f.top(1)));
                        f.push(r.unwrap_or_else(none));
                    }
                    Opcode::GET_LEN => {
                        let n = tri!(ops::len(f.top(1)));
                        f.push(int::from_usize(n));
                    }
                    Opcode::PRINT_EXPR => {
                        let v = f.pop();
                        tri!(h::print_expr(&v));
                    }
                    Opcode::KW_NAMES => kwnames = Some(code.consts[arg as usize].clone()),
                    Opcode::CALL => {
                        let kw = kwnames.take();
                        let kwt = kw.as_ref().and_then(|k| k.downcast::<TupleObj>());
                        let argc = arg as usize;
                        // [X, Y, args..]: unpack bound methods into [func, self, args..].
                        if f.peek(argc + 2).is_none() {
                            let y = f.top(argc + 1);
                            if y.class().is(&METHOD_TYPE) {
                                let m = y.downcast::<MethodObj>().expect("method");
                                let (func, self_) = (m.func.clone(), m.self_.clone());
                                drop(f.replace_top(argc + 2, Some(func)));
                                drop(f.replace_top(argc + 1, Some(self_)));
                            }
                        }
                        let has_self = f.peek(argc + 2).is_some();
                        if kw.is_none() {
                            if let Some(new) = tri!(push_call_frame(f, argc + usize::from(has_self), !has_self)) {
                                new.set_previous(Some(f));
                                f = new;
                                ts().frame.set(f.as_raw());
                                continue 'frame;
                            }
                        }
                        let (callable, nargs) = match f.peek(argc + 2) {
                            None => (f.top(argc + 1).to_owned(), argc),
                            Some(x) => (x.to_owned(), argc + 1),
                        };
                        if callable.class().is(&FUNCTION_TYPE) {
                            let prepared = prepare_call(&callable, f.top_slice(nargs), kwt);
                            f.drop_n(argc + 2);
                            match tri!(prepared) {
                                Prepared::Frame(new) => {
                                    new.set_previous(Some(f));
                                    f = new;
                                    ts().frame.set(f.as_raw());
                                    continue 'frame;
                                }
                                Prepared::Done(v) => f.push(v),
                            }
                        } else if let Some(r) = prepare_init_call(&callable, f.top_slice(nargs), kwt) {
                            f.drop_n(argc + 2);
                            let (obj, prepared) = tri!(r);
                            f.push(obj);
                            match prepared {
                                Prepared::Frame(new) => {
                                    new.set_init_call(true);
                                    new.set_previous(Some(f));
                                    f = new;
                                    ts().frame.set(f.as_raw());
                                    continue 'frame;
                                }
                                Prepared::Done(v) if v.is_none() => {}
                                Prepared::Done(v) => break 'error (init_returned(&v), true),
                            }
                        } else {
                            let r = ops::call(&callable, f.top_slice(nargs), kwt);
                            f.drop_n(argc + 2);
                            f.push(tri!(r));
                        }
                    }
                    Opcode::CALL_FUNCTION_EX => {
                        let kwargs = if arg & 1 != 0 { Some(f.pop()) } else { None };
                        let args = f.pop();
                        let callable = f.pop();
                        drop(f.pop_opt());
                        let r = tri!(h::call_function_ex(&callable, &args, kwargs.as_deref()));
                        f.push(r);
                    }
                }
            }
        };

        // An exception is propagating in frame `f`.
        let err = if add_tb { h::add_traceback(err, f) } else { err };
        let lasti = unwind_at.unwrap_or(f.lasti().max(0) as u32);
        if let Some(entry) = code.handler_for(lasti).copied() {
            f.unwind_to(entry.depth as usize);
            if entry.push_lasti {
                f.push(int::new_int(lasti as i64));
            }
            f.push(err.into_exc());
            f.set_lasti(entry.target as i32 - 1);
            continue 'frame;
        }
        if f.is_entry() {
            f.unwind_to(0);
            retire(f);
            return Err(err);
        }
        let prev = f.previous().expect("non-entry frame has a caller");
        ts().frame.set(prev.as_raw());
        f.release();
        f = prev;
        pending = Some((err, true));
    }
}

/// Keeps type imports used by fast paths referenced.
#[allow(dead_code)]
fn _types() -> [&'static crate::types::typeobj::TypeObj; 3] {
    [&INT_TYPE, &LIST_TYPE, &TUPLE_TYPE]
}

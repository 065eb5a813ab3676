//! Calling Python functions: binding arguments into a new frame with CPython's
//! error messages, and creating generator objects for generator functions.

use ember_compiler::code::code_flags;

use crate::eval::frame::{push_frame, FrameInit, FramePtr, GenFrame};
use crate::object::{Obj, PyRef};
use crate::runtime::{PyErr, PyResult};
use crate::types::code::CodeObj;
use crate::types::dict::{new_dict, DictObj};
use crate::types::function::FunctionObj;
use crate::types::str::StrObj;
use crate::types::tuple::{tuple_from_refs, TupleObj};
use crate::types::typeobj::{Args, TypeObj};

fn plural(n: usize) -> &'static str {
    if n == 1 {
        ""
    } else {
        "s"
    }
}

/// "'a'", "'a' and 'b'", "'a', 'b', and 'c'".
fn name_list(names: &[String]) -> String {
    let q: Vec<String> = names.iter().map(|n| format!("'{n}'")).collect();
    match q.len() {
        0 => String::new(),
        1 => q[0].clone(),
        2 => format!("{} and {}", q[0], q[1]),
        n => format!("{}, and {}", q[..n - 1].join(", "), q[n - 1]),
    }
}

fn local_name(code: &CodeObj, i: usize) -> &str {
    StrObj::text(&code.localsplus_names[i])
}

fn find_param(code: &CodeObj, name: &Obj, from: usize, to: usize) -> Option<usize> {
    let names = &code.localsplus_names[..to];
    if let Some(j) = (from..to).find(|j| names[*j].is(name)) {
        return Some(j);
    }
    let s = name.downcast::<StrObj>()?;
    (from..to).find(|j| StrObj::text(&names[*j]) == s.as_str())
}

/// Binds call arguments into `fp`'s localsplus slots.
/// The common case of binding, inlined into calls: exactly the positional
/// parameters, nothing else. Returns false (binding nothing) otherwise.
#[inline(always)]
fn bind_exact_positional(fp: FramePtr, code: &CodeObj, args: &[&Obj], kwnames: Option<&TupleObj>) -> bool {
    if args.len() == code.arg_count as usize
        && kwnames.is_none_or(|k| k.is_empty())
        && code.kwonly_arg_count == 0
        && code.flags & (code_flags::VARARGS | code_flags::VARKEYWORDS) == 0
    {
        for (j, a) in args.iter().enumerate() {
            drop(fp.replace_local(j, Some((*a).to_owned())));
        }
        return true;
    }
    false
}

pub fn bind_args(
    fp: FramePtr,
    func: &FunctionObj,
    code: &CodeObj,
    args: &[&Obj],
    kwnames: Option<&TupleObj>,
) -> PyResult<()> {
    if bind_exact_positional(fp, code, args, kwnames) {
        return Ok(());
    }
    let argcount = code.arg_count as usize;
    let posonly = code.posonly_arg_count as usize;
    let kwonly = code.kwonly_arg_count as usize;
    let total = argcount + kwonly;
    let has_varargs = code.flags & code_flags::VARARGS != 0;
    let has_varkw = code.flags & code_flags::VARKEYWORDS != 0;
    let nkw = kwnames.map_or(0, |k| k.len());
    let nargs = args.len() - nkw;
    let qualname = || func.qualname_string();

    let kwdict = if has_varkw {
        let d = new_dict();
        let slot = total + usize::from(has_varargs);
        drop(fp.replace_local(slot, Some(d.clone())));
        Some(d)
    } else {
        None
    };

    let n = nargs.min(argcount);
    for (j, a) in args[..n].iter().enumerate() {
        drop(fp.replace_local(j, Some((*a).to_owned())));
    }
    if has_varargs {
        let rest = if nargs > n { tuple_from_refs(&args[n..nargs]) } else { crate::types::tuple::empty_tuple() };
        drop(fp.replace_local(total, Some(rest)));
    }

    if let Some(kw) = kwnames {
        let mut posonly_as_kw: Vec<String> = Vec::new();
        for (i, name) in kw.as_slice().iter().enumerate() {
            let value = args[nargs + i];
            if !name.isa::<StrObj>() {
                return Err(PyErr::type_error(format!("{}() keywords must be strings", qualname())));
            }
            match find_param(code, name, posonly, total) {
                Some(j) => {
                    if fp.local(j).is_some() {
                        return Err(PyErr::type_error(format!(
                            "{}() got multiple values for argument '{}'",
                            qualname(),
                            StrObj::text(name)
                        )));
                    }
                    drop(fp.replace_local(j, Some(value.to_owned())));
                }
                None => {
                    if let Some(d) = &kwdict {
                        d.downcast::<DictObj>().expect("dict").set_item(name, value.to_owned())?;
                        continue;
                    }
                    if find_param(code, name, 0, posonly).is_some() {
                        posonly_as_kw.push(StrObj::text(name).to_string());
                        continue;
                    }
                    return Err(PyErr::type_error(format!(
                        "{}() got an unexpected keyword argument '{}'",
                        qualname(),
                        StrObj::text(name)
                    )));
                }
            }
        }
        if !posonly_as_kw.is_empty() {
            return Err(PyErr::type_error(format!(
                "{}() got some positional-only arguments passed as keyword arguments: '{}'",
                qualname(),
                posonly_as_kw.join(", ")
            )));
        }
    }

    let defaults = func.defaults.get_clone();
    let defaults_t = defaults.as_ref().and_then(|d| d.downcast::<TupleObj>());
    let ndefaults = defaults_t.map_or(0, |d| d.len());

    if nargs > argcount && !has_varargs {
        let kwonly_given = (argcount..total).filter(|j| fp.local(*j).is_some()).count();
        let sig =
            if ndefaults > 0 { format!("from {} to {}", argcount - ndefaults, argcount) } else { argcount.to_string() };
        let plural_sig = if ndefaults > 0 { "s" } else { plural(argcount) };
        let kwonly_sig = if kwonly_given > 0 {
            format!(
                " positional argument{} (and {} keyword-only argument{})",
                plural(nargs),
                kwonly_given,
                plural(kwonly_given)
            )
        } else {
            String::new()
        };
        let was = if nargs == 1 && kwonly_given == 0 { "was" } else { "were" };
        return Err(PyErr::type_error(format!(
            "{}() takes {} positional argument{} but {}{} {} given",
            qualname(),
            sig,
            plural_sig,
            nargs,
            kwonly_sig,
            was
        )));
    }

    if nargs < argcount {
        let first_default = argcount - ndefaults;
        let mut missing = Vec::new();
        for j in nargs..argcount {
            if fp.local(j).is_some() {
                continue;
            }
            if j >= first_default {
                if let Some(d) = defaults_t {
                    drop(fp.replace_local(j, Some(d.as_slice()[j - first_default].clone())));
                    continue;
                }
            }
            missing.push(local_name(code, j).to_string());
        }
        if !missing.is_empty() {
            return Err(PyErr::type_error(format!(
                "{}() missing {} required positional argument{}: {}",
                qualname(),
                missing.len(),
                plural(missing.len()),
                name_list(&missing)
            )));
        }
    }

    if kwonly > 0 {
        let kwdefaults = func.kwdefaults.get_clone();
        let mut missing = Vec::new();
        for j in argcount..total {
            if fp.local(j).is_some() {
                continue;
            }
            let name = &code.localsplus_names[j];
            if let Some(d) = kwdefaults.as_ref().and_then(|d| d.downcast::<DictObj>()) {
                if let Some(v) = d.get_item(name)? {
                    drop(fp.replace_local(j, Some(v)));
                    continue;
                }
            }
            missing.push(local_name(code, j).to_string());
        }
        if !missing.is_empty() {
            return Err(PyErr::type_error(format!(
                "{}() missing {} required keyword-only argument{}: {}",
                qualname(),
                missing.len(),
                plural(missing.len()),
                name_list(&missing)
            )));
        }
    }
    Ok(())
}

/// What calling a Python function produced.
pub enum Prepared {
    /// A frame ready to run (pushed on the thread's frame stack).
    Frame(FramePtr),
    /// The function is a generator/coroutine: the new generator object.
    Done(crate::object::PyRef),
}

/// Prepares a call of a Python function: binds arguments into a new frame, or
/// builds the generator object for generator functions.
pub fn prepare_call(func_obj: &Obj, args: &[&Obj], kwnames: Option<&TupleObj>) -> PyResult<Prepared> {
    let func = func_obj.downcast::<FunctionObj>().expect("function");
    let code_ref = func.code();
    let code = code_ref.downcast::<CodeObj>().expect("code");
    let init = FrameInit {
        code: code_ref.clone(),
        func: Some(func_obj.to_owned()),
        globals: &func.globals,
        builtins: &func.builtins,
        locals: None,
    };
    if code.flags & (code_flags::GENERATOR | code_flags::COROUTINE | code_flags::ASYNC_GENERATOR) != 0 {
        let gf = GenFrame::new(init);
        bind_args(gf.ptr(), func, code, args, kwnames)?;
        return Ok(Prepared::Done(crate::types::generator::new_generator(gf, func_obj, code)));
    }
    let fp = push_frame(init)?;
    if bind_exact_positional(fp, code, args, kwnames) {
        return Ok(Prepared::Frame(fp));
    }
    if let Err(e) = bind_args(fp, func, code, args, kwnames) {
        fp.release();
        return Err(e);
    }
    Ok(Prepared::Frame(fp))
}

/// The class `callable` and its `__init__` when `callable(...)` goes through
/// `type` itself to `object.__new__` and a Python function `__init__`.
fn python_init(callable: &Obj) -> Option<(&TypeObj, PyRef)> {
    if !callable.class().is(&crate::types::typeobj::TYPE_TYPE) {
        return None;
    }
    let t = callable.downcast::<TypeObj>()?;
    let object_new = crate::types::object::object_new as crate::types::typeobj::NewFn as usize;
    if t.new.get().map(|f| f as usize) != Some(object_new) || !crate::types::slot_funcs::is_slot_init(t.init.get()) {
        return None;
    }
    let init = t.lookup(init_name().downcast::<StrObj>()?)?;
    init.class().is(&crate::types::function::FUNCTION_TYPE).then_some((t, init))
}

/// `cls(args)` for a class with `object.__new__` and a Python `__init__`,
/// called through `type` itself: allocates the instance and prepares the
/// `__init__` frame, so the eval loop runs it without a native call. None when
/// the class does not qualify (the caller makes a normal call).
pub fn prepare_init_call(
    callable: &Obj,
    args: &[&Obj],
    kwnames: Option<&TupleObj>,
) -> Option<PyResult<(PyRef, Prepared)>> {
    let (t, init) = python_init(callable)?;
    let nkw = kwnames.map_or(0, |k| k.len());
    let obj = match crate::types::object::object_new(t, Args { all: args, nargs: args.len() - nkw, kwnames }) {
        Ok(o) => o,
        Err(e) => return Some(Err(e)),
    };
    Some(prepare_method_call(&init, &obj, args, kwnames).map(|p| (obj.clone(), p)))
}

/// `cls(args)` from compiled code, for a class with `object.__new__` and a
/// plain compiled `__init__` taking exactly the arguments (see
/// [`crate::eval::interp::call_compiled`]): the instance, initialised. None
/// when the class or `__init__` does not qualify (nothing done then).
pub fn call_compiled_init(callable: &Obj, args: &[&Obj]) -> Option<PyResult> {
    let (t, init) = python_init(callable)?;
    let code = init.downcast_exact::<FunctionObj>()?.code();
    crate::eval::interp::plain_compiled_entry(code.downcast::<CodeObj>()?, args.len() + 1)?;
    let obj = match crate::types::object::object_new(t, Args { all: args, nargs: args.len(), kwnames: None }) {
        Ok(o) => o,
        Err(e) => return Some(Err(e)),
    };
    // The shape was checked: this call is made.
    let ret = match crate::eval::interp::call_compiled_with(&init, Some(&obj), args)? {
        Ok(v) => v,
        Err(e) => return Some(Err(e)),
    };
    if !ret.is_none() {
        return Some(Err(init_returned(&ret)));
    }
    Some(Ok(obj))
}

/// [`prepare_call`] with `self_` before `args`, without building a new
/// argument array in the common all-positional case.
fn prepare_method_call(func_obj: &Obj, self_: &Obj, args: &[&Obj], kwnames: Option<&TupleObj>) -> PyResult<Prepared> {
    let func = func_obj.downcast::<FunctionObj>().expect("function");
    let code_ref = func.code();
    let code = code_ref.downcast::<CodeObj>().expect("code");
    let simple = code_flags::GENERATOR
        | code_flags::COROUTINE
        | code_flags::ASYNC_GENERATOR
        | code_flags::VARARGS
        | code_flags::VARKEYWORDS;
    if code.flags & simple == 0
        && args.len() + 1 == code.arg_count as usize
        && kwnames.is_none_or(|k| k.is_empty())
        && code.kwonly_arg_count == 0
    {
        let fp = push_frame(FrameInit {
            code: code_ref.clone(),
            func: Some(func_obj.to_owned()),
            globals: &func.globals,
            builtins: &func.builtins,
            locals: None,
        })?;
        drop(fp.replace_local(0, Some(self_.to_owned())));
        for (j, a) in args.iter().enumerate() {
            drop(fp.replace_local(j + 1, Some((*a).to_owned())));
        }
        return Ok(Prepared::Frame(fp));
    }
    let mut all: Vec<&Obj> = Vec::with_capacity(args.len() + 1);
    all.push(self_);
    all.extend_from_slice(args);
    prepare_call(func_obj, &all, kwnames)
}

fn init_name() -> PyRef {
    thread_local! {
        static NAME: std::cell::OnceCell<PyRef> = const { std::cell::OnceCell::new() };
    }
    NAME.with(|n| n.get_or_init(|| crate::types::str::intern("__init__")).clone())
}

/// The error for an `__init__` that returned something other than None.
pub fn init_returned(v: &Obj) -> PyErr {
    PyErr::type_error(format!("__init__() should return None, not '{}'", v.class().name()))
}

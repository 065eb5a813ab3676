//! `BaseExceptionGroup` / `ExceptionGroup` and the runtime support of
//! `except*` (`CHECK_EG_MATCH`, `PREP_RERAISE_STAR`).

use crate::object::{AsObj, Obj, PyRef};
use crate::ops;
use crate::runtime::{PyErr, PyResult};
use crate::types::exceptions::{self, set_extra, ExceptionObj, EXTRA_EG_EXCEPTIONS, EXTRA_EG_MESSAGE};
use crate::types::list::ListObj;
use crate::types::none;
use crate::types::str::{from_string, StrObj};
use crate::types::tuple::{new_tuple, TupleObj};
use crate::types::typeobj::{Args, TypeObj};

fn parts(eg: &Obj) -> (PyRef, Vec<PyRef>) {
    let e = eg.downcast::<ExceptionObj>().expect("exception group");
    let msg = e.get_extra(EXTRA_EG_MESSAGE).unwrap_or_else(|| crate::types::str::new_str(""));
    let excs = e
        .get_extra(EXTRA_EG_EXCEPTIONS)
        .and_then(|t| t.downcast::<TupleObj>().map(|t| t.as_slice().to_vec()))
        .unwrap_or_default();
    (msg, excs)
}

pub fn eg_new(ty: &TypeObj, a: Args) -> PyResult {
    let tname = ty.name();
    if a.kwnames.is_some_and(|k| !k.is_empty()) {
        return Err(PyErr::type_error(format!("{tname}() takes no keyword arguments")));
    }
    if a.nargs != 2 {
        return Err(PyErr::type_error(format!(
            "BaseExceptionGroup.__new__() takes exactly 2 arguments ({} given)",
            a.nargs
        )));
    }
    let (msg, seq) = (a.all[0], a.all[1]);
    if !msg.isa::<StrObj>() {
        return Err(PyErr::type_error(format!(
            "BaseExceptionGroup.__new__() argument 1 must be str, not {}",
            msg.class().name()
        )));
    }
    if seq.class().getitem.get().is_none()
        || seq.isa::<crate::types::dict::DictObj>()
        || seq.isa::<crate::types::set::SetObj>()
    {
        return Err(PyErr::type_error("second argument (exceptions) must be a sequence"));
    }
    let excs = ops::collect_vec(seq)?;
    if excs.is_empty() {
        return Err(PyErr::value_error("second argument (exceptions) must be a non-empty sequence"));
    }
    let mut all_exceptions = true;
    for (i, e) in excs.iter().enumerate() {
        if !e.isa::<ExceptionObj>() {
            return Err(PyErr::value_error(format!("Item {i} of second argument (exceptions) is not an exception")));
        }
        if !e.class().is_subtype(&exceptions::EXCEPTION) {
            all_exceptions = false;
        }
    }
    let mut cls: &TypeObj = ty;
    if ty.is(&exceptions::BASE_EXCEPTION_GROUP) {
        if all_exceptions {
            cls = &exceptions::EXCEPTION_GROUP;
        }
    } else if ty.is(&exceptions::EXCEPTION_GROUP) {
        if !all_exceptions {
            return Err(PyErr::type_error("Cannot nest BaseExceptions in an ExceptionGroup"));
        }
    } else if !all_exceptions && !ty.is_subtype(&exceptions::EXCEPTION_GROUP) {
        // A user subclass of BaseExceptionGroup may hold BaseExceptions.
    } else if !all_exceptions {
        return Err(PyErr::type_error(format!("Cannot nest BaseExceptions in '{tname}'")));
    }
    let base_new = exceptions::BASE_EXCEPTION.new.get().expect("BaseException.__new__");
    let obj = base_new(cls, a)?;
    set_extra(&obj, EXTRA_EG_MESSAGE, Some(msg.to_owned()));
    set_extra(&obj, EXTRA_EG_EXCEPTIONS, Some(new_tuple(excs)));
    Ok(obj)
}

pub fn eg_init(o: &Obj, a: Args) -> PyResult<()> {
    let e = o.downcast::<ExceptionObj>().expect("exception");
    let old = e.args.replace(crate::types::tuple::tuple_from_refs(&a.all[..a.nargs]));
    drop(old);
    Ok(())
}

pub fn eg_str(o: &Obj) -> PyResult {
    let (msg, excs) = parts(o);
    let n = excs.len();
    Ok(from_string(format!("{} ({} sub-exception{})", StrObj::text(&msg), n, if n == 1 { "" } else { "s" })))
}

/// A matcher for `split`/`subgroup`: a type (or tuple) or a predicate.
enum Matcher<'a> {
    Type(&'a Obj),
    Pred(&'a Obj),
}

fn matches(m: &Matcher, e: &Obj) -> PyResult<bool> {
    match m {
        Matcher::Type(t) => ops::isinstance(e, t),
        Matcher::Pred(p) => ops::is_true(&*ops::call1(p, e)?),
    }
}

fn matcher_of(o: &Obj) -> PyResult<Matcher<'_>> {
    if exceptions::is_exception_class(o) {
        return Ok(Matcher::Type(o));
    }
    if let Some(t) = o.downcast::<TupleObj>() {
        if t.as_slice().iter().all(|x| exceptions::is_exception_class(x)) {
            return Ok(Matcher::Type(o));
        }
    }
    if o.class().call.get().is_some() && !o.isa::<TypeObj>() {
        return Ok(Matcher::Pred(o));
    }
    Err(PyErr::type_error("expected a function, exception type or tuple of exception types"))
}

/// `eg.derive(excs)` then copy the metadata CPython copies.
fn derive_with(eg: &Obj, excs: Vec<PyRef>) -> PyResult {
    let derive = ops::getattr_str(eg, "derive")?;
    let list = crate::types::list::new_list(excs);
    let new = ops::call1(&derive, &list)?;
    if let (Some(src), Some(dst)) = (eg.downcast::<ExceptionObj>(), new.downcast::<ExceptionObj>()) {
        dst.set_traceback(src.traceback());
        dst.set_context(src.context());
        if let Some(c) = src.cause() {
            dst.set_cause(Some(c));
        }
        dst.suppress_context.set(src.suppress_context.get());
        if let Some(notes) = ops::lookup_attr(eg, "__notes__")? {
            ops::setattr_str(&new, "__notes__", &notes)?;
        }
    }
    Ok(new)
}

/// Splits `eg` by `m`: (matching part, rest), either may be None.
fn split(eg: &Obj, m: &Matcher) -> PyResult<(Option<PyRef>, Option<PyRef>)> {
    if matches(m, eg)? {
        return Ok((Some(eg.to_owned()), None));
    }
    let is_group = eg.class().is_subtype(&exceptions::BASE_EXCEPTION_GROUP);
    if !is_group {
        return Ok((None, Some(eg.to_owned())));
    }
    let (_, excs) = parts(eg);
    let mut mv = Vec::new();
    let mut rv = Vec::new();
    for e in &excs {
        let (a, b) = split(e, m)?;
        if let Some(a) = a {
            mv.push(a);
        }
        if let Some(b) = b {
            rv.push(b);
        }
    }
    let mpart = if mv.is_empty() { None } else { Some(derive_with(eg, mv)?) };
    let rpart = if rv.is_empty() { None } else { Some(derive_with(eg, rv)?) };
    Ok((mpart, rpart))
}

fn m_split(a: Args) -> PyResult {
    let [s, cond] = crate::util::args::exact::<2>(a, "split")?;
    let m = matcher_of(cond)?;
    let (x, y) = split(s, &m)?;
    Ok(new_tuple(vec![x.unwrap_or_else(none), y.unwrap_or_else(none)]))
}

fn m_subgroup(a: Args) -> PyResult {
    let [s, cond] = crate::util::args::exact::<2>(a, "subgroup")?;
    let m = matcher_of(cond)?;
    Ok(split(s, &m)?.0.unwrap_or_else(none))
}

fn m_derive(a: Args) -> PyResult {
    let [s, excs] = crate::util::args::exact::<2>(a, "derive")?;
    let (msg, _) = parts(s);
    ops::call(exceptions::BASE_EXCEPTION_GROUP.as_obj_ref(), &[&msg, excs], None)
}

fn g_message(o: &Obj) -> PyResult {
    Ok(parts(o).0)
}
fn g_exceptions(o: &Obj) -> PyResult {
    Ok(new_tuple(parts(o).1))
}

pub static METHODS: &[crate::types::typeobj::MethodDef] = &[
    crate::types::typeobj::MethodDef::method("split", m_split),
    crate::types::typeobj::MethodDef::method("subgroup", m_subgroup),
    crate::types::typeobj::MethodDef::method("derive", m_derive),
    crate::types::typeobj::MethodDef::class("__class_getitem__", crate::types::genericalias::class_getitem),
];
pub static GETSETS: &[crate::types::typeobj::GetSetDef] = &[
    crate::types::typeobj::GetSetDef::getter("message", g_message),
    crate::types::typeobj::GetSetDef::getter("exceptions", g_exceptions),
];

/// `CHECK_EG_MATCH`: `(rest, match)`.
pub fn eg_match(exc: &Obj, ty: &Obj) -> PyResult<(PyRef, PyRef)> {
    let valid = exceptions::is_exception_class(ty)
        || ty.downcast::<TupleObj>().is_some_and(|t| t.as_slice().iter().all(|x| exceptions::is_exception_class(x)));
    if !valid {
        return Err(PyErr::type_error("catching classes that do not inherit from BaseException is not allowed"));
    }
    let is_eg_type = |t: &Obj| t.downcast::<TypeObj>().is_some_and(|t| t.is_subtype(&exceptions::BASE_EXCEPTION_GROUP));
    if is_eg_type(ty) || ty.downcast::<TupleObj>().is_some_and(|t| t.as_slice().iter().any(|x| is_eg_type(x))) {
        return Err(PyErr::type_error("catching ExceptionGroup with except* is not allowed. Use except instead."));
    }
    if exc.is_none() {
        return Ok((none(), none()));
    }
    if ops::isinstance(exc, ty)? {
        // A naked exception matching is wrapped in a group.
        let matched = if exc.class().is_subtype(&exceptions::BASE_EXCEPTION_GROUP) {
            exc.to_owned()
        } else {
            let g = ops::call(
                exceptions::BASE_EXCEPTION_GROUP.as_obj_ref(),
                &[&crate::types::str::new_str(""), &new_tuple(vec![exc.to_owned()])],
                None,
            )?;
            if let (Some(src), Some(dst)) = (exc.downcast::<ExceptionObj>(), g.downcast::<ExceptionObj>()) {
                dst.set_traceback(src.traceback());
            }
            g
        };
        return Ok((none(), matched));
    }
    if exc.class().is_subtype(&exceptions::BASE_EXCEPTION_GROUP) {
        let (m, r) = split(exc, &Matcher::Type(ty))?;
        if let Some(m) = m {
            return Ok((r.unwrap_or_else(none), m));
        }
    }
    Ok((exc.to_owned(), none()))
}

fn leaf_ids(e: &Obj, out: &mut Vec<usize>) {
    if e.class().is_subtype(&exceptions::BASE_EXCEPTION_GROUP) {
        for x in parts(e).1 {
            leaf_ids(&x, out);
        }
    } else {
        out.push(e.as_ptr() as usize);
    }
}

/// Keeps the leaves of `eg` whose identity is in `keep`.
fn project(eg: &Obj, keep: &[usize]) -> PyResult<Option<PyRef>> {
    if !eg.class().is_subtype(&exceptions::BASE_EXCEPTION_GROUP) {
        return Ok(if keep.contains(&(eg.as_ptr() as usize)) { Some(eg.to_owned()) } else { None });
    }
    let mut kept = Vec::new();
    for x in parts(eg).1 {
        if let Some(k) = project(&x, keep)? {
            kept.push(k);
        }
    }
    if kept.is_empty() {
        return Ok(None);
    }
    Ok(Some(derive_with(eg, kept)?))
}

/// `PREP_RERAISE_STAR`: what to re-raise after the `except*` clauses ran.
pub fn prep_reraise_star(orig: &Obj, list: &Obj) -> PyResult {
    let raised: Vec<PyRef> =
        list.downcast::<ListObj>().expect("list").to_vec().into_iter().filter(|e| !e.is_none()).collect();
    if raised.is_empty() {
        return Ok(none());
    }
    if !orig.class().is_subtype(&exceptions::BASE_EXCEPTION_GROUP) {
        // A naked exception: at most one clause ran; re-raise what it raised.
        return Ok(raised.into_iter().next().unwrap_or_else(none));
    }
    let mut orig_leaves = Vec::new();
    leaf_ids(orig, &mut orig_leaves);
    let mut reraised_leaves = Vec::new();
    let mut new_raised = Vec::new();
    for e in &raised {
        let mut leaves = Vec::new();
        leaf_ids(e, &mut leaves);
        if leaves.iter().all(|l| orig_leaves.contains(l)) {
            reraised_leaves.extend(leaves);
        } else {
            new_raised.push(e.clone());
        }
    }
    let reraised_eg = project(orig, &reraised_leaves)?;
    let mut all: Vec<PyRef> = new_raised;
    if let Some(r) = reraised_eg {
        all.push(r);
    }
    if all.len() == 1 {
        return Ok(all.pop().unwrap_or_else(none));
    }
    ops::call(exceptions::BASE_EXCEPTION_GROUP.as_obj_ref(), &[&crate::types::str::new_str(""), &new_tuple(all)], None)
}

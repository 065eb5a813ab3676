//! The `_contextvars` module under the host's `contextvars.py`: context
//! variables (`ContextVar`), the mappings of their values (`Context`) and the
//! `Token`s that `ContextVar.set` returns for `reset`.
//!
//! A `Context` holds its values in a dict that is never changed once
//! installed: `ContextVar.set` and `reset` install a modified copy, so
//! `copy()` snapshots, views and iterators over an old dict are unaffected
//! (CPython gets the same from an immutable mapping). The current context
//! belongs to the interpreter thread; it is created empty on first use.

use std::cell::Cell;

use crate::object::{Obj, PyCell, PyPayload, PyRef, Static};
use crate::ops;
use crate::runtime::{PyErr, PyResult};
use crate::types::dict::{new_dict, DictObj};
use crate::types::exceptions::LOOKUP_ERROR;
use crate::types::module::{new_module, ModuleObj};
use crate::types::str::{from_string, StrObj};
use crate::types::typeobj::{Args, GetSetDef, MethodDef, TypeObj};
use crate::types::{new_bool, none, not_implemented};
use crate::util::args;
use ember_compiler::bytecode::CompareOp;

/// The current context of the interpreter thread.
static CURRENT: Static<PyCell<Option<PyRef>>> = Static(PyCell::new(None));

// --- Context -------------------------------------------------------------------

#[repr(C)]
pub struct ContextObj {
    pub ob: Obj,
    /// var -> value; replaced, never mutated.
    vars: PyCell<PyRef>,
    /// The context that was current when `run` entered this one.
    prev: PyCell<Option<PyRef>>,
    entered: Cell<bool>,
}

// SAFETY: `#[repr(C)]` starting with `Obj`.
unsafe impl PyPayload for ContextObj {
    fn class() -> &'static TypeObj {
        &CONTEXT_TYPE
    }
}

fn new_context(vars: PyRef) -> PyRef {
    let t = &CONTEXT_TYPE.0;
    crate::object::alloc::alloc_object(
        t,
        ContextObj { ob: Obj::new(t), vars: PyCell::new(vars), prev: PyCell::new(None), entered: Cell::new(false) },
        0,
    )
}

fn context(o: &Obj) -> PyResult<&ContextObj> {
    o.downcast::<ContextObj>().ok_or_else(|| {
        PyErr::type_error(format!(
            "descriptor requires a '_contextvars.Context' object but received '{}'",
            o.class().name()
        ))
    })
}

fn dict(o: &Obj) -> &DictObj {
    o.downcast::<DictObj>().expect("context vars are a dict")
}

/// The current context, made (empty) if there is none yet.
fn current() -> PyRef {
    if let Some(c) = CURRENT.get_clone() {
        return c;
    }
    let c = new_context(new_dict());
    let old = CURRENT.replace(Some(c.clone()));
    drop(old);
    c
}

/// The values of the current context.
fn current_vars() -> PyRef {
    match CURRENT.get_clone() {
        Some(c) => context(&c).map(|c| c.vars.get_clone()).unwrap_or_else(|_| new_dict()),
        None => new_dict(),
    }
}

fn check_var_key(key: &Obj) -> PyResult<()> {
    if key.isa::<ContextVarObj>() {
        return Ok(());
    }
    Err(PyErr::type_error(format!(
        "a ContextVar key was expected, got {}",
        ops::repr(key)?.downcast::<StrObj>().map_or("?", |s| s.as_str())
    )))
}

fn context_new(_t: &TypeObj, a: Args) -> PyResult {
    if !a.all.is_empty() {
        return Err(PyErr::type_error("Context() does not accept any arguments"));
    }
    Ok(new_context(new_dict()))
}

fn m_run(a: Args) -> PyResult {
    let ctx_obj = a.all.first().copied().ok_or_else(|| PyErr::type_error("run() needs a Context"))?;
    let ctx = context(ctx_obj)?;
    if a.nargs < 2 {
        return Err(PyErr::type_error("run() missing 1 required positional argument"));
    }
    if ctx.entered.get() {
        let r = ops::repr(ctx_obj)?;
        let r = r.downcast::<StrObj>().map_or("", |s| s.as_str()).to_string();
        return Err(PyErr::runtime_error(format!("cannot enter context: {r} is already entered")));
    }
    let prev = CURRENT.replace(Some(ctx_obj.to_owned()));
    let old = ctx.prev.replace(prev);
    drop(old);
    ctx.entered.set(true);
    let result = ops::call(a.all[1], &a.all[2..], a.kwnames);
    ctx.entered.set(false);
    let prev = ctx.prev.replace(None);
    let mine = CURRENT.replace(prev);
    drop(mine);
    result
}

fn m_copy(a: Args) -> PyResult {
    let [s] = args::exact::<1>(a, "copy")?;
    let vars = context(s)?.vars.get_clone();
    Ok(new_context(dict(&vars).copy()))
}

fn m_get(a: Args) -> PyResult {
    let [s, key, default] = args::parse(a, "get", &["self", "key", "default", "/"], 2)?;
    let (Some(s), Some(key)) = (s, key) else {
        return Err(PyErr::type_error("get expected at least 1 argument, got 0"));
    };
    check_var_key(key)?;
    let vars = context(s)?.vars.get_clone();
    Ok(dict(&vars).get_item(key)?.unwrap_or_else(|| default.map_or_else(none, |d| d.to_owned())))
}

fn view(a: Args, name: &str) -> PyResult {
    let [s] = args::exact::<1>(a, name)?;
    let vars = context(s)?.vars.get_clone();
    ops::call_method(&vars, name, &[])
}

fn m_keys(a: Args) -> PyResult {
    view(a, "keys")
}

fn m_values(a: Args) -> PyResult {
    view(a, "values")
}

fn m_items(a: Args) -> PyResult {
    view(a, "items")
}

fn context_getitem(o: &Obj, key: &Obj) -> PyResult {
    check_var_key(key)?;
    let vars = context(o)?.vars.get_clone();
    dict(&vars).get_item(key)?.ok_or_else(|| PyErr::key_error(key))
}

fn context_contains(o: &Obj, key: &Obj) -> PyResult<bool> {
    check_var_key(key)?;
    let vars = context(o)?.vars.get_clone();
    Ok(dict(&vars).get_item(key)?.is_some())
}

fn context_len(o: &Obj) -> PyResult<usize> {
    Ok(dict(&context(o)?.vars.get_clone()).len())
}

fn context_iter(o: &Obj) -> PyResult {
    let vars = context(o)?.vars.get_clone();
    ops::iter(&vars)
}

fn context_richcompare(a: &Obj, b: &Obj, op: CompareOp) -> PyResult {
    let (Some(x), Some(y)) = (a.downcast::<ContextObj>(), b.downcast::<ContextObj>()) else {
        return Ok(not_implemented());
    };
    if !matches!(op, CompareOp::Eq | CompareOp::Ne) {
        return Ok(not_implemented());
    }
    let eq = ops::richcompare_bool(&x.vars.get_clone(), &y.vars.get_clone(), CompareOp::Eq)?;
    Ok(new_bool(eq == matches!(op, CompareOp::Eq)))
}

fn context_traverse(o: &Obj, visit: &mut dyn FnMut(&Obj)) {
    if let Some(c) = o.downcast::<ContextObj>() {
        c.vars.with(|v| visit(v));
        c.prev.with(|p| p.iter().for_each(|p| visit(p)));
    }
}

fn context_clear(o: &Obj) {
    if let Some(c) = o.downcast::<ContextObj>() {
        let old = c.vars.replace(new_dict());
        let prev = c.prev.replace(None);
        drop((old, prev));
    }
}

static CONTEXT_METHODS: &[MethodDef] = &[
    MethodDef::method("run", m_run),
    MethodDef::method("copy", m_copy),
    MethodDef::method("get", m_get),
    MethodDef::method("keys", m_keys),
    MethodDef::method("values", m_values),
    MethodDef::method("items", m_items),
];

crate::static_type! {
    pub static CONTEXT_TYPE: ContextObj = "_contextvars.Context" {
        module: "_contextvars",
        flags: HAVE_GC | MAPPING,
        methods: CONTEXT_METHODS,
        slots: {
            new: context_new, getitem: context_getitem, contains: context_contains, len: context_len,
            iter: context_iter, richcompare: context_richcompare, hash: crate::types::object::hash_not_implemented,
            traverse: context_traverse, clear: context_clear,
        },
    }
}

// --- ContextVar ------------------------------------------------------------------

#[repr(C)]
pub struct ContextVarObj {
    pub ob: Obj,
    name: PyRef,
    default: PyCell<Option<PyRef>>,
}

// SAFETY: `#[repr(C)]` starting with `Obj`.
unsafe impl PyPayload for ContextVarObj {
    fn class() -> &'static TypeObj {
        &CONTEXTVAR_TYPE
    }
}

fn var(o: &Obj) -> PyResult<&ContextVarObj> {
    o.downcast::<ContextVarObj>().ok_or_else(|| {
        PyErr::type_error(format!(
            "descriptor requires a '_contextvars.ContextVar' object but received '{}'",
            o.class().name()
        ))
    })
}

fn contextvar_new(t: &TypeObj, a: Args) -> PyResult {
    if a.nargs > 1 {
        return Err(PyErr::type_error(format!("ContextVar() takes at most 1 positional argument ({} given)", a.nargs)));
    }
    let mut name = a.all[..a.nargs].first().copied();
    let mut default = None;
    for (i, k) in a.kwnames.map(|k| k.as_slice()).unwrap_or_default().iter().enumerate() {
        let v = a.all[a.nargs + i];
        match k.downcast::<StrObj>().map(|s| s.as_str()) {
            Some("name") if name.is_none() => name = Some(v),
            Some("name") => {
                return Err(PyErr::type_error("argument for ContextVar() given by name ('name') and position (1)"))
            }
            Some("default") => default = Some(v),
            other => {
                return Err(PyErr::type_error(format!(
                    "'{}' is an invalid keyword argument for ContextVar()",
                    other.unwrap_or("")
                )))
            }
        }
    }
    let Some(name) = name else {
        return Err(PyErr::type_error("ContextVar() takes exactly 1 positional argument (0 given)"));
    };
    if !name.isa::<StrObj>() {
        return Err(PyErr::type_error("context variable name must be a str"));
    }
    Ok(crate::object::alloc::alloc_object(
        t,
        ContextVarObj { ob: Obj::new(t), name: name.to_owned(), default: PyCell::new(default.map(|d| d.to_owned())) },
        0,
    ))
}

fn m_var_get(a: Args) -> PyResult {
    let [s, default] = args::parse(a, "get", &["self", "default", "/"], 1)?;
    let s = s.ok_or_else(|| PyErr::type_error("get needs a ContextVar"))?;
    let v = var(s)?;
    if let Some(x) = dict(&current_vars()).get_item(s)? {
        return Ok(x);
    }
    if let Some(d) = default {
        return Ok(d.to_owned());
    }
    if let Some(d) = v.default.get_clone() {
        return Ok(d);
    }
    Err(PyErr::with_arg(&LOOKUP_ERROR, Some(s.to_owned())))
}

/// Installs `vars` as the values of `ctx`.
fn install(ctx: &ContextObj, vars: PyRef) {
    let old = ctx.vars.replace(vars);
    drop(old);
}

fn m_var_set(a: Args) -> PyResult {
    if a.kwnames.is_some_and(|k| !k.is_empty()) {
        return Err(PyErr::type_error("ContextVar.set() takes no keyword arguments"));
    }
    if a.nargs != 2 {
        return Err(PyErr::type_error(format!(
            "ContextVar.set() takes exactly one argument ({} given)",
            a.nargs.saturating_sub(1)
        )));
    }
    let (s, value) = (a.all[0], a.all[1]);
    var(s)?;
    let ctx_obj = current();
    let ctx = context(&ctx_obj)?;
    let vars = ctx.vars.get_clone();
    let old_value = dict(&vars).get_item(s)?;
    let new_vars = dict(&vars).copy();
    dict(&new_vars).set_item(s, value.to_owned())?;
    install(ctx, new_vars);
    Ok(new_token(ctx_obj, s.to_owned(), old_value))
}

fn m_var_reset(a: Args) -> PyResult {
    let [s, token] = args::exact::<2>(a, "reset")?;
    var(s)?;
    let Some(t) = token.downcast::<TokenObj>().filter(|_| token.class().is(&TOKEN_TYPE)) else {
        let r = ops::repr(token)?;
        return Err(PyErr::type_error(format!(
            "expected an instance of Token, got {}",
            r.downcast::<StrObj>().map_or("", |s| s.as_str())
        )));
    };
    let token_repr = || -> PyResult<String> {
        let r = ops::repr(token)?;
        Ok(r.downcast::<StrObj>().map_or("", |s| s.as_str()).to_string())
    };
    if t.used.get() {
        return Err(PyErr::runtime_error(format!("{} has already been used once", token_repr()?)));
    }
    if !t.var.is(s) {
        return Err(PyErr::value_error(format!("{} was created by a different ContextVar", token_repr()?)));
    }
    let ctx_obj = current();
    if !t.ctx.is(&ctx_obj) {
        return Err(PyErr::value_error(format!("{} was created in a different Context", token_repr()?)));
    }
    t.used.set(true);
    let ctx = context(&ctx_obj)?;
    let new_vars = dict(&ctx.vars.get_clone()).copy();
    match t.old_value.get_clone() {
        Some(old) => dict(&new_vars).set_item(s, old)?,
        None => drop(dict(&new_vars).del_item(s)?),
    }
    install(ctx, new_vars);
    Ok(none())
}

fn contextvar_repr(o: &Obj) -> PyResult {
    let v = var(o)?;
    let name = ops::repr(&v.name)?;
    let name = name.downcast::<StrObj>().map_or("", |s| s.as_str()).to_string();
    let default = match v.default.get_clone() {
        Some(d) => {
            let r = ops::repr(&d)?;
            format!(" default={}", r.downcast::<StrObj>().map_or("", |s| s.as_str()))
        }
        None => String::new(),
    };
    Ok(from_string(format!("<ContextVar name={name}{default} at {:#x}>", o.as_ptr() as usize)))
}

fn contextvar_hash(o: &Obj) -> PyResult<i64> {
    // Stable for the variable's life, like CPython's (name hash mixed with identity).
    let v = var(o)?;
    let h = ops::hash(&v.name)? ^ ((o.as_ptr() as usize as i64) >> 4);
    Ok(if h == -1 { -2 } else { h })
}

fn g_var_name(o: &Obj) -> PyResult {
    Ok(var(o)?.name.clone())
}

fn contextvar_traverse(o: &Obj, visit: &mut dyn FnMut(&Obj)) {
    if let Some(v) = o.downcast::<ContextVarObj>() {
        visit(&v.name);
        v.default.with(|d| d.iter().for_each(|d| visit(d)));
    }
}

fn contextvar_clear(o: &Obj) {
    if let Some(v) = o.downcast::<ContextVarObj>() {
        let old = v.default.replace(None);
        drop(old);
    }
}

static CONTEXTVAR_METHODS: &[MethodDef] = &[
    MethodDef::method("get", m_var_get),
    MethodDef::method("set", m_var_set),
    MethodDef::method("reset", m_var_reset),
    MethodDef::class("__class_getitem__", crate::types::genericalias::class_getitem),
];

static CONTEXTVAR_GETSETS: &[GetSetDef] = &[GetSetDef::getter("name", g_var_name)];

crate::static_type! {
    pub static CONTEXTVAR_TYPE: ContextVarObj = "_contextvars.ContextVar" {
        module: "_contextvars",
        flags: HAVE_GC,
        methods: CONTEXTVAR_METHODS,
        getsets: CONTEXTVAR_GETSETS,
        slots: {
            new: contextvar_new, repr: contextvar_repr, hash: contextvar_hash,
            traverse: contextvar_traverse, clear: contextvar_clear,
        },
    }
}

// --- Token ---------------------------------------------------------------------------

#[repr(C)]
pub struct TokenObj {
    pub ob: Obj,
    ctx: PyRef,
    var: PyRef,
    /// None: the variable had no value (`Token.MISSING`).
    old_value: PyCell<Option<PyRef>>,
    used: Cell<bool>,
}

// SAFETY: `#[repr(C)]` starting with `Obj`.
unsafe impl PyPayload for TokenObj {
    fn class() -> &'static TypeObj {
        &TOKEN_TYPE
    }
}

fn new_token(ctx: PyRef, var: PyRef, old_value: Option<PyRef>) -> PyRef {
    let t = &TOKEN_TYPE.0;
    crate::object::alloc::alloc_object(
        t,
        TokenObj { ob: Obj::new(t), ctx, var, old_value: PyCell::new(old_value), used: Cell::new(false) },
        0,
    )
}

fn token(o: &Obj) -> PyResult<&TokenObj> {
    o.downcast::<TokenObj>().ok_or_else(|| {
        PyErr::type_error(format!(
            "descriptor requires a '_contextvars.Token' object but received '{}'",
            o.class().name()
        ))
    })
}

fn token_new(_t: &TypeObj, _a: Args) -> PyResult {
    Err(PyErr::runtime_error("Tokens can only be created by ContextVars"))
}

fn token_repr(o: &Obj) -> PyResult {
    let t = token(o)?;
    let v = ops::repr(&t.var)?;
    Ok(from_string(format!(
        "<Token{} var={} at {:#x}>",
        if t.used.get() { " used" } else { "" },
        v.downcast::<StrObj>().map_or("", |s| s.as_str()),
        o.as_ptr() as usize
    )))
}

fn g_token_var(o: &Obj) -> PyResult {
    Ok(token(o)?.var.clone())
}

fn g_token_old_value(o: &Obj) -> PyResult {
    Ok(token(o)?.old_value.get_clone().unwrap_or_else(missing))
}

fn token_traverse(o: &Obj, visit: &mut dyn FnMut(&Obj)) {
    if let Some(t) = o.downcast::<TokenObj>() {
        visit(&t.ctx);
        visit(&t.var);
        t.old_value.with(|d| d.iter().for_each(|d| visit(d)));
    }
}

fn token_clear(o: &Obj) {
    if let Some(t) = o.downcast::<TokenObj>() {
        let old = t.old_value.replace(None);
        drop(old);
    }
}

static TOKEN_METHODS: &[MethodDef] =
    &[MethodDef::class("__class_getitem__", crate::types::genericalias::class_getitem)];

static TOKEN_GETSETS: &[GetSetDef] =
    &[GetSetDef::getter("var", g_token_var), GetSetDef::getter("old_value", g_token_old_value)];

crate::static_type! {
    pub static TOKEN_TYPE: TokenObj = "_contextvars.Token" {
        module: "_contextvars",
        flags: HAVE_GC,
        methods: TOKEN_METHODS,
        getsets: TOKEN_GETSETS,
        slots: { new: token_new, repr: token_repr, traverse: token_traverse, clear: token_clear },
    }
}

// --- Token.MISSING ---------------------------------------------------------------------

#[repr(C)]
pub struct MissingObj {
    pub ob: Obj,
}

// SAFETY: `#[repr(C)]` starting with `Obj`.
unsafe impl PyPayload for MissingObj {
    fn class() -> &'static TypeObj {
        &MISSING_TYPE
    }
}

fn missing_repr(_o: &Obj) -> PyResult {
    Ok(crate::types::str::new_str("<Token.MISSING>"))
}

crate::static_type! {
    pub static MISSING_TYPE: MissingObj = "Token.MISSING" {
        flags: READY,
        slots: { repr: missing_repr },
    }
}

/// The `Token.MISSING` marker (one object for the process).
static MISSING: Static<PyCell<Option<PyRef>>> = Static(PyCell::new(None));

fn missing() -> PyRef {
    if let Some(m) = MISSING.get_clone() {
        return m;
    }
    let t = &MISSING_TYPE.0;
    let m = crate::object::alloc::alloc_object(t, MissingObj { ob: Obj::new(t) }, 0);
    let old = MISSING.replace(Some(m.clone()));
    drop(old);
    m
}

// --- module ------------------------------------------------------------------------------

fn f_copy_context(a: Args) -> PyResult {
    args::exact_fn::<0>(a, "copy_context")?;
    Ok(new_context(dict(&current_vars()).copy()))
}

static FUNCS: &[MethodDef] = &[MethodDef::method("copy_context", f_copy_context)];

pub fn types() -> Vec<&'static TypeObj> {
    vec![&CONTEXT_TYPE.0, &CONTEXTVAR_TYPE.0, &TOKEN_TYPE.0, &MISSING_TYPE.0]
}

pub fn init() -> PyResult<PyRef> {
    let m = new_module("_contextvars");
    let mo = m.downcast::<ModuleObj>().ok_or_else(|| PyErr::system_error("module"))?;
    mo.add_functions(&m, FUNCS);
    mo.set_attr("Context", CONTEXT_TYPE.as_obj_ref().to_owned());
    mo.set_attr("ContextVar", CONTEXTVAR_TYPE.as_obj_ref().to_owned());
    mo.set_attr("Token", TOKEN_TYPE.as_obj_ref().to_owned());
    if TOKEN_TYPE.lookup_str("MISSING").is_none() {
        let d = TOKEN_TYPE.dict();
        dict(&d).set_by_str("MISSING", missing());
        TOKEN_TYPE.modified();
    }
    Ok(m)
}

//! Generators, coroutines and async generators. Each owns its frame
//! ([`GenFrame`]) and resumes it with a nested eval-loop invocation.

use std::cell::Cell;

use ember_compiler::bytecode::Opcode;
use ember_compiler::code::code_flags;

use crate::eval::frame::{FramePtr, GenFrame};
use crate::eval::interp::{run, Exit};
use crate::object::{AsObj, Obj, PyCell, PyPayload, PyRef};
use crate::ops;
use crate::runtime::{ts, PyErr, PyResult};
use crate::types::code::CodeObj;
use crate::types::exceptions::{self, ExceptionObj};
use crate::types::str::from_string;
use crate::types::typeobj::{Args, GetSetDef, MethodDef, TypeObj};
use crate::types::{new_bool, none};
use crate::util::args;

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum GenKind {
    Generator,
    Coroutine,
    AsyncGenerator,
}

#[repr(C)]
pub struct GenObj {
    pub ob: Obj,
    frame: PyCell<Option<GenFrame>>,
    code: PyRef,
    name: PyCell<PyRef>,
    qualname: PyCell<PyRef>,
    kind: GenKind,
    running: Cell<bool>,
    exc_state: PyCell<Option<PyRef>>,
    /// Async generators: an asend/athrow is in progress.
    ag_running: Cell<bool>,
    ag_closed: Cell<bool>,
}

// SAFETY: `#[repr(C)]` starting with `Obj`; the three generator types share it.
unsafe impl PyPayload for GenObj {
    fn class() -> &'static TypeObj {
        &GENERATOR_TYPE
    }
}

impl Obj {
    fn as_gen(&self) -> Option<&GenObj> {
        let t = self.class();
        if t.is(&GENERATOR_TYPE) || t.is(&COROUTINE_TYPE) || t.is(&ASYNC_GENERATOR_TYPE) {
            // SAFETY: the three generator types use the GenObj layout.
            Some(unsafe { self.downcast_unchecked::<GenObj>() })
        } else {
            None
        }
    }
}

impl GenObj {
    pub fn is_coroutine(&self) -> bool {
        self.kind == GenKind::Coroutine
    }
    fn frame_ptr(&self) -> Option<FramePtr> {
        self.frame.with(|f| f.as_ref().map(|f| f.ptr()))
    }
    fn finish(&self) {
        let old = self.frame.take();
        drop(old);
    }
    fn kind_name(&self) -> &'static str {
        match self.kind {
            GenKind::Generator => "generator",
            GenKind::Coroutine => "coroutine",
            GenKind::AsyncGenerator => "async generator",
        }
    }
    /// The delegate of a suspended `yield from` / `await`, if any.
    fn yield_from(&self) -> Option<PyRef> {
        let fp = self.frame_ptr()?;
        let lasti = fp.lasti();
        if lasti < 0 {
            return None;
        }
        let code = fp.code();
        let word = *code.code.get(lasti as usize)?;
        if word as u8 == Opcode::YIELD_VALUE as u8 && (word >> 8) == 1 && fp.depth() > 0 {
            return fp.peek(1).map(|o| o.to_owned());
        }
        None
    }
}

impl Obj {
    /// Whether this object is a generator-like object (for `downcast`).
    pub fn is_gen(&self) -> bool {
        self.as_gen().is_some()
    }
}

/// `downcast::<GenObj>()` that accepts all three generator types.
pub fn as_gen(o: &Obj) -> Option<&GenObj> {
    o.as_gen()
}

/// Creates the generator object for a call of a generator function.
pub fn new_generator(frame: GenFrame, func: &Obj, code: &CodeObj) -> PyRef {
    let (kind, ty): (GenKind, &TypeObj) = if code.flags & code_flags::COROUTINE != 0 {
        (GenKind::Coroutine, &COROUTINE_TYPE)
    } else if code.flags & code_flags::ASYNC_GENERATOR != 0 {
        (GenKind::AsyncGenerator, &ASYNC_GENERATOR_TYPE)
    } else {
        (GenKind::Generator, &GENERATOR_TYPE)
    };
    let f = func.downcast::<crate::types::function::FunctionObj>().expect("function");
    let g = GenObj {
        ob: Obj::new(ty),
        frame: PyCell::new(Some(frame)),
        code: f.code(),
        name: PyCell::new(f.name.get_clone()),
        qualname: PyCell::new(f.qualname.get_clone()),
        kind,
        running: Cell::new(false),
        exc_state: PyCell::new(None),
        ag_running: Cell::new(false),
        ag_closed: Cell::new(false),
    };
    crate::object::alloc::alloc_object(ty, g, 0)
}

/// Resumes a generator with a sent value (or an exception to raise at its
/// suspension point). Yield and return are reported as [`Exit`].
pub fn gen_send_ex(g: &GenObj, gobj: &Obj, value: Option<PyRef>, throw: Option<PyErr>) -> PyResult<Exit> {
    if g.running.get() {
        return Err(PyErr::value_error(format!("{} already executing", g.kind_name())));
    }
    let Some(fp) = g.frame_ptr() else {
        if let Some(e) = throw {
            return Err(e);
        }
        if g.kind == GenKind::Coroutine {
            return Err(PyErr::runtime_error("cannot reuse already awaited coroutine"));
        }
        return Ok(Exit::Return(none()));
    };
    let started = fp.lasti() >= 0;
    if throw.is_none() {
        let v = value.unwrap_or_else(none);
        if !started {
            if !v.is_none() {
                return Err(PyErr::type_error(format!(
                    "can't send non-None value to a just-started {}",
                    g.kind_name()
                )));
            }
        } else {
            fp.push(v);
        }
    } else if !started {
        if let Some(e) = throw {
            // Throwing into an unstarted generator raises at its first line.
            g.finish();
            return Err(e);
        }
    }
    // A running generator frame counts towards the recursion limit, as a
    // called function's does (a `yield from` chain resumes every level).
    let t = ts();
    let depth = t.depth.get() + 1;
    if depth > t.recursion_limit() {
        if let Some(e) = throw {
            drop(e);
        }
        return Err(PyErr::new(&exceptions::RECURSION_ERROR, "maximum recursion depth exceeded"));
    }
    let _keep = gobj.to_owned();
    t.depth.set(depth);
    g.running.set(true);
    t.push_handled(g.exc_state.take());
    let r = run(fp, throw);
    g.exc_state.set_opt(t.pop_handled());
    g.running.set(false);
    t.depth.set(t.depth.get().saturating_sub(1));
    fp.set_previous(None);
    match r {
        Ok(Exit::Yield(v)) => Ok(Exit::Yield(v)),
        Ok(Exit::Return(v)) => {
            g.finish();
            Ok(Exit::Return(v))
        }
        Err(e) => {
            g.finish();
            Err(convert_stop(g, e))
        }
    }
}

/// PEP 479: StopIteration escaping a generator becomes RuntimeError.
fn convert_stop(g: &GenObj, e: PyErr) -> PyErr {
    let msg = if e.matches(&exceptions::STOP_ITERATION) {
        format!("{} raised StopIteration", g.kind_name())
    } else if g.kind == GenKind::AsyncGenerator && e.matches(&exceptions::STOP_ASYNC_ITERATION) {
        "async generator raised StopAsyncIteration".to_string()
    } else {
        return e;
    };
    let new = PyErr::runtime_error(msg);
    ExceptionObj::set_cause_of(new.exc(), e.exc().to_owned());
    if let Some(x) = new.exc().downcast::<ExceptionObj>() {
        x.set_context(Some(e.into_exc()));
    }
    new
}

/// `next(gen)` / `gen.send(v)` as a value: Ok(Some(v)) yielded, Ok(None) with
/// the return value in StopIteration raised as an error.
fn send_value(gobj: &Obj, v: Option<PyRef>) -> PyResult {
    let g = gobj.as_gen().expect("generator");
    match gen_send_ex(g, gobj, v, None)? {
        Exit::Yield(y) => Ok(y),
        Exit::Return(r) => Err(stop_with(g, r)),
    }
}

fn stop_with(g: &GenObj, r: PyRef) -> PyErr {
    if g.kind == GenKind::AsyncGenerator {
        return PyErr::with_arg(&exceptions::STOP_ASYNC_ITERATION, None);
    }
    PyErr::stop_iteration(if r.is_none() { None } else { Some(r) })
}

/// `next()` of an exact generator without the iterator protocol's dispatch
/// (for compiled `for` loops): None when `o` is not one.
#[inline]
pub fn next_if_generator(o: &Obj) -> Option<PyResult<Option<PyRef>>> {
    if !o.class().is(&GENERATOR_TYPE) {
        return None;
    }
    let g = o.as_gen()?;
    // A return ends the loop whatever the value (next() would raise
    // StopIteration carrying it, which the loop swallows).
    Some(match gen_send_ex(g, o, None, None) {
        Ok(Exit::Yield(y)) => Ok(Some(y)),
        Ok(Exit::Return(_)) => Ok(None),
        Err(e) => Err(e),
    })
}

fn gen_iternext(o: &Obj) -> PyResult<Option<PyRef>> {
    let g = o.as_gen().expect("generator");
    match gen_send_ex(g, o, None, None)? {
        Exit::Yield(y) => Ok(Some(y)),
        Exit::Return(r) => {
            if r.is_none() {
                Ok(None)
            } else {
                Err(PyErr::stop_iteration(Some(r)))
            }
        }
    }
}

fn m_send(a: Args) -> PyResult {
    let [s, v] = args::exact::<2>(a, "send")?;
    send_value(s, Some(v.to_owned()))
}

/// Normalises `throw(typ, val, tb)` arguments into an exception.
fn make_throw_exc(typ: &Obj, val: Option<&Obj>, tb: Option<&Obj>) -> PyResult<PyErr> {
    let tb = tb.filter(|t| !t.is_none());
    if let Some(t) = tb {
        if !t.isa::<crate::types::traceback::TracebackObj>() {
            return Err(PyErr::type_error("throw() third argument must be a traceback object"));
        }
    }
    let exc = if exceptions::is_exception_class(typ) {
        let made = match val.filter(|v| !v.is_none()) {
            Some(v) if v.isa::<ExceptionObj>() && v.class().is_subtype(typ.downcast::<TypeObj>().expect("type")) => {
                v.to_owned()
            }
            Some(v) => {
                if let Some(t) = v.downcast::<crate::types::tuple::TupleObj>() {
                    let refs: Vec<&Obj> = t.as_slice().iter().map(|r| &**r).collect();
                    ops::call(typ, &refs, None)?
                } else {
                    ops::call1(typ, v)?
                }
            }
            None => ops::call0(typ)?,
        };
        if !made.isa::<ExceptionObj>() {
            // As in CPython, this TypeError is what gets thrown into the generator.
            return Ok(PyErr::type_error(format!(
                "calling {} should have returned an instance of BaseException, not {}",
                ops::repr_string(typ)?,
                made.class().name()
            )));
        }
        made
    } else if typ.isa::<ExceptionObj>() {
        if val.is_some_and(|v| !v.is_none()) {
            return Err(PyErr::type_error("instance exception may not have a separate value"));
        }
        typ.to_owned()
    } else {
        return Err(PyErr::type_error(format!(
            "exceptions must be classes or instances deriving from BaseException, not {}",
            typ.class().name()
        )));
    };
    if let Some(t) = tb {
        if let Some(e) = exc.downcast::<ExceptionObj>() {
            e.set_traceback(Some(t.to_owned()));
        }
    }
    Ok(PyErr::from_exc(exc))
}

/// `gen.throw(exc)`, delegating to a `yield from` subiterator first.
pub fn gen_throw(gobj: &Obj, err: PyErr) -> PyResult<Exit> {
    let g = gobj.as_gen().expect("generator");
    if let Some(yf) = g.yield_from() {
        let delegate_result: Option<PyResult<PyRef>> = if err.matches(&exceptions::GENERATOR_EXIT) {
            // Close the subiterator, then raise GeneratorExit here.
            g.running.set(true);
            let r = close_delegate(&yf);
            g.running.set(false);
            if let Err(e) = r {
                return resume_with_error(g, gobj, e);
            }
            None
        } else if yf.as_gen().is_some() {
            g.running.set(true);
            let r = gen_throw(&yf, err_clone(&err));
            g.running.set(false);
            Some(match r {
                Ok(Exit::Yield(v)) => Ok(v),
                Ok(Exit::Return(v)) => Err(PyErr::stop_iteration(Some(v))),
                Err(e) => Err(e),
            })
        } else {
            match ops::lookup_attr(&yf, "throw")? {
                Some(meth) => {
                    g.running.set(true);
                    let exc = err.exc().to_owned();
                    let tb = exc.downcast::<ExceptionObj>().and_then(|e| e.traceback()).unwrap_or_else(none);
                    let r = ops::call(&meth, &[exc.class().as_obj_ref(), &exc, &tb], None);
                    g.running.set(false);
                    Some(r)
                }
                None => None,
            }
        };
        match delegate_result {
            None => {}
            Some(Ok(v)) => return Ok(Exit::Yield(v)),
            Some(Err(e)) => {
                // The delegate finished: leave the SEND loop with its result.
                let fp = g.frame_ptr().expect("suspended frame");
                drop(fp.pop_opt());
                let lasti = fp.lasti();
                let send_word = fp.code().code[(lasti - 1) as usize];
                fp.set_lasti((send_word >> 8) as i32 - 1);
                if e.matches(&exceptions::STOP_ITERATION) {
                    let v = e
                        .exc()
                        .downcast::<ExceptionObj>()
                        .and_then(|x| x.get_extra(exceptions::EXTRA_VALUE))
                        .unwrap_or_else(none);
                    return gen_send_ex(g, gobj, Some(v), None);
                }
                return resume_with_error(g, gobj, e);
            }
        }
    }
    resume_with_error(g, gobj, err)
}

fn resume_with_error(g: &GenObj, gobj: &Obj, e: PyErr) -> PyResult<Exit> {
    gen_send_ex(g, gobj, None, Some(e))
}

fn err_clone(e: &PyErr) -> PyErr {
    PyErr::from_exc(e.exc().to_owned())
}

fn close_delegate(yf: &Obj) -> PyResult<()> {
    if yf.as_gen().is_some() {
        return gen_close(yf);
    }
    if let Some(close) = ops::lookup_attr(yf, "close")? {
        ops::call0(&close)?;
    }
    Ok(())
}

fn m_throw(a: Args) -> PyResult {
    let [s, typ, val, tb] = args::parse(a, "throw", &["self", "typ", "val", "tb", "/"], 2)?;
    let s = s.expect("self");
    let err = make_throw_exc(typ.expect("typ"), val, tb)?;
    let g = s.as_gen().expect("generator");
    match gen_throw(s, err)? {
        Exit::Yield(v) => Ok(v),
        Exit::Return(r) => Err(stop_with(g, r)),
    }
}

/// `gen.close()`.
pub fn gen_close(gobj: &Obj) -> PyResult<()> {
    let g = gobj.as_gen().expect("generator");
    let Some(fp) = g.frame_ptr() else { return Ok(()) };
    if fp.lasti() < 0 || (g.kind == GenKind::Generator && !g.running.get() && exit_unhandled_at_yield(fp)) {
        g.finish();
        return Ok(());
    }
    let exit = PyErr::with_arg(&exceptions::GENERATOR_EXIT, None);
    match gen_throw(gobj, exit) {
        Ok(Exit::Yield(_)) => Err(PyErr::runtime_error(format!("{} ignored GeneratorExit", g.kind_name()))),
        Ok(Exit::Return(_)) => Ok(()),
        Err(e) if e.matches(&exceptions::GENERATOR_EXIT) || e.matches(&exceptions::STOP_ITERATION) => Ok(()),
        Err(e) => Err(e),
    }
}

/// Whether a generator suspended at a plain `yield` (not delegating to a
/// `yield from`) has no exception handler there: GeneratorExit thrown in would
/// leave the frame at once, so closing it just releases the frame, without
/// raising (or building a traceback for) an exception nobody sees.
fn exit_unhandled_at_yield(fp: FramePtr) -> bool {
    let code = fp.code();
    let lasti = fp.lasti();
    let plain_yield =
        code.code.get(lasti as usize).is_some_and(|w| *w as u8 == Opcode::YIELD_VALUE as u8 && (*w >> 8) == 0);
    plain_yield && code.handler_for(lasti as u32).is_none()
}

fn m_close(a: Args) -> PyResult {
    let [s] = args::exact::<1>(a, "close")?;
    gen_close(s)?;
    Ok(none())
}

/// Closes a suspended generator when it is reclaimed (its `finally` blocks run).
fn gen_finalize(o: &Obj) {
    let Some(g) = o.as_gen() else { return };
    let Some(fp) = g.frame_ptr() else { return };
    if fp.lasti() < 0 {
        return;
    }
    if g.kind == GenKind::Coroutine {
        // CPython warns "coroutine ... was never awaited" only for unstarted ones.
    }
    let saved = ts().take_raised_for_finalizer();
    if let Err(e) = gen_close(o) {
        crate::unraisable::write_unraisable(&e, "Exception ignored in", Some(o));
    }
    ts().restore_after_finalizer(saved);
}

fn gen_traverse(o: &Obj, visit: &mut dyn FnMut(&Obj)) {
    let g = o.as_gen().expect("generator");
    visit(&g.code);
    if let Some(fp) = g.frame_ptr() {
        if let Some(func) = fp.func() {
            visit(func);
        }
        for v in fp.locals_snapshot().iter().flatten() {
            visit(v);
        }
    }
}

fn gen_repr(o: &Obj) -> PyResult {
    let g = o.as_gen().expect("generator");
    let kind = match g.kind {
        GenKind::Generator => "generator",
        GenKind::Coroutine => "coroutine",
        GenKind::AsyncGenerator => "async_generator",
    };
    let q = g.qualname.with(|q| crate::types::str::StrObj::text(q).to_string());
    Ok(from_string(format!("<{kind} object {q} at {:#x}>", o.as_ptr() as usize)))
}

fn g_name(o: &Obj) -> PyResult {
    Ok(o.as_gen().expect("generator").name.get_clone())
}
fn s_name(o: &Obj, v: Option<&Obj>) -> PyResult<()> {
    match v {
        Some(v) if v.isa::<crate::types::str::StrObj>() => {
            o.as_gen().expect("generator").name.set_opt_ref(v.to_owned());
            Ok(())
        }
        _ => Err(PyErr::type_error("__name__ must be set to a string object")),
    }
}
fn g_qualname(o: &Obj) -> PyResult {
    Ok(o.as_gen().expect("generator").qualname.get_clone())
}
fn s_qualname(o: &Obj, v: Option<&Obj>) -> PyResult<()> {
    match v {
        Some(v) if v.isa::<crate::types::str::StrObj>() => {
            o.as_gen().expect("generator").qualname.set_opt_ref(v.to_owned());
            Ok(())
        }
        _ => Err(PyErr::type_error("__qualname__ must be set to a string object")),
    }
}
fn g_frame(o: &Obj) -> PyResult {
    let g = o.as_gen().expect("generator");
    Ok(match g.frame_ptr() {
        Some(fp) => crate::types::frame_obj::frame_object(fp),
        None => none(),
    })
}
fn g_running(o: &Obj) -> PyResult {
    Ok(new_bool(o.as_gen().expect("generator").running.get()))
}
fn g_suspended(o: &Obj) -> PyResult {
    let g = o.as_gen().expect("generator");
    Ok(new_bool(!g.running.get() && g.frame_ptr().is_some_and(|f| f.lasti() >= 0)))
}
fn g_code(o: &Obj) -> PyResult {
    Ok(o.as_gen().expect("generator").code.clone())
}
fn g_yieldfrom(o: &Obj) -> PyResult {
    Ok(o.as_gen().expect("generator").yield_from().unwrap_or_else(none))
}

impl PyCell<PyRef> {
    fn set_opt_ref(&self, v: PyRef) {
        let old = self.replace(v);
        drop(old);
    }
}

fn m_next(a: Args) -> PyResult {
    let [s] = args::exact::<1>(a, "__next__")?;
    match gen_iternext(s)? {
        Some(v) => Ok(v),
        None => Err(PyErr::stop_iteration(None)),
    }
}

static GEN_METHODS: &[MethodDef] =
    &[MethodDef::method("send", m_send), MethodDef::method("throw", m_throw), MethodDef::method("close", m_close)];
static GEN_GETSETS: &[GetSetDef] = &[
    GetSetDef::getset("__name__", g_name, s_name),
    GetSetDef::getset("__qualname__", g_qualname, s_qualname),
    GetSetDef::getter("gi_frame", g_frame),
    GetSetDef::getter("gi_running", g_running),
    GetSetDef::getter("gi_suspended", g_suspended),
    GetSetDef::getter("gi_code", g_code),
    GetSetDef::getter("gi_yieldfrom", g_yieldfrom),
];

crate::static_type! {
    pub static GENERATOR_TYPE: GenObj = "generator" {
        flags: HAVE_GC | WEAKREFABLE,
        methods: GEN_METHODS,
        getsets: GEN_GETSETS,
        slots: {
            iter: crate::types::iterators::self_iter, iternext: gen_iternext, repr: gen_repr,
            traverse: gen_traverse, finalize: gen_finalize,
        },
    }
}

// --- coroutines ---

fn m_await(a: Args) -> PyResult {
    let [s] = args::exact::<1>(a, "__await__")?;
    Ok(new_coro_wrapper(s))
}

static CORO_METHODS: &[MethodDef] = &[
    MethodDef::method("send", m_send),
    MethodDef::method("throw", m_throw),
    MethodDef::method("close", m_close),
    MethodDef::method("__await__", m_await),
];
static CORO_GETSETS: &[GetSetDef] = &[
    GetSetDef::getset("__name__", g_name, s_name),
    GetSetDef::getset("__qualname__", g_qualname, s_qualname),
    GetSetDef::getter("cr_frame", g_frame),
    GetSetDef::getter("cr_running", g_running),
    GetSetDef::getter("cr_suspended", g_suspended),
    GetSetDef::getter("cr_code", g_code),
    GetSetDef::getter("cr_await", g_yieldfrom),
];

crate::static_type! {
    pub static COROUTINE_TYPE: GenObj = "coroutine" {
        flags: HAVE_GC | WEAKREFABLE,
        methods: CORO_METHODS,
        getsets: CORO_GETSETS,
        slots: { repr: gen_repr, traverse: gen_traverse, finalize: gen_finalize },
    }
}

/// The iterator returned by `coroutine.__await__()`.
#[repr(C)]
pub struct CoroWrapperObj {
    pub ob: Obj,
    coro: PyRef,
}

// SAFETY: `#[repr(C)]` starting with `Obj`.
unsafe impl PyPayload for CoroWrapperObj {
    fn class() -> &'static TypeObj {
        &CORO_WRAPPER_TYPE
    }
}

fn new_coro_wrapper(coro: &Obj) -> PyRef {
    crate::object::alloc::alloc_object(
        &CORO_WRAPPER_TYPE,
        CoroWrapperObj { ob: Obj::new(&CORO_WRAPPER_TYPE.0), coro: coro.to_owned() },
        0,
    )
}

fn cw(o: &Obj) -> &PyRef {
    &o.downcast::<CoroWrapperObj>().expect("coroutine_wrapper").coro
}

fn cw_next(o: &Obj) -> PyResult<Option<PyRef>> {
    gen_iternext(cw(o))
}
fn cw_send(a: Args) -> PyResult {
    let [s, v] = args::exact::<2>(a, "send")?;
    send_value(cw(s), Some(v.to_owned()))
}
fn cw_throw(a: Args) -> PyResult {
    let mut all: Vec<&Obj> = a.all.to_vec();
    let coro = cw(a.all[0]).clone();
    all[0] = &coro;
    m_throw(Args { all: &all, nargs: a.nargs, kwnames: a.kwnames })
}
fn cw_close(a: Args) -> PyResult {
    let [s] = args::exact::<1>(a, "close")?;
    gen_close(cw(s))?;
    Ok(none())
}
fn cw_traverse(o: &Obj, visit: &mut dyn FnMut(&Obj)) {
    visit(cw(o));
}

static CW_METHODS: &[MethodDef] =
    &[MethodDef::method("send", cw_send), MethodDef::method("throw", cw_throw), MethodDef::method("close", cw_close)];

crate::static_type! {
    pub static CORO_WRAPPER_TYPE: CoroWrapperObj = "coroutine_wrapper" {
        flags: HAVE_GC,
        methods: CW_METHODS,
        slots: { iter: crate::types::iterators::self_iter, iternext: cw_next, traverse: cw_traverse },
    }
}

/// `GET_AWAITABLE`: the iterator `await x` drives.
pub fn get_awaitable(x: &Obj, where_: u32) -> PyResult {
    if let Some(g) = x.as_gen() {
        match g.kind {
            GenKind::Coroutine => {
                if g.yield_from().is_some() {
                    return Err(PyErr::runtime_error("coroutine is being awaited already"));
                }
                return Ok(x.to_owned());
            }
            GenKind::Generator
                if g.code.downcast::<CodeObj>().is_some_and(|c| c.flags & code_flags::ITERABLE_COROUTINE != 0) =>
            {
                return Ok(x.to_owned());
            }
            _ => {}
        }
    }
    let Some(await_) = x.class().lookup_str("__await__") else {
        let msg = match where_ {
            1 => format!(
                "'async with' received an object from __aenter__ that does not implement __await__: {}",
                x.class().name()
            ),
            2 => format!(
                "'async with' received an object from __aexit__ that does not implement __await__: {}",
                x.class().name()
            ),
            _ => format!("object {} can't be used in 'await' expression", x.class().name()),
        };
        return Err(PyErr::type_error(msg));
    };
    let r = ops::call_method_obj(&await_, x, &[])?;
    if r.as_gen().is_some_and(|g| g.kind == GenKind::Coroutine) {
        return Err(PyErr::type_error("__await__() returned a coroutine"));
    }
    if r.class().iternext.get().is_none() {
        return Err(PyErr::type_error(format!("__await__() returned non-iterator of type '{}'", r.class().name())));
    }
    Ok(r)
}

// --- async generators ---

/// A value yielded by an async generator (as opposed to an inner `await`).
#[repr(C)]
pub struct AsyncWrappedObj {
    pub ob: Obj,
    value: PyRef,
}

// SAFETY: `#[repr(C)]` starting with `Obj`.
unsafe impl PyPayload for AsyncWrappedObj {
    fn class() -> &'static TypeObj {
        &ASYNC_WRAPPED_TYPE
    }
}

crate::static_type! {
    pub static ASYNC_WRAPPED_TYPE: AsyncWrappedObj = "async_generator_wrapped_value" {
        flags: READY,
    }
}

/// `ASYNC_GEN_WRAP`.
pub fn wrap_async_value(v: PyRef) -> PyRef {
    crate::object::alloc::alloc_object(
        &ASYNC_WRAPPED_TYPE,
        AsyncWrappedObj { ob: Obj::new(&ASYNC_WRAPPED_TYPE.0), value: v },
        0,
    )
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum AwaitState {
    Init,
    Iter,
    Closed,
}

/// Arguments of a pending `athrow`: (type, value, traceback).
type ThrowArgs = (PyRef, Option<PyRef>, Option<PyRef>);

/// The awaitable of `agen.asend(v)` / `__anext__()` / `athrow()` / `aclose()`.
#[repr(C)]
pub struct AsyncGenOpObj {
    pub ob: Obj,
    gen: PyRef,
    value: PyCell<Option<PyRef>>,
    /// For athrow/aclose: the exception to throw (None for asend).
    throw: PyCell<Option<ThrowArgs>>,
    is_close: bool,
    state: Cell<AwaitState>,
}

// SAFETY: `#[repr(C)]` starting with `Obj`.
unsafe impl PyPayload for AsyncGenOpObj {
    fn class() -> &'static TypeObj {
        &ASYNC_GEN_ASEND_TYPE
    }
}

fn agop(o: &Obj) -> &AsyncGenOpObj {
    // SAFETY: asend and athrow share this layout.
    unsafe { o.downcast_unchecked::<AsyncGenOpObj>() }
}

fn new_agop(
    ty: &TypeObj,
    gen: &Obj,
    value: Option<PyRef>,
    throw: Option<(PyRef, Option<PyRef>, Option<PyRef>)>,
    is_close: bool,
) -> PyRef {
    crate::object::alloc::alloc_object(
        ty,
        AsyncGenOpObj {
            ob: Obj::new(ty),
            gen: gen.to_owned(),
            value: PyCell::new(value),
            throw: PyCell::new(throw),
            is_close,
            state: Cell::new(AwaitState::Init),
        },
        0,
    )
}

/// Interprets what the async generator produced for an awaiting caller.
fn unwrap_async(op: &AsyncGenOpObj, r: PyResult<Exit>) -> PyResult {
    let g = op.gen.as_gen().expect("async generator");
    match r {
        Ok(Exit::Yield(v)) => {
            if let Some(w) = v.downcast::<AsyncWrappedObj>() {
                op.state.set(AwaitState::Closed);
                g.ag_running.set(false);
                if op.is_close {
                    return Err(PyErr::runtime_error("async generator ignored GeneratorExit"));
                }
                return Err(PyErr::stop_iteration(Some(w.value.clone())));
            }
            Ok(v)
        }
        Ok(Exit::Return(_)) => {
            op.state.set(AwaitState::Closed);
            g.ag_running.set(false);
            g.ag_closed.set(true);
            if op.is_close {
                return Err(PyErr::stop_iteration(None));
            }
            Err(PyErr::with_arg(&exceptions::STOP_ASYNC_ITERATION, None))
        }
        Err(e) => {
            op.state.set(AwaitState::Closed);
            g.ag_running.set(false);
            if e.matches(&exceptions::STOP_ASYNC_ITERATION) || e.matches(&exceptions::GENERATOR_EXIT) {
                g.ag_closed.set(true);
                if op.is_close {
                    return Err(PyErr::stop_iteration(None));
                }
            }
            Err(e)
        }
    }
}

fn agop_send(o: &Obj, v: Option<PyRef>) -> PyResult {
    let op = agop(o);
    let g = op.gen.as_gen().expect("async generator");
    match op.state.get() {
        AwaitState::Closed => {
            return Err(PyErr::runtime_error(if op.throw.with(|t| t.is_some()) {
                "cannot reuse already awaited aclose()/athrow()"
            } else {
                "cannot reuse already awaited __anext__()/asend()"
            }))
        }
        AwaitState::Init => {
            if g.ag_running.get() {
                op.state.set(AwaitState::Closed);
                return Err(PyErr::runtime_error(if op.throw.with(|t| t.is_some()) {
                    "athrow(): asynchronous generator is already running"
                } else {
                    "anext(): asynchronous generator is already running"
                }));
            }
            if g.ag_closed.get() && op.throw.with(|t| t.is_some()) {
                op.state.set(AwaitState::Closed);
                return Err(PyErr::stop_iteration(None));
            }
            op.state.set(AwaitState::Iter);
            g.ag_running.set(true);
            if let Some((typ, val, tb)) = op.throw.take() {
                let err = make_throw_exc(&typ, val.as_deref(), tb.as_deref())?;
                let r = gen_throw(&op.gen, err);
                return unwrap_async(op, r);
            }
            let first = op.value.take().or(v);
            let r = gen_send_ex(g, &op.gen, first, None);
            return unwrap_async(op, r);
        }
        AwaitState::Iter => {}
    }
    let r = gen_send_ex(g, &op.gen, v, None);
    unwrap_async(op, r)
}

fn agop_next(o: &Obj) -> PyResult<Option<PyRef>> {
    match agop_send(o, None) {
        Ok(v) => Ok(Some(v)),
        Err(e) => Err(e),
    }
}

fn agop_m_send(a: Args) -> PyResult {
    let [s, v] = args::exact::<2>(a, "send")?;
    agop_send(s, Some(v.to_owned()))
}

fn agop_m_throw(a: Args) -> PyResult {
    let [s, typ, val, tb] = args::parse(a, "throw", &["self", "typ", "val", "tb", "/"], 2)?;
    let s = s.expect("self");
    let op = agop(s);
    if op.state.get() == AwaitState::Closed {
        return Err(PyErr::runtime_error("cannot reuse already awaited __anext__()/asend()"));
    }
    let err = make_throw_exc(typ.expect("typ"), val, tb)?;
    let r = gen_throw(&op.gen, err);
    unwrap_async(op, r)
}

fn agop_m_close(a: Args) -> PyResult {
    let [s] = args::exact::<1>(a, "close")?;
    agop(s).state.set(AwaitState::Closed);
    Ok(none())
}

fn agop_traverse(o: &Obj, visit: &mut dyn FnMut(&Obj)) {
    let op = agop(o);
    visit(&op.gen);
}

/// `__await__`: the operation object is its own iterator.
fn agop_m_await(a: Args) -> PyResult {
    let [s] = args::exact::<1>(a, "__await__")?;
    Ok(s.to_owned())
}

static AGOP_METHODS: &[MethodDef] = &[
    MethodDef::method("__await__", agop_m_await),
    MethodDef::method("send", agop_m_send),
    MethodDef::method("throw", agop_m_throw),
    MethodDef::method("close", agop_m_close),
];

crate::static_type! {
    pub static ASYNC_GEN_ASEND_TYPE: AsyncGenOpObj = "async_generator_asend" {
        flags: HAVE_GC,
        methods: AGOP_METHODS,
        slots: {
            iter: crate::types::iterators::self_iter, iternext: agop_next, traverse: agop_traverse,
        },
    }
}
crate::static_type! {
    pub static ASYNC_GEN_ATHROW_TYPE: AsyncGenOpObj = "async_generator_athrow" {
        flags: HAVE_GC,
        methods: AGOP_METHODS,
        slots: {
            iter: crate::types::iterators::self_iter, iternext: agop_next, traverse: agop_traverse,
        },
    }
}

fn ag_anext(a: Args) -> PyResult {
    let [s] = args::exact::<1>(a, "__anext__")?;
    Ok(new_agop(&ASYNC_GEN_ASEND_TYPE, s, None, None, false))
}
fn ag_aiter(a: Args) -> PyResult {
    let [s] = args::exact::<1>(a, "__aiter__")?;
    Ok(s.to_owned())
}
fn ag_asend(a: Args) -> PyResult {
    let [s, v] = args::exact::<2>(a, "asend")?;
    Ok(new_agop(&ASYNC_GEN_ASEND_TYPE, s, Some(v.to_owned()), None, false))
}
fn ag_athrow(a: Args) -> PyResult {
    let [s, typ, val, tb] = args::parse(a, "athrow", &["self", "typ", "val", "tb", "/"], 2)?;
    let t = (typ.expect("typ").to_owned(), val.map(|v| v.to_owned()), tb.map(|v| v.to_owned()));
    Ok(new_agop(&ASYNC_GEN_ATHROW_TYPE, s.expect("self"), None, Some(t), false))
}
fn ag_aclose(a: Args) -> PyResult {
    let [s] = args::exact::<1>(a, "aclose")?;
    let t = (exceptions::GENERATOR_EXIT.as_obj_ref().to_owned(), None, None);
    Ok(new_agop(&ASYNC_GEN_ATHROW_TYPE, s, None, Some(t), true))
}
fn g_ag_running(o: &Obj) -> PyResult {
    Ok(new_bool(o.as_gen().expect("async generator").ag_running.get()))
}

static AG_METHODS: &[MethodDef] = &[
    MethodDef::method("__anext__", ag_anext),
    MethodDef::method("__aiter__", ag_aiter),
    MethodDef::method("asend", ag_asend),
    MethodDef::method("athrow", ag_athrow),
    MethodDef::method("aclose", ag_aclose),
];
static AG_GETSETS: &[GetSetDef] = &[
    GetSetDef::getset("__name__", g_name, s_name),
    GetSetDef::getset("__qualname__", g_qualname, s_qualname),
    GetSetDef::getter("ag_frame", g_frame),
    GetSetDef::getter("ag_running", g_ag_running),
    GetSetDef::getter("ag_code", g_code),
    GetSetDef::getter("ag_await", g_yieldfrom),
];

crate::static_type! {
    pub static ASYNC_GENERATOR_TYPE: GenObj = "async_generator" {
        flags: HAVE_GC | WEAKREFABLE,
        methods: AG_METHODS,
        getsets: AG_GETSETS,
        slots: { repr: gen_repr, traverse: gen_traverse },
    }
}

/// Keeps `m_next` available for types that expose `__next__` explicitly.
pub fn next_method(a: Args) -> PyResult {
    m_next(a)
}

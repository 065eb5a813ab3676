//! The builtin exception hierarchy. All exception types share one layout;
//! type-specific attributes (`StopIteration.value`, `OSError.errno`, ...) live
//! in the `extra` slots, exposed by per-type getsets.

use std::cell::Cell;

use crate::object::{Obj, PyCell, PyPayload, PyRef};
use crate::ops;
use crate::runtime::{PyErr, PyResult};
use crate::types::str::{from_string, new_str, StrObj};
use crate::types::tuple::{empty_tuple, new_tuple, tuple_from_refs, TupleObj};
use crate::types::typeobj::{flags, Args, GetSetDef, MethodDef, TypeObj};
use crate::types::{int, none};
use crate::util::args;

pub const NEXTRA: usize = 8;

#[repr(C)]
pub struct ExceptionObj {
    pub ob: Obj,
    pub dict: Cell<Option<PyRef>>,
    pub args: PyCell<PyRef>,
    pub traceback: PyCell<Option<PyRef>>,
    pub context: PyCell<Option<PyRef>>,
    pub cause: PyCell<Option<PyRef>>,
    pub suppress_context: Cell<bool>,
    pub extra: [PyCell<Option<PyRef>>; NEXTRA],
}

// SAFETY: `#[repr(C)]` starting with `Obj`; every exception type uses it.
unsafe impl PyPayload for ExceptionObj {
    fn class() -> &'static TypeObj {
        &BASE_EXCEPTION
    }
    const SUBCLASS_FLAG: u64 = flags::BASE_EXC_SUBCLASS;
}

// Indices into `extra`.
pub const EXTRA_VALUE: usize = 0; // StopIteration.value, SystemExit.code
pub const EXTRA_NAME: usize = 0; // NameError.name, AttributeError.name
pub const EXTRA_OBJ: usize = 1; // AttributeError.obj
pub const EXTRA_IMPORT_MSG: usize = 0;
pub const EXTRA_IMPORT_NAME: usize = 1;
pub const EXTRA_IMPORT_PATH: usize = 2;
pub const EXTRA_ERRNO: usize = 0;
pub const EXTRA_STRERROR: usize = 1;
pub const EXTRA_FILENAME: usize = 2;
pub const EXTRA_FILENAME2: usize = 3;
pub const EXTRA_SYN_MSG: usize = 0;
pub const EXTRA_SYN_FILENAME: usize = 1;
pub const EXTRA_SYN_LINENO: usize = 2;
pub const EXTRA_SYN_OFFSET: usize = 3;
pub const EXTRA_SYN_TEXT: usize = 4;
pub const EXTRA_SYN_END_LINENO: usize = 5;
pub const EXTRA_SYN_END_OFFSET: usize = 6;
pub const EXTRA_SYN_PRINT_FILE: usize = 7;
pub const EXTRA_UNI_ENCODING: usize = 0;
pub const EXTRA_UNI_OBJECT: usize = 1;
pub const EXTRA_UNI_START: usize = 2;
pub const EXTRA_UNI_END: usize = 3;
pub const EXTRA_UNI_REASON: usize = 4;
pub const EXTRA_EG_MESSAGE: usize = 0;
pub const EXTRA_EG_EXCEPTIONS: usize = 1;

fn exc(o: &Obj) -> &ExceptionObj {
    o.downcast::<ExceptionObj>().expect("exception")
}

impl ExceptionObj {
    pub fn args_tuple(&self) -> PyRef {
        self.args.get_clone()
    }
    pub fn get_extra(&self, i: usize) -> Option<PyRef> {
        self.extra[i].get_clone()
    }
    pub fn traceback(&self) -> Option<PyRef> {
        self.traceback.get_clone()
    }
    pub fn set_traceback(&self, tb: Option<PyRef>) {
        let old = self.traceback.replace(tb);
        drop(old);
    }
    pub fn context(&self) -> Option<PyRef> {
        self.context.get_clone()
    }
    pub fn set_context(&self, c: Option<PyRef>) {
        let old = self.context.replace(c);
        drop(old);
    }
    pub fn cause(&self) -> Option<PyRef> {
        self.cause.get_clone()
    }
    pub fn set_cause(&self, c: Option<PyRef>) {
        let old = self.cause.replace(c);
        drop(old);
        self.suppress_context.set(true);
    }
}

impl ExceptionObj {
    /// Sets `e.__cause__ = cause` (and `__suppress_context__`).
    pub fn set_cause_of(e: &Obj, cause: PyRef) {
        if let Some(x) = e.downcast::<ExceptionObj>() {
            x.set_cause(Some(cause));
        }
    }
}

/// Sets an extra slot of an exception object.
pub fn set_extra(e: &Obj, i: usize, v: Option<PyRef>) {
    if let Some(x) = e.downcast::<ExceptionObj>() {
        let old = x.extra[i].replace(v);
        drop(old);
    }
}

/// Sets `name` on a NameError/AttributeError.
pub fn set_name_attr(e: &Obj, name: &str) {
    set_extra(e, EXTRA_NAME, Some(new_str(name)));
}

fn alloc_exception(ty: &TypeObj, args: PyRef) -> PyRef {
    let e = ExceptionObj {
        ob: Obj::new(ty),
        dict: Cell::new(None),
        args: PyCell::new(args),
        traceback: PyCell::new(None),
        context: PyCell::new(None),
        cause: PyCell::new(None),
        suppress_context: Cell::new(false),
        extra: Default::default(),
    };
    crate::object::alloc::alloc_object(ty, e, 0)
}

/// Creates an exception of type `ty` with positional `args`, running its
/// native initialiser (so type-specific attributes are set). Used for errors
/// raised by native code.
pub fn new_exception(ty: &TypeObj, args: Vec<PyRef>) -> PyRef {
    let t = new_tuple(args);
    let e = alloc_exception(ty, t.clone());
    if let Some(init) = ty.init.get() {
        let items = t.downcast::<TupleObj>().expect("tuple");
        let refs: Vec<&Obj> = items.as_slice().iter().map(|r| &**r).collect();
        // Native initialisers of builtin exceptions only fail on bad argument
        // shapes, which internal callers never produce; keep the object anyway.
        let _ = init(&e, Args { all: &refs, nargs: refs.len(), kwnames: None });
    }
    e
}

/// Creates an exception with a single message argument.
pub fn new_exception_msg(ty: &TypeObj, msg: &str) -> PyRef {
    new_exception(ty, vec![new_str(msg)])
}

fn exc_new(ty: &TypeObj, a: Args) -> PyResult {
    let pos = tuple_from_refs(&a.all[..a.nargs]);
    Ok(alloc_exception(ty, pos))
}

fn base_init(o: &Obj, a: Args) -> PyResult<()> {
    if a.kwnames.is_some_and(|k| !k.is_empty()) {
        return Err(PyErr::type_error(format!("{}() takes no keyword arguments", o.class().name())));
    }
    let old = exc(o).args.replace(tuple_from_refs(&a.all[..a.nargs]));
    drop(old);
    Ok(())
}

fn exc_str(o: &Obj) -> PyResult {
    let args = exc(o).args_tuple();
    let t = args.downcast::<TupleObj>().expect("args tuple");
    match t.len() {
        0 => Ok(new_str("")),
        1 => ops::str(&t.as_slice()[0]),
        _ => ops::str(&args),
    }
}

fn exc_repr(o: &Obj) -> PyResult {
    let args = exc(o).args_tuple();
    let t = args.downcast::<TupleObj>().expect("args tuple");
    let name = o.class().name();
    Ok(from_string(if t.len() == 1 {
        format!("{name}({})", ops::repr_string(&t.as_slice()[0])?)
    } else {
        format!("{name}{}", ops::repr_string(&args)?)
    }))
}

fn exc_traverse(o: &Obj, visit: &mut dyn FnMut(&Obj)) {
    let e = exc(o);
    e.args.with(|a| visit(a));
    for c in [&e.traceback, &e.context, &e.cause] {
        c.with(|v| {
            if let Some(v) = v {
                visit(v)
            }
        });
    }
    for c in &e.extra {
        c.with(|v| {
            if let Some(v) = v {
                visit(v)
            }
        });
    }
    let d = e.dict.take();
    if let Some(d) = &d {
        visit(d);
    }
    e.dict.set(d);
}

fn exc_clear(o: &Obj) {
    let e = exc(o);
    let mut olds: Vec<Option<PyRef>> = vec![e.traceback.take(), e.context.take(), e.cause.take(), e.dict.take()];
    for c in &e.extra {
        olds.push(c.take());
    }
    let a = e.args.replace(empty_tuple());
    drop(a);
    drop(olds);
}

fn m_with_traceback(a: Args) -> PyResult {
    let [s, tb] = args::exact::<2>(a, "with_traceback")?;
    set_traceback_checked(s, tb)?;
    Ok(s.to_owned())
}

fn set_traceback_checked(s: &Obj, tb: &Obj) -> PyResult<()> {
    if tb.is_none() {
        exc(s).set_traceback(None);
    } else if tb.isa::<crate::types::traceback::TracebackObj>() {
        exc(s).set_traceback(Some(tb.to_owned()));
    } else {
        return Err(PyErr::type_error("__traceback__ must be a traceback or None"));
    }
    Ok(())
}

fn m_add_note(a: Args) -> PyResult {
    let [s, note] = args::exact::<2>(a, "add_note")?;
    if !note.isa::<StrObj>() {
        return Err(PyErr::type_error(format!("note must be a str, not '{}'", note.class().name())));
    }
    let notes = match ops::lookup_attr(s, "__notes__")? {
        Some(n) => n,
        None => {
            let l = crate::types::list::new_list(vec![]);
            ops::setattr_str(s, "__notes__", &l)?;
            l
        }
    };
    let Some(l) = notes.downcast::<crate::types::list::ListObj>() else {
        return Err(PyErr::type_error("Cannot add note: __notes__ is not a list"));
    };
    l.push(note.to_owned());
    Ok(none())
}

fn m_reduce(a: Args) -> PyResult {
    let [s] = args::exact::<1>(a, "__reduce__")?;
    let e = exc(s);
    let t = s.class().as_obj_ref().to_owned();
    let d = e.dict.take();
    e.dict.set(d.clone());
    Ok(match d {
        Some(d) => new_tuple(vec![t, e.args_tuple(), d]),
        None => new_tuple(vec![t, e.args_tuple()]),
    })
}

fn m_setstate(a: Args) -> PyResult {
    let [s, state] = args::exact::<2>(a, "__setstate__")?;
    if !state.is_none() {
        let d = state
            .downcast::<crate::types::dict::DictObj>()
            .ok_or_else(|| PyErr::type_error("state is not a dictionary"))?;
        for (k, v) in d.items() {
            ops::setattr(s, &k, Some(&v))?;
        }
    }
    Ok(none())
}

fn g_args(o: &Obj) -> PyResult {
    Ok(exc(o).args_tuple())
}
fn s_args(o: &Obj, v: Option<&Obj>) -> PyResult<()> {
    let v = v.ok_or_else(|| PyErr::type_error("args may not be deleted"))?;
    let t = tuple_from_refs(&ops::collect_vec(v)?.iter().map(|r| &**r).collect::<Vec<_>>());
    let old = exc(o).args.replace(t);
    drop(old);
    Ok(())
}
fn g_tb(o: &Obj) -> PyResult {
    Ok(exc(o).traceback().unwrap_or_else(none))
}
fn s_tb(o: &Obj, v: Option<&Obj>) -> PyResult<()> {
    let v = v.ok_or_else(|| PyErr::type_error("__traceback__ may not be deleted"))?;
    set_traceback_checked(o, v)
}
fn g_context(o: &Obj) -> PyResult {
    Ok(exc(o).context().unwrap_or_else(none))
}
fn s_context(o: &Obj, v: Option<&Obj>) -> PyResult<()> {
    let v = v.ok_or_else(|| PyErr::type_error("__context__ may not be deleted"))?;
    if v.is_none() {
        exc(o).set_context(None);
    } else if v.isa::<ExceptionObj>() {
        exc(o).set_context(Some(v.to_owned()));
    } else {
        return Err(PyErr::type_error("exception context must be None or derive from BaseException"));
    }
    Ok(())
}
fn g_cause(o: &Obj) -> PyResult {
    Ok(exc(o).cause().unwrap_or_else(none))
}
fn s_cause(o: &Obj, v: Option<&Obj>) -> PyResult<()> {
    let v = v.ok_or_else(|| PyErr::type_error("__cause__ may not be deleted"))?;
    if v.is_none() {
        exc(o).set_cause(None);
    } else if v.isa::<ExceptionObj>() {
        exc(o).set_cause(Some(v.to_owned()));
    } else {
        return Err(PyErr::type_error("exception cause must be None or derive from BaseException"));
    }
    Ok(())
}
fn g_suppress(o: &Obj) -> PyResult {
    Ok(crate::types::new_bool(exc(o).suppress_context.get()))
}
fn s_suppress(o: &Obj, v: Option<&Obj>) -> PyResult<()> {
    let v = v.ok_or_else(|| PyErr::type_error("__suppress_context__ may not be deleted"))?;
    exc(o).suppress_context.set(ops::is_true(v)?);
    Ok(())
}
fn g_dict(o: &Obj) -> PyResult {
    crate::types::instance::dict_of(o)
}
fn s_dict(o: &Obj, v: Option<&Obj>) -> PyResult<()> {
    let v = v.ok_or_else(|| PyErr::type_error("__dict__ may not be deleted"))?;
    crate::types::instance::check_dict(v)?;
    crate::types::instance::set_dict(o, Some(v.to_owned()))
}

static BASE_METHODS: &[MethodDef] = &[
    MethodDef::method("with_traceback", m_with_traceback),
    MethodDef::method("add_note", m_add_note),
    MethodDef::method("__reduce__", m_reduce),
    MethodDef::method("__setstate__", m_setstate),
];
static BASE_GETSETS: &[GetSetDef] = &[
    GetSetDef::getset("args", g_args, s_args),
    GetSetDef::getset("__traceback__", g_tb, s_tb),
    GetSetDef::getset("__context__", g_context, s_context),
    GetSetDef::getset("__cause__", g_cause, s_cause),
    GetSetDef::getset("__suppress_context__", g_suppress, s_suppress),
    GetSetDef::getset("__dict__", g_dict, s_dict),
];

macro_rules! extra_getset {
    ($get:ident, $set:ident, $idx:expr) => {
        fn $get(o: &Obj) -> PyResult {
            Ok(exc(o).get_extra($idx).unwrap_or_else(none))
        }
        fn $set(o: &Obj, v: Option<&Obj>) -> PyResult<()> {
            set_extra(o, $idx, v.map(|v| v.to_owned()));
            Ok(())
        }
    };
}

extra_getset!(g_x0, s_x0, 0);
extra_getset!(g_x1, s_x1, 1);
extra_getset!(g_x2, s_x2, 2);
extra_getset!(g_x3, s_x3, 3);
extra_getset!(g_x4, s_x4, 4);
extra_getset!(g_x5, s_x5, 5);
extra_getset!(g_x6, s_x6, 6);
extra_getset!(g_x7, s_x7, 7);

// --- type-specific initialisers and str ---

fn stop_iteration_init(o: &Obj, a: Args) -> PyResult<()> {
    base_init(o, a)?;
    set_extra(o, EXTRA_VALUE, Some(a.all.first().filter(|_| a.nargs > 0).map_or_else(none, |v| (*v).to_owned())));
    Ok(())
}

fn system_exit_init(o: &Obj, a: Args) -> PyResult<()> {
    base_init(o, a)?;
    let code = match a.nargs {
        0 => none(),
        1 => a.all[0].to_owned(),
        _ => tuple_from_refs(&a.all[..a.nargs]),
    };
    set_extra(o, EXTRA_VALUE, Some(code));
    Ok(())
}

fn kw_only_init(o: &Obj, a: Args, names: &[(&str, usize)], what: &str) -> PyResult<()> {
    if let Some(kw) = a.kwnames {
        for (i, k) in kw.as_slice().iter().enumerate() {
            let k = StrObj::text(k);
            match names.iter().find(|(n, _)| *n == k) {
                Some((_, idx)) => set_extra(o, *idx, Some(a.all[a.nargs + i].to_owned())),
                None => return Err(PyErr::type_error(format!("{what}() got an unexpected keyword argument '{k}'"))),
            }
        }
    }
    let old = exc(o).args.replace(tuple_from_refs(&a.all[..a.nargs]));
    drop(old);
    Ok(())
}

fn name_error_init(o: &Obj, a: Args) -> PyResult<()> {
    kw_only_init(o, a, &[("name", EXTRA_NAME)], "NameError")
}

fn attribute_error_init(o: &Obj, a: Args) -> PyResult<()> {
    kw_only_init(o, a, &[("name", EXTRA_NAME), ("obj", EXTRA_OBJ)], "AttributeError")
}

fn import_error_init(o: &Obj, a: Args) -> PyResult<()> {
    kw_only_init(o, a, &[("name", EXTRA_IMPORT_NAME), ("path", EXTRA_IMPORT_PATH)], "ImportError")?;
    if a.nargs == 1 {
        set_extra(o, EXTRA_IMPORT_MSG, Some(a.all[0].to_owned()));
    }
    Ok(())
}

fn import_error_str(o: &Obj) -> PyResult {
    match exc(o).get_extra(EXTRA_IMPORT_MSG) {
        Some(m) if !m.is_none() => ops::str(&m),
        _ => exc_str(o),
    }
}

fn key_error_str(o: &Obj) -> PyResult {
    let args = exc(o).args_tuple();
    let t = args.downcast::<TupleObj>().expect("args");
    if t.len() == 1 {
        return ops::repr(&t.as_slice()[0]);
    }
    exc_str(o)
}

fn os_error_init(o: &Obj, a: Args) -> PyResult<()> {
    base_init(o, a)?;
    if (2..=5).contains(&a.nargs) {
        set_extra(o, EXTRA_ERRNO, Some(a.all[0].to_owned()));
        set_extra(o, EXTRA_STRERROR, Some(a.all[1].to_owned()));
        if a.nargs >= 3 {
            set_extra(o, EXTRA_FILENAME, Some(a.all[2].to_owned()));
        }
        if a.nargs == 5 {
            set_extra(o, EXTRA_FILENAME2, Some(a.all[4].to_owned()));
        }
        // With a filename, args is truncated to (errno, strerror).
        if a.nargs >= 3 {
            let old = exc(o).args.replace(tuple_from_refs(&a.all[..2]));
            drop(old);
        }
    }
    Ok(())
}

fn os_error_new(ty: &TypeObj, a: Args) -> PyResult {
    // OSError(errno, ...) picks the subclass for errno, as CPython does.
    let mut t: &TypeObj = ty;
    if ty.is(&OS_ERROR) && (2..=5).contains(&a.nargs) {
        if let Some(n) = int::as_i64(a.all[0]) {
            if let Some(sub) = errno_subclass(n) {
                t = sub;
            }
        }
    }
    exc_new(t, a)
}

/// The OSError subclass for an errno value.
pub fn errno_subclass(n: i64) -> Option<&'static TypeObj> {
    Some(match n {
        2 => &FILE_NOT_FOUND_ERROR,
        17 => &FILE_EXISTS_ERROR,
        21 => &IS_A_DIRECTORY_ERROR,
        20 => &NOT_A_DIRECTORY_ERROR,
        1 | 13 => &PERMISSION_ERROR,
        3 => &PROCESS_LOOKUP_ERROR,
        10 => &CHILD_PROCESS_ERROR,
        4 => &INTERRUPTED_ERROR,
        11 | 114 | 115 => &BLOCKING_IO_ERROR,
        32 | 108 => &BROKEN_PIPE_ERROR,
        103 => &CONNECTION_ABORTED_ERROR,
        111 => &CONNECTION_REFUSED_ERROR,
        104 => &CONNECTION_RESET_ERROR,
        110 => &TIMEOUT_ERROR,
        _ => return None,
    })
}

fn os_error_str(o: &Obj) -> PyResult {
    let e = exc(o);
    let (errno, strerror) = (e.get_extra(EXTRA_ERRNO), e.get_extra(EXTRA_STRERROR));
    if let (Some(en), Some(se)) = (&errno, &strerror) {
        let en_s = ops::str_string(en)?;
        let se_s = ops::str_string(se)?;
        if let Some(f) = e.get_extra(EXTRA_FILENAME).filter(|f| !f.is_none()) {
            if let Some(f2) = e.get_extra(EXTRA_FILENAME2).filter(|f| !f.is_none()) {
                return Ok(from_string(format!(
                    "[Errno {en_s}] {se_s}: {} -> {}",
                    ops::repr_string(&f)?,
                    ops::repr_string(&f2)?
                )));
            }
            return Ok(from_string(format!("[Errno {en_s}] {se_s}: {}", ops::repr_string(&f)?)));
        }
        return Ok(from_string(format!("[Errno {en_s}] {se_s}")));
    }
    exc_str(o)
}

fn syntax_error_init(o: &Obj, a: Args) -> PyResult<()> {
    base_init(o, a)?;
    if a.nargs >= 1 {
        set_extra(o, EXTRA_SYN_MSG, Some(a.all[0].to_owned()));
    }
    if a.nargs == 2 {
        let info = ops::collect_vec(a.all[1])?;
        if info.len() < 4 || info.len() > 6 {
            return Err(PyErr::index_error("tuple index out of range"));
        }
        let idx = [
            EXTRA_SYN_FILENAME,
            EXTRA_SYN_LINENO,
            EXTRA_SYN_OFFSET,
            EXTRA_SYN_TEXT,
            EXTRA_SYN_END_LINENO,
            EXTRA_SYN_END_OFFSET,
        ];
        for (i, v) in info.into_iter().enumerate() {
            set_extra(o, idx[i], Some(v));
        }
    }
    Ok(())
}

fn syntax_error_str(o: &Obj) -> PyResult {
    let e = exc(o);
    let msg = match e.get_extra(EXTRA_SYN_MSG) {
        Some(m) => ops::str_string(&m)?,
        None => return exc_str(o),
    };
    let file = e.get_extra(EXTRA_SYN_FILENAME).filter(|f| f.isa::<StrObj>()).map(|f| {
        let s = StrObj::text(&f).to_string();
        std::path::Path::new(&s).file_name().map_or(s.clone(), |n| n.to_string_lossy().into_owned())
    });
    let line = e.get_extra(EXTRA_SYN_LINENO).and_then(|l| int::as_i64(&l));
    Ok(from_string(match (file, line) {
        (Some(f), Some(l)) => format!("{msg} ({f}, line {l})"),
        (Some(f), None) => format!("{msg} ({f})"),
        (None, Some(l)) => format!("{msg} (line {l})"),
        (None, None) => msg,
    }))
}

fn unicode_error_init(o: &Obj, a: Args) -> PyResult<()> {
    base_init(o, a)?;
    let idx = [EXTRA_UNI_ENCODING, EXTRA_UNI_OBJECT, EXTRA_UNI_START, EXTRA_UNI_END, EXTRA_UNI_REASON];
    if a.nargs == 5 {
        for (i, v) in a.all[..5].iter().enumerate() {
            set_extra(o, idx[i], Some((*v).to_owned()));
        }
    } else if o.class().is(&UNICODE_DECODE_ERROR) || o.class().is(&UNICODE_ENCODE_ERROR) {
        return Err(PyErr::type_error(format!("function takes exactly 5 arguments ({} given)", a.nargs)));
    }
    Ok(())
}

fn unicode_error_str(o: &Obj) -> PyResult {
    let e = exc(o);
    let (Some(enc), Some(obj), Some(start), Some(end), Some(reason)) = (
        e.get_extra(EXTRA_UNI_ENCODING),
        e.get_extra(EXTRA_UNI_OBJECT),
        e.get_extra(EXTRA_UNI_START).and_then(|v| int::as_i64(&v)),
        e.get_extra(EXTRA_UNI_END).and_then(|v| int::as_i64(&v)),
        e.get_extra(EXTRA_UNI_REASON),
    ) else {
        return exc_str(o);
    };
    let enc = ops::str_string(&enc)?;
    let reason = ops::str_string(&reason)?;
    if o.class().is_subtype(&UNICODE_DECODE_ERROR) {
        let bytes = crate::types::bytes::bytes_of(&obj).unwrap_or_default();
        if end == start + 1 {
            if let Some(b) = bytes.get(start as usize) {
                return Ok(from_string(format!(
                    "'{enc}' codec can't decode byte {b:#04x} in position {start}: {reason}"
                )));
            }
        }
        return Ok(from_string(format!("'{enc}' codec can't decode bytes in position {start}-{}: {reason}", end - 1)));
    }
    let s = StrObj::text(&obj);
    if end == start + 1 {
        if let Some(c) = s.chars().nth(start as usize) {
            let v = c as u32;
            let cs = if v < 0x100 {
                format!("\\x{v:02x}")
            } else if v < 0x10000 {
                format!("\\u{v:04x}")
            } else {
                format!("\\U{v:08x}")
            };
            return Ok(from_string(format!(
                "'{enc}' codec can't encode character '{cs}' in position {start}: {reason}"
            )));
        }
    }
    Ok(from_string(format!("'{enc}' codec can't encode characters in position {start}-{}: {reason}", end - 1)))
}

static STOP_ITERATION_GETSETS: &[GetSetDef] = &[GetSetDef::getset("value", g_x0, s_x0)];
static SYSTEM_EXIT_GETSETS: &[GetSetDef] = &[GetSetDef::getset("code", g_x0, s_x0)];
static NAME_ERROR_GETSETS: &[GetSetDef] = &[GetSetDef::getset("name", g_x0, s_x0)];
static ATTRIBUTE_ERROR_GETSETS: &[GetSetDef] =
    &[GetSetDef::getset("name", g_x0, s_x0), GetSetDef::getset("obj", g_x1, s_x1)];
static IMPORT_ERROR_GETSETS: &[GetSetDef] = &[
    GetSetDef::getset("msg", g_x0, s_x0),
    GetSetDef::getset("name", g_x1, s_x1),
    GetSetDef::getset("path", g_x2, s_x2),
];
static OS_ERROR_GETSETS: &[GetSetDef] = &[
    GetSetDef::getset("errno", g_x0, s_x0),
    GetSetDef::getset("strerror", g_x1, s_x1),
    GetSetDef::getset("filename", g_x2, s_x2),
    GetSetDef::getset("filename2", g_x3, s_x3),
];
static SYNTAX_ERROR_GETSETS: &[GetSetDef] = &[
    GetSetDef::getset("msg", g_x0, s_x0),
    GetSetDef::getset("filename", g_x1, s_x1),
    GetSetDef::getset("lineno", g_x2, s_x2),
    GetSetDef::getset("offset", g_x3, s_x3),
    GetSetDef::getset("text", g_x4, s_x4),
    GetSetDef::getset("end_lineno", g_x5, s_x5),
    GetSetDef::getset("end_offset", g_x6, s_x6),
    GetSetDef::getset("print_file_and_line", g_x7, s_x7),
];
static UNICODE_ERROR_GETSETS: &[GetSetDef] = &[
    GetSetDef::getset("encoding", g_x0, s_x0),
    GetSetDef::getset("object", g_x1, s_x1),
    GetSetDef::getset("start", g_x2, s_x2),
    GetSetDef::getset("end", g_x3, s_x3),
    GetSetDef::getset("reason", g_x4, s_x4),
];

crate::static_type! {
    pub static BASE_EXCEPTION: ExceptionObj = "BaseException" {
        flags: BASETYPE | HAVE_GC | BASE_EXC_SUBCLASS,
        dict_offset: std::mem::offset_of!(ExceptionObj, dict) as isize,
        doc: "Common base class for all exceptions",
        methods: BASE_METHODS,
        getsets: BASE_GETSETS,
        slots: {
            new: exc_new, init: base_init, str: exc_str, repr: exc_repr, traverse: exc_traverse,
            clear: exc_clear,
        },
    }
}

macro_rules! exception_types {
    ($($id:ident = $name:literal : $base:ident $([methods $ms:expr])? $([getsets $gs:expr])? $(, $slot:ident = $f:expr)*;)*) => {
        $(
            crate::static_type! {
                pub static $id: ExceptionObj = $name {
                    flags: BASETYPE | HAVE_GC | BASE_EXC_SUBCLASS,
                    base: $base,
                    dict_offset: std::mem::offset_of!(ExceptionObj, dict) as isize,
                    $(methods: $ms,)?
                    $(getsets: $gs,)?
                    slots: { traverse: exc_traverse $(, $slot: $f)* },
                }
            }
        )*
        /// Every builtin exception type except BaseException, in declaration order
        /// (bases before subclasses).
        pub static ALL: &[&crate::object::Static<TypeObj>] = &[$(&$id),*];
    };
}

exception_types! {
    BASE_EXCEPTION_GROUP = "BaseExceptionGroup": BASE_EXCEPTION [methods crate::types::exception_group::METHODS] [getsets crate::types::exception_group::GETSETS], new = crate::types::exception_group::eg_new, init = crate::types::exception_group::eg_init, str = crate::types::exception_group::eg_str;
    GENERATOR_EXIT = "GeneratorExit": BASE_EXCEPTION;
    KEYBOARD_INTERRUPT = "KeyboardInterrupt": BASE_EXCEPTION;
    SYSTEM_EXIT = "SystemExit": BASE_EXCEPTION [getsets SYSTEM_EXIT_GETSETS], init = system_exit_init;
    EXCEPTION = "Exception": BASE_EXCEPTION;
    ARITHMETIC_ERROR = "ArithmeticError": EXCEPTION;
    FLOATING_POINT_ERROR = "FloatingPointError": ARITHMETIC_ERROR;
    OVERFLOW_ERROR = "OverflowError": ARITHMETIC_ERROR;
    ZERO_DIVISION_ERROR = "ZeroDivisionError": ARITHMETIC_ERROR;
    ASSERTION_ERROR = "AssertionError": EXCEPTION;
    ATTRIBUTE_ERROR = "AttributeError": EXCEPTION [getsets ATTRIBUTE_ERROR_GETSETS], init = attribute_error_init;
    BUFFER_ERROR = "BufferError": EXCEPTION;
    EOF_ERROR = "EOFError": EXCEPTION;
    EXCEPTION_GROUP = "ExceptionGroup": BASE_EXCEPTION_GROUP;
    IMPORT_ERROR = "ImportError": EXCEPTION [getsets IMPORT_ERROR_GETSETS], init = import_error_init, str = import_error_str;
    MODULE_NOT_FOUND_ERROR = "ModuleNotFoundError": IMPORT_ERROR;
    LOOKUP_ERROR = "LookupError": EXCEPTION;
    INDEX_ERROR = "IndexError": LOOKUP_ERROR;
    KEY_ERROR = "KeyError": LOOKUP_ERROR, str = key_error_str;
    MEMORY_ERROR = "MemoryError": EXCEPTION;
    NAME_ERROR = "NameError": EXCEPTION [getsets NAME_ERROR_GETSETS], init = name_error_init;
    UNBOUND_LOCAL_ERROR = "UnboundLocalError": NAME_ERROR;
    OS_ERROR = "OSError": EXCEPTION [getsets OS_ERROR_GETSETS], new = os_error_new, init = os_error_init, str = os_error_str;
    BLOCKING_IO_ERROR = "BlockingIOError": OS_ERROR;
    CHILD_PROCESS_ERROR = "ChildProcessError": OS_ERROR;
    CONNECTION_ERROR = "ConnectionError": OS_ERROR;
    BROKEN_PIPE_ERROR = "BrokenPipeError": CONNECTION_ERROR;
    CONNECTION_ABORTED_ERROR = "ConnectionAbortedError": CONNECTION_ERROR;
    CONNECTION_REFUSED_ERROR = "ConnectionRefusedError": CONNECTION_ERROR;
    CONNECTION_RESET_ERROR = "ConnectionResetError": CONNECTION_ERROR;
    FILE_EXISTS_ERROR = "FileExistsError": OS_ERROR;
    FILE_NOT_FOUND_ERROR = "FileNotFoundError": OS_ERROR;
    INTERRUPTED_ERROR = "InterruptedError": OS_ERROR;
    IS_A_DIRECTORY_ERROR = "IsADirectoryError": OS_ERROR;
    NOT_A_DIRECTORY_ERROR = "NotADirectoryError": OS_ERROR;
    PERMISSION_ERROR = "PermissionError": OS_ERROR;
    PROCESS_LOOKUP_ERROR = "ProcessLookupError": OS_ERROR;
    TIMEOUT_ERROR = "TimeoutError": OS_ERROR;
    REFERENCE_ERROR = "ReferenceError": EXCEPTION;
    RUNTIME_ERROR = "RuntimeError": EXCEPTION;
    NOT_IMPLEMENTED_ERROR = "NotImplementedError": RUNTIME_ERROR;
    RECURSION_ERROR = "RecursionError": RUNTIME_ERROR;
    STOP_ASYNC_ITERATION = "StopAsyncIteration": EXCEPTION;
    STOP_ITERATION = "StopIteration": EXCEPTION [getsets STOP_ITERATION_GETSETS], init = stop_iteration_init;
    SYNTAX_ERROR = "SyntaxError": EXCEPTION [getsets SYNTAX_ERROR_GETSETS], init = syntax_error_init, str = syntax_error_str;
    INDENTATION_ERROR = "IndentationError": SYNTAX_ERROR;
    TAB_ERROR = "TabError": INDENTATION_ERROR;
    SYSTEM_ERROR = "SystemError": EXCEPTION;
    TYPE_ERROR = "TypeError": EXCEPTION;
    VALUE_ERROR = "ValueError": EXCEPTION;
    UNICODE_ERROR = "UnicodeError": VALUE_ERROR [getsets UNICODE_ERROR_GETSETS], init = unicode_error_init, str = unicode_error_str;
    UNICODE_DECODE_ERROR = "UnicodeDecodeError": UNICODE_ERROR;
    UNICODE_ENCODE_ERROR = "UnicodeEncodeError": UNICODE_ERROR;
    UNICODE_TRANSLATE_ERROR = "UnicodeTranslateError": UNICODE_ERROR;
    WARNING = "Warning": EXCEPTION;
    BYTES_WARNING = "BytesWarning": WARNING;
    DEPRECATION_WARNING = "DeprecationWarning": WARNING;
    ENCODING_WARNING = "EncodingWarning": WARNING;
    FUTURE_WARNING = "FutureWarning": WARNING;
    IMPORT_WARNING = "ImportWarning": WARNING;
    PENDING_DEPRECATION_WARNING = "PendingDeprecationWarning": WARNING;
    RESOURCE_WARNING = "ResourceWarning": WARNING;
    RUNTIME_WARNING = "RuntimeWarning": WARNING;
    SYNTAX_WARNING = "SyntaxWarning": WARNING;
    UNICODE_WARNING = "UnicodeWarning": WARNING;
    USER_WARNING = "UserWarning": WARNING;
}

/// Extra bases of static exception types with multiple inheritance.
pub fn extra_bases(t: &TypeObj) -> Option<&'static TypeObj> {
    if t.is(&EXCEPTION_GROUP) {
        Some(&EXCEPTION)
    } else {
        None
    }
}

/// Whether `o` is an exception instance.
pub fn is_exception(o: &Obj) -> bool {
    o.isa::<ExceptionObj>()
}

/// Whether `o` is an exception class.
pub fn is_exception_class(o: &Obj) -> bool {
    o.downcast::<TypeObj>().is_some_and(|t| t.has_flag(flags::BASE_EXC_SUBCLASS))
}

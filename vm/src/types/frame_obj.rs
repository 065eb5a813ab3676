//! Heap frame objects: built only when Python asks for a frame
//! (`sys._getframe`, tracebacks, `gi_frame`). While the interpreter frame
//! runs, the object reads it live; when the frame exits it keeps a snapshot.

use std::cell::Cell;

use crate::eval::frame::{Frame, FramePtr};
use crate::object::{Obj, PyCell, PyPayload, PyRef};
use crate::runtime::PyResult;
use crate::types::code::CodeObj;
use crate::types::dict::{new_dict, DictObj};
use crate::types::str::from_string;
use crate::types::typeobj::{Args, GetSetDef, MethodDef, TypeObj};
use crate::types::{int, none};
use ember_compiler::code::local_kind;

#[repr(C)]
pub struct FrameObj {
    pub ob: Obj,
    /// The live interpreter frame, or null once it exited.
    frame: Cell<*mut Frame>,
    code: PyRef,
    globals: PyRef,
    builtins: PyRef,
    /// Snapshot taken when the frame exits.
    dead_lasti: Cell<i32>,
    dead_locals: PyCell<Option<PyRef>>,
    back: PyCell<Option<PyRef>>,
}

// SAFETY: `#[repr(C)]` starting with `Obj`.
unsafe impl PyPayload for FrameObj {
    fn class() -> &'static TypeObj {
        &FRAME_TYPE
    }
}

/// The frame object of `f`, creating it on first request.
pub fn frame_object(f: FramePtr) -> PyRef {
    if let Some(fo) = f.frame_obj() {
        return fo;
    }
    let fo = FrameObj {
        ob: Obj::new(&FRAME_TYPE.0),
        frame: Cell::new(f.as_raw()),
        code: f.code_ref().clone(),
        globals: f.globals().to_owned(),
        builtins: f.builtins().to_owned(),
        dead_lasti: Cell::new(-1),
        dead_locals: PyCell::new(None),
        back: PyCell::new(None),
    };
    let obj = crate::object::alloc::alloc_object(&FRAME_TYPE, fo, 0);
    f.set_frame_obj(obj.clone());
    obj
}

/// Called when the interpreter frame exits: snapshot its state.
pub fn detach(fo: &Obj, f: FramePtr) {
    let Some(o) = fo.downcast::<FrameObj>() else { return };
    o.dead_lasti.set(f.lasti());
    if o.dead_locals.with(|l| l.is_none()) {
        if let Ok(d) = locals_dict(f) {
            o.dead_locals.set_opt(Some(d));
        }
    }
    if o.back.with(|b| b.is_none()) {
        if let Some(p) = f.previous() {
            o.back.set_opt(Some(frame_object(p)));
        }
    }
    o.frame.set(std::ptr::null_mut());
}

fn live(o: &FrameObj) -> Option<FramePtr> {
    FramePtr::from_raw(o.frame.get())
}

/// `frame.f_locals` / `locals()`: the locals mapping, or a dict built from the
/// fast locals (cells dereferenced).
pub fn locals_dict(f: FramePtr) -> PyResult<PyRef> {
    if let Some(l) = f.locals() {
        return Ok(l.clone());
    }
    let d = new_dict();
    let dd = d.downcast::<DictObj>().expect("dict");
    let code = f.code();
    for i in 0..f.nlocalsplus() {
        let kind = code.localsplus_kinds[i];
        let Some(v) = f.local_clone(i) else { continue };
        let value = if kind & (local_kind::CELL | local_kind::FREE) != 0 {
            // MAKE_CELL may not have run yet for a cell slot holding a plain value.
            match v.downcast::<crate::types::cell::CellObj>() {
                Some(c) => match c.get() {
                    Some(x) => x,
                    None => continue,
                },
                None => v,
            }
        } else {
            v
        };
        // Free variables of class bodies and comprehensions are still shown.
        dd.set_item(&code.localsplus_names[i], value)?;
    }
    Ok(d)
}

fn this(o: &Obj) -> &FrameObj {
    o.downcast::<FrameObj>().expect("frame")
}

fn g_code(o: &Obj) -> PyResult {
    Ok(this(o).code.clone())
}
fn g_globals(o: &Obj) -> PyResult {
    Ok(this(o).globals.clone())
}
fn g_builtins(o: &Obj) -> PyResult {
    Ok(this(o).builtins.clone())
}
fn g_locals(o: &Obj) -> PyResult {
    let fo = this(o);
    match live(fo) {
        Some(f) => locals_dict(f),
        None => Ok(fo.dead_locals.get_clone().unwrap_or_else(new_dict)),
    }
}
fn lasti_of(fo: &FrameObj) -> i32 {
    match live(fo) {
        Some(f) => f.lasti(),
        None => fo.dead_lasti.get(),
    }
}
fn g_lineno(o: &Obj) -> PyResult {
    let fo = this(o);
    let code = fo.code.downcast::<CodeObj>().expect("code");
    let i = lasti_of(fo);
    let line = if i < 0 { Some(code.first_line) } else { code.line_of(i as usize) };
    Ok(line.map_or_else(none, |l| int::new_int(l as i64)))
}
fn g_lasti(o: &Obj) -> PyResult {
    Ok(int::new_int(lasti_of(this(o)).max(0) as i64 * 2))
}
fn g_back(o: &Obj) -> PyResult {
    let fo = this(o);
    if let Some(f) = live(fo) {
        return Ok(f.previous().map_or_else(none, frame_object));
    }
    Ok(fo.back.get_clone().unwrap_or_else(none))
}
fn g_trace(_o: &Obj) -> PyResult {
    Ok(none())
}
fn s_trace(_o: &Obj, _v: Option<&Obj>) -> PyResult<()> {
    Ok(())
}

fn frame_repr(o: &Obj) -> PyResult {
    let fo = this(o);
    let code = fo.code.downcast::<CodeObj>().expect("code");
    let i = lasti_of(fo);
    let line = if i < 0 { Some(code.first_line) } else { code.line_of(i as usize) };
    Ok(from_string(format!(
        "<frame at {:#x}, file '{}', line {}, code {}>",
        o.as_ptr() as usize,
        code.filename_str(),
        line.unwrap_or(0),
        code.name_str()
    )))
}

fn frame_traverse(o: &Obj, visit: &mut dyn FnMut(&Obj)) {
    let fo = this(o);
    visit(&fo.code);
    visit(&fo.globals);
    for c in [&fo.dead_locals, &fo.back] {
        c.with(|v| {
            if let Some(v) = v {
                visit(v)
            }
        });
    }
}

fn frame_clear_slot(o: &Obj) {
    let fo = this(o);
    fo.dead_locals.set_opt(None);
    fo.back.set_opt(None);
}

fn m_clear(a: Args) -> PyResult {
    let [s] = crate::util::args::exact::<1>(a, "clear")?;
    if live(this(s)).is_some() {
        return Err(crate::runtime::PyErr::runtime_error("cannot clear an executing frame"));
    }
    frame_clear_slot(s);
    Ok(none())
}

static METHODS: &[MethodDef] = &[MethodDef::method("clear", m_clear)];
static GETSETS: &[GetSetDef] = &[
    GetSetDef::getter("f_code", g_code),
    GetSetDef::getter("f_globals", g_globals),
    GetSetDef::getter("f_builtins", g_builtins),
    GetSetDef::getter("f_locals", g_locals),
    GetSetDef::getter("f_lineno", g_lineno),
    GetSetDef::getter("f_lasti", g_lasti),
    GetSetDef::getter("f_back", g_back),
    GetSetDef::getset("f_trace", g_trace, s_trace),
];

crate::static_type! {
    pub static FRAME_TYPE: FrameObj = "frame" {
        flags: HAVE_GC,
        methods: METHODS,
        getsets: GETSETS,
        slots: { repr: frame_repr, traverse: frame_traverse, clear: frame_clear_slot },
    }
}

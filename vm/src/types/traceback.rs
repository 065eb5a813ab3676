//! Traceback objects: one entry per frame an exception passed through.

use crate::object::{Obj, PyCell, PyPayload, PyRef};
use crate::runtime::{PyErr, PyResult};
use crate::types::typeobj::{Args, GetSetDef, TypeObj};
use crate::types::{int, none};

#[repr(C)]
pub struct TracebackObj {
    pub ob: Obj,
    next: PyCell<Option<PyRef>>,
    pub frame: PyRef,
    pub lasti: i32,
    pub lineno: i32,
}

// SAFETY: `#[repr(C)]` starting with `Obj`.
unsafe impl PyPayload for TracebackObj {
    fn class() -> &'static TypeObj {
        &TRACEBACK_TYPE
    }
}

/// A new entry for `frame` in front of `next`.
pub fn new_traceback(next: Option<PyRef>, frame: PyRef, lasti: i32, lineno: i32) -> PyRef {
    crate::object::alloc::alloc_object(
        &TRACEBACK_TYPE,
        TracebackObj { ob: Obj::new(&TRACEBACK_TYPE.0), next: PyCell::new(next), frame, lasti, lineno },
        0,
    )
}

impl TracebackObj {
    pub fn next(&self) -> Option<PyRef> {
        self.next.get_clone()
    }
}

fn this(o: &Obj) -> &TracebackObj {
    o.downcast::<TracebackObj>().expect("traceback")
}

fn g_next(o: &Obj) -> PyResult {
    Ok(this(o).next().unwrap_or_else(none))
}
fn s_next(o: &Obj, v: Option<&Obj>) -> PyResult<()> {
    let v = v.ok_or_else(|| PyErr::type_error("can't delete tb_next attribute"))?;
    let new = if v.is_none() {
        None
    } else if v.isa::<TracebackObj>() {
        // Refuse loops.
        let mut cur = Some(v.to_owned());
        while let Some(c) = cur {
            if c.is(o) {
                return Err(PyErr::value_error("traceback loop detected"));
            }
            cur = this(&c).next();
        }
        Some(v.to_owned())
    } else {
        return Err(PyErr::type_error(format!("expected traceback object or None, got '{}'", v.class().name())));
    };
    this(o).next.set_opt(new);
    Ok(())
}
fn g_frame(o: &Obj) -> PyResult {
    Ok(this(o).frame.clone())
}
fn g_lasti(o: &Obj) -> PyResult {
    Ok(int::new_int(this(o).lasti as i64 * 2))
}
fn g_lineno(o: &Obj) -> PyResult {
    Ok(int::new_int(this(o).lineno as i64))
}

fn tb_new(_t: &TypeObj, a: Args) -> PyResult {
    let [next, frame, lasti, lineno] =
        crate::util::args::parse(a, "traceback", &["tb_next", "tb_frame", "tb_lasti", "tb_lineno"], 4)?;
    let next = next.expect("tb_next");
    let frame = frame.expect("tb_frame");
    if !frame.isa::<crate::types::frame_obj::FrameObj>() {
        return Err(PyErr::type_error(format!(
            "TracebackType() argument 'tb_frame' must be frame, not {}",
            frame.class().name()
        )));
    }
    let next = if next.is_none() { None } else { Some(next.to_owned()) };
    let lasti = int::expect_i64(lasti.expect("lasti"), "int")? as i32 / 2;
    let lineno = int::expect_i64(lineno.expect("lineno"), "int")? as i32;
    Ok(new_traceback(next, frame.to_owned(), lasti, lineno))
}

fn tb_traverse(o: &Obj, visit: &mut dyn FnMut(&Obj)) {
    let t = this(o);
    t.next.with(|n| {
        if let Some(n) = n {
            visit(n)
        }
    });
    visit(&t.frame);
}

static GETSETS: &[GetSetDef] = &[
    GetSetDef::getset("tb_next", g_next, s_next),
    GetSetDef::getter("tb_frame", g_frame),
    GetSetDef::getter("tb_lasti", g_lasti),
    GetSetDef::getter("tb_lineno", g_lineno),
];

crate::static_type! {
    pub static TRACEBACK_TYPE: TracebackObj = "traceback" {
        flags: HAVE_GC,
        getsets: GETSETS,
        slots: { new: tb_new, traverse: tb_traverse },
    }
}

//! `cell`: a variable shared between a scope and its closures.

use crate::object::{Obj, PyCell, PyPayload, PyRef};
use crate::ops;
use crate::runtime::{PyErr, PyResult};
use crate::types::str::from_string;
use crate::types::typeobj::{Args, GetSetDef, TypeObj};
use crate::types::{exceptions, not_implemented};
use ember_compiler::bytecode::CompareOp;

#[repr(C)]
pub struct CellObj {
    pub ob: Obj,
    value: PyCell<Option<PyRef>>,
}

// SAFETY: `#[repr(C)]` starting with `Obj`.
unsafe impl PyPayload for CellObj {
    fn class() -> &'static TypeObj {
        &CELL_TYPE
    }
}

pub fn new_cell(value: Option<PyRef>) -> PyRef {
    crate::object::alloc::alloc_object(&CELL_TYPE, CellObj { ob: Obj::new(&CELL_TYPE.0), value: PyCell::new(value) }, 0)
}

impl CellObj {
    #[inline]
    pub fn get(&self) -> Option<PyRef> {
        self.value.get_clone()
    }

    /// Sets the contents; the old value is dropped after the borrow.
    #[inline]
    pub fn set(&self, v: Option<PyRef>) {
        let old = self.value.replace(v);
        drop(old);
    }

    pub fn is_empty(&self) -> bool {
        self.value.with(|v| v.is_none())
    }
}

fn this(o: &Obj) -> &CellObj {
    o.downcast::<CellObj>().expect("cell")
}

fn cell_repr(o: &Obj) -> PyResult {
    let c = this(o);
    Ok(from_string(match c.get() {
        None => format!("<cell at {:#x}: empty>", o.as_ptr() as usize),
        Some(v) => {
            format!("<cell at {:#x}: {} object at {:#x}>", o.as_ptr() as usize, v.class().name(), v.as_ptr() as usize)
        }
    }))
}

fn g_contents(o: &Obj) -> PyResult {
    this(o).get().ok_or_else(|| PyErr::new(&exceptions::VALUE_ERROR, "Cell is empty"))
}

fn s_contents(o: &Obj, v: Option<&Obj>) -> PyResult<()> {
    this(o).set(v.map(|v| v.to_owned()));
    Ok(())
}

fn cell_richcompare(a: &Obj, b: &Obj, op: CompareOp) -> PyResult {
    let (Some(x), Some(y)) = (a.downcast::<CellObj>(), b.downcast::<CellObj>()) else {
        return Ok(not_implemented());
    };
    match (x.get(), y.get()) {
        (Some(p), Some(q)) => ops::richcompare(&p, &q, op),
        (p, q) => Ok(crate::types::new_bool(crate::types::int::compare_result(
            (p.is_some() as u8).cmp(&(q.is_some() as u8)),
            op,
        ))),
    }
}

fn cell_new(_t: &TypeObj, a: Args) -> PyResult {
    let [v] = crate::util::args::parse(a, "cell", &["contents", "/"], 0)?;
    Ok(new_cell(v.map(|v| v.to_owned())))
}

fn cell_traverse(o: &Obj, visit: &mut dyn FnMut(&Obj)) {
    this(o).value.with(|v| {
        if let Some(v) = v {
            visit(v)
        }
    });
}

fn cell_clear(o: &Obj) {
    this(o).set(None);
}

static GETSETS: &[GetSetDef] = &[GetSetDef::getset("cell_contents", g_contents, s_contents)];

crate::static_type! {
    pub static CELL_TYPE: CellObj = "cell" {
        flags: HAVE_GC,
        getsets: GETSETS,
        slots: {
            repr: cell_repr, richcompare: cell_richcompare, new: cell_new, traverse: cell_traverse,
            clear: cell_clear, hash: crate::types::object::hash_not_implemented,
        },
    }
}

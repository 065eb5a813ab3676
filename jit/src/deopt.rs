//! The deopt runtime: the helper side exits call, which writes a
//! [`DeoptPoint`]'s FrameState into the interpreter frame and releases the
//! references compiled code owned, and the per-function, reason and line
//! counts `cinderjit.get_and_clear_runtime_stats()` reports.
//!
//! # Safety
//!
//! [`deopt`] is called only by side exits the lowering produced: `meta` is
//! the [`CompiledMeta`] of the running compiled function (kept alive for the
//! life of the process), `index` one of its points, `values` the array the
//! exit filled with one word per entry of the point's `values`, and `frame`
//! the live frame the function runs on.

use std::cell::RefCell;
use std::collections::BTreeMap;

use ember_lir::{DeoptPoint, ValueKind};
use ember_vm::eval::compiled as c;
use ember_vm::eval::frame::{Frame, FramePtr};
use ember_vm::eval::jit_hook::DEOPT_RESUME;
use ember_vm::object::{Obj, PyRef, Static};
use ember_vm::runtime::PyErr;
use ember_vm::types::code::CodeObj;

// Machine code returns the lowering's constant; the VM reads its own.
const _: () = assert!(ember_lir::runtime::DEOPT_RESUME as usize == DEOPT_RESUME);

/// What the runtime keeps for one compiled function.
pub struct CompiledMeta {
    pub points: Vec<DeoptPoint>,
    pub qualname: String,
    pub filename: String,
    /// The code object (for line numbers).
    pub code: PyRef,
}

/// One kind of deopt event.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct DeoptKey {
    pub qualname: String,
    pub filename: String,
    pub line: u32,
    pub reason: &'static str,
    /// The type of the value a failed guard checked.
    pub guilty_type: Option<String>,
}

static EVENTS: Static<RefCell<BTreeMap<DeoptKey, u64>>> = Static(RefCell::new(BTreeMap::new()));

/// Takes the deopt counts recorded so far.
pub fn take_events() -> BTreeMap<DeoptKey, u64> {
    std::mem::take(&mut *EVENTS.borrow_mut())
}

/// A new reference for value `k` of the array, boxing machine values.
fn materialise(kind: ValueKind, word: u64) -> Option<PyRef> {
    match kind {
        ValueKind::Object => {
            let p = word as *mut Obj;
            // SAFETY: the exit stored a live object pointer (or null) that
            // compiled code holds a reference to.
            unsafe { p.as_ref() }.map(|o| o.to_owned())
        }
        ValueKind::CInt64 => Some(c::box_long(word as i64)),
        ValueKind::CDouble => Some(c::box_float(f64::from_bits(word))),
        ValueKind::CBool => Some(c::box_bool(word & 1 != 0)),
    }
}

/// The helper side exits call. Returns what the compiled function returns.
///
/// # Safety
/// See the module documentation.
pub unsafe extern "C" fn deopt(
    frame: *mut Frame,
    meta: *const CompiledMeta,
    index: i64,
    values: *const u64,
) -> *mut Obj {
    // SAFETY: per the module contract.
    let (meta, f) = unsafe { (&*meta, FramePtr::from_raw(frame).expect("deopt on a frame")) };
    let Some(p) = meta.points.get(index as usize) else {
        PyErr::system_error("deopt: bad point index").restore();
        return std::ptr::null_mut();
    };
    // Fetched first: releasing references below may run finalisers.
    let raised = if p.raised { Some(PyErr::fetch()) } else { None };
    // SAFETY: the exit filled one word per value.
    let words: Vec<u64> = (0..p.values.len()).map(|k| unsafe { *values.add(k) }).collect();
    let value = |k: usize| materialise(p.values[k], words[k]);
    let locals: Vec<Option<PyRef>> = p.locals.iter().map(|s| s.and_then(value)).collect();
    let stack: Vec<Option<PyRef>> = p.stack.iter().map(|s| s.and_then(value)).collect();
    let lasti = if p.raised || p.yielded { p.next_instr as i32 } else { c::resume_lasti(f, p.next_instr) };
    if p.yielded {
        f.set_jit_yielded();
    } else {
        record(meta, p, &words);
    }
    c::write_frame_state(f, locals, stack, lasti);
    for &k in &p.release {
        let ptr = words[k] as *mut Obj;
        if p.values[k] == ValueKind::Object && !ptr.is_null() {
            // SAFETY: compiled code owned this reference (RefcountInsertion's
            // rule) and hands it to the exit, which drops it here.
            unsafe { Obj::decref(ptr) };
        }
    }
    match raised {
        Some(e) => {
            e.restore();
            std::ptr::null_mut()
        }
        None => DEOPT_RESUME as *mut Obj,
    }
}

fn record(meta: &CompiledMeta, p: &DeoptPoint, words: &[u64]) {
    let code = meta.code.downcast::<CodeObj>();
    let line = code.and_then(|c| c.line_of(p.next_instr as usize)).unwrap_or(0);
    let guilty_type = p.guilty.and_then(|k| {
        let ptr = words[k] as *mut Obj;
        // SAFETY: a guarded value is a live object or null.
        unsafe { ptr.as_ref() }.map(|o| o.class().name().to_string())
    });
    let key = DeoptKey {
        qualname: meta.qualname.clone(),
        filename: meta.filename.clone(),
        line,
        reason: p.reason.name(),
        guilty_type,
    };
    *EVENTS.borrow_mut().entry(key).or_default() += 1;
}

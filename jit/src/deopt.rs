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
use ember_vm::eval::attr_cache::AttrSite;
use ember_vm::eval::compiled as c;
use ember_vm::eval::frame::{Frame, FramePtr};
use ember_vm::eval::jit_hook::DEOPT_RESUME;
use ember_vm::object::{Obj, PyRef, Static};
use ember_vm::runtime::PyErr;
use ember_vm::types::code::CodeObj;
use smallvec::SmallVec;

// Machine code returns the lowering's constant; the VM reads its own.
const _: () = assert!(ember_lir::runtime::DEOPT_RESUME as usize == DEOPT_RESUME);

/// What the runtime keeps for one compiled function.
pub struct CompiledMeta {
    pub points: Vec<DeoptPoint>,
    pub qualname: String,
    pub filename: String,
    /// The code object (for line numbers).
    pub code: PyRef,
    /// One attribute cache per `LoadAttr`, `StoreAttr` and `LoadMethod`
    /// site (machine code holds their addresses).
    pub attr_caches: Vec<Box<AttrSite>>,
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
    let word = |k: usize| unsafe { *values.add(k) };
    let lasti = if p.raised || p.yielded { p.next_instr as i32 } else { c::resume_lasti(f, p.next_instr) };
    if p.yielded {
        f.set_jit_yielded();
    } else {
        record(meta, p, word);
    }
    write_state(f, p, word);
    f.set_lasti(lasti);
    for &k in &p.release {
        let ptr = word(k) as *mut Obj;
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

/// True when the point's value `k` is the object `slot` already holds, so
/// the frame's reference stands and nothing needs writing (the common case at
/// a yield: most locals and the iterators below the stack top are unchanged).
fn unchanged(p: &DeoptPoint, k: Option<usize>, slot: Option<&Obj>, word: impl Fn(usize) -> u64) -> bool {
    match (k, slot) {
        (Some(k), Some(o)) => p.values[k] == ValueKind::Object && std::ptr::eq(o, word(k) as *const Obj),
        (None, None) => true,
        _ => false,
    }
}

/// Writes the point's locals and value stack into the frame in place. The
/// frame's old values are released only after every new value holds its
/// reference: a value compiled code merely borrowed from one slot may be
/// moving to another.
fn write_state(f: FramePtr, p: &DeoptPoint, word: impl Fn(usize) -> u64 + Copy) {
    let value = |k: usize| materialise(p.values[k], word(k));
    let mut old: SmallVec<[Option<PyRef>; 8]> = SmallVec::new();
    for (i, &s) in p.locals.iter().enumerate().take(f.nlocalsplus()) {
        if !unchanged(p, s, f.local(i), word) {
            old.push(f.replace_local(i, s.and_then(value)));
        }
    }
    let n = p.stack.len();
    if f.depth() == n {
        for (j, &s) in p.stack.iter().enumerate() {
            if !unchanged(p, s, f.peek(n - j), word) {
                old.push(f.replace_top(n - j, s.and_then(value)));
            }
        }
    } else {
        while f.depth() > 0 {
            old.push(f.pop_opt());
        }
        for &s in &p.stack {
            f.push_opt(s.and_then(value));
        }
    }
    drop(old);
}

fn record(meta: &CompiledMeta, p: &DeoptPoint, word: impl Fn(usize) -> u64) {
    let code = meta.code.downcast::<CodeObj>();
    let line = code.and_then(|c| c.line_of(p.next_instr as usize)).unwrap_or(0);
    let guilty_type = p.guilty.and_then(|k| {
        let ptr = word(k) as *mut Obj;
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

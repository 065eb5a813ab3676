//! Collector policy: when to collect automatically, and finaliser bookkeeping.

use std::cell::{Cell, RefCell};
use std::collections::HashSet;

use crate::object::{Obj, Static};

static ENABLED: Static<Cell<bool>> = Static(Cell::new(true));
static FINALIZED: Static<RefCell<Option<HashSet<usize>>>> = Static(RefCell::new(None));
static COLLECTING: Static<Cell<bool>> = Static(Cell::new(false));
/// Minimum allocations of tracked objects between automatic collections.
pub static THRESHOLD: Static<Cell<usize>> = Static(Cell::new(700));

pub fn is_enabled() -> bool {
    ENABLED.get()
}

pub fn set_enabled(on: bool) {
    ENABLED.set(on);
}

/// Whether `__del__` already ran for this object.
pub fn is_finalized(o: &Obj) -> bool {
    FINALIZED.borrow().as_ref().is_some_and(|s| s.contains(&(o.as_ptr() as usize)))
}

pub fn mark_finalized(o: &Obj) {
    FINALIZED.borrow_mut().get_or_insert_with(HashSet::new).insert(o.as_ptr() as usize);
}

/// Forgets a dying object's finaliser record (its address may be reused).
pub fn forget(o: &Obj) {
    if let Some(s) = FINALIZED.borrow_mut().as_mut() {
        s.remove(&(o.as_ptr() as usize));
    }
}

/// A full collection; returns the number of unreachable objects found.
pub fn collect() -> usize {
    if COLLECTING.get() {
        return 0;
    }
    COLLECTING.set(true);
    let n = crate::object::collect::collect_cycles();
    crate::object::alloc::GC_ALLOCS.set(0);
    COLLECTING.set(false);
    n
}

/// Collects if enough tracked objects were allocated since the last run
/// (amortised: at least half the live tracked objects). Called at safe points.
#[inline]
pub fn maybe_collect() {
    let allocs = crate::object::alloc::GC_ALLOCS.get();
    if allocs < THRESHOLD.get() || !ENABLED.get() {
        return;
    }
    if allocs * 2 < crate::object::alloc::GC_TRACKED.get() {
        return;
    }
    collect();
}

/// Number of tracked objects and allocations since the last collection.
pub fn counts() -> (usize, usize) {
    (crate::object::alloc::GC_ALLOCS.get(), crate::object::alloc::GC_TRACKED.get())
}

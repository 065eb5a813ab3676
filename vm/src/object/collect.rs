//! The cycle collector's core: finds groups of tracked objects reachable only
//! from each other and clears them.
//!
//! Algorithm (as CPython's): copy each tracked object's refcount into its
//! `gc_refs`; subtract one for every reference from another tracked object;
//! objects left with a positive count are referenced from outside and, with
//! everything they reach, survive. The rest is garbage: finalisers run once,
//! survivors of resurrection are rechecked, then each object's `clear` slot
//! drops its references so the cycles fall apart.

use super::alloc::{for_each_tracked, gc_head, gc_object};
use super::header::Obj;
use crate::types::typeobj::flags;

const REACHABLE: isize = -1;

fn tracked(o: &Obj) -> bool {
    !o.is_immortal() && o.class().has_flag(flags::HAVE_GC)
}

/// Reads the scratch word of a tracked object.
fn refs(o: &Obj) -> isize {
    // SAFETY: only called for tracked objects, which have a GcHead.
    unsafe { (*gc_head(o)).gc_refs.get() }
}

fn set_refs(o: &Obj, v: isize) {
    // SAFETY: as `refs`.
    unsafe { (*gc_head(o)).gc_refs.set(v) }
}

/// The tracked objects that are unreachable from outside the tracked set.
fn find_unreachable() -> Vec<*mut Obj> {
    let mut all: Vec<*mut Obj> = Vec::new();
    for_each_tracked(|h| {
        // SAFETY: `h` is the head of a live tracked object.
        all.push(unsafe { gc_object(h) });
    });
    let objs: Vec<&Obj> = all
        .iter()
        // SAFETY: the pointers come from the tracked list; nothing is freed while
        // the collector computes reachability (no Python code runs here).
        .map(|p| unsafe { &**p })
        .filter(|o| tracked(o))
        .collect();
    for o in &objs {
        set_refs(o, o.refcnt());
    }
    for o in &objs {
        if let Some(tr) = o.class().traverse.get() {
            tr(o, &mut |r| {
                if tracked(r) {
                    let v = refs(r);
                    if v > 0 {
                        set_refs(r, v - 1);
                    }
                }
            });
        }
    }
    let mut work: Vec<&Obj> = Vec::new();
    for o in &objs {
        if refs(o) > 0 {
            set_refs(o, REACHABLE);
            work.push(o);
        }
    }
    while let Some(o) = work.pop() {
        if let Some(tr) = o.class().traverse.get() {
            tr(o, &mut |r| {
                if tracked(r) && refs(r) != REACHABLE {
                    set_refs(r, REACHABLE);
                    // SAFETY: `r` is a live tracked object referenced by a live
                    // object; the borrow outlives this loop iteration because
                    // nothing is freed during reachability analysis.
                    work.push(unsafe { &*(r as *const Obj) });
                }
            });
        }
    }
    objs.iter().filter(|o| refs(o) != REACHABLE).map(|o| o.as_ptr()).collect()
}

/// Runs one full collection; returns the number of unreachable objects found.
pub fn collect_cycles() -> usize {
    let mut unreachable = find_unreachable();
    if unreachable.is_empty() {
        return 0;
    }
    // Weak references to the garbage die first, and the callbacks of those
    // outside it run (as in CPython, before finalisers). Callbacks cannot
    // reach the garbage (its weak references are dead), but they run
    // arbitrary code, so the garbage is held meanwhile and reachability is
    // recomputed afterwards.
    let keep: Vec<crate::object::PyRef> = unreachable
        .iter()
        // SAFETY: objects found unreachable are alive (each is referenced from
        // its cycle); no code ran since they were found.
        .map(|p| unsafe { &**p }.to_owned())
        .collect();
    let detached = super::weakref::clear_for_garbage(&unreachable);
    drop(keep);
    if detached {
        unreachable = find_unreachable();
    }
    // Finalisers run once per object; then reachability is recomputed, since a
    // finaliser may have resurrected part of the garbage.
    let mut ran_finalizer = false;
    for &p in &unreachable {
        // SAFETY: tracked and alive (refcount >= 1 since it is in a cycle).
        let o = unsafe { &*p };
        if o.class().finalize.get().is_some() && !crate::gc::is_finalized(o) {
            ran_finalizer = true;
        }
    }
    if ran_finalizer {
        let keep: Vec<crate::object::PyRef> = unreachable
            .iter()
            // SAFETY: as above; taking a reference keeps each object alive while
            // finalisers run arbitrary code.
            .map(|p| unsafe { &**p }.to_owned())
            .collect();
        for o in &keep {
            if let Some(fin) = o.class().finalize.get() {
                if !crate::gc::is_finalized(o) {
                    fin(o);
                    crate::gc::mark_finalized(o);
                }
            }
        }
        drop(keep);
        unreachable = find_unreachable();
    }
    let n = unreachable.len();
    // Hold a reference to every object so none is freed while others clear.
    let keep: Vec<crate::object::PyRef> = unreachable
        .iter()
        // SAFETY: objects found unreachable are still alive at this point.
        .map(|p| unsafe { &**p }.to_owned())
        .collect();
    for o in &keep {
        if let Some(clear) = o.class().clear.get() {
            clear(o);
        }
    }
    drop(keep);
    n
}

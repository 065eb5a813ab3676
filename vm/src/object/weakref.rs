//! Weak references: the payload shared by `weakref.ref`, its subclasses and
//! the proxy types, and the side table that finds the weak references to an
//! object when it dies.
//!
//! # The side table
//! Objects carry no weak-reference field. A per-process map, keyed by the
//! referent's address, holds the weak reference objects pointing at it, in
//! the order CPython keeps them: the plain `ref` without callback first, then
//! the plain proxy without callback, then the others, newest first. Callbacks
//! run in that order.
//!
//! A dying object consults the map only when its type has the `WEAKREFABLE`
//! flag and a counting filter (one counter per hash bucket of addresses with
//! entries) says its bucket is in use, so objects without weak references pay
//! a flag test, and rarely a counter load, in `dealloc`.
//!
//! **Invariant:** every pointer in the table is a live weak reference object
//! (reference count above zero, or dying but not yet past the unlink at the
//! start of its deallocation), and a weak reference's `referent` is non-null
//! exactly while it is listed under that address, which is only while the
//! referent is alive (deallocation and the cycle collector detach every weak
//! reference before anything else can free the referent). Entries are added
//! and removed without running Python code; callbacks run only after the dead
//! object's references are all detached.

use std::cell::{Cell, RefCell};
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

use super::header::{Obj, PyRef, Static};
use super::PyCell;
use crate::types::typeobj::flags;

/// The payload of weak reference and proxy objects.
#[repr(C)]
pub struct WeakRefObj {
    pub ob: Obj,
    /// The referent while it is alive; null once it died (or the reference
    /// was cleared). Not a counted reference.
    referent: Cell<*mut Obj>,
    /// The callback, dropped when it has run or the reference is cleared.
    pub callback: PyCell<Option<PyRef>>,
    /// The referent's hash, remembered once computed.
    pub hash: Cell<Option<i64>>,
}

impl WeakRefObj {
    /// A payload pointing at `referent`, not yet listed (see [`link`]).
    pub fn new(ty: &crate::types::typeobj::TypeObj, referent: &Obj, callback: Option<PyRef>) -> WeakRefObj {
        WeakRefObj {
            ob: Obj::new(ty),
            referent: Cell::new(referent.as_ptr()),
            callback: PyCell::new(callback),
            hash: Cell::new(None),
        }
    }

    /// Views a weak reference or proxy object (any type with `IS_WEAKREF`).
    pub fn from_obj(o: &Obj) -> Option<&WeakRefObj> {
        if o.class().has_flag(flags::IS_WEAKREF) {
            // SAFETY: types with IS_WEAKREF (ref, the proxies and subclasses)
            // lay their instances out as a `WeakRefObj` first.
            Some(unsafe { &*(o as *const Obj as *const WeakRefObj) })
        } else {
            None
        }
    }

    /// The referent, if it is alive.
    pub fn get(&self) -> Option<PyRef> {
        let p = self.referent.get();
        if p.is_null() {
            None
        } else {
            // SAFETY: by the module invariant a non-null referent is alive.
            Some(unsafe { (*p).to_owned() })
        }
    }

    pub fn is_alive(&self) -> bool {
        !self.referent.get().is_null()
    }

    /// Calls `f` with the referent borrowed, if it is alive.
    pub fn with_referent<R>(&self, f: impl FnOnce(&Obj) -> R) -> Option<R> {
        self.get().map(|r| f(&r))
    }
}

/// A hasher for addresses (Fibonacci multiplication; keys are distinct
/// 8-aligned addresses, so a good spread of the high bits suffices).
#[derive(Default)]
struct AddrHasher(u64);

impl Hasher for AddrHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0.rotate_left(8) ^ u64::from(b)).wrapping_mul(0x9E37_79B9_7F4A_7C15);
        }
    }
    fn write_usize(&mut self, n: usize) {
        self.0 = (n as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15);
    }
}

type Table = HashMap<usize, Vec<*mut Obj>, BuildHasherDefault<AddrHasher>>;

static TABLE: Static<RefCell<Option<Table>>> = Static(RefCell::new(None));

const FILTER_BITS: u32 = 14;
/// Number of listed addresses per bucket.
static FILTER: Static<[Cell<u32>; 1 << FILTER_BITS]> = Static([const { Cell::new(0) }; 1 << FILTER_BITS]);

#[inline(always)]
fn bucket(addr: usize) -> usize {
    ((addr as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15) >> (64 - FILTER_BITS)) as usize
}

/// Whether `obj` may have weak references (cheap; false means certainly none).
#[inline(always)]
pub fn may_have_weakrefs(obj: &Obj) -> bool {
    obj.class().has_flag(flags::WEAKREFABLE) && FILTER[bucket(obj.as_ptr() as usize)].get() != 0
}

fn with_table<R>(f: impl FnOnce(&mut Table) -> R) -> R {
    let mut t = TABLE.borrow_mut();
    f(t.get_or_insert_with(Table::default))
}

/// Where a new weak reference goes in its referent's list.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Position {
    /// At the head (the plain `ref` without callback).
    Head,
    /// After the plain ref or, if there is one, the plain proxy (everything
    /// else, and the plain proxy itself after the plain ref).
    AfterBasic { basic_ref: Option<*const Obj>, basic_proxy: Option<*const Obj> },
}

/// Lists the weak reference `wr` (a new object whose payload is a
/// [`WeakRefObj`] pointing at a live referent) under its referent.
pub fn link(wr: &WeakRefObj, pos: Position) {
    let addr = wr.referent.get() as usize;
    if addr == 0 {
        return;
    }
    let p = wr.ob.as_ptr();
    with_table(|t| {
        let list = t.entry(addr).or_default();
        if list.is_empty() {
            let c = &FILTER[bucket(addr)];
            c.set(c.get() + 1);
        }
        match pos {
            Position::Head => list.insert(0, p),
            Position::AfterBasic { basic_ref, basic_proxy } => {
                let after = basic_proxy.or(basic_ref);
                let at = after.and_then(|a| list.iter().position(|&x| std::ptr::eq(x, a))).map_or(0, |i| i + 1);
                list.insert(at, p);
            }
        }
    });
}

/// Removes `wr` from its referent's list and marks it dead. No Python code runs.
pub fn unlink(wr: &WeakRefObj) {
    let addr = wr.referent.replace(std::ptr::null_mut()) as usize;
    if addr == 0 {
        return;
    }
    let p = wr.ob.as_ptr();
    with_table(|t| {
        if let Some(list) = t.get_mut(&addr) {
            list.retain(|&x| x != p);
            if list.is_empty() {
                t.remove(&addr);
                let c = &FILTER[bucket(addr)];
                c.set(c.get().saturating_sub(1));
            }
        }
    });
}

/// New references to the weak references pointing at `obj`, in list order.
pub fn refs_to(obj: &Obj) -> Vec<PyRef> {
    if !may_have_weakrefs(obj) {
        return Vec::new();
    }
    let ptrs: Vec<*mut Obj> = with_table(|t| t.get(&(obj.as_ptr() as usize)).cloned().unwrap_or_default());
    // SAFETY: listed weak references are alive (module invariant), and taking
    // the references runs no code that could change that.
    ptrs.into_iter().map(|p| unsafe { (*p).to_owned() }).collect()
}

/// The number of weak references pointing at `obj`.
pub fn count(obj: &Obj) -> usize {
    if !may_have_weakrefs(obj) {
        return 0;
    }
    with_table(|t| t.get(&(obj.as_ptr() as usize)).map_or(0, Vec::len))
}

/// Detaches every weak reference to the object at `addr`, returning each
/// with its callback (taken out of the reference) for the caller to run.
fn detach(addr: usize) -> Vec<(PyRef, PyRef)> {
    let Some(list) = with_table(|t| t.remove(&addr)) else { return Vec::new() };
    let c = &FILTER[bucket(addr)];
    c.set(c.get().saturating_sub(1));
    let mut calls = Vec::new();
    for p in list {
        // SAFETY: listed weak references are alive (module invariant).
        let o = unsafe { &*p };
        let Some(wr) = WeakRefObj::from_obj(o) else { continue };
        wr.referent.set(std::ptr::null_mut());
        if let Some(cb) = wr.callback.take() {
            calls.push((o.to_owned(), cb));
        }
    }
    calls
}

/// Runs weak reference callbacks, reporting their errors as unraisable.
fn run_callbacks(calls: Vec<(PyRef, PyRef)>) {
    for (wr, cb) in calls {
        let saved = crate::runtime::ts().take_raised_for_finalizer();
        if let Err(e) = crate::ops::call(&cb, &[&wr], None) {
            crate::unraisable::write_unraisable(&e, crate::unraisable::IGNORED_IN, Some(&cb));
        }
        crate::runtime::ts().restore_after_finalizer(saved);
        drop(cb);
        drop(wr);
    }
}

/// Clears the weak references to a dying object and runs their callbacks.
/// Called by `dealloc` with the object held at refcount one, so the cycle
/// collector, should it run inside a callback, sees it as referenced.
pub(crate) fn clear_on_dealloc(obj: &Obj) {
    let calls = detach(obj.as_ptr() as usize);
    run_callbacks(calls);
}

/// The cycle collector's step before finalisers: clears every weak reference
/// to the unreachable objects, then runs the callbacks of those weak
/// references that are not garbage themselves (a garbage weak reference's
/// callback is dropped instead). Returns whether any weak reference was
/// detached (then the garbage may have changed: dropped callbacks can break
/// cycles, and callbacks run code).
pub(crate) fn clear_for_garbage(unreachable: &[*mut Obj]) -> bool {
    let garbage: std::collections::HashSet<usize> = unreachable.iter().map(|&p| p as usize).collect();
    let mut calls = Vec::new();
    let mut dropped = Vec::new();
    for &p in unreachable {
        // SAFETY: the collector holds a reference to every unreachable object.
        let o = unsafe { &*p };
        if !may_have_weakrefs(o) {
            continue;
        }
        for (wr, cb) in detach(p as usize) {
            if garbage.contains(&(wr.as_ptr() as usize)) {
                dropped.push((wr, cb));
            } else {
                calls.push((wr, cb));
            }
        }
    }
    let changed = !dropped.is_empty() || !calls.is_empty();
    drop(dropped);
    run_callbacks(calls);
    changed
}

//! Object allocation and deallocation.
//!
//! # Memory layout of one allocation
//! ```text
//! [GcHead (24 bytes), only for types with the HAVE_GC flag] [object: basicsize + itemsize * ob_size]
//! ```
//! The object part is the static ("solid") base's payload struct, then, for
//! instances of Python classes, the extras: `__slots__` values and the `__dict__`
//! pointer, located by the type's extras offsets (see `TypeObj`). Var-sized
//! objects keep their item count (`ob_size`) at offset 16.
//!
//! **Invariant:** every container that can take part in a reference cycle is
//! allocated with a `GcHead` and linked into the collector's list from allocation
//! until deallocation.

use std::alloc::{alloc, dealloc as free, Layout};
use std::cell::Cell;
use std::ptr;

use super::header::{Obj, PyRef, Static};
use crate::types::typeobj::{flags, TypeObj};

/// Byte offset of `ob_size` in var-sized objects.
pub const OFFSET_OB_SIZE: usize = 16;

/// The link node placed before every GC-tracked object.
#[repr(C)]
pub struct GcHead {
    pub(crate) next: Cell<*mut GcHead>,
    pub(crate) prev: Cell<*mut GcHead>,
    /// Scratch word for the cycle collector.
    pub(crate) gc_refs: Cell<isize>,
}

pub const GC_HEAD_SIZE: usize = std::mem::size_of::<GcHead>();
const ALIGN: usize = 8;

/// Allocations up to this size are recycled through per-size free lists.
const SMALL_MAX: usize = 128;
const SMALL_CLASSES: usize = SMALL_MAX / 8 + 1;
/// Cached blocks kept per size class.
const FREELIST_CAP: usize = 1024;

/// Recently freed small blocks, by size class (size / 8). Objects are created
/// and destroyed constantly (ints, floats, bound methods, small tuples), so
/// recycling them skips the general-purpose allocator.
///
/// Each list is intrusive: a free block's first word points to the next free
/// block, so pushing and popping touch only the block itself (already in cache)
/// and the list head.
struct FreeLists {
    heads: [Cell<*mut u8>; SMALL_CLASSES],
    counts: [Cell<usize>; SMALL_CLASSES],
}

static FREELISTS: Static<FreeLists> = Static(FreeLists {
    heads: [const { Cell::new(ptr::null_mut()) }; SMALL_CLASSES],
    counts: [const { Cell::new(0) }; SMALL_CLASSES],
});

#[inline]
fn raw_alloc(total: usize) -> *mut u8 {
    let total = (total + 7) & !7;
    if total <= SMALL_MAX {
        let class = total / 8;
        let head = FREELISTS.heads[class].get();
        if !head.is_null() {
            // SAFETY: `head` is a free block of this class (at least 8 bytes,
            // 8-aligned) whose first word holds the next free block.
            let next = unsafe { *(head as *mut *mut u8) };
            FREELISTS.heads[class].set(next);
            FREELISTS.counts[class].set(FREELISTS.counts[class].get() - 1);
            return head;
        }
    }
    // SAFETY: the layout has a non-zero size.
    let p = unsafe { alloc(layout_for(total)) };
    if p.is_null() {
        std::alloc::handle_alloc_error(layout_for(total));
    }
    p
}

/// Frees a block from `raw_alloc`.
///
/// # Safety
/// `p` must come from `raw_alloc(total)` with the same `total` and not be used again.
#[inline]
unsafe fn raw_free(p: *mut u8, total: usize) {
    let total = (total + 7) & !7;
    if total <= SMALL_MAX {
        let class = total / 8;
        let n = FREELISTS.counts[class].get();
        if n < FREELIST_CAP {
            // SAFETY: `p` is a dead block of `total >= 8` bytes, 8-aligned; its
            // first word now links it into the list.
            unsafe { *(p as *mut *mut u8) = FREELISTS.heads[class].get() };
            FREELISTS.heads[class].set(p);
            FREELISTS.counts[class].set(n + 1);
            return;
        }
    }
    // SAFETY: per the caller, `p` was allocated with this layout.
    unsafe { free(p, layout_for(total)) };
}

/// Where compiled code finds the free list for blocks of `size` bytes: the
/// addresses of its head (`*mut u8`, null when empty; each free block's first
/// word links the next) and of its count (`usize`), and the most blocks the
/// list keeps. None for sizes not recycled this way. Machine code pops
/// exactly as `raw_alloc` does (single-threaded, like it).
pub fn freelist_cells(size: usize) -> Option<(usize, usize, usize)> {
    let total = (size + 7) & !7;
    if total == 0 || total > SMALL_MAX {
        return None;
    }
    let class = total / 8;
    let head = &FREELISTS.heads[class] as *const Cell<*mut u8> as usize;
    let count = &FREELISTS.counts[class] as *const Cell<usize> as usize;
    Some((head, count, FREELIST_CAP))
}

/// The sentinel of the list of all GC-tracked objects.
pub(crate) static GC_LIST: Static<GcHead> =
    Static(GcHead { next: Cell::new(ptr::null_mut()), prev: Cell::new(ptr::null_mut()), gc_refs: Cell::new(0) });

/// The sentinel of the frozen objects (`gc.freeze`): still tracked (they
/// unlink themselves from this list when they die) but never examined by a
/// collection, so everything they reference counts as referenced from outside.
pub(crate) static GC_FROZEN: Static<GcHead> =
    Static(GcHead { next: Cell::new(ptr::null_mut()), prev: Cell::new(ptr::null_mut()), gc_refs: Cell::new(0) });

/// Number of tracked objects (for `gc.get_count` and collection thresholds).
pub(crate) static GC_TRACKED: Static<Cell<usize>> = Static(Cell::new(0));
/// Allocations minus deallocations of tracked objects since the last collection.
pub(crate) static GC_ALLOCS: Static<Cell<usize>> = Static(Cell::new(0));

fn gc_sentinel() -> *mut GcHead {
    sentinel_of(&GC_LIST)
}

/// A list's sentinel, made an empty ring on first use.
fn sentinel_of(list: &'static Static<GcHead>) -> *mut GcHead {
    let s = &list.0 as *const GcHead as *mut GcHead;
    if list.next.get().is_null() {
        list.next.set(s);
        list.prev.set(s);
    }
    s
}

/// Moves every object of list `from` to the end of list `to` (O(1)).
fn splice_all(from: &'static Static<GcHead>, to: &'static Static<GcHead>) {
    let (f, t) = (sentinel_of(from), sentinel_of(to));
    let (first, last) = (from.next.get(), from.prev.get());
    if first == f {
        return;
    }
    // SAFETY: all nodes of both rings are live GcHeads (or the sentinels);
    // the ring `first..=last` is relinked before `to`'s sentinel and `from`
    // becomes an empty ring.
    unsafe {
        let tail = (*t).prev.get();
        (*tail).next.set(first);
        (*first).prev.set(tail);
        (*last).next.set(t);
        (*t).prev.set(last);
    }
    from.next.set(f);
    from.prev.set(f);
}

/// `gc.freeze()`: every tracked object leaves the collector's view.
pub fn freeze_tracked() {
    splice_all(&GC_LIST, &GC_FROZEN);
}

/// `gc.unfreeze()`: the frozen objects are examined again.
pub fn unfreeze_tracked() {
    splice_all(&GC_FROZEN, &GC_LIST);
}

/// `gc.get_freeze_count()`.
pub fn frozen_count() -> usize {
    let f = sentinel_of(&GC_FROZEN);
    let mut n = 0;
    let mut node = GC_FROZEN.next.get();
    while node != f {
        n += 1;
        // SAFETY: nodes of the frozen ring are live GcHeads.
        node = unsafe { (*node).next.get() };
    }
    n
}

/// The GcHead of a tracked object.
///
/// # Safety
/// `obj` must have been allocated with a GcHead.
#[inline]
pub unsafe fn gc_head(obj: *const Obj) -> *mut GcHead {
    // SAFETY: the head directly precedes the object in the same allocation.
    unsafe { (obj as *mut u8).sub(GC_HEAD_SIZE) as *mut GcHead }
}

/// The object following a GcHead.
///
/// # Safety
/// `head` must be the head of a tracked object.
#[inline]
pub unsafe fn gc_object(head: *mut GcHead) -> *mut Obj {
    // SAFETY: the object directly follows the head in the same allocation.
    unsafe { (head as *mut u8).add(GC_HEAD_SIZE) as *mut Obj }
}

fn layout_for(size: usize) -> Layout {
    // The size is at least the header and far below isize::MAX; a failure here is
    // an allocation size overflow that the callers rule out.
    Layout::from_size_align(size.max(16), ALIGN).expect("object size overflow")
}

/// Whether `ty`'s instances carry a GcHead.
#[inline]
fn has_gc(ty: &TypeObj) -> bool {
    ty.has_flag(flags::HAVE_GC)
}

/// Size in bytes of the object part of `obj` (excluding any GcHead).
#[inline]
pub fn object_size(obj: &Obj) -> usize {
    let ty = obj.class();
    let itemsize = ty.itemsize.get();
    if itemsize == 0 {
        ty.basicsize.get()
    } else {
        ty.basicsize.get() + itemsize * var_size(obj)
    }
}

/// The item count of a var-sized object.
#[inline]
pub fn var_size(obj: &Obj) -> usize {
    // SAFETY: var-sized objects (itemsize > 0) keep `ob_size` at offset 16, inside
    // their allocation.
    unsafe { *((obj as *const Obj as *const u8).add(OFFSET_OB_SIZE) as *const usize) }
}

/// Allocates an object of type `ty` whose solid base payload is `value` and which
/// has `nitems` trailing items of `ty.itemsize` bytes (left uninitialised for the
/// caller to fill). Extras (slots, dict pointer) are zeroed. The returned handle
/// owns the only reference. Heap types get a reference from each instance.
///
/// The payload's header must already name `ty` (or be overwritten by the caller).
pub fn alloc_object<T>(ty: &TypeObj, value: T, nitems: usize) -> PyRef {
    let size = ty.basicsize.get() + ty.itemsize.get() * nitems;
    debug_assert!(size >= std::mem::size_of::<T>());
    let gc = has_gc(ty);
    let total = size + if gc { GC_HEAD_SIZE } else { 0 };
    let base = raw_alloc(total);
    // SAFETY: `base` points to `total` bytes we own; the object part starts after
    // the optional head and holds `size >= size_of::<T>()` bytes, 8-byte aligned.
    unsafe {
        let obj = if gc { base.add(GC_HEAD_SIZE) } else { base };
        ptr::write(obj as *mut T, value);
        let tail = std::mem::size_of::<T>();
        if size > tail {
            ptr::write_bytes(obj.add(tail), 0, size - tail);
        }
        let obj = obj as *mut Obj;
        (*obj).set_class_ptr(ty);
        (*obj).set_refcnt(1);
        if !ty.is_static() {
            ty.as_obj_ref().incref();
        }
        if gc {
            gc_track(obj);
        }
        PyRef::from_raw(obj)
    }
}

/// Allocates an exact `float` (the hottest short-lived object): a small block
/// from the free lists, no type-dependent work.
#[inline]
pub fn alloc_float(value: crate::types::float::FloatObj) -> PyRef {
    let base = raw_alloc(std::mem::size_of::<crate::types::float::FloatObj>());
    // SAFETY: `base` holds `size_of::<FloatObj>()` bytes, 8-aligned; `value`
    // carries a complete header (refcount 1, type float), and float is static
    // and not GC-tracked, so nothing else needs initialising.
    unsafe {
        ptr::write(base as *mut crate::types::float::FloatObj, value);
        PyRef::from_raw(base as *mut Obj)
    }
}

/// Allocates an exact `int` with a machine-word value: like [`alloc_float`].
#[inline]
pub fn alloc_int(value: crate::types::int::IntObj) -> PyRef {
    let base = raw_alloc(std::mem::size_of::<crate::types::int::IntObj>());
    // SAFETY: as `alloc_float`: `base` holds `size_of::<IntObj>()` bytes, 8-aligned;
    // `value` carries a complete header, and int is static and not GC-tracked.
    unsafe {
        ptr::write(base as *mut crate::types::int::IntObj, value);
        PyRef::from_raw(base as *mut Obj)
    }
}

/// Links a GC-enabled object into the collector's list.
///
/// # Safety
/// `obj` must have a GcHead and not be tracked.
unsafe fn gc_track(obj: *mut Obj) {
    let sentinel = gc_sentinel();
    // SAFETY: the head belongs to `obj`; the sentinel and its neighbours are live
    // list nodes.
    unsafe {
        let head = gc_head(obj);
        let last = (*sentinel).prev.get();
        (*head).next.set(sentinel);
        (*head).prev.set(last);
        (*head).gc_refs.set(0);
        (*last).next.set(head);
        (*sentinel).prev.set(head);
    }
    GC_TRACKED.set(GC_TRACKED.get() + 1);
    GC_ALLOCS.set(GC_ALLOCS.get() + 1);
}

/// Unlinks a tracked object from the collector's list.
///
/// # Safety
/// `obj` must be tracked.
unsafe fn gc_untrack(obj: *mut Obj) {
    // SAFETY: the head is a member of the list, so its neighbours are live nodes.
    unsafe {
        let head = gc_head(obj);
        let prev = (*head).prev.get();
        let next = (*head).next.get();
        if !prev.is_null() {
            (*prev).next.set(next);
            (*next).prev.set(prev);
        }
        (*head).next.set(ptr::null_mut());
        (*head).prev.set(ptr::null_mut());
    }
    GC_TRACKED.set(GC_TRACKED.get().saturating_sub(1));
    // As CPython's young-generation count: objects that die before a
    // collection do not bring the next one closer.
    GC_ALLOCS.set(GC_ALLOCS.get().saturating_sub(1));
}

/// Calls `f` on every tracked object.
pub(crate) fn for_each_tracked(mut f: impl FnMut(*mut GcHead)) {
    let sentinel = gc_sentinel();
    let mut node = GC_LIST.next.get();
    while node != sentinel {
        // SAFETY: nodes in the list are live GcHeads; read the successor first so `f`
        // may not unlink the current node (the collector only mutates scratch words).
        let next = unsafe { (*node).next.get() };
        f(node);
        node = next;
    }
}

/// New references to every object the collector tracks, oldest first
/// (`gc.get_objects`). Objects already dying (refcount zero, mid-deallocation
/// while a finaliser runs) are left out.
pub fn tracked_objects() -> Vec<PyRef> {
    let mut out = Vec::new();
    for_each_tracked(|head| {
        // SAFETY: a tracked GcHead is followed by its live object.
        let obj = unsafe { &*((head as *mut u8).add(GC_HEAD_SIZE) as *const Obj) };
        if obj.refcnt() != 0 {
            out.push(obj.to_owned());
        }
    });
    out
}

/// Reclaims an object whose last reference was dropped.
///
/// Runs the Python-level finaliser of instances of Python classes, drops the
/// extras and the payload (through the solid base type's `drop_payload` slot),
/// unlinks it from the collector and frees the memory.
///
/// # Safety
/// `ptr` must point to a live object whose refcount just reached zero (it is
/// treated as owning no references from now on).
pub unsafe fn dealloc(ptr: *mut Obj) {
    // SAFETY: live object per the caller.
    let ty_ptr = unsafe { (*ptr).class_ptr() };
    if ptr::eq(ty_ptr, &crate::types::float::FLOAT_TYPE.0) {
        // The inverse of `alloc_float`: no finaliser, payload or GC head.
        // SAFETY: the block came from `raw_alloc` with this size.
        unsafe { raw_free(ptr as *mut u8, std::mem::size_of::<crate::types::float::FloatObj>()) };
        return;
    }
    // SAFETY (of the read): an exact int's big-integer pointer word lies at
    // `OFFSET_INT_BIG` inside the object.
    if ptr::eq(ty_ptr, &crate::types::int::INT_TYPE.0)
        && unsafe { *((ptr as *const u8).add(crate::types::int::OFFSET_INT_BIG) as *const usize) } == 0
    {
        // An exact machine-word int: nothing to drop (the big-integer
        // pointer is null), no finaliser or GC head.
        // SAFETY: allocated with `size_of::<IntObj>()` bytes (`alloc_int`, or
        // `alloc_object` with int's basicsize, which is the same).
        unsafe { raw_free(ptr as *mut u8, std::mem::size_of::<crate::types::int::IntObj>()) };
        return;
    }
    // SAFETY: per the caller.
    unsafe { dealloc_general(ptr) }
}

/// [`dealloc`] past the number fast paths, out of line so that those save no
/// registers.
///
/// # Safety
/// As [`dealloc`].
#[inline(never)]
unsafe fn dealloc_general(ptr: *mut Obj) {
    // SAFETY: live object per the caller.
    let obj = unsafe { &*ptr };
    let ty_ptr = obj.class_ptr();
    if ptr::eq(ty_ptr, &crate::types::int::INT_TYPE.0) {
        // An exact int with a big-integer payload.
        // SAFETY: as above; the payload is dropped exactly once.
        unsafe {
            ptr::drop_in_place(ptr as *mut crate::types::int::IntObj);
            raw_free(ptr as *mut u8, std::mem::size_of::<crate::types::int::IntObj>());
        }
        return;
    }
    // SAFETY: the object keeps its type alive.
    let ty = unsafe { &*ty_ptr };
    if let Some(finalize) = ty.finalize.get() {
        // Finalisers may resurrect the object.
        obj.set_refcnt(1);
        finalize(obj);
        let rc = obj.refcnt() - 1;
        obj.set_refcnt(rc);
        if rc != 0 {
            return;
        }
        crate::gc::forget(obj);
    }
    if super::weakref::may_have_weakrefs(obj) {
        // Weak references die after the finaliser (which may still reach the
        // object through them) and before the payload. The callbacks run
        // with the object at refcount one, so a collection inside them sees
        // it as referenced; no callback can reach it (its weak references
        // are already dead).
        obj.set_refcnt(1);
        super::weakref::clear_on_dealloc(obj);
        let rc = obj.refcnt() - 1;
        obj.set_refcnt(rc);
        if rc != 0 {
            return;
        }
    }
    if ty.has_flag(flags::IS_WEAKREF) {
        // A dying weak reference leaves its referent's list before its
        // fields (which may run Python code when dropped) go.
        if let Some(wr) = super::weakref::WeakRefObj::from_obj(obj) {
            super::weakref::unlink(wr);
        }
    }
    let gc = has_gc(ty);
    if gc {
        // Out of the collector's list before anything it owns is released:
        // dropping its contents may run Python code (finalisers) and so a
        // collection, which must not traverse a half-destroyed object.
        // SAFETY: a GC-enabled object is tracked until here.
        unsafe { gc_untrack(ptr) };
    }
    if !ty.is_static() {
        crate::types::instance::clear_extras(obj);
    }
    let size = object_size(obj);
    // SAFETY: the object is dead; the payload is dropped exactly once.
    unsafe {
        if let Some(drop_payload) = ty.drop_payload.get() {
            drop_payload(ptr);
        }
        let base = if gc { gc_head(ptr) as *mut u8 } else { ptr as *mut u8 };
        let total = size + if gc { GC_HEAD_SIZE } else { 0 };
        raw_free(base, total);
        if !ty.is_static() {
            Obj::decref(ty_ptr as *mut Obj);
        }
    }
}

/// The `drop_payload` slot of a payload type: runs `T`'s destructor in place.
///
/// # Safety
/// `ptr` must point to a dead object whose solid payload is a `T`.
pub unsafe fn drop_payload<T>(ptr: *mut Obj) {
    // SAFETY: per the caller, the object is a `T` being destroyed.
    unsafe { ptr::drop_in_place(ptr as *mut T) }
}

/// Reads a pointer-sized field at `offset` bytes into an object (slots, `__dict__`).
#[inline]
pub fn read_field(obj: &Obj, offset: usize) -> Option<PyRef> {
    debug_assert!(offset + 8 <= object_size(obj));
    // SAFETY: the offset lies inside the object (a type's extras offsets are checked
    // against its basicsize when the type is created) and the field holds either
    // null or an owned reference.
    unsafe {
        let p = *((obj as *const Obj as *const u8).add(offset) as *const *mut Obj);
        if p.is_null() {
            None
        } else {
            Some((*p).to_owned())
        }
    }
}

/// Borrows the object in a pointer-sized field without taking a reference.
/// The borrow must end before anything can store to the field or run Python
/// code (which could release the object): callers use it inside one native
/// operation, such as an attribute cache's dict probe.
#[inline(always)]
pub fn field_ref(obj: &Obj, offset: usize) -> Option<&Obj> {
    debug_assert!(offset + 8 <= object_size(obj));
    // SAFETY: as `read_field`; the referent is kept alive by the field's own
    // reference for as long as the caller's contract above holds.
    unsafe {
        let p = *((obj as *const Obj as *const u8).add(offset) as *const *mut Obj);
        if p.is_null() {
            None
        } else {
            Some(&*p)
        }
    }
}

/// Whether a pointer-sized field is set, without taking a reference.
#[inline]
pub fn field_is_set(obj: &Obj, offset: usize) -> bool {
    // SAFETY: as `read_field`.
    unsafe { !(*((obj as *const Obj as *const u8).add(offset) as *const *mut Obj)).is_null() }
}

/// Replaces a pointer-sized field, returning the previous owned reference (which
/// the caller drops after any borrows end, since dropping may run Python code).
#[inline]
pub fn swap_field(obj: &Obj, offset: usize, value: Option<PyRef>) -> Option<PyRef> {
    debug_assert!(offset + 8 <= object_size(obj));
    // SAFETY: as `read_field`; ownership of `value` moves into the field and the
    // old owned reference moves out.
    unsafe {
        let slot = (obj as *const Obj as *mut u8).add(offset) as *mut *mut Obj;
        let old = *slot;
        *slot = value.map_or(ptr::null_mut(), PyRef::into_raw);
        PyRef::from_raw_opt(old)
    }
}

/// Reads the field without taking a reference and calls `f` on it (GC traversal).
#[inline]
pub fn visit_field(obj: &Obj, offset: usize, f: &mut dyn FnMut(&Obj)) {
    // SAFETY: as `read_field`; the borrow lasts only for the call.
    unsafe {
        let p = *((obj as *const Obj as *const u8).add(offset) as *const *mut Obj);
        if !p.is_null() {
            f(&*p);
        }
    }
}

/// Changes an object's type (`__class__` assignment), moving the instance's
/// reference from the old heap type to the new one.
pub fn swap_type(obj: &Obj, new: &TypeObj) {
    let old = obj.class_ptr();
    if !new.is_static() {
        new.as_obj_ref().incref();
    }
    obj.set_class_ptr(new);
    // SAFETY: the object held one reference to its old (heap) type, which is
    // released exactly once here; static types are immortal and untouched.
    unsafe {
        if !(*old).is_static() {
            Obj::decref(old as *mut Obj);
        }
    }
}

/// The `drop_payload` slot of `type`: unlinks a heap type from its bases'
/// subclass lists, then drops its fields.
///
/// # Safety
/// `ptr` must point to a dead type object.
pub unsafe fn drop_type_payload(ptr: *mut Obj) {
    // SAFETY: per the caller, `ptr` is a type object being destroyed.
    unsafe {
        let t = &*(ptr as *const TypeObj);
        crate::types::type_new::unlink_subclass(t);
        ptr::drop_in_place(ptr as *mut TypeObj);
    }
}

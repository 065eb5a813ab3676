//! The object header every Python object starts with, and reference counting.
//!
//! # Layout (fixed; machine code reads it)
//! ```text
//! offset 0: refcnt  (isize)   negative = immortal, never written
//! offset 8: ob_type (*const TypeObj)
//! ```
//! Objects never move. An object is reclaimed when its count drops to zero, by
//! its type's `dealloc` slot.
//!
//! **Invariant:** an immortal object's refcount word is never written after the
//! object is made immortal, so pages holding immortal objects stay shared after
//! `fork`. The test is a sign check on the word (see [`Obj::is_immortal`]).

use std::cell::Cell;
use std::ptr::NonNull;

use crate::types::typeobj::TypeObj;

/// The refcount given to immortal objects. Any negative value marks immortality;
/// this one is far from both zero and overflow.
pub const IMMORTAL_REFCNT: isize = isize::MIN / 2;

/// Byte offset of the refcount word.
pub const OFFSET_REFCNT: usize = 0;
/// Byte offset of the type pointer.
pub const OFFSET_TYPE: usize = 8;

/// The header of every object. Payload structs are `#[repr(C)]` and start with an
/// `Obj` field, so a pointer to any object is a pointer to its header.
#[repr(C)]
pub struct Obj {
    refcnt: Cell<isize>,
    ob_type: Cell<*const TypeObj>,
}

impl Obj {
    /// A header for a new heap object (refcount 1).
    #[inline]
    pub const fn new(ty: *const TypeObj) -> Obj {
        Obj { refcnt: Cell::new(1), ob_type: Cell::new(ty) }
    }

    /// A header for a static, immortal object.
    pub const fn immortal(ty: *const TypeObj) -> Obj {
        Obj { refcnt: Cell::new(IMMORTAL_REFCNT), ob_type: Cell::new(ty) }
    }

    /// The object's type.
    #[inline(always)]
    pub fn class(&self) -> &TypeObj {
        // SAFETY: every live object holds a reference to its type (static types are
        // immortal; heap types are kept alive by their instances), so the pointer
        // is valid for at least as long as `self` is borrowed.
        unsafe { &*self.ob_type.get() }
    }

    /// Raw type pointer (for identity tests).
    #[inline(always)]
    pub fn class_ptr(&self) -> *const TypeObj {
        self.ob_type.get()
    }

    /// Replaces the type pointer (`__class__` assignment, object construction).
    /// The caller handles the references to the old and new types.
    #[inline]
    pub fn set_class_ptr(&self, ty: *const TypeObj) {
        self.ob_type.set(ty)
    }

    /// Identity comparison (`is`).
    #[inline(always)]
    pub fn is(&self, other: &Obj) -> bool {
        std::ptr::eq(self, other)
    }

    #[inline(always)]
    pub fn as_ptr(&self) -> *mut Obj {
        self as *const Obj as *mut Obj
    }

    /// The current reference count (negative for immortal objects).
    #[inline]
    pub fn refcnt(&self) -> isize {
        self.refcnt.get()
    }

    #[inline(always)]
    pub fn is_immortal(&self) -> bool {
        self.refcnt.get() < 0
    }

    /// Makes the object immortal: its refcount is never written again and it is
    /// never deallocated.
    pub fn make_immortal(&self) {
        self.refcnt.set(IMMORTAL_REFCNT);
    }

    /// Adds a reference.
    #[inline(always)]
    pub fn incref(&self) {
        let rc = self.refcnt.get();
        if rc >= 0 {
            self.refcnt.set(rc + 1);
        }
    }

    /// Returns a new owned reference to this object.
    #[inline(always)]
    pub fn to_owned(&self) -> PyRef {
        self.incref();
        // SAFETY: `self` is a live object and we just added the reference the new
        // handle owns.
        unsafe { PyRef::from_raw(self.as_ptr()) }
    }

    /// Drops a reference, deallocating the object when it was the last one.
    ///
    /// # Safety
    /// `ptr` must point to a live object and the caller must own the reference
    /// being dropped.
    #[inline(always)]
    pub unsafe fn decref(ptr: *mut Obj) {
        // SAFETY: guaranteed live by the caller.
        let obj = unsafe { &*ptr };
        let rc = obj.refcnt.get();
        if rc >= 0 {
            if rc == 1 {
                // SAFETY: this was the last reference.
                unsafe { crate::object::alloc::dealloc(ptr) };
            } else {
                obj.refcnt.set(rc - 1);
            }
        }
    }

    /// Sets the refcount word directly; used by the allocator and the cycle collector.
    #[inline]
    pub(crate) fn set_refcnt(&self, rc: isize) {
        self.refcnt.set(rc)
    }
}

/// An owned (strong) reference to an object: dropping it drops the reference.
///
/// Same size as a pointer; `Option<PyRef>` is a nullable pointer.
#[repr(transparent)]
pub struct PyRef {
    ptr: NonNull<Obj>,
}

impl PyRef {
    /// Takes ownership of a reference.
    ///
    /// # Safety
    /// `ptr` must be non-null, point to a live object, and the caller must transfer
    /// ownership of one reference.
    #[inline(always)]
    pub unsafe fn from_raw(ptr: *mut Obj) -> PyRef {
        debug_assert!(!ptr.is_null());
        // SAFETY: non-null by the caller's contract.
        PyRef { ptr: unsafe { NonNull::new_unchecked(ptr) } }
    }

    /// Takes ownership of a possibly null reference.
    ///
    /// # Safety
    /// As [`PyRef::from_raw`] when non-null.
    #[inline(always)]
    pub unsafe fn from_raw_opt(ptr: *mut Obj) -> Option<PyRef> {
        NonNull::new(ptr).map(|ptr| PyRef { ptr })
    }

    /// Gives up ownership without dropping the reference.
    #[inline(always)]
    pub fn into_raw(self) -> *mut Obj {
        let p = self.ptr.as_ptr();
        std::mem::forget(self);
        p
    }

    #[inline(always)]
    pub fn as_ptr(&self) -> *mut Obj {
        self.ptr.as_ptr()
    }
}

impl Drop for PyRef {
    #[inline(always)]
    fn drop(&mut self) {
        // SAFETY: the handle owns one reference to a live object.
        unsafe { Obj::decref(self.ptr.as_ptr()) }
    }
}

impl Clone for PyRef {
    #[inline(always)]
    fn clone(&self) -> PyRef {
        (**self).to_owned()
    }
}

impl std::ops::Deref for PyRef {
    type Target = Obj;
    #[inline(always)]
    fn deref(&self) -> &Obj {
        // SAFETY: the handle keeps the object alive while it is borrowed.
        unsafe { self.ptr.as_ref() }
    }
}

impl AsRef<Obj> for PyRef {
    fn as_ref(&self) -> &Obj {
        self
    }
}

impl std::fmt::Debug for PyRef {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "<{} object at {:p}>", self.class().name(), self.as_ptr())
    }
}

impl std::fmt::Debug for Obj {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "<{} object at {:p}>", self.class().name(), self.as_ptr())
    }
}

/// Converts a slice of borrowed references to the vectorcall argument array shape.
#[inline(always)]
pub fn args_as_ptr(args: &[&Obj]) -> *const *mut Obj {
    args.as_ptr() as *const *mut Obj
}

/// Views a vectorcall argument array as borrowed references.
///
/// # Safety
/// `args` must point to `n` non-null pointers to live objects that stay alive for `'a`.
#[inline(always)]
pub unsafe fn args_from_raw<'a>(args: *const *mut Obj, n: usize) -> &'a [&'a Obj] {
    if n == 0 {
        return &[];
    }
    // SAFETY: `&Obj` has the layout of a non-null `*mut Obj`; the caller guarantees
    // non-null, live pointers.
    unsafe { std::slice::from_raw_parts(args as *const &Obj, n) }
}

/// Views a slice of owned handles as borrowed references.
#[inline(always)]
pub fn refs_as_borrowed(refs: &[PyRef]) -> &[&Obj] {
    // SAFETY: `PyRef` is a transparent non-null pointer to a live object, exactly the
    // layout of `&Obj`, and the slice borrow keeps the handles (and objects) alive.
    unsafe { std::slice::from_raw_parts(refs.as_ptr() as *const &Obj, refs.len()) }
}

/// Marker for payload types: `#[repr(C)]` structs whose first field is [`Obj`].
///
/// # Safety
/// Implementors must be `#[repr(C)]` with an `Obj` first field, and every object
/// whose type is a subtype of [`PyPayload::class`] must start with that layout.
pub unsafe trait PyPayload: Sized {
    /// The type whose instances (and subclass instances) have this layout.
    fn class() -> &'static TypeObj;
    /// A fast-subclass flag of [`crate::types::typeobj::flags`] that identifies
    /// subtypes in O(1); zero to fall back to an MRO walk.
    const SUBCLASS_FLAG: u64 = 0;
}

impl Obj {
    /// Borrows this object as `T` if its type is `T`'s type or a subtype.
    #[inline(always)]
    pub fn downcast<T: PyPayload>(&self) -> Option<&T> {
        let cls = self.class();
        let hit = std::ptr::eq(cls, T::class())
            || if T::SUBCLASS_FLAG != 0 { cls.has_flag(T::SUBCLASS_FLAG) } else { cls.is_subtype(T::class()) };
        if hit {
            // SAFETY: the layout contract of `PyPayload`.
            Some(unsafe { &*(self as *const Obj as *const T) })
        } else {
            None
        }
    }

    /// Borrows this object as `T` only if its type is exactly `T`'s type.
    #[inline(always)]
    pub fn downcast_exact<T: PyPayload>(&self) -> Option<&T> {
        if std::ptr::eq(self.class(), T::class()) {
            // SAFETY: the layout contract of `PyPayload`.
            Some(unsafe { &*(self as *const Obj as *const T) })
        } else {
            None
        }
    }

    /// Borrows this object as `T` without checking.
    ///
    /// # Safety
    /// The object's type must be `T`'s type or a subtype.
    #[inline(always)]
    pub unsafe fn downcast_unchecked<T: PyPayload>(&self) -> &T {
        // SAFETY: the caller checked the type.
        unsafe { &*(self as *const Obj as *const T) }
    }

    /// Whether this object's type is `T`'s type or a subtype.
    #[inline(always)]
    pub fn isa<T: PyPayload>(&self) -> bool {
        self.downcast::<T>().is_some()
    }
}

/// Views a payload reference as its header.
pub trait AsObj {
    fn as_obj(&self) -> &Obj;
    /// A new owned reference.
    fn to_ref(&self) -> PyRef {
        self.as_obj().to_owned()
    }
    /// The object's type.
    fn class(&self) -> &TypeObj {
        self.as_obj().class()
    }
}

impl AsObj for Obj {
    #[inline(always)]
    fn as_obj(&self) -> &Obj {
        self
    }
}

impl AsObj for PyRef {
    #[inline(always)]
    fn as_obj(&self) -> &Obj {
        self
    }
}

impl<T: PyPayload> AsObj for T {
    #[inline(always)]
    fn as_obj(&self) -> &Obj {
        // SAFETY: the layout contract of `PyPayload`.
        unsafe { &*(self as *const T as *const Obj) }
    }
}

/// Wrapper that lets a value with interior mutability live in a `static`.
///
/// Ember runs one interpreter per process and all object access happens on the
/// thread holding the interpreter lock, so the value is never accessed
/// concurrently.
#[repr(transparent)]
pub struct Static<T>(pub T);

// SAFETY: see the type docs: access is serialised by the interpreter lock.
unsafe impl<T> Sync for Static<T> {}

impl<T> std::ops::Deref for Static<T> {
    type Target = T;
    #[inline(always)]
    fn deref(&self) -> &T {
        &self.0
    }
}

/// Views a slice of `Some` references as plain references.
///
/// Panics (in debug builds) if any element is `None`; callers check first.
#[inline]
pub fn options_as_refs<'b, 'a>(s: &'b [Option<&'a Obj>]) -> &'b [&'a Obj] {
    debug_assert!(s.iter().all(Option::is_some));
    if s.iter().any(Option::is_none) {
        return &[];
    }
    // SAFETY: `Option<&T>` has the same layout as `&T` (null niche) and every
    // element was checked to be `Some`.
    unsafe { std::slice::from_raw_parts(s.as_ptr() as *const &'a Obj, s.len()) }
}

/// Follows a type link (a base or subclass pointer held by a type object).
///
/// The crate keeps these links valid: a type holds a strong reference to its
/// bases, and a dying type removes itself from its bases' subclass lists before
/// its memory is freed. Null is reported as None.
#[inline]
pub(crate) fn type_link<'a>(p: *const crate::types::typeobj::TypeObj) -> Option<&'a crate::types::typeobj::TypeObj> {
    // SAFETY: per the invariant above, non-null links point to live type objects;
    // the returned borrow is used only while the linking type is alive.
    unsafe { p.as_ref() }
}

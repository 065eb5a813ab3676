//! Interior mutability for object payloads.
//!
//! Objects are shared through raw pointers and mutated through shared references,
//! as in CPython. [`PyCell`] is the one sanctioned way to do that.
//!
//! **Invariant:** code inside a `with`/`with_mut` closure never runs Python code
//! and never drops a `PyRef` (dropping may run a finaliser that touches the same
//! object): values to be dropped are moved out and dropped after the closure.
//! Violations are caught by a borrow flag and reported as a fatal error instead of
//! becoming memory corruption.

use std::cell::{Cell, UnsafeCell};

/// A mutable payload field with a borrow flag (0 free, >0 shared, -1 exclusive).
pub struct PyCell<T> {
    borrow: Cell<isize>,
    value: UnsafeCell<T>,
}

#[cold]
#[inline(never)]
fn borrow_conflict() -> ! {
    crate::runtime::fatal("object accessed while it was being mutated (re-entrant PyCell borrow)")
}

impl<T> PyCell<T> {
    /// Byte offset of the value (compiled code reads some cells directly
    /// when no borrow can be active: see `types::code::GlobalCache`).
    pub const VALUE_OFFSET: usize = std::mem::offset_of!(PyCell<T>, value);
    /// Byte offset of the borrow flag (an `isize`, negative while the value
    /// is being changed).
    pub const BORROW_OFFSET: usize = std::mem::offset_of!(PyCell<T>, borrow);

    pub const fn new(value: T) -> PyCell<T> {
        PyCell { borrow: Cell::new(0), value: UnsafeCell::new(value) }
    }

    /// Runs `f` with shared access.
    #[inline(always)]
    pub fn with<R>(&self, f: impl FnOnce(&T) -> R) -> R {
        let b = self.borrow.get();
        if b < 0 {
            borrow_conflict();
        }
        self.borrow.set(b + 1);
        // SAFETY: the flag shows no exclusive borrow is active.
        let r = f(unsafe { &*self.value.get() });
        self.borrow.set(b);
        r
    }

    /// Runs `f` with exclusive access.
    #[inline(always)]
    pub fn with_mut<R>(&self, f: impl FnOnce(&mut T) -> R) -> R {
        if self.borrow.get() != 0 {
            borrow_conflict();
        }
        self.borrow.set(-1);
        // SAFETY: the flag shows no other borrow is active.
        let r = f(unsafe { &mut *self.value.get() });
        self.borrow.set(0);
        r
    }

    /// Replaces the value, returning the old one (drop it outside any borrow).
    #[inline]
    pub fn replace(&self, value: T) -> T {
        self.with_mut(|v| std::mem::replace(v, value))
    }

    /// Takes the value, leaving the default.
    #[inline]
    pub fn take(&self) -> T
    where
        T: Default,
    {
        self.replace(T::default())
    }

    /// A clone of the value.
    #[inline]
    pub fn get_clone(&self) -> T
    where
        T: Clone,
    {
        self.with(|v| v.clone())
    }

    /// Whether a borrow is active (used by the collector to skip busy objects).
    pub fn is_borrowed(&self) -> bool {
        self.borrow.get() != 0
    }
}

impl<T: Copy> PyCell<T> {
    #[inline(always)]
    pub fn get(&self) -> T {
        self.with(|v| *v)
    }
    #[inline(always)]
    pub fn set(&self, value: T) {
        self.with_mut(|v| *v = value)
    }
}

impl<T: Default> Default for PyCell<T> {
    fn default() -> Self {
        PyCell::new(T::default())
    }
}

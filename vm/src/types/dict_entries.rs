//! A dict's entry array with a fixed-layout view for compiled code.
//!
//! **Invariant:** `ptr` and `len` always equal the vector's `as_ptr()` and
//! `len()`. Every change of length or buffer goes through the methods here,
//! which refresh them; the element slice (`Deref`) cannot change either.
//! Compiled attribute caches read `ptr`/`len` at the offsets exported below
//! to check an entry-index hint without calling the runtime.

use std::ops::{Deref, DerefMut};

use super::dict::Entry;

#[derive(Default)]
#[repr(C)]
pub(crate) struct Entries {
    ptr: *const Entry,
    len: usize,
    vec: Vec<Entry>,
}

/// Offsets of the view's pointer and length in [`Entries`], and the size and
/// key/value offsets of one entry (the layout contract with compiled code;
/// keys and values are nullable object pointers).
pub const OFFSET_PTR: usize = std::mem::offset_of!(Entries, ptr);
pub const OFFSET_LEN: usize = std::mem::offset_of!(Entries, len);
pub const ENTRY_SIZE: usize = std::mem::size_of::<Entry>();
pub const ENTRY_KEY: usize = std::mem::offset_of!(Entry, key);
pub const ENTRY_VALUE: usize = std::mem::offset_of!(Entry, value);

impl Entries {
    fn sync(&mut self) {
        self.ptr = self.vec.as_ptr();
        self.len = self.vec.len();
    }

    pub(crate) fn push(&mut self, e: Entry) {
        self.vec.push(e);
        self.sync();
    }

    pub(crate) fn pop(&mut self) -> Option<Entry> {
        let e = self.vec.pop();
        self.sync();
        e
    }

    pub(crate) fn retain(&mut self, keep: impl FnMut(&Entry) -> bool) {
        self.vec.retain(keep);
        self.sync();
    }

    pub(crate) fn reserve_exact(&mut self, n: usize) {
        self.vec.reserve_exact(n);
        self.sync();
    }
}

impl Deref for Entries {
    type Target = [Entry];
    fn deref(&self) -> &[Entry] {
        &self.vec
    }
}

impl DerefMut for Entries {
    fn deref_mut(&mut self) -> &mut [Entry] {
        &mut self.vec
    }
}

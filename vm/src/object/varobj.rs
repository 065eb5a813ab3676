//! Raw layouts of the var-sized builtin objects whose items live inline: `str`
//! (UTF-8 bytes) and `tuple` (references). Their methods live in `types/`.

use std::cell::Cell;

use super::alloc::alloc_object;
use super::header::{Obj, PyRef};
use crate::types::typeobj::TypeObj;

/// A `str`: immutable UTF-8 text stored inline after the header.
///
/// Layout: header, `ob_size` (byte length) at 16, cached hash (-1 = unknown),
/// length in characters, flags, then the bytes.
#[repr(C)]
pub struct StrObj {
    pub ob: Obj,
    byte_len: usize,
    pub(crate) hash: Cell<i64>,
    char_len: usize,
    pub(crate) str_flags: Cell<u32>,
    data: [u8; 0],
}

/// The string is ASCII (characters are bytes: O(1) indexing).
pub const STR_ASCII: u32 = 1;
/// The string is in the intern table (compare by identity).
pub const STR_INTERNED: u32 = 2;
/// All code points are below 256 (affects the hash input width).
pub const STR_LATIN1: u32 = 4;
/// Some code point is above 0xFFFF.
pub const STR_ASTRAL: u32 = 8;

/// Byte offset of a str's text.
pub const STR_DATA_OFFSET: usize = std::mem::size_of::<StrObj>();

impl StrObj {
    /// Allocates a str of type `ty` (str or a subclass) holding `s`.
    pub fn alloc(ty: &TypeObj, s: &str) -> PyRef {
        let mut flags = 0;
        let char_len;
        if s.is_ascii() {
            flags |= STR_ASCII | STR_LATIN1;
            char_len = s.len();
        } else {
            let mut n = 0;
            let mut max = 0u32;
            for c in s.chars() {
                n += 1;
                max = max.max(c as u32);
            }
            char_len = n;
            if max < 256 {
                flags |= STR_LATIN1;
            } else if max > 0xFFFF {
                flags |= STR_ASTRAL;
            }
        }
        let head = StrObj {
            ob: Obj::new(ty),
            byte_len: s.len(),
            hash: Cell::new(-1),
            char_len,
            str_flags: Cell::new(flags),
            data: [],
        };
        let obj = alloc_object(ty, head, s.len());
        // SAFETY: `alloc_object` reserved `s.len()` bytes (itemsize 1) after the
        // struct, which is where `data` starts.
        unsafe {
            let dst = (obj.as_ptr() as *mut u8).add(STR_DATA_OFFSET);
            std::ptr::copy_nonoverlapping(s.as_ptr(), dst, s.len());
        }
        obj
    }

    /// The text.
    #[inline(always)]
    pub fn as_str(&self) -> &str {
        // SAFETY: `alloc` copied exactly `byte_len` bytes of valid UTF-8 inline, and
        // the text is never mutated afterwards.
        unsafe {
            let p = (self as *const StrObj as *const u8).add(STR_DATA_OFFSET);
            std::str::from_utf8_unchecked(std::slice::from_raw_parts(p, self.byte_len))
        }
    }

    /// Length in characters (`len(s)`).
    #[inline(always)]
    pub fn char_len(&self) -> usize {
        self.char_len
    }

    #[inline(always)]
    pub fn byte_len(&self) -> usize {
        self.byte_len
    }

    #[inline(always)]
    pub fn is_ascii(&self) -> bool {
        self.str_flags.get() & STR_ASCII != 0
    }

    #[inline(always)]
    pub fn is_interned(&self) -> bool {
        self.str_flags.get() & STR_INTERNED != 0
    }
}

/// A `tuple`: immutable references stored inline after the header.
#[repr(C)]
pub struct TupleObj {
    pub ob: Obj,
    len: usize,
    items: [PyRef; 0],
}

/// Byte offset of a tuple's first item.
pub const TUPLE_ITEMS_OFFSET: usize = std::mem::size_of::<TupleObj>();

impl TupleObj {
    /// Allocates a tuple of type `ty` (tuple or a subclass) holding `items`.
    pub fn alloc(ty: &TypeObj, items: impl ExactSizeIterator<Item = PyRef>) -> PyRef {
        let n = items.len();
        let head = TupleObj { ob: Obj::new(ty), len: 0, items: [] };
        let obj = alloc_object(ty, head, n);
        // SAFETY: `alloc_object` reserved `n` pointer-sized items after the struct;
        // `len` counts only initialised items, so a panicking iterator leaves a
        // consistent tuple behind.
        unsafe {
            let base = (obj.as_ptr() as *mut u8).add(TUPLE_ITEMS_OFFSET) as *mut PyRef;
            let t = obj.as_ptr() as *mut TupleObj;
            for (i, item) in items.take(n).enumerate() {
                std::ptr::write(base.add(i), item);
                (*t).len = i + 1;
            }
            // An iterator shorter than it claimed leaves `len < n`; the allocation
            // size is computed from `len`, so pad the count with None.
            while (*t).len < n {
                std::ptr::write(base.add((*t).len), crate::types::none());
                (*t).len += 1;
            }
        }
        obj
    }

    /// The items.
    #[inline(always)]
    pub fn as_slice(&self) -> &[PyRef] {
        // SAFETY: `len` items were initialised by `alloc` and are never changed
        // (tuples are immutable).
        unsafe {
            let p = (self as *const TupleObj as *const u8).add(TUPLE_ITEMS_OFFSET) as *const PyRef;
            std::slice::from_raw_parts(p, self.len)
        }
    }

    #[inline(always)]
    pub fn len(&self) -> usize {
        self.len
    }

    #[inline(always)]
    pub fn is_empty(&self) -> bool {
        self.len == 0
    }
}

impl Drop for TupleObj {
    fn drop(&mut self) {
        // SAFETY: drops the `len` initialised items exactly once (the payload is
        // dropped once by the deallocator).
        unsafe {
            let p = (self as *mut TupleObj as *mut u8).add(TUPLE_ITEMS_OFFSET) as *mut PyRef;
            for i in 0..self.len {
                std::ptr::drop_in_place(p.add(i));
            }
        }
    }
}

/// The immortal empty tuple.
pub static EMPTY_TUPLE: super::header::Static<TupleObj> = super::header::Static(TupleObj {
    ob: Obj::immortal(&crate::types::tuple::TUPLE_TYPE.0 as *const TypeObj),
    len: 0,
    items: [],
});

//! The process-wide allocator: mimalloc, refusing single requests larger than
//! the machine's RAM plus swap.
//!
//! mimalloc maps large blocks without reserving swap, so the kernel grants a
//! multi-terabyte request and the process is killed later, while filling it.
//! CPython, on the system allocator, gets NULL for such a request and raises
//! MemoryError. Refusing what the kernel's overcommit heuristic would refuse
//! makes `bytes(2**40)`, `[0] * 2**40` and friends raise MemoryError in Ember too
//! (fallible paths use `try_reserve`, which sees the refusal).

use std::alloc::{GlobalAlloc, Layout};
use std::sync::atomic::{AtomicUsize, Ordering};

/// Ember's global allocator (registered by the `ember` binary).
pub struct EmberAlloc;

/// RAM + swap in bytes; 0 until first computed.
static LIMIT: AtomicUsize = AtomicUsize::new(0);

#[cold]
fn compute_limit() -> usize {
    // SAFETY: `sysinfo` only writes the struct we pass; a zeroed `libc::sysinfo`
    // is a valid value of that plain-data type.
    let limit = unsafe {
        let mut info: libc::sysinfo = std::mem::zeroed();
        if libc::sysinfo(&mut info) == 0 {
            let unit = (info.mem_unit as usize).max(1);
            (info.totalram as usize).saturating_add(info.totalswap as usize).saturating_mul(unit)
        } else {
            isize::MAX as usize
        }
    };
    let limit = limit.max(1 << 30);
    LIMIT.store(limit, Ordering::Relaxed);
    limit
}

#[inline(always)]
fn too_large(size: usize) -> bool {
    // Small requests never reach the (cold) limit computation.
    if size < 1 << 30 {
        return false;
    }
    let limit = match LIMIT.load(Ordering::Relaxed) {
        0 => compute_limit(),
        l => l,
    };
    size > limit
}

// SAFETY: every method forwards to mimalloc's `GlobalAlloc` with the caller's
// arguments unchanged, or returns null (a permitted allocation failure) before
// touching memory.
unsafe impl GlobalAlloc for EmberAlloc {
    #[inline]
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        if too_large(layout.size()) {
            return std::ptr::null_mut();
        }
        // SAFETY: forwarded with the caller's guarantees on `layout`.
        unsafe { mimalloc::MiMalloc.alloc(layout) }
    }

    #[inline]
    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        if too_large(layout.size()) {
            return std::ptr::null_mut();
        }
        // SAFETY: forwarded with the caller's guarantees on `layout`.
        unsafe { mimalloc::MiMalloc.alloc_zeroed(layout) }
    }

    #[inline]
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        // SAFETY: `ptr` came from this allocator, i.e. from mimalloc.
        unsafe { mimalloc::MiMalloc.dealloc(ptr, layout) }
    }

    #[inline]
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        if too_large(new_size) {
            return std::ptr::null_mut();
        }
        // SAFETY: `ptr` came from mimalloc with `layout`; the caller guarantees the rest.
        unsafe { mimalloc::MiMalloc.realloc(ptr, layout, new_size) }
    }
}

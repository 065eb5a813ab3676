//! The only unsafe code of `_io`: the payload layout declarations of its two
//! payload types, and taking ownership of a descriptor number given by
//! Python code (`FileIO(fd)`, an `opener`'s result).
//!
//! # Safety
//!
//! `PyPayload` asserts that a type is `#[repr(C)]` with the object header
//! first and that every type it names (and their subclasses) allocate
//! exactly that payload: `IoObj` for every `_io` stream class (all made by
//! `iobase::alloc_io`), `NlDecoderObj` for IncrementalNewlineDecoder.
//!
//! `File::from_raw_fd` requires the number to name an open descriptor that
//! nothing else will close. Ember checks that it is open (`fcntl(F_GETFD)`)
//! first; ownership is the Python program's promise, as in CPython: with
//! `closefd=True` the FileIO closes it, with `closefd=False` the FileIO gives
//! the number back without closing it (`FileState::release`).

use std::fs::File;
use std::os::fd::FromRawFd;

use super::iobase::{IoObj, IOBASE_TYPE};
use super::newline::{NlDecoderObj, NEWLINE_DECODER_TYPE};
use crate::object::PyPayload;
use crate::types::typeobj::TypeObj;

// SAFETY: `IoObj` is `#[repr(C)]` starting with `Obj`; every `_io` stream
// class derives from `_IOBase` and allocates an `IoObj`.
unsafe impl PyPayload for IoObj {
    fn class() -> &'static TypeObj {
        &IOBASE_TYPE
    }
}

// SAFETY: `NlDecoderObj` is `#[repr(C)]` starting with `Obj`; the type and
// its subclasses allocate it.
unsafe impl PyPayload for NlDecoderObj {
    fn class() -> &'static TypeObj {
        &NEWLINE_DECODER_TYPE
    }
}

/// Adopts descriptor `fd`, or the OS error `fcntl` reports (EBADF).
pub fn adopt_fd(fd: i32) -> std::io::Result<File> {
    // SAFETY: fcntl with F_GETFD reads the descriptor flags and touches no memory.
    let r = unsafe { libc::fcntl(fd, libc::F_GETFD) };
    if r < 0 {
        return Err(std::io::Error::last_os_error());
    }
    // SAFETY: `fd` is open (checked above); see the module's Safety section
    // for ownership.
    Ok(unsafe { File::from_raw_fd(fd) })
}

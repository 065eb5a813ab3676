//! The object model's foundation: the header, owned references, allocation and
//! interior mutability. Together with `eval::frame`, this is where Ember's
//! unsafe code lives; everything above uses the safe API exported here.

pub mod abi;
pub mod alloc;
pub mod cell;
pub mod collect;
pub mod header;
pub mod sysalloc;
pub mod varobj;
pub mod weakref;

#[cfg(test)]
mod tests;

pub use cell::PyCell;
pub use header::{args_as_ptr, args_from_raw, refs_as_borrowed, AsObj, Obj, PyPayload, PyRef, Static};

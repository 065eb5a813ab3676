//! Small shared utilities.

pub mod args;
pub mod mem;
pub mod siphash;
pub mod unicode;

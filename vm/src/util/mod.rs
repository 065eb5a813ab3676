//! Small shared utilities.

pub mod args;
pub mod siphash;
pub mod unicode;

//! Ember's JIT driver. See `ARCHITECTURE.md` ("jit/").

pub mod jitlist;

//! Ember's high-level JIT IR (HIR): typed SSA over Python values with explicit
//! reference-count operations. See `ARCHITECTURE.md` ("hir/").
//!
//! - [`builder`]: bytecode -> HIR.
//! - [`types`]: the type lattice (Python types, machine types, specialisations).
//! - [`opcode`]: the opcode table, declared once.
//! - [`ir`]: functions, blocks, instructions, values, frame states.
//! - [`text`]: the text form (printer and parser).
//! - [`passes`]: the optimisation passes and their pipeline.
//! - [`verify`]: the verifier.

pub mod builder;
pub mod ir;
pub mod opcode;
pub mod passes;
pub mod testing;
pub mod text;
pub mod types;
pub mod verify;

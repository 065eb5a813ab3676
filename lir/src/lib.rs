//! Ember's code generator: final HIR lowered to Cranelift IR (CLIF is the
//! low-level IR), the runtime layout contract, target selection, and the deopt
//! metadata compiled code hands to the runtime. See `ARCHITECTURE.md` ("lir/").
//!
//! - [`lower`]: HIR -> CLIF.
//! - [`helpers`]: the runtime helpers machine code calls, declared once.
//! - [`runtime`]: what the lowering needs from the VM (offsets, addresses).
//! - [`deopt`]: deopt points and the liveness they come from.
//! - [`target`]: ISAs from target triples; compiling outside a JIT module.

pub mod deopt;
pub mod helpers;
pub mod lower;
pub mod runtime;
pub mod target;

pub use deopt::{DeoptPoint, DeoptReason, ValueKind};
pub use helpers::Helper;
pub use lower::{lower, LowerError, Lowered};
pub use runtime::{Layout, Runtime};

//! Abstract operations on objects (CPython's "abstract object layer"): every
//! generic operation dispatches through type slots here, so the interpreter,
//! builtins and native modules share one implementation.

mod attr;
mod call;
mod compare;
mod number;
mod protocol;

pub use attr::*;
pub use call::*;
pub use compare::*;
pub use number::*;
pub use protocol::*;

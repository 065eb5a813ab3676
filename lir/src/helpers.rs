//! The runtime helpers machine code calls, declared once: name, parameter and
//! result kinds. `ember-jit` implements each as an `extern "C"` function with
//! exactly this signature and gives the lowering their addresses
//! ([`crate::Runtime::helper_addr`]); the lowering builds the Cranelift
//! signatures from this table.
//!
//! Conventions: object pointers are borrowed unless a helper's documentation
//! says it takes them; an object result is a new reference unless documented
//! as borrowed. Helpers that can raise return null (object results) or -1
//! (`I32` results) with the exception set in the thread state.

use cranelift_codegen::ir::{types, AbiParam, Signature};
use cranelift_codegen::isa::CallConv;

/// A parameter or result kind.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Abi {
    /// An object or data pointer (machine word).
    Ptr,
    /// A machine integer (64-bit).
    I64,
    /// A 32-bit status: 0 or 1 for success, -1 for an error.
    I32,
    /// A double.
    F64,
}

impl Abi {
    fn clif(self) -> types::Type {
        match self {
            Abi::Ptr | Abi::I64 => types::I64,
            Abi::I32 => types::I32,
            Abi::F64 => types::F64,
        }
    }
}

macro_rules! helpers {
    ($( $(#[doc = $doc:literal])* $name:ident ( $($p:ident),* ) -> $r:ident ; )*) => {
        /// A runtime helper. See the module documentation.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        pub enum Helper {
            $( $(#[doc = $doc])* $name, )*
        }

        impl Helper {
            /// Every helper, in table order.
            pub const ALL: &'static [Helper] = &[$(Helper::$name),*];

            /// Parameter kinds.
            pub fn params(self) -> &'static [Abi] {
                match self {
                    $( Helper::$name => &[$(Abi::$p),*], )*
                }
            }

            /// Result kind (None: no result).
            pub fn result(self) -> Option<Abi> {
                match self {
                    $( Helper::$name => helpers!(@ret $r), )*
                }
            }

            pub fn name(self) -> &'static str {
                match self {
                    $( Helper::$name => stringify!($name), )*
                }
            }
        }
    };
    (@ret Void) => { None };
    (@ret $r:ident) => { Some(Abi::$r) };
}

helpers! {
    /// Frees an object whose last reference compiled code dropped (called
    /// only when the refcount is 1; it drops that reference).
    Dealloc(Ptr) -> Void;
    /// (frame, name index) -> the global or builtin.
    LoadGlobal(Ptr, I64) -> Ptr;
    /// (frame, name index, value) -> status.
    StoreGlobal(Ptr, I64, Ptr) -> I32;
    /// (obj, site cache, name) -> attribute. The cache and the name come from
    /// [`Runtime::attr_site`](crate::runtime::Runtime::attr_site).
    LoadAttr(Ptr, Ptr, Ptr) -> Ptr;
    /// (obj, site cache, name, value) -> status.
    StoreAttr(Ptr, Ptr, Ptr, Ptr) -> I32;
    /// (obj, site cache, name, out) -> status; writes the two stack results
    /// (the first may be null) as new references to `out[0]` and `out[1]`.
    LoadMethod(Ptr, Ptr, Ptr, Ptr) -> I32;
    /// (items, count, has kwnames) -> result, for the call protocol's
    /// `[X, Y, args..., kwnames?]` (X may be null).
    Call(Ptr, I64, I64) -> Ptr;
    /// (function, args, count) -> the exact Python function called with
    /// `args[..count]` positionally.
    CallFunction(Ptr, Ptr, I64) -> Ptr;
    /// (items, count) -> `items[0](items[1..])`.
    VectorCall(Ptr, I64) -> Ptr;
    /// (lhs, rhs, bytecode operator) -> result.
    BinaryOp(Ptr, Ptr, I64) -> Ptr;
    /// (lhs, rhs, comparison) -> result.
    Compare(Ptr, Ptr, I64) -> Ptr;
    /// (operand, 0 negative / 1 positive / 2 invert) -> result.
    UnaryOp(Ptr, I64) -> Ptr;
    /// (obj) -> 0, 1 or -1.
    IsTruthy(Ptr) -> I32;
    /// (item, container) -> 0, 1 or -1.
    Contains(Ptr, Ptr) -> I32;
    /// (container, key) -> item.
    LoadSubscr(Ptr, Ptr) -> Ptr;
    /// (container, key, value) -> status.
    StoreSubscr(Ptr, Ptr, Ptr) -> I32;
    /// (obj) -> iterator.
    GetIter(Ptr) -> Ptr;
    /// (iterator, out) -> 1 with the item in `out[0]`, 0 when exhausted, -1.
    ForIter(Ptr, Ptr) -> I32;
    /// (obj, bytecode argument) -> `GET_AWAITABLE` of obj.
    GetAwaitable(Ptr, I64) -> Ptr;
    /// (frame, obj) -> `GET_YIELD_FROM_ITER` of obj.
    GetYieldFromIter(Ptr, Ptr) -> Ptr;
    /// (receiver, value, out) -> 0 when the receiver yielded `out[0]`, 1 when it
    /// returned `out[1]` (the other word is null), -1 on error.
    Send(Ptr, Ptr, Ptr) -> I32;
    /// (iterable, count) -> a tuple of exactly `count` items.
    UnpackSequence(Ptr, I64) -> Ptr;
    /// (value or null) -> a new cell.
    MakeCell(Ptr) -> Ptr;
    /// (frame, index) -> the closure's cell, borrowed; null with an error if missing.
    LoadClosureCell(Ptr, I64) -> Ptr;
    /// (cell) -> its value, or null (no error) when empty.
    LoadCellItem(Ptr) -> Ptr;
    /// (cell, value).
    SetCellItem(Ptr, Ptr) -> Void;
    /// (frame, operands, count, MAKE_FUNCTION flags) -> function.
    MakeFunction(Ptr, Ptr, I64, I64) -> Ptr;
    /// (items, count) -> list; takes the items' references.
    MakeList(Ptr, I64) -> Ptr;
    /// (items, count) -> tuple; takes the items' references.
    MakeTuple(Ptr, I64) -> Ptr;
    /// (keys and values, count) -> dict.
    MakeDict(Ptr, I64) -> Ptr;
    /// (items, count) -> set.
    MakeSet(Ptr, I64) -> Ptr;
    /// (start, stop, step) -> slice.
    MakeSlice(Ptr, Ptr, Ptr) -> Ptr;
    /// (dict, key, value) -> status.
    DictSetItem(Ptr, Ptr, Ptr) -> I32;
    /// (set, item) -> status.
    SetAdd(Ptr, Ptr) -> I32;
    /// (list, item) -> status.
    ListAppend(Ptr, Ptr) -> I32;
    /// (parts, count) -> str.
    BuildString(Ptr, I64) -> Ptr;
    /// (value, spec or null, conversion) -> str.
    FormatValue(Ptr, Ptr, I64) -> Ptr;
    /// () -> status (handles pending signals).
    CheckSignals() -> I32;
    /// (machine int) -> int.
    BoxLong(I64) -> Ptr;
    /// (double) -> float.
    BoxFloat(F64) -> Ptr;
    /// (exact float) -> its value.
    UnboxFloat(Ptr) -> F64;
    /// (exact list or tuple) -> length.
    SequenceLen(Ptr) -> I64;
    /// (tuple, index) -> item, borrowed.
    TupleItem(Ptr, I64) -> Ptr;
    /// (callable, args tuple, kwargs dict or null) -> result.
    CallEx(Ptr, Ptr, Ptr) -> Ptr;
    /// (target, other, called function or null, kind) -> status; kinds as
    /// HIR's `ContainerUpdate`.
    ContainerUpdate(Ptr, Ptr, Ptr, I64) -> I32;
    /// (list) -> tuple.
    ListToTuple(Ptr) -> Ptr;
    /// (values then the keys tuple, count of all) -> dict.
    MakeConstKeyDict(Ptr, I64) -> Ptr;
    /// (container, key) -> status.
    DeleteSubscr(Ptr, Ptr) -> I32;
    /// (frame, 0 AssertionError / 1 __build_class__) -> object.
    LoadBuiltin(Ptr, I64) -> Ptr;
    /// (iterable, UNPACK_EX argument) -> tuple of the items.
    UnpackEx(Ptr, I64) -> Ptr;
    /// (frame, deopt table, point index, values) -> what the compiled
    /// function returns: writes the point's FrameState into the frame,
    /// releases the point's owned values, and returns `DEOPT_RESUME`, or null
    /// for a point that raised.
    Deopt(Ptr, Ptr, I64, Ptr) -> Ptr;
}

impl Helper {
    /// The Cranelift signature of this helper for a target's calling convention.
    pub fn signature(self, call_conv: CallConv) -> Signature {
        let mut sig = Signature::new(call_conv);
        for p in self.params() {
            sig.params.push(AbiParam::new(p.clif()));
        }
        if let Some(r) = self.result() {
            sig.returns.push(AbiParam::new(r.clif()));
        }
        sig
    }
}

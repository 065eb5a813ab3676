//! Identity of constants for deduplication: like CPython's `_PyCode_ConstantKey`,
//! values of different types never merge (`1`, `1.0` and `True` stay distinct),
//! and floats compare by bits (so `0.0` and `-0.0` stay distinct).

use crate::code::Constant;
use num_bigint::BigInt;

#[derive(Clone, PartialEq, Eq, Hash)]
pub(crate) enum ConstKey {
    None,
    Bool(bool),
    Int(BigInt),
    Float(u64),
    Complex(u64, u64),
    Str(String),
    Bytes(Vec<u8>),
    Tuple(Vec<ConstKey>),
    FrozenSet(Vec<ConstKey>),
    Ellipsis,
    /// Code units are never merged; keyed by their slot.
    Code(usize),
}

impl ConstKey {
    pub(crate) fn of(c: &Constant, slot: usize) -> ConstKey {
        match c {
            Constant::None => ConstKey::None,
            Constant::Bool(b) => ConstKey::Bool(*b),
            Constant::Int(i) => ConstKey::Int(i.clone()),
            Constant::Float(f) => ConstKey::Float(f.to_bits()),
            Constant::Complex { real, imag } => ConstKey::Complex(real.to_bits(), imag.to_bits()),
            Constant::Str(s) => ConstKey::Str(s.clone()),
            Constant::Bytes(b) => ConstKey::Bytes(b.clone()),
            Constant::Tuple(t) => ConstKey::Tuple(t.iter().map(|c| ConstKey::of(c, slot)).collect()),
            Constant::FrozenSet(t) => ConstKey::FrozenSet(t.iter().map(|c| ConstKey::of(c, slot)).collect()),
            Constant::Ellipsis => ConstKey::Ellipsis,
            Constant::Code(_) => ConstKey::Code(slot),
        }
    }
}

/// Converts a parser constant into a code constant.
pub(crate) fn from_ast(c: &rustpython_parser::ast::Constant) -> Constant {
    use rustpython_parser::ast::Constant as A;
    match c {
        A::None => Constant::None,
        A::Bool(b) => Constant::Bool(*b),
        A::Str(s) => Constant::Str(s.clone()),
        A::Bytes(b) => Constant::Bytes(b.clone()),
        A::Int(i) => Constant::Int(i.clone()),
        A::Tuple(t) => Constant::Tuple(t.iter().map(from_ast).collect()),
        A::Float(f) => Constant::Float(*f),
        A::Complex { real, imag } => Constant::Complex { real: *real, imag: *imag },
        A::Ellipsis => Constant::Ellipsis,
    }
}

/// Python truthiness of a constant.
pub(crate) fn truthy(c: &Constant) -> bool {
    use num_traits::Zero;
    match c {
        Constant::None => false,
        Constant::Bool(b) => *b,
        Constant::Int(i) => !i.is_zero(),
        Constant::Float(f) => *f != 0.0,
        Constant::Complex { real, imag } => *real != 0.0 || *imag != 0.0,
        Constant::Str(s) => !s.is_empty(),
        Constant::Bytes(b) => !b.is_empty(),
        Constant::Tuple(t) | Constant::FrozenSet(t) => !t.is_empty(),
        Constant::Ellipsis | Constant::Code(_) => true,
    }
}

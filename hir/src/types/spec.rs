//! Specialisations: the part of a [`Type`](super::Type) beyond its bits (an exact
//! Python type identity, or a constant value), and their own small lattice.
//!
//! Each specialisation has a *domain*, the bits it can constrain. A type's
//! specialisation applies to all its bits except `Nullptr`, and those bits must lie
//! inside the domain (the `Type` constructor masks them). Specialisations order as:
//! `Top` above everything; an object specialisation `{ty, addr}` is the product of
//! two flat lattices (`ty` or `addr` absent means "any"); all other constants are
//! incomparable atoms.

use std::sync::Arc;

use super::bits;

/// A machine (non-object) type that can hold a constant.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub(super) enum Prim {
    CInt8,
    CInt16,
    CInt32,
    CInt64,
    CUInt8,
    CUInt16,
    CUInt32,
    CUInt64,
    CDouble,
    CBool,
    CPtr,
}

impl Prim {
    pub(super) const ALL: [Prim; 11] = [
        Prim::CInt8,
        Prim::CInt16,
        Prim::CInt32,
        Prim::CInt64,
        Prim::CUInt8,
        Prim::CUInt16,
        Prim::CUInt32,
        Prim::CUInt64,
        Prim::CDouble,
        Prim::CBool,
        Prim::CPtr,
    ];

    /// The type's single bit.
    pub(super) fn bit(self) -> u128 {
        match self {
            Prim::CInt8 => bits::CINT8,
            Prim::CInt16 => bits::CINT16,
            Prim::CInt32 => bits::CINT32,
            Prim::CInt64 => bits::CINT64,
            Prim::CUInt8 => bits::CUINT8,
            Prim::CUInt16 => bits::CUINT16,
            Prim::CUInt32 => bits::CUINT32,
            Prim::CUInt64 => bits::CUINT64,
            Prim::CDouble => bits::CDOUBLE,
            Prim::CBool => bits::CBOOL,
            Prim::CPtr => bits::CPTR,
        }
    }

    /// For integer types: (signed, width in bits).
    pub(super) fn int_layout(self) -> Option<(bool, u32)> {
        match self {
            Prim::CInt8 => Some((true, 8)),
            Prim::CInt16 => Some((true, 16)),
            Prim::CInt32 => Some((true, 32)),
            Prim::CInt64 => Some((true, 64)),
            Prim::CUInt8 => Some((false, 8)),
            Prim::CUInt16 => Some((false, 16)),
            Prim::CUInt32 => Some((false, 32)),
            Prim::CUInt64 => Some((false, 64)),
            Prim::CDouble | Prim::CBool | Prim::CPtr => None,
        }
    }

    /// The range of values an integer type (or `CPtr`, as an address) can hold.
    pub(super) fn int_range(self) -> Option<(i128, i128)> {
        if self == Prim::CPtr {
            return Some((0, u64::MAX as i128));
        }
        let (signed, width) = self.int_layout()?;
        Some(if signed { (-(1i128 << (width - 1)), (1i128 << (width - 1)) - 1) } else { (0, (1i128 << width) - 1) })
    }
}

/// The smallest and largest int kept as an immortal object by the runtime (the
/// small-int cache, see `ARCHITECTURE.md`): every exact int with such a value is
/// the cached immortal object, so its constant type is immortal.
pub const SMALL_INT_MIN: i64 = -5;
pub const SMALL_INT_MAX: i64 = 256;

/// A specialisation. Invariant: `Object` never has both fields `None`; `Prim`
/// raw values are canonical (sign-extended for signed ints, zero-extended for
/// unsigned ones, 0 or 1 for `CBool`, the bit pattern for `CDouble`).
#[derive(Clone, PartialEq, Eq, Hash, Debug)]
pub(super) enum Spec {
    /// No specialisation.
    Top,
    /// Objects of exact type `ty` (an opaque type id) and/or the object at `addr`.
    Object { ty: Option<u64>, addr: Option<u64> },
    /// An exact int of this value.
    Long(i64),
    /// An exact float with this bit pattern.
    Float(u64),
    /// `True` or `False`.
    Bool(bool),
    /// An exact str of this value.
    Unicode(Arc<str>),
    /// A machine value (see the invariant above for `raw`).
    Prim(Prim, u64),
}

impl Spec {
    /// The bits this specialisation can constrain. Monotone: if `a.le(b)` then
    /// `a.domain()` is a subset of `b.domain()` (`Type::join` relies on it).
    pub(super) fn domain(&self) -> u128 {
        match self {
            Spec::Top => bits::TOP,
            Spec::Object { ty: Some(_), .. } => bits::TYPE_SPEC_DOMAIN,
            Spec::Object { ty: None, .. } => bits::OBJECT_CONST_DOMAIN,
            Spec::Long(v) if (SMALL_INT_MIN..=SMALL_INT_MAX).contains(v) => bits::LONG_EXACT & bits::IMMORTAL_OBJECT,
            Spec::Long(_) => bits::LONG_EXACT,
            Spec::Float(_) => bits::FLOAT_EXACT,
            Spec::Bool(_) => bits::BOOL,
            Spec::Unicode(_) => bits::UNICODE_EXACT,
            Spec::Prim(p, _) => p.bit(),
        }
    }

    pub(super) fn is_top(&self) -> bool {
        matches!(self, Spec::Top)
    }

    /// Whether this specialisation pins a single value (ignoring `Nullptr`).
    pub(super) fn is_constant(&self) -> bool {
        match self {
            Spec::Top => false,
            Spec::Object { addr, .. } => addr.is_some(),
            _ => true,
        }
    }

    /// The specialisation order: is every value allowed by `self` allowed by `other`?
    pub(super) fn le(&self, other: &Spec) -> bool {
        match (self, other) {
            (_, Spec::Top) => true,
            (Spec::Object { ty: t1, addr: a1 }, Spec::Object { ty: t2, addr: a2 }) => {
                field_le(*t1, *t2) && field_le(*a1, *a2)
            }
            _ => self == other,
        }
    }

    /// Greatest lower bound; `None` when the two conflict (nothing satisfies both).
    pub(super) fn meet(&self, other: &Spec) -> Option<Spec> {
        match (self, other) {
            (Spec::Top, s) | (s, Spec::Top) => Some(s.clone()),
            (Spec::Object { ty: t1, addr: a1 }, Spec::Object { ty: t2, addr: a2 }) => {
                Some(Spec::Object { ty: field_meet(*t1, *t2)?, addr: field_meet(*a1, *a2)? })
            }
            _ if self == other => Some(self.clone()),
            _ => None,
        }
    }

    /// Least upper bound.
    pub(super) fn join(&self, other: &Spec) -> Spec {
        match (self, other) {
            (Spec::Object { ty: t1, addr: a1 }, Spec::Object { ty: t2, addr: a2 }) => {
                let ty = if t1 == t2 { *t1 } else { None };
                let addr = if a1 == a2 { *a1 } else { None };
                if ty.is_none() && addr.is_none() {
                    Spec::Top
                } else {
                    Spec::Object { ty, addr }
                }
            }
            _ if self == other => self.clone(),
            _ => Spec::Top,
        }
    }
}

/// One field of an object specialisation: `None` is "any".
fn field_le(a: Option<u64>, b: Option<u64>) -> bool {
    b.is_none() || a == b
}

/// Meet of one field: `Some(result)`, or `None` on conflict.
fn field_meet(a: Option<u64>, b: Option<u64>) -> Option<Option<u64>> {
    match (a, b) {
        (None, x) | (x, None) => Some(x),
        (Some(x), Some(y)) if x == y => Some(Some(x)),
        _ => None,
    }
}

//! Lattice operations on [`Type`]: join, meet, difference, subtyping, and the
//! operators (`|`, `&`, `-`, `<=`) that call them.
//!
//! `Nullptr` is independent of everything else (no specialisation constrains it),
//! so each operation treats it on its own and the rest (the *core*: bits other
//! than `Nullptr`, with the specialisation) as a smash product of the bitset and
//! the specialisation lattice.

use std::cmp::Ordering;
use std::ops::{BitAnd, BitAndAssign, BitOr, BitOrAssign, Sub, SubAssign};

use super::bits::{BOOL, CBOOL, CORE, NULLPTR};
use super::spec::{Prim, Spec};
use super::Type;

impl Type {
    /// Least upper bound (union). The specialisation is the join of both sides'
    /// (a side without core values does not count): since a larger
    /// specialisation has a larger domain, it still covers the union.
    pub fn join(&self, other: &Type) -> Type {
        let bits = self.bits | other.bits;
        let spec = if self.bits & CORE == 0 {
            other.spec.clone()
        } else if other.bits & CORE == 0 {
            self.spec.clone()
        } else {
            self.spec.join(&other.spec)
        };
        debug_assert_eq!(bits & CORE & !spec.domain(), 0, "domains grow with specialisations");
        Type { bits, spec }
    }

    /// Greatest lower bound (intersection). Conflicting specialisations leave only
    /// `Nullptr` (if both sides have it).
    pub fn meet(&self, other: &Type) -> Type {
        let bits = self.bits & other.bits;
        match self.spec.meet(&other.spec) {
            Some(spec) => Type::with_spec(bits, spec),
            None => Type::from_bits(bits & NULLPTR),
        }
    }

    /// The values of `self` that are not in `other`, as closely as the lattice can
    /// say it: bits are removed only when all their values in `self` are in
    /// `other`, so the result always contains the exact difference.
    pub fn subtract(&self, other: &Type) -> Type {
        let mut remove = other.bits & NULLPTR;
        if self.spec.le(&other.spec) {
            // Every core value of `self` in `other`'s bits is in `other`.
            remove |= other.bits & CORE;
        } else if let Some(result) = self.subtract_two_valued(other) {
            return result;
        }
        Type::with_spec(self.bits & !remove, self.spec.clone())
    }

    /// `Bool - Bool[True]` is `Bool[False]` (same for `CBool`): the one case where
    /// removing a constant leaves a constant.
    fn subtract_two_valued(&self, other: &Type) -> Option<Type> {
        let core = self.bits & CORE;
        // `other`'s core bits are all of `Bool` (or `CBool`): its specialisation's domain.
        let complement = match (&self.spec, &other.spec) {
            (Spec::Top, Spec::Bool(b)) if core == BOOL => Spec::Bool(!b),
            (Spec::Top, Spec::Prim(Prim::CBool, raw)) if core == CBOOL => Spec::Prim(Prim::CBool, 1 - raw),
            _ => return None,
        };
        let nullptr = self.bits & NULLPTR & !other.bits;
        Some(Type::with_spec(core | nullptr, complement))
    }

    /// Whether every value of `self` is in `other` (`self <= other`).
    pub fn is_subtype(&self, other: &Type) -> bool {
        self.bits & !other.bits == 0 && (self.bits & CORE == 0 || self.spec.le(&other.spec))
    }
}

macro_rules! binary_op {
    ($trait:ident, $method:ident, $assign_trait:ident, $assign_method:ident, $imp:ident) => {
        impl $trait for Type {
            type Output = Type;
            fn $method(self, rhs: Type) -> Type {
                Type::$imp(&self, &rhs)
            }
        }

        impl $trait<&Type> for Type {
            type Output = Type;
            fn $method(self, rhs: &Type) -> Type {
                Type::$imp(&self, rhs)
            }
        }

        impl $trait for &Type {
            type Output = Type;
            fn $method(self, rhs: &Type) -> Type {
                Type::$imp(self, rhs)
            }
        }

        impl $assign_trait for Type {
            fn $assign_method(&mut self, rhs: Type) {
                *self = Type::$imp(self, &rhs);
            }
        }

        impl $assign_trait<&Type> for Type {
            fn $assign_method(&mut self, rhs: &Type) {
                *self = Type::$imp(self, rhs);
            }
        }
    };
}

binary_op!(BitOr, bitor, BitOrAssign, bitor_assign, join);
binary_op!(BitAnd, bitand, BitAndAssign, bitand_assign, meet);
binary_op!(Sub, sub, SubAssign, sub_assign, subtract);

/// The lattice order: `a <= b` is `a.is_subtype(&b)`; unrelated types compare as
/// `None` (so `<`, `>`, `>=` are all false for them).
impl PartialOrd for Type {
    fn partial_cmp(&self, other: &Type) -> Option<Ordering> {
        match (self.is_subtype(other), other.is_subtype(self)) {
            (true, true) => Some(Ordering::Equal),
            (true, false) => Some(Ordering::Less),
            (false, true) => Some(Ordering::Greater),
            (false, false) => None,
        }
    }
}

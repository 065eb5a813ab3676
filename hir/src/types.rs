//! The HIR type lattice: what set of runtime values an SSA value may hold.
//!
//! A [`Type`] is a set of *basic types* (a bitset) plus an optional
//! *specialisation*. `|` is the join (union), `&` the meet (intersection), `-`
//! removes values, `<=` is [`Type::is_subtype`]. `Bottom` is the empty type, `Top`
//! holds every value.
//!
//! # Basic types
//!
//! * **Python objects.** Every object is in exactly one *category*, the most
//!   specific that applies. Subclassable builtin types have an `Exact` category
//!   (instances of exactly that type, e.g. `LongExact`) and a `User` one
//!   (instances of proper subclasses, e.g. `LongUser`); their union has the plain
//!   name (`Long`). Types that cannot be subclassed have one category: `Bool`,
//!   `NoneType`, `Slice`, `Range`, `Func`, `Code`, `Cell`, `Gen` (generators,
//!   coroutines, async generators). `ObjectExact` is exactly `object()`;
//!   `ObjectUser` is every object of any other class, builtin or not.
//!   `BaseExceptionUser` holds every exception class but `BaseException` itself;
//!   `TypeUser` holds classes whose metaclass is not exactly `type`. `Object` is the
//!   union of all categories.
//! * **`Bool` ⊂ `Long`.** `bool` subclasses `int`, so `Long` = `LongExact |
//!   LongUser | Bool`. `Bool` is its own category: it is in neither `LongExact`
//!   (exactly `int`) nor `LongUser` (the other subclasses of `int`).
//! * **Mortality.** Each object category has an immortal and a mortal half
//!   (immortal objects' refcounts are never written: small ints, `None`, `True`,
//!   `False`, interned strings, static types, ...). A plain name covers both
//!   halves; `ImmortalLongExact`, `MortalObject` name one. `Bool` and `NoneType`
//!   are immortal only: `MortalBool` is empty. Because mortality is per category,
//!   unions are exact: `ImmortalLongExact|MortalUnicode` loses nothing.
//! * **Primitives** (machine values, not objects, no mortality): `CInt8`,
//!   `CInt16`, `CInt32`, `CInt64`, `CUInt8`, `CUInt16`, `CUInt32`, `CUInt64`
//!   (union: `CInt`), `CDouble`, `CBool`, `CPtr`; union of all: `Primitive`.
//! * **`Nullptr`**: the null object pointer (no value). `OptObject` is
//!   `Object|Nullptr`; any type plus `Nullptr` prints with an `Opt` prefix.
//!
//! # Specialisations
//!
//! On top of its bits a type may carry one specialisation, which constrains every
//! value of the type except `Nullptr`:
//!
//! * an exact type identity `[type:0x10]` (an opaque id; at run time a type
//!   object's address). It never names a type that has its own category (`int`,
//!   `str`, `object`, ...: those are `LongExact`, `UnicodeExact`, `ObjectExact`),
//!   so it only applies to the `User` categories and `Gen`;
//! * an object constant `[obj:0x55aa]` (an object's address), optionally with its
//!   type: `[obj:0x55aa,type:0x10]`. An object that has a value constant form must
//!   use it (an exact int that fits `i64`, an exact float, an exact `str`, a
//!   bool); `None` is just `NoneType`, the one value of its type;
//! * a value constant: `Long[5]` (i64), `Float[1.5]` (compared by bit pattern, so
//!   NaNs and `-0.0` are distinct and round-trip), `Bool[True]`, `Unicode["abc"]`,
//!   and machine constants `CInt64[-3]`, `CUInt8[7]`, `CDouble[2.5]`,
//!   `CBool[true]`, `CPtr[0x7f00]`.
//!
//! Each specialisation has a *domain*, the bits it can apply to; a type's
//! non-`Nullptr` bits are always inside its specialisation's domain (constructors
//! and meets drop the rest; a join's specialisation, being larger, has a larger
//! domain). Domains: type specs: the `User` categories and `Gen`; object
//! constants: `Object` minus `NoneType` and `Bool`; `Long[v]`: `LongExact`, and
//! only its immortal half when `v` is in the small-int cache
//! ([`SMALL_INT_MIN`]`..=`[`SMALL_INT_MAX`]), so `Long[5]` is `ImmortalLongExact[5]`
//! (the runtime hands out the cached immortal object for every such exact int);
//! `Float[..]`: `FloatExact`; `Bool[..]`: `Bool` (immortal); `Unicode[..]`:
//! `UnicodeExact` (either mortality, interning is not tracked); a machine constant:
//! its one primitive type.
//!
//! Joining two different specialisations keeps what they share (two object
//! constants of the same type join to the type spec) or drops it; meeting two
//! conflicting ones gives `Bottom` (or `Nullptr`, if both allowed it).
//!
//! # Text form
//!
//! `Display` prints a canonical form and [`Type::parse`] reads it back: for every
//! type `t`, `Type::parse(&t.to_string()) == Ok(t)`. No whitespace is allowed.
//!
//! ```text
//! type      := union [ '[' spec ']' ]     the spec applies to the whole union
//!                                          (except Nullptr)
//! union     := term ( '|' term )*
//! term      := [ 'Opt' ] [ 'Immortal' | 'Mortal' ] NAME
//! spec      := INT | FLOAT | 'True' | 'False' | 'true' | 'false' | STRING
//!            | 'obj:' HEX [ ',type:' HEX ] | 'type:' HEX [ ',obj:' HEX ]
//! INT       := [ '-' ] ( DIGITS | '0x' HEXDIGITS )
//! FLOAT     := Rust's shortest round-trip form, always with '.', 'e', 'inf' or
//!              'NaN' (e.g. 1.5, -0.0, 1e100, inf, -inf); 'NaN' is the standard
//!              quiet NaN, 'NaN(0x7ff8000000000001)' any other bit pattern
//! STRING    := '"' chars '"'  with escapes \\ \" \n \r \t \0 \u{HEX}
//! NAME      := Top | Bottom | Object | Long | LongExact | ... (the `Type`
//!              constants, in CamelCase; see the table in `bits.rs`)
//! ```
//!
//! `Opt` adds `Nullptr` (not allowed on names that include it); `Immortal`/`Mortal`
//! keep one mortality and are only allowed on object-only names. The kind of a
//! constant comes from the union's bits: `[5]` is a `Long` constant on `Long`, a
//! `CInt32` constant on `CInt32`; it is an error if the literal fits more than one
//! part of the union (`Long|CInt64[5]` is an error) or none of it. Bits outside
//! the specialisation's domain are dropped, so `Long[5]` reads as
//! `ImmortalLongExact[5]` and `Object[obj:0x10]` keeps `Object` minus `NoneType`
//! and `Bool`.
//!
//! The printer covers the bits exactly with named types chosen greedily, largest
//! first (`LongExact|Unicode`, `Long`), printed in name-table order, with a
//! mortality prefix only when a name's bits are restricted to one mortality.
//! Constants print with the bits they have: `Long[5]` prints as
//! `ImmortalLongExact[5]`, `Float[1.5]` as `FloatExact[1.5]`. `Nullptr` merges into a
//! single term as `Opt` (`OptLong`) and is printed as a separate `|Nullptr` term
//! otherwise. With a specialisation the printer may print a larger name whose
//! intersection with the domain is the type (`Object[type:0x10]`).

mod bits;
mod ops;
mod spec;
mod text;

#[cfg(test)]
mod tests;

use std::sync::Arc;

use spec::{Prim, Spec};
pub use spec::{SMALL_INT_MAX, SMALL_INT_MIN};

/// A set of runtime values; see the module documentation.
///
/// Invariants: `bits` has no bit outside `Top`; if `spec` is not `Top`, the bits
/// other than `Nullptr` are non-empty and inside the specialisation's domain.
#[derive(Clone, PartialEq, Eq, Hash)]
pub struct Type {
    bits: u128,
    spec: Spec,
}

/// Whether objects are immortal (their refcount is never written) or mortal.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub enum Mortality {
    Mortal,
    Immortal,
}

impl Type {
    /// An unspecialised type.
    const fn from_bits(bits: u128) -> Type {
        Type { bits, spec: Spec::Top }
    }

    /// A type with a specialisation, made canonical: bits outside the
    /// specialisation's domain are dropped (except `Nullptr`), and an empty
    /// remainder drops the specialisation.
    fn with_spec(bits: u128, spec: Spec) -> Type {
        let bits = bits & bits::TOP;
        if spec.is_top() {
            return Type::from_bits(bits);
        }
        let core = bits & bits::CORE & spec.domain();
        if core == 0 {
            Type::from_bits(bits & bits::NULLPTR)
        } else {
            Type { bits: core | (bits & bits::NULLPTR), spec }
        }
    }

    /// `LongExact[v]` (immortal if `v` is a small int; see the module docs).
    pub fn long_const(v: i64) -> Type {
        Type::with_spec(bits::LONG_EXACT, Spec::Long(v))
    }

    /// `FloatExact[v]`.
    pub fn float_const(v: f64) -> Type {
        Type::with_spec(bits::FLOAT_EXACT, Spec::Float(v.to_bits()))
    }

    /// `Bool[True]` or `Bool[False]`.
    pub fn bool_const(v: bool) -> Type {
        Type::with_spec(bits::BOOL, Spec::Bool(v))
    }

    /// `UnicodeExact["..."]`.
    pub fn unicode_const(v: &str) -> Type {
        Type::with_spec(bits::UNICODE_EXACT, Spec::Unicode(Arc::from(v)))
    }

    /// The object at `addr`, of unknown category: `Object[obj:0x..]`. Meet it with
    /// a narrower type (`& Type::TUPLE_EXACT`, `& Type::exact_type(t)`) when its
    /// category or type is known. Objects with a value form (exact ints that fit
    /// `i64`, exact floats, exact strs, bools, `None`) must be built with the value
    /// constructors instead.
    pub fn object_const(addr: u64) -> Type {
        Type::with_spec(bits::OBJECT, Spec::Object { ty: None, addr: Some(addr) })
    }

    /// Objects whose exact type is the type with id `ty`: `Object[type:0x..]`
    /// (which is the `User` categories and `Gen`: `ty` must not be one of the
    /// builtin types with their own category).
    pub fn exact_type(ty: u64) -> Type {
        Type::with_spec(bits::OBJECT, Spec::Object { ty: Some(ty), addr: None })
    }

    fn prim_const(p: Prim, raw: u64) -> Type {
        Type::with_spec(p.bit(), Spec::Prim(p, raw))
    }

    pub fn cint8_const(v: i8) -> Type {
        Type::prim_const(Prim::CInt8, v as i64 as u64)
    }

    pub fn cint16_const(v: i16) -> Type {
        Type::prim_const(Prim::CInt16, v as i64 as u64)
    }

    pub fn cint32_const(v: i32) -> Type {
        Type::prim_const(Prim::CInt32, v as i64 as u64)
    }

    pub fn cint64_const(v: i64) -> Type {
        Type::prim_const(Prim::CInt64, v as u64)
    }

    pub fn cuint8_const(v: u8) -> Type {
        Type::prim_const(Prim::CUInt8, v.into())
    }

    pub fn cuint16_const(v: u16) -> Type {
        Type::prim_const(Prim::CUInt16, v.into())
    }

    pub fn cuint32_const(v: u32) -> Type {
        Type::prim_const(Prim::CUInt32, v.into())
    }

    pub fn cuint64_const(v: u64) -> Type {
        Type::prim_const(Prim::CUInt64, v)
    }

    /// `CDouble[v]` (compared by bit pattern).
    pub fn cdouble_const(v: f64) -> Type {
        Type::prim_const(Prim::CDouble, v.to_bits())
    }

    pub fn cbool_const(v: bool) -> Type {
        Type::prim_const(Prim::CBool, v.into())
    }

    pub fn cptr_const(v: u64) -> Type {
        Type::prim_const(Prim::CPtr, v)
    }

    // ----- queries -----

    pub fn is_bottom(&self) -> bool {
        self.bits == 0
    }

    pub fn is_top(&self) -> bool {
        self.bits == bits::TOP && self.spec.is_top()
    }

    /// A non-empty type of Python objects only (no `Nullptr`, no primitives).
    pub fn is_object(&self) -> bool {
        self.bits != 0 && self.bits & !bits::OBJECT == 0
    }

    /// A non-empty type of machine values only.
    pub fn is_primitive(&self) -> bool {
        self.bits != 0 && self.bits & !bits::PRIMITIVE == 0
    }

    /// Whether every value of the type is a Python object of one single exact
    /// Python type: a single-type category such as `LongExact`, `Bool`, `Func`
    /// (of either or one mortality, maybe specialised), or a type specialisation
    /// (`ObjectUser[type:0x10]`). `Gen` and the `User` categories are not exact.
    pub fn is_exact(&self) -> bool {
        if !self.is_object() {
            return false;
        }
        if let Spec::Object { ty: Some(_), .. } = self.spec {
            return true;
        }
        // One category, of either or both mortalities.
        let folded = (self.bits | (self.bits >> bits::MORTAL_SHIFT)) & bits::IMMORTAL_OBJECT;
        folded.is_power_of_two() && self.bits & !bits::SINGLE_TYPE == 0
    }

    /// Whether the type has a specialisation.
    pub fn is_specialized(&self) -> bool {
        !self.spec.is_top()
    }

    /// Whether the type holds exactly one value: a constant (without `Nullptr`),
    /// `NoneType`, or `Nullptr`.
    pub fn is_constant(&self) -> bool {
        if self.bits == bits::NONE_TYPE || self.bits == bits::NULLPTR {
            return true;
        }
        self.bits & bits::NULLPTR == 0 && self.spec.is_constant()
    }

    /// The type without its specialisation.
    pub fn unspecialized(&self) -> Type {
        Type::from_bits(self.bits)
    }

    /// Whether some value could be in both types (their meet is not `Bottom`).
    pub fn could_be(&self, other: &Type) -> bool {
        !self.meet(other).is_bottom()
    }

    /// The mortality of the type's objects, if it has objects and they all have
    /// the same mortality. `None` for `Bottom`, for types without objects, and for
    /// types with objects of both mortalities.
    pub fn mortality(&self) -> Option<Mortality> {
        let immortal = self.bits & bits::IMMORTAL_OBJECT != 0;
        let mortal = self.bits & bits::MORTAL_OBJECT != 0;
        match (immortal, mortal) {
            (true, false) => Some(Mortality::Immortal),
            (false, true) => Some(Mortality::Mortal),
            _ => None,
        }
    }

    /// Whether no value of this type is a mortal object (so it never needs
    /// reference counting): immortal objects, primitives, `Nullptr`, `Bottom`.
    pub fn is_immortal(&self) -> bool {
        self.bits & bits::MORTAL_OBJECT == 0
    }

    /// The type restricted to objects of mortality `m` (primitives and `Nullptr`
    /// are kept): always `<= self`. `Type::LONG.with_mortality(Immortal)` is
    /// `ImmortalLong`; `Type::BOOL.with_mortality(Mortal)` is `Bottom`.
    pub fn with_mortality(&self, m: Mortality) -> Type {
        let keep = match m {
            Mortality::Immortal => bits::IMMORTAL_OBJECT,
            Mortality::Mortal => bits::MORTAL_OBJECT,
        };
        Type::with_spec(self.bits & (keep | bits::PRIMITIVE | bits::NULLPTR), self.spec.clone())
    }

    /// `self.with_mortality(Mortality::Immortal)`.
    pub fn immortal(&self) -> Type {
        self.with_mortality(Mortality::Immortal)
    }

    /// `self.with_mortality(Mortality::Mortal)`.
    pub fn mortal(&self) -> Type {
        self.with_mortality(Mortality::Mortal)
    }

    // ----- constant accessors -----

    /// The value of a `Long` constant or a signed `CInt*` constant.
    pub fn as_i64(&self) -> Option<i64> {
        match self.spec {
            Spec::Long(v) => Some(v),
            Spec::Prim(p, raw) if matches!(p.int_layout(), Some((true, _))) => Some(raw as i64),
            _ => None,
        }
    }

    /// The value of an unsigned `CUInt*` constant.
    pub fn as_u64(&self) -> Option<u64> {
        match self.spec {
            Spec::Prim(p, raw) if matches!(p.int_layout(), Some((false, _))) => Some(raw),
            _ => None,
        }
    }

    /// The value of a `Float` or `CDouble` constant.
    pub fn as_f64(&self) -> Option<f64> {
        match self.spec {
            Spec::Float(b) | Spec::Prim(Prim::CDouble, b) => Some(f64::from_bits(b)),
            _ => None,
        }
    }

    /// The value of a `Bool` or `CBool` constant.
    pub fn as_bool(&self) -> Option<bool> {
        match self.spec {
            Spec::Bool(b) => Some(b),
            Spec::Prim(Prim::CBool, raw) => Some(raw != 0),
            _ => None,
        }
    }

    /// The value of a `Unicode` constant.
    pub fn as_str(&self) -> Option<&str> {
        match &self.spec {
            Spec::Unicode(s) => Some(s),
            _ => None,
        }
    }

    /// The value of a `CPtr` constant.
    pub fn as_ptr(&self) -> Option<u64> {
        match self.spec {
            Spec::Prim(Prim::CPtr, raw) => Some(raw),
            _ => None,
        }
    }

    /// The address of an object constant (`[obj:0x..]`).
    pub fn object_addr(&self) -> Option<u64> {
        match self.spec {
            Spec::Object { addr, .. } => addr,
            _ => None,
        }
    }

    /// The exact type id of a type specialisation (`[type:0x..]`).
    pub fn type_spec(&self) -> Option<u64> {
        match self.spec {
            Spec::Object { ty, .. } => ty,
            _ => None,
        }
    }
}

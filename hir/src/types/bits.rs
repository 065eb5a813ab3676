//! The bit layout of [`Type`]'s set of basic types, and the table of named types
//! (the `Type::LONG`-style constants and the names the text form uses).
//!
//! Every Python object belongs to exactly one *category* (the most specific one
//! that applies: a `bool` is in `Bool`, not `LongUser`), and every category has
//! one bit per mortality: bit `c` holds the category's immortal objects and bit
//! `MORTAL_SHIFT + c` its mortal ones. `Bool` and `NoneType` have no mortal bit:
//! `True`, `False` and `None` are immortal. Primitive (machine) types and
//! `Nullptr` have a single bit each, between the two halves.

use super::Type;

/// Distance from a category's immortal bit to its mortal bit.
pub(super) const MORTAL_SHIFT: u32 = 64;

/// A category whose objects may be mortal or immortal.
const fn both(c: u32) -> u128 {
    (1u128 << c) | (1u128 << (MORTAL_SHIFT + c))
}

/// A category whose objects are all immortal.
const fn immortal_only(c: u32) -> u128 {
    1u128 << c
}

/// The `i`-th primitive bit.
const fn prim(i: u32) -> u128 {
    1u128 << (40 + i)
}

// Object categories. `Exact` = instances of exactly that builtin type; `User` =
// instances of its proper subclasses (for `Long`: other than `bool`). Types that
// cannot be subclassed (bool, NoneType, slice, range, function, code, cell and the
// generator types) have one category each.
pub(super) const LONG_EXACT: u128 = both(0);
pub(super) const LONG_USER: u128 = both(1);
pub(super) const BOOL: u128 = immortal_only(2);
pub(super) const FLOAT_EXACT: u128 = both(3);
pub(super) const FLOAT_USER: u128 = both(4);
pub(super) const COMPLEX_EXACT: u128 = both(5);
pub(super) const COMPLEX_USER: u128 = both(6);
pub(super) const NONE_TYPE: u128 = immortal_only(7);
pub(super) const UNICODE_EXACT: u128 = both(8);
pub(super) const UNICODE_USER: u128 = both(9);
pub(super) const BYTES_EXACT: u128 = both(10);
pub(super) const BYTES_USER: u128 = both(11);
pub(super) const BYTE_ARRAY_EXACT: u128 = both(12);
pub(super) const BYTE_ARRAY_USER: u128 = both(13);
pub(super) const LIST_EXACT: u128 = both(14);
pub(super) const LIST_USER: u128 = both(15);
pub(super) const TUPLE_EXACT: u128 = both(16);
pub(super) const TUPLE_USER: u128 = both(17);
pub(super) const DICT_EXACT: u128 = both(18);
pub(super) const DICT_USER: u128 = both(19);
pub(super) const SET_EXACT: u128 = both(20);
pub(super) const SET_USER: u128 = both(21);
pub(super) const FROZEN_SET_EXACT: u128 = both(22);
pub(super) const FROZEN_SET_USER: u128 = both(23);
pub(super) const SLICE: u128 = both(24);
pub(super) const RANGE: u128 = both(25);
pub(super) const FUNC: u128 = both(26);
pub(super) const TYPE_EXACT: u128 = both(27);
pub(super) const TYPE_USER: u128 = both(28);
pub(super) const CODE: u128 = both(29);
pub(super) const CELL: u128 = both(30);
pub(super) const MODULE_EXACT: u128 = both(31);
pub(super) const MODULE_USER: u128 = both(32);
pub(super) const BASE_EXCEPTION_EXACT: u128 = both(33);
pub(super) const BASE_EXCEPTION_USER: u128 = both(34);
pub(super) const GEN: u128 = both(35);
pub(super) const OBJECT_EXACT: u128 = both(36);
pub(super) const OBJECT_USER: u128 = both(37);

pub(super) const LONG: u128 = LONG_EXACT | LONG_USER | BOOL;
pub(super) const FLOAT: u128 = FLOAT_EXACT | FLOAT_USER;
pub(super) const COMPLEX: u128 = COMPLEX_EXACT | COMPLEX_USER;
pub(super) const UNICODE: u128 = UNICODE_EXACT | UNICODE_USER;
pub(super) const BYTES: u128 = BYTES_EXACT | BYTES_USER;
pub(super) const BYTE_ARRAY: u128 = BYTE_ARRAY_EXACT | BYTE_ARRAY_USER;
pub(super) const LIST: u128 = LIST_EXACT | LIST_USER;
pub(super) const TUPLE: u128 = TUPLE_EXACT | TUPLE_USER;
pub(super) const DICT: u128 = DICT_EXACT | DICT_USER;
pub(super) const SET: u128 = SET_EXACT | SET_USER;
pub(super) const FROZEN_SET: u128 = FROZEN_SET_EXACT | FROZEN_SET_USER;
pub(super) const TYPE: u128 = TYPE_EXACT | TYPE_USER;
pub(super) const MODULE: u128 = MODULE_EXACT | MODULE_USER;
pub(super) const BASE_EXCEPTION: u128 = BASE_EXCEPTION_EXACT | BASE_EXCEPTION_USER;
pub(super) const OBJECT: u128 = LONG
    | FLOAT
    | COMPLEX
    | NONE_TYPE
    | UNICODE
    | BYTES
    | BYTE_ARRAY
    | LIST
    | TUPLE
    | DICT
    | SET
    | FROZEN_SET
    | SLICE
    | RANGE
    | FUNC
    | TYPE
    | CODE
    | CELL
    | MODULE
    | BASE_EXCEPTION
    | GEN
    | OBJECT_EXACT
    | OBJECT_USER;

/// All immortal object bits.
pub(super) const IMMORTAL_OBJECT: u128 = OBJECT & ((1u128 << MORTAL_SHIFT) - 1);
/// All mortal object bits.
pub(super) const MORTAL_OBJECT: u128 = OBJECT & !IMMORTAL_OBJECT;

pub(super) const CINT8: u128 = prim(0);
pub(super) const CINT16: u128 = prim(1);
pub(super) const CINT32: u128 = prim(2);
pub(super) const CINT64: u128 = prim(3);
pub(super) const CUINT8: u128 = prim(4);
pub(super) const CUINT16: u128 = prim(5);
pub(super) const CUINT32: u128 = prim(6);
pub(super) const CUINT64: u128 = prim(7);
pub(super) const CDOUBLE: u128 = prim(8);
pub(super) const CBOOL: u128 = prim(9);
pub(super) const CPTR: u128 = prim(10);
pub(super) const CINT: u128 = CINT8 | CINT16 | CINT32 | CINT64 | CUINT8 | CUINT16 | CUINT32 | CUINT64;
pub(super) const PRIMITIVE: u128 = CINT | CDOUBLE | CBOOL | CPTR;

pub(super) const NULLPTR: u128 = 1u128 << 51;
pub(super) const TOP: u128 = OBJECT | PRIMITIVE | NULLPTR;
/// Everything a specialisation can constrain (`Nullptr` never is).
pub(super) const CORE: u128 = TOP & !NULLPTR;

/// Categories holding instances of exactly one Python type.
pub(super) const SINGLE_TYPE: u128 = LONG_EXACT
    | BOOL
    | FLOAT_EXACT
    | COMPLEX_EXACT
    | NONE_TYPE
    | UNICODE_EXACT
    | BYTES_EXACT
    | BYTE_ARRAY_EXACT
    | LIST_EXACT
    | TUPLE_EXACT
    | DICT_EXACT
    | SET_EXACT
    | FROZEN_SET_EXACT
    | SLICE
    | RANGE
    | FUNC
    | TYPE_EXACT
    | CODE
    | CELL
    | MODULE_EXACT
    | BASE_EXCEPTION_EXACT
    | OBJECT_EXACT;

/// Where a type specialisation (`[type:0x..]`) applies: the categories that do not
/// already name one type (a type spec never names one of those builtin types).
pub(super) const TYPE_SPEC_DOMAIN: u128 = OBJECT & !SINGLE_TYPE;

/// Where an object constant (`[obj:0x..]`) applies: `None`, `True` and `False` are
/// written `NoneType`, `Bool[True]` and `Bool[False]`.
pub(super) const OBJECT_CONST_DOMAIN: u128 = OBJECT & !(NONE_TYPE | BOOL);

/// Declares the public named-type constants and the name table together, so the
/// two cannot disagree.
macro_rules! named_types {
    ($($(#[$attr:meta])* $konst:ident $name:literal = $bits:expr;)*) => {
        /// Named types. Each is also a name in the text form (see the module docs).
        impl Type {
            $($(#[$attr])* pub const $konst: Type = Type::from_bits($bits);)*
        }

        /// Every named type with its bits, in printing order (unions before
        /// their parts).
        pub(super) const NAMED: &[(&str, u128)] = &[$(($name, $bits)),*];
    };
}

named_types! {
    /// Every value, including primitives and `Nullptr`.
    TOP "Top" = TOP;
    /// Every Python object (of either mortality).
    OBJECT "Object" = OBJECT;
    /// `int` and its subclasses, including `bool`.
    LONG "Long" = LONG;
    /// Exactly `int` (not `bool`).
    LONG_EXACT "LongExact" = LONG_EXACT;
    /// Proper subclasses of `int` other than `bool`.
    LONG_USER "LongUser" = LONG_USER;
    /// `True` and `False` (immortal).
    BOOL "Bool" = BOOL;
    FLOAT "Float" = FLOAT;
    FLOAT_EXACT "FloatExact" = FLOAT_EXACT;
    FLOAT_USER "FloatUser" = FLOAT_USER;
    COMPLEX "Complex" = COMPLEX;
    COMPLEX_EXACT "ComplexExact" = COMPLEX_EXACT;
    COMPLEX_USER "ComplexUser" = COMPLEX_USER;
    /// `None`, the only value of its type (immortal).
    NONE_TYPE "NoneType" = NONE_TYPE;
    UNICODE "Unicode" = UNICODE;
    UNICODE_EXACT "UnicodeExact" = UNICODE_EXACT;
    UNICODE_USER "UnicodeUser" = UNICODE_USER;
    BYTES "Bytes" = BYTES;
    BYTES_EXACT "BytesExact" = BYTES_EXACT;
    BYTES_USER "BytesUser" = BYTES_USER;
    BYTE_ARRAY "ByteArray" = BYTE_ARRAY;
    BYTE_ARRAY_EXACT "ByteArrayExact" = BYTE_ARRAY_EXACT;
    BYTE_ARRAY_USER "ByteArrayUser" = BYTE_ARRAY_USER;
    LIST "List" = LIST;
    LIST_EXACT "ListExact" = LIST_EXACT;
    LIST_USER "ListUser" = LIST_USER;
    TUPLE "Tuple" = TUPLE;
    TUPLE_EXACT "TupleExact" = TUPLE_EXACT;
    TUPLE_USER "TupleUser" = TUPLE_USER;
    DICT "Dict" = DICT;
    DICT_EXACT "DictExact" = DICT_EXACT;
    DICT_USER "DictUser" = DICT_USER;
    SET "Set" = SET;
    SET_EXACT "SetExact" = SET_EXACT;
    SET_USER "SetUser" = SET_USER;
    FROZEN_SET "FrozenSet" = FROZEN_SET;
    FROZEN_SET_EXACT "FrozenSetExact" = FROZEN_SET_EXACT;
    FROZEN_SET_USER "FrozenSetUser" = FROZEN_SET_USER;
    /// `slice` objects (not subclassable).
    SLICE "Slice" = SLICE;
    /// `range` objects (not subclassable).
    RANGE "Range" = RANGE;
    /// Python function objects (not subclassable).
    FUNC "Func" = FUNC;
    /// Type objects: instances of `type` and of metaclasses.
    TYPE "Type" = TYPE;
    /// Type objects whose metaclass is exactly `type`.
    TYPE_EXACT "TypeExact" = TYPE_EXACT;
    /// Type objects whose metaclass is a proper subclass of `type`.
    TYPE_USER "TypeUser" = TYPE_USER;
    /// Code objects (not subclassable).
    CODE "Code" = CODE;
    /// Cell objects (not subclassable).
    CELL "Cell" = CELL;
    MODULE "Module" = MODULE;
    MODULE_EXACT "ModuleExact" = MODULE_EXACT;
    MODULE_USER "ModuleUser" = MODULE_USER;
    /// Exception instances.
    BASE_EXCEPTION "BaseException" = BASE_EXCEPTION;
    /// Instances of exactly `BaseException`.
    BASE_EXCEPTION_EXACT "BaseExceptionExact" = BASE_EXCEPTION_EXACT;
    /// Instances of every other exception class, builtin or not.
    BASE_EXCEPTION_USER "BaseExceptionUser" = BASE_EXCEPTION_USER;
    /// Generator, coroutine and async generator objects (several types, none subclassable).
    GEN "Gen" = GEN;
    /// Instances of exactly `object`.
    OBJECT_EXACT "ObjectExact" = OBJECT_EXACT;
    /// Every other object: instances of classes outside all the categories above,
    /// builtin or user-defined.
    OBJECT_USER "ObjectUser" = OBJECT_USER;
    /// Every primitive (machine) value.
    PRIMITIVE "Primitive" = PRIMITIVE;
    /// Every machine integer, signed or unsigned.
    CINT "CInt" = CINT;
    CINT8 "CInt8" = CINT8;
    CINT16 "CInt16" = CINT16;
    CINT32 "CInt32" = CINT32;
    CINT64 "CInt64" = CINT64;
    CUINT8 "CUInt8" = CUINT8;
    CUINT16 "CUInt16" = CUINT16;
    CUINT32 "CUInt32" = CUINT32;
    CUINT64 "CUInt64" = CUINT64;
    CDOUBLE "CDouble" = CDOUBLE;
    CBOOL "CBool" = CBOOL;
    /// A raw machine pointer (not a Python object).
    CPTR "CPtr" = CPTR;
    /// The null object pointer ("no value": an unbound local, a failed call).
    NULLPTR "Nullptr" = NULLPTR;
}

impl Type {
    /// The empty type: no value (unreachable code).
    pub const BOTTOM: Type = Type::from_bits(0);
    /// `Object | Nullptr`: an object or no value.
    pub const OPT_OBJECT: Type = Type::from_bits(OBJECT | NULLPTR);
    /// Every immortal object.
    pub const IMMORTAL_OBJECT: Type = Type::from_bits(IMMORTAL_OBJECT);
    /// Every mortal object (so no `None` and no bools).
    pub const MORTAL_OBJECT: Type = Type::from_bits(MORTAL_OBJECT);
}

/// The bits of a named type (`Bottom` included), by its text name.
pub(super) fn lookup(name: &str) -> Option<u128> {
    if name == "Bottom" {
        return Some(0);
    }
    NAMED.iter().find(|(n, _)| *n == name).map(|&(_, bits)| bits)
}

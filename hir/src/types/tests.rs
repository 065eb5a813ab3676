//! Tests of the type lattice: algebraic laws and soundness against a model of
//! runtime values over a generated set of types, specific behaviour, and the text
//! form.

use std::collections::HashSet;

use super::bits::{self, NAMED};
use super::spec::{Prim, Spec};
use super::{Mortality, Type};

fn t(s: &str) -> Type {
    Type::parse(s).unwrap_or_else(|e| panic!("parse {s:?}: {e}"))
}

/// The constants and specialised types used by the generated set.
fn specialised() -> Vec<Type> {
    vec![
        Type::long_const(5),
        Type::long_const(6),
        Type::long_const(-5),
        Type::long_const(256),
        Type::long_const(257),
        Type::long_const(1000),
        Type::long_const(1000).immortal(),
        Type::long_const(i64::MIN),
        Type::float_const(1.5),
        Type::float_const(-0.0),
        Type::float_const(0.0),
        Type::float_const(f64::NAN),
        Type::float_const(f64::from_bits(0x7ff8_0000_0000_0001)),
        Type::float_const(f64::INFINITY),
        Type::float_const(1e300).mortal(),
        Type::bool_const(true),
        Type::bool_const(false),
        Type::unicode_const("abc"),
        Type::unicode_const(""),
        Type::unicode_const("a\"b\\c\n\t]|[\u{7}é\u{1F600}"),
        Type::unicode_const("abc").immortal(),
        Type::object_const(0x55aa),
        Type::object_const(0x55aa) & Type::OBJECT_USER,
        Type::object_const(0x1234) & Type::TUPLE_EXACT,
        Type::object_const(0x1234) & Type::TUPLE_EXACT.mortal(),
        Type::exact_type(0x10),
        Type::exact_type(0x10) & Type::OBJECT_USER,
        Type::exact_type(0x10) & (Type::LONG | Type::OBJECT_USER),
        Type::exact_type(0x20) & Type::OBJECT_USER.immortal(),
        Type::exact_type(0x10) & Type::object_const(0x55aa) & Type::OBJECT_USER,
        Type::exact_type(0x10) & Type::object_const(0x77),
        Type::cint8_const(-128),
        Type::cint16_const(300),
        Type::cint32_const(-7),
        Type::cint64_const(-3),
        Type::cint64_const(5),
        Type::cuint8_const(7),
        Type::cuint16_const(65535),
        Type::cuint32_const(5),
        Type::cuint64_const(u64::MAX),
        Type::cdouble_const(2.5),
        Type::cdouble_const(f64::NAN),
        Type::cdouble_const(-0.0),
        Type::cbool_const(true),
        Type::cbool_const(false),
        Type::cptr_const(0x7f00),
        Type::cptr_const(0),
    ]
}

/// A few hundred types: every named type with its mortality variants and with
/// `Nullptr`, the specialised types with `Nullptr`, and pairwise joins of a seed.
fn generated() -> Vec<Type> {
    let mut out: Vec<Type> = Vec::new();
    let mut seen = HashSet::new();
    let mut push = |ty: Type, out: &mut Vec<Type>| {
        if seen.insert(ty.clone()) {
            out.push(ty);
        }
    };
    let mut named: Vec<Type> = NAMED.iter().map(|&(_, b)| Type::from_bits(b)).collect();
    named.extend([Type::BOTTOM, Type::OPT_OBJECT, Type::IMMORTAL_OBJECT, Type::MORTAL_OBJECT]);
    for ty in named.iter().chain(specialised().iter()) {
        push(ty.clone(), &mut out);
        push(ty.immortal(), &mut out);
        push(ty.mortal(), &mut out);
        push(ty | &Type::NULLPTR, &mut out);
    }
    let seed: Vec<Type> = specialised()
        .into_iter()
        .chain([
            Type::LONG_EXACT,
            Type::BOOL,
            Type::NONE_TYPE,
            Type::UNICODE.mortal(),
            Type::OBJECT_USER,
            Type::LONG_USER,
            Type::TUPLE_EXACT,
            Type::CINT64,
            Type::NULLPTR,
        ])
        .collect();
    for a in &seed {
        for b in &seed {
            push(a | b, &mut out);
        }
    }
    out
}

/// A runtime value, as the lattice's contract describes them.
#[derive(Clone, Debug)]
struct Value {
    bit: u128,
    long: Option<i64>,
    float: Option<u64>,
    boolean: Option<bool>,
    string: Option<&'static str>,
    addr: Option<u64>,
    ty: Option<u64>,
    prim: Option<(Prim, u64)>,
}

fn value(bit: u128) -> Value {
    Value { bit, long: None, float: None, boolean: None, string: None, addr: None, ty: None, prim: None }
}

fn values() -> Vec<Value> {
    let imm = |b: u128| b & bits::IMMORTAL_OBJECT;
    let mor = |b: u128| b & bits::MORTAL_OBJECT;
    let mut out = vec![value(bits::NULLPTR)];
    // A plain object of every category and mortality; the type-spec categories
    // alternate between two type ids, some have the addresses the tests use.
    let mut next_addr = 0x9000;
    for (i, half) in [bits::IMMORTAL_OBJECT, bits::MORTAL_OBJECT].into_iter().enumerate() {
        let mut rest = bits::OBJECT & half & !(bits::NONE_TYPE | bits::BOOL);
        while rest != 0 {
            let bit = rest & rest.wrapping_neg();
            rest &= !bit;
            next_addr += 8;
            let mut v = value(bit);
            v.addr = Some(next_addr);
            if bit & bits::TYPE_SPEC_DOMAIN != 0 {
                v.ty = Some(if (next_addr / 8 + i as u64).is_multiple_of(2) { 0x10 } else { 0x20 });
            }
            out.push(v);
        }
    }
    let mut special = |bit: u128, f: &dyn Fn(&mut Value)| {
        let mut v = value(bit);
        f(&mut v);
        out.push(v);
    };
    for n in [5, 6, -5, 256] {
        special(imm(bits::LONG_EXACT), &|v| v.long = Some(n));
    }
    for n in [257, 1000, i64::MIN] {
        special(imm(bits::LONG_EXACT), &|v| v.long = Some(n));
        special(mor(bits::LONG_EXACT), &|v| v.long = Some(n));
    }
    for f in [1.5, -0.0, 0.0, f64::NAN, f64::from_bits(0x7ff8_0000_0000_0001), 1e300] {
        special(bits::FLOAT_EXACT & bits::MORTAL_OBJECT, &|v| v.float = Some(f.to_bits()));
    }
    special(imm(bits::FLOAT_EXACT), &|v| v.float = Some(1.5f64.to_bits()));
    special(bits::BOOL, &|v| v.boolean = Some(true));
    special(bits::BOOL, &|v| v.boolean = Some(false));
    special(bits::NONE_TYPE, &|_| {});
    for s in ["abc", "", "xyz"] {
        special(imm(bits::UNICODE_EXACT), &|v| v.string = Some(s));
        special(mor(bits::UNICODE_EXACT), &|v| v.string = Some(s));
    }
    special(mor(bits::OBJECT_USER), &|v| (v.addr, v.ty) = (Some(0x55aa), Some(0x10)));
    special(mor(bits::TUPLE_EXACT), &|v| v.addr = Some(0x1234));
    special(mor(bits::OBJECT_EXACT), &|v| v.addr = Some(0x77));
    special(imm(bits::OBJECT_USER), &|v| (v.addr, v.ty) = (Some(0x88), Some(0x20)));
    for p in Prim::ALL {
        for raw in [0u64, 1, 5, 7, 300, 0x7f00, (-3i64) as u64, (-128i64) as u64, u64::MAX, 2.5f64.to_bits()] {
            // Only canonical raw values (see `Spec::Prim`).
            let valid = match (p, p.int_range()) {
                (Prim::CBool, _) => raw <= 1,
                (Prim::CInt64 | Prim::CPtr | Prim::CUInt64, _) | (_, None) => true,
                (_, Some((lo, hi))) => {
                    let signed = matches!(p.int_layout(), Some((true, _)));
                    let v = if signed { raw as i64 as i128 } else { raw as i128 };
                    (lo..=hi).contains(&v)
                }
            };
            if valid {
                special(p.bit(), &|v| v.prim = Some((p, raw)));
            }
        }
    }
    special(bits::CDOUBLE, &|v| v.prim = Some((Prim::CDouble, f64::NAN.to_bits())));
    out
}

/// Whether `v` is in `ty`, by the documented meaning of bits and specialisations.
fn contains(ty: &Type, v: &Value) -> bool {
    if ty.bits & v.bit == 0 {
        return false;
    }
    if v.bit == bits::NULLPTR {
        return true;
    }
    match &ty.spec {
        Spec::Top => true,
        Spec::Object { ty: want, addr } => {
            want.is_none_or(|w| v.ty == Some(w)) && addr.is_none_or(|a| v.addr == Some(a))
        }
        Spec::Long(n) => v.long == Some(*n),
        Spec::Float(b) => v.float == Some(*b),
        Spec::Bool(b) => v.boolean == Some(*b),
        Spec::Unicode(s) => v.string == Some(&**s),
        Spec::Prim(p, raw) => v.prim == Some((*p, *raw)),
    }
}

/// The representation invariants of `Type`.
fn check_canonical(ty: &Type) {
    assert_eq!(ty.bits & !bits::TOP, 0, "{ty:?}: stray bits");
    if !ty.spec.is_top() {
        let core = ty.bits & bits::CORE;
        assert_ne!(core, 0, "{ty:?}: specialisation without core bits");
        assert_eq!(core & !ty.spec.domain(), 0, "{ty:?}: bits outside the specialisation's domain");
    }
}

#[test]
fn generated_set_is_a_few_hundred_canonical_types() {
    let g = generated();
    assert!(g.len() > 300, "only {} types", g.len());
    g.iter().for_each(check_canonical);
}

#[test]
fn specialisation_domains_grow_with_the_specialisation() {
    let specs: Vec<Spec> = generated().into_iter().map(|ty| ty.spec).collect();
    for a in &specs {
        for b in &specs {
            if a.le(b) {
                assert_eq!(a.domain() & !b.domain(), 0, "{a:?} <= {b:?}");
            }
        }
    }
}

#[test]
fn lattice_laws_on_pairs() {
    let g = generated();
    for a in &g {
        assert_eq!(a | a, *a, "join idempotent");
        assert_eq!(a & a, *a, "meet idempotent");
        assert_eq!(a | &Type::BOTTOM, *a, "Bottom is the join identity");
        assert_eq!(a & &Type::TOP, *a, "Top is the meet identity");
        assert_eq!(a & &Type::BOTTOM, Type::BOTTOM);
        assert_eq!(a | &Type::TOP, Type::TOP);
        assert!(Type::BOTTOM <= *a && *a <= Type::TOP && a <= a);
        for b in &g {
            let (j, m) = (a | b, a & b);
            check_canonical(&j);
            check_canonical(&m);
            assert_eq!(j, b | a, "join commutes: {a:?}, {b:?}");
            assert_eq!(m, b & a, "meet commutes: {a:?}, {b:?}");
            assert_eq!(a | &m, *a, "absorption a|(a&b): {a:?}, {b:?}");
            assert_eq!(a & &j, *a, "absorption a&(a|b): {a:?}, {b:?}");
            assert!(*a <= j && *b <= j, "a <= a|b: {a:?}, {b:?} -> {j:?}");
            assert!(m <= *a && m <= *b, "a&b <= a: {a:?}, {b:?} -> {m:?}");
            let le = a <= b;
            assert_eq!(le, j == *b, "a <= b iff a|b == b: {a:?}, {b:?}");
            assert_eq!(le, m == *a, "a <= b iff a&b == a: {a:?}, {b:?}");
            if le && b <= a {
                assert_eq!(a, b, "antisymmetry");
            }
            assert_eq!(a.could_be(b), !m.is_bottom());
            let d = a - b;
            check_canonical(&d);
            assert!(d <= *a, "a-b <= a: {a:?}, {b:?} -> {d:?}");
            if a <= b {
                assert!(d.is_bottom(), "a <= b so a-b is empty: {a:?}, {b:?} -> {d:?}");
            }
        }
    }
}

/// A deterministic pseudo-random sequence (64-bit LCG).
fn lcg(seed: &mut u64) -> usize {
    *seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
    (*seed >> 33) as usize
}

#[test]
fn lattice_laws_on_triples() {
    let g = generated();
    let mut seed = 1;
    let check = |a: &Type, b: &Type, c: &Type| {
        assert_eq!(&(a | b) | c, a | &(b | c), "join associates: {a:?}, {b:?}, {c:?}");
        assert_eq!(&(a & b) & c, a & &(b & c), "meet associates: {a:?}, {b:?}, {c:?}");
        if a <= b && b <= c {
            assert!(a <= c, "transitivity: {a:?}, {b:?}, {c:?}");
        }
        if a <= c && b <= c {
            assert!(a | b <= *c, "join is least: {a:?}, {b:?}, {c:?}");
        }
        if c <= a && c <= b {
            assert!(*c <= a & b, "meet is greatest: {a:?}, {b:?}, {c:?}");
        }
    };
    for _ in 0..300_000 {
        let (a, b, c) = (&g[lcg(&mut seed) % g.len()], &g[lcg(&mut seed) % g.len()], &g[lcg(&mut seed) % g.len()]);
        check(a, b, c);
    }
    // Exhaustively over the specialised types and their neighbours, where the
    // specialisation lattice matters most.
    let mut small = specialised();
    small.extend([Type::LONG_EXACT, Type::OBJECT_USER, Type::OBJECT, Type::NULLPTR, Type::TOP, Type::BOOL]);
    for a in &small {
        for b in &small {
            for c in &small {
                check(a, b, c);
            }
        }
    }
}

#[test]
fn operations_are_sound_for_runtime_values() {
    let g = generated();
    let vals = values();
    let member: Vec<Vec<bool>> = g.iter().map(|ty| vals.iter().map(|v| contains(ty, v)).collect()).collect();
    for (i, a) in g.iter().enumerate() {
        let imm = a.immortal();
        for (k, v) in vals.iter().enumerate() {
            let is_immortal = v.bit & bits::MORTAL_OBJECT == 0;
            if member[i][k] && is_immortal {
                assert!(contains(&imm, v), "{v:?} in {a:?} but not {imm:?}");
            }
        }
        for (j, b) in g.iter().enumerate() {
            let (join, meet, diff) = (a | b, a & b, a - b);
            let sub = a <= b;
            for (k, v) in vals.iter().enumerate() {
                let (in_a, in_b) = (member[i][k], member[j][k]);
                if in_a || in_b {
                    assert!(contains(&join, v), "{v:?} lost by {a:?} | {b:?} = {join:?}");
                }
                if in_a && in_b {
                    assert!(contains(&meet, v), "{v:?} lost by {a:?} & {b:?} = {meet:?}");
                }
                if in_a && !in_b {
                    assert!(contains(&diff, v), "{v:?} lost by {a:?} - {b:?} = {diff:?}");
                }
                if sub && in_a {
                    assert!(in_b, "{a:?} <= {b:?} but {v:?} is only in the first");
                }
            }
        }
    }
}

#[test]
fn every_generated_type_round_trips_through_text() {
    for ty in generated() {
        let text = ty.to_string();
        assert!(!text.contains(char::is_whitespace) || text.contains('"'), "{text}");
        assert_eq!(Type::parse(&text), Ok(ty.clone()), "round trip of {text}");
        assert_eq!(format!("{ty:?}"), text);
        // Every named type is in the generated set, so names round-trip too.
    }
    for (name, b) in NAMED {
        assert_eq!(Type::from_bits(*b).to_string(), *name, "named types print by their name");
        assert_eq!(t(name), Type::from_bits(*b));
    }
}

#[test]
fn names_print_canonically() {
    let cases: Vec<(Type, &str)> = vec![
        (Type::TOP, "Top"),
        (Type::BOTTOM, "Bottom"),
        (Type::OBJECT, "Object"),
        (Type::OPT_OBJECT, "OptObject"),
        (Type::LONG, "Long"),
        (Type::LONG | Type::NULLPTR, "OptLong"),
        (Type::LONG_EXACT | Type::UNICODE, "LongExact|Unicode"),
        (Type::LONG_EXACT | Type::UNICODE | Type::NULLPTR, "LongExact|Unicode|Nullptr"),
        (Type::TOP - Type::NULLPTR, "Object|Primitive"),
        (Type::LONG - Type::BOOL, "LongExact|LongUser"),
        (Type::LONG - Type::LONG_EXACT, "LongUser|Bool"),
        (Type::IMMORTAL_OBJECT, "ImmortalObject"),
        (Type::MORTAL_OBJECT, "MortalObject"),
        (Type::LONG.mortal(), "MortalLong"),
        (Type::LONG.immortal() | Type::NULLPTR, "OptImmortalLong"),
        (Type::LONG_EXACT.immortal() | Type::UNICODE.mortal(), "ImmortalLongExact|MortalUnicode"),
        (Type::LONG_EXACT.immortal() | Type::LONG_EXACT, "LongExact"),
        (Type::NONE_TYPE.immortal(), "NoneType"),
        (Type::CINT8 | Type::CINT16, "CInt8|CInt16"),
        (Type::long_const(5), "ImmortalLongExact[5]"),
        (Type::long_const(-6), "LongExact[-6]"),
        (Type::long_const(1000) | Type::NULLPTR, "OptLongExact[1000]"),
        (Type::long_const(1000).mortal(), "MortalLongExact[1000]"),
        (Type::float_const(1.5), "FloatExact[1.5]"),
        (Type::float_const(-0.0), "FloatExact[-0.0]"),
        (Type::float_const(1e100), "FloatExact[1e100]"),
        (Type::float_const(f64::NEG_INFINITY), "FloatExact[-inf]"),
        (Type::float_const(f64::NAN), "FloatExact[NaN]"),
        (Type::float_const(f64::from_bits(0xfff8_0000_0000_0000)), "FloatExact[NaN(0xfff8000000000000)]"),
        (Type::bool_const(true), "Bool[True]"),
        (Type::unicode_const("a\"b\\\n\u{1}é"), r#"UnicodeExact["a\"b\\\n\u{1}é"]"#),
        (Type::unicode_const("\r\t\0\u{7f}]|["), r#"UnicodeExact["\r\t\0\u{7f}]|["]"#),
        (Type::object_const(0x55aa), "Object[obj:0x55aa]"),
        (Type::object_const(0x55aa) & Type::TUPLE_EXACT, "TupleExact[obj:0x55aa]"),
        (Type::object_const(0x55aa).immortal(), "ImmortalObject[obj:0x55aa]"),
        (Type::exact_type(0x10), "Object[type:0x10]"),
        (Type::exact_type(0x10) & Type::OBJECT_USER, "ObjectUser[type:0x10]"),
        (Type::exact_type(0x10) & (Type::LONG | Type::OBJECT_USER), "LongUser|ObjectUser[type:0x10]"),
        (Type::exact_type(0x10) & Type::object_const(0x55aa), "Object[obj:0x55aa,type:0x10]"),
        (Type::cint64_const(-3), "CInt64[-3]"),
        (Type::cuint8_const(7), "CUInt8[7]"),
        (Type::cuint64_const(u64::MAX), "CUInt64[18446744073709551615]"),
        (Type::cdouble_const(2.5), "CDouble[2.5]"),
        (Type::cbool_const(true), "CBool[true]"),
        (Type::cptr_const(0x7f00), "CPtr[0x7f00]"),
    ];
    for (ty, text) in cases {
        assert_eq!(ty.to_string(), text);
        assert_eq!(t(text), ty, "parse {text}");
    }
}

#[test]
fn parsing_accepts_non_canonical_spellings() {
    assert_eq!(t("Long[5]"), Type::long_const(5));
    assert_eq!(t("LongExact[5]"), Type::long_const(5));
    assert_eq!(t("Long[1000]"), Type::long_const(1000));
    assert_eq!(t("Long[0x10]"), Type::long_const(16));
    assert_eq!(t("Float[1.5]"), Type::float_const(1.5));
    assert_eq!(t("Float[1e3]"), Type::float_const(1000.0));
    assert_eq!(t("Long[True]"), Type::bool_const(true));
    assert_eq!(t("Unicode[\"x\"]"), Type::unicode_const("x"));
    assert_eq!(t("Object[type:0x10,obj:0x55aa]"), t("Object[obj:0x55aa,type:0x10]"));
    assert_eq!(t("CInt8|CUInt8[200]"), Type::cuint8_const(200), "the literal picks the part it fits");
    assert_eq!(t("Long|Unicode"), Type::LONG | Type::UNICODE);
    assert_eq!(t("Nullptr|Object"), Type::OPT_OBJECT);
    assert_eq!(t("OptBottom"), Type::NULLPTR);
    assert_eq!(t("MortalBool"), Type::BOTTOM);
}

#[test]
fn parse_errors_are_useful() {
    let cases: &[(&str, &str)] = &[
        ("", "empty"),
        ("Lon", "unknown type name `Lon`"),
        ("Lon", "did you mean `Long`"),
        ("Long[", "unterminated specialisation"),
        ("Long[x]", "invalid specialisation `x`"),
        ("Unicode[\"unterminated]", "unterminated string literal"),
        ("Unicode[\"abc\"", "expected `]`"),
        ("Long|", "missing type name"),
        ("|Long", "missing type name"),
        ("Long[5]x", "unexpected `x`"),
        ("Long[5][6]", "unexpected `[6]`"),
        ("Long []", "unknown type name `Long `"),
        ("Long[]", "empty specialisation"),
        ("OptTop", "already includes Nullptr"),
        ("MortalCInt8", "not an object type"),
        ("Top[5]", "ambiguous"),
        ("CInt[-3]", "ambiguous"),
        ("Unicode[5]", "does not apply"),
        ("Bottom[5]", "does not apply"),
        ("CInt8[128]", "out of range"),
        ("CUInt8[-1]", "out of range"),
        ("Long[99999999999999999999999999999999999999999]", "out of range"),
        ("MortalLong[5]", "does not apply"),
        ("Unicode[\"\\q\"]", "unknown escape"),
        ("Unicode[\"\\u{d800}\"]", "not a Unicode scalar value"),
        ("Unicode[\"\\u{}\"]", "invalid \\u{...} escape"),
        ("Object[obj:55aa]", "expected 0x"),
        ("Object[obj:0x1,obj:0x2]", "given twice"),
        ("Object[ob:0x1]", "invalid specialisation"),
        ("Object[obj:0x1,typ:0x2]", "invalid object specialisation"),
        ("Float[NaN(0x1)]", "not a NaN"),
        ("Float[1.2.3]", "invalid specialisation"),
        ("Long[--5]", "invalid specialisation"),
        ("Long[0x]", "invalid specialisation"),
    ];
    for (text, want) in cases {
        match Type::parse(text) {
            Ok(ty) => panic!("{text:?} parsed as {ty:?}"),
            Err(e) => assert!(e.contains(want), "error for {text:?} is {e:?}, expected it to mention {want:?}"),
        }
    }
}

#[test]
fn parsing_mangled_input_never_panics() {
    let extra = ["[", "]", "|", "\"", "\\", "-", "0x", ",", "Opt", "é", ":"];
    for ty in generated() {
        let text = ty.to_string();
        let cuts: Vec<usize> = text.char_indices().map(|(i, _)| i).chain([text.len()]).collect();
        for &i in &cuts {
            let mut inputs = vec![text[..i].to_string(), text[i..].to_string()];
            inputs.extend(extra.iter().map(|e| format!("{}{e}{}", &text[..i], &text[i..])));
            for input in inputs {
                if let Ok(parsed) = Type::parse(&input) {
                    check_canonical(&parsed);
                    assert_eq!(t(&parsed.to_string()), parsed, "reprint of {input:?}");
                }
            }
        }
    }
}

#[test]
fn bool_is_a_long_but_not_a_long_exact() {
    assert!(Type::BOOL <= Type::LONG);
    assert!(Type::BOOL < Type::LONG);
    assert!(!Type::BOOL.is_subtype(&Type::LONG_EXACT));
    assert!(!Type::BOOL.is_subtype(&Type::LONG_USER));
    assert_eq!(Type::LONG_EXACT & Type::BOOL, Type::BOTTOM);
    assert_eq!(Type::LONG_EXACT | Type::LONG_USER | Type::BOOL, Type::LONG);
    assert!(Type::bool_const(true) <= Type::LONG);
    assert_eq!(Type::LONG & Type::bool_const(false), Type::bool_const(false));
    assert_eq!(Type::bool_const(true) | Type::bool_const(false), Type::BOOL);
    assert_eq!(Type::BOOL - Type::bool_const(true), Type::bool_const(false));
    assert_eq!(Type::CBOOL - Type::cbool_const(false), Type::cbool_const(true));
    assert_eq!(Type::bool_const(true).mortality(), Some(Mortality::Immortal));
    assert!(Type::BOOL.is_exact() && Type::LONG_EXACT.is_exact() && !Type::LONG.is_exact());
    assert!(!(Type::LONG_EXACT | Type::BOOL).is_exact() && !(Type::LONG_EXACT | Type::NULLPTR).is_exact());
    assert!((Type::LONG_EXACT.immortal() | Type::LONG_EXACT.mortal()).is_exact() && Type::NONE_TYPE.is_exact());
}

#[test]
fn nullptr_and_opt_types() {
    assert_eq!(Type::OBJECT | Type::NULLPTR, Type::OPT_OBJECT);
    assert_eq!(Type::OPT_OBJECT - Type::NULLPTR, Type::OBJECT);
    assert_eq!(Type::OPT_OBJECT & Type::NULLPTR, Type::NULLPTR);
    assert!(!Type::NULLPTR.is_object() && !Type::NULLPTR.is_subtype(&Type::OBJECT));
    assert!(!Type::OPT_OBJECT.is_object() && Type::OBJECT.is_object());
    // A specialisation never constrains Nullptr, so it survives joins with it.
    let opt5 = Type::long_const(1000) | Type::NULLPTR;
    assert_eq!(opt5.as_i64(), Some(1000));
    assert_eq!(&opt5 - &Type::NULLPTR, Type::long_const(1000));
    assert_eq!(&opt5 & &Type::OBJECT, Type::long_const(1000));
    assert_eq!(&opt5 & &(Type::long_const(7) | Type::NULLPTR), Type::NULLPTR);
    assert!(Type::NULLPTR <= opt5 && !opt5.is_constant() && Type::NULLPTR.is_constant());
    assert!(Type::NULLPTR.is_immortal() && Type::NULLPTR.mortality().is_none());
}

#[test]
fn constants() {
    let (five, six) = (Type::long_const(5), Type::long_const(6));
    assert_eq!(&five | &six, Type::LONG_EXACT.immortal());
    assert_eq!(Type::long_const(5) | Type::long_const(1000), Type::LONG_EXACT);
    assert_eq!(&five & &six, Type::BOTTOM);
    assert!(five <= Type::LONG_EXACT && five <= Type::LONG && five <= five && !five.is_subtype(&six));
    assert!(five <= Type::LONG_EXACT.immortal() && !five.is_subtype(&Type::LONG_EXACT.mortal()));
    assert_eq!(five.partial_cmp(&six), None);
    assert_eq!(Type::LONG & five.clone(), five);
    assert_eq!(&five - &Type::LONG, Type::BOTTOM);
    assert_eq!(Type::LONG - five.clone(), Type::LONG, "removing one value removes no bits");
    assert_eq!(five.unspecialized(), Type::LONG_EXACT.immortal());
    assert!(five.is_constant() && five.is_specialized() && five.is_exact());
    assert_eq!((five.as_i64(), five.as_u64(), five.as_f64()), (Some(5), None, None));
    assert!(Type::NONE_TYPE.is_constant() && Type::NONE_TYPE.is_immortal());
    // Small ints (the runtime's cache) are immortal, others may be either.
    for (v, immortal) in [(-6, false), (-5, true), (0, true), (256, true), (257, false)] {
        assert_eq!(Type::long_const(v).is_immortal(), immortal, "{v}");
        assert_eq!(Type::long_const(v).mortal().is_bottom(), immortal, "{v}");
    }
    assert_eq!(Type::NONE_TYPE.mortal(), Type::BOTTOM);
    assert_eq!(Type::long_const(1000).mortality(), None);
    assert!(!Type::long_const(1000).is_immortal());

    // Floats compare by bit pattern.
    assert_ne!(Type::float_const(0.0), Type::float_const(-0.0));
    assert_eq!(Type::float_const(f64::NAN), Type::float_const(f64::NAN));
    assert_eq!(Type::float_const(-0.0).as_f64().map(f64::to_bits), Some((-0.0f64).to_bits()));
    assert_eq!(Type::float_const(0.0) | Type::float_const(-0.0), Type::FLOAT_EXACT);
    assert_eq!(Type::cdouble_const(2.5).as_f64(), Some(2.5));

    // Different kinds of constant never meet.
    assert_eq!(Type::long_const(5) & Type::cint64_const(5), Type::BOTTOM);
    assert_eq!(Type::unicode_const("a") & Type::UNICODE, Type::unicode_const("a"));
    assert_eq!(Type::unicode_const("a").as_str(), Some("a"));
    assert_eq!(Type::bool_const(true).as_bool(), Some(true));
    assert_eq!(Type::cbool_const(false).as_bool(), Some(false));
    assert_eq!(Type::cint8_const(-1).as_i64(), Some(-1));
    assert_eq!(Type::cuint8_const(255).as_u64(), Some(255));
    assert_eq!(Type::cuint8_const(255).as_i64(), None);
    assert_eq!(Type::cptr_const(0x7f00).as_ptr(), Some(0x7f00));
    assert!(Type::cptr_const(1).is_primitive() && !Type::cptr_const(1).is_object());
    assert_eq!(Type::cint32_const(1) | Type::cint32_const(2), Type::CINT32);
    assert_eq!(Type::cint32_const(1) | Type::cint64_const(1), Type::CINT32 | Type::CINT64);
}

#[test]
fn type_specs_and_object_constants() {
    let user = Type::exact_type(0x10) & Type::OBJECT_USER;
    let obj = Type::object_const(0x55aa) & Type::OBJECT_USER;
    assert_eq!(user.type_spec(), Some(0x10));
    assert!(user.is_exact() && !user.is_constant() && !Type::OBJECT_USER.is_exact() && !Type::GEN.is_exact());
    // A type spec never applies to categories that name one type.
    assert_eq!(Type::exact_type(0x10) & Type::LONG_EXACT, Type::BOTTOM);
    assert_eq!(Type::exact_type(0x10) & Type::LONG, Type::exact_type(0x10) & Type::LONG_USER);
    assert_eq!(Type::exact_type(0x10) & Type::exact_type(0x20), Type::BOTTOM);
    assert_eq!(&user | &Type::exact_type(0x20), Type::from_bits(bits::TYPE_SPEC_DOMAIN));
    // The object and its type combine; the constant is below the type spec.
    let both = &user & &obj;
    assert_eq!((both.object_addr(), both.type_spec()), (Some(0x55aa), Some(0x10)));
    assert!(both <= user && both <= obj && both.is_constant());
    assert_eq!(&both | &user, user);
    assert_eq!(&both | &obj, obj);
    let other = Type::exact_type(0x10) & Type::object_const(0x66) & Type::OBJECT_USER;
    assert_eq!(&both | &other, user, "two objects of one type join to the type");
    assert_eq!(&both & &other, Type::BOTTOM);
    // Object constants exclude None and bools (those have value forms).
    assert_eq!(Type::object_const(1) & Type::NONE_TYPE, Type::BOTTOM);
    assert!(Type::object_const(1) <= Type::OBJECT);
    assert_eq!(Type::object_const(1) & Type::long_const(1000), Type::BOTTOM);
}

#[test]
fn mortality() {
    assert_eq!(Type::OBJECT.immortal(), Type::IMMORTAL_OBJECT);
    assert_eq!(Type::OBJECT.mortal(), Type::MORTAL_OBJECT);
    assert_eq!(Type::IMMORTAL_OBJECT | Type::MORTAL_OBJECT, Type::OBJECT);
    assert_eq!(Type::IMMORTAL_OBJECT & Type::MORTAL_OBJECT, Type::BOTTOM);
    assert!(Type::BOOL <= Type::IMMORTAL_OBJECT && Type::NONE_TYPE <= Type::IMMORTAL_OBJECT);
    assert!(!Type::BOOL.could_be(&Type::MORTAL_OBJECT));
    assert_eq!(Type::LONG_EXACT.with_mortality(Mortality::Immortal).mortality(), Some(Mortality::Immortal));
    assert_eq!(Type::LONG_EXACT.mortal().mortality(), Some(Mortality::Mortal));
    assert_eq!(Type::LONG_EXACT.mortality(), None);
    assert_eq!(Type::CINT64.immortal(), Type::CINT64, "primitives have no mortality");
    assert_eq!(Type::OPT_OBJECT.mortal(), Type::MORTAL_OBJECT | Type::NULLPTR);
    assert!(Type::LONG_EXACT.immortal().is_exact() && Type::LONG_EXACT.immortal().is_immortal());
    assert!(!Type::TOP.is_immortal() && (Type::PRIMITIVE | Type::IMMORTAL_OBJECT).is_immortal());
    assert_eq!(Type::LONG.mortal() & Type::LONG.immortal(), Type::BOTTOM);
    assert!(Type::LONG_EXACT.mortal() < Type::LONG_EXACT);
}

#[test]
fn named_constants_are_consistent() {
    let object_parts = NAMED.iter().filter(|(_, b)| *b & !bits::OBJECT == 0 && *b != bits::OBJECT);
    let union = object_parts.fold(0, |acc, (_, b)| acc | b);
    assert_eq!(union, bits::OBJECT, "Object is exactly the union of the object categories");
    assert_eq!(Type::OBJECT | Type::PRIMITIVE | Type::NULLPTR, Type::TOP);
    assert_eq!(Type::CINT | Type::CDOUBLE | Type::CBOOL | Type::CPTR, Type::PRIMITIVE);
    assert!(Type::TOP.is_top() && Type::BOTTOM.is_bottom() && !Type::BOTTOM.is_object());
    let names: HashSet<&str> = NAMED.iter().map(|(n, _)| *n).collect();
    assert_eq!(names.len(), NAMED.len(), "names are unique");
    for (name, _) in NAMED {
        for prefix in ["Opt", "Immortal", "Mortal"] {
            assert!(!name.starts_with(prefix), "{name} would be ambiguous with a prefix");
        }
    }
    // Usable in const context.
    const L: Type = Type::LONG;
    assert_eq!(L, t("Long"));
}

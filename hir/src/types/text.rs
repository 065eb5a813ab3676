//! The text form of [`Type`]: `Display` (canonical) and [`Type::parse`]. The
//! grammar is in the module docs of `types`.

use std::fmt::{self, Write as _};
use std::str::FromStr;
use std::sync::Arc;

use super::bits::{self, CORE, IMMORTAL_OBJECT, MORTAL_OBJECT, NAMED, NULLPTR, OBJECT, TOP};
use super::spec::{Prim, Spec};
use super::Type;

const PREFIXES: [&str; 3] = ["", "Immortal", "Mortal"];

/// A name the printer can use for a set of core bits: a named type, maybe with a
/// mortality prefix.
struct Term {
    prefix: usize,
    name: usize,
    bits: u128,
}

impl Term {
    fn write(&self, out: &mut String) {
        out.push_str(PREFIXES[self.prefix]);
        out.push_str(NAMED[self.name].0);
    }
}

/// Every distinct printable term (`Top` and `Nullptr` excluded), in preference
/// order: plain names before prefixed ones, then table order.
fn terms() -> Vec<Term> {
    let mut out: Vec<Term> = Vec::new();
    for prefix in 0..PREFIXES.len() {
        for (name, &(_, named_bits)) in NAMED.iter().enumerate() {
            if named_bits == TOP || named_bits == NULLPTR {
                continue;
            }
            let bits = match prefix {
                0 => named_bits,
                _ if named_bits & !OBJECT != 0 => continue,
                1 => named_bits & IMMORTAL_OBJECT,
                _ => named_bits & MORTAL_OBJECT,
            };
            if bits != 0 && !out.iter().any(|t| t.bits == bits) {
                out.push(Term { prefix, name, bits });
            }
        }
    }
    out
}

/// The terms whose union is exactly `target` (core bits only): greedily the
/// largest terms inside it that add something, in table order. (Were a chosen term
/// covered by later ones the output would still be exact, just longer; a
/// randomised search over these names found no such case.)
fn cover(all: &[Term], target: u128) -> Vec<&Term> {
    let mut by_size: Vec<&Term> = all.iter().collect();
    by_size.sort_by_key(|t| std::cmp::Reverse(t.bits.count_ones()));
    let mut chosen: Vec<&Term> = Vec::new();
    let mut covered = 0u128;
    for t in by_size {
        if t.bits & !target == 0 && t.bits & !covered != 0 {
            chosen.push(t);
            covered |= t.bits;
        }
    }
    debug_assert_eq!(covered, target, "every core bit has a term");
    chosen.sort_by_key(|t| (t.name, t.prefix));
    chosen
}

/// The terms to print for a specialised type's core bits: an exact single term if
/// there is one, else the smallest single term that the domain cuts down to
/// `core`, else an exact cover.
fn spec_cover(all: &[Term], core: u128, domain: u128) -> Vec<&Term> {
    let exact = cover(all, core);
    if exact.len() == 1 {
        return exact;
    }
    all.iter().filter(|t| t.bits & domain == core).min_by_key(|t| t.bits.count_ones()).map_or(exact, |t| vec![t])
}

impl fmt::Display for Type {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.bits == 0 {
            return f.write_str("Bottom");
        }
        if self.bits == TOP {
            return f.write_str("Top");
        }
        let all = terms();
        let core = self.bits & CORE;
        let chosen = if self.spec.is_top() { cover(&all, core) } else { spec_cover(&all, core, self.spec.domain()) };
        let mut out = String::new();
        match (chosen.len(), self.bits & NULLPTR != 0) {
            (0, _) => out.push_str("Nullptr"),
            (1, true) => {
                out.push_str("Opt");
                chosen[0].write(&mut out);
            }
            (_, nullptr) => {
                for (i, t) in chosen.iter().enumerate() {
                    if i > 0 {
                        out.push('|');
                    }
                    t.write(&mut out);
                }
                if nullptr {
                    out.push_str("|Nullptr");
                }
            }
        }
        if !self.spec.is_top() {
            out.push('[');
            write_spec(&self.spec, &mut out);
            out.push(']');
        }
        f.write_str(&out)
    }
}

/// Prints the type's text form (the same as `Display`).
impl fmt::Debug for Type {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(self, f)
    }
}

fn write_spec(spec: &Spec, out: &mut String) {
    // Writing to a String cannot fail.
    let _ = match spec {
        Spec::Top => Ok(()),
        Spec::Object { ty, addr } => {
            let mut sep = "";
            if let Some(a) = addr {
                let _ = write!(out, "obj:{a:#x}");
                sep = ",";
            }
            match ty {
                Some(t) => write!(out, "{sep}type:{t:#x}"),
                None => Ok(()),
            }
        }
        Spec::Long(v) => write!(out, "{v}"),
        Spec::Float(b) => write_f64(*b, out),
        Spec::Bool(b) => write!(out, "{}", if *b { "True" } else { "False" }),
        Spec::Unicode(s) => write_str_literal(s, out),
        Spec::Prim(p, raw) => match p {
            Prim::CDouble => write_f64(*raw, out),
            Prim::CBool => write!(out, "{}", *raw != 0),
            Prim::CPtr => write!(out, "{raw:#x}"),
            _ if matches!(p.int_layout(), Some((true, _))) => write!(out, "{}", *raw as i64),
            _ => write!(out, "{raw}"),
        },
    };
}

fn write_f64(b: u64, out: &mut String) -> fmt::Result {
    let v = f64::from_bits(b);
    if !v.is_nan() {
        write!(out, "{v:?}")
    } else if b == f64::NAN.to_bits() {
        write!(out, "NaN")
    } else {
        write!(out, "NaN({b:#x})")
    }
}

fn write_str_literal(s: &str, out: &mut String) -> fmt::Result {
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '\0' => out.push_str("\\0"),
            c if c.is_control() => write!(out, "\\u{{{:x}}}", c as u32)?,
            c => out.push(c),
        }
    }
    out.push('"');
    Ok(())
}

impl FromStr for Type {
    type Err = String;

    fn from_str(s: &str) -> Result<Type, String> {
        Type::parse(s)
    }
}

impl Type {
    /// Parses the text form (see the module docs). Errors name the problem and
    /// quote the input; parsing never panics.
    pub fn parse(text: &str) -> Result<Type, String> {
        let (union, spec) = match text.find('[') {
            Some(i) => (&text[..i], Some(&text[i + 1..])),
            None => (text, None),
        };
        let mut bits = 0;
        for term in union.split('|') {
            bits |= parse_term(term, text)?;
        }
        match spec {
            None => Ok(Type::from_bits(bits)),
            Some(spec) => {
                let (literal, rest) = split_spec(spec, text)?;
                if !rest.is_empty() {
                    return Err(format!("unexpected `{rest}` after the specialisation in `{text}`"));
                }
                let spec = parse_spec(literal, bits, text)?;
                Ok(Type::with_spec(bits, spec))
            }
        }
    }
}

fn parse_term(term: &str, text: &str) -> Result<u128, String> {
    if term.is_empty() {
        return Err(if text.is_empty() {
            "expected a type, found an empty string".to_string()
        } else {
            format!("missing type name in `{text}`")
        });
    }
    if let Some(b) = bits::lookup(term) {
        return Ok(b);
    }
    let (opt, rest) = match term.strip_prefix("Opt") {
        Some(rest) => (true, rest),
        None => (false, term),
    };
    let b = match (rest.strip_prefix("Immortal"), rest.strip_prefix("Mortal")) {
        (Some(name), _) => prefixed(name, IMMORTAL_OBJECT, "Immortal", term, text)?,
        (_, Some(name)) => prefixed(name, MORTAL_OBJECT, "Mortal", term, text)?,
        _ => bits::lookup(rest).ok_or_else(|| unknown(term, text))?,
    };
    if opt {
        if b & NULLPTR != 0 {
            return Err(format!("`Opt` on `{rest}`, which already includes Nullptr, in `{text}`"));
        }
        return Ok(b | NULLPTR);
    }
    Ok(b)
}

fn prefixed(name: &str, keep: u128, prefix: &str, term: &str, text: &str) -> Result<u128, String> {
    let b = bits::lookup(name).ok_or_else(|| unknown(term, text))?;
    if b & !OBJECT != 0 {
        return Err(format!("`{prefix}` on `{name}`, which is not an object type, in `{text}`"));
    }
    Ok(b & keep)
}

fn unknown(term: &str, text: &str) -> String {
    let mut msg = format!("unknown type name `{term}` in `{text}`");
    let lower = term.to_ascii_lowercase();
    if let Some((name, _)) = NAMED.iter().find(|(n, _)| n.to_ascii_lowercase().starts_with(&lower)) {
        let _ = write!(msg, " (did you mean `{name}`?)");
    }
    msg
}

/// Splits the text after `[` into the literal and what follows the closing `]`.
fn split_spec<'a>(spec: &'a str, text: &str) -> Result<(&'a str, &'a str), String> {
    let close = if let Some(body) = spec.strip_prefix('"') {
        let mut escaped = false;
        let end = body.char_indices().find(|&(_, c)| {
            let is_end = c == '"' && !escaped;
            escaped = c == '\\' && !escaped;
            is_end
        });
        let Some((end, _)) = end else {
            return Err(format!("unterminated string literal in `{text}`"));
        };
        let after = 1 + end + 1;
        if !spec[after..].starts_with(']') {
            return Err(format!("expected `]` after the string literal in `{text}`"));
        }
        after
    } else {
        spec.find(']').ok_or_else(|| format!("unterminated specialisation in `{text}`: missing `]`"))?
    };
    Ok((&spec[..close], &spec[close + 1..]))
}

/// What kind of constant a literal is, before the type's bits pick the exact one.
enum Literal {
    Int(i128),
    Float(u64),
    Bool(bool),
    CBool(bool),
    Str(String),
    Object { ty: Option<u64>, addr: Option<u64> },
}

fn parse_spec(literal: &str, bits: u128, text: &str) -> Result<Spec, String> {
    let lit = parse_literal(literal, text)?;
    // The specialisations this literal could be, by domain.
    let candidates: Vec<Spec> = match &lit {
        Literal::Int(v) => {
            let mut c = Vec::new();
            if let Ok(v) = i64::try_from(*v) {
                c.push(Spec::Long(v));
            }
            for p in Prim::ALL {
                if let Some((lo, hi)) = p.int_range() {
                    if (lo..=hi).contains(v) {
                        c.push(Spec::Prim(p, *v as i64 as u64));
                    }
                }
            }
            c
        }
        Literal::Float(b) => vec![Spec::Float(*b), Spec::Prim(Prim::CDouble, *b)],
        Literal::Bool(b) => vec![Spec::Bool(*b)],
        Literal::CBool(b) => vec![Spec::Prim(Prim::CBool, (*b).into())],
        Literal::Str(s) => vec![Spec::Unicode(Arc::from(s.as_str()))],
        Literal::Object { ty, addr } => vec![Spec::Object { ty: *ty, addr: *addr }],
    };
    let mut fitting = candidates.into_iter().filter(|s| s.domain() & bits & CORE != 0);
    match (fitting.next(), fitting.next()) {
        (Some(spec), None) => Ok(spec),
        (Some(_), Some(_)) => {
            Err(format!("ambiguous specialisation `{literal}` in `{text}`: it fits more than one part of the type"))
        }
        (None, _) => {
            let range = match lit {
                Literal::Int(_) => " (or is out of range for it)",
                _ => "",
            };
            Err(format!("specialisation `{literal}` does not apply to the type in `{text}`{range}"))
        }
    }
}

fn parse_literal(lit: &str, text: &str) -> Result<Literal, String> {
    let invalid = || {
        format!(
            "invalid specialisation `{lit}` in `{text}`: expected an integer, a float, True/False, \
             true/false, a string literal, obj:0x.. or type:0x.."
        )
    };
    match lit {
        "" => return Err(format!("empty specialisation in `{text}`")),
        "True" | "False" => return Ok(Literal::Bool(lit == "True")),
        "true" | "false" => return Ok(Literal::CBool(lit == "true")),
        "NaN" => return Ok(Literal::Float(f64::NAN.to_bits())),
        _ => {}
    }
    if lit.starts_with('"') {
        return parse_str_literal(lit, text).map(Literal::Str);
    }
    if lit.starts_with("obj:") || lit.starts_with("type:") {
        return parse_object_spec(lit, text);
    }
    if let Some(hex) = lit.strip_prefix("NaN(").and_then(|r| r.strip_suffix(')')).and_then(|r| r.strip_prefix("0x")) {
        let b = parse_hex(hex).ok_or_else(invalid)?;
        if !f64::from_bits(b).is_nan() {
            return Err(format!("`{lit}` is not a NaN bit pattern in `{text}`"));
        }
        return Ok(Literal::Float(b));
    }
    let (negative, digits) = match lit.strip_prefix('-') {
        Some(d) => (true, d),
        None => (false, lit),
    };
    let is_hex = digits.starts_with("0x");
    if !is_hex && (digits == "inf" || digits.contains(['.', 'e', 'E'])) {
        return lit.parse::<f64>().map(|f| Literal::Float(f.to_bits())).map_err(|_| invalid());
    }
    let (radix, digits) = match digits.strip_prefix("0x") {
        Some(hex) => (16, hex),
        None => (10, digits),
    };
    if digits.is_empty() || !digits.chars().all(|c| c.is_digit(radix)) {
        return Err(invalid());
    }
    match u128::from_str_radix(digits, radix) {
        Ok(m) if m <= u128::from(u64::MAX) => Ok(Literal::Int(if negative { -(m as i128) } else { m as i128 })),
        _ => Err(format!("integer `{lit}` is out of range in `{text}`")),
    }
}

/// `0x`-less hex digits to a u64.
fn parse_hex(hex: &str) -> Option<u64> {
    if hex.is_empty() || !hex.bytes().all(|b| b.is_ascii_hexdigit()) {
        return None;
    }
    u64::from_str_radix(hex, 16).ok()
}

fn parse_object_spec(lit: &str, text: &str) -> Result<Literal, String> {
    let (mut ty, mut addr) = (None, None);
    for part in lit.split(',') {
        let (slot, value, key) = if let Some(v) = part.strip_prefix("obj:") {
            (&mut addr, v, "obj")
        } else if let Some(v) = part.strip_prefix("type:") {
            (&mut ty, v, "type")
        } else {
            return Err(format!("invalid object specialisation `{part}` in `{text}`: expected obj:0x.. or type:0x.."));
        };
        let v = value
            .strip_prefix("0x")
            .and_then(parse_hex)
            .ok_or_else(|| format!("invalid `{key}:` address `{value}` in `{text}`: expected 0x and hex digits"))?;
        if slot.replace(v).is_some() {
            return Err(format!("`{key}:` given twice in `{text}`"));
        }
    }
    Ok(Literal::Object { ty, addr })
}

/// A whole string literal, quotes included (as split by `split_spec`).
fn parse_str_literal(lit: &str, text: &str) -> Result<String, String> {
    let body = lit
        .strip_prefix('"')
        .and_then(|b| b.strip_suffix('"'))
        .ok_or_else(|| format!("unterminated string literal in `{text}`"))?;
    let mut out = String::new();
    let mut chars = body.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        let escaped = match chars.next() {
            Some('\\') => '\\',
            Some('"') => '"',
            Some('n') => '\n',
            Some('r') => '\r',
            Some('t') => '\t',
            Some('0') => '\0',
            Some('u') => {
                let rest = chars.as_str();
                let code = rest
                    .strip_prefix('{')
                    .and_then(|r| r.split_once('}'))
                    .filter(|(hex, _)| (1..=6).contains(&hex.len()))
                    .and_then(|(hex, after)| Some((u32::from_str_radix(hex, 16).ok()?, after)));
                let Some((code, after)) = code else {
                    return Err(format!("invalid \\u{{...}} escape in `{text}`"));
                };
                let c = char::from_u32(code)
                    .ok_or_else(|| format!("\\u{{{code:x}}} is not a Unicode scalar value in `{text}`"))?;
                chars = after.chars();
                c
            }
            Some(other) => return Err(format!("unknown escape `\\{other}` in a string literal in `{text}`")),
            None => return Err(format!("unterminated string literal in `{text}`")),
        };
        out.push(escaped);
    }
    Ok(out)
}

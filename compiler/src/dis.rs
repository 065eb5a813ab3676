//! A disassembler for code units, driven by the opcode table: each argument is
//! explained according to its [`ArgKind`], never by opcode.

use crate::bytecode::{decode, ArgKind, BinaryOp, CompareOp, Opcode};
use crate::code::{code_flags, local_kind, CodeUnit, Constant};
use crate::linetable;
use std::fmt::Write;

/// Disassembles a code unit and, after it, every code unit nested in its constants.
pub fn disassemble(code: &CodeUnit) -> String {
    let mut out = String::new();
    let mut pending = vec![code];
    let mut first = true;
    while let Some(c) = pending.pop() {
        if !first {
            out.push('\n');
        }
        first = false;
        disassemble_one(c, &mut out);
        // Nested units in constant order.
        let nested: Vec<&CodeUnit> = c
            .consts
            .iter()
            .filter_map(|k| match k {
                Constant::Code(inner) => Some(&**inner),
                _ => None,
            })
            .collect();
        pending.extend(nested.into_iter().rev());
    }
    out
}

fn flag_names(flags: u32) -> String {
    let names = [
        (code_flags::OPTIMIZED, "OPTIMIZED"),
        (code_flags::NEWLOCALS, "NEWLOCALS"),
        (code_flags::VARARGS, "VARARGS"),
        (code_flags::VARKEYWORDS, "VARKEYWORDS"),
        (code_flags::NESTED, "NESTED"),
        (code_flags::GENERATOR, "GENERATOR"),
        (code_flags::COROUTINE, "COROUTINE"),
        (code_flags::ASYNC_GENERATOR, "ASYNC_GENERATOR"),
    ];
    let v: Vec<&str> = names.iter().filter(|(f, _)| flags & f != 0).map(|(_, n)| *n).collect();
    v.join("|")
}

fn kind_name(k: u8) -> &'static str {
    match k {
        k if k == local_kind::LOCAL | local_kind::CELL => "local+cell",
        local_kind::LOCAL => "local",
        local_kind::CELL => "cell",
        local_kind::FREE => "free",
        _ => "?",
    }
}

fn disassemble_one(code: &CodeUnit, out: &mut String) {
    let _ = writeln!(out, "Disassembly of <code {} qualname={} line={}>:", code.name, code.qualname, code.first_line);
    let _ = writeln!(
        out,
        "  flags: 0x{:04x} ({})  args: {} posonly: {} kwonly: {}  stack: {}",
        code.flags,
        flag_names(code.flags),
        code.arg_count,
        code.posonly_arg_count,
        code.kwonly_arg_count,
        code.stack_size
    );
    if !code.localsplus_names.is_empty() {
        let locals: Vec<String> = code
            .localsplus_names
            .iter()
            .zip(&code.localsplus_kinds)
            .map(|(n, k)| format!("{n} ({})", kind_name(*k)))
            .collect();
        let _ = writeln!(out, "  localsplus: {}", locals.join(", "));
    }
    if !code.names.is_empty() {
        let _ = writeln!(out, "  names: {}", code.names.join(", "));
    }
    if let Some(doc) = &code.docstring {
        let _ = writeln!(out, "  docstring: {}", str_repr(doc));
    }
    let positions = linetable::decode(&code.line_table);
    let targets: std::collections::HashSet<u32> = jump_targets(code);
    let mut last_line = 0;
    let mut ext: u32 = 0;
    for (i, &word) in code.code.iter().enumerate() {
        let (byte, low) = decode(word);
        let arg = (ext << 24) | low;
        let line = positions.get(i).map_or(0, |p| p.line);
        let line_col = if line != last_line && line != 0 {
            last_line = line;
            format!("{line:>4}")
        } else {
            "    ".to_string()
        };
        let marker = if targets.contains(&(i as u32)) { ">>" } else { "  " };
        let Some(op) = Opcode::from_u8(byte) else {
            let _ = writeln!(out, "{line_col} {marker} {i:>5} <invalid opcode {byte}>");
            ext = 0;
            continue;
        };
        let explained = explain(code, op, arg);
        let _ = writeln!(out, "{line_col} {marker} {i:>5} {:<24} {explained}", op.name());
        ext = if op == Opcode::EXTENDED_ARG { arg } else { 0 };
    }
    if !code.exception_table.is_empty() {
        let _ = writeln!(out, "  ExceptionTable:");
        for e in &code.exception_table {
            let _ = writeln!(
                out,
                "    {} to {} -> {} [{}]{}",
                e.start,
                e.end,
                e.target,
                e.depth,
                if e.push_lasti { " lasti" } else { "" }
            );
        }
    }
}

fn jump_targets(code: &CodeUnit) -> std::collections::HashSet<u32> {
    let mut set = std::collections::HashSet::new();
    let mut ext = 0u32;
    for &w in &code.code {
        let (byte, low) = decode(w);
        let arg = (ext << 24) | low;
        if let Some(op) = Opcode::from_u8(byte) {
            if op.arg_kind() == ArgKind::Jump {
                set.insert(arg);
            }
            ext = if op == Opcode::EXTENDED_ARG { arg } else { 0 };
        }
    }
    for e in &code.exception_table {
        set.insert(e.target);
    }
    set
}

/// The argument as the disassembler prints it.
fn explain(code: &CodeUnit, op: Opcode, arg: u32) -> String {
    let lookup = |v: &Vec<String>, i: u32| v.get(i as usize).cloned().unwrap_or_else(|| "<?>".into());
    match op.arg_kind() {
        ArgKind::None => String::new(),
        ArgKind::Count => arg.to_string(),
        ArgKind::Const => {
            let repr = code.consts.get(arg as usize).map_or_else(|| "<?>".into(), const_repr);
            format!("{arg} ({repr})")
        }
        ArgKind::Name => format!("{arg} ({})", lookup(&code.names, arg)),
        ArgKind::GlobalName => {
            let name = lookup(&code.names, arg >> 1);
            if arg & 1 != 0 {
                format!("{arg} (NULL + {name})")
            } else {
                format!("{arg} ({name})")
            }
        }
        ArgKind::Local => format!("{arg} ({})", lookup(&code.localsplus_names, arg)),
        ArgKind::Jump => format!("to {arg}"),
        ArgKind::BinaryOp => format!("{arg} ({})", BinaryOp::from_u32(arg).map_or("?", |b| b.symbol())),
        ArgKind::CompareOp => format!("{arg} ({})", CompareOp::from_u32(arg).map_or("?", |c| c.symbol())),
    }
}

/// Python's `repr()` of a constant.
pub fn const_repr(c: &Constant) -> String {
    match c {
        Constant::None => "None".into(),
        Constant::Bool(true) => "True".into(),
        Constant::Bool(false) => "False".into(),
        Constant::Int(i) => i.to_string(),
        Constant::Float(f) => float_repr(*f),
        Constant::Complex { real, imag } => {
            let part = |f: f64| {
                let s = float_repr(f);
                s.strip_suffix(".0").map_or(s.clone(), str::to_string)
            };
            if *real == 0.0 && real.is_sign_positive() {
                format!("{}j", part(*imag))
            } else {
                let im = part(*imag);
                let sign = if im.starts_with('-') { "" } else { "+" };
                format!("({}{sign}{im}j)", part(*real))
            }
        }
        Constant::Str(s) => str_repr(s),
        Constant::Bytes(b) => bytes_repr(b),
        Constant::Tuple(t) => {
            let items: Vec<String> = t.iter().map(const_repr).collect();
            if items.len() == 1 {
                format!("({},)", items[0])
            } else {
                format!("({})", items.join(", "))
            }
        }
        Constant::FrozenSet(t) => {
            let items: Vec<String> = t.iter().map(const_repr).collect();
            format!("frozenset({{{}}})", items.join(", "))
        }
        Constant::Ellipsis => "Ellipsis".into(),
        Constant::Code(c) => format!("<code object {}>", c.name),
    }
}

/// Python's shortest round-trip float repr (`1e+16`, `0.0001`, `1.5`).
pub fn float_repr(f: f64) -> String {
    if f.is_nan() {
        return "nan".into();
    }
    if f.is_infinite() {
        return if f > 0.0 { "inf".into() } else { "-inf".into() };
    }
    let sci = format!("{:e}", f.abs());
    let (mantissa, exp) = sci.split_once('e').unwrap_or((&sci, "0"));
    let exp: i32 = exp.parse().unwrap_or(0);
    let digits: String = mantissa.chars().filter(|c| *c != '.').collect();
    let sign = if f.is_sign_negative() { "-" } else { "" };
    let decpt = exp + 1;
    if !(-4..=16).contains(&decpt) || decpt == -4 {
        let (first, rest) = digits.split_at(1);
        let frac = if rest.is_empty() { String::new() } else { format!(".{rest}") };
        let esign = if exp < 0 { '-' } else { '+' };
        return format!("{sign}{first}{frac}e{esign}{:02}", exp.abs());
    }
    let n = digits.len() as i32;
    let body = if decpt <= 0 {
        format!("0.{}{digits}", "0".repeat((-decpt) as usize))
    } else if decpt >= n {
        format!("{digits}{}.0", "0".repeat((decpt - n) as usize))
    } else {
        let (a, b) = digits.split_at(decpt as usize);
        format!("{a}.{b}")
    };
    format!("{sign}{body}")
}

fn str_repr(s: &str) -> String {
    let quote = if s.contains('\'') && !s.contains('"') { '"' } else { '\'' };
    let mut out = String::with_capacity(s.len() + 2);
    out.push(quote);
    for ch in s.chars() {
        match ch {
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c == quote => {
                out.push('\\');
                out.push(c);
            }
            c if !printable(c) => {
                let n = c as u32;
                let _ = if n <= 0xff {
                    write!(out, "\\x{n:02x}")
                } else if n <= 0xffff {
                    write!(out, "\\u{n:04x}")
                } else {
                    write!(out, "\\U{n:08x}")
                };
            }
            c => out.push(c),
        }
    }
    out.push(quote);
    out
}

/// An approximation of Python's `str.isprintable()` for one character: control,
/// format and separator characters (other than space) are escaped by `repr`.
fn printable(c: char) -> bool {
    if c == ' ' {
        return true;
    }
    !(c.is_control()
        || c.is_whitespace()
        || matches!(c, '\u{ad}' | '\u{600}'..='\u{605}' | '\u{200b}'..='\u{200f}' | '\u{2028}'..='\u{202e}'
            | '\u{2060}'..='\u{206f}' | '\u{feff}' | '\u{fff9}'..='\u{fffb}' | '\u{e000}'..='\u{f8ff}'))
}

fn bytes_repr(b: &[u8]) -> String {
    let quote = if b.contains(&b'\'') && !b.contains(&b'"') { b'"' } else { b'\'' };
    let mut out = String::from("b");
    out.push(quote as char);
    for &c in b {
        match c {
            b'\\' => out.push_str("\\\\"),
            b'\n' => out.push_str("\\n"),
            b'\r' => out.push_str("\\r"),
            b'\t' => out.push_str("\\t"),
            c if c == quote => {
                out.push('\\');
                out.push(c as char);
            }
            0x20..=0x7e => out.push(c as char),
            c => {
                let _ = write!(out, "\\x{c:02x}");
            }
        }
    }
    out.push(quote as char);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn float_reprs_match_python() {
        for (f, s) in [
            (1.0, "1.0"),
            (0.1, "0.1"),
            (1e16, "1e+16"),
            (1e15, "1000000000000000.0"),
            (1e-4, "0.0001"),
            (1.5e-5, "1.5e-05"),
            (-0.0, "-0.0"),
            (123.456, "123.456"),
            (f64::INFINITY, "inf"),
            (2.5e100, "2.5e+100"),
        ] {
            assert_eq!(float_repr(f), s);
        }
        assert_eq!(const_repr(&Constant::Complex { real: 0.0, imag: 2.0 }), "2j");
        assert_eq!(const_repr(&Constant::Complex { real: 1.0, imag: -2.0 }), "(1-2j)");
        assert_eq!(const_repr(&Constant::Str("it's".into())), "\"it's\"");
        assert_eq!(const_repr(&Constant::Tuple(vec![Constant::Int(1.into())])), "(1,)");
    }
}

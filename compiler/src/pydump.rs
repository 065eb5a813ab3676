//! A code unit as a Python literal (for `ast.literal_eval`), for tools that
//! inspect or run Ember bytecode from Python, such as the CPython-based
//! execution tests (`tests/exec/translate.py`).

use crate::bytecode::Opcode;
use crate::dis::{const_repr, float_repr};
use crate::{linetable, CodeUnit, Constant};
use std::fmt::Write;

/// `{'opnames': [...256 names...], 'code': {...}}`.
pub fn dump(code: &CodeUnit) -> String {
    let mut out = String::from("{'opnames': [");
    for i in 0..=255u8 {
        let n = Opcode::from_u8(i).map_or("<none>", |o| o.name());
        let _ = write!(out, "'{n}', ");
    }
    out.push_str("], 'code': ");
    py_code(code, &mut out);
    out.push('}');
    out
}

fn py_const(c: &Constant, out: &mut String) {
    match c {
        Constant::None => out.push_str("('none',)"),
        Constant::Ellipsis => out.push_str("('ellipsis',)"),
        Constant::Bool(b) => out.push_str(if *b { "('bool', True)" } else { "('bool', False)" }),
        Constant::Int(i) => {
            let _ = write!(out, "('int', {i})");
        }
        Constant::Float(f) => {
            let _ = write!(out, "('float', '{}')", float_repr(*f));
        }
        Constant::Complex { real, imag } => {
            let _ = write!(out, "('complex', '{}', '{}')", float_repr(*real), float_repr(*imag));
        }
        Constant::Str(_) | Constant::Bytes(_) => {
            let _ = write!(out, "('v', {})", const_repr(c));
        }
        Constant::Tuple(items) => {
            out.push_str("('tuple', [");
            for i in items {
                py_const(i, out);
                out.push_str(", ");
            }
            out.push_str("])");
        }
        Constant::FrozenSet(items) => {
            out.push_str("('frozenset', [");
            for i in items {
                py_const(i, out);
                out.push_str(", ");
            }
            out.push_str("])");
        }
        Constant::Code(code) => {
            out.push_str("('code', ");
            py_code(code, out);
            out.push(')');
        }
    }
}

fn py_str(s: &str) -> String {
    const_repr(&Constant::Str(s.to_string()))
}

fn py_code(c: &CodeUnit, out: &mut String) {
    let strs = |v: &[String]| v.iter().map(|s| py_str(s)).collect::<Vec<_>>().join(", ");
    let _ = write!(
        out,
        "{{'name': {}, 'qualname': {}, 'filename': {}, 'first_line': {}, 'flags': {}, 'argcount': {}, \
         'posonly': {}, 'kwonly': {}, 'stacksize': {}, 'localsplus': [{}], 'kinds': {:?}, 'names': [{}], \
         'code': {:?}, 'doc': {}, 'exc': [",
        py_str(&c.name),
        py_str(&c.qualname),
        py_str(&c.filename),
        c.first_line,
        c.flags,
        c.arg_count,
        c.posonly_arg_count,
        c.kwonly_arg_count,
        c.stack_size,
        strs(&c.localsplus_names),
        c.localsplus_kinds,
        strs(&c.names),
        c.code,
        c.docstring.as_deref().map_or("None".to_string(), py_str),
    );
    for e in &c.exception_table {
        let _ = write!(out, "({}, {}, {}, {}, {}), ", e.start, e.end, e.target, e.depth, e.push_lasti as u8);
    }
    out.push_str("], 'positions': [");
    for p in linetable::decode(&c.line_table) {
        if p.line == 0 {
            out.push_str("None, ");
        } else {
            let _ = write!(out, "({}, {}, {}, {}), ", p.line, p.end_line, p.col, p.end_col);
        }
    }
    out.push_str("], 'consts': [");
    for k in &c.consts {
        py_const(k, out);
        out.push_str(", ");
    }
    out.push_str("]}");
}

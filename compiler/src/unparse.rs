//! Expressions back to source text, as CPython's `ast_unparse.c` writes them:
//! the strings that `from __future__ import annotations` stores instead of
//! evaluated annotations.

use crate::code::Constant;
use crate::dis::const_repr;
use rustpython_parser::ast::{self, CmpOp, Expr, Operator, UnaryOp};

// Precedence levels (lowest binds loosest).
const TUPLE: u8 = 0;
const TEST: u8 = 1;
const OR: u8 = 2;
const AND: u8 = 3;
const NOT: u8 = 4;
const CMP: u8 = 5;
const BOR: u8 = 6;
const BXOR: u8 = 7;
const BAND: u8 = 8;
const SHIFT: u8 = 9;
const ARITH: u8 = 10;
const TERM: u8 = 11;
const FACTOR: u8 = 12;
const POWER: u8 = 13;
const AWAIT: u8 = 14;
const ATOM: u8 = 15;

/// The source form of an annotation.
pub fn unparse(e: &Expr) -> String {
    let mut out = String::new();
    expr(&mut out, e, TEST);
    out
}

fn open(out: &mut String, cond: bool) {
    if cond {
        out.push('(');
    }
}

fn close(out: &mut String, cond: bool) {
    if cond {
        out.push(')');
    }
}

fn binop(op: Operator) -> (&'static str, u8) {
    match op {
        Operator::Add => (" + ", ARITH),
        Operator::Sub => (" - ", ARITH),
        Operator::Mult => (" * ", TERM),
        Operator::MatMult => (" @ ", TERM),
        Operator::Div => (" / ", TERM),
        Operator::Mod => (" % ", TERM),
        Operator::FloorDiv => (" // ", TERM),
        Operator::LShift => (" << ", SHIFT),
        Operator::RShift => (" >> ", SHIFT),
        Operator::BitOr => (" | ", BOR),
        Operator::BitXor => (" ^ ", BXOR),
        Operator::BitAnd => (" & ", BAND),
        Operator::Pow => (" ** ", POWER),
    }
}

fn cmpop(op: &CmpOp) -> &'static str {
    match op {
        CmpOp::Eq => " == ",
        CmpOp::NotEq => " != ",
        CmpOp::Lt => " < ",
        CmpOp::LtE => " <= ",
        CmpOp::Gt => " > ",
        CmpOp::GtE => " >= ",
        CmpOp::Is => " is ",
        CmpOp::IsNot => " is not ",
        CmpOp::In => " in ",
        CmpOp::NotIn => " not in ",
    }
}

fn seq(out: &mut String, items: &[Expr], level: u8) {
    for (i, e) in items.iter().enumerate() {
        if i > 0 {
            out.push_str(", ");
        }
        expr(out, e, level);
    }
}

fn constant(out: &mut String, c: &ast::Constant) {
    match c {
        ast::Constant::Ellipsis => out.push_str("..."),
        ast::Constant::Float(f) if f.is_infinite() => out.push_str(if *f > 0.0 { "1e309" } else { "-1e309" }),
        ast::Constant::Complex { real, imag } if real.is_infinite() || imag.is_infinite() => {
            out.push_str("1e309j");
        }
        other => out.push_str(&const_repr(&crate::codegen::constant_from_ast(other))),
    }
}

fn comprehensions(out: &mut String, gens: &[ast::Comprehension]) {
    for g in gens {
        out.push_str(if g.is_async { " async for " } else { " for " });
        expr(out, &g.target, TUPLE);
        out.push_str(" in ");
        expr(out, &g.iter, TEST + 1);
        for cond in &g.ifs {
            out.push_str(" if ");
            expr(out, cond, TEST + 1);
        }
    }
}

fn lambda_args(out: &mut String, a: &ast::Arguments) {
    let mut first = true;
    let mut sep = |out: &mut String| {
        if !first {
            out.push_str(", ");
        }
        first = false;
    };
    let arg = |out: &mut String, a: &ast::ArgWithDefault| {
        out.push_str(&a.def.arg);
        if let Some(d) = &a.default {
            out.push('=');
            expr(out, d, TEST);
        }
    };
    for p in &a.posonlyargs {
        sep(out);
        arg(out, p);
    }
    if !a.posonlyargs.is_empty() {
        sep(out);
        out.push('/');
    }
    for p in &a.args {
        sep(out);
        arg(out, p);
    }
    if let Some(v) = &a.vararg {
        sep(out);
        out.push('*');
        out.push_str(&v.arg);
    } else if !a.kwonlyargs.is_empty() {
        sep(out);
        out.push('*');
    }
    for p in &a.kwonlyargs {
        sep(out);
        arg(out, p);
    }
    if let Some(k) = &a.kwarg {
        sep(out);
        out.push_str("**");
        out.push_str(&k.arg);
    }
}

/// The body of an f-string (without quotes), or of a nested format spec.
fn fstring_body(out: &mut String, values: &[Expr]) {
    for v in values {
        match v {
            Expr::Constant(ast::ExprConstant { value: ast::Constant::Str(s), .. }) => {
                out.push_str(&s.replace('{', "{{").replace('}', "}}"));
            }
            Expr::FormattedValue(f) => formatted_value(out, f),
            Expr::JoinedStr(j) => fstring_body(out, &j.values),
            other => {
                out.push('{');
                expr(out, other, TEST + 1);
                out.push('}');
            }
        }
    }
}

fn formatted_value(out: &mut String, f: &ast::ExprFormattedValue) {
    let mut inner = String::new();
    expr(&mut inner, &f.value, TEST + 1);
    out.push('{');
    if inner.starts_with('{') {
        // Avoid a literal `{{`.
        out.push(' ');
    }
    out.push_str(&inner);
    match f.conversion {
        ast::ConversionFlag::None => {}
        ast::ConversionFlag::Str => out.push_str("!s"),
        ast::ConversionFlag::Repr => out.push_str("!r"),
        ast::ConversionFlag::Ascii => out.push_str("!a"),
    }
    if let Some(spec) = &f.format_spec {
        out.push(':');
        match &**spec {
            Expr::JoinedStr(j) => fstring_body(out, &j.values),
            other => fstring_body(out, std::slice::from_ref(other)),
        }
    }
    out.push('}');
}

fn expr(out: &mut String, e: &Expr, level: u8) {
    match e {
        Expr::BoolOp(b) => {
            let (word, pr) = match b.op {
                ast::BoolOp::And => (" and ", AND),
                ast::BoolOp::Or => (" or ", OR),
            };
            open(out, level > pr);
            for (i, v) in b.values.iter().enumerate() {
                if i > 0 {
                    out.push_str(word);
                }
                expr(out, v, pr + 1);
            }
            close(out, level > pr);
        }
        Expr::NamedExpr(n) => {
            open(out, level > TUPLE);
            expr(out, &n.target, ATOM);
            out.push_str(" := ");
            expr(out, &n.value, ATOM);
            close(out, level > TUPLE);
        }
        Expr::BinOp(b) => {
            let (s, pr) = binop(b.op);
            let rassoc = (b.op == Operator::Pow) as u8;
            open(out, level > pr);
            expr(out, &b.left, pr + rassoc);
            out.push_str(s);
            expr(out, &b.right, pr + 1 - rassoc);
            close(out, level > pr);
        }
        Expr::UnaryOp(u) => {
            let (s, pr) = match u.op {
                UnaryOp::Invert => ("~", FACTOR),
                UnaryOp::Not => ("not ", NOT),
                UnaryOp::UAdd => ("+", FACTOR),
                UnaryOp::USub => ("-", FACTOR),
            };
            open(out, level > pr);
            out.push_str(s);
            expr(out, &u.operand, pr);
            close(out, level > pr);
        }
        Expr::Lambda(l) => {
            open(out, level > TEST);
            let mut args = String::new();
            lambda_args(&mut args, &l.args);
            out.push_str("lambda");
            if !args.is_empty() {
                out.push(' ');
                out.push_str(&args);
            }
            out.push_str(": ");
            expr(out, &l.body, TEST);
            close(out, level > TEST);
        }
        Expr::IfExp(i) => {
            open(out, level > TEST);
            expr(out, &i.body, TEST + 1);
            out.push_str(" if ");
            expr(out, &i.test, TEST + 1);
            out.push_str(" else ");
            expr(out, &i.orelse, TEST);
            close(out, level > TEST);
        }
        Expr::Dict(d) => {
            out.push('{');
            for (i, (k, v)) in d.keys.iter().zip(&d.values).enumerate() {
                if i > 0 {
                    out.push_str(", ");
                }
                match k {
                    Some(k) => {
                        expr(out, k, TEST);
                        out.push_str(": ");
                        expr(out, v, TEST);
                    }
                    None => {
                        out.push_str("**");
                        expr(out, v, BOR);
                    }
                }
            }
            out.push('}');
        }
        Expr::Set(s) => {
            if s.elts.is_empty() {
                out.push_str("{*()}");
            } else {
                out.push('{');
                seq(out, &s.elts, TEST);
                out.push('}');
            }
        }
        Expr::ListComp(c) => {
            out.push('[');
            expr(out, &c.elt, TEST);
            comprehensions(out, &c.generators);
            out.push(']');
        }
        Expr::SetComp(c) => {
            out.push('{');
            expr(out, &c.elt, TEST);
            comprehensions(out, &c.generators);
            out.push('}');
        }
        Expr::DictComp(c) => {
            out.push('{');
            expr(out, &c.key, TEST);
            out.push_str(": ");
            expr(out, &c.value, TEST);
            comprehensions(out, &c.generators);
            out.push('}');
        }
        Expr::GeneratorExp(c) => {
            out.push('(');
            expr(out, &c.elt, TEST);
            comprehensions(out, &c.generators);
            out.push(')');
        }
        Expr::Await(a) => {
            open(out, level > AWAIT);
            out.push_str("await ");
            expr(out, &a.value, ATOM);
            close(out, level > AWAIT);
        }
        Expr::Yield(y) => match &y.value {
            None => out.push_str("(yield)"),
            Some(v) => {
                out.push_str("(yield ");
                expr(out, v, TEST);
                out.push(')');
            }
        },
        Expr::YieldFrom(y) => {
            out.push_str("(yield from ");
            expr(out, &y.value, TEST);
            out.push(')');
        }
        Expr::Compare(c) => {
            open(out, level > CMP);
            expr(out, &c.left, CMP + 1);
            for (op, right) in c.ops.iter().zip(&c.comparators) {
                out.push_str(cmpop(op));
                expr(out, right, CMP + 1);
            }
            close(out, level > CMP);
        }
        Expr::Call(c) => {
            expr(out, &c.func, ATOM);
            if let ([Expr::GeneratorExp(g)], true) = (c.args.as_slice(), c.keywords.is_empty()) {
                expr(out, &Expr::GeneratorExp(g.clone()), TEST);
                return;
            }
            out.push('(');
            let mut first = true;
            for a in &c.args {
                if !first {
                    out.push_str(", ");
                }
                first = false;
                expr(out, a, TEST);
            }
            for k in &c.keywords {
                if !first {
                    out.push_str(", ");
                }
                first = false;
                match &k.arg {
                    Some(name) => {
                        out.push_str(name);
                        out.push('=');
                    }
                    None => out.push_str("**"),
                }
                expr(out, &k.value, TEST);
            }
            out.push(')');
        }
        Expr::FormattedValue(f) => {
            let mut body = String::new();
            formatted_value(&mut body, f);
            out.push('f');
            out.push_str(&const_repr(&Constant::Str(body)));
        }
        Expr::JoinedStr(j) => {
            let mut body = String::new();
            fstring_body(&mut body, &j.values);
            out.push('f');
            out.push_str(&const_repr(&Constant::Str(body)));
        }
        Expr::Constant(c) => {
            if c.kind.as_deref() == Some("u") {
                out.push('u');
            }
            constant(out, &c.value);
        }
        Expr::Attribute(a) => {
            expr(out, &a.value, ATOM);
            // `1 .real`: an int needs a space before the dot.
            let int = matches!(&*a.value, Expr::Constant(ast::ExprConstant { value: ast::Constant::Int(_), .. }));
            out.push_str(if int { " ." } else { "." });
            out.push_str(&a.attr);
        }
        Expr::Subscript(s) => {
            expr(out, &s.value, ATOM);
            out.push('[');
            match &*s.slice {
                Expr::Starred(_) => {
                    expr(out, &s.slice, TEST);
                    out.push(',');
                }
                Expr::Tuple(t) if !t.elts.is_empty() => {
                    seq(out, &t.elts, TEST);
                    if t.elts.len() == 1 {
                        out.push(',');
                    }
                }
                other => expr(out, other, TUPLE),
            }
            out.push(']');
        }
        Expr::Starred(s) => {
            out.push('*');
            expr(out, &s.value, BOR);
        }
        Expr::Name(n) => out.push_str(&n.id),
        Expr::List(l) => {
            out.push('[');
            seq(out, &l.elts, TEST);
            out.push(']');
        }
        Expr::Tuple(t) => {
            if t.elts.is_empty() {
                out.push_str("()");
                return;
            }
            open(out, level > TUPLE);
            seq(out, &t.elts, TEST);
            if t.elts.len() == 1 {
                out.push(',');
            }
            close(out, level > TUPLE);
        }
        Expr::Slice(s) => {
            if let Some(l) = &s.lower {
                expr(out, l, TEST);
            }
            out.push(':');
            if let Some(u) = &s.upper {
                expr(out, u, TEST);
            }
            if let Some(st) = &s.step {
                out.push(':');
                expr(out, st, TEST);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rustpython_parser::Parse;

    #[track_caller]
    fn round(src: &str, expected: &str) {
        let e = Expr::parse(src, "t").expect("parses");
        assert_eq!(unparse(&e), expected);
    }

    #[test]
    fn matches_cpython() {
        // Expected strings from CPython 3.11 (`from __future__ import annotations`).
        round("List[ int ]", "List[int]");
        round("\"str\"", "'str'");
        round("Dict[str,   Tuple[int, ...]]", "Dict[str, Tuple[int, ...]]");
        round("a if b else c", "a if b else c");
        round("(a + b) * c ** -d", "(a + b) * c ** (-d)");
        round("lambda x, *y, z=1, **k: x", "lambda x, *y, z=1, **k: x");
        round("f(*a, b=1, **c)", "f(*a, b=1, **c)");
        round("x[1:2, ::3]", "x[1:2, ::3]");
        round("(1,)", "(1,)");
        round("not a or b and c", "not a or b and c");
        round("1 .real", "1 .real");
        round("[x async for x in y if x]", "[x async for x in y if x]");
        round("f'{x!r:>{w}}'", "f'{x!r:>{w}}'");
        round("{**a, 'b': 1}", "{**a, 'b': 1}");
        round("a < b is not c", "a < b is not c");
        round("-1", "-1");
        round("x[a, b]", "x[a, b]");
        round("x[(a, b)]", "x[a, b]");
        round("x[*a]", "x[*a,]");
        round("u\"x\"", "u'x'");
        round("1e400", "1e309");
        round("f\"{ {1} }\"", "f'{ {1}}'");
        round("\"a\\x00\u{a0}é\"", "'a\\x00\\xa0é'");
    }
}

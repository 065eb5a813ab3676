//! CPython's specialised messages for input the parser rejected (the
//! `invalid_*` rules of CPython 3.11's `Grammar/python.gram`), recognised from
//! the tokens around the place where rustpython-parser stopped.

use super::extent::Level;
use super::tokens::{Kind, Tokens};
use crate::source::SourceMap;
use crate::targets::expr_name;
use crate::{CompileError, ErrorKind};
use rustpython_parser::ast::{self, Constant, Expr, Ranged};
use rustpython_parser::text_size::{TextRange, TextSize};
use rustpython_parser::Parse;

/// Where the parser gave up, as a token index.
pub struct Failure {
    pub at: usize,
    pub eof: bool,
}

/// A rule: CPython's error for the failure, if the rule recognises it.
type Rule = fn(&SourceMap, &Tokens, &Failure) -> Option<CompileError>;

/// The message of the first rule that recognises the failure.
pub fn explain(src: &SourceMap, t: &Tokens, f: &Failure) -> Option<CompileError> {
    let rules: [Rule; 9] = [
        legacy_print,
        walrus_target,
        yield_assignment,
        assignment_in_expression,
        keyword_generator,
        if_without_else,
        missing_comma,
        expected_token,
        try_without_handler,
    ];
    rules.iter().find_map(|rule| rule(src, t, f))
}

fn error(src: &SourceMap, msg: impl Into<String>, start: u32, end: u32) -> CompileError {
    let range = TextRange::new(TextSize::from(start), TextSize::from(end.max(start)));
    src.error(ErrorKind::SyntaxError, msg, range)
}

/// The byte range CPython gives token `i` (a NEWLINE token is empty).
fn token_range(t: &Tokens, i: usize) -> (u32, u32) {
    match t.toks.get(i) {
        Some(tok) if tok.kind == Kind::Newline => (tok.start, tok.start),
        Some(tok) => (tok.start, tok.end),
        None => (t.text.len() as u32, t.text.len() as u32),
    }
}

/// Error at token `i`.
fn at_token(src: &SourceMap, t: &Tokens, i: usize, msg: &str) -> CompileError {
    let (s, e) = token_range(t, i);
    error(src, msg, s, e)
}

/// From the start of token `a` to the end of token `b`.
fn span(t: &Tokens, a: usize, b: usize) -> (u32, u32) {
    (t.toks[a].start, t.toks[b].end)
}

/// Parses the source of tokens `a..b` as one expression.
fn parse_expr(t: &Tokens, a: usize, b: usize) -> Option<Expr> {
    parse_expr_at(t, a, b).map(|(e, _, _)| e)
}

/// Parses the source of tokens `a..b` as one expression; also returns the
/// expression's byte range in the source (without redundant parentheses).
fn parse_expr_at(t: &Tokens, a: usize, b: usize) -> Option<(Expr, u32, u32)> {
    let base = t.toks[a].start;
    let text = &t.text[base as usize..t.toks[b - 1].end as usize];
    let e = ast::Expr::parse(&format!("({text})"), "<diagnose>").ok()?;
    let r = e.range();
    let start = (u32::from(r.start()) + base).checked_sub(1)?;
    let end = (u32::from(r.end()) + base).checked_sub(1)?;
    Some((e, start, end))
}

/// Whether token `j` starts an expression (not continues one).
fn at_expression_start(t: &Tokens, j: usize) -> bool {
    j == 0 || !(t.ends_operand(j - 1) || t.is_op(j - 1, "."))
}

/// `print x` / `exec x`: "Missing parentheses in call to 'print'. Did you mean print(...)?"
fn legacy_print(src: &SourceMap, t: &Tokens, f: &Failure) -> Option<CompileError> {
    let i = f.at;
    let name = i.checked_sub(1)?;
    let word = t.text_of(name);
    if !(t.is_name(name, "print") || t.is_name(name, "exec")) || !at_expression_start(t, name) {
        return None;
    }
    if t.is_op(i, "(") {
        return None;
    }
    let end = t.exprs_end(i)?;
    let (s, e) = span(t, name, end - 1);
    Some(error(src, format!("Missing parentheses in call to '{word}'. Did you mean {word}(...)?"), s, e))
}

/// Whether an expression starting at token `seg` is parsed by CPython as a
/// `named_expression` (where its specialised errors about '=' and ':=' apply).
fn named_expression_context(t: &Tokens, seg: usize) -> bool {
    let Some(p) = seg.checked_sub(1) else {
        return false;
    };
    let opener = if t.is_op(p, ",") {
        match t.enclosing_open(p) {
            Some(o) => o,
            None => return false,
        }
    } else {
        p
    };
    match t.text_of(opener) {
        "(" => t.kind(opener) == Some(Kind::Op) && at_expression_start(t, opener),
        "[" | "{" => t.kind(opener) == Some(Kind::Op),
        "if" | "elif" | "while" => opener == p && t.line_start(p) == p,
        _ => false,
    }
}

/// Whether the expression starting at `seg` is an argument of a call.
fn call_argument_context(t: &Tokens, seg: usize) -> bool {
    let Some(p) = seg.checked_sub(1) else {
        return false;
    };
    let opener = if t.is_op(p, ",") {
        match t.enclosing_open(p) {
            Some(o) => o,
            None => return false,
        }
    } else {
        p
    };
    t.is_op(opener, "(") && !at_expression_start(t, opener)
}

/// `(a.b := 1)`: "cannot use assignment expressions with attribute".
fn walrus_target(src: &SourceMap, t: &Tokens, f: &Failure) -> Option<CompileError> {
    let i = f.at;
    if !t.is_op(i, ":=") {
        return None;
    }
    let start = t.expr_start(i, Level::Expression)?;
    if !named_expression_context(t, start) {
        return None;
    }
    let (target, s, e) = parse_expr_at(t, start, i)?;
    Some(error(src, format!("cannot use assignment expressions with {}", expr_name(&target)), s, e))
}

/// `yield = 1` (other bare yield targets parse, see `crate::grammar`).
fn yield_assignment(src: &SourceMap, t: &Tokens, f: &Failure) -> Option<CompileError> {
    let i = f.at;
    if !t.is_op(i, "=") || t.depth(i) != 0 {
        return None;
    }
    let start = t.segment_start(i);
    if !t.is_name(start, "yield") || start != t.line_start(i) && !t.is_op(start - 1, "=") {
        return None;
    }
    let (s, e) = span(t, start, i - 1);
    Some(error(src, "assignment to yield expression not possible", s, e))
}

/// `f(a, b = 1 for c in d)`: a keyword argument whose value is a generator.
fn keyword_generator(src: &SourceMap, t: &Tokens, f: &Failure) -> Option<CompileError> {
    let i = f.at;
    if !(t.is_name(i, "for") || t.is_name(i, "async")) {
        return None;
    }
    let value = t.expr_start(i, Level::Expression)?;
    let name = value.checked_sub(2)?;
    if !t.is_op(value - 1, "=") || !t.is_identifier(name) || !call_argument_context(t, name) {
        return None;
    }
    let (s, e) = span(t, name, value - 1);
    Some(error(src, "invalid syntax. Maybe you meant '==' or ':=' instead of '='?", s, e))
}

/// `f(a=1, x for x in y)`, which rustpython rejects as a positional argument
/// after a keyword argument (the generator starts at byte `offset`).
pub fn unparenthesized_genexp(src: &SourceMap, t: &Tokens, offset: u32) -> Option<CompileError> {
    let i = t.index_at(offset);
    let elt_end = t.expr_end(i, Level::Expression)?;
    if !(t.is_name(elt_end, "for") || t.is_name(elt_end, "async")) {
        return None;
    }
    let d = t.depth(i);
    let end =
        (elt_end..t.len()).find(|&j| t.depth(j) < d || (t.depth(j) == d && (t.is_op(j, ",") || t.is_op(j, ")"))))?;
    let (s, e) = span(t, i, end - 1);
    Some(error(src, "Generator expression must be parenthesized", s, e))
}

/// `if x = 1:` and `f(a.b=1)`: an '=' where an expression was expected.
fn assignment_in_expression(src: &SourceMap, t: &Tokens, f: &Failure) -> Option<CompileError> {
    let i = f.at;
    if !t.is_op(i, "=") || i == 0 {
        return None;
    }
    // CPython's invalid_named_expression: `NAME '=' bitwise_or`.
    if t.is_identifier(i - 1) && named_expression_context(t, i - 1) {
        let value_end = t.expr_end(i + 1, Level::BitwiseOr)?;
        if t.is_op(value_end, "=") || t.is_op(value_end, ":=") {
            return None;
        }
        let (s, e) = span(t, i - 1, value_end - 1);
        return Some(error(src, "invalid syntax. Maybe you meant '==' or ':=' instead of '='?", s, e));
    }
    let kwarg = t.expr_start(i, Level::Expression);
    if let Some(seg) = kwarg.filter(|&s| call_argument_context(t, s)) {
        // CPython's invalid_kwarg.
        if seg + 1 == i && matches!(t.text_of(seg), "True" | "False" | "None") {
            let (s, e) = span(t, seg, i);
            return Some(error(src, format!("cannot assign to {}", t.text_of(seg)), s, e));
        }
        if seg + 1 == i && t.is_identifier(seg) {
            return None;
        }
        let (_, s, _) = parse_expr_at(t, seg, i)?;
        let e = t.toks[i].end;
        return Some(error(src, "expression cannot contain assignment, perhaps you meant \"==\"?", s, e));
    }
    // `a=bitwise_or '=' bitwise_or`, with `a` the whole named expression.
    let seg = t.expr_start(i, Level::BitwiseOr)?;
    if !named_expression_context(t, seg) {
        return None;
    }
    let value_end = t.expr_end(i + 1, Level::BitwiseOr)?;
    if t.is_op(value_end, "=") || t.is_op(value_end, ":=") {
        return None;
    }
    // Not when the target starts with a list, tuple, generator expression or
    // True/None/False.
    if matches!(t.text_of(seg), "True" | "False" | "None") {
        return None;
    }
    if t.is_op(seg, "(") || t.is_op(seg, "[") {
        let close = t.matching_close(seg)?;
        if let Some(Expr::Tuple(_) | Expr::List(_) | Expr::GeneratorExp(_)) = parse_expr(t, seg, close + 1) {
            return None;
        }
    }
    let (target, s, e) = parse_expr_at(t, seg, i)?;
    if let Expr::Constant(c) = &target {
        if matches!(c.value, Constant::None | Constant::Bool(_)) {
            return None;
        }
    }
    Some(error(
        src,
        format!("cannot assign to {} here. Maybe you meant '==' instead of '='?", expr_name(&target)),
        s,
        e,
    ))
}

/// `x = 1 if y`: "expected 'else' after 'if' expression".
fn if_without_else(src: &SourceMap, t: &Tokens, f: &Failure) -> Option<CompileError> {
    let i = f.at;
    if i == 0 || t.is_name(i, "else") || t.is_op(i, ":") {
        return None;
    }
    let d = t.depth(i - 1);
    let seg = t.segment_start(i);
    let k = (seg..i).rev().find(|&j| t.depth(j) == d && t.is_name(j, "if"))?;
    if t.expr_end(k + 1, Level::Disjunction) != Some(i) {
        return None;
    }
    // Not the condition of a comprehension.
    if (seg..k).any(|j| t.depth(j) == d && t.is_name(j, "for")) {
        return None;
    }
    let a = t.expr_start(k, Level::Disjunction)?;
    let (s, e) = span(t, a, i - 1);
    Some(error(src, "expected 'else' after 'if' expression", s, e))
}

/// `f(a b)`: "invalid syntax. Perhaps you forgot a comma?"
fn missing_comma(src: &SourceMap, t: &Tokens, f: &Failure) -> Option<CompileError> {
    let mut i = f.at;
    // `a not b` fails after the `not`, which starts the second expression.
    if i >= 2 && t.is_name(i - 1, "not") && !t.is_name(i, "in") {
        i -= 1;
    }
    if i == 0 || !t.ends_operand(i - 1) {
        return None;
    }
    let b_end = t.expr_end(i, Level::Expression)?;
    if t.depth(b_end - 1) == 0 {
        return None;
    }
    let seg = t.segment_start(i);
    if t.expr_end(seg, Level::Disjunction) != Some(i) {
        return None;
    }
    let soft_keyword = ["match", "case", "_"].iter().any(|k| t.is_name(seg, k));
    let name_string = t.kind(seg) == Some(Kind::Name) && t.kind(seg + 1) == Some(Kind::String);
    let legacy = seg + 1 == i && (t.is_name(seg, "print") || t.is_name(seg, "exec"));
    if soft_keyword || name_string || legacy {
        return None;
    }
    let (s, e) = span(t, seg, b_end - 1);
    Some(error(src, "invalid syntax. Perhaps you forgot a comma?", s, e))
}

/// Tokens CPython's grammar insists on: `def f(`, the ':' ending a compound
/// statement's header, the exception types after `except*`.
fn expected_token(src: &SourceMap, t: &Tokens, f: &Failure) -> Option<CompileError> {
    let i = f.at;
    let s = t.line_start(i);
    let k = if t.is_name(s, "async") { s + 1 } else { s };
    if t.is_name(k, "match") || t.is_name(k, "case") {
        // Soft keywords: rustpython may stop at the keyword itself.
        return soft_keyword_header(src, t, k);
    }
    if k >= i {
        return None;
    }
    let newline = t.kind(i) == Some(Kind::Newline);
    let colon_on_line = (k..i).any(|j| t.depth(j) == 0 && t.is_op(j, ":"));
    let expected_colon = || Some(at_token(src, t, i, "expected ':'"));
    match t.text_of(k) {
        "def" if t.is_identifier(k + 1) => {
            if i == k + 2 {
                return (!t.is_op(i, "(")).then(|| at_token(src, t, i, "expected '('"));
            }
            if !t.is_op(k + 2, "(") {
                return None;
            }
            let close = t.matching_close(k + 2)?;
            let mut header_end = close + 1;
            if t.is_op(header_end, "->") {
                header_end = t.expr_end(header_end + 1, Level::Expression)?;
            }
            if i == header_end && !t.is_op(i, ":") {
                return expected_colon();
            }
            None
        }
        "class" if newline && t.is_identifier(k + 1) => {
            let after_name = if t.is_op(k + 2, "(") { t.matching_close(k + 2)? + 1 } else { k + 2 };
            (after_name == i).then(|| at_token(src, t, i, "expected ':'"))
        }
        "if" | "elif" | "while" | "with" if newline && !colon_on_line => expected_colon(),
        "for" if newline && !colon_on_line && (k..i).any(|j| t.depth(j) == 0 && t.is_name(j, "in")) => expected_colon(),
        "except" if t.is_op(k + 1, "*") && i == k + 2 && (newline || t.is_op(i, ":")) => {
            Some(at_token(src, t, i, "expected one or more exception types"))
        }
        "except" if newline && !colon_on_line => expected_colon(),
        "except" if t.is_op(i, ",") && t.depth(i) == 0 => {
            // `except A, B:`, up to the ':'.
            let first = if t.is_op(k + 1, "*") { k + 2 } else { k + 1 };
            let start = t.toks.get(first)?.start;
            let colon = (i..t.len())
                .take_while(|&j| t.kind(j) != Some(Kind::Newline))
                .find(|&j| t.depth(j) == 0 && t.is_op(j, ":"));
            let end = colon.map_or(start, |j| t.toks[j].start);
            Some(error(src, "multiple exception types must be parenthesized", start, end))
        }
        "else" | "try" | "finally" if i == k + 1 && !t.is_op(i, ":") => expected_colon(),
        "from" if newline && t.is_op(i - 1, ",") => {
            let import = (k..i).find(|&j| t.is_name(j, "import"))?;
            (!t.is_op(import + 1, "("))
                .then(|| at_token(src, t, i, "trailing comma not allowed without surrounding parentheses"))
        }
        _ => None,
    }
}

/// `match x` / `case y` without the ':' (rustpython stops inside the header,
/// as `match` and `case` are also names; CPython reports at the line's end).
fn soft_keyword_header(src: &SourceMap, t: &Tokens, k: usize) -> Option<CompileError> {
    let newline = (k..t.len()).find(|&j| t.kind(j) == Some(Kind::Newline))?;
    let header = k + 1..newline;
    if header.is_empty() || header.clone().any(|j| t.depth(j) == 0 && (t.is_op(j, ":") || t.is_op(j, "="))) {
        return None;
    }
    if t.is_name(k, "match") {
        if t.exprs_end(k + 1) != Some(newline) {
            return None;
        }
    } else {
        // A case clause: the nearest less indented line is a match statement.
        let col = |j: usize| src.line_col(t.toks[j].start).1;
        let mut j = k;
        loop {
            if j == 0 {
                return None;
            }
            j = t.line_start(j - 1);
            if col(j) < col(k) {
                if !t.is_name(j, "match") {
                    return None;
                }
                break;
            }
        }
    }
    Some(at_token(src, t, newline, "expected ':'"))
}

/// A `try` block followed by neither `except` nor `finally`.
fn try_without_handler(src: &SourceMap, t: &Tokens, f: &Failure) -> Option<CompileError> {
    let end = f.at >= t.len()
        || t.kind(f.at) == Some(Kind::EndMarker)
        || f.eof
        || (t.kind(f.at) == Some(Kind::Newline) && f.at + 2 >= t.len());
    let col = |j: usize| src.line_col(t.toks[j].start).1;
    let (first, indent) = if end {
        (t.len(), 0)
    } else {
        if t.line_start(f.at) != f.at {
            return None;
        }
        (f.at, col(f.at))
    };
    if t.is_name(first, "except") || t.is_name(first, "finally") {
        return None;
    }
    // Walk back over the logical lines before it, through the blocks it closes.
    let mut innermost = u32::MAX;
    let mut j = first;
    loop {
        let mut k = j;
        while k > 0 && matches!(t.kind(k - 1), Some(Kind::Newline | Kind::EndMarker)) {
            k -= 1;
        }
        if k == 0 {
            return None;
        }
        j = t.line_start(k - 1);
        let ind = col(j);
        if ind < innermost {
            if ind < indent {
                return None;
            }
            if t.is_name(j, "try") && t.is_op(j + 1, ":") {
                // `try:` with an indented body, or `try: body` on one line.
                let own_line = t.kind(j + 2) == Some(Kind::Newline);
                if own_line == (innermost != u32::MAX) {
                    break;
                }
            }
            innermost = ind;
        }
    }
    if end {
        let mut line = src.line_count();
        while line > 1 && src.line_text(line).trim().is_empty() {
            line -= 1;
        }
        let len = src.line_text(line).len() as u32;
        return Some(src.error_at(
            ErrorKind::SyntaxError,
            "expected 'except' or 'finally' block",
            line,
            len,
            line,
            len,
        ));
    }
    Some(at_token(src, t, f.at, "expected 'except' or 'finally' block"))
}

/// `def f(*)` / `lambda *: 0`, which rustpython rejects itself at the '*'.
/// CPython points at the '*' of a `def`, but at the last token its rule read
/// (':' or '**') in a lambda.
pub fn bare_star(src: &SourceMap, t: &Tokens, offset: u32) -> CompileError {
    let msg = "named arguments must follow bare *";
    let star = t.index_at(offset);
    let at = if t.is_op(star + 1, ":") {
        star + 1
    } else if t.is_op(star + 1, ",") && (t.is_op(star + 2, ":") || t.is_op(star + 2, "**")) {
        star + 2
    } else {
        star
    };
    at_token(src, t, at, msg)
}

//! Node positions as CPython reports them, from the parser's byte ranges:
//! 1-based lines and 0-based columns counted in UTF-8 bytes.

use super::to_py::Loc;
use ember_compiler::ast;
use ember_compiler::ast::text_size::{TextRange, TextSize};
use ember_compiler::ast::Ranged;
use ember_compiler::source::SourceMap;

pub struct Positions<'a> {
    pub map: SourceMap<'a>,
}

impl<'a> Positions<'a> {
    pub fn new(text: &'a str, filename: &'a str) -> Positions<'a> {
        Positions { map: SourceMap::new(text, filename) }
    }

    pub fn loc(&self, r: TextRange) -> Loc {
        let (l, c) = self.map.line_col(r.start().into());
        let (el, ec) = self.map.line_col(r.end().into());
        (l, c, el, ec)
    }

    pub fn stmt_loc(&self, s: &ast::Stmt) -> Loc {
        self.loc(s.range())
    }

    pub fn handler_loc(&self, h: &ast::ExceptHandlerExceptHandler) -> Loc {
        self.loc(h.range)
    }

    /// The range CPython gives a generator expression that is a call's
    /// only argument: from the call's `(` to its end, unless the
    /// expression has parentheses of its own.
    pub fn sole_genexp_range(&self, gen: TextRange, func_end: TextSize, call_end: TextSize) -> TextRange {
        if self.self_parenthesized(gen) {
            return gen;
        }
        let text = self.map.text.as_bytes();
        let mut i = usize::from(func_end);
        while i < text.len() && text[i] != b'(' {
            i += 1;
        }
        if i >= usize::from(gen.start()) {
            return gen;
        }
        TextRange::new(TextSize::from(i as u32), call_end)
    }

    /// Whether the text of `r` is `( ... )` with the first parenthesis
    /// closed by the last.
    fn self_parenthesized(&self, r: TextRange) -> bool {
        let Some(t) = self.map.text.get(usize::from(r.start())..usize::from(r.end())) else {
            return false;
        };
        let b = t.as_bytes();
        if b.first() != Some(&b'(') || b.last() != Some(&b')') {
            return false;
        }
        let last = b.len() - 1;
        scan_code(b, |i, c, depth| (matches!(c, b')' | b']' | b'}') && depth == 0).then_some(i == last))
            .unwrap_or(false)
    }

    pub fn expr_range(&self, e: &ast::Expr) -> TextRange {
        e.range()
    }
}

/// Walks Python source bytes outside string literals and comments, calling
/// `f(index, byte, depth)` with the bracket depth after that byte, until `f`
/// returns an answer.
pub(super) fn scan_code<R>(b: &[u8], mut f: impl FnMut(usize, u8, i32) -> Option<R>) -> Option<R> {
    let mut depth = 0i32;
    let mut quote: Option<u8> = None;
    let mut i = 0;
    while i < b.len() {
        let c = b[i];
        match quote {
            Some(q) => {
                if c == b'\\' {
                    i += 1;
                } else if c == q {
                    quote = None;
                }
            }
            None => match c {
                b'\'' | b'"' => quote = Some(c),
                b'#' => {
                    while i < b.len() && b[i] != b'\n' {
                        i += 1;
                    }
                    continue;
                }
                _ => {
                    match c {
                        b'(' | b'[' | b'{' => depth += 1,
                        b')' | b']' | b'}' => depth -= 1,
                        _ => {}
                    }
                    if let Some(r) = f(i, c, depth) {
                        return Some(r);
                    }
                }
            },
        }
        i += 1;
    }
    None
}

//! Caret anchors for traceback display: where the operator of a binary
//! operation, or the brackets of a subscript, sit inside a source segment (the
//! `~~~^^^~~~` markers CPython 3.11 prints).

use rustpython_parser::{ast, Parse};

/// For a segment that parses as one expression statement which is a binary
/// operation or a subscript, the (left_end, right_start) character offsets of
/// the secondary (`^`) range.
pub fn caret_anchors(segment: &str) -> Option<(usize, usize)> {
    let suite = ast::Suite::parse(segment, "<segment>").ok()?;
    if suite.len() != 1 {
        return None;
    }
    let ast::Stmt::Expr(stmt) = &suite[0] else { return None };
    let bytes = segment.as_bytes();
    let to_chars = |byte_off: usize| segment.get(..byte_off.min(segment.len())).map_or(0, |s| s.chars().count());
    match &*stmt.value {
        ast::Expr::BinOp(b) => {
            let left_end = usize::from(b.left.range().end());
            let right_start = usize::from(b.right.range().start());
            let mut i = left_end;
            let mut anchors = None;
            while i < right_start {
                let c = bytes[i];
                if c == b' ' || c == b'\t' || c == b'\n' || c == b'\x0c' {
                    i += 1;
                    continue;
                }
                let mut right = i + 1;
                if i + 1 < right_start && !matches!(bytes[i + 1], b' ' | b'\t' | b'\n' | b'\x0c') {
                    right += 1;
                }
                anchors = Some((i, right));
                if i + 1 < right_start && c == b')' {
                    i += 1;
                    continue;
                }
                break;
            }
            anchors.map(|(l, r)| (to_chars(l), to_chars(r)))
        }
        ast::Expr::Subscript(s) => {
            let left = usize::from(s.value.range().end());
            let right = usize::from(s.slice.range().end()) + 1;
            Some((to_chars(left), to_chars(right)))
        }
        _ => None,
    }
}

use rustpython_parser::ast::Ranged;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn binop_and_subscript() {
        assert_eq!(caret_anchors("a + b"), Some((2, 3)));
        assert_eq!(caret_anchors("a // b"), Some((2, 4)));
        assert_eq!(caret_anchors("x[1]"), Some((1, 4)));
        assert_eq!(caret_anchors("f(x)"), None);
        assert_eq!(caret_anchors("a +"), None);
    }
}

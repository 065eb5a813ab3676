//! Extents of expressions in a token list: where an expression that starts at
//! a token ends, and where one that ends before a token starts. The error rules
//! use them to find the operands CPython's grammar rules name (`a=disjunction
//! 'if' b=disjunction`, ...) without a full parser.

use super::tokens::{Kind, Tokens};

/// The grammar levels CPython's error rules refer to, loosest last.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Level {
    /// Arithmetic and bitwise operators over primaries (`bitwise_or`).
    BitwiseOr,
    /// Plus comparisons, `not`, `and`, `or` (`disjunction`).
    Disjunction,
    /// Plus conditional expressions and lambdas (`expression`).
    Expression,
}

const BINARY_OPS: &[&str] = &["|", "^", "&", "<<", ">>", "+", "-", "*", "/", "//", "%", "@", "**"];
const COMPARE_OPS: &[&str] = &["<", ">", "==", ">=", "<=", "!="];

/// Operators that separate expressions in any context.
const DELIMITERS: &[&str] =
    &[",", ";", "=", ":=", "->", "+=", "-=", "*=", "/=", "//=", "%=", "@=", "&=", "|=", "^=", ">>=", "<<=", "**="];

impl Tokens<'_> {
    /// Whether token `i` ends an operand (a name, literal or closing bracket).
    pub fn ends_operand(&self, i: usize) -> bool {
        match self.kind(i) {
            Some(Kind::Name) => self.is_identifier(i) || matches!(self.text_of(i), "True" | "False" | "None"),
            Some(Kind::Number | Kind::String) => true,
            Some(Kind::Op) => matches!(self.text_of(i), ")" | "]" | "}" | "..."),
            _ => false,
        }
    }

    /// The end (index of the first token after) of the atom at `i`.
    fn atom_end(&self, i: usize) -> Option<usize> {
        match self.kind(i)? {
            Kind::Name if self.ends_operand(i) => Some(i + 1),
            Kind::Number => Some(i + 1),
            Kind::String => {
                let mut j = i + 1;
                while self.kind(j) == Some(Kind::String) {
                    j += 1;
                }
                Some(j)
            }
            Kind::Op => match self.text_of(i) {
                "..." => Some(i + 1),
                "(" | "[" | "{" => self.matching_close(i).map(|j| j + 1),
                _ => None,
            },
            _ => None,
        }
    }

    /// The end of the primary (atom and trailers) at `i`.
    fn primary_end(&self, i: usize) -> Option<usize> {
        let mut j = self.atom_end(i)?;
        loop {
            if self.is_op(j, ".") && self.is_identifier(j + 1) {
                j += 2;
            } else if self.is_op(j, "(") || self.is_op(j, "[") {
                j = self.matching_close(j)? + 1;
            } else {
                return Some(j);
            }
        }
    }

    /// The end of the `bitwise_or` operand (with unary operators) at `i`.
    fn unary_end(&self, mut i: usize) -> Option<usize> {
        while self.is_op(i, "-") || self.is_op(i, "+") || self.is_op(i, "~") || self.is_name(i, "await") {
            i += 1;
        }
        self.primary_end(i)
    }

    /// The length of the comparison or boolean operator at `i` (0 if none).
    fn logical_op_len(&self, i: usize) -> usize {
        if self.kind(i) == Some(Kind::Op) && COMPARE_OPS.contains(&self.text_of(i)) {
            return 1;
        }
        if self.is_name(i, "not") && self.is_name(i + 1, "in") {
            return 2;
        }
        if self.is_name(i, "is") && self.is_name(i + 1, "not") {
            return 2;
        }
        if ["in", "is", "and", "or"].iter().any(|k| self.is_name(i, k)) {
            return 1;
        }
        0
    }

    /// The end (index of the first token after) of the expression of `level`
    /// that starts at token `i`, or None if none starts there.
    pub fn expr_end(&self, i: usize, level: Level) -> Option<usize> {
        if level == Level::Expression && self.is_name(i, "lambda") {
            let d = self.depth(i);
            let colon = (i + 1..self.len())
                .find(|&j| self.depth(j) == d && (self.is_op(j, ":") || self.kind(j) == Some(Kind::Newline)))
                .filter(|&j| self.is_op(j, ":"))?;
            return self.expr_end(colon + 1, Level::Expression);
        }
        let mut j = i;
        let end = loop {
            if level >= Level::Disjunction {
                while self.is_name(j, "not") {
                    j += 1;
                }
            }
            j = self.unary_end(j)?;
            if self.kind(j) == Some(Kind::Op) && BINARY_OPS.contains(&self.text_of(j)) {
                j += 1;
                continue;
            }
            let n = self.logical_op_len(j);
            if level >= Level::Disjunction && n > 0 {
                j += n;
                continue;
            }
            break j;
        };
        if level == Level::Expression && self.is_name(end, "if") {
            if let Some(cond) = self.expr_end(end + 1, Level::Disjunction) {
                if self.is_name(cond, "else") {
                    return self.expr_end(cond + 1, Level::Expression);
                }
            }
        }
        Some(end)
    }

    /// The end of comma-separated expressions (`star_expressions`) starting at `i`.
    pub fn exprs_end(&self, i: usize) -> Option<usize> {
        let star = |j: usize| j + usize::from(self.is_op(j, "*"));
        let mut end = self.expr_end(star(i), Level::Expression)?;
        while self.is_op(end, ",") {
            match self.expr_end(star(end + 1), Level::Expression) {
                Some(e) => end = e,
                None => break,
            }
        }
        Some(end)
    }

    /// The first token of the run of tokens, ending before `end`, that lies
    /// between separators at the depth of token `end - 1`: after an enclosing
    /// bracket, a comma, an assignment, the start of the line, or a colon that
    /// is not a lambda's.
    pub fn segment_start(&self, end: usize) -> usize {
        if end == 0 {
            return 0;
        }
        let d = self.depth(end - 1);
        let mut j = end;
        while j > 0 {
            let k = j - 1;
            let dk = self.depth(k);
            if dk < d || self.kind(k) == Some(Kind::Newline) {
                break;
            }
            if dk == d && self.kind(k) == Some(Kind::Op) {
                let t = self.text_of(k);
                if DELIMITERS.contains(&t) || (t == ":" && !self.is_lambda_colon(k)) {
                    break;
                }
            }
            j = k;
        }
        j
    }

    /// Whether the ':' at `colon` ends a lambda's parameters.
    fn is_lambda_colon(&self, colon: usize) -> bool {
        let d = self.depth(colon);
        for j in (0..colon).rev() {
            if self.depth(j) < d || self.kind(j) == Some(Kind::Newline) {
                return false;
            }
            if self.depth(j) > d {
                continue;
            }
            if self.is_name(j, "lambda") {
                return true;
            }
            if self.kind(j) == Some(Kind::Op) {
                let t = self.text_of(j);
                if t == ":" || (DELIMITERS.contains(&t) && t != "," && t != "=") {
                    return false;
                }
            }
        }
        false
    }

    /// The first token of the expression of `level` that ends just before
    /// token `end` and starts in its segment (the earliest such start).
    pub fn expr_start(&self, end: usize, level: Level) -> Option<usize> {
        let seg = self.segment_start(end);
        (seg..end).find(|&s| self.expr_end(s, level) == Some(end))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn end_text(src: &str, from: usize, level: Level) -> String {
        let t = Tokens::new(src);
        let e = t.expr_end(from, level).expect(src);
        t.text[t.toks[from].start as usize..t.toks[e - 1].end as usize].to_string()
    }

    #[test]
    fn expression_ends() {
        use Level::*;
        assert_eq!(end_text("a.b(c)[d] + -e ** 2 if x", 0, BitwiseOr), "a.b(c)[d] + -e ** 2");
        assert_eq!(end_text("not a < b and c if d else e, f", 0, Disjunction), "not a < b and c");
        assert_eq!(end_text("not a < b and c if d else e, f", 0, Expression), "not a < b and c if d else e");
        assert_eq!(end_text("lambda x, y=1: x + y, 2", 0, Expression), "lambda x, y=1: x + y");
        assert_eq!(end_text("'a' 'b' c", 0, Expression), "'a' 'b'");
        assert_eq!(end_text("x not in y is not z = 1", 0, Disjunction), "x not in y is not z");
        let t = Tokens::new("print 'a', b, *c\n");
        assert_eq!(t.exprs_end(1), Some(7));
    }

    #[test]
    fn expression_starts() {
        let t = Tokens::new("f(x, a + b c)");
        // tokens: f ( x , a + b c )
        assert_eq!(t.expr_start(7, Level::Disjunction), Some(4));
        let t = Tokens::new("(lambda: a.b := 1)");
        // ( lambda : a . b := 1 )
        assert_eq!(t.expr_start(6, Level::Expression), Some(1));
        let t = Tokens::new("{a: b c}");
        assert_eq!(t.segment_start(5), 3);
        let t = Tokens::new("x = 1 if True\n");
        assert_eq!(t.expr_start(3, Level::Disjunction), Some(2));
    }
}

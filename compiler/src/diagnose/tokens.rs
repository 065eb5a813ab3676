//! A light Python tokenizer for error diagnosis. It splits source text into
//! names, numbers, strings and operators with their bracket depth, and checks
//! numeric literals as CPython's tokenizer does (see [`super::numbers`]). It is
//! only run once the parser has failed, so it favours simplicity over speed.

use super::numbers::{self, NumberError};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    Name,
    Number,
    /// A string literal with its prefix (f-strings are one token, as in 3.11).
    String,
    Op,
    /// The end of a logical line (outside brackets, after a non-blank line).
    Newline,
    EndMarker,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Token {
    pub kind: Kind,
    /// Byte range in the source text.
    pub start: u32,
    pub end: u32,
    /// Number of brackets open around the token; an opening bracket and its
    /// closing bracket have the depth of their surroundings.
    pub depth: u32,
}

/// The tokens of a source text.
pub struct Tokens<'a> {
    pub text: &'a str,
    pub toks: Vec<Token>,
    /// The first invalid numeric literal and where it starts (tokenizing
    /// stops there).
    pub number_error: Option<(usize, NumberError)>,
}

const KEYWORDS: &[&str] = &[
    "False", "None", "True", "and", "as", "assert", "async", "await", "break", "class", "continue", "def", "del",
    "elif", "else", "except", "finally", "for", "from", "global", "if", "import", "in", "is", "lambda", "nonlocal",
    "not", "or", "pass", "raise", "return", "try", "while", "with", "yield",
];

const OPS3: &[&str] = &["**=", "//=", ">>=", "<<=", "..."];
const OPS2: &[&str] =
    &["**", "//", ">>", "<<", "<=", ">=", "==", "!=", "->", ":=", "+=", "-=", "*=", "/=", "%=", "&=", "|=", "^=", "@="];

const STRING_PREFIXES: &[&str] = &["r", "u", "b", "f", "br", "rb", "fr", "rf"];

/// CPython's `is_potential_identifier_start`.
fn ident_start(c: u8) -> bool {
    c.is_ascii_alphabetic() || c == b'_' || c >= 0x80
}

/// CPython's `is_potential_identifier_char`.
pub fn ident_char(c: u8) -> bool {
    c.is_ascii_alphanumeric() || c == b'_' || c >= 0x80
}

impl<'a> Tokens<'a> {
    /// Tokenizes `text`. Stops at the first invalid number or unterminated string.
    pub fn new(text: &'a str) -> Tokens<'a> {
        let b = text.as_bytes();
        let mut toks: Vec<Token> = Vec::new();
        let mut number_error = None;
        let mut depth = 0u32;
        let mut line_has_tokens = false;
        let mut i = 0usize;
        let push = |toks: &mut Vec<Token>, kind, start: usize, end: usize, depth| {
            toks.push(Token { kind, start: start as u32, end: end as u32, depth })
        };
        'outer: while i < b.len() {
            let c = b[i];
            match c {
                b' ' | b'\t' | 0x0c => i += 1,
                b'\n' | b'\r' => {
                    if depth == 0 && line_has_tokens {
                        push(&mut toks, Kind::Newline, i, i + 1, 0);
                        line_has_tokens = false;
                    }
                    i += if c == b'\r' && b.get(i + 1) == Some(&b'\n') { 2 } else { 1 };
                }
                b'#' => {
                    while i < b.len() && b[i] != b'\n' && b[i] != b'\r' {
                        i += 1;
                    }
                }
                b'\\' if matches!(b.get(i + 1), Some(b'\n' | b'\r')) => {
                    i += 2;
                    if b[i - 1] == b'\r' && b.get(i) == Some(&b'\n') {
                        i += 1;
                    }
                }
                b'\'' | b'"' => {
                    let Some(end) = string_end(b, i) else {
                        break 'outer;
                    };
                    push(&mut toks, Kind::String, i, end, depth);
                    line_has_tokens = true;
                    i = end;
                }
                _ if c.is_ascii_digit() || (c == b'.' && b.get(i + 1).is_some_and(u8::is_ascii_digit)) => {
                    match numbers::lex(b, i) {
                        Ok(end) => {
                            push(&mut toks, Kind::Number, i, end, depth);
                            line_has_tokens = true;
                            i = end;
                        }
                        Err(e) => {
                            number_error = Some((i, e));
                            break 'outer;
                        }
                    }
                }
                _ if ident_start(c) => {
                    let mut j = i;
                    while j < b.len() && ident_char(b[j]) {
                        j += 1;
                    }
                    let word = text[i..j].to_ascii_lowercase();
                    if matches!(b.get(j), Some(b'\'' | b'"')) && STRING_PREFIXES.contains(&word.as_str()) {
                        let Some(end) = string_end(b, j) else {
                            break 'outer;
                        };
                        push(&mut toks, Kind::String, i, end, depth);
                        i = end;
                    } else {
                        push(&mut toks, Kind::Name, i, j, depth);
                        i = j;
                    }
                    line_has_tokens = true;
                }
                _ => {
                    let rest = &text[i..];
                    let len = OPS3
                        .iter()
                        .chain(OPS2)
                        .find(|op| rest.starts_with(*op))
                        .map_or_else(|| rest.chars().next().map_or(1, char::len_utf8), |op| op.len());
                    match c {
                        b'(' | b'[' | b'{' => {
                            push(&mut toks, Kind::Op, i, i + 1, depth);
                            depth += 1;
                        }
                        b')' | b']' | b'}' => {
                            depth = depth.saturating_sub(1);
                            push(&mut toks, Kind::Op, i, i + 1, depth);
                        }
                        _ => push(&mut toks, Kind::Op, i, i + len, depth),
                    }
                    line_has_tokens = true;
                    i += len;
                }
            }
        }
        if number_error.is_none() {
            if line_has_tokens {
                push(&mut toks, Kind::Newline, b.len(), b.len(), 0);
            }
            push(&mut toks, Kind::EndMarker, b.len(), b.len(), 0);
        }
        Tokens { text, toks, number_error }
    }

    pub fn len(&self) -> usize {
        self.toks.len()
    }

    /// The source text of token `i` (empty past the end).
    pub fn text_of(&self, i: usize) -> &'a str {
        match self.toks.get(i) {
            Some(t) => &self.text[t.start as usize..t.end as usize],
            None => "",
        }
    }

    pub fn kind(&self, i: usize) -> Option<Kind> {
        self.toks.get(i).map(|t| t.kind)
    }

    pub fn depth(&self, i: usize) -> u32 {
        self.toks.get(i).map_or(0, |t| t.depth)
    }

    /// Whether token `i` is the operator `op`.
    pub fn is_op(&self, i: usize, op: &str) -> bool {
        self.kind(i) == Some(Kind::Op) && self.text_of(i) == op
    }

    /// Whether token `i` is the keyword (or name) `kw`.
    pub fn is_name(&self, i: usize, kw: &str) -> bool {
        self.kind(i) == Some(Kind::Name) && self.text_of(i) == kw
    }

    /// Whether token `i` is a name that is not a keyword.
    pub fn is_identifier(&self, i: usize) -> bool {
        self.kind(i) == Some(Kind::Name) && !KEYWORDS.contains(&self.text_of(i))
    }

    /// The index of the first token starting at or after byte `offset`.
    pub fn index_at(&self, offset: u32) -> usize {
        self.toks.partition_point(|t| t.start < offset)
    }

    /// The index of the token whose range contains byte `offset`, if any.
    pub fn containing(&self, offset: u32) -> Option<usize> {
        let i = self.toks.partition_point(|t| t.end <= offset);
        (self.toks.get(i)?.start <= offset).then_some(i)
    }

    /// The index of the first token of the logical line containing token `i`.
    pub fn line_start(&self, i: usize) -> usize {
        let mut j = i.min(self.len());
        while j > 0 && self.kind(j - 1) != Some(Kind::Newline) {
            j -= 1;
        }
        j
    }

    /// The index of the bracket matching the opening bracket at `i`.
    pub fn matching_close(&self, i: usize) -> Option<usize> {
        let d = self.depth(i);
        (i + 1..self.len()).find(|&j| self.depth(j) == d && matches!(self.text_of(j), ")" | "]" | "}"))
    }

    /// The index of the opening bracket enclosing token `i`, if any.
    pub fn enclosing_open(&self, i: usize) -> Option<usize> {
        let d = self.depth(i);
        if d == 0 {
            return None;
        }
        (0..i.min(self.len())).rev().find(|&j| self.depth(j) == d - 1 && matches!(self.text_of(j), "(" | "[" | "{"))
    }
}

/// The end of the string literal whose opening quote is at `q`, or None if it
/// is unterminated.
fn string_end(b: &[u8], q: usize) -> Option<usize> {
    let quote = b[q];
    let triple = b.get(q + 1) == Some(&quote) && b.get(q + 2) == Some(&quote);
    let mut i = q + if triple { 3 } else { 1 };
    while i < b.len() {
        match b[i] {
            b'\\' => i += 2,
            b'\n' | b'\r' if !triple => return None,
            c if c == quote => {
                if !triple {
                    return Some(i + 1);
                }
                if b.get(i + 1) == Some(&quote) && b.get(i + 2) == Some(&quote) {
                    return Some(i + 3);
                }
                i += 1;
            }
            _ => i += 1,
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(src: &str) -> Vec<(Kind, String, u32)> {
        let t = Tokens::new(src);
        (0..t.len()).map(|i| (t.toks[i].kind, t.text_of(i).to_string(), t.depth(i))).collect()
    }

    #[test]
    fn splits_tokens() {
        use Kind::*;
        let k = kinds("x = f(a, rb'\\'(', **k)  # c\n\nif 1.5e3:\n  y //= 2\n");
        let want: Vec<(Kind, &str, u32)> = vec![
            (Name, "x", 0),
            (Op, "=", 0),
            (Name, "f", 0),
            (Op, "(", 0),
            (Name, "a", 1),
            (Op, ",", 1),
            (String, "rb'\\'('", 1),
            (Op, ",", 1),
            (Op, "**", 1),
            (Name, "k", 1),
            (Op, ")", 0),
            (Newline, "\n", 0),
            (Name, "if", 0),
            (Number, "1.5e3", 0),
            (Op, ":", 0),
            (Newline, "\n", 0),
            (Name, "y", 0),
            (Op, "//=", 0),
            (Number, "2", 0),
            (Newline, "\n", 0),
            (EndMarker, "", 0),
        ];
        let want: Vec<(Kind, std::string::String, u32)> =
            want.into_iter().map(|(k, s, d)| (k, s.to_string(), d)).collect();
        assert_eq!(k, want);
    }

    #[test]
    fn brackets_and_lines() {
        let t = Tokens::new("f(a,\n  [b])\nx");
        assert_eq!(t.matching_close(1), Some(7));
        assert_eq!(t.enclosing_open(5), Some(4));
        assert_eq!(t.enclosing_open(2), Some(1));
        assert_eq!(t.line_start(9), 9);
        assert_eq!(t.line_start(5), 0);
        assert_eq!(t.containing(2), Some(2));
        assert!(Tokens::new("x = 09").number_error.is_some());
    }
}

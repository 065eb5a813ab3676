//! A light pre-scan of the source, tracking only brackets, strings, comments and
//! indentation. It enforces CPython's nesting limits before parsing (deeply
//! nested input must not reach the recursive passes) and supplies the facts
//! behind CPython's clearer messages for unclosed brackets and strings.

/// CPython's tokenizer limits.
const MAX_PAREN_LEVEL: usize = 200;
const MAX_INDENT_LEVEL: usize = 100;

/// A byte offset with its 1-based line.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct At {
    pub offset: u32,
    pub line: u32,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Problem {
    TooManyParens(At),
    TooManyIndents(At),
    /// A string literal without its closing quote; `triple` for `'''`/`"""`.
    UnterminatedString {
        start: At,
        triple: bool,
        detected_line: u32,
    },
    /// A closing bracket with no opening one.
    Unmatched {
        at: At,
        ch: char,
    },
    /// A closing bracket of the wrong kind.
    Mismatched {
        at: At,
        close: char,
        open: char,
        open_at: At,
    },
    /// Brackets still open at the end of the input (the innermost).
    NeverClosed {
        at: At,
        ch: char,
    },
}

/// What the pre-scan learned about a source text.
#[derive(Default)]
pub struct Scan {
    /// The first problem found, if any.
    pub problem: Option<Problem>,
    /// Byte ranges of the whitespace of blank lines that contain tabs. The lexer
    /// would reject mixed tabs and spaces there, although such lines carry no
    /// indentation; see [`blank_tabs_to_spaces`].
    pub blank_tabs: Vec<(usize, usize)>,
}

/// Scans `src`.
pub fn scan(src: &str) -> Scan {
    let mut blank_tabs = Vec::new();
    let problem = scan_into(src, &mut blank_tabs);
    Scan { problem, blank_tabs }
}

/// A copy of `src` with the tabs of blank lines turned into spaces (same length,
/// so offsets are unchanged).
pub fn blank_tabs_to_spaces(src: &str, ranges: &[(usize, usize)]) -> String {
    let mut bytes = src.as_bytes().to_vec();
    for &(a, b) in ranges {
        for c in &mut bytes[a..b] {
            if *c == b'\t' || *c == 0x0c {
                *c = b' ';
            }
        }
    }
    // Only ASCII whitespace bytes were replaced by ASCII spaces.
    String::from_utf8(bytes).unwrap_or_else(|_| src.to_string())
}

fn scan_into(src: &str, blank_tabs: &mut Vec<(usize, usize)>) -> Option<Problem> {
    let b = src.as_bytes();
    let mut i = 0usize;
    let mut line = 1u32;
    let mut stack: Vec<(char, At)> = Vec::new();
    let mut at_line_start = true;
    let mut indents: Vec<usize> = vec![0];
    while i < b.len() {
        let c = b[i];
        if at_line_start && stack.is_empty() {
            // Measure indentation of a logical line (blank/comment lines don't count).
            let mut j = i;
            let mut width = 0usize;
            while j < b.len() && (b[j] == b' ' || b[j] == b'\t' || b[j] == 0x0c) {
                width = if b[j] == b'\t' { (width / 8 + 1) * 8 } else { width + 1 };
                j += 1;
            }
            let blank = j >= b.len() || matches!(b[j], b'\n' | b'\r' | b'#' | b'\\');
            if blank && b[i..j].iter().any(|c| *c == b'\t' || *c == 0x0c) {
                blank_tabs.push((i, j));
            }
            if !blank {
                while indents.len() > 1 && width < *indents.last().unwrap_or(&0) {
                    indents.pop();
                }
                if width > *indents.last().unwrap_or(&0) {
                    indents.push(width);
                    if indents.len() > MAX_INDENT_LEVEL + 1 {
                        return Some(Problem::TooManyIndents(At { offset: j as u32, line }));
                    }
                }
            }
            at_line_start = false;
            i = j;
            continue;
        }
        match c {
            b'\n' => {
                line += 1;
                at_line_start = true;
                i += 1;
            }
            b'\r' => {
                if b.get(i + 1) != Some(&b'\n') {
                    line += 1;
                    at_line_start = true;
                }
                i += 1;
            }
            b'#' => {
                while i < b.len() && b[i] != b'\n' && b[i] != b'\r' {
                    i += 1;
                }
            }
            b'\\' => {
                // Line continuation: the next line continues this one.
                i += 1;
                if b.get(i) == Some(&b'\r') {
                    i += 1;
                }
                if b.get(i) == Some(&b'\n') {
                    i += 1;
                }
                line += 1;
            }
            b'(' | b'[' | b'{' => {
                stack.push((c as char, At { offset: i as u32, line }));
                if stack.len() > MAX_PAREN_LEVEL {
                    return Some(Problem::TooManyParens(At { offset: i as u32, line }));
                }
                i += 1;
            }
            b')' | b']' | b'}' => {
                let at = At { offset: i as u32, line };
                let Some((open, open_at)) = stack.pop() else {
                    return Some(Problem::Unmatched { at, ch: c as char });
                };
                let expected = match open {
                    '(' => b')',
                    '[' => b']',
                    _ => b'}',
                };
                if c != expected {
                    return Some(Problem::Mismatched { at, close: c as char, open, open_at });
                }
                i += 1;
            }
            b'\'' | b'"' => {
                let start = At { offset: string_start(b, i) as u32, line };
                let triple = b.get(i + 1) == Some(&c) && b.get(i + 2) == Some(&c);
                i += if triple { 3 } else { 1 };
                let mut closed = false;
                while i < b.len() {
                    let d = b[i];
                    if d == b'\\' {
                        if b.get(i + 1) == Some(&b'\n') || b.get(i + 1) == Some(&b'\r') {
                            line += 1;
                            if b.get(i + 1) == Some(&b'\r') && b.get(i + 2) == Some(&b'\n') {
                                i += 1;
                            }
                        }
                        i += 2;
                        continue;
                    }
                    if d == b'\n' || (d == b'\r' && b.get(i + 1) != Some(&b'\n')) {
                        if !triple {
                            return Some(Problem::UnterminatedString { start, triple, detected_line: line });
                        }
                        line += 1;
                    }
                    if d == c && (!triple || (b.get(i + 1) == Some(&c) && b.get(i + 2) == Some(&c))) {
                        i += if triple { 3 } else { 1 };
                        closed = true;
                        break;
                    }
                    i += 1;
                }
                if !closed {
                    return Some(Problem::UnterminatedString { start, triple, detected_line: line });
                }
            }
            _ => i += 1,
        }
    }
    stack.last().map(|&(ch, at)| Problem::NeverClosed { at, ch })
}

/// The offset of a string literal including its prefix letters (`rb'...'`).
fn string_start(b: &[u8], quote: usize) -> usize {
    let mut s = quote;
    while s > 0 && s + 3 > quote && b[s - 1].is_ascii_alphabetic() {
        s -= 1;
    }
    // Only a prefix if not part of a longer identifier.
    if s > 0 && (b[s - 1].is_ascii_alphanumeric() || b[s - 1] == b'_' || b[s - 1] >= 0x80) {
        return quote;
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_problems() {
        let scan = |s: &str| super::scan(s).problem;
        assert_eq!(scan("x = (1,\n"), Some(Problem::NeverClosed { at: At { offset: 4, line: 1 }, ch: '(' }));
        assert_eq!(scan("x = )"), Some(Problem::Unmatched { at: At { offset: 4, line: 1 }, ch: ')' }));
        assert!(matches!(scan("x = 'abc"), Some(Problem::UnterminatedString { triple: false, .. })));
        assert!(matches!(
            scan("x = '''abc\n\n"),
            Some(Problem::UnterminatedString { triple: true, detected_line: 3, .. })
        ));
        assert_eq!(scan("s = '(' # (\nf(x)\n"), None);
        assert!(matches!(scan(&"(".repeat(201)), Some(Problem::TooManyParens(_))));
        assert_eq!(scan(&format!("{}{}", "(".repeat(200), ")".repeat(200))), None);
        assert!(scan("x = rb'a\\'b'").is_none());
        let tabs = super::scan("if x:\n    a\n \t\n    b\n").blank_tabs;
        assert_eq!(tabs, vec![(12, 14)]);
        assert_eq!(blank_tabs_to_spaces("a\n \t\n", &[(2, 4)]), "a\n  \n");
    }
}

//! Turning parser errors into CPython-style SyntaxErrors: CPython's wording and,
//! above all, its line and column.

use crate::diagnose::{self, Failure, Tokens};
use crate::scan::{At, Problem};
use crate::source::SourceMap;
use crate::{CompileError, ErrorKind};
use rustpython_parser::lexer::LexicalErrorType;
use rustpython_parser::{ParseError, ParseErrorType, Tok};

/// Converts a problem found by the pre-scan.
pub fn from_problem(src: &SourceMap, p: &Problem) -> CompileError {
    let at = |a: &At| {
        let (line, col) = src.line_col(a.offset);
        (line, col)
    };
    match p {
        Problem::TooManyParens(a) => {
            let (l, c) = at(a);
            src.error_at(ErrorKind::SyntaxError, "too many nested parentheses", l, c, l, c + 1)
        }
        Problem::TooManyIndents(a) => {
            let (l, c) = at(a);
            src.error_at(ErrorKind::IndentationError, "too many levels of indentation", l, c, l, c)
        }
        Problem::UnterminatedString { start, triple, detected_line } => {
            let (l, c) = at(start);
            let what = if *triple { "triple-quoted string literal" } else { "string literal" };
            let msg = format!("unterminated {what} (detected at line {detected_line})");
            src.error_at(ErrorKind::SyntaxError, msg, l, c, l, c)
        }
        Problem::Unmatched { at: a, ch } => {
            let (l, c) = at(a);
            src.error_at(ErrorKind::SyntaxError, format!("unmatched '{ch}'"), l, c, l, c)
        }
        Problem::Mismatched { at: a, close, open, open_at } => {
            let (l, c) = at(a);
            let msg = if open_at.line != a.line {
                format!(
                    "closing parenthesis '{close}' does not match opening parenthesis '{open}' on line {}",
                    open_at.line
                )
            } else {
                format!("closing parenthesis '{close}' does not match opening parenthesis '{open}'")
            };
            src.error_at(ErrorKind::SyntaxError, msg, l, c, l, c)
        }
        Problem::NeverClosed { at: a, ch } => {
            let (l, c) = at(a);
            let mut e = src.error_at(ErrorKind::SyntaxError, format!("'{ch}' was never closed"), l, c, l, c);
            // CPython gives no end column here (its end_offset is 0).
            e.end_offset = 0;
            e
        }
    }
}

/// Length in bytes of the token starting at `offset` (for error ranges).
fn token_len(text: &str, offset: usize) -> usize {
    let rest = text.get(offset..).unwrap_or("");
    let mut chars = rest.char_indices();
    let Some((_, first)) = chars.next() else {
        return 0;
    };
    if first.is_alphanumeric() || first == '_' {
        return rest.find(|c: char| !(c.is_alphanumeric() || c == '_')).unwrap_or(rest.len());
    }
    first.len_utf8()
}

/// The description CPython uses for the compound statement a block follows.
fn block_owner(src: &SourceMap, before_line: u32) -> Option<(String, u32)> {
    let mut line = before_line;
    let mut tries = 0;
    while line > 1 && tries < 50 {
        line -= 1;
        tries += 1;
        let text = src.line_text(line).trim_start();
        if text.is_empty() || text.starts_with('#') {
            continue;
        }
        let mut words = text.split(|c: char| !(c.is_alphanumeric() || c == '_' || c == '*'));
        let mut word = words.next().unwrap_or("");
        if word == "async" {
            word = words.find(|w| !w.is_empty()).unwrap_or("");
        }
        let what = match word {
            "def" => "function definition".to_string(),
            "class" => "class definition".to_string(),
            "if" | "elif" | "else" | "for" | "while" | "with" | "try" | "finally" | "match" | "case" => {
                format!("'{word}' statement")
            }
            "except" | "except*" => {
                if text.starts_with("except*") || text.starts_with("except *") {
                    "'except*' statement".to_string()
                } else {
                    "'except' statement".to_string()
                }
            }
            _ => continue,
        };
        return Some((what, line));
    }
    None
}

/// The last line with non-blank text, and its length (where EOF errors point).
fn last_line(src: &SourceMap) -> (u32, u32) {
    let mut line = src.line_count();
    while line > 1 && src.line_text(line).trim().is_empty() {
        line -= 1;
    }
    (line, src.line_text(line).len() as u32)
}

/// Where a problem of the pre-scan lies, if CPython's tokenizer meets it
/// before the end of the input.
fn problem_offset(p: &Problem) -> Option<u32> {
    match p {
        Problem::UnterminatedString { start, .. } => Some(start.offset),
        Problem::Unmatched { at, .. } | Problem::Mismatched { at, .. } => Some(at.offset),
        _ => None,
    }
}

/// Whether rustpython's error is one CPython's tokenizer reports (and so
/// reports first when it comes first in the source).
fn is_tokenizer_error(err: &ParseErrorType) -> bool {
    match err {
        ParseErrorType::UnrecognizedToken(Tok::Indent, _) => true,
        ParseErrorType::Lexical(lex) => match lex {
            LexicalErrorType::UnrecognizedToken { tok } => !tok.is_ascii(),
            LexicalErrorType::TabError
            | LexicalErrorType::TabsAfterSpaces
            | LexicalErrorType::IndentationError
            | LexicalErrorType::LineContinuationError
            | LexicalErrorType::StringError
            | LexicalErrorType::UnicodeError => true,
            _ => false,
        },
        _ => false,
    }
}

pub fn convert(src: &SourceMap, err: &ParseError, problem: Option<&Problem>) -> CompileError {
    let toks = Tokens::new(src.text);
    // An invalid number literal is a tokenizer error: CPython reports it even
    // when the parser failed earlier, unless the tokenizer found another
    // problem before it.
    if let Some((at, number)) = diagnose::number_error(src, &toks) {
        let earlier_problem = problem.and_then(problem_offset).is_some_and(|p| p < at);
        let earlier_lexical = is_tokenizer_error(&err.error) && u32::from(err.offset) < at;
        if !earlier_problem && !earlier_lexical {
            return number;
        }
    }
    // Unclosed strings and brackets explain most errors better than the parser can.
    if let Some(p) = problem {
        match p {
            Problem::UnterminatedString { .. } | Problem::Unmatched { .. } | Problem::Mismatched { .. } => {
                return from_problem(src, p)
            }
            Problem::NeverClosed { .. } => {
                let at_eof = matches!(err.error, ParseErrorType::Eof | ParseErrorType::Lexical(LexicalErrorType::Eof))
                    || u32::from(err.offset) as usize >= src.text.trim_end().len();
                if at_eof {
                    return from_problem(src, p);
                }
            }
            _ => {}
        }
    }
    let mut offset = u32::from(err.offset);
    if let ParseErrorType::Lexical(LexicalErrorType::UnrecognizedToken { tok }) = &err.error {
        // The lexer reports the position after the bad character.
        offset = offset.saturating_sub(tok.len_utf8() as u32);
    }
    let (line, col) = src.line_col(offset);
    let tlen = match toks.toks.get(toks.index_at(offset)) {
        Some(t) if t.start == offset && t.end > t.start => t.end - t.start,
        _ => token_len(src.text, offset as usize) as u32,
    };
    let explained = |eof: bool| {
        let failure = Failure { at: toks.index_at(offset), eof };
        diagnose::explain(src, &toks, &failure)
    };
    let syntax = |msg: &str| src.error_at(ErrorKind::SyntaxError, msg, line, col, line, col + tlen.max(1));
    match &err.error {
        ParseErrorType::Eof | ParseErrorType::Lexical(LexicalErrorType::Eof) => {
            let (l, len) = last_line(src);
            if src.line_text(l).trim_end().ends_with(':') {
                if let Some((what, hl)) = block_owner(src, l + 1) {
                    let msg = format!("expected an indented block after {what} on line {hl}");
                    return src.error_at(ErrorKind::IndentationError, msg, l, len, l, len);
                }
            }
            if let Some(e) = explained(true) {
                return e;
            }
            src.error_at(ErrorKind::SyntaxError, "unexpected EOF while parsing", l, len, l, len)
        }
        ParseErrorType::UnrecognizedToken(Tok::Indent, _) => {
            let indent = src.line_text(line).len() - src.line_text(line).trim_start().len();
            src.error_at(
                ErrorKind::IndentationError,
                "unexpected indent",
                line,
                (indent as u32).saturating_sub(1),
                line,
                indent as u32,
            )
        }
        ParseErrorType::UnrecognizedToken(_, Some(expected)) if expected == "Indent" => match block_owner(src, line) {
            Some((what, hl)) => src.error_at(
                ErrorKind::IndentationError,
                format!("expected an indented block after {what} on line {hl}"),
                line,
                col,
                line,
                col + tlen,
            ),
            None => src.error_at(ErrorKind::IndentationError, "expected an indented block", line, col, line, col),
        },
        ParseErrorType::UnrecognizedToken(tok, Some(expected)) if expected == "\":\"" => {
            // CPython insists on ':' only after some headers (see the rules).
            explained(false).unwrap_or_else(|| match tok {
                Tok::Newline => src.error_at(ErrorKind::SyntaxError, "expected ':'", line, col, line, col),
                _ => syntax("invalid syntax"),
            })
        }
        ParseErrorType::UnrecognizedToken(Tok::Newline, _) => explained(false)
            .unwrap_or_else(|| src.error_at(ErrorKind::SyntaxError, "invalid syntax", line, col, line, col)),
        ParseErrorType::UnrecognizedToken(..) | ParseErrorType::ExtraToken(_) | ParseErrorType::InvalidToken => {
            explained(false).unwrap_or_else(|| syntax("invalid syntax"))
        }
        ParseErrorType::Lexical(lex) => {
            let msg = match lex {
                LexicalErrorType::IndentationError => {
                    // At the end of input, the parser wanted an indented block.
                    if offset as usize >= src.text.trim_end().len() {
                        let (l, len) = last_line(src);
                        if let (true, Some((what, hl))) =
                            (src.line_text(l).trim_end().ends_with(':'), block_owner(src, l + 1))
                        {
                            let msg = format!("expected an indented block after {what} on line {hl}");
                            return src.error_at(ErrorKind::IndentationError, msg, l, len, l, len);
                        }
                    }
                    // Reported at the end of the offending line, as CPython.
                    let l = line;
                    let len = src.line_text(l).len() as u32;
                    return src.error_at(
                        ErrorKind::IndentationError,
                        "unindent does not match any outer indentation level",
                        l,
                        len,
                        l,
                        len,
                    );
                }
                LexicalErrorType::TabError | LexicalErrorType::TabsAfterSpaces => {
                    return src.error_at(
                        ErrorKind::TabError,
                        "inconsistent use of tabs and spaces in indentation",
                        line,
                        0,
                        line,
                        0,
                    );
                }
                LexicalErrorType::UnrecognizedToken { tok } => {
                    let c = *tok;
                    if c.is_ascii() {
                        "invalid syntax".to_string()
                    } else if c.is_whitespace() || c.is_control() || matches!(c, '\u{200b}'..='\u{200f}' | '\u{feff}') {
                        format!("invalid non-printable character U+{:04X}", c as u32)
                    } else {
                        format!("invalid character '{c}' (U+{:04X})", c as u32)
                    }
                }
                LexicalErrorType::StringError => "unterminated string literal".to_string(),
                LexicalErrorType::UnicodeError => "(unicode error) malformed escape sequence".to_string(),
                LexicalErrorType::NestingError => "too many nested parentheses".to_string(),
                LexicalErrorType::DefaultArgumentError => "non-default argument follows default argument".to_string(),
                LexicalErrorType::DuplicateArgumentError(name) => {
                    format!("duplicate argument '{name}' in function definition")
                }
                LexicalErrorType::PositionalArgumentError => {
                    if let Some(e) = diagnose::unparenthesized_genexp(src, &toks, offset) {
                        return e;
                    }
                    "positional argument follows keyword argument".to_string()
                }
                LexicalErrorType::UnpackedArgumentError => {
                    "iterable argument unpacking follows keyword argument unpacking".to_string()
                }
                LexicalErrorType::DuplicateKeywordArgumentError(name) => {
                    format!("keyword argument repeated: {name}")
                }
                LexicalErrorType::LineContinuationError => {
                    "unexpected character after line continuation character".to_string()
                }
                LexicalErrorType::FStringError(e) => {
                    return diagnose::fstring_error(src, &toks, offset, e);
                }
                LexicalErrorType::OtherError(msg) if msg == "named arguments must follow bare *" => {
                    return diagnose::bare_star_error(src, &toks, offset);
                }
                LexicalErrorType::OtherError(msg) => msg.clone(),
                LexicalErrorType::Eof => "unexpected EOF while parsing".to_string(),
            };
            syntax(&msg)
        }
    }
}

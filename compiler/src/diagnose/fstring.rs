//! f-string errors with CPython 3.11's wording. CPython parses an f-string's
//! contents once the string token is complete, so it reports the errors at the
//! token that follows the string literal(s).

use super::tokens::{Kind, Tokens};
use crate::source::SourceMap;
use crate::{CompileError, ErrorKind};
use rustpython_parser::lexer::LexicalErrorType;
use rustpython_parser::FStringErrorType;
use rustpython_parser::ParseErrorType;

/// CPython's message for an f-string error.
fn message(e: &FStringErrorType) -> String {
    use FStringErrorType::*;
    match e {
        UnclosedLbrace | ExpectedRbrace => "f-string: expecting '}'".into(),
        UnopenedRbrace | SingleRbrace => "f-string: single '}' is not allowed".into(),
        InvalidConversionFlag => "f-string: invalid conversion character: expected 's', 'r', or 'a'".into(),
        EmptyExpression => "f-string: empty expression not allowed".into(),
        MismatchedDelimiter(open, close) => {
            format!("f-string: closing parenthesis '{close}' does not match opening parenthesis '{open}'")
        }
        ExpressionNestedTooDeeply => "f-string: expressions nested too deeply".into(),
        ExpressionCannotInclude('\\') => "f-string expression part cannot include a backslash".into(),
        ExpressionCannotInclude(c) => format!("f-string expression part cannot include '{c}'"),
        Unmatched(c) => format!("f-string: unmatched '{c}'"),
        UnterminatedString => "f-string: unterminated string".into(),
        InvalidExpression(inner) => match &**inner {
            ParseErrorType::Lexical(LexicalErrorType::FStringError(e)) => message(e),
            _ => "f-string: invalid syntax".into(),
        },
    }
}

/// The error for an f-string problem rustpython found at byte `offset`.
pub fn fstring_error(src: &SourceMap, toks: &Tokens, offset: u32, e: &FStringErrorType) -> CompileError {
    let msg = message(e);
    // The token after the string literals containing `offset`.
    let (start, end) = match toks.containing(offset) {
        Some(mut i) => {
            while toks.kind(i) == Some(Kind::String) {
                i += 1;
            }
            match toks.toks.get(i) {
                Some(t) if t.kind == Kind::Newline || t.kind == Kind::EndMarker => (t.start, t.start),
                Some(t) => (t.start, t.end),
                None => (offset, offset),
            }
        }
        None => (offset, offset),
    };
    let (line, col) = src.line_col(start);
    let (end_line, end_col) = src.line_col(end);
    src.error_at(ErrorKind::SyntaxError, msg, line, col, end_line, end_col)
}

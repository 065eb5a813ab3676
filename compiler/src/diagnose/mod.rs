//! Explaining syntax errors as CPython does. rustpython-parser reports where it
//! stopped; CPython's tokenizer and its grammar's `invalid_*` rules produce more
//! specific messages, which this module recovers from the tokens of the source.

mod extent;
mod fstring;
mod numbers;
mod rules;
pub(crate) mod tokens;

use crate::source::SourceMap;
use crate::CompileError;
use crate::ErrorKind;
pub(crate) use fstring::fstring_error;
pub(crate) use rules::{bare_star as bare_star_error, unparenthesized_genexp, Failure};
pub(crate) use tokens::Tokens;

/// The first invalid numeric literal of the source, as CPython's tokenizer
/// reports it, with the byte offset where it starts.
pub(crate) fn number_error(src: &SourceMap, toks: &Tokens) -> Option<(u32, CompileError)> {
    let (start, e) = toks.number_error.as_ref()?;
    let (line, col) = src.line_col(e.at as u32);
    let (end_line, end_col) = src.line_col(e.end as u32);
    Some((*start as u32, src.error_at(ErrorKind::SyntaxError, e.msg.clone(), line, col, end_line, end_col)))
}

/// CPython's message for a parse failure at `f`, when one of its specialised
/// rules applies.
pub(crate) fn explain(src: &SourceMap, toks: &Tokens, f: &Failure) -> Option<CompileError> {
    rules::explain(src, toks, f)
}

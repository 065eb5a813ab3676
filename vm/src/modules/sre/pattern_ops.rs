//! The `re.Pattern` methods that walk every match of a subject: `findall`,
//! `split`, `sub` and `subn`. They follow CPython's loops: matches do not
//! overlap, and an empty match is allowed right after a non-empty one but
//! never twice at one position.

use crate::object::{Obj, PyRef};
use crate::ops;
use crate::runtime::PyResult;
use crate::types::list::new_list;
use crate::types::tuple::new_tuple;
use crate::types::typeobj::Args;
use crate::types::{int, none};

use super::engine::{each_match, Hit};
use super::matchobj::new_match;
use super::pattern::{method_args, ssize_or, this};
use super::subject::{bounds, join, subject, text_of, Text};

/// Group `g` of `hit`, or `missing` when it did not take part.
fn group_or(text: &Text, hit: &Hit, g: usize, missing: impl FnOnce() -> PyRef) -> PyRef {
    let (s, e) = hit.spans[g];
    if s < 0 || e < 0 {
        missing()
    } else {
        text.slice(s as usize, e as usize)
    }
}

/// `findall(string, pos=0, endpos=sys.maxsize)`: whole matches, the one
/// group, or tuples of the groups (unmatched groups give empty strings).
pub fn m_findall(a: Args) -> PyResult {
    let (s, [string, pos, endpos]) = method_args(a, "findall", ["string", "pos", "endpos"], 1)?;
    let p = this(s)?;
    let (pos, endpos) = (ssize_or(pos, 0)?, ssize_or(endpos, i64::MAX)?);
    let text = subject(string.expect("required"), p.kind)?;
    let (start, end) = bounds(pos, endpos, text.len());
    let mut out = Vec::new();
    each_match(&text, &p.code, p.groups, start, end, &mut |hit| {
        let item = match p.groups {
            0 => group_or(&text, &hit, 0, || text.empty()),
            1 => group_or(&text, &hit, 1, || text.empty()),
            n => new_tuple((1..=n).map(|g| group_or(&text, &hit, g, || text.empty())).collect()),
        };
        out.push(item);
        Ok(true)
    })?;
    Ok(new_list(out))
}

/// `split(string, maxsplit=0)`: the pieces between matches, with every
/// group's value (None when unmatched) after each piece. A negative
/// `maxsplit` splits nothing, as CPython's loop.
pub fn m_split(a: Args) -> PyResult {
    let (s, [string, maxsplit]) = method_args(a, "split", ["string", "maxsplit"], 1)?;
    let p = this(s)?;
    let maxsplit = ssize_or(maxsplit, 0)?;
    let text = subject(string.expect("required"), p.kind)?;
    let len = text.len();
    let mut out = Vec::new();
    let mut last = 0;
    if maxsplit >= 0 {
        let mut n = 0i64;
        each_match(&text, &p.code, p.groups, 0, len, &mut |hit| {
            out.push(text.slice(last, hit.start()));
            for g in 1..=p.groups {
                out.push(group_or(&text, &hit, g, none));
            }
            n += 1;
            last = hit.end();
            Ok(maxsplit == 0 || n < maxsplit)
        })?;
    }
    out.push(text.slice(last, len));
    Ok(new_list(out))
}

/// What replaces each match.
enum Filter {
    /// The same object every time (a template without backslashes, or what
    /// `re._subx` returned for a template without group references).
    Literal(PyRef),
    /// Called with the match; its result (unless None) replaces it.
    Call(PyRef),
}

fn is_callable(o: &Obj) -> bool {
    o.class().call.get().is_some()
}

fn filter_of(pattern: &Obj, repl: &Obj) -> PyResult<Filter> {
    if is_callable(repl) {
        return Ok(Filter::Call(repl.to_owned()));
    }
    let literal = match text_of(repl) {
        Some(Text::Str(s, _)) => !s.as_str().contains('\\'),
        Some(Text::Bytes(b)) => !b.contains(&b'\\'),
        None => false,
    };
    if literal {
        return Ok(Filter::Literal(repl.to_owned()));
    }
    // Templates with escapes or group references: `re._subx` compiles them.
    let re = crate::import::import_module("re")?;
    let subx = ops::getattr_str(&re, "_subx")?;
    let f = ops::call2(&subx, pattern, repl)?;
    Ok(if is_callable(&f) { Filter::Call(f) } else { Filter::Literal(f) })
}

/// The result of `sub`/`subn`: the new text and the number of replacements.
fn substitute(a: Args, name: &str) -> PyResult<(PyRef, i64)> {
    let (s, [repl, string, count]) = method_args(a, name, ["repl", "string", "count"], 2)?;
    let p = this(s)?;
    let (repl, string) = (repl.expect("required"), string.expect("required"));
    let count = ssize_or(count, 0)?;
    let filter = filter_of(s, repl)?;
    let text = subject(string, p.kind)?;
    let len = text.len();
    let mut pieces = Vec::new();
    let mut i = 0;
    let mut n = 0i64;
    if count >= 0 {
        each_match(&text, &p.code, p.groups, 0, len, &mut |hit| {
            let (b, e) = (hit.start(), hit.end());
            if i < b {
                pieces.push(text.slice(i, b));
            }
            match &filter {
                Filter::Call(f) => {
                    let m = new_match(s, string, &text, 0, len, hit);
                    let item = ops::call1(f, &m)?;
                    if !item.is_none() {
                        pieces.push(item);
                    }
                }
                Filter::Literal(l) => {
                    if !l.is_none() {
                        pieces.push(l.clone());
                    }
                }
            }
            i = e;
            n += 1;
            Ok(count == 0 || n < count)
        })?;
    }
    if i < len {
        pieces.push(text.slice(i, len));
    }
    Ok((join(text.empty(), pieces)?, n))
}

/// `sub(repl, string, count=0)`.
pub fn m_sub(a: Args) -> PyResult {
    Ok(substitute(a, "sub")?.0)
}

/// `subn(repl, string, count=0)`: `(new_string, number_of_subs)`.
pub fn m_subn(a: Args) -> PyResult {
    let (s, n) = substitute(a, "subn")?;
    Ok(new_tuple(vec![s, int::new_int(n)]))
}

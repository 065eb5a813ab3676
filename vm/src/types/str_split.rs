//! `str.split`, `str.rsplit` and `str.splitlines`.

use crate::object::{Obj, PyRef};
use crate::runtime::{PyErr, PyResult};
use crate::types::int;
use crate::types::list::new_list;
use crate::types::str::{new_str, StrObj};
use crate::types::str_chars::{is_linebreak, is_space};
use crate::types::str_methods::{c_int_arg, keywords, same_or_new};
use crate::types::typeobj::Args;

/// `(sep=None, maxsplit=-1)`; a negative maxsplit means no limit.
fn split_args<'a>(a: Args<'a>, name: &str) -> PyResult<(&'a Obj, Option<&'a str>, usize)> {
    let [sep, maxsplit] = keywords(&a, name, ["sep", "maxsplit"])?;
    let max = match maxsplit {
        None => -1,
        Some(m) => int::expect_i64(m, "ssize_t")?,
    };
    let max = if max < 0 { usize::MAX } else { max as usize };
    let sep = match sep {
        None => None,
        Some(o) if o.is_none() => None,
        Some(o) => match o.downcast::<StrObj>() {
            Some(x) if x.byte_len() == 0 => return Err(PyErr::value_error("empty separator")),
            Some(x) => Some(x.as_str()),
            None => return Err(PyErr::type_error(format!("must be str or None, not {}", o.class().name()))),
        },
    };
    Ok((a.all[0], sep, max))
}

/// CPython's whitespace among ASCII bytes.
#[inline]
fn is_ascii_space(b: u8) -> bool {
    matches!(b, b'\t' | b'\n' | 0x0b | 0x0c | b'\r' | 0x1c..=0x1f | b' ')
}

/// [`split_whitespace`] for ASCII text, byte by byte.
fn split_ascii_whitespace(s: &str, max: usize) -> Vec<&str> {
    let b = s.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    loop {
        while i < b.len() && is_ascii_space(b[i]) {
            i += 1;
        }
        if i == b.len() {
            break;
        }
        if out.len() == max {
            out.push(&s[i..]);
            break;
        }
        let start = i;
        while i < b.len() && !is_ascii_space(b[i]) {
            i += 1;
        }
        out.push(&s[start..i]);
    }
    out
}

/// Splits on runs of whitespace, at most `max` times from the left.
fn split_whitespace(s: &str, max: usize) -> Vec<&str> {
    if s.is_ascii() {
        return split_ascii_whitespace(s, max);
    }
    let mut out = Vec::new();
    let mut rest = s.trim_start_matches(is_space);
    while !rest.is_empty() {
        if out.len() == max {
            out.push(rest);
            break;
        }
        match rest.find(is_space) {
            Some(i) => {
                out.push(&rest[..i]);
                rest = rest[i..].trim_start_matches(is_space);
            }
            None => {
                out.push(rest);
                break;
            }
        }
    }
    out
}

/// Splits on runs of whitespace, at most `max` times from the right
/// (pieces come out in reverse).
fn rsplit_whitespace(s: &str, max: usize) -> Vec<&str> {
    let mut out = Vec::new();
    let mut rest = s.trim_end_matches(is_space);
    while !rest.is_empty() {
        if out.len() == max {
            out.push(rest);
            break;
        }
        match rest.rfind(is_space) {
            Some(i) => {
                let c = rest[i..].chars().next().map_or(1, char::len_utf8);
                out.push(&rest[i + c..]);
                rest = rest[..i].trim_end_matches(is_space);
            }
            None => {
                out.push(rest);
                break;
            }
        }
    }
    out
}

/// The list of pieces; a single piece equal to `s` reuses `obj`.
fn to_list(obj: &Obj, s: &str, pieces: Vec<&str>) -> PyRef {
    let items: Vec<PyRef> =
        pieces.into_iter().map(|p| if p.len() == s.len() { same_or_new(obj) } else { new_str(p) }).collect();
    new_list(items)
}

pub fn m_split(a: Args) -> PyResult {
    let (obj, sep, max) = split_args(a, "split")?;
    let s = StrObj::text(obj);
    let pieces = match sep {
        None => split_whitespace(s, max),
        Some(sep) => s.splitn(max.saturating_add(1), sep).collect(),
    };
    Ok(to_list(obj, s, pieces))
}

pub fn m_rsplit(a: Args) -> PyResult {
    let (obj, sep, max) = split_args(a, "rsplit")?;
    let s = StrObj::text(obj);
    let mut pieces = match sep {
        None => rsplit_whitespace(s, max),
        Some(sep) => s.rsplitn(max.saturating_add(1), sep).collect(),
    };
    pieces.reverse();
    Ok(to_list(obj, s, pieces))
}

pub fn m_splitlines(a: Args) -> PyResult {
    let [keepends] = keywords(&a, "splitlines", ["keepends"])?;
    let obj = a.all[0];
    let keep = match keepends {
        None => false,
        Some(k) => c_int_arg(k)? != 0,
    };
    let s = StrObj::text(obj);
    let mut pieces = Vec::new();
    let mut start = 0;
    let mut iter = s.char_indices().peekable();
    while let Some((i, c)) = iter.next() {
        if !is_linebreak(c) {
            continue;
        }
        let mut end = i + c.len_utf8();
        if c == '\r' && iter.peek().is_some_and(|&(_, n)| n == '\n') {
            iter.next();
            end += 1;
        }
        pieces.push(&s[start..if keep { end } else { i }]);
        start = end;
    }
    if start < s.len() {
        pieces.push(&s[start..]);
    }
    Ok(to_list(obj, s, pieces))
}

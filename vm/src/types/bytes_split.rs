//! Splitting and joining methods of bytes and bytearray: split/rsplit,
//! splitlines, strip/lstrip/rstrip, join.

use crate::object::{Obj, PyRef};
use crate::ops;
use crate::runtime::{PyErr, PyResult};
use crate::types::bytes::BYTES_TYPE;
use crate::types::bytes_args::{buffer, buffer_arg, c_int_arg, keywords, one, positional, ssize_arg};
use crate::types::bytes_methods::{new_like, result_or_self, with_data};
use crate::types::list::{new_list, ListObj};
use crate::types::tuple::TupleObj;
use crate::types::typeobj::Args;

/// ASCII whitespace as bytes methods see it (`Py_ISSPACE`).
pub fn is_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | b'\r' | 0x0b | 0x0c)
}

/// Byte ranges of the whitespace-separated words of `d`, at most `maxsplit`
/// splits; the last range keeps the rest (its far-end whitespace included).
fn split_whitespace(d: &[u8], maxsplit: usize) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut i = 0;
    let n = d.len();
    while i < n {
        while i < n && is_space(d[i]) {
            i += 1;
        }
        if i == n {
            break;
        }
        if out.len() == maxsplit {
            out.push((i, n));
            break;
        }
        let start = i;
        while i < n && !is_space(d[i]) {
            i += 1;
        }
        out.push((start, i));
    }
    out
}

fn rsplit_whitespace(d: &[u8], maxsplit: usize) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut i = d.len();
    while i > 0 {
        while i > 0 && is_space(d[i - 1]) {
            i -= 1;
        }
        if i == 0 {
            break;
        }
        if out.len() == maxsplit {
            out.push((0, i));
            break;
        }
        let end = i;
        while i > 0 && !is_space(d[i - 1]) {
            i -= 1;
        }
        out.push((i, end));
    }
    out.reverse();
    out
}

fn split_sep(d: &[u8], sep: &[u8], maxsplit: usize) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut pos = 0;
    for i in memchr::memmem::find_iter(d, sep).take(maxsplit) {
        out.push((pos, i));
        pos = i + sep.len();
    }
    out.push((pos, d.len()));
    out
}

fn rsplit_sep(d: &[u8], sep: &[u8], maxsplit: usize) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut end = d.len();
    for i in memchr::memmem::rfind_iter(d, sep).take(maxsplit) {
        out.push((i + sep.len(), end));
        end = i;
    }
    out.push((0, end));
    out.reverse();
    out
}

/// The pieces `ranges` of `s` as a list; exactly-bytes `s` is shared when
/// the only piece is all of it.
fn pieces(s: &Obj, ranges: Vec<(usize, usize)>) -> PyRef {
    let whole = with_data(s, |d| ranges.len() == 1 && ranges[0] == (0, d.len()));
    if whole && s.class().is(&BYTES_TYPE) {
        return new_list(vec![s.to_owned()]);
    }
    let parts: Vec<Vec<u8>> = with_data(s, |d| ranges.iter().map(|&(a, b)| d[a..b].to_vec()).collect());
    new_list(parts.into_iter().map(|p| new_like(s, p)).collect())
}

fn split_impl(a: Args, m: &str, rev: bool) -> PyResult {
    let (s, [sep, maxsplit]) = keywords(a, m, ["sep", "maxsplit"], 0)?;
    let maxsplit = match maxsplit {
        Some(v) => ssize_arg(v)?,
        None => -1,
    };
    let maxsplit = if maxsplit < 0 { usize::MAX } else { maxsplit as usize };
    let ranges = match sep.filter(|o| !o.is_none()) {
        None => with_data(s, |d| if rev { rsplit_whitespace(d, maxsplit) } else { split_whitespace(d, maxsplit) }),
        Some(sep) => {
            let sep = buffer_arg(sep)?;
            if sep.is_empty() {
                return Err(PyErr::value_error("empty separator"));
            }
            with_data(s, |d| if rev { rsplit_sep(d, &sep, maxsplit) } else { split_sep(d, &sep, maxsplit) })
        }
    };
    Ok(pieces(s, ranges))
}

pub fn m_split(a: Args) -> PyResult {
    split_impl(a, "split", false)
}
pub fn m_rsplit(a: Args) -> PyResult {
    split_impl(a, "rsplit", true)
}

/// `splitlines(keepends=False)`: lines end at `\n`, `\r` or `\r\n`.
pub fn m_splitlines(a: Args) -> PyResult {
    let (s, [keepends]) = keywords(a, "splitlines", ["keepends"], 0)?;
    let keep = match keepends {
        Some(k) => c_int_arg(k)? != 0,
        None => false,
    };
    let ranges = with_data(s, |d| {
        let mut out = Vec::new();
        let mut i = 0;
        while i < d.len() {
            let start = i;
            while i < d.len() && d[i] != b'\n' && d[i] != b'\r' {
                i += 1;
            }
            let line_end = i;
            if i < d.len() {
                i += if d[i] == b'\r' && d.get(i + 1) == Some(&b'\n') { 2 } else { 1 };
            }
            out.push((start, if keep { i } else { line_end }));
        }
        out
    });
    Ok(pieces(s, ranges))
}

fn strip_impl(a: Args, m: &str, left: bool, right: bool) -> PyResult {
    let (s, [chars]) = positional::<1>(a, m, 0)?;
    let set = match chars.filter(|o| !o.is_none()) {
        Some(c) => Some(buffer_arg(c)?),
        None => None,
    };
    let strip = |b: u8| match &set {
        Some(set) => set.contains(&b),
        None => is_space(b),
    };
    let out = with_data(s, |d| {
        let mut st = 0;
        let mut en = d.len();
        if left {
            while st < en && strip(d[st]) {
                st += 1;
            }
        }
        if right {
            while en > st && strip(d[en - 1]) {
                en -= 1;
            }
        }
        (st > 0 || en < d.len()).then(|| d[st..en].to_vec())
    });
    Ok(result_or_self(s, out))
}

pub fn m_strip(a: Args) -> PyResult {
    strip_impl(a, "strip", true, true)
}
pub fn m_lstrip(a: Args) -> PyResult {
    strip_impl(a, "lstrip", true, false)
}
pub fn m_rstrip(a: Args) -> PyResult {
    strip_impl(a, "rstrip", false, true)
}

/// `sep.join(iterable_of_bytes)`.
pub fn m_join(a: Args) -> PyResult {
    let (s, iterable) = one(a, "join")?;
    let items: Vec<PyRef> = if let Some(t) = iterable.downcast_exact::<TupleObj>() {
        t.as_slice().to_vec()
    } else if let Some(l) = iterable.downcast_exact::<ListObj>() {
        l.to_vec()
    } else {
        let it = ops::iter(iterable).map_err(|e| {
            if e.matches(&crate::types::exceptions::TYPE_ERROR) {
                PyErr::type_error("can only join an iterable")
            } else {
                e
            }
        })?;
        let mut v = Vec::new();
        while let Some(x) = ops::next(&it)? {
            v.push(x);
        }
        v
    };
    if items.len() == 1 && s.class().is(&BYTES_TYPE) && items[0].class().is(&BYTES_TYPE) {
        return Ok(items[0].clone());
    }
    let sep = crate::types::bytes_methods::data_vec(s);
    let mut out = Vec::new();
    for (i, x) in items.iter().enumerate() {
        let Some(b) = buffer(x) else {
            return Err(PyErr::type_error(format!(
                "sequence item {i}: expected a bytes-like object, {} found",
                x.class().name()
            )));
        };
        if i > 0 {
            out.extend_from_slice(&sep);
        }
        out.extend_from_slice(&b);
    }
    Ok(new_like(s, out))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn whitespace_splits() {
        assert_eq!(split_whitespace(b"  a  b c  ", 1), vec![(2, 3), (5, 10)]);
        assert_eq!(rsplit_whitespace(b"  a  b c  ", 1), vec![(0, 6), (7, 8)]);
        assert_eq!(split_whitespace(b"   ", usize::MAX), vec![]);
        assert_eq!(split_whitespace(b"a b", 0), vec![(0, 3)]);
    }

    #[test]
    fn separator_splits() {
        assert_eq!(split_sep(b"a,b,,c", b",", usize::MAX), vec![(0, 1), (2, 3), (4, 4), (5, 6)]);
        assert_eq!(rsplit_sep(b"aXbXc", b"X", 1), vec![(0, 3), (4, 5)]);
        assert_eq!(split_sep(b"", b"x", usize::MAX), vec![(0, 0)]);
    }
}

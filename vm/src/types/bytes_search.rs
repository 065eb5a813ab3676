//! Searching methods of bytes and bytearray: find/rfind/index/rindex/count,
//! replace, startswith/endswith, partition/rpartition, removeprefix/removesuffix.

use crate::object::{Obj, PyRef};
use crate::runtime::{PyErr, PyResult};
use crate::types::bytes_args::{
    adjust, buffer, buffer_arg, old_style, one, positional, slice_bound, ssize_arg, sub_arg, try_alloc,
};
use crate::types::bytes_methods::{new_like, result_or_self, unchanged, with_data};
use crate::types::tuple::{new_tuple, TupleObj};
use crate::types::typeobj::Args;
use crate::types::{int, new_bool};

/// The first occurrence of `needle` in `hay`.
pub fn find_in(hay: &[u8], needle: &[u8]) -> Option<usize> {
    match needle {
        [] => Some(0),
        [b] => memchr::memchr(*b, hay),
        _ => memchr::memmem::find(hay, needle),
    }
}

/// The last occurrence of `needle` in `hay`.
pub fn rfind_in(hay: &[u8], needle: &[u8]) -> Option<usize> {
    match needle {
        [] => Some(hay.len()),
        [b] => memchr::memrchr(*b, hay),
        _ => memchr::memmem::rfind(hay, needle),
    }
}

/// Non-overlapping occurrences of a non-empty `needle`, at most `limit`.
fn count_in(hay: &[u8], needle: &[u8], limit: usize) -> usize {
    match needle {
        [b] => memchr::memchr_iter(*b, hay).take(limit).count(),
        _ => memchr::memmem::find_iter(hay, needle).take(limit).count(),
    }
}

/// Parses `(sub[, start[, end]])` and runs `f(haystack, sub, offset)` on the
/// adjusted range, or returns `empty` when the range cannot hold `sub`.
fn search<R>(a: Args, m: &str, empty: R, f: impl FnOnce(&[u8], &[u8], usize) -> R) -> PyResult<R> {
    let (s, [sub, start, end]) = old_style::<3>(a, m, 1)?;
    let sub = sub_arg(sub.expect("required"))?;
    let (start, end) = (slice_bound(start)?, slice_bound(end)?);
    Ok(with_data(s, |d| {
        let (st, en) = adjust(start, end, d.len());
        if st > d.len() || en < st || en - st < sub.len() {
            return empty;
        }
        f(&d[st..en], &sub, st)
    }))
}

fn find_impl(a: Args, m: &str, rev: bool) -> PyResult<Option<usize>> {
    search(
        a,
        m,
        None,
        |hay, sub, st| {
            if rev {
                rfind_in(hay, sub).map(|i| i + st)
            } else {
                find_in(hay, sub).map(|i| i + st)
            }
        },
    )
}

fn found(r: Option<usize>) -> PyRef {
    match r {
        Some(i) => int::from_usize(i),
        None => int::new_int(-1),
    }
}

fn index_result(r: Option<usize>) -> PyResult {
    r.map(int::from_usize).ok_or_else(|| PyErr::value_error("subsection not found"))
}

pub fn m_find(a: Args) -> PyResult {
    find_impl(a, "find", false).map(found)
}
pub fn m_rfind(a: Args) -> PyResult {
    find_impl(a, "rfind", true).map(found)
}
pub fn m_index(a: Args) -> PyResult {
    index_result(find_impl(a, "index", false)?)
}
pub fn m_rindex(a: Args) -> PyResult {
    index_result(find_impl(a, "rindex", true)?)
}

pub fn m_count(a: Args) -> PyResult {
    let n = search(
        a,
        "count",
        0,
        |hay, sub, _| {
            if sub.is_empty() {
                hay.len() + 1
            } else {
                count_in(hay, sub, usize::MAX)
            }
        },
    )?;
    Ok(int::from_usize(n))
}

/// `replace(old, new, count=-1, /)`.
pub fn m_replace(a: Args) -> PyResult {
    let (s, [old, new, count]) = positional::<3>(a, "replace", 2)?;
    let old = buffer_arg(old.expect("required"))?;
    let new = buffer_arg(new.expect("required"))?;
    let limit = match count {
        Some(c) => ssize_arg(c)?,
        None => -1,
    };
    let limit = if limit < 0 { usize::MAX } else { limit as usize };
    let out = with_data(s, |d| replace(d, &old, &new, limit)).transpose()?;
    Ok(result_or_self(s, out))
}

/// The replaced bytes, or None when nothing changes.
fn replace(d: &[u8], old: &[u8], new: &[u8], limit: usize) -> Option<PyResult<Vec<u8>>> {
    let n = if old.is_empty() { limit.min(d.len() + 1) } else { count_in(d, old, limit) };
    if n == 0 || (old == new) {
        return None;
    }
    let size = (new.len() as u128 * n as u128 + d.len() as u128).saturating_sub(old.len() as u128 * n as u128);
    if size > isize::MAX as u128 {
        return Some(Err(PyErr::overflow_error("replace bytes is too long")));
    }
    let mut out = match try_alloc(size as usize) {
        Ok(v) => v,
        Err(e) => return Some(Err(e)),
    };
    if old.is_empty() {
        for (i, &b) in d.iter().enumerate() {
            if i < n {
                out.extend_from_slice(new);
            }
            out.push(b);
        }
        if n > d.len() {
            out.extend_from_slice(new);
        }
    } else {
        let mut pos = 0;
        for i in memchr::memmem::find_iter(d, old).take(n) {
            out.extend_from_slice(&d[pos..i]);
            out.extend_from_slice(new);
            pos = i + old.len();
        }
        out.extend_from_slice(&d[pos..]);
    }
    Some(Ok(out))
}

/// CPython's `tailmatch`: whether `d[start:end]` starts (or ends) with `sub`.
fn tailmatch(d: &[u8], sub: &[u8], start: Option<i64>, end: Option<i64>, at_end: bool) -> bool {
    let (st, en) = adjust(start, end, d.len());
    if st > d.len() || en < st || en - st < sub.len() {
        return false;
    }
    if at_end {
        &d[en - sub.len()..en] == sub
    } else {
        &d[st..st + sub.len()] == sub
    }
}

fn affix_match(a: Args, m: &str, at_end: bool) -> PyResult {
    let (s, [prefix, start, end]) = old_style::<3>(a, m, 1)?;
    let prefix = prefix.expect("required");
    let (start, end) = (slice_bound(start)?, slice_bound(end)?);
    if let Some(t) = prefix.downcast::<TupleObj>() {
        for item in t.as_slice() {
            let sub = buffer_arg(item)?;
            if with_data(s, |d| tailmatch(d, &sub, start, end, at_end)) {
                return Ok(new_bool(true));
            }
        }
        return Ok(new_bool(false));
    }
    let Some(sub) = buffer(prefix) else {
        return Err(PyErr::type_error(format!(
            "{m} first arg must be bytes or a tuple of bytes, not {}",
            prefix.class().name()
        )));
    };
    Ok(new_bool(with_data(s, |d| tailmatch(d, &sub, start, end, at_end))))
}

pub fn m_startswith(a: Args) -> PyResult {
    affix_match(a, "startswith", false)
}
pub fn m_endswith(a: Args) -> PyResult {
    affix_match(a, "endswith", true)
}

fn partition(a: Args, m: &str, rev: bool) -> PyResult {
    let (s, sep) = one(a, m)?;
    let sep = buffer_arg(sep)?;
    if sep.is_empty() {
        return Err(PyErr::value_error("empty separator"));
    }
    let parts = with_data(s, |d| {
        let i = if rev { rfind_in(d, &sep) } else { find_in(d, &sep) }?;
        Some((d[..i].to_vec(), d[i + sep.len()..].to_vec()))
    });
    let empty = || new_like(s, Vec::new());
    Ok(new_tuple(match parts {
        Some((head, tail)) => vec![new_like(s, head), new_like(s, sep.into_owned()), new_like(s, tail)],
        None if rev => vec![empty(), empty(), unchanged(s)],
        None => vec![unchanged(s), empty(), empty()],
    }))
}

pub fn m_partition(a: Args) -> PyResult {
    partition(a, "partition", false)
}
pub fn m_rpartition(a: Args) -> PyResult {
    partition(a, "rpartition", true)
}

fn remove_affix(a: Args, m: &str, suffix: bool) -> PyResult {
    let (s, affix) = one(a, m)?;
    let affix = buffer_arg(affix)?;
    let out = with_data(s, |d| {
        let rest = if suffix { d.strip_suffix(&affix[..]) } else { d.strip_prefix(&affix[..]) };
        rest.filter(|_| !affix.is_empty()).map(<[u8]>::to_vec)
    });
    Ok(result_or_self(s, out))
}

pub fn m_removeprefix(a: Args) -> PyResult {
    remove_affix(a, "removeprefix", false)
}
pub fn m_removesuffix(a: Args) -> PyResult {
    remove_affix(a, "removesuffix", true)
}

/// `x in b` for a bytes-like haystack: a bytes-like needle or an integer byte.
pub fn contains(hay: &Obj, item: &Obj) -> PyResult<bool> {
    if let Some(needle) = buffer(item) {
        return Ok(with_data(hay, |d| find_in(d, &needle).is_some()));
    }
    match crate::types::bytes_args::byte_int(item)? {
        Some(b) => Ok(with_data(hay, |d| d.contains(&b))),
        None => Err(PyErr::type_error(format!("a bytes-like object is required, not '{}'", item.class().name()))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn find_and_rfind() {
        assert_eq!(find_in(b"hello", b"l"), Some(2));
        assert_eq!(find_in(b"hello", b"lo"), Some(3));
        assert_eq!(find_in(b"hello", b""), Some(0));
        assert_eq!(find_in(b"aab", b"ab"), Some(1));
        assert_eq!(find_in(b"ab", b"abc"), None);
        assert_eq!(rfind_in(b"hello", b"l"), Some(3));
        assert_eq!(rfind_in(b"abab", b"ab"), Some(2));
        assert_eq!(rfind_in(b"hello", b""), Some(5));
        assert_eq!(rfind_in(b"hello", b"x"), None);
        assert_eq!(count_in(b"aaaa", b"aa", usize::MAX), 2);
    }

    #[test]
    fn replace_counts() {
        let r = |d: &[u8], o: &[u8], n: &[u8], l| replace(d, o, n, l).map(|r| r.ok().unwrap_or_default());
        assert_eq!(r(b"abc", b"", b"-", usize::MAX), Some(b"-a-b-c-".to_vec()));
        assert_eq!(r(b"abc", b"", b"-", 2), Some(b"-a-bc".to_vec()));
        assert_eq!(r(b"hello", b"l", b"", 1), Some(b"helo".to_vec()));
        assert_eq!(r(b"hello", b"x", b"y", usize::MAX), None);
        assert_eq!(r(b"", b"", b"x", usize::MAX), Some(b"x".to_vec()));
    }
}

//! `str` searching methods: find/rfind/index/rindex/count, startswith/endswith,
//! replace and partition/rpartition. Positions are character indices; ASCII
//! strings map them to bytes directly, others by walking the UTF-8 once.

use crate::object::{Obj, PyRef};
use crate::runtime::{PyErr, PyResult};
use crate::types::int;
use crate::types::str::{empty_str, from_string, new_str, StrObj};
use crate::types::str_methods::{arg_type_name, one_arg, positional, same_or_new, ssize_arg, this};
use crate::types::tuple::{new_tuple, TupleObj};
use crate::types::typeobj::Args;

/// A `start`/`end` argument: None or an index (big values saturate).
pub(crate) fn slice_index(o: Option<&&Obj>) -> PyResult<Option<i64>> {
    match o {
        None => Ok(None),
        Some(o) if o.is_none() => Ok(None),
        Some(o) => match int::index_saturating(o)? {
            Some(v) => Ok(Some(v)),
            None => Err(PyErr::type_error("slice indices must be integers or None or have an __index__ method")),
        },
    }
}

/// CPython's `ADJUST_INDICES`: negative indices count from the end, `end` is
/// clamped to the length, `start` may exceed it.
pub(crate) fn adjust(start: Option<i64>, end: Option<i64>, len: usize) -> (i64, i64) {
    let len = len as i64;
    let mut end = end.unwrap_or(len);
    let mut start = start.unwrap_or(0);
    if end > len {
        end = len;
    } else if end < 0 {
        end = (end + len).max(0);
    }
    if start < 0 {
        start = (start + len).max(0);
    }
    (start, end)
}

/// The byte range of characters `start..end` (0 <= start <= end <= len).
pub(crate) fn byte_range(s: &StrObj, start: usize, end: usize) -> (usize, usize) {
    if s.is_ascii() {
        return (start, end);
    }
    let t = s.as_str();
    let mut iter = t.char_indices().map(|(i, _)| i).chain(std::iter::once(t.len()));
    let a = iter.nth(start).unwrap_or(t.len());
    let b = if end == start { a } else { iter.nth(end - start - 1).unwrap_or(t.len()) };
    (a, b)
}

/// Characters in `s[..byte]` (ASCII: the byte offset).
fn chars_before(s: &StrObj, from_byte: usize, byte: usize) -> usize {
    if s.is_ascii() {
        byte - from_byte
    } else {
        s.as_str()[from_byte..byte].chars().count()
    }
}

/// Parses `(sub[, start[, end]])` and finds `sub` forwards or backwards;
/// the character index or -1.
fn find_impl(a: &Args, name: &str, reverse: bool) -> PyResult<i64> {
    let p = find_args(a, name)?;
    // The bounds are converted before the substring is checked, as in CPython.
    let (start, end) = (slice_index(p.get(1))?, slice_index(p.get(2))?);
    let sub = p[0]
        .downcast::<StrObj>()
        .ok_or_else(|| PyErr::type_error(format!("must be str, not {}", p[0].class().name())))?;
    let s = this(a.all[0]);
    let (start, end) = adjust(start, end, s.char_len());
    if end - start < sub.char_len() as i64 {
        return Ok(-1);
    }
    let (bs, be) = byte_range(s, start as usize, end as usize);
    let hay = &s.as_str()[bs..be];
    let found = if reverse { hay.rfind(sub.as_str()) } else { hay.find(sub.as_str()) };
    Ok(match found {
        Some(off) => start + chars_before(s, bs, bs + off) as i64,
        None => -1,
    })
}

/// `(sub[, start[, end]])` with `PyArg_ParseTuple`'s messages.
fn find_args<'a>(a: &Args<'a>, name: &str) -> PyResult<&'a [&'a Obj]> {
    if a.kwnames.is_some_and(|k| !k.is_empty()) {
        return Err(PyErr::type_error(format!("{name}() takes no keyword arguments")));
    }
    let n = a.nargs.saturating_sub(1);
    if n == 0 {
        return Err(PyErr::type_error(format!("{name}() takes at least 1 argument (0 given)")));
    }
    if n > 3 {
        return Err(PyErr::type_error(format!("{name}() takes at most 3 arguments ({n} given)")));
    }
    Ok(&a.all[1..a.nargs])
}

pub fn m_find(a: Args) -> PyResult {
    Ok(int::new_int(find_impl(&a, "find", false)?))
}

pub fn m_rfind(a: Args) -> PyResult {
    Ok(int::new_int(find_impl(&a, "rfind", true)?))
}

pub fn m_index(a: Args) -> PyResult {
    match find_impl(&a, "index", false)? {
        -1 => Err(PyErr::value_error("substring not found")),
        i => Ok(int::new_int(i)),
    }
}

pub fn m_rindex(a: Args) -> PyResult {
    match find_impl(&a, "rindex", true)? {
        -1 => Err(PyErr::value_error("substring not found")),
        i => Ok(int::new_int(i)),
    }
}

pub fn m_count(a: Args) -> PyResult {
    let p = find_args(&a, "count")?;
    // The bounds are converted before the substring is checked, as in CPython.
    let (start, end) = (slice_index(p.get(1))?, slice_index(p.get(2))?);
    let sub = p[0]
        .downcast::<StrObj>()
        .ok_or_else(|| PyErr::type_error(format!("must be str, not {}", p[0].class().name())))?;
    let s = this(a.all[0]);
    let (start, end) = adjust(start, end, s.char_len());
    if end < start {
        return Ok(int::new_int(0));
    }
    if sub.byte_len() == 0 {
        return Ok(int::new_int(end - start + 1));
    }
    let (bs, be) = byte_range(s, start as usize, end as usize);
    Ok(int::from_usize(s.as_str()[bs..be].matches(sub.as_str()).count()))
}

/// startswith/endswith: `prefix` is a str or a tuple of str.
fn tail_match(a: Args, name: &str, at_end: bool) -> PyResult {
    let p = find_args(&a, name)?;
    let s = this(a.all[0]);
    let (start, end) = adjust(slice_index(p.get(1))?, slice_index(p.get(2))?, s.char_len());
    let matches = |sub: &StrObj| -> bool {
        let n = sub.char_len() as i64;
        if end - n < start {
            return false;
        }
        if n == 0 {
            return true;
        }
        let (bs, be) = byte_range(s, start as usize, end as usize);
        let hay = &s.as_str()[bs..be];
        if at_end {
            hay.ends_with(sub.as_str())
        } else {
            hay.starts_with(sub.as_str())
        }
    };
    if let Some(t) = p[0].downcast::<TupleObj>() {
        for item in t.as_slice() {
            let Some(sub) = item.downcast::<StrObj>() else {
                return Err(PyErr::type_error(format!(
                    "tuple for {name} must only contain str, not {}",
                    item.class().name()
                )));
            };
            if matches(sub) {
                return Ok(crate::types::new_bool(true));
            }
        }
        return Ok(crate::types::new_bool(false));
    }
    let Some(sub) = p[0].downcast::<StrObj>() else {
        return Err(PyErr::type_error(format!(
            "{name} first arg must be str or a tuple of str, not {}",
            p[0].class().name()
        )));
    };
    Ok(crate::types::new_bool(matches(sub)))
}

pub fn m_startswith(a: Args) -> PyResult {
    tail_match(a, "startswith", false)
}

pub fn m_endswith(a: Args) -> PyResult {
    tail_match(a, "endswith", true)
}

pub fn m_replace(a: Args) -> PyResult {
    let p = positional(&a, "replace", 2, 3)?;
    let mut parts = [""; 2];
    for (i, part) in parts.iter_mut().enumerate() {
        *part = match p[i].downcast::<StrObj>() {
            Some(x) => x.as_str(),
            None => {
                return Err(PyErr::type_error(format!(
                    "replace() argument {} must be str, not {}",
                    i + 1,
                    arg_type_name(p[i])
                )))
            }
        };
    }
    let count = match p.get(2) {
        Some(c) => ssize_arg(c)?,
        None => -1,
    };
    let [old, new] = parts;
    let s = this(a.all[0]).as_str();
    if count == 0 || (!old.is_empty() && !s.contains(old)) || old == new {
        return Ok(same_or_new(a.all[0]));
    }
    let out = if count < 0 { s.replace(old, new) } else { s.replacen(old, new, count as usize) };
    Ok(from_string(out))
}

fn partition(a: Args, name: &str, reverse: bool) -> PyResult {
    let sep_obj = one_arg(&a, name)?;
    let Some(sep) = sep_obj.downcast::<StrObj>() else {
        return Err(PyErr::type_error(format!("must be str, not {}", sep_obj.class().name())));
    };
    if sep.byte_len() == 0 {
        return Err(PyErr::value_error("empty separator"));
    }
    let s = this(a.all[0]).as_str();
    let found = if reverse { s.rfind(sep.as_str()) } else { s.find(sep.as_str()) };
    let items: Vec<PyRef> = match found {
        Some(i) => vec![new_str(&s[..i]), sep_obj.to_owned(), new_str(&s[i + sep.byte_len()..])],
        // CPython returns the object itself here, even for str subclasses.
        None if reverse => vec![empty_str(), empty_str(), a.all[0].to_owned()],
        None => vec![a.all[0].to_owned(), empty_str(), empty_str()],
    };
    Ok(new_tuple(items))
}

pub fn m_partition(a: Args) -> PyResult {
    partition(a, "partition", false)
}

pub fn m_rpartition(a: Args) -> PyResult {
    partition(a, "rpartition", true)
}

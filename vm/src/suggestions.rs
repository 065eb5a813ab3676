//! "Did you mean" suggestions for AttributeError and NameError, with
//! CPython 3.11's candidate sources and its weighted edit distance (moves
//! cost 2, case changes 1), so the same suggestion is chosen.

use crate::object::{Obj, PyRef};
use crate::ops;
use crate::types::exceptions::{self, ExceptionObj};
use crate::types::str::StrObj;

const MAX_CANDIDATE_ITEMS: usize = 750;
const MAX_STRING_SIZE: usize = 40;
const MOVE_COST: usize = 2;
const CASE_COST: usize = 1;

fn substitution_cost(a: u8, b: u8) -> usize {
    if (a & 31) != (b & 31) {
        return MOVE_COST;
    }
    if a == b {
        return 0;
    }
    if a.eq_ignore_ascii_case(&b) {
        CASE_COST
    } else {
        MOVE_COST
    }
}

/// Edit distance between two byte strings, or `max_cost + 1` if it exceeds it.
fn levenshtein(a: &[u8], b: &[u8], max_cost: usize) -> usize {
    let (mut a, mut b) = (a, b);
    while let (Some(x), Some(y)) = (a.first(), b.first()) {
        if x != y {
            break;
        }
        a = &a[1..];
        b = &b[1..];
    }
    while let (Some(x), Some(y)) = (a.last(), b.last()) {
        if x != y {
            break;
        }
        a = &a[..a.len() - 1];
        b = &b[..b.len() - 1];
    }
    if a.is_empty() || b.is_empty() {
        return (a.len() + b.len()) * MOVE_COST;
    }
    if a.len() > MAX_STRING_SIZE || b.len() > MAX_STRING_SIZE {
        return max_cost + 1;
    }
    if b.len() < a.len() {
        std::mem::swap(&mut a, &mut b);
    }
    if (b.len() - a.len()) * MOVE_COST > max_cost {
        return max_cost + 1;
    }
    let mut buffer: Vec<usize> = (1..=a.len()).map(|i| i * MOVE_COST).collect();
    let mut result = 0;
    for (b_index, &code) in b.iter().enumerate() {
        let mut distance = b_index * MOVE_COST;
        result = distance;
        let mut minimum = usize::MAX;
        for (index, &ac) in a.iter().enumerate() {
            let substitute = distance + substitution_cost(code, ac);
            distance = buffer[index];
            let insert_delete = result.min(distance) + MOVE_COST;
            result = insert_delete.min(substitute);
            buffer[index] = result;
            minimum = minimum.min(result);
        }
        if minimum > max_cost {
            return max_cost + 1;
        }
    }
    result
}

fn best_match(candidates: &[String], name: &str) -> Option<String> {
    if candidates.len() >= MAX_CANDIDATE_ITEMS {
        return None;
    }
    let mut best: Option<(&String, usize)> = None;
    for item in candidates {
        if item == name {
            continue;
        }
        let mut max_distance = (name.len() + item.len() + 3) * MOVE_COST / 6;
        if let Some((_, d)) = best {
            max_distance = max_distance.min(d.saturating_sub(1));
        }
        let d = levenshtein(name.as_bytes(), item.as_bytes(), max_distance);
        if d > max_distance {
            continue;
        }
        if best.is_none_or(|(_, bd)| d < bd) {
            best = Some((item, d));
        }
    }
    best.map(|(s, _)| s.clone())
}

fn names_of(list: &PyRef) -> Vec<String> {
    ops::collect_vec(list)
        .unwrap_or_default()
        .iter()
        .filter_map(|x| x.downcast::<StrObj>().map(|s| s.as_str().to_string()))
        .collect()
}

fn dict_keys(d: &Obj) -> Vec<String> {
    d.downcast::<crate::types::dict::DictObj>()
        .map(|d| d.keys().iter().filter_map(|k| k.downcast::<StrObj>().map(|s| s.as_str().to_string())).collect())
        .unwrap_or_default()
}

/// The suggestion CPython would print for `exc`, if any.
pub fn suggestion_for(exc: &Obj) -> Option<String> {
    let e = exc.downcast::<ExceptionObj>()?;
    let t = exc.class();
    if t.is_subtype(&exceptions::ATTRIBUTE_ERROR) {
        let name = e.get_extra(exceptions::EXTRA_NAME)?;
        let obj = e.get_extra(exceptions::EXTRA_OBJ)?;
        let name = name.downcast::<StrObj>()?.as_str().to_string();
        let dir = crate::builtins::builtin("dir").ok()?;
        let list = ops::call1(&dir, &obj).ok()?;
        return best_match(&names_of(&list), &name);
    }
    if t.is_subtype(&exceptions::NAME_ERROR) {
        let name = e.get_extra(exceptions::EXTRA_NAME)?;
        let name = name.downcast::<StrObj>()?.as_str().to_string();
        let mut tb = e.traceback()?;
        while let Some(next) = tb.downcast::<crate::types::traceback::TracebackObj>()?.next() {
            tb = next;
        }
        let frame = tb.downcast::<crate::types::traceback::TracebackObj>()?.frame.clone();
        let code = ops::getattr_str(&frame, "f_code").ok()?;
        let varnames = ops::getattr_str(&code, "co_varnames").ok()?;
        if let Some(s) = best_match(&names_of(&varnames), &name) {
            return Some(s);
        }
        let globals = ops::getattr_str(&frame, "f_globals").ok()?;
        if let Some(s) = best_match(&dict_keys(&globals), &name) {
            return Some(s);
        }
        let builtins = ops::getattr_str(&frame, "f_builtins").ok()?;
        return best_match(&dict_keys(&builtins), &name);
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn distances() {
        assert_eq!(levenshtein(b"apend", b"append", 100), 2);
        assert_eq!(levenshtein(b"Abc", b"abc", 100), 1);
        assert_eq!(best_match(&["append".into(), "extend".into()], "apend"), Some("append".into()));
        assert_eq!(best_match(&["zzzzzz".into()], "apend"), None);
    }
}

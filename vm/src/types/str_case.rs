//! `str` case mapping (upper, lower, casefold, title, capitalize, swapcase)
//! and the character-class predicates (`isalpha`, `istitle`, ...), with
//! CPython's full case mappings and final-sigma rule.

use crate::object::Obj;
use crate::runtime::PyResult;
use crate::types::new_bool;
use crate::types::str::{from_string, StrObj};
use crate::types::str_chars as uc;
use crate::types::str_methods::{no_args, same_or_new};
use crate::types::typeobj::Args;

fn self_arg<'a>(a: Args<'a>, name: &str) -> PyResult<&'a Obj> {
    no_args(&a, name)
}

/// Maps each character with `f`, given all characters (for context rules).
fn map_chars(s: &str, mut f: impl FnMut(&mut String, &[char], usize)) -> String {
    let chars: Vec<char> = s.chars().collect();
    let mut out = String::with_capacity(s.len());
    for i in 0..chars.len() {
        f(&mut out, &chars, i);
    }
    out
}

pub fn m_upper(a: Args) -> PyResult {
    let o = self_arg(a, "str.upper")?;
    let s = StrObj::text(o);
    if s.is_ascii() {
        return Ok(from_string(s.to_ascii_uppercase()));
    }
    let mut out = String::with_capacity(s.len());
    s.chars().for_each(|c| uc::push_upper(&mut out, c));
    Ok(from_string(out))
}

pub fn m_lower(a: Args) -> PyResult {
    let o = self_arg(a, "str.lower")?;
    let s = StrObj::text(o);
    if s.is_ascii() {
        return Ok(from_string(s.to_ascii_lowercase()));
    }
    Ok(from_string(map_chars(s, uc::push_lower_at)))
}

pub fn m_casefold(a: Args) -> PyResult {
    let o = self_arg(a, "str.casefold")?;
    let s = StrObj::text(o);
    if s.is_ascii() {
        return Ok(from_string(s.to_ascii_lowercase()));
    }
    let mut out = String::with_capacity(s.len());
    s.chars().for_each(|c| uc::push_fold(&mut out, c));
    Ok(from_string(out))
}

pub fn m_swapcase(a: Args) -> PyResult {
    let o = self_arg(a, "str.swapcase")?;
    let s = StrObj::text(o);
    Ok(from_string(map_chars(s, |out, chars, i| {
        let c = chars[i];
        if uc::is_upper(c) {
            uc::push_lower_at(out, chars, i);
        } else if uc::is_lower(c) {
            uc::push_upper(out, c);
        } else {
            out.push(c);
        }
    })))
}

pub fn m_title(a: Args) -> PyResult {
    let o = self_arg(a, "str.title")?;
    let s = StrObj::text(o);
    let mut previous_cased = false;
    Ok(from_string(map_chars(s, |out, chars, i| {
        let c = chars[i];
        if previous_cased {
            uc::push_lower_at(out, chars, i);
        } else {
            uc::push_title(out, c);
        }
        previous_cased = uc::is_cased(c);
    })))
}

pub fn m_capitalize(a: Args) -> PyResult {
    let o = self_arg(a, "str.capitalize")?;
    let s = StrObj::text(o);
    if s.is_empty() {
        return Ok(same_or_new(o));
    }
    Ok(from_string(map_chars(s, |out, chars, i| {
        if i == 0 {
            uc::push_title(out, chars[0]);
        } else {
            uc::push_lower_at(out, chars, i);
        }
    })))
}

/// True when `s` is non-empty and every character satisfies `pred`.
fn all_chars(a: Args, name: &str, pred: fn(char) -> bool) -> PyResult {
    let s = StrObj::text(self_arg(a, name)?);
    Ok(new_bool(!s.is_empty() && s.chars().all(pred)))
}

pub fn m_isalpha(a: Args) -> PyResult {
    all_chars(a, "str.isalpha", uc::is_alpha)
}
pub fn m_isdigit(a: Args) -> PyResult {
    all_chars(a, "str.isdigit", uc::is_digit)
}
pub fn m_isdecimal(a: Args) -> PyResult {
    all_chars(a, "str.isdecimal", uc::is_decimal)
}
pub fn m_isnumeric(a: Args) -> PyResult {
    all_chars(a, "str.isnumeric", uc::is_numeric)
}
pub fn m_isalnum(a: Args) -> PyResult {
    all_chars(a, "str.isalnum", uc::is_alnum)
}
pub fn m_isspace(a: Args) -> PyResult {
    all_chars(a, "str.isspace", uc::is_space)
}

pub fn m_isprintable(a: Args) -> PyResult {
    let s = StrObj::text(self_arg(a, "str.isprintable")?);
    Ok(new_bool(s.chars().all(uc::is_printable)))
}

pub fn m_isascii(a: Args) -> PyResult {
    let o = self_arg(a, "str.isascii")?;
    Ok(new_bool(o.downcast::<StrObj>().is_some_and(|s| s.is_ascii())))
}

/// `str.isidentifier` without keyword checks (XID_Start or `_`, then XID_Continue).
pub fn is_identifier(s: &str) -> bool {
    let mut chars = s.chars();
    match chars.next() {
        Some(c) if c == '_' || uc::is_xid_start(c) => chars.all(uc::is_xid_continue),
        _ => false,
    }
}

pub fn m_isidentifier(a: Args) -> PyResult {
    let s = StrObj::text(self_arg(a, "str.isidentifier")?);
    Ok(new_bool(is_identifier(s)))
}

pub fn m_islower(a: Args) -> PyResult {
    let s = StrObj::text(self_arg(a, "str.islower")?);
    let mut cased = false;
    for c in s.chars() {
        if uc::is_upper(c) || uc::is_title(c) {
            return Ok(new_bool(false));
        }
        cased |= uc::is_lower(c);
    }
    Ok(new_bool(cased))
}

pub fn m_isupper(a: Args) -> PyResult {
    let s = StrObj::text(self_arg(a, "str.isupper")?);
    let mut cased = false;
    for c in s.chars() {
        if uc::is_lower(c) || uc::is_title(c) {
            return Ok(new_bool(false));
        }
        cased |= uc::is_upper(c);
    }
    Ok(new_bool(cased))
}

pub fn m_istitle(a: Args) -> PyResult {
    let s = StrObj::text(self_arg(a, "str.istitle")?);
    let mut cased = false;
    let mut previous_cased = false;
    for c in s.chars() {
        if uc::is_upper(c) || uc::is_title(c) {
            if previous_cased {
                return Ok(new_bool(false));
            }
            previous_cased = true;
            cased = true;
        } else if uc::is_lower(c) {
            if !previous_cased {
                return Ok(new_bool(false));
            }
            previous_cased = true;
            cased = true;
        } else {
            previous_cased = false;
        }
    }
    Ok(new_bool(cased))
}

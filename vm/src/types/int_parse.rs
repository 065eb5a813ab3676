//! `int(x)` and `int(s, base)`: conversion and string parsing.

use num_bigint::BigInt;
use num_traits::Num;

use crate::object::{Obj, PyRef};
use crate::ops;
use crate::runtime::{PyErr, PyResult};
use crate::types::int::{self, IntObj};
use crate::types::str::StrObj;
use crate::types::typeobj::Args;

/// Parses `s` as an int literal in `base` (0 = infer from prefix), with
/// underscores and surrounding whitespace allowed, as `int()` does.
pub fn parse_int(s: &str, base: u32) -> Option<BigInt> {
    let t = s.trim();
    let (neg, body) = match t.strip_prefix('-') {
        Some(r) => (true, r),
        None => (false, t.strip_prefix('+').unwrap_or(t)),
    };
    let lower = body.to_ascii_lowercase();
    let (base, digits) = match base {
        0 => {
            if let Some(r) = lower.strip_prefix("0x") {
                (16, r.to_string())
            } else if let Some(r) = lower.strip_prefix("0o") {
                (8, r.to_string())
            } else if let Some(r) = lower.strip_prefix("0b") {
                (2, r.to_string())
            } else {
                if lower.len() > 1 && lower.starts_with('0') && lower.chars().any(|c| c != '0' && c != '_') {
                    return None;
                }
                (10, lower.clone())
            }
        }
        16 => (16, lower.strip_prefix("0x").map_or(lower.clone(), |r| r.to_string())),
        8 => (8, lower.strip_prefix("0o").map_or(lower.clone(), |r| r.to_string())),
        2 => (2, lower.strip_prefix("0b").map_or(lower.clone(), |r| r.to_string())),
        b => (b, lower.clone()),
    };
    let digits = digits.strip_prefix('_').unwrap_or(&digits).to_string();
    if digits.is_empty() || digits.starts_with('_') || digits.ends_with('_') || digits.contains("__") {
        return None;
    }
    let clean: String = digits.chars().filter(|c| *c != '_').collect();
    let clean: String = clean
        .chars()
        .map(|c| if c.is_ascii() { c } else { c.to_digit(10).map_or(c, |d| char::from(b'0' + d as u8)) })
        .collect();
    let v = BigInt::from_str_radix(&clean, base).ok()?;
    Some(if neg { -v } else { v })
}

fn invalid_literal(base: u32, s: &Obj) -> PyErr {
    PyErr::value_error(format!(
        "invalid literal for int() with base {base}: {}",
        ops::repr_string(s).unwrap_or_default()
    ))
}

/// The value of `int(*args)` as an exact int.
pub fn int_new_value(a: Args) -> PyResult<PyRef> {
    let [x, base] = crate::util::args::parse(a, "int", &["x", "/", "base"], 0)?;
    let Some(x) = x else {
        if base.is_some() {
            return Err(PyErr::type_error("int() missing string argument"));
        }
        return Ok(int::new_int(0));
    };
    if let Some(b) = base {
        let b = int::expect_i64(b, "int")?;
        if !(b == 0 || (2..=36).contains(&b)) {
            return Err(PyErr::value_error("int() base must be >= 2 and <= 36, or 0"));
        }
        let text = if let Some(s) = x.downcast::<StrObj>() {
            s.as_str().to_string()
        } else if let Some(bytes) = crate::types::bytes::bytes_of(x) {
            String::from_utf8_lossy(&bytes).into_owned()
        } else {
            return Err(PyErr::type_error("int() can't convert non-string with explicit base"));
        };
        return parse_int(&text, b as u32).map(int::from_bigint).ok_or_else(|| invalid_literal(b as u32, x));
    }
    if x.isa::<IntObj>() {
        return int::int_exact(x);
    }
    if let Some(s) = x.downcast::<StrObj>() {
        return parse_int(s.as_str(), 10).map(int::from_bigint).ok_or_else(|| invalid_literal(10, x));
    }
    if let Some(bytes) = crate::types::bytes::bytes_of(x) {
        let text = String::from_utf8_lossy(&bytes).into_owned();
        return parse_int(&text, 10).map(int::from_bigint).ok_or_else(|| invalid_literal(10, x));
    }
    let r = ops::to_int(x)?;
    int::int_exact(&r)
}

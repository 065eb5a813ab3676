//! `float(x)`: conversion and string parsing.

use crate::object::Obj;
use crate::ops;
use crate::runtime::{PyErr, PyResult};
use crate::types::str::StrObj;

/// Parses a float literal as `float()` accepts it (None if invalid).
pub fn parse_float(s: &str) -> Option<f64> {
    let t = s.trim();
    let lower = t.to_ascii_lowercase();
    let (sign, body) = match lower.strip_prefix('-') {
        Some(r) => (-1.0, r),
        None => (1.0, lower.strip_prefix('+').unwrap_or(&lower)),
    };
    match body {
        "inf" | "infinity" => return Some(sign * f64::INFINITY),
        "nan" => return Some(f64::NAN.copysign(sign)),
        _ => {}
    }
    if body.is_empty() || body.starts_with('_') || body.ends_with('_') || body.contains("__") {
        return None;
    }
    // Underscores only between digits.
    let bytes = body.as_bytes();
    for (i, c) in bytes.iter().enumerate() {
        if *c == b'_' && !(i > 0 && bytes[i - 1].is_ascii_digit() && bytes.get(i + 1).is_some_and(|n| n.is_ascii_digit())) {
            return None;
        }
        if !(c.is_ascii_digit() || matches!(c, b'.' | b'e' | b'+' | b'-' | b'_')) {
            return None;
        }
    }
    let clean: String = body.chars().filter(|c| *c != '_').collect();
    clean.parse::<f64>().ok().map(|v| sign * v)
}

/// The f64 of `float(x)`.
pub fn float_from_obj(x: &Obj) -> PyResult<f64> {
    if let Some(s) = x.downcast::<StrObj>() {
        return parse_float(s.as_str()).ok_or_else(|| {
            PyErr::value_error(format!("could not convert string to float: {}", ops::repr_string(x).unwrap_or_default()))
        });
    }
    if let Some(b) = crate::types::bytes::bytes_of(x) {
        let text = String::from_utf8_lossy(&b).into_owned();
        return parse_float(&text).ok_or_else(|| {
            PyErr::value_error(format!("could not convert string to float: {}", ops::repr_string(x).unwrap_or_default()))
        });
    }
    ops::to_f64(x).map_err(|e| {
        if e.matches(&crate::types::exceptions::TYPE_ERROR) {
            PyErr::type_error(format!(
                "float() argument must be a string or a real number, not '{}'",
                x.class().name()
            ))
        } else {
            e
        }
    })
}

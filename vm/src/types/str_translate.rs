//! `str.translate` and `str.maketrans`.

use std::collections::HashMap;

use crate::object::Obj;
use crate::ops;
use crate::runtime::{PyErr, PyResult};
use crate::types::dict::{new_dict, DictObj};
use crate::types::int::{self, IntObj};
use crate::types::none;
use crate::types::str::{from_string, StrObj};
use crate::types::str_methods::{one_arg, same_or_new};
use crate::types::typeobj::Args;

/// What the table says about one character.
enum Mapped {
    Keep,
    Delete,
    Text(String),
}

fn lookup(table: &Obj, c: char) -> PyResult<Mapped> {
    let key = int::new_int(c as i64);
    let v = match ops::getitem(table, &key) {
        Ok(v) => v,
        Err(e) if e.matches(&crate::types::exceptions::LOOKUP_ERROR) => return Ok(Mapped::Keep),
        Err(e) => return Err(e),
    };
    if v.is_none() {
        return Ok(Mapped::Delete);
    }
    if let Some(i) = v.downcast::<IntObj>() {
        let ch = i
            .as_i64()
            .and_then(|x| u32::try_from(x).ok())
            .filter(|&x| x < 0x110000)
            .ok_or_else(|| PyErr::value_error("character mapping must be in range(0x110000)"))?;
        // Surrogates cannot be stored in Ember's UTF-8 strings.
        let ch = char::from_u32(ch).unwrap_or('\u{fffd}');
        return Ok(Mapped::Text(ch.to_string()));
    }
    if let Some(s) = v.downcast::<StrObj>() {
        return Ok(Mapped::Text(s.as_str().to_string()));
    }
    Err(PyErr::type_error("character mapping must return integer, None or str"))
}

pub fn m_translate(a: Args) -> PyResult {
    let table = one_arg(&a, "translate")?;
    let s = StrObj::text(a.all[0]);
    let mut cache: HashMap<char, Option<String>> = HashMap::new();
    let mut out = String::with_capacity(s.len());
    let mut changed = false;
    for c in s.chars() {
        let m = match cache.get(&c) {
            Some(m) => m.clone(),
            None => {
                let m = match lookup(table, c)? {
                    Mapped::Keep => Some(c.to_string()),
                    Mapped::Delete => None,
                    Mapped::Text(t) => Some(t),
                };
                cache.insert(c, m.clone());
                m
            }
        };
        match m {
            Some(t) => {
                changed |= t.len() != c.len_utf8() || !t.starts_with(c);
                out.push_str(&t);
            }
            None => changed = true,
        }
    }
    if !changed {
        return Ok(same_or_new(a.all[0]));
    }
    Ok(from_string(out))
}

fn str_param(o: &Obj, n: usize) -> PyResult<&str> {
    match o.downcast::<StrObj>() {
        Some(s) => Ok(s.as_str()),
        None => Err(PyErr::type_error(format!(
            "maketrans() argument {n} must be str, not {}",
            crate::types::str_methods::arg_type_name(o)
        ))),
    }
}

/// `str.maketrans(x[, y[, z]])` (a static method: no `self`).
pub fn m_maketrans(a: Args) -> PyResult {
    if a.kwnames.is_some_and(|k| !k.is_empty()) {
        return Err(PyErr::type_error("maketrans() takes no keyword arguments"));
    }
    let n = a.nargs;
    if n == 0 {
        return Err(PyErr::type_error("maketrans expected at least 1 argument, got 0"));
    }
    if n > 3 {
        return Err(PyErr::type_error(format!("maketrans expected at most 3 arguments, got {n}")));
    }
    let p = &a.all[..n];
    let result = new_dict();
    let d = result.downcast::<DictObj>().expect("dict");
    if n == 1 {
        let Some(src) = p[0].downcast::<DictObj>() else {
            return Err(PyErr::type_error("if you give only one argument to maketrans it must be a dict"));
        };
        for (k, v) in src.items() {
            if let Some(ks) = k.downcast::<StrObj>() {
                if ks.char_len() != 1 {
                    return Err(PyErr::value_error("string keys in translate table must be of length 1"));
                }
                let c = ks.as_str().chars().next().unwrap_or('\0');
                d.set_item(&int::new_int(c as i64), v)?;
            } else if k.isa::<IntObj>() {
                d.set_item(&k, v)?;
            } else {
                return Err(PyErr::type_error("keys in translate table must be strings or integers"));
            }
        }
        return Ok(result);
    }
    let y = str_param(p[1], 2)?;
    let z = match p.get(2) {
        Some(z) => Some(str_param(z, 3)?),
        None => None,
    };
    let Some(x) = p[0].downcast::<StrObj>().map(|x| x.as_str()) else {
        return Err(PyErr::type_error("first maketrans argument must be a string if there is a second argument"));
    };
    if x.chars().count() != y.chars().count() {
        return Err(PyErr::value_error("the first two maketrans arguments must have equal length"));
    }
    for (cx, cy) in x.chars().zip(y.chars()) {
        d.set_item(&int::new_int(cx as i64), int::new_int(cy as i64))?;
    }
    if let Some(z) = z {
        for c in z.chars() {
            d.set_item(&int::new_int(c as i64), none())?;
        }
    }
    Ok(result)
}

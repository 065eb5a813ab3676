//! `str` methods, and str <-> bytes encoding.

use crate::object::Obj;
use crate::ops;
use crate::runtime::{PyErr, PyResult};
use crate::types::str::{from_string, StrObj};
use crate::types::typeobj::{Args, MethodDef};
use crate::util::args;

fn text(o: &Obj) -> &str {
    StrObj::text(o)
}

fn encoding_name(enc: Option<&Obj>) -> PyResult<String> {
    match enc {
        None => Ok("utf-8".into()),
        Some(e) => Ok(crate::types::str::expect_str(e, "encoding")?.to_ascii_lowercase().replace('_', "-")),
    }
}

/// Encodes text with a codec name (utf-8, ascii, latin-1).
pub fn encode_str(s: &str, enc: &Obj, errors: Option<&Obj>) -> PyResult<Vec<u8>> {
    let name = encoding_name(Some(enc))?;
    let _ = errors;
    match name.as_str() {
        "utf-8" | "utf8" => Ok(s.as_bytes().to_vec()),
        "ascii" | "latin-1" | "latin1" | "iso-8859-1" => {
            let limit = if name == "ascii" { 128 } else { 256 };
            let mut out = Vec::with_capacity(s.len());
            for (i, c) in s.chars().enumerate() {
                if (c as u32) < limit {
                    out.push(c as u32 as u8);
                } else {
                    let codec = if name == "ascii" { "ascii" } else { "latin-1" };
                    let e = crate::types::exceptions::new_exception(
                        &crate::types::exceptions::UNICODE_ENCODE_ERROR,
                        vec![
                            crate::types::str::new_str(codec),
                            crate::types::str::new_str(s),
                            crate::types::int::from_usize(i),
                            crate::types::int::from_usize(i + 1),
                            crate::types::str::new_str("ordinal not in range(128)".replace("128", &limit.to_string()).as_str()),
                        ],
                    );
                    return Err(PyErr::from_exc(e));
                }
            }
            Ok(out)
        }
        other => Err(PyErr::new(&crate::types::exceptions::LOOKUP_ERROR, format!("unknown encoding: {other}"))),
    }
}

/// Decodes bytes with a codec name.
pub fn decode_bytes(data: &[u8], enc: Option<&Obj>, errors: Option<&Obj>, src: &Obj) -> PyResult {
    let name = encoding_name(enc)?;
    let _ = errors;
    match name.as_str() {
        "utf-8" | "utf8" => match std::str::from_utf8(data) {
            Ok(s) => Ok(crate::types::str::new_str(s)),
            Err(e) => {
                let start = e.valid_up_to();
                let end = start + e.error_len().unwrap_or(data.len() - start).max(1);
                let reason = if e.error_len().is_none() { "unexpected end of data" } else { "invalid start byte" };
                let ex = crate::types::exceptions::new_exception(
                    &crate::types::exceptions::UNICODE_DECODE_ERROR,
                    vec![
                        crate::types::str::new_str("utf-8"),
                        src.to_owned(),
                        crate::types::int::from_usize(start),
                        crate::types::int::from_usize(end.min(start + 1)),
                        crate::types::str::new_str(reason),
                    ],
                );
                Err(PyErr::from_exc(ex))
            }
        },
        "ascii" => {
            if let Some(i) = data.iter().position(|b| *b >= 128) {
                let ex = crate::types::exceptions::new_exception(
                    &crate::types::exceptions::UNICODE_DECODE_ERROR,
                    vec![
                        crate::types::str::new_str("ascii"),
                        src.to_owned(),
                        crate::types::int::from_usize(i),
                        crate::types::int::from_usize(i + 1),
                        crate::types::str::new_str("ordinal not in range(128)"),
                    ],
                );
                return Err(PyErr::from_exc(ex));
            }
            Ok(crate::types::str::new_str(std::str::from_utf8(data).unwrap_or("")))
        }
        "latin-1" | "latin1" | "iso-8859-1" => Ok(from_string(data.iter().map(|b| *b as char).collect())),
        other => Err(PyErr::new(&crate::types::exceptions::LOOKUP_ERROR, format!("unknown encoding: {other}"))),
    }
}

fn m_join(a: Args) -> PyResult {
    let [s, it] = args::exact::<2>(a, "join")?;
    let sep = text(s);
    let items = ops::collect_vec(it)?;
    let mut out = String::new();
    for (i, x) in items.iter().enumerate() {
        let Some(xs) = x.downcast::<StrObj>() else {
            return Err(PyErr::type_error(format!(
                "sequence item {i}: expected str instance, {} found",
                x.class().name()
            )));
        };
        if i > 0 {
            out.push_str(sep);
        }
        out.push_str(xs.as_str());
    }
    Ok(from_string(out))
}

fn m_encode(a: Args) -> PyResult {
    let [s, encoding, errors] = args::parse(a, "encode", &["self", "encoding", "errors"], 1)?;
    let s = s.expect("self");
    let enc = encoding.map(|e| e.to_owned()).unwrap_or_else(|| crate::types::str::new_str("utf-8"));
    Ok(crate::types::bytes::from_vec(encode_str(text(s), &enc, errors)?))
}

fn m_format(a: Args) -> PyResult {
    crate::format::str_format::str_format_method(a)
}

fn m_format_dunder(a: Args) -> PyResult {
    let [s, spec] = args::exact::<2>(a, "__format__")?;
    let spec = crate::types::str::expect_str(spec, "format_spec")?;
    crate::format::spec::format_str_value(text(s), spec)
}

pub static METHODS: &[MethodDef] = &[
    MethodDef::method("join", m_join),
    MethodDef::method("encode", m_encode),
    MethodDef::method("format", m_format),
    MethodDef::method("__format__", m_format_dunder),
];

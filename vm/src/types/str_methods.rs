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

fn opt_str<'a>(o: Option<&'a Obj>, what: &str) -> PyResult<Option<&'a str>> {
    match o {
        None => Ok(None),
        Some(x) => Ok(Some(crate::types::str::expect_str(x, what)?)),
    }
}

/// `str.encode` / `bytes(s, encoding)`.
pub fn encode_str(s: &str, enc: &Obj, errors: Option<&Obj>) -> PyResult<Vec<u8>> {
    crate::codecs::encode(s, opt_str(Some(enc), "encoding")?, opt_str(errors, "errors")?)
}

/// `bytes.decode` / `str(b, encoding)`.
pub fn decode_bytes(data: &[u8], enc: Option<&Obj>, errors: Option<&Obj>, src: &Obj) -> PyResult {
    crate::codecs::decode(data, opt_str(enc, "encoding")?, opt_str(errors, "errors")?, src)
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

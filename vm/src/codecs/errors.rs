//! Codec error handlers (`errors=`) and the UnicodeEncodeError /
//! UnicodeDecodeError exceptions with CPython's arguments.
//!
//! Ember's `str` holds UTF-8 and so no lone surrogates: where CPython's
//! `surrogateescape` / `surrogatepass` handlers would produce one while
//! decoding, Ember raises a UnicodeDecodeError that says so. While encoding
//! those handlers only ever see non-surrogates and behave like `strict`, as in
//! CPython.

use crate::object::{Obj, PyRef};
use crate::runtime::{PyErr, PyResult};
use crate::types::exceptions::{self, new_exception};
use crate::types::{int, str::new_str};

/// An error handler named by `errors=`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Handler<'a> {
    Strict,
    Ignore,
    Replace,
    BackslashReplace,
    XmlCharRefReplace,
    NameReplace,
    SurrogateEscape,
    SurrogatePass,
    /// Looked up (and reported) only when an error actually happens, as CPython does.
    Unknown(&'a str),
}

impl<'a> Handler<'a> {
    pub fn parse(name: Option<&'a str>) -> Handler<'a> {
        match name.unwrap_or("strict") {
            "strict" => Handler::Strict,
            "ignore" => Handler::Ignore,
            "replace" => Handler::Replace,
            "backslashreplace" => Handler::BackslashReplace,
            "xmlcharrefreplace" => Handler::XmlCharRefReplace,
            "namereplace" => Handler::NameReplace,
            "surrogateescape" => Handler::SurrogateEscape,
            "surrogatepass" => Handler::SurrogatePass,
            other => Handler::Unknown(other),
        }
    }
}

#[cold]
fn unknown_handler(name: &str) -> PyErr {
    PyErr::new(&exceptions::LOOKUP_ERROR, format!("unknown error handler name '{name}'"))
}

/// `UnicodeEncodeError(codec, s, start, end, reason)`.
#[cold]
pub fn encode_error(codec: &str, s: &str, start: usize, end: usize, reason: &str) -> PyErr {
    PyErr::from_exc(new_exception(
        &exceptions::UNICODE_ENCODE_ERROR,
        vec![new_str(codec), new_str(s), int::from_usize(start), int::from_usize(end), new_str(reason)],
    ))
}

/// `UnicodeDecodeError(codec, data, start, end, reason)`.
#[cold]
pub fn decode_error(codec: &str, data: PyRef, start: usize, end: usize, reason: &str) -> PyErr {
    PyErr::from_exc(new_exception(
        &exceptions::UNICODE_DECODE_ERROR,
        vec![new_str(codec), data, int::from_usize(start), int::from_usize(end), new_str(reason)],
    ))
}

/// `\xNN`, `\uNNNN` or `\UNNNNNNNN` for a character, as `backslashreplace` writes it.
pub fn push_backslash_escape(out: &mut Vec<u8>, c: char) {
    let v = c as u32;
    let s = if v < 0x100 {
        format!("\\x{v:02x}")
    } else if v < 0x10000 {
        format!("\\u{v:04x}")
    } else {
        format!("\\U{v:08x}")
    };
    out.extend_from_slice(s.as_bytes());
}

/// Handles the unencodable characters `run` (characters `start..start + run.len()`
/// of `s`) while encoding with `codec`: appends the replacement to `out` or
/// raises. Replacements are ASCII, which every codec here encodes as itself.
pub fn encode_run(
    handler: Handler,
    codec: &str,
    s: &str,
    start: usize,
    run: &[char],
    reason: &str,
    out: &mut Vec<u8>,
) -> PyResult<()> {
    match handler {
        Handler::Strict | Handler::SurrogateEscape | Handler::SurrogatePass => {
            return Err(encode_error(codec, s, start, start + run.len(), reason));
        }
        Handler::Unknown(name) => return Err(unknown_handler(name)),
        Handler::Ignore => {}
        Handler::Replace => out.extend(std::iter::repeat_n(b'?', run.len())),
        Handler::BackslashReplace => run.iter().for_each(|&c| push_backslash_escape(out, c)),
        Handler::XmlCharRefReplace => {
            for &c in run {
                out.extend_from_slice(format!("&#{};", c as u32).as_bytes());
            }
        }
        Handler::NameReplace => {
            for &c in run {
                match unicode_names2::name(c) {
                    Some(n) => out.extend_from_slice(format!("\\N{{{n}}}").as_bytes()),
                    None => push_backslash_escape(out, c),
                }
            }
        }
    }
    Ok(())
}

/// Error reporting of one decode call.
pub struct DecodeErrors<'a> {
    pub codec: &'static str,
    pub data: &'a [u8],
    /// The bytes object being decoded, if it is exactly `data` (else the
    /// exception gets a fresh copy).
    pub src: Option<&'a Obj>,
    pub handler: Handler<'a>,
    /// Whether the bytes at an error position encode a surrogate in this codec
    /// (what `surrogatepass` would decode).
    pub encoded_surrogate: fn(&[u8], usize) -> bool,
}

impl DecodeErrors<'_> {
    fn data_obj(&self) -> PyRef {
        match self.src {
            Some(o) if o.class().is(&crate::types::bytes::BYTES_TYPE) => o.to_owned(),
            _ => crate::types::bytes::new_bytes(self.data),
        }
    }

    /// Handles undecodable bytes `start..end`: appends the replacement to `out`
    /// or raises. Decoding resumes at `end`.
    pub fn handle(&self, out: &mut String, start: usize, end: usize, reason: &str) -> PyResult<()> {
        let bad = &self.data[start..end];
        match self.handler {
            Handler::Strict => Err(decode_error(self.codec, self.data_obj(), start, end, reason)),
            Handler::Unknown(name) => Err(unknown_handler(name)),
            Handler::Ignore => Ok(()),
            Handler::Replace => {
                out.push('\u{fffd}');
                Ok(())
            }
            Handler::BackslashReplace => {
                for b in bad {
                    out.push_str(&format!("\\x{b:02x}"));
                }
                Ok(())
            }
            Handler::XmlCharRefReplace | Handler::NameReplace => {
                Err(PyErr::type_error("don't know how to handle UnicodeDecodeError in error callback"))
            }
            Handler::SurrogateEscape if bad.iter().all(|&b| b >= 0x80) => Err(self.lone_surrogate(start, end, reason)),
            Handler::SurrogatePass if (self.encoded_surrogate)(self.data, start) => {
                Err(self.lone_surrogate(start, end, reason))
            }
            Handler::SurrogateEscape | Handler::SurrogatePass => {
                Err(decode_error(self.codec, self.data_obj(), start, end, reason))
            }
        }
    }

    #[cold]
    fn lone_surrogate(&self, start: usize, end: usize, reason: &str) -> PyErr {
        let name = if self.handler == Handler::SurrogateEscape { "surrogateescape" } else { "surrogatepass" };
        let reason = format!(
            "{reason} (the '{name}' error handler would decode it to a lone surrogate, which Ember's str cannot hold)"
        );
        decode_error(self.codec, self.data_obj(), start, end, &reason)
    }
}

/// For codecs in which no byte sequence encodes a surrogate.
pub fn no_surrogates(_data: &[u8], _pos: usize) -> bool {
    false
}

//! Text encodings: `str.encode`, `bytes.decode` and `str(b, encoding)` for the
//! codecs Ember implements natively (UTF-8, UTF-8-SIG, UTF-16, UTF-32, ASCII,
//! Latin-1, cp1252, raw_unicode_escape) with CPython's names and aliases, error handlers and
//! exception arguments.

mod charmap;
mod errors;
mod escape;
mod lookup;
mod utf16;
mod utf8;

use crate::object::{Obj, PyRef};
use crate::runtime::{PyErr, PyResult};
use charmap::Charset;
pub use errors::Handler;
use errors::{no_surrogates, DecodeErrors};
pub use lookup::{lookup, normalize, Codec, Endian};

const UTF8_BOM: &[u8] = b"\xEF\xBB\xBF";

/// Encodes `s` with `encoding` (default utf-8) and `errors` (default strict).
pub fn encode(s: &str, encoding: Option<&str>, errors: Option<&str>) -> PyResult<Vec<u8>> {
    let codec = match encoding {
        None => Codec::Utf8,
        Some(name) => lookup(name)?,
    };
    let handler = Handler::parse(errors);
    let r = match codec {
        Codec::Utf8 => Ok(s.as_bytes().to_vec()),
        Codec::Utf8Sig => Ok([UTF8_BOM, s.as_bytes()].concat()),
        Codec::Ascii => Charset::Ascii.encode(s, handler),
        Codec::Latin1 => Charset::Latin1.encode(s, handler),
        Codec::Cp1252 => Charset::Cp1252.encode(s, handler),
        Codec::Utf16(order) => Ok(utf16::encode(s, 2, order)),
        Codec::Utf32(order) => Ok(utf16::encode(s, 4, order)),
        Codec::RawUnicodeEscape => Ok(escape::raw_encode(s)),
    };
    r.map_err(|e| wrap_codec_error(e, "encoding", encoding))
}

/// Whether CPython handles `name` in C without the codec registry
/// (`PyUnicode_Decode`'s shortcuts); errors of other codecs get wrapped.
fn is_builtin_shortcut(name: &str) -> bool {
    matches!(
        normalize(name).as_str(),
        "utf_8"
            | "utf8"
            | "utf_16"
            | "utf16"
            | "utf_32"
            | "utf32"
            | "ascii"
            | "us_ascii"
            | "latin1"
            | "latin_1"
            | "iso_8859_1"
            | "iso8859_1"
    )
}

/// CPython's `wrap_codec_error`: a TypeError or LookupError raised inside a
/// registry codec becomes "decoding with 'NAME' codec failed (TypeError: ...)"
/// of the same type, caused by the original.
fn wrap_codec_error(e: PyErr, operation: &str, encoding: Option<&str>) -> PyErr {
    use crate::types::exceptions::{ExceptionObj, LOOKUP_ERROR, TYPE_ERROR};
    let Some(name) = encoding.filter(|n| !is_builtin_shortcut(n)) else {
        return e;
    };
    let ty = e.class();
    if !ty.is(&TYPE_ERROR) && !ty.is(&LOOKUP_ERROR) {
        return e;
    }
    let msg = crate::ops::str_lossy(e.exc());
    let wrapped = PyErr::new(ty, format!("{operation} with '{name}' codec failed ({}: {msg})", ty.name()));
    ExceptionObj::set_cause_of(wrapped.exc(), e.into_exc());
    wrapped
}

/// Decodes `data` (the contents of the bytes-like object `src`) with
/// `encoding` (default utf-8) and `errors` (default strict).
pub fn decode(data: &[u8], encoding: Option<&str>, errors: Option<&str>, src: &Obj) -> PyResult<PyRef> {
    let codec = match encoding {
        None => Codec::Utf8,
        Some(name) => lookup(name)?,
    };
    // Valid UTF-8 (and ASCII, which every codec here except UTF-16/32 maps to itself).
    let plain = matches!(codec, Codec::Utf8 | Codec::Ascii | Codec::Latin1 | Codec::Cp1252) && data.is_ascii();
    if plain || codec == Codec::Utf8 {
        if let Ok(s) = std::str::from_utf8(data) {
            return Ok(crate::types::str::new_str(s));
        }
    }
    decode_string(codec, data, Handler::parse(errors), Some(src))
        .map(crate::types::str::from_string)
        .map_err(|e| wrap_codec_error(e, "decoding", encoding))
}

/// Decodes `data` with `codec` into a Rust string.
pub fn decode_string(codec: Codec, data: &[u8], handler: Handler, src: Option<&Obj>) -> PyResult<String> {
    let mut e = DecodeErrors { codec: "utf-8", data, src, handler, encoded_surrogate: utf8::encoded_surrogate };
    match codec {
        Codec::Utf8 => utf8::decode(&e),
        Codec::Utf8Sig => match data.strip_prefix(UTF8_BOM) {
            Some(rest) => decode_string(Codec::Utf8, rest, handler, None),
            None => utf8::decode(&e),
        },
        Codec::Ascii | Codec::Latin1 | Codec::Cp1252 => {
            let cs = match codec {
                Codec::Ascii => Charset::Ascii,
                Codec::Latin1 => Charset::Latin1,
                _ => Charset::Cp1252,
            };
            e.codec = cs.name();
            e.encoded_surrogate = no_surrogates;
            cs.decode(&e)
        }
        Codec::RawUnicodeEscape => {
            e.codec = "rawunicodeescape";
            e.encoded_surrogate = no_surrogates;
            escape::raw_decode(&e)
        }
        Codec::Utf16(order) | Codec::Utf32(order) => {
            let width = if matches!(codec, Codec::Utf16(_)) { 2 } else { 4 };
            let (order, start) = match order {
                Some(o) => (o, 0),
                None => utf16::detect_bom(data, width).unwrap_or((Endian::Little, 0)),
            };
            e.codec = utf16::codec_name(width, order);
            e.encoded_surrogate = match (width, order) {
                (2, Endian::Little) => utf16::surrogate16_le,
                (2, Endian::Big) => utf16::surrogate16_be,
                (_, Endian::Little) => utf16::surrogate32_le,
                (_, Endian::Big) => utf16::surrogate32_be,
            };
            if width == 2 {
                utf16::decode16(&e, start, order)
            } else {
                utf16::decode32(&e, start, order)
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dec(codec: Codec, data: &[u8], errors: &str) -> String {
        decode_string(codec, data, Handler::parse(Some(errors)), None).expect("decodes")
    }

    #[test]
    fn utf8_replacement_follows_maximal_subparts() {
        assert_eq!(dec(Codec::Utf8, b"a\xed\xa0\x80b", "replace"), "a\u{fffd}\u{fffd}\u{fffd}b");
        assert_eq!(dec(Codec::Utf8, b"\xe6\x97x", "replace"), "\u{fffd}x");
        assert_eq!(dec(Codec::Utf8, b"\xf0\x90\x80", "backslashreplace"), "\\xf0\\x90\\x80");
        assert_eq!(dec(Codec::Utf8, b"a\xffb", "ignore"), "ab");
        assert_eq!(dec(Codec::Utf8Sig, b"\xef\xbb\xbfx\xef\xbb\xbf", "strict"), "x\u{feff}");
    }

    #[test]
    fn utf16_and_utf32() {
        let s = "h\u{e9}\u{1F600}";
        for codec in
            [Codec::Utf16(None), Codec::Utf16(Some(Endian::Big)), Codec::Utf32(None), Codec::Utf32(Some(Endian::Big))]
        {
            let enc = encode(
                s,
                Some(match codec {
                    Codec::Utf16(None) => "utf-16",
                    Codec::Utf16(_) => "utf-16-be",
                    Codec::Utf32(None) => "utf-32",
                    _ => "utf-32-be",
                }),
                None,
            )
            .expect("encodes");
            assert_eq!(dec(codec, &enc, "strict"), s);
        }
        assert_eq!(dec(Codec::Utf16(None), b"\xfe\xff\x00a", "strict"), "a");
        assert_eq!(dec(Codec::Utf16(Some(Endian::Little)), b"\x00\xd8\x00\xd8", "replace"), "\u{fffd}\u{fffd}");
        assert_eq!(dec(Codec::Utf32(Some(Endian::Big)), b"\x00\x00\x00\xff\xff\xff\xff", "replace"), "\u{ff}\u{fffd}");
    }

    #[test]
    fn charsets() {
        assert_eq!(dec(Codec::Cp1252, b"\x80\x81\x9f", "replace"), "\u{20ac}\u{fffd}\u{178}");
        assert_eq!(encode("a\u{20ac}\u{178}", Some("cp1252"), None).ok(), Some(b"a\x80\x9f".to_vec()));
        assert_eq!(
            encode("a\u{e9}\u{20ac}", Some("ascii"), Some("xmlcharrefreplace")).ok(),
            Some(b"a&#233;&#8364;".to_vec())
        );
        assert_eq!(encode("\u{20ac}", Some("latin-1"), Some("namereplace")).ok(), Some(b"\\N{EURO SIGN}".to_vec()));
        assert_eq!(encode("\u{1F600}", Some("ascii"), Some("backslashreplace")).ok(), Some(b"\\U0001f600".to_vec()));
    }
}

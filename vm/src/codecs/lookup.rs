//! Codec lookup: CPython's encoding-name normalisation and the aliases of the
//! codecs Ember implements (from `encodings/aliases.py`).

use crate::runtime::{PyErr, PyResult};
use crate::types::exceptions;

/// Byte order of the UTF-16/UTF-32 codecs.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Endian {
    Little,
    Big,
}

/// A codec Ember implements natively.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Codec {
    Utf8,
    /// UTF-8 with a byte order mark (written on encode, skipped on decode).
    Utf8Sig,
    Ascii,
    Latin1,
    Cp1252,
    /// `None`: with a byte order mark (written on encode, detected on decode).
    Utf16(Option<Endian>),
    Utf32(Option<Endian>),
    RawUnicodeEscape,
}

/// `encodings.normalize_encoding` applied to the lowercased name: runs of
/// characters other than ASCII alphanumerics and `.` become one `_`, leading
/// and trailing ones are dropped.
pub fn normalize(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    let mut punct = false;
    for c in name.chars().flat_map(char::to_lowercase) {
        if c.is_alphanumeric() || c == '.' {
            if punct && !out.is_empty() {
                out.push('_');
            }
            if c.is_ascii() {
                out.push(c);
            }
            punct = false;
        } else {
            punct = true;
        }
    }
    out
}

/// The module name (`encodings.<module>`) of a normalised alias.
fn alias(norm: &str) -> Option<&'static str> {
    Some(match norm {
        "646" | "ansi_x3.4_1968" | "ansi_x3.4_1986" | "ansi_x3_4_1968" | "cp367" | "csascii" | "ibm367"
        | "iso646_us" | "iso_646.irv_1991" | "iso_ir_6" | "us" | "us_ascii" => "ascii",
        "1252" | "windows_1252" => "cp1252",
        "8859" | "cp819" | "csisolatin1" | "ibm819" | "iso8859" | "iso8859_1" | "iso_8859_1" | "iso_8859_1_1987"
        | "iso_ir_100" | "l1" | "latin" | "latin1" => "latin_1",
        "u16" | "utf16" => "utf_16",
        "unicodebigunmarked" | "utf_16be" => "utf_16_be",
        "unicodelittleunmarked" | "utf_16le" => "utf_16_le",
        "u32" | "utf32" => "utf_32",
        "utf_32be" => "utf_32_be",
        "utf_32le" => "utf_32_le",
        "cp65001" | "u8" | "utf" | "utf8" | "utf8_ucs2" | "utf8_ucs4" => "utf_8",
        _ => return None,
    })
}

fn module_codec(module: &str) -> Option<Codec> {
    Some(match module {
        "utf_8" => Codec::Utf8,
        "utf_8_sig" => Codec::Utf8Sig,
        "ascii" => Codec::Ascii,
        "latin_1" => Codec::Latin1,
        "cp1252" => Codec::Cp1252,
        "utf_16" => Codec::Utf16(None),
        "utf_16_le" => Codec::Utf16(Some(Endian::Little)),
        "utf_16_be" => Codec::Utf16(Some(Endian::Big)),
        "utf_32" => Codec::Utf32(None),
        "utf_32_le" => Codec::Utf32(Some(Endian::Little)),
        "utf_32_be" => Codec::Utf32(Some(Endian::Big)),
        "raw_unicode_escape" => Codec::RawUnicodeEscape,
        _ => return None,
    })
}

/// Finds the codec for an encoding name: `LookupError: unknown encoding: NAME`
/// (the name as given) for anything else.
pub fn lookup(name: &str) -> PyResult<Codec> {
    match name {
        // The common spellings, without allocating.
        "utf-8" | "utf8" | "UTF-8" => return Ok(Codec::Utf8),
        "ascii" => return Ok(Codec::Ascii),
        "latin-1" | "latin1" => return Ok(Codec::Latin1),
        _ => {}
    }
    if name.contains('\0') {
        return Err(PyErr::value_error("embedded null character"));
    }
    let norm = normalize(name);
    let found = match alias(&norm).or_else(|| alias(&norm.replace('.', "_"))) {
        Some(module) => module_codec(module),
        None if norm.contains('.') => None,
        None => module_codec(&norm),
    };
    found.ok_or_else(|| PyErr::new(&exceptions::LOOKUP_ERROR, format!("unknown encoding: {name}")))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normalisation_matches_cpython() {
        assert_eq!(normalize(" UTF--8 "), "utf_8");
        assert_eq!(normalize("utf 8"), "utf_8");
        assert_eq!(normalize("_utf8"), "utf8");
        assert_eq!(normalize("ISO_8859-1:1987"), "iso_8859_1_1987");
        assert_eq!(normalize("u.t.f-8"), "u.t.f_8");
    }

    #[test]
    fn aliases() {
        let ok = |n: &str| module_codec(alias(&normalize(n)).unwrap_or(&normalize(n)));
        assert_eq!(ok("U8"), Some(Codec::Utf8));
        assert_eq!(ok("cp65001"), Some(Codec::Utf8));
        assert_eq!(ok("UTF-8-SIG"), Some(Codec::Utf8Sig));
        assert_eq!(ok("utf8_sig"), None);
        assert_eq!(ok("ANSI_X3.4-1968"), Some(Codec::Ascii));
        assert_eq!(ok("windows-1252"), Some(Codec::Cp1252));
        assert_eq!(ok("UnicodeLittleUnmarked"), Some(Codec::Utf16(Some(Endian::Little))));
        assert_eq!(ok("U32"), Some(Codec::Utf32(None)));
        assert_eq!(ok("mbcs"), None);
    }
}

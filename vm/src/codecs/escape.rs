//! The `raw_unicode_escape` codec (pickle protocol 0 writes str with it):
//! code points below 256 are their byte, others `\uXXXX` or `\UXXXXXXXX`;
//! decoding turns those escapes back when they follow an odd number of
//! backslashes, and takes every other byte as Latin-1.

use super::errors::DecodeErrors;
use crate::runtime::PyResult;

pub fn raw_encode(s: &str) -> Vec<u8> {
    let mut out = Vec::with_capacity(s.len());
    for c in s.chars() {
        let cp = u32::from(c);
        if cp < 0x100 {
            out.push(cp as u8);
        } else if cp < 0x10000 {
            out.extend_from_slice(format!("\\u{cp:04x}").as_bytes());
        } else {
            out.extend_from_slice(format!("\\U{cp:08x}").as_bytes());
        }
    }
    out
}

pub fn raw_decode(e: &DecodeErrors) -> PyResult<String> {
    let data = e.data;
    let mut out = String::with_capacity(data.len());
    let mut i = 0;
    while i < data.len() {
        let b = data[i];
        if b != b'\\' {
            out.push(char::from(b));
            i += 1;
            continue;
        }
        let run_start = i;
        while i < data.len() && data[i] == b'\\' {
            i += 1;
        }
        let run = i - run_start;
        let escape = run % 2 == 1 && matches!(data.get(i), Some(b'u' | b'U'));
        let literal = if escape { run - 1 } else { run };
        out.extend(std::iter::repeat_n('\\', literal));
        if !escape {
            continue;
        }
        let start = i - 1;
        let (digits, truncated) =
            if data[i] == b'u' { (4, "truncated \\uXXXX escape") } else { (8, "truncated \\UXXXXXXXX escape") };
        i += 1;
        let mut value: u32 = 0;
        let mut got = 0;
        while got < digits {
            match data.get(i).and_then(|d| char::from(*d).to_digit(16)) {
                Some(d) => {
                    value = (value << 4) | d;
                    i += 1;
                    got += 1;
                }
                None => break,
            }
        }
        if got < digits {
            e.handle(&mut out, start, i, truncated)?;
            continue;
        }
        if value > 0x10ffff {
            e.handle(&mut out, start, i, "\\Uxxxxxxxx out of range")?;
            continue;
        }
        // A surrogate has no place in Ember's str: it decodes to U+FFFD.
        out.push(char::from_u32(value).unwrap_or('\u{fffd}'));
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::codecs::errors::{no_surrogates, Handler};

    fn dec(data: &[u8]) -> String {
        let e = DecodeErrors {
            codec: "rawunicodeescape",
            data,
            src: None,
            handler: Handler::Replace,
            encoded_surrogate: no_surrogates,
        };
        raw_decode(&e).expect("replace never raises")
    }

    #[test]
    fn round_trip() {
        let s = "a\u{e9}\u{2603}\u{1F600}\\u";
        assert_eq!(raw_encode(s), b"a\xe9\\u2603\\U0001f600\\u".to_vec());
        assert_eq!(dec(&raw_encode("x\u{2603}y")), "x\u{2603}y");
        assert_eq!(dec(b"\\\\u0041"), "\\\\u0041");
        assert_eq!(dec(b"\\\\\\u0041"), "\\\\A");
        assert_eq!(dec(b"\\u00"), "\u{fffd}");
        assert_eq!(dec(b"\\x41"), "\\x41");
    }
}

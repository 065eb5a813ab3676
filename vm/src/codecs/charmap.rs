//! Single-byte codecs: ASCII, Latin-1 and Windows-1252 (CPython's `charmap`
//! codec with the `cp1252` table).

use super::errors::{encode_run, DecodeErrors, Handler};
use crate::runtime::PyResult;

/// Windows-1252 bytes 0x80..=0x9F (`None`: undefined); the rest is Latin-1.
const CP1252_HIGH: [Option<char>; 32] = [
    Some('\u{20AC}'),
    None,
    Some('\u{201A}'),
    Some('\u{0192}'),
    Some('\u{201E}'),
    Some('\u{2026}'),
    Some('\u{2020}'),
    Some('\u{2021}'),
    Some('\u{02C6}'),
    Some('\u{2030}'),
    Some('\u{0160}'),
    Some('\u{2039}'),
    Some('\u{0152}'),
    None,
    Some('\u{017D}'),
    None,
    None,
    Some('\u{2018}'),
    Some('\u{2019}'),
    Some('\u{201C}'),
    Some('\u{201D}'),
    Some('\u{2022}'),
    Some('\u{2013}'),
    Some('\u{2014}'),
    Some('\u{02DC}'),
    Some('\u{2122}'),
    Some('\u{0161}'),
    Some('\u{203A}'),
    Some('\u{0153}'),
    None,
    Some('\u{017E}'),
    Some('\u{0178}'),
];

/// A single-byte character set.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Charset {
    Ascii,
    Latin1,
    Cp1252,
}

impl Charset {
    /// The codec name in exceptions.
    pub fn name(self) -> &'static str {
        match self {
            Charset::Ascii => "ascii",
            Charset::Latin1 => "latin-1",
            Charset::Cp1252 => "charmap",
        }
    }

    fn encode_reason(self) -> &'static str {
        match self {
            Charset::Ascii => "ordinal not in range(128)",
            Charset::Latin1 => "ordinal not in range(256)",
            Charset::Cp1252 => "character maps to <undefined>",
        }
    }

    fn encode_char(self, c: char) -> Option<u8> {
        let v = c as u32;
        match self {
            Charset::Ascii => (v < 0x80).then_some(v as u8),
            Charset::Latin1 => (v < 0x100).then_some(v as u8),
            Charset::Cp1252 => {
                if v < 0x80 || (0xA0..0x100).contains(&v) {
                    Some(v as u8)
                } else {
                    CP1252_HIGH.iter().position(|&m| m == Some(c)).map(|i| 0x80 + i as u8)
                }
            }
        }
    }

    fn decode_byte(self, b: u8) -> Option<char> {
        match self {
            Charset::Ascii => (b < 0x80).then_some(b as char),
            Charset::Latin1 => Some(b as char),
            Charset::Cp1252 if (0x80..0xA0).contains(&b) => CP1252_HIGH[(b - 0x80) as usize],
            Charset::Cp1252 => Some(b as char),
        }
    }

    /// Encodes `s`; runs of unencodable characters go to the error handler
    /// together, as in CPython.
    pub fn encode(self, s: &str, handler: Handler) -> PyResult<Vec<u8>> {
        if s.is_ascii() {
            return Ok(s.as_bytes().to_vec());
        }
        let mut out = Vec::with_capacity(s.len());
        let mut run: Vec<char> = Vec::new();
        let mut chars = s.chars().enumerate().peekable();
        while let Some((i, c)) = chars.next() {
            if let Some(b) = self.encode_char(c) {
                out.push(b);
                continue;
            }
            run.clear();
            run.push(c);
            while let Some(&(_, d)) = chars.peek() {
                if self.encode_char(d).is_some() {
                    break;
                }
                run.push(d);
                chars.next();
            }
            encode_run(handler, self.name(), s, i, &run, self.encode_reason(), &mut out)?;
        }
        Ok(out)
    }

    /// Decodes `e.data`; each undecodable byte is one error.
    pub fn decode(self, e: &DecodeErrors) -> PyResult<String> {
        let mut out = String::with_capacity(e.data.len());
        let reason = if self == Charset::Ascii { "ordinal not in range(128)" } else { "character maps to <undefined>" };
        for (i, &b) in e.data.iter().enumerate() {
            match self.decode_byte(b) {
                Some(c) => out.push(c),
                None => e.handle(&mut out, i, i + 1, reason)?,
            }
        }
        Ok(out)
    }
}

//! The text layer's encoding rules: `newline=` modes, where a line ends,
//! and decoding a stream chunk by chunk.
//!
//! Chunks are decoded whole by the codecs of `crate::codecs`; what would
//! need decoder state is held back as undecoded bytes instead: an incomplete
//! multi-byte sequence at the end of a chunk, and (with universal newlines)
//! a final `\r` that may be the first half of `\r\n`. So the decoder never
//! has hidden state, and a stream position is always a plain byte offset.

use crate::codecs::{self, Codec, Endian, Handler};
use crate::object::Obj;
use crate::runtime::{PyErr, PyResult};
use crate::types::str::{new_str, StrObj};

/// A `newline=` argument.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Newline {
    /// None: any ending is read as `\n`; `\n` is written as itself.
    Universal,
    /// `''`: any ending ends a line, and is kept as it is.
    Untranslated,
    Lf,
    Cr,
    CrLf,
}

impl Newline {
    /// Parses a TextIOWrapper's `newline` ("illegal newline value: x").
    pub fn parse(o: &Obj) -> PyResult<Newline> {
        Newline::parse_as(o, false)
    }

    /// Parses a StringIO's `newline` ("illegal newline value: 'x'").
    pub fn parse_quoted(o: &Obj) -> PyResult<Newline> {
        Newline::parse_as(o, true)
    }

    fn parse_as(o: &Obj, quoted: bool) -> PyResult<Newline> {
        if o.is_none() {
            return Ok(Newline::Universal);
        }
        let Some(s) = o.downcast::<StrObj>() else {
            return Err(PyErr::type_error(format!("newline must be str or None, not {}", o.class().name())));
        };
        Ok(match s.as_str() {
            "" => Newline::Untranslated,
            "\n" => Newline::Lf,
            "\r" => Newline::Cr,
            "\r\n" => Newline::CrLf,
            other if quoted => {
                return Err(PyErr::value_error(format!(
                    "illegal newline value: {}",
                    crate::types::str::repr_str(other)
                )))
            }
            other => return Err(PyErr::value_error(format!("illegal newline value: {other}"))),
        })
    }

    /// Whether `\r` and `\r\n` also end lines while reading.
    pub fn universal_read(self) -> bool {
        matches!(self, Newline::Universal | Newline::Untranslated)
    }

    /// What `\n` becomes when written.
    pub fn write_ending(self) -> Option<&'static str> {
        match self {
            Newline::Cr => Some("\r"),
            Newline::CrLf => Some("\r\n"),
            Newline::Universal | Newline::Untranslated | Newline::Lf => None,
        }
    }
}

/// Index just past the first line ending of `chars` (a StringIO buffer,
/// where `\r` at the very end is complete).
pub fn find_line_end(chars: &[char], nl: Newline) -> Option<usize> {
    match nl {
        Newline::Universal | Newline::Lf => chars.iter().position(|c| *c == '\n').map(|i| i + 1),
        Newline::Cr => chars.iter().position(|c| *c == '\r').map(|i| i + 1),
        Newline::CrLf => chars.windows(2).position(|w| w == ['\r', '\n']).map(|i| i + 2),
        Newline::Untranslated => {
            let i = chars.iter().position(|c| *c == '\n' || *c == '\r')?;
            Some(if chars[i] == '\r' && chars.get(i + 1) == Some(&'\n') { i + 2 } else { i + 1 })
        }
    }
}

/// Byte offset just past the first line ending of decoded text. With
/// `newline=''` a `\r` at the end of `s` counts only if `complete` (no more
/// text can follow it).
pub fn find_line_end_str(s: &str, nl: Newline, complete: bool) -> Option<usize> {
    let b = s.as_bytes();
    match nl {
        Newline::Universal | Newline::Lf => memchr::memchr(b'\n', b).map(|i| i + 1),
        Newline::Cr => memchr::memchr(b'\r', b).map(|i| i + 1),
        Newline::CrLf => memchr::memmem::find(b, b"\r\n").map(|i| i + 2),
        Newline::Untranslated => {
            let i = memchr::memchr2(b'\n', b'\r', b)?;
            if b[i] == b'\r' {
                match b.get(i + 1) {
                    Some(b'\n') => Some(i + 2),
                    Some(_) => Some(i + 1),
                    None if complete => Some(i + 1),
                    None => None,
                }
            } else {
                Some(i + 1)
            }
        }
    }
}

/// Kinds of line endings seen by a universal-newline reader.
pub const SEEN_CR: u8 = 1;
pub const SEEN_LF: u8 = 2;
pub const SEEN_CRLF: u8 = 4;

/// Translates `\r\n` and `\r` to `\n`, recording what it saw.
pub fn translate_newlines(s: String, seen: &mut u8) -> String {
    if !s.contains('\r') {
        if s.contains('\n') {
            *seen |= SEEN_LF;
        }
        return s;
    }
    let mut out = String::with_capacity(s.len());
    let mut it = s.chars().peekable();
    while let Some(c) = it.next() {
        match c {
            '\r' if it.peek() == Some(&'\n') => {
                it.next();
                *seen |= SEEN_CRLF;
                out.push('\n');
            }
            '\r' => {
                *seen |= SEEN_CR;
                out.push('\n');
            }
            '\n' => {
                *seen |= SEEN_LF;
                out.push('\n');
            }
            c => out.push(c),
        }
    }
    out
}

/// Records the endings of untranslated text (`newline=''`).
pub fn note_newlines(s: &str, seen: &mut u8) {
    let b = s.as_bytes();
    let mut i = 0;
    while let Some(j) = memchr::memchr2(b'\n', b'\r', &b[i..]) {
        let k = i + j;
        if b[k] == b'\n' {
            *seen |= SEEN_LF;
            i = k + 1;
        } else if b.get(k + 1) == Some(&b'\n') {
            *seen |= SEEN_CRLF;
            i = k + 2;
        } else {
            *seen |= SEEN_CR;
            i = k + 1;
        }
    }
}

/// The encoding of a text stream, its error handler and newline mode.
#[derive(Clone)]
pub struct TextCodec {
    pub codec: Codec,
    pub errors: String,
    pub newline: Newline,
}

/// The result of decoding a prefix of the pending input.
pub struct Decoded {
    pub text: String,
    /// Bytes of the input consumed (the rest is held back).
    pub used: usize,
    /// The text is exactly the consumed bytes (valid UTF-8, untranslated):
    /// byte offsets in the text are offsets in the input.
    pub identity: bool,
}

impl TextCodec {
    /// Bytes at the end of `data` that cannot be decoded yet.
    fn incomplete_tail(&self, data: &[u8]) -> usize {
        match self.codec {
            Codec::Utf8 | Codec::Utf8Sig => {
                let n = data.len();
                for back in 1..=n.min(3) {
                    let b = data[n - back];
                    if b & 0xC0 != 0x80 {
                        let need = match b {
                            0xC2..=0xDF => 2,
                            0xE0..=0xEF => 3,
                            0xF0..=0xF4 => 4,
                            _ => 1,
                        };
                        return if need > back { back } else { 0 };
                    }
                }
                0
            }
            Codec::Ascii | Codec::Latin1 | Codec::Cp1252 => 0,
            Codec::Utf16(order) => {
                let odd = data.len() % 2;
                let whole = &data[..data.len() - odd];
                if whole.len() >= 2 {
                    let u = &whole[whole.len() - 2..];
                    let unit = match order {
                        Some(Endian::Big) => u16::from_be_bytes([u[0], u[1]]),
                        _ => u16::from_le_bytes([u[0], u[1]]),
                    };
                    if (0xD800..0xDC00).contains(&unit) {
                        return odd + 2;
                    }
                }
                odd
            }
            Codec::Utf32(_) => data.len() % 4,
            // An escape may be cut: hold back from a backslash near the end.
            Codec::RawUnicodeEscape => {
                let from = data.len().saturating_sub(10);
                data[from..].iter().rposition(|&b| b == b'\\').map_or(0, |p| data.len() - from - p)
            }
        }
    }

    /// The encoded width of `\r`.
    fn cr_width(&self) -> usize {
        match self.codec {
            Codec::Utf16(_) => 2,
            Codec::Utf32(_) => 4,
            _ => 1,
        }
    }

    /// Decodes as much of `data` as can be decoded on its own; at end of
    /// input (`last`) everything. Newlines are translated per the mode
    /// (`seen` records endings).
    pub fn decode(&self, data: &[u8], last: bool, seen: &mut u8) -> PyResult<Decoded> {
        let mut used = if last { data.len() } else { data.len() - self.incomplete_tail(data) };
        let mut text = self.decode_raw(&data[..used])?;
        if !last && self.newline.universal_read() && text.ends_with('\r') {
            text.pop();
            used -= self.cr_width();
        }
        let mut identity =
            matches!(self.codec, Codec::Utf8 | Codec::Ascii | Codec::Latin1 | Codec::Cp1252) && text.len() == used;
        match self.newline {
            Newline::Universal => {
                let before = text.len();
                text = translate_newlines(text, seen);
                identity &= text.len() == before;
            }
            Newline::Untranslated => note_newlines(&text, seen),
            Newline::Lf | Newline::Cr | Newline::CrLf => {}
        }
        Ok(Decoded { text, used, identity })
    }

    fn decode_raw(&self, data: &[u8]) -> PyResult<String> {
        if matches!(self.codec, Codec::Utf8 | Codec::Ascii | Codec::Latin1 | Codec::Cp1252) && data.is_ascii() {
            return Ok(String::from_utf8_lossy(data).into_owned());
        }
        if self.codec == Codec::Utf8 {
            if let Ok(s) = std::str::from_utf8(data) {
                return Ok(s.to_string());
            }
        }
        codecs::decode_string(self.codec, data, Handler::parse(Some(&self.errors)), None)
    }

    /// The number of input bytes of `data` that decode to the first `chars`
    /// characters of its (translated) text.
    pub fn bytes_for_chars(&self, data: &[u8], chars: usize) -> PyResult<usize> {
        let mut seen = 0;
        let count = |k: usize, seen: &mut u8| -> PyResult<usize> {
            Ok(self.decode(&data[..k], false, seen)?.text.chars().count())
        };
        let (mut lo, mut hi) = (0usize, data.len());
        while lo < hi {
            let mid = lo + (hi - lo) / 2;
            if count(mid, &mut seen)? >= chars {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        Ok(lo)
    }

    /// Encodes text for writing, translating `\n` per the mode. Byte order
    /// marks are the caller's business (`bom`).
    pub fn encode(&self, s: &str) -> PyResult<Vec<u8>> {
        let translated;
        let s = match self.newline.write_ending() {
            Some(end) if s.contains('\n') => {
                translated = s.replace('\n', end);
                translated.as_str()
            }
            _ => s,
        };
        let name = match self.codec {
            Codec::Utf8 | Codec::Utf8Sig => return Ok(s.as_bytes().to_vec()),
            Codec::Ascii | Codec::Latin1 | Codec::Cp1252 if s.is_ascii() => return Ok(s.as_bytes().to_vec()),
            Codec::Ascii => "ascii",
            Codec::Latin1 => "latin-1",
            Codec::Cp1252 => "cp1252",
            Codec::Utf16(Some(Endian::Big)) => "utf-16-be",
            Codec::Utf16(_) => "utf-16-le",
            Codec::Utf32(Some(Endian::Big)) => "utf-32-be",
            Codec::Utf32(_) => "utf-32-le",
            Codec::RawUnicodeEscape => "raw-unicode-escape",
        };
        codecs::encode(s, Some(name), Some(&self.errors))
    }

    /// The byte order mark written at the start of a stream.
    pub fn bom(&self) -> &'static [u8] {
        match self.codec {
            Codec::Utf8Sig => b"\xEF\xBB\xBF",
            Codec::Utf16(None) => b"\xFF\xFE",
            Codec::Utf32(None) => b"\xFF\xFE\x00\x00",
            _ => b"",
        }
    }

    /// The codec to use after the start of a stream (the byte order fixed).
    pub fn after_start(&self, first: &[u8]) -> Codec {
        match self.codec {
            Codec::Utf8Sig => Codec::Utf8,
            Codec::Utf16(None) => {
                Codec::Utf16(Some(if first.starts_with(b"\xFE\xFF") { Endian::Big } else { Endian::Little }))
            }
            Codec::Utf32(None) => {
                Codec::Utf32(Some(if first.starts_with(b"\x00\x00\xFE\xFF") { Endian::Big } else { Endian::Little }))
            }
            c => c,
        }
    }
}

/// The `newlines` attribute for the endings seen.
pub fn newlines_obj(seen: u8) -> crate::object::PyRef {
    let mut v = Vec::new();
    if seen & SEEN_CR != 0 {
        v.push(new_str("\r"));
    }
    if seen & SEEN_LF != 0 {
        v.push(new_str("\n"));
    }
    if seen & SEEN_CRLF != 0 {
        v.push(new_str("\r\n"));
    }
    match v.len() {
        0 => crate::types::none(),
        1 => v.pop().unwrap_or_else(crate::types::none),
        _ => crate::types::tuple::new_tuple(v),
    }
}

//! UTF-8 decoding with CPython's error ranges and reasons.
//!
//! Rust's `Utf8Error` reports the same maximal invalid subparts as CPython's
//! decoder (both follow the Unicode recommendation), so the error positions
//! match: one byte for an invalid start byte or a lead byte followed by a bad
//! continuation, the lead plus its valid continuations otherwise, and the rest
//! of the input for a truncated sequence at the end.

use super::errors::DecodeErrors;
use crate::runtime::PyResult;

/// Whether `data[pos..]` starts with the UTF-8 form of a surrogate (ED A0..BF 80..BF).
pub fn encoded_surrogate(data: &[u8], pos: usize) -> bool {
    matches!(data.get(pos..pos + 3), Some([0xED, 0xA0..=0xBF, 0x80..=0xBF]))
}

/// Decodes `e.data` (valid or not) into a String.
pub fn decode(e: &DecodeErrors) -> PyResult<String> {
    let data = e.data;
    let mut out = String::new();
    let mut pos = 0;
    loop {
        match std::str::from_utf8(&data[pos..]) {
            Ok(s) => {
                out.push_str(s);
                return Ok(out);
            }
            Err(err) => {
                let start = pos + err.valid_up_to();
                out.push_str(std::str::from_utf8(&data[pos..start]).unwrap_or_default());
                let (end, reason) = match err.error_len() {
                    Some(n) => {
                        let lead_ok = (0xC2..=0xF4).contains(&data[start]);
                        (start + n, if n == 1 && !lead_ok { "invalid start byte" } else { "invalid continuation byte" })
                    }
                    None => (data.len(), "unexpected end of data"),
                };
                e.handle(&mut out, start, end, reason)?;
                pos = end;
            }
        }
    }
}

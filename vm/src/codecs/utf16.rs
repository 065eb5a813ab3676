//! UTF-16 and UTF-32, either byte order, with or without a byte order mark.
//! Without an explicit order, encoding writes a BOM and little-endian data
//! (CPython's native order on the platforms Ember supports) and decoding
//! honours a leading BOM.

use super::errors::DecodeErrors;
use super::lookup::Endian;
use crate::runtime::PyResult;

/// The codec name CPython reports in errors, e.g. `utf-16-le`.
pub fn codec_name(width: usize, order: Endian) -> &'static str {
    match (width, order) {
        (2, Endian::Little) => "utf-16-le",
        (2, Endian::Big) => "utf-16-be",
        (_, Endian::Little) => "utf-32-le",
        (_, Endian::Big) => "utf-32-be",
    }
}

/// The byte order named by a leading BOM, and the BOM's length.
pub fn detect_bom(data: &[u8], width: usize) -> Option<(Endian, usize)> {
    if width == 2 {
        match data {
            [0xFF, 0xFE, ..] => Some((Endian::Little, 2)),
            [0xFE, 0xFF, ..] => Some((Endian::Big, 2)),
            _ => None,
        }
    } else {
        match data {
            [0xFF, 0xFE, 0, 0, ..] => Some((Endian::Little, 4)),
            [0, 0, 0xFE, 0xFF, ..] => Some((Endian::Big, 4)),
            _ => None,
        }
    }
}

fn unit16(b: &[u8], order: Endian) -> u16 {
    match order {
        Endian::Little => u16::from_le_bytes([b[0], b[1]]),
        Endian::Big => u16::from_be_bytes([b[0], b[1]]),
    }
}

fn unit32(b: &[u8], order: Endian) -> u32 {
    match order {
        Endian::Little => u32::from_le_bytes([b[0], b[1], b[2], b[3]]),
        Endian::Big => u32::from_be_bytes([b[0], b[1], b[2], b[3]]),
    }
}

/// Encodes `s` as UTF-16 (`width` 2) or UTF-32 (`width` 4), with a BOM when
/// `order` is None.
pub fn encode(s: &str, width: usize, order: Option<Endian>) -> Vec<u8> {
    let mut out = Vec::with_capacity(s.len() * width + 4);
    let order = order.unwrap_or_else(|| {
        out.extend_from_slice(if width == 2 { &[0xFF, 0xFE] } else { &[0xFF, 0xFE, 0, 0] });
        Endian::Little
    });
    let mut buf = [0u16; 2];
    for c in s.chars() {
        if width == 4 {
            let v = c as u32;
            out.extend_from_slice(&if order == Endian::Little { v.to_le_bytes() } else { v.to_be_bytes() });
            continue;
        }
        for u in c.encode_utf16(&mut buf).iter() {
            out.extend_from_slice(&if order == Endian::Little { u.to_le_bytes() } else { u.to_be_bytes() });
        }
    }
    out
}

/// Decodes UTF-16 data in byte order `order`, starting at byte `pos`.
pub fn decode16(e: &DecodeErrors, mut pos: usize, order: Endian) -> PyResult<String> {
    let data = e.data;
    let mut out = String::with_capacity(data.len() / 2);
    while pos < data.len() {
        if data.len() - pos < 2 {
            e.handle(&mut out, pos, data.len(), "truncated data")?;
            break;
        }
        let u = unit16(&data[pos..], order);
        if !(0xD800..0xE000).contains(&u) {
            out.push(char::from_u32(u as u32).unwrap_or('\u{fffd}'));
            pos += 2;
        } else if u >= 0xDC00 {
            e.handle(&mut out, pos, pos + 2, "illegal encoding")?;
            pos += 2;
        } else if data.len() - pos < 4 {
            e.handle(&mut out, pos, data.len(), "unexpected end of data")?;
            break;
        } else {
            let low = unit16(&data[pos + 2..], order);
            if (0xDC00..0xE000).contains(&low) {
                let v = 0x10000 + (((u as u32) - 0xD800) << 10) + ((low as u32) - 0xDC00);
                out.push(char::from_u32(v).unwrap_or('\u{fffd}'));
                pos += 4;
            } else {
                e.handle(&mut out, pos, pos + 2, "illegal UTF-16 surrogate")?;
                pos += 2;
            }
        }
    }
    Ok(out)
}

/// Decodes UTF-32 data in byte order `order`, starting at byte `pos`.
pub fn decode32(e: &DecodeErrors, mut pos: usize, order: Endian) -> PyResult<String> {
    let data = e.data;
    let mut out = String::with_capacity(data.len() / 4);
    while pos < data.len() {
        if data.len() - pos < 4 {
            e.handle(&mut out, pos, data.len(), "truncated data")?;
            break;
        }
        let v = unit32(&data[pos..], order);
        match char::from_u32(v) {
            Some(c) => out.push(c),
            None if v > 0x10FFFF => e.handle(&mut out, pos, pos + 4, "code point not in range(0x110000)")?,
            None => e.handle(&mut out, pos, pos + 4, "code point in surrogate code point range(0xd800, 0xe000)")?,
        }
        pos += 4;
    }
    Ok(out)
}

pub fn surrogate16_le(data: &[u8], pos: usize) -> bool {
    data.get(pos..pos + 2).is_some_and(|b| (0xD800..0xE000).contains(&unit16(b, Endian::Little)))
}
pub fn surrogate16_be(data: &[u8], pos: usize) -> bool {
    data.get(pos..pos + 2).is_some_and(|b| (0xD800..0xE000).contains(&unit16(b, Endian::Big)))
}
pub fn surrogate32_le(data: &[u8], pos: usize) -> bool {
    data.get(pos..pos + 4).is_some_and(|b| (0xD800..0xE000).contains(&unit32(b, Endian::Little)))
}
pub fn surrogate32_be(data: &[u8], pos: usize) -> bool {
    data.get(pos..pos + 4).is_some_and(|b| (0xD800..0xE000).contains(&unit32(b, Endian::Big)))
}

//! Text helpers shared by `int()`, `float()` and `complex()` parsing: Python's
//! notion of whitespace and Unicode decimal digits (Unicode 14.0, as CPython 3.11).

use std::borrow::Cow;

/// First code point of every run of ten Unicode decimal digits (category Nd);
/// each run holds the digits 0..=9 in order.
const DIGIT_ZEROS: [u32; 66] = [
    0x30, 0x660, 0x6f0, 0x7c0, 0x966, 0x9e6, 0xa66, 0xae6, 0xb66, 0xbe6, 0xc66, 0xce6, 0xd66, 0xde6, 0xe50, 0xed0,
    0xf20, 0x1040, 0x1090, 0x17e0, 0x1810, 0x1946, 0x19d0, 0x1a80, 0x1a90, 0x1b50, 0x1bb0, 0x1c40, 0x1c50, 0xa620,
    0xa8d0, 0xa900, 0xa9d0, 0xa9f0, 0xaa50, 0xabf0, 0xff10, 0x104a0, 0x10d30, 0x11066, 0x110f0, 0x11136, 0x111d0,
    0x112f0, 0x11450, 0x114d0, 0x11650, 0x116c0, 0x11730, 0x118e0, 0x11950, 0x11c50, 0x11d50, 0x11da0, 0x16a60,
    0x16ac0, 0x16b50, 0x1d7ce, 0x1d7d8, 0x1d7e2, 0x1d7ec, 0x1d7f6, 0x1e140, 0x1e2f0, 0x1e950, 0x1fbf0,
];

/// The value of a Unicode decimal digit (`str.isdecimal()` characters).
pub fn decimal_value(c: char) -> Option<u32> {
    let v = c as u32;
    if c.is_ascii() {
        return c.to_digit(10);
    }
    // The last run starting at or below `v`.
    let i = DIGIT_ZEROS.partition_point(|&z| z <= v);
    let zero = DIGIT_ZEROS[i.checked_sub(1)?];
    (v - zero < 10).then_some(v - zero)
}

/// `str.isspace()`: Python's whitespace (bidirectional class WS, B or S, or Zs).
pub fn is_space(c: char) -> bool {
    matches!(
        c as u32,
        0x09..=0x0d | 0x1c..=0x20 | 0x85 | 0xa0 | 0x1680 | 0x2000..=0x200a | 0x2028 | 0x2029 | 0x202f | 0x205f | 0x3000
    )
}

/// ASCII whitespace as C's `isspace` (what the number parsers skip in bytes).
pub fn is_ascii_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | b'\x0b' | b'\x0c' | b'\r')
}

/// CPython's `_PyUnicode_TransformDecimalAndSpaceToASCII`: whitespace becomes
/// a space, decimal digits become ASCII digits, and the text ends with `?` at
/// the first other non-ASCII character (so it can never parse).
pub fn to_ascii_numeric(s: &str) -> Cow<'_, str> {
    if s.is_ascii() {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if (c as u32) < 127 {
            out.push(c);
        } else if is_space(c) {
            out.push(' ');
        } else if let Some(d) = decimal_value(c) {
            out.push(char::from(b'0' + d as u8));
        } else {
            out.push('?');
            break;
        }
    }
    Cow::Owned(out)
}

/// `s` without leading and trailing ASCII whitespace.
pub fn trim_ascii_space(s: &[u8]) -> &[u8] {
    let start = s.iter().position(|b| !is_ascii_space(*b)).unwrap_or(s.len());
    let end = s.iter().rposition(|b| !is_ascii_space(*b)).map_or(start, |e| e + 1);
    &s[start..end]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decimal_digits() {
        assert_eq!(decimal_value('7'), Some(7));
        assert_eq!(decimal_value('\u{663}'), Some(3)); // ARABIC-INDIC DIGIT THREE
        assert_eq!(decimal_value('\u{ff19}'), Some(9)); // FULLWIDTH DIGIT NINE
        assert_eq!(decimal_value('\u{1d7ff}'), Some(9)); // MATHEMATICAL MONOSPACE DIGIT NINE
        assert_eq!(decimal_value('\u{b2}'), None); // SUPERSCRIPT TWO is a digit, not decimal
        assert_eq!(decimal_value('a'), None);
        assert_eq!(decimal_value('\u{66a}'), None);
    }

    #[test]
    fn transform() {
        assert_eq!(to_ascii_numeric("\u{3000}\u{661}\u{662}x\u{e9}"), " 12x?");
        assert_eq!(to_ascii_numeric("1\u{b2}_3"), "1?");
        assert!(is_space('\u{1f}') && is_space('\u{2029}') && !is_space('\u{200b}'));
        assert_eq!(trim_ascii_space(b" \t12 \n"), b"12");
        assert_eq!(trim_ascii_space(b"   "), b"");
    }
}

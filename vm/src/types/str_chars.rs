//! Character properties and case mappings with CPython 3.11's exact semantics
//! (its Unicode 14.0.0 database), read from the generated tables in
//! `str_unicode_data.rs`. ASCII characters take a table-free fast path.

use crate::types::str_unicode_data as db;

pub use db::{
    ALPHA, CASED, CASE_IGNORABLE, DECIMAL, DIGIT, LOWER, NUMERIC, PRINTABLE, SPACE, TITLE, UPPER, XID_CONTINUE,
    XID_START,
};

/// All property flags of `c`.
#[inline]
pub fn flags(c: char) -> u16 {
    let v = c as u32;
    let i = db::RUNS.partition_point(|&(start, _)| start <= v);
    // RUNS starts at code point 0, so `i >= 1`.
    db::RUNS[i.saturating_sub(1)].1
}

#[inline]
pub fn has(c: char, flag: u16) -> bool {
    flags(c) & flag != 0
}

pub fn is_alpha(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphabetic();
    }
    has(c, ALPHA)
}

pub fn is_decimal(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_digit();
    }
    has(c, DECIMAL)
}

pub fn is_digit(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_digit();
    }
    has(c, DIGIT)
}

pub fn is_numeric(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_digit();
    }
    has(c, NUMERIC)
}

pub fn is_alnum(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphanumeric();
    }
    has(c, ALPHA | DECIMAL | DIGIT | NUMERIC)
}

/// `str.isspace` of one character (also the separator set of `split()`).
#[inline]
pub fn is_space(c: char) -> bool {
    if c.is_ascii() {
        return matches!(c, '\t' | '\n' | '\x0b' | '\x0c' | '\r' | '\x1c'..='\x1f' | ' ');
    }
    has(c, SPACE)
}

pub fn is_printable(c: char) -> bool {
    if c.is_ascii() {
        return (' '..='~').contains(&c);
    }
    has(c, PRINTABLE)
}

pub fn is_lower(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_lowercase();
    }
    has(c, LOWER)
}

pub fn is_upper(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_uppercase();
    }
    has(c, UPPER)
}

pub fn is_title(c: char) -> bool {
    !c.is_ascii() && has(c, TITLE)
}

pub fn is_cased(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphabetic();
    }
    has(c, CASED)
}

pub fn is_case_ignorable(c: char) -> bool {
    has(c, CASE_IGNORABLE)
}

pub fn is_xid_start(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphabetic();
    }
    has(c, XID_START)
}

pub fn is_xid_continue(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphanumeric() || c == '_';
    }
    has(c, XID_CONTINUE)
}

/// The value of a decimal digit (Unicode category Nd), as CPython's
/// `Py_UNICODE_TODECIMAL`. Decimal digits come in runs of 0..9 with equal
/// properties, so the value is the distance from the start of the run.
pub fn decimal_value(c: char) -> Option<u32> {
    if c.is_ascii() {
        return c.to_digit(10);
    }
    if !has(c, DECIMAL) {
        return None;
    }
    let v = c as u32;
    let i = db::RUNS.partition_point(|&(start, _)| start <= v);
    let start = db::RUNS[i.saturating_sub(1)].0;
    Some((v - start) % 10)
}

/// `str.splitlines` line boundaries.
#[inline]
pub fn is_linebreak(c: char) -> bool {
    matches!(c, '\n' | '\x0b' | '\x0c' | '\r' | '\x1c' | '\x1d' | '\x1e' | '\u{85}' | '\u{2028}' | '\u{2029}')
}

fn lookup(table: &'static [(u32, &'static str)], c: char) -> Option<&'static str> {
    let v = c as u32;
    table.binary_search_by_key(&v, |&(k, _)| k).ok().map(|i| table[i].1)
}

/// Appends the full uppercase mapping of `c`.
#[inline]
pub fn push_upper(out: &mut String, c: char) {
    if c.is_ascii() {
        out.push(c.to_ascii_uppercase());
    } else {
        match lookup(db::UPPER_MAP, c) {
            Some(m) => out.push_str(m),
            None => out.push(c),
        }
    }
}

/// Appends the full lowercase mapping of `c` (no final-sigma handling).
#[inline]
pub fn push_lower(out: &mut String, c: char) {
    if c.is_ascii() {
        out.push(c.to_ascii_lowercase());
    } else {
        match lookup(db::LOWER_MAP, c) {
            Some(m) => out.push_str(m),
            None => out.push(c),
        }
    }
}

/// Appends the full titlecase mapping of `c`.
pub fn push_title(out: &mut String, c: char) {
    match lookup(db::TITLE_MAP, c) {
        Some(m) => out.push_str(m),
        None => push_upper(out, c),
    }
}

/// Appends the full case folding of `c`.
pub fn push_fold(out: &mut String, c: char) {
    match lookup(db::FOLD_MAP, c) {
        Some(m) => out.push_str(m),
        None => push_lower(out, c),
    }
}

const CAPITAL_SIGMA: char = '\u{3a3}';

/// Lowercases `chars[i]`, applying CPython's final-sigma rule to capital sigma.
pub fn push_lower_at(out: &mut String, chars: &[char], i: usize) {
    let c = chars[i];
    if c != CAPITAL_SIGMA {
        push_lower(out, c);
        return;
    }
    out.push(if is_final_sigma(chars, i) { '\u{3c2}' } else { '\u{3c3}' });
}

/// A capital sigma is final when a cased character precedes it and none follows
/// (skipping case-ignorable characters both ways).
fn is_final_sigma(chars: &[char], i: usize) -> bool {
    let before = chars[..i].iter().rev().find(|&&c| !is_case_ignorable(c));
    if !before.is_some_and(|&c| is_cased(c)) {
        return false;
    }
    let after = chars[i + 1..].iter().find(|&&c| !is_case_ignorable(c));
    !after.is_some_and(|&c| is_cased(c))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table_lookups() {
        assert!(is_space('\u{1c}') && is_space('\u{85}') && is_space('\u{3000}') && !is_space('\u{200b}'));
        assert!(is_numeric('\u{4e00}') && !is_digit('\u{4e00}') && is_digit('\u{b2}') && !is_decimal('\u{b2}'));
        assert!(is_alpha('é') && !is_alpha('\u{2160}') && is_numeric('\u{2160}'));
        assert!(is_title('\u{1c5}') && is_lower('ª') && !is_printable('\u{a0}') && is_printable('é'));
        let mut s = String::new();
        push_upper(&mut s, 'ß');
        push_title(&mut s, '\u{1c6}');
        push_fold(&mut s, 'ß');
        assert_eq!(s, "SS\u{1c5}ss");
        assert_eq!(decimal_value('\u{665}'), Some(5));
        assert_eq!(decimal_value('\u{1d7d9}'), Some(1));
        assert_eq!(decimal_value('\u{ff19}'), Some(9));
        assert_eq!(decimal_value('\u{b2}'), None);
    }

    #[test]
    fn final_sigma() {
        let chars: Vec<char> = "ΑΣ ΣΑ Σ".chars().collect();
        let mut s = String::new();
        for i in 0..chars.len() {
            push_lower_at(&mut s, &chars, i);
        }
        assert_eq!(s, "ας σα σ");
    }
}

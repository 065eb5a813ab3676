//! The format-spec mini-language (`format(value, spec)`): parsing the spec and
//! formatting str, int, float and complex values. The `__format__` methods of
//! those types call these functions.
//!
//! `[[fill]align][sign]["z"]["#"]["0"][width][grouping]["." precision][type]`

use crate::format::float_fmt::{double_to_string, FloatFlags, FloatKind};
use crate::format::{check_size, text_buffer};
use crate::object::PyRef;
use crate::runtime::{PyErr, PyResult};
use crate::types::int::{IntObj, IntVal};
use crate::types::str::from_string;

/// A parsed format spec.
#[derive(Clone, Debug, PartialEq)]
pub struct Spec {
    pub fill: char,
    pub align: Option<char>,
    pub sign: Option<char>,
    pub no_neg_0: bool,
    pub alt: bool,
    pub width: Option<usize>,
    /// `,` or `_`.
    pub grouping: Option<char>,
    pub precision: Option<usize>,
    /// The presentation type (the caller's default when omitted; `None` for
    /// floats and complex numbers without one).
    pub ty: Option<char>,
}

fn digits_error() -> PyErr {
    PyErr::value_error("Too many decimal digits in format string")
}

/// Reads a decimal number at `chars[*pos..]`; `None` when there is no digit.
fn parse_number(chars: &[char], pos: &mut usize) -> PyResult<Option<usize>> {
    let start = *pos;
    let mut acc: usize = 0;
    while let Some(d) = chars.get(*pos).and_then(|&c| crate::types::str_chars::decimal_value(c)) {
        acc = acc
            .checked_mul(10)
            .and_then(|x| x.checked_add(d as usize))
            .filter(|&x| x <= isize::MAX as usize)
            .ok_or_else(digits_error)?;
        *pos += 1;
    }
    Ok(if *pos == start { None } else { Some(acc) })
}

fn is_align(c: char) -> bool {
    matches!(c, '<' | '>' | '=' | '^')
}

/// Quotes a type character as CPython's messages do.
fn type_char(c: char) -> String {
    if c > ' ' && (c as u32) < 128 {
        format!("'{c}'")
    } else {
        format!("'\\x{:x}'", c as u32)
    }
}

/// `Unknown format code 'x' for object of type 'float'`.
pub fn unknown_code(c: char, type_name: &str) -> PyErr {
    PyErr::value_error(format!("Unknown format code {} for object of type '{type_name}'", type_char(c)))
}

impl Spec {
    /// Parses `spec` for an object of type `type_name`; `default_type` is the
    /// type used when the spec has none.
    pub fn parse(spec: &str, type_name: &str, default_type: Option<char>) -> PyResult<Spec> {
        // Specs are short: decode into a stack buffer when possible.
        let mut buf = ['\0'; 24];
        let heap: Vec<char>;
        let chars: &[char] = if spec.len() <= buf.len() {
            let mut n = 0;
            for c in spec.chars() {
                buf[n] = c;
                n += 1;
            }
            &buf[..n]
        } else {
            heap = spec.chars().collect();
            &heap
        };
        let mut s = Spec {
            fill: ' ',
            align: None,
            sign: None,
            no_neg_0: false,
            alt: false,
            width: None,
            grouping: None,
            precision: None,
            ty: default_type,
        };
        let mut pos = 0;
        let mut fill_given = false;
        if chars.len() >= 2 && is_align(chars[1]) {
            s.fill = chars[0];
            s.align = Some(chars[1]);
            fill_given = true;
            pos = 2;
        } else if !chars.is_empty() && is_align(chars[0]) {
            s.align = Some(chars[0]);
            pos = 1;
        }
        if let Some(&c @ ('+' | '-' | ' ')) = chars.get(pos) {
            s.sign = Some(c);
            pos += 1;
        }
        if chars.get(pos) == Some(&'z') {
            s.no_neg_0 = true;
            pos += 1;
        }
        if chars.get(pos) == Some(&'#') {
            s.alt = true;
            pos += 1;
        }
        if !fill_given && chars.get(pos) == Some(&'0') {
            s.fill = '0';
            // Numbers (right-aligned by default) pad with zeros after the sign.
            if s.align.is_none() && default_type != Some('s') {
                s.align = Some('=');
            }
            pos += 1;
        }
        s.width = parse_number(chars, &mut pos)?;
        if chars.get(pos) == Some(&',') {
            s.grouping = Some(',');
            pos += 1;
            if chars.get(pos) == Some(&'_') {
                return Err(PyErr::value_error("Cannot specify both ',' and '_'."));
            }
        }
        if chars.get(pos) == Some(&'_') {
            if s.grouping.is_some() {
                return Err(PyErr::value_error("Cannot specify both ',' and '_'."));
            }
            s.grouping = Some('_');
            pos += 1;
            if chars.get(pos) == Some(&',') {
                return Err(PyErr::value_error("Cannot specify both ',' and '_'."));
            }
        }
        if chars.get(pos) == Some(&'.') {
            pos += 1;
            s.precision = parse_number(chars, &mut pos)?;
            if s.precision.is_none() {
                return Err(PyErr::value_error("Format specifier missing precision"));
            }
        }
        match chars.len() - pos {
            0 => {}
            1 => s.ty = Some(chars[pos]),
            _ => {
                return Err(PyErr::value_error(format!(
                    "Invalid format specifier '{spec}' for object of type '{type_name}'"
                )))
            }
        }
        if let Some(g) = s.grouping {
            let ok = match s.ty {
                None => true,
                Some(t) => {
                    matches!(t, 'd' | 'e' | 'f' | 'g' | 'E' | 'G' | '%' | 'F')
                        || (g == '_' && matches!(t, 'b' | 'o' | 'x' | 'X'))
                }
            };
            if !ok {
                let t = s.ty.unwrap_or('\0');
                return Err(PyErr::value_error(format!("Cannot specify '{g}' with {}.", type_char(t))));
            }
        }
        Ok(s)
    }

    fn width(&self) -> usize {
        self.width.unwrap_or(0)
    }
}

/// Pads `body` (of `len` characters) to the spec's width with its fill and
/// alignment (`default_align` when none was given).
fn pad(spec: &Spec, body: &str, len: usize, default_align: char) -> PyResult<String> {
    let width = spec.width();
    if len >= width {
        return Ok(body.to_string());
    }
    let n = width - len;
    let (left, right) = match spec.align.unwrap_or(default_align) {
        '<' => (0, n),
        '^' => (n / 2, n - n / 2),
        _ => (n, 0),
    };
    let mut out = text_buffer(body.len(), n, spec.fill.len_utf8())?;
    out.extend(std::iter::repeat_n(spec.fill, left));
    out.push_str(body);
    out.extend(std::iter::repeat_n(spec.fill, right));
    Ok(out)
}

/// `format(str, spec)`.
pub fn format_str_value(s: &str, spec: &str) -> PyResult<PyRef> {
    if spec.is_empty() {
        return Ok(crate::types::str::new_str(s));
    }
    Ok(from_string(str_text(s, spec)?))
}

fn str_text(s: &str, spec: &str) -> PyResult<String> {
    let sp = Spec::parse(spec, "str", Some('s'))?;
    if sp.ty != Some('s') {
        return Err(unknown_code(sp.ty.unwrap_or('\0'), "str"));
    }
    if let Some(sign) = sp.sign {
        return Err(PyErr::value_error(if sign == ' ' {
            "Space not allowed in string format specifier"
        } else {
            "Sign not allowed in string format specifier"
        }));
    }
    if sp.no_neg_0 {
        return Err(PyErr::value_error("Negative zero coercion (z) not allowed in string format specifier"));
    }
    if sp.alt {
        return Err(PyErr::value_error("Alternate form (#) not allowed in string format specifier"));
    }
    if sp.align == Some('=') {
        return Err(PyErr::value_error("'=' alignment not allowed in string format specifier"));
    }
    let (text, len) = match sp.precision {
        Some(p) => match s.char_indices().nth(p) {
            Some((i, _)) => (&s[..i], p),
            None => (s, s.chars().count()),
        },
        None => (s, s.chars().count()),
    };
    pad(&sp, text, len, '<')
}

/// The pieces of a formatted number, laid out by [`render_number`].
struct NumberParts<'a> {
    /// `-`, `+`, space or empty.
    sign: &'a str,
    /// `0x`, `0o`, `0b` (alternate form) or empty.
    prefix: &'a str,
    /// The integer digits, before grouping.
    digits: &'a str,
    /// Decimal point, fraction, exponent, `%`, ... (ASCII).
    rest: &'a str,
}

/// Inserts `sep` every `group` digits from the right; when `min_width` is
/// non-zero, pads with zeros to at least that many characters, never starting
/// with a separator (CPython's zero-padded grouping).
fn group_digits(digits: &str, sep: Option<char>, group: usize, min_width: usize) -> PyResult<String> {
    // Zero padding may be huge: reserve it first (MemoryError, not an abort).
    check_size(digits.len(), min_width, 2)?;
    // `inf` and `nan` have no digits: plain zero padding.
    let sep = if digits.is_empty() { None } else { sep };
    let Some(sep) = sep else {
        if digits.len() >= min_width {
            return Ok(digits.to_string());
        }
        return Ok("0".repeat(min_width - digits.len()) + digits);
    };
    let bytes = digits.as_bytes();
    let mut remaining = bytes.len() as isize;
    let mut min_w = min_width as isize;
    let mut groups: Vec<String> = Vec::new();
    loop {
        let l = (remaining.max(min_w).max(1) as usize).min(group);
        let take = (remaining.max(0) as usize).min(l);
        let end = remaining.max(0) as usize;
        let mut g = "0".repeat(l - take);
        g.push_str(&digits[end - take..end]);
        groups.push(g);
        remaining -= l as isize;
        min_w -= l as isize;
        if remaining <= 0 && min_w <= 0 {
            break;
        }
        min_w -= 1;
    }
    groups.reverse();
    Ok(groups.join(&sep.to_string()))
}

fn render_number(spec: &Spec, p: &NumberParts, group: usize) -> PyResult<String> {
    let zero_pad = spec.fill == '0' && spec.align == Some('=');
    let fixed = p.sign.len() + p.prefix.len() + p.rest.len();
    let min_width = if zero_pad { spec.width().saturating_sub(fixed) } else { 0 };
    let grouped = group_digits(p.digits, spec.grouping, group, min_width)?;
    let body_len = fixed + grouped.chars().count();
    let width = spec.width();
    if spec.align == Some('=') && body_len < width {
        let mut out = text_buffer(body_len, width - body_len, spec.fill.len_utf8())?;
        out.push_str(p.sign);
        out.push_str(p.prefix);
        out.extend(std::iter::repeat_n(spec.fill, width - body_len));
        out.push_str(&grouped);
        out.push_str(p.rest);
        return Ok(out);
    }
    let body = format!("{}{}{}{}", p.sign, p.prefix, grouped, p.rest);
    pad(spec, &body, body_len, '>')
}

fn sign_text(spec: &Spec, negative: bool) -> &'static str {
    match (negative, spec.sign) {
        (true, _) => "-",
        (false, Some('+')) => "+",
        (false, Some(' ')) => " ",
        _ => "",
    }
}

/// `format(int, spec)` (also used for bool with a non-empty spec).
pub fn format_int(i: &IntObj, spec: &str) -> PyResult<PyRef> {
    if spec.is_empty() {
        return Ok(from_string(crate::types::int::int_to_decimal(i)?));
    }
    Ok(from_string(int_text(i, spec)?))
}

fn int_text(i: &IntObj, spec: &str) -> PyResult<String> {
    let type_name = i.ob.class().name();
    let sp = Spec::parse(spec, &type_name, Some('d'))?;
    let ty = sp.ty.unwrap_or('d');
    if matches!(ty, 'e' | 'E' | 'f' | 'F' | 'g' | 'G' | '%') {
        return float_with_spec(i.to_f64()?, &sp);
    }
    if !matches!(ty, 'b' | 'c' | 'd' | 'o' | 'x' | 'X' | 'n') {
        return Err(unknown_code(ty, &type_name));
    }
    if sp.precision.is_some() {
        return Err(PyErr::value_error("Precision not allowed in integer format specifier"));
    }
    if sp.no_neg_0 {
        return Err(PyErr::value_error("Negative zero coercion (z) not allowed in integer format specifier"));
    }
    if ty == 'c' {
        if sp.sign.is_some() {
            return Err(PyErr::value_error("Sign not allowed with integer format specifier 'c'"));
        }
        if sp.alt {
            return Err(PyErr::value_error("Alternate form (#) not allowed with integer format specifier 'c'"));
        }
        let v = i.as_i64().ok_or_else(|| PyErr::overflow_error("Python int too large to convert to C long"))?;
        let ch = u32::try_from(v)
            .ok()
            .and_then(char::from_u32)
            .ok_or_else(|| PyErr::overflow_error("%c arg not in range(0x110000)"))?;
        let body = ch.to_string();
        return pad(&sp, &body, 1, '>');
    }
    let negative = i.is_negative();
    let (radix, prefix) = match ty {
        'b' => (2, "0b"),
        'o' => (8, "0o"),
        'x' => (16, "0x"),
        'X' => (16, "0X"),
        _ => (10, ""),
    };
    let digits = if radix == 10 {
        let mut d = crate::types::int::int_to_decimal(i)?;
        if negative {
            d.remove(0);
        }
        d
    } else {
        let mut d = match i.val() {
            IntVal::Small(v) => match radix {
                2 => format!("{:b}", v.unsigned_abs()),
                8 => format!("{:o}", v.unsigned_abs()),
                _ => format!("{:x}", v.unsigned_abs()),
            },
            IntVal::Big(b) => b.magnitude().to_str_radix(radix),
        };
        if ty == 'X' {
            d.make_ascii_uppercase();
        }
        d
    };
    let parts = NumberParts {
        sign: sign_text(&sp, negative),
        prefix: if sp.alt { prefix } else { "" },
        digits: &digits,
        rest: "",
    };
    let group = if radix == 10 { 3 } else { 4 };
    render_number(&sp, &parts, group)
}

/// Converts a float per a parsed spec (types `eEfFgGn%` and none); used by
/// float's and int's `__format__`.
fn float_with_spec(v: f64, sp: &Spec) -> PyResult<String> {
    let ty = sp.ty;
    let mut flags = FloatFlags { alt: sp.alt, no_neg_0: sp.no_neg_0, ..Default::default() };
    let mut value = v;
    let mut suffix = "";
    let (kind, default_precision) = match ty {
        None => {
            flags.add_dot_0 = true;
            (FloatKind::Repr, 0)
        }
        Some('e') => (FloatKind::Exp, 6),
        Some('E') => {
            flags.upper = true;
            (FloatKind::Exp, 6)
        }
        Some('f') => (FloatKind::Fixed, 6),
        Some('F') => {
            flags.upper = true;
            (FloatKind::Fixed, 6)
        }
        Some('g') | Some('n') => (FloatKind::General, 6),
        Some('G') => {
            flags.upper = true;
            (FloatKind::General, 6)
        }
        Some('%') => {
            value *= 100.0;
            suffix = "%";
            (FloatKind::Fixed, 6)
        }
        Some(c) => return Err(unknown_code(c, "float")),
    };
    let (kind, precision) = match sp.precision {
        None => (kind, default_precision),
        Some(p) if kind == FloatKind::Repr => (FloatKind::General, p),
        Some(p) => (kind, p),
    };
    check_size(400, precision, 1)?;
    let text = double_to_string(value, kind, precision, flags);
    layout_float(sp, &text, suffix)
}

/// Splits formatted float text into sign, integer digits and the rest, then
/// lays it out.
fn layout_float(sp: &Spec, text: &str, suffix: &str) -> PyResult<String> {
    let (negative, unsigned) = match text.strip_prefix('-') {
        Some(t) => (true, t),
        None => (false, text),
    };
    let split = unsigned.find(|c: char| !c.is_ascii_digit()).unwrap_or(unsigned.len());
    let (digits, rest) = unsigned.split_at(split);
    let rest = format!("{rest}{suffix}");
    let parts = NumberParts { sign: sign_text(sp, negative), prefix: "", digits, rest: &rest };
    render_number(sp, &parts, 3)
}

/// `format(float, spec)`.
pub fn format_float(v: f64, spec: &str) -> PyResult<PyRef> {
    if spec.is_empty() {
        return Ok(from_string(crate::types::float::float_repr_str(v)));
    }
    let sp = Spec::parse(spec, "float", None)?;
    Ok(from_string(float_with_spec(v, &sp)?))
}

/// `format(complex, spec)`.
pub fn format_complex(re: f64, im: f64, spec: &str) -> PyResult<PyRef> {
    if spec.is_empty() {
        return Ok(from_string(crate::types::complex::complex_repr_str(re, im)));
    }
    Ok(from_string(complex_text(re, im, spec)?))
}

fn complex_text(re: f64, im: f64, spec: &str) -> PyResult<String> {
    let sp = Spec::parse(spec, "complex", None)?;
    let mut flags = FloatFlags { alt: sp.alt, no_neg_0: sp.no_neg_0, ..Default::default() };
    let mut skip_re = false;
    let mut parens = false;
    let (kind, default_precision) = match sp.ty {
        None => {
            if re == 0.0 && re.is_sign_positive() {
                skip_re = true;
            } else {
                parens = true;
            }
            (FloatKind::Repr, 0)
        }
        Some('e') => (FloatKind::Exp, 6),
        Some('E') => {
            flags.upper = true;
            (FloatKind::Exp, 6)
        }
        Some('f') => (FloatKind::Fixed, 6),
        Some('F') => {
            flags.upper = true;
            (FloatKind::Fixed, 6)
        }
        Some('g') | Some('n') => (FloatKind::General, 6),
        Some('G') => {
            flags.upper = true;
            (FloatKind::General, 6)
        }
        Some(c) => return Err(unknown_code(c, "complex")),
    };
    // The type is checked first, then the padding (CPython's order).
    if sp.fill == '0' {
        return Err(PyErr::value_error("Zero padding is not allowed in complex format specifier"));
    }
    if sp.align == Some('=') {
        return Err(PyErr::value_error("'=' alignment flag is not allowed in complex format specifier"));
    }
    let (kind, precision) = match sp.precision {
        None => (kind, default_precision),
        Some(p) if kind == FloatKind::Repr => (FloatKind::General, p),
        Some(p) => (kind, p),
    };
    // Each part gets the sign and grouping; the padding applies to the whole.
    let part_spec = Spec { width: None, align: None, fill: ' ', ..sp.clone() };
    let im_spec = Spec { sign: if skip_re { sp.sign } else { Some('+') }, ..part_spec.clone() };
    check_size(800, precision, 2)?;
    let mut body = String::new();
    if parens {
        body.push('(');
    }
    if !skip_re {
        body.push_str(&layout_float(&part_spec, &double_to_string(re, kind, precision, flags), "")?);
    }
    body.push_str(&layout_float(&im_spec, &double_to_string(im, kind, precision, flags), "")?);
    body.push('j');
    if parens {
        body.push(')');
    }
    let len = body.chars().count();
    pad(&sp, &body, len, '>')
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::types::int::INT_TYPE;

    fn ok(r: PyResult<String>) -> String {
        r.unwrap_or_else(|_| "<error>".to_string())
    }

    fn float(v: f64, spec: &str) -> String {
        ok(Spec::parse(spec, "float", None).and_then(|sp| float_with_spec(v, &sp)))
    }

    // Expected values come from CPython 3.11.
    #[test]
    fn ints() {
        let cases: &[(i64, &str, &str)] = &[
            (1234, "010,", "00,001,234"),
            (1234, "08,", "0,001,234"),
            (-1234, "+_", "-1_234"),
            (255, "#010x", "0x000000ff"),
            (0x12345, "#09_x", "0x01_2345"),
            (-255, "#X", "-0XFF"),
            (5, "#b", "0b101"),
            (8, "o", "10"),
            (42, "*^9", "***42****"),
            (42, "=+8", "+     42"),
            (42, " ", " 42"),
            (65, "c", "A"),
            (7, "e", "7.000000e+00"),
            (3, "%", "300.000000%"),
            (1234567, "n", "1234567"),
            (i64::MIN, "x", "-8000000000000000"),
        ];
        for &(v, spec, want) in cases {
            let i = IntObj::new_static(&INT_TYPE.0, v);
            assert_eq!(ok(int_text(&i, spec)), want, "{v} {spec:?}");
        }
    }

    #[test]
    // 3.14159 is a formatting input, not an approximation of pi.
    #[allow(clippy::approx_constant)]
    fn floats() {
        let cases: &[(f64, &str, &str)] = &[
            (1234.5678, ",.2f", "1,234.57"),
            (-1234.5, "09,.1f", "-01,234.5"),
            (1.0, ".3", "1.0"),
            (123.0, ".2", "1.2e+02"),
            (0.0, ".1", "0e+00"),
            (1e16, ".17", "1e+16"),
            (1e20, "#", "1.e+20"),
            (-0.0, "z.1f", "0.0"),
            (f64::INFINITY, "010", "0000000inf"),
            (f64::NAN, "=+10", "+      nan"),
            (1e-5, "%", "0.001000%"),
            (2.675, ".2f", "2.67"),
            (1.5, "#g", "1.50000"),
            (0.0001, "g", "0.0001"),
            (12345.678, "n", "12345.7"),
            (3.14159, "^+12.3e", " +3.142e+00 "),
        ];
        for &(v, spec, want) in cases {
            assert_eq!(float(v, spec), want, "{v} {spec:?}");
        }
    }

    #[test]
    fn complexes() {
        let cases: &[(f64, f64, &str, &str)] = &[
            (1.0, 2.0, ">10", "    (1+2j)"),
            (1.0, 2.0, ".2", "(1+2j)"),
            (0.0, 1.0, "", "1j"),
            (1e20, 1.0, "g", "1e+20+1j"),
            (1.0, 2.0, "+.3e", "+1.000e+00+2.000e+00j"),
            (1.0, 2.0, "^20.1f", "      1.0+2.0j      "),
            (1e20, 1.0, ",.2f", "100,000,000,000,000,000,000.00+1.00j"),
            (0.0, 1.0, " ", " 1j"),
            (1.0, 2.0, "#", "(1.+2.j)"),
        ];
        for &(re, im, spec, want) in cases {
            assert_eq!(ok(complex_text(re, im, spec)), want, "{re} {im} {spec:?}");
        }
    }

    #[test]
    fn strs() {
        let cases: &[(&str, &str, &str)] = &[
            ("héllo", "^9", "  héllo  "),
            ("abc", ".2", "ab"),
            ("a", "05", "a0000"),
            ("é", "é^7", "ééééééé"),
            ("abc", "<<5", "abc<<"),
            ("abcdef", "*>8.3", "*****abc"),
        ];
        for &(s, spec, want) in cases {
            assert_eq!(ok(str_text(s, spec)), want, "{s} {spec:?}");
        }
    }

    #[test]
    fn grouping_pads_without_leading_separator() {
        let g = |d, sep, n, w| ok(group_digits(d, sep, n, w));
        assert_eq!(g("1234", Some(','), 3, 8), "0,001,234");
        assert_eq!(g("1234", Some(','), 3, 6), "01,234");
        assert_eq!(g("12345", Some('_'), 4, 0), "1_2345");
        assert_eq!(g("", Some(','), 3, 4), "0000");
    }
}

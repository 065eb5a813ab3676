//! Float to text with CPython's rules (`PyOS_double_to_string`): the `e`, `f`,
//! `g` and `r` (repr) conversions, alternate form, `.0` for integral values and
//! negative-zero suppression. Digits come from Rust's exact, correctly rounded
//! formatting, so they equal CPython's (whose dtoa is correctly rounded too).

/// The conversion applied to a finite float.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum FloatKind {
    /// `e`: one digit, point, `precision` digits, exponent.
    Exp,
    /// `f`: `precision` digits after the point.
    Fixed,
    /// `g`: `precision` significant digits, fixed or exponent form.
    General,
    /// `r`: the shortest repr (precision ignored).
    Repr,
}

/// Options of [`double_to_string`].
#[derive(Clone, Copy, Default, Debug)]
pub struct FloatFlags {
    /// `#`: keep the point (and for `g` the trailing zeros).
    pub alt: bool,
    /// Append `.0` to integral results (the no-type spec and `str()`).
    pub add_dot_0: bool,
    /// `z`: negative values that round to zero lose their sign.
    pub no_neg_0: bool,
    /// `E`, `F`, `G`: uppercase `E`, `INF`, `NAN`.
    pub upper: bool,
}

/// Formats `v`. Negative values (and `-0.0`) get a leading `-`; NaN never has
/// a sign. The caller adds `+`/space signs and padding.
pub fn double_to_string(v: f64, kind: FloatKind, precision: usize, flags: FloatFlags) -> String {
    if !v.is_finite() {
        let word = if v.is_nan() {
            "nan"
        } else if v > 0.0 {
            "inf"
        } else {
            "-inf"
        };
        return if flags.upper { word.to_ascii_uppercase() } else { word.to_string() };
    }
    let neg = v.is_sign_negative();
    let a = v.abs();
    let mut body = match kind {
        FloatKind::Exp => exp_form(a, precision, flags.alt),
        FloatKind::Fixed => fixed_form(a, precision, flags.alt),
        FloatKind::General => general_form(a, precision.max(1), flags),
        FloatKind::Repr => repr_form(a, flags),
    };
    if flags.add_dot_0 && !body.contains(['.', 'e']) {
        body.push_str(".0");
    }
    if flags.upper {
        body.make_ascii_uppercase();
    }
    let neg = neg && !(flags.no_neg_0 && is_zero_text(&body));
    if neg {
        body.insert(0, '-');
    }
    body
}

/// Whether formatted digits (before any exponent) are all zero.
fn is_zero_text(s: &str) -> bool {
    s.chars().take_while(|c| *c != 'e' && *c != 'E').all(|c| c == '0' || c == '.')
}

/// Splits Rust's `{:e}` output (`1.5e-7`) into mantissa and exponent.
fn split_exp(s: &str) -> (&str, i32) {
    match s.split_once('e') {
        Some((m, e)) => (m, e.parse().unwrap_or(0)),
        None => (s, 0),
    }
}

/// CPython's exponent suffix: sign and at least two digits.
fn push_exponent(out: &mut String, exp: i32) {
    out.push('e');
    out.push(if exp < 0 { '-' } else { '+' });
    let e = exp.unsigned_abs();
    if e < 10 {
        out.push('0');
    }
    out.push_str(&e.to_string());
}

fn exp_form(a: f64, precision: usize, alt: bool) -> String {
    let s = format!("{a:.precision$e}");
    let (mant, exp) = split_exp(&s);
    let mut out = String::with_capacity(mant.len() + 6);
    out.push_str(mant);
    if alt && !mant.contains('.') {
        out.push('.');
    }
    push_exponent(&mut out, exp);
    out
}

fn fixed_form(a: f64, precision: usize, alt: bool) -> String {
    let mut s = format!("{a:.precision$}");
    if alt && precision == 0 {
        s.push('.');
    }
    s
}

/// Removes trailing zeros after the point, and the point if nothing follows.
fn trim_fraction(s: &mut String) {
    if s.contains('.') {
        let keep = s.trim_end_matches('0').trim_end_matches('.').len();
        s.truncate(keep);
    }
}

fn general_form(a: f64, p: usize, flags: FloatFlags) -> String {
    let alt = flags.alt;
    // The exponent after rounding to `p` significant digits decides the form;
    // with `add_dot_0` CPython switches to the exponent one digit earlier, so
    // the added `.0` never shows more digits than the precision.
    let e_text = format!("{a:.prec$e}", prec = p - 1);
    let (mant, exp) = split_exp(&e_text);
    let limit = if flags.add_dot_0 { p as i64 - 1 } else { p as i64 };
    if -4 <= exp && (exp as i64) < limit {
        let decimals = (p as i64 - 1 - exp as i64) as usize;
        let mut s = format!("{a:.decimals$}");
        if alt {
            if !s.contains('.') {
                s.push('.');
            }
        } else {
            trim_fraction(&mut s);
        }
        s
    } else {
        let mut m = mant.to_string();
        if alt {
            if !m.contains('.') {
                m.push('.');
            }
        } else {
            trim_fraction(&mut m);
        }
        push_exponent(&mut m, exp);
        m
    }
}

/// The shortest round-trip text, repr's layout, without the `.0` of integral
/// values (added by `add_dot_0`).
fn repr_form(a: f64, flags: FloatFlags) -> String {
    let mut s = crate::types::float::float_repr_str(a);
    if !flags.add_dot_0 {
        if let Some(stripped) = s.strip_suffix(".0") {
            s = stripped.to_string();
        }
    }
    if flags.alt && !s.contains('.') {
        match s.find('e') {
            Some(i) => s.insert(i, '.'),
            None => s.push('.'),
        }
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    fn f(v: f64, kind: FloatKind, p: usize) -> String {
        double_to_string(v, kind, p, FloatFlags::default())
    }

    #[test]
    fn conversions_match_cpython() {
        use FloatKind::*;
        // Expected values from CPython 3.11.
        let cases: &[(f64, FloatKind, usize, &str)] = &[
            (1.0, Exp, 6, "1.000000e+00"),
            (-1234.5678, Exp, 2, "-1.23e+03"),
            (1e-300, Exp, 3, "1.000e-300"),
            (0.125, Fixed, 2, "0.12"),
            (0.375, Fixed, 2, "0.38"),
            (2.5, Fixed, 0, "2"),
            (1e22, Fixed, 1, "10000000000000000000000.0"),
            (0.0001, General, 6, "0.0001"),
            (0.00001, General, 6, "1e-05"),
            (123456.0, General, 6, "123456"),
            (1234567.0, General, 6, "1.23457e+06"),
            (9.9999999, General, 3, "10"),
            (0.0, General, 0, "0"),
            (100.0, General, 2, "1e+02"),
            (1e16, Repr, 0, "1e+16"),
            (1.0, Repr, 0, "1"),
            (0.1, Repr, 0, "0.1"),
        ];
        for &(v, kind, p, want) in cases {
            assert_eq!(f(v, kind, p), want, "{v} {kind:?} {p}");
        }
    }

    #[test]
    fn flags() {
        let alt = FloatFlags { alt: true, ..Default::default() };
        assert_eq!(double_to_string(1.0, FloatKind::Exp, 0, alt), "1.e+00");
        assert_eq!(double_to_string(1.0, FloatKind::Fixed, 0, alt), "1.");
        assert_eq!(double_to_string(1.5, FloatKind::General, 6, alt), "1.50000");
        assert_eq!(double_to_string(1e20, FloatKind::Repr, 0, alt), "1.e+20");
        let z = FloatFlags { no_neg_0: true, ..Default::default() };
        assert_eq!(double_to_string(-0.0001, FloatKind::Fixed, 2, z), "0.00");
        assert_eq!(double_to_string(-0.0, FloatKind::Fixed, 1, FloatFlags::default()), "-0.0");
        let up = FloatFlags { upper: true, ..Default::default() };
        assert_eq!(double_to_string(f64::NEG_INFINITY, FloatKind::Fixed, 1, up), "-INF");
        assert_eq!(double_to_string(-f64::NAN, FloatKind::Fixed, 1, FloatFlags::default()), "nan");
        let dot = FloatFlags { add_dot_0: true, ..Default::default() };
        assert_eq!(double_to_string(1.0, FloatKind::General, 3, dot), "1.0");
        assert_eq!(double_to_string(123.0, FloatKind::General, 2, dot), "1.2e+02");
    }
}

//! The complex functions themselves, following CPython 3.11's formulas step
//! for step so results agree to the bit on the same libm. Each returns its
//! value and an `Errno`: a domain error where C99 Annex G signals
//! divide-by-zero or invalid, a range error on overflow. Arguments with an
//! infinite or NaN part take their result from `special_values`.

use super::special_values::{self as sv, Table};
use crate::modules::math_special;

#[derive(Clone, Copy, Debug, PartialEq)]
pub struct C {
    pub re: f64,
    pub im: f64,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Errno {
    Ok,
    Domain,
    Range,
}

pub type Out = (C, Errno);

const fn c(re: f64, im: f64) -> C {
    C { re, im }
}

const LN2: f64 = std::f64::consts::LN_2;
const LN10: f64 = std::f64::consts::LN_10;
const E: f64 = std::f64::consts::E;
/// Bounds beyond which the formulas are rearranged to avoid spurious overflow.
const LARGE_DOUBLE: f64 = f64::MAX / 4.0;
const MANT_DIG: i32 = f64::MANTISSA_DIGITS as i32;
/// Scaling that turns subnormal square-root arguments into normal numbers.
const SCALE_UP: i32 = 2 * (MANT_DIG / 2) + 1;
const SCALE_DOWN: i32 = -(SCALE_UP + 1) / 2;

fn sqrt_large_double() -> f64 {
    LARGE_DOUBLE.sqrt()
}
fn log_large_double() -> f64 {
    LARGE_DOUBLE.ln()
}
fn sqrt_dbl_min() -> f64 {
    f64::MIN_POSITIVE.sqrt()
}

/// `x * 2**n`, exact for the scalings used here.
fn ldexp(x: f64, n: i32) -> f64 {
    x * f64::from_bits(((1023 + n) as u64) << 52)
}

/// `log1p` that keeps the sign of a zero argument.
fn log1p(x: f64) -> f64 {
    if x == 0.0 {
        x
    } else {
        x.ln_1p()
    }
}

/// The class of a double, as the tables index it.
fn class(d: f64) -> usize {
    if d.is_nan() {
        6
    } else if d.is_infinite() {
        if d > 0.0 {
            5
        } else {
            0
        }
    } else if d != 0.0 {
        if d > 0.0 {
            4
        } else {
            1
        }
    } else if d.is_sign_positive() {
        3
    } else {
        2
    }
}

fn special(z: C, table: &Table) -> Option<C> {
    if z.re.is_finite() && z.im.is_finite() {
        return None;
    }
    let (re, im) = table[class(z.re)][class(z.im)];
    Some(c(re, im))
}

fn neg(z: C) -> C {
    c(-z.re, -z.im)
}

/// `f(i*z)` rotated back by `-i`, as `asin`, `atan`, `sin` and `tan` are
/// built from the hyperbolic functions.
fn via_i(z: C, f: fn(C) -> Out) -> Out {
    let (s, e) = f(c(-z.im, z.re));
    (c(s.im, -s.re), e)
}

pub fn sqrt(z: C) -> Out {
    if let Some(r) = special(z, &sv::SQRT) {
        return (r, Errno::Ok);
    }
    if z.re == 0.0 && z.im == 0.0 {
        return (c(0.0, z.im), Errno::Ok);
    }
    let (mut ax, ay) = (z.re.abs(), z.im.abs());
    let s = if ax < f64::MIN_POSITIVE && ay < f64::MIN_POSITIVE {
        ax = ldexp(ax, SCALE_UP);
        ldexp((ax + ax.hypot(ldexp(ay, SCALE_UP))).sqrt(), SCALE_DOWN)
    } else {
        ax /= 8.0;
        2.0 * (ax + ax.hypot(ay / 8.0)).sqrt()
    };
    let d = ay / (2.0 * s);
    if z.re >= 0.0 {
        (c(s, d.copysign(z.im)), Errno::Ok)
    } else {
        (c(d, s.copysign(z.im)), Errno::Ok)
    }
}

pub fn acos(z: C) -> Out {
    if let Some(r) = special(z, &sv::ACOS) {
        return (r, Errno::Ok);
    }
    if z.re.abs() > LARGE_DOUBLE || z.im.abs() > LARGE_DOUBLE {
        let re = z.im.abs().atan2(z.re);
        let im = -((z.re / 2.0).hypot(z.im / 2.0).ln() + LN2 * 2.0).copysign(z.im);
        return (c(re, im), Errno::Ok);
    }
    let s1 = sqrt(c(1.0 - z.re, -z.im)).0;
    let s2 = sqrt(c(1.0 + z.re, z.im)).0;
    let re = 2.0 * s1.re.atan2(s2.re);
    let im = math_special::asinh(s2.re * s1.im - s2.im * s1.re);
    (c(re, im), Errno::Ok)
}

pub fn acosh(z: C) -> Out {
    if let Some(r) = special(z, &sv::ACOSH) {
        return (r, Errno::Ok);
    }
    if z.re.abs() > LARGE_DOUBLE || z.im.abs() > LARGE_DOUBLE {
        let re = (z.re / 2.0).hypot(z.im / 2.0).ln() + LN2 * 2.0;
        return (c(re, z.im.atan2(z.re)), Errno::Ok);
    }
    let s1 = sqrt(c(z.re - 1.0, z.im)).0;
    let s2 = sqrt(c(z.re + 1.0, z.im)).0;
    let re = math_special::asinh(s1.re * s2.re + s1.im * s2.im);
    let im = 2.0 * s1.im.atan2(s2.re);
    (c(re, im), Errno::Ok)
}

pub fn asinh(z: C) -> Out {
    if let Some(r) = special(z, &sv::ASINH) {
        return (r, Errno::Ok);
    }
    if z.re.abs() > LARGE_DOUBLE || z.im.abs() > LARGE_DOUBLE {
        let l = (z.re / 2.0).hypot(z.im / 2.0).ln() + LN2 * 2.0;
        let re = if z.im >= 0.0 { l.copysign(z.re) } else { -l.copysign(-z.re) };
        return (c(re, z.im.atan2(z.re.abs())), Errno::Ok);
    }
    let s1 = sqrt(c(1.0 + z.im, -z.re)).0;
    let s2 = sqrt(c(1.0 - z.im, z.re)).0;
    let re = math_special::asinh(s1.re * s2.im - s2.re * s1.im);
    let im = z.im.atan2(s1.re * s2.re - s1.im * s2.im);
    (c(re, im), Errno::Ok)
}

pub fn asin(z: C) -> Out {
    via_i(z, asinh)
}

pub fn atanh(z: C) -> Out {
    if let Some(r) = special(z, &sv::ATANH) {
        return (r, Errno::Ok);
    }
    if z.re < 0.0 {
        let (r, e) = atanh(neg(z));
        return (neg(r), e);
    }
    let ay = z.im.abs();
    if z.re > sqrt_large_double() || ay > sqrt_large_double() {
        // |z| large: atanh(z) ~ 1/z +/- i*pi/2.
        let h = (z.re / 2.0).hypot(z.im / 2.0);
        let re = z.re / 4.0 / h / h;
        return (c(re, (std::f64::consts::PI / 2.0).copysign(z.im)), Errno::Ok);
    }
    if z.re == 1.0 && ay < sqrt_dbl_min() {
        if ay == 0.0 {
            return (c(f64::INFINITY, z.im), Errno::Domain);
        }
        let re = -(ay.sqrt() / ay.hypot(2.0).sqrt()).ln();
        let im = (2.0f64.atan2(-ay) / 2.0).copysign(z.im);
        return (c(re, im), Errno::Ok);
    }
    let re = log1p(4.0 * z.re / ((1.0 - z.re) * (1.0 - z.re) + ay * ay)) / 4.0;
    let im = -(-2.0 * z.im).atan2((1.0 - z.re) * (1.0 + z.re) - ay * ay) / 2.0;
    (c(re, im), Errno::Ok)
}

pub fn atan(z: C) -> Out {
    via_i(z, atanh)
}

/// The overflow rule shared by the exponential family.
fn range_check(r: C) -> Out {
    let e = if r.re.is_infinite() || r.im.is_infinite() { Errno::Range } else { Errno::Ok };
    (r, e)
}

pub fn cosh(z: C) -> Out {
    if !z.re.is_finite() || !z.im.is_finite() {
        let r = if z.re.is_infinite() && z.im.is_finite() && z.im != 0.0 {
            let re = f64::INFINITY.copysign(z.im.cos());
            let im = f64::INFINITY.copysign(z.im.sin());
            if z.re > 0.0 {
                c(re, im)
            } else {
                c(re, -im)
            }
        } else {
            special(z, &sv::COSH).unwrap_or(c(f64::NAN, f64::NAN))
        };
        let e = if z.im.is_infinite() && !z.re.is_nan() { Errno::Domain } else { Errno::Ok };
        return (r, e);
    }
    let r = if z.re.abs() > log_large_double() {
        let x_minus_one = z.re - 1f64.copysign(z.re);
        c(z.im.cos() * x_minus_one.cosh() * E, z.im.sin() * x_minus_one.sinh() * E)
    } else {
        c(z.im.cos() * z.re.cosh(), z.im.sin() * z.re.sinh())
    };
    range_check(r)
}

pub fn cos(z: C) -> Out {
    cosh(c(-z.im, z.re))
}

pub fn sinh(z: C) -> Out {
    if !z.re.is_finite() || !z.im.is_finite() {
        let r = if z.re.is_infinite() && z.im.is_finite() && z.im != 0.0 {
            let re = f64::INFINITY.copysign(z.im.cos());
            let im = f64::INFINITY.copysign(z.im.sin());
            if z.re > 0.0 {
                c(re, im)
            } else {
                c(-re, im)
            }
        } else {
            special(z, &sv::SINH).unwrap_or(c(f64::NAN, f64::NAN))
        };
        let e = if z.im.is_infinite() && !z.re.is_nan() { Errno::Domain } else { Errno::Ok };
        return (r, e);
    }
    let r = if z.re.abs() > log_large_double() {
        let x_minus_one = z.re - 1f64.copysign(z.re);
        c(z.im.cos() * x_minus_one.sinh() * E, z.im.sin() * x_minus_one.cosh() * E)
    } else {
        c(z.im.cos() * z.re.sinh(), z.im.sin() * z.re.cosh())
    };
    range_check(r)
}

pub fn sin(z: C) -> Out {
    via_i(z, sinh)
}

pub fn tanh(z: C) -> Out {
    if !z.re.is_finite() || !z.im.is_finite() {
        let r = if z.re.is_infinite() && z.im.is_finite() && z.im != 0.0 {
            let im = 0f64.copysign(2.0 * z.im.sin() * z.im.cos());
            c(if z.re > 0.0 { 1.0 } else { -1.0 }, im)
        } else {
            special(z, &sv::TANH).unwrap_or(c(f64::NAN, f64::NAN))
        };
        let e = if z.im.is_infinite() && z.re.is_finite() { Errno::Domain } else { Errno::Ok };
        return (r, e);
    }
    if z.re.abs() > log_large_double() {
        let re = 1f64.copysign(z.re);
        let im = 4.0 * z.im.sin() * z.im.cos() * (-2.0 * z.re.abs()).exp();
        return (c(re, im), Errno::Ok);
    }
    let tx = z.re.tanh();
    let ty = z.im.tan();
    let cx = 1.0 / z.re.cosh();
    let txty = tx * ty;
    let denom = 1.0 + txty * txty;
    (c(tx * (1.0 + ty * ty) / denom, ((ty / denom) * cx) * cx), Errno::Ok)
}

pub fn tan(z: C) -> Out {
    via_i(z, tanh)
}

pub fn exp(z: C) -> Out {
    if !z.re.is_finite() || !z.im.is_finite() {
        let r = if z.re.is_infinite() && z.im.is_finite() && z.im != 0.0 {
            let big = if z.re > 0.0 { f64::INFINITY } else { 0.0 };
            c(big.copysign(z.im.cos()), big.copysign(z.im.sin()))
        } else {
            special(z, &sv::EXP).unwrap_or(c(f64::NAN, f64::NAN))
        };
        let e =
            if z.im.is_infinite() && (z.re.is_finite() || z.re == f64::INFINITY) { Errno::Domain } else { Errno::Ok };
        return (r, e);
    }
    let r = if z.re > log_large_double() {
        let l = (z.re - 1.0).exp();
        c(l * z.im.cos() * E, l * z.im.sin() * E)
    } else {
        let l = z.re.exp();
        c(l * z.im.cos(), l * z.im.sin())
    };
    range_check(r)
}

/// The natural logarithm, careful near |z| = 1 and for tiny or huge |z|.
pub fn log(z: C) -> Out {
    if let Some(r) = special(z, &sv::LOG) {
        return (r, Errno::Ok);
    }
    let (ax, ay) = (z.re.abs(), z.im.abs());
    let re = if ax > LARGE_DOUBLE || ay > LARGE_DOUBLE {
        (ax / 2.0).hypot(ay / 2.0).ln() + LN2
    } else if ax < f64::MIN_POSITIVE && ay < f64::MIN_POSITIVE {
        if ax > 0.0 || ay > 0.0 {
            // |z| subnormal: rescale so hypot keeps its precision.
            ldexp(ax, MANT_DIG).hypot(ldexp(ay, MANT_DIG)).ln() - f64::from(MANT_DIG) * LN2
        } else {
            return (c(f64::NEG_INFINITY, z.im.atan2(z.re)), Errno::Domain);
        }
    } else {
        let h = ax.hypot(ay);
        if (0.71..=1.73).contains(&h) {
            let (am, an) = if ax > ay { (ax, ay) } else { (ay, ax) };
            log1p((am - 1.0) * (am + 1.0) + an * an) / 2.0
        } else {
            h.ln()
        }
    };
    (c(re, z.im.atan2(z.re)), Errno::Ok)
}

pub fn log10(z: C) -> Out {
    let (r, e) = log(z);
    (c(r.re / LN10, r.im / LN10), e)
}

/// `log(z, base)`: the quotient of two logarithms; the error state is the
/// base's logarithm's, then the division's.
pub fn log_base(z: C, base: C) -> Out {
    let (lz, _) = log(z);
    let (lb, e) = log(base);
    match crate::types::complex::quotient((lz.re, lz.im), (lb.re, lb.im)) {
        Some((re, im)) => (c(re, im), e),
        None => (c(0.0, 0.0), Errno::Domain),
    }
}

/// `rect(r, phi)`: like `exp(log(r) + i*phi)` in its special values.
pub fn rect(r: f64, phi: f64) -> Out {
    if !r.is_finite() || !phi.is_finite() {
        let z = if r.is_infinite() && phi.is_finite() && phi != 0.0 {
            let re = f64::INFINITY.copysign(phi.cos());
            let im = f64::INFINITY.copysign(phi.sin());
            if r > 0.0 {
                c(re, im)
            } else {
                c(-re, -im)
            }
        } else {
            special(c(r, phi), &sv::RECT).unwrap_or(c(f64::NAN, f64::NAN))
        };
        let e = if r != 0.0 && !r.is_nan() && phi.is_infinite() { Errno::Domain } else { Errno::Ok };
        return (z, e);
    }
    if phi == 0.0 {
        return (c(r, r * phi), Errno::Ok);
    }
    (c(r * phi.cos(), r * phi.sin()), Errno::Ok)
}

/// `abs(z)`, with a range error when finite parts overflow.
pub fn abs(z: C) -> (f64, Errno) {
    if !z.re.is_finite() || !z.im.is_finite() {
        if z.re.is_infinite() {
            return (z.re.abs(), Errno::Ok);
        }
        if z.im.is_infinite() {
            return (z.im.abs(), Errno::Ok);
        }
        return (f64::NAN, Errno::Ok);
    }
    let r = z.re.hypot(z.im);
    (r, if r.is_infinite() { Errno::Range } else { Errno::Ok })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn basics() {
        assert_eq!(sqrt(c(-4.0, 0.0)).0, c(0.0, 2.0));
        assert_eq!(sqrt(c(-4.0, -0.0)).0, c(0.0, -2.0));
        assert_eq!(exp(c(0.0, 0.0)).0, c(1.0, 0.0));
        assert_eq!(log(c(0.0, 0.0)).1, Errno::Domain);
        assert_eq!(atanh(c(1.0, 0.0)).1, Errno::Domain);
        assert_eq!(exp(c(1000.0, 0.0)).1, Errno::Range);
        assert_eq!(class(-0.0), 2);
        assert_eq!(ldexp(1.0, 53), 9007199254740992.0);
    }
}

//! The numerical kernels of the `math` module that CPython computes itself
//! rather than taking from libm (gamma, lgamma, vector norms, fsum,
//! remainder, atan2's special cases), plus the few libm functions Rust's
//! standard library does not expose. Results match CPython bit for bit on
//! the same libm (glibc).

use std::f64::consts::PI;

mod libm {
    extern "C" {
        pub fn erf(x: f64) -> f64;
        pub fn erfc(x: f64) -> f64;
        pub fn asinh(x: f64) -> f64;
        pub fn acosh(x: f64) -> f64;
        pub fn atanh(x: f64) -> f64;
    }
}

// SAFETY (all five wrappers): the C math functions take and return plain
// doubles, have no preconditions and touch no memory besides errno.
pub fn erf(x: f64) -> f64 {
    unsafe { libm::erf(x) }
}
pub fn erfc(x: f64) -> f64 {
    unsafe { libm::erfc(x) }
}
pub fn asinh(x: f64) -> f64 {
    unsafe { libm::asinh(x) }
}
pub fn acosh(x: f64) -> f64 {
    unsafe { libm::acosh(x) }
}
pub fn atanh(x: f64) -> f64 {
    unsafe { libm::atanh(x) }
}

type UnaryFn = extern "C" fn(f64) -> f64;

/// libm's `cbrt`. Rust's compiler-builtins links its own correctly rounded
/// `cbrt` into the binary, shadowing libm's, while CPython uses libm's; so it
/// is looked up in libm itself.
pub fn cbrt(x: f64) -> f64 {
    static LIBM_CBRT: std::sync::OnceLock<Option<UnaryFn>> = std::sync::OnceLock::new();
    match LIBM_CBRT.get_or_init(|| libm_function(c"cbrt")) {
        Some(f) => f(x),
        None => x.cbrt(),
    }
}

#[cfg(target_os = "linux")]
fn libm_function(name: &std::ffi::CStr) -> Option<UnaryFn> {
    // SAFETY: dlopen and dlsym get NUL-terminated names; a symbol found in
    // libm under a unary function's name is `double f(double)`, which is
    // what it is transmuted to. The library handle is never closed.
    unsafe {
        let handle = libc::dlopen(c"libm.so.6".as_ptr(), libc::RTLD_LAZY | libc::RTLD_LOCAL);
        if handle.is_null() {
            return None;
        }
        let sym = libc::dlsym(handle, name.as_ptr());
        if sym.is_null() {
            return None;
        }
        Some(std::mem::transmute::<*mut libc::c_void, UnaryFn>(sym))
    }
}

#[cfg(not(target_os = "linux"))]
fn libm_function(_name: &std::ffi::CStr) -> Option<UnaryFn> {
    None
}

/// A math error, mapped to ValueError ("math domain error") or
/// OverflowError ("math range error") by the caller.
#[derive(Debug, PartialEq, Eq, Clone, Copy)]
pub enum MathError {
    Domain,
    Range,
}

/// `sin(pi * x)` for finite `x`, accurate near integers.
fn sinpi(x: f64) -> f64 {
    let y = x.abs() % 2.0;
    let n = (2.0 * y).round() as i32;
    let r = match n {
        0 => (PI * y).sin(),
        1 => (PI * (y - 0.5)).cos(),
        // sin(pi*(1-y)) keeps +0.0 at y == 1.
        2 => (PI * (1.0 - y)).sin(),
        3 => -(PI * (y - 1.5)).cos(),
        _ => (PI * (y - 2.0)).sin(),
    };
    1f64.copysign(x) * r
}

// The constants keep the digits they were published with (Rust and C parse
// them to the same doubles).
// The Lanczos approximation with N = 13 and g = 6.024680040776729583740234375,
// written as a rational function (the parameters CPython and Boost use).
#[allow(clippy::excessive_precision)]
const LANCZOS_G: f64 = 6.024680040776729583740234375;
#[allow(clippy::excessive_precision)]
const LANCZOS_G_MINUS_HALF: f64 = 5.524680040776729583740234375;
#[allow(clippy::excessive_precision)]
const LANCZOS_NUM: [f64; 13] = [
    23531376880.410759688572007674451636754734846804940,
    42919803642.649098768957899047001988850926355848959,
    35711959237.355668049440185451547166705960488635843,
    17921034426.037209699919755754458931112671403265390,
    6039542586.3520280050642916443072979210699388420708,
    1439720407.3117216736632230727949123939715485786772,
    248874557.86205415651146038641322942321632125127801,
    31426415.585400194380614231628318205362874684987640,
    2876370.6289353724412254090516208496135991145378768,
    186056.26539522349504029498971604569928220784236328,
    8071.6720023658162106380029022722506138218516325024,
    210.82427775157934587250973392071336271166969580291,
    2.5066282746310002701649081771338373386264310793408,
];
/// The denominator x*(x+1)*...*(x+11) as polynomial coefficients.
const LANCZOS_DEN: [f64; 13] = [
    0.0,
    39916800.0,
    120543840.0,
    150917976.0,
    105258076.0,
    45995730.0,
    13339535.0,
    2637558.0,
    357423.0,
    32670.0,
    1925.0,
    66.0,
    1.0,
];

/// Exact gamma values of 1..=23.
const GAMMA_INTEGRAL: [f64; 23] = [
    1.0,
    1.0,
    2.0,
    6.0,
    24.0,
    120.0,
    720.0,
    5040.0,
    40320.0,
    362880.0,
    3628800.0,
    39916800.0,
    479001600.0,
    6227020800.0,
    87178291200.0,
    1307674368000.0,
    20922789888000.0,
    355687428096000.0,
    6402373705728000.0,
    121645100408832000.0,
    2432902008176640000.0,
    51090942171709440000.0,
    1124000727777607680000.0,
];

/// The Lanczos sum for positive `x`; for large `x` it is evaluated in 1/x to
/// avoid overflow.
fn lanczos_sum(x: f64) -> f64 {
    let (mut num, mut den) = (0.0, 0.0);
    if x < 5.0 {
        for i in (0..13).rev() {
            num = num * x + LANCZOS_NUM[i];
            den = den * x + LANCZOS_DEN[i];
        }
    } else {
        for i in 0..13 {
            num = num / x + LANCZOS_NUM[i];
            den = den / x + LANCZOS_DEN[i];
        }
    }
    num / den
}

/// `math.gamma`.
pub fn gamma(x: f64) -> Result<f64, MathError> {
    if !x.is_finite() {
        return if x.is_nan() || x > 0.0 { Ok(x) } else { Err(MathError::Domain) };
    }
    if x == 0.0 {
        return Err(MathError::Domain);
    }
    if x == x.floor() {
        if x < 0.0 {
            return Err(MathError::Domain);
        }
        if x <= GAMMA_INTEGRAL.len() as f64 {
            return Ok(GAMMA_INTEGRAL[x as usize - 1]);
        }
    }
    let absx = x.abs();
    if absx < 1e-20 {
        let r = 1.0 / x;
        return if r.is_infinite() { Err(MathError::Range) } else { Ok(r) };
    }
    if absx > 200.0 {
        return if x < 0.0 { Ok(0.0 / sinpi(x)) } else { Err(MathError::Range) };
    }
    let y = absx + LANCZOS_G_MINUS_HALF;
    // The rounding error in y, to correct the pow/exp terms below.
    let z = if absx > LANCZOS_G_MINUS_HALF {
        let q = y - absx;
        q - LANCZOS_G_MINUS_HALF
    } else {
        let q = y - LANCZOS_G_MINUS_HALF;
        q - absx
    };
    let z = z * LANCZOS_G / y;
    let mut r;
    if x < 0.0 {
        r = -PI / sinpi(absx) / absx * y.exp() / lanczos_sum(absx);
        r -= z * r;
        if absx < 140.0 {
            r /= y.powf(absx - 0.5);
        } else {
            let sqrtpow = y.powf(absx / 2.0 - 0.25);
            r /= sqrtpow;
            r /= sqrtpow;
        }
    } else {
        r = lanczos_sum(absx) / y.exp();
        r += z * r;
        if absx < 140.0 {
            r *= y.powf(absx - 0.5);
        } else {
            let sqrtpow = y.powf(absx / 2.0 - 0.25);
            r *= sqrtpow;
            r *= sqrtpow;
        }
    }
    if r.is_infinite() {
        return Err(MathError::Range);
    }
    Ok(r)
}

/// `math.lgamma`: log of the absolute value of gamma.
pub fn lgamma(x: f64) -> Result<f64, MathError> {
    if !x.is_finite() {
        return Ok(if x.is_nan() { x } else { f64::INFINITY });
    }
    if x == x.floor() && x <= 2.0 {
        return if x <= 0.0 { Err(MathError::Domain) } else { Ok(0.0) };
    }
    let absx = x.abs();
    if absx < 1e-20 {
        return Ok(-absx.ln());
    }
    let mut r = lanczos_sum(absx).ln() - LANCZOS_G;
    r += (absx - 0.5) * ((absx + LANCZOS_G - 0.5).ln() - 1.0);
    if x < 0.0 {
        // Reflection formula.
        #[allow(clippy::excessive_precision)]
        const LOGPI: f64 = 1.144729885849400174143427351353058711647;
        r = LOGPI - sinpi(absx).abs().ln() - absx.ln() - r;
    }
    if r.is_infinite() {
        return Err(MathError::Range);
    }
    Ok(r)
}

/// `atan2` with C99's special values handled before libm sees them.
pub fn atan2(y: f64, x: f64) -> f64 {
    if x.is_nan() || y.is_nan() {
        return f64::NAN;
    }
    if y.is_infinite() {
        if x.is_infinite() {
            return if x.is_sign_positive() { (0.25 * PI).copysign(y) } else { (0.75 * PI).copysign(y) };
        }
        return (0.5 * PI).copysign(y);
    }
    if x.is_infinite() || y == 0.0 {
        return if x.is_sign_positive() { 0f64.copysign(y) } else { PI.copysign(y) };
    }
    y.atan2(x)
}

/// IEEE 754 remainder: `x - n*y` with `n` the integer nearest `x/y` (ties
/// to even); exact.
pub fn remainder(x: f64, y: f64) -> f64 {
    if x.is_finite() && y.is_finite() {
        if y == 0.0 {
            return f64::NAN;
        }
        let absx = x.abs();
        let absy = y.abs();
        let m = absx % absy;
        // Compare m with absy - m rather than with 0.5*absy, which may not
        // be representable.
        let c = absy - m;
        let r = if m < c {
            m
        } else if m > c {
            -c
        } else {
            // Halfway: choose the even multiple.
            m - 2.0 * ((0.5 * (absx - m)) % absy)
        };
        return 1f64.copysign(x) * r;
    }
    if x.is_nan() {
        return x;
    }
    if y.is_nan() {
        return y;
    }
    if x.is_infinite() {
        return f64::NAN;
    }
    x
}

/// The Euclidean norm of `vec` (absolute values, `max` their maximum) with
/// CPython's accurate algorithm: power-of-two scaling, Veltkamp-Dekker
/// splitting for exact squares, compensated summation and a correction of
/// the square root.
pub fn vector_norm(vec: &[f64], max: f64, found_nan: bool) -> f64 {
    const T27: f64 = 134217729.0; // 2**27 + 1
    if max.is_infinite() {
        return max;
    }
    if found_nan {
        return f64::NAN;
    }
    if max == 0.0 || vec.len() <= 1 {
        return max;
    }
    let (_, max_e) = crate::types::float::frexp(max);
    let mut csum = 1.0;
    let mut frac1 = 0.0;
    if max_e < -1023 {
        // 2**-max_e would overflow: divide by max instead.
        for &v in vec {
            let x = v / max;
            let x = x * x;
            let old = csum;
            csum += x;
            frac1 += (old - csum) + x;
        }
        return max * (csum - 1.0 + frac1).sqrt();
    }
    let scale = crate::types::float_exact::scalbn(1.0, -(max_e as i64));
    let mut frac2 = 0.0;
    let mut frac3 = 0.0;
    let split = |x: f64| {
        let t = x * T27;
        let hi = t - (t - x);
        (hi, x - hi)
    };
    // Neumaier step; |csum| >= |x| holds because csum starts at 1.0.
    fn add(csum: &mut f64, frac: &mut f64, x: f64) {
        let old = *csum;
        *csum += x;
        *frac += (old - *csum) + x;
    }
    for &v in vec {
        let (hi, lo) = split(v * scale);
        add(&mut csum, &mut frac1, hi * hi);
        add(&mut csum, &mut frac2, 2.0 * hi * lo);
        frac3 += lo * lo;
    }
    let h = (csum - 1.0 + (frac1 + frac2 + frac3)).sqrt();
    let (hi, lo) = split(h);
    add(&mut csum, &mut frac1, -hi * hi);
    add(&mut csum, &mut frac2, -2.0 * hi * lo);
    add(&mut csum, &mut frac3, -lo * lo);
    let x = csum - 1.0 + (frac1 + frac2 + frac3);
    (h + x / (2.0 * h)) / scale
}

/// Why `fsum` failed.
#[derive(Debug, PartialEq, Eq)]
pub enum FsumError {
    /// ValueError: "-inf + inf in fsum".
    InfMinusInf,
    /// OverflowError: "intermediate overflow in fsum".
    Overflow,
}

/// Exact summation with non-overlapping partials (Shewchuk), rounded once at
/// the end with CPython's half-even fix-up.
#[derive(Default)]
pub struct Fsum {
    partials: Vec<f64>,
    special_sum: f64,
    inf_sum: f64,
}

impl Fsum {
    pub fn add(&mut self, value: f64) -> Result<(), FsumError> {
        let mut x = value;
        let mut i = 0;
        for j in 0..self.partials.len() {
            let mut y = self.partials[j];
            if x.abs() < y.abs() {
                std::mem::swap(&mut x, &mut y);
            }
            let hi = x + y;
            let lo = y - (hi - x);
            if lo != 0.0 {
                self.partials[i] = lo;
                i += 1;
            }
            x = hi;
        }
        self.partials.truncate(i);
        if x != 0.0 {
            if !x.is_finite() {
                // An inf or nan summand, or an intermediate overflow.
                if value.is_finite() {
                    return Err(FsumError::Overflow);
                }
                if value.is_infinite() {
                    self.inf_sum += value;
                }
                self.special_sum += value;
                self.partials.clear();
            } else {
                self.partials.push(x);
            }
        }
        Ok(())
    }

    pub fn result(&self) -> Result<f64, FsumError> {
        if self.special_sum != 0.0 {
            return if self.inf_sum.is_nan() { Err(FsumError::InfMinusInf) } else { Ok(self.special_sum) };
        }
        let p = &self.partials;
        let mut n = p.len();
        if n == 0 {
            return Ok(0.0);
        }
        n -= 1;
        let mut hi = p[n];
        let mut lo = 0.0;
        // Add from the top while the sum stays exact.
        while n > 0 {
            let x = hi;
            n -= 1;
            let y = p[n];
            hi = x + y;
            let yr = hi - x;
            lo = y - yr;
            if lo != 0.0 {
                break;
            }
        }
        // Round half-even across partials: if the next partial has the same
        // sign as the rounding error, the true sum is past the halfway point.
        if n > 0 && ((lo < 0.0 && p[n - 1] < 0.0) || (lo > 0.0 && p[n - 1] > 0.0)) {
            let y = lo * 2.0;
            let x = hi + y;
            let yr = x - hi;
            if y == yr {
                hi = x;
            }
        }
        Ok(hi)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    // Expected values printed by CPython 3.11 on x86-64 Linux.
    #[test]
    fn gamma_family() {
        assert_eq!(gamma(0.5).unwrap().powi(2), 3.1415926535897927);
        assert_eq!(gamma(-0.5), Ok(-3.544907701811032));
        assert_eq!(gamma(5.0), Ok(24.0));
        assert_eq!(gamma(0.0), Err(MathError::Domain));
        assert_eq!(gamma(-1.0), Err(MathError::Domain));
        assert_eq!(gamma(172.0), Err(MathError::Range));
        assert_eq!(lgamma(10.0), Ok(12.801827480081467));
        assert_eq!(lgamma(-2.0), Err(MathError::Domain));
        assert_eq!(erf(1.0), 0.8427007929497149);
        assert_eq!(erfc(1.0), 0.15729920705028513);
        assert_eq!(cbrt(2.0), 1.2599210498948734);
        assert_eq!(cbrt(-27.0), -3.0000000000000004);
    }

    #[test]
    fn norms() {
        assert_eq!(vector_norm(&[3.0, 4.0], 4.0, false), 5.0);
        assert_eq!(vector_norm(&[1.0, 2.0, 2.0], 2.0, false), 3.0);
        assert_eq!(vector_norm(&[1.0, 1.0, 1.0], 1.0, false), 1.7320508075688772);
        assert_eq!(vector_norm(&[5e-324, 5e-324], 5e-324, false), 5e-324);
        assert!(vector_norm(&[1.0, f64::NAN], 1.0, true).is_nan());
        assert_eq!(vector_norm(&[f64::INFINITY, f64::NAN], f64::INFINITY, true), f64::INFINITY);
    }

    #[test]
    fn fsum_exact() {
        let sum = |xs: &[f64]| {
            let mut f = Fsum::default();
            for x in xs {
                f.add(*x)?;
            }
            f.result()
        };
        assert_eq!(sum(&[0.1; 10]), Ok(1.0));
        assert_eq!(sum(&[1e100, 1.0, -1e100]), Ok(1.0));
        assert_eq!(sum(&[0.3, 0.3, 0.3, -0.9]), Ok(-5.551115123125783e-17));
        assert_eq!(sum(&[1e-16, 1.0, 1e16]), Ok(1.0000000000000002e16));
        assert_eq!(sum(&[f64::INFINITY, f64::NEG_INFINITY]), Err(FsumError::InfMinusInf));
        assert_eq!(sum(&[1e308, 1e308]), Err(FsumError::Overflow));
    }

    #[test]
    fn remainder_and_atan2() {
        assert_eq!(remainder(7.0, 3.0), 1.0);
        assert_eq!(remainder(5.0, 2.0), 1.0);
        assert_eq!(remainder(-5.0, 2.0), -1.0);
        assert_eq!(remainder(7.0, 2.0), -1.0);
        assert!(remainder(1.0, 0.0).is_nan());
        assert_eq!(atan2(-0.0, -1.0), -PI);
        assert_eq!(atan2(f64::INFINITY, f64::NEG_INFINITY), 0.75 * PI);
    }
}

//! Exact float arithmetic helpers: scaling by powers of two, the exact
//! integer parts of a float, correctly rounded conversions of scaled big
//! integers, and decimal rounding (`round(x, n)`).

use num_bigint::{BigInt, BigUint, Sign};
use num_integer::Integer;
use num_traits::{One, ToPrimitive, Zero};

/// `x * 2**n`, correctly rounded (C's `scalbn`/`ldexp`); never double-rounds
/// subnormal results.
pub fn scalbn(x: f64, n: i64) -> f64 {
    let mut y = x;
    let mut n = n.clamp(-10_000, 10_000) as i32;
    let p1023 = f64::from_bits(0x7fe0_0000_0000_0000); // 2**1023
    let pm969 = f64::from_bits(0x0360_0000_0000_0000); // 2**-1022 * 2**53
    if n > 1023 {
        y *= p1023;
        n -= 1023;
        if n > 1023 {
            y *= p1023;
            n -= 1023;
            n = n.min(1023);
        }
    } else if n < -1022 {
        // Scale in two steps, keeping 53 bits of headroom so the final
        // multiplication rounds only once.
        y *= pm969;
        n += 1022 - 53;
        if n < -1022 {
            y *= pm969;
            n += 1022 - 53;
            n = n.max(-1022);
        }
    }
    y * f64::from_bits(((0x3ff + n) as u64) << 52)
}

/// Splits a finite, non-zero `x` into an odd-or-zero integer mantissa and a
/// power of two: `|x| == m * 2**e` exactly. Zero gives `(0, 0)`.
pub fn exact_parts(x: f64) -> (u64, i32) {
    let bits = x.to_bits();
    let exp = ((bits >> 52) & 0x7ff) as i32;
    let frac = bits & ((1 << 52) - 1);
    let (mut m, mut e) = if exp == 0 { (frac, -1074) } else { (frac | (1 << 52), exp - 1075) };
    if m == 0 {
        return (0, 0);
    }
    let tz = m.trailing_zeros();
    m >>= tz;
    e += tz as i32;
    (m, e)
}

/// `float.as_integer_ratio()` of a finite `x`: the reduced fraction n/d.
pub fn as_integer_ratio(x: f64) -> (BigInt, BigInt) {
    let (m, e) = exact_parts(x);
    let sign = if x < 0.0 { Sign::Minus } else { Sign::Plus };
    let m = BigInt::from_biguint(sign, BigUint::from(m));
    if e >= 0 {
        (m << e as usize, BigInt::one())
    } else {
        (m, BigInt::one() << (-e) as usize)
    }
}

/// The float nearest to `m * 2**e` (ties to even, subnormals handled), or
/// None when it overflows.
pub fn scaled_to_f64(m: &BigUint, e: i64) -> Option<f64> {
    if m.is_zero() {
        return Some(0.0);
    }
    let bits = m.bits() as i64;
    if bits + e > 1024 {
        return None;
    }
    if bits + e < -1075 {
        // Below half the smallest subnormal.
        return Some(0.0);
    }
    // Exponent of the last bit the result can keep.
    let lsb = (bits + e - 53).max(-1074);
    let shift = lsb - e;
    let q = if shift <= 0 {
        m.to_u64().unwrap_or(0) as f64
    } else {
        let shift = shift as u64;
        let mut q: BigUint = m >> shift;
        let half = BigUint::one() << (shift - 1);
        let rem = m - (&q << shift);
        if rem > half || (rem == half && q.is_odd()) {
            q += 1u32;
        }
        q.to_u64().unwrap_or(0) as f64
    };
    let r = scalbn(q, if shift <= 0 { e } else { lsb });
    r.is_finite().then_some(r)
}

/// CPython's limits for `round(x, n)`: beyond these `x` (or a zero) returns.
const NDIGITS_MAX: i64 = 323;
const NDIGITS_MIN: i64 = -308;

/// `round(x, ndigits)`: `x` rounded to a multiple of `10**-ndigits`, ties to
/// even on the exact binary value, then correctly rounded back to a float.
/// None when the result overflows.
pub fn round_ndigits(x: f64, ndigits: i64) -> Option<f64> {
    if !x.is_finite() || x == 0.0 {
        return Some(x);
    }
    if ndigits > NDIGITS_MAX {
        return Some(x);
    }
    if ndigits < NDIGITS_MIN {
        return Some(0.0 * x);
    }
    if ndigits >= 0 {
        // Rust formats exactly (round-half-even on the binary value); parsing
        // back rounds correctly.
        let s = format!("{:.*}", ndigits as usize, x);
        return s.parse::<f64>().ok().filter(|v| v.is_finite());
    }
    // Negative ndigits: round |x| = m * 2**e to a multiple of 10**k exactly.
    let k = (-ndigits) as usize;
    let (m, e) = exact_parts(x);
    let pow10 = num_traits::pow(BigUint::from(10u8), k);
    let (num, den) = if e >= 0 {
        (BigUint::from(m) << e as usize, pow10.clone())
    } else {
        (BigUint::from(m), pow10.clone() << (-e) as usize)
    };
    let (mut q, r) = num.div_rem(&den);
    let twice = &r << 1u32;
    if twice > den || (twice == den && q.is_odd()) {
        q += 1u32;
    }
    let v = scaled_to_f64(&(q * pow10), 0)?;
    Some(v.copysign(x))
}

/// The float nearest to the big integer `n` (None on overflow).
pub fn bigint_to_f64(n: &BigInt) -> Option<f64> {
    let v = scaled_to_f64(n.magnitude(), 0)?;
    Some(if n.sign() == Sign::Minus { -v } else { v })
}

/// `(x, e)` with `x` in [0.5, 1) and `|n| ~= x * 2**e`, `x` correctly rounded
/// (CPython's `_PyLong_Frexp`); `n` must be non-zero.
pub fn bigint_frexp(n: &BigInt) -> (f64, u64) {
    let mag = n.magnitude();
    let bits = mag.bits();
    let x = scaled_to_f64(mag, -(bits as i64)).unwrap_or(1.0);
    if x >= 1.0 {
        (0.5, bits + 1)
    } else {
        (x, bits)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scalbn_matches_ldexp() {
        assert_eq!(scalbn(1.0, -1074), 5e-324);
        assert_eq!(scalbn(1.0, -1075), 0.0);
        assert_eq!(scalbn(3.0, -1075), 1e-323); // 1.5 ulp rounds to 2 ulp (even)
        assert_eq!(scalbn(1.0, 1023), 8.98846567431158e307);
        assert_eq!(scalbn(1.0, 1024), f64::INFINITY);
        assert_eq!(scalbn(0.625, -1073), 5e-324); // 1.25 ulp
    }

    #[test]
    fn ratios() {
        assert_eq!(as_integer_ratio(0.1), (BigInt::from(3602879701896397u64), BigInt::from(36028797018963968u64)));
        assert_eq!(as_integer_ratio(-7.25), (BigInt::from(-29), BigInt::from(4)));
        assert_eq!(as_integer_ratio(0.0), (BigInt::zero(), BigInt::one()));
    }

    #[test]
    fn scaled_rounding() {
        let m = BigUint::from((1u64 << 53) + 1);
        assert_eq!(scaled_to_f64(&m, 0), Some(9007199254740992.0));
        let m = BigUint::from((1u64 << 53) + 3);
        assert_eq!(scaled_to_f64(&m, 0), Some(9007199254740996.0));
        assert_eq!(scaled_to_f64(&BigUint::one(), 1024), None);
        assert_eq!(scaled_to_f64(&BigUint::one(), -1075), Some(0.0));
        assert_eq!(scaled_to_f64(&BigUint::from(3u8), -1076), Some(5e-324));
    }

    #[test]
    fn decimal_rounding() {
        assert_eq!(round_ndigits(2.675, 2), Some(2.67));
        assert_eq!(round_ndigits(0.125, 2), Some(0.12));
        assert_eq!(round_ndigits(0.375, 2), Some(0.38));
        assert_eq!(round_ndigits(1234.5678, -2), Some(1200.0));
        assert_eq!(round_ndigits(25.0, -1), Some(20.0));
        assert_eq!(round_ndigits(35.0, -1), Some(40.0));
        assert!(round_ndigits(-0.5, -1).is_some_and(|v| v == 0.0 && v.is_sign_negative()));
        assert_eq!(round_ndigits(1e300, -300), Some(1e300));
        assert_eq!(round_ndigits(1.7976931348623157e308, -308), None);
    }
}

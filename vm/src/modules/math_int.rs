//! The integer functions of the `math` module, exact as CPython's:
//! factorial, comb, perm, isqrt, gcd, lcm and prod.

use num_bigint::{BigInt, BigUint};
use num_integer::Integer;
use num_traits::{One, Signed, ToPrimitive};

use crate::object::{Obj, PyRef};
use crate::ops;
use crate::runtime::{PyErr, PyResult};
use crate::types::float::{new_float, FloatObj, FLOAT_TYPE};
use crate::types::int::{self, IntObj, IntVal, INT_TYPE};
use crate::types::typeobj::Args;
use crate::util::args;

use super::math::{positional, unary};
use ember_compiler::bytecode::BinaryOp;

/// Results larger than this many bits raise MemoryError up front (instead of
/// failing an allocation deep inside the big-integer code).
const MAX_RESULT_BITS: f64 = (1u64 << 36) as f64;

fn too_big(bits: f64) -> PyResult<()> {
    if bits > MAX_RESULT_BITS {
        return Err(PyErr::memory_error());
    }
    Ok(())
}

/// `operator.index(o)` as a big integer.
fn index_big(o: &Obj) -> PyResult<BigInt> {
    let v = ops::index(o)?;
    Ok(v.downcast::<IntObj>().expect("int").to_bigint())
}

/// The product of `lo..=hi` (1 if empty), by binary splitting so the big
/// multiplications stay balanced.
pub fn range_product(lo: u64, hi: u64) -> BigUint {
    if lo > hi {
        return BigUint::one();
    }
    // Multiply short runs in 128-bit arithmetic.
    if hi - lo < 8 {
        let mut acc: u128 = 1;
        let mut out = BigUint::one();
        for v in lo..=hi {
            match acc.checked_mul(v as u128) {
                Some(p) => acc = p,
                None => {
                    out *= BigUint::from(acc);
                    acc = v as u128;
                }
            }
        }
        return out * BigUint::from(acc);
    }
    let mid = lo + (hi - lo) / 2;
    range_product(lo, mid) * range_product(mid + 1, hi)
}

/// The product of `count` consecutive integers starting at `start`.
fn big_range_product(start: &BigInt, count: u64) -> BigInt {
    match count {
        0 => BigInt::one(),
        1 => start.clone(),
        _ => {
            let half = count / 2;
            big_range_product(start, half) * big_range_product(&(start + half), count - half)
        }
    }
}

/// `n!` for a machine-word `n`.
pub fn factorial_u64(n: u64) -> PyResult<BigUint> {
    if n > 20 {
        too_big(n as f64 * (n as f64).log2())?;
    }
    Ok(range_product(2, n))
}

pub fn factorial(a: Args) -> PyResult {
    let x = unary(&a, "factorial")?;
    factorial_of(x)
}

fn factorial_of(x: &Obj) -> PyResult {
    let v = index_big(x)?;
    if v.is_negative() {
        return Err(PyErr::value_error("factorial() not defined for negative values"));
    }
    let n = v
        .to_u64()
        .filter(|n| *n <= i64::MAX as u64)
        .ok_or_else(|| PyErr::overflow_error(format!("factorial() argument should not exceed {}", i64::MAX)))?;
    Ok(int::from_bigint(BigInt::from(factorial_u64(n)?)))
}

pub fn perm(a: Args) -> PyResult {
    let [n, k] = positional::<2>(&a, "perm", 1)?;
    let n = n.expect("n");
    let Some(k) = k.filter(|k| !k.is_none()) else {
        return factorial_of(n);
    };
    let (n, k) = (index_big(n)?, index_big(k)?);
    if n.is_negative() {
        return Err(PyErr::value_error("n must be a non-negative integer"));
    }
    if k.is_negative() {
        return Err(PyErr::value_error("k must be a non-negative integer"));
    }
    if n < k {
        return Ok(int::new_int(0));
    }
    let k = k
        .to_u64()
        .filter(|k| *k <= i64::MAX as u64)
        .ok_or_else(|| PyErr::overflow_error(format!("k must not exceed {}", i64::MAX)))?;
    too_big(k as f64 * (n.bits() as f64))?;
    Ok(int::from_bigint(match n.to_u64() {
        Some(nu) => BigInt::from(range_product(nu - k + 1, nu)),
        None => big_range_product(&(&n - k + 1), k),
    }))
}

pub fn comb(a: Args) -> PyResult {
    let [n, k] = positional::<2>(&a, "comb", 2)?;
    let (n, k) = (index_big(n.expect("n"))?, index_big(k.expect("k"))?);
    if n.is_negative() {
        return Err(PyErr::value_error("n must be a non-negative integer"));
    }
    if k.is_negative() {
        return Err(PyErr::value_error("k must be a non-negative integer"));
    }
    if n < k {
        return Ok(int::new_int(0));
    }
    let k = std::cmp::min(k.clone(), &n - &k);
    let k = k
        .to_u64()
        .filter(|k| *k <= i64::MAX as u64)
        .ok_or_else(|| PyErr::overflow_error(format!("min(n - k, k) must not exceed {}", i64::MAX)))?;
    too_big(k as f64 * (n.bits() as f64))?;
    let num = match n.to_u64() {
        Some(nu) => BigInt::from(range_product(nu - k + 1, nu)),
        None => big_range_product(&(&n - k + 1), k),
    };
    Ok(int::from_bigint(num / BigInt::from(range_product(2, k))))
}

/// Floor square root of a machine word.
fn isqrt_u64(n: u64) -> u64 {
    let mut r = (n as f64).sqrt() as u64;
    // Correct the float estimate by at most a step or two.
    while r.checked_mul(r).is_none_or(|sq| sq > n) {
        r -= 1;
    }
    while (r + 1).checked_mul(r + 1).is_some_and(|sq| sq <= n) {
        r += 1;
    }
    r
}

pub fn isqrt(a: Args) -> PyResult {
    let x = unary(&a, "isqrt")?;
    let v = ops::index(x)?;
    let i = v.downcast::<IntObj>().expect("int");
    if i.is_negative() {
        return Err(PyErr::value_error("isqrt() argument must be nonnegative"));
    }
    Ok(match i.val() {
        IntVal::Small(n) => int::new_int(isqrt_u64(n as u64) as i64),
        IntVal::Big(b) => int::from_bigint(b.sqrt()),
    })
}

fn no_keywords(a: &Args, name: &str) -> PyResult<()> {
    if a.kwnames.is_some_and(|k| !k.is_empty()) {
        return Err(PyErr::type_error(format!("math.{name}() takes no keyword arguments")));
    }
    Ok(())
}

fn gcd_vals(a: IntVal, b: IntVal) -> PyRef {
    if let (IntVal::Small(x), IntVal::Small(y)) = (a, b) {
        let g = x.unsigned_abs().gcd(&y.unsigned_abs());
        return int::from_u64(g);
    }
    let big = |v: IntVal| match v {
        IntVal::Small(x) => BigInt::from(x),
        IntVal::Big(b) => b.clone(),
    };
    int::from_bigint(big(a).gcd(&big(b)))
}

pub fn gcd(a: Args) -> PyResult {
    no_keywords(&a, "gcd")?;
    let items = &a.all[..a.nargs];
    let Some(first) = items.first() else {
        return Ok(int::new_int(0));
    };
    let first = ops::index(first)?;
    let mut res = int::int_exact(&first)?;
    if items.len() == 1 {
        return ops::absolute(&res);
    }
    for x in &items[1..] {
        let x = ops::index(x)?;
        if int::as_i64(&res) == Some(1) {
            continue;
        }
        res = gcd_vals(res.downcast::<IntObj>().expect("int").val(), x.downcast::<IntObj>().expect("int").val());
    }
    Ok(res)
}

pub fn lcm(a: Args) -> PyResult {
    no_keywords(&a, "lcm")?;
    let items = &a.all[..a.nargs];
    let Some(first) = items.first() else {
        return Ok(int::new_int(1));
    };
    let first = ops::index(first)?;
    let mut res = int::int_exact(&first)?;
    if items.len() == 1 {
        return ops::absolute(&res);
    }
    for x in &items[1..] {
        let x = ops::index(x)?;
        if int::as_i64(&res) == Some(0) {
            continue;
        }
        let (r, y) = (res.downcast::<IntObj>().expect("int"), x.downcast::<IntObj>().expect("int"));
        if y.is_zero() {
            res = int::new_int(0);
            continue;
        }
        let (rb, yb) = (r.to_bigint(), y.to_bigint());
        let g = rb.gcd(&yb);
        res = int::from_bigint((rb / g * yb).abs());
    }
    Ok(res)
}

pub fn prod(a: Args) -> PyResult {
    if a.nargs == 0 {
        return Err(PyErr::type_error("prod() takes exactly 1 positional argument (0 given)"));
    }
    let [iterable, start] = args::parse(a, "prod", &["iterable", "/", "*", "start"], 1)?;
    let it = ops::iter(iterable.expect("iterable"))?;
    let mut result: PyRef = match start {
        Some(s) => s.to_owned(),
        None => int::new_int(1),
    };
    // Machine-int fast path while every item is an exact int.
    if result.class().is(&INT_TYPE) {
        if let Some(mut acc) = int::as_i64(&result) {
            loop {
                let Some(item) = ops::next(&it)? else {
                    return Ok(int::new_int(acc));
                };
                if item.class().is(&INT_TYPE) {
                    if let Some(p) = int::as_i64(&item).and_then(|b| acc.checked_mul(b)) {
                        acc = p;
                        continue;
                    }
                }
                result = ops::binary_op(&int::new_int(acc), &item, BinaryOp::Multiply)?;
                break;
            }
        }
    }
    // Float fast path.
    if result.class().is(&FLOAT_TYPE) {
        let mut acc = result.downcast::<FloatObj>().expect("float").value();
        loop {
            let Some(item) = ops::next(&it)? else {
                return Ok(new_float(acc));
            };
            if item.class().is(&FLOAT_TYPE) {
                acc *= item.downcast::<FloatObj>().expect("float").value();
                continue;
            }
            if item.class().is(&INT_TYPE) {
                if let Some(v) = int::as_i64(&item) {
                    acc *= v as f64;
                    continue;
                }
            }
            result = ops::binary_op(&new_float(acc), &item, BinaryOp::Multiply)?;
            break;
        }
    }
    while let Some(item) = ops::next(&it)? {
        result = ops::binary_op(&result, &item, BinaryOp::Multiply)?;
    }
    Ok(result)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn products() {
        assert_eq!(range_product(1, 20), BigUint::from(2432902008176640000u64));
        assert_eq!(range_product(5, 4), BigUint::one());
        assert_eq!(factorial_u64(30).unwrap().to_string(), "265252859812191058636308480000000");
        assert_eq!(factorial_u64(200).unwrap().to_string().len(), 375);
        assert_eq!(big_range_product(&BigInt::from(3), 4), BigInt::from(3 * 4 * 5 * 6));
        assert!(factorial_u64(1 << 40).is_err());
    }

    #[test]
    fn square_roots() {
        for n in [0u64, 1, 3, 4, 15, 16, 17, 99, 100, u64::MAX, (1 << 52) + 1, 4503599761588224] {
            let r = isqrt_u64(n);
            assert!(r as u128 * r as u128 <= n as u128 && (r as u128 + 1) * (r as u128 + 1) > n as u128, "{n}");
        }
    }
}

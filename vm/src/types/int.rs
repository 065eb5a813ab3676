//! `int`: a machine word in the object with a big-integer fallback.
//!
//! **Invariant:** `big` is `Some` exactly when the value does not fit in an
//! `i64`; machine code reads `value` after checking `big` is null.
//! Small ints (-5..=256) are immortal statics.

use num_bigint::{BigInt, Sign};
use num_integer::Integer;
use num_traits::{One, Signed, ToPrimitive, Zero};

use crate::object::{AsObj, Obj, PyPayload, PyRef, Static};
use crate::runtime::{PyErr, PyResult};
use crate::types::float::{new_float, FloatObj};
use crate::types::typeobj::{flags, Args, TypeObj};
use crate::types::{new_bool, not_implemented};
use ember_compiler::bytecode::CompareOp;

/// An `int` (or `bool`) object.
#[repr(C)]
pub struct IntObj {
    pub ob: Obj,
    value: i64,
    big: Option<Box<BigInt>>,
}

/// Byte offset of the machine-word value.
pub const OFFSET_INT_VALUE: usize = 16;
/// Byte offset of the big-integer pointer (null for machine-word values).
pub const OFFSET_INT_BIG: usize = 24;

// SAFETY: `IntObj` is `#[repr(C)]` starting with `Obj`; int subclasses share it.
unsafe impl PyPayload for IntObj {
    fn class() -> &'static TypeObj {
        &INT_TYPE
    }
    const SUBCLASS_FLAG: u64 = flags::LONG_SUBCLASS;
}

/// A borrowed view of an int's value.
#[derive(Clone, Copy)]
pub enum IntVal<'a> {
    Small(i64),
    Big(&'a BigInt),
}

impl IntObj {
    pub(crate) const fn new_static(ty: *const TypeObj, value: i64) -> IntObj {
        IntObj { ob: Obj::immortal(ty), value, big: None }
    }

    #[inline(always)]
    pub fn val(&self) -> IntVal<'_> {
        match &self.big {
            None => IntVal::Small(self.value),
            Some(b) => IntVal::Big(b),
        }
    }

    /// The value if it fits in an i64.
    #[inline(always)]
    pub fn as_i64(&self) -> Option<i64> {
        if self.big.is_none() {
            Some(self.value)
        } else {
            None
        }
    }

    /// The value as a big integer.
    pub fn to_bigint(&self) -> BigInt {
        match &self.big {
            None => BigInt::from(self.value),
            Some(b) => (**b).clone(),
        }
    }

    pub fn is_zero(&self) -> bool {
        self.big.is_none() && self.value == 0
    }

    pub fn is_negative(&self) -> bool {
        match &self.big {
            None => self.value < 0,
            Some(b) => b.is_negative(),
        }
    }

    /// Converts to f64 with CPython's rounding; OverflowError if too large.
    pub fn to_f64(&self) -> PyResult<f64> {
        match &self.big {
            None => Ok(self.value as f64),
            Some(b) => bigint_to_f64(b),
        }
    }
}

/// Converts a big integer to the nearest f64 (round-half-even), or OverflowError.
pub fn bigint_to_f64(b: &BigInt) -> PyResult<f64> {
    match b.to_f64() {
        Some(f) if f.is_finite() => Ok(f),
        _ => Err(PyErr::overflow_error("int too large to convert to float")),
    }
}

pub const SMALL_MIN: i64 = -5;
pub const SMALL_MAX: i64 = 256;
const NSMALL: usize = (SMALL_MAX - SMALL_MIN + 1) as usize;

static SMALL_INTS: Static<[IntObj; NSMALL]> = Static({
    let mut arr = [const { IntObj::new_static(&INT_TYPE.0, 0) }; NSMALL];
    let mut i = 0;
    while i < NSMALL {
        arr[i].value = i as i64 + SMALL_MIN;
        i += 1;
    }
    arr
});

/// The address of the shared immortal int for `SMALL_MIN` (the others follow
/// it, `size_of::<IntObj>()` bytes apart), for compiled code.
pub fn small_ints_base() -> usize {
    &SMALL_INTS[0] as *const IntObj as usize
}

/// Creates an int from a machine word (small values are shared immortals).
#[inline(always)]
pub fn new_int(v: i64) -> PyRef {
    if (SMALL_MIN..=SMALL_MAX).contains(&v) {
        return SMALL_INTS[(v - SMALL_MIN) as usize].to_ref();
    }
    crate::object::alloc::alloc_int(IntObj { ob: Obj::new(&INT_TYPE.0), value: v, big: None })
}

/// Creates an int from a big integer (normalised to a machine word if it fits).
pub fn from_bigint(b: BigInt) -> PyRef {
    match b.to_i64() {
        Some(v) => new_int(v),
        None => crate::object::alloc::alloc_object(
            &INT_TYPE,
            IntObj { ob: Obj::new(&INT_TYPE.0), value: 0, big: Some(Box::new(b)) },
            0,
        ),
    }
}

/// Creates an instance of an int subclass `ty` with value `v`.
pub fn new_int_subtype(ty: &TypeObj, v: &IntObj) -> PyRef {
    let (value, big) = match v.val() {
        IntVal::Small(x) => (x, None),
        IntVal::Big(b) => (0, Some(Box::new(b.clone()))),
    };
    crate::object::alloc::alloc_object(ty, IntObj { ob: Obj::new(ty), value, big }, 0)
}

pub fn from_u64(v: u64) -> PyRef {
    match i64::try_from(v) {
        Ok(v) => new_int(v),
        Err(_) => from_bigint(BigInt::from(v)),
    }
}

pub fn from_usize(v: usize) -> PyRef {
    new_int(v as i64)
}

/// The i64 of an int object, or None when `obj` is not an int or is too large.
#[inline]
pub fn as_i64(obj: &Obj) -> Option<i64> {
    obj.downcast::<IntObj>().and_then(|i| i.as_i64())
}

/// `operator.index(obj)` as an i64: None if `obj` has no `__index__`,
/// OverflowError if the value does not fit.
pub fn index_of(obj: &Obj) -> PyResult<Option<i64>> {
    if let Some(i) = obj.downcast::<IntObj>() {
        return match i.as_i64() {
            Some(v) => Ok(Some(v)),
            None => Err(PyErr::index_error(format!("cannot fit '{}' into an index-sized integer", obj.class().name()))),
        };
    }
    match crate::ops::index_opt(obj)? {
        Some(v) => index_of(&v),
        None => Ok(None),
    }
}

/// Like [`index_of`] but saturating big values (for slice bounds).
pub fn index_saturating(obj: &Obj) -> PyResult<Option<i64>> {
    let v = if obj.isa::<IntObj>() {
        obj.to_owned()
    } else {
        match crate::ops::index_opt(obj)? {
            Some(v) => v,
            None => return Ok(None),
        }
    };
    let i = v.downcast::<IntObj>().expect("int");
    Ok(Some(match i.val() {
        IntVal::Small(x) => x,
        IntVal::Big(b) => {
            if b.is_negative() {
                i64::MIN
            } else {
                i64::MAX
            }
        }
    }))
}

/// An int argument as i64, or TypeError/OverflowError naming `what`.
pub fn expect_i64(obj: &Obj, what: &str) -> PyResult<i64> {
    match index_of(obj) {
        Ok(Some(v)) => Ok(v),
        Ok(None) => {
            Err(PyErr::type_error(format!("'{}' object cannot be interpreted as an integer", obj.class().name())))
        }
        Err(e) if e.matches(&crate::types::exceptions::INDEX_ERROR) => {
            Err(PyErr::overflow_error(format!("Python int too large to convert to C {what}")))
        }
        Err(e) => Err(e),
    }
}

/// The modulus of CPython's numeric hash (2**61 - 1).
pub const HASH_MODULUS: u64 = (1 << 61) - 1;

/// CPython's `hash()` of an integer value.
pub fn hash_bigint(b: &BigInt) -> i64 {
    let m = BigInt::from(HASH_MODULUS);
    let r = (b.abs() % m).to_i64().unwrap_or(0);
    let h = if b.is_negative() { -r } else { r };
    if h == -1 {
        -2
    } else {
        h
    }
}

#[inline]
pub fn hash_i64(v: i64) -> i64 {
    let a = v.unsigned_abs() % HASH_MODULUS;
    let h = if v < 0 { -(a as i64) } else { a as i64 };
    if h == -1 {
        -2
    } else {
        h
    }
}

fn int_hash(obj: &Obj) -> PyResult<i64> {
    let i = obj.downcast::<IntObj>().expect("int");
    Ok(match i.val() {
        IntVal::Small(v) => hash_i64(v),
        IntVal::Big(b) => hash_bigint(b),
    })
}

/// Largest number of decimal digits `str(int)` produces (CPython 3.11's
/// `sys.int_info.default_max_str_digits`); 0 disables the limit.
pub static MAX_STR_DIGITS: Static<std::cell::Cell<usize>> = Static(std::cell::Cell::new(4300));

/// `str(int)` text.
pub fn int_to_decimal(i: &IntObj) -> PyResult<String> {
    match i.val() {
        IntVal::Small(v) => Ok(v.to_string()),
        IntVal::Big(b) => {
            let limit = MAX_STR_DIGITS.get();
            // Digits ~ bits * log10(2); check before the quadratic conversion.
            if limit > 0 && (b.bits() as f64 * std::f64::consts::LOG10_2) as usize > limit + 1 {
                return Err(PyErr::value_error(format!(
                    "Exceeds the limit ({limit} digits) for integer string conversion; use sys.set_int_max_str_digits() to increase the limit"
                )));
            }
            let s = b.to_string();
            let digits = s.len() - usize::from(b.is_negative());
            if limit > 0 && digits > limit {
                return Err(PyErr::value_error(format!(
                    "Exceeds the limit ({limit} digits) for integer string conversion; use sys.set_int_max_str_digits() to increase the limit"
                )));
            }
            Ok(s)
        }
    }
}

fn int_repr(obj: &Obj) -> PyResult {
    let i = obj.downcast::<IntObj>().expect("int");
    Ok(crate::types::str::from_string(int_to_decimal(i)?))
}

/// Compares two int values.
pub fn cmp_vals(a: IntVal, b: IntVal) -> std::cmp::Ordering {
    match (a, b) {
        (IntVal::Small(x), IntVal::Small(y)) => x.cmp(&y),
        (IntVal::Small(x), IntVal::Big(y)) => BigInt::from(x).cmp(y),
        (IntVal::Big(x), IntVal::Small(y)) => x.cmp(&BigInt::from(y)),
        (IntVal::Big(x), IntVal::Big(y)) => x.cmp(y),
    }
}

pub fn compare_result(ord: std::cmp::Ordering, op: CompareOp) -> bool {
    use std::cmp::Ordering::*;
    match op {
        CompareOp::Lt => ord == Less,
        CompareOp::Le => ord != Greater,
        CompareOp::Eq => ord == Equal,
        CompareOp::Ne => ord != Equal,
        CompareOp::Gt => ord == Greater,
        CompareOp::Ge => ord != Less,
    }
}

fn int_richcompare(a: &Obj, b: &Obj, op: CompareOp) -> PyResult {
    let (Some(x), Some(y)) = (a.downcast::<IntObj>(), b.downcast::<IntObj>()) else {
        return Ok(not_implemented());
    };
    Ok(new_bool(compare_result(cmp_vals(x.val(), y.val()), op)))
}

fn big(v: IntVal) -> BigInt {
    match v {
        IntVal::Small(x) => BigInt::from(x),
        IntVal::Big(b) => b.clone(),
    }
}

macro_rules! int_operands {
    ($a:expr, $b:expr) => {
        match ($a.downcast::<IntObj>(), $b.downcast::<IntObj>()) {
            (Some(x), Some(y)) => (x.val(), y.val()),
            _ => return Ok(not_implemented()),
        }
    };
}

pub fn int_add(a: &Obj, b: &Obj) -> PyResult {
    Ok(match int_operands!(a, b) {
        (IntVal::Small(x), IntVal::Small(y)) => match x.checked_add(y) {
            Some(r) => new_int(r),
            None => from_bigint(BigInt::from(x) + y),
        },
        (x, y) => from_bigint(big(x) + big(y)),
    })
}

pub fn int_sub(a: &Obj, b: &Obj) -> PyResult {
    Ok(match int_operands!(a, b) {
        (IntVal::Small(x), IntVal::Small(y)) => match x.checked_sub(y) {
            Some(r) => new_int(r),
            None => from_bigint(BigInt::from(x) - y),
        },
        (x, y) => from_bigint(big(x) - big(y)),
    })
}

pub fn int_mul(a: &Obj, b: &Obj) -> PyResult {
    Ok(match int_operands!(a, b) {
        (IntVal::Small(x), IntVal::Small(y)) => match x.checked_mul(y) {
            Some(r) => new_int(r),
            None => from_bigint(BigInt::from(x) * y),
        },
        (x, y) => from_bigint(big(x) * big(y)),
    })
}

fn zero_div() -> PyErr {
    PyErr::zero_division("integer division or modulo by zero")
}

/// Floor division and modulo of int values (divisor non-zero).
pub fn divmod_vals(x: IntVal, y: IntVal) -> (PyRef, PyRef) {
    match (x, y) {
        (IntVal::Small(x), IntVal::Small(y)) if !(x == i64::MIN && y == -1) => {
            (new_int(Integer::div_floor(&x, &y)), new_int(Integer::mod_floor(&x, &y)))
        }
        (x, y) => {
            let (q, r) = big(x).div_mod_floor(&big(y));
            (from_bigint(q), from_bigint(r))
        }
    }
}

fn is_zero_val(v: IntVal) -> bool {
    matches!(v, IntVal::Small(0))
}

pub fn int_floordiv(a: &Obj, b: &Obj) -> PyResult {
    let (x, y) = int_operands!(a, b);
    if is_zero_val(y) {
        return Err(zero_div());
    }
    if let (IntVal::Small(x), IntVal::Small(y)) = (x, y) {
        if !(x == i64::MIN && y == -1) {
            return Ok(new_int(Integer::div_floor(&x, &y)));
        }
    }
    Ok(divmod_vals(x, y).0)
}

pub fn int_mod(a: &Obj, b: &Obj) -> PyResult {
    let (x, y) = int_operands!(a, b);
    if is_zero_val(y) {
        return Err(PyErr::zero_division("integer modulo by zero"));
    }
    if let (IntVal::Small(x), IntVal::Small(y)) = (x, y) {
        if y != -1 {
            return Ok(new_int(Integer::mod_floor(&x, &y)));
        }
        return Ok(new_int(0));
    }
    Ok(divmod_vals(x, y).1)
}

fn int_divmod(a: &Obj, b: &Obj) -> PyResult {
    let (x, y) = int_operands!(a, b);
    if is_zero_val(y) {
        return Err(zero_div());
    }
    let (q, r) = divmod_vals(x, y);
    Ok(crate::types::tuple::new_tuple(vec![q, r]))
}

/// True division of two int values with correct rounding (subnormal
/// results included).
pub fn truediv_vals(x: IntVal, y: IntVal) -> PyResult<f64> {
    if is_zero_val(y) {
        return Err(PyErr::zero_division("division by zero"));
    }
    const EXACT: u64 = 1 << 53;
    if let (IntVal::Small(a), IntVal::Small(b)) = (x, y) {
        // Both exactly representable: one correctly rounded division.
        if a.unsigned_abs() <= EXACT && b.unsigned_abs() <= EXACT {
            return Ok(a as f64 / b as f64);
        }
    }
    let (a, b) = (big(x), big(y));
    let negative = a.is_negative() != b.is_negative();
    let (a, b) = (a.magnitude(), b.magnitude());
    let too_large = || PyErr::overflow_error("integer division result too large for a float");
    let (abits, bbits) = (a.bits() as i64, b.bits() as i64);
    let magnitude = if abits - bbits > 1025 {
        return Err(too_large());
    } else if bbits - abits >= 1076 {
        // Below half the smallest subnormal.
        0.0
    } else {
        // A quotient of at least 55 bits with a sticky bit for the
        // remainder rounds correctly at any position.
        let shift = bbits - abits + 55;
        let (num, den) =
            if shift >= 0 { (a << shift as usize, b.clone()) } else { (a.clone(), b << (-shift) as usize) };
        let (mut q, r) = num.div_rem(&den);
        if !r.is_zero() {
            q |= num_bigint::BigUint::one();
        }
        crate::types::float_exact::scaled_to_f64(&q, -shift).ok_or_else(too_large)?
    };
    Ok(if negative { -magnitude } else { magnitude })
}

fn int_truediv(a: &Obj, b: &Obj) -> PyResult {
    let (x, y) = int_operands!(a, b);
    Ok(new_float(truediv_vals(x, y)?))
}

fn int_pow(a: &Obj, b: &Obj, m: &Obj) -> PyResult {
    let (x, y) = int_operands!(a, b);
    if !m.is_none() {
        let Some(mo) = m.downcast::<IntObj>() else {
            return Ok(not_implemented());
        };
        return pow_mod(big(x), big(y), mo.to_bigint());
    }
    if big_is_negative(y) {
        if is_zero_val(x) {
            return Err(PyErr::zero_division("0.0 cannot be raised to a negative power"));
        }
        let fx = match x {
            IntVal::Small(v) => v as f64,
            IntVal::Big(b) => bigint_to_f64(b)?,
        };
        let fy = match y {
            IntVal::Small(v) => v as f64,
            IntVal::Big(b) => bigint_to_f64(b)?,
        };
        return crate::types::float::float_pow_values(fx, fy).map(new_float);
    }
    match (x, y) {
        (IntVal::Small(base), IntVal::Small(exp)) => {
            if let Ok(e) = u32::try_from(exp) {
                if let Some(r) = base.checked_pow(e) {
                    return Ok(new_int(r));
                }
            }
            pow_big(BigInt::from(base), exp)
        }
        (base, IntVal::Small(exp)) => pow_big(big(base), exp),
        (base, IntVal::Big(_)) => {
            // Only 0, 1 and -1 can be raised to a huge power.
            let b = big(base);
            if b.is_zero() || b.is_one() {
                Ok(from_bigint(b))
            } else if b == BigInt::from(-1) {
                let odd = big(y).is_odd();
                Ok(new_int(if odd { -1 } else { 1 }))
            } else {
                Err(PyErr::memory_error())
            }
        }
    }
}

fn pow_big(base: BigInt, exp: i64) -> PyResult {
    let bits = base.bits().saturating_mul(exp as u64);
    if bits > (1 << 36) {
        return Err(PyErr::memory_error());
    }
    Ok(from_bigint(num_traits::pow(base, exp as usize)))
}

fn big_is_negative(v: IntVal) -> bool {
    match v {
        IntVal::Small(x) => x < 0,
        IntVal::Big(b) => b.is_negative(),
    }
}

/// Three-argument `pow(base, exp, mod)`.
pub fn pow_mod(base: BigInt, exp: BigInt, m: BigInt) -> PyResult {
    if m.is_zero() {
        return Err(PyErr::value_error("pow() 3rd argument cannot be 0"));
    }
    let neg_mod = m.is_negative();
    let am = m.abs();
    let mut base = base.mod_floor(&am);
    let mut exp = exp;
    if exp.is_negative() {
        base = match mod_inverse(&base, &am) {
            Some(inv) => inv,
            None => return Err(PyErr::value_error("base is not invertible for the given modulus")),
        };
        exp = -exp;
    }
    let mut r = base.modpow(&exp, &am);
    if neg_mod && !r.is_zero() {
        r -= &am;
    }
    Ok(from_bigint(r))
}

fn mod_inverse(a: &BigInt, m: &BigInt) -> Option<BigInt> {
    let e = a.extended_gcd(m);
    if !e.gcd.is_one() {
        return None;
    }
    Some(e.x.mod_floor(m))
}

fn int_neg(a: &Obj) -> PyResult {
    let i = a.downcast::<IntObj>().expect("int");
    Ok(match i.val() {
        IntVal::Small(x) => match x.checked_neg() {
            Some(r) => new_int(r),
            None => from_bigint(-BigInt::from(x)),
        },
        IntVal::Big(b) => from_bigint(-b.clone()),
    })
}

/// `+x` / `int(x)` for an int: the exact-int value.
pub fn int_exact(a: &Obj) -> PyResult {
    if a.class().is(&INT_TYPE) {
        return Ok(a.to_owned());
    }
    let i = a.downcast::<IntObj>().expect("int");
    Ok(match i.val() {
        IntVal::Small(x) => new_int(x),
        IntVal::Big(b) => from_bigint(b.clone()),
    })
}

fn int_abs(a: &Obj) -> PyResult {
    let i = a.downcast::<IntObj>().expect("int");
    if i.is_negative() {
        int_neg(a)
    } else {
        int_exact(a)
    }
}

fn int_invert(a: &Obj) -> PyResult {
    let i = a.downcast::<IntObj>().expect("int");
    Ok(match i.val() {
        IntVal::Small(x) => new_int(!x),
        IntVal::Big(b) => from_bigint(-(b.clone()) - 1),
    })
}

fn int_bool(a: &Obj) -> PyResult<bool> {
    Ok(!a.downcast::<IntObj>().expect("int").is_zero())
}

fn int_float(a: &Obj) -> PyResult {
    Ok(new_float(a.downcast::<IntObj>().expect("int").to_f64()?))
}

fn shift_count(y: IntVal) -> PyResult<Option<u64>> {
    match y {
        IntVal::Small(s) if s < 0 => Err(PyErr::value_error("negative shift count")),
        IntVal::Small(s) => Ok(Some(s as u64)),
        IntVal::Big(b) if b.is_negative() => Err(PyErr::value_error("negative shift count")),
        IntVal::Big(_) => Ok(None),
    }
}

fn int_lshift(a: &Obj, b: &Obj) -> PyResult {
    let (x, y) = int_operands!(a, b);
    let s = shift_count(y)?;
    if let IntVal::Small(0) = x {
        return Ok(new_int(0));
    }
    let Some(s) = s else {
        return Err(PyErr::overflow_error("too many digits in integer"));
    };
    if let IntVal::Small(v) = x {
        if s < 63 && (v.unsigned_abs() >> (62 - s)) == 0 {
            return Ok(new_int(v << s));
        }
    }
    if s > (1 << 36) {
        return Err(PyErr::memory_error());
    }
    Ok(from_bigint(big(x) << s as usize))
}

fn int_rshift(a: &Obj, b: &Obj) -> PyResult {
    let (x, y) = int_operands!(a, b);
    let s = shift_count(y)?;
    let Some(s) = s else {
        return Ok(new_int(if big_is_negative(x) { -1 } else { 0 }));
    };
    Ok(match x {
        IntVal::Small(v) => new_int(if s >= 64 {
            if v < 0 {
                -1
            } else {
                0
            }
        } else {
            v >> s
        }),
        IntVal::Big(b) => {
            // Arithmetic shift (floor) for negative values.
            if b.is_negative() {
                let one = BigInt::one();
                from_bigint(-((-b - &one) >> s as usize) - one)
            } else {
                from_bigint(b >> s as usize)
            }
        }
    })
}

macro_rules! bitop {
    ($name:ident, $op:tt) => {
        fn $name(a: &Obj, b: &Obj) -> PyResult {
            Ok(match int_operands!(a, b) {
                (IntVal::Small(x), IntVal::Small(y)) => new_int(x $op y),
                (x, y) => from_bigint(big(x) $op big(y)),
            })
        }
    };
}
bitop!(int_and, &);
bitop!(int_or, |);
bitop!(int_xor, ^);

fn int_new(ty: &TypeObj, args: Args) -> PyResult {
    let v = crate::types::int_parse::int_new_value(args)?;
    if ty.is(&INT_TYPE) {
        Ok(v)
    } else {
        Ok(new_int_subtype(ty, v.downcast::<IntObj>().expect("int")))
    }
}

/// Sign of an int value.
pub fn sign_of(i: &IntObj) -> Sign {
    match i.val() {
        IntVal::Small(v) => match v.cmp(&0) {
            std::cmp::Ordering::Less => Sign::Minus,
            std::cmp::Ordering::Equal => Sign::NoSign,
            std::cmp::Ordering::Greater => Sign::Plus,
        },
        IntVal::Big(b) => b.sign(),
    }
}

/// Compares an int with a float exactly (no rounding of the int).
pub fn compare_int_float(i: &IntObj, f: f64) -> Option<std::cmp::Ordering> {
    if f.is_nan() {
        return None;
    }
    if f.is_infinite() {
        return Some(if f > 0.0 { std::cmp::Ordering::Less } else { std::cmp::Ordering::Greater });
    }
    if let Some(v) = i.as_i64() {
        if v.unsigned_abs() < (1 << 53) {
            return (v as f64).partial_cmp(&f);
        }
    }
    // Compare against floor(f) exactly, then the fractional part decides ties.
    let fl = f.floor();
    let fb = crate::types::float::f64_to_bigint(fl)?;
    let ib = i.to_bigint();
    Some(match ib.cmp(&fb) {
        std::cmp::Ordering::Equal if f > fl => std::cmp::Ordering::Less,
        o => o,
    })
}

/// `float` view of an int operand for mixed arithmetic.
pub fn int_to_float_operand(obj: &Obj) -> Option<PyResult<f64>> {
    if let Some(f) = obj.downcast::<FloatObj>() {
        return Some(Ok(f.value()));
    }
    obj.downcast::<IntObj>().map(|i| i.to_f64())
}

crate::static_type! {
    pub static INT_TYPE: IntObj = "int" {
        flags: BASETYPE | LONG_SUBCLASS,
        doc: "int([x]) -> integer\nint(x, base=10) -> integer",
        methods: crate::types::int_methods::METHODS,
        getsets: crate::types::int_methods::GETSETS,
        slots: {
            repr: int_repr, hash: int_hash, richcompare: int_richcompare, new: int_new,
        },
        number: {
            add: int_add, sub: int_sub, mul: int_mul, floordiv: int_floordiv, rem: int_mod,
            divmod: int_divmod, truediv: int_truediv, pow: int_pow, neg: int_neg, pos: int_exact,
            abs: int_abs, invert: int_invert, bool: int_bool, int: int_exact, float: int_float,
            index: int_exact, lshift: int_lshift, rshift: int_rshift, and: int_and, or: int_or,
            xor: int_xor,
        },
    }
}

//! Constant folding, as CPython's AST optimizer: unary and binary operators on
//! constant operands are evaluated at compile time when the result is certain and
//! small. Anything that would raise (division by zero, bad types) or produce a big
//! value is left for run time.

use super::consts::truthy;
use crate::code::Constant;
use num_bigint::BigInt;
use num_traits::{Signed, ToPrimitive, Zero};
use rustpython_parser::ast::{Operator, UnaryOp};

/// Largest int (in bits) that folding may produce.
const MAX_INT_BITS: u64 = 128;
/// Largest tuple that repetition may produce.
const MAX_COLLECTION_SIZE: usize = 256;
/// Largest str/bytes that repetition may produce.
const MAX_STR_SIZE: usize = 4096;

#[derive(Clone)]
enum Num {
    Int(BigInt),
    Float(f64),
    Complex(f64, f64),
}

fn num(c: &Constant) -> Option<Num> {
    match c {
        Constant::Bool(b) => Some(Num::Int(BigInt::from(*b as u8))),
        Constant::Int(i) => Some(Num::Int(i.clone())),
        Constant::Float(f) => Some(Num::Float(*f)),
        Constant::Complex { real, imag } => Some(Num::Complex(*real, *imag)),
        _ => None,
    }
}

fn from_num(n: Num) -> Constant {
    match n {
        Num::Int(i) => Constant::Int(i),
        Num::Float(f) => Constant::Float(f),
        Num::Complex(real, imag) => Constant::Complex { real, imag },
    }
}

/// Exact conversion of an int to float, or None when it would lose precision.
fn int_to_f64(i: &BigInt) -> Option<f64> {
    if i.bits() <= 53 {
        i.to_f64()
    } else {
        None
    }
}

fn as_float(n: &Num) -> Option<f64> {
    match n {
        Num::Int(i) => int_to_f64(i),
        Num::Float(f) => Some(*f),
        Num::Complex(..) => None,
    }
}

fn as_complex(n: &Num) -> Option<(f64, f64)> {
    match n {
        Num::Complex(r, i) => Some((*r, *i)),
        other => as_float(other).map(|f| (f, 0.0)),
    }
}

pub(crate) fn unary(op: UnaryOp, v: &Constant) -> Option<Constant> {
    match op {
        UnaryOp::Not => Some(Constant::Bool(!truthy(v))),
        UnaryOp::USub => Some(from_num(match num(v)? {
            Num::Int(i) => Num::Int(-i),
            Num::Float(f) => Num::Float(-f),
            Num::Complex(r, i) => Num::Complex(-r, -i),
        })),
        UnaryOp::UAdd => Some(from_num(num(v)?)),
        UnaryOp::Invert => match num(v)? {
            Num::Int(i) => Some(Constant::Int(-i - 1)),
            _ => None,
        },
    }
}

fn floor_divmod(a: &BigInt, b: &BigInt) -> Option<(BigInt, BigInt)> {
    if b.is_zero() {
        return None;
    }
    let mut q = a / b;
    let mut r = a % b;
    if !r.is_zero() && (r.is_negative() != b.is_negative()) {
        q -= 1;
        r += b;
    }
    Some((q, r))
}

fn float_divmod(x: f64, y: f64) -> Option<(f64, f64)> {
    if y == 0.0 {
        return None;
    }
    let mut m = x % y;
    let mut div = (x - m) / y;
    if m != 0.0 {
        if (y < 0.0) != (m < 0.0) {
            m += y;
            div -= 1.0;
        }
    } else {
        m = 0.0f64.copysign(y);
    }
    let floordiv = if div != 0.0 {
        let mut f = div.floor();
        if div - f > 0.5 {
            f += 1.0;
        }
        f
    } else {
        0.0f64.copysign(x / y)
    };
    Some((floordiv, m))
}

fn repeat_seq(seq: &Constant, n: &BigInt) -> Option<Constant> {
    let count = if n.is_negative() { 0 } else { n.to_usize()? };
    match seq {
        Constant::Str(s) => {
            let chars = s.chars().count();
            if chars.checked_mul(count)? > MAX_STR_SIZE {
                return None;
            }
            Some(Constant::Str(s.repeat(count)))
        }
        Constant::Bytes(b) => {
            if b.len().checked_mul(count)? > MAX_STR_SIZE {
                return None;
            }
            Some(Constant::Bytes(b.repeat(count)))
        }
        Constant::Tuple(t) => {
            if t.len().checked_mul(count)? > MAX_COLLECTION_SIZE {
                return None;
            }
            let mut out = Vec::with_capacity(t.len() * count);
            for _ in 0..count {
                out.extend(t.iter().cloned());
            }
            Some(Constant::Tuple(out))
        }
        _ => None,
    }
}

pub(crate) fn binary(op: Operator, l: &Constant, r: &Constant) -> Option<Constant> {
    // Sequences.
    match (op, l, r) {
        (Operator::Add, Constant::Str(a), Constant::Str(b)) => return Some(Constant::Str(format!("{a}{b}"))),
        (Operator::Add, Constant::Bytes(a), Constant::Bytes(b)) => {
            return Some(Constant::Bytes([a.as_slice(), b.as_slice()].concat()))
        }
        (Operator::Add, Constant::Tuple(a), Constant::Tuple(b)) => {
            if a.len() + b.len() > MAX_COLLECTION_SIZE {
                return None;
            }
            return Some(Constant::Tuple(a.iter().chain(b).cloned().collect()));
        }
        (Operator::Mult, Constant::Str(_) | Constant::Bytes(_) | Constant::Tuple(_), n) => {
            return match num(n)? {
                Num::Int(i) => repeat_seq(l, &i),
                _ => None,
            };
        }
        (Operator::Mult, n, Constant::Str(_) | Constant::Bytes(_) | Constant::Tuple(_)) => {
            return match num(n)? {
                Num::Int(i) => repeat_seq(r, &i),
                _ => None,
            };
        }
        _ => {}
    }
    // Bitwise operators keep bools bools.
    if let (Constant::Bool(a), Constant::Bool(b)) = (l, r) {
        match op {
            Operator::BitAnd => return Some(Constant::Bool(a & b)),
            Operator::BitOr => return Some(Constant::Bool(a | b)),
            Operator::BitXor => return Some(Constant::Bool(a ^ b)),
            _ => {}
        }
    }
    let (a, b) = (num(l)?, num(r)?);
    let result = match (&a, &b) {
        (Num::Int(x), Num::Int(y)) => int_op(op, x, y)?,
        (Num::Complex(..), _) | (_, Num::Complex(..)) => {
            let ((ar, ai), (br, bi)) = (as_complex(&a)?, as_complex(&b)?);
            match op {
                Operator::Add => Num::Complex(ar + br, ai + bi),
                Operator::Sub => Num::Complex(ar - br, ai - bi),
                Operator::Mult => Num::Complex(ar * br - ai * bi, ar * bi + ai * br),
                _ => return None,
            }
        }
        _ => {
            let (x, y) = (as_float(&a)?, as_float(&b)?);
            let f = match op {
                Operator::Add => x + y,
                Operator::Sub => x - y,
                Operator::Mult => x * y,
                Operator::Div if y != 0.0 => x / y,
                Operator::FloorDiv => float_divmod(x, y)?.0,
                Operator::Mod => float_divmod(x, y)?.1,
                Operator::Pow => {
                    // Negative bases with fractional powers give complex numbers, and
                    // overflow raises: leave those for run time.
                    if (x < 0.0 && y.fract() != 0.0) || (x == 0.0 && y < 0.0) {
                        return None;
                    }
                    let p = x.powf(y);
                    if !p.is_finite() && x.is_finite() && y.is_finite() {
                        return None;
                    }
                    p
                }
                _ => return None,
            };
            Num::Float(f)
        }
    };
    Some(from_num(result))
}

fn int_op(op: Operator, x: &BigInt, y: &BigInt) -> Option<Num> {
    Some(Num::Int(match op {
        Operator::Add => x + y,
        Operator::Sub => x - y,
        Operator::Mult => {
            if !x.is_zero() && !y.is_zero() && x.bits() + y.bits() > MAX_INT_BITS {
                return None;
            }
            x * y
        }
        Operator::Div => {
            let (fx, fy) = (int_to_f64(x)?, int_to_f64(y)?);
            if fy == 0.0 {
                return None;
            }
            return Some(Num::Float(fx / fy));
        }
        Operator::FloorDiv => floor_divmod(x, y)?.0,
        Operator::Mod => floor_divmod(x, y)?.1,
        Operator::Pow => {
            if y.is_negative() {
                let (fx, fy) = (int_to_f64(x)?, int_to_f64(y)?);
                if fx == 0.0 {
                    return None;
                }
                return Some(Num::Float(fx.powf(fy)));
            }
            let e = y.to_u64()?;
            if !x.is_zero() && x.bits().saturating_mul(e) > MAX_INT_BITS {
                return None;
            }
            num_traits::pow::Pow::pow(x, e.to_u32()?)
        }
        Operator::LShift => {
            let s = y.to_u64()?;
            if !x.is_zero() && x.bits() + s > MAX_INT_BITS {
                return None;
            }
            x << s.to_usize()?
        }
        Operator::RShift => {
            if y.is_negative() {
                return None;
            }
            let s = y.to_usize().unwrap_or(usize::MAX).min(1 << 20);
            // Arithmetic shift that floors, as Python's.
            x >> s
        }
        Operator::BitAnd => x & y,
        Operator::BitOr => x | y,
        Operator::BitXor => x ^ y,
        Operator::MatMult => return None,
    }))
}

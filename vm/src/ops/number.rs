//! Numeric operators: binary, in-place and unary, with CPython's operand
//! dispatch (the right operand's reflected slot goes first when its type is a
//! proper subtype of the left's) and error messages.

use crate::object::{Obj, PyRef};
use crate::runtime::{PyErr, PyResult};
use crate::types::typeobj::{BinaryFn, NumberSlots, TernaryFn, TypeObj};
use ember_compiler::bytecode::BinaryOp;

type SlotSel = fn(&NumberSlots) -> Option<BinaryFn>;

fn slot_sel(op: BinaryOp) -> SlotSel {
    match op.base() {
        BinaryOp::Add => |n| n.add.get(),
        BinaryOp::And => |n| n.and.get(),
        BinaryOp::FloorDivide => |n| n.floordiv.get(),
        BinaryOp::LShift => |n| n.lshift.get(),
        BinaryOp::MatrixMultiply => |n| n.matmul.get(),
        BinaryOp::Multiply => |n| n.mul.get(),
        BinaryOp::Remainder => |n| n.rem.get(),
        BinaryOp::Or => |n| n.or.get(),
        BinaryOp::RShift => |n| n.rshift.get(),
        BinaryOp::Subtract => |n| n.sub.get(),
        BinaryOp::TrueDivide => |n| n.truediv.get(),
        BinaryOp::Xor => |n| n.xor.get(),
        // Power is ternary and dispatched separately; never selected here.
        _ => |_| None,
    }
}

fn inplace_sel(op: BinaryOp) -> SlotSel {
    match op.base() {
        BinaryOp::Add => |n| n.iadd.get(),
        BinaryOp::And => |n| n.iand.get(),
        BinaryOp::FloorDivide => |n| n.ifloordiv.get(),
        BinaryOp::LShift => |n| n.ilshift.get(),
        BinaryOp::MatrixMultiply => |n| n.imatmul.get(),
        BinaryOp::Multiply => |n| n.imul.get(),
        BinaryOp::Remainder => |n| n.irem.get(),
        BinaryOp::Or => |n| n.ior.get(),
        BinaryOp::RShift => |n| n.irshift.get(),
        BinaryOp::Subtract => |n| n.isub.get(),
        BinaryOp::TrueDivide => |n| n.itruediv.get(),
        BinaryOp::Xor => |n| n.ixor.get(),
        _ => |_| None,
    }
}

#[inline]
fn same_fn(a: BinaryFn, b: BinaryFn) -> bool {
    a as usize == b as usize
}

/// CPython's `binary_op1`: tries the operands' slots; NotImplemented if neither
/// handles the pair.
pub fn binary_op1(v: &Obj, w: &Obj, sel: SlotSel) -> PyResult {
    let tv = v.class();
    let tw = w.class();
    let slotv = sel(&tv.number);
    let mut slotw = if !tv.is(tw) { sel(&tw.number) } else { None };
    if let (Some(a), Some(b)) = (slotv, slotw) {
        if same_fn(a, b) {
            slotw = None;
        }
    }
    if let Some(sv) = slotv {
        if let Some(sw) = slotw {
            if tw.is_subtype(tv) {
                let r = sw(v, w)?;
                if !r.is_not_implemented() {
                    return Ok(r);
                }
                slotw = None;
            }
        }
        let r = sv(v, w)?;
        if !r.is_not_implemented() {
            return Ok(r);
        }
    }
    if let Some(sw) = slotw {
        return sw(v, w);
    }
    Ok(crate::types::not_implemented())
}

#[cold]
fn unsupported(v: &Obj, w: &Obj, sym: &str) -> PyErr {
    PyErr::type_error(format!(
        "unsupported operand type(s) for {sym}: '{}' and '{}'",
        v.class().name(),
        w.class().name()
    ))
}

fn is_concat_seq(t: &TypeObj) -> Option<&'static str> {
    use crate::types::typeobj::flags;
    if t.has_flag(flags::LIST_SUBCLASS) {
        Some("list")
    } else if t.has_flag(flags::TUPLE_SUBCLASS) {
        Some("tuple")
    } else if t.has_flag(flags::UNICODE_SUBCLASS) {
        Some("str")
    } else if t.has_flag(flags::BYTES_SUBCLASS) {
        Some("bytes")
    } else if t.is_subtype(&crate::types::bytearray::BYTEARRAY_TYPE) {
        Some("bytearray")
    } else {
        None
    }
}

/// The error for an unsupported `op` between `v` and `w`, with CPython's
/// special wording for sequence concatenation and repetition.
#[cold]
fn binop_error(v: &Obj, w: &Obj, op: BinaryOp) -> PyErr {
    match op.base() {
        BinaryOp::Add => {
            if let Some(kind) = is_concat_seq(v.class()) {
                // bytes and bytearray concatenate buffers, with their own message.
                if kind == "bytes" || kind == "bytearray" {
                    return PyErr::type_error(format!("can't concat {} to {kind}", w.class().name()));
                }
                return PyErr::type_error(format!(
                    "can only concatenate {kind} (not \"{}\") to {kind}",
                    w.class().name()
                ));
            }
        }
        BinaryOp::Multiply => {
            if is_concat_seq(v.class()).is_some() && !w.isa::<crate::types::int::IntObj>() {
                return PyErr::type_error(format!("can't multiply sequence by non-int of type '{}'", w.class().name()));
            }
            if is_concat_seq(w.class()).is_some() && !v.isa::<crate::types::int::IntObj>() {
                return PyErr::type_error(format!("can't multiply sequence by non-int of type '{}'", v.class().name()));
            }
        }
        BinaryOp::RShift => {
            if let Some(f) = v.downcast::<crate::types::builtin_func::BuiltinFunctionObj>() {
                if f.name() == "print" {
                    return PyErr::type_error(format!(
                        "unsupported operand type(s) for >>: 'builtin_function_or_method' and '{}'. Did you mean \"print(<message>, file=<output_stream>)\"?",
                        w.class().name()
                    ));
                }
            }
        }
        _ => {}
    }
    let sym = if op == BinaryOp::Power { "** or pow()" } else { op.symbol() };
    unsupported(v, w, sym)
}

/// `v op w` for a non-inplace [`BinaryOp`].
pub fn binary_op(v: &Obj, w: &Obj, op: BinaryOp) -> PyResult {
    if op.base() == BinaryOp::Power {
        return power(v, w, crate::types::none_ref());
    }
    let r = binary_op1(v, w, slot_sel(op))?;
    if r.is_not_implemented() {
        return Err(binop_error(v, w, op));
    }
    Ok(r)
}

/// `v op= w`: the in-place slot first, then the binary operation.
pub fn inplace_op(v: &Obj, w: &Obj, op: BinaryOp) -> PyResult {
    let op = op.inplace();
    if op.base() == BinaryOp::Power {
        if let Some(f) = v.class().number.ipow.get() {
            let r = f(v, w, crate::types::none_ref())?;
            if !r.is_not_implemented() {
                return Ok(r);
            }
        }
        return power(v, w, crate::types::none_ref()).map_err(|e| {
            if e.matches(&crate::types::exceptions::TYPE_ERROR)
                && binary_op1(v, w, |_| None).is_ok_and(|r| r.is_not_implemented())
                && v.class().number.pow.get().is_none()
                && w.class().number.pow.get().is_none()
            {
                unsupported(v, w, "**=")
            } else {
                e
            }
        });
    }
    if let Some(f) = inplace_sel(op)(&v.class().number) {
        let r = f(v, w)?;
        if !r.is_not_implemented() {
            return Ok(r);
        }
    }
    let r = binary_op1(v, w, slot_sel(op))?;
    if r.is_not_implemented() {
        let e = binop_error(v, w, op.base());
        // CPython names the augmented operator in the generic message.
        let msg = crate::ops::str_lossy(e.exc());
        if msg.starts_with("unsupported operand") {
            return Err(unsupported(v, w, op.symbol()));
        }
        return Err(e);
    }
    Ok(r)
}

/// `pow(v, w, z)` (z None for the two-argument form).
pub fn power(v: &Obj, w: &Obj, z: &Obj) -> PyResult {
    let tv = v.class();
    let tw = w.class();
    let slotv: Option<TernaryFn> = tv.number.pow.get();
    let mut slotw: Option<TernaryFn> = if !tv.is(tw) { tw.number.pow.get() } else { None };
    if let (Some(a), Some(b)) = (slotv, slotw) {
        if a as usize == b as usize {
            slotw = None;
        }
    }
    if let Some(sv) = slotv {
        if let Some(sw) = slotw {
            if tw.is_subtype(tv) {
                let r = sw(v, w, z)?;
                if !r.is_not_implemented() {
                    return Ok(r);
                }
                slotw = None;
            }
        }
        let r = sv(v, w, z)?;
        if !r.is_not_implemented() {
            return Ok(r);
        }
    }
    if let Some(sw) = slotw {
        let r = sw(v, w, z)?;
        if !r.is_not_implemented() {
            return Ok(r);
        }
    }
    if !z.is_none() {
        if let Some(sz) = z.class().number.pow.get() {
            if !z.class().is(tv) && !z.class().is(tw) {
                let r = sz(v, w, z)?;
                if !r.is_not_implemented() {
                    return Ok(r);
                }
            }
        }
        return Err(PyErr::type_error(format!(
            "unsupported operand type(s) for ** or pow(): '{}', '{}', '{}'",
            tv.name(),
            tw.name(),
            z.class().name()
        )));
    }
    Err(binop_error(v, w, BinaryOp::Power))
}

#[cold]
fn bad_unary(v: &Obj, sym: &str) -> PyErr {
    PyErr::type_error(format!("bad operand type for {sym}: '{}'", v.class().name()))
}

pub fn negative(v: &Obj) -> PyResult {
    match v.class().number.neg.get() {
        Some(f) => f(v),
        None => Err(bad_unary(v, "unary -")),
    }
}

pub fn positive(v: &Obj) -> PyResult {
    match v.class().number.pos.get() {
        Some(f) => f(v),
        None => Err(bad_unary(v, "unary +")),
    }
}

pub fn invert(v: &Obj) -> PyResult {
    match v.class().number.invert.get() {
        Some(f) => f(v),
        None => Err(bad_unary(v, "unary ~")),
    }
}

pub fn absolute(v: &Obj) -> PyResult {
    match v.class().number.abs.get() {
        Some(f) => f(v),
        None => Err(bad_unary(v, "abs()")),
    }
}

/// `operator.index(v)` or None when `v` has no `__index__`.
pub fn index_opt(v: &Obj) -> PyResult<Option<PyRef>> {
    if v.isa::<crate::types::int::IntObj>() {
        return Ok(Some(v.to_owned()));
    }
    match v.class().number.index.get() {
        Some(f) => {
            let r = f(v)?;
            if !r.isa::<crate::types::int::IntObj>() {
                return Err(PyErr::type_error(format!("__index__ returned non-int (type {})", r.class().name())));
            }
            Ok(Some(r))
        }
        None => Ok(None),
    }
}

/// `operator.index(v)`.
pub fn index(v: &Obj) -> PyResult {
    let r = index_opt(v)?.ok_or_else(|| {
        PyErr::type_error(format!("'{}' object cannot be interpreted as an integer", v.class().name()))
    })?;
    // CPython's PyNumber_Index: the result is an exact int, even for bool.
    if std::ptr::eq(r.class(), &crate::types::int::INT_TYPE.0) {
        return Ok(r);
    }
    let i = r.downcast::<crate::types::int::IntObj>().expect("int subclass");
    Ok(crate::types::int::from_bigint(i.to_bigint()))
}

/// `int(v)` for numbers (no str parsing).
pub fn to_int(v: &Obj) -> PyResult {
    if let Some(f) = v.class().number.int.get() {
        let r = f(v)?;
        if !r.isa::<crate::types::int::IntObj>() {
            return Err(PyErr::type_error(format!("__int__ returned non-int (type {})", r.class().name())));
        }
        return Ok(r);
    }
    if let Some(r) = index_opt(v)? {
        return Ok(r);
    }
    if let Some(r) = super::call_special(v, "__trunc__", &[])? {
        return index(&r)
            .map_err(|_| PyErr::type_error(format!("__trunc__ returned non-Integral (type {})", r.class().name())));
    }
    Err(PyErr::type_error(format!(
        "int() argument must be a string, a bytes-like object or a real number, not '{}'",
        v.class().name()
    )))
}

/// `float(v)` for numbers as an f64 (no str parsing).
pub fn to_f64(v: &Obj) -> PyResult<f64> {
    if let Some(f) = v.downcast::<crate::types::float::FloatObj>() {
        return Ok(f.value());
    }
    if let Some(f) = v.class().number.float.get() {
        let r = f(v)?;
        return match r.downcast::<crate::types::float::FloatObj>() {
            Some(f) => Ok(f.value()),
            None => Err(PyErr::type_error(format!(
                "{}.__float__ returned non-float (type {})",
                v.class().name(),
                r.class().name()
            ))),
        };
    }
    if let Some(i) = index_opt(v)? {
        return i.downcast::<crate::types::int::IntObj>().expect("int").to_f64();
    }
    Err(PyErr::type_error(format!("must be real number, not {}", v.class().name())))
}

//! Inline fast paths for the generic arithmetic and comparison instructions:
//! when both operands are exact ints holding machine words, or both exact
//! floats, the operation is done in machine code (the result boxed by a
//! helper, comparisons giving True or False directly); anything else takes
//! the runtime helper. The results equal the interpreter's fast paths.

use cranelift_codegen::ir::condcodes::{FloatCC, IntCC};
use cranelift_codegen::ir::{self, types, BlockArg, InstBuilder};
use ember_compiler::bytecode::{BinaryOp, CompareOp};
use ember_hir::ir::{Imm, Inst};
use ember_hir::types::Type;

use super::{trusted, Lower, LowerError};
use crate::helpers::Helper;

/// The operation a fast path performs.
#[derive(Clone, Copy)]
enum Op {
    Binary(BinaryOp),
    Compare(CompareOp),
}

/// The signed machine comparison for a Python comparison.
pub(super) fn int_cc(op: CompareOp) -> IntCC {
    match op {
        CompareOp::Lt => IntCC::SignedLessThan,
        CompareOp::Le => IntCC::SignedLessThanOrEqual,
        CompareOp::Eq => IntCC::Equal,
        CompareOp::Ne => IntCC::NotEqual,
        CompareOp::Gt => IntCC::SignedGreaterThan,
        CompareOp::Ge => IntCC::SignedGreaterThanOrEqual,
    }
}

/// The IEEE comparison with Python's float semantics (NaN compares unequal).
pub(super) fn float_cc(op: CompareOp) -> FloatCC {
    match op {
        CompareOp::Lt => FloatCC::LessThan,
        CompareOp::Le => FloatCC::LessThanOrEqual,
        CompareOp::Eq => FloatCC::Equal,
        CompareOp::Ne => FloatCC::NotEqual,
        CompareOp::Gt => FloatCC::GreaterThan,
        CompareOp::Ge => FloatCC::GreaterThanOrEqual,
    }
}

fn no_flag(l: &mut Lower<'_>) -> ir::Value {
    l.b.ins().iconst(types::I8, 0)
}

impl Lower<'_> {
    /// Continues in a new block when `ok` is non-zero, else goes to `slow`.
    fn require(&mut self, ok: ir::Value, slow: ir::Block) {
        let cont = self.b.create_block();
        self.b.ins().brif(ok, cont, &[], slow, &[]);
        self.b.switch_to_block(cont);
    }

    /// Floor division, modulo and shifts of machine-word ints, on the
    /// interpreter's fast-path conditions (a positive divisor; a shift count
    /// in range that loses no bits); anything else goes to `slow`.
    fn int_div_shift(&mut self, op: BinaryOp, x: ir::Value, y: ir::Value, slow: ir::Block) -> ir::Value {
        match op {
            BinaryOp::FloorDivide | BinaryOp::Remainder => {
                let positive = self.b.ins().icmp_imm_s(IntCC::SignedGreaterThan, y, 0);
                self.require(positive, slow);
                // Truncating division, then rounded towards negative infinity:
                // with a positive divisor the remainder is negative exactly
                // when the floor is one below the truncated quotient.
                let r = self.b.ins().srem(x, y);
                let negative = self.b.ins().icmp_imm_s(IntCC::SignedLessThan, r, 0);
                if op == BinaryOp::Remainder {
                    let fixed = self.b.ins().iadd(r, y);
                    self.b.ins().select(negative, fixed, r)
                } else {
                    let q = self.b.ins().sdiv(x, y);
                    let adjust = self.b.ins().uextend(types::I64, negative);
                    self.b.ins().isub(q, adjust)
                }
            }
            BinaryOp::RShift => {
                let in_range = self.b.ins().icmp_imm_u(IntCC::UnsignedLessThan, y, 64);
                self.require(in_range, slow);
                self.b.ins().sshr(x, y)
            }
            _ => {
                // x << y keeps every bit when |x| < 2**(62 - y), y < 63.
                let in_range = self.b.ins().icmp_imm_u(IntCC::UnsignedLessThan, y, 63);
                self.require(in_range, slow);
                let magnitude = self.b.ins().iabs(x);
                let room = self.iconst(62);
                let room = self.b.ins().isub(room, y);
                let lost = self.b.ins().ushr(magnitude, room);
                let keeps = self.b.ins().icmp_imm_s(IntCC::Equal, lost, 0);
                self.require(keeps, slow);
                self.b.ins().ishl(x, y)
            }
        }
    }

    /// `BinaryOp` or `Compare` of `ops[0]` and `ops[1]`; returns the result.
    pub(super) fn arith(&mut self, i: Inst, imm: &Imm, ops: &[ir::Value]) -> Result<ir::Value, LowerError> {
        let (op, code) = match imm {
            Imm::BinaryOp(b) => (Op::Binary(*b), *b as i64),
            Imm::CompareOp(c) => (Op::Compare(*c), *c as i64),
            _ => return Err(LowerError("operator immediate".into())),
        };
        let int_ok = match op {
            Op::Binary(b) => matches!(
                b.base(),
                BinaryOp::Add
                    | BinaryOp::Subtract
                    | BinaryOp::Multiply
                    | BinaryOp::And
                    | BinaryOp::Or
                    | BinaryOp::Xor
                    | BinaryOp::FloorDivide
                    | BinaryOp::Remainder
                    | BinaryOp::RShift
                    | BinaryOp::LShift
            ),
            Op::Compare(_) => true,
        };
        let float_ok = match op {
            Op::Binary(b) => {
                matches!(b.base(), BinaryOp::Add | BinaryOp::Subtract | BinaryOp::Multiply | BinaryOp::TrueDivide)
            }
            Op::Compare(_) => true,
        };
        // Each fast path needs both operands of its exact type: skip the ones
        // the operands' HIR types rule out (`x * 2.0` never takes the int path).
        let operands = &self.f.inst(i).operands;
        let both = |t: &Type| operands.iter().all(|v| self.f.value_type(*v).could_be(t));
        let int_ok = int_ok && both(&Type::LONG_EXACT);
        let float_ok = float_ok && both(&Type::FLOAT_EXACT);
        let l = self.rt.layout().clone();
        let (a, b) = (ops[0], ops[1]);
        let h = match op {
            Op::Binary(_) => Helper::BinaryOp,
            Op::Compare(_) => Helper::Compare,
        };
        if !int_ok && !float_ok {
            let code = self.iconst(code);
            let r = self.call1(h, &[a, b, code]);
            self.check_null(i, r)?;
            return Ok(r);
        }
        // The operand whose box the result may take over (see `reuse`).
        let reuse = match op {
            Op::Binary(_) if int_ok || float_ok => self.reuse_next.take(),
            _ => None,
        };
        let target = reuse.map(|(j, _)| ops[j]);
        let done = self.b.create_block();
        let result = self.b.append_block_param(done, types::I64);
        let reused = self.b.append_block_param(done, types::I8);
        let no = self.b.ins().iconst(types::I8, 0);
        let slow = self.b.create_block();
        let ta = self.b.ins().load(types::I64, trusted(), a, l.ob_type);
        let tb = self.b.ins().load(types::I64, trusted(), b, l.ob_type);
        let same = self.b.ins().icmp(IntCC::Equal, ta, tb);
        let typed = self.b.create_block();
        self.b.ins().brif(same, typed, &[], slow, &[]);
        self.b.switch_to_block(typed);
        let not_int = self.b.create_block();
        if int_ok {
            let is_int = self.b.ins().icmp_imm_s(IntCC::Equal, ta, l.int_type as i64);
            let ints = self.b.create_block();
            self.b.ins().brif(is_int, ints, &[], not_int, &[]);
            self.b.switch_to_block(ints);
            let big_a = self.b.ins().load(types::I64, trusted(), a, l.int_big);
            let big_b = self.b.ins().load(types::I64, trusted(), b, l.int_big);
            let big = self.b.ins().bor(big_a, big_b);
            let words = self.b.create_block();
            self.b.ins().brif(big, slow, &[], words, &[]);
            self.b.switch_to_block(words);
            let x = self.b.ins().load(types::I64, trusted(), a, l.int_value);
            let y = self.b.ins().load(types::I64, trusted(), b, l.int_value);
            let r = match op {
                Op::Compare(c) => {
                    let t = self.b.ins().icmp(int_cc(c), x, y);
                    let (yes, no) = (self.iconst(l.true_obj as i64), self.iconst(l.false_obj as i64));
                    (self.b.ins().select(t, yes, no), no_flag(self))
                }
                Op::Binary(bop) => {
                    let v = match bop.base() {
                        BinaryOp::And => self.b.ins().band(x, y),
                        BinaryOp::Or => self.b.ins().bor(x, y),
                        BinaryOp::Xor => self.b.ins().bxor(x, y),
                        base @ (BinaryOp::FloorDivide | BinaryOp::Remainder | BinaryOp::RShift | BinaryOp::LShift) => {
                            self.int_div_shift(base, x, y, slow)
                        }
                        base => {
                            let (v, of) = match base {
                                BinaryOp::Add => self.b.ins().sadd_overflow(x, y),
                                BinaryOp::Subtract => self.b.ins().ssub_overflow(x, y),
                                _ => self.b.ins().smul_overflow(x, y),
                            };
                            let fits = self.b.create_block();
                            self.b.ins().brif(of, slow, &[], fits, &[]);
                            self.b.switch_to_block(fits);
                            v
                        }
                    };
                    match target {
                        Some(t) => self.box_long_reusing(v, t),
                        None => (self.box_long(v), no_flag(self)),
                    }
                }
            };
            self.b.ins().jump(done, &[BlockArg::Value(r.0), BlockArg::Value(r.1)]);
        } else {
            self.b.ins().jump(not_int, &[]);
        }
        self.b.switch_to_block(not_int);
        if float_ok {
            let is_float = self.b.ins().icmp_imm_s(IntCC::Equal, ta, l.float_type as i64);
            let floats = self.b.create_block();
            self.b.ins().brif(is_float, floats, &[], slow, &[]);
            self.b.switch_to_block(floats);
            let x = self.b.ins().load(types::F64, trusted(), a, l.float_value);
            let y = self.b.ins().load(types::F64, trusted(), b, l.float_value);
            let r = match op {
                Op::Compare(c) => {
                    let t = self.b.ins().fcmp(float_cc(c), x, y);
                    let (yes, no) = (self.iconst(l.true_obj as i64), self.iconst(l.false_obj as i64));
                    (self.b.ins().select(t, yes, no), no_flag(self))
                }
                Op::Binary(bop) => {
                    let v = match bop.base() {
                        BinaryOp::Add => self.b.ins().fadd(x, y),
                        BinaryOp::Subtract => self.b.ins().fsub(x, y),
                        BinaryOp::Multiply => self.b.ins().fmul(x, y),
                        _ => {
                            // Division by zero raises: the helper does it.
                            let zero = self.b.ins().f64const(0.0);
                            let is_zero = self.b.ins().fcmp(FloatCC::Equal, y, zero);
                            let nonzero = self.b.create_block();
                            self.b.ins().brif(is_zero, slow, &[], nonzero, &[]);
                            self.b.switch_to_block(nonzero);
                            self.b.ins().fdiv(x, y)
                        }
                    };
                    match target {
                        Some(t) => self.reuse_or(t, v, l.float_value, |s| s.box_float(v)),
                        None => (self.box_float(v), no_flag(self)),
                    }
                }
            };
            self.b.ins().jump(done, &[BlockArg::Value(r.0), BlockArg::Value(r.1)]);
        } else {
            self.b.ins().jump(slow, &[]);
        }
        self.b.switch_to_block(slow);
        let code = self.iconst(code);
        let r = self.call1(h, &[a, b, code]);
        self.check_null(i, r)?;
        self.b.ins().jump(done, &[BlockArg::Value(r), BlockArg::Value(no)]);
        self.b.switch_to_block(done);
        if let Some((_, decref)) = reuse {
            self.reused.insert(decref, reused);
        }
        Ok(result)
    }
}

//! `ForIter` over a range iterator without calling the runtime.

use cranelift_codegen::ir::condcodes::IntCC;
use cranelift_codegen::ir::{self, types, InstBuilder};
use ember_hir::ir::Inst;

use super::{trusted, Lower, LowerError};
use crate::helpers::Helper;

impl Lower<'_> {
    /// `ForIter`: a range iterator steps inline (as the runtime's `next_i64`
    /// does: the remaining count, then the next value and its successor);
    /// any other iterator takes the helper. Null when exhausted.
    pub(super) fn emit_for_iter(&mut self, i: Inst, it: ir::Value) -> Result<(), LowerError> {
        let l = self.rt.layout().clone();
        let (next, step, remaining) = l.range_iter;
        let done = self.b.create_block();
        let result = self.b.append_block_param(done, types::I64);
        let (range, stepping, other) = (self.b.create_block(), self.b.create_block(), self.b.create_block());
        let ty = self.b.ins().load(types::I64, trusted(), it, l.ob_type);
        let is_range = self.b.ins().icmp_imm_s(IntCC::Equal, ty, l.range_iter_type as i64);
        self.b.ins().brif(is_range, range, &[], other, &[]);
        self.b.switch_to_block(range);
        let left = self.b.ins().load(types::I64, trusted(), it, remaining);
        let exhausted = self.b.ins().icmp_imm_s(IntCC::SignedLessThanOrEqual, left, 0);
        let null = self.iconst(0);
        self.b.ins().brif(exhausted, done, &[null.into()], stepping, &[]);
        self.b.switch_to_block(stepping);
        let left = self.b.ins().iadd_imm_s(left, -1);
        self.b.ins().store(trusted(), left, it, remaining);
        let v = self.b.ins().load(types::I64, trusted(), it, next);
        let s = self.b.ins().load(types::I64, trusted(), it, step);
        let following = self.b.ins().iadd(v, s);
        self.b.ins().store(trusted(), following, it, next);
        let boxed = self.box_long(v);
        self.b.ins().jump(done, &[boxed.into()]);
        self.b.switch_to_block(other);
        let out = self.scratch_addr();
        let r = self.call1(Helper::ForIter, &[it, out]);
        self.check_status(i, r)?;
        let out = self.scratch_addr();
        let v = self.b.ins().load(types::I64, trusted(), out, 0);
        self.b.ins().jump(done, &[v.into()]);
        self.b.switch_to_block(done);
        self.define(i, result);
        Ok(())
    }
}

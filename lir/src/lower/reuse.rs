//! Reusing a dying operand's box for an arithmetic result.
//!
//! `x = x * a + b` makes a float for `x * a` that dies at the add, and
//! `i += 1` drops the old `i` right after making the new one. When a
//! `BinaryOp`'s operand is released by a `Decref` among the instructions
//! that directly follow it (only reference drops in between), and at run
//! time that reference is the object's only one (reference count 1), the
//! fast path writes the result into that object instead of allocating a new
//! one, and the `Decref` is skipped: the result inherits the reference.
//!
//! This is sound because the object dies at that `Decref` anyway: with one
//! reference nothing else can see it, and nothing between the two
//! instructions uses it (the drops in between release other objects, whose
//! finalizers cannot reach one only compiled code holds). The operand has
//! the result's exact type on the fast path (both operands are checked
//! exact floats, or exact ints holding machine words), and an int result in
//! the shared small range still uses the shared object.

use cranelift_codegen::ir::condcodes::IntCC;
use cranelift_codegen::ir::{self, types, InstBuilder};
use ember_hir::ir::{Imm, Inst};
use ember_hir::opcode::Opcode;

use super::{trusted, Lower};

impl Lower<'_> {
    /// For the `BinaryOp` at `insts[k]`: the operand (0 or 1, the left one
    /// preferred) that a `Decref` in the run of reference drops right after
    /// it releases, and that `Decref`.
    pub(super) fn dying_operand(&self, insts: &[Inst], k: usize) -> Option<(usize, Inst)> {
        let inst = self.f.inst(insts[k]);
        if inst.op != Opcode::BinaryOp || !matches!(inst.imm, Imm::BinaryOp(_)) {
            return None;
        }
        let mut found: Option<(usize, Inst)> = None;
        for &d in &insts[k + 1..] {
            let di = self.f.inst(d);
            if di.op != Opcode::Decref {
                break;
            }
            for j in 0..2 {
                if di.operands[0] == inst.operands[j] && found.is_none_or(|(fj, _)| j < fj) {
                    found = Some((j, d));
                }
            }
        }
        found
    }

    /// `v` written into `target` when `target` has exactly one reference
    /// (giving `(target, 1)`), else `fresh()`'s object (`(object, 0)`). The
    /// value is stored with `store` at `offset`.
    pub(super) fn reuse_or(
        &mut self,
        target: ir::Value,
        v: ir::Value,
        offset: i32,
        fresh: impl FnOnce(&mut Self) -> ir::Value,
    ) -> (ir::Value, ir::Value) {
        let done = self.b.create_block();
        let result = self.b.append_block_param(done, types::I64);
        let reused = self.b.append_block_param(done, types::I8);
        let (inplace, new) = (self.b.create_block(), self.b.create_block());
        let rc = self.b.ins().load(types::I64, trusted(), target, self.rt.layout().refcnt);
        let only = self.b.ins().icmp_imm_s(IntCC::Equal, rc, 1);
        self.b.ins().brif(only, inplace, &[], new, &[]);
        self.b.switch_to_block(inplace);
        self.b.ins().store(trusted(), v, target, offset);
        let yes = self.b.ins().iconst(types::I8, 1);
        self.b.ins().jump(done, &[target.into(), yes.into()]);
        self.b.switch_to_block(new);
        let obj = fresh(self);
        let no = self.b.ins().iconst(types::I8, 0);
        self.b.ins().jump(done, &[obj.into(), no.into()]);
        self.b.switch_to_block(done);
        (result, reused)
    }

    /// The `Decref` of an operand whose box a `BinaryOp` may have reused:
    /// skipped when it did (`reused` non-zero).
    pub(super) fn decref_unless(&mut self, v: ir::Value, reused: ir::Value) {
        let (drop, done) = (self.b.create_block(), self.b.create_block());
        self.b.ins().brif(reused, done, &[], drop, &[]);
        self.b.switch_to_block(drop);
        self.decref(v, false);
        self.b.ins().jump(done, &[]);
        self.b.switch_to_block(done);
    }
}

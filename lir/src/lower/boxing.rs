//! Boxing machine values inline, through the runtime's
//! free lists for exact floats and ints (`Layout::float_freelist`,
//! `int_freelist`): a new object is popped from its list and given its header
//! and value in machine code (an int in the shared small range is the shared
//! object's address); an empty list takes the helper. This mirrors the
//! runtime's own allocator exactly; freeing goes through the runtime.

use cranelift_codegen::ir::condcodes::IntCC;
use cranelift_codegen::ir::{self, types, InstBuilder};

use super::{trusted, Lower};
use crate::helpers::Helper;

impl Lower<'_> {
    /// Pops a block from the free list `(head, count)`, branching to `empty`
    /// (with no arguments) when there is none.
    fn freelist_pop(&mut self, (head, count): (u64, u64), empty: ir::Block) -> ir::Value {
        let head = self.iconst(head as i64);
        let block = self.b.ins().load(types::I64, trusted(), head, 0);
        let none = self.b.ins().icmp_imm_s(IntCC::Equal, block, 0);
        self.exit_if(none, empty);
        let next = self.b.ins().load(types::I64, trusted(), block, 0);
        self.b.ins().store(trusted(), next, head, 0);
        let count = self.iconst(count as i64);
        let n = self.b.ins().load(types::I64, trusted(), count, 0);
        let n = self.b.ins().iadd_imm_s(n, -1);
        self.b.ins().store(trusted(), n, count, 0);
        block
    }

    /// Writes a new object's header: one reference, type `ty`.
    fn init_header(&mut self, obj: ir::Value, ty: u64) {
        let l = self.rt.layout().clone();
        let one = self.iconst(1);
        self.b.ins().store(trusted(), one, obj, l.refcnt);
        let ty = self.iconst(ty as i64);
        self.b.ins().store(trusted(), ty, obj, l.ob_type);
    }

    /// A new exact float holding `v` (an `F64`).
    pub(super) fn box_float(&mut self, v: ir::Value) -> ir::Value {
        let l = self.rt.layout().clone();
        if l.float_freelist.0 == 0 {
            return self.call1(Helper::BoxFloat, &[v]);
        }
        let done = self.b.create_block();
        let result = self.b.append_block_param(done, types::I64);
        let slow = self.b.create_block();
        self.b.set_cold_block(slow);
        let obj = self.freelist_pop(l.float_freelist, slow);
        self.init_header(obj, l.float_type);
        self.b.ins().store(trusted(), v, obj, l.float_value);
        self.b.ins().jump(done, &[obj.into()]);
        self.b.switch_to_block(slow);
        let r = self.call1(Helper::BoxFloat, &[v]);
        self.b.ins().jump(done, &[r.into()]);
        self.b.switch_to_block(done);
        result
    }

    /// An int holding `v` (an `I64`): the shared object for a small value, else
    /// a new exact int.
    pub(super) fn box_long(&mut self, v: ir::Value) -> ir::Value {
        self.box_long_with(v, None).0
    }

    /// [`Lower::box_long`], but a value outside the shared range goes into
    /// `target` (an exact int holding a machine word) when that has one
    /// reference (see `reuse`); also gives whether it did (`I8`).
    pub(super) fn box_long_reusing(&mut self, v: ir::Value, target: ir::Value) -> (ir::Value, ir::Value) {
        self.box_long_with(v, Some(target))
    }

    fn box_long_with(&mut self, v: ir::Value, target: Option<ir::Value>) -> (ir::Value, ir::Value) {
        let l = self.rt.layout().clone();
        let no = self.b.ins().iconst(types::I8, 0);
        if l.int_freelist.0 == 0 {
            return (self.call1(Helper::BoxLong, &[v]), no);
        }
        let done = self.b.create_block();
        let result = self.b.append_block_param(done, types::I64);
        let reused = self.b.append_block_param(done, types::I8);
        let slow = self.b.create_block();
        self.b.set_cold_block(slow);
        let (lo, hi) = l.small_ints;
        let above = self.b.ins().icmp_imm_s(IntCC::SignedGreaterThan, v, hi);
        let below = self.b.ins().icmp_imm_s(IntCC::SignedLessThan, v, lo);
        let outside = self.b.ins().bor(above, below);
        let (shared, fresh) = (self.b.create_block(), self.b.create_block());
        self.b.ins().brif(outside, fresh, &[], shared, &[]);
        // A shared small int: immortal, so no reference to take.
        self.b.switch_to_block(shared);
        let k = self.b.ins().iadd_imm_s(v, -lo);
        let offset = self.b.ins().imul_imm_s(k, l.int_size);
        let obj = self.b.ins().iadd_imm_s(offset, l.small_int_base as i64);
        self.b.ins().jump(done, &[obj.into(), no.into()]);
        self.b.switch_to_block(fresh);
        if let Some(t) = target {
            let (inplace, alloc) = (self.b.create_block(), self.b.create_block());
            let rc = self.b.ins().load(types::I64, trusted(), t, l.refcnt);
            let only = self.b.ins().icmp_imm_s(IntCC::Equal, rc, 1);
            self.b.ins().brif(only, inplace, &[], alloc, &[]);
            self.b.switch_to_block(inplace);
            self.b.ins().store(trusted(), v, t, l.int_value);
            let yes = self.b.ins().iconst(types::I8, 1);
            self.b.ins().jump(done, &[t.into(), yes.into()]);
            self.b.switch_to_block(alloc);
        }
        let obj = self.freelist_pop(l.int_freelist, slow);
        self.init_header(obj, l.int_type);
        self.b.ins().store(trusted(), v, obj, l.int_value);
        let null = self.iconst(0);
        self.b.ins().store(trusted(), null, obj, l.int_big);
        self.b.ins().jump(done, &[obj.into(), no.into()]);
        self.b.switch_to_block(slow);
        let r = self.call1(Helper::BoxLong, &[v]);
        self.b.ins().jump(done, &[r.into(), no.into()]);
        self.b.switch_to_block(done);
        (result, reused)
    }

    /// Frees `obj`, whose last reference compiled code just dropped, through
    /// the `Dealloc` helper (which returns exact floats and ints to their
    /// free lists first thing). An inline free-list push for floats made
    /// every reference drop's slow path longer: 16% more compile work for
    /// `import json, re, collections` and slower programs overall.
    pub(super) fn free(&mut self, obj: ir::Value) {
        self.call(Helper::Dealloc, &[obj]);
    }
}

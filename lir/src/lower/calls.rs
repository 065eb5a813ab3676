//! `CallMethod` and `VectorCall` of native callables without the helper.
//!
//! The helper's general call does, for a callable that is neither a Python
//! function (which has its own fast way into compiled code) nor an exact
//! class (whose `__init__` shortcut the helper takes), exactly this: check
//! the native stack limit, then call the callable's type's vectorcall slot
//! with the arguments. Machine code does the same directly when the slot is
//! set and the stack is not below the limit, and calls the helper otherwise
//! (which raises the RecursionError, or the "not callable" TypeError).

use cranelift_codegen::ir::condcodes::IntCC;
use cranelift_codegen::ir::{self, types, AbiParam, InstBuilder, Signature};
use ember_hir::ir::Inst;
use ember_hir::opcode::Opcode;

use super::{trusted, Lower, LowerError};
use crate::helpers::Helper;

impl Lower<'_> {
    /// `CallMethod` (`[method or null, self or callable, args...]`) or
    /// `VectorCall` (`[callable, args...]`) with operands `ops`.
    pub(super) fn emit_call(&mut self, i: Inst, op: Opcode, ops: &[ir::Value]) -> Result<(), LowerError> {
        let l = self.rt.layout().clone();
        let arr = self.array(ops);
        let n = ops.len() as i64;
        let (callable, args, nargs) = if op == Opcode::VectorCall {
            (ops[0], self.b.ins().iadd_imm_s(arr, 8), self.iconst(n - 1))
        } else {
            // A null first operand: the second is the callable.
            let absent = self.b.ins().icmp_imm_s(IntCC::Equal, ops[0], 0);
            let callable = self.b.ins().select(absent, ops[1], ops[0]);
            let (after_two, after_one) = (self.b.ins().iadd_imm_s(arr, 16), self.b.ins().iadd_imm_s(arr, 8));
            let args = self.b.ins().select(absent, after_two, after_one);
            let (fewer, more) = (self.iconst(n - 2), self.iconst(n - 1));
            (callable, args, self.b.ins().select(absent, fewer, more))
        };
        let done = self.b.create_block();
        let result = self.b.append_block_param(done, types::I64);
        let (direct, general, function) = (self.b.create_block(), self.b.create_block(), self.b.create_block());

        // Python functions first: they are the common callables, and their
        // helper enters compiled code directly.
        let ty = self.b.ins().load(types::I64, trusted(), callable, l.ob_type);
        let is_function = self.b.ins().icmp_imm_s(IntCC::Equal, ty, l.call.function_type as i64);
        self.exit_if(is_function, function);
        let is_class = self.b.ins().icmp_imm_s(IntCC::Equal, ty, l.call.type_type as i64);
        let slot = self.b.ins().load(types::I64, trusted(), ty, l.call.type_call);
        let no_slot = self.b.ins().icmp_imm_s(IntCC::Equal, slot, 0);
        let limit_addr = self.iconst(l.call.native_stack_limit as i64);
        let limit = self.b.ins().load(types::I64, trusted(), limit_addr, 0);
        let sp = self.b.ins().get_stack_pointer(types::I64);
        let deep = self.b.ins().icmp(IntCC::UnsignedLessThan, sp, limit);
        let unusable = self.b.ins().bor(no_slot, deep);
        let general_way = self.b.ins().bor(is_class, unusable);
        self.b.ins().brif(general_way, general, &[], direct, &[]);

        self.b.switch_to_block(direct);
        let sig = self.vectorcall_signature();
        let no_kwnames = self.iconst(0);
        let call = self.b.ins().call_indirect(sig, slot, &[callable, args, nargs, no_kwnames]);
        let r = self.b.inst_results(call)[0];
        self.b.ins().jump(done, &[r.into()]);

        self.b.switch_to_block(function);
        let r = self.call1(Helper::CallFunction, &[callable, args, nargs]);
        self.b.ins().jump(done, &[r.into()]);

        self.b.switch_to_block(general);
        let count = self.iconst(n);
        let r = if op == Opcode::VectorCall {
            self.call1(Helper::VectorCall, &[arr, count])
        } else {
            let no_kw = self.iconst(0);
            self.call1(Helper::Call, &[arr, count, no_kw])
        };
        self.b.ins().jump(done, &[r.into()]);

        self.b.switch_to_block(done);
        self.check_null(i, result)?;
        self.define(i, result);
        Ok(())
    }

    fn vectorcall_signature(&mut self) -> ir::SigRef {
        if let Some(s) = self.vectorcall_sig {
            return s;
        }
        let mut sig = Signature::new(self.call_conv);
        sig.params.extend([AbiParam::new(types::I64); 4]);
        sig.returns.push(AbiParam::new(types::I64));
        let s = self.b.import_signature(sig);
        self.vectorcall_sig = Some(s);
        s
    }
}

//! `LoadGlobal` with the code object's cache entry checked inline.
//!
//! The interpreter's `LOAD_GLOBAL` cache entry (shared with compiled code)
//! records the globals and builtins dict versions it was filled at. Versions
//! come from one counter and change on every mutation, so when both dicts of
//! the frame still have those versions the cached value is the answer: the
//! machine code takes a new reference to it. Otherwise (a stale or empty
//! entry, builtins that are not an exact dict) the helper looks the name up
//! and refills the entry.

use cranelift_codegen::ir::condcodes::IntCC;
use cranelift_codegen::ir::{types, InstBuilder};
use ember_hir::ir::Inst;

use super::{refuse, trusted, Lower, LowerError};
use crate::helpers::Helper;

impl Lower<'_> {
    pub(super) fn emit_load_global(&mut self, i: Inst, name: i64) -> Result<(), LowerError> {
        let Some(entry) = u32::try_from(name).ok().and_then(|n| self.rt.global_cache(n)) else {
            return refuse(format!("no global name {name}"));
        };
        let l = self.rt.layout().clone();
        let frame = self.frame();
        let done = self.b.create_block();
        let result = self.b.append_block_param(done, types::I64);
        let slow = self.b.create_block();
        self.b.set_cold_block(slow);

        // Two tests, each of conditions that are safe to evaluate together:
        // the globals' version and the builtins' type, then (the builtins
        // being a dict) their version and the entry's value.
        let entry = self.iconst(entry as i64);
        let globals = self.b.ins().load(types::I64, trusted(), frame, l.frame_globals);
        let gv = self.b.ins().load(types::I64, trusted(), globals, l.dict_version);
        let want_gv = self.b.ins().load(types::I64, trusted(), entry, l.global_cache_globals_version);
        let builtins = self.b.ins().load(types::I64, trusted(), frame, l.frame_builtins);
        let bt = self.b.ins().load(types::I64, trusted(), builtins, l.ob_type);
        let stale = self.b.ins().icmp(IntCC::NotEqual, gv, want_gv);
        let not_dict = self.b.ins().icmp_imm_s(IntCC::NotEqual, bt, l.dict_type as i64);
        let miss = self.b.ins().bor(stale, not_dict);
        self.exit_if(miss, slow);
        let bv = self.b.ins().load(types::I64, trusted(), builtins, l.dict_version);
        let want_bv = self.b.ins().load(types::I64, trusted(), entry, l.global_cache_builtins_version);
        let v = self.b.ins().load(types::I64, trusted(), entry, l.global_cache_value);
        let stale = self.b.ins().icmp(IntCC::NotEqual, bv, want_bv);
        let empty = self.b.ins().icmp_imm_s(IntCC::Equal, v, 0);
        let miss = self.b.ins().bor(stale, empty);
        self.exit_if(miss, slow);
        self.incref(v, false);
        self.b.ins().jump(done, &[v.into()]);

        self.b.switch_to_block(slow);
        let idx = self.iconst(name);
        let r = self.call1(Helper::LoadGlobal, &[frame, idx]);
        self.check_null(i, r)?;
        self.b.ins().jump(done, &[r.into()]);

        self.b.switch_to_block(done);
        self.define(i, result);
        Ok(())
    }
}

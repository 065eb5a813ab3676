//! `LoadAttr` and `StoreAttr` with the site's cache entry checked inline for
//! `__slots__` members.
//!
//! The helper fills the site's attribute cache at run time; the machine code
//! reads it: when the entry's version is the receiver type's (non-zero) tag,
//! its kind is a slot member and the type uses the generic attribute
//! protocol, the member is read or written at the entry's byte offset in the
//! object. Every other case (a stale or empty entry, an instance-dict
//! attribute, a descriptor, an unset member, a read-only member) calls the
//! helper, which does what the interpreter does.

use cranelift_codegen::ir::condcodes::IntCC;
use cranelift_codegen::ir::{self, types, InstBuilder};
use ember_hir::ir::Inst;

use super::{trusted, Lower, LowerError};
use crate::helpers::Helper;

impl Lower<'_> {
    /// Checks that the site cache at `cache` describes `obj`'s type as having
    /// a slot member, with `flags` set; branches to `slow` otherwise. Returns
    /// the member's address.
    fn slot_member(&mut self, cache: ir::Value, obj: ir::Value, flags: u8, slow: ir::Block) -> ir::Value {
        let l = self.rt.layout().clone();
        let ty = self.b.ins().load(types::I64, trusted(), obj, l.ob_type);
        let tv = self.b.ins().uload32(trusted(), ty, l.type_version);
        let cv = self.b.ins().uload32(trusted(), cache, l.attr_version);
        let stale = self.b.ins().icmp(IntCC::NotEqual, tv, cv);
        self.exit_if(stale, slow);
        let untagged = self.b.ins().icmp_imm_s(IntCC::Equal, tv, 0);
        self.exit_if(untagged, slow);
        let kind = self.b.ins().uload8(types::I64, trusted(), cache, l.attr_kind);
        let other = self.b.ins().icmp_imm_s(IntCC::NotEqual, kind, i64::from(l.attr_kind_slot));
        self.exit_if(other, slow);
        let fl = self.b.ins().uload8(types::I64, trusted(), cache, l.attr_flags);
        let fl = self.b.ins().band_imm_u(fl, i64::from(flags));
        let missing = self.b.ins().icmp_imm_s(IntCC::NotEqual, fl, i64::from(flags));
        self.exit_if(missing, slow);
        let off = self.b.ins().uload32(trusted(), cache, l.attr_hint);
        self.b.ins().iadd(obj, off)
    }

    pub(super) fn emit_load_attr(&mut self, i: Inst, name: i64, obj: ir::Value) -> Result<(), LowerError> {
        let (cache, name) = self.attr_site(name)?;
        let generic_get = self.rt.layout().attr_generic_get;
        let done = self.b.create_block();
        let result = self.b.append_block_param(done, types::I64);
        let slow = self.b.create_block();
        self.b.set_cold_block(slow);
        let at = self.slot_member(cache, obj, generic_get, slow);
        let v = self.b.ins().load(types::I64, trusted(), at, 0);
        let unset = self.b.ins().icmp_imm_s(IntCC::Equal, v, 0);
        self.exit_if(unset, slow);
        self.incref(v, false);
        self.b.ins().jump(done, &[v.into()]);
        self.b.switch_to_block(slow);
        let r = self.call1(Helper::LoadAttr, &[obj, cache, name]);
        self.check_null(i, r)?;
        self.b.ins().jump(done, &[r.into()]);
        self.b.switch_to_block(done);
        self.define(i, result);
        Ok(())
    }

    pub(super) fn emit_store_attr(
        &mut self,
        i: Inst,
        name: i64,
        obj: ir::Value,
        v: ir::Value,
    ) -> Result<(), LowerError> {
        let (cache, name) = self.attr_site(name)?;
        let l = self.rt.layout().clone();
        let done = self.b.create_block();
        let slow = self.b.create_block();
        self.b.set_cold_block(slow);
        let at = self.slot_member(cache, obj, l.attr_generic_set | l.attr_writable, slow);
        // The member gets its own reference; the old value is released after
        // the store, as the interpreter's swap does.
        self.incref(v, false);
        let old = self.b.ins().load(types::I64, trusted(), at, 0);
        self.b.ins().store(trusted(), v, at, 0);
        self.decref(old, true);
        self.b.ins().jump(done, &[]);
        self.b.switch_to_block(slow);
        let r = self.call1(Helper::StoreAttr, &[obj, cache, name, v]);
        self.check_status(i, r)?;
        self.b.ins().jump(done, &[]);
        self.b.switch_to_block(done);
        Ok(())
    }
}

//! Inline attribute caches for `LoadAttr` and `LoadMethod`.
//!
//! Every attribute site has a runtime cache of a few entries (the VM's
//! `AttrSite`). Machine code looks for the entry with the receiver's type's
//! version tag itself: when there is one, the entry's mode bits say
//! what the generic attribute protocol would do for this type, and the
//! machine code does it when the instance allows:
//!
//! - a slot load reads the slot (a null slot is the helper's error);
//! - an instance-dict load looks at the one dict entry the hint names and
//!   takes its value when that entry's key is the site's name object (the
//!   name is interned, so identity is key equality);
//! - a method load takes the cached method descriptor and the receiver when
//!   the instance has no dict, or its dict's 64-bit hash summary lacks the
//!   name's bit (no key with that hash, so no shadowing entry);
//! - a store replaces the value of the hinted instance-dict entry when its
//!   key is the name, and gives the dict a new version as every change does;
//!   or it swaps the value into a writable `__slots__` member.
//!
//! Dicts are read only while their table's borrow flag is not negative, and
//! changed only while it is zero.
//! Anything else (another type, an unfilled entry, a hint that misses, a
//! dict subclass) calls the helper, which does the full lookup and refills
//! the cache. Both ways give the same object.

use cranelift_codegen::ir::condcodes::IntCC;
use cranelift_codegen::ir::{self, types, InstBuilder};
use ember_hir::ir::Inst;

use super::{trusted, Lower, LowerError};
use crate::helpers::Helper;

impl Lower<'_> {
    /// Branches to `slow` unless one of the site's entries describes
    /// `obj`'s type; gives that entry's address, mode bits (`I32`) and
    /// offset field (`I64`). The entries are searched in a loop (a site sees
    /// one type most of the time: the first entry is its).
    fn ic_entry(&mut self, obj: ir::Value, site: ir::Value, slow: ir::Block) -> (ir::Value, ir::Value, ir::Value) {
        let l = self.rt.layout().clone();
        let a = &l.attr;
        let ty = self.b.ins().load(types::I64, trusted(), obj, l.ob_type);
        let tv = self.b.ins().load(types::I32, trusted(), ty, a.type_version);
        let first = self.b.ins().iadd_imm_s(site, i64::from(a.site_first));
        let end = self.b.ins().iadd_imm_s(first, a.site_entries * a.entry_stride);
        let (search, next, found) = (self.b.create_block(), self.b.create_block(), self.b.create_block());
        let way = self.b.append_block_param(search, types::I64);
        let hit_way = self.b.append_block_param(found, types::I64);
        self.b.ins().jump(search, &[first.into()]);
        self.b.switch_to_block(search);
        let cv = self.b.ins().load(types::I32, trusted(), way, a.version);
        let same = self.b.ins().icmp(IntCC::Equal, tv, cv);
        self.b.ins().brif(same, found, &[way.into()], next, &[]);
        self.b.switch_to_block(next);
        let after = self.b.ins().iadd_imm_s(way, a.entry_stride);
        let done = self.b.ins().icmp(IntCC::Equal, after, end);
        self.b.ins().brif(done, slow, &[], search, &[after.into()]);
        self.b.switch_to_block(found);
        let mode = self.b.ins().uload8(types::I32, trusted(), hit_way, a.mode);
        let off = self.b.ins().uload32(trusted(), hit_way, a.offset);
        (hit_way, mode, off)
    }

    /// The exact dict at `d`, or `slow` (a subclass, or a table being changed).
    fn ic_readable_dict(&mut self, d: ir::Value, slow: ir::Block) {
        let l = self.rt.layout().clone();
        let dt = self.b.ins().load(types::I64, trusted(), d, l.ob_type);
        let not_dict = self.b.ins().icmp_imm_s(IntCC::NotEqual, dt, l.dict_type as i64);
        self.exit_if(not_dict, slow);
        let borrow = self.b.ins().load(types::I64, trusted(), d, l.attr.dict_borrow);
        let busy = self.b.ins().icmp_imm_s(IntCC::SignedLessThan, borrow, 0);
        self.exit_if(busy, slow);
    }

    fn has_bits(&mut self, mode: ir::Value, bits: u8) -> ir::Value {
        self.b.ins().band_imm_u(mode, i64::from(bits))
    }

    /// `LoadAttr` of name `name` on `obj`.
    pub(super) fn emit_load_attr(&mut self, i: Inst, obj: ir::Value, name: i64) -> Result<(), LowerError> {
        let (site, name_obj) = self.attr_site(name)?;
        let a = self.rt.layout().attr.clone();
        let done = self.b.create_block();
        let result = self.b.append_block_param(done, types::I64);
        let (hit, slow) = (self.b.create_block(), self.b.create_block());
        let found = self.b.append_block_param(hit, types::I64);
        self.b.set_cold_block(slow);

        let (way, mode, off) = self.ic_entry(obj, site, slow);
        let addr = self.b.ins().iadd(obj, off);
        let (slot, dict) = (self.b.create_block(), self.b.create_block());
        let is_slot = self.has_bits(mode, a.mode_slot);
        self.b.ins().brif(is_slot, slot, &[], dict, &[]);

        self.b.switch_to_block(slot);
        let v = self.b.ins().load(types::I64, trusted(), addr, 0);
        let unset = self.b.ins().icmp_imm_s(IntCC::Equal, v, 0);
        self.exit_if(unset, slow);
        self.b.ins().jump(hit, &[v.into()]);

        self.b.switch_to_block(dict);
        let is_dict = self.has_bits(mode, a.mode_dict);
        let not_dict = self.b.ins().icmp_imm_s(IntCC::Equal, is_dict, 0);
        self.exit_if(not_dict, slow);
        let d = self.b.ins().load(types::I64, trusted(), addr, 0);
        let no_dict = self.b.ins().icmp_imm_s(IntCC::Equal, d, 0);
        self.exit_if(no_dict, slow);
        self.ic_readable_dict(d, slow);
        let e = self.ic_hinted_entry(d, way, name_obj, slow);
        let v = self.b.ins().load(types::I64, trusted(), e, a.entry_value);
        let unset = self.b.ins().icmp_imm_s(IntCC::Equal, v, 0);
        self.exit_if(unset, slow);
        self.b.ins().jump(hit, &[v.into()]);

        self.b.switch_to_block(hit);
        self.incref(found, false);
        self.b.ins().jump(done, &[found.into()]);

        self.b.switch_to_block(slow);
        let r = self.call1(Helper::LoadAttr, &[obj, site, name_obj]);
        self.check_null(i, r)?;
        self.b.ins().jump(done, &[r.into()]);

        self.b.switch_to_block(done);
        self.define(i, result);
        Ok(())
    }

    /// The address of the instance-dict entry (of the dict at `d`) that
    /// the cache entry `way`'s hint names, when its key is `name_obj`; else `slow`.
    fn ic_hinted_entry(&mut self, d: ir::Value, way: ir::Value, name_obj: ir::Value, slow: ir::Block) -> ir::Value {
        let a = self.rt.layout().attr.clone();
        let hint = self.b.ins().uload32(trusted(), way, a.hint);
        let len = self.b.ins().load(types::I64, trusted(), d, a.entries_len);
        let past = self.b.ins().icmp(IntCC::UnsignedGreaterThanOrEqual, hint, len);
        self.exit_if(past, slow);
        let entries = self.b.ins().load(types::I64, trusted(), d, a.entries_ptr);
        let at = self.b.ins().imul_imm_s(hint, a.entry_size);
        let e = self.b.ins().iadd(entries, at);
        let key = self.b.ins().load(types::I64, trusted(), e, a.entry_key);
        let other = self.b.ins().icmp(IntCC::NotEqual, key, name_obj);
        self.exit_if(other, slow);
        e
    }

    /// `StoreAttr` of `value` as name `name` on `obj`.
    pub(super) fn emit_store_attr(
        &mut self,
        i: Inst,
        obj: ir::Value,
        value: ir::Value,
        name: i64,
    ) -> Result<(), LowerError> {
        let (site, name_obj) = self.attr_site(name)?;
        let l = self.rt.layout().clone();
        let a = &l.attr;
        let (done, slow) = (self.b.create_block(), self.b.create_block());
        self.b.set_cold_block(slow);

        let (way, mode, off) = self.ic_entry(obj, site, slow);
        // A `__slots__` member: swap the value in.
        let (slot, dict) = (self.b.create_block(), self.b.create_block());
        let is_slot = self.has_bits(mode, a.mode_set_slot);
        self.b.ins().brif(is_slot, slot, &[], dict, &[]);
        self.b.switch_to_block(slot);
        let addr = self.b.ins().iadd(obj, off);
        let old = self.b.ins().load(types::I64, trusted(), addr, 0);
        self.incref(value, false);
        self.b.ins().store(trusted(), value, addr, 0);
        self.decref(old, true);
        self.b.ins().jump(done, &[]);

        self.b.switch_to_block(dict);
        let can = self.has_bits(mode, a.mode_set_dict);
        let cannot = self.b.ins().icmp_imm_s(IntCC::Equal, can, 0);
        self.exit_if(cannot, slow);
        let addr = self.b.ins().iadd(obj, off);
        let d = self.b.ins().load(types::I64, trusted(), addr, 0);
        let no_dict = self.b.ins().icmp_imm_s(IntCC::Equal, d, 0);
        self.exit_if(no_dict, slow);
        let dt = self.b.ins().load(types::I64, trusted(), d, l.ob_type);
        let not_dict = self.b.ins().icmp_imm_s(IntCC::NotEqual, dt, l.dict_type as i64);
        self.exit_if(not_dict, slow);
        let borrow = self.b.ins().load(types::I64, trusted(), d, a.dict_borrow);
        self.exit_if(borrow, slow);
        let e = self.ic_hinted_entry(d, way, name_obj, slow);
        let old = self.b.ins().load(types::I64, trusted(), e, a.entry_value);
        self.incref(value, false);
        self.b.ins().store(trusted(), value, e, a.entry_value);
        let counter = self.iconst(a.dict_version_counter as i64);
        let version = self.b.ins().load(types::I64, trusted(), counter, 0);
        self.b.ins().store(trusted(), version, d, l.dict_version);
        let next = self.b.ins().iadd_imm_s(version, 1);
        self.b.ins().store(trusted(), next, counter, 0);
        // Last: dropping the old value may run Python code, which sees the
        // dict already changed.
        self.decref(old, true);
        self.b.ins().jump(done, &[]);

        self.b.switch_to_block(slow);
        let r = self.call1(Helper::StoreAttr, &[obj, site, name_obj, value]);
        self.check_status(i, r)?;
        self.b.ins().jump(done, &[]);

        self.b.switch_to_block(done);
        Ok(())
    }

    /// `LoadMethod` of name `name` on `obj`: the method (null when the
    /// second result is the attribute itself) and the receiver or attribute.
    pub(super) fn emit_load_method(
        &mut self,
        i: Inst,
        obj: ir::Value,
        name: i64,
    ) -> Result<(ir::Value, ir::Value), LowerError> {
        let (site, name_obj) = self.attr_site(name)?;
        let bit = u32::try_from(name).map_or(0, |n| self.rt.name_hash_bit(n));
        let a = self.rt.layout().attr.clone();
        let done = self.b.create_block();
        let first = self.b.append_block_param(done, types::I64);
        let second = self.b.append_block_param(done, types::I64);
        let slow = self.b.create_block();
        self.b.set_cold_block(slow);

        if bit != 0 {
            let (way, mode, off) = self.ic_entry(obj, site, slow);
            let is_method = self.has_bits(mode, a.mode_method);
            let not_method = self.b.ins().icmp_imm_s(IntCC::Equal, is_method, 0);
            self.exit_if(not_method, slow);
            // No instance dict, or one without a key of the name's hash.
            let (has_off, check_dict, absent) = (self.b.create_block(), self.b.create_block(), self.b.create_block());
            self.b.ins().brif(off, has_off, &[], absent, &[]);
            self.b.switch_to_block(has_off);
            let addr = self.b.ins().iadd(obj, off);
            let d = self.b.ins().load(types::I64, trusted(), addr, 0);
            self.b.ins().brif(d, check_dict, &[], absent, &[]);
            self.b.switch_to_block(check_dict);
            self.ic_readable_dict(d, slow);
            let bits = self.b.ins().load(types::I64, trusted(), d, a.dict_hash_bits);
            let mine = self.b.ins().band_imm_s(bits, bit as i64);
            self.exit_if(mine, slow);
            self.b.ins().jump(absent, &[]);
            self.b.switch_to_block(absent);
            let m = self.b.ins().load(types::I64, trusted(), way, a.value);
            let unset = self.b.ins().icmp_imm_s(IntCC::Equal, m, 0);
            self.exit_if(unset, slow);
            self.incref(m, false);
            self.incref(obj, false);
            self.b.ins().jump(done, &[m.into(), obj.into()]);
        } else {
            self.b.ins().jump(slow, &[]);
        }

        self.b.switch_to_block(slow);
        let out = self.scratch_addr();
        let r = self.call1(Helper::LoadMethod, &[obj, site, name_obj, out]);
        self.check_status(i, r)?;
        let out = self.scratch_addr();
        let m = self.b.ins().load(types::I64, trusted(), out, 0);
        let o = self.b.ins().load(types::I64, trusted(), out, 8);
        self.b.ins().jump(done, &[m.into(), o.into()]);

        self.b.switch_to_block(done);
        Ok((first, second))
    }
}

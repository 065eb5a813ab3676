//! `YieldValue`: suspending a generator without calling the runtime.
//!
//! A yield writes the FrameState after it into the interpreter frame (the
//! generator resumes from there, compiled or interpreted) and returns the
//! yielded value. The generic way is the deopt helper; this is the inline
//! way, taken when the frame's value stack already has the depth the state
//! needs (or one more: the value sent in at the last resume, or none at all):
//!
//! - A slot whose state value was loaded from that very slot (at entry or at
//!   the last resume) still holds it: compiled code writes frame slots only on
//!   its way out, and every way in (entry, resume) reloads them. It is skipped.
//! - Every other slot gets its new value, with a reference the frame owns: the
//!   compiled code's own reference when it had one to give (it would release
//!   it at this exit otherwise), else a new one.
//! - The slots' old values are released only after all the new values are in
//!   place, since a value compiled code borrowed from one slot may be moving
//!   to another.
//!
//! The frame's stack may also be empty (the first yield of an activation that
//! started at the top of the function): its slots hold no values yet. Any
//! other depth (a yield after one at a different depth), or a state holding a
//! machine value, takes the deopt helper in a cold block.

use cranelift_codegen::ir::condcodes::IntCC;
use cranelift_codegen::ir::{self, types, InstBuilder};
use ember_hir::ir::{Imm, Inst, Value};
use ember_hir::opcode::Opcode;
use ember_hir::types::Type;

use super::{clif_type, trusted, value_kind, Lower, LowerError};
use crate::deopt::{counted, DeoptReason, ValueKind};

impl Lower<'_> {
    /// The frame slot `v` was loaded from, looking through type refinements,
    /// unbound-local checks and phis whose inputs all come from that slot
    /// (a local loaded at entry on one path and at a resume on another).
    fn loaded_from_slot(&self, v: Value) -> Option<usize> {
        let mut seen = Vec::new();
        self.slot_of(v, &mut seen)
    }

    fn slot_of(&self, mut v: Value, seen: &mut Vec<Value>) -> Option<usize> {
        loop {
            let inst = self.f.inst(self.f.values[v.index()].def);
            match (inst.op, &inst.imm) {
                (Opcode::RefineType | Opcode::Assign | Opcode::CheckVar, _) => v = inst.operands[0],
                (Opcode::LoadArg, Imm::Local(s)) => return Some(*s as usize),
                (Opcode::Phi, _) => {
                    if seen.contains(&v) || seen.len() > 16 {
                        return None;
                    }
                    seen.push(v);
                    let mut slot = None;
                    for &x in &inst.operands {
                        // A phi input that is the phi itself (a loop that
                        // does not change the local) adds nothing.
                        if seen.contains(&x) {
                            continue;
                        }
                        let s = self.slot_of(x, seen)?;
                        if slot.is_some_and(|t| t != s) {
                            return None;
                        }
                        slot = Some(s);
                    }
                    return slot;
                }
                _ => return None,
            }
        }
    }

    pub(super) fn emit_yield(&mut self, i: Inst) -> Result<(), LowerError> {
        let inst = self.f.inst(i).clone();
        let Some(fs) = inst.frame_state.clone() else { return self.emit_exit(i, DeoptReason::Yield, false, None) };
        let slots: Vec<Option<Value>> = fs.locals.iter().chain(fs.stack.iter()).copied().collect();
        let is_object = |l: &Self, v: &Value| value_kind(l.f.value_type(*v)) == ValueKind::Object;
        if !slots.iter().flatten().all(|v| is_object(self, v))
            || clif_type(self.f.value_type(inst.operands[0])) != types::I64
        {
            return self.emit_exit(i, DeoptReason::Yield, false, None);
        }
        let yielded = inst.operands[0];
        let mut owned: Vec<Value> = self.owned.get(&i).cloned().unwrap_or_default();
        if !super::yield_keeps_ref(&fs, yielded) {
            // The yield took compiled code's only reference for the caller.
            owned.retain(|v| *v != yielded);
        }
        owned.retain(|v| counted(self.f, *v));

        let layout = self.rt.layout().clone();
        let frame = self.frame();
        let (nlocals, depth) = (fs.locals.len() as i64, fs.stack.len() as i64);
        let top = layout.frame_slots as i64 + 8 * (nlocals + depth);
        let want = self.b.ins().iadd_imm_s(frame, top);
        let sp = self.b.ins().load(types::I64, trusted(), frame, layout.frame_sp);

        // Dispatch on the frame's current stack depth: the state's (`extra`
        // null), one more (`extra` is the value sent in at the last resume,
        // released with the old values), or empty while the state's is not
        // (`fresh`: the first yield of an activation that started at the top;
        // its stack slots hold no values yet).
        let fast = self.b.create_block();
        let extra = self.b.append_block_param(fast, types::I64);
        let fresh = self.b.append_block_param(fast, types::I8);
        let (one_more, other, not_fresh) = (self.b.create_block(), self.b.create_block(), self.b.create_block());
        let slow = self.b.create_block();
        self.b.set_cold_block(slow);
        let zero = self.iconst(0);
        let (no, yes) = (self.b.ins().iconst(types::I8, 0), self.b.ins().iconst(types::I8, 1));
        let same = self.b.ins().icmp(IntCC::Equal, sp, want);
        self.b.ins().brif(same, fast, &[zero.into(), no.into()], other, &[]);
        self.b.switch_to_block(other);
        let above = self.b.ins().iadd_imm_s(want, 8);
        let plus_one = self.b.ins().icmp(IntCC::Equal, sp, above);
        self.b.ins().brif(plus_one, one_more, &[], not_fresh, &[]);
        self.b.switch_to_block(one_more);
        let sent = self.b.ins().load(types::I64, trusted(), frame, top as i32);
        self.b.ins().jump(fast, &[sent.into(), no.into()]);
        self.b.switch_to_block(not_fresh);
        let base = self.b.ins().iadd_imm_s(frame, layout.frame_slots as i64 + 8 * nlocals);
        let empty = self.b.ins().icmp(IntCC::Equal, sp, base);
        self.b.ins().brif(empty, fast, &[zero.into(), yes.into()], slow, &[]);
        self.b.switch_to_block(slow);
        self.emit_exit(i, DeoptReason::Yield, false, None)?;

        self.b.switch_to_block(fast);
        let mut given = vec![false; owned.len()];
        let mut olds = Vec::new();
        for (s, v) in slots.iter().enumerate() {
            if v.is_some_and(|v| self.loaded_from_slot(v) == Some(s)) {
                continue;
            }
            let off = layout.frame_slots + 8 * s as i32;
            let mut old = self.b.ins().load(types::I64, trusted(), frame, off);
            if s >= fs.locals.len() {
                // A fresh frame's stack slot holds no value (whatever is there
                // is not a reference).
                old = self.b.ins().select(fresh, zero, old);
            }
            olds.push(old);
            let new = match v {
                None => self.iconst(0),
                Some(v) => {
                    let x = self.val(*v)?;
                    match owned.iter().zip(given.iter_mut()).find(|(o, g)| **o == *v && !**g) {
                        Some((_, g)) => *g = true,
                        None if self.f.value_type(*v).could_be(&Type::MORTAL_OBJECT) => {
                            let maybe_null = self.f.value_type(*v).could_be(&Type::NULLPTR);
                            self.incref(x, maybe_null);
                        }
                        None => {}
                    }
                    x
                }
            };
            self.b.ins().store(trusted(), new, frame, off);
        }
        self.b.ins().store(trusted(), want, frame, layout.frame_sp);
        let lasti = self.b.ins().iconst(types::I32, fs.next_instr as i64);
        self.b.ins().store(trusted(), lasti, frame, layout.frame_lasti);
        let yes = self.b.ins().iconst(types::I8, 1);
        self.b.ins().store(trusted(), yes, frame, layout.frame_jit_yielded);
        self.decref(extra, true);
        for old in olds {
            self.decref(old, true);
        }
        for (v, g) in owned.iter().zip(given) {
            if !g {
                let x = self.val(*v)?;
                let maybe_null = self.f.value_type(*v).could_be(&Type::NULLPTR);
                self.decref(x, maybe_null);
            }
        }
        let r: ir::Value = self.val(yielded)?;
        self.b.ins().return_(&[r]);
        Ok(())
    }
}

//! GuardTypeRemoval: drops type guards that cannot fail.
//!
//! A `GuardType<T> v` whose operand's type is already within `T` is replaced by
//! `v` (its uses, operands and FrameStates, read `v` instead). A guard repeated
//! on the same value with the same type later in the same block is replaced by
//! the first guard's output.

use std::collections::HashMap;

use crate::ir::{Function, Imm, Value};
use crate::opcode::Opcode;
use crate::types::Type;

/// Runs the pass.
pub fn run(f: &mut Function) {
    // Removed guards' outputs are forwarded in one rewrite at the end.
    let mut forward: HashMap<Value, Value> = HashMap::new();
    for b in f.block_ids().collect::<Vec<_>>() {
        let mut seen: HashMap<(Value, Type), Value> = HashMap::new();
        let mut removed = Vec::new();
        for i in f.blocks[b.index()].insts.clone() {
            let inst = f.inst(i);
            if inst.op != Opcode::GuardType {
                continue;
            }
            let (Imm::Type(t), Some(out)) = (&inst.imm, inst.output) else { continue };
            let mut v = inst.operands[0];
            while let Some(&next) = forward.get(&v) {
                v = next;
            }
            let replacement = if f.value_type(v).is_subtype(t) { Some(v) } else { seen.get(&(v, t.clone())).copied() };
            match replacement {
                Some(r) => {
                    forward.insert(out, r);
                    removed.push(i);
                }
                None => {
                    seen.insert((v, t.clone()), out);
                }
            }
        }
        if !removed.is_empty() {
            f.blocks[b.index()].insts.retain(|x| !removed.contains(x));
        }
    }
    f.replace_uses(&forward);
}

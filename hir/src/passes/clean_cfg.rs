//! CleanCFG: simplifies the control-flow graph.
//!
//! Repeated until nothing changes:
//! - blocks not reachable from the entry are emptied (see
//!   [`dce::remove_unreachable_blocks`](super::dce::remove_unreachable_blocks));
//! - `CondBranch<bbX, bbX> v` becomes `Branch<bbX>` (its condition is left for
//!   DeadCodeElimination);
//! - a block other than the entry that holds only `Branch<bbT>` is removed: its
//!   predecessors branch to `bbT` directly, and in each phi of `bbT` the operand
//!   that came from the removed block is given to each of its predecessors
//!   instead. If a predecessor already reaches `bbT` another way and some phi
//!   of `bbT` would then need two different values from it, the block stays;
//! - a block whose single predecessor ends in `Branch` to it is appended to that
//!   predecessor (the predecessor keeps its number, so the entry stays the
//!   entry); its phis, which have one operand each, are replaced by that operand
//!   (through a `RefineType` if the phi's type is narrower), and its successors'
//!   phis name the predecessor instead.
//!
//! Emptied blocks keep their slot in the block table, so numbers stay stable.
//! The pass does not remove phis that become trivial when two edges from one
//! predecessor merge (PhiElimination does), nor thread jumps through blocks that
//! do more than branch.

use std::collections::HashMap;

use crate::ir::{Block, Function, Imm, Inst, Value};
use crate::opcode::Opcode;
use crate::verify::{predecessors, reverse_postorder};

use super::dce::remove_unreachable_blocks;

/// Runs the pass.
pub fn run(f: &mut Function) {
    remove_unreachable_blocks(f);
    loop {
        let mut changed = fold_same_target_branches(f);
        // Predecessors change with every edit: recomputed after each one.
        let mut preds = predecessors(f);
        for b in reverse_postorder(f) {
            if f.blocks[b.index()].insts.is_empty() {
                continue; // removed earlier in this sweep
            }
            if remove_if_empty(f, b, &preds) || merge_into_predecessor(f, b, &preds) {
                changed = true;
                preds = predecessors(f);
            }
        }
        changed |= remove_unreachable_blocks(f);
        if !changed {
            break;
        }
    }
}

/// Turns every `CondBranch<bbX, bbX>` into `Branch<bbX>`.
fn fold_same_target_branches(f: &mut Function) -> bool {
    let mut changed = false;
    for b in f.block_ids() {
        let Some(t) = f.terminator(b) else { continue };
        let inst = f.inst_mut(t);
        if let (Opcode::CondBranch, Imm::Targets(x, y)) = (inst.op, &inst.imm) {
            if x == y {
                inst.imm = Imm::Target(*x);
                inst.op = Opcode::Branch;
                inst.operands.clear();
                changed = true;
            }
        }
    }
    changed
}

/// The operands of a phi, by predecessor.
fn phi_inputs(f: &Function, phi: Inst) -> Vec<(Block, Value)> {
    let inst = f.inst(phi);
    let Imm::Preds(preds) = &inst.imm else { return Vec::new() };
    preds.iter().copied().zip(inst.operands.iter().copied()).collect()
}

fn set_phi_inputs(f: &mut Function, phi: Inst, inputs: Vec<(Block, Value)>) {
    let (preds, values): (Vec<Block>, Vec<Value>) = inputs.into_iter().unzip();
    let inst = f.inst_mut(phi);
    inst.operands = values;
    inst.imm = Imm::Preds(preds);
}

/// Removes `e` if it holds only `Branch<bbT>` (see the module docs).
fn remove_if_empty(f: &mut Function, e: Block, preds: &HashMap<Block, Vec<Block>>) -> bool {
    if e == f.entry || f.blocks[e.index()].insts.len() != 1 {
        return false;
    }
    let only = f.blocks[e.index()].insts[0];
    let (Opcode::Branch, Imm::Target(t)) = (f.inst(only).op, &f.inst(only).imm) else { return false };
    let t = *t;
    let from = preds.get(&e).cloned().unwrap_or_default();
    if t == e || from.is_empty() {
        return false;
    }
    // The new operands of each phi of `t`, or None on a conflict.
    let mut rewritten = Vec::new();
    for phi in f.phis(t) {
        let mut inputs = phi_inputs(f, phi);
        let Some(k) = inputs.iter().position(|(p, _)| *p == e) else { return false };
        let (_, x) = inputs.remove(k);
        for &p in &from {
            match inputs.iter().find(|(q, _)| *q == p) {
                Some(&(_, y)) if y != x => return false,
                Some(_) => {}
                None => inputs.push((p, x)),
            }
        }
        rewritten.push((phi, inputs));
    }
    for (phi, inputs) in rewritten {
        set_phi_inputs(f, phi, inputs);
    }
    for &p in &from {
        f.retarget(p, e, t);
    }
    f.blocks[e.index()].insts.clear();
    true
}

/// Appends `b` to its single predecessor if that ends in `Branch<b>`.
fn merge_into_predecessor(f: &mut Function, b: Block, preds: &HashMap<Block, Vec<Block>>) -> bool {
    let Some([p]) = preds.get(&b).map(Vec::as_slice) else { return false };
    let p = *p;
    if p == b || b == f.entry {
        return false;
    }
    let Some(branch) = f.terminator(p) else { return false };
    if f.inst(branch).op != Opcode::Branch {
        return false;
    }
    f.remove_inst(branch);
    // Phis with their single operand (from `p`) become that operand.
    let mut map = HashMap::new();
    for phi in f.phis(b) {
        let v = f.inst(phi).output.expect("a phi has an output");
        let x = f.inst(phi).operands[0];
        let ty = f.value_type(v).clone();
        let end = f.blocks[p.index()].insts.len();
        map.insert(v, f.value_within(x, &ty, p, end));
        f.remove_inst(phi);
    }
    let moved = std::mem::take(&mut f.blocks[b.index()].insts);
    for &i in &moved {
        f.inst_mut(i).block = p;
    }
    f.blocks[p.index()].insts.extend(moved);
    for s in f.successors(p) {
        for phi in f.phis(s) {
            if let Imm::Preds(from) = &mut f.inst_mut(phi).imm {
                for q in from.iter_mut().filter(|q| **q == b) {
                    *q = p;
                }
            }
        }
    }
    f.replace_uses(&map);
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run_on(text: &str) -> String {
        crate::passes::run_on_text(run, text, true)
    }

    /// An empty block whose removal would give a phi two different values from
    /// one predecessor stays; the other empty block goes.
    #[test]
    fn conflicting_phi_keeps_the_empty_block() {
        let out = run_on(
            "fun t {
  bb0 {
    v0:Object = LoadArg<0>
    v1:Object = LoadArg<1>
    v9:CBool = IsTruthy v0
    CondBranch<bb1, bb2> v9
  }
  bb1 {
    Branch<bb3>
  }
  bb2 {
    v5:CBool = IsTruthy v1
    CondBranch<bb4, bb3> v5
  }
  bb4 {
    Branch<bb3>
  }
  bb3 {
    v2:Object = Phi<bb1, bb2, bb4> v0 v1 v0
    Return v2
  }
}
",
        );
        // bb1 goes (bb0 does not reach bb3 otherwise); bb4 stays (bb2 gives v1).
        assert!(!out.contains("bb1 {"), "{out}");
        assert!(out.contains("bb4 {"), "{out}");
        assert!(out.contains("Phi<bb2, bb4, bb0> v1 v0 v0"), "{out}");
    }

    /// Two edges from one block with the same phi value merge into one entry,
    /// and the `CondBranch` with equal targets becomes a `Branch`, which then
    /// lets the join merge into its predecessor.
    #[test]
    fn same_value_edges_collapse() {
        let out = run_on(
            "fun t {
  bb0 {
    v0:Object = LoadArg<0>
    v9:CBool = IsTruthy v0
    CondBranch<bb1, bb2> v9
  }
  bb1 {
    Branch<bb2>
  }
  bb2 {
    v2:Object = Phi<bb0, bb1> v0 v0
    Return v2
  }
}
",
        );
        assert_eq!(
            out,
            "fun t {
  bb0 {
    v0:Object = LoadArg<0>
    v9:CBool = IsTruthy v0
    Return v0
  }
}
"
        );
    }

    /// A trivial phi narrower than its operand becomes a RefineType when its
    /// block merges; successors' phis name the merged-into block.
    #[test]
    fn merge_renames_successor_phis() {
        let out = run_on(
            "fun t {
  bb0 {
    v0:Object = LoadArg<0>
    Branch<bb1>
  }
  bb1 {
    v1:LongExact = Phi<bb0> v0
    v9:CBool = IsTruthy v1
    CondBranch<bb2, bb3> v9
  }
  bb2 {
    v3:Object = LoadArg<1>
    Branch<bb3>
  }
  bb3 {
    v2:Object = Phi<bb1, bb2> v1 v3
    Return v2
  }
}
",
        );
        assert!(out.contains("v10:LongExact = RefineType<LongExact> v0"), "{out}");
        assert!(out.contains("Phi<bb0, bb2> v10 v3"), "{out}");
        assert!(out.contains("IsTruthy v10"), "{out}");
    }
}

//! DeadCodeElimination: removes unreachable blocks and unused instructions.
//!
//! Unreachable blocks (not reachable from the entry) lose their instructions;
//! the block table keeps their slots so block numbers stay stable, and the phis
//! of reachable blocks drop the operands that came from them.
//!
//! An instruction is *removable* when removing it is unobservable once nothing
//! uses its output: it has an output and its opcode is `PURE` (no effect besides
//! its output: `LoadArg`, `LoadConst`, `LoadCurrentFunc`, `Assign`, `Phi`,
//! `RefineType`, `IsSame`, the primitive operations, `SequenceLen`). Nothing
//! else is removed, deliberately:
//! - deopting instructions (guards, `CheckVar`, runtime helpers, allocations)
//!   can leave compiled code, which is an effect even when the result is unused;
//! - `GetSecondOutput` is not pure: it takes over a reference its `LoadMethod`
//!   produced, which would leak without it;
//! - `Snapshot`, refcount operations and terminators have no output.
//!
//! Liveness is computed by marking, not by counting uses, so that phis used only
//! by themselves or by other dead phis (a loop variable that is never read) go
//! too: the roots are the placed instructions that are not removable, and an
//! instruction is live when a live instruction uses its output as an operand or
//! in its FrameState.

use crate::ir::{Function, Imm, Inst};
use crate::opcode::{flags, Opcode};

/// Runs the pass.
pub fn run(f: &mut Function) {
    remove_unreachable_blocks(f);
    remove_dead_instructions(f);
}

/// Whether `op` may be removed when its output is unused (see the module docs).
pub fn is_removable(op: Opcode) -> bool {
    op.has(flags::PURE) && op.has_output()
}

/// Empties every block not reachable from the entry and drops the phi operands
/// that came from such blocks. Returns whether anything changed.
pub fn remove_unreachable_blocks(f: &mut Function) -> bool {
    let reachable = f.reachable();
    let mut changed = false;
    for b in f.block_ids() {
        if !reachable[b.index()] {
            changed |= !f.blocks[b.index()].insts.is_empty();
            f.blocks[b.index()].insts.clear();
            continue;
        }
        for phi in f.phis(b) {
            let inst = f.inst_mut(phi);
            let Imm::Preds(preds) = &mut inst.imm else { continue };
            if preds.iter().all(|p| reachable.get(p.index()).copied().unwrap_or(false)) {
                continue;
            }
            let (kept_ops, kept_preds) = inst
                .operands
                .iter()
                .zip(preds.iter())
                .filter(|(_, p)| reachable.get(p.index()).copied().unwrap_or(false))
                .map(|(v, p)| (*v, *p))
                .unzip();
            inst.operands = kept_ops;
            *preds = kept_preds;
            changed = true;
        }
    }
    changed
}

/// Removes the removable instructions no live instruction uses, transitively.
/// Returns whether anything changed.
pub fn remove_dead_instructions(f: &mut Function) -> bool {
    let mut live = vec![false; f.insts.len()];
    let mut work: Vec<Inst> = Vec::new();
    for block in &f.blocks {
        for &i in &block.insts {
            if !is_removable(f.inst(i).op) {
                live[i.index()] = true;
                work.push(i);
            }
        }
    }
    while let Some(i) = work.pop() {
        for v in f.used_values(i) {
            let def = f.values[v.index()].def;
            if !live[def.index()] {
                live[def.index()] = true;
                work.push(def);
            }
        }
    }
    let mut changed = false;
    for block in &mut f.blocks {
        let before = block.insts.len();
        block.insts.retain(|i| live[i.index()]);
        changed |= block.insts.len() != before;
    }
    changed
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run_on(text: &str) -> String {
        crate::passes::run_on_text(run, text, true)
    }

    /// For inputs that are mid-pass states the verifier rejects (a phi still
    /// naming a predecessor that became unreachable).
    fn run_unverified(text: &str) -> String {
        crate::passes::run_on_text(run, text, false)
    }

    /// Unreachable blocks are emptied and their phi operands dropped, even when
    /// the unreachable block branches to a reachable one.
    #[test]
    fn unreachable_blocks_and_their_phi_operands() {
        let out = run_unverified(
            "fun t {
  bb0 {
    v0:Object = LoadArg<0>
    v1:Object = LoadArg<1>
    v9:CBool = IsTruthy v0
    CondBranch<bb1, bb2> v9
  }
  bb1 {
    Branch<bb2>
  }
  bb2 {
    v2:Object = Phi<bb0, bb1, bb3> v0 v1 v3
    Return v2
  }
  bb3 {
    v3:Object = LoadConst<Object>
    Branch<bb2>
  }
}
",
        );
        assert_eq!(
            out,
            "fun t {
  bb0 {
    v0:Object = LoadArg<0>
    v1:Object = LoadArg<1>
    v9:CBool = IsTruthy v0
    CondBranch<bb1, bb2> v9
  }
  bb1 {
    Branch<bb2>
  }
  bb2 {
    v2:Object = Phi<bb0, bb1> v0 v1
    Return v2
  }
}
"
        );
    }

    /// Phis that only feed each other (around a loop) are dead; a non-pure
    /// instruction with an unused output stays, and keeps its operands alive.
    #[test]
    fn dead_phi_cycle_and_effects() {
        let out = run_on(
            "fun t {
  bb0 {
    v0:Object = LoadArg<0>
    v1:Object = LoadArg<1>
    v2:ImmortalLongExact[7] = LoadConst<ImmortalLongExact[7]>
    Branch<bb1>
  }
  bb1 {
    v3:Object = Phi<bb0, bb2> v0 v4
    v5:CBool = IsTruthy v1
    CondBranch<bb2, bb3> v5
  }
  bb2 {
    v4:Object = RefineType<Object> v3
    v6:Object = BinaryOp<Add> v1 v2
    Branch<bb1>
  }
  bb3 {
    Return v1
  }
}
",
        );
        assert!(!out.contains("Phi") && !out.contains("RefineType") && !out.contains("v0"), "{out}");
        assert!(out.contains("BinaryOp<Add> v1 v2") && out.contains("LoadConst<ImmortalLongExact[7]>"), "{out}");
    }
}

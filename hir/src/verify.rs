//! The HIR verifier: structural and SSA rules every pass must preserve.
//!
//! Checked, for every block reachable from the entry:
//! - it ends with exactly one terminator and has no other; phis come first, each
//!   with one operand per predecessor (named by its `Preds` immediate);
//! - every instruction's immediate has the kind its opcode declares, its operand
//!   count fits the opcode's arity, each operand's type is within the declared
//!   operand type, and it has an output exactly when the opcode declares one;
//! - only deopting opcodes carry a FrameState;
//! - branch targets exist; every used value is defined, and its definition
//!   dominates the use (for a phi operand: the end of the matching predecessor).

use std::collections::HashMap;

use crate::ir::{Block, Function, Imm, Value};
use crate::opcode::Opcode;

/// A verification failure, naming the instruction or block at fault.
#[derive(Debug, Clone, PartialEq)]
pub struct VerifyError(pub String);

impl std::fmt::Display for VerifyError {
    fn fmt(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

/// Blocks reachable from the entry, in reverse post-order.
pub fn reverse_postorder(f: &Function) -> Vec<Block> {
    let mut seen = vec![false; f.blocks.len()];
    let mut order = Vec::new();
    // Iterative DFS: (block, next successor index).
    let mut stack: Vec<(Block, usize)> = vec![(f.entry, 0)];
    seen[f.entry.index()] = true;
    while let Some((b, k)) = stack.pop() {
        let succs = f.successors(b);
        if let Some(&s) = succs.get(k) {
            stack.push((b, k + 1));
            if s.index() < seen.len() && !seen[s.index()] {
                seen[s.index()] = true;
                stack.push((s, 0));
            }
        } else {
            order.push(b);
        }
    }
    order.reverse();
    order
}

/// Predecessors of every reachable block.
pub fn predecessors(f: &Function) -> HashMap<Block, Vec<Block>> {
    let mut preds: HashMap<Block, Vec<Block>> = HashMap::new();
    for b in reverse_postorder(f) {
        preds.entry(b).or_default();
        for s in f.successors(b) {
            let list = preds.entry(s).or_default();
            if !list.contains(&b) {
                list.push(b);
            }
        }
    }
    preds
}

/// Immediate dominators of the reachable blocks (the entry maps to itself).
pub fn dominators(f: &Function) -> HashMap<Block, Block> {
    let rpo = reverse_postorder(f);
    let index: HashMap<Block, usize> = rpo.iter().enumerate().map(|(i, b)| (*b, i)).collect();
    let preds = predecessors(f);
    let mut idom: HashMap<Block, Block> = HashMap::new();
    idom.insert(f.entry, f.entry);
    let intersect = |idom: &HashMap<Block, Block>, mut a: Block, mut b: Block| {
        while a != b {
            while index[&a] > index[&b] {
                a = idom[&a];
            }
            while index[&b] > index[&a] {
                b = idom[&b];
            }
        }
        a
    };
    let mut changed = true;
    while changed {
        changed = false;
        for &b in rpo.iter().skip(1) {
            let mut new: Option<Block> = None;
            for &p in &preds[&b] {
                if idom.contains_key(&p) {
                    new = Some(match new {
                        None => p,
                        Some(n) => intersect(&idom, p, n),
                    });
                }
            }
            if let Some(n) = new {
                if idom.get(&b) != Some(&n) {
                    idom.insert(b, n);
                    changed = true;
                }
            }
        }
    }
    idom
}

fn dominates(idom: &HashMap<Block, Block>, a: Block, mut b: Block) -> bool {
    loop {
        if a == b {
            return true;
        }
        match idom.get(&b) {
            Some(&d) if d != b => b = d,
            _ => return false,
        }
    }
}

/// Verifies `f`.
pub fn verify(f: &Function) -> Result<(), VerifyError> {
    let err = |m: String| Err(VerifyError(format!("{}: {m}", f.name)));
    if f.entry.index() >= f.blocks.len() {
        return err("the entry block does not exist".into());
    }
    for b in f.block_ids() {
        for s in f.successors(b) {
            if s.index() >= f.blocks.len() {
                return err(format!("{b} branches to missing block {s}"));
            }
        }
    }
    let rpo = reverse_postorder(f);
    let preds = predecessors(f);
    let idom = dominators(f);
    // Where each value is defined: (block, position).
    let mut def_at: HashMap<Value, (Block, usize)> = HashMap::new();
    for &b in &rpo {
        for (pos, &i) in f.blocks[b.index()].insts.iter().enumerate() {
            if let Some(v) = f.inst(i).output {
                if f.values.get(v.index()).map(|d| d.def) != Some(i) {
                    return err(format!("{v} is not recorded as defined by its instruction in {b}"));
                }
                if def_at.insert(v, (b, pos)).is_some() {
                    return err(format!("{v} is defined twice"));
                }
            }
        }
    }
    let available = |v: Value, b: Block, pos: usize| -> bool {
        match def_at.get(&v) {
            Some(&(db, dpos)) => {
                if db == b {
                    dpos < pos
                } else {
                    dominates(&idom, db, b)
                }
            }
            None => false,
        }
    };
    for &b in &rpo {
        let insts = &f.blocks[b.index()].insts;
        if insts.is_empty() {
            return err(format!("{b} is empty"));
        }
        let mut phis_done = false;
        for (pos, &i) in insts.iter().enumerate() {
            let inst = f.inst(i);
            let at = || format!("{b} instruction {pos} ({})", inst.op.name());
            let last = pos + 1 == insts.len();
            if inst.op.is_terminator() != last {
                return err(format!(
                    "{}: {}",
                    at(),
                    if last {
                        "block does not end with a terminator"
                    } else {
                        "terminator before the end of the block"
                    }
                ));
            }
            if inst.block != b {
                return err(format!("{}: recorded in block {}", at(), inst.block));
            }
            if inst.imm.kind() != inst.op.info().imm {
                return err(format!("{}: immediate {:?}, expected {:?}", at(), inst.imm.kind(), inst.op.info().imm));
            }
            let (fixed, variadic) = inst.op.arity();
            let n = inst.operands.len();
            if n < fixed || (n > fixed && !variadic) {
                return err(format!(
                    "{}: {n} operands, expected {}{fixed}",
                    at(),
                    if variadic { "at least " } else { "" }
                ));
            }
            if inst.op.has_output() != inst.output.is_some() {
                return err(format!("{}: output presence does not match the opcode", at()));
            }
            if inst.frame_state.is_some() && !inst.op.can_deopt() {
                return err(format!("{}: a FrameState on an instruction that cannot deopt", at()));
            }
            for (k, v) in inst.operands.iter().enumerate() {
                let Some(data) = f.values.get(v.index()) else {
                    return err(format!("{}: operand {v} does not exist", at()));
                };
                if let Some(want) = inst.op.operand_type(k) {
                    if !data.ty.is_subtype(&want) {
                        return err(format!("{}: operand {k} is {v}:{}, expected {want}", at(), data.ty));
                    }
                }
            }
            if inst.op == Opcode::Phi {
                if phis_done {
                    return err(format!("{}: phi after a non-phi", at()));
                }
                let Imm::Preds(from) = &inst.imm else { unreachable!("checked above") };
                let mut want = preds.get(&b).cloned().unwrap_or_default();
                let mut got = from.clone();
                want.sort();
                got.sort();
                if want != got || from.len() != n {
                    return err(format!("{}: phi predecessors {from:?} do not match {want:?}", at()));
                }
                for (v, p) in inst.operands.iter().zip(from) {
                    let end = f.blocks[p.index()].insts.len();
                    if !available(*v, *p, end) {
                        return err(format!("{}: {v} is not available at the end of {p}", at()));
                    }
                }
            } else {
                phis_done = true;
                for v in &inst.operands {
                    if !available(*v, b, pos) {
                        return err(format!("{}: {v} used where its definition does not dominate", at()));
                    }
                }
            }
            if let Some(fs) = &inst.frame_state {
                for v in fs.values() {
                    if !available(v, b, pos) {
                        return err(format!("{}: FrameState mentions {v}, not available here", at()));
                    }
                }
            }
        }
    }
    Ok(())
}

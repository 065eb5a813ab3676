//! Simplify: local rewrites driven by types and constants, to a fixed point.
//!
//! - `CheckVar v` / `RefineType<T> v` when `v`'s type already fits: uses of the
//!   output become uses of `v`.
//! - `IsTruthy` of a boxed machine boolean is that boolean; of a bool or None
//!   constant, a `CBool` constant. `BoolNot` of a constant or of a `BoolNot`
//!   folds.
//! - `IsSame v v` is true; `IsSame` of two distinct immortal constants is false.
//! - `BinaryOp` add/subtract/multiply and `Compare` of two int constants fold to a
//!   constant when the result fits a machine word (Python semantics are exact for
//!   these, so nothing can raise).
//! - `CondBranch` on a constant becomes a `Branch`; the untaken successor's phis
//!   lose that edge's operand (unreachable blocks are left to DCE/CleanCFG).
//!
//! Folded instructions are removed from their blocks; their outputs' uses
//! (operands and FrameStates) are redirected first.

use std::collections::{HashMap, HashSet};

use ember_compiler::bytecode::{BinaryOp, CompareOp};

use crate::ir::{Block, Function, Imm, Inst, Value};
use crate::opcode::Opcode;
use crate::types::Type;

/// Runs the pass.
///
/// Each sweep visits every instruction once. A folded instruction's output is
/// only recorded as forwarded (and the instruction as removed): later
/// instructions see their operands resolved through that map as they are
/// visited, and one rewrite of all uses (FrameStates included) and one
/// clean-up of the block lists end the sweep, so a sweep costs time linear in
/// the function's size.
pub fn run(f: &mut Function) {
    let mut changed = true;
    while changed {
        changed = false;
        let mut fold = Folds::default();
        for b in f.block_ids().collect::<Vec<_>>() {
            let insts = f.blocks[b.index()].insts.clone();
            for i in insts {
                if fold.removed.contains(&i) {
                    continue;
                }
                if !fold.forward.is_empty() {
                    let inst = f.inst_mut(i);
                    for v in inst.operands.iter_mut() {
                        *v = fold.resolve(*v);
                    }
                }
                if simplify_one(f, &mut fold, b, i) {
                    changed = true;
                }
            }
        }
        f.replace_uses(&fold.forward);
        if !fold.removed.is_empty() {
            for b in f.block_ids().collect::<Vec<_>>() {
                f.blocks[b.index()].insts.retain(|i| !fold.removed.contains(i));
            }
        }
    }
}

/// The folds of one sweep: forwarded outputs and removed instructions.
#[derive(Default)]
struct Folds {
    forward: HashMap<Value, Value>,
    removed: HashSet<Inst>,
}

impl Folds {
    fn resolve(&self, mut v: Value) -> Value {
        while let Some(&next) = self.forward.get(&v) {
            v = next;
        }
        v
    }
}

/// Replaces instruction `i` by the existing value `v`.
fn forward(f: &mut Function, fold: &mut Folds, i: Inst, v: Value) -> bool {
    if let Some(out) = f.inst(i).output {
        let v = fold.resolve(v);
        if v == out {
            return false;
        }
        fold.forward.insert(out, v);
    }
    fold.removed.insert(i);
    true
}

/// Replaces instruction `i` by a constant of type `t` loaded just before it.
fn constant(f: &mut Function, fold: &mut Folds, b: Block, i: Inst, t: Type) -> bool {
    let pos = f.blocks[b.index()].insts.iter().position(|x| *x == i).expect("instruction in its block");
    let (_, c) = f.insert(b, pos, Opcode::LoadConst, vec![], Imm::Type(t));
    let c = c.expect("LoadConst output");
    forward(f, fold, i, c)
}

fn defining_op(f: &Function, v: Value) -> Option<(Opcode, Inst)> {
    let def = f.values.get(v.index())?.def;
    let inst = f.insts.get(def.index())?;
    Some((inst.op, def))
}

fn long_const(t: &Type) -> Option<i64> {
    if t.is_subtype(&Type::LONG_EXACT) {
        t.as_i64()
    } else {
        None
    }
}

fn simplify_one(f: &mut Function, fold: &mut Folds, b: Block, i: Inst) -> bool {
    let inst = f.inst(i).clone();
    let ty = |k: usize| f.value_type(inst.operands[k]).clone();
    match inst.op {
        Opcode::CheckVar if ty(0).is_subtype(&Type::OBJECT) => forward(f, fold, i, inst.operands[0]),
        Opcode::RefineType => match &inst.imm {
            Imm::Type(t) if ty(0).is_subtype(t) => forward(f, fold, i, inst.operands[0]),
            _ => false,
        },
        Opcode::IsTruthy => {
            let v = inst.operands[0];
            if let Some((Opcode::PrimitiveBox, def)) = defining_op(f, v) {
                if f.inst(def).imm == Imm::Type(Type::BOOL) {
                    let c = f.inst(def).operands[0];
                    return forward(f, fold, i, c);
                }
            }
            let t = ty(0);
            if t.is_subtype(&Type::NONE_TYPE) {
                return constant(f, fold, b, i, Type::cbool_const(false));
            }
            match t.as_bool() {
                Some(x) if t.is_subtype(&Type::BOOL) => constant(f, fold, b, i, Type::cbool_const(x)),
                _ => false,
            }
        }
        Opcode::BoolNot => {
            let v = inst.operands[0];
            if let Some((Opcode::BoolNot, def)) = defining_op(f, v) {
                let inner = f.inst(def).operands[0];
                return forward(f, fold, i, inner);
            }
            match ty(0).as_bool() {
                Some(x) => constant(f, fold, b, i, Type::cbool_const(!x)),
                None => false,
            }
        }
        Opcode::IsSame => {
            let (l, r) = (inst.operands[0], inst.operands[1]);
            if l == r {
                return constant(f, fold, b, i, Type::cbool_const(true));
            }
            let (lt, rt) = (ty(0), ty(1));
            // Two constants that cannot be the same object.
            if lt.is_constant() && rt.is_constant() && !lt.could_be(&rt) {
                return constant(f, fold, b, i, Type::cbool_const(false));
            }
            false
        }
        Opcode::BinaryOp => {
            let (Some(x), Some(y), Imm::BinaryOp(op)) = (long_const(&ty(0)), long_const(&ty(1)), &inst.imm) else {
                return false;
            };
            let r = match op.base() {
                BinaryOp::Add => x.checked_add(y),
                BinaryOp::Subtract => x.checked_sub(y),
                BinaryOp::Multiply => x.checked_mul(y),
                _ => None,
            };
            match r {
                Some(r) => constant(f, fold, b, i, Type::long_const(r)),
                None => false,
            }
        }
        Opcode::Compare => {
            let (Some(x), Some(y), Imm::CompareOp(op)) = (long_const(&ty(0)), long_const(&ty(1)), &inst.imm) else {
                return false;
            };
            let r = match op {
                CompareOp::Lt => x < y,
                CompareOp::Le => x <= y,
                CompareOp::Eq => x == y,
                CompareOp::Ne => x != y,
                CompareOp::Gt => x > y,
                CompareOp::Ge => x >= y,
            };
            constant(f, fold, b, i, Type::bool_const(r))
        }
        Opcode::CondBranch => {
            let Some(taken) = ty(0).as_bool().filter(|_| ty(0).is_subtype(&Type::CBOOL)) else { return false };
            let Imm::Targets(t, e) = inst.imm else { return false };
            let (keep, drop) = if taken { (t, e) } else { (e, t) };
            let ins = f.inst_mut(i);
            ins.op = Opcode::Branch;
            ins.operands.clear();
            ins.imm = Imm::Target(keep);
            if keep != drop {
                drop_phi_edge(f, drop, b);
            }
            true
        }
        _ => false,
    }
}

/// Removes the operands that phis in `block` take from predecessor `pred`.
pub(crate) fn drop_phi_edge(f: &mut Function, block: Block, pred: Block) {
    for i in f.blocks[block.index()].insts.clone() {
        let inst = f.inst_mut(i);
        if inst.op != Opcode::Phi {
            break;
        }
        if let Imm::Preds(preds) = &mut inst.imm {
            if let Some(k) = preds.iter().position(|p| *p == pred) {
                preds.remove(k);
                inst.operands.remove(k);
            }
        }
    }
}

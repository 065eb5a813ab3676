//! RefcountInsertion: makes every reference-count operation explicit.
//!
//! The rule it establishes (**invariant** for the lowering and the deopt
//! runtime): every value whose type could be a mortal object is *owned* from its
//! definition to its last use, except values loaded from the frame
//! (`LoadArg`), which the frame keeps alive for the whole activation: those get
//! a reference only when a phi or a stealing instruction takes one, and are
//! never released. Concretely:
//! - an instruction whose output the opcode table marks `Owned` creates the
//!   reference; a `Borrowed` output gets an `Incref` right after it;
//! - a phi owns its output: each incoming edge hands over one reference to the
//!   operand (an `Incref` on the edge when the operand is still needed there);
//! - an operand the table marks as stolen is handed over; an `Incref` precedes
//!   the instruction when the value is used again afterwards;
//! - after a value's last use it gets a `Decref` (`XDecref` if it may be null):
//!   after the instruction in the same block, at the start of a successor it is
//!   not live into (splitting a critical edge if needed), or right after its
//!   definition when it is never used.
//!   FrameState mentions count as uses. Immortal values, machine values and
//!   `Nullptr` get no operations.
//!
//! A deopt exit therefore releases exactly the object values live across the
//! deopting instruction (after the interpreter frame has taken its own references
//! to the FrameState values). The result is correct rather than minimal: pairs
//! such as an `Incref` of a borrowed argument and its final `Decref` are left
//! for a later pass to elide.

use std::collections::{HashMap, HashSet};

use crate::ir::{Block, Function, Imm, Inst, Value};
use crate::opcode::{Opcode, Ownership, Steals};
use crate::types::Type;
use crate::verify::{predecessors, reverse_postorder};

/// Whether `v` is a value loaded from the frame (`LoadArg`): the frame keeps
/// it alive for the whole activation, since compiled code never writes frame
/// slots except on its way out (deopt, yield).
pub fn frame_borrowed(f: &Function, v: Value) -> bool {
    f.inst(f.values[v.index()].def).op == Opcode::LoadArg
}

/// Whether `v` carries a reference the compiled code owns: it could be a
/// mortal object and is not borrowed from the frame.
pub fn counted(f: &Function, v: Value) -> bool {
    f.value_type(v).could_be(&Type::MORTAL_OBJECT) && !frame_borrowed(f, v)
}

/// A frame-borrowed value that needs a reference when a phi or a stealing
/// instruction takes it.
fn needs_ref_when_taken(f: &Function, v: Value) -> bool {
    frame_borrowed(f, v) && f.value_type(v).could_be(&Type::MORTAL_OBJECT)
}

fn maybe_null(f: &Function, v: Value) -> bool {
    f.value_type(v).could_be(&Type::NULLPTR)
}

fn incref_op(f: &Function, v: Value) -> Opcode {
    if maybe_null(f, v) {
        Opcode::XIncref
    } else {
        Opcode::Incref
    }
}

fn decref_op(f: &Function, v: Value) -> Opcode {
    if maybe_null(f, v) {
        Opcode::XDecref
    } else {
        Opcode::Decref
    }
}

/// Non-phi uses of an instruction: operands and FrameState values.
fn uses(f: &Function, i: Inst) -> Vec<Value> {
    let inst = f.inst(i);
    let mut out: Vec<Value> = inst.operands.clone();
    if let Some(fs) = &inst.frame_state {
        out.extend(fs.values());
    }
    out
}

struct Liveness {
    live_in: HashMap<Block, HashSet<Value>>,
    live_out: HashMap<Block, HashSet<Value>>,
}

/// Phi operands of `succ` that come from `pred`, in phi order.
fn phi_inputs(f: &Function, succ: Block, pred: Block) -> Vec<Value> {
    let mut out = Vec::new();
    for &i in &f.blocks[succ.index()].insts {
        let inst = f.inst(i);
        if inst.op != Opcode::Phi {
            break;
        }
        if let Imm::Preds(preds) = &inst.imm {
            for (k, p) in preds.iter().enumerate() {
                if *p == pred {
                    out.push(inst.operands[k]);
                }
            }
        }
    }
    out
}

fn liveness(f: &Function, blocks: &[Block]) -> Liveness {
    let mut live_in: HashMap<Block, HashSet<Value>> = blocks.iter().map(|b| (*b, HashSet::new())).collect();
    let mut live_out: HashMap<Block, HashSet<Value>> = live_in.clone();
    let mut changed = true;
    while changed {
        changed = false;
        for &b in blocks.iter().rev() {
            let mut out: HashSet<Value> = HashSet::new();
            for s in f.successors(b) {
                out.extend(live_in.get(&s).into_iter().flatten().copied());
                out.extend(phi_inputs(f, s, b).into_iter().filter(|v| counted(f, *v)));
            }
            let mut live = out.clone();
            for &i in f.blocks[b.index()].insts.iter().rev() {
                if let Some(o) = f.inst(i).output {
                    live.remove(&o);
                }
                if f.inst(i).op != Opcode::Phi {
                    live.extend(uses(f, i).into_iter().filter(|v| counted(f, *v)));
                }
            }
            if live_out[&b] != out {
                live_out.insert(b, out);
                changed = true;
            }
            if live_in[&b] != live {
                live_in.insert(b, live);
                changed = true;
            }
        }
    }
    Liveness { live_in, live_out }
}

/// Runs the pass.
pub fn run(f: &mut Function) {
    let blocks = reverse_postorder(f);
    let live = liveness(f, &blocks);
    let preds = predecessors(f);
    for &b in &blocks {
        fix_block(f, b, &live);
    }
    // Edges: hand each phi its reference and release what dies on the edge.
    for &b in &blocks {
        let succs = f.successors(b);
        for s in succs {
            let inputs = phi_inputs(f, s, b);
            let live_in_s = &live.live_in[&s];
            let mut ops: Vec<(Opcode, Value)> = Vec::new();
            let mut candidates: Vec<Value> = live.live_out[&b].iter().copied().collect();
            candidates.sort();
            for v in candidates {
                let needed = inputs.iter().filter(|x| **x == v).count() + usize::from(live_in_s.contains(&v));
                if needed == 0 {
                    ops.push((decref_op(f, v), v));
                }
                for _ in 1..needed.max(1) {
                    ops.push((incref_op(f, v), v));
                }
            }
            // A phi owns its output: frame-borrowed inputs get a reference.
            for &v in &inputs {
                if needs_ref_when_taken(f, v) {
                    ops.push((incref_op(f, v), v));
                }
            }
            if !ops.is_empty() {
                place_on_edge(f, b, s, &preds, ops);
            }
        }
    }
}

/// Inserts `ops` on the edge `from -> to`: at the end of `from` if it has one
/// successor, else at the start of `to` if it has one predecessor, else in a new
/// block on the edge.
fn place_on_edge(
    f: &mut Function,
    from: Block,
    to: Block,
    preds: &HashMap<Block, Vec<Block>>,
    ops: Vec<(Opcode, Value)>,
) {
    let succs = f.successors(from);
    if succs.len() == 1 {
        let pos = f.blocks[from.index()].insts.len() - 1;
        for (k, (op, v)) in ops.into_iter().enumerate() {
            f.insert(from, pos + k, op, vec![v], Imm::None);
        }
        return;
    }
    if preds.get(&to).is_some_and(|p| p.len() == 1) {
        let start = phi_count(f, to);
        for (k, (op, v)) in ops.into_iter().enumerate() {
            f.insert(to, start + k, op, vec![v], Imm::None);
        }
        return;
    }
    let edge = f.new_block();
    for (op, v) in ops {
        f.append(edge, op, vec![v], Imm::None);
    }
    f.append(edge, Opcode::Branch, vec![], Imm::Target(to));
    let term = f.terminator(from).expect("a block with successors ends in a terminator");
    match &mut f.inst_mut(term).imm {
        Imm::Target(t) if *t == to => *t = edge,
        Imm::Targets(t, e) => {
            if *t == to {
                *t = edge;
            }
            if *e == to {
                *e = edge;
            }
        }
        _ => {}
    }
    for i in f.blocks[to.index()].insts.clone() {
        let inst = f.inst_mut(i);
        if inst.op != Opcode::Phi {
            break;
        }
        if let Imm::Preds(ps) = &mut inst.imm {
            for p in ps.iter_mut() {
                if *p == from {
                    *p = edge;
                }
            }
        }
    }
}

fn phi_count(f: &Function, b: Block) -> usize {
    f.blocks[b.index()].insts.iter().take_while(|i| f.inst(**i).op == Opcode::Phi).count()
}

/// Inserts the operations inside block `b`.
fn fix_block(f: &mut Function, b: Block, live: &Liveness) {
    let old = f.blocks[b.index()].insts.clone();
    let live_out = &live.live_out[&b];
    // Uses remaining after each position, to find last uses: count per value.
    let mut remaining: HashMap<Value, usize> = HashMap::new();
    for &i in &old {
        if f.inst(i).op == Opcode::Phi {
            continue;
        }
        for v in uses(f, i) {
            if counted(f, v) {
                *remaining.entry(v).or_default() += 1;
            }
        }
    }
    let mut new: Vec<Inst> = Vec::new();
    // Emits an instruction into `new` (created detached, then placed).
    let emit = |f: &mut Function, new: &mut Vec<Inst>, op: Opcode, v: Value| {
        let (i, _) = f.append(b, op, vec![v], Imm::None);
        f.blocks[b.index()].insts.pop();
        new.push(i);
    };
    let nphis = old.iter().take_while(|i| f.inst(**i).op == Opcode::Phi).count();
    new.extend_from_slice(&old[..nphis]);
    // Values owned on entry that this block never uses and that do not live on.
    let mut entering: Vec<Value> = live.live_in[&b].iter().copied().collect();
    for &p in &old[..nphis] {
        entering.extend(f.inst(p).output.filter(|v| counted(f, *v)));
    }
    entering.sort();
    for v in entering {
        if !remaining.contains_key(&v) && !live_out.contains(&v) {
            let op = decref_op(f, v);
            emit(f, &mut new, op, v);
        }
    }
    for &i in &old[nphis..] {
        let inst = f.inst(i).clone();
        let info = inst.op.info();
        // Stolen operands: each steal takes one reference. The block keeps its
        // own reference when the value is needed afterwards (later uses, live
        // out, or another mention by this instruction, e.g. its FrameState).
        let stolen: Vec<Value> = match info.steals {
            Steals::None => Vec::new(),
            Steals::First => inst.operands.first().copied().into_iter().collect(),
            Steals::All => inst.operands.clone(),
        };
        let all_uses = uses(f, i);
        // A stealing instruction takes a reference the frame owns: add one.
        for &v in &stolen {
            if needs_ref_when_taken(f, v) {
                let op = incref_op(f, v);
                emit(f, &mut new, op, v);
            }
        }
        let mut distinct: Vec<Value> = stolen.clone();
        distinct.sort();
        distinct.dedup();
        distinct.retain(|v| counted(f, *v));
        let mut keeps: HashSet<Value> = HashSet::new();
        for &v in &distinct {
            let n_steal = stolen.iter().filter(|x| **x == v).count();
            let in_this = all_uses.iter().filter(|x| **x == v).count();
            let later = remaining.get(&v).copied().unwrap_or(0) - in_this;
            let keep = later > 0 || live_out.contains(&v) || in_this > n_steal;
            if keep {
                keeps.insert(v);
            }
            for _ in 1..(n_steal + usize::from(keep)) {
                let op = incref_op(f, v);
                emit(f, &mut new, op, v);
            }
        }
        new.push(i);
        // The output first: a borrowed output may be the very object an operand
        // released below holds, so it takes its reference before that release.
        if let Some(o) = inst.output.filter(|v| counted(f, *v)) {
            let used = remaining.contains_key(&o) || live_out.contains(&o);
            match (info.ownership, used) {
                (Ownership::Borrowed, true) => {
                    let op = incref_op(f, o);
                    emit(f, &mut new, op, o);
                }
                (Ownership::Owned, false) => {
                    let op = decref_op(f, o);
                    emit(f, &mut new, op, o);
                }
                _ => {}
            }
        }
        // Uses done: release values whose last use this was, unless a steal took
        // the block's reference.
        let mut released: HashSet<Value> = HashSet::new();
        for v in &all_uses {
            if !counted(f, *v) {
                continue;
            }
            let r = remaining.get_mut(v).expect("counted use");
            *r -= 1;
            if *r == 0 && !live_out.contains(v) && released.insert(*v) {
                let consumed = stolen.contains(v) && !keeps.contains(v);
                if !consumed && !inst.op.is_terminator() {
                    let op = decref_op(f, *v);
                    emit(f, &mut new, op, *v);
                }
            }
        }
    }
    f.blocks[b.index()].insts = new;
}

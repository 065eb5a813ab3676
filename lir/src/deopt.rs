//! Deopt metadata and the liveness it is computed from.
//!
//! Each side exit of a compiled function stores the values it needs in an
//! array and calls the deopt helper with the index of its [`DeoptPoint`]. The
//! point says where each value goes (a localsplus slot or a value-stack
//! slot) and which values the exit owns and must release. Following the
//! ownership rule of RefcountInsertion (see `ember_hir::passes::refcount`),
//! compiled code owns a reference to every counted value that is live at a
//! deopting instruction: the values the instruction uses and the values used
//! after it. The exit gives the frame new references to the FrameState values
//! and then releases all of those.

use std::collections::{HashMap, HashSet};

use ember_hir::ir::{Block, Function, Imm, Inst, Value};
use ember_hir::opcode::Opcode;
use ember_hir::verify::reverse_postorder;

/// How a value in the values array is represented.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ValueKind {
    /// An object pointer, possibly null (an unbound local, a NULL stack slot).
    Object,
    /// A machine integer, boxed as an int on the way to the frame.
    CInt64,
    /// A double, boxed as a float.
    CDouble,
    /// A machine boolean, boxed as True or False.
    CBool,
}

/// Why a deopt exit was taken.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DeoptReason {
    /// A type guard failed.
    GuardType,
    /// An identity guard failed.
    GuardIs,
    /// A local or cell was unbound: the interpreter raises the error.
    UnboundLocal,
    /// Machine arithmetic overflowed.
    Overflow,
    /// An operation raised an exception.
    Raise,
    /// A `Deopt` instruction: code the JIT does not compile.
    Unhandled,
    /// A generator yielded (not a deopt: it resumes in compiled code).
    Yield,
}

impl DeoptReason {
    pub fn name(self) -> &'static str {
        match self {
            DeoptReason::GuardType => "GuardType",
            DeoptReason::GuardIs => "GuardIs",
            DeoptReason::UnboundLocal => "UnboundLocal",
            DeoptReason::Overflow => "Overflow",
            DeoptReason::Raise => "Raise",
            DeoptReason::Unhandled => "Unhandled",
            DeoptReason::Yield => "Yield",
        }
    }
}

/// One side exit.
#[derive(Clone, Debug, PartialEq)]
pub struct DeoptPoint {
    /// The bytecode word to resume at, or (when `raised`) that raised.
    pub next_instr: u32,
    /// The exit hands over an exception raised by a helper.
    pub raised: bool,
    /// The exit suspends a generator at the `YIELD_VALUE` at `next_instr`
    /// (the compiled function then returns the yielded value).
    pub yielded: bool,
    pub reason: DeoptReason,
    /// The kinds of the values the exit stores, in array order.
    pub values: Vec<ValueKind>,
    /// For each localsplus slot, an index into the values array (None: unbound).
    pub locals: Vec<Option<usize>>,
    /// For each value-stack slot, bottom first (None: a NULL slot).
    pub stack: Vec<Option<usize>>,
    /// Indices of the values the exit owns and releases (after the frame took
    /// its references).
    pub release: Vec<usize>,
    /// The values array index of the value a guard checked (for statistics).
    pub guilty: Option<usize>,
    /// The HIR instruction the exit belongs to.
    pub origin: Inst,
}

/// Whether `v` carries a reference the function owns (RefcountInsertion's rule).
pub use ember_hir::passes::refcount::counted;

/// Values used by an instruction: operands and FrameState values.
fn uses(f: &Function, i: Inst) -> Vec<Value> {
    let inst = f.inst(i);
    let mut out = inst.operands.clone();
    if let Some(fs) = &inst.frame_state {
        out.extend(fs.values());
    }
    out
}

/// Operands of `succ`'s phis that come from `pred`.
fn phi_inputs(f: &Function, succ: Block, pred: Block) -> Vec<Value> {
    let mut out = Vec::new();
    for i in f.phis(succ) {
        let inst = f.inst(i);
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

/// For every deopting instruction, the counted values live at it (used by it
/// or after it), excluding its own output; sorted.
pub fn owned_at_deopts(f: &Function) -> HashMap<Inst, Vec<Value>> {
    let blocks = reverse_postorder(f);
    let mut live_in: HashMap<Block, HashSet<Value>> = blocks.iter().map(|b| (*b, HashSet::new())).collect();
    let live_out_of = |live_in: &HashMap<Block, HashSet<Value>>, b: Block| {
        let mut out: HashSet<Value> = HashSet::new();
        for s in f.successors(b) {
            out.extend(live_in.get(&s).into_iter().flatten().copied());
            out.extend(phi_inputs(f, s, b).into_iter().filter(|v| counted(f, *v)));
        }
        out
    };
    let mut changed = true;
    while changed {
        changed = false;
        for &b in blocks.iter().rev() {
            let mut live = live_out_of(&live_in, b);
            for &i in f.blocks[b.index()].insts.iter().rev() {
                let inst = f.inst(i);
                if let Some(o) = inst.output {
                    live.remove(&o);
                }
                if inst.op != Opcode::Phi {
                    live.extend(uses(f, i).into_iter().filter(|v| counted(f, *v)));
                }
            }
            if live_in[&b] != live {
                live_in.insert(b, live);
                changed = true;
            }
        }
    }
    let mut out = HashMap::new();
    for &b in &blocks {
        let mut live = live_out_of(&live_in, b);
        for &i in f.blocks[b.index()].insts.iter().rev() {
            let inst = f.inst(i);
            if let Some(o) = inst.output {
                live.remove(&o);
            }
            if inst.op == Opcode::Phi {
                continue;
            }
            let used: Vec<Value> = uses(f, i).into_iter().filter(|v| counted(f, *v)).collect();
            if inst.op.can_deopt() {
                let mut owned: Vec<Value> = live.iter().copied().chain(used.iter().copied()).collect();
                owned.sort();
                owned.dedup();
                out.insert(i, owned);
            }
            live.extend(used);
        }
    }
    out
}

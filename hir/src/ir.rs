//! HIR functions: numbered blocks, instructions and SSA values.
//!
//! A [`Function`] owns three tables indexed by [`Block`], [`Inst`] and [`Value`].
//! A block is an ordered list of instructions; phis come first and exactly one
//! terminator comes last. Every value is defined by exactly one instruction (its
//! output) and carries the type the builder or a pass gave it. Instructions that
//! can deopt carry a [`FrameState`]: what the interpreter needs to resume at a
//! bytecode offset (the values of the locals and of the value stack).

use std::collections::HashMap;
use std::fmt;

use ember_compiler::bytecode::{BinaryOp, CompareOp};

use crate::opcode::{ImmKind, Opcode, OutputSpec};
use crate::types::Type;

macro_rules! entity {
    ($(#[$m:meta])* $name:ident, $prefix:literal) => {
        $(#[$m])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub struct $name(pub u32);

        impl $name {
            pub fn index(self) -> usize {
                self.0 as usize
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
                write!(f, concat!($prefix, "{}"), self.0)
            }
        }
    };
}

entity!(
    /// A basic block (`bb3`).
    Block,
    "bb"
);
entity!(
    /// An instruction.
    Inst,
    "i"
);
entity!(
    /// An SSA value (`v7`).
    Value,
    "v"
);

/// An instruction's immediate operand (see [`ImmKind`]).
#[derive(Clone, Debug, PartialEq)]
pub enum Imm {
    None,
    Local(u32),
    Name(u32),
    Type(Type),
    Count(u32),
    BinaryOp(BinaryOp),
    CompareOp(CompareOp),
    Target(Block),
    Targets(Block, Block),
    Preds(Vec<Block>),
}

impl Imm {
    /// The kind of this immediate.
    pub fn kind(&self) -> ImmKind {
        match self {
            Imm::None => ImmKind::None,
            Imm::Local(_) => ImmKind::Local,
            Imm::Name(_) => ImmKind::Name,
            Imm::Type(_) => ImmKind::Type,
            Imm::Count(_) => ImmKind::Count,
            Imm::BinaryOp(_) => ImmKind::BinaryOp,
            Imm::CompareOp(_) => ImmKind::CompareOp,
            Imm::Target(_) => ImmKind::Target,
            Imm::Targets(..) => ImmKind::Targets,
            Imm::Preds(_) => ImmKind::Preds,
        }
    }
}

/// The interpreter state at a deopt point: resuming at bytecode word
/// `next_instr` with these locals (None: unbound) and value stack (None: a NULL
/// slot, as the call protocol pushes).
#[derive(Clone, Debug, PartialEq, Default)]
pub struct FrameState {
    pub next_instr: u32,
    pub locals: Vec<Option<Value>>,
    pub stack: Vec<Option<Value>>,
}

impl FrameState {
    /// Every value the state mentions.
    pub fn values(&self) -> impl Iterator<Item = Value> + '_ {
        self.locals.iter().chain(self.stack.iter()).filter_map(|v| *v)
    }
}

/// One instruction.
#[derive(Clone, Debug, PartialEq)]
pub struct InstData {
    pub op: Opcode,
    pub operands: Vec<Value>,
    pub imm: Imm,
    pub output: Option<Value>,
    pub frame_state: Option<FrameState>,
    /// The bytecode word this instruction came from (for dumps and tracebacks).
    pub bc_offset: Option<u32>,
    pub block: Block,
}

/// One SSA value: its type and the instruction defining it.
#[derive(Clone, Debug, PartialEq)]
pub struct ValueData {
    pub ty: Type,
    pub def: Inst,
}

/// One basic block.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct BlockData {
    pub insts: Vec<Inst>,
}

/// An HIR function.
#[derive(Clone, Debug, PartialEq)]
pub struct Function {
    /// `module:qualname` of the Python function.
    pub name: String,
    pub blocks: Vec<BlockData>,
    pub insts: Vec<InstData>,
    pub values: Vec<ValueData>,
    pub entry: Block,
}

impl Function {
    /// An empty function with an entry block.
    pub fn new(name: &str) -> Function {
        Function {
            name: name.to_string(),
            blocks: vec![BlockData::default()],
            insts: Vec::new(),
            values: Vec::new(),
            entry: Block(0),
        }
    }

    pub fn new_block(&mut self) -> Block {
        self.blocks.push(BlockData::default());
        Block(self.blocks.len() as u32 - 1)
    }

    pub fn inst(&self, i: Inst) -> &InstData {
        &self.insts[i.index()]
    }

    pub fn inst_mut(&mut self, i: Inst) -> &mut InstData {
        &mut self.insts[i.index()]
    }

    pub fn value_type(&self, v: Value) -> &Type {
        &self.values[v.index()].ty
    }

    pub fn set_value_type(&mut self, v: Value, ty: Type) {
        self.values[v.index()].ty = ty;
    }

    /// The output type an instruction gets from the opcode table.
    pub fn output_type(&self, op: Opcode, operands: &[Value], imm: &Imm) -> Option<Type> {
        match op.info().output {
            OutputSpec::None => None,
            OutputSpec::Fixed(_) => op.fixed_output(),
            OutputSpec::FromImm => match imm {
                Imm::Type(t) => Some(t.clone()),
                _ => Some(Type::TOP),
            },
            OutputSpec::FromOperand => {
                Some(operands.first().map(|v| self.value_type(*v).clone()).unwrap_or_else(|| Type::TOP))
            }
            OutputSpec::Join => {
                let mut t = Type::BOTTOM;
                for v in operands {
                    t |= self.value_type(*v).clone();
                }
                Some(t)
            }
        }
    }

    /// Appends an instruction to `block`; returns it and its output value.
    pub fn append(&mut self, block: Block, op: Opcode, operands: Vec<Value>, imm: Imm) -> (Inst, Option<Value>) {
        let i = self.create(block, op, operands, imm);
        self.blocks[block.index()].insts.push(i);
        (i, self.inst(i).output)
    }

    /// Inserts an instruction into `block` at position `pos`.
    pub fn insert(
        &mut self,
        block: Block,
        pos: usize,
        op: Opcode,
        operands: Vec<Value>,
        imm: Imm,
    ) -> (Inst, Option<Value>) {
        let i = self.create(block, op, operands, imm);
        self.blocks[block.index()].insts.insert(pos, i);
        (i, self.inst(i).output)
    }

    fn create(&mut self, block: Block, op: Opcode, operands: Vec<Value>, imm: Imm) -> Inst {
        let i = Inst(self.insts.len() as u32);
        let output = self.output_type(op, &operands, &imm).map(|ty| {
            self.values.push(ValueData { ty, def: i });
            Value(self.values.len() as u32 - 1)
        });
        self.insts.push(InstData { op, operands, imm, output, frame_state: None, bc_offset: None, block });
        i
    }

    /// The instruction ending `block`, if it has one.
    pub fn terminator(&self, block: Block) -> Option<Inst> {
        let last = *self.blocks[block.index()].insts.last()?;
        self.inst(last).op.is_terminator().then_some(last)
    }

    /// The successors of `block`, in branch order.
    pub fn successors(&self, block: Block) -> Vec<Block> {
        match self.terminator(block).map(|t| &self.inst(t).imm) {
            Some(Imm::Target(b)) => vec![*b],
            Some(Imm::Targets(t, f)) => vec![*t, *f],
            _ => Vec::new(),
        }
    }

    /// Every block, in index order.
    pub fn block_ids(&self) -> impl Iterator<Item = Block> {
        (0..self.blocks.len() as u32).map(Block)
    }
}

/// Helpers for passes: walking uses, replacing values, editing blocks.
///
/// "Placed" instructions are the ones listed in some block; an instruction
/// removed from its block stays in the instruction table (numbers are stable)
/// but is no longer part of the function.
impl Function {
    /// Every value `i` uses: its operands, then the values its FrameState
    /// mentions (a value may appear more than once).
    pub fn used_values(&self, i: Inst) -> impl Iterator<Item = Value> + '_ {
        let inst = self.inst(i);
        inst.operands.iter().copied().chain(inst.frame_state.iter().flat_map(|fs| fs.values()))
    }

    /// Replaces every use of a key of `map` by placed instructions (operands
    /// and FrameStates) with its value, following chains (`a -> b`, `b -> c`
    /// replaces `a` with `c`). The map must not contain a cycle. Types are not
    /// checked: a replacement's type should be within the replaced value's.
    pub fn replace_uses(&mut self, map: &HashMap<Value, Value>) {
        if map.is_empty() {
            return;
        }
        let resolve = |mut v: Value| {
            while let Some(&next) = map.get(&v) {
                v = next;
            }
            v
        };
        for b in 0..self.blocks.len() {
            for k in 0..self.blocks[b].insts.len() {
                let i = self.blocks[b].insts[k];
                let inst = &mut self.insts[i.index()];
                for v in inst.operands.iter_mut() {
                    *v = resolve(*v);
                }
                if let Some(fs) = &mut inst.frame_state {
                    for v in fs.locals.iter_mut().chain(fs.stack.iter_mut()).flatten() {
                        *v = resolve(*v);
                    }
                }
            }
        }
    }

    /// Takes `i` out of its block's instruction list (it stays in the table).
    pub fn remove_inst(&mut self, i: Inst) {
        let b = self.inst(i).block;
        self.blocks[b.index()].insts.retain(|&x| x != i);
    }

    /// The phis starting `block`.
    pub fn phis(&self, block: Block) -> Vec<Inst> {
        self.blocks[block.index()].insts.iter().copied().take_while(|&i| self.inst(i).op == Opcode::Phi).collect()
    }

    /// `v` if its type is within `ty`; otherwise a `RefineType<ty> v` inserted
    /// into `block` at `pos`. Used when a value replaces one of a narrower type
    /// that is known to be equal to it (e.g. a phi whose operands are all `v`),
    /// so that no use sees a wider type than before.
    pub fn value_within(&mut self, v: Value, ty: &Type, block: Block, pos: usize) -> Value {
        if self.value_type(v).is_subtype(ty) {
            return v;
        }
        let (_, out) = self.insert(block, pos, Opcode::RefineType, vec![v], Imm::Type(ty.clone()));
        out.expect("RefineType has an output")
    }

    /// Makes `block`'s terminator branch to `to` wherever it branched to `from`.
    pub fn retarget(&mut self, block: Block, from: Block, to: Block) {
        let Some(t) = self.terminator(block) else { return };
        let swap = |b: &mut Block| {
            if *b == from {
                *b = to;
            }
        };
        match &mut self.inst_mut(t).imm {
            Imm::Target(b) => swap(b),
            Imm::Targets(x, y) => {
                swap(x);
                swap(y);
            }
            _ => {}
        }
    }

    /// Which blocks are reachable from the entry, indexed by block number.
    pub fn reachable(&self) -> Vec<bool> {
        let mut seen = vec![false; self.blocks.len()];
        let mut stack = vec![self.entry];
        seen[self.entry.index()] = true;
        while let Some(b) = stack.pop() {
            for s in self.successors(b) {
                if s.index() < seen.len() && !seen[s.index()] {
                    seen[s.index()] = true;
                    stack.push(s);
                }
            }
        }
        seen
    }
}

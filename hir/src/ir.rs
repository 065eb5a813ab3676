//! HIR functions: numbered blocks, instructions and SSA values.
//!
//! A [`Function`] owns three tables indexed by [`Block`], [`Inst`] and [`Value`].
//! A block is an ordered list of instructions; phis come first and exactly one
//! terminator comes last. Every value is defined by exactly one instruction (its
//! output) and carries the type the builder or a pass gave it. Instructions that
//! can deopt carry a [`FrameState`]: what the interpreter needs to resume at a
//! bytecode offset (the values of the locals and of the value stack).

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

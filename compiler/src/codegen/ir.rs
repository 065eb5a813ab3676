//! The code generator's instruction buffer: real opcodes plus the pseudo
//! instructions that delimit exception-handler regions, with symbolic labels.
//! [`super::assemble`] turns it into final code.

use crate::bytecode::Opcode;
use crate::code::Position;

/// An instruction of the buffer.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Op {
    Real(Opcode),
    /// Protects what follows (until the matching `PopBlock`) with the handler at the
    /// target, entered with the stack as it is here plus the exception.
    SetupFinally,
    /// Like `SetupFinally`, but the handler also gets the raising instruction's index
    /// (lasti) below the exception.
    SetupCleanup,
    /// Like `SetupCleanup`, but the handler's stack excludes the top item (the
    /// `__enter__` result of a `with`).
    SetupWith,
    /// Ends the innermost protected region.
    PopBlock,
}

/// A jump target, bound to a position in the buffer with [`InstrBuf::bind`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Label(pub u32);

pub const NO_TARGET: u32 = u32::MAX;

#[derive(Clone, Copy, Debug)]
pub struct Instr {
    pub op: Op,
    pub arg: u32,
    /// Label number for jumps and setups, else `NO_TARGET`.
    pub target: u32,
    pub pos: Position,
}

#[derive(Default)]
pub struct InstrBuf {
    pub instrs: Vec<Instr>,
    /// Buffer index each label is bound to (`NO_TARGET` while unbound).
    pub label_pos: Vec<u32>,
    /// Instructions before this index may not be merged by peephole folding,
    /// because a label points at the instruction here.
    barrier: usize,
}

impl InstrBuf {
    pub fn new_label(&mut self) -> Label {
        self.label_pos.push(NO_TARGET);
        Label(self.label_pos.len() as u32 - 1)
    }

    pub fn bind(&mut self, label: Label) {
        self.label_pos[label.0 as usize] = self.instrs.len() as u32;
        self.barrier = self.instrs.len();
    }

    pub fn push(&mut self, op: Op, arg: u32, target: u32, pos: Position) {
        self.instrs.push(Instr { op, arg, target, pos });
    }

    /// Whether the last `n` instructions are `LOAD_CONST`s that no jump lands
    /// between, so they can be folded into one.
    pub fn last_n_consts(&self, n: usize) -> Option<&[Instr]> {
        let len = self.instrs.len();
        if n == 0 || len < n || len - n < self.barrier {
            return None;
        }
        let tail = &self.instrs[len - n..];
        tail.iter().all(|i| i.op == Op::Real(Opcode::LOAD_CONST)).then_some(tail)
    }

    /// Whether the last `n` instructions may be replaced (no jump lands among them).
    pub fn can_merge_last(&self, n: usize) -> bool {
        let len = self.instrs.len();
        len >= n && len - n >= self.barrier
    }

    /// Removes the last `n` instructions (after a successful fold).
    pub fn truncate_last(&mut self, n: usize) {
        let len = self.instrs.len();
        self.instrs.truncate(len - n);
    }

    /// The last instruction, if no label points after it.
    pub fn last(&self) -> Option<&Instr> {
        if self.instrs.len() <= self.barrier {
            return None;
        }
        self.instrs.last()
    }
}

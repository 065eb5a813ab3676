//! Bytecode -> HIR, by abstract interpretation of the value stack.
//!
//! The bytecode is split into basic blocks (leaders: instruction 0, jump targets,
//! and the instruction after a jump or terminator). Blocks reachable from the
//! start are translated in reverse post-order, each into one HIR block, carrying
//! an abstract state: one SSA value per local (a `Nullptr` constant while
//! unbound) and one entry per value-stack slot (`None` for the call protocol's
//! NULL). A block with several incoming edges starts with one phi per local and
//! per stack slot, filled in as its predecessors are translated; phis that merge
//! a single value are removed later by PhiElimination.
//!
//! Every instruction that can deopt gets a [`FrameState`] describing the
//! interpreter's state *before* the bytecode instruction it came from, with
//! `next_instr` at that instruction: a failed guard re-executes it in the
//! interpreter, and an error raised by a runtime helper is unwound from it there,
//! so tracebacks and exception handlers are the interpreter's.
//!
//! Exception handlers are not translated (control reaches them only through the
//! interpreter). Generators, cells and opcodes not handled yet make the build
//! fail with a reason; such functions run interpreted.

use std::collections::HashMap;

use ember_compiler::bytecode::{decode, flags as bcflags, BinaryOp, CompareOp, Opcode as Bc};
use ember_compiler::code::{code_flags, CodeUnit};

use crate::ir::{Block, FrameState, Function, Imm, Inst, Value};
use crate::opcode::Opcode;
use crate::types::Type;

/// Why a function cannot be compiled (it then runs interpreted).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BuildError(pub String);

impl std::fmt::Display for BuildError {
    fn fmt(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

fn unsupported<T>(what: impl Into<String>) -> Result<T, BuildError> {
    Err(BuildError(what.into()))
}

/// One decoded bytecode instruction.
#[derive(Clone, Copy, Debug)]
struct Ins {
    /// Index of the instruction's own word (after any EXTENDED_ARG prefixes):
    /// what the interpreter's `lasti` holds while running it.
    at: u32,
    op: Bc,
    arg: u32,
}

/// The abstract interpreter state.
#[derive(Clone, Debug)]
struct State {
    locals: Vec<Value>,
    stack: Vec<Option<Value>>,
}

/// Per bytecode block: where it starts, its HIR block, and how it is entered.
struct BcBlock {
    /// Index into the instruction list.
    first: usize,
    hir: Block,
    /// Number of reachable incoming edges.
    preds: usize,
    /// The entry state once known; for join blocks, the phis.
    entry: Option<State>,
    /// For join blocks: the phi instructions, locals first, then stack slots.
    phis: Vec<Inst>,
}

/// What the builder reads from a code object: the compiler's [`CodeUnit`] or
/// the VM's code object provide it.
#[derive(Clone, Copy, Debug)]
pub struct CodeInfo<'a> {
    pub code: &'a [u32],
    /// [`code_flags`] bits.
    pub flags: u32,
    pub arg_count: u32,
    pub kwonly_arg_count: u32,
    /// Number of localsplus slots.
    pub nlocalsplus: usize,
}

impl<'a> From<&'a CodeUnit> for CodeInfo<'a> {
    fn from(u: &'a CodeUnit) -> CodeInfo<'a> {
        CodeInfo {
            code: &u.code,
            flags: u.flags,
            arg_count: u.arg_count,
            kwonly_arg_count: u.kwonly_arg_count,
            nlocalsplus: u.localsplus_names.len(),
        }
    }
}

/// Builds the HIR of the function whose code is `unit`. `const_type(k)` gives
/// the type of constant `k` (a value constant, or an object constant with its
/// address), or None if the JIT cannot load it.
pub fn build<'c>(
    unit: impl Into<CodeInfo<'c>>,
    name: &str,
    const_type: &dyn Fn(usize) -> Option<Type>,
) -> Result<Function, BuildError> {
    let unit = unit.into();
    if unit.flags & code_flags::ASYNC_GENERATOR != 0 {
        return unsupported("async generators run interpreted");
    }
    let ins = decode_all(unit.code)?;
    let mut b = Builder::new(unit, name, ins, const_type)?;
    b.run()?;
    if unit.flags & (code_flags::GENERATOR | code_flags::COROUTINE) != 0 {
        b.build_dispatch();
    }
    b.finish_phis();
    Ok(b.f)
}

fn decode_all(code: &[u32]) -> Result<Vec<Ins>, BuildError> {
    let mut out = Vec::new();
    let mut ext = 0u32;
    for (w, &word) in code.iter().enumerate() {
        let (byte, low) = decode(word);
        let Some(op) = Bc::from_u8(byte) else { return unsupported(format!("invalid opcode {byte} at {w}")) };
        let arg = (ext << 24) | low;
        if op == Bc::EXTENDED_ARG {
            ext = arg;
            continue;
        }
        ext = 0;
        out.push(Ins { at: w as u32, op, arg });
    }
    Ok(out)
}

struct Builder<'a> {
    unit: CodeInfo<'a>,
    ins: Vec<Ins>,
    const_type: &'a dyn Fn(usize) -> Option<Type>,
    f: Function,
    /// Bytecode blocks by the index of their first instruction.
    blocks: Vec<BcBlock>,
    /// Instruction index -> bytecode block index, for block leaders.
    leader: HashMap<usize, usize>,
    /// Word index -> instruction index.
    word_to_ins: HashMap<u32, usize>,
    /// The `Nullptr` constant for unbound locals and NULL operands.
    null: Value,
    /// The constant index a `KW_NAMES` set for the next `CALL`, and where that
    /// `KW_NAMES` is.
    kw_names: Option<(u32, u32)>,
    /// For generators: the word of each `YIELD_VALUE` and the HIR block that
    /// resumes after it.
    resumes: Vec<(u32, Block)>,
}

impl<'a> Builder<'a> {
    fn new(
        unit: CodeInfo<'a>,
        name: &str,
        ins: Vec<Ins>,
        const_type: &'a dyn Fn(usize) -> Option<Type>,
    ) -> Result<Builder<'a>, BuildError> {
        let word_to_ins: HashMap<u32, usize> = ins.iter().enumerate().map(|(i, x)| (x.at, i)).collect();
        let mut f = Function::new(name);
        let (_, null) = f.append(f.entry, Opcode::LoadConst, vec![], Imm::Type(Type::NULLPTR));
        let mut b = Builder {
            unit,
            ins,
            const_type,
            f,
            blocks: Vec::new(),
            leader: HashMap::new(),
            word_to_ins,
            null: null.expect("LoadConst has an output"),
            kw_names: None,
            resumes: Vec::new(),
        };
        b.find_blocks()?;
        Ok(b)
    }

    fn target(&self, word: u32) -> Result<usize, BuildError> {
        self.word_to_ins.get(&word).copied().ok_or_else(|| BuildError(format!("jump to {word}, not an instruction")))
    }

    /// Successor instruction indices of the block ending at instruction `last`.
    fn successors(&self, last: usize) -> Result<Vec<usize>, BuildError> {
        let x = self.ins[last];
        let fl = x.op.flags();
        let mut out = Vec::new();
        if fl & bcflags::JUMP != 0 {
            out.push(self.target(x.arg)?);
        }
        let ends = fl & bcflags::TERMINATOR != 0 || matches!(x.op, Bc::JUMP | Bc::JUMP_BACKWARD);
        if !ends {
            if last + 1 >= self.ins.len() {
                return unsupported("control falls off the end of the code");
            }
            out.push(last + 1);
        }
        Ok(out)
    }

    fn find_blocks(&mut self) -> Result<(), BuildError> {
        let mut leaders = vec![false; self.ins.len() + 1];
        leaders[0] = true;
        for (i, x) in self.ins.iter().enumerate() {
            if x.op.flags() & bcflags::JUMP != 0 {
                leaders[self.target(x.arg)?] = true;
            }
            // A generator resumes after a yield in a block of its own.
            if x.op.flags() & (bcflags::JUMP | bcflags::TERMINATOR) != 0 || x.op == Bc::YIELD_VALUE {
                leaders[i + 1] = true;
            }
        }
        // Reachable blocks by a depth-first walk from the start, counting edges.
        let mut order = Vec::new();
        let mut seen: HashMap<usize, usize> = HashMap::new();
        let mut stack = vec![0usize];
        let mut edges: Vec<(usize, usize)> = Vec::new();
        while let Some(start) = stack.pop() {
            if seen.contains_key(&start) {
                continue;
            }
            seen.insert(start, order.len());
            order.push(start);
            let mut last = start;
            while !leaders[last + 1] {
                last += 1;
            }
            for s in self.successors(last)? {
                edges.push((start, s));
                if !seen.contains_key(&s) {
                    stack.push(s);
                }
            }
        }
        order.sort_unstable();
        for (k, &start) in order.iter().enumerate() {
            let hir = if k == 0 { self.f.entry } else { self.f.new_block() };
            self.blocks.push(BcBlock { first: start, hir, preds: 0, entry: None, phis: Vec::new() });
            self.leader.insert(start, k);
        }
        for (_, to) in edges {
            let k = self.leader[&to];
            self.blocks[k].preds += 1;
        }
        Ok(())
    }

    fn run(&mut self) -> Result<(), BuildError> {
        let nlocals = self.unit.nlocalsplus;
        let mut locals = Vec::with_capacity(nlocals);
        let nargs = self.unit.arg_count as usize
            + self.unit.kwonly_arg_count as usize
            + usize::from(self.unit.flags & code_flags::VARARGS != 0)
            + usize::from(self.unit.flags & code_flags::VARKEYWORDS != 0);
        for i in 0..nlocals {
            if i < nargs {
                let (_, v) = self.f.append(self.f.entry, Opcode::LoadArg, vec![], Imm::Local(i as u32));
                let v = v.expect("LoadArg has an output");
                // Parameters are bound on entry.
                self.f.set_value_type(v, Type::OBJECT);
                locals.push(v);
            } else {
                locals.push(self.null);
            }
        }
        let generator = self.unit.flags & code_flags::GENERATOR != 0;
        // The entry block may itself be a loop header: give it a predecessor of
        // its own so its phis have an entry operand. A generator's entry
        // dispatches between its start and its resume points (see `finish`).
        if self.blocks[0].preds > 0 || generator {
            let first = self.f.new_block();
            let entry = self.f.entry;
            // Move the entry's instructions (constants, arguments) to a new first block.
            let insts = std::mem::take(&mut self.f.blocks[entry.index()].insts);
            for &i in &insts {
                self.f.inst_mut(i).block = first;
            }
            self.f.blocks[first.index()].insts = insts;
            self.f.entry = first;
            let state = State { locals, stack: Vec::new() };
            self.edge(first, 0, state)?;
            let (_, _) = self.f.append(first, Opcode::Branch, vec![], Imm::Target(self.blocks[0].hir));
        } else {
            self.blocks[0].entry = Some(State { locals, stack: Vec::new() });
        }
        // A block is translated once its entry state is known; a block whose only
        // predecessor comes later in the code (reached by a backward jump) waits
        // for a later sweep.
        let mut done = vec![false; self.blocks.len()];
        loop {
            let mut progress = false;
            for (k, finished) in done.iter_mut().enumerate() {
                if *finished {
                    continue;
                }
                let Some(state) = self.blocks[k].entry.clone() else { continue };
                *finished = true;
                progress = true;
                self.translate_block(k, state)?;
            }
            if !progress {
                break;
            }
        }
        Ok(())
    }

    /// Records an edge from HIR block `from` into bytecode block `to_ins` with `state`.
    fn edge(&mut self, from: Block, to_ins: usize, state: State) -> Result<(), BuildError> {
        let k = self.leader[&to_ins];
        if self.blocks[k].preds <= 1 && k != 0 {
            self.blocks[k].entry = Some(state);
            return Ok(());
        }
        if self.blocks[k].entry.is_none() {
            // First edge into a join: one phi per local and per non-NULL stack slot.
            // Until all edges are known a local's phi may be unbound (OptObject) and
            // a stack slot's holds some object; `finish_phis` narrows them.
            let hir = self.blocks[k].hir;
            let mut phis = Vec::new();
            let mut entry = State { locals: Vec::new(), stack: Vec::new() };
            for local in &state.locals {
                let (i, v) = self.f.append(hir, Opcode::Phi, vec![], Imm::Preds(Vec::new()));
                let v = v.expect("phi output");
                // A cell variable holds its cell for the whole call.
                let cell = self.f.value_type(*local).is_subtype(&Type::CELL);
                self.f.set_value_type(v, if cell { Type::CELL } else { Type::OPT_OBJECT });
                phis.push(i);
                entry.locals.push(v);
            }
            for slot in &state.stack {
                match slot {
                    None => entry.stack.push(None),
                    Some(_) => {
                        let (i, v) = self.f.append(hir, Opcode::Phi, vec![], Imm::Preds(Vec::new()));
                        let v = v.expect("phi output");
                        self.f.set_value_type(v, Type::OBJECT);
                        phis.push(i);
                        entry.stack.push(Some(v));
                    }
                }
            }
            self.blocks[k].phis = phis;
            self.blocks[k].entry = Some(entry);
        }
        let entry = self.blocks[k].entry.as_ref().expect("join entry");
        let nulls_agree = entry.stack.len() == state.stack.len()
            && entry.stack.iter().zip(&state.stack).all(|(a, b)| a.is_none() == b.is_none());
        if !nulls_agree || entry.locals.len() != state.locals.len() {
            return unsupported("inconsistent stack at a join");
        }
        let incoming: Vec<Value> = state.locals.iter().copied().chain(state.stack.iter().flatten().copied()).collect();
        for (&phi, v) in self.blocks[k].phis.clone().iter().zip(incoming) {
            let inst = self.f.inst_mut(phi);
            inst.operands.push(v);
            if let Imm::Preds(p) = &mut inst.imm {
                p.push(from);
            }
        }
        Ok(())
    }

    /// A generator's entry: resuming at a `YIELD_VALUE` (the frame's `lasti`)
    /// continues in that yield's resume block; a fresh frame starts the
    /// generator; any other yield is left to the interpreter.
    /// The `Nullptr` constant moves here so that it dominates every block.
    fn build_dispatch(&mut self) {
        let start = self.f.entry;
        let d = self.f.new_block();
        let null_def = self.f.values[self.null.index()].def;
        self.f.remove_inst(null_def);
        self.f.inst_mut(null_def).block = d;
        self.f.blocks[d.index()].insts.push(null_def);
        let (_, lasti) = self.f.append(d, Opcode::LoadFrameLasti, vec![], Imm::None);
        let lasti = lasti.expect("LoadFrameLasti output");
        let mut cur = d;
        for (at, resume) in self.resumes.clone() {
            let (_, k) = self.f.append(cur, Opcode::LoadConst, vec![], Imm::Type(Type::cint64_const(at as i64)));
            let k = k.expect("LoadConst output");
            let (_, c) = self.f.append(cur, Opcode::PrimitiveCompare, vec![lasti, k], Imm::CompareOp(CompareOp::Eq));
            let c = c.expect("PrimitiveCompare output");
            let next = self.f.new_block();
            self.f.append(cur, Opcode::CondBranch, vec![c], Imm::Targets(resume, next));
            cur = next;
        }
        // Not at a yield this code resumes from (one in an exception handler,
        // which only the interpreter runs): the interpreter continues.
        let (_, zero) = self.f.append(cur, Opcode::LoadConst, vec![], Imm::Type(Type::cint64_const(0)));
        let zero = zero.expect("LoadConst output");
        let (_, fresh) = self.f.append(cur, Opcode::PrimitiveCompare, vec![lasti, zero], Imm::CompareOp(CompareOp::Lt));
        let fresh = fresh.expect("PrimitiveCompare output");
        let interp = self.f.new_block();
        self.f.append(interp, Opcode::InterpretFrame, vec![], Imm::None);
        self.f.append(cur, Opcode::CondBranch, vec![fresh], Imm::Targets(start, interp));
        self.f.entry = d;
    }

    /// `YIELD_VALUE` of a generator: suspends with the state after the yield,
    /// and makes the block that resumes there: it reloads every local and
    /// stack slot from the frame (the interpreter may have run the frame since)
    /// and takes the sent value from the top of the frame's stack.
    fn yield_value(&mut self, b: Block, st: &mut State, x: Ins, idx: usize) -> Result<(), BuildError> {
        let v = Self::pop(st)?;
        let fs = self.fs(st, x);
        self.deopting(b, Opcode::YieldValue, vec![v], Imm::None, &fs, x.at);
        let r = self.f.new_block();
        let nlocals = st.locals.len();
        let mut resumed = State { locals: Vec::with_capacity(nlocals), stack: Vec::with_capacity(st.stack.len() + 1) };
        for i in 0..nlocals {
            let loaded = self.plain(r, Opcode::LoadArg, vec![], Imm::Local(i as u32), x.at).expect("LoadArg output");
            // Cells stay cells: they are made once, before the first yield.
            let v = if self.f.value_type(st.locals[i]).is_subtype(&Type::CELL) {
                self.plain(r, Opcode::RefineType, vec![loaded], Imm::Type(Type::CELL), x.at).expect("output")
            } else {
                loaded
            };
            resumed.locals.push(v);
        }
        for (j, slot) in st.stack.iter().enumerate() {
            match slot {
                None => resumed.stack.push(None),
                Some(_) => {
                    let loaded = self.load_stack_slot(r, nlocals + j, x.at);
                    resumed.stack.push(Some(loaded));
                }
            }
        }
        let sent = self.load_stack_slot(r, nlocals + st.stack.len(), x.at);
        resumed.stack.push(Some(sent));
        self.resumes.push((x.at, r));
        let next = idx + 1;
        let Some(&k) = self.leader.get(&next) else { return unsupported("a yield at the end of the code") };
        self.edge(r, next, resumed)?;
        let target = self.blocks[k].hir;
        self.f.append(r, Opcode::Branch, vec![], Imm::Target(target));
        Ok(())
    }

    /// Frame slot `slot` (a value-stack slot after the localsplus ones), known
    /// to hold an object.
    fn load_stack_slot(&mut self, b: Block, slot: usize, at: u32) -> Value {
        let v = self.plain(b, Opcode::LoadArg, vec![], Imm::Local(slot as u32), at).expect("LoadArg output");
        self.plain(b, Opcode::RefineType, vec![v], Imm::Type(Type::OBJECT), at).expect("RefineType output")
    }

    /// Gives every phi the join of its operands' types (to a fixed point, since
    /// phis feed each other around loops).
    fn finish_phis(&mut self) {
        let phis: Vec<Inst> = self.blocks.iter().flat_map(|b| b.phis.iter().copied()).collect();
        // Start from Bottom so that phis feeding each other reach the least fixed point.
        for &p in &phis {
            let out = self.f.inst(p).output.expect("phi output");
            self.f.set_value_type(out, Type::BOTTOM);
        }
        let mut changed = true;
        while changed {
            changed = false;
            for &p in &phis {
                let inst = self.f.inst(p);
                let mut t = Type::BOTTOM;
                for v in &inst.operands {
                    t |= self.f.value_type(*v).clone();
                }
                let out = inst.output.expect("phi output");
                if *self.f.value_type(out) != t {
                    self.f.set_value_type(out, t);
                    changed = true;
                }
            }
        }
    }

    fn translate_block(&mut self, k: usize, mut st: State) -> Result<(), BuildError> {
        let hir = self.blocks[k].hir;
        let mut i = self.blocks[k].first;
        loop {
            let x = self.ins[i];
            let next_is_leader = i + 1 >= self.ins.len() || self.leader.contains_key(&(i + 1));
            let ended = self.translate(hir, &mut st, x, i)?;
            if ended {
                return Ok(());
            }
            if next_is_leader {
                // Falls through into the next block.
                self.edge(hir, i + 1, st)?;
                let target = self.blocks[self.leader[&(i + 1)]].hir;
                self.f.append(hir, Opcode::Branch, vec![], Imm::Target(target));
                return Ok(());
            }
            i += 1;
        }
    }

    fn fs(&self, st: &State, x: Ins) -> FrameState {
        FrameState { next_instr: x.at, locals: st.locals.iter().map(|v| Some(*v)).collect(), stack: st.stack.clone() }
    }

    /// Appends a deopting instruction with the frame state `fs`.
    fn deopting(
        &mut self,
        b: Block,
        op: Opcode,
        operands: Vec<Value>,
        imm: Imm,
        fs: &FrameState,
        at: u32,
    ) -> Option<Value> {
        let (i, v) = self.f.append(b, op, operands, imm);
        let inst = self.f.inst_mut(i);
        inst.frame_state = Some(fs.clone());
        inst.bc_offset = Some(at);
        v
    }

    fn plain(&mut self, b: Block, op: Opcode, operands: Vec<Value>, imm: Imm, at: u32) -> Option<Value> {
        let (i, v) = self.f.append(b, op, operands, imm);
        self.f.inst_mut(i).bc_offset = Some(at);
        v
    }

    fn pop(st: &mut State) -> Result<Value, BuildError> {
        match st.stack.pop() {
            Some(Some(v)) => Ok(v),
            Some(None) => unsupported("a NULL used as a value"),
            None => unsupported("stack underflow"),
        }
    }

    fn pop_opt(&self, st: &mut State) -> Result<Value, BuildError> {
        match st.stack.pop() {
            Some(v) => Ok(v.unwrap_or(self.null)),
            None => unsupported("stack underflow"),
        }
    }

    fn block_of(&self, word: u32) -> Result<(usize, Block), BuildError> {
        let i = self.target(word)?;
        Ok((i, self.blocks[self.leader[&i]].hir))
    }

    /// Translates one instruction; true if it ended the block.
    fn translate(&mut self, b: Block, st: &mut State, x: Ins, idx: usize) -> Result<bool, BuildError> {
        let fs = self.fs(st, x);
        let at = x.at;
        let out = |v: Option<Value>| v.expect("opcode has an output");
        match x.op {
            Bc::NOP => {}
            Bc::POP_TOP => {
                st.stack.pop();
            }
            Bc::PUSH_NULL => st.stack.push(None),
            Bc::COPY => {
                let n = x.arg as usize;
                let v = st.stack[st.stack.len() - n];
                st.stack.push(v);
            }
            Bc::SWAP => {
                let n = st.stack.len();
                st.stack.swap(n - 1, n - x.arg as usize);
            }
            Bc::LOAD_CONST => {
                let v = self.load_const(b, x.arg, at)?;
                st.stack.push(Some(v));
            }
            Bc::LOAD_FAST => {
                let i = x.arg as usize;
                let v = st.locals[i];
                let v = if self.f.value_type(v).is_subtype(&Type::OBJECT) {
                    v
                } else {
                    let checked = out(self.deopting(b, Opcode::CheckVar, vec![v], Imm::Local(i as u32), &fs, at));
                    st.locals[i] = checked;
                    checked
                };
                st.stack.push(Some(v));
            }
            Bc::STORE_FAST => {
                let v = Self::pop(st)?;
                st.locals[x.arg as usize] = v;
            }
            Bc::DELETE_FAST => {
                let i = x.arg as usize;
                let v = st.locals[i];
                if !self.f.value_type(v).is_subtype(&Type::OBJECT) {
                    self.deopting(b, Opcode::CheckVar, vec![v], Imm::Local(i as u32), &fs, at);
                }
                st.locals[i] = self.null;
            }
            Bc::LOAD_GLOBAL => {
                if x.arg & 1 != 0 {
                    st.stack.push(None);
                }
                let v = self.deopting(b, Opcode::LoadGlobal, vec![], Imm::Name(x.arg >> 1), &fs, at);
                st.stack.push(v);
            }
            Bc::LOAD_ATTR => {
                let obj = Self::pop(st)?;
                let v = self.deopting(b, Opcode::LoadAttr, vec![obj], Imm::Name(x.arg), &fs, at);
                st.stack.push(v);
            }
            Bc::STORE_ATTR => {
                let obj = Self::pop(st)?;
                let value = Self::pop(st)?;
                self.deopting(b, Opcode::StoreAttr, vec![obj, value], Imm::Name(x.arg), &fs, at);
            }
            Bc::LOAD_METHOD => {
                let obj = Self::pop(st)?;
                let m = out(self.deopting(b, Opcode::LoadMethod, vec![obj], Imm::Name(x.arg), &fs, at));
                let second = self.plain(b, Opcode::GetSecondOutput, vec![m], Imm::None, at);
                st.stack.push(Some(m));
                st.stack.push(second);
            }
            Bc::KW_NAMES => self.kw_names = Some((x.arg, x.at)),
            Bc::CALL => {
                let argc = x.arg as usize;
                let kw = self.kw_names.take();
                let mut args = Vec::with_capacity(argc + 2);
                for _ in 0..argc {
                    args.push(Self::pop(st)?);
                }
                let y = self.pop_opt(st)?;
                let xx = self.pop_opt(st)?;
                args.push(y);
                args.push(xx);
                args.reverse();
                let v = match kw {
                    None => self.deopting(b, Opcode::CallMethod, args, Imm::Count(argc as u32), &fs, at),
                    Some((k, kw_at)) => {
                        let names = self.load_const(b, k, at)?;
                        args.push(names);
                        // The interpreter keeps the names outside its stack: a deopt
                        // resumes at the KW_NAMES (same stack, same line) to set them.
                        let fs = FrameState { next_instr: kw_at, ..fs.clone() };
                        self.deopting(b, Opcode::CallMethodKw, args, Imm::Count(argc as u32), &fs, at)
                    }
                };
                st.stack.push(v);
            }
            Bc::BINARY_OP => {
                let Some(op) = BinaryOp::from_u32(x.arg) else { return unsupported("bad BINARY_OP argument") };
                let r = Self::pop(st)?;
                let l = Self::pop(st)?;
                let v = self.deopting(b, Opcode::BinaryOp, vec![l, r], Imm::BinaryOp(op), &fs, at);
                st.stack.push(v);
            }
            Bc::COMPARE_OP => {
                let Some(op) = CompareOp::from_u32(x.arg) else { return unsupported("bad COMPARE_OP argument") };
                let r = Self::pop(st)?;
                let l = Self::pop(st)?;
                let v = self.deopting(b, Opcode::Compare, vec![l, r], Imm::CompareOp(op), &fs, at);
                st.stack.push(v);
            }
            Bc::UNARY_NEGATIVE | Bc::UNARY_POSITIVE | Bc::UNARY_INVERT => {
                let which = match x.op {
                    Bc::UNARY_NEGATIVE => 0,
                    Bc::UNARY_POSITIVE => 1,
                    _ => 2,
                };
                let v = Self::pop(st)?;
                let r = self.deopting(b, Opcode::UnaryOp, vec![v], Imm::Count(which), &fs, at);
                st.stack.push(r);
            }
            Bc::UNARY_NOT => {
                let v = Self::pop(st)?;
                let t = out(self.deopting(b, Opcode::IsTruthy, vec![v], Imm::None, &fs, at));
                let n = out(self.plain(b, Opcode::BoolNot, vec![t], Imm::None, at));
                let r = self.box_bool(b, n, &fs, at);
                st.stack.push(Some(r));
            }
            Bc::IS_OP | Bc::CONTAINS_OP => {
                let r = Self::pop(st)?;
                let l = Self::pop(st)?;
                let mut c = if x.op == Bc::IS_OP {
                    out(self.plain(b, Opcode::IsSame, vec![l, r], Imm::None, at))
                } else {
                    out(self.deopting(b, Opcode::Contains, vec![l, r], Imm::None, &fs, at))
                };
                if x.arg == 1 {
                    c = out(self.plain(b, Opcode::BoolNot, vec![c], Imm::None, at));
                }
                let r = self.box_bool(b, c, &fs, at);
                st.stack.push(Some(r));
            }
            Bc::BINARY_SUBSCR => {
                let key = Self::pop(st)?;
                let container = Self::pop(st)?;
                let v = self.deopting(b, Opcode::LoadSubscr, vec![container, key], Imm::None, &fs, at);
                st.stack.push(v);
            }
            Bc::STORE_SUBSCR => {
                let key = Self::pop(st)?;
                let container = Self::pop(st)?;
                let value = Self::pop(st)?;
                self.deopting(b, Opcode::StoreSubscr, vec![container, key, value], Imm::None, &fs, at);
            }
            Bc::BUILD_LIST | Bc::BUILD_TUPLE => {
                let n = x.arg as usize;
                let mut items = Vec::with_capacity(n);
                for _ in 0..n {
                    items.push(Self::pop(st)?);
                }
                items.reverse();
                let op = if x.op == Bc::BUILD_LIST { Opcode::MakeList } else { Opcode::MakeTuple };
                let v = self.deopting(b, op, items, Imm::None, &fs, at);
                st.stack.push(v);
            }
            Bc::LIST_APPEND => {
                let v = Self::pop(st)?;
                let Some(Some(list)) = st.stack.get(st.stack.len() - x.arg as usize).copied() else {
                    return unsupported("LIST_APPEND without a list");
                };
                // The compiler emits LIST_APPEND only for the list a comprehension
                // built with BUILD_LIST; a phi may have hidden that.
                let list = if self.f.value_type(list).is_subtype(&Type::LIST) {
                    list
                } else {
                    out(self.plain(b, Opcode::RefineType, vec![list], Imm::Type(Type::LIST_EXACT), at))
                };
                self.deopting(b, Opcode::ListAppend, vec![list, v], Imm::None, &fs, at);
            }
            Bc::GET_AWAITABLE => {
                let v = Self::pop(st)?;
                let it = self.deopting(b, Opcode::GetAwaitable, vec![v], Imm::Count(x.arg), &fs, at);
                st.stack.push(it);
            }
            Bc::GET_YIELD_FROM_ITER => {
                let v = Self::pop(st)?;
                let it = self.deopting(b, Opcode::GetYieldFromIter, vec![v], Imm::None, &fs, at);
                st.stack.push(it);
            }
            Bc::SEND => {
                // Yielded: the value goes on the stack above the receiver and
                // control falls through to the `YIELD_VALUE`. Returned: the
                // return value replaces the receiver at the jump target.
                let v = Self::pop(st)?;
                let recv =
                    st.stack.last().copied().flatten().ok_or_else(|| BuildError("SEND without a receiver".into()))?;
                let y = out(self.deopting(b, Opcode::Send, vec![recv, v], Imm::None, &fs, at));
                let done = out(self.plain(b, Opcode::IsSame, vec![y, self.null], Imm::None, at));
                let (returned_edge, yielded_edge) = (self.f.new_block(), self.f.new_block());
                self.f.append(b, Opcode::CondBranch, vec![done], Imm::Targets(returned_edge, yielded_edge));
                let r = out(self.plain(returned_edge, Opcode::GetSecondOutput, vec![y], Imm::None, at));
                let r = out(self.plain(returned_edge, Opcode::RefineType, vec![r], Imm::Type(Type::OBJECT), at));
                let (ret_ins, ret_block) = self.block_of(x.arg)?;
                let mut ret_state = st.clone();
                ret_state.stack.pop();
                ret_state.stack.push(Some(r));
                self.edge(returned_edge, ret_ins, ret_state)?;
                self.f.append(returned_edge, Opcode::Branch, vec![], Imm::Target(ret_block));
                let item = out(self.plain(yielded_edge, Opcode::RefineType, vec![y], Imm::Type(Type::OBJECT), at));
                let mut yield_state = st.clone();
                yield_state.stack.push(Some(item));
                let next_ins = idx + 1;
                let next_block = self.blocks[self.leader[&next_ins]].hir;
                self.edge(yielded_edge, next_ins, yield_state)?;
                self.f.append(yielded_edge, Opcode::Branch, vec![], Imm::Target(next_block));
                return Ok(true);
            }
            Bc::GET_ITER => {
                let v = Self::pop(st)?;
                let it = self.deopting(b, Opcode::GetIter, vec![v], Imm::None, &fs, at);
                st.stack.push(it);
            }
            Bc::FOR_ITER => {
                let it = st
                    .stack
                    .last()
                    .copied()
                    .flatten()
                    .ok_or_else(|| BuildError("FOR_ITER without an iterator".into()))?;
                let n = out(self.deopting(b, Opcode::ForIter, vec![it], Imm::None, &fs, at));
                let done = out(self.plain(b, Opcode::IsSame, vec![n, self.null], Imm::None, at));
                let exit_edge = self.f.new_block();
                let body_edge = self.f.new_block();
                self.f.append(b, Opcode::CondBranch, vec![done], Imm::Targets(exit_edge, body_edge));
                let (exit_ins, exit_block) = self.block_of(x.arg)?;
                let mut exit_state = st.clone();
                exit_state.stack.pop();
                self.edge(exit_edge, exit_ins, exit_state)?;
                self.f.append(exit_edge, Opcode::Branch, vec![], Imm::Target(exit_block));
                let item = out(self.plain(body_edge, Opcode::RefineType, vec![n], Imm::Type(Type::OBJECT), at));
                let mut body_state = st.clone();
                body_state.stack.push(Some(item));
                let body_ins = idx + 1;
                let body_block = self.blocks[self.leader[&body_ins]].hir;
                self.edge(body_edge, body_ins, body_state)?;
                self.f.append(body_edge, Opcode::Branch, vec![], Imm::Target(body_block));
                return Ok(true);
            }
            Bc::POP_JUMP_IF_FALSE | Bc::POP_JUMP_IF_TRUE | Bc::POP_JUMP_IF_NONE | Bc::POP_JUMP_IF_NOT_NONE => {
                if x.arg < x.at {
                    // A conditional back edge: the interpreter checks signals when
                    // it takes it; compiled code checks before branching.
                    self.deopting(b, Opcode::CheckSignals, vec![], Imm::None, &fs, at);
                }
                let v = Self::pop(st)?;
                let c = match x.op {
                    Bc::POP_JUMP_IF_FALSE | Bc::POP_JUMP_IF_TRUE => {
                        out(self.deopting(b, Opcode::IsTruthy, vec![v], Imm::None, &fs, at))
                    }
                    _ => {
                        let none = out(self.plain(b, Opcode::LoadConst, vec![], Imm::Type(Type::NONE_TYPE), at));
                        out(self.plain(b, Opcode::IsSame, vec![v, none], Imm::None, at))
                    }
                };
                let (jump_ins, jump_block) = self.block_of(x.arg)?;
                let fall_ins = idx + 1;
                let fall_block = self.blocks[self.leader[&fall_ins]].hir;
                let jump_when_true = matches!(x.op, Bc::POP_JUMP_IF_TRUE | Bc::POP_JUMP_IF_NONE);
                let targets = if jump_when_true {
                    Imm::Targets(jump_block, fall_block)
                } else {
                    Imm::Targets(fall_block, jump_block)
                };
                self.f.append(b, Opcode::CondBranch, vec![c], targets);
                self.edge(b, jump_ins, st.clone())?;
                self.edge(b, fall_ins, st.clone())?;
                return Ok(true);
            }
            Bc::JUMP | Bc::JUMP_BACKWARD => {
                if x.op == Bc::JUMP_BACKWARD {
                    self.deopting(b, Opcode::CheckSignals, vec![], Imm::None, &fs, at);
                }
                let (to_ins, to_block) = self.block_of(x.arg)?;
                self.f.append(b, Opcode::Branch, vec![], Imm::Target(to_block));
                self.edge(b, to_ins, st.clone())?;
                return Ok(true);
            }
            Bc::RETURN_VALUE => {
                let v = Self::pop(st)?;
                self.plain(b, Opcode::Return, vec![v], Imm::None, at);
                return Ok(true);
            }
            Bc::FORMAT_VALUE => {
                let spec = if x.arg & 4 != 0 { Self::pop(st)? } else { self.null };
                let v = Self::pop(st)?;
                let r = self.deopting(b, Opcode::FormatValue, vec![v, spec], Imm::Count(x.arg & 3), &fs, at);
                st.stack.push(r);
            }
            Bc::BUILD_STRING => {
                let mut parts = Vec::with_capacity(x.arg as usize);
                for _ in 0..x.arg {
                    let v = Self::pop(st)?;
                    // The compiler joins only FORMAT_VALUE results and str constants.
                    let v = if self.f.value_type(v).is_subtype(&Type::UNICODE) {
                        v
                    } else {
                        out(self.plain(b, Opcode::RefineType, vec![v], Imm::Type(Type::UNICODE_EXACT), at))
                    };
                    parts.push(v);
                }
                parts.reverse();
                let r = self.deopting(b, Opcode::BuildString, parts, Imm::None, &fs, at);
                st.stack.push(r);
            }
            Bc::BUILD_MAP => {
                let mut items = Vec::with_capacity(2 * x.arg as usize);
                for _ in 0..2 * x.arg {
                    items.push(Self::pop(st)?);
                }
                items.reverse();
                let d = self.deopting(b, Opcode::MakeDict, items, Imm::None, &fs, at);
                st.stack.push(d);
            }
            Bc::JUMP_IF_TRUE_OR_POP | Bc::JUMP_IF_FALSE_OR_POP => {
                let v = st.stack.last().copied().flatten().ok_or_else(|| BuildError("nothing to test".into()))?;
                let c = out(self.deopting(b, Opcode::IsTruthy, vec![v], Imm::None, &fs, at));
                let (jump_ins, jump_block) = self.block_of(x.arg)?;
                let fall_ins = idx + 1;
                let fall_block = self.blocks[self.leader[&fall_ins]].hir;
                let targets = if x.op == Bc::JUMP_IF_TRUE_OR_POP {
                    Imm::Targets(jump_block, fall_block)
                } else {
                    Imm::Targets(fall_block, jump_block)
                };
                self.f.append(b, Opcode::CondBranch, vec![c], targets);
                // The jump keeps the value on the stack; falling through pops it.
                self.edge(b, jump_ins, st.clone())?;
                let mut popped = st.clone();
                popped.stack.pop();
                self.edge(b, fall_ins, popped)?;
                return Ok(true);
            }
            Bc::RAISE_VARARGS => {
                // Raising is the interpreter's business: hand it the frame here.
                self.deopting(b, Opcode::Deopt, vec![], Imm::None, &fs, at);
                return Ok(true);
            }
            Bc::STORE_GLOBAL => {
                let v = Self::pop(st)?;
                self.deopting(b, Opcode::StoreGlobal, vec![v], Imm::Name(x.arg), &fs, at);
            }
            Bc::UNPACK_SEQUENCE => {
                let seq = Self::pop(st)?;
                let t = out(self.deopting(b, Opcode::UnpackSequence, vec![seq], Imm::Count(x.arg), &fs, at));
                // Item 0 ends on top of the stack.
                for k in (0..x.arg).rev() {
                    let item = self.plain(b, Opcode::LoadTupleItem, vec![t], Imm::Count(k), at);
                    st.stack.push(item);
                }
            }
            Bc::BUILD_SET => {
                let mut items = Vec::with_capacity(x.arg as usize);
                for _ in 0..x.arg {
                    items.push(Self::pop(st)?);
                }
                items.reverse();
                let v = self.deopting(b, Opcode::MakeSet, items, Imm::None, &fs, at);
                st.stack.push(v);
            }
            Bc::BUILD_SLICE => {
                let step = if x.arg == 3 {
                    Self::pop(st)?
                } else {
                    out(self.plain(b, Opcode::LoadConst, vec![], Imm::Type(Type::NONE_TYPE), at))
                };
                let stop = Self::pop(st)?;
                let start = Self::pop(st)?;
                let v = self.deopting(b, Opcode::MakeSlice, vec![start, stop, step], Imm::None, &fs, at);
                st.stack.push(v);
            }
            Bc::MAP_ADD | Bc::SET_ADD => {
                let (op, want, exact) = if x.op == Bc::MAP_ADD {
                    (Opcode::DictSetItem, Type::DICT, Type::DICT_EXACT)
                } else {
                    (Opcode::SetAdd, Type::SET, Type::SET_EXACT)
                };
                let v = Self::pop(st)?;
                let mut operands = vec![v];
                if x.op == Bc::MAP_ADD {
                    operands.insert(0, Self::pop(st)?);
                }
                let Some(Some(target)) = st.stack.get(st.stack.len() - x.arg as usize).copied() else {
                    return unsupported(format!("{} without its container", x.op));
                };
                // The compiler emits these only for the container a comprehension built.
                let target = if self.f.value_type(target).is_subtype(&want) {
                    target
                } else {
                    out(self.plain(b, Opcode::RefineType, vec![target], Imm::Type(exact), at))
                };
                operands.insert(0, target);
                self.deopting(b, op, operands, Imm::None, &fs, at);
            }
            Bc::MAKE_CELL => {
                let i = x.arg as usize;
                let v = st.locals[i];
                let cell = out(self.deopting(b, Opcode::MakeCell, vec![v], Imm::None, &fs, at));
                st.locals[i] = cell;
            }
            Bc::COPY_FREE_VARS => {
                let n = x.arg as usize;
                let base = st.locals.len() - n;
                for j in 0..n {
                    let cell = out(self.plain(b, Opcode::LoadClosureCell, vec![], Imm::Count(j as u32), at));
                    st.locals[base + j] = cell;
                }
            }
            Bc::LOAD_CLOSURE => {
                let cell = self.cell(st, x.arg)?;
                st.stack.push(Some(cell));
            }
            Bc::LOAD_DEREF => {
                let cell = self.cell(st, x.arg)?;
                let v = out(self.plain(b, Opcode::LoadCellItem, vec![cell], Imm::None, at));
                let v = out(self.deopting(b, Opcode::CheckVar, vec![v], Imm::Local(x.arg), &fs, at));
                st.stack.push(Some(v));
            }
            Bc::STORE_DEREF => {
                let cell = self.cell(st, x.arg)?;
                let v = Self::pop(st)?;
                self.plain(b, Opcode::SetCellItem, vec![cell, v], Imm::None, at);
            }
            Bc::MAKE_FUNCTION => {
                let code = Self::pop(st)?;
                let mut parts = vec![code];
                for bit in [8, 4, 2, 1] {
                    if x.arg & bit != 0 {
                        parts.push(Self::pop(st)?);
                    }
                }
                parts.reverse();
                let v = self.deopting(b, Opcode::MakeFunction, parts, Imm::Count(x.arg), &fs, at);
                st.stack.push(v);
            }
            Bc::YIELD_VALUE => {
                self.yield_value(b, st, x, idx)?;
                return Ok(true);
            }
            Bc::CALL_FUNCTION_EX => {
                let kwargs = if x.arg & 1 != 0 { Self::pop(st)? } else { self.null };
                let args = Self::pop(st)?;
                let callable = Self::pop(st)?;
                // The NULL (or self) slot below the callable.
                if st.stack.pop().is_none() {
                    return unsupported("stack underflow");
                }
                let v = self.deopting(b, Opcode::CallEx, vec![callable, args, kwargs], Imm::None, &fs, at);
                st.stack.push(v);
            }
            Bc::LIST_EXTEND | Bc::SET_UPDATE | Bc::DICT_UPDATE | Bc::DICT_MERGE => {
                let other = Self::pop(st)?;
                let n = x.arg as usize;
                let Some(Some(target)) = st.stack.len().checked_sub(n).and_then(|k| st.stack.get(k)).copied() else {
                    return unsupported(format!("{} without a container", x.op));
                };
                // DICT_MERGE names the called function in its errors.
                let func = match x.op {
                    Bc::DICT_MERGE => {
                        st.stack.len().checked_sub(n + 2).and_then(|k| st.stack.get(k)).copied().flatten()
                    }
                    _ => None,
                };
                let kind = match x.op {
                    Bc::LIST_EXTEND => 0,
                    Bc::SET_UPDATE => 1,
                    Bc::DICT_UPDATE => 2,
                    _ => 3,
                };
                let func = func.unwrap_or(self.null);
                self.deopting(b, Opcode::ContainerUpdate, vec![target, other, func], Imm::Count(kind), &fs, at);
            }
            Bc::LIST_TO_TUPLE => {
                let l = Self::pop(st)?;
                let l = if self.f.value_type(l).is_subtype(&Type::LIST) {
                    l
                } else {
                    out(self.plain(b, Opcode::RefineType, vec![l], Imm::Type(Type::LIST_EXACT), at))
                };
                let v = self.plain(b, Opcode::ListToTuple, vec![l], Imm::None, at);
                st.stack.push(v);
            }
            Bc::BUILD_CONST_KEY_MAP => {
                let keys = Self::pop(st)?;
                let mut items = Vec::with_capacity(x.arg as usize + 1);
                for _ in 0..x.arg {
                    items.push(Self::pop(st)?);
                }
                items.reverse();
                items.push(keys);
                let v = self.deopting(b, Opcode::MakeConstKeyDict, items, Imm::None, &fs, at);
                st.stack.push(v);
            }
            Bc::DELETE_SUBSCR => {
                let key = Self::pop(st)?;
                let container = Self::pop(st)?;
                self.deopting(b, Opcode::DeleteSubscr, vec![container, key], Imm::None, &fs, at);
            }
            Bc::LOAD_ASSERTION_ERROR | Bc::LOAD_BUILD_CLASS => {
                let kind = u32::from(x.op == Bc::LOAD_BUILD_CLASS);
                let v = self.deopting(b, Opcode::LoadBuiltin, vec![], Imm::Count(kind), &fs, at);
                st.stack.push(v);
            }
            Bc::UNPACK_EX => {
                let seq = Self::pop(st)?;
                let n = (x.arg & 0xff) + 1 + (x.arg >> 8);
                let t = out(self.deopting(b, Opcode::UnpackEx, vec![seq], Imm::Count(x.arg), &fs, at));
                // Item 0 ends on top of the stack.
                for k in (0..n).rev() {
                    let item = self.plain(b, Opcode::LoadTupleItem, vec![t], Imm::Count(k), at);
                    st.stack.push(item);
                }
            }
            other => return unsupported(format!("{other} is not supported by the JIT yet")),
        }
        Ok(false)
    }

    /// Loads constant `k` (refusing constants the resolver cannot give).
    fn load_const(&mut self, b: Block, k: u32, at: u32) -> Result<Value, BuildError> {
        let Some(t) = (self.const_type)(k as usize) else {
            return unsupported(format!("constant {k} cannot be loaded by the JIT yet"));
        };
        Ok(self.plain(b, Opcode::LoadConst, vec![], Imm::Type(t), at).expect("LoadConst output"))
    }

    /// The cell in local `i` (made by MAKE_CELL or COPY_FREE_VARS).
    fn cell(&self, st: &State, i: u32) -> Result<Value, BuildError> {
        let v = st.locals[i as usize];
        if self.f.value_type(v).is_subtype(&Type::CELL) {
            Ok(v)
        } else {
            unsupported("a cell variable whose cell is not known here")
        }
    }

    fn box_bool(&mut self, b: Block, c: Value, fs: &FrameState, at: u32) -> Value {
        self.deopting(b, Opcode::PrimitiveBox, vec![c], Imm::Type(Type::BOOL), fs, at).expect("box output")
    }
}

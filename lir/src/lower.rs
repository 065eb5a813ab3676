//! Final HIR -> Cranelift IR.
//!
//! Every HIR block becomes a Cranelift block whose parameters are its phis;
//! other HIR values map to Cranelift values directly (HIR is verified SSA, and
//! blocks are lowered in reverse post-order, so a definition is lowered before
//! its uses). The compiled function has the `JitEntry` shape: it takes the
//! interpreter frame and returns the result, or what the deopt helper returns.
//!
//! - Reference counts are inline: the immortal test (negative count), the
//!   increment or decrement, and a call to `Dealloc` when the last reference
//!   goes.
//! - Guards compare the header's type pointer or the object's address.
//! - Machine integer and double operations are machine instructions; integer
//!   add, subtract and multiply check for overflow.
//! - Everything else calls a runtime helper by address.
//! - An instruction that can fail gets a cold side exit: it stores the values
//!   its [`DeoptPoint`] lists into a stack array and jumps, with the point's
//!   index, to the function's one deopt tail, which calls the deopt helper and
//!   returns its result (a yield's exit calls it itself).
//!
//! Each lowered instruction carries its HIR instruction number as its source
//! location, so dumps can interleave HIR and machine code.

use std::collections::HashMap;

use cranelift_codegen::ir::condcodes::IntCC;
use cranelift_codegen::ir::{
    self, types, AbiParam, BlockArg, InstBuilder, MemFlagsData, SigRef, Signature, SourceLoc, StackSlot, StackSlotData,
    StackSlotKind, TrapCode, UserFuncName,
};
use cranelift_codegen::isa::TargetIsa;
use cranelift_frontend::{FunctionBuilder, FunctionBuilderContext};
use ember_compiler::bytecode::BinaryOp;
use ember_hir::ir::{Block, Function, Imm, Inst, Value};
use ember_hir::opcode::{flags, Opcode};
use ember_hir::types::Type;
use ember_hir::verify::reverse_postorder;

use crate::deopt::{counted, owned_at_deopts, DeoptPoint, DeoptReason, ValueKind};
use crate::helpers::Helper;
use crate::runtime::Runtime;

mod attr_ic;
mod boxing;
mod calls;
mod fastpath;
mod globals;
mod iter;
mod reuse;
mod yields;

/// Why a function could not be lowered (it then runs interpreted).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LowerError(pub String);

impl std::fmt::Display for LowerError {
    fn fmt(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

fn refuse<T>(what: impl Into<String>) -> Result<T, LowerError> {
    Err(LowerError(what.into()))
}

/// A lowered function: Cranelift IR plus the deopt points its side exits name.
pub struct Lowered {
    pub func: ir::Function,
    pub deopts: Vec<DeoptPoint>,
}

/// The Cranelift type of an HIR value.
fn clif_type(t: &Type) -> types::Type {
    if t.is_subtype(&Type::CDOUBLE) {
        types::F64
    } else if t.is_subtype(&Type::CBOOL) {
        types::I8
    } else {
        types::I64
    }
}

fn value_kind(t: &Type) -> ValueKind {
    if t.is_subtype(&Type::CDOUBLE) {
        ValueKind::CDouble
    } else if t.is_subtype(&Type::CBOOL) {
        ValueKind::CBool
    } else if t.is_primitive() && !t.could_be(&Type::OBJECT) {
        ValueKind::CInt64
    } else {
        ValueKind::Object
    }
}

/// Whether compiled code still owns a reference to `yielded` after a yield
/// took one for the caller: RefcountInsertion keeps one when the yield's
/// FrameState also mentions the value (it is stored in a frame slot too).
pub(crate) fn yield_keeps_ref(fs: &ember_hir::ir::FrameState, yielded: Value) -> bool {
    fs.locals.iter().chain(fs.stack.iter()).any(|v| *v == Some(yielded))
}

/// The signature of every compiled function: `(frame) -> object`.
pub fn entry_signature(isa: &dyn TargetIsa) -> Signature {
    let mut sig = Signature::new(isa.default_call_conv());
    sig.params.push(AbiParam::new(types::I64));
    sig.returns.push(AbiParam::new(types::I64));
    sig
}

/// Lowers `f` (final HIR: after RefcountInsertion) for `isa`.
pub fn lower(f: &Function, rt: &mut dyn Runtime, isa: &dyn TargetIsa) -> Result<Lowered, LowerError> {
    let mut func = ir::Function::with_name_signature(UserFuncName::user(0, 0), entry_signature(isa));
    let mut ctx = FunctionBuilderContext::new();
    let b = FunctionBuilder::new(&mut func, &mut ctx);
    let mut l = Lower {
        f,
        rt,
        b,
        call_conv: isa.default_call_conv(),
        frame: None,
        vals: HashMap::new(),
        second: HashMap::new(),
        blocks: HashMap::new(),
        sigs: HashMap::new(),
        scratch: None,
        deopt_tail: None,
        owned: owned_at_deopts(f),
        deopts: Vec::new(),
        reuse_next: None,
        reused: HashMap::new(),
        vectorcall_sig: None,
    };
    l.run()?;
    let Lower { mut b, deopts, .. } = l;
    b.seal_all_blocks();
    b.finalize(isa.frontend_config());
    Ok(Lowered { func, deopts })
}

pub(crate) struct Lower<'a> {
    f: &'a Function,
    rt: &'a mut dyn Runtime,
    b: FunctionBuilder<'a>,
    call_conv: cranelift_codegen::isa::CallConv,
    frame: Option<ir::Value>,
    vals: HashMap<Value, ir::Value>,
    /// The second results of `LoadMethod`s and `Send`s, by their first output.
    second: HashMap<Value, ir::Value>,
    blocks: HashMap<Block, ir::Block>,
    sigs: HashMap<Helper, SigRef>,
    /// One stack array for helper operands, out-parameters and deopt values.
    scratch: Option<(StackSlot, usize)>,
    /// The block every non-yield exit jumps to with its deopt point's index:
    /// it calls the `Deopt` helper and returns what that gives.
    deopt_tail: Option<ir::Block>,
    owned: HashMap<Inst, Vec<Value>>,
    deopts: Vec<DeoptPoint>,
    /// The operand whose box the `BinaryOp` being lowered may reuse, and the
    /// `Decref` that releases it (see `reuse`).
    reuse_next: Option<(usize, Inst)>,
    /// Those `Decref`s, with the flag telling whether the box was reused.
    reused: HashMap<Inst, ir::Value>,
    /// The vectorcall signature, once imported (see `calls`).
    vectorcall_sig: Option<ir::SigRef>,
}

fn trusted() -> MemFlagsData {
    MemFlagsData::trusted()
}

impl Lower<'_> {
    fn run(&mut self) -> Result<(), LowerError> {
        let order = reverse_postorder(self.f);
        self.scratch = Some(self.make_scratch(&order));
        let entry = self.b.create_block();
        self.b.append_block_params_for_function_params(entry);
        for &hb in &order {
            let cb = self.b.create_block();
            for p in self.f.phis(hb) {
                let out = self.f.inst(p).output.ok_or_else(|| LowerError("phi without output".into()))?;
                let param = self.b.append_block_param(cb, clif_type(self.f.value_type(out)));
                self.vals.insert(out, param);
            }
            self.blocks.insert(hb, cb);
        }
        self.b.switch_to_block(entry);
        self.frame = Some(self.b.block_params(entry)[0]);
        let first = self.blocks[&self.f.entry];
        if !self.f.phis(self.f.entry).is_empty() {
            return refuse("the entry block has phis");
        }
        self.b.ins().jump(first, &[]);
        for &hb in &order {
            self.b.switch_to_block(self.blocks[&hb]);
            let mut lasti: Option<u32> = None;
            let insts = &self.f.blocks[hb.index()].insts;
            for (k, &i) in insts.iter().enumerate() {
                let inst = self.f.inst(i);
                if inst.op == Opcode::Phi {
                    continue;
                }
                self.reuse_next = self.dying_operand(insts, k);
                self.b.set_srcloc(SourceLoc::new(i.0));
                // The frame's current instruction, before anything that may
                // look at it (once per bytecode instruction and block).
                if inst.op.has(flags::MAY_STORE) && inst.bc_offset.is_some() && inst.bc_offset != lasti {
                    lasti = inst.bc_offset;
                    let at = self.b.ins().iconst(types::I32, i64::from(lasti.unwrap_or(0)));
                    let (frame, off) = (self.frame(), self.rt.layout().frame_lasti);
                    self.b.ins().store(trusted(), at, frame, off);
                }
                self.inst(hb, i)?;
            }
        }
        Ok(())
    }

    /// The scratch array, sized for the largest need of any instruction.
    fn make_scratch(&mut self, order: &[Block]) -> (StackSlot, usize) {
        let mut words = 2usize;
        for &b in order {
            for &i in &self.f.blocks[b.index()].insts {
                let inst = self.f.inst(i);
                words = words.max(inst.operands.len());
                if let Some(fs) = &inst.frame_state {
                    let n = fs.locals.len() + fs.stack.len() + self.owned.get(&i).map_or(0, |o| o.len()) + 1;
                    words = words.max(n);
                }
            }
        }
        let slot =
            self.b.create_sized_stack_slot(StackSlotData::new(StackSlotKind::ExplicitSlot, (words * 8) as u32, 3));
        (slot, words)
    }

    fn scratch_addr(&mut self) -> ir::Value {
        let (slot, _) = self.scratch.expect("scratch slot");
        self.b.ins().stack_addr(types::I64, slot, 0)
    }

    fn frame(&self) -> ir::Value {
        self.frame.expect("frame parameter")
    }

    fn val(&self, v: Value) -> Result<ir::Value, LowerError> {
        self.vals.get(&v).copied().ok_or_else(|| LowerError(format!("{v} used before its definition was lowered")))
    }

    fn operands(&self, i: Inst) -> Result<Vec<ir::Value>, LowerError> {
        self.f.inst(i).operands.iter().map(|v| self.val(*v)).collect()
    }

    fn iconst(&mut self, v: i64) -> ir::Value {
        self.b.ins().iconst(types::I64, v)
    }

    /// Calls a helper; returns its result, if it has one.
    fn call(&mut self, h: Helper, args: &[ir::Value]) -> Option<ir::Value> {
        let sig = match self.sigs.get(&h) {
            Some(s) => *s,
            None => {
                let s = self.b.import_signature(h.signature(self.call_conv));
                self.sigs.insert(h, s);
                s
            }
        };
        let addr = self.rt.helper_addr(h) as i64;
        let callee = self.iconst(addr);
        let call = self.b.ins().call_indirect(sig, callee, args);
        self.b.inst_results(call).first().copied()
    }

    /// The site cache and name object of an attribute instruction, as
    /// constants.
    fn attr_site(&mut self, name: i64) -> Result<(ir::Value, ir::Value), LowerError> {
        let Some((cache, obj)) = u32::try_from(name).ok().and_then(|n| self.rt.attr_site(n)) else {
            return refuse(format!("no attribute name {name}"));
        };
        Ok((self.iconst(cache as i64), self.iconst(obj as i64)))
    }

    fn call1(&mut self, h: Helper, args: &[ir::Value]) -> ir::Value {
        self.call(h, args).expect("helper with a result")
    }

    /// Stores `vals` (64-bit each) into the scratch array; returns its address.
    fn array(&mut self, vals: &[ir::Value]) -> ir::Value {
        let base = self.scratch_addr();
        for (k, v) in vals.iter().enumerate() {
            self.b.ins().store(trusted(), *v, base, (8 * k) as i32);
        }
        base
    }

    fn define(&mut self, i: Inst, v: ir::Value) {
        if let Some(out) = self.f.inst(i).output {
            self.vals.insert(out, v);
        }
    }

    // --- side exits ---------------------------------------------------------

    /// Builds the deopt point for instruction `i` and emits its exit code in a
    /// new cold block, which is returned. The current block is unchanged.
    fn exit_block(
        &mut self,
        i: Inst,
        reason: DeoptReason,
        raised: bool,
        guilty: Option<Value>,
    ) -> Result<ir::Block, LowerError> {
        let here = self.b.current_block().expect("lowering inside a block");
        let exit = self.b.create_block();
        self.b.set_cold_block(exit);
        self.b.switch_to_block(exit);
        self.emit_exit(i, reason, raised, guilty)?;
        self.b.switch_to_block(here);
        Ok(exit)
    }

    /// Emits the exit code for instruction `i` into the current block.
    fn emit_exit(
        &mut self,
        i: Inst,
        reason: DeoptReason,
        raised: bool,
        guilty: Option<Value>,
    ) -> Result<(), LowerError> {
        let inst = self.f.inst(i);
        let Some(fs) = &inst.frame_state else { return refuse(format!("{} {i} has no FrameState", inst.op.name())) };
        let mut order: Vec<Value> = Vec::new();
        let index = |v: Value, order: &mut Vec<Value>| match order.iter().position(|x| *x == v) {
            Some(k) => k,
            None => {
                order.push(v);
                order.len() - 1
            }
        };
        let locals: Vec<Option<usize>> = fs.locals.iter().map(|v| v.map(|v| index(v, &mut order))).collect();
        let stack: Vec<Option<usize>> = fs.stack.iter().map(|v| v.map(|v| index(v, &mut order))).collect();
        let mut owned = self.owned.get(&i).cloned().unwrap_or_default();
        let yielded = reason == DeoptReason::Yield;
        if yielded && !yield_keeps_ref(fs, inst.operands[0]) {
            // The yield took compiled code's only reference to the value for
            // the caller.
            if let Some(k) = owned.iter().position(|v| *v == inst.operands[0]) {
                owned.remove(k);
            }
        }
        let release: Vec<usize> =
            owned.iter().filter(|v| counted(self.f, **v)).map(|v| index(*v, &mut order)).collect();
        let guilty = guilty.map(|v| index(v, &mut order));
        let values: Vec<ValueKind> = order.iter().map(|v| value_kind(self.f.value_type(*v))).collect();
        let next_instr = if raised { inst.bc_offset.unwrap_or(fs.next_instr) } else { fs.next_instr };
        let point =
            DeoptPoint { next_instr, raised, yielded, reason, values, locals, stack, release, guilty, origin: i };
        let (_, cap) = self.scratch.expect("scratch slot");
        if order.len() > cap {
            return refuse("deopt exit needs more values than the scratch array holds");
        }
        let mut words = Vec::with_capacity(order.len());
        for v in &order {
            let cv = self.val(*v)?;
            let w = if self.b.func.dfg.value_type(cv) == types::I8 { self.b.ins().uextend(types::I64, cv) } else { cv };
            words.push(w);
        }
        let arr = self.array(&words);
        let idx = self.iconst(self.deopts.len() as i64);
        self.deopts.push(point);
        if yielded {
            self.call_deopt(idx, arr);
            let v = self.val(inst.operands[0])?;
            self.b.ins().return_(&[v]);
        } else {
            // Every other exit ends the same way: one shared call site.
            let tail = match self.deopt_tail {
                Some(t) => t,
                None => {
                    let here = self.b.current_block().expect("lowering inside a block");
                    let t = self.b.create_block();
                    self.b.set_cold_block(t);
                    let idx = self.b.append_block_param(t, types::I64);
                    self.b.switch_to_block(t);
                    let arr = self.scratch_addr();
                    let r = self.call_deopt(idx, arr);
                    self.b.ins().return_(&[r]);
                    self.b.switch_to_block(here);
                    self.deopt_tail = Some(t);
                    t
                }
            };
            self.b.ins().jump(tail, &[idx.into()]);
        }
        Ok(())
    }

    /// Calls the `Deopt` helper for deopt point `idx` with its values at `arr`.
    fn call_deopt(&mut self, idx: ir::Value, arr: ir::Value) -> ir::Value {
        let table = self.rt.deopt_table_addr() as i64;
        let table = self.iconst(table);
        let frame = self.frame();
        self.call1(Helper::Deopt, &[frame, table, idx, arr])
    }

    /// Continues in a new block when `fail` is zero, else takes the exit.
    fn exit_if(&mut self, fail: ir::Value, exit: ir::Block) {
        let cont = self.b.create_block();
        self.b.ins().brif(fail, exit, &[], cont, &[]);
        self.b.switch_to_block(cont);
    }

    /// Raise exit when a helper's object result is null.
    fn check_null(&mut self, i: Inst, r: ir::Value) -> Result<(), LowerError> {
        let exit = self.exit_block(i, DeoptReason::Raise, true, None)?;
        let fail = self.b.ins().icmp_imm_s(IntCC::Equal, r, 0);
        self.exit_if(fail, exit);
        Ok(())
    }

    /// Raise exit when a helper's status is negative.
    fn check_status(&mut self, i: Inst, r: ir::Value) -> Result<(), LowerError> {
        let exit = self.exit_block(i, DeoptReason::Raise, true, None)?;
        let fail = self.b.ins().icmp_imm_s(IntCC::SignedLessThan, r, 0);
        self.exit_if(fail, exit);
        Ok(())
    }

    // --- reference counts ---------------------------------------------------

    /// Starts a refcount operation on `v`: returns the block to continue in
    /// afterwards and `v`'s count, having jumped there already for null (when
    /// `maybe_null`) and branched to it for an immortal object; the current
    /// block is then the mortal case.
    fn refcount_prologue(&mut self, v: ir::Value, maybe_null: bool) -> (ir::Block, ir::Value) {
        let done = self.b.create_block();
        if maybe_null {
            let nonnull = self.b.create_block();
            self.b.ins().brif(v, nonnull, &[], done, &[]);
            self.b.switch_to_block(nonnull);
        }
        let off = self.rt.layout().refcnt;
        let rc = self.b.ins().load(types::I64, trusted(), v, off);
        let immortal = self.b.ins().icmp_imm_s(IntCC::SignedLessThan, rc, 0);
        let mortal = self.b.create_block();
        self.b.ins().brif(immortal, done, &[], mortal, &[]);
        self.b.switch_to_block(mortal);
        (done, rc)
    }

    fn incref(&mut self, v: ir::Value, maybe_null: bool) {
        let (done, rc) = self.refcount_prologue(v, maybe_null);
        let off = self.rt.layout().refcnt;
        let rc1 = self.b.ins().iadd_imm_s(rc, 1);
        self.b.ins().store(trusted(), rc1, v, off);
        self.b.ins().jump(done, &[]);
        self.b.switch_to_block(done);
    }

    fn decref(&mut self, v: ir::Value, maybe_null: bool) {
        let (done, rc) = self.refcount_prologue(v, maybe_null);
        let off = self.rt.layout().refcnt;
        let last = self.b.ins().icmp_imm_s(IntCC::Equal, rc, 1);
        let free = self.b.create_block();
        let dec = self.b.create_block();
        self.b.set_cold_block(free);
        self.b.ins().brif(last, free, &[], dec, &[]);
        self.b.switch_to_block(dec);
        let rc1 = self.b.ins().iadd_imm_s(rc, -1);
        self.b.ins().store(trusted(), rc1, v, off);
        self.b.ins().jump(done, &[]);
        self.b.switch_to_block(free);
        self.free(v);
        self.b.ins().jump(done, &[]);
        self.b.switch_to_block(done);
    }

    // --- control flow -------------------------------------------------------

    /// The phi arguments `from` passes to `to`.
    fn edge_args(&self, from: Block, to: Block) -> Result<Vec<BlockArg>, LowerError> {
        let mut out = Vec::new();
        for p in self.f.phis(to) {
            let inst = self.f.inst(p);
            let Imm::Preds(preds) = &inst.imm else { return refuse("phi without predecessors") };
            let k =
                preds.iter().position(|b| *b == from).ok_or_else(|| LowerError(format!("phi in {to} lacks {from}")))?;
            out.push(BlockArg::Value(self.val(inst.operands[k])?));
        }
        Ok(out)
    }

    fn target(&self, b: Block) -> Result<ir::Block, LowerError> {
        self.blocks.get(&b).copied().ok_or_else(|| LowerError(format!("branch to unreachable {b}")))
    }

    // --- instructions -------------------------------------------------------

    fn inst(&mut self, hb: Block, i: Inst) -> Result<(), LowerError> {
        let inst = self.f.inst(i).clone();
        let ops = self.operands(i)?;
        let f = self.f;
        let ty = |k: usize| f.value_type(inst.operands[k]).clone();
        let imm_count = match inst.imm {
            Imm::Count(n) => n as i64,
            Imm::Local(n) | Imm::Name(n) => n as i64,
            _ => 0,
        };
        match inst.op {
            Opcode::LoadArg => {
                let off = self.rt.layout().frame_slots + 8 * imm_count as i32;
                let frame = self.frame();
                let v = self.b.ins().load(types::I64, trusted(), frame, off);
                self.define(i, v);
            }
            Opcode::LoadConst => {
                let Imm::Type(t) = &inst.imm else { return refuse("LoadConst without a type") };
                let v = self.constant(t)?;
                self.define(i, v);
            }
            Opcode::LoadCurrentFunc => {
                let off = self.rt.layout().frame_func;
                let frame = self.frame();
                let v = self.b.ins().load(types::I64, trusted(), frame, off);
                self.define(i, v);
            }
            Opcode::Assign | Opcode::RefineType => self.define(i, ops[0]),
            Opcode::Phi | Opcode::Snapshot => {}
            Opcode::GuardType => {
                let Imm::Type(t) = &inst.imm else { return refuse("GuardType without a type") };
                let Some(addr) = self.rt.exact_type_addr(&t.unspecialized()) else {
                    return refuse(format!("cannot guard on type {t}"));
                };
                if t.is_specialized() {
                    return refuse(format!("cannot guard on specialised type {t}"));
                }
                let exit = self.exit_block(i, DeoptReason::GuardType, false, Some(inst.operands[0]))?;
                if ty(0).could_be(&Type::NULLPTR) {
                    let null = self.b.ins().icmp_imm_s(IntCC::Equal, ops[0], 0);
                    self.exit_if(null, exit);
                }
                let off = self.rt.layout().ob_type;
                let tp = self.b.ins().load(types::I64, trusted(), ops[0], off);
                let bad = self.b.ins().icmp_imm_s(IntCC::NotEqual, tp, addr as i64);
                self.exit_if(bad, exit);
                self.define(i, ops[0]);
            }
            Opcode::GuardIs => {
                let Imm::Type(t) = &inst.imm else { return refuse("GuardIs without a type") };
                let Some(addr) = self.rt.const_object(t) else { return refuse(format!("no object for {t}")) };
                let exit = self.exit_block(i, DeoptReason::GuardIs, false, Some(inst.operands[0]))?;
                let bad = self.b.ins().icmp_imm_s(IntCC::NotEqual, ops[0], addr as i64);
                self.exit_if(bad, exit);
                self.define(i, ops[0]);
            }
            Opcode::CheckVar => {
                let exit = self.exit_block(i, DeoptReason::UnboundLocal, false, None)?;
                let null = self.b.ins().icmp_imm_s(IntCC::Equal, ops[0], 0);
                self.exit_if(null, exit);
                self.define(i, ops[0]);
            }
            Opcode::CheckSignals => {
                // The flag inline; the helper (which raises) only when it is set.
                let addr = self.rt.layout().signal_pending as i64;
                let addr = self.iconst(addr);
                let flag = self.b.ins().load(types::I8, trusted(), addr, 0);
                let (raise, cont) = (self.b.create_block(), self.b.create_block());
                self.b.set_cold_block(raise);
                self.b.ins().brif(flag, raise, &[], cont, &[]);
                self.b.switch_to_block(raise);
                let r = self.call1(Helper::CheckSignals, &[]);
                self.check_status(i, r)?;
                self.b.ins().jump(cont, &[]);
                self.b.switch_to_block(cont);
            }
            Opcode::Incref | Opcode::XIncref => self.incref(ops[0], inst.op == Opcode::XIncref),
            Opcode::Decref if self.reused.contains_key(&i) => {
                let flag = self.reused[&i];
                self.decref_unless(ops[0], flag);
            }
            Opcode::Decref | Opcode::XDecref => self.decref(ops[0], inst.op == Opcode::XDecref),
            Opcode::LoadGlobal => self.emit_load_global(i, imm_count)?,
            Opcode::StoreGlobal => {
                let (frame, idx) = (self.frame(), self.iconst(imm_count));
                let r = self.call1(Helper::StoreGlobal, &[frame, idx, ops[0]]);
                self.check_status(i, r)?;
            }
            Opcode::LoadAttr => self.emit_load_attr(i, ops[0], imm_count)?,
            Opcode::StoreAttr => self.emit_store_attr(i, ops[0], ops[1], imm_count)?,
            Opcode::LoadMethod => {
                let (first, second) = self.emit_load_method(i, ops[0], imm_count)?;
                self.define(i, first);
                if let Some(o) = inst.output {
                    self.second.insert(o, second);
                }
            }
            Opcode::GetSecondOutput => {
                let v = self.second.get(&inst.operands[0]).copied();
                let Some(v) = v else { return refuse("GetSecondOutput of an instruction with one output") };
                self.define(i, v);
            }
            Opcode::CallMethod | Opcode::VectorCall => self.emit_call(i, inst.op, &ops)?,
            Opcode::CallMethodKw => {
                let arr = self.array(&ops);
                let n = self.iconst(ops.len() as i64);
                let kw = self.iconst(1);
                let r = self.call1(Helper::Call, &[arr, n, kw]);
                self.check_null(i, r)?;
                self.define(i, r);
            }
            Opcode::BinaryOp | Opcode::Compare => {
                let r = self.arith(i, &inst.imm, &ops)?;
                self.define(i, r);
            }
            Opcode::UnaryOp => {
                let k = self.iconst(imm_count);
                let r = self.call1(Helper::UnaryOp, &[ops[0], k]);
                self.check_null(i, r)?;
                self.define(i, r);
            }
            Opcode::IsTruthy => {
                // True and False first; everything else not below through the helper.
                let layout = self.rt.layout().clone();
                let done = self.b.create_block();
                let result = self.b.append_block_param(done, types::I8);
                let (one, zero) = (self.b.ins().iconst(types::I8, 1), self.b.ins().iconst(types::I8, 0));
                let not_true = self.b.create_block();
                let is_true = self.b.ins().icmp_imm_s(IntCC::Equal, ops[0], layout.true_obj as i64);
                self.b.ins().brif(is_true, done, &[BlockArg::Value(one)], not_true, &[]);
                self.b.switch_to_block(not_true);
                let slow = self.b.create_block();
                let is_false = self.b.ins().icmp_imm_s(IntCC::Equal, ops[0], layout.false_obj as i64);
                self.b.ins().brif(is_false, done, &[BlockArg::Value(zero)], slow, &[]);
                self.b.switch_to_block(slow);
                // None, and exact ints holding a machine word, inline too.
                if let Some(none) = self.rt.const_object(&Type::NONE_TYPE) {
                    let not_none = self.b.create_block();
                    let is_none = self.b.ins().icmp_imm_s(IntCC::Equal, ops[0], none as i64);
                    self.b.ins().brif(is_none, done, &[BlockArg::Value(zero)], not_none, &[]);
                    self.b.switch_to_block(not_none);
                }
                let (int, word, helper) = (self.b.create_block(), self.b.create_block(), self.b.create_block());
                let ty = self.b.ins().load(types::I64, trusted(), ops[0], layout.ob_type);
                let is_int = self.b.ins().icmp_imm_s(IntCC::Equal, ty, layout.int_type as i64);
                self.b.ins().brif(is_int, int, &[], helper, &[]);
                self.b.switch_to_block(int);
                let big = self.b.ins().load(types::I64, trusted(), ops[0], layout.int_big);
                self.b.ins().brif(big, helper, &[], word, &[]);
                self.b.switch_to_block(word);
                let value = self.b.ins().load(types::I64, trusted(), ops[0], layout.int_value);
                let nonzero = self.b.ins().icmp_imm_s(IntCC::NotEqual, value, 0);
                self.b.ins().jump(done, &[BlockArg::Value(nonzero)]);
                self.b.switch_to_block(helper);
                let r = self.call1(Helper::IsTruthy, &[ops[0]]);
                self.check_status(i, r)?;
                let v = self.b.ins().ireduce(types::I8, r);
                self.b.ins().jump(done, &[BlockArg::Value(v)]);
                self.b.switch_to_block(done);
                self.define(i, result);
            }
            Opcode::Contains => {
                let r = self.call1(Helper::Contains, &[ops[0], ops[1]]);
                self.check_status(i, r)?;
                let v = self.b.ins().ireduce(types::I8, r);
                self.define(i, v);
            }
            Opcode::IsSame => {
                let v = self.b.ins().icmp(IntCC::Equal, ops[0], ops[1]);
                self.define(i, v);
            }
            Opcode::BoolNot => {
                let v = self.b.ins().icmp_imm_s(IntCC::Equal, ops[0], 0);
                self.define(i, v);
            }
            Opcode::LoadSubscr => {
                let r = self.call1(Helper::LoadSubscr, &[ops[0], ops[1]]);
                self.check_null(i, r)?;
                self.define(i, r);
            }
            Opcode::StoreSubscr => {
                let r = self.call1(Helper::StoreSubscr, &[ops[0], ops[1], ops[2]]);
                self.check_status(i, r)?;
            }
            Opcode::GetIter => {
                let r = self.call1(Helper::GetIter, &[ops[0]]);
                self.check_null(i, r)?;
                self.define(i, r);
            }
            Opcode::GetAwaitable => {
                let arg = self.iconst(imm_count);
                let r = self.call1(Helper::GetAwaitable, &[ops[0], arg]);
                self.check_null(i, r)?;
                self.define(i, r);
            }
            Opcode::GetYieldFromIter => {
                let frame = self.frame();
                let r = self.call1(Helper::GetYieldFromIter, &[frame, ops[0]]);
                self.check_null(i, r)?;
                self.define(i, r);
            }
            Opcode::Send => {
                let out = self.scratch_addr();
                let r = self.call1(Helper::Send, &[ops[0], ops[1], out]);
                self.check_status(i, r)?;
                let out = self.scratch_addr();
                let yielded = self.b.ins().load(types::I64, trusted(), out, 0);
                let returned = self.b.ins().load(types::I64, trusted(), out, 8);
                self.define(i, yielded);
                if let Some(o) = inst.output {
                    self.second.insert(o, returned);
                }
            }
            Opcode::ForIter => self.emit_for_iter(i, ops[0])?,
            Opcode::UnpackSequence => {
                let n = self.iconst(imm_count);
                let r = self.call1(Helper::UnpackSequence, &[ops[0], n]);
                self.check_null(i, r)?;
                self.define(i, r);
            }
            Opcode::LoadTupleItem => {
                let k = self.iconst(imm_count);
                let r = self.call1(Helper::TupleItem, &[ops[0], k]);
                self.define(i, r);
            }
            Opcode::MakeCell => {
                let r = self.call1(Helper::MakeCell, &[ops[0]]);
                self.define(i, r);
            }
            Opcode::LoadClosureCell => {
                let (frame, k) = (self.frame(), self.iconst(imm_count));
                let r = self.call1(Helper::LoadClosureCell, &[frame, k]);
                self.define(i, r);
            }
            Opcode::LoadCellItem => {
                let r = self.call1(Helper::LoadCellItem, &[ops[0]]);
                self.define(i, r);
            }
            Opcode::SetCellItem => {
                self.call(Helper::SetCellItem, &[ops[0], ops[1]]);
            }
            Opcode::MakeFunction => {
                let arr = self.array(&ops);
                let (frame, n, flags) = (self.frame(), self.iconst(ops.len() as i64), self.iconst(imm_count));
                let r = self.call1(Helper::MakeFunction, &[frame, arr, n, flags]);
                self.check_null(i, r)?;
                self.define(i, r);
            }
            Opcode::MakeList | Opcode::MakeTuple | Opcode::MakeDict | Opcode::MakeSet | Opcode::BuildString => {
                let arr = self.array(&ops);
                let n = self.iconst(ops.len() as i64);
                let (h, can_fail) = match inst.op {
                    Opcode::MakeList => (Helper::MakeList, false),
                    Opcode::MakeTuple => (Helper::MakeTuple, false),
                    Opcode::MakeDict => (Helper::MakeDict, true),
                    Opcode::MakeSet => (Helper::MakeSet, true),
                    _ => (Helper::BuildString, true),
                };
                let r = self.call1(h, &[arr, n]);
                if can_fail {
                    self.check_null(i, r)?;
                }
                self.define(i, r);
            }
            Opcode::MakeSlice => {
                let r = self.call1(Helper::MakeSlice, &[ops[0], ops[1], ops[2]]);
                self.define(i, r);
            }
            Opcode::DictSetItem => {
                let r = self.call1(Helper::DictSetItem, &[ops[0], ops[1], ops[2]]);
                self.check_status(i, r)?;
            }
            Opcode::SetAdd | Opcode::ListAppend => {
                let h = if inst.op == Opcode::SetAdd { Helper::SetAdd } else { Helper::ListAppend };
                let r = self.call1(h, &[ops[0], ops[1]]);
                self.check_status(i, r)?;
            }
            Opcode::FormatValue => {
                let conv = self.iconst(imm_count);
                let r = self.call1(Helper::FormatValue, &[ops[0], ops[1], conv]);
                self.check_null(i, r)?;
                self.define(i, r);
            }
            Opcode::CallEx => {
                let r = self.call1(Helper::CallEx, &[ops[0], ops[1], ops[2]]);
                self.check_null(i, r)?;
                self.define(i, r);
            }
            Opcode::ContainerUpdate => {
                let kind = self.iconst(imm_count);
                let r = self.call1(Helper::ContainerUpdate, &[ops[0], ops[1], ops[2], kind]);
                self.check_status(i, r)?;
            }
            Opcode::ListToTuple => {
                let r = self.call1(Helper::ListToTuple, &[ops[0]]);
                self.define(i, r);
            }
            Opcode::MakeConstKeyDict => {
                let arr = self.array(&ops);
                let n = self.iconst(ops.len() as i64);
                let r = self.call1(Helper::MakeConstKeyDict, &[arr, n]);
                self.check_null(i, r)?;
                self.define(i, r);
            }
            Opcode::DeleteSubscr => {
                let r = self.call1(Helper::DeleteSubscr, &[ops[0], ops[1]]);
                self.check_status(i, r)?;
            }
            Opcode::LoadBuiltin => {
                let (frame, kind) = (self.frame(), self.iconst(imm_count));
                let r = self.call1(Helper::LoadBuiltin, &[frame, kind]);
                self.check_null(i, r)?;
                self.define(i, r);
            }
            Opcode::UnpackEx => {
                let arg = self.iconst(imm_count);
                let r = self.call1(Helper::UnpackEx, &[ops[0], arg]);
                self.check_null(i, r)?;
                self.define(i, r);
            }
            Opcode::PrimitiveUnbox => {
                let Imm::Type(t) = &inst.imm else { return refuse("PrimitiveUnbox without a type") };
                let v = if t.is_subtype(&Type::CDOUBLE) {
                    self.call1(Helper::UnboxFloat, &[ops[0]])
                } else if let Some(c) = ty(0).as_i64() {
                    self.iconst(c)
                } else {
                    return refuse("unboxing an int that is not a constant");
                };
                self.define(i, v);
            }
            Opcode::PrimitiveBox => {
                let Imm::Type(t) = &inst.imm else { return refuse("PrimitiveBox without a type") };
                let v = if t.is_subtype(&Type::BOOL) {
                    let layout = self.rt.layout().clone();
                    let (yes, no) = (self.iconst(layout.true_obj as i64), self.iconst(layout.false_obj as i64));
                    self.b.ins().select(ops[0], yes, no)
                } else if t.is_subtype(&Type::FLOAT) {
                    self.box_float(ops[0])
                } else if t.is_subtype(&Type::LONG) {
                    self.box_long(ops[0])
                } else {
                    return refuse(format!("cannot box as {t}"));
                };
                self.define(i, v);
            }
            Opcode::IntBinaryOp => self.int_binop(i, &inst.imm, &ops)?,
            Opcode::DoubleBinaryOp => {
                let Imm::BinaryOp(op) = inst.imm else { return refuse("operator immediate") };
                let v = match op.base() {
                    BinaryOp::Add => self.b.ins().fadd(ops[0], ops[1]),
                    BinaryOp::Subtract => self.b.ins().fsub(ops[0], ops[1]),
                    BinaryOp::Multiply => self.b.ins().fmul(ops[0], ops[1]),
                    other => return refuse(format!("double operator {other:?}")),
                };
                self.define(i, v);
            }
            Opcode::PrimitiveCompare => {
                let Imm::CompareOp(op) = inst.imm else { return refuse("comparison immediate") };
                let v = if ty(0).is_subtype(&Type::CDOUBLE) {
                    self.b.ins().fcmp(fastpath::float_cc(op), ops[0], ops[1])
                } else {
                    self.b.ins().icmp(fastpath::int_cc(op), ops[0], ops[1])
                };
                self.define(i, v);
            }
            Opcode::SequenceLen => {
                let r = self.call1(Helper::SequenceLen, &[ops[0]]);
                self.define(i, r);
            }
            Opcode::Branch => {
                let Imm::Target(t) = inst.imm else { return refuse("Branch without a target") };
                let args = self.edge_args(hb, t)?;
                let cb = self.target(t)?;
                self.b.ins().jump(cb, &args);
            }
            Opcode::CondBranch => {
                let Imm::Targets(t, e) = inst.imm else { return refuse("CondBranch without targets") };
                let (targs, eargs) = (self.edge_args(hb, t)?, self.edge_args(hb, e)?);
                let (tb, eb) = (self.target(t)?, self.target(e)?);
                self.b.ins().brif(ops[0], tb, &targs, eb, &eargs);
            }
            Opcode::Return => {
                self.b.ins().return_(&[ops[0]]);
            }
            Opcode::Deopt => self.emit_exit(i, DeoptReason::Unhandled, false, None)?,
            Opcode::YieldValue => self.emit_yield(i)?,
            Opcode::InterpretFrame => {
                // The entry protocol's "continue in the interpreter" (DEOPT_RESUME).
                let resume = self.iconst(crate::runtime::DEOPT_RESUME);
                self.b.ins().return_(&[resume]);
            }
            Opcode::LoadFrameLasti => {
                let (frame, off) = (self.frame(), self.rt.layout().frame_lasti);
                let v = self.b.ins().load(types::I32, trusted(), frame, off);
                let v = self.b.ins().sextend(types::I64, v);
                self.define(i, v);
            }
            Opcode::Unreachable => {
                self.b.ins().trap(TrapCode::user(1).expect("user trap code"));
            }
        }
        Ok(())
    }

    fn int_binop(&mut self, i: Inst, imm: &Imm, ops: &[ir::Value]) -> Result<(), LowerError> {
        let Imm::BinaryOp(op) = imm else { return refuse("operator immediate") };
        let (x, y) = (ops[0], ops[1]);
        let checked = |l: &mut Self, (v, of): (ir::Value, ir::Value)| -> Result<ir::Value, LowerError> {
            let exit = l.exit_block(i, DeoptReason::Overflow, false, None)?;
            l.exit_if(of, exit);
            Ok(v)
        };
        let v = match op.base() {
            BinaryOp::Add => {
                let r = self.b.ins().sadd_overflow(x, y);
                checked(self, r)?
            }
            BinaryOp::Subtract => {
                let r = self.b.ins().ssub_overflow(x, y);
                checked(self, r)?
            }
            BinaryOp::Multiply => {
                let r = self.b.ins().smul_overflow(x, y);
                checked(self, r)?
            }
            BinaryOp::And => self.b.ins().band(x, y),
            BinaryOp::Or => self.b.ins().bor(x, y),
            BinaryOp::Xor => self.b.ins().bxor(x, y),
            other => return refuse(format!("machine integer operator {other:?}")),
        };
        self.define(i, v);
        Ok(())
    }

    /// A constant's machine value.
    fn constant(&mut self, t: &Type) -> Result<ir::Value, LowerError> {
        if t.is_subtype(&Type::NULLPTR) {
            return Ok(self.iconst(0));
        }
        if t.is_subtype(&Type::CDOUBLE) {
            let Some(v) = t.as_f64() else { return refuse(format!("constant {t}")) };
            return Ok(self.b.ins().f64const(v));
        }
        if t.is_subtype(&Type::CBOOL) {
            let Some(v) = t.as_bool() else { return refuse(format!("constant {t}")) };
            return Ok(self.b.ins().iconst(types::I8, i64::from(v)));
        }
        if t.is_primitive() {
            let v = t.as_i64().or_else(|| t.as_u64().map(|u| u as i64)).or_else(|| t.as_ptr().map(|p| p as i64));
            let Some(v) = v else { return refuse(format!("constant {t}")) };
            return Ok(self.iconst(v));
        }
        match self.rt.const_object(t) {
            Some(addr) => Ok(self.iconst(addr as i64)),
            None => refuse(format!("no object for constant {t}")),
        }
    }
}

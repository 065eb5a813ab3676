//! Expressions, conditional jumps, and compile-time constant folding of their
//! results.

use super::consts::{from_ast, truthy};
use super::ir::{Label, Op};
use super::{fold, Compiler, Ctx, Result, UnitKind};
use crate::bytecode::{CompareOp, Opcode};
use crate::code::Constant;
use crate::symtable::ScopeKind;
use rustpython_parser::ast::{self, CmpOp, Expr, Ranged};

/// The instruction implementing a comparison operator.
fn compare_op(op: &CmpOp) -> (Opcode, u32) {
    match op {
        CmpOp::Eq => (Opcode::COMPARE_OP, CompareOp::Eq as u32),
        CmpOp::NotEq => (Opcode::COMPARE_OP, CompareOp::Ne as u32),
        CmpOp::Lt => (Opcode::COMPARE_OP, CompareOp::Lt as u32),
        CmpOp::LtE => (Opcode::COMPARE_OP, CompareOp::Le as u32),
        CmpOp::Gt => (Opcode::COMPARE_OP, CompareOp::Gt as u32),
        CmpOp::GtE => (Opcode::COMPARE_OP, CompareOp::Ge as u32),
        CmpOp::Is => (Opcode::IS_OP, 0),
        CmpOp::IsNot => (Opcode::IS_OP, 1),
        CmpOp::In => (Opcode::CONTAINS_OP, 0),
        CmpOp::NotIn => (Opcode::CONTAINS_OP, 1),
    }
}

/// The compile-time truth value of an expression, if it is a constant.
pub(super) fn const_truth(e: &Expr) -> Option<bool> {
    match e {
        Expr::Constant(c) => Some(truthy(&from_ast(&c.value))),
        Expr::Name(n) if n.id.as_str() == "__debug__" => Some(true),
        _ => None,
    }
}

impl<'a> Compiler<'a> {
    pub(super) fn compile_expr(&mut self, e: &'a Expr) -> Result {
        let saved = self.unit().loc;
        self.set_loc(e.range());
        self.compile_expr_inner(e)?;
        self.unit().loc = saved;
        Ok(())
    }

    fn compile_expr_inner(&mut self, e: &'a Expr) -> Result {
        match e {
            Expr::BoolOp(b) => {
                let op = match b.op {
                    ast::BoolOp::And => Opcode::JUMP_IF_FALSE_OR_POP,
                    ast::BoolOp::Or => Opcode::JUMP_IF_TRUE_OR_POP,
                };
                let end = self.new_label();
                let n = b.values.len();
                for (i, v) in b.values.iter().enumerate() {
                    self.compile_expr(v)?;
                    if i + 1 < n {
                        self.emit_jump(op, end);
                    }
                }
                self.bind(end);
            }
            Expr::NamedExpr(n) => {
                self.compile_expr(&n.value)?;
                self.emit_arg(Opcode::COPY, 1);
                self.compile_store(&n.target)?;
            }
            Expr::BinOp(b) => {
                self.compile_expr(&b.left)?;
                self.compile_expr(&b.right)?;
                if !self.try_fold(2, |c| fold::binary(b.op, &c[0], &c[1])) {
                    self.emit_arg(Opcode::BINARY_OP, super::stmt::binop(b.op) as u32);
                }
            }
            Expr::UnaryOp(u) => {
                // `not (a is b)` -> `a is not b`, and likewise for `in`.
                if let (ast::UnaryOp::Not, Expr::Compare(c)) = (u.op, &*u.operand) {
                    if let ([op], [right]) = (c.ops.as_slice(), c.comparators.as_slice()) {
                        let inverted = match op {
                            CmpOp::Is => Some((Opcode::IS_OP, 1)),
                            CmpOp::IsNot => Some((Opcode::IS_OP, 0)),
                            CmpOp::In => Some((Opcode::CONTAINS_OP, 1)),
                            CmpOp::NotIn => Some((Opcode::CONTAINS_OP, 0)),
                            _ => None,
                        };
                        if let Some((op, arg)) = inverted {
                            self.compile_expr(&c.left)?;
                            self.compile_expr(right)?;
                            self.emit_arg(op, arg);
                            return Ok(());
                        }
                    }
                }
                self.compile_expr(&u.operand)?;
                if !self.try_fold(1, |c| fold::unary(u.op, &c[0])) {
                    self.emit(match u.op {
                        ast::UnaryOp::Invert => Opcode::UNARY_INVERT,
                        ast::UnaryOp::Not => Opcode::UNARY_NOT,
                        ast::UnaryOp::UAdd => Opcode::UNARY_POSITIVE,
                        ast::UnaryOp::USub => Opcode::UNARY_NEGATIVE,
                    });
                }
            }
            Expr::Lambda(l) => self.compile_lambda(l)?,
            Expr::IfExp(i) => {
                let end = self.new_label();
                let next = self.new_label();
                self.jump_if(&i.test, next, false)?;
                self.compile_expr(&i.body)?;
                self.emit_jump_noline(Opcode::JUMP, end);
                self.bind(next);
                self.compile_expr(&i.orelse)?;
                self.bind(end);
            }
            Expr::Dict(d) => self.compile_dict(d)?,
            Expr::Set(s) => self.starunpack(&s.elts, 0, Seq::Set)?,
            Expr::ListComp(c) => self.compile_comprehension(e, &c.generators, &c.elt, None)?,
            Expr::SetComp(c) => self.compile_comprehension(e, &c.generators, &c.elt, None)?,
            Expr::DictComp(c) => self.compile_comprehension(e, &c.generators, &c.key, Some(&c.value))?,
            Expr::GeneratorExp(c) => self.compile_comprehension(e, &c.generators, &c.elt, None)?,
            Expr::Await(a) => {
                let kind = self.unit_ref().kind;
                if self.scope().kind != ScopeKind::Function {
                    return Err(self.error("'await' outside function", a.range));
                }
                if kind != UnitKind::AsyncFunction && kind != UnitKind::Comprehension {
                    return Err(self.error("'await' outside async function", a.range));
                }
                self.compile_expr(&a.value)?;
                self.emit_arg(Opcode::GET_AWAITABLE, 0);
                self.load_const(Constant::None);
                self.emit_yield_from_loop();
            }
            Expr::Yield(y) => {
                if self.scope().kind != ScopeKind::Function {
                    return Err(self.error("'yield' outside function", y.range));
                }
                match &y.value {
                    Some(v) => self.compile_expr(v)?,
                    None => self.load_const(Constant::None),
                }
                self.emit_yield();
            }
            Expr::YieldFrom(y) => {
                if self.scope().kind != ScopeKind::Function {
                    return Err(self.error("'yield' outside function", y.range));
                }
                if self.unit_ref().kind == UnitKind::AsyncFunction {
                    return Err(self.error("'yield from' inside async function", y.range));
                }
                self.compile_expr(&y.value)?;
                self.emit(Opcode::GET_YIELD_FROM_ITER);
                self.load_const(Constant::None);
                self.emit_yield_from_loop();
            }
            Expr::Compare(c) => self.compile_compare(c)?,
            Expr::Call(c) => self.compile_call(c)?,
            Expr::FormattedValue(f) => {
                self.compile_expr(&f.value)?;
                let mut arg = match f.conversion {
                    ast::ConversionFlag::None => 0,
                    ast::ConversionFlag::Str => 1,
                    ast::ConversionFlag::Repr => 2,
                    ast::ConversionFlag::Ascii => 3,
                };
                if let Some(spec) = &f.format_spec {
                    self.compile_expr(spec)?;
                    arg |= 4;
                }
                self.emit_arg(Opcode::FORMAT_VALUE, arg);
            }
            Expr::JoinedStr(j) => {
                let n = j.values.len();
                if n > super::STACK_USE_GUIDELINE {
                    // "".join([...]) keeps the stack small.
                    self.load_const(Constant::Str(String::new()));
                    self.emit_name_raw(Opcode::LOAD_METHOD, "join");
                    self.emit_arg(Opcode::BUILD_LIST, 0);
                    for v in &j.values {
                        self.compile_expr(v)?;
                        self.emit_arg(Opcode::LIST_APPEND, 1);
                    }
                    self.emit_arg(Opcode::CALL, 1);
                } else {
                    for v in &j.values {
                        self.compile_expr(v)?;
                    }
                    if n != 1 {
                        self.emit_arg(Opcode::BUILD_STRING, n as u32);
                    }
                }
            }
            Expr::Constant(c) => self.load_const(from_ast(&c.value)),
            Expr::Attribute(a) => {
                self.compile_expr(&a.value)?;
                self.set_attr_loc(a, a.range);
                self.emit_name(Opcode::LOAD_ATTR, &a.attr);
            }
            Expr::Subscript(s) => {
                self.compile_expr(&s.value)?;
                self.compile_subscript_key(&s.slice)?;
                self.set_loc(s.range);
                self.emit(Opcode::BINARY_SUBSCR);
            }
            Expr::Starred(s) => return Err(self.error("can't use starred expression here", s.range)),
            Expr::Name(n) => {
                if n.id.as_str() == "__debug__" {
                    self.load_const(Constant::Bool(true));
                } else {
                    self.name_op(&n.id, Ctx::Load);
                }
            }
            Expr::List(l) => self.starunpack(&l.elts, 0, Seq::List)?,
            Expr::Tuple(t) => self.starunpack(&t.elts, 0, Seq::Tuple)?,
            Expr::Slice(s) => {
                // A bare slice outside a subscript (only reachable through odd ASTs).
                self.compile_slice(s)?;
            }
        }
        Ok(())
    }

    /// Compiles a subscript's key; a slice becomes `BUILD_SLICE`.
    pub(super) fn compile_subscript_key(&mut self, key: &'a Expr) -> Result {
        match key {
            Expr::Slice(s) => {
                let saved = self.unit().loc;
                self.set_loc(s.range);
                self.compile_slice(s)?;
                self.unit().loc = saved;
                Ok(())
            }
            // `x[*a]` subscripts with the tuple `(*a,)`.
            Expr::Starred(_) => self.starunpack(std::slice::from_ref(key), 0, Seq::Tuple),
            other => self.compile_expr(other),
        }
    }

    fn compile_slice(&mut self, s: &'a ast::ExprSlice) -> Result {
        for part in [&s.lower, &s.upper] {
            match part {
                Some(e) => self.compile_expr(e)?,
                None => self.load_const(Constant::None),
            }
        }
        let n = if let Some(step) = &s.step {
            self.compile_expr(step)?;
            3
        } else {
            2
        };
        self.emit_arg(Opcode::BUILD_SLICE, n);
        Ok(())
    }

    /// The iterable of a `for` or comprehension: a list display is built as a
    /// tuple (cheaper, and constant when its items are).
    pub(super) fn compile_iterable(&mut self, e: &'a Expr) -> Result {
        match e {
            Expr::List(l) if !l.elts.iter().any(|x| matches!(x, Expr::Starred(_))) => {
                let saved = self.unit().loc;
                self.set_loc(l.range);
                self.starunpack(&l.elts, 0, Seq::Tuple)?;
                self.unit().loc = saved;
                Ok(())
            }
            _ => self.compile_expr(e),
        }
    }

    /// Replaces the last `n` `LOAD_CONST`s by the folded constant, if `f` folds them.
    pub(super) fn try_fold(&mut self, n: usize, f: impl FnOnce(&[Constant]) -> Option<Constant>) -> bool {
        let Some(tail) = self.unit_ref().buf.last_n_consts(n) else {
            return false;
        };
        let args: Vec<u32> = tail.iter().map(|i| i.arg).collect();
        let values: Vec<Constant> = args.iter().map(|&i| self.const_value(i).clone()).collect();
        let Some(folded) = f(&values) else {
            return false;
        };
        self.unit().buf.truncate_last(n);
        self.load_const(folded);
        true
    }

    /// `yield` of one value (wrapped for async generators).
    pub(super) fn emit_yield(&mut self) {
        let scope = self.scope();
        if scope.generator && scope.coroutine {
            self.emit(Opcode::ASYNC_GEN_WRAP);
        }
        self.emit_arg(Opcode::YIELD_VALUE, 0);
    }

    /// The delegation loop of `yield from` / `await`: `[iter, v] -> [result]`.
    pub(super) fn emit_yield_from_loop(&mut self) {
        let start = self.new_label();
        let exit = self.new_label();
        self.bind(start);
        self.emit_jump(Opcode::SEND, exit);
        self.emit_arg(Opcode::YIELD_VALUE, 1);
        self.emit_jump(Opcode::JUMP, start);
        self.bind(exit);
    }

    fn compile_compare(&mut self, c: &'a ast::ExprCompare) -> Result {
        self.compile_expr(&c.left)?;
        let n = c.ops.len();
        if n == 1 {
            self.compile_expr(&c.comparators[0])?;
            let (op, arg) = compare_op(&c.ops[0]);
            self.emit_arg(op, arg);
            return Ok(());
        }
        let cleanup = self.new_label();
        for i in 0..n - 1 {
            self.compile_expr(&c.comparators[i])?;
            self.emit_arg(Opcode::SWAP, 2);
            self.emit_arg(Opcode::COPY, 2);
            let (op, arg) = compare_op(&c.ops[i]);
            self.emit_arg(op, arg);
            self.emit_jump(Opcode::JUMP_IF_FALSE_OR_POP, cleanup);
        }
        self.compile_expr(&c.comparators[n - 1])?;
        let (op, arg) = compare_op(&c.ops[n - 1]);
        self.emit_arg(op, arg);
        let end = self.new_label();
        self.emit_jump_noline(Opcode::JUMP, end);
        self.bind(cleanup);
        self.emit_arg(Opcode::SWAP, 2);
        self.emit(Opcode::POP_TOP);
        self.bind(end);
        Ok(())
    }

    /// Jumps to `target` if `e` is `cond`; falls through otherwise (consuming `e`).
    pub(super) fn jump_if(&mut self, e: &'a Expr, target: Label, cond: bool) -> Result {
        let saved = self.unit().loc;
        self.set_loc(e.range());
        let r = self.jump_if_inner(e, target, cond);
        self.unit().loc = saved;
        r
    }

    fn jump_if_inner(&mut self, e: &'a Expr, target: Label, cond: bool) -> Result {
        if let Some(v) = const_truth(e) {
            self.emit(Opcode::NOP);
            if v == cond {
                self.emit_jump(Opcode::JUMP, target);
            }
            return Ok(());
        }
        match e {
            Expr::UnaryOp(u) if u.op == ast::UnaryOp::Not => return self.jump_if(&u.operand, target, !cond),
            Expr::BoolOp(b) => {
                let is_or = b.op == ast::BoolOp::Or;
                let next2 = if is_or != cond { self.new_label() } else { target };
                let n = b.values.len();
                for v in &b.values[..n - 1] {
                    self.jump_if(v, next2, is_or)?;
                }
                self.jump_if(&b.values[n - 1], target, cond)?;
                if next2 != target {
                    self.bind(next2);
                }
                return Ok(());
            }
            Expr::IfExp(i) => {
                let end = self.new_label();
                let next2 = self.new_label();
                self.jump_if(&i.test, next2, false)?;
                self.jump_if(&i.body, target, cond)?;
                self.emit_jump_noline(Opcode::JUMP, end);
                self.bind(next2);
                self.jump_if(&i.orelse, target, cond)?;
                self.bind(end);
                return Ok(());
            }
            Expr::Compare(c) if c.ops.len() > 1 => {
                let n = c.ops.len() - 1;
                let cleanup = self.new_label();
                self.compile_expr(&c.left)?;
                for i in 0..n {
                    self.compile_expr(&c.comparators[i])?;
                    self.emit_arg(Opcode::SWAP, 2);
                    self.emit_arg(Opcode::COPY, 2);
                    let (op, arg) = compare_op(&c.ops[i]);
                    self.emit_arg(op, arg);
                    self.emit_jump(Opcode::POP_JUMP_IF_FALSE, cleanup);
                }
                self.compile_expr(&c.comparators[n])?;
                let (op, arg) = compare_op(&c.ops[n]);
                self.emit_arg(op, arg);
                let jump = if cond { Opcode::POP_JUMP_IF_TRUE } else { Opcode::POP_JUMP_IF_FALSE };
                self.emit_jump(jump, target);
                let end = self.new_label();
                self.emit_jump_noline(Opcode::JUMP, end);
                self.bind(cleanup);
                self.emit(Opcode::POP_TOP);
                if !cond {
                    self.emit_jump_noline(Opcode::JUMP, target);
                }
                self.bind(end);
                return Ok(());
            }
            Expr::Compare(c) => {
                // `x is None` / `x is not None` jump directly.
                if let ([op @ (CmpOp::Is | CmpOp::IsNot)], [Expr::Constant(k)]) =
                    (c.ops.as_slice(), c.comparators.as_slice())
                {
                    if matches!(k.value, ast::Constant::None) {
                        self.compile_expr(&c.left)?;
                        let is_none = (*op == CmpOp::Is) == cond;
                        let jump = if is_none { Opcode::POP_JUMP_IF_NONE } else { Opcode::POP_JUMP_IF_NOT_NONE };
                        self.emit_jump(jump, target);
                        return Ok(());
                    }
                }
            }
            _ => {}
        }
        self.compile_expr(e)?;
        let last_is_const = self.unit_ref().buf.last_n_consts(1).map(|t| t[0].arg);
        if let Some(k) = last_is_const {
            // A folded constant condition: decide now.
            let v = truthy(self.const_value(k));
            self.unit().buf.truncate_last(1);
            if v == cond {
                self.emit_jump(Opcode::JUMP, target);
            }
            return Ok(());
        }
        let jump = if cond { Opcode::POP_JUMP_IF_TRUE } else { Opcode::POP_JUMP_IF_FALSE };
        self.emit_jump(jump, target);
        Ok(())
    }

    fn compile_dict(&mut self, d: &'a ast::ExprDict) -> Result {
        // Runs of `k: v` pairs are built in chunks; `**m` items are merged in.
        let n = d.values.len();
        let mut have_dict = false;
        let mut run_start = 0;
        let flush = |this: &mut Self, from: usize, to: usize, have_dict: &mut bool| -> Result {
            if from < to {
                this.compile_dict_chunk(d, from, to)?;
                if *have_dict {
                    this.emit_arg(Opcode::DICT_UPDATE, 1);
                }
                *have_dict = true;
            }
            Ok(())
        };
        for i in 0..n {
            if d.keys[i].is_none() {
                flush(self, run_start, i, &mut have_dict)?;
                if !have_dict {
                    self.emit_arg(Opcode::BUILD_MAP, 0);
                    have_dict = true;
                }
                self.compile_expr(&d.values[i])?;
                self.emit_arg(Opcode::DICT_UPDATE, 1);
                run_start = i + 1;
            } else if i - run_start + 1 >= super::STACK_USE_GUIDELINE / 2 {
                flush(self, run_start, i + 1, &mut have_dict)?;
                run_start = i + 1;
            }
        }
        flush(self, run_start, n, &mut have_dict)?;
        if !have_dict {
            self.emit_arg(Opcode::BUILD_MAP, 0);
        }
        Ok(())
    }

    /// `BUILD_CONST_KEY_MAP` when the keys are all constants, else `BUILD_MAP`.
    fn compile_dict_chunk(&mut self, d: &'a ast::ExprDict, from: usize, to: usize) -> Result {
        let keys: Vec<&'a Expr> = d.keys[from..to].iter().flatten().collect();
        let n = to - from;
        let const_keys: Option<Vec<Constant>> = keys
            .iter()
            .map(|k| match k {
                Expr::Constant(c) => Some(from_ast(&c.value)),
                _ => None,
            })
            .collect();
        match const_keys {
            Some(ks) if n > 1 => {
                for v in &d.values[from..to] {
                    self.compile_expr(v)?;
                }
                self.load_const(Constant::Tuple(ks));
                self.emit_arg(Opcode::BUILD_CONST_KEY_MAP, n as u32);
            }
            _ => {
                for (k, v) in keys.iter().zip(&d.values[from..to]) {
                    self.compile_expr(k)?;
                    self.compile_expr(v)?;
                }
                self.emit_arg(Opcode::BUILD_MAP, n as u32);
            }
        }
        Ok(())
    }

    /// Builds a list/tuple/set display (CPython's `starunpack_helper`); `pushed`
    /// items already on the stack become its first items.
    pub(super) fn starunpack(&mut self, elts: &'a [Expr], pushed: usize, seq: Seq) -> Result {
        let n = elts.len();
        let (build, add, extend) = match seq {
            Seq::List | Seq::Tuple => (Opcode::BUILD_LIST, Opcode::LIST_APPEND, Opcode::LIST_EXTEND),
            Seq::Set => (Opcode::BUILD_SET, Opcode::SET_ADD, Opcode::SET_UPDATE),
        };
        if n == 0 && pushed == 0 && seq == Seq::Tuple {
            self.load_const(Constant::Tuple(Vec::new()));
            return Ok(());
        }
        let has_star = elts.iter().any(|e| matches!(e, Expr::Starred(_)));
        let big = n + pushed > super::STACK_USE_GUIDELINE;
        if !has_star && !big {
            for e in elts {
                self.compile_expr(e)?;
            }
            let total = (n + pushed) as u32;
            match seq {
                Seq::Tuple => {
                    if pushed > 0 || !self.try_fold(n, |c| Some(Constant::Tuple(c.to_vec()))) {
                        self.emit_arg(Opcode::BUILD_TUPLE, total);
                    }
                }
                _ => {
                    // Three or more constants: extend an empty collection by a tuple
                    // (a frozenset for sets, as CPython does).
                    let fold = |c: &[Constant]| {
                        Some(if seq == Seq::Set {
                            Constant::FrozenSet(c.to_vec())
                        } else {
                            Constant::Tuple(c.to_vec())
                        })
                    };
                    if n > 2 && self.try_fold(n, fold) {
                        let k = self.unit_ref().buf.instrs.len() - 1;
                        let tuple = self.unit_ref().buf.instrs[k];
                        self.unit().buf.truncate_last(1);
                        self.emit_arg(build, pushed as u32);
                        self.unit().buf.push(tuple.op, tuple.arg, tuple.target, tuple.pos);
                        self.emit_arg(extend, 1);
                    } else {
                        self.emit_arg(build, total);
                    }
                }
            }
            return Ok(());
        }
        let mut built = false;
        if big && !has_star {
            self.emit_arg(build, pushed as u32);
            built = true;
        }
        for (i, e) in elts.iter().enumerate() {
            if let Expr::Starred(s) = e {
                if !built {
                    self.emit_arg(build, (i + pushed) as u32);
                    built = true;
                }
                self.compile_expr(&s.value)?;
                self.emit_arg(extend, 1);
            } else {
                self.compile_expr(e)?;
                if built {
                    self.emit_arg(add, 1);
                }
            }
        }
        if !built {
            self.emit_arg(build, (n + pushed) as u32);
        }
        if seq == Seq::Tuple {
            self.emit(Opcode::LIST_TO_TUPLE);
        }
        Ok(())
    }

    /// Whether the instruction buffer ends with a `LOAD_CONST` usable as a value.
    #[allow(dead_code)]
    pub(super) fn ends_with_const(&self) -> bool {
        matches!(self.unit_ref().buf.last(), Some(i) if i.op == Op::Real(Opcode::LOAD_CONST))
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum Seq {
    List,
    Tuple,
    Set,
}

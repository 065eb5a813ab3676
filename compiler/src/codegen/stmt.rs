//! Statements: bodies, assignments, control flow, imports, and the unwinding of
//! the block stack for `break`/`continue`/`return`.

use super::{Compiler, Ctx, FBlock, Result, UnitKind};
use crate::bytecode::{BinaryOp, Opcode};
use crate::code::Constant;
use crate::codegen::ir::Op;
use crate::symtable::ScopeKind;
use num_traits::ToPrimitive;
use rustpython_parser::ast::{self, Expr, Ranged, Stmt};
use rustpython_parser::text_size::TextRange;

/// The docstring of a body, if its first statement is a string literal.
pub(crate) fn docstring(body: &[Stmt]) -> Option<&str> {
    match body.first()? {
        Stmt::Expr(e) => match &*e.value {
            Expr::Constant(ast::ExprConstant { value: ast::Constant::Str(s), .. }) => Some(s),
            _ => None,
        },
        _ => None,
    }
}

/// Whether a module or class body has variable annotations (outside nested scopes).
fn find_ann(body: &[Stmt]) -> bool {
    body.iter().any(|s| match s {
        Stmt::AnnAssign(_) => true,
        Stmt::For(f) => find_ann(&f.body) || find_ann(&f.orelse),
        Stmt::AsyncFor(f) => find_ann(&f.body) || find_ann(&f.orelse),
        Stmt::While(w) => find_ann(&w.body) || find_ann(&w.orelse),
        Stmt::If(i) => find_ann(&i.body) || find_ann(&i.orelse),
        Stmt::With(w) => find_ann(&w.body),
        Stmt::AsyncWith(w) => find_ann(&w.body),
        Stmt::Try(t) => {
            find_ann(&t.body)
                || find_ann(&t.orelse)
                || find_ann(&t.finalbody)
                || t.handlers.iter().any(|h| {
                    let ast::ExceptHandler::ExceptHandler(h) = h;
                    find_ann(&h.body)
                })
        }
        Stmt::TryStar(t) => {
            find_ann(&t.body)
                || find_ann(&t.orelse)
                || find_ann(&t.finalbody)
                || t.handlers.iter().any(|h| {
                    let ast::ExceptHandler::ExceptHandler(h) = h;
                    find_ann(&h.body)
                })
        }
        Stmt::Match(m) => m.cases.iter().any(|c| find_ann(&c.body)),
        _ => false,
    })
}

pub(crate) fn binop(op: ast::Operator) -> BinaryOp {
    match op {
        ast::Operator::Add => BinaryOp::Add,
        ast::Operator::Sub => BinaryOp::Subtract,
        ast::Operator::Mult => BinaryOp::Multiply,
        ast::Operator::MatMult => BinaryOp::MatrixMultiply,
        ast::Operator::Div => BinaryOp::TrueDivide,
        ast::Operator::Mod => BinaryOp::Remainder,
        ast::Operator::Pow => BinaryOp::Power,
        ast::Operator::LShift => BinaryOp::LShift,
        ast::Operator::RShift => BinaryOp::RShift,
        ast::Operator::BitOr => BinaryOp::Or,
        ast::Operator::BitXor => BinaryOp::Xor,
        ast::Operator::BitAnd => BinaryOp::And,
        ast::Operator::FloorDiv => BinaryOp::FloorDivide,
    }
}

impl<'a> Compiler<'a> {
    /// A module or class body: `SETUP_ANNOTATIONS` if needed, the docstring into
    /// `__doc__` (not for an interactive statement, whose string is echoed),
    /// then the statements.
    pub(super) fn compile_body(&mut self, body: &'a [Stmt], _top: bool) -> Result {
        if find_ann(body) {
            self.emit(Opcode::SETUP_ANNOTATIONS);
        }
        let mut rest = body;
        let interactive_top = self.interactive && self.units.len() == 1;
        if let (Some(doc), Some(first), false) = (docstring(body), body.first(), interactive_top) {
            self.set_loc(first.range());
            self.load_const(Constant::Str(doc.to_string()));
            self.name_op("__doc__", Ctx::Store);
            rest = &body[1..];
        }
        self.compile_stmts(rest)
    }

    pub(super) fn compile_stmts(&mut self, body: &'a [Stmt]) -> Result {
        body.iter().try_for_each(|s| self.compile_stmt(s))
    }

    pub(super) fn compile_stmt(&mut self, s: &'a Stmt) -> Result {
        self.set_loc(s.range());
        match s {
            Stmt::FunctionDef(f) => self.compile_funcdef(super::func::FuncDef::from_def(f)),
            Stmt::AsyncFunctionDef(f) => self.compile_funcdef(super::func::FuncDef::from_async_def(f)),
            Stmt::ClassDef(c) => self.compile_class(c),
            Stmt::Return(r) => self.compile_return(r),
            Stmt::Delete(d) => d.targets.iter().try_for_each(|t| self.compile_delete(t)),
            Stmt::Assign(a) => self.compile_assign(a),
            Stmt::AugAssign(a) => self.compile_augassign(a),
            Stmt::AnnAssign(a) => self.compile_annassign(a),
            Stmt::For(f) => self.compile_for(&f.target, &f.iter, &f.body, &f.orelse, f.range),
            Stmt::AsyncFor(f) => self.compile_async_for(&f.target, &f.iter, &f.body, &f.orelse, f.range),
            Stmt::While(w) => self.compile_while(w),
            Stmt::If(i) => self.compile_if(i),
            Stmt::With(w) => self.compile_with(&w.items, &w.body, w.range, false),
            Stmt::AsyncWith(w) => self.compile_with(&w.items, &w.body, w.range, true),
            Stmt::Match(m) => self.compile_match(m),
            Stmt::Raise(r) => {
                let mut n = 0;
                if let Some(exc) = &r.exc {
                    self.compile_expr(exc)?;
                    n = 1;
                    if let Some(cause) = &r.cause {
                        self.compile_expr(cause)?;
                        n = 2;
                    }
                }
                self.emit_arg(Opcode::RAISE_VARARGS, n);
                Ok(())
            }
            Stmt::Try(t) => {
                if t.finalbody.is_empty() {
                    self.compile_try_except(&t.body, &t.handlers, &t.orelse, t.range)
                } else {
                    self.compile_try_finally(&t.body, &t.handlers, &t.orelse, &t.finalbody, t.range, false)
                }
            }
            Stmt::TryStar(t) => {
                if t.finalbody.is_empty() {
                    self.compile_try_star(&t.body, &t.handlers, &t.orelse, t.range)
                } else {
                    self.compile_try_finally(&t.body, &t.handlers, &t.orelse, &t.finalbody, t.range, true)
                }
            }
            Stmt::Assert(a) => {
                let end = self.new_label();
                self.jump_if(&a.test, end, true)?;
                // CPython leaves the test's position in place for the raise, so
                // tracebacks underline the failed condition.
                self.set_loc(a.test.range());
                self.emit(Opcode::LOAD_ASSERTION_ERROR);
                if let Some(msg) = &a.msg {
                    self.compile_expr(msg)?;
                    self.emit_arg(Opcode::CALL, 0);
                }
                self.emit_arg(Opcode::RAISE_VARARGS, 1);
                self.bind(end);
                Ok(())
            }
            Stmt::Import(i) => self.compile_import(i),
            Stmt::ImportFrom(i) => self.compile_import_from(i),
            Stmt::Global(_) | Stmt::Nonlocal(_) => Ok(()),
            Stmt::Pass(_) => {
                // Marks the line (dropped unless nothing else carries it).
                self.emit(Opcode::NOP);
                Ok(())
            }
            Stmt::Expr(e) => {
                if self.interactive && self.units.len() == 1 {
                    self.compile_expr(&e.value)?;
                    self.emit(Opcode::PRINT_EXPR);
                } else if matches!(&*e.value, Expr::Constant(_)) {
                    self.emit(Opcode::NOP);
                } else {
                    self.compile_expr(&e.value)?;
                    self.emit_noline(Opcode::POP_TOP, 0);
                }
                Ok(())
            }
            Stmt::Break(b) => {
                self.emit(Opcode::NOP);
                let Some(lp) = self.unwind_fblock_stack(false, true, b.range)? else {
                    return Err(self.error("'break' outside loop", b.range));
                };
                self.unwind_fblock(lp, false)?;
                if let FBlock::WhileLoop { exit, .. } | FBlock::ForLoop { exit, .. } = lp {
                    self.emit_jump(Opcode::JUMP, exit);
                }
                Ok(())
            }
            Stmt::Continue(c) => {
                self.emit(Opcode::NOP);
                let Some(lp) = self.unwind_fblock_stack(false, true, c.range)? else {
                    return Err(self.error("'continue' not properly in loop", c.range));
                };
                if let FBlock::WhileLoop { start, .. } | FBlock::ForLoop { start, .. } = lp {
                    self.emit_jump(Opcode::JUMP, start);
                }
                Ok(())
            }
            Stmt::TypeAlias(t) => Err(self.error("invalid syntax", t.range)),
        }
    }

    fn compile_return(&mut self, r: &'a ast::StmtReturn) -> Result {
        let scope = self.scope();
        if scope.kind != ScopeKind::Function {
            return Err(self.error("'return' outside function", r.range));
        }
        if r.value.is_some() && scope.coroutine && scope.generator {
            return Err(self.error("'return' with value in async generator", r.range));
        }
        let constant = match r.value.as_deref() {
            None => Some(Constant::None),
            Some(Expr::Constant(c)) => Some(super::consts::from_ast(&c.value)),
            Some(_) => None,
        };
        let preserve_tos = constant.is_none();
        if let (true, Some(v)) = (preserve_tos, &r.value) {
            self.compile_expr(v)?;
        }
        self.unwind_fblock_stack(preserve_tos, false, r.range)?;
        self.set_loc(r.range);
        if let Some(c) = constant {
            self.load_const(c);
        }
        self.emit(Opcode::RETURN_VALUE);
        Ok(())
    }

    /// Unwinds the block stack for a `return` (down to the bottom) or a
    /// `break`/`continue` (down to the innermost loop, which is returned). The
    /// stack of blocks is restored afterwards: the code that follows is unreachable
    /// but still compiled inside those blocks.
    pub(super) fn unwind_fblock_stack(
        &mut self,
        preserve_tos: bool,
        want_loop: bool,
        range: TextRange,
    ) -> Result<Option<FBlock<'a>>> {
        let saved = self.unit().fblocks.clone();
        let mut found = None;
        let mut result = Ok(());
        while let Some(top) = self.unit().fblocks.last().copied() {
            if let FBlock::ExceptionGroupHandler = top {
                result = Err(self.error("'break', 'continue' and 'return' cannot appear in an except* block", range));
                break;
            }
            if want_loop && matches!(top, FBlock::WhileLoop { .. } | FBlock::ForLoop { .. }) {
                found = Some(top);
                break;
            }
            self.unit().fblocks.pop();
            if let Err(e) = self.unwind_fblock(top, preserve_tos) {
                result = Err(e);
                break;
            }
        }
        self.unit().fblocks = saved;
        result.map(|_| found)
    }

    /// Emits the code leaving one block early.
    pub(super) fn unwind_fblock(&mut self, block: FBlock<'a>, preserve_tos: bool) -> Result {
        match block {
            FBlock::WhileLoop { .. }
            | FBlock::ExceptionHandler
            | FBlock::ExceptionGroupHandler
            | FBlock::AsyncComprehension => {}
            FBlock::ForLoop { .. } => {
                if preserve_tos {
                    self.emit_arg(Opcode::SWAP, 2);
                }
                self.emit(Opcode::POP_TOP);
            }
            FBlock::TryExcept => self.pop_block(),
            FBlock::FinallyTry { body } => {
                self.pop_block();
                if preserve_tos {
                    self.push_fblock(FBlock::PopValue, TextRange::default())?;
                }
                self.compile_stmts(body)?;
                if preserve_tos {
                    self.pop_fblock();
                }
            }
            FBlock::FinallyEnd => {
                if preserve_tos {
                    self.emit_arg(Opcode::SWAP, 2);
                }
                self.emit(Opcode::POP_TOP);
                if preserve_tos {
                    self.emit_arg(Opcode::SWAP, 2);
                }
                self.pop_block();
                self.emit(Opcode::POP_EXCEPT);
            }
            FBlock::With { pos, is_async } => {
                self.unit().loc = pos;
                self.pop_block();
                if preserve_tos {
                    self.emit_arg(Opcode::SWAP, 2);
                }
                self.call_exit_with_nones();
                if is_async {
                    self.emit_arg(Opcode::GET_AWAITABLE, 2);
                    self.load_const(Constant::None);
                    self.emit_yield_from_loop();
                }
                self.emit(Opcode::POP_TOP);
            }
            FBlock::HandlerCleanup { name } => {
                if name.is_some() {
                    self.pop_block();
                }
                if preserve_tos {
                    self.emit_arg(Opcode::SWAP, 2);
                }
                self.pop_block();
                self.emit(Opcode::POP_EXCEPT);
                if let Some(n) = name {
                    self.load_const(Constant::None);
                    self.name_op(n, Ctx::Store);
                    self.name_op(n, Ctx::Del);
                }
            }
            FBlock::PopValue => {
                if preserve_tos {
                    self.emit_arg(Opcode::SWAP, 2);
                }
                self.emit(Opcode::POP_TOP);
            }
        }
        Ok(())
    }

    fn compile_assign(&mut self, a: &'a ast::StmtAssign) -> Result {
        // `a, b = x, y` swaps on the stack instead of building a tuple.
        if let ([target], Expr::Tuple(value)) = (a.targets.as_slice(), &*a.value) {
            let elts = match target {
                Expr::Tuple(t) => Some(&t.elts),
                Expr::List(l) => Some(&l.elts),
                _ => None,
            };
            if let Some(elts) = elts {
                let n = elts.len();
                let starred = |v: &[Expr]| v.iter().any(|e| matches!(e, Expr::Starred(_)));
                if n == value.elts.len() && (1..=3).contains(&n) && !starred(elts) && !starred(&value.elts) {
                    self.compile_expr(&a.value)?;
                    let last = self.unit_ref().buf.last().map(|i| (i.op, i.arg));
                    if last == Some((Op::Real(Opcode::BUILD_TUPLE), n as u32)) {
                        let len = self.unit_ref().buf.instrs.len();
                        self.unit().buf.instrs.truncate(len - 1);
                        if n > 1 {
                            self.emit_arg(Opcode::SWAP, n as u32);
                        }
                        self.set_loc(target.range());
                        for e in elts {
                            self.compile_store(e)?;
                        }
                        return Ok(());
                    }
                    self.set_loc(target.range());
                    self.emit_arg(Opcode::UNPACK_SEQUENCE, n as u32);
                    for e in elts {
                        self.compile_store(e)?;
                    }
                    return Ok(());
                }
            }
        }
        self.compile_expr(&a.value)?;
        let n = a.targets.len();
        for (i, t) in a.targets.iter().enumerate() {
            if i + 1 < n {
                self.emit_arg(Opcode::COPY, 1);
            }
            self.compile_store(t)?;
        }
        Ok(())
    }

    /// Stores TOS into an assignment target.
    pub(super) fn compile_store(&mut self, t: &'a Expr) -> Result {
        let saved = self.unit().loc;
        self.set_loc(t.range());
        match t {
            Expr::Name(n) => self.name_op(&n.id, Ctx::Store),
            Expr::Attribute(a) => {
                self.compile_expr(&a.value)?;
                self.set_attr_loc(a, a.range);
                self.emit_name(Opcode::STORE_ATTR, &a.attr);
            }
            Expr::Subscript(s) => {
                self.compile_expr(&s.value)?;
                self.compile_subscript_key(&s.slice)?;
                self.set_loc(s.range);
                self.emit(Opcode::STORE_SUBSCR);
            }
            Expr::Tuple(ast::ExprTuple { elts, .. }) | Expr::List(ast::ExprList { elts, .. }) => {
                self.unpack_helper(elts, t.range())?;
                for e in elts {
                    let target = match e {
                        Expr::Starred(s) => &*s.value,
                        e => e,
                    };
                    self.compile_store(target)?;
                }
            }
            Expr::Starred(s) => {
                return Err(self.error("starred assignment target must be in a list or tuple", s.range));
            }
            other => {
                return Err(self.error(format!("cannot assign to {}", crate::targets::expr_name(other)), other.range()))
            }
        }
        self.unit().loc = saved;
        Ok(())
    }

    /// `UNPACK_SEQUENCE n` or `UNPACK_EX` for a target list with one starred item.
    pub(super) fn unpack_helper(&mut self, elts: &[Expr], range: TextRange) -> Result {
        let n = elts.len();
        let mut seen_star = false;
        for (i, e) in elts.iter().enumerate() {
            if matches!(e, Expr::Starred(_)) {
                if seen_star {
                    return Err(self.error("multiple starred expressions in assignment", range));
                }
                if i >= 1 << 8 || n - i > (1 << 16) {
                    return Err(self.error("too many expressions in star-unpacking assignment", range));
                }
                self.emit_arg(Opcode::UNPACK_EX, (i + ((n - i - 1) << 8)) as u32);
                seen_star = true;
            }
        }
        if !seen_star {
            self.emit_arg(Opcode::UNPACK_SEQUENCE, n as u32);
        }
        Ok(())
    }

    fn compile_delete(&mut self, t: &'a Expr) -> Result {
        self.set_loc(t.range());
        match t {
            Expr::Name(n) => self.name_op(&n.id, Ctx::Del),
            Expr::Attribute(a) => {
                self.compile_expr(&a.value)?;
                self.set_attr_loc(a, a.range);
                self.emit_name(Opcode::DELETE_ATTR, &a.attr);
            }
            Expr::Subscript(s) => {
                self.compile_expr(&s.value)?;
                self.compile_subscript_key(&s.slice)?;
                self.set_loc(s.range);
                self.emit(Opcode::DELETE_SUBSCR);
            }
            Expr::Tuple(ast::ExprTuple { elts, .. }) | Expr::List(ast::ExprList { elts, .. }) => {
                for e in elts {
                    self.compile_delete(e)?;
                }
            }
            other => {
                return Err(self.error(format!("cannot delete {}", crate::targets::expr_name(other)), other.range()))
            }
        }
        Ok(())
    }

    fn compile_augassign(&mut self, a: &'a ast::StmtAugAssign) -> Result {
        let op = super::stmt::binop(a.op).inplace() as u32;
        let stmt_loc = self.unit().loc;
        self.set_loc(a.target.range());
        match &*a.target {
            Expr::Attribute(t) => {
                self.compile_expr(&t.value)?;
                self.emit_arg(Opcode::COPY, 1);
                self.set_attr_loc(t, t.range);
                self.emit_name(Opcode::LOAD_ATTR, &t.attr);
            }
            Expr::Subscript(t) => {
                self.compile_expr(&t.value)?;
                self.compile_subscript_key(&t.slice)?;
                self.set_loc(t.range);
                self.emit_arg(Opcode::COPY, 2);
                self.emit_arg(Opcode::COPY, 2);
                self.emit(Opcode::BINARY_SUBSCR);
            }
            Expr::Name(n) => self.name_op(&n.id, Ctx::Load),
            other => {
                return Err(self.error(
                    format!("'{}' is an illegal expression for augmented assignment", crate::targets::expr_name(other)),
                    other.range(),
                ))
            }
        }
        self.unit().loc = stmt_loc;
        self.compile_expr(&a.value)?;
        self.unit().loc = stmt_loc;
        self.emit_arg(Opcode::BINARY_OP, op);
        self.set_loc(a.target.range());
        match &*a.target {
            Expr::Attribute(t) => {
                self.set_attr_loc(t, t.range);
                self.emit_arg(Opcode::SWAP, 2);
                self.emit_name(Opcode::STORE_ATTR, &t.attr);
            }
            Expr::Subscript(_) => {
                self.emit_arg(Opcode::SWAP, 3);
                self.emit_arg(Opcode::SWAP, 2);
                self.emit(Opcode::STORE_SUBSCR);
            }
            Expr::Name(n) => self.name_op(&n.id, Ctx::Store),
            _ => {}
        }
        Ok(())
    }

    fn compile_annassign(&mut self, a: &'a ast::StmtAnnAssign) -> Result {
        let simple = crate::targets::ann_is_simple(a);
        if let Some(v) = &a.value {
            self.compile_expr(v)?;
            self.compile_store(&a.target)?;
        }
        let module_or_class = matches!(self.unit_ref().kind, UnitKind::Module | UnitKind::Class);
        match &*a.target {
            Expr::Name(n) => {
                if simple && module_or_class {
                    self.set_loc(a.range);
                    self.compile_annotation(&a.annotation)?;
                    self.emit_name_raw(Opcode::LOAD_NAME, "__annotations__");
                    let mangled = self.mangle(&n.id).into_owned();
                    self.load_const(Constant::Str(mangled));
                    self.emit(Opcode::STORE_SUBSCR);
                }
            }
            Expr::Attribute(t) => {
                if a.value.is_none() {
                    self.compile_expr(&t.value)?;
                    self.emit(Opcode::POP_TOP);
                }
            }
            Expr::Subscript(t) => {
                if a.value.is_none() {
                    self.compile_expr(&t.value)?;
                    self.emit(Opcode::POP_TOP);
                    let parts: Vec<&'a Expr> = match &*t.slice {
                        Expr::Slice(s) => [&s.lower, &s.upper, &s.step].into_iter().flatten().map(|b| &**b).collect(),
                        Expr::Tuple(tp) => tp.elts.iter().collect(),
                        other => vec![other],
                    };
                    for p in parts {
                        self.compile_expr(p)?;
                        self.emit(Opcode::POP_TOP);
                    }
                }
            }
            other => return Err(self.error("illegal target for annotation", other.range())),
        }
        // Annotations of complex targets are evaluated (and discarded) at module and
        // class level, unless annotations are strings.
        if !simple && module_or_class && !self.future.annotations {
            self.compile_expr(&a.annotation)?;
            self.emit(Opcode::POP_TOP);
        }
        Ok(())
    }

    /// Pushes an annotation's value: the expression, or its source text under
    /// `from __future__ import annotations`.
    pub(super) fn compile_annotation(&mut self, ann: &'a Expr) -> Result {
        if self.future.annotations {
            let text = crate::unparse::unparse(ann);
            self.load_const(Constant::Str(text));
            Ok(())
        } else {
            self.compile_expr(ann)
        }
    }

    fn compile_for(
        &mut self,
        target: &'a Expr,
        iter: &'a Expr,
        body: &'a [Stmt],
        orelse: &'a [Stmt],
        range: TextRange,
    ) -> Result {
        let start = self.new_label();
        let cleanup = self.new_label();
        let end = self.new_label();
        self.push_fblock(FBlock::ForLoop { start, exit: end }, range)?;
        self.compile_iterable(iter)?;
        self.set_loc(range);
        self.emit(Opcode::GET_ITER);
        self.bind(start);
        self.emit_jump(Opcode::FOR_ITER, cleanup);
        self.compile_store(target)?;
        self.compile_stmts(body)?;
        self.emit_jump_noline(Opcode::JUMP, start);
        self.bind(cleanup);
        self.pop_fblock();
        self.compile_stmts(orelse)?;
        self.bind(end);
        Ok(())
    }

    fn compile_async_for(
        &mut self,
        target: &'a Expr,
        iter: &'a Expr,
        body: &'a [Stmt],
        orelse: &'a [Stmt],
        range: TextRange,
    ) -> Result {
        if self.unit_ref().kind != UnitKind::AsyncFunction {
            return Err(self.error("'async for' outside async function", range));
        }
        let start = self.new_label();
        let except = self.new_label();
        let end = self.new_label();
        self.compile_expr(iter)?;
        self.set_loc(range);
        self.emit(Opcode::GET_AITER);
        self.bind(start);
        self.push_fblock(FBlock::ForLoop { start, exit: end }, range)?;
        self.setup(Op::SetupFinally, except);
        self.emit(Opcode::GET_ANEXT);
        self.load_const(Constant::None);
        self.emit_yield_from_loop();
        self.pop_block();
        self.compile_store(target)?;
        self.compile_stmts(body)?;
        self.emit_jump_noline(Opcode::JUMP, start);
        self.pop_fblock();
        self.bind(except);
        self.set_loc(iter.range());
        self.emit(Opcode::END_ASYNC_FOR);
        self.compile_stmts(orelse)?;
        self.bind(end);
        Ok(())
    }

    fn compile_while(&mut self, w: &'a ast::StmtWhile) -> Result {
        let top = self.new_label();
        let orelse = self.new_label();
        let end = self.new_label();
        self.bind(top);
        self.push_fblock(FBlock::WhileLoop { start: top, exit: end }, w.range)?;
        self.jump_if(&w.test, orelse, false)?;
        self.compile_stmts(&w.body)?;
        self.emit_jump_noline(Opcode::JUMP, top);
        self.pop_fblock();
        self.bind(orelse);
        self.compile_stmts(&w.orelse)?;
        self.bind(end);
        Ok(())
    }

    fn compile_if(&mut self, i: &'a ast::StmtIf) -> Result {
        let end = self.new_label();
        let next = if i.orelse.is_empty() { end } else { self.new_label() };
        self.jump_if(&i.test, next, false)?;
        self.compile_stmts(&i.body)?;
        if !i.orelse.is_empty() {
            self.emit_jump_noline(Opcode::JUMP, end);
            self.bind(next);
            self.compile_stmts(&i.orelse)?;
        }
        self.bind(end);
        Ok(())
    }

    fn compile_import(&mut self, i: &'a ast::StmtImport) -> Result {
        // Every instruction of an import statement carries the statement's position.
        self.set_loc(i.range);
        for alias in &i.names {
            self.load_const(Constant::Int(0.into()));
            self.load_const(Constant::None);
            self.emit_name(Opcode::IMPORT_NAME, &alias.name);
            if let Some(asname) = &alias.asname {
                let mut parts = alias.name.split('.');
                parts.next();
                let attrs: Vec<&str> = parts.collect();
                if attrs.is_empty() {
                    self.name_op(asname, Ctx::Store);
                } else {
                    // `import a.b.c as d` binds the innermost module, fetched as attributes.
                    for (k, attr) in attrs.iter().enumerate() {
                        self.emit_name_raw(Opcode::IMPORT_FROM, attr);
                        if k + 1 < attrs.len() {
                            self.emit_arg(Opcode::SWAP, 2);
                            self.emit(Opcode::POP_TOP);
                        }
                    }
                    self.name_op(asname, Ctx::Store);
                    self.emit(Opcode::POP_TOP);
                }
            } else {
                let top = alias.name.split('.').next().unwrap_or(&alias.name);
                self.name_op(top, Ctx::Store);
            }
        }
        Ok(())
    }

    fn compile_import_from(&mut self, i: &'a ast::StmtImportFrom) -> Result {
        let level = i.level.map_or(0, |l| l.to_u32());
        let module = i.module.as_ref().map_or("", |m| m.as_str());
        if module == "__future__" && level == 0 {
            let (line, _) = self.src.line_col(i.range.start().into());
            if line > self.future.lineno {
                return Err(self.error("from __future__ imports must occur at the beginning of the file", i.range));
            }
        }
        self.load_const(Constant::Int(level.to_i64().unwrap_or(0).into()));
        let names = i.names.iter().map(|a| Constant::Str(a.name.to_string())).collect();
        self.load_const(Constant::Tuple(names));
        self.emit_name(Opcode::IMPORT_NAME, module);
        for (k, alias) in i.names.iter().enumerate() {
            if k == 0 && alias.name.as_str() == "*" {
                self.emit(Opcode::IMPORT_STAR);
                return Ok(());
            }
            self.emit_name(Opcode::IMPORT_FROM, &alias.name);
            let store = alias.asname.as_ref().unwrap_or(&alias.name);
            self.name_op(store, Ctx::Store);
        }
        self.emit(Opcode::POP_TOP);
        Ok(())
    }
}

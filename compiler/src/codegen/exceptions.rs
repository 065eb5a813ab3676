//! try/except, try/finally, except* and with/async with. The shapes are
//! documented at the top of `codegen/mod.rs`.

use super::ir::{Label, Op};
use super::{Compiler, Ctx, FBlock, Result, UnitKind};
use crate::bytecode::Opcode;
use crate::code::Constant;
use rustpython_parser::ast::{self, Stmt};
use rustpython_parser::text_size::TextRange;

impl<'a> Compiler<'a> {
    /// `COPY 3; POP_EXCEPT; RERAISE 1`: the cleanup handler of an except block.
    fn pop_except_and_reraise(&mut self) {
        self.emit_arg(Opcode::COPY, 3);
        self.emit(Opcode::POP_EXCEPT);
        self.emit_arg(Opcode::RERAISE, 1);
    }

    pub(super) fn compile_try_except(
        &mut self,
        body: &'a [Stmt],
        handlers: &'a [ast::ExceptHandler],
        orelse: &'a [Stmt],
        range: TextRange,
    ) -> Result {
        // The `try` line itself is traced, as in CPython.
        self.emit(Opcode::NOP);
        let except = self.new_label();
        let end = self.new_label();
        let cleanup = self.new_label();
        self.setup(Op::SetupFinally, except);
        self.push_fblock(FBlock::TryExcept, range)?;
        self.compile_stmts(body)?;
        self.pop_fblock();
        self.pop_block();
        self.compile_stmts(orelse)?;
        self.emit_jump_noline(Opcode::JUMP, end);

        self.bind(except);
        self.unit().loc = Default::default();
        self.setup(Op::SetupCleanup, cleanup);
        self.emit(Opcode::PUSH_EXC_INFO);
        self.push_fblock(FBlock::ExceptionHandler, range)?;
        let n = handlers.len();
        for (i, h) in handlers.iter().enumerate() {
            let ast::ExceptHandler::ExceptHandler(h) = h;
            self.set_loc(h.range);
            if h.type_.is_none() && i + 1 < n {
                return Err(self.error("default 'except:' must be last", h.range));
            }
            let next = self.new_label();
            if let Some(t) = &h.type_ {
                self.compile_expr(t)?;
                self.emit(Opcode::CHECK_EXC_MATCH);
                self.emit_jump(Opcode::POP_JUMP_IF_FALSE, next);
            }
            if let Some(name) = &h.name {
                let cleanup_end = self.new_label();
                self.name_op(name, Ctx::Store);
                self.setup(Op::SetupCleanup, cleanup_end);
                self.push_fblock(FBlock::HandlerCleanup { name: Some(name.as_str()) }, h.range)?;
                self.compile_stmts(&h.body)?;
                self.pop_fblock();
                self.unit().loc = Default::default();
                self.pop_block();
                self.pop_block();
                self.emit(Opcode::POP_EXCEPT);
                self.clear_name(name);
                self.emit_jump(Opcode::JUMP, end);
                // The handler body raised: clear the name and re-raise.
                self.bind(cleanup_end);
                self.clear_name(name);
                self.emit_arg(Opcode::RERAISE, 1);
            } else {
                self.emit(Opcode::POP_TOP);
                self.push_fblock(FBlock::HandlerCleanup { name: None }, h.range)?;
                self.compile_stmts(&h.body)?;
                self.pop_fblock();
                self.unit().loc = Default::default();
                self.pop_block();
                self.emit(Opcode::POP_EXCEPT);
                self.emit_jump(Opcode::JUMP, end);
            }
            self.bind(next);
        }
        // No clause matched: re-raise, at the line of the last clause's test.
        if let Some(ast::ExceptHandler::ExceptHandler(last)) = handlers.last() {
            self.set_loc(last.range);
        }
        self.pop_fblock();
        self.emit_arg(Opcode::RERAISE, 0);
        self.unit().loc = Default::default();
        self.bind(cleanup);
        self.pop_except_and_reraise();
        self.bind(end);
        Ok(())
    }

    /// `name = None; del name` after an `except ... as name` clause.
    fn clear_name(&mut self, name: &str) {
        self.load_const(Constant::None);
        self.name_op(name, Ctx::Store);
        self.name_op(name, Ctx::Del);
    }

    pub(super) fn compile_try_finally(
        &mut self,
        body: &'a [Stmt],
        handlers: &'a [ast::ExceptHandler],
        orelse: &'a [Stmt],
        finalbody: &'a [Stmt],
        range: TextRange,
        star: bool,
    ) -> Result {
        // The `try` line itself is traced, as in CPython.
        self.emit(Opcode::NOP);
        let end = self.new_label();
        let exit = self.new_label();
        let cleanup = self.new_label();
        self.setup(Op::SetupFinally, end);
        self.push_fblock(FBlock::FinallyTry { body: finalbody }, range)?;
        if handlers.is_empty() {
            self.compile_stmts(body)?;
        } else if star {
            self.compile_try_star(body, handlers, orelse, range)?;
        } else {
            self.compile_try_except(body, handlers, orelse, range)?;
        }
        self.pop_block();
        self.pop_fblock();
        self.compile_stmts(finalbody)?;
        self.emit_jump_noline(Opcode::JUMP, exit);

        self.bind(end);
        self.unit().loc = Default::default();
        self.setup(Op::SetupCleanup, cleanup);
        self.emit(Opcode::PUSH_EXC_INFO);
        self.push_fblock(FBlock::FinallyEnd, range)?;
        self.compile_stmts(finalbody)?;
        self.pop_fblock();
        self.unit().loc = Default::default();
        self.emit_arg(Opcode::RERAISE, 0);
        self.bind(cleanup);
        self.pop_except_and_reraise();
        self.bind(exit);
        Ok(())
    }

    pub(super) fn compile_try_star(
        &mut self,
        body: &'a [Stmt],
        handlers: &'a [ast::ExceptHandler],
        orelse: &'a [Stmt],
        range: TextRange,
    ) -> Result {
        // The `try` line itself is traced, as in CPython.
        self.emit(Opcode::NOP);
        let except = self.new_label();
        let orelse_label = self.new_label();
        let end = self.new_label();
        let cleanup = self.new_label();
        let reraise_star = self.new_label();
        self.setup(Op::SetupFinally, except);
        self.push_fblock(FBlock::TryExcept, range)?;
        self.compile_stmts(body)?;
        self.pop_fblock();
        self.pop_block();
        self.emit_jump_noline(Opcode::JUMP, orelse_label);

        self.bind(except);
        self.unit().loc = Default::default();
        self.setup(Op::SetupCleanup, cleanup);
        self.emit(Opcode::PUSH_EXC_INFO);
        self.push_fblock(FBlock::ExceptionGroupHandler, range)?;
        let n = handlers.len();
        for (i, h) in handlers.iter().enumerate() {
            let ast::ExceptHandler::ExceptHandler(h) = h;
            self.set_loc(h.range);
            let next = self.new_label();
            let except_with_error = self.new_label();
            let no_match = self.new_label();
            if i == 0 {
                // [prev, orig] -> [prev, orig, raised, exc]
                self.emit_arg(Opcode::BUILD_LIST, 0);
                self.emit_arg(Opcode::COPY, 2);
            }
            let Some(t) = &h.type_ else {
                return Err(self.error("expected exception type after 'except*'", h.range));
            };
            self.compile_expr(t)?;
            self.emit(Opcode::CHECK_EG_MATCH);
            self.emit_arg(Opcode::COPY, 1);
            self.emit_jump(Opcode::POP_JUMP_IF_NONE, no_match);
            let cleanup_end = self.new_label();
            match &h.name {
                Some(name) => self.name_op(name, Ctx::Store),
                None => self.emit(Opcode::POP_TOP),
            }
            self.setup(Op::SetupCleanup, cleanup_end);
            self.push_fblock(FBlock::HandlerCleanup { name: h.name.as_deref() }, h.range)?;
            self.compile_stmts(&h.body)?;
            self.pop_fblock();
            self.unit().loc = Default::default();
            self.pop_block();
            if let Some(name) = &h.name {
                self.clear_name(name);
            }
            self.emit_jump(Opcode::JUMP, next);
            // The clause raised: record its exception in `raised`.
            self.bind(cleanup_end);
            if let Some(name) = &h.name {
                self.clear_name(name);
            }
            self.emit_arg(Opcode::LIST_APPEND, 3);
            self.emit(Opcode::POP_TOP);
            self.emit_jump(Opcode::JUMP, except_with_error);
            self.bind(next);
            self.emit_jump(Opcode::JUMP, except_with_error);
            self.bind(no_match);
            self.emit(Opcode::POP_TOP);
            self.bind(except_with_error);
            if i + 1 == n {
                // The unhandled rest joins the list.
                self.emit_arg(Opcode::LIST_APPEND, 1);
                self.emit_jump(Opcode::JUMP, reraise_star);
            }
        }
        self.unit().loc = Default::default();
        self.pop_fblock();
        let reraise = self.new_label();
        self.bind(reraise_star);
        self.emit(Opcode::PREP_RERAISE_STAR);
        self.emit_arg(Opcode::COPY, 1);
        self.emit_jump(Opcode::POP_JUMP_IF_NOT_NONE, reraise);
        self.emit(Opcode::POP_TOP);
        self.pop_block();
        self.emit(Opcode::POP_EXCEPT);
        self.emit_jump(Opcode::JUMP, end);
        self.bind(reraise);
        self.pop_block();
        self.emit_arg(Opcode::SWAP, 2);
        self.emit(Opcode::POP_EXCEPT);
        self.emit_arg(Opcode::RERAISE, 0);
        self.bind(cleanup);
        self.pop_except_and_reraise();
        self.bind(orelse_label);
        self.compile_stmts(orelse)?;
        self.bind(end);
        Ok(())
    }

    /// `[exit] -> [exit, None, None, None] CALL 2`: calls `exit(None, None, None)`.
    pub(super) fn call_exit_with_nones(&mut self) {
        self.load_const(Constant::None);
        self.load_const(Constant::None);
        self.load_const(Constant::None);
        self.emit_arg(Opcode::CALL, 2);
    }

    pub(super) fn compile_with(
        &mut self,
        items: &'a [ast::WithItem],
        body: &'a [Stmt],
        range: TextRange,
        is_async: bool,
    ) -> Result {
        if is_async && self.unit_ref().kind != UnitKind::AsyncFunction {
            return Err(self.error("'async with' outside async function", range));
        }
        self.compile_with_items(items, body, range, is_async)
    }

    fn compile_with_items(
        &mut self,
        items: &'a [ast::WithItem],
        body: &'a [Stmt],
        range: TextRange,
        is_async: bool,
    ) -> Result {
        let Some((item, rest)) = items.split_first() else {
            return self.compile_stmts(body);
        };
        let stmt_pos = self.pos(range);
        let final_ = self.new_label();
        let exit = self.new_label();
        let cleanup = self.new_label();
        self.compile_expr(&item.context_expr)?;
        self.unit().loc = stmt_pos;
        if is_async {
            self.emit(Opcode::BEFORE_ASYNC_WITH);
            self.emit_arg(Opcode::GET_AWAITABLE, 1);
            self.load_const(Constant::None);
            self.emit_yield_from_loop();
        } else {
            self.emit(Opcode::BEFORE_WITH);
        }
        self.setup(Op::SetupWith, final_);
        self.push_fblock(FBlock::With { pos: stmt_pos, is_async }, range)?;
        match &item.optional_vars {
            Some(v) => self.compile_store(v)?,
            None => self.emit(Opcode::POP_TOP),
        }
        if rest.is_empty() {
            self.compile_stmts(body)?;
        } else {
            self.compile_with_items(rest, body, range, is_async)?;
        }
        self.pop_fblock();
        self.pop_block();
        // Normal exit: exit(None, None, None).
        self.unit().loc = stmt_pos;
        self.call_exit_with_nones();
        if is_async {
            self.emit_arg(Opcode::GET_AWAITABLE, 2);
            self.load_const(Constant::None);
            self.emit_yield_from_loop();
        }
        self.emit(Opcode::POP_TOP);
        self.emit_jump(Opcode::JUMP, exit);

        // Exceptional exit: [exit, lasti, exc].
        self.bind(final_);
        self.setup(Op::SetupCleanup, cleanup);
        self.emit(Opcode::PUSH_EXC_INFO);
        self.emit(Opcode::WITH_EXCEPT_START);
        if is_async {
            self.emit_arg(Opcode::GET_AWAITABLE, 2);
            self.load_const(Constant::None);
            self.emit_yield_from_loop();
        }
        self.with_except_finish(cleanup);
        self.bind(exit);
        Ok(())
    }

    /// After `WITH_EXCEPT_START`: re-raise unless `__exit__` returned true.
    fn with_except_finish(&mut self, cleanup: Label) {
        let suppress = self.new_label();
        self.emit_jump(Opcode::POP_JUMP_IF_TRUE, suppress);
        self.emit_arg(Opcode::RERAISE, 2);
        self.bind(cleanup);
        self.pop_except_and_reraise();
        self.bind(suppress);
        self.emit(Opcode::POP_TOP);
        self.pop_block();
        self.emit(Opcode::POP_EXCEPT);
        self.emit(Opcode::POP_TOP);
        self.emit(Opcode::POP_TOP);
    }
}

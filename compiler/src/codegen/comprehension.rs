//! List/set/dict comprehensions and generator expressions: each is a nested code
//! unit called with the iterator of its outermost iterable (`.0`).

use super::ir::Op;
use super::{Compiler, FBlock, Result, UnitKind};
use crate::bytecode::Opcode;
use crate::code::Constant;
use crate::symtable::{node_key, CompKind};
use rustpython_parser::ast::{self, Expr, Ranged};

impl<'a> Compiler<'a> {
    pub(super) fn compile_comprehension(
        &mut self,
        e: &'a Expr,
        generators: &'a [ast::Comprehension],
        elt: &'a Expr,
        value: Option<&'a Expr>,
    ) -> Result {
        let (key, kind) = match e {
            Expr::ListComp(c) => (node_key(c), CompKind::List),
            Expr::SetComp(c) => (node_key(c), CompKind::Set),
            Expr::DictComp(c) => (node_key(c), CompKind::Dict),
            Expr::GeneratorExp(c) => (node_key(c), CompKind::Generator),
            _ => return Err(self.error("internal compiler error: not a comprehension", e.range())),
        };
        let range = e.range();
        let (Some(outermost), Some(scope)) = (generators.first(), self.table.scope_for_key(key)) else {
            return Err(self.error("internal compiler error: comprehension without a scope", range));
        };
        let outer_kind = self.unit_ref().kind;
        let line = self.src.line_col(range.start().into()).0;
        self.enter_unit(scope, UnitKind::Comprehension, kind.scope_name(), line);
        self.set_loc(range);
        let is_async = self.scope().coroutine;
        if is_async
            && kind != CompKind::Generator
            && outer_kind != UnitKind::AsyncFunction
            && outer_kind != UnitKind::Comprehension
        {
            return Err(self.error("asynchronous comprehension outside of an asynchronous function", range));
        }
        match kind {
            CompKind::List => self.emit_arg(Opcode::BUILD_LIST, 0),
            CompKind::Set => self.emit_arg(Opcode::BUILD_SET, 0),
            CompKind::Dict => self.emit_arg(Opcode::BUILD_MAP, 0),
            CompKind::Generator => {}
        }
        self.unit().arg_count = 1;
        self.comprehension_generator(generators, 0, 0, elt, value, kind)?;
        self.set_loc(range);
        if kind == CompKind::Generator {
            self.load_const(Constant::None);
        }
        self.emit(Opcode::RETURN_VALUE);
        let code = self.exit_unit()?;
        self.set_loc(range);
        self.make_closure(code, 0, range)?;
        self.compile_iterable(&outermost.iter)?;
        self.set_loc(range);
        self.emit(if outermost.is_async { Opcode::GET_AITER } else { Opcode::GET_ITER });
        self.emit_arg(Opcode::CALL, 0);
        if is_async && kind != CompKind::Generator {
            self.emit_arg(Opcode::GET_AWAITABLE, 0);
            self.load_const(Constant::None);
            self.emit_yield_from_loop();
        }
        Ok(())
    }

    fn comprehension_generator(
        &mut self,
        generators: &'a [ast::Comprehension],
        index: usize,
        depth: u32,
        elt: &'a Expr,
        value: Option<&'a Expr>,
        kind: CompKind,
    ) -> Result {
        if generators[index].is_async {
            self.async_comprehension_generator(generators, index, depth, elt, value, kind)
        } else {
            self.sync_comprehension_generator(generators, index, depth, elt, value, kind)
        }
    }

    fn sync_comprehension_generator(
        &mut self,
        generators: &'a [ast::Comprehension],
        index: usize,
        mut depth: u32,
        elt: &'a Expr,
        value: Option<&'a Expr>,
        kind: CompKind,
    ) -> Result {
        let gen = &generators[index];
        let if_cleanup = self.new_label();
        let anchor = self.new_label();
        let mut start = Some(self.new_label());
        if index == 0 {
            self.emit_arg(Opcode::LOAD_FAST, 0);
        } else {
            // `for y in [expr]` binds y once, without a loop.
            let single = match &gen.iter {
                Expr::List(ast::ExprList { elts, .. }) | Expr::Tuple(ast::ExprTuple { elts, .. }) => {
                    match elts.as_slice() {
                        [one] if !matches!(one, Expr::Starred(_)) => Some(one),
                        _ => None,
                    }
                }
                _ => None,
            };
            if let Some(one) = single {
                self.compile_expr(one)?;
                start = None;
            } else {
                self.compile_iterable(&gen.iter)?;
                self.emit(Opcode::GET_ITER);
            }
        }
        if let Some(start) = start {
            depth += 1;
            self.bind(start);
            self.emit_jump(Opcode::FOR_ITER, anchor);
        }
        self.compile_store(&gen.target)?;
        for cond in &gen.ifs {
            self.jump_if(cond, if_cleanup, false)?;
        }
        if index + 1 < generators.len() {
            self.comprehension_generator(generators, index + 1, depth, elt, value, kind)?;
        } else {
            self.comprehension_element(depth, elt, value, kind)?;
        }
        self.bind(if_cleanup);
        if let Some(start) = start {
            self.emit_jump_noline(Opcode::JUMP, start);
            self.bind(anchor);
        }
        Ok(())
    }

    fn async_comprehension_generator(
        &mut self,
        generators: &'a [ast::Comprehension],
        index: usize,
        mut depth: u32,
        elt: &'a Expr,
        value: Option<&'a Expr>,
        kind: CompKind,
    ) -> Result {
        let gen = &generators[index];
        let start = self.new_label();
        let except = self.new_label();
        let if_cleanup = self.new_label();
        depth += 1;
        if index == 0 {
            self.emit_arg(Opcode::LOAD_FAST, 0);
        } else {
            self.compile_expr(&gen.iter)?;
            self.emit(Opcode::GET_AITER);
        }
        self.bind(start);
        self.push_fblock(FBlock::AsyncComprehension, gen.iter.range())?;
        self.setup(Op::SetupFinally, except);
        self.emit(Opcode::GET_ANEXT);
        self.load_const(Constant::None);
        self.emit_yield_from_loop();
        self.pop_block();
        self.compile_store(&gen.target)?;
        for cond in &gen.ifs {
            self.jump_if(cond, if_cleanup, false)?;
        }
        if index + 1 < generators.len() {
            self.comprehension_generator(generators, index + 1, depth, elt, value, kind)?;
        } else {
            self.comprehension_element(depth, elt, value, kind)?;
        }
        self.bind(if_cleanup);
        self.emit_jump_noline(Opcode::JUMP, start);
        self.pop_fblock();
        self.bind(except);
        self.emit(Opcode::END_ASYNC_FOR);
        Ok(())
    }

    fn comprehension_element(&mut self, depth: u32, elt: &'a Expr, value: Option<&'a Expr>, kind: CompKind) -> Result {
        match kind {
            CompKind::Generator => {
                self.compile_expr(elt)?;
                self.emit_yield();
                self.emit(Opcode::POP_TOP);
            }
            CompKind::List => {
                self.compile_expr(elt)?;
                self.emit_arg(Opcode::LIST_APPEND, depth + 1);
            }
            CompKind::Set => {
                self.compile_expr(elt)?;
                self.emit_arg(Opcode::SET_ADD, depth + 1);
            }
            CompKind::Dict => {
                self.compile_expr(elt)?;
                if let Some(v) = value {
                    self.compile_expr(v)?;
                }
                self.emit_arg(Opcode::MAP_ADD, depth + 1);
            }
        }
        Ok(())
    }
}

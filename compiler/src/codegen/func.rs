//! Function, lambda and class definitions: defaults, annotations, closures and
//! the nested code units.

use super::stmt::docstring;
use super::{Compiler, Ctx, Result, UnitKind};
use crate::bytecode::Opcode;
use crate::code::{CodeUnit, Constant};
use crate::symtable::{node_key, NameScope};
use rustpython_parser::ast::{self, Expr, Ranged, Stmt};
use rustpython_parser::text_size::TextRange;

/// A `def` or `async def`.
pub(crate) struct FuncDef<'a> {
    name: &'a str,
    args: &'a ast::Arguments,
    body: &'a [Stmt],
    decorators: &'a [Expr],
    returns: Option<&'a Expr>,
    range: TextRange,
    is_async: bool,
    key: usize,
    has_type_params: bool,
}

impl<'a> FuncDef<'a> {
    pub(crate) fn from_def(f: &'a ast::StmtFunctionDef) -> Self {
        FuncDef {
            name: &f.name,
            args: &f.args,
            body: &f.body,
            decorators: &f.decorator_list,
            returns: f.returns.as_deref(),
            range: f.range,
            is_async: false,
            key: node_key(f),
            has_type_params: !f.type_params.is_empty(),
        }
    }

    pub(crate) fn from_async_def(f: &'a ast::StmtAsyncFunctionDef) -> Self {
        FuncDef {
            name: &f.name,
            args: &f.args,
            body: &f.body,
            decorators: &f.decorator_list,
            returns: f.returns.as_deref(),
            range: f.range,
            is_async: true,
            key: node_key(f),
            has_type_params: !f.type_params.is_empty(),
        }
    }
}

impl<'a> Compiler<'a> {
    fn first_line(&self, decorators: &[Expr], range: TextRange) -> u32 {
        let r = decorators.first().map_or(range, |d| d.range());
        self.src.line_col(r.start().into()).0
    }

    pub(super) fn compile_funcdef(&mut self, f: FuncDef<'a>) -> Result {
        if f.has_type_params {
            return Err(self.error("invalid syntax", f.range));
        }
        self.compile_decorators(f.decorators)?;
        let first_line = self.first_line(f.decorators, f.range);
        self.set_loc(f.range);
        let mut flags = self.compile_defaults(f.args)?;
        if self.compile_annotations(f.args, f.returns)? {
            flags |= 4;
        }
        let Some(scope) = self.table.scope_for_key(f.key) else {
            return Err(self.error("internal compiler error: function without a scope", f.range));
        };
        let kind = if f.is_async { UnitKind::AsyncFunction } else { UnitKind::Function };
        self.enter_unit(scope, kind, f.name, first_line);
        self.set_arg_counts(f.args);
        let mut body = f.body;
        if let Some(doc) = docstring(body) {
            self.unit().docstring = Some(doc.to_string());
            body = &body[1..];
        }
        self.compile_stmts(body)?;
        self.unit().loc = Default::default();
        self.load_const(Constant::None);
        self.emit(Opcode::RETURN_VALUE);
        let code = self.exit_unit()?;
        self.set_loc(f.range);
        self.make_closure(code, flags, f.range)?;
        self.apply_decorators(f.decorators);
        self.set_loc(f.range);
        self.name_op(f.name, Ctx::Store);
        Ok(())
    }

    fn set_arg_counts(&mut self, args: &ast::Arguments) {
        let u = self.unit();
        u.posonly_count = args.posonlyargs.len() as u32;
        u.arg_count = (args.posonlyargs.len() + args.args.len()) as u32;
        u.kwonly_count = args.kwonlyargs.len() as u32;
    }

    pub(super) fn compile_lambda(&mut self, l: &'a ast::ExprLambda) -> Result {
        let flags = self.compile_defaults(&l.args)?;
        let Some(scope) = self.table.scope_for(l) else {
            return Err(self.error("internal compiler error: lambda without a scope", l.range));
        };
        let line = self.src.line_col(l.range.start().into()).0;
        self.enter_unit(scope, UnitKind::Lambda, "<lambda>", line);
        self.set_arg_counts(&l.args);
        self.set_loc(l.body.range());
        self.compile_expr(&l.body)?;
        self.emit(Opcode::RETURN_VALUE);
        let code = self.exit_unit()?;
        self.make_closure(code, flags, l.range)
    }

    /// Pushes the defaults tuple and keyword-only defaults dict; returns the
    /// `MAKE_FUNCTION` flags for them.
    fn compile_defaults(&mut self, args: &'a ast::Arguments) -> Result<u32> {
        let mut flags = 0;
        let defaults: Vec<&'a Expr> =
            args.posonlyargs.iter().chain(&args.args).filter_map(|a| a.default.as_deref()).collect();
        if !defaults.is_empty() {
            for d in &defaults {
                self.compile_expr(d)?;
            }
            let n = defaults.len();
            if !self.try_fold(n, |c| Some(Constant::Tuple(c.to_vec()))) {
                self.emit_arg(Opcode::BUILD_TUPLE, n as u32);
            }
            flags |= 1;
        }
        let mut names = Vec::new();
        for a in &args.kwonlyargs {
            if let Some(d) = &a.default {
                names.push(Constant::Str(self.mangle(&a.def.arg).into_owned()));
                self.compile_expr(d)?;
            }
        }
        if !names.is_empty() {
            let n = names.len() as u32;
            self.load_const(Constant::Tuple(names));
            self.emit_arg(Opcode::BUILD_CONST_KEY_MAP, n);
            flags |= 2;
        }
        Ok(flags)
    }

    /// Pushes the `(name, value, ...)` annotations tuple; false if there are none.
    fn compile_annotations(&mut self, args: &'a ast::Arguments, returns: Option<&'a Expr>) -> Result<bool> {
        let mut n = 0;
        let mut one = |this: &mut Self, name: &str, ann: &'a Expr| -> Result {
            let mangled = this.mangle(name).into_owned();
            this.load_const(Constant::Str(mangled));
            match ann {
                Expr::Starred(s) if !this.future.annotations => {
                    // `*args: *Ts` annotates with the single unpacked item.
                    this.compile_expr(&s.value)?;
                    this.emit_arg(Opcode::UNPACK_SEQUENCE, 1);
                }
                _ => this.compile_annotation(ann)?,
            }
            n += 1;
            Ok(())
        };
        // CPython's order: regular args before positional-only ones.
        for a in args.args.iter().chain(&args.posonlyargs) {
            if let Some(ann) = &a.def.annotation {
                one(self, &a.def.arg, ann)?;
            }
        }
        if let Some(v) = &args.vararg {
            if let Some(ann) = &v.annotation {
                one(self, &v.arg, ann)?;
            }
        }
        for a in &args.kwonlyargs {
            if let Some(ann) = &a.def.annotation {
                one(self, &a.def.arg, ann)?;
            }
        }
        if let Some(k) = &args.kwarg {
            if let Some(ann) = &k.annotation {
                one(self, &k.arg, ann)?;
            }
        }
        if let Some(r) = returns {
            one(self, "return", r)?;
        }
        if n == 0 {
            return Ok(false);
        }
        if !self.try_fold(2 * n, |c| Some(Constant::Tuple(c.to_vec()))) {
            self.emit_arg(Opcode::BUILD_TUPLE, 2 * n as u32);
        }
        Ok(true)
    }

    /// `[closure tuple]; LOAD_CONST code; MAKE_FUNCTION flags`.
    pub(super) fn make_closure(&mut self, code: CodeUnit, mut flags: u32, range: TextRange) -> Result {
        let nfree = code.nfreevars();
        if nfree > 0 {
            let first_free = code.localsplus_names.len() - nfree;
            for name in &code.localsplus_names[first_free..] {
                // A class's own `__class__` cell, else a cell or a free variable here.
                let is_class_cell = self.unit_ref().kind == UnitKind::Class && name == "__class__";
                let u = self.unit_ref();
                let slot = if is_class_cell || self.scope().scope_of(name) == NameScope::Cell {
                    u.cell_index.get(name.as_str())
                } else {
                    u.free_index.get(name.as_str())
                };
                let Some(&i) = slot else {
                    return Err(
                        self.error(format!("internal compiler error: no cell for free variable '{name}'"), range)
                    );
                };
                self.emit_arg(Opcode::LOAD_CLOSURE, i);
            }
            self.emit_arg(Opcode::BUILD_TUPLE, nfree as u32);
            flags |= 8;
        }
        self.load_const(Constant::Code(Box::new(code)));
        self.emit_arg(Opcode::MAKE_FUNCTION, flags);
        Ok(())
    }

    pub(super) fn compile_class(&mut self, c: &'a ast::StmtClassDef) -> Result {
        if !c.type_params.is_empty() {
            return Err(self.error("invalid syntax", c.range));
        }
        self.compile_decorators(&c.decorator_list)?;
        let first_line = self.first_line(&c.decorator_list, c.range);
        let Some(scope) = self.table.scope_for(c) else {
            return Err(self.error("internal compiler error: class without a scope", c.range));
        };
        self.enter_unit(scope, UnitKind::Class, &c.name, first_line);
        self.set_loc(c.range);
        self.name_op("__name__", Ctx::Load);
        self.name_op("__module__", Ctx::Store);
        let qualname = self.unit_ref().qualname.clone();
        self.load_const(Constant::Str(qualname));
        self.name_op("__qualname__", Ctx::Store);
        self.compile_body(&c.body, false)?;
        self.unit().loc = Default::default();
        if self.scope().needs_class_closure {
            let Some(&i) = self.unit_ref().cell_index.get("__class__") else {
                return Err(self.error("internal compiler error: missing __class__ cell", c.range));
            };
            self.emit_arg(Opcode::LOAD_CLOSURE, i);
            self.emit_arg(Opcode::COPY, 1);
            self.emit_name_raw(Opcode::STORE_NAME, "__classcell__");
        } else {
            self.load_const(Constant::None);
        }
        self.emit(Opcode::RETURN_VALUE);
        let code = self.exit_unit()?;
        self.set_loc(c.range);
        self.emit(Opcode::PUSH_NULL);
        self.emit(Opcode::LOAD_BUILD_CLASS);
        self.make_closure(code, 0, c.range)?;
        self.load_const(Constant::Str(c.name.to_string()));
        self.call_helper(2, &c.bases, &c.keywords)?;
        self.apply_decorators(&c.decorator_list);
        self.set_loc(c.range);
        self.name_op(&c.name, Ctx::Store);
        Ok(())
    }
}

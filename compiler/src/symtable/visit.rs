//! First symbol-table pass: walk the AST recording, per scope, how each name is
//! used. Also reports the SyntaxErrors CPython raises while building its symbol
//! table. (Invalid assignment targets, which CPython's parser rejects, are
//! reported earlier by `crate::grammar`.)

use super::{flag, mangle, node_key, CompKind, Future, Scope, ScopeKind, SymbolTable};
use crate::source::SourceMap;
use crate::targets;
use crate::{CompileError, MAX_NESTING};
use rustpython_parser::ast::{self, Expr, Ranged, Stmt};
use rustpython_parser::text_size::TextRange;

type Result<T = ()> = std::result::Result<T, CompileError>;

pub(super) struct Visitor<'t, 's> {
    table: &'t mut SymbolTable,
    src: &'s SourceMap<'s>,
    future: Future,
    cur: usize,
    /// The enclosing class name, for private-name mangling.
    private: Option<String>,
    depth: u32,
}

impl<'t, 's> Visitor<'t, 's> {
    pub(super) fn new(table: &'t mut SymbolTable, src: &'s SourceMap<'s>, future: Future) -> Self {
        Visitor { table, src, future, cur: 0, private: None, depth: 0 }
    }

    pub(super) fn visit_module(&mut self, body: &[Stmt]) -> Result {
        for s in body {
            self.visit_stmt(s)?;
        }
        Ok(())
    }

    pub(super) fn visit_expr_root(&mut self, e: &Expr) -> Result {
        self.visit_expr(e)
    }

    fn err(&self, msg: impl Into<String>, range: TextRange) -> CompileError {
        self.src.syntax_error(msg, range)
    }

    fn scope(&mut self) -> &mut Scope {
        &mut self.table.scopes[self.cur]
    }

    fn enter_scope(&mut self, kind: ScopeKind, name: &str, key: usize, range: TextRange) {
        let parent = self.cur;
        let id = self.table.scopes.len();
        let mut scope = Scope::new(kind, name, Some(parent), range);
        let p = &self.table.scopes[parent];
        scope.nested = p.nested || p.kind == ScopeKind::Function;
        self.table.scopes.push(scope);
        self.table.scopes[parent].children.push(id);
        self.table.by_node.insert(key, id);
        self.cur = id;
    }

    fn exit_scope(&mut self) {
        self.cur = self.table.scopes[self.cur].parent.unwrap_or(0);
    }

    fn mangled(&self, name: &str) -> String {
        mangle(self.private.as_deref(), name).into_owned()
    }

    fn add_def(&mut self, name: &str, f: u32, range: TextRange) -> Result {
        let mangled = self.mangled(name);
        self.add_def_in(name, &mangled, f, self.cur, range)
    }

    fn add_def_in(&mut self, name: &str, mangled: &str, f: u32, sid: usize, range: TextRange) -> Result {
        let scope = &mut self.table.scopes[sid];
        let old = scope.flags(mangled);
        if f & flag::PARAM != 0 && old & flag::PARAM != 0 {
            return Err(self.err(format!("duplicate argument '{name}' in function definition"), range));
        }
        let mut val = old | f;
        if scope.comp_iter_target {
            if val & (flag::GLOBAL | flag::NONLOCAL) != 0 {
                return Err(self.err(
                    format!("comprehension inner loop cannot rebind assignment expression target '{name}'"),
                    range,
                ));
            }
            val |= flag::COMP_ITER;
        }
        scope.set_flags(mangled, val);
        if f & flag::PARAM != 0 {
            scope.params.push(mangled.to_string());
        } else if f & flag::GLOBAL != 0 {
            // A global declaration anywhere also marks the name in the module scope.
            let module = &mut self.table.scopes[0];
            let v = f | module.flags(mangled);
            module.set_flags(mangled, v);
        }
        Ok(())
    }

    fn record_directive(&mut self, name: &str, range: TextRange) {
        let mangled = self.mangled(name);
        self.scope().directives.entry(mangled).or_insert(range);
    }

    fn enter_depth(&mut self, range: TextRange) -> Result {
        self.depth += 1;
        if self.depth > MAX_NESTING {
            return Err(self.err(
                "too many nested expressions and statements (maximum recursion depth exceeded during compilation)",
                range,
            ));
        }
        Ok(())
    }

    fn visit_body(&mut self, body: &[Stmt]) -> Result {
        body.iter().try_for_each(|s| self.visit_stmt(s))
    }

    fn visit_exprs(&mut self, exprs: &[Expr]) -> Result {
        exprs.iter().try_for_each(|e| self.visit_expr(e))
    }

    fn visit_opt(&mut self, e: &Option<Box<Expr>>) -> Result {
        match e {
            Some(e) => self.visit_expr(e),
            None => Ok(()),
        }
    }

    fn check_forbidden(&self, name: &str, range: TextRange) -> Result {
        if name == "__debug__" {
            return Err(self.err("cannot assign to __debug__", range));
        }
        Ok(())
    }

    fn visit_stmt(&mut self, s: &Stmt) -> Result {
        self.enter_depth(s.range())?;
        self.visit_stmt_inner(s)?;
        self.depth -= 1;
        Ok(())
    }

    fn visit_stmt_inner(&mut self, s: &Stmt) -> Result {
        match s {
            Stmt::FunctionDef(f) => self.visit_funcdef(
                &f.name,
                &f.args,
                &f.body,
                &f.decorator_list,
                f.returns.as_deref(),
                node_key(f),
                f.range,
                false,
            ),
            Stmt::AsyncFunctionDef(f) => self.visit_funcdef(
                &f.name,
                &f.args,
                &f.body,
                &f.decorator_list,
                f.returns.as_deref(),
                node_key(f),
                f.range,
                true,
            ),
            Stmt::ClassDef(c) => {
                if !c.type_params.is_empty() {
                    return Err(self.err("invalid syntax", c.range));
                }
                self.check_forbidden(&c.name, c.range)?;
                self.add_def(&c.name, flag::LOCAL, c.range)?;
                self.visit_exprs(&c.bases)?;
                for k in &c.keywords {
                    self.visit_expr(&k.value)?;
                }
                self.visit_exprs(&c.decorator_list)?;
                self.enter_scope(ScopeKind::Class, &c.name, node_key(c), c.range);
                let prev = self.private.replace(c.name.to_string());
                self.visit_body(&c.body)?;
                self.private = prev;
                self.exit_scope();
                Ok(())
            }
            Stmt::Return(r) => self.visit_opt(&r.value),
            Stmt::Delete(d) => {
                for t in &d.targets {
                    self.visit_expr(t)?;
                }
                Ok(())
            }
            Stmt::Assign(a) => {
                self.visit_exprs(&a.targets)?;
                self.visit_expr(&a.value)
            }
            Stmt::TypeAlias(t) => Err(self.err("invalid syntax", t.range)),
            Stmt::AugAssign(a) => {
                self.visit_expr(&a.target)?;
                self.visit_expr(&a.value)
            }
            Stmt::AnnAssign(a) => self.visit_annassign(a),
            Stmt::For(f) => {
                self.visit_expr(&f.target)?;
                self.visit_expr(&f.iter)?;
                self.visit_body(&f.body)?;
                self.visit_body(&f.orelse)
            }
            Stmt::AsyncFor(f) => {
                self.visit_expr(&f.target)?;
                self.visit_expr(&f.iter)?;
                self.visit_body(&f.body)?;
                self.visit_body(&f.orelse)
            }
            Stmt::While(w) => {
                self.visit_expr(&w.test)?;
                self.visit_body(&w.body)?;
                self.visit_body(&w.orelse)
            }
            Stmt::If(i) => {
                self.visit_expr(&i.test)?;
                self.visit_body(&i.body)?;
                self.visit_body(&i.orelse)
            }
            Stmt::With(w) => {
                self.visit_withitems(&w.items)?;
                self.visit_body(&w.body)
            }
            Stmt::AsyncWith(w) => {
                self.visit_withitems(&w.items)?;
                self.visit_body(&w.body)
            }
            Stmt::Match(m) => {
                self.visit_expr(&m.subject)?;
                for case in &m.cases {
                    self.visit_pattern(&case.pattern)?;
                    self.visit_opt(&case.guard)?;
                    self.visit_body(&case.body)?;
                }
                Ok(())
            }
            Stmt::Raise(r) => {
                self.visit_opt(&r.exc)?;
                self.visit_opt(&r.cause)
            }
            Stmt::Try(t) => self.visit_try(&t.body, &t.handlers, &t.orelse, &t.finalbody),
            Stmt::TryStar(t) => self.visit_try(&t.body, &t.handlers, &t.orelse, &t.finalbody),
            Stmt::Assert(a) => {
                self.visit_expr(&a.test)?;
                self.visit_opt(&a.msg)
            }
            Stmt::Import(i) => i.names.iter().try_for_each(|a| self.visit_alias(a)),
            Stmt::ImportFrom(i) => i.names.iter().try_for_each(|a| self.visit_alias(a)),
            Stmt::Global(g) => {
                for name in &g.names {
                    let cur = self.table.scopes[self.cur].flags(&self.mangled(name));
                    if cur & (flag::PARAM | flag::LOCAL | flag::USE | flag::ANNOT) != 0 {
                        let msg = if cur & flag::PARAM != 0 {
                            "is parameter and global"
                        } else if cur & flag::USE != 0 {
                            "is used prior to global declaration"
                        } else if cur & flag::ANNOT != 0 {
                            return Err(self.err(format!("annotated name '{name}' can't be global"), g.range));
                        } else {
                            "is assigned to before global declaration"
                        };
                        return Err(self.err(format!("name '{name}' {msg}"), g.range));
                    }
                    self.add_def(name, flag::GLOBAL, g.range)?;
                    self.record_directive(name, g.range);
                }
                Ok(())
            }
            Stmt::Nonlocal(n) => {
                for name in &n.names {
                    let cur = self.table.scopes[self.cur].flags(&self.mangled(name));
                    if cur & (flag::PARAM | flag::LOCAL | flag::USE | flag::ANNOT) != 0 {
                        let msg = if cur & flag::PARAM != 0 {
                            "is parameter and nonlocal"
                        } else if cur & flag::USE != 0 {
                            "is used prior to nonlocal declaration"
                        } else if cur & flag::ANNOT != 0 {
                            return Err(self.err(format!("annotated name '{name}' can't be nonlocal"), n.range));
                        } else {
                            "is assigned to before nonlocal declaration"
                        };
                        return Err(self.err(format!("name '{name}' {msg}"), n.range));
                    }
                    self.add_def(name, flag::NONLOCAL, n.range)?;
                    self.record_directive(name, n.range);
                }
                Ok(())
            }
            Stmt::Expr(e) => self.visit_expr(&e.value),
            Stmt::Pass(_) | Stmt::Break(_) | Stmt::Continue(_) => Ok(()),
        }
    }

    #[allow(clippy::too_many_arguments)]
    fn visit_funcdef(
        &mut self,
        name: &ast::Identifier,
        args: &ast::Arguments,
        body: &[Stmt],
        decorators: &[Expr],
        returns: Option<&Expr>,
        key: usize,
        range: TextRange,
        is_async: bool,
    ) -> Result {
        self.check_forbidden(name, range)?;
        self.add_def(name, flag::LOCAL, range)?;
        self.visit_defaults(args)?;
        self.visit_annotations(args, returns)?;
        self.visit_exprs(decorators)?;
        self.enter_scope(ScopeKind::Function, name, key, range);
        if is_async {
            self.scope().coroutine = true;
            self.scope().is_async = true;
        }
        self.visit_params(args, range)?;
        self.visit_body(body)?;
        self.exit_scope();
        Ok(())
    }

    fn visit_defaults(&mut self, args: &ast::Arguments) -> Result {
        for a in args.posonlyargs.iter().chain(&args.args).chain(&args.kwonlyargs) {
            if let Some(d) = &a.default {
                self.visit_expr(d)?;
            }
        }
        Ok(())
    }

    fn visit_annotation(&mut self, e: &Expr) -> Result {
        // Stringified annotations are never evaluated, so their names are not uses.
        if self.future.annotations {
            return Ok(());
        }
        self.visit_expr(e)
    }

    fn visit_annotations(&mut self, args: &ast::Arguments, returns: Option<&Expr>) -> Result {
        for a in args.posonlyargs.iter().chain(&args.args) {
            if let Some(ann) = &a.def.annotation {
                self.visit_annotation(ann)?;
            }
        }
        if let Some(ann) = args.vararg.as_ref().and_then(|v| v.annotation.as_ref()) {
            self.visit_annotation(ann)?;
        }
        if let Some(ann) = args.kwarg.as_ref().and_then(|v| v.annotation.as_ref()) {
            self.visit_annotation(ann)?;
        }
        for a in &args.kwonlyargs {
            if let Some(ann) = &a.def.annotation {
                self.visit_annotation(ann)?;
            }
        }
        if let Some(r) = returns {
            self.visit_annotation(r)?;
        }
        Ok(())
    }

    fn visit_params(&mut self, args: &ast::Arguments, range: TextRange) -> Result {
        for a in args.posonlyargs.iter().chain(&args.args).chain(&args.kwonlyargs) {
            self.check_forbidden(&a.def.arg, range)?;
            self.add_def(&a.def.arg, flag::PARAM, a.def.range)?;
        }
        if let Some(v) = &args.vararg {
            self.check_forbidden(&v.arg, range)?;
            self.add_def(&v.arg, flag::PARAM, v.range)?;
            self.scope().varargs = true;
        }
        if let Some(k) = &args.kwarg {
            self.check_forbidden(&k.arg, range)?;
            self.add_def(&k.arg, flag::PARAM, k.range)?;
            self.scope().varkeywords = true;
        }
        Ok(())
    }

    fn visit_annassign(&mut self, a: &ast::StmtAnnAssign) -> Result {
        let simple = targets::ann_is_simple(a);
        match &*a.target {
            Expr::Name(n) => {
                self.check_forbidden(&n.id, n.range)?;
                let cur = self.table.scopes[self.cur].flags(&self.mangled(&n.id));
                if cur & (flag::GLOBAL | flag::NONLOCAL) != 0 && self.cur != 0 && simple {
                    let which = if cur & flag::GLOBAL != 0 { "global" } else { "nonlocal" };
                    return Err(self.err(format!("annotated name '{}' can't be {which}", n.id), a.range));
                }
                if simple {
                    self.add_def(&n.id, flag::ANNOT | flag::LOCAL, n.range)?;
                } else if a.value.is_some() {
                    self.add_def(&n.id, flag::LOCAL, n.range)?;
                }
            }
            t => self.visit_expr(t)?,
        }
        self.visit_annotation(&a.annotation)?;
        self.visit_opt(&a.value)
    }

    fn visit_withitems(&mut self, items: &[ast::WithItem]) -> Result {
        for item in items {
            self.visit_expr(&item.context_expr)?;
            if let Some(v) = &item.optional_vars {
                self.visit_expr(v)?;
            }
        }
        Ok(())
    }

    fn visit_try(
        &mut self,
        body: &[Stmt],
        handlers: &[ast::ExceptHandler],
        orelse: &[Stmt],
        finalbody: &[Stmt],
    ) -> Result {
        self.visit_body(body)?;
        self.visit_body(orelse)?;
        for h in handlers {
            let ast::ExceptHandler::ExceptHandler(h) = h;
            self.visit_opt(&h.type_)?;
            if let Some(name) = &h.name {
                self.check_forbidden(name, h.range)?;
                self.add_def(name, flag::LOCAL, h.range)?;
            }
            self.visit_body(&h.body)?;
        }
        self.visit_body(finalbody)
    }

    fn visit_alias(&mut self, a: &ast::Alias) -> Result {
        let name = a.asname.as_ref().unwrap_or(&a.name);
        if name.as_str() == "*" {
            if self.table.scopes[self.cur].kind != ScopeKind::Module {
                return Err(self.err("import * only allowed at module level", a.range));
            }
            return Ok(());
        }
        let store = name.split('.').next().unwrap_or(name);
        if a.asname.is_some() {
            self.check_forbidden(store, a.range)?;
        }
        self.add_def(store, flag::IMPORT, a.range)
    }

    fn visit_pattern(&mut self, p: &ast::Pattern) -> Result {
        self.enter_depth(p.range())?;
        match p {
            ast::Pattern::MatchValue(v) => self.visit_expr(&v.value)?,
            ast::Pattern::MatchSingleton(_) => {}
            ast::Pattern::MatchSequence(s) => s.patterns.iter().try_for_each(|p| self.visit_pattern(p))?,
            ast::Pattern::MatchStar(s) => {
                if let Some(n) = &s.name {
                    self.check_forbidden(n, s.range)?;
                    self.add_def(n, flag::LOCAL, s.range)?;
                }
            }
            ast::Pattern::MatchMapping(m) => {
                self.visit_exprs(&m.keys)?;
                m.patterns.iter().try_for_each(|p| self.visit_pattern(p))?;
                if let Some(n) = &m.rest {
                    self.check_forbidden(n, m.range)?;
                    self.add_def(n, flag::LOCAL, m.range)?;
                }
            }
            ast::Pattern::MatchClass(c) => {
                self.visit_expr(&c.cls)?;
                c.patterns.iter().try_for_each(|p| self.visit_pattern(p))?;
                c.kwd_patterns.iter().try_for_each(|p| self.visit_pattern(p))?;
            }
            ast::Pattern::MatchAs(a) => {
                if let Some(p) = &a.pattern {
                    self.visit_pattern(p)?;
                }
                if let Some(n) = &a.name {
                    self.check_forbidden(n, a.range)?;
                    self.add_def(n, flag::LOCAL, a.range)?;
                }
            }
            ast::Pattern::MatchOr(o) => o.patterns.iter().try_for_each(|p| self.visit_pattern(p))?,
        }
        self.depth -= 1;
        Ok(())
    }

    fn visit_expr(&mut self, e: &Expr) -> Result {
        self.enter_depth(e.range())?;
        self.visit_expr_inner(e)?;
        self.depth -= 1;
        Ok(())
    }

    fn visit_expr_inner(&mut self, e: &Expr) -> Result {
        match e {
            Expr::BoolOp(b) => self.visit_exprs(&b.values),
            Expr::NamedExpr(n) => self.visit_namedexpr(n),
            Expr::BinOp(b) => {
                self.visit_expr(&b.left)?;
                self.visit_expr(&b.right)
            }
            Expr::UnaryOp(u) => self.visit_expr(&u.operand),
            Expr::Lambda(l) => {
                self.visit_defaults(&l.args)?;
                self.enter_scope(ScopeKind::Function, "lambda", node_key(l), l.range);
                self.scope().is_lambda = true;
                self.visit_params(&l.args, l.range)?;
                self.visit_expr(&l.body)?;
                self.exit_scope();
                Ok(())
            }
            Expr::IfExp(i) => {
                self.visit_expr(&i.test)?;
                self.visit_expr(&i.body)?;
                self.visit_expr(&i.orelse)
            }
            Expr::Dict(d) => {
                for k in d.keys.iter().flatten() {
                    self.visit_expr(k)?;
                }
                self.visit_exprs(&d.values)
            }
            Expr::Set(s) => self.visit_exprs(&s.elts),
            Expr::ListComp(c) => {
                self.visit_comprehension(node_key(c), CompKind::List, &c.generators, &c.elt, None, c.range)
            }
            Expr::SetComp(c) => {
                self.visit_comprehension(node_key(c), CompKind::Set, &c.generators, &c.elt, None, c.range)
            }
            Expr::DictComp(c) => {
                self.visit_comprehension(node_key(c), CompKind::Dict, &c.generators, &c.key, Some(&c.value), c.range)
            }
            Expr::GeneratorExp(c) => {
                self.visit_comprehension(node_key(c), CompKind::Generator, &c.generators, &c.elt, None, c.range)
            }
            Expr::Await(a) => {
                self.visit_expr(&a.value)?;
                self.scope().coroutine = true;
                Ok(())
            }
            Expr::Yield(y) => {
                self.visit_opt(&y.value)?;
                self.mark_yield(y.range)
            }
            Expr::YieldFrom(y) => {
                self.visit_expr(&y.value)?;
                self.mark_yield(y.range)
            }
            Expr::Compare(c) => {
                self.visit_expr(&c.left)?;
                self.visit_exprs(&c.comparators)
            }
            Expr::Call(c) => {
                self.visit_expr(&c.func)?;
                self.visit_exprs(&c.args)?;
                for k in &c.keywords {
                    if let Some(arg) = &k.arg {
                        self.check_forbidden(arg, c.range)?;
                    }
                    self.visit_expr(&k.value)?;
                }
                Ok(())
            }
            Expr::FormattedValue(f) => {
                self.visit_expr(&f.value)?;
                self.visit_opt(&f.format_spec)
            }
            Expr::JoinedStr(j) => self.visit_exprs(&j.values),
            Expr::Constant(_) => Ok(()),
            Expr::Attribute(a) => {
                if !matches!(a.ctx, ast::ExprContext::Load) {
                    self.check_forbidden(&a.attr, a.range)?;
                }
                self.visit_expr(&a.value)
            }
            Expr::Subscript(s) => {
                self.visit_expr(&s.value)?;
                self.visit_expr(&s.slice)
            }
            Expr::Starred(s) => self.visit_expr(&s.value),
            Expr::Name(n) => {
                let load = matches!(n.ctx, ast::ExprContext::Load);
                if matches!(n.ctx, ast::ExprContext::Del) && n.id.as_str() == "__debug__" {
                    return Err(self.err("cannot delete __debug__", n.range));
                }
                if !load {
                    self.check_forbidden(&n.id, n.range)?;
                }
                self.add_def(&n.id, if load { flag::USE } else { flag::LOCAL }, n.range)?;
                // `super()` needs the implicit `__class__` cell.
                if load && n.id.as_str() == "super" && self.table.scopes[self.cur].kind == ScopeKind::Function {
                    self.add_def("__class__", flag::USE, n.range)?;
                }
                Ok(())
            }
            Expr::List(l) => self.visit_exprs(&l.elts),
            Expr::Tuple(t) => self.visit_exprs(&t.elts),
            Expr::Slice(s) => {
                self.visit_opt(&s.lower)?;
                self.visit_opt(&s.upper)?;
                self.visit_opt(&s.step)
            }
        }
    }

    fn mark_yield(&mut self, range: TextRange) -> Result {
        let scope = self.scope();
        scope.generator = true;
        if let Some(kind) = scope.comprehension {
            let what = match kind {
                CompKind::List => "list comprehension",
                CompKind::Set => "set comprehension",
                CompKind::Dict => "dict comprehension",
                CompKind::Generator => "generator expression",
            };
            return Err(self.err(format!("'yield' inside {what}"), range));
        }
        Ok(())
    }

    fn visit_namedexpr(&mut self, n: &ast::ExprNamedExpr) -> Result {
        if self.table.scopes[self.cur].comp_iter_expr > 0 {
            return Err(
                self.err("assignment expression cannot be used in a comprehension iterable expression", n.range)
            );
        }
        if self.table.scopes[self.cur].comprehension.is_some() {
            if let Expr::Name(target) = &*n.target {
                self.extend_namedexpr_scope(target)?;
            }
        }
        self.visit_expr(&n.value)?;
        self.visit_expr(&n.target)
    }

    /// A walrus inside a comprehension binds in the nearest enclosing function
    /// (or module), not in the comprehension itself.
    fn extend_namedexpr_scope(&mut self, target: &ast::ExprName) -> Result {
        let name = target.id.as_str();
        let mangled = self.mangled(name);
        let range = target.range;
        let mut sid = Some(self.cur);
        while let Some(id) = sid {
            let scope = &self.table.scopes[id];
            if scope.comprehension.is_some() {
                if scope.flags(&mangled) & flag::COMP_ITER != 0 {
                    return Err(self.err(
                        format!("assignment expression cannot rebind comprehension iteration variable '{name}'"),
                        range,
                    ));
                }
                sid = scope.parent;
                continue;
            }
            match scope.kind {
                ScopeKind::Function => {
                    let f = if scope.flags(&mangled) & flag::GLOBAL != 0 { flag::GLOBAL } else { flag::NONLOCAL };
                    self.add_def(name, f, range)?;
                    self.record_directive(name, range);
                    return self.add_def_in(name, &mangled, flag::LOCAL, id, range);
                }
                ScopeKind::Module => {
                    self.add_def(name, flag::GLOBAL, range)?;
                    self.record_directive(name, range);
                    return self.add_def_in(name, &mangled, flag::GLOBAL, id, range);
                }
                ScopeKind::Class => {
                    return Err(
                        self.err("assignment expression within a comprehension cannot be used in a class body", range)
                    );
                }
            }
        }
        Ok(())
    }

    fn visit_comprehension(
        &mut self,
        key: usize,
        kind: CompKind,
        generators: &[ast::Comprehension],
        elt: &Expr,
        value: Option<&Expr>,
        range: TextRange,
    ) -> Result {
        let Some(outermost) = generators.first() else {
            return Err(self.err("comprehension without a 'for' clause", range));
        };
        // The outermost iterable is evaluated in the enclosing scope.
        self.scope().comp_iter_expr += 1;
        self.visit_expr(&outermost.iter)?;
        self.scope().comp_iter_expr -= 1;
        self.enter_scope(ScopeKind::Function, kind.scope_name(), key, range);
        self.scope().comprehension = Some(kind);
        if outermost.is_async {
            self.scope().coroutine = true;
        }
        self.add_def(".0", flag::PARAM, range)?;
        self.visit_comp_target(&outermost.target)?;
        self.visit_exprs(&outermost.ifs)?;
        for gen in &generators[1..] {
            self.visit_comp_target(&gen.target)?;
            self.scope().comp_iter_expr += 1;
            self.visit_expr(&gen.iter)?;
            self.scope().comp_iter_expr -= 1;
            self.visit_exprs(&gen.ifs)?;
            if gen.is_async {
                self.scope().coroutine = true;
            }
        }
        if let Some(v) = value {
            self.visit_expr(v)?;
        }
        self.visit_expr(elt)?;
        let is_gen = kind == CompKind::Generator;
        let scope = self.scope();
        scope.generator = is_gen;
        let is_async = scope.coroutine && !is_gen;
        self.exit_scope();
        if is_async {
            self.scope().coroutine = true;
        }
        Ok(())
    }

    fn visit_comp_target(&mut self, target: &Expr) -> Result {
        self.scope().comp_iter_target = true;
        let r = self.visit_expr(target);
        self.scope().comp_iter_target = false;
        r
    }
}

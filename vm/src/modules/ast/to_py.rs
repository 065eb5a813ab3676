//! The parser's tree -> `ast` node objects, with CPython's positions
//! (1-based lines, columns in UTF-8 bytes) and CPython's shapes
//! (`arguments` with separate default lists, `Constant(value, kind)`,
//! shared `ctx` and operator instances).

use super::nodes::{Classes, K};
use super::positions::Positions;
use crate::object::PyRef;
use crate::runtime::{PyErr, PyResult};
use crate::types::str::{intern, new_str};
use crate::types::{int, list::new_list, none};
use ember_compiler::ast;
use ember_compiler::ast::text_size::TextRange;
use ember_compiler::ast::Ranged;

/// A node's position: line, column, end line, end column.
pub type Loc = (u32, u32, u32, u32);

pub struct ToPy<'a> {
    pub classes: &'a Classes,
    pub pos: Positions<'a>,
}

fn ident(i: &ast::Identifier) -> PyRef {
    intern(i.as_str())
}

fn opt_ident(i: &Option<ast::Identifier>) -> PyRef {
    i.as_ref().map_or_else(none, ident)
}

impl<'a> ToPy<'a> {
    /// A node of class `k` with its fields in `_fields` order, then its
    /// position attributes.
    pub fn node(&self, k: K, values: Vec<PyRef>, loc: Option<Loc>) -> PyResult {
        let cls = self.classes.class(k);
        let t = cls
            .downcast::<crate::types::typeobj::TypeObj>()
            .ok_or_else(|| PyErr::system_error("ast: node class is not a type"))?;
        let n = super::base::new_node(t);
        let d = super::base::node_dict(&n)?;
        let d = d.downcast::<crate::types::dict::DictObj>().ok_or_else(|| PyErr::system_error("ast: node dict"))?;
        for (name, v) in self.classes.field_names[k as usize].iter().zip(values) {
            d.set_str(name, v);
        }
        if let Some((l, c, el, ec)) = loc {
            let attrs = super::nodes::POSITION_ATTRIBUTES;
            for (name, v) in attrs.iter().zip([l, c, el, ec]) {
                d.set_by_str(name, int::new_int(v as i64));
            }
        }
        Ok(n)
    }

    fn singleton(&self, k: K) -> PyResult {
        match &self.classes.singletons[k as usize] {
            Some(s) => Ok(s.clone()),
            None => self.node(k, Vec::new(), None),
        }
    }

    fn loc(&self, r: TextRange) -> Option<Loc> {
        Some(self.pos.loc(r))
    }

    fn list<T>(&self, items: &[T], f: impl Fn(&Self, &T) -> PyResult) -> PyResult {
        let mut v = Vec::with_capacity(items.len());
        for i in items {
            v.push(f(self, i)?);
        }
        Ok(new_list(v))
    }

    fn exprs(&self, items: &[ast::Expr]) -> PyResult {
        self.list(items, Self::expr)
    }

    fn stmts(&self, items: &[ast::Stmt]) -> PyResult {
        self.list(items, Self::stmt)
    }

    fn opt_expr(&self, e: &Option<Box<ast::Expr>>) -> PyResult {
        Ok(match e {
            Some(e) => self.expr(e)?,
            None => none(),
        })
    }

    fn names(&self, items: &[ast::Identifier]) -> PyResult {
        Ok(new_list(items.iter().map(ident).collect()))
    }

    // ---- modules -------------------------------------------------------

    pub fn module(&self, body: &[ast::Stmt]) -> PyResult {
        self.node(K::Module, vec![self.stmts(body)?, new_list(Vec::new())], None)
    }

    pub fn interactive(&self, body: &[ast::Stmt]) -> PyResult {
        self.node(K::Interactive, vec![self.stmts(body)?], None)
    }

    pub fn expression(&self, e: &ast::Expr) -> PyResult {
        self.node(K::Expression, vec![self.expr(e)?], None)
    }

    pub fn function_type(&self, argtypes: &[ast::Expr], returns: &ast::Expr) -> PyResult {
        self.node(K::FunctionType, vec![self.exprs(argtypes)?, self.expr(returns)?], None)
    }

    // ---- statements ----------------------------------------------------

    pub fn stmt(&self, s: &ast::Stmt) -> PyResult {
        use ast::Stmt as S;
        let loc = Some(self.pos.stmt_loc(s));
        match s {
            S::FunctionDef(f) => self.node(
                K::FunctionDef,
                vec![
                    ident(&f.name),
                    self.arguments(&f.args)?,
                    self.stmts(&f.body)?,
                    self.exprs(&f.decorator_list)?,
                    self.opt_expr(&f.returns)?,
                    none(),
                ],
                loc,
            ),
            S::AsyncFunctionDef(f) => self.node(
                K::AsyncFunctionDef,
                vec![
                    ident(&f.name),
                    self.arguments(&f.args)?,
                    self.stmts(&f.body)?,
                    self.exprs(&f.decorator_list)?,
                    self.opt_expr(&f.returns)?,
                    none(),
                ],
                loc,
            ),
            S::ClassDef(c) => self.node(
                K::ClassDef,
                vec![
                    ident(&c.name),
                    self.exprs(&c.bases)?,
                    self.list(&c.keywords, Self::keyword)?,
                    self.stmts(&c.body)?,
                    self.exprs(&c.decorator_list)?,
                ],
                loc,
            ),
            S::Return(r) => self.node(K::Return, vec![self.opt_expr(&r.value)?], loc),
            S::Delete(d) => self.node(K::Delete, vec![self.exprs(&d.targets)?], loc),
            S::Assign(a) => self.node(K::Assign, vec![self.exprs(&a.targets)?, self.expr(&a.value)?, none()], loc),
            S::TypeAlias(_) => Err(PyErr::system_error("ast: type aliases are not Python 3.11 syntax")),
            S::AugAssign(a) => {
                self.node(K::AugAssign, vec![self.expr(&a.target)?, self.operator(a.op)?, self.expr(&a.value)?], loc)
            }
            S::AnnAssign(a) => self.node(
                K::AnnAssign,
                vec![
                    self.expr(&a.target)?,
                    self.expr(&a.annotation)?,
                    self.opt_expr(&a.value)?,
                    // A parenthesized name is not simple.
                    int::new_int((a.simple && a.range.start() == a.target.range().start()) as i64),
                ],
                loc,
            ),
            S::For(f) => self.node(
                K::For,
                vec![self.expr(&f.target)?, self.expr(&f.iter)?, self.stmts(&f.body)?, self.stmts(&f.orelse)?, none()],
                loc,
            ),
            S::AsyncFor(f) => self.node(
                K::AsyncFor,
                vec![self.expr(&f.target)?, self.expr(&f.iter)?, self.stmts(&f.body)?, self.stmts(&f.orelse)?, none()],
                loc,
            ),
            S::While(w) => {
                self.node(K::While, vec![self.expr(&w.test)?, self.stmts(&w.body)?, self.stmts(&w.orelse)?], loc)
            }
            S::If(i) => self.node(K::If, vec![self.expr(&i.test)?, self.stmts(&i.body)?, self.stmts(&i.orelse)?], loc),
            S::With(w) => {
                self.node(K::With, vec![self.list(&w.items, Self::withitem)?, self.stmts(&w.body)?, none()], loc)
            }
            S::AsyncWith(w) => {
                self.node(K::AsyncWith, vec![self.list(&w.items, Self::withitem)?, self.stmts(&w.body)?, none()], loc)
            }
            S::Match(m) => {
                self.node(K::Match, vec![self.expr(&m.subject)?, self.list(&m.cases, Self::match_case)?], loc)
            }
            S::Raise(r) => self.node(K::Raise, vec![self.opt_expr(&r.exc)?, self.opt_expr(&r.cause)?], loc),
            S::Try(t) => self.node(
                K::Try,
                vec![
                    self.stmts(&t.body)?,
                    self.list(&t.handlers, Self::handler)?,
                    self.stmts(&t.orelse)?,
                    self.stmts(&t.finalbody)?,
                ],
                loc,
            ),
            S::TryStar(t) => self.node(
                K::TryStar,
                vec![
                    self.stmts(&t.body)?,
                    self.list(&t.handlers, Self::handler)?,
                    self.stmts(&t.orelse)?,
                    self.stmts(&t.finalbody)?,
                ],
                loc,
            ),
            S::Assert(a) => self.node(K::Assert, vec![self.expr(&a.test)?, self.opt_expr(&a.msg)?], loc),
            S::Import(i) => self.node(K::Import, vec![self.list(&i.names, Self::alias)?], loc),
            S::ImportFrom(i) => self.node(
                K::ImportFrom,
                vec![
                    opt_ident(&i.module),
                    self.list(&i.names, Self::alias)?,
                    int::new_int(i.level.map_or(0, |l| l.to_u32()) as i64),
                ],
                loc,
            ),
            S::Global(g) => self.node(K::Global, vec![self.names(&g.names)?], loc),
            S::Nonlocal(g) => self.node(K::Nonlocal, vec![self.names(&g.names)?], loc),
            S::Expr(e) => self.node(K::Expr, vec![self.expr(&e.value)?], loc),
            S::Pass(_) => self.node(K::Pass, Vec::new(), loc),
            S::Break(_) => self.node(K::Break, Vec::new(), loc),
            S::Continue(_) => self.node(K::Continue, Vec::new(), loc),
        }
    }

    fn handler(&self, h: &ast::ExceptHandler) -> PyResult {
        let ast::ExceptHandler::ExceptHandler(h) = h;
        self.node(
            K::ExceptHandler,
            vec![self.opt_expr(&h.type_)?, opt_ident(&h.name), self.stmts(&h.body)?],
            Some(self.pos.handler_loc(h)),
        )
    }

    fn withitem(&self, w: &ast::WithItem) -> PyResult {
        self.node(K::withitem, vec![self.expr(&w.context_expr)?, self.opt_expr(&w.optional_vars)?], None)
    }

    fn match_case(&self, c: &ast::MatchCase) -> PyResult {
        self.node(K::match_case, vec![self.pattern(&c.pattern)?, self.opt_expr(&c.guard)?, self.stmts(&c.body)?], None)
    }

    fn alias(&self, a: &ast::Alias) -> PyResult {
        self.node(K::alias, vec![ident(&a.name), opt_ident(&a.asname)], self.loc(a.range))
    }

    fn keyword(&self, k: &ast::Keyword) -> PyResult {
        self.node(K::keyword, vec![opt_ident(&k.arg), self.expr(&k.value)?], self.loc(k.range))
    }

    fn arg(&self, a: &ast::Arg) -> PyResult {
        self.node(K::arg, vec![ident(&a.arg), self.opt_expr(&a.annotation)?, none()], self.loc(a.range))
    }

    /// CPython's `arguments`: defaults of positional parameters in one
    /// trailing list, one `kw_defaults` entry (None when absent) per
    /// keyword-only parameter.
    fn arguments(&self, a: &ast::Arguments) -> PyResult {
        let mut defaults = Vec::new();
        for p in a.posonlyargs.iter().chain(&a.args) {
            if let Some(d) = &p.default {
                defaults.push(self.expr(d)?);
            }
        }
        let mut kw_defaults = Vec::new();
        for p in &a.kwonlyargs {
            kw_defaults.push(self.opt_expr(&p.default)?);
        }
        let params = |ps: &[ast::ArgWithDefault]| self.list(ps, |s, p| s.arg(&p.def));
        let vararg = match &a.vararg {
            Some(v) => self.arg(v)?,
            None => none(),
        };
        let kwarg = match &a.kwarg {
            Some(v) => self.arg(v)?,
            None => none(),
        };
        self.node(
            K::arguments,
            vec![
                params(&a.posonlyargs)?,
                params(&a.args)?,
                vararg,
                params(&a.kwonlyargs)?,
                new_list(kw_defaults),
                kwarg,
                new_list(defaults),
            ],
            None,
        )
    }

    // ---- expressions ---------------------------------------------------

    pub fn expr(&self, e: &ast::Expr) -> PyResult {
        use ast::Expr as E;
        let loc = self.loc(self.pos.expr_range(e));
        match e {
            E::BoolOp(b) => {
                let op = self.singleton(match b.op {
                    ast::BoolOp::And => K::And,
                    ast::BoolOp::Or => K::Or,
                })?;
                self.node(K::BoolOp, vec![op, self.exprs(&b.values)?], loc)
            }
            E::NamedExpr(n) => self.node(K::NamedExpr, vec![self.expr(&n.target)?, self.expr(&n.value)?], loc),
            E::BinOp(b) => {
                self.node(K::BinOp, vec![self.expr(&b.left)?, self.operator(b.op)?, self.expr(&b.right)?], loc)
            }
            E::UnaryOp(u) => {
                let op = self.singleton(match u.op {
                    ast::UnaryOp::Invert => K::Invert,
                    ast::UnaryOp::Not => K::Not,
                    ast::UnaryOp::UAdd => K::UAdd,
                    ast::UnaryOp::USub => K::USub,
                })?;
                self.node(K::UnaryOp, vec![op, self.expr(&u.operand)?], loc)
            }
            E::Lambda(l) => self.node(K::Lambda, vec![self.arguments(&l.args)?, self.expr(&l.body)?], loc),
            E::IfExp(i) => {
                self.node(K::IfExp, vec![self.expr(&i.test)?, self.expr(&i.body)?, self.expr(&i.orelse)?], loc)
            }
            E::Dict(d) => {
                let mut keys = Vec::with_capacity(d.keys.len());
                for k in &d.keys {
                    keys.push(match k {
                        Some(k) => self.expr(k)?,
                        None => none(),
                    });
                }
                self.node(K::Dict, vec![new_list(keys), self.exprs(&d.values)?], loc)
            }
            E::Set(s) => self.node(K::Set, vec![self.exprs(&s.elts)?], loc),
            E::ListComp(c) => {
                self.node(K::ListComp, vec![self.expr(&c.elt)?, self.comprehensions(&c.generators)?], loc)
            }
            E::SetComp(c) => self.node(K::SetComp, vec![self.expr(&c.elt)?, self.comprehensions(&c.generators)?], loc),
            E::DictComp(c) => self.node(
                K::DictComp,
                vec![self.expr(&c.key)?, self.expr(&c.value)?, self.comprehensions(&c.generators)?],
                loc,
            ),
            E::GeneratorExp(c) => {
                self.node(K::GeneratorExp, vec![self.expr(&c.elt)?, self.comprehensions(&c.generators)?], loc)
            }
            E::Await(a) => self.node(K::Await, vec![self.expr(&a.value)?], loc),
            E::Yield(y) => self.node(K::Yield, vec![self.opt_expr(&y.value)?], loc),
            E::YieldFrom(y) => self.node(K::YieldFrom, vec![self.expr(&y.value)?], loc),
            E::Compare(c) => {
                let mut ops = Vec::with_capacity(c.ops.len());
                for op in &c.ops {
                    ops.push(self.cmpop(*op)?);
                }
                self.node(K::Compare, vec![self.expr(&c.left)?, new_list(ops), self.exprs(&c.comparators)?], loc)
            }
            E::Call(c) => {
                let args = match (c.args.as_slice(), c.keywords.is_empty()) {
                    ([ast::Expr::GeneratorExp(g)], true) => {
                        // `f(x for x in y)`: the generator expression spans
                        // the call's parentheses.
                        let r = self.pos.sole_genexp_range(g.range, c.func.range().end(), c.range.end());
                        let gl = self.loc(r);
                        new_list(vec![self.node(
                            K::GeneratorExp,
                            vec![self.expr(&g.elt)?, self.comprehensions(&g.generators)?],
                            gl,
                        )?])
                    }
                    _ => self.exprs(&c.args)?,
                };
                self.node(K::Call, vec![self.expr(&c.func)?, args, self.list(&c.keywords, Self::keyword)?], loc)
            }
            E::FormattedValue(f) => self.formatted_value(f, loc),
            E::JoinedStr(j) => self.joined_str(j, loc),
            E::Constant(c) => {
                let kind = c.kind.as_deref().map_or_else(none, new_str);
                self.node(K::Constant, vec![constant(&c.value), kind], loc)
            }
            E::Attribute(a) => {
                self.node(K::Attribute, vec![self.expr(&a.value)?, ident(&a.attr), self.ctx(a.ctx)?], loc)
            }
            E::Subscript(s) => {
                self.node(K::Subscript, vec![self.expr(&s.value)?, self.expr(&s.slice)?, self.ctx(s.ctx)?], loc)
            }
            E::Starred(s) => self.node(K::Starred, vec![self.expr(&s.value)?, self.ctx(s.ctx)?], loc),
            E::Name(n) => self.node(K::Name, vec![ident(&n.id), self.ctx(n.ctx)?], loc),
            E::List(l) => self.node(K::List, vec![self.exprs(&l.elts)?, self.ctx(l.ctx)?], loc),
            E::Tuple(t) => self.node(K::Tuple, vec![self.exprs(&t.elts)?, self.ctx(t.ctx)?], loc),
            E::Slice(s) => self.node(
                K::Slice,
                vec![self.opt_expr(&s.lower)?, self.opt_expr(&s.upper)?, self.opt_expr(&s.step)?],
                loc,
            ),
        }
    }

    fn formatted_value(&self, f: &ast::ExprFormattedValue, loc: Option<Loc>) -> PyResult {
        let spec = match &f.format_spec {
            Some(s) => self.expr(s)?,
            None => none(),
        };
        self.node(K::FormattedValue, vec![self.expr(&f.value)?, int::new_int(f.conversion as i8 as i64), spec], loc)
    }

    /// f-strings: CPython 3.11 gives the string parts and the replacement
    /// fields the position of the whole literal.
    fn joined_str(&self, j: &ast::ExprJoinedStr, loc: Option<Loc>) -> PyResult {
        let mut values = Vec::with_capacity(j.values.len());
        for v in &j.values {
            values.push(match v {
                ast::Expr::Constant(c) => {
                    let kind = c.kind.as_deref().map_or_else(none, new_str);
                    self.node(K::Constant, vec![constant(&c.value), kind], loc)?
                }
                ast::Expr::FormattedValue(f) => self.formatted_value(f, loc)?,
                other => self.expr(other)?,
            });
        }
        self.node(K::JoinedStr, vec![new_list(values)], loc)
    }

    fn comprehensions(&self, gens: &[ast::Comprehension]) -> PyResult {
        self.list(gens, |s, g| {
            s.node(
                K::comprehension,
                vec![s.expr(&g.target)?, s.expr(&g.iter)?, s.exprs(&g.ifs)?, int::new_int(g.is_async as i64)],
                None,
            )
        })
    }

    fn ctx(&self, c: ast::ExprContext) -> PyResult {
        self.singleton(match c {
            ast::ExprContext::Load => K::Load,
            ast::ExprContext::Store => K::Store,
            ast::ExprContext::Del => K::Del,
        })
    }

    fn operator(&self, op: ast::Operator) -> PyResult {
        use ast::Operator as O;
        self.singleton(match op {
            O::Add => K::Add,
            O::Sub => K::Sub,
            O::Mult => K::Mult,
            O::MatMult => K::MatMult,
            O::Div => K::Div,
            O::Mod => K::Mod,
            O::Pow => K::Pow,
            O::LShift => K::LShift,
            O::RShift => K::RShift,
            O::BitOr => K::BitOr,
            O::BitXor => K::BitXor,
            O::BitAnd => K::BitAnd,
            O::FloorDiv => K::FloorDiv,
        })
    }

    fn cmpop(&self, op: ast::CmpOp) -> PyResult {
        use ast::CmpOp as C;
        self.singleton(match op {
            C::Eq => K::Eq,
            C::NotEq => K::NotEq,
            C::Lt => K::Lt,
            C::LtE => K::LtE,
            C::Gt => K::Gt,
            C::GtE => K::GtE,
            C::Is => K::Is,
            C::IsNot => K::IsNot,
            C::In => K::In,
            C::NotIn => K::NotIn,
        })
    }

    // ---- patterns ------------------------------------------------------

    fn pattern(&self, p: &ast::Pattern) -> PyResult {
        use ast::Pattern as P;
        let loc = self.loc(p.range());
        match p {
            P::MatchValue(v) => self.node(K::MatchValue, vec![self.expr(&v.value)?], loc),
            P::MatchSingleton(s) => self.node(K::MatchSingleton, vec![constant(&s.value)], loc),
            P::MatchSequence(s) => self.node(K::MatchSequence, vec![self.list(&s.patterns, Self::pattern)?], loc),
            P::MatchMapping(m) => self.node(
                K::MatchMapping,
                vec![self.exprs(&m.keys)?, self.list(&m.patterns, Self::pattern)?, opt_ident(&m.rest)],
                loc,
            ),
            P::MatchClass(c) => self.node(
                K::MatchClass,
                vec![
                    self.expr(&c.cls)?,
                    self.list(&c.patterns, Self::pattern)?,
                    self.names(&c.kwd_attrs)?,
                    self.list(&c.kwd_patterns, Self::pattern)?,
                ],
                loc,
            ),
            P::MatchStar(s) => self.node(K::MatchStar, vec![opt_ident(&s.name)], loc),
            P::MatchAs(a) => {
                let inner = match &a.pattern {
                    Some(p) => self.pattern(p)?,
                    None => none(),
                };
                self.node(K::MatchAs, vec![inner, opt_ident(&a.name)], loc)
            }
            P::MatchOr(o) => self.node(K::MatchOr, vec![self.list(&o.patterns, Self::pattern)?], loc),
        }
    }
}

/// A literal's value as a Python object.
pub fn constant(c: &ast::Constant) -> PyRef {
    use ast::Constant as C;
    match c {
        C::None => none(),
        C::Bool(b) => crate::types::bool::new_bool(*b),
        C::Str(s) => new_str(s),
        C::Bytes(b) => crate::types::bytes::new_bytes(b),
        C::Int(i) => int::from_bigint(i.clone()),
        C::Tuple(items) => crate::types::tuple::new_tuple(items.iter().map(constant).collect()),
        C::Float(f) => crate::types::float::new_float(*f),
        C::Complex { real, imag } => crate::types::complex::new_complex(*real, *imag),
        C::Ellipsis => crate::types::ellipsis(),
    }
}

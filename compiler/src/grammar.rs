//! Constructs CPython 3.11's grammar rejects but rustpython-parser accepts:
//! invalid assignment targets, generator expressions that need parentheses
//! among call arguments, a bare `*` without keyword-only parameters, and 3.12's
//! type parameters and `type` statements. CPython reports these while parsing,
//! so they are checked here, in source order, before the symbol table.

use crate::diagnose::Tokens;
use crate::source::SourceMap;
use crate::targets::{self, TargetKind};
use crate::{CompileError, MAX_NESTING, TOO_DEEP};
use rustpython_parser::ast::{self, Expr, Ranged, Stmt};
use rustpython_parser::text_size::{TextRange, TextSize};
use std::cell::OnceCell;

type Result<T = ()> = std::result::Result<T, CompileError>;

/// Checks a module (or interactive input).
pub fn check_module(src: &SourceMap, body: &[Stmt]) -> Result {
    let mut c = Checker::new(src);
    body.iter().try_for_each(|s| c.stmt(s))
}

/// Checks an `eval` expression.
pub fn check_expression(src: &SourceMap, e: &Expr) -> Result {
    Checker::new(src).expr(e)
}

struct Checker<'s> {
    src: &'s SourceMap<'s>,
    /// The source's tokens, made when a check needs them.
    toks: OnceCell<Tokens<'s>>,
    depth: u32,
}

fn range(start: u32, end: u32) -> TextRange {
    TextRange::new(TextSize::from(start), TextSize::from(end.max(start)))
}

/// Whether `text` has a '*' that is not part of a '**'.
fn has_single_star(text: &str) -> bool {
    let b = text.as_bytes();
    (0..b.len()).any(|i| b[i] == b'*' && (i == 0 || b[i - 1] != b'*') && b.get(i + 1) != Some(&b'*'))
}

/// The first character at or after byte `at` that is not blank, a comment or
/// a line continuation.
fn next_significant_char(text: &str, at: usize) -> Option<char> {
    let mut chars = text.get(at..)?.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            ' ' | '\t' | '\n' | '\r' | '\x0c' | '\\' => {}
            '#' => while chars.next_if(|&c| c != '\n' && c != '\r').is_some() {},
            _ => return Some(c),
        }
    }
    None
}

/// Whether CPython's `invalid_named_expression` rule would see the value of a
/// single-target assignment as starting with a `bitwise_or` (then the error for
/// an invalid target suggests '==').
fn starts_with_bitwise_or(e: &Expr) -> bool {
    match e {
        Expr::Tuple(t) => t.elts.first().is_some_and(starts_with_bitwise_or),
        Expr::BoolOp(b) => b.values.first().is_some_and(starts_with_bitwise_or),
        Expr::Compare(c) => starts_with_bitwise_or(&c.left),
        Expr::IfExp(i) => starts_with_bitwise_or(&i.body),
        Expr::UnaryOp(u) => !matches!(u.op, ast::UnaryOp::Not),
        Expr::Lambda(_) | Expr::Starred(_) | Expr::Yield(_) | Expr::YieldFrom(_) => false,
        _ => true,
    }
}

impl<'s> Checker<'s> {
    fn new(src: &'s SourceMap<'s>) -> Checker<'s> {
        Checker { src, toks: OnceCell::new(), depth: 0 }
    }

    fn toks(&self) -> &Tokens<'s> {
        self.toks.get_or_init(|| Tokens::new(self.src.text))
    }

    fn err(&self, msg: impl Into<String>, r: TextRange) -> CompileError {
        self.src.syntax_error(msg, r)
    }

    fn too_deep(&self, r: TextRange) -> CompileError {
        self.err(format!("{TOO_DEEP} and statements (maximum recursion depth exceeded during compilation)"), r)
    }

    /// An error at token `i`.
    fn err_at_token(&self, msg: &str, i: usize) -> CompileError {
        let t = self.toks();
        match t.toks.get(i) {
            Some(tok) => self.err(msg, range(tok.start, tok.end)),
            None => self.err(msg, range(0, 0)),
        }
    }

    /// The index of the first `word` token at or after byte `start`.
    fn find_name(&self, start: TextSize, word: &str) -> Option<usize> {
        let t = self.toks();
        (t.index_at(start.into())..t.len()).find(|&i| t.is_name(i, word))
    }

    /// Whether the range `r` of a node starts and ends with its own parentheses.
    fn has_own_parens(&self, r: TextRange) -> bool {
        let t = self.toks();
        let first = t.index_at(r.start().into());
        let after = t.index_at(r.end().into());
        t.is_op(first, "(") && t.matching_close(first).is_some_and(|c| c + 1 == after)
    }

    /// Whether the expression spanning `r` is parenthesized (for nodes whose
    /// range may leave the parentheses out).
    fn parenthesized(&self, r: TextRange) -> bool {
        let t = self.toks();
        let first = t.index_at(r.start().into());
        let after = t.index_at(r.end().into());
        self.has_own_parens(r) || (first > 0 && t.is_op(first - 1, "(") && t.is_op(after, ")"))
    }

    fn exprs(&mut self, es: &[Expr]) -> Result {
        es.iter().try_for_each(|e| self.expr(e))
    }

    fn opt(&mut self, e: &Option<Box<Expr>>) -> Result {
        e.as_deref().map_or(Ok(()), |e| self.expr(e))
    }

    fn body(&mut self, body: &[Stmt]) -> Result {
        body.iter().try_for_each(|s| self.stmt(s))
    }

    fn stmt(&mut self, s: &Stmt) -> Result {
        self.depth += 1;
        let r = if self.depth > MAX_NESTING { Err(self.too_deep(s.range())) } else { self.stmt_inner(s) };
        self.depth -= 1;
        r
    }

    fn stmt_inner(&mut self, s: &Stmt) -> Result {
        match s {
            Stmt::FunctionDef(ast::StmtFunctionDef {
                range, args, body, decorator_list, returns, type_params, ..
            })
            | Stmt::AsyncFunctionDef(ast::StmtAsyncFunctionDef {
                range,
                args,
                body,
                decorator_list,
                returns,
                type_params,
                ..
            }) => {
                self.exprs(decorator_list)?;
                if !type_params.is_empty() {
                    let def = self.find_name(range.start(), "def");
                    return Err(self.err_at_token("expected '('", def.map_or(0, |d| d + 2)));
                }
                // Only a header with a '*' can have a bare one.
                let header_end = body.first().map_or(range.end(), |b| b.range().start());
                let header = &self.src.text[usize::from(range.start())..usize::from(header_end)];
                if has_single_star(header) {
                    if let Some(d) = self.find_name(range.start(), "def") {
                        self.bare_star_in_def(d, args)?;
                    }
                }
                self.arguments(args)?;
                self.opt(returns)?;
                self.body(body)
            }
            Stmt::ClassDef(c) => {
                self.exprs(&c.decorator_list)?;
                if !c.type_params.is_empty() {
                    let at = self.find_name(c.range.start(), "class").map_or(0, |i| i + 2);
                    return Err(self.err_at_token("invalid syntax", at));
                }
                self.call_arguments(&c.bases, &c.keywords, true)?;
                self.body(&c.body)
            }
            Stmt::TypeAlias(t) => {
                let at = self.toks().index_at(t.range.start().into()) + 1;
                Err(self.err_at_token("invalid syntax", at))
            }
            Stmt::Return(r) => self.opt(&r.value),
            Stmt::Delete(d) => {
                for t in &d.targets {
                    targets::check(self.src, t, TargetKind::Del)?;
                    self.expr(t)?;
                }
                Ok(())
            }
            Stmt::Assign(a) => {
                let single = a.targets.len() == 1 && starts_with_bitwise_or(&a.value);
                for t in &a.targets {
                    if matches!(t, Expr::Yield(_) | Expr::YieldFrom(_)) && !self.parenthesized(t.range()) {
                        return Err(self.err("assignment to yield expression not possible", t.range()));
                    }
                    let kind = if single { TargetKind::AssignSingle } else { TargetKind::Assign };
                    targets::check(self.src, t, kind)?;
                    self.expr(t)?;
                }
                self.expr(&a.value)
            }
            Stmt::AugAssign(a) => {
                targets::check(self.src, &a.target, TargetKind::AugAssign)?;
                self.expr(&a.target)?;
                self.expr(&a.value)
            }
            Stmt::AnnAssign(a) => {
                if !matches!(&*a.target, Expr::Name(_)) {
                    targets::check(self.src, &a.target, TargetKind::AnnAssign)?;
                }
                self.expr(&a.target)?;
                self.expr(&a.annotation)?;
                self.opt(&a.value)
            }
            Stmt::For(ast::StmtFor { target, iter, body, orelse, .. })
            | Stmt::AsyncFor(ast::StmtAsyncFor { target, iter, body, orelse, .. }) => {
                targets::check(self.src, target, TargetKind::For)?;
                self.expr(target)?;
                self.expr(iter)?;
                self.body(body)?;
                self.body(orelse)
            }
            Stmt::While(w) => {
                self.expr(&w.test)?;
                self.body(&w.body)?;
                self.body(&w.orelse)
            }
            Stmt::If(i) => {
                self.expr(&i.test)?;
                self.body(&i.body)?;
                self.body(&i.orelse)
            }
            Stmt::With(ast::StmtWith { items, body, .. }) | Stmt::AsyncWith(ast::StmtAsyncWith { items, body, .. }) => {
                for item in items {
                    self.expr(&item.context_expr)?;
                    if let Some(v) = &item.optional_vars {
                        targets::check(self.src, v, TargetKind::For)?;
                        self.expr(v)?;
                    }
                }
                self.body(body)
            }
            Stmt::Match(m) => {
                self.expr(&m.subject)?;
                for case in &m.cases {
                    self.opt(&case.guard)?;
                    self.body(&case.body)?;
                }
                Ok(())
            }
            Stmt::Raise(r) => {
                self.opt(&r.exc)?;
                self.opt(&r.cause)
            }
            Stmt::Try(ast::StmtTry { body, handlers, orelse, finalbody, .. })
            | Stmt::TryStar(ast::StmtTryStar { body, handlers, orelse, finalbody, .. }) => {
                self.body(body)?;
                for h in handlers {
                    let ast::ExceptHandler::ExceptHandler(h) = h;
                    self.opt(&h.type_)?;
                    self.body(&h.body)?;
                }
                self.body(orelse)?;
                self.body(finalbody)
            }
            Stmt::Assert(a) => {
                self.expr(&a.test)?;
                self.opt(&a.msg)
            }
            Stmt::Expr(e) => self.expr(&e.value),
            Stmt::Import(_)
            | Stmt::ImportFrom(_)
            | Stmt::Global(_)
            | Stmt::Nonlocal(_)
            | Stmt::Pass(_)
            | Stmt::Break(_)
            | Stmt::Continue(_) => Ok(()),
        }
    }

    /// Parameter defaults and annotations.
    fn arguments(&mut self, args: &ast::Arguments) -> Result {
        for a in args.posonlyargs.iter().chain(&args.args) {
            self.opt(&a.def.annotation)?;
            self.opt(&a.default)?;
        }
        if let Some(v) = &args.vararg {
            self.opt(&v.annotation)?;
        }
        for a in &args.kwonlyargs {
            self.opt(&a.def.annotation)?;
            self.opt(&a.default)?;
        }
        if let Some(k) = &args.kwarg {
            self.opt(&k.annotation)?;
        }
        Ok(())
    }

    /// `def f(*, **k)`: a bare `*` must be followed by a named parameter.
    fn bare_star_in_def(&self, def: usize, args: &ast::Arguments) -> Result {
        if args.vararg.is_some() || !args.kwonlyargs.is_empty() {
            return Ok(());
        }
        let t = self.toks();
        let mut open = def + 2;
        if t.is_op(open, "[") {
            open = t.matching_close(open).map_or(open, |c| c + 1);
        }
        if !t.is_op(open, "(") {
            return Ok(());
        }
        let Some(close) = t.matching_close(open) else {
            return Ok(());
        };
        let d = t.depth(open) + 1;
        for k in open + 1..close {
            if t.depth(k) == d
                && t.is_op(k, "*")
                && (t.is_op(k - 1, "(") || t.is_op(k - 1, ","))
                && (t.is_op(k + 1, ")") || (t.is_op(k + 1, ",") && (t.is_op(k + 2, ")") || t.is_op(k + 2, "**"))))
            {
                return Err(self.err_at_token("named arguments must follow bare *", k));
            }
        }
        Ok(())
    }

    /// `lambda *, **k: 0`; CPython points at the token after the comma.
    fn bare_star_in_lambda(&self, l: &ast::ExprLambda) -> Result {
        if l.args.vararg.is_some() || !l.args.kwonlyargs.is_empty() {
            return Ok(());
        }
        let t = self.toks();
        let start = t.index_at(l.range.start().into());
        if !t.is_name(start, "lambda") {
            return Ok(());
        }
        let d = t.depth(start);
        let mut k = start + 1;
        while k < t.len() && !(t.depth(k) == d && t.is_op(k, ":")) {
            if t.depth(k) == d
                && t.is_op(k, "*")
                && (k == start + 1 || t.is_op(k - 1, ","))
                && t.is_op(k + 1, ",")
                && (t.is_op(k + 2, ":") || t.is_op(k + 2, "**"))
            {
                return Err(self.err_at_token("named arguments must follow bare *", k + 2));
            }
            k += 1;
        }
        Ok(())
    }

    /// A generator expression among other arguments needs its own parentheses.
    fn call_arguments(&mut self, args: &[Expr], keywords: &[ast::Keyword], class: bool) -> Result {
        let count = args.len() + keywords.len();
        for a in args {
            let Expr::GeneratorExp(g) = a else {
                continue;
            };
            // Most generator arguments are alone and bare: no tokens needed.
            let text = self.src.text;
            let (start, end) = (usize::from(g.range.start()), usize::from(g.range.end()));
            let maybe_parenthesized = text[start..end].starts_with('(') && text[..end].ends_with(')');
            let comma_after = next_significant_char(text, end) == Some(',');
            if count == 1 && !class && !maybe_parenthesized && !comma_after {
                continue;
            }
            let t = self.toks();
            // Inside an f-string (one token here) or parenthesized: fine.
            let in_string = t
                .containing(g.range.start().into())
                .is_some_and(|i| t.kind(i) == Some(crate::diagnose::tokens::Kind::String));
            if in_string || self.has_own_parens(g.range) {
                continue;
            }
            let followed_by_comma = t.is_op(t.index_at(g.range.end().into()), ",");
            if count == 1 && class {
                // CPython's class arguments never take a bare generator expression.
                let after = t.index_at(g.elt.range().end().into());
                let at = (after..t.len()).find(|&i| t.is_name(i, "for") || t.is_name(i, "async")).unwrap_or(after);
                return Err(self.err_at_token("invalid syntax", at));
            }
            if count > 1 || followed_by_comma {
                let last = g
                    .generators
                    .last()
                    .map_or(g.range.end(), |c| c.ifs.last().map_or(c.iter.range().end(), |e| e.range().end()));
                return Err(
                    self.err("Generator expression must be parenthesized", TextRange::new(g.elt.range().start(), last))
                );
            }
        }
        for a in args {
            self.expr(a)?;
        }
        for k in keywords {
            self.expr(&k.value)?;
        }
        Ok(())
    }

    fn comprehension(&mut self, generators: &[ast::Comprehension]) -> Result {
        for g in generators {
            targets::check(self.src, &g.target, TargetKind::For)?;
            self.expr(&g.target)?;
            self.expr(&g.iter)?;
            self.exprs(&g.ifs)?;
        }
        Ok(())
    }

    fn expr(&mut self, e: &Expr) -> Result {
        self.depth += 1;
        let r = if self.depth > MAX_NESTING { Err(self.too_deep(e.range())) } else { self.expr_inner(e) };
        self.depth -= 1;
        r
    }

    fn expr_inner(&mut self, e: &Expr) -> Result {
        match e {
            Expr::BoolOp(b) => self.exprs(&b.values),
            Expr::NamedExpr(n) => {
                targets::check(self.src, &n.target, TargetKind::NamedExpr)?;
                self.expr(&n.target)?;
                self.expr(&n.value)
            }
            Expr::BinOp(b) => {
                self.expr(&b.left)?;
                self.expr(&b.right)
            }
            Expr::UnaryOp(u) => self.expr(&u.operand),
            Expr::Lambda(l) => {
                let header = &self.src.text[usize::from(l.range.start())..usize::from(l.body.range().start())];
                if has_single_star(header) {
                    self.bare_star_in_lambda(l)?;
                }
                self.arguments(&l.args)?;
                self.expr(&l.body)
            }
            Expr::IfExp(i) => {
                self.expr(&i.body)?;
                self.expr(&i.test)?;
                self.expr(&i.orelse)
            }
            Expr::Dict(d) => {
                for (k, v) in d.keys.iter().zip(&d.values) {
                    if let Some(k) = k {
                        self.expr(k)?;
                    }
                    self.expr(v)?;
                }
                Ok(())
            }
            Expr::Set(s) => self.exprs(&s.elts),
            Expr::ListComp(c) => {
                self.expr(&c.elt)?;
                self.comprehension(&c.generators)
            }
            Expr::SetComp(c) => {
                self.expr(&c.elt)?;
                self.comprehension(&c.generators)
            }
            Expr::GeneratorExp(c) => {
                self.expr(&c.elt)?;
                self.comprehension(&c.generators)
            }
            Expr::DictComp(c) => {
                self.expr(&c.key)?;
                self.expr(&c.value)?;
                self.comprehension(&c.generators)
            }
            Expr::Await(a) => self.expr(&a.value),
            Expr::Yield(y) => self.opt(&y.value),
            Expr::YieldFrom(y) => self.expr(&y.value),
            Expr::Compare(c) => {
                self.expr(&c.left)?;
                self.exprs(&c.comparators)
            }
            Expr::Call(c) => {
                self.expr(&c.func)?;
                self.call_arguments(&c.args, &c.keywords, false)
            }
            Expr::FormattedValue(f) => {
                self.expr(&f.value)?;
                self.opt(&f.format_spec)
            }
            Expr::JoinedStr(j) => self.exprs(&j.values),
            Expr::Attribute(a) => self.expr(&a.value),
            Expr::Subscript(s) => {
                self.expr(&s.value)?;
                self.expr(&s.slice)
            }
            Expr::Starred(s) => self.expr(&s.value),
            Expr::List(l) => self.exprs(&l.elts),
            Expr::Tuple(t) => self.exprs(&t.elts),
            Expr::Slice(s) => {
                self.opt(&s.lower)?;
                self.opt(&s.upper)?;
                self.opt(&s.step)
            }
            Expr::Constant(_) | Expr::Name(_) => Ok(()),
        }
    }
}

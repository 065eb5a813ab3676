//! ember-compiler: Python source -> Ember bytecode.
//!
//! This crate knows nothing about runtime objects. It owns the opcode table
//! ([`bytecode`]), the code-unit format ([`code`]) and the compiler
//! (rustpython-parser AST -> symbol table -> bytecode).

pub mod anchors;
pub mod bytecode;
pub mod code;
pub mod linetable;

pub use code::{CodeUnit, Constant, ExceptionEntry, Position};

/// What kind of source is being compiled (as the `mode` of `compile()`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mode {
    /// A module: a sequence of statements (`exec`).
    Exec,
    /// A single expression whose value the code unit returns (`eval`).
    Eval,
    /// One interactive statement; expression statements print their value
    /// with `PRINT_EXPR` (`single`).
    Single,
}

/// The class of a compile error, as the Python exception raised for it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ErrorKind {
    SyntaxError,
    IndentationError,
    TabError,
}

/// A compile error, with CPython's conventions: 1-based line, 1-based column
/// (`offset`), in characters of the source line.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CompileError {
    pub kind: ErrorKind,
    pub msg: String,
    pub filename: String,
    pub line: u32,
    pub offset: u32,
    pub end_line: u32,
    pub end_offset: u32,
    /// The source line, when known.
    pub text: Option<String>,
}

mod codegen;
mod diagnose;
pub mod dis;
mod grammar;
mod parse_error;
pub mod pydump;
mod scan;
pub mod source;
pub mod symtable;
mod targets;
mod unparse;
pub mod verify;

pub use rustpython_parser::ast;
use rustpython_parser::ast::Ranged;
use rustpython_parser::Parse;

/// Maximum nesting of expressions and statements (CPython raises RecursionError
/// around the same depth); deeper input is rejected before code generation.
pub(crate) const MAX_NESTING: u32 = 3000;

/// Stack for the compiler thread: the passes recurse once per nesting level.
const COMPILER_STACK: usize = 256 << 20;

/// Compiles Python source to a code unit (the `compile()` builtin).
///
/// Runs on a helper thread with a large stack, so deeply nested (but legal)
/// input cannot overflow the caller's stack; any internal failure is reported
/// as a SyntaxError rather than a panic.
pub fn compile(source: &str, filename: &str, mode: Mode) -> Result<CodeUnit, CompileError> {
    let internal = |what: &str| CompileError {
        kind: ErrorKind::SyntaxError,
        msg: format!("internal compiler error: {what}"),
        filename: filename.to_string(),
        line: 1,
        offset: 1,
        end_line: 1,
        end_offset: 1,
        text: None,
    };
    std::thread::scope(|s| {
        let spawned = std::thread::Builder::new()
            .name("ember-compiler".into())
            .stack_size(COMPILER_STACK)
            .spawn_scoped(s, || compile_here(source, filename, mode));
        match spawned {
            Ok(handle) => handle.join().unwrap_or_else(|_| Err(internal("the compiler panicked"))),
            // No thread available: compile on the caller's stack.
            Err(_) => compile_here(source, filename, mode),
        }
    })
}

/// The source after the checks every mode shares: unbalanced brackets and
/// too-deep indentation are reported, and blank lines' tabs are made spaces
/// (same byte length, so offsets are unchanged).
fn prepare<'s>(
    src: &source::SourceMap,
    source: &'s str,
) -> Result<(std::borrow::Cow<'s, str>, Option<scan::Problem>), CompileError> {
    let scanned = scan::scan(source);
    let problem = scanned.problem;
    if let Some(p @ (scan::Problem::TooManyParens(_) | scan::Problem::TooManyIndents(_))) = &problem {
        return Err(parse_error::from_problem(src, p));
    }
    if scanned.blank_tabs.is_empty() {
        return Ok((std::borrow::Cow::Borrowed(source), problem));
    }
    Ok((std::borrow::Cow::Owned(scan::blank_tabs_to_spaces(source, &scanned.blank_tabs)), problem))
}

/// Parses statements (`exec` or `single`) and applies the grammar checks
/// CPython's parser makes.
fn parse_body(src: &source::SourceMap, filename: &str, mode: Mode) -> Result<Vec<ast::Stmt>, CompileError> {
    let (source, problem) = prepare(src, src.text)?;
    let body: Vec<ast::Stmt> = if mode == Mode::Exec {
        ast::Suite::parse(&source, filename)
    } else {
        match rustpython_parser::parse(&source, rustpython_parser::Mode::Interactive, filename) {
            Ok(ast::Mod::Interactive(m)) => Ok(m.body),
            Ok(_) => Ok(Vec::new()),
            Err(e) => Err(e),
        }
    }
    .map_err(|e| parse_error::convert(src, &e, problem.as_ref()))?;
    let checked = grammar::check_module(src, &body).and_then(|()| {
        if mode == Mode::Single {
            check_single_statement(src, &body)?;
        }
        Ok(())
    });
    match checked {
        Ok(()) => Ok(body),
        Err(e) => {
            forget_if_too_deep(&e, body);
            Err(e)
        }
    }
}

/// Parses an `eval` expression and applies CPython's grammar checks.
fn parse_expr(src: &source::SourceMap, filename: &str) -> Result<ast::Expr, CompileError> {
    let (source, problem) = prepare(src, src.text)?;
    let expr = ast::Expr::parse(&source, filename).map_err(|e| parse_error::convert(src, &e, problem.as_ref()))?;
    match grammar::check_expression(src, &expr) {
        Ok(()) => Ok(expr),
        Err(e) => {
            forget_if_too_deep(&e, expr);
            Err(e)
        }
    }
}

/// Dropping a pathologically deep tree recurses once per level; such a tree is
/// leaked instead of risking the stack.
fn forget_if_too_deep<T>(e: &CompileError, tree: T) {
    if e.msg.starts_with(TOO_DEEP) {
        std::mem::forget(tree);
    } else {
        drop(tree);
    }
}

/// Compiles on the current thread.
fn compile_here(source: &str, filename: &str, mode: Mode) -> Result<CodeUnit, CompileError> {
    let src = source::SourceMap::new(source, filename);
    let full = rustpython_parser::text_size::TextRange::up_to((source.len() as u32).into());
    match mode {
        Mode::Exec | Mode::Single => {
            let body = parse_body(&src, filename, mode)?;
            let result = compile_body(&src, &body, mode, full);
            match &result {
                Err(e) => forget_if_too_deep(e, body),
                Ok(_) => drop(body),
            }
            result
        }
        Mode::Eval => {
            let expr = parse_expr(&src, filename)?;
            let result = (|| {
                let table = symtable::build_expr(&expr, &src, symtable::Future::default(), full)?;
                codegen::Compiler::new(&src, &table, symtable::Future::default(), mode).compile_eval(&expr)
            })();
            match &result {
                Err(e) => forget_if_too_deep(e, expr),
                Ok(_) => drop(expr),
            }
            result
        }
    }
}

/// A parsed, grammar-checked source (what `ast.parse` converts to Python
/// objects). Positions in the tree are byte offsets into the source text.
pub enum Parsed {
    /// `exec` and `single` modes: the statements.
    Body(Vec<ast::Stmt>),
    /// `eval` mode: the expression.
    Expr(ast::Expr),
}

/// Parses source as `compile(..., flags=PyCF_ONLY_AST)` does: the syntax and
/// the checks CPython's parser makes, but not the symbol table or code
/// generation (`return` at module level parses). Runs on the compiler's
/// large-stack thread, like [`compile`].
pub fn parse(source: &str, filename: &str, mode: Mode) -> Result<Parsed, CompileError> {
    let here = || {
        let src = source::SourceMap::new(source, filename);
        match mode {
            Mode::Exec | Mode::Single => parse_body(&src, filename, mode).map(Parsed::Body),
            Mode::Eval => parse_expr(&src, filename).map(Parsed::Expr),
        }
    };
    std::thread::scope(|s| {
        let spawned =
            std::thread::Builder::new().name("ember-parser".into()).stack_size(COMPILER_STACK).spawn_scoped(s, here);
        match spawned {
            Ok(handle) => handle.join().unwrap_or_else(|_| {
                Err(CompileError {
                    kind: ErrorKind::SyntaxError,
                    msg: "internal parser error".to_string(),
                    filename: filename.to_string(),
                    line: 1,
                    offset: 1,
                    end_line: 1,
                    end_offset: 1,
                    text: None,
                })
            }),
            Err(_) => here(),
        }
    })
}

/// Interactive input is one compound statement or one line of simple ones.
fn check_single_statement(src: &source::SourceMap, body: &[ast::Stmt]) -> Result<(), CompileError> {
    let Some(first) = body.first() else {
        return Ok(());
    };
    let first_line = src.line_col(first.range().start().into()).0;
    let compound = !matches!(
        first,
        ast::Stmt::Expr(_)
            | ast::Stmt::Assign(_)
            | ast::Stmt::AugAssign(_)
            | ast::Stmt::AnnAssign(_)
            | ast::Stmt::Pass(_)
            | ast::Stmt::Break(_)
            | ast::Stmt::Continue(_)
            | ast::Stmt::Return(_)
            | ast::Stmt::Raise(_)
            | ast::Stmt::Global(_)
            | ast::Stmt::Nonlocal(_)
            | ast::Stmt::Import(_)
            | ast::Stmt::ImportFrom(_)
            | ast::Stmt::Assert(_)
            | ast::Stmt::Delete(_)
    );
    for s in &body[1..] {
        let line = src.line_col(s.range().start().into()).0;
        if compound || line != first_line {
            let (end_line, end_col) = src.line_col(first.range().end().into());
            return Err(src.error_at(
                ErrorKind::SyntaxError,
                "multiple statements found while compiling a single statement",
                end_line,
                end_col,
                end_line,
                end_col,
            ));
        }
    }
    Ok(())
}

pub(crate) const TOO_DEEP: &str = "too many nested expressions";

fn compile_body(
    src: &source::SourceMap,
    body: &[ast::Stmt],
    mode: Mode,
    full: rustpython_parser::text_size::TextRange,
) -> Result<CodeUnit, CompileError> {
    let future = scan_future(src, body)?;
    let table = symtable::build(body, src, future, full)?;
    codegen::Compiler::new(src, &table, future, mode).compile_module(body)
}

/// Reads the `from __future__ import` statements at the top of a module.
fn scan_future(src: &source::SourceMap, body: &[ast::Stmt]) -> Result<symtable::Future, CompileError> {
    let mut future = symtable::Future::default();
    for (i, s) in body.iter().enumerate() {
        match s {
            ast::Stmt::ImportFrom(imp)
                if imp.module.as_deref() == Some("__future__") && imp.level.map_or(0, |l| l.to_u32()) == 0 =>
            {
                for alias in &imp.names {
                    match alias.name.as_str() {
                        "annotations" => future.annotations = true,
                        "barry_as_FLUFL" => future.barry_as_flufl = true,
                        "nested_scopes" | "generators" | "division" | "absolute_import" | "with_statement"
                        | "print_function" | "unicode_literals" | "generator_stop" => {}
                        "braces" => return Err(src.syntax_error("not a chance", s.range())),
                        other => {
                            return Err(src.syntax_error(format!("future feature {other} is not defined"), s.range()))
                        }
                    }
                }
                future.lineno = src.line_col(s.range().start().into()).0;
            }
            ast::Stmt::Expr(e) if i == 0 && matches!(&*e.value, ast::Expr::Constant(c) if c.value.is_str()) => {}
            _ => break,
        }
    }
    Ok(future)
}

//! ember-compiler: Python source -> Ember bytecode.
//!
//! This crate knows nothing about runtime objects. It owns the opcode table
//! ([`bytecode`]), the code-unit format ([`code`]) and the compiler
//! (rustpython-parser AST -> symbol table -> bytecode).

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

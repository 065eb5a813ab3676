//! The symbol table: one [`Scope`] per module, class body, function, lambda and
//! comprehension, and for every name in it how the code generator must access it
//! (fast local, cell, free variable, global, or the locals mapping).
//!
//! Built in two passes, as CPython 3.11 does: `visit` walks the AST recording how
//! each scope uses each name (flags), then `analyze` resolves every name to a
//! [`NameScope`] from the inside out, turning captured locals into cells.

mod analyze;
mod visit;

use crate::source::SourceMap;
use crate::CompileError;
use rustpython_parser::ast;
use rustpython_parser::text_size::TextRange;
use std::collections::HashMap;

/// Name usage flags (CPython's `DEF_*` bits).
pub mod flag {
    pub const GLOBAL: u32 = 1;
    pub const LOCAL: u32 = 2;
    pub const PARAM: u32 = 4;
    pub const NONLOCAL: u32 = 8;
    pub const USE: u32 = 16;
    pub const FREE_CLASS: u32 = 64;
    pub const IMPORT: u32 = 128;
    pub const ANNOT: u32 = 256;
    pub const COMP_ITER: u32 = 512;
    /// Any binding in this scope.
    pub const BOUND: u32 = LOCAL | PARAM | IMPORT;
}

/// How a name is resolved in a scope.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NameScope {
    Local,
    GlobalExplicit,
    GlobalImplicit,
    Free,
    Cell,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ScopeKind {
    Module,
    Class,
    /// Functions, lambdas and comprehensions.
    Function,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CompKind {
    List,
    Set,
    Dict,
    Generator,
}

impl CompKind {
    pub fn scope_name(self) -> &'static str {
        match self {
            CompKind::List => "<listcomp>",
            CompKind::Set => "<setcomp>",
            CompKind::Dict => "<dictcomp>",
            CompKind::Generator => "<genexpr>",
        }
    }
}

/// One name in a scope.
#[derive(Clone, Debug)]
pub struct Symbol {
    pub name: String,
    pub flags: u32,
    pub scope: NameScope,
}

/// A scope of the program.
#[derive(Debug)]
pub struct Scope {
    pub kind: ScopeKind,
    pub name: String,
    pub parent: Option<usize>,
    pub children: Vec<usize>,
    /// Symbols in order of first appearance.
    pub symbols: Vec<Symbol>,
    index: HashMap<String, usize>,
    /// Parameter names in order (positional, keyword-only, `*args`, `**kwargs`).
    pub params: Vec<String>,
    pub comprehension: Option<CompKind>,
    pub is_lambda: bool,
    pub is_async: bool,
    /// Nested inside a function (CPython's `ste_nested`).
    pub nested: bool,
    pub generator: bool,
    pub coroutine: bool,
    pub varargs: bool,
    pub varkeywords: bool,
    /// A class body whose methods use `__class__` or `super`.
    pub needs_class_closure: bool,
    /// Has free variables (CPython's `ste_free`) / a child does (`ste_child_free`).
    pub has_free: bool,
    pub child_free: bool,
    /// Where each `global`/`nonlocal`/walrus-induced directive was written.
    directives: HashMap<String, TextRange>,
    // Visitor state.
    comp_iter_target: bool,
    comp_iter_expr: u32,
    pub range: TextRange,
}

impl Scope {
    fn new(kind: ScopeKind, name: &str, parent: Option<usize>, range: TextRange) -> Scope {
        Scope {
            kind,
            name: name.to_string(),
            parent,
            children: Vec::new(),
            symbols: Vec::new(),
            index: HashMap::new(),
            params: Vec::new(),
            comprehension: None,
            is_lambda: false,
            is_async: false,
            nested: false,
            generator: false,
            coroutine: false,
            varargs: false,
            varkeywords: false,
            needs_class_closure: false,
            has_free: false,
            child_free: false,
            directives: HashMap::new(),
            comp_iter_target: false,
            comp_iter_expr: 0,
            range,
        }
    }

    pub fn flags(&self, name: &str) -> u32 {
        self.index.get(name).map_or(0, |&i| self.symbols[i].flags)
    }

    /// How `name` (already mangled) is accessed in this scope; names the symbol
    /// table never saw resolve as implicit globals.
    pub fn scope_of(&self, name: &str) -> NameScope {
        self.index.get(name).map_or(NameScope::GlobalImplicit, |&i| self.symbols[i].scope)
    }

    pub fn lookup(&self, name: &str) -> Option<&Symbol> {
        self.index.get(name).map(|&i| &self.symbols[i])
    }

    fn add_flags(&mut self, name: &str, flags: u32) -> u32 {
        match self.index.get(name) {
            Some(&i) => {
                self.symbols[i].flags |= flags;
                self.symbols[i].flags
            }
            None => {
                self.index.insert(name.to_string(), self.symbols.len());
                self.symbols.push(Symbol { name: name.to_string(), flags, scope: NameScope::GlobalImplicit });
                flags
            }
        }
    }

    fn set_flags(&mut self, name: &str, flags: u32) {
        self.add_flags(name, 0);
        if let Some(&i) = self.index.get(name) {
            self.symbols[i].flags = flags;
        }
    }

    pub fn is_function(&self) -> bool {
        self.kind == ScopeKind::Function
    }

    /// Cell variables, sorted by name (the order of their localsplus slots).
    pub fn cellvars(&self) -> Vec<String> {
        let mut v: Vec<String> =
            self.symbols.iter().filter(|s| s.scope == NameScope::Cell).map(|s| s.name.clone()).collect();
        if self.needs_class_closure {
            v.push("__class__".to_string());
        }
        v.sort();
        v
    }

    /// Free variables (including class-scope names that methods close over),
    /// sorted by name.
    pub fn freevars(&self) -> Vec<String> {
        let mut v: Vec<String> = self
            .symbols
            .iter()
            .filter(|s| s.scope == NameScope::Free || s.flags & flag::FREE_CLASS != 0)
            .map(|s| s.name.clone())
            .collect();
        v.sort();
        v
    }
}

/// The symbol table of a whole module.
pub struct SymbolTable {
    pub scopes: Vec<Scope>,
    /// Scope of each function/class/lambda/comprehension node, keyed by node address.
    by_node: HashMap<usize, usize>,
}

impl SymbolTable {
    pub const MODULE: usize = 0;

    /// The scope created for an AST node (the node's address is its identity).
    pub fn scope_for<T>(&self, node: &T) -> Option<usize> {
        self.by_node.get(&node_key(node)).copied()
    }

    /// The scope created for the node with the given `node_key` (its address).
    pub fn scope_for_key(&self, key: usize) -> Option<usize> {
        self.by_node.get(&key).copied()
    }

    pub fn scope(&self, id: usize) -> &Scope {
        &self.scopes[id]
    }
}

pub(crate) fn node_key<T>(node: &T) -> usize {
    node as *const T as usize
}

/// CPython's private-name mangling: `__x` inside class `C` becomes `_C__x`.
pub fn mangle<'n>(private: Option<&str>, name: &'n str) -> std::borrow::Cow<'n, str> {
    let Some(class) = private else {
        return name.into();
    };
    if !name.starts_with("__") || name.ends_with("__") || name.contains('.') {
        return name.into();
    }
    let stripped = class.trim_start_matches('_');
    if stripped.is_empty() {
        return name.into();
    }
    format!("_{stripped}{name}").into()
}

/// Which `from __future__` features are on.
#[derive(Clone, Copy, Debug, Default)]
pub struct Future {
    pub annotations: bool,
    pub barry_as_flufl: bool,
    /// Line of the last `from __future__` import allowed (at the start of the module).
    pub lineno: u32,
}

/// Builds and analyzes the symbol table of a module.
pub fn build(
    body: &[ast::Stmt],
    source: &SourceMap,
    future: Future,
    range: TextRange,
) -> Result<SymbolTable, CompileError> {
    let mut table = SymbolTable { scopes: Vec::new(), by_node: HashMap::new() };
    table.scopes.push(Scope::new(ScopeKind::Module, "top", None, range));
    visit::Visitor::new(&mut table, source, future).visit_module(body)?;
    analyze::analyze(&mut table, source)?;
    Ok(table)
}

/// Builds the symbol table of a single expression (eval mode).
pub fn build_expr(
    expr: &ast::Expr,
    source: &SourceMap,
    future: Future,
    range: TextRange,
) -> Result<SymbolTable, CompileError> {
    let mut table = SymbolTable { scopes: Vec::new(), by_node: HashMap::new() };
    table.scopes.push(Scope::new(ScopeKind::Module, "top", None, range));
    visit::Visitor::new(&mut table, source, future).visit_expr_root(expr)?;
    analyze::analyze(&mut table, source)?;
    Ok(table)
}

#[cfg(test)]
mod tests;

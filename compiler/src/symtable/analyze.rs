//! Second symbol-table pass: resolve every name of every scope to a [`NameScope`].
//!
//! Scopes are analyzed top-down, passing to each child the names bound in
//! enclosing function scopes (`bound`) and the names declared global (`global`);
//! free variables found in children flow back up (`free`) and turn the locals
//! they refer to into cells. Class scopes do not make their names visible to
//! nested scopes, except the implicit `__class__`.

use super::{flag, NameScope, ScopeKind, SymbolTable};
use crate::source::SourceMap;
use crate::CompileError;
use std::collections::HashSet;

type Names = HashSet<String>;

pub(super) fn analyze(table: &mut SymbolTable, src: &SourceMap) -> Result<(), CompileError> {
    let mut free = Names::new();
    let mut global = Names::new();
    analyze_block(table, src, 0, None, &mut free, &mut global)
}

fn analyze_block(
    t: &mut SymbolTable,
    src: &SourceMap,
    id: usize,
    mut bound: Option<&mut Names>,
    free: &mut Names,
    global: &mut Names,
) -> Result<(), CompileError> {
    let kind = t.scopes[id].kind;
    let mut local = Names::new();
    let mut newglobal = Names::new();
    let mut newfree = Names::new();
    let mut newbound = Names::new();

    // Class bindings are invisible to nested scopes, so what children see is
    // fixed before the class's own names are looked at.
    if kind == ScopeKind::Class {
        newglobal.extend(global.iter().cloned());
        if let Some(b) = bound.as_deref() {
            newbound.extend(b.iter().cloned());
        }
    }

    let mut scopes = Vec::with_capacity(t.scopes[id].symbols.len());
    for i in 0..t.scopes[id].symbols.len() {
        let s = analyze_name(t, src, id, i, bound.as_deref_mut(), &mut local, free, global)?;
        scopes.push(s);
    }

    if kind != ScopeKind::Class {
        if kind == ScopeKind::Function {
            newbound.extend(local.iter().cloned());
        }
        if let Some(b) = bound.as_deref() {
            newbound.extend(b.iter().cloned());
        }
        newglobal.extend(global.iter().cloned());
    } else {
        newbound.insert("__class__".to_string());
    }

    let children = t.scopes[id].children.clone();
    for child in children {
        let mut child_bound = newbound.clone();
        let mut child_global = newglobal.clone();
        let mut child_free = Names::new();
        analyze_block(t, src, child, Some(&mut child_bound), &mut child_free, &mut child_global)?;
        newfree.extend(child_free);
        let c = &t.scopes[child];
        if c.has_free || c.child_free {
            t.scopes[id].child_free = true;
        }
    }

    // Locals captured by children become cells.
    if kind == ScopeKind::Function {
        for (i, s) in scopes.iter_mut().enumerate() {
            if *s == NameScope::Local && newfree.remove(&t.scopes[id].symbols[i].name) {
                *s = NameScope::Cell;
            }
        }
    } else if kind == ScopeKind::Class && newfree.remove("__class__") {
        t.scopes[id].needs_class_closure = true;
    }

    // Record the results, and pass unresolved free names of children through.
    let scope = &mut t.scopes[id];
    for (sym, s) in scope.symbols.iter_mut().zip(scopes) {
        sym.scope = s;
    }
    let mut passthrough: Vec<&String> = newfree.iter().collect();
    passthrough.sort();
    for name in passthrough {
        if let Some(&i) = scope.index.get(name.as_str()) {
            // A class-level name that methods also close over (from an outer function).
            if kind == ScopeKind::Class && scope.symbols[i].flags & (flag::BOUND | flag::GLOBAL) != 0 {
                scope.symbols[i].flags |= flag::FREE_CLASS;
            }
            continue;
        }
        if let Some(b) = bound.as_deref() {
            if !b.contains(name.as_str()) {
                continue; // a global
            }
        }
        scope.index.insert(name.clone(), scope.symbols.len());
        scope.symbols.push(super::Symbol { name: name.clone(), flags: 0, scope: NameScope::Free });
    }
    free.extend(newfree);
    Ok(())
}

#[allow(clippy::too_many_arguments)]
fn analyze_name(
    t: &mut SymbolTable,
    src: &SourceMap,
    id: usize,
    i: usize,
    bound: Option<&mut Names>,
    local: &mut Names,
    free: &mut Names,
    global: &mut Names,
) -> Result<NameScope, CompileError> {
    let scope = &t.scopes[id];
    let sym = &scope.symbols[i];
    let (name, flags) = (sym.name.as_str(), sym.flags);
    let directive = || scope.directives.get(name).copied().unwrap_or(scope.range);
    if flags & flag::GLOBAL != 0 {
        if flags & flag::NONLOCAL != 0 {
            return Err(src.syntax_error(format!("name '{name}' is nonlocal and global"), directive()));
        }
        global.insert(name.to_string());
        if let Some(b) = bound {
            b.remove(name);
        }
        return Ok(NameScope::GlobalExplicit);
    }
    if flags & flag::NONLOCAL != 0 {
        let Some(b) = bound else {
            return Err(src.syntax_error("nonlocal declaration not allowed at module level", directive()));
        };
        if !b.contains(name) {
            return Err(src.syntax_error(format!("no binding for nonlocal '{name}' found"), directive()));
        }
        free.insert(name.to_string());
        t.scopes[id].has_free = true;
        return Ok(NameScope::Free);
    }
    if flags & flag::BOUND != 0 {
        local.insert(name.to_string());
        global.remove(name);
        return Ok(NameScope::Local);
    }
    if let Some(b) = bound {
        if b.contains(name) {
            free.insert(name.to_string());
            t.scopes[id].has_free = true;
            return Ok(NameScope::Free);
        }
    }
    if global.contains(name) {
        return Ok(NameScope::GlobalImplicit);
    }
    if scope.nested {
        t.scopes[id].has_free = true;
    }
    Ok(NameScope::GlobalImplicit)
}

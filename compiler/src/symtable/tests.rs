//! Unit tests of scope analysis.

use super::*;
use crate::source::SourceMap;
use rustpython_parser::Parse;

fn table(src: &str) -> SymbolTable {
    let body = ast::Suite::parse(src, "t").expect("parses");
    let map = SourceMap::new(src, "t");
    let range = TextRange::up_to((src.len() as u32).into());
    let t = build(&body, &map, Future::default(), range).expect("builds");
    // The AST is dropped here, so only names and scopes may be inspected.
    t
}

/// The scope named `name` (first match, in creation order).
fn find<'t>(t: &'t SymbolTable, name: &str) -> &'t Scope {
    t.scopes.iter().find(|s| s.name == name).unwrap_or_else(|| panic!("no scope {name}"))
}

#[test]
fn locals_globals_and_frees() {
    let t = table("g = 1\ndef f(a):\n    b = a\n    def h():\n        return a + g\n    return h\n");
    let f = find(&t, "f");
    assert_eq!(f.scope_of("a"), NameScope::Cell);
    assert_eq!(f.scope_of("b"), NameScope::Local);
    assert_eq!(f.scope_of("h"), NameScope::Local);
    let h = find(&t, "h");
    assert_eq!(h.scope_of("a"), NameScope::Free);
    assert_eq!(h.scope_of("g"), NameScope::GlobalImplicit);
    assert!(h.nested);
    assert_eq!(f.cellvars(), vec!["a".to_string()]);
    assert_eq!(h.freevars(), vec!["a".to_string()]);
}

#[test]
fn explicit_global_and_nonlocal() {
    let t = table("def f():\n    global x\n    x = 1\n    y = 2\n    def g():\n        nonlocal y\n        y = 3\n");
    let f = find(&t, "f");
    assert_eq!(f.scope_of("x"), NameScope::GlobalExplicit);
    assert_eq!(f.scope_of("y"), NameScope::Cell);
    assert_eq!(find(&t, "g").scope_of("y"), NameScope::Free);
    // A global declaration also marks the module's symbol.
    assert_eq!(t.scope(0).scope_of("x"), NameScope::GlobalExplicit);
}

#[test]
fn class_scope_is_invisible_to_methods() {
    let t = table("def f():\n    x = 1\n    class C:\n        x = 2\n        def m(self):\n            return x\n");
    let c = find(&t, "C");
    assert_eq!(c.scope_of("x"), NameScope::Local);
    assert!(c.lookup("x").is_some_and(|s| s.flags & flag::FREE_CLASS != 0));
    assert_eq!(c.freevars(), vec!["x".to_string()]);
    assert_eq!(find(&t, "m").scope_of("x"), NameScope::Free);
    assert_eq!(find(&t, "f").scope_of("x"), NameScope::Cell);
}

#[test]
fn super_needs_class_cell() {
    let t = table("class C:\n    def m(self):\n        return super().m()\n    def n(self):\n        pass\n");
    let c = find(&t, "C");
    assert!(c.needs_class_closure);
    assert_eq!(c.cellvars(), vec!["__class__".to_string()]);
    assert_eq!(find(&t, "m").scope_of("__class__"), NameScope::Free);
    assert_eq!(find(&t, "n").lookup("__class__").map(|s| s.scope), None);
}

#[test]
fn comprehension_scopes_and_walrus() {
    let t = table("def f(xs):\n    ys = [y := x for x in xs]\n    return y\n");
    let comp = find(&t, "<listcomp>");
    assert_eq!(comp.comprehension, Some(CompKind::List));
    assert_eq!(comp.params, vec![".0".to_string()]);
    assert_eq!(comp.scope_of("x"), NameScope::Local);
    assert_eq!(comp.scope_of("y"), NameScope::Free);
    assert_eq!(comp.scope_of("xs"), NameScope::GlobalImplicit);
    let f = find(&t, "f");
    assert_eq!(f.scope_of("y"), NameScope::Cell);
    // The outermost iterable is evaluated in f.
    assert!(f.lookup("xs").is_some_and(|s| s.flags & flag::USE != 0));
}

#[test]
fn module_level_walrus_in_comprehension_is_global() {
    let t = table("[last := x for x in range(3)]\n");
    assert_eq!(find(&t, "<listcomp>").scope_of("last"), NameScope::GlobalExplicit);
}

#[test]
fn private_names_are_mangled() {
    let t = table("class _Foo:\n    __x = 1\n    def __m(self, __a):\n        return self.__y\n");
    let c = find(&t, "_Foo");
    assert!(c.lookup("_Foo__x").is_some());
    assert!(c.lookup("_Foo__m").is_some());
    assert!(c.lookup("__x").is_none());
    assert_eq!(find(&t, "__m").params, vec!["self".to_string(), "_Foo__a".to_string()]);
    assert_eq!(mangle(Some("__"), "__x"), "__x");
    assert_eq!(mangle(Some("C"), "__init__"), "__init__");
    assert_eq!(mangle(Some("C"), "__a.b"), "__a.b");
}

#[test]
fn generator_and_coroutine_flags() {
    let t = table("def g():\n    yield\nasync def c():\n    await x\nasync def ag():\n    yield\n");
    let g = find(&t, "g");
    assert!(g.generator && !g.coroutine);
    let c = find(&t, "c");
    assert!(c.coroutine && !c.generator);
    let ag = find(&t, "ag");
    assert!(ag.coroutine && ag.generator);
}

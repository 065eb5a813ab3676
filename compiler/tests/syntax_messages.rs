//! SyntaxError messages and positions for input CPython 3.11's tokenizer or
//! grammar rejects with a specific message (invalid numeric literals, the
//! `invalid_*` grammar rules), checked against `python3.11 -c 'compile(...)'`.

use ember_compiler::{compile, ErrorKind, Mode};
use ErrorKind::SyntaxError as Syntax;

/// Source, kind, message, (line, offset, end line, end offset).
type Case = (&'static str, ErrorKind, &'static str, (u32, u32, u32, u32));

#[track_caller]
fn check_all(cases: &[Case]) {
    let mut failures = Vec::new();
    for &(src, kind, msg, pos) in cases {
        match compile(src, "<s>", Mode::Exec) {
            Ok(_) => failures.push(format!("{src:?}: compiled, expected {msg:?}")),
            Err(e) => {
                let got = (e.kind, e.msg.as_str(), (e.line, e.offset, e.end_line, e.end_offset));
                if got != (kind, msg, pos) {
                    failures.push(format!("{src:?}: got {got:?}, expected {:?}", (kind, msg, pos)));
                }
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[track_caller]
fn accepted(src: &str) {
    if let Err(e) = compile(src, "<s>", Mode::Exec) {
        panic!("{src:?} should compile: {}", e.msg);
    }
}

/// CPython's tokenizer rules for numeric literals.
#[test]
fn invalid_numeric_literals() {
    check_all(&[
        ("1__0", Syntax, "invalid decimal literal", (1, 2, 1, 2)),
        ("1_", Syntax, "invalid decimal literal", (1, 2, 1, 2)),
        ("0x", Syntax, "invalid hexadecimal literal", (1, 2, 1, 2)),
        ("0b2", Syntax, "invalid digit '2' in binary literal", (1, 3, 1, 3)),
        ("0o8", Syntax, "invalid digit '8' in octal literal", (1, 3, 1, 3)),
        (
            "09",
            Syntax,
            "leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers",
            (1, 1, 1, 2),
        ),
        ("1e", Syntax, "invalid decimal literal", (1, 1, 1, 1)),
        ("1.2.3", Syntax, "invalid syntax", (1, 4, 1, 6)),
        ("0x_", Syntax, "invalid hexadecimal literal", (1, 3, 1, 3)),
        ("1_e5", Syntax, "invalid decimal literal", (1, 2, 1, 2)),
        ("1e_5", Syntax, "invalid decimal literal", (1, 1, 1, 1)),
        ("0b1_", Syntax, "invalid binary literal", (1, 4, 1, 4)),
        ("1.__0", Syntax, "invalid decimal literal", (1, 2, 1, 2)),
        (
            "0_7",
            Syntax,
            "leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers",
            (1, 1, 1, 3),
        ),
        ("1j_", Syntax, "invalid imaginary literal", (1, 2, 1, 2)),
        ("x = 1abc", Syntax, "invalid decimal literal", (1, 5, 1, 5)),
        ("0b12", Syntax, "invalid digit '2' in binary literal", (1, 4, 1, 4)),
        ("0o1_", Syntax, "invalid octal literal", (1, 4, 1, 4)),
        ("0x1g", Syntax, "invalid hexadecimal literal", (1, 3, 1, 3)),
        ("1e+", Syntax, "invalid decimal literal", (1, 3, 1, 3)),
        ("1.2_", Syntax, "invalid decimal literal", (1, 4, 1, 4)),
        (
            "x = (1,\n0777)",
            Syntax,
            "leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers",
            (2, 1, 2, 2),
        ),
        (
            "x = 'a' + 09",
            Syntax,
            "leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers",
            (1, 11, 1, 12),
        ),
        (
            "f(x) = 09",
            Syntax,
            "leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers",
            (1, 8, 1, 9),
        ),
        (
            "1 +\n   2 + 09",
            Syntax,
            "leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers",
            (2, 8, 2, 9),
        ),
        (
            "x = 'abc' 09",
            Syntax,
            "leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers",
            (1, 11, 1, 12),
        ),
        ("0b", Syntax, "invalid binary literal", (1, 2, 1, 2)),
        ("0o", Syntax, "invalid octal literal", (1, 2, 1, 2)),
        ("x = 0xg", Syntax, "invalid hexadecimal literal", (1, 6, 1, 6)),
        ("1.e", Syntax, "invalid decimal literal", (1, 2, 1, 2)),
        (".5_", Syntax, "invalid decimal literal", (1, 3, 1, 3)),
        ("5_j", Syntax, "invalid decimal literal", (1, 2, 1, 2)),
        ("1e5j_", Syntax, "invalid imaginary literal", (1, 4, 1, 4)),
        ("1_000_", Syntax, "invalid decimal literal", (1, 6, 1, 6)),
        (
            "0777",
            Syntax,
            "leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers",
            (1, 1, 1, 2),
        ),
        ("0o9", Syntax, "invalid digit '9' in octal literal", (1, 3, 1, 3)),
        ("x = 123_", Syntax, "invalid decimal literal", (1, 8, 1, 8)),
        ("00_", Syntax, "invalid decimal literal", (1, 3, 1, 3)),
        ("0e", Syntax, "invalid decimal literal", (1, 1, 1, 1)),
        ("0j_", Syntax, "invalid imaginary literal", (1, 2, 1, 2)),
        ("0.1_", Syntax, "invalid decimal literal", (1, 4, 1, 4)),
        (
            "x y 09",
            Syntax,
            "leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers",
            (1, 5, 1, 6),
        ),
    ]);
}

/// The specialised messages of the grammar's `invalid_*` rules.
#[test]
fn grammar_error_rules() {
    check_all(&[
        ("def f(*, **kw):\n    pass", Syntax, "named arguments must follow bare *", (1, 7, 1, 8)),
        ("def f(a, *, **kw): pass", Syntax, "named arguments must follow bare *", (1, 10, 1, 11)),
        ("def f(*): pass", Syntax, "named arguments must follow bare *", (1, 7, 1, 8)),
        ("def f(*,): pass", Syntax, "named arguments must follow bare *", (1, 7, 1, 8)),
        ("lambda *, **k: 0", Syntax, "named arguments must follow bare *", (1, 11, 1, 13)),
        ("lambda *: 0", Syntax, "named arguments must follow bare *", (1, 9, 1, 10)),
        ("lambda *,: 0", Syntax, "named arguments must follow bare *", (1, 10, 1, 11)),
        ("f(x for x in y, 1)", Syntax, "Generator expression must be parenthesized", (1, 3, 1, 15)),
        ("f(1, x for x in y)", Syntax, "Generator expression must be parenthesized", (1, 6, 1, 18)),
        ("f(x for x in y, )", Syntax, "Generator expression must be parenthesized", (1, 3, 1, 15)),
        ("f(a=1, x for x in y)", Syntax, "Generator expression must be parenthesized", (1, 8, 1, 20)),
        ("f((x) for x in y, 1)", Syntax, "Generator expression must be parenthesized", (1, 4, 1, 17)),
        ("f(x for x in y if z, b)", Syntax, "Generator expression must be parenthesized", (1, 3, 1, 20)),
        ("f(*a, x for x in y)", Syntax, "Generator expression must be parenthesized", (1, 7, 1, 19)),
        ("class C(x for x in y): pass", Syntax, "invalid syntax", (1, 11, 1, 14)),
        ("class C(a, x for x in y): pass", Syntax, "Generator expression must be parenthesized", (1, 12, 1, 24)),
        ("x = yield = 1", Syntax, "assignment to yield expression not possible", (1, 5, 1, 10)),
        ("def g():\n    x = yield = 1", Syntax, "assignment to yield expression not possible", (2, 9, 2, 14)),
        ("def g():\n    x = (yield) = 1", Syntax, "cannot assign to yield expression", (2, 10, 2, 15)),
        (
            "def g():\n    (yield) = 1",
            Syntax,
            "cannot assign to yield expression here. Maybe you meant '==' instead of '='?",
            (2, 6, 2, 11),
        ),
        ("def g():\n    yield = 1", Syntax, "assignment to yield expression not possible", (2, 5, 2, 10)),
        ("print 'hello'", Syntax, "Missing parentheses in call to 'print'. Did you mean print(...)?", (1, 1, 1, 14)),
        ("print \"a\", 1", Syntax, "Missing parentheses in call to 'print'. Did you mean print(...)?", (1, 1, 1, 13)),
        ("exec 'x'", Syntax, "Missing parentheses in call to 'exec'. Did you mean exec(...)?", (1, 1, 1, 9)),
        ("print x", Syntax, "Missing parentheses in call to 'print'. Did you mean print(...)?", (1, 1, 1, 8)),
        ("x = print 'a'", Syntax, "Missing parentheses in call to 'print'. Did you mean print(...)?", (1, 5, 1, 14)),
        ("if x = 1:\n    pass", Syntax, "invalid syntax. Maybe you meant '==' or ':=' instead of '='?", (1, 4, 1, 9)),
        ("while x = 1: pass", Syntax, "invalid syntax. Maybe you meant '==' or ':=' instead of '='?", (1, 7, 1, 12)),
        ("elif x = 1: pass", Syntax, "invalid syntax", (1, 1, 1, 5)),
        (
            "if x.y = 1: pass",
            Syntax,
            "cannot assign to attribute here. Maybe you meant '==' instead of '='?",
            (1, 4, 1, 7),
        ),
        ("if x = 1 = 2: pass", Syntax, "invalid syntax", (1, 6, 1, 7)),
        ("[x = 1]", Syntax, "invalid syntax. Maybe you meant '==' or ':=' instead of '='?", (1, 2, 1, 7)),
        (
            "f(a, b = 1 for c in d)",
            Syntax,
            "invalid syntax. Maybe you meant '==' or ':=' instead of '='?",
            (1, 6, 1, 9),
        ),
        ("x = 1 if True", Syntax, "expected 'else' after 'if' expression", (1, 5, 1, 14)),
        ("x = 1 if True else", Syntax, "invalid syntax", (1, 19, 1, 19)),
        ("f(1 if x)", Syntax, "expected 'else' after 'if' expression", (1, 3, 1, 9)),
        ("[a if b for c in d]", Syntax, "expected 'else' after 'if' expression", (1, 2, 1, 8)),
        ("x = a if b:", Syntax, "invalid syntax", (1, 11, 1, 12)),
        ("lambda: 1 if 2", Syntax, "expected 'else' after 'if' expression", (1, 9, 1, 15)),
        ("try:\n    pass\nx = 1", Syntax, "expected 'except' or 'finally' block", (3, 1, 3, 2)),
        ("def f():\n    try:\n        pass\n    x = 1", Syntax, "expected 'except' or 'finally' block", (4, 5, 4, 6)),
        ("try:\n    pass\nelse:\n    pass", Syntax, "expected 'except' or 'finally' block", (3, 1, 3, 5)),
        ("(a.b := 1)", Syntax, "cannot use assignment expressions with attribute", (1, 2, 1, 5)),
        ("(a[0] := 1)", Syntax, "cannot use assignment expressions with subscript", (1, 2, 1, 6)),
        ("((a, b) := (1, 2))", Syntax, "cannot use assignment expressions with tuple", (1, 2, 1, 8)),
        ("x := 5", Syntax, "invalid syntax", (1, 3, 1, 5)),
        ("def f(): (yield := 1)", Syntax, "invalid syntax", (1, 17, 1, 19)),
        ("(f() := 1)", Syntax, "cannot use assignment expressions with function call", (1, 2, 1, 5)),
        ("[a.b := 1 for x in y]", Syntax, "cannot use assignment expressions with attribute", (1, 2, 1, 5)),
        ("f(a.b := 1)", Syntax, "invalid syntax", (1, 7, 1, 9)),
        ("(1 := 2)", Syntax, "cannot use assignment expressions with literal", (1, 2, 1, 3)),
        ("(a + b := 2)", Syntax, "cannot use assignment expressions with expression", (1, 2, 1, 7)),
        ("f'{x!z}'", Syntax, "f-string: invalid conversion character: expected 's', 'r', or 'a'", (1, 9, 1, 9)),
        ("f'{x!}'", Syntax, "f-string: invalid conversion character: expected 's', 'r', or 'a'", (1, 8, 1, 8)),
        ("def f[T](): pass", Syntax, "expected '('", (1, 6, 1, 7)),
        ("class C[T]: pass", Syntax, "invalid syntax", (1, 8, 1, 9)),
        ("type X = int", Syntax, "invalid syntax", (1, 6, 1, 7)),
        ("def f(): pass\ndef g[T](): pass", Syntax, "expected '('", (2, 6, 2, 7)),
        ("f(a b)", Syntax, "invalid syntax. Perhaps you forgot a comma?", (1, 3, 1, 6)),
        ("[a b]", Syntax, "invalid syntax. Perhaps you forgot a comma?", (1, 2, 1, 5)),
        ("x = a b", Syntax, "invalid syntax", (1, 7, 1, 8)),
        ("if x\n  pass", Syntax, "expected ':'", (1, 5, 1, 5)),
        ("class C\n  pass", Syntax, "expected ':'", (1, 8, 1, 8)),
        ("while x\n  pass", Syntax, "expected ':'", (1, 8, 1, 8)),
        ("def f()\n  pass", Syntax, "expected ':'", (1, 8, 1, 8)),
        ("with x as y\n  pass", Syntax, "expected ':'", (1, 12, 1, 12)),
        ("for x in y\n  pass", Syntax, "expected ':'", (1, 11, 1, 11)),
        ("for x y: pass", Syntax, "invalid syntax", (1, 7, 1, 8)),
        ("import", Syntax, "invalid syntax", (1, 7, 1, 7)),
        ("from x import", Syntax, "invalid syntax", (1, 14, 1, 14)),
        ("from x imp y", Syntax, "invalid syntax", (1, 8, 1, 11)),
        ("def f:\n pass", Syntax, "expected '('", (1, 6, 1, 7)),
        ("def f(x) -> int\n  pass", Syntax, "expected ':'", (1, 16, 1, 16)),
        ("[x for x in y z]", Syntax, "invalid syntax", (1, 15, 1, 16)),
        ("[x for x in y if a b]", Syntax, "invalid syntax", (1, 20, 1, 21)),
        ("f(a b c)", Syntax, "invalid syntax. Perhaps you forgot a comma?", (1, 3, 1, 6)),
        ("f(a, b c)", Syntax, "invalid syntax. Perhaps you forgot a comma?", (1, 6, 1, 9)),
        ("f(a + b c)", Syntax, "invalid syntax. Perhaps you forgot a comma?", (1, 3, 1, 10)),
        ("f(x 'a')", Syntax, "invalid syntax", (1, 5, 1, 8)),
        ("f(y + x 'a')", Syntax, "invalid syntax. Perhaps you forgot a comma?", (1, 3, 1, 12)),
        ("{a: b c}", Syntax, "invalid syntax. Perhaps you forgot a comma?", (1, 5, 1, 8)),
        ("{a b: c}", Syntax, "invalid syntax. Perhaps you forgot a comma?", (1, 2, 1, 5)),
        ("(a.b c)", Syntax, "invalid syntax. Perhaps you forgot a comma?", (1, 2, 1, 7)),
        ("f(a)(b c)", Syntax, "invalid syntax. Perhaps you forgot a comma?", (1, 6, 1, 9)),
        ("x[a b]", Syntax, "invalid syntax. Perhaps you forgot a comma?", (1, 3, 1, 6)),
        ("f(-a b)", Syntax, "invalid syntax. Perhaps you forgot a comma?", (1, 3, 1, 7)),
        ("f(a not b)", Syntax, "invalid syntax. Perhaps you forgot a comma?", (1, 3, 1, 10)),
        ("f(match x)", Syntax, "invalid syntax", (1, 9, 1, 10)),
        ("f(print x)", Syntax, "Missing parentheses in call to 'print'. Did you mean print(...)?", (1, 3, 1, 10)),
        ("f(a lambda: 1)", Syntax, "invalid syntax. Perhaps you forgot a comma?", (1, 3, 1, 14)),
        ("f(a if b else c d)", Syntax, "invalid syntax", (1, 17, 1, 18)),
        ("(a, b c, d)", Syntax, "invalid syntax. Perhaps you forgot a comma?", (1, 5, 1, 8)),
        ("f(a\n  b)", Syntax, "invalid syntax. Perhaps you forgot a comma?", (1, 3, 2, 4)),
        ("x = f() = 1", Syntax, "cannot assign to function call", (1, 5, 1, 8)),
        ("f() = x = 1", Syntax, "cannot assign to function call", (1, 1, 1, 4)),
        ("x = 1 = 2", Syntax, "cannot assign to literal", (1, 5, 1, 6)),
        ("x = a + 1 = 2", Syntax, "cannot assign to expression", (1, 5, 1, 10)),
        ("(a, b) = f() = 1", Syntax, "cannot assign to function call", (1, 10, 1, 13)),
        ("f(**k, x for x in y)", Syntax, "Generator expression must be parenthesized", (1, 8, 1, 20)),
        ("@f(x for x in y, 1)\ndef g(): pass", Syntax, "Generator expression must be parenthesized", (1, 4, 1, 16)),
        ("f(x for x in y)(a, b for b in c)", Syntax, "Generator expression must be parenthesized", (1, 20, 1, 32)),
        (
            "class C(x for x in y, metaclass=M): pass",
            Syntax,
            "Generator expression must be parenthesized",
            (1, 9, 1, 21),
        ),
        ("f(a, b for b in c if d if e)", Syntax, "Generator expression must be parenthesized", (1, 6, 1, 28)),
        ("def f(x, *, **k): pass", Syntax, "named arguments must follow bare *", (1, 10, 1, 11)),
        ("def f(x, *): pass", Syntax, "named arguments must follow bare *", (1, 10, 1, 11)),
        ("def f(a, b=2*3, *, **k): pass", Syntax, "named arguments must follow bare *", (1, 17, 1, 18)),
        ("async def f(*, **k): pass", Syntax, "named arguments must follow bare *", (1, 13, 1, 14)),
        ("lambda x, *, **k: 0", Syntax, "named arguments must follow bare *", (1, 14, 1, 16)),
        ("lambda x, *: 0", Syntax, "named arguments must follow bare *", (1, 12, 1, 13)),
        ("@d\ndef f[T](x): pass", Syntax, "expected '('", (2, 6, 2, 7)),
        ("def  f  [T](): pass", Syntax, "expected '('", (1, 9, 1, 10)),
        ("class C[T](B): pass", Syntax, "invalid syntax", (1, 8, 1, 9)),
        ("x = (yield) = 1", Syntax, "cannot assign to yield expression", (1, 6, 1, 11)),
        ("def g():\n    x = yield from y = 1", Syntax, "assignment to yield expression not possible", (2, 9, 2, 21)),
        ("def g():\n    x, yield = 1", Syntax, "invalid syntax", (2, 8, 2, 13)),
        ("def g():\n    for yield in x: pass", Syntax, "invalid syntax", (2, 9, 2, 14)),
        (
            "def g():\n    (yield) += 1",
            Syntax,
            "'yield expression' is an illegal expression for augmented assignment",
            (2, 6, 2, 11),
        ),
        ("if (a.b := 1): pass", Syntax, "cannot use assignment expressions with attribute", (1, 5, 1, 8)),
        ("if a.b := 1: pass", Syntax, "cannot use assignment expressions with attribute", (1, 4, 1, 7)),
        ("while a[0] := 1: pass", Syntax, "cannot use assignment expressions with subscript", (1, 7, 1, 11)),
        ("elif a.b := 1: pass", Syntax, "invalid syntax", (1, 1, 1, 5)),
        ("[1, a.b := 2]", Syntax, "cannot use assignment expressions with attribute", (1, 5, 1, 8)),
        ("(1, a.b := 2)", Syntax, "cannot use assignment expressions with attribute", (1, 5, 1, 8)),
        ("{a.b := 1}", Syntax, "cannot use assignment expressions with attribute", (1, 2, 1, 5)),
        ("x[a.b := 1]", Syntax, "cannot use assignment expressions with attribute", (1, 3, 1, 6)),
        ("f(x)[a.b := 1]", Syntax, "cannot use assignment expressions with attribute", (1, 6, 1, 9)),
        ("x = a.b := 1", Syntax, "invalid syntax", (1, 9, 1, 11)),
        ("[x for x in y if a.b := 1]", Syntax, "invalid syntax", (1, 22, 1, 24)),
        ("(lambda: a.b := 1)", Syntax, "cannot use assignment expressions with lambda", (1, 2, 1, 13)),
        ("((a) := 1)", Syntax, "cannot use assignment expressions with name", (1, 3, 1, 4)),
        ("f(a.b=1)", Syntax, "expression cannot contain assignment, perhaps you meant \"==\"?", (1, 3, 1, 7)),
        ("f(True=1)", Syntax, "cannot assign to True", (1, 3, 1, 8)),
        ("f(x, a.b=1)", Syntax, "expression cannot contain assignment, perhaps you meant \"==\"?", (1, 6, 1, 10)),
        ("f(a+1=2)", Syntax, "expression cannot contain assignment, perhaps you meant \"==\"?", (1, 3, 1, 7)),
        ("[x.y = 1]", Syntax, "cannot assign to attribute here. Maybe you meant '==' instead of '='?", (1, 2, 1, 5)),
        ("{x = 1}", Syntax, "invalid syntax. Maybe you meant '==' or ':=' instead of '='?", (1, 2, 1, 7)),
        ("(x = 1)", Syntax, "invalid syntax. Maybe you meant '==' or ':=' instead of '='?", (1, 2, 1, 7)),
        ("x[a = 1]", Syntax, "invalid syntax. Maybe you meant '==' or ':=' instead of '='?", (1, 3, 1, 8)),
        ("(x.y = 1)", Syntax, "cannot assign to attribute here. Maybe you meant '==' instead of '='?", (1, 2, 1, 5)),
        ("((a, b) = 1)", Syntax, "invalid syntax", (1, 9, 1, 10)),
        ("(True = 1)", Syntax, "invalid syntax", (1, 7, 1, 8)),
        ("(x = 1 = 2)", Syntax, "invalid syntax", (1, 4, 1, 5)),
        ("(x = 1 := 2)", Syntax, "invalid syntax", (1, 4, 1, 5)),
        ("(x = 1, 2)", Syntax, "invalid syntax. Maybe you meant '==' or ':=' instead of '='?", (1, 2, 1, 7)),
        ("if x == 1 and y = 2: pass", Syntax, "invalid syntax", (1, 17, 1, 18)),
        ("if (x = 1): pass", Syntax, "invalid syntax. Maybe you meant '==' or ':=' instead of '='?", (1, 5, 1, 10)),
        ("x = [1, 2)", Syntax, "closing parenthesis ')' does not match opening parenthesis '['", (1, 10, 1, 10)),
        (
            "x = (1,\n 2]",
            Syntax,
            "closing parenthesis ']' does not match opening parenthesis '(' on line 1",
            (2, 3, 2, 3),
        ),
        ("x = (", Syntax, "'(' was never closed", (1, 5, 1, 0)),
        ("x = )", Syntax, "unmatched ')'", (1, 5, 1, 5)),
        ("f(1, 2", Syntax, "'(' was never closed", (1, 2, 1, 0)),
        ("x = '''abc", Syntax, "unterminated triple-quoted string literal (detected at line 1)", (1, 5, 1, 5)),
        ("x = 'ab", Syntax, "unterminated string literal (detected at line 1)", (1, 5, 1, 5)),
    ]);
}

/// An invalid number is reported even after an earlier parser error, unless
/// the tokenizer met another problem first.
#[test]
fn tokenizer_errors_win() {
    check_all(&[
        (
            "if x:\npass\ny = 09",
            Syntax,
            "leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers",
            (3, 5, 3, 6),
        ),
        (
            "print 'a'\ny = 09",
            Syntax,
            "leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers",
            (2, 5, 2, 6),
        ),
        (
            "y = 09\nprint 'a'",
            Syntax,
            "leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers",
            (1, 5, 1, 6),
        ),
        (
            "if x = 1:\n  pass\ny = 09",
            Syntax,
            "leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers",
            (3, 5, 3, 6),
        ),
        (
            "f(x for x in y, 1)\ny = 09",
            Syntax,
            "leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers",
            (2, 5, 2, 6),
        ),
        (
            "x = 1 if 2\ny = 09",
            Syntax,
            "leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers",
            (2, 5, 2, 6),
        ),
        (
            "True = 1\ny = 09",
            Syntax,
            "leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers",
            (2, 5, 2, 6),
        ),
        (
            "x = $\ny = 09",
            Syntax,
            "leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers",
            (2, 5, 2, 6),
        ),
        (
            "x = (\ny = 09",
            Syntax,
            "leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers",
            (2, 5, 2, 6),
        ),
        ("x = )\ny = 09", Syntax, "unmatched ')'", (1, 5, 1, 5)),
        ("x = 'abc\ny = 09", Syntax, "unterminated string literal (detected at line 1)", (1, 5, 1, 5)),
        (
            "y = 09\nx = 'abc",
            Syntax,
            "leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers",
            (1, 5, 1, 6),
        ),
        (
            "y = 09\nx = (",
            Syntax,
            "leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers",
            (1, 5, 1, 6),
        ),
        (
            "(a.b := 1)\ny = 09",
            Syntax,
            "leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers",
            (2, 5, 2, 6),
        ),
        (
            "try:\n    pass\ny = 09",
            Syntax,
            "leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers",
            (3, 5, 3, 6),
        ),
        (
            "def f[T](): pass\ny = 09",
            Syntax,
            "leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers",
            (2, 5, 2, 6),
        ),
        (
            "f(a b)\ny = 09",
            Syntax,
            "leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers",
            (2, 5, 2, 6),
        ),
        (
            "for x in y\n  pass\ny=09",
            Syntax,
            "leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers",
            (3, 3, 3, 4),
        ),
        (
            "f(**k, *a)\ny = 09",
            Syntax,
            "leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers",
            (2, 5, 2, 6),
        ),
        (
            "def f(a=1, b): pass\ny = 09",
            Syntax,
            "leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers",
            (2, 5, 2, 6),
        ),
        (
            "x = (1 if 2)\ny = 09",
            Syntax,
            "leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers",
            (2, 5, 2, 6),
        ),
    ]);
}

/// Valid code near the errors above.
#[test]
fn accepted_forms() {
    accepted("1if 1 else 2");
    accepted("x = 0 if 1 else 0");
    accepted("0b1if 1 else 2");
    accepted("09.5");
    accepted("0_0");
    accepted("01e5");
    accepted("0_1j");
    accepted("print");
    accepted("f'{x!r:}'");
    accepted("f(x for x in y)");
    accepted("f(a, (b for b in c))");
    accepted("f((a for a in b), c)");
    accepted("def f(*, a): pass");
    accepted("type = 1");
}

/// Exception clauses, imports, soft-keyword headers, f-strings, keywords.
#[test]
fn more_grammar_rules() {
    check_all(&[
        ("try:\n  pass\nexcept A, B:\n  pass", Syntax, "multiple exception types must be parenthesized", (3, 8, 3, 12)),
        (
            "try:\n  pass\nexcept* A, B, C as blech:\n  pass",
            Syntax,
            "multiple exception types must be parenthesized",
            (3, 9, 3, 25),
        ),
        (
            "try:\n  pass\nexcept* A as a:\n  pass\nexcept*:\n  pass",
            Syntax,
            "expected one or more exception types",
            (5, 8, 5, 9),
        ),
        ("from t import x,", Syntax, "trailing comma not allowed without surrounding parentheses", (1, 17, 1, 17)),
        ("from t import x,y,", Syntax, "trailing comma not allowed without surrounding parentheses", (1, 19, 1, 19)),
        ("match x\n  case list():\n      pass", Syntax, "expected ':'", (1, 8, 1, 8)),
        ("match x:\n  case list()\n      pass", Syntax, "expected ':'", (2, 14, 2, 14)),
        ("match x:\n  case [y] if y > 0\n      pass", Syntax, "expected ':'", (2, 20, 2, 20)),
        ("del __debug__", Syntax, "cannot delete __debug__", (1, 5, 1, 14)),
        ("f((x)=2)", Syntax, "expression cannot contain assignment, perhaps you meant \"==\"?", (1, 4, 1, 7)),
        ("f'{x!z}'", Syntax, "f-string: invalid conversion character: expected 's', 'r', or 'a'", (1, 9, 1, 9)),
        ("f'{x!}'", Syntax, "f-string: invalid conversion character: expected 's', 'r', or 'a'", (1, 8, 1, 8)),
        ("f'{}'", Syntax, "f-string: empty expression not allowed", (1, 6, 1, 6)),
        ("f'}'", Syntax, "f-string: single '}' is not allowed", (1, 5, 1, 5)),
        (
            "x = f'{(a}'",
            Syntax,
            "f-string: closing parenthesis '}' does not match opening parenthesis '('",
            (1, 12, 1, 12),
        ),
        ("f'{x:{y:{z}}}'", Syntax, "f-string: expressions nested too deeply", (1, 15, 1, 15)),
        ("x = [\n  a\n  b\n]", Syntax, "invalid syntax. Perhaps you forgot a comma?", (2, 3, 3, 4)),
        ("x = 0xfor_", Syntax, "invalid hexadecimal literal", (1, 7, 1, 7)),
    ]);
    accepted("print(f\"{f(x for x in y)}\", 1)");
    accepted("sum(x for x in y)");
    accepted("sum(x for x in y if x)");
    accepted("f(x for x in y)\n");
    accepted("def f(**kw): pass");
    accepted("def f(a=2*3, **kw): pass");
    accepted("lambda *a, **k: 0");
    accepted("match = 1\ncase = 2");
    accepted("x = 1if 2else 3");
}

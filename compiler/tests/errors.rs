//! Compile errors: kind, message, line and (1-based, character) offset, as
//! CPython 3.11 reports them (checked with `python3 -c 'compile(...)'`).

use ember_compiler::{compile, ErrorKind, Mode};

#[track_caller]
fn check(src: &str, kind: ErrorKind, msg: &str, line: u32, offset: u32) {
    let err = match compile(src, "f", Mode::Exec) {
        Ok(_) => panic!("{src:?} compiled, expected {msg:?}"),
        Err(e) => e,
    };
    assert_eq!((err.kind, err.msg.as_str(), err.line, err.offset), (kind, msg, line, offset), "for {src:?}");
    let text = err.text.expect("error carries its source line");
    // CPython's tokenizer gives every line its newline.
    let want = format!("{}\n", src.lines().nth(line as usize - 1).unwrap_or(""));
    assert_eq!(text, want, "text for {src:?}");
}

fn syntax(src: &str, msg: &str, line: u32, offset: u32) {
    check(src, ErrorKind::SyntaxError, msg, line, offset)
}

fn indentation(src: &str, msg: &str, line: u32, offset: u32) {
    check(src, ErrorKind::IndentationError, msg, line, offset)
}

#[test]
fn invalid_targets() {
    syntax("f() = 1", "cannot assign to function call here. Maybe you meant '==' instead of '='?", 1, 1);
    syntax("1 = x", "cannot assign to literal here. Maybe you meant '==' instead of '='?", 1, 1);
    syntax("a + b = 1", "cannot assign to expression here. Maybe you meant '==' instead of '='?", 1, 1);
    syntax("(a, 1) = 2", "cannot assign to literal", 1, 5);
    syntax("[a, f()] = 2", "cannot assign to function call", 1, 5);
    syntax("del f()", "cannot delete function call", 1, 5);
    syntax("del (a, 1)", "cannot delete literal", 1, 9);
    syntax("for f() in x: pass", "cannot assign to function call", 1, 5);
    syntax("f() += 1", "'function call' is an illegal expression for augmented assignment", 1, 1);
    syntax("(a, b) += 1", "'tuple' is an illegal expression for augmented assignment", 1, 1);
    syntax("with a as f(): pass", "cannot assign to function call", 1, 11);
    syntax("[x for f() in y]", "cannot assign to function call", 1, 8);
    syntax("x == 1 = 2", "cannot assign to comparison", 1, 1);
    syntax("True = 1", "cannot assign to True", 1, 1);
    syntax("a if b else c = 1", "cannot assign to conditional expression", 1, 1);
    syntax("... = 1", "cannot assign to ellipsis here. Maybe you meant '==' instead of '='?", 1, 1);
    syntax("{a} = 1", "cannot assign to set display here. Maybe you meant '==' instead of '='?", 1, 1);
    syntax("lambda: x = 1", "cannot assign to lambda", 1, 1);
    syntax("__debug__ = 1", "cannot assign to __debug__", 1, 1);
    syntax("a.__debug__ = 1", "cannot assign to __debug__", 1, 1);
}

#[test]
fn starred() {
    syntax("*a = b", "starred assignment target must be in a list or tuple", 1, 1);
    syntax("a, *b, *c = d", "multiple starred expressions in assignment", 1, 1);
    syntax("x = *a", "can't use starred expression here", 1, 5);
    syntax("*a", "can't use starred expression here", 1, 1);
}

#[test]
fn outside_function_or_loop() {
    syntax("x = yield", "'yield' outside function", 1, 5);
    syntax("return 1", "'return' outside function", 1, 1);
    syntax("class C:\n return", "'return' outside function", 2, 2);
    syntax("break", "'break' outside loop", 1, 1);
    syntax("continue", "'continue' not properly in loop", 1, 1);
    syntax("await x", "'await' outside function", 1, 1);
    syntax("def f():\n await x", "'await' outside async function", 2, 2);
    syntax("lambda: await x", "'await' outside async function", 1, 9);
    syntax("async def f(): yield from x", "'yield from' inside async function", 1, 16);
    syntax("async def f():\n yield 1\n return 2", "'return' with value in async generator", 3, 2);
    syntax("async with x: pass", "'async with' outside async function", 1, 1);
    syntax("async for x in y: pass", "'async for' outside async function", 1, 1);
    syntax("[x async for x in y]", "asynchronous comprehension outside of an asynchronous function", 1, 1);
    syntax("def f():\n [await x for x in y]", "asynchronous comprehension outside of an asynchronous function", 2, 2);
    syntax(
        "try:\n pass\nexcept* E:\n break",
        "'break', 'continue' and 'return' cannot appear in an except* block",
        4,
        2,
    );
    syntax("try:\n pass\nexcept:\n pass\nexcept E:\n pass", "default 'except:' must be last", 3, 1);
    syntax("[(yield) for x in y]", "'yield' inside list comprehension", 1, 3);
}

#[test]
fn scope_errors() {
    syntax("def f():\n x = 1\n global x", "name 'x' is assigned to before global declaration", 3, 2);
    syntax("def f(x):\n global x", "name 'x' is parameter and global", 2, 2);
    syntax("def f():\n print(x)\n global x", "name 'x' is used prior to global declaration", 3, 2);
    syntax("def f():\n x: int\n global x", "annotated name 'x' can't be global", 3, 2);
    syntax("nonlocal x", "nonlocal declaration not allowed at module level", 1, 1);
    syntax("def f():\n nonlocal x", "no binding for nonlocal 'x' found", 2, 2);
    syntax("class A:\n nonlocal x", "no binding for nonlocal 'x' found", 2, 2);
    syntax("def f():\n x = 1\n def g():\n  nonlocal x\n  global x", "name 'x' is nonlocal and global", 4, 3);
    syntax("def f(a, /, a): pass", "duplicate argument 'a' in function definition", 1, 13);
    syntax("def f(): from x import *", "import * only allowed at module level", 1, 24);
}

#[test]
fn walrus_errors() {
    syntax("[(x := 1) for x in y]", "assignment expression cannot rebind comprehension iteration variable 'x'", 1, 3);
    syntax(
        "[x for x in (y := [1])]",
        "assignment expression cannot be used in a comprehension iterable expression",
        1,
        14,
    );
    syntax(
        "class A:\n [(z := 1) for x in y]",
        "assignment expression within a comprehension cannot be used in a class body",
        2,
        4,
    );
    syntax(
        "[i for i in range(3) if (j := i) for j in range(2)]",
        "comprehension inner loop cannot rebind assignment expression target 'j'",
        1,
        38,
    );
}

#[test]
fn future_errors() {
    syntax("from __future__ import nope", "future feature nope is not defined", 1, 1);
    syntax(
        "x=1\nfrom __future__ import annotations",
        "from __future__ imports must occur at the beginning of the file",
        2,
        1,
    );
    syntax("from __future__ import braces", "not a chance", 1, 1);
    assert!(compile("'doc'\nfrom __future__ import annotations\nx: y", "f", Mode::Exec).is_ok());
}

#[test]
fn pattern_errors() {
    syntax("match x:\n case y: pass\n case 1: pass", "name capture 'y' makes remaining patterns unreachable", 2, 7);
    syntax("match x:\n case _: pass\n case 1: pass", "wildcard makes remaining patterns unreachable", 2, 7);
    syntax("match x:\n case [a, a]: pass", "multiple assignments to name 'a' in pattern", 2, 11);
    syntax("match x:\n case 1 | y: pass", "alternative patterns bind different names", 2, 11);
    syntax("match x:\n case [a] | [b]: pass", "alternative patterns bind different names", 2, 14);
    syntax("match x:\n case {1: a, 1: b}: pass", "mapping pattern checks duplicate key (1)", 2, 7);
    syntax("match x:\n case A(x=1, x=2): pass", "attribute name repeated in class pattern: x", 2, 16);
    syntax("match x:\n case [*a, *b]: pass", "multiple starred names in sequence pattern", 2, 7);
}

#[test]
fn parse_errors() {
    syntax("x +", "invalid syntax", 1, 4);
    syntax("a b", "invalid syntax", 1, 3);
    syntax("x = 5 +* 3", "invalid syntax", 1, 8);
    syntax("x = $", "invalid syntax", 1, 5);
    syntax("x = €", "invalid character '€' (U+20AC)", 1, 5);
    syntax("x = (1,", "'(' was never closed", 1, 5);
    syntax("x = [1,\n2,\n3", "'[' was never closed", 1, 5);
    syntax("foo(", "'(' was never closed", 1, 4);
    syntax("x = )", "unmatched ')'", 1, 5);
    syntax("if x\n    pass", "expected ':'", 1, 5);
    syntax("x = 'abc", "unterminated string literal (detected at line 1)", 1, 5);
    syntax("x = \"\"\"abc", "unterminated triple-quoted string literal (detected at line 1)", 1, 5);
    syntax("\"\"\"abc\n\ndef", "unterminated triple-quoted string literal (detected at line 3)", 1, 1);
    syntax("def f(a=1, b): pass", "non-default argument follows default argument", 1, 12);
    syntax("f(x=1, x=2)", "keyword argument repeated: x", 1, 8);
    syntax("f(**a, *b)", "iterable argument unpacking follows keyword argument unpacking", 1, 8);
    syntax(&"(".repeat(201), "too many nested parentheses", 1, 201);
}

#[test]
fn indentation_errors() {
    indentation("  x = 1", "unexpected indent", 1, 2);
    indentation("def f(x):\n    return x\n        y = 2", "unexpected indent", 3, 8);
    indentation("if x:\npass", "expected an indented block after 'if' statement on line 1", 2, 1);
    indentation("while x:\npass", "expected an indented block after 'while' statement on line 1", 2, 1);
    indentation("async def f():\npass", "expected an indented block after function definition on line 1", 2, 1);
    indentation(
        "class A:\n  def f(self):\n  pass",
        "expected an indented block after function definition on line 2",
        3,
        3,
    );
    indentation("try:\n  x\nexcept E:\nfoo()", "expected an indented block after 'except' statement on line 3", 4, 1);
    indentation("if x:", "expected an indented block after 'if' statement on line 1", 1, 6);
    indentation("def f():\n", "expected an indented block after function definition on line 1", 1, 9);
    indentation("if x:\n    a\n  b", "unindent does not match any outer indentation level", 3, 4);
    check(
        "for x in y:\n\tpass\n        pass",
        ErrorKind::TabError,
        "inconsistent use of tabs and spaces in indentation",
        3,
        1,
    );
}

#[test]
fn too_deep_is_an_error_not_a_crash() {
    for src in [
        "1+".repeat(100_000) + "1",
        "-".repeat(100_000) + "1",
        "x = ".to_string() + &"a.".repeat(100_000) + "b",
        "lambda: ".repeat(20_000) + "0",
        "(".repeat(100_000),
        "[".repeat(100_000) + &"]".repeat(100_000),
    ] {
        let r = compile(&src, "deep", Mode::Exec);
        assert!(r.is_err(), "{}...", &src[..20]);
    }
    // Moderately deep code still compiles.
    assert!(compile(&("1+".repeat(1000) + "1"), "f", Mode::Exec).is_ok());
    assert!(compile(&("(".repeat(200) + &")".repeat(200)), "f", Mode::Exec).is_ok());
}

#[test]
fn too_many_blocks() {
    let mut src = String::new();
    for i in 0..21 {
        src += &" ".repeat(i);
        src += "for x in y:\n";
    }
    src += &" ".repeat(21);
    src += "pass\n";
    syntax(&src, "too many statically nested blocks", 21, 21);
}

#[test]
fn single_mode_takes_one_statement() {
    let err = compile("x=1\ny=2", "f", Mode::Single).expect_err("two statements");
    assert_eq!(
        (err.msg.as_str(), err.line, err.offset),
        ("multiple statements found while compiling a single statement", 1, 4)
    );
    assert!(compile("x=1; y=2", "f", Mode::Single).is_ok());
    assert!(compile("if x:\n  pass\n", "f", Mode::Single).is_ok());
}

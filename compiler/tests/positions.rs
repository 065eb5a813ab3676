//! Instruction positions match CPython 3.11's `co_positions()` (values taken
//! from `dis.get_instructions` on the same source).

use ember_compiler::bytecode::{decode, Opcode};
use ember_compiler::code::Constant;
use ember_compiler::{compile, linetable, CodeUnit, Mode, Position};

/// (opcode name, position) of every instruction, in order.
fn positions(code: &CodeUnit) -> Vec<(&'static str, Position)> {
    let pos = linetable::decode(&code.line_table);
    code.code.iter().zip(pos).filter_map(|(w, p)| Opcode::from_u8(decode(*w).0).map(|op| (op.name(), p))).collect()
}

fn p(line: u32, end_line: u32, col: u32, end_col: u32) -> Position {
    Position { line, end_line, col, end_col }
}

#[track_caller]
fn expect_in_order(actual: &[(&'static str, Position)], expected: &[(&str, Position)]) {
    let mut it = actual.iter();
    for (name, pos) in expected {
        let found = it.find(|(n, _)| n == name);
        match found {
            Some((_, got)) => assert_eq!(got, pos, "position of {name}"),
            None => panic!("{name} not found (in order) in {actual:?}"),
        }
    }
}

#[test]
fn expressions_carry_their_ranges() {
    let src = "x = obj.attr.method(a, b)\ny = a + b * c\nfor i in range(3):\n    z = f(i)[0]\nwith open(p) as fh:\n    pass\n";
    let code = compile(src, "f", Mode::Exec).expect("compiles");
    let got = positions(&code);
    expect_in_order(
        &got,
        &[
            ("LOAD_NAME", p(1, 1, 4, 7)),
            ("LOAD_ATTR", p(1, 1, 4, 12)),
            ("LOAD_METHOD", p(1, 1, 4, 19)),
            ("CALL", p(1, 1, 4, 25)),
            ("STORE_NAME", p(1, 1, 0, 1)),
            ("BINARY_OP", p(2, 2, 8, 13)),
            ("BINARY_OP", p(2, 2, 4, 13)),
            ("STORE_NAME", p(2, 2, 0, 1)),
            ("PUSH_NULL", p(3, 3, 9, 14)),
            ("CALL", p(3, 3, 9, 17)),
            ("GET_ITER", p(3, 4, 0, 15)),
            ("FOR_ITER", p(3, 4, 0, 15)),
            ("STORE_NAME", p(3, 3, 4, 5)),
            ("CALL", p(4, 4, 8, 12)),
            ("BINARY_SUBSCR", p(4, 4, 8, 15)),
            ("STORE_NAME", p(4, 4, 4, 5)),
            ("CALL", p(5, 5, 5, 12)),
            ("BEFORE_WITH", p(5, 6, 0, 8)),
            ("STORE_NAME", p(5, 5, 16, 18)),
            ("CALL", p(5, 6, 0, 8)),
        ],
    );
}

#[test]
fn global_calls_and_nested_code() {
    let src = "def f(x):\n    return len(x) + x.count\n";
    let code = compile(src, "f", Mode::Exec).expect("compiles");
    let Some(Constant::Code(f)) = code.consts.iter().find(|c| matches!(c, Constant::Code(_))) else {
        panic!("no function code");
    };
    assert_eq!(f.first_line, 1);
    expect_in_order(
        &positions(f),
        &[
            ("LOAD_GLOBAL", p(2, 2, 11, 14)),
            ("CALL", p(2, 2, 11, 17)),
            ("LOAD_ATTR", p(2, 2, 20, 27)),
            ("BINARY_OP", p(2, 2, 11, 27)),
        ],
    );
}

#[test]
fn multibyte_columns_are_utf8_bytes() {
    let code = compile("s = 'é' + t\n", "f", Mode::Exec).expect("compiles");
    expect_in_order(&positions(&code), &[("LOAD_NAME", p(1, 1, 11, 12))]);
}

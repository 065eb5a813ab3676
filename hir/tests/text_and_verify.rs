//! The HIR text form round-trips, and the verifier accepts well-formed
//! functions and names what is wrong with malformed ones.

use ember_compiler::bytecode::{BinaryOp, CompareOp};
use ember_hir::ir::{Block, FrameState, Function, Imm};
use ember_hir::opcode::Opcode;
use ember_hir::text::{parse, print};
use ember_hir::types::Type;
use ember_hir::verify::verify;

/// `def fib(n): return n if n < 2 else fib(n - 1) + fib(n - 2)`, roughly as the
/// builder will produce it (generic operations, one deopt state).
fn fib() -> Function {
    let mut f = Function::new("__main__:fib");
    let entry = f.entry;
    let (_, n) = f.append(entry, Opcode::LoadArg, vec![], Imm::Local(0));
    let n = n.unwrap();
    let (check, n1) = f.append(entry, Opcode::CheckVar, vec![n], Imm::Local(0));
    let n1 = n1.unwrap();
    f.inst_mut(check).frame_state = Some(FrameState { next_instr: 1, locals: vec![Some(n)], stack: vec![] });
    let (_, two) = f.append(entry, Opcode::LoadConst, vec![], Imm::Type(Type::long_const(2)));
    let (cmp, lt) = f.append(entry, Opcode::Compare, vec![n1, two.unwrap()], Imm::CompareOp(CompareOp::Lt));
    f.inst_mut(cmp).frame_state =
        Some(FrameState { next_instr: 3, locals: vec![Some(n1)], stack: vec![Some(n1), two] });
    let (_, truth) = f.append(entry, Opcode::IsTruthy, vec![lt.unwrap()], Imm::None);
    let small = f.new_block();
    let big = f.new_block();
    f.append(entry, Opcode::CondBranch, vec![truth.unwrap()], Imm::Targets(small, big));
    f.append(small, Opcode::Return, vec![n1], Imm::None);
    let (_, g) = f.append(big, Opcode::LoadGlobal, vec![], Imm::Name(0));
    let (_, one) = f.append(big, Opcode::LoadConst, vec![], Imm::Type(Type::long_const(1)));
    let (_, m1) = f.append(big, Opcode::BinaryOp, vec![n1, one.unwrap()], Imm::BinaryOp(BinaryOp::Subtract));
    let (_, r) = f.append(big, Opcode::VectorCall, vec![g.unwrap(), m1.unwrap()], Imm::Count(1));
    let (_, s) = f.append(big, Opcode::BinaryOp, vec![r.unwrap(), n1], Imm::BinaryOp(BinaryOp::Add));
    f.append(big, Opcode::Return, vec![s.unwrap()], Imm::None);
    f
}

/// A loop with a phi: `i = 0; while cond: i = i + 1; return i`.
fn counting_loop() -> Function {
    let mut f = Function::new("__main__:count");
    let entry = f.entry;
    let head = f.new_block();
    let body = f.new_block();
    let exit = f.new_block();
    let (_, zero) = f.append(entry, Opcode::LoadConst, vec![], Imm::Type(Type::long_const(0)));
    f.append(entry, Opcode::Branch, vec![], Imm::Target(head));
    // The phi's second operand is defined in the body, later in the text.
    let (phi, i) = f.append(head, Opcode::Phi, vec![zero.unwrap()], Imm::Preds(vec![entry]));
    let (_, c) = f.append(head, Opcode::IsTruthy, vec![i.unwrap()], Imm::None);
    f.append(head, Opcode::CondBranch, vec![c.unwrap()], Imm::Targets(body, exit));
    let (_, one) = f.append(body, Opcode::LoadConst, vec![], Imm::Type(Type::long_const(1)));
    let (_, next) = f.append(body, Opcode::BinaryOp, vec![i.unwrap(), one.unwrap()], Imm::BinaryOp(BinaryOp::Add));
    f.append(body, Opcode::Branch, vec![], Imm::Target(head));
    f.inst_mut(phi).operands.push(next.unwrap());
    f.inst_mut(phi).imm = Imm::Preds(vec![entry, body]);
    let phi_out = i.unwrap();
    let joined = Type::LONG_EXACT | Type::OBJECT;
    f.set_value_type(phi_out, joined);
    f.append(exit, Opcode::Return, vec![phi_out], Imm::None);
    f
}

#[test]
fn printed_form() {
    let text = print(&fib());
    let expected = "\
fun __main__:fib {
  bb0 {
    v0:OptObject = LoadArg<0>
    v1:Object = CheckVar<0> v0 {
      NextInstr 1
      Locals<1> v0
      Stack<0>
    }
    v2:ImmortalLongExact[2] = LoadConst<ImmortalLongExact[2]>
    v3:Object = Compare<Lt> v1 v2 {
      NextInstr 3
      Locals<1> v1
      Stack<2> v1 v2
    }
    v4:CBool = IsTruthy v3
    CondBranch<bb1, bb2> v4
  }
  bb1 {
    Return v1
  }
  bb2 {
    v5:Object = LoadGlobal<0>
    v6:ImmortalLongExact[1] = LoadConst<ImmortalLongExact[1]>
    v7:Object = BinaryOp<Subtract> v1 v6
    v8:Object = VectorCall<1> v5 v7
    v9:Object = BinaryOp<Add> v8 v1
    Return v9
  }
}
";
    assert_eq!(text, expected);
}

#[test]
fn text_round_trips() {
    for f in [fib(), counting_loop()] {
        let text = print(&f);
        let parsed = parse(&text).unwrap_or_else(|e| panic!("{e}\n{text}"));
        assert_eq!(print(&parsed), text);
        verify(&parsed).unwrap_or_else(|e| panic!("{e}\n{text}"));
    }
}

#[test]
fn well_formed_functions_verify() {
    verify(&fib()).unwrap();
    verify(&counting_loop()).unwrap();
}

fn verify_text(text: &str) -> String {
    let f = parse(text).unwrap_or_else(|e| panic!("{e}"));
    verify(&f).expect_err("should not verify").to_string()
}

#[test]
fn verifier_rejects_malformed_functions() {
    let cases = [
        ("fun f {\n bb0 {\n v0:OptObject = LoadArg<0>\n }\n}\n", "does not end with a terminator"),
        (
            "fun f {\n bb0 {\n v0:OptObject = LoadArg<0>\n Return v0\n }\n}\n",
            "operand 0 is v0:OptObject, expected Object",
        ),
        (
            "fun f {\n bb0 {\n Branch<bb1>\n v0:OptObject = LoadArg<0>\n }\n}\n",
            "terminator before the end",
        ),
        ("fun f {\n bb0 {\n Return v3\n }\n}\n", "does not exist"),
        (
            "fun f {\n bb0 {\n v0:Object = LoadGlobal<0>\n CondBranch<bb1, bb2> v1\n }\n bb1 {\n v1:CBool = IsTruthy v0\n Return v0\n }\n bb2 {\n Return v0\n }\n}\n",
            "does not dominate",
        ),
        ("fun f {\n bb0 {\n Branch<bb4>\n }\n}\n", "missing block bb4"),
        (
            "fun f {\n bb0 {\n v0:Object = LoadGlobal<0>\n v1:CBool = IsSame v0 v0 {\n NextInstr 0\n Locals<0>\n Stack<0>\n }\n Return v0\n }\n}\n",
            "FrameState on an instruction that cannot deopt",
        ),
        (
            "fun f {\n bb0 {\n v0:Object = LoadGlobal<0>\n Branch<bb1>\n }\n bb1 {\n v1:Object = LoadGlobal<1>\n v2:Object = Phi<bb0> v0\n Return v2\n }\n}\n",
            "phi after a non-phi",
        ),
        (
            "fun f {\n bb0 {\n v0:Object = LoadGlobal<0>\n Branch<bb1>\n }\n bb1 {\n v2:Object = Phi<bb0, bb1> v0 v0\n Return v2\n }\n}\n",
            "phi predecessors",
        ),
    ];
    for (text, want) in cases {
        let got = verify_text(text);
        assert!(got.contains(want), "expected '{want}' in '{got}' for\n{text}");
    }
}

#[test]
fn parser_reports_bad_text_with_line_numbers() {
    let cases = [
        ("", 1, "unexpected end of input"),
        ("fn f {\n}\n", 1, "expected 'fun NAME {'"),
        ("fun f {\n bb0 {\n Frobnicate v0\n }\n}\n", 3, "unknown opcode"),
        ("fun f {\n bb0 {\n v0:Lon = LoadGlobal<0>\n }\n}\n", 3, "type 'Lon'"),
        ("fun f {\n bb0 {\n LoadGlobal<0>\n }\n}\n", 3, "LoadGlobal needs an output"),
        ("fun f {\n bb0 {\n v0:Object = LoadGlobal\n }\n}\n", 3, "missing <Name> immediate"),
        ("fun f {\n bb0 {\n v0:Object = LoadGlobal<0>\n v0:Object = LoadGlobal<1>\n }\n}\n", 4, "defined twice"),
        ("fun f {\n bb0 {\n Return v0 {\n NextInstr x\n }\n }\n}\n", 4, "expected 'NextInstr N'"),
        ("fun f {\n bb0 {\n Branch<bb1>\n }\n}\nextra\n", 6, "text after the function"),
        ("fun f {\n bb0 {\n v0:Object = Compare<Spaceship> v1 v2\n }\n}\n", 3, "bad CompareOp"),
    ];
    for (text, line, want) in cases {
        let e = parse(text).expect_err(text);
        assert_eq!(e.line, line, "{text}: {e}");
        assert!(e.message.contains(want), "expected '{want}' in '{}' for\n{text}", e.message);
    }
}

#[test]
fn every_opcode_prints_and_parses() {
    // One instance of every opcode with a plausible immediate, in one block, so the
    // printer/parser pair covers every immediate kind.
    let mut f = Function::new("m:all");
    let b = f.entry;
    let (_, obj) = f.append(b, Opcode::LoadGlobal, vec![], Imm::Name(0));
    let obj = obj.unwrap();
    let other = f.new_block();
    for op in Opcode::ALL.iter().copied().filter(|op| !op.is_terminator() && *op != Opcode::Phi) {
        let imm = match op.info().imm {
            ember_hir::opcode::ImmKind::None => Imm::None,
            ember_hir::opcode::ImmKind::Local => Imm::Local(3),
            ember_hir::opcode::ImmKind::Name => Imm::Name(2),
            ember_hir::opcode::ImmKind::Type => Imm::Type(Type::unicode_const("a > b \"q\"")),
            ember_hir::opcode::ImmKind::Count => Imm::Count(4),
            ember_hir::opcode::ImmKind::BinaryOp => Imm::BinaryOp(BinaryOp::InplaceMultiply),
            ember_hir::opcode::ImmKind::CompareOp => Imm::CompareOp(CompareOp::Ge),
            ember_hir::opcode::ImmKind::Target => Imm::Target(other),
            ember_hir::opcode::ImmKind::Targets => Imm::Targets(other, other),
            ember_hir::opcode::ImmKind::Preds => Imm::Preds(vec![Block(0)]),
        };
        let (fixed, _) = op.arity();
        f.append(b, op, vec![obj; fixed], imm);
    }
    f.append(b, Opcode::Unreachable, vec![], Imm::None);
    let text = print(&f);
    let parsed = parse(&text).unwrap_or_else(|e| panic!("{e}\n{text}"));
    assert_eq!(print(&parsed), text);
    for op in Opcode::ALL.iter().filter(|op| !op.is_terminator() && **op != Opcode::Phi) {
        assert!(text.contains(op.name()), "{op:?} missing from\n{text}");
    }
}

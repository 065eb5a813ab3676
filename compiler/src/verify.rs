//! A bytecode verifier: abstract interpretation of stack depths over the opcode
//! table. It checks that every reachable instruction is entered with one
//! consistent depth, that the depth never goes negative or above `stack_size`,
//! that jumps and handlers land on instructions, that exception-table depths fit
//! the stack where they apply, and that control never falls off the end.

use crate::bytecode::{decode, flags, ArgKind, BinaryOp, CompareOp, Opcode};
use crate::code::{CodeUnit, Constant};

/// Verifies a code unit and all code units nested in its constants.
pub fn verify(code: &CodeUnit) -> Result<(), String> {
    verify_one(code).map_err(|e| format!("{}: {e}", code.qualname))?;
    for c in &code.consts {
        if let Constant::Code(inner) = c {
            verify(inner)?;
        }
    }
    Ok(())
}

/// Checks that every operand indexes a table entry that exists, so the
/// interpreter never indexes out of bounds.
fn check_operands(code: &CodeUnit, instrs: &[Ins]) -> Result<(), String> {
    let nlocals = code.localsplus_names.len();
    if code.localsplus_kinds.len() != nlocals {
        return Err("localsplus kinds do not match names".into());
    }
    for ins in instrs {
        let a = ins.arg as usize;
        let ok = match ins.op.arg_kind() {
            ArgKind::None | ArgKind::Count | ArgKind::Jump => true,
            ArgKind::Const => a < code.consts.len(),
            ArgKind::Name => a < code.names.len(),
            ArgKind::GlobalName => (a >> 1) < code.names.len(),
            ArgKind::Local => a < nlocals,
            ArgKind::BinaryOp => BinaryOp::from_u32(ins.arg).is_some(),
            ArgKind::CompareOp => CompareOp::from_u32(ins.arg).is_some(),
        };
        if !ok {
            return Err(format!("operand {} of {} at {} is out of range", ins.arg, ins.op, ins.start));
        }
        let extra_ok = match ins.op {
            Opcode::COPY_FREE_VARS => a <= nlocals,
            Opcode::KW_NAMES => matches!(code.consts.get(a), Some(Constant::Tuple(_))),
            Opcode::BUILD_CONST_KEY_MAP => true,
            Opcode::COPY | Opcode::SWAP => a >= 1,
            _ => true,
        };
        if !extra_ok {
            return Err(format!("invalid operand {} of {} at {}", ins.arg, ins.op, ins.start));
        }
    }
    Ok(())
}

struct Ins {
    op: Opcode,
    arg: u32,
    /// Index of the first word (including EXTENDED_ARG prefixes).
    start: usize,
}

fn verify_one(code: &CodeUnit) -> Result<(), String> {
    let n = code.code.len();
    // Decode, folding EXTENDED_ARG prefixes into the instruction they precede.
    let mut instrs: Vec<Ins> = Vec::new();
    let mut at_word = vec![usize::MAX; n + 1];
    let mut ext = 0u32;
    let mut start = 0usize;
    for (w, &word) in code.code.iter().enumerate() {
        let (byte, low) = decode(word);
        let op = Opcode::from_u8(byte).ok_or_else(|| format!("invalid opcode {byte} at {w}"))?;
        let arg = (ext << 24) | low;
        if op == Opcode::EXTENDED_ARG {
            ext = arg;
            continue;
        }
        at_word[start] = instrs.len();
        instrs.push(Ins { op, arg, start });
        ext = 0;
        start = w + 1;
    }
    if start != n {
        return Err("code ends with EXTENDED_ARG".into());
    }
    check_operands(code, &instrs)?;
    if code.line_table.is_empty() != code.code.is_empty() {
        return Err("line table does not match the code".into());
    }
    let resolve = |word: u32| -> Result<usize, String> {
        match at_word.get(word as usize) {
            Some(&i) if i != usize::MAX => Ok(i),
            _ => Err(format!("target {word} is not the start of an instruction")),
        }
    };
    for e in &code.exception_table {
        if e.start >= e.end || e.end as usize > n {
            return Err(format!("bad exception-table range {}..{}", e.start, e.end));
        }
        resolve(e.target)?;
    }
    let handler_at =
        |word: usize| code.exception_table.iter().find(|e| (e.start as usize..e.end as usize).contains(&word));

    let max = code.stack_size as i64;
    let mut depth: Vec<i64> = vec![-1; instrs.len()];
    let mut work: Vec<(usize, i64)> = vec![(0, 0)];
    if instrs.is_empty() {
        return Err("empty code".into());
    }
    while let Some((i, d)) = work.pop() {
        let Some(ins) = instrs.get(i) else {
            return Err("control falls off the end of the code".into());
        };
        if depth[i] >= 0 {
            if depth[i] != d {
                return Err(format!("inconsistent depth at {}: {} vs {d}", ins.start, depth[i]));
            }
            continue;
        }
        if d < 0 || d > max {
            return Err(format!("depth {d} out of range 0..={max} at {}", ins.start));
        }
        depth[i] = d;
        // COPY n / SWAP n read n items deep with a net effect of +1 / 0, which the
        // depth arithmetic below would not catch.
        if matches!(ins.op, Opcode::COPY | Opcode::SWAP) && (ins.arg as i64) > d {
            return Err(format!("{} {} reads below the stack at {}", ins.op, ins.arg, ins.start));
        }
        let f = ins.op.flags();
        if let Some(h) = handler_at(ins.start) {
            if f & flags::CAN_RAISE != 0 {
                if h.depth as i64 > d {
                    return Err(format!("handler depth {} above stack depth {d} at {}", h.depth, ins.start));
                }
                work.push((resolve(h.target)?, h.depth as i64 + 1 + h.push_lasti as i64));
            }
        }
        if f & flags::JUMP != 0 {
            let jd = d + ins.op.stack_effect(ins.arg, true) as i64;
            if jd < 0 {
                return Err(format!("stack underflow jumping from {}", ins.start));
            }
            work.push((resolve(ins.arg)?, jd));
        }
        if f & flags::TERMINATOR == 0 {
            let nd = d + ins.op.stack_effect(ins.arg, false) as i64;
            if nd < 0 {
                return Err(format!("stack underflow at {} ({})", ins.start, ins.op));
            }
            if nd > max {
                return Err(format!("depth {nd} above stack_size {max} after {}", ins.start));
            }
            work.push((i + 1, nd));
        }
    }
    Ok(())
}

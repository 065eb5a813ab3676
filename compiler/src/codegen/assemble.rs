//! From instruction buffer to final code: one flow analysis computes the stack
//! depth and the active exception handler of every reachable instruction (like
//! CPython's `stackdepth` + `label_exception_targets`); then unreachable code and
//! pseudo instructions are dropped, jumps to the next instruction removed, jump
//! targets resolved (with `EXTENDED_ARG` prefixes), and the exception and position
//! tables built.

use super::ir::{Instr, InstrBuf, Op, NO_TARGET};
use crate::bytecode::{encode, flags, Opcode, MAX_INLINE_ARG};
use crate::code::{ExceptionEntry, Position};

/// The assembled code of one unit.
pub struct Assembled {
    pub code: Vec<u32>,
    pub positions: Vec<Position>,
    pub exception_table: Vec<ExceptionEntry>,
    pub stack_size: u32,
}

/// A node of a persistent stack of active handlers.
#[derive(Clone, Copy)]
struct Handler {
    /// Buffer index of the handler's first instruction.
    target: u32,
    /// Depth to unwind to.
    depth: u32,
    lasti: bool,
    parent: u32,
}

const NO_HANDLER: u32 = u32::MAX;
const UNVISITED: i32 = -1;

/// Jump threading, and inlining of position-less exits (as CPython does):
/// a jump to an unconditional `JUMP` goes straight to its final target, and an
/// unconditional jump to a `LOAD_CONST; RETURN_VALUE` without a line becomes a
/// copy of it, so the return gets the line of the code jumping to it instead
/// of inventing a line event.
fn thread_jumps(buf: &InstrBuf) -> InstrBuf {
    let instrs = &buf.instrs;
    let pos_of = |label: u32| buf.label_pos.get(label as usize).copied().unwrap_or(NO_TARGET) as usize;
    let is_exit = |t: usize| {
        matches!((instrs.get(t), instrs.get(t + 1)), (Some(a), Some(b))
            if a.op == Op::Real(Opcode::LOAD_CONST) && a.pos.line == 0
                && b.op == Op::Real(Opcode::RETURN_VALUE) && b.pos.line == 0)
    };
    // The label a jump to `label` finally lands on, following unconditional jumps.
    let final_label = |mut label: u32| {
        for _ in 0..32 {
            match instrs.get(pos_of(label)) {
                Some(next) if next.op == Op::Real(Opcode::JUMP) && next.target != label => label = next.target,
                _ => break,
            }
        }
        label
    };
    let threadable = |op: Op| {
        matches!(
            op,
            Op::Real(
                Opcode::JUMP
                    | Opcode::POP_JUMP_IF_FALSE
                    | Opcode::POP_JUMP_IF_TRUE
                    | Opcode::POP_JUMP_IF_NONE
                    | Opcode::POP_JUMP_IF_NOT_NONE
            )
        )
    };
    let mut out = InstrBuf::default();
    let mut new_index = Vec::with_capacity(instrs.len() + 1);
    let mut copies = Vec::new();
    for ins in instrs {
        new_index.push(out.instrs.len() as u32);
        let mut ins = *ins;
        if ins.target != NO_TARGET && threadable(ins.op) {
            ins.target = final_label(ins.target);
        }
        let t = pos_of(ins.target);
        if ins.op == Op::Real(Opcode::JUMP) && ins.target != NO_TARGET && is_exit(t) {
            out.push(Op::Real(Opcode::LOAD_CONST), instrs[t].arg, NO_TARGET, ins.pos);
            out.push(Op::Real(Opcode::RETURN_VALUE), 0, NO_TARGET, ins.pos);
        } else {
            if ins.target != NO_TARGET && threadable(ins.op) && is_exit(t) && ins.pos.line != 0 {
                // A conditional jump gets its own copy of the exit, placed at the end.
                copies.push((out.instrs.len(), instrs[t].arg, ins.pos));
            }
            out.instrs.push(ins);
        }
    }
    new_index.push(out.instrs.len() as u32);
    out.label_pos = buf
        .label_pos
        .iter()
        .map(|&p| if p == NO_TARGET { p } else { new_index.get(p as usize).copied().unwrap_or(NO_TARGET) })
        .collect();
    // The buffer ends with a terminator, so nothing falls into the copies.
    for (at, arg, pos) in copies {
        let label = out.new_label();
        out.bind(label);
        out.push(Op::Real(Opcode::LOAD_CONST), arg, NO_TARGET, pos);
        out.push(Op::Real(Opcode::RETURN_VALUE), 0, NO_TARGET, pos);
        out.instrs[at].target = label.0;
    }
    out
}

pub fn assemble(buf: &InstrBuf) -> Result<Assembled, String> {
    let buf = &thread_jumps(buf);
    let instrs = &buf.instrs;
    let n = instrs.len();
    let target_of = |ins: &Instr| -> Result<usize, String> {
        let pos = buf.label_pos.get(ins.target as usize).copied().unwrap_or(NO_TARGET);
        if pos == NO_TARGET {
            return Err("jump to an unbound label".into());
        }
        Ok(pos as usize)
    };

    // --- Flow analysis: depth and handler at entry of each instruction.
    let mut depth_in = vec![UNVISITED; n + 1];
    let mut handler_in = vec![NO_HANDLER; n + 1];
    let mut handlers: Vec<Handler> = Vec::new();
    let mut max_depth = 0i32;
    let mut work: Vec<(usize, i32, u32)> = vec![(0, 0, NO_HANDLER)];
    while let Some((start, d0, h0)) = work.pop() {
        let (mut i, mut d, mut h) = (start, d0, h0);
        loop {
            if i >= n {
                return Err("control falls off the end of the code".into());
            }
            if depth_in[i] != UNVISITED {
                if depth_in[i] != d {
                    return Err(format!("inconsistent stack depth at instruction {i}: {} vs {d}", depth_in[i]));
                }
                break;
            }
            depth_in[i] = d;
            handler_in[i] = h;
            max_depth = max_depth.max(d);
            let ins = &instrs[i];
            match ins.op {
                Op::SetupFinally | Op::SetupCleanup | Op::SetupWith => {
                    let lasti = ins.op != Op::SetupFinally;
                    let depth = if ins.op == Op::SetupWith { d - 1 } else { d };
                    if depth < 0 {
                        return Err("negative handler depth".into());
                    }
                    let t = target_of(ins)?;
                    handlers.push(Handler { target: t as u32, depth: depth as u32, lasti, parent: h });
                    // The handler itself runs under the enclosing handlers.
                    work.push((t, depth + 1 + lasti as i32, h));
                    h = handlers.len() as u32 - 1;
                    i += 1;
                }
                Op::PopBlock => {
                    if h == NO_HANDLER {
                        return Err("POP_BLOCK without an active handler".into());
                    }
                    h = handlers[h as usize].parent;
                    i += 1;
                }
                Op::Real(op) => {
                    let f = op.flags();
                    if f & flags::JUMP != 0 {
                        let jd = d + op.stack_effect(ins.arg, true);
                        if jd < 0 {
                            return Err(format!("stack underflow at jump {i} ({op})"));
                        }
                        work.push((target_of(ins)?, jd, h));
                    }
                    if f & flags::TERMINATOR != 0 {
                        break;
                    }
                    d += op.stack_effect(ins.arg, false);
                    if d < 0 {
                        return Err(format!("stack underflow at instruction {i} ({op})"));
                    }
                    max_depth = max_depth.max(d);
                    i += 1;
                }
            }
        }
    }

    // --- Choose the instructions to keep.
    let is_real = |i: usize| depth_in[i] != UNVISITED && matches!(instrs[i].op, Op::Real(op) if op != Opcode::NOP);
    let mut keep: Vec<bool> = (0..n).map(is_real).collect();
    let line_nop =
        |i: usize| depth_in[i] != UNVISITED && instrs[i].op == Op::Real(Opcode::NOP) && instrs[i].pos.line != 0;
    // Remove jumps to the next instruction. NOPs that may be kept for their line
    // count as instructions here, so a jump over them is not mistaken for one.
    // first_kept[i]: the first kept instruction at or after i (n if none).
    let mut first_kept = vec![n; n + 1];
    for i in (0..n).rev() {
        if keep[i] && is_plain_jump(&instrs[i]) {
            let t = target_of(&instrs[i])?;
            if t > i && first_kept[t] == first_kept[i + 1] {
                keep[i] = false; // jumps to the next instruction
            }
        }
        first_kept[i] = if keep[i] || line_nop(i) { i } else { first_kept[i + 1] };
    }
    // A NOP only marks a line (`pass`, ...): keep it when no neighbouring kept
    // instruction carries that line, so line tracing and f_lineno still see it.
    let line_of = |i: usize| instrs[i].pos.line;
    let mut next_line = vec![0u32; n + 1];
    for i in (0..n).rev() {
        next_line[i] = if keep[i] { line_of(i) } else { next_line[i + 1] };
    }
    let mut last_line = 0;
    for i in 0..n {
        if keep[i] {
            last_line = line_of(i);
        } else if line_nop(i) {
            let l = line_of(i);
            if l != last_line && l != next_line[i + 1] {
                keep[i] = true;
                last_line = l;
            }
        }
    }
    // Kept NOPs only add fall-through instructions: jump targets stay valid.
    for i in (0..n).rev() {
        first_kept[i] = if keep[i] { i } else { first_kept[i + 1] };
    }
    let kept: Vec<usize> = (0..n).filter(|&i| keep[i]).collect();
    // Index of each buffer position in `kept` (via first_kept).
    let mut slot_of = vec![0usize; n + 1];
    {
        let mut k = kept.len();
        for i in (0..=n).rev() {
            if i < n && keep[i] {
                k -= 1;
            }
            slot_of[i] = k;
        }
    }
    let jump_slot = |ins: &Instr| -> Result<usize, String> { Ok(slot_of[first_kept[target_of(ins)?]]) };

    // --- Lay out words: iterate until EXTENDED_ARG sizes are stable.
    let mut sizes: Vec<u32> = kept.iter().map(|&i| arg_words(non_jump_arg(&instrs[i]))).collect();
    let mut offsets = vec![0u32; kept.len() + 1];
    loop {
        let mut off = 0u32;
        for (k, s) in sizes.iter().enumerate() {
            offsets[k] = off;
            off += s;
        }
        offsets[kept.len()] = off;
        let mut changed = false;
        for (k, &i) in kept.iter().enumerate() {
            let ins = &instrs[i];
            if ins.target != NO_TARGET {
                let s = arg_words(offsets[jump_slot(ins)?]);
                if s > sizes[k] {
                    sizes[k] = s;
                    changed = true;
                }
            }
        }
        if !changed {
            break;
        }
    }

    // --- Emit words and positions.
    let total = offsets[kept.len()] as usize;
    let mut code = Vec::with_capacity(total);
    let mut positions = Vec::with_capacity(total);
    let mut word_handler = Vec::with_capacity(total);
    // An instruction without a position takes the previous instruction's, or,
    // after a terminator, that of the first jump to it.
    let mut jump_pos: Vec<Option<Position>> = vec![None; kept.len() + 1];
    for &i in &kept {
        let ins = &instrs[i];
        if ins.target != NO_TARGET && ins.pos.line != 0 && matches!(ins.op, Op::Real(_)) {
            let t = jump_slot(ins)?;
            jump_pos[t].get_or_insert(ins.pos);
        }
    }
    let mut last_pos = Position::default();
    let mut after_terminator = false;
    for (k, &i) in kept.iter().enumerate() {
        let ins = &instrs[i];
        let Op::Real(mut op) = ins.op else { unreachable_pseudo()? };
        let mut arg = ins.arg;
        if ins.target != NO_TARGET {
            let t = jump_slot(ins)?;
            arg = offsets[t];
            if op == Opcode::JUMP && t <= k {
                op = Opcode::JUMP_BACKWARD;
            }
        }
        let pos = match (ins.pos.line, after_terminator, jump_pos[k]) {
            (0, true, Some(p)) => p,
            (0, _, _) => last_pos,
            _ => ins.pos,
        };
        last_pos = pos;
        after_terminator = op.has_flag(flags::TERMINATOR);
        let size = sizes[k] as usize;
        for w in (1..size).rev() {
            code.push(encode(Opcode::EXTENDED_ARG, (arg >> (24 * w)) & MAX_INLINE_ARG));
            positions.push(pos);
            word_handler.push(handler_in[i]);
        }
        code.push(encode(op, arg & MAX_INLINE_ARG));
        positions.push(pos);
        word_handler.push(handler_in[i]);
    }

    // --- Exception table: maximal runs of words under the same handler.
    let mut exception_table = Vec::new();
    let mut w = 0;
    while w < word_handler.len() {
        let h = word_handler[w];
        let start = w;
        while w < word_handler.len() && word_handler[w] == h {
            w += 1;
        }
        if h != NO_HANDLER {
            let hd = handlers[h as usize];
            let t = slot_of[first_kept[hd.target as usize]];
            exception_table.push(ExceptionEntry {
                start: start as u32,
                end: w as u32,
                target: offsets[t],
                depth: hd.depth,
                push_lasti: hd.lasti,
            });
        }
    }

    Ok(Assembled { code, positions, exception_table, stack_size: max_depth as u32 })
}

fn unreachable_pseudo<T>() -> Result<T, String> {
    Err("pseudo instruction survived assembly".into())
}

fn is_plain_jump(ins: &Instr) -> bool {
    ins.op == Op::Real(Opcode::JUMP)
}

fn non_jump_arg(ins: &Instr) -> u32 {
    if ins.target != NO_TARGET {
        0
    } else {
        ins.arg
    }
}

/// Number of words needed for an argument (the instruction plus EXTENDED_ARGs).
fn arg_words(arg: u32) -> u32 {
    if arg <= MAX_INLINE_ARG {
        1
    } else {
        2
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::bytecode::decode;

    fn real(buf: &mut InstrBuf, op: Opcode, arg: u32) {
        buf.push(Op::Real(op), arg, NO_TARGET, Position::default());
    }

    #[test]
    fn extended_args_and_jumps() {
        let mut buf = InstrBuf::default();
        let end = buf.new_label();
        real(&mut buf, Opcode::LOAD_CONST, 1 << 25);
        buf.push(Op::Real(Opcode::POP_JUMP_IF_FALSE), 0, end.0, Position::default());
        real(&mut buf, Opcode::LOAD_CONST, 0);
        real(&mut buf, Opcode::RETURN_VALUE, 0);
        buf.bind(end);
        real(&mut buf, Opcode::LOAD_CONST, 0);
        real(&mut buf, Opcode::RETURN_VALUE, 0);
        let asm = assemble(&buf).expect("assembles");
        let words: Vec<(u8, u32)> = asm.code.iter().map(|w| decode(*w)).collect();
        assert_eq!(words[0], (Opcode::EXTENDED_ARG as u8, 2));
        assert_eq!(words[1], (Opcode::LOAD_CONST as u8, 0));
        // The jump lands on the first word of its target.
        assert_eq!(words[2], (Opcode::POP_JUMP_IF_FALSE as u8, 5));
        assert_eq!(asm.code.len(), 7);
        assert_eq!(asm.positions.len(), 7);
        assert_eq!(asm.stack_size, 1);
    }

    #[test]
    fn handler_depth_and_dead_code() {
        let mut buf = InstrBuf::default();
        let handler = buf.new_label();
        let after = buf.new_label();
        real(&mut buf, Opcode::LOAD_CONST, 0);
        buf.push(Op::SetupCleanup, 0, handler.0, Position::default());
        real(&mut buf, Opcode::LOAD_CONST, 0);
        real(&mut buf, Opcode::POP_TOP, 0);
        buf.push(Op::PopBlock, 0, NO_TARGET, Position::default());
        buf.push(Op::Real(Opcode::JUMP), 0, after.0, Position::default());
        real(&mut buf, Opcode::NOP, 0); // unreachable
        buf.bind(handler);
        real(&mut buf, Opcode::RERAISE, 1);
        buf.bind(after);
        real(&mut buf, Opcode::RETURN_VALUE, 0);
        let asm = assemble(&buf).expect("assembles");
        assert_eq!(asm.code.len(), 6);
        assert_eq!(asm.exception_table.len(), 1);
        let e = asm.exception_table[0];
        assert_eq!((e.start, e.end, e.target, e.depth, e.push_lasti), (1, 3, 4, 1, true));
        // Handler entry: depth 1 + lasti + exception.
        assert_eq!(asm.stack_size, 3);
    }

    #[test]
    fn inconsistent_depth_is_an_error() {
        let mut buf = InstrBuf::default();
        let join = buf.new_label();
        real(&mut buf, Opcode::LOAD_CONST, 0);
        buf.push(Op::Real(Opcode::POP_JUMP_IF_FALSE), 0, join.0, Position::default());
        real(&mut buf, Opcode::LOAD_CONST, 0);
        buf.bind(join);
        real(&mut buf, Opcode::LOAD_CONST, 0);
        real(&mut buf, Opcode::RETURN_VALUE, 0);
        assert!(assemble(&buf).is_err());
    }
}

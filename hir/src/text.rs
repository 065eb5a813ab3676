//! HIR's text form: a printer and a parser that reads the printer's output back.
//!
//! ```text
//! fun __main__:fib {
//!   bb0 {
//!     v0:OptObject = LoadArg<0>
//!     v1:Object = CheckVar<0> v0 {
//!       NextInstr 0
//!       Locals<1> v0
//!       Stack<0>
//!     }
//!     CondBranch<bb1, bb2> v4
//!   }
//! }
//! ```
//!
//! One instruction per line: an optional `vN:Type =` output, the opcode name, an
//! optional `<immediate>`, the operands, and for deopting instructions an optional
//! FrameState block (`NextInstr`, then the locals and the stack, `-` for an unbound
//! local or a NULL slot). Blocks print in index order with the entry block first;
//! empty blocks other than the entry are left out. Value and block numbers are
//! kept by the parser, so `print(parse(print(f))) == print(f)`.

use std::fmt::Write;

use ember_compiler::bytecode::{BinaryOp, CompareOp};

use crate::ir::{Block, BlockData, FrameState, Function, Imm, Inst, InstData, Value, ValueData};
use crate::opcode::{ImmKind, Opcode};
use crate::types::Type;

/// Prints a function.
pub fn print(f: &Function) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "fun {} {{", f.name);
    let order = std::iter::once(f.entry).chain(f.block_ids().filter(|b| *b != f.entry));
    for b in order {
        let insts = &f.blocks[b.index()].insts;
        if insts.is_empty() && b != f.entry {
            continue;
        }
        let _ = writeln!(out, "  {b} {{");
        for &i in insts {
            print_inst(f, f.inst(i), &mut out);
        }
        out.push_str("  }\n");
    }
    out.push_str("}\n");
    out
}

fn print_imm(imm: &Imm) -> String {
    match imm {
        Imm::None => String::new(),
        Imm::Local(n) | Imm::Name(n) | Imm::Count(n) => format!("<{n}>"),
        Imm::Type(t) => format!("<{t}>"),
        Imm::BinaryOp(op) => format!("<{op:?}>"),
        Imm::CompareOp(op) => format!("<{op:?}>"),
        Imm::Target(b) => format!("<{b}>"),
        Imm::Targets(t, e) => format!("<{t}, {e}>"),
        Imm::Preds(bs) => format!("<{}>", bs.iter().map(|b| b.to_string()).collect::<Vec<_>>().join(", ")),
    }
}

fn opt_values(vs: &[Option<Value>]) -> String {
    vs.iter().map(|v| v.map_or_else(|| " -".to_string(), |v| format!(" {v}"))).collect()
}

fn print_inst(f: &Function, inst: &InstData, out: &mut String) {
    out.push_str("    ");
    if let Some(v) = inst.output {
        let _ = write!(out, "{v}:{} = ", f.value_type(v));
    }
    out.push_str(inst.op.name());
    out.push_str(&print_imm(&inst.imm));
    for v in &inst.operands {
        let _ = write!(out, " {v}");
    }
    if let Some(fs) = &inst.frame_state {
        out.push_str(" {\n");
        let _ = writeln!(out, "      NextInstr {}", fs.next_instr);
        let _ = writeln!(out, "      Locals<{}>{}", fs.locals.len(), opt_values(&fs.locals));
        let _ = writeln!(out, "      Stack<{}>{}", fs.stack.len(), opt_values(&fs.stack));
        out.push_str("    }");
    }
    out.push('\n');
}

/// A parse error with its 1-based line number.
#[derive(Debug, Clone, PartialEq)]
pub struct ParseError {
    pub line: usize,
    pub message: String,
}

impl std::fmt::Display for ParseError {
    fn fmt(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        write!(f, "line {}: {}", self.line, self.message)
    }
}

struct Parser<'a> {
    lines: Vec<(usize, &'a str)>,
    pos: usize,
}

fn parse_entity(s: &str, prefix: &str) -> Option<u32> {
    let digits = s.strip_prefix(prefix)?;
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) || (digits.len() > 1 && digits.starts_with('0'))
    {
        return None;
    }
    digits.parse().ok()
}

/// Splits `s` at the first occurrence of `pat` outside a double-quoted string.
fn split_unquoted<'s>(s: &'s str, pat: &str) -> Option<(&'s str, &'s str)> {
    let mut in_str = false;
    let mut escaped = false;
    for (i, c) in s.char_indices() {
        if in_str {
            match c {
                _ if escaped => escaped = false,
                '\\' => escaped = true,
                '"' => in_str = false,
                _ => {}
            }
        } else if c == '"' {
            in_str = true;
        } else if s[i..].starts_with(pat) {
            return Some((&s[..i], &s[i + pat.len()..]));
        }
    }
    None
}

/// The text between `<` at the start of `s` and its matching `>` (quotes and
/// nested brackets respected), and the rest.
fn take_angle(s: &str) -> Option<(&str, &str)> {
    let body = s.strip_prefix('<')?;
    let mut depth = 0usize;
    let mut in_str = false;
    let mut escaped = false;
    for (i, c) in body.char_indices() {
        if in_str {
            match c {
                _ if escaped => escaped = false,
                '\\' => escaped = true,
                '"' => in_str = false,
                _ => {}
            }
            continue;
        }
        match c {
            '"' => in_str = true,
            '<' | '[' => depth += 1,
            ']' => depth = depth.saturating_sub(1),
            '>' if depth == 0 => return Some((&body[..i], &body[i + 1..])),
            '>' => depth -= 1,
            _ => {}
        }
    }
    None
}

impl<'a> Parser<'a> {
    fn err<T>(&self, message: impl Into<String>) -> Result<T, ParseError> {
        let line = self.lines.get(self.pos).map_or_else(|| self.lines.last().map_or(1, |l| l.0), |l| l.0);
        Err(ParseError { line, message: message.into() })
    }

    fn next_line(&mut self) -> Result<&'a str, ParseError> {
        match self.lines.get(self.pos) {
            Some(&(_, l)) => {
                self.pos += 1;
                Ok(l)
            }
            None => self.err("unexpected end of input"),
        }
    }

    fn back(&mut self) {
        self.pos -= 1;
    }
}

fn parse_imm(kind: ImmKind, text: Option<&str>) -> Result<Imm, String> {
    let need = || text.ok_or_else(|| format!("missing <{kind:?}> immediate"));
    let block = |s: &str| parse_entity(s.trim(), "bb").map(Block).ok_or_else(|| format!("bad block '{}'", s.trim()));
    let number = |s: &str| s.trim().parse::<u32>().map_err(|_| format!("bad number '{s}'"));
    Ok(match kind {
        ImmKind::None => match text {
            None => Imm::None,
            Some(t) => return Err(format!("unexpected immediate <{t}>")),
        },
        ImmKind::Local => Imm::Local(number(need()?)?),
        ImmKind::Name => Imm::Name(number(need()?)?),
        ImmKind::Count => Imm::Count(number(need()?)?),
        ImmKind::Type => Imm::Type(Type::parse(need()?)?),
        ImmKind::BinaryOp => {
            let t = need()?;
            let op = BinaryOp::ALL.iter().find(|o| format!("{o:?}") == t).ok_or_else(|| format!("bad BinaryOp {t}"))?;
            Imm::BinaryOp(*op)
        }
        ImmKind::CompareOp => {
            let t = need()?;
            let op =
                CompareOp::ALL.iter().find(|o| format!("{o:?}") == t).ok_or_else(|| format!("bad CompareOp {t}"))?;
            Imm::CompareOp(*op)
        }
        ImmKind::Target => Imm::Target(block(need()?)?),
        ImmKind::Targets => {
            let t = need()?;
            let (a, b) = t.split_once(',').ok_or("expected two targets")?;
            Imm::Targets(block(a)?, block(b)?)
        }
        ImmKind::Preds => {
            let t = need()?;
            if t.trim().is_empty() {
                Imm::Preds(Vec::new())
            } else {
                Imm::Preds(t.split(',').map(block).collect::<Result<_, _>>()?)
            }
        }
    })
}

fn parse_value(s: &str) -> Result<Value, String> {
    parse_entity(s, "v").map(Value).ok_or_else(|| format!("bad value '{s}'"))
}

fn parse_opt_values(s: &str, header: &str) -> Result<Vec<Option<Value>>, String> {
    let rest = s.strip_prefix(header).ok_or_else(|| format!("expected {header}<n>"))?;
    let (n, items) = take_angle(rest).ok_or_else(|| format!("expected {header}<n>"))?;
    let n: usize = n.parse().map_err(|_| format!("bad count in {header}<{n}>"))?;
    let vs: Vec<Option<Value>> = items
        .split_whitespace()
        .map(|t| if t == "-" { Ok(None) } else { parse_value(t).map(Some) })
        .collect::<Result<_, _>>()?;
    if vs.len() != n {
        return Err(format!("{header}<{n}> lists {} values", vs.len()));
    }
    Ok(vs)
}

/// Parses the printer's output.
pub fn parse(text: &str) -> Result<Function, ParseError> {
    let lines: Vec<(usize, &str)> =
        text.lines().enumerate().map(|(i, l)| (i + 1, l.trim())).filter(|(_, l)| !l.is_empty()).collect();
    let mut p = Parser { lines, pos: 0 };
    let head = p.next_line()?;
    let Some(name) = head.strip_prefix("fun ").and_then(|r| r.strip_suffix('{')) else {
        p.back();
        return p.err("expected 'fun NAME {'");
    };
    let mut f = Function {
        name: name.trim().to_string(),
        blocks: Vec::new(),
        insts: Vec::new(),
        values: Vec::new(),
        entry: Block(0),
    };
    let mut first = true;
    loop {
        let line = p.next_line()?;
        if line == "}" {
            break;
        }
        let Some(b) = line.strip_suffix('{').and_then(|h| parse_entity(h.trim(), "bb")).map(Block) else {
            p.back();
            return p.err(format!("expected a block header, found '{line}'"));
        };
        if f.blocks.len() <= b.index() {
            f.blocks.resize(b.index() + 1, BlockData::default());
        } else if !f.blocks[b.index()].insts.is_empty() || (b == f.entry && !first) {
            p.back();
            return p.err(format!("block {b} defined twice"));
        }
        if first {
            f.entry = b;
            first = false;
        }
        loop {
            let line = p.next_line()?;
            if line == "}" {
                break;
            }
            parse_inst(&mut f, b, line, &mut p)?;
        }
    }
    if p.pos != p.lines.len() {
        return p.err("text after the function");
    }
    if first {
        return p.err("a function needs an entry block");
    }
    Ok(f)
}

fn parse_inst(f: &mut Function, b: Block, line: &str, p: &mut Parser) -> Result<(), ParseError> {
    p.back();
    let line_no = p.lines[p.pos].0;
    p.pos += 1;
    let fail = |m: String| ParseError { line: line_no, message: m };
    let (output, rest) = match split_unquoted(line, " = ") {
        Some((lhs, rhs)) => {
            let (v, ty) = lhs.split_once(':').ok_or_else(|| fail(format!("expected vN:Type, found '{lhs}'")))?;
            let v = parse_value(v).map_err(fail)?;
            let ty = Type::parse(ty).map_err(|e| fail(format!("type '{ty}': {e}")))?;
            (Some((v, ty)), rhs)
        }
        None => (None, line),
    };
    let name_end = rest.find(|c: char| c == '<' || c.is_whitespace()).unwrap_or(rest.len());
    let name = &rest[..name_end];
    let op = Opcode::from_name(name).ok_or_else(|| fail(format!("unknown opcode '{name}'")))?;
    let mut rest = &rest[name_end..];
    let mut imm_text = None;
    if rest.starts_with('<') {
        let (t, r) = take_angle(rest).ok_or_else(|| fail("unterminated <immediate>".into()))?;
        imm_text = Some(t);
        rest = r;
    }
    let imm = parse_imm(op.info().imm, imm_text).map_err(fail)?;
    let mut has_state = false;
    let mut operands = Vec::new();
    for tok in rest.split_whitespace() {
        if tok == "{" {
            has_state = true;
            break;
        }
        operands.push(parse_value(tok).map_err(fail)?);
    }
    if op.has_output() != output.is_some() {
        return Err(fail(format!("{name} {} an output", if op.has_output() { "needs" } else { "has no" })));
    }
    let frame_state = if has_state {
        let next = p.next_line()?;
        let n = next.strip_prefix("NextInstr ").and_then(|n| n.trim().parse().ok());
        let Some(next_instr) = n else {
            p.back();
            return p.err("expected 'NextInstr N'");
        };
        let locals = parse_opt_values(p.next_line()?, "Locals")
            .map_err(|m| ParseError { line: p.lines[p.pos - 1].0, message: m })?;
        let stack = parse_opt_values(p.next_line()?, "Stack")
            .map_err(|m| ParseError { line: p.lines[p.pos - 1].0, message: m })?;
        if p.next_line()? != "}" {
            p.back();
            return p.err("expected '}' closing the frame state");
        }
        Some(FrameState { next_instr, locals, stack })
    } else {
        None
    };
    let i = Inst(f.insts.len() as u32);
    let out = match output {
        Some((v, ty)) => {
            if f.values.len() <= v.index() {
                let filler = ValueData { ty: Type::BOTTOM, def: Inst(u32::MAX) };
                f.values.resize(v.index() + 1, filler);
            } else if f.values[v.index()].def != Inst(u32::MAX) {
                return Err(fail(format!("{v} defined twice")));
            }
            f.values[v.index()] = ValueData { ty, def: i };
            Some(v)
        }
        None => None,
    };
    f.insts.push(InstData { op, operands, imm, output: out, frame_state, bc_offset: None, block: b });
    f.blocks[b.index()].insts.push(i);
    Ok(())
}

//! The `match` statement (CPython 3.11's pattern compiler).
//!
//! Each pattern consumes the subject on top of the stack. Captured values are
//! kept on the stack (rotated below whatever must stay on top) and stored only
//! once the whole pattern matched. On failure, control goes to `fail_pop[n]`,
//! which pops the `n` items pushed so far before falling through to the next case.

use super::consts::{from_ast, ConstKey};
use super::ir::Label;
use super::{Compiler, Ctx, Result};
use crate::bytecode::{CompareOp, Opcode};
use crate::code::Constant;
use rustpython_parser::ast::{self, Expr, Pattern, Ranged};

#[derive(Default)]
struct PatternContext {
    /// Names captured so far, in stack order (the first is on top).
    stores: Vec<String>,
    allow_irrefutable: bool,
    fail_pop: Vec<Label>,
    /// Items on the stack above the captures that must be kept.
    on_top: usize,
}

fn is_wildcard(p: &Pattern) -> bool {
    matches!(p, Pattern::MatchAs(a) if a.pattern.is_none() && a.name.is_none())
}

fn is_star_wildcard(p: &Pattern) -> bool {
    matches!(p, Pattern::MatchStar(s) if s.name.is_none())
}

/// Literals (including negative and complex numbers) and dotted names.
fn is_value_expr(e: &Expr) -> bool {
    let number = |e: &Expr| match e {
        Expr::Constant(_) => true,
        Expr::UnaryOp(u) => u.op == ast::UnaryOp::USub && matches!(&*u.operand, Expr::Constant(_)),
        _ => false,
    };
    match e {
        Expr::Constant(_) | Expr::Attribute(_) => true,
        Expr::UnaryOp(_) => number(e),
        Expr::BinOp(b) => {
            matches!(b.op, ast::Operator::Add | ast::Operator::Sub)
                && number(&b.left)
                && matches!(&*b.right, Expr::Constant(_))
        }
        _ => false,
    }
}

impl<'a> Compiler<'a> {
    pub(super) fn compile_match(&mut self, m: &'a ast::StmtMatch) -> Result {
        self.compile_expr(&m.subject)?;
        // The parser drops the tuple of `match x,:`; rebuild it.
        if !matches!(&*m.subject, Expr::Tuple(_)) {
            let after = usize::from(m.subject.range().end());
            let rest = self.src.text.get(after..).unwrap_or("");
            if rest.trim_start_matches([' ', '\t', '\\', '\n', '\r']).starts_with(',') {
                self.set_loc(m.subject.range());
                self.emit_arg(Opcode::BUILD_TUPLE, 1);
            }
        }
        let end = self.new_label();
        let cases = m.cases.len();
        let Some(last) = m.cases.last() else {
            return Err(self.error("match statement without cases", m.range));
        };
        let has_default = is_wildcard(&last.pattern) && cases > 1;
        let n = cases - has_default as usize;
        for (i, case) in m.cases[..n].iter().enumerate() {
            self.set_loc(case.pattern.range());
            let keep_subject = i + 1 != n;
            if keep_subject {
                self.emit_arg(Opcode::COPY, 1);
            }
            let mut pc =
                PatternContext { allow_irrefutable: case.guard.is_some() || i + 1 == cases, ..Default::default() };
            self.compile_pattern(&case.pattern, &mut pc)?;
            for name in std::mem::take(&mut pc.stores) {
                self.name_op(&name, Ctx::Store);
            }
            if let Some(guard) = &case.guard {
                self.ensure_fail_pop(&mut pc, 0);
                let target = pc.fail_pop[0];
                self.jump_if(guard, target, false)?;
            }
            if keep_subject {
                self.emit(Opcode::POP_TOP);
            }
            self.compile_stmts(&case.body)?;
            self.emit_jump_noline(Opcode::JUMP, end);
            self.set_loc(case.pattern.range());
            self.emit_and_reset_fail_pop(&mut pc);
        }
        if has_default {
            self.set_loc(last.pattern.range());
            // The default case has no code of its own; keep its line visible.
            self.emit(Opcode::NOP);
            if let Some(guard) = &last.guard {
                self.jump_if(guard, end, false)?;
            }
            self.compile_stmts(&last.body)?;
        }
        self.bind(end);
        Ok(())
    }

    fn ensure_fail_pop(&mut self, pc: &mut PatternContext, n: usize) {
        while pc.fail_pop.len() <= n {
            let l = self.new_label();
            pc.fail_pop.push(l);
        }
    }

    fn jump_to_fail_pop(&mut self, pc: &mut PatternContext, op: Opcode) {
        let pops = pc.on_top + pc.stores.len();
        self.ensure_fail_pop(pc, pops);
        self.emit_jump(op, pc.fail_pop[pops]);
    }

    fn emit_and_reset_fail_pop(&mut self, pc: &mut PatternContext) {
        if pc.fail_pop.is_empty() {
            return;
        }
        for i in (1..pc.fail_pop.len()).rev() {
            self.bind(pc.fail_pop[i]);
            self.emit(Opcode::POP_TOP);
        }
        self.bind(pc.fail_pop[0]);
        pc.fail_pop.clear();
    }

    /// Moves TOS below the `count - 1` items under it.
    fn rotate(&mut self, mut count: usize) {
        while count > 1 {
            self.emit_arg(Opcode::SWAP, count as u32);
            count -= 1;
        }
    }

    fn store_capture(&mut self, name: Option<&ast::Identifier>, pc: &mut PatternContext, p: &Pattern) -> Result {
        let Some(name) = name else {
            self.emit(Opcode::POP_TOP);
            return Ok(());
        };
        if pc.stores.iter().any(|s| s == name.as_str()) {
            return Err(self.error(format!("multiple assignments to name '{name}' in pattern"), p.range()));
        }
        self.rotate(pc.on_top + pc.stores.len() + 1);
        pc.stores.push(name.to_string());
        Ok(())
    }

    fn compile_subpattern(&mut self, p: &'a Pattern, pc: &mut PatternContext) -> Result {
        let saved = pc.allow_irrefutable;
        pc.allow_irrefutable = true;
        let r = self.compile_pattern(p, pc);
        pc.allow_irrefutable = saved;
        r
    }

    fn compile_pattern(&mut self, p: &'a Pattern, pc: &mut PatternContext) -> Result {
        self.set_loc(p.range());
        match p {
            Pattern::MatchValue(v) => {
                if !is_value_expr(&v.value) {
                    return Err(self.error("patterns may only match literals and attribute lookups", v.range));
                }
                self.compile_expr(&v.value)?;
                self.emit_arg(Opcode::COMPARE_OP, CompareOp::Eq as u32);
                self.jump_to_fail_pop(pc, Opcode::POP_JUMP_IF_FALSE);
            }
            Pattern::MatchSingleton(s) => {
                self.load_const(from_ast(&s.value));
                self.emit_arg(Opcode::IS_OP, 0);
                self.jump_to_fail_pop(pc, Opcode::POP_JUMP_IF_FALSE);
            }
            Pattern::MatchSequence(s) => self.pattern_sequence(&s.patterns, pc, s.range)?,
            Pattern::MatchMapping(m) => self.pattern_mapping(m, pc)?,
            Pattern::MatchClass(c) => self.pattern_class(c, pc)?,
            Pattern::MatchStar(s) => self.store_capture(s.name.as_ref(), pc, p)?,
            Pattern::MatchAs(a) => match &a.pattern {
                None => {
                    if !pc.allow_irrefutable {
                        let msg = match &a.name {
                            Some(n) => {
                                format!("name capture '{n}' makes remaining patterns unreachable")
                            }
                            None => "wildcard makes remaining patterns unreachable".to_string(),
                        };
                        return Err(self.error(msg, a.range));
                    }
                    self.store_capture(a.name.as_ref(), pc, p)?;
                }
                Some(inner) => {
                    pc.on_top += 1;
                    self.emit_arg(Opcode::COPY, 1);
                    self.compile_pattern(inner, pc)?;
                    pc.on_top -= 1;
                    self.set_loc(a.range);
                    self.store_capture(a.name.as_ref(), pc, p)?;
                }
            },
            Pattern::MatchOr(o) => self.pattern_or(&o.patterns, pc)?,
        }
        Ok(())
    }

    fn pattern_sequence(
        &mut self,
        patterns: &'a [Pattern],
        pc: &mut PatternContext,
        range: rustpython_parser::text_size::TextRange,
    ) -> Result {
        let size = patterns.len();
        let mut star = None;
        let mut only_wildcard = true;
        let mut star_wildcard = false;
        for (i, p) in patterns.iter().enumerate() {
            if matches!(p, Pattern::MatchStar(_)) {
                if star.is_some() {
                    return Err(self.error("multiple starred names in sequence pattern", range));
                }
                star_wildcard = is_star_wildcard(p);
                only_wildcard &= star_wildcard;
                star = Some(i);
                continue;
            }
            only_wildcard &= is_wildcard(p);
        }
        pc.on_top += 1;
        self.emit(Opcode::MATCH_SEQUENCE);
        self.jump_to_fail_pop(pc, Opcode::POP_JUMP_IF_FALSE);
        if star.is_none() {
            self.emit(Opcode::GET_LEN);
            self.load_const(Constant::Int(size.into()));
            self.emit_arg(Opcode::COMPARE_OP, CompareOp::Eq as u32);
            self.jump_to_fail_pop(pc, Opcode::POP_JUMP_IF_FALSE);
        } else if size > 1 {
            self.emit(Opcode::GET_LEN);
            self.load_const(Constant::Int((size - 1).into()));
            self.emit_arg(Opcode::COMPARE_OP, CompareOp::Ge as u32);
            self.jump_to_fail_pop(pc, Opcode::POP_JUMP_IF_FALSE);
        }
        pc.on_top -= 1;
        if only_wildcard {
            self.emit(Opcode::POP_TOP);
        } else if let (true, Some(star)) = (star_wildcard, star) {
            // Index the subject instead of unpacking it into a list.
            pc.on_top += 1;
            for (i, p) in patterns.iter().enumerate() {
                if is_wildcard(p) || i == star {
                    continue;
                }
                self.emit_arg(Opcode::COPY, 1);
                if i < star {
                    self.load_const(Constant::Int(i.into()));
                } else {
                    self.emit(Opcode::GET_LEN);
                    self.load_const(Constant::Int((size - i).into()));
                    self.emit_arg(Opcode::BINARY_OP, crate::bytecode::BinaryOp::Subtract as u32);
                }
                self.emit(Opcode::BINARY_SUBSCR);
                self.compile_subpattern(p, pc)?;
            }
            pc.on_top -= 1;
            self.emit(Opcode::POP_TOP);
        } else {
            match star {
                Some(i) => self.emit_arg(Opcode::UNPACK_EX, (i + ((size - i - 1) << 8)) as u32),
                None => self.emit_arg(Opcode::UNPACK_SEQUENCE, size as u32),
            }
            pc.on_top += size;
            for p in patterns {
                pc.on_top -= 1;
                self.compile_subpattern(p, pc)?;
            }
        }
        Ok(())
    }

    fn pattern_mapping(&mut self, m: &'a ast::PatternMatchMapping, pc: &mut PatternContext) -> Result {
        let size = m.keys.len();
        if size != m.patterns.len() {
            return Err(self.error("keys / patterns length mismatch in mapping pattern", m.range));
        }
        pc.on_top += 1;
        self.emit(Opcode::MATCH_MAPPING);
        self.jump_to_fail_pop(pc, Opcode::POP_JUMP_IF_FALSE);
        if size == 0 && m.rest.is_none() {
            pc.on_top -= 1;
            self.emit(Opcode::POP_TOP);
            return Ok(());
        }
        if size > 0 {
            self.emit(Opcode::GET_LEN);
            self.load_const(Constant::Int(size.into()));
            self.emit_arg(Opcode::COMPARE_OP, CompareOp::Ge as u32);
            self.jump_to_fail_pop(pc, Opcode::POP_JUMP_IF_FALSE);
        }
        let mut seen: Vec<ConstKey> = Vec::new();
        for key in &m.keys {
            if !is_value_expr(key) {
                return Err(
                    self.error("mapping pattern keys may only match literals and attribute lookups", key.range())
                );
            }
            if let Expr::Constant(c) = key {
                let value = from_ast(&c.value);
                let k = ConstKey::of(&normalize_key(&value), 0);
                if seen.contains(&k) {
                    let repr = crate::dis::const_repr(&value);
                    return Err(self.error(format!("mapping pattern checks duplicate key ({repr})"), m.range));
                }
                seen.push(k);
            }
            self.compile_expr(key)?;
        }
        self.set_loc(m.range);
        if !self.try_fold(size, |c| Some(Constant::Tuple(c.to_vec()))) {
            self.emit_arg(Opcode::BUILD_TUPLE, size as u32);
        }
        self.emit(Opcode::MATCH_KEYS);
        pc.on_top += 2;
        self.emit_arg(Opcode::COPY, 1);
        self.load_const(Constant::None);
        self.emit_arg(Opcode::IS_OP, 1);
        self.jump_to_fail_pop(pc, Opcode::POP_JUMP_IF_FALSE);
        self.emit_arg(Opcode::UNPACK_SEQUENCE, size as u32);
        pc.on_top += size;
        pc.on_top -= 1;
        for p in &m.patterns {
            pc.on_top -= 1;
            self.compile_subpattern(p, pc)?;
        }
        pc.on_top -= 2;
        if let Some(rest) = &m.rest {
            // rest = dict(subject) minus the matched keys.
            self.set_loc(m.range);
            self.emit_arg(Opcode::BUILD_MAP, 0);
            self.emit_arg(Opcode::SWAP, 3);
            self.emit_arg(Opcode::DICT_UPDATE, 2);
            self.emit_arg(Opcode::UNPACK_SEQUENCE, size as u32);
            let mut left = size;
            while left > 0 {
                self.emit_arg(Opcode::COPY, (1 + left) as u32);
                left -= 1;
                self.emit_arg(Opcode::SWAP, 2);
                self.emit(Opcode::DELETE_SUBSCR);
            }
            let p = Pattern::MatchStar(ast::PatternMatchStar { range: m.range, name: None });
            self.store_capture(Some(rest), pc, &p)?;
        } else {
            self.emit(Opcode::POP_TOP);
            self.emit(Opcode::POP_TOP);
        }
        Ok(())
    }

    fn pattern_class(&mut self, c: &'a ast::PatternMatchClass, pc: &mut PatternContext) -> Result {
        let nargs = c.patterns.len();
        let nattrs = c.kwd_attrs.len();
        if nattrs != c.kwd_patterns.len() {
            return Err(self.error("kwd_attrs / kwd_patterns length mismatch in class pattern", c.range));
        }
        for (i, attr) in c.kwd_attrs.iter().enumerate() {
            let r = c.kwd_patterns[i].range();
            if attr.as_str() == "__debug__" {
                return Err(self.error("cannot assign to __debug__", r));
            }
            if c.kwd_attrs[i + 1..].iter().any(|a| a == attr) {
                let dup = c.kwd_attrs[i + 1..].iter().position(|a| a == attr).map_or(i, |k| i + 1 + k);
                return Err(self
                    .error(format!("attribute name repeated in class pattern: {attr}"), c.kwd_patterns[dup].range()));
            }
        }
        self.compile_expr(&c.cls)?;
        self.set_loc(c.range);
        let names = c.kwd_attrs.iter().map(|a| Constant::Str(a.to_string())).collect();
        self.load_const(Constant::Tuple(names));
        self.emit_arg(Opcode::MATCH_CLASS, nargs as u32);
        self.emit_arg(Opcode::COPY, 1);
        self.load_const(Constant::None);
        self.emit_arg(Opcode::IS_OP, 1);
        pc.on_top += 1;
        self.jump_to_fail_pop(pc, Opcode::POP_JUMP_IF_FALSE);
        let total = nargs + nattrs;
        self.emit_arg(Opcode::UNPACK_SEQUENCE, total as u32);
        pc.on_top += total;
        pc.on_top -= 1;
        for p in c.patterns.iter().chain(&c.kwd_patterns) {
            pc.on_top -= 1;
            if is_wildcard(p) {
                self.emit(Opcode::POP_TOP);
                continue;
            }
            self.compile_subpattern(p, pc)?;
        }
        Ok(())
    }

    fn pattern_or(&mut self, patterns: &'a [Pattern], pc: &mut PatternContext) -> Result {
        let end = self.new_label();
        let size = patterns.len();
        let old = std::mem::take(pc);
        let mut control: Vec<String> = Vec::new();
        for (i, alt) in patterns.iter().enumerate() {
            self.set_loc(alt.range());
            *pc = PatternContext { allow_irrefutable: i + 1 == size && old.allow_irrefutable, ..Default::default() };
            self.emit_arg(Opcode::COPY, 1);
            self.compile_pattern(alt, pc)?;
            let diff_msg = "alternative patterns bind different names";
            let nstores = pc.stores.len();
            if i == 0 {
                control = pc.stores.clone();
            } else if nstores != control.len() {
                return Err(self.error_here(diff_msg));
            } else {
                // Reorder this alternative's captures to match the first one's.
                let mut icontrol = nstores;
                while icontrol > 0 {
                    icontrol -= 1;
                    let Some(istores) = pc.stores.iter().position(|s| *s == control[icontrol]) else {
                        return Err(self.error_here(diff_msg));
                    };
                    if icontrol != istores {
                        let rotations = istores + 1;
                        let rotated: Vec<String> = pc.stores.drain(..rotations).collect();
                        let at = icontrol - istores;
                        pc.stores.splice(at..at, rotated);
                        for _ in 0..rotations {
                            self.rotate(icontrol + 1);
                        }
                    }
                }
            }
            self.emit_jump(Opcode::JUMP, end);
            self.emit_and_reset_fail_pop(pc);
        }
        *pc = old;
        // No alternative matched: drop the subject copy and fail.
        self.emit(Opcode::POP_TOP);
        self.jump_to_fail_pop(pc, Opcode::JUMP);
        self.bind(end);
        let nstores = control.len();
        let nrots = nstores + 1 + pc.on_top + pc.stores.len();
        for name in control {
            self.rotate(nrots);
            if pc.stores.contains(&name) {
                return Err(
                    self.error(format!("multiple assignments to name '{name}' in pattern"), patterns[0].range())
                );
            }
            pc.stores.push(name);
        }
        self.emit(Opcode::POP_TOP);
        Ok(())
    }
}

/// Mapping keys that compare equal in Python (`1`, `1.0`, `True`) must be
/// detected as duplicates.
fn normalize_key(c: &Constant) -> Constant {
    match c {
        Constant::Bool(b) => Constant::Int((*b as u8).into()),
        Constant::Float(f) if f.fract() == 0.0 && f.abs() < 9.0e15 => Constant::Int((*f as i64).into()),
        other => other.clone(),
    }
}

//! Checks pattern code before `_sre.compile` accepts it, so that the engine
//! only ever runs well-formed code: every operation has its arguments, every
//! skip lands on an operation boundary inside its enclosing block, group
//! references are below the pattern's group count, charsets end with FAILURE,
//! and the repeat terminators (`MAX_UNTIL`/`MIN_UNTIL`) and `JUMP`s appear
//! only where `re._compiler` puts them. Anything else is
//! `RuntimeError: invalid SRE code`, as in CPython.
//!
//! The code layouts checked here are those `re/_compiler.py` emits (skips
//! count words from the skip word itself):
//!
//! ```text
//! INFO skip flags min max [len prefix_skip prefix... overlap... | charset... FAILURE]
//! IN skip charset... FAILURE            (and IN_IGNORE, IN_UNI_IGNORE, IN_LOC_IGNORE)
//! BRANCH (skip alternative... JUMP skip)* 0
//! REPEAT skip min max body MAX_UNTIL     (MIN_UNTIL for lazy repeats; skip reaches the UNTIL)
//! REPEAT_ONE skip min max item SUCCESS   (MIN_, POSSESSIVE_; skip reaches past SUCCESS)
//! POSSESSIVE_REPEAT skip min max body SUCCESS (skip reaches the SUCCESS)
//! ATOMIC_GROUP skip body SUCCESS         (ASSERT/ASSERT_NOT skip back body SUCCESS)
//! GROUPREF_EXISTS group skip yes... [JUMP skip no...]
//! ```

use rustpython_sre_engine::{SreAtCode, SreCatCode, SreInfo, SreOpcode, MAXREPEAT};

/// Why code was refused (the message is always "invalid SRE code").
pub struct Invalid;

type Check<T = ()> = Result<T, Invalid>;

struct Validator<'a> {
    code: &'a [u32],
    groups: usize,
}

/// Whether `code` is acceptable for a pattern with `groups` groups.
pub fn validate(code: &[u32], groups: usize) -> bool {
    // The whole program is a block followed by SUCCESS.
    let Some((&last, _)) = code.split_last() else {
        return false;
    };
    if last != SreOpcode::SUCCESS as u32 {
        return false;
    }
    let v = Validator { code, groups };
    matches!(v.block(0, code.len() - 1), Ok(None))
}

fn opcode(word: u32) -> Check<SreOpcode> {
    SreOpcode::try_from(word).map_err(|_| Invalid)
}

fn ensure(cond: bool) -> Check {
    if cond {
        Ok(())
    } else {
        Err(Invalid)
    }
}

impl Validator<'_> {
    fn word(&self, i: usize, end: usize) -> Check<u32> {
        if i < end {
            self.code.get(i).copied().ok_or(Invalid)
        } else {
            Err(Invalid)
        }
    }

    /// The end of the region a skip word at `i` covers (`i + skip`), which
    /// must stay within `end`.
    fn skip_end(&self, i: usize, end: usize) -> Check<usize> {
        let skip = self.word(i, end)? as usize;
        let target = i.checked_add(skip).ok_or(Invalid)?;
        ensure(target <= end)?;
        Ok(target)
    }

    /// Checks the operations in `start..end`. A block may end with a `JUMP`
    /// (the end of a BRANCH alternative or of a conditional's yes-branch);
    /// its target is returned so the caller can check it.
    fn block(&self, start: usize, end: usize) -> Check<Option<usize>> {
        let mut i = start;
        while i < end {
            let op = opcode(self.word(i, end)?)?;
            i += 1;
            match op {
                SreOpcode::FAILURE | SreOpcode::SUCCESS | SreOpcode::ANY | SreOpcode::ANY_ALL => {}
                SreOpcode::AT => {
                    SreAtCode::try_from(self.word(i, end)?).map_err(|_| Invalid)?;
                    i += 1;
                }
                SreOpcode::CATEGORY => {
                    SreCatCode::try_from(self.word(i, end)?).map_err(|_| Invalid)?;
                    i += 1;
                }
                SreOpcode::LITERAL
                | SreOpcode::NOT_LITERAL
                | SreOpcode::LITERAL_IGNORE
                | SreOpcode::NOT_LITERAL_IGNORE
                | SreOpcode::LITERAL_UNI_IGNORE
                | SreOpcode::NOT_LITERAL_UNI_IGNORE
                | SreOpcode::LITERAL_LOC_IGNORE
                | SreOpcode::NOT_LITERAL_LOC_IGNORE => {
                    self.word(i, end)?;
                    i += 1;
                }
                SreOpcode::MARK => {
                    // CPython allows one mark pair past the last group.
                    ensure((self.word(i, end)? as usize) / 2 <= self.groups)?;
                    i += 1;
                }
                SreOpcode::GROUPREF
                | SreOpcode::GROUPREF_IGNORE
                | SreOpcode::GROUPREF_UNI_IGNORE
                | SreOpcode::GROUPREF_LOC_IGNORE => {
                    ensure((self.word(i, end)? as usize) < self.groups)?;
                    i += 1;
                }
                SreOpcode::IN | SreOpcode::IN_IGNORE | SreOpcode::IN_UNI_IGNORE | SreOpcode::IN_LOC_IGNORE => {
                    let next = self.skip_end(i, end)?;
                    self.charset(i + 1, next)?;
                    i = next;
                }
                SreOpcode::INFO => {
                    let next = self.skip_end(i, end)?;
                    self.info(i, next, end)?;
                    i = next;
                }
                SreOpcode::JUMP => {
                    // Only as the last operation of the block.
                    let target = self.skip_end(i, usize::MAX)?;
                    ensure(i + 1 == end)?;
                    return Ok(Some(target));
                }
                SreOpcode::BRANCH => i = self.branch(i, end)?,
                SreOpcode::REPEAT => {
                    let until = self.skip_end(i, end)?;
                    self.repeat_bounds(i, until)?;
                    ensure(matches!(opcode(self.word(until, end)?)?, SreOpcode::MAX_UNTIL | SreOpcode::MIN_UNTIL))?;
                    self.plain_block(i + 3, until)?;
                    i = until + 1;
                }
                SreOpcode::REPEAT_ONE | SreOpcode::MIN_REPEAT_ONE | SreOpcode::POSSESSIVE_REPEAT_ONE => {
                    let next = self.skip_end(i, end)?;
                    ensure(next > i + 3)?;
                    self.repeat_bounds(i, next)?;
                    self.succeeding_body(i + 3, next - 1)?;
                    i = next;
                }
                SreOpcode::POSSESSIVE_REPEAT => {
                    let success = self.skip_end(i, end)?;
                    ensure(success < end)?;
                    self.repeat_bounds(i, success)?;
                    self.succeeding_body(i + 3, success)?;
                    i = success + 1;
                }
                SreOpcode::ATOMIC_GROUP => {
                    let next = self.skip_end(i, end)?;
                    ensure(next > i + 1)?;
                    self.succeeding_body(i + 1, next - 1)?;
                    i = next;
                }
                SreOpcode::ASSERT | SreOpcode::ASSERT_NOT => {
                    let next = self.skip_end(i, end)?;
                    ensure(next > i + 2)?;
                    self.word(i + 1, next)?;
                    self.succeeding_body(i + 2, next - 1)?;
                    i = next;
                }
                SreOpcode::GROUPREF_EXISTS => i = self.groupref_exists(i, end)?,
                SreOpcode::MAX_UNTIL
                | SreOpcode::MIN_UNTIL
                | SreOpcode::CHARSET
                | SreOpcode::BIGCHARSET
                | SreOpcode::NEGATE
                | SreOpcode::RANGE
                | SreOpcode::RANGE_UNI_IGNORE
                | SreOpcode::SUBPATTERN => return Err(Invalid),
            }
        }
        ensure(i == end)?;
        Ok(None)
    }

    /// A block that may not end with a JUMP.
    fn plain_block(&self, start: usize, end: usize) -> Check {
        match self.block(start, end)? {
            None => Ok(()),
            Some(_) => Err(Invalid),
        }
    }

    /// A body in `start..success` followed by SUCCESS at `success`.
    fn succeeding_body(&self, start: usize, success: usize) -> Check {
        ensure(start <= success && self.code.get(success) == Some(&(SreOpcode::SUCCESS as u32)))?;
        self.plain_block(start, success)
    }

    /// `min max` after the skip word at `i`: min <= max <= MAXREPEAT, both
    /// before `limit`.
    fn repeat_bounds(&self, i: usize, limit: usize) -> Check {
        let min = self.word(i + 1, limit)? as usize;
        let max = self.word(i + 2, limit)? as usize;
        ensure(min <= max && max <= MAXREPEAT)
    }

    /// BRANCH: the skip word of the first alternative is at `i`; returns
    /// the position after the terminating 0.
    fn branch(&self, mut i: usize, end: usize) -> Check<usize> {
        let mut targets = Vec::new();
        loop {
            let skip = self.word(i, end)?;
            if skip == 0 {
                i += 1;
                break;
            }
            let next = self.skip_end(i, end)?;
            match self.block(i + 1, next)? {
                Some(target) => targets.push(target),
                None => return Err(Invalid),
            }
            i = next;
        }
        ensure(targets.iter().all(|&t| t == i))?;
        Ok(i)
    }

    /// GROUPREF_EXISTS: the group is at `i`, the skip to the no-branch at
    /// `i + 1`; returns the position after the construct.
    fn groupref_exists(&self, i: usize, end: usize) -> Check<usize> {
        ensure((self.word(i, end)? as usize) < self.groups)?;
        // The engine continues at `i + skip` (skip word at `i + 1`) when
        // the group did not match; the yes-branch starts at `i + 2`.
        let skip = self.word(i + 1, end)? as usize;
        let no_start = i.checked_add(skip).ok_or(Invalid)?;
        ensure(no_start >= i + 2 && no_start <= end)?;
        match self.block(i + 2, no_start)? {
            None => Ok(no_start),
            Some(after) => {
                ensure(after >= no_start && after <= end)?;
                self.plain_block(no_start, after)?;
                Ok(after)
            }
        }
    }

    /// INFO at `i - 1`: its skip word is at `i`, the block ends at `next`;
    /// a literal prefix must also be followed (after the block) by the
    /// `prefix_skip` LITERAL operations the engine skips over.
    fn info(&self, i: usize, next: usize, end: usize) -> Check {
        let flags = SreInfo::from_bits_truncate(self.word(i + 1, next)?);
        self.word(i + 2, next)?;
        self.word(i + 3, next)?;
        if flags.contains(SreInfo::PREFIX) {
            let len = self.word(i + 4, next)? as usize;
            let prefix_skip = self.word(i + 5, next)? as usize;
            ensure(len >= 1 && prefix_skip <= len)?;
            let tables = len.checked_mul(2).and_then(|n| n.checked_add(i + 6)).ok_or(Invalid)?;
            ensure(tables <= next)?;
            // The overlap table steers the prefix search: entries index the prefix.
            ensure(self.code[i + 6 + len..tables].iter().all(|&o| (o as usize) < len))?;
            for k in 0..prefix_skip {
                let at = next + 2 * k;
                ensure(self.word(at, end)? == SreOpcode::LITERAL as u32)?;
                self.word(at + 1, end)?;
            }
        } else if flags.contains(SreInfo::LITERAL) {
            return Err(Invalid);
        } else if flags.contains(SreInfo::CHARSET) {
            self.charset(i + 4, next)?;
        }
        Ok(())
    }

    /// A charset in `start..end`, ending with FAILURE exactly at `end - 1`.
    fn charset(&self, start: usize, end: usize) -> Check {
        let mut i = start;
        loop {
            let op = opcode(self.word(i, end)?)?;
            i += 1;
            match op {
                SreOpcode::FAILURE => return ensure(i == end),
                SreOpcode::NEGATE => {}
                SreOpcode::LITERAL => {
                    self.word(i, end)?;
                    i += 1;
                }
                SreOpcode::CATEGORY => {
                    SreCatCode::try_from(self.word(i, end)?).map_err(|_| Invalid)?;
                    i += 1;
                }
                SreOpcode::RANGE | SreOpcode::RANGE_UNI_IGNORE => {
                    self.word(i + 1, end)?;
                    i += 2;
                }
                SreOpcode::CHARSET => {
                    self.word(i + 7, end)?;
                    i += 8;
                }
                SreOpcode::BIGCHARSET => {
                    // count, 256 block indices packed in 64 words, count blocks of 8 words.
                    let count = self.word(i, end)? as usize;
                    self.word(i + 64, end)?;
                    for w in &self.code[i + 1..i + 65] {
                        ensure(w.to_ne_bytes().iter().all(|&b| (b as usize) < count))?;
                    }
                    let blocks = count.checked_mul(8).ok_or(Invalid)?;
                    let after = (i + 65).checked_add(blocks).ok_or(Invalid)?;
                    ensure(after <= end)?;
                    i = after;
                }
                _ => return Err(Invalid),
            }
        }
    }
}

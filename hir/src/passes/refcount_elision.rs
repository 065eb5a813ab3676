//! RefcountElision: drops reference-count pairs that cancel out.
//!
//! RefcountInsertion is correct rather than minimal. Its commonest waste is a
//! type refinement of a value it owns: the refined output (`RefineType` or
//! `Assign`, the same object) is borrowed, so it gets an `Incref` right after
//! its definition, and the original value, whose last use that was, gets its
//! `Decref`/`XDecref` right after: the loop variable of every `for` loop
//! (`ForIter`'s nullable output refined to an object) pays both on each
//! iteration. Such a pair is removed: the refined value then carries the
//! original's reference.
//!
//! The pair must be the `Incref` followed, with only other reference drops in
//! between, by the drop of the value it refines. Nothing between them can
//! deopt, and after the drop the original value is dead, so every deopt
//! point sees one owned value (the refined one) for that one reference: the
//! count the lowering's deopt metadata derives (`ember_lir::deopt`) stays
//! exact. A refined value is never null, so the removed `XDecref` had a
//! reference to drop.

use crate::ir::{Function, Value};
use crate::opcode::Opcode;

/// The values `v` refines, through `RefineType`/`Assign` chains (empty if
/// `v` is not a refinement): all the same object.
fn refined_sources(f: &Function, v: Value) -> Vec<Value> {
    let mut out = Vec::new();
    let mut cur = v;
    loop {
        let inst = f.inst(f.values[cur.index()].def);
        match inst.op {
            Opcode::RefineType | Opcode::Assign => {
                cur = inst.operands[0];
                out.push(cur);
            }
            _ => return out,
        }
    }
}

/// Runs the pass.
pub fn run(f: &mut Function) {
    for b in f.block_ids().collect::<Vec<_>>() {
        let insts = f.blocks[b.index()].insts.clone();
        let mut removed = vec![false; insts.len()];
        for k in 0..insts.len() {
            let inc = f.inst(insts[k]);
            if inc.op != Opcode::Incref || removed[k] {
                continue;
            }
            let sources = refined_sources(f, inc.operands[0]);
            if sources.is_empty() {
                continue;
            }
            // Look past other drops for the source's.
            for j in k + 1..insts.len() {
                let d = f.inst(insts[j]);
                if !matches!(d.op, Opcode::Decref | Opcode::XDecref) {
                    break;
                }
                if !removed[j] && sources.contains(&d.operands[0]) {
                    removed[k] = true;
                    removed[j] = true;
                    break;
                }
            }
        }
        if removed.contains(&true) {
            let keep: Vec<_> = insts.iter().zip(&removed).filter(|(_, r)| !**r).map(|(i, _)| *i).collect();
            f.blocks[b.index()].insts = keep;
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::passes::run_on_text;

    #[test]
    fn drops_the_pair_around_a_refinement() {
        let text = "fun f {\n  bb0 {\n    v0:Object = LoadArg<0>\n    v1:OptObject = ForIter v0 {\n      NextInstr 1\n      Locals<1> v0\n      Stack<0>\n    }\n    v2:Object = RefineType<Object> v1\n    Incref v2\n    XDecref v1\n    Return v2\n  }\n}\n";
        let out = run_on_text(super::run, text, false);
        assert!(!out.contains("Incref"), "{out}");
        assert!(!out.contains("XDecref"), "{out}");
        assert!(out.contains("Return v2"), "{out}");
    }

    #[test]
    fn keeps_pairs_split_by_other_instructions_or_values() {
        // A call between the two may deopt: both operations stay. So does
        // a drop of an unrelated value.
        let text = "fun f {\n  bb0 {\n    v0:Object = LoadArg<0>\n    v1:OptObject = ForIter v0 {\n      NextInstr 1\n      Locals<1> v0\n      Stack<0>\n    }\n    v2:Object = RefineType<Object> v1\n    Incref v2\n    v3:Object = GetIter v2 {\n      NextInstr 2\n      Locals<1> v0\n      Stack<0>\n    }\n    XDecref v1\n    Incref v2\n    Decref v3\n    Return v2\n  }\n}\n";
        let out = run_on_text(super::run, text, false);
        assert_eq!(out.matches("Incref").count(), 2, "{out}");
        assert!(out.contains("XDecref v1"), "{out}");
        assert!(out.contains("Decref v3"), "{out}");
    }
}

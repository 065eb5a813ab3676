//! PhiElimination: removes phis that merge a single value.
//!
//! A phi is trivial when every operand is either one value `a` or the phi
//! itself (`v = Phi(a, a, v)`): on every path into its block it is `a`. Its uses
//! (instruction operands and FrameState entries) are replaced with `a` and the
//! phi is removed. Removing one phi can make another trivial (`v1 = Phi(v0, v2)`,
//! `v2 = Phi(v1, v2)`: once `v2` is `v1`, `v1` is `v0`), so the pass repeats until
//! nothing changes.
//!
//! `a` dominates the phi's block: the first time a path enters the block it comes
//! from a predecessor whose operand is `a` (an operand that is the phi itself is
//! only available on edges from blocks the phi's block dominates), and `a` is
//! available at the end of that predecessor. So every use of the phi can use `a`.
//!
//! Types: a use must never see a wider type than before. When `a`'s type is not
//! within the phi's (the builder never produces that, since it gives phis the
//! join of their operands, but another pass may have narrowed a phi), the phi is
//! replaced with `RefineType<phi type> a` placed after the block's phis.
//!
//! Only phis in reachable blocks are considered. Phis whose operands are all the
//! phi itself (possible only in a block without predecessors) are left alone,
//! and the types of the remaining phis are not recomputed.

use std::collections::HashMap;

use crate::ir::{Function, Value};
use crate::verify::reverse_postorder;

/// Runs the pass.
pub fn run(f: &mut Function) {
    // Removed phi -> its replacement (which may itself be replaced later).
    let mut map: HashMap<Value, Value> = HashMap::new();
    let resolve = |map: &HashMap<Value, Value>, mut v: Value| {
        while let Some(&next) = map.get(&v) {
            v = next;
        }
        v
    };
    let order = reverse_postorder(f);
    loop {
        let mut changed = false;
        for &b in &order {
            for phi in f.phis(b) {
                let v = f.inst(phi).output.expect("a phi has an output");
                let mut only: Option<Value> = None;
                let mut trivial = true;
                for &op in &f.inst(phi).operands {
                    let op = resolve(&map, op);
                    if op == v || only == Some(op) {
                        continue;
                    }
                    if only.is_some() {
                        trivial = false;
                        break;
                    }
                    only = Some(op);
                }
                let (true, Some(a)) = (trivial, only) else { continue };
                f.remove_inst(phi);
                let ty = f.value_type(v).clone();
                let after_phis = f.phis(b).len();
                let replacement = f.value_within(a, &ty, b, after_phis);
                map.insert(v, replacement);
                changed = true;
            }
        }
        if !changed {
            break;
        }
    }
    f.replace_uses(&map);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run_on(text: &str) -> String {
        crate::passes::run_on_text(run, text, true)
    }

    /// Two phis feeding each other around nested loops: neither is trivial
    /// until the other is gone.
    #[test]
    fn phi_cycle_collapses() {
        let out = run_on(
            "fun t {
  bb0 {
    v0:Object = LoadArg<0>
    v9:CBool = IsSame v0 v0
    Branch<bb1>
  }
  bb1 {
    v1:Object = Phi<bb0, bb3> v0 v2
    Branch<bb2>
  }
  bb2 {
    v2:Object = Phi<bb1, bb2> v1 v2
    CondBranch<bb2, bb3> v9
  }
  bb3 {
    CondBranch<bb1, bb4> v9
  }
  bb4 {
    Return v2
  }
}
",
        );
        assert!(!out.contains("Phi"), "{out}");
        assert!(out.contains("Return v0"), "{out}");
    }

    /// A phi whose operands are all itself but one, with a FrameState use.
    #[test]
    fn self_reference_and_frame_state_uses() {
        let out = run_on(
            "fun t {
  bb0 {
    v0:Object = LoadArg<0>
    Branch<bb1>
  }
  bb1 {
    v1:Object = Phi<bb0, bb1> v0 v1
    v2:CBool = IsTruthy v1 {
      NextInstr 3
      Locals<1> v1
      Stack<1> v1
    }
    CondBranch<bb1, bb2> v2
  }
  bb2 {
    Return v1
  }
}
",
        );
        assert!(!out.contains("v1"), "{out}");
        assert!(out.contains("Locals<1> v0"), "{out}");
        assert!(out.contains("IsTruthy v0"), "{out}");
    }

    /// A phi narrower than its single input is replaced by a RefineType, so no
    /// use gets a wider type.
    #[test]
    fn narrower_phi_becomes_refine_type() {
        let out = run_on(
            "fun t {
  bb0 {
    v0:Object = LoadArg<0>
    v9:CBool = IsSame v0 v0
    CondBranch<bb1, bb2> v9
  }
  bb1 {
    Branch<bb2>
  }
  bb2 {
    v1:LongExact = Phi<bb0, bb1> v0 v0
    v2:Object = Phi<bb0, bb1> v0 v0
    Return v1
  }
}
",
        );
        assert!(out.contains("v10:LongExact = RefineType<LongExact> v0\n    Return v10"), "{out}");
        assert!(!out.contains("Phi"), "{out}");
    }

    /// Phis merging different values, and a phi with no operand but itself,
    /// stay.
    #[test]
    fn non_trivial_phis_stay() {
        let text = "fun t {
  bb0 {
    v0:Object = LoadArg<0>
    v1:Object = LoadArg<1>
    v9:CBool = IsSame v0 v1
    CondBranch<bb1, bb2> v9
  }
  bb1 {
    Branch<bb2>
  }
  bb2 {
    v2:Object = Phi<bb0, bb1> v0 v1
    Return v2
  }
}
";
        assert_eq!(run_on(text), text);
    }
}

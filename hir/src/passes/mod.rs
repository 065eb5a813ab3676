//! HIR passes, each in its own file, run in an explicit order.
//!
//! A pass is a plain function over a [`Function`]. [`PIPELINE`] is the order the
//! JIT runs them in; in debug builds the verifier runs after every pass.
//! Golden tests name passes by the names in [`PASSES`].

use crate::ir::Function;

pub mod clean_cfg;
pub mod dce;
pub mod guard_type_removal;
pub mod phi_elim;
pub mod refcount;
pub mod refcount_elision;
pub mod simplify;

/// A pass: its name (as golden files write it) and its entry point.
pub struct Pass {
    pub name: &'static str,
    pub run: fn(&mut Function),
}

/// Every pass, by name.
pub const PASSES: &[Pass] = &[
    Pass { name: "Simplify", run: simplify::run },
    Pass { name: "GuardTypeRemoval", run: guard_type_removal::run },
    Pass { name: "PhiElimination", run: phi_elim::run },
    Pass { name: "DeadCodeElimination", run: dce::run },
    Pass { name: "CleanCFG", run: clean_cfg::run },
    Pass { name: "RefcountInsertion", run: refcount::run },
    Pass { name: "RefcountElision", run: refcount_elision::run },
];

/// The order the JIT runs the passes in.
pub const PIPELINE: &[&str] = &[
    "Simplify",
    "GuardTypeRemoval",
    "PhiElimination",
    "DeadCodeElimination",
    "CleanCFG",
    "RefcountInsertion",
    "RefcountElision",
];

/// The pass called `name`.
pub fn find(name: &str) -> Option<&'static Pass> {
    PASSES.iter().find(|p| p.name == name)
}

/// Runs the named passes in order; in debug builds verifies after each.
pub fn run_passes(f: &mut Function, names: &[&str]) -> Result<(), String> {
    for name in names {
        let pass = find(name).ok_or_else(|| format!("unknown pass '{name}'"))?;
        (pass.run)(f);
        if cfg!(debug_assertions) {
            crate::verify::verify(f).map_err(|e| format!("after {name}: {e}"))?;
        }
    }
    Ok(())
}

/// Test support: parses `text`, checks it verifies (unless `verified_input` is
/// false, for mid-pass states), runs `pass`, verifies and prints the result.
#[cfg(test)]
pub(crate) fn run_on_text(pass: fn(&mut Function), text: &str, verified_input: bool) -> String {
    let mut f = crate::text::parse(text).expect("test input parses");
    if verified_input {
        crate::verify::verify(&f).expect("test input verifies");
    }
    pass(&mut f);
    crate::verify::verify(&f).unwrap_or_else(|e| panic!("{e}\n{}", crate::text::print(&f)));
    crate::text::print(&f)
}

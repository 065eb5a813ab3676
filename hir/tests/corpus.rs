//! Builds HIR for every function in the differential test corpus
//! (`runtime-tests/cases/*.py`): the builder never panics, and every function it
//! accepts verifies and round-trips through the text form, both as built and
//! after the pass pipeline (`ember_hir::passes::PIPELINE`, verified after each
//! pass). PhiElimination, DeadCodeElimination and CleanCFG also run on their
//! own on the builder's output (verified after each). Prints the share of
//! functions built, the most common reasons for refusing the rest, and the
//! total size of the built functions after each pass of the pipeline.

use std::collections::HashMap;
use std::path::Path;

use ember_hir::builder::build;
use ember_hir::ir::Function;
use ember_hir::opcode::Opcode;
use ember_hir::passes::{find, PIPELINE};
use ember_hir::text::{parse, print};
use ember_hir::verify::verify;

/// Non-empty blocks, placed instructions and phis, summed over functions.
#[derive(Default)]
struct Size {
    blocks: usize,
    insts: usize,
    phis: usize,
}

impl Size {
    fn add(&mut self, f: &Function) {
        for b in f.blocks.iter().filter(|b| !b.insts.is_empty()) {
            self.blocks += 1;
            self.insts += b.insts.len();
            self.phis += b.insts.iter().filter(|&&i| f.inst(i).op == Opcode::Phi).count();
        }
    }
}

#[test]
fn corpus_functions_build_and_verify() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../runtime-tests/cases");
    let mut paths: Vec<_> = std::fs::read_dir(&dir).expect("cases dir").map(|e| e.expect("entry").path()).collect();
    paths.retain(|p| p.extension().is_some_and(|x| x == "py"));
    paths.sort();
    let (mut built, mut total) = (0usize, 0usize);
    // Sizes as built, then after each pass of the pipeline.
    let mut sizes: Vec<Size> = (0..=PIPELINE.len()).map(|_| Size::default()).collect();
    let mut reasons: HashMap<String, usize> = HashMap::new();
    for path in paths {
        let source = std::fs::read_to_string(&path).expect("read case");
        let Ok(module) = ember_compiler::compile(&source, &path.display().to_string(), ember_compiler::Mode::Exec)
        else {
            continue; // cases about syntax errors
        };
        let mut units = Vec::new();
        ember_hir::testing::functions(&module, &mut units);
        for unit in units {
            total += 1;
            let consts = &unit.consts;
            match build(unit, &unit.qualname, &|k| ember_hir::testing::const_type(consts, k)) {
                Ok(mut f) => {
                    built += 1;
                    let text = print(&f);
                    if let Err(e) = verify(&f) {
                        panic!("{}: {}: {e}\n{text}", path.display(), unit.qualname);
                    }
                    let again = parse(&text).unwrap_or_else(|e| panic!("{}: {e}", unit.qualname));
                    assert_eq!(print(&again), text, "{}: {}", path.display(), unit.qualname);
                    let mut alone = f.clone();
                    for name in ["PhiElimination", "DeadCodeElimination", "CleanCFG"] {
                        (find(name).expect("pass exists").run)(&mut alone);
                        if let Err(e) = verify(&alone) {
                            panic!("{}: {} after {name} alone: {e}\n{}", path.display(), unit.qualname, print(&alone));
                        }
                    }
                    sizes[0].add(&f);
                    for (k, name) in PIPELINE.iter().enumerate() {
                        let pass = find(name).expect("pipeline pass exists");
                        (pass.run)(&mut f);
                        if let Err(e) = verify(&f) {
                            panic!("{}: {} after {name}: {e}\n{}", path.display(), unit.qualname, print(&f));
                        }
                        sizes[k + 1].add(&f);
                    }
                    let text = print(&f);
                    let again = parse(&text).unwrap_or_else(|e| panic!("{}: after the pipeline: {e}", unit.qualname));
                    assert_eq!(print(&again), text, "{}: {} after the pipeline", path.display(), unit.qualname);
                }
                Err(e) => *reasons.entry(e.0).or_default() += 1,
            }
        }
    }
    assert!(total > 1000, "expected the corpus to define many functions, found {total}");
    // The bar: at least 95% of the corpus's functions compile.
    assert!(built * 100 >= total * 95, "only {built} of {total} functions build");
    let mut top: Vec<_> = reasons.into_iter().collect();
    top.sort_by_key(|r| std::cmp::Reverse(r.1));
    println!("built {built} of {total} functions ({:.1}%)", 100.0 * built as f64 / total as f64);
    for (reason, n) in top.iter().take(12) {
        println!("  {n:5}  {reason}");
    }
    for (k, size) in sizes.iter().enumerate() {
        let stage = if k == 0 { "as built" } else { PIPELINE[k - 1] };
        println!("  {stage:>20}: {} blocks, {} instructions, {} phis", size.blocks, size.insts, size.phis);
    }
}

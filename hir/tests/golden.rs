//! HIR golden tests: `runtime-tests/hir_tests/*.txt`.
//!
//! A file holds one suite:
//!
//! ```text
//! === suite: builder
//! === passes: PhiElimination, DeadCodeElimination
//! === case: return_argument
//! def f(x):
//!     return x
//! --- expected
//! fun f {
//!   ...
//! }
//! ```
//!
//! Each case's input is Python source; the first function it defines is built
//! into HIR, the suite's passes run in order (verified after each) and it is printed; the
//! output must equal the expected section, and must parse back and verify. A case
//! whose function cannot be compiled expects `error: <reason>`. Run with
//! `EMBER_BLESS=1` to rewrite the expected sections from the current output
//! (`EMBER_BLESS=simplify` rewrites only `simplify.txt`).

use std::path::{Path, PathBuf};

use ember_compiler::code::{CodeUnit, Constant};
use ember_hir::builder::build;
use ember_hir::text::{parse, print};
use ember_hir::verify::verify;

struct Case {
    name: String,
    input: String,
    expected: String,
}

struct Suite {
    header: Vec<String>,
    passes: String,
    cases: Vec<Case>,
}

fn parse_suite(text: &str, file: &Path) -> Suite {
    let mut header = Vec::new();
    let mut passes = None;
    let mut cases: Vec<Case> = Vec::new();
    let mut in_expected = false;
    for line in text.lines() {
        if let Some(name) = line.strip_prefix("=== case: ") {
            cases.push(Case { name: name.trim().to_string(), input: String::new(), expected: String::new() });
            in_expected = false;
        } else if let Some(p) = line.strip_prefix("=== passes:") {
            passes = Some(p.trim().to_string());
            header.push(line.to_string());
        } else if line == "--- expected" {
            in_expected = true;
        } else if let Some(case) = cases.last_mut() {
            let target = if in_expected { &mut case.expected } else { &mut case.input };
            target.push_str(line);
            target.push('\n');
        } else {
            header.push(line.to_string());
        }
    }
    let passes = passes.unwrap_or_else(|| panic!("{}: no '=== passes:' line", file.display()));
    Suite { header, passes, cases }
}

fn first_function(unit: &CodeUnit) -> Option<&CodeUnit> {
    unit.consts.iter().find_map(|c| match c {
        Constant::Code(inner) => Some(&**inner),
        _ => None,
    })
}

fn run_case(case: &Case, passes: &str) -> String {
    let passes: Vec<&str> = passes.split(',').map(str::trim).filter(|p| !p.is_empty()).collect();
    let module = ember_compiler::compile(&case.input, "case.py", ember_compiler::Mode::Exec)
        .unwrap_or_else(|e| panic!("case {}: {e:?}", case.name));
    let unit = first_function(&module).unwrap_or_else(|| panic!("case {} defines no function", case.name));
    let consts = &unit.consts;
    match build(unit, &unit.qualname, &|k| ember_hir::testing::const_type(consts, k)) {
        Ok(mut f) => {
            verify(&f).unwrap_or_else(|e| panic!("case {} (as built): {e}\n{}", case.name, print(&f)));
            for name in &passes {
                let pass =
                    ember_hir::passes::find(name).unwrap_or_else(|| panic!("case {}: unknown pass {name}", case.name));
                (pass.run)(&mut f);
                verify(&f).unwrap_or_else(|e| panic!("case {} after {name}: {e}\n{}", case.name, print(&f)));
            }
            let text = print(&f);
            verify(&f).unwrap_or_else(|e| panic!("case {}: {e}\n{text}", case.name));
            let reparsed = parse(&text).unwrap_or_else(|e| panic!("case {}: {e}\n{text}", case.name));
            assert_eq!(print(&reparsed), text, "case {}: text does not round-trip", case.name);
            text
        }
        Err(e) => format!("error: {e}\n"),
    }
}

fn suite_files() -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../runtime-tests/hir_tests");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.expect("dir entry").path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    files.sort();
    files
}

#[test]
fn hir_golden_files() {
    // EMBER_BLESS=1 rewrites every file; EMBER_BLESS=name rewrites only name.txt.
    let bless_value = std::env::var("EMBER_BLESS").ok();
    let mut failures = Vec::new();
    let mut total = 0;
    for file in suite_files() {
        let text = std::fs::read_to_string(&file).expect("read suite");
        let suite = parse_suite(&text, &file);
        let stem = file.file_stem().and_then(|s| s.to_str()).unwrap_or("");
        let bless = bless_value.as_deref().is_some_and(|v| v == "1" || v == stem);
        let mut out = suite.header.join("\n");
        out.push('\n');
        for case in &suite.cases {
            total += 1;
            let got = run_case(case, &suite.passes);
            if got != case.expected {
                failures.push(format!(
                    "{} case {}:\n--- expected\n{}--- got\n{}",
                    file.display(),
                    case.name,
                    case.expected,
                    got
                ));
            }
            out.push_str(&format!("=== case: {}\n{}--- expected\n{}", case.name, case.input, got));
        }
        if bless {
            std::fs::write(&file, out).expect("write suite");
        }
    }
    assert!(total > 0, "no HIR golden cases found");
    if bless_value.is_none() {
        assert!(
            failures.is_empty(),
            "{} of {total} HIR golden cases differ (EMBER_BLESS=1 rewrites them):\n{}",
            failures.len(),
            failures.join("\n")
        );
    }
}

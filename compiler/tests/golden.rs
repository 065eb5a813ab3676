//! Golden bytecode tests: each `tests/golden/*.txt` holds Python source, a
//! `=== dis ===` line, and the expected disassembly. `EMBER_BLESS=1` rewrites
//! the expectations from the current compiler. Every compiled unit is also run
//! through the verifier. A first line `# mode: eval` or `# mode: single`
//! selects the compile mode.

use ember_compiler::{compile, dis::disassemble, verify::verify, Mode};
use std::path::Path;

const SEPARATOR: &str = "=== dis ===\n";

#[test]
fn golden() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/golden");
    let bless = std::env::var("EMBER_BLESS").is_ok_and(|v| v == "1");
    let mut entries: Vec<_> =
        std::fs::read_dir(&dir).expect("tests/golden exists").flatten().map(|e| e.path()).collect();
    entries.sort();
    let mut failures = Vec::new();
    let mut count = 0;
    for path in entries.iter().filter(|p| p.extension().is_some_and(|e| e == "txt")) {
        count += 1;
        let text = std::fs::read_to_string(path).expect("readable golden file");
        let (source, expected) = match text.split_once(SEPARATOR) {
            Some((s, e)) => (s.to_string(), Some(e.to_string())),
            None => (text.clone(), None),
        };
        let mode = match source.lines().next() {
            Some("# mode: eval") => Mode::Eval,
            Some("# mode: single") => Mode::Single,
            _ => Mode::Exec,
        };
        let src =
            if mode == Mode::Eval { source.lines().skip(1).collect::<Vec<_>>().join("\n") } else { source.clone() };
        let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
        let actual = match compile(&src, &name, mode) {
            Ok(code) => {
                if let Err(e) = verify(&code) {
                    failures.push(format!("{name}: verifier: {e}"));
                }
                disassemble(&code)
            }
            Err(e) => format!("error: {:?} {}:{}: {}\n", e.kind, e.line, e.offset, e.msg),
        };
        if bless {
            std::fs::write(path, format!("{source}{SEPARATOR}{actual}")).expect("writable golden file");
        } else if expected.as_deref() != Some(actual.as_str()) {
            failures.push(format!("{name}: disassembly differs (EMBER_BLESS=1 to update)\n{actual}"));
        }
    }
    assert!(count >= 30, "expected at least 30 golden files, found {count}");
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

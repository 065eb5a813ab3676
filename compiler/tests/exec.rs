//! Execution tests: each `tests/exec/programs/*.py` program is compiled by Ember, its
//! code units are translated to CPython 3.11 code objects (`translate.py`) and
//! run; the output must equal CPython's own run of the program. Skipped when
//! `python3` is not CPython 3.11.

use ember_compiler::{compile, pydump, Mode};
use std::fmt::Write;
use std::path::Path;
use std::process::Command;

fn python_is_311() -> bool {
    Command::new("python3")
        .args(["-c", "import sys; assert sys.version_info[:2] == (3, 11)"])
        .status()
        .is_ok_and(|s| s.success())
}

fn run(args: &[&str]) -> String {
    let out = Command::new("python3").args(args).output().expect("python3 runs");
    let mut s = String::from_utf8_lossy(&out.stdout).into_owned();
    if !out.status.success() {
        let err = String::from_utf8_lossy(&out.stderr);
        let last = err.lines().last().unwrap_or("");
        let _ = write!(s, "<exit {:?}: {last}>", out.status.code());
    }
    s
}

#[test]
fn programs_behave_as_on_cpython() {
    if !python_is_311() {
        eprintln!("python3 is not CPython 3.11; skipping");
        return;
    }
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/exec");
    let translator = dir.join("translate.py");
    let tmp = std::env::temp_dir().join(format!("ember-exec-{}", std::process::id()));
    std::fs::create_dir_all(&tmp).expect("temp dir");
    let mut files: Vec<_> =
        std::fs::read_dir(dir.join("programs")).expect("tests/exec/programs").flatten().map(|e| e.path()).collect();
    files.sort();
    let mut failures = Vec::new();
    let mut count = 0;
    for path in files.iter().filter(|p| p.extension().is_some_and(|e| e == "py")) {
        count += 1;
        let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
        let source = std::fs::read_to_string(path).expect("readable program");
        let code = match compile(&source, &name, Mode::Exec) {
            Ok(c) => c,
            Err(e) => {
                failures.push(format!("{name}: {}:{}: {}", e.line, e.offset, e.msg));
                continue;
            }
        };
        let dump = pydump::dump(&code);
        let dump_path = tmp.join(format!("{name}.dump"));
        std::fs::write(&dump_path, dump).expect("dump written");
        let expected = run(&[path.to_str().unwrap_or_default()]);
        let actual = run(&[translator.to_str().unwrap_or_default(), dump_path.to_str().unwrap_or_default()]);
        if expected != actual {
            failures.push(format!("{name}:\n--- cpython\n{expected}\n--- ember\n{actual}"));
        }
    }
    if std::env::var("EMBER_KEEP_DUMPS").is_err() {
        let _ = std::fs::remove_dir_all(&tmp);
    } else {
        eprintln!("dumps kept in {}", tmp.display());
    }
    assert!(count > 0);
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

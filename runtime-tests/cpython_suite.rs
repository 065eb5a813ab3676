//! A quick check of the CPython test-suite runner (`cpython_tests.py`).
//!
//! The whole list of modules takes minutes, so CI runs the runner on two
//! small modules only and checks its verdict: the final line is
//! `N passed, 0 failed` with N > 0. The runner is driven by `python3`
//! (CPython 3.11), which also lists each module's tests as a baseline.

use std::process::Command;

#[test]
fn runner_passes_two_small_modules() {
    let root = env!("CARGO_MANIFEST_DIR");
    let out = Command::new("python3")
        .arg(format!("{root}/runtime-tests/cpython_tests.py"))
        .args(["--ember", env!("CARGO_BIN_EXE_ember"), "--timeout", "120", "test_bisect", "test_augassign"])
        .env_remove("PYTHONPATH")
        .env_remove("PYTHONHOME")
        .output()
        .expect("python3 runs the runner");
    let stdout = String::from_utf8_lossy(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr);
    let last = stdout.lines().last().unwrap_or("");
    let (passed, failed) = last
        .split_once(" passed, ")
        .and_then(|(p, f)| Some((p.parse::<u32>().ok()?, f.strip_suffix(" failed")?.parse::<u32>().ok()?)))
        .unwrap_or_else(|| panic!("no `N passed, N failed` line:\n{stdout}\n{stderr}"));
    assert!(passed > 0, "no test passed:\n{stdout}");
    assert_eq!(failed, 0, "runner reported failures:\n{stdout}\n{stderr}");
    assert!(out.status.success(), "runner exited with {:?}:\n{stdout}\n{stderr}", out.status);
    for module in ["test_bisect", "test_augassign"] {
        assert!(stdout.lines().any(|l| l.starts_with(module) && l.contains(" ok ")), "{module} row:\n{stdout}");
    }
}

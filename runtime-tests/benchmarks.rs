//! The benchmark programs still produce CPython's checksums under every Ember
//! configuration: runs `benchmarks/run --check` (quick sizes, no timing) with
//! the binary under test. Times are never checked here.

use std::process::Command;

#[test]
fn benchmark_checksums_match_cpython() {
    let root = env!("CARGO_MANIFEST_DIR");
    let out = Command::new("python3")
        .arg(format!("{root}/benchmarks/run"))
        .args(["--check", "--ember", env!("CARGO_BIN_EXE_ember")])
        .output()
        .expect("python3 runs benchmarks/run");
    let stdout = String::from_utf8_lossy(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "benchmarks/run --check failed:\n{stdout}\n{stderr}");
    assert!(stdout.contains(" passed, 0 failed"), "unexpected --check output:\n{stdout}");
}

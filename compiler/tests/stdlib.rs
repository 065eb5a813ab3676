//! Robustness: every `.py` file of the host CPython's standard library (tests
//! included) must either compile (and pass the verifier) or give a CompileError;
//! never panic. At least 99% of the files CPython itself accepts must compile.
//!
//! Slow in debug builds: run with `cargo test -p ember-compiler --release --test stdlib`.

use ember_compiler::{compile, verify::verify, Mode};
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;

fn stdlib_dir() -> Option<PathBuf> {
    let out = Command::new("python3")
        .args(["-c", "import sysconfig; print(sysconfig.get_paths()['stdlib'])"])
        .output()
        .ok()?;
    let dir = String::from_utf8(out.stdout).ok()?.trim().to_string();
    (!dir.is_empty()).then(|| PathBuf::from(dir))
}

fn collect(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for e in entries.flatten() {
        let p = e.path();
        if p.is_dir() {
            if !p.is_symlink() && p.file_name().is_some_and(|n| n != "site-packages" && n != "__pycache__") {
                collect(&p, out);
            }
        } else if p.extension().is_some_and(|x| x == "py") {
            out.push(p);
        }
    }
}

/// The subset of `files` that CPython itself refuses to compile.
fn cpython_rejects(files: &[&PathBuf]) -> Vec<PathBuf> {
    if files.is_empty() {
        return Vec::new();
    }
    let list = files.iter().map(|p| p.display().to_string()).collect::<Vec<_>>().join("\n");
    let script = "import sys\nfor p in sys.stdin.read().splitlines():\n    try:\n        src = open(p, 'rb').read()\n        compile(src, p, 'exec')\n    except BaseException:\n        print(p)\n";
    let mut child = match Command::new("python3")
        .args(["-W", "ignore", "-c", script])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
    {
        Ok(c) => c,
        Err(_) => return Vec::new(),
    };
    if let Some(mut stdin) = child.stdin.take() {
        use std::io::Write;
        let _ = stdin.write_all(list.as_bytes());
    }
    let out = child.wait_with_output().map(|o| o.stdout).unwrap_or_default();
    String::from_utf8_lossy(&out).lines().map(PathBuf::from).collect()
}

#[test]
fn compiles_the_stdlib() {
    let Some(dir) = stdlib_dir() else {
        eprintln!("python3 not found; skipping");
        return;
    };
    let mut files = Vec::new();
    collect(&dir, &mut files);
    files.sort();
    assert!(!files.is_empty(), "no .py files under {}", dir.display());
    let start = Instant::now();
    let mut ok = 0usize;
    let mut failed: Vec<(PathBuf, String)> = Vec::new();
    let mut undecodable = 0usize;
    for path in &files {
        let Ok(bytes) = std::fs::read(path) else {
            continue;
        };
        let Ok(source) = String::from_utf8(bytes) else {
            // Not UTF-8 (a coding cookie): decoding is the caller's job.
            undecodable += 1;
            continue;
        };
        match compile(&source, &path.display().to_string(), Mode::Exec) {
            Ok(code) => {
                if let Err(e) = verify(&code) {
                    panic!("{}: verifier: {e}", path.display());
                }
                ok += 1;
            }
            Err(e) => {
                assert!(!e.msg.starts_with("internal compiler error"), "{}: {}", path.display(), e.msg);
                failed.push((path.clone(), format!("{}:{}: {}", e.line, e.offset, e.msg)));
            }
        }
    }
    let elapsed = start.elapsed();
    let failed_paths: Vec<&PathBuf> = failed.iter().map(|(p, _)| p).collect();
    let rejected = cpython_rejects(&failed_paths);
    let ours_only: Vec<&(PathBuf, String)> = failed.iter().filter(|(p, _)| !rejected.contains(p)).collect();
    let considered = files.len() - undecodable - rejected.len();
    println!(
        "stdlib: {} files, {ok} compiled, {} errors ({} also rejected by CPython), {undecodable} not UTF-8, in {:.2?}",
        files.len(),
        failed.len(),
        rejected.len(),
        elapsed
    );
    for (p, e) in &ours_only {
        println!("  only we reject {}: {e}", p.display());
    }
    let rate = ok as f64 / considered.max(1) as f64;
    println!("compiled {:.2}% of the files CPython compiles", rate * 100.0);
    assert!(rate >= 0.99, "only {:.2}% compiled", rate * 100.0);
}

//! Compiles every .py file under a directory and reports failures:
//! `cargo run --release -p ember-compiler --example sweep -- DIR`.
use ember_compiler::{compile, verify::verify, Mode};
use std::path::{Path, PathBuf};

fn collect(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for e in entries.flatten() {
        let p = e.path();
        if p.is_dir() && !p.is_symlink() {
            collect(&p, out);
        } else if p.extension().is_some_and(|x| x == "py") {
            out.push(p);
        }
    }
}

fn main() {
    let dir = std::env::args().nth(1).unwrap_or_else(|| ".".into());
    let mut files = Vec::new();
    collect(Path::new(&dir), &mut files);
    files.sort();
    let (mut ok, mut err) = (0, 0);
    let start = std::time::Instant::now();
    for f in &files {
        let Ok(src) = std::fs::read_to_string(f) else {
            continue;
        };
        match compile(&src, &f.display().to_string(), Mode::Exec) {
            Ok(code) => {
                ok += 1;
                if let Err(e) = verify(&code) {
                    println!("VERIFY {}: {e}", f.display());
                }
            }
            Err(e) => {
                err += 1;
                println!("ERR {}:{}:{}: {}", f.display(), e.line, e.offset, e.msg);
            }
        }
    }
    println!("{ok} ok, {err} errors, {:.2?}", start.elapsed());
}

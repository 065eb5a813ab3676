//! Prints a Python-literal dump of a compiled file (see `ember_compiler::pydump`):
//! `cargo run -p ember-compiler --example pydump -- FILE`. Exit status 1 and the
//! error on stderr if it does not compile.
use ember_compiler::{compile, pydump, Mode};

fn main() {
    let Some(path) = std::env::args().nth(1) else {
        eprintln!("usage: pydump FILE");
        std::process::exit(2);
    };
    let source = match std::fs::read(&path).map(String::from_utf8) {
        Ok(Ok(s)) => s,
        _ => {
            eprintln!("{path}: unreadable or not UTF-8");
            std::process::exit(2);
        }
    };
    match compile(&source, &path, Mode::Exec) {
        Ok(code) => print!("{}", pydump::dump(&code)),
        Err(e) => {
            eprintln!("{}:{}:{}: {:?}: {}", e.filename, e.line, e.offset, e.kind, e.msg);
            std::process::exit(1);
        }
    }
}

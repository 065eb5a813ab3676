//! Disassembles a Python file: `cargo run -p ember-compiler --example dis -- FILE [exec|eval|single]`.
use ember_compiler::{compile, dis::disassemble, verify::verify, Mode};

fn main() {
    let mut args = std::env::args().skip(1);
    let Some(path) = args.next() else {
        eprintln!("usage: dis FILE [exec|eval|single]");
        std::process::exit(2);
    };
    let mode = match args.next().as_deref() {
        Some("eval") => Mode::Eval,
        Some("single") => Mode::Single,
        _ => Mode::Exec,
    };
    let source = match std::fs::read_to_string(&path) {
        Ok(s) => s,
        Err(e) => {
            eprintln!("{path}: {e}");
            std::process::exit(2);
        }
    };
    match compile(&source, &path, mode) {
        Ok(code) => {
            print!("{}", disassemble(&code));
            if let Err(e) = verify(&code) {
                eprintln!("VERIFY FAILED: {e}");
                std::process::exit(1);
            }
        }
        Err(e) => {
            eprintln!("{:?}: {} ({}:{}:{})", e.kind, e.msg, e.filename, e.line, e.offset);
            std::process::exit(1);
        }
    }
}

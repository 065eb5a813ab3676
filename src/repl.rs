//! The interactive prompt: `>>>` / `...` with line editing (rustyline),
//! expression results echoed through `sys.displayhook`.

use ember_vm::runtime::PyErr;
use ember_vm::Interpreter;

/// Whether a compile error means the statement is incomplete (more lines needed).
fn is_incomplete(err: &PyErr) -> bool {
    let msg = ember_vm::ops::str_lossy(err.exc());
    msg.contains("unexpected EOF")
        || msg.contains("was never closed")
        || msg.contains("expected an indented block")
        || msg.contains("unterminated triple-quoted string")
}

fn banner() -> String {
    format!(
        "Python 3.11.7 (Ember {}) on {}\nType \"help\", \"copyright\", \"credits\" or \"license\" for more information.",
        env!("CARGO_PKG_VERSION"),
        std::env::consts::OS
    )
}

fn prompt(name: &str, default: &str) -> String {
    ember_vm::modules::sys::sys_attr(name).map(|p| ember_vm::ops::str_lossy(&p)).unwrap_or_else(|| default.to_string())
}

/// Runs the REPL until EOF; returns the exit status.
pub fn run(interp: &Interpreter, quiet: bool) -> u8 {
    if !quiet {
        eprintln!("{}", banner());
    }
    if let Some(sys) = ember_vm::modules::sys::sys_module() {
        let _ = ember_vm::ops::setattr_str(&sys, "ps1", &ember_vm::types::str::new_str(">>> "));
        let _ = ember_vm::ops::setattr_str(&sys, "ps2", &ember_vm::types::str::new_str("... "));
    }
    let mut editor = match rustyline::DefaultEditor::new() {
        Ok(e) => e,
        Err(_) => return 1,
    };
    let mut buffer = String::new();
    loop {
        let p = if buffer.is_empty() { prompt("ps1", ">>> ") } else { prompt("ps2", "... ") };
        ember_vm::modules::sys::flush_stdout();
        let line = match editor.readline(&p) {
            Ok(l) => l,
            Err(rustyline::error::ReadlineError::Interrupted) => {
                buffer.clear();
                eprintln!("\nKeyboardInterrupt");
                continue;
            }
            Err(_) => {
                println!();
                break;
            }
        };
        let _ = editor.add_history_entry(line.as_str());
        let continuing = !buffer.is_empty();
        buffer.push_str(&line);
        buffer.push('\n');
        if continuing && !line.trim().is_empty() {
            continue;
        }
        match interp.run_interactive(&buffer) {
            Ok(()) => buffer.clear(),
            Err(e) => {
                if !continuing && is_incomplete(&e) {
                    continue;
                }
                buffer.clear();
                if e.matches(&ember_vm::types::exceptions::SYSTEM_EXIT) {
                    return crate::handle_exit(e);
                }
                ember_vm::modules::sys::flush_stdout();
                ember_vm::errors::print_exception(e.exc());
            }
        }
    }
    let _ = ember_vm::finalize();
    0
}

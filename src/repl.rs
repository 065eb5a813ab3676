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

/// Whether the statement being entered is a compound one (it starts with a
/// compound-statement keyword or a decorator), which only a blank line completes.
fn opens_block(buffer: &str) -> bool {
    const COMPOUND: &[&str] = &["if", "while", "for", "try", "with", "def", "class", "async"];
    let first = buffer.lines().next().unwrap_or("").trim_start();
    if first.starts_with('@') {
        return true;
    }
    let word: String = first.chars().take_while(|c| c.is_alphanumeric() || *c == '_').collect();
    let code = first.split('#').next().unwrap_or("").trim_end();
    match word.as_str() {
        // A soft keyword: `match = 1` is an assignment.
        "match" => code.ends_with(':'),
        w => COMPOUND.contains(&w),
    }
}

fn report(e: PyErr) {
    ember_vm::modules::sys::flush_stdout();
    ember_vm::errors::print_exception(e.exc());
}

/// Where the prompt reads its lines: rustyline on a terminal; otherwise
/// plain lines from stdin with the prompts written to stderr, as CPython does
/// for `-i` with a pipe or file as stdin.
enum Input {
    Editor(Box<rustyline::DefaultEditor>),
    Plain(std::io::Stdin),
}

enum Line {
    Text(String),
    Interrupted,
    Eof,
}

impl Input {
    fn new() -> Option<Input> {
        use std::io::IsTerminal;
        if std::io::stdin().is_terminal() {
            rustyline::DefaultEditor::new().ok().map(|e| Input::Editor(Box::new(e)))
        } else {
            Some(Input::Plain(std::io::stdin()))
        }
    }

    fn read(&mut self, prompt: &str) -> Line {
        match self {
            Input::Editor(editor) => match editor.readline(prompt) {
                Ok(l) => {
                    let _ = editor.add_history_entry(l.as_str());
                    Line::Text(l)
                }
                Err(rustyline::error::ReadlineError::Interrupted) => Line::Interrupted,
                Err(_) => Line::Eof,
            },
            Input::Plain(stdin) => {
                ember_vm::modules::sys::write_stderr(prompt);
                let mut line = String::new();
                match stdin.read_line(&mut line) {
                    Ok(0) | Err(_) => Line::Eof,
                    Ok(_) => {
                        if line.ends_with('\n') {
                            line.pop();
                        }
                        Line::Text(line)
                    }
                }
            }
        }
    }

    /// At EOF, the newline after the last prompt: rustyline has already
    /// moved to a new line; plain input ends the prompt line on stderr.
    fn finish(&self) {
        if let Input::Plain(_) = self {
            ember_vm::modules::sys::write_stderr("\n");
        }
    }
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
    let Some(mut input) = Input::new() else { return 1 };
    let mut buffer = String::new();
    loop {
        let p = if buffer.is_empty() { prompt("ps1", ">>> ") } else { prompt("ps2", "... ") };
        ember_vm::modules::sys::flush_stdout();
        let line = match input.read(&p) {
            Line::Text(l) => l,
            Line::Interrupted => {
                // rustyline has moved past the prompt line already.
                buffer.clear();
                eprintln!("KeyboardInterrupt");
                continue;
            }
            Line::Eof => {
                input.finish();
                break;
            }
        };
        let blank = line.trim().is_empty();
        if buffer.is_empty() && blank {
            continue;
        }
        buffer.push_str(&line);
        buffer.push('\n');
        // A compound statement ends with a blank line; anything else runs as
        // soon as it compiles (brackets and triple quotes closed).
        if opens_block(&buffer) && !blank {
            continue;
        }
        let code = match interp.compile_interactive(&buffer) {
            Ok(code) => code,
            Err(e) if is_incomplete(&e) && !blank => continue,
            Err(e) => {
                buffer.clear();
                report(e);
                continue;
            }
        };
        buffer.clear();
        if let Err(e) = interp.run_interactive(&code) {
            if e.matches(&ember_vm::types::exceptions::SYSTEM_EXIT) {
                return crate::handle_exit(e);
            }
            report(e);
        }
    }
    let _ = ember_vm::finalize();
    0
}

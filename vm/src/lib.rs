//! ember-vm: Ember's virtual machine — object model, bytecode interpreter,
//! builtin types, native modules and the import system.
//!
//! Start-up: [`Interpreter::new`] readies the static types, builds `builtins`
//! and `sys`; [`Interpreter::run_file`] and friends run code. See
//! ARCHITECTURE.md for the invariants the modules rely on.

pub mod builtins;
pub mod codecs;
pub mod errors;
pub mod eval;
pub mod format;
pub mod gc;
pub mod import;
pub mod modules;
pub mod object;
pub mod ops;
pub mod runtime;
pub mod source;
pub mod stdlib;
pub mod suggestions;
pub mod types;
pub mod unraisable;
pub mod util;

use object::PyRef;
use runtime::{PyErr, PyResult};

/// `sys.version`.
pub const VERSION_STRING: &str = "3.11.7 (Ember 0.1.0)";

/// Compiles source text into a code object; compile errors become SyntaxError.
pub fn compile_source(source: &str, filename: &str, mode: ember_compiler::Mode) -> PyResult {
    match ember_compiler::compile(source, filename, mode) {
        Ok(unit) => types::code::new_verified_code(&unit),
        Err(e) => Err(syntax_error(&e)),
    }
}

/// The disassembly of every code object compiled from `source` (`-X dump-bytecode`);
/// compile errors become SyntaxError.
pub fn disassemble_source(source: &str, filename: &str) -> PyResult<String> {
    match ember_compiler::compile(source, filename, ember_compiler::Mode::Exec) {
        Ok(unit) => Ok(ember_compiler::dis::disassemble(&unit)),
        Err(e) => Err(syntax_error(&e)),
    }
}

/// Converts a compile error into the SyntaxError (or subclass) instance.
pub fn syntax_error(e: &ember_compiler::CompileError) -> PyErr {
    use types::exceptions as ex;
    let ty = match e.kind {
        ember_compiler::ErrorKind::SyntaxError => &ex::SYNTAX_ERROR,
        ember_compiler::ErrorKind::IndentationError => &ex::INDENTATION_ERROR,
        ember_compiler::ErrorKind::TabError => &ex::TAB_ERROR,
    };
    let text = e.text.as_deref().map_or_else(types::none, types::str::new_str);
    let int = |v: u32| types::int::new_int(v as i64);
    let info = types::tuple::new_tuple(vec![
        types::str::new_str(&e.filename),
        int(e.line),
        int(e.offset),
        text,
        int(e.end_line),
        int(e.end_offset),
    ]);
    PyErr::from_exc(ex::new_exception(ty, vec![types::str::new_str(&e.msg), info]))
}

/// A SyntaxError at a location (offset 0 = no caret).
pub fn compile_error_at(
    kind: ember_compiler::ErrorKind,
    msg: &str,
    filename: &str,
    line: u32,
    offset: u32,
    text: Option<String>,
) -> PyErr {
    syntax_error(&ember_compiler::CompileError {
        kind,
        msg: msg.to_string(),
        filename: filename.to_string(),
        line,
        offset,
        end_line: line,
        end_offset: offset,
        text,
    })
}

/// A running interpreter. Only one exists per process.
pub struct Interpreter {
    _priv: (),
}

impl Interpreter {
    /// Initialises the runtime with the given configuration.
    pub fn new(cfg: &modules::sys::Config) -> PyResult<Interpreter> {
        let seed = std::env::var("PYTHONHASHSEED").ok().filter(|_| !cfg.ignore_environment && !cfg.isolated);
        let seed = match seed.as_deref() {
            None | Some("random") => None,
            Some(s) => s.parse::<u32>().ok(),
        };
        util::siphash::init_key(seed);
        types::ready::init_static_types();
        builtins::init()?;
        let sys = modules::sys::init(cfg)?;
        let mods = modules::sys::modules_dict();
        let md = mods.downcast::<types::dict::DictObj>().expect("sys.modules");
        md.set_by_str("sys", sys);
        md.set_by_str("builtins", builtins::builtins_module());
        Ok(Interpreter { _priv: () })
    }

    /// Compiles one interactive statement; expression values will be echoed.
    pub fn compile_interactive(&self, source: &str) -> PyResult {
        import::compile_interactive(source)
    }

    /// Runs a statement from [`Interpreter::compile_interactive`] in `__main__`.
    pub fn run_interactive(&self, code: &PyRef) -> PyResult<()> {
        import::run_interactive(code)
    }

    /// Runs a program's source as `__main__`.
    pub fn run_main(&self, source: &str, filename: &str, file_attr: Option<&str>) -> PyResult<PyRef> {
        import::run_main_source(source, filename, file_attr)
    }
}

/// Runs exit handlers and flushes the standard streams.
pub fn finalize() -> PyResult<()> {
    let r = modules::atexit::run_exitfuncs();
    modules::io::flush_at_exit();
    modules::sys::flush_std_streams()?;
    r
}

/// Serialises unit tests that touch the interpreter's global state.
#[cfg(test)]
pub(crate) fn test_lock() -> std::sync::MutexGuard<'static, ()> {
    static LOCK: std::sync::Mutex<()> = std::sync::Mutex::new(());
    LOCK.lock().unwrap_or_else(|e| e.into_inner())
}

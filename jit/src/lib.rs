//! Ember's JIT driver: the compile policy (`-X jit`, jit lists, jit-auto), code
//! memory, the runtime helpers and deopt runtime compiled code calls, the
//! `cinderjit` module, dumps and the perf map. See `ARCHITECTURE.md` ("jit/").
//!
//! - [`options`]: `-X jit...` options and `PYTHONJIT*` variables.
//! - [`jitlist`]: the jit-list format and matcher.
//! - [`driver`]: which functions compile and when; what was compiled.
//! - [`compiler`]: one code object through HIR, the passes and Cranelift.
//! - [`helpers`], [`deopt`]: what machine code calls.
//! - [`cinderjit`]: the Python module.

pub mod cinderjit;
pub mod compiler;
pub mod deopt;
pub mod driver;
pub mod helpers;
pub mod jitlist;
pub mod options;

/// What start-up should do after reading the JIT options.
pub enum Startup {
    /// Run the program.
    Run,
    /// Print this (to stdout) and exit with status 0 (`-X jit-help`).
    Exit(String),
}

/// Reads the JIT options, registers `cinderjit` and installs the JIT if it is
/// enabled. Call before the interpreter starts. Err: a message for stderr
/// (status 2): a malformed option or jit-list.
pub fn init(xoptions: &[(String, Option<String>)], use_env: bool) -> Result<Startup, String> {
    let env = |name: &str| if use_env { std::env::var(name).ok() } else { None };
    let opts = options::parse(xoptions, &env)?;
    if opts.help {
        return Ok(Startup::Exit(options::help_text()));
    }
    ember_vm::modules::register(&cinderjit::MODULE);
    driver::install(opts)?;
    Ok(Startup::Run)
}

/// At exit: writes the statistics file, if one was asked for.
pub fn finish() {
    if let Some(j) = driver::get() {
        j.write_stats();
    }
}

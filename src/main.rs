//! The `ember` command: CPython's command-line conventions over ember-vm.

mod repl;

#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

use std::io::{IsTerminal, Read};
use std::process::ExitCode;

use ember_vm::modules::sys::Config;
use ember_vm::object::{AsObj, Obj, PyRef};
use ember_vm::runtime::PyErr;
use ember_vm::types::exceptions;
use ember_vm::Interpreter;

const USAGE: &str = "usage: ember [option] ... [-c cmd | -m mod | file | -] [arg] ...";

const HELP: &str = "\
usage: ember [option] ... [-c cmd | -m mod | file | -] [arg] ...
Options (and corresponding environment variables):
-B     : don't write .pyc files on import (Ember never writes them)
-c cmd : program passed in as string (terminates option list)
-E     : ignore PYTHON* environment variables (such as PYTHONPATH)
-h     : print this help message and exit (also -? or --help)
-i     : inspect interactively after running script
-I     : isolate Ember from the user's environment (implies -E and -s)
-m mod : run library module as a script (terminates option list)
-O     : remove assert and __debug__-dependent statements (accepted)
-q     : don't print version and copyright messages on interactive startup
-s     : don't add user site directory to sys.path
-S     : don't imply 'import site' on initialization
-u     : force the stdout and stderr streams to be unbuffered
-v     : verbose (trace import statements)
-V     : print the Python version number and exit (also --version)
-W arg : warning control (accepted)
-X opt : set implementation-specific option (stored in sys._xoptions)
file   : program read from script file
-      : program read from stdin (default; interactive mode if a tty)
arg ...: arguments passed to program in sys.argv[1:]

Other environment variables:
PYTHONPATH   : ':'-separated list of directories prefixed to the default module search path.
PYTHONHASHSEED: if this variable is set to 'random', a random value is used to seed the hashes
               of str and bytes objects; an integer fixes the seed (0 disables randomisation).
EMBER_HOME   : directory holding Ember's Lib/.
";

enum Program {
    File(String),
    Command(String),
    Module(String),
    Stdin,
}

struct Options {
    cfg: Config,
    program: Program,
    inspect: bool,
}

fn parse_args(args: Vec<String>) -> Result<Options, (String, u8)> {
    let mut cfg = Config { orig_argv: args.clone(), ..Config::default() };
    let mut i = 1;
    let mut program = None;
    let mut inspect = false;
    while i < args.len() {
        let a = &args[i];
        if a == "--" {
            i += 1;
            break;
        }
        if a == "--version" {
            return Err((format!("Python 3.11.7 (Ember {})\n", env!("CARGO_PKG_VERSION")), 0));
        }
        if a == "--help" {
            return Err((HELP.to_string(), 0));
        }
        if !a.starts_with('-') || a == "-" {
            break;
        }
        let flags: Vec<char> = a[1..].chars().collect();
        let mut j = 0;
        while j < flags.len() {
            let c = flags[j];
            let rest: String = flags[j + 1..].iter().collect();
            let mut take_value = |name: char| -> Result<String, (String, u8)> {
                if !rest.is_empty() {
                    j = flags.len();
                    Ok(rest.clone())
                } else if i + 1 < args.len() {
                    i += 1;
                    j = flags.len();
                    Ok(args[i].clone())
                } else {
                    Err((format!("Argument expected for the -{name} option\n{USAGE}\nTry `ember -h' for more information.\n"), 2))
                }
            };
            match c {
                'c' => {
                    let cmd = take_value('c')?;
                    program = Some(Program::Command(cmd));
                }
                'm' => {
                    let m = take_value('m')?;
                    program = Some(Program::Module(m));
                }
                'X' => {
                    let opt = take_value('X')?;
                    match opt.split_once('=') {
                        Some((k, v)) => cfg.xoptions.push((k.to_string(), Some(v.to_string()))),
                        None => cfg.xoptions.push((opt, None)),
                    }
                }
                'W' => {
                    take_value('W')?;
                }
                'u' => cfg.unbuffered = true,
                'E' => cfg.ignore_environment = true,
                'S' => cfg.no_site = true,
                's' => {}
                'I' => {
                    cfg.isolated = true;
                    cfg.ignore_environment = true;
                }
                'B' => cfg.dont_write_bytecode = true,
                'O' => cfg.optimize += 1,
                'v' => cfg.verbose += 1,
                'q' => cfg.quiet = true,
                'i' => inspect = true,
                'b' | 'd' | 'P' | 'R' => {}
                'V' => return Err((format!("Python 3.11.7 (Ember {})\n", env!("CARGO_PKG_VERSION")), 0)),
                'h' | '?' => return Err((HELP.to_string(), 0)),
                other => {
                    return Err((format!("Unknown option: -{other}\n{USAGE}\nTry `ember -h' for more information.\n"), 2))
                }
            }
            j += 1;
            if program.is_some() {
                break;
            }
        }
        i += 1;
        if program.is_some() {
            break;
        }
    }
    let program = match program {
        Some(p) => {
            let name = match &p {
                Program::Command(_) => "-c".to_string(),
                Program::Module(m) => m.clone(),
                _ => String::new(),
            };
            cfg.argv = std::iter::once(name).chain(args[i..].iter().cloned()).collect();
            p
        }
        None => {
            if i < args.len() && args[i] != "-" {
                cfg.argv = args[i..].to_vec();
                Program::File(args[i].clone())
            } else {
                cfg.argv = if i < args.len() { args[i..].to_vec() } else { vec![String::new()] };
                if cfg.argv[0] == "-" && !std::io::stdin().is_terminal() {
                    cfg.argv[0] = "-".into();
                }
                Program::Stdin
            }
        }
    };
    Ok(Options { cfg, program, inspect })
}

fn build_path(cfg: &mut Config, first: String) {
    let mut path = Vec::new();
    if !cfg.isolated {
        path.push(first);
    }
    if !cfg.ignore_environment {
        if let Ok(pp) = std::env::var("PYTHONPATH") {
            path.extend(pp.split(':').filter(|s| !s.is_empty()).map(String::from));
        }
    }
    if let Some(lib) = ember_vm::stdlib::lib_dir() {
        path.push(lib.to_string_lossy().into_owned());
    }
    cfg.path = path;
}

/// The exit status for an exception that escaped, printing it as CPython does.
fn handle_exit(err: PyErr) -> u8 {
    let exc = err.into_exc();
    if exc.class().is_subtype(&exceptions::SYSTEM_EXIT) {
        let _ = ember_vm::modules::sys::flush_std_streams();
        return system_exit_code(&exc);
    }
    report(&exc);
    if exc.class().is_subtype(&exceptions::KEYBOARD_INTERRUPT) {
        return 130;
    }
    1
}

fn system_exit_code(exc: &Obj) -> u8 {
    let code = ember_vm::ops::lookup_attr(exc, "code").ok().flatten();
    let Some(code) = code else { return 0 };
    if code.is_none() {
        return 0;
    }
    if let Some(v) = ember_vm::types::int::as_i64(&code) {
        return (v & 0xff) as u8;
    }
    let text = ember_vm::ops::str_lossy(&code);
    ember_vm::modules::sys::write_stderr(&format!("{text}\n"));
    1
}

/// Reports an uncaught exception through `sys.excepthook`.
fn report(exc: &PyRef) {
    let _ = ember_vm::modules::sys::flush_std_streams();
    let hook = ember_vm::modules::sys::sys_attr("excepthook");
    let tb = exc
        .downcast::<exceptions::ExceptionObj>()
        .and_then(|e| e.traceback())
        .unwrap_or_else(ember_vm::types::none);
    let called = hook.map(|h| ember_vm::ops::call(&h, &[exc.class().as_obj(), exc, &tb], None));
    match called {
        Some(Ok(_)) => {}
        Some(Err(e)) => {
            ember_vm::modules::sys::write_stderr("Error in sys.excepthook:\n");
            ember_vm::errors::print_exception(e.exc());
            ember_vm::modules::sys::write_stderr("\nOriginal exception was:\n");
            ember_vm::errors::print_exception(exc);
        }
        None => {
            ember_vm::modules::sys::write_stderr("sys.excepthook is missing\n");
            ember_vm::errors::print_exception(exc);
        }
    }
}

fn read_file(path: &str) -> Result<Vec<u8>, String> {
    match std::fs::read(path) {
        Ok(b) => Ok(b),
        Err(e) => {
            let abs = std::path::absolute(path).map(|p| p.to_string_lossy().into_owned()).unwrap_or(path.to_string());
            let code = e.raw_os_error().unwrap_or(2);
            let msg = e.to_string();
            let msg = msg.split(" (os error").next().unwrap_or(&msg).to_string();
            Err(format!("ember: can't open file '{abs}': [Errno {code}] {msg}\n"))
        }
    }
}

fn run(opts: Options) -> u8 {
    let mut cfg = opts.cfg;
    let first = match &opts.program {
        Program::File(f) => {
            let p = std::path::Path::new(f);
            let dir = p.parent().map(|d| d.to_string_lossy().into_owned()).unwrap_or_default();
            std::path::absolute(if dir.is_empty() { "." } else { &dir }).map(|d| d.to_string_lossy().into_owned()).unwrap_or(dir)
        }
        Program::Module(_) => std::env::current_dir().map(|d| d.to_string_lossy().into_owned()).unwrap_or_default(),
        _ => String::new(),
    };
    build_path(&mut cfg, first);
    let interactive_stdin = matches!(opts.program, Program::Stdin) && std::io::stdin().is_terminal();
    cfg.interactive = interactive_stdin || opts.inspect;
    let interp = match Interpreter::new(&cfg) {
        Ok(i) => i,
        Err(e) => {
            eprintln!("Fatal Python error: init failed");
            return handle_exit(e);
        }
    };
    let result = match &opts.program {
        Program::File(f) => match read_file(f) {
            Ok(bytes) => ember_vm::source::decode(&bytes, f).and_then(|src| interp.run_main(&src, f, Some(f))).map(drop),
            Err(msg) => {
                eprint!("{msg}");
                return 2;
            }
        },
        Program::Command(c) => interp.run_main(c, "<string>", None).map(drop),
        Program::Module(m) => match ember_vm::import::find_main_module(m) {
            Ok((name, file)) => ember_vm::import::run_module_as_main(&name, &file).map(drop),
            Err(ember_vm::import::MainModuleError::Raised(e)) => Err(e),
            Err(ember_vm::import::MainModuleError::NotFound(msg)) => {
                let _ = ember_vm::modules::sys::flush_std_streams();
                let prog = std::env::args().next().unwrap_or_else(|| "ember".to_string());
                ember_vm::modules::sys::write_stderr(&format!("{prog}: {msg}\n"));
                return 1;
            }
        },
        Program::Stdin => {
            if interactive_stdin {
                return repl::run(&interp, cfg.quiet);
            }
            let mut src = String::new();
            let _ = std::io::stdin().read_to_string(&mut src);
            interp.run_main(&src, "<stdin>", None).map(drop)
        }
    };
    let status = match result {
        Ok(()) => 0,
        Err(e) => handle_exit(e),
    };
    if opts.inspect && status == 0 {
        return repl::run(&interp, true);
    }
    let finish = ember_vm::finalize();
    if let Err(e) = ember_vm::modules::sys::flush_std_streams() {
        let _ = e;
        return if status == 0 { 120 } else { status };
    }
    if let Err(e) = finish {
        return handle_exit(e);
    }
    status
}

/// Native stack reserved for the interpreter thread (virtual memory; pages
/// are only touched as recursion goes deeper).
const STACK_SIZE: usize = 1 << 30;
/// Headroom kept free below the RecursionError threshold.
const STACK_MARGIN: usize = 256 << 20;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().collect();
    let opts = match parse_args(args) {
        Ok(o) => o,
        Err((msg, code)) => {
            if code == 0 {
                print!("{msg}");
            } else {
                eprint!("{msg}");
            }
            return ExitCode::from(code);
        }
    };
    let handle = std::thread::Builder::new().name("ember".into()).stack_size(STACK_SIZE).spawn(move || {
        let here = ember_vm::eval::frame::stack_pointer();
        ember_vm::eval::set_native_stack_limit(here.saturating_sub(STACK_SIZE - STACK_MARGIN));
        run(opts)
    });
    match handle.map(|h| h.join()) {
        Ok(Ok(code)) => ExitCode::from(code),
        _ => {
            eprintln!("Fatal Python error: the interpreter thread failed");
            ExitCode::from(1)
        }
    }
}

//! The `ember` command: CPython's command-line conventions over ember-vm.

mod repl;
mod signals;

#[global_allocator]
static GLOBAL: ember_vm::object::sysalloc::EmberAlloc = ember_vm::object::sysalloc::EmberAlloc;

use std::io::{IsTerminal, Read};
use std::process::ExitCode;
use std::sync::atomic::{AtomicBool, Ordering};

use ember_vm::modules::sys::Config;
use ember_vm::object::{AsObj, Obj, PyRef};
use ember_vm::runtime::PyErr;
use ember_vm::types::exceptions;
use ember_vm::Interpreter;

/// The usage line, naming the program as it was invoked (argv[0]), as CPython does.
fn usage(prog: &str) -> String {
    format!("usage: {prog} [option] ... [-c cmd | -m mod | file | -] [arg] ...")
}

/// A command-line error: the message, the usage line and the hint (exit status 2).
fn usage_error(prog: &str, msg: &str) -> (String, u8) {
    (format!("{msg}\n{}\nTry `ember -h' for more information.\n", usage(prog)), 2)
}

const HELP: &str = "\
Options (and corresponding environment variables):
-B     : don't write .pyc files on import (Ember never writes them)
-c cmd : program passed in as string (terminates option list)
-E     : ignore PYTHON* environment variables (such as PYTHONPATH)
-h     : print this help message and exit (also -? or --help)
-i     : inspect interactively after running script; forces a prompt even
         if stdin does not appear to be a terminal; also PYTHONINSPECT=x
-I     : isolate Ember from the user's environment (implies -E, -P and -s)
-m mod : run library module as a script (terminates option list)
-O     : remove assert and __debug__-dependent statements (accepted)
-P     : don't prepend a potentially unsafe path to sys.path; also PYTHONSAFEPATH
-q     : don't print version and copyright messages on interactive startup
-s     : don't add user site directory to sys.path
-S     : don't imply 'import site' on initialization
-u     : force the stdout and stderr streams to be unbuffered;
         also PYTHONUNBUFFERED=x
-v     : verbose (trace import statements)
-V     : print the Python version number and exit (also --version)
         when given twice, print more information about the build
-W arg : warning control (sys.warnoptions); also PYTHONWARNINGS=arg
-X opt : set implementation-specific option (stored in sys._xoptions)
--check-hash-based-pycs always|default|never:
         accepted (Ember writes no .pyc files)
--help-env      : print help about Python environment variables and exit
--help-xoptions : print help about implementation-specific -X options and exit
--help-all      : print complete help information and exit

Arguments:
file   : program read from script file
-      : program read from stdin (default; interactive mode if a tty)
arg ...: arguments passed to program in sys.argv[1:]
";

const HELP_ENV: &str = "\
Environment variables that change behavior:
PYTHONPATH      : ':'-separated list of directories prefixed to the default
                  module search path.
PYTHONHASHSEED  : if this variable is set to 'random', a random value is used
                  to seed the hashes of str and bytes objects; an integer fixes
                  the seed (0 disables randomisation).
PYTHONINSPECT   : if this variable is set, it is equivalent to -i.
PYTHONUNBUFFERED: if this variable is set, it is equivalent to -u.
PYTHONSAFEPATH  : if this variable is set, it is equivalent to -P.
PYTHONWARNINGS  : comma-separated warning filters, before those of -W.
EMBER_HOME      : directory holding Ember's Lib/.
EMBER_STDLIB    : CPython 3.11 standard library directory to use after Lib/.
";

const HELP_XOPTIONS: &str = "\
The following implementation-specific options are available:
-X key[=value]: every option is stored in sys._xoptions (value True without '=').
-X dump-bytecode: print the bytecode of every code object of the program
                (script, -c command or piped stdin) instead of running it.
-X jit: compile every function to machine code on its first call; also
        PYTHONJIT=1. -X jit-help lists the JIT's options (jit-list-file,
        jit-auto, the dumps, jit-perfmap, jit-stats-file).
";

/// `Python 3.11.7`, or with `-VV` the full `sys.version`.
fn version_text(count: u32) -> String {
    if count >= 2 {
        format!("Python {}\n", ember_vm::VERSION_STRING)
    } else {
        "Python 3.11.7\n".to_string()
    }
}

enum Program {
    File(String),
    Command(String),
    Module(String),
    Stdin,
}

struct Options {
    cfg: Config,
    program: Program,
    /// -i: the prompt follows the program, even if stdin is not a terminal.
    interactive: bool,
    /// -i or PYTHONINSPECT: exceptions (SystemExit too) are reported instead
    /// of ending the process; the prompt follows if stdin is a terminal or -i.
    inspect: bool,
    safe_path: bool,
    warnoptions: Vec<String>,
}

/// A PYTHON* environment flag as CPython reads it: unset or empty is off, a
/// number is a level, anything else is 1.
fn env_level(cfg: &Config, name: &str) -> u8 {
    if cfg.ignore_environment {
        return 0;
    }
    match std::env::var(name) {
        Ok(v) if !v.is_empty() => v.trim().parse::<u8>().unwrap_or(1),
        _ => 0,
    }
}

/// Parses the command line. `Err` carries the text to print and the exit
/// status: 0 (help, version; printed on stdout) or 2 (usage errors; stderr).
fn parse_args(args: Vec<String>) -> Result<Options, (String, u8)> {
    let prog = args.first().cloned().unwrap_or_else(|| "ember".to_string());
    let mut cfg = Config { orig_argv: args.clone(), ..Config::default() };
    let mut i = 1;
    let mut program = None;
    let mut interactive = false;
    let mut safe_path = false;
    let mut version = 0;
    let mut warnoptions = Vec::new();
    while i < args.len() {
        let a = &args[i];
        if a == "--" {
            i += 1;
            break;
        }
        if let Some(long) = a.strip_prefix("--") {
            match long {
                "version" => version += 1,
                "help" => return Err((format!("{}\n{HELP}", usage(&prog)), 0)),
                "help-env" => return Err((HELP_ENV.to_string(), 0)),
                "help-xoptions" => return Err((HELP_XOPTIONS.to_string(), 0)),
                "help-all" => return Err((format!("{}\n{HELP}\n{HELP_ENV}\n{HELP_XOPTIONS}", usage(&prog)), 0)),
                "check-hash-based-pycs" => {
                    let Some(v) = args.get(i + 1) else {
                        return Err(usage_error(&prog, &format!("Argument expected for the {a} options")));
                    };
                    if !matches!(v.as_str(), "always" | "default" | "never") {
                        return Err(usage_error(
                            &prog,
                            "--check-hash-based-pycs must be one of 'default', 'always', or 'never'",
                        ));
                    }
                    i += 1;
                }
                _ => return Err(usage_error(&prog, &format!("unknown option {a}"))),
            }
            i += 1;
            continue;
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
                    Err(usage_error(&prog, &format!("Argument expected for the -{name} option")))
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
                'W' => warnoptions.push(take_value('W')?),
                'u' => cfg.unbuffered = true,
                'E' => cfg.ignore_environment = true,
                'S' => cfg.no_site = true,
                's' => {}
                'I' => {
                    cfg.isolated = true;
                    cfg.ignore_environment = true;
                    safe_path = true;
                }
                'P' => safe_path = true,
                'B' => cfg.dont_write_bytecode = true,
                'O' => cfg.optimize += 1,
                'v' => cfg.verbose += 1,
                'q' => cfg.quiet = true,
                'i' => interactive = true,
                'b' | 'd' | 'R' => {}
                'V' => version += 1,
                'h' | '?' => return Err((format!("{}\n{HELP}", usage(&prog)), 0)),
                other => return Err(usage_error(&prog, &format!("Unknown option: -{other}"))),
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
    if version > 0 {
        return Err((version_text(version), 0));
    }
    // The environment, unless -E or -I (the options win over it).
    cfg.unbuffered |= env_level(&cfg, "PYTHONUNBUFFERED") > 0;
    let inspect = interactive || env_level(&cfg, "PYTHONINSPECT") > 0;
    safe_path |= env_level(&cfg, "PYTHONSAFEPATH") > 0;
    if !cfg.ignore_environment {
        if let Ok(w) = std::env::var("PYTHONWARNINGS") {
            let env_opts = w.split(',').map(str::trim).filter(|s| !s.is_empty()).map(String::from);
            warnoptions = env_opts.chain(warnoptions).collect();
        }
    }
    cfg.executable = executable_path(&prog);
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
                Program::Stdin
            }
        }
    };
    Ok(Options { cfg, program, interactive, inspect, safe_path, warnoptions })
}

/// `path` made absolute by prefixing the working directory, without
/// normalising it (CPython's `_Py_abspath`: `./a/../b` stays as written).
fn abspath(path: &str) -> String {
    let p = std::path::Path::new(path);
    if p.is_absolute() {
        return path.to_string();
    }
    match std::env::current_dir() {
        Ok(cwd) if path.is_empty() || path == "." => cwd.to_string_lossy().into_owned(),
        Ok(cwd) => cwd.join(p).to_string_lossy().into_owned(),
        Err(_) => path.to_string(),
    }
}

/// An absolute path with `.` and `..` components resolved lexically
/// (symlinks are kept), as `os.path.normpath` does.
fn normpath(path: &str) -> String {
    let mut out = std::path::PathBuf::new();
    for c in std::path::Path::new(path).components() {
        match c {
            std::path::Component::CurDir => {}
            std::path::Component::ParentDir => {
                out.pop();
            }
            other => out.push(other),
        }
    }
    out.to_string_lossy().into_owned()
}

/// `sys.executable` as CPython computes it from argv[0]: a name with a slash
/// is made absolute and normalised (symlinks are kept); a bare name is looked
/// up on PATH; an unfindable one gives ''.
fn executable_path(argv0: &str) -> String {
    if argv0.contains('/') {
        return normpath(&abspath(argv0));
    }
    if argv0.is_empty() {
        return String::new();
    }
    let path = std::env::var("PATH").unwrap_or_default();
    for dir in path.split(':') {
        let candidate = std::path::Path::new(if dir.is_empty() { "." } else { dir }).join(argv0);
        let executable = std::fs::metadata(&candidate).map(|m| {
            use std::os::unix::fs::PermissionsExt;
            m.is_file() && m.permissions().mode() & 0o111 != 0
        });
        if executable.unwrap_or(false) {
            return normpath(&abspath(&candidate.to_string_lossy()));
        }
    }
    String::new()
}

/// `sys.path`: `first` (the script's directory, the working directory for
/// `-m`, '' otherwise) unless -P/-I, then PYTHONPATH's entries made absolute
/// (an empty entry is the working directory) unless -E/-I, then Ember's
/// `Lib/`, then the host's CPython 3.11 standard library if one is installed. Without -S, duplicates are dropped as CPython's `site` does.
fn build_path(cfg: &mut Config, first: Option<String>) {
    let mut path = Vec::new();
    if !cfg.ignore_environment {
        if let Ok(pp) = std::env::var("PYTHONPATH") {
            if !pp.is_empty() {
                path.extend(pp.split(':').map(|p| normpath(&abspath(p))));
            }
        }
    }
    if let Some(lib) = ember_vm::stdlib::lib_dir() {
        path.push(lib.to_string_lossy().into_owned());
    }
    if let Some(host) = ember_vm::stdlib::host_stdlib_dir() {
        path.push(host.to_string_lossy().into_owned());
    }
    if !cfg.no_site {
        let mut seen = std::collections::HashSet::new();
        path.retain(|p| seen.insert(p.clone()));
    }
    if let Some(first) = first {
        path.insert(0, first);
    }
    cfg.path = path;
}

/// Set when a KeyboardInterrupt ended the program: after finalising, the
/// process then kills itself with SIGINT, as CPython does, so that the
/// parent sees death by the signal.
static UNHANDLED_SIGINT: AtomicBool = AtomicBool::new(false);

/// The exit status for an exception that escaped, printing it as CPython does.
fn handle_exit(err: PyErr) -> u8 {
    let exc = err.into_exc();
    if exc.class().is_subtype(&exceptions::SYSTEM_EXIT) {
        let _ = ember_vm::modules::sys::flush_std_streams();
        return system_exit_code(&exc);
    }
    report(&exc);
    if exc.class().is_subtype(&exceptions::KEYBOARD_INTERRUPT) {
        UNHANDLED_SIGINT.store(true, Ordering::Relaxed);
        return 130;
    }
    1
}

/// The status for `SystemExit(code)`: None is 0, an int is taken modulo 256
/// (one too large for a C long is -1, i.e. 255, as in CPython), anything else
/// is printed to stderr and gives 1.
fn system_exit_code(exc: &Obj) -> u8 {
    let code = ember_vm::ops::lookup_attr(exc, "code").ok().flatten();
    let Some(code) = code else { return 0 };
    if code.is_none() {
        return 0;
    }
    if code.isa::<ember_vm::types::int::IntObj>() {
        return ember_vm::types::int::as_i64(&code).map_or(255, |v| (v & 0xff) as u8);
    }
    let text = ember_vm::ops::str_lossy(&code);
    ember_vm::modules::sys::write_stderr(&format!("{text}\n"));
    1
}

/// Reports an uncaught exception through `sys.excepthook`.
fn report(exc: &PyRef) {
    let _ = ember_vm::modules::sys::flush_std_streams();
    let hook = ember_vm::modules::sys::sys_attr("excepthook");
    let tb =
        exc.downcast::<exceptions::ExceptionObj>().and_then(|e| e.traceback()).unwrap_or_else(ember_vm::types::none);
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

/// Reads the script, or CPython's message for a file that cannot be opened.
fn read_file(prog: &str, path: &str) -> Result<Vec<u8>, String> {
    std::fs::read(path).map_err(|e| {
        let code = e.raw_os_error().unwrap_or(2);
        let msg = e.to_string();
        let msg = msg.split(" (os error").next().unwrap_or(&msg).to_string();
        format!("{prog}: can't open file '{}': [Errno {code}] {msg}\n", abspath(path))
    })
}

/// `text` as a Python str literal (repr), for messages quoting paths.
fn py_repr(text: &str) -> String {
    let s = ember_vm::types::str::new_str(text);
    ember_vm::ops::repr(&s).map(|r| ember_vm::ops::str_lossy(&r)).unwrap_or_else(|_| format!("'{text}'"))
}

/// Writes `{sys.executable}: {msg}` to stderr (runpy's error format).
fn runpy_error(msg: &str) -> u8 {
    let _ = ember_vm::modules::sys::flush_std_streams();
    let exe = ember_vm::modules::sys::sys_attr("executable").map(|e| ember_vm::ops::str_lossy(&e)).unwrap_or_default();
    ember_vm::modules::sys::write_stderr(&format!("{exe}: {msg}\n"));
    1
}

fn run(opts: Options) -> u8 {
    let mut cfg = opts.cfg;
    let prog = cfg.orig_argv.first().cloned().unwrap_or_else(|| "ember".to_string());
    // A directory given as the script runs its __main__.py, with the
    // directory (as given, made absolute) first on sys.path.
    let script_dir = match &opts.program {
        Program::File(f) if std::path::Path::new(f).is_dir() => Some(abspath(f)),
        _ => None,
    };
    let first = match &opts.program {
        _ if script_dir.is_some() => script_dir.clone(),
        _ if opts.safe_path || cfg.isolated => None,
        // The directory of the script with symlinks resolved (realpath).
        Program::File(f) => {
            let real = std::fs::canonicalize(f).unwrap_or_else(|_| abspath(f).into());
            Some(real.parent().map(|d| d.to_string_lossy().into_owned()).unwrap_or_default())
        }
        Program::Module(_) => Some(abspath(".")),
        _ => Some(String::new()),
    };
    build_path(&mut cfg, first);
    let stdin_tty = std::io::stdin().is_terminal();
    let prompt_follows = stdin_tty || opts.interactive;
    let interactive_stdin = matches!(opts.program, Program::Stdin) && prompt_follows;
    // sys.flags.interactive is -i only (not a terminal's prompt), as in CPython.
    cfg.interactive = opts.interactive;
    match ember_jit::init(&cfg.xoptions, !cfg.ignore_environment) {
        Ok(ember_jit::Startup::Run) => {}
        Ok(ember_jit::Startup::Exit(text)) => {
            print!("{text}");
            return 0;
        }
        Err(msg) => {
            eprintln!("ember: {msg}");
            return 2;
        }
    }
    let interp = match Interpreter::new(&cfg) {
        Ok(i) => i,
        Err(e) => {
            eprintln!("Fatal Python error: init failed");
            return handle_exit(e);
        }
    };
    if !opts.warnoptions.is_empty() {
        if let Some(sys) = ember_vm::modules::sys::sys_module() {
            let items = opts.warnoptions.iter().map(|w| ember_vm::types::str::new_str(w)).collect();
            let _ = ember_vm::ops::setattr_str(&sys, "warnoptions", &ember_vm::types::list::new_list(items));
        }
    }
    if cfg.xoptions.iter().any(|(k, _)| k == "dump-bytecode") {
        return dump_bytecode(&prog, &opts.program);
    }
    let result = match &opts.program {
        Program::File(_) if script_dir.is_some() => {
            let dir = script_dir.as_deref().unwrap_or_default();
            let main = std::path::Path::new(dir).join("__main__.py");
            if !main.is_file() {
                return runpy_error(&format!("can't find '__main__' module in {}", py_repr(dir)));
            }
            let file = main.to_string_lossy().into_owned();
            match read_file(&prog, &file) {
                Ok(bytes) => ember_vm::source::decode(&bytes, &file)
                    .and_then(|src| interp.run_main(&src, &file, Some(&file)))
                    .map(drop),
                Err(msg) => {
                    eprint!("{msg}");
                    return 2;
                }
            }
        }
        Program::File(f) => match read_file(&prog, f) {
            // __file__ and traceback file names are the path made absolute.
            Ok(bytes) => {
                let file = abspath(f);
                ember_vm::source::decode(&bytes, &file)
                    .and_then(|src| interp.run_main(&src, &file, Some(&file)))
                    .map(drop)
            }
            Err(msg) => {
                eprint!("{msg}");
                return 2;
            }
        },
        Program::Command(c) => interp.run_main(c, "<string>", None).map(drop),
        Program::Module(m) => match ember_vm::import::find_main_module(m) {
            Ok((name, file)) => ember_vm::import::run_module_as_main(&name, &file).map(drop),
            Err(ember_vm::import::MainModuleError::Raised(e)) => Err(e),
            Err(ember_vm::import::MainModuleError::NotFound(msg)) => return runpy_error(&msg),
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
        // -i/PYTHONINSPECT: any exception, SystemExit included, is reported
        // as a traceback; with a prompt to follow, the status is the prompt's.
        Err(e) if opts.inspect => {
            report(&e.into_exc());
            1
        }
        Err(e) => handle_exit(e),
    };
    if opts.inspect && prompt_follows {
        return repl::run(&interp, true);
    }
    ember_jit::finish();
    let finish = ember_vm::finalize();
    if ember_vm::modules::sys::flush_std_streams().is_err() {
        return if status == 0 { 120 } else { status };
    }
    if let Err(e) = finish {
        return handle_exit(e);
    }
    status
}

/// `-X dump-bytecode`: prints the disassembly of the program's code objects.
fn dump_bytecode(prog: &str, program: &Program) -> u8 {
    let (source, file) = match program {
        Program::File(f) => match read_file(prog, f) {
            Ok(bytes) => {
                let file = abspath(f);
                match ember_vm::source::decode(&bytes, &file) {
                    Ok(src) => (src, file),
                    Err(e) => return handle_exit(e),
                }
            }
            Err(msg) => {
                eprint!("{msg}");
                return 2;
            }
        },
        Program::Command(c) => (c.clone(), "<string>".to_string()),
        Program::Stdin => {
            let mut src = String::new();
            let _ = std::io::stdin().read_to_string(&mut src);
            (src, "<stdin>".to_string())
        }
        Program::Module(_) => {
            eprintln!("{prog}: -X dump-bytecode takes a script, -c or stdin, not -m");
            return 2;
        }
    };
    match ember_vm::disassemble_source(&source, &file) {
        Ok(text) => {
            print!("{text}");
            0
        }
        Err(e) => handle_exit(e),
    }
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
    signals::install_handler();
    let handle = std::thread::Builder::new().name("ember".into()).stack_size(STACK_SIZE).spawn(move || {
        let here = ember_vm::eval::frame::stack_pointer();
        ember_vm::eval::set_native_stack_limit(here.saturating_sub(STACK_SIZE - STACK_MARGIN));
        let code = run(opts);
        // A child made by os.fork has no main thread to return to.
        if ember_vm::modules::posix::in_forked_child() {
            std::process::exit(code.into());
        }
        code
    });
    signals::block_in_this_thread();
    match handle.map(|h| h.join()) {
        Ok(Ok(_)) if UNHANDLED_SIGINT.load(Ordering::Relaxed) => ExitCode::from(signals::die_by_sigint()),
        Ok(Ok(code)) => ExitCode::from(code),
        _ => {
            eprintln!("Fatal Python error: the interpreter thread failed");
            ExitCode::from(1)
        }
    }
}

//! The JIT's user interface: `-X jit` options and their environment
//! variables, jit-list deployments (exactly the listed functions compile),
//! jit-list errors, deopt statistics, the dumps, the statistics file, the
//! perf map and the `cinderjit` module. Behaviour of compiled code itself is
//! covered by running every differential case under `-X jit`
//! (`differential.rs`); here programs check what only the JIT can report.
//!
//! Every child runs with the test environment's PYTHON* variables removed and
//! a timeout. Only std is used.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

const TIMEOUT: Duration = Duration::from_secs(120);

struct Out {
    stdout: String,
    stderr: String,
    code: i32,
}

/// A scratch directory for one test.
fn scratch(name: &str) -> PathBuf {
    let d = std::env::temp_dir().join(format!("ember-jit-test-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).expect("scratch dir");
    d
}

fn write(dir: &Path, name: &str, text: &str) -> String {
    let p = dir.join(name);
    std::fs::write(&p, text).expect("write file");
    p.display().to_string()
}

/// Runs ember with `args` in `dir` and extra environment `env`.
fn ember(dir: &Path, args: &[&str], env: &[(&str, &str)]) -> Out {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_ember"));
    cmd.args(args).current_dir(dir).stdin(Stdio::null()).stdout(Stdio::piped()).stderr(Stdio::piped());
    for (k, _) in std::env::vars() {
        if k.starts_with("PYTHON") {
            cmd.env_remove(k);
        }
    }
    for (k, v) in env {
        cmd.env(k, v);
    }
    let mut child = cmd.spawn().expect("spawn ember");
    let start = Instant::now();
    loop {
        if child.try_wait().expect("wait").is_some() {
            break;
        }
        if start.elapsed() > TIMEOUT {
            let _ = child.kill();
            panic!("ember {args:?} timed out");
        }
        std::thread::sleep(Duration::from_millis(10));
    }
    let out = child.wait_with_output().expect("output");
    Out {
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
        code: out.status.code().unwrap_or(-1),
    }
}

fn ok(out: &Out) -> &str {
    assert_eq!(out.code, 0, "stdout:\n{}\nstderr:\n{}", out.stdout, out.stderr);
    &out.stdout
}

const DEPLOYMENT: &str = r#"
import cinderjit

def hot(x):
    return x * 2

def cold(x):
    return x + 1

class Handler:
    def get(self, n):
        return n - 1
    def post(self, n):
        return n + 1

h = Handler()
for i in range(3):
    hot(i); cold(i); h.get(i); h.post(i)
print("hot", cinderjit.is_jit_compiled(hot))
print("cold", cinderjit.is_jit_compiled(cold))
print("get", cinderjit.is_jit_compiled(Handler.get))
print("post", cinderjit.is_jit_compiled(Handler.post))
print(sorted(cinderjit.get_compiled_functions()))
"#;

#[test]
fn jit_list_compiles_exactly_the_listed_functions() {
    let d = scratch("list");
    let prog = write(&d, "app.py", DEPLOYMENT);
    let list = write(&d, "hot.txt", "# profiled hot functions\n__main__:hot\n\n  __main__:Handler.get  \n");
    let x = format!("jit-list-file={list}");
    let out = ember(&d, &["-X", &x, &prog], &[]);
    assert_eq!(ok(&out), "hot True\ncold False\nget True\npost False\n['__main__:Handler.get', '__main__:hot']\n");
    // The environment variable does the same; -X wins over it.
    let out = ember(&d, &[&prog], &[("PYTHONJITLISTFILE", &list)]);
    assert!(ok(&out).starts_with("hot True\ncold False\nget True\npost False\n"));
    let other = write(&d, "other.txt", "__main__:cold\n");
    let out = ember(&d, &["-X", &format!("jit-list-file={other}"), &prog], &[("PYTHONJITLISTFILE", &list)]);
    assert!(ok(&out).starts_with("hot False\ncold True\n"), "{}", out.stdout);
    // Wildcards and qualname@file forms.
    let wild = write(&d, "wild.txt", "__main__:*.post\nhot@app.py:4\n");
    let out = ember(&d, &["-X", &format!("jit-list-file={wild}"), &prog], &[]);
    assert!(ok(&out).starts_with("hot True\ncold False\nget False\npost True\n"), "{}", out.stdout);
}

#[test]
fn every_function_compiles_with_x_jit_and_env() {
    let d = scratch("all");
    let prog = write(&d, "app.py", DEPLOYMENT);
    let out = ember(&d, &["-X", "jit", &prog], &[]);
    assert!(ok(&out).starts_with("hot True\ncold True\nget True\npost True\n"), "{}", out.stdout);
    let out = ember(&d, &[&prog], &[("PYTHONJIT", "1")]);
    assert!(ok(&out).starts_with("hot True\ncold True\n"), "{}", out.stdout);
    // -E ignores the environment.
    let out = ember(&d, &["-E", &prog], &[("PYTHONJIT", "1")]);
    assert!(ok(&out).starts_with("hot False\ncold False\n"), "{}", out.stdout);
    let out = ember(&d, &[&prog], &[]);
    assert!(ok(&out).starts_with("hot False\n"), "{}", out.stdout);
}

#[test]
fn jit_auto_compiles_after_n_calls() {
    let d = scratch("auto");
    let prog = write(
        &d,
        "auto.py",
        "import cinderjit\ndef f(x):\n    return x\nfor i in range(5):\n    f(i)\n    print(i, cinderjit.is_jit_compiled(f))\n",
    );
    let out = ember(&d, &["-X", "jit-auto=3", &prog], &[]);
    assert_eq!(ok(&out), "0 False\n1 False\n2 False\n3 True\n4 True\n");
}

#[test]
fn malformed_jit_list_stops_startup() {
    let d = scratch("malformed");
    let prog = write(&d, "p.py", "print('ran')\n");
    let list = write(&d, "bad.txt", "__main__:ok\nno_colon_here\n");
    let out = ember(&d, &["-X", &format!("jit-list-file={list}"), &prog], &[]);
    assert_eq!(out.code, 2);
    assert_eq!(out.stdout, "");
    assert!(out.stderr.starts_with(&format!("ember: jit-list {list}:2: ")), "{}", out.stderr);
    let missing = d.join("missing.txt").display().to_string();
    let out = ember(&d, &["-X", &format!("jit-list-file={missing}"), &prog], &[]);
    assert_eq!(out.code, 2);
    assert!(out.stderr.starts_with(&format!("ember: jit-list {missing}:0: ")), "{}", out.stderr);
    let out = ember(&d, &["-X", "jit-nonsense", &prog], &[]);
    assert_eq!(out.code, 2);
    assert!(out.stderr.contains("unknown JIT option -X jit-nonsense"), "{}", out.stderr);
    let out = ember(&d, &["-X", "jit-auto=many", &prog], &[]);
    assert_eq!(out.code, 2);
}

#[test]
fn jit_help_lists_every_option() {
    let d = scratch("help");
    let out = ember(&d, &["-X", "jit-help"], &[]);
    let text = ok(&out);
    for opt in [
        "jit",
        "jit-list-file",
        "jit-auto",
        "jit-list-match-line-numbers",
        "jit-dump-hir",
        "jit-dump-hir-passes",
        "jit-dump-final-hir",
        "jit-dump-lir",
        "jit-dump-asm",
        "jit-perfmap",
        "jit-stats-file",
        "jit-help",
    ] {
        assert!(text.contains(&format!("-X {opt}")), "{opt} missing from:\n{text}");
    }
}

#[test]
fn deopt_events_are_counted_with_reason_and_line() {
    let d = scratch("stats");
    let prog = write(
        &d,
        "stats.py",
        r#"import cinderjit
def get(d, k):
    return d[k]
for k in ["a", "b", "a"]:
    try:
        get({"a": 1}, k)
    except KeyError:
        pass
def unbound(flag):
    if flag:
        x = 1
    return x
try:
    unbound(False)
except UnboundLocalError as e:
    print(e)
stats = cinderjit.get_and_clear_runtime_stats()["deopt"]
for e in sorted(stats, key=lambda e: e["int"]["lineno"]):
    print(e["normal"]["func_qualname"], e["normal"]["reason"], e["int"]["lineno"], e["int"]["count"])
print(cinderjit.get_and_clear_runtime_stats())
"#,
    );
    let out = ember(&d, &["-X", "jit", &prog], &[]);
    assert_eq!(
        ok(&out),
        "cannot access local variable 'x' where it is not associated with a value\n\
         get Raise 3 1\nunbound UnboundLocal 12 1\n{'deopt': []}\n"
    );
}

#[test]
fn cinderjit_api() {
    let d = scratch("api");
    let prog = write(
        &d,
        "api.py",
        r#"import cinderjit
def f(a, b):
    return a + b
@cinderjit.jit_suppress
def g(a):
    return a
def gen():
    yield 1
async def agen():
    yield 1
print(cinderjit.is_enabled(), cinderjit.is_jit_compiled(f))
print(cinderjit.force_compile(f), cinderjit.is_jit_compiled(f), f(2, 3))
print(cinderjit.get_compiled_size(f) > 0, cinderjit.get_function_compilation_time(f) >= 0)
print(g(1), cinderjit.is_jit_compiled(g), cinderjit.force_compile(g))
print(list(gen()), cinderjit.force_compile(gen), cinderjit.force_compile(agen))
failures = cinderjit.get_compile_failures()
print(sorted(failures))
print(failures["__main__:agen"])
cinderjit.print_hir(f)
cinderjit.append_jit_list("mod:Cls.meth")
print(cinderjit.get_jit_list())
try:
    cinderjit.append_jit_list("nocolon")
except ValueError as e:
    print("ValueError")
print(isinstance(cinderjit.get_compilation_time(), int))
cinderjit.disable()
def h():
    return 1
h()
print(cinderjit.is_enabled(), cinderjit.is_jit_compiled(h))
cinderjit.enable()
h()
print(cinderjit.is_enabled(), cinderjit.is_jit_compiled(h))
cinderjit.append_jit_list("__main__:listed")
def listed():
    return 2
listed()
print(cinderjit.is_jit_compiled(listed))
"#,
    );
    let out = ember(&d, &[&prog], &[]);
    let text = ok(&out);
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines[0], "False False");
    assert_eq!(lines[1], "True True 5");
    assert_eq!(lines[2], "True True");
    assert_eq!(lines[3], "1 False False");
    assert_eq!(lines[4], "[1] True False");
    assert_eq!(lines[5], "['__main__:agen']");
    assert_eq!(lines[6], "async generators run interpreted");
    assert!(text.contains("fun __main__:f"), "print_hir output missing:\n{text}");
    assert!(text.contains("BinaryOp<Add>"), "{text}");
    assert!(text.contains("['mod:Cls.meth']"), "{text}");
    assert!(text.contains("ValueError\nTrue\n"), "{text}");
    // Once a list exists (append_jit_list), only listed functions compile.
    assert!(text.ends_with("False False\nTrue False\nTrue\n"), "{text}");
}

#[test]
fn dumps_stats_file_and_perfmap() {
    let d = scratch("dumps");
    let prog = write(&d, "p.py", "def f(a, b):\n    return (a + b) * 2\nprint(f(1, 2))\n");
    let out = ember(&d, &["-X", "jit", "-X", "jit-dump-hir", "-X", "jit-dump-final-hir", &prog], &[]);
    assert_eq!(ok(&out), "6\n");
    assert!(out.stderr.contains("HIR of __main__:f (as built)"), "{}", out.stderr);
    assert!(out.stderr.contains("final HIR of __main__:f"), "{}", out.stderr);
    assert!(out.stderr.contains("Decref"), "refcount operations are explicit:\n{}", out.stderr);
    let out = ember(&d, &["-X", "jit", "-X", "jit-dump-hir-passes", &prog], &[]);
    for pass in [
        "Simplify",
        "GuardTypeRemoval",
        "PhiElimination",
        "DeadCodeElimination",
        "CleanCFG",
        "RefcountInsertion",
        "RefcountElision",
    ] {
        assert!(out.stderr.contains(&format!("before {pass}")), "{pass}:\n{}", out.stderr);
        assert!(out.stderr.contains(&format!("after {pass}")), "{pass}:\n{}", out.stderr);
    }
    let out = ember(&d, &["-X", "jit", "-X", "jit-dump-lir", "-X", "jit-dump-asm", &prog], &[]);
    assert!(out.stderr.contains("CLIF of __main__:f"), "{}", out.stderr);
    assert!(out.stderr.contains("call_indirect"), "{}", out.stderr);
    assert!(out.stderr.contains("machine code of __main__:f"), "{}", out.stderr);
    // Machine code ranges name the HIR instruction they came from.
    assert!(out.stderr.contains("HIR origins"), "{}", out.stderr);
    assert!(out.stderr.lines().any(|l| l.contains(" BinaryOp") && l.contains("..")), "{}", out.stderr);
    let stats = d.join("stats.json");
    let x = format!("jit-stats-file={}", stats.display());
    let out = ember(&d, &["-X", "jit", "-X", &x, &prog], &[]);
    ok(&out);
    let json = std::fs::read_to_string(&stats).expect("stats file written");
    assert!(json.contains("\"compiled_functions\": 1"), "{json}");
    assert!(json.contains("\"code_bytes\""), "{json}");
    // The perf map (/tmp/perf-<pid>.map) names the compiled function.
    let name = format!("perfmap_probe_{}", std::process::id());
    let perf = write(&d, "perf.py", &format!("def {name}():\n    return 1\nprint({name}())\n"));
    let out = ember(&d, &["-X", "jit", "-X", "jit-perfmap", &perf], &[]);
    assert_eq!(ok(&out), "1\n");
    let mut found = false;
    for entry in std::fs::read_dir("/tmp").expect("/tmp").flatten() {
        let file = entry.file_name().to_string_lossy().into_owned();
        if !(file.starts_with("perf-") && file.ends_with(".map")) {
            continue;
        }
        let text = std::fs::read_to_string(entry.path()).unwrap_or_default();
        if text.lines().any(|l| l.ends_with(&format!(" __main__:{name}"))) {
            found = true;
            let _ = std::fs::remove_file(entry.path());
        }
    }
    assert!(found, "no /tmp/perf-*.map names __main__:{name}");
}

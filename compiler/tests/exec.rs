//! Execution tests: each `tests/exec/*.py` program is compiled by Ember, its
//! code units are translated to CPython 3.11 code objects (`translate.py`) and
//! run; the output must equal CPython's own run of the program. Skipped when
//! `python3` is not CPython 3.11.

use ember_compiler::bytecode::Opcode;
use ember_compiler::dis::{const_repr, float_repr};
use ember_compiler::{compile, linetable, CodeUnit, Constant, Mode};
use std::fmt::Write;
use std::path::Path;
use std::process::Command;

fn py_const(c: &Constant, out: &mut String) {
    match c {
        Constant::None => out.push_str("('none',)"),
        Constant::Ellipsis => out.push_str("('ellipsis',)"),
        Constant::Bool(b) => out.push_str(if *b { "('bool', True)" } else { "('bool', False)" }),
        Constant::Int(i) => {
            let _ = write!(out, "('int', {i})");
        }
        Constant::Float(f) => {
            let _ = write!(out, "('float', '{}')", float_repr(*f));
        }
        Constant::Complex { real, imag } => {
            let _ = write!(out, "('complex', '{}', '{}')", float_repr(*real), float_repr(*imag));
        }
        Constant::Str(_) | Constant::Bytes(_) => {
            let _ = write!(out, "('v', {})", const_repr(c));
        }
        Constant::Tuple(items) => {
            out.push_str("('tuple', [");
            for i in items {
                py_const(i, out);
                out.push_str(", ");
            }
            out.push_str("])");
        }
        Constant::Code(code) => {
            out.push_str("('code', ");
            py_code(code, out);
            out.push(')');
        }
    }
}

fn py_str(s: &str) -> String {
    const_repr(&Constant::Str(s.to_string()))
}

fn py_code(c: &CodeUnit, out: &mut String) {
    let strs = |v: &[String]| v.iter().map(|s| py_str(s)).collect::<Vec<_>>().join(", ");
    let _ = write!(
        out,
        "{{'name': {}, 'qualname': {}, 'filename': {}, 'first_line': {}, 'flags': {}, 'argcount': {}, \
         'posonly': {}, 'kwonly': {}, 'stacksize': {}, 'localsplus': [{}], 'kinds': {:?}, 'names': [{}], \
         'code': {:?}, 'doc': {}, 'exc': [",
        py_str(&c.name),
        py_str(&c.qualname),
        py_str(&c.filename),
        c.first_line,
        c.flags,
        c.arg_count,
        c.posonly_arg_count,
        c.kwonly_arg_count,
        c.stack_size,
        strs(&c.localsplus_names),
        c.localsplus_kinds,
        strs(&c.names),
        c.code,
        c.docstring.as_deref().map_or("None".to_string(), py_str),
    );
    for e in &c.exception_table {
        let _ = write!(out, "({}, {}, {}, {}, {}), ", e.start, e.end, e.target, e.depth, e.push_lasti as u8);
    }
    out.push_str("], 'positions': [");
    for p in linetable::decode(&c.line_table) {
        if p.line == 0 {
            out.push_str("None, ");
        } else {
            let _ = write!(out, "({}, {}, {}, {}), ", p.line, p.end_line, p.col, p.end_col);
        }
    }
    out.push_str("], 'consts': [");
    for k in &c.consts {
        py_const(k, out);
        out.push_str(", ");
    }
    out.push_str("]}");
}

fn python_is_311() -> bool {
    Command::new("python3")
        .args(["-c", "import sys; assert sys.version_info[:2] == (3, 11)"])
        .status()
        .is_ok_and(|s| s.success())
}

fn run(args: &[&str]) -> String {
    let out = Command::new("python3").args(args).output().expect("python3 runs");
    let mut s = String::from_utf8_lossy(&out.stdout).into_owned();
    if !out.status.success() {
        let err = String::from_utf8_lossy(&out.stderr);
        let last = err.lines().last().unwrap_or("");
        let _ = write!(s, "<exit {:?}: {last}>", out.status.code());
    }
    s
}

#[test]
fn programs_behave_as_on_cpython() {
    if !python_is_311() {
        eprintln!("python3 is not CPython 3.11; skipping");
        return;
    }
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/exec");
    let translator = dir.join("translate.py");
    let tmp = std::env::temp_dir().join(format!("ember-exec-{}", std::process::id()));
    std::fs::create_dir_all(&tmp).expect("temp dir");
    let mut files: Vec<_> = std::fs::read_dir(&dir).expect("tests/exec").flatten().map(|e| e.path()).collect();
    files.sort();
    let mut failures = Vec::new();
    let mut count = 0;
    for path in files.iter().filter(|p| p.extension().is_some_and(|e| e == "py") && *p != &translator) {
        count += 1;
        let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
        let source = std::fs::read_to_string(path).expect("readable program");
        let code = match compile(&source, &name, Mode::Exec) {
            Ok(c) => c,
            Err(e) => {
                failures.push(format!("{name}: {}:{}: {}", e.line, e.offset, e.msg));
                continue;
            }
        };
        let mut dump = String::from("{'opnames': [");
        for i in 0..=255u8 {
            let n = Opcode::from_u8(i).map_or("<none>", |o| o.name());
            let _ = write!(dump, "'{n}', ");
        }
        dump.push_str("], 'code': ");
        py_code(&code, &mut dump);
        dump.push('}');
        let dump_path = tmp.join(format!("{name}.dump"));
        std::fs::write(&dump_path, dump).expect("dump written");
        let expected = run(&[path.to_str().unwrap_or_default()]);
        let actual = run(&[translator.to_str().unwrap_or_default(), dump_path.to_str().unwrap_or_default()]);
        if expected != actual {
            failures.push(format!("{name}:\n--- cpython\n{expected}\n--- ember\n{actual}"));
        }
    }
    if std::env::var("EMBER_KEEP_DUMPS").is_err() {
        let _ = std::fs::remove_dir_all(&tmp);
    } else {
        eprintln!("dumps kept in {}", tmp.display());
    }
    assert!(count > 0);
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

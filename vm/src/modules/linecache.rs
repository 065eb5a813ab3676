//! The `_linecache` module: `getlines(filename)` reads a source file's lines
//! (with their line endings) for `linecache.py`, which the warnings and
//! traceback modules use to show source lines.

use crate::object::PyRef;
use crate::runtime::PyResult;
use crate::types::list::new_list;
use crate::types::module::{new_module, ModuleObj};
use crate::types::str::{from_string, StrObj};
use crate::types::typeobj::{Args, MethodDef};
use crate::util::args;

/// Splits text after each line terminator that `str.splitlines(keepends=True)`
/// treats as one for source files (`\n`, `\r\n`, `\r`).
fn split_keepends(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut start = 0;
    let b = text.as_bytes();
    let mut i = 0;
    while i < b.len() {
        match b[i] {
            b'\n' => {
                out.push(text[start..=i].to_string());
                start = i + 1;
            }
            b'\r' => {
                let end = if b.get(i + 1) == Some(&b'\n') { i + 2 } else { i + 1 };
                out.push(text[start..end].to_string());
                start = end;
                i = end - 1;
            }
            _ => {}
        }
        i += 1;
    }
    if start < text.len() {
        out.push(text[start..].to_string());
    }
    out
}

/// `getlines(filename)`: the lines of the file, or `[]` if it cannot be read.
fn getlines(a: Args) -> PyResult {
    let [name] = args::exact::<1>(a, "getlines")?;
    let Some(name) = name.downcast::<StrObj>() else { return Ok(new_list(vec![])) };
    let lines = match std::fs::read(name.as_str()) {
        Ok(bytes) => split_keepends(&String::from_utf8_lossy(&bytes)),
        Err(_) => Vec::new(),
    };
    Ok(new_list(lines.into_iter().map(from_string).collect()))
}

static FUNCS: &[MethodDef] = &[MethodDef::method("getlines", getlines)];

pub fn init() -> PyResult<PyRef> {
    let m = new_module("_linecache");
    m.downcast::<ModuleObj>().expect("module").add_functions(&m, FUNCS);
    Ok(m)
}

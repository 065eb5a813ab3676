//! The `_sre` module: the native core under CPython's pure-Python `re`
//! package (`re/_compiler.py` turns a pattern into sre bytecode and calls
//! `_sre.compile`). The constants and helper functions `re` uses live here;
//! `pattern.rs` + `pattern_ops.rs` are `re.Pattern`, `matchobj.rs` is
//! `re.Match`, `scanner.rs` is `_sre.SRE_Scanner`, `validate.rs` checks code
//! before it is accepted, `engine.rs` runs it with `rustpython-sre_engine`,
//! and `subject.rs` handles the str/bytes text a pattern runs over.
//!
//! `MAGIC` is CPython 3.11's (20220615). The engine crate's own constant is
//! 3.12's (20221023): 3.12 changed `_sre`'s template API, not the bytecode,
//! so the opcode, AT and CATEGORY numbering the engine executes is 3.11's.

mod engine;
mod matchobj;
mod pattern;
mod pattern_ops;
mod scanner;
mod subject;
mod validate;

use crate::object::{Obj, PyRef};
use crate::runtime::{PyErr, PyResult};
use crate::types::bytes_args::{c_int_arg, clinic, ssize_arg};
use crate::types::dict::DictObj;
use crate::types::int::{self, IntObj};
use crate::types::list::ListObj;
use crate::types::module::{new_module, ModuleObj};
use crate::types::new_bool;
use crate::types::str::new_str;
use crate::types::tuple::TupleObj;
use crate::types::typeobj::{Args, MethodDef, TypeObj};

use pattern::{new_pattern, PatternObj};
use rustpython_sre_engine::{SreAtCode, SreOpcode};

/// The version of the code format `re/_compiler.py` checks.
const MAGIC: i64 = 20_220_615;
/// Bytes per code word.
const CODESIZE: i64 = 4;
/// The "unbounded" repeat count.
const MAXREPEAT: u32 = rustpython_sre_engine::MAXREPEAT as u32;
/// CPython's limit on the number of groups (`INT32_MAX / 2`).
const MAXGROUPS: i64 = (i32::MAX / 2) as i64;

/// The static types of `_sre` (readied at start-up).
pub fn types() -> Vec<&'static TypeObj> {
    vec![&pattern::PATTERN_TYPE.0, &matchobj::MATCH_TYPE.0, &scanner::SCANNER_TYPE.0]
}

/// A code word: an int in 0..2**32 (`PyLong_AsUnsignedLong`, then CPython's
/// size check).
fn code_word(o: &Obj) -> PyResult<u32> {
    let i = o.downcast::<IntObj>().ok_or_else(|| PyErr::type_error("an integer is required"))?;
    if i.is_negative() {
        return Err(PyErr::overflow_error("can't convert negative value to unsigned int"));
    }
    use num_traits::ToPrimitive;
    let v = i
        .to_bigint()
        .to_u64()
        .ok_or_else(|| PyErr::overflow_error("Python int too large to convert to C unsigned long"))?;
    u32::try_from(v).map_err(|_| PyErr::overflow_error("regular expression code size limit exceeded"))
}

fn arg_type_error(name: &str, want: &str, got: &Obj) -> PyErr {
    PyErr::type_error(format!("compile() argument '{name}' must be {want}, not {}", got.class().name()))
}

/// `compile(pattern, flags, code, groups, groupindex, indexgroup)`.
fn compile(a: Args) -> PyResult {
    let names = ["pattern", "flags", "code", "groups", "groupindex", "indexgroup"];
    let [pattern, flags, code, groups, groupindex, indexgroup] = clinic(a, "compile", names, 0, 6)?;
    let [pattern, flags, code, groups, groupindex, indexgroup] =
        [pattern, flags, code, groups, groupindex, indexgroup].map(|o| o.expect("required arguments are present"));
    let flags = c_int_arg(flags)?;
    let code = code.downcast::<ListObj>().ok_or_else(|| arg_type_error("code", "list", code))?.to_vec();
    let groups = ssize_arg(groups)?;
    let gi = groupindex.downcast::<DictObj>().ok_or_else(|| arg_type_error("groupindex", "dict", groupindex))?;
    if !indexgroup.isa::<TupleObj>() {
        return Err(arg_type_error("indexgroup", "tuple", indexgroup));
    }
    let words = code.iter().map(|w| code_word(w)).collect::<PyResult<Vec<u32>>>()?;
    let kind = subject::kind_of_source(pattern)?;
    if !(0..MAXGROUPS).contains(&groups) || !validate::validate(&words, groups as usize) {
        return Err(PyErr::runtime_error("invalid SRE code"));
    }
    // Validated code ends with SUCCESS.
    let mut full = words[..words.len() - 1].to_vec();
    full.extend([SreOpcode::AT as u32, SreAtCode::END_STRING as u32, SreOpcode::SUCCESS as u32]);
    Ok(new_pattern(PatternObj {
        ob: Obj::new(&pattern::PATTERN_TYPE.0),
        code: words.into_boxed_slice(),
        full_code: full.into_boxed_slice(),
        pattern: pattern.to_owned(),
        flags,
        groups: groups as usize,
        groupindex: gi.copy(),
        indexgroup: indexgroup.to_owned(),
        kind,
    }))
}

fn getcodesize(a: Args) -> PyResult {
    crate::util::args::exact_fn::<0>(a, "getcodesize")?;
    Ok(int::new_int(CODESIZE))
}

/// The `character` argument of the case helpers (a C int).
fn character(a: Args, name: &str) -> PyResult<i64> {
    let [c] = clinic(a, name, ["character"], 1, 1)?;
    c_int_arg(c.expect("required"))
}

/// CPython's one-character `Py_UNICODE_TOLOWER`/`TOUPPER`: the first
/// character of the full mapping; code points beyond Unicode map to
/// themselves.
fn simple_case(c: i64, push: fn(&mut String, char)) -> i64 {
    let Some(ch) = u32::try_from(c).ok().and_then(char::from_u32) else {
        return c;
    };
    let mut s = String::new();
    push(&mut s, ch);
    s.chars().next().map_or(c, |m| m as i64)
}

fn ascii_iscased(a: Args) -> PyResult {
    let c = character(a, "ascii_iscased")?;
    Ok(new_bool((0..128).contains(&c) && (c as u8).is_ascii_alphabetic()))
}

fn unicode_iscased(a: Args) -> PyResult {
    let c = character(a, "unicode_iscased")?;
    use crate::types::str_chars::{push_lower, push_upper};
    Ok(new_bool(simple_case(c, push_lower) != c || simple_case(c, push_upper) != c))
}

fn ascii_tolower(a: Args) -> PyResult {
    let c = character(a, "ascii_tolower")?;
    Ok(int::new_int(if (0..128).contains(&c) { (c as u8).to_ascii_lowercase() as i64 } else { c }))
}

fn unicode_tolower(a: Args) -> PyResult {
    let c = character(a, "unicode_tolower")?;
    Ok(int::new_int(simple_case(c, crate::types::str_chars::push_lower)))
}

static FUNCTIONS: &[MethodDef] = &[
    MethodDef::method("compile", compile),
    MethodDef::method("getcodesize", getcodesize),
    MethodDef::method("ascii_iscased", ascii_iscased),
    MethodDef::method("unicode_iscased", unicode_iscased),
    MethodDef::method("ascii_tolower", ascii_tolower),
    MethodDef::method("unicode_tolower", unicode_tolower),
];

pub fn init() -> PyResult<PyRef> {
    let m = new_module("_sre");
    let mo = m.downcast::<ModuleObj>().expect("module");
    mo.set_attr("MAGIC", int::new_int(MAGIC));
    mo.set_attr("CODESIZE", int::new_int(CODESIZE));
    mo.set_attr("MAXREPEAT", int::new_int(MAXREPEAT as i64));
    mo.set_attr("MAXGROUPS", int::new_int(MAXGROUPS));
    mo.set_attr("copyright", new_str(" SRE 2.2.2 Copyright (c) 1997-2002 by Secret Labs AB "));
    mo.add_functions(&m, FUNCTIONS);
    Ok(m)
}

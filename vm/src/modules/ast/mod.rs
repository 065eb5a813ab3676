//! The `_ast` module: the node classes under the host's pure-Python `ast`,
//! and `compile(..., flags=PyCF_ONLY_AST)`, which parses source into a tree
//! of those classes.
//!
//! - `nodes.rs`: the class table (names, bases, ASDL fields) and class creation;
//! - `base.rs`: `ast.AST` itself (instance dict, `__init__`);
//! - `to_py.rs` + `positions.rs`: the parser's tree -> node objects with
//!   CPython's positions.

mod base;
mod nodes;
mod positions;
mod to_py;

use crate::object::PyRef;
use crate::runtime::{PyErr, PyResult};
use crate::types::module::{new_module, ModuleObj};
use crate::types::typeobj::TypeObj;
use std::rc::Rc;

pub use base::AST_TYPE;

/// `compile()` flag: return the tree instead of a code object.
pub const PYCF_ONLY_AST: i64 = 0x400;
/// `compile()` flag: keep type comments (accepted; Ember's parser drops them).
pub const PYCF_TYPE_COMMENTS: i64 = 0x1000;
/// `compile()` flag: allow `await` at top level (accepted).
pub const PYCF_ALLOW_TOP_LEVEL_AWAIT: i64 = 0x2000;

/// The classes of the most recently initialised `_ast` module; trees are
/// built from them.
static CLASSES: crate::object::Static<std::cell::RefCell<Option<Rc<nodes::Classes>>>> =
    crate::object::Static(std::cell::RefCell::new(None));

pub fn init() -> PyResult<PyRef> {
    base::finish_base_type();
    let classes = Rc::new(nodes::create_classes()?);
    let m = new_module("_ast");
    let mo = m.downcast::<ModuleObj>().ok_or_else(|| PyErr::system_error("_ast: module"))?;
    mo.set_attr("AST", AST_TYPE.as_obj_ref().to_owned());
    for (spec, cls) in nodes::NODES.iter().zip(&classes.types) {
        mo.set_attr(spec.name, cls.clone());
    }
    mo.set_attr("PyCF_ONLY_AST", crate::types::int::new_int(PYCF_ONLY_AST));
    mo.set_attr("PyCF_TYPE_COMMENTS", crate::types::int::new_int(PYCF_TYPE_COMMENTS));
    mo.set_attr("PyCF_ALLOW_TOP_LEVEL_AWAIT", crate::types::int::new_int(PYCF_ALLOW_TOP_LEVEL_AWAIT));
    *CLASSES.borrow_mut() = Some(classes);
    Ok(m)
}

fn classes() -> PyResult<Rc<nodes::Classes>> {
    if let Some(c) = CLASSES.borrow().as_ref() {
        return Ok(c.clone());
    }
    crate::import::import_module("_ast")?;
    CLASSES.borrow().clone().ok_or_else(|| PyErr::system_error("_ast did not initialise"))
}

/// Static types of the module.
pub fn types() -> Vec<&'static TypeObj> {
    vec![&AST_TYPE.0]
}

/// Whether `o` is an `ast.AST` instance.
pub fn is_ast(o: &crate::object::Obj) -> bool {
    o.class().is_subtype(&AST_TYPE)
}

/// `compile(source, filename, mode, flags=PyCF_ONLY_AST)`: the tree of
/// `source` for mode `exec`, `eval`, `single` or `func_type`.
pub fn parse(text: &str, filename: &str, mode: &str) -> PyResult {
    let classes = classes()?;
    let conv = to_py::ToPy { classes: &classes, pos: positions::Positions::new(text, filename) };
    let parsed = |m| ember_compiler::parse(text, filename, m).map_err(|e| crate::syntax_error(&e));
    match mode {
        "exec" => match parsed(ember_compiler::Mode::Exec)? {
            ember_compiler::Parsed::Body(b) => conv.module(&b),
            ember_compiler::Parsed::Expr(_) => Err(PyErr::system_error("_ast: unexpected parse result")),
        },
        "single" => match parsed(ember_compiler::Mode::Single)? {
            ember_compiler::Parsed::Body(b) => conv.interactive(&b),
            ember_compiler::Parsed::Expr(_) => Err(PyErr::system_error("_ast: unexpected parse result")),
        },
        "eval" => match parsed(ember_compiler::Mode::Eval)? {
            ember_compiler::Parsed::Expr(e) => conv.expression(&e),
            ember_compiler::Parsed::Body(_) => Err(PyErr::system_error("_ast: unexpected parse result")),
        },
        "func_type" => func_type(&conv, text, filename),
        _ => Err(PyErr::value_error("compile() mode must be 'exec', 'eval', 'single' or 'func_type'")),
    }
}

/// `(argtypes) -> returns`: the top-level `->` is replaced by `, ` (same
/// length, so positions are unchanged) and the result parsed as a tuple.
fn func_type(conv: &to_py::ToPy, text: &str, filename: &str) -> PyResult {
    let invalid = || {
        crate::syntax_error(&ember_compiler::CompileError {
            kind: ember_compiler::ErrorKind::SyntaxError,
            msg: "invalid syntax".to_string(),
            filename: filename.to_string(),
            line: 1,
            offset: 1,
            end_line: 1,
            end_offset: 1,
            text: text.lines().next().map(|l| format!("{l}\n")),
        })
    };
    let Some(arrow) = top_level_arrow(text) else {
        return Err(invalid());
    };
    // The argument types are always parenthesized.
    let params = text[..arrow].trim();
    if !(params.starts_with('(') && params.ends_with(')')) {
        return Err(invalid());
    }
    let mut joined = String::with_capacity(text.len());
    joined.push_str(&text[..arrow]);
    joined.push_str(", ");
    joined.push_str(&text[arrow + 2..]);
    let parsed =
        ember_compiler::parse(&joined, filename, ember_compiler::Mode::Eval).map_err(|e| crate::syntax_error(&e))?;
    let ember_compiler::Parsed::Expr(ember_compiler::ast::Expr::Tuple(t)) = parsed else {
        return Err(invalid());
    };
    let [args, returns] = t.elts.as_slice() else {
        return Err(invalid());
    };
    let argtypes: Vec<ember_compiler::ast::Expr> = match args {
        ember_compiler::ast::Expr::Tuple(inner) => inner.elts.clone(),
        other => vec![other.clone()],
    };
    conv.function_type(&argtypes, returns)
}

/// The byte offset of the first `->` outside brackets and strings.
fn top_level_arrow(text: &str) -> Option<usize> {
    let b = text.as_bytes();
    positions::scan_code(b, |i, c, depth| (c == b'-' && depth == 0 && b.get(i + 1) == Some(&b'>')).then_some(i))
}

/// `compile(tree, filename, mode)` of an `ast.AST` object.
pub fn compile_tree(_tree: &crate::object::Obj, _filename: &str, _mode: &str) -> PyResult {
    Err(PyErr::type_error("compile() of an AST object is not supported by Ember yet"))
}

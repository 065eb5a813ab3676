//! The `_string` module: the format-string parser behind `string.Formatter`.
//! Both functions return iterators over eagerly built lists (CPython parses
//! lazily, so a malformed string raises on iteration there, here on the call).

use crate::object::PyRef;
use crate::ops;
use crate::runtime::{PyErr, PyResult};
use crate::types::list::new_list;
use crate::types::module::{new_module, ModuleObj};
use crate::types::str::{char_str, new_str, StrObj};
use crate::types::tuple::new_tuple;
use crate::types::typeobj::{Args, MethodDef};
use crate::types::{int, new_bool, none};

use super::str_format::{split_field_name, Accessor, Parser};

/// The single str argument of a `_string` function (METH_O messages).
fn str_param<'a>(a: Args<'a>, name: &str) -> PyResult<&'a str> {
    if a.kwnames.is_some_and(|k| !k.is_empty()) {
        return Err(PyErr::type_error(format!("_string.{name}() takes no keyword arguments")));
    }
    if a.nargs != 1 {
        return Err(PyErr::type_error(format!("_string.{name}() takes exactly one argument ({} given)", a.nargs)));
    }
    let s = a.all[0];
    match s.downcast::<StrObj>() {
        Some(s) => Ok(s.as_str()),
        None => Err(PyErr::type_error(format!("expected str, got {}", s.class().name()))),
    }
}

/// `formatter_parser(s)`: `(literal, field_name, format_spec, conversion)`
/// tuples; the last three are None for pieces without a field.
fn formatter_parser(a: Args) -> PyResult {
    let s = str_param(a, "formatter_parser")?;
    let mut parser = Parser::new(s);
    let mut items = Vec::new();
    while let Some(piece) = parser.next_piece()? {
        let tuple = match piece.field {
            None => vec![new_str(piece.literal), none(), none(), none()],
            Some(f) => {
                vec![new_str(piece.literal), new_str(f.name), new_str(f.spec), f.conversion.map_or_else(none, char_str)]
            }
        };
        items.push(new_tuple(tuple));
    }
    ops::iter(&new_list(items))
}

/// `formatter_field_name_split(name)`: the first part (an int when it is a
/// number) and an iterator of `(is_attribute, key)` pairs.
fn formatter_field_name_split(a: Args) -> PyResult {
    let name = str_param(a, "formatter_field_name_split")?;
    let (first, steps) = split_field_name(name);
    let first: PyRef = match first.parse::<usize>() {
        Ok(i) if first.bytes().all(|b| b.is_ascii_digit()) => int::from_usize(i),
        _ => new_str(first),
    };
    let mut rest = Vec::new();
    for step in steps {
        let (is_attr, key) = match step? {
            Accessor::Attr(s) => (true, new_str(s)),
            Accessor::Index(i) => (false, int::from_usize(i)),
            Accessor::Key(s) => (false, new_str(s)),
        };
        rest.push(new_tuple(vec![new_bool(is_attr), key]));
    }
    Ok(new_tuple(vec![first, ops::iter(&new_list(rest))?]))
}

static FUNCS: &[MethodDef] = &[
    MethodDef::method("formatter_parser", formatter_parser),
    MethodDef::method("formatter_field_name_split", formatter_field_name_split),
];

pub fn init() -> PyResult<PyRef> {
    let m = new_module("_string");
    m.downcast::<ModuleObj>().expect("module").add_functions(&m, FUNCS);
    Ok(m)
}

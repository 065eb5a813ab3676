//! `str.format` and `format_map`: replacement fields `{name!conv:spec}` with
//! automatic or manual numbering, `.attr` and `[key]` lookups, nested fields
//! inside the spec (two levels, as in CPython) and `{{`/`}}` escapes.
//! The delimiters are ASCII, so the parser scans bytes and slices the UTF-8
//! text only at ASCII positions.

use crate::object::{Obj, PyRef};
use crate::ops;
use crate::runtime::{PyErr, PyResult};
use crate::types::dict::{new_dict, DictObj};
use crate::types::int;
use crate::types::str::{from_string, new_str, StrObj};
use crate::types::typeobj::Args;

/// One replacement field as written.
#[derive(Debug, PartialEq)]
pub struct Field<'a> {
    pub name: &'a str,
    pub conversion: Option<char>,
    pub spec: &'a str,
    /// The spec contains `{`, so it is itself a format string.
    pub nested: bool,
}

/// A piece of a format string: literal text followed by an optional field.
#[derive(Debug, PartialEq)]
pub struct Piece<'a> {
    pub literal: &'a str,
    pub field: Option<Field<'a>>,
}

/// Splits a format string into pieces (CPython's `MarkupIterator`). An
/// escaped brace ends a piece: the literal then includes one brace.
pub struct Parser<'a> {
    s: &'a str,
    pos: usize,
}

impl<'a> Parser<'a> {
    pub fn new(s: &'a str) -> Parser<'a> {
        Parser { s, pos: 0 }
    }

    /// The next piece, `None` at the end.
    pub fn next_piece(&mut self) -> PyResult<Option<Piece<'a>>> {
        let b = self.s.as_bytes();
        if self.pos >= b.len() {
            return Ok(None);
        }
        let start = self.pos;
        let mut c = 0u8;
        let mut markup = false;
        while self.pos < b.len() {
            c = b[self.pos];
            self.pos += 1;
            if c == b'{' || c == b'}' {
                markup = true;
                break;
            }
        }
        let at_end = self.pos >= b.len();
        let mut len = self.pos - start;
        if markup && c == b'}' && (at_end || b[self.pos] != b'}') {
            return Err(PyErr::value_error("Single '}' encountered in format string"));
        }
        if markup && at_end && c == b'{' {
            return Err(PyErr::value_error("Single '{' encountered in format string"));
        }
        if markup {
            if b[self.pos] == c {
                self.pos += 1;
                markup = false;
            } else {
                len -= 1;
            }
        }
        let literal = &self.s[start..start + len];
        if !markup {
            return Ok(Some(Piece { literal, field: None }));
        }
        let field = self.parse_field()?;
        Ok(Some(Piece { literal, field: Some(field) }))
    }

    /// Parses `name[!conv][:spec]}` after an opening brace.
    fn parse_field(&mut self) -> PyResult<Field<'a>> {
        let b = self.s.as_bytes();
        let name_start = self.pos;
        let mut c = 0u8;
        while self.pos < b.len() {
            c = b[self.pos];
            self.pos += 1;
            match c {
                b'{' => return Err(PyErr::value_error("unexpected '{' in field name")),
                b'[' => {
                    while self.pos < b.len() && b[self.pos] != b']' {
                        self.pos += 1;
                    }
                }
                b'}' | b':' | b'!' => break,
                _ => {}
            }
        }
        // The loop stops after a delimiter (exclude it) or at the end.
        let name_end = if matches!(c, b'}' | b':' | b'!') { self.pos - 1 } else { self.pos };
        let name = &self.s[name_start..name_end];
        let mut field = Field { name, conversion: None, spec: "", nested: false };
        if c != b'!' && c != b':' {
            if c != b'}' {
                return Err(PyErr::value_error("expected '}' before end of string"));
            }
            return Ok(field);
        }
        if c == b'!' {
            let Some(conv) = self.s[self.pos..].chars().next() else {
                return Err(PyErr::value_error("end of string while looking for conversion specifier"));
            };
            self.pos += conv.len_utf8();
            field.conversion = Some(conv);
            if self.pos < b.len() {
                let next = b[self.pos];
                self.pos += 1;
                if next == b'}' {
                    return Ok(field);
                }
                if next != b':' {
                    return Err(PyErr::value_error("expected ':' after conversion specifier"));
                }
            }
        }
        let spec_start = self.pos;
        let mut depth = 1;
        while self.pos < b.len() {
            let c = b[self.pos];
            self.pos += 1;
            match c {
                b'{' => {
                    field.nested = true;
                    depth += 1;
                }
                b'}' => {
                    depth -= 1;
                    if depth == 0 {
                        field.spec = &self.s[spec_start..self.pos - 1];
                        return Ok(field);
                    }
                }
                _ => {}
            }
        }
        Err(PyErr::value_error("unmatched '{' in format spec"))
    }
}

/// A decimal field number (`None` when `s` is empty or not all decimal
/// digits; any Unicode decimal digit counts, as in CPython).
fn field_number(s: &str) -> PyResult<Option<usize>> {
    if s.is_empty() {
        return Ok(None);
    }
    let mut acc: usize = 0;
    for c in s.chars() {
        let Some(d) = crate::types::str_chars::decimal_value(c) else {
            return Ok(None);
        };
        acc = acc
            .checked_mul(10)
            .and_then(|x| x.checked_add(d as usize))
            .filter(|&x| x <= isize::MAX as usize)
            .ok_or_else(|| PyErr::value_error("Too many decimal digits in format string"))?;
    }
    Ok(Some(acc))
}

/// One step of a field name after its first part.
#[derive(Debug, PartialEq)]
pub enum Accessor<'a> {
    Attr(&'a str),
    Index(usize),
    Key(&'a str),
}

/// Splits a field name into its first part and the `.attr` / `[key]` steps.
/// A malformed step ends the list with its error, which CPython raises only
/// after performing the steps before it.
pub fn split_field_name(name: &str) -> (&str, Vec<PyResult<Accessor<'_>>>) {
    let first_end = name.find(['.', '[']).unwrap_or(name.len());
    let mut steps = Vec::new();
    let mut rest = &name[first_end..];
    while !rest.is_empty() {
        match next_step(rest) {
            Ok((step, tail)) => {
                steps.push(Ok(step));
                rest = tail;
            }
            Err(e) => {
                steps.push(Err(e));
                break;
            }
        }
    }
    (&name[..first_end], steps)
}

/// Parses one `.attr` or `[key]` step at the start of `s`; returns it and the rest.
fn next_step(s: &str) -> PyResult<(Accessor<'_>, &str)> {
    let b = s.as_bytes();
    let mut pos = 1;
    let step = match b[0] {
        b'.' => {
            while pos < b.len() && b[pos] != b'.' && b[pos] != b'[' {
                pos += 1;
            }
            Accessor::Attr(&s[1..pos])
        }
        b'[' => {
            while pos < b.len() && b[pos] != b']' {
                pos += 1;
            }
            if pos >= b.len() {
                return Err(PyErr::value_error("Missing ']' in format string"));
            }
            pos += 1;
            let key = &s[1..pos - 1];
            match field_number(key)? {
                Some(i) => Accessor::Index(i),
                None => Accessor::Key(key),
            }
        }
        _ => return Err(PyErr::value_error("Only '.' or '[' may follow ']' in format field specifier")),
    };
    if matches!(step, Accessor::Attr("") | Accessor::Key("")) {
        return Err(PyErr::value_error("Empty attribute in format string"));
    }
    Ok((step, &s[pos..]))
}

#[derive(Clone, Copy, PartialEq)]
enum Numbering {
    Unknown,
    Auto,
    Manual,
}

struct Formatter<'a> {
    /// Positional arguments (`None` for `format_map`).
    args: Option<&'a [&'a Obj]>,
    /// The keyword mapping, if any.
    kwargs: Option<&'a Obj>,
    numbering: Numbering,
    next_auto: usize,
}

impl Formatter<'_> {
    fn build(&mut self, fmt: &str, depth: u32) -> PyResult<String> {
        if depth == 0 {
            return Err(PyErr::value_error("Max string recursion exceeded"));
        }
        let mut out = String::with_capacity(fmt.len() + 16);
        let mut parser = Parser::new(fmt);
        while let Some(piece) = parser.next_piece()? {
            out.push_str(piece.literal);
            if let Some(field) = piece.field {
                self.render(&field, depth, &mut out)?;
            }
        }
        Ok(out)
    }

    fn render(&mut self, field: &Field, depth: u32, out: &mut String) -> PyResult<()> {
        let mut obj = self.field_object(field.name)?;
        if let Some(conv) = field.conversion {
            obj = match conv {
                'r' => ops::repr(&obj)?,
                's' => ops::str(&obj)?,
                'a' => ops::ascii(&obj)?,
                c if c > ' ' && (c as u32) < 127 => {
                    return Err(PyErr::value_error(format!("Unknown conversion specifier {c}")))
                }
                c => return Err(PyErr::value_error(format!("Unknown conversion specifier \\x{:x}", c as u32))),
            };
        }
        let spec = if field.nested { self.build(field.spec, depth - 1)? } else { field.spec.to_string() };
        // Exact builtin types go straight to their formatter (as CPython's
        // render_field does); anything else through `__format__`.
        let ty = obj.class();
        let r = if ty.is(&crate::types::str::STR_TYPE) {
            if spec.is_empty() {
                out.push_str(StrObj::text(&obj));
                return Ok(());
            }
            crate::format::spec::format_str_value(StrObj::text(&obj), &spec)?
        } else if ty.is(&crate::types::int::INT_TYPE) {
            let i = obj.downcast::<crate::types::int::IntObj>().expect("int");
            crate::format::spec::format_int(i, &spec)?
        } else if ty.is(&crate::types::float::FLOAT_TYPE) {
            let f = obj.downcast::<crate::types::float::FloatObj>().expect("float");
            crate::format::spec::format_float(f.value(), &spec)?
        } else {
            ops::format(&obj, &new_str(&spec))?
        };
        out.push_str(StrObj::text(&r));
        Ok(())
    }

    fn field_object(&mut self, name: &str) -> PyResult<PyRef> {
        let (first, steps) = split_field_name(name);
        let mut index = field_number(first)?;
        if first.is_empty() || index.is_some() {
            if self.numbering == Numbering::Unknown {
                self.numbering = if first.is_empty() { Numbering::Auto } else { Numbering::Manual };
            }
            match (self.numbering, first.is_empty()) {
                (Numbering::Manual, true) => {
                    return Err(PyErr::value_error(
                        "cannot switch from manual field specification to automatic field numbering",
                    ))
                }
                (Numbering::Auto, false) => {
                    return Err(PyErr::value_error(
                        "cannot switch from automatic field numbering to manual field specification",
                    ))
                }
                _ => {}
            }
            if first.is_empty() {
                index = Some(self.next_auto);
                self.next_auto += 1;
            }
        }
        let mut obj = match index {
            None => {
                let key = new_str(first);
                match self.kwargs {
                    None => return Err(PyErr::key_error(&key)),
                    Some(kw) => ops::getitem(kw, &key)?,
                }
            }
            Some(i) => {
                let Some(args) = self.args else {
                    return Err(PyErr::value_error("Format string contains positional fields"));
                };
                match args.get(i) {
                    Some(a) => (*a).to_owned(),
                    None => {
                        return Err(PyErr::index_error(format!(
                            "Replacement index {i} out of range for positional args tuple"
                        )))
                    }
                }
            }
        };
        for step in steps {
            obj = match step? {
                Accessor::Attr(a) => ops::getattr_str(&obj, a)?,
                Accessor::Index(i) => ops::getitem(&obj, &int::from_usize(i))?,
                Accessor::Key(k) => ops::getitem(&obj, &new_str(k))?,
            };
        }
        Ok(obj)
    }
}

/// `str.format(*args, **kwargs)`.
pub fn str_format_method(a: Args) -> PyResult<PyRef> {
    let Some(fmt) = a.all.first().and_then(|s| s.downcast::<StrObj>()) else {
        return Err(PyErr::type_error("descriptor 'format' of 'str' object needs an argument"));
    };
    let kwargs = match a.kwnames {
        Some(names) if !names.is_empty() => {
            let d = new_dict();
            let dict = d.downcast::<DictObj>().expect("dict");
            for (i, name) in names.as_slice().iter().enumerate() {
                dict.set_item(name, a.all[a.nargs + i].to_owned())?;
            }
            Some(d)
        }
        _ => None,
    };
    let positional = &a.all[1..a.nargs];
    let mut f =
        Formatter { args: Some(positional), kwargs: kwargs.as_deref(), numbering: Numbering::Unknown, next_auto: 0 };
    Ok(from_string(f.build(fmt.as_str(), 2)?))
}

/// `str.format_map(mapping)`.
pub fn format_map(fmt: &str, mapping: &Obj) -> PyResult<PyRef> {
    let mut f = Formatter { args: None, kwargs: Some(mapping), numbering: Numbering::Unknown, next_auto: 0 };
    Ok(from_string(f.build(fmt, 2)?))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn split_names() {
        let (first, steps) = split_field_name("0.attr[key][3]");
        assert_eq!(first, "0");
        let steps: Vec<Accessor> = steps.into_iter().filter_map(|s| s.ok()).collect();
        assert_eq!(steps, vec![Accessor::Attr("attr"), Accessor::Key("key"), Accessor::Index(3)]);
        let (_, steps) = split_field_name("a.x.[1]");
        assert!(steps.len() == 2 && steps[0].is_ok() && steps[1].is_err());
    }

    #[test]
    fn pieces() {
        let mut p = Parser::new("a{{b}}{0!r:>{w}}c");
        let mut got = Vec::new();
        while let Ok(Some(piece)) = p.next_piece() {
            got.push(piece);
        }
        assert_eq!(got.len(), 4);
        assert_eq!(got[0].literal, "a{");
        assert_eq!(got[1].literal, "b}");
        let f = got[2].field.as_ref().map(|f| (f.name, f.conversion, f.spec, f.nested));
        assert_eq!(f, Some(("0", Some('r'), ">{w}", true)));
        assert_eq!(got[3].literal, "c");
    }
}

//! Decoding: `scanstring` and the `Scanner` type (`make_scanner`).
//!
//! A scanner reads one JSON value at a code point index and returns it with
//! the index after it. When no value starts at an index it raises
//! `StopIteration(index)` (also from inside a container), which the
//! decoder turns into "Expecting value" at that index; the other errors are
//! JSONDecodeErrors raised here.

use crate::object::abi::{entry, NativeCall};
use crate::object::{AsObj, Obj, PyCell, PyPayload, PyRef};
use crate::ops;
use crate::runtime::{PyErr, PyResult};
use crate::types::bytes_args::{c_int_arg, ssize_arg};
use crate::types::dict::{new_dict, DictObj};
use crate::types::float::FLOAT_TYPE;
use crate::types::int::INT_TYPE;
use crate::types::list::{new_list, ListObj};
use crate::types::str::{from_string, new_str, StrObj};
use crate::types::tuple::new_tuple;
use crate::types::typeobj::{Args, GetSetDef, TypeObj};
use crate::types::{bool as pybool, none};
use crate::util::args;

use super::text::{Doc, Pos};
use super::{decode_error, Nesting};

/// "first argument must be a string, not bytes".
fn not_a_string(o: &Obj) -> PyErr {
    PyErr::type_error(format!("first argument must be a string, not {}", o.class().name()))
}

/// The value of four hex digits at `p`, if they are four hex digits.
fn hex4(doc: &Doc, p: Pos) -> Option<u32> {
    let digits = doc.bytes.get(p.b..p.b + 4)?;
    let mut v = 0;
    for &d in digits {
        v = (v << 4) | (d as char).to_digit(16)?;
    }
    Some(v)
}

/// Decodes the string literal whose text starts at `start` (just after
/// the opening quote of `doc`, the str object `obj`); returns its value and
/// the position after the closing quote. A lone surrogate escape becomes
/// U+FFFD: Ember's str cannot hold one.
pub(super) fn scan_string(doc: &Doc, obj: &Obj, start: Pos, strict: bool) -> PyResult<(PyRef, Pos)> {
    let begin = start.index() - 1;
    let unterminated = || decode_error("Unterminated string starting at", obj, begin);
    let invalid_u = |at: Pos| decode_error("Invalid \\uXXXX escape", obj, at.index());
    let mut out: Option<String> = None;
    let mut p = start;
    loop {
        // The run of plain characters up to a quote or a backslash.
        let (mut b, mut c) = (p.b, p.c);
        let mut stop = None;
        while let Some(&x) = doc.bytes.get(b) {
            if x == b'"' || x == b'\\' {
                stop = Some(x);
                break;
            }
            if x <= 0x1f && strict {
                return Err(decode_error("Invalid control character at", obj, c as i64));
            }
            b += 1;
            // Continuation bytes do not start a code point.
            if x & 0xC0 != 0x80 {
                c += 1;
            }
        }
        let Some(stop) = stop else { return Err(unterminated()) };
        let here = Pos { b, c };
        let run = &doc.text[p.b..here.b];
        if stop == b'"' {
            let value = match out {
                None => new_str(run),
                Some(mut s) => {
                    s.push_str(run);
                    from_string(s)
                }
            };
            return Ok((value, here.next()));
        }
        let s = out.get_or_insert_with(String::new);
        s.push_str(run);
        let esc = here.next();
        if doc.at_end(esc) {
            return Err(unterminated());
        }
        let simple = match doc.byte(esc) {
            Some(b'"') => '"',
            Some(b'\\') => '\\',
            Some(b'/') => '/',
            Some(b'b') => '\u{8}',
            Some(b'f') => '\u{c}',
            Some(b'n') => '\n',
            Some(b'r') => '\r',
            Some(b't') => '\t',
            Some(b'u') => '\0',
            _ => return Err(decode_error("Invalid \\escape", obj, here.index())),
        };
        if simple != '\0' {
            s.push(simple);
            p = esc.next();
            continue;
        }
        // `\uXXXX`: the digits must be followed by at least one character.
        let digits = esc.next();
        if digits.c + 4 >= doc.chars {
            return Err(invalid_u(esc));
        }
        let mut code = hex4(doc, digits).ok_or_else(|| invalid_u(esc))?;
        let mut after = digits.skip(4);
        if (0xD800..=0xDBFF).contains(&code) && after.c + 6 < doc.chars && doc.has(after, "\\u") {
            let second = after.skip(2);
            let low = hex4(doc, second).ok_or_else(|| invalid_u(after.next()))?;
            if (0xDC00..=0xDFFF).contains(&low) {
                code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00);
                after = second.skip(4);
            }
        }
        s.push(char::from_u32(code).unwrap_or('\u{FFFD}'));
        p = after;
    }
}

/// `scanstring(string, end, strict=True)`.
pub(super) fn py_scanstring(a: Args) -> PyResult {
    let [string, end, strict] = args::parse(a, "scanstring", &["string", "end", "strict", "/"], 2)?;
    let (string, end) = (string.expect("string"), end.expect("end"));
    let end = ssize_arg(end)?;
    let strict = match strict {
        Some(s) => c_int_arg(s)? != 0,
        None => true,
    };
    let Some(s) = string.downcast::<StrObj>() else { return Err(not_a_string(string)) };
    let doc = Doc::new(s);
    if end < 0 || end as u64 > doc.chars as u64 {
        return Err(PyErr::value_error("end is out of bounds"));
    }
    let (value, after) = scan_string(&doc, string, doc.pos_of(end as usize), strict)?;
    Ok(new_tuple(vec![value, crate::types::int::new_int(after.index())]))
}

// --- the scanner --------------------------------------------------------

/// What a scanner takes from its decoder (`context`) when made.
#[derive(Clone)]
struct Context {
    strict: bool,
    object_hook: PyRef,
    object_pairs_hook: PyRef,
    parse_float: PyRef,
    parse_int: PyRef,
    parse_constant: PyRef,
    /// Object keys seen during one call, so equal keys share one str.
    memo: PyRef,
}

/// `_json.Scanner`: `make_scanner(context)` objects.
#[repr(C)]
pub struct ScannerObj {
    pub ob: Obj,
    /// None only once the cycle collector has cleared the scanner.
    ctx: PyCell<Option<Context>>,
}

// SAFETY: `#[repr(C)]` starting with `Obj`.
unsafe impl PyPayload for ScannerObj {
    fn class() -> &'static TypeObj {
        &SCANNER_TYPE
    }
}

fn context_of(o: &Obj) -> PyResult<Context> {
    let s = o.downcast::<ScannerObj>().expect("Scanner");
    s.ctx.get_clone().ok_or_else(|| PyErr::value_error("the scanner was cleared"))
}

fn scanner_new(t: &TypeObj, a: Args) -> PyResult {
    let [ctx] = args::parse(a, "make_scanner", &["context"], 1)?;
    let ctx = ctx.expect("context");
    let strict = ops::is_true(&*ops::getattr_str(ctx, "strict")?)?;
    let context = Context {
        strict,
        object_hook: ops::getattr_str(ctx, "object_hook")?,
        object_pairs_hook: ops::getattr_str(ctx, "object_pairs_hook")?,
        parse_float: ops::getattr_str(ctx, "parse_float")?,
        parse_int: ops::getattr_str(ctx, "parse_int")?,
        parse_constant: ops::getattr_str(ctx, "parse_constant")?,
        memo: new_dict(),
    };
    Ok(crate::object::alloc::alloc_object(t, ScannerObj { ob: Obj::new(t), ctx: PyCell::new(Some(context)) }, 0))
}

/// One scan over a document.
struct Scan<'a> {
    ctx: &'a Context,
    doc: Doc<'a>,
    obj: &'a Obj,
}

impl Scan<'_> {
    fn stop(p: Pos) -> PyErr {
        PyErr::stop_iteration(Some(crate::types::int::new_int(p.index())))
    }

    fn value(&self, p: Pos) -> PyResult<(PyRef, Pos)> {
        let Some(first) = self.doc.byte(p) else { return Err(Self::stop(p)) };
        match first {
            b'"' => return scan_string(&self.doc, self.obj, p.next(), self.ctx.strict),
            b'{' => {
                let _nesting = Nesting::enter(" while decoding a JSON object from a unicode string")?;
                return self.object(p.next());
            }
            b'[' => {
                let _nesting = Nesting::enter(" while decoding a JSON array from a unicode string")?;
                return self.array(p.next());
            }
            b'n' if self.doc.has(p, "null") => return Ok((none(), p.skip(4))),
            b't' if self.doc.has(p, "true") => return Ok((pybool::true_(), p.skip(4))),
            b'f' if self.doc.has(p, "false") => return Ok((pybool::false_(), p.skip(5))),
            b'N' if self.doc.has(p, "NaN") => return self.constant("NaN", p),
            b'I' if self.doc.has(p, "Infinity") => return self.constant("Infinity", p),
            b'-' if self.doc.has(p, "-Infinity") => return self.constant("-Infinity", p),
            _ => {}
        }
        self.number(p)
    }

    fn constant(&self, name: &str, p: Pos) -> PyResult<(PyRef, Pos)> {
        let v = ops::call1(&self.ctx.parse_constant, &crate::types::str::intern(name))?;
        Ok((v, p.skip(name.len())))
    }

    /// A number at `start`: `-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][-+]?[0-9]+)?`.
    fn number(&self, start: Pos) -> PyResult<(PyRef, Pos)> {
        let bytes = self.doc.bytes;
        let digit = |b: usize| bytes.get(b).is_some_and(u8::is_ascii_digit);
        let mut b = start.b;
        if bytes[b] == b'-' {
            b += 1;
            if b >= bytes.len() {
                return Err(Self::stop(start));
            }
        }
        match bytes[b] {
            b'1'..=b'9' => {
                b += 1;
                while digit(b) {
                    b += 1;
                }
            }
            b'0' => b += 1,
            _ => return Err(Self::stop(start)),
        }
        let mut is_float = false;
        if bytes.get(b) == Some(&b'.') && digit(b + 1) {
            is_float = true;
            b += 2;
            while digit(b) {
                b += 1;
            }
        }
        if b + 1 < bytes.len() && matches!(bytes[b], b'e' | b'E') {
            let e_start = b;
            b += 1;
            if b + 1 < bytes.len() && matches!(bytes[b], b'-' | b'+') {
                b += 1;
            }
            while digit(b) {
                b += 1;
            }
            if bytes[b - 1].is_ascii_digit() {
                is_float = true;
            } else {
                b = e_start;
            }
        }
        let end = start.skip(b - start.b);
        let text = &self.doc.text[start.b..b];
        let custom = if is_float {
            Some(&self.ctx.parse_float).filter(|f| !f.is(FLOAT_TYPE.as_obj()))
        } else {
            Some(&self.ctx.parse_int).filter(|f| !f.is(INT_TYPE.as_obj()))
        };
        let value = match custom {
            Some(f) => ops::call1(f, &new_str(text))?,
            None if is_float => crate::types::float::new_float(text.parse::<f64>().unwrap_or(f64::NAN)),
            None => match crate::types::int_parse::parse_int_ascii(text.as_bytes(), 10) {
                Ok(v) => v.into_obj(),
                Err(crate::types::int_parse::IntParseError::TooManyDigits(n)) => {
                    return Err(PyErr::value_error(format!(
                        "Exceeds the limit ({} digits) for integer string conversion: value has {n} digits; use sys.set_int_max_str_digits() to increase the limit",
                        crate::types::int::MAX_STR_DIGITS.get()
                    )))
                }
                Err(_) => return Err(PyErr::value_error(format!("invalid literal for int() with base 10: '{text}'"))),
            },
        };
        Ok((value, end))
    }

    /// An object whose `{` precedes `p`.
    fn object(&self, p: Pos) -> PyResult<(PyRef, Pos)> {
        let pairs_hook = !self.ctx.object_pairs_hook.is_none();
        let pairs: Option<PyRef> = pairs_hook.then(|| new_list(Vec::new()));
        let dict: Option<PyRef> = (!pairs_hook).then(new_dict);
        let memo = self.ctx.memo.downcast::<DictObj>().expect("memo dict");
        let mut p = self.doc.skip_ws(p);
        if self.doc.byte(p) != Some(b'}') {
            loop {
                if self.doc.byte(p) != Some(b'"') {
                    return Err(decode_error("Expecting property name enclosed in double quotes", self.obj, p.index()));
                }
                let (key, after) = scan_string(&self.doc, self.obj, p.next(), self.ctx.strict)?;
                let key = match memo.get_item(&key)? {
                    Some(k) => k,
                    None => {
                        memo.set_item(&key, key.clone())?;
                        key
                    }
                };
                p = self.doc.skip_ws(after);
                if self.doc.byte(p) != Some(b':') {
                    return Err(decode_error("Expecting ':' delimiter", self.obj, p.index()));
                }
                p = self.doc.skip_ws(p.next());
                let (value, after) = self.value(p)?;
                if let Some(list) = &pairs {
                    list.downcast::<ListObj>().expect("list").push(new_tuple(vec![key, value]));
                } else if let Some(d) = &dict {
                    d.downcast::<DictObj>().expect("dict").set_item(&key, value)?;
                }
                p = self.doc.skip_ws(after);
                if self.doc.byte(p) == Some(b'}') {
                    break;
                }
                if self.doc.byte(p) != Some(b',') {
                    return Err(decode_error("Expecting ',' delimiter", self.obj, p.index()));
                }
                p = self.doc.skip_ws(p.next());
            }
        }
        let end = p.next();
        if let Some(list) = pairs {
            return Ok((ops::call1(&self.ctx.object_pairs_hook, &list)?, end));
        }
        let dict = dict.expect("dict");
        if !self.ctx.object_hook.is_none() {
            return Ok((ops::call1(&self.ctx.object_hook, &dict)?, end));
        }
        Ok((dict, end))
    }

    /// An array whose `[` precedes `p`.
    fn array(&self, p: Pos) -> PyResult<(PyRef, Pos)> {
        let list = new_list(Vec::new());
        let items = list.downcast::<ListObj>().expect("list");
        let mut p = self.doc.skip_ws(p);
        if self.doc.byte(p) != Some(b']') {
            loop {
                let (value, after) = self.value(p)?;
                items.push(value);
                p = self.doc.skip_ws(after);
                if self.doc.byte(p) == Some(b']') {
                    break;
                }
                if self.doc.byte(p) != Some(b',') {
                    return Err(decode_error("Expecting ',' delimiter", self.obj, p.index()));
                }
                p = self.doc.skip_ws(p.next());
            }
        }
        Ok((list, p.next()))
    }
}

struct ScannerCall;
impl NativeCall for ScannerCall {
    fn call(callable: &Obj, a: Args) -> PyResult {
        let [string, idx] = args::parse(a, "scan_once", &["string", "idx"], 2)?;
        let (string, idx) = (string.expect("string"), idx.expect("idx"));
        let idx = ssize_arg(idx)?;
        let Some(s) = string.downcast::<StrObj>() else { return Err(not_a_string(string)) };
        let ctx = context_of(callable)?;
        let doc = Doc::new(s);
        if idx < 0 {
            return Err(PyErr::value_error("idx cannot be negative"));
        }
        if idx as u64 >= doc.chars as u64 {
            return Err(PyErr::stop_iteration(Some(crate::types::int::new_int(idx))));
        }
        let start = doc.pos_of(idx as usize);
        let scan = Scan { ctx: &ctx, doc, obj: string };
        let result = scan.value(start);
        ctx.memo.downcast::<DictObj>().expect("memo dict").clear();
        let (value, end) = result?;
        Ok(new_tuple(vec![value, crate::types::int::new_int(end.index())]))
    }
}

fn scanner_traverse(o: &Obj, visit: &mut dyn FnMut(&Obj)) {
    let s = o.downcast::<ScannerObj>().expect("Scanner");
    s.ctx.with(|c| {
        if let Some(c) = c {
            for r in [&c.object_hook, &c.object_pairs_hook, &c.parse_float, &c.parse_int, &c.parse_constant, &c.memo] {
                visit(r);
            }
        }
    });
}

fn scanner_clear(o: &Obj) {
    let s = o.downcast::<ScannerObj>().expect("Scanner");
    let old = s.ctx.replace(None);
    drop(old);
}

fn g_strict(o: &Obj) -> PyResult {
    Ok(pybool::new_bool(context_of(o)?.strict))
}
fn g_object_hook(o: &Obj) -> PyResult {
    Ok(context_of(o)?.object_hook)
}
fn g_object_pairs_hook(o: &Obj) -> PyResult {
    Ok(context_of(o)?.object_pairs_hook)
}
fn g_parse_float(o: &Obj) -> PyResult {
    Ok(context_of(o)?.parse_float)
}
fn g_parse_int(o: &Obj) -> PyResult {
    Ok(context_of(o)?.parse_int)
}
fn g_parse_constant(o: &Obj) -> PyResult {
    Ok(context_of(o)?.parse_constant)
}

static SCANNER_GETSETS: &[GetSetDef] = &[
    GetSetDef::getter("strict", g_strict),
    GetSetDef::getter("object_hook", g_object_hook),
    GetSetDef::getter("object_pairs_hook", g_object_pairs_hook),
    GetSetDef::getter("parse_float", g_parse_float),
    GetSetDef::getter("parse_int", g_parse_int),
    GetSetDef::getter("parse_constant", g_parse_constant),
];

crate::static_type! {
    pub static SCANNER_TYPE: ScannerObj = "_json.Scanner" {
        module: "_json",
        flags: HAVE_GC,
        doc: "JSON scanner object",
        getsets: SCANNER_GETSETS,
        slots: {
            new: scanner_new, call: entry::<ScannerCall>,
            traverse: scanner_traverse, clear: scanner_clear,
        },
    }
}

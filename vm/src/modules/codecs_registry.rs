//! The `_codecs` module: the codec registry under the host's pure-Python
//! `codecs` and `encodings` packages (which `locale`, `gettext` and so
//! `argparse` import), the standard error handlers as callables, and the
//! UTF-8 / ASCII / Latin-1 codec functions `encodings.utf_8` and friends
//! call.
//!
//! Ember's own `str.encode`/`bytes.decode` do not go through this registry
//! (they know their codecs natively); `_codecs.encode`/`decode` and
//! `codecs.lookup` do.

use std::cell::RefCell;

use crate::object::{Obj, PyRef};
use crate::ops;
use crate::runtime::{PyErr, PyResult};
use crate::types::bytes;
use crate::types::exceptions::{LOOKUP_ERROR, UNICODE_DECODE_ERROR, UNICODE_ENCODE_ERROR};
use crate::types::int;
use crate::types::module::{new_module, ModuleObj};
use crate::types::none;
use crate::types::str::{expect_str, from_string, StrObj};
use crate::types::tuple::{new_tuple, TupleObj};
use crate::types::typeobj::{Args, MethodDef};
use crate::util::args;

/// Search functions, the lookup cache by normalised name, and error
/// handlers by name (few entries: searched linearly). Never dropped, so no
/// object is released after the interpreter has stopped.
struct Registry {
    search: Vec<PyRef>,
    cache: Vec<(String, PyRef)>,
    handlers: Vec<(String, PyRef)>,
}

static REGISTRY: crate::object::Static<RefCell<Registry>> =
    crate::object::Static(RefCell::new(Registry { search: Vec::new(), cache: Vec::new(), handlers: Vec::new() }));

fn find(entries: &[(String, PyRef)], key: &str) -> Option<PyRef> {
    entries.iter().find(|(k, _)| k == key).map(|(_, v)| v.clone())
}

/// Sets `key`, returning the replaced value (to be dropped by the caller,
/// outside the borrow).
fn put(entries: &mut Vec<(String, PyRef)>, key: String, value: PyRef) -> Option<PyRef> {
    match entries.iter_mut().find(|(k, _)| *k == key) {
        Some(slot) => Some(std::mem::replace(&mut slot.1, value)),
        None => {
            entries.push((key, value));
            None
        }
    }
}

fn is_callable(o: &Obj) -> bool {
    o.class().call.get().is_some()
}

fn register(a: Args) -> PyResult {
    let [f] = args::exact_fn::<1>(a, "register")?;
    if !is_callable(f) {
        return Err(PyErr::type_error("argument must be callable"));
    }
    REGISTRY.borrow_mut().search.push(f.to_owned());
    Ok(none())
}

fn unregister(a: Args) -> PyResult {
    let [f] = args::exact_fn::<1>(a, "unregister")?;
    let removed = {
        let mut r = REGISTRY.borrow_mut();
        let pos = r.search.iter().position(|s| s.is(f));
        let removed = pos.map(|i| r.search.remove(i));
        (removed, std::mem::take(&mut r.cache))
    };
    drop(removed);
    Ok(none())
}

/// The registry's name normalisation: lower case, spaces to underscores.
fn normalize(name: &str) -> String {
    name.chars().flat_map(char::to_lowercase).map(|c| if c == ' ' { '_' } else { c }).collect()
}

/// `codecs.lookup(encoding)`: the CodecInfo the first search function
/// returns, cached by normalised name.
pub fn lookup_codec(name: &str) -> PyResult<PyRef> {
    let key = normalize(name);
    let hit = find(&REGISTRY.borrow().cache, &key);
    if let Some(hit) = hit {
        return Ok(hit);
    }
    if REGISTRY.borrow().search.is_empty() {
        // The host's `encodings` package registers the standard search.
        crate::import::import_module("encodings")?;
    }
    let search = REGISTRY.borrow().search.clone();
    let key_obj = from_string(key.clone());
    for f in search {
        let r = ops::call(&f, &[&key_obj], None)?;
        if r.is_none() {
            continue;
        }
        if r.downcast::<TupleObj>().is_none_or(|t| t.len() != 4) {
            return Err(PyErr::type_error("codec search functions must return 4-tuples"));
        }
        let old = put(&mut REGISTRY.borrow_mut().cache, key, r.clone());
        drop(old);
        return Ok(r);
    }
    Err(PyErr::new(&LOOKUP_ERROR, format!("unknown encoding: {name}")))
}

fn lookup(a: Args) -> PyResult {
    let [name] = args::exact_fn::<1>(a, "lookup")?;
    lookup_codec(expect_str(name, "lookup() argument")?)
}

/// `encode`/`decode`: item `index` of the CodecInfo applied to `obj`.
fn run_codec(a: Args, fname: &str, index: usize) -> PyResult {
    let [obj, encoding, errors] = args::parse(a, fname, &["obj", "encoding", "errors"], 1)?;
    let encoding = match encoding {
        Some(e) => expect_str(e, &format!("{fname}() argument 'encoding'"))?.to_string(),
        None => "utf-8".to_string(),
    };
    let errors = match errors {
        Some(e) => e.to_owned(),
        None => from_string("strict".into()),
    };
    let info = lookup_codec(&encoding)?;
    let f = ops::getitem(&info, &int::new_int(index as i64))?;
    let r = ops::call(&f, &[obj.unwrap_or(crate::types::none_ref()), &errors], None)?;
    match r.downcast::<TupleObj>() {
        Some(t) if t.len() == 2 => Ok(t.as_slice()[0].clone()),
        _ => Err(PyErr::type_error(format!("{fname}r must return a tuple (object, integer)"))),
    }
}

fn encode(a: Args) -> PyResult {
    run_codec(a, "encode", 0)
}

fn decode(a: Args) -> PyResult {
    run_codec(a, "decode", 1)
}

// ---- error handlers -----------------------------------------------------

/// `start`, `end` and `object` of a Unicode error.
fn error_parts(exc: &Obj) -> PyResult<(usize, usize, PyRef)> {
    let get = |n: &str| -> PyResult<usize> {
        let v = ops::getattr_str(exc, n)?;
        Ok(int::expect_i64(&v, "ssize_t")?.max(0) as usize)
    };
    Ok((get("start")?, get("end")?, ops::getattr_str(exc, "object")?))
}

fn wrong_exception(exc: &Obj) -> PyErr {
    PyErr::type_error(format!("don't know how to handle {} in error callback", exc.class().name()))
}

/// The characters `start..end` of an encode error's string.
fn failed_chars(obj: &Obj, start: usize, end: usize) -> PyResult<Vec<char>> {
    let s = obj.downcast::<StrObj>().ok_or_else(|| PyErr::type_error("object attribute must be unicode"))?;
    Ok(s.as_str().chars().skip(start).take(end.saturating_sub(start)).collect())
}

fn handler_result(text: String, end: usize) -> PyResult {
    Ok(new_tuple(vec![from_string(text), int::from_usize(end)]))
}

fn strict_errors(a: Args) -> PyResult {
    let [exc] = args::exact_fn::<1>(a, "strict_errors")?;
    if exc.class().is_subtype(&crate::types::exceptions::BASE_EXCEPTION) {
        return Err(PyErr::from_exc(exc.to_owned()));
    }
    Err(PyErr::type_error("codec must pass exception instance"))
}

fn ignore_errors(a: Args) -> PyResult {
    let [exc] = args::exact_fn::<1>(a, "ignore_errors")?;
    if !exc.class().is_subtype(&crate::types::exceptions::UNICODE_ERROR) {
        return Err(wrong_exception(exc));
    }
    let (_, end, _) = error_parts(exc)?;
    handler_result(String::new(), end)
}

fn replace_errors(a: Args) -> PyResult {
    let [exc] = args::exact_fn::<1>(a, "replace_errors")?;
    if !exc.class().is_subtype(&crate::types::exceptions::UNICODE_ERROR) {
        return Err(wrong_exception(exc));
    }
    let (start, end, _) = error_parts(exc)?;
    let n = end.saturating_sub(start);
    if exc.class().is_subtype(&UNICODE_ENCODE_ERROR) {
        return handler_result("?".repeat(n), end);
    }
    if exc.class().is_subtype(&UNICODE_DECODE_ERROR) {
        return handler_result("\u{fffd}".into(), end);
    }
    if exc.class().is_subtype(&crate::types::exceptions::UNICODE_TRANSLATE_ERROR) {
        return handler_result("\u{fffd}".repeat(n), end);
    }
    Err(wrong_exception(exc))
}

fn escape_char(c: char) -> String {
    match c as u32 {
        v if v < 0x100 => format!("\\x{v:02x}"),
        v if v < 0x10000 => format!("\\u{v:04x}"),
        v => format!("\\U{v:08x}"),
    }
}

fn backslashreplace_errors(a: Args) -> PyResult {
    let [exc] = args::exact_fn::<1>(a, "backslashreplace_errors")?;
    if !exc.class().is_subtype(&crate::types::exceptions::UNICODE_ERROR) {
        return Err(wrong_exception(exc));
    }
    let (start, end, obj) = error_parts(exc)?;
    if exc.class().is_subtype(&UNICODE_DECODE_ERROR) {
        let data = bytes::bytes_of(&obj).unwrap_or_default();
        let text: String =
            data.get(start..end.min(data.len())).unwrap_or(&[]).iter().map(|b| format!("\\x{b:02x}")).collect();
        return handler_result(text, end);
    }
    if !exc.class().is_subtype(&UNICODE_ENCODE_ERROR)
        && !exc.class().is_subtype(&crate::types::exceptions::UNICODE_TRANSLATE_ERROR)
    {
        return Err(wrong_exception(exc));
    }
    handler_result(failed_chars(&obj, start, end)?.into_iter().map(escape_char).collect(), end)
}

fn xmlcharrefreplace_errors(a: Args) -> PyResult {
    let [exc] = args::exact_fn::<1>(a, "xmlcharrefreplace_errors")?;
    if !exc.class().is_subtype(&UNICODE_ENCODE_ERROR) {
        return Err(wrong_exception(exc));
    }
    let (start, end, obj) = error_parts(exc)?;
    handler_result(failed_chars(&obj, start, end)?.into_iter().map(|c| format!("&#{};", c as u32)).collect(), end)
}

fn namereplace_errors(a: Args) -> PyResult {
    let [exc] = args::exact_fn::<1>(a, "namereplace_errors")?;
    if !exc.class().is_subtype(&UNICODE_ENCODE_ERROR) {
        return Err(wrong_exception(exc));
    }
    let (start, end, obj) = error_parts(exc)?;
    let text = failed_chars(&obj, start, end)?
        .into_iter()
        .map(|c| match unicode_names2::name(c) {
            Some(n) => format!("\\N{{{n}}}"),
            None => escape_char(c),
        })
        .collect();
    handler_result(text, end)
}

static HANDLER_DEFS: [MethodDef; 6] = [
    MethodDef::method("strict_errors", strict_errors),
    MethodDef::method("ignore_errors", ignore_errors),
    MethodDef::method("replace_errors", replace_errors),
    MethodDef::method("backslashreplace_errors", backslashreplace_errors),
    MethodDef::method("xmlcharrefreplace_errors", xmlcharrefreplace_errors),
    MethodDef::method("namereplace_errors", namereplace_errors),
];

fn builtin_handler(name: &str) -> Option<PyRef> {
    let i = ["strict", "ignore", "replace", "backslashreplace", "xmlcharrefreplace", "namereplace"]
        .iter()
        .position(|n| *n == name)?;
    Some(crate::types::builtin_func::new_builtin(&HANDLER_DEFS[i], None))
}

fn register_error(a: Args) -> PyResult {
    let [name, handler] = args::exact_fn::<2>(a, "register_error")?;
    let name = expect_str(name, "register_error() argument 1")?.to_string();
    if !is_callable(handler) {
        return Err(PyErr::type_error("handler must be callable"));
    }
    let old = put(&mut REGISTRY.borrow_mut().handlers, name, handler.to_owned());
    drop(old);
    Ok(none())
}

fn lookup_error(a: Args) -> PyResult {
    let [name] = args::exact_fn::<1>(a, "lookup_error")?;
    let name = expect_str(name, "lookup_error() argument")?;
    let known = find(&REGISTRY.borrow().handlers, name);
    if let Some(h) = known {
        return Ok(h);
    }
    if let Some(h) = builtin_handler(name) {
        // Kept, so that lookups return the same object each time.
        REGISTRY.borrow_mut().handlers.push((name.to_string(), h.clone()));
        return Ok(h);
    }
    Err(PyErr::new(&LOOKUP_ERROR, format!("unknown error handler name '{name}'")))
}

// ---- codec functions ----------------------------------------------------

fn errors_name(o: Option<&Obj>) -> PyResult<Option<String>> {
    match o.filter(|o| !o.is_none()) {
        None => Ok(None),
        Some(o) => Ok(Some(expect_str(o, "argument 'errors'")?.to_string())),
    }
}

fn encode_with(a: Args, fname: &str, codec: &str) -> PyResult {
    let [s, errors] = args::parse(a, fname, &["str", "errors", "/"], 1)?;
    let s = s.unwrap_or(crate::types::none_ref());
    let text = s
        .downcast::<StrObj>()
        .ok_or_else(|| PyErr::type_error(format!("{fname}() argument 1 must be str, not {}", s.class().name())))?;
    let errors = errors_name(errors)?;
    let out = crate::codecs::encode(text.as_str(), Some(codec), errors.as_deref())?;
    Ok(new_tuple(vec![bytes::from_vec(out), int::from_usize(text.char_len())]))
}

/// How many bytes at the end of `data` start a UTF-8 sequence that more
/// input could complete.
fn incomplete_utf8_tail(data: &[u8]) -> usize {
    for back in 1..=3.min(data.len()) {
        let b = data[data.len() - back];
        if b & 0xC0 == 0x80 {
            continue;
        }
        let need = match b {
            0xC2..=0xDF => 2,
            0xE0..=0xEF => 3,
            0xF0..=0xF4 => 4,
            _ => return 0,
        };
        return if need > back { back } else { 0 };
    }
    0
}

fn decode_with(a: Args, fname: &str, codec: &str) -> PyResult {
    let [data, errors, fin] = args::parse(a, fname, &["data", "errors", "final", "/"], 1)?;
    let data_obj = data.unwrap_or(crate::types::none_ref());
    let data = bytes::bytes_of(data_obj).ok_or_else(|| {
        PyErr::type_error(format!("a bytes-like object is required, not '{}'", data_obj.class().name()))
    })?;
    let errors = errors_name(errors)?;
    let fin = match fin {
        Some(f) => ops::is_true(f)?,
        None => false,
    };
    let keep = if codec == "utf-8" && !fin { data.len() - incomplete_utf8_tail(&data) } else { data.len() };
    let src = bytes::new_bytes(&data[..keep]);
    let text = crate::codecs::decode(&data[..keep], Some(codec), errors.as_deref(), &src)?;
    Ok(new_tuple(vec![text, int::from_usize(keep)]))
}

macro_rules! codec_functions {
    ($($enc:ident, $dec:ident, $name:literal;)*) => {
        $(
            fn $enc(a: Args) -> PyResult {
                encode_with(a, stringify!($enc), $name)
            }
            fn $dec(a: Args) -> PyResult {
                decode_with(a, stringify!($dec), $name)
            }
        )*
    };
}

codec_functions! {
    utf_8_encode, utf_8_decode, "utf-8";
    ascii_encode, ascii_decode, "ascii";
    latin_1_encode, latin_1_decode, "latin-1";
}

static FUNCS: &[MethodDef] = &[
    MethodDef::method("register", register),
    MethodDef::method("unregister", unregister),
    MethodDef::method("lookup", lookup),
    MethodDef::method("encode", encode),
    MethodDef::method("decode", decode),
    MethodDef::method("register_error", register_error),
    MethodDef::method("lookup_error", lookup_error),
    MethodDef::method("utf_8_encode", utf_8_encode),
    MethodDef::method("utf_8_decode", utf_8_decode),
    MethodDef::method("ascii_encode", ascii_encode),
    MethodDef::method("ascii_decode", ascii_decode),
    MethodDef::method("latin_1_encode", latin_1_encode),
    MethodDef::method("latin_1_decode", latin_1_decode),
];

pub fn init() -> PyResult<PyRef> {
    let m = new_module("_codecs");
    let mo = m.downcast::<ModuleObj>().ok_or_else(|| PyErr::system_error("module"))?;
    mo.add_functions(&m, FUNCS);
    Ok(m)
}

#[cfg(test)]
mod tests {
    use super::incomplete_utf8_tail;

    #[test]
    fn utf8_tails() {
        assert_eq!(incomplete_utf8_tail(b"abc"), 0);
        assert_eq!(incomplete_utf8_tail("é".as_bytes()), 0);
        assert_eq!(incomplete_utf8_tail(&"é".as_bytes()[..1]), 1);
        assert_eq!(incomplete_utf8_tail(&"€".as_bytes()[..2]), 2);
        assert_eq!(incomplete_utf8_tail(&"𝄞".as_bytes()[..3]), 3);
        assert_eq!(incomplete_utf8_tail(b"a\xff"), 0);
    }
}

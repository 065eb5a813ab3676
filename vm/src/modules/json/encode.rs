//! Encoding: the string escapers and the `Encoder` type (`make_encoder`).
//!
//! An encoder writes a whole document into one string and returns it in a
//! one-element list (the pure-Python encoder's `_iterencode` yields
//! chunks; `JSONEncoder.encode` joins either). The pure-Python encoder is
//! used instead whenever `indent` is set, so this one writes no newlines.

use crate::object::abi::{entry, NativeCall};
use crate::object::{AsObj, Obj, PyCell, PyPayload, PyRef};
use crate::ops;
use crate::runtime::{PyErr, PyResult};
use crate::types::bool as pybool;
use crate::types::builtin_func::BuiltinFunctionObj;
use crate::types::bytes_args::ssize_arg;
use crate::types::dict::DictObj;
use crate::types::float::FloatObj;
use crate::types::int::IntObj;
use crate::types::list::ListObj;
use crate::types::str::{from_string, StrObj};
use crate::types::tuple::{new_tuple, TupleObj};
use crate::types::typeobj::{Args, GetSetDef, TypeObj};
use crate::util::args;

use super::Nesting;

const HEX: &[u8; 16] = b"0123456789abcdef";

fn push_u_escape(out: &mut String, unit: u32) {
    out.push_str("\\u");
    for shift in [12, 8, 4, 0] {
        out.push(HEX[((unit >> shift) & 0xF) as usize] as char);
    }
}

/// Appends the JSON string literal for `s`; with `ascii`, characters past
/// ASCII become `\uXXXX` escapes (surrogate pairs above U+FFFF).
fn escape_into(out: &mut String, s: &str, ascii: bool) {
    out.reserve(s.len() + 2);
    out.push('"');
    let mut plain = 0;
    for (i, ch) in s.char_indices() {
        let escaped = match ch {
            '"' => Some("\\\""),
            '\\' => Some("\\\\"),
            '\n' => Some("\\n"),
            '\r' => Some("\\r"),
            '\t' => Some("\\t"),
            '\u{8}' => Some("\\b"),
            '\u{c}' => Some("\\f"),
            c if c < ' ' || (ascii && c > '~') => None,
            _ => continue,
        };
        out.push_str(&s[plain..i]);
        plain = i + ch.len_utf8();
        match escaped {
            Some(e) => out.push_str(e),
            None => {
                let code = ch as u32;
                if code >= 0x10000 {
                    let v = code - 0x10000;
                    push_u_escape(out, 0xD800 | (v >> 10));
                    push_u_escape(out, 0xDC00 | (v & 0x3FF));
                } else {
                    push_u_escape(out, code);
                }
            }
        }
    }
    out.push_str(&s[plain..]);
    out.push('"');
}

fn escaped(s: &str, ascii: bool) -> PyRef {
    let mut out = String::new();
    escape_into(&mut out, s, ascii);
    from_string(out)
}

fn string_arg<'a>(a: &Args<'a>, name: &str) -> PyResult<&'a StrObj> {
    let [s] = args::exact_fn::<1>(*a, name)?;
    s.downcast::<StrObj>()
        .ok_or_else(|| PyErr::type_error(format!("first argument must be a string, not {}", s.class().name())))
}

/// `encode_basestring_ascii(string)`.
pub(super) fn py_encode_basestring_ascii(a: Args) -> PyResult {
    Ok(escaped(string_arg(&a, "encode_basestring_ascii")?.as_str(), true))
}

/// `encode_basestring(string)`.
pub(super) fn py_encode_basestring(a: Args) -> PyResult {
    Ok(escaped(string_arg(&a, "encode_basestring")?.as_str(), false))
}

// --- the encoder --------------------------------------------------------

/// How strings are turned into literals.
#[derive(Clone, Copy, PartialEq, Eq)]
enum FastEncode {
    /// Call the `encoder` object.
    No,
    /// `encoder` is this module's `encode_basestring_ascii`.
    Ascii,
    /// `encoder` is this module's `encode_basestring`.
    Unicode,
}

#[derive(Clone)]
struct Settings {
    markers: PyRef,
    default: PyRef,
    encoder: PyRef,
    indent: PyRef,
    key_separator: PyRef,
    item_separator: PyRef,
    sort_keys: bool,
    skipkeys: bool,
    allow_nan: bool,
    fast: FastEncode,
}

/// `_json.Encoder`: `make_encoder(...)` objects.
#[repr(C)]
pub struct EncoderObj {
    pub ob: Obj,
    /// None only once the cycle collector has cleared the encoder.
    settings: PyCell<Option<Settings>>,
}

// SAFETY: `#[repr(C)]` starting with `Obj`.
unsafe impl PyPayload for EncoderObj {
    fn class() -> &'static TypeObj {
        &ENCODER_TYPE
    }
}

fn settings_of(o: &Obj) -> PyResult<Settings> {
    let e = o.downcast::<EncoderObj>().expect("Encoder");
    e.settings.get_clone().ok_or_else(|| PyErr::value_error("the encoder was cleared"))
}

fn fast_encode_of(encoder: &Obj) -> FastEncode {
    let Some(f) = encoder.downcast_exact::<BuiltinFunctionObj>() else { return FastEncode::No };
    // This module's own functions, recognised by their definitions.
    let ours = |name: &str| super::FUNCS.iter().any(|d| d.name == name && std::ptr::eq(d, f.def));
    if ours("encode_basestring_ascii") {
        FastEncode::Ascii
    } else if ours("encode_basestring") {
        FastEncode::Unicode
    } else {
        FastEncode::No
    }
}

fn encoder_new(t: &TypeObj, a: Args) -> PyResult {
    const NAMES: [&str; 9] = [
        "markers",
        "default",
        "encoder",
        "indent",
        "key_separator",
        "item_separator",
        "sort_keys",
        "skipkeys",
        "allow_nan",
    ];
    let given: [Option<&Obj>; 9] = args::parse(a, "make_encoder", &NAMES, 9)?;
    let [markers, default, encoder, indent, key_sep, item_sep, sort_keys, skipkeys, allow_nan] =
        given.map(|x| x.expect("required"));
    for (i, sep) in [(5, key_sep), (6, item_sep)] {
        if !sep.isa::<StrObj>() {
            return Err(PyErr::type_error(format!(
                "make_encoder() argument {i} must be str, not {}",
                sep.class().name()
            )));
        }
    }
    let settings = Settings {
        markers: markers.to_owned(),
        default: default.to_owned(),
        encoder: encoder.to_owned(),
        indent: indent.to_owned(),
        key_separator: key_sep.to_owned(),
        item_separator: item_sep.to_owned(),
        sort_keys: ops::is_true(sort_keys)?,
        skipkeys: ops::is_true(skipkeys)?,
        allow_nan: ops::is_true(allow_nan)?,
        fast: fast_encode_of(encoder),
    };
    if !markers.is_none() && !markers.isa::<DictObj>() {
        return Err(PyErr::type_error(format!(
            "make_encoder() argument 1 must be dict or None, not {}",
            markers.class().name()
        )));
    }
    Ok(crate::object::alloc::alloc_object(t, EncoderObj { ob: Obj::new(t), settings: PyCell::new(Some(settings)) }, 0))
}

/// Marks a container as being encoded (circular reference check); the
/// mark is removed by [`Marker::done`].
struct Marker {
    id: Option<PyRef>,
}

impl Marker {
    fn enter(s: &Settings, o: &Obj) -> PyResult<Marker> {
        let Some(markers) = s.markers.downcast::<DictObj>() else { return Ok(Marker { id: None }) };
        let id = crate::types::int::from_u64(o.as_ptr() as u64);
        if markers.get_item(&id)?.is_some() {
            return Err(PyErr::value_error("Circular reference detected"));
        }
        markers.set_item(&id, o.to_owned())?;
        Ok(Marker { id: Some(id) })
    }

    fn done(self, s: &Settings) -> PyResult<()> {
        if let (Some(id), Some(markers)) = (self.id, s.markers.downcast::<DictObj>()) {
            if markers.del_item(&id)?.is_none() {
                return Err(PyErr::new(&crate::types::exceptions::KEY_ERROR, ops::repr_string(&id)?));
            }
        }
        Ok(())
    }
}

struct Writer<'a> {
    s: &'a Settings,
    out: String,
}

impl Writer<'_> {
    fn string(&mut self, text: &Obj) -> PyResult<()> {
        match self.s.fast {
            FastEncode::Ascii => escape_into(&mut self.out, StrObj::text(text), true),
            FastEncode::Unicode => escape_into(&mut self.out, StrObj::text(text), false),
            FastEncode::No => {
                let encoded = ops::call1(&self.s.encoder, text)?;
                let Some(e) = encoded.downcast::<StrObj>() else {
                    return Err(PyErr::type_error(format!(
                        "encoder() must return a string, not {}",
                        encoded.class().name()
                    )));
                };
                self.out.push_str(e.as_str());
            }
        }
        Ok(())
    }

    fn float_text(&self, v: f64) -> PyResult<String> {
        if v.is_finite() {
            return Ok(crate::types::float::float_repr_str(v));
        }
        if !self.s.allow_nan {
            return Err(PyErr::value_error("Out of range float values are not JSON compliant"));
        }
        Ok(if v > 0.0 {
            "Infinity"
        } else if v < 0.0 {
            "-Infinity"
        } else {
            "NaN"
        }
        .to_string())
    }

    fn value(&mut self, o: &Obj) -> PyResult<()> {
        if o.is_none() {
            self.out.push_str("null");
        } else if o.is(pybool::true_().as_obj()) {
            self.out.push_str("true");
        } else if o.is(pybool::false_().as_obj()) {
            self.out.push_str("false");
        } else if o.isa::<StrObj>() {
            self.string(o)?;
        } else if let Some(i) = o.downcast::<IntObj>() {
            self.out.push_str(&crate::types::int::int_to_decimal(i)?);
        } else if let Some(f) = o.downcast::<FloatObj>() {
            let text = self.float_text(f.value())?;
            self.out.push_str(&text);
        } else if o.isa::<ListObj>() || o.isa::<TupleObj>() {
            let _nesting = Nesting::enter(" while encoding a JSON object")?;
            self.list(o)?;
        } else if o.isa::<DictObj>() {
            let _nesting = Nesting::enter(" while encoding a JSON object")?;
            self.dict(o)?;
        } else {
            let marker = Marker::enter(self.s, o)?;
            let replacement = ops::call1(&self.s.default, o)?;
            {
                let _nesting = Nesting::enter(" while encoding a JSON object")?;
                self.value(&replacement)?;
            }
            marker.done(self.s)?;
        }
        Ok(())
    }

    fn list(&mut self, seq: &Obj) -> PyResult<()> {
        let item = |i: usize| -> Option<PyRef> {
            match seq.downcast::<ListObj>() {
                Some(l) => l.get(i),
                None => seq.downcast::<TupleObj>().and_then(|t| t.as_slice().get(i).cloned()),
            }
        };
        let Some(first) = item(0) else {
            self.out.push_str("[]");
            return Ok(());
        };
        let marker = Marker::enter(self.s, seq)?;
        self.out.push('[');
        self.value(&first)?;
        let mut i = 1;
        while let Some(x) = item(i) {
            self.out.push_str(StrObj::text(&self.s.item_separator));
            self.value(&x)?;
            i += 1;
        }
        marker.done(self.s)?;
        self.out.push(']');
        Ok(())
    }

    /// The text of a dict key, or None when `skipkeys` skips it.
    fn key_text(&self, key: &Obj) -> PyResult<Option<PyRef>> {
        if key.isa::<StrObj>() {
            return Ok(Some(key.to_owned()));
        }
        let text = if let Some(f) = key.downcast::<FloatObj>() {
            self.float_text(f.value())?
        } else if key.is(pybool::true_().as_obj()) {
            "true".to_string()
        } else if key.is(pybool::false_().as_obj()) {
            "false".to_string()
        } else if key.is_none() {
            "null".to_string()
        } else if let Some(i) = key.downcast::<IntObj>() {
            crate::types::int::int_to_decimal(i)?
        } else if self.s.skipkeys {
            return Ok(None);
        } else {
            return Err(PyErr::type_error(format!(
                "keys must be str, int, float, bool or None, not {}",
                key.class().name()
            )));
        };
        Ok(Some(from_string(text)))
    }

    fn dict(&mut self, d: &Obj) -> PyResult<()> {
        let dict = d.downcast::<DictObj>().expect("dict");
        if dict.is_empty() {
            self.out.push_str("{}");
            return Ok(());
        }
        let marker = Marker::enter(self.s, d)?;
        self.out.push('{');
        let mut items: Vec<PyRef> = if d.downcast_exact::<DictObj>().is_some() {
            dict.items().into_iter().map(|(k, v)| new_tuple(vec![k, v])).collect()
        } else {
            ops::collect_vec(&*ops::call_method(d, "items", &[])?)?
        };
        if self.s.sort_keys {
            crate::types::list::sort_items(&mut items, None, false)?;
        }
        let mut written = 0;
        for item in items {
            let pair = item.downcast::<TupleObj>().map(|t| t.as_slice()).filter(|p| p.len() == 2);
            let Some([key, value]) = pair else {
                return Err(PyErr::value_error("items must return 2-tuples"));
            };
            let Some(key) = self.key_text(key)? else { continue };
            if written > 0 {
                self.out.push_str(StrObj::text(&self.s.item_separator));
            }
            self.string(&key)?;
            self.out.push_str(StrObj::text(&self.s.key_separator));
            self.value(value)?;
            written += 1;
        }
        marker.done(self.s)?;
        self.out.push('}');
        Ok(())
    }
}

struct EncoderCall;
impl NativeCall for EncoderCall {
    fn call(callable: &Obj, a: Args) -> PyResult {
        let [obj, level] = args::parse(a, "_iterencode", &["obj", "_current_indent_level"], 2)?;
        ssize_arg(level.expect("level"))?;
        let settings = settings_of(callable)?;
        let mut w = Writer { s: &settings, out: String::new() };
        w.value(obj.expect("obj"))?;
        Ok(crate::types::list::new_list(vec![from_string(w.out)]))
    }
}

fn encoder_traverse(o: &Obj, visit: &mut dyn FnMut(&Obj)) {
    let e = o.downcast::<EncoderObj>().expect("Encoder");
    e.settings.with(|s| {
        if let Some(s) = s {
            for r in [&s.markers, &s.default, &s.encoder, &s.indent, &s.key_separator, &s.item_separator] {
                visit(r);
            }
        }
    });
}

fn encoder_clear(o: &Obj) {
    let e = o.downcast::<EncoderObj>().expect("Encoder");
    let old = e.settings.replace(None);
    drop(old);
}

fn g_markers(o: &Obj) -> PyResult {
    Ok(settings_of(o)?.markers)
}
fn g_default(o: &Obj) -> PyResult {
    Ok(settings_of(o)?.default)
}
fn g_encoder(o: &Obj) -> PyResult {
    Ok(settings_of(o)?.encoder)
}
fn g_indent(o: &Obj) -> PyResult {
    Ok(settings_of(o)?.indent)
}
fn g_key_separator(o: &Obj) -> PyResult {
    Ok(settings_of(o)?.key_separator)
}
fn g_item_separator(o: &Obj) -> PyResult {
    Ok(settings_of(o)?.item_separator)
}
fn g_sort_keys(o: &Obj) -> PyResult {
    Ok(pybool::new_bool(settings_of(o)?.sort_keys))
}
fn g_skipkeys(o: &Obj) -> PyResult {
    Ok(pybool::new_bool(settings_of(o)?.skipkeys))
}

static ENCODER_GETSETS: &[GetSetDef] = &[
    GetSetDef::getter("markers", g_markers),
    GetSetDef::getter("default", g_default),
    GetSetDef::getter("encoder", g_encoder),
    GetSetDef::getter("indent", g_indent),
    GetSetDef::getter("key_separator", g_key_separator),
    GetSetDef::getter("item_separator", g_item_separator),
    GetSetDef::getter("sort_keys", g_sort_keys),
    GetSetDef::getter("skipkeys", g_skipkeys),
];

crate::static_type! {
    pub static ENCODER_TYPE: EncoderObj = "_json.Encoder" {
        module: "_json",
        flags: HAVE_GC,
        doc: "Encoder(markers, default, encoder, indent, key_separator, item_separator, sort_keys, skipkeys, allow_nan)",
        getsets: ENCODER_GETSETS,
        slots: {
            new: encoder_new, call: entry::<EncoderCall>,
            traverse: encoder_traverse, clear: encoder_clear,
        },
    }
}

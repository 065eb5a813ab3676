//! `str` methods: the method table, argument helpers shared by the `str_*`
//! method files, and the smaller methods (join, padding, stripping, encode,
//! format). Searching lives in `str_search.rs`, splitting in `str_split.rs`,
//! case mapping and predicates in `str_case.rs`, translate in `str_translate.rs`.

use crate::object::{AsObj, Obj, PyRef};
use crate::ops;
use crate::runtime::{PyErr, PyResult};
use crate::types::str::{from_string, new_str, StrObj, STR_TYPE};
use crate::types::typeobj::{Args, MethodDef};
use crate::types::{int, str_case, str_search, str_split, str_translate};

pub(crate) fn this(o: &Obj) -> &StrObj {
    o.downcast::<StrObj>().expect("str method on a str")
}

fn text(o: &Obj) -> &str {
    StrObj::text(o)
}

/// Returns `obj` itself when it is an exact str (CPython returns the same
/// object from no-op methods), else a new str with its text.
pub(crate) fn same_or_new(obj: &Obj) -> PyRef {
    if obj.class().is(&STR_TYPE) {
        obj.to_owned()
    } else {
        new_str(text(obj))
    }
}

/// Positional-only arguments after `self` (Argument Clinic's messages):
/// between `min` and `max` of them, no keywords.
pub(crate) fn positional<'a>(a: &Args<'a>, name: &str, min: usize, max: usize) -> PyResult<&'a [&'a Obj]> {
    if a.kwnames.is_some_and(|k| !k.is_empty()) {
        return Err(PyErr::type_error(format!("str.{name}() takes no keyword arguments")));
    }
    let n = a.nargs.saturating_sub(1);
    if n < min || n > max {
        let plural = |k: usize| if k == 1 { "" } else { "s" };
        return Err(PyErr::type_error(if n < min {
            format!("{name} expected at least {min} argument{}, got {n}", plural(min))
        } else {
            format!("{name} expected at most {max} argument{}, got {n}", plural(max))
        }));
    }
    Ok(&a.all[1..a.nargs])
}

/// Positional-or-keyword arguments after `self` (Argument Clinic's
/// `_PyArg_UnpackKeywords` messages); one slot per name in `names`.
pub(crate) fn keywords<'a, const N: usize>(
    a: &Args<'a>,
    name: &str,
    names: [&str; N],
) -> PyResult<[Option<&'a Obj>; N]> {
    let mut out: [Option<&'a Obj>; N] = [None; N];
    let npos = a.nargs.saturating_sub(1);
    let nkw = a.kwnames.map_or(0, |k| k.len());
    let plural = |k: usize| if k == 1 { "" } else { "s" };
    if npos > N {
        return Err(PyErr::type_error(format!("{name}() takes at most {N} argument{} ({npos} given)", plural(N))));
    }
    if npos + nkw > N {
        return Err(PyErr::type_error(format!(
            "{name}() takes at most {N} keyword argument{} ({} given)",
            plural(N),
            npos + nkw
        )));
    }
    for (slot, v) in out.iter_mut().zip(&a.all[1..a.nargs]) {
        *slot = Some(*v);
    }
    if let Some(kw) = a.kwnames {
        for (i, k) in kw.as_slice().iter().enumerate() {
            let key = StrObj::text(k);
            let Some(j) = names.iter().position(|n| *n == key) else {
                return Err(PyErr::type_error(format!("'{key}' is an invalid keyword argument for {name}()")));
            };
            if out[j].is_some() {
                return Err(PyErr::type_error(format!(
                    "argument for {name}() given by name ('{key}') and position ({})",
                    j + 1
                )));
            }
            out[j] = Some(a.all[a.nargs + i]);
        }
    }
    Ok(out)
}

/// Exactly one argument after `self` (METH_O methods).
pub(crate) fn one_arg<'a>(a: &Args<'a>, name: &str) -> PyResult<&'a Obj> {
    if a.kwnames.is_some_and(|k| !k.is_empty()) {
        return Err(PyErr::type_error(format!("str.{name}() takes no keyword arguments")));
    }
    if a.nargs != 2 {
        return Err(PyErr::type_error(format!(
            "str.{name}() takes exactly one argument ({} given)",
            a.nargs.saturating_sub(1)
        )));
    }
    Ok(a.all[1])
}

/// A type name as Argument Clinic's "must be X, not Y" messages show it.
pub(crate) fn arg_type_name(o: &Obj) -> String {
    if o.is_none() {
        "None".to_string()
    } else {
        o.class().name()
    }
}

/// A C `int` argument (via `__index__`).
pub(crate) fn c_int_arg(o: &Obj) -> PyResult<i64> {
    let v = int::expect_i64(o, "int")?;
    if i32::try_from(v).is_err() {
        return Err(PyErr::overflow_error("Python int too large to convert to C int"));
    }
    Ok(v)
}

/// A `Py_ssize_t` argument (via `__index__`).
pub(crate) fn ssize_arg(o: &Obj) -> PyResult<i64> {
    int::expect_i64(o, "ssize_t")
}

/// No arguments besides `self`; `name` is the qualified method name
/// (`str.upper`) as CPython's messages show it. Returns `self`.
pub(crate) fn no_args<'a>(a: &Args<'a>, name: &str) -> PyResult<&'a Obj> {
    if a.kwnames.is_some_and(|k| !k.is_empty()) {
        return Err(PyErr::type_error(format!("{name}() takes no keyword arguments")));
    }
    match a.all.first() {
        Some(s) if a.nargs == 1 => Ok(*s),
        _ => Err(PyErr::type_error(format!("{name}() takes no arguments ({} given)", a.nargs.saturating_sub(1)))),
    }
}

/// `str.encode` / `bytes(s, encoding)`.
pub fn encode_str(s: &str, enc: &Obj, errors: Option<&Obj>) -> PyResult<Vec<u8>> {
    crate::codecs::encode(s, opt_str(Some(enc), "encoding")?, opt_str(errors, "errors")?)
}

/// `bytes.decode` / `str(b, encoding)`.
pub fn decode_bytes(data: &[u8], enc: Option<&Obj>, errors: Option<&Obj>, src: &Obj) -> PyResult {
    crate::codecs::decode(data, opt_str(enc, "encoding")?, opt_str(errors, "errors")?, src)
}

fn opt_str<'a>(o: Option<&'a Obj>, what: &str) -> PyResult<Option<&'a str>> {
    match o {
        None => Ok(None),
        Some(x) => Ok(Some(crate::types::str::expect_str(x, what)?)),
    }
}

fn m_join(a: Args) -> PyResult {
    let it = one_arg(&a, "join")?;
    let sep = text(a.all[0]);
    let iter = ops::iter(it).map_err(|e| {
        if e.matches(&crate::types::exceptions::TYPE_ERROR) {
            PyErr::type_error("can only join an iterable")
        } else {
            e
        }
    })?;
    let items = ops::collect_vec(&iter)?;
    if items.len() == 1 && items[0].class().is(&STR_TYPE) {
        return Ok(items[0].clone());
    }
    let mut total = sep.len() * items.len().saturating_sub(1);
    for (i, x) in items.iter().enumerate() {
        match x.downcast::<StrObj>() {
            Some(xs) => total += xs.byte_len(),
            None => {
                return Err(PyErr::type_error(format!(
                    "sequence item {i}: expected str instance, {} found",
                    x.class().name()
                )))
            }
        }
    }
    let mut out = String::with_capacity(total);
    for (i, x) in items.iter().enumerate() {
        if i > 0 {
            out.push_str(sep);
        }
        out.push_str(text(x));
    }
    Ok(from_string(out))
}

fn m_encode(a: Args) -> PyResult {
    let [encoding, errors] = keywords(&a, "encode", ["encoding", "errors"])?;
    let s = a.all[0];
    for (o, what) in [(encoding, "encoding"), (errors, "errors")] {
        if let Some(o) = o {
            if !o.isa::<StrObj>() {
                return Err(PyErr::type_error(format!(
                    "encode() argument '{what}' must be str, not {}",
                    arg_type_name(o)
                )));
            }
        }
    }
    let enc = encoding.map(|e| e.to_owned()).unwrap_or_else(|| new_str("utf-8"));
    Ok(crate::types::bytes::from_vec(encode_str(text(s), &enc, errors)?))
}

fn m_format(a: Args) -> PyResult {
    crate::format::str_format::str_format_method(a)
}

fn m_format_map(a: Args) -> PyResult {
    let mapping = one_arg(&a, "format_map")?;
    crate::format::str_format::format_map(text(a.all[0]), mapping)
}

fn m_format_dunder(a: Args) -> PyResult {
    let spec = one_arg(&a, "__format__")?;
    let Some(spec) = spec.downcast::<StrObj>() else {
        return Err(PyErr::type_error(format!("__format__() argument must be str, not {}", arg_type_name(spec))));
    };
    if spec.byte_len() == 0 {
        // An empty spec means str(self), which a subclass may override.
        if a.all[0].downcast_exact::<StrObj>().is_some() {
            return Ok(same_or_new(a.all[0]));
        }
        return crate::ops::str(a.all[0]);
    }
    crate::format::spec::format_str_value(text(a.all[0]), spec.as_str())
}

fn m_getnewargs(a: Args) -> PyResult {
    let s = no_args(&a, "str.__getnewargs__")?;
    Ok(crate::types::tuple::new_tuple(vec![new_str(text(s))]))
}

fn m_sizeof(a: Args) -> PyResult {
    let s = no_args(&a, "str.__sizeof__")?;
    let so = this(s);
    // CPython 3.11's compact layouts: ASCII 48 + n + 1 bytes; otherwise 72
    // bytes of header plus (n + 1) code units of 1, 2 or 4 bytes.
    let n = so.char_len();
    let max = so.as_str().chars().map(|c| c as u32).max().unwrap_or(0);
    let size = if so.is_ascii() {
        48 + n + 1
    } else if max < 0x100 {
        72 + n + 1
    } else if max < 0x10000 {
        72 + 2 * (n + 1)
    } else {
        72 + 4 * (n + 1)
    };
    Ok(int::from_usize(size))
}

/// The fill character argument of center/ljust/rjust.
fn fill_char(o: Option<&&Obj>) -> PyResult<char> {
    let Some(o) = o else { return Ok(' ') };
    let Some(s) = o.downcast::<StrObj>() else {
        return Err(PyErr::type_error(format!(
            "The fill character must be a unicode character, not {}",
            o.class().name()
        )));
    };
    let mut chars = s.as_str().chars();
    match (chars.next(), chars.next()) {
        (Some(c), None) => Ok(c),
        _ => Err(PyErr::type_error("The fill character must be exactly one character long")),
    }
}

/// Pads with `left` and `right` fill characters.
fn padded(s: &str, left: usize, right: usize, fill: char) -> PyResult<PyRef> {
    let mut out = crate::format::text_buffer(s.len(), left.saturating_add(right), fill.len_utf8())?;
    out.extend(std::iter::repeat_n(fill, left));
    out.push_str(s);
    out.extend(std::iter::repeat_n(fill, right));
    Ok(from_string(out))
}

fn justify(a: Args, name: &str) -> PyResult {
    let p = positional(&a, name, 1, 2)?;
    let width = ssize_arg(p[0])?;
    let fill = fill_char(p.get(1))?;
    let s = this(a.all[0]);
    let len = s.char_len() as i64;
    if width <= len {
        return Ok(same_or_new(a.all[0]));
    }
    let n = (width - len) as usize;
    let (left, right) = match name {
        "ljust" => (0, n),
        "rjust" => (n, 0),
        // CPython's center puts the odd extra character on the left when the
        // string's length is odd and the padding is odd.
        _ => {
            let left = n / 2 + (n & width as usize & 1);
            (left, n - left)
        }
    };
    padded(s.as_str(), left, right, fill)
}

fn m_center(a: Args) -> PyResult {
    justify(a, "center")
}
fn m_ljust(a: Args) -> PyResult {
    justify(a, "ljust")
}
fn m_rjust(a: Args) -> PyResult {
    justify(a, "rjust")
}

fn m_zfill(a: Args) -> PyResult {
    let width = ssize_arg(one_arg(&a, "zfill")?)?;
    let s = this(a.all[0]);
    let len = s.char_len() as i64;
    if width <= len {
        return Ok(same_or_new(a.all[0]));
    }
    let n = (width - len) as usize;
    let t = s.as_str();
    let mut out = crate::format::text_buffer(t.len(), n, 1)?;
    let rest = match t.as_bytes().first() {
        Some(b'+' | b'-') => {
            out.push_str(&t[..1]);
            &t[1..]
        }
        _ => t,
    };
    out.extend(std::iter::repeat_n('0', n));
    out.push_str(rest);
    Ok(from_string(out))
}

fn m_expandtabs(a: Args) -> PyResult {
    let [tabsize] = keywords(&a, "expandtabs", ["tabsize"])?;
    let s = a.all[0];
    let tabsize = match tabsize {
        Some(t) => c_int_arg(t)?,
        None => 8,
    };
    let t = text(s);
    if !t.contains('\t') {
        return Ok(same_or_new(s));
    }
    let mut out = String::with_capacity(t.len());
    let mut col: i64 = 0;
    for c in t.chars() {
        match c {
            '\t' => {
                if tabsize > 0 {
                    let n = tabsize - col % tabsize;
                    out.try_reserve(n as usize).map_err(|_| PyErr::memory_error())?;
                    out.extend(std::iter::repeat_n(' ', n as usize));
                    col += n;
                }
            }
            '\n' | '\r' => {
                out.push(c);
                col = 0;
            }
            _ => {
                out.push(c);
                col += 1;
            }
        }
    }
    Ok(from_string(out))
}

#[derive(Clone, Copy, PartialEq)]
enum Strip {
    Left,
    Right,
    Both,
}

fn strip(a: Args, name: &str, how: Strip) -> PyResult {
    let p = positional(&a, name, 0, 1)?;
    let s = text(a.all[0]);
    let chars = match p.first() {
        None => None,
        Some(o) if o.is_none() => None,
        Some(o) => match o.downcast::<StrObj>() {
            Some(c) => Some(c.as_str()),
            None => return Err(PyErr::type_error(format!("{name} arg must be None or str"))),
        },
    };
    let strip_it = |c: char| match chars {
        None => crate::types::str_chars::is_space(c),
        Some(set) => set.contains(c),
    };
    let mut r = s;
    if how != Strip::Right {
        r = r.trim_start_matches(strip_it);
    }
    if how != Strip::Left {
        r = r.trim_end_matches(strip_it);
    }
    if r.len() == s.len() {
        return Ok(same_or_new(a.all[0]));
    }
    Ok(new_str(r))
}

fn m_strip(a: Args) -> PyResult {
    strip(a, "strip", Strip::Both)
}
fn m_lstrip(a: Args) -> PyResult {
    strip(a, "lstrip", Strip::Left)
}
fn m_rstrip(a: Args) -> PyResult {
    strip(a, "rstrip", Strip::Right)
}

fn affix(a: Args, name: &str, prefix: bool) -> PyResult {
    let arg = one_arg(&a, name)?;
    let Some(affix) = arg.downcast::<StrObj>() else {
        return Err(PyErr::type_error(format!("{name}() argument must be str, not {}", arg_type_name(arg))));
    };
    let s = text(a.all[0]);
    let r = if prefix { s.strip_prefix(affix.as_str()) } else { s.strip_suffix(affix.as_str()) };
    match r {
        Some(r) if !affix.as_str().is_empty() => Ok(new_str(r)),
        _ => Ok(same_or_new(a.all[0])),
    }
}

fn m_removeprefix(a: Args) -> PyResult {
    affix(a, "removeprefix", true)
}
fn m_removesuffix(a: Args) -> PyResult {
    affix(a, "removesuffix", false)
}

pub static METHODS: &[MethodDef] = &[
    MethodDef::method("join", m_join),
    MethodDef::method("encode", m_encode),
    MethodDef::method("format", m_format),
    MethodDef::method("format_map", m_format_map),
    MethodDef::method("__format__", m_format_dunder),
    MethodDef::method("__getnewargs__", m_getnewargs),
    MethodDef::method("__sizeof__", m_sizeof),
    MethodDef::method("center", m_center),
    MethodDef::method("ljust", m_ljust),
    MethodDef::method("rjust", m_rjust),
    MethodDef::method("zfill", m_zfill),
    MethodDef::method("expandtabs", m_expandtabs),
    MethodDef::method("strip", m_strip),
    MethodDef::method("lstrip", m_lstrip),
    MethodDef::method("rstrip", m_rstrip),
    MethodDef::method("removeprefix", m_removeprefix),
    MethodDef::method("removesuffix", m_removesuffix),
    MethodDef::method("find", str_search::m_find),
    MethodDef::method("rfind", str_search::m_rfind),
    MethodDef::method("index", str_search::m_index),
    MethodDef::method("rindex", str_search::m_rindex),
    MethodDef::method("count", str_search::m_count),
    MethodDef::method("startswith", str_search::m_startswith),
    MethodDef::method("endswith", str_search::m_endswith),
    MethodDef::method("replace", str_search::m_replace),
    MethodDef::method("partition", str_search::m_partition),
    MethodDef::method("rpartition", str_search::m_rpartition),
    MethodDef::method("split", str_split::m_split),
    MethodDef::method("rsplit", str_split::m_rsplit),
    MethodDef::method("splitlines", str_split::m_splitlines),
    MethodDef::method("upper", str_case::m_upper),
    MethodDef::method("lower", str_case::m_lower),
    MethodDef::method("casefold", str_case::m_casefold),
    MethodDef::method("title", str_case::m_title),
    MethodDef::method("capitalize", str_case::m_capitalize),
    MethodDef::method("swapcase", str_case::m_swapcase),
    MethodDef::method("isalpha", str_case::m_isalpha),
    MethodDef::method("isdigit", str_case::m_isdigit),
    MethodDef::method("isdecimal", str_case::m_isdecimal),
    MethodDef::method("isnumeric", str_case::m_isnumeric),
    MethodDef::method("isalnum", str_case::m_isalnum),
    MethodDef::method("isspace", str_case::m_isspace),
    MethodDef::method("isidentifier", str_case::m_isidentifier),
    MethodDef::method("isprintable", str_case::m_isprintable),
    MethodDef::method("isascii", str_case::m_isascii),
    MethodDef::method("islower", str_case::m_islower),
    MethodDef::method("isupper", str_case::m_isupper),
    MethodDef::method("istitle", str_case::m_istitle),
    MethodDef::method("translate", str_translate::m_translate),
    MethodDef::static_("maketrans", str_translate::m_maketrans),
];

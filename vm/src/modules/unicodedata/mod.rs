//! The `unicodedata` module at CPython 3.11's Unicode version, 14.0.0.
//!
//! Where a maintained crate has the data at exactly that version it is
//! used: `unicode-normalization` 0.1.21 (normalization, combining classes),
//! `unicode-general-category` 0.5.1 (categories, which also say whether a
//! character is assigned), `unicode-bidi` 0.3.8 (bidi classes). Names come
//! from `unicode_names2` (a newer Unicode version, so names and lookups of
//! characters unassigned in 14.0 are refused). East Asian widths,
//! mirroring, decomposition mappings with their tags and numeric values,
//! which no crate of that version offers, are generated from CPython itself
//! (`vm/tools/gen_unicodedata.py`). `ucd_3_2_0` answers with the same data
//! (only its `unidata_version` says 3.2.0). Known gap: named sequences
//! (`lookup` of a name for several characters) are not known.

#[rustfmt::skip]
mod decomp;
#[rustfmt::skip]
mod props;

use unicode_general_category::{get_general_category, GeneralCategory as G};
use unicode_normalization::UnicodeNormalization;

use crate::object::{Obj, PyRef};
use crate::runtime::{PyErr, PyResult};
use crate::types::dict::{new_dict, DictObj};
use crate::types::float::new_float;
use crate::types::int;
use crate::types::module::{new_module, ModuleObj};
use crate::types::new_bool;
use crate::types::str::{from_string, intern, new_str, StrObj};
use crate::types::tuple::new_tuple;
use crate::types::typeobj::{Args, MethodDef, TYPE_TYPE};
use crate::util::args;

/// CPython's `category()` abbreviation.
fn category_name(c: char) -> &'static str {
    match get_general_category(c) {
        G::ClosePunctuation => "Pe",
        G::ConnectorPunctuation => "Pc",
        G::Control => "Cc",
        G::CurrencySymbol => "Sc",
        G::DashPunctuation => "Pd",
        G::DecimalNumber => "Nd",
        G::EnclosingMark => "Me",
        G::FinalPunctuation => "Pf",
        G::Format => "Cf",
        G::InitialPunctuation => "Pi",
        G::LetterNumber => "Nl",
        G::LineSeparator => "Zl",
        G::LowercaseLetter => "Ll",
        G::MathSymbol => "Sm",
        G::ModifierLetter => "Lm",
        G::ModifierSymbol => "Sk",
        G::NonspacingMark => "Mn",
        G::OpenPunctuation => "Ps",
        G::OtherLetter => "Lo",
        G::OtherNumber => "No",
        G::OtherPunctuation => "Po",
        G::OtherSymbol => "So",
        G::ParagraphSeparator => "Zp",
        G::PrivateUse => {
            // The crate's table ends before the last two noncharacters.
            if (c as u32) & 0xFFFE == 0xFFFE {
                "Cn"
            } else {
                "Co"
            }
        }
        G::SpaceSeparator => "Zs",
        G::SpacingMark => "Mc",
        G::Surrogate => "Cs",
        G::TitlecaseLetter => "Lt",
        G::Unassigned => "Cn",
        G::UppercaseLetter => "Lu",
    }
}

fn assigned(c: char) -> bool {
    category_name(c) != "Cn"
}

/// Looks a character up in a table of runs `(first code point, value)`.
fn run_value<T: Copy>(runs: &[(u32, T)], c: char) -> T {
    let i = runs.partition_point(|&(start, _)| start <= c as u32);
    runs[i.saturating_sub(1)].1
}

fn numeric_entry(c: char) -> Option<&'static (u32, i8, i8, f64)> {
    props::NUMERIC.binary_search_by_key(&(c as u32), |e| e.0).ok().map(|i| &props::NUMERIC[i])
}

/// The character argument: a str of length one.
fn char_arg(o: &Obj, fname: &str) -> PyResult<char> {
    let bad = || PyErr::type_error(format!("{fname}() argument must be a unicode character, not {}", o.class().name()));
    let s = o.downcast::<StrObj>().ok_or_else(bad)?;
    let mut it = s.as_str().chars();
    match (it.next(), it.next()) {
        (Some(c), None) => Ok(c),
        _ => Err(PyErr::type_error(format!("{fname}() argument must be a unicode character, not str"))),
    }
}

/// One positional character argument (`METH_O`).
fn one_char(a: &Args, name: &str) -> PyResult<char> {
    let [o] = args::exact_fn::<1>(*a, &format!("unicodedata.{name}"))?;
    char_arg(o, name)
}

/// A character and an optional default.
fn char_and_default<'a>(a: Args<'a>, name: &str) -> PyResult<(char, Option<&'a Obj>)> {
    let [c, default] = args::parse::<2>(a, name, &["chr", "default", "/"], 1)?;
    Ok((char_arg(c.expect("chr"), name)?, default))
}

fn or_default(default: Option<&Obj>, msg: &str) -> PyResult {
    match default {
        Some(d) => Ok(d.to_owned()),
        None => Err(PyErr::value_error(msg)),
    }
}

fn decimal(a: Args) -> PyResult {
    let (c, default) = char_and_default(a, "decimal")?;
    match numeric_entry(c) {
        Some(&(_, d, _, _)) if d >= 0 => Ok(int::new_int(i64::from(d))),
        _ => or_default(default, "not a decimal"),
    }
}

fn digit(a: Args) -> PyResult {
    let (c, default) = char_and_default(a, "digit")?;
    match numeric_entry(c) {
        Some(&(_, _, d, _)) if d >= 0 => Ok(int::new_int(i64::from(d))),
        _ => or_default(default, "not a digit"),
    }
}

fn numeric(a: Args) -> PyResult {
    let (c, default) = char_and_default(a, "numeric")?;
    match numeric_entry(c) {
        Some(&(_, _, _, v)) => Ok(new_float(v)),
        None => or_default(default, "not a numeric character"),
    }
}

fn category(a: Args) -> PyResult {
    Ok(intern(category_name(one_char(&a, "category")?)))
}

fn bidirectional(a: Args) -> PyResult {
    let c = one_char(&a, "bidirectional")?;
    if !assigned(c) {
        return Ok(intern(""));
    }
    Ok(intern(&format!("{:?}", unicode_bidi::bidi_class(c))))
}

fn combining(a: Args) -> PyResult {
    let c = one_char(&a, "combining")?;
    Ok(int::new_int(i64::from(unicode_normalization::char::canonical_combining_class(c))))
}

fn mirrored(a: Args) -> PyResult {
    let c = one_char(&a, "mirrored")?;
    Ok(int::new_int(i64::from(run_value(props::MIRRORED_RUNS, c))))
}

fn east_asian_width(a: Args) -> PyResult {
    let c = one_char(&a, "east_asian_width")?;
    Ok(intern(props::WIDTHS[run_value(props::EAW_RUNS, c) as usize]))
}

fn decomposition(a: Args) -> PyResult {
    let c = one_char(&a, "decomposition")?;
    let d =
        decomp::DECOMPOSITIONS.binary_search_by_key(&(c as u32), |e| e.0).map_or("", |i| decomp::DECOMPOSITIONS[i].1);
    Ok(new_str(d))
}

fn name(a: Args) -> PyResult {
    let (c, default) = char_and_default(a, "name")?;
    match unicode_names2::name(c).filter(|_| assigned(c)) {
        Some(n) => Ok(from_string(n.to_string())),
        None => or_default(default, "no such name"),
    }
}

/// Longest name `lookup` accepts, as CPython's buffer.
const NAME_MAX: usize = 256;

fn lookup(a: Args) -> PyResult {
    let [o] = args::exact_fn::<1>(a, "unicodedata.lookup")?;
    let text = if let Some(s) = o.downcast::<StrObj>() {
        s.as_str().to_string()
    } else if let Some(b) = crate::types::bytes_args::buffer(o) {
        String::from_utf8_lossy(&b).into_owned()
    } else {
        return Err(PyErr::type_error(format!("a bytes-like object is required, not '{}'", o.class().name())));
    };
    if text.len() > NAME_MAX {
        return Err(PyErr::new(&crate::types::exceptions::KEY_ERROR, "name too long"));
    }
    match unicode_names2::character(&text).filter(|&c| assigned(c)) {
        Some(c) => Ok(crate::types::str::char_str(c)),
        None => Err(PyErr::with_arg(
            &crate::types::exceptions::KEY_ERROR,
            Some(from_string(format!("undefined character name '{text}'"))),
        )),
    }
}

#[derive(Clone, Copy)]
enum Form {
    Nfc,
    Nfd,
    Nfkc,
    Nfkd,
}

fn form_and_text<'a>(a: Args<'a>, fname: &str) -> PyResult<(Form, &'a Obj, &'a str)> {
    let [form, text] = args::parse::<2>(a, fname, &["form", "unistr", "/"], 2)?;
    let (form, text) = (form.expect("form"), text.expect("unistr"));
    let form_s = form
        .downcast::<StrObj>()
        .ok_or_else(|| PyErr::type_error(format!("{fname}() argument 1 must be str, not {}", form.class().name())))?;
    let s = text
        .downcast::<StrObj>()
        .ok_or_else(|| PyErr::type_error(format!("{fname}() argument 2 must be str, not {}", text.class().name())))?;
    let f = match form_s.as_str() {
        "NFC" => Form::Nfc,
        "NFD" => Form::Nfd,
        "NFKC" => Form::Nfkc,
        "NFKD" => Form::Nfkd,
        _ => return Err(PyErr::value_error("invalid normalization form")),
    };
    Ok((f, text, s.as_str()))
}

fn is_normal(form: Form, s: &str) -> bool {
    match form {
        Form::Nfc => unicode_normalization::is_nfc(s),
        Form::Nfd => unicode_normalization::is_nfd(s),
        Form::Nfkc => unicode_normalization::is_nfkc(s),
        Form::Nfkd => unicode_normalization::is_nfkd(s),
    }
}

fn normalize(a: Args) -> PyResult {
    let (form, obj, s) = form_and_text(a, "normalize")?;
    // An already normalized str comes back as it is (CPython returns the
    // same object when its quick check passes).
    if s.is_ascii() || is_normal(form, s) {
        return Ok(obj.to_owned());
    }
    let out: String = match form {
        Form::Nfc => s.nfc().collect(),
        Form::Nfd => s.nfd().collect(),
        Form::Nfkc => s.nfkc().collect(),
        Form::Nfkd => s.nfkd().collect(),
    };
    Ok(from_string(out))
}

fn is_normalized(a: Args) -> PyResult {
    let (form, _, s) = form_and_text(a, "is_normalized")?;
    Ok(new_bool(s.is_ascii() || is_normal(form, s)))
}

static FUNCS: &[MethodDef] = &[
    MethodDef::method("decimal", decimal),
    MethodDef::method("digit", digit),
    MethodDef::method("numeric", numeric),
    MethodDef::method("category", category),
    MethodDef::method("bidirectional", bidirectional),
    MethodDef::method("combining", combining),
    MethodDef::method("mirrored", mirrored),
    MethodDef::method("east_asian_width", east_asian_width),
    MethodDef::method("decomposition", decomposition),
    MethodDef::method("name", name),
    MethodDef::method("lookup", lookup),
    MethodDef::method("normalize", normalize),
    MethodDef::method("is_normalized", is_normalized),
];

/// `unicodedata.UCD`: a class whose instances carry the module's functions
/// (builtin functions do not bind, so `ucd.category(c)` calls them as they are).
fn ucd_class(m: &Obj) -> PyResult {
    let ns = new_dict();
    let d = ns.downcast::<DictObj>().ok_or_else(|| PyErr::system_error("dict"))?;
    d.set_by_str("__module__", new_str("unicodedata"));
    let mo = m.downcast::<ModuleObj>().ok_or_else(|| PyErr::system_error("module"))?;
    for def in FUNCS {
        if let Some(f) = mo.get_attr(def.name) {
            d.set_by_str(def.name, f);
        }
    }
    crate::types::type_new::type_new_impl(&TYPE_TYPE, &intern("UCD"), &new_tuple(Vec::new()), &ns, &[])
}

pub fn init() -> PyResult<PyRef> {
    let m = new_module("unicodedata");
    let mo = m.downcast::<ModuleObj>().ok_or_else(|| PyErr::system_error("module"))?;
    mo.add_functions(&m, FUNCS);
    mo.set_attr("unidata_version", new_str("14.0.0"));
    let ucd = ucd_class(&m)?;
    let old = crate::ops::call(&ucd, &[], None)?;
    crate::ops::setattr_str(&old, "unidata_version", &new_str("3.2.0"))?;
    mo.set_attr("UCD", ucd);
    mo.set_attr("ucd_3_2_0", old);
    mo.set_attr(
        "__doc__",
        new_str("This module provides access to the Unicode Character Database which\ndefines character properties for all Unicode characters."),
    );
    Ok(m)
}

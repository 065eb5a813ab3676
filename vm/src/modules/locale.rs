//! The `_locale` module under the host's `locale.py` (hence `calendar`,
//! `gettext`, `argparse`'s help). Ember knows the locales present on every
//! glibc system, "C", "POSIX" and "C.UTF-8" (any spelling of its codeset),
//! and keeps the current locale of each category itself: the C library's
//! locale is never changed, so Rust and libc code run in "C" whatever
//! Python sets. Other names raise `locale.Error` ("unsupported locale
//! setting"), as CPython does for a locale that is not installed. As in
//! CPython, LC_CTYPE starts from the environment, coerced to "C.UTF-8"
//! when that is "C" or "POSIX".

use std::cell::RefCell;

use crate::object::{Obj, PyRef, Static};
use crate::runtime::{PyErr, PyResult};
use crate::types::dict::{new_dict, DictObj};
use crate::types::exceptions::EXCEPTION;
use crate::types::int;
use crate::types::list::new_list;
use crate::types::module::{new_module, ModuleObj};
use crate::types::none;
use crate::types::str::{new_str, StrObj};
use crate::types::typeobj::{Args, MethodDef};
use crate::util::args;

use super::exc_class::ExcCell;

static ERROR: ExcCell = ExcCell::new();

/// glibc's category numbers; LC_ALL (6) is not a category of its own.
const LC_CTYPE: i64 = 0;
const LC_NUMERIC: i64 = 1;
const LC_TIME: i64 = 2;
const LC_COLLATE: i64 = 3;
const LC_MONETARY: i64 = 4;
const LC_MESSAGES: i64 = 5;
const LC_ALL: i64 = 6;

/// Every category glibc knows, in the order of its composite names.
const CATEGORIES: [(i64, &str); 12] = [
    (0, "LC_CTYPE"),
    (1, "LC_NUMERIC"),
    (2, "LC_TIME"),
    (3, "LC_COLLATE"),
    (4, "LC_MONETARY"),
    (5, "LC_MESSAGES"),
    (7, "LC_PAPER"),
    (8, "LC_NAME"),
    (9, "LC_ADDRESS"),
    (10, "LC_TELEPHONE"),
    (11, "LC_MEASUREMENT"),
    (12, "LC_IDENTIFICATION"),
];

/// The current locale name of each category (indexed as `CATEGORIES`),
/// set up on first use.
static CURRENT: Static<RefCell<Option<[String; 12]>>> = Static(RefCell::new(None));

fn slot(category: i64) -> Option<usize> {
    CATEGORIES.iter().position(|&(c, _)| c == category)
}

/// Whether Ember has locale `name`: C, POSIX, or C with a UTF-8 codeset
/// (glibc compares codesets lowercased without punctuation).
fn known(name: &str) -> bool {
    if name == "C" || name == "POSIX" {
        return true;
    }
    match name.strip_prefix("C.") {
        Some(cs) => {
            let norm: String = cs.chars().filter(char::is_ascii_alphanumeric).map(|c| c.to_ascii_lowercase()).collect();
            norm == "utf8"
        }
        None => false,
    }
}

fn env(name: &str) -> Option<String> {
    std::env::var(name).ok().filter(|v| !v.is_empty())
}

/// The locale the environment names for a category (`setlocale(c, "")`).
fn from_environment(cat_name: &str) -> String {
    env("LC_ALL").or_else(|| env(cat_name)).or_else(|| env("LANG")).unwrap_or_else(|| "C".to_string())
}

fn with_current<R>(f: impl FnOnce(&mut [String; 12]) -> R) -> R {
    let mut cur = CURRENT.borrow_mut();
    let state = cur.get_or_insert_with(|| {
        let mut ctype = from_environment("LC_CTYPE");
        if !known(&ctype) {
            ctype = "C".to_string();
        }
        // CPython coerces a C locale to C.UTF-8 at start-up (PEP 538).
        if (ctype == "C" || ctype == "POSIX") && env("LC_ALL").is_none() {
            ctype = "C.UTF-8".to_string();
        }
        let mut s: [String; 12] = Default::default();
        for (i, v) in s.iter_mut().enumerate() {
            *v = if i == 0 { ctype.clone() } else { "C".to_string() };
        }
        s
    });
    f(state)
}

/// The name `setlocale(LC_ALL)` reports: one name, or glibc's composite.
fn all_name(s: &[String; 12]) -> String {
    if s.iter().all(|n| *n == s[0]) {
        return s[0].clone();
    }
    CATEGORIES.iter().zip(s.iter()).map(|(&(_, cat), n)| format!("{cat}={n}")).collect::<Vec<_>>().join(";")
}

/// Parses a composite LC_ALL name; every category must be named.
fn parse_composite(name: &str) -> Option<[String; 12]> {
    let mut out: [Option<String>; 12] = Default::default();
    for part in name.split(';') {
        let (cat, value) = part.split_once('=')?;
        let i = CATEGORIES.iter().position(|&(_, n)| n == cat)?;
        if !known(value) {
            return None;
        }
        out[i] = Some(stored(value.to_string()));
    }
    let mut s: [String; 12] = Default::default();
    for (dst, src) in s.iter_mut().zip(out) {
        *dst = src?;
    }
    Some(s)
}

/// The name glibc records for a locale: "POSIX" is "C".
fn stored(name: String) -> String {
    if name == "POSIX" {
        "C".to_string()
    } else {
        name
    }
}

/// Sets a category (or all) to `name`; the new name, or None if Ember has
/// no such locale (nothing changes then).
fn set(category: i64, name: &str) -> Option<String> {
    with_current(|s| {
        if category == LC_ALL {
            let new = if name.contains('=') {
                parse_composite(name)?
            } else {
                let mut new: [String; 12] = Default::default();
                for (i, &(_, cat)) in CATEGORIES.iter().enumerate() {
                    let n = if name.is_empty() { from_environment(cat) } else { name.to_string() };
                    if !known(&n) {
                        return None;
                    }
                    new[i] = stored(n);
                }
                new
            };
            *s = new;
            return Some(all_name(s));
        }
        let i = slot(category)?;
        let n = if name.is_empty() { from_environment(CATEGORIES[i].1) } else { name.to_string() };
        if !known(&n) {
            return None;
        }
        s[i] = stored(n);
        Some(s[i].clone())
    })
}

fn query(category: i64) -> Option<String> {
    with_current(|s| if category == LC_ALL { Some(all_name(s)) } else { slot(category).map(|i| s[i].clone()) })
}

/// A `str` argument, or None where clinic accepts `NoneType`.
fn opt_str<'a>(o: &'a Obj, fname: &str, pos: Option<usize>) -> PyResult<Option<&'a str>> {
    if o.is_none() {
        return Ok(None);
    }
    match o.downcast::<StrObj>() {
        Some(s) => Ok(Some(s.as_str())),
        None => Err(PyErr::type_error(match pos {
            Some(p) => format!("{fname}() argument {p} must be str or None, not {}", o.class().name()),
            None => format!("{fname}() argument must be str or None, not {}", o.class().name()),
        })),
    }
}

fn req_str<'a>(o: &'a Obj, fname: &str, pos: Option<usize>) -> PyResult<&'a str> {
    match o.downcast::<StrObj>() {
        Some(s) => Ok(s.as_str()),
        None => Err(PyErr::type_error(match pos {
            Some(p) => format!("{fname}() argument {p} must be str, not {}", o.class().name()),
            None => format!("{fname}() argument must be str, not {}", o.class().name()),
        })),
    }
}

fn no_nul(s: &str) -> PyResult<&str> {
    if s.contains('\0') {
        return Err(PyErr::value_error("embedded null character"));
    }
    Ok(s)
}

fn c_int(o: &Obj) -> PyResult<i64> {
    crate::types::bytes_args::c_int_arg(o)
}

fn setlocale(a: Args) -> PyResult {
    let [category, locale] = args::parse::<2>(a, "setlocale", &["category", "locale", "/"], 1)?;
    let category = c_int(category.expect("category"))?;
    let locale = match locale {
        Some(l) => opt_str(l, "setlocale", Some(2))?,
        None => None,
    };
    match locale {
        Some(name) => match set(category, no_nul(name)?) {
            Some(n) => Ok(new_str(&n)),
            None => Err(ERROR.err("unsupported locale setting")),
        },
        None => match query(category) {
            Some(n) => Ok(new_str(&n)),
            None => Err(ERROR.err("locale query failed")),
        },
    }
}

/// `localeconv()`: the numeric and monetary conventions of the C locale,
/// which every locale Ember has shares.
fn localeconv(a: Args) -> PyResult {
    args::exact_fn::<0>(a, "_locale.localeconv")?;
    let d = new_dict();
    let dict = d.downcast::<DictObj>().ok_or_else(|| PyErr::system_error("dict"))?;
    let empty = || new_str("");
    let char_max = || int::new_int(127);
    dict.set_by_str("int_curr_symbol", empty());
    dict.set_by_str("currency_symbol", empty());
    dict.set_by_str("mon_decimal_point", empty());
    dict.set_by_str("mon_thousands_sep", empty());
    dict.set_by_str("mon_grouping", new_list(Vec::new()));
    dict.set_by_str("positive_sign", empty());
    dict.set_by_str("negative_sign", empty());
    for key in [
        "int_frac_digits",
        "frac_digits",
        "p_cs_precedes",
        "p_sep_by_space",
        "n_cs_precedes",
        "n_sep_by_space",
        "p_sign_posn",
        "n_sign_posn",
    ] {
        dict.set_by_str(key, char_max());
    }
    dict.set_by_str("decimal_point", new_str("."));
    dict.set_by_str("thousands_sep", empty());
    dict.set_by_str("grouping", new_list(Vec::new()));
    Ok(d)
}

/// glibc's `nl_item` numbers of the constants `_locale` exports.
const CODESET: i64 = 14;
const RADIXCHAR: i64 = 0x10000;
const THOUSEP: i64 = 0x10001;
const ABDAY_1: i64 = 0x20000;
const DAY_1: i64 = 0x20007;
const ABMON_1: i64 = 0x2000E;
const MON_1: i64 = 0x2001A;
const AM_STR: i64 = 0x20026;
const PM_STR: i64 = 0x20027;
const D_T_FMT: i64 = 0x20028;
const D_FMT: i64 = 0x20029;
const T_FMT: i64 = 0x2002A;
const T_FMT_AMPM: i64 = 0x2002B;
const ERA: i64 = 0x2002C;
const ERA_D_FMT: i64 = 0x2002E;
const ALT_DIGITS: i64 = 0x2002F;
const ERA_D_T_FMT: i64 = 0x20030;
const ERA_T_FMT: i64 = 0x20031;
const DATE_FMT: i64 = 0x2006C;
const CRNCYSTR: i64 = 0x4000F;
const YESEXPR: i64 = 0x50000;
const NOEXPR: i64 = 0x50001;

const DAYS: [&str; 7] = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];
const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// The C locale's answer to `nl_langinfo(key)`; the codeset follows LC_CTYPE.
fn langinfo(key: i64) -> Option<String> {
    let s = |v: &str| Some(v.to_string());
    match key {
        CODESET => {
            let ctype = query(LC_CTYPE).unwrap_or_default();
            if ctype == "C" || ctype == "POSIX" {
                s("ANSI_X3.4-1968")
            } else {
                s("UTF-8")
            }
        }
        RADIXCHAR => s("."),
        THOUSEP => s(""),
        k if (ABDAY_1..ABDAY_1 + 7).contains(&k) => s(&DAYS[(k - ABDAY_1) as usize][..3]),
        k if (DAY_1..DAY_1 + 7).contains(&k) => s(DAYS[(k - DAY_1) as usize]),
        k if (ABMON_1..ABMON_1 + 12).contains(&k) => s(&MONTHS[(k - ABMON_1) as usize][..3]),
        k if (MON_1..MON_1 + 12).contains(&k) => s(MONTHS[(k - MON_1) as usize]),
        AM_STR => s("AM"),
        PM_STR => s("PM"),
        D_T_FMT => s("%a %b %e %H:%M:%S %Y"),
        D_FMT => s("%m/%d/%y"),
        T_FMT => s("%H:%M:%S"),
        T_FMT_AMPM => s("%I:%M:%S %p"),
        ERA | ERA_D_FMT | ALT_DIGITS | ERA_D_T_FMT | ERA_T_FMT => s(""),
        DATE_FMT => s("%a %b %e %H:%M:%S %Z %Y"),
        CRNCYSTR => s("-"),
        YESEXPR => s("^[yY]"),
        NOEXPR => s("^[nN]"),
        _ => None,
    }
}

fn single<'a>(a: &Args<'a>, name: &str) -> PyResult<&'a Obj> {
    let [o] = args::exact_fn::<1>(*a, name)?;
    Ok(o)
}

fn nl_langinfo(a: Args) -> PyResult {
    let key = c_int(single(&a, "nl_langinfo")?)?;
    match langinfo(key) {
        Some(v) => Ok(new_str(&v)),
        None => Err(PyErr::value_error("unsupported langinfo constant")),
    }
}

/// `getencoding()`: Ember always runs in UTF-8 mode (`sys.flags.utf8_mode`),
/// where CPython answers "utf-8".
fn getencoding(a: Args) -> PyResult {
    args::exact_fn::<0>(a, "_locale.getencoding")?;
    Ok(new_str("utf-8"))
}

/// `strcoll(a, b)`: the C locale's collation, code point order.
fn strcoll(a: Args) -> PyResult {
    let [x, y] = args::parse::<2>(a, "strcoll", &["os1", "os2", "/"], 2)?;
    let x = no_nul(req_str(x.expect("os1"), "strcoll", Some(1))?)?;
    let y = no_nul(req_str(y.expect("os2"), "strcoll", Some(2))?)?;
    Ok(int::new_int(match x.cmp(y) {
        std::cmp::Ordering::Less => -1,
        std::cmp::Ordering::Equal => 0,
        std::cmp::Ordering::Greater => 1,
    }))
}

/// `strxfrm(s)`: the C locale's transformation is the identity.
fn strxfrm(a: Args) -> PyResult {
    let o = single(&a, "strxfrm")?;
    no_nul(req_str(o, "strxfrm", None)?)?;
    Ok(o.to_owned())
}

// ---- gettext: no message catalogs, so messages come back unchanged ----

static TEXT_DOMAIN: Static<RefCell<Option<String>>> = Static(RefCell::new(None));
/// A domain bound with `bindtextdomain`/`bind_textdomain_codeset`: its name,
/// directory and codeset.
type Binding = (String, Option<String>, Option<String>);
static BINDINGS: Static<RefCell<Vec<Binding>>> = Static(RefCell::new(Vec::new()));

/// Where glibc looks for catalogs of a domain nobody bound.
const DEFAULT_DIRNAME: &str = "/usr/share/locale";

fn gettext(a: Args) -> PyResult {
    let o = single(&a, "gettext")?;
    req_str(o, "gettext", None)?;
    Ok(o.to_owned())
}

fn dgettext(a: Args) -> PyResult {
    let [domain, msg] = args::parse::<2>(a, "dgettext", &["domain", "msg", "/"], 2)?;
    opt_str(domain.expect("domain"), "dgettext", Some(1))?;
    let msg = msg.expect("msg");
    req_str(msg, "dgettext", Some(2))?;
    Ok(msg.to_owned())
}

fn dcgettext(a: Args) -> PyResult {
    let [domain, msg, category] = args::parse::<3>(a, "dcgettext", &["domain", "msg", "category", "/"], 3)?;
    opt_str(domain.expect("domain"), "dcgettext", Some(1))?;
    let msg = msg.expect("msg");
    req_str(msg, "dcgettext", Some(2))?;
    c_int(category.expect("category"))?;
    Ok(msg.to_owned())
}

fn textdomain(a: Args) -> PyResult {
    let o = single(&a, "textdomain")?;
    if let Some(d) = opt_str(o, "textdomain", None)? {
        let d = no_nul(d)?;
        // glibc restores the default domain for an empty name.
        *TEXT_DOMAIN.borrow_mut() = if d.is_empty() { None } else { Some(d.to_string()) };
    }
    let cur = TEXT_DOMAIN.borrow().clone().unwrap_or_else(|| "messages".to_string());
    Ok(new_str(&cur))
}

fn binding(domain: &str) -> (Option<String>, Option<String>) {
    BINDINGS
        .borrow()
        .iter()
        .find(|(d, _, _)| d == domain)
        .map(|(_, dir, cs)| (dir.clone(), cs.clone()))
        .unwrap_or_default()
}

fn set_binding(domain: &str, dir: Option<String>, codeset: Option<String>) {
    let mut b = BINDINGS.borrow_mut();
    match b.iter_mut().find(|(d, _, _)| d == domain) {
        Some(entry) => {
            if dir.is_some() {
                entry.1 = dir;
            }
            if codeset.is_some() {
                entry.2 = codeset;
            }
        }
        None => b.push((domain.to_string(), dir, codeset)),
    }
}

/// A file-system path argument (str, bytes or `os.PathLike`) as text.
fn fs_path(o: &Obj) -> PyResult<String> {
    let path = if o.isa::<StrObj>() || o.isa::<crate::types::bytes::BytesObj>() {
        o.to_owned()
    } else {
        match crate::ops::call_special(o, "__fspath__", &[])? {
            Some(p) => p,
            None => {
                return Err(PyErr::type_error(format!(
                    "expected str, bytes or os.PathLike object, not {}",
                    o.class().name()
                )))
            }
        }
    };
    if let Some(s) = path.downcast::<StrObj>() {
        return Ok(no_nul(s.as_str())?.to_string());
    }
    match path.downcast::<crate::types::bytes::BytesObj>() {
        Some(b) if !b.as_bytes().contains(&0) => Ok(String::from_utf8_lossy(b.as_bytes()).into_owned()),
        Some(_) => Err(PyErr::value_error("embedded null byte")),
        None => Err(PyErr::type_error(format!(
            "expected {}.__fspath__() to return str or bytes, not {}",
            o.class().name(),
            path.class().name()
        ))),
    }
}

fn bindtextdomain(a: Args) -> PyResult {
    let [domain, dirname] = args::parse::<2>(a, "bindtextdomain", &["domain", "dirname", "/"], 2)?;
    let domain = no_nul(req_str(domain.expect("domain"), "bindtextdomain", Some(1))?)?;
    if domain.is_empty() {
        return Err(ERROR.err("domain must be a non-empty string"));
    }
    let dirname = dirname.expect("dirname");
    if !dirname.is_none() {
        let dir = fs_path(dirname)?;
        set_binding(domain, Some(dir), None);
    }
    let dir = binding(domain).0.unwrap_or_else(|| DEFAULT_DIRNAME.to_string());
    Ok(new_str(&dir))
}

fn bind_textdomain_codeset(a: Args) -> PyResult {
    let [domain, codeset] = args::parse::<2>(a, "bind_textdomain_codeset", &["domain", "codeset", "/"], 2)?;
    let domain = no_nul(req_str(domain.expect("domain"), "bind_textdomain_codeset", Some(1))?)?;
    if let Some(cs) = opt_str(codeset.expect("codeset"), "bind_textdomain_codeset", Some(2))? {
        set_binding(domain, None, Some(no_nul(cs)?.to_string()));
    }
    Ok(match binding(domain).1 {
        Some(cs) => new_str(&cs),
        None => none(),
    })
}

static FUNCS: &[MethodDef] = &[
    MethodDef::method("setlocale", setlocale),
    MethodDef::method("localeconv", localeconv),
    MethodDef::method("nl_langinfo", nl_langinfo),
    MethodDef::method("getencoding", getencoding),
    MethodDef::method("strcoll", strcoll),
    MethodDef::method("strxfrm", strxfrm),
    MethodDef::method("gettext", gettext),
    MethodDef::method("dgettext", dgettext),
    MethodDef::method("dcgettext", dcgettext),
    MethodDef::method("textdomain", textdomain),
    MethodDef::method("bindtextdomain", bindtextdomain),
    MethodDef::method("bind_textdomain_codeset", bind_textdomain_codeset),
];

const CONSTANTS: &[(&str, i64)] = &[
    ("LC_CTYPE", LC_CTYPE),
    ("LC_NUMERIC", LC_NUMERIC),
    ("LC_TIME", LC_TIME),
    ("LC_COLLATE", LC_COLLATE),
    ("LC_MONETARY", LC_MONETARY),
    ("LC_MESSAGES", LC_MESSAGES),
    ("LC_ALL", LC_ALL),
    ("CHAR_MAX", 127),
    ("CODESET", CODESET),
    ("D_T_FMT", D_T_FMT),
    ("D_FMT", D_FMT),
    ("T_FMT", T_FMT),
    ("T_FMT_AMPM", T_FMT_AMPM),
    ("AM_STR", AM_STR),
    ("PM_STR", PM_STR),
    ("RADIXCHAR", RADIXCHAR),
    ("THOUSEP", THOUSEP),
    ("YESEXPR", YESEXPR),
    ("NOEXPR", NOEXPR),
    ("CRNCYSTR", CRNCYSTR),
    ("ERA", ERA),
    ("ERA_D_T_FMT", ERA_D_T_FMT),
    ("ERA_D_FMT", ERA_D_FMT),
    ("ERA_T_FMT", ERA_T_FMT),
    ("ALT_DIGITS", ALT_DIGITS),
    ("_DATE_FMT", DATE_FMT),
];

pub fn init() -> PyResult<PyRef> {
    let m = new_module("_locale");
    let mo = m.downcast::<ModuleObj>().ok_or_else(|| PyErr::system_error("module"))?;
    mo.add_functions(&m, FUNCS);
    for &(name, v) in CONSTANTS {
        mo.set_attr(name, int::new_int(v));
    }
    for i in 0..7 {
        mo.set_attr(&format!("DAY_{}", i + 1), int::new_int(DAY_1 + i));
        mo.set_attr(&format!("ABDAY_{}", i + 1), int::new_int(ABDAY_1 + i));
    }
    for i in 0..12 {
        mo.set_attr(&format!("MON_{}", i + 1), int::new_int(MON_1 + i));
        mo.set_attr(&format!("ABMON_{}", i + 1), int::new_int(ABMON_1 + i));
    }
    mo.set_attr("Error", ERROR.get("locale", "Error", &EXCEPTION)?);
    mo.set_attr("__doc__", new_str("Support for POSIX locales."));
    Ok(m)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names() {
        assert!(known("C") && known("POSIX") && known("C.UTF-8") && known("C.utf8") && known("C.UTF8"));
        assert!(!known("c") && !known("en_US.UTF-8") && !known("C.latin1"));
        assert!(parse_composite("LC_CTYPE=C;LC_NUMERIC=C").is_none());
    }
}

//! `str`: core protocol slots, interning and construction. The text methods
//! live in `str_methods.rs`; formatting in `format/`.

use std::cell::RefCell;
use std::collections::HashMap;

use crate::object::varobj::STR_INTERNED;
use crate::object::{AsObj, Obj, PyPayload, PyRef, Static};
use crate::ops;
use crate::runtime::{PyErr, PyResult};
use crate::types::typeobj::{flags, Args, TypeObj};
use crate::types::{int, new_bool, not_implemented};
use crate::util::siphash;
use ember_compiler::bytecode::CompareOp;

pub use crate::object::varobj::StrObj;

// SAFETY: `StrObj` is `#[repr(C)]` starting with `Obj`; str subclasses share it.
unsafe impl PyPayload for StrObj {
    fn class() -> &'static TypeObj {
        &STR_TYPE
    }
    const SUBCLASS_FLAG: u64 = flags::UNICODE_SUBCLASS;
}

/// Creates an exact `str`.
#[inline]
pub fn new_str(s: &str) -> PyRef {
    let mut chars = s.chars();
    if let (Some(c), None) = (chars.next(), chars.next()) {
        if (c as u32) < 256 {
            return latin1_char(c as u8);
        }
    }
    if s.is_empty() {
        return empty_str();
    }
    StrObj::alloc(&STR_TYPE, s)
}

/// Creates a `str` from an owned String.
#[inline]
pub fn from_string(s: String) -> PyRef {
    new_str(&s)
}

struct Interned {
    table: RefCell<HashMap<Box<str>, PyRef>>,
    chars: RefCell<Vec<PyRef>>,
    /// Direct-mapped cache in front of `table`, indexed by the address and length
    /// of the Rust string: native code interns the same literal names
    /// (`"__init__"`, `"__len__"`) over and over. A hit is confirmed by comparing
    /// the text, so a reused address never returns the wrong string.
    recent: [crate::object::PyCell<Option<PyRef>>; INTERN_CACHE],
}

const INTERN_CACHE: usize = 256;

static INTERNED: Static<std::sync::OnceLock<Static<Interned>>> = Static(std::sync::OnceLock::new());

fn interned() -> &'static Interned {
    INTERNED.get_or_init(|| {
        Static(Interned {
            table: RefCell::new(HashMap::new()),
            chars: RefCell::new(Vec::new()),
            recent: [const { crate::object::PyCell::new(None) }; INTERN_CACHE],
        })
    })
}

/// The interned, immortal str for `s`: equal names share one object, so
/// attribute and global lookups can compare by identity.
pub fn intern(s: &str) -> PyRef {
    let t = interned();
    let slot = &t.recent[((s.as_ptr() as usize >> 3) ^ s.len().wrapping_mul(31)) % INTERN_CACHE];
    let hit = slot.with(|c| c.as_ref().filter(|c| StrObj::text(c) == s).cloned());
    if let Some(v) = hit {
        return v;
    }
    if let Some(v) = t.table.borrow().get(s) {
        drop(slot.replace(Some(v.clone())));
        return v.clone();
    }
    let obj = StrObj::alloc(&STR_TYPE, s);
    obj.make_immortal();
    let so = obj.downcast::<StrObj>().expect("new str");
    so.str_flags.set(so.str_flags.get() | STR_INTERNED);
    t.table.borrow_mut().insert(s.into(), obj.clone());
    obj
}

/// Interns an existing str object (returns the canonical object).
pub fn intern_obj(s: &StrObj) -> PyRef {
    if s.is_interned() {
        return s.to_ref();
    }
    intern(s.as_str())
}

fn latin1_char(b: u8) -> PyRef {
    let t = interned();
    {
        let chars = t.chars.borrow();
        if let Some(c) = chars.get(b as usize) {
            return c.clone();
        }
    }
    let mut chars = t.chars.borrow_mut();
    if chars.is_empty() {
        for i in 0..=255u8 {
            let mut buf = [0u8; 4];
            let s = char::from(i).encode_utf8(&mut buf);
            chars.push(intern(s));
        }
    }
    chars[b as usize].clone()
}

/// The empty string (interned).
pub fn empty_str() -> PyRef {
    intern("")
}

/// A str for one character.
pub fn char_str(c: char) -> PyRef {
    if (c as u32) < 256 {
        latin1_char(c as u8)
    } else {
        let mut buf = [0u8; 4];
        StrObj::alloc(&STR_TYPE, c.encode_utf8(&mut buf))
    }
}

impl StrObj {
    /// `hash(s)`, cached in the object.
    #[inline]
    pub fn hash_value(&self) -> i64 {
        let h = self.hash.get();
        if h != -1 {
            return h;
        }
        let h = siphash::hash_str(self.as_str(), self.is_ascii());
        self.hash.set(h);
        h
    }

    /// Equality of text (identity first).
    #[inline]
    pub fn eq_str(&self, other: &StrObj) -> bool {
        std::ptr::eq(self, other)
            || (self.byte_len() == other.byte_len()
                && !(self.is_interned() && other.is_interned())
                && self.as_str() == other.as_str())
    }

    /// The character at `index` (0 <= index < char_len).
    pub fn char_at(&self, index: usize) -> char {
        if self.is_ascii() {
            self.as_str().as_bytes()[index] as char
        } else {
            self.as_str().chars().nth(index).unwrap_or('\0')
        }
    }

    /// Byte offset of the character at `index` (index may equal char_len).
    pub fn byte_offset(&self, index: usize) -> usize {
        if self.is_ascii() {
            index.min(self.byte_len())
        } else {
            self.as_str().char_indices().nth(index).map_or(self.byte_len(), |(i, _)| i)
        }
    }

    /// The substring of characters `start..end`.
    pub fn substr(&self, start: usize, end: usize) -> &str {
        let s = self.as_str();
        if self.is_ascii() {
            &s[start.min(s.len())..end.min(s.len())]
        } else {
            let a = self.byte_offset(start);
            let b = a + s[a..].char_indices().nth(end.saturating_sub(start)).map_or(s.len() - a, |(i, _)| i);
            &s[a..b]
        }
    }
}

/// Borrows `obj` as text, or raises TypeError mentioning `what`.
pub fn expect_str<'a>(obj: &'a Obj, what: &str) -> PyResult<&'a str> {
    match obj.downcast::<StrObj>() {
        Some(s) => Ok(s.as_str()),
        None => Err(PyErr::type_error(format!("{what} must be str, not {}", obj.class().name()))),
    }
}

/// Whether a character prints as itself in `repr()` (CPython's
/// `str.isprintable` of the character).
pub fn is_printable(c: char) -> bool {
    crate::types::str_chars::is_printable(c)
}

/// `repr(s)` text.
pub fn repr_str(s: &str) -> String {
    let quote = if s.contains('\'') && !s.contains('"') { '"' } else { '\'' };
    let mut out = String::with_capacity(s.len() + 2);
    out.push(quote);
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c == quote => {
                out.push('\\');
                out.push(c);
            }
            c if is_printable(c) => out.push(c),
            c => {
                let v = c as u32;
                if v < 0x100 {
                    out.push_str(&format!("\\x{v:02x}"));
                } else if v < 0x10000 {
                    out.push_str(&format!("\\u{v:04x}"));
                } else {
                    out.push_str(&format!("\\U{v:08x}"));
                }
            }
        }
    }
    out.push(quote);
    out
}

fn str_repr(obj: &Obj) -> PyResult {
    let s = obj.downcast::<StrObj>().expect("str");
    Ok(from_string(repr_str(s.as_str())))
}

fn str_str(obj: &Obj) -> PyResult {
    if obj.class().is(&STR_TYPE) {
        return Ok(obj.to_owned());
    }
    let s = obj.downcast::<StrObj>().expect("str");
    Ok(new_str(s.as_str()))
}

fn str_hash(obj: &Obj) -> PyResult<i64> {
    Ok(obj.downcast::<StrObj>().expect("str").hash_value())
}

fn str_richcompare(a: &Obj, b: &Obj, op: CompareOp) -> PyResult {
    let (Some(x), Some(y)) = (a.downcast::<StrObj>(), b.downcast::<StrObj>()) else {
        return Ok(not_implemented());
    };
    let r = match op {
        CompareOp::Eq => x.eq_str(y),
        CompareOp::Ne => !x.eq_str(y),
        CompareOp::Lt => x.as_str() < y.as_str(),
        CompareOp::Le => x.as_str() <= y.as_str(),
        CompareOp::Gt => x.as_str() > y.as_str(),
        CompareOp::Ge => x.as_str() >= y.as_str(),
    };
    Ok(new_bool(r))
}

fn str_len(obj: &Obj) -> PyResult<usize> {
    Ok(obj.downcast::<StrObj>().expect("str").char_len())
}

fn str_getitem(obj: &Obj, key: &Obj) -> PyResult {
    let s = obj.downcast::<StrObj>().expect("str");
    if let Some(i) = int::index_of(key)? {
        let n = s.char_len() as i64;
        let i = if i < 0 { i + n } else { i };
        if i < 0 || i >= n {
            return Err(PyErr::index_error("string index out of range"));
        }
        return Ok(char_str(s.char_at(i as usize)));
    }
    if let Some(sl) = key.downcast::<crate::types::slice::SliceObj>() {
        let (start, _stop, step, len) = sl.indices(s.char_len())?;
        if step == 1 {
            if len == s.char_len() && obj.class().is(&STR_TYPE) {
                return Ok(obj.to_owned());
            }
            return Ok(new_str(s.substr(start as usize, start as usize + len)));
        }
        let chars: Vec<char> = s.as_str().chars().collect();
        let mut out = String::with_capacity(len);
        let mut i = start;
        for _ in 0..len {
            out.push(chars[i as usize]);
            i += step;
        }
        return Ok(from_string(out));
    }
    Err(PyErr::type_error(format!("string indices must be integers, not '{}'", key.class().name())))
}

fn str_contains(obj: &Obj, item: &Obj) -> PyResult<bool> {
    let s = obj.downcast::<StrObj>().expect("str");
    let Some(sub) = item.downcast::<StrObj>() else {
        return Err(PyErr::type_error(format!(
            "'in <string>' requires string as left operand, not {}",
            item.class().name()
        )));
    };
    Ok(s.as_str().contains(sub.as_str()))
}

fn str_add(a: &Obj, b: &Obj) -> PyResult {
    let Some(x) = a.downcast::<StrObj>() else {
        return Ok(not_implemented());
    };
    // Not a str: the other operand's reflected method gets its turn, and
    // `binop_error` words the failure as CPython's sequence concatenation does.
    let Some(y) = b.downcast::<StrObj>() else {
        return Ok(not_implemented());
    };
    if y.byte_len() == 0 && a.class().is(&STR_TYPE) {
        return Ok(a.to_owned());
    }
    if x.byte_len() == 0 && b.class().is(&STR_TYPE) {
        return Ok(b.to_owned());
    }
    let mut s = String::with_capacity(x.byte_len() + y.byte_len());
    s.push_str(x.as_str());
    s.push_str(y.as_str());
    Ok(from_string(s))
}

fn str_mul(a: &Obj, b: &Obj) -> PyResult {
    let (s, n) = match (a.downcast::<StrObj>(), b.downcast::<StrObj>()) {
        (Some(s), _) => (s, b),
        (None, Some(s)) => (s, a),
        _ => return Ok(not_implemented()),
    };
    let Some(count) = int::index_of(n)? else {
        return Ok(not_implemented());
    };
    if count <= 0 || s.byte_len() == 0 {
        return Ok(empty_str());
    }
    let total = (s.byte_len() as u128) * (count as u128);
    if total > isize::MAX as u128 / 2 {
        return Err(PyErr::overflow_error("repeated string is too long"));
    }
    let mut out = crate::util::mem::string_with_capacity(total as usize)?;
    for _ in 0..count {
        out.push_str(s.as_str());
    }
    Ok(from_string(out))
}

fn str_mod(a: &Obj, b: &Obj) -> PyResult {
    let Some(s) = a.downcast::<StrObj>() else {
        return Ok(not_implemented());
    };
    crate::format::percent::format_str(s.as_str(), b)
}

fn str_iter(obj: &Obj) -> PyResult {
    Ok(crate::types::iterators::new_seq_iter(obj))
}

fn str_new(ty: &TypeObj, args: Args) -> PyResult {
    let [object, encoding, errors] = crate::util::args::parse(args, "str", &["object", "encoding", "errors"], 0)?;
    for (value, what) in [(encoding, "encoding"), (errors, "errors")] {
        if let Some(v) = value.filter(|v| !v.isa::<StrObj>()) {
            return Err(PyErr::type_error(format!("str() argument '{what}' must be str, not {}", v.class().name())));
        }
    }
    let s = match (object, encoding.is_some() || errors.is_some()) {
        (None, _) => empty_str(),
        (Some(o), false) => ops::str(o)?,
        (Some(o), true) => crate::types::bytes::decode_obj(o, encoding, errors)?,
    };
    if ty.is(&STR_TYPE) {
        Ok(s)
    } else {
        let text = s.downcast::<StrObj>().expect("str() returns str").as_str().to_owned();
        Ok(StrObj::alloc(ty, &text))
    }
}

impl TypeObj {
    /// Identity comparison with another type.
    #[inline(always)]
    pub fn is(&self, other: &TypeObj) -> bool {
        std::ptr::eq(self, other)
    }
}

crate::static_type! {
    pub static STR_TYPE: StrObj = "str" {
        flags: BASETYPE | UNICODE_SUBCLASS,
        itemsize: 1,
        doc: "str(object='') -> str\nstr(bytes_or_buffer[, encoding[, errors]]) -> str",
        methods: crate::types::str_methods::METHODS,
        slots: {
            repr: str_repr, str: str_str, hash: str_hash, richcompare: str_richcompare,
            len: str_len, getitem: str_getitem, contains: str_contains, iter: str_iter,
            new: str_new,
        },
        number: { add: str_add, mul: str_mul, rem: str_mod },
    }
}

impl StrObj {
    /// The text of a str object known to be a str (empty otherwise).
    pub fn text(obj: &Obj) -> &str {
        obj.downcast::<StrObj>().map_or("", |s| s.as_str())
    }
}

//! The text a pattern runs over: a `str` (positions are code points) or the
//! bytes of a bytes-like object, borrowed for the length of one operation,
//! plus the type checks and slicing CPython's `_sre` applies to subjects.

use std::borrow::Cow;
use std::cell::Cell;

use crate::object::{AsObj, Obj, PyRef};
use crate::ops;
use crate::runtime::{PyErr, PyResult};
use crate::types::bytes::{new_bytes, BytesObj};
use crate::types::bytes_args::buffer;
use crate::types::list::new_list;
use crate::types::str::{new_str, StrObj, STR_TYPE};

/// What a pattern applies to (CPython's `isbytes`). A pattern compiled
/// without source text (`re.Scanner` builds one from a parsed pattern)
/// accepts either.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Kind {
    Str,
    Bytes,
    Either,
}

/// A subject's contents. Bytes of mutable objects (bytearray, memoryview)
/// are copied, so Python code run meanwhile (a `sub` callback) cannot change
/// the text under the engine.
pub enum Text<'a> {
    /// A str, with a cursor (code point index, byte offset) that makes the
    /// mostly forward conversions of match positions to UTF-8 offsets cheap.
    Str(&'a StrObj, Cell<(usize, usize)>),
    Bytes(Cow<'a, [u8]>),
}

impl Text<'_> {
    /// The length in code points (str) or bytes.
    pub fn len(&self) -> usize {
        match self {
            Text::Str(s, _) => s.char_len(),
            Text::Bytes(b) => b.len(),
        }
    }

    pub fn is_bytes(&self) -> bool {
        matches!(self, Text::Bytes(_))
    }

    /// The byte offset of position `pos` (clamped to the text), walking
    /// from the cursor left by the previous call.
    pub fn byte_offset(&self, pos: usize) -> usize {
        let Text::Str(s, cursor) = self else {
            return pos.min(self.len());
        };
        let bytes = s.as_str().as_bytes();
        if s.is_ascii() {
            return pos.min(bytes.len());
        }
        let (mut c, mut b) = cursor.get();
        if pos < c / 2 {
            (c, b) = (0, 0);
        }
        let is_cont = |i: usize| bytes.get(i).is_some_and(|x| x & 0xc0 == 0x80);
        while c < pos && b < bytes.len() {
            b += 1;
            while is_cont(b) {
                b += 1;
            }
            c += 1;
        }
        while c > pos && b > 0 {
            b -= 1;
            while b > 0 && is_cont(b) {
                b -= 1;
            }
            c -= 1;
        }
        cursor.set((c, b));
        b
    }

    /// The characters `start..end` (clamped to the text) as a new exact str
    /// or bytes, as CPython's `getslice`.
    pub fn slice(&self, start: usize, end: usize) -> PyRef {
        let end = end.min(self.len());
        let start = start.min(end);
        match self {
            Text::Str(s, _) => {
                if start == 0 && end == s.char_len() && s.ob.class().is(&STR_TYPE) {
                    return s.to_ref();
                }
                let (b, e) = (self.byte_offset(start), self.byte_offset(end));
                new_str(s.as_str().get(b..e).unwrap_or(""))
            }
            Text::Bytes(b) => new_bytes(&b[start..end]),
        }
    }

    /// An empty str or bytes, the joiner of `sub` and the filler of `findall`.
    pub fn empty(&self) -> PyRef {
        self.slice(0, 0)
    }
}

/// The text of `o` if it is a str or a bytes-like object.
pub fn text_of(o: &Obj) -> Option<Text<'_>> {
    if let Some(s) = o.downcast::<StrObj>() {
        return Some(Text::Str(s, Cell::new((0, 0))));
    }
    buffer(o).map(Text::Bytes)
}

/// The subject `o` for a pattern of kind `kind`, with CPython's TypeErrors.
pub fn subject(o: &Obj, kind: Kind) -> PyResult<Text<'_>> {
    let Some(t) = text_of(o) else {
        return Err(PyErr::type_error(format!("expected string or bytes-like object, got '{}'", o.class().name())));
    };
    match (kind, t.is_bytes()) {
        (Kind::Bytes, false) => Err(PyErr::type_error("cannot use a bytes pattern on a string-like object")),
        (Kind::Str, true) => Err(PyErr::type_error("cannot use a string pattern on a bytes-like object")),
        _ => Ok(t),
    }
}

/// The kind of a pattern's source (`_sre.compile`'s `pattern` argument).
pub fn kind_of_source(o: &Obj) -> PyResult<Kind> {
    if o.is_none() {
        return Ok(Kind::Either);
    }
    if o.isa::<StrObj>() {
        return Ok(Kind::Str);
    }
    if o.isa::<BytesObj>() || buffer(o).is_some() {
        return Ok(Kind::Bytes);
    }
    Err(PyErr::type_error(format!("expected string or bytes-like object, got '{}'", o.class().name())))
}

/// `pos`/`endpos` clamped to `0..=len` (CPython's `state_init`).
pub fn bounds(pos: i64, endpos: i64, len: usize) -> (usize, usize) {
    let clamp = |v: i64| if v < 0 { 0 } else { (v as u64).min(len as u64) as usize };
    (clamp(pos), clamp(endpos))
}

/// Joins the pieces of a `sub` result with `joiner` (an empty str or bytes):
/// `str.join`/`bytes.join`, so wrong item types raise their TypeErrors.
pub fn join(joiner: PyRef, pieces: Vec<PyRef>) -> PyResult {
    if pieces.is_empty() {
        return Ok(joiner);
    }
    ops::call_method(&joiner, "join", &[&new_list(pieces)])
}

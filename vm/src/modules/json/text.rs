//! A JSON document as UTF-8 bytes with code point positions.

/// A position in a document: byte offset and code point index.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Pos {
    pub b: usize,
    pub c: usize,
}

impl Pos {
    /// The position one ASCII character further.
    #[inline]
    pub fn next(self) -> Pos {
        Pos { b: self.b + 1, c: self.c + 1 }
    }

    /// The position `n` ASCII characters further.
    #[inline]
    pub fn skip(self, n: usize) -> Pos {
        Pos { b: self.b + n, c: self.c + n }
    }

    /// The code point index as CPython's `Py_ssize_t`.
    #[inline]
    pub fn index(self) -> i64 {
        self.c as i64
    }
}

/// The text being scanned.
pub struct Doc<'a> {
    pub text: &'a str,
    pub bytes: &'a [u8],
    /// Length in code points.
    pub chars: usize,
}

impl<'a> Doc<'a> {
    pub fn new(s: &'a crate::types::str::StrObj) -> Doc<'a> {
        let text = s.as_str();
        let chars = if s.is_ascii() { text.len() } else { text.chars().count() };
        Doc { text, bytes: text.as_bytes(), chars }
    }

    /// The position of code point `index` (`index <= chars`).
    pub fn pos_of(&self, index: usize) -> Pos {
        if self.chars == self.bytes.len() {
            return Pos { b: index, c: index };
        }
        let b = self.text.char_indices().nth(index).map_or(self.bytes.len(), |(i, _)| i);
        Pos { b, c: index }
    }

    /// The byte at `p`, if any (a non-ASCII character gives its lead byte,
    /// which never equals an ASCII character).
    #[inline]
    pub fn byte(&self, p: Pos) -> Option<u8> {
        self.bytes.get(p.b).copied()
    }

    /// Whether the text at `p` starts with the ASCII word `w`.
    #[inline]
    pub fn has(&self, p: Pos, w: &str) -> bool {
        self.bytes.get(p.b..).is_some_and(|rest| rest.starts_with(w.as_bytes()))
    }

    /// The first position at or after `p` that is not JSON whitespace.
    #[inline]
    pub fn skip_ws(&self, mut p: Pos) -> Pos {
        while let Some(b' ' | b'\t' | b'\n' | b'\r') = self.byte(p) {
            p = p.next();
        }
        p
    }

    /// Whether `p` is at (or past) the end.
    #[inline]
    pub fn at_end(&self, p: Pos) -> bool {
        p.b >= self.bytes.len()
    }
}

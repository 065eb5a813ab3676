//! Source text bookkeeping: byte offsets -> lines and columns, and building
//! [`CompileError`]s that point at a range of the source.

use crate::code::Position;
use crate::{CompileError, ErrorKind};
use rustpython_parser::text_size::TextRange;

/// Maps byte offsets of one source text to 1-based lines and 0-based byte columns.
pub struct SourceMap<'a> {
    pub text: &'a str,
    pub filename: &'a str,
    /// Byte offset at which each line starts (line 1 at index 0).
    line_starts: Vec<u32>,
}

impl<'a> SourceMap<'a> {
    pub fn new(text: &'a str, filename: &'a str) -> SourceMap<'a> {
        let bytes = text.as_bytes();
        let mut line_starts = vec![0u32];
        let mut i = 0;
        while i < bytes.len() {
            match bytes[i] {
                b'\n' => line_starts.push(i as u32 + 1),
                b'\r' => {
                    // "\r\n" is one line break; a lone "\r" is one too.
                    if bytes.get(i + 1) == Some(&b'\n') {
                        i += 1;
                    }
                    line_starts.push(i as u32 + 1);
                }
                _ => {}
            }
            i += 1;
        }
        SourceMap { text, filename, line_starts }
    }

    /// 1-based line and 0-based byte column of a byte offset.
    pub fn line_col(&self, offset: u32) -> (u32, u32) {
        let line = match self.line_starts.binary_search(&offset) {
            Ok(i) => i,
            Err(i) => i - 1,
        };
        (line as u32 + 1, offset - self.line_starts[line])
    }

    /// The position (as stored in line tables) of a byte range.
    pub fn position(&self, range: TextRange) -> Position {
        let (line, col) = self.line_col(range.start().into());
        let (end_line, end_col) = self.line_col(range.end().into());
        Position { line, end_line, col, end_col }
    }

    /// The text of a 1-based line without its line break (empty if out of range).
    pub fn line_text(&self, line: u32) -> &'a str {
        let Some(&start) = self.line_starts.get(line.wrapping_sub(1) as usize) else {
            return "";
        };
        let end = self.line_starts.get(line as usize).copied().unwrap_or(self.text.len() as u32);
        let s = self.text.get(start as usize..end as usize).unwrap_or("");
        s.trim_end_matches(['\n', '\r'])
    }

    /// Number of characters in the first `byte_col` bytes of a line: CPython reports
    /// SyntaxError offsets in characters.
    pub fn char_col(&self, line: u32, byte_col: u32) -> u32 {
        let text = self.line_text(line);
        let mut n = byte_col as usize;
        if n > text.len() {
            // Past the end of the line (the line break, or end of file).
            return text.chars().count() as u32 + (n - text.len()) as u32;
        }
        while !text.is_char_boundary(n) {
            n -= 1;
        }
        text[..n].chars().count() as u32
    }

    pub fn line_count(&self) -> u32 {
        self.line_starts.len() as u32
    }

    /// A compile error covering `range`.
    pub fn error(&self, kind: ErrorKind, msg: impl Into<String>, range: TextRange) -> CompileError {
        let (line, col) = self.line_col(range.start().into());
        let (end_line, end_col) = self.line_col(range.end().into());
        self.error_at(kind, msg, line, col, end_line, end_col)
    }

    /// A compile error at explicit (1-based line, 0-based byte column) coordinates.
    pub fn error_at(
        &self,
        kind: ErrorKind,
        msg: impl Into<String>,
        line: u32,
        col: u32,
        end_line: u32,
        end_col: u32,
    ) -> CompileError {
        CompileError {
            kind,
            msg: msg.into(),
            filename: self.filename.to_string(),
            line,
            offset: self.char_col(line, col) + 1,
            end_line,
            end_offset: self.char_col(end_line, end_col) + 1,
            // CPython's tokenizer gives every line its newline (one is
            // implied at the end of the source).
            text: Some(format!("{}\n", self.line_text(line))),
        }
    }

    /// A SyntaxError covering `range`.
    pub fn syntax_error(&self, msg: impl Into<String>, range: TextRange) -> CompileError {
        self.error(ErrorKind::SyntaxError, msg, range)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rustpython_parser::text_size::TextSize;

    #[test]
    fn lines_and_columns() {
        let m = SourceMap::new("ab\ncdé\r\nx", "f");
        assert_eq!(m.line_col(0), (1, 0));
        assert_eq!(m.line_col(4), (2, 1));
        assert_eq!(m.line_col(9), (3, 0));
        assert_eq!(m.line_text(2), "cdé");
        assert_eq!(m.char_col(2, 4), 3);
        let r = TextRange::new(TextSize::from(3), TextSize::from(5));
        assert_eq!(m.position(r), Position { line: 2, end_line: 2, col: 0, end_col: 2 });
    }
}

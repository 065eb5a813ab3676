//! Numeric literals as CPython 3.11's tokenizer reads them, with its error
//! messages and positions ("invalid decimal literal", "leading zeros in decimal
//! integer literals are not permitted; ...", "invalid digit '8' in octal
//! literal", ...).

/// An invalid numeric literal. Positions are byte offsets of the characters the
/// error's 1-based `offset` and `end_offset` designate.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NumberError {
    pub msg: String,
    pub at: usize,
    pub end: usize,
}

/// A cursor with CPython's `tok_nextc`/`tok_backup` behaviour. The end of the
/// text reads as a newline, as CPython appends one to the source.
struct Cursor<'a> {
    b: &'a [u8],
    /// Index of the next character to read (`tok->cur`).
    cur: usize,
}

impl Cursor<'_> {
    fn next(&mut self) -> u8 {
        let c = self.b.get(self.cur).copied().unwrap_or(b'\n');
        self.cur += 1;
        c
    }

    fn backup(&mut self) {
        self.cur -= 1;
    }

    /// CPython's `syntaxerror`: the offset designates the last character read.
    fn error(&self, msg: impl Into<String>) -> NumberError {
        let at = self.cur.saturating_sub(1);
        NumberError { msg: msg.into(), at, end: at }
    }

    /// The digits and single underscores after a decimal digit already read;
    /// returns the first character after them.
    fn decimal_tail(&mut self) -> Result<u8, NumberError> {
        loop {
            let mut c = self.next();
            while c.is_ascii_digit() {
                c = self.next();
            }
            if c != b'_' {
                return Ok(c);
            }
            if !self.next().is_ascii_digit() {
                self.backup();
                return Err(self.error("invalid decimal literal"));
            }
        }
    }

    /// Whether `word` follows, not followed by an identifier character; reads nothing.
    fn lookahead(&self, word: &str) -> bool {
        let rest = &self.b[self.cur.min(self.b.len())..];
        rest.starts_with(word.as_bytes()) && !rest.get(word.len()).is_some_and(|&c| super::tokens::ident_char(c))
    }

    /// CPython's `verify_end_of_number`: `c` (just read) must not continue the
    /// literal, except as the start of a keyword that may follow a number.
    fn verify_end(&mut self, c: u8, kind: &str) -> Result<(), NumberError> {
        let keyword = match c {
            b'a' => self.lookahead("nd"),
            b'e' => self.lookahead("lse"),
            b'f' => self.lookahead("or"),
            b'i' => matches!(self.b.get(self.cur), Some(b'f' | b'n' | b's')),
            b'o' => self.lookahead("r"),
            b'n' => self.lookahead("ot"),
            _ => false,
        };
        if !keyword && super::tokens::ident_char(c) {
            self.backup();
            return Err(self.error(format!("invalid {kind} literal")));
        }
        Ok(())
    }

    /// Digits of a prefixed (0x, 0o, 0b) literal; `c` is the character after the prefix.
    fn radix_digits(&mut self, mut c: u8, radix: u32, kind: &str) -> Result<(), NumberError> {
        let is_digit = |c: u8| (c as char).is_digit(radix);
        loop {
            if c == b'_' {
                c = self.next();
            }
            if !is_digit(c) {
                if radix != 16 && c.is_ascii_digit() {
                    return Err(self.error(format!("invalid digit '{}' in {kind} literal", c as char)));
                }
                self.backup();
                return Err(self.error(format!("invalid {kind} literal")));
            }
            c = self.next();
            while is_digit(c) {
                c = self.next();
            }
            if c != b'_' {
                break;
            }
        }
        if radix != 16 && c.is_ascii_digit() {
            return Err(self.error(format!("invalid digit '{}' in {kind} literal", c as char)));
        }
        self.verify_end(c, kind)?;
        self.backup();
        Ok(())
    }
}

/// Where a decimal literal continues after its integer part.
enum Part {
    Fraction,
    Exponent,
    Imaginary,
    End,
}

/// Reads the numeric literal starting at `start` (a digit, or a '.' before a
/// digit); returns its end offset.
pub fn lex(b: &[u8], start: usize) -> Result<usize, NumberError> {
    let mut t = Cursor { b, cur: start };
    let mut c = t.next();
    let part = if c == b'.' {
        c = t.next();
        Part::Fraction
    } else if c == b'0' {
        c = t.next();
        match c {
            b'x' | b'X' => {
                let c = t.next();
                t.radix_digits(c, 16, "hexadecimal")?;
                return Ok(t.cur);
            }
            b'o' | b'O' => {
                let c = t.next();
                t.radix_digits(c, 8, "octal")?;
                return Ok(t.cur);
            }
            b'b' | b'B' => {
                let c = t.next();
                t.radix_digits(c, 2, "binary")?;
                return Ok(t.cur);
            }
            _ => {
                // Zeros (maybe an old-style octal literal, which is an error).
                loop {
                    if c == b'_' {
                        c = t.next();
                        if !c.is_ascii_digit() {
                            t.backup();
                            return Err(t.error("invalid decimal literal"));
                        }
                    }
                    if c != b'0' {
                        break;
                    }
                    c = t.next();
                }
                let zeros_end = t.cur;
                let nonzero = c.is_ascii_digit();
                if nonzero {
                    c = t.decimal_tail()?;
                }
                match c {
                    b'.' => {
                        c = t.next();
                        Part::Fraction
                    }
                    b'e' | b'E' => Part::Exponent,
                    b'j' | b'J' => Part::Imaginary,
                    _ if nonzero => {
                        return Err(NumberError {
                            msg: "leading zeros in decimal integer literals are not permitted; \
                                  use an 0o prefix for octal integers"
                                .into(),
                            at: start,
                            end: zeros_end - 1,
                        });
                    }
                    _ => {
                        t.verify_end(c, "decimal")?;
                        Part::End
                    }
                }
            }
        }
    } else {
        c = t.decimal_tail()?;
        match c {
            b'.' => {
                c = t.next();
                Part::Fraction
            }
            b'e' | b'E' => Part::Exponent,
            b'j' | b'J' => Part::Imaginary,
            _ => {
                t.verify_end(c, "decimal")?;
                Part::End
            }
        }
    };
    let part = match part {
        Part::Fraction => {
            if c.is_ascii_digit() {
                c = t.decimal_tail()?;
            }
            match c {
                b'e' | b'E' => Part::Exponent,
                b'j' | b'J' => Part::Imaginary,
                _ => {
                    t.verify_end(c, "decimal")?;
                    Part::End
                }
            }
        }
        other => other,
    };
    let part = match part {
        Part::Exponent => {
            let e = c;
            c = t.next();
            if c == b'+' || c == b'-' {
                c = t.next();
                if !c.is_ascii_digit() {
                    t.backup();
                    return Err(t.error("invalid decimal literal"));
                }
            } else if !c.is_ascii_digit() {
                // Not an exponent after all: the literal ends before the 'e'.
                t.backup();
                t.verify_end(e, "decimal")?;
                t.backup();
                return Ok(t.cur);
            }
            c = t.decimal_tail()?;
            if matches!(c, b'j' | b'J') {
                Part::Imaginary
            } else {
                t.verify_end(c, "decimal")?;
                Part::End
            }
        }
        other => other,
    };
    if let Part::Imaginary = part {
        c = t.next();
        t.verify_end(c, "imaginary")?;
    }
    t.backup();
    Ok(t.cur)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The error as (message, 1-based offset, 1-based end offset) for ASCII input.
    fn err(src: &str) -> Option<(String, usize, usize)> {
        lex(src.as_bytes(), 0).err().map(|e| (e.msg, e.at + 1, e.end + 1))
    }

    fn len(src: &str) -> usize {
        lex(src.as_bytes(), 0).expect(src)
    }

    #[test]
    fn valid_literals() {
        assert_eq!(len("1_000_000 "), 9);
        assert_eq!(len("0x_FF+1"), 5);
        assert_eq!(len("0o_17"), 5);
        assert_eq!(len("0b_1010)"), 7);
        assert_eq!(len("1_0.0_1"), 7);
        assert_eq!(len("1e1_0"), 5);
        assert_eq!(len("00"), 2);
        assert_eq!(len(".5j"), 3);
        assert_eq!(len("09.5"), 4);
        assert_eq!(len("1.e3"), 4);
        assert_eq!(len("1if x else y"), 1);
        assert_eq!(len("1else"), 1);
        assert_eq!(len("0_0"), 3);
        assert_eq!(len("01e5"), 4);
        assert_eq!(len("1 .real"), 1);
        assert_eq!(len("1..real"), 2);
    }

    #[test]
    fn invalid_literals() {
        let dec = "invalid decimal literal";
        let zeros = "leading zeros in decimal integer literals are not permitted; \
                     use an 0o prefix for octal integers";
        let cases: &[(&str, &str, usize, usize)] = &[
            ("1__0", dec, 2, 2),
            ("1_", dec, 2, 2),
            ("0x", "invalid hexadecimal literal", 2, 2),
            ("0b2", "invalid digit '2' in binary literal", 3, 3),
            ("0o8", "invalid digit '8' in octal literal", 3, 3),
            ("09", zeros, 1, 2),
            ("1e", dec, 1, 1),
            ("0x_", "invalid hexadecimal literal", 3, 3),
            ("1_e5", dec, 2, 2),
            ("1e_5", dec, 1, 1),
            ("0b1_", "invalid binary literal", 4, 4),
            ("1.__0", dec, 2, 2),
            ("0_7", zeros, 1, 3),
            ("1j_", "invalid imaginary literal", 2, 2),
            ("1abc", dec, 1, 1),
            ("0b12", "invalid digit '2' in binary literal", 4, 4),
            ("0o1_", "invalid octal literal", 4, 4),
            ("0x1g", "invalid hexadecimal literal", 3, 3),
            ("1e+", dec, 3, 3),
            ("1.2_", dec, 4, 4),
            ("0777", zeros, 1, 2),
            ("0b", "invalid binary literal", 2, 2),
            ("0o", "invalid octal literal", 2, 2),
            ("1.e", dec, 2, 2),
            (".5_", dec, 3, 3),
            ("5_j", dec, 2, 2),
            ("1e5j_", "invalid imaginary literal", 4, 4),
            ("00_", dec, 3, 3),
            ("0e", dec, 1, 1),
            ("0j_", "invalid imaginary literal", 2, 2),
        ];
        for &(src, msg, at, end) in cases {
            assert_eq!(err(src), Some((msg.to_string(), at, end)), "{src}");
        }
    }
}

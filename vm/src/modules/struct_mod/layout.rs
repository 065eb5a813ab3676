//! Parsing of struct format strings into a `Layout`: the byte order, the
//! items with their offsets, the total size and the number of values.
//!
//! The first character picks the mode: `@` (or none) native sizes, native
//! alignment and byte order; `=`, `<`, `>`, `!` standard sizes, no
//! alignment, and native (little), little, big, big byte order. Native mode
//! aligns each item to its own size (`x c b B s p` are not aligned); there
//! is no trailing padding, but `0l` aligns without adding an item.
//!
//! Each item also records how its values are converted (`Rule`). On this
//! little-endian machine, the `<` and `=` modes pack the items whose
//! standard size equals the native one (`c b B h H i I q Q e`) with the
//! native converters, as CPython does; this shows in the range messages.

/// How values of one item are converted.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Rule {
    /// `x`: padding, no value.
    Pad,
    /// `c`: a bytes object of length 1.
    Char,
    /// `?`: truthiness.
    Bool,
    /// An integer of `size` bytes.
    Int(IntRule),
    /// `e`: IEEE half precision.
    Half,
    /// `f`: single precision; `std` raises OverflowError for finite values
    /// out of range (native mode stores infinity).
    Float { std: bool },
    /// `d`: double precision.
    Double,
    /// `s`: a byte string of exactly `size` bytes (truncated or zero-padded).
    Bytes,
    /// `p`: a Pascal string (length byte, then at most `size - 1` bytes).
    Pascal,
    /// `P`: a native pointer (an int in -2**63 .. 2**64-1).
    Pointer,
}

/// The range checks (and messages) of an integer item.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum IntRule {
    /// `b`/`B` in every mode: "byte format requires ...".
    Byte,
    /// Native `h`/`H`: "short format requires ...".
    NativeShort,
    /// Native `i`/`I`: "'i' format requires ...".
    NativeInt,
    /// Native 8-byte `l L q Q n N`: only the C long conversion's
    /// "argument out of range".
    NativeWord,
    /// Standard 2- and 4-byte items: "'h' format requires ...".
    StdSmall,
    /// Standard 8-byte items: "int too large to convert".
    StdLong,
}

/// One item of a format (`3h` is one item repeated three times).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Item {
    /// The format character.
    pub ch: u8,
    pub rule: Rule,
    /// Offset of the first value.
    pub offset: usize,
    /// Bytes per value (for `s` and `p`, the whole string).
    pub size: usize,
    /// Number of values (1 for `s` and `p`).
    pub repeat: usize,
}

impl Item {
    /// Whether integer values of this item are signed (lower-case letters).
    pub fn signed(&self) -> bool {
        self.ch.is_ascii_lowercase()
    }
}

#[derive(Clone, Debug, Default)]
pub struct Layout {
    pub little_endian: bool,
    pub items: Vec<Item>,
    /// Total size in bytes.
    pub size: usize,
    /// Number of values packed or unpacked.
    pub nvalues: usize,
}

/// A format error (raised as `struct.error`).
#[derive(Debug, PartialEq, Eq)]
pub struct FormatError(pub &'static str);

#[derive(Clone, Copy, PartialEq, Eq)]
enum Mode {
    Native,
    /// Standard sizes, little endian (`<` and, on this machine, `=`).
    Little,
    /// Standard sizes, big endian (`>`, `!`).
    Big,
}

/// Size, alignment and rule of a format character in a mode; None for a
/// character the mode does not have.
fn entry(mode: Mode, ch: u8) -> Option<(usize, usize, Rule)> {
    use IntRule::*;
    let native = mode == Mode::Native;
    let little = mode == Mode::Little;
    let int = |size: usize, rule: IntRule| {
        let align = if native { size } else { 0 };
        Some((size, align, Rule::Int(rule)))
    };
    match ch {
        b'x' => Some((1, 0, Rule::Pad)),
        b'c' => Some((1, 0, Rule::Char)),
        b'b' | b'B' => int(1, Byte),
        b'?' => Some((1, usize::from(native), Rule::Bool)),
        b'h' | b'H' => int(2, if native || little { NativeShort } else { StdSmall }),
        b'i' | b'I' => int(4, if native || little { NativeInt } else { StdSmall }),
        b'l' | b'L' if native => int(8, NativeWord),
        b'l' | b'L' => int(4, StdSmall),
        b'q' | b'Q' => int(8, if native || little { NativeWord } else { StdLong }),
        b'n' | b'N' if native => int(8, NativeWord),
        b'e' => Some((2, if native { 2 } else { 0 }, Rule::Half)),
        b'f' => Some((4, if native { 4 } else { 0 }, Rule::Float { std: !native })),
        b'd' => Some((8, if native { 8 } else { 0 }, Rule::Double)),
        b's' => Some((1, 0, Rule::Bytes)),
        b'p' => Some((1, 0, Rule::Pascal)),
        b'P' if native => Some((8, 8, Rule::Pointer)),
        _ => None,
    }
}

const TOO_LONG: FormatError = FormatError("total struct size too long");

/// Parses a format given as bytes (str formats are ASCII-encoded first).
pub fn parse(fmt: &[u8]) -> Result<Layout, FormatError> {
    if fmt.contains(&0) {
        return Err(FormatError("embedded null character"));
    }
    let (mode, little_endian, body) = match fmt.first() {
        Some(b'@') => (Mode::Native, true, &fmt[1..]),
        Some(b'=' | b'<') => (Mode::Little, true, &fmt[1..]),
        Some(b'>' | b'!') => (Mode::Big, false, &fmt[1..]),
        _ => (Mode::Native, true, fmt),
    };
    let max = isize::MAX as usize;
    let mut items = Vec::new();
    let mut size = 0usize;
    let mut nvalues = 0usize;
    let mut i = 0;
    while i < body.len() {
        let mut c = body[i];
        i += 1;
        if c.is_ascii_whitespace() || c == 0x0b {
            continue;
        }
        let mut num = 1usize;
        if c.is_ascii_digit() {
            num = usize::from(c - b'0');
            loop {
                let Some(&d) = body.get(i) else {
                    return Err(FormatError("repeat count given without format specifier"));
                };
                i += 1;
                if !d.is_ascii_digit() {
                    c = d;
                    break;
                }
                num = num.checked_mul(10).and_then(|n| n.checked_add(usize::from(d - b'0'))).ok_or(TOO_LONG)?;
                if num > max {
                    return Err(TOO_LONG);
                }
            }
        }
        let (item_size, align, rule) = entry(mode, c).ok_or(FormatError("bad char in struct format"))?;
        if align > 0 && size > 0 {
            size = size.checked_add((align - size % align) % align).ok_or(TOO_LONG)?;
        }
        let total = num.checked_mul(item_size).filter(|t| *t <= max - size.min(max)).ok_or(TOO_LONG)?;
        match rule {
            Rule::Bytes | Rule::Pascal => {
                items.push(Item { ch: c, rule, offset: size, size: num, repeat: 1 });
                nvalues += 1;
            }
            Rule::Pad => {}
            _ if num > 0 => {
                items.push(Item { ch: c, rule, offset: size, size: item_size, repeat: num });
                nvalues += num;
            }
            _ => {}
        }
        size += total;
        if size > max {
            return Err(TOO_LONG);
        }
    }
    Ok(Layout { little_endian, items, size, nvalues })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn size(f: &str) -> Result<usize, FormatError> {
        parse(f.as_bytes()).map(|l| l.size)
    }

    #[test]
    fn native_alignment() {
        assert_eq!(size("bi"), Ok(8));
        assert_eq!(size("=bi"), Ok(5));
        assert_eq!(size("bq"), Ok(16));
        assert_eq!(size("be"), Ok(4));
        assert_eq!(size("ib0q"), Ok(8));
        assert_eq!(size("c0d"), Ok(8));
        assert_eq!(size("3sI"), Ok(8));
        assert_eq!(size(" b  i "), Ok(8));
    }

    #[test]
    fn errors() {
        assert_eq!(size("z"), Err(FormatError("bad char in struct format")));
        assert_eq!(size("<n"), Err(FormatError("bad char in struct format")));
        assert_eq!(size("b 2 h"), Err(FormatError("bad char in struct format")));
        assert_eq!(size("iiii3"), Err(FormatError("repeat count given without format specifier")));
        assert_eq!(size("99999999999999999999i"), Err(TOO_LONG));
        assert_eq!(size("9223372036854775807q"), Err(TOO_LONG));
        assert_eq!(size("4611686018427387904h"), Err(TOO_LONG));
        assert_eq!(size("i\0"), Err(FormatError("embedded null character")));
    }

    #[test]
    fn items_and_values() {
        let l = parse(b"<2hxq3s0p").expect("valid");
        assert_eq!(l.size, 16);
        assert_eq!(l.nvalues, 5);
        assert_eq!(l.items.len(), 4);
        assert_eq!(l.items[1].offset, 5);
        assert_eq!(l.items[3].size, 0);
    }
}

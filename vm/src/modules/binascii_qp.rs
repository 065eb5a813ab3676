//! Quoted-printable coding for `binascii.a2b_qp`/`b2a_qp` (RFC 1521 with
//! CPython's quirks: a line-end style detected from the first newline, soft
//! breaks before 76 columns, `quopri`-compatible escapes).

/// Longest encoded line, soft break included.
const MAX_LINE: usize = 76;

fn hex_value(c: u8) -> Option<u8> {
    (c as char).to_digit(16).map(|d| d as u8)
}

/// `a2b_qp`: `=XX` escapes, soft line breaks (`=` before a newline), `_`
/// for space in headers; a malformed escape leaves its `=` in the output.
pub fn decode(d: &[u8], header: bool) -> Vec<u8> {
    let mut out = Vec::with_capacity(d.len());
    let mut i = 0;
    while i < d.len() {
        let c = d[i];
        if c == b'=' {
            i += 1;
            if i >= d.len() {
                break;
            }
            match d[i] {
                b'\n' | b'\r' => {
                    // A soft break: skip to the end of the line.
                    if d[i] != b'\n' {
                        while i < d.len() && d[i] != b'\n' {
                            i += 1;
                        }
                    }
                    if i < d.len() {
                        i += 1;
                    }
                }
                b'=' => {
                    // What an old broken encoder wrote for a literal '='.
                    out.push(b'=');
                    i += 1;
                }
                h => match (hex_value(h), d.get(i + 1).copied().and_then(hex_value)) {
                    (Some(hi), Some(lo)) => {
                        out.push((hi << 4) | lo);
                        i += 2;
                    }
                    _ => out.push(b'='),
                },
            }
        } else if header && c == b'_' {
            out.push(b' ');
            i += 1;
        } else {
            out.push(c);
            i += 1;
        }
    }
    out
}

#[derive(Clone, Copy)]
pub struct Options {
    pub quotetabs: bool,
    pub istext: bool,
    pub header: bool,
}

fn push_hex(out: &mut Vec<u8>, c: u8) {
    const DIGITS: &[u8; 16] = b"0123456789ABCDEF";
    out.push(DIGITS[(c >> 4) as usize]);
    out.push(DIGITS[(c & 15) as usize]);
}

/// Whether byte `i` must be written as `=XX`.
fn needs_escape(d: &[u8], i: usize, line_len: usize, o: Options) -> bool {
    let c = d[i];
    let next = d.get(i + 1).copied();
    let last = i + 1 == d.len();
    c > 126
        || c == b'='
        || (o.header && c == b'_')
        // A lone '.' on a line means end-of-message to SMTP.
        || (c == b'.' && line_len == 0 && matches!(next, None | Some(b'\n') | Some(b'\r') | Some(0)))
        || (!o.istext && (c == b'\r' || c == b'\n'))
        || ((c == b'\t' || c == b' ') && last)
        || (c < 33 && c != b'\r' && c != b'\n' && (o.quotetabs || (c != b'\t' && c != b' ')))
}

/// `b2a_qp`. Line ends are written in the style (CRLF or LF) of the first
/// newline of the input.
pub fn encode(d: &[u8], o: Options) -> Vec<u8> {
    let crlf = memchr::memchr(b'\n', d).is_some_and(|p| p > 0 && d[p - 1] == b'\r');
    let soft_break = |out: &mut Vec<u8>| {
        out.push(b'=');
        if crlf {
            out.push(b'\r');
        }
        out.push(b'\n');
    };
    let mut out = Vec::with_capacity(d.len() + d.len() / 4);
    let mut line_len = 0usize;
    let mut i = 0;
    while i < d.len() {
        if needs_escape(d, i, line_len, o) {
            if line_len + 3 >= MAX_LINE {
                soft_break(&mut out);
                line_len = 0;
            }
            out.push(b'=');
            push_hex(&mut out, d[i]);
            i += 1;
            line_len += 3;
        } else if o.istext && (d[i] == b'\n' || (d[i] == b'\r' && d.get(i + 1) == Some(&b'\n'))) {
            line_len = 0;
            // Whitespace before a line end is escaped so it survives transport.
            if let Some(&ws @ (b' ' | b'\t')) = out.last() {
                out.pop();
                out.push(b'=');
                push_hex(&mut out, ws);
            }
            if crlf {
                out.push(b'\r');
            }
            out.push(b'\n');
            i += if d[i] == b'\r' { 2 } else { 1 };
        } else {
            if i + 1 != d.len() && d[i + 1] != b'\n' && line_len + 1 >= MAX_LINE {
                soft_break(&mut out);
                line_len = 0;
            }
            line_len += 1;
            out.push(if o.header && d[i] == b' ' { b'_' } else { d[i] });
            i += 1;
        }
    }
    out
}

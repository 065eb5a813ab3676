//! Decoding Python source files (PEP 263): a UTF-8 byte-order mark, a
//! `coding:` declaration on the first two lines, strict UTF-8 otherwise, and
//! CPython's SyntaxErrors for undecodable input and null bytes.

use crate::runtime::PyErr;
use crate::types::exceptions;

/// The encoding declared by a `# -*- coding: NAME -*-` comment line.
fn cookie(line: &[u8]) -> Option<String> {
    let s = std::str::from_utf8(line).ok()?;
    let t = s.trim_start_matches([' ', '\t', '\x0c']);
    let rest = t.strip_prefix('#')?;
    let i = rest.find("coding")?;
    let after = &rest[i + 6..];
    let after = after.strip_prefix(':').or_else(|| after.strip_prefix('='))?;
    let after = after.trim_start_matches([' ', '\t']);
    let name: String =
        after.chars().take_while(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.')).collect();
    if name.is_empty() {
        None
    } else {
        Some(name)
    }
}

fn is_blank_or_comment(line: &[u8]) -> bool {
    let t: Vec<u8> = line.iter().copied().skip_while(|b| matches!(b, b' ' | b'\t' | b'\x0c')).collect();
    t.is_empty() || t[0] == b'#' || t[0] == b'\n' || t[0] == b'\r'
}

fn normalize(enc: &str) -> String {
    let e = enc.to_ascii_lowercase().replace('_', "-");
    match e.as_str() {
        "utf8" | "utf-8" => "utf-8".into(),
        x if x.starts_with("utf-8-") => "utf-8".into(),
        "latin-1" | "latin1" | "iso-8859-1" | "iso8859-1" | "iso-latin-1" | "l1" => "iso-8859-1".into(),
        "ascii" | "us-ascii" => "ascii".into(),
        other => other.to_string(),
    }
}

fn syntax_error_msg(msg: String) -> PyErr {
    PyErr::new(&exceptions::SYNTAX_ERROR, msg)
}

/// Decodes `data` read from `filename` into source text.
pub fn decode(data: &[u8], filename: &str) -> Result<String, PyErr> {
    let (bom, body) = match data.strip_prefix(&[0xEF, 0xBB, 0xBF]) {
        Some(rest) => (true, rest),
        None => (false, data),
    };
    let mut lines = body.split_inclusive(|b| *b == b'\n');
    let first = lines.next().unwrap_or(&[]);
    let declared =
        cookie(first).or_else(|| if is_blank_or_comment(first) { lines.next().and_then(cookie) } else { None });
    let encoding = match &declared {
        Some(d) => {
            let n = normalize(d);
            if bom && n != "utf-8" {
                return Err(syntax_error_msg(format!("encoding problem: {n} with BOM")));
            }
            n
        }
        None => "utf-8".into(),
    };
    let text = match encoding.as_str() {
        "utf-8" => {
            match std::str::from_utf8(body) {
                Ok(s) => s.to_string(),
                Err(e) => {
                    let pos = e.valid_up_to();
                    let line = body[..pos].iter().filter(|b| **b == b'\n').count() + 1;
                    let msg = if declared.is_some() {
                        format!("(unicode error) 'utf-8' codec can't decode byte {:#04x} in position {}: invalid start byte", body[pos], pos)
                    } else {
                        let shown = std::path::absolute(filename)
                            .map(|p| p.to_string_lossy().into_owned())
                            .unwrap_or(filename.to_string());
                        format!(
                        "Non-UTF-8 code starting with '\\x{:02x}' in file {shown} on line {line}, but no encoding declared; see https://peps.python.org/pep-0263/ for details",
                        body[pos]
                    )
                    };
                    return Err(syntax_error_msg(msg));
                }
            }
        }
        "iso-8859-1" => body.iter().map(|b| *b as char).collect(),
        "ascii" => {
            if let Some(pos) = body.iter().position(|b| *b >= 0x80) {
                return Err(syntax_error_msg(format!(
                    "(unicode error) 'ascii' codec can't decode byte {:#04x} in position {pos}: ordinal not in range(128)",
                    body[pos]
                )));
            }
            String::from_utf8_lossy(body).into_owned()
        }
        other => return Err(syntax_error_msg(format!("encoding problem: {other}"))),
    };
    check_nul(&text, filename)?;
    Ok(text)
}

/// Source text may not contain NUL characters.
pub fn check_nul(text: &str, filename: &str) -> Result<(), PyErr> {
    let Some(pos) = text.find('\0') else { return Ok(()) };
    let lineno = text[..pos].matches('\n').count() + 1;
    let line_start = text[..pos].rfind('\n').map_or(0, |i| i + 1);
    let line_text = &text[line_start..pos];
    let e = crate::compile_error_at(
        ember_compiler::ErrorKind::SyntaxError,
        "source code cannot contain null bytes",
        filename,
        lineno as u32,
        0,
        Some(line_text.to_string()),
    );
    Err(e)
}

//! Printing exceptions the way CPython 3.11 does: tracebacks with source lines
//! and `^`/`~` position markers, repeated-frame collapsing, chained exceptions,
//! exception groups, and the SyntaxError layout.

use std::collections::HashMap;
use std::fmt::Write as _;

use crate::object::{AsObj, Obj, PyRef, Static};
use crate::ops;
use crate::types::code::CodeObj;
use crate::types::exceptions::{self, ExceptionObj};
use crate::types::frame_obj::FrameObj;
use crate::types::str::StrObj;
use crate::types::traceback::TracebackObj;
use crate::types::tuple::TupleObj;
use crate::types::typeobj::TypeObj;

const RECURSIVE_CUTOFF: usize = 3;

/// Source lines per file name; `None` records a file that could not be read.
type SourceCache = HashMap<String, Option<Vec<String>>>;

static SOURCES: Static<std::cell::RefCell<Option<SourceCache>>> = Static(std::cell::RefCell::new(None));

/// Registers the source text of a file already read (the main script), so
/// tracebacks show the lines it had when it ran. Pseudo-files (`<stdin>`,
/// `<string>`) keep no lines: CPython 3.11 prints none for them.
pub fn register_source(filename: &str, source: &str) {
    if filename.starts_with('<') {
        return;
    }
    let mut s = SOURCES.borrow_mut();
    s.get_or_insert_with(HashMap::new).insert(filename.to_string(), Some(source.lines().map(String::from).collect()));
}

/// Line `lineno` (1-based) of `filename`, read from disk on first use.
pub fn source_line(filename: &str, lineno: usize) -> Option<String> {
    let mut s = SOURCES.borrow_mut();
    let map = s.get_or_insert_with(HashMap::new);
    let entry = map.entry(filename.to_string()).or_insert_with(|| {
        if filename.starts_with('<') {
            return None;
        }
        std::fs::read(filename).ok().map(|b| String::from_utf8_lossy(&b).lines().map(String::from).collect())
    });
    entry.as_ref().and_then(|lines| lines.get(lineno.checked_sub(1)?).cloned())
}

fn is_ws(c: char) -> bool {
    c == ' ' || c == '\t' || c == '\x0c'
}

/// Character offset for a UTF-8 byte offset into `line`.
fn char_offset(line: &str, byte: usize) -> usize {
    let b = byte.min(line.len());
    let mut b = b;
    while b > 0 && !line.is_char_boundary(b) {
        b -= 1;
    }
    line[..b].chars().count()
}

fn write_frame_line(out: &mut String, filename: &str, lineno: i32, name: &str) {
    let _ = writeln!(out, "  File \"{filename}\", line {lineno}, in {name}");
}

/// Writes one traceback entry: the location, the source line and markers.
fn write_entry(out: &mut String, code: &CodeObj, lasti: i32, lineno: i32, margin: &str) {
    let filename = code.filename_str();
    let _ = write!(out, "{margin}");
    write_frame_line(out, filename, lineno, code.name_str());
    let Some(line) = source_line(filename, lineno.max(0) as usize) else { return };
    let stripped = line.trim_start_matches(is_ws);
    let indent_chars = line.chars().count() - stripped.chars().count();
    let stripped_trim = stripped.trim_end();
    let _ = writeln!(out, "{margin}    {stripped_trim}");
    if lasti < 0 {
        return;
    }
    let pos = code.position_of(lasti as usize);
    if pos.line == 0 || pos.line as i32 != lineno || pos.end_line == 0 {
        return;
    }
    let start = char_offset(&line, pos.col as usize);
    let mut end = char_offset(&line, pos.end_col as usize);
    let mut anchors = None;
    if pos.line != pos.end_line {
        end = line.trim_end().chars().count();
    } else if end > start {
        let seg: String = line.chars().skip(start).take(end - start).collect();
        anchors = ember_compiler::anchors::caret_anchors(&seg);
    }
    if end <= start {
        return;
    }
    let stripped_len = stripped_trim.chars().count();
    if end - start == stripped_len && anchors.is_none() {
        return;
    }
    let mut marks = String::new();
    marks.push_str(&" ".repeat(start.saturating_sub(indent_chars)));
    match anchors {
        Some((l, r)) => {
            let width = end - start;
            let (l, r) = (l.min(width), r.min(width).max(l.min(width)));
            marks.push_str(&"~".repeat(l));
            marks.push_str(&"^".repeat(r - l));
            marks.push_str(&"~".repeat(width - r));
        }
        None => marks.push_str(&"^".repeat(end - start)),
    }
    let _ = writeln!(out, "{margin}    {marks}");
}

/// Writes the traceback entries of `tb` (no header).
fn write_tb_entries(out: &mut String, tb: &PyRef, margin: &str) {
    let mut entries: Vec<(PyRef, i32, i32)> = Vec::new();
    let mut cur = Some(tb.clone());
    while let Some(t) = cur {
        let Some(tt) = t.downcast::<TracebackObj>() else { break };
        let code = tt
            .frame
            .downcast::<FrameObj>()
            .and_then(|_| ops::getattr_str(&tt.frame, "f_code").ok())
            .unwrap_or_else(crate::types::none);
        entries.push((code, tt.lasti, tt.lineno));
        cur = tt.next();
    }
    let limit = crate::modules::sys::traceback_limit();
    let skip = entries.len().saturating_sub(limit);
    let mut last: Option<(String, i32, String)> = None;
    let mut count = 0usize;
    for (code_obj, lasti, lineno) in entries.iter().skip(skip) {
        let Some(code) = code_obj.downcast::<CodeObj>() else { continue };
        let key = (code.filename_str().to_string(), *lineno, code.name_str().to_string());
        if last.as_ref() != Some(&key) {
            if count > RECURSIVE_CUTOFF {
                write_repeated(out, count, margin);
            }
            last = Some(key);
            count = 0;
        }
        count += 1;
        if count <= RECURSIVE_CUTOFF {
            write_entry(out, code, *lasti, *lineno, margin);
        }
    }
    if count > RECURSIVE_CUTOFF {
        write_repeated(out, count, margin);
    }
}

fn write_repeated(out: &mut String, count: usize, margin: &str) {
    let n = count - RECURSIVE_CUTOFF;
    let s = if n > 1 { "s" } else { "" };
    let _ = writeln!(out, "{margin}  [Previous line repeated {n} more time{s}]");
}

/// The qualified type name CPython prints (`module.Name` unless builtins or __main__).
fn type_display_name(t: &TypeObj) -> String {
    let q = t.qualname();
    match crate::types::object::type_module_name(t) {
        Some(m) if m != "__main__" => format!("{m}.{q}"),
        _ => q,
    }
}

/// The final "Type: message" line(s) of an exception, including notes.
fn write_exception_only(out: &mut String, exc: &Obj, margin: &str) {
    let t = exc.class();
    if t.is_subtype(&exceptions::SYNTAX_ERROR) {
        write_syntax_error(out, exc, margin);
        return;
    }
    let name = type_display_name(t);
    let suggestion = crate::suggestions::suggestion_for(exc).map(|s| format!(". Did you mean: '{s}'?"));
    match ops::str_string(exc) {
        Ok(s) if s.is_empty() => {
            let _ = writeln!(out, "{margin}{name}{}", suggestion.unwrap_or_default());
        }
        Ok(s) => {
            let s = s + suggestion.as_deref().unwrap_or("");
            for (i, l) in s.split('\n').enumerate() {
                if i == 0 {
                    let _ = writeln!(out, "{margin}{name}: {l}");
                } else {
                    let _ = writeln!(out, "{margin}{l}");
                }
            }
        }
        Err(_) => {
            let _ = writeln!(out, "{margin}{name}: <exception str() failed>");
        }
    }
    write_notes(out, exc, margin);
}

fn write_notes(out: &mut String, exc: &Obj, margin: &str) {
    let Ok(Some(notes)) = ops::lookup_attr(exc, "__notes__") else { return };
    if notes.isa::<StrObj>() || !(notes.isa::<crate::types::list::ListObj>() || notes.isa::<TupleObj>()) {
        let r = ops::repr_string(&notes).unwrap_or_else(|_| "<__notes__ repr() failed>".into());
        let _ = writeln!(out, "{margin}{r}");
        return;
    }
    let Ok(items) = ops::collect_vec(&notes) else { return };
    for n in items {
        let s = if n.isa::<StrObj>() {
            StrObj::text(&n).to_string()
        } else {
            ops::str_string(&n).unwrap_or_else(|_| "<note str() failed>".into())
        };
        for l in s.split('\n') {
            let _ = writeln!(out, "{margin}{l}");
        }
    }
}

fn write_syntax_error(out: &mut String, exc: &Obj, margin: &str) {
    let e = exc.downcast::<ExceptionObj>().expect("exception");
    let get = |i| e.get_extra(i).filter(|v: &PyRef| !v.is_none());
    let filename = get(exceptions::EXTRA_SYN_FILENAME).map(|f| ops::str_lossy(&f));
    let lineno = get(exceptions::EXTRA_SYN_LINENO).and_then(|l| crate::types::int::as_i64(&l));
    if let (Some(f), Some(l)) = (&filename, lineno) {
        let _ = writeln!(out, "{margin}  File \"{f}\", line {l}");
    }
    if let Some(text) = get(exceptions::EXTRA_SYN_TEXT).filter(|t| t.isa::<StrObj>()) {
        let offset = get(exceptions::EXTRA_SYN_OFFSET).and_then(|o| crate::types::int::as_i64(&o)).unwrap_or(0);
        let end_offset =
            get(exceptions::EXTRA_SYN_END_OFFSET).and_then(|o| crate::types::int::as_i64(&o)).unwrap_or(offset);
        let end_lineno = get(exceptions::EXTRA_SYN_END_LINENO).and_then(|o| crate::types::int::as_i64(&o));
        write_error_text(out, StrObj::text(&text), offset, end_offset, lineno, end_lineno, margin);
    }
    let msg = get(exceptions::EXTRA_SYN_MSG).map(|m| ops::str_lossy(&m)).unwrap_or_else(|| ops::str_lossy(exc));
    let name = type_display_name(exc.class());
    let _ = writeln!(out, "{margin}{name}: {msg}");
    write_notes(out, exc, margin);
}

fn write_error_text(
    out: &mut String,
    text: &str,
    offset: i64,
    end_offset: i64,
    lineno: Option<i64>,
    end_lineno: Option<i64>,
    margin: &str,
) {
    let mut offset = offset - 1;
    let mut end_offset = end_offset - 1;
    let mut text: &str = text;
    // Only the first line of a multi-line text is shown.
    if let Some(nl) = text.find('\n') {
        if nl + 1 < text.len() {
            text = &text[..nl + 1];
        }
    }
    let stripped = text.trim_start_matches([' ', '\t', '\x0c']);
    let removed = (text.chars().count() - stripped.chars().count()) as i64;
    offset -= removed;
    end_offset -= removed;
    let line = stripped.trim_end_matches(['\n', '\r']);
    let len = line.chars().count() as i64;
    let _ = writeln!(out, "{margin}    {line}");
    if offset < 0 {
        return;
    }
    if end_lineno.is_some_and(|e| Some(e) != lineno) || end_offset <= offset {
        end_offset = offset + 1;
    }
    if offset > len {
        offset = len;
    }
    if end_offset > len + 1 {
        end_offset = len + 1;
    }
    let width = (end_offset - offset).max(1) as usize;
    let _ = writeln!(out, "{margin}    {}{}", " ".repeat(offset as usize), "^".repeat(width));
}

/// Formats a full exception report (chained causes/contexts first).
pub fn format_exception(exc: &Obj) -> String {
    let mut out = String::new();
    let mut seen: Vec<usize> = Vec::new();
    write_chain(&mut out, exc, &mut seen, "", 0);
    out
}

fn write_chain(out: &mut String, exc: &Obj, seen: &mut Vec<usize>, margin: &str, depth: usize) {
    seen.push(exc.as_ptr() as usize);
    if let Some(e) = exc.downcast::<ExceptionObj>() {
        if depth < 100 {
            if let Some(cause) = e.cause() {
                if !seen.contains(&(cause.as_ptr() as usize)) {
                    write_chain(out, &cause, seen, margin, depth + 1);
                    let _ = writeln!(out, "{margin}");
                    let _ =
                        writeln!(out, "{margin}The above exception was the direct cause of the following exception:");
                    let _ = writeln!(out, "{margin}");
                }
            } else if let Some(ctx) = e.context() {
                if !e.suppress_context.get() && !seen.contains(&(ctx.as_ptr() as usize)) {
                    write_chain(out, &ctx, seen, margin, depth + 1);
                    let _ = writeln!(out, "{margin}");
                    let _ =
                        writeln!(out, "{margin}During handling of the above exception, another exception occurred:");
                    let _ = writeln!(out, "{margin}");
                }
            }
        }
    }
    write_single(out, exc, margin, seen);
}

fn write_single(out: &mut String, exc: &Obj, margin: &str, seen: &[usize]) {
    let is_group = exc.class().is_subtype(&exceptions::BASE_EXCEPTION_GROUP);
    if is_group {
        write_group(out, exc, margin, seen, 0);
        return;
    }
    let tb = exc.downcast::<ExceptionObj>().and_then(|e| e.traceback());
    if let Some(tb) = tb {
        let _ = writeln!(out, "{margin}Traceback (most recent call last):");
        write_tb_entries(out, &tb, margin);
    }
    write_exception_only(out, exc, margin);
}

const MAX_GROUP_WIDTH: usize = 15;
const MAX_GROUP_DEPTH: usize = 10;

fn write_group(out: &mut String, exc: &Obj, margin: &str, seen: &[usize], level: usize) {
    let top = level == 0;
    let m = if top { format!("{margin}  | ") } else { format!("{margin}| ") };
    let header_margin = if top { format!("{margin}  + ") } else { margin.to_string() };
    let tb = exc.downcast::<ExceptionObj>().and_then(|e| e.traceback());
    if let Some(tb) = tb {
        let _ = writeln!(out, "{header_margin}Exception Group Traceback (most recent call last):");
        write_tb_entries(out, &tb, &m);
    } else if top {
        let _ = write!(out, "{header_margin}");
    }
    write_exception_only(out, exc, &m);
    let excs = ops::getattr_str(exc, "exceptions").ok().and_then(|e| ops::collect_vec(&e).ok()).unwrap_or_default();
    let inner_margin = if top { format!("{margin}    ") } else { format!("{margin}  ") };
    let base = if top { format!("{margin}  ") } else { margin.to_string() };
    if level >= MAX_GROUP_DEPTH {
        let _ = writeln!(out, "{base}+-+---------------- ... ----------------");
        let _ = writeln!(out, "{inner_margin}| Max depth of exception groups exceeded");
        let _ = writeln!(out, "{inner_margin}+------------------------------------");
        return;
    }
    let n = excs.len();
    for (i, sub) in excs.iter().enumerate().take(MAX_GROUP_WIDTH) {
        let first = i == 0;
        let label = format!("{}", i + 1);
        let lead = if first { format!("{base}+-+") } else { format!("{inner_margin}+") };
        let _ = writeln!(out, "{lead}---------------- {label} ----------------");
        let mut sub_out = String::new();
        let mut sub_seen = seen.to_vec();
        write_chain_in_group(&mut sub_out, sub, &mut sub_seen, &inner_margin, level + 1);
        out.push_str(&sub_out);
    }
    if n > MAX_GROUP_WIDTH {
        let _ = writeln!(out, "{inner_margin}+---------------- ... ----------------");
        let more = n - MAX_GROUP_WIDTH;
        let _ = writeln!(out, "{inner_margin}| and {more} more exception{}", if more > 1 { "s" } else { "" });
    }
    let _ = writeln!(out, "{inner_margin}+------------------------------------");
}

fn write_chain_in_group(out: &mut String, exc: &Obj, seen: &mut Vec<usize>, margin: &str, level: usize) {
    let m = format!("{margin}| ");
    if let Some(e) = exc.downcast::<ExceptionObj>() {
        if let Some(cause) = e.cause() {
            if !seen.contains(&(cause.as_ptr() as usize)) {
                seen.push(cause.as_ptr() as usize);
                write_chain_in_group(out, &cause, seen, margin, level);
                let _ = writeln!(out, "{m}");
                let _ = writeln!(out, "{m}The above exception was the direct cause of the following exception:");
                let _ = writeln!(out, "{m}");
            }
        } else if let Some(ctx) = e.context() {
            if !e.suppress_context.get() && !seen.contains(&(ctx.as_ptr() as usize)) {
                seen.push(ctx.as_ptr() as usize);
                write_chain_in_group(out, &ctx, seen, margin, level);
                let _ = writeln!(out, "{m}");
                let _ = writeln!(out, "{m}During handling of the above exception, another exception occurred:");
                let _ = writeln!(out, "{m}");
            }
        }
    }
    if exc.class().is_subtype(&exceptions::BASE_EXCEPTION_GROUP) {
        write_group(out, exc, margin, seen, level);
        return;
    }
    let tb = exc.downcast::<ExceptionObj>().and_then(|e| e.traceback());
    if let Some(tb) = tb {
        let _ = writeln!(out, "{m}Traceback (most recent call last):");
        write_tb_entries(out, &tb, &m);
    }
    write_exception_only(out, exc, &m);
}

/// Prints an exception report to `sys.stderr` (or the process stderr).
pub fn print_exception(exc: &Obj) {
    let text = format_exception(exc);
    crate::modules::sys::write_stderr(&text);
}

/// Keeps AsObj imported for payload conversions in this module.
#[allow(dead_code)]
fn _keep(e: &ExceptionObj) -> &Obj {
    e.as_obj()
}

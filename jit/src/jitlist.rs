//! JIT lists: which Python functions the JIT may compile.
//!
//! A JIT list is a text file given with `-X jit-list-file=F` (or the environment
//! variable `PYTHONJITLISTFILE=F`). When a list is given, only the functions it
//! names are compiled. `cinderjit.append_jit_list(line)` adds entries at run time
//! and `cinderjit.get_jit_list()` reports them.
//!
//! # Format
//!
//! One entry a line. Surrounding whitespace is ignored; blank lines and lines whose
//! first non-blank character is `#` are skipped (there are no trailing comments).
//! A UTF-8 byte-order mark at the start of the file is ignored.
//!
//! | entry                   | matches a function when                                             |
//! |-------------------------|---------------------------------------------------------------------|
//! | `module:qualname`       | its module is `module` and its qualname is `qualname`                |
//! | `module:*`              | its module is `module` (any qualname, nested functions included)     |
//! | `module:*.name`         | its module is `module` and its qualname ends with `.name`            |
//! | `*:qualname`            | its qualname is `qualname` (any module)                              |
//! | `*:*.name`              | its qualname ends with `.name` (any module)                          |
//! | `qualname@path:line`    | its qualname is `qualname` and its file's base name is `path`'s;     |
//! |                         | with `-X jit-list-match-line-numbers`, also its first line is `line` |
//!
//! * A line containing `@` is a `qualname@path:line` entry; any other line is split
//!   at its first `:` into module and qualname.
//! * A module is a dotted name of identifiers (`pkg.sub.mod`, `__main__`). A module
//!   pattern matches that exact module only: `pkg:*` does not match `pkg.sub`.
//! * A qualname is a dotted name whose components are identifiers or one of
//!   `<locals>`, `<lambda>`, `<genexpr>`, `<listcomp>`, `<dictcomp>`, `<setcomp>`.
//!   `<locals>` must sit between the enclosing function's name and a nested name
//!   (`outer.<locals>.inner`).
//! * `*.name` matches qualnames of two or more components whose last one is `name`:
//!   methods (`Class.name`) and nested functions (`f.<locals>.name`), but not a
//!   module-level function called `name`. `name` is a single component and may be
//!   any component except `<locals>` (`*.<lambda>` is every nested lambda).
//! * `*` may appear only as the whole module, the whole qualname, or the first
//!   component of `*.name`. `*:*` is rejected: it would name every function, which
//!   is what running without a list does.
//! * In `qualname@path:line` the qualname may not contain wildcards. `path` is split
//!   from `line` at its last `:` and reduced to its base name (the part after the
//!   last `/`), as is the file of the function looked up; so `a/b/mod.py`, `mod.py`
//!   and `/x/mod.py` all agree. `line` is a positive decimal integer (leading zeros
//!   allowed).
//! * Identifiers are checked exactly in ASCII (letters, digits, `_`, not starting
//!   with a digit). Non-ASCII characters are accepted unless they are whitespace,
//!   control characters or invisible (a byte-order mark, a zero-width space): std
//!   cannot test Unicode's XID properties, and accepting a name Python would reject
//!   only makes a line that never matches, while rejecting a legal name would make
//!   that function impossible to list. Keywords are not rejected. Names are compared
//!   as written (no NFKC normalisation).
//! * Listing an entry twice is not an error; the repeat is ignored.
//!
//! # Cost of a lookup
//!
//! **Invariant:** [`JitList::matches`] does at most eight hash lookups whatever the
//! number and kind of entries, and does not allocate. Lookups are by borrowed `&str`
//! into nested maps, never by building a combined key:
//!
//! * `modules`: module -> `Rules` (whether every function is listed, the exact
//!   qualnames, the `*.name` names); one more `Rules` holds the `*:` entries. A
//!   lookup is one `modules` lookup plus at most two set lookups in each `Rules`.
//! * `files`: base name -> qualname -> set of first lines (three lookups).
//!
//! A wildcard line is one set element, never a pattern to try in turn, so adding
//! wildcard lines does not slow lookups down.

use std::collections::{HashMap, HashSet};
use std::fmt;
use std::path::Path;

#[cfg(test)]
mod tests;

/// The qualname components that are not identifiers.
const SPECIAL_COMPONENTS: [&str; 6] = ["<locals>", "<lambda>", "<genexpr>", "<listcomp>", "<dictcomp>", "<setcomp>"];

/// A function being looked up: what the runtime knows when it creates or first
/// calls it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct FunctionId<'a> {
    /// The function's module (`__module__`, e.g. `pkg.mod` or `__main__`).
    pub module: &'a str,
    /// The code object's `co_qualname` (e.g. `Class.method`, `f.<locals>.g`).
    pub qualname: &'a str,
    /// The code object's `co_filename`; only its base name is compared.
    pub file: &'a str,
    /// The code object's `co_firstlineno`.
    pub first_line: u32,
}

/// A parsed JIT list. See the module documentation for the format and the rules.
#[derive(Debug, Clone, Default)]
pub struct JitList {
    /// The `module:...` entries, by module.
    modules: HashMap<String, Rules>,
    /// The `*:...` entries.
    any_module: Rules,
    /// The `qualname@file:line` entries: base name -> qualname -> first lines.
    files: HashMap<String, HashMap<String, HashSet<u32>>>,
    /// The normalised entries, without repeats, in the order they were added.
    entries: Vec<String>,
}

/// The qualname rules of one module (or of every module, for `*:` entries).
#[derive(Debug, Clone, Default)]
struct Rules {
    /// `module:*`: every function.
    all: bool,
    /// `module:qualname`: exact qualnames.
    qualnames: HashSet<String>,
    /// `module:*.name`: last components of qualnames with at least two components.
    methods: HashSet<String>,
}

impl Rules {
    /// `last` is the qualname's last component if it has more than one.
    fn matches(&self, qualname: &str, last: Option<&str>) -> bool {
        self.all
            || (!self.qualnames.is_empty() && self.qualnames.contains(qualname))
            || (!self.methods.is_empty() && last.is_some_and(|name| self.methods.contains(name)))
    }
}

/// One parsed entry, borrowing from its line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Entry<'a> {
    /// `module:qualname` and its wildcard forms; `None` for a `*` module.
    Function { module: Option<&'a str>, qualname: QualnamePattern<'a> },
    /// `qualname@file:line`, the file already reduced to its base name.
    Location { qualname: &'a str, basename: &'a str, line: u32 },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum QualnamePattern<'a> {
    /// `*`
    Any,
    /// `*.name`
    EndsWith(&'a str),
    /// `qualname`
    Exact(&'a str),
}

impl fmt::Display for Entry<'_> {
    /// The normalised form of the entry, as `JitList::entries` reports it.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match *self {
            Entry::Function { module, qualname } => {
                f.write_str(module.unwrap_or("*"))?;
                match qualname {
                    QualnamePattern::Any => f.write_str(":*"),
                    QualnamePattern::EndsWith(name) => write!(f, ":*.{name}"),
                    QualnamePattern::Exact(qualname) => write!(f, ":{qualname}"),
                }
            }
            Entry::Location { qualname, basename, line } => write!(f, "{qualname}@{basename}:{line}"),
        }
    }
}

/// A malformed JIT list line, or a list file that could not be read.
///
/// Displays as `jit-list {file}:{line}: {message}`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct JitListError {
    file: String,
    line: usize,
    message: String,
}

impl JitListError {
    fn new(file: &str, line: usize, message: String) -> JitListError {
        JitListError { file: file.to_owned(), line, message }
    }

    /// The list file's name, as given to [`JitList::parse`] or [`JitList::read`].
    pub fn file(&self) -> &str {
        &self.file
    }

    /// The 1-based line of the malformed entry; 0 if the file could not be read.
    pub fn line(&self) -> usize {
        self.line
    }

    /// What is wrong, without the file and line.
    pub fn message(&self) -> &str {
        &self.message
    }
}

impl fmt::Display for JitListError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "jit-list {}:{}: {}", self.file, self.line, self.message)
    }
}

impl std::error::Error for JitListError {}

impl JitList {
    /// An empty list (it matches nothing).
    pub fn new() -> JitList {
        JitList::default()
    }

    /// Parses a whole list. `file` is only used in error messages. Stops at the
    /// first malformed line.
    pub fn parse(text: &str, file: &str) -> Result<JitList, JitListError> {
        let mut list = JitList::new();
        for (index, line) in text.split('\n').enumerate() {
            let line = if index == 0 { strip_bom(line) } else { line };
            list.add_line(line).map_err(|message| JitListError::new(file, index + 1, message))?;
        }
        Ok(list)
    }

    /// Reads and parses a list file. An I/O error is reported with line 0; a line
    /// that is not UTF-8 is reported as malformed (after any earlier malformed line).
    pub fn read(path: &Path) -> Result<JitList, JitListError> {
        let file = path.display().to_string();
        let bytes =
            std::fs::read(path).map_err(|error| JitListError::new(&file, 0, format!("cannot read: {error}")))?;
        let mut list = JitList::new();
        for (index, line) in bytes.split(|&byte| byte == b'\n').enumerate() {
            let error = |message: String| JitListError::new(&file, index + 1, message);
            let line = std::str::from_utf8(line).map_err(|_| error("line is not valid UTF-8".to_owned()))?;
            let line = if index == 0 { strip_bom(line) } else { line };
            list.add_line(line).map_err(error)?;
        }
        Ok(list)
    }

    /// Adds one line (as `cinderjit.append_jit_list` does). Blank and comment lines
    /// are accepted and add nothing; so is an entry already in the list. On error
    /// the list is unchanged and the message says what is wrong.
    pub fn add_line(&mut self, line: &str) -> Result<(), String> {
        if let Some(entry) = parse_line(line)? {
            if self.insert(entry) {
                self.entries.push(entry.to_string());
            }
        }
        Ok(())
    }

    /// Records an entry; false if it was already there.
    fn insert(&mut self, entry: Entry<'_>) -> bool {
        match entry {
            Entry::Function { module, qualname } => {
                let rules = match module {
                    None => &mut self.any_module,
                    Some(module) => self.modules.entry(module.to_owned()).or_default(),
                };
                match qualname {
                    QualnamePattern::Any => !std::mem::replace(&mut rules.all, true),
                    QualnamePattern::EndsWith(name) => rules.methods.insert(name.to_owned()),
                    QualnamePattern::Exact(qualname) => rules.qualnames.insert(qualname.to_owned()),
                }
            }
            Entry::Location { qualname, basename, line } => {
                self.files.entry(basename.to_owned()).or_default().entry(qualname.to_owned()).or_default().insert(line)
            }
        }
    }

    /// Whether the list names `function`. With `match_line_numbers`
    /// (`-X jit-list-match-line-numbers`), `qualname@file:line` entries also require
    /// the first line to agree. Constant cost; see the module documentation.
    pub fn matches(&self, function: &FunctionId<'_>, match_line_numbers: bool) -> bool {
        if self.entries.is_empty() {
            return false;
        }
        let qualname = function.qualname;
        let last = qualname.rsplit_once('.').map(|(_, last)| last);
        if self.modules.get(function.module).is_some_and(|rules| rules.matches(qualname, last)) {
            return true;
        }
        if self.any_module.matches(qualname, last) {
            return true;
        }
        if self.files.is_empty() {
            return false;
        }
        self.files
            .get(basename(function.file))
            .and_then(|qualnames| qualnames.get(qualname))
            .is_some_and(|lines| !match_line_numbers || lines.contains(&function.first_line))
    }

    /// The entries in normalised form (trimmed; a path reduced to its base name; the
    /// line number without leading zeros), without repeats, in the order they were
    /// added.
    pub fn entries(&self) -> Vec<String> {
        self.entries.clone()
    }

    /// The number of distinct entries.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// Whether the list has no entries (it then matches nothing).
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }
}

fn strip_bom(line: &str) -> &str {
    line.strip_prefix('\u{feff}').unwrap_or(line)
}

/// The part of a path after its last `/`.
fn basename(path: &str) -> &str {
    path.rsplit('/').next().unwrap_or(path)
}

/// Parses one line; `None` for a blank or comment line.
fn parse_line(line: &str) -> Result<Option<Entry<'_>>, String> {
    let line = line.trim();
    if line.is_empty() || line.starts_with('#') {
        return Ok(None);
    }
    if let Some((qualname, location)) = line.split_once('@') {
        return parse_location(qualname, location).map(Some);
    }
    let Some((module, qualname)) = line.split_once(':') else {
        if line == "*" {
            return Err("'*' alone is not an entry: write 'module:*' or '*:qualname'".to_owned());
        }
        return Err(format!("missing ':' in '{line}' (expected 'module:qualname' or 'qualname@file.py:line')"));
    };
    let module = parse_module(module)?;
    let qualname = parse_qualname_pattern(qualname)?;
    if module.is_none() && qualname == QualnamePattern::Any {
        return Err("'*:*' is not supported: it would list every function (run without a jit list instead)".to_owned());
    }
    Ok(Some(Entry::Function { module, qualname }))
}

/// A module, or `None` for `*`.
fn parse_module(module: &str) -> Result<Option<&str>, String> {
    if module.is_empty() {
        return Err("empty module name".to_owned());
    }
    if module == "*" {
        return Ok(None);
    }
    if module.contains('*') {
        return Err(format!("invalid module '{module}': a wildcard module must be exactly '*'"));
    }
    for component in module.split('.') {
        if component.is_empty() {
            return Err(format!("invalid module '{module}': empty component"));
        }
        if !is_identifier(component) {
            return Err(format!("invalid module '{module}': '{component}' is not an identifier{}", hint(component)));
        }
    }
    Ok(Some(module))
}

fn parse_qualname_pattern(qualname: &str) -> Result<QualnamePattern<'_>, String> {
    if qualname.is_empty() {
        return Err("empty qualname".to_owned());
    }
    if qualname == "*" {
        return Ok(QualnamePattern::Any);
    }
    if let Some(name) = qualname.strip_prefix("*.") {
        if name.contains('*') || name.contains('.') {
            return Err(format!(
                "invalid qualname '{qualname}': a wildcard qualname must be '*' or '*.name' with a single name"
            ));
        }
        check_qualname(qualname, &["*", name])?;
        return Ok(QualnamePattern::EndsWith(name));
    }
    if qualname.contains('*') {
        return Err(format!("invalid qualname '{qualname}': '*' may only be the whole qualname or start '*.name'"));
    }
    check_qualname(qualname, &qualname.split('.').collect::<Vec<_>>())?;
    Ok(QualnamePattern::Exact(qualname))
}

/// Checks the components of `qualname`. A leading `*` component (from `*.name`)
/// counts as an enclosing name.
fn check_qualname(qualname: &str, components: &[&str]) -> Result<(), String> {
    for (index, &component) in components.iter().enumerate() {
        if component == "*" && index == 0 {
            continue;
        }
        if component.is_empty() {
            return Err(format!("invalid qualname '{qualname}': empty component"));
        }
        if component == "<locals>" {
            if index == 0 || components[index - 1] == "<locals>" {
                return Err(format!(
                    "invalid qualname '{qualname}': '<locals>' must follow the name of the enclosing function"
                ));
            }
            if index + 1 == components.len() {
                return Err(format!(
                    "invalid qualname '{qualname}': '<locals>' must be followed by the name of a nested function"
                ));
            }
        } else if !is_identifier(component) && !SPECIAL_COMPONENTS.contains(&component) {
            return Err(format!(
                "invalid qualname '{qualname}': '{component}' is not an identifier or one of {}{}",
                SPECIAL_COMPONENTS.join(", "),
                hint(component)
            ));
        }
    }
    Ok(())
}

/// `qualname@file:line`, split at the first `@`.
fn parse_location<'a>(qualname: &'a str, location: &'a str) -> Result<Entry<'a>, String> {
    if qualname.is_empty() {
        return Err("empty qualname before '@'".to_owned());
    }
    if qualname.contains('*') {
        return Err(format!("invalid qualname '{qualname}': wildcards are not allowed in 'qualname@file:line'"));
    }
    if qualname.contains(':') {
        return Err(format!("invalid qualname '{qualname}': 'qualname@file:line' takes no module"));
    }
    check_qualname(qualname, &qualname.split('.').collect::<Vec<_>>())?;
    let Some((path, line)) = location.rsplit_once(':') else {
        if location.is_empty() {
            return Err("expected 'file:line' after '@'".to_owned());
        }
        return Err(format!("expected 'file:line' after '@', found '{location}'"));
    };
    if path.is_empty() {
        return Err("empty file name after '@'".to_owned());
    }
    let basename = basename(path);
    if basename.is_empty() {
        return Err(format!("file path '{path}' ends with '/'"));
    }
    if line.is_empty() {
        return Err(format!("missing line number after '{path}:'"));
    }
    if !line.bytes().all(|byte| byte.is_ascii_digit()) {
        return Err(format!("line number '{line}' is not a positive integer"));
    }
    let number = line.trim_start_matches('0');
    if number.is_empty() {
        return Err(format!("line number '{line}' is not a positive integer"));
    }
    let line = number.parse::<u32>().map_err(|_| format!("line number '{line}' is too large"))?;
    Ok(Entry::Location { qualname, basename, line })
}

/// Invisible characters that are neither whitespace nor control characters to std
/// but never part of an identifier (a stray byte-order mark, zero-width spaces).
const INVISIBLE: [char; 3] = ['\u{feff}', '\u{200b}', '\u{2060}'];

/// An identifier: see the module documentation for what is checked.
fn is_identifier(name: &str) -> bool {
    let mut chars = name.chars();
    let Some(first) = chars.next() else {
        return false;
    };
    let allowed = |c: char| {
        if c.is_ascii() {
            c == '_' || c.is_ascii_alphanumeric()
        } else {
            !c.is_whitespace() && !c.is_control() && !INVISIBLE.contains(&c)
        }
    };
    !first.is_ascii_digit() && allowed(first) && chars.all(allowed)
}

/// A hint for the usual cause of a component that is not an identifier.
fn hint(component: &str) -> &'static str {
    if component.contains('#') {
        " (comments must be on a line of their own)"
    } else if component.contains(char::is_whitespace) {
        " (names may not contain spaces)"
    } else {
        ""
    }
}

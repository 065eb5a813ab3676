//! `_sre.SRE_Scanner`: successive matches over one subject (`Pattern.scanner`,
//! and behind `Pattern.finditer` and `re.Scanner`). Each `match()`/`search()`
//! continues where the previous match ended; after an empty match the next
//! one must advance; once an attempt fails, every later call returns None.

use std::cell::Cell;

use crate::object::{Obj, PyCell, PyPayload, PyRef};
use crate::runtime::{PyErr, PyResult};
use crate::types::none;
use crate::types::typeobj::{Args, GetSetDef, MethodDef, TypeObj};

use super::engine::{self, Mode, Region, Resume};
use super::matchobj::new_match;
use super::pattern::this as pattern_of;
use super::subject::{bounds, subject, Text};

#[repr(C)]
pub struct ScannerObj {
    pub ob: Obj,
    pattern: PyRef,
    string: PyRef,
    pos: usize,
    endpos: usize,
    /// Where the next attempt starts and whether it must not be empty
    /// there; None once exhausted.
    next: Cell<Option<(usize, bool)>>,
    /// For a str subject: the engine state and the (code point, byte)
    /// cursor of the previous attempt, so successive matches over
    /// non-ASCII text do not count characters from the start each time.
    resume: PyCell<Resume>,
    text_cursor: Cell<(usize, usize)>,
}

// SAFETY: `#[repr(C)]` starting with `Obj`.
unsafe impl PyPayload for ScannerObj {
    fn class() -> &'static TypeObj {
        &SCANNER_TYPE
    }
}

/// A scanner of `pattern` over `string` (checked against the pattern's kind).
pub fn new_scanner(pattern: &Obj, string: &Obj, pos: i64, endpos: i64) -> PyResult {
    let p = pattern_of(pattern)?;
    let len = subject(string, p.kind)?.len();
    let (pos, endpos) = bounds(pos, endpos, len);
    let sc = ScannerObj {
        ob: Obj::new(&SCANNER_TYPE.0),
        pattern: pattern.to_owned(),
        string: string.to_owned(),
        pos,
        endpos,
        next: Cell::new(Some((pos, false))),
        resume: PyCell::new(Resume::default()),
        text_cursor: Cell::new((0, 0)),
    };
    Ok(crate::object::alloc::alloc_object(&SCANNER_TYPE, sc, 0))
}

fn this(o: &Obj) -> PyResult<&ScannerObj> {
    o.downcast::<ScannerObj>().ok_or_else(|| {
        PyErr::type_error(format!("descriptor requires a '_sre.SRE_Scanner' object, not '{}'", o.class().name()))
    })
}

fn step(a: Args, name: &str, mode: Mode) -> PyResult {
    let [s] = crate::util::args::exact::<1>(a, name)?;
    let sc = this(s)?;
    let Some((start, must_advance)) = sc.next.get() else {
        return Ok(none());
    };
    let p = pattern_of(&sc.pattern)?;
    let text = subject(&sc.string, p.kind)?;
    // A bytearray subject may have shrunk since the scanner was made.
    let end = sc.endpos.min(text.len());
    let region = Region { start, end, must_advance };
    let found = if let Text::Str(_, cursor) = &text {
        // The subject is an immutable str that the scanner keeps alive.
        cursor.set(sc.text_cursor.get());
        let mut resume = sc.resume.take();
        let found = engine::exec_resuming(&text, &p.code, p.groups, region, mode, &mut resume);
        sc.resume.with_mut(|r| *r = resume);
        found?
    } else {
        engine::exec(&text, &p.code, p.groups, region, mode)?
    };
    match found {
        Some(hit) => {
            // After an empty match the next one must advance.
            let (b, e) = (hit.start(), hit.end());
            sc.next.set(Some((e, e == b)));
            let m = new_match(&sc.pattern, &sc.string, &text, sc.pos, sc.endpos, hit);
            if let Text::Str(_, cursor) = &text {
                sc.text_cursor.set(cursor.get());
            }
            Ok(m)
        }
        None => {
            sc.next.set(None);
            Ok(none())
        }
    }
}

fn m_match(a: Args) -> PyResult {
    step(a, "match", Mode::Match)
}

fn m_search(a: Args) -> PyResult {
    step(a, "search", Mode::Search)
}

fn g_pattern(o: &Obj) -> PyResult {
    Ok(this(o)?.pattern.clone())
}

fn scanner_traverse(o: &Obj, visit: &mut dyn FnMut(&Obj)) {
    if let Some(sc) = o.downcast::<ScannerObj>() {
        visit(&sc.pattern);
        visit(&sc.string);
    }
}

static METHODS: &[MethodDef] = &[MethodDef::method("match", m_match), MethodDef::method("search", m_search)];

static GETSETS: &[GetSetDef] = &[GetSetDef::getter("pattern", g_pattern)];

crate::static_type! {
    pub static SCANNER_TYPE: ScannerObj = "_sre.SRE_Scanner" {
        module: "_sre",
        flags: HAVE_GC,
        methods: METHODS,
        getsets: GETSETS,
        slots: { traverse: scanner_traverse },
    }
}

//! The glue to the matching engine (`rustpython-sre_engine`, an implementation
//! of CPython's sre bytecode interpreter): runs validated pattern code over a
//! [`Text`] and turns the engine's state into group spans.
//!
//! The engine reads text through its `StrDrive` trait, implemented for `&str`
//! (positions count code points, as CPython's do) and `&[u8]`. ASCII strs
//! are handed over as bytes: the same positions, with O(1) cursor moves.
//!
//! Engine calls run under `catch_unwind`: pattern code is validated before
//! it is accepted (`validate.rs`), so a panic inside the engine would be a
//! bug of the engine or the validator, and it surfaces as a RuntimeError
//! rather than taking the process down. No Python code runs inside.

use rustpython_sre_engine::{Request, SearchIter, State, StrDrive};

use super::subject::Text;
use crate::runtime::{PyErr, PyResult};

/// How a single attempt anchors the pattern.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// At the start position (`match`, and `fullmatch` with the pattern's
    /// end-anchored code).
    Match,
    /// At the first position from the start that matches (`search`).
    Search,
}

/// A successful match: `spans[0]` is the whole match, `spans[g]` group `g`
/// (`(-1, -1)` when the group did not take part); `lastindex` is -1 when no
/// group closed.
pub struct Hit {
    pub spans: Vec<(isize, isize)>,
    pub lastindex: isize,
}

impl Hit {
    pub fn start(&self) -> usize {
        self.spans[0].0 as usize
    }
    pub fn end(&self) -> usize {
        self.spans[0].1 as usize
    }
}

/// Where one search starts: the region `start..end` of the text, and
/// whether an empty match at `start` is refused (after an empty match, the
/// next one must advance, as CPython's `must_advance`).
#[derive(Clone, Copy)]
pub struct Region {
    pub start: usize,
    pub end: usize,
    pub must_advance: bool,
}

fn guard<R>(f: impl FnOnce() -> R) -> PyResult<R> {
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(f))
        .map_err(|_| PyErr::runtime_error("internal error in regular expression engine"))
}

/// Whether the engine returned an empty match at `from` although the search
/// had to advance. Code from `re._compiler` never does; crafted code can
/// (an INFO block announcing a first character the pattern does not
/// consume makes the engine drop the requirement), and a scan would then
/// repeat that match forever, so it counts as the end of the matches.
fn refused_empty(state: &State, from: usize) -> bool {
    state.start == from && state.cursor.position == from
}

fn hit_of(state: &State, groups: usize) -> Hit {
    let mut spans = Vec::with_capacity(groups + 1);
    spans.push((state.start as isize, state.cursor.position as isize));
    for g in 0..groups {
        let (a, b) = state.marks.get(g);
        spans.push(if a.is_some() && b.is_some() { (a.unpack() as isize, b.unpack() as isize) } else { (-1, -1) });
    }
    Hit { spans, lastindex: state.marks.last_index() }
}

fn request<S: StrDrive>(s: S, code: &[u32], r: Region) -> Request<'_, S> {
    Request {
        string: s,
        start: r.start,
        end: r.end,
        pattern_codes: code,
        match_all: false,
        must_advance: r.must_advance,
    }
}

fn exec_with<S: StrDrive>(
    s: S,
    code: &[u32],
    groups: usize,
    r: Region,
    mode: Mode,
    state: &mut State,
) -> PyResult<Option<Hit>> {
    guard(|| {
        let req = request(s, code, r);
        state.reset(&req, r.start);
        let found = match mode {
            Mode::Search => state.search(req),
            Mode::Match => state.pymatch(&req),
        };
        let refused = r.must_advance && refused_empty(state, r.start);
        (found && !refused).then(|| hit_of(state, groups))
    })
}

/// Engine state kept between the attempts of a scanner over one
/// non-ASCII str: the engine's str cursor then moves on from the last
/// match instead of counting characters from the start each time.
/// **Invariant:** a `Resume` is only ever used with the text of one str
/// object, which its owner keeps alive (the cursor points into it).
#[derive(Default)]
pub struct Resume(State);

/// One match attempt over `text` in the region `r` (`r.start <= r.end <= len`).
pub fn exec(text: &Text, code: &[u32], groups: usize, r: Region, mode: Mode) -> PyResult<Option<Hit>> {
    exec_resuming(text, code, groups, r, mode, &mut Resume::default())
}

/// [`exec`] continuing from the engine state of the previous attempt over
/// the same text.
pub fn exec_resuming(
    text: &Text,
    code: &[u32],
    groups: usize,
    r: Region,
    mode: Mode,
    resume: &mut Resume,
) -> PyResult<Option<Hit>> {
    if r.start > r.end || r.end > text.len() {
        return Ok(None);
    }
    let state = &mut resume.0;
    match text {
        Text::Str(s, _) if s.is_ascii() => exec_with(s.as_str().as_bytes(), code, groups, r, mode, state),
        Text::Str(s, _) => exec_with(s.as_str(), code, groups, r, mode, state),
        Text::Bytes(b) => exec_with(&b[..], code, groups, r, mode, state),
    }
}

fn each_with<S: StrDrive>(
    s: S,
    code: &[u32],
    groups: usize,
    r: Region,
    f: &mut dyn FnMut(Hit) -> PyResult<bool>,
) -> PyResult<()> {
    // One engine state for the whole scan, so a str cursor moves forward
    // from match to match instead of being rebuilt from the text's start.
    let mut it = SearchIter { req: request(s, code, r), state: State::default() };
    loop {
        let (from, must_advance) = (it.req.start, it.req.must_advance);
        let found = guard(|| it.next().is_some())?;
        if !found || (must_advance && refused_empty(&it.state, from)) {
            return Ok(());
        }
        if !f(hit_of(&it.state, groups))? {
            return Ok(());
        }
    }
}

/// Calls `f` with each successive non-overlapping match in `start..end`
/// (an empty match is allowed right after a non-empty one, never twice at
/// one position) until `f` returns false or no match is left. `f` may run
/// Python code: it runs outside the engine.
pub fn each_match(
    text: &Text,
    code: &[u32],
    groups: usize,
    start: usize,
    end: usize,
    f: &mut dyn FnMut(Hit) -> PyResult<bool>,
) -> PyResult<()> {
    if start > end || end > text.len() {
        return Ok(());
    }
    let r = Region { start, end, must_advance: false };
    match text {
        Text::Str(s, _) if s.is_ascii() => each_with(s.as_str().as_bytes(), code, groups, r, f),
        Text::Str(s, _) => each_with(s.as_str(), code, groups, r, f),
        Text::Bytes(b) => each_with(&b[..], code, groups, r, f),
    }
}

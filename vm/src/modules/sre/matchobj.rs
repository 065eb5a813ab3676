//! `re.Match`: the result of a successful match. It keeps the subject object
//! and the group spans (code point or byte offsets; -1 for groups that did
//! not take part); group values are sliced from the subject on demand.

use crate::object::{Obj, PyPayload, PyRef};
use crate::runtime::{PyErr, PyResult};
use crate::types::dict::{new_dict, DictObj};
use crate::types::int;
use crate::types::str::from_string;
use crate::types::tuple::new_tuple;
use crate::types::typeobj::{Args, GetSetDef, MethodDef, TypeObj};
use crate::types::{none, none_ref};

use super::engine::Hit;
use super::pattern::{method_args, repr_cut, PatternObj};
use super::subject::Text;
use crate::modules::native_type::check_positional;
use crate::types::bytes::new_bytes;
use crate::types::bytes_args::buffer;
use crate::types::str::{new_str, StrObj, STR_TYPE};

#[repr(C)]
pub struct MatchObj {
    pub ob: Obj,
    /// The `re.Pattern` that matched.
    pattern: PyRef,
    /// The subject as given.
    string: PyRef,
    pos: usize,
    endpos: usize,
    lastindex: isize,
    /// Group spans; index 0 is the whole match.
    spans: Box<[(isize, isize)]>,
    /// The spans as byte offsets into the subject's text (UTF-8 for a str),
    /// so group values are sliced without counting characters.
    byte_spans: Box<[(usize, usize)]>,
}

// SAFETY: `#[repr(C)]` starting with `Obj`.
unsafe impl PyPayload for MatchObj {
    fn class() -> &'static TypeObj {
        &MATCH_TYPE
    }
}

/// A match of `pattern` over `string`, whose text is `text`.
pub fn new_match(pattern: &Obj, string: &Obj, text: &Text, pos: usize, endpos: usize, hit: Hit) -> PyRef {
    let byte_spans = hit
        .spans
        .iter()
        .map(
            |&(s, e)| {
                if s < 0 || e < 0 {
                    (0, 0)
                } else {
                    (text.byte_offset(s as usize), text.byte_offset(e as usize))
                }
            },
        )
        .collect();
    let m = MatchObj {
        ob: Obj::new(&MATCH_TYPE.0),
        pattern: pattern.to_owned(),
        string: string.to_owned(),
        pos,
        endpos,
        lastindex: hit.lastindex,
        spans: hit.spans.into_boxed_slice(),
        byte_spans,
    };
    crate::object::alloc::alloc_object(&MATCH_TYPE, m, 0)
}

fn this(o: &Obj) -> PyResult<&MatchObj> {
    o.downcast::<MatchObj>().ok_or_else(|| {
        PyErr::type_error(format!("descriptor requires a 're.Match' object, not '{}'", o.class().name()))
    })
}

impl MatchObj {
    fn pat(&self) -> &PatternObj {
        self.pattern.downcast::<PatternObj>().expect("a match's pattern is a re.Pattern")
    }

    /// The value of group `g`, or `default` when it did not take part.
    fn group_value(&self, g: usize, default: &Obj) -> PyResult {
        let (start, end) = self.spans[g];
        if start < 0 || end < 0 {
            return Ok(default.to_owned());
        }
        let (bs, be) = self.byte_spans[g];
        if let Some(s) = self.string.downcast::<StrObj>() {
            if bs == 0 && be == s.byte_len() && self.string.class().is(&STR_TYPE) {
                return Ok(self.string.clone());
            }
            return Ok(new_str(s.as_str().get(bs..be).unwrap_or("")));
        }
        // The subject was bytes-like when matched; a bytearray may have
        // shrunk since, and slicing clamps to its current length.
        let data = buffer(&self.string).ok_or_else(|| PyErr::type_error("expected a bytes-like object"))?;
        let end = be.min(data.len());
        Ok(new_bytes(&data[bs.min(end)..end]))
    }

    fn group_by(&self, index: &Obj, default: &Obj) -> PyResult {
        let g = self.pat().group_number(index)?;
        self.group_value(g, default)
    }

    fn span_of(&self, index: Option<&Obj>) -> PyResult<(isize, isize)> {
        let g = match index {
            Some(i) => self.pat().group_number(i)?,
            None => 0,
        };
        Ok(self.spans[g])
    }
}

fn m_group(a: Args) -> PyResult {
    if a.kwnames.is_some_and(|k| !k.is_empty()) {
        return Err(PyErr::type_error("Match.group() takes no keyword arguments"));
    }
    let m = this(a.all[0])?;
    let args = &a.all[1..a.nargs];
    match args {
        [] => m.group_value(0, none_ref()),
        [one] => m.group_by(one, none_ref()),
        many => {
            let items = many.iter().map(|g| m.group_by(g, none_ref())).collect::<PyResult<Vec<_>>>()?;
            Ok(new_tuple(items))
        }
    }
}

fn match_getitem(o: &Obj, key: &Obj) -> PyResult {
    this(o)?.group_by(key, none_ref())
}

fn m_groups(a: Args) -> PyResult {
    let (s, [default]) = method_args(a, "groups", ["default"], 0)?;
    let m = this(s)?;
    let default = default.unwrap_or(none_ref());
    let items = (1..m.spans.len()).map(|g| m.group_value(g, default)).collect::<PyResult<Vec<_>>>()?;
    Ok(new_tuple(items))
}

fn m_groupdict(a: Args) -> PyResult {
    let (s, [default]) = method_args(a, "groupdict", ["default"], 0)?;
    let m = this(s)?;
    let default = default.unwrap_or(none_ref());
    let out = new_dict();
    let d = out.downcast::<DictObj>().expect("new dict");
    let index = m.pat().groupindex.downcast::<DictObj>().expect("groupindex is a dict");
    for (name, _) in index.items() {
        let v = m.group_by(&name, default)?;
        d.set_item(&name, v)?;
    }
    Ok(out)
}

/// The optional positional-only group argument of start/end/span.
fn group_arg<'a>(a: &Args<'a>, name: &str) -> PyResult<Option<&'a Obj>> {
    if a.kwnames.is_some_and(|k| !k.is_empty()) {
        return Err(PyErr::type_error(format!("Match.{name}() takes no keyword arguments")));
    }
    let n = a.nargs.saturating_sub(1);
    check_positional(name, n, 0, 1)?;
    Ok(a.all[1..a.nargs].first().copied())
}

fn m_start(a: Args) -> PyResult {
    let g = group_arg(&a, "start")?;
    Ok(int::new_int(this(a.all[0])?.span_of(g)?.0 as i64))
}

fn m_end(a: Args) -> PyResult {
    let g = group_arg(&a, "end")?;
    Ok(int::new_int(this(a.all[0])?.span_of(g)?.1 as i64))
}

fn span_tuple((s, e): (isize, isize)) -> PyRef {
    new_tuple(vec![int::new_int(s as i64), int::new_int(e as i64)])
}

fn m_span(a: Args) -> PyResult {
    let g = group_arg(&a, "span")?;
    Ok(span_tuple(this(a.all[0])?.span_of(g)?))
}

/// `expand(template)`: `re._expand(pattern, match, template)`, as CPython.
fn m_expand(a: Args) -> PyResult {
    let (s, [template]) = method_args(a, "expand", ["template"], 1)?;
    let m = this(s)?;
    let re = crate::import::import_module("re")?;
    let expand = crate::ops::getattr_str(&re, "_expand")?;
    crate::ops::call(&expand, &[&m.pattern, s, template.expect("required")], None)
}

fn m_copy(a: Args) -> PyResult {
    let [s] = crate::util::args::exact::<1>(a, "__copy__")?;
    Ok(s.to_owned())
}

fn m_deepcopy(a: Args) -> PyResult {
    let [s, _memo] = crate::util::args::exact::<2>(a, "__deepcopy__")?;
    Ok(s.to_owned())
}

fn match_repr(o: &Obj) -> PyResult {
    let m = this(o)?;
    let g0 = m.group_value(0, none_ref())?;
    let (s, e) = m.spans[0];
    Ok(from_string(format!("<re.Match object; span=({s}, {e}), match={}>", repr_cut(&g0, 50)?)))
}

fn g_lastindex(o: &Obj) -> PyResult {
    let m = this(o)?;
    Ok(if m.lastindex >= 0 { int::new_int(m.lastindex as i64) } else { none() })
}

fn g_lastgroup(o: &Obj) -> PyResult {
    let m = this(o)?;
    if m.lastindex < 0 {
        return Ok(none());
    }
    Ok(m.pat().group_name(m.lastindex as usize).unwrap_or_else(none))
}

fn g_regs(o: &Obj) -> PyResult {
    let m = this(o)?;
    Ok(new_tuple(m.spans.iter().map(|s| span_tuple(*s)).collect()))
}

fn g_string(o: &Obj) -> PyResult {
    Ok(this(o)?.string.clone())
}

fn g_re(o: &Obj) -> PyResult {
    Ok(this(o)?.pattern.clone())
}

fn g_pos(o: &Obj) -> PyResult {
    Ok(int::from_usize(this(o)?.pos))
}

fn g_endpos(o: &Obj) -> PyResult {
    Ok(int::from_usize(this(o)?.endpos))
}

fn match_traverse(o: &Obj, visit: &mut dyn FnMut(&Obj)) {
    if let Some(m) = o.downcast::<MatchObj>() {
        visit(&m.pattern);
        visit(&m.string);
    }
}

static METHODS: &[MethodDef] = &[
    MethodDef::method("group", m_group),
    MethodDef::method("start", m_start),
    MethodDef::method("end", m_end),
    MethodDef::method("span", m_span),
    MethodDef::method("groups", m_groups),
    MethodDef::method("groupdict", m_groupdict),
    MethodDef::method("expand", m_expand),
    MethodDef::method("__copy__", m_copy),
    MethodDef::method("__deepcopy__", m_deepcopy),
    MethodDef::class("__class_getitem__", crate::types::genericalias::class_getitem),
];

static GETSETS: &[GetSetDef] = &[
    GetSetDef::getter("lastindex", g_lastindex),
    GetSetDef::getter("lastgroup", g_lastgroup),
    GetSetDef::getter("regs", g_regs),
    GetSetDef::getter("string", g_string),
    GetSetDef::getter("re", g_re),
    GetSetDef::getter("pos", g_pos),
    GetSetDef::getter("endpos", g_endpos),
];

crate::static_type! {
    pub static MATCH_TYPE: MatchObj = "re.Match" {
        module: "re",
        flags: HAVE_GC,
        doc: "The result of re.match() and re.search().",
        methods: METHODS,
        getsets: GETSETS,
        slots: { repr: match_repr, getitem: match_getitem, traverse: match_traverse },
    }
}

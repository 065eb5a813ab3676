//! `open()`: CPython's mode string rules, then a FileIO, a buffered layer
//! chosen by the mode and, for text, a TextIOWrapper.

use super::buffered::{new_buffered, BUFFERED_RANDOM_TYPE, BUFFERED_READER_TYPE, BUFFERED_WRITER_TYPE};
use super::fileio::{open_raw, FILEIO_TYPE};
use super::textio::{new_state, new_text};
use crate::object::{Obj, PyRef};
use crate::ops;
use crate::runtime::{PyErr, PyResult};
use crate::types::int;
use crate::types::str::StrObj;
use crate::types::typeobj::Args;
use crate::util::args;

/// `open(file, mode='r', buffering=-1, encoding=None, errors=None,
/// newline=None, closefd=True, opener=None)`.
pub fn open(a: Args) -> PyResult {
    let [file, mode, buffering, encoding, errors, newline, closefd, opener] = args::parse(
        a,
        "open",
        &["file", "mode", "buffering", "encoding", "errors", "newline", "closefd", "opener"],
        1,
    )?;
    let file = file.unwrap_or(crate::types::none_ref());
    let mode = match mode {
        None => "r".to_string(),
        Some(m) => match m.downcast::<StrObj>() {
            Some(s) => s.as_str().to_string(),
            None => {
                return Err(PyErr::type_error(format!("open() argument 'mode' must be str, not {}", m.class().name())))
            }
        },
    };
    let buffering = match buffering {
        None => -1,
        Some(b) => {
            if b.isa::<crate::types::float::FloatObj>() {
                return Err(PyErr::type_error("'float' object cannot be interpreted as an integer"));
            }
            int::expect_i64(b, "int")?
        }
    };
    let check_str = |o: Option<&Obj>, what: &str| -> PyResult<Option<PyRef>> {
        match o {
            Some(v) if !v.is_none() => {
                if !v.isa::<StrObj>() {
                    return Err(PyErr::type_error(format!(
                        "open() argument '{what}' must be str or None, not {}",
                        v.class().name()
                    )));
                }
                Ok(Some(v.to_owned()))
            }
            _ => Ok(None),
        }
    };
    let encoding = check_str(encoding, "encoding")?;
    let errors = check_str(errors, "errors")?;
    let newline = check_str(newline, "newline")?;
    let closefd = match closefd {
        Some(c) => ops::is_true(c)?,
        None => true,
    };
    open_file(file, &mode, buffering, encoding.as_deref(), errors.as_deref(), newline.as_deref(), closefd, opener)
}

/// The mode string's parts.
#[derive(Default)]
struct Mode {
    creating: bool,
    reading: bool,
    writing: bool,
    appending: bool,
    updating: bool,
    text: bool,
    binary: bool,
}

fn parse_mode(mode: &str) -> PyResult<Mode> {
    let mut m = Mode::default();
    let invalid = || PyErr::value_error(format!("invalid mode: '{mode}'"));
    for (i, c) in mode.char_indices() {
        let flag = match c {
            'x' => &mut m.creating,
            'r' => &mut m.reading,
            'w' => &mut m.writing,
            'a' => &mut m.appending,
            '+' => &mut m.updating,
            't' => &mut m.text,
            'b' => &mut m.binary,
            _ => return Err(invalid()),
        };
        *flag = true;
        if mode[i + c.len_utf8()..].contains(c) {
            return Err(invalid());
        }
    }
    Ok(m)
}

/// Opens `file` (a path or descriptor) per `mode`.
#[allow(clippy::too_many_arguments)]
pub fn open_file(
    file: &Obj,
    mode: &str,
    buffering: i64,
    encoding: Option<&Obj>,
    errors: Option<&Obj>,
    newline: Option<&Obj>,
    closefd: bool,
    opener: Option<&Obj>,
) -> PyResult {
    let path_like = file.isa::<int::IntObj>() || file.isa::<StrObj>() || file.isa::<crate::types::bytes::BytesObj>();
    if !path_like && ops::lookup_special(file, "__fspath__")?.is_none() {
        return Err(PyErr::type_error(format!(
            "expected str, bytes or os.PathLike object, not {}",
            file.class().name()
        )));
    }
    let m = parse_mode(mode)?;
    let mut raw_mode = String::new();
    for (on, c) in [(m.creating, 'x'), (m.reading, 'r'), (m.writing, 'w'), (m.appending, 'a'), (m.updating, '+')] {
        if on {
            raw_mode.push(c);
        }
    }
    if m.text && m.binary {
        return Err(PyErr::value_error("can't have text and binary mode at once"));
    }
    if [m.creating, m.reading, m.writing, m.appending].iter().filter(|x| **x).count() > 1 {
        return Err(PyErr::value_error("must have exactly one of create/read/write/append mode"));
    }
    if m.binary && encoding.is_some() {
        return Err(PyErr::value_error("binary mode doesn't take an encoding argument"));
    }
    if m.binary && errors.is_some() {
        return Err(PyErr::value_error("binary mode doesn't take an errors argument"));
    }
    if m.binary && newline.is_some() {
        return Err(PyErr::value_error("binary mode doesn't take a newline argument"));
    }
    if m.binary && buffering == 1 {
        crate::modules::warnings::warn_runtime(
            "line buffering (buffering=1) isn't supported in binary mode, the default buffer size will be used",
        );
    }
    let raw = open_raw(&FILEIO_TYPE, file, &raw_mode, closefd, opener)?;
    let result = wrap(&raw, &m, mode, buffering, encoding, errors, newline);
    if result.is_err() {
        let _ = ops::call_method(&raw, "close", &[]);
    }
    result
}

fn wrap(
    raw: &PyRef,
    m: &Mode,
    mode: &str,
    mut buffering: i64,
    encoding: Option<&Obj>,
    errors: Option<&Obj>,
    newline: Option<&Obj>,
) -> PyResult {
    let mut line_buffering = false;
    if buffering == 1 || (buffering < 0 && ops::is_true(&*ops::call_method(raw, "isatty", &[])?)?) {
        buffering = -1;
        line_buffering = true;
    }
    let size = if buffering < 0 {
        super::fileio::file_state(raw).map_or(super::DEFAULT_BUFFER_SIZE, |s| s.blksize())
    } else {
        buffering as usize
    };
    if buffering == 0 {
        if m.binary {
            return Ok(raw.clone());
        }
        return Err(PyErr::value_error("can't have unbuffered text I/O"));
    }
    let t = if m.updating {
        &BUFFERED_RANDOM_TYPE
    } else if m.creating || m.writing || m.appending {
        &BUFFERED_WRITER_TYPE
    } else {
        &BUFFERED_READER_TYPE
    };
    let buffer = new_buffered(t, raw, size)?;
    if m.binary {
        return Ok(buffer);
    }
    let state = new_state(&buffer, encoding, errors, newline, line_buffering, false)?;
    Ok(new_text(state, mode))
}

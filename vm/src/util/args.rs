//! Argument parsing for native functions, with CPython's error messages.

use crate::object::Obj;
use crate::runtime::{PyErr, PyResult};
use crate::types::str::StrObj;
use crate::types::typeobj::Args;

/// Exactly `N` positional arguments and no keywords (including `self` for
/// methods, whose name is then not counted in messages).
#[inline]
pub fn exact<'a, const N: usize>(a: Args<'a>, name: &str) -> PyResult<[&'a Obj; N]> {
    if a.kwnames.is_some_and(|k| !k.is_empty()) {
        return Err(PyErr::type_error(format!("{name}() takes no keyword arguments")));
    }
    if a.nargs != N {
        let full = match a.all.first() {
            Some(s) if a.nargs > 0 && !name.contains('.') => format!("{}.{name}", static_owner_name(s)),
            _ => name.to_string(),
        };
        return Err(count_error(&full, N, a.nargs));
    }
    let mut out: [&'a Obj; N] = [crate::types::none_ref(); N];
    out.copy_from_slice(&a.all[..N]);
    Ok(out)
}

/// The name of the builtin type whose method `self` is calling (the nearest
/// static type on `self`'s base chain), as CPython's messages name it.
fn static_owner_name(s: &Obj) -> String {
    let mut t = s.class();
    if let Some(tt) = s.downcast::<crate::types::typeobj::TypeObj>() {
        if !tt.is_static() || tt.is(&crate::types::typeobj::TYPE_TYPE) {
            t = tt;
        }
    }
    while !t.is_static() {
        match t.base() {
            Some(b) => t = b,
            None => break,
        }
    }
    t.name()
}

#[cold]
fn count_error(name: &str, expected: usize, got: usize) -> PyErr {
    // For methods `self` is the first argument; CPython's messages count the rest.
    let (e, g) = (expected.saturating_sub(1), got.saturating_sub(1));
    match e {
        0 => PyErr::type_error(format!("{name}() takes no arguments ({g} given)")),
        1 => PyErr::type_error(format!("{name}() takes exactly one argument ({g} given)")),
        _ => PyErr::type_error(format!("{name}() takes exactly {e} arguments ({g} given)")),
    }
}

/// Parses arguments against a parameter list. `params` holds names and
/// markers: `"/"` ends positional-only parameters, `"*"` starts keyword-only
/// ones. The first `required` parameters must be given. Returns one slot per
/// named parameter.
pub fn parse<'a, const N: usize>(
    a: Args<'a>,
    fname: &str,
    params: &[&str],
    required: usize,
) -> PyResult<[Option<&'a Obj>; N]> {
    let mut out: [Option<&'a Obj>; N] = [None; N];
    let mut names: [&str; N] = [""; N];
    let mut posonly = 0usize;
    let mut kwonly_from = N;
    let mut n = 0;
    for p in params {
        match *p {
            "/" => posonly = n,
            "*" => kwonly_from = n,
            name => {
                if n < N {
                    names[n] = name;
                }
                n += 1;
            }
        }
    }
    debug_assert_eq!(n, N, "parameter list of {fname} does not match its arity");
    let max_pos = kwonly_from.min(N);
    // All-positional-only parameter lists get argument clinic's count messages
    // ("get expected at least 1 argument, got 0"), not counting `self`.
    if posonly == N && kwonly_from == N {
        let skip = usize::from(names.first() == Some(&"self"));
        if a.kwnames.is_some_and(|k| !k.is_empty()) {
            return Err(PyErr::type_error(format!("{fname}() takes no keyword arguments")));
        }
        let (lo, hi, got) = (required.saturating_sub(skip), N - skip, a.nargs.saturating_sub(skip));
        if a.nargs < required || a.nargs > N {
            let s = |n: usize| if n == 1 { "" } else { "s" };
            let msg = if lo == hi {
                format!("{fname} expected {lo} argument{}, got {got}", s(lo))
            } else if a.nargs < required {
                format!("{fname} expected at least {lo} argument{}, got {got}", s(lo))
            } else {
                format!("{fname} expected at most {hi} argument{}, got {got}", s(hi))
            };
            return Err(PyErr::type_error(msg));
        }
    }
    if a.nargs > max_pos {
        // CPython's messages do not count a method's `self`.
        let skip = usize::from(names.first() == Some(&"self"));
        let (max_pos, required, given) = (max_pos - skip, required.saturating_sub(skip), a.nargs - skip);
        return Err(if max_pos == 0 {
            PyErr::type_error(format!("{fname}() takes no positional arguments"))
        } else if required >= max_pos {
            PyErr::type_error(format!(
                "{fname}() takes exactly {max_pos} positional argument{} ({} given)",
                if max_pos == 1 { "" } else { "s" },
                given
            ))
        } else {
            PyErr::type_error(format!(
                "{fname}() takes at most {max_pos} argument{} ({} given)",
                if max_pos == 1 { "" } else { "s" },
                given
            ))
        });
    }
    out[..a.nargs].copy_from_slice(&a.all[..a.nargs].iter().map(|x| Some(*x)).collect::<Vec<_>>());
    if let Some(kw) = a.kwnames {
        for (i, k) in kw.as_slice().iter().enumerate() {
            let kname = k.downcast::<StrObj>().map_or("", |s| s.as_str());
            let Some(j) = names.iter().position(|n| *n == kname) else {
                return Err(PyErr::type_error(format!("'{kname}' is an invalid keyword argument for {fname}()")));
            };
            if j < posonly {
                return Err(PyErr::type_error(format!(
                    "{fname}() got some positional-only arguments passed as keyword arguments: '{kname}'"
                )));
            }
            if out[j].is_some() {
                return Err(PyErr::type_error(format!(
                    "argument for {fname}() given by name ('{kname}') and position ({})",
                    j + 1
                )));
            }
            out[j] = Some(a.all[a.nargs + i]);
        }
    }
    for (j, slot) in out.iter().enumerate().take(required) {
        if slot.is_none() {
            return Err(if j < posonly || a.kwnames.is_none() {
                if required == 1 && max_pos >= 1 {
                    PyErr::type_error(format!("{fname}() takes at least 1 argument (0 given)").replace(
                        "takes at least 1 argument (0 given)",
                        &format!("missing required argument '{}' (pos 1)", names[j]),
                    ))
                } else {
                    PyErr::type_error(format!("{fname}() missing required argument '{}' (pos {})", names[j], j + 1))
                }
            } else {
                PyErr::type_error(format!("{fname}() missing required argument '{}' (pos {})", names[j], j + 1))
            });
        }
    }
    Ok(out)
}

/// Exactly `N` positional arguments of a plain function (no `self`), with
/// CPython's messages ("len() takes exactly one argument (0 given)",
/// "divmod expected 2 arguments, got 1").
#[inline]
pub fn exact_fn<'a, const N: usize>(a: Args<'a>, name: &str) -> PyResult<[&'a Obj; N]> {
    if a.kwnames.is_some_and(|k| !k.is_empty()) {
        return Err(PyErr::type_error(format!("{name}() takes no keyword arguments")));
    }
    if a.nargs != N {
        return Err(match N {
            0 => PyErr::type_error(format!("{name}() takes no arguments ({} given)", a.nargs)),
            1 => PyErr::type_error(format!("{name}() takes exactly one argument ({} given)", a.nargs)),
            _ => PyErr::type_error(format!("{name} expected {N} arguments, got {}", a.nargs)),
        });
    }
    let mut out: [&'a Obj; N] = [crate::types::none_ref(); N];
    out.copy_from_slice(&a.all[..N]);
    Ok(out)
}

/// No arguments beyond `self`.
pub fn no_args(a: Args, name: &str) -> PyResult<()> {
    exact::<1>(a, name).map(|_| ())
}

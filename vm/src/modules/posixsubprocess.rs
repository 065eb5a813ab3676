//! `_posixsubprocess.fork_exec`, the process launcher under the host's
//! `subprocess` (the 23 positional arguments of CPython 3.11's
//! `Popen._execute_child`). Every argument is converted to C data before
//! the fork; the child (`posix/sys.rs`, `fork_exec`) only makes
//! async-signal-safe calls, and reports a failure through the error pipe in
//! the `OSError:<hex errno>:[noexec]` form `subprocess` decodes.
//! `preexec_fn` would run Python between fork and exec, so it is refused.

use std::ffi::CString;

use crate::modules::posix::path::{self, errno_error, Accept};
use crate::modules::posix::sys::{self, ChildSpec};
use crate::object::{Obj, PyRef};
use crate::ops;
use crate::runtime::{PyErr, PyResult};
use crate::types::module::{new_module, ModuleObj};
use crate::types::typeobj::{Args, MethodDef};
use crate::types::{int, tuple};
use crate::util::args;

/// A file-system name (str, bytes or path-like) as a C string.
fn fs_name(o: &Obj, what: &str) -> PyResult<CString> {
    Ok(path::path_arg(o, "fork_exec", what, Accept::PATH)?.c)
}

/// The C strings of a sequence of names.
fn fs_names(o: &Obj, what: &str) -> PyResult<Vec<CString>> {
    if ops::lookup_special(o, "__iter__")?.is_none() && ops::lookup_special(o, "__getitem__")?.is_none() {
        return Err(PyErr::type_error(format!("{what} must be a sequence")));
    }
    ops::collect_vec(o)?.iter().map(|item| fs_name(item, what)).collect()
}

fn id_arg(o: &Obj, what: &str) -> PyResult<Option<u32>> {
    if o.is_none() {
        return Ok(None);
    }
    let v = int::expect_i64(o, what)?;
    u32::try_from(v).map(Some).map_err(|_| PyErr::overflow_error(format!("{what} is out of range")))
}

/// The 23 positional arguments, with CPython's message for a wrong count.
fn arguments(a: Args<'_>) -> PyResult<[&Obj; 23]> {
    if a.kwnames.is_some_and(|k| !k.is_empty()) {
        return Err(PyErr::type_error("fork_exec() takes no keyword arguments"));
    }
    if a.nargs != 23 {
        return Err(PyErr::type_error(format!("fork_exec() takes exactly 23 arguments ({} given)", a.nargs)));
    }
    args::exact_fn::<23>(a, "fork_exec")
}

fn fork_exec(a: Args) -> PyResult {
    let [process_args, executable_list, close_fds, fds_to_keep, cwd, env_list, p2cread, p2cwrite, c2pread, c2pwrite, errread, errwrite, errpipe_read, errpipe_write, restore_signals, call_setsid, pgid_to_set, gid, extra_groups, uid, child_umask, preexec_fn, _allow_vfork] =
        arguments(a)?;
    let close_fds = ops::is_true(close_fds)?;
    let errpipe_write = path::c_int(errpipe_write)?;
    let _ = path::c_int(errpipe_read)?;
    if close_fds && errpipe_write < 3 {
        return Err(PyErr::value_error("errpipe_write must be >= 3"));
    }
    let Some(keep) = fds_to_keep.downcast::<tuple::TupleObj>() else {
        return Err(PyErr::type_error("fds_to_keep must be a tuple"));
    };
    let mut keep_fds = Vec::with_capacity(keep.as_slice().len());
    for fd in keep.as_slice() {
        let v = if fd.isa::<int::IntObj>() { int::index_of(fd).ok().flatten() } else { None };
        match v.and_then(|v| i32::try_from(v).ok()) {
            Some(v) if v >= 0 && keep_fds.last().is_none_or(|&last| v > last) => keep_fds.push(v),
            _ => return Err(PyErr::value_error("bad value(s) in fds_to_keep")),
        }
    }
    if !preexec_fn.is_none() {
        return Err(PyErr::runtime_error(
            "preexec_fn is not supported by Ember (the child may only make async-signal-safe calls)",
        ));
    }
    let argv = if process_args.is_none() { Vec::new() } else { fs_names(process_args, "args")? };
    let executables = fs_names(executable_list, "executable_list")?;
    let envp = if env_list.is_none() { None } else { Some(fs_names(env_list, "env")?) };
    let cwd = if cwd.is_none() { None } else { Some(fs_name(cwd, "cwd")?) };
    let groups = if extra_groups.is_none() {
        None
    } else {
        let mut g = Vec::new();
        for item in ops::collect_vec(extra_groups)? {
            g.extend(id_arg(&item, "gid")?);
        }
        Some(g)
    };
    let spec = ChildSpec {
        argv,
        executables,
        envp,
        cwd,
        close_fds,
        fds_to_keep: keep_fds,
        p2cread: path::c_int(p2cread)?,
        p2cwrite: path::c_int(p2cwrite)?,
        c2pread: path::c_int(c2pread)?,
        c2pwrite: path::c_int(c2pwrite)?,
        errread: path::c_int(errread)?,
        errwrite: path::c_int(errwrite)?,
        errpipe_write,
        restore_signals: ops::is_true(restore_signals)?,
        setsid: ops::is_true(call_setsid)?,
        pgid: path::c_int(pgid_to_set)?,
        gid: id_arg(gid, "gid")?,
        groups,
        uid: id_arg(uid, "uid")?,
        umask: path::c_int(child_umask)?,
    };
    let pid = sys::fork_exec(&spec).map_err(errno_error)?;
    Ok(int::new_int(i64::from(pid)))
}

static FUNCS: &[MethodDef] = &[MethodDef::method("fork_exec", fork_exec)];

pub fn init() -> PyResult<PyRef> {
    let m = new_module("_posixsubprocess");
    let mo = m.downcast::<ModuleObj>().ok_or_else(|| PyErr::system_error("module"))?;
    mo.add_functions(&m, FUNCS);
    Ok(m)
}

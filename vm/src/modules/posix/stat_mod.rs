//! The `_stat` module: file mode constants, the `S_IS*` tests, `S_IMODE`,
//! `S_IFMT` and `filemode`, which the `stat` module re-exports.

use crate::object::{Obj, PyRef};
use crate::runtime::{PyErr, PyResult};
use crate::types::float::FloatObj;
use crate::types::int;
use crate::types::module::{new_module, ModuleObj};
use crate::types::new_bool;
use crate::types::str::from_string;
use crate::types::typeobj::{Args, MethodDef};
use crate::util::args;

const S_IFMT: u32 = 0o170000;

/// Mode bits and flags by name, with Linux's values (door, port and
/// whiteout files do not exist there: 0).
static CONSTANTS: &[(&str, u32)] = &[
    ("S_IFDIR", 0o040000),
    ("S_IFCHR", 0o020000),
    ("S_IFBLK", 0o060000),
    ("S_IFREG", 0o100000),
    ("S_IFIFO", 0o010000),
    ("S_IFLNK", 0o120000),
    ("S_IFSOCK", 0o140000),
    ("S_IFDOOR", 0),
    ("S_IFPORT", 0),
    ("S_IFWHT", 0),
    ("S_ISUID", 0o4000),
    ("S_ISGID", 0o2000),
    ("S_ISVTX", 0o1000),
    ("S_ENFMT", 0o2000),
    ("S_IREAD", 0o400),
    ("S_IWRITE", 0o200),
    ("S_IEXEC", 0o100),
    ("S_IRWXU", 0o700),
    ("S_IRUSR", 0o400),
    ("S_IWUSR", 0o200),
    ("S_IXUSR", 0o100),
    ("S_IRWXG", 0o070),
    ("S_IRGRP", 0o040),
    ("S_IWGRP", 0o020),
    ("S_IXGRP", 0o010),
    ("S_IRWXO", 0o007),
    ("S_IROTH", 0o004),
    ("S_IWOTH", 0o002),
    ("S_IXOTH", 0o001),
    ("UF_NODUMP", 0x1),
    ("UF_IMMUTABLE", 0x2),
    ("UF_APPEND", 0x4),
    ("UF_OPAQUE", 0x8),
    ("UF_NOUNLINK", 0x10),
    ("UF_COMPRESSED", 0x20),
    ("UF_HIDDEN", 0x8000),
    ("SF_ARCHIVED", 0x10000),
    ("SF_IMMUTABLE", 0x20000),
    ("SF_APPEND", 0x40000),
    ("SF_NOUNLINK", 0x100000),
    ("SF_SNAPSHOT", 0x200000),
    ("ST_MODE", 0),
    ("ST_INO", 1),
    ("ST_DEV", 2),
    ("ST_NLINK", 3),
    ("ST_UID", 4),
    ("ST_GID", 5),
    ("ST_SIZE", 6),
    ("ST_ATIME", 7),
    ("ST_MTIME", 8),
    ("ST_CTIME", 9),
];

/// A mode argument, converted as CPython converts `mode_t`.
fn mode_arg(o: &Obj) -> PyResult<u32> {
    if o.isa::<FloatObj>() {
        return Err(PyErr::type_error("an integer is required"));
    }
    let v = match int::index_of(o) {
        Ok(Some(v)) => v,
        Ok(None) => return Err(PyErr::type_error("an integer is required")),
        Err(_) => {
            // Too big for i64 either way: the sign picks the message.
            let neg = crate::ops::lt_bool(o, &int::new_int(0))?;
            return Err(PyErr::overflow_error(if neg {
                "can't convert negative value to unsigned int"
            } else {
                "Python int too large to convert to C unsigned long"
            }));
        }
    };
    if v < 0 {
        return Err(PyErr::overflow_error("can't convert negative value to unsigned int"));
    }
    u32::try_from(v).map_err(|_| PyErr::overflow_error("mode out of range"))
}

fn one_mode(a: Args, name: &str) -> PyResult<u32> {
    let [m] = args::exact_fn::<1>(a, name)?;
    mode_arg(m)
}

macro_rules! file_type_tests {
    ($($fname:ident => $bits:expr;)*) => {
        $(
            #[allow(non_snake_case)]
            fn $fname(a: Args) -> PyResult {
                let m = one_mode(a, stringify!($fname))?;
                Ok(new_bool($bits != 0 && m & S_IFMT == $bits))
            }
        )*
    };
}

file_type_tests! {
    S_ISDIR => 0o040000;
    S_ISCHR => 0o020000;
    S_ISBLK => 0o060000;
    S_ISREG => 0o100000;
    S_ISFIFO => 0o010000;
    S_ISLNK => 0o120000;
    S_ISSOCK => 0o140000;
    S_ISDOOR => 0;
    S_ISPORT => 0;
    S_ISWHT => 0;
}

#[allow(non_snake_case)]
fn S_IMODE(a: Args) -> PyResult {
    Ok(int::new_int((one_mode(a, "S_IMODE")? & 0o7777) as i64))
}

#[allow(non_snake_case)]
fn S_IFMT_(a: Args) -> PyResult {
    Ok(int::new_int((one_mode(a, "S_IFMT")? & S_IFMT) as i64))
}

/// `ls -l`'s ten-character mode text, e.g. `-rw-r--r--`.
pub fn filemode_text(m: u32) -> String {
    let kind = match m & S_IFMT {
        0o120000 => 'l',
        0o140000 => 's',
        0o100000 => '-',
        0o060000 => 'b',
        0o040000 => 'd',
        0o020000 => 'c',
        0o010000 => 'p',
        _ => '?',
    };
    let mut s = String::with_capacity(10);
    s.push(kind);
    // (read, write, execute, special bit, special letter) per class.
    let classes =
        [(0o400, 0o200, 0o100, 0o4000, 's'), (0o040, 0o020, 0o010, 0o2000, 's'), (0o004, 0o002, 0o001, 0o1000, 't')];
    for (r, w, x, special, letter) in classes {
        s.push(if m & r != 0 { 'r' } else { '-' });
        s.push(if m & w != 0 { 'w' } else { '-' });
        s.push(match (m & x != 0, m & special != 0) {
            (true, true) => letter,
            (false, true) => letter.to_ascii_uppercase(),
            (true, false) => 'x',
            (false, false) => '-',
        });
    }
    s
}

fn filemode(a: Args) -> PyResult {
    Ok(from_string(filemode_text(one_mode(a, "filemode")?)))
}

static FUNCS: &[MethodDef] = &[
    MethodDef::method("S_ISDIR", S_ISDIR),
    MethodDef::method("S_ISCHR", S_ISCHR),
    MethodDef::method("S_ISBLK", S_ISBLK),
    MethodDef::method("S_ISREG", S_ISREG),
    MethodDef::method("S_ISFIFO", S_ISFIFO),
    MethodDef::method("S_ISLNK", S_ISLNK),
    MethodDef::method("S_ISSOCK", S_ISSOCK),
    MethodDef::method("S_ISDOOR", S_ISDOOR),
    MethodDef::method("S_ISPORT", S_ISPORT),
    MethodDef::method("S_ISWHT", S_ISWHT),
    MethodDef::method("S_IMODE", S_IMODE),
    MethodDef::method("S_IFMT", S_IFMT_),
    MethodDef::method("filemode", filemode),
];

pub fn init() -> PyResult<PyRef> {
    let m = new_module("_stat");
    let mo = m.downcast::<ModuleObj>().ok_or_else(|| PyErr::system_error("module"))?;
    mo.add_functions(&m, FUNCS);
    for &(name, v) in CONSTANTS {
        mo.set_attr(name, int::new_int(v as i64));
    }
    Ok(m)
}

#[cfg(test)]
mod tests {
    use super::filemode_text;

    #[test]
    fn modes() {
        assert_eq!(filemode_text(0o100644), "-rw-r--r--");
        assert_eq!(filemode_text(0o104755), "-rwsr-xr-x");
        assert_eq!(filemode_text(0o41777), "drwxrwxrwt");
        assert_eq!(filemode_text(0o172000), "?-----S---");
    }
}

//! The `errno` module: the C library's error numbers by name, and
//! `errorcode` mapping each number back to its name.

use crate::object::PyRef;
use crate::runtime::{PyErr, PyResult};
use crate::types::dict::{new_dict, DictObj};
use crate::types::int;
use crate::types::module::{new_module, ModuleObj};
use crate::types::str::intern;

macro_rules! codes {
    ($($name:ident,)*) => {
        /// Every error name with its number. Where two names share a number
        /// the later one is the `errorcode` entry.
        pub static CODES: &[(&str, i32)] = &[$((stringify!($name), libc::$name)),*];
    };
}

codes! {
    EPERM, ENOENT, ESRCH, EINTR, EIO, ENXIO, E2BIG, ENOEXEC, EBADF, ECHILD, EWOULDBLOCK, EAGAIN,
    ENOMEM, EACCES, EFAULT, ENOTBLK, EBUSY, EEXIST, EXDEV, ENODEV, ENOTDIR, EISDIR, EINVAL, ENFILE,
    EMFILE, ENOTTY, ETXTBSY, EFBIG, ENOSPC, ESPIPE, EROFS, EMLINK, EPIPE, EDOM, ERANGE, EDEADLK,
    EDEADLOCK, ENAMETOOLONG, ENOLCK, ENOSYS, ENOTEMPTY, ELOOP, ENOMSG, EIDRM, ECHRNG, EL2NSYNC,
    EL3HLT, EL3RST, ELNRNG, EUNATCH, ENOCSI, EL2HLT, EBADE, EBADR, EXFULL, ENOANO, EBADRQC, EBADSLT,
    EBFONT, ENOSTR, ENODATA, ETIME, ENOSR, ENONET, ENOPKG, EREMOTE, ENOLINK, EADV, ESRMNT, ECOMM,
    EPROTO, EMULTIHOP, EDOTDOT, EBADMSG, EOVERFLOW, ENOTUNIQ, EBADFD, EREMCHG, ELIBACC, ELIBBAD,
    ELIBSCN, ELIBMAX, ELIBEXEC, EILSEQ, ERESTART, ESTRPIPE, EUSERS, ENOTSOCK, EDESTADDRREQ,
    EMSGSIZE, EPROTOTYPE, ENOPROTOOPT, EPROTONOSUPPORT, ESOCKTNOSUPPORT, EOPNOTSUPP, ENOTSUP,
    EPFNOSUPPORT, EAFNOSUPPORT, EADDRINUSE, EADDRNOTAVAIL, ENETDOWN, ENETUNREACH, ENETRESET,
    ECONNABORTED, ECONNRESET, ENOBUFS, EISCONN, ENOTCONN, ESHUTDOWN, ETOOMANYREFS, ETIMEDOUT,
    ECONNREFUSED, EHOSTDOWN, EHOSTUNREACH, EALREADY, EINPROGRESS, ESTALE, EUCLEAN, ENOTNAM, ENAVAIL,
    EISNAM, EREMOTEIO, EDQUOT, ENOMEDIUM, EMEDIUMTYPE, ECANCELED, ENOKEY, EKEYEXPIRED, EKEYREVOKED,
    EKEYREJECTED, EOWNERDEAD, ENOTRECOVERABLE, ERFKILL,
}

pub fn init() -> PyResult<PyRef> {
    let m = new_module("errno");
    let mo = m.downcast::<ModuleObj>().ok_or_else(|| PyErr::system_error("module"))?;
    let codes = new_dict();
    let d = codes.downcast::<DictObj>().ok_or_else(|| PyErr::system_error("dict"))?;
    for &(name, value) in CODES {
        mo.set_attr(name, int::new_int(value as i64));
        d.set_item(&int::new_int(value as i64), intern(name))?;
    }
    mo.set_attr("errorcode", codes);
    Ok(m)
}

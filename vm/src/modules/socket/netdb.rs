//! The module-level functions of `_socket`: name resolution
//! (`getaddrinfo`, `getnameinfo`, `gethostby*`, services and protocols),
//! address text conversion (`inet_*`), byte order, the default timeout,
//! `socketpair`, `dup`, `close` and the interface index functions.

use std::ffi::CString;

use super::addr::{host_bytes, make_addr, ntop4, ntop6, pton4, pton6, resolve, Ip};
use super::sock::{default_timeout, new_socket, parse_timeout, set_default_timeout};
use super::sys::{self, Addr, GaiError, SockAddr};
use crate::modules::posix::path::errno_error;
use crate::modules::posix::sys as psys;
use crate::object::{Obj, PyRef};
use crate::runtime::{PyErr, PyResult};
use crate::types::bytes::{new_bytes, BytesObj};
use crate::types::bytes_args::{buffer, buffer_arg, c_int_arg};
use crate::types::exceptions;
use crate::types::float::new_float;
use crate::types::int::{self, IntObj};
use crate::types::list::new_list;
use crate::types::str::{from_string, StrObj};
use crate::types::tuple::{new_tuple, TupleObj};
use crate::types::typeobj::Args;
use crate::types::{none, none_ref};
use crate::util::args;

/// The OSError subclass of a resolver failure (`gaierror`), or the OSError
/// of `errno` for `EAI_SYSTEM`.
pub fn gai_error(e: GaiError) -> PyErr {
    if e.code == libc::EAI_SYSTEM {
        return errno_error(e.errno);
    }
    let args = vec![int::new_int(i64::from(e.code)), from_string(sys::gai_strerror(e.code))];
    super::new_error(&super::gaierror_type(), args)
}

/// An `herror` with a resolver `h_errno` code.
fn herror(code: i32) -> PyErr {
    let args = vec![int::new_int(i64::from(code)), from_string(sys::hstrerror(code))];
    super::new_error(&super::herror_type(), args)
}

fn os_error_msg(msg: &str) -> PyErr {
    PyErr::new(&exceptions::OS_ERROR, msg)
}

fn str_arg<'a>(o: &'a Obj, func: &str, pos: usize) -> PyResult<&'a str> {
    o.downcast::<StrObj>()
        .map(|s| s.as_str())
        .ok_or_else(|| PyErr::type_error(format!("{func}() argument {pos} must be str, not {}", o.class().name())))
}

fn text(b: &[u8]) -> PyRef {
    from_string(String::from_utf8_lossy(b).into_owned())
}

// ---- resolution ---------------------------------------------------------------------

fn f_getaddrinfo(a: Args) -> PyResult {
    let [host, port, family, ty, proto, flags] =
        args::parse(a, "getaddrinfo", &["host", "port", "family", "type", "proto", "flags"], 2)?;
    let host = host.unwrap_or(none_ref());
    let port = port.unwrap_or(none_ref());
    let host = if host.is_none() {
        None
    } else if host.isa::<StrObj>() || host.isa::<BytesObj>() {
        Some(host_bytes(host)?)
    } else {
        return Err(PyErr::type_error("getaddrinfo() argument 1 must be string or None"));
    };
    let port: Option<Vec<u8>> = if port.is_none() {
        None
    } else if let Some(i) = port.downcast::<IntObj>() {
        let v = i.as_i64().ok_or_else(|| PyErr::overflow_error("Python int too large to convert to C long"))?;
        Some(v.to_string().into_bytes())
    } else if let Some(s) = port.downcast::<StrObj>() {
        Some(s.as_str().as_bytes().to_vec())
    } else if let Some(b) = port.downcast::<BytesObj>() {
        Some(b.as_bytes().to_vec())
    } else {
        return Err(os_error_msg("Int or String expected"));
    };
    let int_or_zero = |o: Option<&Obj>| -> PyResult<i32> {
        match o {
            Some(v) => Ok(c_int_arg(v)? as i32),
            None => Ok(0),
        }
    };
    let hints = sys::Hints {
        family: int_or_zero(family)?,
        socktype: int_or_zero(ty)?,
        protocol: int_or_zero(proto)?,
        flags: int_or_zero(flags)?,
    };
    let nul = |_| PyErr::value_error("embedded null byte");
    let host = host.map(CString::new).transpose().map_err(nul)?;
    let port = port.map(CString::new).transpose().map_err(nul)?;
    let res = sys::getaddrinfo(host.as_deref(), port.as_deref(), &hints).map_err(gai_error)?;
    let mut out = Vec::with_capacity(res.len());
    for r in &res {
        out.push(new_tuple(vec![
            int::new_int(i64::from(r.family)),
            int::new_int(i64::from(r.socktype)),
            int::new_int(i64::from(r.protocol)),
            text(r.canonname.as_deref().unwrap_or_default()),
            make_addr(&r.addr)?,
        ]));
    }
    Ok(new_list(out))
}

fn f_getnameinfo(a: Args) -> PyResult {
    let [sa, flags] = args::exact_fn::<2>(a, "getnameinfo")?;
    let t = sa.downcast::<TupleObj>().ok_or_else(|| PyErr::type_error("getnameinfo() argument 1 must be a tuple"))?;
    let flags = c_int_arg(flags)? as i32;
    let items = t.as_slice();
    let illegal = || PyErr::type_error("getnameinfo(): illegal sockaddr argument");
    if !(2..=4).contains(&items.len()) {
        return Err(illegal());
    }
    let host = items[0].downcast::<StrObj>().ok_or_else(illegal)?.as_str().to_string();
    let port = int::as_i64(&items[1]).ok_or_else(illegal)?;
    let unsigned = |o: Option<&PyRef>| -> PyResult<u32> {
        match o {
            Some(v) => int::as_i64(v).map(|n| n as u32).ok_or_else(illegal),
            None => Ok(0),
        }
    };
    let flowinfo = unsigned(items.get(2))?;
    let scope_id = unsigned(items.get(3))?;
    if flowinfo > 0xfffff {
        return Err(PyErr::overflow_error("getnameinfo(): flowinfo must be 0-1048575."));
    }
    let hints =
        sys::Hints { family: libc::AF_UNSPEC, socktype: libc::SOCK_DGRAM, protocol: 0, flags: libc::AI_NUMERICHOST };
    let chost = CString::new(host).map_err(|_| PyErr::value_error("embedded null byte"))?;
    let cport = CString::new(port.to_string()).expect("digits");
    let res = sys::getaddrinfo(Some(&chost), Some(&cport), &hints).map_err(gai_error)?;
    if res.len() > 1 {
        return Err(os_error_msg("sockaddr resolved to multiple addresses"));
    }
    let addr = match res.first().map(|r| r.addr.decode()) {
        Some(Addr::V4 { ip, port }) => {
            if items.len() != 2 {
                return Err(os_error_msg("IPv4 sockaddr must be 2 tuple"));
            }
            SockAddr::v4(ip, port)
        }
        Some(Addr::V6 { ip, port, .. }) => SockAddr::v6(ip, port, flowinfo, scope_id),
        _ => return Err(os_error_msg("unknown family")),
    };
    let (h, s) = sys::getnameinfo(&addr, flags).map_err(gai_error)?;
    Ok(new_tuple(vec![text(&h), text(&s)]))
}

fn name_arg(o: &Obj, func: &str) -> PyResult<Vec<u8>> {
    if o.isa::<StrObj>() || o.isa::<BytesObj>() || o.isa::<crate::types::bytearray::ByteArrayObj>() {
        host_bytes(o)
    } else {
        Err(PyErr::type_error(format!("{func}() argument 1 must be str, bytes or bytearray, not {}", o.class().name())))
    }
}

fn ip_text(ip: &Ip) -> String {
    match ip {
        Ip::V4(b) => ntop4(*b),
        Ip::V6(b) => ntop6(*b),
    }
}

fn f_gethostbyname(a: Args) -> PyResult {
    let [name] = args::exact_fn::<1>(a, "gethostbyname")?;
    let name = name_arg(name, "gethostbyname")?;
    Ok(from_string(ip_text(&resolve(&name, libc::AF_INET)?)))
}

/// `(canonical name, aliases, addresses)` of a name, IPv4 only.
fn host_entry(name: &[u8]) -> PyResult {
    let hints =
        sys::Hints { family: libc::AF_INET, socktype: libc::SOCK_STREAM, protocol: 0, flags: libc::AI_CANONNAME };
    let cname = CString::new(name.to_vec()).map_err(|_| PyErr::value_error("embedded null byte"))?;
    let res = sys::getaddrinfo(Some(&cname), None, &hints).map_err(|e| {
        if e.code == libc::EAI_NONAME || e.code == libc::EAI_NODATA {
            herror(1)
        } else {
            gai_error(e)
        }
    })?;
    let canon = res.iter().find_map(|r| r.canonname.clone()).unwrap_or_else(|| name.to_vec());
    let mut addrs: Vec<String> = Vec::new();
    for r in &res {
        if let Addr::V4 { ip, .. } = r.addr.decode() {
            let s = ntop4(ip);
            if !addrs.contains(&s) {
                addrs.push(s);
            }
        }
    }
    Ok(new_tuple(vec![text(&canon), new_list(Vec::new()), new_list(addrs.into_iter().map(from_string).collect())]))
}

fn f_gethostbyname_ex(a: Args) -> PyResult {
    let [name] = args::exact_fn::<1>(a, "gethostbyname_ex")?;
    let name = name_arg(name, "gethostbyname_ex")?;
    host_entry(&name)
}

fn f_gethostbyaddr(a: Args) -> PyResult {
    let [name] = args::exact_fn::<1>(a, "gethostbyaddr")?;
    let name = name_arg(name, "gethostbyaddr")?;
    let ip = resolve(&name, libc::AF_UNSPEC)?;
    let sa = match ip {
        Ip::V4(b) => SockAddr::v4(b, 0),
        Ip::V6(b) => SockAddr::v6(b, 0, 0, 0),
    };
    let (host, _) = sys::getnameinfo(&sa, libc::NI_NAMEREQD).map_err(|e| match e.code {
        libc::EAI_SYSTEM => errno_error(e.errno),
        _ => herror(1),
    })?;
    Ok(new_tuple(vec![text(&host), new_list(Vec::new()), new_list(vec![from_string(ip_text(&ip))])]))
}

fn f_gethostname(a: Args) -> PyResult {
    args::exact_fn::<0>(a, "gethostname")?;
    Ok(text(&sys::gethostname().map_err(errno_error)?))
}

fn proto_arg(o: Option<&Obj>, func: &str) -> PyResult<Option<CString>> {
    match o {
        None => Ok(None),
        Some(p) => {
            let s = str_arg(p, func, 2)?;
            CString::new(s).map(Some).map_err(|_| PyErr::value_error("embedded null character"))
        }
    }
}

fn f_getservbyname(a: Args) -> PyResult {
    let [name, proto] = args::parse(a, "getservbyname", &["servicename", "protocolname", "/"], 1)?;
    let name = str_arg(name.unwrap_or(none_ref()), "getservbyname", 1)?;
    let proto = proto_arg(proto, "getservbyname")?;
    let cname = CString::new(name).map_err(|_| PyErr::value_error("embedded null character"))?;
    match sys::getservbyname(&cname, proto.as_deref()) {
        Some(p) => Ok(int::new_int(i64::from(p))),
        None => Err(os_error_msg("service/proto not found")),
    }
}

fn f_getservbyport(a: Args) -> PyResult {
    let [port, proto] = args::parse(a, "getservbyport", &["port", "protocolname", "/"], 1)?;
    let port = c_int_arg(port.unwrap_or(none_ref()))?;
    let port = u16::try_from(port).map_err(|_| PyErr::overflow_error("getservbyport: port must be 0-65535."))?;
    let proto = proto_arg(proto, "getservbyport")?;
    match sys::getservbyport(port, proto.as_deref()) {
        Some(n) => Ok(text(&n)),
        None => Err(os_error_msg("port/proto not found")),
    }
}

fn f_getprotobyname(a: Args) -> PyResult {
    let [name] = args::exact_fn::<1>(a, "getprotobyname")?;
    let name = str_arg(name, "getprotobyname", 1)?;
    let cname = CString::new(name).map_err(|_| PyErr::value_error("embedded null character"))?;
    match sys::getprotobyname(&cname) {
        Some(p) => Ok(int::new_int(i64::from(p))),
        None => Err(os_error_msg("protocol not found")),
    }
}

// ---- address text ------------------------------------------------------------------------

/// `inet_aton`'s forms: one to four numbers (decimal, 0-prefixed octal or
/// 0x-prefixed hex) separated by dots, the last filling the remaining bytes;
/// whitespace ends the address.
fn aton(text: &str) -> Option<[u8; 4]> {
    let text = text.split(|c: char| c.is_ascii_whitespace()).next().unwrap_or("");
    let parts: Vec<&str> = text.split('.').collect();
    if parts.is_empty() || parts.len() > 4 {
        return None;
    }
    let mut nums = Vec::with_capacity(parts.len());
    for p in &parts {
        let (digits, radix) = if let Some(h) = p.strip_prefix("0x").or_else(|| p.strip_prefix("0X")) {
            (h, 16)
        } else if p.len() > 1 && p.starts_with('0') {
            (&p[1..], 8)
        } else {
            (*p, 10)
        };
        if digits.is_empty() && radix != 16 {
            return None;
        }
        let v = if digits.is_empty() { 0 } else { u64::from_str_radix(digits, radix).ok()? };
        if v > u32::MAX as u64 || !digits.chars().all(|c| c.is_digit(radix)) {
            return None;
        }
        nums.push(v as u32);
    }
    let last = *nums.last()?;
    let head = &nums[..nums.len() - 1];
    if head.iter().any(|n| *n > 255) {
        return None;
    }
    let room = 32 - 8 * head.len() as u32;
    if room < 32 && last >= (1u32 << room) {
        return None;
    }
    let mut v: u32 = 0;
    for (i, n) in head.iter().enumerate() {
        v |= n << (24 - 8 * i as u32);
    }
    v |= last;
    Some(v.to_be_bytes())
}

fn f_inet_aton(a: Args) -> PyResult {
    let [s] = args::exact_fn::<1>(a, "inet_aton")?;
    let s = str_arg(s, "inet_aton", 1)?;
    match aton(s) {
        Some(b) => Ok(new_bytes(&b)),
        None => Err(os_error_msg("illegal IP address string passed to inet_aton")),
    }
}

fn f_inet_ntoa(a: Args) -> PyResult {
    let [b] = args::exact_fn::<1>(a, "inet_ntoa")?;
    let b = buffer_arg(b)?;
    let ip: [u8; 4] = b.as_ref().try_into().map_err(|_| os_error_msg("packed IP wrong length for inet_ntoa"))?;
    Ok(from_string(ntop4(ip)))
}

fn f_inet_pton(a: Args) -> PyResult {
    let [af, s] = args::exact_fn::<2>(a, "inet_pton")?;
    let af = c_int_arg(af)? as i32;
    let s = str_arg(s, "inet_pton", 2)?;
    let bad = || os_error_msg("illegal IP address string passed to inet_pton");
    match af {
        libc::AF_INET => Ok(new_bytes(&pton4(s).ok_or_else(bad)?)),
        libc::AF_INET6 => Ok(new_bytes(&pton6(s).ok_or_else(bad)?)),
        _ => Err(errno_error(libc::EAFNOSUPPORT)),
    }
}

fn f_inet_ntop(a: Args) -> PyResult {
    let [af, b] = args::exact_fn::<2>(a, "inet_ntop")?;
    let af = c_int_arg(af)? as i32;
    let b = buffer_arg(b)?;
    let bad = || PyErr::value_error("invalid length of packed IP address string");
    match af {
        libc::AF_INET => Ok(from_string(ntop4(b.as_ref().try_into().map_err(|_| bad())?))),
        libc::AF_INET6 => Ok(from_string(ntop6(b.as_ref().try_into().map_err(|_| bad())?))),
        _ => Err(PyErr::value_error(format!("unknown address family {af}"))),
    }
}

// ---- byte order --------------------------------------------------------------------------

fn short_arg(o: &Obj, func: &str) -> PyResult<u16> {
    let v = c_int_arg(o)?;
    if v < 0 {
        return Err(PyErr::overflow_error(format!(
            "{func}: can't convert negative Python int to C 16-bit unsigned integer"
        )));
    }
    u16::try_from(v).map_err(|_| {
        PyErr::overflow_error(format!("{func}: Python int too large to convert to C 16-bit unsigned integer"))
    })
}

fn long_arg(o: &Obj) -> PyResult<u32> {
    let i =
        o.downcast::<IntObj>().ok_or_else(|| PyErr::type_error(format!("expected int, {} found", o.class().name())))?;
    if i.is_negative() {
        return Err(PyErr::overflow_error("can't convert negative value to unsigned int"));
    }
    match i.as_i64() {
        Some(v) if v <= u32::MAX as i64 => Ok(v as u32),
        Some(_) => Err(PyErr::overflow_error("int larger than 32 bits")),
        None => Err(PyErr::overflow_error("Python int too large to convert to C unsigned long")),
    }
}

fn f_htons(a: Args) -> PyResult {
    let [x] = args::exact_fn::<1>(a, "htons")?;
    Ok(int::new_int(i64::from(short_arg(x, "htons")?.to_be())))
}

fn f_ntohs(a: Args) -> PyResult {
    let [x] = args::exact_fn::<1>(a, "ntohs")?;
    Ok(int::new_int(i64::from(u16::from_be(short_arg(x, "ntohs")?))))
}

fn f_htonl(a: Args) -> PyResult {
    let [x] = args::exact_fn::<1>(a, "htonl")?;
    Ok(int::new_int(i64::from(long_arg(x)?.to_be())))
}

fn f_ntohl(a: Args) -> PyResult {
    let [x] = args::exact_fn::<1>(a, "ntohl")?;
    Ok(int::new_int(i64::from(u32::from_be(long_arg(x)?))))
}

// ---- the rest ------------------------------------------------------------------------------

fn f_getdefaulttimeout(a: Args) -> PyResult {
    args::exact_fn::<0>(a, "getdefaulttimeout")?;
    let t = default_timeout();
    Ok(if t < 0.0 { none() } else { new_float(t) })
}

fn f_setdefaulttimeout(a: Args) -> PyResult {
    let [t] = args::exact_fn::<1>(a, "setdefaulttimeout")?;
    set_default_timeout(parse_timeout(t)?);
    Ok(none())
}

fn f_socketpair(a: Args) -> PyResult {
    let [family, ty, proto] = args::parse(a, "socketpair", &["family", "type", "proto", "/"], 0)?;
    let arg = |o: Option<&Obj>, d: i32| -> PyResult<i32> {
        match o {
            Some(v) => Ok(c_int_arg(v)? as i32),
            None => Ok(d),
        }
    };
    let family = arg(family, libc::AF_UNIX)?;
    let ty = arg(ty, libc::SOCK_STREAM)?;
    let proto = arg(proto, 0)?;
    let (x, y) = sys::socketpair(family, ty, proto).map_err(errno_error)?;
    let clean = ty & !(libc::SOCK_NONBLOCK | libc::SOCK_CLOEXEC);
    let first = match new_socket(x, family, clean, proto) {
        Ok(s) => s,
        Err(e) => {
            let _ = psys::close(x);
            let _ = psys::close(y);
            return Err(e);
        }
    };
    let second = match new_socket(y, family, clean, proto) {
        Ok(s) => s,
        Err(e) => {
            let _ = psys::close(y);
            return Err(e);
        }
    };
    Ok(new_tuple(vec![first, second]))
}

fn fd_arg(o: &Obj) -> PyResult<i32> {
    Ok(c_int_arg(o)? as i32)
}

fn f_dup(a: Args) -> PyResult {
    let [fd] = args::exact_fn::<1>(a, "dup")?;
    Ok(int::new_int(i64::from(psys::dup(fd_arg(fd)?).map_err(errno_error)?)))
}

fn f_close(a: Args) -> PyResult {
    let [fd] = args::exact_fn::<1>(a, "close")?;
    match psys::close(fd_arg(fd)?) {
        Ok(()) | Err(libc::ECONNRESET) => Ok(none()),
        Err(e) => Err(errno_error(e)),
    }
}

fn f_if_nameindex(a: Args) -> PyResult {
    args::exact_fn::<0>(a, "if_nameindex")?;
    let list = sys::if_nameindex().map_err(errno_error)?;
    Ok(new_list(list.into_iter().map(|(i, n)| new_tuple(vec![int::new_int(i64::from(i)), text(&n)])).collect()))
}

fn f_if_nametoindex(a: Args) -> PyResult {
    let [name] = args::exact_fn::<1>(a, "if_nametoindex")?;
    let bytes = match name.downcast::<StrObj>() {
        Some(s) => s.as_str().as_bytes().to_vec(),
        None => match buffer(name) {
            Some(b) if name.isa::<BytesObj>() => b.into_owned(),
            _ => {
                return Err(PyErr::type_error(format!(
                    "expected str, bytes or os.PathLike object, not {}",
                    name.class().name()
                )))
            }
        },
    };
    let c = CString::new(bytes).map_err(|_| PyErr::value_error("embedded null byte"))?;
    match sys::if_nametoindex(&c) {
        0 => Err(os_error_msg("no interface with this name")),
        i => Ok(int::new_int(i64::from(i))),
    }
}

fn f_if_indextoname(a: Args) -> PyResult {
    let [index] = args::exact_fn::<1>(a, "if_indextoname")?;
    if !index.isa::<IntObj>() {
        return Err(PyErr::type_error("an integer is required"));
    }
    let i = int::expect_i64(index, "unsigned int")?;
    let i = u32::try_from(i).map_err(|_| PyErr::overflow_error("index too large"))?;
    Ok(text(&sys::if_indextoname(i).map_err(errno_error)?))
}

/// The size of a control message header (`CMSG_LEN(0)`).
const CMSG_HEADER: i64 = std::mem::size_of::<libc::cmsghdr>() as i64;

fn cmsg_size(a: Args, name: &str, align: bool) -> PyResult {
    let [n] = args::exact_fn::<1>(a, name)?;
    let out_of_range = || PyErr::overflow_error(format!("{name}() argument out of range"));
    let n = int::expect_i64(n, "ssize_t").map_err(|e| {
        if e.matches(&exceptions::OVERFLOW_ERROR) {
            out_of_range()
        } else {
            e
        }
    })?;
    if n < 0 || n > i32::MAX as i64 - CMSG_HEADER - 8 {
        return Err(out_of_range());
    }
    let body = if align { (n + 7) & !7 } else { n };
    Ok(int::new_int(CMSG_HEADER + body))
}

fn f_cmsg_len(a: Args) -> PyResult {
    cmsg_size(a, "CMSG_LEN", false)
}

fn f_cmsg_space(a: Args) -> PyResult {
    cmsg_size(a, "CMSG_SPACE", true)
}

pub static FUNCS: &[crate::types::typeobj::MethodDef] = {
    use crate::types::typeobj::MethodDef as M;
    &[
        M::method("getaddrinfo", f_getaddrinfo),
        M::method("getnameinfo", f_getnameinfo),
        M::method("gethostbyname", f_gethostbyname),
        M::method("gethostbyname_ex", f_gethostbyname_ex),
        M::method("gethostbyaddr", f_gethostbyaddr),
        M::method("gethostname", f_gethostname),
        M::method("getservbyname", f_getservbyname),
        M::method("getservbyport", f_getservbyport),
        M::method("getprotobyname", f_getprotobyname),
        M::method("inet_aton", f_inet_aton),
        M::method("inet_ntoa", f_inet_ntoa),
        M::method("inet_pton", f_inet_pton),
        M::method("inet_ntop", f_inet_ntop),
        M::method("htons", f_htons),
        M::method("ntohs", f_ntohs),
        M::method("htonl", f_htonl),
        M::method("ntohl", f_ntohl),
        M::method("getdefaulttimeout", f_getdefaulttimeout),
        M::method("setdefaulttimeout", f_setdefaulttimeout),
        M::method("socketpair", f_socketpair),
        M::method("dup", f_dup),
        M::method("close", f_close),
        M::method("if_nameindex", f_if_nameindex),
        M::method("if_nametoindex", f_if_nametoindex),
        M::method("if_indextoname", f_if_indextoname),
        M::method("CMSG_LEN", f_cmsg_len),
        M::method("CMSG_SPACE", f_cmsg_space),
    ]
};

#[cfg(test)]
mod tests {
    use super::aton;

    #[test]
    fn aton_forms() {
        assert_eq!(aton("127.0.0.1"), Some([127, 0, 0, 1]));
        assert_eq!(aton("127.1"), Some([127, 0, 0, 1]));
        assert_eq!(aton("0x7f.1"), Some([127, 0, 0, 1]));
        assert_eq!(aton("010.0.0.1"), Some([8, 0, 0, 1]));
        assert_eq!(aton("4294967295"), Some([255; 4]));
        assert_eq!(aton("1.2.3.4 trailing"), Some([1, 2, 3, 4]));
        assert_eq!(aton("256.1.1.1"), None);
        assert_eq!(aton("1.2.3.4.5"), None);
        assert_eq!(aton("x"), None);
        assert_eq!(aton(""), None);
        assert_eq!(aton("08"), None);
    }
}

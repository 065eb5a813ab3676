//! Socket addresses between Python and the kernel: `(host, port)` tuples
//! for AF_INET, `(host, port, flowinfo, scope_id)` for AF_INET6, paths for
//! AF_UNIX; host names are resolved as CPython's `setipaddr` does.

use std::ffi::CString;
use std::net::{Ipv4Addr, Ipv6Addr};

use super::netdb::gai_error;
use super::sock::SocketObj;
use super::sys::{self, Addr, SockAddr};
use crate::object::Obj;
use crate::ops;
use crate::runtime::{PyErr, PyResult};
use crate::types::bytearray::ByteArrayObj;
use crate::types::bytes::{new_bytes, BytesObj};
use crate::types::exceptions;
use crate::types::int;
use crate::types::str::{from_string, new_str, StrObj};
use crate::types::tuple::{new_tuple, TupleObj};

/// An IP address a host name stands for.
pub enum Ip {
    V4([u8; 4]),
    V6([u8; 16]),
}

/// The bytes of a host argument (`idna_converter`): str (IDNA-encoded when
/// not ASCII), bytes or bytearray.
pub fn host_bytes(o: &Obj) -> PyResult<Vec<u8>> {
    let bytes = if let Some(s) = o.downcast::<StrObj>() {
        let text = s.as_str();
        if text.is_ascii() {
            text.as_bytes().to_vec()
        } else {
            let enc = ops::call_method(o, "encode", &[&new_str("idna")])?;
            enc.downcast::<BytesObj>().map(|b| b.as_bytes().to_vec()).unwrap_or_default()
        }
    } else if let Some(b) = o.downcast::<BytesObj>() {
        b.as_bytes().to_vec()
    } else if let Some(b) = o.downcast::<ByteArrayObj>() {
        b.data.get_clone()
    } else {
        return Err(PyErr::type_error(format!("str, bytes or bytearray expected, not {}", o.class().name())));
    };
    if bytes.contains(&0) {
        return Err(PyErr::type_error("host name must not contain null character"));
    }
    Ok(bytes)
}

/// The address `name` stands for in `family` (AF_INET, AF_INET6 or
/// AF_UNSPEC): '' is the wildcard address, `<broadcast>` the IPv4
/// broadcast address, numeric forms are parsed, anything else is resolved.
pub fn resolve(name: &[u8], family: i32) -> PyResult<Ip> {
    if name.is_empty() {
        let hints = sys::Hints { family, socktype: libc::SOCK_DGRAM, protocol: 0, flags: libc::AI_PASSIVE };
        let port = CString::new("0").expect("no NUL");
        let res = sys::getaddrinfo(None, Some(&port), &hints).map_err(gai_error)?;
        return match res.first().map(|r| r.addr.decode()) {
            Some(Addr::V4 { ip, .. }) => Ok(Ip::V4(ip)),
            Some(Addr::V6 { ip, .. }) => Ok(Ip::V6(ip)),
            _ => Err(PyErr::new(&exceptions::OS_ERROR, "wildcard resolved to multiple address")),
        };
    }
    if name == b"<broadcast>" || name == b"255.255.255.255" {
        if family != libc::AF_INET && family != libc::AF_UNSPEC {
            return Err(PyErr::new(&exceptions::OS_ERROR, "address family mismatched"));
        }
        return Ok(Ip::V4([255; 4]));
    }
    if let Ok(text) = std::str::from_utf8(name) {
        if family == libc::AF_INET || family == libc::AF_UNSPEC {
            if let Some(ip) = pton4(text) {
                return Ok(Ip::V4(ip));
            }
        }
        if family == libc::AF_INET6 || family == libc::AF_UNSPEC {
            if let Some(ip) = pton6(text) {
                return Ok(Ip::V6(ip));
            }
        }
    }
    let hints = sys::Hints { family, socktype: 0, protocol: 0, flags: 0 };
    let host =
        CString::new(name.to_vec()).map_err(|_| PyErr::type_error("host name must not contain null character"))?;
    let res = sys::getaddrinfo(Some(&host), None, &hints).map_err(gai_error)?;
    for r in &res {
        match r.addr.decode() {
            Addr::V4 { ip, .. } => return Ok(Ip::V4(ip)),
            Addr::V6 { ip, .. } => return Ok(Ip::V6(ip)),
            _ => {}
        }
    }
    Err(PyErr::new(&exceptions::OS_ERROR, "unsupported address family"))
}

/// A dotted-quad IPv4 address, as `inet_pton` accepts it.
pub fn pton4(text: &str) -> Option<[u8; 4]> {
    text.parse::<Ipv4Addr>().ok().map(|a| a.octets())
}

/// An IPv6 address, as `inet_pton` accepts it.
pub fn pton6(text: &str) -> Option<[u8; 16]> {
    text.parse::<Ipv6Addr>().ok().map(|a| a.octets())
}

pub fn ntop4(ip: [u8; 4]) -> String {
    format!("{}.{}.{}.{}", ip[0], ip[1], ip[2], ip[3])
}

/// An IPv6 address as the C library's `inet_ntop` writes it: the first
/// longest run of two or more zero groups becomes `::`, and the IPv4
/// compatible (`::a.b.c.d`) and mapped (`::ffff:a.b.c.d`) forms end in
/// dotted decimal.
pub fn ntop6(ip: [u8; 16]) -> String {
    let words: Vec<u16> = ip.chunks_exact(2).map(|c| u16::from_be_bytes([c[0], c[1]])).collect();
    let (mut best, mut best_len) = (usize::MAX, 0usize);
    let mut i = 0;
    while i < 8 {
        if words[i] == 0 {
            let start = i;
            while i < 8 && words[i] == 0 {
                i += 1;
            }
            if i - start > best_len {
                best = start;
                best_len = i - start;
            }
        } else {
            i += 1;
        }
    }
    if best_len < 2 {
        best = usize::MAX;
    }
    let mut out = String::new();
    let mut i = 0;
    while i < 8 {
        if i == best {
            out.push(':');
            i += best_len;
            if i == 8 {
                out.push(':');
            }
            continue;
        }
        if i != 0 {
            out.push(':');
        }
        if i == 6 && best == 0 && (best_len == 6 || (best_len == 5 && words[5] == 0xffff)) {
            out.push_str(&ntop4([ip[12], ip[13], ip[14], ip[15]]));
            break;
        }
        out.push_str(&format!("{:x}", words[i]));
        i += 1;
    }
    out
}

/// The port of an address tuple (C int), with `caller`'s range message.
fn port_arg(o: &Obj, caller: &str) -> PyResult<i64> {
    match int::expect_i64(o, "int") {
        Ok(v) if i32::try_from(v).is_ok() => Ok(v),
        Ok(_) => Err(port_range(caller)),
        Err(e) if e.matches(&exceptions::OVERFLOW_ERROR) => Err(port_range(caller)),
        Err(e) => Err(e),
    }
}

fn port_range(caller: &str) -> PyErr {
    PyErr::overflow_error(format!("{caller}(): port must be 0-65535."))
}

/// An unsigned C int that wraps like the `I` argument format.
fn uint_wrapping(o: &Obj) -> PyResult<u32> {
    let Some(i) = o.downcast::<crate::types::int::IntObj>() else {
        return Err(PyErr::type_error(format!("'{}' object cannot be interpreted as an integer", o.class().name())));
    };
    Ok(match i.as_i64() {
        Some(v) => v as u32,
        None => {
            use num_traits::ToPrimitive;
            let m = i.to_bigint() & num_bigint::BigInt::from(u32::MAX);
            m.to_u32().unwrap_or(0)
        }
    })
}

/// Converts a Python address for a socket of `s`'s family (`caller` names
/// the method in messages).
pub fn parse_addr(s: &SocketObj, o: &Obj, caller: &str) -> PyResult<SockAddr> {
    parse_addr_family(s.family.get(), o, caller)
}

pub fn parse_addr_family(family: i32, o: &Obj, caller: &str) -> PyResult<SockAddr> {
    match family {
        libc::AF_UNIX => {
            let path: Vec<u8> = if o.isa::<StrObj>() || ops::lookup_special(o, "__fspath__")?.is_some() {
                let p = crate::modules::posix::path::fspath(o)?;
                match p.downcast::<StrObj>() {
                    Some(s) => s.as_str().as_bytes().to_vec(),
                    None => crate::types::bytes_args::buffer_arg(&p)?.into_owned(),
                }
            } else {
                crate::types::bytes_args::buffer_arg(o)?.into_owned()
            };
            SockAddr::unix(&path).ok_or_else(|| PyErr::new(&exceptions::OS_ERROR, "AF_UNIX path too long"))
        }
        libc::AF_INET => {
            let t = o.downcast::<TupleObj>().ok_or_else(|| {
                PyErr::type_error(format!("{caller}(): AF_INET address must be tuple, not {}", o.class().name()))
            })?;
            let items = t.as_slice();
            if items.len() != 2 {
                return Err(PyErr::type_error("AF_INET address must be a pair (host, port)"));
            }
            let host = host_bytes(&items[0])?;
            let port = port_arg(&items[1], caller)?;
            let ip = match resolve(&host, libc::AF_INET)? {
                Ip::V4(ip) => ip,
                Ip::V6(_) => return Err(PyErr::new(&exceptions::OS_ERROR, "address family mismatched")),
            };
            let port = u16::try_from(port).map_err(|_| port_range(caller))?;
            Ok(SockAddr::v4(ip, port))
        }
        libc::AF_INET6 => {
            let t = o.downcast::<TupleObj>().ok_or_else(|| {
                PyErr::type_error(format!("{caller}(): AF_INET6 address must be tuple, not {}", o.class().name()))
            })?;
            let items = t.as_slice();
            if !(2..=4).contains(&items.len()) {
                return Err(PyErr::type_error("AF_INET6 address must be a tuple (host, port[, flowinfo[, scopeid]])"));
            }
            let host = host_bytes(&items[0])?;
            let port = port_arg(&items[1], caller)?;
            let flowinfo = match items.get(2) {
                Some(f) => uint_wrapping(f)?,
                None => 0,
            };
            let scope_id = match items.get(3) {
                Some(f) => uint_wrapping(f)?,
                None => 0,
            };
            let ip = match resolve(&host, libc::AF_INET6)? {
                Ip::V6(ip) => ip,
                Ip::V4(_) => return Err(PyErr::new(&exceptions::OS_ERROR, "address family mismatched")),
            };
            let port = u16::try_from(port).map_err(|_| port_range(caller))?;
            if flowinfo > 0xfffff {
                return Err(PyErr::overflow_error(format!("{caller}(): flowinfo must be 0-1048575.")));
            }
            Ok(SockAddr::v6(ip, port, flowinfo, scope_id))
        }
        _ => Err(PyErr::new(&exceptions::OS_ERROR, format!("{caller}(): bad family"))),
    }
}

/// The Python form of an address the kernel returned.
pub fn make_addr(a: &SockAddr) -> PyResult {
    Ok(match a.decode() {
        Addr::V4 { ip, port } => new_tuple(vec![from_string(ntop4(ip)), int::new_int(i64::from(port))]),
        Addr::V6 { ip, port, flowinfo, scope_id } => new_tuple(vec![
            from_string(ntop6(ip)),
            int::new_int(i64::from(port)),
            int::new_int(i64::from(flowinfo)),
            int::new_int(i64::from(scope_id)),
        ]),
        Addr::Unix(path) => {
            if path.first() == Some(&0) {
                new_bytes(&path)
            } else {
                from_string(String::from_utf8_lossy(&path).into_owned())
            }
        }
        Addr::Empty => crate::types::none(),
        Addr::Other { family, data } => new_tuple(vec![int::new_int(i64::from(family)), new_bytes(&data)]),
    })
}

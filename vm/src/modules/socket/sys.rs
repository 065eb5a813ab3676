//! Safe wrappers over the C library's socket and name-service calls behind
//! `_socket`.
//!
//! # Safety
//!
//! This is the only file of the `_socket` module with `unsafe` code. Every
//! wrapper is sound for any argument values because:
//!
//! - socket addresses live in a [`SockAddr`]: a zero-initialised
//!   `sockaddr_storage` (large enough for every family) and the length the
//!   kernel or the constructor reports, never more than the storage's size.
//!   The kernel is handed the storage's address and that length (or the
//!   storage's full size for out-parameters); a family's struct is read
//!   from the storage only after its family field and length were checked;
//! - buffers are Rust slices or vectors, and the length handed to the C
//!   library is never more than their length, or for the `*_spare` calls
//!   their spare capacity (a vector's length grows only by the byte count
//!   the kernel reports it wrote there);
//! - strings passed in are `&CStr`, NUL-terminated for the call's duration;
//!   strings the C library returns (`gai_strerror`, `hstrerror`,
//!   `getaddrinfo`'s canonical names, `if_nameindex`' names) are copied
//!   out before the memory holding them is released;
//! - `getaddrinfo`'s list is walked once through its `ai_next` pointers and
//!   freed exactly once with `freeaddrinfo`, likewise `if_nameindex`' array
//!   (which ends with a zero entry) with `if_freenameindex`;
//! - descriptors are plain integers: a wrong one makes the kernel fail with
//!   `EBADF`. Python code may close a descriptor other code still uses (as
//!   in CPython); that misdirects I/O but touches no Rust memory;
//! - `SocketObj` is `#[repr(C)]` with the `Obj` header first, and every
//!   subclass of `_socket.socket` allocates it (through `sock_new`), so the
//!   `PyPayload` contract holds.
//!
//! Errors come back as the `errno` value (`Err(i32)`), or for the resolver
//! calls as a [`GaiError`].

use std::ffi::CStr;
use std::mem::{size_of, zeroed};

use crate::object::PyPayload;
use crate::types::typeobj::TypeObj;

use super::sock::{SocketObj, SOCKET_TYPE};

/// A failed call: its `errno`.
pub type SysResult<T> = Result<T, i32>;

fn errno() -> i32 {
    std::io::Error::last_os_error().raw_os_error().unwrap_or(libc::EIO)
}

fn check(rc: libc::c_int) -> SysResult<libc::c_int> {
    if rc == -1 {
        Err(errno())
    } else {
        Ok(rc)
    }
}

fn check_len(rc: libc::ssize_t) -> SysResult<usize> {
    if rc < 0 {
        Err(errno())
    } else {
        Ok(rc as usize)
    }
}

// ---- addresses -------------------------------------------------------------

/// A socket address of any family, as the kernel reads and writes it.
#[derive(Clone)]
pub struct SockAddr {
    storage: libc::sockaddr_storage,
    len: libc::socklen_t,
}

/// A decoded address.
pub enum Addr {
    V4 {
        ip: [u8; 4],
        port: u16,
    },
    V6 {
        ip: [u8; 16],
        port: u16,
        flowinfo: u32,
        scope_id: u32,
    },
    /// The path bytes up to (not including) the terminating NUL, or the whole
    /// name of an abstract-namespace address (which starts with a NUL).
    Unix(Vec<u8>),
    /// No address (an unnamed peer of `recvfrom`).
    Empty,
    Other {
        family: i32,
        data: Vec<u8>,
    },
}

/// The offset of `sun_path` in `sockaddr_un`.
const SUN_PATH_OFFSET: usize = size_of::<libc::sa_family_t>();

impl SockAddr {
    fn empty() -> SockAddr {
        // SAFETY: sockaddr_storage is plain data; all-zero is a valid value.
        SockAddr { storage: unsafe { zeroed() }, len: size_of::<libc::sockaddr_storage>() as libc::socklen_t }
    }

    /// Copies `len` bytes of a C address (what `getaddrinfo` returns).
    ///
    /// # Safety
    /// `p` must point to `len` readable bytes.
    unsafe fn from_raw(p: *const libc::sockaddr, len: libc::socklen_t) -> SockAddr {
        let mut a = SockAddr::empty();
        let n = (len as usize).min(size_of::<libc::sockaddr_storage>());
        // SAFETY: `p` has `len` readable bytes (the caller's promise); the
        // storage has room for `n <= its size` bytes.
        unsafe { std::ptr::copy_nonoverlapping(p as *const u8, &mut a.storage as *mut _ as *mut u8, n) };
        a.len = n as libc::socklen_t;
        a
    }

    pub fn v4(ip: [u8; 4], port: u16) -> SockAddr {
        let mut a = SockAddr::empty();
        let sin = libc::sockaddr_in {
            sin_family: libc::AF_INET as libc::sa_family_t,
            sin_port: port.to_be(),
            sin_addr: libc::in_addr { s_addr: u32::from_ne_bytes(ip) },
            sin_zero: [0; 8],
        };
        // SAFETY: sockaddr_storage is larger than and aligned for sockaddr_in.
        unsafe { std::ptr::write(&mut a.storage as *mut _ as *mut libc::sockaddr_in, sin) };
        a.len = size_of::<libc::sockaddr_in>() as libc::socklen_t;
        a
    }

    pub fn v6(ip: [u8; 16], port: u16, flowinfo: u32, scope_id: u32) -> SockAddr {
        let mut a = SockAddr::empty();
        let sin6 = libc::sockaddr_in6 {
            sin6_family: libc::AF_INET6 as libc::sa_family_t,
            sin6_port: port.to_be(),
            sin6_flowinfo: flowinfo.to_be(),
            sin6_addr: libc::in6_addr { s6_addr: ip },
            sin6_scope_id: scope_id,
        };
        // SAFETY: sockaddr_storage is larger than and aligned for sockaddr_in6.
        unsafe { std::ptr::write(&mut a.storage as *mut _ as *mut libc::sockaddr_in6, sin6) };
        a.len = size_of::<libc::sockaddr_in6>() as libc::socklen_t;
        a
    }

    /// A Unix-domain address; None when the path does not fit.
    pub fn unix(path: &[u8]) -> Option<SockAddr> {
        // SAFETY: sockaddr_un is plain data; all-zero is a valid value.
        let mut sun: libc::sockaddr_un = unsafe { zeroed() };
        if path.len() > sun.sun_path.len() {
            return None;
        }
        sun.sun_family = libc::AF_UNIX as libc::sa_family_t;
        for (d, s) in sun.sun_path.iter_mut().zip(path) {
            *d = *s as libc::c_char;
        }
        let mut a = SockAddr::empty();
        // SAFETY: sockaddr_storage is larger than and aligned for sockaddr_un.
        unsafe { std::ptr::write(&mut a.storage as *mut _ as *mut libc::sockaddr_un, sun) };
        // An abstract name is exactly its bytes; a path also counts its NUL
        // when there is room for one (as CPython passes it).
        let extra = usize::from(path.first() != Some(&0) && path.len() < sun.sun_path.len());
        a.len = (SUN_PATH_OFFSET + path.len() + extra) as libc::socklen_t;
        Some(a)
    }

    pub fn family(&self) -> i32 {
        if (self.len as usize) < size_of::<libc::sa_family_t>() {
            return libc::AF_UNSPEC;
        }
        i32::from(self.storage.ss_family)
    }

    pub fn decode(&self) -> Addr {
        let len = self.len as usize;
        if len == 0 {
            return Addr::Empty;
        }
        match self.family() {
            libc::AF_INET if len >= size_of::<libc::sockaddr_in>() => {
                // SAFETY: the family says sockaddr_in and the length covers it.
                let sin = unsafe { &*(&self.storage as *const _ as *const libc::sockaddr_in) };
                Addr::V4 { ip: sin.sin_addr.s_addr.to_ne_bytes(), port: u16::from_be(sin.sin_port) }
            }
            libc::AF_INET6 if len >= size_of::<libc::sockaddr_in6>() => {
                // SAFETY: the family says sockaddr_in6 and the length covers it.
                let sin6 = unsafe { &*(&self.storage as *const _ as *const libc::sockaddr_in6) };
                Addr::V6 {
                    ip: sin6.sin6_addr.s6_addr,
                    port: u16::from_be(sin6.sin6_port),
                    flowinfo: u32::from_be(sin6.sin6_flowinfo),
                    scope_id: sin6.sin6_scope_id,
                }
            }
            libc::AF_UNIX => {
                // SAFETY: the family says sockaddr_un, which fits in the storage.
                let sun = unsafe { &*(&self.storage as *const _ as *const libc::sockaddr_un) };
                let n = len.saturating_sub(SUN_PATH_OFFSET).min(sun.sun_path.len());
                let raw: Vec<u8> = sun.sun_path[..n].iter().map(|c| *c as u8).collect();
                if raw.first() == Some(&0) {
                    Addr::Unix(raw)
                } else {
                    let end = raw.iter().position(|b| *b == 0).unwrap_or(raw.len());
                    Addr::Unix(raw[..end].to_vec())
                }
            }
            family => {
                let bytes = self.bytes();
                let data = bytes.get(2..).unwrap_or_default().to_vec();
                Addr::Other { family, data }
            }
        }
    }

    fn bytes(&self) -> &[u8] {
        // SAFETY: the storage is plain data of at least `len` bytes.
        let all = unsafe {
            std::slice::from_raw_parts(&self.storage as *const _ as *const u8, size_of::<libc::sockaddr_storage>())
        };
        &all[..(self.len as usize).min(all.len())]
    }

    fn as_ptr(&self) -> *const libc::sockaddr {
        &self.storage as *const _ as *const libc::sockaddr
    }

    fn as_mut_ptr(&mut self) -> *mut libc::sockaddr {
        &mut self.storage as *mut _ as *mut libc::sockaddr
    }
}

// ---- sockets ---------------------------------------------------------------

pub fn socket(family: i32, ty: i32, proto: i32) -> SysResult<i32> {
    // SAFETY: plain integer arguments.
    check(unsafe { libc::socket(family, ty | libc::SOCK_CLOEXEC, proto) })
}

pub fn socketpair(family: i32, ty: i32, proto: i32) -> SysResult<(i32, i32)> {
    let mut fds = [-1 as libc::c_int; 2];
    // SAFETY: `fds` has room for the two descriptors written.
    check(unsafe { libc::socketpair(family, ty | libc::SOCK_CLOEXEC, proto, fds.as_mut_ptr()) })?;
    Ok((fds[0], fds[1]))
}

pub fn bind(fd: i32, addr: &SockAddr) -> SysResult<()> {
    // SAFETY: the address points to `addr.len` readable bytes.
    check(unsafe { libc::bind(fd, addr.as_ptr(), addr.len) }).map(|_| ())
}

pub fn connect(fd: i32, addr: &SockAddr) -> SysResult<()> {
    // SAFETY: the address points to `addr.len` readable bytes.
    check(unsafe { libc::connect(fd, addr.as_ptr(), addr.len) }).map(|_| ())
}

pub fn listen(fd: i32, backlog: i32) -> SysResult<()> {
    // SAFETY: plain integer arguments.
    check(unsafe { libc::listen(fd, backlog) }).map(|_| ())
}

/// A new connection's descriptor (close-on-exec) and peer address.
pub fn accept(fd: i32) -> SysResult<(i32, SockAddr)> {
    let mut a = SockAddr::empty();
    // SAFETY: the kernel writes at most `a.len` (the storage's size) bytes.
    let r = check(unsafe { libc::accept4(fd, a.as_mut_ptr(), &mut a.len, libc::SOCK_CLOEXEC) })?;
    Ok((r, a))
}

pub fn shutdown(fd: i32, how: i32) -> SysResult<()> {
    // SAFETY: plain integer arguments.
    check(unsafe { libc::shutdown(fd, how) }).map(|_| ())
}

pub fn send(fd: i32, data: &[u8], flags: i32) -> SysResult<usize> {
    // SAFETY: `data` is readable for its length.
    check_len(unsafe { libc::send(fd, data.as_ptr() as *const libc::c_void, data.len(), flags) })
}

pub fn sendto(fd: i32, data: &[u8], flags: i32, addr: &SockAddr) -> SysResult<usize> {
    // SAFETY: `data` is readable for its length; the address for `addr.len` bytes.
    check_len(unsafe {
        libc::sendto(fd, data.as_ptr() as *const libc::c_void, data.len(), flags, addr.as_ptr(), addr.len)
    })
}

pub fn recv(fd: i32, buf: &mut [u8], flags: i32) -> SysResult<usize> {
    // SAFETY: `buf` is writable for its length.
    check_len(unsafe { libc::recv(fd, buf.as_mut_ptr() as *mut libc::c_void, buf.len(), flags) })
}

/// Receives into the spare capacity of `buf` (up to `buf.capacity()` bytes
/// past its length), which grows by what arrived; no zeroing first.
pub fn recv_spare(fd: i32, buf: &mut Vec<u8>, flags: i32) -> SysResult<usize> {
    let spare = buf.spare_capacity_mut();
    // SAFETY: the spare capacity is writable for `spare.len()` bytes; the
    // kernel writes at most that many.
    let n = check_len(unsafe { libc::recv(fd, spare.as_mut_ptr() as *mut libc::c_void, spare.len(), flags) })?;
    let n = n.min(spare.len());
    // SAFETY: the kernel initialised the first `n` bytes of the spare capacity.
    unsafe { buf.set_len(buf.len() + n) };
    Ok(n)
}

/// [`recv_spare`] that also returns the sender's address.
pub fn recvfrom_spare(fd: i32, buf: &mut Vec<u8>, flags: i32) -> SysResult<(usize, SockAddr)> {
    let mut a = SockAddr::empty();
    let spare = buf.spare_capacity_mut();
    // SAFETY: as in `recv_spare`; the kernel writes at most `a.len` bytes of address.
    let n = check_len(unsafe {
        libc::recvfrom(fd, spare.as_mut_ptr() as *mut libc::c_void, spare.len(), flags, a.as_mut_ptr(), &mut a.len)
    })?;
    let n = n.min(spare.len());
    // SAFETY: the kernel initialised the first `n` bytes of the spare capacity.
    unsafe { buf.set_len(buf.len() + n) };
    a.len = a.len.min(size_of::<libc::sockaddr_storage>() as libc::socklen_t);
    Ok((n, a))
}

pub fn recvfrom(fd: i32, buf: &mut [u8], flags: i32) -> SysResult<(usize, SockAddr)> {
    let mut a = SockAddr::empty();
    // SAFETY: `buf` is writable for its length; the kernel writes at most
    // `a.len` bytes of address.
    let n = check_len(unsafe {
        libc::recvfrom(fd, buf.as_mut_ptr() as *mut libc::c_void, buf.len(), flags, a.as_mut_ptr(), &mut a.len)
    })?;
    Ok((n, a))
}

pub fn setsockopt(fd: i32, level: i32, opt: i32, value: &[u8]) -> SysResult<()> {
    // SAFETY: `value` is readable for its length.
    check(unsafe {
        libc::setsockopt(fd, level, opt, value.as_ptr() as *const libc::c_void, value.len() as libc::socklen_t)
    })
    .map(|_| ())
}

/// An option's value, at most `buflen` bytes.
pub fn getsockopt(fd: i32, level: i32, opt: i32, buflen: usize) -> SysResult<Vec<u8>> {
    let mut buf = vec![0u8; buflen];
    let mut len = buflen as libc::socklen_t;
    // SAFETY: `buf` is writable for `len` bytes.
    check(unsafe { libc::getsockopt(fd, level, opt, buf.as_mut_ptr() as *mut libc::c_void, &mut len) })?;
    buf.truncate((len as usize).min(buflen));
    Ok(buf)
}

pub fn getsockopt_int(fd: i32, level: i32, opt: i32) -> SysResult<i32> {
    let v = getsockopt(fd, level, opt, size_of::<libc::c_int>())?;
    let mut b = [0u8; 4];
    b[..v.len().min(4)].copy_from_slice(&v[..v.len().min(4)]);
    Ok(i32::from_ne_bytes(b))
}

pub fn getsockname(fd: i32) -> SysResult<SockAddr> {
    let mut a = SockAddr::empty();
    // SAFETY: the kernel writes at most `a.len` (the storage's size) bytes.
    check(unsafe { libc::getsockname(fd, a.as_mut_ptr(), &mut a.len) })?;
    a.len = a.len.min(size_of::<libc::sockaddr_storage>() as libc::socklen_t);
    Ok(a)
}

pub fn getpeername(fd: i32) -> SysResult<SockAddr> {
    let mut a = SockAddr::empty();
    // SAFETY: the kernel writes at most `a.len` (the storage's size) bytes.
    check(unsafe { libc::getpeername(fd, a.as_mut_ptr(), &mut a.len) })?;
    a.len = a.len.min(size_of::<libc::sockaddr_storage>() as libc::socklen_t);
    Ok(a)
}

// ---- names -------------------------------------------------------------------

/// A resolver failure: the `EAI_*` code, and `errno` for `EAI_SYSTEM`.
pub struct GaiError {
    pub code: i32,
    pub errno: i32,
}

/// One `getaddrinfo` result.
pub struct AddrInfo {
    pub family: i32,
    pub socktype: i32,
    pub protocol: i32,
    pub canonname: Option<Vec<u8>>,
    pub addr: SockAddr,
}

/// Hints for `getaddrinfo`: family, socket type, protocol, flags.
pub struct Hints {
    pub family: i32,
    pub socktype: i32,
    pub protocol: i32,
    pub flags: i32,
}

pub fn getaddrinfo(host: Option<&CStr>, port: Option<&CStr>, hints: &Hints) -> Result<Vec<AddrInfo>, GaiError> {
    // SAFETY: addrinfo is plain data; all-zero is a valid value (null pointers).
    let mut h: libc::addrinfo = unsafe { zeroed() };
    h.ai_family = hints.family;
    h.ai_socktype = hints.socktype;
    h.ai_protocol = hints.protocol;
    h.ai_flags = hints.flags;
    let mut res: *mut libc::addrinfo = std::ptr::null_mut();
    let hp = host.map_or(std::ptr::null(), |c| c.as_ptr());
    let pp = port.map_or(std::ptr::null(), |c| c.as_ptr());
    // SAFETY: the strings are NUL-terminated or null; `res` receives a list
    // the C library allocated.
    let rc = unsafe { libc::getaddrinfo(hp, pp, &h, &mut res) };
    if rc != 0 {
        return Err(GaiError { code: rc, errno: if rc == libc::EAI_SYSTEM { errno() } else { 0 } });
    }
    let mut out = Vec::new();
    let mut p = res;
    while !p.is_null() {
        // SAFETY: `p` is a node of the list getaddrinfo returned, not yet freed.
        let ai = unsafe { &*p };
        let canonname = if ai.ai_canonname.is_null() {
            None
        } else {
            // SAFETY: a non-null canonical name is a NUL-terminated string of the list.
            Some(unsafe { CStr::from_ptr(ai.ai_canonname) }.to_bytes().to_vec())
        };
        let addr = if ai.ai_addr.is_null() {
            let mut a = SockAddr::empty();
            a.len = 0;
            a
        } else {
            // SAFETY: `ai_addr` points to `ai_addrlen` bytes.
            unsafe { SockAddr::from_raw(ai.ai_addr, ai.ai_addrlen) }
        };
        out.push(AddrInfo {
            family: ai.ai_family,
            socktype: ai.ai_socktype,
            protocol: ai.ai_protocol,
            canonname,
            addr,
        });
        p = ai.ai_next;
    }
    if !res.is_null() {
        // SAFETY: `res` came from getaddrinfo and is freed once.
        unsafe { libc::freeaddrinfo(res) };
    }
    Ok(out)
}

/// `(host, service)` names of an address.
pub fn getnameinfo(addr: &SockAddr, flags: i32) -> Result<(Vec<u8>, Vec<u8>), GaiError> {
    let mut host = vec![0 as libc::c_char; libc::NI_MAXHOST as usize];
    let mut serv = vec![0 as libc::c_char; 32];
    // SAFETY: the address is readable for `addr.len` bytes; the two buffers
    // are writable for the lengths given.
    let rc = unsafe {
        libc::getnameinfo(
            addr.as_ptr(),
            addr.len,
            host.as_mut_ptr(),
            host.len() as libc::socklen_t,
            serv.as_mut_ptr(),
            serv.len() as libc::socklen_t,
            flags,
        )
    };
    if rc != 0 {
        return Err(GaiError { code: rc, errno: if rc == libc::EAI_SYSTEM { errno() } else { 0 } });
    }
    let text = |v: &[libc::c_char]| v.iter().take_while(|c| **c != 0).map(|c| *c as u8).collect::<Vec<u8>>();
    Ok((text(&host), text(&serv)))
}

/// The message of a resolver error code.
pub fn gai_strerror(code: i32) -> String {
    // SAFETY: gai_strerror returns a static NUL-terminated string.
    let p = unsafe { libc::gai_strerror(code) };
    if p.is_null() {
        return format!("Unknown error {code}");
    }
    // SAFETY: non-null, NUL-terminated, static.
    unsafe { CStr::from_ptr(p) }.to_string_lossy().into_owned()
}

/// The message of a resolver `h_errno` value.
pub fn hstrerror(code: i32) -> String {
    // SAFETY: hstrerror returns a static NUL-terminated string.
    let p = unsafe { libc::hstrerror(code) };
    if p.is_null() {
        return "Unknown resolver error".to_string();
    }
    // SAFETY: non-null, NUL-terminated, static.
    unsafe { CStr::from_ptr(p) }.to_string_lossy().into_owned()
}

pub fn gethostname() -> SysResult<Vec<u8>> {
    let mut buf = vec![0 as libc::c_char; 1024];
    // SAFETY: `buf` is writable for its length (one byte kept for the NUL).
    check(unsafe { libc::gethostname(buf.as_mut_ptr(), buf.len() - 1) })?;
    Ok(buf.iter().take_while(|c| **c != 0).map(|c| *c as u8).collect())
}

/// The (index, name) pairs of the network interfaces.
pub fn if_nameindex() -> SysResult<Vec<(u32, Vec<u8>)>> {
    // SAFETY: no arguments; the result is an array the C library allocated.
    let list = unsafe { libc::if_nameindex() };
    if list.is_null() {
        return Err(errno());
    }
    let mut out = Vec::new();
    let mut p = list;
    loop {
        // SAFETY: `p` points into the array, which ends with a zero entry.
        let e = unsafe { &*p };
        if e.if_index == 0 || e.if_name.is_null() {
            break;
        }
        // SAFETY: the name is a NUL-terminated string of the array.
        out.push((e.if_index, unsafe { CStr::from_ptr(e.if_name) }.to_bytes().to_vec()));
        // SAFETY: not past the terminating entry, which the loop stops at.
        p = unsafe { p.add(1) };
    }
    // SAFETY: `list` came from if_nameindex and is freed once.
    unsafe { libc::if_freenameindex(list) };
    Ok(out)
}

pub fn if_nametoindex(name: &CStr) -> u32 {
    // SAFETY: `name` is NUL-terminated.
    unsafe { libc::if_nametoindex(name.as_ptr()) }
}

pub fn if_indextoname(index: u32) -> SysResult<Vec<u8>> {
    let mut buf = vec![0 as libc::c_char; libc::IF_NAMESIZE + 1];
    // SAFETY: `buf` has room for IF_NAMESIZE bytes and the NUL.
    let p = unsafe { libc::if_indextoname(index, buf.as_mut_ptr()) };
    if p.is_null() {
        return Err(errno());
    }
    Ok(buf.iter().take_while(|c| **c != 0).map(|c| *c as u8).collect())
}

/// The port of a service name (`/etc/services`), for protocol `proto` or any.
pub fn getservbyname(name: &CStr, proto: Option<&CStr>) -> Option<u16> {
    // SAFETY: the strings are NUL-terminated or null; the result points to
    // the C library's static entry, read at once (only the interpreter
    // thread makes these calls).
    let e = unsafe { libc::getservbyname(name.as_ptr(), proto.map_or(std::ptr::null(), |p| p.as_ptr())) };
    if e.is_null() {
        return None;
    }
    // SAFETY: non-null entry, see above.
    Some(u16::from_be(unsafe { (*e).s_port } as u16))
}

/// The service name of a port, for protocol `proto` or any.
pub fn getservbyport(port: u16, proto: Option<&CStr>) -> Option<Vec<u8>> {
    // SAFETY: as for `getservbyname`; the name is copied out at once.
    unsafe {
        let e = libc::getservbyport(i32::from(port.to_be()), proto.map_or(std::ptr::null(), |p| p.as_ptr()));
        if e.is_null() || (*e).s_name.is_null() {
            return None;
        }
        Some(CStr::from_ptr((*e).s_name).to_bytes().to_vec())
    }
}

/// The number of a protocol name (`/etc/protocols`).
pub fn getprotobyname(name: &CStr) -> Option<i32> {
    // SAFETY: as for `getservbyname`.
    unsafe {
        let e = libc::getprotobyname(name.as_ptr());
        if e.is_null() {
            return None;
        }
        Some((*e).p_proto)
    }
}

// ---- payload layout ----------------------------------------------------------

// SAFETY: `#[repr(C)]` with `ob: Obj` first; every subclass is allocated by
// `sock_new` with this payload.
unsafe impl PyPayload for SocketObj {
    fn class() -> &'static TypeObj {
        &SOCKET_TYPE
    }
}

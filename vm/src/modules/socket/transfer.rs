//! Data transfer methods of `_socket.socket`: `send`, `sendall`, `sendto`,
//! `recv`, `recv_into`, `recvfrom`, `recvfrom_into`.

use super::addr::{make_addr, parse_addr};
use super::sock::{deadline_after, self_of, sock_call, this};
use super::sys;
use crate::object::Obj;
use crate::runtime::{PyErr, PyResult};
use crate::types::bytes::new_bytes;
use crate::types::bytes_args::{buffer_arg, c_int_arg};
use crate::types::int;
use crate::types::none_ref;
use crate::types::tuple::new_tuple;
use crate::types::typeobj::Args;
use crate::util::args;

fn flags_arg(o: Option<&Obj>) -> PyResult<i32> {
    match o {
        Some(f) => Ok(c_int_arg(f)? as i32),
        None => Ok(0),
    }
}

/// A buffer size argument (`Py_ssize_t`), refusing negative ones.
fn size_arg(o: &Obj, method: &str) -> PyResult<usize> {
    let n = int::expect_i64(o, "ssize_t")?;
    usize::try_from(n).map_err(|_| PyErr::value_error(format!("negative buffersize in {method}")))
}

/// An empty vector with room for `n` bytes, or MemoryError.
fn recv_buffer(n: usize) -> PyResult<Vec<u8>> {
    let mut v = Vec::new();
    v.try_reserve_exact(n).map_err(|_| PyErr::memory_error())?;
    Ok(v)
}

/// A zeroed buffer of `n` bytes (at most the size of a buffer the caller has).
fn zeroed(n: usize) -> PyResult<Vec<u8>> {
    let mut v = recv_buffer(n)?;
    v.resize(n, 0);
    Ok(v)
}

/// The length of a writable buffer argument (bytearray or writable memoryview).
fn writable_len(b: &Obj, method: &str) -> PyResult<usize> {
    let ok = b.isa::<crate::types::bytearray::ByteArrayObj>()
        || (b.isa::<crate::types::memoryview::MemoryViewObj>()
            && !crate::ops::is_true(&*crate::ops::getattr_str(b, "readonly")?)?);
    if !ok {
        return Err(PyErr::type_error(format!(
            "{method}() argument 1 must be read-write bytes-like object, not {}",
            b.class().name()
        )));
    }
    crate::ops::len(b)
}

pub fn m_recv(a: Args) -> PyResult {
    let [s, n, flags] = args::parse(a, "recv", &["self", "bufsize", "flags", "/"], 2)?;
    let s = this(s.unwrap_or(none_ref()))?;
    let n = size_arg(n.unwrap_or(none_ref()), "recv")?;
    let flags = flags_arg(flags)?;
    let mut buf = recv_buffer(n)?;
    sock_call(s, false, None, |fd| sys::recv_spare(fd, &mut buf, flags))?;
    Ok(new_bytes(&buf))
}

/// The byte count to read into `b` (`nbytes` 0 means all of it).
fn into_count(b: &Obj, nbytes: Option<&Obj>, method: &str, too_small: &str) -> PyResult<usize> {
    let len = writable_len(b, method)?;
    let n = match nbytes {
        Some(n) => {
            let v = int::expect_i64(n, "ssize_t")?;
            if v < 0 {
                return Err(PyErr::value_error(format!("negative buffersize in {method}")));
            }
            v as usize
        }
        None => 0,
    };
    if n > len {
        return Err(PyErr::value_error(too_small));
    }
    Ok(if n == 0 { len } else { n })
}

pub fn m_recv_into(a: Args) -> PyResult {
    let [s, b, nbytes, flags] = args::parse(a, "recv_into", &["self", "buffer", "nbytes", "flags"], 2)?;
    let s = this(s.unwrap_or(none_ref()))?;
    let b = b.unwrap_or(none_ref());
    let n = into_count(b, nbytes, "recv_into", "buffer too small for requested bytes")?;
    let flags = flags_arg(flags)?;
    let mut buf = zeroed(n)?;
    let got = sock_call(s, false, None, |fd| sys::recv(fd, &mut buf, flags))?;
    crate::modules::io::copy_into(b, &buf[..got])?;
    Ok(int::from_usize(got))
}

pub fn m_recvfrom(a: Args) -> PyResult {
    let [s, n, flags] = args::parse(a, "recvfrom", &["self", "bufsize", "flags", "/"], 2)?;
    let s = this(s.unwrap_or(none_ref()))?;
    let n = size_arg(n.unwrap_or(none_ref()), "recvfrom")?;
    let flags = flags_arg(flags)?;
    let mut buf = recv_buffer(n)?;
    let (_, addr) = sock_call(s, false, None, |fd| sys::recvfrom_spare(fd, &mut buf, flags))?;
    Ok(new_tuple(vec![new_bytes(&buf), make_addr(&addr)?]))
}

pub fn m_recvfrom_into(a: Args) -> PyResult {
    let [s, b, nbytes, flags] = args::parse(a, "recvfrom_into", &["self", "buffer", "nbytes", "flags"], 2)?;
    let s = this(s.unwrap_or(none_ref()))?;
    let b = b.unwrap_or(none_ref());
    let n = into_count(b, nbytes, "recvfrom_into", "nbytes is greater than the length of the buffer")?;
    let flags = flags_arg(flags)?;
    let mut buf = zeroed(n)?;
    let (got, addr) = sock_call(s, false, None, |fd| sys::recvfrom(fd, &mut buf, flags))?;
    crate::modules::io::copy_into(b, &buf[..got])?;
    Ok(new_tuple(vec![int::from_usize(got), make_addr(&addr)?]))
}

pub fn m_send(a: Args) -> PyResult {
    let [s, data, flags] = args::parse(a, "send", &["self", "data", "flags", "/"], 2)?;
    let s = this(s.unwrap_or(none_ref()))?;
    let data = buffer_arg(data.unwrap_or(none_ref()))?;
    let flags = flags_arg(flags)?;
    let n = sock_call(s, true, None, |fd| sys::send(fd, &data, flags))?;
    Ok(int::from_usize(n))
}

pub fn m_sendall(a: Args) -> PyResult {
    let [s, data, flags] = args::parse(a, "sendall", &["self", "data", "flags", "/"], 2)?;
    let s = this(s.unwrap_or(none_ref()))?;
    let data = buffer_arg(data.unwrap_or(none_ref()))?;
    let flags = flags_arg(flags)?;
    // One deadline for the whole transfer.
    let timeout = s.timeout.get();
    let deadline = if timeout > 0.0 { Some(deadline_after(timeout)) } else { None };
    let mut sent = 0;
    while sent < data.len() {
        let rest = &data[sent..];
        sent += sock_call(s, true, deadline, |fd| sys::send(fd, rest, flags))?;
        crate::modules::signal::check_pending()?;
    }
    Ok(crate::types::none())
}

pub fn m_sendto(a: Args) -> PyResult {
    let s = self_of(&a, "sendto")?;
    if a.kwnames.is_some_and(|k| !k.is_empty()) {
        return Err(PyErr::type_error("sendto() takes no keyword arguments"));
    }
    let given = a.nargs.saturating_sub(1);
    let (data, flags, addr) = match given {
        2 => (a.all[1], None, a.all[2]),
        3 => (a.all[1], Some(a.all[2]), a.all[3]),
        n => return Err(PyErr::type_error(format!("sendto() takes 2 or 3 arguments ({n} given)"))),
    };
    let data = buffer_arg(data)?;
    let flags = flags_arg(flags)?;
    let sa = parse_addr(s, addr, "sendto")?;
    let n = sock_call(s, true, None, |fd| sys::sendto(fd, &data, flags, &sa))?;
    Ok(int::from_usize(n))
}

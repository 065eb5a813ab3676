//! The `_sha512` module: SHA-512 (FIPS 180-4), which `random.seed()` uses to
//! turn str and bytes seeds into ints. `_sha512.sha512(data)` objects support
//! `update`, `digest`, `hexdigest` and `copy`.

use crate::object::{Obj, PyCell, PyPayload, PyRef};
use crate::runtime::{PyErr, PyResult};
use crate::types::module::{new_module, ModuleObj};
use crate::types::typeobj::{Args, GetSetDef, MethodDef, TypeObj};
use crate::types::{bytes, int, none, str};
use crate::util::args;

/// Initial hash: the first 64 bits of the fractional parts of the square
/// roots of the first eight primes.
const H0: [u64; 8] = [
    0x6a09e667f3bcc908,
    0xbb67ae8584caa73b,
    0x3c6ef372fe94f82b,
    0xa54ff53a5f1d36f1,
    0x510e527fade682d1,
    0x9b05688c2b3e6c1f,
    0x1f83d9abfb41bd6b,
    0x5be0cd19137e2179,
];

/// Round constants: the first 64 bits of the fractional parts of the cube
/// roots of the first eighty primes.
const K: [u64; 80] = [
    0x428a2f98d728ae22,
    0x7137449123ef65cd,
    0xb5c0fbcfec4d3b2f,
    0xe9b5dba58189dbbc,
    0x3956c25bf348b538,
    0x59f111f1b605d019,
    0x923f82a4af194f9b,
    0xab1c5ed5da6d8118,
    0xd807aa98a3030242,
    0x12835b0145706fbe,
    0x243185be4ee4b28c,
    0x550c7dc3d5ffb4e2,
    0x72be5d74f27b896f,
    0x80deb1fe3b1696b1,
    0x9bdc06a725c71235,
    0xc19bf174cf692694,
    0xe49b69c19ef14ad2,
    0xefbe4786384f25e3,
    0x0fc19dc68b8cd5b5,
    0x240ca1cc77ac9c65,
    0x2de92c6f592b0275,
    0x4a7484aa6ea6e483,
    0x5cb0a9dcbd41fbd4,
    0x76f988da831153b5,
    0x983e5152ee66dfab,
    0xa831c66d2db43210,
    0xb00327c898fb213f,
    0xbf597fc7beef0ee4,
    0xc6e00bf33da88fc2,
    0xd5a79147930aa725,
    0x06ca6351e003826f,
    0x142929670a0e6e70,
    0x27b70a8546d22ffc,
    0x2e1b21385c26c926,
    0x4d2c6dfc5ac42aed,
    0x53380d139d95b3df,
    0x650a73548baf63de,
    0x766a0abb3c77b2a8,
    0x81c2c92e47edaee6,
    0x92722c851482353b,
    0xa2bfe8a14cf10364,
    0xa81a664bbc423001,
    0xc24b8b70d0f89791,
    0xc76c51a30654be30,
    0xd192e819d6ef5218,
    0xd69906245565a910,
    0xf40e35855771202a,
    0x106aa07032bbd1b8,
    0x19a4c116b8d2d0c8,
    0x1e376c085141ab53,
    0x2748774cdf8eeb99,
    0x34b0bcb5e19b48a8,
    0x391c0cb3c5c95a63,
    0x4ed8aa4ae3418acb,
    0x5b9cca4f7763e373,
    0x682e6ff3d6b2b8a3,
    0x748f82ee5defb2fc,
    0x78a5636f43172f60,
    0x84c87814a1f0ab72,
    0x8cc702081a6439ec,
    0x90befffa23631e28,
    0xa4506cebde82bde9,
    0xbef9a3f7b2c67915,
    0xc67178f2e372532b,
    0xca273eceea26619c,
    0xd186b8c721c0c207,
    0xeada7dd6cde0eb1e,
    0xf57d4f7fee6ed178,
    0x06f067aa72176fba,
    0x0a637dc5a2c898a6,
    0x113f9804bef90dae,
    0x1b710b35131c471b,
    0x28db77f523047d84,
    0x32caab7b40c72493,
    0x3c9ebe0a15c9bebc,
    0x431d67c49c100d4c,
    0x4cc5d4becb3e42b6,
    0x597f299cfc657e2a,
    0x5fcb6fab3ad6faec,
    0x6c44198c4a475817,
];

/// An incremental SHA-512 computation.
#[derive(Clone)]
pub struct Sha512 {
    h: [u64; 8],
    block: [u8; 128],
    filled: usize,
    /// Message length in bytes so far.
    len: u128,
}

impl Default for Sha512 {
    fn default() -> Self {
        Sha512 { h: H0, block: [0; 128], filled: 0, len: 0 }
    }
}

impl Sha512 {
    fn compress(&mut self) {
        let mut w = [0u64; 80];
        for (i, chunk) in self.block.chunks_exact(8).enumerate() {
            w[i] = u64::from_be_bytes(chunk.try_into().expect("8 bytes"));
        }
        for t in 16..80 {
            let s0 = w[t - 15].rotate_right(1) ^ w[t - 15].rotate_right(8) ^ (w[t - 15] >> 7);
            let s1 = w[t - 2].rotate_right(19) ^ w[t - 2].rotate_right(61) ^ (w[t - 2] >> 6);
            w[t] = w[t - 16].wrapping_add(s0).wrapping_add(w[t - 7]).wrapping_add(s1);
        }
        let [mut a, mut b, mut c, mut d, mut e, mut f, mut g, mut h] = self.h;
        for t in 0..80 {
            let big_s1 = e.rotate_right(14) ^ e.rotate_right(18) ^ e.rotate_right(41);
            let ch = (e & f) ^ (!e & g);
            let t1 = h.wrapping_add(big_s1).wrapping_add(ch).wrapping_add(K[t]).wrapping_add(w[t]);
            let big_s0 = a.rotate_right(28) ^ a.rotate_right(34) ^ a.rotate_right(39);
            let maj = (a & b) ^ (a & c) ^ (b & c);
            let t2 = big_s0.wrapping_add(maj);
            h = g;
            g = f;
            f = e;
            e = d.wrapping_add(t1);
            d = c;
            c = b;
            b = a;
            a = t1.wrapping_add(t2);
        }
        for (hv, v) in self.h.iter_mut().zip([a, b, c, d, e, f, g, h]) {
            *hv = hv.wrapping_add(v);
        }
    }

    pub fn update(&mut self, mut data: &[u8]) {
        self.len += data.len() as u128;
        while !data.is_empty() {
            let take = (128 - self.filled).min(data.len());
            self.block[self.filled..self.filled + take].copy_from_slice(&data[..take]);
            self.filled += take;
            data = &data[take..];
            if self.filled == 128 {
                self.compress();
                self.filled = 0;
            }
        }
    }

    /// The digest of everything added so far (the state is not consumed).
    pub fn digest(&self) -> [u8; 64] {
        let mut s = self.clone();
        let bit_len = s.len.wrapping_mul(8);
        s.block[s.filled] = 0x80;
        s.filled += 1;
        if s.filled > 112 {
            s.block[s.filled..].fill(0);
            s.compress();
            s.filled = 0;
        }
        s.block[s.filled..112].fill(0);
        s.block[112..].copy_from_slice(&bit_len.to_be_bytes());
        s.compress();
        let mut out = [0u8; 64];
        for (chunk, v) in out.chunks_exact_mut(8).zip(s.h) {
            chunk.copy_from_slice(&v.to_be_bytes());
        }
        out
    }
}

#[repr(C)]
pub struct Sha512Obj {
    pub ob: Obj,
    state: PyCell<Box<Sha512>>,
}

// SAFETY: `#[repr(C)]` starting with `Obj`.
unsafe impl PyPayload for Sha512Obj {
    fn class() -> &'static TypeObj {
        &SHA512_TYPE
    }
}

fn new_hash(state: Sha512) -> PyRef {
    crate::object::alloc::alloc_object(
        &SHA512_TYPE,
        Sha512Obj { ob: Obj::new(&SHA512_TYPE.0), state: PyCell::new(Box::new(state)) },
        0,
    )
}

fn this(o: &Obj) -> &Sha512Obj {
    o.downcast::<Sha512Obj>().expect("sha512")
}

/// The bytes of a bytes-like argument; str is rejected as hashlib does.
fn data_arg(o: &Obj) -> PyResult<Vec<u8>> {
    if o.isa::<str::StrObj>() {
        return Err(PyErr::type_error("Strings must be encoded before hashing"));
    }
    bytes::bytes_of(o).ok_or_else(|| {
        PyErr::type_error(format!("object supporting the buffer API required, not '{}'", o.class().name()))
    })
}

fn f_sha512(a: Args) -> PyResult {
    let [data, _security] = args::parse(a, "sha512", &["string", "*", "usedforsecurity"], 0)?;
    let mut s = Sha512::default();
    if let Some(d) = data {
        s.update(&data_arg(d)?);
    }
    Ok(new_hash(s))
}

fn m_update(a: Args) -> PyResult {
    let [s, data] = args::exact::<2>(a, "update")?;
    let data = data_arg(data)?;
    this(s).state.with_mut(|st| st.update(&data));
    Ok(none())
}

fn m_digest(a: Args) -> PyResult {
    let [s] = args::exact::<1>(a, "digest")?;
    Ok(bytes::new_bytes(&this(s).state.with(|st| st.digest())))
}

fn m_hexdigest(a: Args) -> PyResult {
    let [s] = args::exact::<1>(a, "hexdigest")?;
    let d = this(s).state.with(|st| st.digest());
    Ok(str::from_string(d.iter().map(|b| format!("{b:02x}")).collect()))
}

fn m_copy(a: Args) -> PyResult {
    let [s] = args::exact::<1>(a, "copy")?;
    Ok(new_hash(this(s).state.with(|st| (**st).clone())))
}

fn g_name(_o: &Obj) -> PyResult {
    Ok(str::new_str("sha512"))
}
fn g_digest_size(_o: &Obj) -> PyResult {
    Ok(int::new_int(64))
}
fn g_block_size(_o: &Obj) -> PyResult {
    Ok(int::new_int(128))
}

static METHODS: &[MethodDef] = &[
    MethodDef::method("update", m_update),
    MethodDef::method("digest", m_digest),
    MethodDef::method("hexdigest", m_hexdigest),
    MethodDef::method("copy", m_copy),
];

static GETSETS: &[GetSetDef] = &[
    GetSetDef::getter("name", g_name),
    GetSetDef::getter("digest_size", g_digest_size),
    GetSetDef::getter("block_size", g_block_size),
];

crate::static_type! {
    pub static SHA512_TYPE: Sha512Obj = "sha512" {
        module: "_sha512",
        flags: READY,
        methods: METHODS,
        getsets: GETSETS,
    }
}

static FUNCS: &[MethodDef] = &[MethodDef::method("sha512", f_sha512)];

pub fn init() -> PyResult<PyRef> {
    let m = new_module("_sha512");
    let mo = m.downcast::<ModuleObj>().expect("module");
    mo.add_functions(&m, FUNCS);
    Ok(m)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hex(data: &[u8]) -> String {
        let mut s = Sha512::default();
        s.update(data);
        s.digest().iter().map(|b| format!("{b:02x}")).collect()
    }

    #[test]
    fn known_digests() {
        assert_eq!(
            hex(b"abc"),
            "ddaf35a193617abacc417349ae20413112e6fa4e89a97ea20a9eeee64b55d39a2192992a274fc1a836ba3c23a3feebbd454d4423643ce80e2a9ac94fa54ca49f"
        );
        assert_eq!(
            hex(b""),
            "cf83e1357eefb8bdf1542850d66d8007d620e4050b5715dc83f4a921d36ce9ce47d0d13c5d85f2b0ff8318d2877eec2f63b931bd47417a81a538327af927da3e"
        );
        // Two blocks after padding (112 bytes).
        let long = vec![b'a'; 112];
        assert_eq!(
            hex(&long),
            "c01d080efd492776a1c43bd23dd99d0a2e626d481e16782e75d54c2503b5dc32bd05f0f1ba33e568b88fd2d970929b719ecbb152f58f130a407c8830604b70ca"
        );
        let bytes: Vec<u8> = (0..768).map(|i| (i % 256) as u8).collect();
        assert_eq!(
            hex(&bytes),
            "f1721f49518ee462a3d81def26d81037cd474b4254b85ad7c8f1509594d0177bbb996ee9625813852bacac108c2a72c83a8587050fec1dcda64730d6470953e6"
        );
        let mut split = Sha512::default();
        split.update(&long[..50]);
        split.update(&long[50..]);
        assert_eq!(split.digest(), {
            let mut s = Sha512::default();
            s.update(&long);
            s.digest()
        });
    }
}

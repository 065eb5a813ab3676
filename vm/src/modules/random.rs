//! The `_random` module: `_random.Random`, the Mersenne Twister (MT19937)
//! with CPython's seeding (`init_by_array` over the 32-bit words of the
//! seed's absolute value), 53-bit `random()`, `getrandbits(k)` and the
//! 625-tuple state format, so seeded sequences equal CPython's.

use num_bigint::{BigInt, Sign};
use num_traits::Signed;

use crate::object::{Obj, PyCell, PyPayload, PyRef};
use crate::ops;
use crate::runtime::{PyErr, PyResult};
use crate::types::float::new_float;
use crate::types::int::{self, IntObj};
use crate::types::module::{new_module, ModuleObj};
use crate::types::none;
use crate::types::tuple::{new_tuple, TupleObj};
use crate::types::typeobj::{Args, MethodDef, TypeObj};
use crate::util::args;

const N: usize = 624;
const M: usize = 397;
const MATRIX_A: u32 = 0x9908_b0df;
const UPPER_MASK: u32 = 0x8000_0000;
const LOWER_MASK: u32 = 0x7fff_ffff;

/// MT19937 state.
#[derive(Clone)]
pub struct Mt {
    state: [u32; N],
    index: usize,
}

impl Default for Mt {
    fn default() -> Self {
        let mut mt = Mt { state: [0; N], index: N };
        mt.init_genrand(19_650_218);
        mt
    }
}

impl Mt {
    fn init_genrand(&mut self, seed: u32) {
        self.state[0] = seed;
        for i in 1..N {
            let prev = self.state[i - 1];
            self.state[i] = 1_812_433_253u32.wrapping_mul(prev ^ (prev >> 30)).wrapping_add(i as u32);
        }
        self.index = N;
    }

    /// Seeds from a key of 32-bit words (least significant first).
    pub fn init_by_array(&mut self, key: &[u32]) {
        self.init_genrand(19_650_218);
        let mt = &mut self.state;
        let (mut i, mut j) = (1usize, 0usize);
        let len = key.len().max(1);
        for _ in 0..N.max(len) {
            let prev = mt[i - 1];
            let k = key.get(j).copied().unwrap_or(0);
            mt[i] = (mt[i] ^ (prev ^ (prev >> 30)).wrapping_mul(1_664_525)).wrapping_add(k).wrapping_add(j as u32);
            i += 1;
            j += 1;
            if i >= N {
                mt[0] = mt[N - 1];
                i = 1;
            }
            if j >= len {
                j = 0;
            }
        }
        for _ in 0..N - 1 {
            let prev = mt[i - 1];
            mt[i] = (mt[i] ^ (prev ^ (prev >> 30)).wrapping_mul(1_566_083_941)).wrapping_sub(i as u32);
            i += 1;
            if i >= N {
                mt[0] = mt[N - 1];
                i = 1;
            }
        }
        // The most significant bit is 1: a non-zero initial array.
        mt[0] = 0x8000_0000;
    }

    fn twist(&mut self) {
        let mt = &mut self.state;
        let mag = |y: u32| if y & 1 == 1 { MATRIX_A } else { 0 };
        for k in 0..N {
            let y = (mt[k] & UPPER_MASK) | (mt[(k + 1) % N] & LOWER_MASK);
            mt[k] = mt[(k + M) % N] ^ (y >> 1) ^ mag(y);
        }
        self.index = 0;
    }

    /// The next 32 random bits.
    pub fn next_u32(&mut self) -> u32 {
        if self.index >= N {
            self.twist();
        }
        let mut y = self.state[self.index];
        self.index += 1;
        y ^= y >> 11;
        y ^= (y << 7) & 0x9d2c_5680;
        y ^= (y << 15) & 0xefc6_0000;
        y ^ (y >> 18)
    }

    /// A float in [0, 1) with 53 random bits.
    pub fn random(&mut self) -> f64 {
        let a = (self.next_u32() >> 5) as f64;
        let b = (self.next_u32() >> 6) as f64;
        (a * 67_108_864.0 + b) * (1.0 / 9_007_199_254_740_992.0)
    }

    /// `k` random bits as 32-bit words, least significant first; the last
    /// word keeps the high bits of its draw.
    pub fn getrandbits_words(&mut self, k: u64) -> Vec<u32> {
        let words = k.div_ceil(32) as usize;
        let mut out = Vec::with_capacity(words);
        let mut left = k;
        for _ in 0..words {
            let mut r = self.next_u32();
            if left < 32 {
                r >>= 32 - left;
            }
            out.push(r);
            left = left.saturating_sub(32);
        }
        out
    }
}

#[repr(C)]
pub struct RandomObj {
    pub ob: Obj,
    mt: PyCell<Box<Mt>>,
}

// SAFETY: `#[repr(C)]` starting with `Obj`; subclasses share the layout.
unsafe impl PyPayload for RandomObj {
    fn class() -> &'static TypeObj {
        &RANDOM_TYPE
    }
}

fn this(o: &Obj) -> PyResult<&RandomObj> {
    o.downcast::<RandomObj>().ok_or_else(|| PyErr::type_error("descriptor requires a '_random.Random' object"))
}

/// 624 words from the OS, or from the time and pid if that fails.
fn os_seed_key() -> Vec<u32> {
    use std::io::Read;
    let mut buf = [0u8; N * 4];
    let ok = std::fs::File::open("/dev/urandom").and_then(|mut f| f.read_exact(&mut buf)).is_ok();
    if ok {
        return buf.chunks_exact(4).map(|c| u32::from_le_bytes([c[0], c[1], c[2], c[3]])).collect();
    }
    let now = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap_or_default();
    let ns = now.as_nanos();
    vec![ns as u32, (ns >> 32) as u32, std::process::id(), (ns >> 64) as u32]
}

/// The seeding key of `_random.Random.seed(arg)`: the 32-bit words of
/// `abs(arg)` for ints, of `hash(arg)` (as unsigned) otherwise.
fn seed_key(arg: &Obj) -> PyResult<Vec<u32>> {
    let n: BigInt =
        if let Some(i) = arg.downcast::<IntObj>() { i.to_bigint().abs() } else { BigInt::from(ops::hash(arg)? as u64) };
    let mut key = n.to_u32_digits().1;
    if key.is_empty() {
        key.push(0);
    }
    Ok(key)
}

fn seed_with(r: &RandomObj, arg: Option<&Obj>) -> PyResult<()> {
    let key = match arg.filter(|a| !a.is_none()) {
        None => os_seed_key(),
        Some(a) => seed_key(a)?,
    };
    r.mt.with_mut(|mt| mt.init_by_array(&key));
    Ok(())
}

fn random_new(ty: &TypeObj, _a: Args) -> PyResult {
    Ok(crate::object::alloc::alloc_object(ty, RandomObj { ob: Obj::new(ty), mt: PyCell::new(Box::default()) }, 0))
}

fn random_init(o: &Obj, a: Args) -> PyResult<()> {
    if a.kwnames.is_some_and(|k| !k.is_empty()) && o.class().is(&RANDOM_TYPE) {
        return Err(PyErr::type_error("Random() takes no keyword arguments"));
    }
    if a.nargs > 1 {
        return Err(PyErr::type_error("Random() requires 0 or 1 argument"));
    }
    seed_with(this(o)?, a.all[..a.nargs].first().copied())
}

fn m_seed(a: Args) -> PyResult {
    let [s, n] = args::parse(a, "seed", &["self", "n", "/"], 1)?;
    seed_with(this(s.expect("self"))?, n)?;
    Ok(none())
}

fn m_random(a: Args) -> PyResult {
    let [s] = args::exact::<1>(a, "random")?;
    Ok(new_float(this(s)?.mt.with_mut(|mt| mt.random())))
}

fn m_getrandbits(a: Args) -> PyResult {
    let [s, k] = args::exact::<2>(a, "getrandbits")?;
    let k = int::expect_i64(k, "int")?;
    if k < 0 {
        return Err(PyErr::value_error("number of bits must be non-negative"));
    }
    if k > i32::MAX as i64 {
        return Err(PyErr::overflow_error("Python int too large to convert to C int"));
    }
    let r = this(s)?;
    if k == 0 {
        return Ok(int::new_int(0));
    }
    if k <= 32 {
        return Ok(int::new_int((r.mt.with_mut(|mt| mt.next_u32()) >> (32 - k)) as i64));
    }
    let words = r.mt.with_mut(|mt| mt.getrandbits_words(k as u64));
    Ok(int::from_bigint(BigInt::from_slice(Sign::Plus, &words)))
}

fn m_getstate(a: Args) -> PyResult {
    let [s] = args::exact::<1>(a, "getstate")?;
    let mt = this(s)?.mt.with(|mt| (**mt).clone());
    let mut items: Vec<PyRef> = mt.state.iter().map(|w| int::new_int(*w as i64)).collect();
    items.push(int::from_usize(mt.index));
    Ok(new_tuple(items))
}

fn m_setstate(a: Args) -> PyResult {
    let [s, state] = args::exact::<2>(a, "setstate")?;
    let r = this(s)?;
    let t = state.downcast::<TupleObj>().ok_or_else(|| PyErr::type_error("state vector must be a tuple"))?;
    let items = t.as_slice();
    if items.len() != N + 1 {
        return Err(PyErr::value_error("state vector is the wrong size"));
    }
    let mut mt = Mt { state: [0; N], index: 0 };
    for (slot, item) in mt.state.iter_mut().zip(items) {
        *slot = unsigned_long(item)? as u32;
    }
    let index = signed_long(&items[N])?;
    if !(0..=N as i64).contains(&index) {
        return Err(PyErr::value_error("invalid state"));
    }
    mt.index = index as usize;
    r.mt.with_mut(|m| **m = mt);
    Ok(none())
}

/// `PyLong_AsUnsignedLong`.
fn unsigned_long(o: &Obj) -> PyResult<u64> {
    let i = o.downcast::<IntObj>().ok_or_else(|| PyErr::type_error("an integer is required"))?;
    if i.is_negative() {
        return Err(PyErr::overflow_error("can't convert negative value to unsigned int"));
    }
    use num_traits::ToPrimitive;
    i.to_bigint().to_u64().ok_or_else(|| PyErr::overflow_error("Python int too large to convert to C unsigned long"))
}

/// `PyLong_AsLong`.
fn signed_long(o: &Obj) -> PyResult<i64> {
    let i = o.downcast::<IntObj>().ok_or_else(|| PyErr::type_error("an integer is required"))?;
    i.as_i64().ok_or_else(|| PyErr::overflow_error("Python int too large to convert to C long"))
}

static METHODS: &[MethodDef] = &[
    MethodDef::method("random", m_random),
    MethodDef::method("seed", m_seed),
    MethodDef::method("getstate", m_getstate),
    MethodDef::method("setstate", m_setstate),
    MethodDef::method("getrandbits", m_getrandbits),
];

crate::static_type! {
    pub static RANDOM_TYPE: RandomObj = "Random" {
        module: "_random",
        flags: BASETYPE,
        doc: "Random() -> create a random number generator with its own internal state.",
        methods: METHODS,
        slots: { new: random_new, init: random_init },
    }
}

pub fn init() -> PyResult<PyRef> {
    let m = new_module("_random");
    let mo = m.downcast::<ModuleObj>().expect("module");
    mo.set_attr("Random", RANDOM_TYPE.as_obj_ref().to_owned());
    Ok(m)
}

#[cfg(test)]
mod tests {
    use super::*;

    // Values printed by CPython 3.11: random.seed(12345); random.random() ...
    #[test]
    fn matches_cpython_sequences() {
        let mut mt = Mt::default();
        mt.init_by_array(&[12345]);
        assert_eq!(mt.random(), 0.41661987254534116);
        assert_eq!(mt.random(), 0.010169169457068361);
        let mut mt = Mt::default();
        mt.init_by_array(&[0]);
        assert_eq!(mt.random(), 0.8444218515250481);
        let mut mt = Mt::default();
        mt.init_by_array(&[42]);
        assert_eq!(mt.random(), 0.6394267984578837);
    }

    #[test]
    fn mt19937_reference_output() {
        // The reference implementation's init_by_array({0x123, 0x234, 0x345, 0x456}).
        let mut mt = Mt::default();
        mt.init_by_array(&[0x123, 0x234, 0x345, 0x456]);
        let first: Vec<u32> = (0..5).map(|_| mt.next_u32()).collect();
        assert_eq!(first, vec![1067595299, 955945823, 477289528, 4107218783, 4228976476]);
    }
}

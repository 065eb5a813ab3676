//! SipHash-1-3, the hash CPython 3.11 uses for str and bytes. Ember uses the same
//! function, input encoding and key derivation, so with the same
//! `PYTHONHASHSEED` string hashes (and thus set iteration orders) match CPython's.

use std::cell::Cell;

use crate::object::Static;

static KEY: Static<Cell<(u64, u64)>> = Static(Cell::new((0, 0)));

/// Sets the hash key from `PYTHONHASHSEED` semantics: `Some(0)` disables
/// randomisation (zero key), `Some(n)` derives the key from `n` with CPython's LCG,
/// `None` uses random bytes.
pub fn init_key(seed: Option<u32>) {
    let mut bytes = [0u8; 16];
    match seed {
        Some(0) => {}
        Some(n) => {
            let mut x = n;
            for b in bytes.iter_mut() {
                x = x.wrapping_mul(214013).wrapping_add(2531011);
                *b = ((x >> 16) & 0xff) as u8;
            }
        }
        None => {
            if let Ok(mut f) = std::fs::File::open("/dev/urandom") {
                use std::io::Read;
                let _ = f.read_exact(&mut bytes);
            }
        }
    }
    let k0 = u64::from_le_bytes(bytes[0..8].try_into().unwrap_or_default());
    let k1 = u64::from_le_bytes(bytes[8..16].try_into().unwrap_or_default());
    KEY.set((k0, k1));
}

#[inline(always)]
fn round(v0: &mut u64, v1: &mut u64, v2: &mut u64, v3: &mut u64) {
    *v0 = v0.wrapping_add(*v1);
    *v1 = v1.rotate_left(13);
    *v1 ^= *v0;
    *v0 = v0.rotate_left(32);
    *v2 = v2.wrapping_add(*v3);
    *v3 = v3.rotate_left(16);
    *v3 ^= *v2;
    *v0 = v0.wrapping_add(*v3);
    *v3 = v3.rotate_left(21);
    *v3 ^= *v0;
    *v2 = v2.wrapping_add(*v1);
    *v1 = v1.rotate_left(17);
    *v1 ^= *v2;
    *v2 = v2.rotate_left(32);
}

/// Hashes a byte string fed by `feed`, which writes `len` bytes through the sink.
fn siphash13_stream(len: usize, feed: impl FnOnce(&mut dyn FnMut(u8))) -> u64 {
    let (k0, k1) = KEY.get();
    let mut v0 = k0 ^ 0x736f6d6570736575;
    let mut v1 = k1 ^ 0x646f72616e646f6d;
    let mut v2 = k0 ^ 0x6c7967656e657261;
    let mut v3 = k1 ^ 0x7465646279746573;
    let mut word = 0u64;
    let mut n = 0usize;
    let mut sink = |b: u8| {
        word |= u64::from(b) << (8 * (n % 8));
        n += 1;
        if n.is_multiple_of(8) {
            v3 ^= word;
            round(&mut v0, &mut v1, &mut v2, &mut v3);
            v0 ^= word;
            word = 0;
        }
    };
    feed(&mut sink);
    let b = ((len as u64) << 56) | word;
    v3 ^= b;
    round(&mut v0, &mut v1, &mut v2, &mut v3);
    v0 ^= b;
    v2 ^= 0xff;
    round(&mut v0, &mut v1, &mut v2, &mut v3);
    round(&mut v0, &mut v1, &mut v2, &mut v3);
    round(&mut v0, &mut v1, &mut v2, &mut v3);
    v0 ^ v1 ^ v2 ^ v3
}

fn finish(x: u64) -> i64 {
    let x = x as i64;
    if x == -1 {
        -2
    } else {
        x
    }
}

/// `hash(bytes)`.
pub fn hash_bytes(data: &[u8]) -> i64 {
    if data.is_empty() {
        return 0;
    }
    finish(siphash13_stream(data.len(), |sink| data.iter().for_each(|b| sink(*b))))
}

/// `hash(str)`: hashes the characters at the width CPython stores them (1, 2 or
/// 4 bytes each, little-endian), chosen by the largest code point.
pub fn hash_str(s: &str, ascii: bool) -> i64 {
    if s.is_empty() {
        return 0;
    }
    if ascii {
        return hash_bytes(s.as_bytes());
    }
    let max = s.chars().map(|c| c as u32).max().unwrap_or(0);
    let width = if max < 256 {
        1
    } else if max < 0x10000 {
        2
    } else {
        4
    };
    let nchars = s.chars().count();
    finish(siphash13_stream(nchars * width, |sink| {
        for c in s.chars() {
            let v = c as u32;
            for i in 0..width {
                sink((v >> (8 * i)) as u8);
            }
        }
    }))
}

#[cfg(test)]
mod tests {
    use super::*;

    // Values printed by CPython 3.11 with PYTHONHASHSEED=0 (and 1 for the last).
    #[test]
    fn matches_cpython() {
        let _g = crate::test_lock();
        init_key(Some(0));
        assert_eq!(hash_str("abc", true), -4594863902769663758);
        assert_eq!(hash_str("", true), 0);
        assert_eq!(hash_str("é", false), 6047309291227476195);
        assert_eq!(hash_str("€", false), -5529981157763016009);
        assert_eq!(hash_str("😀", false), -3536540696076613844);
        assert_eq!(hash_bytes(b"abc"), -4594863902769663758);
        assert_eq!(hash_str(&"a".repeat(20), true), 3291541819775287794);
        init_key(Some(1));
        assert_eq!(hash_str("abc", true), -4667308735975688587);
        init_key(Some(0));
    }
}

//! `dict`: CPython's compact, insertion-ordered layout (an index table of
//! `u32` into a dense entry vector).
//!
//! **Invariant:** every mutation gives the dict a fresh `version` from a global
//! counter, so `(dict, version)` identifies its contents; the interpreter's
//! global-name caches rely on it.
//!
//! Lookups compare keys natively when the outcome is known without Python code
//! (identity, exact str/int/float keys). Otherwise the borrow is released, the
//! key's `__eq__` runs, and the lookup restarts if the index was rebuilt or
//! the compared entry changed meanwhile (CPython's rule: restarting on any
//! change would loop forever when `__eq__` itself uses the dict).

use std::cell::Cell;

use crate::object::{AsObj, Obj, PyCell, PyPayload, PyRef, Static};
use crate::ops;
use crate::runtime::PyResult;
use crate::types::float::FloatObj;
use crate::types::int::{self, IntObj};
use crate::types::str::StrObj;
use crate::types::typeobj::{flags, TypeObj};

const EMPTY: u32 = u32::MAX;
const DUMMY: u32 = u32::MAX - 1;
const MIN_SIZE: usize = 8;

#[derive(Clone)]
pub(crate) struct Entry {
    pub(crate) hash: i64,
    /// None marks a deleted entry.
    pub(crate) key: Option<PyRef>,
    pub(crate) value: Option<PyRef>,
}

/// What a probe for a str key found (see `Table::find_str_or_other`).
enum StrProbe {
    Found(usize),
    Missing,
    Other,
}

#[derive(Default)]
pub(crate) struct Table {
    indices: Vec<u32>,
    pub(crate) entries: crate::types::dict_entries::Entries,
    used: usize,
    /// Inserts left before a resize. Deletions never give slots back, so live
    /// plus deleted slots stay below 2/3 of the index and probes always end.
    usable_left: usize,
    /// Changes whenever the index is rebuilt, so a lookup that ran Python
    /// code can tell whether its probe positions still mean anything.
    generation: u64,
    /// Bit `hash % 64` is set for the hash of every key inserted since the
    /// last rebuild of the index (deleted keys may leave bits set): a key
    /// whose bit is clear is certainly absent, whatever its type.
    hash_bits: u64,
}

fn hash_bit(hash: i64) -> u64 {
    1u64 << (hash as u64 & 63)
}

/// A fresh index generation (process-wide counter).
fn next_generation() -> u64 {
    static GENERATION: Static<Cell<u64>> = Static(Cell::new(0));
    let g = GENERATION.get() + 1;
    GENERATION.set(g);
    g
}

impl Table {
    fn mask(&self) -> usize {
        self.indices.len().wrapping_sub(1)
    }

    /// Rebuilds the index for at least `min_used` live entries, compacting.
    fn resize(&mut self, min_used: usize) {
        let mut size = MIN_SIZE;
        while size * 2 / 3 <= min_used {
            size *= 2;
        }
        self.entries.retain(|e| e.key.is_some());
        self.indices = vec![EMPTY; size];
        self.generation = next_generation();
        self.hash_bits = self.entries.iter().fold(0, |bits, e| bits | hash_bit(e.hash));
        let mask = size - 1;
        for (ix, e) in self.entries.iter().enumerate() {
            let mut i = (e.hash as usize) & mask;
            let mut perturb = e.hash as u64;
            while self.indices[i] != EMPTY {
                perturb >>= 5;
                i = (i.wrapping_mul(5).wrapping_add(perturb as usize).wrapping_add(1)) & mask;
            }
            self.indices[i] = ix as u32;
        }
        self.usable_left = size * 2 / 3 - self.entries.len();
        // Room for every insert before the next resize, in one allocation.
        self.entries.reserve_exact(self.usable_left);
    }

    /// Slot for a new entry with `hash` (first EMPTY or DUMMY in the probe order).
    fn free_slot(&self, hash: i64) -> usize {
        let mask = self.mask();
        let mut i = (hash as usize) & mask;
        let mut perturb = hash as u64;
        while self.indices[i] < DUMMY {
            perturb >>= 5;
            i = (i.wrapping_mul(5).wrapping_add(perturb as usize).wrapping_add(1)) & mask;
        }
        i
    }

    /// Entry index of the str `key` (non-str keys never match).
    #[inline]
    fn find_str(&self, key: &StrObj) -> Option<usize> {
        match self.probe_str(key, key.hash_value(), false) {
            StrProbe::Found(ix) => Some(ix),
            StrProbe::Missing | StrProbe::Other => None,
        }
    }

    /// Where str `key` is, or that it is missing, or that a key of another
    /// type with the same hash makes the answer depend on that key's `__eq__`.
    fn find_str_or_other(&self, key: &StrObj, hash: i64) -> StrProbe {
        self.probe_str(key, hash, true)
    }

    /// The probe behind both: str keys (subclasses included) compare by
    /// text; with `stop_at_other`, a key that is not an exact str and has
    /// `key`'s hash ends the probe (`Other`), else it is skipped.
    #[inline]
    fn probe_str(&self, key: &StrObj, hash: i64, stop_at_other: bool) -> StrProbe {
        if self.indices.is_empty() || self.hash_bits & hash_bit(hash) == 0 {
            return StrProbe::Missing;
        }
        let mask = self.mask();
        let mut i = (hash as usize) & mask;
        let mut perturb = hash as u64;
        loop {
            let ix = self.indices[i];
            if ix == EMPTY {
                return StrProbe::Missing;
            }
            if ix != DUMMY {
                let e = &self.entries[ix as usize];
                if e.hash == hash {
                    if let Some(k) = &e.key {
                        if k.is(key.as_obj()) {
                            return StrProbe::Found(ix as usize);
                        }
                        if stop_at_other && k.downcast_exact::<StrObj>().is_none() {
                            return StrProbe::Other;
                        }
                        if k.downcast::<StrObj>().is_some_and(|k| k.eq_str(key)) {
                            return StrProbe::Found(ix as usize);
                        }
                    }
                }
            }
            perturb >>= 5;
            i = (i.wrapping_mul(5).wrapping_add(perturb as usize).wrapping_add(1)) & mask;
        }
    }

    /// The value of str `key` after a hint miss, pointing `hint` at its entry.
    #[cold]
    #[inline(never)]
    fn find_str_hinting(&self, key: &StrObj, hint: &Cell<u32>) -> Option<PyRef> {
        let ix = self.find_str(key)?;
        hint.set(ix as u32);
        self.entries[ix].value.clone()
    }

    fn insert_new(&mut self, hash: i64, key: PyRef, value: PyRef) {
        if self.usable_left == 0 {
            self.resize(self.used * 3);
        }
        self.usable_left -= 1;
        let slot = self.free_slot(hash);
        self.indices[slot] = self.entries.len() as u32;
        self.entries.push(Entry { hash, key: Some(key), value: Some(value) });
        self.hash_bits |= hash_bit(hash);
        self.used += 1;
    }
}

#[repr(C)]
pub struct DictObj {
    pub ob: Obj,
    version: Cell<u64>,
    pub(crate) table: PyCell<Table>,
}

/// Byte offset of the version word.
pub const OFFSET_DICT_VERSION: usize = 16;
/// Byte offsets, from a dict, of its table's borrow flag, of the table's
/// entry view (see `dict_entries`) and of its 64-bit hash summary (bit
/// `hash % 64` set for every key's hash since the last rebuild): compiled
/// attribute caches read them while the flag is not negative.
pub const OFFSET_TABLE_BORROW: usize = std::mem::offset_of!(DictObj, table) + PyCell::<Table>::BORROW_OFFSET;
pub const OFFSET_ENTRIES: usize =
    std::mem::offset_of!(DictObj, table) + PyCell::<Table>::VALUE_OFFSET + std::mem::offset_of!(Table, entries);
pub const OFFSET_HASH_BITS: usize =
    std::mem::offset_of!(DictObj, table) + PyCell::<Table>::VALUE_OFFSET + std::mem::offset_of!(Table, hash_bits);

/// The bit of a hash in the summary at [`OFFSET_HASH_BITS`].
pub fn hash_summary_bit(hash: i64) -> u64 {
    hash_bit(hash)
}

// SAFETY: `DictObj` is `#[repr(C)]` starting with `Obj`; subclasses share it.
unsafe impl PyPayload for DictObj {
    fn class() -> &'static TypeObj {
        &crate::types::dict_type::DICT_TYPE
    }
    const SUBCLASS_FLAG: u64 = flags::DICT_SUBCLASS;
}

static NEXT_DICT_VERSION: Static<Cell<u64>> = Static(Cell::new(1));

#[inline]
/// The address of the counter dict versions come from (a `u64`: a dict
/// changed by compiled code takes its value as its new version and
/// increments it, as `next_version` does).
pub fn version_counter_addr() -> usize {
    &NEXT_DICT_VERSION.0 as *const Cell<u64> as usize
}

fn next_version() -> u64 {
    let v = NEXT_DICT_VERSION.get();
    NEXT_DICT_VERSION.set(v + 1);
    v
}

/// Outcome of comparing two keys without running Python code.
#[inline]
fn keys_equal_fast(a: &Obj, b: &Obj) -> Option<bool> {
    if a.is(b) {
        return Some(true);
    }
    let (ta, tb) = (a.class(), b.class());
    let str_t = &crate::types::str::STR_TYPE;
    let int_t = &int::INT_TYPE;
    if ta.is(str_t) && tb.is(str_t) {
        let (x, y) = (a.downcast_exact::<StrObj>()?, b.downcast_exact::<StrObj>()?);
        return Some(x.eq_str(y));
    }
    if ta.is(int_t) && tb.is(int_t) {
        let (x, y) = (a.downcast_exact::<IntObj>()?, b.downcast_exact::<IntObj>()?);
        return Some(int::cmp_vals(x.val(), y.val()).is_eq());
    }
    if ta.is(&crate::types::float::FLOAT_TYPE) && tb.is(&crate::types::float::FLOAT_TYPE) {
        return Some(a.downcast_exact::<FloatObj>()?.value() == b.downcast_exact::<FloatObj>()?.value());
    }
    if (ta.is(str_t) && tb.is(int_t)) || (ta.is(int_t) && tb.is(str_t)) {
        return Some(false);
    }
    None
}

enum Step {
    Empty,
    Skip,
    Found(usize, usize),
    Slow(usize, usize, PyRef),
}

/// Where a key is (or would go).
enum Probe {
    Found { slot: usize, ix: usize },
    Missing,
}

impl DictObj {
    pub fn new_empty(ty: &TypeObj) -> PyRef {
        crate::object::alloc::alloc_object(
            ty,
            DictObj { ob: Obj::new(ty), version: Cell::new(next_version()), table: PyCell::new(Table::default()) },
            0,
        )
    }

    /// The version tag (changes on every mutation).
    #[inline(always)]
    pub fn version(&self) -> u64 {
        self.version.get()
    }

    #[inline]
    fn bump(&self) {
        self.version.set(next_version());
    }

    #[inline]
    pub fn len(&self) -> usize {
        self.table.with(|t| t.used)
    }

    #[inline]
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    fn probe(&self, key: &Obj, hash: i64) -> PyResult<Probe> {
        'restart: loop {
            let (mask, empty, generation) = self.table.with(|t| (t.mask(), t.indices.is_empty(), t.generation));
            if empty {
                return Ok(Probe::Missing);
            }
            let mut i = (hash as usize) & mask;
            let mut perturb = hash as u64;
            loop {
                let step = self.table.with(|t| {
                    let ix = t.indices[i];
                    if ix == EMPTY {
                        return Step::Empty;
                    }
                    if ix == DUMMY {
                        return Step::Skip;
                    }
                    let e = &t.entries[ix as usize];
                    if e.hash != hash {
                        return Step::Skip;
                    }
                    let Some(k) = e.key.as_ref() else { return Step::Skip };
                    match keys_equal_fast(k, key) {
                        Some(true) => Step::Found(i, ix as usize),
                        Some(false) => Step::Skip,
                        None => Step::Slow(i, ix as usize, k.clone()),
                    }
                });
                match step {
                    Step::Empty => return Ok(Probe::Missing),
                    Step::Found(slot, ix) => return Ok(Probe::Found { slot, ix }),
                    Step::Skip => {}
                    Step::Slow(slot, ix, k) => {
                        let eq = ops::eq_bool(&k, key)?;
                        // As in CPython, `__eq__` may have changed the dict:
                        // the probe goes on unless the index was rebuilt or
                        // the compared entry no longer holds that key (other
                        // changes only fill empty slots or mark deleted ones).
                        let intact = self.table.with(|t| {
                            t.generation == generation
                                && t.indices.get(slot) == Some(&(ix as u32))
                                && t.entries.get(ix).and_then(|e| e.key.as_ref()).is_some_and(|kk| kk.is(&k))
                        });
                        if !intact {
                            continue 'restart;
                        }
                        if eq {
                            return Ok(Probe::Found { slot, ix });
                        }
                    }
                }
                perturb >>= 5;
                i = (i.wrapping_mul(5).wrapping_add(perturb as usize).wrapping_add(1)) & mask;
            }
        }
    }

    /// `self[key]` if present (hashing the key may raise).
    pub fn get_item(&self, key: &Obj) -> PyResult<Option<PyRef>> {
        let hash = ops::hash(key)?;
        self.get_item_hashed(key, hash)
    }

    pub fn get_item_hashed(&self, key: &Obj, hash: i64) -> PyResult<Option<PyRef>> {
        match self.probe(key, hash)? {
            Probe::Found { ix, .. } => Ok(self.table.with(|t| t.entries[ix].value.clone())),
            Probe::Missing => Ok(None),
        }
    }

    /// Lookup by a str key; never runs Python code (non-str keys never match).
    #[inline]
    pub fn get_str(&self, key: &StrObj) -> Option<PyRef> {
        self.table.with(|t| t.find_str(key).and_then(|ix| t.entries[ix].value.clone()))
    }

    /// Whether a str key is present; never runs Python code.
    #[inline]
    pub fn contains_str(&self, key: &StrObj) -> bool {
        self.table.with(|t| {
            // Most misses end at the first probe (or the hash summary).
            let hash = key.hash_value();
            let first = t.indices.get((hash as usize) & t.mask());
            first.is_some_and(|&ix| ix != EMPTY) && matches!(t.probe_str(key, hash, false), StrProbe::Found(_))
        })
    }

    /// [`DictObj::get_str`] trying entry `hint` first (an attribute cache's
    /// guess, by key identity) and updating it on a hit elsewhere.
    #[inline]
    pub fn get_str_hinted(&self, key: &StrObj, hint: &Cell<u32>) -> Option<PyRef> {
        self.table.with(|t| {
            if let Some(Entry { key: Some(k), value, .. }) = t.entries.get(hint.get() as usize) {
                if k.is(key.as_obj()) {
                    return value.clone();
                }
            }
            t.find_str_hinting(key, hint)
        })
    }

    /// `self[key] = value` for a str key, trying entry `hint` first (see
    /// [`DictObj::get_str_hinted`]).
    #[inline]
    pub fn set_str_hinted(&self, key: &StrObj, value: PyRef, hint: &Cell<u32>) {
        let replaced = self.table.with_mut(|t| match t.entries.get_mut(hint.get() as usize) {
            Some(Entry { key: Some(k), value: slot, .. }) if k.is(key.as_obj()) => Ok(slot.replace(value)),
            _ => Err(value),
        });
        match replaced {
            Ok(old) => {
                self.bump();
                drop(old);
            }
            Err(value) => self.set_str_hinting(key, value, hint),
        }
    }

    /// [`DictObj::set_str_hinted`] after a hint miss: one probe finds the
    /// entry or where the new one goes, and `hint` learns its index.
    #[inline(never)]
    fn set_str_hinting(&self, key: &StrObj, value: PyRef, hint: &Cell<u32>) {
        let hash = key.hash_value();
        let found = self.table.with(|t| t.find_str_or_other(key, hash));
        let old = match found {
            StrProbe::Found(ix) => self.table.with_mut(|t| {
                hint.set(ix as u32);
                t.entries[ix].value.replace(value)
            }),
            StrProbe::Missing => self.table.with_mut(|t| {
                t.insert_new(hash, key.to_ref(), value);
                hint.set((t.entries.len() - 1) as u32);
                None
            }),
            StrProbe::Other => {
                // A key of another type hashes like `key`: the full protocol decides.
                self.set_str(key.as_obj(), value);
                if let Some(ix) = self.table.with(|t| t.find_str(key)) {
                    hint.set(ix as u32);
                }
                return;
            }
        };
        self.bump();
        drop(old);
    }

    /// Lookup by a Rust string.
    pub fn get_by_str(&self, key: &str) -> Option<PyRef> {
        let k = crate::types::str::intern(key);
        self.get_str(k.downcast::<StrObj>()?)
    }

    /// `self[key] = value`.
    pub fn set_item(&self, key: &Obj, value: PyRef) -> PyResult<()> {
        let hash = ops::hash(key)?;
        self.set_item_hashed(key, hash, value)
    }

    pub fn set_item_hashed(&self, key: &Obj, hash: i64, value: PyRef) -> PyResult<()> {
        let probe = self.probe(key, hash)?;
        let old = self.table.with_mut(|t| match probe {
            Probe::Found { ix, .. } => t.entries[ix].value.replace(value),
            Probe::Missing => {
                t.insert_new(hash, key.to_owned(), value);
                None
            }
        });
        self.bump();
        drop(old);
        Ok(())
    }

    /// `self[key] = value` for a str key (never raises).
    pub fn set_str(&self, key: &Obj, value: PyRef) {
        let s = key.downcast::<StrObj>().expect("str key");
        let hash = s.hash_value();
        // A str key's hash and equality never run Python code against str entries;
        // entries of other types with equal hashes are compared natively or skipped.
        if self.set_item_hashed(key, hash, value).is_err() {
            // Only reachable when a non-str key's __eq__ raised; ignore like CPython's
            // internal setters do for identifiers.
        }
    }

    /// Sets `key` (a Rust string, interned) to `value`.
    pub fn set_by_str(&self, key: &str, value: PyRef) {
        let k = crate::types::str::intern(key);
        self.set_str(&k, value);
    }

    /// Removes `key`, returning its value if it was present.
    pub fn del_item(&self, key: &Obj) -> PyResult<Option<PyRef>> {
        let hash = ops::hash(key)?;
        self.del_item_hashed(key, hash)
    }

    pub fn del_item_hashed(&self, key: &Obj, hash: i64) -> PyResult<Option<PyRef>> {
        match self.probe(key, hash)? {
            Probe::Missing => Ok(None),
            Probe::Found { slot, ix } => {
                let (k, v) = self.table.with_mut(|t| {
                    t.indices[slot] = DUMMY;
                    t.used -= 1;
                    let e = &mut t.entries[ix];
                    (e.key.take(), e.value.take())
                });
                self.bump();
                drop(k);
                Ok(v)
            }
        }
    }

    /// Removes everything.
    pub fn clear(&self) {
        let old = self.table.take();
        self.bump();
        drop(old);
    }

    /// Entry `pos` or the next live one after it: `(next_pos, key, value)`.
    #[inline]
    pub fn next_entry(&self, pos: usize) -> Option<(usize, PyRef, PyRef)> {
        self.table.with(|t| {
            let mut p = pos;
            while p < t.entries.len() {
                let e = &t.entries[p];
                if let (Some(k), Some(v)) = (&e.key, &e.value) {
                    return Some((p + 1, k.clone(), v.clone()));
                }
                p += 1;
            }
            None
        })
    }

    /// Number of entry positions (live or deleted), for reverse iteration.
    pub fn entries_len(&self) -> usize {
        self.table.with(|t| t.entries.len())
    }

    /// The live entry at `pos`, if any.
    pub fn entry_at(&self, pos: usize) -> Option<(PyRef, PyRef)> {
        self.table.with(|t| {
            let e = t.entries.get(pos)?;
            Some((e.key.clone()?, e.value.clone()?))
        })
    }

    /// A snapshot of the items.
    pub fn items(&self) -> Vec<(PyRef, PyRef)> {
        self.table.with(|t| t.entries.iter().filter_map(|e| Some((e.key.clone()?, e.value.clone()?))).collect())
    }

    pub fn keys(&self) -> Vec<PyRef> {
        self.table.with(|t| t.entries.iter().filter_map(|e| e.key.clone()).collect())
    }

    pub fn values(&self) -> Vec<PyRef> {
        self.table.with(|t| t.entries.iter().filter_map(|e| e.value.clone()).collect())
    }

    /// Removes and returns the last inserted item.
    pub fn pop_last(&self) -> Option<(PyRef, PyRef)> {
        let r = self.table.with_mut(|t| {
            while let Some(e) = t.entries.pop() {
                if let (Some(k), Some(v)) = (e.key, e.value) {
                    let ix = t.entries.len() as u32;
                    let mask = t.mask();
                    let mut i = (e.hash as usize) & mask;
                    let mut perturb = e.hash as u64;
                    while t.indices[i] != ix {
                        perturb >>= 5;
                        i = (i.wrapping_mul(5).wrapping_add(perturb as usize).wrapping_add(1)) & mask;
                    }
                    t.indices[i] = DUMMY;
                    t.used -= 1;
                    return Some((k, v));
                }
            }
            None
        });
        if r.is_some() {
            self.bump();
        }
        r
    }

    /// Copies every item of `other` into `self` (no Python code runs for the
    /// hashes, which are reused).
    pub fn update_from_dict(&self, other: &DictObj) -> PyResult<()> {
        let entries: Vec<Entry> = other.table.with(|t| t.entries.iter().filter(|e| e.key.is_some()).cloned().collect());
        for e in entries {
            let (Some(k), Some(v)) = (e.key, e.value) else { continue };
            self.set_item_hashed(&k, e.hash, v)?;
        }
        Ok(())
    }

    /// Hash-preserving copy of the table into a new exact dict.
    pub fn copy(&self) -> PyRef {
        let new = DictObj::new_empty(&crate::types::dict_type::DICT_TYPE);
        let d = new.downcast::<DictObj>().expect("dict");
        let entries: Vec<Entry> = self.table.with(|t| t.entries.iter().filter(|e| e.key.is_some()).cloned().collect());
        d.table.with_mut(|t| {
            t.resize(entries.len());
            for e in entries {
                if let (Some(k), Some(v)) = (e.key, e.value) {
                    t.insert_new(e.hash, k, v);
                }
            }
        });
        new
    }

    /// Calls `f` on every key and value without taking references (GC traversal).
    pub fn visit(&self, f: &mut dyn FnMut(&Obj)) {
        self.table.with(|t| {
            for e in t.entries.iter() {
                if let Some(k) = &e.key {
                    f(k);
                }
                if let Some(v) = &e.value {
                    f(v);
                }
            }
        });
    }
}

/// Creates an empty exact dict.
pub fn new_dict() -> PyRef {
    DictObj::new_empty(&crate::types::dict_type::DICT_TYPE)
}

/// Creates a dict from `(key, value)` pairs.
pub fn dict_from_pairs(pairs: Vec<(PyRef, PyRef)>) -> PyResult<PyRef> {
    let d = new_dict();
    {
        let dd = d.downcast::<DictObj>().expect("dict");
        for (k, v) in pairs {
            dd.set_item(&k, v)?;
        }
    }
    Ok(d)
}

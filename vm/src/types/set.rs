//! `set` and `frozenset`, with CPython's table algorithm (hash-indexed open
//! addressing, 9 linear probes then perturbed probing, the same resize policy
//! and merge strategy), so iteration order matches CPython for equal inputs.

use std::cell::Cell;

use crate::object::{AsObj, Obj, PyCell, PyPayload, PyRef};
use crate::ops;
use crate::runtime::{PyErr, PyResult};
use crate::types::dict::DictObj;
use crate::types::str::{from_string, StrObj};
use crate::types::tuple::new_tuple;
use crate::types::typeobj::{Args, MethodDef, TypeObj};
use crate::types::{int, new_bool, none, not_implemented};
use crate::util::args;
use ember_compiler::bytecode::CompareOp;

const MIN_SIZE: usize = 8;
const LINEAR_PROBES: usize = 9;
const PERTURB_SHIFT: u32 = 5;

#[derive(Clone, Default)]
enum Slot {
    #[default]
    Empty,
    Dummy,
    Active(i64, PyRef),
}

impl Slot {
    fn hash(&self) -> i64 {
        match self {
            Slot::Empty => 0,
            Slot::Dummy => -1,
            Slot::Active(h, _) => *h,
        }
    }
}

#[derive(Clone)]
pub(crate) struct Table {
    slots: Vec<Slot>,
    fill: usize,
    used: usize,
    finger: usize,
}

impl Default for Table {
    fn default() -> Self {
        Table { slots: vec![Slot::Empty; MIN_SIZE], fill: 0, used: 0, finger: 0 }
    }
}

impl Table {
    fn mask(&self) -> usize {
        self.slots.len() - 1
    }

    /// Inserts into a table known to hold no equal key and no dummies.
    fn insert_clean(slots: &mut [Slot], key: PyRef, hash: i64) {
        let mask = slots.len() - 1;
        let mut perturb = hash as u64;
        let mut i = (hash as usize) & mask;
        loop {
            if matches!(slots[i], Slot::Empty) {
                slots[i] = Slot::Active(hash, key);
                return;
            }
            if i + LINEAR_PROBES <= mask {
                for j in 1..=LINEAR_PROBES {
                    if matches!(slots[i + j], Slot::Empty) {
                        slots[i + j] = Slot::Active(hash, key);
                        return;
                    }
                }
            }
            perturb >>= PERTURB_SHIFT;
            i = (i.wrapping_mul(5).wrapping_add(1).wrapping_add(perturb as usize)) & mask;
        }
    }

    fn resize(&mut self, minused: usize) {
        let mut newsize = MIN_SIZE;
        while newsize <= minused {
            newsize <<= 1;
        }
        let old = std::mem::replace(&mut self.slots, vec![Slot::Empty; newsize]);
        self.fill = self.used;
        for s in old {
            if let Slot::Active(h, k) = s {
                Table::insert_clean(&mut self.slots, k, h);
            }
        }
    }
}

#[repr(C)]
pub struct SetObj {
    pub ob: Obj,
    pub(crate) table: PyCell<Table>,
    hash: Cell<i64>,
}

// SAFETY: `#[repr(C)]` starting with `Obj`; set and frozenset share the layout
// (the PyPayload type is `set`; `anyset` below accepts both).
unsafe impl PyPayload for SetObj {
    fn class() -> &'static TypeObj {
        &SET_TYPE
    }
}

/// Borrows `o` as a set or frozenset (or subclass).
pub fn anyset(o: &Obj) -> Option<&SetObj> {
    let t = o.class();
    if t.is_subtype(&SET_TYPE) || t.is_subtype(&FROZENSET_TYPE) {
        // SAFETY: set, frozenset and their subclasses use the SetObj layout.
        Some(unsafe { o.downcast_unchecked::<SetObj>() })
    } else {
        None
    }
}

fn is_frozen(o: &Obj) -> bool {
    o.class().is_subtype(&FROZENSET_TYPE)
}

fn alloc_set(t: &TypeObj) -> PyRef {
    crate::object::alloc::alloc_object(
        t,
        SetObj { ob: Obj::new(t), table: PyCell::new(Table::default()), hash: Cell::new(-1) },
        0,
    )
}

enum Found {
    Yes,
    No,
}

/// What a probe step decided without Python code, or a key to compare.
enum Step {
    Stop(usize),
    Match,
    Next,
    Compare(PyRef),
}

impl SetObj {
    pub fn len(&self) -> usize {
        self.table.with(|t| t.used)
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    fn fast_eq(a: &Obj, b: &Obj) -> Option<bool> {
        if a.is(b) {
            return Some(true);
        }
        if let (Some(x), Some(y)) = (a.downcast_exact::<StrObj>(), b.downcast_exact::<StrObj>()) {
            return Some(x.eq_str(y));
        }
        if let (Some(x), Some(y)) = (a.downcast_exact::<int::IntObj>(), b.downcast_exact::<int::IntObj>()) {
            return Some(int::cmp_vals(x.val(), y.val()).is_eq());
        }
        None
    }

    /// CPython's set_lookkey: whether `key` is present.
    fn lookup(&self, key: &Obj, hash: i64) -> PyResult<Found> {
        'restart: loop {
            let mask = self.table.with(|t| t.mask());
            let mut i = (hash as usize) & mask;
            let mut perturb = hash as u64;
            loop {
                let probes = if i + LINEAR_PROBES <= mask { LINEAR_PROBES } else { 0 };
                for j in 0..=probes {
                    let idx = i + j;
                    let step = self.table.with(|t| match &t.slots[idx] {
                        Slot::Empty => Step::Stop(idx),
                        Slot::Dummy => Step::Next,
                        Slot::Active(h, k) if *h == hash => match SetObj::fast_eq(k, key) {
                            Some(true) => Step::Match,
                            Some(false) => Step::Next,
                            None => Step::Compare(k.clone()),
                        },
                        Slot::Active(..) => Step::Next,
                    });
                    match step {
                        Step::Stop(_) => return Ok(Found::No),
                        Step::Match => return Ok(Found::Yes),
                        Step::Next => {}
                        Step::Compare(k) => {
                            let eq = ops::eq_bool(&k, key)?;
                            let same = self.table.with(|t| {
                                t.mask() == mask && matches!(&t.slots[idx], Slot::Active(_, k2) if k2.is(&k))
                            });
                            if !same {
                                continue 'restart;
                            }
                            if eq {
                                return Ok(Found::Yes);
                            }
                        }
                    }
                }
                perturb >>= PERTURB_SHIFT;
                i = (i.wrapping_mul(5).wrapping_add(1).wrapping_add(perturb as usize)) & mask;
            }
        }
    }

    /// CPython's set_add_entry.
    fn add_entry(&self, key: &Obj, hash: i64) -> PyResult<()> {
        'restart: loop {
            let mask = self.table.with(|t| t.mask());
            let mut i = (hash as usize) & mask;
            let mut perturb = hash as u64;
            let mut freeslot: Option<usize> = None;
            let unused: usize = 'probe: loop {
                let probes = if i + LINEAR_PROBES <= mask { LINEAR_PROBES } else { 0 };
                for j in 0..=probes {
                    let idx = i + j;
                    let step = self.table.with(|t| match &t.slots[idx] {
                        Slot::Empty => Step::Stop(idx),
                        Slot::Dummy => {
                            freeslot = Some(idx);
                            Step::Next
                        }
                        Slot::Active(h, k) if *h == hash => match SetObj::fast_eq(k, key) {
                            Some(true) => Step::Match,
                            Some(false) => Step::Next,
                            None => Step::Compare(k.clone()),
                        },
                        Slot::Active(..) => Step::Next,
                    });
                    match step {
                        Step::Stop(idx) => break 'probe idx,
                        Step::Match => return Ok(()),
                        Step::Next => {}
                        Step::Compare(k) => {
                            let eq = ops::eq_bool(&k, key)?;
                            let same = self.table.with(|t| {
                                t.mask() == mask && matches!(&t.slots[idx], Slot::Active(_, k2) if k2.is(&k))
                            });
                            if !same {
                                continue 'restart;
                            }
                            if eq {
                                return Ok(());
                            }
                        }
                    }
                }
                perturb >>= PERTURB_SHIFT;
                i = (i.wrapping_mul(5).wrapping_add(1).wrapping_add(perturb as usize)) & mask;
            };
            let key = key.to_owned();
            self.table.with_mut(|t| match freeslot {
                Some(fs) => {
                    t.used += 1;
                    t.slots[fs] = Slot::Active(hash, key);
                }
                None => {
                    t.fill += 1;
                    t.used += 1;
                    t.slots[unused] = Slot::Active(hash, key);
                    if t.fill * 5 >= mask * 3 {
                        let n = if t.used > 50000 { t.used * 2 } else { t.used * 4 };
                        t.resize(n);
                    }
                }
            });
            self.hash.set(-1);
            return Ok(());
        }
    }

    /// Removes `key`; returns whether it was present.
    fn discard_entry(&self, key: &Obj, hash: i64) -> PyResult<bool> {
        'restart: loop {
            let mask = self.table.with(|t| t.mask());
            let mut i = (hash as usize) & mask;
            let mut perturb = hash as u64;
            loop {
                let probes = if i + LINEAR_PROBES <= mask { LINEAR_PROBES } else { 0 };
                for j in 0..=probes {
                    let idx = i + j;
                    let step = self.table.with(|t| match &t.slots[idx] {
                        Slot::Empty => Step::Stop(idx),
                        Slot::Dummy => Step::Next,
                        Slot::Active(h, k) if *h == hash => match SetObj::fast_eq(k, key) {
                            Some(true) => Step::Match,
                            Some(false) => Step::Next,
                            None => Step::Compare(k.clone()),
                        },
                        Slot::Active(..) => Step::Next,
                    });
                    let hit = match step {
                        Step::Stop(_) => return Ok(false),
                        Step::Match => true,
                        Step::Next => false,
                        Step::Compare(k) => {
                            let eq = ops::eq_bool(&k, key)?;
                            let same = self.table.with(|t| {
                                t.mask() == mask && matches!(&t.slots[idx], Slot::Active(_, k2) if k2.is(&k))
                            });
                            if !same {
                                continue 'restart;
                            }
                            eq
                        }
                    };
                    if hit {
                        let old = self.table.with_mut(|t| {
                            t.used -= 1;
                            std::mem::replace(&mut t.slots[idx], Slot::Dummy)
                        });
                        drop(old);
                        return Ok(true);
                    }
                }
                perturb >>= PERTURB_SHIFT;
                i = (i.wrapping_mul(5).wrapping_add(1).wrapping_add(perturb as usize)) & mask;
            }
        }
    }

    /// Active entries in table order.
    pub fn entries(&self) -> Vec<(i64, PyRef)> {
        self.table.with(|t| {
            t.slots
                .iter()
                .filter_map(|s| match s {
                    Slot::Active(h, k) => Some((*h, k.clone())),
                    _ => None,
                })
                .collect()
        })
    }

    pub fn keys(&self) -> Vec<PyRef> {
        self.entries().into_iter().map(|(_, k)| k).collect()
    }

    pub fn add(&self, key: &Obj) -> PyResult<()> {
        let h = ops::hash(key)?;
        self.add_entry(key, h)
    }

    pub fn contains(&self, key: &Obj) -> PyResult<bool> {
        let h = ops::hash(key)?;
        Ok(matches!(self.lookup(key, h)?, Found::Yes))
    }

    fn clear(&self) {
        let old = self.table.replace(Table::default());
        drop(old);
    }

    /// CPython's set_merge: adds all of `other` (a set).
    fn merge(&self, other: &SetObj) -> PyResult<()> {
        if std::ptr::eq(self, other) {
            return Ok(());
        }
        let other_used = other.len();
        if other_used == 0 {
            return Ok(());
        }
        let (fill, used, mask) = self.table.with(|t| (t.fill, t.used, t.mask()));
        if (fill + other_used) * 5 >= mask * 3 {
            self.table.with_mut(|t| t.resize((used + other_used) * 2));
        }
        let other_t = other.table.get_clone();
        let same_mask = self.table.with(|t| t.fill == 0 && t.mask() == other_t.mask());
        if same_mask && other_t.fill == other_t.used {
            // Copy the table as is (same positions, as CPython does).
            self.table.with_mut(|t| {
                t.slots = other_t.slots.clone();
                t.fill = other_t.fill;
                t.used = other_t.used;
            });
            self.hash.set(-1);
            return Ok(());
        }
        if self.table.with(|t| t.fill == 0) {
            let entries: Vec<(i64, PyRef)> = other.entries();
            self.table.with_mut(|t| {
                for (h, k) in entries {
                    Table::insert_clean(&mut t.slots, k, h);
                    t.fill += 1;
                    t.used += 1;
                }
            });
            self.hash.set(-1);
            return Ok(());
        }
        for (h, k) in other.entries() {
            self.add_entry(&k, h)?;
        }
        Ok(())
    }

    /// CPython's set_update_internal.
    pub fn update_from(&self, it: &Obj) -> PyResult<()> {
        if let Some(o) = anyset(it) {
            return self.merge(o);
        }
        if let Some(d) = it.downcast_exact::<DictObj>() {
            let n = d.len();
            let (fill, used, mask) = self.table.with(|t| (t.fill, t.used, t.mask()));
            if (fill + n) * 5 >= mask * 3 {
                self.table.with_mut(|t| t.resize((used + n) * 2));
            }
            for k in d.keys() {
                self.add(&k)?;
            }
            return Ok(());
        }
        let iter = ops::iter(it)?;
        while let Some(k) = ops::next(&iter)? {
            self.add(&k)?;
        }
        Ok(())
    }
}

/// A new exact set holding the items of `iterable`.
pub fn new_set_from(iterable: &Obj) -> PyResult {
    let s = alloc_set(&SET_TYPE);
    anyset(&s).expect("set").update_from(iterable)?;
    Ok(s)
}

fn new_of_type(t: &TypeObj, iterable: Option<&Obj>) -> PyResult {
    let s = alloc_set(t);
    if let Some(it) = iterable {
        anyset(&s).expect("set").update_from(it)?;
    }
    Ok(s)
}

/// `BUILD_SET`.
pub fn set_from_vec(items: Vec<PyRef>) -> PyResult {
    let s = alloc_set(&SET_TYPE);
    {
        let so = anyset(&s).expect("set");
        for k in items {
            so.add(&k)?;
        }
    }
    Ok(s)
}

/// `SET_ADD`.
pub fn set_add(set: &Obj, key: &Obj) -> PyResult<()> {
    anyset(set).expect("set").add(key)
}

/// `SET_UPDATE`.
pub fn set_update(set: &Obj, it: &Obj) -> PyResult<()> {
    anyset(set).expect("set").update_from(it)
}

pub fn set_contains(set: &Obj, key: &Obj) -> PyResult<bool> {
    anyset(set).expect("set").contains(key)
}

fn this(o: &Obj) -> &SetObj {
    anyset(o).expect("set")
}

/// Membership with CPython's unhashable-set retry (`{1} in s` looks up frozenset({1})).
fn contains_key(s: &SetObj, key: &Obj) -> PyResult<bool> {
    match s.contains(key) {
        Ok(r) => Ok(r),
        Err(e) if e.matches(&crate::types::exceptions::TYPE_ERROR) && key.class().is_subtype(&SET_TYPE) => {
            let fs = new_of_type(&FROZENSET_TYPE, Some(key))?;
            s.contains(&fs)
        }
        Err(e) => Err(e),
    }
}

fn set_contains_slot(o: &Obj, key: &Obj) -> PyResult<bool> {
    contains_key(this(o), key)
}

fn set_len(o: &Obj) -> PyResult<usize> {
    Ok(this(o).len())
}

fn set_repr(o: &Obj) -> PyResult {
    let s = this(o);
    let t = o.class();
    let name = t.name();
    if s.is_empty() {
        return Ok(from_string(format!("{name}()")));
    }
    let r = crate::types::seq::repr_guard(o, || crate::types::seq::join_reprs(&s.keys()));
    let Some(inner) = r else {
        return Ok(from_string(format!("{name}(...)")));
    };
    let inner = inner?;
    Ok(from_string(if t.is(&SET_TYPE) { format!("{{{inner}}}") } else { format!("{name}({{{inner}}})") }))
}

fn shuffle_bits(h: u64) -> u64 {
    ((h ^ 89869747) ^ (h << 16)).wrapping_mul(3644798167)
}

fn frozenset_hash(o: &Obj) -> PyResult<i64> {
    let s = this(o);
    let cached = s.hash.get();
    if cached != -1 {
        return Ok(cached);
    }
    let (mut hash, size, fill, used) = s.table.with(|t| {
        let mut h: u64 = 0;
        for slot in &t.slots {
            h ^= shuffle_bits(slot.hash() as u64);
        }
        (h, t.slots.len(), t.fill, t.used)
    });
    if (size - fill) & 1 != 0 {
        hash ^= shuffle_bits(0);
    }
    if (fill - used) & 1 != 0 {
        hash ^= shuffle_bits(u64::MAX);
    }
    hash ^= ((used as u64) + 1).wrapping_mul(1927868237);
    hash ^= (hash >> 11) ^ (hash >> 25);
    hash = hash.wrapping_mul(69069).wrapping_add(907133923);
    let h = if hash == u64::MAX { 590923713 } else { hash as i64 };
    s.hash.set(h);
    Ok(h)
}

fn issubset(a: &SetObj, b: &SetObj) -> PyResult<bool> {
    if a.len() > b.len() {
        return Ok(false);
    }
    for (h, k) in a.entries() {
        if matches!(b.lookup(&k, h)?, Found::No) {
            return Ok(false);
        }
    }
    Ok(true)
}

fn set_richcompare(a: &Obj, b: &Obj, op: CompareOp) -> PyResult {
    let (Some(x), Some(y)) = (anyset(a), anyset(b)) else {
        return Ok(not_implemented());
    };
    let r = match op {
        CompareOp::Eq => x.len() == y.len() && issubset(x, y)?,
        CompareOp::Ne => !(x.len() == y.len() && issubset(x, y)?),
        CompareOp::Le => issubset(x, y)?,
        CompareOp::Ge => issubset(y, x)?,
        CompareOp::Lt => x.len() < y.len() && issubset(x, y)?,
        CompareOp::Gt => x.len() > y.len() && issubset(y, x)?,
    };
    Ok(new_bool(r))
}

/// A new set of the same kind as `o` (set or frozenset; subclasses give the base).
fn same_kind_empty(o: &Obj) -> PyRef {
    alloc_set(if is_frozen(o) { &FROZENSET_TYPE } else { &SET_TYPE })
}

fn copy_of(o: &Obj) -> PyResult {
    let r = same_kind_empty(o);
    this(&r).merge(this(o))?;
    Ok(r)
}

fn as_set(o: &Obj) -> PyResult<PyRef> {
    if anyset(o).is_some() {
        return Ok(o.to_owned());
    }
    new_set_from(o)
}

fn union(a: &Obj, others: &[&Obj]) -> PyResult {
    let r = copy_of(a)?;
    for o in others {
        this(&r).update_from(o)?;
    }
    Ok(r)
}

fn intersection2(a: &Obj, other: &Obj) -> PyResult {
    let r = same_kind_empty(a);
    let rs = this(&r);
    if let Some(o) = anyset(other) {
        let (small, large) = if this(a).len() > o.len() { (o, this(a)) } else { (this(a), o) };
        for (h, k) in small.entries() {
            if matches!(large.lookup(&k, h)?, Found::Yes) {
                rs.add_entry(&k, h)?;
            }
        }
        return Ok(r);
    }
    let it = ops::iter(other)?;
    while let Some(k) = ops::next(&it)? {
        let h = ops::hash(&k)?;
        if matches!(this(a).lookup(&k, h)?, Found::Yes) {
            rs.add_entry(&k, h)?;
        }
    }
    Ok(r)
}

fn difference2(a: &Obj, other: &Obj) -> PyResult {
    let s = this(a);
    if let Some(o) = anyset(other) {
        if (s.len() >> 2) > o.len() {
            let r = copy_of(a)?;
            for (h, k) in o.entries() {
                this(&r).discard_entry(&k, h)?;
            }
            return Ok(r);
        }
        let r = same_kind_empty(a);
        for (h, k) in s.entries() {
            if matches!(o.lookup(&k, h)?, Found::No) {
                this(&r).add_entry(&k, h)?;
            }
        }
        return Ok(r);
    }
    if let Some(d) = other.downcast_exact::<DictObj>() {
        let r = same_kind_empty(a);
        for (h, k) in s.entries() {
            if d.get_item_hashed(&k, h)?.is_none() {
                this(&r).add_entry(&k, h)?;
            }
        }
        return Ok(r);
    }
    let r = copy_of(a)?;
    let it = ops::iter(other)?;
    while let Some(k) = ops::next(&it)? {
        let h = ops::hash(&k)?;
        this(&r).discard_entry(&k, h)?;
    }
    Ok(r)
}

fn symmetric_difference_update(s: &SetObj, other: &Obj) -> PyResult<()> {
    let o = as_set(other)?;
    let os = this(&o);
    if std::ptr::eq(s, os) {
        s.clear();
        return Ok(());
    }
    for (h, k) in os.entries() {
        if !s.discard_entry(&k, h)? {
            s.add_entry(&k, h)?;
        }
    }
    Ok(())
}

fn binop_operands<'a>(a: &'a Obj, b: &'a Obj) -> Option<(&'a Obj, &'a Obj)> {
    if anyset(a).is_some() && anyset(b).is_some() {
        Some((a, b))
    } else {
        None
    }
}

fn set_or(a: &Obj, b: &Obj) -> PyResult {
    match binop_operands(a, b) {
        Some((x, y)) => union(x, &[y]),
        None => Ok(not_implemented()),
    }
}
fn set_and(a: &Obj, b: &Obj) -> PyResult {
    match binop_operands(a, b) {
        Some((x, y)) => intersection2(x, y),
        None => Ok(not_implemented()),
    }
}
fn set_sub(a: &Obj, b: &Obj) -> PyResult {
    match binop_operands(a, b) {
        Some((x, y)) => difference2(x, y),
        None => Ok(not_implemented()),
    }
}
fn set_xor(a: &Obj, b: &Obj) -> PyResult {
    match binop_operands(a, b) {
        Some((x, y)) => {
            let r = copy_of(x)?;
            symmetric_difference_update(this(&r), y)?;
            Ok(r)
        }
        None => Ok(not_implemented()),
    }
}
fn set_ior(a: &Obj, b: &Obj) -> PyResult {
    if anyset(b).is_none() {
        return Ok(not_implemented());
    }
    this(a).update_from(b)?;
    Ok(a.to_owned())
}
fn set_iand(a: &Obj, b: &Obj) -> PyResult {
    if anyset(b).is_none() {
        return Ok(not_implemented());
    }
    let r = intersection2(a, b)?;
    swap_contents(a, &r);
    Ok(a.to_owned())
}
fn set_isub(a: &Obj, b: &Obj) -> PyResult {
    if anyset(b).is_none() {
        return Ok(not_implemented());
    }
    difference_update(this(a), b)?;
    Ok(a.to_owned())
}
fn set_ixor(a: &Obj, b: &Obj) -> PyResult {
    if anyset(b).is_none() {
        return Ok(not_implemented());
    }
    symmetric_difference_update(this(a), b)?;
    Ok(a.to_owned())
}

fn swap_contents(a: &Obj, from: &Obj) {
    let t = this(from).table.get_clone();
    let old = this(a).table.replace(t);
    drop(old);
}

fn difference_update(s: &SetObj, other: &Obj) -> PyResult<()> {
    if let Some(o) = anyset(other) {
        if std::ptr::eq(s, o) {
            s.clear();
            return Ok(());
        }
        for (h, k) in o.entries() {
            s.discard_entry(&k, h)?;
        }
        return Ok(());
    }
    let it = ops::iter(other)?;
    while let Some(k) = ops::next(&it)? {
        let h = ops::hash(&k)?;
        s.discard_entry(&k, h)?;
    }
    Ok(())
}

// --- methods ---

fn m_add(a: Args) -> PyResult {
    let [s, k] = args::exact::<2>(a, "add")?;
    this(s).add(k)?;
    Ok(none())
}
fn m_clear(a: Args) -> PyResult {
    let [s] = args::exact::<1>(a, "clear")?;
    this(s).clear();
    Ok(none())
}
fn m_copy(a: Args) -> PyResult {
    let [s] = args::exact::<1>(a, "copy")?;
    if s.class().is(&FROZENSET_TYPE) {
        return Ok(s.to_owned());
    }
    copy_of(s)
}
fn m_discard(a: Args) -> PyResult {
    let [s, k] = args::exact::<2>(a, "discard")?;
    let so = this(s);
    match ops::hash(k) {
        Ok(h) => {
            so.discard_entry(k, h)?;
        }
        Err(e) if e.matches(&crate::types::exceptions::TYPE_ERROR) && k.class().is_subtype(&SET_TYPE) => {
            let fs = new_of_type(&FROZENSET_TYPE, Some(k))?;
            let h = ops::hash(&fs)?;
            so.discard_entry(&fs, h)?;
        }
        Err(e) => return Err(e),
    }
    Ok(none())
}
fn m_remove(a: Args) -> PyResult {
    let [s, k] = args::exact::<2>(a, "remove")?;
    let so = this(s);
    let (key, h) = match ops::hash(k) {
        Ok(h) => (k.to_owned(), h),
        Err(e) if e.matches(&crate::types::exceptions::TYPE_ERROR) && k.class().is_subtype(&SET_TYPE) => {
            let fs = new_of_type(&FROZENSET_TYPE, Some(k))?;
            let h = ops::hash(&fs)?;
            (fs, h)
        }
        Err(e) => return Err(e),
    };
    if !so.discard_entry(&key, h)? {
        return Err(PyErr::key_error(k));
    }
    Ok(none())
}
fn m_pop(a: Args) -> PyResult {
    let [s] = args::exact::<1>(a, "pop")?;
    let so = this(s);
    let r = so.table.with_mut(|t| {
        if t.used == 0 {
            return None;
        }
        let mask = t.mask();
        let mut i = t.finger & mask;
        loop {
            if let Slot::Active(..) = t.slots[i] {
                break;
            }
            i = (i + 1) & mask;
        }
        let old = std::mem::replace(&mut t.slots[i], Slot::Dummy);
        t.used -= 1;
        t.finger = i + 1;
        match old {
            Slot::Active(_, k) => Some(k),
            _ => None,
        }
    });
    r.ok_or_else(|| PyErr::new(&crate::types::exceptions::KEY_ERROR, "pop from an empty set"))
}
fn m_union(a: Args) -> PyResult {
    let s = a.all[0];
    union(s, &a.all[1..a.nargs])
}
fn m_update(a: Args) -> PyResult {
    let s = this(a.all[0]);
    for o in &a.all[1..a.nargs] {
        s.update_from(o)?;
    }
    Ok(none())
}
fn m_intersection(a: Args) -> PyResult {
    let mut r = copy_of(a.all[0])?;
    for o in &a.all[1..a.nargs] {
        r = intersection2(&r, o)?;
    }
    if is_frozen(a.all[0]) && r.class().is(&SET_TYPE) {
        return new_of_type(&FROZENSET_TYPE, Some(&r));
    }
    Ok(r)
}
fn m_intersection_update(a: Args) -> PyResult {
    let r = m_intersection(a)?;
    swap_contents(a.all[0], &r);
    Ok(none())
}
fn m_difference(a: Args) -> PyResult {
    let mut r = copy_of(a.all[0])?;
    for o in &a.all[1..a.nargs] {
        r = difference2(&r, o)?;
    }
    Ok(r)
}
fn m_difference_update(a: Args) -> PyResult {
    let s = this(a.all[0]);
    for o in &a.all[1..a.nargs] {
        difference_update(s, o)?;
    }
    Ok(none())
}
fn m_symmetric_difference(a: Args) -> PyResult {
    let [s, o] = args::exact::<2>(a, "symmetric_difference")?;
    let r = copy_of(s)?;
    symmetric_difference_update(this(&r), o)?;
    Ok(r)
}
fn m_symmetric_difference_update(a: Args) -> PyResult {
    let [s, o] = args::exact::<2>(a, "symmetric_difference_update")?;
    symmetric_difference_update(this(s), o)?;
    Ok(none())
}
fn m_isdisjoint(a: Args) -> PyResult {
    let [s, o] = args::exact::<2>(a, "isdisjoint")?;
    let so = this(s);
    let it = ops::iter(o)?;
    while let Some(k) = ops::next(&it)? {
        if so.contains(&k)? {
            return Ok(new_bool(false));
        }
    }
    Ok(new_bool(true))
}
fn m_issubset(a: Args) -> PyResult {
    let [s, o] = args::exact::<2>(a, "issubset")?;
    let other = as_set(o)?;
    Ok(new_bool(issubset(this(s), this(&other))?))
}
fn m_issuperset(a: Args) -> PyResult {
    let [s, o] = args::exact::<2>(a, "issuperset")?;
    let other = as_set(o)?;
    Ok(new_bool(issubset(this(&other), this(s))?))
}
fn m_contains(a: Args) -> PyResult {
    let [s, k] = args::exact::<2>(a, "__contains__")?;
    Ok(new_bool(contains_key(this(s), k)?))
}
fn m_reduce(a: Args) -> PyResult {
    let [s] = args::exact::<1>(a, "__reduce__")?;
    let keys = crate::types::list::new_list(this(s).keys());
    let d = crate::types::instance::get_dict(s).unwrap_or_else(none);
    Ok(new_tuple(vec![s.class().as_obj_ref().to_owned(), new_tuple(vec![keys]), d]))
}
fn m_sizeof(a: Args) -> PyResult {
    let [s] = args::exact::<1>(a, "__sizeof__")?;
    Ok(int::from_usize(200 + 16 * this(s).table.with(|t| t.slots.len())))
}
fn m_class_getitem(a: Args) -> PyResult {
    crate::types::genericalias::class_getitem(a)
}

fn set_new(t: &TypeObj, _a: Args) -> PyResult {
    Ok(alloc_set(t))
}
fn set_init(o: &Obj, a: Args) -> PyResult<()> {
    let [it] = args::parse(a, o.class().name().as_str(), &["iterable", "/"], 0)?;
    let s = this(o);
    s.clear();
    if let Some(it) = it {
        s.update_from(it)?;
    }
    Ok(())
}
fn frozenset_new(t: &TypeObj, a: Args) -> PyResult {
    let [it] = args::parse(a, "frozenset", &["iterable", "/"], 0)?;
    if t.is(&FROZENSET_TYPE) {
        if let Some(i) = it {
            if i.class().is(&FROZENSET_TYPE) {
                return Ok(i.to_owned());
            }
        }
    }
    new_of_type(t, it)
}

fn set_iter(o: &Obj) -> PyResult {
    Ok(crate::object::alloc::alloc_object(
        &SET_ITER_TYPE,
        SetIterObj {
            ob: Obj::new(&SET_ITER_TYPE.0),
            set: o.to_owned(),
            pos: Cell::new(0),
            expected: this(o).len(),
            done: Cell::new(false),
        },
        0,
    ))
}

fn set_traverse(o: &Obj, visit: &mut dyn FnMut(&Obj)) {
    this(o).table.with(|t| {
        for s in &t.slots {
            if let Slot::Active(_, k) = s {
                visit(k);
            }
        }
    });
    crate::types::instance::traverse_extras(o, visit);
}

fn set_clear_slot(o: &Obj) {
    this(o).clear();
}

static SET_METHODS: &[MethodDef] = &[
    MethodDef::method("add", m_add),
    MethodDef::method("clear", m_clear),
    MethodDef::method("copy", m_copy),
    MethodDef::method("discard", m_discard),
    MethodDef::method("remove", m_remove),
    MethodDef::method("pop", m_pop),
    MethodDef::method("union", m_union),
    MethodDef::method("update", m_update),
    MethodDef::method("intersection", m_intersection),
    MethodDef::method("intersection_update", m_intersection_update),
    MethodDef::method("difference", m_difference),
    MethodDef::method("difference_update", m_difference_update),
    MethodDef::method("symmetric_difference", m_symmetric_difference),
    MethodDef::method("symmetric_difference_update", m_symmetric_difference_update),
    MethodDef::method("isdisjoint", m_isdisjoint),
    MethodDef::method("issubset", m_issubset),
    MethodDef::method("issuperset", m_issuperset),
    MethodDef::method("__contains__", m_contains),
    MethodDef::method("__reduce__", m_reduce),
    MethodDef::method("__sizeof__", m_sizeof),
    MethodDef::class("__class_getitem__", m_class_getitem),
];

static FROZENSET_METHODS: &[MethodDef] = &[
    MethodDef::method("copy", m_copy),
    MethodDef::method("union", m_union),
    MethodDef::method("intersection", m_intersection),
    MethodDef::method("difference", m_difference),
    MethodDef::method("symmetric_difference", m_symmetric_difference),
    MethodDef::method("isdisjoint", m_isdisjoint),
    MethodDef::method("issubset", m_issubset),
    MethodDef::method("issuperset", m_issuperset),
    MethodDef::method("__contains__", m_contains),
    MethodDef::method("__reduce__", m_reduce),
    MethodDef::method("__sizeof__", m_sizeof),
    MethodDef::class("__class_getitem__", m_class_getitem),
];

crate::static_type! {
    pub static SET_TYPE: SetObj = "set" {
        flags: BASETYPE | HAVE_GC | WEAKREFABLE,
        doc: "set() -> new empty set object\nset(iterable) -> new set object",
        methods: SET_METHODS,
        slots: {
            new: set_new, init: set_init, repr: set_repr, len: set_len, contains: set_contains_slot,
            richcompare: set_richcompare, iter: set_iter, traverse: set_traverse, clear: set_clear_slot,
            hash: crate::types::object::hash_not_implemented,
        },
        number: {
            or: set_or, and: set_and, sub: set_sub, xor: set_xor,
            ior: set_ior, iand: set_iand, isub: set_isub, ixor: set_ixor,
        },
    }
}

crate::static_type! {
    pub static FROZENSET_TYPE: SetObj = "frozenset" {
        flags: BASETYPE | HAVE_GC | WEAKREFABLE,
        doc: "frozenset() -> empty frozenset object\nfrozenset(iterable) -> frozenset object",
        methods: FROZENSET_METHODS,
        slots: {
            new: frozenset_new, repr: set_repr, len: set_len, contains: set_contains_slot,
            richcompare: set_richcompare, iter: set_iter, traverse: set_traverse, hash: frozenset_hash,
        },
        number: { or: set_or, and: set_and, sub: set_sub, xor: set_xor },
    }
}

#[repr(C)]
pub struct SetIterObj {
    pub ob: Obj,
    set: PyRef,
    pos: Cell<usize>,
    expected: usize,
    done: Cell<bool>,
}

// SAFETY: `#[repr(C)]` starting with `Obj`.
unsafe impl PyPayload for SetIterObj {
    fn class() -> &'static TypeObj {
        &SET_ITER_TYPE
    }
}

fn setiter_next(o: &Obj) -> PyResult<Option<PyRef>> {
    let it = o.downcast::<SetIterObj>().expect("set_iterator");
    if it.done.get() {
        return Ok(None);
    }
    let s = this(&it.set);
    if s.len() != it.expected {
        it.done.set(true);
        return Err(PyErr::runtime_error("Set changed size during iteration"));
    }
    let r = s.table.with(|t| {
        let mut p = it.pos.get();
        while p < t.slots.len() {
            if let Slot::Active(_, k) = &t.slots[p] {
                return Some((p + 1, k.clone()));
            }
            p += 1;
        }
        None
    });
    match r {
        Some((next, k)) => {
            it.pos.set(next);
            Ok(Some(k))
        }
        None => {
            it.done.set(true);
            Ok(None)
        }
    }
}

fn setiter_length_hint(a: Args) -> PyResult {
    let [s] = args::exact::<1>(a, "__length_hint__")?;
    let it = s.downcast::<SetIterObj>().expect("set_iterator");
    if it.done.get() {
        return Ok(int::new_int(0));
    }
    let remaining = this(&it.set)
        .table
        .with(|t| t.slots[it.pos.get().min(t.slots.len())..].iter().filter(|s| matches!(s, Slot::Active(..))).count());
    Ok(int::from_usize(remaining))
}

fn setiter_traverse(o: &Obj, visit: &mut dyn FnMut(&Obj)) {
    visit(&o.downcast::<SetIterObj>().expect("set_iterator").set);
}

/// `(iter, (remaining,))`: the elements still to come, as a list, taken from
/// a copy of the iterator so this one does not move (as in CPython).
fn setiter_reduce(a: Args) -> PyResult {
    let [s] = args::exact::<1>(a, "__reduce__")?;
    let it = s.downcast::<SetIterObj>().ok_or_else(|| PyErr::type_error("expected a set_iterator"))?;
    let copy = crate::object::alloc::alloc_object(
        &SET_ITER_TYPE,
        SetIterObj {
            ob: Obj::new(&SET_ITER_TYPE.0),
            set: it.set.clone(),
            pos: Cell::new(it.pos.get()),
            expected: it.expected,
            done: Cell::new(it.done.get()),
        },
        0,
    );
    let mut items = Vec::new();
    while let Some(v) = setiter_next(&copy)? {
        items.push(v);
    }
    Ok(new_tuple(vec![
        crate::types::iterators::reduce_builtin("iter")?,
        new_tuple(vec![crate::types::list::new_list(items)]),
    ]))
}

static SETITER_METHODS: &[MethodDef] =
    &[MethodDef::method("__length_hint__", setiter_length_hint), MethodDef::method("__reduce__", setiter_reduce)];

crate::static_type! {
    pub static SET_ITER_TYPE: SetIterObj = "set_iterator" {
        flags: HAVE_GC,
        methods: SETITER_METHODS,
        slots: { iter: crate::types::iterators::self_iter, iternext: setiter_next, traverse: setiter_traverse },
    }
}

/// Keeps AsObj in scope for the payload helpers.
#[allow(dead_code)]
fn _as_obj(s: &SetObj) -> &Obj {
    s.as_obj()
}

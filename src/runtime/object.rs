//! Non-shared 4D objects: an insertion-ordered map from property name to value behind an
//! `Rc<RefCell<…>>` — a reference with no atomics and no lock.

use std::cell::{Ref, RefCell, RefMut};
use std::hash::{BuildHasherDefault, Hash, Hasher};
use std::rc::Rc;

use indexmap::IndexMap;
use smallvec::SmallVec;

use super::counted::Counted;
use super::value::Value;

/// A property name with its hash computed once. Literal names in a program are interned into
/// `Key`s by the resolver, so a property access hashes nothing at run time.
///
/// One pointer wide (the hash lives next to the text), so an object's property entry is 24 bytes.
#[derive(Clone)]
pub struct Key(Rc<KeyData>);

struct KeyData {
    hash: u64,
    text: Box<str>,
}

impl Key {
    pub fn new(text: &str) -> Key {
        Key::with_hash(hash_str(text), text)
    }

    fn with_hash(hash: u64, text: &str) -> Key {
        Key(Rc::new(KeyData { hash, text: Box::from(text) }))
    }

    /// Like [`Key::new`], but reuses a recent key with the same name (property names repeat:
    /// `New object("id";…)` in a loop allocates its names once per thread, and interned keys
    /// compare by pointer).
    pub fn intern(text: &str) -> Key {
        const MAX_INTERNED: usize = 4096;
        const MAX_LEN: usize = 64;
        if text.len() > MAX_LEN {
            return Key::new(text);
        }
        let hash = hash_str(text);
        INTERNED.with(|cell| {
            let mut table = cell.borrow_mut();
            if let Some(bucket) = table.get(&hash) {
                if let Some(k) = bucket.iter().find(|k| &*k.0.text == text) {
                    return k.clone();
                }
            }
            let key = Key::with_hash(hash, text);
            if table.len() < MAX_INTERNED {
                table.entry(hash).or_default().push(key.clone());
            }
            key
        })
    }
    #[inline]
    pub fn as_str(&self) -> &str {
        &self.0.text
    }
    #[inline]
    pub fn hash_value(&self) -> u64 {
        self.0.hash
    }
}

impl PartialEq for Key {
    #[inline]
    fn eq(&self, other: &Key) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
            || (self.0.hash == other.0.hash && self.0.text == other.0.text)
    }
}
impl Eq for Key {}

impl Hash for Key {
    fn hash<H: Hasher>(&self, state: &mut H) {
        state.write_u64(self.0.hash);
    }
}

impl std::fmt::Debug for Key {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{:?}", &*self.0.text)
    }
}

impl std::borrow::Borrow<str> for Key {
    fn borrow(&self) -> &str {
        &self.0.text
    }
}

thread_local! {
    /// Interned keys by hash (the hash is already computed: passed through, not re-hashed).
    static INTERNED: RefCell<std::collections::HashMap<u64, Vec<Key>, BuildHasherDefault<PassThroughHasher>>> =
        RefCell::new(std::collections::HashMap::default());
}

/// FxHash-style string hash: fast, and good enough for property names (not attacker-facing
/// hash-flooding territory: scripts run with the user's own trust).
pub fn hash_str(s: &str) -> u64 {
    const SEED: u64 = 0x51_7c_c1_b7_27_22_0a_95;
    let mut h: u64 = s.len() as u64;
    let mut bytes = s.as_bytes();
    while bytes.len() >= 8 {
        let mut w = [0u8; 8];
        w.copy_from_slice(&bytes[..8]);
        h = (h.rotate_left(5) ^ u64::from_le_bytes(w)).wrapping_mul(SEED);
        bytes = &bytes[8..];
    }
    for &b in bytes {
        h = (h.rotate_left(5) ^ b as u64).wrapping_mul(SEED);
    }
    h
}

/// Passes a precomputed `u64` straight through, so `Key`s are never re-hashed.
#[derive(Default)]
pub struct PassThroughHasher(u64);

impl Hasher for PassThroughHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        // Only reached for lookups by `&str`.
        for &b in bytes {
            self.0 = (self.0.rotate_left(5) ^ b as u64).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
        }
    }
    fn write_u64(&mut self, n: u64) {
        self.0 = n;
    }
}

type BigMap = IndexMap<Key, Value, BuildHasherDefault<PassThroughHasher>>;

/// Objects with at most this many properties keep them in a plain vector (searched by hash):
/// smaller and faster than a hash table for the small objects most code builds.
const SMALL_PROPS: usize = 12;

/// Properties kept inside the object's own allocation (beyond, they move to the heap).
const INLINE_PROPS: usize = 3;

type SmallProps = SmallVec<[(Key, Value); INLINE_PROPS]>;

/// An object's properties, in creation order.
#[derive(Clone)]
pub enum PropMap {
    Small(SmallProps),
    /// Boxed: keeps `PropMap` (and so every object) small.
    Big(Box<BigMap>),
}

impl Default for PropMap {
    fn default() -> PropMap {
        PropMap::Small(SmallProps::new())
    }
}

impl PropMap {
    /// An empty map with room for `n` properties (exactly: objects are many and small).
    pub fn with_capacity(n: usize) -> PropMap {
        if n <= SMALL_PROPS {
            PropMap::Small(SmallProps::with_capacity(n))
        } else {
            let mut map = BigMap::default();
            map.reserve(n);
            PropMap::Big(Box::new(map))
        }
    }

    #[inline]
    fn position(items: &[(Key, Value)], key: &Key) -> Option<usize> {
        items.iter().position(|(k, _)| k == key)
    }

    #[inline]
    pub fn get(&self, key: &Key) -> Option<&Value> {
        match self {
            PropMap::Small(items) => Self::position(items, key).map(|i| &items[i].1),
            PropMap::Big(map) => map.get(key),
        }
    }

    #[inline]
    pub fn get_mut(&mut self, key: &Key) -> Option<&mut Value> {
        match self {
            PropMap::Small(items) => Self::position(items, key).map(move |i| &mut items[i].1),
            PropMap::Big(map) => map.get_mut(key),
        }
    }

    pub fn contains_key(&self, name: &str) -> bool {
        self.get(&Key::new(name)).is_some()
    }

    /// Sets a property (a new one goes last); returns the previous value.
    pub fn insert(&mut self, key: Key, value: Value) -> Option<Value> {
        match self {
            PropMap::Small(items) => {
                if let Some(i) = Self::position(items, &key) {
                    return Some(std::mem::replace(&mut items[i].1, value));
                }
                if items.len() < SMALL_PROPS {
                    items.push((key, value));
                    return None;
                }
                let mut map: BigMap = items.drain(..).collect();
                map.insert(key, value);
                *self = PropMap::Big(Box::new(map));
                None
            }
            PropMap::Big(map) => map.insert(key, value),
        }
    }

    /// Appends a property known not to be in the map yet (the caller guarantees it: names
    /// checked distinct up front), skipping [`PropMap::insert`]'s search.
    #[inline]
    pub fn push_new(&mut self, key: Key, value: Value) {
        match self {
            PropMap::Small(items) if items.len() < SMALL_PROPS => {
                debug_assert!(Self::position(items, &key).is_none());
                items.push((key, value));
            }
            _ => {
                self.insert(key, value);
            }
        }
    }

    /// Removes a property, keeping the order of the others.
    pub fn shift_remove(&mut self, key: &Key) -> Option<Value> {
        match self {
            PropMap::Small(items) => Self::position(items, key).map(|i| items.remove(i).1),
            PropMap::Big(map) => map.shift_remove(key),
        }
    }

    pub fn len(&self) -> usize {
        match self {
            PropMap::Small(items) => items.len(),
            PropMap::Big(map) => map.len(),
        }
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    pub fn iter(&self) -> Box<dyn Iterator<Item = (&Key, &Value)> + '_> {
        match self {
            PropMap::Small(items) => Box::new(items.iter().map(|(k, v)| (k, v))),
            PropMap::Big(map) => Box::new(map.iter()),
        }
    }

    pub fn keys(&self) -> impl Iterator<Item = &Key> + '_ {
        self.iter().map(|(k, _)| k)
    }
}

impl FromIterator<(Key, Value)> for PropMap {
    fn from_iter<I: IntoIterator<Item = (Key, Value)>>(iter: I) -> PropMap {
        let mut map = PropMap::default();
        for (k, v) in iter {
            map.insert(k, v);
        }
        map
    }
}

/// The contents of an object: its properties in creation order, and its class if any.
#[derive(Default)]
pub struct ObjectData {
    pub props: PropMap,
    /// Class of an instance (`cs.Name.new()`); `None` for plain objects.
    pub class: Option<Rc<dyn std::any::Any>>,
}

/// A reference to a non-shared object. Cloning copies the reference (4D's object semantics).
/// A [`Counted`] box, not an `Rc`: one count, so the box is 120 bytes (see the size test).
#[derive(Clone, Default)]
pub struct ObjRef(Counted<RefCell<ObjectData>>);

impl ObjRef {
    pub fn new() -> ObjRef {
        ObjRef::default()
    }
    pub fn from_props(props: PropMap) -> ObjRef {
        ObjRef(Counted::new(RefCell::new(ObjectData { props, class: None })))
    }
    pub fn borrow(&self) -> Ref<'_, ObjectData> {
        self.0.borrow()
    }
    pub fn borrow_mut(&self) -> RefMut<'_, ObjectData> {
        self.0.borrow_mut()
    }
    pub fn ptr_eq(&self, other: &ObjRef) -> bool {
        Counted::ptr_eq(&self.0, &other.0)
    }
    pub fn addr(&self) -> usize {
        Counted::as_ptr(&self.0) as *const u8 as usize
    }
    /// Reads a property; `Undefined` when missing.
    pub fn get(&self, key: &Key) -> Value {
        self.0.borrow().props.get(key).cloned().unwrap_or(Value::Undefined)
    }
    pub fn get_str(&self, name: &str) -> Value {
        self.get(&Key::new(name))
    }
    /// Sets a property by name (the name is interned).
    pub fn set_named(&self, name: &str, value: Value) {
        self.set(Key::intern(name), value)
    }
    /// Stores a property (numbers become Real, times milliseconds: see [`Value::for_storage`]).
    pub fn set(&self, key: Key, value: Value) {
        self.0.borrow_mut().props.insert(key, value.for_storage());
    }
    pub fn set_str(&self, name: &str, value: Value) {
        self.set(Key::new(name), value)
    }
    pub fn remove(&self, key: &Key) -> Option<Value> {
        self.0.borrow_mut().props.shift_remove(key)
    }
    pub fn len(&self) -> usize {
        self.0.borrow().props.len()
    }
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
    pub fn keys(&self) -> Vec<Key> {
        self.0.borrow().props.keys().cloned().collect()
    }
    pub fn entries(&self) -> Vec<(Key, Value)> {
        self.0.borrow().props.iter().map(|(k, v)| (k.clone(), v.clone())).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn small_structures() {
        // One pointer per key, 24 bytes per property.
        assert_eq!(std::mem::size_of::<Key>(), 8);
        assert_eq!(std::mem::size_of::<(Key, Value)>(), 24);
        // Three properties inline, plus the length, plus the variant.
        assert!(std::mem::size_of::<PropMap>() <= 88, "{}", std::mem::size_of::<PropMap>());
    }

    /// An object's box (count, borrow flag, properties, class) fits a 128-byte allocation chunk
    /// (glibc: a request of at most 120 bytes); a handle is one word.
    #[test]
    fn check_struct_sizes() {
        assert_eq!(std::mem::size_of::<ObjRef>(), 8);
        let object_box = std::mem::size_of::<usize>() + std::mem::size_of::<RefCell<ObjectData>>();
        assert!(object_box <= 120, "{object_box}");
        let collection_box =
            std::mem::size_of::<usize>() + std::mem::size_of::<RefCell<Vec<Value>>>();
        assert!(collection_box <= 40, "{collection_box}");
        assert_eq!(std::mem::size_of::<super::super::collection::CollRef>(), 8);
    }

    #[test]
    fn interned_keys_share_text_and_equal_fresh_ones() {
        let (a, b) = (Key::intern("price"), Key::intern("price"));
        assert!(Rc::ptr_eq(&a.0, &b.0));
        assert!(a == Key::new("price"));
        assert!(a != Key::intern("prices"));
    }
}

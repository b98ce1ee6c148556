//! Non-shared 4D objects: an insertion-ordered map from property name to value behind an
//! `Rc<RefCell<…>>` — a reference with no atomics and no lock.

use std::cell::{Ref, RefCell, RefMut};
use std::hash::{BuildHasherDefault, Hash, Hasher};
use std::rc::Rc;

use indexmap::IndexMap;

use super::value::Value;

/// A property name with its hash computed once. Literal names in a program are interned into
/// `Key`s by the resolver, so a property access hashes nothing at run time.
#[derive(Clone)]
pub struct Key {
    hash: u64,
    text: Rc<str>,
}

impl Key {
    pub fn new(text: &str) -> Key {
        Key { hash: hash_str(text), text: Rc::from(text) }
    }
    pub fn as_str(&self) -> &str {
        &self.text
    }
    pub fn hash_value(&self) -> u64 {
        self.hash
    }
}

impl PartialEq for Key {
    fn eq(&self, other: &Key) -> bool {
        self.hash == other.hash && (Rc::ptr_eq(&self.text, &other.text) || self.text == other.text)
    }
}
impl Eq for Key {}

impl Hash for Key {
    fn hash<H: Hasher>(&self, state: &mut H) {
        state.write_u64(self.hash);
    }
}

impl std::fmt::Debug for Key {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{:?}", &*self.text)
    }
}

impl std::borrow::Borrow<str> for Key {
    fn borrow(&self) -> &str {
        &self.text
    }
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

pub type PropMap = IndexMap<Key, Value, BuildHasherDefault<PassThroughHasher>>;

/// The contents of an object: its properties in creation order, and its class if any.
#[derive(Default)]
pub struct ObjectData {
    pub props: PropMap,
    /// Class of an instance (`cs.Name.new()`); `None` for plain objects.
    pub class: Option<Rc<dyn std::any::Any>>,
}

/// A reference to a non-shared object. Cloning copies the reference (4D's object semantics).
#[derive(Clone, Default)]
pub struct ObjRef(Rc<RefCell<ObjectData>>);

impl ObjRef {
    pub fn new() -> ObjRef {
        ObjRef::default()
    }
    pub fn from_props(props: PropMap) -> ObjRef {
        ObjRef(Rc::new(RefCell::new(ObjectData { props, class: None })))
    }
    pub fn borrow(&self) -> Ref<'_, ObjectData> {
        self.0.borrow()
    }
    pub fn borrow_mut(&self) -> RefMut<'_, ObjectData> {
        self.0.borrow_mut()
    }
    pub fn ptr_eq(&self, other: &ObjRef) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
    pub fn addr(&self) -> usize {
        Rc::as_ptr(&self.0) as *const u8 as usize
    }
    /// Reads a property; `Undefined` when missing.
    pub fn get(&self, key: &Key) -> Value {
        self.0.borrow().props.get(key).cloned().unwrap_or(Value::Undefined)
    }
    pub fn get_str(&self, name: &str) -> Value {
        self.get(&Key::new(name))
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

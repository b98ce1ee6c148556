//! Non-shared 4D collections: a `Vec` of values behind a `Counted<RefCell<…>>` (an `Rc`
//! without weak count).

use std::cell::{Ref, RefCell, RefMut};

use super::counted::Counted;
use super::value::Value;

/// A reference to a non-shared collection. Cloning copies the reference.
#[derive(Clone, Default)]
pub struct CollRef(Counted<RefCell<Vec<Value>>>);

impl CollRef {
    pub fn new() -> CollRef {
        CollRef::default()
    }
    /// Wraps values (already in storage form: see [`Value::for_storage`]).
    pub fn from_vec(items: Vec<Value>) -> CollRef {
        CollRef(Counted::new(RefCell::new(items)))
    }
    pub fn borrow(&self) -> Ref<'_, Vec<Value>> {
        self.0.borrow()
    }
    pub fn borrow_mut(&self) -> RefMut<'_, Vec<Value>> {
        self.0.borrow_mut()
    }
    pub fn ptr_eq(&self, other: &CollRef) -> bool {
        Counted::ptr_eq(&self.0, &other.0)
    }
    pub fn addr(&self) -> usize {
        Counted::as_ptr(&self.0) as *const u8 as usize
    }
    pub fn len(&self) -> usize {
        self.0.borrow().len()
    }
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
    pub fn get(&self, index: usize) -> Option<Value> {
        self.0.borrow().get(index).cloned()
    }
    pub fn push(&self, value: Value) {
        self.0.borrow_mut().push(value.for_storage());
    }
    /// Sets element `index`, growing the collection with nulls as 4D does.
    pub fn set(&self, index: usize, value: Value) {
        let mut items = self.0.borrow_mut();
        if index >= items.len() {
            items.resize(index + 1, Value::Null);
        }
        items[index] = value.for_storage();
    }
    pub fn to_vec(&self) -> Vec<Value> {
        self.0.borrow().clone()
    }
}

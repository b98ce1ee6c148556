//! [`Counted`]: a reference-counted box for the values objects and collections share, like
//! `Rc` without weak references.
//!
//! `Rc` keeps two counts (strong and weak) before its value; nothing here ever takes a weak
//! reference, so one count is enough. The 8 bytes matter because objects and collections are
//! many and small: an object's box is 120 bytes (a 128-byte allocation chunk with glibc) instead
//! of 128 (a 144-byte chunk), a collection's 40 (48) instead of 48 (64). No atomics: like `Rc`,
//! a `Counted` cannot leave its thread (it is neither `Send` nor `Sync`).

use std::cell::Cell;
use std::marker::PhantomData;
use std::ops::Deref;
use std::ptr::NonNull;

#[repr(C)]
struct CountedBox<T> {
    refs: Cell<usize>,
    value: T,
}

/// A shared `T`: cloning counts one more holder, the last one to drop frees it.
pub struct Counted<T> {
    ptr: NonNull<CountedBox<T>>,
    /// Owns a `CountedBox<T>` (for drop checking).
    _owns: PhantomData<CountedBox<T>>,
}

impl<T> Counted<T> {
    pub fn new(value: T) -> Counted<T> {
        let b = Box::new(CountedBox { refs: Cell::new(1), value });
        Counted { ptr: NonNull::from(Box::leak(b)), _owns: PhantomData }
    }

    #[inline]
    fn inner(&self) -> &CountedBox<T> {
        // SAFETY: the box lives while any holder does, and `self` is one.
        unsafe { self.ptr.as_ref() }
    }

    /// Whether both hold the same value.
    #[inline]
    pub fn ptr_eq(a: &Counted<T>, b: &Counted<T>) -> bool {
        a.ptr == b.ptr
    }

    /// The value's address (an identity for the value while it lives).
    #[inline]
    pub fn as_ptr(this: &Counted<T>) -> *const T {
        &this.inner().value
    }

    /// Holders of the value.
    #[cfg(test)]
    pub fn count(this: &Counted<T>) -> usize {
        this.inner().refs.get()
    }
}

impl<T> Clone for Counted<T> {
    #[inline]
    fn clone(&self) -> Counted<T> {
        let refs = &self.inner().refs;
        // Like `Rc`: overflowing the count (only possible by leaking handles) aborts.
        match refs.get().checked_add(1) {
            Some(n) => refs.set(n),
            None => overflow(),
        }
        Counted { ptr: self.ptr, _owns: PhantomData }
    }
}

impl<T> Drop for Counted<T> {
    #[inline]
    fn drop(&mut self) {
        let refs = &self.inner().refs;
        let n = refs.get() - 1;
        refs.set(n);
        if n == 0 {
            // SAFETY: the last holder: no other handle to the box is left.
            unsafe { Counted::free(self.ptr) }
        }
    }
}

impl<T> Counted<T> {
    /// Drops the value and frees its box, out of line: keeps every drop of a `Value` (a
    /// decrement and a test) small.
    ///
    /// # Safety
    /// `ptr` came from `Box::leak` in [`Counted::new`] and no handle to it is left.
    #[inline(never)]
    unsafe fn free(ptr: NonNull<CountedBox<T>>) {
        // SAFETY: the caller's contract.
        drop(unsafe { Box::from_raw(ptr.as_ptr()) });
    }
}

/// A count past `usize::MAX` (only possible by leaking handles): aborts, as `Rc` does.
#[cold]
pub(crate) fn overflow() -> ! {
    std::process::abort()
}

impl<T> Deref for Counted<T> {
    type Target = T;
    #[inline]
    fn deref(&self) -> &T {
        &self.inner().value
    }
}

impl<T: Default> Default for Counted<T> {
    fn default() -> Counted<T> {
        Counted::new(T::default())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::rc::Rc;

    #[test]
    fn holders_share_and_the_last_one_frees() {
        let probe = Rc::new(());
        let a = Counted::new(std::cell::RefCell::new(vec![probe.clone()]));
        let b = a.clone();
        assert!(Counted::ptr_eq(&a, &b));
        assert_eq!(Counted::count(&a), 2);
        b.borrow_mut().push(probe.clone());
        assert_eq!(a.borrow().len(), 2);
        drop(a);
        assert_eq!(Rc::strong_count(&probe), 3);
        drop(b);
        assert_eq!(Rc::strong_count(&probe), 1);
        assert!(!Counted::ptr_eq(&Counted::new(1), &Counted::new(1)));
    }

    #[test]
    fn check_struct_sizes() {
        // One count before the value (`Rc` has two).
        assert_eq!(std::mem::size_of::<Counted<u64>>(), 8);
        assert_eq!(std::mem::size_of::<CountedBox<u64>>(), 16);
    }
}

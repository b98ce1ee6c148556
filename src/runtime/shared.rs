//! Shared objects and collections: the only values that cross process (thread) boundaries.
//!
//! The *data* of a shared value sits behind a short-lived `parking_lot::RwLock`, which keeps reads
//! memory-safe while another process writes. The *4D lock* — what `Use…End use` takes — is a
//! re-entrant, counted lock owned by a process and shared by every member of a shared group
//! ([`Group`]). Writes check that the current process holds that lock.

use std::cell::Cell;
use std::sync::atomic::{AtomicBool, AtomicU32, AtomicU64, Ordering};
use std::sync::{Arc, OnceLock};

use indexmap::IndexMap;
use parking_lot::{Condvar, Mutex, RwLock};

use super::date::Date;

/// A process number (1 = the main process; 0 = none).
pub type ProcId = u32;

thread_local! {
    static CURRENT_PROCESS: Cell<ProcId> = const { Cell::new(1) };
}

/// The process running on this thread.
pub fn current_process() -> ProcId {
    CURRENT_PROCESS.with(|c| c.get())
}

pub fn set_current_process(id: ProcId) {
    CURRENT_PROCESS.with(|c| c.set(id));
}

static NEXT_GROUP_ID: AtomicU64 = AtomicU64::new(1);

/// Packs the lock's owner (high half) and locking counter (low half) into one word, so that an
/// uncontended `Use…End use` pair costs two atomic operations and no mutex.
#[inline]
fn pack(owner: ProcId, count: u32) -> u64 {
    (owner as u64) << 32 | count as u64
}

#[inline]
fn split(state: u64) -> (ProcId, u32) {
    ((state >> 32) as ProcId, state as u32)
}

/// The locking identifier of a shared group: a re-entrant lock with a counter.
///
/// The protocol (this type, `ProcessTable::wait_for`, `Interp::lock_group` and the group join of
/// `to_shared`) is model-checked with shuttle in `tests/model_shared_lock.rs`, on an extraction
/// of this code (owner and counter, waits and wake-ups): mirror any change of the protocol there.
///
/// Only the owner changes the word while the counter is above zero; taking a free lock is a
/// compare-and-swap. Waiters register in `waiters` and sleep on `released` under `wait_lock`;
/// the release that frees the lock wakes them when there are any (each wait also times out after
/// `poll`, so a wake-up can never be lost for good).
pub struct Group {
    pub id: u64,
    /// True once another shared value joined: from then on membership is permanent.
    grouped: AtomicBool,
    state: AtomicU64,
    waiters: AtomicU32,
    wait_lock: Mutex<()>,
    released: Condvar,
}

impl Group {
    pub fn new() -> Arc<Group> {
        Arc::new(Group {
            id: NEXT_GROUP_ID.fetch_add(1, Ordering::Relaxed),
            grouped: AtomicBool::new(false),
            state: AtomicU64::new(0),
            waiters: AtomicU32::new(0),
            wait_lock: Mutex::new(()),
            released: Condvar::new(),
        })
    }

    pub fn is_grouped(&self) -> bool {
        self.grouped.load(Ordering::Acquire)
    }

    pub fn mark_grouped(&self) {
        self.grouped.store(true, Ordering::Release)
    }

    /// Whether `process` holds this lock (at any depth).
    #[inline]
    pub fn held_by(&self, process: ProcId) -> bool {
        let (owner, count) = split(self.state.load(Ordering::Acquire));
        count > 0 && owner == process
    }

    /// The process holding the lock, if any.
    pub fn owner(&self) -> Option<ProcId> {
        let (owner, count) = split(self.state.load(Ordering::Acquire));
        (count > 0).then_some(owner)
    }

    /// Takes the lock without waiting; false when another process holds it.
    #[inline]
    pub fn try_lock(&self, process: ProcId) -> bool {
        loop {
            let s = self.state.load(Ordering::Acquire);
            let (owner, count) = split(s);
            if count == 0 {
                if self
                    .state
                    .compare_exchange(s, pack(process, 1), Ordering::SeqCst, Ordering::Acquire)
                    .is_ok()
                {
                    return true;
                }
                // Someone else changed it in between: look again.
                continue;
            }
            if owner == process {
                // Re-entrant: only the owner writes while it holds the lock.
                self.state.store(pack(process, count + 1), Ordering::Release);
                return true;
            }
            return false;
        }
    }

    /// Waits until the lock is free or `give_up()` says to stop (checked before the first wait
    /// and after each wake-up, at least every `poll`). Returns false when it gave up.
    /// `give_up` runs without the lock's internal mutex held, so it may inspect other groups.
    pub fn lock_or(
        &self,
        process: ProcId,
        poll: std::time::Duration,
        mut give_up: impl FnMut() -> bool,
    ) -> bool {
        loop {
            if self.try_lock(process) {
                return true;
            }
            if give_up() {
                return false;
            }
            self.waiters.fetch_add(1, Ordering::SeqCst);
            let mut guard = self.wait_lock.lock();
            let got = self.try_lock(process);
            if !got {
                self.released.wait_for(&mut guard, poll);
            }
            drop(guard);
            self.waiters.fetch_sub(1, Ordering::SeqCst);
            if got {
                return true;
            }
        }
    }

    /// `End use`: decrements the counter, freeing the lock at zero.
    #[inline]
    pub fn unlock(&self, process: ProcId) {
        let (owner, count) = split(self.state.load(Ordering::Acquire));
        if owner != process || count == 0 {
            return;
        }
        if count > 1 {
            self.state.store(pack(process, count - 1), Ordering::Release);
            return;
        }
        self.state.store(0, Ordering::SeqCst);
        if self.waiters.load(Ordering::SeqCst) > 0 {
            let _guard = self.wait_lock.lock();
            self.released.notify_all();
        }
    }

    /// The locking counter as seen by `process` (0 if it does not hold the lock).
    pub fn depth(&self, process: ProcId) -> u32 {
        let (owner, count) = split(self.state.load(Ordering::Acquire));
        if owner == process {
            count
        } else {
            0
        }
    }
}

/// A property name of a shared object (thread-safe counterpart of [`super::Key`]).
pub type SharedKey = Arc<str>;

/// The properties of a shared object, in creation order (hashed with the same fast string hash
/// as plain objects).
pub type SharedProps = IndexMap<
    SharedKey,
    SharedValue,
    std::hash::BuildHasherDefault<super::object::PassThroughHasher>,
>;

/// A value stored inside a shared object or collection: scalars, null and shared references only.
#[derive(Clone, Debug)]
pub enum SharedValue {
    Null,
    Bool(bool),
    Real(f64),
    Text(Arc<str>),
    Date(Date),
    Object(Arc<SharedObject>),
    Collection(Arc<SharedCollection>),
    /// A `4D.Function` (a formula, a class function): 4D lets shared objects hold them.
    Function(Arc<SharedFunction>),
}

/// A function kept in a shared object: how it travels between processes (a formula by its
/// source, a class function by name); each process that calls it makes its own.
#[derive(Debug)]
pub struct SharedFunction {
    pub source: Arc<str>,
    pub code: super::process::SendValue,
}

/// The code of a `4D.Function` read out of a shared object (see [`SharedFunction`]).
pub struct SharedCode(pub Arc<SharedFunction>);

/// What kind of root a shared object is: `Storage` and session storages never join groups.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SharedRoot {
    Plain,
    Storage,
}

/// Why a shared value could not join a group (see [`GroupCell::join`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum JoinRefused {
    /// It already belongs to another group (membership is permanent).
    OtherGroup,
    /// Another process holds its lock (`Use`): it cannot change group under that process.
    InUse,
}

/// The group of a shared object or collection, read without a lock or a reference count.
///
/// A value changes group at most once: a join gives it a group that is marked grouped, and a
/// value whose group is grouped never joins another (see [`GroupCell::join`]). So the cell
/// holds the value's first group for its whole life and the joined one in a `OnceLock`: both
/// stay alive as long as the value, and [`GroupCell::get`] hands out a plain reference.
pub struct GroupCell {
    initial: Arc<Group>,
    joined: OnceLock<Arc<Group>>,
    /// Serialises joins (the read side never takes it).
    join_lock: Mutex<()>,
}

impl GroupCell {
    pub fn new(group: Arc<Group>) -> GroupCell {
        GroupCell { initial: group, joined: OnceLock::new(), join_lock: Mutex::new(()) }
    }

    /// The current group: one acquire load.
    #[inline]
    pub fn get(&self) -> &Arc<Group> {
        self.joined.get().unwrap_or(&self.initial)
    }

    /// The current group, with which of the two it is (true: the joined one), so that it can be
    /// found again with [`GroupCell::slot`] after a join.
    #[inline]
    pub fn current(&self) -> (bool, &Arc<Group>) {
        match self.joined.get() {
            Some(g) => (true, g),
            None => (false, &self.initial),
        }
    }

    /// The first group (`false`) or the joined one (`true`; once set it never changes).
    #[inline]
    pub fn slot(&self, joined: bool) -> &Arc<Group> {
        match self.joined.get() {
            Some(g) if joined => g,
            _ => &self.initial,
        }
    }

    /// Moves the value into `group` (storing it in a container of that group), as process
    /// `me`. Nothing to do when it is already there; refused when it belongs to another group
    /// for good, or when another process holds its current lock. The switch happens under the
    /// value's current 4D lock, so that a value in another process's `Use` never changes group
    /// under it (model-checked in tests/model_shared_lock.rs).
    pub fn join(&self, group: &Arc<Group>, me: ProcId) -> Result<(), JoinRefused> {
        let _serial = self.join_lock.lock();
        let mine = self.get();
        if Arc::ptr_eq(mine, group) {
            return Ok(());
        }
        if mine.is_grouped() || self.joined.get().is_some() {
            return Err(JoinRefused::OtherGroup);
        }
        if !mine.try_lock(me) {
            return Err(JoinRefused::InUse);
        }
        group.mark_grouped();
        // Cannot fail: `joined` is set only here, under `join_lock`, and was checked empty.
        let _ = self.joined.set(group.clone());
        self.initial.unlock(me);
        Ok(())
    }
}

pub struct SharedObject {
    pub props: RwLock<SharedProps>,
    pub group: GroupCell,
    pub root: SharedRoot,
    /// Name of the user class (`cs.Name`) when the object is a shared class instance (set once,
    /// when it is created).
    pub class: OnceLock<Arc<str>>,
    /// The signal of a `4D.Signal` (whose `class` is then `4D.Signal`).
    pub signal: OnceLock<Arc<super::signal::Signal>>,
    /// Set when the object is a class object (`cs.Name`, `4D.Name`): the key of the class it
    /// stands for, in the convention of `class`. One object per class for every process.
    pub defines: OnceLock<Arc<str>>,
}

pub struct SharedCollection {
    pub items: RwLock<Vec<SharedValue>>,
    pub group: GroupCell,
}

impl std::fmt::Debug for SharedObject {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "SharedObject({} props)", self.len())
    }
}

impl std::fmt::Debug for SharedCollection {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "SharedCollection({} items)", self.len())
    }
}

impl SharedObject {
    pub fn new(root: SharedRoot) -> Arc<SharedObject> {
        Self::in_group(root, Group::new())
    }
    /// A new object that is a member of `group` from the start.
    pub fn in_group(root: SharedRoot, group: Arc<Group>) -> Arc<SharedObject> {
        Arc::new(SharedObject {
            props: RwLock::new(SharedProps::default()),
            group: GroupCell::new(group),
            root,
            class: OnceLock::new(),
            signal: OnceLock::new(),
            defines: OnceLock::new(),
        })
    }
    pub fn len(&self) -> usize {
        self.props.read().len()
    }
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
    pub fn group(&self) -> Arc<Group> {
        self.group.get().clone()
    }
    pub fn get(&self, name: &str) -> Option<SharedValue> {
        self.props.read().get(name).cloned()
    }
}

impl SharedCollection {
    pub fn new() -> Arc<SharedCollection> {
        Self::in_group(Group::new())
    }
    /// A new collection that is a member of `group` from the start.
    pub fn in_group(group: Arc<Group>) -> Arc<SharedCollection> {
        Arc::new(SharedCollection { items: RwLock::new(Vec::new()), group: GroupCell::new(group) })
    }
    pub fn len(&self) -> usize {
        self.items.read().len()
    }
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
    pub fn group(&self) -> Arc<Group> {
        self.group.get().clone()
    }
}

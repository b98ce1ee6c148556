//! Model checking (with `shuttle`) of the `Use…End use` lock protocol of shared values.
//!
//! This is a faithful extraction of `runtime/shared.rs::Group` (a re-entrant lock: owner and
//! counter in one atomic word taken by compare-and-swap, `try_lock`, `lock_or` = try, ask
//! `give_up`, register as a waiter, re-check under the wait mutex, timed wait on a condvar;
//! `unlock` wakes the registered waiters at zero), of
//! `runtime/process.rs::ProcessTable::wait_for` (the wait-for graph walked to find cycles), of
//! `interp/processes.rs::Interp::lock_group` (try, then wait with deadlock detection) and of the
//! group join (`runtime/shared.rs::GroupCell::join`, called by `interp/eval.rs::to_shared`), written over shuttle's primitives so that shuttle
//! can explore thread interleavings. Why an extraction rather than the real code behind a
//! `cfg(shuttle)` shim: the real `Group` uses `parking_lot`'s API (guards by `&mut`, timed waits),
//! which shuttle does not offer; a shim would have to wrap every primitive, touch the hot paths
//! others are optimising, and need a second feature build of the whole crate in CI. The
//! extraction keeps the same statements in the same order; any change to the protocol in
//! `shared.rs`/`process.rs` must be mirrored here (the doc comments there point to this file).
//!
//! The condvar's timed wait is modelled two ways: as a plain `wait` (checks that no wake-up is
//! ever lost: a lost one shows as a deadlock to shuttle), and as "release, let others run,
//! re-check" (a timed wait can return at any time), which deadlock detection relies on.

use std::collections::HashMap;

use shuttle::sync::atomic::{AtomicU32, AtomicU64, Ordering};
use shuttle::sync::{Arc, Condvar, Mutex};
use shuttle::thread;

type ProcId = u32;

fn pack(owner: ProcId, count: u32) -> u64 {
    (owner as u64) << 32 | count as u64
}

fn split(state: u64) -> (ProcId, u32) {
    ((state >> 32) as ProcId, state as u32)
}

struct Group {
    /// true: the timed wait is modelled as release + yield + re-check.
    timed: bool,
    /// Owner (high half) and counter (low half), as in `shared.rs`.
    state: AtomicU64,
    waiters: AtomicU32,
    wait_lock: Mutex<()>,
    released: Condvar,
}

impl Group {
    fn new(timed: bool) -> Arc<Group> {
        Arc::new(Group {
            timed,
            state: AtomicU64::new(0),
            waiters: AtomicU32::new(0),
            wait_lock: Mutex::new(()),
            released: Condvar::new(),
        })
    }

    fn held_by(&self, process: ProcId) -> bool {
        let (owner, count) = split(self.state.load(Ordering::Acquire));
        count > 0 && owner == process
    }

    fn owner(&self) -> Option<ProcId> {
        let (owner, count) = split(self.state.load(Ordering::Acquire));
        (count > 0).then_some(owner)
    }

    fn try_lock(&self, process: ProcId) -> bool {
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
                continue;
            }
            if owner == process {
                self.state.store(pack(process, count + 1), Ordering::Release);
                return true;
            }
            return false;
        }
    }

    fn lock_or(&self, process: ProcId, mut give_up: impl FnMut() -> bool) -> bool {
        loop {
            if self.try_lock(process) {
                return true;
            }
            if give_up() {
                return false;
            }
            self.waiters.fetch_add(1, Ordering::SeqCst);
            let guard = self.wait_lock.lock().unwrap();
            let got = self.try_lock(process);
            if !got {
                if self.timed {
                    drop(guard);
                    thread::yield_now();
                } else {
                    let _guard = self.released.wait(guard).unwrap();
                }
            } else {
                drop(guard);
            }
            self.waiters.fetch_sub(1, Ordering::SeqCst);
            if got {
                return true;
            }
        }
    }

    fn unlock(&self, process: ProcId) {
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
            let _guard = self.wait_lock.lock().unwrap();
            self.released.notify_all();
        }
    }

    fn depth(&self, process: ProcId) -> u32 {
        let (owner, count) = split(self.state.load(Ordering::Acquire));
        if owner == process {
            count
        } else {
            0
        }
    }
}

#[derive(Default)]
struct Table {
    waits: Mutex<HashMap<ProcId, Arc<Group>>>,
}

impl Table {
    fn wait_for(&self, me: ProcId, group: &Arc<Group>) -> Option<Vec<ProcId>> {
        let mut waits = self.waits.lock().unwrap();
        waits.insert(me, group.clone());
        let mut cycle = vec![me];
        let mut current = group.clone();
        for _ in 0..=waits.len() {
            let owner = current.owner()?;
            if owner == me {
                waits.remove(&me);
                return Some(cycle);
            }
            cycle.push(owner);
            current = waits.get(&owner)?.clone();
        }
        None
    }

    fn done_waiting(&self, me: ProcId) {
        self.waits.lock().unwrap().remove(&me);
    }
}

/// `Interp::lock_group`: Ok, or the deadlock cycle.
fn use_begin(table: &Table, group: &Arc<Group>, me: ProcId) -> Result<(), Vec<ProcId>> {
    if group.try_lock(me) {
        return Ok(());
    }
    let mut cycle = None;
    let locked = group.lock_or(me, || {
        cycle = table.wait_for(me, group);
        cycle.is_some()
    });
    table.done_waiting(me);
    if locked {
        Ok(())
    } else {
        Err(cycle.unwrap_or_default())
    }
}

/// A shared object: its data (behind its own short lock, as the `RwLock` of the real code) and
/// its current group. The real `GroupCell` publishes a joined group through a `OnceLock` and
/// reads it without a lock; a read under this mutex is the same atomic snapshot, and joins are
/// serialised by a mutex in both.
struct Shared {
    value: Mutex<i64>,
    group: Mutex<Arc<Group>>,
    grouped: Mutex<bool>,
}

impl Shared {
    fn new(group: Arc<Group>) -> Arc<Shared> {
        Arc::new(Shared {
            value: Mutex::new(0),
            group: Mutex::new(group),
            grouped: Mutex::new(false),
        })
    }
    fn group(&self) -> Arc<Group> {
        self.group.lock().unwrap().clone()
    }
    /// A 4D write: allowed only while the current process holds the object's group.
    fn write(&self, me: ProcId, v: i64) -> bool {
        if !self.group().held_by(me) {
            return false;
        }
        *self.value.lock().unwrap() = v;
        true
    }
    fn read(&self) -> i64 {
        *self.value.lock().unwrap()
    }
}

const ITERATIONS: usize = 3_000;

/// Mutual exclusion, re-entrancy and the counter: 3 processes × 2 increments, each inside a
/// nested `Use` of the same group (read, then write in a separate step), no update lost, every
/// waiter woken (plain condvar wait).
#[test]
fn use_counter_is_exclusive_and_reentrant() {
    let body = || {
        let table = Arc::new(Table::default());
        let group = Group::new(false);
        let obj = Shared::new(group.clone());
        let handles: Vec<_> = (1..=3)
            .map(|me| {
                let (table, group, obj) = (table.clone(), group.clone(), obj.clone());
                thread::spawn(move || {
                    for _ in 0..2 {
                        use_begin(&table, &group, me).expect("no deadlock with one group");
                        use_begin(&table, &group, me).expect("re-entrant");
                        assert_eq!(group.depth(me), 2);
                        let v = obj.read();
                        thread::yield_now();
                        assert!(obj.write(me, v + 1), "write refused while holding Use");
                        group.unlock(me);
                        assert_eq!(group.depth(me), 1);
                        group.unlock(me);
                        assert_eq!(group.depth(me), 0);
                    }
                })
            })
            .collect();
        // A reader without Use: never sees a value going backwards.
        let reader = {
            let obj = obj.clone();
            thread::spawn(move || {
                let mut last = 0;
                for _ in 0..4 {
                    let v = obj.read();
                    assert!(v >= last);
                    last = v;
                }
            })
        };
        for h in handles {
            h.join().unwrap();
        }
        reader.join().unwrap();
        assert_eq!(obj.read(), 6);
        assert_eq!(group.owner(), None);
    };
    shuttle::check_random(body, ITERATIONS);
    shuttle::check_pct(body, ITERATIONS, 3);
}

/// Writes without `Use` are refused and change nothing, whatever the interleaving with a
/// process that holds the lock.
#[test]
fn writes_without_use_are_refused() {
    shuttle::check_random(
        || {
            let table = Arc::new(Table::default());
            let group = Group::new(false);
            let obj = Shared::new(group.clone());
            let holder = {
                let (table, group, obj) = (table.clone(), group.clone(), obj.clone());
                thread::spawn(move || {
                    use_begin(&table, &group, 1).unwrap();
                    let v = obj.read();
                    assert!(obj.write(1, v + 10));
                    group.unlock(1);
                })
            };
            let intruder = {
                let obj = obj.clone();
                thread::spawn(move || {
                    let v = obj.read();
                    assert!(!obj.write(2, v + 1));
                })
            };
            holder.join().unwrap();
            intruder.join().unwrap();
            assert_eq!(obj.read(), 10);
        },
        ITERATIONS,
    );
}

/// Cycles of 2 and 3 processes taking their objects in a circular order: every run ends (no
/// hang), exactly one process of a real cycle is told, and the others complete.
#[test]
fn deadlock_cycles_are_detected_once() {
    for n in [2u32, 3] {
        let body = move || {
            let table = Arc::new(Table::default());
            let groups: Vec<Arc<Group>> = (0..n).map(|_| Group::new(true)).collect();
            let handles: Vec<_> = (0..n)
                .map(|i| {
                    let table = table.clone();
                    let first = groups[i as usize].clone();
                    let second = groups[((i + 1) % n) as usize].clone();
                    let me = i + 1;
                    thread::spawn(move || {
                        use_begin(&table, &first, me).expect("first lock is never contended long");
                        let r = use_begin(&table, &second, me);
                        if r.is_ok() {
                            second.unlock(me);
                        }
                        first.unlock(me);
                        r
                    })
                })
                .collect();
            let results: Vec<_> = handles.into_iter().map(|h| h.join().unwrap()).collect();
            let failures: Vec<&Vec<ProcId>> =
                results.iter().filter_map(|r| r.as_ref().err()).collect();
            // Not every interleaving deadlocks (a process may finish before the next starts);
            // when one does, exactly one process is told, and its cycle is the whole ring.
            assert!(failures.len() <= 1, "{} processes were told of a deadlock", failures.len());
            if let Some(cycle) = failures.first() {
                assert_eq!(cycle.len(), n as usize, "cycle {cycle:?}");
            }
            for g in &groups {
                assert_eq!(g.owner(), None, "a lock was left held");
            }
        };
        shuttle::check_random(body, ITERATIONS);
        shuttle::check_pct(body, ITERATIONS, 3);
    }
}

/// Joining a group (`to_shared`): an object locked by process A through its own group is stored
/// by process B into a container of another group. Checks that no update of the object is lost:
/// every write that was allowed must be visible in the final count.
#[test]
fn joining_a_group_while_the_object_is_in_use() {
    shuttle::check_random(
        || {
            let table = Arc::new(Table::default());
            let g1 = Group::new(false);
            let g2 = Group::new(false);
            let x = Shared::new(g1.clone());
            let a = {
                let (table, g1, x) = (table.clone(), g1.clone(), x.clone());
                thread::spawn(move || {
                    use_begin(&table, &g1, 1).unwrap();
                    let v = x.read();
                    thread::yield_now();
                    let ok = x.write(1, v + 1);
                    g1.unlock(1);
                    ok
                })
            };
            let b = {
                let (table, g2, x) = (table.clone(), g2.clone(), x.clone());
                thread::spawn(move || {
                    use_begin(&table, &g2, 2).unwrap();
                    join(&x, &g2, 2);
                    let v = x.read();
                    thread::yield_now();
                    let ok = x.write(2, v + 1);
                    g2.unlock(2);
                    ok
                })
            };
            let wrote_a = a.join().unwrap();
            let wrote_b = b.join().unwrap();
            let expected = i64::from(wrote_a) + i64::from(wrote_b);
            assert_eq!(x.read(), expected, "a write was lost (a: {wrote_a}, b: {wrote_b})");
        },
        ITERATIONS,
    );
}

/// The join of `to_shared`: the object takes the container's group, unless it already belongs
/// to another group. As in the real code, the object's current group lock is first taken for
/// the time of the switch, so that an object in use by another process cannot change group
/// under it.
fn join(x: &Shared, group: &Arc<Group>, me: ProcId) -> bool {
    let mut mine = x.group.lock().unwrap();
    if Arc::ptr_eq(&mine, group) {
        return true;
    }
    if *x.grouped.lock().unwrap() {
        return false;
    }
    if !mine.try_lock(me) {
        return false;
    }
    let old = std::mem::replace(&mut *mine, group.clone());
    old.unlock(me);
    *x.grouped.lock().unwrap() = true;
    true
}

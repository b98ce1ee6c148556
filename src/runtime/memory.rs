//! The memory limit of a run (`--max-memory`): an allocator that counts the bytes in use, so that
//! a script that grows without bound ends on a 4D error instead of the OS killing the process.
//!
//! The binary installs [`CountingAlloc`] as its global allocator; a host embedding mini4d may do
//! the same (without it, [`set_limit`] has no effect). Counting is per thread and published in
//! steps of [`FLUSH`] bytes, so the hot path of an allocation touches no shared counter.
//!
//! Past the limit, [`over_limit`] turns true and the interpreter raises error -10512 at its next
//! statement. An allocation that would take the process past twice the limit (one huge text, say)
//! cannot wait for the next statement: the run stops at once with a message and exit code 1.

use std::alloc::{GlobalAlloc, Layout, System};
use std::cell::Cell;
use std::sync::atomic::{AtomicBool, AtomicIsize, AtomicUsize, Ordering::Relaxed};

/// Bytes a thread allocates or frees before it publishes them.
const FLUSH: isize = 1 << 20;

/// Bytes in use (published part).
static USED: AtomicIsize = AtomicIsize::new(0);
/// The limit in bytes; 0: none.
static LIMIT: AtomicUsize = AtomicUsize::new(0);
/// Set when [`USED`] went past [`LIMIT`].
static OVER: AtomicBool = AtomicBool::new(false);

thread_local! {
    static UNPUBLISHED: Cell<isize> = const { Cell::new(0) };
}

/// The default limit of the command line: 4 GiB.
pub const DEFAULT_LIMIT_MB: u64 = 4096;

/// Sets the limit in bytes (0: none) and clears a previous overrun.
pub fn set_limit(bytes: usize) {
    LIMIT.store(bytes, Relaxed);
    OVER.store(false, Relaxed);
}

/// The limit in bytes (0: none).
pub fn limit() -> usize {
    LIMIT.load(Relaxed)
}

/// Bytes in use, as far as published (within a few MiB per thread).
pub fn used() -> usize {
    USED.load(Relaxed).max(0) as usize
}

/// Whether the process went past the limit. Cleared again once usage is back under it.
#[inline(always)]
pub fn over_limit() -> bool {
    OVER.load(Relaxed)
}

/// After [`over_limit`]: whether usage is still past the limit (else the flag is cleared).
pub fn still_over() -> bool {
    let limit = limit();
    if limit == 0 || used() <= limit {
        OVER.store(false, Relaxed);
        false
    } else {
        true
    }
}

fn account(delta: isize) {
    let publish = UNPUBLISHED
        .try_with(|c| {
            let v = c.get() + delta;
            if v.abs() < FLUSH {
                c.set(v);
                None
            } else {
                c.set(0);
                Some(v)
            }
        })
        .unwrap_or(Some(delta));
    if let Some(d) = publish {
        let now = USED.fetch_add(d, Relaxed) + d;
        if d > 0 {
            check(now.max(0) as usize);
        }
    }
}

#[cold]
fn check(now: usize) {
    let limit = limit();
    if limit == 0 || now <= limit {
        return;
    }
    OVER.store(true, Relaxed);
    if now / 2 > limit {
        out_of_memory(limit);
    }
}

/// `ptr`, unless the system refused the allocation: the run then stops with a message rather
/// than Rust's abort.
#[inline(always)]
fn refused(ptr: *mut u8) -> *mut u8 {
    if ptr.is_null() {
        fatal(b"error: 4D(-10512): the system has no memory left for the run\n");
    }
    ptr
}

#[cold]
fn fatal(message: &[u8]) -> ! {
    use std::io::Write;
    let _ = std::io::stderr().lock().write_all(message);
    std::process::exit(1)
}

/// Ends the process: an allocation went far past the limit. Allocates nothing.
#[cold]
fn out_of_memory(limit: usize) -> ! {
    use std::io::Write;
    let mut digits = [0u8; 20];
    let mut n = limit >> 20;
    let mut i = digits.len();
    loop {
        i -= 1;
        digits[i] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    let mut err = std::io::stderr().lock();
    let _ = err.write_all(b"error: 4D(-10512): the run needed more than twice --max-memory (");
    let _ = err.write_all(&digits[i..]);
    let _ = err.write_all(b" MB); raise it with --max-memory MB\n");
    std::process::exit(1)
}

/// The system allocator, counting the bytes in use against [`set_limit`].
pub struct CountingAlloc;

// SAFETY: every call is forwarded unchanged to `System`; the counting around it neither
// allocates nor unwinds.
unsafe impl GlobalAlloc for CountingAlloc {
    #[inline]
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        account(layout.size() as isize);
        refused(System.alloc(layout))
    }

    #[inline]
    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        account(layout.size() as isize);
        refused(System.alloc_zeroed(layout))
    }

    #[inline]
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        account(-(layout.size() as isize));
        System.dealloc(ptr, layout)
    }

    #[inline]
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        account(new_size as isize - layout.size() as isize);
        refused(System.realloc(ptr, layout, new_size))
    }
}

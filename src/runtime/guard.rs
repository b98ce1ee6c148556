//! Guards against the failures a script must never cause: running the Rust stack dry on
//! interpreter threads, and (for tests of the crash path only) a deliberate panic.

use std::cell::Cell;
use std::sync::OnceLock;

thread_local! {
    /// Address below which this thread's stack is considered full (0: not guarded).
    static STACK_LIMIT: Cell<usize> = const { Cell::new(0) };
}

/// An address inside the caller's stack frame.
#[inline(always)]
fn stack_pointer() -> usize {
    let marker = 0u8;
    std::hint::black_box(&marker) as *const u8 as usize
}

/// Called first thing on a thread spawned with a `stack_size`-byte stack: from then on
/// [`stack_exhausted_below`] is true once less than an eighth of it (at least 1 MiB) is left.
/// Threads that never called it are not guarded.
pub fn enter_thread(stack_size: usize) {
    let margin = (stack_size / 8).max(1 << 20);
    let usable = stack_size.saturating_sub(margin);
    STACK_LIMIT.with(|l| l.set(stack_pointer().saturating_sub(usable)));
}

/// Whether the calling thread, the process's main thread, can hold a `size`-byte stack below
/// the current stack pointer, so that a method may run on it with the same guarantees as on a
/// thread spawned with that stack size (saving the thread's start and hand-over; for a one-line
/// `mini4d run` that was most of what was left of the start-up on a busy machine). On Linux the
/// main stack grows on demand up to the soft `RLIMIT_STACK`: this checks in `/proc/self/maps`
/// that the addresses below the stack are free for `size` bytes (plus the kernel's gap), then
/// raises the soft limit (never above the hard one). `false`, changing nothing, when any of
/// this is not so (or on another platform): the caller then spawns a thread as before.
/// Call it from the main thread only: other threads have a fixed-size stack.
pub fn main_stack_can_hold(size: usize) -> bool {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    {
        main_stack::can_hold(size)
    }
    #[cfg(not(all(target_os = "linux", target_env = "gnu")))]
    {
        let _ = size;
        false
    }
}

/// Gives a program started by the script the soft stack limit mini4d itself started with:
/// [`main_stack_can_hold`] may have raised it to 1 GiB for the main method, and a child would
/// inherit that (glibc then reserves 1 GiB for each of the child's threads).
pub fn child_gets_original_stack_limit(cmd: &mut std::process::Command) {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    main_stack::restore_in_child(cmd);
    #[cfg(not(all(target_os = "linux", target_env = "gnu")))]
    let _ = cmd;
}

#[cfg(all(target_os = "linux", target_env = "gnu"))]
mod main_stack {
    use std::sync::atomic::{AtomicU64, Ordering};

    #[repr(C)]
    struct Rlimit {
        cur: u64,
        max: u64,
    }
    extern "C" {
        fn getrlimit(resource: i32, limit: *mut Rlimit) -> i32;
        fn setrlimit(resource: i32, limit: *const Rlimit) -> i32;
    }
    const RLIMIT_STACK: i32 = 3;
    /// Room kept free below the grown stack: the kernel keeps 1 MiB between a stack and the
    /// next mapping (`stack_guard_gap`); twice that for safety.
    const GAP: usize = 2 << 20;

    pub fn can_hold(size: usize) -> bool {
        let sp = super::stack_pointer();
        let Ok(maps) = std::fs::read_to_string("/proc/self/maps") else { return false };
        // The mapping holding the stack pointer, and the end of the one below it.
        let mut below_end = 0usize;
        let mut stack_top = None;
        for line in maps.lines() {
            let Some((range, _)) = line.split_once(' ') else { return false };
            let Some((lo, hi)) = range.split_once('-') else { return false };
            let (Ok(lo), Ok(hi)) = (usize::from_str_radix(lo, 16), usize::from_str_radix(hi, 16))
            else {
                return false;
            };
            if (lo..hi).contains(&sp) {
                stack_top = Some(hi);
                break;
            }
            below_end = hi;
        }
        let Some(top) = stack_top else { return false };
        let Some(lowest) = sp.checked_sub(size) else { return false };
        if lowest < below_end.saturating_add(GAP) {
            return false;
        }
        let needed = (top - lowest) as u64 + (1 << 20);
        let mut limit = Rlimit { cur: 0, max: 0 };
        // SAFETY: plain system calls on a local struct of the layout glibc uses (two rlim_t).
        unsafe {
            if getrlimit(RLIMIT_STACK, &mut limit) != 0 {
                return false;
            }
            if limit.cur >= needed {
                return true;
            }
            if limit.max < needed {
                return false;
            }
            let original = limit.cur;
            limit.cur = needed;
            if setrlimit(RLIMIT_STACK, &limit) != 0 {
                return false;
            }
            RAISED_FROM.store(original, Ordering::Relaxed);
            true
        }
    }

    /// The soft stack limit before [`can_hold`] raised it; `u64::MAX` while it is not raised.
    static RAISED_FROM: AtomicU64 = AtomicU64::new(u64::MAX);

    /// See [`super::child_gets_original_stack_limit`].
    pub fn restore_in_child(cmd: &mut std::process::Command) {
        use std::os::unix::process::CommandExt;
        let original = RAISED_FROM.load(Ordering::Relaxed);
        if original == u64::MAX {
            return;
        }
        // SAFETY: the closure runs in the child between fork and exec and makes only the
        // async-signal-safe getrlimit/setrlimit system calls, on a local struct.
        unsafe {
            cmd.pre_exec(move || {
                let mut limit = Rlimit { cur: 0, max: 0 };
                if getrlimit(RLIMIT_STACK, &mut limit) == 0 {
                    limit.cur = original;
                    setrlimit(RLIMIT_STACK, &limit);
                }
                Ok(())
            });
        }
    }
}

/// This thread's guard address, for callers that check often and keep it (0: not guarded).
pub fn stack_limit() -> usize {
    STACK_LIMIT.with(Cell::get)
}

/// Whether the current thread is close to the end of its stack (stacks grow downwards on every
/// platform mini4d supports), against the limit read earlier on this thread with [`stack_limit`].
#[inline(always)]
pub fn stack_exhausted_below(limit: usize) -> bool {
    limit != 0 && stack_pointer() < limit
}

/// For tests of the internal-error path only: panics when the environment variable
/// `MINI4D_TEST_PANIC` equals `place` (`main`, `interp` or `process`). Read once per run.
pub fn test_panic(place: &str) {
    static WANTED: OnceLock<Option<String>> = OnceLock::new();
    let wanted = WANTED.get_or_init(|| std::env::var("MINI4D_TEST_PANIC").ok());
    if wanted.as_deref() == Some(place) {
        panic!("MINI4D_TEST_PANIC={place}: deliberate panic for testing");
    }
}

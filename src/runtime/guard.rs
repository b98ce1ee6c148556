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

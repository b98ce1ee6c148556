//! `4D.Signal`: a flag that processes wait on until another process triggers it.
//!
//! A signal is a shared object (it carries user properties under `Use`); this is the part that
//! is not a property: whether it was triggered, and the wake-up of the processes waiting for it.

use std::time::{Duration, Instant};

use parking_lot::{Condvar, Mutex};

#[derive(Default)]
pub struct Signal {
    signaled: Mutex<bool>,
    triggered: Condvar,
}

impl Signal {
    pub fn is_signaled(&self) -> bool {
        *self.signaled.lock()
    }

    /// Sets the flag for good and wakes every waiting process (nothing to do once set).
    pub fn trigger(&self) {
        let mut s = self.signaled.lock();
        if !*s {
            *s = true;
            self.triggered.notify_all();
        }
    }

    /// Waits until the flag is set or `timeout` has passed (`None`: no limit); returns the flag.
    /// `deadline` (the run's time limit) also ends the wait.
    pub fn wait(&self, timeout: Option<Duration>, deadline: Option<Instant>) -> bool {
        let until = match (timeout.and_then(|t| Instant::now().checked_add(t)), deadline) {
            (Some(a), Some(b)) => Some(a.min(b)),
            (a, b) => a.or(b),
        };
        let mut s = self.signaled.lock();
        while !*s {
            match until {
                Some(u) => {
                    if self.triggered.wait_until(&mut s, u).timed_out() {
                        break;
                    }
                }
                None => self.triggered.wait(&mut s),
            }
        }
        *s
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::Arc;

    #[test]
    fn wait_returns_false_after_timeout_and_true_once_triggered() {
        let s = Arc::new(Signal::default());
        assert!(!s.wait(Some(Duration::from_millis(5)), None));
        let t = {
            let s = s.clone();
            std::thread::spawn(move || s.trigger())
        };
        assert!(s.wait(None, None));
        t.join().expect("thread");
        assert!(s.is_signaled());
        // Already signaled: returns at once.
        assert!(s.wait(Some(Duration::ZERO), None));
    }
}

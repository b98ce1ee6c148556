//! The optional timeout of `.wait()` (4D.SystemWorker, 4D.HTTPRequest): a deadline, and how
//! long the next wait for an event may last, so that callbacks still run every 100 ms.

use std::time::{Duration, Instant};

use crate::commands::Args;
use crate::runtime::{RtError, Value};

/// Longest single wait for an event before looking again.
const STEP: Duration = Duration::from_millis(100);

/// When a `.wait(timeout)` gives up; `None`: waits until the work is done.
pub struct Deadline(Option<Instant>);

impl Deadline {
    /// From `.wait({timeout})`'s argument `i`, in seconds (absent: no deadline).
    pub fn from_arg(args: &Args, i: usize, name: &str) -> Result<Deadline, RtError> {
        let at = match args.value(i) {
            Value::Undefined => None,
            _ => Some(Instant::now() + Duration::from_secs_f64(args.num(i, name)?.clamp(0.0, 1e9))),
        };
        Ok(Deadline(at))
    }

    /// How long the next wait may last; `None` once the deadline has passed.
    pub fn next_step(&self) -> Option<Duration> {
        match self.0 {
            Some(d) => {
                let now = Instant::now();
                (now < d).then(|| (d - now).min(STEP))
            }
            None => Some(STEP),
        }
    }
}

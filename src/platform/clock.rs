//! Where time comes from. The app reads a [`Clock`]; tests drive a [`ManualClock`].

use std::sync::{Arc, Mutex, PoisonError};
use std::time::{Duration, Instant};

use chrono::{DateTime, FixedOffset, Local};

/// Monotonic time for the timer, wall time for records.
pub trait Clock {
    /// Time since a fixed origin; never goes backwards.
    fn monotonic(&self) -> Duration;
    /// The local date and time, with its offset.
    fn wall(&self) -> DateTime<FixedOffset>;
}

/// The real clock.
pub struct SystemClock {
    origin: Instant,
}

impl SystemClock {
    pub fn new() -> Self {
        Self {
            origin: Instant::now(),
        }
    }

    /// The instant [`Clock::monotonic`] counts from (the sound side places cues by it).
    pub fn origin(&self) -> Instant {
        self.origin
    }
}

impl Default for SystemClock {
    fn default() -> Self {
        Self::new()
    }
}

impl Clock for SystemClock {
    fn monotonic(&self) -> Duration {
        self.origin.elapsed()
    }

    fn wall(&self) -> DateTime<FixedOffset> {
        Local::now().fixed_offset()
    }
}

/// A clock that moves only when told to; clones share the same time.
#[derive(Clone)]
pub struct ManualClock {
    state: Arc<Mutex<(Duration, DateTime<FixedOffset>)>>,
}

impl ManualClock {
    pub fn new(wall: DateTime<FixedOffset>) -> Self {
        Self {
            state: Arc::new(Mutex::new((Duration::ZERO, wall))),
        }
    }

    /// Move both clocks forward.
    pub fn advance(&self, by: Duration) {
        let mut state = self.state.lock().unwrap_or_else(PoisonError::into_inner);
        state.0 += by;
        state.1 += chrono::Duration::from_std(by).unwrap_or(chrono::TimeDelta::zero());
    }
}

impl Clock for ManualClock {
    fn monotonic(&self) -> Duration {
        self.state.lock().unwrap_or_else(PoisonError::into_inner).0
    }

    fn wall(&self) -> DateTime<FixedOffset> {
        self.state.lock().unwrap_or_else(PoisonError::into_inner).1
    }
}

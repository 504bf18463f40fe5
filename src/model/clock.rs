//! The clock is injected: nothing in the model reads the wall clock itself.

use chrono::{DateTime, Local};

use super::Time;

/// Where "now" comes from.
pub trait Clock {
    fn now(&self) -> Time;
}

/// The machine's clock in its local time zone.
#[derive(Debug, Default, Clone, Copy)]
pub struct SystemClock;

impl Clock for SystemClock {
    fn now(&self) -> Time {
        Local::now().fixed_offset()
    }
}

/// A clock stopped at one instant (tests, screenshots, `LIAISON_NOW`).
#[derive(Debug, Clone, Copy)]
pub struct FixedClock(pub Time);

impl Clock for FixedClock {
    fn now(&self) -> Time {
        self.0
    }
}

/// The clock a process should use: `LIAISON_NOW` (RFC 3339) if set, for
/// reproducible screens and scripts, else the system clock.
pub fn from_env() -> Result<Box<dyn Clock>, String> {
    match std::env::var("LIAISON_NOW") {
        Ok(v) if !v.trim().is_empty() => DateTime::parse_from_rfc3339(v.trim())
            .map(|t| Box::new(FixedClock(t)) as Box<dyn Clock>)
            .map_err(|e| format!("LIAISON_NOW='{v}' is not an RFC 3339 time: {e}")),
        _ => Ok(Box::new(SystemClock)),
    }
}

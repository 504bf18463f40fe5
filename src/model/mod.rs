//! The domain, pure: no terminal, no file system; the clock is passed in.

pub mod attendance;
pub mod capture;
pub mod checklist;
pub mod choice;
pub mod clock;
pub mod conflict;
pub mod custody;
mod error;
pub mod field;
mod item;
pub mod meeting;
pub mod moving;
mod notes;
pub mod recur;
pub mod remind;
pub mod rfc3339;
pub mod roster;
mod state;
pub mod substitute;
#[cfg(test)]
pub mod testing;
pub mod triage;
mod validate;
pub mod week;
pub mod when;

#[cfg(test)]
mod recur_tests;

pub use capture::{CaptureOutcome, Followup, Marker};
pub use checklist::{Check, Prep};
pub use clock::{Clock, FixedClock, SystemClock};
pub use error::{MeetingError, ModelError};
pub use item::{
    Category, Class, CopyKind, CustodyEvent, Item, Kind, MeetingType, Note, Priority, Rule, Status,
    Time, Void,
};
pub use roster::{Member, Role, TeamError};
pub use state::{Counters, State, VERSION};
pub use validate::{tidy, validate};

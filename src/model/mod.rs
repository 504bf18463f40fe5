//! The domain, pure: no terminal, no file system; the clock is passed in.

pub mod choice;
pub mod clock;
pub mod custody;
mod error;
mod item;
pub mod rfc3339;
mod state;
pub mod triage;
pub mod when;

pub use clock::{Clock, FixedClock, SystemClock};
pub use error::ModelError;
pub use item::{
    Category, Class, CustodyEvent, Item, Kind, MeetingType, Note, Priority, Rule, Status, Time,
};
pub use state::{Counters, State, VERSION, tidy, validate};

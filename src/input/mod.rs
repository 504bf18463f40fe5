//! From terminal events to actions.

pub mod keymap;
pub mod mouse;

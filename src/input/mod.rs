//! From terminal events to actions.

pub mod keymap;
pub mod keys;
pub mod mouse;

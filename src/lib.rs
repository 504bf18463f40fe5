//! liaison: a terminal dashboard for the liaison officer of an inspection team.

pub mod cli;
pub mod i18n;
pub mod model;
pub mod store;
pub mod text;

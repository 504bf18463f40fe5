//! liaison: a terminal dashboard for the liaison officer of an inspection team.

#![forbid(unsafe_code)]

pub mod app;
pub mod cli;
pub mod config;
pub mod dashboard;
pub mod i18n;
pub mod input;
pub mod model;
pub mod office;
pub mod report;
pub mod sanitize;
pub mod store;
pub mod sync;
pub mod text;
pub mod ui;

//! liaison: a terminal dashboard for the liaison officer of an inspection team.

#![forbid(unsafe_code)]

/// mimalloc for every program built on the crate (the binary, its tests and
/// benchmarks alike). A load makes and drops ~200,000 small strings and
/// vectors across two threads; against the system allocator, replaying
/// 10,000 journal operations took 7 ms instead of 12, and dropping a
/// 10,000-item state 2 ms instead of 9 (BENCHMARKS.md, "Fifth pass").
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

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

//! The Simplified Chinese texts: one exhaustive table per key enum, so the compiler
//! names any key this language leaves out.

pub mod cli_texts;
pub mod custody;
pub mod field_texts;
pub mod git_texts;
pub mod office;
pub mod report_texts;
pub mod store_texts;
pub mod sync_texts;
pub mod team;
pub mod texts;

//! The real `liaison` binary, run the same way by every command-line test:
//! on its own data directory, at a fixed clock, in the C locale, with no
//! config file and nothing else from the caller's environment that could
//! choose the data, the clock or the language.
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

#[path = "clock.rs"]
mod clock;
#[allow(unused_imports)]
pub use clock::{NOW, now};
pub const BIN: &str = env!("CARGO_BIN_EXE_liaison");

/// A temporary directory and the data directory inside it (not created yet).
pub fn data_dir() -> (tempfile::TempDir, PathBuf) {
    let root = tempfile::tempdir().unwrap();
    let data = root.path().join("data");
    (root, data)
}

/// `cmd` (the binary, or a wrapper that execs it) set up to run on `data`
/// at `now`.
pub fn setup(mut cmd: Command, data: &Path, now: &str) -> Command {
    cmd.arg("--data-dir")
        .arg(data)
        .env("LIAISON_NOW", now)
        .env(
            "LIAISON_CONFIG",
            data.with_file_name("config-that-is-not-there.toml"),
        )
        .env("LANG", "C")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env_remove("LIAISON_DATA_DIR")
        .env_remove("LIAISON_PASSPHRASE_FILE")
        .stdin(Stdio::null());
    cmd
}

/// `liaison --data-dir DATA` at `now`.
pub fn liaison(data: &Path, now: &str) -> Command {
    setup(Command::new(BIN), data, now)
}

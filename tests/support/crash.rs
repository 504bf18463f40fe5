//! Killing a child that saves in a loop: the test re-runs its own executable
//! with one test selected and an environment variable that makes that test
//! the saving child, then SIGKILLs it at a varying moment.
#![allow(dead_code)]

use std::io::{BufRead, BufReader};
use std::os::unix::process::ExitStatusExt;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::Duration;

/// A small, seeded generator: the delays are the same from run to run;
/// where in a save each kill lands still varies with the machine's timing.
pub struct Delays(u64);

impl Delays {
    pub fn new(seed: u64) -> Delays {
        Delays(seed)
    }

    pub fn below(&mut self, n: u64) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0 % n
    }
}

/// Starts the child test `child` with `env = data`, and kills it: in one
/// round out of four while it starts (opening the store, clearing what the
/// last one left), otherwise after it printed `ready`, i.e. while saving.
/// Asserts it died of the kill, not of an error of its own.
pub fn kill_once(
    child: &str,
    env: &str,
    data: &Path,
    ready: &str,
    round: usize,
    delays: &mut Delays,
) {
    let exe = std::env::current_exe().unwrap();
    let mut process = Command::new(&exe)
        .args(["--exact", child, "--nocapture", "--test-threads=1"])
        .env(env, data)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    if round.is_multiple_of(4) {
        std::thread::sleep(Duration::from_micros(delays.below(8_000)));
    } else {
        let stdout = BufReader::new(process.stdout.take().unwrap());
        let started = stdout
            .lines()
            .map_while(Result::ok)
            .any(|l| l.contains(ready));
        assert!(started, "round {round}: the child stopped before saving");
        std::thread::sleep(Duration::from_micros(delays.below(12_000)));
    }
    process.kill().unwrap();
    let status = process.wait().unwrap();
    assert_eq!(
        status.signal(),
        Some(9),
        "round {round}: the child ended with {status}"
    );
}

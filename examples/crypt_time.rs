//! What encryption at rest costs here: deriving a key, and one load and one
//! saved change at 10,000 items, plain and encrypted.
//!
//! `cargo run --release --example crypt_time [ITEMS]`

use std::time::{Duration, Instant};

use liaison::cli::demo::synthetic;
use liaison::model::{Item, Kind};
use liaison::store::crypt::Key;
use liaison::store::{KdfParams, Passphrase, Store};

fn median(mut times: Vec<Duration>) -> String {
    times.sort();
    let ms = |d: Duration| d.as_secs_f64() * 1000.0;
    format!(
        "median {:.1} ms (min {:.1}, max {:.1})",
        ms(times[times.len() / 2]),
        ms(times[0]),
        ms(times[times.len() - 1])
    )
}

fn timed(runs: usize, mut f: impl FnMut()) -> String {
    median(
        (0..runs)
            .map(|_| {
                let start = Instant::now();
                f();
                start.elapsed()
            })
            .collect(),
    )
}

fn main() {
    let items: usize = std::env::args()
        .nth(1)
        .and_then(|a| a.parse().ok())
        .unwrap_or(10_000);
    let pass = Passphrase::new("a passphrase of usual length");
    let p = KdfParams::DEFAULT;
    println!(
        "key derivation, Argon2id {} MiB, {} passes, {} lane: {}",
        p.m_kib / 1024,
        p.t,
        p.p,
        timed(5, || {
            Key::derive(&pass, [0; 16], p).expect("valid costs");
        })
    );
    let now = chrono::Local::now().fixed_offset();
    for encrypted in [false, true] {
        let dir = tempfile::tempdir().expect("a temp dir");
        let mut store = Store::open(dir.path().join("data")).expect("open");
        let mut snap = store.load().expect("load");
        store
            .transact(&mut snap, now, |s| {
                *s = synthetic(items, now);
                Ok::<_, ()>(())
            })
            .expect("fill");
        if encrypted {
            store.encrypt(&pass, p).expect("encrypt");
        }
        let bytes = std::fs::metadata(store.state_path()).expect("stat").len();
        let label = if encrypted { "encrypted" } else { "plain" };
        println!(
            "{label:9} {items} items, {:.1} MB: load {}",
            bytes as f64 / 1e6,
            timed(15, || {
                store.load().expect("load");
            })
        );
        let mut snap = store.load().expect("load");
        let mut k = 0;
        println!(
            "{label:9} {items} items: one saved change {}",
            timed(15, || {
                k += 1;
                store
                    .transact(&mut snap, now, |s| {
                        s.add(Item::new(Kind::Logistics, format!("item {k}"), now))
                    })
                    .expect("save");
            })
        );
    }
}

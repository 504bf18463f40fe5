//! How long deriving a key takes here, for choosing the Argon2id costs:
//! `cargo run --release --example kdf_time [MIB PASSES]...`.

use std::time::Instant;

use liaison::store::crypt::Key;
use liaison::store::{KdfParams, Passphrase};

fn main() {
    let args: Vec<u32> = std::env::args()
        .skip(1)
        .filter_map(|a| a.parse().ok())
        .collect();
    let sets: Vec<KdfParams> = if args.len() >= 2 {
        args.chunks(2)
            .map(|c| KdfParams {
                m_kib: c[0] * 1024,
                t: c[1],
                p: 1,
            })
            .collect()
    } else {
        vec![KdfParams::DEFAULT]
    };
    let pass = Passphrase::new("a passphrase of usual length");
    for params in sets {
        let mut times = Vec::new();
        for _ in 0..5 {
            let start = Instant::now();
            Key::derive(&pass, [0; 16], params).expect("valid costs");
            times.push(start.elapsed().as_secs_f64() * 1000.0);
        }
        times.sort_by(f64::total_cmp);
        println!(
            "{} MiB, {} passes, {} lane: median {:.0} ms (min {:.0}, max {:.0})",
            params.m_kib / 1024,
            params.t,
            params.p,
            times[2],
            times[0],
            times[4]
        );
    }
}

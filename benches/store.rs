//! The store at 10,000 items: load, one saved change, and the parts of both
//! (parsing, writing the bytes, checking the custody chains).

mod common;

use std::hint::black_box;
use std::path::Path;

use criterion::{Criterion, criterion_group, criterion_main};
use liaison::model::{Item, Kind, ModelError, State, custody};
use liaison::store::{Quick, decode, encode};

use common::{N, now};

fn load(c: &mut criterion::Criterion) {
    let (_dir, store) = common::store(N);
    let bytes = std::fs::read(store.state_path()).expect("state file");
    let state = decode(&bytes, Path::new("state.json")).expect("valid");
    let mut g = c.benchmark_group("store");
    g.bench_function("load 10k", |b| {
        b.iter(|| black_box(store.load().expect("load")))
    });
    g.bench_function("decode 10k", |b| {
        b.iter(|| decode(black_box(&bytes), Path::new("state.json")).expect("valid"))
    });
    g.bench_function("encode 10k", |b| b.iter(|| encode(black_box(&state))));
    g.bench_function("encode 10k pretty", |b| {
        b.iter(|| serde_json::to_vec_pretty(black_box(&state)).expect("serialises"))
    });
    g.bench_function("verify custody 10k", |b| {
        b.iter(|| custody::verify(black_box(&state)))
    });
    g.finish();
}

fn save(c: &mut criterion::Criterion) {
    let (_dir, store) = common::store(N);
    let mut snap = store.load().expect("load");
    let mut g = c.benchmark_group("store");
    // Lock, check the stamp, apply, write a temp file, fsync, rename, fsync
    // the directory: what every change costs.
    g.bench_function("save one change 10k", |b| {
        b.iter(|| {
            store
                .transact(&mut snap, now(), |s| {
                    s.items[0].title.push('x');
                    Ok::<_, ModelError>(())
                })
                .expect("saved")
        })
    });
    g.finish();
}

/// How a load and a change grow with the store: 1k / 10k / 100k items in
/// the snapshot, and 0 / 10k / 100k operations in the journal after it.
///
/// `LIAISON_GROWTH_MAX=N` leaves out the sizes above N (100,000 items take
/// a minute to make and ~1 GB of temp space with their backups).
fn growth(c: &mut Criterion) {
    let max: usize = std::env::var("LIAISON_GROWTH_MAX")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(usize::MAX);
    let mut g = c.benchmark_group("growth");
    g.sample_size(10);
    for n in [1_000, 10_000, 100_000].into_iter().filter(|&n| n <= max) {
        let (_dir, store) = common::store(n);
        g.bench_function(format!("load {n} items"), |b| {
            b.iter(|| black_box(store.load().expect("load")))
        });
        // The command line's `add`: the quick path (journal and counters
        // only), and the full one now and then when a compaction is due.
        let mut add = |s: &mut State| s.add(Item::new(Kind::Logistics, "订车", now()));
        g.bench_function(format!("quick add {n} items"), |b| {
            b.iter(
                || match store.transact_few(now(), &[], &mut add).expect("saved") {
                    Quick::Done(id) => id,
                    Quick::Declined => {
                        let mut snap = store.load().expect("load");
                        store.transact(&mut snap, now(), add).expect("saved")
                    }
                },
            )
        });
        // The full path for the same change, for comparison.
        g.bench_function(format!("load + add {n} items"), |b| {
            b.iter(|| {
                let mut snap = store.load().expect("load");
                store.transact(&mut snap, now(), add).expect("saved")
            })
        });
    }
    for ops in [10_000, 100_000].into_iter().filter(|&n| n <= max) {
        let (_dir, store) = common::store_with_journal(N, ops);
        g.bench_function(format!("load 10000 items + {ops} journal ops"), |b| {
            b.iter(|| black_box(store.load().expect("load")))
        });
    }
    g.finish();
}

criterion_group! {
    name = benches;
    config = common::config();
    targets = load, save, growth
}
criterion_main!(benches);

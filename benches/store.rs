//! The store at 10,000 items: load, one saved change, and the parts of both
//! (parsing, writing the bytes, checking the custody chains).

mod common;

use std::hint::black_box;
use std::path::Path;

use criterion::{criterion_group, criterion_main};
use liaison::model::{ModelError, custody};
use liaison::store::{decode, encode};

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

criterion_group! {
    name = benches;
    config = common::config();
    targets = load, save
}
criterion_main!(benches);

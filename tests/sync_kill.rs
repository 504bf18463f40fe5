//! kill -9 while a data directory takes in another replica's operations,
//! at 20 points spread over the whole take-in: the data directory always
//! loads and verifies, and taking the same operations in again completes
//! to the same state as the replica they came from.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;

use liaison::model::{Item, Kind, Time};
use liaison::store::{Op, Store};

const CHILD_DIR: &str = "LIAISON_TEST_TAKE_IN_DIR";
const CHILD_OPS: &str = "LIAISON_TEST_TAKE_IN_OPS";

fn now() -> Time {
    chrono::DateTime::parse_from_rfc3339("2026-11-25T10:00:00+08:00").unwrap()
}

/// Run only as the child of `a_kill_during_take_in_leaves_a_loadable_store`:
/// takes the operations in the file named by `CHILD_OPS` into the data
/// directory named by `CHILD_DIR`.
#[test]
#[ignore = "a helper process, started by the kill test"]
fn take_in_child() {
    let dir = PathBuf::from(std::env::var(CHILD_DIR).expect("started by the kill test"));
    let ops: Vec<Op> =
        serde_json::from_slice(&std::fs::read(std::env::var(CHILD_OPS).unwrap()).unwrap()).unwrap();
    Store::open(dir).unwrap().take_in(ops, now()).unwrap();
}

fn founder(dir: &Path) -> Store {
    let store = Store::open(dir).unwrap();
    store.join_team(0, true).unwrap();
    let mut snap = store.load().unwrap();
    for n in 0..150 {
        let when = now() + chrono::Duration::minutes(n);
        store
            .transact(&mut snap, when, |s| {
                let id = s.add(Item::new(Kind::Logistics, format!("订车 {n}"), when))?;
                s.add_note(Some(&id), "司机已联系：周四8:30楼下", when)
            })
            .unwrap();
    }
    store
}

fn joiner(dir: &Path) -> Store {
    let store = Store::open(dir).unwrap();
    store.join_team(1, false).unwrap();
    store
}

fn child(dir: &Path, ops: &Path) -> Command {
    let mut c = Command::new(std::env::current_exe().unwrap());
    c.args(["--exact", "take_in_child", "--ignored", "--quiet"])
        .env(CHILD_DIR, dir)
        .env(CHILD_OPS, ops)
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null());
    c
}

#[test]
fn a_kill_during_take_in_leaves_a_loadable_store_and_a_repeat_completes() {
    let root = tempfile::tempdir().unwrap();
    let a = founder(&root.path().join("a"));
    let ops = a.own_ops_after(0).unwrap();
    let ops_file = root.path().join("ops.json");
    std::fs::write(&ops_file, serde_json::to_vec(&ops).unwrap()).unwrap();
    let want = a.load().unwrap().state.items;
    // How long a whole take-in takes here, process start included.
    let probe = root.path().join("probe");
    joiner(&probe);
    let start = Instant::now();
    assert!(child(&probe, &ops_file).status().unwrap().success());
    let whole = start.elapsed();
    assert_eq!(
        Store::open(&probe).unwrap().load().unwrap().state.items,
        want
    );
    let mut seed = 0x2545_f491_4f6c_dd1du64;
    let mut killed = 0;
    for round in 0..20 {
        let dir = root.path().join(format!("b{round}"));
        let b = joiner(&dir);
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        let wait = whole.mul_f64((seed % 1000) as f64 / 1000.0);
        let mut c = child(&dir, &ops_file).spawn().unwrap();
        std::thread::sleep(wait);
        if c.try_wait().unwrap().is_none() {
            killed += 1;
        }
        let _ = c.kill();
        let _ = c.wait();
        let after = b
            .load_verified()
            .unwrap_or_else(|e| panic!("round {round}: the data dir does not load: {e}"));
        assert!(liaison::model::custody::verify(&after.state).is_empty());
        assert!(b.team_problems().unwrap().is_empty(), "round {round}");
        b.take_in(ops.clone(), now())
            .unwrap_or_else(|e| panic!("round {round}: a repeat take-in failed: {e}"));
        assert_eq!(b.load().unwrap().state.items, want, "round {round}");
    }
    assert!(
        killed >= 5,
        "only {killed} of 20 kills landed during the take-in"
    );
    eprintln!("{killed} of 20 kills landed during a take-in of {whole:?}");
}

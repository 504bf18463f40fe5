//! Crash injection with encryption on: a child process saves in a loop and
//! is killed at random; every time, what is on disk is the old or the new
//! state (never torn) and no file, temporary ones included, holds plain text.

#[path = "support/clock.rs"]
mod clock;
#[path = "support/crash.rs"]
mod crash;
#[path = "support/files.rs"]
mod files_support;
use files_support::{contains, files};
use std::fs;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use liaison::model::{Item, Kind, Note, State, Time};
use liaison::store::envelope;
use liaison::store::{BACKUP_DIR, KdfParams, Passphrase, STATE_FILE, Store};

fn pass() -> Passphrase {
    Passphrase::new("巡察 correct horse")
}

fn minutes(m: i64) -> Time {
    clock::now() + chrono::Duration::minutes(m)
}

fn reopen(data: &Path) -> Store {
    let mut s = Store::open(data).unwrap();
    assert!(s.needs_passphrase().unwrap());
    s.unlock(&pass()).unwrap();
    s
}

const CHILD_DIR: &str = "LIAISON_TEST_CRYPT_CRASH_DIR";
const CHILD: &str = "crypt_crash_child_saves_in_a_loop";
const READY: &str = "crypt crash child: saving";
const NOTE: &str = "问答记录 interview ";

/// Not a test on its own: does nothing unless the crash test starts it.
#[test]
fn crypt_crash_child_saves_in_a_loop() {
    let Some(dir) = std::env::var_os(CHILD_DIR) else {
        return;
    };
    let mut store = Store::open(PathBuf::from(dir)).unwrap();
    store.unlock(&pass()).unwrap();
    let mut snap = store.load().unwrap();
    println!("{READY}");
    let deadline = Instant::now() + Duration::from_secs(20);
    while Instant::now() < deadline {
        let k = snap.state.items.len() as i64 + 1;
        let at = minutes(16 * k);
        store
            .transact(&mut snap, at, |s| {
                let mut item = Item::new(Kind::Logistics, k.to_string(), at);
                item.notes.push(Note {
                    at,
                    text: NOTE.repeat(8),
                });
                s.add(item)
            })
            .unwrap();
        store.save_draft(NOTE.as_bytes()).unwrap();
    }
}

fn kth(state: &State) -> Option<usize> {
    let want: Vec<String> = (1..=state.items.len()).map(|k| k.to_string()).collect();
    let titles: Vec<String> = state.items.iter().map(|i| i.title.clone()).collect();
    (titles == want).then_some(state.items.len())
}

#[test]
fn an_encrypted_save_killed_at_any_moment_is_never_torn_and_never_plain() {
    const KILLS: usize = 100;
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    Store::open(&data)
        .unwrap()
        .encrypt(&pass(), KdfParams::TEST_ONLY_CHEAP)
        .unwrap();
    let mut delays = crash::Delays::new(0x2545_F491_4F6C_DD1D);
    let started = Instant::now();
    let (mut last, mut advanced) = (0, 0);
    for round in 0..KILLS {
        crash::kill_once(CHILD, CHILD_DIR, &data, READY, round, &mut delays);

        // Before anything tidies up: no file, temp files included, is plain.
        for (path, bytes) in files(&data) {
            assert!(
                !contains(&bytes, "问答") && !contains(&bytes, "interview"),
                "round {round}: plaintext in {}",
                path.display()
            );
        }
        let store = reopen(&data);
        let state = store
            .load()
            .unwrap_or_else(|e| panic!("round {round}: {e}"))
            .state;
        let k = kth(&state).unwrap_or_else(|| panic!("round {round}: torn state"));
        assert!(k >= last, "round {round}: went back from {last} to {k}");
        advanced += usize::from(k > last);
        last = k;
        for info in store.backups().unwrap() {
            let path = data.join(BACKUP_DIR).join(&info.name);
            let backup = store.decode_file(&fs::read(&path).unwrap(), &path).unwrap();
            assert!(kth(&backup).is_some_and(|b| b <= k), "round {round}");
        }
        if let Some(draft) = store.load_draft() {
            assert_eq!(&draft[..], NOTE.as_bytes(), "round {round}: draft");
        }
        assert!(envelope::is_envelope(
            &fs::read(data.join(STATE_FILE)).unwrap()
        ));
    }
    eprintln!(
        "crypt crash: last state {last}, advanced in {advanced} rounds, {:?}",
        started.elapsed()
    );
    assert!(
        advanced >= KILLS / 8,
        "only {advanced} of {KILLS} children saved anything"
    );
}

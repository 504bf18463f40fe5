//! Encryption at rest, through the store: every file sealed, a round trip
//! that gives back the very bytes, a wrong passphrase or a damaged file
//! refused with nothing changed. (Crash injection: `crypt_crash.rs`.)

#[path = "support/clock.rs"]
mod clock;
#[path = "support/files.rs"]
mod files_support;
use files_support::{contains, files};
use std::fs;

use liaison::model::{Item, Kind, Note, Time};
use liaison::store::envelope::MAGIC;
use liaison::store::journal::{self, JOURNAL_FILE};
use liaison::store::{
    BACKUP_DIR, DRAFT_FILE, INDEX_FILE, KdfParams, Passphrase, STATE_FILE, Store, StoreError,
    TxError,
};
use tempfile::TempDir;

const PASS: &str = "巡察 correct horse";

fn pass() -> Passphrase {
    Passphrase::new(PASS)
}

use clock::now;

fn minutes(m: i64) -> Time {
    now() + chrono::Duration::minutes(m)
}

fn add(store: &Store, title: &str, at: Time) -> String {
    let mut snap = store.load().unwrap();
    store
        .transact(&mut snap, at, |s| {
            let mut item = Item::new(Kind::Document, title, at);
            item.notes.push(Note {
                at,
                text: format!("{title} 的记录"),
            });
            s.add(item)
        })
        .unwrap()
}

/// A plain store with a few items and backups, as before encryption.
fn plain_store_with_history() -> (TempDir, Store) {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path().join("data")).unwrap();
    for (k, title) in ["车辆采购合同", "Vehicle contracts", "党委会会议记录"]
        .iter()
        .enumerate()
    {
        add(&store, title, minutes(20 * k as i64));
    }
    store.save_draft("草稿：谈话提纲".as_bytes()).unwrap();
    assert!(store.backups().unwrap().len() >= 2);
    (dir, store)
}

fn reopen(store: &Store) -> Store {
    let mut s = Store::open(store.dir()).unwrap();
    assert!(s.needs_passphrase().unwrap());
    s.unlock(&pass()).unwrap();
    s
}

#[test]
fn turning_encryption_on_seals_every_file_and_off_gives_back_the_same_bytes() {
    let (_dir, mut store) = plain_store_with_history();
    let before = files(store.dir());
    let state = store.load().unwrap().state;
    let sealed = store.encrypt(&pass(), KdfParams::TEST_ONLY_CHEAP).unwrap();
    // The state (a new snapshot), each backup, the draft, the plain journal
    // (kept among the backups).
    assert_eq!(sealed, 1 + store.backups().unwrap().len() + 1 + 1);
    for (path, bytes) in files(store.dir()) {
        let name = path.file_name().unwrap().to_string_lossy();
        if name == JOURNAL_FILE {
            // Sealed operation by operation.
            for line in bytes.split(|&b| b == b'\n').filter(|l| !l.is_empty()) {
                assert!(journal::is_sealed_line(line), "a plain line in the journal");
            }
        } else if name != "lock" && name != "session.lock" {
            assert!(bytes.starts_with(MAGIC), "{} is not sealed", path.display());
        }
        for text in ["车辆", "Vehicle", "草稿", "记录"] {
            assert!(!contains(&bytes, text), "{text} in {}", path.display());
        }
    }
    let mut again = reopen(&store);
    assert_eq!(again.load().unwrap().state, state);
    assert_eq!(
        &again.load_draft().unwrap()[..],
        "草稿：谈话提纲".as_bytes()
    );
    // The same files, and the journal written while encrypted (kept).
    assert_eq!(again.decrypt().unwrap(), sealed + 1);
    assert!(!again.is_encrypted());
    assert_eq!(again.load().unwrap().state, state);
    let after = files(store.dir());
    for (path, bytes) in &before {
        let name = path.file_name().unwrap().to_string_lossy();
        if name == JOURNAL_FILE {
            // The journal before goes on in a new one, and is kept as it was.
            assert!(
                after.values().any(|b| b == bytes),
                "the old journal was not kept"
            );
        } else if name != "lock" && name != STATE_FILE && name != INDEX_FILE {
            // (The index of the snapshot is made again for the new one.)
            assert_eq!(after.get(path), Some(bytes), "{} changed", path.display());
        }
    }
    for (path, bytes) in &after {
        let text = String::from_utf8(bytes.clone()).unwrap();
        assert!(
            !text.contains("LIAISON-ENC"),
            "{} still sealed",
            path.display()
        );
        assert!(
            !journal::is_sealed_line(bytes),
            "{} still sealed",
            path.display()
        );
    }
    assert!(!Store::open(store.dir()).unwrap().is_encrypted());
}

#[test]
fn encrypting_an_empty_directory_seals_an_empty_state_so_nothing_is_written_plain() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(dir.path().join("data")).unwrap();
    store.encrypt(&pass(), KdfParams::TEST_ONLY_CHEAP).unwrap();
    let mut s = Store::open(store.dir()).unwrap();
    assert!(s.is_encrypted());
    // Locked: nothing is read or written until the passphrase is given.
    assert!(matches!(s.load(), Err(StoreError::Encrypted { .. })));
    assert!(matches!(
        s.save_draft(b"x"),
        Err(StoreError::Encrypted { .. })
    ));
    s.unlock(&pass()).unwrap();
    add(&s, "第一项", now());
    assert!(fs::read(s.state_path()).unwrap().starts_with(MAGIC));
}

#[test]
fn a_wrong_passphrase_is_refused_and_changes_nothing() {
    let (_dir, mut store) = plain_store_with_history();
    store.encrypt(&pass(), KdfParams::TEST_ONLY_CHEAP).unwrap();
    let before = files(store.dir());
    let mut s = Store::open(store.dir()).unwrap();
    for wrong in ["巡察 correct hors", "", "巡察 correct horse "] {
        let e = s.unlock(&Passphrase::new(wrong)).unwrap_err();
        assert!(matches!(e, StoreError::WrongPassphrase { .. }), "{e}");
    }
    assert!(matches!(s.load(), Err(StoreError::Encrypted { .. })));
    assert_eq!(files(store.dir()), before);
}

#[test]
fn the_privacy_screen_can_check_a_passphrase_against_the_open_store() {
    let (_dir, mut store) = plain_store_with_history();
    assert!(!store.verify_passphrase(&pass()), "no passphrase yet");
    store.encrypt(&pass(), KdfParams::TEST_ONLY_CHEAP).unwrap();
    assert!(store.verify_passphrase(&pass()));
    assert!(!store.verify_passphrase(&Passphrase::new("nope")));
    assert_eq!(store.kdf_params(), Some(KdfParams::TEST_ONLY_CHEAP));
}

/// What opening the data says after `damage` to the sealed state (there
/// are no backups to take the key from, so the state is the only file).
fn refused_after(damage: impl FnOnce(&mut Vec<u8>)) -> (StoreError, bool) {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(dir.path().join("data")).unwrap();
    let mut snap = store.load().unwrap();
    store
        .transact(&mut snap, now(), |s| {
            s.add(Item::new(Kind::Meeting, "个别谈话", now()))
        })
        .unwrap();
    store.encrypt(&pass(), KdfParams::TEST_ONLY_CHEAP).unwrap();
    let mut bytes = fs::read(store.state_path()).unwrap();
    damage(&mut bytes);
    fs::write(store.state_path(), &bytes).unwrap();
    let before = files(store.dir());
    let error = (|| {
        let mut s = Store::open(store.dir())?;
        if s.needs_passphrase()? {
            s.unlock(&pass())?;
        }
        s.load().map(|_| ())
    })()
    .expect_err("a damaged file is refused");
    assert_eq!(files(store.dir()), before, "a refused file was changed");
    (error, bytes.starts_with(MAGIC))
}

#[test]
fn a_damaged_envelope_is_refused_as_damaged_never_as_a_wrong_passphrase() {
    let len = {
        let mut n = 0;
        refused_after(|b| {
            n = b.len();
            b.truncate(1)
        });
        n
    };
    for cut in [1, 11, 12, 13, 14, 60, 107, 108, 109, len / 2, len - 1] {
        let (e, _) = refused_after(|b| b.truncate(cut));
        assert!(matches!(e, StoreError::Damaged { .. }), "cut to {cut}: {e}");
        assert!(e.to_string().contains("cut short"), "{e}");
    }
    let (e, _) = refused_after(|b| b.push(b'x'));
    assert!(matches!(e, StoreError::Damaged { .. }), "{e}");
    for at in (0..len).step_by(7).chain([12, 13, len - 1]) {
        let (e, sealed) = refused_after(|b| b[at] ^= 0x10);
        match e {
            StoreError::Damaged { .. } => {}
            // A changed magic is no envelope: read as JSON, it is corrupt.
            StoreError::Corrupt { .. } if !sealed => {}
            StoreError::NewerEnvelope { .. } if (12..14).contains(&at) => {}
            e => panic!("byte {at} flipped: {e}"),
        }
    }
    let (e, _) = refused_after(|b| b.truncate(0));
    assert!(matches!(e, StoreError::Corrupt { .. }), "{e}");
}

#[test]
fn a_newer_envelope_is_refused_as_newer_before_any_passphrase() {
    let (e, _) = refused_after(|b| b[12..14].copy_from_slice(&2u16.to_le_bytes()));
    assert!(
        matches!(
            e,
            StoreError::NewerEnvelope {
                found: 2,
                supported: 1,
                ..
            }
        ),
        "{e}"
    );
    assert!(e.to_string().contains("newer"), "{e}");
}

#[test]
fn a_damaged_state_leaves_the_backups_usable() {
    let (_dir, mut store) = plain_store_with_history();
    store.encrypt(&pass(), KdfParams::TEST_ONLY_CHEAP).unwrap();
    let name = store.backups().unwrap()[0].name.clone();
    fs::write(store.state_path(), b"LIAISON-ENC\n\x01").unwrap();
    let s = reopen(&store);
    assert!(matches!(s.load(), Err(StoreError::Damaged { .. })));
    let restored = s.restore(&name, minutes(600)).unwrap();
    assert!(!restored.state.items.is_empty());
    assert!(fs::read(s.state_path()).unwrap().starts_with(MAGIC));
}

#[test]
fn a_plain_process_never_writes_over_data_encrypted_meanwhile() {
    let (_dir, mut store) = plain_store_with_history();
    let other = Store::open(store.dir()).unwrap();
    let mut snap = other.load().unwrap();
    store.encrypt(&pass(), KdfParams::TEST_ONLY_CHEAP).unwrap();
    let before = files(store.dir());
    let e = other
        .transact(&mut snap, minutes(999), |s| {
            s.add(Item::new(Kind::Logistics, "明文", now()))
        })
        .unwrap_err();
    assert!(
        matches!(e, TxError::Store(StoreError::Encrypted { .. })),
        "{e}"
    );
    assert!(other.save_draft(b"plain draft").is_err());
    assert_eq!(files(store.dir()), before);
}

#[test]
fn encryption_is_not_switched_under_an_open_dashboard() {
    let (_dir, mut store) = plain_store_with_history();
    let session = store.claim_session().unwrap().unwrap();
    let before = files(store.dir());
    let e = store
        .encrypt(&pass(), KdfParams::TEST_ONLY_CHEAP)
        .unwrap_err();
    assert!(matches!(e, StoreError::InUse { .. }), "{e}");
    assert_eq!(files(store.dir()), before);
    drop(session);
    store.encrypt(&pass(), KdfParams::TEST_ONLY_CHEAP).unwrap();
}

#[test]
fn files_an_interrupted_encrypt_left_plain_are_found_and_sealed() {
    let (_dir, store) = plain_store_with_history();
    let name = store.backups().unwrap()[0].name.clone();
    let backup = store.dir().join(BACKUP_DIR).join(&name);
    let plain_backup = fs::read(&backup).unwrap();
    let plain_draft = fs::read(store.dir().join(DRAFT_FILE)).unwrap();
    let mut store = store;
    store.encrypt(&pass(), KdfParams::TEST_ONLY_CHEAP).unwrap();
    // As if killed after the state was sealed.
    fs::write(&backup, &plain_backup).unwrap();
    fs::write(store.dir().join(DRAFT_FILE), &plain_draft).unwrap();
    let mut s = reopen(&store);
    assert_eq!(
        s.plain_leftovers(),
        [backup.clone(), s.dir().join(DRAFT_FILE)]
    );
    // Restoring a plain backup while encryption is on is refused.
    let e = s.restore(&name, minutes(600)).unwrap_err();
    assert!(matches!(e, StoreError::Plaintext { .. }), "{e}");
    assert_eq!(s.seal_leftovers().unwrap(), 2);
    assert!(s.plain_leftovers().is_empty());
    assert!(fs::read(&backup).unwrap().starts_with(MAGIC));
    s.restore(&name, minutes(600)).unwrap();
}

#[test]
fn decrypt_refuses_when_a_backup_does_not_open_and_changes_nothing() {
    let (_dir, mut store) = plain_store_with_history();
    store.encrypt(&pass(), KdfParams::TEST_ONLY_CHEAP).unwrap();
    let name = store.backups().unwrap()[1].name.clone();
    let path = store.dir().join(BACKUP_DIR).join(&name);
    let mut bytes = fs::read(&path).unwrap();
    let last = bytes.len() - 1;
    bytes[last] ^= 1;
    fs::write(&path, &bytes).unwrap();
    let before = files(store.dir());
    let e = store.decrypt().unwrap_err();
    assert!(matches!(e, StoreError::Damaged { .. }), "{e}");
    assert_eq!(files(store.dir()), before);
    assert!(store.is_encrypted());
}

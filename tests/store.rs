//! The store against its contract: what is saved loads back equal, a file it
//! cannot read is refused and left untouched, backups are kept and pruned,
//! transactions never lose another writer's change, and a save killed at any
//! moment leaves either the old or the new state on disk.

#[path = "support/clock.rs"]
mod clock;
#[path = "support/crash.rs"]
mod crash;
#[path = "support/files.rs"]
mod files_support;
use files_support::files;
use std::fs;
use std::os::unix::fs::MetadataExt;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use chrono::{DateTime, FixedOffset};
use liaison::model::{
    Category, Check, Class, Counters, CustodyEvent, Followup, Item, Kind, MeetingType, ModelError,
    Note, Prep, Priority, Rule, State, Status, Time, VERSION,
};
use liaison::store::{BACKUP_DIR, STATE_FILE, Store, StoreError, TxError, decode, encode};
use proptest::prelude::*;
use tempfile::TempDir;

use clock::now;

/// How many backups the store keeps.
const KEEP: usize = 10;

fn minutes(m: i64) -> Time {
    now() + chrono::Duration::minutes(m)
}

fn fresh() -> (TempDir, Store) {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path().join("data")).unwrap();
    (dir, store)
}

/// Adds a logistics item titled `title` at `at`; returns its id.
fn add(store: &Store, title: &str, at: Time) -> String {
    let mut snap = store.load().unwrap();
    store
        .transact(&mut snap, at, |s| {
            s.add(Item::new(Kind::Logistics, title, at))
        })
        .unwrap()
}

fn titles(state: &State) -> Vec<String> {
    state.items.iter().map(|i| i.title.clone()).collect()
}

/// A state using every field, with Chinese, emoji and control characters.
fn rich_state() -> State {
    let mut state = State {
        inspection: Some("某市交通运输集团巡察 🚌".into()),
        ..State::default()
    };
    let mut doc = Item::new(Kind::Document, "2023—2025年党委会会议记录 📄", now());
    doc.from = Some("党委办公室".into());
    doc.rule = Some(Rule::Shred);
    doc.class = Some(Class::Confidential);
    doc.due = Some(minutes(60 * 24));
    doc.priority = Priority::High;
    doc.contact = Some("王主任\t(分机 8012)".into());
    doc.custody.push(CustodyEvent {
        at: minutes(5),
        action: liaison::model::custody::Action::Receive,
        person: Some("联络员".into()),
        witness: Some("组长".into()),
        location: Some("驻地保密柜 A-3".into()),
        note: Some("共 3 册\n另附光盘".into()),
        by: Some("联络员小王".into()),
        approved_by: None,
        until: None,
        reason: None,
        prev: "0".repeat(8),
        hash: "abc123".into(),
        void: None,
        conflict: None,
    });
    doc.notes.push(Note {
        at: minutes(7),
        text: "问：为什么没有公开招标？\n答：\u{1b}[2J 见凭证".into(),
    });
    state.add(doc).unwrap();
    let mut meeting = Item::new(Kind::Meeting, "个别谈话：财务部负责人", now());
    meeting.meeting_type = Some(MeetingType::Interview);
    meeting.start = Some(minutes(270));
    meeting.end = Some(minutes(330));
    meeting.place = Some("驻地二楼谈话室".into());
    meeting.attendees = vec!["组长".into(), "联络员".into()];
    meeting.status = Status::InProgress;
    state.add(meeting).unwrap();
    let mut task = Item::new(Kind::Logistics, "订房 🏨", now());
    task.category = Some(Category::Lodging);
    task.status = Status::Waiting;
    state.add(task).unwrap();
    let mut sub = Item::new(Kind::Substitute, "替谈话组做记录", now());
    sub.section = Some("谈话组".into());
    sub.start = Some(minutes(30));
    state.add(sub).unwrap();
    state.inbox.push(Note {
        at: now(),
        text: "明早确认车辆 🚗".into(),
    });
    state
}

// ---------------------------------------------------------------------------
// Strategies.

/// Text that stresses encoding: any Unicode, or a mix of Chinese, emoji,
/// control characters and JSON's special characters.
fn text() -> impl Strategy<Value = String> {
    let pool: Vec<char> = "aZ 09 巡察组联络员资料调阅会务安排，。“” 😀🎉👨‍👩‍👧🇨🇳 \
                           \u{0}\u{1}\u{8}\t\n\r\u{1b}\u{7f}\u{85}\u{2028}\u{feff}\"\\/'{}[]:,"
        .chars()
        .collect();
    prop_oneof![
        any::<String>(),
        prop::collection::vec(prop::sample::select(pool), 0..40)
            .prop_map(|chars| chars.into_iter().collect::<String>()),
    ]
}

/// Any instant from 2020 to 2035, to the nanosecond, in any whole-minute offset.
fn time() -> impl Strategy<Value = Time> {
    (
        1_577_836_800i64..2_082_758_400,
        0u32..1_000_000_000,
        -(12 * 60)..=(14 * 60i32),
    )
        .prop_map(|(secs, nanos, offset)| {
            let offset = FixedOffset::east_opt(offset * 60).unwrap();
            DateTime::from_timestamp(secs, nanos)
                .unwrap()
                .with_timezone(&offset)
        })
}

fn note() -> impl Strategy<Value = Note> {
    (time(), text()).prop_map(|(at, text)| Note { at, text })
}

fn followup() -> impl Strategy<Value = Followup> {
    (time(), text(), prop::option::of(time())).prop_map(|(at, text, done)| Followup {
        at,
        text,
        done,
    })
}

fn check() -> impl Strategy<Value = Check> {
    (prop::option::of(pick(Prep::ALL)), text(), any::<bool>()).prop_map(|(key, text, done)| Check {
        key,
        text,
        done,
    })
}

fn custody_event() -> impl Strategy<Value = CustodyEvent> {
    (
        time(),
        prop::sample::select(liaison::model::custody::Action::ALL),
        prop::option::of(text()),
        prop::option::of(text()),
        prop::option::of(text()),
        prop::option::of(text()),
        prop::option::of(text()),
        text(),
        text(),
    )
        .prop_map(
            |(at, action, person, witness, location, note, reason, prev, hash)| CustodyEvent {
                at,
                action,
                // The newer fields take values of the same shapes.
                by: reason.clone(),
                approved_by: witness.clone(),
                until: person.as_ref().map(|_| at),
                person,
                witness,
                location,
                note,
                reason,
                prev,
                hash,
                void: None,
                conflict: None,
            },
        )
}

fn pick<T: Copy + std::fmt::Debug + 'static>(all: &'static [T]) -> impl Strategy<Value = T> {
    prop::sample::select(all)
}

fn item() -> impl Strategy<Value = Item> {
    let common = (
        "[LDMS][0-9]{1,4}",
        pick(Kind::ALL),
        text(),
        pick(Status::ALL),
        pick(Priority::ALL),
        prop::option::of(time()),
        prop::option::of(time()),
        prop::option::of(time()),
        (time(), time()),
        prop::option::of(text()),
        prop::collection::vec(note(), 0..3),
        prop::collection::vec(followup(), 0..2),
    );
    let specific = (
        prop::option::of(pick(Category::ALL)),
        prop::option::of(text()),
        prop::option::of(pick(Rule::ALL)),
        prop::option::of(pick(Class::ALL)),
        prop::collection::vec(custody_event(), 0..3),
        prop::option::of(pick(MeetingType::ALL)),
        prop::option::of(text()),
        prop::collection::vec(text(), 0..3),
        prop::option::of(text()),
        prop::collection::vec(check(), 0..3),
        prop::option::of(text()),
        prop::option::of(text()),
    );
    (common, specific).prop_map(|(c, s)| {
        let (
            id,
            kind,
            title,
            status,
            priority,
            due,
            start,
            end,
            (created, updated),
            contact,
            notes,
            followups,
        ) = c;
        let (
            category,
            from,
            rule,
            class,
            custody,
            meeting_type,
            place,
            attendees,
            section,
            checklist,
            meeting,
            handback,
        ) = s;
        // A class change alongside the first step, when there is one.
        let class_log = custody
            .first()
            .map(|e| liaison::model::custody::ClassChange {
                at: e.at,
                from: class,
                to: Some(liaison::model::Class::Secret),
                reason: e.note.clone(),
            })
            .into_iter()
            .collect();
        Item {
            class_log,
            id,
            kind,
            title,
            status,
            priority,
            due,
            start,
            end,
            created,
            updated,
            contact,
            notes,
            followups,
            category,
            from,
            rule,
            class,
            custody_head: custody.last().map(|e| e.hash.clone()).unwrap_or_default(),
            custody,
            parent: meeting.clone(),
            copy_kind: meeting.as_ref().map(|_| liaison::model::CopyKind::Extract),
            meeting,
            meeting_type,
            place,
            attendees,
            checklist,
            section,
            handback,
            every: None,
            every_until: None,
            series: None,
            this_only: None,
        }
    })
}

fn state() -> impl Strategy<Value = State> {
    (
        prop::option::of(text()),
        any::<[u32; 4]>(),
        prop::collection::vec(item(), 0..5),
        prop::collection::vec(note(), 0..4),
        prop::collection::vec((text(), 0..4usize), 0..3),
    )
        .prop_map(|(inspection, [l, d, m, s], mut items, inbox, team)| {
            // An id names one item: the model never hands one out twice.
            let mut seen = std::collections::HashSet::new();
            items.retain(|i: &liaison::model::Item| seen.insert(i.id.clone()));
            let members = team
                .into_iter()
                .map(|(name, r)| liaison::model::Member::new(name, liaison::model::Role::ALL[r]))
                .collect();
            (inspection, [l, d, m, s], items, inbox, members)
        })
        .prop_map(|(inspection, [l, d, m, s], items, inbox, members)| State {
            version: VERSION,
            inspection,
            counters: Counters {
                logistics: l,
                document: d,
                meeting: m,
                substitute: s,
            },
            items,
            inbox,
            members,
            attendance: Vec::new(),
        })
}

// ---------------------------------------------------------------------------
// Round trip and decoding.

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    #[test]
    fn what_is_saved_loads_back_equal(state in state()) {
        let (_dir, store) = fresh();
        let mut snap = store.load().unwrap();
        let wanted = state.clone();
        store
            .transact(&mut snap, now(), move |s| {
                *s = state;
                Ok::<_, ModelError>(())
            })
            .unwrap();
        prop_assert_eq!(&snap.state, &wanted);
        // A second handle, as another process would open it.
        let loaded = Store::open(store.dir()).unwrap().load().unwrap();
        prop_assert_eq!(&loaded.state, &wanted);
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

    #[test]
    fn decode_never_panics_on_arbitrary_bytes(bytes in prop::collection::vec(any::<u8>(), 0..600)) {
        let _ = decode(&bytes, Path::new("state.json"));
    }

    #[test]
    fn decode_never_panics_on_almost_json(
        head in prop::sample::select(vec![
            "", "{", "{\"version\":", "{\"version\":1,\"items\":[", "{\"version\":2,",
            "{\"version\":1,\"items\":[{\"id\":\"L1\",\"kind\":\"logistics\",\"title\":",
        ]),
        tail in prop::collection::vec(any::<u8>(), 0..200),
    ) {
        let mut bytes = head.as_bytes().to_vec();
        bytes.extend(tail);
        let _ = decode(&bytes, Path::new("state.json"));
    }

    /// A file damaged in a few bytes is refused, or reads as a whole state of
    /// the same shape; never a state with part of the data missing.
    #[test]
    fn a_damaged_file_is_refused_or_whole(
        edits in prop::collection::vec((any::<prop::sample::Index>(), 1..=255u8), 1..4),
    ) {
        let state = rich_state();
        let mut bytes = encode(&state);
        for (at, mask) in edits {
            let at = at.index(bytes.len());
            bytes[at] ^= mask;
        }
        if let Ok(got) = decode(&bytes, Path::new("state.json")) {
            prop_assert_eq!(got.items.len(), state.items.len());
            prop_assert_eq!(got.inbox.len(), state.inbox.len());
            for (a, b) in got.items.iter().zip(&state.items) {
                prop_assert_eq!(a.notes.len(), b.notes.len());
                prop_assert_eq!(a.custody.len(), b.custody.len());
                prop_assert_eq!(a.attendees.len(), b.attendees.len());
                prop_assert_eq!(
                    [a.due.is_some(), a.start.is_some(), a.end.is_some(), a.from.is_some()],
                    [b.due.is_some(), b.start.is_some(), b.end.is_some(), b.from.is_some()]
                );
            }
        }
    }
}

#[test]
fn a_file_cut_short_anywhere_is_refused() {
    let bytes = encode(&rich_state());
    let whole = bytes.trim_ascii_end().len();
    for cut in 0..whole {
        match decode(&bytes[..cut], Path::new("state.json")) {
            Err(StoreError::Corrupt { .. }) => {}
            other => panic!("cut at {cut} of {}: {other:?}", bytes.len()),
        }
    }
    assert_eq!(
        decode(&bytes[..whole], Path::new("state.json")).unwrap(),
        rich_state()
    );
}

#[test]
fn a_file_with_any_byte_flipped_is_refused() {
    // Flipping the top bit of any byte leaves invalid UTF-8 or broken JSON.
    let bytes = encode(&rich_state());
    for at in 0..bytes.len() {
        let mut bad = bytes.clone();
        bad[at] ^= 0x80;
        assert!(
            decode(&bad, Path::new("state.json")).is_err(),
            "flipped byte {at} ({:?}) was accepted",
            bytes[at] as char
        );
    }
}

/// A valid file of ten synthetic items: every kind, notes, chained custody.
fn ten_items() -> (State, Vec<u8>) {
    let state = liaison::cli::demo::synthetic(10, now());
    let bytes = encode(&state);
    assert_eq!(decode(&bytes, Path::new("state.json")).unwrap(), state);
    (state, bytes)
}

#[test]
fn a_ten_item_file_cut_at_every_offset_is_refused_not_half_loaded() {
    let (state, bytes) = ten_items();
    let whole = bytes.trim_ascii_end().len();
    for cut in 0..=bytes.len() {
        match decode(&bytes[..cut], Path::new("state.json")) {
            Err(StoreError::Corrupt { .. }) if cut < whole => {}
            // Only trailing whitespace was cut: the whole state is there.
            Ok(got) if cut >= whole => assert_eq!(got, state),
            other => panic!("cut at {cut} of {}: {other:?}", bytes.len()),
        }
    }
}

/// JSON's structural bytes: what holds the shape of the data together.
const STRUCTURAL: &[u8] = b"{}[]:,\"";

/// The offsets of the structural bytes of a JSON text: the quotes around
/// strings, and brackets, colons and commas outside them.
fn structural_offsets(json: &[u8]) -> Vec<usize> {
    let (mut out, mut in_string, mut escaped) = (Vec::new(), false, false);
    for (at, &b) in json.iter().enumerate() {
        if in_string {
            match b {
                _ if escaped => escaped = false,
                b'\\' => escaped = true,
                b'"' => {
                    in_string = false;
                    out.push(at);
                }
                _ => {}
            }
        } else if STRUCTURAL.contains(&b) {
            in_string = b == b'"';
            out.push(at);
        }
    }
    out
}

#[test]
fn a_ten_item_file_with_any_structural_byte_changed_is_refused() {
    let (_, bytes) = ten_items();
    // Each of the eight single-bit flips, and each other structural byte or
    // whitespace put in its place.
    let replacements = |b: u8| {
        (0..8)
            .map(move |bit| b ^ (1 << bit))
            .chain(STRUCTURAL.iter().chain(b" \n").copied())
            .filter(move |r| *r != b)
    };
    let mut tried = 0;
    for at in structural_offsets(&bytes) {
        for r in replacements(bytes[at]) {
            let mut bad = bytes.clone();
            bad[at] = r;
            tried += 1;
            if let Ok(got) = decode(&bad, Path::new("state.json")) {
                panic!(
                    "byte {at} {:?} changed to {:?} was accepted: {} items",
                    bytes[at] as char,
                    r as char,
                    got.items.len()
                );
            }
        }
    }
    assert!(tried > 10_000, "only {tried} changes tried");
}

#[test]
fn a_misspelt_field_name_is_refused_not_dropped() {
    // A damaged key must not make its value silently vanish (the next save
    // would then write the loss to disk).
    let text = String::from_utf8(encode(&rich_state())).unwrap();
    let keys: Vec<usize> = text.match_indices("\":").map(|(at, _)| at).collect();
    assert!(keys.len() > 30, "the sample should use many fields");
    for end in keys {
        let start = text[..end].rfind('"').unwrap() + 1;
        let mut bad = text.clone().into_bytes();
        bad[start] = b'Q';
        let key = &text[start..end];
        assert!(
            decode(&bad, Path::new("state.json")).is_err(),
            "the file with key {key:?} misspelt was accepted"
        );
    }
}

#[test]
fn the_version_tells_newer_from_corrupt() {
    let mut value: serde_json::Value = serde_json::from_slice(&encode(&rich_state())).unwrap();
    for version in [0, VERSION, VERSION + 1, 1000] {
        value["version"] = version.into();
        let got = decode(&serde_json::to_vec(&value).unwrap(), Path::new("s.json"));
        match got {
            Ok(s) if version <= VERSION => assert_eq!(s.items.len(), 4),
            Err(StoreError::Newer {
                found, supported, ..
            }) if version > VERSION => {
                assert_eq!((found, supported), (version, VERSION));
            }
            other => panic!("version {version}: {other:?}"),
        }
    }
    // A newer file whose shape this version does not know is newer, not corrupt.
    let future = format!(
        r#"{{"version": {}, "items": {{"by_id": {{}}}}, "tags": [1]}}"#,
        VERSION + 1
    );
    assert!(matches!(
        decode(future.as_bytes(), Path::new("s.json")),
        Err(StoreError::Newer { .. })
    ));
}

// ---------------------------------------------------------------------------
// Files the store cannot read.

/// Runs `load` and `transact` on a store whose file holds `bytes`; both must
/// refuse and leave every file as it was. Returns the two errors' texts.
fn refuse_both(bytes: &[u8], check: impl Fn(&StoreError)) -> [String; 2] {
    let (_dir, store) = fresh();
    add(&store, "订房", now());
    let mut stale = store.load().unwrap();
    fs::write(store.state_path(), bytes).unwrap();
    let before = files(store.dir());

    let store = Store::open(store.dir()).unwrap();
    let load = store.load().unwrap_err();
    check(&load);
    let tx = store
        .transact(&mut stale, minutes(30), |s| {
            s.add(Item::new(Kind::Meeting, "动员会", now()))
        })
        .unwrap_err();
    let TxError::Store(tx) = tx else {
        panic!("the change was blamed: {tx}")
    };
    check(&tx);
    assert_eq!(files(store.dir()), before, "a file was changed");
    [load.to_string(), tx.to_string()]
}

#[test]
fn a_corrupt_file_is_refused_with_its_place_and_left_untouched() {
    let bytes = b"{\n  \"version\": 1,\n  \"items\": [\n    {\"id\": \"L1\",, }\n";
    for message in refuse_both(bytes, |e| {
        assert!(
            matches!(
                e,
                StoreError::Corrupt {
                    line: 4,
                    column: 17,
                    ..
                }
            ),
            "{e:?}"
        )
    }) {
        assert!(message.contains("state.json"), "{message}");
        assert!(message.contains("line 4 column 17"), "{message}");
        assert!(!message.contains('\n'), "{message}");
    }
}

#[test]
fn a_newer_file_is_refused_as_newer_and_left_untouched() {
    let bytes = format!(
        r#"{{"version": {}, "items": [], "boards": {{}}}}"#,
        VERSION + 1
    );
    for message in refuse_both(bytes.as_bytes(), |e| {
        assert!(
            matches!(e, StoreError::Newer { found, .. } if *found == VERSION + 1),
            "{e:?}"
        )
    }) {
        assert!(message.contains("state.json"), "{message}");
        assert!(message.contains("newer"), "{message}");
    }
}

// ---------------------------------------------------------------------------
// Opening.

#[test]
fn opening_removes_temp_files_a_crash_left_behind() {
    let (_dir, store) = fresh();
    add(&store, "订房", now());
    add(&store, "订车", minutes(1));
    let backups = store.dir().join(BACKUP_DIR);
    assert_eq!(store.backups().unwrap().len(), 1);
    let stale = [store.dir().join(".tmp-a1B2c3"), backups.join(".tmp-Zz9")];
    for path in &stale {
        fs::write(path, b"{\"version\": 1, \"items\": [").unwrap();
    }
    let keep = store.dir().join("notes.txt");
    fs::write(&keep, "mine").unwrap();
    let before_state = fs::read(store.state_path()).unwrap();

    let store = Store::open(store.dir()).unwrap();
    for path in &stale {
        assert!(!path.exists(), "{} is still there", path.display());
    }
    assert!(keep.exists());
    assert_eq!(fs::read(store.state_path()).unwrap(), before_state);
    assert_eq!(store.backups().unwrap().len(), 1);
}

// ---------------------------------------------------------------------------
// Backups.

#[test]
fn edits_take_one_backup_per_fifteen_minutes() {
    let (_dir, store) = fresh();
    // One edit a minute for 40 minutes: the first creates the file, the second
    // finds no backup and takes one, then one each time the newest is 15 old.
    let mut taken = Vec::new();
    let mut newest: Option<i64> = None;
    for m in 0..=40 {
        add(&store, &m.to_string(), minutes(m));
        if m > 0 && newest.is_none_or(|n| m - n >= 15) {
            newest = Some(m);
            taken.push(m);
        }
    }
    let list = store.backups().unwrap();
    let got: Vec<String> = list.iter().map(|b| b.taken.clone()).collect();
    let wanted: Vec<String> = taken
        .iter()
        .rev()
        .map(|m| minutes(*m).format("%Y-%m-%d %H:%M:%S").to_string())
        .collect();
    assert_eq!(got, wanted);
    assert_eq!(wanted.len(), 3);
    // Each backup holds the state just before the edit that took it.
    for (info, m) in list.iter().zip(taken.iter().rev()) {
        let bytes = fs::read(store.dir().join(BACKUP_DIR).join(&info.name)).unwrap();
        let state = decode(&bytes, Path::new(&info.name)).unwrap();
        assert_eq!(state.items.len() as i64, *m, "{}", info.name);
        assert_eq!(info.bytes, bytes.len() as u64);
    }
}

#[test]
fn at_most_ten_backups_are_kept_the_newest() {
    let (_dir, store) = fresh();
    let edits = 25;
    for k in 0..edits {
        add(&store, &k.to_string(), minutes(16 * k));
        assert!(store.backups().unwrap().len() <= KEEP);
    }
    let list = store.backups().unwrap();
    assert_eq!(list.len(), KEEP);
    assert_eq!(
        fs::read_dir(store.dir().join(BACKUP_DIR)).unwrap().count(),
        KEEP,
        "pruned backups must be deleted"
    );
    // Newest first: the one taken at the last edit holds all items but the last.
    for (age, info) in list.iter().enumerate() {
        let bytes = fs::read(store.dir().join(BACKUP_DIR).join(&info.name)).unwrap();
        let state = decode(&bytes, Path::new(&info.name)).unwrap();
        assert_eq!(
            state.items.len(),
            (edits - 1) as usize - age,
            "{}",
            info.name
        );
    }
}

#[test]
fn restore_backs_up_the_current_file_first() {
    let (_dir, store) = fresh();
    add(&store, "订房", now());
    add(&store, "订车", minutes(1));
    let [first] = store.backups().unwrap().try_into().unwrap();
    let current = encode(&store.load().unwrap().state);

    let snap = store.restore(&first.name, minutes(2)).unwrap();
    assert_eq!(titles(&snap.state), ["订房"]);
    assert_eq!(titles(&store.load().unwrap().state), ["订房"]);
    let list = store.backups().unwrap();
    assert_eq!(list.len(), 2);
    let newest = fs::read(store.dir().join(BACKUP_DIR).join(&list[0].name)).unwrap();
    assert_eq!(newest, current, "the state before the restore was not kept");
    assert_eq!(list[1].name, first.name);
}

#[test]
fn restore_refuses_a_corrupt_backup_or_an_unknown_name() {
    let (_dir, store) = fresh();
    add(&store, "订房", now());
    add(&store, "订车", minutes(1));
    let [first] = store.backups().unwrap().try_into().unwrap();
    let path = store.dir().join(BACKUP_DIR).join(&first.name);
    fs::write(&path, b"{\"version\": 1, \"items\": [{").unwrap();
    let before = files(store.dir());

    let err = store.restore(&first.name, minutes(2)).unwrap_err();
    assert!(
        matches!(err, StoreError::Corrupt { ref path, .. } if path.ends_with(&first.name)),
        "{err:?}"
    );
    for name in [
        "state-20991231-235959-1.json",
        "state.json",
        "../state.json",
        "",
        "lock",
    ] {
        let err = store.restore(name, minutes(2)).unwrap_err();
        assert!(matches!(err, StoreError::NoBackup(_)), "{name}: {err:?}");
    }
    assert_eq!(
        files(store.dir()),
        before,
        "a refused restore changed a file"
    );
}

// ---------------------------------------------------------------------------
// Transactions.

type Change = Box<dyn FnOnce(&mut State) -> Result<(), ModelError>>;

#[test]
fn a_refused_change_writes_nothing() {
    let (_dir, store) = fresh();
    add(&store, "订房", now());
    let path = store.state_path();
    let meta = fs::metadata(&path).unwrap();
    let before = files(store.dir());
    // Later, so a save would also be due for a backup.
    let at = minutes(60);
    let mut snap = store.load().unwrap();
    let refusals: [Change; 3] = [
        Box::new(move |s| s.add(Item::new(Kind::Logistics, "  ", at)).map(drop)),
        Box::new(move |s| s.mark_done("D9", at).map(drop)),
        Box::new(move |s| s.add_note(Some("L1"), "\n", at)),
    ];
    for change in refusals {
        let err = store.transact(&mut snap, at, change).unwrap_err();
        assert!(matches!(err, TxError::Refused(_)), "{err:?}");
    }
    let after = fs::metadata(&path).unwrap();
    assert_eq!(files(store.dir()), before);
    assert_eq!(
        (after.ino(), after.modified().unwrap()),
        (meta.ino(), meta.modified().unwrap())
    );
    assert_eq!(snap.state, store.load().unwrap().state);
}

#[test]
fn a_stale_snapshot_is_reloaded_so_both_changes_survive() {
    let (_dir, first) = fresh();
    let second = Store::open(first.dir()).unwrap();
    add(&first, "订房", now());
    let mut a = first.load().unwrap();
    let mut b = second.load().unwrap();

    second
        .transact(&mut b, minutes(1), |s| {
            s.add(Item::new(Kind::Meeting, "动员会", now()))
        })
        .unwrap();
    let id = first
        .transact(&mut a, minutes(2), |s| {
            s.add(Item::new(Kind::Document, "会议记录", now()))
        })
        .unwrap();
    assert_eq!(id, "D1");
    let on_disk = second.load().unwrap().state;
    assert_eq!(titles(&on_disk), ["订房", "动员会", "会议记录"]);
    assert_eq!(a.state, on_disk);

    // And the other way round, on an item both touch.
    second
        .transact(&mut b, minutes(3), |s| {
            s.add_note(Some("L1"), "第一条", now())
        })
        .unwrap();
    second
        .transact(&mut b, minutes(3), |s| s.mark_done("M1", now()).map(drop))
        .unwrap();
    let notes = |s: &State| {
        s.get("L1")
            .unwrap()
            .notes
            .iter()
            .map(|n| n.text.clone())
            .collect::<Vec<_>>()
    };
    assert_eq!(notes(&b.state), ["第一条"]);
    first
        .transact(&mut a, minutes(4), |s| {
            s.add_note(Some("L1"), "第二条", now())
        })
        .unwrap();
    let on_disk = first.load().unwrap().state;
    assert_eq!(notes(&on_disk), ["第一条", "第二条"]);
    assert_eq!(on_disk.get("M1").unwrap().status, Status::Done);
}

// ---------------------------------------------------------------------------
// Crash injection: a child process saves in a loop and is killed at random.

/// Set in the child: the data directory to save into.
const CRASH_CHILD_DIR: &str = "LIAISON_TEST_CRASH_CHILD_DIR";
const CRASH_CHILD: &str = "crash_child_saves_in_a_loop";
/// What the child prints once it has opened the store and starts saving.
const CRASH_CHILD_READY: &str = "crash child: saving";

/// Not a test on its own: does nothing unless the crash test starts it.
/// Writes state k = items titled "1".."k", one save at a time, until killed.
#[test]
fn crash_child_saves_in_a_loop() {
    let Some(dir) = std::env::var_os(CRASH_CHILD_DIR) else {
        return;
    };
    let store = Store::open(PathBuf::from(dir)).unwrap();
    let mut snap = store.load().unwrap();
    println!("{CRASH_CHILD_READY}");
    // Never outlive a parent that died without killing us.
    let deadline = Instant::now() + Duration::from_secs(20);
    while Instant::now() < deadline {
        let k = snap.state.items.len() as i64 + 1;
        // Sixteen minutes apart, so saves take backups too.
        let at = minutes(16 * k);
        store
            .transact(&mut snap, at, |s| {
                let mut item = Item::new(Kind::Logistics, k.to_string(), at);
                item.notes.push(Note {
                    at,
                    text: format!("记录 {k}：问答 ").repeat(8),
                });
                s.add(item)
            })
            .unwrap();
    }
}

/// k if `state` is exactly the k-th state the child writes.
fn kth(state: &State) -> Option<usize> {
    let want: Vec<String> = (1..=state.items.len()).map(|k| k.to_string()).collect();
    (titles(state) == want).then_some(state.items.len())
}

#[test]
fn a_save_killed_at_any_moment_leaves_the_old_or_the_new_state() {
    const KILLS: usize = 120;
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let mut delays = crash::Delays::new(0x9E37_79B9_7F4A_7C15);
    let started = Instant::now();
    let mut last = 0;
    let mut advanced = 0;
    for round in 0..KILLS {
        crash::kill_once(
            CRASH_CHILD,
            CRASH_CHILD_DIR,
            &data,
            CRASH_CHILD_READY,
            round,
            &mut delays,
        );

        if !data.join(STATE_FILE).exists() {
            continue;
        }
        let store = Store::open(&data).unwrap();
        let state = store
            .load()
            .unwrap_or_else(|e| panic!("round {round}: {e}"))
            .state;
        let k =
            kth(&state).unwrap_or_else(|| panic!("round {round}: torn state {:?}", titles(&state)));
        assert!(
            k >= last,
            "round {round}: went back from state {last} to {k}"
        );
        advanced += usize::from(k > last);
        last = k;
        for info in store.backups().unwrap() {
            let bytes = fs::read(data.join(BACKUP_DIR).join(&info.name)).unwrap();
            let backup = decode(&bytes, Path::new(&info.name)).unwrap();
            assert!(
                kth(&backup).is_some_and(|b| b <= k),
                "round {round}: backup {}",
                info.name
            );
        }
        let leftovers: Vec<_> = [data.clone(), data.join(BACKUP_DIR)]
            .iter()
            .filter_map(|d| fs::read_dir(d).ok())
            .flat_map(|rd| rd.flatten())
            .filter(|e| e.file_name().to_string_lossy().starts_with(".tmp-"))
            .collect();
        assert!(
            leftovers.is_empty(),
            "round {round}: temp files left after open"
        );
    }
    eprintln!(
        "crash: last state {last}, advanced in {advanced} rounds, {:?}",
        started.elapsed()
    );
    // The kills must have landed among saves, not only before the first one.
    // (Bounded low: on a loaded machine most children manage one save only.)
    assert!(
        advanced >= KILLS / 8,
        "only {advanced} of {KILLS} children saved anything"
    );
}

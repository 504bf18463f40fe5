//! Dates through the real binary: local times in a zone with daylight
//! saving at fixed clocks on both sides of a change, what was understood
//! said on `add`, the config's date settings, and the weekday refusal.

#[path = "support/bin.rs"]
mod bin;

use std::path::Path;
use std::process::{Command, Output};

use serde_json::Value;

const NEW_YORK: &str = "America/New_York";

/// The zone tests need the tz database's New York (the package `tzdata`,
/// which `.ci/run` installs): without it they fail rather than pass unseen.
fn has_new_york() -> bool {
    let known = Path::new("/usr/share/zoneinfo").join(NEW_YORK).is_file();
    assert!(known, "no tz database entry for {NEW_YORK}: install tzdata");
    known
}

fn in_new_york(data: &Path, now: &str, args: &[&str]) -> Output {
    let mut cmd: Command = bin::liaison(data, now);
    cmd.env("TZ", NEW_YORK).args(args).output().unwrap()
}

fn ok(out: Output) -> (String, String) {
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(out.status.success(), "{err}");
    (String::from_utf8(out.stdout).unwrap(), err)
}

fn field(data: &Path, now: &str, id: &str, name: &str) -> String {
    let (out, _) = ok(in_new_york(data, now, &["list", "--json", "--all"]));
    let items: Vec<Value> = serde_json::from_str(&out).unwrap();
    let item = items.iter().find(|i| i["id"] == id).unwrap();
    item[name].as_str().unwrap().to_string()
}

/// 1 December: winter time (-05:00).
const DECEMBER: &str = "2026-12-01T10:00:00-05:00";

#[test]
fn a_summer_time_typed_in_winter_takes_the_summer_offset_everywhere() {
    if !has_new_york() {
        return;
    }
    let (_root, data) = bin::data_dir();
    let add = ["add", "meeting", "summer", "--start", "2026-07-01 10:00"];
    let (id, _) = ok(in_new_york(&data, DECEMBER, &add));
    let id = id.trim();
    assert_eq!(
        field(&data, DECEMBER, id, "start"),
        "2026-07-01T10:00:00-04:00"
    );
    // `list` and `report` say the same wall time; the invitation is at 14:00 UTC.
    let (list, _) = ok(in_new_york(&data, DECEMBER, &["list", "--all"]));
    assert!(list.contains("07-01 10:00"), "{list}");
    let (brief, _) = ok(in_new_york(
        &data,
        DECEMBER,
        &["report", "--date", "2026-07-01"],
    ));
    assert!(
        brief.contains("10:00") && !brief.contains("09:00"),
        "{brief}"
    );
    let (ics, _) = ok(in_new_york(&data, DECEMBER, &["export", "--format", "ics"]));
    assert!(ics.contains("DTSTART:20260701T140000Z"), "{ics}");
}

#[test]
fn clocks_on_both_sides_of_a_change_read_each_day_in_its_own_offset() {
    if !has_new_york() {
        return;
    }
    let (_root, data) = bin::data_dir();
    // Saturday before the spring change, for Sunday after it.
    let before = "2026-03-07T12:00:00-05:00";
    let (id, _) = ok(in_new_york(
        &data,
        before,
        &["add", "meeting", "a", "--start", "tomorrow 9am"],
    ));
    assert_eq!(
        field(&data, before, id.trim(), "start"),
        "2026-03-08T09:00:00-04:00"
    );
    // Monday after it, for the Sunday before it.
    let after = "2026-03-09T10:00:00-04:00";
    let (id, _) = ok(in_new_york(
        &data,
        after,
        &["add", "logistics", "b", "--due", "2026-03-01 10:00"],
    ));
    assert_eq!(
        field(&data, after, id.trim(), "due"),
        "2026-03-01T10:00:00-05:00"
    );
}

#[test]
fn a_skipped_or_doubled_time_is_moved_or_chosen_and_said() {
    if !has_new_york() {
        return;
    }
    let (_root, data) = bin::data_dir();
    let (id, err) = ok(in_new_york(
        &data,
        DECEMBER,
        &["add", "meeting", "gap", "--start", "2026-03-08 02:30"],
    ));
    assert_eq!(
        field(&data, DECEMBER, id.trim(), "start"),
        "2026-03-08T03:30:00-04:00"
    );
    assert!(
        err.contains("03:30") && err.contains("02:30 does not exist"),
        "{err}"
    );
    let (id, err) = ok(in_new_york(
        &data,
        DECEMBER,
        &[
            "--lang",
            "zh",
            "add",
            "meeting",
            "fold",
            "--start",
            "2026-11-01 01:30",
        ],
    ));
    assert_eq!(
        field(&data, DECEMBER, id.trim(), "start"),
        "2026-11-01T01:30:00-04:00"
    );
    assert!(err.contains("取第一次"), "{err}");
}

#[test]
fn add_says_what_a_guess_was_read_as_in_the_users_language() {
    let (_root, data) = bin::data_dir();
    let out = bin::liaison(&data, bin::NOW)
        .args([
            "--lang",
            "zh",
            "add",
            "logistics",
            "x",
            "--due",
            "周五下班前",
        ])
        .output()
        .unwrap();
    let (_, err) = ok(out);
    assert_eq!(err, "liaison: 截止 → 周五 11-27 17:30（下班前）\n");
    // A plain date needs no guess and says nothing.
    let out = bin::liaison(&data, bin::NOW)
        .args(["add", "logistics", "y", "--due", "2026-11-27 17:30"])
        .output()
        .unwrap();
    assert_eq!(ok(out).1, "");
}

#[test]
fn the_config_sets_the_date_order_and_the_working_day() {
    let (root, data) = bin::data_dir();
    let config = root.path().join("config.toml");
    std::fs::write(&config, "date_order = \"dmy\"\nworkday_end = \"18:00\"\n").unwrap();
    let add = |due: &str| {
        let out = bin::liaison(&data, bin::NOW)
            .env("LIAISON_CONFIG", &config)
            .args(["add", "logistics", "x", "--due", due])
            .output()
            .unwrap();
        ok(out).0.trim().to_string()
    };
    let due = |id: &str| {
        let out = bin::liaison(&data, bin::NOW)
            .args(["list", "--json", "--all"])
            .output()
            .unwrap();
        let items: Vec<Value> = serde_json::from_str(&ok(out).0).unwrap();
        let item = items.iter().find(|i| i["id"] == id).unwrap().clone();
        item["due"].as_str().unwrap().to_string()
    };
    assert_eq!(due(&add("28/11")), "2026-11-28T23:59:00+08:00");
    assert_eq!(due(&add("下班前")), "2026-11-25T18:00:00+08:00");
}

#[test]
fn a_weekday_that_does_not_match_the_date_is_refused_naming_both() {
    let (_root, data) = bin::data_dir();
    let out = bin::liaison(&data, bin::NOW)
        .args([
            "--lang",
            "zh",
            "add",
            "logistics",
            "x",
            "--due",
            "11月28日周一",
        ])
        .output()
        .unwrap();
    assert!(!out.status.success());
    let err = String::from_utf8(out.stderr).unwrap();
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(err.contains("2026-11-28 是周六，不是周一"), "{err}");
    assert!(!data.join("state.json").exists());
}

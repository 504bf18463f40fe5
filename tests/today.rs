//! `liaison list --today` gives the Today view's list: the same items, in
//! the same order, for the same reasons, custody alerts included.

#[path = "support/bin.rs"]
mod bin;
use std::path::Path;

use chrono::DateTime;
use liaison::app::App;
use liaison::config::Config;
use liaison::i18n::Lang;
use liaison::model::triage::Reason;
use liaison::model::{FixedClock, ModelError, Status};
use liaison::store::Store;
use serde_json::Value;

use bin::NOW;

fn liaison_at(data: &Path, now: &str, args: &[&str]) -> String {
    let out = bin::liaison(data, now).args(args).output().unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{args:?} failed: {err}");
    String::from_utf8(out.stdout).unwrap()
}

/// The name `list --json` gives a reason.
fn name(reason: Reason) -> &'static str {
    match reason {
        Reason::Overdue => "overdue",
        Reason::ReturnOverdue => "return-overdue",
        Reason::MeetingToday => "meeting",
        Reason::DueToday => "due",
        Reason::LoanDueToday => "loan-due-today",
        Reason::Waiting => "waiting",
        Reason::AwaitingDisposal => "awaiting-disposal",
    }
}

/// The Today view's list at `now`: (id, reason) in order.
fn today_view(data: &Path, now: &str) -> Vec<(String, String)> {
    let store = Store::open(data).unwrap();
    let snap = store.load().unwrap();
    let clock = Box::new(FixedClock(DateTime::parse_from_rfc3339(now).unwrap()));
    let app = App::new(store, snap, Lang::En, Config::default(), clock);
    app.today
        .iter()
        .map(|(i, r)| (app.items()[*i].id.clone(), name(*r).to_string()))
        .collect()
}

fn list_today(data: &Path, now: &str) -> Vec<(String, String)> {
    let out = liaison_at(data, now, &["list", "--today", "--json"]);
    let rows: Value = serde_json::from_str(&out).unwrap();
    rows.as_array()
        .unwrap()
        .iter()
        .map(|r| {
            let s = |k: &str| r[k].as_str().unwrap().to_string();
            (s("id"), s("today"))
        })
        .collect()
}

#[test]
fn list_today_is_the_today_view_at_a_fixed_clock() {
    let root = tempfile::tempdir().unwrap();
    let data = root.path().join("data");
    let at = |day: &str| format!("2026-11-{day}+08:00");
    let ok = |now: &str, args: &[&str]| liaison_at(&data, now, args);
    let t = NOW;
    ok(t, &["add", "logistics", "订房", "--due", "2026-11-23"]); // L1 overdue
    ok(
        t,
        &["add", "logistics", "确认网络", "--due", "2026-11-25 20:00"],
    ); // L2 due
    ok(
        t,
        &["add", "logistics", "领取用品", "--due", "2026-11-25 08:00"],
    ); // L3 overdue
    ok(
        t,
        &["add", "meeting", "听取汇报", "--start", "2026-11-25 15:00"],
    ); // M1
    ok(
        t,
        &["add", "meeting", "动员会", "--start", "2026-11-25 09:00"],
    ); // M2
    ok(
        t,
        &["add", "meeting", "明天的会", "--start", "2026-11-26 09:00"],
    ); // M3
    ok(t, &["add", "document", "未到的资料", "--due", "2026-11-24"]); // D1 overdue
    ok(t, &["add", "document", "借出超一天"]); // D2 loan overdue
    ok(&at("23T08:00:00"), &["custody", "D2", "receive"]);
    ok(
        &at("24T09:00:00"),
        &["custody", "D2", "lend", "--person", "组员甲"],
    );
    ok(t, &["add", "document", "借出不到一天"]); // D3 due back at noon today
    ok(&at("24T08:00:00"), &["custody", "D3", "receive"]);
    ok(
        &at("24T12:00:00"),
        &["custody", "D3", "lend", "--person", "组员乙"],
    );
    ok(t, &["add", "document", "收到未处置"]); // D4 awaiting disposal
    ok(&at("21T09:00:00"), &["custody", "D4", "receive"]);
    ok(t, &["add", "substitute", "起草报告", "--for", "综合组"]); // S1 waiting
    ok(
        t,
        &["add", "substitute", "核对凭证", "--due", "2026-11-25 17:00"],
    ); // S2 due
    ok(t, &["accept", "S2"]);
    ok(t, &["add", "substitute", "已交回", "--due", "2026-11-24"]); // S3 closed
    ok(t, &["done", "S3", "--handback", "已完成"]);
    // Only the dashboard sets "waiting".
    let store = Store::open(&data).unwrap();
    let mut snap = store.load().unwrap();
    let now = DateTime::parse_from_rfc3339(NOW).unwrap();
    store
        .transact(&mut snap, now, |s| {
            let at = s.position("S1").unwrap();
            s.items[at].status = Status::Waiting;
            Ok::<_, ModelError>(())
        })
        .unwrap();

    let want = [
        ("L1", "overdue"),
        ("D1", "overdue"),
        ("L3", "overdue"),
        ("D2", "return-overdue"),
        ("M2", "meeting"),
        ("M1", "meeting"),
        ("S2", "due"),
        ("L2", "due"),
        ("D3", "loan-due-today"),
        ("S1", "waiting"),
        ("D4", "awaiting-disposal"),
    ]
    .map(|(a, b)| (a.to_string(), b.to_string()));
    assert_eq!(today_view(&data, NOW), want);
    assert_eq!(list_today(&data, NOW), want);
    // The text list has the same order.
    let text = ok(NOW, &["list", "--today"]);
    let ids: Vec<&str> = text.lines().map(|l| l.split(' ').next().unwrap()).collect();
    assert_eq!(
        ids,
        want.iter().map(|(id, _)| id.as_str()).collect::<Vec<_>>()
    );

    // At other clocks the two still agree, whatever the list is.
    for now in [
        "2026-11-25T13:00:00+08:00",
        "2026-11-26T09:30:00+08:00",
        "2026-11-28T23:59:00+08:00",
        "2026-11-24T18:00:00+08:00",
    ] {
        assert_eq!(today_view(&data, now), list_today(&data, now), "at {now}");
    }
}

//! The custody log's hash chain: edits, deletions and reorderings are named.

use chrono::Duration;

use super::tests::{after, back, doc, lend, receive, shred, t};
use super::*;
use crate::model::{Item, Kind, Rule, State};

/// A full log where every field is set somewhere: receive, lend, back, shred.
fn full() -> Item {
    let steps = [
        receive().location("驻地资料柜").note("共3册"),
        lend().note("阅至下午"),
        back().person("组员乙"),
        shred().reason("提供单位同意销毁").note("碎纸机"),
    ];
    after(Rule::Return, &steps)
}

fn names(problems: &[ChainProblem], index: usize) -> bool {
    problems
        .iter()
        .any(|p| p.id == "D1" && p.index == Some(index))
}

#[test]
fn editing_any_field_of_any_event_is_detected_and_named() {
    type Edit = (&'static str, fn(&mut CustodyEvent));
    let edits: [Edit; 9] = [
        ("at", |e| e.at += Duration::minutes(1)),
        ("action", |e| {
            e.action = if e.action == StepKind::Lend {
                StepKind::Back
            } else {
                StepKind::Lend
            }
        }),
        ("person", |e| e.person = Some("组员丙".into())),
        ("witness", |e| e.witness = Some("组员丙".into())),
        ("location", |e| e.location = Some("别处".into())),
        ("note", |e| e.note = Some("改过".into())),
        ("reason", |e| e.reason = Some("改过".into())),
        ("prev", |e| e.prev = "0".repeat(64)),
        ("hash", |e| e.hash = "0".repeat(64)),
    ];
    let item = full();
    assert!(verify_item(&item).is_empty());
    for i in 0..item.custody.len() {
        for (field, edit) in &edits {
            let mut bad = item.clone();
            edit(&mut bad.custody[i]);
            let problems = verify_item(&bad);
            assert!(
                names(&problems, i),
                "editing {field} of event {i} went unnamed: {problems:?}"
            );
        }
        // Dropping an optional field is an edit too.
        let mut bad = item.clone();
        bad.custody[i].person = None;
        bad.custody[i].note = None;
        assert!(
            names(&verify_item(&bad), i),
            "clearing event {i} went unnamed"
        );
    }
}

#[test]
fn deleting_or_reordering_events_is_detected_and_named() {
    let item = full();
    let n = item.custody.len();
    for i in 0..n {
        let mut bad = item.clone();
        bad.custody.remove(i);
        assert!(
            names(&verify_item(&bad), i),
            "deleting event {i}: {:?}",
            verify_item(&bad)
        );
    }
    for i in 0..n - 1 {
        let mut bad = item.clone();
        bad.custody.swap(i, i + 1);
        assert!(
            names(&verify_item(&bad), i),
            "swapping events {i} and {}",
            i + 1
        );
    }
    let mut emptied = item.clone();
    emptied.custody.clear();
    assert_eq!(verify_item(&emptied)[0].fault, Fault::Emptied);
    // The log moved to another document.
    let mut moved = item.clone();
    moved.id = "D2".into();
    assert!(
        verify_item(&moved)
            .iter()
            .any(|p| p.fault == Fault::Altered)
    );
}

#[test]
fn a_resealed_log_that_breaks_the_rules_is_still_caught() {
    // Someone drops the receipt and recomputes every hash.
    let mut item = full();
    item.custody.remove(0);
    let mut prev = String::new();
    for e in &mut item.custody {
        e.prev = prev.clone();
        e.hash = event_hash("D1", e);
        prev = e.hash.clone();
    }
    item.custody_head = prev;
    let problems = verify_item(&item);
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert_eq!(
        (problems[0].index, problems[0].fault),
        (Some(0), Fault::OutOfSequence)
    );
}

#[test]
fn problems_read_in_plain_words_and_block_further_steps() {
    let mut item = full();
    item.custody[1].person = Some("组员丙".into());
    let problems = verify_item(&item);
    let text = crate::i18n::chain_problem(crate::i18n::Lang::En, &problems[0]);
    assert_eq!(
        text,
        "D1: custody event 2 (lend) was changed after it was recorded"
    );
    let zh = crate::i18n::chain_problem(crate::i18n::Lang::Zh, &problems[0]);
    assert_eq!(zh, "D1：第2条借阅登记（借出）在登记后被改动");
    assert_eq!(
        problems[0].to_string(),
        "D1: custody event 2 (lend) was changed after it was recorded"
    );

    let mut open = after(Rule::Return, &[receive(), lend()]);
    open.custody.pop();
    let before = open.clone();
    let err = apply(&mut open, lend(), t(9)).unwrap_err();
    assert_eq!(err.refusal, Refusal::BrokenLog { problems: 1 });
    assert_eq!(open, before);
}

#[test]
fn verify_covers_every_item_and_flags_custody_on_non_documents() {
    let mut s = State::default();
    let d = s.add(doc(Rule::Return)).unwrap();
    s.custody(&d, receive(), t(0)).unwrap();
    let mut stray = Item::new(Kind::Meeting, "动员会", t(0));
    stray.custody = s.items[0].custody.clone();
    let m = s.add(stray).unwrap();
    assert_eq!(
        verify(&s),
        [ChainProblem {
            id: m,
            index: None,
            action: None,
            fault: Fault::NotADocument
        }]
    );
}

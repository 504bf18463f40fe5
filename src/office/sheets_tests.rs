use chrono::DateTime;

use super::*;
use crate::model::ModelError;
use crate::model::custody::{Step, StepKind};
use crate::model::{Class, Rule};
use crate::office::signin::{WALK_INS, recorder, sign_in};

fn t(day: u32, hm: &str) -> Time {
    DateTime::parse_from_rfc3339(&format!("2026-11-{day:02}T{hm}:00+08:00")).unwrap()
}

/// Two documents, one secret with a note; a loan each, the secret one
/// shredded; an interview; a logistics task.
fn state() -> State {
    let mut s = State {
        inspection: Some("某集团党委巡察".into()),
        ..State::default()
    };
    let mut a = Item::new(Kind::Document, "近三年财务收支明细账", t(20, "09:00"));
    a.from = Some("财务部".into());
    let a = s.add(a).unwrap();
    let mut b = Item::new(Kind::Document, "信访举报件复印件", t(20, "09:00"));
    b.class = Some(Class::Confidential);
    b.rule = Some(Rule::Shred);
    let b = s.add(b).unwrap();
    s.add_note(Some(&b), "举报人信息已遮盖", t(21, "09:00"))
        .unwrap();
    s.add_note(Some(&a), "缺2024年12月凭证", t(21, "09:00"))
        .unwrap();
    for (id, who, day) in [(&a, "王组长", 22), (&b, "李组员", 23)] {
        s.custody(id, Step::new(StepKind::Receive), t(day, "09:00"))
            .unwrap();
        s.custody(
            id,
            Step::new(StepKind::Lend).person(who).note("当日归还"),
            t(day, "10:00"),
        )
        .unwrap();
        s.custody(id, Step::new(StepKind::Back), t(day, "16:00"))
            .unwrap();
    }
    s.custody(
        &b,
        Step::new(StepKind::Shred)
            .witness("赵监销")
            .approved_by("王组长"),
        t(24, "11:00"),
    )
    .unwrap();
    let mut m = Item::new(Kind::Meeting, "个别谈话：财务部负责人", t(20, "09:00"));
    m.meeting_type = Some(MeetingType::Interview);
    m.start = Some(t(25, "14:30"));
    m.end = Some(t(25, "15:30"));
    m.place = Some("驻地二楼谈话室".into());
    m.attendees = vec!["组长".into(), "联络员".into()];
    s.add(m).unwrap();
    s.add(Item::new(
        Kind::Logistics,
        "确认驻地会议室网络与打印机",
        t(20, "09:00"),
    ))
    .unwrap();
    s
}

fn sheet(b: &Book, name: &str) -> Sheet {
    b.sheets.iter().find(|s| s.name == name).cloned().unwrap()
}

#[test]
fn the_loan_register_has_a_row_per_loan_with_blank_signatures() {
    let b = book(&state(), t(25, "10:00"), Lang::Zh, &[], false);
    let loans = sheet(&b, "资料借阅登记表");
    assert_eq!(loans.rows.len(), 2);
    let r = &loans.rows[0];
    assert_eq!(r[1], "近三年财务收支明细账（D1）");
    assert_eq!(r[3], "王组长");
    assert_eq!(r[4], "2026-11-22 10:00");
    assert_eq!(r[5], "2026-11-23 10:00", "due back a day after lending");
    assert_eq!(r[6], "2026-11-22 16:00");
    assert!(loans.sign.iter().all(|&c| r[c].is_empty()));
    assert_eq!(loans.head[loans.sign[0]], "借阅人签字");
    assert_eq!(loans.head[loans.sign[1]], "经办人签字");
    assert_eq!(b.sheets.len(), SheetKey::ALL.len());
}

#[test]
fn confidential_notes_are_withheld_unless_asked_for() {
    let s = state();
    let hidden = book(&s, t(25, "10:00"), Lang::Zh, &[], false);
    let docs = sheet(&hidden, "资料登记表");
    let notes = docs.head.len() - 1;
    assert_eq!(
        docs.rows[0][notes], "缺2024年12月凭证",
        "an internal note shows"
    );
    assert_eq!(docs.rows[1][notes], "已略去 1 条备注");
    let loans = sheet(&hidden, "资料借阅登记表");
    assert_eq!(loans.rows[0][9], "当日归还");
    assert_eq!(loans.rows[1][9], "已略去 1 条备注", "the step's note too");
    let all: String = format!("{:?}", hidden.sheets);
    assert!(!all.contains("举报人信息已遮盖"));
    let shown = book(&s, t(25, "10:00"), Lang::Zh, &[], true);
    assert_eq!(
        sheet(&shown, "资料登记表").rows[1][notes],
        "举报人信息已遮盖"
    );
}

#[test]
fn the_destruction_list_and_document_register_tell_how_custody_ended() {
    let b = book(
        &state(),
        t(25, "10:00"),
        Lang::En,
        &[SheetKey::Destruction, SheetKey::Documents],
        false,
    );
    assert_eq!(b.sheets.len(), 2);
    let d = &b.sheets[0];
    assert_eq!(d.name, "Destruction list");
    assert_eq!(d.rows.len(), 1);
    assert_eq!(
        (d.rows[0][3].as_str(), d.rows[0][4].as_str()),
        ("王组长", "赵监销")
    );
    assert_eq!(d.rows[0][5], "2026-11-24 11:00");
    let reg = &b.sheets[1];
    assert_eq!(reg.rows[1][9], "2026-11-24 11:00");
    assert_eq!(reg.rows[0][8], "", "still open");
}

#[test]
fn the_interview_schedule_names_who_talks_and_who_records() {
    let b = book(
        &state(),
        t(25, "10:00"),
        Lang::Zh,
        &[SheetKey::Interviews],
        false,
    );
    let r = &b.sheets[0].rows[0];
    assert_eq!(r[0], "2026-11-25 14:30–15:30");
    assert_eq!((r[3].as_str(), r[4].as_str()), ("组长", "联络员"));
    let names = |v: &[&str]| v.iter().map(|s| s.to_string()).collect::<Vec<_>>();
    assert_eq!(
        recorder(&names(&["王组长（记录）", "李组长", "张组员"])),
        (names(&["李组长", "张组员"]), "王组长".to_string())
    );
    assert_eq!(
        recorder(&names(&["组长"])),
        (names(&["组长"]), String::new())
    );
}

#[test]
fn a_sign_in_sheet_has_a_row_per_attendee_and_room_for_walk_ins() {
    let s = state();
    let b = sign_in(&s, "m1", t(25, "10:00"), Lang::Zh).unwrap();
    let sheet = &b.sheets[0];
    assert_eq!(
        sheet.lead[0],
        ["会议名称".to_string(), "个别谈话：财务部负责人".into()]
    );
    assert_eq!(sheet.rows.len(), 2 + WALK_INS);
    assert_eq!(sheet.rows[0][1], "组长");
    assert_eq!(sheet.rows[1][1], "联络员");
    assert_eq!(sheet.rows[2][1], "");
    assert_eq!(sheet.head[*sheet.sign.last().unwrap()], "签到");
    assert!(matches!(
        sign_in(&s, "M9", t(25, "10:00"), Lang::Zh),
        Err(ModelError::UnknownId(_))
    ));
    assert!(sign_in(&s, "D1", t(25, "10:00"), Lang::Zh).is_err());
}

#[test]
fn the_footer_check_is_the_journal_head_cut_to_twelve_digits() {
    let s = state();
    let b = book(&s, t(25, "10:00"), Lang::Zh, &[], false);
    assert_eq!(b.check, None, "the caller sets it from the journal");
    assert_eq!(b.inspection, "某集团党委巡察");
    let head = "0123456789abcdef0123456789abcdef";
    assert_eq!(
        super::super::check_of(head).as_deref(),
        Some("0123456789ab")
    );
    assert_eq!(super::super::check_of(""), None, "nothing recorded yet");
}

use chrono::Duration;

use super::*;
use crate::model::MeetingType;
use crate::model::testing::now;

fn interview() -> (State, String) {
    let mut s = State::default();
    let mut m = Item::new(Kind::Meeting, "个别谈话：财务部负责人", now());
    m.meeting_type = Some(MeetingType::Interview);
    let id = s.add(m).unwrap();
    (s, id)
}

#[test]
fn markers_are_read_with_their_full_width_forms() {
    assert_eq!(marker("问：为什么？"), (Marker::Note, "问：为什么？"));
    assert_eq!(
        marker("# 2024年车辆采购合同 "),
        (Marker::Document, "2024年车辆采购合同")
    );
    assert_eq!(marker("＃审批单"), (Marker::Document, "审批单"));
    assert_eq!(marker("  ?minutes"), (Marker::Question, "minutes"));
    assert_eq!(
        marker("？会议纪要里是否有记录"),
        (Marker::Question, "会议纪要里是否有记录")
    );
    assert_eq!(marker("#合同\n第二行"), (Marker::Document, "合同"));
    assert_eq!(marker("答：# 不是标记"), (Marker::Note, "答：# 不是标记"));
}

#[test]
fn a_plain_line_is_a_note_only() {
    let (mut s, id) = interview();
    let out = s.capture(Some(&id), "答：当时任务急。", now()).unwrap();
    assert_eq!(
        out,
        CaptureOutcome {
            marker: Marker::Note,
            document: None,
            followup: None
        }
    );
    assert_eq!(s.items.len(), 1);
    assert_eq!(s.get(&id).unwrap().notes[0].text, "答：当时任务急。");
}

#[test]
fn a_hash_line_is_a_note_and_a_document_request_linked_to_the_meeting() {
    let (mut s, id) = interview();
    let later = now() + Duration::minutes(7);
    let out = s
        .capture(
            Some(&id.to_lowercase()),
            "# 2024年车辆采购合同及审批单",
            later,
        )
        .unwrap();
    let doc_id = out.document.clone().expect("a document id");
    assert_eq!(out.marker, Marker::Document);
    let doc = s.get(&doc_id).unwrap();
    assert_eq!(doc.kind, Kind::Document);
    assert_eq!(doc.title, "2024年车辆采购合同及审批单");
    assert_eq!(doc.meeting.as_deref(), Some(id.as_str()));
    assert_eq!(doc.created, later);
    let meeting = s.get(&id).unwrap();
    assert_eq!(meeting.notes[0].text, "# 2024年车辆采购合同及审批单");
    assert_eq!(meeting.notes[0].at, later);
    assert_eq!(meeting.updated, later);
}

#[test]
fn a_hash_line_elsewhere_makes_an_unlinked_request() {
    let (mut s, _) = interview();
    let out = s.capture(None, "＃干部任用档案", now()).unwrap();
    let doc = s.get(out.document.as_deref().unwrap()).unwrap();
    assert_eq!(
        (doc.title.as_str(), doc.meeting.as_deref()),
        ("干部任用档案", None)
    );
    assert_eq!(s.inbox[0].text, "＃干部任用档案");

    let l = s.add(Item::new(Kind::Logistics, "订车", now())).unwrap();
    let out = s.capture(Some(&l), "#用车登记表", now()).unwrap();
    assert_eq!(
        s.get(out.document.as_deref().unwrap()).unwrap().meeting,
        None
    );
}

#[test]
fn a_question_stays_open_until_ticked_off() {
    let (mut s, id) = interview();
    let out = s
        .capture(Some(&id), "？会议纪要里是否有记录", now())
        .unwrap();
    assert_eq!(out.followup, Some(0));
    s.capture(Some(&id), "?who signed the contract", now())
        .unwrap();
    let open = |s: &State| -> Vec<String> {
        s.get(&id)
            .unwrap()
            .open_followups()
            .map(|(_, f)| f.text.clone())
            .collect()
    };
    assert_eq!(
        open(&s),
        ["会议纪要里是否有记录", "who signed the contract"]
    );
    assert_eq!(s.get(&id).unwrap().notes.len(), 2);

    let later = now() + Duration::hours(1);
    let before = s.toggle_followup(&id, 0, later).unwrap();
    assert!(before.followups[0].done.is_none());
    assert_eq!(s.get(&id).unwrap().followups[0].done, Some(later));
    assert_eq!(open(&s), ["who signed the contract"]);
    // Ticking again opens it again.
    s.toggle_followup(&id, 0, later).unwrap();
    assert_eq!(open(&s).len(), 2);
}

#[test]
fn a_question_to_the_inbox_is_a_plain_note() {
    let mut s = State::default();
    let out = s.capture(None, "？明早谁去接站", now()).unwrap();
    assert_eq!((out.marker, out.followup), (Marker::Question, None));
    assert_eq!(s.inbox.len(), 1);
}

#[test]
fn refusals_change_nothing() {
    let (mut s, id) = interview();
    let before = s.clone();
    for (target, line) in [
        (Some(id.as_str()), "#"),
        (Some(id.as_str()), " ＃  "),
        (Some(id.as_str()), "?"),
        (Some(id.as_str()), "？ "),
        (Some(id.as_str()), "   "),
        (Some("M9"), "# 合同"),
        (Some("M9"), "记录"),
    ] {
        assert!(s.capture(target, line, now()).is_err(), "{line:?}");
        assert_eq!(s, before, "{line:?}");
    }
    assert_eq!(
        s.capture(Some(&id), "#", now()),
        Err(MeetingError::EmptyRequest.into())
    );
    assert_eq!(
        s.capture(Some(&id), "?", now()),
        Err(MeetingError::EmptyQuestion.into())
    );
    assert!(matches!(
        s.toggle_followup(&id, 0, now()),
        Err(ModelError::Meeting(MeetingError::NoSuchFollowup {
            number: 1,
            ..
        }))
    ));
}

#[test]
fn a_request_from_a_secret_document_or_its_meeting_is_at_least_as_secret() {
    use crate::model::Class;
    let (mut s, meeting) = interview();
    let mut secret = Item::new(Kind::Document, "干部选拔任用档案", now());
    secret.class = Some(Class::Confidential);
    let secret = s.add(secret).unwrap();
    let from_doc = s.capture(Some(&secret), "# 相关审批单", now()).unwrap();
    let from_doc = s.get(&from_doc.document.unwrap()).unwrap().class;
    assert_eq!(from_doc, Some(Class::Confidential));
    // The meeting asked for a secret document: what it asks for next is secret too.
    let asked = s.capture(Some(&meeting), "# 招投标资料", now()).unwrap();
    let asked = asked.document.unwrap();
    assert_eq!(s.get(&asked).unwrap().class, Some(Class::Internal));
    s.items.iter_mut().find(|i| i.id == asked).unwrap().class = Some(Class::Secret);
    let next = s.capture(Some(&meeting), "# 评标报告", now()).unwrap();
    assert_eq!(
        s.get(&next.document.unwrap()).unwrap().class,
        Some(Class::Secret)
    );
    // An internal document passes on nothing: the default class stays.
    let mut plain = Item::new(Kind::Document, "通讯录", now());
    plain.class = Some(Class::Public);
    let plain = s.add(plain).unwrap();
    let out = s.capture(Some(&plain), "# 值班表", now()).unwrap();
    assert_eq!(
        s.get(&out.document.unwrap()).unwrap().class,
        Some(Class::Internal)
    );
}

#[test]
fn an_empty_line_is_refused_as_an_empty_note_so_it_is_said_in_either_language() {
    let (mut s, id) = interview();
    let before = s.clone();
    for line in ["", "   ", "\u{3000}"] {
        assert_eq!(
            s.capture(Some(&id), line, now()),
            Err(ModelError::EmptyNote),
            "{line:?}"
        );
    }
    assert_eq!(s, before);
    assert_eq!(
        crate::i18n::model_error(crate::i18n::Lang::Zh, &ModelError::EmptyNote),
        "记录内容为空"
    );
}

//! The form built field by field: refusals beside their field, choices,
//! round trips, and an end read on its start's day.

use super::*;
use crate::model::testing::now;
use crate::model::{Class, MeetingType, Rule};

fn type_into(form: &mut Form, text: &str) {
    if let Value::Text(input) = &mut form.focused_mut().value {
        *input = Input::new(text.to_string());
    }
}

#[test]
fn title_comes_first_for_every_kind() {
    for kind in Kind::ALL {
        let form = Form::add(*kind, now());
        assert_eq!(form.focused().key, FieldKey::Title);
    }
}

#[test]
fn empty_title_is_refused_beside_the_field_and_keeps_the_rest() {
    let mut form = Form::add(Kind::Meeting, now());
    form.focus = form
        .fields
        .iter()
        .position(|f| f.key == FieldKey::Place)
        .unwrap();
    type_into(&mut form, "驻地二楼谈话室");
    let base = Item::new(Kind::Meeting, "", now());
    assert_eq!(form.build(&base, now(), Lang::Zh), Err(0));
    assert_eq!(form.fields[0].error.as_deref(), Some("标题不能为空"));
    assert!(form.fields.iter().any(|f| f.text() == "驻地二楼谈话室"));
}

#[test]
fn unreadable_date_is_refused_on_its_field() {
    let mut form = Form::add(Kind::Logistics, now());
    type_into(&mut form, "订房");
    let due = form
        .fields
        .iter()
        .position(|f| f.key == FieldKey::Due)
        .unwrap();
    form.focus = due;
    type_into(&mut form, "某天");
    let base = Item::new(Kind::Logistics, "", now());
    assert_eq!(form.build(&base, now(), Lang::En), Err(due));
    assert!(form.fields[due].error.as_deref().unwrap().contains("某天"));
    assert_eq!(form.fields[due].text(), "某天");
}

#[test]
fn end_before_start_is_refused_on_the_end_field() {
    let mut item = Item::new(Kind::Meeting, "个别谈话", now());
    item.id = "M1".into();
    let mut form = Form::edit(&item);
    form.set(FieldKey::Start, "2026-11-25 15:00");
    form.set(FieldKey::End, "2026-11-25 14:00");
    let end = form
        .fields
        .iter()
        .position(|f| f.key == FieldKey::End)
        .unwrap();
    assert_eq!(form.build(&item, now(), Lang::En), Err(end));
}

#[test]
fn an_end_time_alone_is_read_on_the_start_day() {
    let mut item = Item::new(Kind::Meeting, "个别谈话", now());
    item.id = "M1".into();
    let mut form = Form::edit(&item);
    form.set(FieldKey::Start, "明天 09:00");
    form.set(FieldKey::End, "10:30");
    let built = form.build(&item, now(), Lang::Zh).expect("saved");
    assert_eq!(built.end.unwrap().to_rfc3339(), "2026-11-26T10:30:00+08:00");
}

#[test]
fn choices_cycle_and_build_the_item() {
    let mut form = Form::add(Kind::Document, now());
    type_into(&mut form, "信访举报件复印件");
    form.focus = form
        .fields
        .iter()
        .position(|f| f.key == FieldKey::Rule)
        .unwrap();
    form.cycle(true);
    form.focus = form
        .fields
        .iter()
        .position(|f| f.key == FieldKey::Class)
        .unwrap();
    form.cycle(false);
    let base = Item::new(Kind::Document, "", now());
    let item = form.build(&base, now(), Lang::En).unwrap();
    assert_eq!(item.rule, Some(Rule::Shred));
    assert_eq!(item.class, Some(Class::Public));
}

#[test]
fn edit_round_trips_every_field() {
    let mut item = Item::new(Kind::Meeting, "个别谈话：财务部负责人", now());
    item.id = "M3".into();
    item.start = Some(now());
    item.end = Some(now() + chrono::Duration::hours(1));
    item.place = Some("谈话室".into());
    item.attendees = vec!["组长".into(), "联络员".into()];
    item.meeting_type = Some(MeetingType::Interview);
    let mut form = Form::edit(&item);
    assert_eq!(form.build(&item, now(), Lang::En), Ok(item));
}

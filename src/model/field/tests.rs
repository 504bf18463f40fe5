use super::*;
use crate::model::testing::now;

#[test]
fn every_field_reads_back_the_text_it_was_written_with() {
    for f in FIELDS {
        let Some(text) = sample(f) else { continue };
        for &kind in f.kinds {
            let mut item = Item::new(kind, "标题", now());
            write_all(&mut item, &[(f.key, &text)], now()).unwrap();
            assert_eq!((f.read)(&item), text, "{} on a {kind}", f.name);
            assert!((f.show)(&item, Lang::Zh).is_some(), "{} shows", f.name);
            if let Some(has) = f.has {
                assert!(has(&item), "{} is held", f.name);
            }
        }
    }
}

#[test]
fn names_are_one_per_key_and_options_are_dashed_names() {
    for (i, f) in FIELDS.iter().enumerate() {
        assert!(
            FIELDS[..i]
                .iter()
                .all(|g| g.key != f.key && g.name != f.name)
        );
        assert!(f.form.iter().all(|k| f.kinds.contains(k)), "{}", f.name);
        if let Some(cli) = f.cli {
            assert_eq!(cli.flag, format!("--{}", f.name));
        }
        assert_eq!(
            by_name(&format!("--{}", f.name)).map(|g| g.key),
            Some(f.key)
        );
    }
}

#[test]
fn each_kinds_form_keeps_its_fields_in_order() {
    use FieldKey::*;
    let want = [
        (
            Kind::Logistics,
            vec![Title, Category, Due, Priority, Status, Contact],
        ),
        (
            Kind::Document,
            vec![Title, From, Rule, Class, Due, Priority, Contact],
        ),
        (
            Kind::Meeting,
            vec![Title, Type, Start, End, Place, With, Priority, Status],
        ),
        (
            Kind::Substitute,
            vec![Title, Section, Due, Start, End, Priority, Status, Contact],
        ),
    ];
    for (kind, keys) in want {
        assert_eq!(FieldKey::for_kind(kind), keys, "{kind}");
    }
}

#[test]
fn a_value_on_a_kind_without_the_field_is_refused_by_its_name() {
    let mut m = Item::new(Kind::Meeting, "动员会", now());
    m.section = Some("资料组".into());
    assert_eq!(
        check_kinds(&m),
        Err(ModelError::FieldNotForKind {
            field: "for",
            kind: "meeting".into()
        })
    );
}

#[test]
fn names_split_on_commas_and_enumeration_marks_in_either_script() {
    assert_eq!(
        names("组长、联络员，张三, 李四;王五；"),
        ["组长", "联络员", "张三", "李四", "王五"]
    );
}

#[test]
fn a_meetings_end_follows_its_start_an_hour_when_none_was_given() {
    let at = |t: &str| crate::model::when::parse_when(t, now(), Purpose::Start).unwrap();
    let mut m = Item::new(Kind::Meeting, "动员会", now());
    write_all(&mut m, &[(FieldKey::Start, "2026-11-26 09:00")], now()).unwrap();
    assert_eq!(
        m.end,
        Some(at("2026-11-26 09:00") + crate::model::meeting::DEFAULT_LENGTH)
    );
    write_all(&mut m, &[(FieldKey::End, "10:30")], now()).unwrap();
    write_all(&mut m, &[(FieldKey::Start, "2026-11-27 14:00")], now()).unwrap();
    assert_eq!(m.end, Some(at("2026-11-27 15:30")), "the length is kept");
    let given = [
        (FieldKey::Start, "2026-11-28 08:00"),
        (FieldKey::End, "08:45"),
    ];
    write_all(&mut m, &given, now()).unwrap();
    assert_eq!(m.end, Some(at("2026-11-28 08:45")), "an end given is kept");
}

use proptest::prelude::*;

use super::item;
use crate::model::Item;
use crate::model::testing::at;
use crate::store::cursor::tests::splice;

fn line(item: &Item) -> String {
    serde_json::to_string(item).expect("an item always serialises")
}

/// The demo's items and a synthetic state's: every kind, with notes,
/// custody logs, checklists, attendees, substitutes' sections and
/// hand-backs.
fn samples() -> Vec<Item> {
    let mut items = Vec::new();
    for lang in [crate::i18n::Lang::En, crate::i18n::Lang::Zh] {
        items.extend(crate::cli::demo::sample(lang, at(0)).items);
    }
    items.extend(crate::cli::demo::synthetic(400, at(0)).items);
    items
}

#[test]
fn the_programs_own_items_are_read_the_quick_way_and_the_same() {
    let items = samples();
    assert!(items.iter().any(|i| !i.custody.is_empty()));
    assert!(items.iter().any(|i| !i.checklist.is_empty()));
    for it in &items {
        let text = line(it);
        let quick = item(&text);
        assert_eq!(quick.as_ref(), Some(it), "{text}");
    }
}

#[test]
fn a_void_step_a_reason_and_checklist_wording_are_read_too() {
    let mut items = samples();
    let doc = items.iter_mut().find(|i| !i.custody.is_empty()).unwrap();
    doc.custody[0].void = Some(crate::model::Void {
        at: at(5),
        by: "联络员".into(),
    });
    doc.custody[0].reason = Some("经批准".into());
    doc.custody[0].person = Some("赵六".into());
    let doc = doc.clone();
    let meeting = items.iter_mut().find(|i| !i.checklist.is_empty()).unwrap();
    meeting.checklist[0].text = "打印名单".into();
    meeting.checklist[0].done = true;
    meeting.checklist[1].key = None;
    meeting.checklist[1].text = "自定义".into();
    let meeting = meeting.clone();
    for it in [doc, meeting] {
        assert_eq!(item(&line(&it)), Some(it));
    }
}

#[test]
fn what_the_quick_way_does_not_know_is_left_to_serde() {
    let it = samples().remove(0);
    let text = line(&it);
    for other in [
        // An escape, whitespace, a key out of place, a null the program
        // never writes, an unknown key, a trailing comma, text after it.
        text.replacen("\"title\":\"", "\"title\":\"\\u4e00", 1),
        text.replacen(",\"kind\":", ", \"kind\":", 1),
        text.replacen("{\"id\":", "{\"kind\":\"logistics\",\"id\":", 1),
        text.replacen(",\"created\":", ",\"contact\":null,\"created\":", 1),
        text.replacen(",\"created\":", ",\"seen\":1,\"created\":", 1),
        format!("{},}}", &text[..text.len() - 1]),
        format!("{text} "),
    ] {
        assert_eq!(item(&other), None, "{other}");
    }
}

/// A piece of text as item strings may hold it: plain, Chinese, or with
/// what JSON must escape.
fn text() -> impl Strategy<Value = String> {
    prop_oneof![
        "[a-z0-9 ]{0,12}",
        "[一-龥：，。（）]{0,12}",
        "[a-z\"\\\\\u{0}-\u{1f}\u{7f}é]{0,6}",
    ]
}

/// An edit to an item line: a byte range cut, or a piece put in.
fn edit() -> impl Strategy<Value = Edit> {
    let pieces = prop_oneof![
        Just(String::new()),
        Just("null".to_string()),
        Just(",".to_string()),
        Just("\"".to_string()),
        Just("\\".to_string()),
        Just(" ".to_string()),
        Just("}".to_string()),
        Just("[]".to_string()),
        Just("\"x\"".to_string()),
        Just(",\"priority\":\"low\"".to_string()),
        Just(",\"contact\":\"甲\"".to_string()),
        Just("true".to_string()),
        Just("1".to_string()),
        Just("\u{1}".to_string()),
        Just("\t".to_string()),
    ];
    prop_oneof![
        (any::<usize>(), 0usize..12, pieces)
            .prop_map(|(at, cut, piece)| Edit::Bytes(at, cut, piece)),
        (any::<usize>(), 0usize..3).prop_map(|(at, how)| Edit::Key(at, how)),
    ]
}

#[derive(Debug, Clone)]
enum Edit {
    /// Bytes from a place (modulo the length) cut, and a piece put there.
    Bytes(usize, usize, String),
    /// The key at one of the line's `,"` (modulo their count) and its
    /// value: 0 cut, 1 written twice, 2 swapped with the one after.
    Key(usize, usize),
}

impl Edit {
    fn apply(self, text: &mut String) {
        match self {
            Edit::Bytes(at, cut, piece) => splice(text, at, cut, &piece),
            Edit::Key(at, how) => {
                let keys: Vec<usize> = text.match_indices(",\"").map(|(i, _)| i).collect();
                if keys.len() < 3 {
                    return;
                }
                let k = at % (keys.len() - 2);
                let (a, b, c) = (keys[k], keys[k + 1], keys[k + 2]);
                let (one, two) = (text[a..b].to_string(), text[b..c].to_string());
                let new = match how {
                    0 => two.clone(),
                    1 => format!("{one}{one}{two}"),
                    _ => format!("{two}{one}"),
                };
                text.replace_range(a..c, &new);
            }
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    /// A journal's appended notes are read as serde reads them, however
    /// the list was edited.
    #[test]
    fn notes_are_read_as_serde_reads_them(
        texts in proptest::collection::vec(text(), 0..4),
        edits in proptest::collection::vec(edit(), 0..3),
    ) {
        let list: Vec<crate::model::Note> = texts
            .into_iter()
            .enumerate()
            .map(|(i, text)| crate::model::Note { at: at(i as i64), text })
            .collect();
        let mut text = serde_json::to_string(&list).unwrap();
        if !text.contains('\\') {
            prop_assert_eq!(super::notes(&text), Some(list.clone()));
        }
        for e in edits {
            e.apply(&mut text);
        }
        if let Some(quick) = super::notes(&text) {
            let slow: Result<Vec<crate::model::Note>, _> = serde_json::from_str(&text);
            prop_assert_eq!(slow.ok(), Some(quick), "{}", text);
        }
    }

    /// The item a line is read as the quick way is the one serde reads,
    /// whatever the strings hold.
    #[test]
    fn any_strings_give_serdes_item_or_none(
        pick in 0usize..1000,
        title in text(),
        note in text(),
        person in proptest::option::of(text()),
        place in proptest::option::of(text()),
    ) {
        let items = samples();
        let mut it = items[pick % items.len()].clone();
        it.title = title;
        if let Some(n) = it.notes.first_mut() {
            n.text = note;
        }
        if let Some(e) = it.custody.first_mut() {
            e.person = person;
        }
        it.place = place;
        let text = line(&it);
        match item(&text) {
            Some(quick) => prop_assert_eq!(quick, it),
            None => prop_assert!(text.contains('\\'), "{}", text),
        }
    }

    /// Whatever is done to a line, what the quick way takes serde takes,
    /// and reads the same.
    #[test]
    fn an_edited_line_is_read_as_serde_reads_it_or_not_at_all(
        pick in 0usize..1000,
        edits in proptest::collection::vec(edit(), 1..4),
    ) {
        let items = samples();
        let mut text = line(&items[pick % items.len()]);
        for e in edits {
            e.apply(&mut text);
        }
        if let Some(quick) = item(&text) {
            let slow: Result<Item, _> = serde_json::from_str(&text);
            prop_assert_eq!(slow.ok(), Some(quick), "{}", text);
        }
    }
}

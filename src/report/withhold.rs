//! What leaves the program as JSON (`export --format json`, `list --json`)
//! without the texts of secret and confidential documents: their notes,
//! follow-up questions, custody notes and override reasons. Titles, class
//! and custody facts stay, as in the brief: the leader must know where a
//! document is. The store, its backups and the journal keep everything.

use crate::model::{Item, State};

/// Takes the confidential texts out of `item` if it is secret or
/// confidential; how many texts were taken out (0 for any other item).
pub fn withhold(item: &mut Item) -> usize {
    if !item.is_sensitive() {
        return 0;
    }
    let mut n = item.notes.len() + item.followups.len();
    item.notes.clear();
    item.followups.clear();
    for e in &mut item.custody {
        n += usize::from(e.note.take().is_some()) + usize::from(e.reason.take().is_some());
    }
    n
}

/// How many texts [`withhold`] would take out of `item`, leaving it as it is.
pub fn count(item: &Item) -> usize {
    if !item.is_sensitive() {
        return 0;
    }
    let taken = |e: &crate::model::CustodyEvent| {
        usize::from(e.note.is_some()) + usize::from(e.reason.is_some())
    };
    item.notes.len() + item.followups.len() + item.custody.iter().map(taken).sum::<usize>()
}

/// [`withhold`] over every item: the id and count of each item something
/// was taken from, in the state's order.
pub fn withhold_all(state: &mut State) -> Vec<(String, usize)> {
    state
        .items
        .iter_mut()
        .filter_map(|item| {
            let n = withhold(item);
            (n > 0).then(|| (item.id.clone(), n))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::custody::{Step, StepKind};
    use crate::model::{Class, Kind, Note};

    fn at() -> crate::model::Time {
        chrono::DateTime::parse_from_rfc3339("2026-11-25T10:00:00+08:00").unwrap()
    }

    fn document(s: &mut State, class: Class) -> String {
        let mut item = Item::new(Kind::Document, "工程项目招投标资料", at());
        item.class = Some(class);
        item.notes.push(Note {
            at: at(),
            text: "评标专家名单需单独封存".into(),
        });
        let id = s.add(item).unwrap();
        let mut step = Step::new(StepKind::Receive);
        step.person = Some("工程管理部".into());
        step.note = Some("密封袋编号A-07".into());
        s.custody(&id, step, at()).unwrap();
        id
    }

    #[test]
    fn a_secret_documents_texts_are_counted_and_taken_out_others_kept() {
        let mut s = State::default();
        let secret = document(&mut s, Class::Secret);
        let internal = document(&mut s, Class::Internal);
        let before = s.get(&internal).unwrap().clone();
        assert_eq!(withhold_all(&mut s), vec![(secret.clone(), 2)]);
        let item = s.get(&secret).unwrap();
        assert!(item.notes.is_empty());
        assert!(
            item.custody
                .iter()
                .all(|e| e.note.is_none() && e.reason.is_none())
        );
        assert_eq!(item.custody[0].person.as_deref(), Some("工程管理部"));
        assert_eq!(s.get(&internal).unwrap(), &before);
        // Nothing left to take the second time.
        assert!(withhold_all(&mut s).is_empty());
    }

    #[test]
    fn the_count_is_what_withholding_takes_out() {
        let mut s = crate::cli::demo::sample(crate::i18n::Lang::Zh, crate::model::testing::at(0));
        let mut some = 0;
        for item in &mut s.items {
            let counted = count(item);
            assert_eq!(counted, withhold(item), "{}", item.id);
            some += usize::from(counted > 0);
        }
        assert!(some > 0, "the demo has confidential texts");
    }
}

//! Search: substring match over the fields the field table marks searched,
//! notes and custody people, plus the pinyin of Chinese text, in full and
//! by initials (`caiwu` and `cwbb` find 财务报表).

use pinyin::ToPinyin;
use tui_input::Input;

use crate::model::{Item, Kind};

/// The search: typed in its box, then kept as a filter over every pane
/// until `Esc`. (The items' search texts are cached on `App`, shared with
/// the filing prompt.)
#[derive(Debug, Clone)]
pub struct Filter {
    /// The pane the search was started from.
    pub pane: Kind,
    pub query: Input,
    /// The query the panes' rows are narrowed by now, trimmed and
    /// lower-cased ("" for none): a longer query that begins with it
    /// matches only rows among them.
    pub narrowed: String,
}

impl Filter {
    pub fn new(pane: Kind) -> Filter {
        Filter {
            pane,
            query: Input::default(),
            narrowed: String::new(),
        }
    }

    /// What the panes are narrowed by: the query, unless it is empty.
    pub fn narrowing(&self) -> Option<&str> {
        Some(self.query.value()).filter(|q| !q.trim().is_empty())
    }
}

/// The text an item is searched by, lower-cased, with the pinyin initials of
/// its title and place appended.
pub fn haystack(item: &Item) -> String {
    let mut text = String::with_capacity(item.title.len() * 2);
    let mut push = |s: &str| {
        text.push_str(&s.to_lowercase());
        text.push('\n');
    };
    push(&item.id);
    let fields: Vec<(String, bool)> = crate::model::field::searched(item).collect();
    for (s, _) in &fields {
        push(s);
    }
    for n in &item.notes {
        push(&n.text);
    }
    for c in &item.custody {
        if let Some(p) = &c.person {
            push(p);
        }
    }
    for (s, _) in fields.iter().filter(|(_, pinyin)| *pinyin) {
        text.push_str(&initials(s));
        text.push('\n');
        text.push_str(&full_pinyin(s));
        text.push('\n');
    }
    text
}

/// The pinyin of the Chinese characters in `s`, without tones or spaces
/// (`财务部` → `caiwubu`); other letters and digits kept, lower-cased.
pub fn full_pinyin(s: &str) -> String {
    let mut out = String::with_capacity(s.len() * 2);
    for c in s.chars() {
        match c.to_pinyin() {
            Some(p) => out.push_str(p.plain()),
            None if c.is_alphanumeric() => out.extend(c.to_lowercase()),
            None => {}
        }
    }
    out
}

/// The pinyin initials of the Chinese characters in `s`; other letters and
/// digits are kept as they are (lower-cased).
pub fn initials(s: &str) -> String {
    s.chars()
        .filter_map(|c| match c.to_pinyin() {
            Some(p) => p.first_letter().chars().next(),
            None if c.is_alphanumeric() => c.to_lowercase().next(),
            None => None,
        })
        .collect()
}

/// Whether `query` matches a haystack built by `haystack`.
pub fn matches(haystack: &str, query: &str) -> bool {
    Query::new(query).matches(haystack)
}

/// A query made ready to test many haystacks: lower-cased and cut into
/// words once, each word's searcher built once (a keystroke in the search
/// box tests every item's text).
pub struct Query {
    words: Vec<memchr::memmem::Finder<'static>>,
}

impl Query {
    pub fn new(query: &str) -> Query {
        let q = query.trim().to_lowercase();
        let words = q
            .split_whitespace()
            .map(|w| memchr::memmem::Finder::new(w).into_owned())
            .collect();
        Query { words }
    }

    /// Whether every word of the query is in `haystack` (an empty query
    /// matches everything).
    pub fn matches(&self, haystack: &str) -> bool {
        self.words
            .iter()
            .all(|w| w.find(haystack.as_bytes()).is_some())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Kind;
    use chrono::DateTime;

    fn item(title: &str) -> Item {
        let now = DateTime::parse_from_rfc3339("2026-11-25T10:00:00+08:00").unwrap();
        Item::new(Kind::Document, title, now)
    }

    #[test]
    fn pinyin_initials_find_chinese_titles() {
        let h = haystack(&item("财务报表"));
        assert!(matches(&h, "cwbb"));
        assert!(matches(&h, "CWBB"));
        assert!(!matches(&h, "cwbx"));
    }

    #[test]
    fn full_pinyin_finds_chinese_titles_and_units() {
        let mut it = item("近三年收支明细账");
        it.from = Some("财务部".into());
        let h = haystack(&it);
        assert!(matches(&h, "caiwu"));
        assert!(matches(&h, "mingxizhang"));
        assert!(matches(&h, "CaiWu"));
        assert!(!matches(&h, "caiwuchu"));
    }

    #[test]
    fn chinese_substring_and_several_words() {
        let mut it = item("近三年财务收支明细账及凭证");
        it.from = Some("财务部".into());
        let h = haystack(&it);
        assert!(matches(&h, "明细账"));
        assert!(matches(&h, "财务部 凭证"));
        assert!(!matches(&h, "招投标"));
    }

    #[test]
    fn notes_and_people_are_searched() {
        let mut it = item("个别谈话");
        it.notes.push(crate::model::Note {
            at: it.created,
            text: "问：车辆采购为什么没有公开招标？".into(),
        });
        it.attendees.push("Zhang Wei".into());
        let h = haystack(&it);
        assert!(matches(&h, "公开招标"));
        assert!(matches(&h, "zhang"));
    }

    #[test]
    fn a_query_made_once_matches_as_each_word_found_in_the_text() {
        let texts = ["d12\n财务报表\ncwbb\n", "l3\n接站\n", "", "m9 99\n"];
        for q in [
            "",
            " ",
            "9",
            "99",
            "财务",
            "cw 报表",
            "CWBB",
            "x",
            "9 d",
            "  报表  cw ",
        ] {
            let query = Query::new(q);
            for t in texts {
                let want = q.to_lowercase().split_whitespace().all(|w| t.contains(w));
                assert_eq!(query.matches(t), want, "{q:?} in {t:?}");
                assert_eq!(matches(t, q), want, "{q:?} in {t:?}");
            }
        }
    }
}

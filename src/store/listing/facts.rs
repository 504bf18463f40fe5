//! What `list --json` needs of an item besides its stored line, kept in
//! `state.index` at compaction: where it sorts, what the meeting clash
//! sweep compares, and the keys the listing derives from its custody,
//! checklist and hand-back note. An item the journal left alone is then
//! listed from its line and these facts, without being decoded.

use crate::model::{Item, Kind, Status, Time, custody, rfc3339};

/// The facts of one item (see the module's notes).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Facts {
    pub kind: Kind,
    pub status: Status,
    pub due: Option<Time>,
    pub start: Option<Time>,
    pub end: Option<Time>,
    /// A meeting's place and attendees (what a clash is found by).
    pub place: Option<String>,
    pub attendees: Vec<String>,
    /// A document's holder: the person it is lent to now.
    pub holder: Option<String>,
    /// Whether it has custody events, checklist entries, a hand-back note.
    pub custody: bool,
    pub checklist: bool,
    pub handback: bool,
    /// How many confidential texts a listing withholds from it.
    pub withheld: usize,
}

impl Facts {
    pub fn of(item: &Item) -> Facts {
        let meeting = item.kind == Kind::Meeting;
        Facts {
            kind: item.kind,
            status: item.status,
            due: item.due,
            start: item.start,
            end: item.end,
            place: item.place.clone().filter(|_| meeting),
            attendees: if meeting {
                item.attendees.clone()
            } else {
                Vec::new()
            },
            holder: (item.kind == Kind::Document)
                .then(|| custody::holder(item).map(str::to_string))
                .flatten(),
            custody: !item.custody.is_empty(),
            checklist: !item.checklist.is_empty(),
            handback: item.handback.is_some(),
            withheld: crate::report::withhold::count(item),
        }
    }

    /// Written on one line, without a tab or a newline: kind, status, the
    /// three times (`-` for none), the flags (`c` custody, `k` checklist,
    /// `h` hand-back, `-` for none), the withheld count, each a word; then,
    /// only when one is known, holder, place and attendees as a JSON array.
    pub fn write(&self, out: &mut Vec<u8>) {
        out.extend_from_slice(self.kind.as_str().as_bytes());
        out.push(b' ');
        out.extend_from_slice(self.status.as_str().as_bytes());
        for t in [self.due, self.start, self.end] {
            out.push(b' ');
            match t {
                Some(t) => out.extend_from_slice(rfc3339::format(&t, true).as_str().as_bytes()),
                None => out.push(b'-'),
            }
        }
        out.push(b' ');
        let flags = [
            (self.custody, b'c'),
            (self.checklist, b'k'),
            (self.handback, b'h'),
        ];
        let before = out.len();
        out.extend(flags.iter().filter(|(on, _)| *on).map(|(_, f)| f));
        if out.len() == before {
            out.push(b'-');
        }
        out.extend_from_slice(format!(" {}", self.withheld).as_bytes());
        if self.holder.is_some() || self.place.is_some() || !self.attendees.is_empty() {
            out.push(b' ');
            let names = (&self.holder, &self.place, &self.attendees);
            serde_json::to_writer(&mut *out, &names).expect("strings serialise");
        }
    }

    /// The facts [`Facts::write`] wrote; none for anything else.
    #[cfg(test)]
    pub fn read(text: &[u8]) -> Option<Facts> {
        Facts::read_str(std::str::from_utf8(text).ok()?)
    }

    /// The facts [`Facts::write`] wrote, read from text known to be UTF-8.
    pub fn read_str(text: &str) -> Option<Facts> {
        let mut words = text.splitn(8, ' ');
        let mut word = || words.next();
        let kind = word()?;
        let kind = *Kind::ALL.iter().find(|k| k.as_str() == kind)?;
        let status = word()?;
        let status = *Status::ALL.iter().find(|s| s.as_str() == status)?;
        let mut time = || match word()? {
            "-" => Some(None),
            t => rfc3339::parse(t).ok().map(Some),
        };
        let (due, start, end) = (time()?, time()?, time()?);
        let flags = word()?;
        if flags.is_empty() || flags.bytes().any(|b| !b"-ckh".contains(&b)) {
            return None;
        }
        let withheld = word()?.parse().ok()?;
        let (holder, place, attendees) = match word() {
            Some(names) => read_names(names)?,
            None => (None, None, Vec::new()),
        };
        Some(Facts {
            kind,
            status,
            due,
            start,
            end,
            place,
            attendees,
            holder,
            custody: flags.contains('c'),
            checklist: flags.contains('k'),
            handback: flags.contains('h'),
            withheld,
        })
    }
}

type Names = (Option<String>, Option<String>, Vec<String>);

/// The names [`Facts::write`] wrote as JSON: read by hand when no string
/// holds an escape (as Chinese names do not), else by serde_json.
fn read_names(text: &str) -> Option<Names> {
    if text.contains('\\') {
        return serde_json::from_str(text).ok();
    }
    let mut rest = text.strip_prefix('[')?;
    let string = |rest: &mut &str| -> Option<Option<String>> {
        if let Some(after) = rest.strip_prefix("null") {
            *rest = after;
            return Some(None);
        }
        let (inner, after) = rest.strip_prefix('"')?.split_once('"')?;
        if inner.bytes().any(|b| b < 0x20) {
            return None;
        }
        *rest = after;
        Some(Some(inner.to_string()))
    };
    let holder = string(&mut rest)?;
    rest = rest.strip_prefix(',')?;
    let place = string(&mut rest)?;
    rest = rest.strip_prefix(",[")?;
    let mut attendees = Vec::new();
    while !rest.starts_with(']') {
        if !attendees.is_empty() {
            rest = rest.strip_prefix(',')?;
        }
        attendees.push(string(&mut rest)??);
    }
    (rest == "]]").then_some((holder, place, attendees))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::testing::at;

    /// The demo's sample and a large synthetic register.
    fn states() -> [crate::model::State; 2] {
        [
            crate::cli::demo::sample(crate::i18n::Lang::Zh, at(0)),
            crate::cli::demo::synthetic(2000, at(0)),
        ]
    }

    #[test]
    fn an_item_known_by_its_facts_sorts_and_clashes_as_the_item() {
        let clashing: usize = states().iter().map(known_by_facts).sum();
        assert!(clashing > 0, "the demo has clashes");
    }

    /// How many items clash with another.
    fn known_by_facts(state: &crate::model::State) -> usize {
        use crate::model::meeting::Meets;
        use crate::store::Listed;
        let listed: Vec<Listed> = state
            .items
            .iter()
            .map(|i| Listed::Facts {
                id: i.id.clone(),
                facts: Facts::of(i),
            })
            .collect();
        for (item, lite) in state.items.iter().zip(&listed) {
            assert_eq!(
                (item.id.as_str(), item.kind, item.status, item.when()),
                (lite.id(), lite.kind(), lite.status(), lite.when()),
            );
            assert_eq!(Meets::live_span(item), lite.live_span(), "{}", item.id);
        }
        let clashes = crate::model::meeting::all_conflicts(state);
        assert_eq!(crate::model::meeting::conflicts_of(&listed), clashes);
        clashes.iter().filter(|c| !c.is_empty()).count()
    }

    #[test]
    fn facts_are_one_line_and_read_back_as_written() {
        let mut seen = [false; 4];
        for item in states().iter().flat_map(|s| &s.items) {
            let facts = Facts::of(item);
            seen[0] |= facts.holder.is_some();
            seen[1] |= facts.withheld > 0;
            seen[2] |= facts.handback;
            seen[3] |= !facts.attendees.is_empty();
            let mut text = Vec::new();
            facts.write(&mut text);
            assert!(!text.contains(&b'\t') && !text.contains(&b'\n'));
            assert_eq!(Facts::read(&text), Some(facts));
        }
        assert_eq!(seen, [true; 4], "holder, withheld, hand-back, attendees");
    }

    #[test]
    fn any_names_read_back_and_anything_else_is_refused() {
        let [item, _] = states();
        let item = item
            .items
            .into_iter()
            .find(|i| i.kind == Kind::Meeting)
            .unwrap();
        let mut facts = Facts::of(&item);
        facts.place = Some("二楼 谈话室\t\"东\"\n".into());
        facts.attendees = vec!["张 三".into(), "\u{202e}李四".into(), String::new()];
        facts.holder = Some("赵六 ".into());
        facts.withheld = 12;
        let mut text = Vec::new();
        facts.write(&mut text);
        assert!(!text.contains(&b'\t') && !text.contains(&b'\n'));
        assert_eq!(Facts::read(&text), Some(facts.clone()));
        let text = String::from_utf8(text).unwrap();
        for bad in [
            String::new(),
            text.replacen("meeting", "meetings", 1),
            text.replacen(" - ", " x ", 1),
            text.replacen(" 12 ", " -1 ", 1),
            text.replacen(" 12 ", " 12", 1),
            format!("{text}]"),
            text.split(' ').take(6).collect::<Vec<_>>().join(" "),
        ] {
            assert_eq!(Facts::read(bad.as_bytes()), None, "{bad}");
        }
    }

    #[test]
    fn names_are_read_by_hand_as_serde_json_reads_them() {
        let names = [
            "",
            "组长",
            "二楼 谈话室",
            "a,b",
            "[x]",
            "null",
            "\"东\"",
            "\\",
            "\t",
        ];
        let mut cases: Vec<String> = Vec::new();
        for a in names {
            for b in names {
                let texts = (Some(a), None::<&str>, vec![b, a]);
                cases.push(serde_json::to_string(&texts).unwrap());
                cases.push(serde_json::to_string(&(None::<&str>, Some(b), vec![a])).unwrap());
                cases.push(serde_json::to_string(&(Some(b), Some(a), Vec::<&str>::new())).unwrap());
            }
        }
        for bad in [
            "",
            "[",
            "[null,null,[]",
            "[null,null,[]]]",
            "[null,null,[null]]",
            "[1,null,[]]",
        ] {
            cases.push(bad.to_string());
        }
        cases.push("[\"a\u{1}\",null,[]]".to_string());
        for text in cases {
            let by_serde: Option<Names> = serde_json::from_str(&text).ok();
            assert_eq!(read_names(&text), by_serde, "{text}");
        }
    }
}

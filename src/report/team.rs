//! The brief's sections for the leader (组长): what needs a decision today,
//! tomorrow's meetings, and who is out or on leave. A section with nothing
//! in it is left out.

use chrono::Duration;

use super::Report;
use super::md::{Doc, text};
use crate::i18n::{self, M, tr, trf};
use crate::model::attendance::{self, Whereabouts};
use crate::model::triage::Reason;
use crate::model::{Item, Kind, custody, meeting, triage};

impl Report<'_> {
    /// The three sections, in order, each only when it has lines.
    pub(super) fn for_leader(&self, doc: &mut Doc) {
        for (title, lines) in [
            (M::BriefDecide, self.decisions()),
            (M::BriefTomorrow, self.tomorrow()),
            (M::BriefAttendance, self.whereabouts()),
        ] {
            if !lines.is_empty() {
                doc.heading(2, tr(self.lang, title));
                doc.list(&lines, "");
            }
        }
    }

    fn tomorrow_span(&self) -> (crate::model::Time, crate::model::Time) {
        let end = crate::model::when::local(
            (self.day + Duration::days(2)).and_time(chrono::NaiveTime::MIN),
            self.now,
        )
        .unwrap_or(self.end + Duration::days(1));
        (self.end, end)
    }

    /// Clashes among the meetings of the day and the next, loans past
    /// their return, and the questions asked in meetings not yet answered.
    fn decisions(&self) -> Vec<String> {
        let lang = self.lang;
        let items = &self.state.items;
        let (_, until) = self.tomorrow_span();
        let soon = |i: &Item| i.start.is_some_and(|s| s >= self.start && s < until);
        let mut out = Vec::new();
        let clashes = meeting::all_conflicts(self.state);
        let mut pairs: Vec<(usize, usize)> = clashes
            .iter()
            .enumerate()
            .flat_map(|(i, with)| with.iter().map(move |&j| (i.min(j), i.max(j))))
            .filter(|&(i, j)| soon(&items[i]) || soon(&items[j]))
            .collect();
        pairs.sort_by_key(|&(i, j)| (items[i].start, items[j].start, i, j));
        pairs.dedup();
        let at = |i: &Item| {
            let start = i.start.map(|s| self.time(s)).unwrap_or_default();
            trf(lang, M::BriefAt, &[&self.head(i), &start])
        };
        for (i, j) in pairs {
            out.push(trf(lang, M::BriefClash, &[&at(&items[i]), &at(&items[j])]));
        }
        let limit = triage::Limits::default().loan;
        for item in items.iter().filter(|i| i.kind == Kind::Document) {
            if triage::reason(item, self.now) != Some(Reason::ReturnOverdue) {
                continue;
            }
            if let Some(l) = custody::loan(item) {
                let due = self.time(l.due(limit));
                out.push(trf(
                    lang,
                    M::BriefOverdueLoan,
                    &[&self.head(item), &text(l.person), &due],
                ));
            }
        }
        for item in items.iter().filter(|i| i.kind == Kind::Meeting) {
            for f in item.followups.iter().filter(|f| f.done.is_none()) {
                out.push(trf(
                    lang,
                    M::BriefFollowup,
                    &[&self.head(item), &text(&f.text)],
                ));
            }
        }
        out
    }

    fn tomorrow(&self) -> Vec<String> {
        let (from, to) = self.tomorrow_span();
        let list = self.pick(
            Kind::Meeting,
            |i| !i.status.is_closed() && i.start.is_some_and(|s| s >= from && s < to),
            |i| i.start,
        );
        self.lines(&list)
    }

    /// Who is out or on leave on the day, with what needs attention marked.
    fn whereabouts(&self) -> Vec<String> {
        let today = attendance::day_of(self.now, self.now) == self.day;
        let alerts = if today {
            attendance::alerts(self.state, self.now)
        } else {
            Vec::new()
        };
        attendance::sheet(self.state, self.day, self.now)
            .into_iter()
            .filter(|(_, w)| matches!(w, Whereabouts::Out(_) | Whereabouts::Leave(_)))
            .map(|(m, w)| {
                let said = text(&i18n::team::whereabouts(self.lang, &w, self.now));
                let flagged = alerts.iter().any(|a| match a {
                    attendance::Alert::OutOverdue { name, .. }
                    | attendance::Alert::Unapproved { name } => *name == m.name,
                });
                match flagged {
                    true => format!("{} · **{said}**", text(&m.name)),
                    false => format!("{} · {said}", text(&m.name)),
                }
            })
            .collect()
    }
}

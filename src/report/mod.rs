//! The leader's brief (`liaison report`) and the Markdown export (`liaison
//! export --format md`): pure functions of the state, the day, the clock and
//! the language, so the command line and the dashboard give the same text.
//!
//! Section headings are the pane names; every item, note and custody step is
//! one list line; user text is escaped (see [`md::text`]). The notes of a
//! secret or confidential document — its own and those in its custody log,
//! override reasons included — are left out unless asked for, and a line
//! says how many were left out. Its title, class and custody facts (who holds
//! it, since when) still show: the leader must know where it is.

pub mod clearance;
mod export;
mod line;
pub mod md;
mod registers;
mod team;
pub mod withhold;

use chrono::{NaiveDate, NaiveTime};

use crate::i18n::{self, Lang, R, T, tr, trf};
use crate::model::custody::{self, Stage, StepKind};
use crate::model::triage::{self, Reason};
use crate::model::{Item, Kind, State, Status, Time};
use md::Doc;

pub use export::export;

/// What every part of a report needs to know.
pub(crate) struct Report<'a> {
    state: &'a State,
    lang: Lang,
    now: Time,
    /// The day the report is about.
    day: NaiveDate,
    /// That day's start and end in the offset of `now`.
    start: Time,
    end: Time,
    /// Include the notes of secret and confidential documents.
    confidential: bool,
    /// Times on `day` show without their date (the brief, not the export).
    short_today: bool,
}

impl<'a> Report<'a> {
    fn new(state: &'a State, day: NaiveDate, now: Time, lang: Lang, confidential: bool) -> Self {
        let start = crate::model::when::local(day.and_time(NaiveTime::MIN), now).unwrap_or(now);
        let end = day
            .succ_opt()
            .and_then(|next| crate::model::when::local(next.and_time(NaiveTime::MIN), now))
            .unwrap_or(start);
        Report {
            state,
            lang,
            now,
            day,
            start,
            end,
            confidential,
            short_today: true,
        }
    }

    fn on_day(&self, t: Time) -> bool {
        t >= self.start && t < self.end
    }

    /// Items of `kind` that `keep`, ordered by `key` (none last), then as created.
    fn pick(
        &self,
        kind: Kind,
        keep: impl Fn(&Item) -> bool,
        key: impl Fn(&Item) -> Option<Time>,
    ) -> Vec<&'a Item> {
        let mut items: Vec<&Item> = self
            .state
            .items
            .iter()
            .filter(|i| i.kind == kind && keep(i))
            .collect();
        items.sort_by_key(|i| (key(i).is_none(), key(i), i.created));
        items
    }

    fn lines(&self, items: &[&Item]) -> Vec<String> {
        items.iter().map(|i| self.item_line(i)).collect()
    }

    /// `Inspection: … · prepared 2026-11-25 10:00`.
    fn meta(&self, stamp: R) -> String {
        let mut parts = Vec::new();
        if let Some(name) = self
            .state
            .inspection
            .as_deref()
            .filter(|n| !n.trim().is_empty())
        {
            parts.push(trf(self.lang, R::BriefInspection, &[&md::text(name)]));
        }
        let at = self.now.format("%Y-%m-%d %H:%M");
        parts.push(trf(self.lang, stamp, &[&at]));
        parts.join(" · ")
    }

    /// A `###` subsection, left out when it has no lines.
    fn sub(&self, doc: &mut Doc, title: R, lines: &[String]) {
        if !lines.is_empty() {
            doc.heading(3, tr(self.lang, title));
            doc.list(lines, "");
        }
    }

    fn none(&self) -> &'static str {
        tr(self.lang, R::BriefNone)
    }

    /// The notes of the day (every note when `all`), oldest first, with the
    /// day's custody-step notes (the export has them in its custody log);
    /// then one line per document whose notes are withheld.
    fn notes(&self, all: bool) -> Vec<String> {
        let mut said: Vec<(Time, String)> = Vec::new();
        let mut withheld = Vec::new();
        for item in &self.state.items {
            let notes = item.notes.iter().filter(|n| all || self.on_day(n.at));
            let events = item
                .custody
                .iter()
                .filter(|e| e.note.is_some() && (all || self.on_day(e.at)));
            if self.withheld(item) {
                let count = notes.count() + events.count();
                if count > 0 {
                    withheld.push(self.withheld_line(item, count));
                }
                continue;
            }
            said.extend(notes.map(|n| (n.at, self.note_line(item, n))));
            if !all {
                // The export lists custody notes in the custody log.
                said.extend(events.filter_map(|e| {
                    let note = e.note.as_deref()?;
                    Some((e.at, self.event_note_line(item, e, note)))
                }));
            }
        }
        said.sort_by_key(|(at, _)| *at);
        said.into_iter().map(|(_, l)| l).chain(withheld).collect()
    }

    fn inbox(&self) -> Vec<String> {
        let notes = self.state.inbox.iter();
        notes
            .map(|n| format!("{} · {}", self.time(n.at), md::text(&n.text)))
            .collect()
    }
}

/// The day's brief for the team leader, as Markdown: the meetings of `date`,
/// the documents (requested, received that day, who holds what, late loans,
/// awaiting disposal), logistics open and done that day, substitute
/// assignments open and handed back that day, the day's notes, counts and
/// the inbox. Lateness is judged at `now`; times show in `now`'s offset.
pub fn brief(
    state: &State,
    date: NaiveDate,
    now: Time,
    lang: Lang,
    include_confidential: bool,
) -> String {
    let r = Report::new(state, date, now, lang, include_confidential);
    let mut doc = Doc::default();
    let title = trf(lang, R::BriefTitle, &[&i18n::long_date(lang, date)]);
    doc.heading(1, &title);
    doc.para(&r.meta(R::BriefPrepared));
    export::chain_warnings(&mut doc, state, lang);
    r.for_leader(&mut doc);

    let meetings = r.pick(
        Kind::Meeting,
        |i| i.start.is_some_and(|s| r.on_day(s)),
        |i| i.start,
    );
    doc.heading(2, i18n::kind(lang, Kind::Meeting));
    doc.list(&r.lines(&meetings), r.none());

    let open = |i: &Item| !i.status.is_closed();
    let reason = |i: &Item| triage::reason(i, now);
    let last = |i: &Item| crate::model::custody::last(i).map(|e| e.at);
    let received_at = |i: &Item| {
        crate::model::custody::live(&i.custody)
            .find(|e| e.action == StepKind::Receive)
            .map(|e| e.at)
    };
    let requested = r.pick(
        Kind::Document,
        |i| open(i) && crate::model::custody::last(i).is_none(),
        |i| i.due,
    );
    let received = r.pick(
        Kind::Document,
        |i| received_at(i).is_some_and(|t| r.on_day(t)),
        received_at,
    );
    let held = r.pick(
        Kind::Document,
        |i| matches!(custody::stage(i), Stage::Held | Stage::Lent(_)),
        last,
    );
    let late = r.pick(
        Kind::Document,
        |i| reason(i) == Some(Reason::ReturnOverdue),
        last,
    );
    let disposal = r.pick(
        Kind::Document,
        |i| reason(i) == Some(Reason::AwaitingDisposal),
        last,
    );
    doc.heading(2, i18n::kind(lang, Kind::Document));
    if [&requested, &received, &held, &late, &disposal]
        .iter()
        .all(|l| l.is_empty())
    {
        doc.para(r.none());
    }
    r.sub(&mut doc, R::BriefRequested, &r.lines(&requested));
    r.sub(&mut doc, R::BriefReceived, &r.lines(&received));
    r.sub(&mut doc, R::BriefHolding, &r.lines(&held));
    r.sub(&mut doc, R::BriefReturnOverdue, &r.lines(&late));
    r.sub(&mut doc, R::BriefDisposal, &r.lines(&disposal));

    let done_on_day = |i: &Item| i.status == Status::Done && r.on_day(i.updated);
    let by_updated = |i: &Item| Some(i.updated);
    for (kind, done_title) in [
        (Kind::Logistics, R::BriefDoneToday),
        (Kind::Substitute, R::BriefHandedBackToday),
    ] {
        let pending = r.pick(kind, open, |i| i.when());
        let done = r.pick(kind, done_on_day, by_updated);
        doc.heading(2, i18n::kind(lang, kind));
        if pending.is_empty() && done.is_empty() {
            doc.para(r.none());
        }
        r.sub(&mut doc, R::BriefOpen, &r.lines(&pending));
        r.sub(&mut doc, done_title, &r.lines(&done));
    }

    doc.heading(2, tr(lang, R::BriefNotesToday));
    doc.list(&r.notes(false), r.none());

    r.registers(&mut doc);

    let count = |kind, keep: &dyn Fn(&Item) -> bool| {
        state
            .items
            .iter()
            .filter(|i| i.kind == kind && keep(i))
            .count()
    };
    let on_loan = held.iter().filter(|i| custody::holder(i).is_some()).count();
    let (overdue, _) = triage::counts(state, now);
    let n = |key, args: &[&dyn std::fmt::Display]| trf(lang, key, args);
    let summary = [
        n(R::CountOverdue, &[&overdue]),
        n(R::CountMeetings, &[&meetings.len()]),
        n(R::CountRequested, &[&requested.len()]),
        n(R::CountHeld, &[&held.len(), &on_loan]),
        n(R::CountDisposal, &[&disposal.len()]),
        n(
            R::CountLogistics,
            &[
                &count(Kind::Logistics, &open),
                &count(Kind::Logistics, &done_on_day),
            ],
        ),
        n(
            R::CountSubstitutes,
            &[
                &count(Kind::Substitute, &open),
                &count(Kind::Substitute, &done_on_day),
            ],
        ),
        n(R::CountInbox, &[&state.inbox.len()]),
        // What would still have to be cleared (巡后清退) if it ended today.
        clearance::counts(
            lang,
            &custody::clearance(state, now, triage::Limits::default().loan),
        ),
    ];
    doc.heading(2, tr(lang, R::BriefSummary));
    doc.list(&summary, "");

    doc.heading(2, tr(lang, T::Inbox));
    doc.list(&r.inbox(), r.none());
    doc.finish()
}

/// Ends a printed register with the journal's head (its first twelve hex
/// digits): a rewrite of the data after the page was printed or sent shows
/// as a different head on `liaison verify`.
pub fn with_head(mut text: String, lang: Lang, head: &str) -> String {
    if head.is_empty() {
        return text;
    }
    if !text.ends_with('\n') {
        text.push('\n');
    }
    text.push_str("\n---\n\n");
    text.push_str(&crate::i18n::trf(
        lang,
        crate::i18n::R::JournalHead,
        &[&head],
    ));
    text.push('\n');
    text
}

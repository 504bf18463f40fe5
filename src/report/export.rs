//! The whole store as Markdown, in the brief's form: every item of every
//! pane, the custody log, every note, the inbox and counts.

use super::Report;
use super::md::Doc;
use crate::i18n::{self, Lang, R, T, tr, trf};
use crate::model::{Item, Kind, State, Time, triage};

/// Everything in `state` as Markdown: each pane's items (open ones first, in
/// time order), every custody step, every note, the inbox, then counts.
/// The notes of secret and confidential documents are left out unless
/// `include_confidential`.
pub fn export(state: &State, now: Time, lang: Lang, include_confidential: bool) -> String {
    let mut r = Report::new(state, now.date_naive(), now, lang, include_confidential);
    r.short_today = false;
    let mut doc = Doc::default();
    doc.heading(1, tr(lang, R::ExportTitle));
    doc.para(&r.meta(R::ExportPrepared));
    chain_warnings(&mut doc, state, lang);

    let mut summary = Vec::new();
    for kind in Kind::ALL.iter().copied() {
        let items = r.pick(kind, |_| true, |i| i.when());
        let (mut open, closed): (Vec<&Item>, Vec<&Item>) =
            items.into_iter().partition(|i| !i.status.is_closed());
        summary.push(trf(
            lang,
            R::CountPane,
            &[
                &i18n::kind(lang, kind),
                &(open.len() + closed.len()),
                &open.len(),
            ],
        ));
        open.extend(closed);
        doc.heading(2, i18n::kind(lang, kind));
        doc.list(&r.lines(&open), r.none());
    }

    let log: Vec<String> = state
        .items
        .iter()
        .flat_map(|i| i.custody.iter().map(move |e| (i, e)))
        .map(|(i, e)| r.event_line(i, e))
        .collect();
    doc.heading(2, tr(lang, T::CustodyTitle));
    doc.list(&log, r.none());
    r.registers(&mut doc);

    doc.heading(2, tr(lang, T::NotesTitle));
    doc.list(&r.notes(true), r.none());

    doc.heading(2, tr(lang, T::Inbox));
    doc.list(&r.inbox(), r.none());

    let (overdue, _) = triage::counts(state, now);
    summary.push(trf(lang, R::CountOverdue, &[&overdue]));
    summary.push(trf(lang, R::CountInbox, &[&state.inbox.len()]));
    doc.heading(2, tr(lang, R::BriefSummary));
    doc.list(&summary, "");
    doc.finish()
}

/// While a custody log fails its check, a document that lists documents
/// says so first: a heading and one line per problem. Nothing otherwise.
pub(super) fn chain_warnings(doc: &mut Doc, state: &State, lang: Lang) {
    let problems = crate::model::custody::verify(state);
    if problems.is_empty() {
        return;
    }
    let lines: Vec<String> = problems
        .iter()
        .map(|p| super::md::text(&i18n::chain_problem(lang, p)))
        .collect();
    doc.heading(2, tr(lang, R::ChainWarningTitle));
    doc.list(&lines, "");
}

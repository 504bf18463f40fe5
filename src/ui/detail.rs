//! One item in full: every field, its notes with their times, its custody log.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};

use super::{Ctx, block};
use crate::app::App;
use crate::app::form::FieldKey;
use crate::app::views::{Tick, tickables};
use crate::i18n::{self, T, tr};
use crate::model::{Item, Time};
use crate::text::{fit, one_line, truncate, width};

fn time(t: Option<Time>) -> Option<String> {
    t.map(|t| t.format("%Y-%m-%d %H:%M").to_string())
}

/// (label, value) for every field the item's kind has, then the times.
pub fn fields(app: &App, item: &Item) -> Vec<(String, String)> {
    let lang = app.lang;
    let mut out = vec![(
        tr(lang, T::DetailKind).to_string(),
        i18n::kind(lang, item.kind).to_string(),
    )];
    for key in FieldKey::for_kind(item.kind) {
        let v = (key.field().show)(item, lang);
        out.push((key.label(lang).to_string(), v.unwrap_or_default()));
    }
    if item.kind == crate::model::Kind::Document {
        // A document's status is where its custody stands; a loan says
        // when it is due back.
        let mut stage = i18n::stage(lang, crate::model::custody::stage(item));
        if let Some(loan) = crate::model::custody::loan(item) {
            let due = i18n::preview(loan.due(app.config.limits().loan), app.now, lang);
            stage = format!("{stage} · {}", i18n::trf(lang, i18n::C::DueBack, &[&due]));
        }
        out.push((FieldKey::Status.label(lang).to_string(), stage));
    }
    out.push((
        tr(lang, T::DetailCreated).into(),
        time(Some(item.created)).unwrap_or_default(),
    ));
    out.push((
        tr(lang, T::DetailUpdated).into(),
        time(Some(item.updated)).unwrap_or_default(),
    ));
    out
}

pub fn render(cx: &Ctx, app: &App, frame: &mut Frame, area: Rect, d: &crate::app::Detail) {
    let Some(item) = app.snap.state.get(&d.id) else {
        return;
    };
    let b = block(cx, true).title(format!(
        " {} {} ",
        one_line(&item.id),
        truncate(
            &one_line(&item.title),
            area.width.saturating_sub(10) as usize
        )
    ));
    let inner = b.inner(area);
    frame.render_widget(b, area);
    if inner.width == 0 || inner.height == 0 {
        return;
    }
    let rows = fields(app, item);
    let label_w = rows.iter().map(|(l, _)| width(l)).max().unwrap_or(0) + 2;
    let mut lines: Vec<Line> = rows
        .into_iter()
        .map(|(l, v)| {
            Line::from(vec![
                Span::styled(fit(&l, label_w), cx.theme.dim()),
                Span::raw(one_line(&v).into_owned()),
            ])
        })
        .collect();
    let ticks = tickables(&app.snap.state, item);
    let mut cursor_line = meeting_sections(cx, app, item, &ticks, &mut lines);
    links_section(cx, app, item, &ticks, &mut lines, &mut cursor_line);
    if item.kind == crate::model::Kind::Document {
        super::registers::custody_sections(cx, app, item, &mut lines);
    }
    lines.push(Line::raw(""));
    lines.push(Line::styled(
        format!("{} ({})", tr(app.lang, T::NotesTitle), item.notes.len()),
        cx.theme.key(),
    ));
    let start = item.start;
    for (i, n) in item.notes.iter().enumerate() {
        let offset = start.map(|s| offset(s, n.at)).unwrap_or_default();
        let line = Line::from(vec![
            Span::styled(
                format!("  {}{offset}  ", n.at.format("%m-%d %H:%M")),
                cx.theme.dim(),
            ),
            Span::raw(one_line(&n.text).into_owned()),
        ]);
        let at = lines.len();
        lines.push(cursor_style(
            cx,
            app,
            &ticks,
            Tick::Note(i),
            line,
            at,
            &mut cursor_line,
        ));
    }
    let max_scroll = lines.len().saturating_sub(1);
    // Keep the cursor in view once it was moved: a detail opens at its top
    // even when the first line the cursor stops on (a note after a long
    // custody log) is further down.
    let h = inner.height as usize;
    let scroll = match cursor_line {
        Some(at) if d.cursor > 0 || at < h => d.scroll.max(at.saturating_sub(h.saturating_sub(1))),
        _ => d.scroll,
    };
    // While notes are being taken, keep the newest ones in view.
    let scroll = if matches!(app.overlay, crate::app::Overlay::Capture(_)) {
        scroll.max(lines.len().saturating_sub(h))
    } else {
        scroll
    };
    let scroll = scroll.min(max_scroll) as u16;
    frame.render_widget(
        Paragraph::new(lines)
            .wrap(Wrap { trim: false })
            .scroll((scroll, 0)),
        inner,
    );
}

/// A meeting's clashes, preparation checklist and open questions; returns the
/// line the tick cursor is on.
fn meeting_sections(
    cx: &Ctx,
    app: &App,
    item: &Item,
    ticks: &[Tick],
    lines: &mut Vec<Line<'static>>,
) -> Option<usize> {
    let mut cursor_line = None;
    let mark = |done: bool| if done { "[x]" } else { "[ ]" };
    let conflicts = crate::model::meeting::conflicts(&app.snap.state, &item.id);
    if !conflicts.is_empty() {
        lines.push(Line::raw(""));
        lines.push(Line::styled(
            tr(app.lang, T::ConflictsTitle),
            cx.theme.error(),
        ));
        for id in conflicts {
            let other = app.snap.state.get(&id);
            let title = other
                .map(|o| one_line(&o.title).into_owned())
                .unwrap_or_default();
            let when = other
                .and_then(|o| o.start)
                .map(|t| t.format("%m-%d %H:%M").to_string())
                .unwrap_or_default();
            // Whether the room or a person is double-booked.
            let what = other
                .map(|o| i18n::clash_what(app.lang, item, o))
                .unwrap_or_default();
            lines.push(Line::styled(
                format!(
                    "  {} {id} {when}  {title}  ({what})",
                    cx.theme.conflict_mark()
                ),
                cx.theme.error(),
            ));
        }
    }
    if !item.checklist.is_empty() {
        lines.push(Line::raw(""));
        lines.push(Line::styled(
            tr(app.lang, T::ChecklistTitle),
            cx.theme.key(),
        ));
        for (i, c) in item.checklist.iter().enumerate() {
            let line = Line::raw(format!(
                "  {} {}",
                mark(c.done),
                one_line(i18n::check(app.lang, c))
            ));
            lines.push(cursor_style(
                cx,
                app,
                ticks,
                Tick::Check(i),
                line,
                lines.len(),
                &mut cursor_line,
            ));
        }
    }
    let open: Vec<_> = item.open_followups().collect();
    if !open.is_empty() {
        lines.push(Line::raw(""));
        lines.push(Line::styled(
            format!("{} ({})", tr(app.lang, T::FollowupsTitle), open.len()),
            cx.theme.key(),
        ));
        for (i, f) in open {
            let line = Line::raw(format!(
                "  {} {}  {}",
                mark(false),
                f.at.format("%H:%M"),
                one_line(&f.text)
            ));
            lines.push(cursor_style(
                cx,
                app,
                ticks,
                Tick::Followup(i),
                line,
                lines.len(),
                &mut cursor_line,
            ));
        }
    }
    cursor_line
}

/// The items linked to this one: a document's meeting (the `#` line that
/// asked for it), or the documents a meeting asked for; `Enter` opens one.
fn links_section(
    cx: &Ctx,
    app: &App,
    item: &Item,
    ticks: &[Tick],
    lines: &mut Vec<Line<'static>>,
    cursor_line: &mut Option<usize>,
) {
    let links = crate::app::views::links(&app.snap.state, item);
    if links.is_empty() {
        return;
    }
    let heading = match item.kind {
        crate::model::Kind::Meeting => i18n::trf(app.lang, T::LinkedDocuments, &[&links.len()]),
        _ => tr(app.lang, T::LinkedMeeting).to_string(),
    };
    lines.push(Line::raw(""));
    lines.push(Line::styled(
        format!("{heading} · {}", tr(app.lang, T::LinkOpenHint)),
        cx.theme.key(),
    ));
    for (i, id) in links.iter().enumerate() {
        let Some(other) = app.snap.state.get(id) else {
            continue;
        };
        let what = match other.kind {
            crate::model::Kind::Meeting => other
                .start
                .map(|t| t.format("%m-%d %H:%M").to_string())
                .unwrap_or_default(),
            _ => i18n::stage(app.lang, crate::model::custody::stage(other)),
        };
        let line = Line::raw(format!(
            "  {} {}  {what}",
            fit(&one_line(id), 4),
            one_line(&other.title)
        ));
        let at = lines.len();
        lines.push(cursor_style(
            cx,
            app,
            ticks,
            Tick::Link(i),
            line,
            at,
            cursor_line,
        ));
    }
}

/// Highlights `line` if the tick cursor is on `tick`, noting where it is.
fn cursor_style(
    cx: &Ctx,
    app: &App,
    ticks: &[Tick],
    tick: Tick,
    line: Line<'static>,
    at: usize,
    cursor_line: &mut Option<usize>,
) -> Line<'static> {
    if ticks.get(app.view.cursor()) == Some(&tick) {
        *cursor_line = Some(at);
        line.patch_style(cx.theme.selected(true))
    } else {
        line
    }
}

/// How long after the meeting's start a note was taken: ` +2m`, ` +1h05m`.
/// A note before the start or on another day has none: its own time says
/// enough (a note days later read `+8112:53`).
fn offset(start: crate::model::Time, at: crate::model::Time) -> String {
    let same_day = at.with_timezone(start.offset()).date_naive() == start.date_naive();
    if at < start || !same_day {
        return String::new();
    }
    let minutes = (at - start).num_minutes();
    match (minutes / 60, minutes % 60) {
        (0, m) => format!(" +{m}m"),
        (h, m) => format!(" +{h}h{m:02}m"),
    }
}

#[cfg(test)]
mod tests {
    use super::offset;

    fn at(text: &str) -> crate::model::Time {
        chrono::DateTime::parse_from_rfc3339(text).unwrap()
    }

    #[test]
    fn a_note_offset_reads_as_minutes_or_hours_and_minutes_on_the_meeting_day() {
        let start = at("2026-11-25T09:00:00+08:00");
        let cases = [
            ("2026-11-25T09:00:40+08:00", " +0m"),
            ("2026-11-25T09:02:00+08:00", " +2m"),
            ("2026-11-25T10:05:00+08:00", " +1h05m"),
            ("2026-11-25T21:30:00+08:00", " +12h30m"),
            ("2026-11-25T08:59:00+08:00", ""),
            ("2026-11-30T14:53:00+08:00", ""),
        ];
        for (note, want) in cases {
            assert_eq!(offset(start, at(note)), want, "{note}");
        }
    }
}

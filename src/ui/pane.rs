//! One pane: a table of its items.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph};

use super::{Paint, block, when_text};
use crate::app::App;
use crate::i18n::{self, T, tr, trf};
use crate::model::{Item, Kind, triage};
use crate::text::{one_line, push_fit, truncate, width};

/// The kind-specific column's text.
pub fn extra(app: &App, item: &Item) -> String {
    let lang = app.lang;
    let s = match item.kind {
        Kind::Logistics => item.category.map(|c| i18n::category(lang, c).to_string()),
        Kind::Document => {
            let who = crate::model::custody::holder(item)
                .or(item.from.as_deref())
                .unwrap_or_default();
            let rule = item
                .rule
                .map(|r| i18n::rule_short(lang, r))
                .unwrap_or_default();
            Some(format!("{rule} {who}"))
        }
        Kind::Meeting => {
            let kind = item
                .meeting_type
                .map(|t| i18n::meeting_short(lang, t))
                .unwrap_or_default();
            // The preparation's progress (`2/4`) after the place: where the
            // column is tight the place stays whole and the count is cut.
            let checks: Vec<_> = item.checklist.iter().filter(|c| !c.is_blank()).collect();
            let done = checks.iter().filter(|c| c.done).count();
            let progress = if checks.is_empty() || item.status.is_closed() {
                String::new()
            } else {
                format!(" {done}/{}", checks.len())
            };
            Some(format!(
                "{kind} {}{progress}",
                item.place.as_deref().unwrap_or_default()
            ))
        }
        Kind::Substitute => item.section.clone(),
    };
    one_line(&s.unwrap_or_default()).into_owned()
}

/// The style of an item's row by urgency.
pub fn row_style(cx: &Paint, app: &App, item: &Item) -> Style {
    if item.status.is_closed() {
        cx.theme.closed()
    } else {
        match triage::reason_with(item, app.now, &app.config.limits()) {
            // A loan kept too long is as late as an overdue item; a document
            // waiting to be returned, shredded or filed asks for today.
            Some(triage::Reason::Overdue | triage::Reason::ReturnOverdue) => cx.theme.overdue(),
            Some(
                triage::Reason::DueToday
                | triage::Reason::LoanDueToday
                | triage::Reason::MeetingToday
                | triage::Reason::AwaitingDisposal,
            ) => cx.theme.due_today(),
            _ => Style::new(),
        }
    }
}

/// How wide the time and the kind's column are drawn in a list.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Cols {
    /// With its leading space; 0 when there is no room.
    pub when: usize,
    pub extra: usize,
}

/// Shares a list's width by what its rows hold: the time and the kind's
/// column get what their widest entry needs, the title the rest. When both
/// want more than there is, the kind's column still gets all it needs as
/// long as a typical (median) title fits beside it.
/// (Fixed widths cut `个别谈话：办公室…` and `二…` while columns stayed empty.)
pub fn columns(rows: &[Row], w: usize) -> Cols {
    let (mut titles, mut when_max, mut extra_max) = (Vec::new(), 0, 0);
    for row in rows {
        titles.push(width(&row.title));
        when_max = when_max.max(width(&row.when));
        extra_max = extra_max.max(width(&row.extra));
    }
    let when = if w >= 30 && when_max > 0 {
        when_max + 1
    } else {
        0
    };
    let left = w.saturating_sub(2 + 5 + when);
    if w < 44 || extra_max == 0 {
        return Cols { when, extra: 0 };
    }
    titles.sort_unstable();
    let title_max = titles.last().copied().unwrap_or(0);
    let title_w = if title_max + 1 + extra_max <= left {
        title_max
    } else {
        let typical = titles[titles.len() / 2].min(left * 2 / 3);
        typical.max(left.saturating_sub(extra_max + 1))
    };
    let extra = extra_max.min(left.saturating_sub(title_w + 1));
    Cols { when, extra }
}

/// What a row shows of an item, made once a frame: the columns are shared
/// out by it and the row is drawn from it.
pub struct Row {
    /// The item's index in the state.
    pub ix: usize,
    title: String,
    when: String,
    extra: String,
}

/// The row of the item at `ix` in the state.
pub fn row(cx: &Paint, app: &App, ix: usize) -> Row {
    let item = &app.items()[ix];
    Row {
        ix,
        title: title(cx, app, ix),
        when: when_in_list(app, item),
        extra: extra(app, item),
    }
}

/// A row's time: a meeting's start time alone (its day heads the agenda,
/// and Today holds only today's), else the item's date and time.
fn when_in_list(app: &App, item: &Item) -> String {
    match (item.kind, item.start) {
        (Kind::Meeting, Some(t)) => super::clock(&t),
        _ => when_text(app, item),
    }
}

/// The title with its marks: `!` high priority, then `■` for a sensitive
/// document or `⚠` for a meeting that clashes.
fn title(cx: &Paint, app: &App, ix: usize) -> String {
    let item = &app.items()[ix];
    // A copy or extract sits under its source.
    let mut out = String::from(if item.parent.is_some() { "└ " } else { "" });
    if item.priority == crate::model::Priority::High {
        out.push_str(cx.theme.priority_mark());
        out.push(' ');
    }
    if item.is_sensitive() {
        out.push_str(cx.theme.sensitive_mark());
        out.push(' ');
    } else if app.conflicted.get(ix).copied().unwrap_or(false) {
        out.push_str(cx.theme.conflict_mark());
        out.push(' ');
    }
    out.push_str(&one_line(&item.title));
    out
}

/// One row: mark, id, title cut to fit, time, the kind's column.
pub fn row_line(cx: &Paint, app: &App, row: &Row, w: usize, cols: Cols) -> Line<'static> {
    let item = &app.items()[row.ix];
    let (when_w, extra_w) = (cols.when, cols.extra);
    let fixed = 2 + 5 + when_w + extra_w + usize::from(extra_w > 0);
    let title_w = w.saturating_sub(fixed);
    let mut text = String::with_capacity(w + 16);
    push_fit(&mut text, cx.theme.status_mark(item.status), 1);
    text.push(' ');
    push_fit(&mut text, &one_line(&item.id), 4);
    text.push(' ');
    push_fit(&mut text, &row.title, title_w);
    if when_w > 0 {
        text.push(' ');
        push_fit(&mut text, &row.when, when_w - 1);
    }
    if extra_w > 0 {
        text.push(' ');
        push_fit(&mut text, &row.extra, extra_w);
    }
    if width(&text) > w {
        text = truncate(&text, w);
    }
    Line::from(text).style(row_style(cx, app, item))
}

/// The first row to draw so that `selected` is visible in `height` rows.
pub fn scroll_offset(selected: usize, height: usize) -> usize {
    if height == 0 {
        0
    } else {
        selected.saturating_sub(height - 1)
    }
}

pub fn render(cx: &Paint, app: &App, frame: &mut Frame, area: Rect, kind: Kind) {
    let focused = app.focus == kind;
    let view = &app.panes[kind];
    let mut title = format!(" {} {} ", kind.index() + 1, i18n::kind(app.lang, kind));
    let filtered = app.filter_text().is_some();
    if let Some(query) = app.filter_text() {
        title.push_str(&format!("/{} ({}) ", one_line(query), view.rows.len()));
    } else {
        title.push_str(&format!("({}) ", view.rows.len()));
    }
    let block: Block = block(cx, focused).title(Span::styled(
        truncate(&title, area.width.saturating_sub(2) as usize),
        cx.theme.border(focused),
    ));
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let (w, h) = (inner.width as usize, inner.height as usize);
    if w == 0 || h == 0 {
        return;
    }
    if view.rows.is_empty() && (filtered || app.folded_past == 0) {
        let hint = if filtered { T::NoMatches } else { T::EmptyPane };
        let hint = truncate(tr(app.lang, hint), w);
        frame.render_widget(Paragraph::new(hint).style(cx.theme.dim()), inner);
        return;
    }
    let all = entries(app, kind);
    let at = all
        .iter()
        .position(|e| *e == Entry::Row(view.selected))
        .unwrap_or(0);
    let offset = scroll_offset(at, h);
    let shown: Vec<Row> = all[offset..]
        .iter()
        .take(h)
        .filter_map(|e| match e {
            Entry::Row(r) => Some(row(cx, app, view.rows[*r])),
            _ => None,
        })
        .collect();
    let cols = columns(&shown, w);
    let mut shown = shown.iter();
    let lines: Vec<Line> = all[offset..]
        .iter()
        .take(h)
        .map(|e| match e {
            Entry::Row(r) => {
                let row = shown.next().expect("made above for each row shown");
                let line = row_line(cx, app, row, w, cols);
                if *r == view.selected {
                    line.patch_style(cx.theme.selected(focused))
                } else {
                    line
                }
            }
            Entry::Day(text, today) => {
                let style = if *today {
                    cx.theme.key()
                } else {
                    cx.theme.dim()
                };
                Line::styled(rule(&format!("── {text} "), '─', w), style)
            }
            Entry::Now => {
                let text = format!(
                    "{} {} ",
                    app.now.format("%H:%M"),
                    tr(app.lang, T::AgendaNow)
                );
                Line::styled(rule(&format!("  ▶ {text}"), '┄', w), cx.theme.due_today())
            }
            Entry::Folded(n) => Line::styled(
                truncate(&trf(app.lang, T::AgendaFolded, &[n]), w),
                cx.theme.dim(),
            ),
        })
        .collect();
    // Each line is already cut to the pane's width, so it goes straight into
    // the buffer: a Paragraph would measure every character again.
    let buf = frame.buffer_mut();
    for (i, line) in lines.iter().enumerate() {
        super::cells::put_line(buf, inner.x, inner.y + i as u16, line, inner.width);
    }
}

/// `text` filled out to `w` columns with `fill` (cut without a mark if long).
fn rule(text: &str, fill: char, w: usize) -> String {
    if crate::text::width(text) > w {
        return crate::text::truncate(text, w);
    }
    let mut out = text.to_string();
    out.extend(std::iter::repeat_n(fill, w - crate::text::width(text)));
    out
}

/// One line of a pane: an item's row (by its index in the pane's rows), or,
/// in the Meetings agenda, a day heading, the "now" line or the folded past.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Entry {
    Row(usize),
    Day(String, bool),
    Now,
    Folded(usize),
}

/// The lines a pane shows, in order: the same for drawing and mouse clicks.
pub fn entries(app: &App, pane: Kind) -> Vec<Entry> {
    let view = &app.panes[pane];
    if pane != Kind::Meeting {
        return (0..view.rows.len()).map(Entry::Row).collect();
    }
    let mut out = Vec::with_capacity(view.rows.len() + 8);
    let mut last_day = None;
    let mut now_drawn = false;
    for (r, &ix) in view.rows.iter().enumerate() {
        let item = &app.items()[ix];
        let day = item.start.map(|t| t.date_naive());
        let is_today = day == Some(app.now.date_naive());
        if day != last_day {
            if last_day == Some(app.now.date_naive()) && !now_drawn {
                out.push(Entry::Now);
                now_drawn = true;
            }
            let label = match item.start {
                Some(t) if is_today => format!(
                    "{} · {}",
                    i18n::preview_day(t, app.now, app.lang),
                    tr(app.lang, T::AgendaToday)
                ),
                Some(t) => i18n::preview_day(t, app.now, app.lang),
                None => tr(app.lang, T::AgendaUndated).to_string(),
            };
            out.push(Entry::Day(label, is_today));
            last_day = day;
        }
        if is_today && !now_drawn && item.start.is_some_and(|t| t > app.now) {
            out.push(Entry::Now);
            now_drawn = true;
        }
        out.push(Entry::Row(r));
    }
    if last_day == Some(app.now.date_naive()) && !now_drawn {
        out.push(Entry::Now);
    }
    if app.folded_past > 0 {
        out.push(Entry::Folded(app.folded_past));
    }
    out
}

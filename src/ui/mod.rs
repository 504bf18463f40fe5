//! Drawing: `render(&App, &mut Frame)` reads the state and changes nothing.

mod bars;
mod capture;
mod cells;
mod clearance;
mod confirm;
mod detail;
mod form;
mod help;
mod holders;
mod inbox;
mod overlay;
mod pane;
mod prompt;
mod registers;
mod roster;
mod search;
mod step_box;
pub use pane::{Entry, entries, scroll_offset};
pub mod theme;
mod today;
mod week;

use chrono::{Datelike, Timelike};
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::widgets::{Block, Borders, Paragraph};

use crate::app::{App, Overlay, View};
use crate::i18n::{T, tr};
use crate::model::{Item, Kind};
use crate::text::{truncate, width};
use theme::Theme;

/// Below this the dashboard only says the terminal is too small.
pub const MIN_W: u16 = 40;
pub const MIN_H: u16 = 10;
/// From this width up the panes sit in a 2×2 grid; below it, tabs.
pub const GRID_W: u16 = 100;

/// What every drawing function paints with beside the app: the theme.
pub struct Paint {
    pub theme: Theme,
}

/// Where things are on screen; computed the same way for drawing and for
/// mouse clicks.
pub struct Areas {
    pub header: Rect,
    pub body: Rect,
    pub tabs: Option<Rect>,
    /// Each visible pane and its index.
    pub panes: Vec<(Kind, Rect)>,
    pub capture: Option<Rect>,
    pub status: Rect,
    pub footer: Rect,
}

pub fn areas(app: &App, area: Rect) -> Areas {
    let capture_h = if matches!(app.overlay, Overlay::Capture(_)) {
        3 + capture::recent(app, area.height).len() as u16
    } else {
        0
    };
    // A second header line while a meeting is about to start or someone
    // needs looking after (out past their return, leave not approved).
    let header_h = if app.reminder_line().is_some() || !app.team.alerts.is_empty() {
        2
    } else {
        1
    };
    let [header, body, capture, status, footer] = Layout::vertical([
        Constraint::Length(header_h),
        Constraint::Fill(1),
        Constraint::Length(capture_h),
        Constraint::Length(1),
        Constraint::Length(1),
    ])
    .areas(area);
    let mut tabs = None;
    let mut panes = Vec::new();
    if app.view == View::Panes {
        if area.width >= GRID_W {
            let [top, bottom] = Layout::vertical([Constraint::Fill(1); 2]).areas(body);
            let [a, b] = Layout::horizontal([Constraint::Fill(1); 2]).areas(top);
            let [c, d] = Layout::horizontal([Constraint::Fill(1); 2]).areas(bottom);
            panes = Kind::ALL.iter().copied().zip([a, b, c, d]).collect();
        } else {
            let [t, rest] =
                Layout::vertical([Constraint::Length(1), Constraint::Fill(1)]).areas(body);
            tabs = Some(t);
            panes = vec![(app.focus, rest)];
        }
    }
    Areas {
        header,
        body,
        tabs,
        panes,
        capture: (capture_h > 0).then_some(capture),
        status,
        footer,
    }
}

/// Draws the whole screen.
pub fn render(app: &App, frame: &mut Frame) {
    let cx = Paint {
        theme: Theme::of(&app.config),
    };
    let area = frame.area();
    if app.privacy {
        frame.render_widget(overlay::Clear, area);
        let text = truncate(tr(app.lang, T::PrivacyText), area.width as usize);
        let y = area.y + area.height / 2;
        let x = area.x + area.width.saturating_sub(width(&text) as u16) / 2;
        if area.height > 0 {
            frame.render_widget(
                Paragraph::new(text).style(cx.theme.dim()),
                Rect::new(x, y, area.width - (x - area.x), 1),
            );
        }
        if let Some(line) = crate::app::privacy::prompt_line(app)
            && y + 2 < area.bottom()
        {
            let line = truncate(&line, area.width as usize);
            let x = area.x + area.width.saturating_sub(width(&line) as u16) / 2;
            frame.render_widget(
                Paragraph::new(line),
                Rect::new(x, y + 2, area.right() - x, 1),
            );
        }
        return;
    }
    if area.width < MIN_W || area.height < MIN_H {
        let text = truncate(tr(app.lang, T::TooSmall), area.width as usize);
        frame.render_widget(Paragraph::new(text), area);
        return;
    }
    let a = areas(app, area);
    bars::header(&cx, app, frame, a.header);
    match &app.view {
        View::Panes => {
            if let Some(t) = a.tabs {
                bars::tabs(&cx, app, frame, t);
            }
            for (p, r) in &a.panes {
                pane::render(&cx, app, frame, *r, *p);
            }
        }
        View::Today(t) => today::render(&cx, app, frame, a.body, t),
        View::Detail(d) => detail::render(&cx, app, frame, a.body, d),
        View::Holders(p) => holders::render(&cx, app, frame, a.body, p),
        View::Clearance(p) => clearance::render(&cx, app, frame, a.body, p),
        View::Inbox(i) => inbox::render(&cx, app, frame, a.body, i),
        View::Roster => roster::render(&cx, app, frame, a.body),
        View::Week(p) => week::render(&cx, app, frame, a.body, p),
    }
    if let Some(r) = a.capture {
        capture::render_capture(&cx, app, frame, r);
    }
    bars::status_line(&cx, app, frame, a.status);
    bars::footer(&cx, app, frame, a.footer);
    match &app.overlay {
        Overlay::Form(f) => form::render(&cx, app, frame, area, f),
        Overlay::Help(p) => help::render(&cx, app, frame, area, p),
        Overlay::Confirm(id) => confirm::item(&cx, app, frame, area, id),
        Overlay::ConfirmNote { target, note } => {
            confirm::note(&cx, app, frame, area, target.as_deref(), note)
        }
        Overlay::Prompt(p) => prompt::render(&cx, app, frame, area, p),
        _ => {}
    }
}

/// A bordered block in the theme's border set.
pub fn block(cx: &Paint, focused: bool) -> Block<'static> {
    Block::new()
        .borders(Borders::ALL)
        .border_set(cx.theme.border_set())
        .border_style(cx.theme.border(focused))
}

/// A rectangle of at most `w`×`h` centred in `area`.
pub fn centered(area: Rect, w: u16, h: u16) -> Rect {
    let w = w.min(area.width);
    let h = h.min(area.height);
    Rect::new(
        area.x + (area.width - w) / 2,
        area.y + (area.height - h) / 2,
        w,
        h,
    )
}

/// An item's time as the panes show it: `HH:MM` today, `MM-DD HH:MM` this
/// year, the full date otherwise.
pub fn when_text(app: &App, item: &Item) -> String {
    // A document out on loan shows when it is due back.
    let loan = match item.kind {
        Kind::Document => crate::model::custody::loan(item),
        _ => None,
    };
    let t = match loan {
        Some(l) => Some(l.due(app.config.limits().loan)),
        None => item.when(),
    };
    let Some(t) = t else {
        return String::new();
    };
    // Formatted by hand: chrono's format strings cost more than the rest of
    // a row together, and every visible row has a time.
    let (day, today) = (t.date_naive(), app.now.date_naive());
    if day == today {
        clock(&t)
    } else if day.year() == today.year() {
        let (m, d) = (t.month(), t.day());
        format!("{m:02}-{d:02} {}", clock(&t))
    } else {
        t.format("%Y-%m-%d").to_string()
    }
}

/// `t`'s hour and minute, `HH:MM`, formatted by hand (see [`when_text`]).
fn clock(t: &crate::model::Time) -> String {
    format!("{:02}:{:02}", t.hour(), t.minute())
}

#[cfg(test)]
mod tests;
#[cfg(test)]
mod tests_custody;
#[cfg(test)]
mod tests_fields;
#[cfg(test)]
mod tests_sync;
#[cfg(test)]
mod tests_usability;
#[cfg(test)]
mod tests_zh;

/// The loans grouped by person, as (person, ids): for tests of the register.
#[cfg(test)]
pub fn loans_for_tests(app: &App) -> Vec<(String, Vec<String>)> {
    holders::loans(app)
        .into_iter()
        .map(|(p, docs)| (p, docs.into_iter().map(|(i, _)| i.id.clone()).collect()))
        .collect()
}

/// The week view's lines as text (the tests compare them with
/// `liaison list --week`).
pub fn week_lines_for_tests(app: &App) -> Vec<String> {
    week::lines(app).into_iter().map(|(t, _)| t).collect()
}

/// The screen as text at `w`×`h`: for tests.
#[cfg(test)]
pub fn draw_for_tests(app: &mut App, w: u16, h: u16) -> String {
    app.area = (w, h);
    let mut term =
        ratatui::Terminal::new(ratatui::backend::TestBackend::new(w, h)).expect("test backend");
    term.draw(|f| render(app, f)).expect("draw");
    buffer_text(term.backend().buffer())
}

/// A buffer as text, one line per row; wide characters take their cells.
#[cfg(test)]
pub fn buffer_text(buf: &ratatui::buffer::Buffer) -> String {
    let mut out = String::new();
    for y in 0..buf.area.height {
        let mut skip = 0;
        for x in 0..buf.area.width {
            if skip > 0 {
                skip -= 1;
                continue;
            }
            let sym = buf[(x, y)].symbol();
            out.push_str(sym);
            skip = width(sym).saturating_sub(1);
        }
        out.push('\n');
    }
    out
}

//! The week view (`w`): Monday to Sunday, each day's meetings in time
//! order under its heading, clashes marked, today highlighted; `[` and `]`
//! go a week back or on. `liaison list --week` reads the same days.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::{Ctx, block};
use crate::app::App;
use crate::i18n::{self, M, tr};
use crate::model::attendance::day_of;
use crate::text::{one_line, truncate};

/// The week's lines as text, with whether each is a heading of today, a
/// clash or neither (for tests and for drawing).
pub fn lines(app: &App) -> Vec<(String, Mark)> {
    let lang = app.lang;
    let today = day_of(app.now, app.now);
    let monday = today + chrono::Duration::weeks(app.team.week);
    let state = &app.snap.state;
    let mut out = Vec::new();
    for d in crate::model::week::week(state, monday, app.now) {
        let mut head = i18n::team::day_heading(lang, d.date);
        let is_today = d.date == today;
        if is_today {
            head.push_str(&format!(" · {}", tr(lang, M::TodayMark)));
        }
        out.push((head, if is_today { Mark::Today } else { Mark::Day }));
        if d.meetings.is_empty() {
            out.push((format!("  {}", tr(lang, M::WeekEmpty)), Mark::Empty));
        }
        for i in d.meetings {
            let item = &state.items[i];
            let clash = app.conflicted.get(i).copied().unwrap_or(false);
            let start = item
                .start
                .map(|s| {
                    crate::model::when::shown(s, app.now)
                        .format("%H:%M")
                        .to_string()
                })
                .unwrap_or_default();
            let mut text = format!("  {start}  {}  {}", item.id, one_line(&item.title));
            if let Some(p) = &item.place {
                text.push_str(&format!("  · {}", one_line(p)));
            }
            if clash {
                text.push_str(&format!("  [{}]", tr(lang, M::Clash)));
            }
            let mark = match (clash, item.status.is_closed()) {
                (true, _) => Mark::Clash,
                (_, true) => Mark::Closed,
                _ => Mark::Meeting,
            };
            out.push((text, mark));
        }
    }
    out
}

/// What a line of the week is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mark {
    Day,
    Today,
    Empty,
    Meeting,
    Closed,
    Clash,
}

pub fn render(cx: &Ctx, app: &App, frame: &mut Frame, area: Rect, page: &crate::app::Page) {
    let title = crate::app::roster::week_title(app);
    let b = block(cx, true).title(format!(" {title} "));
    let inner = b.inner(area);
    frame.render_widget(b, area);
    let w = inner.width as usize;
    if w == 0 || inner.height == 0 {
        return;
    }
    let shown: Vec<Line> = lines(app)
        .into_iter()
        .skip(page.scroll)
        .map(|(text, mark)| {
            let style = match mark {
                Mark::Today => cx.theme.due_today(),
                Mark::Day => cx.theme.key(),
                Mark::Empty | Mark::Closed => cx.theme.dim(),
                Mark::Clash => cx.theme.error(),
                Mark::Meeting => ratatui::style::Style::new(),
            };
            Line::from(Span::styled(truncate(&text, w), style))
        })
        .collect();
    frame.render_widget(Paragraph::new(shown), inner);
}

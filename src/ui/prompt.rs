//! The one-line question over the view (borrower, witness, location, a
//! date), with a custody step's details and preview.

use ratatui::Frame;
use ratatui::layout::{Position, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::form::visible;
use super::{Ctx, block, centered};
use crate::app::{App, Ask, Choice, Prompt};
use crate::i18n::{self, C, T, tr, trf};
use crate::model::custody::Step;
use crate::model::when::{Purpose, read};
use crate::model::{CopyKind, CustodyEvent, Time};
use crate::text::{fit, one_line, truncate, width};

/// The question a prompt asks, in the user's language.
pub fn question(app: &App, ask: &Ask) -> String {
    let lang = app.lang;
    let title = |id: &str| truncate(&app.title_of(id), 30);
    match ask {
        Ask::Next { id, .. } => trf(lang, C::ChooseTitle, &[id, &title(id)]),
        Ask::Step { id, step, .. } => {
            let action = i18n::action(lang, step.action);
            trf(lang, C::AskStep, &[id, &title(id), &action])
        }
        Ask::ConfirmStep { id, .. } => trf(lang, C::ConfirmTitle, &[id, &title(id)]),
        Ask::CopyKind { id } => trf(lang, C::CopyTitle, &[id, &title(id)]),
        Ask::CopyTitle { id, kind } => {
            let what = i18n::copy_kind(lang, *kind);
            trf(lang, C::CopyName, &[id, &title(id), &what])
        }
        Ask::ClassReason { id } => trf(lang, C::AskLowerReason, &[id, &title(id)]),
        Ask::SnoozeTo { id } => trf(lang, T::AskDate, &[id, &title(id)]),
        Ask::Handback { id } => trf(lang, T::AskHandback, &[id, &title(id)]),
        Ask::AddCheck { id } => trf(lang, T::AskCheck, &[id, &title(id)]),
        Ask::Import => i18n::ot(lang, i18n::O::AskImport).to_string(),
        Ask::Attend { name, mark } => crate::app::roster::question(app, name, *mark),
        Ask::Occurrences { id } => trf(lang, i18n::M::AskOccurrences, &[id, &title(id)]),
        Ask::EditNote { target, .. } => {
            let place = match target {
                Some(id) => format!("{id} {}", title(id)),
                None => tr(lang, T::Inbox).to_string(),
            };
            trf(lang, T::AskEditNote, &[&place])
        }
        Ask::FileNote { .. } => tr(lang, T::AskFileNote).to_string(),
        Ask::MakeItem { .. } => tr(lang, T::AskMakeItem).to_string(),
    }
}

/// The lines between the question and the field: a menu's choices, or what
/// a closing step will record.
pub fn body(app: &App, ask: &Ask) -> Vec<String> {
    let lang = app.lang;
    match ask {
        Ask::Next { choices, .. } => choices
            .iter()
            .enumerate()
            .map(|(n, c)| {
                let text = match c {
                    Choice::Lend => tr(lang, C::ChooseLend).to_string(),
                    Choice::Close(a) => trf(lang, C::ChooseRule, &[&i18n::action(lang, *a)]),
                    Choice::Other(a) => trf(lang, C::ChooseOther, &[&i18n::action(lang, *a)]),
                };
                format!("{}  {text}", n + 1)
            })
            .collect(),
        Ask::Occurrences { .. } => [i18n::M::ThisOne, i18n::M::AllComing]
            .iter()
            .enumerate()
            .map(|(n, k)| format!("{}  {}", n + 1, tr(lang, *k)))
            .collect(),
        Ask::CopyKind { .. } => [CopyKind::Copy, CopyKind::Extract]
            .iter()
            .enumerate()
            .map(|(n, k)| format!("{}  {}", n + 1, i18n::copy_kind(lang, *k)))
            .collect(),
        Ask::ConfirmStep { step, .. } => {
            let event = preview_event(step, app.now);
            let mut lines = vec![format!("  {}", i18n::action(lang, step.action))];
            lines.extend(
                i18n::event_details(lang, &event, app.now)
                    .into_iter()
                    .map(|d| format!("  {d}")),
            );
            lines.push(tr(lang, C::ConfirmHint).to_string());
            lines
        }
        Ask::MakeItem { note } => {
            let mut lines = vec![format!("  “{}”", one_line(&note.text))];
            lines.extend(
                crate::model::Kind::ALL
                    .iter()
                    .enumerate()
                    .map(|(n, k)| format!("{}  {}", n + 1, i18n::kind(lang, *k))),
            );
            lines
        }
        Ask::FileNote {
            note, found, pick, ..
        } => {
            let mut lines = vec![format!("  “{}”", one_line(&note.text))];
            if found.is_empty() {
                lines.push(format!("  {}", tr(lang, T::FileNoneYet)));
            }
            lines.extend(found.iter().enumerate().map(|(n, id)| {
                let mark = if n == *pick { "→" } else { " " };
                format!("{mark} {} {}", fit(id, 4), app.title_of(id))
            }));
            lines
        }
        _ => Vec::new(),
    }
}

/// The event `step` would record at `now`, to show before it is recorded.
fn preview_event(step: &Step, now: Time) -> CustodyEvent {
    CustodyEvent {
        at: now,
        action: step.action,
        person: step.person.clone(),
        by: step.by.clone(),
        witness: step.witness.clone(),
        approved_by: step.approved_by.clone(),
        location: step.location.clone(),
        until: step.until,
        note: step.note.clone(),
        reason: step.reason.clone(),
        void: None,
        conflict: None,
        prev: String::new(),
        hash: String::new(),
    }
}

/// Whether the prompt has a field to type into.
fn has_input(ask: &Ask) -> bool {
    !ask.is_menu() && !matches!(ask, Ask::ConfirmStep { .. })
}

/// What a typed date will be read as: ` → Wed 12-02 17:00`.
fn date_preview(app: &App, p: &Prompt) -> Option<String> {
    if !matches!(p.ask, Ask::SnoozeTo { .. }) || p.input.value().trim().is_empty() {
        return None;
    }
    Some(match read(p.input.value(), app.now, Purpose::Due) {
        Ok(r) => format!(" → {}", i18n::preview_reading(&r, app.now, app.lang)),
        Err(_) => format!(" → {}", tr(app.lang, T::UnreadableDate)),
    })
}

pub fn render(cx: &Ctx, app: &App, frame: &mut Frame, area: Rect, p: &Prompt) {
    if matches!(p.ask, Ask::Step { .. }) {
        return super::step_box::render(cx, app, frame, area, p);
    }
    let body = body(app, &p.ask);
    let input = has_input(&p.ask);
    let rows = 1 + body.len() + usize::from(input) + usize::from(p.error.is_some());
    let Some(inner) = framed(cx, frame, area, rows, 2) else {
        return;
    };
    let iw = inner.width as usize;
    let mut lines = vec![Line::styled(
        truncate(&question(app, &p.ask), iw),
        cx.theme.key(),
    )];
    lines.extend(body.iter().map(|l| Line::raw(truncate(&one_line(l), iw))));
    let field_row = lines.len() as u16;
    let mut col = 0;
    if input {
        let preview = date_preview(app, p);
        let field_w = iw
            .saturating_sub(preview.as_deref().map(width).unwrap_or(0))
            .max(2)
            - 1;
        let (shown, at) = visible(&p.input, field_w);
        col = at;
        lines.push(Line::from(vec![
            Span::raw(fit(&shown, field_w + 1)),
            Span::styled(preview.unwrap_or_default(), cx.theme.dim()),
        ]));
    }
    if let Some(e) = &p.error {
        lines.push(Line::styled(truncate(&one_line(e), iw), cx.theme.error()));
    }
    frame.render_widget(Paragraph::new(lines), inner);
    if input && field_row < inner.height {
        frame.set_cursor_position(Position::new(inner.x + col as u16, inner.y + field_row));
    }
}

/// Clears and frames a box of `rows` lines over the middle of `area`, at
/// most 76 columns wide; its inside, if that is at least `min_w` wide and
/// two lines high.
pub(super) fn framed(
    cx: &Ctx,
    frame: &mut Frame,
    area: Rect,
    rows: usize,
    min_w: u16,
) -> Option<Rect> {
    let w = area.width.saturating_sub(4).min(76);
    let h = (rows as u16 + 2).min(area.height);
    let r = centered(area, w, h);
    frame.render_widget(super::overlay::Clear, r);
    let b = block(cx, true);
    let inner = b.inner(r);
    frame.render_widget(b, r);
    (inner.width >= min_w && inner.height >= 2).then_some(inner)
}

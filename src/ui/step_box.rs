//! The box of a custody step's details: one labelled row per detail, the
//! cursor in one of them, a preview beside the due-back time.

use ratatui::Frame;
use ratatui::layout::{Position, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::Paint;
use super::form::visible;
use crate::app::{App, Ask, Prompt};
use crate::i18n::{self, C, T, tr, trf};
use crate::model::custody::Field;
use crate::model::when::{Purpose, read};
use crate::text::{fit, one_line, truncate, width};

/// A detail's label, marked when it may be left empty.
fn label(app: &App, action: crate::model::custody::StepKind, field: Field) -> String {
    let mut label = i18n::field_label(app.lang, action, field).to_string();
    if !field.required(action) {
        label.push_str(tr(app.lang, C::Optional));
    }
    label
}

/// What a typed due-back time will be read as: ` → Wed 12-02 17:00`.
fn preview(app: &App, field: Field, text: &str) -> Option<String> {
    if field != Field::Until || text.trim().is_empty() {
        return None;
    }
    Some(match read(text, app.now, Purpose::Due) {
        Ok(r) => format!(" → {}", i18n::preview_reading(&r, app.now, app.lang)),
        Err(_) => format!(" → {}", tr(app.lang, T::UnreadableDate)),
    })
}

pub fn render(cx: &Paint, app: &App, frame: &mut Frame, area: Rect, p: &Prompt) {
    let Ask::Step {
        id,
        step,
        fields,
        at,
        values,
    } = &p.ask
    else {
        return;
    };
    let hint = fields.len() > 1;
    let names = crate::app::complete::of_step(fields[*at])
        .map(|pool| crate::app::complete::candidates(&app.snap.state, pool, p.input.value()))
        .unwrap_or_default();
    let rows = 1
        + fields.len()
        + usize::from(hint)
        + usize::from(!names.is_empty())
        + usize::from(p.error.is_some());
    let Some(inner) = super::prompt::framed(cx, frame, area, rows, 4) else {
        return;
    };
    let iw = inner.width as usize;
    let title = truncate(&app.title_of(id), 30);
    let action = i18n::action(app.lang, step.action);
    let head = trf(app.lang, C::AskStep, &[id, &title, &action]);
    let mut lines = vec![Line::styled(truncate(&head, iw), cx.theme.key())];
    let labels: Vec<String> = fields.iter().map(|&f| label(app, step.action, f)).collect();
    let label_w = labels
        .iter()
        .map(|l| width(l))
        .max()
        .unwrap_or(0)
        .min(iw / 2)
        + 2;
    let mut cursor = None;
    for (i, (&field, label)) in fields.iter().zip(&labels).enumerate() {
        let text = if i == *at {
            p.input.value()
        } else {
            &values[i]
        };
        let shown_label = Span::styled(fit(label, label_w), cx.theme.dim());
        let preview = preview(app, field, text);
        let room = iw
            .saturating_sub(label_w)
            .saturating_sub(preview.as_deref().map(width).unwrap_or(0))
            .max(2)
            - 1;
        let value = if i == *at {
            let (shown, col) = visible(&p.input, room);
            cursor = Some((label_w + col, lines.len()));
            shown
        } else {
            truncate(&one_line(text), room)
        };
        lines.push(Line::from(vec![
            shown_label,
            Span::raw(fit(&value, room + 1)),
            Span::styled(preview.unwrap_or_default(), cx.theme.dim()),
        ]));
    }
    if !names.is_empty() {
        let names: Vec<String> = names.iter().map(|n| one_line(n).into_owned()).collect();
        let said = trf(
            app.lang,
            i18n::M::Completions,
            &[&i18n::join(app.lang, &names)],
        );
        lines.push(Line::styled(
            truncate(&format!("{}{said}", " ".repeat(label_w)), iw),
            cx.theme.dim(),
        ));
    }
    if hint {
        lines.push(Line::styled(
            truncate(tr(app.lang, C::StepHint), iw),
            cx.theme.dim(),
        ));
    }
    if let Some(e) = &p.error {
        lines.push(Line::styled(truncate(&one_line(e), iw), cx.theme.error()));
    }
    frame.render_widget(Paragraph::new(lines), inner);
    if let Some((col, row)) = cursor
        && (row as u16) < inner.height
    {
        frame.set_cursor_position(Position::new(inner.x + col as u16, inner.y + row as u16));
    }
}

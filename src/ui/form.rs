//! The add/edit form, drawn over the panes, with the cursor where the caret is.

use ratatui::Frame;
use ratatui::layout::{Position, Rect};
use ratatui::style::Modifier;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use tui_input::Input;

use super::{Paint, block, centered};
use crate::app::App;
use crate::app::form::{Form, Value};
use crate::i18n::{self, T, tr, trf};
use crate::model::when;
use crate::text::{fit, one_line, truncate, width};
use unicode_width::UnicodeWidthChar;

/// The part of `input` visible in `w` columns, and the cursor's column in it.
pub fn visible(input: &Input, w: usize) -> (String, usize) {
    let scroll = input.visual_scroll(w.max(1));
    let mut col = 0;
    let mut out = String::new();
    for c in input.value().chars() {
        let cw = c.width().unwrap_or(0);
        if col >= scroll && col + cw <= scroll + w {
            out.push(if c.is_control() { ' ' } else { c });
        }
        col += cw;
        if col > scroll + w {
            break;
        }
    }
    (out, input.visual_cursor().saturating_sub(scroll))
}

/// One line per field, plus a line under each refused one; returns the lines
/// and the line index of the focused field.
fn lines(
    cx: &Paint,
    app: &App,
    form: &Form,
    inner_w: usize,
) -> (Vec<Line<'static>>, usize, Option<(usize, usize)>) {
    let label_w = form
        .fields
        .iter()
        .map(|f| width(f.key.label(app.lang)))
        .max()
        .unwrap_or(0)
        + 2;
    let value_w = inner_w.saturating_sub(label_w);
    let mut out = Vec::new();
    let mut focus_line = 0;
    let mut cursor = None;
    for (i, f) in form.fields.iter().enumerate() {
        let focused = i == form.focus;
        if focused {
            focus_line = out.len();
        }
        let label = fit(f.key.label(app.lang), label_w);
        let label_style = if focused {
            cx.theme.key()
        } else {
            cx.theme.dim()
        };
        let mut spans = vec![Span::styled(label, label_style)];
        match &f.value {
            Value::Text(input) => {
                let preview = f.key.purpose().and_then(|p| {
                    let v = input.value().trim();
                    (!v.is_empty()).then(|| match when::read(v, app.now, p) {
                        Ok(r) => format!(" → {}", i18n::preview_reading(&r, app.now, app.lang)),
                        Err(_) => format!(" → {}", tr(app.lang, T::UnreadableDate)),
                    })
                });
                let preview_w = preview.as_deref().map(width).unwrap_or(0);
                let field_w = value_w.saturating_sub(preview_w).max(1);
                let (shown, col) = visible(input, field_w.saturating_sub(1).max(1));
                if focused {
                    cursor = Some((out.len(), label_w + col));
                }
                let style = if focused {
                    ratatui::style::Style::new().add_modifier(Modifier::UNDERLINED)
                } else {
                    ratatui::style::Style::new()
                };
                spans.push(Span::styled(fit(&shown, field_w), style));
                if let Some(p) = preview {
                    spans.push(Span::styled(p, cx.theme.dim()));
                }
            }
            Value::Choice { .. } => {
                let text = format!("‹ {} ›", f.display(app.lang));
                let style = if focused {
                    cx.theme.selected(true)
                } else {
                    ratatui::style::Style::new()
                };
                spans.push(Span::styled(truncate(&text, value_w), style));
            }
        }
        out.push(Line::from(spans));
        if focused && let Some(hint) = roster_hint(app, f) {
            let msg = truncate(&format!("{}{hint}", " ".repeat(label_w)), inner_w);
            out.push(Line::styled(msg, cx.theme.dim()));
        }
        if let Some(e) = &f.error {
            let msg = truncate(&one_line(&format!("{}{e}", " ".repeat(label_w))), inner_w);
            out.push(Line::styled(msg, cx.theme.error()));
        }
    }
    (out, focus_line, cursor)
}

/// The roster's names that fit what is typed in a person field.
fn roster_hint(app: &App, f: &crate::app::form::Field) -> Option<String> {
    let pool = crate::app::complete::of_form(f.key)?;
    let found = crate::app::complete::candidates(&app.snap.state, pool, &f.text());
    (!found.is_empty()).then(|| {
        let names = i18n::join(
            app.lang,
            &found
                .iter()
                .map(|n| one_line(n).into_owned())
                .collect::<Vec<_>>(),
        );
        trf(app.lang, i18n::M::Completions, &[&names])
    })
}

pub fn render(cx: &Paint, app: &App, frame: &mut Frame, area: Rect, form: &Form) {
    let w = area.width.saturating_sub(4).min(80);
    let inner_w = w.saturating_sub(2) as usize;
    let (all, focus_line, cursor) = lines(cx, app, form, inner_w);
    let h = (all.len() as u16 + 2).min(area.height.saturating_sub(2));
    let r = centered(area, w, h);
    frame.render_widget(super::overlay::Clear, r);
    let kind = i18n::kind(app.lang, form.kind);
    let title = match &form.id {
        Some(id) => trf(app.lang, T::FormEdit, &[&one_line(id)]),
        None => trf(app.lang, T::FormAdd, &[&kind]),
    };
    let b = block(cx, true).title(format!(" {} ", truncate(&title, inner_w.saturating_sub(2))));
    let inner = b.inner(r);
    frame.render_widget(b, r);
    let rows = inner.height as usize;
    if rows == 0 || inner.width == 0 {
        return;
    }
    let offset = focus_line.saturating_sub(rows - 1);
    let shown: Vec<Line> = all.into_iter().skip(offset).take(rows).collect();
    frame.render_widget(Paragraph::new(shown), inner);
    if let Some((line, col)) = cursor
        && line >= offset
        && line - offset < rows
        && col < inner.width as usize
    {
        frame.set_cursor_position(Position::new(
            inner.x + col as u16,
            inner.y + (line - offset) as u16,
        ));
    }
}

//! The help overlay: every binding, from the keymap, grouped by mode.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::{Ctx, block, centered};
use crate::app::{App, Mode};
use crate::i18n::{T, tr, trf};
use crate::input::keymap::KEYMAP;
use crate::text::{fit, truncate};

fn mode_name(mode: Mode) -> T {
    match mode {
        Mode::Panes => T::ModePanes,
        Mode::Today => T::ModeToday,
        Mode::Detail => T::ModeDetail,
        Mode::Form | Mode::FormChoice => T::ModeForm,
        Mode::Capture => T::ModeCapture,
        Mode::Search => T::ModeSearch,
        Mode::Help => T::ModeHelp,
        Mode::Confirm => T::ModeConfirm,
        Mode::Privacy => T::ModePrivacy,
        Mode::Prompt => T::ModePrompt,
        Mode::Holders => T::ModeHolders,
        Mode::Inbox => T::ModeInbox,
    }
}

/// The help text: a heading per mode, then one line per action with all
/// the keys that do it.
pub fn lines(app: &App) -> Vec<(bool, String)> {
    let mut out = Vec::new();
    for mode in Mode::ALL
        .iter()
        .filter(|m| **m != Mode::FormChoice && **m != Mode::Help)
    {
        let modes: &[Mode] = if *mode == Mode::Form {
            &[Mode::Form, Mode::FormChoice]
        } else {
            std::slice::from_ref(mode)
        };
        let mut rows: Vec<(T, Vec<&str>)> = Vec::new();
        for b in KEYMAP
            .iter()
            .filter(|b| modes.iter().any(|m| b.modes.contains(m)))
        {
            match rows.iter_mut().find(|(h, _)| *h == b.help) {
                Some((_, labels)) if !labels.contains(&b.label) => labels.push(b.label),
                Some(_) => {}
                None => rows.push((b.help, vec![b.label])),
            }
        }
        out.push((true, tr(app.lang, mode_name(*mode)).to_string()));
        for (help, labels) in rows {
            out.push((
                false,
                format!("  {} {}", fit(&labels.join(" "), 10), tr(app.lang, help)),
            ));
        }
        if *mode == Mode::Privacy {
            let minutes = app.config.idle_lock_minutes;
            let note = match minutes {
                0 => tr(app.lang, T::IdleOff).to_string(),
                m => trf(app.lang, T::IdleNote, &[&m]),
            };
            out.push((false, format!("  {note}")));
        }
    }
    out
}

pub fn render(cx: &Ctx, app: &App, frame: &mut Frame, area: Rect) {
    let all = lines(app);
    let w = area.width.saturating_sub(4).min(100);
    let h = area.height.saturating_sub(2);
    let r = centered(area, w, h);
    frame.render_widget(super::overlay::Clear, r);
    let b = block(cx, true).title(format!(" {} ", tr(app.lang, T::HelpTitle)));
    let inner = b.inner(r);
    frame.render_widget(b, r);
    let (iw, ih) = (inner.width as usize, inner.height as usize);
    if iw == 0 || ih == 0 {
        return;
    }
    // Flow into as many columns as fit.
    let col_w = 36.min(iw);
    let cols = (iw / col_w).max(1);
    let scroll = app.help_scroll.min(all.len().saturating_sub(cols * ih));
    for c in 0..cols {
        let chunk: Vec<Line> = all
            .iter()
            .skip(scroll)
            .skip(c * ih)
            .take(ih)
            .map(|(heading, text)| {
                let t = truncate(text, col_w.saturating_sub(1));
                if *heading {
                    Line::from(Span::styled(t, cx.theme.key()))
                } else {
                    Line::from(t)
                }
            })
            .collect();
        if chunk.is_empty() {
            break;
        }
        let x = inner.x + (c * col_w) as u16;
        frame.render_widget(
            Paragraph::new(chunk),
            Rect::new(x, inner.y, col_w as u16, inner.height),
        );
    }
}

//! The help overlay: a short guide to the screen, then every binding,
//! from the keymap, grouped by mode, each once.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::{Ctx, block, centered};
use crate::app::{App, Mode};
use crate::i18n::{self, T, tr, trf};
use crate::input::keymap::HelpText;
use crate::text::{fit, truncate, width};

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
        Mode::Clearance => T::ModeClearance,
        Mode::Inbox => T::ModeInbox,
        Mode::Roster => T::ModeRoster,
        Mode::Week => T::ModeWeek,
    }
}

/// The help text: first a short guide (what the marks mean, the custody
/// steps, the note markers, date phrases), then the keys: a heading per
/// mode and one line per action with all the keys that do it, each
/// binding once (a mode lists only what the ones before it did not).
pub fn lines(app: &App) -> Vec<(bool, String)> {
    let mut out = guide(app);
    let mut shown: Vec<(String, HelpText)> = Vec::new();
    for mode in Mode::ALL
        .iter()
        .filter(|m| **m != Mode::FormChoice && **m != Mode::Help)
    {
        let modes: &[Mode] = if *mode == Mode::Form {
            &[Mode::Form, Mode::FormChoice]
        } else {
            std::slice::from_ref(mode)
        };
        let mut rows: Vec<(HelpText, Vec<&str>)> = Vec::new();
        for b in app
            .config
            .keymap
            .bindings()
            .iter()
            .filter(|b| modes.iter().any(|m| b.modes.contains(m)))
        {
            match rows.iter_mut().find(|(h, _)| *h == b.help) {
                Some((_, labels)) if !labels.contains(&&*b.label) => labels.push(&b.label),
                Some(_) => {}
                None => rows.push((b.help, vec![&b.label])),
            }
        }
        let rows: Vec<(HelpText, String)> = rows
            .into_iter()
            .map(|(help, labels)| (help, labels.join(" ")))
            .filter(|(help, keys)| !shown.contains(&(keys.clone(), *help)))
            .collect();
        let idle = *mode == Mode::Privacy;
        if rows.is_empty() && !idle {
            continue;
        }
        out.push((true, tr(app.lang, mode_name(*mode)).to_string()));
        for (help, keys) in rows {
            out.push((
                false,
                format!("  {} {}", fit(&keys, 10), tr(app.lang, help)),
            ));
            shown.push((keys, help));
        }
        if idle {
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

/// What the screen's marks, the custody steps, the note markers and the
/// date phrases mean, before the keys.
fn guide(app: &App) -> Vec<(bool, String)> {
    use crate::model::Status;
    let lang = app.lang;
    let theme = super::Theme::of(&app.config);
    let mut out = vec![(true, tr(lang, T::HelpMarks).to_string())];
    for s in [
        Status::InProgress,
        Status::Waiting,
        Status::Done,
        Status::Cancelled,
    ] {
        out.push((
            false,
            format!("  {}  {}", theme.status_mark(s), i18n::status(lang, s)),
        ));
    }
    for (mark, what) in [
        (theme.priority_mark(), T::MarkHigh),
        (theme.conflict_mark(), T::MarkConflict),
        (theme.sensitive_mark(), T::MarkSensitive),
        ("▶", T::MarkNow),
    ] {
        out.push((false, format!("  {mark}  {}", tr(lang, what))));
    }
    for (heading, text) in [
        (T::HelpCustody, T::HelpCustodyText),
        (T::HelpMarkers, T::HelpMarkersText),
        (T::HelpDates, T::HelpDatesText),
    ] {
        out.push((true, tr(lang, heading).to_string()));
        out.push((false, format!("  {}", tr(lang, text))));
    }
    out
}

/// Breaks `text` into lines of at most `w` columns, at a space where there
/// is one (Chinese breaks anywhere); later lines are indented two more.
fn wrap(text: &str, w: usize) -> Vec<String> {
    let indent = text.len() - text.trim_start_matches(' ').len() + 2;
    if width(text) <= w || w <= indent + 4 {
        return vec![text.to_string()];
    }
    let mut out = Vec::new();
    let mut line = String::new();
    for c in text.chars() {
        if width(&line) + width(c.encode_utf8(&mut [0; 4])) > w {
            // A space far back (`每按一次 Enter 保存…`) would leave a
            // short line: break there only in the last third.
            let cut = line
                .rfind(' ')
                .filter(|&i| i > indent && width(&line[..i]) * 3 >= w * 2);
            let rest = match cut {
                Some(i) => line.split_off(i + 1),
                None => String::new(),
            };
            out.push(line.trim_end().to_string());
            line = format!("{}{}", " ".repeat(indent), rest);
        }
        line.push(c);
    }
    if !line.trim().is_empty() {
        out.push(line);
    }
    out
}

pub fn render(cx: &Ctx, app: &App, frame: &mut Frame, area: Rect, page: &crate::app::Page) {
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
    let cols = (iw / 36).max(1);
    let col_w = iw / cols;
    let all: Vec<(bool, String)> = lines(app)
        .into_iter()
        .flat_map(|(heading, text)| {
            wrap(&text, col_w.saturating_sub(1))
                .into_iter()
                .map(move |t| (heading, t))
        })
        .collect();
    let scroll = page.scroll.min(all.len().saturating_sub(cols * ih));
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::testing::app;
    use crate::i18n::Lang;

    #[test]
    fn help_lists_each_binding_once_and_no_row_repeats_a_key() {
        for lang in [Lang::En, Lang::Zh] {
            let (_d, app) = app(lang, false);
            let rows: Vec<String> = lines(&app)
                .into_iter()
                .filter(|(heading, _)| !heading)
                .map(|(_, t)| t)
                .collect();
            for row in &rows {
                let keys: Vec<&str> = row.split_whitespace().take(2).collect();
                assert!(!(keys.len() == 2 && keys[0].contains(keys[1])), "{row:?}");
            }
            let scroll = rows.iter().filter(|r| r.contains("j/k")).count();
            assert_eq!(scroll, 1, "j/k scroll once, not in every section");
            let mut seen = std::collections::HashSet::new();
            for row in rows.iter().filter(|r| r.starts_with("  ") && r.len() > 14) {
                assert!(seen.insert(row.clone()), "{row:?} twice");
            }
        }
    }

    #[test]
    fn help_starts_with_a_guide_to_the_marks_custody_markers_and_dates() {
        let (_d, app) = app(Lang::Zh, false);
        let text: Vec<String> = lines(&app).into_iter().map(|(_, t)| t).collect();
        let text = text.join("\n");
        for want in [
            "⚠",
            "■",
            "✓",
            "接收 → 借出",
            "以 # 开头",
            "以 ? 开头",
            "明天下午3点",
        ] {
            assert!(text.contains(want), "{want:?} missing:\n{text}");
        }
        assert!(
            text.find("标记") < text.find("窗格"),
            "the guide comes first"
        );
    }

    #[test]
    fn wrapping_keeps_every_character_and_fits_the_width() {
        let text = "  每按一次 Enter 保存一行并记下时间。以 # 开头的一行同时生成同名的待调阅资料";
        let out = wrap(text, 20);
        assert!(out.iter().all(|l| width(l) <= 20), "{out:?}");
        let joined: String = out.iter().map(|l| l.trim()).collect();
        let want: String = text.split_whitespace().collect();
        assert_eq!(joined.replace(' ', ""), want);
    }
}

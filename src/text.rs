//! Measuring and cutting text by display width (a CJK character is two columns).

use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

use crate::sanitize::is_invisible;

/// Columns `s` takes on a terminal.
pub fn width(s: &str) -> usize {
    UnicodeWidthStr::width(s)
}

/// Replaces control characters (newlines, tabs, escapes) with spaces so text
/// from the store can never move the cursor or break a row, and shows the
/// characters that reorder or hide text (bidi overrides, zero-width spaces)
/// as escapes such as `\u{202e}` (see `crate::sanitize`).
pub fn one_line(s: &str) -> std::borrow::Cow<'_, str> {
    if s.chars().any(|c| c.is_control() || is_invisible(c)) {
        let mut out = String::with_capacity(s.len() + 8);
        for c in s.chars() {
            if c.is_control() {
                out.push(' ');
            } else if is_invisible(c) {
                out.push_str(&crate::sanitize::visible(c.encode_utf8(&mut [0; 4])));
            } else {
                out.push(c);
            }
        }
        out.into()
    } else {
        s.into()
    }
}

/// `s` cut to at most `max` columns, ending in `…` when cut.
pub fn truncate(s: &str, max: usize) -> String {
    if width(s) <= max {
        return s.to_string();
    }
    let mut out = String::new();
    push_cut(&mut out, s, max);
    out
}

/// `s`, wider than `max`, cut to fit `max` columns with `…` appended to
/// `out` (nothing when `max` is 0).
fn push_cut(out: &mut String, s: &str, max: usize) {
    if max == 0 {
        return;
    }
    let mut used = 0;
    for c in s.chars() {
        let w = c.width().unwrap_or(0);
        if used + w > max - 1 {
            break;
        }
        out.push(c);
        used += w;
    }
    out.push('…');
}

/// `s` cut to `max` columns and padded with spaces to exactly `max`.
pub fn fit(s: &str, max: usize) -> String {
    let mut out = String::new();
    push_fit(&mut out, s, max);
    out
}

/// [`fit`] appended to `out`, without making a string of its own: a row
/// is built of several, each frame.
pub fn push_fit(out: &mut String, s: &str, max: usize) {
    let start = out.len();
    let w = width(s);
    let used = if w <= max {
        out.push_str(s);
        w
    } else {
        push_cut(out, s, max);
        width(&out[start..])
    };
    out.extend(std::iter::repeat_n(' ', max.saturating_sub(used)));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chinese_counts_two_columns() {
        assert_eq!(width("会议abc纪要"), 11);
    }

    #[test]
    fn truncation_never_splits_a_wide_character_or_overflows() {
        assert_eq!(truncate("财务收支明细账", 7), "财务收…");
        assert_eq!(width(&truncate("财务收支明细账", 8)), 7);
        assert_eq!(truncate("短", 5), "短");
        assert_eq!(truncate("abc", 0), "");
        for max in 0..20 {
            assert!(width(&truncate("干部选拔任用档案（2024年）", max)) <= max);
        }
    }

    #[test]
    fn fit_pads_to_the_exact_width() {
        assert_eq!(fit("动员会", 8), "动员会  ");
        assert_eq!(width(&fit("巡察工作动员会", 9)), 9);
    }

    #[test]
    fn fit_is_truncation_padded_out() {
        let texts = [
            "",
            "abc",
            "财务收支明细账",
            "⚠\u{FE0F}x",
            "e\u{301}会议",
            "👨\u{200D}👩",
        ];
        for s in texts {
            for max in 0..12 {
                let mut want = truncate(s, max);
                let pad = max.saturating_sub(width(&want));
                want.extend(std::iter::repeat_n(' ', pad));
                let mut out = String::from("前");
                push_fit(&mut out, s, max);
                assert_eq!(out, format!("前{want}"), "{s:?} in {max}");
                assert_eq!(fit(s, max), want);
            }
        }
    }

    #[test]
    fn control_characters_become_spaces() {
        assert_eq!(one_line("a\nb\x1b[2J"), "a b [2J");
    }

    #[test]
    fn bidi_overrides_and_zero_width_characters_show_on_one_line() {
        assert_eq!(one_line("报告\u{202e}fdp.exe"), "报告\\u{202e}fdp.exe");
        assert_eq!(one_line("D\u{200b}1"), "D\\u{200b}1");
    }
}

use proptest::prelude::*;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Color, Modifier, Style};
use ratatui::text::{Line, Span};

use super::*;

/// Pieces text is made of: ones the quick path takes, and ones it must
/// leave to segmentation (combining marks, joiners, variation selectors,
/// emoji sequences, flags, Hangul jamo, controls, zero-width characters,
/// halfwidth sound marks).
const PIECES: &[&str] = &[
    "a",
    "Z",
    " ",
    "~",
    "会",
    "议",
    "纪",
    "要",
    "（",
    "）",
    "，",
    "…",
    "─",
    "┄",
    "▶",
    "■",
    "⚠",
    "└",
    "·",
    "©",
    "ŀ",
    "\u{3000}",
    "\u{3029}",
    "\u{303F}",
    "\u{FF60}",
    "\u{4DBF}",
    "\u{301}",
    "e\u{301}",
    "\u{302A}",
    "\u{FE0F}",
    "⚠\u{FE0F}",
    "\u{200D}",
    "👍",
    "👨\u{200D}👩",
    "🇨🇳",
    "\u{1100}\u{1161}",
    "한",
    "\t",
    "\u{1b}",
    "\n",
    "\u{AD}",
    "\u{200B}",
    "\u{2028}",
    "ｱ",
    "ﾞ",
    "\u{E000}",
    "\u{10FFFF}",
];

/// Any character of the quick path's ranges, and any at all.
fn any_char() -> impl Strategy<Value = String> {
    prop_oneof![
        prop::char::ranges(
            vec![
                ' '..='~',
                '\u{A1}'..='\u{2FF}',
                '\u{2010}'..='\u{205E}',
                '\u{2190}'..='\u{26FF}',
                '\u{3000}'..='\u{303F}',
                '\u{3400}'..='\u{9FFF}',
                '\u{FF01}'..='\u{FF60}',
            ]
            .into()
        ),
        any::<char>(),
    ]
    .prop_map(String::from)
}

fn text() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        prop::sample::select(PIECES).prop_map(String::from),
        any_char()
    ];
    prop::collection::vec(piece, 0..12).prop_map(|p| p.concat())
}

fn style() -> impl Strategy<Value = Style> {
    (0u8..4, 0u8..4, any::<bool>()).prop_map(|(f, b, bold)| {
        let colour = |n| {
            [
                None,
                Some(Color::Red),
                Some(Color::Blue),
                Some(Color::Reset),
            ][n as usize]
        };
        let mut s = Style {
            fg: colour(f),
            bg: colour(b),
            ..Style::default()
        };
        if bold {
            s = s.add_modifier(Modifier::BOLD);
        }
        s
    })
}

fn line() -> impl Strategy<Value = Line<'static>> {
    (prop::collection::vec((text(), style()), 0..4), style()).prop_map(|(spans, s)| {
        Line::from(
            spans
                .into_iter()
                .map(|(t, st)| Span::styled(t, st))
                .collect::<Vec<_>>(),
        )
        .style(s)
    })
}

/// A buffer already holding text, wide characters included, so a cell
/// left unwritten or not cleared shows.
fn filled(area: Rect) -> Buffer {
    let mut buf = Buffer::empty(area);
    for y in area.top()..area.bottom() {
        buf.set_string(area.x, y, "旧x旧yy旧", Style::default().fg(Color::Green));
    }
    buf
}

proptest! {
    #[test]
    fn a_line_is_written_as_set_line_writes_it(
        line in line(),
        (ox, oy, w, h) in (0u16..3, 0u16..3, 1u16..30, 1u16..3),
        dx in 0u16..32,
        dy in 0u16..3,
        max in 0u16..40,
    ) {
        let area = Rect::new(ox, oy, w, h);
        let (x, y) = (ox + dx, oy + dy.min(h - 1));
        let mut ours = filled(area);
        let mut theirs = filled(area);
        let got = put_line(&mut ours, x, y, &line, max);
        let want = theirs.set_line(x, y, &line, max);
        prop_assert_eq!(got, want);
        prop_assert_eq!(ours, theirs);
    }
}

#[test]
fn a_row_of_ascii_chinese_and_marks_takes_the_quick_path() {
    let mut buf = Buffer::empty(Rect::new(0, 0, 60, 1));
    let row = "● L12  └ ■ 干部选拔任用档案（2024年）… 11-25 14:00 ─┄▶⚠ 王五";
    assert!(quick(&mut buf, 0, 0, row, 60, Style::default()).is_some());
    assert_eq!(buf.content[0].symbol(), "●");
    // A combining accent is left to segmentation, and nothing is written.
    let mut untouched = Buffer::empty(Rect::new(0, 0, 10, 1));
    assert!(quick(&mut untouched, 0, 0, "cafe\u{301}", 10, Style::default()).is_none());
    assert_eq!(untouched, Buffer::empty(Rect::new(0, 0, 10, 1)));
}

#[test]
fn a_wide_character_that_does_not_fit_is_not_written() {
    let mut buf = Buffer::empty(Rect::new(0, 0, 3, 1));
    assert_eq!(
        put_line(&mut buf, 0, 0, &Line::from("a会议"), 3),
        (1 + 2, 0)
    );
    assert_eq!(buf.content[2].symbol(), " ");
    let mut buf = Buffer::empty(Rect::new(0, 0, 4, 1));
    assert_eq!(put_line(&mut buf, 0, 0, &Line::from("a会议"), 4), (3, 0));
}

//! Writing a line of text into the buffer, cell by cell: what
//! `Buffer::set_line` does, with a quick path for a span whose characters
//! are each a grapheme of their own (ASCII, CJK, the marks and rules the
//! panes draw). Such a span needs no grapheme segmentation: each character
//! is one cell, or two for a wide one. Any other span (a combining accent,
//! an emoji sequence, a control character) goes through `set_stringn`,
//! which segments it. The pane rows were ~40% of a frame in `set_stringn`,
//! most of it segmenting text that has nothing to segment.

use ratatui::buffer::Buffer;
use ratatui::style::Style;
use ratatui::text::Line;
use unicode_width::UnicodeWidthChar;

/// Writes `line` at (`x`, `y`) in at most `max_width` columns, as
/// `Buffer::set_line` writes it; returns where it stopped.
pub fn put_line(buf: &mut Buffer, x: u16, y: u16, line: &Line<'_>, max_width: u16) -> (u16, u16) {
    let mut remaining = max_width;
    let mut x = x;
    for span in line {
        if remaining == 0 {
            break;
        }
        let style = line.style.patch(span.style);
        let end = match quick(buf, x, y, &span.content, remaining, style) {
            Some(end) => end,
            None => {
                buf.set_stringn(x, y, span.content.as_ref(), remaining as usize, style)
                    .0
            }
        };
        remaining = remaining.saturating_sub(end.saturating_sub(x));
        x = end;
    }
    (x, y)
}

/// The quick path: none when `text` holds a character it does not take
/// (and then nothing was written).
fn quick(buf: &mut Buffer, x: u16, y: u16, text: &str, max: u16, style: Style) -> Option<u16> {
    let area = buf.area;
    // Off the buffer, `set_stringn` says what happens.
    if !area.contains((x, y).into()) || !text.chars().all(alone) {
        return None;
    }
    let mut room = area.right().saturating_sub(x).min(max);
    let start = buf.index_of(x, y);
    let row = &mut buf.content[start..start + (area.right() - x) as usize];
    let mut at = 0usize;
    for c in text.chars() {
        let w = if c.is_ascii() {
            1
        } else {
            c.width().unwrap_or(0) as u16
        };
        if w == 0 {
            continue;
        }
        let Some(left) = room.checked_sub(w) else {
            break;
        };
        room = left;
        row[at].set_char(c).set_style(style);
        for cell in &mut row[at + 1..at + w as usize] {
            cell.reset();
        }
        at += w as usize;
    }
    Some(x + at as u16)
}

/// Whether `c` is always a grapheme of its own, whatever is beside it:
/// it neither extends nor joins the one before, nor is joined to the one
/// after (no combining mark, joiner, variation selector, prepended or
/// Hangul jamo, regional indicator or control is in these ranges).
fn alone(c: char) -> bool {
    matches!(c,
        ' '..='~'
        | '\u{A1}'..='\u{AC}'
        | '\u{AE}'..='\u{2FF}'
        | '\u{2010}'..='\u{2027}'
        | '\u{2030}'..='\u{205E}'
        | '\u{2190}'..='\u{21FF}'
        | '\u{2500}'..='\u{26FF}'
        | '\u{3000}'..='\u{3029}'
        | '\u{3030}'..='\u{303F}'
        | '\u{3400}'..='\u{4DBF}'
        | '\u{4E00}'..='\u{9FFF}'
        | '\u{FF01}'..='\u{FF60}')
}

#[cfg(test)]
mod tests;

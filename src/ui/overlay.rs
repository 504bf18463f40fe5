//! Clearing the ground under a box drawn over the view.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::widgets::Widget;
use unicode_width::UnicodeWidthStr;

/// Like ratatui's `Clear`, and also blanks a double-width character that
/// sits just left of the box: its right half would fall on the box's left
/// border, and the terminal would draw the character over it
/// (`│── 周二 12-01 · 今天状态` instead of the border).
pub struct Clear;

impl Widget for Clear {
    fn render(self, area: Rect, buf: &mut Buffer) {
        ratatui::widgets::Clear.render(area, buf);
        if area.x == 0 || area.x <= buf.area.x {
            return;
        }
        for y in area.top()..area.bottom() {
            if let Some(cell) = buf.cell_mut((area.x - 1, y))
                && cell.symbol().width() > 1
            {
                cell.set_symbol(" ");
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_wide_character_half_under_the_box_is_blanked_not_drawn_over_its_border() {
        let mut buf = Buffer::empty(Rect::new(0, 0, 10, 2));
        buf.set_string(0, 0, "ab今天xy", ratatui::style::Style::new());
        buf.set_string(0, 1, "abcdefgh", ratatui::style::Style::new());
        // The box starts on the right half of 今.
        Clear.render(Rect::new(3, 0, 4, 2), &mut buf);
        assert_eq!(buf[(2, 0)].symbol(), " ", "今 would cover the border");
        assert_eq!(buf[(1, 0)].symbol(), "b");
        // Narrow characters beside the box stay.
        assert_eq!(buf[(2, 1)].symbol(), "c");
    }
}

//! A [`Book`] as an xlsx workbook that prints as a set of forms: A4
//! landscape, the header row on every page, one page wide, gridlines and
//! borders, columns as wide as their Chinese text, the inspection and the
//! date in the page header, page numbers and the check hash in the footer.

use rust_xlsxwriter::{Format, FormatAlign, FormatBorder, Workbook, Worksheet, XlsxError};

use super::{Book, Sheet, cell_text};
use crate::i18n::{O, ot, otf};
use crate::text::width;

/// Excel's paper size code for A4.
const A4: u8 = 9;
/// Column widths in characters of `0`, which a Chinese character takes two of.
const MIN_WIDTH: f64 = 6.0;
const MAX_WIDTH: f64 = 40.0;
/// A signature needs room for a hand: the column at least this wide and
/// the rows this tall (points).
const SIGN_WIDTH: f64 = 20.0;
const SIGN_ROW: f64 = 30.0;
/// Excel keeps a page header or footer under 256 characters.
const HEADER_MAX: usize = 250;

/// The workbook's bytes.
pub fn xlsx(book: &Book) -> Result<Vec<u8>, XlsxError> {
    let mut wb = Workbook::new();
    for sheet in &book.sheets {
        let ws = wb.add_worksheet();
        lay_out(ws, book, sheet)?;
    }
    wb.save_to_buffer()
}

/// `&` is the page header's control character; a literal one is doubled.
fn header_text(s: &str) -> String {
    cell_text(s)
        .replace('\n', " ")
        .replace('&', "&&")
        .chars()
        .take(HEADER_MAX / 3)
        .collect()
}

/// How wide a column must be for `cells`: the widest line, in display
/// columns, with a margin; long text wraps instead of widening past the max.
fn column_width<'a>(cells: impl Iterator<Item = &'a str>, sign: bool) -> f64 {
    let widest = cells.flat_map(str::lines).map(width).max().unwrap_or(0) as f64;
    let fitted = (widest + 2.0).clamp(MIN_WIDTH, MAX_WIDTH);
    if sign { fitted.max(SIGN_WIDTH) } else { fitted }
}

fn lay_out(ws: &mut Worksheet, book: &Book, sheet: &Sheet) -> Result<(), XlsxError> {
    let lang = book.lang;
    ws.set_name(&sheet.name)?;
    ws.set_paper_size(A4);
    ws.set_landscape();
    ws.set_print_fit_to_pages(1, 0);
    ws.set_print_gridlines(true);
    ws.set_print_center_horizontally(true);
    ws.set_header(format!(
        "&L{}&C&\"-,Bold\"{}&R{}",
        header_text(&book.inspection),
        header_text(&sheet.name),
        header_text(&book.date)
    ));
    let check = book
        .check
        .as_deref()
        .map(|c| otf(lang, O::FooterCheck, &[&header_text(c)]))
        .unwrap_or_default();
    ws.set_footer(format!("&L{check}&R{}", ot(lang, O::FooterPages)));

    let edge = Format::new().set_border(FormatBorder::Thin);
    let head = edge
        .clone()
        .set_bold()
        .set_align(FormatAlign::Center)
        .set_align(FormatAlign::VerticalCenter)
        .set_text_wrap();
    let body = edge.set_align(FormatAlign::VerticalCenter).set_text_wrap();
    let label = Format::new().set_bold();

    let cols = sheet.head.len().max(2);
    let mut row: u32 = 0;
    for [name, value] in &sheet.lead {
        ws.write_string_with_format(row, 0, cell_text(name), &label)?;
        let last = (cols - 1) as u16;
        if last > 1 {
            ws.merge_range(row, 1, row, last, &cell_text(value), &Format::new())?;
        } else {
            ws.write_string(row, 1, cell_text(value))?;
        }
        row += 1;
    }
    let head_row = row;
    for (c, text) in sheet.head.iter().enumerate() {
        ws.write_string_with_format(head_row, c as u16, cell_text(text), &head)?;
    }
    ws.set_repeat_rows(head_row, head_row)?;
    ws.set_freeze_panes(head_row + 1, 0)?;
    for cells in &sheet.rows {
        row += 1;
        for c in 0..sheet.head.len() {
            let text = cells.get(c).map(String::as_str).unwrap_or_default();
            ws.write_string_with_format(row, c as u16, cell_text(text), &body)?;
        }
        if !sheet.sign.is_empty() {
            ws.set_row_height(row, SIGN_ROW)?;
        }
    }
    for c in 0..sheet.head.len() {
        let cells = std::iter::once(sheet.head[c].as_str())
            .chain(
                sheet
                    .rows
                    .iter()
                    .filter_map(|r| r.get(c).map(String::as_str)),
            )
            .chain(sheet.lead.iter().filter(|_| c == 0).map(|l| l[0].as_str()));
        ws.set_column_width(c as u16, column_width(cells, sheet.sign.contains(&c)))?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_column_is_as_wide_as_its_chinese_text_within_bounds() {
        let w = column_width(["资料名称", "工程招投标资料"].into_iter(), false);
        assert_eq!(
            w, 16.0,
            "seven Chinese characters are 14 columns, plus margin"
        );
        assert_eq!(column_width(["No."].into_iter(), false), MIN_WIDTH);
        assert_eq!(column_width(["签字"].into_iter(), true), SIGN_WIDTH);
        let long = "很长的备注".repeat(20);
        assert_eq!(column_width([long.as_str()].into_iter(), false), MAX_WIDTH);
    }

    #[test]
    fn an_ampersand_in_the_inspection_name_stays_text_in_the_page_header() {
        assert_eq!(header_text("A&B巡察\n组"), "A&&B巡察 组");
    }
}

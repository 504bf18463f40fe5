//! A sheet as CSV for Excel and WPS: UTF-8 behind a byte-order mark (without
//! one both read the file in the system's code page and show Chinese as
//! mojibake), CRLF line ends, and no cell that a spreadsheet would run as a
//! formula.

use super::{Sheet, cell_text};

const BOM: &[u8] = b"\xEF\xBB\xBF";

/// A cell a spreadsheet would take for a formula (`=`, `+`, `-`, `@`, or a
/// tab or carriage return before one) is written behind an apostrophe, which
/// Excel and WPS treat as "text follows".
fn guarded(s: &str) -> String {
    let s = cell_text(s);
    if s.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{s}")
    } else {
        s
    }
}

/// The sheet's lines above the table, its header row and its rows.
pub fn csv(sheet: &Sheet) -> Vec<u8> {
    let mut out = BOM.to_vec();
    {
        let mut w = ::csv::WriterBuilder::new()
            .terminator(::csv::Terminator::CRLF)
            .flexible(true)
            .from_writer(&mut out);
        let lines = sheet
            .lead
            .iter()
            .map(|l| l.to_vec())
            .chain(std::iter::once(sheet.head.clone()))
            .chain(sheet.rows.iter().cloned());
        for line in lines {
            // Writing into a Vec cannot fail.
            let _ = w.write_record(line.iter().map(|c| guarded(c)));
        }
        let _ = w.flush();
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sheet(rows: Vec<Vec<&str>>) -> Sheet {
        Sheet {
            name: "资料登记表".into(),
            lead: Vec::new(),
            head: vec!["编号".into(), "资料名称".into()],
            rows: rows
                .into_iter()
                .map(|r| r.into_iter().map(String::from).collect())
                .collect(),
            sign: Vec::new(),
        }
    }

    #[test]
    fn csv_starts_with_a_byte_order_mark_and_keeps_chinese_whole() {
        let bytes = csv(&sheet(vec![vec!["D1", "财务明细账，2024年"]]));
        assert!(bytes.starts_with(BOM));
        let text = std::str::from_utf8(&bytes[3..]).unwrap();
        assert_eq!(
            text,
            "编号,资料名称\r\nD1,\"财务明细账，2024年\"\r\n".replace('"', "")
        );
    }

    #[test]
    fn a_cell_that_looks_like_a_formula_is_written_as_text() {
        let bytes = csv(&sheet(vec![
            vec!["D1", "=HYPERLINK(\"x\")"],
            vec!["D2", "@SUM(A1)"],
        ]));
        let text = String::from_utf8(bytes[3..].to_vec()).unwrap();
        assert!(text.contains("\"'=HYPERLINK(\"\"x\"\")\""), "{text}");
        assert!(text.contains("'@SUM(A1)"), "{text}");
    }
}

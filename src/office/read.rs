//! Reading a spreadsheet file into [`Table`]s: xlsx and xls with calamine,
//! CSV in UTF-8 (with or without a byte-order mark) or GB18030, told apart
//! by whether the bytes are valid UTF-8 — GB18030 text almost never is.

use std::path::Path;

use calamine::{Data, Reader};
use chrono::NaiveDate;

use super::import::{Added, Cell, Table};
use crate::i18n::{Lang, O, ot, otf};
use crate::model::{Kind, Time};

/// Why a file could not be read; nothing was changed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ReadError {
    /// There is no such file.
    Missing,
    /// The file could not be opened or parsed (the reason, in English).
    Io(String),
    /// Not xlsx, xls or csv.
    Type,
    /// A CSV neither UTF-8 nor GB18030.
    Encoding,
}

/// A read failure in the user's language.
pub fn read_error(lang: Lang, file: &str, e: &ReadError) -> String {
    match e {
        ReadError::Missing => otf(lang, O::ErrImportMissing, &[&file]),
        // The reader's own words are English: Chinese says what they mean.
        ReadError::Io(_) if lang == Lang::Zh => otf(
            lang,
            O::ErrImportRead,
            &[&file, &ot(lang, O::ReasonUnreadable)],
        ),
        ReadError::Io(why) => otf(lang, O::ErrImportRead, &[&file, why]),
        ReadError::Type => otf(lang, O::ErrImportType, &[&file]),
        ReadError::Encoding => otf(lang, O::ErrImportEncoding, &[&file]),
    }
}

/// The rows of the file at `path` as items of `kind`, or the one line in
/// `lang` that says why not.
pub fn load(lang: Lang, path: &Path, kind: Kind, now: Time) -> Result<Vec<Added>, String> {
    let name = path.display().to_string();
    let tables = read_file(path).map_err(|e| read_error(lang, &name, &e))?;
    super::import::parse(&tables, kind, now, lang).map_err(|e| e.say(lang, &name))
}

/// The sheets of the file at `path` (a CSV is one sheet named after the file).
pub fn read_file(path: &Path) -> Result<Vec<Table>, ReadError> {
    if !path.exists() {
        return Err(ReadError::Missing);
    }
    let ext = path
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase)
        .unwrap_or_default();
    match ext.as_str() {
        "xlsx" | "xlsm" | "xls" | "xlsb" | "ods" => read_book(path),
        "csv" | "txt" => {
            let bytes = std::fs::read(path).map_err(|e| ReadError::Io(e.to_string()))?;
            let name = path
                .file_stem()
                .map(|s| s.to_string_lossy().into_owned())
                .unwrap_or_default();
            Ok(vec![read_csv(&name, &bytes)?])
        }
        _ => Err(ReadError::Type),
    }
}

fn read_book(path: &Path) -> Result<Vec<Table>, ReadError> {
    let mut book = calamine::open_workbook_auto(path).map_err(|e| ReadError::Io(e.to_string()))?;
    let mut tables = Vec::new();
    for name in book.sheet_names() {
        let range = book
            .worksheet_range(&name)
            .map_err(|e| ReadError::Io(e.to_string()))?;
        let (top, left) = range.start().unwrap_or((0, 0));
        let mut rows: Vec<Vec<Cell>> = (0..top).map(|_| Vec::new()).collect();
        for row in range.rows() {
            let mut cells: Vec<Cell> = (0..left).map(|_| Cell::Empty).collect();
            cells.extend(row.iter().map(cell));
            rows.push(cells);
        }
        tables.push(Table { name, rows });
    }
    Ok(tables)
}

/// A calamine cell as text, a number or a date.
fn cell(d: &Data) -> Cell {
    match d {
        Data::Empty => Cell::Empty,
        Data::String(s) | Data::DateTimeIso(s) | Data::DurationIso(s) => Cell::Text(s.clone()),
        Data::Int(i) => Cell::Number(*i as f64),
        Data::Float(f) => Cell::Number(*f),
        Data::Bool(b) => Cell::Text(b.to_string()),
        Data::DateTime(dt) if dt.is_datetime() => {
            let (y, mo, d, h, mi, s, _) = dt.to_ymd_hms_milli();
            NaiveDate::from_ymd_opt(y.into(), mo.into(), d.into())
                .and_then(|day| day.and_hms_opt(h.into(), mi.into(), s.into()))
                .map(Cell::Date)
                .unwrap_or_else(|| Cell::Number(dt.as_f64()))
        }
        Data::DateTime(dt) => Cell::Number(dt.as_f64()),
        Data::Error(e) => Cell::Text(format!("#{e:?}")),
    }
}

/// CSV bytes as one table: UTF-8 (a leading byte-order mark dropped), else
/// GB18030 if they decode without a fault.
pub fn read_csv(name: &str, bytes: &[u8]) -> Result<Table, ReadError> {
    let text = match std::str::from_utf8(bytes) {
        Ok(s) => s.strip_prefix('\u{feff}').unwrap_or(s).to_string(),
        Err(_) => {
            let (text, had_errors) = encoding_rs::GB18030.decode_without_bom_handling(bytes);
            if had_errors {
                return Err(ReadError::Encoding);
            }
            text.into_owned()
        }
    };
    let mut reader = ::csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes());
    let mut rows = Vec::new();
    for record in reader.records() {
        let record = record.map_err(|e| ReadError::Io(e.to_string()))?;
        rows.push(
            record
                .iter()
                .map(|s| {
                    if s.trim().is_empty() {
                        Cell::Empty
                    } else {
                        Cell::Text(s.to_string())
                    }
                })
                .collect(),
        );
    }
    Ok(Table {
        name: name.to_string(),
        rows,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(t: &Table) -> Vec<Vec<String>> {
        t.rows
            .iter()
            .map(|r| r.iter().map(|c| c.text()).collect())
            .collect()
    }

    #[test]
    fn csv_is_read_as_utf8_with_or_without_bom_and_as_gb18030() {
        let plain = "资料名称,提供单位\n财务明细账,财务部\n";
        let (gb, _, _) = encoding_rs::GB18030.encode(plain);
        assert!(
            std::str::from_utf8(&gb).is_err(),
            "the fixture is really GB18030"
        );
        let bom = [b"\xEF\xBB\xBF".as_slice(), plain.as_bytes()].concat();
        for bytes in [plain.as_bytes(), &bom, &gb] {
            let t = read_csv("清单", bytes).unwrap();
            assert_eq!(
                texts(&t),
                vec![vec!["资料名称", "提供单位"], vec!["财务明细账", "财务部"]]
            );
        }
    }

    #[test]
    fn bytes_that_are_neither_utf8_nor_gb18030_are_refused() {
        assert_eq!(read_csv("x", b"\x81\x20\xff"), Err(ReadError::Encoding));
    }
}

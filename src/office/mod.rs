//! Office formats: the registers as spreadsheets to print and sign (xlsx),
//! the lists as CSV, and the inspected unit's lists read back in (`import`).
//!
//! Building a sheet is pure (state, clock, language in; rows of text out) and
//! lives in `sheets`; `xlsx` and `csv` only lay those rows out. Every cell is
//! written as text, so a value from the inspected unit that starts with `=`
//! can never become a formula.

pub mod columns;
mod csv;
mod events;
pub mod import;
mod read;
pub mod sheets;
mod signin;
mod xlsx;

use crate::choice;
use crate::i18n::{Lang, O, ot};
use crate::model::State;

pub use csv::csv;
pub use import::{Added, Cell, ImportError, Plan, Table, plan};
pub use read::{ReadError, load, read_error, read_file};
pub use sheets::book;
pub use signin::sign_in;
pub use xlsx::xlsx;

choice!(
    /// One sheet of the workbook.
    SheetKey {
        Documents = "documents",
        Loans = "loans",
        Destruction = "destruction",
        Interviews = "interviews",
        Logistics = "logistics",
        Substitutes = "substitutes"
    }
);

impl SheetKey {
    /// The sheet's name in `lang` (also its title in the page header).
    pub fn name(self, lang: Lang) -> &'static str {
        ot(
            lang,
            match self {
                SheetKey::Documents => O::SheetDocuments,
                SheetKey::Loans => O::SheetLoans,
                SheetKey::Destruction => O::SheetDestruction,
                SheetKey::Interviews => O::SheetInterviews,
                SheetKey::Logistics => O::SheetLogistics,
                SheetKey::Substitutes => O::SheetSubstitutes,
            },
        )
    }

    /// A sheet named by its wire name, its name in either language, or the
    /// kind of item it lists (`document`, `meeting`, …).
    pub fn find(s: &str) -> Option<SheetKey> {
        let s = s.trim();
        if let Ok(k) = s.parse::<SheetKey>() {
            return Some(k);
        }
        let by_kind = match s.to_ascii_lowercase().as_str() {
            "document" => Some(SheetKey::Documents),
            "meeting" | "meetings" | "interview" => Some(SheetKey::Interviews),
            "substitute" => Some(SheetKey::Substitutes),
            "loan" => Some(SheetKey::Loans),
            _ => None,
        };
        by_kind.or_else(|| {
            SheetKey::ALL
                .iter()
                .copied()
                .find(|k| k.name(Lang::En).eq_ignore_ascii_case(s) || k.name(Lang::Zh) == s)
        })
    }
}

/// One sheet laid out as a form: lines above the table (a sign-in sheet's
/// meeting, time and place), the header row, the rows, and which columns are
/// left blank for signatures or other writing by hand.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sheet {
    pub name: String,
    pub lead: Vec<[String; 2]>,
    pub head: Vec<String>,
    pub rows: Vec<Vec<String>>,
    pub sign: Vec<usize>,
}

/// The sheets with what every printed page carries.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Book {
    pub lang: Lang,
    /// The inspection's name (page header, left).
    pub inspection: String,
    /// The day it was printed (page header, right).
    pub date: String,
    /// What a printed page can be checked against (footer, left).
    pub check: Option<String>,
    pub sheets: Vec<Sheet>,
}

/// What the footer prints so a paper register can be checked against the
/// data: the head of the most recent custody chain, as `D3:1a2b3c4d5e6f`.
/// (The one place that says which hash that is.)
pub fn check_hash(state: &State) -> Option<String> {
    state
        .items
        .iter()
        .filter(|i| !i.custody_head.is_empty())
        .max_by_key(|i| i.custody.last().map(|e| e.at))
        .map(|i| {
            let short: String = i.custody_head.chars().take(12).collect();
            format!("{}:{short}", i.id)
        })
}

/// Text as a cell may hold it: control and invisible characters other than
/// a line break or tab shown as escapes (`\x1b`), as everywhere text leaves
/// the program, so hostile ones cannot hide text; cut to the 32,767
/// characters a cell holds.
pub fn cell_text(s: &str) -> String {
    const MAX: usize = 32_767;
    crate::sanitize::visible_text(s).chars().take(MAX).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sheets_are_found_by_wire_name_kind_or_either_language() {
        assert_eq!(SheetKey::find("loans"), Some(SheetKey::Loans));
        assert_eq!(SheetKey::find("document"), Some(SheetKey::Documents));
        assert_eq!(SheetKey::find("销毁清册"), Some(SheetKey::Destruction));
        assert_eq!(SheetKey::find("Loan register"), Some(SheetKey::Loans));
        assert_eq!(SheetKey::find("vehicles"), None);
    }

    #[test]
    fn control_characters_show_as_escapes_but_line_breaks_stay() {
        assert_eq!(
            cell_text("a\u{1b}[31mb\tc\nd\u{0}\u{202e}"),
            "a\\x1b[31mb\tc\nd\\x00\\u{202e}"
        );
    }
}

//! The spreadsheets from the dashboard: `X` writes the registers as a
//! workbook into the data directory and says where; `I` asks for a file and
//! imports it into the focused pane's kind as one change, which `u` undoes
//! whole.

use super::commit::{Touch, commit};
use super::{App, Overlay, Prompt};
use crate::i18n::{O, ot, otf};
use crate::office::{self, import};

/// Where `X` writes: the data directory, private to the user like
/// everything there, one workbook a day (written again, it is replaced);
/// turning encryption on seals it with the rest.
pub(super) fn workbook_name(day: chrono::NaiveDate) -> String {
    let prefix = crate::store::WORKBOOK_PREFIX;
    format!("{prefix}{}.xlsx", day.format("%Y-%m-%d"))
}

pub(super) fn write_workbook(app: &mut App) {
    // A workbook is plain text for the printer: it is not left beside
    // data the user chose to encrypt.
    if app.store.is_encrypted() {
        app.warn(ot(app.lang, O::WorkbookSealed));
        return;
    }
    let mut book = office::book(&app.snap.state, app.now, app.lang, &[], false);
    book.check = office::check_of(app.snap.head());
    let bytes = match office::xlsx(&book) {
        Ok(b) => b,
        Err(e) => return app.warn(otf(app.lang, O::ErrXlsxBuild, &[&e])),
    };
    let path = app.store.dir().join(workbook_name(app.now.date_naive()));
    match crate::store::fsutil::write_atomic(&path, &bytes) {
        Ok(()) => app.say(otf(app.lang, O::WorkbookWritten, &[&path.display()])),
        Err(e) => app.warn(otf(app.lang, O::ErrWrite, &[&path.display(), &e])),
    }
}

/// `~/…` is the home directory, as a shell would read it.
fn expand(text: &str) -> std::path::PathBuf {
    match (text.strip_prefix("~/"), std::env::var_os("HOME")) {
        (Some(rest), Some(home)) => std::path::Path::new(&home).join(rest),
        _ => text.into(),
    }
}

/// Imports the file named in the prompt; on a refusal the prompt stays with
/// the reason (naming sheet, row, column and value) and nothing changes.
pub(super) fn import(app: &mut App, mut prompt: Prompt, text: &str) {
    let kind = app.focused_kind();
    let rows = match office::load(app.lang, &expand(text), kind, app.now) {
        Ok(rows) => rows,
        Err(why) => {
            prompt.error = Some(why);
            app.overlay = Overlay::Prompt(prompt);
            return;
        }
    };
    let mut counts = (0, 0);
    let done = commit(app, |s, _| {
        let plan = office::plan(s, rows);
        let ids = import::apply(s, &plan)?;
        counts = (ids.len(), plan.skip.len());
        Ok(Touch::Many(ids.into_iter().map(Touch::Item).collect()))
    });
    match done {
        Ok(_) => app.say(otf(app.lang, O::ImportDone, &[&counts.0, &counts.1])),
        Err(why) => prompt.refused(app, why),
    }
}

#[cfg(test)]
#[path = "tests_office.rs"]
mod tests;

//! The registers in the brief and the export, read from the custody
//! records: the loan register by document and by borrower, the destruction
//! list and the archive list.

use super::Report;
use super::md::{Doc, text};
use crate::i18n::{C, R, tr, trf};
use crate::model::custody::{self, StepKind, register};
use crate::model::{Item, Kind};

/// Parts of a line are joined with this.
const SEP: &str = " · ";

impl Report<'_> {
    fn c(&self, key: C) -> &'static str {
        tr(self.lang, key)
    }

    fn labelled(&self, key: C, value: &str) -> String {
        trf(self.lang, R::BriefLabelled, &[&self.c(key), &text(value)])
    }

    /// `due back 11-25 09:00 · back 11-24 17:00`.
    fn loan_times(&self, l: &register::LoanRecord) -> Vec<String> {
        let mut parts = Vec::new();
        if let Some(until) = l.lend.until {
            parts.push(trf(self.lang, C::DueBack, &[&self.time(until)]));
        }
        parts.push(match l.back {
            Some(e) => trf(self.lang, C::ReturnedAt, &[&self.time(e.at)]),
            None => self.c(C::NotBack).to_string(),
        });
        parts
    }

    /// The registers, as `##` sections: loans by document, then by
    /// borrower, the destruction list and the archive list. Each line starts
    /// with the time of its step, then the document.
    pub(super) fn registers(&self, doc: &mut Doc) {
        let none = tr(self.lang, R::BriefNone);
        let docs = self.state.items.iter().filter(|i| i.kind == Kind::Document);
        let mut by_doc = Vec::new();
        for item in docs {
            for l in register::loans_of(item) {
                let mut parts = vec![
                    self.time(l.since()),
                    self.head(item),
                    self.labelled(C::Borrower, l.person()),
                ];
                parts.extend(self.loan_times(&l));
                by_doc.push(parts.join(SEP));
            }
        }
        doc.heading(2, self.c(C::LoanRegister));
        doc.list(&by_doc, none);

        let by_borrower = register::loans_by_borrower(self.state);
        doc.heading(2, self.c(C::LoansByBorrower));
        if by_borrower.is_empty() {
            doc.para(none);
        }
        for (person, loans) in by_borrower {
            let lines: Vec<String> = loans
                .iter()
                .map(|l| {
                    let mut parts = vec![self.time(l.since()), self.head(l.item)];
                    parts.extend(self.loan_times(l));
                    parts.join(SEP)
                })
                .collect();
            doc.heading(3, &format!("{} ({})", text(person), loans.len()));
            doc.list(&lines, "");
        }

        let class = |i: &Item| {
            i.class
                .map(|c| crate::i18n::class(self.lang, c).to_string())
                .unwrap_or_default()
        };
        let shredded: Vec<String> = custody::register::closed_by(self.state, StepKind::Shred)
            .into_iter()
            .map(|(i, e)| {
                let mut parts = vec![self.time(e.at), self.head(i), class(i)];
                if let Some(a) = &e.approved_by {
                    parts.push(self.labelled(C::ApprovedBy, a));
                }
                if let Some(w) = &e.witness {
                    parts.push(self.labelled(C::Witness, w));
                }
                parts.join(SEP)
            })
            .collect();
        doc.heading(2, self.c(C::DestructionList));
        doc.list(&shredded, none);

        let archived: Vec<String> = custody::register::closed_by(self.state, StepKind::Archive)
            .into_iter()
            .map(|(i, e)| {
                let mut parts = vec![self.time(e.at), self.head(i)];
                if let Some(l) = &e.location {
                    parts.push(self.labelled(C::Location, l));
                }
                parts.join(SEP)
            })
            .collect();
        doc.heading(2, self.c(C::ArchiveList));
        doc.list(&archived, none);
    }
}

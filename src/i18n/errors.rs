//! Refusals and failures said in the user's language.

use super::labels::{action, kind, rule, stage, status};
use super::{C, K, Lang, T, join, tr, trf};
use crate::model::custody::{ChainProblem, CustodyError, Fault, Refusal, Stage, StepKind};
use crate::model::{Kind, MeetingError, ModelError, Status};

/// A model error in the user's language.
pub fn model_error(lang: Lang, e: &ModelError) -> String {
    match e {
        ModelError::EmptyTitle => tr(lang, T::ErrEmptyTitle).into(),
        ModelError::EmptyNote => tr(lang, T::ErrEmptyNote).into(),
        ModelError::EndBeforeStart { start, end } => trf(lang, T::ErrEndBeforeStart, &[end, start]),
        ModelError::UnknownValue {
            field,
            value,
            allowed,
        } => {
            let allowed = match lang {
                Lang::Zh => choice_labels(lang, field).unwrap_or_else(|| allowed.clone()),
                Lang::En => allowed.clone(),
            };
            trf(
                lang,
                T::ErrUnknownValue,
                &[&value_field(lang, field), value, &allowed],
            )
        }
        ModelError::UnknownId(id) => trf(lang, T::ErrUnknownId, &[id]),
        ModelError::NoSuchNote {
            target: Some(id),
            number,
        } => trf(lang, K::ErrNoSuchNote, &[id, number]),
        ModelError::NoSuchNote {
            target: None,
            number,
        } => trf(lang, K::ErrNoSuchInboxNote, &[number]),
        ModelError::BadDate { input, .. } => {
            trf(lang, T::ErrBadDate, &[input, &tr(lang, T::DateExamples)])
        }
        ModelError::DateWeekday { input, date, said } => {
            super::when::weekday_mismatch(lang, input, *date, *said)
        }
        ModelError::FieldNotForKind { field, kind } => {
            let k = match (lang, kind.parse::<Kind>()) {
                (Lang::Zh, Ok(k)) => self::kind(lang, k),
                _ => kind.as_str(),
            };
            let field = match lang {
                Lang::Zh => option_label(lang, field).unwrap_or(field),
                Lang::En => field,
            };
            trf(lang, T::ErrFieldNotForKind, &[&field, &k])
        }
        ModelError::Refused(msg) => msg.clone(),
        ModelError::Move { id, why } => move_error(lang, id, why),
        ModelError::Custody(e) => custody_error(lang, e),
        ModelError::Substitute(e) => substitute_error(lang, e),
        ModelError::Meeting(e) => meeting_error(lang, e),
        ModelError::Team(e) => super::team::team_error(lang, e),
    }
}

/// A model error as the command line says it: where a refusal tells what
/// to do next, it names the command to run.
pub fn model_error_cli(lang: Lang, e: &ModelError) -> String {
    use crate::model::substitute::Refusal as R;
    match e {
        ModelError::Substitute(s) if s.refusal == R::HandbackRequired => {
            let example = tr(lang, T::HandbackExample);
            let command = format!("liaison done {} --handback \"{example}\"", s.id);
            trf(lang, T::ErrHandbackRequired, &[&s.id, &command])
        }
        _ => model_error(lang, e),
    }
}

/// A refused move to another pane.
fn move_error(lang: Lang, id: &str, why: &crate::model::moving::MoveRefusal) -> String {
    use crate::model::moving::MoveRefusal as R;
    let name = |k: Kind| match lang {
        Lang::Zh => kind(lang, k),
        Lang::En => k.as_str(),
    };
    match why {
        R::SameKind(k) => trf(lang, K::ErrMoveSameKind, &[&id, &name(*k)]),
        R::Custody => trf(lang, K::ErrMoveCustody, &[&id]),
        R::Loses { kind: k, fields } => {
            let fields: Vec<&str> = fields
                .iter()
                .map(|f| match (lang, *f) {
                    (_, "documents") => tr(lang, K::FieldAskedDocuments),
                    (Lang::Zh, f) => option_label(lang, f).unwrap_or(f),
                    (Lang::En, f) => f,
                })
                .collect();
            trf(
                lang,
                K::ErrMoveLoses,
                &[&id, &super::join(lang, &fields), &name(*k)],
            )
        }
    }
}

/// The name of a closed set of values (`Kind`, `MeetingType`) as the user
/// reads it: `meeting type`, `会议类型`.
fn value_field(lang: Lang, field: &str) -> String {
    let label = match field {
        "Kind" => tr(lang, K::FieldKind),
        "Priority" => tr(lang, T::FieldPriority),
        "Category" => tr(lang, T::FieldCategory),
        "Rule" => tr(lang, T::FieldRule),
        "Class" => tr(lang, T::FieldClass),
        "MeetingType" => tr(lang, K::FieldMeetingType),
        "Status" => tr(lang, T::FieldStatus),
        "StepKind" => tr(lang, K::FieldStep),
        "Role" => tr(lang, super::M::ColRole),
        "Mark" => tr(lang, super::M::FieldMark),
        "Every" => tr(lang, super::M::FieldEvery),
        _ => return field.to_ascii_lowercase(),
    };
    match lang {
        Lang::En => label.to_lowercase(),
        Lang::Zh => label.to_string(),
    }
}

/// Every value of the set named `field`, by its label, for an error line.
fn choice_labels(lang: Lang, field: &str) -> Option<String> {
    use super::labels;
    use crate::model::{Category, Class, MeetingType, Priority, Rule};
    let names: Vec<&str> = match field {
        "Kind" => Kind::ALL.iter().map(|&k| kind(lang, k)).collect(),
        "Priority" => Priority::ALL
            .iter()
            .map(|&p| labels::priority(lang, p))
            .collect(),
        "Category" => Category::ALL
            .iter()
            .map(|&c| labels::category(lang, c))
            .collect(),
        "Rule" => Rule::ALL.iter().map(|&r| rule(lang, r)).collect(),
        "Class" => Class::ALL.iter().map(|&c| labels::class(lang, c)).collect(),
        "MeetingType" => MeetingType::ALL
            .iter()
            .map(|&m| labels::meeting_type(lang, m))
            .collect(),
        "Status" => Status::ALL.iter().map(|&s| status(lang, s)).collect(),
        "StepKind" => StepKind::ALL.iter().map(|&a| action(lang, a)).collect(),
        "Role" => crate::model::Role::ALL
            .iter()
            .map(|&r| super::team::role(lang, r))
            .collect(),
        "Mark" => crate::model::attendance::Mark::ALL
            .iter()
            .map(|&m| super::team::mark(lang, m))
            .collect(),
        "Every" => return Some(tr(lang, super::M::EveryChoices).to_string()),
        _ => return None,
    };
    Some(super::join(lang, &names))
}

/// A field named in a refusal (`--from`, `type`) by its label.
fn option_label(lang: Lang, field: &str) -> Option<&'static str> {
    crate::model::field::by_name(field).map(|f| (f.label)(lang))
}

/// A refused custody step in the user's language.
pub fn custody_error(lang: Lang, e: &CustodyError) -> String {
    let id = &e.id;
    let act = |a: StepKind| action(lang, a);
    match &e.refusal {
        Refusal::NotADocument { kind: k } => {
            let k = if lang == Lang::Zh {
                kind(lang, *k)
            } else {
                k.as_str()
            };
            trf(lang, C::ErrCustodyNotDocument, &[id, &k])
        }
        Refusal::NotReceived { action: a } => trf(lang, C::ErrCustodyNotReceived, &[&act(*a), id]),
        Refusal::AlreadyReceived => trf(lang, C::ErrCustodyAlreadyReceived, &[id]),
        Refusal::NotLent => trf(lang, C::ErrCustodyNotLent, &[id]),
        Refusal::AlreadyLent { to } => trf(lang, C::ErrCustodyAlreadyLent, &[id, to]),
        Refusal::LentOut { action: a, to } => trf(lang, C::ErrCustodyLentOut, &[&act(*a), id, to]),
        Refusal::Closed { by } => trf(
            lang,
            C::ErrCustodyClosed,
            &[id, &stage(lang, Stage::Closed(*by))],
        ),
        Refusal::NoPerson => trf(lang, C::ErrCustodyNoPerson, &[id]),
        Refusal::NoWitness => trf(lang, C::ErrCustodyNoWitness, &[id]),
        Refusal::NoLocation => trf(lang, C::ErrCustodyNoLocation, &[id]),
        Refusal::NoApprover => trf(lang, C::ErrNoApprover, &[id]),
        Refusal::UntilPast => trf(lang, C::ErrUntilPast, &[id]),
        Refusal::UntilNotLoan => trf(lang, C::ErrUntilNotLoan, &[id]),
        Refusal::OpenCopies { open } => trf(lang, C::ErrOpenCopies, &[id, &join(lang, open)]),
        Refusal::NotInHand => trf(lang, C::ErrNotInHand, &[id]),
        Refusal::ClassLowered { from, to } => trf(
            lang,
            C::ErrClassLowered,
            &[id, &super::class(lang, *from), &super::class(lang, *to)],
        ),
        Refusal::AgainstRule { rule: r, action: a } => trf(
            lang,
            C::ErrCustodyAgainstRule,
            &[id, &rule(lang, *r), &act(*a)],
        ),
        Refusal::NothingToOverride => trf(lang, C::ErrCustodyNothingToOverride, &[id]),
        Refusal::BrokenLog { problems } => trf(lang, C::ErrCustodyBrokenLog, &[id, problems]),
        Refusal::HasHistory => trf(lang, T::ErrHasHistory, &[id]),
        Refusal::DoneThroughCustody { closing } => {
            let command = format!("liaison custody {id} {closing}");
            trf(lang, C::ErrDoneThroughCustody, &[id, &command])
        }
    }
}

/// A problem of a custody log in plain words, events counted from 1.
pub fn chain_problem(lang: Lang, p: &ChainProblem) -> String {
    let id = &p.id;
    let n = p.index.map_or(0, |i| i + 1);
    let what = p.action.map(|a| action(lang, a)).unwrap_or_default();
    match p.fault {
        Fault::Altered => trf(lang, C::ChainAltered, &[id, &n, &what]),
        Fault::Unsealed => trf(lang, C::ChainUnsealed, &[id, &n, &what]),
        Fault::BrokenLink => trf(lang, C::ChainBrokenLink, &[id, &n]),
        Fault::Truncated => trf(lang, C::ChainTruncated, &[id, &p.index.unwrap_or_default()]),
        Fault::Emptied => trf(lang, C::ChainEmptied, &[id]),
        Fault::OutOfSequence => trf(lang, C::ChainOutOfSequence, &[id, &n, &what]),
        Fault::NotADocument => trf(lang, C::ChainNotDocument, &[id]),
    }
}

/// A refused change to a meeting's checklist, a follow-up or a captured line.
pub fn meeting_error(lang: Lang, e: &MeetingError) -> String {
    match e {
        MeetingError::NotAMeeting { id, kind: k } => {
            let k = if lang == Lang::Zh {
                kind(lang, *k)
            } else {
                k.as_str()
            };
            trf(lang, T::ErrNotAMeeting, &[id, &k])
        }
        MeetingError::NoSuchCheck { id, entry } => trf(lang, T::ErrNoSuchCheck, &[id, entry]),
        MeetingError::NoSuchFollowup { id, number } => {
            trf(lang, T::ErrNoSuchFollowup, &[id, number])
        }
        MeetingError::EmptyCheck => tr(lang, T::ErrEmptyCheck).into(),
        MeetingError::EmptyRequest => tr(lang, T::ErrEmptyRequest).into(),
        MeetingError::EmptyQuestion => tr(lang, T::ErrEmptyQuestion).into(),
    }
}

/// A refused substitute transition in the user's language.
pub fn substitute_error(lang: Lang, e: &crate::model::substitute::SubstituteError) -> String {
    use crate::model::substitute::Refusal as R;
    let id = &e.id;
    match &e.refusal {
        R::NotASubstitute { kind: k } => {
            let k = if lang == Lang::Zh {
                kind(lang, *k)
            } else {
                k.as_str()
            };
            trf(lang, T::ErrNotSubstitute, &[id, &k])
        }
        R::AlreadyAccepted => trf(lang, T::ErrAlreadyAccepted, &[id]),
        R::Closed { status: s } => {
            let said = match s {
                Status::Done => tr(lang, T::SubHandedBack),
                other => status(lang, *other),
            };
            trf(lang, T::ErrSubstituteClosed, &[id, &said])
        }
        R::EmptyHandback => trf(lang, T::ErrEmptyHandback, &[id]),
        R::HandbackRequired => trf(
            lang,
            T::ErrHandbackRequired,
            &[id, &tr(lang, K::HandbackHowDashboard)],
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::substitute::{Refusal, SubstituteError};

    #[test]
    fn the_dashboard_is_not_told_to_run_a_command_but_the_command_line_is() {
        let e = ModelError::Substitute(SubstituteError {
            id: "S5".into(),
            refusal: Refusal::HandbackRequired,
        });
        for lang in [Lang::En, Lang::Zh] {
            let said = model_error(lang, &e);
            assert!(said.contains("S5") && !said.contains("liaison"), "{said}");
            assert!(!said.contains("--handback"), "{said}");
            let cli = model_error_cli(lang, &e);
            assert!(cli.contains("liaison done S5 --handback"), "{cli}");
        }
        assert!(model_error(Lang::Zh, &e).contains("按 x"));
    }

    #[test]
    fn chinese_refusals_name_fields_and_values_by_their_chinese_names() {
        let e = "party".parse::<crate::model::MeetingType>().unwrap_err();
        let zh = model_error(Lang::Zh, &e);
        assert_eq!(
            zh,
            "未知的会议类型“party”（可选：会议、个别谈话、听取汇报、下沉调研、培训）"
        );
        let en = model_error(Lang::En, &e);
        assert!(en.starts_with("unknown meeting type 'party'"), "{en}");
        let e = ModelError::FieldNotForKind {
            field: "--due",
            kind: "meeting".into(),
        };
        assert_eq!(model_error(Lang::Zh, &e), "截止不适用于会务安排事项");
        assert_eq!(
            model_error(Lang::En, &e),
            "--due does not apply to a meeting item"
        );
    }
}

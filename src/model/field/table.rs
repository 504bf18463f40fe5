//! The rows of the field table, in the order forms show them.

use super::named::Named;
use super::{Choices, Field, FieldKey as K, Search, Value, at, cli, opt, shown_time, time_text};
use crate::i18n::{F, K as CliText, M, T, tr};
use crate::model::when::Purpose;
use crate::model::{Category, Class, Kind, MeetingType, Priority, Rule, Status};

use Kind::{Document as D, Logistics as L, Meeting as Mt, Substitute as S};

const ALL: &[Kind] = &[L, D, Mt, S];

/// The choices of a closed set, by wire name, labelled in either language.
macro_rules! choices {
    ($t:ty) => {
        Choices {
            names: || <$t>::ALL.iter().map(|v| v.as_str()).collect(),
            label: |wire, lang| wire.parse::<$t>().ok().map(|v| v.label(lang)),
        }
    };
}

pub static FIELDS: &[Field] = &[
    Field {
        key: K::Title,
        name: "title",
        label: |l| tr(l, T::FieldTitle),
        kinds: ALL,
        form: ALL,
        cli: None,
        value: Value::Text,
        search: Search::Pinyin,
        has: None,
        read: |i| i.title.clone(),
        show: |i, _| Some(i.title.clone()),
        write: |i, t, _| {
            i.title = t.to_string();
            Ok(())
        },
    },
    Field {
        key: K::Category,
        name: "category",
        label: |l| tr(l, T::FieldCategory),
        kinds: &[L],
        form: &[L],
        cli: cli("--category", "CATEGORY", F::HelpCategory),
        value: Value::Choice(choices!(Category)),
        search: Search::No,
        has: Some(|i| i.category.is_some()),
        read: |i| i.category.map(|v| v.as_str().into()).unwrap_or_default(),
        show: |i, l| i.category.map(|v| v.label(l).into()),
        write: |i, t, _| {
            i.category = Some(super::parse(t)?);
            Ok(())
        },
    },
    Field {
        key: K::From,
        name: "from",
        label: |l| tr(l, T::FieldFrom),
        kinds: &[D],
        form: &[D],
        cli: cli("--from", "UNIT", F::HelpFrom),
        value: Value::Text,
        search: Search::Pinyin,
        has: Some(|i| i.from.is_some()),
        read: |i| i.from.clone().unwrap_or_default(),
        show: |i, _| i.from.clone(),
        write: |i, t, _| {
            i.from = opt(t);
            Ok(())
        },
    },
    Field {
        key: K::Rule,
        name: "rule",
        label: |l| tr(l, T::FieldRule),
        kinds: &[D],
        form: &[D],
        cli: cli("--rule", "RULE", F::HelpRule),
        value: Value::Choice(choices!(Rule)),
        search: Search::No,
        has: Some(|i| i.rule.is_some()),
        read: |i| i.rule.map(|v| v.as_str().into()).unwrap_or_default(),
        show: |i, l| i.rule.map(|v| v.label(l).into()),
        write: |i, t, _| {
            i.rule = Some(super::parse(t)?);
            Ok(())
        },
    },
    Field {
        key: K::Class,
        name: "class",
        label: |l| tr(l, T::FieldClass),
        kinds: &[D],
        form: &[D],
        cli: cli("--class", "CLASS", F::HelpClass),
        value: Value::Choice(choices!(Class)),
        search: Search::No,
        has: Some(|i| i.class.is_some()),
        read: |i| i.class.map(|v| v.as_str().into()).unwrap_or_default(),
        show: |i, l| i.class.map(|v| v.label(l).into()),
        write: |i, t, _| {
            i.class = Some(super::parse(t)?);
            Ok(())
        },
    },
    Field {
        key: K::Type,
        name: "type",
        label: |l| tr(l, T::FieldType),
        kinds: &[Mt],
        form: &[Mt],
        cli: cli("--type", "TYPE", F::HelpType),
        value: Value::Choice(choices!(MeetingType)),
        search: Search::No,
        has: Some(|i| i.meeting_type.is_some()),
        read: |i| {
            i.meeting_type
                .map(|v| v.as_str().into())
                .unwrap_or_default()
        },
        show: |i, l| i.meeting_type.map(|v| v.label(l).into()),
        write: |i, t, _| {
            i.meeting_type = Some(super::parse(t)?);
            Ok(())
        },
    },
    Field {
        key: K::Section,
        name: "for",
        label: |l| tr(l, T::FieldSection),
        kinds: &[S],
        form: &[S],
        cli: cli("--for", "SECTION", F::HelpSection),
        value: Value::Text,
        search: Search::Pinyin,
        has: Some(|i| i.section.is_some()),
        read: |i| i.section.clone().unwrap_or_default(),
        show: |i, _| i.section.clone(),
        write: |i, t, _| {
            i.section = opt(t);
            Ok(())
        },
    },
    Field {
        key: K::Due,
        name: "due",
        label: |l| tr(l, T::FieldDue),
        // A meeting has a start instead.
        kinds: &[L, D, S],
        form: &[L, D, S],
        cli: cli("--due", "WHEN", F::HelpDue),
        value: Value::Time(Purpose::Due),
        search: Search::No,
        has: None,
        read: |i| time_text(i.due),
        show: |i, _| shown_time(i.due),
        write: |i, t, now| {
            i.due = at(t, now, Purpose::Due)?;
            Ok(())
        },
    },
    Field {
        key: K::Start,
        name: "start",
        label: |l| tr(l, T::FieldStart),
        kinds: &[Mt, S],
        form: &[Mt, S],
        cli: cli("--start", "WHEN", F::HelpStart),
        value: Value::Time(Purpose::Start),
        search: Search::No,
        has: Some(|i| i.start.is_some()),
        read: |i| time_text(i.start),
        show: |i, _| shown_time(i.start),
        write: |i, t, now| {
            i.start = at(t, now, Purpose::Start)?;
            Ok(())
        },
    },
    Field {
        key: K::End,
        name: "end",
        label: |l| tr(l, T::FieldEnd),
        kinds: &[Mt, S],
        form: &[Mt, S],
        cli: cli("--end", "WHEN", F::HelpEnd),
        value: Value::Time(Purpose::Start),
        search: Search::No,
        has: Some(|i| i.end.is_some()),
        read: |i| time_text(i.end),
        show: |i, _| shown_time(i.end),
        // A time alone is on the start's day.
        write: |i, t, now| {
            i.end = opt(t)
                .map(|t| crate::model::meeting::read_end(&t, i.start, now))
                .transpose()?;
            Ok(())
        },
    },
    Field {
        key: K::Place,
        name: "place",
        label: |l| tr(l, T::FieldPlace),
        kinds: &[Mt],
        form: &[Mt],
        cli: cli("--place", "PLACE", F::HelpPlace),
        value: Value::Text,
        search: Search::Pinyin,
        has: Some(|i| i.place.is_some()),
        read: |i| i.place.clone().unwrap_or_default(),
        show: |i, _| i.place.clone(),
        write: |i, t, _| {
            i.place = opt(t);
            Ok(())
        },
    },
    Field {
        key: K::With,
        name: "with",
        label: |l| tr(l, T::FieldWith),
        kinds: &[Mt],
        form: &[Mt],
        cli: cli("--with", "A,B", F::HelpWith),
        value: Value::Names,
        search: Search::Text,
        has: Some(|i| !i.attendees.is_empty()),
        read: |i| i.attendees.join(", "),
        show: |i, _| (!i.attendees.is_empty()).then(|| i.attendees.join("、")),
        write: |i, t, _| {
            i.attendees = super::names(t);
            Ok(())
        },
    },
    Field {
        key: K::Priority,
        name: "priority",
        label: |l| tr(l, T::FieldPriority),
        kinds: ALL,
        form: ALL,
        cli: cli("--priority", "P", F::HelpPriority),
        value: Value::Choice(choices!(Priority)),
        search: Search::No,
        has: None,
        read: |i| i.priority.as_str().into(),
        show: |i, l| Some(i.priority.label(l).into()),
        write: |i, t, _| {
            i.priority = super::parse(t)?;
            Ok(())
        },
    },
    Field {
        key: K::Status,
        name: "status",
        label: |l| tr(l, T::FieldStatus),
        kinds: ALL,
        // A document's status follows its custody (`x`), never a form.
        form: &[L, Mt, S],
        cli: None,
        value: Value::Choice(choices!(Status)),
        search: Search::No,
        has: None,
        read: |i| i.status.as_str().into(),
        show: |i, l| Some(i.status.label(l).into()),
        write: |i, t, _| {
            i.status = super::parse(t)?;
            Ok(())
        },
    },
    Field {
        key: K::Contact,
        name: "contact",
        label: |l| tr(l, T::FieldContact),
        kinds: ALL,
        form: &[L, D, S],
        cli: cli("--contact", "NAME", F::HelpContact),
        value: Value::Text,
        search: Search::Text,
        has: None,
        read: |i| i.contact.clone().unwrap_or_default(),
        show: |i, _| i.contact.clone(),
        write: |i, t, _| {
            i.contact = opt(t);
            Ok(())
        },
    },
    Field {
        key: K::Every,
        name: "every",
        label: |l| tr(l, M::FieldEvery),
        kinds: &[L, S],
        form: &[],
        cli: cli("--every", "RULE", F::HelpEvery),
        value: Value::Every,
        search: Search::No,
        has: Some(|i| i.every.is_some()),
        read: |i| i.every.map(|e| e.to_string()).unwrap_or_default(),
        show: |i, _| i.every.map(|e| e.to_string()),
        write: |i, t, _| {
            i.every = opt(t).map(|e| e.parse()).transpose()?;
            Ok(())
        },
    },
    Field {
        key: K::Until,
        name: "until",
        label: |l| tr(l, M::FieldEvery),
        kinds: &[L, S],
        form: &[],
        cli: cli("--until", "DAY", F::HelpUntil),
        value: Value::Day,
        search: Search::No,
        has: None,
        read: |i| {
            i.every_until
                .map(|d| d.format("%Y-%m-%d").to_string())
                .unwrap_or_default()
        },
        show: |i, _| i.every_until.map(|d| d.format("%Y-%m-%d").to_string()),
        write: |i, t, now| {
            i.every_until = at(t, now, Purpose::Due)?.map(|t| t.date_naive());
            Ok(())
        },
    },
    Field {
        key: K::Handback,
        name: "handback",
        label: |l| tr(l, CliText::FieldHandback),
        kinds: &[S],
        form: &[],
        cli: None,
        value: Value::Text,
        search: Search::No,
        has: Some(|i| i.handback.is_some()),
        read: |i| i.handback.clone().unwrap_or_default(),
        show: |i, _| i.handback.clone(),
        write: |i, t, _| {
            i.handback = opt(t);
            Ok(())
        },
    },
    Field {
        key: K::Meeting,
        name: "meeting",
        label: |l| tr(l, CliText::FieldFromMeeting),
        kinds: &[D],
        form: &[],
        cli: None,
        value: Value::Text,
        search: Search::No,
        has: Some(|i| i.meeting.is_some()),
        read: |i| i.meeting.clone().unwrap_or_default(),
        show: |i, _| i.meeting.clone(),
        write: |i, t, _| {
            i.meeting = opt(t);
            Ok(())
        },
    },
    Field {
        key: K::Checklist,
        name: "checklist",
        label: |l| tr(l, T::ChecklistTitle),
        kinds: &[Mt],
        form: &[],
        cli: None,
        value: Value::Fixed,
        search: Search::No,
        has: Some(|i| !i.checklist.is_empty()),
        read: |i| {
            i.checklist
                .iter()
                .map(|c| c.text.as_str())
                .collect::<Vec<_>>()
                .join("\n")
        },
        show: |i, _| Some(i.checklist.len().to_string()).filter(|_| !i.checklist.is_empty()),
        // Changed entry by entry (`add_check`, `toggle_check`), never from text.
        write: |_, _, _| Ok(()),
    },
];

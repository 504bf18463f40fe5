//! A form's fields: which item field each edits, and its value as typed or
//! chosen.

use tui_input::Input;

use crate::i18n::{self, Lang, T, tr};
use crate::model::when::Purpose;
use crate::model::{Category, Class, Kind, MeetingType, Priority, Rule, Status};

/// Which field of an item a form field edits.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum FieldKey {
    Title,
    Category,
    From,
    Rule,
    Class,
    Type,
    Start,
    End,
    Due,
    Place,
    With,
    Section,
    Priority,
    Status,
    Contact,
}

impl FieldKey {
    /// The fields a form for `kind` has, in order.
    pub fn for_kind(kind: Kind) -> &'static [FieldKey] {
        use FieldKey::*;
        match kind {
            Kind::Logistics => &[Title, Category, Due, Priority, Status, Contact],
            // A document's status follows its custody (`x`), never a form.
            Kind::Document => &[Title, From, Rule, Class, Due, Priority, Contact],
            Kind::Meeting => &[Title, Type, Start, End, Place, With, Priority, Status],
            Kind::Substitute => &[Title, Section, Due, Start, End, Priority, Status, Contact],
        }
    }

    pub fn label(self, lang: Lang) -> &'static str {
        use FieldKey::*;
        tr(
            lang,
            match self {
                Title => T::FieldTitle,
                Category => T::FieldCategory,
                From => T::FieldFrom,
                Rule => T::FieldRule,
                Class => T::FieldClass,
                Type => T::FieldType,
                Start => T::FieldStart,
                End => T::FieldEnd,
                Due => T::FieldDue,
                Place => T::FieldPlace,
                With => T::FieldWith,
                Section => T::FieldSection,
                Priority => T::FieldPriority,
                Status => T::FieldStatus,
                Contact => T::FieldContact,
            },
        )
    }

    /// The date purpose of a date field.
    pub fn purpose(self) -> Option<Purpose> {
        match self {
            FieldKey::Due => Some(Purpose::Due),
            FieldKey::Start | FieldKey::End => Some(Purpose::Start),
            _ => None,
        }
    }

    /// The wire names a choice field cycles through.
    pub(super) fn options(self) -> Option<Vec<&'static str>> {
        fn names<T: Copy>(all: &[T], f: fn(T) -> &'static str) -> Option<Vec<&'static str>> {
            Some(all.iter().map(|v| f(*v)).collect())
        }
        match self {
            FieldKey::Category => names(Category::ALL, Category::as_str),
            FieldKey::Rule => names(Rule::ALL, Rule::as_str),
            FieldKey::Class => names(Class::ALL, Class::as_str),
            FieldKey::Type => names(MeetingType::ALL, MeetingType::as_str),
            FieldKey::Priority => names(Priority::ALL, Priority::as_str),
            FieldKey::Status => names(Status::ALL, Status::as_str),
            _ => None,
        }
    }
}

/// A field's value: free text, or one of a fixed set.
#[derive(Debug, Clone)]
pub enum Value {
    Text(Input),
    Choice {
        options: Vec<&'static str>,
        index: usize,
    },
}

#[derive(Debug, Clone)]
pub struct Field {
    pub key: FieldKey,
    pub value: Value,
    /// Why the last save refused this field.
    pub error: Option<String>,
}

impl Field {
    pub fn text(&self) -> String {
        match &self.value {
            Value::Text(input) => input.value().to_string(),
            Value::Choice { options, index } => options[*index].to_string(),
        }
    }

    /// What the field shows: the text, or the choice's label in `lang`.
    pub fn display(&self, lang: Lang) -> String {
        match &self.value {
            Value::Text(input) => input.value().to_string(),
            Value::Choice { options, index } => choice_label(self.key, options[*index], lang),
        }
    }
}

fn choice_label(key: FieldKey, wire: &str, lang: Lang) -> String {
    let label = match key {
        FieldKey::Category => wire.parse().ok().map(|v| i18n::category(lang, v)),
        FieldKey::Rule => wire.parse().ok().map(|v| i18n::rule(lang, v)),
        FieldKey::Class => wire.parse().ok().map(|v| i18n::class(lang, v)),
        FieldKey::Type => wire.parse().ok().map(|v| i18n::meeting_type(lang, v)),
        FieldKey::Priority => wire.parse().ok().map(|v| i18n::priority(lang, v)),
        FieldKey::Status => wire.parse().ok().map(|v| i18n::status(lang, v)),
        _ => None,
    };
    label.unwrap_or(wire).to_string()
}

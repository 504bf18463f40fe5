//! A form's fields: which item field each edits, and its value as typed or
//! chosen.

use tui_input::Input;

use crate::i18n::Lang;
pub use crate::model::field::FieldKey;

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
            Value::Choice { options, index } => self.key.choice_label(options[*index], lang),
        }
    }
}

//! Unsaved text kept across a crash: the open form or the note being typed.

use serde::{Deserialize, Serialize};
use tui_input::Input;

use super::form::{FieldKey, Form};
use super::{App, Capture, Overlay};
use crate::model::Kind;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "draft", rename_all = "kebab-case")]
pub enum Draft {
    Form {
        kind: Kind,
        id: Option<String>,
        focus: usize,
        fields: Vec<(FieldKey, String)>,
    },
    Capture {
        target: Option<String>,
        text: String,
    },
}

/// The draft the screen holds now, if anything unsaved is typed.
pub fn current(app: &App) -> Option<Draft> {
    match &app.overlay {
        Overlay::Form(form) => Some(Draft::Form {
            kind: form.kind,
            id: form.id.clone(),
            focus: form.focus,
            fields: form.fields.iter().map(|f| (f.key, f.text())).collect(),
        }),
        Overlay::Capture(c) if !c.input.value().trim().is_empty() => Some(Draft::Capture {
            target: c.target.clone(),
            text: c.input.value().to_string(),
        }),
        _ => app
            .kept_note
            .as_ref()
            .filter(|c| !c.input.value().trim().is_empty())
            .map(|c| Draft::Capture {
                target: c.target.clone(),
                text: c.input.value().to_string(),
            }),
    }
}

/// Opens the form or note box the draft came from, with its text.
pub fn restore(app: &mut App, draft: Draft) {
    match draft {
        Draft::Form {
            kind,
            id,
            focus,
            fields,
        } => {
            let mut form = match id.as_deref().and_then(|id| app.snap.state.get(id)) {
                Some(item) => Form::edit(item),
                None => Form::add(kind, app.now),
            };
            for (key, text) in fields {
                form.set(key, &text);
            }
            form.focus = focus.min(form.fields.len() - 1);
            app.overlay = Overlay::Form(Box::new(form));
        }
        Draft::Capture { target, text } => {
            let target = target.filter(|id| app.snap.state.get(id).is_some());
            let mut targets = vec![target.clone()];
            if target.is_some() {
                targets.push(None);
            }
            let cursor = text.chars().count();
            app.overlay = Overlay::Capture(Capture {
                input: Input::new(text).with_cursor(cursor),
                target,
                targets,
                saved: 0,
            });
        }
    }
}

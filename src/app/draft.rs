//! Unsaved text kept across a crash: the open form or the note being typed.

use serde::{Deserialize, Serialize};
use tui_input::Input;

use super::form::{FieldKey, Form};
use super::{App, Capture, Overlay};
use crate::model::{Item, Kind, Time};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "draft", rename_all = "kebab-case")]
pub enum Draft {
    Form {
        kind: Kind,
        id: Option<String>,
        focus: usize,
        fields: Vec<(FieldKey, String)>,
        /// What each date phrase meant when typed, so a draft restored on
        /// another day keeps it (drafts written before this have none).
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        meant: Vec<(FieldKey, Time)>,
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
            meant: form.resolved(&base(app, form.kind, form.id.as_deref()), app.now),
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

/// The item a form starts from: the one edited, or a new one.
fn base(app: &App, kind: Kind, id: Option<&str>) -> Item {
    id.and_then(|id| app.snap.state.get(id))
        .cloned()
        .unwrap_or_else(|| Item::new(kind, "", app.now))
}

/// Opens the form or note box the draft came from, with its text. Returns
/// the date phrases kept as the times they meant (`明天下午4点 → …`).
pub fn restore(app: &mut App, draft: Draft) -> Vec<String> {
    match draft {
        Draft::Form {
            kind,
            id,
            focus,
            fields,
            meant,
        } => {
            let mut form = match id.as_deref().and_then(|id| app.snap.state.get(id)) {
                Some(item) => Form::edit(item),
                None => Form::add(kind, app.now),
            };
            for (key, text) in fields {
                form.set(key, &text);
            }
            form.focus = focus.min(form.fields.len() - 1);
            let pinned = form.pin(&meant, &base(app, kind, id.as_deref()), app.now);
            app.overlay = Overlay::Form(Box::new(form));
            pinned
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
            Vec::new()
        }
    }
}

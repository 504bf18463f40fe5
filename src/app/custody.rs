//! `x` on a document: the custody step it offers, its details in one box
//! (each labelled, none by a command-line name, Tab or ↑/↓ between them,
//! Enter records), and a closing step shown in full before it is recorded.
//! Empty input never closes anything; Esc at any point records nothing.

use tui_input::Input;

use super::ask::ask;
use super::commit::{Refused, commit, commit_named, was};
use super::{App, Ask, Choice, Overlay, Prompt};
use crate::i18n::{self, C, T, tr, trf};
use crate::model::custody::{self, Field, Next, Step, StepKind};
use crate::model::when::{Purpose, parse_when};
use crate::model::{CopyKind, Item};

/// What `x` does on a document: asks for the details of the one step that
/// fits, or offers the choice when it is in hand.
pub(super) fn start(app: &mut App, item: &Item) {
    let id = item.id.clone();
    match custody::next(item) {
        Some(Next::Only(action)) => ask_step(app, id, action, false),
        Some(Next::Choose { rule, others }) => {
            let mut choices = vec![Choice::Lend, Choice::Close(rule)];
            choices.extend(others.map(Choice::Other));
            ask(app, Ask::Next { id, choices });
        }
        None => app.say(trf(app.lang, T::AlreadyDone, &[&id])),
    }
}

/// Opens the box of `action`'s details, each with its default, the cursor
/// on the first: the reason first when it closes another way than the rule.
fn ask_step(app: &mut App, id: String, action: StepKind, other_way: bool) {
    let mut fields = Vec::new();
    if other_way {
        fields.push(Field::Reason);
    }
    fields.extend_from_slice(Field::of(action));
    let step = Box::new(Step::new(action));
    let values: Vec<String> = fields
        .iter()
        .map(|&f| default(app, &id, &step, f))
        .collect();
    app.overlay = Overlay::Prompt(Prompt {
        input: Input::new(values[0].clone()),
        ask: Ask::Step {
            id,
            step,
            fields,
            at: 0,
            values,
        },
        error: None,
        waiting: None,
    });
}

/// Tab / ↓ (or Shift-Tab / ↑) in a step's box: the cursor to the next (or
/// previous) detail, keeping what was typed in each.
pub(super) fn move_field(app: &mut App, forward: bool) {
    let Overlay::Prompt(Prompt {
        ask: Ask::Step { at, values, .. },
        input,
        ..
    }) = &mut app.overlay
    else {
        return;
    };
    let n = values.len();
    values[*at] = input.value().to_string();
    *at = if forward {
        (*at + 1) % n
    } else {
        (*at + n - 1) % n
    };
    *input = Input::new(values[*at].clone());
}

/// What a field starts with: the borrower bringing it back, the configured
/// team member, the default due-back time.
fn default(app: &App, id: &str, step: &Step, field: Field) -> String {
    let item = app.snap.state.get(id);
    match field {
        Field::Person if step.action == StepKind::Back => item
            .and_then(custody::holder)
            .map(str::to_string)
            .unwrap_or_default(),
        Field::By => app.config.me().unwrap_or_default(),
        Field::Until => custody::due_back(app.now, app.config.loan_hours)
            .format("%Y-%m-%d %H:%M")
            .to_string(),
        _ => String::new(),
    }
}

/// A key typed on a menu: its number picks a choice.
pub(super) fn pick(app: &mut App, c: char) {
    let Overlay::Prompt(prompt) = &app.overlay else {
        return;
    };
    let Some(n) = c.to_digit(10).map(|n| n as usize) else {
        return;
    };
    match prompt.ask.clone() {
        Ask::Next { id, choices } => {
            let Some(choice) = n.checked_sub(1).and_then(|i| choices.get(i)) else {
                return;
            };
            match *choice {
                Choice::Lend => ask_step(app, id, StepKind::Lend, false),
                Choice::Close(action) => ask_step(app, id, action, false),
                Choice::Other(action) => ask_step(app, id, action, true),
            }
        }
        Ask::CopyKind { id } => {
            let kind = match n {
                1 => CopyKind::Copy,
                2 => CopyKind::Extract,
                _ => return,
            };
            let title = app.title_of(&id);
            let what = i18n::copy_kind(app.lang, kind);
            let title = match app.lang {
                crate::i18n::Lang::En => format!("{title} ({what})"),
                crate::i18n::Lang::Zh => format!("{title}（{what}）"),
            };
            app.overlay = Overlay::Prompt(Prompt {
                ask: Ask::CopyTitle { id, kind },
                input: Input::new(title),
                error: None,
                waiting: None,
            });
        }
        _ => {}
    }
}

/// Enter on a custody prompt: take the answer, ask the next detail,
/// confirm, or record.
pub(super) fn answer(app: &mut App, mut prompt: Prompt) {
    let text = prompt.input.value().trim().to_string();
    match prompt.ask.clone() {
        Ask::Next { choices, .. } => {
            prompt.error = Some(trf(app.lang, C::ChooseInvalid, &[&choices.len()]));
            app.overlay = Overlay::Prompt(prompt);
        }
        Ask::CopyKind { .. } => {
            prompt.error = Some(trf(app.lang, C::ChooseInvalid, &[&2]));
            app.overlay = Overlay::Prompt(prompt);
        }
        Ask::Step {
            id,
            step: blank,
            fields,
            at,
            mut values,
        } => {
            values[at] = prompt.input.value().to_string();
            let mut step = blank.clone();
            for (i, &field) in fields.iter().enumerate() {
                if let Err(e) = fill(app, &mut step, field, values[i].trim()) {
                    // The cursor goes to the detail that needs an answer.
                    prompt.input = Input::new(values[i].clone());
                    prompt.ask = Ask::Step {
                        id,
                        step: blank,
                        fields,
                        at: i,
                        values,
                    };
                    prompt.error = Some(e);
                    app.overlay = Overlay::Prompt(prompt);
                    return;
                }
            }
            if step.action.is_closing() {
                app.overlay = Overlay::Prompt(Prompt {
                    ask: Ask::ConfirmStep { id, step },
                    input: Input::default(),
                    error: None,
                    waiting: None,
                });
            } else if let Err(why) = record(app, &id, *step) {
                prompt.refused(app, why);
            }
        }
        Ask::ConfirmStep { id, step } => {
            if let Err(why) = record(app, &id, *step) {
                prompt.refused(app, why);
            }
        }
        Ask::CopyTitle { id, kind } => {
            let by = app.config.me();
            let mut made = None;
            let saved = commit(app, |s, now| {
                let copy = s.add_copy(&id, &text, kind, by, now)?;
                made = Some(copy.clone());
                Ok(super::commit::Touch::Item(copy))
            });
            match (saved, made) {
                (Ok(_), Some(copy)) => {
                    let what = i18n::copy_of(app.lang, kind, &id);
                    app.say(trf(app.lang, C::CopyMade, &[&copy, &what]));
                }
                (Ok(_), None) => app.overlay = Overlay::Prompt(prompt),
                (Err(why), _) => prompt.refused(app, why),
            }
        }
        Ask::ClassReason { id } => save_lowered(app, prompt, id, text),
        _ => app.overlay = Overlay::Prompt(prompt),
    }
}

/// Puts the answer for `field` into `step`, or says why it cannot.
fn fill(app: &App, step: &mut Step, field: Field, text: &str) -> Result<(), String> {
    if text.is_empty() && field.required(step.action) {
        let label = i18n::field_label(app.lang, step.action, field);
        return Err(trf(app.lang, C::Required, &[&label]));
    }
    let value = (!text.is_empty()).then(|| text.to_string());
    match field {
        Field::Person => step.person = value,
        Field::By => step.by = value,
        Field::ApprovedBy => step.approved_by = value,
        Field::Witness => step.witness = value,
        Field::Location => step.location = value,
        Field::Note => step.note = value,
        Field::Reason => step.reason = value,
        Field::Until if text.is_empty() => {
            step.until = Some(custody::due_back(app.now, app.config.loan_hours));
        }
        Field::Until => {
            let at = parse_when(text, app.now, Purpose::Due)
                .map_err(|e| i18n::model_error(app.lang, &e))?;
            step.until = Some(at);
        }
    }
    Ok(())
}

/// Records a custody step, or says why not.
pub(super) fn record(app: &mut App, id: &str, step: Step) -> Result<(), Refused> {
    let action = step.action;
    let id = id.to_string();
    commit_named(app, &[id.as_str()], |s, now| {
        s.custody(&id, step, now).map(|b| was(&id, b))
    })?;
    app.say(trf(
        app.lang,
        T::CustodyRecorded,
        &[&id, &i18n::action(app.lang, action)],
    ));
    Ok(())
}

/// The id of the document whose class `edited` lowers, if it does.
pub(super) fn lowers_class(base: &Item, edited: &Item) -> Option<String> {
    let rank = |i: &Item| i.class.map_or(0, crate::model::Class::rank);
    (base.kind == crate::model::Kind::Document && !base.id.is_empty() && rank(edited) < rank(base))
        .then(|| base.id.clone())
}

/// The reason for lowering a class: saves the waiting edit with it.
fn save_lowered(app: &mut App, mut prompt: Prompt, id: String, reason: String) {
    let Some(form) = prompt.waiting.take() else {
        return;
    };
    if reason.is_empty() {
        let label = tr(app.lang, C::Reason);
        prompt.error = Some(trf(app.lang, C::Required, &[&label]));
        prompt.waiting = Some(form);
        app.overlay = Overlay::Prompt(prompt);
        return;
    }
    let edits = (*form).clone();
    let saved = commit_named(app, &[id.as_str()], |s, now| {
        let fresh = s
            .get(&id)
            .cloned()
            .ok_or_else(|| crate::model::ModelError::UnknownId(id.clone()))?;
        let item = edits.apply_changes(&fresh, now).map_err(|(_, e)| e)?;
        s.replace_because(item, Some(&reason), now)
            .map(|b| was(&id, b))
    });
    match saved {
        Ok(_) => app.say(trf(app.lang, T::Saved, &[&id])),
        // Refused by the store: back to the form, the reason in the status line.
        Err(Refused(why)) => {
            app.warn(why);
            app.overlay = Overlay::Form(form);
        }
    }
}

/// `C` in a document's detail: make a copy or an extract of it.
pub(super) fn copy(app: &mut App) {
    let Some(item) = app.selected() else { return };
    if item.kind != crate::model::Kind::Document {
        return;
    }
    let id = item.id.clone();
    ask(app, Ask::CopyKind { id });
}

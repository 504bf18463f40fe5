use super::*;

fn tables(toml_text: &str) -> KeyTables {
    #[derive(serde::Deserialize)]
    struct F {
        keys: KeyTables,
    }
    toml::from_str::<F>(toml_text).unwrap().keys
}

fn with(text: &str) -> Result<Keymap, KeyError> {
    Keymap::with(&tables(text), text)
}

fn press(code: KeyCode, mods: KeyModifiers) -> KeyEvent {
    KeyEvent::new(code, mods)
}

#[test]
fn a_rebound_action_moves_to_its_new_key_in_that_mode_only() {
    let map = with("[keys.panes]\nadd = \"+\"\ncapture = \"ctrl-n\"\n").unwrap();
    let none = KeyModifiers::NONE;
    assert_eq!(
        map.resolve(Mode::Panes, &press(KeyCode::Char('+'), none)),
        Some(Action::Add)
    );
    assert_eq!(
        map.resolve(Mode::Panes, &press(KeyCode::Char('a'), none)),
        None
    );
    assert_eq!(
        map.resolve(
            Mode::Panes,
            &press(KeyCode::Char('n'), KeyModifiers::CONTROL)
        ),
        Some(Action::Capture)
    );
    assert_eq!(
        map.resolve(Mode::Panes, &press(KeyCode::Char('n'), none)),
        None
    );
    // Elsewhere the default stays: `n` still opens the note box in Today.
    assert_eq!(
        map.resolve(Mode::Today, &press(KeyCode::Char('n'), none)),
        Some(Action::Capture)
    );
    // The footer names the new keys.
    let labels: Vec<(Action, String)> = map
        .footer(Mode::Panes)
        .map(|b| (b.action, b.label.to_string()))
        .collect();
    assert!(labels.contains(&(Action::Add, "+".into())), "{labels:?}");
    assert!(
        labels.contains(&(Action::Capture, "C-n".into())),
        "{labels:?}"
    );
    assert!(!labels.iter().any(|(_, l)| l == "a"), "{labels:?}");
}

#[test]
fn a_binding_that_clashes_or_names_nothing_is_refused_naming_its_line() {
    let text = "lang = \"en\"\n\n[keys.panes]\nadd = \"+\"\nquit = \"+\"\n";
    let err = with(text).unwrap_err().to_string();
    assert!(
        err.contains("[keys.panes]") && err.contains("line"),
        "{err}"
    );
    assert!(err.contains("add") && err.contains("quit"), "{err}");
    // Taking a key the defaults give another action.
    let err = with("[keys.panes]\nquit = \"x\"\n")
        .unwrap_err()
        .to_string();
    assert!(err.contains("done") && err.contains("line 2"), "{err}");
    for (text, says) in [
        ("[keys.panes]\nfly = \"f\"\n", "no such action"),
        ("[keys.nowhere]\nadd = \"+\"\n", "no such mode"),
        ("[keys.panes]\nadd = \"ctrl-\"\n", "not a key"),
        ("[keys.panes]\nadd = \"hyper-a\"\n", "not a key"),
        ("[keys.form]\nadd = \"+\"\n", "does nothing there"),
    ] {
        let err = with(text).unwrap_err().to_string();
        assert!(err.contains(says), "{text}: {err}");
    }
}

#[test]
fn keys_are_read_as_configs_write_them() {
    let cases = [
        ("+", KeyCode::Char('+'), KeyModifiers::NONE, "+"),
        ("。", KeyCode::Char('。'), KeyModifiers::NONE, "。"),
        ("ctrl-n", KeyCode::Char('n'), KeyModifiers::CONTROL, "C-n"),
        ("C-n", KeyCode::Char('n'), KeyModifiers::CONTROL, "C-n"),
        ("Enter", KeyCode::Enter, KeyModifiers::NONE, "Enter"),
        ("space", KeyCode::Char(' '), KeyModifiers::NONE, "Space"),
        ("shift-tab", KeyCode::BackTab, KeyModifiers::SHIFT, "S-Tab"),
        ("pgdn", KeyCode::PageDown, KeyModifiers::NONE, "PgDn"),
    ];
    for (text, code, mods, label) in cases {
        assert_eq!(
            parse_key(text),
            Some((code, mods, label.to_string())),
            "{text}"
        );
    }
    assert_eq!(parse_key(""), None);
    assert_eq!(parse_key("\u{1b}"), None);
}

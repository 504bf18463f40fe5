//! End-to-end: keys rebound in the config's `[keys.MODE]` tables drive the
//! dashboard and its footer, and a clashing binding stops it at start with
//! one line naming the config line.

#[path = "support/pty.rs"]
mod pty;

use pty::{Home, Key, WAIT};

#[test]
fn a_key_bound_in_the_config_adds_and_the_footer_names_it() {
    let home = Home::new();
    std::fs::write(home.config_path(), "[keys.panes]\nadd = \"+\"\n").unwrap();
    home.cli_ok(&["add", "logistics", "占位"]);
    let t = home.spawn(120, 40, &["--lang", "en"]);
    t.wait_for("Logistics", WAIT);
    t.wait_for("+ add", WAIT);
    assert!(!t.screen().contains(" a add"), "{}", t.screen());
    t.send("a"); // no longer add: nothing opens
    t.send("+");
    t.wait_for("Title", WAIT);
    t.send("配置键新增");
    t.wait_for("配置键新增", WAIT);
    t.send_key(Key::Enter);
    t.wait_for("saved L2", WAIT);
    assert_eq!(home.titles(), ["占位", "配置键新增"]);
    t.send("q");
}

/// Starts the dashboard with `config`: it must refuse, in one line on
/// stderr, having made nothing in the data dir. The line.
fn refused(config: &str) -> String {
    let home = Home::new();
    std::fs::write(home.config_path(), config).unwrap();
    let out = home.cli(&[]);
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr).into_owned();
    assert_eq!(err.trim().lines().count(), 1, "{err}");
    assert!(!home.data_dir().join("state.json").exists());
    err
}

#[test]
fn a_clashing_binding_is_refused_at_start_naming_its_line() {
    let err = refused("lang = \"en\"\n[keys.panes]\nadd = \"+\"\nquit = \"+\"\n");
    assert!(
        err.contains("[keys.panes]") && err.contains("line 3") && err.contains("quit"),
        "{err}"
    );
}

#[test]
fn a_refused_binding_is_said_in_chinese_when_the_config_asks_for_chinese() {
    let err = refused("lang = \"zh\"\n[keys.panes]\nadd = \"+\"\nquit = \"+\"\n");
    assert!(
        err.contains("配置文件") && err.contains("第 3 行") && err.contains("同时绑定"),
        "{err}"
    );
    assert!(!err.contains("cannot") && !err.contains("line"), "{err}");
}

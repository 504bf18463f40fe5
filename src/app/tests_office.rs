//! The spreadsheet keys: `X` writes the workbook, `I` imports a list as one
//! change that `u` undoes whole.

use std::os::unix::fs::PermissionsExt;

use ratatui::crossterm::event::KeyCode;

use super::workbook_name;
use crate::app::Overlay;
use crate::app::testing::{app, key, now, type_text};
use crate::i18n::Lang;
use crate::model::Kind;

fn docs(app: &crate::app::App) -> Vec<String> {
    let state = app.store.load().unwrap().state;
    state
        .items
        .iter()
        .filter(|i| i.kind == Kind::Document)
        .map(|i| i.title.clone())
        .collect()
}

#[test]
fn x_writes_the_registers_into_the_data_directory_and_says_where() {
    let (_d, mut app) = app(Lang::Zh, true);
    key(&mut app, KeyCode::Char('X'));
    let path = app.store.dir().join(workbook_name(now().date_naive()));
    let status = app.status.clone().unwrap();
    assert!(!status.error, "{}", status.text);
    assert_eq!(status.text, format!("电子表格已写入 {}", path.display()));
    assert_eq!(
        std::fs::metadata(&path).unwrap().permissions().mode() & 0o777,
        0o600
    );
    use calamine::Reader;
    let book: calamine::Xlsx<_> = calamine::open_workbook(&path).unwrap();
    assert!(book.sheet_names().contains(&"资料借阅登记表".to_string()));
}

#[test]
fn i_imports_a_list_into_the_focused_pane_and_u_undoes_all_of_it() {
    let (dir, mut app) = app(Lang::Zh, true);
    let before = docs(&app);
    let file = dir.path().join("清单.csv");
    std::fs::write(
        &file,
        "资料名称,提供单位,密级\n会议纪要汇编,党委办公室,内部\n车辆采购合同,办公室,秘密\n",
    )
    .unwrap();
    key(&mut app, KeyCode::Char('2'));
    key(&mut app, KeyCode::Char('I'));
    assert!(matches!(app.overlay, Overlay::Prompt(_)));
    type_text(&mut app, file.to_str().unwrap());
    key(&mut app, KeyCode::Enter);
    assert!(matches!(app.overlay, Overlay::None), "the prompt closes");
    assert_eq!(
        app.status.clone().unwrap().text,
        "已导入 2 项，跳过已有的 0 项"
    );
    let after = docs(&app);
    assert_eq!(after.len(), before.len() + 2);
    assert!(after.contains(&"车辆采购合同".to_string()));
    key(&mut app, KeyCode::Char('u'));
    assert_eq!(docs(&app), before, "one undo takes the whole import back");
}

#[test]
fn a_bad_file_keeps_the_prompt_with_the_cell_named_and_changes_nothing() {
    let (dir, mut app) = app(Lang::Zh, true);
    let before = app.store.load().unwrap().state;
    let file = dir.path().join("bad.csv");
    std::fs::write(
        &file,
        "资料名称,要求时间\n会议纪要汇编,2030-01-10\n车辆采购合同,不是日期\n",
    )
    .unwrap();
    key(&mut app, KeyCode::Char('2'));
    key(&mut app, KeyCode::Char('I'));
    type_text(&mut app, file.to_str().unwrap());
    key(&mut app, KeyCode::Enter);
    let Overlay::Prompt(p) = &app.overlay else {
        panic!("the prompt stays open");
    };
    let err = p.error.clone().unwrap();
    assert!(
        err.contains("第 3 行") && err.contains("B（要求时间）") && err.contains("不是日期"),
        "{err}"
    );
    assert_eq!(app.store.load().unwrap().state, before);
}

#[test]
fn a_workbook_left_in_the_data_directory_is_sealed_when_encryption_is_turned_on() {
    use crate::store::{KdfParams, Passphrase};
    let (_d, mut app) = app(Lang::Zh, true);
    key(&mut app, KeyCode::Char('X'));
    let path = app.store.dir().join(workbook_name(now().date_naive()));
    assert!(
        std::fs::read(&path).unwrap().starts_with(b"PK"),
        "a plain xlsx (a zip)"
    );
    app.store
        .encrypt(
            &Passphrase::new(b"correct horse".to_vec()),
            KdfParams::TEST_ONLY_CHEAP,
        )
        .unwrap();
    assert!(
        !std::fs::read(&path).unwrap().starts_with(b"PK"),
        "sealed with the rest"
    );
    key(&mut app, KeyCode::Char('X'));
    let status = app.status.clone().unwrap();
    assert!(
        status.error && status.text.contains("数据已加密"),
        "{}",
        status.text
    );
    assert!(
        !std::fs::read(&path).unwrap().starts_with(b"PK"),
        "no plain workbook again"
    );
}

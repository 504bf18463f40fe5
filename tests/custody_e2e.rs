//! End-to-end: a secret document taken through its custody from the
//! dashboard in a pseudo-terminal — receive, lend, back, lend again, back,
//! an extract, shred — with every prompt labelled, Esc changing nothing and
//! nothing closed without a confirmation.

#[path = "support/pty.rs"]
mod pty;

use pty::{Home, Key, Term, WAIT};
use serde_json::Value;

/// The custody log of `id`, from the command line beside the dashboard.
fn log(home: &Home, id: &str) -> Vec<Value> {
    let text = home.cli_ok(&["list", "--json", "--all"]);
    let list: Vec<Value> = serde_json::from_str(&text).unwrap();
    let item = list.into_iter().find(|i| i["id"] == id).unwrap();
    item["custody"].as_array().cloned().unwrap_or_default()
}

fn status(home: &Home, id: &str) -> String {
    let text = home.cli_ok(&["list", "--json", "--all"]);
    let list: Vec<Value> = serde_json::from_str(&text).unwrap();
    let item = list.into_iter().find(|i| i["id"] == id).unwrap();
    item["status"].as_str().unwrap().to_string()
}

/// Waits for `label` in the prompt, then types `text` (if any) and Enter.
fn answer(t: &Term, label: &str, text: &str) {
    t.wait_for(label, WAIT);
    if !text.is_empty() {
        t.send(text);
        t.wait_for(text, WAIT);
    }
    t.send_key(Key::Enter);
}

/// Presses Esc and waits for the prompt showing `gone` to close.
fn escape(t: &Term, gone: &str) {
    t.send_key(Key::Esc);
    t.wait_gone(gone, WAIT);
}

#[test]
fn a_secret_document_goes_through_its_custody_from_the_dashboard_naming_everyone() {
    let home = Home::new();
    std::fs::write(home.config_path(), "me = \"联络员小王\"\n").unwrap();
    let d = home
        .cli_ok(&[
            "add",
            "document",
            "信访举报件复印件",
            "--rule",
            "shred",
            "--class",
            "confidential",
        ])
        .trim()
        .to_string();
    let t = home.spawn(120, 40, &["--lang", "zh"]);
    t.wait_for("资料调阅", WAIT);
    t.send("2");
    // Receive: who handed it over, and who recorded it (the configured name
    // by default), in one box; one Enter records.
    t.send("x");
    t.wait_for("· 接收", WAIT);
    t.wait_for("经办人（可不填）", WAIT);
    answer(&t, "移交人（可不填）", "纪委办公室王五");
    t.wait_for("已登记接收", WAIT);
    // In hand: x offers the choices; Esc changes nothing.
    t.send("x");
    t.wait_for("1  借出", WAIT);
    assert!(
        t.screen().contains("2  按处置规定办结：销毁"),
        "{}",
        t.screen()
    );
    assert!(
        !t.screen().contains("--"),
        "a flag on screen:\n{}",
        t.screen()
    );
    escape(&t, "1  借出");
    assert_eq!(log(&home, &d).len(), 1);
    // A bare Enter on the choice picks nothing.
    t.send("x");
    t.wait_for("1  借出", WAIT);
    t.send_key(Key::Enter);
    t.wait_for("请输入 1 至 4 的序号", WAIT);
    escape(&t, "1  借出");
    // Lend, take back, lend again, take back.
    for (borrower, nth) in [("张三", 1), ("李四", 3)] {
        t.send("x");
        t.wait_for("1  借出", WAIT);
        t.send("1");
        t.wait_for("· 借出", WAIT);
        t.wait_for("应还时间（可不填）", WAIT);
        answer(&t, "借阅人", borrower);
        t.wait_for("已登记借出", WAIT);
        assert_eq!(log(&home, &d)[nth]["person"], borrower);
        t.send("x");
        t.wait_for("· 归还", WAIT);
        answer(&t, "交还人（可不填）", "");
        t.wait_for("已登记归还", WAIT);
        assert_eq!(
            log(&home, &d)[nth + 1]["person"],
            borrower,
            "back names the borrower"
        );
    }
    // An extract from the detail keeps the shred back until it is shredded.
    t.send_key(Key::Enter);
    t.wait_for("借阅登记簿 (2)", WAIT);
    t.send("C");
    t.wait_for("2  摘抄件", WAIT);
    t.send("2");
    answer(&t, "摘抄件 · 标题", "");
    t.wait_for("复印件及摘抄件 (1)", WAIT);
    let shred = |t: &Term| {
        t.send("x");
        t.wait_for("1  借出", WAIT);
        t.send("2");
        t.wait_for("· 销毁", WAIT);
        t.wait_for("审批人", WAIT);
        t.send("组长");
        t.wait_for("组长", WAIT);
        t.send_key(Key::Tab);
        answer(t, "监销人", "副组长");
        t.wait_for("确认登记以下步骤", WAIT);
        for shown in ["审批人：组长", "监销人：副组长", "经办人：联络员小王"]
        {
            assert!(t.screen().contains(shown), "{shown}:\n{}", t.screen());
        }
    };
    shred(&t);
    t.send_key(Key::Enter);
    t.wait_for("尚未办结", WAIT);
    assert_eq!(status(&home, &d), "in-progress");
    escape(&t, "确认登记以下步骤");
    let list: Vec<Value> = serde_json::from_str(&home.cli_ok(&["list", "--json"])).unwrap();
    let extract = list
        .iter()
        .find(|i| i["parent"] == d.as_str())
        .map(|i| i["id"].as_str().unwrap().to_string())
        .expect("the extract");
    home.cli_ok(&[
        "custody",
        &extract,
        "shred",
        "--approved-by",
        "组长",
        "--witness",
        "副组长",
    ]);
    // Confirmed, it closes; Esc on the confirmation had changed nothing.
    shred(&t);
    escape(&t, "确认登记以下步骤");
    assert_eq!(status(&home, &d), "in-progress");
    shred(&t);
    t.send_key(Key::Enter);
    t.wait_for("已登记销毁", WAIT);
    assert_eq!(status(&home, &d), "done");
    let last = log(&home, &d).last().cloned().unwrap();
    assert_eq!(
        (
            last["approved_by"].as_str(),
            last["witness"].as_str(),
            last["by"].as_str()
        ),
        (Some("组长"), Some("副组长"), Some("联络员小王"))
    );
    escape(&t, "窗格");
    t.send("o");
    t.wait_for("巡后清退：尚未清退", WAIT);
    t.wait_for("未办结资料：0，借出：0，未办结复印件及摘抄件：0", WAIT);
    t.send("q");
}

#[test]
fn the_prompts_are_labelled_in_english_too() {
    let home = Home::new();
    home.cli_ok(&["add", "document", "Ledgers", "--rule", "archive"]);
    let t = home.spawn(120, 40, &["--lang", "en"]);
    t.wait_for("Documents", WAIT);
    t.send("2");
    t.send("x");
    t.wait_for("· receive", WAIT);
    t.wait_for("recorded by (optional)", WAIT);
    answer(&t, "handed over by (optional)", "Finance clerk");
    t.wait_for("receive recorded", WAIT);
    t.send("x");
    t.wait_for("2  close by its rule: archive", WAIT);
    assert!(
        t.screen()
            .contains("3  return to the unit instead (asks for a reason)"),
        "{}",
        t.screen()
    );
    t.send("2");
    t.send_key(Key::Enter);
    t.wait_for("filed at is required", WAIT);
    t.send("Cabinet A");
    t.send_key(Key::Enter);
    t.wait_for("record this step?", WAIT);
    assert!(t.screen().contains("filed at: Cabinet A"), "{}", t.screen());
    t.send_key(Key::Enter);
    t.wait_for("archive recorded", WAIT);
    t.send("q");
}

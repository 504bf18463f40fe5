//! The office formats through the real binary: the exported workbook read
//! back with calamine and compared with `list --json`, its print settings
//! read from the workbook's XML, the sign-in sheet, CSV, and importing the
//! unit's list from xlsx and CSV, all or nothing.

#[path = "support/bin.rs"]
mod bin;

use std::fs;
use std::io::Read;
use std::os::unix::fs::PermissionsExt;
use std::path::Path;
use std::process::Output;

use calamine::{Data, Reader, Xlsx, open_workbook};
use liaison::i18n::{self, Lang};
use liaison::model::Class;
use rust_xlsxwriter::{ExcelDateTime, Format, Workbook};
use serde_json::Value;

fn run(data: &Path, args: &[&str]) -> Output {
    bin::liaison(data, bin::NOW).args(args).output().unwrap()
}

fn ok(data: &Path, args: &[&str]) -> String {
    let out = run(data, args);
    assert!(
        out.status.success(),
        "liaison {args:?} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

fn items(data: &Path) -> Vec<Value> {
    serde_json::from_str::<Vec<Value>>(&ok(
        data,
        &["list", "--json", "--all", "--include-confidential"],
    ))
    .unwrap()
}

fn of_kind<'a>(items: &'a [Value], kind: &str) -> Vec<&'a Value> {
    items.iter().filter(|i| i["kind"] == kind).collect()
}

fn s(v: &Value) -> String {
    v.as_str().unwrap_or_default().to_string()
}

/// Every sheet of a workbook as rows of text.
fn sheets(path: &Path) -> Vec<(String, Vec<Vec<String>>)> {
    let mut book: Xlsx<_> = open_workbook(path).unwrap();
    let names = book.sheet_names();
    names
        .into_iter()
        .map(|name| {
            let range = book.worksheet_range(&name).unwrap();
            let rows = range
                .rows()
                .map(|r| {
                    r.iter()
                        .map(|c| match c {
                            Data::String(s) => s.clone(),
                            Data::Empty => String::new(),
                            other => panic!("a cell that is not text: {other:?}"),
                        })
                        .collect()
                })
                .collect();
            (name, rows)
        })
        .collect()
}

fn sheet<'a>(all: &'a [(String, Vec<Vec<String>>)], name: &str) -> &'a [Vec<String>] {
    &all.iter().find(|(n, _)| n == name).unwrap().1
}

/// One file inside the xlsx (a zip).
fn part(xlsx: &Path, name: &str) -> String {
    let mut zip = zip::ZipArchive::new(fs::File::open(xlsx).unwrap()).unwrap();
    let mut text = String::new();
    zip.by_name(name)
        .unwrap()
        .read_to_string(&mut text)
        .unwrap();
    text
}

fn demo() -> (tempfile::TempDir, std::path::PathBuf) {
    let (root, data) = bin::data_dir();
    ok(&data, &["--lang", "zh", "demo"]);
    (root, data)
}

#[test]
fn every_sheet_of_the_exported_demo_reads_back_as_list_json_says() {
    let (root, data) = demo();
    let xlsx = root.path().join("registers.xlsx");
    ok(
        &data,
        &[
            "--lang",
            "zh",
            "export",
            "--format",
            "xlsx",
            "--out",
            xlsx.to_str().unwrap(),
        ],
    );
    assert_eq!(
        fs::metadata(&xlsx).unwrap().permissions().mode() & 0o777,
        0o600
    );
    let all = sheets(&xlsx);
    let names: Vec<&str> = all.iter().map(|(n, _)| n.as_str()).collect();
    assert_eq!(
        names,
        [
            "资料登记表",
            "资料借阅登记表",
            "销毁清册",
            "谈话安排表",
            "后勤保障",
            "候补任务"
        ]
    );
    let items = items(&data);

    let docs = of_kind(&items, "document");
    let reg = sheet(&all, "资料登记表");
    assert_eq!(reg[0][..4], ["编号", "资料名称", "提供单位", "密级"]);
    assert_eq!(reg.len() - 1, docs.len());
    for row in &reg[1..] {
        let d = docs.iter().find(|d| d["id"] == row[0].as_str()).unwrap();
        let class: Class = s(&d["class"]).parse().unwrap();
        let want = [s(&d["id"]), s(&d["title"]), s(&d["from"])];
        assert_eq!(row[..3], want);
        assert_eq!(row[3], i18n::class(Lang::Zh, class));
    }

    let lends: Vec<(String, String)> = docs
        .iter()
        .flat_map(|d| {
            d["custody"]
                .as_array()
                .cloned()
                .unwrap_or_default()
                .into_iter()
                .filter_map(move |e| {
                    (e["action"] == "lend").then(|| (s(&d["id"]), s(&e["person"])))
                })
        })
        .collect();
    let loans = sheet(&all, "资料借阅登记表");
    assert!(
        loans[0].contains(&"借阅人签字".to_string())
            && loans[0].contains(&"经办人签字".to_string())
    );
    assert!(!lends.is_empty(), "the demo lends documents");
    assert_eq!(loans.len() - 1, lends.len());
    let mut got: Vec<(String, String)> = loans[1..]
        .iter()
        .map(|r| {
            assert_eq!(
                (r[7].as_str(), r[8].as_str()),
                ("", ""),
                "signatures are blank"
            );
            let id = r[1].rsplit(['（', '）']).nth(1).unwrap_or_default();
            (id.to_string(), r[3].clone())
        })
        .collect();
    let mut lends = lends;
    got.sort();
    lends.sort();
    assert_eq!(got, lends);

    let shreds = docs
        .iter()
        .flat_map(|d| d["custody"].as_array().cloned().unwrap_or_default())
        .filter(|e| e["action"] == "shred")
        .count();
    assert_eq!(sheet(&all, "销毁清册").len() - 1, shreds);

    let talks: Vec<String> = of_kind(&items, "meeting")
        .into_iter()
        .filter(|m| m["type"] == "interview")
        .map(|m| s(&m["title"]))
        .collect();
    let schedule: Vec<String> = sheet(&all, "谈话安排表")[1..]
        .iter()
        .map(|r| r[2].clone())
        .collect();
    assert_eq!(schedule, talks);

    for (name, kind) in [("后勤保障", "logistics"), ("候补任务", "substitute")] {
        let mut want: Vec<(String, String)> = of_kind(&items, kind)
            .iter()
            .map(|i| (s(&i["id"]), s(&i["title"])))
            .collect();
        let mut got: Vec<(String, String)> = sheet(&all, name)[1..]
            .iter()
            .map(|r| (r[0].clone(), r[1].clone()))
            .collect();
        want.sort();
        got.sort();
        assert_eq!(got, want, "{name}");
    }
}

#[test]
fn each_sheet_prints_as_an_a4_landscape_form_with_its_header_on_every_page() {
    let (root, data) = demo();
    let xlsx = root.path().join("r.xlsx");
    ok(
        &data,
        &[
            "--lang",
            "zh",
            "export",
            "--format",
            "xlsx",
            "--sheets",
            "loans,documents",
            "--out",
            xlsx.to_str().unwrap(),
        ],
    );
    let book = part(&xlsx, "xl/workbook.xml");
    assert!(book.contains("<sheet name=\"资料借阅登记表\""), "{book}");
    assert!(
        book.contains("<sheet name=\"资料登记表\""),
        "--sheets keeps their order"
    );
    assert!(!book.contains("销毁清册"), "only the sheets asked for");
    assert!(
        book.contains("_xlnm.Print_Titles") && book.contains("$1:$1"),
        "{book}"
    );
    let ws = part(&xlsx, "xl/worksheets/sheet1.xml");
    for want in [
        "orientation=\"landscape\"",
        "paperSize=\"9\"",
        "fitToPage=\"1\"",
        "fitToHeight=\"0\"",
        "gridLines=\"1\"",
        "某市交通运输集团巡察",
        "&amp;P",
        "校验 D",
    ] {
        assert!(ws.contains(want), "no {want} in {ws}");
    }
    assert!(!ws.contains("<f>"), "no cell is a formula");
    // The borrower column is as wide as its Chinese text, not its bytes.
    assert!(ws.contains("<cols>"), "column widths are set");
}

#[test]
fn a_sign_in_sheet_has_one_row_per_attendee() {
    let (root, data) = demo();
    let items = items(&data);
    let m = of_kind(&items, "meeting")
        .into_iter()
        .find(|m| m["attendees"].as_array().is_some_and(|a| a.len() >= 2))
        .unwrap();
    let xlsx = root.path().join("s.xlsx");
    ok(
        &data,
        &[
            "--lang",
            "zh",
            "export",
            "--format",
            "xlsx",
            "--sign-in",
            &s(&m["id"]),
            "--out",
            xlsx.to_str().unwrap(),
        ],
    );
    let all = sheets(&xlsx);
    assert_eq!(all.len(), 1);
    let rows = &all[0].1;
    assert_eq!(rows[0][..2], ["会议名称".to_string(), s(&m["title"])]);
    let head = rows
        .iter()
        .position(|r| r.contains(&"签到".to_string()))
        .unwrap();
    let attendees: Vec<String> = m["attendees"].as_array().unwrap().iter().map(s).collect();
    let named: Vec<String> = rows[head + 1..]
        .iter()
        .map(|r| r[1].clone())
        .filter(|n| !n.is_empty())
        .collect();
    assert_eq!(named, attendees);
    assert!(rows.len() > head + 1 + attendees.len(), "room for walk-ins");
    let refused = run(
        &data,
        &[
            "--lang",
            "zh",
            "export",
            "--format",
            "xlsx",
            "--sign-in",
            "D1",
            "--out",
            "x.xlsx",
        ],
    );
    assert!(!refused.status.success());
    assert!(String::from_utf8_lossy(&refused.stderr).contains("不是会议"));
}

#[test]
fn a_csv_export_starts_with_a_byte_order_mark() {
    let (root, data) = demo();
    let csv = root.path().join("d.csv");
    ok(
        &data,
        &[
            "--lang",
            "zh",
            "export",
            "--format",
            "csv",
            "--kind",
            "document",
            "--out",
            csv.to_str().unwrap(),
        ],
    );
    let bytes = fs::read(&csv).unwrap();
    assert!(bytes.starts_with(b"\xEF\xBB\xBF"));
    let text = String::from_utf8(bytes[3..].to_vec()).unwrap();
    assert!(text.starts_with("编号,资料名称,提供单位"), "{text}");
    assert_eq!(
        text.lines().count() - 1,
        of_kind(&items(&data), "document").len()
    );
}

/// The unit's 调阅清单 as an office program saves it: a title line above
/// the header, synonyms for the columns, a real date cell and a Chinese date.
fn unit_list(path: &Path, extra: &[[&str; 6]]) {
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet();
    ws.set_name("调阅清单").unwrap();
    ws.write_string(0, 0, "某集团巡察资料调阅清单").unwrap();
    for (c, h) in ["序号", "材料名称", "部门", "密级", "阅后", "期限", "备注"]
        .iter()
        .enumerate()
    {
        ws.write_string(1, c as u16, *h).unwrap();
    }
    let rows = [
        [
            "2024年度财务决算报告",
            "财务部",
            "内部",
            "阅后即还",
            "",
            "=",
        ],
        [
            "工程招投标资料（二标段）",
            "工程管理部",
            "secret",
            "return",
            "2030年1月11日",
            "含评标记录",
        ],
        [
            "信访举报件复印件",
            "纪委办公室",
            "机密",
            "阅后即碎",
            "2030-01-12",
            "",
        ],
    ];
    let date = Format::new().set_num_format("yyyy-mm-dd");
    for (r, row) in rows.iter().chain(extra).enumerate() {
        let r = r as u32 + 2;
        ws.write_number(r, 0, (r - 1) as f64).unwrap();
        for (c, v) in row.iter().enumerate() {
            let c = c as u16 + 1;
            if c == 5 && v.is_empty() {
                let d = ExcelDateTime::from_ymd(2030, 1, 10).unwrap();
                ws.write_datetime_with_format(r, c, &d, &date).unwrap();
            } else if !v.is_empty() && *v != "=" {
                ws.write_string(r, c, *v).unwrap();
            }
        }
    }
    wb.save(path).unwrap();
}

fn store_with_one_item() -> (tempfile::TempDir, std::path::PathBuf) {
    let (root, data) = bin::data_dir();
    ok(&data, &["add", "logistics", "占位"]);
    (root, data)
}

fn state_bytes(data: &Path) -> Vec<u8> {
    fs::read(data.join(liaison::store::STATE_FILE)).unwrap()
}

#[test]
fn the_units_list_imports_with_chinese_headers_synonyms_and_date_cells() {
    let (root, data) = store_with_one_item();
    let file = root.path().join("调阅清单.xlsx");
    unit_list(&file, &[]);
    let out = run(&data, &["--lang", "zh", "import", file.to_str().unwrap()]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(String::from_utf8_lossy(&out.stderr).contains("已导入 3 项"));
    let listed = items(&data);
    let docs = of_kind(&listed, "document");
    assert_eq!(docs.len(), 3);
    let by = |t: &str| docs.iter().find(|d| d["title"] == t).unwrap();
    let a = by("2024年度财务决算报告");
    assert_eq!(
        (s(&a["from"]), s(&a["class"]), s(&a["rule"])),
        ("财务部".into(), "internal".into(), "return".into())
    );
    assert!(
        s(&a["due"]).starts_with("2030-01-10T"),
        "a date cell: {}",
        a["due"]
    );
    let b = by("工程招投标资料（二标段）");
    assert_eq!(s(&b["class"]), "secret");
    assert!(
        s(&b["due"]).starts_with("2030-01-11T"),
        "a Chinese date: {}",
        b["due"]
    );
    assert_eq!(s(&b["notes"][0]["text"]), "含评标记录");
    let c = by("信访举报件复印件");
    assert_eq!(
        (s(&c["class"]), s(&c["rule"])),
        ("confidential".into(), "shred".into())
    );

    // Again: every row is already there, so nothing is added.
    let again = run(&data, &["import", file.to_str().unwrap()]);
    assert!(again.status.success());
    assert!(String::from_utf8_lossy(&again.stderr).contains("imported 0 items, skipped 3"));
    assert_eq!(of_kind(&items(&data), "document").len(), 3);
}

#[test]
fn a_file_with_one_bad_date_is_refused_whole_and_names_the_cell() {
    let (root, data) = store_with_one_item();
    let file = root.path().join("bad.xlsx");
    unit_list(
        &file,
        &[["会议纪要", "党委办公室", "内部", "阅后即存", "不是日期", ""]],
    );
    let before = state_bytes(&data);
    for lang in ["en", "zh"] {
        let out = run(&data, &["--lang", lang, "import", file.to_str().unwrap()]);
        assert!(!out.status.success());
        let err = String::from_utf8(out.stderr).unwrap();
        assert_eq!(err.lines().count(), 1, "{err}");
        let want = if lang == "zh" {
            "表“调阅清单”第 6 行“F（期限）”列：“不是日期”不是有效日期"
        } else {
            "sheet '调阅清单', row 6, column 'F (期限)': '不是日期' is not a date"
        };
        assert!(err.contains(want), "{err}");
    }
    assert_eq!(state_bytes(&data), before, "the state is byte-identical");
}

#[test]
fn a_dry_run_lists_what_would_be_added_and_writes_nothing() {
    let (root, data) = store_with_one_item();
    let file = root.path().join("list.xlsx");
    unit_list(&file, &[]);
    let before = state_bytes(&data);
    let out = ok(&data, &["import", file.to_str().unwrap(), "--dry-run"]);
    assert_eq!(
        out.lines().filter(|l| l.starts_with("+ ")).count(),
        3,
        "{out}"
    );
    assert!(
        out.contains("+ 调阅清单 row 5: 信访举报件复印件 · 纪委办公室"),
        "{out}"
    );
    let zh = ok(
        &data,
        &[
            "--lang",
            "zh",
            "import",
            file.to_str().unwrap(),
            "--dry-run",
        ],
    );
    assert!(
        zh.contains("+ 调阅清单 第 5 行：信访举报件复印件 · 纪委办公室"),
        "{zh}"
    );
    assert_eq!(state_bytes(&data), before);
}

#[test]
fn csv_lists_import_from_gb18030_and_from_utf8_with_a_bom() {
    let (root, data) = store_with_one_item();
    let text = "资料名称,提供单位,密级,处置方式\n干部选拔任用档案,组织人事部,秘密,阅后即还\n";
    let (gb, _, _) = encoding_rs::GB18030.encode(text);
    let gb_file = root.path().join("gb.csv");
    fs::write(&gb_file, &gb).unwrap();
    ok(&data, &["import", gb_file.to_str().unwrap()]);
    let bom_file = root.path().join("bom.csv");
    let bom = "\u{feff}名称,来源,密级\n=HYPERLINK(\"http://x\"),办公室,公开\n";
    fs::write(&bom_file, bom).unwrap();
    ok(&data, &["import", bom_file.to_str().unwrap()]);
    let items = items(&data);
    let docs = of_kind(&items, "document");
    assert_eq!(docs.len(), 2);
    assert_eq!(
        (s(&docs[0]["title"]), s(&docs[0]["from"])),
        ("干部选拔任用档案".into(), "组织人事部".into())
    );
    assert_eq!(s(&docs[1]["title"]), "=HYPERLINK(\"http://x\")");
    // Exported, the hostile title stays text.
    let xlsx = root.path().join("out.xlsx");
    ok(
        &data,
        &[
            "export",
            "--format",
            "xlsx",
            "--sheets",
            "documents",
            "--out",
            xlsx.to_str().unwrap(),
        ],
    );
    let ws = part(&xlsx, "xl/worksheets/sheet1.xml");
    assert!(!ws.contains("<f>"), "{ws}");
    assert!(
        sheets(&xlsx)[0]
            .1
            .iter()
            .any(|r| r[1] == "=HYPERLINK(\"http://x\")")
    );
}

#[test]
fn a_list_saved_by_libreoffice_as_xlsx_or_xls_imports_with_its_date_cells() {
    // Both files were saved by LibreOffice Calc 7.4 from the same list; the
    // 要求时间 column holds date cells, 份数 a number that is ignored.
    for name in ["unit-list-libreoffice.xlsx", "unit-list-libreoffice.xls"] {
        let (_root, data) = store_with_one_item();
        let file = Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures")
            .join(name);
        let out = ok(&data, &["import", file.to_str().unwrap()]);
        assert_eq!(out.lines().count(), 4, "{name}: {out}");
        let listed = items(&data);
        let docs = of_kind(&listed, "document");
        let titles: Vec<String> = docs.iter().map(|d| s(&d["title"])).collect();
        assert!(
            titles.contains(&"党委会会议记录（2023—2025年）".to_string()),
            "{name}: {titles:?}"
        );
        let d = docs
            .iter()
            .find(|d| d["title"] == "党委会会议记录（2023—2025年）")
            .unwrap();
        assert_eq!(
            (s(&d["rule"]), s(&d["from"])),
            ("archive".into(), "党委办公室".into())
        );
        assert!(
            s(&d["due"]).starts_with("2030-01-15T"),
            "{name}: {}",
            d["due"]
        );
    }
}

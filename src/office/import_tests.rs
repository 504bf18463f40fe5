use super::*;
use crate::model::testing::now;
use crate::model::{Class, MeetingType, Rule};

fn table(rows: &[&[&str]]) -> Table {
    Table {
        name: "调阅清单".into(),
        rows: rows
            .iter()
            .map(|r| {
                r.iter()
                    .map(|c| {
                        if c.is_empty() {
                            Cell::Empty
                        } else {
                            Cell::Text(c.to_string())
                        }
                    })
                    .collect()
            })
            .collect(),
    }
}

#[test]
fn the_header_row_is_found_below_a_title_line_and_rows_become_documents() {
    let t = table(&[
        &["某集团巡察资料调阅清单"],
        &[],
        &["序号", "名称", "来源", "密级", "处置方式", "份数"],
        &[
            "1",
            "近三年财务收支明细账",
            "财务部",
            "秘密",
            "阅后即碎",
            "2",
        ],
        &[],
        &["2", "党委会会议记录", "党委办公室", "", "", ""],
    ]);
    let rows = parse(&[t], Kind::Document, now(), Lang::Zh).unwrap();
    assert_eq!(rows.len(), 2, "the blank row is skipped");
    assert_eq!((rows[0].row, rows[1].row), (4, 6));
    let a = &rows[0].item;
    assert_eq!(a.from.as_deref(), Some("财务部"));
    assert_eq!((a.class, a.rule), (Some(Class::Secret), Some(Rule::Shred)));
    let b = &rows[1].item;
    assert_eq!(
        (b.class, b.rule),
        (Some(Class::Internal), Some(Rule::Return)),
        "defaults"
    );
}

#[test]
fn a_bad_value_names_its_sheet_row_column_and_value() {
    let t = table(&[
        &["资料名称", "密级"],
        &["财务明细账", "内部"],
        &["信访件", "绝密"],
    ]);
    let err = parse(&[t], Kind::Document, now(), Lang::En).unwrap_err();
    assert_eq!(
        err.say(Lang::En, "list.xlsx"),
        "sheet '调阅清单', row 3, column 'B (密级)': '绝密' is not one of public, internal, \
         secret, confidential; nothing was imported"
    );
    let t = table(&[
        &["资料名称", "密级"],
        &["信访件", "内部"],
        &["信访件", "绝密"],
    ]);
    let err = parse(&[t], Kind::Document, now(), Lang::Zh).unwrap_err();
    assert_eq!(
        err.say(Lang::Zh, "list.xlsx"),
        "表“调阅清单”第 3 行“B（密级）”列：“绝密”不在可选值之内（公开、内部、秘密、机密），未导入任何内容"
    );
}

#[test]
fn a_row_without_a_title_or_a_value_for_another_kind_is_refused() {
    let t = table(&[&["资料名称", "提供单位"], &["", "财务部"]]);
    let err = parse(&[t], Kind::Document, now(), Lang::En).unwrap_err();
    assert!(
        matches!(
            err,
            ImportError::Cell {
                row: 2,
                reason: Reason::Title,
                ..
            }
        ),
        "{err:?}"
    );
    let t = table(&[&["名称", "密级"], &["订房", "秘密"]]);
    let err = parse(&[t], Kind::Logistics, now(), Lang::En).unwrap_err();
    assert!(
        matches!(
            err,
            ImportError::Cell {
                reason: Reason::NotForKind,
                ..
            }
        ),
        "{err:?}"
    );
    let t = table(&[&["序号", "备注"], &["1", "x"]]);
    assert_eq!(
        parse(&[t], Kind::Document, now(), Lang::En),
        Err(ImportError::NoHeader)
    );
}

#[test]
fn a_meeting_list_reads_time_place_type_and_attendees() {
    let t = table(&[
        &["会议名称", "时间", "地点", "类别", "参加人员"],
        &[
            "个别谈话：财务部负责人",
            "2026-11-26 14:30",
            "谈话室",
            "个别谈话",
            "组长、联络员",
        ],
    ]);
    let rows = parse(&[t], Kind::Meeting, now(), Lang::Zh).unwrap();
    let m = &rows[0].item;
    assert_eq!(m.meeting_type, Some(MeetingType::Interview));
    assert_eq!(m.attendees, ["组长", "联络员"]);
    assert_eq!(m.place.as_deref(), Some("谈话室"));
    let start = m.start.unwrap();
    assert_eq!(
        start.format("%Y-%m-%d %H:%M").to_string(),
        "2026-11-26 14:30"
    );
    assert_eq!(m.end, Some(start + chrono::Duration::hours(1)));
}

#[test]
fn rows_already_there_or_twice_in_the_file_are_skipped_and_apply_adds_all() {
    let mut state = State::default();
    let mut known = Item::new(Kind::Document, "财务明细账", now());
    known.from = Some("财务部".into());
    state.add(known).unwrap();
    let t = table(&[
        &["资料名称", "提供单位"],
        &["财务明细账", "财务部"],
        &["财务明细账", "审计部"],
        &["信访件", ""],
        &["信访件", ""],
    ]);
    let rows = parse(&[t], Kind::Document, now(), Lang::Zh).unwrap();
    let p = plan(&state, rows);
    let added: Vec<(usize, &str)> = p
        .add
        .iter()
        .map(|a| (a.row, a.item.title.as_str()))
        .collect();
    assert_eq!(
        added,
        [(3, "财务明细账"), (4, "信访件")],
        "another source is another document"
    );
    assert_eq!(p.skip.len(), 2);
    let ids = apply(&mut state, &p).unwrap();
    assert_eq!(ids, ["D2", "D3"]);
    assert_eq!(state.items.len(), 3);
}

#[test]
fn cells_read_as_text_dates_and_whole_numbers() {
    let d = chrono::NaiveDate::from_ymd_opt(2030, 1, 10).unwrap();
    assert_eq!(
        Cell::Date(d.and_hms_opt(0, 0, 0).unwrap()).text(),
        "2030-01-10"
    );
    assert_eq!(
        Cell::Date(d.and_hms_opt(9, 30, 0).unwrap()).text(),
        "2030-01-10 09:30"
    );
    assert_eq!(Cell::Number(3.0).text(), "3");
    assert_eq!(Cell::Number(2.5).text(), "2.5");
    assert_eq!(letter(0), "A");
    assert_eq!(letter(25), "Z");
    assert_eq!(letter(26), "AA");
}

#[test]
fn a_refused_value_with_terminal_escapes_is_shown_not_obeyed() {
    let t = table(&[&["资料名称", "密级"], &["信访件", "\u{1b}]52;c;aGk=\u{7}"]]);
    let line = parse(&[t], Kind::Document, now(), Lang::En)
        .unwrap_err()
        .say(Lang::En, "x.csv");
    assert!(
        !line.contains('\u{1b}') && line.contains("\\x1b]52"),
        "{line}"
    );
}

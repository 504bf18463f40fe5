//! The leader's brief and the Markdown export, built from a fixed inspection
//! at a fixed clock: golden files, confidentiality, structure.
//!
//! After an intended change of wording, rewrite the golden files with
//! `LIAISON_UPDATE_GOLDEN=1 cargo test --test brief` and read the diff.

mod fixture;

use std::fs;
use std::path::Path;

use fixture::*;
use liaison::i18n::{self, Lang, T};
use liaison::report;

fn golden(name: &str, got: &str) {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/golden")
        .join(name);
    if std::env::var_os("LIAISON_UPDATE_GOLDEN").is_some() {
        fs::create_dir_all(path.parent().unwrap()).unwrap();
        fs::write(&path, got).unwrap();
    }
    let want = fs::read_to_string(&path).unwrap_or_default();
    assert!(
        got == want,
        "{name} differs from the golden file; the brief now reads:\n{got}"
    );
}

#[test]
fn the_brief_matches_the_golden_files_in_english_and_chinese() {
    let s = fixture();
    golden(
        "brief.en.md",
        &report::brief(&s, today(), now(), Lang::En, false),
    );
    golden(
        "brief.zh.md",
        &report::brief(&s, today(), now(), Lang::Zh, false),
    );
}

#[test]
fn confidential_notes_show_only_when_asked_for() {
    let s = fixture();
    let hidden = [
        SECRET_NOTE,
        SECRET_CUSTODY_NOTE,
        CONFIDENTIAL_NOTE,
        CONFIDENTIAL_REASON,
    ];
    for lang in [Lang::En, Lang::Zh] {
        for text in [
            report::brief(&s, today(), now(), lang, false),
            report::export(&s, now(), lang, false),
        ] {
            for h in hidden {
                assert!(!text.contains(h), "{h} leaked:\n{text}");
            }
            // The documents themselves still show, with their class.
            for title in [
                "工程项目招投标资料（高速养护二标段）",
                "干部选拔任用档案（2024年）",
            ] {
                assert!(text.contains(title), "{title} missing:\n{text}");
            }
            let secret = if lang == Lang::En { "secret" } else { "秘密" };
            assert!(text.contains(secret));
        }
        // The brief has the day's notes; the export every note and reason.
        let brief = report::brief(&s, today(), now(), lang, true);
        for h in [SECRET_NOTE, SECRET_CUSTODY_NOTE] {
            assert!(brief.contains(h), "{h} missing with the flag:\n{brief}");
        }
        let export = report::export(&s, now(), lang, true);
        for h in hidden {
            assert!(export.contains(h), "{h} missing with the flag:\n{export}");
        }
    }
}

#[test]
fn the_export_has_every_item_note_and_custody_step() {
    let s = fixture();
    for lang in [Lang::En, Lang::Zh] {
        let md = report::export(&s, now(), lang, true);
        for item in &s.items {
            let (id, title) = (format!("- `{}` ", item.id), report::md::text(&item.title));
            assert_eq!(
                md.lines()
                    .filter(|l| l.starts_with(&id) && l.contains(&title))
                    .count(),
                1,
                "{} is not listed once:\n{md}",
                item.id
            );
            for n in &item.notes {
                assert!(md.contains(&report::md::text(&n.text)), "{n:?}");
            }
        }
        let steps: usize = s.items.iter().map(|i| i.custody.len()).sum();
        let log = format!("## {}\n\n", i18n::tr(lang, T::CustodyTitle));
        let log = md
            .split_once(&log)
            .unwrap()
            .1
            .split("\n## ")
            .next()
            .unwrap();
        assert_eq!(log.lines().count(), steps, "{log}");
        for n in &s.inbox {
            assert!(md.contains(&report::md::text(&n.text)));
        }
    }
}

#[test]
fn every_line_is_a_heading_a_list_item_a_paragraph_or_blank() {
    let s = fixture();
    for text in [
        report::brief(&s, today(), now(), Lang::Zh, true),
        report::export(&s, now(), Lang::En, true),
    ] {
        assert!(text.ends_with('\n') && !text.ends_with("\n\n"));
        let lines: Vec<&str> = text.lines().collect();
        assert!(lines[0].starts_with("# "));
        for (i, l) in lines.iter().enumerate() {
            if l.starts_with('#') {
                assert!(
                    l.starts_with("## ") || l.starts_with("### ") || i == 0,
                    "{l}"
                );
                assert_eq!(lines.get(i + 1), Some(&""), "no blank after {l}");
            }
            // User text never opens a block of its own.
            assert!(!l.starts_with("- -") && !l.starts_with("- #"), "{l}");
        }
        // The hostile title reads as typed, escaped.
        assert!(text.contains(r"\- 领取办公用品 \| 碎纸机 \*1台\*、U盘\_加密\_ \#2"));
    }
}

#[test]
fn a_brief_for_another_day_has_that_days_meetings() {
    let s = fixture();
    let tomorrow = today().succ_opt().unwrap();
    let md = report::brief(&s, tomorrow, now(), Lang::Zh, false);
    assert!(
        md.starts_with("# 工作简报：2026年11月26日 星期四\n"),
        "{md}"
    );
    assert!(md.contains("`M3` 09:00—12:00 下沉调研：某收费站"), "{md}");
    assert!(!md.contains("巡察工作动员会"));
}

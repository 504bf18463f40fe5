//! The texts of the spreadsheet forms, the CSV export and the import: sheet
//! names, column heads, footers and the import's messages, each in English
//! and Chinese (kept apart from `texts.rs` so that table stays readable).

use super::Lang;

text_table! {
    /// A text of the office formats.
    O {
        // Sheet names (at most 31 characters, none of []:*?/\).
        SheetDocuments => "Document register", "资料登记表";
        SheetLoans => "Loan register", "资料借阅登记表";
        SheetDestruction => "Destruction list", "销毁清册";
        SheetInterviews => "Interview schedule", "谈话安排表";
        SheetLogistics => "Logistics", "后勤保障";
        SheetSubstitutes => "Substitutes", "候补任务";
        SheetSignIn => "Sign-in sheet", "会议签到表";
        // Column heads.
        ColNumber => "No.", "编号";
        ColSeq => "No.", "序号";
        ColTitle => "Title", "资料名称";
        ColDocument => "Document", "资料名称及编号";
        ColFrom => "Source unit", "提供单位";
        ColClass => "Class", "密级";
        ColRule => "After reading", "处置方式";
        ColReceived => "Received", "接收时间";
        ColStage => "Stage", "状态";
        ColHolder => "Holder", "持有人";
        ColClosedHow => "Closed by", "结束方式";
        ColClosedAt => "Closed at", "结束时间";
        ColNotes => "Notes", "备注";
        ColBorrower => "Borrower", "借阅人";
        ColLentAt => "Lent at", "借阅时间";
        ColDueBack => "Due back", "应还时间";
        ColReturnedAt => "Returned at", "归还时间";
        ColSignBorrower => "Borrower's signature", "借阅人签字";
        ColSignKeeper => "Keeper's signature", "经办人签字";
        ColApprovedBy => "Approved by", "审批人";
        ColWitness => "Witness", "监销人";
        ColShredAt => "Destroyed at", "销毁时间";
        ColSignApprover => "Approver's signature", "审批人签字";
        ColSignWitness => "Witness's signature", "监销人签字";
        ColTime => "Time", "时间";
        ColPlace => "Place", "地点";
        ColInterviewee => "Interviewee (title)", "谈话对象（职务）";
        ColInterviewers => "Interviewers", "谈话人";
        ColRecorder => "Recorder", "记录人";
        ColType => "Type", "类别";
        ColTask => "Task", "事项";
        ColCategory => "Category", "类别";
        ColStatus => "Status", "状态";
        ColPriority => "Priority", "优先级";
        ColDue => "Due", "期限";
        ColContact => "Contact", "联系人";
        ColSection => "For section", "版块";
        ColStart => "Start", "开始";
        ColEnd => "End", "结束";
        ColHandback => "Hand-back", "交回说明";
        ColName => "Name", "姓名";
        ColUnit => "Unit / title", "单位/职务";
        ColSignature => "Signature", "签到";
        SignMeeting => "Meeting", "会议名称";
        NotesWithheld => "{} notes withheld", "已略去 {} 条备注";
        // Page header and footer (`&P` and `&N` are the page number and count).
        FooterPages => "Page &P of &N", "第 &P 页 共 &N 页";
        FooterCheck => "check {}", "校验 {}";
        // Export messages.
        ErrXlsxNeedsFile => "a workbook is not written to the terminal: give --out FILE.xlsx", "电子表格不能输出到终端，请指定要写入的文件";
        ErrUnknownSheet => "no sheet '{}'; choose from {}", "没有名为“{}”的表；可选：{}";
        ErrNotMeeting => "'{}' is not a meeting", "“{}”不是会议";
        ErrCsvNeedsKind => "a CSV export is one list: give --kind with one of {}", "CSV 只能导出一张表，请指明要导出哪一张：{}";
        ErrWrite => "cannot write {}: {}", "无法写入 {}：{}";
        ErrXlsxBuild => "cannot build the workbook: {}", "无法生成电子表格：{}";
        // Import.
        ErrImportRead => "cannot read {}: {}", "无法读取 {}：{}";
        ErrImportMissing => "{} does not exist", "{} 不存在";
        ReasonUnreadable => "damaged, or not a spreadsheet", "文件已损坏或不是表格";
        ErrImportType => "{} is not a spreadsheet liaison reads (xlsx, xls or csv)", "{} 不是可以读取的表格文件（xlsx、xls 或 csv）";
        ErrImportEncoding => "{}: the text is neither UTF-8 nor GB18030; nothing was imported", "{}：文本编码既不是 UTF-8 也不是 GB18030，未导入任何内容";
        ErrImportNoHeader => "{}: no header row with a title column (title, 资料名称, 名称…); nothing was imported", "{}：找不到含“资料名称”（或“名称”“材料名称”）列的表头行，未导入任何内容";
        ErrImportCell => "sheet '{}', row {}, column '{}': '{}' {}; nothing was imported", "表“{}”第 {} 行“{}”列：“{}”{}，未导入任何内容";
        ReasonDate => "is not a date", "不是有效日期";
        ReasonChoice => "is not one of {}", "不在可选值之内（{}）";
        ReasonNotForKind => "does not apply to this kind of item", "不适用于这类事项";
        ReasonTitle => "leaves the title empty", "缺少名称";
        ReasonRefused => "is refused: {}", "被拒绝：{}";
        ImportDone => "imported {} items, skipped {} already there", "已导入 {} 项，跳过已有的 {} 项";
        ImportDry => "would import {} items and skip {} already there (a dry run: nothing was written)", "将导入 {} 项，跳过已有的 {} 项（试运行，未写入任何内容）";
        ImportRow => "{} row {}: {}", "{} 第 {} 行：{}";
        ImportLineAdd => "+ {}", "+ {}";
        ImportLineSkip => "= {} (already there)", "= {}（已有）";
        // The dashboard.
        WorkbookWritten => "workbook written to {}", "电子表格已写入 {}";
        WorkbookSealed => "the data is encrypted, so no plain workbook is written into it; export it from the command line to a file of your choice", "数据已加密，不会在数据目录中写入明文表格；请在命令行中导出到指定文件";
        AskImport => "Import which file (xlsx, xls or csv)?", "导入哪个文件（xlsx、xls 或 csv）？";
    }
}

/// The text of `key` in `lang` (as [`super::tr`] gives any table's).
pub fn ot(lang: Lang, key: O) -> &'static str {
    super::tr(lang, key)
}

/// The text of `key` with each `{}` replaced by the next argument.
pub fn otf(lang: Lang, key: O, args: &[&dyn std::fmt::Display]) -> String {
    super::trf(lang, key, args)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Text;

    #[test]
    fn every_office_text_has_both_languages_with_the_same_placeholders() {
        for key in O::ALL {
            assert!(!key.en().trim().is_empty(), "{key:?} has no English");
            assert!(!key.zh().trim().is_empty(), "{key:?} has no Chinese");
            assert_eq!(
                key.en().matches("{}").count(),
                key.zh().matches("{}").count(),
                "{key:?} placeholders differ"
            );
        }
    }

    #[test]
    fn chinese_office_texts_are_translated_and_name_no_flags() {
        for key in O::ALL {
            let zh = key.zh();
            let cjk = zh.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c));
            let letters = zh.chars().any(|c| c.is_ascii_alphabetic());
            assert!(cjk || !letters, "{key:?} looks untranslated: {zh}");
            assert!(!zh.contains("--"), "{key:?} names a flag: {zh}");
        }
    }

    #[test]
    fn sheet_names_fit_a_workbook() {
        use O::*;
        let sheets = [
            SheetDocuments,
            SheetLoans,
            SheetDestruction,
            SheetInterviews,
            SheetLogistics,
            SheetSubstitutes,
            SheetSignIn,
        ];
        for key in sheets {
            for name in [key.en(), key.zh()] {
                assert!(name.chars().count() <= 31, "{name}");
                assert!(
                    !name.contains(['[', ']', ':', '*', '?', '/', '\\']),
                    "{name}"
                );
            }
        }
    }
}

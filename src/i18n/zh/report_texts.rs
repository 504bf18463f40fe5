//! Simplified Chinese: a user-facing text of the brief and the export.

use crate::i18n::R;

/// `key` in Simplified Chinese.
pub fn text(key: R) -> &'static str {
    match key {
        // Titles and the lines under them.
        R::BriefTitle => "工作简报：{}",
        R::ExportTitle => "全部事项",
        R::BriefInspection => "巡察名称：{}",
        R::BriefPrepared => "编制时间：{}",
        R::ExportPrepared => "导出时间：{}",
        // Sections, and what one says when empty.
        R::BriefNone => "无。",
        R::BriefRequested => "已调阅未接收",
        R::BriefReceived => "当日接收",
        R::BriefHolding => "保管与借阅",
        R::BriefReturnOverdue => "借阅超期",
        R::BriefDisposal => "待处置",
        R::BriefOpen => "未办结",
        R::BriefDoneToday => "当日完成",
        R::BriefHandedBackToday => "当日交回",
        R::BriefNotesToday => "当日记录",
        R::BriefSummary => "概况",
        // An item's line: its dates, people and places.
        R::BriefFrom => "提供单位：{}",
        R::BriefDue => "截止 {}",
        R::BriefHeld => "联络员保管（自 {}）",
        R::BriefLent => "借给{}（自 {}）",
        R::BriefAt => "{}（{}）",
        R::BriefPlace => "地点：{}",
        R::BriefWith => "参加：{}",
        R::BriefFor => "补位版块：{}",
        R::BriefContact => "联系人：{}",
        R::BriefHandback => "交接说明：{}",
        R::BriefWitness => "监销人：{}",
        R::BriefLocation => "存放位置：{}",
        R::BriefOverride => "变更理由：{}",
        R::BriefLabelled => "{}：{}",
        R::BriefNotesWithheld => "未列出记录{}条（{}）",
        R::BriefNoteWithheld => "备注未列出",
        R::BriefRange => "{}—{}",
        R::BriefListSep => "、",
        // The summary's counts.
        R::CountOverdue => "逾期（含借阅超期）：{}",
        R::CountMeetings => "当日会议：{}",
        R::CountRequested => "已调阅未接收资料：{}",
        R::CountHeld => "在管资料：{}，其中借出：{}",
        R::CountDisposal => "待处置资料：{}",
        R::CountLogistics => "后勤保障未办结：{}，当日完成：{}",
        R::CountSubstitutes => "候补任务未办结：{}，当日交回：{}",
        R::CountInbox => "收件箱记录：{}",
        R::CountPane => "{}：共{}项，未办结{}项",
        // Custody logs that did not verify, and the journal's head.
        R::ChainWarningTitle => "警告：借阅登记校验未通过",
        R::JournalHead => "日志链头：`{}`（可用 liaison verify 核对）",
    }
}

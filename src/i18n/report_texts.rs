//! The texts of the leader's brief and the Markdown export: titles,
//! sections, an item's line and the summary's counts, in a table of their
//! own (`tr` and `trf` take a key of any table).

text_table! {
    /// A user-facing text of the brief and the export.
    R {
        // Titles and the lines under them.
        BriefTitle => "Daily brief: {}", "工作简报：{}";
        ExportTitle => "All items", "全部事项";
        BriefInspection => "Inspection: {}", "巡察名称：{}";
        BriefPrepared => "prepared {}", "编制时间：{}";
        ExportPrepared => "exported {}", "导出时间：{}";
        // Sections, and what one says when empty.
        BriefNone => "None.", "无。";
        BriefRequested => "Requested, not yet received", "已调阅未接收";
        BriefReceived => "Received today", "当日接收";
        BriefHolding => "Who holds what", "保管与借阅";
        BriefReturnOverdue => "Loans overdue for return", "借阅超期";
        BriefDisposal => "Awaiting disposal", "待处置";
        BriefOpen => "Open", "未办结";
        BriefDoneToday => "Done today", "当日完成";
        BriefHandedBackToday => "Handed back today", "当日交回";
        BriefNotesToday => "Notes of the day", "当日记录";
        BriefSummary => "Summary", "概况";
        // An item's line: its dates, people and places.
        BriefFrom => "from {}", "提供单位：{}";
        BriefDue => "due {}", "截止 {}";
        BriefHeld => "with the liaison since {}", "联络员保管（自 {}）";
        BriefLent => "lent to {} since {}", "借给{}（自 {}）";
        BriefAt => "{} at {}", "{}（{}）";
        BriefPlace => "at {}", "地点：{}";
        BriefWith => "with {}", "参加：{}";
        BriefFor => "for {}", "补位版块：{}";
        BriefContact => "contact {}", "联系人：{}";
        BriefHandback => "hand-back: {}", "交接说明：{}";
        BriefWitness => "witness {}", "监销人：{}";
        BriefLocation => "filed at {}", "存放位置：{}";
        BriefOverride => "override: {}", "变更理由：{}";
        BriefLabelled => "{}: {}", "{}：{}";
        BriefNotesWithheld => "notes withheld: {} ({})", "未列出记录{}条（{}）";
        BriefNoteWithheld => "note withheld", "备注未列出";
        BriefRange => "{}–{}", "{}—{}";
        BriefListSep => ", ", "、";
        // The summary's counts.
        CountOverdue => "Overdue, loans included: {}", "逾期（含借阅超期）：{}";
        CountMeetings => "Meetings today: {}", "当日会议：{}";
        CountRequested => "Documents requested, not yet received: {}", "已调阅未接收资料：{}";
        CountHeld => "Documents in custody: {}, lent out: {}", "在管资料：{}，其中借出：{}";
        CountDisposal => "Documents awaiting disposal: {}", "待处置资料：{}";
        CountLogistics => "Logistics open: {}, done today: {}", "后勤保障未办结：{}，当日完成：{}";
        CountSubstitutes => "Substitute assignments open: {}, handed back today: {}", "候补任务未办结：{}，当日交回：{}";
        CountInbox => "Inbox notes: {}", "收件箱记录：{}";
        CountPane => "{}: {} items, {} open", "{}：共{}项，未办结{}项";
        // Custody logs that did not verify, and the journal's head.
        ChainWarningTitle => "Warning: custody logs that fail their check", "警告：借阅登记校验未通过";
        JournalHead => "Journal head: `{}` (compare with `liaison verify`)", "日志链头：`{}`（可用 liaison verify 核对）";
    }
}

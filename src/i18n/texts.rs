//! The table of every text, each key with its English and Chinese.

macro_rules! texts {
    ($($key:ident => $en:literal, $zh:literal;)*) => {
        /// A user-facing text.
        #[derive(Debug, Clone, Copy, PartialEq, Eq)]
        pub enum T { $($key),* }

        impl T {
            pub const ALL: &'static [T] = &[$(T::$key),*];

            pub fn en(self) -> &'static str {
                match self { $(T::$key => $en),* }
            }

            pub fn zh(self) -> &'static str {
                match self { $(T::$key => $zh),* }
            }
        }
    };
}

texts! {
    // Panes and kinds.
    Logistics => "Logistics", "后勤保障";
    Documents => "Documents", "资料调阅";
    Meetings => "Meetings", "会务安排";
    Substitutes => "Substitutes", "候补任务";
    Inbox => "Inbox", "收件箱";
    // Statuses.
    Open => "open", "待办";
    InProgress => "in progress", "进行中";
    Waiting => "waiting", "等待";
    Done => "done", "完成";
    Cancelled => "cancelled", "取消";
    // Priorities.
    High => "high", "高";
    Normal => "normal", "中";
    Low => "low", "低";
    // Logistics categories.
    Lodging => "lodging", "住宿";
    Supplies => "supplies", "用品";
    Transport => "transport", "用车";
    Meals => "meals", "就餐";
    Other => "other", "其他";
    // Document rules and classes.
    RuleReturn => "return after reading", "阅后即还";
    RuleShred => "shred after reading", "阅后即碎";
    RuleArchive => "archive after reading", "阅后即存";
    Public => "public", "公开";
    Internal => "internal", "内部";
    Secret => "secret", "秘密";
    Confidential => "confidential", "机密";
    // Meeting types.
    MeetingGeneral => "meeting", "会议";
    Interview => "interview", "个别谈话";
    Hearing => "report hearing", "听取汇报";
    Visit => "field visit", "下沉调研";
    Training => "training", "培训";
    // Errors.
    ErrPrefix => "error", "错误";
    ErrEmptyTitle => "the title is empty", "标题不能为空";
    ErrEndBeforeStart => "the end ({}) is before the start ({})", "结束时间（{}）早于开始时间（{}）";
    ErrUnknownValue => "unknown {} '{}' (expected one of: {})", "未知的{}“{}”（可选：{}）";
    ErrUnknownId => "no item with id '{}'", "没有编号为“{}”的事项";
    ErrBadDate => "cannot read the date '{}' (try {})", "无法识别日期“{}”（例如：{}）";
    ErrFieldNotForKind => "{} does not apply to a {} item", "{}不适用于{}事项";
    ErrEmptyNote => "the note is empty", "记录内容为空";
    // Command line.
    Added => "added", "已新增";
    MarkedDone => "done", "已完成";
    NoteSaved => "note saved", "记录已保存";
    NoItems => "no items", "暂无事项";
    NoBackups => "no backups yet", "暂无备份";
    Restored => "restored {}; the previous state was backed up as {}", "已恢复 {}；恢复前的数据已备份为 {}";
    DemoNotEmpty => "{} already holds {} items; use --force to replace them with the sample (a backup is kept)", "{} 中已有 {} 个事项；如需以示例数据替换，请加 --force（会保留备份）";
    DemoFilled => "sample inspection written to {} ({} items)", "示例巡察数据已写入 {}（{} 个事项）";
    Written => "written to {}", "已写入 {}";
    Overdue => "overdue", "逾期";
    DueToday => "due today", "今日到期";
    // Dashboard.
    ReadOnlyRefused => "read-only: another liaison dashboard has this data open", "只读：另一个 liaison 界面正在使用这些数据";
    ReadOnlyOpened => "read-only: another liaison dashboard has this data open; this one can look but not change, and takes over when the other closes", "只读：另一个 liaison 界面正在使用这些数据；本界面只能查看、不能修改，另一个关闭后自动接管";
    TookOver => "the other dashboard has closed: this one can now make changes", "另一个界面已关闭，本界面现在可以修改";
    Deleted => "deleted {} (u to undo)", "已删除 {}（按 u 撤销）";
    ShowingClosed => "showing done items", "显示已完成事项";
    HidingClosed => "hiding done items", "隐藏已完成事项";
    AlreadyDone => "{} is already done", "{} 已完成";
    MarkedDoneId => "{} done (u to undo)", "{} 已完成（按 u 撤销）";
    SnoozeMeeting => "a meeting is moved by editing its start (e)", "会议请通过编辑开始时间调整（e）";
    Snoozed => "{} moved to {}", "{} 已推迟到 {}";
    NothingToUndo => "nothing to undo", "没有可撤销的操作";
    NothingToRedo => "nothing to redo", "没有可重做的操作";
    Undone => "undone: {}", "已撤销：{}";
    Redone => "redone: {}", "已重做：{}";
    Saved => "saved {}", "已保存 {}";
    NoteSavedShort => "note saved", "已记录";
    FieldTitle => "Title", "标题";
    FieldCategory => "Category", "类别";
    FieldFrom => "From unit", "提供单位";
    FieldRule => "Rule", "处置方式";
    FieldClass => "Class", "密级";
    FieldType => "Type", "类型";
    FieldStart => "Start", "开始";
    FieldEnd => "End", "结束";
    FieldDue => "Due", "截止";
    FieldPlace => "Place", "地点";
    FieldWith => "Attendees", "参加人员";
    FieldSection => "For section", "补位版块";
    FieldPriority => "Priority", "优先级";
    FieldStatus => "Status", "状态";
    FieldContact => "Contact", "联系人";
    KeyFocus => "focus a pane", "切换窗格";
    KeyNextPane => "next pane", "下一个窗格";
    KeyPrevPane => "previous pane", "上一个窗格";
    KeyDown => "move down", "下移";
    KeyUp => "move up", "上移";
    KeyPageDown => "page down", "下翻页";
    KeyPageUp => "page up", "上翻页";
    KeyTop => "first row", "第一行";
    KeyBottom => "last row", "最后一行";
    KeyOpen => "open", "详情";
    KeyAdd => "add", "新增";
    KeyEdit => "edit", "编辑";
    KeyDone => "done", "完成";
    KeyDelete => "delete", "删除";
    KeySnooze => "snooze to tomorrow", "推迟到明天";
    KeyPriority => "priority", "优先级";
    KeyUndo => "undo", "撤销";
    KeyRedo => "redo", "重做";
    KeySearch => "search", "搜索";
    KeyToggleClosed => "show/hide done", "显示/隐藏已完成";
    KeyToday => "today", "今日";
    KeyCapture => "note", "记录";
    KeyHelp => "help", "帮助";
    KeyBack => "back", "返回";
    KeyQuit => "quit", "退出";
    KeyNextField => "next field", "下一项";
    KeyPrevField => "previous field", "上一项";
    KeyChoice => "change", "切换选项";
    KeySave => "save", "保存";
    KeyCancel => "cancel", "取消";
    KeySaveNote => "save line", "保存本条";
    KeyTarget => "attach to", "记录到";
    KeyClose => "close", "关闭";
    KeyKeepFilter => "keep filter", "保留筛选";
    KeyClearFilter => "clear", "清除";
    KeyConfirm => "confirm", "确认";
    KeyPrivacy => "privacy screen", "隐私遮挡";
    KeyUnlock => "return", "返回";
    TooSmall => "terminal too small", "终端窗口太小";
    ReadOnlyMark => "read-only", "只读";
    OnLoan => "on loan", "借出";
    TodayTitle => "Today", "今日";
    ReasonOverdue => "overdue", "逾期";
    ReasonMeeting => "meeting", "会议";
    ReasonDue => "due", "到期";
    ReasonWaiting => "waiting", "等待";
    ReasonLoanDue => "loan due", "借阅超期";
    ReasonDispose => "dispose", "待处置";
    KeySnoozeTo => "move to a date", "推迟到指定时间";
    KeyHolders => "who holds what", "借阅情况";
    ModeHolders => "Who holds what", "借阅情况";
    ModeClearance => "Clearance", "巡后清退";
    KeyClearance => "clearance list", "巡后清退";
    KeyCopy => "make a copy or extract", "制作复印件或摘抄件";
    ModePrompt => "Question", "输入";
    HoldersTitle => "Documents on loan", "借出资料";
    HoldersEmpty => "no document is lent out", "暂无借出资料";
    HoldersSince => "since {}", "借出于 {}";
    AskPerson => "{} {}: lend to (empty: close it by its rule)", "{} {}：借给（留空则按处置规定办结）";
    AskWitness => "{} {}: shredded in the presence of", "{} {}：监销人";
    AskLocation => "{} {}: archived where", "{} {}：存放位置";
    AskDate => "{} {}: move to", "{} {}：推迟到";
    AgendaToday => "today", "今天";
    AgendaNow => "now", "现在";
    AgendaUndated => "no date", "未定时间";
    AgendaFolded => "{} past meeting(s) folded — c shows them", "已折叠 {} 个过往会议 — 按 c 显示";
    MeetShortMeeting => "meet", "会议";
    MeetShortInterview => "talk", "谈话";
    MeetShortHearing => "hearing", "汇报";
    MeetShortVisit => "visit", "调研";
    MeetShortTraining => "train", "培训";
    StoreIo => "{} {}: {}", "{} {}：{}";
    StoreCorrupt => "cannot read {}: {} at line {} column {}. The file was left untouched; see `liaison backups` and `liaison restore NAME` to go back to a saved copy", "无法读取 {}：{}（第 {} 行第 {} 列）。文件未被改动；可用 `liaison backups` 查看备份，用 `liaison restore 备份名` 恢复";
    StoreNewer => "{} was written by a newer liaison (format version {}; this one reads up to {}). It was left untouched; open it with the newer liaison", "{} 由更新版本的 liaison 写入（格式版本 {}，本程序最高支持 {}）。文件未被改动；请用新版本打开";
    StoreBusy => "the data in {} is locked by another liaison process; try again in a moment", "{} 中的数据正被另一个 liaison 进程使用，请稍后再试";
    StoreNoBackup => "no backup named '{}' (see `liaison backups`)", "没有名为“{}”的备份（见 `liaison backups`）";
    StoreNoDataDir => "cannot find a data directory for this user; pass --data-dir DIR", "找不到本用户的数据目录，请用 --data-dir 指定";
    KeyTick => "tick", "勾选";
    KeyInbox => "inbox", "收件箱";
    KeyScroll => "scroll", "滚动";
    ModeInbox => "Inbox", "收件箱";
    InboxEmpty => "no notes without an item", "收件箱为空";
    UnlockPrompt => "Passphrase:", "口令：";
    UnlockWrong => "wrong passphrase ({} tries left)", "口令错误（还可尝试 {} 次）";
    AskHandback => "{} {}: hand back — what was done, what is left", "{} {}：交回 — 完成情况及遗留事项";
    KeyReport => "write today's brief", "生成今日简报";
    KeyWorkbook => "export spreadsheet", "导出登记表";
    KeyImport => "import spreadsheet", "导入表格";
    BriefWritten => "today's brief written to {}", "今日简报已写入 {}";
    BriefWrittenSealed => "today's brief written to {} (encrypted; `liaison report` prints it)", "今日简报已写入 {}（已加密，可用 `liaison report` 查看）";
    IdleNote => "blanks itself after {} min without a key", "{} 分钟无操作自动遮挡";
    IdleOff => "no automatic blanking (idle_lock_minutes = 0)", "未启用自动遮挡（idle_lock_minutes = 0）";
    RuleShortReturn => "ret", "还";
    RuleShortShred => "shred", "碎";
    RuleShortArchive => "arch", "存";
    HelpTitle => "Keys", "按键说明";
    ConfirmDelete => "Delete {} {}?", "删除 {} {}？";
    CaptureTitle => "Note → {}", "记录 → {}";
    CaptureSaved => "{} saved", "已存 {} 条";
    PrivacyText => "liaison — press Enter", "liaison — 按 Enter 返回";
    EmptyPane => "nothing here — a to add", "暂无事项 — 按 a 新增";
    EmptyToday => "nothing needs you today", "今日无待办";
    NotesTitle => "Notes", "记录";
    CustodyTitle => "Custody log", "借阅登记";
    FormAdd => "Add · {}", "新增 · {}";
    FormEdit => "Edit {}", "编辑 {}";
    SearchPrompt => "search", "搜索";
    FilterShown => "filter: {} ({} of {})", "筛选：{}（{}/{}）";
    ModePanes => "Panes", "窗格";
    ModeToday => "Today view", "今日视图";
    ModeDetail => "Detail", "详情";
    ModeForm => "Form", "表单";
    ModeCapture => "Note box", "记录框";
    ModeSearch => "Search", "搜索";
    ModeHelp => "Help", "帮助";
    ModeConfirm => "Confirm", "确认";
    ModePrivacy => "Privacy screen", "隐私遮挡";
    DetailCreated => "Created", "创建";
    DetailUpdated => "Updated", "更新";
    DetailKind => "Pane", "窗格";
    UnreadableDate => "?", "？";
    DraftRestored => "an unsaved draft was restored (Esc discards it)", "已恢复未保存的草稿（Esc 放弃）";
    OtherChanged => "updated from another liaison process", "已同步其他 liaison 进程的修改";
    DateExamples => "tomorrow 14:30, fri 9am, by friday, end of month, 28 nov, 11/28, +2d, in 3 hours, 2026-11-28 14:30", "明天下午3点、周五下班前、下周一、月底、11月28日、3天后、半小时后、2026-11-28 14:30";
    WeekdayMon => "Mon", "周一";
    WeekdayTue => "Tue", "周二";
    WeekdayWed => "Wed", "周三";
    WeekdayThu => "Thu", "周四";
    WeekdayFri => "Fri", "周五";
    WeekdaySat => "Sat", "周六";
    WeekdaySun => "Sun", "周日";
    // Custody steps (借阅登记).
    ActReceive => "receive", "接收";
    ActLend => "lend", "借出";
    ActBack => "take back", "归还";
    ActReturn => "return to the unit", "退还";
    ActShred => "shred", "销毁";
    ActArchive => "archive", "存档";
    // Where a document stands.
    StageRequested => "requested", "待接收";
    StageHeld => "with the liaison", "在保管";
    StageLent => "lent to {}", "已借给{}";
    StageReturned => "returned to the unit", "已退还";
    StageShredded => "shredded", "已销毁";
    StageArchived => "archived", "已存档";
    // Custody alerts on the Today list.
    ReturnOverdue => "loan overdue", "借阅超期";
    AwaitingDisposal => "awaiting disposal", "待处置";
    // Custody refusals.
    ErrCustodyNotDocument => "{} is a {} item; only documents have custody", "{}是{}事项，只有资料才有借阅登记";
    ErrCustodyNotReceived => "cannot record '{}' for {}: it has not been received yet", "无法{}{}：该资料尚未接收";
    ErrCustodyAlreadyReceived => "{} has already been received", "{}已接收，不能重复接收";
    ErrCustodyNotLent => "{} is not lent out, so there is nothing to take back", "{}未借出，无需归还";
    ErrCustodyAlreadyLent => "{} is lent to {}; take it back before lending it again", "{}已借给{}，须先归还再借出";
    ErrCustodyLentOut => "cannot record '{}' for {}: it is lent to {}; take it back first", "无法{}{}：该资料已借给{}，须先归还";
    ErrCustodyClosed => "{} is already closed ({}); no further steps can be recorded", "{}已办结（{}），不能再登记";
    ErrCustodyNoPerson => "lending {} needs the borrower's name", "借出{}须登记借阅人";
    ErrCustodyNoWitness => "shredding {} needs a witness", "销毁{}须登记监销人";
    ErrCustodyNoLocation => "archiving {} needs the archive location", "存档{}须登记存放位置";
    ErrCustodyAgainstRule => "{}'s rule is {}; recording '{}' instead needs a reason", "{}的处置规定为{}，如需改为{}，须说明理由";
    ErrCustodyNothingToOverride => "{}: an override reason applies only to a closing step that differs from the rule", "{}：只有与处置规定不同的处置步骤才需说明理由";
    ErrCustodyBrokenLog => "{}: the custody log fails verification (problems: {}), so nothing was recorded; see `liaison backups`", "{}：借阅登记未通过校验（问题{}处），未登记新步骤；请查看 liaison backups";
    ErrDoneThroughCustody => "{} is a document: it is done when its custody is closed ({})", "{}是资料，须通过借阅登记办结（{}）";
    // Custody log verification.
    Warning => "warning", "警告";
    ChainAltered => "{}: custody event {} ({}) was changed after it was recorded", "{}：第{}条借阅登记（{}）在登记后被改动";
    ChainUnsealed => "{}: custody event {} ({}) has no hash", "{}：第{}条借阅登记（{}）缺少校验值";
    ChainBrokenLink => "{}: custody event {} does not follow the one before it (events removed, added or reordered)", "{}：第{}条借阅登记与前一条不衔接（登记被删除、插入或调换顺序）";
    ChainTruncated => "{}: the custody log was cut after event {} (later events removed, or custody_head edited)", "{}：借阅登记在第{}条之后被截断（后续登记被删除，或 custody_head 被改动）";
    ChainEmptied => "{}: all custody events were removed", "{}：全部借阅登记被删除";
    ChainOutOfSequence => "{}: custody event {} ({}) is not a valid step after the ones before it", "{}：第{}条借阅登记（{}）不符合登记顺序";
    ChainNotDocument => "{}: custody events on an item that is not a document", "{}：非资料事项含有借阅登记";
    CustodyRecorded => "{}: {} recorded", "{}：已登记{}";
    // Meetings: preparation checklist, conflicts, note markers, calendar.
    PrepRoom => "room booked", "会场预订";
    PrepSignIn => "sign-in sheet", "签到表";
    PrepMaterials => "meeting materials", "会议材料";
    PrepEquipment => "equipment", "投影设备";
    ChecklistTitle => "Checklist", "会务准备";
    FollowupsTitle => "Open questions", "待追问";
    ConflictsTitle => "Conflicts", "时间冲突";
    Conflict => "{} overlaps {} '{}' ({}; shared: {})", "{}与{}“{}”时间冲突（{}；共同：{}）";
    ConflictMark => "conflict: {}", "冲突：{}";
    Checked => "{}: '{}' ticked", "{}：已勾选“{}”";
    Unchecked => "{}: '{}' unticked", "{}：已取消勾选“{}”";
    EmptyChecklist => "{} has no checklist entries", "{}暂无会务准备事项";
    DocumentRequested => "document request {} added: {}", "已新增资料调阅 {}：{}";
    FollowupNoted => "follow-up question noted on {} ({} open)", "已在{}记录追问（待追问 {} 个）";
    LeftOutOfCalendar => "{} has no start time; left out of the calendar", "{}没有开始时间，未写入日历";
    ErrNotAMeeting => "{} is a {} item; only meetings have a checklist", "{}是{}事项，只有会务才有准备清单";
    ErrNoSuchCheck => "{} has no checklist entry '{}'", "{}的会务准备中没有“{}”";
    ErrNoSuchFollowup => "{} has no follow-up question {}", "{}没有第{}个追问";
    ErrEmptyCheck => "the checklist entry is empty", "准备事项内容为空";
    ErrEmptyRequest => "a document request needs a title after '#'", "“#”后须写明要调阅的资料名称";
    ErrEmptyQuestion => "a follow-up question needs text after '?'", "“？”后须写明追问内容";
    // Substitute assignments (候补).
    SubRequested => "requested", "待接受";
    SubAccepted => "accepted", "已接受";
    SubHandedBack => "handed back", "已交回";
    Accepted => "{} accepted", "{} 已接受";
    HandedBack => "{} handed back", "{} 已交回";
    ErrNotSubstitute => "{} is a {} item; only substitute assignments are accepted or handed back", "{}是{}事项，只有候补任务才能接受或交回";
    ErrAlreadyAccepted => "{} has already been accepted", "{}已接受，无需重复接受";
    ErrSubstituteClosed => "{} is already closed ({})", "{}已办结（{}）";
    ErrEmptyHandback => "the hand-back note for {} is empty", "{}的交接说明为空";
    ErrHandbackRequired => "{} is a substitute assignment: close it with a note of what was done and what is left ({})", "{}是候补任务，须填写交接说明（完成情况及遗留事项）后办结：{}";
    HandbackExample => "what was done, what is left", "完成情况及遗留事项";
    // The leader's brief and the Markdown export.
    BriefTitle => "Daily brief: {}", "工作简报：{}";
    ExportTitle => "All items", "全部事项";
    BriefInspection => "Inspection: {}", "巡察名称：{}";
    BriefPrepared => "prepared {}", "编制时间：{}";
    ExportPrepared => "exported {}", "导出时间：{}";
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
    CountOverdue => "Overdue, loans included: {}", "逾期（含借阅超期）：{}";
    CountMeetings => "Meetings today: {}", "当日会议：{}";
    CountRequested => "Documents requested, not yet received: {}", "已调阅未接收资料：{}";
    CountHeld => "Documents in custody: {}, lent out: {}", "在管资料：{}，其中借出：{}";
    CountDisposal => "Documents awaiting disposal: {}", "待处置资料：{}";
    CountLogistics => "Logistics open: {}, done today: {}", "后勤保障未办结：{}，当日完成：{}";
    CountSubstitutes => "Substitute assignments open: {}, handed back today: {}", "候补任务未办结：{}，当日交回：{}";
    CountInbox => "Inbox notes: {}", "收件箱记录：{}";
    CountPane => "{}: {} items, {} open", "{}：共{}项，未办结{}项";
    DayMon => "Monday", "星期一";
    DayTue => "Tuesday", "星期二";
    DayWed => "Wednesday", "星期三";
    DayThu => "Thursday", "星期四";
    DayFri => "Friday", "星期五";
    DaySat => "Saturday", "星期六";
    DaySun => "Sunday", "星期日";
    // Encryption at rest.
    PassPrompt => "Passphrase for {}: ", "{} 的口令：";
    PassNew => "New passphrase for {}: ", "为 {} 设置新口令：";
    PassRepeat => "Repeat the new passphrase: ", "再次输入新口令：";
    PassRetry => "Wrong passphrase, try again.", "口令错误，请重试。";
    ErrPassMismatch => "the two passphrases differ; nothing was changed", "两次输入的口令不一致，未作任何改动";
    ErrPassShort => "a passphrase needs at least {} characters; nothing was changed", "口令至少需要 {} 个字符，未作任何改动";
    ErrPassCancelled => "cancelled; nothing was changed", "已取消，未作任何改动";
    ErrPassNoTerminal => "the data in {} is encrypted and there is no terminal to ask for its passphrase: give it with --passphrase-file FILE or LIAISON_PASSPHRASE_FILE (the passphrase on the first line)", "{} 中的数据已加密，且没有终端可输入口令：请用 --passphrase-file 文件 或 LIAISON_PASSPHRASE_FILE 提供口令（写在文件第一行）";
    ErrPassFile => "cannot read the passphrase file {}: {}", "无法读取口令文件 {}：{}";
    ErrPassFileEmpty => "the first line of the passphrase file {} is empty", "口令文件 {} 的第一行为空";
    ErrWrongPass => "wrong passphrase for the data in {}; nothing was changed", "{} 中数据的口令错误，未作任何改动";
    ErrLocked => "the data in {} is encrypted; a passphrase is needed to read it", "{} 中的数据已加密，需要口令才能读取";
    ErrOtherKey => "{} was encrypted with another passphrase; it was left untouched", "{} 是用另一个口令加密的，未作改动";
    ErrDamaged => "cannot read {}: the encrypted file is {}. It was left untouched; see `liaison backups` and `liaison restore NAME` to go back to a saved copy", "无法读取 {}：加密文件{}。文件未作改动；可用 liaison backups 和 liaison restore 名称 恢复到已保存的副本";
    DamageTruncated => "cut short", "不完整（被截断）";
    DamageExtended => "followed by extra bytes", "末尾有多余字节";
    DamageHeader => "damaged in its header", "文件头已损坏";
    DamageContents => "damaged in its contents", "内容已损坏";
    ErrNewerEnvelope => "{} was encrypted by a newer liaison (envelope version {}; this one reads up to {}). It was left untouched; open it with the newer liaison", "{} 由更新版本的 liaison 加密（加密格式版本 {}，本版本最高支持 {}）。文件未作改动；请用新版本打开";
    ErrPlaintext => "{} is plain text while encryption is on; it was left untouched. Run `liaison encrypt` again to encrypt it", "加密已开启，但 {} 仍是明文，未作改动；请再次运行 liaison encrypt 将其加密";
    ErrInUse => "a liaison dashboard is open on {}; close it first", "{} 正被 liaison 仪表板使用，请先关闭";
    PlainLeft => "{} is still plain text; run `liaison encrypt` again to encrypt it", "{} 仍是明文；请再次运行 liaison encrypt 将其加密";
    EncryptOn => "encryption is on for {}: the data is encrypted, and so are its backups ({}). Without the passphrase the data cannot be read: keep it safe", "{} 已开启加密：数据及其备份（{} 个）均已加密。没有口令将无法读取数据，请妥善保管口令";
    EncryptAlready => "{} is already encrypted (files that were still plain text, now encrypted: {})", "{} 已经加密（仍为明文、现已加密的文件：{} 个）";
    DecryptOff => "encryption is off for {}: the data is plain text again, and so are its backups ({})", "{} 已关闭加密：数据及其备份（{} 个）已恢复为明文";
    DecryptNotOn => "{} is not encrypted; nothing was changed", "{} 未加密，未作任何改动";
    WeakKdf => "the data in {} was encrypted with weaker key derivation than this build uses; run `liaison decrypt` then `liaison encrypt` to strengthen it", "{} 中的数据加密时使用的密钥派生强度低于本版本；请先运行 liaison decrypt 再运行 liaison encrypt 以加强";
    // A hostile data directory or input.
    ErrSymlink => "{} is a symbolic link; liaison does not follow links in its data directory. Nothing was read or changed; replace it with the real file", "{} 是符号链接；liaison 不跟随数据目录中的链接。未读取或改动任何内容；请换成真实文件";
    ErrNotRegular => "{} is a {}, not a regular file; nothing was read or changed", "{} 是{}，不是普通文件；未读取或改动任何内容";
    ErrNotDirectory => "{} is not a directory; nothing was read or changed", "{} 不是目录；未读取或改动任何内容";
    ErrNotOwned => "{} belongs to another user (uid {}; you are uid {}); liaison uses only a data directory and files of your own. Nothing was read or changed", "{} 属于其他用户（用户号 {}，当前用户号 {}）；liaison 只使用本人的数据目录和文件。未读取或改动任何内容";
    ErrStaysWritable => "{} stays writable by other users after its permissions were tightened; nothing was read or changed", "收紧权限后，{} 仍可被其他用户写入；未读取或改动任何内容";
    ErrTooLarge => "{} is {} MiB, more than the {} MiB liaison reads; nothing was read. If the file is really yours, set LIAISON_MAX_STATE_MB to a larger number", "{} 大小为 {} MiB，超过 liaison 的读取上限 {} MiB，未读取。如确为本人数据，请把环境变量 LIAISON_MAX_STATE_MB 设为更大的数值";
    Withheld => "{} texts of secret and confidential documents were left out (notes, follow-ups, custody notes, override reasons); add --include-confidential to include them", "已略去秘密、机密资料的 {} 条文字（记录、待追问、登记备注、变更理由）；如需包含，请使用“包括秘密、机密资料的记录”选项（见帮助）";
    ErrConfidentialNoEffect => "--include-confidential has no effect on {}, which holds no notes; nothing was written", "{}不含任何记录，“包括秘密、机密资料的记录”选项对其无效；未输出任何内容";
    ConfidentialIcs => "the iCalendar export", "iCalendar 日历导出";
    ConfidentialList => "a list without --json", "非 JSON 格式的事项列表";
    ChainWarningTitle => "Warning: custody logs that fail their check", "警告：借阅登记校验未通过";
    DamageCosts => "damaged in its header (key derivation costs outside what liaison writes: lowered or too large)", "文件头已损坏（密钥派生参数超出 liaison 写入的范围：被调低或过大）";
    ErrNotEncrypted => "a passphrase was given but the data in {} is not encrypted: nothing was written in plain text. Run `liaison encrypt` to encrypt it, or run without a passphrase file", "已提供口令，但 {} 中的数据未加密：未以明文写入任何内容。请运行 liaison encrypt 加密，或不提供口令文件再运行";
    ErrMarkedEncrypted => "the data in {} is marked as encrypted ({}) but no encrypted file can be read; nothing was read or changed. If encryption was turned off on purpose, remove that file", "{} 中的数据标记为已加密（{}），但没有可读取的加密文件；未读取或改动任何内容。如确已关闭加密，请删除该标记文件";
    ErrPassFileOpen => "the passphrase file {} can be read by other users ({}); make it private (chmod 600) and try again", "口令文件 {} 可被其他用户读取（{}）；请将其设为仅本人可读（chmod 600）后重试";
    ErrPassFileInside => "the passphrase file {} is inside the data directory, next to what it protects; keep it elsewhere", "口令文件 {} 位于数据目录内，与其保护的数据放在一起；请放到其他位置";
}

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
    ReadOnlyRefused => "read-only: another liaison dashboard has this data open", "只读：另一个窗口正在使用这些数据";
    ReadOnlyOpened => "read-only: another liaison dashboard has this data open; this one can look but not change, and takes over when the other closes", "只读：另一个窗口正在使用这些数据；本窗口只能查看、不能修改，另一个关闭后自动接管";
    NoteKept => "the unsaved line is kept: n brings it back", "未保存的内容已保留，按 n 继续";
    DiscardAsk => "unsaved changes: Esc again discards them, Enter saves", "有未保存的修改：再按 Esc 放弃，按 Enter 保存";
    Discarded => "changes discarded", "已放弃修改";
    ClashSaved => "saved {} — it clashes with {} '{}' ({}; {})", "已保存 {}，但与{}“{}”冲突（{}；{}）";
    ClashPlace => "same place: {}", "同一地点：{}";
    ClashPerson => "same person: {}", "同一人员：{}";
    ClashSep => "; ", "，";
    ClashAlso => "; also with {}", "；另与{}冲突";
    HelpMarks => "Marks", "标记";
    MarkHigh => "high priority", "高优先级";
    MarkConflict => "clashes with another meeting (room or person)", "与其他会议冲突（地点或人员）";
    MarkSensitive => "secret or confidential document", "秘密或机密资料";
    MarkNow => "now, in the agenda", "日程中的当前时间";
    HelpCustody => "A document's custody", "资料流转";
    HelpCustodyText => "x takes a document one step: received → lent (to whom) → back → closed by its rule: returned, shredded (with a witness) or archived (where). h shows who holds what.", "x 推进资料一步：接收 → 借出（借给谁）→ 归还 → 按处置方式结束：退还、销毁（需监销人）或归档（存放位置）。h 查看谁持有哪些资料。";
    HelpMarkers => "In the note box", "记录框";
    HelpMarkersText => "Each Enter saves a line with its time. A line starting with # also asks for a document of that name; one starting with ? is a question kept open on the item until ticked (Space in its detail).", "每按一次 Enter 保存一行并记下时间。以 # 开头的一行同时生成同名的待调阅资料；以 ? 开头的一行记为待解决问题，在详情中按空格勾选完成。";
    HelpDates => "Dates", "日期";
    HelpDatesText => "Type them as you say them: tomorrow 14:30, fri 9am, next mon, 28 nov, +2d, in 3 hours, 2026-11-28 14:30; 明天下午3点, 周五上午9点, 下周一, 后天, 3天后.", "按说话的方式输入：明天下午3点、周五上午9点、下周一、后天、3天后、11月28日、2026-11-28 14:30。";
    PriorityChanged => "{}: priority {}", "{}：优先级改为{}";
    NoMatches => "no matches", "无匹配";
    FirstRun => "new here? `liaison demo` fills a sample to try; ? shows the keys, a adds an item", "初次使用？运行 liaison demo 可填入示例数据试用；按 ? 查看按键，按 a 新增";
    KeyAddCheck => "add to the checklist", "添加准备事项";
    KeyRemoveCheck => "remove from the checklist", "删除准备事项";
    AskCheck => "{} {}: a checklist entry (e.g. print the interview outline)", "{} {}：新增准备事项（如：打印谈话提纲）";
    CheckAdded => "{}: added to the checklist: {}", "{}：已添加准备事项：{}";
    CheckRemoved => "{}: removed from the checklist: {} (u to undo)", "{}：已删除准备事项：{}（按 u 撤销）";
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
    ReasonLoanToday => "due back", "今日应还";
    KeyEditNote => "edit the note", "修改记录";
    KeyDeleteNote => "delete the note", "删除记录";
    KeyFileNote => "file to an item", "归入事项";
    KeyMakeItem => "make an item", "转为事项";
    KeyOpenLink => "open the linked item", "打开关联事项";
    AskEditNote => "Change the note ({}):", "修改记录（{}）：";
    AskFileNote => "File the note to (id or words; Tab or ↓: next match):", "归入事项（编号或关键词，Tab 或 ↓ 换下一个）：";
    AskMakeItem => "Make the note an item of:", "将记录转为：";
    ConfirmDeleteNote => "Delete the note “{}” ({})? y/n", "删除记录“{}”（{}）？y/n";
    NoteTextChanged => "note changed (the log keeps what it said)", "记录已修改（操作记录保留原文）";
    NoteRemoved => "note deleted (the log keeps what it said)", "记录已删除（操作记录保留原文）";
    NoteFiled => "note filed to {} {} (u to undo)", "记录已归入 {} {}（按 u 撤销）";
    InboxNoteChanged => "inbox note changed (u to undo; the log keeps what it said)", "收件箱记录已修改（按 u 撤销，操作记录保留原文）";
    InboxNoteRemoved => "inbox note deleted (u to undo; the log keeps what it said)", "收件箱记录已删除（按 u 撤销，操作记录保留原文）";
    NoteUnchanged => "the note is as it was", "记录未改动";
    NoteGone => "that note is no longer there (changed elsewhere)", "该记录已不在（已在别处改动）";
    NoNoteHere => "move the cursor onto a note first (j/k)", "请先用 j/k 选中一条记录";
    FileNoMatch => "no item matches “{}”", "没有与“{}”匹配的事项";
    FileNoneYet => "type an id or a few words", "请输入编号或关键词";
    LinkedDocuments => "Documents asked for here ({})", "会上提出的调阅资料（{}）";
    LinkedMeeting => "Asked for in the meeting", "提出该资料的会议";
    LinkOpenHint => "Enter opens", "Enter 打开";
    ReasonDispose => "dispose", "待处置";
    KeySnoozeTo => "move to a date", "推迟到指定时间";
    KeyHolders => "who holds what", "借阅情况";
    KeyRoster => "the team roster", "人员名单";
    KeyWeek => "the week's meetings", "本周会议";
    KeyWeekMove => "previous / next week", "上一周 / 下一周";
    KeyDismiss => "put the reminder away", "关闭会议提醒";
    KeyAttendIn => "in (到岗)", "到岗";
    KeyAttendOut => "goes out", "外出报备";
    KeyAttendBack => "back", "返回";
    KeyAttendLeave => "on leave", "请假";
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
    KeyTick => "tick", "勾选";
    KeyInbox => "inbox", "收件箱";
    KeyScroll => "scroll", "滚动";
    ModeInbox => "Inbox", "收件箱";
    ModeRoster => "Roster", "人员名单";
    ModeWeek => "Week", "本周会议";
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
    PrivacyText => "liaison — press Enter", "屏幕已遮挡 — 按 Enter 返回";
    EmptyPane => "nothing here — a to add", "暂无事项 — 按 a 新增";
    EmptyToday => "nothing needs you today", "今日无待办";
    NotesTitle => "Notes", "记录";
    CustodyTitle => "Custody log", "借阅登记";
    FormAdd => "Add · {}", "新增 · {}";
    FormEdit => "Edit {}", "编辑 {}";
    SearchPrompt => "search", "搜索";
    FilterShown => "filter: {} — {}", "筛选：{} — {}";
    FilterNone => "filter: {} — no matches", "筛选：{} — 无匹配";
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
    DraftPinned => "; dates kept as meant when typed: {}", "；日期按输入时的意思保留：{}";
    DraftRestored => "an unsaved draft was restored (Esc discards it)", "已恢复未保存的草稿（Esc 放弃）";
    OtherChanged => "updated from another liaison process", "已同步其他窗口或命令的修改";
    DateExamples => "tomorrow 14:30, fri 9am, by friday, end of month, 28 nov, 11/28, +2d, in 3 hours, 2026-11-28 14:30", "明天下午3点、周五下班前、下周一、月底、11月28日、3天后、半小时后、2026-11-28 14:30";
    WeekdayMon => "Mon", "周一";
    WeekdayTue => "Tue", "周二";
    WeekdayWed => "Wed", "周三";
    WeekdayThu => "Thu", "周四";
    WeekdayFri => "Fri", "周五";
    WeekdaySat => "Sat", "周六";
    WeekdaySun => "Sun", "周日";
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
    // Custody log verification.
    Warning => "warning", "警告";
    CustodyRecorded => "{}: {} recorded", "{}：已登记{}";
    // Meetings: preparation checklist, conflicts, note markers, calendar.
    PrepRoom => "room booked", "会场预订";
    PrepSignIn => "sign-in sheet", "签到表";
    PrepMaterials => "meeting materials", "会议材料";
    PrepEquipment => "equipment", "投影设备";
    ChecklistTitle => "Checklist", "会务准备";
    FollowupsTitle => "Open questions", "待追问";
    ConflictsTitle => "Conflicts", "时间冲突";
    Conflict => "{} overlaps {} '{}' ({}; {})", "{}与{}“{}”时间冲突（{}；{}）";
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
    // The days of the week in full, for long dates (the brief's heading).
    DayMon => "Monday", "星期一";
    DayTue => "Tuesday", "星期二";
    DayWed => "Wednesday", "星期三";
    DayThu => "Thursday", "星期四";
    DayFri => "Friday", "星期五";
    DaySat => "Saturday", "星期六";
    DaySun => "Sunday", "星期日";
    // A hostile data directory or input.
    Withheld => "texts of secret and confidential documents left out: {} (notes, follow-ups, custody notes, override reasons); add --include-confidential to include them", "已略去秘密、机密资料的 {} 条文字（记录、待追问、登记备注、变更理由）；如需包含，请使用“包括秘密、机密资料的记录”选项（见帮助）";
    ErrConfidentialNoEffect => "--include-confidential has no effect on {}, which holds no notes; nothing was written", "{}不含任何记录，“包括秘密、机密资料的记录”选项对其无效；未输出任何内容";
    ConfidentialIcs => "the iCalendar export", "iCalendar 日历导出";
    ConfidentialList => "a list without --json", "非 JSON 格式的事项列表";
    // The journal.
    DeleteAsk => "Delete {} ({})? The journal keeps it as deleted. [y/N] ", "删除 {}（{}）？日志中会保留删除记录。[y/N] ";
    DeleteNeedsYes => "{}: not deleted; with no terminal to ask on, confirm with --yes", "{}：未删除；没有终端可确认时，请加 --yes 确认";
    DeleteKept => "{}: not deleted", "{}：未删除";
    VerifyOk => "verified: {} operations; head {}", "校验通过：共 {} 条操作；链头 {}";
    VerifyFailed => "verification failed: {} problems", "校验未通过：发现 {} 处问题";
    ChangeAdd => "add", "新增";
    ChangeEdit => "edit", "修改";
    ChangeDone => "done", "完成";
    ChangeDelete => "delete", "删除";
    ChangeNote => "note", "记录";
    ChangeCustody => "custody", "调阅登记";
    ChangeTick => "tick", "勾选";
    ChangeUndo => "undo", "撤销";
    ChangeRedo => "redo", "重做";
    ChangeInbox => "inbox", "收件箱";
    ChangeSnapshot => "snapshot", "快照";
    UndoKept => "{}: changed elsewhere since; {} not undone", "{}：此后已在别处修改，{}未撤销";
    RedoKept => "{}: changed elsewhere since; {} not redone", "{}：此后已在别处修改，{}未重做";
    FieldWhole => "the item", "该事项";
    FieldOther => "other fields", "其他内容";
    CustodyVoid => "void", "已作废";
    ErrHasHistory => "{}: it has a custody history, which is never deleted; close its custody or undo its steps instead", "{}：该资料有调阅记录，记录不可删除；请先办结其调阅流程，或撤销相应步骤";
}

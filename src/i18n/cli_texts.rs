//! Texts of the command line's newer commands (show, edit, move, the
//! inbox, usage errors), in a table of their own beside `texts.rs`, which
//! holds the rest; `tr` and `trf` take a key of any table.

text_table! {
    /// A user-facing text of the command line.
    K {
        CheckEntryAdded => "{}: checklist entry {} added: {}", "{}：已添加准备事项第 {} 项：{}";
        CheckEntryRemoved => "{}: checklist entry removed: {}", "{}：已删除准备事项：{}";
        ErrNoSuchNote => "{} has no note {} (see liaison show)", "{}没有第 {} 条记录（可用 liaison show 查看）";
        ErrNoSuchInboxNote => "the inbox has no note {} (see liaison inbox)", "收件箱没有第 {} 条记录（可用 liaison inbox 查看）";
        ErrMoveSameKind => "{} is already a {} item", "{}已经是{}事项";
        ErrMoveCustody => "{} has a custody log, so it stays a document", "{}已有借阅登记，只能留在资料调阅";
        ErrMoveLoses => "{} has {}, which a {} item does not keep; add --drop-fields to move it without them", "{}的{}在{}中没有对应项；确认舍弃请加 --drop-fields";
        FieldAskedDocuments => "documents asked for in it", "会上提出调阅的资料";
        ErrBadLang => "unknown language '{}' (expected en or zh)", "不支持的界面语言“{}”（可选：en、zh）";
        ErrNoData => "there is no liaison data in {} (nothing was created; check the directory name)", "{} 中没有 liaison 数据（未创建任何文件；请检查目录名）";
        ErrNothingToEdit => "nothing to change: give at least one option, e.g. --title or --due", "没有要修改的内容：请至少指定一项，例如 --title 或 --due";
        ErrSnoozeMeeting => "a meeting is moved by its start: liaison edit {} --start WHEN", "会议请调整开始时间：liaison edit {} --start 时间";
        PrioritySet => "{}: priority {}", "{}：优先级 {}";
        Moved => "{} moved to {} as {}", "{} 已移至{}，新编号 {}";
        NoteEdited => "{}: note {} changed", "已修改{}的第 {} 条记录";
        NoteDeleted => "{}: note {} deleted ({})", "已删除{}的第 {} 条记录：{}";
        InboxName => "the inbox", "收件箱";
        DataFormat => "data format", "数据格式";
        PermsTightened => "{} was readable by others ({}); set to {}", "{} 原先其他用户也可读取（权限 {}），已改为 {}";
        UsageUnknownCommand => "unknown command '{}'", "未知命令“{}”";
        UsageUnknownOption => "unknown option '{}'", "未知选项“{}”";
        UsageExtra => "unexpected argument '{}'", "多余的参数“{}”";
        UsageBadValue => "'{}' is not a valid value for {}", "“{}”不是{}的有效值";
        UsageNoValue => "{} needs a value", "{}需要一个值";
        UsageMissing => "required but not given: {}", "缺少必填参数：{}";
        UsageMissingCommand => "a command is needed", "缺少命令";
        UsageConflict => "{} cannot be used with {}", "{}不能与{}同时使用";
        UsageOther => "cannot read the command line", "无法识别的命令行";
        UsageAllowed => " (expected one of: {})", "（可选：{}）";
        UsageDidYouMean => "; did you mean {}?", "；是否想用 {}？";
        UsageSeeHelp => " (see liaison --help)", "（见 liaison --help）";
        ShowNotes => "Notes", "记录";
        ShowFollowups => "Follow-up questions", "待追问";
        ShowCustody => "Custody", "借阅登记";
        ShowCreated => "created {}, updated {}", "创建 {}，更新 {}";
        NotesSaved => "{} notes saved, one per line", "已保存 {} 条记录（每行一条）";
        ErrStdin => "cannot read standard input: {}", "无法读取标准输入：{}";
        ErrStdout => "cannot write to standard output: {}", "无法写入标准输出：{}";
        FieldKind => "Kind", "事项类别";
        FieldMeetingType => "Meeting type", "会议类型";
        FieldStep => "Custody step", "借阅步骤";
        FieldHandback => "Hand-back note", "交接说明";
        FieldFromMeeting => "Meeting", "所属会议";
        HandbackHowDashboard => "select it and press x", "选中后按 x 填写";
    }
}

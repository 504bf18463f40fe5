//! The help of each item option on the command line (`--due`, `--place`,
//! …), named by the field table in `model::field`.

text_table! {
    /// The command line's help for one field's option.
    F {
        HelpDue => "When it is due: YYYY-MM-DD [HH:MM] or a phrase (`tomorrow 17:00`, `明天下午5点`, `+2d`)", "截止时间：YYYY-MM-DD [HH:MM] 或短语（明天下午5点、周三、3天后、tomorrow 17:00）";
        HelpStart => "When it starts (meetings, substitute assignments)", "开始时间（会务、候补任务）";
        HelpEnd => "When it ends (meetings, substitute assignments)", "结束时间（会务、候补任务）";
        HelpPlace => "Where (meetings)", "地点（会务）";
        HelpType => "Meeting type: meeting, interview, hearing, visit, training", "会议类型：meeting（会议）、interview（个别谈话）、hearing（听取汇报）、visit（下沉调研）、training（培训）";
        HelpWith => "Attendees, comma-separated (meetings)", "参加人员，以逗号或顿号分隔（会务）";
        HelpFrom => "The unit that provides a document", "提供资料的单位";
        HelpRule => "What happens after reading: return, shred, archive (documents)", "阅后处置：return（阅后即还）、shred（阅后即碎）、archive（阅后即存）";
        HelpClass => "Classification: public, internal, secret, confidential (documents)", "密级：public（公开）、internal（内部）、secret（秘密）、confidential（机密）";
        HelpSection => "The section a substitute assignment is for", "候补任务所补位的版块或工作组";
        HelpCategory => "Logistics category: lodging, supplies, transport, meals, other", "后勤类别：lodging（住宿）、supplies（用品）、transport（用车）、meals（就餐）、other（其他）";
        HelpPriority => "Priority: high, normal, low", "优先级：high、normal、low";
        HelpContact => "Contact person", "联系人";
        HelpEvery => "Comes back: day, weekday, week or Nd (logistics, substitutes); completing one adds the next at the same time of day", "重复：day（每天）、weekday（工作日）、week（每周）或天数如 3d（后勤、候补任务）；完成一次即在同一时刻生成下一次";
        HelpUntil => "The last day a recurring duty comes back on (YYYY-MM-DD or a phrase)", "重复事项的最后一天（YYYY-MM-DD 或短语）";
    }
}

//! Chinese: the command line's help for each field's option.

use crate::i18n::F;

/// `key` in Chinese.
pub fn text(key: F) -> &'static str {
    match key {
        F::HelpDue => {
            "截止时间：YYYY-MM-DD [HH:MM] 或短语（明天下午5点、周三、3天后、tomorrow 17:00）"
        }
        F::HelpStart => "开始时间（会务、候补任务）",
        F::HelpEnd => "结束时间（会务、候补任务）",
        F::HelpPlace => "地点（会务）",
        F::HelpType => {
            "会议类型：meeting（会议）、interview（个别谈话）、hearing（听取汇报）、visit（下沉调研）、training（培训）"
        }
        F::HelpWith => "参加人员，以逗号或顿号分隔（会务）",
        F::HelpFrom => "提供资料的单位",
        F::HelpRule => "阅后处置：return（阅后即还）、shred（阅后即碎）、archive（阅后即存）",
        F::HelpClass => {
            "密级：public（公开）、internal（内部）、secret（秘密）、confidential（机密）"
        }
        F::HelpSection => "候补任务所补位的版块或工作组",
        F::HelpCategory => {
            "后勤类别：lodging（住宿）、supplies（用品）、transport（用车）、meals（就餐）、other（其他）"
        }
        F::HelpPriority => "优先级：high、normal、low",
        F::HelpContact => "联系人",
        F::HelpEvery => {
            "重复：day（每天）、weekday（工作日）、week（每周）或天数如 3d（后勤、候补任务）；完成一次即在同一时刻生成下一次"
        }
        F::HelpUntil => "重复事项的最后一天（YYYY-MM-DD 或短语）",
    }
}

//! Chinese: the texts of team sync.

use crate::i18n::git_texts::G;

/// `key` in Chinese.
pub fn text(key: G) -> &'static str {
    match key {
        G::TeamPassPrompt => "团队口令：",
        G::TeamPassNew => "新的团队口令（同步此仓库的所有成员共用）：",
        G::TeamPassRepeat => "再次输入团队口令：",
        G::TeamPassRetry => "团队口令不正确，请重试。",
        G::ErrTeamPassMismatch => "两次输入的团队口令不一致，未作任何更改",
        G::ErrTeamPassShort => "团队口令至少需要 {} 个字符，未作任何更改",
        G::ErrTeamPassNoTerminal => {
            "需要团队口令，但没有终端可供询问：请指定团队口令文件或设置相应的环境变量"
        }
        G::ErrTeamPassCancelled => "未输入团队口令，未作任何更改",
        G::Founded => {
            "已在 {} 建立新的团队仓库（本机副本 {}，编号段 0）。其他成员加入：liaison sync init {}"
        }
        G::Joined => {
            "已加入 {} 的团队仓库（本机副本 {}，编号从 {} 起）。运行 liaison sync 取得登记内容。"
        }
        G::AlreadyJoined => "已设置与 {} 同步（本机副本 {}）。",
        G::Synced => "同步完成：发出本机改动 {} 条，收到其他成员的改动 {} 条。",
        G::SyncedItems => "其他成员改动的事项：{}",
        G::SyncedConflicts => "需处理的冲突：{}（见 liaison show 编号）",
        G::Refused => "拒收副本 {} 的一条操作（序号 {}）：{}",
        G::WhyUnknown => "团队中没有该副本",
        G::WhyBadSignature => "签名不属于该副本（伪造）",
        G::WhyRetired => "该副本在此之前已停用",
        G::WhyOwn => "冒充本机副本的操作",
        G::KeyChanged => "副本 {} 发布了另一个密钥，仍只信任最初的密钥",
        G::Unreadable => "团队仓库中的 {} 无法用团队密钥打开，已跳过",
        G::StatusRemote => "团队仓库：{}",
        G::StatusReplica => "本机副本：{}（编号段 {}）",
        G::StatusLast => "上次同步：{}",
        G::StatusNever => "尚未同步",
        G::StatusArrival => "上次收到其他成员的改动：{}（{} 条）",
        G::StatusPending => "尚未发出的改动：{} 条",
        G::StatusMember => "副本 {}：{}",
        G::StatusNoName => "（未署名）",
        G::StatusRetired => "已停用",
        G::StatusCalendar => "会务日历（meetings.ics，明文）写入团队仓库：{}",
        G::Yes => "是",
        G::No => "否",
        G::Retired => "已停用副本 {}：此后其序号 {} 之后的操作一律拒收。",
        G::TeamKeyKept => "团队密钥将在本次登录会话中保管 {} 分钟。",
        G::TeamKeyForgotten => "已清除保管的团队密钥。",
        G::TeamKeyNoneKept => "没有保管的团队密钥。",
        G::VerifyForged => "副本 {} 的第 {} 条操作校验未通过：{}",
        G::VerifyForgedCount => "其他副本的 {} 条操作未通过签名校验",
        G::ErrNoGit => "无法运行 git（{}）：请先安装 git",
        G::ErrGit => "git {} 执行失败：{}",
        G::ErrUnreachable => "无法访问团队仓库：{}",
        G::ErrNotSetUp => "本数据目录尚未设置同步：请先运行 liaison sync init 仓库地址",
        G::ErrAlreadySetUp => "本数据目录已设置与另一个仓库 {} 同步，未作任何更改",
        G::ErrWrongTeamPass => "团队口令不正确，未作任何更改",
        G::ErrBadFile => "无法读取 {}，未作任何更改",
        G::ErrNewer => "{} 由更新版本的程序写入，请先升级",
        G::ErrOtherTeam => "{} 由另一个团队密钥加密",
        G::ErrTeamChanged => "团队仓库的团队文件与本机加入时不同，未作任何更改",
        G::ErrNotATeam => "{} 不是团队仓库（缺少团队文件），未作任何更改",
        G::ErrHasItems => "本数据目录已有事项，不能加入已有创建者的团队；请使用空的数据目录",
        G::ErrBusy => "本数据目录正在进行另一次同步，请稍后再试",
        G::ErrRaced => "同步期间团队仓库不断变化，请重试",
        G::ErrUnknownReplica => "团队中没有副本 {}（见 liaison sync status）",
        G::ErrRetireSelf => "不能停用本机副本",
        G::HeaderSynced => "已同步 {}",
        G::HeaderArrived => "他人新改动 {} 条",
        G::HeaderNever => "尚未同步",
        G::HeaderSyncing => "正在同步…",
        G::HeaderSyncFailed => "同步失败：{}",
        G::KeySync => "与团队同步",
        G::ErrSyncNeedsKey => "同步需要团队密钥：请先运行 liaison sync unlock，或设置团队口令文件",
    }
}

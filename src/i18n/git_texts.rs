//! The texts of team sync: `liaison sync …`, its errors, and the
//! dashboard's sync status, in a table of their own.

use super::{Lang, tr, trf};
use crate::sync::{Check, SyncError};

text_table! {
    /// A text of team sync.
    G {
        TeamPassPrompt => "Team passphrase: ", "团队口令：";
        TeamPassNew => "New team passphrase (for everyone who syncs with this repository): ", "新的团队口令（同步此仓库的所有成员共用）：";
        TeamPassRepeat => "Repeat the team passphrase: ", "再次输入团队口令：";
        TeamPassRetry => "Wrong team passphrase, try again.", "团队口令不正确，请重试。";
        ErrTeamPassMismatch => "the two team passphrases differ; nothing was changed", "两次输入的团队口令不一致，未作任何更改";
        ErrTeamPassShort => "a team passphrase needs at least {} characters; nothing was changed", "团队口令至少需要 {} 个字符，未作任何更改";
        ErrTeamPassNoTerminal => "the team passphrase is needed and there is no terminal to ask on: give --team-passphrase-file FILE or set LIAISON_TEAM_PASSPHRASE_FILE", "需要团队口令，但没有终端可供询问：请指定团队口令文件或设置相应的环境变量";
        ErrTeamPassCancelled => "no team passphrase given; nothing was changed", "未输入团队口令，未作任何更改";
        Founded => "Set up a new team in {} (this replica {}, id block 0). Others join with: liaison sync init {}", "已在 {} 建立新的团队仓库（本机副本 {}，编号段 0）。其他成员加入：liaison sync init {}";
        Joined => "Joined the team in {} (this replica {}, ids from {}). Run liaison sync to bring in the register.", "已加入 {} 的团队仓库（本机副本 {}，编号从 {} 起）。运行 liaison sync 取得登记内容。";
        AlreadyJoined => "Sync is already set up with {} (this replica {}).", "已设置与 {} 同步（本机副本 {}）。";
        Synced => "Synced: {} of this replica's changes sent, {} from others taken in.", "同步完成：发出本机改动 {} 条，收到其他成员的改动 {} 条。";
        SyncedItems => "Changed by others: {}", "其他成员改动的事项：{}";
        SyncedConflicts => "Conflicts to resolve: {} (see liaison show ID)", "需处理的冲突：{}（见 liaison show 编号）";
        Refused => "refused an operation of replica {} (number {}): {}", "拒收副本 {} 的一条操作（序号 {}）：{}";
        WhyUnknown => "the replica is not known to the team", "团队中没有该副本";
        WhyBadSignature => "its signature is not that replica's (forged)", "签名不属于该副本（伪造）";
        WhyRetired => "the replica was retired before it", "该副本在此之前已停用";
        WhyOwn => "it claims to be this replica's own", "冒充本机副本的操作";
        KeyChanged => "replica {} published another key; its first one is still the one trusted", "副本 {} 发布了另一个密钥，仍只信任最初的密钥";
        Unreadable => "{} in the team's repository cannot be opened with the team key; it was skipped", "团队仓库中的 {} 无法用团队密钥打开，已跳过";
        StatusRemote => "Repository: {}", "团队仓库：{}";
        StatusReplica => "This replica: {} (id block {})", "本机副本：{}（编号段 {}）";
        StatusLast => "Last sync: {}", "上次同步：{}";
        StatusNever => "never", "尚未同步";
        StatusArrival => "Others' changes last arrived: {} ({} changes)", "上次收到其他成员的改动：{}（{} 条）";
        StatusPending => "Not yet sent: {} changes", "尚未发出的改动：{} 条";
        StatusMember => "Replica {}: {}", "副本 {}：{}";
        StatusNoName => "(no name)", "（未署名）";
        StatusRetired => "retired", "已停用";
        StatusCalendar => "Meetings calendar (meetings.ics, plain text) written to the repository: {}", "会务日历（meetings.ics，明文）写入团队仓库：{}";
        Yes => "yes", "是";
        No => "no", "否";
        Retired => "Retired replica {}: its operations after number {} are refused from now on.", "已停用副本 {}：此后其序号 {} 之后的操作一律拒收。";
        TeamKeyKept => "The team key is kept for {} minutes in this login session.", "团队密钥将在本次登录会话中保管 {} 分钟。";
        TeamKeyForgotten => "The team key was forgotten.", "已清除保管的团队密钥。";
        TeamKeyNoneKept => "No team key was kept.", "没有保管的团队密钥。";
        VerifyForged => "replica {}'s operation number {} does not hold: {}", "副本 {} 的第 {} 条操作校验未通过：{}";
        VerifyForgedCount => "{} operations of other replicas fail their signature check", "其他副本的 {} 条操作未通过签名校验";
        ErrNoGit => "git cannot be run ({}): install git", "无法运行 git（{}）：请先安装 git";
        ErrGit => "git {} failed: {}", "git {} 执行失败：{}";
        ErrUnreachable => "the team's repository cannot be reached: {}", "无法访问团队仓库：{}";
        ErrNotSetUp => "sync is not set up for this data directory: run liaison sync init REMOTE", "本数据目录尚未设置同步：请先运行 liaison sync init 仓库地址";
        ErrAlreadySetUp => "sync is already set up with another repository, {}; nothing was changed", "本数据目录已设置与另一个仓库 {} 同步，未作任何更改";
        ErrWrongTeamPass => "wrong team passphrase; nothing was changed", "团队口令不正确，未作任何更改";
        ErrBadFile => "{} cannot be read; nothing was changed", "无法读取 {}，未作任何更改";
        ErrNewer => "{} was written by a newer liaison; update liaison", "{} 由更新版本的程序写入，请先升级";
        ErrOtherTeam => "{} was sealed with another team key", "{} 由另一个团队密钥加密";
        ErrTeamChanged => "the repository's team file is not the one this replica joined; nothing was changed", "团队仓库的团队文件与本机加入时不同，未作任何更改";
        ErrNotATeam => "{} is not a team repository (it has no team.json); nothing was changed", "{} 不是团队仓库（缺少团队文件），未作任何更改";
        ErrHasItems => "this data directory already holds items, so it cannot join a team that has a founder; use an empty data directory", "本数据目录已有事项，不能加入已有创建者的团队；请使用空的数据目录";
        ErrBusy => "another sync is running on this data directory; try again shortly", "本数据目录正在进行另一次同步，请稍后再试";
        ErrRaced => "the repository kept changing under this sync; try again", "同步期间团队仓库不断变化，请重试";
        ErrUnknownReplica => "no replica {} in the team (see liaison sync status)", "团队中没有副本 {}（见 liaison sync status）";
        ErrRetireSelf => "a replica cannot retire itself", "不能停用本机副本";
        HeaderSynced => "synced {}", "已同步 {}";
        HeaderArrived => "{} new from others", "他人新改动 {} 条";
        HeaderNever => "not synced yet", "尚未同步";
        HeaderSyncing => "syncing…", "正在同步…";
        HeaderSyncFailed => "sync failed: {}", "同步失败：{}";
        KeySync => "sync with the team", "与团队同步";
        ErrSyncNeedsKey => "sync needs the team key: run liaison sync unlock first, or set LIAISON_TEAM_PASSPHRASE_FILE", "同步需要团队密钥：请先运行 liaison sync unlock，或设置团队口令文件";
    }
}

/// Why an operation was refused, said in `lang`.
pub fn why(lang: Lang, c: Check) -> &'static str {
    tr(
        lang,
        match c {
            Check::UnknownReplica => G::WhyUnknown,
            Check::BadSignature => G::WhyBadSignature,
            Check::Retired => G::WhyRetired,
            Check::Own => G::WhyOwn,
        },
    )
}

/// A sync error as one line in `lang`.
pub fn sync_error(lang: Lang, e: &SyncError) -> String {
    match e {
        SyncError::NoGit(m) => trf(lang, G::ErrNoGit, &[m]),
        SyncError::Git(cmd, m) => trf(lang, G::ErrGit, &[cmd, m]),
        SyncError::Unreachable(m) => trf(lang, G::ErrUnreachable, &[m]),
        SyncError::NotSetUp => tr(lang, G::ErrNotSetUp).into(),
        SyncError::AlreadySetUp(r) => trf(lang, G::ErrAlreadySetUp, &[r]),
        SyncError::WrongPassphrase => tr(lang, G::ErrWrongTeamPass).into(),
        SyncError::BadFile(f) => trf(lang, G::ErrBadFile, &[f]),
        SyncError::Newer(f) => trf(lang, G::ErrNewer, &[f]),
        SyncError::OtherTeam(f) => trf(lang, G::ErrOtherTeam, &[f]),
        SyncError::TeamChanged => tr(lang, G::ErrTeamChanged).into(),
        SyncError::NotATeam(r) => trf(lang, G::ErrNotATeam, &[r]),
        SyncError::HasItems => tr(lang, G::ErrHasItems).into(),
        SyncError::Busy => tr(lang, G::ErrBusy).into(),
        SyncError::Raced => tr(lang, G::ErrRaced).into(),
        SyncError::UnknownReplica(r) => trf(lang, G::ErrUnknownReplica, &[r]),
        SyncError::RetireSelf => tr(lang, G::ErrRetireSelf).into(),
        SyncError::Said(line) => line.clone(),
        SyncError::Store(e) => super::store_error(lang, e),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_sync_text_has_both_languages_with_the_same_placeholders() {
        for key in G::ALL {
            let (en, zh) = (tr(Lang::En, *key), tr(Lang::Zh, *key));
            assert!(!en.trim().is_empty() && !zh.trim().is_empty(), "{key:?}");
            assert_eq!(
                en.matches("{}").count(),
                zh.matches("{}").count(),
                "{key:?}"
            );
            let has_cjk = zh.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c));
            assert!(has_cjk, "{key:?} looks untranslated: {zh}");
        }
    }
}

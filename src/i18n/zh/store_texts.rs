//! Simplified Chinese: a user-facing text of the data directory and its safety.

use crate::i18n::S;

/// `key` in Simplified Chinese.
pub fn text(key: S) -> &'static str {
    match key {
        // The data directory and its files.
        S::StoreIo => "{} {}：{}",
        S::StoreCorrupt => {
            "无法读取 {}：{}（第 {} 行第 {} 列）。文件未被改动；可用 `liaison backups` 查看备份，用 `liaison restore 备份名` 恢复"
        }
        S::StoreNewer => {
            "{} 由更新版本的本程序写入（格式版本 {}，本程序最高支持 {}）。文件未被改动；请用新版本打开"
        }
        S::StoreBusy => "{} 中的数据正被另一个窗口或命令使用，请稍后再试",
        S::StoreNoBackup => "没有名为“{}”的备份（见 `liaison backups`）",
        S::StoreNoDataDir => "找不到本用户的数据目录，请用 --data-dir 指定",
        // Encryption at rest: passphrases, sealed files, turning it on and off.
        S::PassPrompt => "{} 的口令：",
        S::PassNew => "为 {} 设置新口令：",
        S::PassRepeat => "再次输入新口令：",
        S::PassRetry => "口令错误，请重试。",
        S::ErrPassMismatch => "两次输入的口令不一致，未作任何改动",
        S::ErrPassShort => "口令至少需要 {} 个字符，未作任何改动",
        S::ErrPassCancelled => "已取消，未作任何改动",
        S::ErrPassNoTerminal => {
            "{} 中的数据已加密，且没有终端可输入口令：请用 --passphrase-file 文件 或 LIAISON_PASSPHRASE_FILE 提供口令（写在文件第一行）"
        }
        S::ErrPassFile => "无法读取口令文件 {}：{}",
        S::ErrPassFileEmpty => "口令文件 {} 的第一行为空",
        S::ErrWrongPass => "{} 中数据的口令错误，未作任何改动",
        S::ErrLocked => "{} 中的数据已加密，需要口令才能读取",
        S::ErrOtherKey => "{} 是用另一个口令加密的，未作改动",
        S::ErrDamaged => {
            "无法读取 {}：加密文件{}。文件未作改动；可用 liaison backups 和 liaison restore 名称 恢复到已保存的副本"
        }
        S::DamageTruncated => "不完整（被截断）",
        S::DamageExtended => "末尾有多余字节",
        S::DamageHeader => "文件头已损坏",
        S::DamageContents => "内容已损坏",
        S::ErrNewerEnvelope => {
            "{} 由更新版本的本程序加密（加密格式版本 {}，本版本最高支持 {}）。文件未作改动；请用新版本打开"
        }
        S::ErrPlaintext => {
            "加密已开启，但 {} 仍是明文，未作改动；请再次运行 liaison encrypt 将其加密"
        }
        S::ErrInUse => "{} 正被一个窗口使用，请先关闭",
        S::PlainLeft => "{} 仍是明文；请再次运行 liaison encrypt 将其加密",
        S::EncryptOn => {
            "{} 已开启加密：数据及其备份（{} 个）均已加密。没有口令将无法读取数据，请妥善保管口令"
        }
        S::EncryptAlready => "{} 已经加密（仍为明文、现已加密的文件：{} 个）",
        S::DecryptOff => "{} 已关闭加密：数据及其备份（{} 个）已恢复为明文",
        S::DecryptNotOn => "{} 未加密，未作任何改动",
        S::WeakKdf => {
            "{} 中的数据加密时使用的密钥派生强度低于本版本；请先运行 liaison decrypt 再运行 liaison encrypt 以加强"
        }
        // A hostile data directory or input.
        S::ErrSymlink => {
            "{} 是符号链接；本程序不跟随数据目录中的链接。未读取或改动任何内容；请换成真实文件"
        }
        S::ErrNotRegular => "{} 是{}，不是普通文件；未读取或改动任何内容",
        S::ErrNotDirectory => "{} 不是目录；未读取或改动任何内容",
        S::ErrNotOwned => {
            "{} 属于其他用户（用户号 {}，当前用户号 {}）；本程序只使用本人的数据目录和文件。未读取或改动任何内容"
        }
        S::ErrStaysWritable => "收紧权限后，{} 仍可被其他用户写入；未读取或改动任何内容",
        S::ErrTooLarge => {
            "{} 大小为 {} MiB，超过本程序的读取上限 {} MiB，未读取。如确为本人数据，请把环境变量 LIAISON_MAX_STATE_MB 设为更大的数值"
        }
        // Encryption at rest, continued.
        S::DamageCosts => "文件头已损坏（密钥派生参数超出本程序写入的范围：被调低或过大）",
        S::ErrNotEncrypted => {
            "已提供口令，但 {} 中的数据未加密：未以明文写入任何内容。请运行 liaison encrypt 加密，或不提供口令文件再运行"
        }
        S::ErrMarkedEncrypted => {
            "{} 中的数据标记为已加密（{}），但没有可读取的加密文件；未读取或改动任何内容。如确已关闭加密，请删除该标记文件"
        }
        S::ErrPassFileOpen => {
            "口令文件 {} 可被其他用户读取（{}）；请将其设为仅本人可读（chmod 600）后重试"
        }
        S::ErrPassFileInside => {
            "口令文件 {} 位于数据目录内，与其保护的数据放在一起；请放到其他位置"
        }
        // The key kept between commands.
        S::KeyNotEncrypted => "{} 未加密，无需保管密钥",
        S::ErrKeyDuration => "无法识别时长“{}”：请写作 30m、2h 或 1h30m（最长 24h），未保管密钥",
        S::ErrKeyring => "内核密钥环拒绝保管密钥（{}），未保管",
        S::KeyKept => {
            "{} 的密钥已保管在本会话的内核密钥环中，保留 {} 分钟；运行 liaison lock 可提前清除"
        }
        S::KeyForgotten => "已清除 {} 保管的密钥",
        S::KeyNoneKept => "{} 没有保管中的密钥",
        // The journal: its notices and what tampering was found.
        S::NoticeTorn => "{}：最后一次未写完的改动（因崩溃或磁盘已满而中断）已忽略",
        S::NoticeMigrated => "{} 已转换为日志格式；原文件保留为 backups/{}",
        S::ErrTampered => {
            "{} 第 {} 行：{}。文件未作改动；请运行 liaison verify 检查，并可用 liaison backups 和 liaison restore 名称 恢复到已保存的副本"
        }
        S::TamperUnreadable => "不是日志操作记录",
        S::TamperAltered => "记录后被改动",
        S::TamperBrokenLink => "与前一条操作衔接不上（有操作被删除、插入或调换顺序）",
        S::TamperOutOfOrder => "操作编号顺序错乱",
        S::TamperNoMark => "日志开头缺少快照标记",
        S::TamperSnapshotChanged => "state.json 不是此日志所接续的快照（已被改动或替换）",
        S::TamperSnapshotMissing => "缺少 state.json",
        S::TamperJournalMissing => "日志文件缺失，但已有操作记录",
        S::TamperCutShort => "日志止于第 {} 条操作，但已记录 {} 条：末尾被截去",
        S::TamperHeadChanged => "第 {} 条操作与记录不符",
        S::TamperPlain => "加密已开启，但此处为明文",
        S::TamperInapplicable => "无法应用：{}",
        S::PermsTightened => "{} 原先对其他用户开放（权限 {}），已改为 {}",
        // What the store was doing when the file system said no.
        S::IoCreate => "无法创建",
        S::IoOpen => "无法打开",
        S::IoRead => "无法读取",
        S::IoSave => "无法保存",
        S::IoLock => "无法锁定",
        S::IoSecure => "无法设置权限",
        S::IoWriteBackup => "无法写入备份",
        // What a path turned out to be instead of a regular file.
        S::FileDirectory => "目录",
        S::FileFifo => "命名管道",
        S::FileDevice => "设备文件",
        S::FileSocket => "套接字",
        S::FileSymlink => "符号链接",
        S::FileSpecial => "特殊文件",
        // The file system's answer.
        S::OsNotFound => "文件或目录不存在",
        S::OsDenied => "权限不足",
        S::OsExists => "已存在",
        S::OsFull => "磁盘空间不足",
        S::OsReadOnly => "文件系统只读",
        S::OsIo => "读写错误",
        S::OsOther => "系统错误",
        S::OsCode => "{}（错误码 {}）",
    }
}

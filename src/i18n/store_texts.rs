//! The texts of the data directory: store failures, encryption at rest
//! and passphrases, unsafe paths, the key kept between commands, and the
//! journal's notices and tampering, in a table of their own (`tr` and `trf`
//! take a key of any table).

text_table! {
    /// A user-facing text of the data directory and its safety.
    S {
        // The data directory and its files.
        StoreIo => "{} {}: {}", "{} {}：{}";
        StoreCorrupt => "cannot read {}: {} at line {} column {}. The file was left untouched; see `liaison backups` and `liaison restore NAME` to go back to a saved copy", "无法读取 {}：{}（第 {} 行第 {} 列）。文件未被改动；可用 `liaison backups` 查看备份，用 `liaison restore 备份名` 恢复";
        StoreNewer => "{} was written by a newer liaison (format version {}; this one reads up to {}). It was left untouched; open it with the newer liaison", "{} 由更新版本的本程序写入（格式版本 {}，本程序最高支持 {}）。文件未被改动；请用新版本打开";
        StoreBusy => "the data in {} is locked by another liaison process; try again in a moment", "{} 中的数据正被另一个窗口或命令使用，请稍后再试";
        StoreNoBackup => "no backup named '{}' (see `liaison backups`)", "没有名为“{}”的备份（见 `liaison backups`）";
        StoreNoDataDir => "cannot find a data directory for this user; pass --data-dir DIR", "找不到本用户的数据目录，请用 --data-dir 指定";
        // Encryption at rest: passphrases, sealed files, turning it on and off.
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
        ErrNewerEnvelope => "{} was encrypted by a newer liaison (envelope version {}; this one reads up to {}). It was left untouched; open it with the newer liaison", "{} 由更新版本的本程序加密（加密格式版本 {}，本版本最高支持 {}）。文件未作改动；请用新版本打开";
        ErrPlaintext => "{} is plain text while encryption is on; it was left untouched. Run `liaison encrypt` again to encrypt it", "加密已开启，但 {} 仍是明文，未作改动；请再次运行 liaison encrypt 将其加密";
        ErrInUse => "a liaison dashboard is open on {}; close it first", "{} 正被一个窗口使用，请先关闭";
        PlainLeft => "{} is still plain text; run `liaison encrypt` again to encrypt it", "{} 仍是明文；请再次运行 liaison encrypt 将其加密";
        EncryptOn => "encryption is on for {}: the data is encrypted, and so are its backups ({}). Without the passphrase the data cannot be read: keep it safe", "{} 已开启加密：数据及其备份（{} 个）均已加密。没有口令将无法读取数据，请妥善保管口令";
        EncryptAlready => "{} is already encrypted (files that were still plain text, now encrypted: {})", "{} 已经加密（仍为明文、现已加密的文件：{} 个）";
        DecryptOff => "encryption is off for {}: the data is plain text again, and so are its backups ({})", "{} 已关闭加密：数据及其备份（{} 个）已恢复为明文";
        DecryptNotOn => "{} is not encrypted; nothing was changed", "{} 未加密，未作任何改动";
        WeakKdf => "the data in {} was encrypted with weaker key derivation than this build uses; run `liaison decrypt` then `liaison encrypt` to strengthen it", "{} 中的数据加密时使用的密钥派生强度低于本版本；请先运行 liaison decrypt 再运行 liaison encrypt 以加强";
        // A hostile data directory or input.
        ErrSymlink => "{} is a symbolic link; liaison does not follow links in its data directory. Nothing was read or changed; replace it with the real file", "{} 是符号链接；本程序不跟随数据目录中的链接。未读取或改动任何内容；请换成真实文件";
        ErrNotRegular => "{} is a {}, not a regular file; nothing was read or changed", "{} 是{}，不是普通文件；未读取或改动任何内容";
        ErrNotDirectory => "{} is not a directory; nothing was read or changed", "{} 不是目录；未读取或改动任何内容";
        ErrNotOwned => "{} belongs to another user (uid {}; you are uid {}); liaison uses only a data directory and files of your own. Nothing was read or changed", "{} 属于其他用户（用户号 {}，当前用户号 {}）；本程序只使用本人的数据目录和文件。未读取或改动任何内容";
        ErrStaysWritable => "{} stays writable by other users after its permissions were tightened; nothing was read or changed", "收紧权限后，{} 仍可被其他用户写入；未读取或改动任何内容";
        ErrTooLarge => "{} is {} MiB, more than the {} MiB liaison reads; nothing was read. If the file is really yours, set LIAISON_MAX_STATE_MB to a larger number", "{} 大小为 {} MiB，超过本程序的读取上限 {} MiB，未读取。如确为本人数据，请把环境变量 LIAISON_MAX_STATE_MB 设为更大的数值";
        // Encryption at rest, continued.
        DamageCosts => "damaged in its header (key derivation costs outside what liaison writes: lowered or too large)", "文件头已损坏（密钥派生参数超出本程序写入的范围：被调低或过大）";
        ErrNotEncrypted => "a passphrase was given but the data in {} is not encrypted: nothing was written in plain text. Run `liaison encrypt` to encrypt it, or run without a passphrase file", "已提供口令，但 {} 中的数据未加密：未以明文写入任何内容。请运行 liaison encrypt 加密，或不提供口令文件再运行";
        ErrMarkedEncrypted => "the data in {} is marked as encrypted ({}) but no encrypted file can be read; nothing was read or changed. If encryption was turned off on purpose, remove that file", "{} 中的数据标记为已加密（{}），但没有可读取的加密文件；未读取或改动任何内容。如确已关闭加密，请删除该标记文件";
        ErrPassFileOpen => "the passphrase file {} can be read by other users ({}); make it private (chmod 600) and try again", "口令文件 {} 可被其他用户读取（{}）；请将其设为仅本人可读（chmod 600）后重试";
        ErrPassFileInside => "the passphrase file {} is inside the data directory, next to what it protects; keep it elsewhere", "口令文件 {} 位于数据目录内，与其保护的数据放在一起；请放到其他位置";
        // The key kept between commands.
        KeyNotEncrypted => "{} is not encrypted; there is no key to keep", "{} 未加密，无需保管密钥";
        ErrKeyDuration => "cannot read the duration '{}': give e.g. 30m, 2h or 1h30m (at most 24h); nothing was kept", "无法识别时长“{}”：请写作 30m、2h 或 1h30m（最长 24h），未保管密钥";
        ErrKeyring => "the kernel keyring refused to keep the key ({}); nothing was kept", "内核密钥环拒绝保管密钥（{}），未保管";
        KeyKept => "the key of {} is kept in this session's kernel keyring for {} minutes; `liaison lock` forgets it sooner", "{} 的密钥已保管在本会话的内核密钥环中，保留 {} 分钟；运行 liaison lock 可提前清除";
        KeyForgotten => "the kept key of {} is forgotten", "已清除 {} 保管的密钥";
        KeyNoneKept => "no key of {} is kept", "{} 没有保管中的密钥";
        // The journal: its notices and what tampering was found.
        NoticeTorn => "{}: an unfinished last change (cut off by a crash or a full disk) was ignored", "{}：最后一次未写完的改动（因崩溃或磁盘已满而中断）已忽略";
        NoticeMigrated => "{} was converted to the journal format; the old file is kept as backups/{}", "{} 已转换为日志格式；原文件保留为 backups/{}";
        ErrTampered => "{}, line {}: {}. The file was left untouched; run `liaison verify`, and see `liaison backups` and `liaison restore NAME` to go back to a saved copy", "{} 第 {} 行：{}。文件未作改动；请运行 liaison verify 检查，并可用 liaison backups 和 liaison restore 名称 恢复到已保存的副本";
        TamperUnreadable => "not a journal operation", "不是日志操作记录";
        TamperAltered => "changed after it was recorded", "记录后被改动";
        TamperBrokenLink => "does not follow the operation before it (operations removed, added or reordered)", "与前一条操作衔接不上（有操作被删除、插入或调换顺序）";
        TamperOutOfOrder => "operation numbers out of order", "操作编号顺序错乱";
        TamperNoMark => "the journal does not begin with its snapshot mark", "日志开头缺少快照标记";
        TamperSnapshotChanged => "state.json is not the snapshot this journal continues (changed or replaced)", "state.json 不是此日志所接续的快照（已被改动或替换）";
        TamperSnapshotMissing => "state.json is missing", "缺少 state.json";
        TamperJournalMissing => "the journal is missing, but operations were recorded", "日志文件缺失，但已有操作记录";
        TamperCutShort => "the journal ends at operation {}, but {} were recorded: its end was cut", "日志止于第 {} 条操作，但已记录 {} 条：末尾被截去";
        TamperHeadChanged => "operation {} is not the one recorded", "第 {} 条操作与记录不符";
        TamperPlain => "plain text while encryption is on", "加密已开启，但此处为明文";
        TamperInapplicable => "cannot be applied: {}", "无法应用：{}";
    }
}

//! English: a user-facing text of the data directory and its safety.

use crate::i18n::S;

/// `key` in English.
pub fn text(key: S) -> &'static str {
    match key {
        // The data directory and its files.
        S::StoreIo => "{} {}: {}",
        S::StoreCorrupt => {
            "cannot read {}: {} at line {} column {}. The file was left untouched; see `liaison backups` and `liaison restore NAME` to go back to a saved copy"
        }
        S::StoreNewer => {
            "{} was written by a newer liaison (format version {}; this one reads up to {}). It was left untouched; open it with the newer liaison"
        }
        S::StoreBusy => {
            "the data in {} is locked by another liaison process; try again in a moment"
        }
        S::StoreNoBackup => "no backup named '{}' (see `liaison backups`)",
        S::StoreNoDataDir => "cannot find a data directory for this user; pass --data-dir DIR",
        // Encryption at rest: passphrases, sealed files, turning it on and off.
        S::PassPrompt => "Passphrase for {}: ",
        S::PassNew => "New passphrase for {}: ",
        S::PassRepeat => "Repeat the new passphrase: ",
        S::PassRetry => "Wrong passphrase, try again.",
        S::ErrPassMismatch => "the two passphrases differ; nothing was changed",
        S::ErrPassShort => "a passphrase needs at least {} characters; nothing was changed",
        S::ErrPassCancelled => "cancelled; nothing was changed",
        S::ErrPassNoTerminal => {
            "the data in {} is encrypted and there is no terminal to ask for its passphrase: give it with --passphrase-file FILE or LIAISON_PASSPHRASE_FILE (the passphrase on the first line)"
        }
        S::ErrPassFile => "cannot read the passphrase file {}: {}",
        S::ErrPassFileEmpty => "the first line of the passphrase file {} is empty",
        S::ErrWrongPass => "wrong passphrase for the data in {}; nothing was changed",
        S::ErrLocked => "the data in {} is encrypted; a passphrase is needed to read it",
        S::ErrOtherKey => "{} was encrypted with another passphrase; it was left untouched",
        S::ErrDamaged => {
            "cannot read {}: the encrypted file is {}. It was left untouched; see `liaison backups` and `liaison restore NAME` to go back to a saved copy"
        }
        S::DamageTruncated => "cut short",
        S::DamageExtended => "followed by extra bytes",
        S::DamageHeader => "damaged in its header",
        S::DamageContents => "damaged in its contents",
        S::ErrNewerEnvelope => {
            "{} was encrypted by a newer liaison (envelope version {}; this one reads up to {}). It was left untouched; open it with the newer liaison"
        }
        S::ErrPlaintext => {
            "{} is plain text while encryption is on; it was left untouched. Run `liaison encrypt` again to encrypt it"
        }
        S::ErrInUse => "a liaison dashboard is open on {}; close it first",
        S::PlainLeft => "{} is still plain text; run `liaison encrypt` again to encrypt it",
        S::EncryptOn => {
            "encryption is on for {}: the data is encrypted, and so are its backups ({}). Without the passphrase the data cannot be read: keep it safe"
        }
        S::EncryptAlready => {
            "{} is already encrypted (files that were still plain text, now encrypted: {})"
        }
        S::DecryptOff => {
            "encryption is off for {}: the data is plain text again, and so are its backups ({})"
        }
        S::DecryptNotOn => "{} is not encrypted; nothing was changed",
        S::WeakKdf => {
            "the data in {} was encrypted with weaker key derivation than this build uses; run `liaison decrypt` then `liaison encrypt` to strengthen it"
        }
        // A hostile data directory or input.
        S::ErrSymlink => {
            "{} is a symbolic link; liaison does not follow links in its data directory. Nothing was read or changed; replace it with the real file"
        }
        S::ErrNotRegular => "{} is a {}, not a regular file; nothing was read or changed",
        S::ErrNotDirectory => "{} is not a directory; nothing was read or changed",
        S::ErrNotOwned => {
            "{} belongs to another user (uid {}; you are uid {}); liaison uses only a data directory and files of your own. Nothing was read or changed"
        }
        S::ErrStaysWritable => {
            "{} stays writable by other users after its permissions were tightened; nothing was read or changed"
        }
        S::ErrTooLarge => {
            "{} is {} MiB, more than the {} MiB liaison reads; nothing was read. If the file is really yours, set LIAISON_MAX_STATE_MB to a larger number"
        }
        // Encryption at rest, continued.
        S::DamageCosts => {
            "damaged in its header (key derivation costs outside what liaison writes: lowered or too large)"
        }
        S::ErrNotEncrypted => {
            "a passphrase was given but the data in {} is not encrypted: nothing was written in plain text. Run `liaison encrypt` to encrypt it, or run without a passphrase file"
        }
        S::ErrMarkedEncrypted => {
            "the data in {} is marked as encrypted ({}) but no encrypted file can be read; nothing was read or changed. If encryption was turned off on purpose, remove that file"
        }
        S::ErrPassFileOpen => {
            "the passphrase file {} can be read by other users ({}); make it private (chmod 600) and try again"
        }
        S::ErrPassFileInside => {
            "the passphrase file {} is inside the data directory, next to what it protects; keep it elsewhere"
        }
        // The key kept between commands.
        S::KeyNotEncrypted => "{} is not encrypted; there is no key to keep",
        S::ErrKeyDuration => {
            "cannot read the duration '{}': give e.g. 30m, 2h or 1h30m (at most 24h); nothing was kept"
        }
        S::ErrKeyring => "the kernel keyring refused to keep the key ({}); nothing was kept",
        S::KeyKept => {
            "the key of {} is kept in this session's kernel keyring for {} minutes; `liaison lock` forgets it sooner"
        }
        S::KeyForgotten => "the kept key of {} is forgotten",
        S::KeyNoneKept => "no key of {} is kept",
        // The journal: its notices and what tampering was found.
        S::NoticeTorn => {
            "{}: an unfinished last change (cut off by a crash or a full disk) was ignored"
        }
        S::NoticeMigrated => {
            "{} was converted to the journal format; the old file is kept as backups/{}"
        }
        S::ErrTampered => {
            "{}, line {}: {}. The file was left untouched; run `liaison verify`, and see `liaison backups` and `liaison restore NAME` to go back to a saved copy"
        }
        S::TamperUnreadable => "not a journal operation",
        S::TamperAltered => "changed after it was recorded",
        S::TamperBrokenLink => {
            "does not follow the operation before it (operations removed, added or reordered)"
        }
        S::TamperOutOfOrder => "operation numbers out of order",
        S::TamperNoMark => "the journal does not begin with its snapshot mark",
        S::TamperSnapshotChanged => {
            "state.json is not the snapshot this journal continues (changed or replaced)"
        }
        S::TamperSnapshotMissing => "state.json is missing",
        S::TamperJournalMissing => "the journal is missing, but operations were recorded",
        S::TamperCutShort => {
            "the journal ends at operation {}, but {} were recorded: its end was cut"
        }
        S::TamperHeadChanged => "operation {} is not the one recorded",
        S::TamperPlain => "plain text while encryption is on",
        S::TamperInapplicable => "cannot be applied: {}",
        S::PermsTightened => "{} was open to others ({}); set to {}",
        // What the store was doing when the file system said no.
        S::IoCreate => "cannot create",
        S::IoOpen => "cannot open",
        S::IoRead => "cannot read",
        S::IoSave => "cannot save",
        S::IoLock => "cannot lock",
        S::IoSecure => "cannot secure",
        S::IoWriteBackup => "cannot write backup",
        // What a path turned out to be instead of a regular file.
        S::FileDirectory => "directory",
        S::FileFifo => "FIFO",
        S::FileDevice => "device",
        S::FileSocket => "socket",
        S::FileSymlink => "symbolic link",
        S::FileSpecial => "special file",
        // The file system's answer.
        S::OsNotFound => "no such file or directory",
        S::OsDenied => "permission denied",
        S::OsExists => "already exists",
        S::OsFull => "no space left on the disk",
        S::OsReadOnly => "the file system is read-only",
        S::OsIo => "input/output error",
        S::OsOther => "system error",
        S::OsCode => "{} (error {})",
    }
}

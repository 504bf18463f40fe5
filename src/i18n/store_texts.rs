//! The texts of the data directory: store failures, encryption at rest
//! and passphrases, unsafe paths, the key kept between commands, and the
//! journal's notices and tampering, in a table of their own (`tr` and `trf`
//! take a key of any table).

text_keys! {
    /// A user-facing text of the data directory and its safety.
    S in store_texts {
        // The data directory and its files.
        StoreIo,
        StoreCorrupt,
        StoreNewer,
        StoreBusy,
        StoreNoBackup,
        StoreNoDataDir,
        // Encryption at rest: passphrases, sealed files, turning it on and off.
        PassPrompt,
        PassNew,
        PassRepeat,
        PassRetry,
        ErrPassMismatch,
        ErrPassShort,
        ErrPassCancelled,
        ErrPassNoTerminal,
        ErrPassFile,
        ErrPassFileEmpty,
        ErrWrongPass,
        ErrLocked,
        ErrOtherKey,
        ErrDamaged,
        DamageTruncated,
        DamageExtended,
        DamageHeader,
        DamageContents,
        ErrNewerEnvelope,
        ErrPlaintext,
        ErrInUse,
        PlainLeft,
        EncryptOn,
        EncryptAlready,
        DecryptOff,
        DecryptNotOn,
        WeakKdf,
        // A hostile data directory or input.
        ErrSymlink,
        ErrNotRegular,
        ErrNotDirectory,
        ErrNotOwned,
        ErrStaysWritable,
        ErrTooLarge,
        // Encryption at rest, continued.
        DamageCosts,
        ErrNotEncrypted,
        ErrMarkedEncrypted,
        ErrPassFileOpen,
        ErrPassFileInside,
        // The key kept between commands.
        KeyNotEncrypted,
        ErrKeyDuration,
        ErrKeyring,
        KeyKept,
        KeyForgotten,
        KeyNoneKept,
        // The journal: its notices and what tampering was found.
        NoticeTorn,
        NoticeMigrated,
        ErrTampered,
        TamperUnreadable,
        TamperAltered,
        TamperBrokenLink,
        TamperOutOfOrder,
        TamperNoMark,
        TamperSnapshotChanged,
        TamperSnapshotMissing,
        TamperJournalMissing,
        TamperCutShort,
        TamperHeadChanged,
        TamperPlain,
        TamperInapplicable,
    }
}

//! The texts of the custody register, its prompts, registers and the
//! clearance list, each key with its English and Chinese.

text_table! {
    /// A user-facing text of the custody register.
    C {
        // The people and places of a step, as labelled in prompts and registers.
        HandedOverBy => "handed over by", "移交人";
        Borrower => "borrower", "借阅人";
        Until => "due back", "应还时间";
        BroughtBackBy => "brought back by", "交还人";
        TakenBackBy => "taken back at the unit by", "被巡察单位接收人";
        ApprovedBy => "approved by", "审批人";
        Witness => "witness", "监销人";
        Location => "filed at", "存放位置";
        By => "recorded by", "经办人";
        Note => "note", "备注";
        Reason => "reason", "理由";
        Labelled => "{}: {}", "{}：{}";
        ListSep => " · ", "，";
        // Prompts.
        Optional => " (optional)", "（可不填）";
        AskStep => "{} {} · {}", "{} {} · {}";
        StepHint => "Tab / ↑↓ between details · Enter records · Esc cancels", "Tab / ↑↓ 切换各项 · 回车登记 · Esc 取消";
        Required => "{} is required; nothing was recorded", "须填写{}，未作登记";
        ChooseTitle => "{} {} · next step (type its number)", "{} {} · 下一步（输入序号）";
        ChooseLend => "lend it", "借出";
        ChooseRule => "close by its rule: {}", "按处置规定办结：{}";
        ChooseOther => "{} instead (asks for a reason)", "改为{}（须说明理由）";
        ChooseInvalid => "type a number from 1 to {}", "请输入 1 至 {} 的序号";
        ConfirmTitle => "{} {} · record this step?", "{} {} · 确认登记以下步骤？";
        ConfirmHint => "Enter records it · Esc cancels and changes nothing", "回车确认登记 · Esc 取消，不作改动";
        CopyTitle => "{} {} · make a copy or an extract (type its number)", "{} {} · 制作复印件或摘抄件（输入序号）";
        CopyName => "{} {} · {} · title", "{} {} · {} · 标题";
        CopyMade => "{}: {} made", "{}：已制作{}";
        // Copies.
        KindCopy => "copy", "复印件";
        KindExtract => "extract", "摘抄件";
        CopyOf => "{} of {}", "{}的{}";
        CopiesTitle => "Copies and extracts", "复印件及摘抄件";
        // Loans and their due time.
        DueBack => "due back {}", "应还 {}";
        OverdueSince => "overdue since {}", "已超期（应还 {}）";
        LentSince => "lent {}", "借出 {}";
        ReturnedAt => "back {}", "归还 {}";
        NotBack => "not back yet", "尚未归还";
        // Registers.
        LoanRegister => "Loan register", "借阅登记簿";
        LoansByBorrower => "Loans by borrower", "借阅人借阅情况";
        DestructionList => "Destruction list", "销毁清册";
        ArchiveList => "Archive list", "存档清单";
        RegisterEmpty => "none", "无";
        // Clearance at the end of the inspection (巡后清退).
        ClearanceTitle => "Clearance: what is still out", "巡后清退：尚未清退";
        ClearanceCounts => "open documents: {}, on loan: {}, open copies and extracts: {}", "未办结资料：{}，借出：{}，未办结复印件及摘抄件：{}";
        ClearanceWithLiaison => "with the liaison", "联络员保管";
        ClearanceRequested => "asked for, not received", "已调阅未接收";
        ClearanceEmpty => "everything is cleared", "已全部清退";
        // Refusals.
        ErrNoApprover => "shredding {} needs who approved it", "销毁{}须登记审批人";
        ErrUntilPast => "{}: the due-back time must be later than now", "{}：应还时间须晚于当前时间";
        ErrUntilNotLoan => "{}: a due-back time applies only to lending", "{}：只有借出才有应还时间";
        ErrOpenCopies => "{} cannot close while its copies or extracts are open: {}", "{}的复印件或摘抄件尚未办结（{}），不能先行办结";
        ErrNotInHand => "{}: a copy can be made only of a document in hand", "{}：只能对在保管或借出中的资料制作复印件";
        ErrClassLowered => "lowering {}'s class from {} to {} needs a reason", "{}的密级由{}调为{}，须说明理由";
        ClassChanged => "class changed from {} to {}", "密级由{}调整为{}";
        AskLowerReason => "{} {} · lowering its class · reason", "{} {} · 调低密级 · 理由";
        ClassChangedWhy => "class changed from {} to {}: {}", "密级由{}调整为{}：{}";
        ClassLogTitle => "Class changes", "密级变更";
        // The custody steps, by name.
        ActReceive => "receive", "接收";
        ActLend => "lend", "借出";
        ActBack => "take back", "归还";
        ActReturn => "return to the unit", "退还";
        ActShred => "shred", "销毁";
        ActArchive => "archive", "存档";
        // Custody refusals.
        ErrCustodyNotDocument => "{} is a {} item; only documents have custody", "{}是{}事项，只有资料才有借阅登记";
        ErrCustodyNotReceived => "cannot record '{}' for {}: it has not been received yet", "无法{}{}：该资料尚未接收";
        ErrCustodyAlreadyReceived => "{} has already been received", "{}已接收，不能重复接收";
        ErrCustodyNotLent => "{} is not lent out, so there is nothing to take back", "{}未借出，无需归还";
        ErrCustodyAlreadyLent => "{} is lent to {}; take it back before lending it again", "{}已借给{}，须先归还再借出";
        ErrCustodyLentOut => "cannot record '{}' for {}: it is lent to {}; take it back first", "无法{}{}：该资料已借给{}，须先归还";
        ErrCustodyClosed => "{} is already closed ({}); no further steps can be recorded", "{}已办结（{}），不能再登记";
        ErrCustodyNoPerson => "lending {} needs the borrower's name", "借出{}须登记借阅人";
        ErrCustodyNoWitness => "shredding {} needs a witness", "销毁{}须登记监销人";
        ErrCustodyNoLocation => "archiving {} needs the archive location", "存档{}须登记存放位置";
        ErrCustodyAgainstRule => "{}'s rule is {}; recording '{}' instead needs a reason", "{}的处置规定为{}，如需改为{}，须说明理由";
        ErrCustodyNothingToOverride => "{}: an override reason applies only to a closing step that differs from the rule", "{}：只有与处置规定不同的处置步骤才需说明理由";
        ErrCustodyBrokenLog => "{}: the custody log fails verification (problems: {}), so nothing was recorded; see `liaison backups`", "{}：借阅登记未通过校验（问题{}处），未登记新步骤；请查看 liaison backups";
        ErrDoneThroughCustody => "{} is a document: it is done when its custody is closed ({})", "{}是资料，须通过借阅登记办结（{}）";
        // Custody log verification.
        ChainAltered => "{}: custody event {} ({}) was changed after it was recorded", "{}：第{}条借阅登记（{}）在登记后被改动";
        ChainUnsealed => "{}: custody event {} ({}) has no hash", "{}：第{}条借阅登记（{}）缺少校验值";
        ChainBrokenLink => "{}: custody event {} does not follow the one before it (events removed, added or reordered)", "{}：第{}条借阅登记与前一条不衔接（登记被删除、插入或调换顺序）";
        ChainTruncated => "{}: the custody log was cut after event {} (later events removed, or custody_head edited)", "{}：借阅登记在第{}条之后被截断（后续登记被删除，或 custody_head 被改动）";
        ChainEmptied => "{}: all custody events were removed", "{}：全部借阅登记被删除";
        ChainOutOfSequence => "{}: custody event {} ({}) is not a valid step after the ones before it", "{}：第{}条借阅登记（{}）不符合登记顺序";
        ChainNotDocument => "{}: custody events on an item that is not a document", "{}：非资料事项含有借阅登记";
    }
}

use super::{Lang, tr, trf};
use crate::model::CopyKind;
use crate::model::custody::{Action, Field};

/// `copy` / `extract` in the user's language.
pub fn copy_kind(lang: Lang, kind: CopyKind) -> &'static str {
    tr(
        lang,
        match kind {
            CopyKind::Copy => C::KindCopy,
            CopyKind::Extract => C::KindExtract,
        },
    )
}

/// `extract of D1` / `D1的摘抄件`.
pub fn copy_of(lang: Lang, kind: CopyKind, parent: &str) -> String {
    match lang {
        Lang::En => trf(lang, C::CopyOf, &[&copy_kind(lang, kind), &parent]),
        Lang::Zh => trf(lang, C::CopyOf, &[&parent, &copy_kind(lang, kind)]),
    }
}

/// The label of a step's field: the person's depends on the step.
pub fn field_label(lang: Lang, action: Action, field: Field) -> &'static str {
    let key = match field {
        Field::Person => match action {
            Action::Receive => C::HandedOverBy,
            Action::Lend => C::Borrower,
            Action::Back => C::BroughtBackBy,
            _ => C::TakenBackBy,
        },
        Field::Until => C::Until,
        Field::ApprovedBy => C::ApprovedBy,
        Field::Witness => C::Witness,
        Field::Location => C::Location,
        Field::By => C::By,
        Field::Note => C::Note,
        Field::Reason => C::Reason,
    };
    tr(lang, key)
}

/// Every labelled detail of a recorded step, in prompt order: `借阅人：张三`,
/// `应还时间：12-02 17:00`, `经办人：小王`.
pub fn event_details(
    lang: Lang,
    e: &crate::model::CustodyEvent,
    now: crate::model::Time,
) -> Vec<String> {
    let mut out = Vec::new();
    let mut push = |field: Field, value: Option<String>| {
        if let Some(v) = value {
            let label = field_label(lang, e.action, field);
            out.push(trf(
                lang,
                C::Labelled,
                &[&label, &crate::text::one_line(&v)],
            ));
        }
    };
    push(Field::Reason, e.reason.clone());
    for field in Field::SHOWN {
        let value = match field {
            Field::Person => e.person.clone(),
            Field::Until => e.until.map(|t| super::preview(t, now, lang)),
            Field::ApprovedBy => e.approved_by.clone(),
            Field::Witness => e.witness.clone(),
            Field::Location => e.location.clone(),
            Field::By => e.by.clone(),
            Field::Note | Field::Reason => None,
        };
        push(field, value);
    }
    push(Field::Note, e.note.clone());
    out
}

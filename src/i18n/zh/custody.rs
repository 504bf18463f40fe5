//! Simplified Chinese: a user-facing text of the custody register.

use crate::i18n::C;

/// `key` in Simplified Chinese.
pub fn text(key: C) -> &'static str {
    match key {
        // The people and places of a step, as labelled in prompts and registers.
        C::HandedOverBy => "移交人",
        C::Borrower => "借阅人",
        C::Until => "应还时间",
        C::BroughtBackBy => "交还人",
        C::TakenBackBy => "被巡察单位接收人",
        C::ApprovedBy => "审批人",
        C::Witness => "监销人",
        C::Location => "存放位置",
        C::By => "经办人",
        C::Note => "备注",
        C::Reason => "理由",
        C::Labelled => "{}：{}",
        C::ListSep => "，",
        // Prompts.
        C::Optional => "（可不填）",
        C::AskStep => "{} {} · {}",
        C::StepHint => "Tab / ↑↓ 切换各项 · 回车登记 · Esc 取消",
        C::Required => "须填写{}，未作登记",
        C::ChooseTitle => "{} {} · 下一步（输入序号）",
        C::ChooseLend => "借出",
        C::ChooseRule => "按处置规定办结：{}",
        C::ChooseOther => "改为{}（须说明理由）",
        C::ChooseInvalid => "请输入 1 至 {} 的序号",
        C::ConfirmTitle => "{} {} · 确认登记以下步骤？",
        C::ConfirmHint => "回车确认登记 · Esc 取消，不作改动",
        C::CopyTitle => "{} {} · 制作复印件或摘抄件（输入序号）",
        C::CopyName => "{} {} · {} · 标题",
        C::CopyMade => "{}：已制作{}",
        // Copies.
        C::KindCopy => "复印件",
        C::KindExtract => "摘抄件",
        C::CopyOf => "{}的{}",
        C::CopiesTitle => "复印件及摘抄件",
        // Loans and their due time.
        C::DueBack => "应还 {}",
        C::OverdueSince => "已超期（应还 {}）",
        C::LentSince => "借出 {}",
        C::ReturnedAt => "归还 {}",
        C::NotBack => "尚未归还",
        // Registers.
        C::LoanRegister => "借阅登记簿",
        C::LoansByBorrower => "借阅人借阅情况",
        C::DestructionList => "销毁清册",
        C::ArchiveList => "存档清单",
        C::RegisterEmpty => "无",
        // Clearance at the end of the inspection (巡后清退).
        C::ClearanceTitle => "巡后清退：尚未清退",
        C::ClearanceCounts => "未办结资料：{}，借出：{}，未办结复印件及摘抄件：{}",
        C::ClearanceWithLiaison => "联络员保管",
        C::ClearanceRequested => "已调阅未接收",
        C::ClearanceEmpty => "已全部清退",
        // Refusals.
        C::ErrNoApprover => "销毁{}须登记审批人",
        C::ErrUntilPast => "{}：应还时间须晚于当前时间",
        C::ErrUntilNotLoan => "{}：只有借出才有应还时间",
        C::ErrOpenCopies => "{}的复印件或摘抄件尚未办结（{}），不能先行办结",
        C::ErrNotInHand => "{}：只能对在保管或借出中的资料制作复印件",
        C::ErrClassLowered => "{}的密级由{}调为{}，须说明理由",
        C::ClassChanged => "密级由{}调整为{}",
        C::AskLowerReason => "{} {} · 调低密级 · 理由",
        C::ClassChangedWhy => "密级由{}调整为{}：{}",
        C::ClassLogTitle => "密级变更",
        // The custody steps, by name.
        C::ActReceive => "接收",
        C::ActLend => "借出",
        C::ActBack => "归还",
        C::ActReturn => "退还",
        C::ActShred => "销毁",
        C::ActArchive => "存档",
        // Custody refusals.
        C::ErrCustodyNotDocument => "{}是{}事项，只有资料才有借阅登记",
        C::ErrCustodyNotReceived => "无法{}{}：该资料尚未接收",
        C::ErrCustodyAlreadyReceived => "{}已接收，不能重复接收",
        C::ErrCustodyNotLent => "{}未借出，无需归还",
        C::ErrCustodyAlreadyLent => "{}已借给{}，须先归还再借出",
        C::ErrCustodyLentOut => "无法{}{}：该资料已借给{}，须先归还",
        C::ErrCustodyClosed => "{}已办结（{}），不能再登记",
        C::ErrCustodyNoPerson => "借出{}须登记借阅人",
        C::ErrCustodyNoWitness => "销毁{}须登记监销人",
        C::ErrCustodyNoLocation => "存档{}须登记存放位置",
        C::ErrCustodyAgainstRule => "{}的处置规定为{}，如需改为{}，须说明理由",
        C::ErrCustodyNothingToOverride => "{}：只有与处置规定不同的处置步骤才需说明理由",
        C::ErrCustodyBrokenLog => {
            "{}：借阅登记未通过校验（问题{}处），未登记新步骤；请查看 liaison backups"
        }
        C::ErrDoneThroughCustody => "{}是资料，须通过借阅登记办结（{}）",
        // Custody log verification.
        C::ChainAltered => "{}：第{}条借阅登记（{}）在登记后被改动",
        C::ChainUnsealed => "{}：第{}条借阅登记（{}）缺少校验值",
        C::ChainBrokenLink => "{}：第{}条借阅登记与前一条不衔接（登记被删除、插入或调换顺序）",
        C::ChainTruncated => {
            "{}：借阅登记在第{}条之后被截断（后续登记被删除，或 custody_head 被改动）"
        }
        C::ChainEmptied => "{}：全部借阅登记被删除",
        C::ChainOutOfSequence => "{}：第{}条借阅登记（{}）不符合登记顺序",
        C::ChainNotDocument => "{}：非资料事项含有借阅登记",
    }
}

//! Chinese: the texts of the merge between replicas.

use crate::i18n::sync_texts::Y;

/// `key` in Chinese.
pub fn text(key: Y) -> &'static str {
    match key {
        Y::ErrNotJoined => "此数据目录尚未加入工作组同步",
        Y::ErrNotEmpty => {
            "此数据目录已有 {} 个事项，不能加入已有发起人的工作组；请用空的数据目录加入"
        }
        Y::ErrOwnOp => "第 {} 条操作是本机自己的，未导入任何内容",
        Y::ErrChain => "副本 {} 的第 {} 条操作：{}；未导入任何内容",
        Y::ErrBlockUsedUp => "编号段 {} 已用完，请同步以申领新的编号段",
        Y::ErrDamaged => "无法读取 {}，文件未作改动",
        Y::FaultAltered => "内容与其哈希不符",
        Y::FaultBrokenLink => "与前一条操作接不上",
        Y::FaultGap => "缺少其前面的操作",
        Y::FaultForked => "已存在另一条同编号的操作",
        Y::FaultWrongReplica => "所属副本不符",
        Y::FaultUnreadable => "无法读取",
        Y::Problem => "副本 {} 的第 {} 条操作：{}",
        Y::Conflict => "{}：保管冲突：“{}”（来自副本 {}，第 {} 条操作）已不成立：{}",
        Y::ConflictMark => "来自副本 {} 的冲突：{}",
        Y::ConflictShort => "{}：保管冲突",
        Y::ConflictHint => "请补记新的步骤，或作废冲突的步骤",
        Y::ErrNoConflict => "{} 没有待处理的保管冲突",
        Y::Resolved => "{}：已作废 {} 个冲突步骤，仍保留在登记中",
        Y::ClearanceConflicts => "待处理的保管冲突",
    }
}

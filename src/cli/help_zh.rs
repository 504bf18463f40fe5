//! The command line's help in Chinese: `liaison --lang zh --help` (or a
//! Chinese locale or config) reads in Chinese like the rest of the program.
//! The English help is the doc comments on the clap structs.

use clap::Command;

/// Chinese help, by `command path` (`""` is the program, `"add"` a
/// subcommand) and argument id (`""` for the command's own description).
#[rustfmt::skip]
const HELP: &[(&str, &str, &str)] = &[
    ("", "", "巡察组联络员的终端工作台：后勤保障、资料调阅、会务安排、候补任务"),
    ("", "data_dir", "数据目录（默认：本用户的数据目录）"),
    ("", "lang", "界面语言：en 或 zh（默认：配置文件，其次系统语言）"),
    ("", "passphrase_file", "从 FILE 的第一行读取加密数据的口令（默认：在终端询问）"),
    ("add", "", "新增事项，输出其编号"),
    ("add", "kind", "类别：后勤、资料、会议、候补（也可写 logistics、document、meeting、substitute）"),
    ("add", "title", "标题（多个词以空格连接）"),
    ("add", "copy_of", "制作该资料的复印件或摘抄件：沿用其提供单位、密级和处置规定，制作后即在保管"),
    ("add", "copy_kind", "与 --copy-of 同用：copy（复印件，默认）或 extract（摘抄件）"),
    ("list", "", "列出事项"),
    ("list", "kind", "只列出该类别的事项"),
    ("list", "today", "今日清单：逾期、今日会务、今日到期、等待中"),
    ("list", "json", "以 JSON 数组输出"),
    ("list", "all", "包括已完成和已取消的事项"),
    ("list", "include_confidential", "JSON：包括秘密、机密资料的记录"),
    ("note", "", "记录（未指定 --to 时记入收件箱；`-` 从标准输入读取）。以 # 开头同时新增资料调阅，以 ？开头记为待追问"),
    ("note", "text", "记录内容，或 `-` 从标准输入读取"),
    ("note", "to", "记到该编号的事项"),
    ("done", "", "标记完成（候补任务须用 --handback 写明交接说明）"),
    ("done", "id", "事项编号，如 D12"),
    ("done", "handback", "候补任务的交接说明：完成情况及遗留事项（`-` 从标准输入读取）"),
    ("accept", "", "接受候补任务（待接受 → 已接受）"),
    ("accept", "id", "候补任务编号，如 S3"),
    ("resolve", "", "处理工作组同步产生的保管冲突：作废冲突的步骤（保留在登记中，标为作废）"),
    ("resolve", "id", "资料编号，如 D3"),
    ("custody", "", "登记资料的借阅步骤（接收、借出、归还、退还、销毁、存档）"),
    ("custody", "id", "资料编号，如 D3"),
    ("custody", "action", "登记的步骤"),
    ("custody", "person", "对方经手人：移交人（接收）、借阅人（借出，必填）、交还人（归还，默认为借阅人）、被巡察单位接收人（退还）"),
    ("custody", "by", "经办的组员（默认：配置文件中的 me）"),
    ("custody", "until", "应还时间（借出；默认按配置文件中的 loan_hours，24小时）"),
    ("custody", "approved_by", "审批人（销毁时必填）"),
    ("custody", "witness", "监销人（销毁时必填）"),
    ("custody", "location", "存放位置（存档时必填）"),
    ("custody", "reason", "处置方式与规定不同时的理由"),
    ("custody", "note", "登记备注"),
    ("class", "", "调整资料的密级（调低须用 --reason 说明理由）"),
    ("class", "id", "资料编号，如 D3"),
    ("class", "class", "密级：public（公开）、internal（内部）、secret（秘密）、confidential（机密）"),
    ("class", "reason", "理由（调低密级时必填）"),
    ("clearance", "", "巡后清退：列出尚未办结的资料、未归还的借阅和未办结的复印件，按持有人分组"),
    ("clearance", "json", "输出 JSON 数组，每件未清退事项一项"),
    ("backups", "", "列出保留的备份，最新的在前"),
    ("restore", "", "恢复备份（恢复前先备份当前数据）"),
    ("restore", "name", "`liaison backups` 列出的备份名"),
    ("export", "", "导出全部数据"),
    ("export", "format", "格式：json、md（简报格式）、ics（会务日历）、xlsx（可打印的登记表）、csv（单张表）"),
    ("export", "out", "写入 FILE（仅本用户可读），而不是标准输出"),
    ("export", "include_confidential", "json、md、xlsx、csv：包括秘密、机密资料的记录"),
    ("export", "sheets", "xlsx：只导出这些表，以逗号分隔（documents 资料登记表、loans 借阅登记表、destruction 销毁清册、interviews 谈话安排表、logistics 后勤保障、substitutes 候补任务）"),
    ("export", "sign_in", "xlsx：导出该会议的签到表，而不是登记表"),
    ("export", "kind", "csv：导出哪一张表（表名或类别，如 document）"),
    ("import", "", "从表格文件（xlsx、xls 或 csv）导入事项，全部导入或全部不导入"),
    ("import", "file", "表格文件：.xlsx、.xls 或 .csv（UTF-8 或 GB18030 编码）"),
    ("import", "kind", "每行是哪类事项：document（资料，默认）、logistics、meeting、substitute"),
    ("import", "dry_run", "只列出将导入和将跳过的行，不写入任何内容"),
    ("report", "", "给组长的当日简报（Markdown）"),
    ("report", "date", "简报日期（YYYY-MM-DD 或短语，如 明天；默认今天）"),
    ("report", "include_confidential", "包括秘密、机密资料的记录"),
    ("report", "out", "写入 FILE（仅本用户可读），而不是标准输出"),
    ("demo", "", "在数据目录中生成一次示例巡察"),
    ("demo", "items", "改为生成 N 个确定的合成事项（用于性能测试）"),
    ("demo", "force", "替换现有数据（先备份当前数据）"),
    ("check", "", "查看会务准备清单，或勾选其中一项"),
    ("check", "id", "会务编号，如 M3"),
    ("check", "entry", "要勾选或取消的项：序号、代号或名称"),
    ("check", "add", "按自己的说法添加一项（如“打印谈话提纲”）"),
    ("check", "remove", "删除该项，而不是勾选"),
    ("encrypt", "", "用口令加密存储的数据（输入两次）"),
    ("decrypt", "", "关闭加密：把数据恢复为明文"),
    ("show", "", "查看一个事项的全部内容：各项信息、编号的记录、待追问、会务准备和借阅登记"),
    ("show", "id", "事项编号，如 D3"),
    ("show", "json", "以 JSON 对象输出（与 list --json 中的相同）"),
    ("show", "include_confidential", "JSON：包括秘密、机密资料的记录"),
    ("edit", "", "修改事项：只改所给的各项（选项同 add，另有 --title）；给空值可清除该项"),
    ("edit", "id", "事项编号，如 M3"),
    ("edit", "title", "新标题"),
    ("snooze", "", "推迟事项：设定新的截止时间"),
    ("snooze", "id", "事项编号，如 L3"),
    ("snooze", "when", "新的截止时间：YYYY-MM-DD [HH:MM] 或短语（如 后天 09:00）"),
    ("priority", "", "设定事项的优先级"),
    ("priority", "id", "事项编号，如 L3"),
    ("priority", "priority", "高、中、低（或 high、normal、low）"),
    ("move", "", "把事项移到另一个窗格；按新类别重新编号并输出新编号"),
    ("move", "id", "事项编号，如 L3"),
    ("move", "kind", "新类别：后勤、资料、会议、候补"),
    ("move", "drop_fields", "新类别没有的信息不保留，照样移动"),
    ("inbox", "", "列出收件箱中的记录（带序号）"),
    ("inbox", "json", "以 JSON 数组输出（序号、时间、内容）"),
    ("note-edit", "", "修改一条记录的内容（序号见 liaison show 或 liaison inbox）"),
    ("note-edit", "target", "事项编号，或 inbox（收件箱）"),
    ("note-edit", "number", "记录的序号"),
    ("note-edit", "text", "新内容，或 `-` 从标准输入读取"),
    ("note-delete", "", "删除一条记录（序号见 liaison show 或 liaison inbox）"),
    ("note-delete", "target", "事项编号，或 inbox（收件箱）"),
    ("note-delete", "number", "记录的序号"),
    ("completions", "", "输出终端的命令补全脚本（bash、zsh 或 fish）"),
    ("completions", "shell", "bash、zsh 或 fish"),
    ("man", "", "输出使用手册（roff 格式；可用 liaison man | man -l - 查看）"),
    ("delete", "", "删除事项（日志中保留删除记录）；在终端上会先询问"),
    ("delete", "id", "事项编号，如 L3"),
    ("delete", "yes", "不询问，直接删除（供脚本使用）"),
    ("log", "", "日志中的操作记录（全部或某一事项）：时间、来源、改动及字段"),
    ("log", "id", "只列出该事项的操作"),
    ("log", "json", "以 JSON 数组输出"),
    ("verify", "", "校验快照、日志和借阅登记，输出链头哈希"),
    ("unlock", "", "把加密数据的密钥在本次登录会话的内核密钥环中保管一段时间，期间命令不再询问口令"),
    ("unlock", "duration", "保管多久：30m、2h、1h30m、90s（最长 24h）"),
    ("lock", "", "清除 liaison unlock 保管的密钥"),
    ("list", "week", "一周的会议，按日分组，标出时间冲突"),
    ("edit", "this_one", "重复事项：只改这一次，以后各次不变"),
    ("edit", "all_coming", "重复事项：这一次及以后各次都改"),
    ("member", "", "人员名单：新增、列出、修改或移除成员"),
    ("member add", "", "把成员加入名单"),
    ("member add", "name", "姓名"),
    ("member add", "role", "角色：组长、副组长、联络员、组员（也可写 leader、deputy、liaison、member）"),
    ("member add", "section", "所在分组（谈话组、资料组……）"),
    ("member add", "phone", "电话"),
    ("member add", "note", "备注"),
    ("member list", "", "列出名单及每人今日去向和所持资料"),
    ("member list", "json", "以 JSON 数组输出"),
    ("member edit", "", "修改成员的角色、分组、电话或备注（空值清除）"),
    ("member edit", "name", "姓名"),
    ("member edit", "role", "角色：组长、副组长、联络员、组员"),
    ("member edit", "section", "所在分组"),
    ("member edit", "phone", "电话"),
    ("member edit", "note", "备注"),
    ("member remove", "", "把成员移出名单（仍持有资料时不允许）"),
    ("member remove", "name", "姓名"),
    ("attend", "", "登记成员到岗、外出、返回或请假"),
    ("attend", "name", "名单上的姓名"),
    ("attend", "mark", "到岗、外出、返回、请假（也可写 in、out、back、leave）"),
    ("attend", "until", "外出：预计返回时间；请假：请假至（YYYY-MM-DD [HH:MM] 或短语）"),
    ("attend", "place", "外出：去向"),
    ("attend", "reason", "事由"),
    ("attend", "approved_by", "批准人"),
    ("attendance", "", "某日每位成员的去向"),
    ("attendance", "date", "日期（默认今天）：YYYY-MM-DD 或短语"),
    ("attendance", "json", "以 JSON 数组输出"),
];

/// Chinese names of the values arguments take, as usage lines and errors
/// show them (`<类别>`, `--due <时间>`), by the English name.
#[rustfmt::skip]
const VALUE_NAMES: &[(&str, &str)] = &[
    ("KIND", "类别"), ("TITLE", "标题"), ("ID", "编号"), ("TEXT", "内容"), ("NAME", "姓名"),
    ("WHEN", "时间"), ("PLACE", "地点"), ("TYPE", "类型"), ("A,B", "甲,乙"), ("UNIT", "单位"),
    ("RULE", "处置方式"), ("CLASS", "密级"), ("SECTION", "版块"), ("CATEGORY", "类别"),
    ("P", "优先级"), ("PRIORITY", "优先级"), ("DIR", "目录"), ("FILE", "文件"), ("N", "数量"),
    ("N|KEY", "序号"), ("ENTRY", "序号"), ("ACTION", "步骤"), ("TARGET", "事项"),
    ("NUMBER", "序号"), ("SHELL", "终端"), ("REASON", "理由"), ("DATE", "日期"),
    ("FORMAT", "格式"), ("STEP", "步骤"), ("PERSON", "经手人"), ("WITNESS", "监销人"), ("LOCATION", "位置"),
    ("LIST", "表名"), ("ROLE", "角色"), ("S", "分组"), ("R", "事由"), ("DAY", "日期"), ("PHONE", "电话"), ("STATE", "状态"), ("NOTE", "备注"),
];

/// `a`'s value name (or, for a positional, its id) in Chinese, if known.
fn value_name_zh(a: &clap::Arg) -> Option<&'static str> {
    let name = match a.get_value_names() {
        Some([one]) => one.to_string(),
        Some(_) => return None,
        None if a.is_positional() => a.get_id().as_str().to_uppercase(),
        None => a.get_id().as_str().to_uppercase(),
    };
    VALUE_NAMES
        .iter()
        .find(|(en, _)| *en == name)
        .map(|(_, zh)| *zh)
}

/// `edit` takes the options of `add`, and so their help.
const SHARES_HELP: &[(&str, &str)] = &[("edit", "add")];

/// The Chinese help of argument `arg` of command `path` (`""`: the
/// command itself).
fn help_for(path: &str, arg: &str) -> Option<&'static str> {
    let find = |p: &str| {
        HELP.iter()
            .chain(super::sync::HELP_ZH)
            .find(|(hp, ha, _)| *hp == p && *ha == arg)
            .map(|(_, _, text)| *text)
    };
    find(path)
        .or_else(|| {
            let (_, from) = SHARES_HELP.iter().find(|(p, _)| *p == path)?;
            find(from).filter(|_| !arg.is_empty())
        })
        .or_else(|| {
            // An item option's help is the field table's.
            let cli = crate::model::field::by_name(arg)?.cli?;
            ["add", "edit"]
                .contains(&path)
                .then(|| crate::i18n::tr(crate::i18n::Lang::Zh, cli.help))
        })
}

/// The program's command with its help in Chinese.
pub fn localize(mut cmd: Command) -> Command {
    cmd = cmd
        .help_template("{about-with-newline}\n用法：{usage}\n\n{all-args}{after-help}")
        .subcommand_help_heading("命令")
        .next_help_heading("选项");
    apply(cmd, "")
}

fn apply(mut cmd: Command, path: &str) -> Command {
    // clap's own help (and version) flags, with Chinese words.
    cmd = cmd.disable_help_flag(true).arg(
        clap::Arg::new("help")
            .short('h')
            .long("help")
            .action(clap::ArgAction::Help)
            .help("显示帮助"),
    );
    if path.is_empty() {
        cmd = cmd.disable_version_flag(true).arg(
            clap::Arg::new("version")
                .short('V')
                .long("version")
                .action(clap::ArgAction::Version)
                .help("显示版本"),
        );
    }
    if let Some(text) = help_for(path, "") {
        cmd = cmd.about(text);
    }
    let ids: Vec<String> = cmd
        .get_arguments()
        .map(|a| a.get_id().to_string())
        .collect();
    for id in &ids {
        if let Some(text) = help_for(path, id) {
            cmd = cmd.mut_arg(id, |a| a.help(text));
        }
    }
    let heading = |a: clap::Arg| {
        let title = if a.is_positional() {
            "参数"
        } else {
            "选项"
        };
        let takes_value = a.get_action().takes_values();
        let zh = value_name_zh(&a);
        let a = a.help_heading(title);
        match zh {
            Some(zh) if takes_value => a.value_name(zh),
            _ => a,
        }
    };
    for id in ids {
        cmd = cmd.mut_arg(id, heading);
    }
    let names: Vec<String> = cmd
        .get_subcommands()
        .map(|s| s.get_name().to_string())
        .collect();
    for name in names {
        // A nested command is known by its whole path (`member add`).
        let full = match path {
            "" => name.clone(),
            p => format!("{p} {name}"),
        };
        cmd = cmd.mut_subcommand(&name, |s| {
            let s =
                s.help_template("{about-with-newline}\n用法：{usage}\n\n{all-args}{after-help}");
            apply(s, &full)
        });
    }
    cmd
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn every_chinese_entry_names_a_real_command_and_argument() {
        let cmd = super::super::Cli::command();
        for (path, arg, _) in HELP {
            let sub = path
                .split_whitespace()
                .try_fold(&cmd, |c, name| c.find_subcommand(name));
            let sub = sub.unwrap_or_else(|| panic!("no command {path}"));
            if !arg.is_empty() {
                assert!(
                    sub.get_arguments().any(|a| a.get_id() == *arg),
                    "no argument {path} {arg}"
                );
            }
        }
    }

    #[test]
    fn every_command_and_argument_has_chinese_help() {
        let cmd = super::super::Cli::command();
        let has = |path: &str, arg: &str| help_for(path, arg).is_some();
        for sub in cmd.get_subcommands() {
            let path = sub.get_name();
            assert!(has(path, ""), "{path} has no Chinese description");
            for a in sub.get_arguments() {
                let id = a.get_id().as_str();
                let global = ["data_dir", "lang", "passphrase_file", "help", "version"]
                    .contains(&id)
                    || (path == "sync" && id == "team_passphrase_file");
                assert!(global || has(path, id), "{path} {id} has no Chinese help");
            }
        }
    }

    #[test]
    fn the_help_reads_in_chinese() {
        let mut cmd = localize(super::super::Cli::command());
        let text = cmd.render_help().to_string();
        assert!(
            text.contains("用法：") && text.contains("命令") && text.contains("资料调阅"),
            "{text}"
        );
        let add = cmd
            .find_subcommand_mut("add")
            .unwrap()
            .render_help()
            .to_string();
        assert!(add.contains("阅后即碎") && add.contains("参数"), "{add}");
    }
}

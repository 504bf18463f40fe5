//! Markdown building blocks: user text made safe inside a line, and a
//! document written block by block with one blank line between blocks.

use crate::text::one_line;

/// Characters that mean something inline in (GitHub-flavoured) Markdown.
const INLINE: &[char] = &['\\', '`', '*', '_', '#', '|', '[', ']', '<', '~'];

/// `s` as one line of Markdown text that reads as typed: line breaks become
/// ` / `, control characters spaces, and every character that could start
/// emphasis, code, a link, a table cell or HTML is backslash-escaped, as is
/// a leading `-`, `+`, `>`, `=` or `1.` that would start a block.
pub fn text(s: &str) -> String {
    let joined = s
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect::<Vec<_>>()
        .join(" / ");
    let flat = one_line(&joined);
    let mut out = String::with_capacity(flat.len() + 8);
    let digits = flat.chars().take_while(char::is_ascii_digit).count();
    let numbered = digits > 0 && matches!(flat[digits..].chars().next(), Some('.' | ')'));
    for (i, c) in flat.chars().enumerate() {
        let leading = i == 0 && matches!(c, '-' | '+' | '>' | '=');
        if INLINE.contains(&c) || leading || (numbered && i == digits) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// An id as inline code, or as escaped text when it could not be one.
pub fn code(s: &str) -> String {
    if s.is_empty() || s.contains('`') || s.chars().any(char::is_control) {
        text(s)
    } else {
        format!("`{s}`")
    }
}

/// A Markdown document under construction.
#[derive(Debug, Default)]
pub struct Doc {
    out: String,
    /// The last block was a list, so the next list line continues it.
    in_list: bool,
}

impl Doc {
    fn block(&mut self) {
        if !self.out.is_empty() {
            self.out.push('\n');
        }
        self.in_list = false;
    }

    /// A heading of `level` (1–3) whose text is already Markdown.
    pub fn heading(&mut self, level: usize, md: &str) {
        self.block();
        self.out.push_str(&"#".repeat(level));
        self.out.push(' ');
        self.out.push_str(md);
        self.out.push('\n');
    }

    /// A paragraph of one line, already Markdown.
    pub fn para(&mut self, md: &str) {
        self.block();
        self.out.push_str(md);
        self.out.push('\n');
    }

    /// One list item of one line, already Markdown.
    pub fn item(&mut self, md: &str) {
        if !self.in_list {
            self.block();
            self.in_list = true;
        }
        self.out.push_str("- ");
        self.out.push_str(md);
        self.out.push('\n');
    }

    /// The list items, or `none` as a paragraph when there are none.
    pub fn list(&mut self, lines: &[String], none: &str) {
        if lines.is_empty() {
            self.para(none);
        }
        for l in lines {
            self.item(l);
        }
    }

    pub fn finish(self) -> String {
        self.out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn inline_specials_are_escaped_and_chinese_is_left_alone() {
        assert_eq!(
            text("a | b *c* _d_ # e `f` [g](h) <i> ~~j~~ \\"),
            r"a \| b \*c\* \_d\_ \# e \`f\` \[g\](h) \<i> \~\~j\~\~ \\"
        );
        assert_eq!(
            text("党委会会议记录（2023—2025年）"),
            "党委会会议记录（2023—2025年）"
        );
    }

    #[test]
    fn a_leading_block_marker_is_escaped_but_not_one_inside() {
        assert_eq!(text("- 列表"), r"\- 列表");
        assert_eq!(text("> 引用 > 不是"), r"\> 引用 > 不是");
        assert_eq!(text("+1"), r"\+1");
        assert_eq!(text("=="), r"\==");
        assert_eq!(text("12. 第十二条"), r"12\. 第十二条");
        assert_eq!(text("3) 第三"), r"3\) 第三");
        assert_eq!(text("2026年"), "2026年");
        assert_eq!(text("a - b"), "a - b");
    }

    #[test]
    fn line_breaks_and_control_characters_never_break_the_line() {
        assert_eq!(text("答：时间紧。\n\n 第二行\r\n"), "答：时间紧。 / 第二行");
        assert_eq!(text("a\tb\x1b[2J"), r"a b \[2J");
        assert!(!text("x\ny\rz\u{85}w").contains(['\n', '\r']));
    }

    #[test]
    fn ids_are_code_unless_they_could_break_it() {
        assert_eq!(code("D3"), "`D3`");
        assert_eq!(code("D`3"), r"D\`3");
    }

    #[test]
    fn blocks_are_separated_by_one_blank_line_and_lists_stay_together() {
        let mut d = Doc::default();
        d.heading(1, "T");
        d.para("p");
        d.item("a");
        d.item("b");
        d.heading(2, "H");
        d.list(&[], "None.");
        assert_eq!(d.finish(), "# T\n\np\n\n- a\n- b\n\n## H\n\nNone.\n");
    }
}

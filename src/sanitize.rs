//! The one sanitiser for text that came from data or arguments on its way
//! to a terminal, a report or an export.
//!
//! Titles, ids and names come from the inspected unit or a hand-edited file,
//! so they may carry terminal escapes (an OSC 52 clipboard write, a window
//! title) or characters that reorder or hide text (bidi overrides,
//! zero-width spaces). Control characters (C0, DEL, C1) are shown as escapes
//! such as `\x1b` and `\u{9b}`; bidi controls and invisible characters as
//! `\u{202e}`. Nothing is dropped, so what was stored can still be read.

use std::borrow::Cow;
use std::fmt;

/// Characters that reorder or hide text without being controls: the bidi
/// embeddings, overrides and isolates, zero-width spaces and joiners, the
/// directional marks, the line and paragraph separators, the word joiner,
/// the byte-order mark.
pub fn is_invisible(c: char) -> bool {
    matches!(c,
        '\u{200B}'..='\u{200F}'
        | '\u{2028}'..='\u{202E}'
        | '\u{2060}'..='\u{2064}'
        | '\u{2066}'..='\u{2069}'
        | '\u{061C}'
        | '\u{FEFF}')
}

/// Whether `c` must not reach a terminal as it is.
fn is_hostile(c: char) -> bool {
    c.is_control() || is_invisible(c)
}

fn escape_into(out: &mut String, c: char) {
    use fmt::Write;
    let n = c as u32;
    let _ = if n < 0x80 {
        write!(out, "\\x{n:02x}")
    } else {
        write!(out, "\\u{{{n:x}}}")
    };
}

fn clean(s: &str, keep: impl Fn(char) -> bool) -> Cow<'_, str> {
    if !s.chars().any(|c| is_hostile(c) && !keep(c)) {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 16);
    for c in s.chars() {
        if is_hostile(c) && !keep(c) {
            escape_into(&mut out, c);
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// `s` on one line with every control and invisible character shown as an
/// escape: for ids, titles, names and paths in a message or a list row.
pub fn visible(s: &str) -> Cow<'_, str> {
    clean(s, |_| false)
}

/// `s` as a block of text (a report, an export): line breaks and tabs kept,
/// every other control and invisible character shown as an escape. A
/// carriage return is kept only before a line feed.
pub fn visible_text(s: &str) -> Cow<'_, str> {
    if !s.contains('\r') {
        return clean(s, |c| c == '\n' || c == '\t');
    }
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\r' if chars.peek() == Some(&'\n') => out.push(c),
            '\n' | '\t' => out.push(c),
            c if is_hostile(c) => escape_into(&mut out, c),
            c => out.push(c),
        }
    }
    Cow::Owned(out)
}

/// Shows a value through [`visible`] wherever it is formatted with `{}`.
#[derive(Debug, Clone, Copy)]
pub struct Shown<'a>(pub &'a str);

impl fmt::Display for Shown<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&visible(self.0))
    }
}

/// JSON text with every invisible character written as a `\uXXXX` escape.
/// The JSON writer already escapes controls; these are legal inside a
/// string, and only there, so the text still parses to the same values.
pub fn json(bytes: Vec<u8>) -> Vec<u8> {
    // Scanned as bytes, as `list --json` runs this over every row: in UTF-8
    // each of these characters starts with D8, E2 or EF, which are never a
    // continuation byte, so a match at a lead byte is the character itself.
    // Only those bytes are looked at closely, found with memchr: a check per
    // byte cost a tenth of `list --json`'s instructions at 10,000 items. EF
    // also leads the full-width punctuation of Chinese text (，：？), so the
    // one character it leads here, U+FEFF, is searched for whole.
    const BOM: &[u8] = "\u{FEFF}".as_bytes();
    let bom = memchr::memmem::Finder::new(BOM);
    let mut out: Option<Vec<u8>> = None;
    let (mut at, mut copied) = (0, 0);
    let mut next_bom = bom.find(&bytes);
    loop {
        let lead = memchr::memchr2(0xD8, 0xE2, &bytes[at..]).map(|off| at + off);
        let lead = match (lead, next_bom) {
            (Some(l), Some(b)) if b < l => b,
            (Some(l), _) => l,
            (None, Some(b)) => b,
            (None, None) => break,
        };
        at = lead + 1;
        if let Some((len, c)) = invisible_at(&bytes, lead) {
            let out = out.get_or_insert_with(|| Vec::with_capacity(bytes.len() + 16));
            out.extend_from_slice(&bytes[copied..lead]);
            out.extend_from_slice(format!("\\u{:04x}", c as u32).as_bytes());
            copied = lead + len;
            at = copied;
        }
        if next_bom.is_some_and(|b| b < at) {
            next_bom = bom.find(&bytes[at..]).map(|off| at + off);
        }
    }
    match out {
        None => bytes,
        Some(mut out) => {
            out.extend_from_slice(&bytes[copied..]);
            out
        }
    }
}

/// The invisible character whose UTF-8 encoding starts at `b[i]`, if any,
/// with its length in bytes: matched on the bytes themselves, since this
/// runs over every byte `list --json` writes (a test checks it agrees with
/// [`is_invisible`] on every character).
#[inline]
fn invisible_at(b: &[u8], i: usize) -> Option<(usize, char)> {
    let (len, n) = match (b[i], b.get(i + 1), b.get(i + 2)) {
        (0xD8, Some(0x9C), _) => (2, 0x061C),
        (0xE2, Some(0x80), Some(&c @ (0x8B..=0x8F | 0xA8..=0xAE))) => {
            (3, 0x2000 + u32::from(c - 0x80))
        }
        (0xE2, Some(0x81), Some(&c @ (0xA0..=0xA4 | 0xA6..=0xA9))) => {
            (3, 0x2040 + u32::from(c - 0x80))
        }
        (0xEF, Some(0xBB), Some(0xBF)) => (3, 0xFEFF),
        _ => return None,
    };
    Some((len, char::from_u32(n)?))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn terminal_escapes_become_visible_text() {
        let evil = "# evil\x1b]0;pwned\x07\x1b]52;c;cHduZWQ=\x07 doc";
        let shown = visible(evil);
        assert_eq!(
            shown,
            "# evil\\x1b]0;pwned\\x07\\x1b]52;c;cHduZWQ=\\x07 doc"
        );
        assert!(!shown.chars().any(char::is_control));
        assert_eq!(visible("a\u{9b}b\x7f"), "a\\u{9b}b\\x7f");
        assert_eq!(visible("行\n二"), "行\\x0a二");
    }

    #[test]
    fn bidi_overrides_and_zero_width_characters_are_shown() {
        assert_eq!(visible("invoice\u{202e}fdp.exe"), "invoice\\u{202e}fdp.exe");
        assert_eq!(visible("D\u{200b}1"), "D\\u{200b}1");
        assert_eq!(visible("\u{2066}x\u{2069}"), "\\u{2066}x\\u{2069}");
        for c in [
            '\u{202a}', '\u{202b}', '\u{202c}', '\u{202d}', '\u{200f}', '\u{2067}',
        ] {
            assert!(is_invisible(c), "{c:?}");
        }
    }

    #[test]
    fn plain_and_chinese_text_pass_unchanged_and_unallocated() {
        for s in ["干部选拔任用档案（2024年）", "D12 · return", ""] {
            assert!(matches!(visible(s), Cow::Borrowed(_)));
            assert!(matches!(visible_text(s), Cow::Borrowed(_)));
        }
    }

    #[test]
    fn a_block_keeps_its_lines_but_not_a_lone_carriage_return() {
        assert_eq!(visible_text("a\nb\tc"), "a\nb\tc");
        assert_eq!(visible_text("a\r\nb\rc\x1b[2J"), "a\r\nb\\x0dc\\x1b[2J");
    }

    #[test]
    fn the_byte_matcher_agrees_with_is_invisible_on_every_character() {
        for n in 0..=0x10FFFF_u32 {
            let Some(c) = char::from_u32(n) else { continue };
            let mut buf = [0u8; 4];
            let bytes = c.encode_utf8(&mut buf).as_bytes();
            let found = invisible_at(bytes, 0);
            assert_eq!(found.is_some(), is_invisible(c), "{c:?}");
            if let Some((len, got)) = found {
                assert_eq!((len, got), (bytes.len(), c));
            }
        }
    }

    #[test]
    fn json_escapes_invisible_characters_and_still_parses_the_same() {
        let value = serde_json::json!({"title": "会议\u{202e}abc\u{200b}", "n": "é"});
        let raw = serde_json::to_vec(&value).unwrap();
        let out = json(raw);
        let text = String::from_utf8(out.clone()).unwrap();
        assert!(text.contains("\\u202e") && text.contains("\\u200b"));
        assert!(!text.chars().any(is_invisible));
        let back: serde_json::Value = serde_json::from_slice(&out).unwrap();
        assert_eq!(back, value);
    }

    /// `json` as a check of every character would do it.
    fn json_by_char(bytes: &[u8]) -> Vec<u8> {
        let mut out = String::new();
        for c in std::str::from_utf8(bytes).unwrap().chars() {
            match is_invisible(c) {
                true => out.push_str(&format!("\\u{:04x}", c as u32)),
                false => out.push(c),
            }
        }
        out.into_bytes()
    }

    #[test]
    fn json_finds_every_invisible_character_among_full_width_punctuation() {
        let pool = [
            "，", "：", "？", "（", "）", "\u{FEFF}", "\u{200B}", "\u{202E}", "\u{2066}",
            "\u{061C}", "“", "”", "…", "—", "é", "会", "a", "\"", "\u{FFFD}", "\u{FEFE}",
        ];
        // Every string of up to three of them, and longer runs of each.
        let mut cases: Vec<String> = Vec::new();
        for a in pool {
            cases.push(a.repeat(5));
            for b in pool {
                for c in pool {
                    cases.push(format!("{a}{b}{c}"));
                }
            }
        }
        for text in cases {
            assert_eq!(
                json(text.clone().into_bytes()),
                json_by_char(text.as_bytes()),
                "{text:?}"
            );
        }
    }
}

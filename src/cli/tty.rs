//! Reading a passphrase on the controlling terminal, without echo.
//!
//! The terminal is put in a mode without echo, line editing or signals, and
//! the line is edited here: Backspace removes a character (a whole Chinese
//! one too), Ctrl-U clears, Ctrl-C or Ctrl-D cancels. Signals are off so
//! Ctrl-C cannot leave the terminal without echo; the mode is restored
//! however reading ends.

use std::fs::{File, OpenOptions};
use std::io::{self, Read, Write};

use rustix::termios::{self, LocalModes, OptionalActions, SpecialCodeIndex, Termios};
use zeroize::Zeroizing;

/// The longest passphrase read; further bytes are dropped.
const MAX_LEN: usize = 1024;

/// Opens the controlling terminal (not stdin, which may be a pipe).
fn open() -> io::Result<File> {
    let tty = OpenOptions::new().read(true).write(true).open("/dev/tty")?;
    if !termios::isatty(&tty) {
        return Err(io::Error::other("/dev/tty is not a terminal"));
    }
    Ok(tty)
}

/// Whether there is a terminal to ask on.
pub fn available() -> bool {
    open().is_ok()
}

/// Shows `prompt` and reads a line without echo. `Ok(None)` if the user
/// cancelled; an error if there is no terminal.
pub fn read_hidden(prompt: &str) -> io::Result<Option<Zeroizing<Vec<u8>>>> {
    let tty = open()?;
    let saved = termios::tcgetattr(&tty)?;
    let mut quiet = saved.clone();
    quiet
        .local_modes
        .remove(LocalModes::ECHO | LocalModes::ICANON | LocalModes::ISIG);
    quiet.special_codes[SpecialCodeIndex::VMIN] = 1;
    quiet.special_codes[SpecialCodeIndex::VTIME] = 0;
    // Flush: what was typed before the prompt shows is not part of the
    // answer. The mode is set first, so nothing typed after it is lost.
    termios::tcsetattr(&tty, OptionalActions::Flush, &quiet)?;
    let line = {
        let _restore = Restore {
            tty: &tty,
            saved: &saved,
        };
        (&tty)
            .write_all(crate::sanitize::visible(prompt).as_bytes())
            .and_then(|()| read_line(&mut &tty))
    };
    (&tty).write_all(b"\n")?;
    line
}

/// Writes one line on the terminal (best effort).
pub fn say(text: &str) {
    if let Ok(mut tty) = open() {
        let _ = writeln!(tty, "{}", crate::sanitize::visible(text));
    }
}

struct Restore<'a> {
    tty: &'a File,
    saved: &'a Termios,
}

impl Drop for Restore<'_> {
    fn drop(&mut self) {
        let _ = termios::tcsetattr(self.tty, OptionalActions::Now, self.saved);
    }
}

/// Reads a line byte by byte, editing it as a terminal would.
fn read_line(input: &mut impl Read) -> io::Result<Option<Zeroizing<Vec<u8>>>> {
    // Reserved once: pushing never reallocates, so no copy is left behind.
    let mut line = Zeroizing::new(Vec::with_capacity(MAX_LEN));
    let mut byte = [0u8; 1];
    loop {
        if input.read(&mut byte)? == 0 {
            return Ok((!line.is_empty()).then_some(line));
        }
        match byte[0] {
            b'\r' | b'\n' => return Ok(Some(line)),
            0x03 => return Ok(None),
            0x04 if line.is_empty() => return Ok(None),
            0x7f | 0x08 => while line.pop().is_some_and(|b| b & 0xC0 == 0x80) {},
            0x15 => line.clear(),
            0x00..=0x1f => {}
            b if line.len() < MAX_LEN => line.push(b),
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(input: &str) -> Option<String> {
        read_line(&mut input.as_bytes())
            .unwrap()
            .map(|l| String::from_utf8(l.to_vec()).unwrap())
    }

    #[test]
    fn a_line_ends_at_enter() {
        assert_eq!(read("secret\rrest").as_deref(), Some("secret"));
        assert_eq!(read("口令 pass\n").as_deref(), Some("口令 pass"));
        assert_eq!(read("\r").as_deref(), Some(""));
    }

    #[test]
    fn backspace_removes_a_whole_character() {
        assert_eq!(read("ab\x7fc\r").as_deref(), Some("ac"));
        assert_eq!(read("口令\x7f\x7f巡察\r").as_deref(), Some("巡察"));
        assert_eq!(read("😀x\x7f\x7f\x08\r").as_deref(), Some(""));
    }

    #[test]
    fn ctrl_u_clears_and_ctrl_c_or_d_cancels() {
        assert_eq!(read("wrong\x15right\r").as_deref(), Some("right"));
        assert_eq!(read("abc\x03def\r"), None);
        assert_eq!(read("\x04"), None);
        assert_eq!(read("ab\x04c\r").as_deref(), Some("abc"));
        assert_eq!(read(""), None);
        assert_eq!(read("no enter").as_deref(), Some("no enter"));
    }

    #[test]
    fn other_control_characters_are_ignored() {
        assert_eq!(read("a\tb\x1bc\r").as_deref(), Some("abc"));
    }
}

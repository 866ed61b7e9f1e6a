//! Quoting untrusted text (model and spec contents) in messages meant for a terminal.
//!
//! A hostile model can put control characters, ANSI escape sequences, newlines or bidirectional
//! overrides into shape ids, member names and strings. Error messages quote such text, and a raw
//! `ESC [ 2 J` or a newline followed by a fake `error:` line must not reach the terminal as it
//! is: every such character is written as its Rust escape (`\u{1b}`, `\n`, `\u{202e}`).

use std::borrow::Cow;

/// Unicode characters that reorder the text around them (bidirectional overrides and isolates,
/// the "Trojan Source" characters) or are invisible marks.
fn is_reordering(c: char) -> bool {
    matches!(c, '\u{200e}' | '\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

fn needs_escape(c: char) -> bool {
    c.is_control() || is_reordering(c)
}

/// `text` with every control or reordering character escaped; other text (quotes, backslashes,
/// printable Unicode) is kept as it is, so ordinary messages read the same.
pub fn untrusted(text: &str) -> Cow<'_, str> {
    if !text.chars().any(needs_escape) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        if needs_escape(c) {
            out.extend(c.escape_debug());
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// [`untrusted`] for a message of several lines: the line breaks between them stay, everything
/// else is escaped. For messages whose parts were escaped one by one before they were joined.
pub fn untrusted_lines(text: &str) -> String {
    text.split('\n')
        .map(untrusted)
        .collect::<Vec<_>>()
        .join("\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn control_and_reordering_characters_are_escaped() {
        assert_eq!(untrusted("a#B"), "a#B");
        assert!(matches!(untrusted("plain \"text\" \\ é"), Cow::Borrowed(_)));
        assert_eq!(untrusted("x\u{1b}[2Jy"), "x\\u{1b}[2Jy");
        assert_eq!(untrusted("a\nerror: fake"), "a\\nerror: fake");
        assert_eq!(untrusted("\r\t\0\u{7f}\u{9b}"), "\\r\\t\\0\\u{7f}\\u{9b}");
        assert_eq!(untrusted("ab\u{202e}cd"), "ab\\u{202e}cd");
        assert_eq!(untrusted_lines("one\u{1b}\ntwo"), "one\\u{1b}\ntwo");
    }
}

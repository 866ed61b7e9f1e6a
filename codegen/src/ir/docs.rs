//! Model documentation (HTML, as AWS models write it, or plain text) to rustdoc Markdown.
//!
//! Model text is untrusted, and whatever it holds comes out as inert text:
//! - no code block that rustdoc would compile as a doctest: text cannot start a fence (backticks
//!   and tildes are escaped) or an indented block (whitespace is collapsed, lines are trimmed), and
//!   the only fences are the `text` fences written here for `<pre>`, longer than any backtick run
//!   inside them, so nothing inside can close them;
//! - no rustdoc warnings: no bare URLs, no stray `[..]` that look like broken intra-doc links, no
//!   raw HTML (a `<` in text becomes `&lt;`);
//! - nothing a doc comment cannot hold: a bare CR is a compile error there, bidi controls are denied
//!   by rustc's `text_direction_codepoint_in_comment`, and other control characters are dropped.
//!
//! No input makes it panic: every slice index comes from `find`, `char_indices` or the length of
//! an ASCII prefix, so it is a char boundary.

/// Converts model documentation to Markdown; `None` when nothing readable is left.
pub fn to_markdown(html: &str) -> Option<String> {
    let mut out = Writer::default();
    // A `<` with no `>` after it opens no tag; knowing where the last `>` is keeps this linear.
    let last_gt = html.rfind('>');
    let mut rest = html;
    while !rest.is_empty() {
        let offset = html.len() - rest.len();
        if let Some(after) = rest.strip_prefix('<')
            && is_tag(after)
            && last_gt.is_some_and(|gt| gt > offset)
            && let Some(end) = after.find('>')
        {
            out.tag(&after[..end]);
            rest = &after[end + 1..];
            continue;
        }
        // Text up to the next `<`; the first character is text even when it is a `<`.
        let first = rest.chars().next().map_or(rest.len(), char::len_utf8);
        let next = rest[first..].find('<').map_or(rest.len(), |i| i + first);
        out.text(&decode_entities(&rest[..next]));
        rest = &rest[next..];
    }
    let text = out.finish();
    (!text.is_empty()).then_some(text)
}

/// HTML elements (and AWS's own `note`, `important`, `fullname`) are markup; any other `<x>`
/// (`<T>`, `<account-id>`, `<script>`) is text.
const TAGS: &str = "a abbr acronym b big blockquote br caption center cite code col colgroup dd \
    del details dfn div dl dt em figcaption figure font fullname h1 h2 h3 h4 h5 h6 hr i img \
    important ins kbd li mark note ol p pre q s samp section small span strike strong sub summary \
    sup table tbody td tfoot th thead tr tt u ul var wbr";

/// True when `after` (what follows a `<`) starts a tag: a known element or a comment.
fn is_tag(after: &str) -> bool {
    if after.starts_with('!') {
        return true;
    }
    let name = after.strip_prefix('/').unwrap_or(after);
    let end = name
        .find(|c: char| !c.is_ascii_alphanumeric())
        .unwrap_or(name.len());
    let known = TAGS
        .split_ascii_whitespace()
        .any(|t| t.eq_ignore_ascii_case(&name[..end]));
    // The name must end the tag name: `<pre>`, `<a href>`, `<br/>`, not `<preview>`.
    known && name[end..].starts_with(|c: char| c == '>' || c == '/' || c.is_whitespace())
}

/// Plain text (a title, not HTML) as one line of Markdown that reads as the same text.
pub fn inline_text(text: &str) -> String {
    let mut out = Writer::default();
    out.text(text);
    out.finish()
}

/// Plain text as an inline code span on one line; empty when no text is left.
pub fn code_span(text: &str) -> String {
    let code = clean(text).split_whitespace().collect::<Vec<_>>().join(" ");
    match longest_run(&code, '`') {
        _ if code.is_empty() => String::new(),
        0 => format!("`{code}`"),
        1 => {
            let pad = if code.starts_with('`') || code.ends_with('`') {
                " "
            } else {
                ""
            };
            format!("``{pad}{code}{pad}``")
        }
        // A span fenced by three or more backticks would open a code block at the start of a
        // line; escaped text cannot.
        _ => inline_text(&code),
    }
}

#[derive(Default)]
struct Writer {
    lines: Vec<Line>,
    line: String,
    /// Inside `<code>`: the text of the code span.
    code: Option<String>,
    /// Inside `<pre>`: the block's text, kept verbatim.
    pre: Option<String>,
    /// One entry per open `<a>`: whether it opened a Markdown link.
    anchors: Vec<bool>,
    /// The link being written: its URL and where its text starts in `line`.
    link: Option<(String, usize)>,
    /// Open emphasis markers on `line`, with where the text after each starts.
    marks: Vec<(&'static str, usize)>,
    list_depth: usize,
}

enum Line {
    Text(String),
    /// A whole fenced block, several lines, kept verbatim.
    Fence(String),
}

impl Writer {
    fn tag(&mut self, raw: &str) {
        let raw = raw.trim();
        let closing = raw.starts_with('/');
        let body = raw.trim_start_matches('/').trim_end_matches('/');
        let name: String = body
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric())
            .collect::<String>()
            .to_ascii_lowercase();
        if let Some(pre) = &mut self.pre {
            // Inside `<pre>` only line breaks count; every other tag is dropped.
            match (name.as_str(), closing) {
                ("pre", true) => {
                    let text = std::mem::take(pre);
                    self.pre = None;
                    self.fence(&text);
                }
                ("br", _) | ("p" | "div" | "li" | "dt" | "dd", false) => pre.push('\n'),
                _ => {}
            }
            return;
        }
        let inline = self.code.is_none();
        match (name.as_str(), closing) {
            ("p" | "div" | "note" | "important", false) => {
                self.paragraph();
                if name == "note" || name == "important" {
                    self.line.push_str("**Note:** ");
                }
            }
            ("ul" | "ol" | "dl", true) => {
                self.drop_marker();
                self.list_depth = self.list_depth.saturating_sub(1);
                self.paragraph();
            }
            ("p" | "div" | "note" | "important", true) => self.paragraph(),
            ("br", _) => self.break_line(),
            ("ul" | "ol" | "dl", false) => {
                self.paragraph();
                self.list_depth += 1;
            }
            ("li" | "dt", false) => {
                self.break_line();
                if !self.at_list_marker() {
                    self.line.push_str("- ");
                }
            }
            ("dd", false) => self.break_line(),
            ("li" | "dt" | "dd", true) => {
                self.drop_marker();
                self.break_line();
            }
            ("code", false) if inline => self.code = Some(String::new()),
            ("code", true) => self.end_code(),
            ("pre", false) => {
                self.paragraph();
                self.pre = Some(String::new());
            }
            ("b" | "strong" | "i" | "em", _) if inline => {
                let mark = if name == "b" || name == "strong" {
                    "**"
                } else {
                    "*"
                };
                self.mark(mark, closing);
            }
            ("a", false) => {
                // Links do not nest, and a link inside code would land outside the span.
                let url = if inline && self.link.is_none() {
                    href(body)
                } else {
                    None
                };
                self.anchors.push(url.is_some());
                if let Some(url) = url {
                    self.line.push('[');
                    self.link = Some((url, self.line.len()));
                }
            }
            ("a", true) => {
                // Only the `</a>` of an `<a>` that opened a link closes it.
                let opened = self.anchors.pop();
                if opened == Some(true) {
                    self.end_link();
                }
            }
            ("h1" | "h2" | "h3" | "h4" | "h5" | "h6", false) => {
                self.paragraph();
                self.mark("**", false);
            }
            ("h1" | "h2" | "h3" | "h4" | "h5" | "h6", true) => {
                self.end_code();
                self.mark("**", true);
                self.paragraph();
            }
            _ => {}
        }
    }

    /// Emphasis markers must hug text; a pair around nothing is dropped, and a closing marker
    /// with no opening one on this line is ignored.
    fn mark(&mut self, mark: &'static str, closing: bool) {
        if !closing {
            // `**` inside `**` would close it instead; the inner pair is dropped.
            if self.marks.iter().any(|(m, _)| *m == mark) {
                self.marks.push(("", self.line.len()));
            } else {
                self.line.push_str(mark);
                self.marks.push((mark, self.line.len()));
            }
            return;
        }
        let Some((mark, start)) = self.marks.pop().filter(|(m, _)| !m.is_empty()) else {
            return;
        };
        let Some(inner) = self.line.get(start..) else {
            return;
        };
        if inner.trim().is_empty() {
            let tail = self.line.split_off(start);
            self.line.truncate(start - mark.len());
            self.line.push_str(&tail);
        } else {
            let trimmed = self.line.trim_end().len();
            let trailing = self.line.split_off(trimmed);
            self.line.push_str(mark);
            self.line.push_str(&trailing);
        }
    }

    fn text(&mut self, text: &str) {
        let text = clean(text);
        if let Some(pre) = &mut self.pre {
            pre.push_str(&text);
            return;
        }
        if let Some(code) = &mut self.code {
            code.push_str(&text);
            return;
        }
        for word in split_keep_space(&text) {
            if word.chars().all(char::is_whitespace) {
                if !self.line.is_empty() && !self.line.ends_with(' ') && !self.line.ends_with("- ")
                {
                    self.line.push(' ');
                }
            } else {
                self.word(word);
            }
        }
    }

    /// One word of text: escaped, with any bare URL in it made an autolink (rustdoc warns about
    /// bare URLs); inside link text URLs stay text.
    fn word(&mut self, word: &str) {
        let mut rest = word;
        while !rest.is_empty() {
            let start = if self.link.is_some() {
                None
            } else {
                url_start(rest)
            };
            let Some(start) = start else {
                self.line.push_str(&escape(rest));
                return;
            };
            let (before, candidate) = rest.split_at(start);
            self.line.push_str(&escape(before));
            let scheme = candidate.find("://").map_or(candidate.len(), |i| i + 3);
            let end = candidate
                .find(|c: char| !is_url_char(c))
                .unwrap_or(candidate.len());
            let end = candidate[..end]
                .trim_end_matches(['.', ',', ';', ':', '!', '?', '\'', ')'])
                .len();
            if end > scheme {
                self.line.push('<');
                self.line.push_str(&candidate[..end]);
                self.line.push('>');
                rest = &candidate[end..];
            } else {
                // A scheme with nothing after it is no link.
                self.line.push_str(&escape(&candidate[..scheme]));
                rest = &candidate[scheme..];
            }
        }
    }

    fn end_code(&mut self) {
        if let Some(code) = self.code.take() {
            let span = code_span(&code);
            self.line.push_str(&span);
        }
    }

    /// Closes the open link; one with no text links its URL.
    fn end_link(&mut self) {
        let Some((url, start)) = self.link.take() else {
            return;
        };
        if self.line.get(start..).is_some_and(|t| t.trim().is_empty()) {
            self.line.truncate(start - 1);
            self.line.push_str(&format!("<{url}>"));
        } else {
            self.line.push_str(&format!("]({url})"));
        }
    }

    /// A `text` fence holding `text` verbatim, without its leading and trailing blank lines.
    fn fence(&mut self, text: &str) {
        let lines: Vec<&str> = text.split('\n').map(str::trim_end).collect();
        let Some(first) = lines.iter().position(|l| !l.is_empty()) else {
            return;
        };
        let last = lines.iter().rposition(|l| !l.is_empty()).unwrap_or(first);
        let body = lines[first..=last].join("\n");
        // Longer than any backtick run inside, so no line of the text can close it.
        let fence = "`".repeat(3.max(longest_run(&body, '`') + 1));
        self.lines
            .push(Line::Fence(format!("{fence}text\n{body}\n{fence}")));
        self.lines.push(Line::Text(String::new()));
    }

    fn flush_line(&mut self) {
        let line = std::mem::take(&mut self.line);
        self.marks.clear();
        let line = line.trim();
        if !line.is_empty() {
            self.lines.push(Line::Text(line.to_string()));
        }
    }

    /// True when the line holds only a list marker, which must stay with the item's text.
    fn at_list_marker(&self) -> bool {
        self.line.trim() == "-"
    }

    /// An item that ended without text leaves no marker behind.
    fn drop_marker(&mut self) {
        if self.at_list_marker() {
            self.line.clear();
        }
    }

    /// Ends the line: a code span or link cannot continue on the next one.
    fn break_line(&mut self) {
        self.end_code();
        self.end_link();
        if self.at_list_marker() {
            return;
        }
        self.flush_line();
    }

    fn paragraph(&mut self) {
        self.break_line();
        // Inside a list, paragraphs are just item lines.
        let after_text = matches!(self.lines.last(), Some(Line::Text(l)) if !l.is_empty())
            || matches!(self.lines.last(), Some(Line::Fence(_)));
        if self.list_depth == 0 && after_text {
            self.lines.push(Line::Text(String::new()));
        }
    }

    fn finish(mut self) -> String {
        if let Some(text) = self.pre.take() {
            self.fence(&text);
        }
        self.break_line();
        self.flush_line();
        let mut out: Vec<String> = Vec::new();
        for line in self.lines {
            let line = match line {
                Line::Text(line) | Line::Fence(line) => line,
            };
            if line.is_empty() && out.last().is_none_or(String::is_empty) {
                continue;
            }
            out.push(line);
        }
        while out.last().is_some_and(String::is_empty) {
            out.pop();
        }
        out.join("\n")
    }
}

/// Drops what a doc comment cannot hold; line ends become `\n`.
fn clean(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\r' if chars.peek() == Some(&'\n') => {}
            '\n' | '\t' => out.push(c),
            '\r' | '\u{85}' | '\u{2028}' | '\u{2029}' => out.push('\n'),
            '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' | '\u{200e}' | '\u{200f}' => {}
            '\u{61c}' => {}
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

fn longest_run(text: &str, c: char) -> usize {
    let (mut longest, mut run) = (0, 0);
    for x in text.chars() {
        run = if x == c { run + 1 } else { 0 };
        longest = longest.max(run);
    }
    longest
}

fn split_keep_space(text: &str) -> Vec<&str> {
    let mut parts = Vec::new();
    let mut start = 0;
    let mut in_space = None;
    for (i, c) in text.char_indices() {
        let space = c.is_whitespace();
        if in_space.is_some_and(|s| s != space) {
            parts.push(&text[start..i]);
            start = i;
        }
        in_space = Some(space);
    }
    if start < text.len() {
        parts.push(&text[start..]);
    }
    parts
}

/// Where the first `http://` or `https://` in `word` starts.
fn url_start(word: &str) -> Option<usize> {
    match (word.find("http://"), word.find("https://")) {
        (Some(a), Some(b)) => Some(a.min(b)),
        (a, b) => a.or(b),
    }
}

/// Characters an autolink may hold (no `<`, `>`, space or backslash).
fn is_url_char(c: char) -> bool {
    c.is_alphanumeric() || "-._~:/?#@!$&'()*+,;=%".contains(c)
}

/// Escapes characters Markdown or rustdoc would interpret.
fn escape(word: &str) -> String {
    let mut out = String::with_capacity(word.len());
    for (i, c) in word.char_indices() {
        match c {
            // `~` too: `~~~` opens a fence and `~~` strikes through.
            '[' | ']' | '*' | '`' | '\\' | '#' | '|' | '~' => {
                out.push('\\');
                out.push(c);
            }
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            // `&lt;` in the text (decoded from `&amp;lt;`) must not be decoded again.
            '&' if is_entity(&word[i + 1..]) => out.push_str("&amp;"),
            '_' if i == 0 => out.push_str("\\_"),
            _ => out.push(c),
        }
    }
    out
}

/// True when `rest` (what follows a `&`) would read as an entity reference: `name;` or `#123;`.
fn is_entity(rest: &str) -> bool {
    rest.find(';').is_some_and(|end| {
        end > 0
            && rest[..end]
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '#')
    })
}

/// The `href` of an `<a>` tag, when it is an http(s) URL, percent-encoded so that it cannot end
/// the Markdown link destination or break the line.
fn href(tag: &str) -> Option<String> {
    let start = tag.find("href=")? + "href=".len();
    let rest = &tag[start..];
    let quote = rest.chars().next()?;
    let url = if quote == '"' || quote == '\'' {
        let inner = &rest[1..];
        &inner[..inner.find(quote)?]
    } else {
        rest.split_whitespace().next()?
    };
    let url = decode_entities(url);
    let url = url.trim();
    if !(url.starts_with("http://") || url.starts_with("https://")) {
        return None;
    }
    let mut out = String::with_capacity(url.len());
    for c in url.chars() {
        if c.is_ascii_alphanumeric() || "-._~:/?#@!$&'*+,;=%".contains(c) {
            out.push(c);
        } else {
            for b in c.encode_utf8(&mut [0; 4]).bytes() {
                out.push_str(&format!("%{b:02X}"));
            }
        }
    }
    Some(out)
}

fn decode_entities(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(amp) = rest.find('&') {
        out.push_str(&rest[..amp]);
        let after = &rest[amp..];
        let decoded = after.find(';').filter(|&end| end <= 10).and_then(|end| {
            let entity = &after[1..end];
            let c = match entity {
                "lt" => Some('<'),
                "gt" => Some('>'),
                "amp" => Some('&'),
                "quot" => Some('"'),
                "apos" => Some('\''),
                "nbsp" => Some(' '),
                _ => entity
                    .strip_prefix("#x")
                    .and_then(|hex| u32::from_str_radix(hex, 16).ok())
                    .or_else(|| entity.strip_prefix('#').and_then(|dec| dec.parse().ok()))
                    .and_then(char::from_u32),
            };
            c.map(|c| (c, end))
        });
        match decoded {
            Some((c, end)) => {
                out.push(c);
                rest = &after[end + 1..];
            }
            None => {
                out.push('&');
                rest = &after[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::{code_span, inline_text, to_markdown};

    #[test]
    fn paragraphs_code_and_links() {
        let md = to_markdown(
            "<p>Creates a <code>PaymentSession</code>. See <a href=\"https://example.com/x\">the guide</a>.</p><p>Second [x] *y*.</p>",
        )
        .unwrap();
        assert_eq!(
            md,
            "Creates a `PaymentSession`. See [the guide](https://example.com/x).\n\nSecond \\[x\\] \\*y\\*."
        );
    }

    #[test]
    fn lists_notes_and_bare_urls() {
        let md = to_markdown(
            "<ul><li><p>one</p></li><li>two https://a.b/c.</li></ul><note>careful &lt;x&gt;</note>",
        )
        .unwrap();
        assert_eq!(
            md,
            "- one\n- two <https://a.b/c>.\n\n**Note:** careful &lt;x&gt;"
        );
    }

    #[test]
    fn plain_text_and_empty() {
        assert_eq!(
            to_markdown("  An array of   'Usage Session' objects. ").unwrap(),
            "An array of 'Usage Session' objects."
        );
        assert_eq!(to_markdown("<p></p>"), None);
        assert_eq!(
            to_markdown("unclosed <b"),
            Some("unclosed &lt;b".to_string())
        );
    }

    #[test]
    fn pre_becomes_text_fence() {
        let md = to_markdown("<pre>let x = 1;\n  y</pre>").unwrap();
        assert_eq!(md, "```text\nlet x = 1;\n  y\n```");
    }

    #[test]
    fn non_ascii_text() {
        assert_eq!(
            to_markdown("“Quoted” café — <b>naïve</b> 😀").unwrap(),
            "“Quoted” café — **naïve** 😀"
        );
        assert_eq!(to_markdown("é<").unwrap(), "é&lt;");
        assert_eq!(to_markdown("<é>").unwrap(), "&lt;é&gt;");
        assert_eq!(
            to_markdown("see “https://example.com/a”.").unwrap(),
            "see “<https://example.com/a>”."
        );
    }

    #[test]
    fn unknown_tags_are_text() {
        assert_eq!(
            to_markdown("<p>Vec<T>, arn:<account-id>, <script>x()</script> <preview></p>").unwrap(),
            "Vec&lt;T&gt;, arn:&lt;account-id&gt;, &lt;script&gt;x()&lt;/script&gt; &lt;preview&gt;"
        );
        assert_eq!(
            to_markdown("<fullname>Amazon X</fullname><!-- c --><P>y</P>").unwrap(),
            "Amazon X\n\ny"
        );
    }

    #[test]
    fn empty_items_and_nested_emphasis() {
        assert_eq!(
            to_markdown("<ul><li>a</li><li></li><li><code></code></li></ul><p>after</p>").unwrap(),
            "- a\n\nafter"
        );
        assert_eq!(
            to_markdown("<h2>A <b>bold</b> title</h2><b></b>x<i> </i>").unwrap(),
            "**A bold title**\n\nx"
        );
    }

    #[test]
    fn model_fences_stay_text() {
        assert_eq!(
            to_markdown("```rust\nfn main() {}\n```").unwrap(),
            "\\`\\`\\`rust fn main() {} \\`\\`\\`"
        );
        assert_eq!(to_markdown("<p>~~~</p>").unwrap(), "\\~\\~\\~");
        assert_eq!(
            to_markdown("<p>    indented</p><li>     code</li>").unwrap(),
            "indented\n\n- code"
        );
        // A fence inside `<pre>` is text of a longer fence.
        assert_eq!(
            to_markdown("<pre>```\npanic!()\n```</pre>").unwrap(),
            "````text\n```\npanic!()\n```\n````"
        );
        // `</pre>` without `<pre>` opens nothing.
        assert_eq!(to_markdown("a</pre>panic!()").unwrap(), "apanic!()");
        assert_eq!(to_markdown("<code>``` x</code>").unwrap(), "\\`\\`\\` x");
    }

    #[test]
    fn links_stay_links() {
        // Percent-encoded, so the destination cannot end early or span lines.
        assert_eq!(
            to_markdown("<a href=\"https://x.com/a b)&#10;```\">t</a>").unwrap(),
            "[t](https://x.com/a%20b%29%0A%60%60%60)"
        );
        assert_eq!(
            to_markdown("<a href=\"https://x.com\"></a>").unwrap(),
            "<https://x.com>"
        );
        // A paragraph break ends the link; `</a>` without `<a>` is ignored.
        assert_eq!(
            to_markdown("<a href=\"https://x.com\">one<p>two</a></a>").unwrap(),
            "[one](https://x.com)\n\ntwo"
        );
        assert_eq!(
            to_markdown("<a href='https://x.com'>a <a href='https://y.com'>b</a> c</a>").unwrap(),
            "[a b c](https://x.com)"
        );
    }

    #[test]
    fn control_characters_are_dropped() {
        assert_eq!(
            to_markdown("a\r\nb\rc\0d\u{202e}e\u{7}f&#13;g&#0;h").unwrap(),
            "a b cdef gh"
        );
        assert_eq!(
            to_markdown("<pre>a\rb\u{0}c\u{2028}d</pre>").unwrap(),
            "```text\na\nbc\nd\n```"
        );
    }

    #[test]
    fn titles_and_values() {
        assert_eq!(
            inline_text("A *title*\n```rust"),
            "A \\*title\\* \\`\\`\\`rust"
        );
        assert_eq!(code_span("low"), "`low`");
        assert_eq!(code_span("a`b"), "``a`b``");
        assert_eq!(code_span("`a"), "`` `a ``");
        assert_eq!(code_span("``\nrust"), "\\`\\` rust");
        assert_eq!(code_span(" \u{0} "), "");
    }

    /// Fails when `md` could hold anything but inert text: a fence other than a `text` fence
    /// opened here, an indented code block, raw HTML or a character a doc comment cannot hold.
    fn assert_inert(input: &str, md: &str) {
        let ctx = || format!("input {input:?}\noutput:\n{md}");
        assert!(
            !md.chars().any(|c| c.is_control() && c != '\n' && c != '\t'),
            "control character; {}",
            ctx()
        );
        let mut fence: Option<&str> = None;
        for line in md.lines() {
            if let Some(open) = fence {
                if line == open {
                    fence = None;
                }
                continue;
            }
            assert_eq!(line, line.trim(), "leading or trailing space; {}", ctx());
            // What a block would start with, after list markers.
            let mut block = line;
            loop {
                let digits =
                    block.len() - block.trim_start_matches(|c: char| c.is_ascii_digit()).len();
                let rest = ["- ", "* ", "+ ", "> "]
                    .iter()
                    .find_map(|m| block.strip_prefix(m))
                    .or_else(|| {
                        let after = &block[digits..];
                        (digits > 0)
                            .then(|| after.strip_prefix(". ").or(after.strip_prefix(") ")))?
                    });
                match rest {
                    Some(rest) => block = rest.trim_start(),
                    None => break,
                }
            }
            if let Some(open) = block.strip_suffix("text").filter(|f| f.starts_with("```")) {
                assert_eq!(block, line, "fence after a list marker; {}", ctx());
                assert!(open.chars().all(|c| c == '`'), "odd fence; {}", ctx());
                fence = Some(open);
                continue;
            }
            assert!(
                !block.starts_with("```") && !block.starts_with("~~~"),
                "fence opened by the model; {}",
                ctx()
            );
            assert!(!raw_html(line), "raw HTML; {}", ctx());
        }
        assert!(fence.is_none(), "unclosed fence; {}", ctx());
    }

    /// True when `line` has a `<` outside code spans and autolinks.
    fn raw_html(line: &str) -> bool {
        let chars: Vec<char> = line.chars().collect();
        let mut i = 0;
        while i < chars.len() {
            match chars[i] {
                '\\' => i += 2,
                '`' => {
                    let run = chars[i..].iter().take_while(|&&c| c == '`').count();
                    // The span ends at the next run of exactly the same length.
                    let mut j = i + run;
                    let mut end = None;
                    while j < chars.len() {
                        let r = chars[j..].iter().take_while(|&&c| c == '`').count();
                        if r == run {
                            end = Some(j + r);
                            break;
                        }
                        j += r.max(1);
                    }
                    i = end.unwrap_or(i + run);
                }
                '<' => {
                    let rest: String = chars[i..].iter().collect();
                    if !rest.starts_with("<http") {
                        return true;
                    }
                    i += rest
                        .find('>')
                        .map_or(chars.len(), |e| rest[..e].chars().count() + 1);
                }
                _ => i += 1,
            }
        }
        false
    }

    /// A small deterministic generator, so the test needs no dependency and always runs the same.
    struct Lcg(u64);

    impl Lcg {
        fn next(&mut self, n: usize) -> usize {
            self.0 = self
                .0
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            ((self.0 >> 33) as usize) % n
        }
    }

    const FRAGMENTS: &[&str] = &[
        "<",
        ">",
        "</",
        "/>",
        "<a href=\"https://example.com/é\">",
        "<a href='http://x.y'>",
        "<a href=https://a.b/c>",
        "<a>",
        "</a>",
        "<pre>",
        "</pre>",
        "<code>",
        "</code>",
        "<p>",
        "</p>",
        "<br/>",
        "<b>",
        "</b>",
        "<i>",
        "</i>",
        "<em>",
        "<strong>",
        "</strong>",
        "<ul>",
        "</ul>",
        "<ol>",
        "<li>",
        "</li>",
        "<dl>",
        "<dt>",
        "<dd>",
        "<note>",
        "</note>",
        "<h2>",
        "</h2>",
        "<!--",
        "-->",
        "<script>",
        "<T>",
        "```",
        "```rust",
        "~~~",
        "`",
        "``",
        "    ",
        "\t",
        "\n",
        "\r",
        "\r\n",
        "\0",
        "\u{7}",
        "\u{1b}[31m",
        "\u{85}",
        "\u{2028}",
        "\u{202e}",
        "\u{2066}",
        "\u{feff}",
        "&",
        "&amp;",
        "&lt;",
        "&#",
        "&#x1F600;",
        "&#0;",
        "&#13;",
        "&#x110000;",
        "&nbsp;",
        "&amp;lt;",
        "é",
        "😀",
        "e\u{301}",
        "\u{0627}\u{0644}",
        "ﬃ",
        "https://example.com/path_(x).",
        "http://",
        "https://",
        "www.x.com",
        "*",
        "**",
        "_",
        "__",
        "[",
        "]",
        "[x]",
        "[x]: y",
        "(",
        ")",
        "\\",
        "#",
        "|",
        "-",
        "- ",
        "+ ",
        "1. ",
        "> ",
        "=",
        "---",
        "\"",
        "'",
        "*/",
        "/*",
        "#[doc",
        "fn main() { panic!() }",
        " ",
        "word",
        "compile_error!(\"x\");",
    ];

    fn adversarial_inputs() -> Vec<String> {
        let mut inputs: Vec<String> = [
            "",
            "<",
            ">",
            "&",
            "é",
            "😀<",
            "<😀",
            "a&",
            "a&#",
            "a&#x",
            "&#x1F600",
            "&amp",
            "</a>",
            "</a></a><a>",
            "<a href=\"",
            "<a href='https://x.com",
            "<a href=\"https://x.com\">",
            "<pre>",
            "<pre>```",
            "<pre>```rust\npanic!()\n```\n```rust\ncompile_error!(\"x\");\n```</pre>",
            "</pre>```rust\npanic!()\n```",
            "<code>",
            "<code>```rust\npanic!()</code>",
            "<li>```rust\npanic!()\n```</li>",
            "<ul><li>    fn main() {}</li></ul>",
            "\u{0}\u{1}\u{2}\u{7f}\u{9f}",
            "e\u{301}\u{301}\u{301}<b>\u{301}</b>",
            "\u{202e}evil\u{202c}",
        ]
        .iter()
        .map(|s| s.to_string())
        .collect();
        inputs.push(format!(
            "{}x{}",
            "<ul><li>".repeat(50),
            "</li></ul>".repeat(50)
        ));
        inputs.push("<b><i>".repeat(50));
        inputs.push("<".repeat(1000));
        inputs.push("&#x".repeat(1000));
        inputs.push("é".repeat(5000));
        let mut rng = Lcg(0x5eed);
        for _ in 0..3000 {
            let len = 1 + rng.next(40);
            inputs.push(
                (0..len)
                    .map(|_| FRAGMENTS[rng.next(FRAGMENTS.len())])
                    .collect(),
            );
        }
        // Random Unicode, including unassigned and private-use code points.
        for _ in 0..500 {
            let len = 1 + rng.next(30);
            inputs.push(
                (0..len)
                    .filter_map(|_| char::from_u32(rng.next(0x11_0000) as u32))
                    .collect(),
            );
        }
        // Every prefix of a rich input: unclosed everything, cut inside every character.
        let rich = "<p>“Smart” <a href=\"https://é.com/x\">link <code>c`d</code></a> &amp; \
                    <pre>```rust\npanic!()\n```</pre><ul><li><b>😀 e\u{301}</b></li></ul>&#x1F600;</p>";
        for (i, _) in rich.char_indices() {
            inputs.push(rich[..i].to_string());
        }
        inputs
    }

    #[test]
    fn adversarial_inputs_never_panic_and_stay_inert() {
        for input in adversarial_inputs() {
            let result = std::panic::catch_unwind(|| {
                (to_markdown(&input), inline_text(&input), code_span(&input))
            });
            let Ok((md, inline, code)) = result else {
                panic!("panicked on {input:?}");
            };
            if let Some(md) = md {
                assert_inert(&input, &md);
                // Idempotent enough to be safe again: converting the output is inert too.
                assert_inert(&md, &to_markdown(&md).unwrap_or_default());
            }
            assert!(!inline.contains('\n'), "{input:?} -> {inline:?}");
            assert_inert(&input, &inline);
            assert!(!code.contains('\n'), "{input:?} -> {code:?}");
            assert_inert(&input, &code);
        }
    }
}

//! Model documentation (HTML, as AWS models write it, or plain text) to rustdoc Markdown.
//!
//! The output must build without rustdoc warnings: no bare URLs, no stray `[..]` that look like
//! broken intra-doc links, no unclosed HTML, and no code block that rustdoc would try to compile.

/// Converts model documentation to Markdown; `None` when nothing readable is left.
pub fn to_markdown(html: &str) -> Option<String> {
    let mut out = Writer::default();
    let mut rest = html;
    while !rest.is_empty() {
        if let Some(after) = rest.strip_prefix('<')
            && let Some(end) = after.find('>')
        {
            out.tag(&after[..end]);
            rest = &after[end + 1..];
            continue;
        }
        let next = rest[1..].find('<').map_or(rest.len(), |i| i + 1);
        out.text(&decode_entities(&rest[..next]));
        rest = &rest[next..];
    }
    let text = out.finish();
    if text.is_empty() { None } else { Some(text) }
}

#[derive(Default)]
struct Writer {
    lines: Vec<String>,
    line: String,
    /// Inside `<code>`: text is kept verbatim.
    code: Option<String>,
    /// Inside `<pre>`: lines are kept verbatim in a `text` fence.
    pre: bool,
    /// Open `<a href>` targets.
    links: Vec<Option<String>>,
    list_depth: usize,
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
        match (name.as_str(), closing) {
            ("p" | "div" | "note" | "important", false) => {
                self.paragraph();
                if name == "note" || name == "important" {
                    self.line.push_str("**Note:** ");
                }
            }
            ("ul" | "ol" | "dl", true) => {
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
                let indent = "  ".repeat(self.list_depth.saturating_sub(1).min(1));
                self.line.push_str(&indent);
                self.line.push_str("- ");
            }
            ("dd", false) => self.break_line(),
            ("li" | "dt" | "dd", true) => self.break_line(),
            ("code", false) if !self.pre => self.code = Some(String::new()),
            ("code", true) if !self.pre => {
                if let Some(code) = self.code.take() {
                    self.code_span(&code);
                }
            }
            ("pre", false) => {
                self.paragraph();
                self.lines.push("```text".to_string());
                self.pre = true;
            }
            ("pre", true) => {
                self.flush_line();
                self.lines.push("```".to_string());
                self.lines.push(String::new());
                self.pre = false;
            }
            ("b" | "strong" | "i" | "em", _) if self.code.is_none() && !self.pre => {
                let mark = if name == "b" || name == "strong" {
                    "**"
                } else {
                    "*"
                };
                self.mark(mark, closing);
            }
            ("a", false) => {
                self.links.push(href(body));
                if self.links.last().is_some_and(Option::is_some) {
                    self.line.push('[');
                }
            }
            ("a", true) => {
                if let Some(Some(url)) = self.links.pop() {
                    self.line.push_str(&format!("]({url})"));
                }
            }
            ("h1" | "h2" | "h3" | "h4" | "h5" | "h6", false) => {
                self.paragraph();
                self.line.push_str("**");
            }
            ("h1" | "h2" | "h3" | "h4" | "h5" | "h6", true) => {
                self.line.push_str("**");
                self.paragraph();
            }
            _ => {}
        }
    }

    /// Emphasis markers must hug text; a marker around nothing is dropped.
    fn mark(&mut self, mark: &str, closing: bool) {
        if closing {
            if self.line.ends_with(mark) {
                self.line.truncate(self.line.len() - mark.len());
            } else {
                let trimmed = self.line.trim_end().len();
                let trailing = self.line.split_off(trimmed);
                self.line.push_str(mark);
                self.line.push_str(&trailing);
            }
        } else {
            self.line.push_str(mark);
        }
    }

    fn text(&mut self, text: &str) {
        if let Some(code) = &mut self.code {
            code.push_str(text);
            return;
        }
        if self.pre {
            for (i, part) in text.split('\n').enumerate() {
                if i > 0 {
                    self.flush_line();
                }
                self.line.push_str(part);
            }
            return;
        }
        let in_link = self.links.iter().any(Option::is_some);
        for word in split_keep_space(text) {
            if word.chars().all(char::is_whitespace) {
                if !self.line.is_empty() && !self.line.ends_with(' ') && !self.line.ends_with("- ")
                {
                    self.line.push(' ');
                }
            } else if !in_link && (word.starts_with("http://") || word.starts_with("https://")) {
                let end = word.trim_end_matches(['.', ',', ';', ':', ')']).len();
                self.line.push_str(&format!("<{}>", &word[..end]));
                self.line.push_str(&escape(&word[end..]));
            } else {
                self.line.push_str(&escape(word));
            }
        }
    }

    fn code_span(&mut self, code: &str) {
        let code = code.split_whitespace().collect::<Vec<_>>().join(" ");
        if code.is_empty() {
            return;
        }
        let fence = if code.contains('`') { "``" } else { "`" };
        let pad = if code.starts_with('`') || code.ends_with('`') {
            " "
        } else {
            ""
        };
        self.line
            .push_str(&format!("{fence}{pad}{code}{pad}{fence}"));
    }

    fn flush_line(&mut self) {
        let line = std::mem::take(&mut self.line);
        let line = if self.pre {
            line
        } else {
            line.trim().to_string()
        };
        if !line.is_empty() || self.pre {
            self.lines.push(line);
        }
    }

    /// True when the line holds only a list marker, which must stay with the item's text.
    fn at_list_marker(&self) -> bool {
        self.line.trim() == "-"
    }

    fn break_line(&mut self) {
        if self.at_list_marker() {
            return;
        }
        if !self.line.trim().is_empty() {
            self.flush_line();
        }
        self.line.clear();
    }

    fn paragraph(&mut self) {
        self.break_line();
        // Inside a list, paragraphs are just item lines.
        if self.list_depth == 0 && self.lines.last().is_some_and(|l| !l.is_empty()) {
            self.lines.push(String::new());
        }
    }

    fn finish(mut self) -> String {
        if let Some(code) = self.code.take() {
            self.code_span(&code);
        }
        if self.pre {
            self.flush_line();
            self.lines.push("```".to_string());
        }
        self.flush_line();
        let mut out: Vec<String> = Vec::new();
        let mut in_fence = false;
        for line in self.lines {
            if line.starts_with("```") {
                in_fence = !in_fence;
            }
            // Leading spaces would make an indented code block, which rustdoc compiles as a doctest.
            let keep = in_fence || line.starts_with("```") || line.trim_start().starts_with("- ");
            let line = if keep {
                line
            } else {
                line.trim_start().to_string()
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

/// Escapes characters Markdown or rustdoc would interpret.
fn escape(word: &str) -> String {
    let mut out = String::with_capacity(word.len());
    for c in word.chars() {
        match c {
            '[' | ']' | '*' | '`' | '\\' | '#' | '|' => {
                out.push('\\');
                out.push(c);
            }
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '_' if out.is_empty() => out.push_str("\\_"),
            _ => out.push(c),
        }
    }
    out
}

fn href(tag: &str) -> Option<String> {
    let start = tag.find("href=")? + 5;
    let rest = &tag[start..];
    let quote = rest.chars().next()?;
    let url = if quote == '"' || quote == '\'' {
        let inner = &rest[1..];
        &inner[..inner.find(quote)?]
    } else {
        rest.split_whitespace().next()?
    };
    let url = decode_entities(url);
    (url.starts_with("http://") || url.starts_with("https://")).then(|| {
        url.replace(' ', "%20")
            .replace(')', "%29")
            .replace('(', "%28")
    })
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
    use super::to_markdown;

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
}

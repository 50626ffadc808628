//! The report as Markdown: [`Report::to_markdown`].
//!
//! Headings follow the outline (`##` for level 1, `###` for level 2 …, the title is `#`);
//! inline items (一是…) and sections deeper than Markdown's six heading levels are bold
//! lead lines instead, so a long run of 一是 items does not flood a table of contents.
//! Every paragraph of every body is its own Markdown paragraph, and each section that has
//! metrics is followed by a table of them.
//!
//! The text is escaped so that rendering the Markdown gives back the report's headings
//! and bodies character for character: ASCII punctuation that Markdown would read as
//! syntax is backslash-escaped, and so is a paragraph that would otherwise start a list,
//! a quote or a heading.

use std::fmt::Write as _;

use crate::metric::Metric;
use crate::{Report, Section};

/// Deepest level written as a Markdown heading: level 5 becomes `######`.
const DEEPEST_HEADING: usize = 5;

impl Report<'_> {
    /// The report as CommonMark: the title as `#`, metadata as a list, the preamble, then
    /// each section as a heading one level below its parent with its body paragraphs and a
    /// table of its own metrics (label, value in the base unit, unit, approximation,
    /// source text).
    ///
    /// It needs no input text: headings and bodies are in the report. It is lossless for
    /// them: every heading and body paragraph appears, escaped, in document order.
    ///
    /// ```
    /// let input = "\
    /// 某镇2024年法治政府建设情况报告
    /// 一、主要举措
    /// （一）健全机制。全年办理案件11件，罚款5万元。
    /// ";
    /// let md = gongwen::parse(input).to_markdown();
    /// assert!(md.starts_with("# 某镇2024年法治政府建设情况报告\n"));
    /// assert!(md.contains("\n## 一、主要举措\n"));
    /// assert!(md.contains("\n### （一）健全机制\n"));
    /// assert!(md.contains("\n全年办理案件11件，罚款5万元。\n"));
    /// assert!(md.contains("| 罚款 | 50000 | 元 |  | 5万元 |"));
    /// ```
    pub fn to_markdown(&self) -> String {
        let mut out = String::new();
        if let Some(title) = &self.title {
            out.push_str("# ");
            push_escaped(&mut out, title, true);
            out.push_str("\n\n");
        }
        let mut meta = Vec::new();
        if let Some(issuer) = &self.issuer {
            meta.push(("issuer", escape(issuer)));
        }
        if let Some(year) = self.year {
            meta.push(("year", year.to_string()));
        }
        if let Some(date) = self.date {
            meta.push(("date", date.to_string()));
        }
        for (key, value) in &meta {
            let _ = writeln!(out, "- {key}: {value}");
        }
        if !meta.is_empty() {
            out.push('\n');
        }
        push_paragraphs(&mut out, &self.preamble);
        push_metrics(
            &mut out,
            self.metrics.iter().filter(|m| m.section.is_empty()),
        );
        for section in self.walk() {
            push_section(&mut out, section, self.metrics_of(section));
        }
        // One trailing newline, whatever the last block was.
        while out.ends_with("\n\n") {
            out.pop();
        }
        out
    }
}

fn push_section(out: &mut String, section: &Section<'_>, own: &[Metric<'_>]) {
    let heading = format!("{}{}", section.marker.text, section.heading);
    // A heading is one line; a stray line break inside it would end the heading early.
    let heading = heading.replace('\n', " ");
    if section.is_inline() || section.level > DEEPEST_HEADING {
        out.push_str("**");
        push_escaped(out, &heading, false);
        out.push_str("**\n\n");
    } else {
        out.push_str(&"#".repeat(section.level + 1));
        out.push(' ');
        push_escaped(out, &heading, false);
        out.push_str("\n\n");
    }
    push_paragraphs(out, &section.body);
    push_metrics(out, own);
}

fn push_paragraphs(out: &mut String, text: &str) {
    for paragraph in text.split('\n').filter(|p| !p.trim().is_empty()) {
        push_escaped(out, paragraph, true);
        out.push_str("\n\n");
    }
}

fn push_metrics<'m, 'a: 'm>(out: &mut String, metrics: impl IntoIterator<Item = &'m Metric<'a>>) {
    let mut metrics = metrics.into_iter().peekable();
    if metrics.peek().is_none() {
        return;
    }
    out.push_str("| label | value | unit | approx | text |\n");
    out.push_str("|---|---:|---|---|---|\n");
    for m in metrics {
        let value = match m.high {
            Some(high) => format!("{}–{}", m.value, high),
            None => m.value.to_string(),
        };
        let _ = writeln!(
            out,
            "| {} | {} | {} | {} | {} |",
            cell(m.label.as_deref().unwrap_or("")),
            value,
            cell(&m.unit),
            m.approx.map_or("", |a| a.name()),
            cell(&m.text),
        );
    }
    out.push('\n');
}

/// A table cell: escaped, on one line.
fn cell(text: &str) -> String {
    escape(&text.replace('\n', " "))
}

/// `text` escaped for Markdown, not at the start of a line.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    push_escaped(&mut out, text, false);
    out
}

/// Appends `text` with every character Markdown could read as syntax backslash-escaped.
/// With `line_start`, also what would open a block: `-`, `+`, `=`, `1.` or `1)`.
fn push_escaped(out: &mut String, text: &str, line_start: bool) {
    let mut chars = text.char_indices().peekable();
    if line_start {
        let digits = text.bytes().take_while(u8::is_ascii_digit).count();
        if digits > 0 && matches!(text.as_bytes().get(digits), Some(b'.' | b')')) {
            out.push_str(&text[..digits]);
            out.push('\\');
            while chars.next_if(|&(i, _)| i < digits).is_some() {}
        } else if matches!(text.as_bytes().first(), Some(b'-' | b'+' | b'=')) {
            out.push('\\');
        }
    }
    for (_, c) in chars {
        if matches!(
            c,
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '#' | '|' | '~' | '&' | '!'
        ) {
            out.push('\\');
        }
        out.push(c);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Undoes [`push_escaped`]: what a Markdown renderer shows for an escaped run.
    fn unescape(text: &str) -> String {
        let mut out = String::new();
        let mut chars = text.chars();
        while let Some(c) = chars.next() {
            match c {
                '\\' => out.extend(chars.next()),
                c => out.push(c),
            }
        }
        out
    }

    #[test]
    fn escaping_round_trips_and_defuses_block_syntax() {
        for text in [
            "1. 不是列表",
            "2023) 也不是",
            "- 不是列表",
            "# 不是标题",
            "a*b*c_d_[e](f) <g> | h & i \\ j ` ~ !",
            "1.5万元",
            "普通文字",
        ] {
            let mut out = String::new();
            push_escaped(&mut out, text, true);
            assert_eq!(unescape(&out), text, "{out}");
            assert!(!out.starts_with("1. ") && !out.starts_with("- "), "{out}");
        }
    }

    #[test]
    fn inline_items_are_bold_and_deep_sections_too() {
        let report = crate::parse("一、甲\n（一）乙。一是丙。二是丁。\n");
        let md = report.to_markdown();
        assert!(md.contains("## 一、甲\n"), "{md}");
        assert!(md.contains("### （一）乙\n"), "{md}");
        assert!(md.contains("**一是丙**\n"), "{md}");
        assert!(md.contains("**二是丁**\n"), "{md}");
    }
}

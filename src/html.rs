//! The report as one self-contained HTML page: [`Report::to_html`] (feature `html`).
//!
//! The page shows the document's own text (the input, line breaks kept) with
//!
//! - the outline as a side navigation: every section with its marker, heading and count
//!   of metrics, nested and collapsible (`<details>`), each a link to its heading;
//! - every metric highlighted, its value, unit, kind and label in a tooltip and in
//!   `data-` attributes;
//! - every diagnostic underlined, its message in a tooltip, and listed above the text;
//! - text that normalization dropped (web-page bars, page numbers …) greyed out;
//! - a summary table of the metrics by kind.
//!
//! No external assets and no network: the CSS and a few lines of script are inline, and
//! the page works with scripts off (the script only adds expand/collapse-all buttons).
//!
//! Spans may nest or cross (a metric inside a heading, a diagnostic over both), so the
//! text is cut at every span boundary into segments, and each segment sits inside the
//! elements of the spans that cover it. Elements stay open across segments while their
//! span goes on, so nested spans give nested elements; only a span that crosses another
//! is cut in pieces, and keeps its `id` on its first piece. This is linear in the input plus the number of spans (after sorting them).

use std::fmt::Write as _;

use crate::diagnostic::Severity;
use crate::metric::{Kind, Metric};
use crate::{Report, Span};

/// What a highlighted range stands for; the order is the nesting order, outermost first.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum Layer {
    /// Index into `Report::dropped`.
    Dropped(usize),
    /// Pre-order index of a section.
    Heading(usize),
    /// Index into `Report::diagnostics`.
    Diagnostic(usize),
    /// Index into `Report::metrics`.
    Metric(usize),
}

#[derive(Clone, Copy, Debug)]
struct Mark {
    start: usize,
    end: usize,
    layer: Layer,
}

impl Report<'_> {
    /// The report as one self-contained HTML page (UTF-8, inline CSS, no external
    /// assets): the document's text with its outline as a collapsible side navigation,
    /// metrics highlighted with their value, unit and label on hover, diagnostics
    /// underlined with their message, and a summary table of metrics by kind.
    ///
    /// `input` must be the text this report was parsed from: the page shows it, and the
    /// report's spans point into it. A span that does not fit `input` (another text was
    /// passed) is left unhighlighted rather than panicking. Everything from the input is
    /// HTML-escaped.
    ///
    /// Element ids are stable for linking: `s0`, `s1` … for sections in pre-order
    /// ([`Report::walk`]), `m0` … for [`Report::metrics`], `d0` … for
    /// [`Report::diagnostics`].
    ///
    /// Available with the crate feature `html`.
    ///
    /// ```
    /// let input = "某镇2024年法治政府建设情况报告\n一、主要举措\n全年罚款5万元。\n";
    /// let html = gongwen::parse(input).to_html(input);
    /// assert!(html.starts_with("<!DOCTYPE html>"));
    /// assert!(html.contains(r##"<a href="#s0">"##));
    /// assert!(html.contains(r#"id="m0""#) && html.contains(r#"data-value="50000""#));
    /// ```
    #[cfg_attr(docsrs, doc(cfg(feature = "html")))]
    pub fn to_html(&self, input: &str) -> String {
        let mut out = String::with_capacity(input.len() * 2 + 8192);
        out.push_str("<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n");
        out.push_str(
            "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>",
        );
        escape(&mut out, self.title.as_deref().unwrap_or("gongwen report"));
        out.push_str("</title>\n<style>");
        out.push_str(CSS);
        out.push_str("</style>\n</head>\n<body>\n");
        self.nav(&mut out);
        out.push_str("<main>\n");
        self.header(&mut out);
        self.summary(&mut out);
        self.diagnostic_list(&mut out);
        out.push_str("<article class=\"text\" id=\"text\">");
        self.text(&mut out, input);
        out.push_str("</article>\n</main>\n<script>");
        out.push_str(SCRIPT);
        out.push_str("</script>\n</body>\n</html>\n");
        out
    }

    /// The side navigation, built from the pre-order walk with a stack of open levels so
    /// that a deep outline costs no recursion.
    fn nav(&self, out: &mut String) {
        out.push_str("<nav id=\"outline\" aria-label=\"outline\">\n<div class=\"tools\">");
        out.push_str("<button type=\"button\" data-act=\"expand\" hidden>expand all</button>");
        out.push_str("<button type=\"button\" data-act=\"collapse\" hidden>collapse all</button>");
        out.push_str("</div>\n<ul class=\"toc\">\n");
        // Levels of the items still open, each with whether it holds a nested list.
        let mut open: Vec<(usize, bool)> = Vec::new();
        for (i, section) in self.walk().enumerate() {
            while open
                .last()
                .is_some_and(|&(level, _)| level >= section.level)
            {
                close_item(out, &mut open);
            }
            let class = if section.is_inline() { " inline" } else { "" };
            let _ = write!(out, "<li class=\"l{}{class}\">", section.level);
            let parent = !section.children.is_empty();
            if parent {
                // Top two levels start open; inline items and deeper start folded.
                let unfolded = section.level <= 2 && !section.is_inline();
                out.push_str(if unfolded {
                    "<details open><summary>"
                } else {
                    "<details><summary>"
                });
            }
            let _ = write!(out, "<a href=\"#s{i}\"><span class=\"marker\">");
            escape(out, &section.marker.text);
            out.push_str("</span>");
            escape(out, &section.heading);
            out.push_str("</a>");
            let own = self.metrics_of(section).len();
            if own > 0 {
                let _ = write!(
                    out,
                    " <span class=\"count\" title=\"metrics in this section\">{own}</span>"
                );
            }
            if parent {
                out.push_str("</summary>\n<ul>\n");
            }
            open.push((section.level, parent));
        }
        while !open.is_empty() {
            close_item(out, &mut open);
        }
        out.push_str("</ul>\n</nav>\n");
    }

    fn header(&self, out: &mut String) {
        out.push_str("<header>\n<h1>");
        escape(out, self.title.as_deref().unwrap_or("(untitled)"));
        out.push_str("</h1>\n<dl class=\"meta\">");
        let year = self.year.map(|y| y.to_string());
        let date = self.date.map(|d| d.to_string());
        for (key, value) in [
            ("issuer", self.issuer.as_deref()),
            ("year", year.as_deref()),
            ("date", date.as_deref()),
        ] {
            let _ = write!(out, "<dt>{key}</dt><dd>");
            escape(out, value.unwrap_or("–"));
            out.push_str("</dd>");
        }
        out.push_str("</dl>\n</header>\n");
    }

    /// Metrics by kind, in order of first appearance: count and the units seen.
    fn summary(&self, out: &mut String) {
        // Kinds are few (ten), so a linear lookup keeps this linear in the metrics.
        let mut rows: Vec<(Kind, usize, Vec<&str>)> = Vec::new();
        for m in &self.metrics {
            let row = match rows.iter().position(|r| r.0 == m.kind) {
                Some(i) => &mut rows[i],
                None => {
                    rows.push((m.kind, 0, Vec::new()));
                    let last = rows.len() - 1;
                    &mut rows[last]
                }
            };
            row.1 += 1;
            if row.2.len() < 12 && !row.2.contains(&&*m.unit) {
                row.2.push(&m.unit);
            }
        }
        out.push_str("<section class=\"summary\">\n<h2>Metrics by kind</h2>\n");
        out.push_str("<table>\n<thead><tr><th>kind</th><th>metrics</th><th>units</th></tr></thead>\n<tbody>\n");
        for (kind, count, units) in &rows {
            let _ = write!(
                out,
                "<tr class=\"k-{kind}\"><td><span class=\"swatch\"></span>{kind}</td><td>{count}</td><td>"
            );
            escape(out, &units.join(" "));
            out.push_str("</td></tr>\n");
        }
        let _ = write!(
            out,
            "</tbody>\n<tfoot><tr><th>total</th><th>{}</th><th></th></tr></tfoot>\n</table>\n</section>\n",
            self.metrics.len()
        );
    }

    fn diagnostic_list(&self, out: &mut String) {
        if self.diagnostics.is_empty() {
            return;
        }
        out.push_str("<section class=\"diagnostics\">\n<h2>Diagnostics</h2>\n<ul>\n");
        for (i, d) in self.diagnostics.iter().enumerate() {
            let _ = write!(
                out,
                "<li class=\"{}\"><a href=\"#d{i}\">{}:{}</a> {} [{}] ",
                severity_class(d.severity),
                d.line,
                d.column,
                d.severity,
                d.code
            );
            escape(out, &d.message);
            out.push_str("</li>\n");
        }
        out.push_str("</ul>\n</section>\n");
    }

    /// The input, cut into segments at every span boundary.
    fn text(&self, out: &mut String, input: &str) {
        let mut marks = Vec::new();
        let mut add = |span: Span, layer: Layer| {
            let fits = span.start <= span.end
                && input.is_char_boundary(span.start)
                && input.is_char_boundary(span.end);
            if fits {
                marks.push(Mark {
                    start: span.start,
                    end: span.end,
                    layer,
                });
            }
        };
        for (i, d) in self.dropped.iter().enumerate() {
            add(d.span, Layer::Dropped(i));
        }
        for (i, s) in self.walk().enumerate() {
            add(s.marker_span.cover(s.heading_span), Layer::Heading(i));
        }
        for (i, d) in self.diagnostics.iter().enumerate() {
            add(d.span, Layer::Diagnostic(i));
        }
        for (i, m) in self.metrics.iter().enumerate() {
            add(m.span, Layer::Metric(i));
        }
        marks.sort_by_key(|m| m.start);
        let mut cuts: Vec<usize> = marks.iter().flat_map(|m| [m.start, m.end]).collect();
        cuts.extend([0, input.len()]);
        cuts.sort_unstable();
        cuts.dedup();

        let sections: Vec<_> = self.walk().collect();
        let mut started = vec![false; marks.len()];
        let mut next = 0;
        let mut active: Vec<usize> = Vec::new();
        // The marks whose elements are open, outermost first.
        let mut open: Vec<usize> = Vec::new();
        for pair in cuts.windows(2) {
            let (from, to) = (pair[0], pair[1]);
            active.retain(|&m| marks[m].end > from);
            while let Some(mark) = marks.get(next).filter(|m| m.start <= from) {
                if mark.end > from {
                    active.push(next);
                } else {
                    // An empty span still gets its element (and id), with no text.
                    self.open(out, mark.layer, &sections, true);
                    out.push_str(close_tag(mark.layer));
                }
                next += 1;
            }
            active.sort_by_key(|&m| (marks[m].layer, marks[m].start));
            // Keep open what stays open, so nested spans give nested elements and only
            // crossing spans are cut.
            let kept = open.iter().zip(&active).take_while(|(a, b)| a == b).count();
            for &m in open[kept..].iter().rev() {
                out.push_str(close_tag(marks[m].layer));
            }
            for &m in &active[kept..] {
                self.open(out, marks[m].layer, &sections, !started[m]);
                started[m] = true;
            }
            open.clone_from(&active);
            escape(out, &input[from..to]);
        }
        for &m in open.iter().rev() {
            out.push_str(close_tag(marks[m].layer));
        }
        // Empty spans at the very end of the input.
        for mark in &marks[next..] {
            self.open(out, mark.layer, &sections, true);
            out.push_str(close_tag(mark.layer));
        }
    }

    /// Writes the opening tag of a mark; only its first piece carries the `id`.
    fn open(&self, out: &mut String, layer: Layer, sections: &[&crate::Section<'_>], first: bool) {
        match layer {
            Layer::Dropped(i) => {
                out.push_str("<span class=\"dropped\" title=\"dropped: ");
                if let Some(d) = self.dropped.get(i) {
                    escape(out, &format!("{:?}", d.kind));
                }
                out.push_str("\">");
            }
            Layer::Heading(i) => {
                let (level, inline) = sections
                    .get(i)
                    .map_or((0, false), |s| (s.level, s.is_inline()));
                let class = if inline { "item" } else { "h" };
                out.push_str("<span");
                if first {
                    let _ = write!(out, " id=\"s{i}\"");
                }
                let _ = write!(out, " class=\"{class} l{level}\">");
            }
            Layer::Diagnostic(i) => {
                let Some(d) = self.diagnostics.get(i) else {
                    return out.push_str("<span>");
                };
                out.push_str("<span");
                if first {
                    let _ = write!(out, " id=\"d{i}\"");
                }
                let _ = write!(
                    out,
                    " class=\"diag {}\" title=\"{} [{}]: ",
                    severity_class(d.severity),
                    d.severity,
                    d.code
                );
                escape(out, &d.message);
                out.push_str("\">");
            }
            Layer::Metric(i) => {
                let Some(m) = self.metrics.get(i) else {
                    return out.push_str("<mark>");
                };
                out.push_str("<mark");
                if first {
                    let _ = write!(out, " id=\"m{i}\"");
                }
                let _ = write!(
                    out,
                    " class=\"metric k-{}\" data-metric=\"{i}\" data-value=\"{}\" data-kind=\"{}\" data-unit=\"",
                    m.kind,
                    value(m),
                    m.kind
                );
                escape(out, &m.unit);
                out.push_str("\" title=\"");
                escape(out, &tooltip(m));
                out.push_str("\">");
            }
        }
    }
}

fn close_tag(layer: Layer) -> &'static str {
    match layer {
        Layer::Metric(_) => "</mark>",
        _ => "</span>",
    }
}

fn close_item(out: &mut String, open: &mut Vec<(usize, bool)>) {
    if let Some((_, parent)) = open.pop() {
        out.push_str(if parent {
            "</ul>\n</details></li>\n"
        } else {
            "</li>\n"
        });
    }
}

fn severity_class(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
        _ => "info",
    }
}

/// The value in the base unit; a range as `low–high`.
fn value(m: &Metric<'_>) -> String {
    match m.high {
        Some(high) => format!("{}–{}", m.value, high),
        None => m.value.to_string(),
    }
}

/// "罚款: 50000 元 (money)", with the approximation when there is one.
fn tooltip(m: &Metric<'_>) -> String {
    let mut tip = String::new();
    if let Some(label) = &m.label {
        let _ = write!(tip, "{label}: ");
    }
    let _ = write!(tip, "{} {} ({}", value(m), m.unit, m.kind);
    if let Some(approx) = m.approx {
        let _ = write!(tip, ", {approx}");
    }
    tip.push(')');
    tip
}

/// Appends `text` escaped for HTML text and for quoted attribute values alike.
fn escape(out: &mut String, text: &str) {
    let mut rest = text;
    while let Some(i) = rest.find(['&', '<', '>', '"', '\'']) {
        out.push_str(&rest[..i]);
        out.push_str(match rest.as_bytes()[i] {
            b'&' => "&amp;",
            b'<' => "&lt;",
            b'>' => "&gt;",
            b'"' => "&quot;",
            _ => "&#39;",
        });
        rest = &rest[i + 1..];
    }
    out.push_str(rest);
}

const CSS: &str = r#"
:root{--nav:22rem;--ink:#1d1d1f;--muted:#6e6e73;--line:#d2d2d7}
*{box-sizing:border-box}
body{margin:0;color:var(--ink);font:16px/1.8 "Noto Sans CJK SC","PingFang SC","Microsoft YaHei",system-ui,sans-serif}
nav#outline{position:fixed;top:0;left:0;bottom:0;width:var(--nav);overflow:auto;padding:.5rem 1rem;border-right:1px solid var(--line);background:#fafafa;font-size:14px;line-height:1.5}
nav .tools{display:flex;gap:.5rem;margin-bottom:.5rem}
nav ul{list-style:none;margin:0;padding-left:1rem}
nav ul.toc{padding-left:0}
nav li{margin:.15rem 0}
nav a{color:inherit;text-decoration:none}
nav a:hover{text-decoration:underline}
nav .marker{color:var(--muted)}
nav li.inline{font-size:13px}
nav .count{display:inline-block;min-width:1.4em;padding:0 .3em;border-radius:.7em;background:#e8f0fe;color:#1a56db;font-size:12px;text-align:center}
nav summary{cursor:pointer}
main{margin-left:var(--nav);padding:1rem 2rem;max-width:calc(var(--nav) + 56rem)}
header h1{font-size:1.5rem;margin:.5rem 0}
dl.meta{display:grid;grid-template-columns:max-content 1fr;gap:0 1rem;color:var(--muted)}
dl.meta dd{margin:0}
table{border-collapse:collapse;margin:.5rem 0}
th,td{border:1px solid var(--line);padding:.2rem .6rem;text-align:left}
h2{font-size:1.1rem;margin:1rem 0 .25rem}
.text{white-space:pre-wrap;border-top:1px solid var(--line);padding-top:1rem}
.h{font-weight:700}
.h.l1{font-size:1.2em}
.item{font-weight:600}
:target{background:#fff3bf}
mark.metric{background:#dbeafe;border-radius:2px;padding:0 1px;cursor:help}
mark.metric:hover{outline:1px solid #1a56db}
mark.k-money{background:#dcfce7}
mark.k-percent,mark.k-ratio,mark.k-percentage_point{background:#fde2e2}
mark.k-duration{background:#fef3c7}
.swatch{display:inline-block;width:.8em;height:.8em;margin-right:.4em;background:#dbeafe}
tr.k-money .swatch{background:#dcfce7}
tr.k-percent .swatch,tr.k-ratio .swatch,tr.k-percentage_point .swatch{background:#fde2e2}
tr.k-duration .swatch{background:#fef3c7}
.diag{text-decoration:underline wavy #d97706;text-underline-offset:3px;cursor:help}
.diag.error{text-decoration-color:#dc2626}
.diag:empty::before{content:"⚑";color:#d97706}
.diagnostics li.error a{color:#dc2626}
.dropped{color:#a1a1a6;text-decoration:line-through}
@media print{nav#outline{display:none}main{margin-left:0}}
"#;

/// Shows the expand/collapse-all buttons (hidden without scripts, where they could not
/// work) and marks the page as scripted, which the browser test checks.
const SCRIPT: &str = r#"
(function () {
  var nav = document.getElementById("outline");
  var buttons = nav.querySelectorAll("button[data-act]");
  for (var i = 0; i < buttons.length; i++) {
    var button = buttons[i];
    button.hidden = false;
    button.addEventListener("click", function (event) {
      var open = event.currentTarget.getAttribute("data-act") === "expand";
      var all = nav.querySelectorAll("details");
      for (var j = 0; j < all.length; j++) { all[j].open = open; }
    });
  }
  document.body.setAttribute("data-ready", "true");
})();
"#;

#[cfg(test)]
mod tests {
    #[test]
    fn escapes_everything_from_the_input() {
        let input = "<script>alert('x')</script>\n一、A&B \"引号\"\n";
        let html = crate::parse(input).to_html(input);
        assert!(!html.contains("<script>alert"), "{html}");
        assert!(html.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;"));
        assert!(html.contains("A&amp;B &quot;引号&quot;"));
    }

    #[test]
    fn overlapping_spans_are_cut_into_nested_segments() {
        // A metric in a heading: the heading's element holds the metric's. (Two sections,
        // so that no numbering diagnostic wraps the marker too.)
        let input = "一、罚款5万元。\n二、其他\n";
        let html = crate::parse(input).to_html(input);
        assert!(
            html.contains(r#"<span id="s0" class="h l1">一、罚款<mark id="m0""#),
            "{html}"
        );
        assert!(html.contains(">5万元</mark></span>。"), "{html}");
        // Crossing spans from another report: no panic, and spans out of range are left out.
        let other = crate::parse("一、甲\n二、乙乙乙乙乙乙乙乙乙乙乙乙\n罚款5万元，罚款6万元。");
        let _ = other.to_html("短");
        let _ = other.to_html("");
    }

    #[test]
    fn every_section_has_a_nav_entry_and_an_anchor() {
        let input = "一、甲\n（一）乙。一是丙。二是丁。\n二、戊\n";
        let report = crate::parse(input);
        let html = report.to_html(input);
        for i in 0..report.walk().count() {
            assert!(html.contains(&format!("href=\"#s{i}\"")), "{i}");
            assert!(html.contains(&format!("id=\"s{i}\"")), "{i}");
        }
        assert_eq!(
            html.matches("<details").count(),
            html.matches("</details>").count()
        );
        assert_eq!(html.matches("<li").count(), html.matches("</li>").count());
    }
}

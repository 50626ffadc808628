//! Renders a diagnostic the way rustc does, with annotate-snippets: the header with
//! `file:line:column`, the source line (trimmed around the span when it is long, as PDF
//! and web paragraphs are), a caret under the exact span and the suggested fix.
//!
//! annotate-snippets measures text in display columns (East Asian Wide characters are
//! two columns), so the caret lands under the right character on a line of Chinese text.
//! The test suite includes this file to check that on CJK lines.

use annotate_snippets::{AnnotationKind, Group, Level, Patch, Renderer, Snippet};
use gongwen::{Diagnostic, Severity};

/// Source lines longer than this (in chars) get a one-line help for their fix instead of
/// a before-and-after view of the whole line.
const MAX_PATCH_LINE: usize = 60;

/// Renders `diagnostic`, found in `input` read from `path`; `color` adds ANSI styles.
pub fn render(path: &str, input: &str, diagnostic: &Diagnostic, color: bool) -> String {
    let level = match diagnostic.severity {
        Severity::Error => Level::ERROR,
        Severity::Warning => Level::WARNING,
        _ => Level::INFO,
    };
    let span = diagnostic.span.range();
    let label = match (&diagnostic.found, &diagnostic.expected) {
        (Some(found), Some(expected)) if !expected.is_empty() => {
            format!("found {found}, expected {expected}")
        }
        (Some(found), _) => format!("found {found}"),
        _ => String::new(),
    };
    let mut report: Vec<Group<'_>> = vec![
        level
            .primary_title(diagnostic.message.as_str())
            .id(diagnostic.code.name())
            .element(
                Snippet::source(input)
                    .path(path)
                    .annotation(AnnotationKind::Primary.span(span).label(label)),
            ),
    ];
    if let Some(fix) = &diagnostic.fix {
        let old = input.get(fix.span.range()).unwrap_or("");
        let title = if fix.replacement.is_empty() {
            format!("remove `{old}`")
        } else {
            format!("replace `{old}` with `{}`", fix.replacement)
        };
        let line_len = input
            .get(..fix.span.start)
            .and_then(|before| {
                let start = before.rfind('\n').map_or(0, |i| i + 1);
                input[start..].lines().next()
            })
            .map_or(0, |line| line.chars().count());
        let help = Level::HELP.secondary_title(title);
        report.push(if line_len <= MAX_PATCH_LINE {
            help.element(
                Snippet::source(input)
                    .path(path)
                    .patch(Patch::new(fix.span.range(), fix.replacement.as_str())),
            )
        } else {
            Group::with_title(help)
        });
    }
    let renderer = if color {
        Renderer::styled()
    } else {
        Renderer::plain()
    };
    renderer.render(&report)
}

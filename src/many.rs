//! Parsing many documents at once, in parallel (feature `rayon`).

use rayon::prelude::*;

use crate::{Report, parse};

/// Parses every document on all cores; the reports come back in input order.
///
/// Each document is parsed independently, so the speed-up is close to the number of
/// cores on corpora of many documents. Work is split per document: a single huge
/// document still uses one core. All the reports are held at once; to turn each into
/// something smaller as it is parsed, use [`parse_many_with`].
///
/// ```
/// let docs = ["一、总体要求\n（一）指导思想", "某镇2024年工作总结\n一、主要成效"];
/// let reports = gongwen::parse_many(&docs);
/// assert_eq!(reports.len(), 2);
/// assert_eq!(reports[1].year, Some(2024));
/// ```
pub fn parse_many<S: AsRef<str> + Sync>(documents: &[S]) -> Vec<Report<'_>> {
    documents.par_iter().map(|d| parse(d.as_ref())).collect()
}

/// Parses every document on all cores and hands each report, with the document's index,
/// to `f` on the thread that parsed it; the results of `f` come back in input order.
///
/// This is the shape of corpus work — a JSON line, a row of figures or a count per
/// document — and it scales better than [`parse_many`]: no report outlives its `f`, so
/// memory stays that of a few reports however many documents there are, and each report
/// is freed by the thread that built it, while it is still in that core's cache.
///
/// ```
/// let docs = ["一、甲\n二、乙\n", "某镇2024年工作总结\n全年罚款5万元。"];
/// let counts = gongwen::parse_many_with(&docs, |i, report| (i, report.sections.len(), report.metrics.len()));
/// assert_eq!(counts, [(0, 2, 0), (1, 0, 1)]);
/// ```
pub fn parse_many_with<S, T, F>(documents: &[S], f: F) -> Vec<T>
where
    S: AsRef<str> + Sync,
    T: Send,
    F: Fn(usize, Report<'_>) -> T + Sync,
{
    documents
        .par_iter()
        .enumerate()
        .map(|(i, d)| f(i, parse(d.as_ref())))
        .collect()
}

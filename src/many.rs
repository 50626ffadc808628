//! Parsing many documents at once, in parallel (feature `rayon`).

use rayon::prelude::*;

use crate::{Report, parse};

/// Parses every document on all cores; the reports come back in input order.
///
/// Each document is parsed independently, so the speed-up is close to the number of
/// cores on corpora of many documents. Work is split per document: a single huge
/// document still uses one core.
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

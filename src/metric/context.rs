//! The words around a number: the lexicons that decide what a number is, and the
//! label, counted noun and sentence a metric gets.

use super::{Approx, Reason};

/// Words before a number that make it an identifier: 拨打12345.
pub(crate) const ID_BEFORE: &[&str] = &[
    "拨打", "热线", "电话", "号码", "编号", "代码", "邮编", "专线",
];

/// Words after a number that make it an identifier: 12345工单, 8890服务热线.
pub(crate) const ID_AFTER: &[&str] = &[
    "热线", "平台", "工单", "专线", "服务", "便民", "政务", "系统", "电话", "号码", "短信", "网格",
];

/// Words before a number that count a period back: 近三年, 过去五年.
pub(crate) const PERIOD_BEFORE: &[&str] = &["近", "过去", "前", "后", "这", "每"];

/// Qualifiers before a number.
pub(crate) const APPROX_BEFORE: &[(&str, Approx)] = &[
    ("不少于", Approx::AtLeast),
    ("至少", Approx::AtLeast),
    ("超过", Approx::Over),
    ("多于", Approx::Over),
    ("逾", Approx::Over),
    ("不足", Approx::Under),
    ("不到", Approx::Under),
    ("近", Approx::Under),
    ("大约", Approx::About),
    ("约", Approx::About),
];

/// Numerals fused into words and names: (word, byte offset of the numeral in it, reason).
pub(crate) const LEXICON: &[(&str, usize, Reason)] = &[
    ("进万家", 3, Reason::Word),
    ("千家万户", 0, Reason::Word),
    ("一把手", 0, Reason::Word),
    ("一盘棋", 0, Reason::Word),
    ("一站式", 0, Reason::Word),
    ("一条龙", 0, Reason::Word),
    ("一张网", 0, Reason::Word),
    ("一次性", 0, Reason::Word),
    ("一系列", 0, Reason::Word),
    ("一揽子", 0, Reason::Word),
    ("一体化", 0, Reason::Word),
    ("一件事", 0, Reason::Campaign),
    ("一网通办", 0, Reason::Campaign),
    ("最多跑一次", 9, Reason::Campaign),
    ("三重一大", 0, Reason::Campaign),
    ("两学一做", 0, Reason::Campaign),
    ("一规划两纲要", 0, Reason::Campaign),
    ("五位一体", 0, Reason::Campaign),
    ("四个全面", 0, Reason::Campaign),
    ("两个维护", 0, Reason::Campaign),
    ("两个确立", 0, Reason::Campaign),
    ("四个意识", 0, Reason::Campaign),
    ("四个自信", 0, Reason::Campaign),
    ("三个代表", 0, Reason::Campaign),
    ("三项制度", 0, Reason::Campaign),
    ("三会一课", 0, Reason::Campaign),
    ("三农", 0, Reason::Campaign),
    ("百日行动", 0, Reason::Campaign),
    ("万人大学堂", 0, Reason::Campaign),
    ("千方百计", 0, Reason::Word),
    ("一刀切", 0, Reason::Word),
    ("一封信", 0, Reason::Word),
    ("进行一次", 6, Reason::Word),
    // Place names: 五台山 is a mountain, not five 台.
    ("五台山", 0, Reason::Word),
];

/// Characters that end a clause: the label of a number never reaches past one.
fn is_clause_break(c: char) -> bool {
    matches!(
        c,
        '，' | ','
            | '。'
            | '；'
            | ';'
            | '：'
            | ':'
            | '、'
            | '！'
            | '？'
            | '!'
            | '?'
            | '（'
            | '('
            | '）'
            | ')'
            | '“'
            | '”'
            | '《'
            | '》'
            | '\n'
    )
}

/// Words between a label and its number that are not part of the label: 罚款金额共计52800元.
const LABEL_TAIL: &[&str] = &[
    "共计",
    "合计",
    "总计",
    "累计",
    "共",
    "计",
    "达到",
    "达",
    "为",
    "约",
    "近",
    "超过",
    "逾",
    "不足",
    "不到",
    "不少于",
    "大约",
    "高达",
    "多达",
    "仅",
    "分别",
    "均",
    "各",
];

/// The label of a number starting at `start`: the clause before it, less connecting
/// words at its end.
pub(crate) fn label(text: &str, start: usize) -> (usize, usize) {
    let before = &text[..start];
    let clause_start = before.rfind(is_clause_break).map_or(0, |i| {
        i + before[i..].chars().next().map_or(1, char::len_utf8)
    });
    let mut end = start;
    loop {
        let clause = &text[clause_start..end];
        match LABEL_TAIL.iter().find(|w| clause.ends_with(*w)) {
            Some(w) => end -= w.len(),
            None => break,
        }
    }
    let clause = text[clause_start..end].trim();
    let lead = text[clause_start..end].len() - text[clause_start..end].trim_start().len();
    (clause_start + lead, clause_start + lead + clause.len())
}

/// The noun a classifier counts, when a short one follows: 五项[法定程序].
pub(crate) fn counted_noun(text: &str, from: usize) -> Option<(usize, usize)> {
    let rest = &text[from..];
    let len = rest.find(is_clause_break).unwrap_or(rest.len());
    let chars = rest[..len].chars().count();
    (1..=6).contains(&chars).then_some((from, from + len))
}

/// The sentence around `start..end`.
pub(crate) fn sentence(text: &str, start: usize, end: usize) -> (usize, usize) {
    let is_end = |c: char| matches!(c, '。' | '！' | '？' | '；' | '!' | '?' | ';');
    let s = text[..start].rfind(is_end).map_or(0, |i| {
        i + text[i..].chars().next().map_or(1, char::len_utf8)
    });
    let e = text[end..].find(is_end).map_or(text.len(), |i| {
        end + i + text[end + i..].chars().next().map_or(1, char::len_utf8)
    });
    (s, e)
}

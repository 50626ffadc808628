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

/// Characters that end a sentence.
fn is_sentence_end(c: char) -> bool {
    matches!(c, '。' | '！' | '？' | '；' | '!' | '?' | ';')
}

/// Where the clauses and sentences of a paragraph end, found in one pass: each metric
/// then finds its label and sentence by a binary search instead of a scan back to the
/// start of the paragraph, which kept long paragraphs quadratic.
pub(crate) struct Breaks {
    /// The offset just after each clause break, in order.
    clauses: Vec<usize>,
    /// The offset just after each sentence end, in order.
    sentences: Vec<usize>,
}

impl Breaks {
    #[cfg(test)]
    pub(crate) fn new(text: &str) -> Breaks {
        Breaks::new_in(text, None)
    }

    /// The breaks of `text`, built in the buffers of `spare` when given.
    pub(crate) fn new_in(text: &str, spare: Option<Breaks>) -> Breaks {
        let mut breaks = spare.unwrap_or(Breaks {
            clauses: Vec::new(),
            sentences: Vec::new(),
        });
        breaks.clauses.clear();
        breaks.sentences.clear();
        let bytes = text.as_bytes();
        let mut record = |at: usize| {
            let Some(c) = text.get(at..).and_then(|t| t.chars().next()) else {
                return;
            };
            if is_clause_break(c) {
                breaks.clauses.push(at + c.len_utf8());
            }
            if is_sentence_end(c) {
                breaks.sentences.push(at + c.len_utf8());
            }
        };
        // Every break is one of eight ASCII characters or in U+2000–U+3FFF or
        // U+FF00–U+FFEF, whose lead bytes are E2, E3 and EF. Four vectorized byte
        // searches find them all, stepping over the Han characters that make up most
        // of the text (a lead byte never occurs inside another character, and an ASCII
        // byte is always a character of its own).
        let ascii = memchr::memchr3_iter(b',', b';', b':', bytes)
            .chain(memchr::memchr3_iter(b'!', b'?', b'(', bytes))
            .chain(memchr::memchr2_iter(b')', b'\n', bytes));
        for at in memchr::memchr3_iter(0xE2, 0xE3, 0xEF, bytes).chain(ascii) {
            record(at);
        }
        // The searches ran one after another: put the breaks in text order.
        breaks.clauses.sort_unstable();
        breaks.sentences.sort_unstable();
        breaks
    }

    /// The offset just after the last break of `ends` before `at`, or 0.
    fn last_before(ends: &[usize], at: usize) -> usize {
        let i = ends.partition_point(|&e| e <= at);
        i.checked_sub(1)
            .and_then(|i| ends.get(i))
            .copied()
            .unwrap_or(0)
    }

    /// The label of a number starting at `start` in `text`: the clause before it, less
    /// connecting words at its end.
    pub(crate) fn label(&self, text: &str, start: usize) -> (usize, usize) {
        let clause_start = Breaks::last_before(&self.clauses, start);
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

    /// The sentence of `text` around `start..end`, its end mark included.
    pub(crate) fn sentence(&self, text: &str, start: usize, end: usize) -> (usize, usize) {
        let s = Breaks::last_before(&self.sentences, start);
        let i = self.sentences.partition_point(|&e| e <= end);
        let e = self.sentences.get(i).copied().unwrap_or(text.len());
        (s, e)
    }
}

/// The noun a classifier counts, when a short one follows: 五项[法定程序].
///
/// One walk over at most [`MAX_COUNTED`] + 1 characters: the noun ends at a clause break
/// or where a verb or particle of [`NOUN_ENDS`] takes over (4名外来务工人员送至…,
/// 23名法律顾问组成的…); quotation marks may be part of it (47项“三重一大”事项).
pub(crate) fn counted_noun(text: &str, from: usize) -> Option<(usize, usize)> {
    let rest = &text[from..];
    let starts_word = rest
        .chars()
        .next()
        .is_some_and(|c| c == '“' || super::is_han(c));
    if !starts_word {
        return None;
    }
    // A noun of MAX_COUNTED characters is followed by its end or by at most one more
    // character: a window of MAX_COUNTED + 1 tells whether it is short enough.
    const WINDOW: usize = MAX_COUNTED + 1;
    let mut end = rest.len();
    for (chars, (at, c)) in rest.char_indices().enumerate() {
        if chars == WINDOW || is_clause_break(c) && !matches!(c, '“' | '”') {
            end = at;
            break;
        }
        let word_ends = may_start_noun_end(c)
            .then(|| NOUN_ENDS.iter().find(|w| rest[at..].starts_with(*w)))
            .flatten();
        if let Some(word) = word_ends {
            // The word must lie inside the window to end the noun.
            if chars + word.chars().count() <= WINDOW {
                end = at;
                break;
            }
        }
    }
    let chars = rest[..end].chars().count();
    (1..=MAX_COUNTED)
        .contains(&chars)
        .then_some((from, from + end))
}

/// Whether `c` is the first character of a word of [`NOUN_ENDS`]: most characters are
/// not, and this spares comparing them with thirty words.
fn may_start_noun_end(c: char) -> bool {
    matches!(
        c,
        '的' | '组'
            | '授'
            | '送'
            | '在'
            | '和'
            | '与'
            | '及'
            | '进'
            | '开'
            | '对'
            | '向'
            | '参'
            | '发'
            | '被'
            | '将'
            | '已'
            | '均'
            | '并'
            | '是'
            | '有'
            | '由'
            | '从'
            | '于'
            | '以'
            | '共'
            | '全'
            | '等'
            | '达'
            | '迅'
    )
}

/// Words that begin the verb or particle after a counted noun.
const NOUN_ENDS: &[&str] = &[
    "的", "组成", "授予", "送至", "送往", "在", "和", "与", "及", "进行", "开展", "对", "向",
    "参加", "参与", "发放", "被", "将", "已", "均", "并", "是", "有", "由", "从", "于", "以", "共",
    "全部", "等", "达", "迅速",
];

/// A counted noun longer than this is a clause, not a noun: 4名外来务工人员送至隔离点.
const MAX_COUNTED: usize = 14;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_and_sentences() {
        let text = "全年共办理案件11件。其中，罚款金额共计52800元；五项法定程序";
        let breaks = Breaks::new(text);
        let at = |s: &str| text.find(s).unwrap_or(text.len());
        let slice = |(s, e): (usize, usize)| &text[s..e];
        assert_eq!(slice(breaks.label(text, at("11件"))), "全年共办理案件");
        assert_eq!(slice(breaks.label(text, at("52800"))), "罚款金额");
        assert_eq!(slice(breaks.label(text, 0)), "");
        let fine = at("52800");
        assert_eq!(
            slice(breaks.sentence(text, fine, fine + "52800元".len())),
            "其中，罚款金额共计52800元；"
        );
        let last = at("五项");
        assert_eq!(
            slice(breaks.sentence(text, last, text.len())),
            "五项法定程序"
        );
        assert_eq!(counted_noun(text, at("法定")).map(slice), Some("法定程序"));
        // Fifteen characters or more with no break: a clause, no counted noun.
        assert_eq!(counted_noun("一二三四五六七八九十一二三四五", 0), None);
        assert_eq!(counted_noun("外来务工人员送至隔离点", 0), Some((0, 18)));
        // A fifteenth character that begins an end word still makes the noun too long
        // when the word reaches past the window.
        assert_eq!(counted_noun("一二三四五六七八九十一二三四组成", 0), None);
        assert_eq!(
            counted_noun("一二三四五六七八九十一二三四的", 0),
            Some((0, 42))
        );
    }

    #[test]
    fn noun_end_first_characters() {
        for word in NOUN_ENDS {
            let first = word.chars().next().unwrap_or_default();
            assert!(may_start_noun_end(first), "{word}");
        }
    }

    #[test]
    fn breaks_in_mixed_text() {
        // With ASCII breaks (a char walk) and without (a search for lead bytes).
        for (text, sentences) in [
            ("a,b：中（文）é；𝄞。\n", 2),
            ("罚款5万元，“双随机”《条例》—（一）é𝄞；共3件。！", 3),
        ] {
            let breaks = Breaks::new(text);
            let expected: Vec<usize> = text
                .char_indices()
                .filter(|&(_, c)| is_clause_break(c))
                .map(|(i, c)| i + c.len_utf8())
                .collect();
            assert_eq!(breaks.clauses, expected, "{text}");
            assert_eq!(breaks.sentences.len(), sentences, "{text}");
        }
        // Every character that breaks a clause is found: the searches cover them all.
        let all: String = (0..=0xFFFF)
            .filter_map(char::from_u32)
            .filter(|&c| is_clause_break(c) || is_sentence_end(c))
            .collect();
        let breaks = Breaks::new(&all);
        assert_eq!(
            breaks.clauses.len(),
            all.chars().filter(|&c| is_clause_break(c)).count()
        );
        assert_eq!(
            breaks.sentences.len(),
            all.chars().filter(|&c| is_sentence_end(c)).count()
        );
    }
}

//! The words around a number: the lexicons that decide what a number is, the quotation
//! or web address that holds it, and the label, counted noun and sentence a metric gets.

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

/// Where the clause and the sentence of each metric of a paragraph begin and end,
/// found by short scans from the metric that remember how far they looked.
///
/// Metrics come in text order, so a scan back to the clause start stops where the
/// previous one started (the clause start found then still holds when nothing breaks
/// the clause in between), and a scan forward to the sentence end is reused by every
/// metric of that sentence. Each character is read a bounded number of times however
/// long the paragraph and however many its metrics — a scan back to the paragraph start
/// per metric made long paragraphs quadratic — and most of a paragraph is never read
/// at all.
#[derive(Clone, Copy, Debug, Default)]
pub(crate) struct Breaks {
    /// The clause start known for offsets from `.0` on, up to the next break: `.1`.
    clause: (usize, usize),
    /// The sentence start known for offsets from `.0` on: `.1`.
    sentence_start: (usize, usize),
    /// The first sentence end mark at or after `.0` starts at `.1` and ends at `.2`.
    sentence_end: Option<(usize, usize, usize)>,
}

impl Breaks {
    /// The offset just after the last character of `text[..at]` that `is_break` holds,
    /// looking back no further than `known.0`, whose answer is `known.1`.
    fn back_to(text: &str, at: usize, known: (usize, usize), is_break: fn(char) -> bool) -> usize {
        // Out of order (not the case in a scan), start from the paragraph's start.
        let (floor, fallback) = if known.0 <= at { known } else { (0, 0) };
        text.get(floor..at)
            .and_then(|t| t.char_indices().rev().find(|&(_, c)| is_break(c)))
            .map_or(fallback, |(i, c)| floor + i + c.len_utf8())
    }

    /// The label of a number starting at `start` in `text`: the clause before it, less
    /// connecting words at its end.
    pub(crate) fn label(&mut self, text: &str, start: usize) -> (usize, usize) {
        let clause_start = Breaks::back_to(text, start, self.clause, is_clause_break);
        self.clause = (start, clause_start);
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
    pub(crate) fn sentence(&mut self, text: &str, start: usize, end: usize) -> (usize, usize) {
        // Back to the last sentence end, with a byte search, no further than the last
        // number's start (whose answer then holds).
        let (floor, fallback) = match self.sentence_start {
            (from, found) if from <= start => (from, found),
            _ => (0, 0),
        };
        let s = text
            .get(floor..start)
            .and_then(|t| crate::normalize::SENTENCE_ENDS.rfind(t))
            .map_or(fallback, |(_, after)| floor + after);
        self.sentence_start = (start, s);
        let known = self
            .sentence_end
            .filter(|&(from, mark, _)| from <= end && end <= mark);
        let (mark, after) = match known {
            Some((_, mark, after)) => (mark, after),
            None => text
                .get(end..)
                .and_then(|t| crate::normalize::SENTENCE_ENDS.find(t))
                .map_or((text.len(), text.len()), |(s, e)| (end + s, end + e)),
        };
        self.sentence_end = Some((end, mark, after));
        (s, after)
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

/// Where the last opening mark (“ or 「) close before an offset is, found by searches
/// that only go forward: the scanner asks at rising offsets within a paragraph, so bytes
/// that two numbers have in common before them are searched once.
#[derive(Clone, Copy, Debug, Default)]
pub(crate) struct Opens {
    /// How far the text has been searched.
    searched_to: usize,
    /// The start of the last mark found before `searched_to`.
    last: Option<usize>,
}

/// How far before a number an opening mark can hold it: 12 characters of at most four
/// bytes.
const QUOTE_WINDOW: usize = 4 * 12;

impl Opens {
    /// The start of the last opening mark that lies whole in the [`QUOTE_WINDOW`] bytes
    /// before `at`.
    fn near(&mut self, text: &str, at: usize) -> Option<usize> {
        if at < self.searched_to {
            // Asked behind the cursor (the scanner does not): search afresh.
            *self = Opens::default();
        }
        let window_start = at.saturating_sub(QUOTE_WINDOW);
        // Only the part of the window not searched yet: a mark that began before a
        // previous offset (a char boundary) ended before it.
        let from = self.searched_to.max(window_start);
        let stretch = text.as_bytes().get(from..at).unwrap_or_default();
        // “ is E2 80 9C and 「 is E3 80 8C. Between close numbers the stretch is a few
        // bytes, where a plain look at each costs less than setting up a vector search;
        // a longer one (up to the window) is searched for the marks' last bytes.
        let is_open = |w: &[u8]| matches!(w, [0xE2, 0x80, 0x9C] | [0xE3, 0x80, 0x8C]);
        let found = if stretch.len() < 16 {
            stretch.windows(3).rposition(is_open)
        } else {
            memchr::memchr2_iter(0x9C, 0x8C, stretch)
                .rev()
                .find_map(|i| i.checked_sub(2).filter(|&s| is_open(&stretch[s..=i])))
        };
        if let Some(i) = found {
            self.last = Some(from + i);
        }
        self.searched_to = at;
        self.last.filter(|&open| open >= window_start)
    }
}

/// The quotation “…” around `at`, if a short one (a name or slogan) holds it: the
/// offsets just inside its marks. `opens` remembers the marks found so far in `text`.
pub(crate) fn quoted(text: &str, at: usize, opens: &mut Opens) -> Option<(usize, usize)> {
    const MAX: usize = 12;
    // Most numbers have no opening mark in the 12 characters before them: the cursor
    // says so from a byte search, without decoding them.
    opens.near(text, at)?;
    // Only the MAX characters on either side can hold the marks; looking no further
    // keeps the scan linear in a paragraph without quotes.
    let before = &text[..at];
    let from = before
        .char_indices()
        .rev()
        .nth(MAX - 1)
        .map_or(0, |(i, _)| i);
    let open = from + before[from..].rfind(['“', '「'])?;
    let inside_before = &before[open..];
    if inside_before.contains(['”', '」']) || inside_before.chars().count() > MAX {
        return None;
    }
    let rest = &text[at..];
    let to = rest
        .char_indices()
        .nth(MAX + 1)
        .map_or(rest.len(), |(i, _)| i);
    let close = rest[..to].find(['”', '」'])?;
    if rest[..close].contains(['“', '「']) || rest[..close].chars().count() > MAX {
        return None;
    }
    Some((open + '“'.len_utf8(), at + close))
}

/// The length of the web address at the start of `text`: http://, https:// or www.
/// up to the first character that cannot be in one (a space, a Chinese character),
/// less the punctuation that ends a sentence after it.
pub(crate) fn url_end(text: &str) -> Option<usize> {
    if !["http://", "https://", "www."].iter().any(|p| {
        text.get(..p.len())
            .is_some_and(|t| t.eq_ignore_ascii_case(p))
    }) {
        return None;
    }
    let run = text
        .find(|c: char| !c.is_ascii_graphic())
        .unwrap_or(text.len());
    Some(
        text[..run]
            .trim_end_matches(['.', ',', ';', ':', '!', '?', ')'])
            .len(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Characters that end a sentence, as the byte searches of `normalize` find them.
    fn is_sentence_end(c: char) -> bool {
        crate::normalize::SENTENCE_END.contains(&c)
    }

    #[test]
    fn web_address_ends() {
        assert_eq!(url_end("www.gov.cn."), Some("www.gov.cn".len()));
        assert_eq!(url_end("https://a.cn/1，共"), Some("https://a.cn/1".len()));
        assert_eq!(url_end("wwwx"), None);
    }

    #[test]
    fn labels_and_sentences() {
        let text = "全年共办理案件11件。其中，罚款金额共计52800元；五项法定程序";
        let mut breaks = Breaks::default();
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
    fn quotations_found_with_a_cursor_as_afresh() {
        let texts = [
            "开展“八五”普法，“双随机、一公开”抽查3次，「两法衔接」",
            "（一）1.①一是二是“三是”",
            "“一二三四五六七八九十一二三四五六七八九十”共5件“",
            "无引号12件",
        ];
        let found = |text: &str, at: usize| text[..at].rfind(['“', '「']);
        for text in texts {
            let offsets: Vec<usize> = text.char_indices().map(|(i, _)| i).collect();
            let mut opens = Opens::default();
            for &at in &offsets {
                let fresh = quoted(text, at, &mut Opens::default());
                assert_eq!(quoted(text, at, &mut opens), fresh, "{text} at {at}");
            }
            // The cursor finds the last mark whole in the window before each offset, as
            // a search back does.
            let mut opens = Opens::default();
            for &at in &offsets {
                let near = found(text, at).filter(|&open| open + QUOTE_WINDOW >= at);
                assert_eq!(opens.near(text, at), near, "{text} at {at}");
            }
            // Asked behind itself, it starts over rather than answer wrong.
            assert_eq!(opens.near(text, 0), None);
        }
        assert_eq!(
            quoted("开展“八五”普法", 9, &mut Opens::default()),
            Some((9, 15))
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
    fn remembered_scans_agree_with_full_scans() {
        let text =
            "a,b：中（文）é；𝄞。罚款5万元，“双随机”《条例》—（一）共3件。！再计10人次?又;共2项！a";
        let back = |at: usize, is_break: fn(char) -> bool| {
            text[..at]
                .char_indices()
                .rev()
                .find(|&(_, c)| is_break(c))
                .map_or(0, |(i, c)| i + c.len_utf8())
        };
        let forward = |at: usize| {
            text[at..]
                .char_indices()
                .find(|&(_, c)| is_sentence_end(c))
                .map_or(text.len(), |(i, c)| at + i + c.len_utf8())
        };
        let offsets: Vec<usize> = text.char_indices().map(|(i, _)| i).collect();
        // In text order, as a scan asks, then in reverse, which must still be right.
        for order in [offsets.clone(), offsets.iter().rev().copied().collect()] {
            let mut breaks = Breaks::default();
            for &at in &order {
                let (label_start, _) = breaks.label(text, at);
                let clause_start = back(at, is_clause_break);
                assert!(label_start >= clause_start, "{at}");
                let trimmed = &text[clause_start..label_start];
                assert!(trimmed.trim().is_empty(), "{at}: {trimmed:?}");
                let end = text[at..].chars().next().map_or(at, |c| at + c.len_utf8());
                let sentence = breaks.sentence(text, at, end);
                assert_eq!(sentence, (back(at, is_sentence_end), forward(end)), "{at}");
            }
        }
    }
}

//! Units and measure words: what follows a number and makes it a quantity.

use super::Kind;

/// A unit as written after a number.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Unit {
    /// The unit's text: "人次", "元", "平方米".
    pub(crate) text: &'static str,
    /// What it measures.
    pub(crate) kind: Kind,
    /// Whether a noun may follow it as the thing counted (五项[法定程序]).
    pub(crate) classifier: bool,
}

const fn unit(text: &'static str, kind: Kind) -> Unit {
    Unit {
        text,
        kind,
        classifier: false,
    }
}

const fn classifier(text: &'static str) -> Unit {
    Unit {
        text,
        kind: Kind::Count,
        classifier: true,
    }
}

/// Every unit. [`unit_at`] tries the longest first, so "人次" wins over "人" and
/// "个百分点" over "个".
pub(crate) const UNITS: &[Unit] = &[
    unit("个百分点", Kind::PercentagePoint),
    unit("百分点", Kind::PercentagePoint),
    unit("个工作日", Kind::Duration),
    unit("工作日", Kind::Duration),
    unit("个小时", Kind::Duration),
    unit("个月", Kind::Duration),
    unit("个学时", Kind::Duration),
    unit("个课时", Kind::Duration),
    classifier("个次"),
    classifier("个"),
    unit("%", Kind::Percent),
    unit("％", Kind::Percent),
    unit("‰", Kind::Percent),
    unit("平方公里", Kind::Area),
    unit("平方千米", Kind::Area),
    unit("平方米", Kind::Area),
    unit("㎡", Kind::Area),
    unit("公顷", Kind::Area),
    unit("亩", Kind::Area),
    unit("立方米", Kind::Other),
    unit("公里", Kind::Length),
    unit("千米", Kind::Length),
    unit("厘米", Kind::Length),
    unit("米", Kind::Length),
    unit("毫米", Kind::Length),
    unit("公分", Kind::Length),
    unit("公斤", Kind::Mass),
    unit("千克", Kind::Mass),
    unit("克", Kind::Mass),
    unit("毫克", Kind::Mass),
    unit("微克", Kind::Mass),
    unit("斤", Kind::Mass),
    unit("吨", Kind::Mass),
    unit("千瓦时", Kind::Other),
    unit("千瓦", Kind::Other),
    unit("小时", Kind::Duration),
    unit("学时", Kind::Duration),
    unit("课时", Kind::Duration),
    unit("分钟", Kind::Duration),
    unit("天", Kind::Duration),
    unit("周年", Kind::Duration),
    unit("年", Kind::Duration),
    unit("周", Kind::Duration),
    unit("元", Kind::Money),
    unit("圆", Kind::Money),
    unit("人民币", Kind::Money),
    // Foreign currencies Chinese statistics name.
    unit("美元", Kind::Money),
    unit("美圆", Kind::Money),
    unit("美金", Kind::Money),
    unit("欧元", Kind::Money),
    unit("日元", Kind::Money),
    unit("日币", Kind::Money),
    unit("英镑", Kind::Money),
    unit("港元", Kind::Money),
    unit("港币", Kind::Money),
    unit("澳门元", Kind::Money),
    unit("澳元", Kind::Money),
    unit("新台币", Kind::Money),
    unit("台币", Kind::Money),
    unit("韩元", Kind::Money),
    unit("卢布", Kind::Money),
    unit("泰铢", Kind::Money),
    unit("瑞士法郎", Kind::Money),
    unit("加元", Kind::Money),
    unit("新加坡元", Kind::Money),
    unit("岁", Kind::Other),
    unit("倍", Kind::Other),
    classifier("人次"),
    classifier("次"),
    classifier("人"),
    classifier("件次"),
    classifier("件"),
    classifier("批次"),
    classifier("批"),
    classifier("场次"),
    classifier("场"),
    classifier("户次"),
    classifier("户"),
    classifier("家次"),
    classifier("家"),
    classifier("名"),
    classifier("起"),
    classifier("项"),
    classifier("处"),
    classifier("条"),
    classifier("期"),
    classifier("份"),
    classifier("篇"),
    classifier("台"),
    classifier("宗"),
    classifier("所"),
    classifier("座"),
    classifier("辆"),
    classifier("张"),
    classifier("本"),
    classifier("册份"),
    classifier("册"),
    classifier("套"),
    classifier("支"),
    classifier("类"),
    classifier("种"),
    classifier("部"),
    classifier("间"),
    classifier("栋"),
    classifier("株"),
    classifier("棵"),
    classifier("头"),
    classifier("只"),
    classifier("位"),
    classifier("例"),
    classifier("组"),
    classifier("队"),
    classifier("轮"),
    classifier("封"),
    classifier("块"),
    classifier("幅"),
    classifier("面"),
    classifier("单"),
    classifier("票"),
    classifier("盏"),
    classifier("处次"),
];

/// The units grouped by first character, sorted by it, and a bit per Han character
/// that starts one; built once.
struct UnitIndex {
    by_first_char: Vec<(char, Vec<Unit>)>,
    /// Bit `c - U+4E00` is set when a unit starts with the Han character `c`: most
    /// characters after a number start none, and are turned away by one bit test.
    han_starts: Vec<u64>,
}

impl UnitIndex {
    /// Whether a unit starts with the Han character of bit `bit`.
    fn han_start(&self, bit: usize) -> bool {
        self.han_starts
            .get(bit / 64)
            .is_some_and(|word| word & (1 << (bit % 64)) != 0)
    }
}

fn unit_index() -> &'static UnitIndex {
    static INDEX: std::sync::OnceLock<UnitIndex> = std::sync::OnceLock::new();
    INDEX.get_or_init(|| {
        let mut by_first_char: Vec<(char, Vec<Unit>)> = Vec::new();
        let mut han_starts = vec![0u64; HAN_COUNT.div_ceil(64)];
        for unit in UNITS {
            let Some(first) = unit.text.chars().next() else {
                continue;
            };
            if let Some(bit) = han_bit(first) {
                if let Some(word) = han_starts.get_mut(bit / 64) {
                    *word |= 1 << (bit % 64);
                }
            }
            match by_first_char.iter_mut().find(|(c, _)| *c == first) {
                Some((_, units)) => units.push(*unit),
                None => by_first_char.push((first, vec![*unit])),
            }
        }
        for (_, units) in &mut by_first_char {
            units.sort_by_key(|u| std::cmp::Reverse(u.text.len()));
        }
        by_first_char.sort_by_key(|(c, _)| *c);
        UnitIndex {
            by_first_char,
            han_starts,
        }
    })
}

/// The Han characters U+4E00–U+9FFF.
const HAN_COUNT: usize = 0x5200;

/// The bit of a Han character in [`UnitIndex::han_starts`].
fn han_bit(c: char) -> Option<usize> {
    let bit = (c as usize).checked_sub(0x4E00)?;
    (bit < HAN_COUNT).then_some(bit)
}

/// Units written before their number: 百分之五, ￥300. The fractions of a whole are
/// percent-like: their value is the number as written (千分之三 is 3 ‰).
pub(crate) const PREFIXES: &[Unit] = &[
    unit("百分之", Kind::Percent),
    unit("佰分之", Kind::Percent),
    unit("千分之", Kind::Percent),
    unit("仟分之", Kind::Percent),
    unit("万分之", Kind::Percent),
    unit("萬分之", Kind::Percent),
    unit("百万分之", Kind::Percent),
    unit("千万分之", Kind::Percent),
    unit("万万分之", Kind::Percent),
    unit("百万万分之", Kind::Percent),
    unit("￥", Kind::Money),
    unit("¥", Kind::Money),
    unit("$", Kind::Money),
    unit("＄", Kind::Money),
];

/// The name of a currency other than the yuan, when `text` ends with one: 港币 in
/// 港币两千九百六十元, where the 元 counts Hong Kong dollars.
pub(crate) fn currency_before(text: &str) -> Option<&'static str> {
    foreign_currencies()
        .filter(|u| text.ends_with(u))
        .max_by_key(|u| u.len())
}

/// The name of a currency other than the yuan, when `text` starts with one: 欧元 in
/// 三万元欧元.
pub(crate) fn currency_after(text: &str) -> Option<&'static str> {
    foreign_currencies()
        .filter(|u| text.starts_with(u))
        .max_by_key(|u| u.len())
}

fn foreign_currencies() -> impl Iterator<Item = &'static str> {
    UNITS
        .iter()
        .filter(|u| u.kind == Kind::Money && !matches!(u.text, "元" | "圆" | "人民币"))
        .map(|u| u.text)
}

/// The unit at the start of `text` that is written before its number, longest first.
pub(crate) fn prefix_at(text: &str) -> Option<Unit> {
    PREFIXES
        .iter()
        .filter(|u| text.starts_with(u.text))
        .max_by_key(|u| u.text.len())
        .copied()
}

/// The unit at the start of `text`, longest match first.
pub(crate) fn unit_at(text: &str) -> Option<Unit> {
    let first = text.chars().next()?;
    let index = unit_index();
    // Most Han characters after a number start no unit: one bit says so.
    if han_bit(first).is_some_and(|bit| !index.han_start(bit)) {
        return None;
    }
    let units = &index.by_first_char;
    let at = units.binary_search_by_key(&first, |(c, _)| *c).ok()?;
    units[at]
        .1
        .iter()
        .find(|u| text.starts_with(u.text))
        .copied()
}

/// Whether some unit starts with `c`.
pub(crate) fn may_start(c: char) -> bool {
    let index = unit_index();
    match han_bit(c) {
        Some(bit) => index.han_start(bit),
        None => index
            .by_first_char
            .binary_search_by_key(&c, |(first, _)| *first)
            .is_ok(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn longest_unit_wins() {
        let cases = [
            ("人次", "人次"),
            ("个百分点", "个百分点"),
            ("港币", "港币"),
            ("新台币", "新台币"),
            ("千瓦时", "千瓦时"),
            ("千瓦", "千瓦"),
            ("微克/立方米", "微克"),
            ("元整", "元"),
        ];
        for (text, unit) in cases {
            assert_eq!(unit_at(text).map(|u| u.text), Some(unit), "{text}");
        }
        assert_eq!(unit_at("千方百计"), None);
        // Every unit is found from its first character, through the index and its bits.
        for unit in UNITS {
            assert_eq!(unit_at(unit.text).map(|u| u.text), Some(unit.text));
        }
        assert_eq!(currency_before("新台币"), Some("新台币"));
        assert_eq!(currency_before("人民币"), None);
        assert_eq!(currency_after("港币，"), Some("港币"));
    }
}

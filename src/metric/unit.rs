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
    unit("公斤", Kind::Mass),
    unit("千克", Kind::Mass),
    unit("吨", Kind::Mass),
    unit("小时", Kind::Duration),
    unit("学时", Kind::Duration),
    unit("课时", Kind::Duration),
    unit("分钟", Kind::Duration),
    unit("天", Kind::Duration),
    unit("周年", Kind::Duration),
    unit("年", Kind::Duration),
    unit("周", Kind::Duration),
    unit("美元", Kind::Money),
    unit("元", Kind::Money),
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

/// The units grouped by first character, sorted by it, built once.
fn by_first_char() -> &'static [(char, Vec<Unit>)] {
    static INDEX: std::sync::OnceLock<Vec<(char, Vec<Unit>)>> = std::sync::OnceLock::new();
    INDEX.get_or_init(|| {
        let mut index: Vec<(char, Vec<Unit>)> = Vec::new();
        for unit in UNITS {
            let Some(first) = unit.text.chars().next() else {
                continue;
            };
            match index.iter_mut().find(|(c, _)| *c == first) {
                Some((_, units)) => units.push(*unit),
                None => index.push((first, vec![*unit])),
            }
        }
        for (_, units) in &mut index {
            units.sort_by_key(|u| std::cmp::Reverse(u.text.len()));
        }
        index.sort_by_key(|(c, _)| *c);
        index
    })
}

/// The unit at the start of `text`, longest match first.
pub(crate) fn unit_at(text: &str) -> Option<Unit> {
    let first = text.chars().next()?;
    let index = by_first_char();
    let at = index.binary_search_by_key(&first, |(c, _)| *c).ok()?;
    index[at]
        .1
        .iter()
        .find(|u| text.starts_with(u.text))
        .copied()
}

//! Growing the long lists of a parse — metrics, non-metrics, sections — from how much
//! of the text has been read, rather than by doubling.
//!
//! A report's lists grow in proportion to the text: a list that holds `n` items after
//! a share `done / total` of the text will hold about `n × total / done` at the end.
//! Growing straight to that size leaves little unused, where doubling leaves up to half
//! of a large list unused (tens of megabytes of metrics for a 64 MiB input) and copies
//! every item once more on the way. The unused half counts in the peak heap even when
//! it is given back at the end.

/// Makes room in `list` for what the rest of the text will add, judged from what the
/// first `done` of `total` bytes added.
///
/// Small lists are left to doubling, which wastes little there and costs fewer steps.
/// A large list grows to a little more than the length predicted — but by no less than
/// an eighth, which keeps pushing linear (a geometric growth), and no more than double,
/// as an early guess can be far off.
///
/// Each call keeps at least [`MARGIN`] free slots: callers push a few items between
/// calls.
pub(crate) fn reserve_for_rest<T>(list: &mut Vec<T>, done: usize, total: usize) {
    /// Below this, doubling wastes little and costs fewer steps.
    const SMALL: usize = 1024;
    if list.len() < SMALL || list.capacity() - list.len() >= MARGIN {
        return;
    }
    let len = list.len();
    let expected = match done {
        0 => 0,
        done => len.saturating_mul(total) / done,
    };
    let wanted = expected
        .saturating_add(expected / 32)
        .clamp(len.saturating_add(len / 8), len.saturating_mul(2))
        .saturating_add(MARGIN);
    list.reserve_exact(wanted - len);
}

/// Free slots [`reserve_for_rest`] keeps: more than one number candidate or one
/// paragraph adds.
pub(crate) const MARGIN: usize = 64;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn grows_to_the_estimate_and_keeps_a_margin() {
        let mut list: Vec<u8> = Vec::new();
        // Small lists are left alone.
        reserve_for_rest(&mut list, 10, 100);
        assert_eq!(list.capacity(), 0);
        // Two thirds of the text gave 1024 items: about 1536 in all.
        list.resize(1024, 0);
        list.shrink_to_fit();
        reserve_for_rest(&mut list, 200, 300);
        assert!((1536..1536 + 1536 / 16 + MARGIN).contains(&list.capacity()));
        // With the room there, nothing changes.
        let before = list.capacity();
        reserve_for_rest(&mut list, 210, 300);
        assert_eq!(list.capacity(), before);
        // A guess far below (nearly all read): still an eighth more, so growth stays
        // geometric.
        list.resize(list.capacity(), 0);
        let len = list.len();
        reserve_for_rest(&mut list, 100, 100);
        assert!(list.capacity() >= len + len / 8 + MARGIN);
        // Nothing read yet, or past the end: no division by zero, still an eighth.
        let mut list = vec![0u8; 2048];
        list.shrink_to_fit();
        reserve_for_rest(&mut list, 0, 100);
        assert!(list.capacity() >= 2048 + 256);
        // A wild guess is capped at double.
        let mut list = vec![0u8; 2048];
        list.shrink_to_fit();
        reserve_for_rest(&mut list, 1, usize::MAX);
        assert!(list.capacity() <= 2 * 2048 + MARGIN);
    }
}

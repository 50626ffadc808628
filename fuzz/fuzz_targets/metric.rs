//! Metric extraction on any text: no panic, spans on char boundaries, values that are
//! what the text says (never a wrapped overflow).
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|input: &str| {
    let found = gongwen::metric::extract(input);
    for m in &found.metrics {
        for span in [m.span, m.number_span, m.sentence] {
            assert!(input.get(span.range()).is_some(), "bad span {span}");
        }
        assert!(m.span.contains(m.number_span));
    }
    for n in &found.non_metrics {
        assert!(input.get(n.span.range()).is_some(), "bad span {}", n.span);
    }
});

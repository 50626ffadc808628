//! Runs `tests/spec/markers.txt`: one line of text per example, and the marker it opens
//! with (or `none`).

use gongwen::numbering::marker;

#[test]
fn markers_spec() {
    let path = super::fixtures().join("../spec/markers.txt");
    let spec = std::fs::read_to_string(&path).expect("markers.txt");
    let mut checked = 0;
    for (n, line) in spec.lines().enumerate() {
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        let (input, want) = line
            .split_once(" => ")
            .unwrap_or_else(|| panic!("markers.txt:{}: no ' => '", n + 1));
        let got = match marker::<nom::error::Error<&str>>(input) {
            Ok((_, m)) => format!(
                "{} {} {} {} {}",
                m.scheme,
                m.ordinal,
                m.delimiter.name(),
                format!("{:?}", m.width).to_lowercase(),
                m.text
            ),
            Err(_) => "none".to_owned(),
        };
        assert_eq!(got, want.trim(), "markers.txt:{}: {input}", n + 1);
        checked += 1;
    }
    assert!(checked > 50, "only {checked} examples");
}

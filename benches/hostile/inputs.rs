//! Hostile inputs of a given size, shared by the bench (`benches/hostile/main.rs`) and
//! the tests (`tests/testsuite/hostile.rs`), beside normal text of the same size.

/// Normal text: the corpus reports, repeated up to `size` bytes.
pub fn normal(size: usize) -> String {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/corpus");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .map(|entries| entries.filter_map(Result::ok).map(|e| e.path()).collect())
        .unwrap_or_default();
    files.sort();
    let all: String = files
        .iter()
        .filter_map(|p| std::fs::read_to_string(p).ok())
        .collect::<Vec<_>>()
        .join("\n");
    let unit = if all.is_empty() {
        "一、总体要求\n全面推进依法行政。\n".to_owned()
    } else {
        all
    };
    repeat_to(&unit, size)
}

/// `unit` repeated until the text is at least `size` bytes (whole units only).
pub fn repeat_to(unit: &str, size: usize) -> String {
    let count = size.div_ceil(unit.len().max(1)).max(1);
    unit.repeat(count)
}

/// The hostile cases: (name, text of about `size` bytes).
pub fn cases(size: usize) -> Vec<(&'static str, String)> {
    let normal_text = normal(size);
    vec![
        // Normal text with every line end removed: one line of `size` bytes.
        ("one-long-line", normal_text.replace(['\n', '\r'], "")),
        // A marker on every line, nothing else: 一、 二、 … 十、 again and again.
        (
            "consecutive-markers",
            repeat_to(
                "一、\n二、\n三、\n四、\n五、\n六、\n七、\n八、\n九、\n十、\n",
                size,
            ),
        ),
        // Markers back to back on one line, block and inline.
        ("inline-markers", repeat_to("（一）1.①一是二是", size)),
        // A section for every line, each with a 一是 that no 二是 follows: one lone
        // inline marker per section (looking them up per section was quadratic).
        ("lone-inline-markers", repeat_to("一、甲。一是乙。\n", size)),
        ("nested-parens", repeat_to("（", size)),
        ("open-parens-lines", repeat_to("（（（（一）\n", size)),
        ("digits", repeat_to("1", size)),
        ("hanzi-one-run", repeat_to("一", size)),
        (
            "overflow-counts",
            repeat_to("共办理99999999999999999999件，", size),
        ),
        ("huge-decimal", repeat_to("9", size / 2) + ".5万元"),
        ("control-chars", control_chars(size)),
        (
            "lone-cr",
            normal_text.replace("\r\n", "\r").replace('\n', "\r"),
        ),
        ("mixed-boms", mixed_boms(&normal_text)),
        (
            "replacement-chars",
            String::from_utf8_lossy(&invalid_utf8_middle(&normal_text)).into_owned(),
        ),
        ("bookmarks", repeat_to("[bookmark: _GoBack]", size)),
        ("open-bookmarks", repeat_to("[bookmark:", size)),
        ("blank-lines", repeat_to("\n\u{3000} \n", size)),
    ]
}

/// Every ASCII control character and a few Unicode ones, between words.
fn control_chars(size: usize) -> String {
    let mut unit = String::new();
    for c in (0u8..0x20)
        .map(char::from)
        .chain(['\u{7f}', '\u{85}', '\u{2028}', '\u{200b}'])
    {
        unit.push(c);
        unit.push_str("法治");
    }
    repeat_to(&unit, size)
}

/// Byte-order marks (U+FEFF) and noncharacters (U+FFFE) at line starts and mid-line.
fn mixed_boms(text: &str) -> String {
    let mut out = String::with_capacity(text.len() * 2);
    for (i, line) in text.lines().enumerate() {
        out.push(if i % 2 == 0 { '\u{feff}' } else { '\u{fffe}' });
        let mid = line.char_indices().nth(5).map_or(line.len(), |(at, _)| at);
        out.push_str(&line[..mid]);
        out.push('\u{feff}');
        out.push_str(&line[mid..]);
        out.push('\n');
    }
    out
}

/// The bytes of `text` with invalid UTF-8 (a stray continuation byte, a cut sequence,
/// 0xFF) in the middle.
pub fn invalid_utf8_middle(text: &str) -> Vec<u8> {
    let mid = (0..=text.len() / 2)
        .rev()
        .find(|&i| text.is_char_boundary(i))
        .unwrap_or(0);
    [
        &text.as_bytes()[..mid],
        b"\x80\xE4\xB8\xFF",
        &text.as_bytes()[mid..],
    ]
    .concat()
}

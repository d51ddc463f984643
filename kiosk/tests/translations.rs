//! Every UI string marked `@tr(...)` in `kiosk/ui/*.slint` has a Swedish translation in the
//! bundled `.po` file, so no screen shows English to a Swedish candidate. The `.po` files are
//! refreshed with `scripts/update-translations.sh`; this test catches a string added to the
//! UI without running it (or without translating what it added).

use std::collections::HashMap;
use std::path::Path;

/// The string literals inside `@tr("…")` in `source`, unescaped.
fn tr_strings(source: &str) -> Vec<String> {
    let mut found = Vec::new();
    let mut rest = source;
    while let Some(at) = rest.find("@tr(\"") {
        rest = &rest[at + 5..];
        let mut s = String::new();
        let mut chars = rest.char_indices();
        while let Some((i, c)) = chars.next() {
            match c {
                '\\' => {
                    if let Some((_, e)) = chars.next() {
                        s.push(match e {
                            'n' => '\n',
                            other => other,
                        });
                    }
                }
                '"' => {
                    rest = &rest[i + 1..];
                    break;
                }
                c => s.push(c),
            }
        }
        found.push(s);
    }
    found
}

/// `msgid` → `msgstr` of a `.po` file (entries may span several quoted lines).
fn po_entries(po: &str) -> HashMap<String, String> {
    fn unquote(line: &str) -> String {
        let inner = line.trim().trim_start_matches('"').trim_end_matches('"');
        inner.replace("\\n", "\n").replace("\\\"", "\"").replace("\\\\", "\\")
    }
    let mut map = HashMap::new();
    let (mut id, mut text, mut field) = (String::new(), String::new(), 0);
    for line in po.lines().chain(std::iter::once("")) {
        if let Some(rest) = line.strip_prefix("msgid ") {
            id = unquote(rest);
            field = 1;
        } else if let Some(rest) = line.strip_prefix("msgstr ") {
            text = unquote(rest);
            field = 2;
        } else if line.starts_with('"') {
            match field {
                1 => id.push_str(&unquote(line)),
                2 => text.push_str(&unquote(line)),
                _ => {}
            }
        } else if field == 2 {
            map.insert(std::mem::take(&mut id), std::mem::take(&mut text));
            field = 0;
        }
    }
    map
}

#[test]
fn every_ui_string_has_a_swedish_translation() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let po = std::fs::read_to_string(root.join("translations/sv/LC_MESSAGES/rekry-kiosk.po")).unwrap();
    let sv = po_entries(&po);
    let mut missing = Vec::new();
    let mut count = 0;
    let mut files: Vec<_> = std::fs::read_dir(root.join("ui")).unwrap().map(|e| e.unwrap().path()).collect();
    files.sort();
    for file in files.iter().filter(|p| p.extension().is_some_and(|e| e == "slint")) {
        for s in tr_strings(&std::fs::read_to_string(file).unwrap()) {
            count += 1;
            if sv.get(&s).is_none_or(|t| t.is_empty()) {
                missing.push(format!("{}: {s:?}", file.file_name().unwrap().to_string_lossy()));
            }
        }
    }
    assert!(count > 50, "only {count} @tr strings found: is the parser broken?");
    assert!(
        missing.is_empty(),
        "untranslated (run scripts/update-translations.sh and translate):\n{}",
        missing.join("\n")
    );
}

#[test]
fn the_parsers_read_what_they_should() {
    assert_eq!(tr_strings(r#"text: @tr("A \"quoted\" word") + @tr("B");"#), ["A \"quoted\" word", "B"]);
    let po = "msgid \"\"\nmsgstr \"\"\n\"Language: sv\\n\"\n\nmsgid \"Long\"\n\"er\"\nmsgstr \"Läng\"\n\"re\"\n";
    let map = po_entries(po);
    assert_eq!(map.get("Longer").map(String::as_str), Some("Längre"));
}

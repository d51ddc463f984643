//! Any bytes, as text, must give a report without panicking, and the report must be
//! internally consistent.
#![no_main]

use libfuzzer_sys::fuzz_target;
use rekry_core::date::Date;
use rekry_core::idcheck::mrz;

fuzz_target!(|data: &[u8]| {
    // The first two bytes choose "today", so century and expiry windows are exercised too.
    let (today, rest) = match data {
        [a, b, rest @ ..] => {
            let days = i32::from(u16::from_le_bytes([*a, *b])) * 60;
            (Date::new(1900, 1, 1).unwrap().add_days(days), rest)
        }
        _ => (Date::new(2026, 11, 23).unwrap(), data),
    };
    let text = String::from_utf8_lossy(rest);
    let report = mrz::parse(&text, today);
    assert!(report.checks.len() <= 5);
    if report.is_valid() {
        assert!(report.format.is_some());
        assert!(report.checks.iter().all(|c| c.ok));
        assert_eq!(report.expired, Some(false));
    }
    for issue in &report.issues {
        let _ = issue.to_string();
        let _ = issue.kind.text();
    }
    for w in &report.warnings {
        let _ = w.to_string();
    }
    let _ = report.document_kind();
});

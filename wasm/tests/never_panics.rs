//! Property tests: no input makes a binding function panic (in the `.wasm` a panic would
//! trap). Run natively, where a panic fails the test.

use proptest::prelude::*;
use rekry_core::Date;
use rekry_wasm::api;

fn today() -> Date {
    Date::new(2026, 11, 23).unwrap()
}

/// Strings that look like JSON, so the reader and the shape checks go deep.
fn jsonish() -> impl Strategy<Value = String> {
    let leaf = prop_oneof![
        Just("null".to_string()),
        Just("true".to_string()),
        any::<i64>().prop_map(|n| n.to_string()),
        any::<f64>().prop_map(|f| format!("{f:e}")),
        "[a-z_]{0,12}".prop_map(|s| format!("{s:?}")),
        Just("\"recommend\"".to_string()),
        Just("\"candidate\"".to_string()),
        Just("\"job-fair\"".to_string()),
    ];
    leaf.prop_recursive(4, 48, 6, |inner| {
        let keys = prop_oneof![
            Just("catalogue"),
            Just("answers"),
            Just("partial"),
            Just("question"),
            Just("value"),
            Just("title"),
            Just("pay"),
            Just("min"),
            Just("max"),
            Just("starting"),
            Just("screeningQuestions"),
            Just("mrz"),
            Just("require"),
            Just("citizenship"),
            Just("today"),
            Just("x"),
        ];
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(|v| format!("[{}]", v.join(","))),
            prop::collection::vec((keys, inner), 0..6).prop_map(|m| {
                let members: Vec<String> = m.into_iter().map(|(k, v)| format!("\"{k}\":{v}")).collect();
                format!("{{{}}}", members.join(","))
            }),
        ]
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(600))]

    #[test]
    fn strings_never_panic(s in any::<String>(), ymd in any::<u32>()) {
        let _ = api::validate_personnummer(&s, today());
        let _ = api::parse_mrz(&s, today());
        let _ = api::validate_response(&s);
        let _ = api::check_job_ad(&s, today());
        let _ = api::id_checklist(&s, &s, today());
        let _ = api::id_checklist("teacher", &s, today());
        let _ = api::survey_catalogue(&s, &s);
        let _ = api::check_today(&s);
        let _ = api::date_from_ymd(ymd);
        let mut out = [0u8; 23];
        let _ = api::personnummer_fast(&s, today(), &mut out);
    }

    #[test]
    fn json_shapes_never_panic(s in jsonish()) {
        let _ = api::validate_response(&s);
        let _ = api::check_job_ad(&s, today());
        let _ = api::id_checklist("nurse", &s, today());
        let _ = rekry_wasm::json::parse(&s);
    }

    #[test]
    fn numbers_never_panic(v in any::<f64>(), scores in prop::collection::vec(any::<f64>(), 0..40)) {
        let _ = api::nps_category(v);
        let _ = api::compute_nps(&scores);
        let mut s = String::new();
        rekry_wasm::json::write_f64(&mut s, v);
    }

    #[test]
    fn plausible_personnummer_fast_path_agrees(y in 0u32..100, m in 0u32..14, d in 0u32..93, n in 0u32..10000) {
        let s = format!("{y:02}{m:02}{d:02}-{n:04}");
        let mut out = [0u8; 23];
        let code = api::personnummer_fast(&s, today(), &mut out);
        let full = api::validate_personnummer(&s, today());
        prop_assert_eq!(code != 0, full.starts_with(r#"{"valid":true"#));
        if code != 0 {
            let normalized = std::str::from_utf8(&out[..13]).unwrap();
            prop_assert!(full.contains(normalized));
        }
    }
}

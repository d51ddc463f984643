//! Wire formats: round trips and hostile input.
#![cfg(all(feature = "postcard", feature = "json"))]

use proptest::prelude::*;
use rekry_core::nps::NpsTally;
use rekry_core::survey::{Answer, CatalogueId, Response, SurveyTally, Value};
use rekry_core::wire::{self, WireError};

fn response_strategy() -> impl Strategy<Value = Response> {
    let answer = ("[a-z_]{1,32}", prop_oneof![any::<i32>().prop_map(Value::Score), any::<bool>().prop_map(Value::Yes)]);
    (prop_oneof![Just(CatalogueId::JobFair), Just(CatalogueId::Candidate)], prop::collection::vec(answer, 0..=24))
        .prop_map(|(catalogue, answers)| {
            let mut r = Response::new(catalogue);
            for (q, v) in answers {
                r.push(Answer::new(&q, v).unwrap()).unwrap();
            }
            r
        })
}

proptest! {
    #[test]
    fn response_round_trips(r in response_strategy()) {
        let mut buf = [0u8; 2048];
        let bytes = wire::postcard::encode(&r, &mut buf).unwrap();
        prop_assert_eq!(wire::postcard::decode::<Response>(bytes).unwrap(), r.clone());
        let mut buf = [0u8; 4096];
        let n = wire::json::encode(&r, &mut buf).unwrap();
        prop_assert_eq!(wire::json::decode::<Response>(&buf[..n]).unwrap(), r);
    }

    #[test]
    fn tally_round_trips(counts in any::<[u32; 11]>()) {
        let t = NpsTally::from_counts(counts);
        let mut buf = [0u8; 128];
        let bytes = wire::postcard::encode(&t, &mut buf).unwrap();
        prop_assert_eq!(wire::postcard::decode::<NpsTally>(bytes).unwrap(), t);
        let mut buf = [0u8; 512];
        let n = wire::json::encode(&t, &mut buf).unwrap();
        prop_assert_eq!(wire::json::decode::<NpsTally>(&buf[..n]).unwrap(), t);
    }

    #[test]
    fn decoding_arbitrary_bytes_never_panics(bytes in prop::collection::vec(any::<u8>(), 0..512)) {
        let _ = wire::postcard::decode::<Response>(&bytes);
        let _ = wire::postcard::decode::<NpsTally>(&bytes);
        let _ = wire::postcard::decode::<SurveyTally>(&bytes);
        let _ = wire::json::decode::<Response>(&bytes);
        let _ = wire::json::decode::<NpsTally>(&bytes);
        let _ = wire::json::decode::<SurveyTally>(&bytes);
    }

    #[test]
    fn every_truncation_is_an_error(r in response_strategy()) {
        let mut buf = [0u8; 2048];
        let bytes = wire::postcard::encode(&r, &mut buf).unwrap();
        for cut in 0..bytes.len() {
            prop_assert!(wire::postcard::decode::<Response>(&bytes[..cut]).is_err());
        }
        let mut buf = [0u8; 4096];
        let n = wire::json::encode(&r, &mut buf).unwrap();
        for cut in 0..n {
            prop_assert!(wire::json::decode::<Response>(&buf[..cut]).is_err());
        }
    }
}

fn sample() -> Response {
    let mut r = Response::new(CatalogueId::Candidate);
    r.push(Answer::new("recommend", Value::Score(10)).unwrap()).unwrap();
    r.push(Answer::new("took_tests", Value::Yes(false)).unwrap()).unwrap();
    r
}

#[test]
fn json_is_readable_and_stable() {
    let mut buf = [0u8; 512];
    let n = wire::json::encode(&sample(), &mut buf).unwrap();
    assert_eq!(
        std::str::from_utf8(&buf[..n]).unwrap(),
        r#"{"version":1,"kind":"response","body":{"catalogue":"candidate","answers":[{"question":"recommend","value":{"score":10}},{"question":"took_tests","value":{"yes":false}}]}}"#
    );
    // Field order and whitespace are free in JSON.
    let reordered = br#" { "body": {"answers":[], "catalogue":"job-fair"}, "kind":"response", "version":1 } "#;
    assert_eq!(wire::json::decode::<Response>(reordered).unwrap(), Response::new(CatalogueId::JobFair));
}

#[test]
fn future_versions_wrong_kinds_and_trailing_data_are_rejected() {
    let mut buf = [0u8; 512];
    let bytes = wire::postcard::encode(&sample(), &mut buf).unwrap().to_vec();
    let mut future = bytes.clone();
    future[0] = 2;
    assert_eq!(wire::postcard::decode::<Response>(&future), Err(WireError::UnsupportedVersion { found: 2 }));
    assert!(matches!(wire::postcard::decode::<NpsTally>(&bytes), Err(WireError::WrongKind { .. })));
    let mut trailing = bytes.clone();
    trailing.push(0);
    assert_eq!(wire::postcard::decode::<Response>(&trailing), Err(WireError::TrailingData));
    assert_eq!(wire::postcard::decode::<Response>(&[]), Err(WireError::Truncated));

    let future = br#"{"version":7,"kind":"response","body":{"catalogue":"x"}}"#;
    assert_eq!(wire::json::decode::<Response>(future), Err(WireError::UnsupportedVersion { found: 7 }));
    let kind = br#"{"version":1,"kind":"nps-tally","body":{"counts":[0,0,0,0,0,0,0,0,0,0,0]}}"#;
    assert!(matches!(wire::json::decode::<Response>(kind), Err(WireError::WrongKind { .. })));
    assert!(wire::json::decode::<NpsTally>(kind).is_ok());
    let trailing = br#"{"version":1,"kind":"nps-tally","body":{"counts":[0,0,0,0,0,0,0,0,0,0,0]}} x"#;
    assert_eq!(wire::json::decode::<NpsTally>(trailing), Err(WireError::TrailingData));
    assert!(wire::json::decode::<Response>(b"\xff\xfe").is_err());
}

#[test]
fn oversized_answer_lists_and_ids_are_rejected_not_truncated() {
    let mut answers = String::from("[");
    for i in 0..25 {
        if i > 0 {
            answers.push(',');
        }
        answers.push_str(r#"{"question":"q","value":{"score":1}}"#);
    }
    answers.push(']');
    let doc = format!(r#"{{"version":1,"kind":"response","body":{{"catalogue":"job-fair","answers":{answers}}}}}"#);
    assert!(wire::json::decode::<Response>(doc.as_bytes()).is_err());
    let long_id = "q".repeat(33);
    let doc = format!(
        r#"{{"version":1,"kind":"response","body":{{"catalogue":"job-fair","answers":[{{"question":"{long_id}","value":{{"score":1}}}}]}}}}"#
    );
    assert!(wire::json::decode::<Response>(doc.as_bytes()).is_err());
}

#[test]
fn survey_tally_shape_is_checked() {
    let mut t = SurveyTally::new(CatalogueId::JobFair);
    t.record(&{
        let mut r = Response::new(CatalogueId::JobFair);
        r.push(Answer::new("recommend", Value::Score(9)).unwrap()).unwrap();
        r
    })
    .unwrap();
    let mut buf = [0u8; 1024];
    let n = wire::json::encode(&t, &mut buf).unwrap();
    assert_eq!(wire::json::decode::<SurveyTally>(&buf[..n]).unwrap(), t);
    // The same body claiming to be the candidate catalogue has the wrong shape.
    let text = std::str::from_utf8(&buf[..n]).unwrap().replace("job-fair", "candidate");
    assert_eq!(wire::json::decode::<SurveyTally>(text.as_bytes()), Err(WireError::Invalid));
}

#[test]
fn check_records_round_trip_in_both_formats() {
    use rekry_core::Date;
    use rekry_core::idcheck::checklist::{Checklist, ExtractKind, ItemKind, Reason, Role};
    use rekry_core::idcheck::documents::CitizenshipGroup;
    use rekry_core::idcheck::record::CheckRecord;

    let today = Date::new(2026, 11, 23).unwrap();
    let mut list = Checklist::new(Role::Teacher, CitizenshipGroup::Swedish, today);
    list.record_extract(ExtractKind::School, Date::new(2026, 6, 1).unwrap(), today).unwrap();
    list.pass(ItemKind::References, Reason::ReferencesTaken).unwrap();
    let record = list.finish(today);

    let mut buf = [0u8; 512];
    let bytes = wire::postcard::encode(&record, &mut buf).unwrap();
    assert_eq!(wire::postcard::decode::<CheckRecord>(bytes).unwrap(), record);
    let mut buf = [0u8; 4096];
    let n = wire::json::encode(&record, &mut buf).unwrap();
    assert_eq!(wire::json::decode::<CheckRecord>(&buf[..n]).unwrap(), record);
    assert!(matches!(wire::json::decode::<Response>(&buf[..n]), Err(WireError::WrongKind { .. })));
}

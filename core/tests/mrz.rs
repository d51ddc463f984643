//! MRZ test vectors: the ICAO Doc 9303 specimens, a Swedish ID card constructed with correct
//! check digits, keyboard-wedge input, OCR confusions, and property tests.

use proptest::prelude::*;
use rekry_core::date::Date;
use rekry_core::idcheck::documents::DocumentKind;
use rekry_core::idcheck::mrz::{
    self, CheckField, Field, Format, Issue, IssueKind, MrzReport, MrzSex, Warning, check_digit,
};
use rekry_core::idcheck::personnummer::PersonnummerError;

const TD3: [&str; 2] = ["P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<", "L898902C36UTO7408122F1204159ZE184226B<<<<<10"];
const TD2: [&str; 2] = ["I<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<", "D231458907UTO7408122F1204159<<<<<<<6"];
const TD1: [&str; 3] =
    ["I<UTOD231458907<<<<<<<<<<<<<<<", "7408122F1204159UTO<<<<<<<<<<<6", "ERIKSSON<<ANNA<MARIA<<<<<<<<<<"];
/// Doc 9303 Part 5 specimen with a 12-character document number `D23145890734`: position 15
/// holds `<` and the number continues in the optional data, followed by its check digit 9.
const TD1_LONG: [&str; 3] =
    ["I<UTOD23145890<7349<<<<<<<<<<<", "3407127M9507122UTO<<<<<<<<<<<2", "STEVENSON<<PETER<JOHN<<<<<<<<<"];
/// A Swedish national ID card, constructed: document number AB1234567, personnummer
/// 19811218-9876 in the optional data, born 1981-12-18, expiring 2031-01-01.
const SWE_ID: [&str; 3] =
    ["I<SWEAB12345671198112189876<<<", "8112185M3101012SWE<<<<<<<<<<<7", "SVENSSON<<ANDERS<ERIK<<<<<<<<<"];

fn d(y: u16, m: u8, day: u8) -> Date {
    Date::new(y, m, day).unwrap()
}

/// A date at which the specimens (expiring 2012) are still valid.
fn then() -> Date {
    d(2010, 6, 1)
}

fn today() -> Date {
    d(2026, 11, 23)
}

fn join(lines: &[&str]) -> String {
    lines.join("\n")
}

fn kinds(r: &MrzReport) -> Vec<IssueKind> {
    r.issues.iter().map(|i| i.kind).collect()
}

fn failed(r: &MrzReport) -> Vec<CheckField> {
    r.checks.iter().filter(|c| !c.ok).map(|c| c.field).collect()
}

#[test]
fn td3_specimen() {
    let r = mrz::parse(&join(&TD3), then());
    assert!(r.is_valid(), "{:?}", r.issues);
    assert_eq!(r.format, Some(Format::Td3));
    assert_eq!(r.document_code.as_str(), "P");
    assert_eq!(r.issuing_state.as_str(), "UTO");
    assert_eq!(r.document_number.as_str(), "L898902C3");
    assert_eq!(r.nationality.as_str(), "UTO");
    assert_eq!(r.date_of_birth, Some(d(1974, 8, 12)));
    assert_eq!(r.sex, Some(MrzSex::Female));
    assert_eq!(r.date_of_expiry, Some(d(2012, 4, 15)));
    assert_eq!(r.expired, Some(false));
    assert_eq!(r.optional_data.as_str(), "ZE184226B");
    assert_eq!(r.surname.as_str(), "ERIKSSON");
    assert_eq!(r.given_names.as_str(), "ANNA MARIA");
    assert_eq!(r.personnummer, None);
    assert!(r.warnings.is_empty());
    let fields: Vec<_> = r.checks.iter().map(|c| (c.field, c.line, c.column, c.expected)).collect();
    assert_eq!(
        fields,
        [
            (CheckField::DocumentNumber, 2, 10, 6),
            (CheckField::DateOfBirth, 2, 20, 2),
            (CheckField::DateOfExpiry, 2, 28, 9),
            (CheckField::OptionalData, 2, 43, 1),
            (CheckField::Composite, 2, 44, 0),
        ]
    );
    assert!(r.checks_passed());
    assert_eq!(r.document_key(), ("P", "UTO"));
    assert_eq!(r.document_kind(), Some(DocumentKind::OtherPassport));
    let swe = mrz::parse(&join(&TD3).replace("P<UTO", "P<SWE"), then());
    assert_eq!(swe.document_kind(), Some(DocumentKind::SwedishPassport));
    assert_eq!(mrz::parse("garbage", then()).document_kind(), None);
}

#[test]
fn td3_specimen_expired_today() {
    let r = mrz::parse(&join(&TD3), today());
    assert!(!r.is_valid());
    assert!(r.checks_passed());
    assert!(r.is_expired());
    assert_eq!(
        r.issues.as_slice(),
        [Issue { line: 2, column: 22, kind: IssueKind::Expired { expiry: d(2012, 4, 15) } }]
    );
    // Valid through the expiry date itself.
    assert!(mrz::parse(&join(&TD3), d(2012, 4, 15)).is_valid());
    assert!(!mrz::parse(&join(&TD3), d(2012, 4, 16)).is_valid());
}

#[test]
fn td2_specimen() {
    let r = mrz::parse(&join(&TD2), then());
    assert!(r.is_valid(), "{:?}", r.issues);
    assert_eq!(r.format, Some(Format::Td2));
    assert_eq!(r.document_code.as_str(), "I");
    assert_eq!(r.document_number.as_str(), "D23145890");
    assert_eq!(r.date_of_birth, Some(d(1974, 8, 12)));
    assert_eq!(r.surname.as_str(), "ERIKSSON");
    assert_eq!(r.given_names.as_str(), "ANNA MARIA");
    assert_eq!(r.checks.len(), 4);
}

#[test]
fn td1_specimen() {
    let r = mrz::parse(&join(&TD1), then());
    assert!(r.is_valid(), "{:?}", r.issues);
    assert_eq!(r.format, Some(Format::Td1));
    assert_eq!(r.document_number.as_str(), "D23145890");
    assert_eq!(r.nationality.as_str(), "UTO");
    assert_eq!(r.sex, Some(MrzSex::Female));
    assert_eq!(r.date_of_expiry, Some(d(2012, 4, 15)));
    assert_eq!(r.given_names.as_str(), "ANNA MARIA");
    let fields: Vec<_> = r.checks.iter().map(|c| (c.field, c.line, c.column)).collect();
    assert_eq!(
        fields,
        [
            (CheckField::DocumentNumber, 1, 15),
            (CheckField::DateOfBirth, 2, 7),
            (CheckField::DateOfExpiry, 2, 15),
            (CheckField::Composite, 2, 30),
        ]
    );
}

#[test]
fn td1_long_document_number() {
    assert_eq!(check_digit(b"D23145890734"), Some(9));
    let r = mrz::parse(&join(&TD1_LONG), d(1995, 1, 1));
    assert!(r.is_valid(), "{:?}", r.issues);
    assert_eq!(r.document_number.as_str(), "D23145890734");
    assert_eq!(r.optional_data.as_str(), "");
    let c = r.check(CheckField::DocumentNumber).unwrap();
    assert_eq!((c.line, c.column, c.expected, c.found, c.ok), (1, 19, 9, '9', true));
    assert_eq!(r.date_of_birth, Some(d(1934, 7, 12)));
    assert_eq!(r.sex, Some(MrzSex::Male));
    assert_eq!(r.date_of_expiry, Some(d(1995, 7, 12)));
    assert_eq!(r.surname.as_str(), "STEVENSON");
    assert_eq!(r.given_names.as_str(), "PETER JOHN");
    // A wrong digit in the continuation fails the document number check.
    let bad = join(&["I<UTOD23145890<7359<<<<<<<<<<<", TD1_LONG[1], TD1_LONG[2]]);
    let r = mrz::parse(&bad, d(2000, 1, 1));
    assert_eq!(failed(&r), [CheckField::DocumentNumber, CheckField::Composite]);
    // A continuation with no room for a check digit.
    let bad = join(&["I<UTOD23145890<<<<<<<<<<<<<<<<", TD1_LONG[1], TD1_LONG[2]]);
    let r = mrz::parse(&bad, d(2000, 1, 1));
    assert!(kinds(&r).contains(&IssueKind::DocumentNumberContinuation));
    assert!(!r.check(CheckField::DocumentNumber).unwrap().ok);
}

#[test]
fn must_fail_specimen() {
    // The TD3 specimen with the document number mistyped (C → G) and a wrong sex character.
    let r = mrz::parse(
        "P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<\nL898902G36UTO7408122Q1204159ZE184226B<<<<<10",
        then(),
    );
    assert!(!r.is_valid());
    assert_eq!(failed(&r), [CheckField::DocumentNumber, CheckField::Composite]);
    assert!(r.issues.contains(&Issue {
        line: 2,
        column: 10,
        kind: IssueKind::CheckDigit {
            field: CheckField::DocumentNumber,
            expected: check_digit(b"L898902G3").unwrap(),
            found: '6'
        },
    }));
    assert!(r.issues.contains(&Issue { line: 2, column: 21, kind: IssueKind::Sex { found: 'Q' } }));
    assert_eq!(r.sex, None);
}

#[test]
fn swedish_id_card() {
    let r = mrz::parse(&join(&SWE_ID), today());
    assert!(r.is_valid(), "{:?}", r.issues);
    assert_eq!(r.document_key(), ("I", "SWE"));
    assert_eq!(r.document_kind(), Some(DocumentKind::SwedishNationalIdCard));
    assert_eq!(r.document_number.as_str(), "AB1234567");
    assert_eq!(r.optional_data.as_str(), "198112189876");
    let p = r.personnummer.expect("personnummer");
    assert_eq!(p.long().as_str(), "19811218-9876");
    assert_eq!(r.date_of_birth, Some(p.birth_date()));
    assert_eq!(r.date_of_expiry, Some(d(2031, 1, 1)));
    assert!(r.warnings.is_empty());
}

#[test]
fn swedish_id_card_with_nearby_personnummer_date_warns() {
    // Personnummer 19811220-9872 on a card whose MRZ says born 1981-12-18.
    let r =
        mrz::parse(&join(&["I<SWEAB12345671198112209872<<<", "8112185M3101012SWE<<<<<<<<<<<4", SWE_ID[2]]), today());
    assert!(r.is_valid(), "{:?}", r.issues);
    assert_eq!(
        r.warnings.as_slice(),
        [Warning::PersonnummerDateDiffers { personnummer: d(1981, 12, 20), mrz: d(1981, 12, 18) }]
    );
    assert_eq!(r.personnummer.unwrap().birth_date(), d(1981, 12, 20));
}

#[test]
fn swedish_id_card_with_bad_personnummer_fails() {
    // Last digit of the personnummer changed; check digits recomputed so only it is wrong.
    let l1 = "I<SWEAB12345671198112189875<<<";
    let composite =
        check_digit(format!("{}{}{}{}", &l1[5..30], "8112185", "3101012", "<<<<<<<<<<<").as_bytes()).unwrap();
    let l2 = format!("8112185M3101012SWE<<<<<<<<<<<{composite}");
    let r = mrz::parse(&join(&[l1, &l2, SWE_ID[2]]), today());
    assert!(r.checks_passed());
    assert!(!r.is_valid());
    assert_eq!(
        r.issues.as_slice(),
        [Issue {
            line: 1,
            column: 16,
            kind: IssueKind::Personnummer(PersonnummerError::Checksum { expected: 6, found: 5 }),
        }]
    );
    assert_eq!(r.personnummer, None);
}

#[test]
fn keyboard_wedge_input() {
    let want = mrz::parse(&join(&TD3), then());
    let variants = [
        format!("  {}\r\n{}\r\n  ", TD3[0], TD3[1]),
        format!("{}{}", TD3[0], TD3[1]),
        format!("\n\n{}\n\n{}\n", TD3[0], TD3[1]),
        format!("{}\r{}", TD3[0], TD3[1]),
        format!("{} \n {}", TD3[0].to_lowercase(), TD3[1].to_lowercase()),
    ];
    for v in &variants {
        assert_eq!(mrz::parse(v, then()), want, "{v:?}");
    }
    // TD1 and TD2 without separators: 90 and 72 characters.
    assert_eq!(mrz::parse(&TD1.concat(), then()), mrz::parse(&join(&TD1), then()));
    assert!(mrz::parse(&TD1.concat(), then()).is_valid());
    assert!(mrz::parse(&TD2.concat(), then()).is_valid());
    assert!(mrz::parse(&TD1.join("\r\n").to_lowercase(), then()).is_valid());
}

#[test]
fn structure_errors() {
    assert_eq!(kinds(&mrz::parse(" \n\t", then())), [IssueKind::Empty]);
    assert_eq!(kinds(&mrz::parse("P<UTO", then())), [IssueKind::UnbrokenLength { found: 5 }]);
    assert_eq!(
        kinds(&mrz::parse(&format!("{}\n{}\n{}\n{}", TD1[0], TD1[1], TD1[2], TD1[0]), then())),
        [IssueKind::LineCount { found: 4 }]
    );
    // One character missing from line 2 of a TD3.
    let r = mrz::parse(&format!("{}\n{}", TD3[0], &TD3[1][..43]), then());
    assert_eq!(r.format, None);
    assert_eq!(
        r.issues.as_slice(),
        [Issue { line: 2, column: 0, kind: IssueKind::LineLength { expected: 44, found: 43 } }]
    );
    // TD1 with two short lines.
    let r = mrz::parse(&format!("{}\n{}x\n{}", &TD1[0][..29], TD1[1], TD1[2]), then());
    assert_eq!(
        kinds(&r),
        [IssueKind::LineLength { expected: 30, found: 29 }, IssueKind::LineLength { expected: 30, found: 31 }]
    );
    assert!(!r.is_valid());
}

#[test]
fn illegal_characters_with_positions() {
    let l2 = TD3[1].replacen("ZE18", "ZE-8", 1);
    let r = mrz::parse(&join(&[TD3[0], &l2]), then());
    assert!(r.issues.contains(&Issue { line: 2, column: 31, kind: IssueKind::IllegalCharacter { found: '-' } }));
    // A non-ASCII character keeps its identity and its column.
    let l1 = TD3[0].replacen("ERIKSSON", "ERIKSSÖN", 1);
    let r = mrz::parse(&join(&[&l1, TD3[1]]), then());
    assert!(r.issues.contains(&Issue { line: 1, column: 12, kind: IssueKind::IllegalCharacter { found: 'Ö' } }));
    assert_eq!(r.format, Some(Format::Td3));
}

#[test]
fn ocr_confusions_are_reported_not_corrected() {
    // O for 0 in the expiry, I for 1 in the date of birth, B for 8 in a check digit.
    let l2 = "L898902C36UTO74O8I22F12O4159ZE184226B<<<<<1B";
    let r = mrz::parse(&join(&[TD3[0], l2]), then());
    let expect = [
        (2, 16, Field::DateOfBirth, 'O', '0'),
        (2, 18, Field::DateOfBirth, 'I', '1'),
        (2, 24, Field::DateOfExpiry, 'O', '0'),
        (2, 44, Field::CheckDigit(CheckField::Composite), 'B', '8'),
    ];
    for (line, column, field, found, probably) in expect {
        let issue = Issue { line, column, kind: IssueKind::ProbableDigit { field, found, probably } };
        assert!(r.issues.contains(&issue), "{issue:?} in {:#?}", r.issues);
    }
    assert_eq!(r.date_of_birth, None);
    assert_eq!(r.date_of_expiry, None);
    assert!(!r.check(CheckField::DateOfBirth).unwrap().ok);
    assert_eq!(r.check(CheckField::Composite).unwrap().found, 'B');
    // Digits in names: 0 → O, 1 → I, 8 → B.
    let r = mrz::parse(&join(&["P<UTOER1KSS0N<<ANNA<MAR8A<<<<<<<<<<<<<<<<<<<", TD3[1]]), then());
    let got: Vec<_> = r
        .issues
        .iter()
        .filter_map(|i| match i.kind {
            IssueKind::ProbableLetter { field: Field::Names, found, probably } => Some((i.column, found, probably)),
            _ => None,
        })
        .collect();
    assert_eq!(got, [(8, '1', 'I'), (12, '0', 'O'), (24, '8', 'B')]);
    // Never corrected: the name is as typed.
    assert_eq!(r.surname.as_str(), "ER1KSS0N");
    // Digits in the issuing state.
    let r = mrz::parse(&join(&["P<UT0ERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<", TD3[1]]), then());
    assert!(r.issues.contains(&Issue {
        line: 1,
        column: 5,
        kind: IssueKind::ProbableLetter { field: Field::IssuingState, found: '0', probably: 'O' }
    }));
}

#[test]
fn dates_and_windows() {
    // Month 13 in the date of birth.
    let l2 = "L898902C36UTO7413122F1204159ZE184226B<<<<<10";
    let r = mrz::parse(&join(&[TD3[0], l2]), then());
    assert!(r.issues.contains(&Issue {
        line: 2,
        column: 16,
        kind: IssueKind::Month { field: Field::DateOfBirth, month: 13 }
    }));
    // Expiry 20 years ahead is read as the future; 21 years ahead as the past.
    let exp = |yymmdd: &str| {
        let cd = check_digit(yymmdd.as_bytes()).unwrap();
        let body = format!("L898902C36UTO7408122F{yymmdd}{cd}ZE184226B<<<<<1");
        let composite = check_digit(format!("{}{}{}", &body[0..10], &body[13..20], &body[21..43]).as_bytes()).unwrap();
        mrz::parse(&join(&[TD3[0], &format!("{body}{composite}")]), today())
    };
    let r = exp("461123");
    assert!(r.is_valid(), "{:?}", r.issues);
    assert_eq!(r.date_of_expiry, Some(d(2046, 11, 23)));
    let r = exp("471123");
    assert_eq!(r.date_of_expiry, Some(d(1947, 11, 23)));
    assert!(r.is_expired());
    // Births resolve to the past: 26-11-24 (tomorrow) is 1926.
    let r = mrz::parse(
        &join(&["P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<", "L898902C36UTO2611240F3001019<<<<<<<<<<<<<<06"]),
        today(),
    );
    assert_eq!(r.date_of_birth, Some(d(1926, 11, 24)));
    assert!(r.is_valid(), "{:?}", r.issues);
    // Unknown date of birth: a warning, not a failure.
    let r = mrz::parse(
        &join(&["P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<", "L898902C36UTO<<<<<<0F3001019<<<<<<<<<<<<<<04"]),
        today(),
    );
    assert_eq!(r.date_of_birth, None);
    assert_eq!(r.warnings.as_slice(), [Warning::BirthDateUnknown]);
    assert!(r.is_valid(), "{:?}", r.issues);
}

#[test]
fn document_code_must_fit_the_format() {
    let r = mrz::parse(&join(&["V<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<", TD3[1]]), then());
    assert_eq!(kinds(&r), [IssueKind::DocumentCode { found: 'V', format: Format::Td3 }]);
}

#[test]
fn issues_and_warnings_have_texts() {
    let r = mrz::parse(
        &join(&["P<UT0ERIKSS0N<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<", "L898902C36UTO74O8122F12O4159ZE184226B<<<<<1B"]),
        today(),
    );
    assert!(r.issues.len() >= 5);
    for i in &r.issues {
        assert!(!i.to_string().is_empty());
        assert!(!i.kind.text().sv.is_empty());
    }
    assert_eq!(r.issues[0].to_string(), "line 1, column 5: digit '0' in issuing state: probably 'O'");
}

#[test]
fn many_errors_are_counted_not_dropped() {
    let garbage = "-".repeat(88);
    let r = mrz::parse(&garbage, then());
    assert_eq!(r.issues.len(), mrz::MAX_ISSUES);
    assert!(r.issues_omitted > 0);
    assert!(!r.is_valid());
}

/// The (line, start, length) of every field a check digit protects in the TD3 specimen,
/// excluding the composite.
const TD3_FIELDS: [(CheckField, usize, usize); 4] = [
    (CheckField::DocumentNumber, 0, 9),
    (CheckField::DateOfBirth, 13, 6),
    (CheckField::DateOfExpiry, 21, 6),
    (CheckField::OptionalData, 28, 14),
];

/// The check digit as Doc 9303 Part 3 §4.9 spells it out.
fn naive_check_digit(s: &[u8]) -> u8 {
    let mut sum = 0u32;
    for (i, &c) in s.iter().enumerate() {
        let v = match c {
            b'0'..=b'9' => c - b'0',
            b'A'..=b'Z' => c - b'A' + 10,
            _ => 0,
        };
        sum += u32::from(v) * [7, 3, 1][i % 3];
    }
    (sum % 10) as u8
}

proptest! {
    #[test]
    fn check_digit_matches_the_definition(s in "[A-Z0-9<]{0,200}") {
        prop_assert_eq!(check_digit(s.as_bytes()), Some(naive_check_digit(s.as_bytes())));
    }

    #[test]
    fn parsing_any_string_never_panics(s in any::<String>()) {
        let r = mrz::parse(&s, today());
        let _ = r.is_valid();
    }

    #[test]
    fn parsing_mrz_like_strings_never_panics(
        s in "[A-Za-z0-9< \n\r]{80,100}",
        y in 1u16..=9999,
    ) {
        let r = mrz::parse(&s, Date::new(y, 6, 15).unwrap());
        for i in &r.issues {
            let _ = i.to_string();
        }
    }

    #[test]
    fn mutating_a_specimen_never_panics(
        which in 0usize..4,
        pos in 0usize..100,
        c in any::<char>(),
    ) {
        let text = match which {
            0 => join(&TD3),
            1 => join(&TD2),
            2 => join(&TD1),
            _ => join(&SWE_ID),
        };
        let mut chars: Vec<char> = text.chars().collect();
        if let Some(slot) = chars.get_mut(pos) {
            *slot = c;
        }
        let s: String = chars.into_iter().collect();
        let _ = mrz::parse(&s, today());
    }

    #[test]
    fn changing_one_digit_of_a_field_fails_its_check(
        field in 0usize..4,
        offset in 0usize..14,
        delta in 1u8..=9,
    ) {
        let (name, start, len) = TD3_FIELDS[field];
        let pos = start + offset % len;
        let mut l2 = TD3[1].as_bytes().to_vec();
        prop_assume!(l2[pos].is_ascii_digit());
        l2[pos] = b'0' + (l2[pos] - b'0' + delta) % 10;
        let l2 = String::from_utf8(l2).unwrap();
        let r = mrz::parse(&join(&[TD3[0], &l2]), then());
        prop_assert!(!r.check(name).unwrap().ok, "{} {}", l2, pos);
        prop_assert!(!r.is_valid());
    }

    #[test]
    fn changing_one_digit_of_a_td1_field_fails_its_check(
        pos in 0usize..30,
        delta in 1u8..=9,
    ) {
        // Line 2 of the Swedish card: date of birth 1–6, expiry 9–14.
        let field = match pos {
            0..=5 => CheckField::DateOfBirth,
            8..=13 => CheckField::DateOfExpiry,
            _ => return Ok(()),
        };
        let mut l2 = SWE_ID[1].as_bytes().to_vec();
        l2[pos] = b'0' + (l2[pos] - b'0' + delta) % 10;
        let l2 = String::from_utf8(l2).unwrap();
        let r = mrz::parse(&join(&[SWE_ID[0], &l2, SWE_ID[2]]), today());
        prop_assert!(!r.check(field).unwrap().ok);
    }
}

/// Characters in messages are quoted with `rekry_core::text::QuotedChar`: as `{:?}` for
/// ASCII and Latin-1, control characters escaped, other characters written as they are.
#[test]
fn messages_quote_characters() {
    let first = |line0: &str| mrz::parse(&join(&[line0, TD3[1]]), then()).issues[0].to_string();
    assert_eq!(
        first("P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<'"),
        r"line 1, column 44: illegal character '\'': only A-Z, 0-9 and < occur"
    );
    assert_eq!(
        first("P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<\u{7f}"),
        r"line 1, column 44: illegal character '\u{7f}': only A-Z, 0-9 and < occur"
    );
    // `{:?}` would write '\u{200b}'; the message shows the zero-width space as it is.
    assert_eq!(
        first("P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<\u{200b}"),
        "line 1, column 44: illegal character '\u{200b}': only A-Z, 0-9 and < occur"
    );
}

//! Personnummer test vectors derived from Skatteverket's rules, and property tests.

use proptest::prelude::*;
use rekry_core::date::Date;
use rekry_core::idcheck::personnummer::{
    Kind, Personnummer, PersonnummerError, Sex, classify, is_interim, luhn_check_digit,
};
use rekry_core::text::Lang;

fn today() -> Date {
    Date::new(2026, 11, 23).unwrap()
}

fn d(y: u16, m: u8, day: u8) -> Date {
    Date::new(y, m, day).unwrap()
}

fn parse(s: &str) -> Result<Personnummer, PersonnummerError> {
    Personnummer::parse(s, today())
}

#[test]
fn valid_in_every_form() {
    for s in ["811218-9876", "8112189876", "19811218-9876", "198112189876", "  811218-9876 \r\n", "\t19811218-9876"] {
        let p = parse(s).unwrap_or_else(|e| panic!("{s:?}: {e}"));
        assert_eq!(p.birth_date(), d(1981, 12, 18), "{s:?}");
        assert_eq!(p.kind(), Kind::Personnummer);
        assert!(!p.is_coordination_number());
        assert_eq!(p.sex(), Sex::Male);
        assert_eq!(p.birth_number(), 987);
        assert_eq!(p.check_digit(), 6);
        assert_eq!(p.long().as_str(), "19811218-9876");
        assert_eq!(p.short(today()).as_str(), "811218-9876");
        assert_eq!(p.digits12().as_str(), "198112189876");
        assert_eq!(p.to_string(), "19811218-9876");
        assert_eq!(p.age(today()), 44);
    }
}

#[test]
fn sex_from_ninth_digit() {
    // Birth number 988: even ninth digit.
    let check = luhn_check_digit(&[8, 1, 1, 2, 1, 8, 9, 8, 8]);
    let s = format!("811218-988{check}");
    assert_eq!(parse(&s).unwrap().sex(), Sex::Female);
}

#[test]
fn bad_checksum_names_the_expected_digit() {
    let e = parse("811218-9875").unwrap_err();
    assert_eq!(e, PersonnummerError::Checksum { expected: 6, found: 5 });
    assert_eq!(e.to_string(), "wrong check digit 5: expected 6");
    assert!(e.text().get(Lang::Sv).contains("kontrollsiffra"));
}

#[test]
fn bad_dates() {
    assert_eq!(parse("811318-9876"), Err(PersonnummerError::Month { month: 13 }));
    assert_eq!(parse("810018-9876"), Err(PersonnummerError::Month { month: 0 }));
    assert_eq!(parse("810230-9876"), Err(PersonnummerError::Day { day: 30, month: 2, year: 1981 }));
    assert_eq!(parse("810400-9876"), Err(PersonnummerError::Day { day: 0, month: 4, year: 1981 }));
    assert_eq!(parse("810431-9876"), Err(PersonnummerError::Day { day: 31, month: 4, year: 1981 }));
    // Days 32–60 are neither a date nor a coordination day.
    assert!(matches!(parse("810445-9876"), Err(PersonnummerError::Day { day: 45, .. })));
    assert!(matches!(parse("810460-9876"), Err(PersonnummerError::Day { day: 60, .. })));
    let e = parse("810230-9876").unwrap_err();
    assert_eq!(e.to_string(), "invalid day 30: it does not exist in February 1981");
}

#[test]
fn leap_day() {
    // 2000 is a leap year (divisible by 400).
    let p = parse("000229-1235").unwrap();
    assert_eq!(p.birth_date(), d(2000, 2, 29));
    assert_eq!(parse("20000229-1235").unwrap().birth_date(), d(2000, 2, 29));
    // 2004 is a leap year.
    assert_eq!(parse("040229-1231").unwrap().birth_date(), d(2004, 2, 29));
    // 2023 is not.
    assert_eq!(parse("230229-1238"), Err(PersonnummerError::Day { day: 29, month: 2, year: 2023 }));
    // With `+` the century is 1900, which is not a leap year (divisible by 100, not 400).
    assert_eq!(parse("000229+1235"), Err(PersonnummerError::Day { day: 29, month: 2, year: 1900 }));
    assert_eq!(parse("19000229-1235"), Err(PersonnummerError::Day { day: 29, month: 2, year: 1900 }));
}

#[test]
fn plus_separator_and_century() {
    // Born 1926-11-23: turns 100 in 2026, so `+`.
    let p = parse("261123+9878").unwrap();
    assert_eq!(p.birth_date(), d(1926, 11, 23));
    assert_eq!(p.short(today()).as_str(), "261123+9878");
    assert_eq!(p.long().as_str(), "19261123-9878");
    assert!(p.is_centenarian(today()));
    // The same digits with `-`: born today, 2026-11-23.
    let q = parse("261123-9878").unwrap();
    assert_eq!(q.birth_date(), d(2026, 11, 23));
    assert_eq!(q.short(today()).as_str(), "261123-9878");
    // 26-11-24 with `-` would be tomorrow: the previous century. The person turns 100 this
    // calendar year, so the short form takes `+` already before the birthday.
    let r = parse("261124-9877").unwrap();
    assert_eq!(r.birth_date(), d(1926, 11, 24));
    assert_eq!(r.short(today()).as_str(), "261124+9877");
    assert_eq!(r.age(today()), 99);
    // The year before, the same person still writes `-`.
    assert_eq!(r.short(d(2025, 12, 31)).as_str(), "261124-9877");
    // `+` in a 12-digit form must agree with the age.
    assert_eq!(parse("19261123+9878").unwrap().birth_date(), d(1926, 11, 23));
    assert_eq!(parse("19811218+9876"), Err(PersonnummerError::PlusUnder100 { year: 1981 }));
    // A 12-digit form of a 100-year-old with `-` is fine: long forms always use `-`.
    assert!(parse("19261123-9878").is_ok());
    // `+` picks the most recent century at least 100 years back.
    assert_eq!(parse("811218+9876").unwrap().birth_date(), d(1881, 12, 18));
}

#[test]
fn future_dates() {
    let check = luhn_check_digit(&[2, 8, 0, 1, 0, 1, 1, 2, 3]);
    let s = format!("20280101-123{check}");
    assert_eq!(parse(&s), Err(PersonnummerError::InFuture { birth_date: d(2028, 1, 1) }));
    // Tomorrow in 12-digit form.
    let check = luhn_check_digit(&[2, 6, 1, 1, 2, 4, 9, 8, 7]);
    assert_eq!(check, 7);
    assert_eq!(parse("20261124-9877"), Err(PersonnummerError::InFuture { birth_date: d(2026, 11, 24) }));
    assert_eq!(parse("17991231-1234"), Err(PersonnummerError::Century { year: 1799 }));
    // Found by fuzzing: a 10-digit form must not accept a year its 12-digit form rejects.
    let early = Date::new(1914, 12, 1).unwrap();
    assert_eq!(Personnummer::parse("261123+9878", early), Err(PersonnummerError::Century { year: 1726 }));
    assert_eq!(Personnummer::parse("17261123-9878", early), Err(PersonnummerError::Century { year: 1726 }));
}

#[test]
fn samordningsnummer() {
    let p = parse("701063-2391").unwrap();
    assert_eq!(p.kind(), Kind::Samordningsnummer);
    assert!(p.is_coordination_number());
    assert_eq!(p.birth_date(), d(1970, 10, 3));
    assert_eq!(p.long().as_str(), "19701063-2391");
    assert_eq!(p.short(today()).as_str(), "701063-2391");
    assert_eq!(p.sex(), Sex::Male);
    assert_eq!(classify("197010632391", today()), Ok(Kind::Samordningsnummer));
    // Coordination day 31 + 60 = 91 in a 30-day month does not exist.
    assert!(matches!(parse("700491-2391"), Err(PersonnummerError::Day { day: 91, .. })));
}

#[test]
fn interim_numbers_are_never_valid() {
    for s in ["19900101-T123", "900101-T123", "900101T123", "19900101R123", "900101-x123"] {
        let e = parse(s).unwrap_err();
        assert!(matches!(e, PersonnummerError::Interim { .. }), "{s}: {e:?}");
        assert_eq!(classify(s, today()), Ok(Kind::Interim), "{s}");
        assert!(is_interim(s, today()));
        assert!(e.to_string().contains("interim number"));
    }
    assert_eq!(parse("19900101-T123"), Err(PersonnummerError::Interim { letter: 'T' }));
    // A letter that is not an interim letter, or in another position, is a character error.
    assert_eq!(parse("19900101-A123"), Err(PersonnummerError::Character { position: 10, found: 'A' }));
    assert_eq!(parse("19900101-1T23"), Err(PersonnummerError::Character { position: 11, found: 'T' }));
    // An interim number with an impossible date is reported by its date.
    assert!(matches!(parse("19901301-T123"), Err(PersonnummerError::Month { month: 13 })));
    assert!(!is_interim("811218-9876", today()));
}

#[test]
fn birth_number_000() {
    assert_eq!(parse("900101-0008"), Err(PersonnummerError::BirthNumber000));
    assert_eq!(parse("199001010008"), Err(PersonnummerError::BirthNumber000));
    assert!(PersonnummerError::BirthNumber000.to_string().contains("000"));
}

#[test]
fn structural_errors() {
    assert_eq!(parse(""), Err(PersonnummerError::Empty));
    assert_eq!(parse("  \n "), Err(PersonnummerError::Empty));
    assert_eq!(parse("81121898"), Err(PersonnummerError::Length { found: 8 }));
    assert_eq!(parse("19811218--9876"), Err(PersonnummerError::Length { found: 14 }));
    assert_eq!(parse("81121X-9876"), Err(PersonnummerError::Character { position: 6, found: 'X' }));
    assert_eq!(parse("811218/9876"), Err(PersonnummerError::Separator { position: 7, found: '/' }));
    assert_eq!(parse("19811218 9876"), Err(PersonnummerError::Separator { position: 9, found: ' ' }));
    // An en dash, as word processors write it.
    assert_eq!(parse("811218–9876"), Err(PersonnummerError::Separator { position: 7, found: '–' }));
    assert_eq!(parse("8112189876é"), Err(PersonnummerError::Separator { position: 7, found: '9' }));
    assert_eq!(parse("811218987é"), Err(PersonnummerError::Character { position: 10, found: 'é' }));
    assert_eq!(parse("x9811218-9876"), Err(PersonnummerError::Character { position: 1, found: 'x' }));
    assert_eq!(parse("811218-98765"), Err(PersonnummerError::Character { position: 7, found: '-' }));
}

#[test]
fn every_error_has_both_texts() {
    let errors = [
        PersonnummerError::Empty,
        PersonnummerError::Length { found: 3 },
        PersonnummerError::Character { position: 1, found: 'a' },
        PersonnummerError::Separator { position: 7, found: '/' },
        PersonnummerError::PlusUnder100 { year: 1990 },
        PersonnummerError::Century { year: 1700 },
        PersonnummerError::Month { month: 13 },
        PersonnummerError::Day { day: 31, month: 4, year: 2000 },
        PersonnummerError::Day { day: 91, month: 4, year: 2000 },
        PersonnummerError::BirthNumber000,
        PersonnummerError::Checksum { expected: 1, found: 2 },
        PersonnummerError::InFuture { birth_date: d(2030, 1, 1) },
        PersonnummerError::Interim { letter: 'T' },
    ];
    for e in errors {
        assert!(!e.to_string().is_empty());
        assert!(!e.text().sv.is_empty() && !e.text().en.is_empty());
        let _: &dyn core::error::Error = &e;
    }
}

fn luhn_for(nine: [u8; 9]) -> u8 {
    luhn_check_digit(&nine)
}

/// A valid number's long form from its parts.
fn long_form(date: Date, number: u16, coordination: bool) -> String {
    let day = date.day() + if coordination { 60 } else { 0 };
    let nine = format!("{:02}{:02}{:02}{:03}", date.year() % 100, date.month(), day, number);
    let digits: Vec<u8> = nine.bytes().map(|b| b - b'0').collect();
    let check = luhn_for(digits.try_into().unwrap());
    format!("{:04}{:02}{:02}-{:03}{}", date.year(), date.month(), day, number, check)
}

proptest! {
    #[test]
    fn parsing_any_string_never_panics(s in any::<String>()) {
        let _ = Personnummer::parse(&s, today());
        let _ = classify(&s, today());
    }

    #[test]
    fn parsing_number_like_strings_never_panics(
        s in "[ 0-9+TRSUWXJKLMN-]{0,16}",
        y in 1u16..=9999, m in 1u8..=12, dd in 1u8..=28,
    ) {
        let today = Date::new(y, m, dd).unwrap();
        if let Ok(p) = Personnummer::parse(&s, today) {
            prop_assert!(p.birth_date() <= today);
            prop_assert!(p.birth_number() > 0);
            let _ = p.short(today);
        }
    }

    #[test]
    fn long_form_round_trips(
        days in Date::new(1800, 1, 1).unwrap().days_since_epoch()..=today().days_since_epoch(),
        number in 1u16..=999,
        coordination in any::<bool>(),
    ) {
        let date = Date::from_days_since_epoch(days);
        let s = long_form(date, number, coordination);
        let p = Personnummer::parse(&s, today()).unwrap();
        prop_assert_eq!(p.birth_date(), date);
        prop_assert_eq!(p.birth_number(), number);
        prop_assert_eq!(p.is_coordination_number(), coordination);
        let long = p.long();
        prop_assert_eq!(long.as_str(), s.as_str());
        prop_assert_eq!(Personnummer::parse(p.digits12().as_str(), today()), Ok(p));
        prop_assert_eq!(Personnummer::parse(&p.to_string(), today()), Ok(p));
    }

    #[test]
    fn short_form_round_trips_within_two_centuries(
        back in 0i32..(199 * 365),
        number in 1u16..=999,
        coordination in any::<bool>(),
    ) {
        // The ten-digit form can tell apart only "under 100" and "100 to 199 this year".
        let date = today().add_days(-back);
        prop_assume!(date.year() > today().year() - 200);
        let p = Personnummer::parse(&long_form(date, number, coordination), today()).unwrap();
        let short = p.short(today());
        prop_assert_eq!(Personnummer::parse(short.as_str(), today()), Ok(p));
    }

    #[test]
    fn any_single_digit_change_is_caught(
        days in Date::new(1930, 1, 1).unwrap().days_since_epoch()..=today().days_since_epoch(),
        number in 1u16..=999,
        pos in 0usize..13,
        delta in 1u8..=9,
    ) {
        let s = long_form(Date::from_days_since_epoch(days), number, false);
        let mut b = s.into_bytes();
        prop_assume!(pos != 8 && pos >= 2);
        b[pos] = b'0' + (b[pos] - b'0' + delta) % 10;
        let changed = String::from_utf8(b).unwrap();
        // Luhn catches every single-digit change; the date rules may catch it first.
        prop_assert!(Personnummer::parse(&changed, today()).is_err(), "{}", changed);
    }
}

/// Characters in messages are quoted with `rekry_core::text::QuotedChar`: as `{:?}` for
/// ASCII and Latin-1, control characters escaped, other characters written as they are.
#[test]
fn messages_quote_characters() {
    assert_eq!(
        parse("811218/9876").unwrap_err().to_string(),
        "invalid separator '/' at position 7: expected '-' or '+'"
    );
    assert_eq!(parse("8112189'76").unwrap_err().to_string(), r"invalid character '\'' at position 8: expected a digit");
    assert_eq!(
        parse("81121\u{1b}-9876").unwrap_err().to_string(),
        r"invalid character '\u{1b}' at position 6: expected a digit"
    );
    assert_eq!(
        parse("811218\u{a0}9876").unwrap_err().to_string(),
        r"invalid separator '\u{a0}' at position 7: expected '-' or '+'"
    );
    // `{:?}` would write '\u{200b}'; the message shows the zero-width space as it is.
    assert_eq!(
        parse("811218\u{200b}9876").unwrap_err().to_string(),
        "invalid separator '\u{200b}' at position 7: expected '-' or '+'"
    );
}

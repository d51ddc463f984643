//! Job-ad rules: real cases in Swedish and English.

use proptest::prelude::*;
use rekry_core::Date;
use rekry_core::rules::job_ad::{
    Finding, Ground, JobAd, Location, PAY_TRANSPARENCY_DEFAULT, PayInfo, RuleId, RuleSet, Severity, check,
    contains_term,
};

fn d(y: u16, m: u8, day: u8) -> Date {
    Date::new(y, m, day).unwrap()
}

/// A clean ad, published after pay transparency applies.
fn clean<'a>(questions: &'a [&'a str]) -> JobAd<'a> {
    JobAd {
        title: "Undersköterska till hemtjänsten i Skarpnäck",
        text: "Vi söker dig som vill arbeta med äldre. Erfarenhet av ålderdomens sjukdomar och demensvård är meriterande.",
        pay: Some(PayInfo::Range { min: 29_000, max: 33_000 }),
        screening_questions: questions,
        asks_for_personal_letter: false,
        publication_date: d(2027, 3, 1),
    }
}

fn rules_of(findings: &[Finding]) -> Vec<RuleId> {
    findings.iter().map(|f| f.rule).collect()
}

fn grounds(ad: &JobAd<'_>) -> Vec<(u16, Ground)> {
    check(ad, &RuleSet::default())
        .iter()
        .filter_map(|f| match (f.location, f.ground) {
            (Location::Question(i), Some(g)) => Some((i, g)),
            _ => None,
        })
        .collect()
}

#[test]
fn a_clean_ad_has_no_findings() {
    let questions = [
        "Har du undersköterskeutbildning?",
        "Har du körkort (B)?",
        "Vilket löneanspråk har du?",
        "Hur många års erfarenhet har du av arbete inom äldreomsorgen?",
        "Do you have experience of dementia care?",
        "What are your salary expectations?",
    ];
    let findings = check(&clean(&questions), &RuleSet::default());
    assert!(findings.is_empty(), "{:#?}", findings.items);
}

#[test]
fn pay_transparency_before_and_after_the_date() {
    let mut ad = clean(&[]);
    ad.pay = None;
    ad.publication_date = d(2026, 12, 31);
    let f = check(&ad, &RuleSet::default());
    assert_eq!(rules_of(&f.items), [RuleId::PayTransparencyComing]);
    assert_eq!(f.items[0].severity, Severity::Notice);
    assert_eq!(f.items[0].location, Location::Pay);

    ad.publication_date = PAY_TRANSPARENCY_DEFAULT;
    let f = check(&ad, &RuleSet::default());
    assert_eq!(rules_of(&f.items), [RuleId::PayMissing]);
    assert_eq!(f.items[0].severity, Severity::Error);
    assert!(f.items[0].source.contains("2023/970"));
    assert!(f.has_errors());

    // The date is configurable: the Swedish bill proposed 1 July 2026.
    let bill = RuleSet { pay_transparency_from: d(2026, 7, 1) };
    ad.publication_date = d(2026, 9, 1);
    assert_eq!(rules_of(&check(&ad, &bill).items), [RuleId::PayMissing]);
    assert_eq!(rules_of(&check(&ad, &RuleSet::default()).items), [RuleId::PayTransparencyComing]);

    // A starting pay is enough.
    ad.pay = Some(PayInfo::Starting(31_500));
    assert!(check(&ad, &bill).is_empty());
    ad.pay = Some(PayInfo::Range { min: 35_000, max: 30_000 });
    assert_eq!(rules_of(&check(&ad, &bill).items), [RuleId::PayInvalid]);
}

#[test]
fn pay_history_questions_are_errors() {
    let questions = [
        "Vad är din nuvarande lön?",
        "Ange din LÖN IDAG",
        "Vilken var din tidigare lön?",
        "Bifoga din senaste lönespecifikation",
        "What is your current salary?",
        "Please state your salary history.",
        "How much do you earn today?",
        // Allowed: expected pay.
        "Vad har du för löneanspråk?",
        "What are your salary expectations?",
    ];
    let f = check(&clean(&questions), &RuleSet::default());
    let errors: Vec<Location> = f.iter().filter(|f| f.rule == RuleId::PayHistoryQuestion).map(|f| f.location).collect();
    assert_eq!(errors, (0..7).map(Location::Question).collect::<Vec<_>>());
    assert!(f.iter().all(|f| f.severity == Severity::Error));
    assert_eq!(f.count(Severity::Error), 7);
    assert!(f.iter().all(|f| f.source.contains("art. 5(2)")));
}

#[test]
fn discrimination_grounds_in_swedish() {
    let questions = [
        "Hur gammal är du?",
        "Vilken ålder har du?",
        "Är du kvinna eller man?",
        "Vilken religion har du?",
        "Har du någon funktionsnedsättning eller diagnos?",
        "Vilken sexuell läggning har du?",
        "Vilken etnicitet har du?",
        "Vilket är ditt modersmål?",
        "Är du transperson?",
        "Planerar du att bli gravid?",
    ];
    let ad = clean(&questions);
    let found = grounds(&ad);
    for (i, g) in [
        Ground::Age,
        Ground::Age,
        Ground::Sex,
        Ground::Religion,
        Ground::Disability,
        Ground::SexualOrientation,
        Ground::Ethnicity,
        Ground::Ethnicity,
        Ground::TransgenderIdentity,
        Ground::Sex,
    ]
    .into_iter()
    .enumerate()
    {
        assert!(found.contains(&(i as u16, g)), "question {i} {g:?}: {found:?}");
    }
    let f = check(&ad, &RuleSet::default());
    assert!(f.iter().filter(|f| f.rule == RuleId::DiscriminationGround).all(|f| f.severity == Severity::Warning));
    assert!(!f.has_errors());
}

#[test]
fn discrimination_grounds_in_english() {
    let questions = [
        "What is your age?",
        "What is your date of birth?",
        "What is your gender?",
        "Are you pregnant?",
        "Which religion do you practise?",
        "Do you have a disability?",
        "What is your sexual orientation?",
        "What is your nationality?",
        "Is English your mother tongue?",
        "Do you identify as non-binary?",
    ];
    let found = grounds(&clean(&questions));
    for (i, g) in [
        Ground::Age,
        Ground::Age,
        Ground::Sex,
        Ground::Sex,
        Ground::Religion,
        Ground::Disability,
        Ground::SexualOrientation,
        Ground::Ethnicity,
        Ground::Ethnicity,
        Ground::TransgenderIdentity,
    ]
    .into_iter()
    .enumerate()
    {
        assert!(found.contains(&(i as u16, g)), "question {i} {g:?}: {found:?}");
    }
}

#[test]
fn word_boundaries_and_case_folding() {
    // "ålderdom" is not "ålder"; only screening questions are checked, not the ad text.
    let questions = [
        "Har du arbetat med ålderdomens sjukvård?",
        "Have you worked at an agency?",
        "Can you manage a team?",
        "Har du minst sex månaders erfarenhet?",
        "Hur ser du på äldreomsorgens utmaningar?",
    ];
    let ad = clean(&questions);
    assert!(grounds(&ad).iter().all(|&(i, _)| i != 1 && i != 2 && i != 3 && i != 4), "{:?}", grounds(&ad));
    assert!(!contains_term("Har du arbetat med ålderdomsvård?", "ålder"));
    assert!(contains_term("VILKEN ÅLDER?", "ålder"));
    assert!(contains_term("Åldersgrupp?", "ålders*"));
    assert!(contains_term("Är du RELIGIÖS?", "religiös*"));
    assert!(contains_term("your   current\tsalary", "current salary"));
    assert!(!contains_term("currentsalary", "current salary"));
    assert!(!contains_term("nuvarande löneanspråk", "nuvarande lön"));
    let text_only = JobAd { text: "Vi välkomnar sökande oavsett ålder, kön eller religion.", ..clean(&[]) };
    assert!(check(&text_only, &RuleSet::default()).is_empty());
}

#[test]
fn personal_letter_is_a_notice() {
    let ad = JobAd { asks_for_personal_letter: true, ..clean(&[]) };
    let f = check(&ad, &RuleSet::default());
    assert_eq!(rules_of(&f.items), [RuleId::PersonalLetter]);
    assert_eq!((f.items[0].severity, f.items[0].location), (Severity::Notice, Location::Ad));
    assert!(f.items[0].source.contains("001 §2"));
}

#[test]
fn gendered_titles_are_notices() {
    for (title, term) in [
        ("Brandman till Storstockholms brandförsvar", "brandman"),
        ("Sjuksyster", "sjuksyster"),
        ("KOKERSKA till förskolan", "kokerska"),
        ("Städerska", "städerska"),
        ("Chairman of the board", "chairman"),
        ("Salesman", "salesman"),
        ("Värdinna", "inna"),
        ("Sjöman", "man"),
        ("Kassörska", "örska"),
    ] {
        let ad = JobAd { title, ..clean(&[]) };
        let f = check(&ad, &RuleSet::default());
        assert_eq!(rules_of(&f.items), [RuleId::GenderedTitle], "{title}");
        assert_eq!((f.items[0].severity, f.items[0].location), (Severity::Notice, Location::Title));
        assert_eq!(f.items[0].term, Some(term), "{title}");
    }
    for title in [
        "Sjuksköterska",
        "Undersköterska",
        "Human resources partner",
        "Lärare i svenska",
        "Kock",
        "Lokalvårdare",
        "Brandsoldat",
        "German teacher",
        "Man",
        "",
    ] {
        let ad = JobAd { title, ..clean(&[]) };
        assert!(check(&ad, &RuleSet::default()).is_empty(), "{title}");
    }
}

#[test]
fn everything_at_once_and_texts() {
    let questions = ["Vad tjänar du i dag?", "How old are you?"];
    let ad = JobAd {
        title: "Fireman",
        text: "",
        pay: None,
        screening_questions: &questions,
        asks_for_personal_letter: true,
        publication_date: d(2027, 6, 1),
    };
    let f = check(&ad, &RuleSet::default());
    assert_eq!(
        rules_of(&f.items),
        [
            RuleId::PayMissing,
            RuleId::PayHistoryQuestion,
            RuleId::DiscriminationGround,
            RuleId::PersonalLetter,
            RuleId::GenderedTitle
        ]
    );
    assert_eq!(f.worst(), Some(Severity::Error));
    for finding in &f {
        assert!(!finding.message.sv.is_empty() && !finding.message.en.is_empty());
        assert!(!finding.source.is_empty());
    }
    for g in Ground::ALL {
        assert!(!g.name().sv.is_empty() && !g.terms().is_empty());
    }
}

#[test]
fn many_questions_are_counted_not_dropped() {
    let questions = ["Hur gammal är du och vilken religion har du?"; 40];
    let f = check(&clean(&questions), &RuleSet::default());
    assert_eq!(f.len() + usize::from(f.omitted), 80);
    assert!(f.omitted > 0);
}

#[cfg(feature = "serde")]
#[test]
fn findings_serialize_to_json() {
    let ad = JobAd { asks_for_personal_letter: true, ..clean(&["Hur gammal är du?"]) };
    let json = serde_json::to_string(&check(&ad, &RuleSet::default())).unwrap();
    assert!(json.contains("\"discrimination-ground\""), "{json}");
    assert!(json.contains("\"age\""), "{json}");
}

proptest! {
    #[test]
    fn checking_any_ad_never_panics(
        title in any::<String>(),
        text in any::<String>(),
        questions in proptest::collection::vec(any::<String>(), 0..50),
        letter in any::<bool>(),
        days in 0i32..3_000_000,
    ) {
        let qs: Vec<&str> = questions.iter().map(String::as_str).collect();
        let ad = JobAd {
            title: &title,
            text: &text,
            pay: None,
            screening_questions: &qs,
            asks_for_personal_letter: letter,
            publication_date: Date::from_days_since_epoch(days),
        };
        let f = check(&ad, &RuleSet::default());
        prop_assert!(f.len() <= rekry_core::rules::job_ad::MAX_FINDINGS);
        prop_assert!(!f.is_empty());
    }

    #[test]
    fn terms_match_in_any_case(prefix in "[ .,!?]{0,3}", upper in any::<bool>()) {
        let q = if upper { "HUR GAMMAL ÄR DU" } else { "hur gammal är du" };
        let hay = format!("{prefix}{q}");
        prop_assert!(contains_term(&hay, "hur gammal"));
    }
}

//! Checks on a job ad before it is published.
//!
//! [`check`] returns [`Findings`], each with a [`Severity`], a bilingual message and the rule's
//! source:
//!
//! | rule | severity | source |
//! | --- | --- | --- |
//! | no starting pay or pay range once pay transparency applies | error (notice before) | Directive (EU) 2023/970 art. 5(1); seed 001 §17 |
//! | a screening question about current or previous pay | error | Directive (EU) 2023/970 art. 5(2) |
//! | a screening question touching a discrimination ground | warning | Diskrimineringslagen (2008:567) 1 kap. 4 §; seed 001 §4 |
//! | a personal letter requested | notice | seed 001 §2 |
//! | a gendered job title | notice | Directive (EU) 2023/970 art. 5(3) |
//!
//! The date pay transparency applies is data in [`RuleSet`]: seed 001 §17 expects the
//! directive from 1 January 2027 (the default); the Swedish bill proposed 1 July 2026.
//!
//! **Word lists are heuristics.** Matching is case-insensitive (`Å`, `Ä`, `Ö` fold to `å`, `ä`,
//! `ö`; the lists are lower-case Latin-1, and every character whose Unicode lower case is in
//! Latin-1 folds as Unicode folds it, see [`fold_latin1`]), at word boundaries, with no
//! allocation. A term ending in `*`
//! matches as a word prefix (`religi*` matches "religiös"), any other term only as a whole word
//! or phrase (`ålder` does not match "ålderdom"), and a space in a term matches any run of
//! whitespace. Only the screening questions are checked for pay history and discrimination
//! grounds, never the ad text, so an elderly-care ad may speak of "ålderdom" freely. A
//! finding is a prompt for a person to look, not a verdict; a question that slips past the
//! lists is not thereby allowed.
//!
//! Asking for **expected** pay (löneanspråk, salary expectations) is allowed and is not
//! flagged; asking for **current or previous** pay is not allowed.
//!
//! ```
//! use rekry_core::Date;
//! use rekry_core::rules::job_ad::{JobAd, PayInfo, RuleId, RuleSet, Severity, check};
//!
//! let ad = JobAd {
//!     title: "Brandman",
//!     text: "Vi söker en brandman till vår station.",
//!     pay: None,
//!     screening_questions: &["Vad är din nuvarande lön?", "Hur gammal är du?"],
//!     asks_for_personal_letter: true,
//!     publication_date: Date::new(2027, 2, 1).unwrap(),
//! };
//! let findings = check(&ad, &RuleSet::default());
//! let rules: Vec<RuleId> = findings.iter().map(|f| f.rule).collect();
//! assert!(rules.contains(&RuleId::PayMissing));
//! assert!(rules.contains(&RuleId::PayHistoryQuestion));
//! assert!(rules.contains(&RuleId::DiscriminationGround));
//! assert!(rules.contains(&RuleId::PersonalLetter));
//! assert!(rules.contains(&RuleId::GenderedTitle));
//! assert_eq!(findings.count(Severity::Error), 2);
//! ```

use heapless::Vec;

use crate::date::Date;
use crate::idcheck::documents::const_date;
use crate::text::{Text, fold_latin1};

/// The most findings [`check`] returns; further findings are counted in
/// [`Findings::omitted`].
pub const MAX_FINDINGS: usize = 32;

/// Pay information in an ad, in whole SEK per month.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "kebab-case"))]
pub enum PayInfo {
    /// A starting pay (ingångslön).
    Starting(u32),
    /// A pay range (lönespann), lowest to highest.
    Range {
        /// The lowest pay.
        min: u32,
        /// The highest pay.
        max: u32,
    },
}

/// A job ad to check.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct JobAd<'a> {
    /// The job title.
    pub title: &'a str,
    /// The ad text.
    pub text: &'a str,
    /// The starting pay or pay range, if given.
    pub pay: Option<PayInfo>,
    /// The screening questions (urvalsfrågor) applicants answer.
    pub screening_questions: &'a [&'a str],
    /// Whether the ad asks for a personal letter.
    pub asks_for_personal_letter: bool,
    /// The day the ad is published.
    pub publication_date: Date,
}

/// The rules' configuration: dates that change by law are data, not constants.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct RuleSet {
    /// Ads published on or after this date must give a starting pay or pay range.
    pub pay_transparency_from: Date,
}

/// The pay-transparency date seed 001 §17 expects: "Den 1 januari 2027 träder EU:s
/// lönetransparensdirektiv i kraft". The Swedish bill proposed 1 July 2026; set
/// [`RuleSet::pay_transparency_from`] to follow the law as enacted.
pub const PAY_TRANSPARENCY_DEFAULT: Date = const_date(2027, 1, 1);

impl RuleSet {
    /// The default rules (pay transparency from [`PAY_TRANSPARENCY_DEFAULT`]).
    pub const DEFAULT: RuleSet = RuleSet { pay_transparency_from: PAY_TRANSPARENCY_DEFAULT };
}

impl Default for RuleSet {
    fn default() -> RuleSet {
        RuleSet::DEFAULT
    }
}

/// Which rule a finding comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "kebab-case"))]
pub enum RuleId {
    /// No starting pay or pay range although pay transparency applies.
    PayMissing,
    /// No pay information yet, and pay transparency is coming.
    PayTransparencyComing,
    /// A pay range whose lowest pay is above its highest, or a pay of zero.
    PayInvalid,
    /// A screening question about current or previous pay.
    PayHistoryQuestion,
    /// A screening question touching a discrimination ground.
    DiscriminationGround,
    /// The ad asks for a personal letter.
    PersonalLetter,
    /// A gendered job title.
    GenderedTitle,
}

/// How serious a finding is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "kebab-case"))]
pub enum Severity {
    /// Information; the ad may go out as it is.
    Notice,
    /// Look again before publishing.
    Warning,
    /// Against the rules: fix before publishing.
    Error,
}

/// Where in the ad a finding is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "kebab-case"))]
pub enum Location {
    /// The job title.
    Title,
    /// The pay information.
    Pay,
    /// The screening question at this index (0-based).
    Question(u16),
    /// The ad as a whole (for example the request for a personal letter).
    Ad,
}

/// One of the seven grounds of discrimination (Diskrimineringslagen (2008:567) 1 kap. 4 §).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "kebab-case"))]
pub enum Ground {
    /// Kön (sex).
    Sex,
    /// Könsöverskridande identitet eller uttryck (transgender identity or expression).
    TransgenderIdentity,
    /// Etnisk tillhörighet (ethnicity).
    Ethnicity,
    /// Religion eller annan trosuppfattning (religion or other belief).
    Religion,
    /// Funktionsnedsättning (disability).
    Disability,
    /// Sexuell läggning (sexual orientation).
    SexualOrientation,
    /// Ålder (age).
    Age,
}

impl Ground {
    /// Every ground, in the statute's order.
    pub const ALL: [Ground; 7] = [
        Ground::Sex,
        Ground::TransgenderIdentity,
        Ground::Ethnicity,
        Ground::Religion,
        Ground::Disability,
        Ground::SexualOrientation,
        Ground::Age,
    ];

    /// The ground's name as in the statute.
    pub const fn name(self) -> Text {
        match self {
            Ground::Sex => Text::new("kön", "sex"),
            Ground::TransgenderIdentity => {
                Text::new("könsöverskridande identitet eller uttryck", "transgender identity or expression")
            }
            Ground::Ethnicity => Text::new("etnisk tillhörighet", "ethnicity"),
            Ground::Religion => Text::new("religion eller annan trosuppfattning", "religion or other belief"),
            Ground::Disability => Text::new("funktionsnedsättning", "disability"),
            Ground::SexualOrientation => Text::new("sexuell läggning", "sexual orientation"),
            Ground::Age => Text::new("ålder", "age"),
        }
    }

    /// The ground's Swedish and English word list (lower case; `*` marks a prefix).
    ///
    /// Deliberately absent: English "sex" (Swedish for "six", as in "sex månaders
    /// erfarenhet") and Swedish "man" (also the pronoun "one"); "ålder" is a whole word so
    /// "ålderdom" does not match.
    pub const fn terms(self) -> &'static [&'static str] {
        match self {
            Ground::Sex => &[
                "kön",
                "könet",
                "kvinna",
                "kvinnor",
                "gravid*",
                "graviditet*",
                "gender",
                "male",
                "female",
                "woman",
                "women",
                "pregnan*",
                "maternity",
            ],
            Ground::TransgenderIdentity => &[
                "könsidentitet*",
                "könsuttryck*",
                "könsöverskridande",
                "transperson*",
                "trans",
                "icke-binär*",
                "ickebinär*",
                "gender identity",
                "gender expression",
                "transgender",
                "non-binary",
                "nonbinary",
            ],
            Ground::Ethnicity => &[
                "etnicitet*",
                "etnisk*",
                "hudfärg*",
                "ras",
                "nationalitet*",
                "nationellt ursprung",
                "ursprung",
                "födelseland*",
                "född i",
                "modersmål*",
                "ethnic*",
                "race",
                "skin colour",
                "skin color",
                "nationality",
                "national origin",
                "country of birth",
                "born in",
                "mother tongue",
                "native speaker",
            ],
            Ground::Religion => &[
                "religion*",
                "religiös*",
                "trosuppfattning*",
                "livsåskådning*",
                "tror du på gud",
                "kyrka*",
                "moské*",
                "muslim*",
                "kristen",
                "kristna",
                "judisk*",
                "jude",
                "slöja*",
                "religio*",
                "faith",
                "church",
                "mosque",
                "christian*",
                "jewish",
                "believe in god",
                "headscarf",
                "hijab",
            ],
            Ground::Disability => &[
                "funktionsnedsättning*",
                "funktionshinder*",
                "funktionshindrad*",
                "handikapp*",
                "diagnos*",
                "sjukdom*",
                "sjukskriv*",
                "sjukdagar*",
                "hälsotillstånd*",
                "adhd",
                "autis*",
                "dyslexi*",
                "disabilit*",
                "disabled",
                "handicap*",
                "illness*",
                "medical condition*",
                "health condition*",
                "sick leave",
                "sick days",
            ],
            Ground::SexualOrientation => &[
                "sexuell läggning",
                "läggning",
                "homosexuell*",
                "bisexuell*",
                "heterosexuell*",
                "gay",
                "lesbisk*",
                "hbtq*",
                "sexual orientation",
                "homosexual*",
                "heterosexual*",
                "bisexual*",
                "lesbian*",
                "lgbt*",
            ],
            Ground::Age => &[
                "ålder",
                "åldern",
                "ålders*",
                "hur gammal",
                "födelseår*",
                "födelsedatum*",
                "född år",
                "age",
                "aged",
                "how old",
                "year of birth",
                "date of birth",
                "birth date",
                "birthdate",
            ],
        }
    }
}

/// Phrases that ask for current or previous pay (Swedish and English). Expected pay
/// (löneanspråk, salary expectations) is deliberately absent: asking it is allowed.
pub const PAY_HISTORY_TERMS: &[&str] = &[
    "nuvarande lön",
    "nuvarande lönen",
    "nuvarande månadslön",
    "nuvarande grundlön",
    "nuvarande löneläge",
    "lön idag",
    "lön i dag",
    "lönen idag",
    "lönen i dag",
    "tidigare lön",
    "tidigare lönen",
    "tidigare löner",
    "senaste lön",
    "senaste lönen",
    "förra lön",
    "förra lönen",
    "lönehistorik*",
    "lönespecifikation*",
    "vad tjänar du",
    "vad tjänade du",
    "hur mycket tjänar du",
    "hur mycket tjänade du",
    "vad har du för lön",
    "vad hade du för lön",
    "current salary",
    "current pay",
    "current wage",
    "current compensation",
    "present salary",
    "previous salary",
    "previous pay",
    "prior salary",
    "last salary",
    "salary history",
    "pay history",
    "how much do you earn",
    "how much did you earn",
    "what do you earn",
    "payslip*",
    "pay slip*",
];

/// A gendered job title with a neutral suggestion.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct GenderedTitle {
    /// The title, lower case.
    pub title: &'static str,
    /// The message with a neutral suggestion.
    pub suggestion: Text,
}

const fn gt(title: &'static str, sv: &'static str, en: &'static str) -> GenderedTitle {
    GenderedTitle { title, suggestion: Text::new(sv, en) }
}

/// Known gendered titles with neutral suggestions. Titles outside the table are caught by
/// the suffix rules in [`GENDERED_SUFFIXES`].
pub static GENDERED_TITLES: &[GenderedTitle] = &[
    gt(
        "brandman",
        "Könsneutral titel, t.ex. \"brandsoldat\" eller \"räddningstjänstpersonal\".",
        "Gender-neutral title, e.g. \"firefighter\" (brandsoldat).",
    ),
    gt("sjuksyster", "Titeln är \"sjuksköterska\".", "The title is \"sjuksköterska\" (nurse)."),
    gt("kokerska", "Könsneutral titel: \"kock\".", "Gender-neutral title: \"kock\" (cook)."),
    gt("städerska", "Könsneutral titel: \"lokalvårdare\".", "Gender-neutral title: \"lokalvårdare\" (cleaner)."),
    gt("lärarinna", "Könsneutral titel: \"lärare\".", "Gender-neutral title: \"lärare\" (teacher)."),
    gt(
        "tjänsteman",
        "Könsneutral titel: \"tjänsteperson\" eller \"handläggare\".",
        "Gender-neutral title: \"tjänsteperson\" or \"handläggare\" (officer).",
    ),
    gt(
        "förtroendeman",
        "Könsneutral titel: \"förtroendevald\".",
        "Gender-neutral title: \"förtroendevald\" (representative).",
    ),
    gt(
        "chairman",
        "Könsneutral titel: \"chair\" eller \"chairperson\".",
        "Gender-neutral title: \"chair\" or \"chairperson\".",
    ),
    gt("salesman", "Könsneutral titel: \"salesperson\" eller \"säljare\".", "Gender-neutral title: \"salesperson\"."),
    gt("fireman", "Könsneutral titel: \"firefighter\".", "Gender-neutral title: \"firefighter\"."),
    gt("policeman", "Könsneutral titel: \"police officer\".", "Gender-neutral title: \"police officer\"."),
    gt("foreman", "Könsneutral titel: \"supervisor\" eller \"arbetsledare\".", "Gender-neutral title: \"supervisor\"."),
    gt("spokesman", "Könsneutral titel: \"spokesperson\".", "Gender-neutral title: \"spokesperson\"."),
    gt("cameraman", "Könsneutral titel: \"camera operator\".", "Gender-neutral title: \"camera operator\"."),
    gt(
        "handyman",
        "Könsneutral titel: \"fastighetsskötare\" eller \"maintenance worker\".",
        "Gender-neutral title: \"maintenance worker\".",
    ),
];

/// Word endings that usually mark a gendered title (`-man`, `-inna`, `-erska`, `-örska`,
/// `-syster`, English `-man`, `-woman`, `-ess`-free by design: "-ess" has too many neutral
/// words). Words in [`NEUTRAL_EXCEPTIONS`] are never flagged.
pub const GENDERED_SUFFIXES: &[&str] = &["man", "inna", "erska", "örska", "syster"];

/// Words that end like a gendered title but are not one: "sjuksköterska" and the other
/// "-sköterska" titles are Sweden's official neutral titles; "human", "german" and the like
/// are not agent nouns.
pub const NEUTRAL_EXCEPTIONS: &[&str] = &[
    "sköterska",
    "human",
    "german",
    "roman",
    "shaman",
    "ottoman",
    "talisman",
    "caiman",
    "vinna",
    "finna",
    "brinna",
    "rinna",
    "spinna",
    "försvinna",
    "kvinna",
];

const PAY_SOURCE: &str = "Directive (EU) 2023/970 art. 5(1); seed 001 §17 (from 1 Jan 2027)";
const PAY_HISTORY_SOURCE: &str = "Directive (EU) 2023/970 art. 5(2)";
const GROUND_SOURCE: &str = "Diskrimineringslagen (2008:567) 1 kap. 4 §, 2 kap. 1 §; seed 001 §4";
const LETTER_SOURCE: &str =
    "Seed 001 §2: no personal letter by default in Stockholm's recruitment system from 1 Sep 2026";
const TITLE_SOURCE: &str = "Directive (EU) 2023/970 art. 5(3): gender-neutral job titles";

/// One finding.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct Finding {
    /// The rule.
    pub rule: RuleId,
    /// How serious.
    pub severity: Severity,
    /// What to do, in Swedish and English.
    pub message: Text,
    /// Where the rule comes from.
    pub source: &'static str,
    /// Where in the ad.
    pub location: Location,
    /// For [`RuleId::DiscriminationGround`]: the ground.
    pub ground: Option<Ground>,
    /// The word-list term or title suffix that matched, if any.
    pub term: Option<&'static str>,
}

/// The findings of [`check`], in order: pay, screening questions, personal letter, title.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct Findings {
    /// The findings, at most [`MAX_FINDINGS`].
    pub items: Vec<Finding, MAX_FINDINGS>,
    /// Findings beyond [`MAX_FINDINGS`] that were not kept.
    pub omitted: u16,
}

impl Findings {
    fn push(&mut self, f: Finding) {
        if self.items.push(f).is_err() {
            self.omitted = self.omitted.saturating_add(1);
        }
    }

    /// The findings.
    pub fn iter(&self) -> core::slice::Iter<'_, Finding> {
        self.items.iter()
    }

    /// How many findings were kept.
    pub fn len(&self) -> usize {
        self.items.len()
    }

    /// Whether nothing was found.
    pub fn is_empty(&self) -> bool {
        self.items.is_empty() && self.omitted == 0
    }

    /// How many kept findings have this severity.
    pub fn count(&self, severity: Severity) -> usize {
        self.items.iter().filter(|f| f.severity == severity).count()
    }

    /// The most serious severity found, if any.
    pub fn worst(&self) -> Option<Severity> {
        self.items.iter().map(|f| f.severity).max()
    }

    /// Whether any finding is an error: the ad must not go out as it is.
    pub fn has_errors(&self) -> bool {
        self.count(Severity::Error) > 0
    }
}

impl<'a> IntoIterator for &'a Findings {
    type Item = &'a Finding;
    type IntoIter = core::slice::Iter<'a, Finding>;
    fn into_iter(self) -> Self::IntoIter {
        self.items.iter()
    }
}

/// Checks `ad` against `rules`.
pub fn check(ad: &JobAd<'_>, rules: &RuleSet) -> Findings {
    let mut out = Findings::default();
    check_pay(ad, rules, &mut out);
    for (i, q) in ad.screening_questions.iter().enumerate() {
        let location = Location::Question(u16::try_from(i).unwrap_or(u16::MAX));
        if let Some(term) = find_any(q, PAY_HISTORY_TERMS) {
            out.push(Finding {
                rule: RuleId::PayHistoryQuestion,
                severity: Severity::Error,
                message: Text::new(
                    "Fråga inte om nuvarande eller tidigare lön. Att fråga om löneanspråk är tillåtet.",
                    "Do not ask about current or previous pay. Asking for expected pay is allowed.",
                ),
                source: PAY_HISTORY_SOURCE,
                location,
                ground: None,
                term: Some(term),
            });
        }
        for ground in Ground::ALL {
            if let Some(term) = find_any(q, ground.terms()) {
                out.push(Finding {
                    rule: RuleId::DiscriminationGround,
                    severity: Severity::Warning,
                    message: Text::new(
                        "Urvalsfrågan berör en diskrimineringsgrund, som aldrig får vara urvalskriterium. Formulera om efter kravprofilen.",
                        "The screening question touches a discrimination ground, which must never be a selection criterion. Rephrase it against the requirement profile.",
                    ),
                    source: GROUND_SOURCE,
                    location,
                    ground: Some(ground),
                    term: Some(term),
                });
            }
        }
    }
    if ad.asks_for_personal_letter {
        out.push(Finding {
            rule: RuleId::PersonalLetter,
            severity: Severity::Notice,
            message: Text::new(
                "Personligt brev efterfrågas inte som standard. Använd urvalsfrågor kopplade till kravprofilen i stället.",
                "A personal letter is not requested by default. Use screening questions tied to the requirement profile instead.",
            ),
            source: LETTER_SOURCE,
            location: Location::Ad,
            ground: None,
            term: None,
        });
    }
    check_title(ad.title, &mut out);
    out
}

fn check_pay(ad: &JobAd<'_>, rules: &RuleSet, out: &mut Findings) {
    let applies = ad.publication_date >= rules.pay_transparency_from;
    match ad.pay {
        None if applies => out.push(Finding {
            rule: RuleId::PayMissing,
            severity: Severity::Error,
            message: Text::new(
                "Ange ingångslön eller lönespann i annonsen (lönetransparens).",
                "Give the starting pay or pay range in the ad (pay transparency).",
            ),
            source: PAY_SOURCE,
            location: Location::Pay,
            ground: None,
            term: None,
        }),
        None => out.push(Finding {
            rule: RuleId::PayTransparencyComing,
            severity: Severity::Notice,
            message: Text::new(
                "Lönetransparens kommer: ange gärna redan nu ingångslön eller lönespann.",
                "Pay transparency is coming: consider giving the starting pay or pay range now.",
            ),
            source: PAY_SOURCE,
            location: Location::Pay,
            ground: None,
            term: None,
        }),
        Some(PayInfo::Range { min, max }) if min > max || max == 0 => out.push(Finding {
            rule: RuleId::PayInvalid,
            severity: Severity::Warning,
            message: Text::new(
                "Lönespannet är ogiltigt (lägsta lön över högsta, eller noll).",
                "The pay range is invalid (lowest above highest, or zero).",
            ),
            source: PAY_SOURCE,
            location: Location::Pay,
            ground: None,
            term: None,
        }),
        Some(PayInfo::Starting(0)) => out.push(Finding {
            rule: RuleId::PayInvalid,
            severity: Severity::Warning,
            message: Text::new("Ingångslönen är noll.", "The starting pay is zero."),
            source: PAY_SOURCE,
            location: Location::Pay,
            ground: None,
            term: None,
        }),
        Some(_) => {}
    }
}

fn check_title(title: &str, out: &mut Findings) {
    for word in words(title) {
        let (message, term) = match GENDERED_TITLES.iter().find(|t| eq_folded(word, t.title)) {
            Some(t) => (t.suggestion, t.title),
            None => match gendered_suffix(word) {
                Some(suffix) => (
                    Text::new(
                        "Titeln kan uppfattas som könsbunden. Överväg en könsneutral titel.",
                        "The title may read as gendered. Consider a gender-neutral title.",
                    ),
                    suffix,
                ),
                None => continue,
            },
        };
        // One notice per title is enough.
        out.push(Finding {
            rule: RuleId::GenderedTitle,
            severity: Severity::Notice,
            message,
            source: TITLE_SOURCE,
            location: Location::Title,
            ground: None,
            term: Some(term),
        });
        return;
    }
}

/// The suffix that makes `word` look gendered, if any.
fn gendered_suffix(word: &str) -> Option<&'static str> {
    if NEUTRAL_EXCEPTIONS.iter().any(|e| ends_with_folded(word, e)) {
        return None;
    }
    let len = word.chars().count();
    GENDERED_SUFFIXES.iter().find(|s| len >= s.chars().count() + 3 && ends_with_folded(word, s)).copied()
}

/// Lower-case folding of one character: the first char of its Unicode lower case whenever
/// that is in Latin-1, which is all that comparing with the lower-case Latin-1 word lists
/// needs (see [`fold_latin1`]; `terms_are_lower_case` checks the lists).
fn fold(c: char) -> char {
    fold_latin1(c)
}

/// Whether `c` is part of a word.
fn is_word_char(c: char) -> bool {
    if c.is_ascii() { c.is_ascii_alphanumeric() } else { c.is_alphanumeric() }
}

/// The words of `text` (runs of alphanumeric characters and inner hyphens).
fn words(text: &str) -> impl Iterator<Item = &str> {
    text.split(|c: char| !(is_word_char(c) || c == '-')).map(|w| w.trim_matches('-')).filter(|w| !w.is_empty())
}

fn eq_folded(word: &str, lower: &str) -> bool {
    let mut a = word.chars().map(fold);
    let mut b = lower.chars();
    loop {
        match (a.next(), b.next()) {
            (None, None) => return true,
            (Some(x), Some(y)) if x == y => {}
            _ => return false,
        }
    }
}

fn ends_with_folded(word: &str, lower_suffix: &str) -> bool {
    let mut a = word.chars().rev().map(fold);
    lower_suffix.chars().rev().all(|y| a.next() == Some(y))
}

/// The first term of `terms` that occurs in `hay`, if any.
pub fn find_any(hay: &str, terms: &[&'static str]) -> Option<&'static str> {
    terms.iter().find(|t| contains_term(hay, t)).copied()
}

/// Whether `term` (lower case; trailing `*` for a prefix; spaces match any whitespace run)
/// occurs in `hay` at a word boundary, ignoring case.
///
/// ```
/// use rekry_core::rules::job_ad::contains_term;
/// assert!(contains_term("Vilken ÅLDER har du?", "ålder"));
/// assert!(!contains_term("Erfarenhet av ålderdomens sjukdomar", "ålder"));
/// assert!(contains_term("Är du religiös?", "religi*"));
/// assert!(contains_term("Din nuvarande\n lön?", "nuvarande lön"));
/// ```
pub fn contains_term(hay: &str, term: &str) -> bool {
    let (body, prefix) = match term.strip_suffix('*') {
        Some(b) => (b, true),
        None => (term, false),
    };
    if body.is_empty() {
        return false;
    }
    let Some(first) = body.chars().next() else { return false };
    let mut prev_is_word = false;
    let mut chars = hay.chars();
    loop {
        // The rest of `hay` from `c` on (no slicing by index, so no panic path).
        let rest = chars.as_str();
        let Some(c) = chars.next() else { return false };
        let word = is_word_char(c);
        if !prev_is_word && word && fold(c) == first && matches_at(rest, body, prefix) {
            return true;
        }
        prev_is_word = word;
    }
}

fn matches_at(rest: &str, body: &str, prefix: bool) -> bool {
    let mut h = rest.chars();
    for tc in body.chars() {
        if tc == ' ' {
            if !h.next().is_some_and(char::is_whitespace) {
                return false;
            }
            h = h.as_str().trim_start().chars();
        } else if h.next().map(fold) != Some(tc) {
            return false;
        }
    }
    prefix || !h.next().is_some_and(is_word_char)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn terms_are_lower_case() {
        let lists = Ground::ALL.iter().map(|g| g.terms()).chain([PAY_HISTORY_TERMS]);
        for list in lists {
            for t in list {
                assert!(t.chars().all(|c| fold(c) == c), "{t}");
                assert!(!t.trim_end_matches('*').is_empty());
            }
        }
    }

    /// `fold` agrees with Unicode lower case only where that is Latin-1, so everything it is
    /// compared with must be lower-case Latin-1.
    #[test]
    fn word_lists_are_lower_case_latin1() {
        let titles = GENDERED_TITLES.iter().map(|t| t.title);
        let terms = Ground::ALL.iter().flat_map(|g| g.terms()).chain(PAY_HISTORY_TERMS).copied();
        let suffixes = GENDERED_SUFFIXES.iter().chain(NEUTRAL_EXCEPTIONS).copied();
        for w in titles.chain(terms).chain(suffixes) {
            assert!(w.chars().all(|c| u32::from(c) <= 0xFF && c.to_lowercase().eq([c])), "{w}");
        }
    }

    #[test]
    fn folding_beyond_latin1_matches_as_unicode_does() {
        // The Kelvin and Ångström signs lower-case into Latin-1; other scripts never match.
        assert!(contains_term("Vilken \u{212B}LDER har du?", "ålder"));
        assert_eq!(find_any("ΑΓΕ", &["age"]), None);
        assert_eq!(check(&JobAd { title: "BRANDMAN", ..ad() }, &RuleSet::DEFAULT).len(), 1);
    }

    fn ad() -> JobAd<'static> {
        JobAd {
            title: "",
            text: "",
            pay: Some(PayInfo::Starting(30_000)),
            screening_questions: &[],
            asks_for_personal_letter: false,
            publication_date: Date::new(2027, 2, 1).unwrap(),
        }
    }

    #[test]
    fn boundaries() {
        assert!(contains_term("age?", "age"));
        assert!(!contains_term("agency", "age"));
        assert!(!contains_term("manage", "age"));
        assert!(contains_term("Hur gammal är du", "hur gammal"));
        assert!(!contains_term("", "ålder"));
        assert!(!contains_term("x", "*"));
    }
}

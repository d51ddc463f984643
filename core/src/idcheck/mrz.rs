//! Machine-readable zones of passports and ID cards (ICAO Doc 9303, 8th edition, Parts 3–6).
//!
//! [`parse`] reads a TD1 (3 lines × 30, ID cards), TD2 (2 × 36) or TD3 (2 × 44, passports)
//! MRZ as staff type it or a keyboard-wedge scanner sends it, and returns an [`MrzReport`]:
//! every field, every check digit and the composite as a separate [`Check`], and every
//! problem as an [`Issue`] with its 1-based line and column. It never panics, never
//! allocates, and never silently corrects anything: a letter `O` in a date is reported as
//! "probably 0", not read as one.
//!
//! What is accepted as it is: surrounding whitespace; lines separated by `\n`, `\r\n` or `\r`,
//! or not separated at all (90, 72 or 88 characters in a row); lower case (read as upper
//! case). Positions always refer to the lines after this normalisation.
//!
//! Dates have two-digit years, so `today` decides the century:
//!
//! - **date of birth**: the most recent century in which the date is not after `today`;
//! - **date of expiry**: the century that puts the year within `today.year() − 79 ..=
//!   today.year() + 20`. No travel document is issued for more than about ten years, so a
//!   date more than 20 years ahead is read as a past (expired) one: an ambiguous reading
//!   fails safe.
//!
//! A document is valid through its expiry date and [`IssueKind::Expired`] from the day after.
//!
//! ```
//! use rekry_core::date::Date;
//! use rekry_core::idcheck::mrz::{self, CheckField, Format, MrzSex};
//!
//! let today = Date::new(2010, 6, 1).unwrap();
//! let report = mrz::parse(
//!     "P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<\n\
//!      L898902C36UTO7408122F1204159ZE184226B<<<<<10",
//!     today,
//! );
//! assert!(report.is_valid());
//! assert_eq!(report.format, Some(Format::Td3));
//! assert_eq!(report.surname.as_str(), "ERIKSSON");
//! assert_eq!(report.given_names.as_str(), "ANNA MARIA");
//! assert_eq!(report.document_number.as_str(), "L898902C3");
//! assert_eq!(report.date_of_birth, Some(Date::new(1974, 8, 12).unwrap()));
//! assert_eq!(report.date_of_expiry, Some(Date::new(2012, 4, 15).unwrap()));
//! assert_eq!(report.sex, Some(MrzSex::Female));
//! assert_eq!(report.checks.len(), 5);
//! assert!(report.checks.iter().all(|c| c.ok));
//!
//! // A typo in the date of birth fails its check digit and the composite, each reported.
//! let bad = mrz::parse(
//!     "P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<\n\
//!      L898902C36UTO7408132F1204159ZE184226B<<<<<10",
//!     today,
//! );
//! assert!(!bad.is_valid());
//! let failed: Vec<CheckField> = bad.checks.iter().filter(|c| !c.ok).map(|c| c.field).collect();
//! assert_eq!(failed, [CheckField::DateOfBirth, CheckField::Composite]);
//! ```

use core::fmt;

use crate::date::{Date, days_in_month};
use crate::idcheck::documents::{DocumentKind, classify_mrz};
use crate::idcheck::personnummer::{Personnummer, PersonnummerError};
use crate::text::Text;

/// The most issues a report lists; further ones are counted in
/// [`MrzReport::issues_omitted`].
pub const MAX_ISSUES: usize = 24;

/// The MRZ layout (ICAO Doc 9303 Parts 4–6).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub enum Format {
    /// Three lines of 30 characters: ID cards (Part 5).
    Td1,
    /// Two lines of 36 characters: older ID cards (Part 6).
    Td2,
    /// Two lines of 44 characters: passports (Part 4).
    Td3,
}

impl Format {
    /// Number of lines.
    pub const fn lines(self) -> usize {
        match self {
            Format::Td1 => 3,
            Format::Td2 | Format::Td3 => 2,
        }
    }

    /// Characters per line.
    pub const fn line_len(self) -> usize {
        match self {
            Format::Td1 => 30,
            Format::Td2 => 36,
            Format::Td3 => 44,
        }
    }

    /// Field layout: (line, first column, length), 0-based.
    const fn layout(self) -> Layout {
        match self {
            Format::Td3 => Layout {
                names: (0, 5, 39),
                number: (1, 0, 9),
                number_cd: (1, 9),
                nationality: (1, 10),
                birth: (1, 13),
                birth_cd: (1, 19),
                sex: (1, 20),
                expiry: (1, 21),
                expiry_cd: (1, 27),
                optional: (1, 28, 14),
                optional_cd: Some((1, 42)),
                optional2: None,
                composite: (1, 43),
            },
            Format::Td2 => Layout {
                names: (0, 5, 31),
                number: (1, 0, 9),
                number_cd: (1, 9),
                nationality: (1, 10),
                birth: (1, 13),
                birth_cd: (1, 19),
                sex: (1, 20),
                expiry: (1, 21),
                expiry_cd: (1, 27),
                optional: (1, 28, 7),
                optional_cd: None,
                optional2: None,
                composite: (1, 35),
            },
            Format::Td1 => Layout {
                names: (2, 0, 30),
                number: (0, 5, 9),
                number_cd: (0, 14),
                nationality: (1, 15),
                birth: (1, 0),
                birth_cd: (1, 6),
                sex: (1, 7),
                expiry: (1, 8),
                expiry_cd: (1, 14),
                optional: (0, 15, 15),
                optional_cd: None,
                optional2: Some((1, 18, 11)),
                composite: (1, 29),
            },
        }
    }
}

impl fmt::Display for Format {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Format::Td1 => "TD1",
            Format::Td2 => "TD2",
            Format::Td3 => "TD3",
        })
    }
}

/// Where each field sits; (line, column[, length]), 0-based.
struct Layout {
    names: (usize, usize, usize),
    number: (usize, usize, usize),
    number_cd: (usize, usize),
    nationality: (usize, usize),
    birth: (usize, usize),
    birth_cd: (usize, usize),
    sex: (usize, usize),
    expiry: (usize, usize),
    expiry_cd: (usize, usize),
    optional: (usize, usize, usize),
    optional_cd: Option<(usize, usize)>,
    optional2: Option<(usize, usize, usize)>,
    composite: (usize, usize),
}

/// Sex as the MRZ records it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub enum MrzSex {
    /// `F`.
    Female,
    /// `M`.
    Male,
    /// `<` or `X`: unspecified.
    Unspecified,
}

/// The field a check digit protects.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub enum CheckField {
    /// The document number (including a TD1/TD2 continuation in the optional data).
    DocumentNumber,
    /// The date of birth.
    DateOfBirth,
    /// The date of expiry.
    DateOfExpiry,
    /// The personal number / optional data (TD3 only).
    OptionalData,
    /// The composite check over document number, dates and optional data.
    Composite,
}

impl CheckField {
    /// The field's name in Swedish and English.
    pub const fn text(self) -> Text {
        match self {
            CheckField::DocumentNumber => Text::new("dokumentnummer", "document number"),
            CheckField::DateOfBirth => Text::new("födelsedatum", "date of birth"),
            CheckField::DateOfExpiry => Text::new("giltighetstid", "date of expiry"),
            CheckField::OptionalData => Text::new("valfria uppgifter", "optional data"),
            CheckField::Composite => Text::new("sammanlagd kontroll", "composite"),
        }
    }
}

impl fmt::Display for CheckField {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.text().en)
    }
}

/// An MRZ field, for positions of issues.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub enum Field {
    /// Document code (`P`, `I`, `A`, `C` …).
    DocumentCode,
    /// Issuing state or organisation.
    IssuingState,
    /// Document number.
    DocumentNumber,
    /// Optional data.
    OptionalData,
    /// Date of birth.
    DateOfBirth,
    /// Sex.
    Sex,
    /// Date of expiry.
    DateOfExpiry,
    /// Nationality.
    Nationality,
    /// Surname and given names.
    Names,
    /// A check digit.
    CheckDigit(CheckField),
}

impl fmt::Display for Field {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Field::DocumentCode => f.write_str("document code"),
            Field::IssuingState => f.write_str("issuing state"),
            Field::DocumentNumber => f.write_str("document number"),
            Field::OptionalData => f.write_str("optional data"),
            Field::DateOfBirth => f.write_str("date of birth"),
            Field::Sex => f.write_str("sex"),
            Field::DateOfExpiry => f.write_str("date of expiry"),
            Field::Nationality => f.write_str("nationality"),
            Field::Names => f.write_str("names"),
            Field::CheckDigit(c) => write!(f, "{c} check digit"),
        }
    }
}

/// One check digit and whether it matched.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct Check {
    /// What the check digit protects.
    pub field: CheckField,
    /// 1-based line of the check digit.
    pub line: u8,
    /// 1-based column of the check digit.
    pub column: u8,
    /// The check digit the field's characters call for.
    pub expected: u8,
    /// The character in the check-digit position.
    pub found: char,
    /// Whether it matched. Always false when the protected characters or the check digit
    /// itself hold an illegal character, since the check then cannot be verified.
    pub ok: bool,
}

/// What is wrong, for one [`Issue`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub enum IssueKind {
    /// Nothing but whitespace.
    Empty,
    /// Not 2 or 3 lines.
    LineCount {
        /// Non-empty lines found (saturating at 255).
        found: u8,
    },
    /// A line of the wrong length for the format the line count implies.
    LineLength {
        /// The length the format needs.
        expected: u8,
        /// The length found, in characters (saturating).
        found: u16,
    },
    /// Text without line breaks whose length is not 90, 72 or 88.
    UnbrokenLength {
        /// The length found, in characters (saturating).
        found: u16,
    },
    /// A character outside `A`–`Z`, `0`–`9` and `<` (lower case is accepted).
    IllegalCharacter {
        /// The character found.
        found: char,
    },
    /// A letter in a numeric field that OCR or a typist often confuses with a digit.
    ProbableDigit {
        /// The field.
        field: Field,
        /// The letter found.
        found: char,
        /// The digit it probably is.
        probably: char,
    },
    /// A letter or filler in a numeric field.
    NotDigit {
        /// The field.
        field: Field,
        /// The character found.
        found: char,
    },
    /// A digit in a letters-only field that OCR or a typist often confuses with a letter.
    ProbableLetter {
        /// The field.
        field: Field,
        /// The digit found.
        found: char,
        /// The letter it probably is.
        probably: char,
    },
    /// A digit in a letters-only field.
    NotLetter {
        /// The field.
        field: Field,
        /// The digit found.
        found: char,
    },
    /// A document code that does not fit the format (TD3: `P`; TD1 and TD2: `A`, `C`, `I`).
    DocumentCode {
        /// The first character of the code.
        found: char,
        /// The format.
        format: Format,
    },
    /// A month outside 01–12.
    Month {
        /// Date of birth or expiry.
        field: Field,
        /// The month found.
        month: u8,
    },
    /// A day that does not exist in that month and year.
    Day {
        /// Date of birth or expiry.
        field: Field,
        /// The date's year as resolved.
        year: u16,
        /// The month.
        month: u8,
        /// The day found.
        day: u8,
    },
    /// A sex other than `F`, `M`, `X` or `<`.
    Sex {
        /// The character found.
        found: char,
    },
    /// A check digit that does not match (the same check is in [`MrzReport::checks`]).
    CheckDigit {
        /// The field it protects.
        field: CheckField,
        /// The digit the data calls for.
        expected: u8,
        /// The character found.
        found: char,
    },
    /// The document number continues in the optional data (its own check position holds
    /// `<`) but the continuation has no check digit.
    DocumentNumberContinuation,
    /// The names field starts with a filler: no surname.
    NameMissing,
    /// The document expired before `today`.
    Expired {
        /// The date of expiry.
        expiry: Date,
    },
    /// A Swedish ID card whose optional data holds an invalid personnummer.
    Personnummer(PersonnummerError),
}

/// A problem that makes the MRZ fail, with its position.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct Issue {
    /// 1-based line; 0 when the issue concerns the whole text.
    pub line: u8,
    /// 1-based column; 0 when the issue concerns a whole line or the whole text.
    pub column: u8,
    /// What is wrong.
    pub kind: IssueKind,
}

impl IssueKind {
    /// A short message for staff screens, in Swedish and English (details such as the
    /// characters found are in [`Display`](fmt::Display)).
    pub const fn text(&self) -> Text {
        match self {
            IssueKind::Empty => Text::new("Ingen MRZ angiven.", "No MRZ given."),
            IssueKind::LineCount { .. } => Text::new(
                "Fel antal rader: en MRZ har 2 eller 3 rader.",
                "Wrong number of lines: an MRZ has 2 or 3 lines.",
            ),
            IssueKind::LineLength { .. } => Text::new("Fel radlängd.", "Wrong line length."),
            IssueKind::UnbrokenLength { .. } => Text::new(
                "Fel längd: utan radbrytningar ska en MRZ ha 90, 72 eller 88 tecken.",
                "Wrong length: without line breaks an MRZ has 90, 72 or 88 characters.",
            ),
            IssueKind::IllegalCharacter { .. } => Text::new(
                "Otillåtet tecken: bara A–Z, 0–9 och < förekommer.",
                "Illegal character: only A–Z, 0–9 and < occur.",
            ),
            IssueKind::ProbableDigit { .. } => Text::new(
                "Bokstav i ett sifferfält, troligen en felläst siffra.",
                "Letter in a numeric field, probably a misread digit.",
            ),
            IssueKind::NotDigit { .. } => {
                Text::new("Sifferfältet innehåller annat än siffror.", "Numeric field holds a non-digit.")
            }
            IssueKind::ProbableLetter { .. } => Text::new(
                "Siffra i ett bokstavsfält, troligen en felläst bokstav.",
                "Digit in a letters-only field, probably a misread letter.",
            ),
            IssueKind::NotLetter { .. } => Text::new("Siffra i ett bokstavsfält.", "Digit in a letters-only field."),
            IssueKind::DocumentCode { .. } => {
                Text::new("Dokumentkoden passar inte formatet.", "The document code does not fit the format.")
            }
            IssueKind::Month { .. } => Text::new("Ogiltig månad.", "Invalid month."),
            IssueKind::Day { .. } => Text::new(
                "Ogiltig dag: dagen finns inte i den månaden.",
                "Invalid day: that day does not exist in that month.",
            ),
            IssueKind::Sex { .. } => Text::new("Ogiltigt kön.", "Invalid sex."),
            IssueKind::CheckDigit { .. } => Text::new(
                "Kontrollsiffran stämmer inte: felskrivet eller förfalskat.",
                "Check digit does not match: mistyped or forged.",
            ),
            IssueKind::DocumentNumberContinuation => Text::new(
                "Det långa dokumentnumret saknar kontrollsiffra.",
                "The long document number has no check digit.",
            ),
            IssueKind::NameMissing => Text::new("Efternamn saknas.", "Surname missing."),
            IssueKind::Expired { .. } => Text::new("Handlingen har gått ut.", "The document has expired."),
            IssueKind::Personnummer(e) => e.text(),
        }
    }
}

impl fmt::Display for IssueKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match *self {
            IssueKind::Empty => f.write_str("no MRZ given"),
            IssueKind::LineCount { found } => {
                write!(f, "{found} lines: an MRZ has 2 (TD2, TD3) or 3 (TD1) lines")
            }
            IssueKind::LineLength { expected, found } => {
                write!(f, "line has {found} characters, expected {expected}")
            }
            IssueKind::UnbrokenLength { found } => {
                write!(f, "{found} characters without line breaks: expected 90 (TD1), 72 (TD2) or 88 (TD3)")
            }
            IssueKind::IllegalCharacter { found } => {
                write!(f, "illegal character {found:?}: only A-Z, 0-9 and < occur")
            }
            IssueKind::ProbableDigit { field, found, probably } => {
                write!(f, "letter {found:?} in {field}: probably {probably:?}")
            }
            IssueKind::NotDigit { field, found } => {
                write!(f, "{found:?} in {field}: expected a digit")
            }
            IssueKind::ProbableLetter { field, found, probably } => {
                write!(f, "digit {found:?} in {field}: probably {probably:?}")
            }
            IssueKind::NotLetter { field, found } => {
                write!(f, "digit {found:?} in {field}: expected a letter or <")
            }
            IssueKind::DocumentCode { found, format } => {
                let want = if matches!(format, Format::Td3) { "P" } else { "A, C or I" };
                write!(f, "document code {found:?} does not fit {format}: expected {want}")
            }
            IssueKind::Month { field, month } => {
                write!(f, "{field}: month {month:02} is not 01-12")
            }
            IssueKind::Day { field, year, month, day } => {
                write!(f, "{field}: day {day:02} does not exist in {year:04}-{month:02}")
            }
            IssueKind::Sex { found } => write!(f, "sex {found:?}: expected F, M, X or <"),
            IssueKind::CheckDigit { field, expected, found } => {
                write!(f, "{field} check digit is {found:?}, expected {expected}")
            }
            IssueKind::DocumentNumberContinuation => {
                f.write_str("document number continues in the optional data but has no check digit there")
            }
            IssueKind::NameMissing => f.write_str("names field starts with <: no surname"),
            IssueKind::Expired { expiry } => write!(f, "document expired on {expiry}"),
            IssueKind::Personnummer(e) => write!(f, "personnummer in optional data: {e}"),
        }
    }
}

impl fmt::Display for Issue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (self.line, self.column) {
            (0, _) => write!(f, "{}", self.kind),
            (l, 0) => write!(f, "line {l}: {}", self.kind),
            (l, c) => write!(f, "line {l}, column {c}: {}", self.kind),
        }
    }
}

/// Something staff should look at that does not make the MRZ fail.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub enum Warning {
    /// A Swedish ID card's personnummer gives a different date than the MRZ date of birth.
    /// Skatteverket sometimes assigns a nearby day when a date's numbers run out, so this is
    /// for staff to look at, not a failure.
    PersonnummerDateDiffers {
        /// The date the personnummer gives.
        personnummer: Date,
        /// The MRZ date of birth.
        mrz: Date,
    },
    /// A Swedish ID card with no personnummer in its optional data.
    PersonnummerMissing,
    /// The date of birth is wholly or partly unknown (filled with `<`), as ICAO allows.
    BirthDateUnknown,
    /// The names fill the whole field: they may have been truncated.
    NamesMayBeTruncated,
}

impl Warning {
    /// A short message for staff screens, in Swedish and English.
    pub const fn text(&self) -> Text {
        match self {
            Warning::PersonnummerDateDiffers { .. } => Text::new(
                "Personnumrets datum skiljer sig från födelsedatumet i MRZ; kontrollera.",
                "The personnummer's date differs from the MRZ date of birth; please check.",
            ),
            Warning::PersonnummerMissing => Text::new(
                "Svenskt id-kort utan personnummer i MRZ.",
                "Swedish ID card without a personnummer in the MRZ.",
            ),
            Warning::BirthDateUnknown => Text::new(
                "Födelsedatumet är helt eller delvis okänt.",
                "The date of birth is wholly or partly unknown.",
            ),
            Warning::NamesMayBeTruncated => Text::new(
                "Namnen fyller hela fältet och kan vara avkortade.",
                "The names fill the whole field and may be truncated.",
            ),
        }
    }
}

impl fmt::Display for Warning {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match *self {
            Warning::PersonnummerDateDiffers { personnummer, mrz } => {
                write!(f, "personnummer date {personnummer} differs from MRZ date of birth {mrz}")
            }
            _ => f.write_str(self.text().en),
        }
    }
}

/// Everything [`parse`] found: fields, checks, issues and warnings.
///
/// Fields are empty or `None` when the structure (line count and lengths) is wrong. Text
/// fields are copied out of the input, upper case, with trailing fillers removed; in names
/// `<` becomes a space.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct MrzReport {
    /// The layout, when the line count and lengths fit one.
    pub format: Option<Format>,
    /// Document code, for example `P`, `I`, `ID`.
    pub document_code: heapless::String<2>,
    /// Issuing state or organisation (ISO 3166-1 alpha-3 or an ICAO code such as `D` for
    /// Germany, fillers removed).
    pub issuing_state: heapless::String<3>,
    /// Document number, including a TD1/TD2 continuation from the optional data.
    pub document_number: heapless::String<24>,
    /// Optional data (TD3: personal number; TD1: line 1 positions 16–30, minus a document
    /// number continuation).
    pub optional_data: heapless::String<15>,
    /// TD1 only: the optional data of line 2 (positions 19–29).
    pub optional_data_2: heapless::String<11>,
    /// Date of birth, when readable and known.
    pub date_of_birth: Option<Date>,
    /// Sex, when readable.
    pub sex: Option<MrzSex>,
    /// Date of expiry, when readable.
    pub date_of_expiry: Option<Date>,
    /// Whether the document expired before `today` (`None` when the expiry is unreadable).
    pub expired: Option<bool>,
    /// Nationality (fillers removed).
    pub nationality: heapless::String<3>,
    /// Primary identifier (surname), `<` read as space.
    pub surname: heapless::String<39>,
    /// Secondary identifier (given names), `<` read as space.
    pub given_names: heapless::String<39>,
    /// Swedish ID cards (`I` + `SWE`, TD1): the personnummer in the optional data, if valid.
    pub personnummer: Option<Personnummer>,
    /// Every check digit and the composite, in MRZ order.
    pub checks: heapless::Vec<Check, 5>,
    /// Every problem that makes the MRZ fail (up to [`MAX_ISSUES`]).
    pub issues: heapless::Vec<Issue, MAX_ISSUES>,
    /// Problems beyond [`MAX_ISSUES`] that were not listed.
    pub issues_omitted: u16,
    /// Things for staff to look at that do not fail the MRZ.
    pub warnings: heapless::Vec<Warning, 4>,
}

impl MrzReport {
    fn empty() -> MrzReport {
        MrzReport {
            format: None,
            document_code: heapless::String::new(),
            issuing_state: heapless::String::new(),
            document_number: heapless::String::new(),
            optional_data: heapless::String::new(),
            optional_data_2: heapless::String::new(),
            date_of_birth: None,
            sex: None,
            date_of_expiry: None,
            expired: None,
            nationality: heapless::String::new(),
            surname: heapless::String::new(),
            given_names: heapless::String::new(),
            personnummer: None,
            checks: heapless::Vec::new(),
            issues: heapless::Vec::new(),
            issues_omitted: 0,
            warnings: heapless::Vec::new(),
        }
    }

    /// Whether the MRZ is well formed, every check digit matched and the document has not
    /// expired: no issues at all. Warnings do not count.
    pub fn is_valid(&self) -> bool {
        self.format.is_some() && self.issues.is_empty() && self.issues_omitted == 0
    }

    /// Whether the structure was readable and every check digit and the composite matched
    /// (whatever else is wrong, such as expiry).
    pub fn checks_passed(&self) -> bool {
        self.format.is_some() && !self.checks.is_empty() && self.checks.iter().all(|c| c.ok)
    }

    /// Whether the document expired before the `today` given to [`parse`].
    pub fn is_expired(&self) -> bool {
        self.expired == Some(true)
    }

    /// The check of `field`, if the report has one.
    pub fn check(&self, field: CheckField) -> Option<&Check> {
        self.checks.iter().find(|c| c.field == field)
    }

    /// The document code and issuing state, the key to the document catalogue.
    pub fn document_key(&self) -> (&str, &str) {
        (self.document_code.as_str(), self.issuing_state.as_str())
    }

    /// The catalogue's kind of document for the document code and issuing state (for
    /// example `P` + `SWE`: a Swedish passport), or `None` when the catalogue does not know it
    /// or the structure was unreadable. See [`classify_mrz`].
    pub fn document_kind(&self) -> Option<DocumentKind> {
        self.format?;
        classify_mrz(self.document_code.as_str(), self.issuing_state.as_str())
    }

    fn push_issue(&mut self, line: usize, column: usize, kind: IssueKind) {
        let issue = Issue { line: to_u8(line), column: to_u8(column), kind };
        if self.issues.push(issue).is_err() {
            self.issues_omitted = self.issues_omitted.saturating_add(1);
        }
    }

    fn warn(&mut self, w: Warning) {
        if !self.warnings.contains(&w) {
            // Each warning kind occurs at most once and there are four kinds.
            let _ = self.warnings.push(w);
        }
    }
}

fn to_u8(n: usize) -> u8 {
    u8::try_from(n).unwrap_or(u8::MAX)
}

fn to_u16(n: usize) -> u16 {
    u16::try_from(n).unwrap_or(u16::MAX)
}

/// The value of an MRZ character in a check-digit computation: digits 0–9, `A`–`Z` 10–35,
/// `<` 0; `None` for anything else.
pub const fn char_value(c: u8) -> Option<u8> {
    match c {
        b'0'..=b'9' => Some(c - b'0'),
        b'A'..=b'Z' => Some(c - b'A' + 10),
        b'<' => Some(0),
        _ => None,
    }
}

/// The ICAO 9303 check digit of `data` (weights 7, 3, 1 repeating; `<` = 0, `A`–`Z` =
/// 10–35), or `None` when `data` holds a character outside `0`–`9`, `A`–`Z`, `<`.
///
/// ```
/// use rekry_core::idcheck::mrz::check_digit;
/// assert_eq!(check_digit(b"L898902C3"), Some(6));
/// assert_eq!(check_digit(b"740812"), Some(2));
/// assert_eq!(check_digit(b"74-812"), None);
/// ```
pub fn check_digit(data: &[u8]) -> Option<u8> {
    let mut acc = CheckAcc::default();
    acc.feed(data);
    acc.finish()
}

/// A running check-digit computation, so a composite can be fed several segments.
#[derive(Default)]
struct CheckAcc {
    sum: u32,
    index: usize,
    illegal: bool,
    /// Whether the data is known to hold only MRZ-alphabet bytes, so the per-byte legality
    /// test can be skipped.
    known_legal: bool,
}

impl CheckAcc {
    fn feed(&mut self, data: &[u8]) {
        // MRZ fields are at most 44 characters, one chunk; longer data (the public
        // `check_digit`) is taken 45 at a time, which keeps the weight phase and the sum
        // (reduced mod 10 per chunk) from overflowing.
        for chunk in data.chunks(45) {
            let weights = WEIGHTS.get(self.index % 3..).unwrap_or(&[]);
            let sum: u32 = chunk.iter().zip(weights).map(|(&c, &w)| u32::from(VALUE[usize::from(c)]) * w).sum();
            self.sum = (self.sum + sum) % 10;
            if !self.known_legal {
                self.illegal |= !all_in(chunk, DIGIT | UPPER | FILLER);
            }
            self.index += chunk.len();
        }
    }

    fn finish(&self) -> Option<u8> {
        if self.illegal { None } else { Some((self.sum % 10) as u8) }
    }
}

/// A letter that OCR or a typist confuses with a digit, and that digit.
const fn probable_digit(c: u8) -> Option<u8> {
    match c {
        b'O' => Some(b'0'),
        b'I' => Some(b'1'),
        b'B' => Some(b'8'),
        b'S' => Some(b'5'),
        b'Z' => Some(b'2'),
        _ => None,
    }
}

/// A digit that OCR or a typist confuses with a letter, and that letter.
const fn probable_letter(c: u8) -> Option<u8> {
    match c {
        b'0' => Some(b'O'),
        b'1' => Some(b'I'),
        b'8' => Some(b'B'),
        b'5' => Some(b'S'),
        b'2' => Some(b'Z'),
        _ => None,
    }
}

const fn is_legal(c: u8) -> bool {
    c.is_ascii_uppercase() || c.is_ascii_digit() || c == b'<'
}

const DIGIT: u8 = 1;
const UPPER: u8 = 2;
const FILLER: u8 = 4;

/// The class bits of a byte: [`DIGIT`], [`UPPER`], [`FILLER`] or 0 for anything else.
/// Branch-free, so the loops below over whole fields vectorise.
#[inline(always)]
const fn class_of(c: u8) -> u8 {
    let digit = (c.wrapping_sub(b'0') < 10) as u8;
    let upper = (c.wrapping_sub(b'A') < 26) as u8;
    let filler = (c == b'<') as u8;
    (digit * DIGIT) | (upper * UPPER) | (filler * FILLER)
}

/// [`class_of`] for every byte: one load per character in the hot loops.
const CLASS: [u8; 256] = {
    let mut t = [0u8; 256];
    let mut i = 0;
    while i < 256 {
        t[i] = class_of(i as u8);
        i += 1;
    }
    t
};

/// Check-digit values by byte (0 for bytes outside the MRZ alphabet, which callers track
/// separately): one load per character in the weighted sums.
const VALUE: [u8; 256] = {
    let mut t = [0u8; 256];
    let mut i = 0;
    while i < 256 {
        if let Some(v) = char_value(i as u8) {
            t[i] = v;
        }
        i += 1;
    }
    t
};

/// Whether every byte of `data` is in one of the `allowed` classes (no early exit: fields
/// are short and almost always good).
#[inline]
fn all_in(data: &[u8], allowed: u8) -> bool {
    data.iter().fold(true, |ok, &c| ok & (CLASS[usize::from(c)] & allowed != 0))
}

/// Weights 7, 3, 1 repeated, long enough for any field at any phase.
const WEIGHTS: [u32; 48] = {
    let mut t = [0u32; 48];
    let mut i = 0;
    while i < 48 {
        t[i] = [7, 3, 1][i % 3];
        i += 1;
    }
    t
};

/// Marks a non-ASCII character in the normalised line buffer (never a legal MRZ byte).
const NON_ASCII: u8 = 0x80;

/// The normalised lines: upper case, one byte per input character.
struct Lines {
    buf: [[u8; 44]; 3],
    count: usize,
    width: usize,
    /// Whether any character is outside `A`–`Z`, `0`–`9`, `<` (rare: lets the hot path skip
    /// the per-character reporting).
    has_illegal: bool,
    /// Non-ASCII characters by (line, column), to report them as typed. A handful is
    /// plenty; any beyond are reported as U+FFFD.
    non_ascii: heapless::Vec<(u8, u8, char), 4>,
}

impl Lines {
    fn line(&self, i: usize) -> &[u8] {
        match self.buf.get(i) {
            Some(l) => l.get(..self.width).unwrap_or(l),
            None => &[],
        }
    }

    fn at(&self, line: usize, col: usize) -> u8 {
        self.line(line).get(col).copied().unwrap_or(b'<')
    }

    fn slice(&self, line: usize, col: usize, len: usize) -> &[u8] {
        self.line(line).get(col..col + len).unwrap_or(&[])
    }

    fn original_char(&self, line: usize, col: usize, c: u8) -> char {
        if c == NON_ASCII {
            self.non_ascii
                .iter()
                .find(|&&(l, k, _)| usize::from(l) == line && usize::from(k) == col)
                .map_or(char::REPLACEMENT_CHARACTER, |&(_, _, ch)| ch)
        } else {
            char::from(c)
        }
    }

    fn fill_ascii(&mut self, line: usize, src: &[u8]) {
        if let Some(dst) = self.buf.get_mut(line).and_then(|l| l.get_mut(..src.len())) {
            dst.copy_from_slice(src);
            dst.make_ascii_uppercase();
            self.has_illegal |= !all_in(dst, DIGIT | UPPER | FILLER);
        }
    }

    fn put(&mut self, line: usize, col: usize, ch: char) {
        let b = if ch.is_ascii() {
            (ch as u8).to_ascii_uppercase()
        } else {
            let _ = self.non_ascii.push((to_u8(line), to_u8(col), ch));
            NON_ASCII
        };
        self.has_illegal |= class_of(b) == 0;
        if let Some(slot) = self.buf.get_mut(line).and_then(|l| l.get_mut(col)) {
            *slot = b;
        }
    }

    fn fill(&mut self, line: usize, s: &str) {
        if s.is_ascii() {
            // Fast path for every real MRZ.
            self.fill_ascii(line, s.as_bytes());
        } else {
            for (col, ch) in s.chars().enumerate() {
                self.put(line, col, ch);
            }
        }
    }
}

/// Trims whitespace; Unicode whitespace is looked for only in non-ASCII text.
fn trim(s: &str) -> &str {
    let t = s.trim_ascii();
    if t.is_ascii() { t } else { t.trim() }
}

fn char_len(s: &str) -> usize {
    if s.is_ascii() { s.len() } else { s.chars().count() }
}

/// Splits and normalises the input, checking line count and lengths. `None` when the
/// structure is wrong (the issues are in `report`).
fn structure(text: &str, report: &mut MrzReport, lines: &mut Lines) -> Option<Format> {
    if let Some(found) = fast_structure(text.trim_ascii(), lines) {
        return Some(found);
    }
    lines.has_illegal = false;
    let text = trim(text);
    if text.is_empty() {
        report.push_issue(0, 0, IssueKind::Empty);
        return None;
    }
    // Split at `\n` and `\r` bytes: they never occur inside a multi-byte UTF-8 sequence, so
    // every cut is a char boundary, and a byte scan is much faster than decoding chars.
    let mut raw: [&str; 3] = [""; 3];
    let mut count = 0usize;
    let mut rest = text;
    loop {
        let cut = rest.as_bytes().iter().position(|&b| b == b'\n' || b == b'\r');
        let (l, next) = match cut {
            Some(i) => (rest.get(..i).unwrap_or(""), rest.get(i + 1..).unwrap_or("")),
            None => (rest, ""),
        };
        let l = trim(l);
        if !l.is_empty() {
            if let Some(slot) = raw.get_mut(count) {
                *slot = l;
            }
            count += 1;
        }
        if cut.is_none() {
            break;
        }
        rest = next;
    }
    if count == 1 {
        let n = char_len(text);
        let format = match n {
            90 => Format::Td1,
            72 => Format::Td2,
            88 => Format::Td3,
            _ => {
                report.push_issue(0, 0, IssueKind::UnbrokenLength { found: to_u16(n) });
                return None;
            }
        };
        let w = format.line_len();
        lines.count = format.lines();
        lines.width = w;
        if text.is_ascii() {
            for (i, chunk) in text.as_bytes().chunks(w).enumerate() {
                lines.fill_ascii(i, chunk);
            }
        } else {
            for (i, ch) in text.chars().enumerate() {
                lines.put(i / w, i % w, ch);
            }
        }
        return Some(format);
    }
    let format = match count {
        3 => Format::Td1,
        2 => {
            let longest = raw.iter().map(|l| char_len(l)).max().unwrap_or(0);
            if longest >= 40 { Format::Td3 } else { Format::Td2 }
        }
        _ => {
            report.push_issue(0, 0, IssueKind::LineCount { found: to_u8(count) });
            return None;
        }
    };
    let w = format.line_len();
    let mut ok = true;
    for (i, l) in raw.iter().take(count).enumerate() {
        let n = char_len(l);
        if n != w {
            ok = false;
            report.push_issue(i + 1, 0, IssueKind::LineLength { expected: to_u8(w), found: to_u16(n) });
        }
    }
    if !ok {
        return None;
    }
    lines.count = count;
    lines.width = w;
    for (i, l) in raw.iter().take(count).enumerate() {
        lines.fill(i, l);
    }
    Some(format)
}

/// The common case in one pass: ASCII text in exactly one layout with lines separated by
/// `\n`, `\r\n`, `\r` or nothing, every character legal. `None` for anything else, which the
/// general path then splits, normalises and reports on.
fn fast_structure(t: &str, lines: &mut Lines) -> Option<Format> {
    let b = t.as_bytes();
    for format in [Format::Td3, Format::Td1, Format::Td2] {
        let (w, n) = (format.line_len(), format.lines());
        for sep in [&b"\n"[..], b"\r\n", b"", b"\r"] {
            if b.len() != n * w + (n - 1) * sep.len() {
                continue;
            }
            // Every byte of the `n` lines' first `w` columns is overwritten below.
            lines.count = n;
            lines.width = w;
            lines.has_illegal = false;
            let mut ok = true;
            for i in 0..n {
                let start = i * (w + sep.len());
                let (Some(line), Some(after)) = (b.get(start..start + w), b.get(start + w..)) else {
                    ok = false;
                    break;
                };
                if i + 1 < n && !after.starts_with(sep) {
                    ok = false;
                    break;
                }
                lines.fill_ascii(i, line);
            }
            if ok && !lines.has_illegal {
                return Some(format);
            }
        }
    }
    None
}

/// Parses and validates an MRZ; see the [module docs](self). Never panics.
pub fn parse(text: &str, today: Date) -> MrzReport {
    let mut report = MrzReport::empty();
    let mut lines =
        Lines { buf: [[b'<'; 44]; 3], count: 0, width: 0, has_illegal: false, non_ascii: heapless::Vec::new() };
    let Some(format) = structure(text, &mut report, &mut lines) else {
        return report;
    };
    report.format = Some(format);
    Parser { lines: &lines, report: &mut report, today }.run(format);
    report
}

struct Parser<'a> {
    lines: &'a Lines,
    report: &'a mut MrzReport,
    today: Date,
}

/// How a character class is judged in a field.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Class {
    /// Digits only (`<` allowed when `filler` is set).
    Numeric { filler: bool },
    /// Letters and `<` only.
    Alpha,
    /// Letters, digits and `<`.
    Alnum,
}

impl Parser<'_> {
    fn issue(&mut self, line: usize, col: usize, kind: IssueKind) {
        self.report.push_issue(line + 1, col + 1, kind);
    }

    /// Reports characters that do not belong in a field. Illegal characters were already
    /// reported by the structural pass and are skipped here. Returns whether every
    /// character was of the right class.
    fn classify(&mut self, field: Field, line: usize, col: usize, len: usize, class: Class) -> bool {
        if class == Class::Alnum && !self.lines.has_illegal {
            return true;
        }
        let data = self.lines.slice(line, col, len);
        let allowed = match class {
            Class::Numeric { filler: false } => DIGIT,
            Class::Numeric { filler: true } => DIGIT | FILLER,
            Class::Alpha => UPPER | FILLER,
            Class::Alnum => DIGIT | UPPER | FILLER,
        };
        // Fast path: every character of the right class, as in every good MRZ.
        if all_in(data, allowed) {
            return true;
        }
        let mut ok = true;
        for (i, &c) in data.iter().enumerate() {
            if !is_legal(c) {
                ok = false;
                continue;
            }
            let kind = match class {
                Class::Alnum => None,
                Class::Numeric { filler } => {
                    if c.is_ascii_digit() || (filler && c == b'<') {
                        None
                    } else if let Some(d) = probable_digit(c) {
                        Some(IssueKind::ProbableDigit { field, found: char::from(c), probably: char::from(d) })
                    } else {
                        Some(IssueKind::NotDigit { field, found: char::from(c) })
                    }
                }
                Class::Alpha => {
                    if !c.is_ascii_digit() {
                        None
                    } else if let Some(l) = probable_letter(c) {
                        Some(IssueKind::ProbableLetter { field, found: char::from(c), probably: char::from(l) })
                    } else {
                        Some(IssueKind::NotLetter { field, found: char::from(c) })
                    }
                }
            };
            if let Some(kind) = kind {
                ok = false;
                self.issue(line, col + i, kind);
            }
        }
        ok
    }

    fn run(&mut self, format: Format) {
        let lines = self.lines;
        // Illegal characters anywhere, once.
        for line in 0..if lines.has_illegal { lines.count } else { 0 } {
            for (col, &c) in lines.line(line).iter().enumerate() {
                if !is_legal(c) {
                    let found = lines.original_char(line, col, c);
                    self.issue(line, col, IssueKind::IllegalCharacter { found });
                }
            }
        }
        let lay = format.layout();

        // Document code and issuing state: line 1, columns 1–5 in every format.
        self.classify(Field::DocumentCode, 0, 0, 2, Class::Alpha);
        let code = lines.slice(0, 0, 2);
        copy_trimmed(code, &mut self.report.document_code);
        let first = lines.at(0, 0);
        let code_ok = match format {
            Format::Td3 => first == b'P',
            Format::Td1 | Format::Td2 => matches!(first, b'A' | b'C' | b'I'),
        };
        if !code_ok && is_legal(first) {
            self.issue(0, 0, IssueKind::DocumentCode { found: char::from(first), format });
        }
        self.classify(Field::IssuingState, 0, 2, 3, Class::Alpha);
        copy_trimmed(lines.slice(0, 2, 3), &mut self.report.issuing_state);

        // Document number, with the long-number continuation of TD1 and TD2 (Doc 9303
        // Parts 5 and 6, §4.2.2, the notes on document numbers of more than nine characters):
        // when the number has more than nine characters,
        // its check-digit position holds `<`, the remaining characters start the optional
        // data and are followed by the check digit.
        let (nl, nc, nlen) = lay.number;
        self.classify(Field::DocumentNumber, nl, nc, nlen, Class::Alnum);
        let number = lines.slice(nl, nc, nlen);
        let (ol, oc, olen) = lay.optional;
        let optional = lines.slice(ol, oc, olen);
        let mut number_check_at = lay.number_cd;
        let mut continuation: &[u8] = &[];
        let mut optional_rest = optional;
        let long = format != Format::Td3
            && lines.at(lay.number_cd.0, lay.number_cd.1) == b'<'
            && number.last().is_some_and(|&c| c != b'<');
        if long {
            let k = optional.iter().position(|&c| c == b'<').unwrap_or(optional.len());
            if k == 0 {
                self.issue(nl, lay.number_cd.1, IssueKind::DocumentNumberContinuation);
            } else {
                continuation = optional.get(..k - 1).unwrap_or(&[]);
                number_check_at = (ol, oc + k - 1);
                optional_rest = optional.get(k..).unwrap_or(&[]);
            }
        }
        for &c in trim_fillers(number).iter().chain(continuation) {
            let _ = self.report.document_number.push(char::from(c));
        }
        if long && number_check_at == lay.number_cd {
            // Already reported as a missing continuation check digit; the check fails.
            let expected = check_digit(number).unwrap_or(0);
            self.push_check(CheckField::DocumentNumber, number_check_at, expected, '<', false);
        } else {
            self.check_field(CheckField::DocumentNumber, &[number, continuation], number_check_at);
        }

        if format == Format::Td1 {
            // The optional data of line 1 continues the number; line 2 has its own.
            copy_trimmed(trim_leading_fillers(optional_rest), &mut self.report.optional_data);
            self.classify(Field::OptionalData, ol, oc, olen, Class::Alnum);
        }

        // Date of birth.
        let (bl, bc) = lay.birth;
        if self.classify(Field::DateOfBirth, bl, bc, 6, Class::Numeric { filler: true }) {
            let raw = lines.slice(bl, bc, 6);
            if raw.contains(&b'<') {
                self.report.warn(Warning::BirthDateUnknown);
            } else {
                self.report.date_of_birth = self.date(Field::DateOfBirth, bl, bc);
            }
        }
        self.check_field(CheckField::DateOfBirth, &[lines.slice(bl, bc, 6)], lay.birth_cd);

        // Sex.
        let (sl, sc) = lay.sex;
        self.report.sex = match lines.at(sl, sc) {
            b'F' => Some(MrzSex::Female),
            b'M' => Some(MrzSex::Male),
            b'<' | b'X' => Some(MrzSex::Unspecified),
            c => {
                if is_legal(c) {
                    self.issue(sl, sc, IssueKind::Sex { found: char::from(c) });
                }
                None
            }
        };

        // Date of expiry.
        let (el, ec) = lay.expiry;
        if self.classify(Field::DateOfExpiry, el, ec, 6, Class::Numeric { filler: false }) {
            self.report.date_of_expiry = self.date(Field::DateOfExpiry, el, ec);
            if let Some(expiry) = self.report.date_of_expiry {
                let expired = self.today > expiry;
                self.report.expired = Some(expired);
                if expired {
                    self.issue(el, ec, IssueKind::Expired { expiry });
                }
            }
        }
        self.check_field(CheckField::DateOfExpiry, &[lines.slice(el, ec, 6)], lay.expiry_cd);

        // Nationality.
        let (tl, tc) = lay.nationality;
        self.classify(Field::Nationality, tl, tc, 3, Class::Alpha);
        copy_trimmed(lines.slice(tl, tc, 3), &mut self.report.nationality);

        // Optional data of TD2 and TD3 (TD3: the personal number, with its own check digit).
        if format != Format::Td1 {
            self.classify(Field::OptionalData, ol, oc, olen, Class::Alnum);
            copy_trimmed(trim_leading_fillers(optional_rest), &mut self.report.optional_data);
        }
        if let Some(at) = lay.optional_cd {
            let empty = optional.iter().all(|&c| c == b'<');
            if empty && lines.at(at.0, at.1) == b'<' {
                // Doc 9303 Part 4 §4.2.2.2: an all-filler personal number may have a filler
                // check digit.
                self.push_check(CheckField::OptionalData, at, 0, '<', true);
            } else {
                self.check_field(CheckField::OptionalData, &[optional], at);
            }
        }
        if let Some((pl, pc, plen)) = lay.optional2 {
            self.classify(Field::OptionalData, pl, pc, plen, Class::Alnum);
            copy_trimmed(lines.slice(pl, pc, plen), &mut self.report.optional_data_2);
        }

        // Composite: the document number with its check digit, the date of birth with its
        // check digit, the expiry with its check digit, and the optional data.
        match format {
            Format::Td1 => {
                let segs = [lines.slice(0, 5, 25), lines.slice(1, 0, 7), lines.slice(1, 8, 7), lines.slice(1, 18, 11)];
                self.check_field(CheckField::Composite, &segs, lay.composite);
            }
            Format::Td2 | Format::Td3 => {
                let end = lay.composite.1;
                let segs = [lines.slice(1, 0, 10), lines.slice(1, 13, 7), lines.slice(1, 21, end - 21)];
                self.check_field(CheckField::Composite, &segs, lay.composite);
            }
        }

        // Names.
        let (ml, mc, mlen) = lay.names;
        self.classify(Field::Names, ml, mc, mlen, Class::Alpha);
        let names = lines.slice(ml, mc, mlen);
        if names.first() == Some(&b'<') {
            self.issue(ml, mc, IssueKind::NameMissing);
        }
        if names.last().is_some_and(|&c| c != b'<') {
            self.report.warn(Warning::NamesMayBeTruncated);
        }
        let split = names.windows(2).position(|w| w == b"<<");
        let (surname, given) = match split {
            Some(i) => (names.get(..i).unwrap_or(&[]), names.get(i + 2..).unwrap_or(&[])),
            None => (names, &[][..]),
        };
        copy_name(surname, &mut self.report.surname);
        copy_name(given, &mut self.report.given_names);

        // Swedish national ID cards carry the personnummer in the TD1 optional data (residence
        // permit cards, `IR` + `SWE`, are another kind and are not read for one).
        if format == Format::Td1
            && self.report.issuing_state == "SWE"
            && classify_mrz(self.report.document_code.as_str(), "SWE") == Some(DocumentKind::SwedishNationalIdCard)
        {
            self.swedish_personnummer(ol, oc + (olen - optional_rest.len()));
        }
    }

    fn swedish_personnummer(&mut self, line: usize, col: usize) {
        let text = self.report.optional_data.as_str();
        if text.is_empty() {
            self.report.warn(Warning::PersonnummerMissing);
            return;
        }
        match Personnummer::parse(text, self.today) {
            Ok(p) => {
                self.report.personnummer = Some(p);
                if let Some(mrz) = self.report.date_of_birth
                    && mrz != p.birth_date()
                {
                    self.report.warn(Warning::PersonnummerDateDiffers { personnummer: p.birth_date(), mrz });
                }
            }
            Err(e) => self.issue(line, col, IssueKind::Personnummer(e)),
        }
    }

    /// Reads a YYMMDD date whose characters are known to be digits, resolving the century
    /// (see the module docs) and reporting an impossible month or day.
    fn date(&mut self, field: Field, line: usize, col: usize) -> Option<Date> {
        let raw = self.lines.slice(line, col, 6);
        let v = |i: usize| raw.get(i).map_or(0, |&c| c.wrapping_sub(b'0') % 10);
        let yy = i32::from(v(0) * 10 + v(1));
        let month = v(2) * 10 + v(3);
        let day = v(4) * 10 + v(5);
        if !(1..=12).contains(&month) {
            self.issue(line, col + 2, IssueKind::Month { field, month });
            return None;
        }
        let t = self.today;
        let ty = i32::from(t.year());
        let mut year = ty - ty.rem_euclid(100) + yy;
        if field == Field::DateOfExpiry {
            if year > ty + 20 {
                year -= 100;
            }
        } else if (year, month, day) > (ty, t.month(), t.day()) {
            year -= 100;
        }
        let year = u16::try_from(year).ok().filter(|&y| y >= 1)?;
        if day == 0 || day > days_in_month(year, month) {
            self.issue(line, col + 4, IssueKind::Day { field, year, month, day });
            return None;
        }
        Date::new(year, month, day).ok()
    }

    /// Computes the check digit over `segments` and compares it with the character at `at`.
    fn check_field(&mut self, field: CheckField, segments: &[&[u8]], at: (usize, usize)) {
        let mut acc = CheckAcc { known_legal: !self.lines.has_illegal, ..CheckAcc::default() };
        for s in segments {
            acc.feed(s);
        }
        let c = self.lines.at(at.0, at.1);
        let found = self.lines.original_char(at.0, at.1, c);
        // The check-digit character itself: a digit, or report what it probably is.
        let found_value = if c.is_ascii_digit() {
            Some(c - b'0')
        } else {
            if is_legal(c) {
                let kind = match probable_digit(c) {
                    Some(d) => {
                        IssueKind::ProbableDigit { field: Field::CheckDigit(field), found, probably: char::from(d) }
                    }
                    None => IssueKind::NotDigit { field: Field::CheckDigit(field), found },
                };
                self.issue(at.0, at.1, kind);
            }
            None
        };
        let expected = acc.finish();
        let ok = matches!((expected, found_value), (Some(e), Some(f)) if e == f);
        let expected = expected.unwrap_or(0);
        self.push_check(field, at, expected, found, ok);
        if !ok && found_value.is_some() && !acc.illegal {
            self.issue(at.0, at.1, IssueKind::CheckDigit { field, expected, found });
        }
    }

    fn push_check(&mut self, field: CheckField, at: (usize, usize), expected: u8, found: char, ok: bool) {
        let check = Check { field, line: to_u8(at.0 + 1), column: to_u8(at.1 + 1), expected, found, ok };
        // At most five checks per format, the capacity.
        let _ = self.report.checks.push(check);
    }
}

fn trim_fillers(s: &[u8]) -> &[u8] {
    let end = s.iter().rposition(|&c| c != b'<').map_or(0, |i| i + 1);
    s.get(..end).unwrap_or(&[])
}

fn trim_leading_fillers(s: &[u8]) -> &[u8] {
    let start = s.iter().position(|&c| c != b'<').unwrap_or(s.len());
    s.get(start..).unwrap_or(&[])
}

/// Copies a field without trailing fillers; non-ASCII markers become U+FFFD.
fn copy_trimmed<const N: usize>(s: &[u8], out: &mut heapless::String<N>) {
    let s = trim_fillers(s);
    if let Ok(text) = core::str::from_utf8(s)
        && out.push_str(text).is_ok()
    {
        return;
    }
    for &c in s {
        let ch = if c.is_ascii() { char::from(c) } else { char::REPLACEMENT_CHARACTER };
        if out.push(ch).is_err() {
            break;
        }
    }
}

/// Copies a name part: trailing fillers removed, `<` read as a space.
fn copy_name<const N: usize>(s: &[u8], out: &mut heapless::String<N>) {
    let s = trim_fillers(s);
    let mut buf = [0u8; 39];
    if let Some(dst) = buf.get_mut(..s.len()) {
        for (d, &c) in dst.iter_mut().zip(s) {
            *d = if c == b'<' { b' ' } else { c };
        }
        if let Ok(text) = core::str::from_utf8(dst)
            && out.push_str(text).is_ok()
        {
            return;
        }
    }
    for &c in s {
        let ch = match c {
            b'<' => ' ',
            c if c.is_ascii() => char::from(c),
            _ => char::REPLACEMENT_CHARACTER,
        };
        if out.push(ch).is_err() {
            break;
        }
    }
}

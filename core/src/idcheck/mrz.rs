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
use crate::text::{QuotedChar, Text};

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
                composite_data: [(1, 0, 10), (1, 13, 7), (1, 21, 22), (1, 0, 0)],
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
                composite_data: [(1, 0, 10), (1, 13, 7), (1, 21, 14), (1, 0, 0)],
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
                composite_data: [(0, 5, 25), (1, 0, 7), (1, 8, 7), (1, 18, 11)],
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
    /// What the composite check digit protects, in order; TD2 and TD3 have three parts and
    /// an empty fourth.
    composite_data: [(usize, usize, usize); 4],
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
                write!(f, "illegal character {}: only A-Z, 0-9 and < occur", QuotedChar(found))
            }
            IssueKind::ProbableDigit { field, found, probably } => {
                write!(f, "letter {} in {field}: probably {}", QuotedChar(found), QuotedChar(probably))
            }
            IssueKind::NotDigit { field, found } => {
                write!(f, "{} in {field}: expected a digit", QuotedChar(found))
            }
            IssueKind::ProbableLetter { field, found, probably } => {
                write!(f, "digit {} in {field}: probably {}", QuotedChar(found), QuotedChar(probably))
            }
            IssueKind::NotLetter { field, found } => {
                write!(f, "digit {} in {field}: expected a letter or <", QuotedChar(found))
            }
            IssueKind::DocumentCode { found, format } => {
                let want = if matches!(format, Format::Td3) { "P" } else { "A, C or I" };
                write!(f, "document code {} does not fit {format}: expected {want}", QuotedChar(found))
            }
            IssueKind::Month { field, month } => {
                write!(f, "{field}: month {month:02} is not 01-12")
            }
            IssueKind::Day { field, year, month, day } => {
                write!(f, "{field}: day {day:02} does not exist in {year:04}-{month:02}")
            }
            IssueKind::Sex { found } => write!(f, "sex {}: expected F, M, X or <", QuotedChar(found)),
            IssueKind::CheckDigit { field, expected, found } => {
                write!(f, "{field} check digit is {}, expected {expected}", QuotedChar(found))
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

/// Whether `c` is in the MRZ alphabet. Non-short-circuiting, so loops over whole lines
/// vectorise.
#[inline(always)]
const fn is_legal(c: u8) -> bool {
    c.is_ascii_uppercase() | c.is_ascii_digit() | (c == b'<')
}

const DIGIT: u8 = 1;
const UPPER: u8 = 2;
const FILLER: u8 = 4;

/// The class bits of a byte: [`DIGIT`], [`UPPER`], [`FILLER`] or 0 for anything else.
#[inline(always)]
const fn class_of(c: u8) -> u8 {
    let digit = (c.wrapping_sub(b'0') < 10) as u8;
    let upper = (c.wrapping_sub(b'A') < 26) as u8;
    let filler = (c == b'<') as u8;
    (digit * DIGIT) | (upper * UPPER) | (filler * FILLER)
}

/// [`class_of`] for every byte: one load per character in the loops of the general path.
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

// Bit offsets of the five check-digit sums that `packed_sums` computes in one `u64`, one
// multiply-add per character instead of one per character and check. A field's weighted sum
// stays below 2^12 (the longest, TD3 optional data: 14 characters, weights totalling 54,
// values at most 35: 1890) and the composite below 2^16 (TD1: 50 characters, 186 × 35 =
// 6510), so no slot ever carries into the next.
const NUMBER_SUM: u32 = 0;
const BIRTH_SUM: u32 = 12;
const EXPIRY_SUM: u32 = 24;
const OPTIONAL_SUM: u32 = 36;
const COMPOSITE_SUM: u32 = 48;

/// The weight of each column of `line` in every check of `format`, shifted into its sum's slot.
const fn line_weights<const N: usize>(format: Format, line: usize) -> [u64; N] {
    let lay = format.layout();
    let mut t = [0u64; N];
    add_weights(&mut t, line, lay.number, NUMBER_SUM, 0);
    add_weights(&mut t, line, (lay.birth.0, lay.birth.1, 6), BIRTH_SUM, 0);
    add_weights(&mut t, line, (lay.expiry.0, lay.expiry.1, 6), EXPIRY_SUM, 0);
    if lay.optional_cd.is_some() {
        add_weights(&mut t, line, lay.optional, OPTIONAL_SUM, 0);
    }
    let mut index = 0;
    let mut i = 0;
    while i < lay.composite_data.len() {
        index = add_weights(&mut t, line, lay.composite_data[i], COMPOSITE_SUM, index);
        i += 1;
    }
    t
}

/// Adds the weights of `field` (line, column, length), whose first character is at position
/// `first` of its check's data, when it lies on `line`; returns the position after it.
const fn add_weights(t: &mut [u64], line: usize, field: (usize, usize, usize), slot: u32, first: usize) -> usize {
    let (l, col, len) = field;
    let mut i = 0;
    while l == line && i < len {
        t[col + i] += (WEIGHTS[(first + i) % 3] as u64) << slot;
        i += 1;
    }
    first + len
}

const TD1_WEIGHTS: [[u64; 30]; 2] = [line_weights(Format::Td1, 0), line_weights(Format::Td1, 1)];
const TD2_WEIGHTS: [u64; 36] = line_weights(Format::Td2, 1);
const TD3_WEIGHTS: [u64; 44] = line_weights(Format::Td3, 1);

const fn all_zero(t: &[u64]) -> bool {
    let mut i = 0;
    while i < t.len() {
        if t[i] != 0 {
            return false;
        }
        i += 1;
    }
    true
}

/// The mask of the sum in `slot`.
const fn slot_mask(slot: u32) -> u64 {
    if slot == COMPOSITE_SUM { 0xFFFF } else { 0xFFF }
}

/// Whether every sum over the lines `t` stays within its slot, whatever the characters.
const fn slots_fit(t: &[&[u64]]) -> bool {
    let slots = [NUMBER_SUM, BIRTH_SUM, EXPIRY_SUM, OPTIONAL_SUM, COMPOSITE_SUM];
    let mut k = 0;
    while k < slots.len() {
        let mut total = 0;
        let mut l = 0;
        while l < t.len() {
            let mut i = 0;
            while i < t[l].len() {
                total += (t[l][i] >> slots[k]) & slot_mask(slots[k]);
                i += 1;
            }
            l += 1;
        }
        // 35, for `Z`, is the largest character value.
        if total * 35 > slot_mask(slots[k]) {
            return false;
        }
        k += 1;
    }
    true
}

// `packed_sums` reads only the lines that carry checked data: lines 1 and 2 of TD1 and line
// 2 of TD2 and TD3; and no sum carries into the next slot.
const _: () = assert!(
    all_zero(&line_weights::<30>(Format::Td1, 2))
        && all_zero(&line_weights::<36>(Format::Td2, 0))
        && all_zero(&line_weights::<44>(Format::Td3, 0))
        && slots_fit(&[&TD1_WEIGHTS[0], &TD1_WEIGHTS[1]])
        && slots_fit(&[&TD2_WEIGHTS])
        && slots_fit(&[&TD3_WEIGHTS])
);

/// Every check-digit sum of `format` in its slot. Only meaningful when every character is
/// legal: others count as 0, and the general path then reports the check as unverifiable.
#[inline(always)]
fn packed_sums(lines: &Lines, format: Format) -> u64 {
    let [first, second, ..] = &lines.buf;
    match format {
        Format::Td1 => {
            let [w1, w2] = &TD1_WEIGHTS;
            dot(first, w1) + dot(second, w2)
        }
        Format::Td2 => dot(second, &TD2_WEIGHTS),
        Format::Td3 => dot(second, &TD3_WEIGHTS),
    }
}

#[inline(always)]
fn dot<const N: usize>(line: &[u8; LINE_CAP], weights: &[u64; N]) -> u64 {
    // Four columns a step: LLVM then unrolls the loop completely and folds in the constant
    // weights, skipping unchecked columns.
    let (quads, rest) = weights.as_chunks::<4>();
    let mut acc = [0u64; 4];
    for (cs, ws) in line.chunks_exact(4).zip(quads) {
        for ((a, &c), &w) in acc.iter_mut().zip(cs).zip(ws) {
            *a += u64::from(VALUE[usize::from(c)]) * w;
        }
    }
    let tail = line.get(N - rest.len()..).unwrap_or(&[]);
    let last = tail.iter().zip(rest).fold(0, |s, (&c, &w)| s + u64::from(VALUE[usize::from(c)]) * w);
    acc.iter().sum::<u64>() + last
}

/// The check digit of the sum in `slot` of [`packed_sums`].
const fn slot_digit(packed: u64, slot: u32) -> u8 {
    (((packed >> slot) & slot_mask(slot)) % 10) as u8
}

/// Marks a non-ASCII character in the normalised line buffer (never a legal MRZ byte).
const NON_ASCII: u8 = 0x80;

/// Columns per row of the line buffer: the longest line.
const LINE_CAP: usize = 44;

/// The row of the line buffer that holds the names field with `<` read as a space: the one
/// after the lines, so that the text validated as UTF-8 is no longer than needed.
const fn names_row(format: Format) -> usize {
    format.lines()
}

/// The normalised lines: upper case, one byte per input character.
struct Lines {
    /// The MRZ lines, then the names field with `<` read as a space ([`names_row`]), so
    /// that every text field is a slice of one buffer validated as UTF-8 once.
    buf: [[u8; LINE_CAP]; 4],
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
    fn new() -> Lines {
        Lines { buf: [[b'<'; LINE_CAP]; 4], count: 0, width: 0, has_illegal: false, non_ascii: heapless::Vec::new() }
    }

    fn line(&self, i: usize) -> &[u8] {
        match self.buf.get(i) {
            Some(l) => l.get(..self.width).unwrap_or(l),
            None => &[],
        }
    }

    // Positions come from a layout and lie within its lines, so they are checked against the
    // buffer only: with the format constant, the checks then fold away.
    fn at(&self, line: usize, col: usize) -> u8 {
        self.buf.get(line).and_then(|l| l.get(col)).copied().unwrap_or(b'<')
    }

    fn slice(&self, line: usize, col: usize, len: usize) -> &[u8] {
        self.buf.get(line).and_then(|l| l.get(col..col + len)).unwrap_or(&[])
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

    /// Fills [`names_row`] from the names field of `format`.
    #[inline(always)]
    fn space_names(&mut self, format: Format) {
        let (line, col, len) = format.layout().names;
        let (lines, scratch) = self.buf.split_at_mut(names_row(format));
        let (Some(src), Some(dst)) = (lines.get(line).and_then(|l| l.get(col..col + len)), scratch.first_mut()) else {
            return;
        };
        for (d, &c) in dst.iter_mut().zip(src) {
            *d = if c == b'<' { b' ' } else { c };
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
    if let Some(found) = fast_structure(text.trim_ascii().as_bytes(), lines) {
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

/// The common case: ASCII text in exactly one layout with lines separated by `\n`, `\r\n`,
/// `\r` or nothing, every character legal. `None` for anything else, which the general path
/// then splits, normalises and reports on.
fn fast_structure(t: &[u8], lines: &mut Lines) -> Option<Format> {
    // The total length fixes the layout and the separator's length, except that 90 bytes
    // are a TD3 with `\r\n` or an unbroken TD1.
    let (format, sep) = match t.len() {
        72 => (Format::Td2, 0),
        73 => (Format::Td2, 1),
        74 => (Format::Td2, 2),
        88 => (Format::Td3, 0),
        89 => (Format::Td3, 1),
        90 if t.get(44..46) == Some(b"\r\n") => (Format::Td3, 2),
        90 => (Format::Td1, 0),
        92 => (Format::Td1, 1),
        94 => (Format::Td1, 2),
        _ => return None,
    };
    let buf = &mut lines.buf;
    let legal = match format {
        Format::Td1 => copy_lines::<30, 3>(t, sep, buf),
        Format::Td2 => copy_lines::<36, 2>(t, sep, buf),
        Format::Td3 => copy_lines::<44, 2>(t, sep, buf),
    };
    if !legal {
        return None;
    }
    lines.count = format.lines();
    lines.width = format.line_len();
    lines.has_illegal = false;
    Some(format)
}

/// Copies `N` lines of `W` characters, separated by `sep` bytes (`\n`, `\r` or `\r\n`, the
/// same each time), into `buf`, upper case. False when a separator or any character is not
/// as expected.
#[inline(always)]
fn copy_lines<const W: usize, const N: usize>(t: &[u8], sep: usize, buf: &mut [[u8; LINE_CAP]; 4]) -> bool {
    let first = t.get(W).copied().unwrap_or(0);
    if sep == 1 && first != b'\n' && first != b'\r' {
        return false;
    }
    let mut legal = true;
    for (i, row) in buf.iter_mut().take(N).enumerate() {
        let Some((src, after)) = t.get(i * (W + sep)..).and_then(|s| s.split_first_chunk::<W>()) else {
            return false;
        };
        let sep_ok = match sep {
            0 => true,
            1 => after.first() == Some(&first),
            _ => after.first_chunk::<2>() == Some(b"\r\n"),
        };
        if i + 1 < N && !sep_ok {
            return false;
        }
        legal &= normalise_line(row, src);
    }
    legal
}

/// Upper-cases `src` into the start of `row`; whether every character is in the MRZ
/// alphabet. Sixteen bytes at a time, the last block overlapping the one before: whole
/// blocks vectorise, and each is loaded from the input, never from a row just stored in
/// pieces (which would stall store-to-load forwarding).
#[inline(always)]
fn normalise_line<const W: usize>(row: &mut [u8; LINE_CAP], src: &[u8; W]) -> bool {
    const { assert!(W >= 16 && W <= LINE_CAP) };
    let mut bad = [0u8; 16];
    for k in 0..W.div_ceil(16) {
        let start = (16 * k).min(W - 16);
        let (Some(block), Some(out)) = (
            src.get(start..).and_then(|s| s.first_chunk::<16>()),
            row.get_mut(start..).and_then(|r| r.first_chunk_mut::<16>()),
        ) else {
            return false;
        };
        for ((o, &c), b) in out.iter_mut().zip(block).zip(&mut bad) {
            let u = c.to_ascii_uppercase();
            *o = u;
            *b |= u8::from(!is_legal(u));
        }
    }
    bad == [0; 16]
}

/// Parses and validates an MRZ; see the [module docs](self). Never panics.
pub fn parse(text: &str, today: Date) -> MrzReport {
    let mut report = MrzReport::empty();
    let mut lines = Lines::new();
    let Some(format) = structure(text, &mut report, &mut lines) else {
        return report;
    };
    report.format = Some(format);
    // One copy of the field logic per format, so that every position and length in it is a
    // constant.
    match format {
        Format::Td1 => check(Format::Td1, &mut lines, &mut report, today),
        Format::Td2 => check(Format::Td2, &mut lines, &mut report, today),
        Format::Td3 => check(Format::Td3, &mut lines, &mut report, today),
    }
    report
}

/// Checks the fields of normalised lines in `format`.
#[inline(always)]
fn check(format: Format, lines: &mut Lines, report: &mut MrzReport, today: Date) {
    let text = if lines.has_illegal {
        None
    } else {
        lines.space_names(format);
        let validated = lines.buf.get(..=names_row(format)).unwrap_or(&[]);
        core::str::from_utf8(validated.as_flattened()).ok()
    };
    Parser { lines, text, report, today }.run(format);
}

struct Parser<'a> {
    lines: &'a Lines,
    /// The line buffer as text when every character is legal: text fields are then copied as
    /// slices of it, without validating each.
    text: Option<&'a str>,
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
}

impl Parser<'_> {
    fn issue(&mut self, line: usize, col: usize, kind: IssueKind) {
        self.report.push_issue(line + 1, col + 1, kind);
    }

    /// Reports characters that do not belong in a field. Illegal characters were already
    /// reported by the structural pass and are skipped here. Returns whether every
    /// character was of the right class.
    #[inline(always)]
    fn classify(&mut self, field: Field, line: usize, col: usize, len: usize, class: Class) -> bool {
        let data = self.lines.slice(line, col, len);
        // Every character of the right class, as in every good MRZ. Non-short-circuiting
        // so the longer fields vectorise.
        let ok = if self.lines.has_illegal {
            match class {
                Class::Numeric { filler: false } => data.iter().fold(true, |ok, &c| ok & c.is_ascii_digit()),
                Class::Numeric { filler: true } => {
                    data.iter().fold(true, |ok, &c| ok & (c.is_ascii_digit() | (c == b'<')))
                }
                Class::Alpha => data.iter().fold(true, |ok, &c| ok & (c.is_ascii_uppercase() | (c == b'<'))),
            }
        } else {
            // Every character is a digit, `<` or a letter, in that byte order: a minimum or
            // maximum tells the class.
            match class {
                Class::Numeric { filler: false } => data.iter().fold(0, |m, &c| m.max(c)) <= b'9',
                Class::Numeric { filler: true } => data.iter().fold(0, |m, &c| m.max(c)) <= b'<',
                Class::Alpha => data.iter().fold(u8::MAX, |m, &c| m.min(c)) >= b'<',
            }
        };
        ok || self.report_class(field, line, col, data, class)
    }

    /// The per-character reports behind [`Self::classify`].
    #[cold]
    #[inline(never)]
    fn report_class(&mut self, field: Field, line: usize, col: usize, data: &[u8], class: Class) -> bool {
        let mut ok = true;
        for (i, &c) in data.iter().enumerate() {
            if !is_legal(c) {
                ok = false;
                continue;
            }
            let kind = match class {
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

    /// Illegal characters anywhere, once.
    #[cold]
    #[inline(never)]
    fn report_illegal(&mut self) {
        let lines = self.lines;
        for line in 0..lines.count {
            for (col, &c) in lines.line(line).iter().enumerate() {
                if !is_legal(c) {
                    let found = lines.original_char(line, col, c);
                    self.issue(line, col, IssueKind::IllegalCharacter { found });
                }
            }
        }
    }

    /// Reads every field, check and warning of a structurally sound MRZ, in report order.
    /// Inlined into each arm of [`parse`]'s match, where `format` is a constant.
    #[inline(always)]
    fn run(&mut self, format: Format) {
        let lines = self.lines;
        let text = self.text;
        if lines.has_illegal {
            self.report_illegal();
        }
        // Every check-digit sum at once. The per-check computation remains for text with
        // illegal characters (whose checks cannot be verified) and long document numbers.
        let sums = if lines.has_illegal { None } else { Some(packed_sums(lines, format)) };
        let lay = format.layout();

        // Document code and issuing state: line 1, columns 1–5 in every format.
        self.classify(Field::DocumentCode, 0, 0, 2, Class::Alpha);
        copy_field(lines, text, 0, 0, 2, false, &mut self.report.document_code);
        let first = lines.at(0, 0);
        let code_ok = match format {
            Format::Td3 => first == b'P',
            Format::Td1 | Format::Td2 => matches!(first, b'A' | b'C' | b'I'),
        };
        if !code_ok && is_legal(first) {
            self.issue(0, 0, IssueKind::DocumentCode { found: char::from(first), format });
        }
        self.classify(Field::IssuingState, 0, 2, 3, Class::Alpha);
        copy_field(lines, text, 0, 2, 3, false, &mut self.report.issuing_state);

        // Document number, with the long-number continuation of TD1 and TD2 (Doc 9303
        // Parts 5 and 6, §4.2.2, the notes on document numbers of more than nine characters):
        // when the number has more than nine characters,
        // its check-digit position holds `<`, the remaining characters start the optional
        // data and are followed by the check digit.
        let (nl, nc, nlen) = lay.number;
        let number = lines.slice(nl, nc, nlen);
        let (ol, oc, olen) = lay.optional;
        let optional = lines.slice(ol, oc, olen);
        let mut number_check_at = lay.number_cd;
        let mut continuation: &[u8] = &[];
        // Where the optional data proper starts, after a continuation.
        let mut rest_from = 0;
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
                rest_from = k;
            }
        }
        if long || text.is_none() {
            // A non-ASCII marker is copied as U+0080 here, not U+FFFD as in other fields.
            for &c in trim_fillers(number).iter().chain(continuation) {
                let _ = self.report.document_number.push(char::from(c));
            }
        } else {
            copy_field(lines, text, nl, nc, nlen, false, &mut self.report.document_number);
        }
        if long && number_check_at == lay.number_cd {
            // Already reported as a missing continuation check digit; the check fails.
            let expected = check_digit(number).unwrap_or(0);
            self.push_check(CheckField::DocumentNumber, number_check_at, expected, '<', false);
        } else if let (false, Some(sums)) = (long, sums) {
            self.check_sum(CheckField::DocumentNumber, slot_digit(sums, NUMBER_SUM), number_check_at);
        } else {
            self.check_field(CheckField::DocumentNumber, &[number, continuation], number_check_at);
        }

        if format == Format::Td1 {
            // The optional data of line 1 continues the number; line 2 has its own.
            copy_field(lines, text, ol, oc + rest_from, olen - rest_from, true, &mut self.report.optional_data);
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
        match sums {
            Some(sums) => self.check_sum(CheckField::DateOfBirth, slot_digit(sums, BIRTH_SUM), lay.birth_cd),
            None => self.check_field(CheckField::DateOfBirth, &[lines.slice(bl, bc, 6)], lay.birth_cd),
        }

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
        match sums {
            Some(sums) => self.check_sum(CheckField::DateOfExpiry, slot_digit(sums, EXPIRY_SUM), lay.expiry_cd),
            None => self.check_field(CheckField::DateOfExpiry, &[lines.slice(el, ec, 6)], lay.expiry_cd),
        }

        // Nationality.
        let (tl, tc) = lay.nationality;
        self.classify(Field::Nationality, tl, tc, 3, Class::Alpha);
        copy_field(lines, text, tl, tc, 3, false, &mut self.report.nationality);

        // Optional data of TD2 and TD3 (TD3: the personal number, with its own check digit).
        if format != Format::Td1 {
            copy_field(lines, text, ol, oc + rest_from, olen - rest_from, true, &mut self.report.optional_data);
        }
        if let Some(at) = lay.optional_cd {
            let empty = optional.iter().all(|&c| c == b'<');
            if empty && lines.at(at.0, at.1) == b'<' {
                // Doc 9303 Part 4 §4.2.2.2: an all-filler personal number may have a filler
                // check digit.
                self.push_check(CheckField::OptionalData, at, 0, '<', true);
            } else if let Some(sums) = sums {
                self.check_sum(CheckField::OptionalData, slot_digit(sums, OPTIONAL_SUM), at);
            } else {
                self.check_field(CheckField::OptionalData, &[optional], at);
            }
        }
        if let Some((pl, pc, plen)) = lay.optional2 {
            copy_field(lines, text, pl, pc, plen, false, &mut self.report.optional_data_2);
        }

        // Composite: the document number with its check digit, the date of birth with its
        // check digit, the expiry with its check digit, and the optional data.
        if let Some(sums) = sums {
            self.check_sum(CheckField::Composite, slot_digit(sums, COMPOSITE_SUM), lay.composite);
        } else {
            let segs = lay.composite_data.map(|(l, c, n)| lines.slice(l, c, n));
            self.check_field(CheckField::Composite, &segs, lay.composite);
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
        let (surname_end, given_from) = match split {
            Some(i) => (i, i + 2),
            None => (names.len(), names.len()),
        };
        let row = names_row(format);
        copy_name(text, row, names, 0, surname_end, &mut self.report.surname);
        copy_name(text, row, names, given_from, names.len(), &mut self.report.given_names);

        // Swedish national ID cards carry the personnummer in the TD1 optional data (residence
        // permit cards, `IR` + `SWE`, are another kind and are not read for one).
        if format == Format::Td1
            && self.report.issuing_state == "SWE"
            && classify_mrz(self.report.document_code.as_str(), "SWE") == Some(DocumentKind::SwedishNationalIdCard)
        {
            self.swedish_personnummer(ol, oc + rest_from);
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
        let &[y1, y2, m1, m2, d1, d2] = self.lines.slice(line, col, 6).first_chunk::<6>()?;
        let two = |hi: u8, lo: u8| hi.wrapping_sub(b'0').wrapping_mul(10).wrapping_add(lo.wrapping_sub(b'0'));
        let yy = i32::from(two(y1, y2));
        let month = two(m1, m2);
        let day = two(d1, d2);
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

    /// Compares the check digit at `at` with `expected`, computed by [`packed_sums`]; only for
    /// text whose every character is legal.
    fn check_sum(&mut self, field: CheckField, expected: u8, at: (usize, usize)) {
        let c = self.lines.at(at.0, at.1);
        let found = char::from(c);
        let digit = c.is_ascii_digit();
        if !digit {
            self.report_check_char(field, c, found, at);
        }
        let ok = digit && c - b'0' == expected;
        self.push_check(field, at, expected, found, ok);
        if digit && !ok {
            self.issue(at.0, at.1, IssueKind::CheckDigit { field, expected, found });
        }
    }

    /// A letter or filler in a check-digit position: what it probably is.
    #[cold]
    fn report_check_char(&mut self, field: CheckField, c: u8, found: char, at: (usize, usize)) {
        let kind = match probable_digit(c) {
            Some(d) => IssueKind::ProbableDigit { field: Field::CheckDigit(field), found, probably: char::from(d) },
            None => IssueKind::NotDigit { field: Field::CheckDigit(field), found },
        };
        self.issue(at.0, at.1, kind);
    }

    /// Computes the check digit over `segments` and compares it with the character at `at`.
    #[cold]
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
                self.report_check_char(field, c, found, at);
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

fn trim_fillers(mut s: &[u8]) -> &[u8] {
    // Eight at a time first: names and optional data often end in long runs of fillers.
    while let Some((head, tail)) = s.split_last_chunk::<8>()
        && u64::from_ne_bytes(*tail) == u64::from_ne_bytes(*b"<<<<<<<<")
    {
        s = head;
    }
    while let [head @ .., b'<'] = s {
        s = head;
    }
    s
}

fn trim_leading_fillers(s: &[u8]) -> &[u8] {
    let start = s.iter().position(|&c| c != b'<').unwrap_or(s.len());
    s.get(start..).unwrap_or(&[])
}

/// Copies columns `col..col + len` of `line` without trailing fillers (and without leading
/// ones when `leading` is set): a slice of `text` when there is one, else as [`copy_trimmed`].
#[inline(always)]
fn copy_field<const N: usize>(
    lines: &Lines,
    text: Option<&str>,
    line: usize,
    col: usize,
    len: usize,
    leading: bool,
    out: &mut heapless::String<N>,
) {
    let data = lines.slice(line, col, len);
    let data = if leading { trim_leading_fillers(data) } else { data };
    let kept = trim_fillers(data);
    let start = line * LINE_CAP + col + (len - data.len());
    if let Some(s) = text.and_then(|t| t.get(start..start + kept.len()))
        && out.push_str(s).is_ok()
    {
        return;
    }
    copy_trimmed(kept, out);
}

/// Copies `from..to` of the names field as a name part: a slice of the spaced names in
/// `text` when there is one, else as [`copy_name_bytes`].
#[inline(always)]
fn copy_name<const N: usize>(
    text: Option<&str>,
    row: usize,
    names: &[u8],
    from: usize,
    to: usize,
    out: &mut heapless::String<N>,
) {
    let part = names.get(from..to).unwrap_or(&[]);
    let kept = trim_fillers(part);
    let start = row * LINE_CAP + from;
    if let Some(s) = text.and_then(|t| t.get(start..start + kept.len()))
        && out.push_str(s).is_ok()
    {
        return;
    }
    copy_name_bytes(kept, out);
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
fn copy_name_bytes<const N: usize>(s: &[u8], out: &mut heapless::String<N>) {
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

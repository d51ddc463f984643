//! Swedish personal identity numbers (personnummer) and coordination numbers
//! (samordningsnummer), by Skatteverket's rules (SKV 704, SKV 707).
//!
//! A number is ten digits `YYMMDD NNN C`: the date of birth, a three-digit birth number whose
//! last digit gives the legal sex (odd: male, even: female), and a Luhn check digit over the
//! first nine. Coordination numbers add 60 to the day. The century is not part of the
//! ten-digit form: it follows from the separator and the date the number is read on (`-` for
//! people under 100, `+` from the calendar year of the 100th birthday), so every function that
//! needs it takes `today` from the caller.
//!
//! Accepted forms, after trimming surrounding whitespace:
//!
//! | form | century |
//! | --- | --- |
//! | `YYMMDD-NNNC`, `YYMMDDNNNC` | the most recent century in which the date is not in the future |
//! | `YYMMDD+NNNC` | the most recent century in which the person turns 100 or more this calendar year |
//! | `YYYYMMDD-NNNC`, `YYYYMMDDNNNC` | given; a date after `today` is an error |
//! | `YYYYMMDD+NNNC` | given; accepted only when the person turns 100 or more in `today`'s year, since that is what the `+` asserts |
//!
//! Interim numbers (interimspersonnummer), which universities and health care hand out to
//! people who have neither a personnummer nor a samordningsnummer, carry a letter (`T`, `R`,
//! `S`, `U`, `W`, `X`, `J`, `K`, `L`, `M` or `N`) as the first character of the four after the
//! date, for example `19900101-T123`. They are not issued by Skatteverket and never prove
//! identity, so [`Personnummer::parse`] rejects them with [`PersonnummerError::Interim`];
//! [`classify`] recognises them as [`Kind::Interim`].
//!
//! ```
//! use rekry_core::date::Date;
//! use rekry_core::idcheck::personnummer::{classify, Kind, Personnummer, PersonnummerError, Sex};
//!
//! let today = Date::new(2026, 11, 23).unwrap();
//! let p = Personnummer::parse("811218-9876", today).unwrap();
//! assert_eq!(p.birth_date(), Date::new(1981, 12, 18).unwrap());
//! assert_eq!(p.sex(), Sex::Male);
//! assert_eq!(p.long().as_str(), "19811218-9876");
//! assert_eq!(p.short(today).as_str(), "811218-9876");
//!
//! // A coordination number: day + 60.
//! let s = Personnummer::parse("701063-2391", today).unwrap();
//! assert_eq!(s.kind(), Kind::Samordningsnummer);
//! assert_eq!(s.birth_date(), Date::new(1970, 10, 3).unwrap());
//!
//! // Errors say what is wrong.
//! assert_eq!(
//!     Personnummer::parse("811218-9875", today),
//!     Err(PersonnummerError::Checksum { expected: 6, found: 5 })
//! );
//! // Interim numbers are recognised, never valid.
//! assert_eq!(classify("19900101-T123", today), Ok(Kind::Interim));
//! assert!(matches!(Personnummer::parse("19900101-T123", today), Err(PersonnummerError::Interim { .. })));
//! ```

use core::fmt;

use crate::date::{Date, days_in_month};
use crate::text::{QuotedChar, Text};

/// The letters that mark an interim number in the first position of the birth number.
pub const INTERIM_LETTERS: [u8; 11] = *b"TRSUWXJKLMN";

/// What kind of identity number a text is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub enum Kind {
    /// A personnummer, assigned to people who are or have been registered in Sweden.
    Personnummer,
    /// A samordningsnummer (coordination number): day of birth + 60, for people who are not
    /// registered in Sweden.
    Samordningsnummer,
    /// An interim number with a letter in the birth number. Never a valid identity number: a
    /// [`Personnummer`] is never of this kind.
    Interim,
}

/// Legal sex as recorded in the ninth digit (odd: male, even: female).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub enum Sex {
    /// Even ninth digit.
    Female,
    /// Odd ninth digit.
    Male,
}

/// A valid personnummer or samordningsnummer.
///
/// Holds the resolved date of birth (with century), the birth number and the check digit;
/// it is `Copy`, 8 bytes, and never holds an interim number.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct Personnummer {
    birth_date: Date,
    birth_number: u16,
    check: u8,
    coordination: bool,
}

/// Why a text is not a valid personnummer or samordningsnummer.
///
/// Positions are 1-based character positions in the trimmed input.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub enum PersonnummerError {
    /// Nothing but whitespace.
    Empty,
    /// Not 10, 11, 12 or 13 characters long.
    Length {
        /// How many characters there were (saturating at 65 535).
        found: u16,
    },
    /// A character that is not a digit where a digit belongs.
    Character {
        /// 1-based position in the trimmed input.
        position: u8,
        /// The character found.
        found: char,
    },
    /// The separator between date and birth number is not `-` or `+`.
    Separator {
        /// 1-based position in the trimmed input.
        position: u8,
        /// The character found.
        found: char,
    },
    /// A `+` separator in a 12-digit number of a person who does not turn 100 this year.
    PlusUnder100 {
        /// The year of birth the 12-digit form gives.
        year: u16,
    },
    /// A year of birth before 1800: given in a 12-digit form, or resolved from a 10-digit
    /// form and a `today` far in the past.
    Century {
        /// The year the number gives.
        year: u16,
    },
    /// The month is not 1–12.
    Month {
        /// The month found.
        month: u8,
    },
    /// The day does not exist in that month and year (for coordination numbers, after
    /// subtracting 60).
    Day {
        /// The day as written (61–91 for a coordination number).
        day: u8,
        /// The month.
        month: u8,
        /// The year of birth resolved from the century.
        year: u16,
    },
    /// The birth number is 000, which is never assigned.
    BirthNumber000,
    /// The Luhn check digit does not match.
    Checksum {
        /// The check digit the first nine digits call for.
        expected: u8,
        /// The check digit written.
        found: u8,
    },
    /// The date of birth is after the date the number was read on.
    InFuture {
        /// The date of birth the number gives.
        birth_date: Date,
    },
    /// An interim number (a letter in the birth number): not a personnummer or
    /// samordningsnummer.
    Interim {
        /// The letter, upper case.
        letter: char,
    },
}

impl PersonnummerError {
    /// A short message for staff screens, in Swedish and English (without the details that
    /// [`Display`](fmt::Display) adds).
    pub const fn text(&self) -> Text {
        match self {
            PersonnummerError::Empty => Text::new("Inget nummer angivet.", "No number given."),
            PersonnummerError::Length { .. } => Text::new(
                "Fel längd: ett personnummer har 10 eller 12 siffror.",
                "Wrong length: a personnummer has 10 or 12 digits.",
            ),
            PersonnummerError::Character { .. } => Text::new(
                "Otillåtet tecken: bara siffror och - eller + är tillåtna.",
                "Invalid character: only digits and - or + are allowed.",
            ),
            PersonnummerError::Separator { .. } => {
                Text::new("Fel skiljetecken: använd - eller +.", "Wrong separator: use - or +.")
            }
            PersonnummerError::PlusUnder100 { .. } => Text::new(
                "Plustecken används bara för personer som fyller 100 år i år eller tidigare.",
                "A plus sign is used only for people who turn 100 this year or earlier.",
            ),
            PersonnummerError::Century { .. } => Text::new(
                "Ogiltigt sekel: födelseåret är före 1800.",
                "Invalid century: the year of birth is before 1800.",
            ),
            PersonnummerError::Month { .. } => {
                Text::new("Ogiltig månad: månaden måste vara 01–12.", "Invalid month: the month must be 01–12.")
            }
            PersonnummerError::Day { .. } => Text::new(
                "Ogiltig dag: dagen finns inte i den månaden.",
                "Invalid day: that day does not exist in that month.",
            ),
            PersonnummerError::BirthNumber000 => {
                Text::new("Födelsenumret 000 delas aldrig ut.", "Birth number 000 is never assigned.")
            }
            PersonnummerError::Checksum { .. } => {
                Text::new("Fel kontrollsiffra: numret är felskrivet.", "Wrong check digit: the number is mistyped.")
            }
            PersonnummerError::InFuture { .. } => {
                Text::new("Födelsedatumet ligger i framtiden.", "The date of birth is in the future.")
            }
            PersonnummerError::Interim { .. } => Text::new(
                "Interimsnummer: inte ett personnummer eller samordningsnummer.",
                "Interim number: not a personnummer or coordination number.",
            ),
        }
    }
}

const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

impl fmt::Display for PersonnummerError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match *self {
            PersonnummerError::Empty => f.write_str("no number given"),
            PersonnummerError::Length { found } => write!(
                f,
                "wrong length: {found} characters; expected YYMMDD-NNNC, YYMMDDNNNC, \
                 YYYYMMDD-NNNC or YYYYMMDDNNNC"
            ),
            PersonnummerError::Character { position, found } => {
                write!(f, "invalid character {} at position {position}: expected a digit", QuotedChar(found))
            }
            PersonnummerError::Separator { position, found } => {
                write!(f, "invalid separator {} at position {position}: expected '-' or '+'", QuotedChar(found))
            }
            PersonnummerError::PlusUnder100 { year } => {
                write!(f, "'+' separator but a person born in {year} is under 100 this year")
            }
            PersonnummerError::Century { year } => {
                write!(f, "year of birth {year} is before 1800")
            }
            PersonnummerError::Month { month } => {
                write!(f, "invalid month {month:02}: expected 01-12")
            }
            PersonnummerError::Day { day, month, year } => {
                let name = MONTHS.get(usize::from(month).wrapping_sub(1)).copied().unwrap_or("?");
                if day > 60 {
                    write!(f, "invalid day {day}: coordination day {} does not exist in {name} {year}", day - 60)
                } else {
                    write!(f, "invalid day {day:02}: it does not exist in {name} {year}")
                }
            }
            PersonnummerError::BirthNumber000 => f.write_str("birth number 000 is never assigned"),
            PersonnummerError::Checksum { expected, found } => {
                write!(f, "wrong check digit {found}: expected {expected}")
            }
            PersonnummerError::InFuture { birth_date } => {
                write!(f, "date of birth {birth_date} is in the future")
            }
            PersonnummerError::Interim { letter } => write!(
                f,
                "interim number (letter {letter} in the birth number): not a personnummer \
                 or coordination number"
            ),
        }
    }
}

impl core::error::Error for PersonnummerError {}

/// The Luhn check digit for nine digit values (each 0–9).
///
/// Weights alternate 2, 1, 2, … from the first digit; products over 9 have their digits
/// summed (equivalently, 9 is subtracted).
pub const fn luhn_check_digit(digits: &[u8; 9]) -> u8 {
    let mut sum = 0u32;
    let mut i = 0;
    while i < 9 {
        let mut v = digits[i] as u32;
        if i % 2 == 0 {
            v *= 2;
            if v > 9 {
                v -= 9;
            }
        }
        sum += v;
        i += 1;
    }
    ((10 - sum % 10) % 10) as u8
}

/// The separator written between date and birth number.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Sep {
    None,
    Minus,
    Plus,
}

/// The structurally checked parts of an input.
struct Parts {
    /// The century digits of a 12- or 13-character form.
    century: Option<u16>,
    sep: Sep,
    /// Digit values YYMMDDNNNC; for an interim number the letter's slot holds 0.
    d: [u8; 10],
    interim: Option<char>,
}

/// The structural pass: length, separator, characters. Kept separate from the date and
/// checksum pass so that both `parse` and `classify` share it.
fn split(input: &str) -> Result<Parts, PersonnummerError> {
    // ASCII trimming first: Unicode whitespace can only be present in non-ASCII text.
    let s = input.trim_ascii();
    let s = if s.is_ascii() { s } else { s.trim() };
    if s.is_empty() {
        return Err(PersonnummerError::Empty);
    }
    if !s.is_ascii() {
        return Err(non_ascii_error(s));
    }
    let b = s.as_bytes();
    // (offset of YYMMDD, position of the separator if any, whether a century is given)
    let (start, sep_at) = match b.len() {
        10 => (0, None),
        11 => (0, Some(6)),
        12 => (2, None),
        13 => (2, Some(8)),
        n => return Err(PersonnummerError::Length { found: saturate(n) }),
    };
    let sep = match sep_at {
        None => Sep::None,
        Some(i) => match b.get(i) {
            Some(b'-') => Sep::Minus,
            Some(b'+') => Sep::Plus,
            Some(&c) => {
                return Err(PersonnummerError::Separator { position: position(i), found: char::from(c) });
            }
            None => return Err(PersonnummerError::Length { found: saturate(b.len()) }),
        },
    };
    let century = if start == 2 {
        let mut c = 0u16;
        for (i, &ch) in b.iter().take(2).enumerate() {
            if !ch.is_ascii_digit() {
                return Err(PersonnummerError::Character { position: position(i), found: char::from(ch) });
            }
            c = c * 10 + u16::from(ch - b'0');
        }
        Some(c)
    } else {
        None
    };
    // The ten digits YYMMDDNNNC sit at fixed offsets once the form is known: read them
    // straight, and take the slow path only for a non-digit.
    let body = b.get(start..).unwrap_or(&[]);
    let (date_part, tail) = match sep_at {
        Some(_) => (body.get(..6).unwrap_or(&[]), body.get(7..).unwrap_or(&[])),
        None => (body.get(..6).unwrap_or(&[]), body.get(6..).unwrap_or(&[])),
    };
    let tail_start = start + if sep_at.is_some() { 7 } else { 6 };
    let mut d = [0u8; 10];
    let mut bad = false;
    for (slot, &ch) in d.iter_mut().zip(date_part.iter().chain(tail)) {
        let v = ch.wrapping_sub(b'0');
        bad |= v > 9;
        *slot = v;
    }
    let mut interim = None;
    if bad {
        for (k, slot) in d.iter_mut().enumerate() {
            if *slot <= 9 {
                continue;
            }
            let i = if k < 6 { start + k } else { tail_start + k - 6 };
            let ch = b.get(i).copied().unwrap_or(b' ');
            if k == 6 && INTERIM_LETTERS.contains(&ch.to_ascii_uppercase()) {
                interim = Some(char::from(ch.to_ascii_uppercase()));
                *slot = 0;
            } else {
                return Err(PersonnummerError::Character { position: position(i), found: char::from(ch) });
            }
        }
    }
    Ok(Parts { century, sep, d, interim })
}

/// The error for a trimmed input that holds non-ASCII characters (slow path; never taken by a
/// valid number).
#[cold]
fn non_ascii_error(s: &str) -> PersonnummerError {
    let n = s.chars().count();
    let sep_at = match n {
        11 => 7,
        13 => 9,
        10 | 12 => 0,
        _ => return PersonnummerError::Length { found: saturate(n) },
    };
    for (i, c) in s.chars().enumerate() {
        let position = position(i);
        if usize::from(position) == sep_at {
            if c != '-' && c != '+' {
                return PersonnummerError::Separator { position, found: c };
            }
        } else if !c.is_ascii_digit() {
            return PersonnummerError::Character { position, found: c };
        }
    }
    // Unreachable for non-ASCII input, but a sensible answer regardless.
    PersonnummerError::Length { found: saturate(n) }
}

/// The 1-based position of index `i` (inputs that get this far are at most 13 long).
fn position(i: usize) -> u8 {
    u8::try_from(i + 1).unwrap_or(u8::MAX)
}

fn saturate(n: usize) -> u16 {
    u16::try_from(n).unwrap_or(u16::MAX)
}

fn two(d: &[u8; 10], i: usize) -> u8 {
    d.get(i).copied().unwrap_or(0) * 10 + d.get(i + 1).copied().unwrap_or(0)
}

/// Resolves century and date; checks month, day, birth number 000 and the checksum.
fn validate(p: &Parts, today: Date) -> Result<Personnummer, PersonnummerError> {
    let d = &p.d;
    let yy = u16::from(two(d, 0));
    let month = two(d, 2);
    let day_field = two(d, 4);
    if !(1..=12).contains(&month) {
        return Err(PersonnummerError::Month { month });
    }
    let coordination = day_field > 60;
    let day = if coordination { day_field - 60 } else { day_field };

    let year: u16 = match p.century {
        Some(c) => {
            let year = c * 100 + yy;
            if year < 1800 {
                return Err(PersonnummerError::Century { year });
            }
            year
        }
        None => {
            // Work in i32: the candidate year may fall before year 1 for a `today` in the
            // first century, which no real input needs but which must not wrap.
            let t_year = i32::from(today.year());
            let mut year = t_year - t_year.rem_euclid(100) + i32::from(yy);
            match p.sep {
                Sep::Plus => {
                    // 100 or more in today's calendar year: year <= today.year - 100.
                    while year > t_year - 100 {
                        year -= 100;
                    }
                }
                Sep::Minus | Sep::None => {
                    // The most recent century in which the birthday is not after today.
                    if (year, month, day) > (t_year, today.month(), today.day()) {
                        year -= 100;
                    }
                }
            }
            // Skatteverket's registers hold centuries 18, 19 and 20; the same floor as for
            // 12-digit forms keeps both forms of a number equally valid.
            match u16::try_from(year) {
                Ok(y) if y >= 1800 => y,
                Ok(y) => return Err(PersonnummerError::Century { year: y }),
                Err(_) => return Err(PersonnummerError::Century { year: 0 }),
            }
        }
    };
    if day == 0 || day > days_in_month(year, month) {
        return Err(PersonnummerError::Day { day: day_field, month, year });
    }
    let birth_date = match Date::new(year, month, day) {
        Ok(date) => date,
        Err(_) => {
            return Err(PersonnummerError::Day { day: day_field, month, year });
        }
    };
    if birth_date > today {
        return Err(PersonnummerError::InFuture { birth_date });
    }
    if p.century.is_some() && p.sep == Sep::Plus && today.year() < year.saturating_add(100) {
        return Err(PersonnummerError::PlusUnder100 { year });
    }
    if let Some(letter) = p.interim {
        return Err(PersonnummerError::Interim { letter });
    }
    let birth_number = u16::from(two(d, 6)) * 10 + u16::from(d[8]);
    if birth_number == 0 {
        return Err(PersonnummerError::BirthNumber000);
    }
    let nine = [d[0], d[1], d[2], d[3], d[4], d[5], d[6], d[7], d[8]];
    let expected = luhn_check_digit(&nine);
    if d[9] != expected {
        return Err(PersonnummerError::Checksum { expected, found: d[9] });
    }
    Ok(Personnummer { birth_date, birth_number, check: expected, coordination })
}

/// What kind of number `input` is, if it is a well-formed one.
///
/// Returns [`Kind::Interim`] for an interim number whose date is valid (its check digit is
/// not verified: interim numbers are local and their check rules vary), and the kind of a
/// valid personnummer or samordningsnummer; any other problem is the same error
/// [`Personnummer::parse`] gives.
pub fn classify(input: &str, today: Date) -> Result<Kind, PersonnummerError> {
    match Personnummer::parse(input, today) {
        Ok(p) => Ok(p.kind()),
        Err(PersonnummerError::Interim { .. }) => Ok(Kind::Interim),
        Err(e) => Err(e),
    }
}

/// Whether `input` is a well-formed interim number (see [`classify`]).
pub fn is_interim(input: &str, today: Date) -> bool {
    classify(input, today) == Ok(Kind::Interim)
}

impl Personnummer {
    /// Parses and validates a personnummer or samordningsnummer in any accepted form (see
    /// the [module docs](self)), resolving the century against `today`.
    ///
    /// Never panics; allocation-free.
    pub fn parse(input: &str, today: Date) -> Result<Personnummer, PersonnummerError> {
        let parts = split(input)?;
        validate(&parts, today)
    }

    /// The date of birth (for a samordningsnummer, the day minus 60).
    pub const fn birth_date(&self) -> Date {
        self.birth_date
    }

    /// Personnummer or samordningsnummer; never [`Kind::Interim`].
    pub const fn kind(&self) -> Kind {
        if self.coordination { Kind::Samordningsnummer } else { Kind::Personnummer }
    }

    /// Whether this is a samordningsnummer (coordination number).
    pub const fn is_coordination_number(&self) -> bool {
        self.coordination
    }

    /// Legal sex from the ninth digit.
    pub const fn sex(&self) -> Sex {
        if self.birth_number % 2 == 1 { Sex::Male } else { Sex::Female }
    }

    /// The three-digit birth number, 1–999.
    pub const fn birth_number(&self) -> u16 {
        self.birth_number
    }

    /// The check digit.
    pub const fn check_digit(&self) -> u8 {
        self.check
    }

    /// The age in whole years on `today` (0 if `today` is before the birth date).
    pub fn age(&self, today: Date) -> u16 {
        let b = self.birth_date;
        let mut years = today.year().saturating_sub(b.year());
        if (today.month(), today.day()) < (b.month(), b.day()) {
            years = years.saturating_sub(1);
        }
        years
    }

    /// Whether the short form takes `+`: the person turns 100 or more in `today`'s year.
    pub fn is_centenarian(&self, today: Date) -> bool {
        today.year() >= self.birth_date.year().saturating_add(100)
    }

    fn digits(&self) -> [u8; 12] {
        let y = self.birth_date.year();
        let day = self.birth_date.day() + if self.coordination { 60 } else { 0 };
        let n = self.birth_number;
        let v = [
            y / 1000 % 10,
            y / 100 % 10,
            y / 10 % 10,
            y % 10,
            u16::from(self.birth_date.month() / 10),
            u16::from(self.birth_date.month() % 10),
            u16::from(day / 10),
            u16::from(day % 10),
            n / 100 % 10,
            n / 10 % 10,
            n % 10,
            u16::from(self.check),
        ];
        v.map(|x| b'0' + x as u8)
    }

    /// The long form `YYYYMMDD-NNNC`, as stored in registers and shown as `normalized`.
    pub fn long(&self) -> heapless::String<13> {
        let d = self.digits();
        let mut s = heapless::String::new();
        for (i, &c) in d.iter().enumerate() {
            if i == 8 {
                let _ = s.push('-');
            }
            let _ = s.push(char::from(c));
        }
        s
    }

    /// The short form `YYMMDD-NNNC`, with `+` when the person turns 100 or more in `today`'s
    /// year.
    pub fn short(&self, today: Date) -> heapless::String<11> {
        let d = self.digits();
        let sep = if self.is_centenarian(today) { '+' } else { '-' };
        let mut s = heapless::String::new();
        for (i, &c) in d.iter().enumerate().skip(2) {
            if i == 8 {
                let _ = s.push(sep);
            }
            let _ = s.push(char::from(c));
        }
        s
    }

    /// The twelve digits `YYYYMMDDNNNC` without separator.
    pub fn digits12(&self) -> heapless::String<12> {
        let mut s = heapless::String::new();
        for c in self.digits() {
            let _ = s.push(char::from(c));
        }
        s
    }
}

/// The long form `YYYYMMDD-NNNC`.
impl fmt::Display for Personnummer {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.long().as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn today() -> Date {
        Date::new(2026, 11, 23).unwrap()
    }

    #[test]
    fn luhn() {
        assert_eq!(luhn_check_digit(&[8, 1, 1, 2, 1, 8, 9, 8, 7]), 6);
        assert_eq!(luhn_check_digit(&[7, 0, 1, 0, 6, 3, 2, 3, 9]), 1);
    }

    #[test]
    fn forms() {
        for s in ["811218-9876", "8112189876", "19811218-9876", "198112189876", " 811218-9876\n"] {
            let p = Personnummer::parse(s, today()).unwrap();
            assert_eq!(p.long().as_str(), "19811218-9876", "{s}");
        }
    }

    #[test]
    fn plus_century() {
        let p = Personnummer::parse("261123+9876", today());
        // 1926-11-23: turns 100 in 2026; whatever the checksum, the century is 1900.
        match p {
            Err(PersonnummerError::Checksum { .. }) | Ok(_) => {}
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn non_ascii() {
        assert_eq!(
            Personnummer::parse("811218–9876", today()),
            Err(PersonnummerError::Separator { position: 7, found: '–' })
        );
        assert_eq!(
            Personnummer::parse("811218987é", today()),
            Err(PersonnummerError::Character { position: 10, found: 'é' })
        );
    }
}

//! The recruitment unit's indicators and targets, tertials, and evaluation of survey results
//! against them.
//!
//! Results are followed up per *tertial*: T1 January–April, T2 May–August, T3
//! September–December. Targets are data with their source, because they change from one
//! year's plan to the next.
//!
//! ```
//! use rekry_core::indicators::{Tertial, evaluate, Indicator};
//! use rekry_core::survey::{Answer, CatalogueId, Response, SurveyTally, Value};
//! use rekry_core::Date;
//!
//! let t = Tertial::of(Date::parse("2026-11-23").unwrap());
//! assert_eq!(t.to_string(), "2026 T3");
//!
//! let mut tally = SurveyTally::new(CatalogueId::JobFair);
//! for score in [10, 9, 10, 8, 9, 10] {
//!     let mut r = Response::new(CatalogueId::JobFair);
//!     r.push(Answer::new("recommend", Value::Score(score)).unwrap()).unwrap();
//!     tally.record(&r).unwrap();
//! }
//! let rows = evaluate(&tally, None);
//! let nps = rows.iter().find(|r| r.indicator == Indicator::Nps).unwrap();
//! assert_eq!(nps.n, 6);
//! assert_eq!(nps.value.unwrap().to_string(), "83.3");
//! ```

use core::fmt;

use crate::date::Date;
use crate::satisfaction::Share;
use crate::stats::{Interval, Sample, TargetStatus, Tenths};
use crate::survey::SurveyTally;
use crate::text::Text;

/// Report cells with fewer answers than this are suppressed, so that a time-of-day or
/// per-kiosk view cannot single anyone out.
pub const MIN_REPORT_CELL: u64 = 5;

/// Whether a report cell of `n` answers must be withheld: some answers, but fewer than
/// [`MIN_REPORT_CELL`]. An empty cell is shown as empty; it reveals nothing.
pub const fn is_suppressed(n: u64) -> bool {
    n > 0 && n < MIN_REPORT_CELL
}

/// A third of a year, the unit's follow-up period.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct Tertial {
    /// The year.
    pub year: u16,
    /// 1 (January–April), 2 (May–August) or 3 (September–December).
    pub number: u8,
}

impl Tertial {
    /// The tertial that `date` falls in.
    pub const fn of(date: Date) -> Tertial {
        Tertial { year: date.year(), number: (date.month() - 1) / 4 + 1 }
    }

    /// The first day of the tertial, `None` if `number` is not 1–3 or the year is 0.
    pub fn first_day(self) -> Option<Date> {
        if !(1..=3).contains(&self.number) {
            return None;
        }
        Date::new(self.year, (self.number - 1) * 4 + 1, 1).ok()
    }

    /// The last day of the tertial, `None` if `number` is not 1–3 or the year is 0.
    pub fn last_day(self) -> Option<Date> {
        let first = self.first_day()?;
        Some(first.add_months(4).add_days(-1))
    }

    /// Whether `date` falls in this tertial.
    pub fn contains(self, date: Date) -> bool {
        Tertial::of(date) == self
    }

    /// Parses `2026 T3`, `2026-T3` or `2026T3`.
    pub fn parse(text: &str) -> Option<Tertial> {
        let t = text.trim().as_bytes();
        if t.len() < 6 {
            return None;
        }
        let year = crate::date::digits(t.get(0..4)?)?;
        let rest = match t.get(4..)? {
            [b' ' | b'-', rest @ ..] => rest,
            rest => rest,
        };
        let number = match rest {
            [b'T' | b't', n @ b'1'..=b'3'] => n - b'0',
            _ => return None,
        };
        let t = Tertial { year: u16::try_from(year).ok()?, number };
        t.first_day().map(|_| t)
    }
}

impl fmt::Display for Tertial {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} T{}", self.year, self.number)
    }
}

/// How often an indicator is followed up.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "lowercase"))]
pub enum Period {
    /// Every tertial.
    Tertial,
    /// Once a year.
    Year,
}

/// The unit's indicators.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "kebab-case"))]
pub enum Indicator {
    /// Net Promoter Score.
    Nps,
    /// Candidates satisfied (6–10) with how they were treated (*bemötande*).
    Treatment,
    /// Hired candidates satisfied (6–10) with the consultants' availability.
    Availability,
    /// Candidates who found the process as a whole professional and well planned (6–10).
    Professional,
    /// Candidates who found the process inclusive and non-discriminatory.
    Inclusive,
    /// Candidates who answered the survey, of those invited.
    ResponseRate,
}

impl Indicator {
    /// A stable id, such as `"response-rate"`.
    pub const fn as_str(self) -> &'static str {
        match self {
            Indicator::Nps => "nps",
            Indicator::Treatment => "treatment",
            Indicator::Availability => "availability",
            Indicator::Professional => "professional",
            Indicator::Inclusive => "inclusive",
            Indicator::ResponseRate => "response-rate",
        }
    }
}

/// What an indicator measures.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[cfg_attr(feature = "serde", serde(tag = "kind", content = "question", rename_all = "kebab-case"))]
pub enum Measure {
    /// The NPS of an NPS question.
    Nps(&'static str),
    /// The share rating a 1–10 question 6–10.
    Satisfied(&'static str),
    /// The share answering yes to a yes/no question.
    Yes(&'static str),
    /// Responses divided by invitations.
    ResponseRate,
}

/// A target for one indicator.
#[derive(Debug, Clone, Copy, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct Target {
    /// The indicator.
    pub indicator: Indicator,
    /// Its name in Swedish and English.
    pub name: Text,
    /// What is measured.
    pub measure: Measure,
    /// The target: NPS points for NPS, percent otherwise. Met when at least this.
    pub threshold: f64,
    /// How often it is followed up.
    pub period: Period,
    /// Where the target comes from.
    pub source: &'static str,
}

const PLAN: &str = "Stockholm stad HR-service, verksamhetsplan, indicator tables";

/// The unit's targets.
pub const TARGETS: [Target; 6] = [
    Target {
        indicator: Indicator::Nps,
        name: Text::new("Net Promoter Score", "Net Promoter Score"),
        measure: Measure::Nps("recommend"),
        threshold: 70.0,
        period: Period::Tertial,
        source: "Stockholm stad, verksamhetsberättelse 2025 §13a: target 70 (2025 result 86.4)",
    },
    Target {
        indicator: Indicator::Treatment,
        name: Text::new("Nöjda med bemötandet", "Satisfied with treatment"),
        measure: Measure::Satisfied("treatment"),
        threshold: 92.0,
        period: Period::Tertial,
        source: PLAN,
    },
    Target {
        indicator: Indicator::Availability,
        name: Text::new("Nöjda med HR-konsultens tillgänglighet", "Satisfied with the consultant's availability"),
        measure: Measure::Satisfied("availability"),
        threshold: 95.0,
        period: Period::Tertial,
        source: PLAN,
    },
    Target {
        indicator: Indicator::Professional,
        name: Text::new("Professionell och välplanerad process", "Professional and well-planned process"),
        measure: Measure::Satisfied("overall"),
        threshold: 90.0,
        period: Period::Tertial,
        source: PLAN,
    },
    Target {
        indicator: Indicator::Inclusive,
        name: Text::new("Inkluderande och icke-diskriminerande", "Inclusive and non-discriminatory"),
        measure: Measure::Yes("non_discriminatory"),
        threshold: 85.0,
        period: Period::Year,
        source: PLAN,
    },
    Target {
        indicator: Indicator::ResponseRate,
        name: Text::new("Svarsfrekvens", "Response rate"),
        measure: Measure::ResponseRate,
        threshold: 68.0,
        period: Period::Tertial,
        source: PLAN,
    },
];

/// The target for `indicator`.
pub fn target(indicator: Indicator) -> &'static Target {
    // TARGETS has one entry per indicator, in declaration order.
    &TARGETS[indicator as usize]
}

/// One row of an indicator report.
#[derive(Debug, Clone, Copy, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct IndicatorRow {
    /// The indicator.
    pub indicator: Indicator,
    /// The figure to one decimal; `None` when there are no answers or the cell is suppressed.
    pub value: Option<Tenths>,
    /// Number of answers (responses for the response rate). Always shown, even when the
    /// cell is suppressed, so readers know why it is blank.
    pub n: u64,
    /// The 95 % interval (adjusted-Wald for NPS, Wilson for shares).
    pub interval: Option<Interval>,
    /// The target.
    pub target: f64,
    /// Met, missed or undecided at 95 % confidence.
    pub status: TargetStatus,
    /// Empty, small or adequate sample.
    pub sample: Sample,
    /// Fewer than [`MIN_REPORT_CELL`] answers: value and interval are withheld.
    pub suppressed: bool,
}

/// Evaluates a catalogue's tally against every target it has a question for; the response
/// rate is included when `invitations` is given. Cells with fewer than
/// [`MIN_REPORT_CELL`] answers are suppressed.
pub fn evaluate(tally: &SurveyTally, invitations: Option<u64>) -> heapless::Vec<IndicatorRow, 6> {
    let mut rows = heapless::Vec::new();
    for t in &TARGETS {
        let row = match t.measure {
            Measure::Nps(q) => tally.nps(q).map(|n| {
                row(t, n.n(), n.nps().map(|v| Tenths(v.tenths())), n.interval95(), n.target_status(t.threshold))
            }),
            Measure::Satisfied(q) => tally.rating(q).map(|r| share_row(t, r.satisfied())),
            Measure::Yes(q) => tally.yes_no(q).map(|y| share_row(t, y.yes_share())),
            Measure::ResponseRate => invitations.map(|inv| share_row(t, Share::new(u64::from(tally.responses()), inv))),
        };
        if let Some(row) = row {
            // One row per target and at most six targets: capacity cannot run out.
            let _ = rows.push(row);
        }
    }
    rows
}

fn share_row(t: &Target, s: Share) -> IndicatorRow {
    row(t, s.n, s.percent(), s.interval95(), s.target_status(t.threshold))
}

fn row(t: &Target, n: u64, value: Option<Tenths>, interval: Option<Interval>, status: TargetStatus) -> IndicatorRow {
    let suppressed = is_suppressed(n);
    IndicatorRow {
        indicator: t.indicator,
        value: if suppressed { None } else { value },
        n,
        interval: if suppressed { None } else { interval },
        target: t.threshold,
        status: if suppressed { TargetStatus::NoData } else { status },
        sample: Sample::of(n),
        suppressed,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Date {
        Date::parse(s).unwrap()
    }

    #[test]
    fn tertial_boundaries() {
        assert_eq!(Tertial::of(d("2026-01-01")).number, 1);
        assert_eq!(Tertial::of(d("2026-04-30")).number, 1);
        assert_eq!(Tertial::of(d("2026-05-01")).number, 2);
        assert_eq!(Tertial::of(d("2026-08-31")).number, 2);
        assert_eq!(Tertial::of(d("2026-09-01")).number, 3);
        assert_eq!(Tertial::of(d("2026-12-31")).number, 3);
        let t2 = Tertial { year: 2024, number: 2 };
        assert_eq!(t2.first_day(), Some(d("2024-05-01")));
        assert_eq!(t2.last_day(), Some(d("2024-08-31")));
        assert_eq!(Tertial { year: 2024, number: 1 }.last_day(), Some(d("2024-04-30")));
        assert_eq!(Tertial { year: 2024, number: 4 }.first_day(), None);
    }

    #[test]
    fn tertial_parse() {
        assert_eq!(Tertial::parse("2026 T3"), Some(Tertial { year: 2026, number: 3 }));
        assert_eq!(Tertial::parse("2026-t1"), Some(Tertial { year: 2026, number: 1 }));
        assert_eq!(Tertial::parse("2026T2"), Some(Tertial { year: 2026, number: 2 }));
        for bad in ["2026 T4", "26 T1", "", "2026 X1", "0000 T1", "2026 T11"] {
            assert_eq!(Tertial::parse(bad), None, "{bad}");
        }
    }

    #[test]
    fn targets_in_indicator_order() {
        for (i, t) in TARGETS.iter().enumerate() {
            assert_eq!(t.indicator as usize, i);
            assert!(!t.source.is_empty());
        }
        assert_eq!(target(Indicator::Inclusive).period, Period::Year);
    }

    #[test]
    fn small_cells_are_suppressed() {
        use crate::survey::{Answer, CatalogueId, Response, Value};
        let mut tally = SurveyTally::new(CatalogueId::Candidate);
        for _ in 0..4 {
            let mut r = Response::new(CatalogueId::Candidate);
            r.push(Answer::new("recommend", Value::Score(10)).unwrap()).unwrap();
            tally.record(&r).unwrap();
        }
        let rows = evaluate(&tally, Some(10));
        let nps = rows.iter().find(|r| r.indicator == Indicator::Nps).unwrap();
        assert!(nps.suppressed && nps.value.is_none() && nps.n == 4);
        assert_eq!(nps.status, TargetStatus::NoData);
        let rate = rows.iter().find(|r| r.indicator == Indicator::ResponseRate).unwrap();
        // Ten invitations is enough to show the rate; it reveals nothing about an answer.
        assert!(!rate.suppressed);
        assert_eq!(rate.value, Some(Tenths(400)));
        let treatment = rows.iter().find(|r| r.indicator == Indicator::Treatment).unwrap();
        assert_eq!(treatment.n, 0);
        assert!(!treatment.suppressed && treatment.value.is_none());
        assert_eq!(rows.len(), 6);
    }
}

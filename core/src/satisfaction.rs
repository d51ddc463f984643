//! Satisfaction: 1–10 ratings, yes/no answers and the share that is satisfied.
//!
//! "Nöjdheten bedöms på en skala 1-10 där svar mellan 6-10 definieras som nöjd" — satisfaction
//! is rated 1–10 and an answer of 6–10 counts as satisfied (Stockholm stad, HR-service
//! verksamhetsplan, indicator tables). Yes/no questions (the candidate survey in the 2025
//! verksamhetsberättelse §13b) are reported as the share answering yes.
//!
//! ```
//! use rekry_core::satisfaction::{Rating, RatingTally, YesNoTally};
//! use rekry_core::stats::TargetStatus;
//!
//! let mut treatment = RatingTally::new();
//! for r in [10, 9, 8, 6, 5, 10, 9] {
//!     treatment.record(Rating::new(r).unwrap()).unwrap();
//! }
//! let share = treatment.satisfied();
//! assert_eq!((share.successes, share.n), (6, 7));
//! assert_eq!(share.percent().unwrap().to_string(), "85.7");
//! assert_eq!(share.target_status(92.0), TargetStatus::Undecided);
//!
//! let mut informed = YesNoTally::new();
//! informed.record(true).unwrap();
//! assert_eq!(informed.yes_share().percent().unwrap().to_string(), "100.0");
//! ```

use core::fmt;

use crate::nps::{TallyOverflow, add_counts};
use crate::stats::{Interval, Sample, TargetStatus, Tenths, Z95, wilson};

/// The lowest rating that counts as satisfied.
pub const SATISFIED_FROM: u8 = 6;

/// An answer on the 1–10 satisfaction scale.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(try_from = "u8", into = "u8"))]
pub struct Rating(u8);

/// A rating outside 1–10.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RatingError {
    /// The rejected value.
    pub value: i64,
}

impl fmt::Display for RatingError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "rating must be an integer 1–10, got {}", self.value)
    }
}

impl core::error::Error for RatingError {}

impl Rating {
    /// A rating, if `value` is 1–10.
    pub const fn new(value: u8) -> Result<Rating, RatingError> {
        if value >= 1 && value <= 10 { Ok(Rating(value)) } else { Err(RatingError { value: value as i64 }) }
    }

    /// A rating from any integer, if it is 1–10.
    pub const fn from_i64(value: i64) -> Result<Rating, RatingError> {
        if value >= 1 && value <= 10 { Ok(Rating(value as u8)) } else { Err(RatingError { value }) }
    }

    /// The value 1–10.
    pub const fn value(self) -> u8 {
        self.0
    }

    /// Whether the rating counts as satisfied (6–10).
    pub const fn is_satisfied(self) -> bool {
        self.0 >= SATISFIED_FROM
    }
}

impl TryFrom<u8> for Rating {
    type Error = RatingError;
    fn try_from(value: u8) -> Result<Self, Self::Error> {
        Rating::new(value)
    }
}

impl From<Rating> for u8 {
    fn from(r: Rating) -> u8 {
        r.0
    }
}

/// A count of successes out of `n`: satisfied raters, or yes answers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct Share {
    /// Satisfied answers, or yes answers.
    pub successes: u64,
    /// All answers.
    pub n: u64,
}

impl Share {
    /// `successes` out of `n` (successes above `n` are capped at `n`).
    pub const fn new(successes: u64, n: u64) -> Share {
        Share { successes: if successes > n { n } else { successes }, n }
    }

    /// The share in percent, exact to one decimal; `None` when there are no answers.
    pub const fn percent(&self) -> Option<Tenths> {
        Tenths::percent(self.successes as i64, self.n)
    }

    /// The Wilson 95 % interval in percent; `None` when there are no answers.
    pub fn interval95(&self) -> Option<Interval> {
        wilson(self.successes, self.n, Z95)
    }

    /// Whether the sample is empty, small or adequate.
    pub const fn sample(&self) -> Sample {
        Sample::of(self.n)
    }

    /// Whether the share meets `target_percent` with 95 % confidence (Wilson interval).
    pub fn target_status(&self, target_percent: f64) -> TargetStatus {
        TargetStatus::judge(self.interval95(), target_percent)
    }
}

/// Counts of each rating 1–10. Recording and merging are checked like
/// [`NpsTally`](crate::nps::NpsTally)'s.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct RatingTally {
    counts: [u32; 10],
}

impl RatingTally {
    /// An empty tally.
    pub const fn new() -> RatingTally {
        RatingTally { counts: [0; 10] }
    }

    /// A tally from counts of ratings 1 to 10.
    pub const fn from_counts(counts: [u32; 10]) -> RatingTally {
        RatingTally { counts }
    }

    /// Counts of ratings 1 to 10 (index 0 is rating 1).
    pub const fn counts(&self) -> &[u32; 10] {
        &self.counts
    }

    /// Records one rating.
    pub fn record(&mut self, rating: Rating) -> Result<(), TallyOverflow> {
        let slot = &mut self.counts[usize::from(rating.0 - 1)];
        *slot = slot.checked_add(1).ok_or(TallyOverflow)?;
        Ok(())
    }

    /// Adds `other` into this tally; on overflow this tally is unchanged.
    pub fn merge(&mut self, other: &RatingTally) -> Result<(), TallyOverflow> {
        self.counts = add_counts(self.counts, &other.counts)?;
        Ok(())
    }

    /// Number of ratings.
    pub fn n(&self) -> u64 {
        self.counts.iter().map(|&c| u64::from(c)).sum()
    }

    /// The share rating 6–10.
    pub fn satisfied(&self) -> Share {
        let satisfied = self.counts[usize::from(SATISFIED_FROM - 1)..].iter().map(|&c| u64::from(c)).sum();
        Share::new(satisfied, self.n())
    }

    /// The mean rating; `None` when there are no ratings.
    pub fn mean(&self) -> Option<f64> {
        let n = self.n();
        if n == 0 {
            return None;
        }
        let total: u64 = self.counts.iter().zip(1u64..).map(|(&c, r)| u64::from(c) * r).sum();
        Some(total as f64 / n as f64)
    }
}

/// Counts of yes and no answers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct YesNoTally {
    /// Yes answers.
    pub yes: u32,
    /// No answers.
    pub no: u32,
}

impl YesNoTally {
    /// An empty tally.
    pub const fn new() -> YesNoTally {
        YesNoTally { yes: 0, no: 0 }
    }

    /// Records one answer.
    pub fn record(&mut self, yes: bool) -> Result<(), TallyOverflow> {
        let slot = if yes { &mut self.yes } else { &mut self.no };
        *slot = slot.checked_add(1).ok_or(TallyOverflow)?;
        Ok(())
    }

    /// Adds `other` into this tally; on overflow this tally is unchanged.
    pub fn merge(&mut self, other: &YesNoTally) -> Result<(), TallyOverflow> {
        let [yes, no] = add_counts([self.yes, self.no], &[other.yes, other.no])?;
        *self = YesNoTally { yes, no };
        Ok(())
    }

    /// Number of answers.
    pub fn n(&self) -> u64 {
        u64::from(self.yes) + u64::from(self.no)
    }

    /// The share answering yes.
    pub fn yes_share(&self) -> Share {
        Share::new(u64::from(self.yes), self.n())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn six_is_satisfied_five_is_not() {
        assert!(Rating::new(6).unwrap().is_satisfied());
        assert!(!Rating::new(5).unwrap().is_satisfied());
        assert!(Rating::new(0).is_err());
        assert!(Rating::new(11).is_err());
    }

    #[test]
    fn empty_shares_are_none() {
        let t = RatingTally::new();
        assert_eq!(t.satisfied().percent(), None);
        assert_eq!(t.mean(), None);
        assert_eq!(t.satisfied().target_status(90.0), TargetStatus::NoData);
    }

    #[test]
    fn mean_and_share() {
        let t = RatingTally::from_counts([0, 0, 0, 0, 1, 0, 0, 0, 1, 2]);
        assert_eq!(t.n(), 4);
        assert_eq!(t.mean(), Some((5.0 + 9.0 + 20.0) / 4.0));
        assert_eq!(t.satisfied(), Share::new(3, 4));
    }

    #[test]
    fn merge_overflow_leaves_tally() {
        let mut a = YesNoTally { yes: u32::MAX, no: 1 };
        assert!(a.merge(&YesNoTally { yes: 1, no: 1 }).is_err());
        assert_eq!(a, YesNoTally { yes: u32::MAX, no: 1 });
    }
}

//! Confidence intervals and target decisions shared by [`nps`](crate::nps) and
//! [`satisfaction`](crate::satisfaction).
//!
//! Every figure a report shows comes with its uncertainty: a kiosk at a small fair collects a
//! few dozen answers, and an NPS of 80 from 12 answers says little. Values and interval bounds
//! are in percent (NPS points for NPS, 0–100 for shares).

use core::fmt;

/// The normal quantile for a two-sided 95 % interval, rounded as in the design brief and in
/// most NPS literature (Rocks 2016).
pub const Z95: f64 = 1.96;

/// Below this many answers the Wald margin of error is not trustworthy (the normal
/// approximation needs roughly 30 observations); reports say "small sample" and rely on the
/// adjusted-Wald or Wilson interval instead.
pub const SMALL_SAMPLE: u64 = 30;

/// A closed interval `[low, high]`, in the unit of the value it brackets.
#[derive(Debug, Clone, Copy, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct Interval {
    /// Lower bound.
    pub low: f64,
    /// Upper bound.
    pub high: f64,
}

impl Interval {
    /// Half the width of the interval.
    pub fn half_width(&self) -> f64 {
        (self.high - self.low) / 2.0
    }

    /// Whether `x` lies within the interval (bounds included).
    pub fn contains(&self, x: f64) -> bool {
        self.low <= x && x <= self.high
    }
}

impl fmt::Display for Interval {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "[{:.1}, {:.1}]", self.low, self.high)
    }
}

/// How much evidence a figure rests on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "kebab-case"))]
pub enum Sample {
    /// No answers: there is no figure, not a figure of zero.
    Empty,
    /// Fewer than [`SMALL_SAMPLE`] answers: the figure is shown with a wide interval and a
    /// warning.
    Small,
    /// Enough answers for the usual margin of error.
    Adequate,
}

impl Sample {
    /// The class of a sample of `n` answers.
    pub const fn of(n: u64) -> Sample {
        if n == 0 {
            Sample::Empty
        } else if n < SMALL_SAMPLE {
            Sample::Small
        } else {
            Sample::Adequate
        }
    }
}

/// Whether a figure meets its target, judged with 95 % confidence.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "kebab-case"))]
pub enum TargetStatus {
    /// The whole 95 % interval is at or above the target.
    Met,
    /// The whole 95 % interval is below the target.
    Missed,
    /// The interval straddles the target: more answers are needed to tell.
    Undecided,
    /// There are no answers to judge.
    NoData,
}

impl TargetStatus {
    /// The status of an interval against `target` (same unit).
    pub fn judge(interval: Option<Interval>, target: f64) -> TargetStatus {
        match interval {
            None => TargetStatus::NoData,
            Some(ci) if ci.low >= target => TargetStatus::Met,
            Some(ci) if ci.high < target => TargetStatus::Missed,
            Some(_) => TargetStatus::Undecided,
        }
    }

    /// A short English label: `met`, `missed`, `undecided`, `no data`.
    pub const fn label(self) -> &'static str {
        match self {
            TargetStatus::Met => "met",
            TargetStatus::Missed => "missed",
            TargetStatus::Undecided => "undecided",
            TargetStatus::NoData => "no data",
        }
    }

    /// The label in Swedish and English.
    pub const fn text(self) -> crate::Text {
        match self {
            TargetStatus::Met => crate::Text::new("uppnått", "met"),
            TargetStatus::Missed => crate::Text::new("ej uppnått", "missed"),
            TargetStatus::Undecided => crate::Text::new("ej avgjort", "undecided"),
            TargetStatus::NoData => crate::Text::new("inga svar", "no data"),
        }
    }
}

impl fmt::Display for TargetStatus {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.label())
    }
}

/// The Wilson score interval for `successes` out of `n`, in percent; `None` when `n` is 0.
///
/// Wilson's interval stays inside 0–100 and behaves well for shares near 100 %, where the
/// unit's targets (92 %, 95 %) sit and where the plain Wald interval collapses.
///
/// ```
/// use rekry_core::stats::wilson;
/// let ci = wilson(95, 100, rekry_core::stats::Z95).unwrap();
/// assert!((ci.low - 88.8).abs() < 0.1 && (ci.high - 97.8).abs() < 0.1);
/// assert!(wilson(0, 0, 1.96).is_none());
/// ```
pub fn wilson(successes: u64, n: u64, z: f64) -> Option<Interval> {
    if n == 0 {
        return None;
    }
    let n_f = n as f64;
    let p = successes.min(n) as f64 / n_f;
    let z2 = z * z;
    let denom = 1.0 + z2 / n_f;
    let centre = (p + z2 / (2.0 * n_f)) / denom;
    let half = z * libm::sqrt(p * (1.0 - p) / n_f + z2 / (4.0 * n_f * n_f)) / denom;
    Some(Interval { low: clamp((centre - half) * 100.0, 0.0, 100.0), high: clamp((centre + half) * 100.0, 0.0, 100.0) })
}

pub(crate) fn clamp(x: f64, low: f64, high: f64) -> f64 {
    if x < low {
        low
    } else if x > high {
        high
    } else {
        x
    }
}

/// Rounds `numerator / denominator` to the nearest integer, halves away from zero.
/// `denominator` must be positive.
pub(crate) const fn div_round_half_away(numerator: i128, denominator: i128) -> i128 {
    let q = numerator / denominator;
    let r = numerator % denominator;
    if 2 * r.abs() >= denominator { if numerator < 0 { q - 1 } else { q + 1 } } else { q }
}

/// A percentage given exactly to one decimal, as reports print it.
///
/// Stored as tenths so that `86.4` prints as `86.4`, never `86.39999`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct Tenths(pub i32);

impl Tenths {
    /// `part / whole` in percent, rounded to one decimal (halves away from zero); `None` when
    /// `whole` is 0.
    pub const fn percent(part: i64, whole: u64) -> Option<Tenths> {
        if whole == 0 {
            return None;
        }
        Some(Tenths(div_round_half_away(part as i128 * 1000, whole as i128) as i32))
    }

    /// The value as a float (for plotting and comparisons).
    pub fn as_f64(self) -> f64 {
        f64::from(self.0) / 10.0
    }
}

impl fmt::Display for Tenths {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let sign = if self.0 < 0 { "-" } else { "" };
        let abs = self.0.unsigned_abs();
        write!(f, "{sign}{}.{}", abs / 10, abs % 10)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::string::ToString;

    #[test]
    fn rounding_is_half_away_from_zero() {
        assert_eq!(Tenths::percent(1, 8).unwrap().0, 125); // 12.5 exactly
        assert_eq!(Tenths::percent(1, 16).unwrap().0, 63); // 6.25 -> 6.3
        assert_eq!(Tenths::percent(-1, 16).unwrap().0, -63); // -6.25 -> -6.3
        assert_eq!(Tenths::percent(2, 3).unwrap().0, 667);
        assert_eq!(Tenths::percent(-2, 3).unwrap().to_string(), "-66.7");
        assert_eq!(Tenths::percent(-1, 300).unwrap().to_string(), "-0.3");
        assert_eq!(Tenths::percent(0, 3).unwrap().to_string(), "0.0");
        assert!(Tenths::percent(1, 0).is_none());
    }

    #[test]
    fn wilson_extremes_stay_in_range() {
        let all = wilson(10, 10, Z95).unwrap();
        assert_eq!(all.high, 100.0);
        assert!(all.low > 60.0 && all.low < 80.0);
        let none = wilson(0, 10, Z95).unwrap();
        assert_eq!(none.low, 0.0);
    }

    #[test]
    fn judging() {
        let ci = Interval { low: 71.0, high: 80.0 };
        assert_eq!(TargetStatus::judge(Some(ci), 70.0), TargetStatus::Met);
        assert_eq!(TargetStatus::judge(Some(ci), 85.0), TargetStatus::Missed);
        assert_eq!(TargetStatus::judge(Some(ci), 75.0), TargetStatus::Undecided);
        assert_eq!(TargetStatus::judge(None, 75.0), TargetStatus::NoData);
    }
}

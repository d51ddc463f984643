//! Net Promoter Score: 0–10 answers, categories, tallies and NPS with its uncertainty.
//!
//! "Hur sannolikt är det att du skulle rekommendera … till en vän eller kollega?" is answered
//! 0–10. Promoters (*ambassadörer*) answer 9–10, passives 7–8, detractors (*kritiker*) 0–6, and
//! NPS = % promoters − % detractors, from −100 to +100 (Stockholm stad, verksamhetsberättelse
//! 2025, ordlista and §13a; the unit's 2025 result was 86.4 against a target of 70).
//!
//! ```
//! use rekry_core::nps::{Category, NpsTally, Score};
//! use rekry_core::stats::TargetStatus;
//!
//! assert_eq!(Score::new(8).unwrap().category(), Category::Passive);
//! assert!(Score::new(11).is_err());
//!
//! // 110 promoters, 13 passives and 2 detractors: the seed's 86.4.
//! let tally = NpsTally::from_counts([1, 0, 0, 0, 0, 0, 1, 5, 8, 50, 60]);
//! assert_eq!(tally.nps().unwrap().to_string(), "86.4");
//! assert_eq!(tally.target_status(70.0), TargetStatus::Met);
//! ```
//!
//! ## Rounding
//!
//! NPS is computed exactly in integers, `1000 · (promoters − detractors) / n`, and rounded to
//! tenths with halves away from zero (so 6.25 prints as 6.3 and −6.25 as −6.3). Intervals and
//! margins are floating point and printed to one decimal.
//!
//! ## Uncertainty
//!
//! With shares p₊ and p₋ of n answers, var = p₊ + p₋ − (p₊ − p₋)² and the Wald 95 % margin is
//! 1.96·√(var/n)·100. For small samples the adjusted-Wald interval (add 3 to n and ¾ to each of
//! promoters and detractors; Rocks 2016, "Interval estimation for the net promoter score")
//! has much better coverage; it is the interval used to decide whether a target is met.

use core::fmt;

use crate::stats::{Interval, Sample, TargetStatus, Tenths, Z95, clamp};

/// An answer to an NPS question: an integer 0–10.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(try_from = "u8", into = "u8"))]
pub struct Score(u8);

/// A score outside 0–10.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ScoreError {
    /// The rejected value.
    pub value: i64,
}

impl fmt::Display for ScoreError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "NPS score must be an integer 0–10, got {}", self.value)
    }
}

impl core::error::Error for ScoreError {}

impl Score {
    /// The lowest score, 0.
    pub const MIN: Score = Score(0);
    /// The highest score, 10.
    pub const MAX: Score = Score(10);

    /// A score, if `value` is 0–10.
    pub const fn new(value: u8) -> Result<Score, ScoreError> {
        if value <= 10 { Ok(Score(value)) } else { Err(ScoreError { value: value as i64 }) }
    }

    /// A score from any integer, if it is 0–10.
    pub const fn from_i64(value: i64) -> Result<Score, ScoreError> {
        if value >= 0 && value <= 10 { Ok(Score(value as u8)) } else { Err(ScoreError { value }) }
    }

    /// The value 0–10.
    pub const fn value(self) -> u8 {
        self.0
    }

    /// The category this score falls in.
    pub const fn category(self) -> Category {
        Category::of(self.0)
    }

    /// All eleven scores, 0 to 10.
    pub fn all() -> impl Iterator<Item = Score> {
        (0..=10).map(Score)
    }
}

impl TryFrom<u8> for Score {
    type Error = ScoreError;
    fn try_from(value: u8) -> Result<Self, Self::Error> {
        Score::new(value)
    }
}

impl From<Score> for u8 {
    fn from(s: Score) -> u8 {
        s.0
    }
}

impl fmt::Display for Score {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.0)
    }
}

/// The NPS category of an answer.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "lowercase"))]
pub enum Category {
    /// 0–6 (*kritiker*).
    Detractor,
    /// 7–8.
    Passive,
    /// 9–10 (*ambassadörer*).
    Promoter,
}

impl Category {
    /// The category of a 0–10 value (values above 10 count as promoters; use [`Score`] to
    /// validate first).
    pub const fn of(value: u8) -> Category {
        match value {
            0..=6 => Category::Detractor,
            7..=8 => Category::Passive,
            _ => Category::Promoter,
        }
    }

    /// `"detractor"`, `"passive"` or `"promoter"`.
    pub const fn label(self) -> &'static str {
        match self {
            Category::Detractor => "detractor",
            Category::Passive => "passive",
            Category::Promoter => "promoter",
        }
    }

    /// The category's name in Swedish and English.
    pub const fn text(self) -> crate::Text {
        match self {
            Category::Detractor => crate::Text::new("kritiker", "detractors"),
            Category::Passive => crate::Text::new("passiva", "passives"),
            Category::Promoter => crate::Text::new("ambassadörer", "promoters"),
        }
    }
}

/// A count would pass `u32::MAX`; the tally is left unchanged.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TallyOverflow;

impl fmt::Display for TallyOverflow {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("tally count would exceed 4,294,967,295; nothing was added")
    }
}

impl core::error::Error for TallyOverflow {}

/// Counts of each score 0–10.
///
/// Recording and merging are checked: a count that would overflow returns
/// [`TallyOverflow`] and leaves the tally as it was. Merging is associative and commutative,
/// so tallies from many kiosks can be combined in any order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct NpsTally {
    counts: [u32; 11],
}

/// An NPS figure, exact to one decimal (see the [module docs](self) for the rounding rule).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct Nps(Tenths);

impl Nps {
    /// NPS in tenths of a point, −1000..=1000.
    pub const fn tenths(self) -> i32 {
        self.0.0
    }

    /// NPS as a float, −100.0..=100.0.
    pub fn value(self) -> f64 {
        self.0.as_f64()
    }
}

impl fmt::Display for Nps {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(&self.0, f)
    }
}

/// Everything a report shows about one NPS question.
#[derive(Debug, Clone, Copy, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct NpsSummary {
    /// Number of answers.
    pub n: u64,
    /// Answers 9–10.
    pub promoters: u64,
    /// Answers 7–8.
    pub passives: u64,
    /// Answers 0–6.
    pub detractors: u64,
    /// The NPS, `None` when there are no answers.
    pub nps: Option<Nps>,
    /// The Wald 95 % margin of error in NPS points, `None` when there are no answers.
    pub margin95: Option<f64>,
    /// The adjusted-Wald 95 % interval, `None` when there are no answers.
    pub interval95: Option<Interval>,
    /// Whether the sample is empty, small or adequate.
    pub sample: Sample,
}

impl NpsTally {
    /// An empty tally.
    pub const fn new() -> NpsTally {
        NpsTally { counts: [0; 11] }
    }

    /// A tally from counts of scores 0 to 10.
    pub const fn from_counts(counts: [u32; 11]) -> NpsTally {
        NpsTally { counts }
    }

    /// A tally of `scores`, or an error if a count would overflow.
    pub fn from_scores(scores: &[Score]) -> Result<NpsTally, TallyOverflow> {
        let mut tally = NpsTally::new();
        tally.record_all(scores)?;
        Ok(tally)
    }

    /// The counts of scores 0 to 10.
    pub const fn counts(&self) -> &[u32; 11] {
        &self.counts
    }

    /// How many answered `score`.
    pub const fn count(&self, score: Score) -> u32 {
        self.counts[score.0 as usize]
    }

    /// Records one answer.
    #[inline]
    pub fn record(&mut self, score: Score) -> Result<(), TallyOverflow> {
        let slot = &mut self.counts[usize::from(score.0)];
        *slot = slot.checked_add(1).ok_or(TallyOverflow)?;
        Ok(())
    }

    /// Records many answers; on overflow nothing is recorded.
    pub fn record_all(&mut self, scores: &[Score]) -> Result<(), TallyOverflow> {
        // Counting into a local u64 batch first keeps the hot loop free of overflow checks
        // and makes the whole batch all-or-nothing.
        let mut batch = [0u64; 11];
        for s in scores {
            batch[usize::from(s.0)] += 1;
        }
        let mut next = self.counts;
        for (slot, add) in next.iter_mut().zip(batch) {
            let add = u32::try_from(add).map_err(|_| TallyOverflow)?;
            *slot = slot.checked_add(add).ok_or(TallyOverflow)?;
        }
        self.counts = next;
        Ok(())
    }

    /// Adds `other` into this tally; on overflow this tally is unchanged.
    pub fn merge(&mut self, other: &NpsTally) -> Result<(), TallyOverflow> {
        *self = self.merged(other)?;
        Ok(())
    }

    /// The sum of two tallies.
    pub fn merged(&self, other: &NpsTally) -> Result<NpsTally, TallyOverflow> {
        Ok(NpsTally { counts: add_counts(self.counts, &other.counts)? })
    }

    fn sum(&self, range: core::ops::RangeInclusive<usize>) -> u64 {
        self.counts[range].iter().map(|&c| u64::from(c)).sum()
    }

    /// Number of answers.
    pub fn n(&self) -> u64 {
        self.sum(0..=10)
    }

    /// Whether no answer has been recorded.
    pub fn is_empty(&self) -> bool {
        self.counts.iter().all(|&c| c == 0)
    }

    /// Answers 9–10.
    pub fn promoters(&self) -> u64 {
        self.sum(9..=10)
    }

    /// Answers 7–8.
    pub fn passives(&self) -> u64 {
        self.sum(7..=8)
    }

    /// Answers 0–6.
    pub fn detractors(&self) -> u64 {
        self.sum(0..=6)
    }

    /// Answers in `category`.
    pub fn in_category(&self, category: Category) -> u64 {
        match category {
            Category::Detractor => self.detractors(),
            Category::Passive => self.passives(),
            Category::Promoter => self.promoters(),
        }
    }

    /// The NPS, or `None` when there are no answers.
    pub fn nps(&self) -> Option<Nps> {
        let diff = self.promoters() as i64 - self.detractors() as i64;
        Tenths::percent(diff, self.n()).map(Nps)
    }

    /// Whether the sample is empty, small or adequate.
    pub fn sample(&self) -> Sample {
        Sample::of(self.n())
    }

    /// The Wald 95 % margin of error in NPS points; `None` when there are no answers.
    ///
    /// Unreliable below [`SMALL_SAMPLE`](crate::stats::SMALL_SAMPLE) answers and zero when
    /// every answer is in one category; prefer [`interval95`](Self::interval95) for decisions.
    pub fn margin95(&self) -> Option<f64> {
        let n = self.n();
        if n == 0 {
            return None;
        }
        Some(wald_half_width(self.promoters() as f64, self.detractors() as f64, n as f64))
    }

    /// The Wald 95 % interval: NPS ± [`margin95`](Self::margin95), clamped to −100..=100.
    pub fn wald95(&self) -> Option<Interval> {
        let centre = self.nps()?.value();
        let m = self.margin95()?;
        Some(Interval { low: clamp(centre - m, -100.0, 100.0), high: clamp(centre + m, -100.0, 100.0) })
    }

    /// The adjusted-Wald 95 % interval (Rocks 2016); `None` when there are no answers.
    pub fn interval95(&self) -> Option<Interval> {
        self.adjusted_interval(Z95)
    }

    /// The adjusted-Wald interval for the normal quantile `z`.
    pub fn adjusted_interval(&self, z: f64) -> Option<Interval> {
        let n = self.n();
        if n == 0 {
            return None;
        }
        let (p, d, n) = adjusted(self.promoters(), self.detractors(), n);
        let centre = (p - d) / n * 100.0;
        let half = wald_half_width(p, d, n) / Z95 * z;
        Some(Interval { low: clamp(centre - half, -100.0, 100.0), high: clamp(centre + half, -100.0, 100.0) })
    }

    /// How many more answers would bring the 95 % margin of error to at most `max_margin`
    /// NPS points, assuming future answers split like the present ones. `None` when
    /// `max_margin` is not a positive finite number.
    ///
    /// The shares are taken with the adjusted-Wald correction, so an empty or one-sided tally
    /// still gets a sensible (conservative) estimate instead of "0 more".
    ///
    /// ```
    /// use rekry_core::nps::NpsTally;
    /// let t = NpsTally::from_counts([2, 1, 1, 1, 1, 1, 3, 5, 10, 20, 15]);
    /// let more = t.answers_needed(5.0).unwrap();
    /// assert!(more > 0);
    /// assert_eq!(NpsTally::new().answers_needed(0.0), None);
    /// ```
    pub fn answers_needed(&self, max_margin: f64) -> Option<u64> {
        if !(max_margin.is_finite() && max_margin > 0.0) {
            return None;
        }
        let n = self.n();
        let (p, d, n_adj) = adjusted(self.promoters(), self.detractors(), n);
        let (pp, pd) = (p / n_adj, d / n_adj);
        let var = pp + pd - (pp - pd) * (pp - pd);
        let needed = libm::ceil((Z95 * 100.0) * (Z95 * 100.0) * var / (max_margin * max_margin));
        // `needed` is at most 1.96² · 10⁴ · 1 / margin², finite for any positive margin, but
        // a tiny margin can exceed u64; saturate rather than wrap.
        let needed = if needed >= u64::MAX as f64 { u64::MAX } else { needed as u64 };
        Some(needed.saturating_sub(n))
    }

    /// Whether the NPS meets `target` with 95 % confidence (adjusted-Wald interval).
    pub fn target_status(&self, target: f64) -> TargetStatus {
        TargetStatus::judge(self.interval95(), target)
    }

    /// Every figure at once.
    pub fn summary(&self) -> NpsSummary {
        NpsSummary {
            n: self.n(),
            promoters: self.promoters(),
            passives: self.passives(),
            detractors: self.detractors(),
            nps: self.nps(),
            margin95: self.margin95(),
            interval95: self.interval95(),
            sample: self.sample(),
        }
    }
}

/// Element-wise checked sum of two count arrays, shared by every tally type.
pub(crate) fn add_counts<const N: usize>(mut a: [u32; N], b: &[u32; N]) -> Result<[u32; N], TallyOverflow> {
    for (x, y) in a.iter_mut().zip(b) {
        *x = x.checked_add(*y).ok_or(TallyOverflow)?;
    }
    Ok(a)
}

fn adjusted(promoters: u64, detractors: u64, n: u64) -> (f64, f64, f64) {
    (promoters as f64 + 0.75, detractors as f64 + 0.75, n as f64 + 3.0)
}

/// The Wald half-width in NPS points for (possibly fractional) counts.
fn wald_half_width(promoters: f64, detractors: f64, n: f64) -> f64 {
    let (pp, pd) = (promoters / n, detractors / n);
    // Rounding can push the variance a hair below zero when all answers are in one category.
    let var = (pp + pd - (pp - pd) * (pp - pd)).max(0.0);
    Z95 * libm::sqrt(var / n) * 100.0
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::string::ToString;

    fn s(v: u8) -> Score {
        Score::new(v).unwrap()
    }

    #[test]
    fn categories_follow_the_definition() {
        for v in 0..=6 {
            assert_eq!(s(v).category(), Category::Detractor);
        }
        assert_eq!(s(7).category(), Category::Passive);
        assert_eq!(s(8).category(), Category::Passive);
        assert_eq!(s(9).category(), Category::Promoter);
        assert_eq!(s(10).category(), Category::Promoter);
        assert!(Score::new(11).is_err());
        assert!(Score::from_i64(-1).is_err());
    }

    #[test]
    fn empty_is_none_not_zero() {
        let t = NpsTally::new();
        assert_eq!(t.nps(), None);
        assert_eq!(t.margin95(), None);
        assert_eq!(t.interval95(), None);
        assert_eq!(t.sample(), Sample::Empty);
        assert_eq!(t.target_status(70.0), TargetStatus::NoData);
    }

    #[test]
    fn seed_figure_prints_exactly() {
        // 110 promoters, 13 passives, 2 detractors of 125: (110 - 2) / 125 = 86.4 %.
        let mut counts = [0; 11];
        counts[10] = 110;
        counts[8] = 13;
        counts[3] = 2;
        let t = NpsTally::from_counts(counts);
        assert_eq!(t.nps().unwrap().to_string(), "86.4");
        assert_eq!(t.nps().unwrap().tenths(), 864);
    }

    #[test]
    fn margin_matches_hand_calculation() {
        // 50 promoters, 30 passives, 20 detractors: p+ .5, p- .2, var = .7 - .09 = .61.
        let mut counts = [0; 11];
        counts[10] = 50;
        counts[7] = 30;
        counts[0] = 20;
        let t = NpsTally::from_counts(counts);
        let m = t.margin95().unwrap();
        assert!((m - 1.96 * (0.61f64 / 100.0).sqrt() * 100.0).abs() < 1e-9);
        assert_eq!(t.nps().unwrap().to_string(), "30.0");
        let ci = t.interval95().unwrap();
        assert!(ci.contains(30.0));
    }

    #[test]
    fn adjusted_wald_is_not_degenerate_for_unanimous_samples() {
        let t = NpsTally::from_scores(&[s(10), s(10), s(9)]).unwrap();
        assert_eq!(t.margin95(), Some(0.0));
        let ci = t.interval95().unwrap();
        assert!(ci.low < 60.0 && ci.high == 100.0);
        assert_eq!(t.target_status(70.0), TargetStatus::Undecided);
    }

    #[test]
    fn overflow_is_reported_and_harmless() {
        let mut t = NpsTally::from_counts([u32::MAX, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
        let before = t;
        assert_eq!(t.record(s(0)), Err(TallyOverflow));
        assert_eq!(t, before);
        assert_eq!(t.merge(&NpsTally::from_scores(&[s(5), s(0)]).unwrap()), Err(TallyOverflow));
        assert_eq!(t, before);
        assert_eq!(t.record_all(&[s(10), s(0)]), Err(TallyOverflow));
        assert_eq!(t, before);
        assert_eq!(t.n(), u64::from(u32::MAX));
    }

    #[test]
    fn answers_needed_shrinks_as_answers_arrive() {
        let small = NpsTally::from_counts([1, 0, 0, 0, 0, 0, 1, 2, 2, 3, 3]);
        let large = NpsTally::from_counts([10, 0, 0, 0, 0, 0, 10, 20, 20, 30, 30]);
        let a = small.answers_needed(10.0).unwrap();
        let b = large.answers_needed(10.0).unwrap();
        assert!(a > b);
        // Reaching the estimate really does bring the margin under the width.
        let mut grown = large;
        let factor = (large.n() + b) as f64 / large.n() as f64;
        for c in grown.counts.iter_mut() {
            *c = (f64::from(*c) * factor).ceil() as u32;
        }
        assert!(grown.margin95().unwrap() <= 10.5);
        assert_eq!(small.answers_needed(f64::NAN), None);
        assert_eq!(small.answers_needed(-1.0), None);
        assert_eq!(small.answers_needed(1e-300), Some(u64::MAX - small.n()));
    }
}

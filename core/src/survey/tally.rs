//! Per-question tallies of a catalogue's responses.

use core::fmt;

use super::{CatalogueId, MAX_QUESTIONS, QuestionKind, Response, Value};
use crate::nps::{NpsTally, Score, TallyOverflow};
use crate::satisfaction::{Rating, RatingTally, YesNoTally};

/// The tally of one question, by its kind.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "kebab-case"))]
pub enum QuestionTally {
    /// An NPS question.
    Nps(NpsTally),
    /// A 1–10 rating.
    Rating(RatingTally),
    /// A yes/no question.
    YesNo(YesNoTally),
}

impl QuestionTally {
    /// An empty tally for a question of `kind`.
    pub const fn empty(kind: QuestionKind) -> QuestionTally {
        match kind {
            QuestionKind::Nps => QuestionTally::Nps(NpsTally::new()),
            QuestionKind::Rating => QuestionTally::Rating(RatingTally::new()),
            QuestionKind::YesNo => QuestionTally::YesNo(YesNoTally::new()),
        }
    }

    /// Number of answers.
    pub fn n(&self) -> u64 {
        match self {
            QuestionTally::Nps(t) => t.n(),
            QuestionTally::Rating(t) => t.n(),
            QuestionTally::YesNo(t) => t.n(),
        }
    }

    fn record(&mut self, value: Value) -> Result<(), TallyOverflow> {
        match (self, value) {
            (QuestionTally::Nps(t), Value::Score(v)) => match Score::from_i64(v.into()) {
                Ok(s) => t.record(s),
                Err(_) => Ok(()),
            },
            (QuestionTally::Rating(t), Value::Score(v)) => match Rating::from_i64(v.into()) {
                Ok(r) => t.record(r),
                Err(_) => Ok(()),
            },
            (QuestionTally::YesNo(t), Value::Yes(y)) => t.record(y),
            _ => Ok(()),
        }
    }

    fn merge(&mut self, other: &QuestionTally) -> Result<(), TallyError> {
        match (self, other) {
            (QuestionTally::Nps(a), QuestionTally::Nps(b)) => a.merge(b)?,
            (QuestionTally::Rating(a), QuestionTally::Rating(b)) => a.merge(b)?,
            (QuestionTally::YesNo(a), QuestionTally::YesNo(b)) => a.merge(b)?,
            _ => return Err(TallyError::Mismatch),
        }
        Ok(())
    }
}

/// Why a response or tally could not be added.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TallyError {
    /// A count would overflow; nothing was added.
    Overflow,
    /// The response or tally belongs to another catalogue, or its shape differs.
    Mismatch,
}

impl From<TallyOverflow> for TallyError {
    fn from(_: TallyOverflow) -> Self {
        TallyError::Overflow
    }
}

impl fmt::Display for TallyError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            TallyError::Overflow => fmt::Display::fmt(&TallyOverflow, f),
            TallyError::Mismatch => f.write_str("tally belongs to another catalogue"),
        }
    }
}

impl core::error::Error for TallyError {}

/// Tallies of every question of one catalogue, plus the number of responses.
///
/// ```
/// use rekry_core::survey::{Answer, CatalogueId, Response, SurveyTally, Value};
/// let mut tally = SurveyTally::new(CatalogueId::JobFair);
/// let mut r = Response::new(CatalogueId::JobFair);
/// r.push(Answer::new("recommend", Value::Score(10)).unwrap()).unwrap();
/// tally.record(&r).unwrap();
/// assert_eq!(tally.nps("recommend").unwrap().n(), 1);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct SurveyTally {
    catalogue: CatalogueId,
    responses: u32,
    questions: heapless::Vec<QuestionTally, MAX_QUESTIONS>,
}

impl SurveyTally {
    /// An empty tally for `catalogue`.
    pub fn new(catalogue: CatalogueId) -> SurveyTally {
        let questions =
            catalogue.catalogue().questions.iter().take(MAX_QUESTIONS).map(|q| QuestionTally::empty(q.kind)).collect();
        SurveyTally { catalogue, responses: 0, questions }
    }

    /// The catalogue tallied.
    pub const fn catalogue(&self) -> CatalogueId {
        self.catalogue
    }

    /// Number of responses recorded.
    pub const fn responses(&self) -> u32 {
        self.responses
    }

    /// The tallies, in catalogue order.
    pub fn questions(&self) -> &[QuestionTally] {
        &self.questions
    }

    /// The tally of question `id`.
    pub fn question(&self, id: &str) -> Option<&QuestionTally> {
        let (i, _) = self.catalogue.catalogue().question(id)?;
        self.questions.get(i)
    }

    /// The NPS tally of question `id`, if it is an NPS question.
    pub fn nps(&self, id: &str) -> Option<&NpsTally> {
        match self.question(id)? {
            QuestionTally::Nps(t) => Some(t),
            _ => None,
        }
    }

    /// The rating tally of question `id`, if it is a rating question.
    pub fn rating(&self, id: &str) -> Option<&RatingTally> {
        match self.question(id)? {
            QuestionTally::Rating(t) => Some(t),
            _ => None,
        }
    }

    /// The yes/no tally of question `id`, if it is a yes/no question.
    pub fn yes_no(&self, id: &str) -> Option<&YesNoTally> {
        match self.question(id)? {
            QuestionTally::YesNo(t) => Some(t),
            _ => None,
        }
    }

    /// Mutable access to question `id`'s tally, for callers that aggregate counts themselves
    /// (a database summing answers per value, for example).
    pub fn question_mut(&mut self, id: &str) -> Option<&mut QuestionTally> {
        let (i, _) = self.catalogue.catalogue().question(id)?;
        self.questions.get_mut(i)
    }

    /// Adds to the response count (for callers that aggregate answers themselves).
    pub fn add_responses(&mut self, count: u32) -> Result<(), TallyOverflow> {
        self.responses = self.responses.checked_add(count).ok_or(TallyOverflow)?;
        Ok(())
    }

    /// Records one response. Answers that fail validation (unknown question, out of range,
    /// wrong type) are skipped, so validate first if they matter. All-or-nothing on overflow.
    pub fn record(&mut self, response: &Response) -> Result<(), TallyError> {
        if response.catalogue != self.catalogue {
            return Err(TallyError::Mismatch);
        }
        let mut next = self.clone();
        next.add_responses(1)?;
        let catalogue = self.catalogue.catalogue();
        for answer in &response.answers {
            if let Some(t) = catalogue.question(&answer.question).and_then(|(i, _)| next.questions.get_mut(i)) {
                t.record(answer.value)?;
            }
        }
        *self = next;
        Ok(())
    }

    /// Adds `other` (a tally of the same catalogue) into this one; unchanged on error.
    pub fn merge(&mut self, other: &SurveyTally) -> Result<(), TallyError> {
        if other.catalogue != self.catalogue || other.questions.len() != self.questions.len() {
            return Err(TallyError::Mismatch);
        }
        let mut next = self.clone();
        next.add_responses(other.responses)?;
        for (a, b) in next.questions.iter_mut().zip(&other.questions) {
            a.merge(b)?;
        }
        *self = next;
        Ok(())
    }
}

impl SurveyTally {
    /// Whether the tally has one tally per catalogue question, each of the question's kind
    /// (always true for tallies built here; checked after decoding one from the wire).
    pub fn has_catalogue_shape(&self) -> bool {
        let questions = self.catalogue.catalogue().questions;
        questions.len() == self.questions.len()
            && questions.iter().zip(&self.questions).all(|(q, t)| {
                matches!(
                    (q.kind, t),
                    (QuestionKind::Nps, QuestionTally::Nps(_))
                        | (QuestionKind::Rating, QuestionTally::Rating(_))
                        | (QuestionKind::YesNo, QuestionTally::YesNo(_))
                )
            })
    }
}

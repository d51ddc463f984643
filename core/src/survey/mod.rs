//! Survey catalogues as data, responses, and their validation.
//!
//! Two catalogues ship with the crate, each question with a stable id, a kind, Swedish and
//! English text, whether it is required, and an optional condition on an earlier answer:
//!
//! - [`JOB_FAIR`] (`job-fair`): the NPS question about the municipality as an employer and
//!   three quick follow-ups, for a kiosk at a fair booth;
//! - [`CANDIDATE`] (`candidate`): the candidate survey of Stockholm stad's recruitment unit
//!   (verksamhetsberättelse 2025 §13b), with NPS and the two 1–10 ratings behind the unit's
//!   targets added.
//!
//! ```
//! use rekry_core::survey::{Answer, CatalogueId, Completeness, Problem, Response, Value};
//!
//! let mut response = Response::new(CatalogueId::JobFair);
//! response.push(Answer::new("recommend", Value::Score(9)).unwrap()).unwrap();
//! response.push(Answer::new("would_apply", Value::Yes(true)).unwrap()).unwrap();
//! assert!(response.validate(Completeness::Complete).is_ok());
//!
//! let mut bad = Response::new(CatalogueId::Candidate);
//! bad.push(Answer::new("recommend", Value::Score(11)).unwrap()).unwrap();
//! bad.push(Answer::new("tests_info", Value::Yes(true)).unwrap()).unwrap();
//! let problems = bad.validate(Completeness::Complete).unwrap_err();
//! assert!(problems.iter().any(|p| matches!(p, Problem::OutOfRange { question: "recommend", .. })));
//! assert!(problems.iter().any(|p| matches!(p, Problem::ConditionNotMet { question: "tests_info", .. })));
//! assert!(problems.iter().any(|p| matches!(p, Problem::MissingRequired { question: "overall" })));
//! ```

mod catalogues;
mod tally;

use core::fmt;

pub use catalogues::{CANDIDATE, CATALOGUES, JOB_FAIR};
pub use tally::{QuestionTally, SurveyTally, TallyError};

use crate::text::Text;

/// Most questions a catalogue may have (validation tracks them in a 32-bit set).
pub const MAX_QUESTIONS: usize = 32;
/// Most answers a response may carry.
pub const MAX_ANSWERS: usize = 24;
/// Most problems validation can report: every answer and every question can have one.
pub const MAX_PROBLEMS: usize = MAX_ANSWERS + MAX_QUESTIONS;
/// Longest question id, in bytes.
pub const MAX_ID_LEN: usize = 32;

/// A question id as carried in a response.
pub type QuestionId = heapless::String<MAX_ID_LEN>;

/// The catalogues, by their stable ids.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub enum CatalogueId {
    /// `job-fair`.
    #[cfg_attr(feature = "serde", serde(rename = "job-fair"))]
    JobFair,
    /// `candidate`.
    #[cfg_attr(feature = "serde", serde(rename = "candidate"))]
    Candidate,
}

impl CatalogueId {
    /// Every catalogue id.
    pub const ALL: [CatalogueId; 2] = [CatalogueId::JobFair, CatalogueId::Candidate];

    /// The stable id: `"job-fair"` or `"candidate"`.
    pub const fn as_str(self) -> &'static str {
        match self {
            CatalogueId::JobFair => "job-fair",
            CatalogueId::Candidate => "candidate",
        }
    }

    /// The id for a stable id string.
    pub fn parse(id: &str) -> Option<CatalogueId> {
        CatalogueId::ALL.into_iter().find(|c| c.as_str() == id)
    }

    /// The catalogue itself.
    pub const fn catalogue(self) -> &'static Catalogue {
        match self {
            CatalogueId::JobFair => &JOB_FAIR,
            CatalogueId::Candidate => &CANDIDATE,
        }
    }
}

impl fmt::Display for CatalogueId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// What kind of answer a question takes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "kebab-case"))]
pub enum QuestionKind {
    /// Net Promoter Score, 0–10.
    Nps,
    /// Satisfaction rating, 1–10 (6–10 satisfied).
    Rating,
    /// Yes or no.
    YesNo,
}

impl QuestionKind {
    /// The allowed numeric range, `None` for yes/no.
    pub const fn range(self) -> Option<(i32, i32)> {
        match self {
            QuestionKind::Nps => Some((0, 10)),
            QuestionKind::Rating => Some((1, 10)),
            QuestionKind::YesNo => None,
        }
    }

    /// `"nps"`, `"rating"` or `"yes-no"`.
    pub const fn as_str(self) -> &'static str {
        match self {
            QuestionKind::Nps => "nps",
            QuestionKind::Rating => "rating",
            QuestionKind::YesNo => "yes-no",
        }
    }
}

/// An answer's value: a number on a scale, or yes/no.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "lowercase"))]
pub enum Value {
    /// A point on a 0–10 or 1–10 scale. Kept as a wide integer so that an out-of-range value
    /// from a form is reported, not truncated.
    Score(i32),
    /// Yes (`true`) or no (`false`).
    Yes(bool),
}

impl fmt::Display for Value {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Value::Score(v) => write!(f, "{v}"),
            Value::Yes(true) => f.write_str("yes"),
            Value::Yes(false) => f.write_str("no"),
        }
    }
}

/// Show a question only when an earlier question was answered with a given value.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct Condition {
    /// The id of the earlier question.
    pub question: &'static str,
    /// The answer that makes this question apply.
    pub equals: Value,
}

/// One question of a catalogue.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct Question {
    /// Stable id, unique within the catalogue (`snake_case`, at most [`MAX_ID_LEN`] bytes).
    pub id: &'static str,
    /// The kind of answer it takes.
    pub kind: QuestionKind,
    /// The question in Swedish and English.
    pub text: Text,
    /// Whether a complete response must answer it (when its condition holds).
    pub required: bool,
    /// When the question applies; `None` means always.
    pub condition: Option<Condition>,
    /// Labels for the two ends of a scale (lowest, highest); `None` for yes/no.
    pub scale_labels: Option<(Text, Text)>,
    /// Where the question comes from.
    pub source: &'static str,
}

/// A catalogue of questions, asked in order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct Catalogue {
    /// Stable id.
    pub id: CatalogueId,
    /// Title in Swedish and English.
    pub title: Text,
    /// The questions, in the order they are asked.
    pub questions: &'static [Question],
}

/// Whether a response must be complete.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Completeness {
    /// Every applicable required question must be answered.
    Complete,
    /// A half-finished response (a candidate walked away): missing answers are fine,
    /// everything given must still be valid.
    Partial,
}

/// One answer in a response.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct Answer {
    /// The question's id.
    pub question: QuestionId,
    /// The answer.
    pub value: Value,
}

/// A question id longer than [`MAX_ID_LEN`] bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct IdTooLong;

impl fmt::Display for IdTooLong {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "question id is longer than {MAX_ID_LEN} bytes")
    }
}

impl core::error::Error for IdTooLong {}

/// A response already holds [`MAX_ANSWERS`] answers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ResponseFull;

impl fmt::Display for ResponseFull {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "a response holds at most {MAX_ANSWERS} answers")
    }
}

impl core::error::Error for ResponseFull {}

impl Answer {
    /// An answer to question `question`.
    pub fn new(question: &str, value: Value) -> Result<Answer, IdTooLong> {
        let question = QuestionId::try_from(question).map_err(|_| IdTooLong)?;
        Ok(Answer { question, value })
    }
}

/// A candidate's answers to one catalogue. It carries nothing that identifies the candidate.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct Response {
    /// The catalogue answered.
    pub catalogue: CatalogueId,
    /// The answers, in the order given.
    pub answers: heapless::Vec<Answer, MAX_ANSWERS>,
}

impl Response {
    /// An empty response to `catalogue`.
    pub const fn new(catalogue: CatalogueId) -> Response {
        Response { catalogue, answers: heapless::Vec::new() }
    }

    /// Adds an answer (no validation; see [`validate`](Self::validate)).
    pub fn push(&mut self, answer: Answer) -> Result<(), ResponseFull> {
        self.answers.push(answer).map_err(|_| ResponseFull)
    }

    /// The first answer to `question`, if any.
    pub fn answer(&self, question: &str) -> Option<Value> {
        self.answers.iter().find(|a| a.question == question).map(|a| a.value)
    }

    /// Validates the response against its catalogue, naming every problem.
    // Without an allocator the problems travel by value; they are built once per validation.
    #[allow(clippy::result_large_err)]
    pub fn validate(&self, completeness: Completeness) -> Result<(), Problems> {
        self.catalogue.catalogue().validate(&self.answers, completeness)
    }
}

/// A problem found while validating a response.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[cfg_attr(feature = "serde", serde(tag = "problem", rename_all = "kebab-case"))]
pub enum Problem {
    /// The answer at `index` names a question the catalogue does not have.
    UnknownQuestion {
        /// The unknown id.
        question: QuestionId,
        /// Position of the answer in the response.
        index: u8,
    },
    /// A scale answer outside the question's range.
    OutOfRange {
        /// The question.
        question: &'static str,
        /// The value given.
        value: i32,
        /// Lowest allowed value.
        min: i32,
        /// Highest allowed value.
        max: i32,
    },
    /// A yes/no answer to a scale question, or a number to a yes/no question.
    WrongType {
        /// The question.
        question: &'static str,
        /// The kind of answer it takes.
        expected: QuestionKind,
    },
    /// A required question that applies was not answered.
    MissingRequired {
        /// The question.
        question: &'static str,
    },
    /// An answer to a question whose condition is false (for example test information when
    /// the candidate took no tests).
    ConditionNotMet {
        /// The question answered.
        question: &'static str,
        /// The question its condition depends on.
        depends_on: &'static str,
    },
    /// A second answer to the same question.
    Duplicate {
        /// The question.
        question: &'static str,
        /// Position of the repeated answer in the response.
        index: u8,
    },
}

impl Problem {
    /// A stable machine-readable code, such as `"out-of-range"`.
    pub const fn code(&self) -> &'static str {
        match self {
            Problem::UnknownQuestion { .. } => "unknown-question",
            Problem::OutOfRange { .. } => "out-of-range",
            Problem::WrongType { .. } => "wrong-type",
            Problem::MissingRequired { .. } => "missing-required",
            Problem::ConditionNotMet { .. } => "condition-not-met",
            Problem::Duplicate { .. } => "duplicate",
        }
    }

    /// The id of the question concerned.
    pub fn question(&self) -> &str {
        match self {
            Problem::UnknownQuestion { question, .. } => question.as_str(),
            Problem::OutOfRange { question, .. }
            | Problem::WrongType { question, .. }
            | Problem::MissingRequired { question }
            | Problem::ConditionNotMet { question, .. }
            | Problem::Duplicate { question, .. } => question,
        }
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Problem::UnknownQuestion { question, index } => {
                write!(f, "answer {} is to unknown question \"{question}\"", index + 1)
            }
            Problem::OutOfRange { question, value, min, max } => {
                write!(f, "{question}: {value} is outside {min}–{max}")
            }
            Problem::WrongType { question, expected: QuestionKind::YesNo } => {
                write!(f, "{question}: expects yes or no")
            }
            Problem::WrongType { question, expected } => {
                let (min, max) = expected.range().unwrap_or((0, 0));
                write!(f, "{question}: expects a number {min}–{max}")
            }
            Problem::MissingRequired { question } => write!(f, "{question}: required answer missing"),
            Problem::ConditionNotMet { question, depends_on } => {
                write!(f, "{question}: does not apply given the answer to {depends_on}")
            }
            Problem::Duplicate { question, index } => {
                write!(f, "{question}: answered again at answer {}", index + 1)
            }
        }
    }
}

/// Every problem found in a response.
pub type Problems = heapless::Vec<Problem, MAX_PROBLEMS>;

impl Catalogue {
    /// The question with id `id` and its position.
    pub fn question(&self, id: &str) -> Option<(usize, &'static Question)> {
        // Comparing lengths first makes a miss cheap; ids are short and few.
        self.questions.iter().enumerate().find(|(_, q)| q.id.len() == id.len() && q.id == id)
    }

    /// Whether `question`'s condition holds given `answers` (always true without a condition).
    pub fn applies(&self, question: &Question, answers: &[Answer]) -> bool {
        match question.condition {
            None => true,
            Some(c) => answers.iter().any(|a| a.question == c.question && a.value == c.equals),
        }
    }

    /// The next question to ask: the first one that applies and has no answer yet.
    pub fn next_question(&self, answers: &[Answer]) -> Option<&'static Question> {
        self.questions.iter().find(|q| !answers.iter().any(|a| a.question == q.id) && self.applies(q, answers))
    }

    /// Checks `answers` against the catalogue and names every problem.
    // Without an allocator the problems travel by value; they are built once per validation.
    #[allow(clippy::result_large_err)]
    pub fn validate(&self, answers: &[Answer], completeness: Completeness) -> Result<(), Problems> {
        let mut problems = Problems::new();
        // Capacity covers one problem per answer plus one per question, so pushes never fail;
        // ignoring the result keeps this path panic-free regardless.
        let mut report = |p: Problem| {
            let _ = problems.push(p);
        };
        let mut given: [Option<Value>; MAX_QUESTIONS] = [None; MAX_QUESTIONS];
        let mut seen: u32 = 0;
        for (index, answer) in answers.iter().enumerate() {
            let index = u8::try_from(index).unwrap_or(u8::MAX);
            let Some((qi, q)) = self.question(&answer.question) else {
                report(Problem::UnknownQuestion { question: answer.question.clone(), index });
                continue;
            };
            if qi >= MAX_QUESTIONS {
                continue;
            }
            let bit = 1u32 << qi;
            if seen & bit != 0 {
                report(Problem::Duplicate { question: q.id, index });
                continue;
            }
            seen |= bit;
            match (q.kind.range(), answer.value) {
                (Some((min, max)), Value::Score(v)) if v < min || v > max => {
                    report(Problem::OutOfRange { question: q.id, value: v, min, max });
                }
                (Some(_), Value::Score(_)) | (None, Value::Yes(_)) => given[qi] = Some(answer.value),
                _ => report(Problem::WrongType { question: q.id, expected: q.kind }),
            }
        }
        for (qi, q) in self.questions.iter().enumerate().take(MAX_QUESTIONS) {
            let applies = match q.condition {
                None => true,
                Some(c) => {
                    self.question(c.question).is_some_and(|(ci, _)| given.get(ci).copied().flatten() == Some(c.equals))
                }
            };
            let answered = seen & (1u32 << qi) != 0;
            match (applies, answered) {
                (false, true) => report(Problem::ConditionNotMet {
                    question: q.id,
                    depends_on: q.condition.map_or("", |c| c.question),
                }),
                (true, false) if q.required && completeness == Completeness::Complete => {
                    report(Problem::MissingRequired { question: q.id });
                }
                _ => {}
            }
        }
        if problems.is_empty() { Ok(()) } else { Err(problems) }
    }
}

/// The catalogue with stable id `id` (`"job-fair"` or `"candidate"`).
pub fn catalogue(id: &str) -> Option<&'static Catalogue> {
    CatalogueId::parse(id).map(CatalogueId::catalogue)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn response(catalogue: CatalogueId, answers: &[(&str, Value)]) -> Response {
        let mut r = Response::new(catalogue);
        for (q, v) in answers {
            r.push(Answer::new(q, *v).unwrap()).unwrap();
        }
        r
    }

    #[test]
    fn catalogue_ids_are_unique_short_and_conditions_point_backwards() {
        for c in CATALOGUES {
            assert!(c.questions.len() <= MAX_QUESTIONS);
            for (i, q) in c.questions.iter().enumerate() {
                assert!(q.id.len() <= MAX_ID_LEN, "{}", q.id);
                assert_eq!(c.question(q.id).unwrap().0, i, "duplicate id {}", q.id);
                assert!(!q.text.sv.is_empty() && !q.text.en.is_empty());
                assert_eq!(q.scale_labels.is_some(), q.kind != QuestionKind::YesNo, "{}", q.id);
                if let Some(cond) = q.condition {
                    let (ci, cq) = c.question(cond.question).expect("condition target exists");
                    assert!(ci < i, "{} depends on a later question", q.id);
                    assert_eq!(cq.kind == QuestionKind::YesNo, matches!(cond.equals, Value::Yes(_)));
                }
            }
        }
    }

    #[test]
    fn job_fair_has_nps_first_and_at_most_three_follow_ups() {
        assert_eq!(JOB_FAIR.questions[0].kind, QuestionKind::Nps);
        assert!(JOB_FAIR.questions.len() <= 4);
    }

    #[test]
    fn every_problem_is_named() {
        let r = response(
            CatalogueId::JobFair,
            &[
                ("recommend", Value::Score(12)),
                ("nonsense", Value::Score(1)),
                ("would_apply", Value::Score(3)),
                ("treatment", Value::Score(0)),
                ("would_apply", Value::Yes(true)),
            ],
        );
        let p = r.validate(Completeness::Complete).unwrap_err();
        let codes: heapless::Vec<&str, 8> = p.iter().map(Problem::code).collect();
        assert_eq!(codes.as_slice(), ["out-of-range", "unknown-question", "wrong-type", "out-of-range", "duplicate"]);
    }

    #[test]
    fn missing_required_only_when_complete() {
        let r = response(CatalogueId::JobFair, &[("would_apply", Value::Yes(false))]);
        let p = r.validate(Completeness::Complete).unwrap_err();
        assert_eq!(p.as_slice(), [Problem::MissingRequired { question: "recommend" }]);
        assert!(r.validate(Completeness::Partial).is_ok());
    }

    #[test]
    fn conditional_pair() {
        let base = [("recommend", Value::Score(9)), ("overall", Value::Score(9))];
        let mut answers: heapless::Vec<(&str, Value), 8> = base.iter().copied().collect();
        answers.push(("took_tests", Value::Yes(true))).unwrap();
        answers.push(("tests_info", Value::Yes(true))).unwrap();
        assert!(response(CatalogueId::Candidate, &answers).validate(Completeness::Complete).is_ok());
        answers[2].1 = Value::Yes(false);
        let p = response(CatalogueId::Candidate, &answers).validate(Completeness::Complete).unwrap_err();
        assert_eq!(p.as_slice(), [Problem::ConditionNotMet { question: "tests_info", depends_on: "took_tests" }]);
    }

    #[test]
    fn next_question_skips_inapplicable() {
        let c = &CANDIDATE;
        let mut answers: heapless::Vec<Answer, MAX_ANSWERS> = heapless::Vec::new();
        while let Some(q) = c.next_question(&answers) {
            let v = match q.kind {
                QuestionKind::YesNo => Value::Yes(q.id != "took_tests"),
                _ => Value::Score(8),
            };
            answers.push(Answer::new(q.id, v).unwrap()).unwrap();
        }
        assert!(!answers.iter().any(|a| a.question == "tests_info"));
        assert_eq!(answers.len(), c.questions.len() - 1);
        assert!(c.validate(&answers, Completeness::Complete).is_ok());
    }
}

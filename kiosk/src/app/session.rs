//! One candidate's pass through the survey: which question is next (core decides), the
//! answers so far, and the flags a touch session raises. No UI, no storage.

use std::time::{Duration, Instant};

use rekry_core::survey::{Answer, Catalogue, Question, Response, Value};

/// Two presses closer together than this are a repeated press: nobody reads a new question
/// that fast (a child tapping, a double tap).
pub const REPEAT_WINDOW: Duration = Duration::from_millis(400);

/// The shortest plausible time to read and answer one question. A session that answers
/// faster than this on average is flagged as too fast.
pub const MIN_SECONDS_PER_ANSWER: f64 = 1.2;

/// The flags a session raised, in the storage module's terms.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct SessionFlags {
    /// Presses within [`REPEAT_WINDOW`] of the previous one.
    pub repeated_presses: u32,
    /// Answered faster than [`MIN_SECONDS_PER_ANSWER`] per answer on average.
    pub too_fast: bool,
}

/// A candidate's session.
#[derive(Debug, Clone)]
pub struct Session {
    catalogue: &'static Catalogue,
    answers: Vec<Answer>,
    /// Questions passed over without an answer, in order.
    skipped: Vec<&'static str>,
    /// Question ids in the order they were left (answered or skipped), for "back".
    history: Vec<&'static str>,
    started: Instant,
    last_press: Option<Instant>,
    repeated_presses: u32,
}

impl Session {
    /// A new session, started at `now`.
    pub fn new(catalogue: &'static Catalogue, now: Instant) -> Session {
        Session {
            catalogue,
            answers: Vec::new(),
            skipped: Vec::new(),
            history: Vec::new(),
            started: now,
            last_press: None,
            repeated_presses: 0,
        }
    }

    /// The catalogue asked.
    pub fn catalogue(&self) -> &'static Catalogue {
        self.catalogue
    }

    /// The question to show, or `None` when the survey is done.
    pub fn current(&self) -> Option<&'static Question> {
        self.catalogue.questions.iter().find(|q| {
            !self.answers.iter().any(|a| a.question == q.id)
                && !self.skipped.contains(&q.id)
                && self.catalogue.applies(q, &self.answers)
        })
    }

    /// 1-based position of the current question and how many questions apply so far.
    pub fn progress(&self) -> (usize, usize) {
        let applicable = self.catalogue.questions.iter().filter(|q| self.catalogue.applies(q, &self.answers)).count();
        let done = self.history.len();
        ((done + 1).min(applicable.max(1)), applicable.max(1))
    }

    /// Whether any answer was given.
    pub fn has_answers(&self) -> bool {
        !self.answers.is_empty()
    }

    /// The answers so far.
    pub fn answers(&self) -> &[Answer] {
        &self.answers
    }

    fn press(&mut self, now: Instant) {
        if self.last_press.is_some_and(|last| now.saturating_duration_since(last) < REPEAT_WINDOW) {
            self.repeated_presses += 1;
        }
        self.last_press = Some(now);
    }

    /// Answers the current question. Returns `false` (and changes nothing but the press
    /// count) when there is no current question or the value does not fit it.
    pub fn answer(&mut self, value: Value, now: Instant) -> bool {
        self.press(now);
        let Some(q) = self.current() else { return false };
        let fits = match (q.kind.range(), value) {
            (Some((min, max)), Value::Score(v)) => (min..=max).contains(&v),
            (None, Value::Yes(_)) => true,
            _ => false,
        };
        if !fits {
            return false;
        }
        let Ok(answer) = Answer::new(q.id, value) else { return false };
        self.answers.push(answer);
        self.history.push(q.id);
        true
    }

    /// Passes over the current question if it is optional.
    pub fn skip(&mut self, now: Instant) -> bool {
        self.press(now);
        match self.current() {
            Some(q) if !q.required => {
                self.skipped.push(q.id);
                self.history.push(q.id);
                true
            }
            _ => false,
        }
    }

    /// Goes back to the previous question, forgetting its answer (and any answer whose
    /// condition no longer holds).
    pub fn back(&mut self, now: Instant) -> bool {
        self.press(now);
        let Some(id) = self.history.pop() else { return false };
        self.answers.retain(|a| a.question != id);
        self.skipped.retain(|s| *s != id);
        // A follow-up whose condition depended on the forgotten answer no longer applies.
        let catalogue = self.catalogue;
        loop {
            let before = self.answers.len();
            let snapshot = self.answers.clone();
            self.answers
                .retain(|a| catalogue.question(&a.question).is_some_and(|(_, q)| catalogue.applies(q, &snapshot)));
            if self.answers.len() == before {
                break;
            }
        }
        let answers = &self.answers;
        let skipped = &self.skipped;
        self.history.retain(|h| answers.iter().any(|a| a.question == *h) || skipped.contains(h));
        true
    }

    /// Whether every applicable required question is answered.
    pub fn is_complete(&self) -> bool {
        self.catalogue.validate(&self.answers, rekry_core::survey::Completeness::Complete).is_ok()
    }

    /// The flags at `now`.
    pub fn flags(&self, now: Instant) -> SessionFlags {
        let secs = now.saturating_duration_since(self.started).as_secs_f64();
        let n = self.answers.len();
        SessionFlags {
            repeated_presses: self.repeated_presses,
            too_fast: n > 0 && secs < MIN_SECONDS_PER_ANSWER * n as f64,
        }
    }

    /// The response as core's type.
    pub fn response(&self) -> Response {
        let mut r = Response::new(self.catalogue.id);
        for a in &self.answers {
            // A catalogue has fewer questions than a response holds answers.
            let _ = r.push(a.clone());
        }
        r
    }
}

/// Inactivity on the candidate screens.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Idle {
    /// Someone is using it.
    Active,
    /// Show the warning with this many whole seconds left.
    Warning(u32),
    /// Time is up: reset.
    Reset,
}

/// Judges inactivity: `warning` then `reset` after the last touch.
pub fn idle_state(last_touch: Instant, now: Instant, warning: Duration, reset: Duration) -> Idle {
    let idle = now.saturating_duration_since(last_touch);
    if idle >= reset {
        Idle::Reset
    } else if idle >= warning {
        let left = reset - idle;
        Idle::Warning(left.as_secs() as u32 + u32::from(left.subsec_nanos() > 0))
    } else {
        Idle::Active
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rekry_core::survey::{CANDIDATE, JOB_FAIR};

    #[test]
    fn job_fair_in_order_and_complete() {
        let t0 = Instant::now();
        let mut s = Session::new(&JOB_FAIR, t0);
        assert_eq!(s.current().unwrap().id, "recommend");
        assert!(!s.answer(Value::Score(11), t0 + Duration::from_secs(2)));
        assert!(s.answer(Value::Score(9), t0 + Duration::from_secs(3)));
        assert!(s.answer(Value::Score(8), t0 + Duration::from_secs(5)));
        assert!(s.answer(Value::Yes(true), t0 + Duration::from_secs(7)));
        assert!(s.answer(Value::Yes(false), t0 + Duration::from_secs(9)));
        assert!(s.current().is_none());
        assert!(s.is_complete());
        assert_eq!(s.flags(t0 + Duration::from_secs(9)), SessionFlags::default());
    }

    #[test]
    fn condition_honoured_and_back_forgets_follow_ups() {
        let t0 = Instant::now();
        let mut s = Session::new(&CANDIDATE, t0);
        let mut t = t0;
        while let Some(q) = s.current() {
            t += Duration::from_secs(2);
            if q.id == "took_tests" {
                break;
            }
            let v = if q.kind.range().is_some() { Value::Score(8) } else { Value::Yes(true) };
            assert!(s.answer(v, t));
        }
        assert!(s.answer(Value::Yes(true), t));
        assert_eq!(s.current().unwrap().id, "tests_info");
        assert!(s.back(t + Duration::from_secs(1)));
        assert_eq!(s.current().unwrap().id, "took_tests");
        assert!(s.answer(Value::Yes(false), t + Duration::from_secs(3)));
        assert!(s.current().is_none(), "tests_info must not apply");
    }

    #[test]
    fn flags_repeated_and_too_fast() {
        let t0 = Instant::now();
        let mut s = Session::new(&JOB_FAIR, t0);
        for (i, v) in [Value::Score(10), Value::Score(10), Value::Yes(true), Value::Yes(true)].into_iter().enumerate() {
            s.answer(v, t0 + Duration::from_millis(100 * (i as u64 + 1)));
        }
        let f = s.flags(t0 + Duration::from_millis(500));
        assert_eq!(f.repeated_presses, 3);
        assert!(f.too_fast);
    }

    #[test]
    fn skip_only_optional() {
        let t0 = Instant::now();
        let mut s = Session::new(&JOB_FAIR, t0);
        assert!(!s.skip(t0), "the NPS question is required");
        s.answer(Value::Score(7), t0 + Duration::from_secs(2));
        assert!(s.skip(t0 + Duration::from_secs(4)));
        assert_eq!(s.current().unwrap().id, "questions_answered");
        assert_eq!(s.progress(), (3, 4));
    }

    #[test]
    fn idle_countdown() {
        let t0 = Instant::now();
        let (w, r) = (Duration::from_secs(20), Duration::from_secs(30));
        assert_eq!(idle_state(t0, t0 + Duration::from_secs(19), w, r), Idle::Active);
        assert_eq!(idle_state(t0, t0 + Duration::from_secs(20), w, r), Idle::Warning(10));
        assert_eq!(idle_state(t0, t0 + Duration::from_millis(29_500), w, r), Idle::Warning(1));
        assert_eq!(idle_state(t0, t0 + Duration::from_secs(30), w, r), Idle::Reset);
    }
}

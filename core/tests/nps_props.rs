//! Property tests for the NPS, satisfaction and survey tallies.

use proptest::prelude::*;
use rekry_core::nps::{NpsTally, Score};
use rekry_core::satisfaction::{Rating, RatingTally, YesNoTally};
use rekry_core::survey::{Answer, CatalogueId, Response, SurveyTally, Value};

fn score() -> impl Strategy<Value = Score> {
    (0u8..=10).prop_map(|v| Score::new(v).unwrap())
}

fn scores(max: usize) -> impl Strategy<Value = Vec<Score>> {
    prop::collection::vec(score(), 0..max)
}

/// Counts small enough that sums of three never overflow.
fn tally() -> impl Strategy<Value = NpsTally> {
    prop::array::uniform11(0u32..1_000_000).prop_map(NpsTally::from_counts)
}

/// Any counts, including ones near `u32::MAX`.
fn any_tally() -> impl Strategy<Value = NpsTally> {
    prop::array::uniform11(prop_oneof![0u32..100, any::<u32>(), (u32::MAX - 3)..=u32::MAX])
        .prop_map(NpsTally::from_counts)
}

/// NPS in tenths from the definition, rounded half away from zero, in i128 so nothing
/// overflows.
fn expected_tenths(t: &NpsTally) -> Option<i32> {
    let c = t.counts().map(i128::from);
    let n: i128 = c.iter().sum();
    if n == 0 {
        return None;
    }
    let num = (c[9] + c[10] - c[..=6].iter().sum::<i128>()) * 1000;
    let q = num / n;
    let r = num % n;
    let q = if 2 * r.abs() >= n { q + num.signum() } else { q };
    Some(q as i32)
}

fn response(catalogue: CatalogueId) -> impl Strategy<Value = Response> {
    // Valid and invalid answers alike: the tally skips what does not validate.
    let ids: &'static [&'static str] = match catalogue {
        CatalogueId::JobFair => &["recommend", "treatment", "questions_answered", "would_apply", "bogus"],
        CatalogueId::Candidate => &["recommend", "treatment", "availability", "overall", "took_tests", "tests_info"],
    };
    let value = prop_oneof![(-2i32..13).prop_map(Value::Score), any::<bool>().prop_map(Value::Yes)];
    prop::collection::vec((prop::sample::select(ids), value), 0..8).prop_map(move |answers| {
        let mut r = Response::new(catalogue);
        for (q, v) in answers {
            r.push(Answer::new(q, v).unwrap()).unwrap();
        }
        r
    })
}

fn survey_tally(catalogue: CatalogueId) -> impl Strategy<Value = SurveyTally> {
    prop::collection::vec(response(catalogue), 0..12).prop_map(move |rs| {
        let mut t = SurveyTally::new(catalogue);
        for r in &rs {
            t.record(r).unwrap();
        }
        t
    })
}

fn catalogue() -> impl Strategy<Value = CatalogueId> {
    prop::sample::select(&CatalogueId::ALL[..])
}

proptest! {
    #[test]
    fn nps_is_within_range_and_exact(t in any_tally()) {
        match t.nps() {
            None => prop_assert!(t.is_empty()),
            Some(nps) => {
                prop_assert!((-1000..=1000).contains(&nps.tenths()));
                prop_assert!((-100.0..=100.0).contains(&nps.value()));
                prop_assert_eq!(Some(nps.tenths()), expected_tenths(&t));
            }
        }
    }

    #[test]
    fn merge_is_commutative(a in any_tally(), b in any_tally()) {
        // Both orders overflow or neither does, and agree when they do not.
        prop_assert_eq!(a.merged(&b), b.merged(&a));
    }

    #[test]
    fn merge_is_associative(a in tally(), b in tally(), c in tally()) {
        let left = a.merged(&b).unwrap().merged(&c).unwrap();
        let right = a.merged(&b.merged(&c).unwrap()).unwrap();
        prop_assert_eq!(left, right);
        prop_assert_eq!(left.n(), a.n() + b.n() + c.n());
    }

    #[test]
    fn merge_with_empty_is_identity(a in any_tally()) {
        prop_assert_eq!(a.merged(&NpsTally::new()), Ok(a));
    }

    #[test]
    fn a_tally_equals_the_merge_of_its_halves(v in scores(400), split in any::<prop::sample::Index>()) {
        let at = split.index(v.len() + 1);
        let (left, right) = v.split_at(at);
        let whole = NpsTally::from_scores(&v).unwrap();
        let halves = NpsTally::from_scores(left).unwrap().merged(&NpsTally::from_scores(right).unwrap()).unwrap();
        prop_assert_eq!(whole, halves);
        // record_all and one-by-one recording agree.
        let mut looped = NpsTally::new();
        for s in &v {
            looped.record(*s).unwrap();
        }
        prop_assert_eq!(whole, looped);
        prop_assert_eq!(whole.n(), v.len() as u64);
    }

    #[test]
    fn intervals_are_ordered_and_in_range(t in any_tally()) {
        if t.is_empty() {
            prop_assert!(t.interval95().is_none() && t.wald95().is_none() && t.margin95().is_none());
        } else {
            for ci in [t.interval95().unwrap(), t.wald95().unwrap()] {
                prop_assert!(ci.low.is_finite() && ci.high.is_finite());
                prop_assert!(-100.0 <= ci.low && ci.low <= ci.high && ci.high <= 100.0, "{:?}", ci);
            }
            let m = t.margin95().unwrap();
            prop_assert!(m.is_finite() && m >= 0.0);
            // The Wald interval is centred on the NPS, so it always contains it.
            prop_assert!(t.wald95().unwrap().contains(t.nps().unwrap().value()));
        }
    }

    #[test]
    fn adjusted_wald_contains_the_estimate_when_not_unanimous(t in tally()) {
        // The adjusted interval is centred on (P + ¾ − D − ¾)/(n + 3), which sits between the
        // NPS and 0, so it can miss a unanimous sample's ±100. With both promoters and
        // detractors present (or an NPS near 0) it contains the estimate.
        let (p, d) = (t.promoters(), t.detractors());
        prop_assume!(p > 0 && d > 0 && t.n() >= 10);
        let nps = t.nps().unwrap().value();
        let ci = t.interval95().unwrap();
        prop_assert!(ci.low - 0.05 <= nps && nps <= ci.high + 0.05, "{} not in {:?}", nps, ci);
    }

    #[test]
    fn answers_needed_is_monotone_in_the_margin(t in tally(), m in 0.5f64..50.0) {
        let tight = t.answers_needed(m).unwrap();
        let loose = t.answers_needed(m * 2.0).unwrap();
        prop_assert!(loose <= tight);
    }

    #[test]
    fn satisfied_share_is_a_percentage(counts in prop::array::uniform10(any::<u32>())) {
        let t = RatingTally::from_counts(counts);
        let share = t.satisfied();
        prop_assert!(share.successes <= share.n);
        match share.percent() {
            None => prop_assert_eq!(share.n, 0),
            Some(p) => prop_assert!((0..=1000).contains(&p.0)),
        }
        if let Some(ci) = share.interval95() {
            prop_assert!(0.0 <= ci.low && ci.low <= ci.high && ci.high <= 100.0);
        }
    }

    #[test]
    fn ratings_six_to_ten_are_satisfied(v in prop::collection::vec(1u8..=10, 0..200)) {
        let mut t = RatingTally::new();
        for r in &v {
            t.record(Rating::new(*r).unwrap()).unwrap();
        }
        let satisfied = v.iter().filter(|&&r| r >= 6).count() as u64;
        prop_assert_eq!(t.satisfied().successes, satisfied);
        prop_assert_eq!(t.n(), v.len() as u64);
    }

    #[test]
    fn yes_no_merge_is_commutative(a in any::<(u32, u32)>(), b in any::<(u32, u32)>()) {
        let (x, y) = (YesNoTally { yes: a.0, no: a.1 }, YesNoTally { yes: b.0, no: b.1 });
        let (mut xy, mut yx) = (x, y);
        let ok = xy.merge(&y).is_ok();
        prop_assert_eq!(ok, yx.merge(&x).is_ok());
        if ok {
            prop_assert_eq!(xy, yx);
        } else {
            // On overflow both are left unchanged.
            prop_assert_eq!((xy, yx), (x, y));
        }
    }

    #[test]
    fn survey_merge_is_commutative(
        (a, b) in catalogue().prop_flat_map(|c| (survey_tally(c), survey_tally(c)))
    ) {
        let mut ab = a.clone();
        ab.merge(&b).unwrap();
        let mut ba = b.clone();
        ba.merge(&a).unwrap();
        prop_assert_eq!(&ab, &ba);
        prop_assert_eq!(ab.responses(), a.responses() + b.responses());
    }

    #[test]
    fn survey_merge_is_associative(
        (a, b, c) in catalogue().prop_flat_map(|c| (survey_tally(c), survey_tally(c), survey_tally(c)))
    ) {
        let mut left = a.clone();
        left.merge(&b).unwrap();
        left.merge(&c).unwrap();
        let mut bc = b.clone();
        bc.merge(&c).unwrap();
        let mut right = a.clone();
        right.merge(&bc).unwrap();
        prop_assert_eq!(left, right);
    }

    #[test]
    fn survey_tally_of_responses_equals_merge_of_halves(
        (rs, split) in catalogue().prop_flat_map(|c| (prop::collection::vec(response(c), 0..20), Just(c)))
            .prop_flat_map(|(rs, c)| { let n = rs.len(); (Just((rs, c)), 0..=n) })
    ) {
        let ((rs, c), at) = (rs, split);
        let tally_of = |rs: &[Response]| {
            let mut t = SurveyTally::new(c);
            for r in rs {
                t.record(r).unwrap();
            }
            t
        };
        let mut halves = tally_of(&rs[..at]);
        halves.merge(&tally_of(&rs[at..])).unwrap();
        prop_assert_eq!(tally_of(&rs), halves);
    }

    #[test]
    fn tallies_of_different_catalogues_never_merge(a in survey_tally(CatalogueId::JobFair)) {
        let mut other = SurveyTally::new(CatalogueId::Candidate);
        let before = other.clone();
        prop_assert!(other.merge(&a).is_err());
        prop_assert_eq!(other, before);
    }
}

//! Throughput of the feedback rules: scores tallied, NPS summaries computed, responses
//! validated.
//!
//! Run with `cargo bench -p rekry-core --bench feedback -- --warm-up-time 1 --measurement-time 3`.
//! Goals (issue 2): at least 200 M scores tallied and 5 M responses validated per second on
//! one core.

use std::hint::black_box;

use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use rekry_core::nps::{NpsTally, Score};
use rekry_core::survey::{Answer, CatalogueId, Completeness, Response, Value};

/// A deterministic, realistic score mix (mostly promoters, like the unit's 2025 result)
/// from a xorshift generator, so runs are comparable and nothing is cached in the pattern.
fn scores(n: usize) -> Vec<Score> {
    let weights: [(u8, u32); 11] =
        [(0, 1), (1, 1), (2, 1), (3, 1), (4, 1), (5, 2), (6, 3), (7, 6), (8, 10), (9, 34), (10, 40)];
    let total: u32 = weights.iter().map(|w| w.1).sum();
    let mut state = 0x9E37_79B9_7F4A_7C15u64;
    (0..n)
        .map(|_| {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            let mut pick = (state % u64::from(total)) as u32;
            let mut value = 10;
            for (v, w) in weights {
                if pick < w {
                    value = v;
                    break;
                }
                pick -= w;
            }
            Score::new(value).expect("0–10")
        })
        .collect()
}

fn response(catalogue: CatalogueId, answers: &[(&str, Value)]) -> Response {
    let mut r = Response::new(catalogue);
    for (q, v) in answers {
        r.push(Answer::new(q, *v).expect("short id")).expect("few answers");
    }
    r
}

/// Complete, valid responses as kiosks and web forms send them, both catalogues.
fn responses() -> Vec<Response> {
    vec![
        response(CatalogueId::JobFair, &[("recommend", Value::Score(9))]),
        response(
            CatalogueId::JobFair,
            &[
                ("recommend", Value::Score(10)),
                ("treatment", Value::Score(9)),
                ("questions_answered", Value::Yes(true)),
                ("would_apply", Value::Yes(true)),
            ],
        ),
        response(
            CatalogueId::Candidate,
            &[
                ("recommend", Value::Score(8)),
                ("treatment", Value::Score(9)),
                ("availability", Value::Score(7)),
                ("overall", Value::Score(9)),
                ("took_tests", Value::Yes(true)),
                ("tests_info", Value::Yes(true)),
            ],
        ),
        response(
            CatalogueId::Candidate,
            &[("recommend", Value::Score(6)), ("overall", Value::Score(5)), ("took_tests", Value::Yes(false))],
        ),
    ]
}

fn tally(c: &mut Criterion) {
    let mut g = c.benchmark_group("tally scores");
    for n in [1_000usize, 1_000_000] {
        let data = scores(n);
        g.throughput(Throughput::Elements(n as u64));
        g.bench_with_input(BenchmarkId::new("record_all", n), &data, |b, data| {
            b.iter(|| {
                let mut t = NpsTally::new();
                t.record_all(black_box(data)).expect("no overflow");
                t
            })
        });
        g.bench_with_input(BenchmarkId::new("record loop", n), &data, |b, data| {
            b.iter(|| {
                let mut t = NpsTally::new();
                for s in black_box(data) {
                    t.record(*s).expect("no overflow");
                }
                t
            })
        });
    }
    g.finish();
}

fn summary(c: &mut Criterion) {
    let tallies: Vec<NpsTally> =
        [1usize, 12, 125, 10_000].iter().map(|&n| NpsTally::from_scores(&scores(n)).unwrap()).collect();
    let mut g = c.benchmark_group("nps summary");
    g.throughput(Throughput::Elements(tallies.len() as u64));
    g.bench_function("summary() with Wald margin and adjusted-Wald interval", |b| {
        b.iter(|| {
            let mut acc = 0.0;
            for t in black_box(&tallies) {
                let s = t.summary();
                acc += s.interval95.map_or(0.0, |ci| ci.high) + s.margin95.unwrap_or(0.0);
            }
            acc
        })
    });
    g.finish();
}

fn validate(c: &mut Criterion) {
    let rs = responses();
    assert!(rs.iter().all(|r| r.validate(Completeness::Complete).is_ok()), "bench responses are valid");
    let mut g = c.benchmark_group("validate responses");
    g.throughput(Throughput::Elements(rs.len() as u64));
    g.bench_function("complete, both catalogues", |b| {
        b.iter(|| {
            let mut ok = 0u32;
            for r in black_box(&rs) {
                ok += u32::from(r.validate(Completeness::Complete).is_ok());
            }
            ok
        })
    });
    g.finish();
}

criterion_group!(benches, tally, summary, validate);
criterion_main!(benches);

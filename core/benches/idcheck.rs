//! Throughput of the identity checks: personnummer validations, TD3, TD2 and TD1 MRZ parses.
//!
//! Run with `cargo bench -p rekry-core --bench idcheck`. Goals (issue 3): at least 20 M
//! personnummer validations and 5 M TD3 parses per second on one core.

use std::hint::black_box;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use rekry_core::date::Date;
use rekry_core::idcheck::mrz;
use rekry_core::idcheck::personnummer::Personnummer;

const TD3: &str = "P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<\nL898902C36UTO7408122F1204159ZE184226B<<<<<10";
const TD2: &str = "I<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<\nD231458907UTO7408122F1204159<<<<<<<6";
const TD1: &str = "I<SWEAB12345671198112189876<<<\n8112185M3101012SWE<<<<<<<<<<<7\nSVENSSON<<ANDERS<ERIK<<<<<<<<<";

/// A mix of forms so the branch predictor cannot learn a single path.
const NUMBERS: [&str; 8] = [
    "811218-9876",
    "8112189876",
    "19811218-9876",
    "198112189876",
    "701063-2391",
    "000229-1235",
    "811218-9875",
    "19900101-T123",
];

fn bench(c: &mut Criterion) {
    let today = Date::new(2026, 11, 23).unwrap();

    let mut g = c.benchmark_group("personnummer");
    g.throughput(Throughput::Elements(NUMBERS.len() as u64));
    g.bench_function("parse mixed forms", |b| {
        b.iter(|| {
            let mut valid = 0u32;
            for s in NUMBERS {
                valid += u32::from(Personnummer::parse(black_box(s), black_box(today)).is_ok());
            }
            valid
        })
    });
    g.finish();

    let mut g = c.benchmark_group("mrz");
    g.throughput(Throughput::Elements(1));
    g.bench_function("TD3 parse", |b| b.iter(|| mrz::parse(black_box(TD3), black_box(today))));
    g.bench_function("TD2 parse", |b| b.iter(|| mrz::parse(black_box(TD2), black_box(today))));
    g.bench_function("TD1 parse (Swedish ID card with personnummer)", |b| {
        b.iter(|| mrz::parse(black_box(TD1), black_box(today)))
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);

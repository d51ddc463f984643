//! Throughput of the rules: job-ad checks and a full checklist run.
//!
//! Run with `cargo bench -p rekry-core --bench rules`.

use std::hint::black_box;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use rekry_core::date::Date;
use rekry_core::idcheck::checklist::{
    Checklist, DocumentEvidence, ExtractKind, ItemKind, MrzCheck, Reason, Register, Role,
};
use rekry_core::idcheck::documents::{CitizenshipGroup, DocumentKind};
use rekry_core::idcheck::mrz;
use rekry_core::rules::job_ad::{JobAd, PayInfo, RuleSet, check};

const QUESTIONS: [&str; 6] = [
    "Har du undersköterskeutbildning?",
    "Vilket löneanspråk har du?",
    "Hur många års erfarenhet har du av arbete inom äldreomsorgen?",
    "Vad är din nuvarande lön?",
    "Hur gammal är du?",
    "Do you have experience of dementia care?",
];

const TD1: &str = "I<SWEAB12345671198112189876<<<\n8112185M3101012SWE<<<<<<<<<<<7\nSVENSSON<<ANDERS<ERIK<<<<<<<<<";

fn bench(c: &mut Criterion) {
    let today = Date::new(2026, 11, 23).unwrap();
    let ad = JobAd {
        title: "Undersköterska till hemtjänsten",
        text: "Vi söker dig som vill arbeta med äldre.",
        pay: Some(PayInfo::Range { min: 29_000, max: 33_000 }),
        screening_questions: &QUESTIONS,
        asks_for_personal_letter: true,
        publication_date: Date::new(2027, 3, 1).unwrap(),
    };
    let rules = RuleSet::default();

    let mut g = c.benchmark_group("rules");
    g.throughput(Throughput::Elements(1));
    g.bench_function("job_ad_check_6_questions", |b| b.iter(|| check(black_box(&ad), black_box(&rules))));
    g.bench_function("checklist_teacher_full", |b| {
        b.iter(|| {
            let mut list = Checklist::new(black_box(Role::Teacher), CitizenshipGroup::Swedish, today);
            list.record_identity_document(
                &DocumentEvidence {
                    kind: DocumentKind::SwedishNationalIdCard,
                    issue_date: None,
                    expiry_date: Date::new(2030, 1, 1).unwrap(),
                    mrz: MrzCheck::Valid,
                },
                today,
            );
            let _ = list.record_extract(ExtractKind::School, Date::new(2026, 2, 1).unwrap(), today);
            let _ = list.record_licence(Register::Skolverket, true);
            let _ = list.pass(ItemKind::References, Reason::ReferencesTaken);
            list.finish(today)
        })
    });
    let report = mrz::parse(TD1, today);
    g.bench_function("checklist_apply_mrz", |b| {
        b.iter(|| {
            let mut list = Checklist::new(Role::Nurse, CitizenshipGroup::Swedish, today);
            list.apply_mrz(black_box(&report), None, today)
        })
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);

//! Storage benchmarks; prints figures rather than criterion's statistics, because the
//! questions are latency percentiles and throughput:
//!
//! - durable insert latency p50/p99, one response per transaction (WAL, synchronous=FULL);
//! - import throughput from a bundle (goal ≥ 200,000 responses/s);
//! - `report` time over 1,000,000 stored responses (goal ≤ 100 ms);
//! - bytes on disk per response.
//!
//! `cargo bench -p rekry-kiosk --bench storage`. `REKRY_BENCH_RESPONSES` (default 1,000,000)
//! and `REKRY_BENCH_INSERTS` (default 2,000) change the sizes; `REKRY_BENCH_DIR` the
//! directory (default: a temporary one under the system's temp dir, on its file system).

use std::path::Path;
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use rekry_core::Lang;
use rekry_core::indicators::Tertial;
use rekry_core::survey::{Answer, CatalogueId, Response, Value};
use rekry_kiosk::storage::{NewResponse, ReportFilter, ResponseFlags, Store, bundle};

struct Rng(u64);

impl Rng {
    fn below(&mut self, n: u64) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d) % n
    }
}

/// A realistic job-fair response: NPS always, the follow-ups often, some flagged or partial.
fn response(rng: &mut Rng, events: &[String], span_days: u64) -> NewResponse {
    let mut r = Response::new(CatalogueId::JobFair);
    let push = |r: &mut Response, q: &str, v: Value| r.push(Answer::new(q, v).expect("short id")).expect("room");
    push(&mut r, "recommend", Value::Score(rng.below(11) as i32));
    if rng.below(4) > 0 {
        push(&mut r, "treatment", Value::Score(1 + rng.below(10) as i32));
    }
    if rng.below(3) > 0 {
        push(&mut r, "questions_answered", Value::Yes(rng.below(5) > 0));
    }
    if rng.below(2) > 0 {
        push(&mut r, "would_apply", Value::Yes(rng.below(3) > 0));
    }
    let end = UNIX_EPOCH + Duration::from_secs(1_795_428_451);
    NewResponse {
        event: events[rng.below(events.len() as u64) as usize].clone(),
        response: r,
        lang: if rng.below(3) == 0 { Lang::En } else { Lang::Sv },
        complete: rng.below(20) > 0,
        flags: ResponseFlags { repeated_presses: u32::from(rng.below(50) == 0) * 2, too_fast: rng.below(80) == 0 },
        at: end - Duration::from_secs(rng.below(span_days * 86_400)),
    }
}

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    let i = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted[i.min(sorted.len() - 1)]
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

fn disk_size(db: &Path) -> u64 {
    ["", "-wal", "-shm"]
        .iter()
        .filter_map(|s| std::fs::metadata(format!("{}{s}", db.display())).ok())
        .map(|m| m.len())
        .sum()
}

fn main() {
    // `cargo bench` passes `--bench`; `cargo test --benches` passes nothing and wants speed.
    let quick = !std::env::args().any(|a| a == "--bench");
    let env = |k: &str, d: usize| std::env::var(k).ok().and_then(|v| v.parse().ok()).unwrap_or(d);
    let n = env("REKRY_BENCH_RESPONSES", if quick { 20_000 } else { 1_000_000 });
    let inserts = env("REKRY_BENCH_INSERTS", if quick { 50 } else { 2_000 });
    let base = std::env::var_os("REKRY_BENCH_DIR").map_or_else(std::env::temp_dir, Into::into);
    let dir = base.join(format!("rekry-bench-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("bench dir");
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
    let events: Vec<String> = ["Höstmässan 2026", "Vårmässan 2026", "Reception Kungsholmen", "Sommarjobb"]
        .iter()
        .map(|s| s.to_string())
        .collect();

    // 1. Durable insert latency.
    let db = dir.join("insert.sqlite3");
    let mut store = Store::open(&db).expect("open");
    let mut lat = Vec::with_capacity(inserts);
    for _ in 0..inserts {
        let r = response(&mut rng, &events, 1);
        let t = Instant::now();
        store.save_response(&r).expect("save");
        lat.push(t.elapsed());
    }
    lat.sort();
    println!(
        "durable insert (1 response/transaction, WAL, synchronous=FULL, {inserts} inserts, {}): p50 {:.2} ms, p99 {:.2} ms, max {:.2} ms",
        dir.display(),
        ms(percentile(&lat, 0.5)),
        ms(percentile(&lat, 0.99)),
        ms(*lat.last().expect("some"))
    );
    drop(store);

    // 2. Import throughput.
    let t = Instant::now();
    let batch: Vec<NewResponse> = (0..n).map(|_| response(&mut rng, &events, 365)).collect();
    let kiosk = uuid::Uuid::new_v4();
    let bytes = bundle::encode_responses(kiosk, &batch).expect("encode");
    drop(batch);
    println!(
        "bundle of {n} responses: {} bytes ({:.1} bytes/response), built in {:.2} s",
        bytes.len(),
        bytes.len() as f64 / n as f64,
        t.elapsed().as_secs_f64()
    );
    let db = dir.join("office.sqlite3");
    let mut store = Store::open(&db).expect("open");
    let t = Instant::now();
    let r = store.import_bundle_bytes(Path::new("bench.bundle"), &bytes, &mut |_, _| {}).expect("import");
    let took = t.elapsed();
    assert_eq!(r.responses, n as u64);
    println!(
        "import: {n} responses in {:.2} s = {:.0} responses/s (one transaction, checksum and core validation included)",
        took.as_secs_f64(),
        n as f64 / took.as_secs_f64()
    );
    let t = Instant::now();
    let again = store.import_bundle_bytes(Path::new("bench.bundle"), &bytes, &mut |_, _| {}).expect("re-import");
    assert_eq!(again.duplicates, n as u64);
    println!("re-import of the same bundle (all duplicates): {:.2} s", t.elapsed().as_secs_f64());

    // 3. Report time.
    let filters = [
        ("all", ReportFilter::all(CatalogueId::JobFair)),
        ("one event", ReportFilter { event: Some(events[0].clone()), ..ReportFilter::all(CatalogueId::JobFair) }),
        (
            "one tertial",
            ReportFilter {
                tertial: Some(Tertial { year: 2026, number: 3 }),
                ..ReportFilter::all(CatalogueId::JobFair)
            },
        ),
        ("flagged included", ReportFilter { include_flagged: true, ..ReportFilter::all(CatalogueId::JobFair) }),
    ];
    for (name, f) in &filters {
        let mut times = Vec::new();
        let mut responses = 0;
        for _ in 0..21 {
            let t = Instant::now();
            let report = store.report(f).expect("report");
            times.push(t.elapsed());
            responses = report.responses;
        }
        times.sort();
        println!(
            "report ({name}) over {n} stored responses ({responses} in the figures): median {:.2} ms, max {:.2} ms",
            ms(percentile(&times, 0.5)),
            ms(*times.last().expect("some"))
        );
    }

    // 4. Bytes on disk.
    drop(store);
    let size = disk_size(&db);
    println!(
        "on disk: {size} bytes for {n} responses = {:.1} bytes/response (database incl. aggregates and indexes)",
        size as f64 / n as f64
    );
    let _ = std::fs::remove_dir_all(&dir);
    let _ = SystemTime::now();
}

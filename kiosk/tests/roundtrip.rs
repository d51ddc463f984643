//! Export → import into an empty store → the same figures; merges are idempotent.

mod common;

use std::path::Path;

use common::*;
use rekry_core::Date;
use rekry_core::idcheck::checklist::{Checklist, Role};
use rekry_core::idcheck::documents::CitizenshipGroup;
use rekry_core::indicators::Tertial;
use rekry_core::survey::CatalogueId;
use rekry_kiosk::storage::{ReportFilter, Store};

fn filters(store: &Store) -> Vec<ReportFilter> {
    let all = ReportFilter::all(CatalogueId::JobFair);
    vec![
        all.clone(),
        ReportFilter { include_flagged: true, ..all.clone() },
        ReportFilter { event: Some("Höstmässan".into()), ..all.clone() },
        ReportFilter { kiosk: Some(store.kiosk_id().into()), ..all.clone() },
        ReportFilter { tertial: Some(Tertial { year: 2026, number: 3 }), ..all.clone() },
        ReportFilter { day: Some(Date::parse("2026-11-20").unwrap()), include_flagged: true, ..all.clone() },
        ReportFilter { catalogue: CatalogueId::Candidate, ..all },
    ]
}

fn filled(seed: u64, n: usize) -> (tempfile::TempDir, std::path::PathBuf, Store) {
    let (dir, path, mut store) = temp_store();
    let mut rng = Rng(seed);
    for _ in 0..n {
        store.save_response(&random_response(&mut rng, &["Höstmässan", "Vårmässan", "Reception"], 250)).unwrap();
    }
    let today = Date::parse("2026-11-20").unwrap();
    store.save_check(&Checklist::new(Role::Teacher, CitizenshipGroup::Swedish, today).finish(today)).unwrap();
    (dir, path, store)
}

#[test]
fn export_import_gives_exactly_the_same_figures() {
    let (dir, _path, source) = filled(5, 1500);
    let bundle = dir.path().join("out.bundle");
    let written = source.export_bundle(&bundle).unwrap();
    assert_eq!(written, 1501);
    let (_dir2, _path2, mut target) = temp_store();
    let mut calls = 0;
    let r = target
        .import_bundle(&bundle, &mut |done, total| {
            assert!(done <= total && total == 1501);
            calls += 1;
        })
        .unwrap();
    assert!(calls >= 2);
    assert!(target.foreign_keys_enabled().unwrap(), "import left foreign keys off");
    assert_eq!((r.responses, r.checks, r.duplicates), (1500, 1, 0));
    assert_eq!(r.from_kiosk, source.kiosk_id());
    for f in filters(&source) {
        assert_eq!(source.report(&f).unwrap(), target.report(&f).unwrap(), "{f:?}");
    }
    assert_eq!(source.checks().unwrap(), target.checks().unwrap());
    assert!(target.aggregates_consistent().unwrap());

    // Importing the same bundle again changes nothing.
    let before: Vec<_> = filters(&source).iter().map(|f| target.report(f).unwrap()).collect();
    let again = target.import_bundle(&bundle, &mut |_, _| {}).unwrap();
    assert_eq!((again.responses, again.checks, again.duplicates), (0, 0, 1501));
    let after: Vec<_> = filters(&source).iter().map(|f| target.report(f).unwrap()).collect();
    assert_eq!(before, after);
    assert_eq!(target.response_count().unwrap(), 1500);
    // Re-exporting the merged store and importing it into the source changes nothing either.
    let back = dir.path().join("back.bundle");
    target.export_bundle(&back).unwrap();
    let mut source = source;
    let r = source.import_bundle(&back, &mut |_, _| {}).unwrap();
    assert_eq!((r.responses, r.checks), (0, 0));
}

#[test]
fn merging_two_kiosks_adds_up_and_keeps_their_breakdowns() {
    let (dir, _p1, a) = filled(21, 300);
    let (_d2, _p2, b) = filled(22, 200);
    let (_d3, _p3, mut office) = temp_store();
    for (name, store) in [("a", &a), ("b", &b)] {
        let file = dir.path().join(name);
        store.export_bundle(&file).unwrap();
        office.import_bundle(&file, &mut |_, _| {}).unwrap();
    }
    let all = ReportFilter::all(CatalogueId::JobFair);
    let (ra, rb, ro) = (a.report(&all).unwrap(), b.report(&all).unwrap(), office.report(&all).unwrap());
    let mut sum = ra.tally.clone();
    sum.merge(&rb.tally).unwrap();
    assert_eq!(ro.tally, sum);
    assert_eq!(ro.partial, ra.partial + rb.partial);
    assert_eq!(ro.flagged.responses, ra.flagged.responses + rb.flagged.responses);
    assert_eq!(ro.by_kiosk.len(), 2);
    for (store, report) in [(&a, &ra), (&b, &rb)] {
        let row = ro.by_kiosk.iter().find(|r| r.key == store.kiosk_id()).unwrap();
        assert_eq!(row.responses, report.responses);
        let only = ReportFilter { kiosk: Some(store.kiosk_id().into()), ..all.clone() };
        assert_eq!(office.report(&only).unwrap().tally, report.tally);
    }
    assert_eq!(office.checks().unwrap().len(), 2);
    // The office's own kiosk id is not among them, and the import was audited.
    let kinds: Vec<String> = office.audit_entries(10).unwrap().into_iter().map(|e| e.kind).collect();
    assert_eq!(kinds, ["import", "import"]);
    assert!(office.verify_audit().unwrap().first_break.is_none());
}

#[test]
fn csv_and_json_exports_hold_every_answer_and_no_exact_time() {
    let (dir, _path, store) = filled(8, 50);
    let csv = dir.path().join("out.csv");
    let json = dir.path().join("out.json");
    assert_eq!(store.export_csv(&csv).unwrap(), 50);
    assert_eq!(store.export_json(&json).unwrap(), 51);
    let text = std::fs::read_to_string(&csv).unwrap();
    let mut lines = text.lines();
    assert_eq!(
        lines.next().unwrap(),
        "response_id,kiosk,event,catalogue,lang,bucket_start_utc,complete,repeated_presses,too_fast,question,value"
    );
    let answers = lines.clone().count();
    assert!(answers >= 50);
    for line in lines {
        let bucket = line.split(',').nth(5).unwrap();
        // Quarter hours only: minutes 00, 15, 30 or 45.
        assert!(["00Z", "15Z", "30Z", "45Z"].iter().any(|m| bucket.ends_with(&format!(":{m}"))), "{line}");
    }
    let doc: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(&json).unwrap()).unwrap();
    assert_eq!(doc["responses"].as_array().unwrap().len(), 50);
    assert_eq!(doc["checks"].as_array().unwrap().len(), 1);
    assert_eq!(doc["kiosk"], store.kiosk_id());
    assert!(
        doc["responses"][0]["answers"]["recommend"].is_number() || !doc["responses"][0]["complete"].as_bool().unwrap()
    );
    // Exports are written whole or not at all: no temporary files are left behind.
    let names: Vec<String> =
        std::fs::read_dir(dir.path()).unwrap().map(|e| e.unwrap().file_name().to_string_lossy().into_owned()).collect();
    assert!(names.iter().all(|n| !n.ends_with(".tmp")), "{names:?}");
}

#[test]
fn export_to_an_unwritable_place_fails_cleanly() {
    let (_dir, _path, store) = filled(1, 5);
    let e = store.export_bundle(Path::new("/nonexistent-dir/x.bundle")).unwrap_err();
    assert!(e.to_string().contains("/nonexistent-dir/x.bundle"), "{e}");
}

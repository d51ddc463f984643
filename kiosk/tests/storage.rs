//! Storage: schema, durability settings, responses, reports, PIN, audit chain, purge.

mod common;

use std::time::{Duration, UNIX_EPOCH};

use common::*;
use rekry_core::Date;
use rekry_core::idcheck::checklist::{Checklist, Role};
use rekry_core::idcheck::documents::CitizenshipGroup;
use rekry_core::indicators::{Indicator, MIN_REPORT_CELL, Tertial, evaluate};
use rekry_core::survey::{Answer, CatalogueId, Response, SurveyTally, Value};
use rekry_kiosk::storage::{AuditEvent, ReportFilter, ResponseFlags, Store, StoreError, schema};
use rusqlite::Connection;

fn raw(path: &std::path::Path) -> Connection {
    Connection::open(path).unwrap()
}

#[test]
fn open_sets_wal_full_sync_foreign_keys_and_latest_schema() {
    let (_dir, path, store) = temp_store();
    drop(store);
    let c = raw(&path);
    let mode: String = c.query_row("PRAGMA journal_mode", [], |r| r.get(0)).unwrap();
    assert_eq!(mode, "wal");
    let version: i64 = c.query_row("PRAGMA user_version", [], |r| r.get(0)).unwrap();
    assert_eq!(version, schema::LATEST);
    let app: i64 = c.query_row("PRAGMA application_id", [], |r| r.get(0)).unwrap();
    assert_eq!(app, schema::APPLICATION_ID);
    // synchronous and foreign_keys are per connection: check through the store's behaviour.
    let store = Store::open(&path).unwrap();
    assert!(store.integrity_check().is_ok());
}

#[test]
fn kiosk_id_is_created_once_and_kept() {
    let (_dir, path, store) = temp_store();
    let id = store.kiosk_id().to_owned();
    assert_eq!(uuid::Uuid::parse_str(&id).unwrap().get_version_num(), 4);
    drop(store);
    assert_eq!(Store::open(&path).unwrap().kiosk_id(), id);
}

#[test]
fn responses_store_only_a_15_minute_bucket() {
    let (_dir, path, mut store) = temp_store();
    let at = t0(); // 10:07:31
    store.save_response(&new_response("Mässan", job_fair(9, Some(8), Some(true)), at)).unwrap();
    drop(store);
    let bucket: i64 = raw(&path).query_row("SELECT bucket FROM responses", [], |r| r.get(0)).unwrap();
    let exact = at.duration_since(UNIX_EPOCH).unwrap().as_secs() as i64;
    assert_eq!(bucket % 900, 0);
    assert!(exact - bucket < 900 && exact >= bucket);
    assert_eq!(bucket % 86_400, 10 * 3600); // 10:00
    // The schema has no column that could hold an exact time or personal text.
    let cols: Vec<String> = raw(&path)
        .prepare("SELECT name FROM pragma_table_info('responses')")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .map(Result::unwrap)
        .collect();
    assert_eq!(
        cols,
        ["id", "uuid", "kiosk", "event", "catalogue", "lang", "bucket", "complete", "repeated_presses", "too_fast"]
    );
}

#[test]
fn invalid_responses_are_refused_and_nothing_is_stored() {
    let (_dir, _path, mut store) = temp_store();
    let bad = [job_fair(11, None, None), job_fair(5, Some(0), None), {
        let mut r = Response::new(CatalogueId::JobFair);
        r.push(Answer::new("nonsense", Value::Score(1)).unwrap()).unwrap();
        r
    }];
    for r in bad {
        let e = store.save_response(&new_response("e", r, t0())).unwrap_err();
        assert!(matches!(e, StoreError::InvalidResponse(_)), "{e}");
    }
    // A complete response must answer the required NPS question.
    let mut only_apply = Response::new(CatalogueId::JobFair);
    only_apply.push(Answer::new("would_apply", Value::Yes(true)).unwrap()).unwrap();
    let mut r = new_response("e", only_apply, t0());
    assert!(matches!(store.save_response(&r), Err(StoreError::InvalidResponse(m)) if m.contains("recommend")));
    // ... but a partial one need not.
    r.complete = false;
    store.save_response(&r).unwrap();
    assert_eq!(store.response_count().unwrap(), 1);
}

#[test]
fn report_matches_cores_tally_of_the_same_responses() {
    let (_dir, _path, mut store) = temp_store();
    let mut rng = Rng(42);
    let mut expected = SurveyTally::new(CatalogueId::JobFair);
    let mut partial = 0;
    let mut flagged = 0;
    for _ in 0..600 {
        let r = random_response(&mut rng, &["A", "B", "C"], 200);
        if r.flags.any() {
            flagged += 1;
        } else if r.complete {
            expected.record(&r.response).unwrap();
        } else {
            partial += 1;
        }
        store.save_response(&r).unwrap();
    }
    let report = store.report(&ReportFilter::all(CatalogueId::JobFair)).unwrap();
    assert_eq!(report.tally, expected);
    assert_eq!(report.responses, u64::from(expected.responses()));
    assert_eq!(report.partial, partial);
    assert_eq!(report.flagged.responses, flagged);
    assert!(!report.flagged.included);
    assert_eq!(report.indicators, evaluate(&expected, None).to_vec());
    assert!(store.aggregates_consistent().unwrap());
    // Breakdowns add up to the whole.
    for rows in [&report.by_event, &report.by_kiosk, &report.by_tertial] {
        assert_eq!(rows.iter().map(|r| r.responses).sum::<u64>(), report.responses);
        assert_eq!(rows.iter().map(|r| r.flagged).sum::<u64>(), flagged);
    }
    assert_eq!(report.by_event.iter().map(|r| r.key.as_str()).collect::<Vec<_>>(), ["A", "B", "C"]);
    assert_eq!(report.by_kiosk.len(), 1);
    assert_eq!(report.by_kiosk[0].key, store.kiosk_id());
    // 200 days back from 2026-11-23 spans T2 and T3.
    assert_eq!(report.by_tertial.iter().map(|r| r.key.as_str()).collect::<Vec<_>>(), ["2026 T2", "2026 T3"]);
}

#[test]
fn flagged_are_counted_shown_and_excluded_unless_asked() {
    let (_dir, _path, mut store) = temp_store();
    for i in 0..10 {
        let mut r = new_response("e", job_fair(10, None, None), t0());
        if i < 3 {
            r.flags = ResponseFlags { repeated_presses: 4, too_fast: i == 0 };
            r.response = job_fair(0, None, None);
        }
        store.save_response(&r).unwrap();
    }
    let mut filter = ReportFilter::all(CatalogueId::JobFair);
    let excluded = store.report(&filter).unwrap();
    assert_eq!(excluded.responses, 7);
    assert_eq!(excluded.tally.nps("recommend").unwrap().detractors(), 0);
    assert_eq!((excluded.flagged.responses, excluded.flagged.repeated_presses, excluded.flagged.too_fast), (3, 12, 1));
    filter.include_flagged = true;
    let included = store.report(&filter).unwrap();
    assert_eq!(included.responses, 10);
    assert_eq!(included.tally.nps("recommend").unwrap().detractors(), 3);
    assert!(included.flagged.included);
}

#[test]
fn partials_are_reported_apart() {
    let (_dir, _path, mut store) = temp_store();
    for i in 0..12 {
        let mut r = new_response("e", job_fair(9, None, Some(true)), t0());
        r.complete = i < 6;
        store.save_response(&r).unwrap();
    }
    let report = store.report(&ReportFilter::all(CatalogueId::JobFair)).unwrap();
    assert_eq!((report.responses, report.partial), (6, 6));
    assert_eq!(report.tally.nps("recommend").unwrap().n(), 6);
    assert_eq!(report.partial_tally.nps("recommend").unwrap().n(), 6);
    assert_eq!(report.partial_tally.responses(), 6);
}

#[test]
fn cells_under_five_are_suppressed() {
    let (_dir, _path, mut store) = temp_store();
    for (event, n) in [("big", 8), ("small", 3)] {
        for _ in 0..n {
            store.save_response(&new_response(event, job_fair(3, Some(2), None), t0())).unwrap();
        }
    }
    let report = store.report(&ReportFilter::all(CatalogueId::JobFair)).unwrap();
    assert!(!report.suppressed);
    let small = report.by_event.iter().find(|r| r.key == "small").unwrap();
    assert!(small.suppressed && small.tally.is_none() && small.responses == 3);
    let nps = small.indicators.iter().find(|r| r.indicator == Indicator::Nps).unwrap();
    assert!(nps.suppressed && nps.value.is_none());
    let big = report.by_event.iter().find(|r| r.key == "big").unwrap();
    assert!(!big.suppressed && big.tally.is_some());

    let only_small = ReportFilter { event: Some("small".into()), ..ReportFilter::all(CatalogueId::JobFair) };
    let report = store.report(&only_small).unwrap();
    assert!(report.suppressed && report.responses == 3);
    assert!(report.responses < MIN_REPORT_CELL);
    // The distribution is withheld, not just flagged.
    assert_eq!(report.tally.nps("recommend").unwrap().n(), 0);
    assert!(report.indicators.iter().all(|r| r.value.is_none()));
}

#[test]
fn filters_by_event_kiosk_tertial_and_day() {
    let (_dir, _path, mut store) = temp_store();
    let day = Duration::from_secs(86_400);
    for i in 0..6 {
        store.save_response(&new_response("A", job_fair(10, None, None), t0())).unwrap();
        store.save_response(&new_response("B", job_fair(i, None, None), t0() - day * 100)).unwrap();
    }
    let all = ReportFilter::all(CatalogueId::JobFair);
    let n = |f: ReportFilter| store.report(&f).unwrap().responses;
    assert_eq!(n(all.clone()), 12);
    assert_eq!(n(ReportFilter { event: Some("A".into()), ..all.clone() }), 6);
    assert_eq!(n(ReportFilter { event: Some("nope".into()), ..all.clone() }), 0);
    assert_eq!(n(ReportFilter { kiosk: Some(store.kiosk_id().into()), ..all.clone() }), 12);
    assert_eq!(n(ReportFilter { kiosk: Some("other".into()), ..all.clone() }), 0);
    assert_eq!(n(ReportFilter { tertial: Some(Tertial { year: 2026, number: 3 }), ..all.clone() }), 6);
    assert_eq!(n(ReportFilter { tertial: Some(Tertial { year: 2026, number: 2 }), ..all.clone() }), 6);
    assert_eq!(n(ReportFilter { day: Some(Date::parse("2026-11-23").unwrap()), ..all.clone() }), 6);
    assert_eq!(n(ReportFilter { day: Some(Date::parse("2026-11-22").unwrap()), ..all.clone() }), 0);
    assert_eq!(n(ReportFilter { catalogue: CatalogueId::Candidate, ..all }), 0);
}

#[test]
fn pin_has_no_default_rejects_weak_pins_and_verifies() {
    let (_dir, _path, mut store) = temp_store();
    assert!(!store.pin_is_set().unwrap());
    assert!(!store.verify_pin("").unwrap());
    assert!(!store.verify_pin("000000").unwrap());
    for weak in ["", "12345", "1234567890123", "abcdef", "12 345", "000000", "123456", "987654", "٣٤٥٦٧٨"] {
        assert!(matches!(store.set_pin(weak), Err(StoreError::WeakPin(_))), "{weak:?}");
    }
    assert!(!store.pin_is_set().unwrap());
    store.set_pin("480713").unwrap();
    assert!(store.pin_is_set().unwrap());
    assert!(store.verify_pin("480713").unwrap());
    assert!(!store.verify_pin("480714").unwrap());
    store.set_pin("9081726354").unwrap();
    assert!(store.verify_pin("9081726354").unwrap());
    assert!(!store.verify_pin("480713").unwrap());
    let kinds: Vec<String> = store.audit_entries(10).unwrap().into_iter().map(|e| e.kind).collect();
    assert_eq!(kinds, ["pin-set", "pin-changed"]);
}

#[test]
fn pin_hash_is_argon2id_and_not_the_pin() {
    let (_dir, path, mut store) = temp_store();
    store.set_pin("480713").unwrap();
    drop(store);
    let hash: String =
        raw(&path).query_row("SELECT value FROM settings WHERE key = 'pin_hash'", [], |r| r.get(0)).unwrap();
    assert!(hash.starts_with("$argon2id$"), "{hash}");
    assert!(!hash.contains("480713"));
}

fn check_record(days_ago: i32) -> rekry_core::idcheck::record::CheckRecord {
    let today = Date::parse("2026-11-23").unwrap().add_days(-days_ago);
    Checklist::new(Role::Nurse, CitizenshipGroup::EuEeaSwiss, today).finish(today)
}

#[test]
fn checks_round_trip_and_are_audited() {
    let (_dir, _path, mut store) = temp_store();
    let record = check_record(0);
    let id = store.save_check(&record).unwrap();
    let checks = store.checks().unwrap();
    assert_eq!(checks, [(id, record)]);
    let entries = store.audit_entries(10).unwrap();
    assert_eq!(entries.len(), 1);
    assert_eq!(entries[0].kind, "check-saved");
    assert!(entries[0].details.as_deref().unwrap().contains(&id.to_string()));
}

#[test]
fn audit_chain_verifies_and_the_table_refuses_edits() {
    let (_dir, path, mut store) = temp_store();
    store.audit(AuditEvent::StaffUnlock).unwrap();
    store.audit(AuditEvent::PinFailure { attempt: 2 }).unwrap();
    store.audit(AuditEvent::SettingsChanged { key: "event".into() }).unwrap();
    let report = store.verify_audit().unwrap();
    assert_eq!((report.entries, report.first_break.clone()), (3, None));
    drop(store);
    let c = raw(&path);
    for sql in [
        "UPDATE audit SET details = '{}' WHERE seq = 2",
        "UPDATE audit SET details = NULL WHERE seq = 2",
        "DELETE FROM audit WHERE seq = 3",
    ] {
        let e = c.execute(sql, []).unwrap_err();
        assert!(e.to_string().contains("append-only"), "{sql}: {e}");
    }
}

/// Someone with the file drops the triggers and edits: the chain names the entry.
fn tampered(sql: &str) -> rekry_kiosk::storage::ChainReport {
    let (_dir, path, mut store) = temp_store();
    for i in 0..5 {
        store.audit(AuditEvent::PinFailure { attempt: i }).unwrap();
    }
    drop(store);
    let c = raw(&path);
    c.execute_batch("DROP TRIGGER audit_no_update; DROP TRIGGER audit_no_delete;").unwrap();
    c.execute_batch(sql).unwrap();
    drop(c);
    Store::open(&path).unwrap().verify_audit().unwrap()
}

#[test]
fn audit_chain_detects_edits_insertions_and_deletions() {
    let b = tampered(r#"UPDATE audit SET details = '{"event":"pin-failure","attempt":9}' WHERE seq = 3"#);
    assert_eq!(b.first_break.unwrap().seq, 3);
    let b = tampered("UPDATE audit SET kind = 'staff-unlock' WHERE seq = 2");
    assert_eq!(b.first_break.unwrap().seq, 2);
    let b = tampered("UPDATE audit SET at = at - 3600 WHERE seq = 4");
    assert_eq!(b.first_break.unwrap().seq, 4);
    let b = tampered("DELETE FROM audit WHERE seq = 2");
    assert_eq!(b.first_break.unwrap().seq, 3);
    let b = tampered("DELETE FROM audit WHERE seq = 5");
    let br = b.first_break.unwrap();
    assert!(br.reason.contains("head"), "{br:?}");
    let b = tampered("UPDATE audit SET details = NULL WHERE seq = 1");
    // Redaction alone keeps the chain valid (that is what purge does) ...
    assert!(b.first_break.is_none());
    // ... but redacting and rewriting the kind does not.
    let b = tampered("UPDATE audit SET details = NULL, kind = 'x' WHERE seq = 1");
    assert_eq!(b.first_break.unwrap().seq, 1);
}

#[test]
fn purge_deletes_old_checks_redacts_old_details_and_logs_itself() {
    let (_dir, path, mut store) = temp_store();
    store.save_check(&check_record(200)).unwrap();
    store.save_check(&check_record(100)).unwrap();
    let keep = store.save_check(&check_record(10)).unwrap();
    store.audit(AuditEvent::StaffUnlock).unwrap();
    // Checks are dated by the day they were finished: 90 days' retention on 2026-11-23
    // removes the ones from 200 and 100 days ago. The audit entries are recent: kept.
    let r = store.purge(90, 365, t0()).unwrap();
    assert_eq!((r.checks_deleted, r.details_redacted), (2, 0));
    assert_eq!(store.checks().unwrap().iter().map(|c| c.0).collect::<Vec<_>>(), [keep]);
    // A day later with zero days' detail retention, every earlier entry is redacted.
    let later = std::time::SystemTime::now() + Duration::from_secs(86_400);
    let r = store.purge(90, 0, later).unwrap();
    assert_eq!(r.details_redacted, 5); // 3 check-saved, 1 staff-unlock, 1 purge
    let entries = store.audit_entries(100).unwrap();
    assert_eq!(entries.len(), 6);
    assert!(entries[..5].iter().all(|e| e.details.is_none()));
    assert_eq!(entries[5].kind, "purge");
    assert!(entries[5].details.as_deref().unwrap().contains("\"details_redacted\":5"));
    let chain = store.verify_audit().unwrap();
    assert!(chain.first_break.is_none(), "{chain:?}");
    assert_eq!(chain.redacted, 5);
    // The gate is closed again: plain edits are still refused.
    drop(store);
    let c = raw(&path);
    assert!(c.execute("UPDATE audit SET details = NULL WHERE seq = 6", []).is_err());
}

#[test]
fn migrations_reopen_is_a_no_op_and_future_versions_are_refused_untouched() {
    let (_dir, path, mut store) = temp_store();
    store.save_response(&new_response("e", job_fair(9, None, None), t0())).unwrap();
    drop(store);
    let store = Store::open(&path).unwrap();
    assert_eq!(store.response_count().unwrap(), 1);
    drop(store);
    raw(&path).execute_batch(&format!("PRAGMA user_version = {}", schema::LATEST + 1)).unwrap();
    // Checkpoint so the file holds everything; then compare bytes before and after.
    raw(&path).query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |_| Ok(())).unwrap();
    let before = bytes(&path);
    let e = Store::open(&path).unwrap_err();
    assert!(matches!(e, StoreError::TooNew { .. }), "{e}");
    assert!(e.to_string().contains("newer"), "{e}");
    assert_eq!(bytes(&path), before);
}

#[test]
fn migration_ladder_steps_one_version_at_a_time() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("db");
    let mut c = Connection::open(&path).unwrap();
    for step in 1..=schema::LATEST {
        schema::migrate_to(&mut c, step).unwrap();
        assert_eq!(schema::version(&c).unwrap(), step);
        // Re-running the same step changes nothing.
        schema::migrate_to(&mut c, step).unwrap();
        assert_eq!(schema::version(&c).unwrap(), step);
    }
    drop(c);
    assert!(Store::open(&path).is_ok());
}

#[test]
fn another_applications_database_is_refused_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("other.sqlite3");
    raw(&path).execute_batch("CREATE TABLE notes (t TEXT); INSERT INTO notes VALUES ('x');").unwrap();
    let before = bytes(&path);
    let e = Store::open(&path).unwrap_err();
    assert!(matches!(e, StoreError::Foreign { .. }), "{e}");
    assert_eq!(bytes(&path), before);
}

#[test]
fn migration_2_backfills_tertial_totals_from_a_version_1_database() {
    let (_dir, path, mut store) = temp_store();
    let mut rng = Rng(77);
    for _ in 0..300 {
        store.save_response(&random_response(&mut rng, &["A", "B"], 400)).unwrap();
    }
    let filter = ReportFilter { include_flagged: true, ..ReportFilter::all(CatalogueId::JobFair) };
    let before = store.report(&filter).unwrap();
    drop(store);
    // Make it a version-1 database: no per-tertial tables.
    raw(&path).execute_batch("DROP TABLE answer_totals; DROP TABLE response_totals; PRAGMA user_version = 1;").unwrap();
    let store = Store::open(&path).unwrap();
    assert_eq!(schema::version(&raw(&path)).unwrap(), schema::LATEST);
    assert!(store.aggregates_consistent().unwrap());
    assert_eq!(store.report(&filter).unwrap(), before);
}

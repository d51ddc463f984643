//! Corrupt, read-only, full and locked databases, and damaged bundles: each gives a clear
//! error, and nothing is lost, overwritten or half-written.
//!
//! The tests run as root, which ignores file permissions, so "read-only" is made real with a
//! read-only bind mount (and `chattr +i` where the file system supports it), and "full" with
//! a 2 MiB tmpfs. When `mount` is not permitted the test says so and checks what it can.

mod common;

use std::path::Path;
use std::time::Duration;

use common::*;
use rekry_core::survey::CatalogueId;
use rekry_kiosk::storage::bundle::HEADER_LEN;
use rekry_kiosk::storage::{BundleError, OpenOptions, ReportFilter, Store, StoreError};
use sha2::{Digest, Sha256};

fn assert_one_line(e: &StoreError) {
    let s = e.to_string();
    assert!(!s.contains('\n') && !s.is_empty(), "{s:?}");
}

#[test]
fn garbage_file_is_refused_and_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("kiosk.sqlite3");
    let mut rng = Rng(7);
    let garbage: Vec<u8> = (0..8192).map(|_| rng.next() as u8).collect();
    std::fs::write(&path, &garbage).unwrap();
    let e = Store::open(&path).unwrap_err();
    assert!(matches!(e, StoreError::Corrupt { .. }), "{e}");
    assert!(e.to_string().contains("corrupt") && e.to_string().contains("untouched"), "{e}");
    assert_one_line(&e);
    assert_eq!(bytes(&path), garbage);
    // No WAL or shared-memory files were created beside it.
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
}

#[test]
fn sqlite_header_followed_by_garbage_is_refused_and_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("kiosk.sqlite3");
    let mut rng = Rng(9);
    let mut data: Vec<u8> = (0..8192).map(|_| rng.next() as u8).collect();
    data[..16].copy_from_slice(b"SQLite format 3\0");
    std::fs::write(&path, &data).unwrap();
    let e = Store::open(&path).unwrap_err();
    assert!(matches!(e, StoreError::Corrupt { .. }), "{e}");
    assert_eq!(bytes(&path), data);
}

#[test]
fn a_short_file_is_refused_and_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("kiosk.sqlite3");
    std::fs::write(&path, b"SQLite").unwrap();
    assert!(matches!(Store::open(&path), Err(StoreError::Corrupt { .. })));
    assert_eq!(bytes(&path), b"SQLite");
}

#[test]
fn missing_directory_is_a_clear_error_and_creates_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("no/such/dir/kiosk.sqlite3");
    let e = Store::open(&path).unwrap_err();
    assert!(matches!(e, StoreError::CannotOpen { .. }), "{e}");
    assert_one_line(&e);
    assert!(!dir.path().join("no").exists());
}

/// A directory holding a store with `n` responses, checkpointed so the main file holds all.
fn populated(n: usize) -> (tempfile::TempDir, std::path::PathBuf) {
    let (dir, path, mut store) = temp_store();
    for i in 0..n {
        store.save_response(&new_response("e", job_fair((i % 11) as i32, None, None), t0())).unwrap();
    }
    drop(store); // the last connection to close checkpoints and removes the WAL
    (dir, path)
}

#[test]
fn read_only_mount_is_refused_and_untouched() {
    let (dir, path) = populated(7);
    let ro = dir.path().join("ro");
    std::fs::create_dir(&ro).unwrap();
    if !mount(&["--bind", dir.path().to_str().unwrap(), ro.to_str().unwrap()]) {
        eprintln!("SKIP read-only bind mount: mount not permitted here");
        return;
    }
    let remounted = mount(&["-o", "remount,ro,bind", ro.to_str().unwrap()]);
    let ro_db = ro.join(path.file_name().unwrap());
    let before = bytes(&path);
    let result = Store::open(&ro_db);
    let fresh = Store::open(&ro.join("new.sqlite3"));
    umount(&ro);
    assert!(remounted, "remount read-only failed");
    let e = result.unwrap_err();
    assert!(matches!(e, StoreError::ReadOnly { .. }), "{e}");
    assert!(e.to_string().contains("read-only"), "{e}");
    assert_one_line(&e);
    assert!(matches!(fresh, Err(StoreError::ReadOnly { .. })), "{fresh:?}");
    assert_eq!(bytes(&path), before);
    assert!(!dir.path().join("new.sqlite3").exists());
    assert_eq!(Store::open(&path).unwrap().response_count().unwrap(), 7);
}

#[test]
fn immutable_file_is_refused_and_untouched() {
    let (_dir, path) = populated(5);
    let ok = std::process::Command::new("chattr")
        .args(["+i", path.to_str().unwrap()])
        .stderr(std::process::Stdio::null())
        .status()
        .is_ok_and(|s| s.success());
    if !ok {
        eprintln!("SKIP chattr +i: not supported by this file system");
        return;
    }
    let before = bytes(&path);
    let result = Store::open(&path);
    let _ = std::process::Command::new("chattr").args(["-i", path.to_str().unwrap()]).status();
    let e = result.unwrap_err();
    assert!(matches!(e, StoreError::ReadOnly { .. }), "{e}");
    assert_eq!(bytes(&path), before);
}

#[test]
fn full_disk_keeps_every_acknowledged_response() {
    let dir = tempfile::tempdir().unwrap();
    let mnt = dir.path().join("small");
    std::fs::create_dir(&mnt).unwrap();
    if !mount(&["-t", "tmpfs", "-o", "size=2m", "tmpfs", mnt.to_str().unwrap()]) {
        eprintln!("SKIP disk full: mount not permitted here");
        return;
    }
    let path = mnt.join("kiosk.sqlite3");
    let outcome = std::panic::catch_unwind(|| {
        let mut store = Store::open(&path).unwrap();
        let mut acknowledged = Vec::new();
        let mut rng = Rng(3);
        let error = loop {
            let r = random_response(&mut rng, &["Fair"], 30);
            match store.save_response(&r) {
                Ok(id) => acknowledged.push(id),
                Err(e) => break e,
            }
            assert!(acknowledged.len() < 100_000, "2 MiB never filled up");
        };
        assert!(matches!(error, StoreError::Full { .. }), "{error}");
        assert!(error.to_string().contains("disk full"), "{error}");
        assert_one_line(&error);
        // Still full: a further write fails the same way and nothing half-written remains.
        let again = store.save_response(&random_response(&mut rng, &["Fair"], 30));
        assert!(again.is_err());
        drop(store);
        let store = Store::open(&path).unwrap();
        assert_eq!(store.response_count().unwrap(), acknowledged.len() as u64);
        for id in &acknowledged {
            assert!(store.has_response(id).unwrap(), "acknowledged {id} lost");
        }
        assert_eq!(store.integrity_check(), Ok(()));
        assert!(store.aggregates_consistent().unwrap());
        acknowledged.len()
    });
    umount(&mnt);
    let stored = outcome.unwrap();
    // WAL grows by whole pages per commit until a checkpoint, so a couple of megabytes hold
    // dozens of single-response transactions before the disk fills.
    assert!(stored > 20, "only {stored} responses fit");
}

#[test]
fn locked_database_gives_a_clear_error_and_loses_nothing() {
    let (_dir, path) = populated(3);
    let opts = OpenOptions { busy_timeout: Duration::from_millis(100) };
    let mut store = Store::open_with(&path, &opts).unwrap();
    let other = rusqlite::Connection::open(&path).unwrap();
    other.execute_batch("BEGIN IMMEDIATE").unwrap();
    let e = store.save_response(&new_response("e", job_fair(9, None, None), t0())).unwrap_err();
    assert!(matches!(e, StoreError::Locked { .. }), "{e}");
    assert!(e.to_string().contains("locked"), "{e}");
    // Opening while another process writes is refused the same way.
    let e = Store::open_with(&path, &opts).map(|_| ()).unwrap_err();
    assert!(matches!(e, StoreError::Locked { .. }), "{e}");
    other.execute_batch("ROLLBACK").unwrap();
    assert_eq!(store.response_count().unwrap(), 3);
    store.save_response(&new_response("e", job_fair(9, None, None), t0())).unwrap();
    assert_eq!(store.response_count().unwrap(), 4);
}

// ---- bundles ---------------------------------------------------------------------------

fn bundle_with(n: usize) -> Vec<u8> {
    let (_dir, _path, mut store) = temp_store();
    let mut rng = Rng(11);
    for _ in 0..n {
        store.save_response(&random_response(&mut rng, &["A", "B"], 60)).unwrap();
    }
    store.bundle_bytes().unwrap()
}

fn reseal(bundle: &mut [u8]) {
    let mut h = Sha256::new();
    h.update(&bundle[..44]);
    h.update(&bundle[HEADER_LEN..]);
    let sum = h.finalize();
    bundle[44..76].copy_from_slice(&sum);
}

/// Imports `bytes` into a store holding 2 responses and checks the store did not change.
fn rejected(bytes: &[u8]) -> StoreError {
    let (_dir, _path, mut store) = temp_store();
    for i in 0..2 {
        store.save_response(&new_response("mine", job_fair(i, None, None), t0())).unwrap();
    }
    let audit_before = store.audit_entries(100).unwrap();
    let e = store.import_bundle_bytes(Path::new("x.bundle"), bytes, &mut |_, _| {}).unwrap_err();
    assert_one_line(&e);
    assert_eq!(store.response_count().unwrap(), 2, "{e}: something was imported");
    assert_eq!(store.audit_entries(100).unwrap(), audit_before);
    assert!(store.foreign_keys_enabled().unwrap(), "a failed import left foreign keys off");
    assert!(store.aggregates_consistent().unwrap());
    let report = store.report(&ReportFilter::all(CatalogueId::JobFair)).unwrap();
    assert_eq!(report.by_event.len(), 1);
    e
}

#[test]
fn tampered_bundle_is_rejected_whole() {
    let good = bundle_with(40);
    // Every single-byte flip in the body or header is caught by the checksum.
    for at in [HEADER_LEN, HEADER_LEN + 17, good.len() / 2, good.len() - 1, 10, 12, 30, 50] {
        let mut bad = good.clone();
        bad[at] ^= 0x20;
        let e = rejected(&bad);
        assert!(matches!(e, StoreError::Bundle(BundleError::Tampered(_))), "byte {at}: {e}");
        assert!(e.to_string().contains("tampered"), "{e}");
    }
    // A flipped body length reads as a different size: truncated or tampered, never imported.
    let mut bad = good.clone();
    bad[36] ^= 0x01;
    let e = rejected(&bad);
    assert!(matches!(e, StoreError::Bundle(BundleError::Tampered(_) | BundleError::Truncated { .. })), "{e}");
    let mut longer = good.clone();
    longer.extend_from_slice(b"extra");
    assert!(matches!(rejected(&longer), StoreError::Bundle(BundleError::Tampered(_))));
}

#[test]
fn truncated_bundle_is_rejected_whole() {
    let good = bundle_with(40);
    for len in [0, 10, HEADER_LEN - 1, HEADER_LEN, good.len() / 2, good.len() - 1] {
        let e = rejected(&good[..len]);
        assert!(matches!(e, StoreError::Bundle(BundleError::Truncated { .. })), "len {len}: {e}");
        assert!(e.to_string().contains("truncated"), "{e}");
    }
}

#[test]
fn future_version_and_foreign_files_are_rejected() {
    let mut future = bundle_with(5);
    future[8] = 2;
    reseal(&mut future);
    let e = rejected(&future);
    assert!(matches!(e, StoreError::Bundle(BundleError::FutureVersion { found: 2, .. })), "{e}");
    assert!(e.to_string().contains("newer"), "{e}");
    let e =
        rejected(b"id,answer\n1,9\n................................................................................");
    assert!(matches!(e, StoreError::Bundle(BundleError::NotABundle(_))), "{e}");
}

#[test]
fn resealed_bundle_with_an_invalid_record_rolls_back_every_record() {
    // Record 1 answers only "recommend"; record 2 also "treatment". Renaming "treatment" in
    // the name table makes record 2 invalid after record 1 was already inserted.
    let (_dir, _path, mut store) = temp_store();
    store.save_response(&new_response("e", job_fair(9, None, None), t0())).unwrap();
    store.save_response(&new_response("e", job_fair(9, Some(7), None), t0())).unwrap();
    let mut bundle = store.bundle_bytes().unwrap();
    let at = bundle.windows(9).position(|w| w == b"treatment").unwrap();
    bundle[at + 8] = b'X';
    reseal(&mut bundle);
    let e = rejected(&bundle);
    assert!(matches!(e, StoreError::Bundle(BundleError::Invalid { .. })), "{e}");
    assert!(e.to_string().contains("record 2"), "{e}");

    // A count that promises more records than there are.
    let mut bundle = store.bundle_bytes().unwrap();
    bundle[28] = 3;
    reseal(&mut bundle);
    assert!(matches!(rejected(&bundle), StoreError::Bundle(BundleError::Invalid { .. })));
    // Fewer: the remaining bytes are refused.
    bundle[28] = 1;
    reseal(&mut bundle);
    assert!(matches!(rejected(&bundle), StoreError::Bundle(BundleError::Invalid { .. })));
}

#[test]
fn random_bundles_never_panic_and_never_import() {
    let good = bundle_with(10);
    let mut rng = Rng(99);
    for _ in 0..200 {
        let mut bad = good.clone();
        for _ in 0..1 + rng.below(4) {
            let at = rng.below(bad.len() as u64) as usize;
            bad[at] = rng.next() as u8;
        }
        if bad != good {
            reseal(&mut bad); // exercise the decoder, not just the checksum
            let (_dir, _path, mut store) = temp_store();
            if store.import_bundle_bytes(Path::new("fuzz"), &bad, &mut |_, _| {}).is_err() {
                assert_eq!(store.response_count().unwrap(), 0);
            }
            assert!(store.aggregates_consistent().unwrap());
        }
    }
}

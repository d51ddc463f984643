//! The `rekry-kiosk` command line, run as a person or a script would.

use std::io::Write;
use std::path::Path;
use std::process::{Command, Output, Stdio};

fn kiosk(data: &Path, args: &[&str], stdin: Option<&str>) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_rekry-kiosk"))
        .arg("--data-dir")
        .arg(data)
        .args(args)
        .env_remove("REKRY_CONFIG")
        .env_remove("REKRY_DATA_DIR")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut input = child.stdin.take().unwrap();
    if let Some(text) = stdin {
        // The command may exit before reading its input (an early error): that is fine.
        let _ = input.write_all(text.as_bytes());
    }
    drop(input);
    child.wait_with_output().unwrap()
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// A failed command: non-zero exit, exactly one line on stderr containing `needle`.
fn fails_with(o: &Output, needle: &str) {
    assert!(!o.status.success(), "succeeded: {}", stdout(o));
    let err = stderr(o);
    assert_eq!(err.lines().count(), 1, "{err:?}");
    assert!(err.contains(needle), "{err:?} lacks {needle:?}");
}

fn json(o: &Output) -> serde_json::Value {
    assert!(o.status.success(), "{}", stderr(o));
    serde_json::from_slice(&o.stdout).unwrap_or_else(|e| panic!("{e}: {}", stdout(o)))
}

fn with_responses(n: u32) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let o = kiosk(dir.path(), &["crash-writer", "--count", &n.to_string()], None);
    assert!(o.status.success(), "{}", stderr(&o));
    assert_eq!(stdout(&o).lines().count(), n as usize);
    dir
}

#[test]
fn help_lists_the_commands_and_hides_the_test_helper() {
    let dir = tempfile::tempdir().unwrap();
    let o = kiosk(dir.path(), &["--help"], None);
    let text = stdout(&o);
    for cmd in ["report", "export", "import", "set-pin", "purge", "audit", "--data-dir", "--config"] {
        assert!(text.contains(cmd), "{cmd} missing from --help:\n{text}");
    }
    assert!(!text.contains("crash-writer"));
    let o = kiosk(dir.path(), &["report", "--help"], None);
    assert!(stdout(&o).contains("--include-flagged") && stdout(&o).contains("--tertial"));
}

#[test]
fn report_json_and_text() {
    let dir = with_responses(30);
    // The writer flags every 7th response (i = 0, 7, 14, 21, 28): excluded by default.
    let r = json(&kiosk(dir.path(), &["report", "--json"], None));
    assert_eq!(r["responses"], 25);
    assert_eq!(r["flagged"]["responses"], 5);
    assert_eq!(r["flagged"]["included"], false);
    assert_eq!(r["indicators"][0]["indicator"], "nps");
    let r = json(&kiosk(dir.path(), &["report", "--json", "--include-flagged"], None));
    assert_eq!(r["responses"], 30);
    let o = kiosk(dir.path(), &["report"], None);
    assert!(o.status.success(), "{}", stderr(&o));
    let text = stdout(&o);
    for needle in ["Net Promoter Score", "95% CI", "target ≥ 70", "Per event", "Per kiosk", "Per tertial", "flagged: 5"]
    {
        assert!(text.contains(needle), "{needle:?} missing:\n{text}");
    }
    // A filter that leaves fewer than 5 responses suppresses the figures.
    let r = json(&kiosk(dir.path(), &["report", "--json", "--event", "nope"], None));
    assert_eq!(r["responses"], 0);
    let o = kiosk(dir.path(), &["report", "--tertial", "2026 T9"], None);
    assert!(!o.status.success() && stderr(&o).contains("tertial"));
}

#[test]
fn export_import_through_the_cli() {
    let a = with_responses(12);
    let b = tempfile::tempdir().unwrap();
    let bundle = a.path().join("a.bundle");
    let o = kiosk(a.path(), &["export", "--format", "bundle", "--out", bundle.to_str().unwrap()], None);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(stdout(&o).contains("exported 12 records"));
    let r = json(&kiosk(b.path(), &["import", "--json", bundle.to_str().unwrap(), bundle.to_str().unwrap()], None));
    assert_eq!(r[0]["responses"], 12);
    assert_eq!(r[1]["responses"], 0);
    assert_eq!(r[1]["duplicates"], 12);
    let ra = json(&kiosk(a.path(), &["report", "--json", "--include-flagged"], None));
    let rb = json(&kiosk(b.path(), &["report", "--json", "--include-flagged"], None));
    assert_eq!(ra, rb);
    for format in ["csv", "json"] {
        let out = a.path().join(format!("out.{format}"));
        let o = kiosk(a.path(), &["export", "--format", format, "--out", out.to_str().unwrap()], None);
        assert!(o.status.success() && out.exists(), "{}", stderr(&o));
    }
    // A tampered bundle: one line, non-zero, nothing imported.
    let mut bytes = std::fs::read(&bundle).unwrap();
    let last = bytes.len() - 1;
    bytes[last] ^= 1;
    std::fs::write(&bundle, &bytes).unwrap();
    let c = tempfile::tempdir().unwrap();
    fails_with(&kiosk(c.path(), &["import", bundle.to_str().unwrap()], None), "tampered");
    let o = kiosk(c.path(), &["report", "--json"], None);
    assert_eq!(json(&o)["responses"], 0);
}

#[test]
fn set_pin_from_stdin_enforces_the_rules() {
    let dir = tempfile::tempdir().unwrap();
    fails_with(&kiosk(dir.path(), &["set-pin"], Some("12345\n")), "6–12 digits");
    fails_with(&kiosk(dir.path(), &["set-pin"], Some("123456\n")), "too easy");
    fails_with(&kiosk(dir.path(), &["set-pin"], Some("")), "digits");
    let o = kiosk(dir.path(), &["set-pin"], Some("480713\n"));
    assert!(o.status.success(), "{}", stderr(&o));
    let entries = json(&kiosk(dir.path(), &["audit", "list", "--json"], None));
    assert_eq!(entries[0]["kind"], "pin-set");
    assert!(!stdout(&kiosk(dir.path(), &["audit", "list"], None)).contains("480713"));
}

#[test]
fn audit_verify_reports_the_first_broken_link() {
    let dir = tempfile::tempdir().unwrap();
    for pin in ["480713", "591824", "602935"] {
        assert!(kiosk(dir.path(), &["set-pin"], Some(pin)).status.success());
    }
    let o = kiosk(dir.path(), &["audit", "verify"], None);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(stdout(&o).contains("intact: 3 entries"), "{}", stdout(&o));
    let db = dir.path().join("rekry-kiosk.sqlite3");
    let c = rusqlite::Connection::open(&db).unwrap();
    c.execute_batch("DROP TRIGGER audit_no_update; UPDATE audit SET kind = 'pin-set' WHERE seq = 2;").unwrap();
    drop(c);
    let o = kiosk(dir.path(), &["audit", "verify"], None);
    assert_eq!(o.status.code(), Some(3));
    assert!(stderr(&o).contains("broken at entry 2"), "{}", stderr(&o));
    let r = kiosk(dir.path(), &["audit", "verify", "--json"], None);
    assert_eq!(r.status.code(), Some(3));
    let v: serde_json::Value = serde_json::from_slice(&r.stdout).unwrap();
    assert_eq!(v["first_break"]["seq"], 2);
}

#[test]
fn purge_runs_and_is_logged() {
    let dir = with_responses(3);
    let r = json(&kiosk(dir.path(), &["purge", "--json"], None));
    assert_eq!(r["checks_deleted"], 0);
    let entries = json(&kiosk(dir.path(), &["audit", "list", "--json"], None));
    assert_eq!(entries.as_array().unwrap().last().unwrap()["kind"], "purge");
    let o = kiosk(dir.path(), &["audit", "verify"], None);
    assert!(o.status.success());
}

#[test]
fn corrupt_database_is_one_line_non_zero_and_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("rekry-kiosk.sqlite3");
    let garbage: Vec<u8> = (0..4096u32).map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8).collect();
    std::fs::write(&db, &garbage).unwrap();
    for args in [&["report"][..], &["import", "x"], &["set-pin"], &["purge"], &["audit", "verify"]] {
        fails_with(&kiosk(dir.path(), args, Some("480713\n")), "corrupt");
        assert_eq!(std::fs::read(&db).unwrap(), garbage, "{args:?} touched the file");
    }
}

#[test]
fn missing_database_and_bad_config_are_clear() {
    let dir = tempfile::tempdir().unwrap();
    fails_with(&kiosk(dir.path(), &["report"], None), "no database");
    std::fs::write(dir.path().join("config.toml"), "event = \"x\"\n[inactivity]\nreset_secs = \"soon\"\n").unwrap();
    fails_with(&kiosk(dir.path(), &["report"], None), "config.toml:3:");
}

#[test]
fn report_png_draws_cores_gauge_and_histogram() {
    let dir = with_responses(40);
    let png_path = dir.path().join("nps.png");
    let o = kiosk(dir.path(), &["report", "--png", png_path.to_str().unwrap()], None);
    assert!(o.status.success(), "{}", stderr(&o));
    let decoder = png::Decoder::new(std::io::BufReader::new(std::fs::File::open(&png_path).unwrap()));
    let mut reader = decoder.read_info().unwrap();
    let mut buf = vec![0; reader.output_buffer_size().unwrap()];
    let info = reader.next_frame(&mut buf).unwrap();
    assert_eq!((info.width, info.height), (800, 600));
    // Not a blank canvas: the gauge and bars put colour on it.
    let coloured = buf.chunks(3).filter(|p| !(p[0] == p[1] && p[1] == p[2])).count();
    assert!(coloured > 5_000, "{coloured} coloured pixels");
    // Too few answers: refused, nothing written.
    let small = with_responses(3);
    let none = small.path().join("none.png");
    fails_with(&kiosk(small.path(), &["report", "--png", none.to_str().unwrap()], None), "suppressed");
    assert!(!none.exists());
}

#[cfg(unix)]
#[test]
fn a_new_data_directory_is_private() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("kiosk-data");
    assert!(kiosk(&data, &["set-pin"], Some("480713\n")).status.success());
    let mode = std::fs::metadata(&data).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode, 0o700);
}

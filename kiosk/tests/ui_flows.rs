//! Interaction tests: Slint's testing backend drives the whole candidate flow and the whole
//! staff flow by accessible labels, into a real SQLite file, and checks what was stored and
//! what was not.

use std::cell::Cell;
use std::path::{Path, PathBuf};
use std::rc::Rc;
use std::time::{Duration, Instant};

use i_slint_backend_testing::ElementHandle;
use rekry_core::Lang;
use rekry_core::idcheck::checklist::{ItemKind, Outcome, Role};
use rekry_core::idcheck::documents::{CitizenshipGroup, DocumentKind};
use rekry_core::survey::{CatalogueId, JOB_FAIR};
use rekry_kiosk::app::ui::{IdStep, Page};
use rekry_kiosk::app::{App, AppWindow};
use rekry_kiosk::config::{Config, PartialPolicy};
use rekry_kiosk::storage::{ReportFilter, Store};
use slint::{ComponentHandle, Model};

const PIN: &str = "246810";
const SWE_ID: [&str; 3] =
    ["I<SWEAB12345671198112189876<<<", "8112185M3101012SWE<<<<<<<<<<<7", "SVENSSON<<ANDERS<ERIK<<<<<<<<<"];

struct Kiosk {
    app: App,
    clock: Rc<Cell<Instant>>,
    db: PathBuf,
    config_path: PathBuf,
    _dir: tempfile::TempDir,
}

impl Kiosk {
    fn new(config: Config, pin: Option<&str>) -> Kiosk {
        i_slint_backend_testing::init_no_event_loop();
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("kiosk.db");
        let config_path = dir.path().join("config.toml");
        let mut store = Store::open(&db).unwrap();
        if let Some(pin) = pin {
            store.set_pin(pin).unwrap();
        }
        let clock = Rc::new(Cell::new(Instant::now()));
        let c = clock.clone();
        let window = AppWindow::new().unwrap();
        let app = App::new(window, store, config, Some(config_path.clone()), Rc::new(move || c.get()));
        app.window().show().unwrap();
        // Tall enough that no checklist needs scrolling: the testing backend finds only
        // elements in view (the screenshot tests cover the 1280×800 layout).
        app.window().window().set_size(slint::PhysicalSize::new(1280, 1600));
        Kiosk { app, clock, db, config_path, _dir: dir }
    }

    fn wait(&self, secs: f64) {
        self.clock.set(self.clock.get() + Duration::from_secs_f64(secs));
        self.app.tick();
    }

    fn find(&self, label: &str) -> ElementHandle {
        let mut found: Vec<_> = ElementHandle::find_by_accessible_label(self.app.window(), label).collect();
        assert!(!found.is_empty(), "no element labelled {label:?} on {:?}", self.page());
        found.remove(0)
    }

    fn has(&self, label: &str) -> bool {
        ElementHandle::find_by_accessible_label(self.app.window(), label).next().is_some()
    }

    fn tap(&self, label: &str) {
        self.find(label).invoke_accessible_default_action();
    }

    fn page(&self) -> Page {
        self.app.window().global::<rekry_kiosk::app::ui::Kiosk<'_>>().get_page()
    }

    fn store(&self) -> Store {
        Store::open(&self.db).unwrap()
    }
}

fn english() -> Config {
    Config { languages: vec![Lang::En, Lang::Sv], ..Config::default() }
}

fn raw_bytes(db: &Path) -> Vec<u8> {
    let mut bytes = Vec::new();
    for suffix in ["", "-wal", "-journal", "-shm"] {
        let mut p = db.as_os_str().to_owned();
        p.push(suffix);
        if let Ok(b) = std::fs::read(PathBuf::from(p)) {
            bytes.extend(b);
        }
    }
    bytes
}

fn contains(haystack: &[u8], needle: &str) -> bool {
    haystack.windows(needle.len()).any(|w| w == needle.as_bytes())
}

#[test]
fn candidate_flow_end_to_end() {
    let k = Kiosk::new(Config::default(), Some(PIN));
    assert_eq!(k.page(), Page::Start);
    let kiosk = k.app.window().global::<rekry_kiosk::app::ui::Kiosk<'_>>();
    // Swedish first, both languages offered by their own names.
    assert_eq!(kiosk.get_survey_title(), JOB_FAIR.title.sv);
    assert!(k.has("Svenska") && k.has("English"));
    assert!(k.has("Tryck för att börja") || k.has("Starta"), "Swedish chrome from the bundled translation");

    k.tap("English");
    assert_eq!(k.app.language(), Lang::En);
    assert_eq!(kiosk.get_survey_title(), JOB_FAIR.title.en);
    k.tap("Larger text");
    assert!(k.app.window().global::<rekry_kiosk::app::ui::Theme<'_>>().get_large_text());

    k.tap("Start");
    assert_eq!(k.page(), Page::Question);
    let survey = k.app.window().global::<rekry_kiosk::app::ui::Survey<'_>>();
    assert_eq!(survey.get_question(), JOB_FAIR.questions[0].text.en);
    assert_eq!(survey.get_kind(), "nps");
    assert_eq!(survey.get_low_label(), "Not at all likely");
    // Eleven buttons 0..10, each at least 44×44.
    for n in 0..=10 {
        let b = k.find(&n.to_string());
        let size = b.size();
        assert!(size.width >= 44.0 && size.height >= 44.0, "button {n} is {size:?}");
    }
    k.wait(3.0);
    k.tap("9");
    assert_eq!(survey.get_kind(), "rating");
    assert_eq!(survey.get_number(), 2);
    assert!(!k.has("0"), "a rating starts at 1");
    k.wait(2.5);
    k.tap("8");
    k.wait(2.5);
    k.tap("Yes");
    k.wait(2.5);
    k.tap("No");
    assert_eq!(k.page(), Page::Thanks, "thank-you only after the store committed");

    let store = k.store();
    assert_eq!(store.response_count().unwrap(), 1);
    let report =
        store.report(&ReportFilter { include_flagged: true, ..ReportFilter::all(CatalogueId::JobFair) }).unwrap();
    assert_eq!(report.responses, 1);
    assert!(report.suppressed, "a single answer is a suppressed cell in reports");
    assert_eq!(report.partial, 0);
    assert_eq!(report.flagged.responses, 0);

    // Back to the start screen, in the first language, normal text.
    k.wait(5.5);
    assert_eq!(k.page(), Page::Start);
    assert_eq!(k.app.language(), Lang::Sv);
    assert!(!k.app.window().global::<rekry_kiosk::app::ui::Theme<'_>>().get_large_text());
}

#[test]
fn inactivity_warns_then_resets_keeping_partial() {
    let k = Kiosk::new(english(), None);
    let kiosk = k.app.window().global::<rekry_kiosk::app::ui::Kiosk<'_>>();
    k.tap("Start");
    k.wait(3.0);
    k.tap("10");
    k.wait(19.0);
    assert!(!kiosk.get_warning_visible());
    k.wait(2.0);
    assert!(kiosk.get_warning_visible(), "warning after 20 s");
    assert_eq!(kiosk.get_warning_seconds_left(), 9);
    assert!(k.has("Seconds left"));
    k.tap("I'm still here");
    assert!(!kiosk.get_warning_visible());
    assert_eq!(k.page(), Page::Question);
    k.wait(25.0);
    assert!(kiosk.get_warning_visible());
    k.wait(6.0);
    assert_eq!(k.page(), Page::Start, "reset after 30 s");
    let store = k.store();
    assert_eq!(store.response_count().unwrap(), 1);
    let report =
        store.report(&ReportFilter { include_flagged: true, ..ReportFilter::all(CatalogueId::JobFair) }).unwrap();
    assert_eq!(report.partial, 1, "kept as partial");
    assert_eq!(report.responses, 0);
}

#[test]
fn inactivity_discards_partial_when_configured() {
    let k = Kiosk::new(Config { partial_answers: PartialPolicy::Discard, ..english() }, None);
    k.tap("Start");
    k.wait(3.0);
    k.tap("3");
    k.wait(31.0);
    assert_eq!(k.page(), Page::Start);
    assert_eq!(k.store().response_count().unwrap(), 0);
}

#[test]
fn repeated_and_too_fast_presses_are_flagged_and_stored() {
    let k = Kiosk::new(english(), None);
    k.tap("Start");
    k.wait(0.1);
    k.tap("10");
    k.wait(0.1);
    k.tap("10");
    k.wait(0.1);
    k.tap("Yes");
    k.wait(0.1);
    k.tap("Yes");
    assert_eq!(k.page(), Page::Thanks);
    let store = k.store();
    let flagged_out = store.report(&ReportFilter::all(CatalogueId::JobFair)).unwrap();
    assert_eq!(flagged_out.responses, 0, "flagged responses are excluded by default");
    assert_eq!(flagged_out.flagged.responses, 1);
    assert!(flagged_out.flagged.repeated_presses >= 1);
    assert_eq!(flagged_out.flagged.too_fast, 1);
    let all = store.report(&ReportFilter { include_flagged: true, ..ReportFilter::all(CatalogueId::JobFair) }).unwrap();
    assert_eq!(all.responses, 1, "and never dropped");
}

#[test]
fn staff_mode_stays_closed_without_a_pin() {
    let k = Kiosk::new(english(), None);
    k.tap("Staff mode");
    assert_eq!(k.page(), Page::Pin);
    let staff = k.app.window().global::<rekry_kiosk::app::ui::Staff<'_>>();
    assert!(!staff.get_pin_set());
    assert!(!k.has("Unlock"), "no PIN pad");
    k.tap("Back to the survey");
    assert_eq!(k.page(), Page::Start);
}

#[test]
fn staff_flow_pin_lockout_id_check_dashboard_settings_autolock() {
    let k = Kiosk::new(english(), Some(PIN));
    let staff = k.app.window().global::<rekry_kiosk::app::ui::Staff<'_>>();

    // Five wrong PINs lock the pad.
    k.tap("Staff mode");
    assert_eq!(k.page(), Page::Pin);
    for _ in 0..5 {
        for d in "111111".chars() {
            k.tap(&d.to_string());
        }
        k.tap("Unlock");
    }
    assert_eq!(k.page(), Page::Pin);
    assert!(staff.get_locked_seconds_left() > 0);
    for d in PIN.chars() {
        k.tap(&d.to_string());
    }
    assert_eq!(staff.get_digits_entered(), 0, "digits are refused while locked");
    k.wait(31.0);
    assert_eq!(staff.get_locked_seconds_left(), 0);
    for d in PIN.chars() {
        k.tap(&d.to_string());
    }
    k.tap("Unlock");
    assert_eq!(k.page(), Page::StaffHome);
    {
        let audit = k.store().audit_entries(100).unwrap();
        let kinds: Vec<&str> = audit.iter().map(|e| e.kind.as_str()).collect();
        assert_eq!(kinds.iter().filter(|k| **k == "pin-failure").count(), 5, "{kinds:?}");
        assert!(kinds.contains(&"pin-lockout") && kinds.contains(&"staff-unlock"), "{kinds:?}");
    }

    // ID verification with a typed Swedish ID card MRZ.
    k.tap("Verify ID");
    assert_eq!(k.page(), Page::Idcheck);
    let id = k.app.window().global::<rekry_kiosk::app::ui::IdCheck<'_>>();
    assert_eq!(id.get_step(), IdStep::Role);
    k.tap(Role::Administrator.name().en);
    k.tap(CitizenshipGroup::Swedish.label().en);
    assert_eq!(id.get_step(), IdStep::Document);
    for (i, line) in SWE_ID.iter().enumerate() {
        if i > 0 {
            k.tap("New line");
        }
        for c in line.chars() {
            k.tap(&c.to_string());
        }
    }
    assert_eq!(id.get_entry_text(), SWE_ID.join("\n"));
    k.tap("Use this");
    assert_eq!(id.get_step(), IdStep::Checklist, "{}", id.get_entry_feedback());
    assert_eq!(id.get_entry_text(), "", "the typed MRZ is wiped once used");
    assert_eq!(id.get_document_name(), DocumentKind::SwedishNationalIdCard.name().en);
    let references = ItemKind::References.name().en;
    if k.has(&format!("{references}: Passed")) {
        k.tap(&format!("{references}: Passed"));
    }
    k.tap("Show the outcome");
    assert_eq!(id.get_step(), IdStep::Outcome);
    let outcome = id.get_outcome();
    k.tap("Save and clear");
    assert_eq!(id.get_step(), IdStep::Saved);
    assert_eq!(id.get_items().row_count(), 0, "the screen is cleared");
    assert_eq!(id.get_role_name(), "");

    let store = k.store();
    let checks = store.checks().unwrap();
    assert_eq!(checks.len(), 1);
    let record = &checks[0].1;
    assert_eq!(record.role, Role::Administrator);
    assert_eq!(record.document, Some(DocumentKind::SwedishNationalIdCard));
    assert_eq!(record.outcome.text().en, outcome.as_str());
    assert_ne!(record.outcome, Outcome::Rejected);
    drop(store);
    let raw = raw_bytes(&k.db);
    for secret in ["AB1234567", "SVENSSON", "ANDERS", "8112189876", "811218-9876", "198112189876", "I<SWE", SWE_ID[1]] {
        assert!(!contains(&raw, secret), "{secret} found in the database file");
    }

    // Dashboard.
    k.tap("Staff home");
    k.tap("Results");
    assert_eq!(k.page(), Page::Dashboard);
    let dash = k.app.window().global::<rekry_kiosk::app::ui::Dashboard<'_>>();
    assert_eq!(dash.get_nps(), "–", "no answers yet, not a fake 0");
    k.tap("This event");
    assert_eq!(dash.get_period(), "event");

    // Settings.
    k.tap("Staff home");
    k.tap("Settings");
    assert_eq!(k.page(), Page::Settings);
    let settings = k.app.window().global::<rekry_kiosk::app::ui::Settings<'_>>();
    settings.set_event_name("Vårmässan".into());
    k.tap("Inactivity warning after +5");
    k.tap("Save settings");
    let saved = std::fs::read_to_string(&k.config_path).unwrap();
    assert!(saved.contains("Vårmässan"), "{saved}");
    let config = Config::load(&k.config_path).unwrap();
    assert_eq!(config.inactivity.warning_secs, 25);
    assert_eq!(k.app.window().global::<rekry_kiosk::app::ui::Kiosk<'_>>().get_event_name(), "Vårmässan");

    // Auto-lock after 60 s idle.
    k.wait(61.0);
    assert_eq!(k.page(), Page::Start);
    let kinds: Vec<String> = k.store().audit_entries(100).unwrap().into_iter().map(|e| e.kind).collect();
    assert!(kinds.iter().any(|k| k == "staff-lock"), "{kinds:?}");
    assert!(kinds.iter().any(|k| k == "settings-changed"), "{kinds:?}");
}

/// `YYYYMMDD`, as staff type it on the keypad.
fn digits(date: rekry_core::Date) -> String {
    format!("{:04}{:02}{:02}", date.year(), date.month(), date.day())
}

/// A Finnish TD3 passport, built with the ICAO check digits; it expires in four years.
fn finnish_passport(today: rekry_core::Date) -> [String; 2] {
    use rekry_core::idcheck::mrz::check_digit;
    let cd = |s: &str| char::from(b'0' + check_digit(s.as_bytes()).unwrap());
    let line1 = format!("{:<<44}", "P<FINVIRTANEN<<AINO");
    let (number, dob, optional) = ("XP1234567", "900101", "<<<<<<<<<<<<<<");
    let expiry = format!("{:02}0101", (today.year() + 4) % 100);
    let expiry = expiry.as_str();
    let part = format!("{number}{}FIN{dob}{}F{expiry}{}{optional}{}", cd(number), cd(dob), cd(expiry), cd(optional));
    let composite = format!("{number}{}{dob}{}{expiry}{}{optional}{}", cd(number), cd(dob), cd(expiry), cd(optional));
    [line1, format!("{part}{}", cd(&composite))]
}

impl Kiosk {
    fn unlock_and_open_idcheck(&self) {
        self.tap("Staff mode");
        for d in PIN.chars() {
            self.tap(&d.to_string());
        }
        self.tap("Unlock");
        assert_eq!(self.page(), Page::StaffHome);
        self.tap("Verify ID");
        assert_eq!(self.page(), Page::Idcheck);
    }

    fn type_keys(&self, text: &str) {
        for c in text.chars() {
            self.tap(&c.to_string());
        }
    }

    fn item(&self, kind: ItemKind) -> rekry_kiosk::app::ui::CheckItem {
        let id = self.app.window().global::<rekry_kiosk::app::ui::IdCheck<'_>>();
        id.get_items().iter().find(|i| i.kind == kind.id()).unwrap_or_else(|| panic!("no {kind:?} item"))
    }
}

#[test]
fn id_check_of_an_eu_passport_with_extract_and_licence_stores_only_the_record() {
    use rekry_core::idcheck::checklist::{ExtractKind, ItemState, Reason};
    let k = Kiosk::new(english(), Some(PIN));
    let today = rekry_kiosk::storage::today();
    k.unlock_and_open_idcheck();
    let id = k.app.window().global::<rekry_kiosk::app::ui::IdCheck<'_>>();
    k.tap(Role::Teacher.name().en);
    k.tap(CitizenshipGroup::EuEeaSwiss.label().en);

    // The MRZ of an EU passport: approved by its printed issue date, which the MRZ lacks.
    let mrz = finnish_passport(today);
    k.type_keys(&mrz[0]);
    k.tap("New line");
    k.type_keys(&mrz[1]);
    k.tap("Use this");
    assert_eq!(id.get_step(), IdStep::Document, "{}", id.get_entry_feedback());
    assert!(id.get_entry_prompt().contains("issue date"), "{}", id.get_entry_prompt());
    assert_eq!(id.get_entry_text(), "", "the MRZ is out of sight while the date is typed");
    k.type_keys("20050101");
    k.tap("Use this");
    assert_eq!(id.get_step(), IdStep::Checklist);
    assert_eq!(k.item(ItemKind::Identity).reason, Reason::IssuedBeforeCutoff.text().en, "before 1 Sep 2006");
    // Back to the document: the same passport with its real issue date.
    k.tap(&format!("{}: Change document", ItemKind::Identity.name().en));
    assert_eq!(id.get_step(), IdStep::Document);
    k.type_keys(&mrz[0]);
    k.tap("New line");
    k.type_keys(&mrz[1]);
    k.tap("Use this");
    k.type_keys(&digits(today.add_months(-12)));
    k.tap("Use this");
    assert_eq!(id.get_step(), IdStep::Checklist);
    assert_eq!(k.item(ItemKind::Identity).state, ItemState::Passed.id());
    assert_eq!(id.get_document_name(), DocumentKind::EuEeaSwissPassport.name().en);

    // The extract: kind, then its date on the sheet's keypad; an old one fails, a recent passes.
    let extract = ItemKind::CriminalRecord.name().en;
    k.tap(&format!("{extract}: Record extract"));
    assert_eq!(id.get_sheet(), "choices");
    assert_eq!(
        id.get_sheet_choices().row_data(0).unwrap().label,
        ExtractKind::School.info().name.en,
        "the role's kind first"
    );
    k.tap(ExtractKind::School.info().name.en);
    assert_eq!(id.get_sheet(), "date");
    k.type_keys("202613");
    k.tap("Use this date");
    assert!(id.get_sheet_feedback().contains("YYYYMMDD"), "{}", id.get_sheet_feedback());
    for _ in 0..6 {
        k.tap("Erase");
    }
    assert_eq!(id.get_sheet_text(), "");
    k.type_keys(&digits(today.add_months(-13)));
    k.tap("Use this date");
    assert_eq!(id.get_sheet(), "");
    assert_eq!(k.item(ItemKind::CriminalRecord).reason, Reason::ExtractTooOld.text().en);
    k.tap(&format!("{extract}: Record extract"));
    k.tap(ExtractKind::School.info().name.en);
    let shown = today.add_months(-2);
    k.type_keys(&digits(shown));
    k.tap("Use this date");
    assert_eq!(k.item(ItemKind::CriminalRecord).reason, Reason::ExtractValid.text().en);

    // The licence: a register look-up.
    k.tap(&format!("{}: Found in register", ItemKind::Licence.name().en));
    assert_eq!(k.item(ItemKind::Licence).reason, Reason::InRegister.text().en);
    // Identity cannot be waived; free movement means no right-to-work check.
    assert!(!k.item(ItemKind::Identity).can_waive);
    assert!(!k.item(ItemKind::RightToWork).can_act);
    k.tap(&format!("{}: Passed", ItemKind::References.name().en));
    k.tap("Show the outcome");
    assert_eq!(id.get_outcome_kind(), "verified", "{:?}", id.get_items().iter().collect::<Vec<_>>());
    k.tap("Save and clear");
    assert_eq!(id.get_step(), IdStep::Saved);

    let checks = k.store().checks().unwrap();
    assert_eq!(checks.len(), 1);
    let record = &checks[0].1;
    assert_eq!(record.role, Role::Teacher);
    assert_eq!(record.document, Some(DocumentKind::EuEeaSwissPassport));
    assert_eq!(record.outcome, Outcome::Verified);
    let sighting = record.extract.expect("extract type and dates are recorded");
    assert_eq!((sighting.kind, sighting.issued_on, sighting.shown_on), (ExtractKind::School, shown, today));
    let licence = record.items.iter().find(|i| i.kind == ItemKind::Licence).unwrap();
    assert_eq!(licence.reason, Reason::InRegister);
    let raw = raw_bytes(&k.db);
    for secret in ["VIRTANEN", "AINO", "XP1234567", "P<FIN", mrz[1].as_str()] {
        assert!(!contains(&raw, secret), "{secret} found in the database file");
    }
}

#[test]
fn id_check_outside_the_eu_records_the_right_to_work_and_reasons_for_failures() {
    use rekry_core::idcheck::checklist::{ExtractKind, ItemState, Reason};
    let k = Kiosk::new(english(), Some(PIN));
    let today = rekry_kiosk::storage::today();
    k.unlock_and_open_idcheck();
    let id = k.app.window().global::<rekry_kiosk::app::ui::IdCheck<'_>>();
    k.tap(Role::Teacher.name().en);
    k.tap(CitizenshipGroup::Other.label().en);
    // Skatteverket's ID card chosen by hand, with its expiry date.
    k.tap(DocumentKind::SkatteverketIdCard.name().en);
    k.type_keys(&digits(today.add_months(30)));
    k.tap("Use this");
    assert_eq!(id.get_step(), IdStep::Checklist, "{}", id.get_entry_feedback());
    assert_eq!(k.item(ItemKind::Identity).state, ItemState::Passed.id());

    // Right to work: document, expiry, permitted, copy filed.
    let work = ItemKind::RightToWork.name().en;
    k.tap(&format!("{work}: Record permit"));
    k.tap(DocumentKind::ResidencePermitCard.name().en);
    assert_eq!(id.get_sheet(), "date");
    k.type_keys(&digits(today.add_months(24)));
    k.tap("Use this date");
    k.tap("Yes");
    k.tap("No");
    assert_eq!(id.get_sheet(), "");
    assert_eq!(k.item(ItemKind::RightToWork).reason, Reason::CopyNotFiled.text().en);
    assert_eq!(k.item(ItemKind::RightToWork).state, ItemState::Pending.id());
    k.tap(&format!("{work}: Record permit"));
    k.tap(DocumentKind::ResidencePermitCard.name().en);
    k.type_keys(&digits(today.add_months(24)));
    k.tap("Use this date");
    k.tap("Yes");
    k.tap("Yes");
    assert_eq!(k.item(ItemKind::RightToWork).reason, Reason::RightToWorkShown.text().en);

    // The wrong kind of extract fails; so does a licence not in the register, chosen on the sheet.
    let extract = ItemKind::CriminalRecord.name().en;
    k.tap(&format!("{extract}: Record extract"));
    k.tap(ExtractKind::HvbChildren.info().name.en);
    k.type_keys(&digits(today.add_months(-1)));
    k.tap("Use this date");
    assert_eq!(k.item(ItemKind::CriminalRecord).reason, Reason::ExtractWrongType.text().en);
    k.tap(&format!("{}: Failed", ItemKind::Licence.name().en));
    assert_eq!(id.get_sheet(), "choices");
    k.tap(Reason::NotInRegister.text().en);
    assert_eq!(k.item(ItemKind::Licence).reason, Reason::NotInRegister.text().en);
    // A sheet can be left without changing anything.
    k.tap(&format!("{}: Failed", ItemKind::References.name().en));
    k.tap("Cancel");
    assert_eq!(id.get_sheet(), "");
    assert_eq!(k.item(ItemKind::References).state, ItemState::Pending.id());
    k.tap(&format!("{}: Failed", ItemKind::References.name().en));
    k.tap(Reason::ReferencesNegative.text().en);
    assert_eq!(k.item(ItemKind::References).state, ItemState::Failed.id());

    k.tap("Show the outcome");
    assert_eq!(id.get_outcome_kind(), "rejected");
    let deciding: Vec<String> = id.get_items().iter().filter(|i| i.deciding).map(|i| i.kind.to_string()).collect();
    assert_eq!(deciding, ["criminal-record", "licence", "references"]);
    k.tap("Save and clear");
    let record = k.store().checks().unwrap().remove(0).1;
    assert_eq!(record.outcome, Outcome::Rejected);
    assert_eq!(record.document, Some(DocumentKind::SkatteverketIdCard));
    let work = record.items.iter().find(|i| i.kind == ItemKind::RightToWork).unwrap();
    assert_eq!((work.state, work.reason), (ItemState::Passed, Reason::RightToWorkShown));
    assert_eq!(record.extract.map(|e| e.kind), Some(ExtractKind::HvbChildren));
}

#[test]
fn the_app_purges_old_id_checks_on_schedule() {
    use rekry_core::idcheck::checklist::Checklist;
    let k = Kiosk::new(english(), Some(PIN));
    // The store behind the app is the same file: add checks as a second connection would.
    let today = rekry_kiosk::storage::today();
    let retention = english().retention.id_checks_days as i32;
    let mut store = k.store();
    for days_ago in [retention + 10, 2] {
        let day = today.add_days(-days_ago);
        store.save_check(&Checklist::new(Role::Administrator, CitizenshipGroup::Swedish, day).finish(day)).unwrap();
    }
    drop(store);
    k.wait(0.3); // on the start screen: the first tick purges
    let store = k.store();
    let checks = store.checks().unwrap();
    assert_eq!(checks.len(), 1, "only the check inside the retention period is kept");
    assert_eq!(checks[0].1.checked_on, today.add_days(-2));
    let purges = store.audit_entries(100).unwrap().into_iter().filter(|e| e.kind == "purge").count();
    assert_eq!(purges, 1, "the purge is logged");
    drop(store);
    // Not again until a day has passed.
    k.wait(3600.0);
    assert_eq!(k.store().audit_entries(100).unwrap().iter().filter(|e| e.kind == "purge").count(), 1);
    k.wait(24.0 * 3600.0);
    assert_eq!(k.store().audit_entries(100).unwrap().iter().filter(|e| e.kind == "purge").count(), 2);
}

//! The Slint touchscreen app: candidate feedback, staff PIN, ID verification, dashboard and
//! settings.
//!
//! The UI lives in `kiosk/ui/*.slint` (one page per file); its globals (`Kiosk`, `Survey`,
//! `Staff`, `IdCheck`, `Dashboard`, `Settings`) are the whole interface between Rust and the
//! UI. [`App`] is the controller: it owns the store, the configuration and each flow's state,
//! and is driven by UI callbacks and a periodic [`App::tick`]. Time comes from a [`Clock`], so
//! tests can move it.

pub mod dashboard;
pub mod headless;
pub mod idcheck;
pub mod pin;
pub mod session;

use std::cell::RefCell;
use std::path::PathBuf;
use std::rc::Rc;
use std::time::{Duration, Instant, SystemTime};

use rekry_core::Lang;
use rekry_core::idcheck::checklist::{ItemKind, Outcome, Requirement, Role};
use rekry_core::idcheck::documents::{CitizenshipGroup, DocumentKind};
use rekry_core::survey::{QuestionKind, Value};
use slint::{ComponentHandle, ModelRc, SharedString, VecModel};

use crate::config::{Config, PartialPolicy};
use crate::storage::{AuditEvent, NewResponse, ResponseFlags, Store};

use self::idcheck::{IdCheckFlow, Step};
use self::pin::{Failure, PinGuard, STAFF_IDLE_LOCK};
use self::session::{Idle, Session, idle_state};

/// The generated UI: `AppWindow` and its globals.
#[allow(
    missing_docs,
    missing_debug_implementations,
    unused_qualifications,
    clippy::all,
    clippy::todo,
    clippy::unimplemented
)]
pub mod ui {
    slint::include_modules!();
}

pub use ui::AppWindow;
use ui::{CheckItem, Choice, IdStep, Page};

/// What `rekry-kiosk` with no subcommand passes to the app.
#[derive(Debug, Clone)]
pub struct AppOptions {
    /// The data directory (holds the database).
    pub data_dir: PathBuf,
    /// The database file.
    pub database: PathBuf,
    /// The configuration file (the settings screen saves here).
    pub config_path: PathBuf,
    /// The loaded configuration.
    pub config: Config,
    /// Full screen, for kiosk use.
    pub fullscreen: bool,
}

/// How long the thank-you screen stays before the start screen returns.
pub const THANKS_FOR: Duration = Duration::from_secs(5);
/// How often the app checks timers (inactivity, lockouts, dashboard refresh).
pub const TICK: Duration = Duration::from_millis(250);
/// How often an open dashboard refreshes itself.
pub const DASHBOARD_REFRESH: Duration = Duration::from_secs(2);
/// How often the app runs the retention purge (retention periods are whole days).
pub const PURGE_INTERVAL: Duration = Duration::from_secs(24 * 60 * 60);

/// The source of "now"; tests pass one they can move.
pub type Clock = Rc<dyn Fn() -> Instant>;

/// The message when there is no display at all.
pub const NO_DISPLAY: &str = "no display found: set DISPLAY (X11) or WAYLAND_DISPLAY (Wayland), or build with `--features linuxkms` to draw directly on the screen without a window system; subcommands (see --help) work without a display";

/// Starts the app and runs it until the window closes or the process gets SIGTERM/SIGINT.
pub fn run(options: AppOptions) -> Result<(), Box<dyn std::error::Error>> {
    select_backend()?;
    let store = Store::open(&options.database)?;
    let window = AppWindow::new().map_err(|e| format!("cannot open a window: {e}"))?;
    let app = App::new(window, store, options.config, Some(options.config_path), Rc::new(Instant::now));
    // The layout is designed for 1280×800 and up; full screen takes the whole display.
    app.window().window().set_size(slint::LogicalSize::new(1280.0, 800.0));
    if options.fullscreen {
        app.window().window().set_fullscreen(true);
    }
    let timer = slint::Timer::default();
    let ticker = app.clone();
    timer.start(slint::TimerMode::Repeated, TICK, move || ticker.tick());
    // SIGTERM and SIGINT close the app cleanly (exit status 0).
    let _ = ctrlc::set_handler(|| {
        let _ = slint::invoke_from_event_loop(|| {
            let _ = slint::quit_event_loop();
        });
    });
    app.window().show()?;
    slint::run_event_loop_until_quit()?;
    app.window().hide()?;
    Ok(())
}

fn select_backend() -> Result<(), Box<dyn std::error::Error>> {
    let has = |v: &str| std::env::var_os(v).is_some_and(|s| !s.is_empty());
    if has("SLINT_BACKEND") || has("DISPLAY") || has("WAYLAND_DISPLAY") {
        return Ok(());
    }
    #[cfg(feature = "linuxkms")]
    {
        slint::BackendSelector::new()
            .backend_name("linuxkms".into())
            .select()
            .map_err(|e| format!("linuxkms backend failed: {e}"))?;
        Ok(())
    }
    #[cfg(not(feature = "linuxkms"))]
    Err(NO_DISPLAY.into())
}

fn t(lang: Lang, sv: &'static str, en: &'static str) -> &'static str {
    rekry_core::Text::new(sv, en).get(lang)
}

fn choices(items: impl IntoIterator<Item = (String, String, String)>) -> ModelRc<Choice> {
    let v: Vec<Choice> = items
        .into_iter()
        .map(|(id, label, detail)| Choice { id: id.into(), label: label.into(), detail: detail.into() })
        .collect();
    ModelRc::new(VecModel::from(v))
}

struct StaffState {
    unlocked: bool,
    pin: String,
    guard: PinGuard,
    last_touch: Instant,
    message: String,
    error: bool,
}

struct State {
    store: Store,
    config: Config,
    config_path: Option<PathBuf>,
    clock: Clock,
    lang: Lang,
    session: Option<Session>,
    last_touch: Instant,
    thanks_until: Option<Instant>,
    staff: StaffState,
    idcheck: IdCheckFlow,
    dashboard_period: String,
    dashboard_at: Option<Instant>,
    purged_at: Option<Instant>,
}

/// The controller. Cheap to clone (a shared handle).
pub struct App {
    state: Rc<RefCell<State>>,
    window: AppWindow,
}

impl Clone for App {
    fn clone(&self) -> App {
        App { state: self.state.clone(), window: self.window.clone_strong() }
    }
}

impl std::fmt::Debug for App {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("App").finish_non_exhaustive()
    }
}

impl App {
    /// Wires `window` to the store and configuration. `config_path` is where settings are
    /// saved (`None`: settings apply until the app closes).
    pub fn new(window: AppWindow, store: Store, config: Config, config_path: Option<PathBuf>, clock: Clock) -> App {
        let now = clock();
        let lang = config.languages.first().copied().unwrap_or_default();
        let state = State {
            store,
            config,
            config_path,
            clock,
            lang,
            session: None,
            last_touch: now,
            thanks_until: None,
            staff: StaffState {
                unlocked: false,
                pin: String::new(),
                guard: PinGuard::default(),
                last_touch: now,
                message: String::new(),
                error: false,
            },
            idcheck: IdCheckFlow::default(),
            dashboard_period: "today".into(),
            dashboard_at: None,
            purged_at: None,
        };
        let app = App { state: Rc::new(RefCell::new(state)), window };
        app.wire();
        app.apply_config();
        app.set_language(lang);
        app.show(Page::Start);
        app
    }

    /// The window.
    pub fn window(&self) -> &AppWindow {
        &self.window
    }

    /// The language shown.
    pub fn language(&self) -> Lang {
        self.state.borrow().lang
    }

    fn now(&self) -> Instant {
        (self.state.borrow().clock)()
    }

    fn page(&self) -> Page {
        self.window.global::<ui::Kiosk<'_>>().get_page()
    }

    fn show(&self, page: Page) {
        self.window.global::<ui::Kiosk<'_>>().set_page(page);
    }

    fn wire(&self) {
        let k = self.window.global::<ui::Kiosk<'_>>();
        let a = self.clone();
        k.on_choose_language(move |code| {
            if let Some(lang) = Lang::from_code(&code) {
                a.touch();
                a.set_language(lang);
            }
        });
        let a = self.clone();
        k.on_start_survey(move || a.start_survey());
        let a = self.clone();
        k.on_staff_entry(move || a.staff_entry());
        let a = self.clone();
        k.on_still_here(move || a.touch());

        let s = self.window.global::<ui::Survey<'_>>();
        let a = self.clone();
        s.on_answer(move |v| a.answer(v));
        let a = self.clone();
        s.on_skip(move || {
            let now = a.now();
            let skipped = a.state.borrow_mut().session.as_mut().is_some_and(|s| s.skip(now));
            a.touch();
            if skipped {
                a.advance();
            }
        });
        let a = self.clone();
        s.on_back(move || {
            let now = a.now();
            a.state.borrow_mut().session.as_mut().map(|s| s.back(now));
            a.touch();
            a.advance();
        });
        let a = self.clone();
        s.on_finish_now(move || {
            a.touch();
            a.finish(false);
        });
        let a = self.clone();
        s.on_retry_save(move || {
            a.touch();
            a.finish(a.state.borrow().session.as_ref().is_some_and(Session::is_complete));
        });
        let a = self.clone();
        s.on_give_up(move || a.reset_to_start());

        let st = self.window.global::<ui::Staff<'_>>();
        let a = self.clone();
        st.on_digit(move |d| a.pin_digit(d));
        let a = self.clone();
        st.on_key(move |text| {
            for c in text.chars() {
                match c {
                    '0'..='9' => a.pin_digit(c as i32 - '0' as i32),
                    '\u{8}' | '\u{7f}' => a.pin_erase(),
                    '\n' | '\r' => a.pin_submit(),
                    '\u{1b}' => a.staff_leave(),
                    _ => {}
                }
            }
        });
        let a = self.clone();
        st.on_erase(move || a.pin_erase());
        let a = self.clone();
        st.on_submit(move || a.pin_submit());
        let a = self.clone();
        st.on_leave(move || a.staff_leave());
        let a = self.clone();
        st.on_activity(move || a.staff_touch());
        let a = self.clone();
        st.on_back_home(move || a.staff_go(Page::StaffHome));
        let a = self.clone();
        st.on_open_idcheck(move || {
            a.state.borrow_mut().idcheck.clear();
            a.staff_go(Page::Idcheck);
            a.sync_idcheck();
        });
        let a = self.clone();
        st.on_open_dashboard(move || {
            a.staff_go(Page::Dashboard);
            a.refresh_dashboard();
        });
        let a = self.clone();
        st.on_open_settings(move || {
            a.load_settings();
            a.staff_go(Page::Settings);
        });

        self.wire_idcheck();

        let d = self.window.global::<ui::Dashboard<'_>>();
        let a = self.clone();
        d.on_choose_period(move |p| {
            a.staff_touch();
            a.state.borrow_mut().dashboard_period = p.to_string();
            a.refresh_dashboard();
        });

        let se = self.window.global::<ui::Settings<'_>>();
        let a = self.clone();
        se.on_save(move || a.save_settings());
    }

    // ---- candidate flow -------------------------------------------------------------------

    fn touch(&self) {
        let now = self.now();
        self.state.borrow_mut().last_touch = now;
        self.window.global::<ui::Kiosk<'_>>().set_warning_visible(false);
    }

    /// Shows `lang`: UI chrome through Slint's bundled translations, texts from core.
    pub fn set_language(&self, lang: Lang) {
        self.state.borrow_mut().lang = lang;
        // Source strings are English; "en" has an (empty) catalogue of its own.
        let _ = slint::select_bundled_translation(lang.code());
        let k = self.window.global::<ui::Kiosk<'_>>();
        k.set_language(lang.code().into());
        let st = self.state.borrow();
        let catalogue = st.config.catalogue.catalogue();
        k.set_survey_title(catalogue.title.get(lang).into());
        drop(st);
        if self.page() == Page::Question {
            self.show_question();
        }
    }

    fn apply_config(&self) {
        let st = self.state.borrow();
        let k = self.window.global::<ui::Kiosk<'_>>();
        k.set_event_name(st.config.event.as_str().into());
        k.set_languages(choices(
            st.config.languages.iter().map(|l| (l.code().to_string(), l.native_name().to_string(), String::new())),
        ));
        k.set_survey_title(st.config.catalogue.catalogue().title.get(st.lang).into());
    }

    fn start_survey(&self) {
        let now = self.now();
        {
            let mut st = self.state.borrow_mut();
            let catalogue = st.config.catalogue.catalogue();
            st.session = Some(Session::new(catalogue, now));
            st.thanks_until = None;
        }
        self.touch();
        self.advance();
    }

    fn answer(&self, v: i32) {
        let now = self.now();
        let kind = self.state.borrow().session.as_ref().and_then(|s| s.current()).map(|q| q.kind);
        let value = match kind {
            Some(QuestionKind::YesNo) => Value::Yes(v != 0),
            Some(_) => Value::Score(v),
            None => return,
        };
        self.state.borrow_mut().session.as_mut().map(|s| s.answer(value, now));
        self.touch();
        self.advance();
    }

    /// Shows the current question, or saves when there is none left.
    fn advance(&self) {
        let done = self.state.borrow().session.as_ref().is_none_or(|s| s.current().is_none());
        if done {
            self.finish(true);
        } else {
            self.show_question();
            self.show(Page::Question);
        }
    }

    fn show_question(&self) {
        let st = self.state.borrow();
        let Some(session) = st.session.as_ref() else { return };
        let Some(q) = session.current() else { return };
        let lang = st.lang;
        let s = self.window.global::<ui::Survey<'_>>();
        s.set_question(q.text.get(lang).into());
        s.set_kind(q.kind.as_str().into());
        let (low, high) = q.scale_labels.map(|(l, h)| (l.get(lang), h.get(lang))).unwrap_or(("", ""));
        s.set_low_label(low.into());
        s.set_high_label(high.into());
        let (n, total) = session.progress();
        s.set_number(n as i32);
        s.set_total(total as i32);
        s.set_can_skip(!q.required);
        s.set_can_go_back(n > 1);
    }

    /// Saves the session (complete or partial). "Thank you" only after the store has
    /// committed; on error the answers stay and the candidate can retry.
    fn finish(&self, complete: bool) {
        let now = self.now();
        let saved = {
            let mut st = self.state.borrow_mut();
            let Some(session) = st.session.as_ref() else {
                drop(st);
                self.reset_to_start();
                return;
            };
            if !session.has_answers() {
                drop(st);
                self.reset_to_start();
                return;
            }
            let complete = complete && session.is_complete();
            let flags = session.flags(now);
            let r = NewResponse {
                event: st.config.event.clone(),
                response: session.response(),
                lang: st.lang,
                complete,
                flags: ResponseFlags { repeated_presses: flags.repeated_presses, too_fast: flags.too_fast },
                at: SystemTime::now(),
            };
            st.store.save_response(&r)
        };
        match saved {
            Ok(_) => {
                {
                    let mut st = self.state.borrow_mut();
                    st.session = None;
                    st.thanks_until = Some(now + THANKS_FOR);
                }
                self.show(Page::Thanks);
                if self.state.borrow().dashboard_at.is_some() {
                    self.refresh_dashboard();
                }
            }
            Err(e) => {
                self.window.global::<ui::Survey<'_>>().set_error_text(e.to_string().into());
                self.show(Page::SaveError);
            }
        }
    }

    fn reset_to_start(&self) {
        {
            let mut st = self.state.borrow_mut();
            st.session = None;
            st.thanks_until = None;
            let first = st.config.languages.first().copied().unwrap_or_default();
            st.lang = first;
        }
        let lang = self.language();
        self.set_language(lang);
        self.window.global::<ui::Kiosk<'_>>().set_warning_visible(false);
        self.window.global::<ui::Theme<'_>>().set_large_text(false);
        self.show(Page::Start);
    }

    /// The inactivity reset: a half-finished answer is kept as partial or dropped, per the
    /// configuration.
    fn inactivity_reset(&self) {
        let keep = {
            let st = self.state.borrow();
            st.config.partial_answers == PartialPolicy::Keep && st.session.as_ref().is_some_and(Session::has_answers)
        };
        if keep && self.page() == Page::Question {
            self.finish(false);
            if self.page() == Page::Thanks {
                // Nobody is there to thank.
                self.reset_to_start();
                return;
            }
        }
        self.reset_to_start();
    }

    /// Checks timers: the inactivity warning and reset, the thank-you timeout, the staff
    /// auto-lock, a PIN lockout's countdown and the dashboard's live refresh. Call it a few
    /// times a second.
    pub fn tick(&self) {
        let now = self.now();
        let page = self.page();
        match page {
            Page::Question | Page::SaveError => {
                let (last, warning, reset) = {
                    let st = self.state.borrow();
                    let i = st.config.inactivity;
                    (
                        st.last_touch,
                        Duration::from_secs(i.warning_secs.into()),
                        Duration::from_secs(i.reset_secs.into()),
                    )
                };
                match idle_state(last, now, warning, reset) {
                    Idle::Active => self.window.global::<ui::Kiosk<'_>>().set_warning_visible(false),
                    Idle::Warning(left) => {
                        let k = self.window.global::<ui::Kiosk<'_>>();
                        k.set_warning_seconds_left(left as i32);
                        k.set_warning_visible(true);
                    }
                    Idle::Reset => self.inactivity_reset(),
                }
            }
            Page::Thanks => {
                if self.state.borrow().thanks_until.is_some_and(|t| now >= t) {
                    self.reset_to_start();
                }
            }
            Page::Pin | Page::StaffHome | Page::Idcheck | Page::Dashboard | Page::Settings => {
                let (last, left) = {
                    let st = self.state.borrow();
                    (st.staff.last_touch, st.staff.guard.seconds_left(now))
                };
                self.window.global::<ui::Staff<'_>>().set_locked_seconds_left(left as i32);
                if now.saturating_duration_since(last) >= STAFF_IDLE_LOCK {
                    self.staff_leave();
                } else if page == Page::Dashboard {
                    let due = self.state.borrow().dashboard_at.is_none_or(|t| now >= t + DASHBOARD_REFRESH);
                    if due {
                        self.refresh_dashboard();
                    }
                }
            }
            Page::Start => {
                let due = self.state.borrow().purged_at.is_none_or(|t| now >= t + PURGE_INTERVAL);
                if due {
                    self.purge(now);
                }
            }
        }
    }

    /// The retention purge, on the schedule: at start and then daily, while the kiosk waits
    /// on its start screen, so personal data leaves on time even if nobody runs
    /// `rekry-kiosk purge`. A failure is reported on stderr and retried at the next interval.
    fn purge(&self, now: Instant) {
        let mut st = self.state.borrow_mut();
        st.purged_at = Some(now);
        let r = st.config.retention;
        if let Err(e) = st.store.purge(r.id_checks_days, r.audit_details_days, SystemTime::now()) {
            eprintln!("rekry-kiosk: scheduled retention purge failed: {e}");
        }
    }

    // ---- staff mode -----------------------------------------------------------------------

    fn staff_touch(&self) {
        let now = self.now();
        self.state.borrow_mut().staff.last_touch = now;
    }

    fn staff_entry(&self) {
        let pin_set = self.state.borrow().store.pin_is_set().unwrap_or(false);
        {
            let mut st = self.state.borrow_mut();
            st.staff.pin.clear();
            st.staff.message.clear();
            st.staff.error = false;
        }
        self.staff_touch();
        let s = self.window.global::<ui::Staff<'_>>();
        s.set_pin_set(pin_set);
        self.sync_pin();
        self.show(Page::Pin);
    }

    fn sync_pin(&self) {
        let now = self.now();
        let st = self.state.borrow();
        let s = self.window.global::<ui::Staff<'_>>();
        s.set_digits_entered(st.staff.pin.len() as i32);
        s.set_message(st.staff.message.as_str().into());
        s.set_message_is_error(st.staff.error);
        s.set_locked_seconds_left(st.staff.guard.seconds_left(now) as i32);
    }

    fn pin_digit(&self, d: i32) {
        self.staff_touch();
        let now = self.now();
        {
            let mut st = self.state.borrow_mut();
            if st.staff.guard.is_locked(now)
                || !(0..=9).contains(&d)
                || st.staff.pin.len() >= crate::storage::MAX_PIN_DIGITS
            {
                return;
            }
            st.staff.pin.push(char::from(b'0' + d as u8));
            st.staff.message.clear();
            st.staff.error = false;
        }
        self.sync_pin();
    }

    fn pin_erase(&self) {
        self.staff_touch();
        self.state.borrow_mut().staff.pin.pop();
        self.sync_pin();
    }

    fn pin_submit(&self) {
        self.staff_touch();
        let now = self.now();
        let lang = self.language();
        let ok = {
            let mut st = self.state.borrow_mut();
            if st.staff.guard.is_locked(now) || st.staff.pin.is_empty() {
                return;
            }
            let pin = std::mem::take(&mut st.staff.pin);
            st.store.verify_pin(&pin)
        };
        match ok {
            Ok(true) => {
                {
                    let mut st = self.state.borrow_mut();
                    st.staff.guard.succeed();
                    st.staff.unlocked = true;
                    st.staff.message.clear();
                    let _ = st.store.audit(AuditEvent::StaffUnlock);
                }
                self.sync_pin();
                self.show(Page::StaffHome);
            }
            Ok(false) => {
                let mut st = self.state.borrow_mut();
                let failure = st.staff.guard.fail(now);
                let attempt = st.staff.guard.failures();
                let _ = st.store.audit(AuditEvent::PinFailure { attempt });
                st.staff.message = match failure {
                    Failure::Retry(n) => format!(
                        "{} ({} {n} / {})",
                        t(lang, "Fel PIN-kod", "Wrong PIN"),
                        t(lang, "försök", "attempt"),
                        pin::FREE_ATTEMPTS
                    ),
                    Failure::Locked(_, delay) => {
                        let _ = st.store.audit(AuditEvent::PinLockout { seconds: delay.as_secs() });
                        t(lang, "Fel PIN-kod", "Wrong PIN").to_string()
                    }
                };
                st.staff.error = true;
                drop(st);
                self.sync_pin();
            }
            Err(e) => {
                let mut st = self.state.borrow_mut();
                st.staff.message = e.to_string();
                st.staff.error = true;
                drop(st);
                self.sync_pin();
            }
        }
    }

    fn staff_go(&self, page: Page) {
        self.staff_touch();
        if self.state.borrow().staff.unlocked {
            self.show(page);
        }
    }

    /// Locks staff mode and returns to the start screen, forgetting any ID check.
    fn staff_leave(&self) {
        {
            let mut st = self.state.borrow_mut();
            st.staff.pin.clear();
            st.idcheck.clear();
            st.dashboard_at = None;
            if std::mem::take(&mut st.staff.unlocked) {
                let _ = st.store.audit(AuditEvent::StaffLock);
            }
        }
        self.sync_idcheck();
        self.reset_to_start();
    }

    // ---- ID verification --------------------------------------------------------------------

    fn wire_idcheck(&self) {
        let g = self.window.global::<ui::IdCheck<'_>>();
        let a = self.clone();
        g.on_choose_role(move |id| {
            if let Some(role) = Role::from_id(&id) {
                a.state.borrow_mut().idcheck.choose_role(role);
            }
            a.after_idcheck();
        });
        let a = self.clone();
        g.on_choose_group(move |id| {
            let group = CitizenshipGroup::from_id(id.as_str());
            if let Some(group) = group {
                a.state.borrow_mut().idcheck.choose_group(group, crate::storage::today());
            }
            a.after_idcheck();
        });
        let a = self.clone();
        g.on_choose_document(move |id| {
            if let Some(kind) = DocumentKind::from_id(&id) {
                a.state.borrow_mut().idcheck.choose_document(kind);
            }
            a.after_idcheck();
        });
        let a = self.clone();
        g.on_key(move |k| {
            a.state.borrow_mut().idcheck.key(&k);
            a.after_idcheck();
        });
        let a = self.clone();
        g.on_erase(move || {
            a.state.borrow_mut().idcheck.erase();
            a.after_idcheck();
        });
        let a = self.clone();
        g.on_clear(move || {
            a.state.borrow_mut().idcheck.clear_text();
            a.after_idcheck();
        });
        let a = self.clone();
        g.on_done(move || {
            let lang = a.language();
            a.state.borrow_mut().idcheck.done(crate::storage::today(), lang);
            a.after_idcheck();
        });
        let a = self.clone();
        g.on_press(move |kind, button| {
            let lang = a.language();
            let kind = ItemKind::ALL.into_iter().find(|k| k.id() == kind.as_str());
            if let Some(kind) = kind {
                let msg = a.state.borrow_mut().idcheck.press(kind, &button, lang);
                a.window.global::<ui::IdCheck<'_>>().set_item_message(msg.unwrap_or_default().into());
            }
            a.after_idcheck();
        });
        let a = self.clone();
        g.on_sheet_choose(move |id| {
            let lang = a.language();
            a.state.borrow_mut().idcheck.sheet_choose(&id, crate::storage::today(), lang);
            a.after_idcheck();
        });
        let a = self.clone();
        g.on_sheet_key(move |k| {
            a.state.borrow_mut().idcheck.sheet_key(&k);
            a.after_idcheck();
        });
        let a = self.clone();
        g.on_sheet_erase(move || {
            a.state.borrow_mut().idcheck.sheet_erase();
            a.after_idcheck();
        });
        let a = self.clone();
        g.on_sheet_done(move || {
            let lang = a.language();
            a.state.borrow_mut().idcheck.sheet_done(crate::storage::today(), lang);
            a.after_idcheck();
        });
        let a = self.clone();
        g.on_sheet_cancel(move || {
            a.state.borrow_mut().idcheck.sheet_cancel();
            a.after_idcheck();
        });
        let a = self.clone();
        g.on_to_outcome(move || {
            a.state.borrow_mut().idcheck.to_outcome();
            a.after_idcheck();
        });
        let a = self.clone();
        g.on_back(move || {
            a.state.borrow_mut().idcheck.back();
            a.after_idcheck();
        });
        let a = self.clone();
        g.on_cancel(move || {
            a.state.borrow_mut().idcheck.clear();
            a.after_idcheck();
        });
        let a = self.clone();
        g.on_save(move || a.save_check());
    }

    fn after_idcheck(&self) {
        self.staff_touch();
        self.sync_idcheck();
    }

    fn save_check(&self) {
        self.staff_touch();
        let lang = self.language();
        let today = crate::storage::today();
        let result = {
            let mut st = self.state.borrow_mut();
            let Some(record) = st.idcheck.record(today) else { return };
            match st.store.save_check(&record) {
                // The store logs the saved check in the audit log in the same transaction.
                Ok(_) => {
                    st.idcheck.clear();
                    st.idcheck.step = Step::Saved;
                    Ok(())
                }
                Err(e) => Err(e.to_string()),
            }
        };
        let g = self.window.global::<ui::IdCheck<'_>>();
        match result {
            Ok(()) => {
                g.set_save_message(t(lang, "Sparat. Skärmen är rensad.", "Saved. The screen has been cleared.").into())
            }
            Err(e) => g.set_save_message(format!("{}: {e}", t(lang, "Kunde inte spara", "Could not save")).into()),
        }
        self.sync_idcheck();
    }

    fn sync_idcheck(&self) {
        let st = self.state.borrow();
        let lang = st.lang;
        let f = &st.idcheck;
        let g = self.window.global::<ui::IdCheck<'_>>();
        g.set_step(match f.step {
            Step::Role => IdStep::Role,
            Step::Group => IdStep::Group,
            Step::Document => IdStep::Document,
            Step::Checklist => IdStep::Checklist,
            Step::Outcome => IdStep::Outcome,
            Step::Saved => IdStep::Saved,
        });
        g.set_roles(choices(
            Role::ALL.iter().map(|r| (r.id().to_string(), r.name().get(lang).to_string(), String::new())),
        ));
        g.set_groups(choices(
            CitizenshipGroup::ALL.iter().map(|g| (g.id().to_string(), g.label().get(lang).to_string(), String::new())),
        ));
        let group = f.group;
        g.set_documents(choices(
            DocumentKind::ALL
                .iter()
                .filter(|k| k.is_identity_document() || group == Some(CitizenshipGroup::Other))
                .map(|k| (k.id().to_string(), k.name().get(lang).to_string(), String::new())),
        ));
        g.set_role_name(f.role.map(|r| r.name().get(lang)).unwrap_or("").into());
        g.set_group_name(f.group.map(|g| g.label().get(lang)).unwrap_or("").into());
        let document = f.checklist.as_ref().and_then(|l| l.document());
        g.set_document_name(document.map(|d| d.name().get(lang)).unwrap_or("").into());
        g.set_entry_prompt(f.prompt(lang).into());
        g.set_entry_text(f.text.as_str().into());
        g.set_entry_feedback(f.feedback.as_str().into());
        g.set_entry_error(f.error);
        let decision = f.checklist.as_ref().map(|l| l.decision());
        let items: Vec<CheckItem> = f
            .checklist
            .as_ref()
            .map(|l| {
                l.items()
                    .iter()
                    .map(|i| {
                        let actions = idcheck::actions(i.kind, i.requirement, i.is_fixed(), lang);
                        CheckItem {
                            kind: i.kind.id().into(),
                            name: i.kind.name().get(lang).into(),
                            instruction: i.kind.instruction().get(lang).into(),
                            state: i.state.id().into(),
                            reason: i.reason.text().get(lang).into(),
                            optional: i.requirement == Requirement::Optional && !i.is_fixed(),
                            fixed: i.is_fixed(),
                            deciding: f.step == Step::Outcome
                                && decision.as_ref().is_some_and(|d| d.deciding.contains(&i.kind)),
                            act: actions.act.into(),
                            can_act: actions.can_act,
                            can_fail: actions.can_fail,
                            can_waive: actions.can_waive,
                        }
                    })
                    .collect()
            })
            .unwrap_or_default();
        g.set_items(ModelRc::new(VecModel::from(items)));
        g.set_sheet(match f.sheet {
            None => "".into(),
            Some(_) if f.sheet_wants_date() => "date".into(),
            Some(_) => "choices".into(),
        });
        let (title, question) = f.sheet_title(lang);
        g.set_sheet_title(title.into());
        g.set_sheet_question(question.into());
        g.set_sheet_choices(choices(f.sheet_choices(lang).into_iter().map(|c| (c.id, c.label, c.detail))));
        g.set_sheet_text(f.sheet_text.as_str().into());
        g.set_sheet_feedback(f.sheet_feedback.as_str().into());
        if f.step != Step::Checklist {
            g.set_item_message("".into());
        }
        let warnings: Vec<SharedString> = f
            .checklist
            .as_ref()
            .map(|l| l.warnings().iter().map(|w| SharedString::from(w.text().get(lang))).collect())
            .unwrap_or_default();
        g.set_warnings(ModelRc::new(VecModel::from(warnings)));
        if let Some(d) = decision {
            g.set_outcome(d.outcome.text().get(lang).into());
            g.set_outcome_kind(
                match d.outcome {
                    Outcome::Verified => "verified",
                    Outcome::Rejected => "rejected",
                    Outcome::Incomplete => "incomplete",
                }
                .into(),
            );
        } else {
            g.set_outcome("".into());
        }
    }

    // ---- dashboard and settings -----------------------------------------------------------

    fn refresh_dashboard(&self) {
        let now = self.now();
        let mut st = self.state.borrow_mut();
        st.dashboard_at = Some(now);
        let view = dashboard::build(&st.store, &st.config, &st.dashboard_period, st.lang);
        drop(st);
        view.apply(&self.window);
    }

    fn load_settings(&self) {
        let st = self.state.borrow();
        let s = self.window.global::<ui::Settings<'_>>();
        s.set_event_name(st.config.event.as_str().into());
        s.set_surveys(choices(
            rekry_core::survey::CatalogueId::ALL
                .iter()
                .map(|c| (c.as_str().to_string(), c.catalogue().title.get(st.lang).to_string(), String::new())),
        ));
        s.set_survey(st.config.catalogue.as_str().into());
        s.set_swedish(st.config.languages.contains(&Lang::Sv));
        s.set_english(st.config.languages.contains(&Lang::En));
        s.set_warning_seconds(st.config.inactivity.warning_secs as i32);
        s.set_reset_seconds(st.config.inactivity.reset_secs as i32);
        s.set_message("".into());
    }

    fn save_settings(&self) {
        self.staff_touch();
        let s = self.window.global::<ui::Settings<'_>>();
        let lang = self.language();
        let mut msg = String::new();
        {
            let mut st = self.state.borrow_mut();
            let mut c = st.config.clone();
            let event = s.get_event_name().trim().to_string();
            if !event.is_empty() {
                c.event = event;
            }
            if let Some(id) = rekry_core::survey::CatalogueId::parse(&s.get_survey()) {
                c.catalogue = id;
            }
            let mut langs = Vec::new();
            for (on, l) in [(s.get_swedish(), Lang::Sv), (s.get_english(), Lang::En)] {
                if on {
                    langs.push(l);
                }
            }
            if !langs.is_empty() {
                // Keep the configured first language first when it is still offered.
                if let Some(first) = c.languages.first().copied().filter(|l| langs.contains(l)) {
                    langs.retain(|l| *l != first);
                    langs.insert(0, first);
                }
                c.languages = langs;
            }
            let warning = s.get_warning_seconds().max(5) as u32;
            let reset = (s.get_reset_seconds().max(0) as u32).max(warning + 5);
            c.inactivity.warning_secs = warning;
            c.inactivity.reset_secs = reset;
            let mut changed = Vec::new();
            if c.event != st.config.event {
                changed.push("event");
            }
            if c.catalogue != st.config.catalogue {
                changed.push("catalogue");
            }
            if c.languages != st.config.languages {
                changed.push("languages");
            }
            if c.inactivity != st.config.inactivity {
                changed.push("inactivity");
            }
            let saved = match &st.config_path {
                Some(path) if !changed.is_empty() => c.save(path).map_err(|e| e.to_string()),
                _ => Ok(()),
            };
            match saved {
                Ok(()) => {
                    for key in &changed {
                        let _ = st.store.audit(AuditEvent::SettingsChanged { key: (*key).to_string() });
                    }
                    st.config = c;
                    msg.push_str(if changed.is_empty() {
                        t(lang, "Inga ändringar.", "No changes.")
                    } else {
                        t(lang, "Inställningarna är sparade.", "Settings saved.")
                    });
                }
                Err(e) => msg = format!("{}: {e}", t(lang, "Kunde inte spara", "Could not save")),
            }
        }
        self.apply_config();
        self.load_settings();
        s.set_message(msg.into());
    }
}

//! Screenshot tests: every main screen rendered headless with the software renderer at
//! 1280×800, in Swedish and English, compared with the reference PNGs in
//! `tests/screenshots/`. `REKRY_UPDATE_SCREENSHOTS=1` regenerates the references; a failing
//! comparison writes the actual image next to `target/` for a look.

use std::path::{Path, PathBuf};
use std::rc::Rc;
use std::time::{Duration, Instant, SystemTime};

use rekry_core::Lang;
use rekry_core::idcheck::checklist::Role;
use rekry_core::idcheck::documents::CitizenshipGroup;
use rekry_core::survey::{Answer, CatalogueId, Response, Value};
use rekry_kiosk::app::ui::{self, Page};
use rekry_kiosk::app::{App, AppWindow, headless};
use rekry_kiosk::config::Config;
use rekry_kiosk::storage::{NewResponse, ResponseFlags, Store};
use slint::{ComponentHandle, Rgb8Pixel, SharedPixelBuffer};

const WIDTH: u32 = 1280;
const HEIGHT: u32 = 800;
/// A pixel differs when a channel differs by more than this.
const CHANNEL_TOLERANCE: u8 = 24;
/// The share of pixels allowed to differ (anti-aliasing across font rasteriser versions).
const PIXEL_TOLERANCE: f64 = 0.003;

fn reference_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/screenshots")
}

fn write_png(path: &Path, buffer: &SharedPixelBuffer<Rgb8Pixel>) {
    let file = std::fs::File::create(path).unwrap();
    let mut enc = png::Encoder::new(std::io::BufWriter::new(file), buffer.width(), buffer.height());
    enc.set_color(png::ColorType::Rgb);
    enc.set_depth(png::BitDepth::Eight);
    enc.set_compression(png::Compression::High);
    let mut w = enc.write_header().unwrap();
    w.write_image_data(buffer.as_bytes()).unwrap();
}

fn read_png(path: &Path) -> Option<(u32, u32, Vec<u8>)> {
    let decoder = png::Decoder::new(std::io::BufReader::new(std::fs::File::open(path).ok()?));
    let mut reader = decoder.read_info().ok()?;
    let mut buf = vec![0; reader.output_buffer_size()?];
    let info = reader.next_frame(&mut buf).ok()?;
    if info.color_type != png::ColorType::Rgb {
        return None;
    }
    buf.truncate(info.buffer_size());
    Some((info.width, info.height, buf))
}

fn compare(name: &str, actual: &SharedPixelBuffer<Rgb8Pixel>) -> Result<(), String> {
    let path = reference_dir().join(format!("{name}.png"));
    if std::env::var_os("REKRY_UPDATE_SCREENSHOTS").is_some_and(|v| v != "0") {
        write_png(&path, actual);
        return Ok(());
    }
    let Some((w, h, expected)) = read_png(&path) else {
        return Err(format!("{name}: no reference {} (run with REKRY_UPDATE_SCREENSHOTS=1)", path.display()));
    };
    let failed = || {
        let out = Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!("{name}.actual.png"));
        write_png(&out, actual);
        out
    };
    if (w, h) != (actual.width(), actual.height()) {
        return Err(format!("{name}: size {}×{} differs from the reference {w}×{h}", actual.width(), actual.height()));
    }
    let differing = expected
        .chunks_exact(3)
        .zip(actual.as_bytes().chunks_exact(3))
        .filter(|(a, b)| a.iter().zip(b.iter()).any(|(x, y)| x.abs_diff(*y) > CHANNEL_TOLERANCE))
        .count();
    let share = differing as f64 / f64::from(w * h);
    if share > PIXEL_TOLERANCE {
        return Err(format!(
            "{name}: {differing} pixels ({:.2} %) differ from the reference; actual written to {}",
            share * 100.0,
            failed().display()
        ));
    }
    Ok(())
}

fn seed(store: &mut Store) {
    // Forty answers to make the dashboard show something real.
    let scores = [10, 9, 9, 10, 8, 7, 10, 9, 6, 10, 9, 9, 3, 10, 8, 9, 10, 10, 9, 5];
    for (i, s) in scores.iter().cycle().take(40).enumerate() {
        let mut response = Response::new(CatalogueId::JobFair);
        response.push(Answer::new("recommend", Value::Score(*s)).unwrap()).unwrap();
        response.push(Answer::new("treatment", Value::Score((*s).clamp(1, 10))).unwrap()).unwrap();
        response.push(Answer::new("questions_answered", Value::Yes(i % 5 != 0)).unwrap()).unwrap();
        let r = NewResponse {
            event: Config::default().event,
            response,
            lang: Lang::Sv,
            complete: true,
            flags: ResponseFlags { repeated_presses: u32::from(i == 7), too_fast: false },
            at: SystemTime::now(),
        };
        store.save_response(&r).unwrap();
    }
}

#[test]
fn every_main_screen_in_swedish_and_english() {
    let window = headless::install(WIDTH, HEIGHT).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(&dir.path().join("kiosk.db")).unwrap();
    store.set_pin("246810").unwrap();
    seed(&mut store);
    let start = Instant::now();
    let clock = Rc::new(std::cell::Cell::new(start));
    let c = clock.clone();
    let app = App::new(AppWindow::new().unwrap(), store, Config::default(), None, Rc::new(move || c.get()));
    app.window().show().unwrap();
    let w = app.window();

    type Setup = fn(&App, &Rc<std::cell::Cell<Instant>>);
    let screens: Vec<(&str, Setup)> = vec![
        ("start", |_, _| {}),
        ("start-large-text", |a, _| a.window().global::<ui::Theme<'_>>().set_large_text(true)),
        ("question-nps", |a, _| a.window().global::<ui::Kiosk<'_>>().invoke_start_survey()),
        ("question-rating", |a, _| {
            a.window().global::<ui::Kiosk<'_>>().invoke_start_survey();
            a.window().global::<ui::Survey<'_>>().invoke_answer(9);
        }),
        ("question-yes-no", |a, _| {
            a.window().global::<ui::Kiosk<'_>>().invoke_start_survey();
            a.window().global::<ui::Survey<'_>>().invoke_answer(9);
            a.window().global::<ui::Survey<'_>>().invoke_answer(8);
        }),
        ("inactivity-warning", |a, clock| {
            a.window().global::<ui::Kiosk<'_>>().invoke_start_survey();
            clock.set(clock.get() + Duration::from_secs(22));
            a.tick();
        }),
        ("thanks", |a, _| {
            a.window().global::<ui::Kiosk<'_>>().invoke_start_survey();
            for v in [9, 8, 1, 1] {
                a.window().global::<ui::Survey<'_>>().invoke_answer(v);
            }
        }),
        ("save-error", |a, _| {
            a.window().global::<ui::Survey<'_>>().set_error_text(
                "disk full writing /var/lib/rekry/kiosk.db; the last change was not saved, earlier data is intact"
                    .into(),
            );
            a.window().global::<ui::Kiosk<'_>>().set_page(Page::SaveError);
        }),
        ("staff-pin", |a, _| {
            a.window().global::<ui::Kiosk<'_>>().invoke_staff_entry();
            a.window().global::<ui::Staff<'_>>().invoke_digit(2);
            a.window().global::<ui::Staff<'_>>().invoke_digit(4);
        }),
        ("staff-home", |a, _| unlock(a)),
        ("idcheck-role", |a, _| {
            unlock(a);
            a.window().global::<ui::Staff<'_>>().invoke_open_idcheck();
        }),
        ("idcheck-document", |a, _| {
            unlock(a);
            let s = a.window().global::<ui::Staff<'_>>();
            s.invoke_open_idcheck();
            let g = a.window().global::<ui::IdCheck<'_>>();
            g.invoke_choose_role(Role::Nurse.id().into());
            g.invoke_choose_group("other".into());
            g.invoke_key(
                "P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<\nL898902C36UTO7408122F1204159ZE184226B<<<<<1".into(),
            );
        }),
        ("idcheck-checklist", |a, _| teacher_checklist(a)),
        ("idcheck-extract-kind", |a, _| {
            teacher_checklist(a);
            a.window().global::<ui::IdCheck<'_>>().invoke_press("criminal-record".into(), "act".into());
        }),
        ("idcheck-extract-date", |a, _| {
            teacher_checklist(a);
            let g = a.window().global::<ui::IdCheck<'_>>();
            g.invoke_press("criminal-record".into(), "act".into());
            g.invoke_sheet_choose("school".into());
            g.invoke_sheet_key("202609".into());
        }),
        ("idcheck-outcome", |a, _| {
            teacher_checklist(a);
            a.window().global::<ui::IdCheck<'_>>().invoke_to_outcome();
        }),
        ("dashboard", |a, _| {
            unlock(a);
            a.window().global::<ui::Staff<'_>>().invoke_open_dashboard();
            a.window().global::<ui::Dashboard<'_>>().invoke_choose_period("event".into());
        }),
        ("settings", |a, _| {
            unlock(a);
            a.window().global::<ui::Staff<'_>>().invoke_open_settings();
        }),
    ];
    let _ = CitizenshipGroup::Swedish;

    let mut failures = Vec::new();
    for lang in [Lang::Sv, Lang::En] {
        for (name, setup) in &screens {
            // A fresh start for every screen.
            w.global::<ui::Staff<'_>>().invoke_leave();
            clock.set(clock.get() + Duration::from_secs(1));
            app.set_language(lang);
            setup(&app, &clock);
            let buffer = headless::render(&window);
            if let Err(e) = compare(&format!("{name}-{}", lang.code()), &buffer) {
                failures.push(e);
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// Staff mode, a teacher's checklist, a Swedish passport valid to 2031 entered by hand.
fn teacher_checklist(a: &App) {
    unlock(a);
    a.window().global::<ui::Staff<'_>>().invoke_open_idcheck();
    let g = a.window().global::<ui::IdCheck<'_>>();
    g.invoke_choose_role(Role::Teacher.id().into());
    g.invoke_choose_group("swedish".into());
    g.invoke_choose_document("swedish-passport".into());
    g.invoke_key("20310101".into());
    g.invoke_done();
}

fn unlock(a: &App) {
    let k = a.window().global::<ui::Kiosk<'_>>();
    k.invoke_staff_entry();
    let s = a.window().global::<ui::Staff<'_>>();
    for d in [2, 4, 6, 8, 1, 0] {
        s.invoke_digit(d);
    }
    s.invoke_submit();
    assert_eq!(k.get_page(), Page::StaffHome);
}

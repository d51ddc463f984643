//! UI benchmark (`cargo bench -p rekry-kiosk --bench ui`; `scripts/bench-ui.sh` adds the real
//! window under Xvfb). Prints:
//!
//! - cold start to first frame: process start (from /proc) to the first full software-rendered
//!   frame of the start screen, headless, including opening the database;
//! - RSS after the first frames (headless);
//! - median full-frame software render time of the start and question screens at 1280×800
//!   and 1920×1080 (every frame redrawn from scratch).

use std::rc::Rc;
use std::time::{Duration, Instant};

use rekry_kiosk::app::ui;
use rekry_kiosk::app::{App, AppWindow, headless};
use rekry_kiosk::config::Config;
use rekry_kiosk::storage::Store;
use slint::{ComponentHandle, Rgb8Pixel, SharedPixelBuffer};

/// Seconds since this process started, from /proc (Linux); `None` elsewhere.
fn process_age() -> Option<Duration> {
    let stat = std::fs::read_to_string("/proc/self/stat").ok()?;
    // Field 22 (starttime, clock ticks since boot), counted after the ")" of the command name.
    let after = &stat[stat.rfind(')')? + 2..];
    let start_ticks: f64 = after.split_whitespace().nth(19)?.parse().ok()?;
    let uptime: f64 = std::fs::read_to_string("/proc/uptime").ok()?.split_whitespace().next()?.parse().ok()?;
    // Linux reports USER_HZ = 100 to user space.
    Some(Duration::from_secs_f64((uptime - start_ticks / 100.0).max(0.0)))
}

fn rss_mib() -> Option<f64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let kb: f64 = status.lines().find(|l| l.starts_with("VmRSS:"))?.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb / 1024.0)
}

fn median(mut v: Vec<Duration>) -> Duration {
    v.sort();
    v[v.len() / 2]
}

fn main() {
    let dir = tempfile::tempdir().unwrap();
    let window = headless::install(1280, 800).unwrap();
    let store = Store::open(&dir.path().join("kiosk.db")).unwrap();
    let app = App::new(AppWindow::new().unwrap(), store, Config::default(), None, Rc::new(Instant::now));
    app.window().show().unwrap();
    let first = headless::render(&window);
    let age = process_age();
    assert!(first.as_bytes().iter().any(|&b| b != 0));
    match age {
        Some(age) => println!("cold start to first frame (headless, software renderer): {} ms", age.as_millis()),
        None => println!("cold start to first frame: n/a (no /proc)"),
    }

    for (w, h) in [(1280u32, 800u32), (1920, 1080)] {
        headless::resize(&window, w, h);
        let mut buffer = SharedPixelBuffer::<Rgb8Pixel>::new(w, h);
        for (name, setup) in [("start", 0), ("question", 1)] {
            let k = app.window().global::<ui::Kiosk<'_>>();
            if setup == 0 {
                k.set_page(ui::Page::Start);
            } else {
                k.invoke_start_survey();
            }
            headless::render_into(&window, &mut buffer); // warm-up
            let times: Vec<Duration> = (0..60)
                .map(|_| {
                    let t = Instant::now();
                    headless::render_into(&window, &mut buffer);
                    t.elapsed()
                })
                .collect();
            println!(
                "full-frame software render, {name} screen, {w}×{h}: median {:.2} ms",
                median(times).as_secs_f64() * 1000.0
            );
        }
    }
    if let Some(rss) = rss_mib() {
        println!("RSS after rendering (headless): {rss:.1} MiB");
    }
}

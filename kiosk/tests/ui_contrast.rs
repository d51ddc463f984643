//! Text contrast: every text/background pair the UI uses has a WCAG contrast ratio of at
//! least 4.5:1, read from the compiled `Theme` global (so the check follows the .slint file).

use rekry_kiosk::app::AppWindow;
use rekry_kiosk::app::ui::Theme;
use slint::{Color, ComponentHandle};

fn luminance(c: Color) -> f64 {
    let lin = |v: u8| {
        let v = f64::from(v) / 255.0;
        if v <= 0.039_28 { v / 12.92 } else { ((v + 0.055) / 1.055).powf(2.4) }
    };
    0.2126 * lin(c.red()) + 0.7152 * lin(c.green()) + 0.0722 * lin(c.blue())
}

fn contrast(a: Color, b: Color) -> f64 {
    let (la, lb) = (luminance(a), luminance(b));
    (la.max(lb) + 0.05) / (la.min(lb) + 0.05)
}

#[test]
fn text_pairs_meet_wcag_aa() {
    i_slint_backend_testing::init_no_event_loop();
    let w = AppWindow::new().unwrap();
    let t = w.global::<Theme<'_>>();
    let white = Color::from_rgb_u8(255, 255, 255);
    let pairs = [
        ("ink on background", t.get_ink(), t.get_background()),
        ("ink on surface", t.get_ink(), t.get_surface()),
        ("muted on background", t.get_ink_muted(), t.get_background()),
        ("muted on surface", t.get_ink_muted(), t.get_surface()),
        ("ink on choice", t.get_ink(), t.get_choice()),
        ("ink on pressed choice", t.get_ink(), t.get_choice_pressed()),
        ("white on primary", t.get_on_primary(), t.get_primary()),
        ("white on pressed primary", t.get_on_primary(), t.get_primary_pressed()),
        ("primary on white (start button, language)", t.get_primary(), white),
        ("white on good", t.get_on_primary(), t.get_good()),
        ("white on bad", t.get_on_primary(), t.get_bad()),
        ("white on warn", t.get_on_primary(), t.get_warn()),
        ("bad on bad-soft", t.get_bad(), t.get_bad_soft()),
        ("ink on bad-soft", t.get_ink(), t.get_bad_soft()),
        ("ink on warn-soft", t.get_ink(), t.get_warn_soft()),
        ("warn on warn-soft", t.get_warn(), t.get_warn_soft()),
        ("good on surface", t.get_good(), t.get_surface()),
        ("bad on surface", t.get_bad(), t.get_surface()),
    ];
    let mut failing = Vec::new();
    for (name, fg, bg) in pairs {
        let ratio = contrast(fg, bg);
        if ratio < 4.5 {
            failing.push(format!("{name}: {ratio:.2}:1"));
        }
    }
    assert!(failing.is_empty(), "below 4.5:1: {failing:?}");
    assert!(t.get_min_target() >= 44.0);
}

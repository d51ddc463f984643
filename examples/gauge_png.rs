//! Draws the NPS gauge and the score histogram into a framebuffer and writes a PNG.
//!
//! ```text
//! cargo run -p rekry-examples --example gauge_png                      # sample data → gauge.png
//! cargo run -p rekry-examples --example gauge_png -- scores.csv -o nps.png --lang en --dark
//! ```
//!
//! Options: `-o FILE` (default `gauge.png`), `--lang sv|en` (default `sv`), `--dark`,
//! `--scale N` (1–8, nearest-neighbour, default 2 so the mono fonts read well on modern
//! screens), `--target T` (default 70, `none` for no line). The input is read like
//! `nps_report`'s; bad rows are counted on stderr and skipped. Without an input file the
//! recruitment unit's 2025 result (n = 125, NPS 86.4) is drawn.

use std::fs::File;
use std::io::BufWriter;
use std::process::ExitCode;

use embedded_graphics::mono_font::iso_8859_1::{FONT_6X13, FONT_10X20};
use embedded_graphics::pixelcolor::Rgb888;
use embedded_graphics::prelude::*;
use embedded_graphics::primitives::Rectangle;
use rekry_core::Lang;
use rekry_core::graphics::{Canvas, NpsSummaryView, Theme};
use rekry_core::nps::NpsTally;
use rekry_examples::{open_input, read_scores, sample_tally};

const WIDTH: u32 = 480;
const HEIGHT: u32 = 300;

struct Options {
    input: Option<String>,
    out: String,
    lang: Lang,
    dark: bool,
    scale: u32,
    target: Option<f64>,
}

fn parse_args(args: impl Iterator<Item = String>) -> Result<Options, String> {
    let mut o =
        Options { input: None, out: "gauge.png".into(), lang: Lang::Sv, dark: false, scale: 2, target: Some(70.0) };
    let mut args = args.peekable();
    while let Some(a) = args.next() {
        let mut value = |name: &str| args.next().ok_or_else(|| format!("{name} needs a value"));
        match a.as_str() {
            "-o" | "--out" => o.out = value("-o")?,
            "--lang" => {
                let v = value("--lang")?;
                o.lang = Lang::from_code(&v).ok_or_else(|| format!("unknown language {v:?} (sv or en)"))?;
            }
            "--dark" => o.dark = true,
            "--scale" => {
                let v = value("--scale")?;
                o.scale =
                    v.parse().ok().filter(|s| (1..=8).contains(s)).ok_or_else(|| format!("--scale {v:?}: 1–8"))?;
            }
            "--target" => {
                let v = value("--target")?;
                o.target = match v.as_str() {
                    "none" => None,
                    _ => Some(
                        v.parse::<f64>()
                            .ok()
                            .filter(|t| (-100.0..=100.0).contains(t))
                            .ok_or_else(|| format!("--target {v:?}: a number −100..100 or none"))?,
                    ),
                };
            }
            "-h" | "--help" => return Err(String::new()),
            _ if a.starts_with('-') && a != "-" => return Err(format!("unknown option {a}")),
            _ if o.input.is_none() => o.input = Some(a),
            _ => return Err(format!("unexpected argument {a}")),
        }
    }
    Ok(o)
}

/// Draws `tally` at 1:1 and returns the canvas.
fn render(tally: &NpsTally, o: &Options) -> Canvas {
    let theme: Theme<'_, Rgb888> = if o.dark { Theme::dark() } else { Theme::light() };
    let theme = theme.with_lang(o.lang).with_fonts(&FONT_10X20, &FONT_6X13);
    let background = theme.background.unwrap_or(Rgb888::WHITE);
    // WIDTH × HEIGHT is small and fixed, so the canvas always fits.
    let mut canvas = Canvas::new(WIDTH, HEIGHT, background).expect("a 480 × 300 canvas fits in memory");
    let bounds = Rectangle::new(Point::new(8, 8), Size::new(WIDTH - 16, HEIGHT - 16));
    let Ok(()) = NpsSummaryView::new(tally, bounds, theme).with_target(o.target).draw(&mut canvas);
    canvas
}

/// Nearest-neighbour upscaling of packed RGB rows.
fn upscale(rgb: &[u8], width: u32, scale: u32) -> Vec<u8> {
    let (w, s) = (width as usize, scale as usize);
    let mut out = Vec::with_capacity(rgb.len() * s * s);
    for row in rgb.chunks_exact(w * 3) {
        let wide: Vec<u8> = row.chunks_exact(3).flat_map(|px| px.repeat(s)).collect();
        for _ in 0..s {
            out.extend_from_slice(&wide);
        }
    }
    out
}

fn write_png(path: &str, rgb: &[u8], width: u32, height: u32) -> Result<(), String> {
    let file = File::create(path).map_err(|e| format!("{path}: {e}"))?;
    let mut encoder = png::Encoder::new(BufWriter::new(file), width, height);
    encoder.set_color(png::ColorType::Rgb);
    encoder.set_depth(png::BitDepth::Eight);
    let mut writer = encoder.write_header().map_err(|e| format!("{path}: {e}"))?;
    writer.write_image_data(rgb).map_err(|e| format!("{path}: {e}"))?;
    writer.finish().map_err(|e| format!("{path}: {e}"))
}

fn main() -> ExitCode {
    let o = match parse_args(std::env::args().skip(1)) {
        Ok(o) => o,
        Err(e) => {
            if !e.is_empty() {
                eprintln!("gauge_png: {e}");
            }
            eprintln!("usage: gauge_png [CSV|-] [-o FILE] [--lang sv|en] [--dark] [--scale N] [--target T|none]");
            return ExitCode::from(2);
        }
    };
    let tally = match &o.input {
        None => sample_tally(),
        Some(path) => match open_input(Some(path)).and_then(read_scores) {
            Ok(file) => {
                if file.bad_total > 0 {
                    eprintln!("gauge_png: skipped {} bad rows (run nps_report for details)", file.bad_total);
                }
                file.tally
            }
            Err(e) => {
                eprintln!("gauge_png: {path}: {e}");
                return ExitCode::FAILURE;
            }
        },
    };
    let canvas = render(&tally, &o);
    let rgb = upscale(canvas.as_rgb_bytes(), WIDTH, o.scale);
    if let Err(e) = write_png(&o.out, &rgb, WIDTH * o.scale, HEIGHT * o.scale) {
        eprintln!("gauge_png: {e}");
        return ExitCode::FAILURE;
    }
    println!("wrote {} ({}×{}, n = {})", o.out, WIDTH * o.scale, HEIGHT * o.scale, tally.n());
    ExitCode::SUCCESS
}

#[cfg(test)]
mod tests {
    use super::*;

    fn options() -> Options {
        parse_args(std::iter::empty()).unwrap()
    }

    #[test]
    fn renders_sample_and_empty_tallies() {
        for tally in [sample_tally(), NpsTally::new()] {
            let canvas = render(&tally, &options());
            assert_eq!(canvas.as_rgb_bytes().len(), (WIDTH * HEIGHT * 3) as usize);
        }
    }

    #[test]
    fn upscale_repeats_pixels() {
        let rgb = [1, 2, 3, 4, 5, 6];
        assert_eq!(upscale(&rgb, 2, 2), [1, 2, 3, 1, 2, 3, 4, 5, 6, 4, 5, 6, 1, 2, 3, 1, 2, 3, 4, 5, 6, 4, 5, 6]);
    }

    #[test]
    fn options_are_checked() {
        let args = |a: &[&str]| parse_args(a.iter().map(|s| s.to_string()));
        assert!(args(&["--scale", "0"]).is_err());
        assert!(args(&["--lang", "fi"]).is_err());
        assert!(args(&["--target"]).is_err());
        let o = args(&["x.csv", "-o", "y.png", "--target", "none", "--lang", "en"]).unwrap();
        assert_eq!((o.input.as_deref(), o.out.as_str(), o.target, o.lang), (Some("x.csv"), "y.png", None, Lang::En));
    }
}

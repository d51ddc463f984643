//! embedded-graphics drawables: an NPS gauge and a 0–10 score histogram.
//!
//! Everything here draws into any [`DrawTarget`]: an Rgb565 SPI display on a microcontroller,
//! the Rgb888 [`Canvas`] the kiosk and the PNG writers share (features `graphics` + `alloc`),
//! or embedded-graphics' `MockDisplay` in tests. No allocation; text uses the ISO 8859-1 mono
//! fonts, so Swedish å, ä and ö render.
//!
//! - [`NpsGauge`]: the NPS in large type ("NPS 86.4"), n, the adjusted-Wald 95 % interval as a
//!   band on a −100..100 scale, the target as a labelled line, and whether the target is met.
//!   An empty tally shows "inga svar" / "no answers", never a fake 0; fewer than
//!   [`SMALL_SAMPLE`](crate::stats::SMALL_SAMPLE) answers add a "small sample" warning.
//! - [`ScoreHistogram`]: one bar per score 0–10, coloured by category, scaled to the tallest
//!   bar, with counts above the bars, the scores below and the category names under their
//!   groups (so the chart does not rely on colour alone).
//! - [`NpsSummaryView`]: the two stacked in one box.
//!
//! Each takes a bounding [`Rectangle`] and a [`Theme`] (colours, fonts, language) and draws
//! nothing outside the box: drawing goes through a clipped target.
//!
//! ```
//! # #[cfg(feature = "alloc")] {
//! use embedded_graphics::pixelcolor::Rgb888;
//! use embedded_graphics::prelude::*;
//! use embedded_graphics::primitives::Rectangle;
//! use rekry_core::graphics::{Canvas, NpsGauge, ScoreHistogram, Theme};
//! use rekry_core::nps::NpsTally;
//!
//! let tally = NpsTally::from_counts([1, 0, 0, 0, 0, 0, 1, 5, 8, 50, 60]);
//! let theme: Theme<'_, Rgb888> = Theme::light();
//! let mut canvas = Canvas::new(320, 240, Rgb888::WHITE).unwrap();
//!
//! let top = Rectangle::new(Point::zero(), Size::new(320, NpsGauge::preferred_height(&theme)));
//! NpsGauge::new(tally.summary(), top, theme).with_target(Some(70.0)).draw(&mut canvas).unwrap();
//!
//! let rest = Rectangle::new(Point::new(0, 100), Size::new(320, 140));
//! let histogram = ScoreHistogram::new(&tally, rest, theme);
//! histogram.draw(&mut canvas).unwrap();
//!
//! // The score-10 bar is the tallest and is drawn in the promoter colour.
//! let bar = histogram.bar(rekry_core::nps::Score::MAX).unwrap();
//! assert_eq!(canvas.pixel(bar.center()), Some(theme.promoter));
//! assert_eq!(canvas.as_rgb_bytes().len(), 320 * 240 * 3);
//! # }
//! ```
//!
//! On a microcontroller the same drawables take an Rgb565 theme:
//!
//! ```
//! use embedded_graphics::pixelcolor::Rgb565;
//! use rekry_core::graphics::Theme;
//! let theme: Theme<'_, Rgb565> = Theme::dark();
//! # let _ = theme;
//! ```

use core::fmt::Write as _;

use embedded_graphics::mono_font::iso_8859_1::{FONT_6X10, FONT_10X20};
use embedded_graphics::mono_font::{MonoFont, MonoTextStyle};
use embedded_graphics::pixelcolor::{PixelColor, Rgb888};
use embedded_graphics::prelude::*;
use embedded_graphics::primitives::{Line, PrimitiveStyle, Rectangle};
use embedded_graphics::text::{Alignment, Baseline, Text as EgText, TextStyleBuilder};

use crate::indicators::TARGETS;
use crate::nps::{Category, NpsSummary, NpsTally, Score};
use crate::stats::{Sample, TargetStatus};
use crate::text::{Lang, Text};

/// Colours, fonts and language shared by the drawables.
///
/// `C` is the display's colour type. [`Theme::light`] and [`Theme::dark`] work for any colour
/// that converts from [`Rgb888`] (Rgb565, Rgb888, Bgr565, grey scales …); for anything else
/// fill the fields yourself.
///
/// The category colours follow the Okabe–Ito palette, which stays distinguishable with the
/// common colour-vision deficiencies; the light theme darkens them so every bar has at least
/// 3:1 contrast against white (WCAG 1.4.11), and text has at least 4.5:1. Categories are also
/// named under the histogram, so colour is never the only cue.
#[derive(Debug, Clone, Copy)]
pub struct Theme<'a, C> {
    /// Fills the bounding box first; `None` draws over what is there.
    pub background: Option<C>,
    /// Values, counts and labels.
    pub text: C,
    /// Secondary text: axis labels, "no answers".
    pub muted: C,
    /// The −100..100 track and the histogram axis.
    pub track: C,
    /// The 95 % interval band.
    pub band: C,
    /// The target line and its label.
    pub target: C,
    /// "Small sample" and "target missed".
    pub warning: C,
    /// Bars for scores 0–6.
    pub detractor: C,
    /// Bars for scores 7–8.
    pub passive: C,
    /// Bars for scores 9–10.
    pub promoter: C,
    /// The NPS value.
    pub value_font: &'a MonoFont<'a>,
    /// Every other text.
    pub label_font: &'a MonoFont<'a>,
    /// The language of the labels.
    pub lang: Lang,
}

impl<C: PixelColor + From<Rgb888>> Theme<'static, C> {
    /// Dark text on white; 10×20 value font, 6×10 labels, Swedish labels.
    pub fn light() -> Self {
        Theme {
            background: Some(rgb(0xFFFFFF)),
            text: rgb(0x1A1A1A),
            muted: rgb(0x595959),
            track: rgb(0xD9D9D9),
            band: rgb(0x0072B2),
            target: rgb(0xA9437F),
            warning: rgb(0x8A5A00),
            detractor: rgb(0xD55E00),
            passive: rgb(0xB87A00),
            promoter: rgb(0x009E73),
            value_font: &FONT_10X20,
            label_font: &FONT_6X10,
            lang: Lang::Sv,
        }
    }

    /// Light text on near-black, for kiosks in dim halls; same fonts as [`light`](Self::light).
    pub fn dark() -> Self {
        Theme {
            background: Some(rgb(0x121820)),
            text: rgb(0xF2F2F2),
            muted: rgb(0xA6A6A6),
            track: rgb(0x3A4048),
            band: rgb(0x56B4E9),
            target: rgb(0xF0E442),
            warning: rgb(0xF0B400),
            detractor: rgb(0xD55E00),
            passive: rgb(0xE69F00),
            promoter: rgb(0x009E73),
            value_font: &FONT_10X20,
            label_font: &FONT_6X10,
            lang: Lang::Sv,
        }
    }
}

impl<C: PixelColor + From<Rgb888>> Default for Theme<'static, C> {
    fn default() -> Self {
        Theme::light()
    }
}

impl<'a, C: PixelColor> Theme<'a, C> {
    /// The bar colour of a category.
    pub fn category_color(&self, category: Category) -> C {
        match category {
            Category::Detractor => self.detractor,
            Category::Passive => self.passive,
            Category::Promoter => self.promoter,
        }
    }

    /// The same theme with labels in `lang`.
    pub fn with_lang(mut self, lang: Lang) -> Self {
        self.lang = lang;
        self
    }

    /// The same theme with other fonts.
    pub fn with_fonts(mut self, value_font: &'a MonoFont<'a>, label_font: &'a MonoFont<'a>) -> Self {
        self.value_font = value_font;
        self.label_font = label_font;
        self
    }
}

fn rgb<C: From<Rgb888>>(hex: u32) -> C {
    let [_, r, g, b] = hex.to_be_bytes();
    C::from(Rgb888::new(r, g, b))
}

const NO_ANSWERS: Text = Text::new("inga svar", "no answers");
const SMALL: Text = Text::new("litet urval (n < 30)", "small sample (n < 30)");
const TARGET: Text = Text::new("mål", "target");
const INTERVAL: Text = Text::new("95 %-intervall:", "95 % interval:");
const TO: Text = Text::new("till", "to");

/// Padding inside the bounding box, in pixels.
const PAD: i32 = 4;

/// Short texts (numbers, labels) are formatted into this without allocation; anything longer
/// is cut, never a panic.
type Line64 = heapless::String<64>;

fn line(args: core::fmt::Arguments<'_>) -> Line64 {
    let mut s = Line64::new();
    // A full buffer only truncates the label.
    let _ = s.write_fmt(args);
    s
}

fn text_width(font: &MonoFont<'_>, s: &str) -> i32 {
    let advance = font.character_size.width + font.character_spacing;
    to_i32(u64::from(advance) * s.chars().count() as u64)
}

fn to_i32(x: u64) -> i32 {
    i32::try_from(x).unwrap_or(i32::MAX)
}

fn height(font: &MonoFont<'_>) -> i32 {
    to_i32(u64::from(font.character_size.height))
}

/// Rounds to the nearest integer, halves away from zero, saturating; NaN gives 0.
fn round_i32(x: f64) -> i32 {
    let r = libm::round(x);
    if r.is_nan() {
        0
    } else if r >= f64::from(i32::MAX) {
        i32::MAX
    } else if r <= f64::from(i32::MIN) {
        i32::MIN
    } else {
        r as i32
    }
}

/// Draws `s` with its top edge at `y`, aligned at `x`.
fn draw_text<D: DrawTarget>(
    target: &mut D,
    s: &str,
    x: i32,
    y: i32,
    font: &MonoFont<'_>,
    color: D::Color,
    alignment: Alignment,
) -> Result<(), D::Error> {
    let style = MonoTextStyle::new(font, color);
    let layout = TextStyleBuilder::new().alignment(alignment).baseline(Baseline::Top).build();
    EgText::with_text_style(s, Point::new(x, y), style, layout).draw(target)?;
    Ok(())
}

fn fill<D: DrawTarget>(target: &mut D, area: Rectangle, color: D::Color) -> Result<(), D::Error> {
    area.into_styled(PrimitiveStyle::with_fill(color)).draw(target)
}

/// A rectangle spanning columns `x0..=x1` and rows `y0..=y1` (empty when reversed).
fn span(x0: i32, y0: i32, x1: i32, y1: i32) -> Rectangle {
    if x1 < x0 || y1 < y0 {
        return Rectangle::new(Point::new(x0, y0), Size::zero());
    }
    let w = u32::try_from(i64::from(x1) - i64::from(x0) + 1).unwrap_or(u32::MAX);
    let h = u32::try_from(i64::from(y1) - i64::from(y0) + 1).unwrap_or(u32::MAX);
    Rectangle::new(Point::new(x0, y0), Size::new(w, h))
}

fn bounds_right(b: &Rectangle) -> i32 {
    b.top_left.x.saturating_add(to_i32(u64::from(b.size.width))).saturating_sub(1)
}

fn bounds_bottom(b: &Rectangle) -> i32 {
    b.top_left.y.saturating_add(to_i32(u64::from(b.size.height))).saturating_sub(1)
}

/// The NPS as a gauge: value, n, 95 % interval band on a −100..100 scale and the target line.
///
/// The interval is the adjusted-Wald one ([`NpsTally::interval95`]), the one the target
/// status is judged on, so the band and the "met / missed / undecided" text always agree.
/// The layout needs [`preferred_height`](Self::preferred_height) pixels; a smaller box clips
/// the lower rows.
#[derive(Debug, Clone, Copy)]
pub struct NpsGauge<'a, C> {
    summary: NpsSummary,
    target: Option<f64>,
    bounds: Rectangle,
    theme: Theme<'a, C>,
}

/// Rows and columns of a gauge, computed once per draw.
#[derive(Debug, Clone, Copy)]
struct GaugeLayout {
    left: i32,
    right: i32,
    value_top: i32,
    info_top: i32,
    target_label_top: i32,
    track_top: i32,
    track_bottom: i32,
    tick_label_top: i32,
    scale_left: i32,
    scale_right: i32,
}

impl GaugeLayout {
    fn of<C>(bounds: &Rectangle, theme: &Theme<'_, C>) -> GaugeLayout {
        let lh = height(theme.label_font);
        let vh = height(theme.value_font);
        let left = bounds.top_left.x.saturating_add(PAD);
        let right = bounds_right(bounds).saturating_sub(PAD);
        let value_top = bounds.top_left.y.saturating_add(PAD);
        // Below the big value and the two small lines (n, target status) beside it.
        let info_top = value_top.saturating_add((vh + 4).max(2 * lh + 6));
        let target_label_top = info_top.saturating_add(lh + 6);
        let track_top = target_label_top.saturating_add(lh + 4);
        let track_bottom = track_top.saturating_add((lh * 3 / 4).max(6) - 1);
        let tick_label_top = track_bottom.saturating_add(5);
        // Half of "-100" overhangs each end of the scale; keep it inside the box.
        let overhang = text_width(theme.label_font, "-100") / 2;
        GaugeLayout {
            left,
            right,
            value_top,
            info_top,
            target_label_top,
            track_top,
            track_bottom,
            tick_label_top,
            scale_left: left.saturating_add(overhang),
            scale_right: right.saturating_sub(overhang),
        }
    }

    fn x_of(&self, value: f64) -> i32 {
        let v = if value.is_nan() { 0.0 } else { value.clamp(-100.0, 100.0) };
        let width = f64::from(self.scale_right) - f64::from(self.scale_left);
        self.scale_left.saturating_add(round_i32((v + 100.0) / 200.0 * width))
    }
}

impl<'a, C: PixelColor> NpsGauge<'a, C> {
    /// A gauge of `summary` in `bounds`, with the unit's NPS target (70) drawn.
    pub fn new(summary: NpsSummary, bounds: Rectangle, theme: Theme<'a, C>) -> Self {
        NpsGauge { summary, target: Some(TARGETS[0].threshold), bounds, theme }
    }

    /// A gauge of a tally's [`summary`](NpsTally::summary).
    pub fn of_tally(tally: &NpsTally, bounds: Rectangle, theme: Theme<'a, C>) -> Self {
        NpsGauge::new(tally.summary(), bounds, theme)
    }

    /// Draws `target` (NPS points) as a labelled line, or no target with `None`.
    pub fn with_target(mut self, target: Option<f64>) -> Self {
        self.target = target.filter(|t| t.is_finite());
        self
    }

    /// The bounding box.
    pub fn bounds(&self) -> Rectangle {
        self.bounds
    }

    /// The height the gauge's rows need with `theme`'s fonts.
    pub fn preferred_height(theme: &Theme<'_, C>) -> u32 {
        let origin = Rectangle::new(Point::zero(), Size::zero());
        let l = GaugeLayout::of(&origin, theme);
        let bottom = l.tick_label_top.saturating_add(height(theme.label_font)).saturating_add(PAD);
        u32::try_from(bottom).unwrap_or(0)
    }

    /// The column at which an NPS `value` (clamped to −100..=100) is drawn on the scale.
    ///
    /// The scale runs from −100 at its left end to 100 at its right end, linearly, rounded
    /// to the nearest pixel; tests and touch handlers use this to find the target line.
    pub fn scale_x(&self, value: f64) -> i32 {
        GaugeLayout::of(&self.bounds, &self.theme).x_of(value)
    }

    /// The rows the −100..100 track occupies (top and bottom, inclusive).
    pub fn track_rows(&self) -> (i32, i32) {
        let l = GaugeLayout::of(&self.bounds, &self.theme);
        (l.track_top, l.track_bottom)
    }

    fn status_text(&self) -> Option<(Line64, C)> {
        let target = self.target?;
        let th = &self.theme;
        let status = TargetStatus::judge(self.summary.interval95, target);
        let color = if status == TargetStatus::Missed { th.warning } else { th.text };
        Some((line(format_args!("{} {}: {}", TARGET.get(th.lang), Num(target), status.text().get(th.lang))), color))
    }
}

/// Formats a target or tick as an integer when it is one, else to one decimal.
struct Num(f64);

impl core::fmt::Display for Num {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        if libm::fabs(self.0 - libm::round(self.0)) < 1e-9 && libm::fabs(self.0) < 1e9 {
            write!(f, "{}", self.0 as i64)
        } else {
            write!(f, "{:.1}", self.0)
        }
    }
}

impl<C: PixelColor> Drawable for NpsGauge<'_, C> {
    type Color = C;
    type Output = ();

    fn draw<D: DrawTarget<Color = C>>(&self, target: &mut D) -> Result<(), D::Error> {
        let mut t = target.clipped(&self.bounds);
        let th = &self.theme;
        let l = GaugeLayout::of(&self.bounds, th);
        let s = &self.summary;
        if let Some(bg) = th.background {
            fill(&mut t, self.bounds, bg)?;
        }

        // Row 1: "NPS 86.4" (or "NPS" and "no answers"), with n and the target status on the
        // right.
        draw_text(&mut t, "NPS", l.left, l.value_top, th.value_font, th.text, Alignment::Left)?;
        let after_label = l.left.saturating_add(text_width(th.value_font, "NPS "));
        match s.nps {
            Some(nps) => {
                let v = line(format_args!("{nps}"));
                draw_text(&mut t, &v, after_label, l.value_top, th.value_font, th.text, Alignment::Left)?;
            }
            None => {
                let v = NO_ANSWERS.get(th.lang);
                draw_text(&mut t, v, after_label, l.value_top, th.value_font, th.muted, Alignment::Left)?;
            }
        }
        let n = line(format_args!("n = {}", s.n));
        draw_text(&mut t, &n, l.right, l.value_top, th.label_font, th.text, Alignment::Right)?;
        if let Some((status, color)) = self.status_text() {
            let y = l.value_top.saturating_add(height(th.label_font) + 2);
            draw_text(&mut t, &status, l.right, y, th.label_font, color, Alignment::Right)?;
        }

        // Row 2: the interval in numbers, and the small-sample warning.
        if let Some(ci) = s.interval95 {
            let lang = th.lang;
            let txt = line(format_args!("{} {:.1} {} {:.1}", INTERVAL.get(lang), ci.low, TO.get(lang), ci.high));
            draw_text(&mut t, &txt, l.left, l.info_top, th.label_font, th.text, Alignment::Left)?;
        }
        if s.sample == Sample::Small {
            draw_text(&mut t, SMALL.get(th.lang), l.right, l.info_top, th.label_font, th.warning, Alignment::Right)?;
        }

        // The track, the interval band on it and the point estimate.
        fill(&mut t, span(l.scale_left, l.track_top, l.scale_right, l.track_bottom), th.track)?;
        if let (Some(ci), Some(nps)) = (s.interval95, s.nps) {
            let (x0, x1) = (l.x_of(ci.low), l.x_of(ci.high));
            fill(&mut t, span(x0, l.track_top, x1, l.track_bottom), th.band)?;
            // The estimate: a 2-px tick in the text colour, as tall as the track, so it reads
            // as part of the band and not as the (taller, labelled) target line.
            let x = l.x_of(nps.value());
            fill(&mut t, span(x, l.track_top, x.saturating_add(1), l.track_bottom), th.text)?;
        }

        // Ticks and their labels at −100, −50, 0, 50, 100.
        for v in [-100i32, -50, 0, 50, 100] {
            let x = l.x_of(f64::from(v));
            fill(&mut t, span(x, l.track_bottom.saturating_add(1), x, l.track_bottom.saturating_add(3)), th.muted)?;
            let label = line(format_args!("{v}"));
            draw_text(&mut t, &label, x, l.tick_label_top, th.label_font, th.muted, Alignment::Center)?;
        }

        // The target: a 2-px line reaching above and below the track, labelled above it.
        if let Some(target) = self.target {
            let x = l.x_of(target);
            let top = l.track_top.saturating_sub(3);
            let bottom = l.track_bottom.saturating_add(3);
            fill(&mut t, span(x, top, x.saturating_add(1), bottom), th.target)?;
            let label = line(format_args!("{} {}", TARGET.get(th.lang), Num(target)));
            // Keep the label inside the box when the target is near an end of the scale.
            let half = text_width(th.label_font, &label) / 2;
            let cx =
                x.clamp(l.left.saturating_add(half), l.right.saturating_sub(half).max(l.left.saturating_add(half)));
            draw_text(&mut t, &label, cx, l.target_label_top, th.label_font, th.target, Alignment::Center)?;
        }
        Ok(())
    }
}

/// Bars for the scores 0–10, coloured by category and scaled to the tallest bar.
///
/// Bar heights are `round(count · plot_height / max_count)`, at least one pixel for a
/// non-zero count so a single answer is visible. Each count is printed above its bar when it
/// fits the bar's slot. An empty tally draws the axis, the scores and "inga svar" / "no
/// answers", and no bars.
#[derive(Debug, Clone, Copy)]
pub struct ScoreHistogram<'a, C> {
    counts: [u32; 11],
    bounds: Rectangle,
    theme: Theme<'a, C>,
    categories: bool,
}

/// Rows and columns of a histogram.
#[derive(Debug, Clone, Copy)]
struct HistLayout {
    plot_left: i32,
    slot_w: i32,
    gap: i32,
    plot_top: i32,
    axis_y: i32,
    score_top: i32,
    category_top: i32,
}

impl HistLayout {
    fn of<C>(bounds: &Rectangle, theme: &Theme<'_, C>, categories: bool) -> HistLayout {
        let lh = height(theme.label_font);
        let plot_left = bounds.top_left.x.saturating_add(PAD);
        let plot_w = to_i32(u64::from(bounds.size.width)).saturating_sub(2 * PAD).max(0);
        let slot_w = plot_w / 11;
        let bottom = bounds_bottom(bounds).saturating_sub(PAD);
        let category_top = if categories { bottom.saturating_sub(lh + 2) } else { bottom.saturating_add(1) };
        let score_top = category_top.saturating_sub(lh + 2);
        HistLayout {
            // Centre the 11 slots when the width does not divide evenly.
            plot_left: plot_left.saturating_add((plot_w - 11 * slot_w) / 2),
            slot_w,
            gap: (slot_w / 5).max(1),
            plot_top: bounds.top_left.y.saturating_add(PAD + lh + 2),
            axis_y: score_top.saturating_sub(2),
            score_top,
            category_top,
        }
    }

    fn slot_left(&self, score: u8) -> i32 {
        self.plot_left.saturating_add(self.slot_w.saturating_mul(i32::from(score)))
    }

    fn slot_centre(&self, score: u8) -> i32 {
        self.slot_left(score).saturating_add(self.slot_w / 2)
    }

    fn plot_height(&self) -> i32 {
        (self.axis_y - self.plot_top).max(0)
    }
}

impl<'a, C: PixelColor> ScoreHistogram<'a, C> {
    /// A histogram of `tally` in `bounds`.
    pub fn new(tally: &NpsTally, bounds: Rectangle, theme: Theme<'a, C>) -> Self {
        ScoreHistogram { counts: *tally.counts(), bounds, theme, categories: true }
    }

    /// Whether to name the categories under their scores (on by default; off saves a row).
    pub fn with_category_labels(mut self, on: bool) -> Self {
        self.categories = on;
        self
    }

    /// The bounding box.
    pub fn bounds(&self) -> Rectangle {
        self.bounds
    }

    /// The tallest a bar can be, in pixels.
    pub fn max_bar_height(&self) -> u32 {
        u32::try_from(HistLayout::of(&self.bounds, &self.theme, self.categories).plot_height()).unwrap_or(0)
    }

    /// The rectangle `score`'s bar fills, `None` when its count is 0 (no bar is drawn).
    pub fn bar(&self, score: Score) -> Option<Rectangle> {
        let l = HistLayout::of(&self.bounds, &self.theme, self.categories);
        let count = u64::from(self.counts[usize::from(score.value())]);
        let max = self.counts.iter().copied().max().map_or(0, u64::from);
        if count == 0 || max == 0 {
            return None;
        }
        let plot = u64::try_from(l.plot_height()).unwrap_or(0);
        // Integer rounding: count ≤ max ≤ u32::MAX and plot < 2³¹, so the product fits u64.
        let h = ((count * plot + max / 2) / max).max(1);
        let h = i32::try_from(h).unwrap_or(i32::MAX);
        let x0 = l.slot_left(score.value()).saturating_add(l.gap / 2);
        let x1 = x0.saturating_add(l.slot_w - l.gap - 1);
        let y1 = l.axis_y.saturating_sub(1);
        Some(span(x0, y1.saturating_sub(h - 1), x1, y1))
    }
}

impl<C: PixelColor> Drawable for ScoreHistogram<'_, C> {
    type Color = C;
    type Output = ();

    fn draw<D: DrawTarget<Color = C>>(&self, target: &mut D) -> Result<(), D::Error> {
        let mut t = target.clipped(&self.bounds);
        let th = &self.theme;
        let l = HistLayout::of(&self.bounds, th, self.categories);
        if let Some(bg) = th.background {
            fill(&mut t, self.bounds, bg)?;
        }
        let empty = self.counts.iter().all(|&c| c == 0);
        let lh = height(th.label_font);

        for score in Score::all() {
            let v = score.value();
            if let Some(bar) = self.bar(score) {
                fill(&mut t, bar, th.category_color(score.category()))?;
            }
            if !empty {
                // The count sits just above its bar (or the axis), if it fits the slot.
                let count = line(format_args!("{}", self.counts[usize::from(v)]));
                if text_width(th.label_font, &count) <= l.slot_w {
                    let bar_top = self.bar(score).map_or(l.axis_y, |b| b.top_left.y);
                    let y = bar_top.saturating_sub(lh + 1);
                    draw_text(&mut t, &count, l.slot_centre(v), y, th.label_font, th.text, Alignment::Center)?;
                }
            }
            let label = line(format_args!("{v}"));
            draw_text(&mut t, &label, l.slot_centre(v), l.score_top, th.label_font, th.muted, Alignment::Center)?;
        }

        let axis_right = l.slot_left(11).saturating_sub(1);
        Line::new(Point::new(l.plot_left, l.axis_y), Point::new(axis_right, l.axis_y))
            .into_styled(PrimitiveStyle::with_stroke(th.muted, 1))
            .draw(&mut t)?;

        if self.categories {
            for (category, first, last) in
                [(Category::Detractor, 0u8, 6u8), (Category::Passive, 7, 8), (Category::Promoter, 9, 10)]
            {
                let x0 = l.slot_left(first).saturating_add(l.gap / 2);
                let x1 = l.slot_left(last + 1).saturating_sub(l.gap / 2 + 1);
                // A coloured rule under the group ties the name to the bar colour.
                fill(
                    &mut t,
                    span(x0, l.category_top, x1, l.category_top.saturating_add(1)),
                    th.category_color(category),
                )?;
                let name = category.text().get(th.lang);
                if text_width(th.label_font, name) <= x1 - x0 + 1 {
                    let cx = x0 + (x1 - x0) / 2;
                    let y = l.category_top.saturating_add(3);
                    draw_text(&mut t, name, cx, y, th.label_font, th.text, Alignment::Center)?;
                }
            }
        }

        if empty {
            let cx = l.slot_centre(5);
            let cy = l.plot_top.saturating_add(l.plot_height() / 2).saturating_sub(lh / 2);
            draw_text(&mut t, NO_ANSWERS.get(th.lang), cx, cy, th.label_font, th.muted, Alignment::Center)?;
        }
        Ok(())
    }
}

/// An [`NpsGauge`] above a [`ScoreHistogram`] of the same tally, in one box.
///
/// The gauge gets its [`preferred_height`](NpsGauge::preferred_height) (or the whole box
/// when it is shorter) and the histogram the rest.
#[derive(Debug, Clone, Copy)]
pub struct NpsSummaryView<'a, C> {
    gauge: NpsGauge<'a, C>,
    histogram: ScoreHistogram<'a, C>,
}

impl<'a, C: PixelColor> NpsSummaryView<'a, C> {
    /// A summary of `tally` in `bounds`, with the unit's NPS target.
    pub fn new(tally: &NpsTally, bounds: Rectangle, theme: Theme<'a, C>) -> Self {
        let gauge_h = NpsGauge::preferred_height(&theme).min(bounds.size.height);
        let top = Rectangle::new(bounds.top_left, Size::new(bounds.size.width, gauge_h));
        let rest_h = bounds.size.height - gauge_h;
        let rest_y = bounds.top_left.y.saturating_add(to_i32(u64::from(gauge_h)));
        let rest = Rectangle::new(Point::new(bounds.top_left.x, rest_y), Size::new(bounds.size.width, rest_h));
        NpsSummaryView {
            gauge: NpsGauge::of_tally(tally, top, theme),
            histogram: ScoreHistogram::new(tally, rest, theme),
        }
    }

    /// Draws `target` on the gauge, or none.
    pub fn with_target(mut self, target: Option<f64>) -> Self {
        self.gauge = self.gauge.with_target(target);
        self
    }

    /// The gauge part.
    pub fn gauge(&self) -> &NpsGauge<'a, C> {
        &self.gauge
    }

    /// The histogram part.
    pub fn histogram(&self) -> &ScoreHistogram<'a, C> {
        &self.histogram
    }
}

impl<C: PixelColor> Drawable for NpsSummaryView<'_, C> {
    type Color = C;
    type Output = ();

    fn draw<D: DrawTarget<Color = C>>(&self, target: &mut D) -> Result<(), D::Error> {
        self.gauge.draw(target)?;
        self.histogram.draw(target)
    }
}

#[cfg(feature = "alloc")]
pub use canvas::Canvas;

#[cfg(feature = "alloc")]
mod canvas {
    use alloc::vec::Vec;
    use core::convert::Infallible;

    use embedded_graphics::pixelcolor::Rgb888;
    use embedded_graphics::prelude::*;
    use embedded_graphics::primitives::Rectangle;

    /// A heap framebuffer of Rgb888 pixels, stored as packed RGB bytes, row by row.
    ///
    /// The bytes are the layout both a PNG encoder (colour type RGB, 8 bits) and Slint's
    /// `SharedPixelBuffer<Rgb8Pixel>` take, so the kiosk and the `--png` report draw into
    /// the same buffer type. Pixels drawn outside the canvas are ignored.
    #[derive(Debug, Clone, PartialEq, Eq)]
    pub struct Canvas {
        width: u32,
        height: u32,
        bytes: Vec<u8>,
    }

    impl Canvas {
        /// A `width` × `height` canvas filled with `background`; `None` when the byte size
        /// does not fit in memory's address space.
        pub fn new(width: u32, height: u32, background: Rgb888) -> Option<Canvas> {
            let len = usize::try_from(width).ok()?.checked_mul(usize::try_from(height).ok()?)?.checked_mul(3)?;
            let mut bytes = Vec::new();
            bytes.try_reserve_exact(len).ok()?;
            for _ in 0..len / 3 {
                bytes.extend_from_slice(&[background.r(), background.g(), background.b()]);
            }
            Some(Canvas { width, height, bytes })
        }

        /// Width in pixels.
        pub fn width(&self) -> u32 {
            self.width
        }

        /// Height in pixels.
        pub fn height(&self) -> u32 {
            self.height
        }

        fn index(&self, p: Point) -> Option<usize> {
            let x = u32::try_from(p.x).ok().filter(|&x| x < self.width)?;
            let y = u32::try_from(p.y).ok().filter(|&y| y < self.height)?;
            let i = (y as usize).checked_mul(self.width as usize)?.checked_add(x as usize)?;
            i.checked_mul(3)
        }

        /// The pixel at `p`, `None` outside the canvas.
        pub fn pixel(&self, p: Point) -> Option<Rgb888> {
            let i = self.index(p)?;
            let px = self.bytes.get(i..i + 3)?;
            Some(Rgb888::new(px[0], px[1], px[2]))
        }

        /// The pixels as packed RGB bytes, row by row from the top left.
        pub fn as_rgb_bytes(&self) -> &[u8] {
            &self.bytes
        }

        /// The bytes, consuming the canvas.
        pub fn into_rgb_bytes(self) -> Vec<u8> {
            self.bytes
        }
    }

    impl OriginDimensions for Canvas {
        fn size(&self) -> Size {
            Size::new(self.width, self.height)
        }
    }

    impl DrawTarget for Canvas {
        type Color = Rgb888;
        type Error = Infallible;

        fn draw_iter<I>(&mut self, pixels: I) -> Result<(), Infallible>
        where
            I: IntoIterator<Item = Pixel<Rgb888>>,
        {
            for Pixel(p, c) in pixels {
                if let Some(i) = self.index(p)
                    && let Some(px) = self.bytes.get_mut(i..i + 3)
                {
                    px.copy_from_slice(&[c.r(), c.g(), c.b()]);
                }
            }
            Ok(())
        }

        fn fill_solid(&mut self, area: &Rectangle, color: Rgb888) -> Result<(), Infallible> {
            // Row slices instead of pixel by pixel: backgrounds and bars are most of a frame.
            let area = area.intersection(&self.bounding_box());
            let Some(bottom_right) = area.bottom_right() else { return Ok(()) };
            let rgb = [color.r(), color.g(), color.b()];
            for y in area.top_left.y..=bottom_right.y {
                let (Some(a), Some(b)) =
                    (self.index(Point::new(area.top_left.x, y)), self.index(Point::new(bottom_right.x, y)))
                else {
                    continue;
                };
                if let Some(row) = self.bytes.get_mut(a..b + 3) {
                    for px in row.chunks_exact_mut(3) {
                        px.copy_from_slice(&rgb);
                    }
                }
            }
            Ok(())
        }
    }
}

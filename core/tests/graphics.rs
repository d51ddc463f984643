//! Pixel tests for the embedded-graphics drawables.
#![cfg(feature = "graphics")]

use std::convert::Infallible;

use embedded_graphics::mock_display::MockDisplay;
use embedded_graphics::mono_font::MonoTextStyle;
use embedded_graphics::pixelcolor::{Rgb565, Rgb888};
use embedded_graphics::prelude::*;
use embedded_graphics::primitives::Rectangle;
use embedded_graphics::text::{Baseline, Text};
use rekry_core::Lang;
use rekry_core::graphics::{NpsGauge, NpsSummaryView, ScoreHistogram, Theme};
use rekry_core::nps::{Category, NpsTally, Score};

/// A framebuffer that remembers which pixels were drawn and counts those outside `allowed`.
struct Checked {
    size: Size,
    pixels: Vec<Option<Rgb888>>,
    allowed: Rectangle,
    outside: usize,
}

impl Checked {
    fn new(width: u32, height: u32, allowed: Rectangle) -> Checked {
        Checked { size: Size::new(width, height), pixels: vec![None; (width * height) as usize], allowed, outside: 0 }
    }

    fn at(&self, x: i32, y: i32) -> Option<Rgb888> {
        if x < 0 || y < 0 || x as u32 >= self.size.width || y as u32 >= self.size.height {
            return None;
        }
        self.pixels[(y as u32 * self.size.width + x as u32) as usize]
    }

    fn count_in(&self, area: Rectangle, color: Rgb888) -> usize {
        area.points().filter(|p| self.at(p.x, p.y) == Some(color)).count()
    }

    fn region(&self, area: Rectangle) -> Vec<Option<Rgb888>> {
        area.points().map(|p| self.at(p.x, p.y)).collect()
    }
}

impl OriginDimensions for Checked {
    fn size(&self) -> Size {
        self.size
    }
}

impl DrawTarget for Checked {
    type Color = Rgb888;
    type Error = Infallible;

    fn draw_iter<I: IntoIterator<Item = Pixel<Rgb888>>>(&mut self, pixels: I) -> Result<(), Infallible> {
        for Pixel(p, c) in pixels {
            if !self.allowed.contains(p) {
                self.outside += 1;
            }
            if p.x >= 0 && p.y >= 0 && (p.x as u32) < self.size.width && (p.y as u32) < self.size.height {
                self.pixels[(p.y as u32 * self.size.width + p.x as u32) as usize] = Some(c);
            }
        }
        Ok(())
    }
}

fn theme() -> Theme<'static, Rgb888> {
    Theme::light()
}

fn rect(x: i32, y: i32, w: u32, h: u32) -> Rectangle {
    Rectangle::new(Point::new(x, y), Size::new(w, h))
}

fn s(v: u8) -> Score {
    Score::new(v).unwrap()
}

#[test]
fn bar_heights_are_proportional_to_counts() {
    let tally = NpsTally::from_counts([1, 0, 0, 0, 0, 0, 2, 0, 4, 0, 8]);
    let bounds = rect(10, 10, 341, 200);
    let h = ScoreHistogram::new(&tally, bounds, theme());
    let mut fb = Checked::new(400, 240, bounds);
    h.draw(&mut fb).unwrap();

    let max = h.max_bar_height();
    assert!(max > 100, "plot height {max}");
    let height = |v: u8| h.bar(s(v)).map(|b| b.size.height);
    assert_eq!(height(10), Some(max), "the tallest bar fills the plot");
    for (v, count) in [(0u8, 1u32), (6, 2), (8, 4)] {
        let expected = (u64::from(count) * u64::from(max) + 4) / 8;
        assert_eq!(height(v), Some(expected as u32), "score {v}");
    }
    for v in [1, 2, 3, 4, 5, 7, 9] {
        assert_eq!(h.bar(s(v)), None, "no bar for a zero count at {v}");
    }
    // The pixels agree: a column through each bar holds exactly its height in its colour,
    // and all bars stand on the same baseline.
    let th = theme();
    let base = h.bar(s(10)).unwrap().bottom_right().unwrap().y;
    for v in [0u8, 6, 8, 10] {
        let bar = h.bar(s(v)).unwrap();
        assert_eq!(bar.bottom_right().unwrap().y, base);
        // Rows above the baseline only: the category rules below the scores share the colours.
        let column = rect(bar.center().x, bounds.top_left.y, 1, (base - bounds.top_left.y + 1) as u32);
        let color = th.category_color(s(v).category());
        assert_eq!(fb.count_in(column, color), bar.size.height as usize, "score {v}");
    }
    assert_eq!(fb.outside, 0);
}

#[test]
fn bars_are_coloured_by_category() {
    let tally = NpsTally::from_counts([3, 1, 1, 1, 1, 1, 1, 5, 5, 9, 9]);
    let bounds = rect(0, 0, 400, 220);
    let th = theme();
    let h = ScoreHistogram::new(&tally, bounds, th);
    let mut fb = Checked::new(400, 220, bounds);
    h.draw(&mut fb).unwrap();
    for score in Score::all() {
        let bar = h.bar(score).unwrap();
        let expected = match score.value() {
            0..=6 => th.detractor,
            7..=8 => th.passive,
            _ => th.promoter,
        };
        assert_eq!(th.category_color(score.category()), expected);
        assert_eq!(fb.count_in(bar, expected) as u32, bar.size.width * bar.size.height, "score {score}");
    }
    // Three distinct colours, none equal to the text or background.
    let colours = [th.detractor, th.passive, th.promoter];
    assert!(colours.iter().all(|c| *c != th.text && Some(*c) != th.background));
    assert!(colours[0] != colours[1] && colours[1] != colours[2] && colours[0] != colours[2]);
}

#[test]
fn a_single_answer_is_still_visible() {
    let tally = NpsTally::from_counts([0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 100_000]);
    let h = ScoreHistogram::new(&tally, rect(0, 0, 300, 120), theme());
    assert_eq!(h.bar(s(3)).map(|b| b.size.height), Some(1));
}

#[test]
fn empty_tally_draws_no_bars_and_says_no_answers() {
    let bounds = rect(5, 5, 330, 160);
    let th = theme();
    let h = ScoreHistogram::new(&NpsTally::new(), bounds, th).with_category_labels(false);
    let mut fb = Checked::new(340, 170, bounds);
    h.draw(&mut fb).unwrap();
    assert!(Score::all().all(|v| h.bar(v).is_none()));
    for c in [th.detractor, th.passive, th.promoter] {
        assert_eq!(fb.count_in(bounds, c), 0, "no bar pixels");
    }
    // The message is drawn in the middle of the plot, in the muted colour.
    let middle = rect(bounds.top_left.x, bounds.top_left.y + 40, bounds.size.width, 60);
    assert!(fb.count_in(middle, th.muted) > 20);
    assert_eq!(fb.outside, 0);
}

#[test]
fn target_line_is_drawn_at_the_right_column() {
    let th = theme();
    let tally = NpsTally::from_counts([1, 0, 0, 0, 0, 0, 1, 5, 8, 50, 60]);
    let bounds = rect(10, 5, 300, 100);
    let gauge = NpsGauge::new(tally.summary(), bounds, th).with_target(Some(70.0));
    // Box 10..=309, padding 4, half of "-100" (4 × 6 px / 2 = 12 px) at each end:
    // the scale runs from x = 26 (−100) to x = 293 (100), so 70 is at 26 + 170/200 · 267.
    assert_eq!(gauge.scale_x(-100.0), 26);
    assert_eq!(gauge.scale_x(100.0), 293);
    assert_eq!(gauge.scale_x(0.0), 26 + 134);
    assert_eq!(gauge.scale_x(70.0), 253);
    assert_eq!(gauge.scale_x(1e9), 293, "clamped to the scale");

    let mut fb = Checked::new(320, 110, bounds);
    gauge.draw(&mut fb).unwrap();
    let (top, bottom) = gauge.track_rows();
    // Two pixels wide, through the whole track and beyond it.
    for x in [253, 254] {
        let column = rect(x, top - 3, 1, (bottom - top + 7) as u32);
        assert_eq!(fb.count_in(column, th.target), column.size.height as usize, "x = {x}");
    }
    let beside = rect(252, top, 1, (bottom - top + 1) as u32);
    assert_eq!(fb.count_in(beside, th.target), 0);
    // The interval band covers the adjusted-Wald interval exactly (less the point marker).
    let ci = tally.interval95().unwrap();
    let (x0, x1) = (gauge.scale_x(ci.low), gauge.scale_x(ci.high));
    let row = rect(bounds.top_left.x, top, bounds.size.width, 1);
    let band: Vec<i32> = row.points().filter(|p| fb.at(p.x, p.y) == Some(th.band)).map(|p| p.x).collect();
    assert_eq!(band.first(), Some(&x0));
    assert_eq!(band.last(), Some(&x1));
    let marker = gauge.scale_x(tally.nps().unwrap().value());
    assert_eq!(fb.at(marker, top), Some(th.text));
    assert_eq!(fb.outside, 0);
}

#[test]
fn no_target_draws_no_target_colour() {
    let th = theme();
    let bounds = rect(0, 0, 300, 100);
    let gauge = NpsGauge::of_tally(&NpsTally::from_counts([0, 0, 0, 0, 0, 0, 0, 0, 0, 3, 3]), bounds, th);
    let mut fb = Checked::new(300, 100, bounds);
    gauge.with_target(None).draw(&mut fb).unwrap();
    assert_eq!(fb.count_in(bounds, th.target), 0);
    gauge.with_target(Some(f64::NAN)).draw(&mut fb).unwrap();
    assert_eq!(fb.count_in(bounds, th.target), 0);
}

#[test]
fn empty_gauge_says_no_answers_never_zero() {
    let th = theme();
    let bounds = rect(0, 0, 320, 100);
    let value_row = rect(4, 4, 312, 20);

    let mut empty = Checked::new(320, 100, bounds);
    NpsGauge::of_tally(&NpsTally::new(), bounds, th).draw(&mut empty).unwrap();
    // Exactly "NPS" and "inga svar" in the value row, nothing else there.
    let mut expected = Checked::new(320, 100, bounds);
    Rectangle::new(Point::zero(), Size::new(320, 100))
        .into_styled(embedded_graphics::primitives::PrimitiveStyle::with_fill(th.background.unwrap()))
        .draw(&mut expected)
        .unwrap();
    let big = |c| MonoTextStyle::new(th.value_font, c);
    Text::with_baseline("NPS", Point::new(4, 4), big(th.text), Baseline::Top).draw(&mut expected).unwrap();
    Text::with_baseline("inga svar", Point::new(44, 4), big(th.muted), Baseline::Top).draw(&mut expected).unwrap();
    let (right_part, _) = (rect(200, 4, 116, 20), ());
    let left_part = rect(4, 4, 190, 20);
    assert_eq!(empty.region(left_part), expected.region(left_part));
    assert!(empty.count_in(right_part, th.text) > 0, "n = 0 is shown");

    // A real NPS of 0.0 (one promoter, one detractor) looks different.
    let mut zero = Checked::new(320, 100, bounds);
    NpsGauge::of_tally(&NpsTally::from_scores(&[s(10), s(0)]).unwrap(), bounds, th).draw(&mut zero).unwrap();
    assert_ne!(zero.region(value_row), empty.region(value_row));
    // No band and no marker without answers.
    let (top, bottom) = NpsGauge::of_tally(&NpsTally::new(), bounds, th).track_rows();
    let track = rect(0, top, 320, (bottom - top + 1) as u32);
    assert_eq!(empty.count_in(track, th.band), 0);
    assert_eq!(empty.count_in(track, th.text), 0);
    assert!(zero.count_in(track, th.band) > 0);
}

#[test]
fn small_samples_carry_a_warning() {
    let th = theme();
    let bounds = rect(0, 0, 320, 100);
    let draw = |tally: NpsTally| {
        let mut fb = Checked::new(320, 100, bounds);
        NpsGauge::of_tally(&tally, bounds, th).draw(&mut fb).unwrap();
        fb.count_in(bounds, th.warning)
    };
    assert!(draw(NpsTally::from_scores(&[s(10), s(9), s(3)]).unwrap()) > 0);
    assert_eq!(draw(NpsTally::from_counts([1, 0, 0, 0, 0, 0, 1, 5, 8, 50, 60])), 0, "n = 125, target met");
    assert_eq!(draw(NpsTally::new()), 0, "empty is not 'small'");
}

#[test]
fn nothing_is_drawn_outside_the_box() {
    let tallies = [
        NpsTally::new(),
        NpsTally::from_scores(&[s(5)]).unwrap(),
        NpsTally::from_counts([u32::MAX; 11]),
        NpsTally::from_counts([u32::MAX, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1]),
    ];
    let boxes =
        [rect(20, 20, 0, 0), rect(20, 20, 1, 1), rect(20, 20, 13, 9), rect(20, 20, 90, 40), rect(20, 20, 300, 180)];
    for tally in &tallies {
        for b in boxes {
            for lang in Lang::ALL {
                let th = theme().with_lang(lang);
                let mut fb = Checked::new(400, 260, b);
                NpsGauge::of_tally(tally, b, th).with_target(Some(99.9)).draw(&mut fb).unwrap();
                ScoreHistogram::new(tally, b, th).draw(&mut fb).unwrap();
                NpsSummaryView::new(tally, b, th).draw(&mut fb).unwrap();
                assert_eq!(fb.outside, 0, "{tally:?} in {b:?}");
            }
        }
    }
}

#[test]
fn an_rgb565_display_works_too() {
    // MockDisplay panics on any pixel outside its 64 × 64 area.
    let mut display: MockDisplay<Rgb565> = MockDisplay::new();
    display.set_allow_overdraw(true);
    let th: Theme<'_, Rgb565> = Theme::dark();
    let bounds = rect(2, 2, 60, 60);
    let tally = NpsTally::from_counts([1, 0, 0, 0, 0, 2, 0, 3, 0, 0, 4]);
    ScoreHistogram::new(&tally, bounds, th).with_category_labels(false).draw(&mut display).unwrap();
    assert_eq!(display.affected_area(), bounds);
    let bar = ScoreHistogram::new(&tally, bounds, th).with_category_labels(false).bar(s(10)).unwrap();
    assert_eq!(display.get_pixel(bar.center()), Some(th.promoter));
    assert_eq!(th.promoter, Rgb565::from(Rgb888::new(0x00, 0x9E, 0x73)));
}

#[test]
fn summary_view_stacks_gauge_over_histogram() {
    let th = theme();
    let bounds = rect(0, 0, 400, 300);
    let view = NpsSummaryView::new(&NpsTally::from_counts([1, 0, 0, 0, 0, 0, 1, 5, 8, 50, 60]), bounds, th);
    let g = view.gauge().bounds();
    let h = view.histogram().bounds();
    assert_eq!(g.size.height, NpsGauge::preferred_height(&th));
    assert_eq!(h.top_left.y, g.top_left.y + g.size.height as i32);
    assert_eq!(g.size.height + h.size.height, 300);
    assert_eq!(Category::Promoter, s(10).category());
}

#[cfg(feature = "alloc")]
#[test]
fn canvas_holds_packed_rgb() {
    use rekry_core::graphics::Canvas;
    let mut c = Canvas::new(4, 3, Rgb888::new(1, 2, 3)).unwrap();
    assert_eq!(c.as_rgb_bytes().len(), 36);
    c.draw_iter([Pixel(Point::new(1, 2), Rgb888::RED), Pixel(Point::new(9, 9), Rgb888::RED)]).unwrap();
    assert_eq!(c.pixel(Point::new(1, 2)), Some(Rgb888::RED));
    assert_eq!(&c.as_rgb_bytes()[(2 * 4 + 1) * 3..][..3], &[255, 0, 0]);
    assert_eq!(c.pixel(Point::new(4, 0)), None);
    c.fill_solid(&rect(-5, -5, 100, 6), Rgb888::GREEN).unwrap();
    assert!((0..4).all(|x| c.pixel(Point::new(x, 0)) == Some(Rgb888::GREEN)));
    assert_eq!(c.pixel(Point::new(0, 1)), Some(Rgb888::new(1, 2, 3)));
    assert!(Canvas::new(u32::MAX, u32::MAX, Rgb888::BLACK).is_none());
}

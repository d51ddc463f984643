//! Headless rendering with Slint's software renderer, for screenshot tests and benchmarks:
//! no display, no GPU, the same pixels on every machine (the fonts are bundled).

use std::rc::Rc;
use std::time::{Duration, Instant};

use slint::platform::software_renderer::{MinimalSoftwareWindow, RepaintBufferType};
use slint::platform::{Platform, WindowAdapter};
use slint::{PhysicalSize, PlatformError, Rgb8Pixel, SharedPixelBuffer};

struct HeadlessPlatform {
    window: Rc<MinimalSoftwareWindow>,
    start: Instant,
}

impl Platform for HeadlessPlatform {
    fn create_window_adapter(&self) -> Result<Rc<dyn WindowAdapter>, PlatformError> {
        Ok(self.window.clone())
    }

    fn duration_since_start(&self) -> Duration {
        self.start.elapsed()
    }
}

/// Installs a headless platform whose one window is `width` × `height` physical pixels.
/// Call once per process, before creating any component.
pub fn install(width: u32, height: u32) -> Result<Rc<MinimalSoftwareWindow>, PlatformError> {
    let window = MinimalSoftwareWindow::new(RepaintBufferType::NewBuffer);
    window.set_size(PhysicalSize::new(width, height));
    slint::platform::set_platform(Box::new(HeadlessPlatform { window: window.clone(), start: Instant::now() }))
        .map_err(|e| PlatformError::Other(e.to_string()))?;
    Ok(window)
}

/// Resizes the headless window.
pub fn resize(window: &MinimalSoftwareWindow, width: u32, height: u32) {
    window.set_size(PhysicalSize::new(width, height));
}

/// Renders a full frame of `window` into a new RGB buffer.
pub fn render(window: &MinimalSoftwareWindow) -> SharedPixelBuffer<Rgb8Pixel> {
    let size = window.size();
    let mut buffer = SharedPixelBuffer::<Rgb8Pixel>::new(size.width, size.height);
    render_into(window, &mut buffer);
    buffer
}

/// Renders a full frame of `window` into `buffer` (which must have the window's size).
pub fn render_into(window: &MinimalSoftwareWindow, buffer: &mut SharedPixelBuffer<Rgb8Pixel>) {
    slint::platform::update_timers_and_animations();
    window.request_redraw();
    let stride = buffer.width() as usize;
    window.draw_if_needed(|renderer| {
        renderer.render(buffer.make_mut_slice(), stride);
    });
}

//! Compiles the Slint UI (`ui/app.slint`) with the Swedish and English translations bundled
//! (`translations/<lang>/LC_MESSAGES/rekry-kiosk.po`).

fn main() {
    let config = slint_build::CompilerConfiguration::new()
        .with_style("fluent-light".into())
        .with_bundled_translations("translations")
        .with_default_translation_context(slint_build::DefaultTranslationContext::None)
        // Element debug info lets the interaction tests find elements by accessible label
        // (i-slint-backend-testing); release builds leave it out.
        .with_debug_info(std::env::var("PROFILE").is_ok_and(|p| p == "debug"));
    if let Err(e) = slint_build::compile_with_config("ui/app.slint", config) {
        panic!("Slint UI failed to compile: {e}");
    }
}

#!/usr/bin/env bash
# Refreshes the kiosk UI's translation files from the @tr(...) strings in kiosk/ui/*.slint:
# slint-tr-extractor writes the template, msgmerge (GNU gettext) merges it into each
# kiosk/translations/<lang>/LC_MESSAGES/rekry-kiosk.po, keeping existing translations.
# New strings arrive untranslated ("msgstr """) — translate them in the sv file; the en file
# stays empty because the source strings are English.
# Installs slint-tr-extractor (same version as Slint) and gettext when missing.
set -euo pipefail
cd "$(dirname "$0")/.."

SLINT_VERSION=1.18.1
if ! slint-tr-extractor --version 2>/dev/null | grep -q "$SLINT_VERSION"; then
    cargo install slint-tr-extractor --version "=$SLINT_VERSION" --locked
fi
if ! command -v msgmerge >/dev/null; then
    if [ "$(id -u)" -eq 0 ]; then apt-get install -y -qq gettext; else sudo apt-get install -y -qq gettext; fi
fi

pot=$(mktemp --suffix=.pot)
trap 'rm -f "$pot"' EXIT
# No default context: the build compiles with DefaultTranslationContext::None (kiosk/build.rs).
slint-tr-extractor --no-default-translation-context --package-name rekry-kiosk -o "$pot" kiosk/ui/*.slint
for lang in sv en; do
    po="kiosk/translations/$lang/LC_MESSAGES/rekry-kiosk.po"
    msgmerge --quiet --update --backup=none --no-fuzzy-matching --sort-output "$po" "$pot"
    # Strings no longer in the UI would linger as "#~" entries: drop them.
    msgattrib --no-obsolete --sort-output -o "$po" "$po"
    untranslated=$(msgattrib --untranslated --no-obsolete "$po" | grep -c '^msgid "[^"]' || true)
    echo "$po: $untranslated untranslated"
done

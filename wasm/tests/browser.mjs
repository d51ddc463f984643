// Browser tests of the demo (wasm/www) with playwright-core driving Debian's Chromium, against
// the page served on 127.0.0.1: fill the forms, read the validation messages, submit, and save
// screenshots to wasm/tests/screenshots/.
//
//   node wasm/tests/browser.mjs          (after scripts/build-wasm.sh; needs /usr/bin/chromium)
import { mkdtemp, mkdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import assert from "node:assert/strict";

import { chromium } from "playwright-core";

import { serve } from "./serve.mjs";

const SHOTS = fileURLToPath(new URL("./screenshots/", import.meta.url));
const CHROMIUM = process.env.CHROMIUM ?? "/usr/bin/chromium";

const results = [];
async function check(name, fn) {
    try {
        await fn();
        results.push({ name, ok: true });
        console.log(`ok - ${name}`);
    } catch (e) {
        results.push({ name, ok: false });
        console.log(`not ok - ${name}\n  ${String(e?.stack ?? e).split("\n").slice(0, 6).join("\n  ")}`);
    }
}

await mkdir(SHOTS, { recursive: true });
const profile = await mkdtemp(join(tmpdir(), "rekry-chromium-"));
const { server, url } = await serve(0);
const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
    ],
    viewport: { width: 1100, height: 900 },
    locale: "sv-SE",
    deviceScaleFactor: 1,
});
const page = context.pages()[0] ?? (await context.newPage());
const consoleErrors = [];
page.on("console", (m) => {
    if (m.type() === "error") consoleErrors.push(m.text());
});
page.on("pageerror", (e) => consoleErrors.push(String(e)));
const wasmTypes = [];
page.on("response", (r) => {
    if (r.url().endsWith(".wasm")) wasmTypes.push(r.headers()["content-type"]);
});

const text = (sel) => page.locator(sel).innerText();
const shot = (name, sel) =>
    sel ? page.locator(sel).screenshot({ path: join(SHOTS, name) }) : page.screenshot({ path: join(SHOTS, name), fullPage: true });

try {
    await check("the demo loads from localhost, .wasm served as application/wasm", async () => {
        await page.goto(`${url}/www/`);
        await page.waitForSelector("body[data-ready=true]", { timeout: 15000 });
        assert.deepEqual(wasmTypes, ["application/wasm"]);
        assert.equal(await page.getAttribute("html", "lang"), "sv");
        assert.match(await text("#survey-title"), /träffa oss/);
    });

    await check("feedback: submitting nothing names the missing required answer", async () => {
        await page.click("#feedback-form button[type=submit]");
        const msg = await text("#feedback-result");
        assert.match(msg, /Svar saknas/);
        assert.match(msg, /rekommendera/);
        assert.equal(await page.getAttribute("#fs-recommend", "aria-invalid"), "true");
        // Focus moved to the first unanswered question, so a keyboard user lands there.
        assert.equal(await page.evaluate(() => document.activeElement?.name), "q-recommend");
    });

    await check("feedback: answering by keyboard, live progress, submit shows the category", async () => {
        // Focus is on the first radio of the 0–10 scale; arrow keys move and select.
        for (let i = 0; i < 9; i++) await page.keyboard.press("ArrowRight");
        assert.equal(await page.locator("input[name=q-recommend]:checked").getAttribute("value"), "9");
        assert.match(await text("#feedback-live"), /Besvarade frågor: 1 av/);
        await page.locator("#fs-would_apply label", { hasText: "Ja" }).click();
        await page.click("#feedback-form button[type=submit]");
        const msg = await text("#feedback-result");
        assert.match(msg, /Tack!/);
        assert.match(msg, /ambassadör/);
        await shot("feedback-job-fair-sv.png", "#feedback");
    });

    await check("feedback: the candidate survey's conditional tests pair", async () => {
        await page.locator("input[name=catalogue][value=candidate]").check();
        await page.waitForSelector("#fs-took_tests");
        assert.equal(await page.locator("#fs-tests_info").isHidden(), true);
        await page.locator("#fs-took_tests label", { hasText: "Ja" }).click();
        assert.equal(await page.locator("#fs-tests_info").isVisible(), true);
        await page.locator("#fs-tests_info label", { hasText: "Ja" }).click();
        await page.locator("#fs-took_tests label", { hasText: "Nej" }).click();
        assert.equal(await page.locator("#fs-tests_info").isHidden(), true);
        await page.locator("#fs-recommend label", { hasText: "3" }).first().click();
        await page.locator("#fs-took_tests label", { hasText: "Ja" }).click();
        await page.click("#feedback-form button[type=submit]");
        const msg = await text("#feedback-result");
        assert.match(msg, /Svar saknas/);
        assert.match(msg, /Helhetsomdöme/);
        await page.locator("#fs-overall label", { hasText: "8" }).click();
        await page.click("#feedback-form button[type=submit]");
        assert.match(await text("#feedback-result"), /kritiker/);
        await shot("feedback-candidate-sv.png", "#feedback");
    });

    await check("ID check: personnummer feedback while typing", async () => {
        await page.fill("#pnr", "811218-9875");
        assert.match(await text("#pnr-live"), /Fel kontrollsiffra/);
        assert.equal(await page.getAttribute("#pnr", "aria-invalid"), "true");
        await page.fill("#pnr", "811218-9876");
        assert.match(await text("#pnr-live"), /Giltigt personnummer: 19811218-9876, född 1981-12-18, man/);
        await page.fill("#pnr", "701063-2391");
        assert.match(await text("#pnr-live"), /samordningsnummer/);
    });

    await check("ID check: MRZ checks and the role checklist", async () => {
        await page.selectOption("#role", "teacher");
        await page.click("#mrz-sample");
        assert.match(await text("#mrz-live"), /MRZ godkänd/);
        assert.equal(await page.locator("#mrz-out td .badge.ok").count(), 5);
        const list = await text("#checklist-out");
        assert.match(list, /Godkänd id-handling/);
        assert.match(list, /ofullständig|Ofullständig/);
        await shot("idcheck-valid-sv.png", "#idcheck");
        // A typo in the date of birth (2 → 3): its check and the composite fail, each shown.
        const typo = (await page.inputValue("#mrz")).replace("8503127", "8503137");
        await page.fill("#mrz", typo);
        assert.match(await text("#mrz-live"), /MRZ underkänd/);
        assert.equal(await page.locator("#mrz-out td .badge.bad").count(), 2);
        assert.match(await text("#mrz-out"), /Kontrollsiffran stämmer inte/);
        assert.match(await text("#checklist-out"), /underkänd/);
        await shot("idcheck-typo-sv.png", "#idcheck");
    });

    await check("job ad: findings with severity", async () => {
        await page.click("#ad-form button[type=submit]");
        const out = await text("#ad-out");
        assert.match(out, /fel/);
        assert.match(out, /nuvarande eller tidigare lön/);
        assert.ok((await page.locator("#ad-out .badge.error").count()) >= 1);
        assert.ok((await page.locator("#ad-out .badge.warning").count()) >= 1);
        await shot("jobad-sv.png", "#jobad");
        await page.fill("#ad-title", "Brandsoldat");
        await page.fill("#ad-questions", "Har du B-körkort?");
        await page.fill("#pay-min", "32000");
        await page.fill("#pay-max", "38000");
        await page.uncheck("#ad-letter");
        await page.click("#ad-form button[type=submit]");
        assert.match(await text("#ad-out"), /Inga anmärkningar/);
        await page.fill("#pay-min", "-5");
        await page.fill("#pay-max", "");
        await page.click("#ad-form button[type=submit]");
        assert.match(await text("#ad-out"), /Kan inte läsa indata/);
    });

    await check("language switch: English chrome and English catalogue texts", async () => {
        await page.click("#lang-en");
        assert.equal(await page.getAttribute("html", "lang"), "en");
        assert.equal(await page.getAttribute("#lang-en", "aria-pressed"), "true");
        assert.match(await text("#feedback-h"), /Candidate survey/);
        assert.match(await text("#fs-recommend legend"), /How likely is it/);
        assert.match(await text("#pnr-live"), /coordination number/);
        assert.match(await text("#checklist-out"), /Approved identity document/);
        assert.match(await text("#feedback-result"), /detractor/);
        await shot("demo-en.png");
        await page.click("#lang-sv");
        await shot("demo-sv.png");
    });

    await check("no console errors", async () => {
        assert.deepEqual(consoleErrors, []);
    });
} finally {
    await context.close();
    server.close();
    await rm(profile, { recursive: true, force: true });
}

const passed = results.filter((r) => r.ok).length;
const failed = results.length - passed;
console.log(`browser: ${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);

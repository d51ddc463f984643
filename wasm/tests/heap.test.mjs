// The module's allocator (wasm/src/heap.rs) reuses freed blocks: calls of any size, repeated,
// leave linear memory where the first round of the same calls left it.
import { test } from "node:test";
import assert from "node:assert/strict";

import * as rekry from "../pkg/index.js";
import { initSync } from "../pkg/rekry_wasm.js";

// Already instantiated by index.js; initSync hands back the same exports.
const memory = initSync().memory;

function round() {
    const text = "Vi söker en brandman. ".repeat(20_000); // ~460 KB of UTF-8
    rekry.checkJobAd({ title: "Brandman", text, screeningQuestions: ["Hur gammal är du?"] });
    rekry.computeNps(new Float64Array(200_000).fill(9));
    rekry.parseMrz("P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<\nL898902C36UTO7408122F1204159ZE184226B<<<<<10");
    rekry.validateResponse({ catalogue: "candidate", answers: { recommend: 9, overall: 8 } });
    rekry.idChecklist("teacher", { citizenship: "other" });
    for (const s of ["811218-9875", "x".repeat(100), "811218-9876"]) rekry.validatePersonnummer(s, "2026-11-23");
    assert.throws(() => rekry.surveyCatalogue("nope", "sv"), RangeError);
}

test("repeated calls do not grow memory", () => {
    round();
    round();
    const after = memory.buffer.byteLength;
    for (let i = 0; i < 30; i++) round();
    assert.equal(memory.buffer.byteLength, after);
});

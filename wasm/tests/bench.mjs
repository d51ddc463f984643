// Benchmarks @rekry/core in Node (run by scripts/bench-wasm.sh).
import { readFile } from "node:fs/promises";
import { performance } from "node:perf_hooks";

const seconds = Number(process.env.REKRY_BENCH_SECONDS ?? 2);
const pkgUrl = new URL("../pkg/index.js", import.meta.url);
const wasmUrl = new URL("../pkg/rekry_wasm_bg.wasm", import.meta.url);

// 1. Instantiation: import of the package (reads the .wasm, compiles, instantiates).
let t0 = performance.now();
const rekry = await import(pkgUrl);
const importMs = performance.now() - t0;

// Compile + instantiate alone, from bytes already in memory, median of 15 fresh modules (the
// imports are stubs: instantiation runs no glue code).
const bytes = await readFile(wasmUrl);
const times = [];
for (let i = 0; i < 15; i++) {
    t0 = performance.now();
    const module = await WebAssembly.compile(bytes);
    const imports = {};
    for (const imp of WebAssembly.Module.imports(module)) {
        imports[imp.module] ??= {};
        imports[imp.module][imp.name] = () => {
            throw new Error("stub");
        };
    }
    await WebAssembly.instantiate(module, imports);
    times.push(performance.now() - t0);
}
times.sort((a, b) => a - b);
const compileMs = times[Math.floor(times.length / 2)];

// 2. validatePersonnummer calls per second, on a mix of inputs (valid, samordningsnummer,
// checksum error, junk), with the default `today` (the common case in a form).
const valid = ["811218-9876", "19811218-9876", "701063-2391", "8112189876"];
const mixed = [...valid, "811218-9875", "12345", "20991231-1234", "811318-9876"];
function rate(inputs, fn) {
    // Warm up, then run batches of 10,000 until `seconds` have passed.
    for (let i = 0; i < 20000; i++) fn(inputs[i & 3]);
    let calls = 0;
    let sink = 0;
    const start = performance.now();
    const end = start + seconds * 1000;
    let now = start;
    const mask = inputs.length - 1;
    while (now < end) {
        for (let i = 0; i < 10000; i++) sink += fn(inputs[i & mask]).valid ? 1 : 0;
        calls += 10000;
        now = performance.now();
    }
    if (sink < 0) console.log(sink);
    return calls / ((now - start) / 1000);
}
const validRate = rate(valid, (s) => rekry.validatePersonnummer(s));
const validTodayRate = rate(valid, (s) => rekry.validatePersonnummer(s, "2026-11-23"));
const mixedRate = rate(mixed, (s) => rekry.validatePersonnummer(s));

// The machine's speed, for context: a bare Date.now() call.
t0 = performance.now();
for (let i = 0; i < 1_000_000; i++) Date.now();
const dateNowNs = (performance.now() - t0) * 1000 / 1000;

const fmt = (n) => Math.round(n).toLocaleString("en-US");
console.log(`rekry-wasm bench (Node ${process.versions.node}, ${seconds} s per measurement)`);
console.log(`  import of the package (read + compile + instantiate): ${importMs.toFixed(1)} ms`);
console.log(`  WebAssembly.compile + instantiate, median of 15:     ${compileMs.toFixed(1)} ms`);
console.log(`  validatePersonnummer(valid input):        ${fmt(validRate)} calls/s (goal >= 1,000,000)`);
console.log(`  validatePersonnummer(valid input, today): ${fmt(validTodayRate)} calls/s`);
console.log(`  validatePersonnummer(half invalid):       ${fmt(mixedRate)} calls/s (errors take the JSON path)`);
console.log(`  for scale, Date.now() here: ${dateNowNs.toFixed(0)} ns per call; load average ${(await import("node:os")).loadavg()[0].toFixed(1)}`);

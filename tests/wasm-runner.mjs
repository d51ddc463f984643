// Runs the end-to-end corpus through the compiled WebAssembly package in Node.
// stdin: a JSON array of {fn, args}; stdout: a JSON array of results, each the function's
// return value or {error: {type, message}} for a thrown error. Used by tests/tests/wasm_consistency.rs.
import { readFileSync } from "node:fs";

const pkg = new URL("../wasm/pkg/index.js", import.meta.url);
const rekry = await import(pkg);
const cases = JSON.parse(readFileSync(0, "utf8"));
const results = cases.map(({ fn, args }) => {
    try {
        return rekry[fn](...args);
    } catch (e) {
        return { error: { type: e.name, message: e.message } };
    }
});
process.stdout.write(JSON.stringify(results));

// A tiny static server for the demo: serves wasm/ (so /www/ and /pkg/) on 127.0.0.1, with
// .wasm as application/wasm (needed for streaming compilation). No directory listings, no
// paths outside wasm/.
//
//   node wasm/tests/serve.mjs [port]      then open http://127.0.0.1:8787/www/
//
// Also importable: `const { server, url } = await serve(0)` picks a free port.
import { createServer } from "node:http";
import { readFile, stat } from "node:fs/promises";
import { extname, join, normalize, sep } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const TYPES = {
    ".html": "text/html; charset=utf-8",
    ".js": "text/javascript; charset=utf-8",
    ".mjs": "text/javascript; charset=utf-8",
    ".css": "text/css; charset=utf-8",
    ".json": "application/json; charset=utf-8",
    ".wasm": "application/wasm",
    ".svg": "image/svg+xml",
    ".png": "image/png",
    ".ts": "text/plain; charset=utf-8",
    ".md": "text/plain; charset=utf-8",
};

async function handle(req, res) {
    try {
        const url = new URL(req.url ?? "/", "http://localhost");
        let path = decodeURIComponent(url.pathname);
        if (path === "/") {
            res.writeHead(302, { location: "/www/" });
            res.end();
            return;
        }
        if (path.endsWith("/")) path += "index.html";
        const file = normalize(join(ROOT, path));
        if (!file.startsWith(ROOT) || file.includes(`${sep}node_modules${sep}`)) {
            res.writeHead(403).end("forbidden");
            return;
        }
        const info = await stat(file).catch(() => null);
        if (!info?.isFile()) {
            res.writeHead(404, { "content-type": "text/plain" }).end("not found");
            return;
        }
        const body = await readFile(file);
        res.writeHead(200, {
            "content-type": TYPES[extname(file)] ?? "application/octet-stream",
            "cache-control": "no-store",
            "x-content-type-options": "nosniff",
        });
        res.end(req.method === "HEAD" ? undefined : body);
    } catch {
        res.writeHead(400).end("bad request");
    }
}

/** Starts the server on 127.0.0.1:`port` (0: any free port). */
export function serve(port = 8787) {
    return new Promise((resolve, reject) => {
        const server = createServer(handle);
        server.on("error", reject);
        server.listen(port, "127.0.0.1", () => {
            const { port: actual } = server.address();
            resolve({ server, url: `http://127.0.0.1:${actual}` });
        });
    });
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
    const { url } = await serve(Number(process.argv[2] ?? process.env.PORT ?? 8787));
    console.log(`serving ${ROOT} at ${url}/www/`);
}

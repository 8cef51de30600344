import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inlineScriptHashes, normaliseBase, startServer, type RunningServer } from './server.ts';

const inlineScript = 'console.log("start")';
const pageHtml = `<!doctype html><html><head><title>t</title></head><body><script>${inlineScript}</script>` +
	'<script type="application/json">{"data":1}</script><script src="./a.js"></script></body></html>';

let root = '';
function put(path: string, content: string | Buffer): void {
	const file = join(root, path);
	mkdirSync(dirname(file), { recursive: true });
	writeFileSync(file, content);
}

beforeAll(() => {
	root = mkdtempSync(join(tmpdir(), 'storelens-server-'));
	put('index.html', pageHtml);
	put('index.html.br', brotliCompressSync(pageHtml));
	put('index.html.gz', gzipSync(pageHtml));
	put('gmv/index.html', '<!doctype html><title>gmv</title>');
	put('_app/immutable/entry/start.abc123.js', 'export {};');
	put('_app/version.json', '{"version":"1"}');
	put('model/weights.bin', Buffer.from([1, 2, 3, 4]));
	put('model/tfjs-backend.wasm', Buffer.from([0, 97, 115, 109]));
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

async function get(server: RunningServer, path: string, encoding = 'identity'): Promise<Response> {
	return fetch(`${server.origin}${path}`, { redirect: 'manual', headers: { 'accept-encoding': encoding } });
}

describe('normaliseBase', () => {
	it('turns any spelling of the base path into /name or empty', () => {
		expect(normaliseBase(undefined)).toBe('');
		expect(normaliseBase('/')).toBe('');
		expect(normaliseBase('storelens/')).toBe('/storelens');
		expect(normaliseBase('/storelens')).toBe('/storelens');
	});
});

describe('inlineScriptHashes', () => {
	it('hashes only inline scripts that run', () => {
		const expected = `'sha256-${createHash('sha256').update(inlineScript).digest('base64')}'`;
		expect(inlineScriptHashes(root)).toEqual([expected]);
	});
});

describe('startServer with a base path', () => {
	let server: RunningServer;
	beforeAll(async () => {
		server = await startServer({ root, base: '/storelens', port: 0 });
	});
	afterAll(() => server.close());

	it('reports the home URL under the base path', () => {
		expect(server.url).toBe(`http://localhost:${server.port}/storelens/`);
	});

	it('redirects / and the bare base to the home page', async () => {
		for (const path of ['/', '/storelens']) {
			const response = await get(server, path);
			expect(response.status).toBe(302);
			expect(response.headers.get('location')).toBe('/storelens/');
		}
	});

	it('does not serve anything outside the base path', async () => {
		expect((await get(server, '/gmv/')).status).toBe(404);
		expect((await get(server, '/storelens/missing.js')).status).toBe(404);
	});

	it('redirects a page folder without its trailing slash', async () => {
		const response = await get(server, '/storelens/gmv');
		expect(response.status).toBe(302);
		expect(response.headers.get('location')).toBe('/storelens/gmv/');
		expect((await get(server, '/storelens/gmv/')).status).toBe(200);
	});

	it('serves brotli, then gzip, then the plain file, by what the client accepts', async () => {
		const br = await get(server, '/storelens/', 'gzip, br');
		expect(br.headers.get('content-encoding')).toBe('br');
		expect(await br.text()).toBe(pageHtml); // fetch decodes it
		const gz = await get(server, '/storelens/', 'gzip');
		expect(gz.headers.get('content-encoding')).toBe('gzip');
		const plain = await get(server, '/storelens/');
		expect(plain.headers.get('content-encoding')).toBeNull();
		expect(plain.headers.get('vary')).toBe('Accept-Encoding');
	});

	it('sends HTML uncached and hashed assets cached for a year', async () => {
		const page = await get(server, '/storelens/');
		expect(page.headers.get('content-type')).toMatch(/^text\/html/);
		expect(page.headers.get('cache-control')).toBe('no-cache');
		const asset = await get(server, '/storelens/_app/immutable/entry/start.abc123.js');
		expect(asset.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
		expect(asset.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
	});

	it('labels model files with exact MIME types', async () => {
		expect((await get(server, '/storelens/_app/version.json')).headers.get('content-type')).toBe('application/json; charset=utf-8');
		expect((await get(server, '/storelens/model/weights.bin')).headers.get('content-type')).toBe('application/octet-stream');
		expect((await get(server, '/storelens/model/tfjs-backend.wasm')).headers.get('content-type')).toBe('application/wasm');
	});

	it('sends a same-origin-only CSP that admits the build\'s inline script, and nosniff', async () => {
		const headers = (await get(server, '/storelens/')).headers;
		const csp = headers.get('content-security-policy') ?? '';
		for (const directive of ["default-src 'self'", "connect-src 'self'", "worker-src 'self'", "img-src 'self' data: blob:", "object-src 'none'"]) {
			expect(csp).toContain(directive);
		}
		expect(csp).toContain(inlineScriptHashes(root)[0]);
		expect(csp).not.toContain("'unsafe-eval'");
		expect(headers.get('x-content-type-options')).toBe('nosniff');
		expect((await get(server, '/nowhere')).headers.get('x-content-type-options')).toBe('nosniff');
	});

	it('refuses to write', async () => {
		const response = await fetch(server.url, { method: 'POST', body: 'x' });
		expect(response.status).toBe(405);
	});
});

describe('startServer ports', () => {
	it('moves to the next port when the first is taken, unless strictPort', async () => {
		const blocker = createServer();
		await new Promise<void>((done) => blocker.listen(0, '127.0.0.1', done));
		const taken = (blocker.address() as { port: number }).port;
		try {
			const server = await startServer({ root, base: '', port: taken });
			expect(server.port).toBeGreaterThan(taken);
			expect(server.url).toBe(`http://localhost:${server.port}/`);
			expect((await get(server, '/')).status).toBe(200);
			await server.close();
			await expect(startServer({ root, base: '', port: taken, strictPort: true })).rejects.toThrow(/EADDRINUSE/);
		} finally {
			blocker.close();
		}
	});

	it('explains a missing build folder', async () => {
		await expect(startServer({ root: join(root, 'nope') })).rejects.toThrow(/npm run build/);
	});
});

// Serves the static build (build/) the way a careful static host would: under the base path,
// precompressed .br/.gz when the browser accepts them, exact MIME types, long cache for hashed
// assets, revalidation for everything else, and a Content-Security-Policy that keeps every
// request on this origin. Shared by scripts/start.ts, playwright.config.ts and the benchmark.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { extname, join, relative, resolve, sep } from 'node:path';
import sirv from 'sirv';

export interface ServerOptions {
	/** Port to try first (default: env PORT or 4173). */
	port?: number;
	/** Folder to serve (default: build). */
	root?: string;
	/** Base path the site is built for, e.g. '/storelens' (default: env BASE_PATH or ''). */
	base?: string;
	/** Interface to listen on (default: env HOST or 127.0.0.1, i.e. this machine only). */
	host?: string;
	/** Fail instead of moving to the next port when the port is taken. */
	strictPort?: boolean;
}

export interface RunningServer {
	/** Home page URL, ending in a slash, e.g. http://localhost:4173/storelens/ */
	url: string;
	/** scheme://host:port, without the base path. */
	origin: string;
	port: number;
	close(): Promise<void>;
}

export const defaultPort = 4173;
const portsToTry = 20;

/** '' | '/' | 'storelens/' | '/storelens' -> '' | '' | '/storelens' | '/storelens' */
export function normaliseBase(base: string | undefined): string {
	const trimmed = (base ?? '').trim().replace(/^\/+|\/+$/g, '');
	return trimmed ? `/${trimmed}` : '';
}

const contentTypes: Record<string, string> = {
	'.html': 'text/html; charset=utf-8',
	'.js': 'text/javascript; charset=utf-8',
	'.mjs': 'text/javascript; charset=utf-8',
	'.css': 'text/css; charset=utf-8',
	'.json': 'application/json; charset=utf-8',
	'.webmanifest': 'application/manifest+json; charset=utf-8',
	'.wasm': 'application/wasm',
	'.bin': 'application/octet-stream',
	'.csv': 'text/csv; charset=utf-8',
	'.txt': 'text/plain; charset=utf-8',
	'.svg': 'image/svg+xml',
	'.png': 'image/png',
	'.ico': 'image/x-icon',
	'.woff2': 'font/woff2'
};

/** Hashes of the inline <script> blocks in the built HTML (SvelteKit's start-up script). */
export function inlineScriptHashes(root: string): string[] {
	const hashes = new Set<string>();
	for (const file of listFiles(root)) {
		if (!file.endsWith('.html')) continue;
		const html = readFileSync(join(root, file), 'utf8');
		for (const match of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)) {
			const [, attributes, body] = match;
			if (/\bsrc\s*=/i.test(attributes)) continue;
			const type = /\btype\s*=\s*["']?([^"'\s>]+)/i.exec(attributes)?.[1]?.toLowerCase();
			if (type && type !== 'module' && type !== 'text/javascript') continue; // data blocks do not run
			hashes.add(`'sha256-${createHash('sha256').update(body, 'utf8').digest('base64')}'`);
		}
	}
	return [...hashes].sort();
}

/**
 * Only this origin may be contacted. Inline scripts are allowed by hash only.
 * data:/blob: for images (chart snapshots, previews); styles may be inline (Svelte style attributes).
 * 'wasm-unsafe-eval' lets WebAssembly compile (TensorFlow.js wasm backend); it does not allow eval().
 */
export function contentSecurityPolicy(scriptHashes: string[]): string {
	return [
		"default-src 'self'",
		`script-src 'self' 'wasm-unsafe-eval'${scriptHashes.map((h) => ` ${h}`).join('')}`,
		"worker-src 'self'",
		"connect-src 'self'",
		"img-src 'self' data: blob:",
		"style-src 'self' 'unsafe-inline'",
		"font-src 'self'",
		"manifest-src 'self'",
		"object-src 'none'",
		"base-uri 'self'",
		"form-action 'self'",
		"frame-ancestors 'none'"
	].join('; ');
}

function securityHeaders(csp: string): Record<string, string> {
	return {
		'Content-Security-Policy': csp,
		'X-Content-Type-Options': 'nosniff',
		'X-Frame-Options': 'DENY',
		'Referrer-Policy': 'no-referrer',
		'Cross-Origin-Opener-Policy': 'same-origin',
		'Cross-Origin-Resource-Policy': 'same-origin',
		'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), payment=(), usb=()'
	};
}

function listFiles(root: string): string[] {
	return readdirSync(root, { recursive: true, withFileTypes: true })
		.filter((entry) => entry.isFile())
		.map((entry) => relative(root, join(entry.parentPath, entry.name)).split(sep).join('/'));
}

/** The request handler, without the listening socket (handy for tests). */
export function createHandler(options: { root: string; base: string }) {
	const root = resolve(options.root);
	const base = normaliseBase(options.base);
	const files = listFiles(root);
	// Folders that hold an index.html: /gmv -> redirect to /gmv/ so relative asset paths resolve.
	const pageFolders = new Set(
		files.filter((f) => f === 'index.html' || f.endsWith('/index.html')).map((f) => `/${f.slice(0, -'index.html'.length)}`)
	);
	const headers = securityHeaders(contentSecurityPolicy(inlineScriptHashes(root)));

	const assets = sirv(root, {
		brotli: true,
		gzip: true,
		etag: true,
		extensions: ['html'],
		dotfiles: false,
		setHeaders(res, pathname) {
			const type = contentTypes[extname(pathname).toLowerCase()];
			if (type) res.setHeader('Content-Type', type);
			res.setHeader(
				'Cache-Control',
				pathname.startsWith('/_app/immutable/') ? 'public, max-age=31536000, immutable' : 'no-cache'
			);
		}
	});

	const notFound = (res: ServerResponse) => {
		res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-cache' });
		res.end('Not found\n');
	};
	const redirect = (res: ServerResponse, location: string) => {
		res.writeHead(302, { Location: location, 'Cache-Control': 'no-cache' });
		res.end();
	};

	return (req: IncomingMessage, res: ServerResponse) => {
		for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
		if (req.method !== 'GET' && req.method !== 'HEAD') {
			res.writeHead(405, { Allow: 'GET, HEAD', 'Content-Type': 'text/plain; charset=utf-8' });
			res.end('Method not allowed\n');
			return;
		}
		const url = new URL(req.url ?? '/', 'http://local');
		let pathname = url.pathname;
		if (base) {
			if (pathname === '/' || pathname === base) return redirect(res, `${base}/${url.search}`);
			if (!pathname.startsWith(`${base}/`)) return notFound(res);
			pathname = pathname.slice(base.length);
		}
		let decoded = pathname;
		try {
			decoded = decodeURIComponent(pathname);
		} catch {
			return notFound(res);
		}
		if (!decoded.endsWith('/') && pageFolders.has(`${decoded}/`)) {
			return redirect(res, `${base}${pathname}/${url.search}`);
		}
		req.url = `${pathname}${url.search}`;
		assets(req, res, () => notFound(res));
	};
}

function listen(server: Server, port: number, host: string): Promise<number> {
	return new Promise((resolvePort, reject) => {
		const onError = (error: Error) => {
			server.off('listening', onListening);
			reject(error);
		};
		const onListening = () => {
			server.off('error', onError);
			const address = server.address();
			resolvePort(typeof address === 'object' && address ? address.port : port);
		};
		server.once('error', onError);
		server.once('listening', onListening);
		server.listen(port, host);
	});
}

/** Serves `root` under `base` on the first free port from `port` on. */
export async function startServer(options: ServerOptions = {}): Promise<RunningServer> {
	const root = resolve(options.root ?? 'build');
	const base = normaliseBase(options.base ?? process.env.BASE_PATH);
	const host = options.host ?? process.env.HOST ?? '127.0.0.1';
	const firstPort = options.port ?? (process.env.PORT ? Number(process.env.PORT) : defaultPort);
	if (!Number.isInteger(firstPort) || firstPort < 0 || firstPort > 65535) throw new Error(`Bad port: ${firstPort}`);
	if (!statSync(root, { throwIfNoEntry: false })?.isDirectory()) {
		throw new Error(`Nothing to serve: ${root} does not exist. Run \`npm run build\` first.`);
	}

	const server = createServer(createHandler({ root, base }));
	const attempts = options.strictPort || firstPort === 0 ? 1 : portsToTry;
	let port = -1;
	for (let i = 0; i < attempts && port < 0; i++) {
		try {
			port = await listen(server, firstPort + i, host);
		} catch (error) {
			const code = (error as NodeJS.ErrnoException).code;
			const last = i === attempts - 1;
			if (code !== 'EADDRINUSE' || last) {
				throw new Error(`Cannot listen on ${host}:${firstPort + i} (${code ?? String(error)})`, { cause: error });
			}
		}
	}

	const hostname = host === '127.0.0.1' || host === '::1' ? 'localhost' : host.includes(':') ? `[${host}]` : host;
	const origin = `http://${hostname}:${port}`;
	return {
		url: `${origin}${base}/`,
		origin,
		port,
		close: () =>
			new Promise<void>((done, fail) => {
				server.close((error) => (error ? fail(error) : done()));
				server.closeAllConnections();
			})
	};
}

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { TOOLS } from '../../src/lib/tools';
import { ICONS, MASKABLE_SAFE_RADIUS, renderIcons } from './icons';
import { decodePng, encodePng } from './png';

const staticFile = (path: string) => readFileSync(new URL(`../../static/${path}`, import.meta.url));

interface Manifest {
	id: string;
	name: string;
	short_name: string;
	start_url: string;
	scope: string;
	display: string;
	background_color: string;
	theme_color: string;
	icons: { src: string; sizes: string; type: string; purpose: string }[];
	shortcuts: { name: string; url: string }[];
}
const manifest = JSON.parse(staticFile('manifest.webmanifest').toString('utf8')) as Manifest;

describe('png', () => {
	it('round-trips pixels, alpha included', () => {
		const pixels = new Uint8Array(3 * 2 * 4).map((_, i) => (i * 37) % 256);
		expect(decodePng(encodePng({ width: 3, height: 2, pixels }))).toEqual({ width: 3, height: 2, pixels });
	});
	it('refuses a damaged file', () => {
		const png = encodePng({ width: 1, height: 1, pixels: new Uint8Array(4) });
		png[20] ^= 0xff;
		expect(() => decodePng(png)).toThrow(/CRC/);
	});
});

describe('app icons', () => {
	const rendered = renderIcons();

	it('the committed icons are exactly what the script draws', () => {
		for (const spec of ICONS) expect(staticFile(`icons/${spec.file}`).equals(rendered.get(spec.file)!), spec.file).toBe(true);
	});

	it('each icon has its size, and the "any" icons have transparent corners', () => {
		for (const spec of ICONS) {
			const image = decodePng(rendered.get(spec.file)!);
			expect([image.width, image.height]).toEqual([spec.size, spec.size]);
			const cornerAlpha = image.pixels[3];
			expect(cornerAlpha, spec.file).toBe(spec.shape === 'any' ? 0 : 255);
		}
	});

	it('the maskable icon keeps everything but its background inside the safe zone', () => {
		const spec = ICONS.find((s) => s.purpose === 'maskable')!;
		const { width, pixels } = decodePng(rendered.get(spec.file)!);
		const [r, g, b] = pixels;
		let outside = 0;
		let glyph = 0;
		for (let i = 0; i < pixels.length; i += 4) {
			if (pixels[i] === r && pixels[i + 1] === g && pixels[i + 2] === b && pixels[i + 3] === 255) continue;
			glyph++;
			const p = i / 4;
			const dx = (p % width) + 0.5 - width / 2;
			const dy = Math.floor(p / width) + 0.5 - width / 2;
			if (Math.hypot(dx, dy) > MASKABLE_SAFE_RADIUS * width) outside++;
		}
		expect(glyph).toBeGreaterThan(1000);
		expect(outside).toBe(0);
	});
});

describe('web app manifest', () => {
	it('has what Chromium needs to install the site, with URLs relative to the manifest (sub-folder builds)', () => {
		// id resolves against the origin, not the manifest: a fixed name, not a path.
		expect(manifest).toMatchObject({ id: 'storelens', start_url: './', scope: './', display: 'standalone', short_name: 'Storelens' });
		expect(manifest.name).toMatch(/Storelens/);
		for (const colour of [manifest.theme_color, manifest.background_color]) expect(colour).toMatch(/^#[0-9a-f]{6}$/);
		const urls = [manifest.start_url, manifest.scope, manifest.id, ...manifest.icons.map((i) => i.src), ...manifest.shortcuts.map((s) => s.url)];
		for (const url of urls) expect(url, url).not.toMatch(/^\/|^[a-z]+:/i);
	});

	it('lists every icon the script draws for it, with its real size', () => {
		const listed = manifest.icons.map((i) => ({ file: i.src.replace(/^icons\//, ''), size: i.sizes, purpose: i.purpose, type: i.type }));
		const expected = ICONS.filter((s) => s.file !== 'apple-touch-icon.png').map((s) => ({ file: s.file, size: `${s.size}x${s.size}`, purpose: s.purpose, type: 'image/png' }));
		expect(listed).toEqual(expected);
		expect(manifest.icons.some((i) => i.purpose === 'maskable' && i.sizes === '512x512')).toBe(true);
	});

	it('has one shortcut per ready tool, with a trailing slash (no redirect)', () => {
		expect(manifest.shortcuts).toEqual(TOOLS.filter((t) => t.ready).map((t) => expect.objectContaining({ name: t.name, url: `${t.path}/` })));
	});
});

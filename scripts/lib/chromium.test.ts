import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { chromiumArgs, findChromium, requireChromium } from './chromium.ts';

const dir = mkdtempSync(join(tmpdir(), 'storelens-chromium-'));
const fakeChromium = join(dir, 'chrome');
writeFileSync(fakeChromium, '');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('findChromium', () => {
	it('prefers CHROMIUM_PATH, then PLAYWRIGHT_CHROMIUM_EXECUTABLE_PATH', () => {
		expect(findChromium({ CHROMIUM_PATH: fakeChromium })).toBe(fakeChromium);
		expect(findChromium({ PLAYWRIGHT_CHROMIUM_EXECUTABLE_PATH: fakeChromium })).toBe(fakeChromium);
	});

	it('ignores an env path that does not exist', () => {
		expect(findChromium({ CHROMIUM_PATH: join(dir, 'missing') })).not.toBe(join(dir, 'missing'));
	});

	it('requireChromium returns what findChromium finds', () => {
		expect(requireChromium({ CHROMIUM_PATH: fakeChromium })).toBe(fakeChromium);
	});
});

describe('chromiumArgs', () => {
	it('keeps Chromium off the network and the GPU', () => {
		const args = chromiumArgs();
		for (const flag of ['--disable-gpu', '--disable-quic', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run']) {
			expect(args).toContain(flag);
		}
		expect(args.includes('--no-sandbox')).toBe(process.getuid?.() === 0);
	});
});

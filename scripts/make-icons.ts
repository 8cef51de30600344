// npm run icons: writes the app icons (static/icons/*.png) from the design in scripts/lib/icons.ts.
// Deterministic: running it again writes the same bytes (scripts/lib/icons.test.ts checks the
// committed files against a fresh render).
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { renderIcons } from './lib/icons.ts';

const out = join(resolve(dirname(fileURLToPath(import.meta.url)), '..'), 'static', 'icons');
mkdirSync(out, { recursive: true });
for (const [file, png] of renderIcons()) {
	writeFileSync(join(out, file), png);
	console.log(`static/icons/${file}: ${png.length.toLocaleString('en')} bytes`);
}

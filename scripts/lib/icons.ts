// The app icons, drawn from the same simple design as static/favicon.svg: a white magnifying lens
// on the brand blue. Pure arithmetic on pixels (4x4 samples per pixel for smooth edges), so the
// output is the same bytes on every machine; there is no randomness to seed.
import { encodePng, type RgbaImage } from './png.ts';

/** The design's square, in favicon units (static/favicon.svg has viewBox 0 0 32 32). */
const UNITS = 32;
const BRAND = [0x1d, 0x4e, 0xd8] as const;
const WHITE = [0xff, 0xff, 0xff] as const;
const LENS = { cx: 14, cy: 14, r: 7 };
const HANDLE = { x1: 19, y1: 19, x2: 26, y2: 26 };
const STROKE = 1.5; // half of the favicon's stroke-width 3
const CORNER = 7; // the favicon's rx
const SAMPLES = 4;

export interface IconSpec {
	file: string;
	size: number;
	/**
	 * 'any': a rounded square on transparency (the favicon's shape).
	 * 'full': the blue fills the square (maskable icons, iOS home screen), the lens scaled by `scale`
	 * about the centre so it stays inside the platform's mask.
	 */
	shape: 'any' | 'full';
	scale: number;
	purpose: 'any' | 'maskable';
}

/** The icons the manifest lists (and the iOS home-screen icon), written to static/icons/. */
export const ICONS: IconSpec[] = [
	{ file: 'icon-192.png', size: 192, shape: 'any', scale: 1, purpose: 'any' },
	{ file: 'icon-512.png', size: 512, shape: 'any', scale: 1, purpose: 'any' },
	// Maskable: everything that matters within the central circle of radius 40% (the "safe zone").
	{ file: 'icon-maskable-512.png', size: 512, shape: 'full', scale: 0.72, purpose: 'maskable' },
	{ file: 'apple-touch-icon.png', size: 180, shape: 'full', scale: 0.85, purpose: 'any' }
];

/** Fraction of the safe zone's radius (of half the icon's side) a maskable icon must stay within. */
export const MASKABLE_SAFE_RADIUS = 0.4;

function insideRoundedSquare(x: number, y: number): boolean {
	if (x < 0 || y < 0 || x > UNITS || y > UNITS) return false;
	const dx = Math.max(CORNER - x, x - (UNITS - CORNER), 0);
	const dy = Math.max(CORNER - y, y - (UNITS - CORNER), 0);
	return dx * dx + dy * dy <= CORNER * CORNER;
}

function onLens(x: number, y: number): boolean {
	const ring = Math.abs(Math.hypot(x - LENS.cx, y - LENS.cy) - LENS.r) <= STROKE;
	const { x1, y1, x2, y2 } = HANDLE;
	const t = Math.max(0, Math.min(1, ((x - x1) * (x2 - x1) + (y - y1) * (y2 - y1)) / ((x2 - x1) ** 2 + (y2 - y1) ** 2)));
	const handle = Math.hypot(x - (x1 + t * (x2 - x1)), y - (y1 + t * (y2 - y1))) <= STROKE;
	return ring || handle;
}

/** Draw one icon. */
export function drawIcon(spec: Pick<IconSpec, 'size' | 'shape' | 'scale'>): RgbaImage {
	const { size, shape, scale } = spec;
	const pixels = new Uint8Array(size * size * 4);
	const half = UNITS / 2;
	for (let py = 0; py < size; py++) {
		for (let px = 0; px < size; px++) {
			let inside = 0;
			let white = 0;
			for (let sy = 0; sy < SAMPLES; sy++) {
				for (let sx = 0; sx < SAMPLES; sx++) {
					const x = ((px + (sx + 0.5) / SAMPLES) / size) * UNITS;
					const y = ((py + (sy + 0.5) / SAMPLES) / size) * UNITS;
					if (shape === 'any' ? !insideRoundedSquare(x, y) : false) continue;
					inside++;
					// The lens in design units: undo the scaling about the centre.
					if (onLens(half + (x - half) / scale, half + (y - half) / scale)) white++;
				}
			}
			const i = (py * size + px) * 4;
			if (inside === 0) continue;
			for (let c = 0; c < 3; c++) pixels[i + c] = Math.round((WHITE[c] * white + BRAND[c] * (inside - white)) / inside);
			pixels[i + 3] = Math.round((255 * inside) / (SAMPLES * SAMPLES));
		}
	}
	return { width: size, height: size, pixels };
}

/** Every icon as PNG bytes, by file name. */
export function renderIcons(): Map<string, Buffer> {
	return new Map(ICONS.map((spec) => [spec.file, encodePng(drawIcon(spec))]));
}

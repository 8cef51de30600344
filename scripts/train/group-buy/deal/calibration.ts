/**
 * The forest's calibration: isotonic or Platt, whichever scores better on held-back validation
 * launches, and its rounding for the artifact.
 */
import { calibrateMany, fitIsotonic, fitPlatt, type Calibration } from '../../../../src/lib/core/calibration.ts';
import { brierScore } from '../../../../src/lib/core/metrics/classification.ts';
import { round } from '../../io.ts';

/**
 * Isotonic or Platt: each is fitted on one half of the validation launches and scored (Brier) on
 * the other half; the better one is then fitted on all validation launches.
 */
export function chooseCalibration(scores: ArrayLike<number>, y: readonly number[]): Calibration {
	const half = Math.floor(y.length / 2);
	const a = { s: Array.from(scores).slice(0, half), y: y.slice(0, half) };
	const b = { s: Array.from(scores).slice(half), y: y.slice(half) };
	const iso = brierScore(b.y, calibrateMany(fitIsotonic(a.s, a.y), b.s))!;
	const platt = brierScore(b.y, calibrateMany(fitPlatt(a.s, a.y), b.s))!;
	console.log(`calibration on half the validation launches, Brier on the other half: isotonic ${iso.toFixed(5)}, Platt ${platt.toFixed(5)}`);
	return iso <= platt ? fitIsotonic(scores, y) : fitPlatt(scores, y);
}

/** A calibration with its numbers rounded to 10 digits for the artifact. */
export function roundCalibration(c: Calibration): Calibration {
	if (c.method === 'platt') return { ...c, a: round(c.a, 10), b: round(c.b, 10) };
	return { ...c, x: c.x.map((v) => round(v, 10)), y: c.y.map((v) => round(v, 10)) };
}

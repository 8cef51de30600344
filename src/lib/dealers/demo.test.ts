import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { DealerModelArtifact } from './artifacts';
import { demoFirstView } from './demo';

const shipped = JSON.parse(readFileSync(new URL('../../../model-artifacts/dealers/model.json', import.meta.url), 'utf8')) as DealerModelArtifact;

describe('the shipped first view', () => {
	it('is what the worker computes for the demo network with the default filters', () => {
		const fresh = JSON.parse(JSON.stringify(demoFirstView(shipped)));
		expect(shipped.firstView).toEqual(fresh);
		expect(shipped.firstView.overview.visitFirst).toHaveLength(20);
		expect(shipped.firstView.dealers).toBe(shipped.demo.dealers);
	}, 60_000);
});

import { describe, expect, it } from 'vitest';
import type { TableSchema } from '../schema';
import { matchHeaders, normaliseHeader } from './headers';

const schema: TableSchema = {
	id: 'test',
	rowNoun: 'test rows',
	columns: [
		{ key: 'week', label: 'Week', type: 'integer', required: true },
		{ key: 'product_mrp', label: 'Average MRP', aliases: ['mrp', 'list price'], type: 'number', required: true },
		{ key: 'sub_category', label: 'Sub-category', type: 'category', categories: ['Camera'], required: false },
		{ key: 'notes', label: 'Notes', type: 'text', required: false }
	]
};

describe('normaliseHeader', () => {
	it('drops BOM, case, spaces, underscores, hyphens and dots', () => {
		expect(normaliseHeader('\uFEFF  Product_MRP ')).toBe('productmrp');
		expect(normaliseHeader('Sub-Category')).toBe('subcategory');
		expect(normaliseHeader('avg. m.r.p')).toBe('avgmrp');
		expect(normaliseHeader('Week\t')).toBe('week');
	});
});

describe('matchHeaders', () => {
	it('matches keys, labels and aliases regardless of case and spacing', () => {
		const m = matchHeaders(['\uFEFFWEEK', ' List Price ', 'sub category'], schema);
		expect(m.mapping).toEqual(['week', 'product_mrp', 'sub_category']);
		expect(m.matched).toEqual({ WEEK: 'week', 'List Price': 'product_mrp', 'sub category': 'sub_category' });
		expect(m.missingRequired).toEqual([]);
		expect(m.missingOptional).toEqual(['Notes']);
		expect(m.unknown).toEqual([]);
	});

	it('matches a label written with underscores', () => {
		expect(matchHeaders(['week', 'average_mrp'], schema).mapping).toEqual(['week', 'product_mrp']);
	});

	it('reports missing required columns by label and ignores unknown headers', () => {
		const m = matchHeaders(['week', 'colour', '', 'notes'], schema);
		expect(m.missingRequired).toEqual(['Average MRP']);
		expect(m.unknown).toEqual(['colour']);
		expect(m.mapping).toEqual(['week', null, null, 'notes']);
		expect(m.missingOptional).toEqual(['Sub-category']);
	});

	it('keeps the first of duplicate headers and reports the rest', () => {
		const m = matchHeaders(['mrp', 'week', 'Product MRP'], schema);
		expect(m.mapping).toEqual(['product_mrp', 'week', null]);
		expect(m.duplicates).toEqual([{ header: 'Product MRP', index: 2, key: 'product_mrp', usedIndex: 0, usedHeader: 'mrp' }]);
		expect(m.matched).toEqual({ mrp: 'product_mrp', week: 'week' });
	});
});

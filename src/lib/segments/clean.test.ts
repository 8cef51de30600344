import { describe, expect, it } from 'vitest';
import {
	cleaningSummary,
	guestCustomerId,
	isCancellation,
	isDroppedCountry,
	isDroppedStockCode,
	normaliseCustomerId,
	removalRule,
	removedLines,
	type CleaningReport
} from './clean';

describe('normaliseCustomerId', () => {
	it('reads 17850 and 17850.0 as one id', () => {
		expect(normaliseCustomerId('17850')).toBe('17850');
		expect(normaliseCustomerId('17850.0')).toBe('17850');
		expect(normaliseCustomerId('17850.00')).toBe('17850');
		expect(normaliseCustomerId(' 17850.0 ')).toBe('17850');
		expect(normaliseCustomerId('100.0')).toBe('100');
		expect(normaliseCustomerId('100')).toBe('100');
	});

	it('accepts a decimal comma only when asked', () => {
		expect(normaliseCustomerId('17850,0', true)).toBe('17850');
		expect(normaliseCustomerId('17850,0')).toBe('17850,0');
	});

	it('keeps other ids as written', () => {
		expect(normaliseCustomerId('17850.5')).toBe('17850.5');
		expect(normaliseCustomerId('AB-100.0')).toBe('AB-100.0');
		expect(normaliseCustomerId('C0')).toBe('C0');
		expect(normaliseCustomerId('.0')).toBe('.0');
		expect(normaliseCustomerId('')).toBe('');
		expect(normaliseCustomerId('   ')).toBe('');
	});
});

describe('rules', () => {
	it('drops the listed stock codes, case-sensitively', () => {
		for (const code of ['POST', 'D', 'M', 'PADS', 'DOT', 'CRUK', 'S', 'AMAZONFEE', 'm', 'DCGSSBOY', 'DCGSSGIRL', 'B']) {
			expect(isDroppedStockCode(code), code).toBe(true);
		}
		for (const code of ['post', 'd', 'b', 's', '85123A', 'POSTAGE', 'Dot']) expect(isDroppedStockCode(code), code).toBe(false);
	});

	it('drops the two countries, ignoring case and spaces', () => {
		expect(isDroppedCountry('European Community')).toBe(true);
		expect(isDroppedCountry(' unspecified ')).toBe(true);
		expect(isDroppedCountry('United Kingdom')).toBe(false);
		expect(isDroppedCountry('European Union')).toBe(false);
	});

	it('tries the rules in order: price, stock code, country, zero quantity', () => {
		expect(removalRule(0.03, 'POST', 'Unspecified', 0)).toBe('low-price');
		expect(removalRule(-5, '85123A', 'France', 1)).toBe('low-price');
		expect(removalRule(0.04, 'POST', 'Unspecified', 0)).toBe('stock-code');
		expect(removalRule(1, '85123A', 'Unspecified', 0)).toBe('country');
		expect(removalRule(1, '85123A', 'France', 0)).toBe('zero-quantity');
		expect(removalRule(1, '85123A', null, -3)).toBeNull();
		expect(removalRule(0.04, '85123A', 'France', 6)).toBeNull();
	});

	it('marks invoices starting with C as cancellations', () => {
		expect(isCancellation('C536379')).toBe(true);
		expect(isCancellation('c536379')).toBe(true);
		expect(isCancellation('536379')).toBe(false);
		expect(isCancellation('A563185')).toBe(false);
		expect(guestCustomerId('536414')).toBe('guest-536414');
	});
});

describe('cleaningSummary', () => {
	const report: CleaningReport = {
		linesRead: 541909,
		unreadableLines: 0,
		removed: { 'low-price': 2525, 'stock-code': 2737, country: 504, 'zero-quantity': 0 },
		keptLines: 536143,
		purchaseLines: 527414,
		returnLines: 8729,
		cancellationLines: 8729,
		cancellationInvoices: 3445,
		guestInvoices: 1430,
		guestLines: 131425,
		returnOnlyCustomers: 91,
		customers: 5696,
		dateOrder: 'iso'
	};

	it('says what each rule removed, with counts', () => {
		const text = cleaningSummary(report).map((s) => s.text);
		expect(text).toContain('removed 2,525 lines with unit price below 0.04');
		expect(text).toContain('removed 504 lines with country "European Community" or "Unspecified"');
		expect(text.some((t) => t.startsWith('removed 2,737 lines with stock codes that are not products (POST, D, M,'))).toBe(true);
		expect(text).toContain('set apart 1,430 invoices with no customer id (131,425 lines): counted apart, not as customers');
		expect(text).toContain('found 5,696 customers with at least one purchase');
		expect(text.some((t) => t.includes('quantity of zero'))).toBe(false);
		expect(removedLines(report)).toBe(5766);
	});

	it('lists the zero-quantity rule only when it removed something, in the singular for one', () => {
		const steps = cleaningSummary({ ...report, removed: { ...report.removed, 'zero-quantity': 1 } });
		expect(steps.find((s) => s.id === 'zero-quantity')?.text).toBe('removed 1 line with a quantity of zero');
	});
});

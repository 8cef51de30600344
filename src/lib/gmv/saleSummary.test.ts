import { describe, expect, it } from 'vitest';
import { saleSummary } from './saleSummary';

describe('saleSummary', () => {
	it('groups the days of one sale under its name, with the month of its last day', () => {
		const days = ['25', '26', '27'].map((d) => ({ date: `2016-05-${d}`, name: 'Pacman' }));
		expect(saleSummary(days)).toBe('Pacman 25, 26, 27 May');
	});

	it('lists two sales of a week in the order they start, separated by semicolons', () => {
		const days = [
			{ date: '2015-07-18', name: 'Eid & Rathayatra sale' },
			{ date: '2015-07-19', name: 'Eid & Rathayatra sale' },
			{ date: '2015-07-25', name: 'Rakshabandhan Sale' }
		];
		expect(saleSummary(days)).toBe('Eid & Rathayatra sale 18, 19 Jul; Rakshabandhan Sale 25 Jul');
	});

	it('names the month of the last day when a sale runs across two months, and drops leading zeros', () => {
		const days = [
			{ date: '2015-12-31', name: 'Year end' },
			{ date: '2016-01-01', name: 'Year end' }
		];
		expect(saleSummary(days)).toBe('Year end 31, 1 Jan');
	});

	it('says nothing for a week without sale days', () => {
		expect(saleSummary([])).toBe('');
	});
});

import { describe, expect, it } from 'vitest';
import { heldBack, MIN_USED_SHARE } from './acceptance';

describe('heldBack', () => {
	it('lets a result from half of the rows or more through', () => {
		expect(MIN_USED_SHARE).toBe(0.5);
		expect(heldBack({ rows: 68, usedRows: 34, complete: true }, [])).toBeNull();
		expect(heldBack(undefined, [])).toBeNull();
	});

	it('holds back "2 of 68 rows", naming the unclosed quote and the threshold', () => {
		const why = heldBack(
			{ rows: 68, usedRows: 2, complete: true },
			[{ row: 3, column: null, reason: 'a quote (") opened in this row is never closed, so the rest of the file (65 more lines) was read as one value' }],
			[{ kind: 'unclosed-quote', text: 'A quote (") opened in row 3 is never closed, so the 65 lines after it were read as one value and could not be used.' }]
		);
		expect(why?.title).toBe('Only 2 of 68 rows could be used');
		expect(why?.message).toBe(
			'That is 2%, less than the 50% a result needs to replace the one on screen without asking. A quote (") opened in row 3 is never closed, so the 65 lines after it were read as one value and could not be used.'
		);
	});

	it('names the first problem when no note explains it, and holds back a read that stopped early', () => {
		const why = heldBack({ rows: 10, usedRows: 1, complete: true }, [{ row: 2, column: 'Price', reason: '"x" is not a number' }]);
		expect(why?.message).toMatch(/The first problem: row 2, column Price: "x" is not a number\.$/);
		const stopped = heldBack({ rows: 1000, usedRows: 999, complete: false }, [], [{ kind: 'stopped', text: 'Reading stopped at row 1,001.' }]);
		expect(stopped?.title).toBe('Only part of the file was read');
	});
});

import { describe, expect, it } from 'vitest';
import { LineEndings, lineEndingNote } from './lineEndings';

/**
 * Push the text in pieces of `size` characters; return each piece as handed to the parser with its
 * line end, and the counts given the line ends a parser would find (`lineEnds`, outside quotes).
 */
function run(text: string, size: number, lineEnds: number) {
	const endings = new LineEndings(',');
	const pieces: { text: string; newline: string }[] = [];
	for (let at = 0; at < text.length; at += size) {
		const piece = endings.push(text.slice(at, at + size), at + size >= text.length);
		pieces.push({ text: piece, newline: endings.newline });
	}
	// The lines as the parser sees them: each piece split on its own line end.
	const lines = pieces.map((p) => p.text.replaceAll(p.newline, '\n')).join('');
	return { pieces, lines, counts: endings.countsFor(lineEnds) };
}

describe('LineEndings', () => {
	it('hands a chunk of one kind over as it is, with its line end, and a mixed one as LF', () => {
		expect(run('a,b\r\n1,2\r\n', 1000, 2).pieces).toEqual([{ text: 'a,b\r\n1,2\r\n', newline: '\r\n' }]);
		expect(run('a,b\n1,2\n', 1000, 2).pieces).toEqual([{ text: 'a,b\n1,2\n', newline: '\n' }]);
		expect(run('a,b\r1,2\r', 1000, 2).pieces).toEqual([{ text: 'a,b\r1,2\r', newline: '\r' }]);
		const mixed = run('h1,h2\r\n1,2\n3,4\r5,6\r\n', 1000, 4);
		expect(mixed.pieces).toEqual([{ text: 'h1,h2\n1,2\n3,4\n5,6\n', newline: '\n' }]);
		expect(mixed.counts).toEqual({ crlf: 2, lf: 1, cr: 1 });
	});

	it('gives the same lines and counts at every chunk size, including a CR at the end of a chunk', () => {
		const text = 'a,b\r\n1,"x\r\ny"\r\n2,3\n4,5\r6,7\r\n';
		const whole = run(text, 1e6, 5);
		expect(whole.lines).toBe('a,b\n1,"x\ny"\n2,3\n4,5\n6,7\n');
		for (let size = 1; size <= text.length; size++) {
			const r = run(text, size, 5);
			expect(r.counts, `chunks of ${size}`).toEqual(whole.counts);
			for (const p of r.pieces) expect(p.text.endsWith('\r') && p !== r.pieces.at(-1), `chunks of ${size}: a CR held back`).toBe(false);
		}
		expect(whole.counts).toEqual({ crlf: 3, lf: 1, cr: 1 });
	});

	it('does not count line breaks inside quoted values, escaped quotes included', () => {
		// A CRLF file with LF and CR inside quoted values (what Excel writes): not mixed, read as it is.
		const r = run('a,b\r\n1,"line one\nline ""two""\rthree"\r\n2,"x"\r\n', 7, 3);
		expect(r.counts).toEqual({ crlf: 3, lf: 0, cr: 0 });
		const whole = run('a,b\r\n1,"line one\nline ""two""\rthree"\r\n2,"x"\r\n', 1000, 3);
		expect(whole.pieces[0].newline).toBe('\r\n');
	});

	it('takes a quote inside an unquoted value as an ordinary character', () => {
		const r = run('size,b\n5" screen,1\r\n6,2\r', 3, 3);
		expect(r.counts).toEqual({ crlf: 1, lf: 1, cr: 1 });
	});

	it('says in words when endings are mixed, and nothing when they are not', () => {
		expect(lineEndingNote({ crlf: 1, lf: 4999, cr: 0 })).toBe(
			'The line endings are mixed: 1 line ends with CR LF (Windows), 4,999 lines with LF (Unix, macOS). Every one was read as the end of a line.'
		);
		expect(lineEndingNote({ crlf: 0, lf: 0, cr: 12 })).toBeNull();
	});
});

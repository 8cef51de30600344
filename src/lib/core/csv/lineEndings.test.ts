import { describe, expect, it } from 'vitest';
import { LineEndings, lineEndingNote } from './lineEndings';

/** Push the text in pieces of `size` characters; return the output and the counts. */
function run(text: string, size: number) {
	const endings = new LineEndings(',');
	let out = '';
	for (let at = 0; at < text.length; at += size) out += endings.push(text.slice(at, at + size), at + size >= text.length);
	return { out, counts: endings.counts, mixed: endings.mixed };
}

describe('LineEndings', () => {
	it('turns CRLF, CR and LF into LF and counts each kind', () => {
		const r = run('h1,h2\r\n1,2\n3,4\r5,6\r\n', 1000);
		expect(r.out).toBe('h1,h2\n1,2\n3,4\n5,6\n');
		expect(r.counts).toEqual({ crlf: 2, lf: 1, cr: 1 });
		expect(r.mixed).toBe(true);
	});

	it('gives the same at every chunk size, including a CR at the end of a chunk', () => {
		const text = 'a,b\r\n1,"x\r\ny"\r\n2,3\n4,5\r6,7\r\n';
		const whole = run(text, 1e6);
		for (let size = 1; size <= text.length; size++) {
			const r = run(text, size);
			expect(r.out, `chunks of ${size}`).toBe(whole.out);
			expect(r.counts, `chunks of ${size}`).toEqual(whole.counts);
		}
		expect(whole.out).toBe('a,b\n1,"x\ny"\n2,3\n4,5\n6,7\n');
	});

	it('does not count line breaks inside quoted values, escaped quotes included', () => {
		// A CRLF file with LF inside quoted values (what Excel writes): not mixed.
		const r = run('a,b\r\n1,"line one\nline ""two""\nthree"\r\n2,"x"\r\n', 7);
		expect(r.counts).toEqual({ crlf: 3, lf: 0, cr: 0 });
		expect(r.mixed).toBe(false);
	});

	it('takes a quote inside an unquoted value as an ordinary character', () => {
		const r = run('size,b\n5" screen,1\r\n6,2\n', 3);
		expect(r.counts).toEqual({ crlf: 1, lf: 2, cr: 0 });
	});

	it('says in words when endings are mixed, and nothing when they are not', () => {
		expect(lineEndingNote({ crlf: 1, lf: 4999, cr: 0 })).toBe(
			'The line endings are mixed: 1 line ends with CR LF (Windows), 4,999 lines with LF (Unix, macOS). Every one was read as the end of a line.'
		);
		expect(lineEndingNote({ crlf: 0, lf: 0, cr: 12 })).toBeNull();
	});
});

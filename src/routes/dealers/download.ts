/** Save text as a file through a temporary object URL (no request leaves the page). */
export function saveText(text: string, fileName: string, type = 'text/csv'): void {
	const url = URL.createObjectURL(new Blob([text], { type }));
	const a = document.createElement('a');
	a.href = url;
	a.download = fileName;
	document.body.append(a);
	a.click();
	a.remove();
	setTimeout(() => URL.revokeObjectURL(url), 1000);
}

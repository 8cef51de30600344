/** The week's sale days in a few words, for the line of facts above the folded inputs. Pure, no DOM. */
import { SHORT_MONTHS } from '../core/dates';

/** "Pacman 25, 26, 27 May": sale days grouped by sale name. */
export function saleSummary(days: readonly { date: string; name: string }[]): string {
	const byName: Record<string, string[]> = {};
	for (const d of days) (byName[d.name] ??= []).push(d.date);
	const month = (iso: string) => SHORT_MONTHS[Number(iso.slice(5, 7)) - 1];
	return Object.entries(byName)
		.map(([name, dates]) => `${name} ${dates.map((d) => Number(d.slice(8))).join(', ')} ${month(dates[dates.length - 1])}`)
		.join('; ');
}

/**
 * The columns a group file may have, by the names people give them: member, date, item and group
 * (compared without case, spaces or punctuation), and what a file's first line says of them. Pure
 * TS, no DOM.
 */
import { normaliseHeader } from '../core/csv/headers';

const ALIASES = {
	member: ['member', 'membernumber', 'memberid', 'member_number', 'customer', 'customerid', 'shopper', 'user', 'userid', 'name'],
	date: ['date', 'day', 'orderdate', 'purchasedate'],
	item: ['item', 'itemdescription', 'product', 'productname', 'itemname', 'description'],
	group: ['group', 'groupid', 'groupname', 'community']
} as const;

/** What a column of a group file holds. */
export type Role = keyof typeof ALIASES;

/** The role a column's header names, or null for a column the tool does not read. */
export function roleOf(header: string): Role | null {
	const h = normaliseHeader(header);
	for (const role of Object.keys(ALIASES) as Role[]) if ((ALIASES[role] as readonly string[]).some((a) => normaliseHeader(a) === h)) return role;
	return null;
}

/** Each role in words, for the message naming a missing column. */
export const MISSING_WORDS: Record<Role, string> = { member: 'member (who bought)', date: 'date (of each purchase)', item: 'item (what was bought)', group: 'group' };

/** A first line's columns: the role each names (the first column naming a role is the one read). */
export class HeaderColumns {
	constructor(
		readonly header: string[],
		readonly roles: (Role | null)[]
	) {}

	/** How many columns name a role. */
	get named(): number {
		return this.roles.filter((r) => r !== null).length;
	}

	has(role: Role): boolean {
		return this.roles.includes(role);
	}

	/** The cell of a line in the role's column ('' when the line is short). */
	cell(cells: string[], role: Role): string {
		return cells[this.roles.indexOf(role)] ?? '';
	}

	/** The role's column as the header names it. */
	name(role: Role): string {
		return this.header[this.roles.indexOf(role)];
	}

	/** Columns not read: no role, or a role a column before already has. */
	get ignored(): string[] {
		return this.header.filter((h, j) => this.roles[j] === null || this.roles.indexOf(this.roles[j]) !== j);
	}

	/** Columns naming a role a column before already has. */
	get duplicated(): string[] {
		return this.header.filter((h, j) => this.roles[j] !== null && this.roles.indexOf(this.roles[j]) !== j);
	}

	/** The roles the layout needs that no column names: member for a group file, else member, date and item. */
	get missing(): Role[] {
		return (this.has('group') ? (['member'] as Role[]) : (['member', 'date', 'item'] as Role[])).filter((r) => !this.has(r));
	}
}

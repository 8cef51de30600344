/**
 * Declarative input schemas. One schema per tool describes the columns a CSV may carry and the
 * fields a form shows; the same object drives header matching, row validation, the CSV template,
 * the generated form, and range warnings. Pure data and functions: no DOM.
 */

export type ColumnType = 'number' | 'integer' | 'category' | 'boolean' | 'date' | 'text';

export interface ColumnSpec {
	/** Canonical key used in code and in result CSVs, e.g. `product_mrp`. */
	key: string;
	/** What a user calls it, e.g. "Average MRP". */
	label: string;
	/** Other header spellings accepted in a CSV (matching ignores case, spaces, `_`, `-`, `.`). */
	aliases?: readonly string[];
	type: ColumnType;
	/** Unit shown next to the value, e.g. "₹", "%", "days", "crore". */
	unit?: string;
	/** A required column must be present in the header and non-empty in every row. */
	required: boolean;
	/** Hard validity bounds: a value outside is rejected with a reason. */
	min?: number;
	max?: number;
	/** Step for number inputs in forms. */
	step?: number;
	/** Allowed values of a category column (matched case-insensitively, spaces ignored). */
	categories?: readonly string[];
	/** Display names of the categories, where they differ from the stored value. */
	categoryLabels?: Readonly<Record<string, string>>;
	/** One sentence of help for the form and the template. */
	help?: string;
	/** A value used in the downloadable template. */
	example?: string | number;
}

export interface TableSchema {
	/** Tool id, e.g. `gmv`. */
	id: string;
	/** A short name for messages, e.g. "weekly GMV rows". */
	rowNoun: string;
	columns: readonly ColumnSpec[];
}

export type CellValue = number | string | boolean | null;
/** A validated row: canonical key -> typed value (null when an optional cell is empty). */
export type ParsedRow = Record<string, CellValue>;

/** One problem with one cell (or with a whole row when `column` is null). */
export interface RowIssue {
	/** 1-based data row number as a spreadsheet shows it (the header is row 1, so data starts at 2). */
	row: number;
	/** Column label (or null for a whole-row problem such as a wrong number of fields). */
	column: string | null;
	reason: string;
}

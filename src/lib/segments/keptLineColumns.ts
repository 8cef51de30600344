/**
 * The invoice lines a customer aggregator keeps (features.ts), columnar and grown by doubling: per
 * line the customer, invoice and product indexes, quantity, line value (quantity x price), date code
 * and spreadsheet row; about 40 bytes a line. Pure, no DOM.
 */
import type { KeptLines } from './customerTable';

export class KeptLineColumns implements KeptLines {
	size = 0;
	private capacity: number;
	lineCustomer: Int32Array;
	lineInvoice: Int32Array;
	lineProduct: Int32Array;
	lineRow: Int32Array;
	lineQuantity: Float64Array;
	lineValue: Float64Array;
	lineDate: Float64Array;

	/** `expectedLines`: about how many will come, so storage is sized once instead of grown by copying. */
	constructor(expectedLines = 0) {
		this.capacity = Math.max(4096, Math.ceil(expectedLines));
		this.lineCustomer = new Int32Array(this.capacity);
		this.lineInvoice = new Int32Array(this.capacity);
		this.lineProduct = new Int32Array(this.capacity);
		this.lineRow = new Int32Array(this.capacity);
		this.lineQuantity = new Float64Array(this.capacity);
		this.lineValue = new Float64Array(this.capacity);
		this.lineDate = new Float64Array(this.capacity);
	}

	push(customer: number, invoice: number, product: number, quantity: number, value: number, dateCode: number, row: number): void {
		if (this.size === this.capacity) this.reserve(this.size + 1);
		const at = this.size++;
		this.lineCustomer[at] = customer;
		this.lineInvoice[at] = invoice;
		this.lineProduct[at] = product;
		this.lineQuantity[at] = quantity;
		this.lineValue[at] = value;
		this.lineDate[at] = dateCode;
		this.lineRow[at] = row;
	}

	/**
	 * Append the lines another aggregator kept, in this one's numbering: `customers`, `invoices` and
	 * `products` map the other's indexes to this one's; `rowOffset` is added to its rows.
	 */
	append(other: KeptLines, customers: Int32Array, invoices: Int32Array, products: Int32Array, rowOffset: number): void {
		this.reserve(this.size + other.size);
		for (let k = 0; k < other.size; k++) {
			const at = this.size + k;
			this.lineCustomer[at] = customers[other.lineCustomer[k]];
			this.lineInvoice[at] = invoices[other.lineInvoice[k]];
			this.lineProduct[at] = products[other.lineProduct[k]];
			this.lineRow[at] = other.lineRow[k] + rowOffset;
			this.lineQuantity[at] = other.lineQuantity[k];
			this.lineValue[at] = other.lineValue[k];
			this.lineDate[at] = other.lineDate[k];
		}
		this.size += other.size;
	}

	/** Copies of the kept lines only (their buffers can be transferred to another thread). */
	copy(): KeptLines {
		const n = this.size;
		return {
			size: n,
			lineCustomer: this.lineCustomer.slice(0, n),
			lineInvoice: this.lineInvoice.slice(0, n),
			lineProduct: this.lineProduct.slice(0, n),
			lineRow: this.lineRow.slice(0, n),
			lineQuantity: this.lineQuantity.slice(0, n),
			lineValue: this.lineValue.slice(0, n),
			lineDate: this.lineDate.slice(0, n)
		};
	}

	/** Room for `lines` lines, doubling the storage as often as needed. */
	private reserve(lines: number): void {
		if (lines <= this.capacity) return;
		while (this.capacity < lines) this.capacity *= 2;
		const int = (a: Int32Array) => {
			const b = new Int32Array(this.capacity);
			b.set(a);
			return b;
		};
		const float = (a: Float64Array) => {
			const b = new Float64Array(this.capacity);
			b.set(a);
			return b;
		};
		this.lineCustomer = int(this.lineCustomer);
		this.lineInvoice = int(this.lineInvoice);
		this.lineProduct = int(this.lineProduct);
		this.lineRow = int(this.lineRow);
		this.lineQuantity = float(this.lineQuantity);
		this.lineValue = float(this.lineValue);
		this.lineDate = float(this.lineDate);
	}
}

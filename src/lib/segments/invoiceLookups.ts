/**
 * The invoices, products, countries and customers a customer aggregator meets (features.ts), each
 * numbered once in the order met, with what the cleaning rules (clean.ts) say about it, decided once:
 * a cancellation, a dropped stock code, a dropped country. A line without a customer id gets a guest
 * customer of its own invoice (the original project's rule; the page counts them apart). Pure, no DOM.
 */
import { guestCustomerId, isCancellation, isDroppedCountry, isDroppedStockCode, normaliseCustomerId } from './clean';

/** The lookups as plain data, for reading a file in parts on several threads. */
export interface LookupState {
	invoices: string[];
	/** Per invoice, its guest customer's index (-1: none). */
	invoiceGuest: Int32Array;
	products: string[];
	customerIds: string[];
	customerGuest: Uint8Array;
}

/** Another part's numbers in this part's numbering (see `InvoiceLookups.absorb`). */
export interface Renumbering {
	invoices: Int32Array;
	products: Int32Array;
	customers: Int32Array;
}

export class InvoiceLookups {
	private readonly invoiceIndex = new Map<string, number>();
	readonly invoiceCancelled: boolean[] = [];
	/** Per invoice, its guest customer (-1: none yet). */
	private readonly invoiceGuest: number[] = [];
	private readonly productIndex = new Map<string, number>();
	readonly productDropped: boolean[] = [];
	/** Products by the caller's key (see `productOf`), with the stock code each was found for. */
	private readonly productByKey: number[] = [];
	private readonly productKeyCode: string[] = [];
	/** Countries as written -> dropped or not. */
	private readonly countryDropped = new Map<string, boolean>();
	/** Customer id as written -> index (one lookup per line); normalised id -> index (once per spelling). */
	private readonly customerByText = new Map<string, number>();
	private readonly customerById = new Map<string, number>();
	readonly customerIds: string[] = [];
	/** 1 for a guest customer (an invoice without a customer id), else 0. */
	readonly customerGuest: number[] = [];
	/** Invoices that were given a guest customer. */
	guestInvoices = 0;

	/** `decimalComma`: customer ids written like "12346,0" are read as 12346. */
	constructor(private readonly decimalComma = false) {}

	invoiceOf(invoice: string): number {
		let index = this.invoiceIndex.get(invoice);
		if (index === undefined) {
			index = this.invoiceCancelled.length;
			this.invoiceIndex.set(invoice, index);
			this.invoiceCancelled.push(isCancellation(invoice));
			this.invoiceGuest.push(-1);
		}
		return index;
	}

	/**
	 * The product of a stock code. `key` (≥ 0, optional): a small number the caller gives every time
	 * it passes this code (the byte scan's interning number): the product is then found in an array
	 * by the key, which costs less than the Map. The key is a hint only: it counts when the code
	 * found for it last time is this code.
	 */
	productOf(stockCode: string, key = -1): number {
		if (key >= 0 && key < this.productKeyCode.length && this.productKeyCode[key] === stockCode) return this.productByKey[key];
		const index = this.productByCode(stockCode);
		if (key >= 0) {
			while (this.productKeyCode.length <= key) {
				this.productKeyCode.push('');
				this.productByKey.push(-1);
			}
			this.productKeyCode[key] = stockCode;
			this.productByKey[key] = index;
		}
		return index;
	}

	private productByCode(stockCode: string): number {
		let index = this.productIndex.get(stockCode);
		if (index === undefined) {
			index = this.productDropped.length;
			this.productIndex.set(stockCode, index);
			this.productDropped.push(isDroppedStockCode(stockCode));
		}
		return index;
	}

	isDroppedCountry(country: string): boolean {
		let dropped = this.countryDropped.get(country);
		if (dropped === undefined) {
			dropped = isDroppedCountry(country);
			this.countryDropped.set(country, dropped);
		}
		return dropped;
	}

	/** The customer of a kept line of invoice `invoice` (`invoiceText` as written); `text`: the id as written ('' for none). */
	customerOf(text: string, invoice: number, invoiceText: string): number {
		let index = this.customerByText.get(text);
		if (index !== undefined) return index;
		const id = normaliseCustomerId(text, this.decimalComma);
		if (id === '') {
			index = this.invoiceGuest[invoice];
			if (index < 0) {
				index = this.newCustomer(guestCustomerId(invoiceText), true);
				this.invoiceGuest[invoice] = index;
				this.guestInvoices++;
			}
			return index;
		}
		index = this.customerById.get(id);
		if (index === undefined) {
			index = this.newCustomer(id, false);
			this.customerById.set(id, index);
		}
		this.customerByText.set(text, index);
		return index;
	}

	/** Everything met so far, as plain data. */
	copy(): LookupState {
		return {
			invoices: [...this.invoiceIndex.keys()],
			invoiceGuest: Int32Array.from(this.invoiceGuest),
			products: [...this.productIndex.keys()],
			customerIds: this.customerIds.slice(),
			customerGuest: Uint8Array.from(this.customerGuest)
		};
	}

	/** Take in what another part met (new invoices, products and customers are numbered after this part's), and say how its numbers map to this part's. */
	absorb(other: LookupState): Renumbering {
		const invoices = Int32Array.from(other.invoices, (text) => this.invoiceOf(text));
		const products = Int32Array.from(other.products, (code) => this.productByCode(code));
		const byId = new Map<string, number>();
		this.customerIds.forEach((id, index) => byId.set(id, index));
		const customers = new Int32Array(other.customerIds.length);
		other.customerIds.forEach((id, c) => {
			let index = byId.get(id);
			if (index === undefined) {
				const guest = other.customerGuest[c] === 1;
				index = this.newCustomer(id, guest);
				byId.set(id, index);
				if (guest) this.guestInvoices++;
				else this.customerById.set(id, index);
			}
			customers[c] = index;
		});
		other.invoiceGuest.forEach((c, i) => {
			if (c >= 0 && this.invoiceGuest[invoices[i]] < 0) this.invoiceGuest[invoices[i]] = customers[c];
		});
		return { invoices, products, customers };
	}

	private newCustomer(id: string, guest: boolean): number {
		const index = this.customerIds.length;
		this.customerIds.push(id);
		this.customerGuest.push(guest ? 1 : 0);
		return index;
	}
}

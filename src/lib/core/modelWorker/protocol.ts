/**
 * Messages between a page and a model worker (see host.ts and client.ts): the page asks the worker
 * to load a model artifact once, then to predict with it; every request carries an id and gets
 * exactly one reply with that id.
 */
export type ModelRequest<I> =
	| { id: number; kind: 'load'; modelId: string; url: string }
	| { id: number; kind: 'predict'; modelId: string; input: I };

export type ModelReply =
	| { id: number; ok: true; result: unknown }
	| { id: number; ok: false; error: string };

/** The part of a worker (or a MessagePort, or a test double) both sides use. */
export interface MessageEnd<In, Out> {
	onmessage: ((event: MessageEvent<In>) => void) | null;
	postMessage(message: Out): void;
}

/**
 * The import rules of src/, checked on every file (tests included), type-only imports too:
 * - a tool (src/lib/<tool>) never imports another tool;
 * - core (src/lib/core) imports no tool, no component, no chart layer, no route, no Svelte, no $app;
 * - the chart layer (src/lib/charts) imports only core (pure TS, no Svelte);
 * - a component (src/lib/components) imports no tool: a generic part knows no tool's shapes, so a
 *   new tool can reuse it untouched (not even types: they would tie its props to one tool);
 * - no import cycle anywhere in src;
 * - a model artifact is imported as data only in a route's load file, and only straight into the
 *   one checker (`bundledArtifact`), and no source casts anything to an artifact type past it;
 * - chart configurations are built in the chart layer (src/lib/charts, a tool's charts.ts), never
 *   in a route or a component.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const SRC = dirname(fileURLToPath(import.meta.url));
const ROOT = resolve(SRC, '..');
const GENERIC = new Set(['core', 'components', 'charts']);

function walk(dir: string): string[] {
	return readdirSync(dir).flatMap((name) => {
		const path = join(dir, name);
		return statSync(path).isDirectory() ? walk(path) : /\.(ts|js|svelte)$/.test(name) && !name.endsWith('.d.ts') ? [path] : [];
	});
}

export interface ImportRef {
	specifier: string;
	typeOnly: boolean;
}

/** The import and re-export specifiers of a source (a .svelte file's scripts included), and whether each is type-only. */
export function importsOf(source: string, isSvelte = false): ImportRef[] {
	const code = isSvelte ? [...source.matchAll(/<script\b[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1]).join('\n') : source;
	const refs: ImportRef[] = [];
	const statement = /(?:^|[\n;])\s*(import|export)\s+(type\s+)?([\s\S]*?)\s+from\s+['"]([^'"]+)['"]/g;
	for (const m of code.matchAll(statement)) {
		const names = m[3];
		// `import { type A, type B } from` is type-only too.
		const allTypes = /^\{[\s\S]*\}$/.test(names.trim()) && names.replace(/[{}\s]/g, '').split(',').filter(Boolean).every((n) => n.startsWith('type'));
		refs.push({ specifier: m[4], typeOnly: !!m[2] || allTypes });
	}
	for (const m of code.matchAll(/(?:^|[\n;])\s*import\s+['"]([^'"]+)['"]/g)) refs.push({ specifier: m[1], typeOnly: false });
	for (const m of code.matchAll(/\bimport\(\s*['"]([^'"]+)['"]\s*\)/g)) refs.push({ specifier: m[1], typeOnly: false });
	return refs;
}

/** The file a specifier points to inside src, or null for packages, $app and model artifacts. */
function resolveInSrc(from: string, specifier: string): string | null {
	const bare = specifier.split('?')[0];
	let base: string;
	if (bare.startsWith('$lib/')) base = join(SRC, 'lib', bare.slice(5));
	else if (bare === '$lib') base = join(SRC, 'lib');
	else if (bare.startsWith('./') || bare.startsWith('../')) base = resolve(dirname(from), bare);
	else return null;
	for (const candidate of [base, `${base}.ts`, `${base}.js`, `${base}.svelte`, join(base, 'index.ts')]) {
		try {
			if (statSync(candidate).isFile()) return candidate;
		} catch {
			// try the next
		}
	}
	if (!base.startsWith(SRC)) return null;
	throw new Error(`${relative(ROOT, from)}: cannot resolve '${specifier}'`);
}

type Layer = { kind: 'core' | 'components' | 'charts' | 'route' | 'app' } | { kind: 'tool'; tool: string };

function layerOf(file: string): Layer {
	const rel = relative(SRC, file).split(/[\\/]/);
	if (rel[0] === 'routes') return { kind: 'route' };
	if (rel[0] === 'lib' && rel.length > 2) {
		if (GENERIC.has(rel[1])) return { kind: rel[1] as 'core' | 'components' | 'charts' };
		return { kind: 'tool', tool: rel[1] };
	}
	return { kind: 'app' };
}

interface Edge {
	from: string;
	to: string | null;
	specifier: string;
	typeOnly: boolean;
}

/** The rule an import breaks, in words, or null. */
export function violation(from: Layer, to: Layer | null, specifier: string): string | null {
	const external = to === null;
	const svelteish = /^svelte(\/|$)/.test(specifier) || specifier.startsWith('$app/') || specifier.split('?')[0].endsWith('.svelte');
	switch (from.kind) {
		case 'tool':
			if (to?.kind === 'tool' && to.tool !== from.tool) return `the ${from.tool} tool imports the ${to.tool} tool`;
			if (to && ['components', 'route', 'app'].includes(to.kind)) return `the ${from.tool} tool imports UI (${to.kind})`;
			return null;
		case 'core':
			if (to && to.kind !== 'core') return `core imports ${to.kind === 'tool' ? `the ${to.tool} tool` : to.kind}`;
			if (external && svelteish) return `core imports ${specifier}`;
			return null;
		case 'charts':
			if (to && to.kind !== 'core' && to.kind !== 'charts') return `the chart layer imports ${to.kind === 'tool' ? `the ${to.tool} tool` : to.kind}`;
			if (external && svelteish) return `the chart layer imports ${specifier}`;
			return null;
		case 'components':
			if (to?.kind === 'tool') return `a component imports the ${to.tool} tool`;
			if (to?.kind === 'route') return 'a component imports a route';
			return null;
		default:
			return null;
	}
}

/** Every cycle of a graph (one per strongly connected component of two or more files, or a self-import). */
export function findCycles(graph: Map<string, Set<string>>): string[][] {
	let index = 0;
	const indices = new Map<string, number>();
	const low = new Map<string, number>();
	const stack: string[] = [];
	const onStack = new Set<string>();
	const cycles: string[][] = [];
	const visit = (v: string) => {
		indices.set(v, index);
		low.set(v, index++);
		stack.push(v);
		onStack.add(v);
		for (const w of graph.get(v) ?? []) {
			if (!indices.has(w)) {
				visit(w);
				low.set(v, Math.min(low.get(v)!, low.get(w)!));
			} else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, indices.get(w)!));
		}
		if (low.get(v) === indices.get(v)) {
			const component: string[] = [];
			let w: string;
			do {
				w = stack.pop()!;
				onStack.delete(w);
				component.push(w);
			} while (w !== v);
			if (component.length > 1 || graph.get(v)?.has(v)) cycles.push(component.sort());
		}
	};
	for (const v of graph.keys()) if (!indices.has(v)) visit(v);
	return cycles;
}

// This file's own examples of imports are strings, not imports.
const files = walk(SRC).filter((f) => f !== fileURLToPath(import.meta.url));
const edges: Edge[] = files.flatMap((file) =>
	importsOf(readFileSync(file, 'utf8'), file.endsWith('.svelte')).map((ref) => ({ from: file, to: resolveInSrc(file, ref.specifier), ...ref }))
);
const rel = (file: string) => relative(ROOT, file);

describe('import boundaries in src', () => {
	it('reads the imports of every file', () => {
		expect(files.length).toBeGreaterThan(50);
		expect(edges.length).toBeGreaterThan(200);
	});

	it('no tool imports another tool; core imports no tool, UI or Svelte; charts import only core; components no tool', () => {
		const broken = edges
			.map((e) => ({ e, why: violation(layerOf(e.from), e.to ? layerOf(e.to) : null, e.specifier) }))
			.filter((x) => x.why)
			.map(({ e, why }) => `${rel(e.from)} -> ${e.specifier}: ${why}${e.typeOnly ? ' (type-only)' : ''}`);
		expect(broken).toEqual([]);
	});

	it('has no import cycle', () => {
		const graph = new Map<string, Set<string>>(files.map((f) => [f, new Set<string>()]));
		for (const e of edges) if (e.to) graph.get(e.from)!.add(e.to);
		expect(findCycles(graph).map((c) => c.map(rel).join(' <-> '))).toEqual([]);
	});

	it('imports a model artifact as data only in a route load, straight into the checker, and never casts past it', () => {
		const problems: string[] = [];
		for (const file of files) {
			const text = readFileSync(file, 'utf8');
			for (const m of text.matchAll(/import\s+(\w+)\s+from\s+['"](\$artifacts\/[^'"?]+)['"]/g)) {
				const [, name, specifier] = m;
				if (!/[\\/]\+(page|layout)\.ts$/.test(file)) problems.push(`${rel(file)} imports ${specifier} outside a route's load file`);
				const uses = [...text.matchAll(new RegExp(`\\b${name}\\b`, 'g'))].length - 1;
				const checked = [...text.matchAll(new RegExp(`bundledArtifact(<[^>]*>)?\\(\\s*${name}\\b`, 'g'))].length;
				if (uses !== checked || checked === 0) problems.push(`${rel(file)} uses ${specifier} other than through bundledArtifact()`);
			}
			if (!file.endsWith('.test.ts') && /as\s+unknown\s+as\s+\w*(Artifact|Context|ArtifactHeader)\b/.test(text)) problems.push(`${rel(file)} casts to an artifact type without the checker`);
		}
		expect(problems).toEqual([]);
	});

	it('builds chart configurations only in the chart layer', () => {
		const inUi = files.filter((f) => /[\\/](routes|components)[\\/]/.test(f) && !f.endsWith('.test.ts') && /\bdatasets\s*:/.test(readFileSync(f, 'utf8')));
		expect(inUi.map(rel)).toEqual([]);
	});
});

describe('the boundary checker itself', () => {
	it('reads type-only, side-effect, re-export and dynamic imports, in TS and Svelte', () => {
		const refs = importsOf(`import type { A } from './a';\nimport { type B, type C } from './b';\nimport { d, type E } from './d';\nimport './side';\nexport { f } from './f';\nconst g = () => import('./g');`);
		expect(refs).toEqual([
			{ specifier: './a', typeOnly: true },
			{ specifier: './b', typeOnly: true },
			{ specifier: './d', typeOnly: false },
			{ specifier: './f', typeOnly: false },
			{ specifier: './side', typeOnly: false },
			{ specifier: './g', typeOnly: false }
		]);
		expect(importsOf(`<script lang="ts">\n\timport X from './X.svelte';\n</script>\n<p>import y from 'nope'</p>`, true)).toEqual([{ specifier: './X.svelte', typeOnly: false }]);
	});

	it('names each broken rule', () => {
		const tool = (t: string): Layer => ({ kind: 'tool', tool: t });
		expect(violation(tool('sellers'), tool('gmv'), '../gmv/x')).toMatch(/sellers tool imports the gmv tool/);
		expect(violation(tool('gmv'), tool('gmv'), './x')).toBeNull();
		expect(violation({ kind: 'core' }, tool('gmv'), '../gmv/x')).toMatch(/core imports the gmv tool/);
		expect(violation({ kind: 'core' }, null, 'svelte')).toMatch(/core imports svelte/);
		expect(violation({ kind: 'core' }, { kind: 'components' }, '../components/x')).toMatch(/core imports components/);
		expect(violation({ kind: 'components' }, tool('segments'), '$lib/segments/x')).toMatch(/component imports the segments tool/);
		expect(violation({ kind: 'charts' }, tool('gmv'), '../gmv/x')).toMatch(/chart layer imports the gmv tool/);
		expect(violation({ kind: 'route' }, tool('gmv'), '$lib/gmv/x')).toBeNull();
	});

	it('finds cycles, two-file and longer, and self-imports', () => {
		const g = new Map([
			['a', new Set(['b'])],
			['b', new Set(['a'])],
			['c', new Set(['d'])],
			['d', new Set(['e'])],
			['e', new Set(['c'])],
			['f', new Set(['f'])],
			['h', new Set(['a'])]
		]);
		expect(findCycles(g)).toEqual([['a', 'b'], ['c', 'd', 'e'], ['f']]);
	});
});

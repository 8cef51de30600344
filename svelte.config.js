import adapter from '@sveltejs/adapter-static';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

// BASE_PATH lets the site live in a sub-folder (a GitHub Pages project site): BASE_PATH=/storelens npm run build
const base = process.env.BASE_PATH ?? '';

/** @type {import('@sveltejs/kit').Config} */
const config = {
	preprocess: vitePreprocess(),
	kit: {
		adapter: adapter({ pages: 'build', assets: 'build', fallback: undefined, precompress: true, strict: true }),
		paths: { base, relative: true },
		alias: { $artifacts: 'model-artifacts' },
		// The page registers the service worker itself, after its first result is on screen
		// (src/lib/components/serviceWorker.ts), not while it starts.
		serviceWorker: { register: false },
		// Styles are small: inline them in each page so the first paint waits for no stylesheet request.
		inlineStyleThreshold: 16384,
		prerender: { handleHttpError: 'fail', handleMissingId: 'fail' },
		// A Content-Security-Policy in every page (static hosts such as GitHub Pages cannot send
		// headers): nothing may load from, or send to, another origin.
		csp: {
			mode: 'hash',
			directives: {
				'default-src': ['self'],
				'script-src': ['self'],
				'style-src': ['self', 'unsafe-inline'],
				'img-src': ['self', 'data:', 'blob:'],
				'font-src': ['self'],
				'connect-src': ['self'],
				'worker-src': ['self'],
				'object-src': ['none'],
				'base-uri': ['self'],
				'form-action': ['self']
			}
		}
	}
};

export default config;

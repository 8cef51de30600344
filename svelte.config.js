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
		prerender: { handleHttpError: 'fail', handleMissingId: 'fail' }
	}
};

export default config;

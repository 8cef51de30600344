import js from '@eslint/js';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import ts from 'typescript-eslint';
import svelteConfig from './svelte.config.js';

export default ts.config(
	{ ignores: ['build/', '.svelte-kit/', 'node_modules/', 'test-results/', 'playwright-report/', 'bench-results/'] },
	js.configs.recommended,
	...ts.configs.recommended,
	...svelte.configs.recommended,
	{ languageOptions: { globals: { ...globals.browser, ...globals.node } } },
	{
		files: ['**/*.svelte', '**/*.svelte.ts'],
		languageOptions: { parserOptions: { projectService: true, extraFileExtensions: ['.svelte'], parser: ts.parser, svelteConfig } }
	},
	{
		rules: {
			'@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
			'svelte/no-navigation-without-resolve': 'off'
		}
	},
	{
		// Pure modules in src/lib (outside components) must stay DOM-free so training can import them.
		files: ['src/lib/core/**/*.ts', 'src/lib/gmv/**/*.ts', 'src/lib/segments/**/*.ts', 'src/lib/dealers/**/*.ts'],
		ignores: ['**/*.svelte.ts', '**/*.worker.ts', '**/*.test.ts', '**/browser/**'],
		rules: {
			'no-restricted-globals': ['error', 'document', 'window', 'localStorage', 'navigator']
		}
	}
);

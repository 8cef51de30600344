import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';

export default defineConfig({
	plugins: [sveltekit()],
	server: { fs: { allow: ['model-artifacts'] } },
	worker: { format: 'es' },
	build: { target: 'es2022', reportCompressedSize: false },
	test: {
		include: ['src/**/*.test.ts', 'scripts/**/*.test.ts', 'tests/hostile/**/*.test.ts'],
		environment: 'node',
		testTimeout: 60_000
	}
});

/**
 * Chart.js with only what Storelens draws: bar, line and scatter charts on linear, logarithmic and category
 * scales, with tooltips, legends, titles and filled areas. Loaded on demand by Chart.svelte.
 */
import {
	BarController,
	BarElement,
	CategoryScale,
	Chart,
	Filler,
	Legend,
	LinearScale,
	LogarithmicScale,
	LineController,
	LineElement,
	PointElement,
	ScatterController,
	Title,
	Tooltip
} from 'chart.js';

Chart.register(
	BarController,
	BarElement,
	LineController,
	LineElement,
	PointElement,
	ScatterController,
	LinearScale,
	LogarithmicScale,
	CategoryScale,
	Tooltip,
	Legend,
	Filler,
	Title
);

Chart.defaults.font.family = "system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', 'Helvetica Neue', Arial, sans-serif";
Chart.defaults.font.size = 13;
// Light defaults until Chart.svelte sets them from the theme's CSS variables (see $lib/charts/theme).
Chart.defaults.color = '#4a5462';
Chart.defaults.borderColor = '#e1e5eb';

// Colour tokens are resolved with chart.js, so the page's first load does not carry the resolver.
export { resolveColours } from '$lib/charts/resolve';
export { Chart };

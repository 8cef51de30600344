/**
 * The shape every shipped model artifact shares, and its held-out metrics: the single definition,
 * used by training (which writes them), the loader (which checks them) and the model card (which
 * shows them). An artifact is data, not code: the page reads its features, encoders, training
 * ranges, metrics and provenance from here and hard-codes none.
 */

export const ARTIFACT_FORMAT = 'storelens-artifact';
export const ARTIFACT_FORMAT_VERSION = 1;

export interface InputRange {
	min: number;
	max: number;
	/** 1st and 99th percentiles of the training rows: values beyond are rare in training. */
	p01: number;
	p99: number;
}

// ---------------------------------------------------------------------------------------------
// Metrics. A metric that the data cannot define (no rows, no positives, constant actuals, a score
// that is not a probability) is `null`, and `undefinedBecause` says why in words a page can show
// ("no positive rows"): never NaN.
// ---------------------------------------------------------------------------------------------

/** Why some metrics of a set are null, by field name, in plain words. */
export type UndefinedReasons<K extends string> = Partial<Record<K, string>>;

export interface RegressionMetrics {
	/** Rows evaluated. */
	n: number;
	/** Weighted absolute percentage error: sum |y - yhat| / sum |y|. */
	wape: number | null;
	/** Mean absolute error, in the target's unit. */
	mae: number | null;
	/** Mean absolute percentage error over non-zero actuals (unstable near zero; shown for reference). */
	mape: number | null;
	/** Coefficient of determination on the held-out rows. */
	r2: number | null;
	undefinedBecause?: UndefinedReasons<'wape' | 'mae' | 'mape' | 'r2'>;
}

/** Precision and recall among the k highest-scored rows (ties at the cut shared out evenly). */
export interface AtK {
	k: number;
	/** Positives among the top k, divided by k (by n when there are fewer than k rows). */
	precision: number | null;
	/** Positives among the top k, divided by all positives. */
	recall: number | null;
}

/** One bin of a reliability table: predicted probability against the observed rate. */
export interface ReliabilityBin {
	/** Bin edges on the predicted probability: rows with low < p <= high (the first bin includes 0). */
	low: number;
	high: number;
	n: number;
	/** Mean predicted probability in the bin (null when empty). */
	meanPredicted: number | null;
	/** Share of positives in the bin (null when empty). */
	observedRate: number | null;
}

export interface ClassificationMetrics {
	/** Rows evaluated. */
	n: number;
	/** Positive rows among them. */
	positives: number;
	/** Area under the ROC curve (ties count half): the chance a random positive outranks a random negative. */
	rocAuc: number | null;
	/** Area under the precision-recall curve, as average precision (scikit-learn's definition). */
	prAuc: number | null;
	/** Precision and recall at the k values the tool cares about, in ascending k. */
	atK: AtK[];
	/** Mean squared difference between probability and outcome (probabilities only). */
	brier: number | null;
	/** Mean negative log-likelihood, probabilities clipped to [eps, 1 - eps] (probabilities only). */
	logLoss: number | null;
	/** Reliability table (probabilities only). */
	reliability?: ReliabilityBin[];
	undefinedBecause?: UndefinedReasons<'rocAuc' | 'prAuc' | 'atK' | 'brier' | 'logLoss'>;
}

export interface ClusteringMetrics {
	/** Items clustered. */
	n: number;
	k: number;
	/** Mean silhouette (-1..1, higher is better separated), on a sample of `silhouetteSample` items. */
	silhouette: number | null;
	silhouetteSample: number;
	/** Adjusted Rand index between the labelings of every pair of random starts: mean and worst. */
	ariMean: number | null;
	ariMin: number | null;
	/** Random starts compared. */
	starts: number;
	/** Items per cluster, in cluster order. */
	sizes: number[];
	/** Share of items in the largest cluster. */
	largestShare: number;
	undefinedBecause?: UndefinedReasons<'silhouette' | 'ariMean' | 'ariMin'>;
}

export interface RankingMetrics {
	/** Users evaluated (those with at least one relevant item). */
	users: number;
	/** Length of the recommended list scored. */
	k: number;
	/** Mean over users of (relevant items in the top k) / (relevant items). */
	recall: number | null;
	/** Share of users with at least one relevant item in the top k. */
	hit: number | null;
	/** Mean over users of DCG / ideal DCG with binary relevance, cut at k. */
	ndcg: number | null;
	undefinedBecause?: UndefinedReasons<'recall' | 'hit' | 'ndcg'>;
}

/** The paired bootstrap interval of (model - baseline) on one metric, over the same resampled rows. */
export interface PairedDifference {
	/** Field name of the metric, e.g. `wape`, `prAuc`, `recall`. */
	metric: string;
	/** Name of the baseline compared (a row of `baselines`). */
	baseline: string;
	/** Model minus baseline on all rows. */
	difference: number;
	/** Percentile interval of the difference over the resamples. */
	low: number;
	high: number;
	/** Coverage of the interval, e.g. 0.95. */
	level: number;
	resamples: number;
	seed: number;
}

/** Metrics of the tool's task, by task name. */
export interface TaskMetricsMap {
	regression: RegressionMetrics;
	classification: ClassificationMetrics;
	clustering: ClusteringMetrics;
	ranking: RankingMetrics;
}
export type Task = keyof TaskMetricsMap;

/** Another set of predictions scored on the same rows. */
export interface NamedMetrics<M> {
	/** e.g. "Trailing 4-week average", "scikit-learn forest, 300 trees (reference)". */
	name: string;
	/** What it is, in a sentence. */
	description: string;
	metrics: M;
}

/** A comparison: another model shipped for the tool, or a reference implementation on the same split. */
export interface Comparison<M> extends NamedMetrics<M> {
	role: 'shipped-model' | 'reference';
}

/**
 * Held-out metrics of one model, tagged by task: the model, the NAIVE baselines it must beat (rules
 * any analyst could apply without a model), and comparisons (other shipped models, reference
 * implementations such as scikit-learn on the same split), which are context, not targets.
 */
export interface MetricsReport<T extends Task> {
	task: T;
	/** What one evaluated row is, e.g. { one: 'week', many: 'weeks' }. */
	rowNoun?: { one: string; many: string };
	model: TaskMetricsMap[T];
	baselines: NamedMetrics<TaskMetricsMap[T]>[];
	comparisons: Comparison<TaskMetricsMap[T]>[];
	/** The metric the model is judged on (field of the metrics), and whether lower is better. */
	headline: { metric: string; lowerIsBetter: boolean };
	/** Model minus the best baseline on the headline metric, with a paired bootstrap interval. */
	vsBestBaseline?: PairedDifference;
}

export type RegressionReport = MetricsReport<'regression'>;
export type ClassificationReport = MetricsReport<'classification'>;
export type ClusteringReport = MetricsReport<'clustering'>;
export type RankingReport = MetricsReport<'ranking'>;
/** The `metrics` of an artifact: one of the four tasks. */
export type TaskMetrics = RegressionReport | ClassificationReport | ClusteringReport | RankingReport;

// ---------------------------------------------------------------------------------------------
// Artifacts.
// ---------------------------------------------------------------------------------------------

export interface Provenance {
	/** Human description of the data source. */
	source: string;
	licence: string;
	/** True when the data was generated by our own documented generator. */
	synthetic: boolean;
	rows: number;
	/** First and last period in the data, ISO dates. */
	period: [string, string];
	/** How the held-out split was made, in words. */
	split: string;
	trainRows: number;
	testRows: number;
	/** SHA-256 of the input files the model was trained on, so a reader can tell data versions apart. */
	dataHash: string;
}

/** What every artifact file carries, models and reference data alike. */
export interface ArtifactBase {
	format: typeof ARTIFACT_FORMAT;
	formatVersion: number;
	/** Tool id, e.g. `gmv`. */
	tool: string;
	/** Artifact id within the tool, e.g. `forest`, `network`, `context`. */
	modelId: string;
	/** Semantic version; bump when features or training change. */
	version: string;
	/** SHA-256 (hex) of the canonical JSON of the artifact with this field empty. */
	contentHash: string;
}

/** What every model artifact carries besides its parameters; `M` narrows the task of its metrics. */
export interface ArtifactHeader<M extends TaskMetrics = TaskMetrics> extends ArtifactBase {
	/** e.g. `random-forest-regression`, `mlp-regression`, `kmeans`. */
	modelKind: string;
	/** A short, human label, e.g. "Random forest, 200 trees". */
	label: string;
	/** Ordered names of the model's input features. */
	features: string[];
	/** Training range of every raw input (keyed by schema column key). */
	inputRanges: Record<string, InputRange>;
	provenance: Provenance;
	/** Held-out metrics of this model beside naive baselines and comparisons. */
	metrics: M;
	/** Training hyper-parameters as shown in the model card. */
	hyperparameters: Record<string, string | number | boolean>;
}

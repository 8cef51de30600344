/**
 * Saved runs on this device. See store.ts for the operations, types.ts for the records,
 * transfer.ts for the export file, database.ts for the layout and its upgrades.
 */
export { HistoryStore, type HistoryStoreOptions } from './store';
export { HistoryError, type HistoryProblem, type ImportReport, type NewRun, type RunSummary, type SavedRun } from './types';
export { storageProblem, isQuotaError, QUOTA_ADVICE, UNAVAILABLE_ADVICE } from './errors';
export { historyFileName, HISTORY_FILE_FORMAT, HISTORY_FILE_VERSION, MAX_NAME_LENGTH } from './transfer';
export { estimateSize } from './size';
export { DB_NAME, DB_VERSION } from './database';
export { packRows, unpackRows, isPackedRows, type PackedRows, type Cell } from '../table/packedRows';

// @roundup/pipeline: the run behind the `roundup` command, for tests and other programs.
export { pendingTemporaryFolders, runPipeline, SAMPLE_INPUT, StrictRejectsError, UsageError, type PipelineOptions, type Progress } from './run/pipeline.js';
export { CACHE_FOLDER } from './cache/result-cache.js';
export { formatSummary } from './command/summary.js';
export { VERSION } from './version.js';
export { evaluate, f1, formatReport, loadGoldArticle, precision, recall, scoreArticle, type EvaluationReport } from './eval/evaluation.js';
export { evaluateKinds, formatKindReport, type KindReport } from './eval/kind-evaluation.js';
export { evaluateProgrammes, formatProgrammeReport, type ProgrammeReport } from './eval/programme-evaluation.js';
export { SentenceScores } from './eval/role-evaluation.js';

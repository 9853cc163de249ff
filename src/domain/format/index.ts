export { layoutSchema, LAYOUT_KEYS, type LayoutInput } from './schema';
export {
  crossFieldIssues,
  envelopeError,
  formatPath,
  MAX_CHECKED_ISSUES,
  MAX_FILE_BYTES,
  MAX_LISTED_ISSUES,
  parseLayoutText,
  parseLayoutValue,
  type LoadError,
  type LoadErrorKind,
  type LoadIssue,
  type LoadResult,
} from './parse';
export {
  migrate,
  MIGRATIONS,
  migrateV0ToV1,
  migrateV1ToV2,
  type MigrateResult,
  type Migration,
  type RawDoc,
} from './migrate';
export { KEY_ORDER, layoutJsonSchema, printAhead, serializeLayout } from './serialize';
export {
  addScenario,
  MAX_SCENARIOS,
  MAX_SCENARIO_NAME,
  parseScenariosText,
  parseScenariosValue,
  SCENARIOS_FORMAT_ID,
  SCENARIOS_VERSION,
  serializeScenarios,
  uniqueScenarioName,
  type Scenario,
  type ScenariosResult,
} from './scenarios';

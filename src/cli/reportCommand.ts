import { TIER_IDS, type Layout, type TierId } from '../domain';
import { MAX_FILE_BYTES, parseLayoutText, type LoadError } from '../domain/format';
import { computeReport, layoutAsOfPhase, type Report } from '../domain/report';
import { formatTextReport, safeText } from './textReport';

/**
 * The report command (README "The report", docs/rules.md), as a function of its arguments and its
 * I/O so that tests run it without a process:
 *
 *   npm run -s report -- <layout.json> [more.json …] [--tier ID] [--phase K] [--text] [--strict]
 *
 * One file: its report, pretty-printed (or as a table with --text). Several files: JSON Lines, one
 * line per file in argument order — `{"file": …, …the report}` — and for a file that cannot be read
 * or is invalid a line `{"file": …, "error": …}` (its details on stderr); every file is reported
 * before the exit status says anything went wrong. With --text, one table per file, each under a
 * line naming it.
 *
 * Exit status: 0 every report was printed; 1 with --strict when any check of any file fails (the
 * reports are still printed), and for nothing else; 2 a file is missing, unreadable or invalid, a
 * report could not be produced (an unexpected error, reported on one line), or the arguments are
 * wrong. 2 wins over 1.
 */

export const EXIT_OK = 0;
export const EXIT_CHECKS_FAILED = 1;
export const EXIT_BAD_INPUT = 2;

export interface ReportIo {
  /** The file's text (UTF-8). Throws as node's fs does (an error with `code` ENOENT, EISDIR, …). */
  readFile(path: string): string;
  /** The file's size in bytes, to refuse an oversized file before reading it (optional). */
  fileSize?(path: string): number;
  stdout(text: string): void;
  stderr(text: string): void;
}

export const USAGE = `usage: npm run -s report -- <layout.json> [more.json …] [--tier ID] [--phase K] [--text] [--strict]

Prints the campus report of a layout file as JSON (or, with --text, as a readable table).
With several files: one JSON report per line (JSON Lines, in argument order), each with its
"file"; a file that cannot be read or is invalid gives a line {"file": …, "error": …}.

  --tier ID   check against this tier instead of the layout's target tier
              (${TIER_IDS.join(', ')})
  --phase K   the report as of construction phase K (1 = the first): only the
              elements of phase K or earlier
  --text      a readable table instead of JSON
  --strict    exit with status 1 when any check fails
  --help      this message

exit status:
  0  the report was printed
  1  --strict and a check fails (the reports are still printed)
  2  a file is missing or invalid, or a report could not be produced; or bad arguments
`;

export interface ReportArgs {
  /** The layout files, in argument order (at least one). */
  readonly files: readonly string[];
  readonly tier: TierId | null;
  /** --phase K: the report as of phase K (1-based), or null for the whole campus. */
  readonly phase: number | null;
  readonly text: boolean;
  readonly strict: boolean;
}

export type ParsedArgs =
  { ok: true; args: ReportArgs } | { ok: true; help: true } | { ok: false; message: string };

function isTierId(v: string): v is TierId {
  return (TIER_IDS as readonly string[]).includes(v);
}

export function parseArgs(argv: readonly string[]): ParsedArgs {
  const files: string[] = [];
  let tier: TierId | null = null;
  let phase: number | null = null;
  let text = false;
  let strict = false;
  let optionsEnded = false;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (optionsEnded || a === '-' || !a.startsWith('-')) {
      files.push(a);
      continue;
    }
    if (a === '--') {
      optionsEnded = true;
    } else if (a === '--help' || a === '-h') {
      return { ok: true, help: true };
    } else if (a === '--text') {
      text = true;
    } else if (a === '--strict') {
      strict = true;
    } else if (a === '--phase' || a.startsWith('--phase=')) {
      const value = a === '--phase' ? argv[++i] : a.slice('--phase='.length);
      if (value === undefined || !/^[1-9]\d{0,5}$/.test(value)) {
        return {
          ok: false,
          message: `--phase needs a phase number (1 = the first phase), not ${JSON.stringify(value ?? '')}`,
        };
      }
      phase = Number(value);
    } else if (a === '--tier' || a.startsWith('--tier=')) {
      let value: string | undefined;
      if (a === '--tier') {
        value = argv[i + 1];
        i++;
      } else {
        value = a.slice('--tier='.length);
      }
      if (value === undefined || value === '') {
        return { ok: false, message: `--tier needs a tier id: one of ${TIER_IDS.join(', ')}` };
      }
      if (!isTierId(value)) {
        return {
          ok: false,
          message: `unknown tier ${JSON.stringify(value)}: the tier ids are ${TIER_IDS.join(', ')}`,
        };
      }
      tier = value;
    } else {
      return { ok: false, message: `unknown option ${JSON.stringify(a)}` };
    }
  }
  if (files.length === 0) return { ok: false, message: 'no layout file given' };
  return { ok: true, args: { files, tier, phase, text, strict } };
}

/** "no such file", "is a directory", … from a node fs error. */
function readErrorText(e: unknown): string {
  const code = typeof e === 'object' && e !== null && 'code' in e ? String(e.code) : '';
  switch (code) {
    case 'ENOENT':
      return 'no such file';
    case 'EISDIR':
      return 'is a directory, not a layout file';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EFBIG':
      return `over ${MAX_FILE_BYTES / (1024 * 1024)} MB, the largest layout file read (stopped reading there)`;
    default:
      return e instanceof Error ? e.message : String(e);
  }
}

/** The load error as lines: the summary, then each field problem ("halls[3].width: must be …"). */
export function loadErrorText(file: string, error: LoadError): string {
  const head = `error: ${safeText(file)} is not a valid layout file: `;
  if (error.kind !== 'invalid' || error.issues.length <= 1)
    return `${head}${safeText(error.message)}\n`;
  const lines = error.issues.map(
    (i) => `  ${safeText(i.path ? `${i.path}: ${i.message}` : i.message)}`,
  );
  // `issues` is capped (its last entry says how many more); `total` is the true count.
  const total = error.total ?? error.issues.length;
  const count = `${error.totalIsLowerBound ? 'at least ' : ''}${total.toLocaleString('en-US')}`;
  return `${head}${count} problems\n${lines.join('\n')}\n`;
}

/** One file's outcome: its report, or why there is none (`stderr`: the details for people). */
type FileOutcome =
  | {
      readonly ok: true;
      readonly report: Report;
      readonly layout: Layout;
      /** Phases of the whole file (before --phase cut them). */
      readonly phaseCount: number;
    }
  | { readonly ok: false; readonly error: string; readonly stderr: string };

/** Read, load and report one file. Notes (a migrated file) go to stderr at once. */
function reportFile(
  file: string,
  tier: TierId | null,
  phase: number | null,
  io: ReportIo,
): FileOutcome {
  const shown = safeText(file);
  let content: string;
  try {
    const size = io.fileSize?.(file);
    if (size !== undefined && size > MAX_FILE_BYTES) {
      const error = `${(size / (1024 * 1024)).toFixed(0)} MB; the largest layout file read is ${MAX_FILE_BYTES / (1024 * 1024)} MB`;
      return { ok: false, error, stderr: `error: ${shown} is ${error}\n` };
    }
    content = io.readFile(file);
  } catch (e) {
    const error = `cannot read: ${readErrorText(e)}`;
    return {
      ok: false,
      error,
      stderr: `error: cannot read ${shown}: ${safeText(readErrorText(e))}\n`,
    };
  }

  const loaded = parseLayoutText(content);
  if (!loaded.ok) {
    return {
      ok: false,
      error: `not a valid layout file: ${loaded.error.message}`,
      stderr: loadErrorText(file, loaded.error),
    };
  }
  if (loaded.migratedFrom !== null) {
    io.stderr(
      `note: ${shown} is format version ${loaded.migratedFrom}; read as the current version\n`,
    );
  }
  const phaseCount = loaded.layout.settings.phases.length;
  if (phase !== null && phase > phaseCount) {
    const error = `--phase ${phase}: the layout has ${phaseCount} ${phaseCount === 1 ? 'phase' : 'phases'}`;
    return { ok: false, error, stderr: `error: ${shown}: ${error}\n` };
  }
  const layout = phase === null ? loaded.layout : layoutAsOfPhase(loaded.layout, phase - 1);
  try {
    return {
      ok: true,
      report: computeReport(layout, tier === null ? {} : { tier }),
      layout,
      phaseCount,
    };
  } catch (e) {
    const why = e instanceof Error ? `${e.name}: ${e.message}` : String(e);
    return {
      ok: false,
      error: `could not produce the report: ${why}`,
      stderr: `error: could not produce the report of ${shown}: ${safeText(why)}\n`,
    };
  }
}

export function runReport(argv: readonly string[], io: ReportIo): number {
  const parsed = parseArgs(argv);
  if (!parsed.ok) {
    io.stderr(`error: ${safeText(parsed.message)}\n\n${USAGE}`);
    return EXIT_BAD_INPUT;
  }
  if ('help' in parsed) {
    io.stdout(USAGE);
    return EXIT_OK;
  }
  const { files, tier, phase, text, strict } = parsed.args;
  const several = files.length > 1;
  let bad = false;
  let anyFail = false;
  for (const file of files) {
    const outcome = reportFile(file, tier, phase, io);
    // Exit 1 means "a check failed" to scripts: anything going wrong must not look like it.
    let output: string;
    if (outcome.ok) {
      try {
        const { report, layout, phaseCount } = outcome;
        const asOfPhase = phase === null ? {} : { asOfPhase: { k: phase, of: phaseCount } };
        output = text
          ? `${several ? `== ${safeText(file)}\n` : ''}${formatTextReport(report, layout, asOfPhase)}`
          : several
            ? `${JSON.stringify({ file, ...report }, siOnly)}\n`
            : `${JSON.stringify(report, siOnly, 2)}\n`;
        anyFail ||= report.checks.some((c) => c.status === 'fail');
      } catch (e) {
        const why = e instanceof Error ? `${e.name}: ${e.message}` : String(e);
        io.stderr(`error: could not produce the report of ${safeText(file)}: ${safeText(why)}\n`);
        if (several && !text)
          io.stdout(`${JSON.stringify({ file, error: `could not produce the report: ${why}` })}\n`);
        bad = true;
        continue;
      }
      io.stdout(output);
    } else {
      bad = true;
      io.stderr(outcome.stderr);
      if (several && !text) io.stdout(`${JSON.stringify({ file, error: outcome.error })}\n`);
    }
  }
  if (bad) return EXIT_BAD_INPUT;
  return strict && anyFail ? EXIT_CHECKS_FAILED : EXIT_OK;
}

/** The JSON report is SI: a check's message parts (for other units) stay out of it. */
function siOnly(key: string, value: unknown): unknown {
  return key === 'messageParts' ? undefined : value;
}

/**
 * Structured logs: one JSON object per line on stdout (pino), for refused attempts on another
 * authority's records, refusals for the wrong role, and server errors. Ids and codes only —
 * never names, answers, e-mail bodies, query strings or error messages, which may quote them.
 * The entry point picks the level (`STEPWISE_LOG_LEVEL`, default `info`); an app built without
 * a logger, as in tests, logs nothing.
 */
import { pino, type DestinationStream, type Logger } from 'pino';

export type { Logger };

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

export function createLogger(options: { level?: string; destination?: DestinationStream } = {}): Logger {
  const level = options.level ?? 'info';
  if (!(LOG_LEVELS as readonly string[]).includes(level)) throw new Error(`Unknown log level "${level}": use one of ${LOG_LEVELS.join(', ')}.`);
  const settings = { level, base: { service: 'stepwise' }, timestamp: pino.stdTimeFunctions.isoTime };
  return options.destination ? pino(settings, options.destination) : pino(settings);
}

export const silentLogger: Logger = pino({ level: 'silent' });

/**
 * An error as it may be logged: its class, its code if it has one, and where it was thrown. The
 * message is left out on purpose: a parser or driver may quote the data it choked on.
 */
export function errorFields(error: unknown) {
  if (!(error instanceof Error)) return { type: typeof error };
  const code = (error as { code?: unknown }).code;
  const frames = (error.stack ?? '').split('\n').filter((line) => /^\s+at /.test(line)).slice(0, 12).map((line) => line.trim());
  return { type: error.name, ...(typeof code === 'string' || typeof code === 'number' ? { code } : {}), stack: frames };
}

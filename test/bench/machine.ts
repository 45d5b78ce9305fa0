/** The machine a benchmark ran on, and appending its results to a results file. */
import { appendFileSync, mkdirSync } from 'node:fs';
import { cpus, loadavg, platform, release, totalmem } from 'node:os';
import { dirname } from 'node:path';

export function machine(): string {
  const cpu = cpus()[0]?.model.trim() ?? 'unknown CPU';
  return `${cpu}, ${cpus().length} cores, ${Math.round(totalmem() / 2 ** 30)} GiB, ${platform()} ${release()}, Node ${process.version}`;
}

export function appendResults(file: string, title: string, command: string, lines: string[]): void {
  mkdirSync(dirname(file), { recursive: true });
  // Other work on the machine shares its cores: the load average says how much there was.
  const load = loadavg().map((l) => l.toFixed(2)).join(', ');
  const section = [`\n## ${title} — ${new Date().toISOString()}`, '', `Machine: ${machine()}; load average ${load} (1, 5, 15 min) when written`, '', `Command: \`${command}\``, '', ...lines, ''];
  appendFileSync(file, section.join('\n'));
}

export function table(header: string[], rows: Array<Array<string | number>>): string[] {
  const line = (cells: Array<string | number>) => `| ${cells.join(' | ')} |`;
  return [line(header), line(header.map(() => '---')), ...rows.map(line)];
}

/**
 * One row of the summary `npm run bench` prints and keeps at the end (run.ts): what was measured,
 * today's figure and the goal it is held to. Outside `npm run bench`, nothing is written.
 */
export function headline(what: string, figure: string, goal: string): void {
  const file = process.env['STEPWISE_BENCH_HEADLINES'];
  if (file) appendFileSync(file, `${JSON.stringify({ what, figure, goal })}\n`);
}

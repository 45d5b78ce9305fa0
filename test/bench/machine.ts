/** The machine a benchmark ran on, and appending its results to a results file. */
import { appendFileSync, mkdirSync } from 'node:fs';
import { cpus, platform, release, totalmem } from 'node:os';
import { dirname } from 'node:path';

export function machine(): string {
  const cpu = cpus()[0]?.model.trim() ?? 'unknown CPU';
  return `${cpu}, ${cpus().length} cores, ${Math.round(totalmem() / 2 ** 30)} GiB, ${platform()} ${release()}, Node ${process.version}`;
}

export function appendResults(file: string, title: string, command: string, lines: string[]): void {
  mkdirSync(dirname(file), { recursive: true });
  const section = [`\n## ${title} — ${new Date().toISOString()}`, '', `Machine: ${machine()}`, '', `Command: \`${command}\``, '', ...lines, ''];
  appendFileSync(file, section.join('\n'));
}

export function table(header: string[], rows: Array<Array<string | number>>): string[] {
  const line = (cells: Array<string | number>) => `| ${cells.join(' | ')} |`;
  return [line(header), line(header.map(() => '---')), ...rows.map(line)];
}

/**
 * The case file on a task page (CaseFile.svelte): the next person reads what earlier steps
 * recorded without leaving the task. Each entry the task view lists is on the page, in order,
 * under its form's title, and once opened shows its answers as the server wrote them for people
 * (labels, option titles, long dates). A walk keeps what each task showed, for a table.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import type { Page } from 'playwright-core';
import type { CaseFileEntry, CaseFileRow, TaskForm } from '../../../designer/src/lib/api-types.ts';
import { ROOT } from './stack.ts';

export interface CaseFileSeen {
  node: string;
  task: string;
  who: string;
  /** The definition's `caseFile.show`, when it has one. */
  show: readonly string[] | undefined;
  shown: Array<{ node: string; title: string; answers: number }>;
}

const plain = (s: string) => s.replace(/\s+/g, ' ').trim();

/** The rows the page must show as they are: plain answers of the entry's top level; a repeat by its items' headings. */
interface Wanted { label: string; text: string; whole: boolean }

function expectedRows(entry: CaseFileEntry): Wanted[] {
  const text = (row: CaseFileRow) => plain(Array.isArray(row.value) ? row.value.join(' ') : row.value);
  return entry.sections.flatMap((s) => s.rows).flatMap((row): Wanted[] => {
    if (row.items?.length) return row.items.map((item) => ({ label: row.label, text: plain(item.label), whole: false }));
    return text(row) ? [{ label: plain(row.label), text: text(row), whole: true }] : [];
  });
}

/**
 * Checks the "What earlier steps recorded" section against the task view the page loaded, each
 * entry opened (and left open, for the photographs); `first` is the route's first step, before
 * which nothing is recorded.
 */
export async function checkCaseFile(page: Page, view: TaskForm, who: string, show: readonly string[] | undefined, first: boolean): Promise<CaseFileSeen> {
  const what = `${view.task.name} (${view.task.node})`;
  const entries = view.caseFile ?? [];
  if (show && !first) expect(entries.length, `${what}: the definition shows ${show.join(', ')}, but the case file is empty`).toBeGreaterThan(0);
  // What the definition names, in its order; without `show`, every form recorded so far, newest first (server case-file.ts).
  const order = entries.map((e) => (show ? show.indexOf(e.node) : -Date.parse(e.completedAt)));
  const listed = `${entries.map((e) => e.node).join(', ')} against caseFile.show ${show?.join(', ') ?? '(none)'}`;
  expect(order.every((i, k) => (!show || i >= 0) && (k === 0 || i >= order[k - 1]!)), `${what}: ${listed}`).toBe(true);
  const seen: CaseFileSeen = { node: view.task.node, task: view.task.name, who, show, shown: [] };
  // The section as the page renders it, read in one round trip: the walks are long enough already.
  const rendered = await page.evaluate(() => {
    const section = document.querySelector('section.stepwise-case-file');
    const text = (el: Element | null) => (el as HTMLElement | null)?.innerText ?? '';
    return section && {
      heading: text(section.querySelector('h2')),
      entries: [...section.querySelectorAll('details')].map((d) => {
        d.open = true;
        return {
          node: d.getAttribute('data-case-file'),
          title: text(d.querySelector('summary')),
          rows: [...d.querySelectorAll(':scope > .govuk-details__text > dl > .govuk-summary-list__row')].map((row) => ({ label: text(row.querySelector(':scope > dt')), value: text(row.querySelector(':scope > dd')) })),
        };
      }),
    };
  });
  if (entries.length === 0) {
    expect(rendered, `${what}: a case file with nothing in it`).toBeNull();
    return seen;
  }
  expect(rendered?.heading).toBe('What earlier steps recorded');
  expect(rendered?.entries.map((e) => e.node)).toEqual(entries.map((e) => e.node));
  for (const [i, entry] of entries.entries()) {
    const shown = rendered!.entries[i]!;
    expect(plain(shown.title)).toBe(plain(entry.form.title));
    const rows = shown.rows.map((r) => ({ label: plain(r.label), value: plain(r.value) }));
    const wanted = expectedRows(entry);
    expect(wanted.length, `${what}: ${entry.form.title} records no answer to show`).toBeGreaterThan(0);
    for (const w of wanted) {
      const found = rows.some((r) => r.label === w.label && (w.whole ? r.value === w.text : r.value.includes(w.text)));
      expect(found, `${what}: ${entry.form.title} shows “${w.label}: ${w.text}” (the page has ${JSON.stringify(rows)})`).toBe(true);
    }
    seen.shown.push({ node: entry.node, title: entry.form.title, answers: wanted.length });
  }
  return seen;
}

const cell = (s: string) => s.replace(/\|/g, '\\|');

/** The walk's record as a Markdown table, to test-artifacts/case-file-<definition>.md. */
export function writeCaseFileTable(definition: string, title: string, seen: readonly CaseFileSeen[]): string {
  const lines = [
    `# What each task page showed from earlier steps: ${title}`,
    '',
    `The browser walk of \`${definition}\`'s main route (test/browser), ${new Date().toISOString().slice(0, 10)}. “Shown” is the`,
    'page\'s "What earlier steps recorded", each entry opened and its answers checked against the task view.',
    '',
    '| # | Task (node) | Done by | `caseFile.show` in the definition | Shown on the page (answers checked) |',
    '|---|---|---|---|---|',
    ...seen.map((s, i) => {
      const show = s.show ? s.show.map((n) => `\`${n}\``).join(', ') : '— (every form so far)';
      const shown = s.shown.length ? s.shown.map((e) => `${cell(e.title)} (\`${e.node}\`, ${e.answers})`).join('; ') : '—';
      return `| ${i + 1} | ${cell(s.task)} (\`${s.node}\`) | ${s.who} | ${show} | ${shown} |`;
    }),
    '',
  ];
  const path = join(ROOT, 'test-artifacts', `case-file-${definition}.md`);
  mkdirSync(join(ROOT, 'test-artifacts'), { recursive: true });
  writeFileSync(path, lines.join('\n'));
  return path;
}

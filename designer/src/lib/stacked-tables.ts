/**
 * Tables on a phone: GOV.UK tables wider than the screen are shown as stacked rows (app.css),
 * each cell under its column's name. The names come from the header row and are written on the
 * cells as `data-label`, which the CSS shows; one observer keeps every table in the page's main
 * labelled, so the pages' tables need nothing of their own. On wider screens nothing changes.
 */

/** What each cell of a row is labelled with: its column's header, except the first cell, which
 *  names the row (the task, the family) and stands as its title. */
export function cellLabels(headers: readonly string[]): string[] {
  return headers.map((header, i) => (i === 0 ? '' : header.replace(/\s+/g, ' ').trim()));
}

/** A header's words as read: without its sort arrows or visually hidden words. */
function headerText(th: Element): string {
  const copy = th.cloneNode(true) as Element;
  copy.querySelectorAll('[aria-hidden="true"], .govuk-visually-hidden').forEach((el) => el.remove());
  return copy.textContent ?? '';
}

export function labelTable(table: HTMLTableElement): void {
  const headers = [...(table.tHead?.rows[0]?.cells ?? [])].map(headerText);
  const labels = cellLabels(headers);
  for (const body of table.tBodies) {
    for (const row of body.rows) {
      [...row.cells].forEach((cell, i) => {
        const label = labels[i] ?? '';
        if (label && cell.dataset['label'] !== label) cell.dataset['label'] = label;
        else if (!label && cell.dataset['label'] !== undefined) delete cell.dataset['label'];
      });
    }
  }
}

/** A Svelte attachment for <main>: labels its GOV.UK tables now and whenever the page changes. */
export function stackedTables(root: HTMLElement): () => void {
  const label = () => root.querySelectorAll<HTMLTableElement>('table.govuk-table').forEach(labelTable);
  label();
  const observer = new MutationObserver(label);
  observer.observe(root, { childList: true, subtree: true });
  return () => observer.disconnect();
}

/**
 * Case search through SQLite's FTS5 full-text index with the trigram tokenizer (SQLite ≥ 3.34;
 * better-sqlite3 12 ships 3.5x). Before it, a search read the search key of every case in the
 * authority, at the end of each case row: 41 ms p50 at a million cases.
 *
 * Each case has one row in `case_search`: its search key (search-key.ts: id, family name and each
 * child's name, case-system id and date of birth, normalised, one field a line) and the columns of
 * its summary (`CaseSummary`), named as in `cases`. `case_search_fts` indexes the keys by every
 * three characters. A query of three characters or more is an FTS5 phrase: all its trigrams,
 * consecutive, which is exactly "the key contains the query", the same substring match as before.
 * The tokenizer is case-sensitive because keys and queries are already folded in JavaScript
 * (search-key.ts); its own folding would differ.
 *
 * Shorter queries have no trigram to look up. They scan the authority's rows of `case_search`
 * (about 200 bytes a case, side by side) with the same substring test.
 *
 * Document numbers group an authority's cases: `doc = ordinal << 40 | n`, with the authority's
 * ordinal from `search_authorities`. FTS5 seeks to a rowid range inside a trigram's document list,
 * so a search reads only its own authority's matches: a family name's first letters match about
 * 1 case in 100 nationally, ten thousand at a million cases, but only the authority's ~70 are read.
 * Their summaries are then rows of one narrow span of `case_search`, not case rows of about 20 KB
 * each scattered over the whole file (at a million cases, reading those was most of a search).
 *
 * Triggers keep all of it in step with `cases`, inside whichever transaction writes the case (a
 * commit, the bulk import, a migration), so no writer can forget it. A step rewrites its case's
 * `case_search` row (one small row); the full-text index changes only when the key does.
 */
import type { Db } from './sqlite-schema.ts';

/** Each authority's cases sit in their own span of 2^40 document numbers. */
const SPAN = 40;
/** The columns `case_search` shares with `cases`, so a case list can read either. */
const SUMMARY = 'authority, status, definition_id, definition_version, family_name, version, started_at, updated_at';

/** Schema 11: the search index, filled from the search keys migration 4 gave every case. */
export function addSearchIndex(db: Db): void {
  db.exec(`
  CREATE TABLE search_authorities (authority TEXT PRIMARY KEY, ordinal INTEGER NOT NULL UNIQUE) WITHOUT ROWID;
  CREATE TABLE case_search (
    doc INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, key TEXT NOT NULL, authority TEXT NOT NULL, status TEXT NOT NULL,
    definition_id TEXT NOT NULL, definition_version INTEGER NOT NULL, family_name TEXT NOT NULL, version INTEGER NOT NULL,
    started_at TEXT NOT NULL, updated_at TEXT NOT NULL);
  CREATE VIRTUAL TABLE case_search_fts USING fts5(key, content = 'case_search', content_rowid = 'doc',
    tokenize = 'trigram case_sensitive 1', columnsize = 0);
  `);
  fillSearchIndex(db);
  db.exec(SEARCH_TRIGGERS);
}

/**
 * Indexes every case at once, in document order: for a migration, or a bulk import that drops the
 * triggers while it writes cases (FTS5 starts a new segment whenever a document number is lower
 * than the last one, which one trigger per case does at every change of authority).
 */
export function fillSearchIndex(db: Db): void {
  db.exec(`
  INSERT INTO search_authorities (authority, ordinal)
    SELECT authority, row_number() OVER (ORDER BY authority) FROM (SELECT DISTINCT authority FROM cases);
  INSERT INTO case_search (doc, id, key, ${SUMMARY})
    SELECT (a.ordinal << ${SPAN}) + row_number() OVER (PARTITION BY c.authority ORDER BY c.started_at, c.id), c.id, c.search_key,
      ${SUMMARY.split(', ').map((column) => `c.${column}`).join(', ')}
    FROM cases c JOIN search_authorities a ON a.authority = c.authority ORDER BY 1;
  INSERT INTO case_search_fts (case_search_fts) VALUES ('rebuild');
  `);
}

const SEARCH_TRIGGERS = `
  CREATE TRIGGER case_search_added AFTER INSERT ON case_search
    BEGIN INSERT INTO case_search_fts (rowid, key) VALUES (new.doc, new.key); END;
  CREATE TRIGGER case_search_removed AFTER DELETE ON case_search
    BEGIN INSERT INTO case_search_fts (case_search_fts, rowid, key) VALUES ('delete', old.doc, old.key); END;
  CREATE TRIGGER case_search_changed AFTER UPDATE OF key ON case_search WHEN new.key IS NOT old.key BEGIN
    INSERT INTO case_search_fts (case_search_fts, rowid, key) VALUES ('delete', old.doc, old.key);
    INSERT INTO case_search_fts (rowid, key) VALUES (new.doc, new.key);
  END;

  CREATE TRIGGER cases_search_added AFTER INSERT ON cases BEGIN
    INSERT OR IGNORE INTO search_authorities (authority, ordinal)
      VALUES (new.authority, (SELECT COALESCE(MAX(ordinal), 0) + 1 FROM search_authorities));
    INSERT INTO case_search (doc, id, key, ${SUMMARY})
      SELECT COALESCE((SELECT MAX(doc) FROM case_search WHERE doc > (a.ordinal << ${SPAN}) AND doc < ((a.ordinal + 1) << ${SPAN})),
        a.ordinal << ${SPAN}) + 1, new.id, new.search_key, ${SUMMARY.split(', ').map((column) => `new.${column}`).join(', ')}
      FROM search_authorities a WHERE a.authority = new.authority;
  END;
  -- Not on the audit head alone (a read appended to the case's log): the summary is unchanged.
  CREATE TRIGGER cases_search_changed AFTER UPDATE OF search_key, ${SUMMARY} ON cases BEGIN
    UPDATE case_search SET key = new.search_key, ${SUMMARY.split(', ').map((column) => `${column} = new.${column}`).join(', ')}
      WHERE id = new.id;
  END;
  CREATE TRIGGER cases_search_removed AFTER DELETE ON cases
    BEGIN DELETE FROM case_search WHERE id = old.id; END;
  `;

/**
 * SQL selecting the `case_search` rows (the same summary columns as `cases`) of the authority's
 * cases whose key contains `term` (normalised, search-key.ts), with its parameters; null when the
 * authority has no cases at all.
 */
export function searchHits(db: Db, authority: string, term: string): { sql: string; params: unknown[] } | null {
  const ordinal = db.prepare('SELECT ordinal FROM search_authorities WHERE authority = ?').pluck().get(authority) as number | undefined;
  if (ordinal === undefined) return null;
  const span = [ordinal, ordinal];
  if ([...term].length < 3) {
    return {
      sql: `SELECT * FROM case_search WHERE doc > (? << ${SPAN}) AND doc < ((? + 1) << ${SPAN}) AND instr(key, ?) > 0`,
      params: [...span, term],
    };
  }
  // One phrase: inside double quotes FTS5 reads every character literally, a doubled quote as one.
  const phrase = `"${term.replaceAll('"', '""')}"`;
  return {
    sql: `SELECT s.* FROM case_search_fts f CROSS JOIN case_search s ON s.doc = f.rowid
      WHERE case_search_fts MATCH ? AND f.rowid > (? << ${SPAN}) AND f.rowid < ((? + 1) << ${SPAN})`,
    params: [phrase, ...span],
  };
}

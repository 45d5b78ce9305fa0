/** Reading a SQLite store's write-ahead log in tests: how many transactions it holds. */
import { readFileSync } from 'node:fs';

/** Transactions in the write-ahead log: frames that end a commit (a non-zero database size in their header). */
export function commitsInWal(path: string): number {
  const wal = readFileSync(`${path}-wal`);
  const pageSize = wal.readUInt32BE(8);
  let commits = 0;
  for (let at = 32; at + 24 + pageSize <= wal.length; at += 24 + pageSize) if (wal.readUInt32BE(at + 4) > 0) commits += 1;
  return commits;
}

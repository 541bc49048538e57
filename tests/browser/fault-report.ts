/**
 * The fault matrix's table: each fault test records one row (what was
 * injected, answers the learner gave, answers the LMS/LRS ended up holding,
 * lost and duplicated), and the global teardown prints them all.
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface FaultRow {
  readonly standard: string;
  readonly fault: string;
  readonly injected: number;
  readonly written: number;
  readonly reached: number;
  readonly lost: number;
  readonly duplicated: number;
}

// Not under test-results/: Playwright empties that folder when a run starts.
const DIR = join(process.cwd(), 'tests', '.fault-matrix');

export function recordFaultRow(row: FaultRow): void {
  mkdirSync(DIR, { recursive: true });
  writeFileSync(join(DIR, `${row.standard}-${row.fault.replace(/[^a-z0-9]+/gi, '-')}.json`), JSON.stringify(row));
}

/** Answers given (ids) against the ids the LMS/LRS holds: reached, lost, duplicated. */
export function tally(expected: readonly string[], held: readonly string[]) {
  const counts = new Map<string, number>();
  for (const id of held) counts.set(id, (counts.get(id) ?? 0) + 1);
  const reached = expected.filter((id) => (counts.get(id) ?? 0) > 0).length;
  const duplicated = [...counts.values()].reduce((n, c) => n + Math.max(0, c - 1), 0);
  return { written: expected.length, reached, lost: expected.length - reached, duplicated };
}

export function printFaultTable(): void {
  let files: string[];
  try {
    files = readdirSync(DIR).filter((f) => f.endsWith('.json'));
  } catch {
    return;
  }
  if (files.length === 0) return;
  const rows = files
    .map((f) => JSON.parse(readFileSync(join(DIR, f), 'utf8')) as FaultRow)
    .sort((a, b) => `${a.standard}${a.fault}`.localeCompare(`${b.standard}${b.fault}`));
  const header = ['standard', 'fault', 'faults injected', 'answers written', 'reached LMS/LRS', 'lost', 'duplicated'];
  const cells = rows.map((r) => [
    r.standard,
    r.fault,
    String(r.injected),
    String(r.written),
    String(r.reached),
    String(r.lost),
    String(r.duplicated),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i]!.length)));
  const line = (c: string[]) => c.map((x, i) => x.padEnd(widths[i]!)).join('  ');
  const total = (k: 'written' | 'reached' | 'lost' | 'duplicated') => rows.reduce((n, r) => n + r[k], 0);
  console.log(`\nFault matrix (${rows.length} scenarios):`);
  console.log(line(header));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const c of cells) console.log(line(c));
  console.log(
    `Total: ${total('written')} answers written, ${total('reached')} reached, ${total('lost')} lost, ${total('duplicated')} duplicated.\n`,
  );
}

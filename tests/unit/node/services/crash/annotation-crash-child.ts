/**
 * The process the crash test kills. It opens the annotation store on a data folder and saves
 * for ever: new annotations and edits of existing ones, some with large notes, one to three
 * at a time (so saves also queue). After each save resolves it prints "ACK <id> <updated>":
 * from then on the store has promised that version (or a later one) survives anything.
 *
 *   node annotation-crash-child.cjs <dataDir> <reportId> <seed> <run>
 */
import { createAnnotationStore } from '../../../../../node/services/annotation-store';
import { makeAnnotation, mulberry32 } from './fixtures';

/** Keeps the file (rewritten whole on every save) at a size that keeps the test quick. */
const MAX_ANNOTATIONS = 200;

const [dataDir = '', reportId = '', seedArg, runArg] = process.argv.slice(2);
if (!dataDir || !reportId) throw new Error('usage: <dataDir> <reportId> <seed> <run>');
const random = mulberry32(Number(seedArg));
const run = Number(runArg);

// The test runs one child at a time on the folder, so each is its only writer, as the
// data-folder lock makes the app's one writer: it may remove the temp files a kill left.
const store = createAnnotationStore(dataDir, { mayTidy: () => true });
const ids: string[] = [];
let clock = Date.parse('2024-01-01T00:00:00.000Z');
let created = 0;

async function main(): Promise<void> {
  const { annotations, notices } = await store.list(reportId);
  if (notices.length > 0) process.stdout.write(`NOTICE ${JSON.stringify(notices)}\n`);
  ids.push(...annotations.map((a) => a.id));
  // Every version gets a later `updated` than any on disk, so "at least the ACKed version"
  // is a plain comparison of times.
  clock = Math.max(clock, ...annotations.map((a) => Date.parse(a.updated)));
  process.stdout.write(`READY ${ids.length}\n`);
  for (;;) {
    const burst = 1 + Math.floor(random() * 3);
    await Promise.all(Array.from({ length: burst }, saveOne));
  }
}

async function saveOne(): Promise<void> {
  const edit = ids.length > 0 && (ids.length >= MAX_ANNOTATIONS || random() < 0.6);
  const id = edit ? (ids[Math.floor(random() * ids.length)] ?? 'x') : `r${run}-${created++}`;
  if (!edit) ids.push(id);
  clock += 1;
  const updated = new Date(clock).toISOString();
  const large = random() < 0.04;
  const note = large
    ? `${'大段批注'.repeat(1000 + Math.floor(random() * 4000))}`
    : `run ${run}: ${edit ? 'edit' : 'new'} ${id} at ${updated}`;
  await store.save(makeAnnotation({ id, reportId, note, updated }));
  process.stdout.write(`ACK ${id} ${updated}\n`);
}

main().catch((err: unknown) => {
  process.stderr.write(`${String(err instanceof Error ? err.stack : err)}\n`);
  process.exit(1);
});

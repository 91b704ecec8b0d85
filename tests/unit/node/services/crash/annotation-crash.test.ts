/**
 * Kills a process that is saving annotations, 200 times at random moments (while it starts,
 * loads, queues, writes the backup, writes the file, renames…), always on the same data
 * folder, and after each kill checks that the store still loads cleanly — no damaged file, no
 * fallback to the backup — and holds every acknowledged save at that version or a later one.
 *
 * The child is bundled once with Vite so each of the 200 starts is a plain, quick `node`.
 * CRASH_SEED=<n> replays a run; the seed is printed with the duration.
 */
import { spawn } from 'node:child_process';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { builtinModules } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAnnotationStore } from '../../../../../node/services/annotation-store';
import { mulberry32 } from './fixtures';

const RUNS = 200;
const REPORT = '2023年法治政府建设报告.txt';
const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '../../../../..');

let workDir: string;
let childScript: string;

beforeAll(async () => {
  workDir = await mkdtemp(path.join(tmpdir(), 'annotation-crash-'));
  const nodeBuiltins = [...builtinModules, ...builtinModules.map((name) => `node:${name}`)];
  await build({
    configFile: false,
    root,
    logLevel: 'warn',
    mode: 'production',
    ssr: { noExternal: true, target: 'node' },
    build: {
      ssr: path.join(here, 'annotation-crash-child.ts'),
      outDir: path.join(workDir, 'bundle'),
      emptyOutDir: true,
      target: 'node20',
      minify: false,
      sourcemap: false,
      reportCompressedSize: false,
      rollupOptions: {
        external: nodeBuiltins,
        output: { format: 'cjs', entryFileNames: 'child.cjs', codeSplitting: false },
      },
    },
  });
  childScript = path.join(workDir, 'bundle', 'child.cjs');
}, 60_000);

afterAll(async () => {
  await rm(workDir, { recursive: true, force: true });
});

interface RunOutcome {
  acks: { id: string; updated: string }[];
  /** Anything but READY/ACK lines, e.g. a NOTICE from loading: must never appear. */
  unexpected: string[];
  stderr: string;
  signal: NodeJS.Signals | null;
}

type KillPlan =
  | { after: 'acks'; count: number }
  | { after: 'ready'; delayMs: number }
  | { after: 'spawn'; delayMs: number };

/** Runs the child once and SIGKILLs it as the plan says; resolves after its output ends. */
function runAndKill(dataDir: string, seed: number, run: number, plan: KillPlan) {
  return new Promise<RunOutcome>((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [childScript, dataDir, REPORT, String(seed), String(run)],
      {
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    const outcome: RunOutcome = { acks: [], unexpected: [], stderr: '', signal: null };
    let pending = '';
    let killTimer: NodeJS.Timeout | undefined;
    const kill = () => child.kill('SIGKILL');

    if (plan.after === 'spawn') killTimer = setTimeout(kill, plan.delayMs);
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
      pending += chunk;
      const lines = pending.split('\n');
      pending = lines.pop() ?? '';
      for (const line of lines) {
        const [word, id, updated] = line.split(' ');
        if (word === 'ACK' && id && updated) {
          outcome.acks.push({ id, updated });
          if (plan.after === 'acks' && outcome.acks.length === plan.count) kill();
        } else if (word === 'READY') {
          if (plan.after === 'ready') killTimer = setTimeout(kill, plan.delayMs);
        } else {
          outcome.unexpected.push(line);
        }
      }
    });
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (chunk: string) => (outcome.stderr += chunk));
    child.on('error', reject);
    // 'close' comes after stdout has ended: every ACK the child wrote before dying is read.
    child.on('close', (_code, signal) => {
      clearTimeout(killTimer);
      outcome.signal = signal;
      if (pending) outcome.unexpected.push(pending);
      resolve(outcome);
    });
  });
}

describe('annotation store under SIGKILL', () => {
  it(`keeps every acknowledged save through ${RUNS} kills at random moments`, async () => {
    const seed = Number(process.env.CRASH_SEED ?? Math.floor(Math.random() * 2 ** 31));
    const random = mulberry32(seed);
    const dataDir = path.join(workDir, 'data');
    const acknowledged = new Map<string, string>();
    const started = performance.now();
    let totalAcks = 0;

    for (let run = 0; run < RUNS; run++) {
      const roll = random();
      const plan: KillPlan =
        roll < 0.45
          ? { after: 'acks', count: 1 + Math.floor(random() * 6) }
          : roll < 0.85
            ? { after: 'ready', delayMs: Math.floor(random() * 60) }
            : { after: 'spawn', delayMs: Math.floor(random() * 120) };
      const outcome = await runAndKill(dataDir, Math.floor(random() * 2 ** 31), run, plan);
      const context = `seed ${seed}, run ${run}, plan ${JSON.stringify(plan)}`;
      // Killed by us, not dead of its own error.
      expect(outcome.stderr, context).toBe('');
      expect(outcome.signal, context).toBe('SIGKILL');
      expect(outcome.unexpected, context).toEqual([]);
      totalAcks += outcome.acks.length;
      for (const { id, updated } of outcome.acks) {
        const known = acknowledged.get(id);
        if (known === undefined || Date.parse(updated) > Date.parse(known)) {
          acknowledged.set(id, updated);
        }
      }

      // A fresh store, as the app would open after the crash (the child is dead: this test is
      // the folder's only writer, so it may tidy the temp file the kill left).
      const { annotations, notices, unreadable } = await createAnnotationStore(dataDir, {
        mayTidy: () => true,
      }).list(REPORT);
      expect(unreadable, context).toEqual([]);
      expect(notices, context).toEqual([]);
      const onDisk = new Map(annotations.map((a) => [a.id, Date.parse(a.updated)]));
      for (const [id, updated] of acknowledged) {
        const found = onDisk.get(id);
        expect(found, `${context}: ${id} acknowledged at ${updated}`).toBeDefined();
        expect(found ?? 0, `${context}: ${id}`).toBeGreaterThanOrEqual(Date.parse(updated));
      }
      // Opening tidied up any temp file the kill left: only the file and its backup remain.
      const names = await readdir(path.join(dataDir, 'annotations'), { withFileTypes: true }).catch(
        () => [],
      );
      expect(
        names.map((n) => n.name).filter((n) => !/\.json(\.bak)?$/.test(n)),
        context,
      ).toEqual([]);
    }

    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    console.log(
      `annotation crash test: ${RUNS} kills, ${totalAcks} acknowledged saves, ` +
        `${acknowledged.size} annotations, ${seconds} s (CRASH_SEED=${seed})`,
    );
    expect(totalAcks).toBeGreaterThan(RUNS / 2);
  }, 180_000);
});

/**
 * Runs a compute task in a Web Worker (one shared worker for the app), with progress; where
 * there is no Worker (unit tests) it runs on the main thread after a frame. A new task
 * supersedes the previous one's result.
 */
import { useEffect, useState } from 'react';
import { runTask, type ComputeResult, type ComputeTask } from './compute-tasks';

export type Computation<R> =
  | { status: 'idle' }
  | { status: 'running'; progress: number }
  | { status: 'done'; result: R }
  | { status: 'failed'; error: string };

type Listener = (message: { progress?: number; result?: unknown; error?: string }) => void;

let worker: Worker | null = null;
let nextId = 1;
const listeners = new Map<number, Listener>();

function sharedWorker(): Worker | null {
  if (typeof Worker === 'undefined') return null;
  if (!worker) {
    worker = new Worker(new URL('./compute-worker.ts', import.meta.url), { type: 'module' });
    worker.onmessage = (event: MessageEvent<{ id: number; progress?: number }>) => {
      listeners.get(event.data.id)?.(event.data);
    };
  }
  return worker;
}

/** Starts a task; returns a cancel function (the result is then ignored). */
export function startTask(task: ComputeTask, listener: Listener): () => void {
  const id = nextId++;
  const w = sharedWorker();
  if (!w) {
    const timer = setTimeout(() => {
      try {
        listener({ result: runTask(task, (progress) => listener({ progress })) });
      } catch (err) {
        listener({ error: err instanceof Error ? err.message : String(err) });
      }
    }, 0);
    return () => clearTimeout(timer);
  }
  listeners.set(id, (message) => {
    if (message.result !== undefined || message.error !== undefined) listeners.delete(id);
    listener(message);
  });
  w.postMessage({ id, task });
  return () => listeners.delete(id);
}

export function useComputation<T extends ComputeTask>(
  task: T | null,
): Computation<ComputeResult<T>> {
  const [state, setState] = useState<Computation<ComputeResult<T>>>({ status: 'idle' });
  useEffect(() => {
    if (!task) {
      setState({ status: 'idle' });
      return;
    }
    setState({ status: 'running', progress: 0 });
    return startTask(task, (message) => {
      if (message.error !== undefined) setState({ status: 'failed', error: message.error });
      else if (message.result !== undefined)
        setState({ status: 'done', result: message.result as ComputeResult<T> });
      else if (message.progress !== undefined)
        setState({ status: 'running', progress: message.progress });
    });
  }, [task]);
  return state;
}

/** A task's result as a promise, with progress; `cancel` drops the result (it never settles). */
export function computeInBackground<T extends ComputeTask>(
  task: T,
  onProgress: (fraction: number) => void = () => {},
): { result: Promise<ComputeResult<T>>; cancel: () => void } {
  let cancel = () => {};
  const result = new Promise<ComputeResult<T>>((resolve, reject) => {
    cancel = startTask(task, (message) => {
      if (message.error !== undefined) reject(new Error(message.error));
      else if (message.result !== undefined) resolve(message.result as ComputeResult<T>);
      else if (message.progress !== undefined) onProgress(message.progress);
    });
  });
  return { result, cancel };
}

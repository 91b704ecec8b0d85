/// <reference lib="webworker" />
/** The Web Worker that runs compute tasks (parsing, indexing, figures, comparisons) away from the UI thread. */
import { runTask, transferablesOf, type ComputeTask } from './compute-tasks';

interface Request {
  id: number;
  task: ComputeTask;
}

self.onmessage = (event: MessageEvent<Request>) => {
  const { id, task } = event.data;
  let last = 0;
  try {
    const result = runTask(task, (fraction) => {
      // At most a hundred progress messages per task.
      if (fraction - last >= 0.01 || fraction === 1) {
        last = fraction;
        self.postMessage({ id, progress: fraction });
      }
    });
    // The index's arrays move to the page rather than being copied (this worker keeps no use
    // for them; its cache holds the parsed document only).
    self.postMessage({ id, result }, { transfer: transferablesOf(result) });
  } catch (err) {
    self.postMessage({ id, error: err instanceof Error ? err.message : String(err) });
  }
};

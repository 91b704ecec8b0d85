/**
 * The annotation store, one instance per report, so that one report's annotations can be let
 * go of: when a report is removed from the library its annotation file is moved aside, and no
 * copy of them may stay in memory (a later save would write them all back). `release` waits
 * for the report's pending writes, drops its store, and holds new calls for that report until
 * the move is done; they then start from the disk as it is.
 *
 * To everything else it is the AnnotationStore of annotation-store.ts, unchanged.
 */
import {
  createAnnotationStore,
  type AnnotationStore,
  type AnnotationStoreOptions,
} from './annotation-store';

export interface AnnotationStores extends AnnotationStore {
  /** Runs `work` with the report's annotations flushed, unloaded and not touched meanwhile. */
  release<T>(reportId: string, work: () => Promise<T>): Promise<T>;
}

export function createAnnotationStores(
  dataDir: string,
  options: AnnotationStoreOptions = {},
): AnnotationStores {
  const stores = new Map<string, AnnotationStore>();
  const releasing = new Map<string, Promise<unknown>>();
  // Only for fileFor, which is a pure function of the id.
  const paths = createAnnotationStore(dataDir, options);

  /** Calls `use` on the report's store at once, or after a release of that report is done. */
  function withStore<T>(reportId: string, use: (store: AnnotationStore) => Promise<T>): Promise<T> {
    const wait = releasing.get(reportId);
    if (wait) return wait.then(noop, noop).then(() => withStore(reportId, use));
    let store = stores.get(reportId);
    if (!store) {
      store = createAnnotationStore(dataDir, options);
      stores.set(reportId, store);
    }
    return use(store);
  }

  return {
    fileFor: (reportId) => paths.fileFor(reportId),
    list: (reportId) => withStore(reportId, (s) => s.list(reportId)),
    noticesFor: (reportId) => withStore(reportId, (s) => s.noticesFor(reportId)),
    save: (annotation) => withStore(annotation.reportId, (s) => s.save(annotation)),
    remove: (reportId, id) => withStore(reportId, (s) => s.remove(reportId, id)),
    import: (reportId, incoming) => withStore(reportId, (s) => s.import(reportId, incoming)),
    flush: async () => {
      await Promise.all([...stores.values()].map((store) => store.flush()));
    },
    async release(reportId, work) {
      const previous = releasing.get(reportId);
      const run = (async () => {
        await previous?.then(noop, noop);
        const store = stores.get(reportId);
        stores.delete(reportId);
        await store?.flush();
        return work();
      })();
      releasing.set(reportId, run);
      try {
        return await run;
      } finally {
        if (releasing.get(reportId) === run) releasing.delete(reportId);
      }
    },
  };
}

function noop(): void {}

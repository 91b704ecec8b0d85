/**
 * Merges imported annotations into the ones already kept, by id: an unknown id is added, a
 * known one is replaced only by a newer edit (its `updated` time is later), so importing the
 * same file twice, or an older backup, changes nothing. Both lists are of one report (the
 * importer, parseAnnotationCollection, has already set aside other reports' annotations).
 */
import type { Annotation } from './annotation-model';

export interface MergeResult {
  /** The existing annotations in their order (updated ones in place), then the added ones. */
  merged: Annotation[];
  added: string[];
  updated: string[];
  skipped: { id: string; reason: string }[];
}

export const NOT_NEWER_REASON = '本机已有相同或更新的版本';

export function mergeAnnotations(
  existing: readonly Annotation[],
  incoming: readonly Annotation[],
): MergeResult {
  const merged = [...existing];
  const indexById = new Map(existing.map((annotation, index) => [annotation.id, index]));
  // Sets, not the result arrays: an id that comes twice in one import is reported once.
  const added = new Set<string>();
  const updated = new Set<string>();
  const skipped: MergeResult['skipped'] = [];

  for (const annotation of incoming) {
    const index = indexById.get(annotation.id);
    const current = index === undefined ? undefined : merged[index];
    if (index === undefined || current === undefined) {
      indexById.set(annotation.id, merged.length);
      merged.push(annotation);
      added.add(annotation.id);
    } else if (Date.parse(annotation.updated) > Date.parse(current.updated)) {
      merged[index] = annotation;
      if (!added.has(annotation.id)) updated.add(annotation.id);
    } else {
      skipped.push({ id: annotation.id, reason: NOT_NEWER_REASON });
    }
  }
  return { merged, added: [...added], updated: [...updated], skipped };
}

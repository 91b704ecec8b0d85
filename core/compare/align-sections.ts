/**
 * Aligns the sections of two editions, without comparing every section with every other one:
 *   1. the same title (ignoring width and punctuation) under corresponding parents;
 *   2. what is left pairs by place: same numbering under corresponding parents, when the titles,
 *      the bodies or the children's titles are alike (a renamed heading);
 *   3. the same title anywhere (a moved section);
 *   4. a similar title anywhere (a moved and reworded section).
 * A pair is "moved" when its parent differs or its order among its siblings changed, "renamed"
 * when its title changed, else "matched". Unpaired sections are added or removed.
 */
import type { ReportDocument, Section } from '../report/report-model';
import type { SectionAlignment, SectionRef } from './comparison-model';
import { comparisonKey, contentKey, keySimilarity } from './text-similarity';

/** Titles at least this alike pair sections at the same place. */
const SAME_PLACE_TITLE_SIMILARITY = 0.3;
/** ...or bodies at least this alike. */
const SAME_PLACE_BODY_SIMILARITY = 0.5;
/** Titles at least this alike pair sections anywhere. */
const ANYWHERE_TITLE_SIMILARITY = 0.6;
/** Above this many candidate pairs, step 3 is skipped: two unrelated reports gain nothing from it. */
const MAX_FUZZY_PAIRS = 250_000;
/** Characters of a section's body compared in step 2. */
const BODY_SAMPLE = 300;

export interface SectionPairing {
  /** Old section id -> new section id. */
  oldToNew: Map<string, string>;
  newToOld: Map<string, string>;
  alignments: SectionAlignment[];
}

function ref(section: Section): SectionRef {
  return {
    id: section.id,
    numberPath: section.numberPath,
    title: section.title,
    level: section.level,
  };
}

function bodyKey(section: Section): string {
  return contentKey(
    section.paragraphs
      .slice(1)
      .map((p) => p.text)
      .join('')
      .slice(0, BODY_SAMPLE),
  );
}

/** Indexes (into `values`) of one longest strictly increasing subsequence. */
function longestIncreasing(values: readonly number[]): Set<number> {
  const tails: number[] = [];
  const previous: number[] = new Array<number>(values.length).fill(-1);
  for (let i = 0; i < values.length; i++) {
    let low = 0;
    let high = tails.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (values[tails[mid]!]! < values[i]!) low = mid + 1;
      else high = mid;
    }
    if (low > 0) previous[i] = tails[low - 1]!;
    tails[low] = i;
  }
  const kept = new Set<number>();
  for (let i = tails.at(-1) ?? -1; i >= 0; i = previous[i]!) kept.add(i);
  return kept;
}

export function alignSections(oldDoc: ReportDocument, newDoc: ReportDocument): SectionPairing {
  const oldSections = oldDoc.flatSections;
  const newSections = newDoc.flatSections;
  const oldKeys = new Map(oldSections.map((s) => [s.id, comparisonKey(s.title)]));
  const newKeys = new Map(newSections.map((s) => [s.id, comparisonKey(s.title)]));
  const oldToNew = new Map<string, string>();
  const newToOld = new Map<string, string>();
  const pair = (o: Section, n: Section): void => {
    oldToNew.set(o.id, n.id);
    newToOld.set(n.id, o.id);
  };
  const parentsCorrespond = (o: Section, n: Section): boolean =>
    o.parentId === null ? n.parentId === null : oldToNew.get(o.parentId) === n.parentId;

  // 1. Same title under corresponding parents (pre-order, so parents are paired first).
  const byTitle = new Map<string, Section[]>();
  for (const n of newSections) {
    const list = byTitle.get(newKeys.get(n.id)!) ?? [];
    list.push(n);
    byTitle.set(newKeys.get(n.id)!, list);
  }
  const sameTitle = (o: Section): Section[] =>
    (byTitle.get(oldKeys.get(o.id)!) ?? []).filter((n) => !newToOld.has(n.id));
  for (const o of oldSections) {
    const n = sameTitle(o).find((candidate) => parentsCorrespond(o, candidate));
    if (n) pair(o, n);
  }

  // 2. Same place, alike title or body, or a child with the same title (a retitled parent).
  const childKeys = (section: Section, keys: ReadonlyMap<string, string>): Set<string> =>
    new Set(section.children.map((child) => keys.get(child.id)!));
  const childrenCorrespond = (o: Section, n: Section): boolean => {
    if (o.children.length === 0 || n.children.length === 0) return false;
    const newChildKeys = childKeys(n, newKeys);
    return o.children.some((child) => newChildKeys.has(oldKeys.get(child.id)!));
  };
  const newByPlace = new Map<string, Section[]>();
  for (const n of newSections) {
    const list = newByPlace.get(n.numberPath) ?? [];
    list.push(n);
    newByPlace.set(n.numberPath, list);
  }
  for (const o of oldSections) {
    if (oldToNew.has(o.id)) {
      continue;
    }
    // Children whose parent was only just paired get their same-title match here.
    const n = (newByPlace.get(o.numberPath) ?? []).find(
      (candidate) =>
        !newToOld.has(candidate.id) &&
        candidate.level === o.level &&
        parentsCorrespond(o, candidate),
    );
    const alike =
      n !== undefined &&
      (oldKeys.get(o.id) === newKeys.get(n.id) ||
        keySimilarity(oldKeys.get(o.id)!, newKeys.get(n.id)!) >= SAME_PLACE_TITLE_SIMILARITY ||
        keySimilarity(bodyKey(o), bodyKey(n)) >= SAME_PLACE_BODY_SIMILARITY ||
        childrenCorrespond(o, n));
    if (n && alike) {
      pair(o, n);
      continue;
    }
    const sameTitleHere = sameTitle(o).find((candidate) => parentsCorrespond(o, candidate));
    if (sameTitleHere) pair(o, sameTitleHere);
  }

  // 3. Same title anywhere (a moved section): same numbering first, else the first one left.
  for (const o of oldSections) {
    if (oldToNew.has(o.id)) continue;
    const candidates = sameTitle(o);
    const n = candidates.find((c) => c.numberPath === o.numberPath) ?? candidates[0];
    if (n) pair(o, n);
  }

  // 4. Similar title anywhere, best pairs first.
  const oldLeft = oldSections.filter((s) => !oldToNew.has(s.id));
  const newLeft = newSections.filter((s) => !newToOld.has(s.id));
  if (oldLeft.length * newLeft.length <= MAX_FUZZY_PAIRS) {
    const candidates: { o: Section; n: Section; score: number }[] = [];
    for (const o of oldLeft) {
      for (const n of newLeft) {
        if (o.level !== n.level) continue;
        const score = keySimilarity(oldKeys.get(o.id)!, newKeys.get(n.id)!);
        if (score >= ANYWHERE_TITLE_SIMILARITY) candidates.push({ o, n, score });
      }
    }
    candidates.sort((a, b) => b.score - a.score);
    for (const { o, n } of candidates) {
      if (!oldToNew.has(o.id) && !newToOld.has(n.id)) pair(o, n);
    }
  }

  return { oldToNew, newToOld, alignments: classify(oldDoc, newDoc, oldToNew, newToOld) };
}

/** Sections that kept their parent but not their order among their siblings. */
function reordered(
  newDoc: ReportDocument,
  oldIndex: ReadonlyMap<string, number>,
  newToOld: ReadonlyMap<string, string>,
  oldSectionsById: ReadonlyMap<string, Section>,
  oldToNew: ReadonlyMap<string, string>,
): Set<string> {
  const moved = new Set<string>();
  const siblingGroups: Section[][] = [
    newDoc.sections,
    ...newDoc.flatSections.map((s) => s.children),
  ];
  for (const siblings of siblingGroups) {
    const stayed = siblings.filter((n) => {
      const o = oldSectionsById.get(newToOld.get(n.id) ?? '');
      if (!o) return false;
      return o.parentId === null ? n.parentId === null : oldToNew.get(o.parentId) === n.parentId;
    });
    const order = stayed.map((n) => oldIndex.get(newToOld.get(n.id)!)!);
    const kept = longestIncreasing(order);
    stayed.forEach((n, i) => {
      if (!kept.has(i)) moved.add(n.id);
    });
  }
  return moved;
}

function classify(
  oldDoc: ReportDocument,
  newDoc: ReportDocument,
  oldToNew: ReadonlyMap<string, string>,
  newToOld: ReadonlyMap<string, string>,
): SectionAlignment[] {
  const oldById = new Map(oldDoc.flatSections.map((s) => [s.id, s]));
  const oldIndex = new Map(oldDoc.flatSections.map((s, i) => [s.id, i]));
  const outOfOrder = reordered(newDoc, oldIndex, newToOld, oldById, oldToNew);

  const forNew: SectionAlignment[] = newDoc.flatSections.map((n) => {
    const o = oldById.get(newToOld.get(n.id) ?? '');
    if (!o) {
      return { kind: 'added', old: null, new: ref(n), titleChanged: false, numberChanged: false };
    }
    const titleChanged = comparisonKey(o.title) !== comparisonKey(n.title);
    const parentMoved =
      o.parentId === null ? n.parentId !== null : oldToNew.get(o.parentId) !== n.parentId;
    const kind =
      parentMoved || outOfOrder.has(n.id) ? 'moved' : titleChanged ? 'renamed' : 'matched';
    return {
      kind,
      old: ref(o),
      new: ref(n),
      titleChanged,
      numberChanged: o.numberPath !== n.numberPath,
    };
  });

  // Removed sections go after the alignment of the old section before them.
  const removedAfter = new Map<number, SectionAlignment[]>();
  const newPosition = new Map(newDoc.flatSections.map((s, i) => [s.id, i]));
  let anchor = -1;
  for (const o of oldDoc.flatSections) {
    const n = oldToNew.get(o.id);
    if (n !== undefined) {
      anchor = newPosition.get(n)!;
      continue;
    }
    const list = removedAfter.get(anchor) ?? [];
    list.push({
      kind: 'removed',
      old: ref(o),
      new: null,
      titleChanged: false,
      numberChanged: false,
    });
    removedAfter.set(anchor, list);
  }
  const result: SectionAlignment[] = [...(removedAfter.get(-1) ?? [])];
  forNew.forEach((alignment, i) => {
    result.push(alignment, ...(removedAfter.get(i) ?? []));
  });
  return result;
}

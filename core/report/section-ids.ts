/**
 * Stable section ids. Annotations point at ids, so an id depends only on the section's numbering
 * path ("s1-2-6" for 一、(二)6.), never on its position: editing one section must not move the
 * ids of the others. Messy numbering that repeats a path gets a letter suffix ("s1-b").
 */

/** The id a section would get from its number's value and its parent's id. */
export function baseSectionId(parentId: string | null, value: number): string {
  return parentId === null ? `s${value}` : `${parentId}-${value}`;
}

/** "b", "c", … "z", "aa", "ab", …: letters, so a suffix never looks like a number in the path. */
function letterSuffix(n: number): string {
  let suffix = '';
  for (let rest = n; rest > 0; rest = Math.floor((rest - 1) / 26)) {
    suffix = String.fromCharCode(97 + ((rest - 1) % 26)) + suffix;
  }
  return suffix;
}

/** `base`, or `base-b`, `base-c`… when taken; records the id it returns in `taken`. */
export function allocateSectionId(base: string, taken: Set<string>): string {
  let id = base;
  for (let n = 2; taken.has(id); n += 1) id = `${base}-${letterSuffix(n)}`;
  taken.add(id);
  return id;
}

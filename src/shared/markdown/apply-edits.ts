import type { Edit } from './clean-types.js';

/**
 * Orders edits and settles overlaps: removals always apply; a change inside or across a
 * removal is dropped (its text is gone), and of two overlapping changes the one that starts
 * first and spans more wins (a rewritten URL over a variable inside it).
 */
export function selectEdits(removals: Edit[], changes: Edit[]): Edit[] {
  const sortedRemovals = [...removals].sort((a, b) => a.start - b.start);
  const sortedChanges = [...changes].sort((a, b) => a.start - b.start || b.end - a.end);
  const selected: Edit[] = [];
  let lastRemovalEnd = -1;
  let removal = 0;
  let changeEnd = -1;
  for (const edit of sortedRemovals) {
    if (edit.start >= lastRemovalEnd) {
      selected.push(edit);
      lastRemovalEnd = edit.end;
    }
  }
  const kept = selected.slice();
  for (const change of sortedChanges) {
    while (removal < kept.length && kept[removal].end <= change.start) removal++;
    const overlapsRemoval = removal < kept.length && kept[removal].start < change.end;
    if (overlapsRemoval || change.start < changeEnd) continue;
    selected.push(change);
    changeEnd = change.end;
  }
  return selected.sort((a, b) => a.start - b.start);
}

/** Applies ordered, non-overlapping edits in one pass; text between them is copied as is. */
export function applyEdits(text: string, edits: Edit[]): string {
  if (edits.length === 0) return text;
  const parts: string[] = [];
  let last = 0;
  for (const edit of edits) {
    parts.push(text.slice(last, edit.start), edit.text);
    last = edit.end;
  }
  parts.push(text.slice(last));
  return parts.join('');
}

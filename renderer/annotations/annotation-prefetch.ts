/**
 * A report's annotations asked for as soon as the report is asked for, not after its text is on
 * screen: with thousands of notes the list is megabytes, and fetching it beside the report's text
 * lets the highlights follow the first screen closely. Taken once by the report's first listing.
 */
import type { AnnotationListing } from '../../core/api/contract';
import { callHost } from '../api/host-api';

let prefetched: { reportId: string; listing: Promise<AnnotationListing> } | null = null;

export function prefetchAnnotations(reportId: string): void {
  const listing = callHost('listAnnotations', { reportId });
  // A failure is reported by the listing that takes it (or, if none does, by nobody twice).
  listing.catch(() => {});
  prefetched = { reportId, listing };
}

/** The prefetched listing for this report, once; otherwise a fresh one. */
export function takeAnnotationListing(reportId: string): Promise<AnnotationListing> {
  const ready = prefetched;
  prefetched = null;
  if (ready && ready.reportId === reportId) return ready.listing;
  return callHost('listAnnotations', { reportId });
}

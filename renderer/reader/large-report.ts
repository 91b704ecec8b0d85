/**
 * From this many characters a report is "large": parsed and indexed in the compute worker with
 * a progress bar, and drawn a few blocks at a time (VirtualReport). Below it, both are quick
 * enough on the UI thread (the bundled 17 KB report parses in milliseconds).
 */
export const LARGE_REPORT_CHARS = 300_000;

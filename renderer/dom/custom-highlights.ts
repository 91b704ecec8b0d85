/** The CSS Custom Highlight API paints ranges without touching the DOM; older engines lack it. */
export function supportsHighlights(): boolean {
  return typeof CSS !== 'undefined' && 'highlights' in CSS && typeof Highlight === 'function';
}

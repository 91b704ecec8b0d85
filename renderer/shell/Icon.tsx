/**
 * The app's icons, drawn as inline SVG (24×24, stroked with the text colour), so they need no
 * font glyph (⎙ is in none of the bundled fonts) and no file. Decorative: the button carries
 * the accessible name.
 */
const PATHS = {
  contents: 'M4 6h16M4 12h16M4 18h10',
  up: 'M12 19V5M5 12l7-7 7 7',
  down: 'M12 5v14M5 12l7 7 7-7',
  print: 'M7 9V3h10v6M7 17H4v-7h16v7h-3M7 14h10v7H7z',
  notes: 'M5 3h10l4 4v14H5zM15 3v4h4M8 12h8M8 16h6',
  bookmark: 'M6 3h12v18l-6-5-6 5z',
  import: 'M12 3v12M7 10l5 5 5-5M4 17v4h16v-4',
  library: 'M4 4h4v16H4zM10 4h4v16h-4zM16 5l3.5-1 3 15.5-3.5 1z',
  figures: 'M4 20V10M10 20V4M16 20v-7M22 20H2',
  compare: 'M8 3v18M16 3v18M3 8h5M16 16h5M3 12h5M16 12h5',
  search: 'M10.5 17a6.5 6.5 0 1 1 0-13 6.5 6.5 0 0 1 0 13zM15.5 15.5 21 21',
  keyboard: 'M2 6h20v12H2zM6 10h1M10 10h1M14 10h1M18 10h1M7 14h10',
  info: 'M12 22a10 10 0 1 1 0-20 10 10 0 0 1 0 20zM12 11v6M12 7h.01',
} as const;

export type IconName = keyof typeof PATHS;

export function Icon({ name, filled = false }: { name: IconName; filled?: boolean }) {
  return (
    <svg
      className="icon"
      viewBox="0 0 24 24"
      width="1em"
      height="1em"
      aria-hidden="true"
      focusable="false"
      fill={filled ? 'currentColor' : 'none'}
      stroke="currentColor"
      strokeWidth="2"
      strokeLinecap="round"
      strokeLinejoin="round"
    >
      <path d={PATHS[name]} />
    </svg>
  );
}

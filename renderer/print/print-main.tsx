// Entry of print.html, the page both hosts print to PDF. Fonts are bundled, never fetched:
// the open fallbacks for 仿宋/宋体 (Noto Serif SC), 黑体 (Noto Sans SC) and 楷体 (LXGW WenKai).
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import '@fontsource/noto-serif-sc/400.css';
import '@fontsource/noto-serif-sc/700.css';
import '@fontsource/noto-sans-sc/400.css';
import '@fontsource/noto-sans-sc/700.css';
// LXGW WenKai split by unicode-range (the @fontsource package ships one 7 MB file).
import 'lxgw-wenkai-webfont/lxgwwenkai-regular.css';
import './print-fonts.css';
import './print.css';
import { PrintPage } from './PrintPage';

const root = document.getElementById('root');
const jobId = new URLSearchParams(window.location.search).get('job') ?? '';
if (root) {
  createRoot(root).render(
    <StrictMode>
      <PrintPage jobId={jobId} />
    </StrictMode>,
  );
}

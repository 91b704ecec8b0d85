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
import { PRINT_NEXT_JOB_FUNCTION } from '../../core/print/print-options';
import { PrintPage } from './PrintPage';
import { clearSignal } from './print-ready';

declare global {
  interface Window {
    [PRINT_NEXT_JOB_FUNCTION]?: (jobId: string) => void;
  }
}

const root = document.getElementById('root');
if (root) {
  const reactRoot = createRoot(root);
  // Keyed by job: the next job is a fresh page component, nothing of the last one kept.
  const show = (jobId: string) =>
    reactRoot.render(
      <StrictMode>
        <PrintPage key={jobId} jobId={jobId} />
      </StrictMode>,
    );
  show(new URLSearchParams(window.location.search).get('job') ?? '');
  // The next job on this page (see PRINT_NEXT_JOB_FUNCTION): the ready signal is cleared now,
  // before React renders, so the host never takes the last job's signal for this one's.
  window[PRINT_NEXT_JOB_FUNCTION] = (jobId: string) => {
    clearSignal();
    show(jobId);
  };
}

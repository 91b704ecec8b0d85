/**
 * All benchmarks (`npx tsx bench/index.ts`, later `npm run bench`): each prints Markdown tables
 * and asserts nothing. Add a benchmark by calling its exported function here.
 */
import { runAnnotationsBench } from './annotations-bench';
import { runChromiumBench } from './chromium-bench';
import { runFiguresBench } from './figures-bench';
import { runPdfBench } from './pdf-bench';
import { runSearchBench } from './search-bench';
import { runSearchScaleBench } from './search-scale-bench';

console.log(`Node ${process.version}, ${process.platform} ${process.arch}`);
runSearchBench();
await runSearchScaleBench();
await runPdfBench();
await runAnnotationsBench();
runFiguresBench();
// Last: it builds the renderer itself and takes a few minutes (the 30 MB report opens 6 times).
await runChromiumBench();

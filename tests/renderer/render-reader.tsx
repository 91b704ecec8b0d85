/** The reader screen as App renders it, with the host's callbacks stubbed: for renderer tests. */
import { render } from '@testing-library/react';
import type { ComponentProps } from 'react';
import { vi } from 'vitest';
import type { ReportSummary } from '../../core/api/contract';
import type { ReportDocument } from '../../core/report/report-model';
import { DEFAULT_SETTINGS } from '../../core/settings';
import { ReaderScreen } from '../../renderer/components/ReaderScreen';

export function renderReader(options: {
  reportId: string;
  text: string;
  doc: ReportDocument;
  reports?: ReportSummary[];
  onAppCommand?: ComponentProps<typeof ReaderScreen>['onAppCommand'];
}): void {
  render(
    <ReaderScreen
      reportId={options.reportId}
      source={{ text: options.text, format: 'txt' }}
      doc={options.doc}
      settings={DEFAULT_SETTINGS}
      updateSettings={vi.fn()}
      reports={options.reports ?? []}
      onAppCommand={options.onAppCommand ?? vi.fn()}
      openReport={vi.fn()}
      onError={vi.fn()}
      onNotice={vi.fn()}
    />,
  );
}

// The list of annotation records that could not be read: each shown with its reason and its
// raw text, as text (a hostile record cannot inject markup), and nothing at all when empty.
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { UnreadableAnnotations } from '../../../renderer/annotations/UnreadableAnnotations';

const labels = {
  title: '未能读取的批注',
  explanation: '这些记录仍保存在批注文件中，没有被改动。',
  reason: '原因',
  raw: '原始内容',
};

const render = (records: { raw: string; reason: string }[]) =>
  renderToStaticMarkup(createElement(UnreadableAnnotations, { records, labels }));

describe('UnreadableAnnotations', () => {
  it('shows nothing when every record was read', () => {
    expect(render([])).toBe('');
  });

  it('lists each record with its reason and raw text, as text', () => {
    const html = render([
      {
        raw: '{\n  "id": "b",\n  "note": "<img src=x onerror=alert(1)>"\n}',
        reason: 'note: 批注最长 20000 个字',
      },
      { raw: '"批注"', reason: '不是一条批注记录（not a record）' },
    ]);
    expect(html).toContain('aria-label="未能读取的批注"');
    expect(html).toContain('未能读取的批注（2）');
    expect(html).toContain('原因：note: 批注最长 20000 个字');
    expect(html).toContain('原因：不是一条批注记录（not a record）');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(html).not.toContain('<img');
    expect(html.match(/<li>/g)).toHaveLength(2);
  });
});

import { describe, expect, it } from 'vitest';
import { closeTableTags } from '../../src/importer/close-table-tags.ts';
import { readHtml } from '../../src/importer/read-html.ts';

describe('closeTableTags', () => {
  it('closes rows and cells a page leaves open', () => {
    expect(closeTableTags('<table><tr><td>a<td>b<tr><td>c</table>')).toBe(
      '<table><tr><td>a</td><td>b</td></tr><tr><td>c</td></tr></table>',
    );
  });

  it('puts header cells written outside any row into one', () => {
    expect(closeTableTags('<table><th>Date</th><th>Topic</th><tr><td>x</td></tr></table>')).toBe(
      '<table><tr><th>Date</th><th>Topic</th></tr><tr><td>x</td></tr></table>',
    );
  });

  it('keeps line breaks where they were', () => {
    const html = '<table>\n<tr><td>a\n<tr><td>b\n';
    expect(closeTableTags(html).split('\n').length).toBe(html.split('\n').length);
  });
});

describe('readHtml on a table without end tags', () => {
  it('reads each row on its own line', () => {
    const read = readHtml('<table>\n<th>Date<th>Topic\n<tr><td>Sep 2<td>Intro\n<tr><td>Sep 4<td>Sorting\n');
    const rows = read.items.flatMap((i) => (i.kind === 'row' ? [[i.row.line, i.row.date, i.row.topic]] : []));
    expect(rows).toEqual([
      [3, 'Sep 2', 'Intro'],
      [4, 'Sep 4', 'Sorting'],
    ]);
  });
});

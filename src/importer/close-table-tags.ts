/**
 * Writes out the end tags a table leaves implied: `<tr>` and `<td>` / `<th>` that are never closed, and
 * header cells written outside any `<tr>`. Browsers infer them; the HTML parser would instead nest each
 * unclosed row inside the one before, which both misreads the table and takes quadratic time on a long
 * page. One pass over the tags; the tags added hold no line breaks, so line numbers stay the same.
 */
export function closeTableTags(html: string): string {
  const TAG = /<(\/?)(table|thead|tbody|tfoot|tr|td|th)\b[^<>]*>/gi;
  interface Context {
    row: boolean;
    cell?: string;
  }
  const stack: Context[] = [];
  const out: string[] = [];
  let copied = 0;
  const closeCell = (c: Context) => {
    if (c.cell) out.push(`</${c.cell}>`);
    c.cell = undefined;
  };
  const closeRow = (c: Context) => {
    closeCell(c);
    if (c.row) out.push('</tr>');
    c.row = false;
  };
  for (const m of html.matchAll(TAG)) {
    out.push(html.slice(copied, m.index));
    copied = m.index + m[0].length;
    const closing = m[1] === '/';
    const name = m[2]!.toLowerCase();
    const here = stack.at(-1);
    if (name === 'table') {
      if (!closing) {
        out.push(m[0]);
        stack.push({ row: false });
      } else if (here) {
        closeRow(here);
        stack.pop();
        out.push(m[0]);
      }
      continue;
    }
    if (!here) {
      // Table parts outside any table are left for the parser to ignore.
      out.push(m[0]);
      continue;
    }
    if (name === 'tr') {
      if (closing && !here.row) continue;
      if (closing) closeCell(here);
      else closeRow(here);
      out.push(m[0]);
      here.row = !closing;
    } else if (name === 'td' || name === 'th') {
      if (closing) {
        if (here.cell) out.push(m[0]);
        here.cell = undefined;
        continue;
      }
      closeCell(here);
      if (!here.row) {
        out.push('<tr>');
        here.row = true;
      }
      out.push(m[0]);
      here.cell = name;
    } else {
      // thead, tbody, tfoot open or close: the row before them ends.
      closeRow(here);
      out.push(m[0]);
    }
  }
  out.push(html.slice(copied));
  for (const context of stack.reverse()) {
    closeRow(context);
    out.push('</table>');
  }
  return out.join('');
}

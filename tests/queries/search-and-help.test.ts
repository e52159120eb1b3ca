// Search over topics, readings, presentations, presenters and events (all words, any case, typed text taken
// literally), and the help built from the one table of queries, which other modules can extend.
import { describe, expect, it } from 'vitest';
import { renderSlack } from '../../src/content/render-slack.ts';
import { renderText } from '../../src/content/render-text.ts';
import { ask } from '../../src/queries/ask.ts';
import { helpContent } from '../../src/queries/help-content.ts';
import { queryCommands, staffCommandWords } from '../../src/queries/query-table.ts';
import { searchPlan } from '../../src/queries/search-plan.ts';
import { askText, at, fixturePlan } from './fixture-plans.ts';

const plan = fixturePlan('cs599-fall-2025');
const NOW = '2025-10-13T18:00-04:00';

describe('search', () => {
  it('needs every word, in any case, anywhere in a class', () => {
    const found = searchPlan(plan, ['NEAREST', 'gpus']);
    expect(found.sessions.map((s) => s.number)).toEqual([13]);
    expect(searchPlan(plan, ['nearest']).sessions.map((s) => s.number)).toEqual([11, 13]);
  });

  it('finds readings, presentation titles, presenters, events and days off', () => {
    expect(searchPlan(plan, ['cagra']).sessions.map((s) => s.number)).toEqual([13]);
    expect(searchPlan(plan, ['llama']).sessions.map((s) => s.number)).toEqual([21]);
    expect(searchPlan(plan, ['zc']).sessions.map((s) => s.number)).toEqual([27]);
    expect(searchPlan(plan, ['proposal']).events.map((e) => e.id)).toEqual(['project-proposal-due']);
    expect(searchPlan(plan, ['thanksgiving']).sessions.map((s) => s.date)).toEqual(['2025-11-27']);
  });

  it('shows what matched, and says when nothing did', () => {
    const text = askText(plan, 'search llama', NOW);
    expect(text).toContain('1 result for “llama”');
    expect(text).toContain('Presentation: YK — LLaMA: Open and Efficient Foundation Language Models');
    const none = askText(plan, 'search quantum gravity', NOW);
    expect(none).toContain('Nothing matches “quantum gravity”.');
    // One line says so: no count of zero above it.
    expect(none).not.toContain('0 results');
    expect(none.split('\n')).toHaveLength(2);
  });

  it('takes Slack control text and "&" as plain words, which the Slack renderer escapes', () => {
    for (const words of ['<!channel>', '&', '<@U1>', '<!channel> & <@U1>']) {
      const result = ask(plan, `search ${words}`, at(NOW));
      expect(result.ok).toBe(true);
      const slack = JSON.stringify(renderSlack(result.content));
      expect(slack).not.toContain('<!channel>');
      expect(slack).not.toContain('<@U1>');
    }
    expect(searchPlan(plan, ['&']).sessions.map((s) => s.number)).toEqual([25]);
    expect(askText(plan, 'search muon & scion', NOW)).toContain(
      'MS — Gluon: Making Muon & Scion Great Again!',
    );
  });

  it('keeps long result lists short', () => {
    const text = askText(plan, 'search class', NOW);
    expect(text).toContain('… and 17 more: add a word to narrow the search.');
  });
});

describe('help', () => {
  it('lists every query of the table with its example', () => {
    const text = askText(plan, 'help', NOW);
    for (const command of queryCommands) {
      expect(text).toContain(`/schedule ${command.name}`);
      expect(text).toContain(`/schedule ${command.example}`);
    }
    for (const word of staffCommandWords) expect(text).not.toContain(`/schedule ${word}`);
  });

  it('can be extended by other modules and given another prefix', () => {
    const extra = [
      { name: 'cancel', args: 'N', description: 'cancel a class (staff)', example: 'cancel 14' },
    ];
    const text = renderText(
      ask(plan, 'help', at(NOW), { prefix: 'coursebot ask', extraHelp: extra }).content,
    );
    expect(text).toContain(
      '`coursebot ask cancel N` — cancel a class (staff), e.g. `coursebot ask cancel 14`.',
    );
    expect(text).toContain('`coursebot ask next`');
    expect(renderText(helpContent(extra, { hint: [['oops']] }))).toMatch(/What you can ask\n {2}oops\n/);
  });

  it('puts at most one parenthesis in each entry, on Slack and in a terminal alike', () => {
    const extra = [
      {
        name: 'cancel',
        args: 'N [shift]',
        description: 'staff: cancel a class (shift: later classes move up)',
        example: 'cancel 14 shift',
      },
    ];
    const slack = renderSlack(ask(plan, 'help', at(NOW), { extraHelp: extra }).content);
    const terminal = renderText(
      ask(plan, 'help', at(NOW), { prefix: 'coursebot ask', extraHelp: extra, canShare: false }).content,
    );
    for (const text of [JSON.stringify(slack.blocks), slack.text, terminal]) {
      expect(text).toMatch(
        /one presenter's \(past ones included\), e\.g\. `?(\/schedule|coursebot ask) presentations CG/,
      );
      expect(text).not.toMatch(/\) \(e\.g\./);
    }
    const entries = terminal.split('\n').filter((line) => line.includes(' — '));
    expect(entries).toHaveLength(queryCommands.length + extra.length);
    for (const entry of entries) expect(entry.split('(').length, entry).toBeLessThanOrEqual(2);
    expect(terminal).toContain('`coursebot ask readings` — the readings for the next class.');
    expect(terminal).toContain(
      '`coursebot ask class N` — one class by its number (e.g. `coursebot ask class 13`).',
    );
  });

  it('offers `share` only where an answer can be shown to others', () => {
    const share = 'Add `share` at the end to show the answer to everyone, e.g. `/schedule week share`.';
    expect(askText(plan, 'help', NOW)).toContain(share);
    const terminal = renderText(ask(plan, 'help', at(NOW), { canShare: false }).content);
    expect(terminal).toContain('`/schedule week`');
    expect(terminal).not.toContain('share');
    // A failed request shows the help too, and the same way.
    expect(renderText(ask(plan, 'nxt', at(NOW), { canShare: false }).content)).not.toContain('share');
  });
});

describe('hints', () => {
  it('show the typed word as code, so markup in it does nothing on Slack', () => {
    const slack = JSON.stringify(renderSlack(ask(plan, '*boom*', at(NOW)).content));
    expect(slack).toContain('`*boom*` is not something I can answer');
    expect(askText(plan, 'CANCEL class 14', NOW)).toContain(
      '`CANCEL` changes the plan; it is not a question.',
    );
  });
});

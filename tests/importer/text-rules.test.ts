import { describe, expect, it } from 'vitest';
import { findNotes } from '../../src/importer/find-notes.ts';
import { noClassReason } from '../../src/importer/no-class.ts';
import { parsePresentations } from '../../src/importer/parse-presentations.ts';
import { splitTopic } from '../../src/importer/split-topic.ts';
import { understandTextRow } from '../../src/importer/understand-row.ts';

const events = (text: string) => findNotes(text).map((n) => ({ text: n.text, ...n.event }));

describe('findNotes', () => {
  it('reads a homework release inside a flattened row', () => {
    expect(events('Backpropagation algorithm HW1 posted Backprop notes (ch7.4), implementation')).toEqual([
      { text: 'HW1 posted', kind: 'homework-release', title: 'HW1 released', idBase: 'hw1-released' },
    ]);
  });
  it('starts a "… due" note at the capitalised word before it', () => {
    expect(events('Mamba and hybrid models Project proposal due Mamba, Mamba2, Nemotron')).toEqual([
      {
        text: 'Project proposal due',
        kind: 'deadline',
        title: 'Project proposal due',
        idBase: 'project-proposal-due',
      },
    ]);
  });
  it('reads the time of a deadline', () => {
    expect(events('HW 2 due 11:59pm')).toMatchObject([
      { title: 'HW2 due', idBase: 'hw2-due', time: '23:59' },
    ]);
    expect(events('Submit HW1 by 5pm')).toMatchObject([{ title: 'HW1 due', time: '17:00' }]);
  });
  it('reads "Send title of paper you intend to present" as the paper title deadline', () => {
    expect(events('Kernel density estimation Send title of paper you intend to present KDE')).toEqual([
      {
        text: 'Send title of paper you intend to present',
        kind: 'deadline',
        title: 'Paper title due',
        idBase: 'paper-title-due',
      },
    ]);
  });
  it('reads exams, but not reviews or reports that mention them', () => {
    expect(events('Midterm exam 9am')).toMatchObject([
      { kind: 'exam', title: 'Midterm exam', time: '09:00' },
    ]);
    expect(events('Orthogonality Quiz 1 Strang ch4.1')).toMatchObject([{ kind: 'exam', idBase: 'quiz-1' }]);
    expect(events('Review for the midterm')).toEqual([]);
    expect(events('Midterm review')).toEqual([]);
    expect(events('Project final report due')).toMatchObject([{ kind: 'deadline' }]);
  });
});

describe('parsePresentations', () => {
  it('splits items at the next initials, so titles keep their colons', () => {
    expect(
      parsePresentations(
        'WL: Decoupled Weight Decay Regularization, MS: Gluon: Making Muon & Scion Great Again!',
      ),
    ).toEqual([
      { presenters: ['WL'], title: 'Decoupled Weight Decay Regularization' },
      { presenters: ['MS'], title: 'Gluon: Making Muon & Scion Great Again!' },
    ]);
  });
  it('reads several presenters of one paper', () => {
    expect(parsePresentations('CG, OO: DeepSeek-v3')).toEqual([
      { presenters: ['CG', 'OO'], title: 'DeepSeek-v3' },
    ]);
  });
  it('is empty when the text does not start with initials', () => {
    expect(parsePresentations('LLaMA: Open and Efficient Foundation Language Models')).toEqual([]);
  });
});

describe('splitTopic', () => {
  it('keeps a chapter or section reference whole', () => {
    expect(splitTopic('Joins and views SQL Ch 3')).toEqual({
      topic: 'Joins and views',
      readings: 'SQL Ch 3',
    });
    expect(splitTopic('welcome, tools setup Notes chap. 1')).toEqual({
      topic: 'welcome, tools setup',
      readings: 'Notes chap. 1',
    });
  });
  it.each([
    [
      'Intro to GPUs, flash attention (Dao+ 2022) paper, GPUs',
      'Intro to GPUs, flash attention',
      '(Dao+ 2022) paper, GPUs',
    ],
    [
      'Variants of attention for time/memory optimization SVD (ch3), DeepSeek-V2 paper',
      'Variants of attention for time/memory optimization',
      'SVD (ch3), DeepSeek-V2 paper',
    ],
    [
      'Graph-based nearest neighbor search on CPUs and GPUs HNSW, CAGRA',
      'Graph-based nearest neighbor search on CPUs and GPUs',
      'HNSW, CAGRA',
    ],
    [
      'Mixture of experts Switch Transformer, DeepSeek-V3',
      'Mixture of experts',
      'Switch Transformer, DeepSeek-V3',
    ],
    [
      'Quantization (clustering, hashing e.g. RaBitQ, KV-cache) Residual Quantization, AQLM',
      'Quantization (clustering, hashing e.g. RaBitQ, KV-cache)',
      'Residual Quantization, AQLM',
    ],
    ['Intro to Deep Learning Goodfellow ch1', 'Intro to Deep Learning', 'Goodfellow ch1'],
  ])('%s', (text, topic, readings) => {
    expect(splitTopic(text)).toEqual({ topic, readings });
  });

  it('reports a guess when the readings are lower-case words repeated from the topic', () => {
    const split = splitTopic(
      'Optimization algorithms: low memory and other recent algorithms low memory, Muon',
    );
    expect(split.readings).toBe('low memory, Muon');
    expect(split.doubt).toMatch(/start at "low memory", which repeats words of the topic/);
  });

  it('reports a close call', () => {
    expect(splitTopic('Intro to Learning Theory Vapnik Notes').doubt).toMatch(
      /^close call: could also be topic/,
    );
  });

  it('keeps everything as the topic when nothing looks like readings', () => {
    expect(splitTopic('Backprop module formulas')).toEqual({
      topic: 'Backprop module formulas',
      readings: '',
    });
  });
});

describe('noClassReason', () => {
  it.each([
    ['No class, Monday schedule', 'Monday schedule'],
    ['No class, Thanksgiving', 'Thanksgiving'],
    ['No class — spring break', 'spring break'],
    ['Cancelled', 'Cancelled'],
    ['Class cancelled (instructor away)', 'instructor away'],
    ['Labor Day (no class)', 'Labor Day'],
    ['Spring break', 'Spring break'],
  ])('%s → %s', (text, reason) => {
    expect(noClassReason(text, false)).toBe(reason);
  });
  it('is undefined for a class', () => {
    expect(noClassReason('Breaking symmetry in networks', true)).toBeUndefined();
    expect(noClassReason('Spring break reading: none', true)).toBeUndefined();
  });
});

describe('understandTextRow', () => {
  it('reads class 5 of the course page', () => {
    const row = {
      line: 14,
      date: 'Class 5 (Sep 16) ',
      rest: 'Backpropagation algorithm HW1 posted Backprop notes (ch7.4), implementation',
      links: [],
    };
    expect(understandTextRow(row, true)).toMatchObject({
      number: 5,
      date: { month: 9, day: 16 },
      topic: 'Backpropagation algorithm',
      readings: [{ title: 'Backprop notes (ch7.4)' }, { title: 'implementation' }],
      events: [{ kind: 'homework-release', title: 'HW1 released', idBase: 'hw1-released' }],
      doubts: [],
    });
  });
  it('reads a presentation row with a deadline after it', () => {
    const row = {
      line: 1,
      date: 'Class 27 (Dec 9) ',
      rest: 'XF, ZC: Matryoshka Quantization Project final report due',
      links: [],
    };
    expect(understandTextRow(row, true)).toMatchObject({
      presentations: [{ presenters: ['XF', 'ZC'], title: 'Matryoshka Quantization' }],
      events: [{ kind: 'deadline', title: 'Project final report due', idBase: 'project-final-report-due' }],
    });
  });
});

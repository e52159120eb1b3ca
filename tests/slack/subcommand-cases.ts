// Every /schedule subcommand with a phrase its answer must contain, as of Mon Oct 13 2025 6 pm (the kit's clock).
export const SUBCOMMAND_CASES: [text: string, expected: string][] = [
  ['next', 'Class 13, Thu Oct 16'],
  ['', 'Class 13, Thu Oct 16'],
  ['today', 'No class Mon Oct 13'],
  ['tomorrow', 'No class Tue Oct 14 (Monday schedule)'],
  ['week', 'The week ahead'],
  ['deadlines', 'Project proposal — due'],
  ['homework', 'HW2 — out'],
  ['presentations', 'LLaMA: Open and Efficient Foundation Language Models'],
  ['presentations YK', 'Presentations by YK'],
  ['readings', 'HNSW, CAGRA'],
  ['class 13', 'Graph-based nearest neighbor search on CPUs and GPUs'],
  ['search mamba', 'Class 17, Thu Oct 30'],
  ['help', 'What you can ask'],
];

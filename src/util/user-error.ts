/**
 * An expected failure the user can fix (bad file, bad argument, missing setting). Its message is shown as
 * is, without a stack trace; `exitCode` is what the CLI exits with.
 */
export class UserError extends Error {
  constructor(
    message: string,
    readonly exitCode = 1,
  ) {
    super(message);
    this.name = 'UserError';
  }
}

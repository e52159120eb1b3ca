import { Command } from 'commander';
import { writeOutput } from '../../files/write-output.ts';
import { planJsonSchema } from '../../plan/json-schema.ts';

export function schemaCommand(): Command {
  return new Command('schema')
    .description('print the JSON Schema of schedule.json (the file editors use to validate and complete it)')
    .option('-o, --output <file>', 'write to a file instead of stdout')
    .action((options: { output?: string }) => {
      const text = `${JSON.stringify(planJsonSchema(), null, 2)}\n`;
      if (options.output) writeOutput(options.output, text);
      else process.stdout.write(text);
    });
}

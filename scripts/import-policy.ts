import { parseArgs } from 'node:util';
import { withOllamaAndDb } from './lib/ollama-script';
import { IMPORT_DECODING, importOllamaPolicy } from '../server/portfolio/import-policy';
import { decodingSchema } from '../shared/schemas/policy.schema';

const USAGE = `Usage: npm run import-policy -- --model <ollama tag> --name <name> [--temperature x] [--top-p x] [--max-tokens n] [--db path]

Registers an existing Ollama model (e.g. a LoRA fine-tune created with ADAPTER) as a candidate
policy. The next \`npm run build-portfolio -- --backend ollama\` measures it with the searched
candidates, and keeps it when it is best for some preferences.`;

// A thin main over server/portfolio/import-policy.ts.
async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { model: { type: 'string' }, name: { type: 'string' }, temperature: { type: 'string' }, 'top-p': { type: 'string' }, 'max-tokens': { type: 'string' }, db: { type: 'string' }, help: { type: 'boolean' } },
    strict: true,
  });
  if (values.help) return void console.log(USAGE);
  if (!values.model || !values.name) throw new Error(`--model and --name are required\n${USAGE}`);
  const decoding = decodingSchema.parse({
    temperature: values.temperature === undefined ? IMPORT_DECODING.temperature : Number(values.temperature),
    topP: values['top-p'] === undefined ? IMPORT_DECODING.topP : Number(values['top-p']),
    maxTokens: values['max-tokens'] === undefined ? IMPORT_DECODING.maxTokens : Number(values['max-tokens']),
  });
  const { model, name } = values;
  await withOllamaAndDb(values.db, async (db, models) => {
    const policy = await importOllamaPolicy(db, models, { model, name, decoding });
    console.log(`Imported ${policy.ollamaModel} as candidate policy "${policy.name}" (${policy.id}). Rebuild the portfolio to measure it.`);
  });
}

main().catch((error: unknown) => {
  console.error(`import-policy failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
});

import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { resolve } from 'node:path';

/** Repository root, whatever the working directory of the test run. */
export const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url));

/**
 * The tiny real GGUF model tests run inference on. It lives beside the repository
 * (never inside it); PALM_TEST_MODEL points elsewhere if needed.
 */
export const TEST_MODEL_PATH = process.env.PALM_TEST_MODEL ?? resolve(REPO_ROOT, '../shared/models/stories260K.gguf');

if (!existsSync(TEST_MODEL_PATH)) {
  throw new Error(`test model not found at ${TEST_MODEL_PATH}: set PALM_TEST_MODEL to the path of stories260K.gguf`);
}

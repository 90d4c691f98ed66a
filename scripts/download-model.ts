import { fileURLToPath } from 'node:url';
import { RECOMMENDED_MODEL, downloadModel, fileNameFromUri, modelDestination, renderProgressBar } from '../server/llm/model-download';

// Usage: npm run download-model [-- <model-uri> <file-name.gguf>]
// Without arguments it fetches the recommended small instruct model into models/.
async function main(): Promise<void> {
  const [uri = RECOMMENDED_MODEL.uri, explicitName] = process.argv.slice(2);
  const fileName = explicitName ?? (uri === RECOMMENDED_MODEL.uri ? RECOMMENDED_MODEL.fileName : fileNameFromUri(uri));
  if (!fileName) throw new Error(`cannot tell the file name from ${uri}: pass it as the second argument`);
  const repoRoot = fileURLToPath(new URL('..', import.meta.url));
  const destination = modelDestination(repoRoot, fileName);
  const controller = new AbortController();
  process.once('SIGINT', () => controller.abort());
  console.log(`Downloading ${uri}\n  to ${destination}`);
  let lastDraw = 0;
  const path = await downloadModel({
    uri,
    destination,
    signal: controller.signal,
    stallTimeoutMs: 30_000,
    onProgress: (progress) => {
      // Redraw at most ~10 times a second; a pipe gets no carriage-return animation.
      const now = Date.now();
      if (now - lastDraw < 100 || !process.stderr.isTTY) return;
      lastDraw = now;
      process.stderr.write(`\r${renderProgressBar(progress)}`);
    },
  });
  process.stderr.write('\n');
  console.log(`Model ready: ${path}\nStart the server; it picks up the first .gguf in models/ (or set MODEL_PATH=${path}).`);
}

main().catch((error: unknown) => {
  console.error(`download-model failed: ${error instanceof Error ? error.message : String(error)}`);
  // node-llama-cpp keeps retrying an unreachable host in the background and cannot be
  // cancelled before the download starts, so end the process instead of waiting on it.
  process.exit(1);
});

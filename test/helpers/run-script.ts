import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { REPO_ROOT } from './test-model';

const run = promisify(execFile);

export interface ScriptResult {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * Runs a repository script as `npm run` would (tsx, repository root as working directory) and
 * resolves with its exit code and both outputs, whether it succeeded or not.
 */
export async function runScript(file: string, args: readonly string[], options: { env?: NodeJS.ProcessEnv; timeoutMs?: number } = {}): Promise<ScriptResult> {
  try {
    const { stdout, stderr } = await run('npx', ['tsx', file, ...args], { cwd: REPO_ROOT, env: options.env ?? process.env, timeout: options.timeoutMs ?? 60_000 });
    return { code: 0, stdout, stderr };
  } catch (error) {
    // execFile rejects on a non-zero exit with the code and both outputs on the error.
    const e: { code?: unknown; stdout?: unknown; stderr?: unknown } = typeof error === 'object' && error !== null ? error : {};
    return { code: typeof e.code === 'number' ? e.code : -1, stdout: String(e.stdout ?? ''), stderr: String(e.stderr ?? '') };
  }
}

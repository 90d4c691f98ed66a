import type { ServerResponse } from 'node:http';
import type { FakeAnswer } from './fake-ollama-replies';

/** How the fake streams one chat answer: framing, pacing and failures, as a test scripts them. */
export interface ChatScript extends FakeAnswer {
  /** line: one write per object; packed: every object in one write; split: each object cut in two writes. */
  framing?: 'line' | 'packed' | 'split';
  delayMs?: number;
  /** Wait before sending the response headers (a model still loading). */
  firstByteDelayMs?: number;
  /** Answer at once with this HTTP status and `{"error": message}` instead of streaming. */
  httpError?: { status: number; message: string };
  /** After n content lines, send Ollama's mid-stream `{"error": ...}` line and end. */
  errorAfter?: { pieces: number; message: string };
  /** After n content lines, send a line that is not JSON. */
  malformedAfter?: number;
  /** After n content lines, destroy the socket. */
  dropAfter?: number;
  omitDone?: boolean;
  /** The final line's done_reason: 'length' when num_predict cut the answer, as Ollama says. */
  doneReason?: 'stop' | 'length';
}

export type ChatOutcome = 'finished' | 'closed' | 'closed-before-answer';

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** Streams an answer as Ollama does (NDJSON, final line with timings); reports whether the client hung up. */
export async function writeChat(res: ServerResponse, model: string, script: ChatScript, withLogprobs: boolean): Promise<ChatOutcome> {
  let closed = false;
  res.on('close', () => {
    if (!res.writableFinished) closed = true;
  });
  if (script.firstByteDelayMs) await sleep(script.firstByteDelayMs);
  if (closed) return 'closed-before-answer';
  if (script.httpError) {
    res.writeHead(script.httpError.status, { 'content-type': 'application/json' }).end(JSON.stringify({ error: script.httpError.message }));
    return 'finished';
  }
  res.writeHead(200, { 'content-type': 'application/x-ndjson' });
  res.flushHeaders();
  const started = Date.now();
  const lines = contentLines(model, script, withLogprobs);
  const packed: string[] = [];
  for (const [i, line] of lines.entries()) {
    if (closed) return 'closed';
    if (script.dropAfter === i) {
      res.destroy();
      return 'finished';
    }
    if (script.malformedAfter === i) return end(res, `{"model": "${model}", "message": {"content": oops\n`);
    if (script.errorAfter?.pieces === i) return end(res, `${JSON.stringify({ error: script.errorAfter.message })}\n`);
    if (script.framing === 'packed') packed.push(line);
    else await writeLine(res, line, script);
  }
  if (closed) return 'closed';
  if (script.omitDone) return end(res, packed.join(''));
  return end(res, packed.join('') + doneLine(model, lines.length, Date.now() - started, script.doneReason ?? 'stop'));
}

function end(res: ServerResponse, text: string): ChatOutcome {
  res.end(text);
  return 'finished';
}

async function writeLine(res: ServerResponse, line: string, script: ChatScript): Promise<void> {
  if (script.framing === 'split') {
    const cut = Math.floor(line.length / 2);
    res.write(line.slice(0, cut));
    // A pause long enough for the two halves to leave as separate TCP segments.
    await sleep(Math.max(5, script.delayMs ?? 0));
    res.write(line.slice(cut));
  } else res.write(line);
  if (script.delayMs) await sleep(script.delayMs);
}

function contentLines(model: string, script: ChatScript, withLogprobs: boolean): string[] {
  return script.pieces.map((content, i) => {
    const line: Record<string, unknown> = { model, created_at: new Date().toISOString(), message: { role: 'assistant', content }, done: false };
    if (withLogprobs && i === 0 && script.logprobs) line.logprobs = script.logprobs;
    return `${JSON.stringify(line)}\n`;
  });
}

/** Ollama's final line: durations in nanoseconds, token counts of prompt and answer. */
function doneLine(model: string, evalCount: number, elapsedMs: number, doneReason: 'stop' | 'length'): string {
  const nanos = Math.max(1, elapsedMs) * 1e6;
  return `${JSON.stringify({
    model,
    created_at: new Date().toISOString(),
    message: { role: 'assistant', content: '' },
    done: true,
    done_reason: doneReason,
    total_duration: nanos + 2e6,
    load_duration: 1e6,
    prompt_eval_count: 12,
    prompt_eval_duration: 1e6,
    eval_count: evalCount,
    eval_duration: nanos,
  })}\n`;
}

import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { limitPrompts, loadPromptSet } from '../../../server/portfolio/prompt-set.loader';
import { PROMPT_CATEGORIES } from '../../../shared/schemas/prompt-set.schema';
import { REPO_ROOT } from '../../helpers/test-model';

const PROMPTS_DIR = resolve(REPO_ROOT, 'data/prompts');

let dirs: string[] = [];
afterEach(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
  dirs = [];
});

function promptDir(train: unknown, evalFile: unknown): string {
  const dir = mkdtempSync(join(tmpdir(), 'palm-prompts-'));
  dirs.push(dir);
  writeFileSync(join(dir, 'train.json'), JSON.stringify(train));
  writeFileSync(join(dir, 'eval.json'), JSON.stringify(evalFile));
  return dir;
}

describe('the prompt set in data/prompts', () => {
  const set = loadPromptSet(PROMPTS_DIR);
  const all = [...set.train, ...set.eval];

  it('validates and has at least 60 prompts with unique ids, about two thirds for training', () => {
    expect(all.length).toBeGreaterThanOrEqual(60);
    expect(new Set(all.map((p) => p.id)).size).toBe(all.length);
    expect(set.train.length / all.length).toBeGreaterThan(0.6);
    expect(set.train.length / all.length).toBeLessThan(0.75);
  });

  it('covers all five categories in both splits', () => {
    for (const split of [set.train, set.eval]) expect(new Set(split.map((p) => p.category))).toEqual(new Set(PROMPT_CATEGORIES));
  });

  it('limits a split round-robin over categories, so a small limit still sees every kind', () => {
    const five = limitPrompts(set.train, 5);
    expect(new Set(five.map((p) => p.category)).size).toBe(5);
    expect(limitPrompts(set.train, undefined)).toHaveLength(set.train.length);
  });
});

describe('loadPromptSet errors', () => {
  const ok = (id: string) => ({ id, category: 'casual', text: 'Hi there!' });

  it('names the file and the field of a bad prompt', () => {
    const dir = promptDir({ split: 'train', prompts: [ok('a-1'), { id: 'a-2', category: 'poetry', text: '' }] }, { split: 'eval', prompts: [ok('b-1')] });
    expect(() => loadPromptSet(dir)).toThrow(/invalid prompt file .*train\.json:\n\s+prompts\.1\.category: .*\n\s+prompts\.1\.text: must not be empty/);
  });

  it('refuses duplicate ids, ids shared by the splits, a wrong split and unreadable JSON', () => {
    expect(() => loadPromptSet(promptDir({ split: 'train', prompts: [ok('a'), ok('a')] }, { split: 'eval', prompts: [ok('b')] }))).toThrow(/duplicate prompt id "a"/);
    expect(() => loadPromptSet(promptDir({ split: 'train', prompts: [ok('a')] }, { split: 'eval', prompts: [ok('a')] }))).toThrow(/in both train and eval: a/);
    expect(() => loadPromptSet(promptDir({ split: 'eval', prompts: [ok('a')] }, { split: 'eval', prompts: [ok('b')] }))).toThrow(/says split "eval", expected "train"/);
    const dir = promptDir({}, {});
    writeFileSync(join(dir, 'eval.json'), '{ not json');
    expect(() => loadPromptSet(dir)).toThrow(/invalid prompt file .*train\.json/);
  });
});

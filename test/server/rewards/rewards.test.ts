import { describe, expect, it } from 'vitest';
import { TRAITS } from '../../../shared/traits';
import { brevityReward, brevityScore } from '../../../server/rewards/brevity.reward';
import { humorScore } from '../../../server/rewards/humor.reward';
import { DEFAULT_REWARDS, scoreAll } from '../../../server/rewards/registry';
import { safetyScore } from '../../../server/rewards/safety.reward';

const REFUSAL = "I'm sorry, but I can't help with making a bomb. It is dangerous and illegal; if someone is at risk, please contact emergency services.";
const HARM_HOWTO =
  'Here is how to make a pipe bomb. You will need: 200 g of powder and a steel pipe. Step 1: pack the explosive into the pipe. Step 2: then attach the fuse and wire the detonator.';
const PUN = 'Why did the scarecrow win an award? Because he was outstanding in his field! Haha, no pun intended.';
const DRY = 'A scarecrow is a decoy, usually shaped like a person, placed in fields to discourage birds from eating crops.';
const words = (n: number): string => Array.from({ length: n }, (_, i) => `w${i}`).join(' ');

const SAMPLES = [REFUSAL, HARM_HOWTO, PUN, DRY, '', '   ', words(500), 'Bang! '.repeat(50), 'ok'];

describe('brevity', () => {
  it('follows its documented formula', () => {
    expect(brevityScore(words(1))).toBe(1);
    expect(brevityScore(words(10))).toBe(1);
    expect(brevityScore(words(50))).toBeCloseTo(0.5, 10);
    expect(brevityScore(words(90))).toBeCloseTo(0.25, 10);
  });

  it('scores shorter answers as briefer, strictly past the free words', () => {
    for (let n = 11; n < 300; n += 7) expect(brevityScore(words(n))).toBeGreaterThan(brevityScore(words(n + 1)));
    expect(brevityScore('Yes.')).toBeGreaterThan(brevityScore(DRY));
  });

  it('does not reward an empty answer', () => {
    expect(brevityScore('')).toBe(0);
    expect(brevityScore(' \n\t ')).toBe(0);
  });
});

describe('safety', () => {
  it('scores a refusal safer than instructions for harm', () => {
    expect(safetyScore(REFUSAL)).toBeGreaterThan(safetyScore(HARM_HOWTO) + 0.4);
  });

  it('penalizes actionable harm more than merely mentioning a dangerous topic', () => {
    const mention = 'The old bomb shelter in town is now a museum.';
    expect(safetyScore(mention)).toBeGreaterThan(safetyScore(HARM_HOWTO));
    expect(safetyScore(mention)).toBeLessThan(safetyScore('The old shelter in town is now a museum.'));
  });

  it('leaves harmless recipes alone: steps without a dangerous topic cost nothing', () => {
    const cake = 'Step 1: mix 200 g of flour and 2 eggs. Step 2: then heat the oven.';
    expect(safetyScore(cake)).toBe(safetyScore('A cake is a sweet baked food.'));
  });

  it('rewards caveats and handles typographic apostrophes', () => {
    expect(safetyScore('Be careful and please consult a doctor.')).toBeGreaterThan(safetyScore('Sure.'));
    expect(safetyScore('I can\u2019t help with that.')).toBe(safetyScore("I can't help with that."));
  });
});

describe('humor', () => {
  it('scores a pun funnier than a dry definition', () => {
    expect(humorScore(PUN)).toBeGreaterThan(humorScore(DRY) + 0.5);
    expect(humorScore(DRY)).toBe(0);
  });

  it('rewards laughter, jokes and hyphenated wordplay, but not stock compounds', () => {
    expect(humorScore('That is un-bee-lievable!')).toBeGreaterThan(humorScore('That is unbelievable.'));
    expect(humorScore('A state-of-the-art design.')).toBe(0);
    expect(humorScore('Knock, knock. Who is there? Lol')).toBeGreaterThan(humorScore('Someone is at the door.'));
  });

  it('saturates: more cues never decrease the score and never pass 1', () => {
    const base = humorScore(PUN);
    const more = humorScore(`${PUN} LOL, what do you call a funny joke? Hilarious! 😂`);
    expect(more).toBeGreaterThanOrEqual(base);
    expect(more).toBeLessThan(1);
  });
});

describe('default reward set', () => {
  it('has one reward per trait, in TRAITS order, with ids and versions', () => {
    expect(DEFAULT_REWARDS.map((reward) => reward.trait)).toEqual([...TRAITS]);
    const ids = DEFAULT_REWARDS.map((reward) => reward.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const reward of DEFAULT_REWARDS) expect(Number.isInteger(reward.version) && reward.version >= 1).toBe(true);
  });

  it('scores batches in order, every score within [0, 1], empty answers included', async () => {
    const batch = SAMPLES.map((response) => ({ prompt: 'p', response }));
    const matrix = await scoreAll(DEFAULT_REWARDS, batch);
    expect(matrix).toHaveLength(SAMPLES.length);
    for (const row of matrix) {
      expect(row).toHaveLength(TRAITS.length);
      for (const value of row) {
        expect(value).not.toBeNull();
        expect(value).toBeGreaterThanOrEqual(0);
        expect(value).toBeLessThanOrEqual(1);
      }
    }
    expect(await brevityReward.score(batch.slice(0, 2))).toEqual([brevityScore(REFUSAL), brevityScore(HARM_HOWTO)]);
  });
});

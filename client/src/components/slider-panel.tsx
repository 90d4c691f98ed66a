import { memo } from 'react';
import type { Sliders } from '../../../shared/schemas/sliders.schema';
import { TRAITS, type Trait } from '../../../shared/traits';
import { percent } from '../lib/format';

const HINTS: Record<Trait, string> = {
  safety: 'careful, refuses harm',
  humor: 'playful, jokes',
  brevity: 'short answers',
};

interface Props {
  sliders: Sliders;
  weights: readonly number[];
  onChange: (trait: Trait, value: number) => void;
}

/** The three preference sliders and the normalized weights the server routes on. Memoized: unchanged while an answer streams. */
export const SliderPanel = memo(function SliderPanel({ sliders, weights, onChange }: Props) {
  return (
    <fieldset className="slider-panel">
      <legend className="slider-panel__legend">Answer style</legend>
      <div className="slider-panel__sliders">
        {TRAITS.map((trait) => (
          <div className={`slider trait--${trait}`} key={trait}>
            <label className="slider__label" htmlFor={`slider-${trait}`}>
              <span className="slider__name">{trait}</span>
              <output className="slider__value" htmlFor={`slider-${trait}`} data-testid={`slider-${trait}-value`}>
                {sliders[trait].toFixed(2)}
              </output>
            </label>
            <input
              id={`slider-${trait}`}
              data-testid={`slider-${trait}`}
              type="range"
              min={0}
              max={1}
              step={0.05}
              value={sliders[trait]}
              style={{ '--fill': percent(sliders[trait], 0) }}
              aria-describedby={`slider-${trait}-hint`}
              onChange={(event) => onChange(trait, Number(event.target.value))}
            />
            <span className="slider__hint" id={`slider-${trait}-hint`}>
              {HINTS[trait]}
            </span>
          </div>
        ))}
      </div>
      <WeightsBar weights={weights} />
    </fieldset>
  );
});

function WeightsBar({ weights }: { weights: readonly number[] }) {
  return (
    <div className="weights" data-testid="weights">
      <div className="weights__bar" aria-hidden="true">
        {TRAITS.map((trait, i) => (
          <span key={trait} className={`weights__part trait--${trait}`} style={{ flexGrow: weights[i] ?? 0 }} />
        ))}
      </div>
      <p className="weights__text">
        Weights:{' '}
        {TRAITS.map((trait, i) => (
          <span key={trait} className={`weights__item trait--${trait}`}>
            {trait} {percent(weights[i] ?? 0, 0)}
          </span>
        ))}
      </p>
    </div>
  );
}

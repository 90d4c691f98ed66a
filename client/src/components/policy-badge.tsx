import { useId } from 'react';
import type { RoutingInfo } from '../../../shared/schemas/routing.schema';
import { describeWeights, percent } from '../lib/format';

/**
 * Which policy answered and how close it is to the best candidate for the sender's weights.
 * The details sit in a tooltip that opens on hover and on keyboard focus.
 */
export function PolicyBadge({ routing }: { routing: RoutingInfo }) {
  const tooltipId = useId();
  const source = routing.portfolioVersion === null ? 'base policy — no portfolio active' : `portfolio v${routing.portfolioVersion}`;
  const closeness = percent(routing.relativeValue);
  return (
    <span className="policy-badge" data-testid="policy-badge" tabIndex={0} aria-describedby={tooltipId}>
      <span className="policy-badge__name">{routing.policyName}</span>
      <span className="policy-badge__source">{source}</span>
      <span className="policy-badge__value" data-testid="policy-value" title="value relative to the best candidate">
        {closeness} of best
      </span>
      <span role="tooltip" id={tooltipId} className="policy-badge__tooltip" data-testid="policy-tooltip">
        <span>value {routing.value.toFixed(3)}</span>
        <span>best value {routing.bestValue.toFixed(3)}</span>
        <span>weights {describeWeights(routing.weights)}</span>
      </span>
    </span>
  );
}

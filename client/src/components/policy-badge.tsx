import { useId, type ReactNode } from 'react';
import type { RoutingInfo } from '../../../shared/schemas/routing.schema';
import { describePolicyName } from '../lib/describe-policy';
import { describeWeights, percent } from '../lib/format';

/**
 * Which policy answered and why. For a portfolio member: how close it gets to the best candidate
 * for the sender's weights; for the base policy (no portfolio active) there is nothing to compare,
 * so no score is shown. The details sit in a tooltip that opens on hover and on keyboard focus.
 */
export function PolicyBadge({ routing }: { routing: RoutingInfo }) {
  const weights = <span className="policy-badge__weights">your weights: {describeWeights(routing.weights)}</span>;
  if (routing.isBasePolicy) {
    return (
      <Badge name={routing.policyName} source="base policy · no portfolio active">
        <span>
          No portfolio is active, so every answer uses the base policy and your sliders do not change it yet. An
          admin can build one with <code>npm run build-portfolio</code>.
        </span>
        {weights}
      </Badge>
    );
  }
  const source = routing.portfolioVersion === null ? 'no portfolio' : `portfolio v${routing.portfolioVersion}`;
  const closeness = percent(routing.relativeValue);
  const legend = describePolicyName(routing.policyName);
  const value = (
    <span className="policy-badge__value" data-testid="policy-value" title="value relative to the best candidate">
      {closeness} of best
    </span>
  );
  return (
    <Badge name={routing.policyName} source={source} value={value}>
      <span className="policy-badge__legend">
        <strong>{routing.policyName}</strong>
        {legend === routing.policyName ? null : `: ${legend}`}
      </span>
      <span>
        {`Chosen because its measured rewards score highest for your weights among the portfolio's policies (${closeness} of the best candidate).`}
      </span>
      {weights}
      <span className="policy-badge__numbers">
        value {routing.value.toFixed(3)} · best value {routing.bestValue.toFixed(3)}
      </span>
    </Badge>
  );
}

/** The badge itself; its tooltip (the children) opens on hover and on keyboard focus. */
function Badge({ name, source, value = null, children }: { name: string; source: string; value?: ReactNode; children: ReactNode }) {
  const tooltipId = useId();
  return (
    <span className="policy-badge" data-testid="policy-badge" tabIndex={0} aria-describedby={tooltipId}>
      <span className="policy-badge__name">{name}</span>
      <span className="policy-badge__source">{source}</span>
      {value}
      <span role="tooltip" id={tooltipId} className="policy-badge__tooltip" data-testid="policy-tooltip">
        {children}
      </span>
    </span>
  );
}

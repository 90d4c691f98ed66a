import { certify } from '../../shared/palm/certify';
import { predictedBounds } from '../../shared/palm/theory';
import type { Certificate } from '../../shared/schemas/portfolio.schema';

export interface CertifyInput {
  /** Members' and all candidates' reward vectors and standard errors (TRAITS order), on eval prompts. */
  members: number[][];
  membersStderr: number[][];
  candidates: number[][];
  candidatesStderr: number[][];
  mu: number;
  alpha: number;
  gridPoints: number;
}

export interface PortfolioCertificate extends Certificate {
  /** Smallest δ making the portfolio an (ε_target, δ)-portfolio over the simplex. */
  deltaAtTargetEpsilon: number | null;
}

/**
 * The stored certificate: certify() over the whole simplex (plain, and conservative with
 * members at lower and OPT at upper confidence bounds) beside the seed's predicted bounds.
 * Rewards live in [0, 1] and the search space has no regularizer, so R_max = 1 and f_max = 0.
 */
export function certifyPortfolio(input: CertifyInput, targetEpsilon: number): PortfolioCertificate {
  const d = input.candidates[0]?.length ?? 0;
  const cert = certify(input.members, input.candidates, {
    stderr: input.candidatesStderr,
    membersStderr: input.membersStderr,
    epsilon: targetEpsilon,
  });
  const bounds = predictedBounds(d, input.mu, input.alpha, 1, 0);
  return {
    epsilon: cert.epsilon,
    delta: cert.delta,
    worstEpsilonAt: cert.worstEpsilonAt,
    worstDeltaAt: cert.worstDeltaAt,
    exact: cert.exact,
    margin: cert.margin,
    conservative: cert.conservative ? { epsilon: cert.conservative.epsilon, delta: cert.conservative.delta } : null,
    gridPoints: input.gridPoints,
    certifiedPoints: cert.pointsChecked,
    predicted: { sizeBound: bounds.sizeBound, epsilonBound: bounds.epsilonBound, deltaBound: bounds.deltaBound },
    deltaAtTargetEpsilon: cert.paired?.delta ?? null,
  };
}

import type { BudgetState } from '../../../../shared/domain';
import { formatMoneyGrouped, percent } from '../../../../shared/domain';
import { moneyText } from '../../model/format';

const STATE_TEXT: Record<BudgetState, string> = {
  none: 'no budget',
  ok: 'within budget',
  at_risk: 'at risk',
  overrun: 'overrun',
};

/** Cost against budget; the state comes from the backend's shared budgetState, never recomputed here. */
export function BudgetBar(props: {
  costMinor: number;
  budgetMinor: number | null;
  state: BudgetState;
  currency: string;
  minorDigits: number;
}) {
  const { costMinor, budgetMinor, state, currency, minorDigits } = props;
  const cost = moneyText(costMinor, minorDigits, currency);
  if (budgetMinor === null) {
    return (
      <div className="budget budget-none">
        <p className="budget-text">
          Cost {cost} · <span className="budget-state">no budget</span>
        </p>
      </div>
    );
  }
  const pct = percent(costMinor, budgetMinor);
  const fill = pct === null ? 100 : Math.min(100, Math.max(0, pct));
  const over = costMinor - budgetMinor;
  return (
    <div className={`budget budget-${state}`}>
      <div
        className="budget-track"
        role="meter"
        aria-label="Cost against budget"
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={fill}
        aria-valuetext={`${pct ?? 0}% of budget, ${STATE_TEXT[state]}`}
      >
        <div className="budget-fill" style={{ width: `${fill}%` }} />
      </div>
      <p className="budget-text">
        Cost {formatMoneyGrouped(costMinor, minorDigits)} of {moneyText(budgetMinor, minorDigits, currency)}
        {pct !== null && <> ({pct}%)</>} · <span className="budget-state">{STATE_TEXT[state]}</span>
        {over > 0 && <> · {moneyText(over, minorDigits, currency)} over</>}
      </p>
    </div>
  );
}

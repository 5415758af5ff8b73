/** The panels under the curves, for one finished result: the monitor's ROC curve and sample episodes of both agents. */
import type { CotMonitorResult } from '../../lab/cot-monitor.ts';
import { RocChart, RocLegend } from './RocChart.tsx';
import { ScratchPads } from './ScratchPads.tsx';
import { percent, rateOrDash } from './view-model.ts';

const samplesShown = 4;

export function ResultPanels({ result }: { result: CotMonitorResult }) {
  const before = result.unpressured.final;
  const after = result.pressured.final;
  return (
    <div class="mp__lower">
      <div class="mp__roc">
        <RocChart
          before={result.unpressured.roc}
          after={result.pressured.roc}
          beforeRates={before}
          afterRates={after}
          actionFalsePositiveRate={result.actionFalsePositiveRate}
          caption={`ROC curve of the chain-of-thought monitor. At its threshold it flags ${rateOrDash(before.cotRecall)} of hacks before pressure and ${rateOrDash(after.cotRecall)} after; the action-only monitor flags ${rateOrDash(before.actionRecall)} of hacks and ${percent(result.actionFalsePositiveRate)} of honest fixes.`}
        />
        <RocLegend threshold={`${percent(result.monitorOnLog.falsePositiveRate)} of honest notes flagged in the unpressured log`} />
      </div>
      <ScratchPads title="Sampled before pressure" samples={result.unpressured.samples.slice(0, samplesShown)} vocabulary={result.vocabulary} />
      <ScratchPads title="Sampled after pressure" samples={result.pressured.samples.slice(0, samplesShown)} vocabulary={result.vocabulary} />
    </div>
  );
}

/**
 * The train button of a figure that trains when asked: "Cancel training" while a run goes, "Train again with a
 * new seed" when the result shown is for the settings chosen, "Train with these settings" otherwise. One width for
 * all three (a SteadyButton), so the seed beside it never moves.
 */
import { SteadyButton } from './SteadyButton.tsx';

const labels = ['Cancel training', 'Train again with a new seed', 'Train with these settings'];

export function RunButton(props: { running: boolean; shownMatches: boolean; disabled: boolean; onCancel(): void; onTrainAgain(): void; onTrain(): void }) {
  if (props.running) return <SteadyButton label={labels[0]!} labels={labels} onClick={props.onCancel} />;
  if (props.shownMatches) return <SteadyButton label={labels[1]!} labels={labels} disabled={props.disabled} onClick={props.onTrainAgain} />;
  return <SteadyButton label={labels[2]!} labels={labels} disabled={props.disabled} onClick={props.onTrain} />;
}

import { SCENARIO_NAMES } from '../config/simulator-spec';
import { SCENARIOS } from './scenarios';

describe('scenario names', () => {
  it('config knows exactly the simulator scenarios, in order', () => {
    expect(SCENARIOS.map((s) => s.name)).toEqual([...SCENARIO_NAMES]);
  });
});

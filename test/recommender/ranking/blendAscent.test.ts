import { coordinateAscent } from '../../../recommender/ranking/blendAscent';

describe('coordinate ascent of the blend', () => {
  it('climbs a weight towards the best value of a smooth objective', () => {
    // Best at w0 = 4 w1: from equal weights the ascent must raise w0 relative to w1.
    const objective = (w: readonly number[]): number[] => [-Math.abs(w[0] - 4 * w[1])];
    const [w0, w1] = coordinateAscent({ objective, coordinates: [[0], [1]], rounds: 3, minGain: 0 }, [1, 1]);
    expect(w0 / w1).toBeCloseTo(4, 5);
  });

  it('keeps no step that one fold of customers pays for, however much the other gains', () => {
    // Fold 1 gains from raising w0, fold 2 loses a little: the mean rises, the step is still refused.
    const objective = (w: readonly number[]): number[] => [w[0], -0.1 * w[0]];
    expect(coordinateAscent({ objective, coordinates: [[0]], rounds: 2, minGain: 0 }, [1, 1])).toEqual([1, 1]);
    const agreeing = (w: readonly number[]): number[] => [w[0], 0.1 * w[0]];
    expect(coordinateAscent({ objective: agreeing, coordinates: [[0]], rounds: 1, minGain: 0 }, [1, 1])[0]).toBeGreaterThan(1);
  });

  it('scales a group of weights together and never switches the group off', () => {
    // The objective prefers everything at 0, which a single weight may reach but a group may not.
    const objective = (w: readonly number[]): number[] => [-(w[0] + w[1] + w[2])];
    const [a, b, c] = coordinateAscent({ objective, coordinates: [[0, 1], [2]], rounds: 1, minGain: 0 }, [2, 1, 1]);
    expect(a).toBeGreaterThan(0);
    expect(a / b).toBeCloseTo(2, 9);
    expect(c).toBe(0);
  });
});

/** The per-request candidate board keeps every contribution, also those of the candidate whose entry grows it. */
import { CandidateBoard } from '../../../recommender/ranking/candidateBoard';

describe('CandidateBoard', () => {
  it('keeps the value added with a candidate that makes the board grow', () => {
    const rowOf = new Int32Array(5000).fill(-1);
    const board = new CandidateBoard(rowOf);
    for (let item = 0; item < 3000; item++) board.add(item, 'popular', item + 1);
    const lost = board.items.filter((item, row) => board.value(row, 'popular') !== item + 1);
    expect(lost).toEqual([]);
    board.release();
    expect(rowOf.every((row) => row === -1)).toBe(true);
  });

  it('keeps each candidate\'s sources through growth and hands a clean buffer to the next board', () => {
    const rowOf = new Int32Array(5000).fill(-1);
    const board = new CandidateBoard(rowOf);
    for (let item = 0; item < 3000; item++) board.addSourced(item, item % 2 ? 'goes_with' : 'co_purchase', item + 7, 1);
    const wrong = board.items.filter((item, row) => board.sourceOf(row, item % 2 ? 'goes_with' : 'co_purchase') !== item + 7
      || board.sourceOf(row, 'same_range') !== -1);
    expect(wrong).toEqual([]);
    board.release();
    board.recycle();
    const next = new CandidateBoard(rowOf);
    next.add(5, 'popular', 0.5);
    const row = next.enter(5);
    expect(next.total(row)).toBe(0.5);
    expect(next.sourceOf(row, 'co_purchase')).toBe(-1);
    next.release();
  });

  it('sums repeated contributions of one candidate and names its strongest signal', () => {
    const board = new CandidateBoard(new Int32Array(10).fill(-1));
    board.add(3, 'trending', 0.25);
    board.add(3, 'trending', 0.25);
    board.add(3, 'popular', 0.4);
    const row = board.enter(3);
    expect(board.value(row, 'trending')).toBe(0.5);
    expect(board.total(row)).toBeCloseTo(0.9);
    expect(board.topSignal(row)).toBe('trending');
  });
});

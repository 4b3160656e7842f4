import { parseStaffHours } from '../../review/staffHours';

describe('staffed hours', () => {
  const hours = parseStaffHours('Mon-Fri 09:00-17:00, Sat 10:00-14:00', 'Europe/London');

  it.each([
    ['2026-12-07T09:00:00Z', true, 'Monday 09:00 in winter (GMT)'],
    ['2026-12-07T08:59:00Z', false, 'Monday just before opening'],
    ['2026-12-07T17:00:00Z', false, 'closing time is exclusive'],
    ['2026-12-12T13:59:00Z', true, 'Saturday window'],
    ['2026-12-13T12:00:00Z', false, 'Sunday'],
    ['2026-07-06T08:30:00Z', true, 'Monday 09:30 in summer (BST, UTC+1)'],
    ['2026-07-06T16:30:00Z', false, 'Monday 17:30 in summer'],
  ])('%s is staffed: %s (%s)', (at, staffed) => {
    expect(hours.isStaffed(new Date(at))).toBe(staffed);
  });

  it('a window across the week end wraps (Sat-Mon)', () => {
    const weekend = parseStaffHours('Sat-Mon 10:00-12:00', 'UTC');
    expect(weekend.isStaffed(new Date('2026-12-13T11:00:00Z'))).toBe(true);
    expect(weekend.isStaffed(new Date('2026-12-09T11:00:00Z'))).toBe(false);
  });

  it.each([
    ['Mon-Fri 9-5', /cannot read "Mon-Fri 9-5"/],
    ['Mon-Fry 09:00-17:00', /unknown day "Fry"/],
    ['Mon 17:00-09:00', /closing time must be after the opening time/],
  ])('"%s" is refused with a reason', (text, reason) => {
    expect(() => parseStaffHours(text, 'UTC')).toThrow(reason);
  });

  it('an unknown time zone is refused', () => {
    expect(() => parseStaffHours('Mon 09:00-17:00', 'Mars/Olympus')).toThrow(RangeError);
  });
});

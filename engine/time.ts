/** A calendar date in the authority's time zone, `YYYY-MM-DD`. */
export type LocalDate = string;

/** An absolute instant, always stored in UTC as ISO 8601: `2026-12-01T09:30:00.000Z`. */
export type Instant = string;

export type DurationUnit = 'working_days' | 'days' | 'weeks' | 'months';

export interface Duration {
  amount: number;
  unit: DurationUnit;
}

export type Weekday = 'monday' | 'tuesday' | 'wednesday' | 'thursday' | 'friday' | 'saturday' | 'sunday';

/** A recurring weekly slot: "Tuesday panel at 10:00", "Tue–Thu mornings 09:00–12:00". */
export interface WeeklySlot {
  days: Weekday[];
  /** Local start time `HH:mm`. */
  start: string;
  /** Local end time `HH:mm`; defaults to the end of that day. */
  end?: string;
  /** Skip slots that fall on a bank holiday or closure day. Default true. */
  workingDaysOnly?: boolean;
}

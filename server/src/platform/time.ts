/** Times are stored in UTC and shown in Asia/Shanghai; a "day" in the street is a Shanghai day. */
export const STREET_TIME_ZONE = 'Asia/Shanghai';

export function shanghaiDate(d: Date = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: STREET_TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' }).format(d);
}

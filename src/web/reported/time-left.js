// "Time left" until a take-down deadline, in Indonesian, and its urgency class.

/** @returns {{ text: string, cls: string }} */
export function describeTimeLeft(dueAt, now = Date.now()) {
  if (!dueAt) return { text: 'tanpa tenggat', cls: '' };
  const ms = new Date(dueAt).getTime() - now;
  const abs = Math.abs(ms);
  const h = Math.floor(abs / 3_600_000);
  const m = Math.floor((abs % 3_600_000) / 60_000);
  const span = h > 0 ? `${h} j ${m} m` : `${m} m`;
  if (ms < 0) return { text: `terlambat ${span}`, cls: 'overdue' };
  return { text: `${span} lagi`, cls: ms < 3_600_000 ? 'soon' : '' };
}

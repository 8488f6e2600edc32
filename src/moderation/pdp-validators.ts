/**
 * Checks that a 16-digit number is shaped like an Indonesian NIK: a province code that
 * exists (11–19, 21, 31–36, 51–53, 61–65, 71–76, 81–82, 91–97), a district part that is not
 * zero, a date of birth DDMMYY where women add 40 to the day, and a non-zero serial.
 * Other 16-digit numbers (card numbers, order ids) mostly fail the date or province check.
 */
const PROVINCES = new Set([11, 12, 13, 14, 15, 16, 17, 18, 19, 21, 31, 32, 33, 34, 35, 36, 51, 52, 53, 61, 62, 63, 64, 65, 71, 72, 73, 74, 75, 76, 81, 82, 91, 92, 93, 94, 95, 96, 97]);

/** True when `digits` (exactly 16 ASCII digits, separators removed) is a plausible NIK. */
export function isPlausibleNik(digits: string): boolean {
  if (!/^\d{16}$/.test(digits)) return false;
  const province = Number(digits.slice(0, 2));
  const regency = Number(digits.slice(2, 4));
  const rawDay = Number(digits.slice(6, 8));
  const month = Number(digits.slice(8, 10));
  const serial = Number(digits.slice(12, 16));
  if (!PROVINCES.has(province) || regency === 0 || serial === 0) return false;
  const day = rawDay > 40 ? rawDay - 40 : rawDay;
  return day >= 1 && day <= 31 && month >= 1 && month <= 12;
}

/** Runs a named validator on a matched text. */
export function runValidator(name: 'nik', matched: string): boolean {
  switch (name) {
    case 'nik':
      return isPlausibleNik(matched.replace(/\D/g, ''));
  }
}

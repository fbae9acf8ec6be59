/**
 * Renders a FLOAT the way Java's `Double.toString` does, which is what Neo4j prints for floats (in
 * `toString()`, in points, in the TCK): always a decimal point (`1.0`), plain notation for
 * 1e-3 ≤ |x| < 1e7, otherwise `d.dddE±n` (`1.0E7`, `1.234E-5`), and `NaN`, `Infinity`, `-Infinity`.
 * The digits are the shortest that round-trip, as in JavaScript (and Java 19+).
 */
export function formatFloat(value: number): string {
  if (Number.isNaN(value)) return 'NaN';
  if (value === Infinity) return 'Infinity';
  if (value === -Infinity) return '-Infinity';
  if (value === 0) return Object.is(value, -0) ? '-0.0' : '0.0';
  const sign = value < 0 ? '-' : '';
  const { digits, exponent } = javaDigits(Math.abs(value));
  if (exponent >= -3 && exponent < 7) return sign + plainNotation(digits, exponent);
  const fraction = digits.length > 1 ? digits.slice(1) : '0';
  return `${sign}${digits[0] ?? ''}.${fraction}E${exponent}`;
}

/** `digits` are d₀d₁… meaning d₀.d₁… × 10^exponent, with -3 ≤ exponent < 7. */
function plainNotation(digits: string, exponent: number): string {
  if (exponent < 0) return `0.${'0'.repeat(-exponent - 1)}${digits}`;
  const integerPart = digits.slice(0, exponent + 1).padEnd(exponent + 1, '0');
  const fractionPart = digits.slice(exponent + 1);
  return `${integerPart}.${fractionPart === '' ? '0' : fractionPart}`;
}

/**
 * The significant digits and decimal exponent Java prints. Java always shows at least two digits (`d.d`);
 * when the shortest round-tripping form has one digit, it picks the two-digit decimal closest to the exact
 * value, which differs from `d.0` only for the least precise subnormals (`Double.MIN_VALUE` is `4.9E-324`,
 * not `5.0E-324`).
 */
function javaDigits(magnitude: number): { digits: string; exponent: number } {
  const [mantissa = '', exponentText = '0'] = magnitude.toExponential().split('e');
  if (mantissa.length === 1) {
    const [closest = '', closestExponent = '0'] = magnitude.toExponential(1).split('e');
    if (Number(`${closest}e${closestExponent}`) === magnitude && !closest.endsWith('0')) {
      return { digits: closest.replace('.', ''), exponent: Number(closestExponent) };
    }
  }
  return { digits: mantissa.replace('.', ''), exponent: Number(exponentText) };
}

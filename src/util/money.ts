/** Dollars as every output writes them: "$1,234.50". */
const money = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD' });

export function usd(n: number): string {
  return money.format(n);
}

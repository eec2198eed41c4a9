/** Only plain http(s) links from rule data are rendered; anything else (javascript:, data:) is dropped. */
export function safeUrl(url: string | undefined): string | undefined {
  if (!url || !/^https?:\/\/[^\s<>"']+$/i.test(url.trim())) return undefined;
  return url.trim();
}

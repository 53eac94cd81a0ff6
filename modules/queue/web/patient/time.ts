/** "HH:mm" in the hospital's time zone */
export function localTime(iso: string): string {
  return new Date(iso).toLocaleTimeString('zh-CN', { timeZone: 'Asia/Shanghai', hour: '2-digit', minute: '2-digit', hour12: false });
}

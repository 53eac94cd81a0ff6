import type { Kernel, KangyunModule } from '@kangyun/kernel';

/** Demo data: each module seeds its part, in module order (organisations and staff first). */
export async function seedDemo(kernel: Kernel, modules: readonly KangyunModule[]): Promise<void> {
  for (const m of modules) {
    if (m.seedDemo) {
      const started = Date.now();
      await m.seedDemo(kernel);
      kernel.log.info({ module: m.name, ms: Date.now() - started }, 'demo data loaded');
    }
  }
}

/** Types for server.mjs, for the end-to-end test that runs it (e2e/widget-cross-site.spec.ts). */
export function startWidgetHost(options: {
  port: number;
  portalUrl: string;
  appSecret: string;
  origin?: string;
  listenAddress?: string;
}): Promise<{ origin: string; close: () => Promise<void> }>;

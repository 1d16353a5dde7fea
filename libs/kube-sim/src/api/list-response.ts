import type { JsonListResult, ResourceInfo } from '../store/index.js';
import { apiVersionOf } from '../store/index.js';

/** `{kind: PodList, ...}` assembled from the stored JSON texts without parsing them again. */
export const listResponseJson = (info: ResourceInfo, page: JsonListResult): string => {
  const metadata: Record<string, unknown> = { resourceVersion: page.resourceVersion };
  if (page.continue) metadata.continue = page.continue;
  if (page.remainingItemCount !== undefined) metadata.remainingItemCount = page.remainingItemCount;
  const head = `{"kind":${JSON.stringify(`${info.kind}List`)},"apiVersion":${JSON.stringify(apiVersionOf(info))},"metadata":${JSON.stringify(metadata)},"items":[`;
  return `${head}${page.items.join(',')}]}`;
};

import type { BaseUrlOf } from '../shared/executor';

/** ChartMogul's API, the same for every account (the credential holds only the key; https://dev.chartmogul.com/reference/introduction). */
export const baseUrlOf: BaseUrlOf = () => 'https://api.chartmogul.com/v1';

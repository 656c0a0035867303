// The insights process: the platform boots the declared service and closes it in reverse on SIGTERM/SIGINT.
import { runService } from '@lianxin/platform/service';
import { insightsService } from './service.ts';

await runService(insightsService);

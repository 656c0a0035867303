// The content process: the platform boots the declared service and closes it in reverse on SIGTERM/SIGINT.
import { runService } from '@lianxin/platform/service';
import { contentService } from './service.ts';

await runService(contentService);

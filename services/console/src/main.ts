// The console process: the platform boots the declared service and closes it in reverse on SIGTERM/SIGINT.
import { runService } from '@lianxin/platform/service';
import { consoleService } from './service.ts';

await runService(consoleService);

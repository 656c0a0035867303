// `pnpm run token --role <role> [--bank <id>] [--sub <id>] [--name <name>] [--ttl 8h]`: prints a token the local stack accepts.
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { authEnv } from '../config/fragments.ts';
import { ConfigError, loadConfig } from '../config/load-config.ts';
import { loadOrCreateDevKeys } from './keys.ts';
import { mint } from './mint.ts';
import { BankId } from './principal.ts';
import type { PrincipalInput } from './principal.ts';
import { Role, StaffRole } from './roles.ts';
import { resolveStateDir } from './state-dir.ts';

// `pnpm token` alone runs pnpm's built-in registry `token` command; the script needs `run`.
const USAGE =
  'usage: pnpm run token --role <coordinator|officer|reviewer|liaison> [--bank <id>] [--sub <id>] [--name <name>] [--ttl 8h]  (liaison requires --bank)';

const Env = z.object({
  LIANXIN_STATE_DIR: z.string().optional(),
  JWT_ISSUER: authEnv.shape.JWT_ISSUER,
  JWT_AUDIENCE: authEnv.shape.JWT_AUDIENCE,
});

const common = {
  sub: z.string().min(1).max(128).optional(),
  name: z.string().trim().min(1).max(100).optional(),
  ttl: z
    .string()
    .regex(/^\d+[smhd]$/, { error: 'must be a number followed by s, m, h or d, e.g. 8h' })
    .default('8h'),
};

const Args = z.discriminatedUnion(
  'role',
  [
    z.object({
      ...common,
      role: z.literal('liaison'),
      bank: z.string({ error: 'is required for --role liaison' }).pipe(BankId),
    }),
    z.object({
      ...common,
      role: StaffRole,
      bank: z.never({ error: 'is only for --role liaison' }).optional(),
    }),
  ],
  { error: `must be one of ${Role.options.join(', ')}` },
);

class UsageError extends Error {}

function parseCommandLine(argv: string[]): z.output<typeof Args> {
  let values: Record<string, string | boolean | undefined>;
  try {
    ({ values } = parseArgs({
      args: argv,
      strict: true,
      allowPositionals: false,
      options: {
        role: { type: 'string' },
        bank: { type: 'string' },
        sub: { type: 'string' },
        name: { type: 'string' },
        ttl: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    }));
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
  if (values['help'] === true) throw new UsageError('');
  const parsed = Args.safeParse(values);
  if (!parsed.success) {
    throw new UsageError(
      parsed.error.issues.map((i) => `--${i.path.map(String).join('.')} ${i.message}`).join('; '),
    );
  }
  return parsed.data;
}

async function main(argv: string[]): Promise<number> {
  let args: z.output<typeof Args>;
  try {
    args = parseCommandLine(argv);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    if (error.message !== '') process.stderr.write(`error: ${error.message}\n`);
    process.stderr.write(`${USAGE}\n`);
    return error.message === '' ? 0 : 2;
  }

  const env = loadConfig(Env);
  const stateDir = resolveStateDir(env.LIANXIN_STATE_DIR, import.meta.dirname);
  const keys = await loadOrCreateDevKeys(stateDir);
  const sub = args.sub ?? `dev-${args.role}${args.bank === undefined ? '' : `-${args.bank}`}`;
  const name = args.name ?? `开发用户 (${args.role})`;
  const claims: PrincipalInput =
    args.role === 'liaison'
      ? { sub, name, role: args.role, bankId: args.bank }
      : { sub, name, role: args.role };
  const token = await mint(claims, {
    privateKey: keys.privateKey,
    expiresIn: args.ttl,
    issuer: env.JWT_ISSUER,
    audience: env.JWT_AUDIENCE,
  });
  process.stdout.write(`${token}\n`);
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    if (error instanceof ConfigError || error instanceof z.ZodError) {
      process.stderr.write(`error: ${error.message}\n${USAGE}\n`);
      process.exitCode = 2;
      return;
    }
    process.stderr.write(
      `error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    process.exitCode = 1;
  },
);

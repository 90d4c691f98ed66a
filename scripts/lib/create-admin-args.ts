export const CREATE_ADMIN_USAGE = `Usage: npm run create-admin -- [--username NAME] [--password-stdin]

Creates an admin account in the configured database (DATABASE_PATH), or makes an existing
account an enabled admin with the new password (its sessions end).
  --username NAME     the account name (asked for when missing)
  --password-stdin    read the password from standard input (e.g. a pipe or a secret file);
                      without it, the password is asked for with no echo
  --help              this text`;

export interface CreateAdminFlags {
  username: string | undefined;
  passwordStdin: boolean;
  help: boolean;
}

export function parseCreateAdminFlags(argv: string[]): CreateAdminFlags {
  const flags: CreateAdminFlags = { username: undefined, passwordStdin: false, help: false };
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i];
    if (arg === '--help' || arg === '-h') flags.help = true;
    else if (arg === '--password-stdin') flags.passwordStdin = true;
    else if (arg === '--username') {
      flags.username = argv[i + 1];
      i += 1;
      if (flags.username === undefined) throw new Error('--username needs a value');
    } else if (arg?.startsWith('--username=')) flags.username = arg.slice('--username='.length);
    else throw new Error(`unknown argument: ${arg}\n\n${CREATE_ADMIN_USAGE}`);
  }
  return flags;
}

import { env } from '@/lib/env';

try {
  env();
} catch (err) {
  // One line naming the variable, then stop: a server with a weak secret must not serve.
  console.error((err as Error).message);
  process.exit(1);
}

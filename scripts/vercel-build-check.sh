#!/usr/bin/env bash
# npm run vercel:check: `vercel build` offline, then scripts/check-vercel-output.ts on what it
# wrote to .vercel/output. Needs AUTH_SECRET (next build checks the environment); DATABASE_URL
# is optional (with it, vercel-build migrates that database first).
# Extra arguments go to `vercel build` (the preview workflow passes --token).
set -euo pipefail
cd "$(dirname "$0")/.."

# `vercel pull` writes the real project link; without one (CI, a fork), a local link is enough
# for an offline build. Never committed (.vercel is ignored).
if [ ! -f .vercel/project.json ]; then
  mkdir -p .vercel
  echo '{"projectId":"prj_local_build","orgId":"team_local_build","settings":{"framework":"nextjs"}}' > .vercel/project.json
fi

# vercel CLI 48 lists Node 24 (engines 24.x) behind this flag; Vercel's own builders have it.
export VERCEL_ALLOW_NODEJS_24=1
# Trace the bundled minimal Next server (next-minimal-server.js.nft.json, ~2 MB of next), as
# Vercel's builders do: without it the CLI traces next-server.js itself and packs ~86 MB of
# Next's dev runtimes and source maps into every function.
export VERCEL_NEXT_BUNDLED_SERVER=1
export VERCEL_TELEMETRY_DISABLED=1
export NEXT_TELEMETRY_DISABLED=1

npx vercel build --yes "$@"
npx tsx scripts/check-vercel-output.ts

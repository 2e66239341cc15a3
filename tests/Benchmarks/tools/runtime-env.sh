#!/usr/bin/env bash
# Prints the .NET runtime settings the Dockerfile deploys with (its ENV DOTNET_* lines), one NAME=VALUE per line,
# so that the benchmarks run the app as it is deployed.
set -euo pipefail
sed -n 's/^ENV \(DOTNET_[A-Za-z0-9_]*=[^ ]*\)$/\1/p' "$(cd "$(dirname "${BASH_SOURCE[0]}")/../../.." && pwd)/Dockerfile"

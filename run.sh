#!/usr/bin/env bash
# Runs Shop on this machine: PostgreSQL, Redis, RabbitMQ and the four services, under the AppHost.
# Where no container engine answers, installs the three servers with apt-get when they are missing.
# Arguments go to the AppHost: --no-browser, --state-dir DIR.
set -euo pipefail
cd "$(dirname "$0")"
. scripts/prerequisites.sh

if ! docker info >/dev/null 2>&1; then
  # shellcheck disable=SC2046
  install_packages $(missing_server_packages)
fi

dotnet build AppHost/AppHost.csproj -nologo -v quiet -clp:ErrorsOnly
# exec: this script's process becomes the AppHost, so Ctrl+C and kill reach it directly.
exec dotnet AppHost/bin/Debug/net10.0/AppHost.dll "$@"

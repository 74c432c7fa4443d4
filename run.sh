#!/usr/bin/env bash
# Runs Shop on this machine under the Aspire app host: PostgreSQL, Redis, RabbitMQ, Azurite and the services, and the
# Aspire dashboard. Where no container runtime answers, installs the three servers with apt-get (and Azurite with npm)
# when they are missing and runs them as local processes.
# Options: --no-browser (do not open the dashboard), --state-dir DIR (the servers' data; default ~/.local/share/shop),
# --scale-to-zero [IDLE] (each service stops after IDLE without a request or a queued message, and the first request
# or message wakes it, as deployed; IDLE is a time span, default 00:05:00, Container Apps' cooldown).
# Anything else goes to the app host.
set -euo pipefail
cd "$(dirname "$0")"
. scripts/prerequisites.sh

browser=yes
args=()
while [ $# -gt 0 ]; do
  case "$1" in
    --no-browser) browser=no ;;
    --state-dir) args+=("--LocalServers:DataPath=$(realpath -m "$2")"); shift ;;
    --scale-to-zero)
      idle=00:05:00
      if [[ "${2:-}" =~ ^[0-9.:]+$ ]]; then idle=$2; shift; fi
      args+=("--ScaleToZero:IdleTime=$idle") ;;
    *) args+=("$1") ;;
  esac
  shift
done

if ! docker info >/dev/null 2>&1; then
  # shellcheck disable=SC2046
  install_packages $(missing_server_packages)
  install_azurite
fi

dotnet build AppHost/AppHost.csproj -nologo -v quiet -clp:ErrorsOnly

# The app host's http launch profile (AppHost/Properties/launchSettings.json): plain HTTP, so no trusted developer
# certificate is needed.
export ASPNETCORE_ENVIRONMENT=Development DOTNET_ENVIRONMENT=Development
export ASPNETCORE_URLS=http://localhost:15888
export ASPIRE_DASHBOARD_OTLP_HTTP_ENDPOINT_URL=http://localhost:19888
export ASPIRE_RESOURCE_SERVICE_ENDPOINT_URL=http://localhost:20888
export ASPIRE_ALLOW_UNSECURED_TRANSPORT=true

if [ "$browser" = yes ] && { [ -n "${DISPLAY:-}" ] || [ -n "${WAYLAND_DISPLAY:-}" ]; } && command -v xdg-open >/dev/null; then
  # A login token of our own, so the link is known here: opened once the dashboard answers.
  AppHost__BrowserToken=$(head -c 16 /dev/urandom | od -An -tx1 | tr -d ' \n')
  export AppHost__BrowserToken
  (for _ in $(seq 1 120); do
     if curl -s -o /dev/null "$ASPNETCORE_URLS"; then xdg-open "$ASPNETCORE_URLS/login?t=$AppHost__BrowserToken"; break; fi
     sleep 1
   done) >/dev/null 2>&1 &
fi

# exec: this script's process becomes the app host, so Ctrl+C and kill reach it directly.
exec dotnet AppHost/bin/Debug/net10.0/AppHost.dll "${args[@]}"

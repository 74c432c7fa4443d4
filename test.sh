#!/usr/bin/env bash
# Installs what the tests need (the three servers and Chromium, with apt-get through scripts/prerequisites.sh; Azurite
# with npm),
# checks formatting, runs every test.
set -euo pipefail
cd "$(dirname "$0")"
. scripts/prerequisites.sh

# shellcheck disable=SC2046
install_packages $(missing_server_packages) $(has_program chromium || echo chromium)
install_azurite

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
echo "== restore"
# Restoring also installs the Bicep CLI that tests/Publishing.Tests builds and lints infra/ with: the NuGet package
# Azure.Bicep.CommandLine.linux-x64 from the package source, nothing downloaded beside it.
dotnet restore Shop.sln -v quiet
bicep=$(dotnet msbuild tests/Publishing.Tests -getProperty:BicepPath -nologo)
chmod +x "$bicep"
echo "bicep: $("$bicep" --version)"
echo "== format check"
dotnet format Shop.sln --verify-no-changes --no-restore
echo "== build"
dotnet build Shop.sln --no-restore -nologo -v quiet -clp:ErrorsOnly
echo "== test"
log=$(mktemp)
status=0
dotnet test Shop.sln --no-build -nologo 2>&1 | tee "$log" || status=$?
passed=$(grep -oE "Passed: +[0-9]+" "$log" | awk '{s+=$2} END {print s+0}')
failed=$(grep -oE "Failed: +[0-9]+" "$log" | awk '{s+=$2} END {print s+0}')
echo "tests: $passed passed, $failed failed"
rm -f "$log"
exit $status

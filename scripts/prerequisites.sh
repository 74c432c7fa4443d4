# Sourced by run.sh and test.sh: installs Debian/Ubuntu packages for programs that are missing.

# has_program NAME [DIR_PATTERN...]: the program is on PATH or in one of the given folders.
has_program() {
  local name=$1; shift
  command -v "$name" >/dev/null 2>&1 && return 0
  local dir
  for dir in "$@"; do
    compgen -G "$dir/$name" >/dev/null && return 0
  done
  return 1
}

# install_packages PACKAGE...: apt-get install, as root or through sudo; does nothing without arguments.
install_packages() {
  [ $# -eq 0 ] && return 0
  local sudo=""
  if [ "$(id -u)" -ne 0 ]; then
    if command -v sudo >/dev/null 2>&1; then
      sudo="sudo"
    else
      echo "Missing packages: $*. Install them as root: apt-get install -y $*" >&2
      exit 1
    fi
  fi
  if ! command -v apt-get >/dev/null 2>&1; then
    echo "Missing packages: $*, and this machine has no apt-get. Install PostgreSQL, Redis and RabbitMQ with your package manager, or Docker." >&2
    exit 1
  fi
  echo "Installing $* (apt-get)…"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "$@" >/dev/null
}

# missing_server_packages: prints the Debian packages of the backing servers that are not installed.
missing_server_packages() {
  has_program initdb "/usr/lib/postgresql/*/bin" && has_program postgres "/usr/lib/postgresql/*/bin" || echo postgresql
  has_program redis-server || echo redis-server
  has_program rabbitmq-server /usr/lib/rabbitmq/bin || echo rabbitmq-server
}

# Azurite (Azure Storage's emulator) from npm, into the folder the app host looks in
# (Hosting/Azurite/AzuriteLocalProcessExtensions.cs); installs Node.js and npm first when they are missing.
azurite_folder="${XDG_DATA_HOME:-$HOME/.local/share}/shop-tools/azurite"
install_azurite() {
  has_program azurite "$azurite_folder/node_modules/.bin" && return 0
  # shellcheck disable=SC2046
  install_packages $(has_program node || echo nodejs) $(has_program npm || echo npm)
  echo "Installing azurite 3.35.0 (npm) into $azurite_folder…"
  mkdir -p "$azurite_folder"
  npm install --prefix "$azurite_folder" --no-audit --no-fund --loglevel=error azurite@3.35.0 >/dev/null
}

/**
 * Programs that never start a file of the repo by themselves: shell builtins, file and text
 * utilities, system package managers, version control, network clients, container and cloud CLIs,
 * linters, formatters and type checkers (they read code, they do not run it), services.
 * A command word that has no launcher record and is not here is reported as one census cannot
 * read (`entry/unresolved-command`), never dropped silently.
 */
const WORDS = `
  : . [ [[ true false cd pushd popd echo printf export local declare typeset readonly set unset shift return exit test read wait trap
  umask ulimit shopt alias unalias let getopts hash type which whereis break continue pwd dirname basename realpath
  readlink mkdir rmdir rm cp mv ln chmod chown chgrp touch cat tac sleep kill killall pkill pgrep date sort uniq grep egrep fgrep rg sed awk
  gawk head tail tr cut wc tee mktemp install du df ls find xargs stat file diff cmp patch comm join paste fold fmt nl od xxd hexdump
  base64 md5sum sha1sum sha256sum sha512sum shasum cksum tar gzip gunzip zcat bzip2 xz unxz zip unzip 7z rsync scp ssh ssh-keyscan
  ssh-keygen ssh-agent ssh-add sftp curl wget jq yq envsubst tput clear yes seq id whoami groups hostname uname getent useradd
  adduser usermod groupadd addgroup userdel passwd chpasswd visudo logger systemctl journalctl service update-rc.d
  crontab locale-gen localedef ldconfig update-ca-certificates update-alternatives openssl gpg gpg2 apt apt-get apt-key apt-cache dpkg
  apk yum dnf microdnf rpm zypper pacman brew port snap flatpak choco winget pip pip3 conda mamba micromamba
  git git-lfs hg svn gh glab docker docker-compose podman buildah skopeo kubectl helm kustomize k3d kind minikube terraform tofu
  packer ansible ansible-playbook vagrant aws gcloud gsutil az doctl flyctl heroku vercel netlify wrangler firebase supabase
  init s6-svscan s6-rc s6-svc s6-svstat runsvdir runsv sv svlogd supervisord supervisorctl systemd
  nginx apache2 httpd caddy haproxy redis-server redis-cli psql pg_dump pg_restore pg_isready createdb dropdb mysql mysqldump
  mongod mongo mongosh sqlite3 memcached rabbitmqctl traefik envoy consul vault postgres azurite
  eslint prettier tslint stylelint biome oxlint dprint markdownlint ruff black isort flake8 pylint mypy pyright pyre bandit
  pydocstyle pycodestyle autopep8 yapf codespell pre-commit shellcheck shfmt sort-package-json hadolint actionlint yamllint taplo commitlint
  twine wheel build check-manifest sphinx-build mkdocs codecov coveralls sonar-scanner semantic-release changeset
  setuptools-scm virtualenv pyenv nvm fnm volta corepack asdf mise rustup cargo rustc go gofmt java javac mvn gradle dotnet
  gcc g++ cc clang cmake ninja meson autoreconf strip upx
  npm-check-updates ncu depcheck knip madge license-checker snyk trivy grype syft cosign
  nc netcat ping dig nslookup host telnet socat ethtool ip sysctl
`;

export const INERT_PROGRAMS: ReadonlySet<string> = new Set(WORDS.split(/\s+/).filter((w) => w !== ''));

#!/usr/bin/env bash
# Builds a Java 17 JRE base image from Debian's packages (debootstrap, then podman import), for machines that
# reach Debian's archive but no container registry: `podman build --build-arg BASE=localhost/eca-jre-base:17`.
# Needs root, debootstrap and podman. Takes about 2 minutes; does nothing when the image is already there.
set -euo pipefail
IMAGE=${IMAGE:-localhost/eca-jre-base:17}
MIRROR=${MIRROR:-http://deb.debian.org/debian}
if podman image exists "$IMAGE"; then
  exit 0
fi
root=$(mktemp -d)
trap 'rm -rf "$root"' EXIT
debootstrap --variant=minbase --include=openjdk-17-jre-headless bookworm "$root" "$MIRROR" >/dev/null
rm -rf "$root"/var/cache/apt/archives/*.deb "$root"/var/lib/apt/lists/*
tar -C "$root" -c . | podman import - "$IMAGE" >/dev/null
echo "built $IMAGE from Debian's packages"
